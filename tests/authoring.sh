#!/bin/sh
# authoring.sh - what rule authors rely on: the reference of the check
# primitives (--list-checks, docs/checks.md), a rule's variant and
# tunables in --explain, "did you mean" for names and keys, and the site
# rules worked through in docs/site-rules.md.
#
# usage: tests/authoring.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/lib.sh"
sh "$here/../tools/deps.sh" cmd:jq:jq || exit 1

suite authoring.sh "${1:-}"
t_dir=$tmp

# run ARG...: runs zonelint in the current directory; stdout in $tmp/out,
# stderr in $tmp/err, status in $rc.
run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# ---- the reference ----

test_doc_in_step() {
	run --no-config --list-checks
	want_rc 0 || return 1
	sed -n '/^```$/,/^```$/p' "$root/docs/checks.md" | sed '1d;$d' \
		>"$tmp/doc"
	cmp -s "$tmp/doc" "$tmp/out" && return 0
	echo "docs/checks.md is out of date: run tools/checks-doc.sh"
	diff "$tmp/doc" "$tmp/out" | head -20
	return 1
}

# Every primitive of checks.def, in the text and in the JSON, with what a
# rule author needs of it.
test_every_primitive() {
	want=$(grep -c '^ZL_CHECK(' "$root/lint/engine/checks.def")
	run --no-config --list-checks
	want_rc 0 && count "$tmp/out" '^[a-z0-9-]+$' "$want" &&
	count "$tmp/out" '^  scopes:     (record|rrset|name|zone)' "$want" &&
	count "$tmp/out" '^  tunables:' "$want" &&
	has "$tmp/out" '^    min-bits     integer 1\.\.65536, default 2048$' &&
	has "$tmp/out" '^    problem     syntax, version, key-type, sha1,' &&
	has "$tmp/out" '^  rules:      .*DKIM004 \(sha1\)' || return 1
	run --no-config --list-checks --format json
	want_rc 0 &&
	json_ok "$tmp/out" "(.checks | length) == $want" &&
	json_ok "$tmp/out" '.checks[] | select(.name == "policy-record") |
		.variants[0].axis == "record" and
		.variants[1].names == ["syntax", "version", "id", "rua", "repeat", "uri-repeat"] and
		(.rules | map(select(.id == "TLSRPT003")) | .[0].variant ==
		 ["tls-rpt", "rua"])' &&
	json_ok "$tmp/out" '.checks[] | select(.name == "spf-lookups") |
		.tunables[0] == {"name": "limit", "type": "integer",
				 "min": 1, "max": 1000, "default": "10"}'
}

test_explain_tunables() {
	run --no-config --explain DKIM004
	want_rc 0 &&
	has "$tmp/out" '^  variant:     sha1$' &&
	has "$tmp/out" '^  tunables:    none$' || return 1
	run --no-config --explain mx-ttl-out-of-range
	want_rc 0 &&
	has "$tmp/out" '^    min          300 \(integer 0\.\.2147483647, default 0\)$' &&
	has "$tmp/out" '^    max          432000 \(integer 0\.\.2147483647, default 2147483647\)$'
}

# ---- did you mean ----

test_did_you_mean() {
	run --no-config --explain DKIM04
	want_rc 2 && has "$tmp/err" "no rule 'DKIM04'; did you mean 'DKIM004'\?" || return 1
	run --no-config --explain mx-target-is-alais
	want_rc 2 && has "$tmp/err" "did you mean 'mx-target-is-alias'\?" || return 1
	run --no-config --explain ZZZZZZ9
	want_rc 2 && has "$tmp/err" "no rule 'ZZZZZZ9' \(see zonelint --list-rules\)" || return 1
	cat >typo.yaml <<'EOF2'
rules:
  - id: LOC001
    name: local-rule
    sevrity: warning
    severity: warning
    summary: a local rule
    scope: record
    check: dkim-kye
    variant: sha1
    message: "m"
  - id: LOC002
    name: local-two
    severity: warning
    summary: another
    scope: record
    check: dkim-key
    variant: sha-1
    message: "m"
EOF2
	run --no-config --rules typo.yaml --check-rules typo.yaml
	want_rc 2 &&
	has "$tmp/err" "^typo\.yaml:4:5: error: unknown key 'sevrity' in rule \(expected one of: .*\); did you mean 'severity'\?$" &&
	has "$tmp/err" "^typo\.yaml:8:12: error: unknown check primitive 'dkim-kye' \(see zonelint --list-checks\); did you mean 'dkim-key'\?$" &&
	has "$tmp/err" "^typo\.yaml:17:14: error: unknown problem 'sha-1' of check 'dkim-key' \(expected one of: .*\); did you mean 'sha1'\?$" || return 1
	printf 'rules:\n  MX04: off\n' >cfg.yaml
	run --config cfg.yaml "$root/zones-example/example.com.zone"
	want_rc 2 && has "$tmp/err" "^cfg\.yaml:2:3: error: unknown rule 'MX04' \(not in the rules loaded\); did you mean 'MX004'\?$" || return 1
	run --no-config --severity MX04=off "$root/zones-example/example.com.zone"
	want_rc 2 && has "$tmp/err" "unknown rule 'MX04'; did you mean 'MX004'\?"
}

# ---- site rules (docs/site-rules.md) ----

# block N FILE: the Nth fenced block of docs/site-rules.md into FILE.
block() {
	awk -v n="$1" '/^```/ { if (open) { open = 0; k++ } else open = 1; next }
		open && k == n - 1' "$root/docs/site-rules.md" >"$2"
}

# The page's example: its rules, on its zone, find what it says.
test_site_doc() {
	block 1 site.yaml && block 2 example.net.zone && block 3 want
	[ -s site.yaml ] && [ -s example.net.zone ] && [ -s want ] ||
		{ echo "docs/site-rules.md lost a block"; return 1; }
	run --no-config --no-default-rules --rules site.yaml --format gcc \
		example.net.zone
	want_rc 1 && cmp -s want "$tmp/out" && return 0
	diff want "$tmp/out"
	return 1
}

# A zone that follows the site's policy passes; each rule fires on its own
# problem only, at the right place, and leaves null MX and delegated
# domains alone.
test_site_rules() {
	block 1 site.yaml
	cat >good.zone <<'EOF2'
$ORIGIN example.org.
@        IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
         IN NS  ns1
         IN MX  10 mx1
         IN TXT "v=spf1 mx -all"
_dmarc   IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@example.org"
_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.org"
noreply  IN MX  0 .
child    IN NS  ns1.child
child    IN MX  10 mx1
ns1      IN A   192.0.2.53
mx1      IN A   192.0.2.25
EOF2
	run --no-config --no-default-rules --rules site.yaml --format gcc \
		good.zone
	want_rc 0 && count "$tmp/out" . 0 || return 1
	sed -e 's/p=quarantine/p=none/' -e 's/mx -all/mx ~all/' \
		-e 's/^_smtp\._tls/_smtp._tcp/' good.zone >bad.zone
	run --no-config --no-default-rules --rules site.yaml --format gcc \
		bad.zone
	want_rc 1 && count "$tmp/out" . 3 &&
	has "$tmp/out" "^bad\.zone:2:13: error: no enforcing DMARC policy at '_dmarc\.example\.org\.' \[SITE001\]$" &&
	has "$tmp/out" "^bad\.zone:4:13: warning: mail domain 'example\.org\.' has no TLS-RPT record at '_smtp\._tls\.example\.org\.' \[SITE002\]$" &&
	has "$tmp/out" "^bad\.zone:2:13: warning: no SPF record at 'example\.org\.' that ends in -all \[SITE003\]$" || return 1
	# A configuration tunes the patterns, not what the rule checks.
	cat >.zonelint.yaml <<'EOF2'
rules:
  SITE003: { params: { text: ['^v=spf1 ', ' [~-]all$'] } }
EOF2
	run --no-default-rules --rules site.yaml --format gcc bad.zone
	want_rc 1 && count "$tmp/out" . 2 && hasnt "$tmp/out" SITE003 || return 1
	printf 'rules:\n  SITE002: { params: { at: apex } }\n' >.zonelint.yaml
	run --no-default-rules --rules site.yaml --format gcc bad.zone
	want_rc 2 && has "$tmp/err" "^\.zonelint\.yaml:2:24: error: unknown key 'at'"
}

# The rules of a config's packs: are named by --select, --ignore and
# --severity as the built-in ones are, though the rule set made before any
# config is read lacks them; a name that no rule set of the run has is an
# error after the run (exit 2), and one at once where no config is read.
test_pack_rules_named() {
	rm -f .zonelint.yaml
	mkdir -p site/rules other && block 1 site/rules/site.yaml &&
	printf 'packs: [rules]\n' >site/.zonelint.yaml &&
	cat >site/bad.zone <<'EOF2' && cp site/bad.zone other/bad.zone || return 1
$ORIGIN example.org.
@        IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
         IN NS  ns1
         IN MX  10 mx1
         IN TXT "v=spf1 mx ~all"
_dmarc   IN TXT "v=DMARC1; p=none; rua=mailto:d@example.org"
ns1      IN A   192.0.2.53
mx1      IN A   192.0.2.25
EOF2
	run --select SITE001,mail-domain-without-tlsrpt --format gcc site other
	want_rc 1 && count "$tmp/out" . 2 &&
	has "$tmp/out" "^site/bad\.zone:2:13: error: .*\[SITE001\]$" &&
	has "$tmp/out" "^site/bad\.zone:4:13: warning: .*\[SITE002\]$" &&
	hasnt "$tmp/err" "no rule matches|run failed" || return 1
	run --select SITE --ignore SITE002 --severity SITE003=note \
		--format gcc site/bad.zone
	want_rc 1 && count "$tmp/out" . 2 &&
	has "$tmp/out" "^site/bad\.zone:2:13: note: .*\[SITE003\]$" &&
	hasnt "$tmp/out" SITE002 || return 1
	run --select SITE001,SITE0O2 --format gcc site/bad.zone
	want_rc 2 && count "$tmp/out" . 1 &&
	has "$tmp/err" "error: no rule matches 'SITE0O2' in the built-in packs, --rules or the packs of a config this run read" || return 1
	run --severity SITE001=error --format gcc other/bad.zone
	want_rc 2 && has "$tmp/err" "no rule matches 'SITE001'" || return 1
	run --no-config --select SITE001 site/bad.zone
	want_rc 2 && has "$tmp/err" "^zonelint: error: no rule matches 'SITE001'$" &&
	count "$tmp/out" . 0
}

t "docs/checks.md is the output of --list-checks" test_doc_in_step
t "--list-checks: every primitive, text and JSON" test_every_primitive
t "--explain shows the variant and the tunables" test_explain_tunables
t "did you mean: rule ids, names, keys, checks, variants" test_did_you_mean
t "docs/site-rules.md: its rules find what it shows" test_site_doc
t "site rules: required at the apex and at each mail domain" test_site_rules
t "site rules: a config's packs named by --select, --ignore, --severity" test_pack_rules_named
finish
