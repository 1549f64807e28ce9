#!/bin/sh
# fixtures.sh - lint every fixture zone under tests/fixtures and compare the
# findings with the expectations written inside the fixture, exactly: every
# expected finding must be reported, and nothing else.
#
#   ; expect: MX002            this line has one MX002 finding
#   ; expect: MX002:17, MX001  ... with the column given, plus an MX001
#   ; expect-next: ZONE001     the next line has one (when this line's own
#                              comment cannot be written, e.g. inside quotes)
#   ; clean: MX001, MX002      rules that have subjects here and must stay
#                              silent (read by tests/meta.sh)
# Findings in files the fixture includes are matched against expectations
# written in those files.
#
# usage: tests/fixtures.sh ZONELINT [FIXTURE...]
# ZONELINT_WRAPPER is put in front of the command (for valgrind).
set -u
zonelint=$1
shift
dir=$(dirname "$0")/fixtures
if [ $# -eq 0 ]; then
	set -- "$dir"/*.zone "$dir"/*/*.zone
fi

pass=0
fail=0
for f in "$@"; do
	[ -f "$f" ] || continue
	out=$(${ZONELINT_WRAPPER:-} "$zonelint" --format gcc "$f" 2>&1)
	rc=$?
	if [ $rc -gt 1 ]; then
		echo "not ok - $f: zonelint exited $rc"
		printf '%s\n' "$out" | sed 's/^/    /'
		fail=$((fail + 1))
		continue
	fi
	# expectations may also sit in files the fixture $INCLUDEs
	others=$(printf '%s\n' "$out" |
		sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: [a-z]*: .*/\1/p' |
		sort -u | grep -vxF "$f")
	# shellcheck disable=SC2086 # one argument per file name
	diff=$(printf '%s\n' "$out" | awk -f "$(dirname "$0")/fixtures.awk" \
		"$f" $others phase=2 -)
	if [ -n "$diff" ]; then
		echo "not ok - $f"
		printf '%s\n' "$diff" | sort | sed 's/^/    /'
		fail=$((fail + 1))
	else
		echo "ok - $f"
		pass=$((pass + 1))
	fi
done
echo "fixtures: $pass passed, $fail failed"
[ $fail -eq 0 ]
