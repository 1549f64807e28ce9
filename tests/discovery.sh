#!/bin/sh
# discovery.sh - which files of a directory tree are zones: the names
# searched for, a run that finds none, BIND journals, files that a zone
# $INCLUDEs, and the exclude: and origins: keys of .zonelint.yaml.
#
# usage: tests/discovery.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

suite discovery.sh "${1:-}"

SEL=--select=ZONE001,MX001,MX002,CNAME001

run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# zone FILE ORIGIN: a small clean zone.
zone() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<ZONE
\$ORIGIN $2.
\$TTL 3600
@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ IN NS ns1
ns1 IN A 192.0.2.1
ZONE
}

# ---- a run that finds no zone ----

test_empty_directory() {
	mkdir -p "$tmp/empty/sub"
	echo "not a zone" >"$tmp/empty/README"
	run $SEL "$tmp/empty"
	want_rc 2 &&
	has "$tmp/err" "empty: error: no zone found in this directory" &&
	has "$tmp/err" '\*\.zone, \*\.db and db\.\*' &&
	has "$tmp/err" '^zonelint: run failed: 1 input could not be linted'
}

test_mistyped_path() {
	run $SEL "$tmp/no-such-dir"
	want_rc 2 &&
	has "$tmp/err" "no-such-dir: error: .*No such file or directory"
}

# One directory with zones is enough: the other, empty, is not an error.
test_some_found() {
	mkdir -p "$tmp/some/none"
	zone "$tmp/some/zones/example.com.zone" example.com
	run $SEL "$tmp/some/zones" "$tmp/some/none"
	want_rc 0 &&
	has "$tmp/err" 'in 1 file$'
}

t "a directory with no zone exits 2" test_empty_directory
t "a mistyped path exits 2" test_mistyped_path
t "an operand without zones beside one with zones" test_some_found

finish
