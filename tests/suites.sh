#!/bin/sh
# suites.sh - runs shell test suites side by side, JOBS at a time: a slot
# that frees takes the next suite in the order given (so name the longest
# first), each suite's output is shown whole when it ends, and the run
# ends with the suites that failed, if any.  Every suite works in a
# temporary directory of its own, so they do not meet.
#
# usage: tests/suites.sh JOBS ZONELINT SUITE...
#   each SUITE runs as sh tests/SUITE.sh ZONELINT
set -u
[ $# -ge 3 ] || { echo "usage: tests/suites.sh JOBS ZONELINT SUITE..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
jobs=$1 zl=$2
shift 2
case $jobs in '' | *[!0-9]* | 0) echo "suites.sh: JOBS must be a number above 0" >&2; exit 2 ;; esac
q=$(mktemp -d) || exit 1
trap 'rm -rf "$q"' EXIT
trap 'exit 1' HUP INT TERM

# slot: takes the suites no other slot has taken (creating a directory is
# atomic: one slot gets each) and runs them one after another.
slot() {
	i=0
	for s in "$@"; do
		i=$((i + 1))
		mkdir "$q/$i" 2>/dev/null || continue
		start=$(date +%s)
		sh "$here/$s.sh" "$zl" >"$q/$i/out" 2>&1
		echo "$?" >"$q/$i/rc"
		until mkdir "$q/shown" 2>/dev/null; do sleep 0.1; done
		echo "== $s: exit status $(cat "$q/$i/rc"), $(($(date +%s) - start)) s"
		cat "$q/$i/out"
		rmdir "$q/shown"
	done
}

pids=
k=0
while [ "$k" -lt "$jobs" ]; do
	k=$((k + 1))
	slot "$@" &
	pids="$pids $!"
done
# shellcheck disable=SC2086 # the list of process ids
wait $pids

failed=
i=0
for s in "$@"; do
	i=$((i + 1))
	[ "$(cat "$q/$i/rc" 2>/dev/null)" = 0 ] || failed="$failed $s"
done
[ -z "$failed" ] || { echo "suites.sh: failed:$failed" >&2; exit 1; }
echo "suites.sh: all $# suites passed"
