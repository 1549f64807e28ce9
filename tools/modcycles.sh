#!/bin/sh
# tools/modcycles.sh - print the cycles among a library's modules.
#
#   sh tools/modcycles.sh [-e] OBJECT...
#   sh tools/modcycles.sh -u MODULE OBJECT...
#
# A module is one object file (lint/engine/eval.o is "eval").  Module A
# uses module B when A refers to a global symbol that B defines, as `nm`
# reports them.  A cycle is a set of modules that all reach each other
# (a strongly connected component of more than one module): none of them
# can be built, tested or understood without all the others.
#
# Prints one line per cycle, "cycle N (K modules): A B C", then the
# count, "N cycles".  With -e, each cycle is followed by its uses, one a
# line, "  A -> B: symbol...", the symbols to move to break it.
# Exits 0 when there is no cycle, 1 when there is one, 2 on bad use.
#
# With -u, prints instead the modules that MODULE uses, directly or not,
# one a line: what it cannot be built or tested without.
set -eu

edges=0
from=
case ${1-} in
-e) edges=1; shift ;;
-u)
	if [ $# -ge 2 ]; then from=$2; shift 2; else set --; fi ;;
esac
if [ $# -eq 0 ]; then
	echo "usage: modcycles.sh [-e] OBJECT... | -u MODULE OBJECT..." >&2
	exit 2
fi
for f; do
	if [ ! -f "$f" ]; then
		echo "modcycles.sh: $f: no such object" >&2
		exit 2
	fi
done

here=$(dirname "$0")
# -P: "FILE: SYMBOL TYPE ..." on every line, file named by -A.
nm -P -A -g "$@" |
	awk -v edges="$edges" -v from="$from" -f "$here/modcycles.awk"
