# lib.sh - what the shell test suites share (cli.sh, config.sh, formats.sh,
# hooks.sh, badinput.sh, man.sh): their start, the case runner with its TAP
# lines and totals, and assertions.  Each assertion prints what it saw when
# it fails and returns 1; the runner shows that output under the failing
# case.
#
# shellcheck shell=sh disable=SC2154 # rc is set by the sourcing suite's run()
# want_rc expects $rc, $tmp/out and $tmp/err as the suites' run() leaves
# them (badinput.sh, which works in $tmp, has its own).

# suite NAME ZONELINT: $zl made absolute and checked, a temporary directory
# $tmp removed on exit (even where a case took its permissions), no case
# run yet.
suite() {
	zl=${2:?usage: tests/$1 ZONELINT}
	case $zl in /*) ;; *) zl=$(pwd)/$zl ;; esac
	[ -x "$zl" ] || { echo "$1: $zl is not an executable" >&2; exit 1; }
	tmp=$(mktemp -d) || exit 1
	trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 1' HUP INT TERM
	n=0
	pass=0
	fail=0
}

# t NAME FUNCTION [ARG...]: runs one case, FUNCTION with the ARGs, in a
# subshell, in $t_dir when the suite sets it, and with set -e when it sets
# t_strict (then any failing step fails the case: the subshell stands
# alone, as in an if or beside || or && set -e would be ignored inside it).
t() {
	n=$((n + 1))
	t_name=$1
	shift
	t_out=$(
		exec 2>&1
		[ -z "${t_strict:-}" ] || set -e
		cd "${t_dir:-.}" || exit 1
		"$@"
	)
	t_rc=$?
	if [ "$t_rc" -eq 0 ]; then
		echo "ok $n - $t_name"
		pass=$((pass + 1))
	else
		echo "not ok $n - $t_name"
		[ -z "$t_out" ] || printf '%s\n' "$t_out" | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
}

# finish: the totals line, and the suite's exit status.
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

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

# conf_of KIND: the configuration file name of a server kind (bind, knot,
# nsd), for tests/servers.sh and tests/server-config.sh.
conf_of() {
	case $1 in
	bind) echo named.conf ;;
	knot) echo knot.conf ;;
	nsd) echo nsd.conf ;;
	esac
}
