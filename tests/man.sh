#!/bin/sh
# man.sh - the manual page and the bash completion: groff finds nothing to
# complain about, and both know every option that `zonelint --help` lists.
#
# usage: tests/man.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:groff:groff-base || exit 1

suite man.sh "${1:-}"
man=$root/docs/zonelint.1
comp=$root/docs/zonelint.bash

# groff -ww warns about everything it can; -z discards the output, so any
# output at all is a warning or an error.
test_groff_clean() {
	w=$(groff -ww -z -man "$man" 2>&1)
	[ -z "$w" ] || { printf '%s\n' "$w"; return 1; }
}

options() {
	"$zl" --help | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p'
}

test_man_options() {
	opts=$(options)
	[ -n "$opts" ] || { echo "no options in --help"; return 1; }
	bad=0
	for o in $opts; do
		# In the page, "-" is written "\-".
		esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -e "^\.[BI][RI]* .*$esc\( \|\$\|\"\)" "$man" ||
			{ echo "docs/zonelint.1 lacks $o"; bad=1; }
	done
	return $bad
}

test_completion_options() {
	bad=0
	for o in $(options); do
		grep -q -e "$o\( \|$\|'\)" "$comp" ||
			{ echo "docs/zonelint.bash lacks $o"; bad=1; }
	done
	return $bad
}

test_completion_syntax() {
	bash -n "$comp"
}

test_sections() {
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT \
		FILES EXAMPLES; do
		grep -q "^\.SH \"*$s\"*\$" "$man" || { echo "no section $s"; return 1; }
	done
}

t "groff -ww -z -man prints nothing" test_groff_clean
t "the man page has every section" test_sections
t "the man page describes every option of --help" test_man_options
t "the completion knows every option of --help" test_completion_options
t "the completion is valid bash" test_completion_syntax

finish
