#!/bin/sh
# config.sh - end-to-end tests of .zonelint.yaml (discovery, --config,
# --no-config, per-glob overrides, errors) and of inline suppression through
# the command line (exit status, --show-suppressed, JSON, --statistics).
#
# usage: tests/config.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$here/../tools/deps.sh" cmd:jq:jq || exit 1

suite config.sh "${1:-}"
t_dir=$tmp

# The rules these tests rely on; other default rules stay out of the way.
SEL=--select=MX001,TTL002,SUP

# ---- helpers (as in tests/cli.sh) ----

# run ARG...: runs zonelint in the current directory; stdout in $tmp/out,
# stderr in $tmp/err, status in $rc.
run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# ---- a repository ----

# zone NAME FILE: a clean zone for NAME with one MX001 finding (line 7)
# and one MX TTL of 600 (line 8).
zone() {
	cat >"$2" <<EOF
\$ORIGIN $1.
\$TTL 3600
@	IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
	IN NS ns1
	IN NS ns2
	IN MX 10 mx1
	IN MX 30 192.0.2.30
	600 IN MX 20 mx2
	IN TXT "v=spf1 mx -all"
_dmarc	IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@$1"
ns1	IN A 192.0.2.53
ns2	IN A 192.0.2.54
mx1	IN A 192.0.2.25
mx2	IN A 192.0.2.26
EOF
}

# tmp/repo is a git work tree (a .git directory is all the search looks
# for); tmp/.zonelint.yaml lies outside it and must never be used for it.
mkdir -p "$tmp/repo/.git" "$tmp/repo/zones/legacy" "$tmp/repo/zones/own" \
	"$tmp/norepo/deep/er"
zone example.com "$tmp/repo/zones/example.com.zone"
zone example.org "$tmp/repo/zones/legacy/example.org.zone"
zone example.net "$tmp/repo/zones/own/example.net.zone"
zone example.edu "$tmp/norepo/deep/er/example.edu.zone"
cp "$tmp/repo/zones/example.com.zone" "$tmp/repo/example.com.zone"

cat >"$tmp/.zonelint.yaml" <<'EOF'
rules:
  MX001: off
EOF

cat >"$tmp/repo/.zonelint.yaml" <<'EOF'
# the repository's settings
rules:
  MX001: warning
  TTL002:
    params: { min: 1000 }
overrides:
  "zones/legacy/*.zone":
    ignore: [MX001]
    rules:
      TTL002: { severity: error, params: { min: 700 } }
EOF

# nearer than the repository's: stops the search in zones/own
cat >"$tmp/repo/zones/own/.zonelint.yaml" <<'EOF'
rules: { MX001: note }
EOF

cat >"$tmp/other.yaml" <<'EOF'
rules:
  MX001: error
  TTL002: off
EOF

cat >"$tmp/bad.yaml" <<'EOF'
rules:
  MX001: loud
  MX999: off
ignore: [MX001]
unknown: 1
EOF

# ---- configuration ----

test_walk_up() {
	cd repo/zones || return 1
	run $SEL --format gcc example.com.zone
	want_rc 0 &&
	has "$tmp/out" '^example\.com\.zone:7:[0-9]+: warning: .*\[MX001\]$' &&
	has "$tmp/out" '^example\.com\.zone:8:[0-9]+: warning: .*\[TTL002\]$' &&
	count "$tmp/out" . 2
}

test_repo_root() {
	# Outside a repository the search goes up to /, so the config in
	# tmp applies; inside, it stops at the directory holding .git.
	run $SEL --format gcc norepo/deep/er/example.edu.zone
	want_rc 0 && count "$tmp/out" . 0 || return 1
	rm repo/.zonelint.yaml
	run $SEL --format gcc repo/example.com.zone
	cp "$tmp/repo.yaml" repo/.zonelint.yaml
	want_rc 1 && has "$tmp/out" 'error: .*\[MX001\]$'
}

test_nearest_wins() {
	run $SEL --format gcc repo/zones/own/example.net.zone
	want_rc 0 && has "$tmp/out" 'note: .*\[MX001\]$' &&
	hasnt "$tmp/out" 'TTL002'
}

test_override() {
	run $SEL --format gcc repo/zones
	want_rc 1 &&
	hasnt "$tmp/out" 'legacy/example\.org\.zone:7:' &&
	has "$tmp/out" 'legacy/example\.org\.zone:8:[0-9]+: error: .*\[TTL002\]$' &&
	has "$tmp/out" '/example\.com\.zone:7:[0-9]+: warning: .*\[MX001\]$' &&
	has "$tmp/err" ' in 3 files$'
}

test_config_option() {
	run $SEL --config other.yaml --format gcc repo/zones \
	    norepo/deep/er/example.edu.zone
	want_rc 1 && count "$tmp/out" 'error: .*\[MX001\]$' 4 &&
	hasnt "$tmp/out" 'TTL002'
}

test_no_config() {
	run $SEL --no-config --format gcc repo/zones/example.com.zone
	want_rc 1 && has "$tmp/out" 'error: .*\[MX001\]$' &&
	hasnt "$tmp/out" 'TTL002' || return 1
	run --config other.yaml --no-config repo/zones
	want_rc 2 && has "$tmp/err" 'no-config'
}

test_command_line_wins() {
	run $SEL --severity MX001=error --format gcc repo/zones/example.com.zone
	want_rc 1 && has "$tmp/out" 'error: .*\[MX001\]$' || return 1
	run --select MX001 --format gcc repo/zones/example.com.zone
	want_rc 0 && count "$tmp/out" . 1 &&
	has "$tmp/out" 'warning: .*\[MX001\]$'
}

test_stdin_filename() {
	run $SEL --format gcc --stdin-filename repo/zones/legacy/x.zone - \
	    <repo/zones/legacy/example.org.zone
	want_rc 1 && hasnt "$tmp/out" 'MX001' &&
	has "$tmp/out" '^repo/zones/legacy/x\.zone:8:[0-9]+: error: .*\[TTL002\]$'
}

test_bad_config() {
	cp bad.yaml repo/zones/own/.zonelint.yaml
	run $SEL --format gcc repo/zones/own repo/zones/own/example.net.zone \
	    repo/zones/example.com.zone
	cp "$tmp/own.yaml" repo/zones/own/.zonelint.yaml
	want_rc 2 &&
	has "$tmp/err" '^repo/zones/own/\.zonelint\.yaml:2:10: error: unknown severity' &&
	has "$tmp/err" '^repo/zones/own/\.zonelint\.yaml:3:3: error: unknown rule' &&
	has "$tmp/err" '^repo/zones/own/\.zonelint\.yaml:5:1: error: unknown key' &&
	count "$tmp/err" 'own/\.zonelint\.yaml:2:10:' 1 &&
	hasnt "$tmp/out" 'example\.net' &&
	has "$tmp/out" 'example\.com\.zone:7:.*\[MX001\]$'
}

test_bad_config_option() {
	run --config bad.yaml --format json repo/zones
	want_rc 2 && count "$tmp/out" . 0 &&
	has "$tmp/err" '^bad\.yaml:2:10: error: ' || return 1
	run --config missing.yaml repo/zones
	want_rc 2 && has "$tmp/err" 'missing\.yaml' && count "$tmp/out" . 0
}

# What a rule checks (its variant) is the rule's: a config that tries to
# change it is an error at the key, not a rule quietly checking something
# else.  Its tunables stay open to the config.
test_variant_not_tunable() {
	cat >variant.yaml <<'EOF2'
rules:
  MX004: { params: { where: owner } }
  TTL003:
    params: { of: any, min: 60 }
  DKIM004: { severity: note, params: { problem: syntax } }
EOF2
	run --config variant.yaml --format gcc repo/zones/example.com.zone
	want_rc 2 && count "$tmp/out" . 0 &&
	has "$tmp/err" "^variant\.yaml:2:22: error: unknown key 'where' in params of rule 'MX004'" &&
	has "$tmp/err" "^variant\.yaml:4:15: error: unknown key 'of' in params of rule 'TTL003' \(expected one of: min, max\)" &&
	has "$tmp/err" "^variant\.yaml:5:40: error: unknown key 'problem'" &&
	count "$tmp/err" ': error: ' 3
}

# ---- suppression ----

suppressed_zone() {
	zone example.com "$tmp/s.zone"
	sed -i '7s/$/ ; zonelint: disable=MX001 -- old relay/' "$tmp/s.zone"
}

test_suppressed_exit() {
	suppressed_zone
	run --no-config $SEL --format gcc s.zone
	want_rc 0 && hasnt "$tmp/out" 'MX001' &&
	has "$tmp/err" '^zonelint: 0 errors, 0 warnings, 0 notes \(1 suppressed\) in 1 file$'
}

test_show_suppressed() {
	suppressed_zone
	run --no-config $SEL --show-suppressed s.zone
	want_rc 0 && has "$tmp/out" '^s\.zone:7:[0-9]+: error: .*\[MX001\]$' &&
	has "$tmp/out" '= note: suppressed in the zone file$' || return 1
	run --no-config $SEL --show-suppressed --format gcc s.zone
	want_rc 0 && has "$tmp/out" '^s\.zone:7:[0-9]+: note: suppressed in the zone file$'
}

test_json_suppressed() {
	suppressed_zone
	run --no-config $SEL --format json s.zone
	want_rc 0 && json_ok "$tmp/out" '.summary.suppressed == 1 and
		.summary.error == 0 and
		([.diagnostics[] | select(.rule == "MX001")] == [])' || return 1
	run --no-config $SEL --format json --show-suppressed s.zone
	want_rc 0 && json_ok "$tmp/out" '.summary.suppressed == 1 and
		(.diagnostics | length) == 1 and
		(.diagnostics[0] | .rule == "MX001" and .suppressed == true
		 and .line == 7)'
}

test_sup_findings() {
	zone example.com "$tmp/u.zone"
	sed -i '6s/$/ ; zonelint: disable=MX001,MX0001/' "$tmp/u.zone"
	run --no-config $SEL --format gcc u.zone
	want_rc 1 &&
	has "$tmp/out" '^u\.zone:6:[0-9]+: warning: .*\[SUP001\]$' &&
	has "$tmp/out" '^u\.zone:6:[0-9]+: warning: .*\[SUP002\]$' || return 1
	# The SUP findings are warnings: they fail the run only from there.
	run --no-config --select SUP --format gcc u.zone
	want_rc 0 || return 1
	run --no-config --select SUP --fail-on warning u.zone
	want_rc 1
}

test_quiet_statistics() {
	suppressed_zone
	run --no-config $SEL --quiet s.zone
	want_rc 0 && count "$tmp/err" . 0 || return 1
	run --no-config $SEL --quiet --statistics s.zone repo/zones/example.com.zone
	# The suppressed MX001 of s.zone is not counted.
	want_rc 1 && has "$tmp/err" '^ +1 +MX001$' && count "$tmp/err" . 1
}

cp "$tmp/repo/.zonelint.yaml" "$tmp/repo.yaml"
cp "$tmp/repo/zones/own/.zonelint.yaml" "$tmp/own.yaml"

t "config found by walking up from the zone's directory" test_walk_up
t "the search stops at the repository root" test_repo_root
t "the nearest config wins" test_nearest_wins
t "per-glob overrides" test_override
t "--config FILE for every zone" test_config_option
t "--no-config" test_no_config
t "command-line options win over the config" test_command_line_wins
t "--stdin-filename decides the config and the glob" test_stdin_filename
t "bad config: exit 2, every error at file:line:col, once" test_bad_config
t "bad --config stops the run" test_bad_config_option
t "a config cannot change what a rule checks" test_variant_not_tunable
t "suppressed findings do not count for the exit status" test_suppressed_exit
t "--show-suppressed in text and gcc" test_show_suppressed
# The configuration files of zones named one by one are read in their
# order, before the zones load in threads: their errors come in that
# order every time.
test_config_errors_in_order() {
	for d in a b c d e f; do
		mkdir -p "co/$d"
		printf 'rules: [\n' >"co/$d/.zonelint.yaml"
		printf '$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1\n' \
			>"co/$d/x.example.zone"
		printf 'ns1 IN A 192.0.2.1\n' >>"co/$d/x.example.zone"
	done
	run -j 1 -q --format gcc co/*/x.example.zone
	cp "$tmp/err" "$tmp/err1"
	has err1 '^co/f/\.zonelint\.yaml:2:1: error: invalid YAML' || return 1
	i=0
	while [ $i -lt 10 ]; do
		run -j 8 -q --format gcc co/*/x.example.zone
		cmp -s "$tmp/err" "$tmp/err1" || { show "$tmp/err"; return 1; }
		i=$((i + 1))
	done
}

t "suppressed in JSON" test_json_suppressed
t "unused and unknown suppressions are warnings" test_sup_findings
t "--quiet and --statistics" test_quiet_statistics
t "configuration errors in the order of the zones, in threads" test_config_errors_in_order

finish
