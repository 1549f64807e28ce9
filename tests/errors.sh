#!/bin/sh
# errors.sh - the error paths of rule files, zone directives and --rules
# DIR, run against the real binary: each mistake is reported at its exact
# file:line:col, names what is wrong, and has the exit status the docs give
# (2 for a bad rule file, 1 for a finding in a zone); the run goes on where
# it can.
#
# usage: tests/errors.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

suite errors.sh "${1:-}"
t_dir=$tmp

run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# rule FILE ID NAME SCOPE CHECK [KEY: VALUE...]: FILE holds one rule
# with these values, a summary and a message, then the extra lines.
rule() {
	f=$1 id=$2 name=$3 scope=$4 check=$5
	shift 5
	{
		printf 'rules:\n  - id: %s\n    name: %s\n    severity: error\n' "$id" "$name"
		printf '    summary: s\n    scope: %s\n    check: %s\n' "$scope" "$check"
		for l in "$@"; do
			printf '    %s\n' "$l"
		done
		grep -q '^message:' <<-EOF || printf '    message: "m"\n'
		$(printf '%s\n' "$@")
		EOF
	} >"$f"
}

# bad_rules FILE LINE:COL ERE: --check-rules FILE exits 2 with an error at
# FILE:LINE:COL whose message matches ERE, and the same error stops a lint
# run that loads FILE with --rules.
bad_rules() {
	run --no-default-rules --check-rules "$1"
	want_rc 2 && has "$tmp/err" "^$1:$2: error: .*$3" || return 1
	printf '$ORIGIN example.com.\n@ IN A 192.0.2.1\n' >ok.zone
	run --rules "$1" ok.zone
	want_rc 2 && has "$tmp/err" "^$1:$2: error: .*$3" &&
		[ ! -s "$tmp/out" ] || { echo "a lint run went on"; show "$tmp/out"; return 1; }
}

# ---- rule files ----

test_bad_id() {
	rule r.yaml mx2 a-b record present
	bad_rules r.yaml 2:9 "'mx2'" || return 1
	rule r.yaml MX0002 a-b record present
	bad_rules r.yaml 2:9 "'MX0002'"
}

test_multiline_summary() {
	printf 'rules:\n  - id: ML001\n    name: a-b\n    severity: error\n' >r.yaml
	printf '    summary: |\n      two\n      lines\n' >>r.yaml
	printf '    scope: record\n    check: present\n    message: "m"\n' >>r.yaml
	bad_rules r.yaml 5:14 "'summary'.*one line" || return 1
	sed 's/^    summary: |$/    summary: "one\\nline"/; /^      /d' r.yaml >q.yaml
	bad_rules q.yaml 5:14 "'summary'.*one line"
}

test_unknown_scope() {
	rule r.yaml SC001 a-b everywhere present
	bad_rules r.yaml 6:12 "'everywhere'"
}

test_unknown_select_type() {
	rule r.yaml TY001 a-b record present 'select: { type: [MX, NOSUCHTYPE] }'
	bad_rules r.yaml 8:26 "'NOSUCHTYPE'"
}

test_select_zone_scope() {
	rule r.yaml ZS001 a-b zone load-errors 'select: { type: MX }'
	bad_rules r.yaml 8:13 "'select'.*'zone'"
}

test_unmatched_brace() {
	rule r.yaml BR001 a-b record present 'message: "an } alone"'
	bad_rules r.yaml 8:18 "unmatched '\\}'" || return 1
	rule r.yaml BR001 a-b record present 'help: "{{ ok }} but }"'
	bad_rules r.yaml 8:25 "unmatched '\\}'" || return 1
	rule r.yaml BR001 a-b record present 'message: "an {owner"'
	bad_rules r.yaml 8:18 'unterminated placeholder'
}

test_missing_rules_key() {
	printf 'rulez:\n  - id: X001\n' >r.yaml
	bad_rules r.yaml 1:1 "no key 'rules'" || return 1
	printf '{}\n' >r.yaml
	bad_rules r.yaml 1:1 "no key 'rules'" || return 1
	printf '# nothing at all\n' >r.yaml
	bad_rules r.yaml 1:1 "empty"
}

test_duplicate_key() {
	rule r.yaml DK001 a-b record present 'summary: t'
	bad_rules r.yaml 8:5 "duplicate key 'summary'" || return 1
	printf 'rules: []\nrules: []\n' >r.yaml
	bad_rules r.yaml 2:1 "duplicate key 'rules'" || return 1
	rule r.yaml DK001 a-b record present 'select: { type: MX, type: TXT }'
	bad_rules r.yaml 8:25 "duplicate key 'type'"
}

# Every problem of a file is reported, not only the first.
test_all_reported() {
	rule r.yaml mx2 a-b everywhere present 'message: "}"'
	run --no-default-rules --check-rules r.yaml
	want_rc 2 && count "$tmp/err" '^r\.yaml:[0-9]+:[0-9]+: error: ' 3
}

# ---- --rules DIR ----

good_rule() {
	rule "$1" "$2" "$3" record present 'select: { type: MX }' \
		"message: \"$2 here\""
}

mx_zone() {
	printf '$ORIGIN example.com.\n$TTL 3600\n@ IN MX 10 mail\n' >mx.zone
	printf 'mail IN A 192.0.2.1\n' >>mx.zone
}

test_rules_dir() {
	mkdir -p d/sub
	good_rule d/b.yaml DIRB001 dir-b
	good_rule d/a.yaml DIRA001 dir-a
	good_rule d/notes.txt DIRT001 dir-t
	good_rule d/sub/c.yaml DIRC001 dir-c
	mx_zone
	run --no-default-rules --rules d --format gcc mx.zone
	want_rc 1 && has "$tmp/out" 'DIRA001 here \[DIRA001\]$' &&
		has "$tmp/out" 'DIRB001 here \[DIRB001\]$' &&
		hasnt "$tmp/out" 'DIRT001' && count "$tmp/out" . 2 || return 1
	run --no-default-rules --rules d --list-rules
	want_rc 0 && count "$tmp/out" '^DIR' 2
}

test_rules_dir_bad_file() {
	mkdir -p d
	good_rule d/a.yaml DIRA001 dir-a
	rule d/b.yaml DIRB001 dir-b record nope-check
	mx_zone
	run --no-default-rules --rules d --format gcc mx.zone
	want_rc 2 && has "$tmp/err" "^d/b\\.yaml:7:12: error: .*'nope-check'" &&
		[ ! -s "$tmp/out" ] || return 1
	# the same id in two files of the directory
	good_rule d/b.yaml DIRA001 dir-b
	run --no-default-rules --rules d mx.zone
	want_rc 2 && has "$tmp/err" "^d/b\\.yaml:2:9: error: .*'DIRA001'"
}

test_rules_dir_empty() {
	mkdir -p e
	mx_zone
	run --rules e --format gcc mx.zone
	want_rc 2 && has "$tmp/err" "^e: error: no \\*\\.yaml" || return 1
	run --rules missing-dir mx.zone
	want_rc 2 && has "$tmp/err" "missing-dir"
}

# ---- directives ----

# directive LINE...: a zone whose sixth line on are LINEs, then a record
# that must still be read (a CNAME beside an A: CNAME001).
directive() {
	{
		printf '$ORIGIN example.com.\n$TTL 3600\n'
		printf '@\tIN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n'
		printf '\tIN NS ns1\nns1\tIN A 192.0.2.1\n'
		printf '%s\n' "$@"
		printf 'ns1\tIN CNAME ns1\n'
	} >example.com.zone
	printf 'x\tIN A 192.0.2.7\n' >inc.db
	run --format gcc --no-config --select ZONE,CNAME001 example.com.zone
}

# bad_directive LINE COL ID ERE: the directive on line 6 is reported there,
# and the run goes on to the CNAME001 on the line after.
bad_directive() {
	want_rc 1 && has "$tmp/out" "^example\\.com\\.zone:6:$1: error: .*$3.* \\[$2\\]\$" &&
		has "$tmp/out" '^example\.com\.zone:7:[0-9]+: error: .*\[CNAME001\]$' &&
		count "$tmp/out" '\[[A-Z]+[0-9]+\]$' 2
}

test_origin_arguments() {
	directive '$ORIGIN'
	bad_directive 1 ZONE001 'domain name' || return 1
	directive '$ORIGIN a. b.'
	bad_directive 12 ZONE001 "'b\\.'" || return 1
	directive '$ORIGIN a..b.'
	bad_directive 9 ZONE001 "'a\\.\\.b\\.'"
}

test_ttl_arguments() {
	directive '$TTL'
	bad_directive 1 ZONE001 'TTL' || return 1
	directive '$TTL abc'
	bad_directive 6 ZONE001 "'abc'" || return 1
	directive '$TTL 1h2x'
	bad_directive 6 ZONE001 "'1h2x'" || return 1
	directive '$TTL 3600 7200'
	bad_directive 11 ZONE001 "'7200'" || return 1
	directive '$TTL 4294967296'
	bad_directive 6 ZONE002 '4294967296'
}

test_include_arguments() {
	directive '$INCLUDE'
	bad_directive 1 ZONE001 'file name' || return 1
	directive '$INCLUDE inc.db a..'
	bad_directive 17 ZONE001 "'a\\.\\.'" || return 1
	directive '$INCLUDE inc.db a. extra'
	bad_directive 20 ZONE001 "'extra'" || return 1
	directive '$INCLUDE "inc.db'
	bad_directive 10 ZONE001 'quoted'
}

# An $INCLUDE in an included file of another directory, outside any
# repository: Knot DNS looks from the including file, BIND and NSD from
# their working directory, taken for the zone file's.
test_include_nested() {
	mkdir -p "$tmp/nest/sub"
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' \
		'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
		'@ IN NS ns1' 'ns1 IN A 192.0.2.1' '$INCLUDE sub/a.inc' \
		>"$tmp/nest/z.zone"
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	printf '%s\n' 'a IN A 192.0.2.2' '$INCLUDE b.inc' >"$tmp/nest/sub/a.inc"
	echo 'b IN A 192.0.2.3' >"$tmp/nest/b.inc"
	run --no-context -f gcc "$tmp/nest/z.zone"
	want_rc 0 &&
	has "$tmp/out" "sub/a\\.inc:2:10: warning: include file 'b\\.inc' found from the zone file's directory, .* where Knot DNS looks and refuses the zone \\[ZONE012\\]" || return 1
	# beside the including file, as Knot DNS looks: where BIND and NSD
	# run is the operator's, nothing is said
	mv "$tmp/nest/b.inc" "$tmp/nest/sub/b.inc"
	run --no-context -f gcc "$tmp/nest/z.zone"
	hasnt "$tmp/out" 'ZONE012'
}

# A second TTL where the type belongs (RFC 1035 §5.1 has one) is said to
# be one, not a slip of the class CH ("2h"); no server reads the record.
test_ttl_twice() {
	directive 'a 1h IN 2h A 192.0.2.7'
	bad_directive 9 ZONE001 "TTL '2h' .*TTL written twice" || return 1
	directive 'a 1h 2h A 192.0.2.7'
	bad_directive 6 ZONE001 "TTL '2h' .*TTL written twice" || return 1
	directive 'a 1h IN 2h 3h A 192.0.2.7'
	bad_directive 9 ZONE001 "TTL '2h' .*TTL written twice"
}

test_unknown_directive() {
	directive '$FROB 1-2 a$ A 192.0.2.$'
	bad_directive 1 ZONE001 "'\\\$FROB'"
}

t "rule file: bad id" test_bad_id
t "rule file: summary of several lines" test_multiline_summary
t "rule file: unknown scope" test_unknown_scope
t "rule file: unknown type in select" test_unknown_select_type
t "rule file: select on zone scope" test_select_zone_scope
t "rule file: unmatched brace in a template" test_unmatched_brace
t "rule file: no rules key" test_missing_rules_key
t "rule file: duplicate key" test_duplicate_key
t "rule file: every problem reported" test_all_reported
t "--rules DIR: its *.yaml files, not below" test_rules_dir
t "--rules DIR: a bad file in it stops the run" test_rules_dir_bad_file
t "--rules DIR: without rule files, or missing" test_rules_dir_empty
t "\$ORIGIN: bad arguments" test_origin_arguments
t "\$TTL: bad arguments" test_ttl_arguments
t "\$INCLUDE: bad arguments" test_include_arguments
t "\$INCLUDE in an included file: where the servers look" test_include_nested
t "unknown directive" test_unknown_directive
t "record: a TTL written twice where the type belongs" test_ttl_twice
finish
