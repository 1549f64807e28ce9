# lib.sh - assertions shared by the shell test suites (cli.sh, config.sh,
# badinput.sh).  Each prints what it saw when it fails and returns 1; the
# suites report that output under the failing case.
#
# shellcheck disable=SC2154 # rc and tmp are set by the sourcing suite
# want_rc expects $rc, $tmp/out and $tmp/err as the suites' run() leaves
# them (badinput.sh, which works in $tmp, has its own).

# show FILE: at most 3000 bytes of FILE, each line marked.
show() {
	echo "--- $1:"
	head -c 3000 "$1" | sed 's/^/|/'
	echo
}

want_rc() {
	[ "$rc" -eq "$1" ] && return 0
	echo "exit status $rc, wanted $1"
	show "$tmp/out"
	show "$tmp/err"
	return 1
}

# has FILE ERE / hasnt FILE ERE
has() {
	grep -Eq -e "$2" "$1" && return 0
	echo "no line matches /$2/"
	show "$1"
	return 1
}

hasnt() {
	grep -Eq -e "$2" "$1" || return 0
	echo "a line matches /$2/"
	show "$1"
	return 1
}

# count FILE ERE N: exactly N lines match.
count() {
	c=$(grep -Ec -e "$2" "$1")
	[ "$c" -eq "$3" ] && return 0
	echo "$c lines match /$2/, wanted $3"
	show "$1"
	return 1
}

# json_ok FILE [FILTER]: FILE is exactly one JSON document and FILTER, when
# given, is true.
json_ok() {
	docs=$(jq -s length "$1" 2>&1)
	if [ "$docs" != 1 ]; then
		echo "not one JSON document: $docs"
		show "$1"
		return 1
	fi
	[ -z "${2:-}" ] && return 0
	jq -e "$2" "$1" >/dev/null && return 0
	echo "jq filter failed: $2"
	show "$1"
	return 1
}
