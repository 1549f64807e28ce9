#!/bin/sh
# budgets.sh - small inputs must not exhaust memory or time: generated
# zones, include trees, rule and config files that once took gigabytes or
# minutes.  Each case checks the exit status and the message of the budget
# it hits, the wall time and, in a plain build, the peak RSS (measured by
# /usr/bin/time), bounded well below what the unbounded code needs.  The
# budgets and their messages are listed in docs/limits.md.
#
# usage: tests/budgets.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind);
# under it, and in sanitizer builds, memory is not measured and the inputs
# shrink where the case allows.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$here/../tools/deps.sh" cmd:/usr/bin/time:time cmd:jq:jq || exit 1

suite budgets.sh "${1:-}"
t_dir=$tmp
export LC_ALL=C

limit=60
scale=1
measure=yes
if [ -n "${ZONELINT_WRAPPER:-}" ]; then
	limit=600
	scale=20
	measure=
fi
# A sanitizer build keeps freed memory in quarantine and shadows the rest.
if grep -aq __asan_init "$zl"; then
	scale=4
	measure=
fi

# run ARG...: zonelint in the case's directory with stdout in out, stderr
# in err, status in $rc, wall seconds in $secs and peak RSS (KiB) in $kb;
# a run over $limit seconds is killed (status 124).
run() {
	t0=$(date +%s)
	/usr/bin/time -f %M -o rss timeout "$limit" ${ZONELINT_WRAPPER:-} \
		"$zl" "$@" >out 2>err
	rc=$?
	secs=$(($(date +%s) - t0))
	kb=$(tail -n 1 rss)
}

# want_rc N: the status, and no crash, hang or sanitizer report.
want_rc() {
	if [ "$rc" -ge 124 ] || grep -Eq 'Sanitizer|runtime error|^==[0-9]+==' err; then
		echo "crashed or hung: exit status $rc after ${secs}s"
		show err
		return 1
	fi
	[ "$rc" -eq "$1" ] && return 0
	echo "exit status $rc, wanted $1"
	show out
	show err
	return 1
}

# within N: the run took at most N seconds (N times $scale under a
# wrapper); the unbounded code takes minutes.
within() {
	[ "$secs" -le $(($1 * scale)) ] || { echo "took ${secs}s"; return 1; }
}

# rss_below MIB: the peak RSS stayed under MIB MiB (not measured under a
# wrapper or a sanitizer).
rss_below() {
	[ -z "$measure" ] || [ "$kb" -lt $(($1 * 1024)) ] ||
		{ echo "peak RSS $((kb / 1024)) MiB, wanted under $1 MiB"; return 1; }
}

# smaller FILE BYTES
smaller() {
	c=$(wc -c <"$1")
	[ "$c" -lt "$2" ] && return 0
	echo "$1 has $c bytes, wanted fewer than $2"
	return 1
}

head_zone() {
	# shellcheck disable=SC2016 # $ORIGIN and $TTL are zone text
	printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' \
		'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
		'@ IN NS ns1' '@ IN NS ns2' 'ns1 IN A 192.0.2.53' \
		'ns2 IN A 192.0.2.54' '@ IN MX 10 mx1' 'mx1 IN A 192.0.2.1' \
		'@ IN TXT "v=spf1 mx -all"'
}

# ---- zone files ----

# A tree of 2 KB that reads one small file 65,536 times: each level
# includes the next four times, eight levels deep.
test_include_fanout() {
	mkdir fan && cd fan || return 1
	awk 'BEGIN { for (i = 0; i < 16; i++) printf "h%d IN A 192.0.2.%d\n", i, i }' \
		>l8.inc
	for l in 7 6 5 4 3 2 1 0; do
		for _ in 1 2 3 4; do
			echo "\$INCLUDE l$((l + 1)).inc"
		done >"l$l.inc"
	done
	head_zone >example.com.zone
	cat l0.inc >>example.com.zone
	run --format gcc example.com.zone
	want_rc 1 &&
	has out "^l[0-9]\\.inc:[1-4]:10: error: 'l8\\.inc' was already read for this zone; reading it again exceeds the budget of 1 MiB of repeated includes per run \\[ZONE004\\]" &&
	count out 'budget of 1 MiB of repeated includes' 1 &&
	within 10 && rss_below 48
}

# Every record of a long chain includes the next one and the first: each
# include of the first closes a loop, whose chain is shown in part.
test_spf_loop_chain() {
	n=4000
	[ "$scale" -gt 1 ] && n=1500
	head_zone >loop.zone
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
		printf "s%d IN TXT \"v=spf1 include:s%d.example.com include:s0.example.com -all\"\n",
			i, i + 1 }' >>loop.zone
	run --select SPF005 --format gcc loop.zone
	want_rc 1 &&
	has out "^loop\\.zone:12:[0-9]+: error: 'include:s0\\.example\\.com' closes an include loop: 's0\\.example\\.com\\.' -> 's1\\.example\\.com\\.' -> 's0\\.example\\.com\\.' \\[SPF005\\]$" &&
	has out "closes an include loop: 's0\\.example\\.com\\.' -> .* -> \\.\\.\\. \\([0-9]+ more\\) -> .* -> 's0\\.example\\.com\\.' \\[SPF005\\]$" &&
	smaller out $((8 * $(wc -c <loop.zone))) && within 10 && rss_below 48
}

# ---- out of memory ----

test_out_of_memory() {
	[ -n "$measure" ] || return 0	# address space limits break those
	head_zone >huge.zone
	awk 'BEGIN { for (i = 0; i < 1000000; i++)
		printf "h%d IN A 192.0.2.%d\n", i, i % 250 }' >>huge.zone
	(
		ulimit -v 200000
		exec "$zl" --format gcc huge.zone >out 2>err
	)
	rc=$?
	[ "$rc" -eq 2 ] || { echo "exit status $rc, wanted 2"; show err; return 1; }
	has err '^zonelint: error: out of memory'
}

t "\$INCLUDE fan-out: one small file read 65,536 times" test_include_fanout
t "SPF include loops along a chain of 4,000 records" test_spf_loop_chain
t "out of memory is exit 2 with a message" test_out_of_memory

finish
