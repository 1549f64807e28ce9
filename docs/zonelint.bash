# zonelint.bash - bash completion for zonelint(1); installed by make install
# as share/bash-completion/completions/zonelint.
# shellcheck disable=SC2207,SC2034 # the usual COMPREPLY=($(compgen)) idiom; _init_completion sets all four

_zonelint_rule_ids()
{
	zonelint --list-rules 2>/dev/null | cut -d' ' -f1
}

_zonelint()
{
	local cur prev words cword
	# -n =: keep ID=LEVEL one word; -s still splits --option=value.
	_init_completion -s -n = || return

	case $prev in
	--format | -f)
		COMPREPLY=($(compgen -W 'text gcc json sarif github gitlab
			checkstyle junit' -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
		return ;;
	--fail-on)
		COMPREPLY=($(compgen -W 'error warning note never' -- "$cur"))
		return ;;
	--explain | --select | --ignore)
		COMPREPLY=($(compgen -W "$(_zonelint_rule_ids)" -- "$cur"))
		return ;;
	--severity)
		if [[ $cur == *=* ]]; then
			COMPREPLY=($(compgen -P "${cur%%=*}=" \
				-W 'error warning note off' -- "${cur#*=}"))
		else
			COMPREPLY=($(compgen -S = -W "$(_zonelint_rule_ids)" \
				-- "$cur"))
			compopt -o nospace
		fi
		return ;;
	--rules)
		_filedir '@(yaml|yml)'
		_filedir -d
		return ;;
	--config)
		_filedir '@(yaml|yml)'
		return ;;
	--output | -o | --stdin-filename | --allow-include | --baseline | \
	--write-baseline | --server-config | --tsig-key | --summary-file)
		_filedir
		return ;;
	--since)
		COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur"))
		return ;;
	--origin | --axfr-timeout | --axfr-max-bytes)
		return ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--origin --server-config --tsig-key
			--axfr-timeout --axfr-max-bytes --allow-include --rules --no-default-rules
			--select --ignore --severity --fail-on --format --output
			--color --jobs --quiet --statistics --show-suppressed --config
			--no-config --no-context --baseline --write-baseline --from-index --since --summary --summary-file --stdin-filename --list-rules --list-checks --explain
			--check-rules --version --help -f -j -o -q -V -h' -- "$cur"))
		return
	fi
	_filedir
} &&
	complete -F _zonelint zonelint
