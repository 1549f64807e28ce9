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
sh "$here/../tools/deps.sh" cmd:/usr/bin/time:time cmd:jq:jq \
	cmd:"${CC:-cc}":gcc pc:libpcre2-8:libpcre2-dev || exit 1

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
# in err, status in $rc, CPU seconds (rounded up) in $secs and peak RSS
# (KiB) in $kb; a run over $limit seconds of wall time is killed (status
# 124).  CPU time, not wall time: the machine may be busy with others.
run() {
	/usr/bin/time -f '%M %U %S' -o rss timeout "$limit" \
		${ZONELINT_WRAPPER:-} "$zl" "$@" >out 2>err
	rc=$?
	kb=$(tail -n 1 rss | cut -d' ' -f1)
	secs=$(tail -n 1 rss | awk '{ s = $2 + $3; print int(s) + (s > int(s)) }')
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

# within N: the run took at most N CPU seconds (N times $scale under a
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

# Tag=value records of up to 64 KB, every tag repeated thousands of times:
# one finding per rule and line, with the count.
tags() { # NAME VERSION TAG
	printf '%s IN TXT "%s;"' "$1" "$2"
	awk -v t="$3" 'BEGIN { for (i = 0; i < 3000; i++) printf " \"%s;\"", t }'
	echo
}

test_repeated_tags() {
	head_zone >tags.zone
	for _ in 1 2 3 4; do
		tags _dmarc v=DMARC1 'p=none'
		tags sel._domainkey v=DKIM1 'k=rsa'
		tags _mta-sts v=STSv1 'id=1'
		tags _smtp._tls v=TLSRPTv1 'rua=mailto:a@b.c'
		tags default._bimi v=BIMI1 'l=https://a.b/c'
	done >>tags.zone
	run --format gcc tags.zone
	want_rc 1 || return 1
	for line in 11 12 13 14 15 16 17 18 19 20; do
		n=$(grep -c "^tags\\.zone:$line:" out)
		[ "$n" -le 8 ] || { echo "line $line has $n lines"; return 1; }
	done
	has out "^tags\\.zone:11:[0-9]+: error: tag 'p' appears more than once \\(2999 times on this line\\) \\[DMARC[0-9]+\\]$" &&
	has out "^tags\\.zone:12:[0-9]+: .*appears more than once.* \\(2999 times on this line\\) \\[DKIM[0-9]+\\]$" &&
	has out "^tags\\.zone:13:[0-9]+: .*given twice, .* \\(2999 times on this line\\) \\[STS[0-9]+\\]$" &&
	has out "^tags\\.zone:14:[0-9]+: .*given twice, .* \\(2999 times on this line\\) \\[TLSRPT[0-9]+\\]$" &&
	has out "^tags\\.zone:15:[0-9]+: .*appears more than once.* \\(2999 times on this line\\) \\[BIMI[0-9]+\\]$" &&
	within 10 && rss_below 48 || return 1
	# The same in the text format: each snippet once per finding.
	run tags.zone
	want_rc 1 && smaller out 2000000 && rss_below 48 || return 1
	# A record with 3,000 findings and a comment of 20 MB on its line:
	# where the line ends is known without scanning it for each finding.
	{
		head -n 10 tags.zone
		printf '_dmarc IN TXT "v=DMARC1;"'
		awk 'BEGIN { for (i = 0; i < 3000; i++) printf " \"x%d=1;\"", i
			printf " ; "; for (i = 0; i < 200000; i++)
			printf "%0100d", 0; print "" }'
	} >comment.zone
	run --format gcc comment.zone
	want_rc 0 && count out '^comment\.zone:11:[0-9]+: warning: unknown tag' 1000 &&
	has out "^comment\\.zone:11:[0-9]+: warning: 2000 more findings of DMARC007 not shown" &&
	within 5 && rss_below 96
}

# Every record of a $GENERATE is shown at its directive, here on a line
# with a comment of 20 MB: the line is not read for each of the 65,536
# findings.  And an RRset of 60,000 records with as many TTLs: a record's
# TTL finding is not compared with every record before it.
test_long_line_big_set() {
	{
		head_zone
		printf '$GENERATE 1-65536 m$ MX "10 nowhere$" ; '
		awk 'BEGIN { for (i = 0; i < 200000; i++) printf "%0100d", 0
			print "" }'
	} >gen.zone
	run --format gcc gen.zone
	want_rc 1 && has out '^gen\.zone:11:[0-9]+: error: ' && within 5 || return 1
	{
		head_zone
		awk 'BEGIN { for (i = 0; i < 60000; i++)
			printf "big %d IN MX %d mx1\n", 432001 + i, i }'
	} >ttl.zone
	run --format gcc ttl.zone
	want_rc 0 && count out 'warning: MX TTL [0-9]* is outside' 1000 &&
		has out 'more findings of TTL002 not shown' && within 5
}

# near_model ZONE RULES MIB: RULES (--select) on ZONE take at most 5 CPU
# seconds and peak within MIB MiB of the model's: the same zone under
# MX001, a rule of MX records.
near_model() {
	run --select MX001 --format gcc "$1"
	want_rc 0 || return 1
	model=$kb
	run --select "$2" --format gcc "$1"
	want_rc 0 && within 5 && rss_below $((model / 1024 + $3))
}

# 20,000 DKIM selectors of one key each: the rule that looks for a second
# key at a selector keeps nothing of the ones that have one.  Its peak is
# held to the model's (the same zone with a rule of MX records) and a
# little more; parsing each key into the memo took 14 MiB more.
test_one_key_per_selector() {
	key=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "%c", 65 + i % 26 }')
	head_zone >keys.zone
	awk -v k="$key" 'BEGIN { for (i = 0; i < 20000; i++)
		printf "s%d._domainkey IN TXT \"v=DKIM1; k=rsa; p=%s\"\n", i, k }' \
		>>keys.zone
	near_model keys.zone DKIM013 5
}

# 40,000 mail domains with a DMARC policy each: the DMARC rules parse
# the record they look at and keep nothing of it, nor of the policies
# that discovery reads.  Their peak is held to the model's and a little
# more; keeping every parse to the end of the run took 29 MiB more.
test_dmarc_policies() {
	head_zone >pol.zone
	awk 'BEGIN { for (i = 0; i < 40000; i++) {
		printf "d%d IN MX 10 mx1\n", i
		printf "_dmarc.d%d IN TXT \"v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=s; rua=mailto:dmarc-reports@example.com; ruf=mailto:dmarc-failures@example.com; fo=1\"\n", i } }' \
		>>pol.zone
	near_model pol.zone DMARC 10
}

# 30,000 findings of one rule: at most 1,000 shown, then one summary with
# the count; --statistics still counts every finding.
test_findings_cap() {
	head_zone >many.zone
	awk 'BEGIN { for (i = 0; i < 30000; i++)
		printf "m%d IN MX 10 192.0.2.%d\n", i, i % 250 }' >>many.zone
	run --select MX001 --format gcc --statistics many.zone
	want_rc 1 &&
	count out '\[MX001\]$' 1001 &&
	has out '^many\.zone:[0-9]+:[0-9]+: error: 29000 more findings of MX001 not shown \(at most 1000 per rule\) \[MX001\]$' &&
	has err '^ *30000  MX001$' && has err '30000 errors' || return 1
	# All suppressed: the summary too, and every comment counts as used.
	head_zone >sup.zone
	awk 'BEGIN { for (i = 0; i < 1500; i++)
		printf "m%d IN MX 10 192.0.2.%d ; zonelint: disable=MX001\n", i, i % 250 }' \
		>>sup.zone
	run --select MX001,SUP --format gcc --show-suppressed sup.zone
	want_rc 0 && count out '\[MX001\]$' 1001 && hasnt out SUP &&
	has out '^sup\.zone:1011:[0-9]+: error: 500 more findings of MX001 not shown' &&
	has err '1500 suppressed' || return 1
	# Across zones: the run keeps 1,000 per rule as well.
	mkdir -p five
	for i in 1 2 3 4 5; do
		head -n 5000 many.zone >"five/example$i.com.zone"
	done
	run --select MX001 --format json five
	want_rc 1 && json_ok out '.diagnostics | length == 1001' &&
	json_ok out '[.diagnostics[] | select(.message | test("^23950 more findings of MX001 not shown"))] | length == 1'
}

# ---- configuration files ----

# A config per directory, all alike, then all different: one rule set per
# distinct configuration, each costing little more than its changes.
configs() { # N SAME|DIFFERENT
	rm -rf cfg && mkdir -p cfg/.git
	awk -v n="$1" -v same="$2" 'BEGIN {
		for (i = 0; i < n; i++) {
			d = sprintf("cfg/d%d", i)
			system("mkdir " d)
			f = d "/.zonelint.yaml"
			if (same == "SAME")
				print "rules: { MX009: off }" >f
			else
				printf "rules: { TTL002: { params: { min: %d } } }\n", i >f
			close(f)
			f = d "/example.com.zone"
			print "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1.example.net." >f
			close(f)
		}
	}'
}

# The run keeps every zone until it ends (they form one set, README "Zone
# repositories"): about 2 KiB for each of these small zones.
test_config_per_directory() {
	n=5000
	[ "$scale" -gt 1 ] && n=500
	configs $n SAME
	run --format gcc cfg
	want_rc 0 && has err "in $n files" && within 20 && rss_below 56 ||
		return 1
	configs $n DIFFERENT
	run --format gcc cfg
	want_rc 0 && has err "in $n files" && within 20 && rss_below 56
}

# One config with 8,000 overrides over 8,000 zones.
test_config_overrides() {
	n=8000
	[ "$scale" -gt 1 ] && n=800
	rm -rf ov && mkdir -p ov/.git ov/zones
	awk -v n="$n" 'BEGIN {
		print "overrides:" >"ov/.zonelint.yaml"
		for (i = 0; i < n; i++) {
			printf "  \"zones/z%d.example.zone\": { rules: { MX009: off } }\n", i >"ov/.zonelint.yaml"
			f = sprintf("ov/zones/z%d.example.zone", i)
			print "$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1.example.net." >f
			close(f)
		}
	}'
	run --format gcc ov
	want_rc 0 && has err "in $n files" && within 10 && rss_below 80
}

# A config with as many origins: globs as one may hold, over a tree of
# 20,000 files that no zone pattern names: a directory walk asks origins:
# of each file whether it is a zone, so each glob must cost little per
# file (compiled once, not at every file: 10 s and more).
test_config_origins_walk() {
	n=20000
	[ "$scale" -gt 1 ] && n=2000
	rm -rf ow && mkdir -p ow/.git ow/zones
	awk -v n="$n" 'BEGIN {
		print "origins:" >"ow/.zonelint.yaml"
		for (i = 0; i < 999; i++)
			printf "  \"a%d/**/b*c*d*e*f*g%d\": example.com.\n", i, i >"ow/.zonelint.yaml"
		print "  zones/primary: example.com." >"ow/.zonelint.yaml"
		for (d = 0; d < n / 100; d++) {
			system("mkdir -p ow/d" d)
			for (i = 0; i < 100; i++) {
				f = sprintf("ow/d%d/f%d.txt", d, i)
				print "x" >f
				close(f)
			}
		}
		print "$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1.example.net." >"ow/zones/primary"
	}'
	run --format gcc ow
	want_rc 0 && has err "in 1 file" && within 4
}

# A `rules:` mapping of 20,000 keys, and an `ignore:` list as long.
test_config_many_keys() {
	awk 'BEGIN { print "rules:"; for (i = 0; i < 20000; i++)
		printf "  MX%05d: off\n", i }' >keys.yaml
	echo '@ IN NS ns1' >keys.example.zone
	run --config keys.yaml keys.example.zone
	want_rc 2 && has err "^keys\\.yaml:2:3: error: unknown rule 'MX00000'" &&
	has err 'more errors in keys\.yaml not shown' && smaller err 100000 &&
	within 10 || return 1
	awk 'BEGIN { print "ignore:"; for (i = 0; i < 20000; i++)
		printf "  - MX00%d\n", i % 10 }' >ign.yaml
	run --config ign.yaml keys.example.zone
	want_rc 2 && within 10
}

# A parameter map of 100,000 keys in a config of under 1 MiB, the last
# one a duplicate: keys are checked for duplicates in a sorted index, not
# pair by pair (minutes).
test_param_map_keys() {
	awk 'BEGIN { print "rules:\n  SPF004:\n    params:"
		printf "      known-costs: {"
		for (i = 0; i < 100000; i++) printf "%x: 1, ", i
		print "5: 2}" }' >map.yaml
	echo '@ IN NS ns1' >map.example.zone
	run --config map.yaml map.example.zone
	want_rc 2 &&
	has err "^map\\.yaml:4:[0-9]*: error: duplicate key '5' in parameter 'known-costs'" &&
	[ "$(grep -c 'duplicate key' err)" -eq 1 ] && within 4
}

# A known-costs map of 80,000 keys looked up for each of 20,000 includes
# out of the zone: a sorted index, not a scan of the map per include.
test_param_map_lookups() {
	awk 'BEGIN { print "rules:\n  SPF004:\n    params:"
		printf "      known-costs: {"
		for (i = 0; i < 80000; i++) printf "%s%x.e: 1", i ? ", " : "", i
		print "}" }' >costs.yaml
	head_zone >costs.example.zone
	awk -v n=$((10000 / scale)) 'BEGIN { for (i = 0; i < n; i++)
		printf "h%d IN TXT \"v=spf1 include:%x.e include:_spf%d.example.net -all\"\n", i, i, i }' \
		>>costs.example.zone
	run --config costs.yaml costs.example.zone
	want_rc 0 && has err "in 1 file" && within 4
}

# ---- rules ----

# rules_file PREFIX N: N valid rules, ids PREFIX + letters + three digits.
rules_file() {
	awk -v p="$1" -v n="$2" 'function L(k,  s) { s = ""
		do { s = sprintf("%c", 65 + k % 26) s; k = int(k / 26) } while (k > 0)
		return s }
	BEGIN { print "rules:"; for (i = 0; i < n; i++) {
		printf "  - id: %s%s%03d\n    name: %s-%d\n", p, L(int(i / 1000)),
			i % 1000, tolower(p), i
		print "    severity: note\n    summary: s\n    scope: record"
		print "    select: { type: TXT }\n    check: present\n    message: m" } }'
}

# Rule files of 2,000 rules, the most a rule set holds: ids and names are
# checked for duplicates in sorted indexes, not pair by pair; one more rule
# is refused.
test_many_rules() {
	mkdir -p many-rules
	for p in QA QB QC QD; do
		rules_file "$p" 500 >"many-rules/$p.yaml"
	done
	run --no-default-rules --check-rules many-rules
	want_rc 0 && has err 'rules, all valid' && within 10 || return 1
	rules_file QE 1 >many-rules/QE.yaml
	run --no-default-rules --check-rules many-rules
	want_rc 2 &&
	has err "^many-rules/QE\\.yaml:2:5: error: more than 2000 rules in one rule set" ||
		return 1
	rm many-rules/QE.yaml
	rules_file QA 500 | sed -n 2,9p >>many-rules/QA.yaml
	run --no-default-rules --check-rules many-rules/QA.yaml
	want_rc 2 && has err "^many-rules/QA\\.yaml:[0-9]+:9: error: duplicate rule id 'QAA000'" &&
	within 10
}

# hosts_rule N: a rule of MX019's check whose hosts list has N entries,
# every other one a "*." suffix.
hosts_rule() {
	awk -v n="$1" 'BEGIN { print "rules:\n  - id: QH001\n    name: qh"
		print "    severity: warning\n    summary: s\n    scope: record"
		print "    select: { type: MX }\n    check: mx-provider-slip"
		print "    message: m\n    params:\n      hosts:"
		for (i = 0; i < n; i++)
			if (i % 2) printf "        - \x27*.h%d.example.net\x27\n", i
			else printf "        - mx%d.host%d.example.net\n", i, i }'
}

# A string list parameter (MX019's hosts, SPF's providers) is compared
# with each subject: 250,000 hosts over 20,000 MX records took five
# minutes.  1,000 entries, the most a list holds, over 20,000 MX records
# cost a few seconds; one more is refused at the entry over.
test_strlist_cap() {
	hosts_rule 1000 >hosts.yaml
	head_zone >hosts.example.zone
	awk -v n=$((20000 / scale)) 'BEGIN { for (i = 0; i < n; i++)
		printf "m%d IN MX 10 a.b.c.d.mail%d.other%d.net.\n", i, i, i }' \
		>>hosts.example.zone
	run --no-default-rules --rules hosts.yaml hosts.example.zone
	want_rc 0 && has err "in 1 file" && within 10 || return 1
	hosts_rule 1001 >hosts.yaml
	run --no-default-rules --check-rules hosts.yaml
	want_rc 2 &&
	has err "^hosts\\.yaml:1012:11: error: parameter 'hosts' has more than 1000 entries"
}

evil_rules() { # N
	awk -v n="$1" 'BEGIN { print "rules:"; for (i = 0; i < n; i++) {
		printf "  - id: EVIL%03d\n    name: evil-%d\n", i, i
		print "    severity: error\n    summary: backtracks\n    scope: record"
		print "    select: { type: TXT, rdata: \x27(a+)+$\x27 }"
		print "    check: present\n    message: matched" } }'
}

# One catastrophic pattern over 10,000 records, then 100 of them: each
# rule stops once its effort budget is spent, after about ten records.
test_regex_budget() {
	a=$(head -c 28 /dev/zero | tr '\0' a)
	head_zone >evil.zone
	awk -v a="$a" 'BEGIN { for (i = 0; i < 10000; i++)
		printf "t%d IN TXT \"%sb\"\n", i, a }' >>evil.zone
	evil_rules 1 >evil1.yaml
	run --no-default-rules --rules evil1.yaml --format gcc evil.zone
	want_rc 0 &&
	count out '^evil\.zone:[0-9]+:1: warning: rule EVIL000 stopped: its patterns used up their budget of 1000000 PCRE2 match steps for this run' 1 &&
	within 5 || return 1
	nr=100
	[ -z "${ZONELINT_WRAPPER:-}" ] || nr=10
	evil_rules $nr >evil-many.yaml
	run --no-default-rules --rules evil-many.yaml --format gcc evil.zone
	want_rc 0 && count out 'used up their budget' $nr && within 10
}

# select_patterns: "ID FIELD PATTERN" (tab-separated) for each
# select.owner and select.rdata of the built-in rules, "ID FIELD UNREAD"
# for one not written as a single-quoted scalar on its key's line.
select_patterns() {
	awk 'function unq(s) { s = substr(s, 2, length(s) - 2)
		gsub(/\047\047/, "\047", s); return s }
	function field(s, f,  v) {
		if (match(s, f ": *\047([^\047]|\047\047)*\047")) {
			v = substr(s, RSTART, RLENGTH); sub("^" f ": *", "", v)
			print id "\t" f "\t" unq(v)
		} else if (s ~ ("(^|[{,] *)" f ":"))
			print id "\t" f "\tUNREAD"
	}
	/^  - id: / { id = $3; sel = -1 }
	sel >= 0 && match($0, /^ */) && RLENGTH <= sel { sel = -1 }
	sel >= 0 { t = $0; sub(/^ */, "", t); field(t, "owner"); field(t, "rdata") }
	/^ +select:/ { match($0, /^ */); ind = RLENGTH
		t = $0; sub(/^ *select: */, "", t)
		if (t == "") sel = ind
		else { field(t, "owner"); field(t, "rdata") } }' "$here"/../rules/*.yaml
}

# Subjects of owner patterns (names as zonelint writes them) and of rdata
# patterns (the record's text): the mail names, and the longest names.
select_subjects() {
	l=$(awk 'BEGIN { while (n++ < 63) printf "a" }')
	printf '%s\n' . www.example.com. host12345.bench.example. \
		_dmarc.example.com. x._report._dmarc.example.com. \
		sel._domainkey.example.com. default._bimi.example.com. \
		_25._tcp.mx1.example.com. _submission._tcp.example.com. \
		_mta-sts.example.com. _smtp._tls.example.com. '*.example.com.' \
		'_dmarc.*.example.com.' 'a\.b.example.com.' "$l.$l.$l.$l." \
		"$(awk 'BEGIN { while (n++ < 127) printf "a." }')" >owner.txt
	printf '%s\n' '10 mx1.example.com.' '0 .' '"v=spf1 mx -all"' \
		'"v=DMARC1; p=reject; rua=mailto:d@example.com"' '"hello world"' \
		192.0.2.1 2001:db8::1 '10 20 443 target.example.com.' \
		"$(awk 'BEGIN { printf "\"%0255d\" \"%0255d\"", 0, 0 }')" \
		"3 1 1 $(awk 'BEGIN { while (n++ < 64) printf "ab" }')" >rdata.txt
}

# A select pattern is tried on every name of a zone, or every record of
# its types: each must cost PCRE2 at most 16 pattern items plus 3 per byte
# of the subject (tests/recost.c counts them).  A literal or an anchored
# pattern costs about one per label or a few in all; one PCRE2 retries at
# every byte, such as '(^|[^\\])(\\\\)*\.\*\.', five and more per byte:
# 629 of 1,941 million instructions of a run over 100,000 names.
test_select_cost() {
	# shellcheck disable=SC2046 # pkg-config's flags are words
	"${CC:-cc}" -o recost "$here/recost.c" \
		$(pkg-config --cflags --libs libpcre2-8) || return 1
	select_patterns >patterns
	select_subjects
	[ "$(wc -l <patterns)" -gt 10 ] || { show patterns; return 1; }
	bad=0
	while IFS="$(printf '\t')" read -r id field pat; do
		if [ "$pat" = UNREAD ]; then
			echo "$id: select.$field is no single-quoted scalar on its line"
			bad=1
			continue
		fi
		./recost "$field" "$pat" <"$field.txt" >cost ||
			{ echo "$id: '$pat' does not compile"; bad=1; continue; }
		# The first subject over the limit, if any.
		P=$pat awk -v id="$id" -v f="$field" '$1 > 16 + 3 * $2 {
			printf "%s: select.%s \047%s\047 tries %d pattern items on the %d bytes of \047%s\047\n",
				id, f, ENVIRON["P"], $1, $2,
				substr($0, length($1 $2) + 3, 40); exit 1 }' cost ||
			bad=1
	done <patterns
	[ "$bad" -eq 0 ]
}

# ---- out of memory ----

test_out_of_memory() {
	[ -n "$measure" ] || return 0	# address space limits break those
	head_zone >huge.zone
	awk 'BEGIN { for (i = 0; i < 1000000; i++)
		printf "h%d IN A 192.0.2.%d\n", i, i % 250 }' >>huge.zone
	(
		# shellcheck disable=SC3045 # dash, Debian's sh, has it
		ulimit -v 200000
		exec "$zl" --format gcc huge.zone >out 2>err
	)
	rc=$?
	[ "$rc" -eq 2 ] || { echo "exit status $rc, wanted 2"; show err; return 1; }
	has err '^zonelint: error: out of memory'
}

t "\$INCLUDE fan-out: one small file read 65,536 times" test_include_fanout
t "SPF include loops along a chain of 4,000 records" test_spf_loop_chain
t "tags repeated 3,000 times in records of up to 64 KB" test_repeated_tags
t "30,000 findings of one rule" test_findings_cap
t "20,000 DKIM selectors of one key each" test_one_key_per_selector
t "40,000 DMARC policies" test_dmarc_policies
t "a \$GENERATE on a line of 20 MB, an RRset of 60,000 TTLs" test_long_line_big_set
t "a .zonelint.yaml in each of 5,000 directories" test_config_per_directory
t "8,000 overrides over 8,000 zones" test_config_overrides
t "1,000 origins: globs over a walk of 20,000 files" test_config_origins_walk
t "a config naming 20,000 rules" test_config_many_keys
t "a parameter map of 100,000 keys, one a duplicate" test_param_map_keys
t "80,000 known costs looked up for 20,000 includes" test_param_map_lookups
t "rule files of 2,000 rules, and one more" test_many_rules
t "a hosts list of 1,000 entries over 20,000 MX records, and one more" test_strlist_cap
t "catastrophic patterns over 10,000 records" test_regex_budget
t "the built-in rules' select patterns cost little per subject" test_select_cost
t "out of memory is exit 2 with a message" test_out_of_memory

finish
