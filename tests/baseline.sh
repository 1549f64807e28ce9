#!/bin/sh
# baseline.sh - tests of --write-baseline and --baseline: findings recorded
# once stay hidden when lines move, new ones still fail, fixed ones become
# stale entries, and a malformed baseline is an error at its line.
#
# usage: tests/baseline.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

suite baseline.sh "${1:-}"
t_strict=1
t_dir=$tmp

run() {
	rc=0
	"$zl" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# zone: two old findings, MX001 (an MX target written as an address) and
# MX002 (an MX target that is an alias), on top of a clean mail setup.
zone() {
	cat <<'EOF2'
$ORIGIN example.com.
$TTL 3600
@	IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 mx1
	IN MX 20 192.0.2.26
	IN MX 30 smtp
	IN TXT "v=spf1 mx -all"
ns1	IN A 192.0.2.1
mx1	IN A 192.0.2.25
smtp	IN CNAME mx1
_dmarc	IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
EOF2
}

setup() {
	zone >example.com.zone
	run -f gcc example.com.zone
	want_rc 1
	has "$tmp/out" 'error: .*\[MX001\]'
	has "$tmp/out" 'error: .*\[MX002\]'
	run --write-baseline base.txt example.com.zone
	want_rc 0
}

test_write() {
	setup
	has "$tmp/err" 'recorded in the baseline'
	[ ! -s "$tmp/out" ] || { show "$tmp/out"; exit 1; }
	has base.txt '^# zonelint baseline 1$'
	count base.txt '^MX001	example\.com\.zone	[0-9a-f]{16}:1	' 1
	count base.txt '^MX002	example\.com\.zone	[0-9a-f]{16}:1	' 1
	# Sorted, and the same file for the same findings.
	grep -v '^#' base.txt | LC_ALL=C sort -c
	cp base.txt first.txt
	run --write-baseline base.txt example.com.zone
	cmp first.txt base.txt
}

test_hidden() {
	setup
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	hasnt "$tmp/out" 'MX00[12]'
	has "$tmp/err" '0 errors.*2 hidden by the baseline, 0 stale entries'
}

# Lines inserted above the findings move them; their fingerprints, made of
# the rule, the path and the source line, do not.
test_moved_lines() {
	setup
	{ zone | sed -n 1,3p; printf 'www\tIN A 192.0.2.80\n'
	  printf '; a comment\n\n'; zone | sed -n '4,$p'; } >example.com.zone
	run -f gcc example.com.zone
	has "$tmp/out" ':9:.*\[MX001\]'
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	hasnt "$tmp/out" 'MX00[12]'
	has "$tmp/err" '2 hidden by the baseline, 0 stale entries'
}

test_new_finding_fails() {
	setup
	zone | sed 's/IN MX 10 mx1/IN MX 10 192.0.2.25/' >example.com.zone
	run -f gcc --baseline base.txt example.com.zone
	want_rc 1
	count "$tmp/out" 'MX001' 1
	has "$tmp/out" ':5:.*\[MX001\]'
	has "$tmp/err" '1 error.*2 hidden by the baseline, 0 stale entries'
}

# Each entry hides one finding: a second copy of a recorded line is new.
test_hidden_once_each() {
	setup
	zone | sed 's/^\(	IN MX 20 192.0.2.26\)$/\1\n\1/' >example.com.zone
	run -f gcc example.com.zone
	count "$tmp/out" 'MX001' 2
	run -f gcc --baseline base.txt example.com.zone
	want_rc 1
	count "$tmp/out" 'MX001' 1
}

test_fixed_is_stale() {
	setup
	zone | sed 's/IN MX 20 192.0.2.26/IN MX 20 mx1/' >example.com.zone
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	has "$tmp/err" '1 hidden by the baseline, 1 stale entry\)'
}

test_malformed() {
	setup
	printf 'MX001\texample.com.zone\tnot-a-fingerprint\tx\n' >>base.txt
	run --baseline base.txt example.com.zone
	want_rc 2
	has "$tmp/err" '^base\.txt:4:1: error: malformed baseline entry'
	hasnt "$tmp/out" 'MX00'
	printf 'MX001 only\n' >bad.txt
	run --baseline bad.txt example.com.zone
	want_rc 2
	has "$tmp/err" '^bad\.txt:1:1: error: malformed baseline entry'
	run --baseline missing.txt example.com.zone
	want_rc 2
	has "$tmp/err" "cannot read baseline 'missing\.txt'"
}

t "--write-baseline records the findings, sorted, and exits 0" test_write
t "--baseline hides the recorded findings" test_hidden
t "a recorded finding stays hidden when lines move" test_moved_lines
t "a new finding on top of a baseline fails" test_new_finding_fails
t "each entry hides at most one finding" test_hidden_once_each
t "a fixed finding becomes a stale entry" test_fixed_is_stale
t "a malformed baseline is an error at its line" test_malformed

finish
