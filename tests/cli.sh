#!/bin/sh
# cli.sh - end-to-end tests of the zonelint command: exit status, output
# formats, input discovery and options, run against the real binary.
#
# usage: tests/cli.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$here/../tools/deps.sh" cmd:jq:jq || exit 1

suite cli.sh "${1:-}"

esc=$(printf '\033')

# The rules the tests rely on; selecting them keeps the tests stable when new
# default rules are added.
SEL=--select=ZONE001,MX001,MX002,CNAME001

# ---- helpers ----

# run ARG...: runs zonelint; stdout in $tmp/out, stderr in $tmp/err, status
# in $rc.
run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# ---- zones ----

mkdir -p "$tmp/z"

cat >"$tmp/z/clean.zone" <<'EOF'
$ORIGIN example.com.
$TTL 3600
@	IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 mail
	IN TXT "v=spf1 mx -all"
ns1	IN A 192.0.2.1
mail	IN A 192.0.2.25
_dmarc	IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
EOF

# MX002 on line 5 (note at line 8), MX001 on line 6.
cat >"$tmp/z/bad.zone" <<'EOF'
$ORIGIN example.org.
$TTL 3600
@	IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 mail
	IN MX 20 192.0.2.7
ns1	IN A 192.0.2.1
mail	IN CNAME mx.example.net.
EOF

# Only an MX001 finding.
cat >"$tmp/z/addr.zone" <<'EOF'
$ORIGIN example.net.
$TTL 3600
@	IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 192.0.2.7
ns1	IN A 192.0.2.1
EOF

# No $ORIGIN: the origin must come from the name or --origin.
cat >"$tmp/z/relative" <<'EOF'
$TTL 3600
@	IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 mail
ns1	IN A 192.0.2.1
mail	IN CNAME mx.example.net.
EOF

cat >"$tmp/good.yaml" <<'EOF'
rules:
  - id: TEST001
    name: test-mx-target-is-address
    severity: warning
    summary: test rule on MX targets
    description: A rule used by the command-line tests.
    scope: record
    select: { type: MX }
    check: target-is-address
    needs: []
    message: "test: target '{target}' is an address"
EOF

cat >"$tmp/bad.yaml" <<'EOF'
rules:
  - id: TEST002
    name: test-broken
    severity: fatal
    summary: broken rule
    scope: record
    check: no-such-check
    bogus: 1
    message: "x"
EOF

# ---- exit status ----

test_clean_exit_0() {
	run $SEL "$tmp/z/clean.zone"
	want_rc 0 || return 1
	count "$tmp/out" . 0 &&
	has "$tmp/err" '^zonelint: 0 errors, 0 warnings, 0 notes in 1 file$'
}

test_finding_exit_1() {
	run $SEL "$tmp/z/bad.zone"
	want_rc 1 &&
	has "$tmp/out" "bad\.zone:5:[0-9]+: error: .*\[MX002\]$" &&
	has "$tmp/out" "bad\.zone:6:[0-9]+: error: .*\[MX001\]$" &&
	has "$tmp/out" "bad\.zone:8:[0-9]+: note: " &&
	has "$tmp/out" '^ +[0-9]+ \| ' &&
	has "$tmp/out" '^ +\| [[:space:]]*\^~+$' &&
	has "$tmp/err" '^zonelint: 2 errors, 0 warnings, 0 notes in 1 file$'
}

test_unreadable_exit_2() {
	run $SEL "$tmp/z/missing.zone" "$tmp/z/bad.zone"
	want_rc 2 &&
	has "$tmp/err" "missing\.zone: error: " &&
	has "$tmp/out" '\[MX001\]$'
}

# A failed run never ends in a summary that reads like a success.
test_failed_summary() {
	run $SEL "$tmp/z/missing.zone"
	want_rc 2 &&
	has "$tmp/err" '^zonelint: run failed: 1 input could not be linted; 0 errors, 0 warnings, 0 notes in 0 files$' ||
		return 1
	run $SEL --output "$tmp/nodir/r.txt" "$tmp/z/missing.zone" \
	    "$tmp/z/bad.zone"
	want_rc 2 &&
	has "$tmp/err" '^zonelint: run failed: 1 input could not be linted, the report could not be written; 2 errors, .* in 1 file$'
}

# Options that are the same for every zone are checked once, before any.
test_bad_load_options_once() {
	run $SEL --allow-include "$tmp/nonexistent" "$tmp/z/clean.zone" \
	    "$tmp/z/bad.zone"
	want_rc 2 && count "$tmp/err" nonexistent 1 && count "$tmp/out" . 0 ||
		return 1
	run $SEL --origin 'a..b' "$tmp/z/relative" "$tmp/z/clean.zone"
	want_rc 2 && count "$tmp/err" "a\.\.b" 1 && count "$tmp/out" . 0 ||
		return 1
	run $SEL --origin '' "$tmp/z/clean.zone"
	want_rc 2 && count "$tmp/err" origin 1
}

test_no_origin_exit_2() {
	run $SEL "$tmp/z/relative"
	want_rc 2 && has "$tmp/err" "relative: error: " || return 1
	run $SEL --origin example.org. "$tmp/z/relative"
	want_rc 1 && has "$tmp/out" "'mail\.example\.org\.'"
}

test_no_paths_exit_2() {
	run
	want_rc 2 && count "$tmp/err" . 1 && count "$tmp/out" . 0
}

test_bad_option_exit_2() {
	run --no-such-option "$tmp/z/clean.zone"
	want_rc 2 && has "$tmp/err" "no-such-option" || return 1
	run --format xml "$tmp/z/clean.zone"
	want_rc 2 && has "$tmp/err" "xml" || return 1
	run --fail-on fatal "$tmp/z/clean.zone"
	want_rc 2 || return 1
	run --color sometimes "$tmp/z/clean.zone"
	want_rc 2 || return 1
	run --severity MX001 "$tmp/z/clean.zone"
	want_rc 2 || return 1
	run "$tmp/z/clean.zone" --origin
	want_rc 2 && has "$tmp/err" "argument" && count "$tmp/out" . 0
}

test_bad_rule_file_exit_2() {
	run --rules "$tmp/bad.yaml" "$tmp/z/clean.zone"
	want_rc 2 && count "$tmp/out" . 0 &&
	has "$tmp/err" "bad\.yaml:[0-9]+:[0-9]+: error: " || return 1
	[ "$(grep -Ec 'bad\.yaml:[0-9]+:[0-9]+: error: ' "$tmp/err")" -ge 2 ] ||
		{ echo "wanted every error in the rule file"; show "$tmp/err"; return 1; }
}

test_check_rules() {
	run --check-rules "$tmp/good.yaml"
	want_rc 0 && has "$tmp/err" '^zonelint: 1 rule, all valid$' || return 1
	# a file named twice is read once, not refused for its own ids
	run --check-rules "$tmp/good.yaml" "$tmp/../${tmp##*/}/good.yaml"
	want_rc 0 && has "$tmp/err" '^zonelint: 1 rule, all valid$' || return 1
	run --rules "$tmp/good.yaml" --rules "$tmp/good.yaml" "$tmp/z/clean.zone"
	want_rc 0 || return 1
	run --check-rules "$tmp/good.yaml" "$tmp/bad.yaml"
	want_rc 2 && has "$tmp/err" "bad\.yaml:[0-9]+:[0-9]+: error: " &&
	hasnt "$tmp/err" "good\.yaml" || return 1
	run --check-rules
	want_rc 2
}

test_extra_rules() {
	run $SEL,TEST001 --rules "$tmp/good.yaml" --format gcc "$tmp/z/addr.zone"
	want_rc 1 && has "$tmp/out" "warning: test: .*\[TEST001\]$" &&
	has "$tmp/out" "\[MX001\]$"
}

test_fail_on() {
	run $SEL --severity MX001=warning "$tmp/z/addr.zone"
	want_rc 0 && has "$tmp/out" "warning: .*\[MX001\]$" || return 1
	run $SEL --severity MX001=warning --fail-on warning "$tmp/z/addr.zone"
	want_rc 1 || return 1
	run $SEL --severity MX001=note --fail-on warning "$tmp/z/addr.zone"
	want_rc 0 && has "$tmp/out" "note: .*\[MX001\]$" || return 1
	run $SEL --severity MX001=note --fail-on note "$tmp/z/addr.zone"
	want_rc 1 || return 1
	run $SEL --fail-on never "$tmp/z/bad.zone"
	want_rc 0 && has "$tmp/out" "\[MX002\]$"
}

# ---- formats ----

test_gcc_format() {
	re='^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .* \[[A-Z]+[0-9]{3}\]$'
	run $SEL --format gcc "$tmp/z/bad.zone"
	want_rc 1 || return 1
	grep -v ': note: ' "$tmp/out" >"$tmp/first"
	count "$tmp/first" "$re" 2 && count "$tmp/first" . 2 &&
	count "$tmp/out" '^[^:]+:[0-9]+:[0-9]+: note: ' 1 &&
	hasnt "$tmp/out" '\|'
}

test_json_zero_findings() {
	run $SEL --format json "$tmp/z/clean.zone"
	want_rc 0 &&
	json_ok "$tmp/out" '.tool.name == "zonelint" and
		(.tool.version | type) == "string" and .diagnostics == [] and
		.summary == {"error":0,"warning":0,"note":0,"suppressed":0}'
}

test_json_one_file() {
	run $SEL --format json "$tmp/z/bad.zone"
	want_rc 1 &&
	json_ok "$tmp/out" '(.diagnostics | length) == 2 and
		.summary.error == 2 and
		([.diagnostics[].rule] == ["MX002", "MX001"]) and
		(.diagnostics[0] | .line == 5 and (.column | type) == "number"
		 and .severity == "error" and .suppressed == false
		 and (.file | endswith("bad.zone"))
		 and (.message | type) == "string"
		 and .name == "mx-target-is-alias"
		 and (.notes | length) == 1 and .notes[0].line == 8)'
}

test_json_three_files() {
	run $SEL --format json "$tmp/z/bad.zone" "$tmp/z/clean.zone" \
	    "$tmp/z/addr.zone"
	want_rc 1 &&
	json_ok "$tmp/out" '(.diagnostics | length) == 3 and
		.summary.error == 3 and
		([.diagnostics[].file | split("/") | last] ==
		 ["addr.zone", "bad.zone", "bad.zone"])' &&
	has "$tmp/err" ' in 3 files$'
}

test_json_no_file_linted() {
	run $SEL --format json "$tmp/z/missing.zone"
	want_rc 2 && json_ok "$tmp/out" '.diagnostics == []' &&
	has "$tmp/err" 'missing\.zone: error: '
}

# Zone bytes that could drive a terminal or break JSON never come out raw.
test_hostile_bytes() {
	# shellcheck disable=SC2016 # $ORIGIN is zone text, not a variable
	printf '%s\n' '$ORIGIN example.com.' '@ IN SOA ns1 h 1 2 3 4 5' \
		'  IN NS ns1' 'ns1 IN A 192.0.2.1' >"$tmp/z/hostile.zone"
	printf 'x\033[31m\377 IN MX 10 192.0.2.9\n' >>"$tmp/z/hostile.zone"
	printf 'bad\033]0;t\007 IN BOGUS \377\376\n' >>"$tmp/z/hostile.zone"
	run $SEL --color never "$tmp/z/hostile.zone"
	want_rc 1 && hasnt "$tmp/out" "$esc" && hasnt "$tmp/err" "$esc" &&
	has "$tmp/out" '\\027' || return 1
	run $SEL --format json "$tmp/z/hostile.zone"
	want_rc 1 && json_ok "$tmp/out" '(.diagnostics | length) >= 2' &&
	hasnt "$tmp/out" "$esc"
}

# A CI runner reads a log line that starts with "::" (after blanks) as a
# workflow command, and "##[" anywhere in it: no format carries either
# from a file name or zone text, in any line but the github format's own
# commands; the walk's file and the one named alike.
test_ci_commands() {
	d=$tmp/cmds
	mkdir -p "$d"
	# shellcheck disable=SC2016 # $ORIGIN is zone text, not a variable
	printf '%s\n' '$ORIGIN example.com.' '@ IN SOA ns1 h 1 2 3 4 5' \
		'@ IN NS ns1' 'ns1 IN A 192.0.2.1' '@ IN MX 10 ns1' \
		'@ IN TXT "v=spf1 ##[set-output name=a;]b -all"' \
		'  ::add-mask::x IN BOGUS 1' >"$d/::error title=x::y.zone"
	for f in text gcc json sarif checkstyle junit gitlab github; do
		for arg in "$d" "$d/::error title=x::y.zone" \
		    "::error title=x::y.zone"; do
			(cd "$d" && ${ZONELINT_WRAPPER:-} "$zl" --no-context \
				--format $f "$arg") >"$tmp/out" 2>"$tmp/err"
			[ $? -eq 1 ] || { echo "$f $arg: exit $?"; return 1; }
			cat "$tmp/out" "$tmp/err" >"$tmp/all"
			if [ $f = github ]; then
				sed -E '/^::(warning|error|notice) file=/d' \
					"$tmp/out" >"$tmp/all"
				cat "$tmp/err" >>"$tmp/all"
				hasnt "$tmp/out" '##\[' || return 1
			fi
			hasnt "$tmp/all" '^[[:space:]]*::' &&
			hasnt "$tmp/all" '##\[' || { echo "$f $arg"; return 1; }
		done
	done
	run --no-context --format gcc "$d"
	has "$tmp/out" "'\\\\035#\\[set-output'"
}

# ---- inputs ----

test_stdin_filename() {
	run $SEL --stdin-filename zones/example.org.zone - <"$tmp/z/relative"
	want_rc 1 &&
	has "$tmp/out" "^zones/example\.org\.zone:4:[0-9]+: error: .*'mail\.example\.org\.'.*\[MX002\]$"
}

test_stdin_default_name() {
	run $SEL --origin example.org. --format gcc - <"$tmp/z/relative"
	want_rc 1 && has "$tmp/out" '^<stdin>:4:[0-9]+: error: .*\[MX002\]$'
}

test_directory_recursion() {
	d=$tmp/tree
	mkdir -p "$d/sub/deeper" "$d/.git"
	for z in one.zone db.two sub/three.db sub/deeper/four.zone; do
		sed "s/example\.net/${z##*/}.test/" "$tmp/z/addr.zone" >"$d/$z"
	done
	for z in notes.txt .hidden.zone .git/x.zone sub/README; do
		cp "$tmp/z/addr.zone" "$d/$z"
	done
	run $SEL --format gcc "$d"
	want_rc 1 || return 1
	sed 's/:.*//; s|.*/tree/||' "$tmp/out" | sort -u >"$tmp/files"
	printf '%s\n' db.two one.zone sub/deeper/four.zone sub/three.db \
		>"$tmp/want"
	cmp -s "$tmp/files" "$tmp/want" || {
		echo "wrong files linted"
		show "$tmp/files"
		return 1
	}
	has "$tmp/err" ' in 4 files$'
}

# Threads change nothing in the report: the same findings, failures and
# summary with -j 1, -j 3 and -j 0, over zones of several kinds, an
# unreadable one among them.
test_jobs() {
	d=$tmp/jobs
	mkdir -p "$d/sub"
	for z in addr bad; do
		for i in 1 2 3 4 5; do
			cp "$tmp/z/$z.zone" "$d/$z$i.zone"
			cp "$tmp/z/$z.zone" "$d/sub/$z$i.zone"
		done
	done
	printf 'not a zone (\n' >"$d/broken.zone"
	for j in 1 3 0; do
		run --format gcc -j "$j" "$d" "$d/missing.zone"
		want_rc 2 || return 1
		cp "$tmp/out" "$tmp/out.$j"
		sort "$tmp/err" >"$tmp/err.$j"
	done
	# findings in all ten copies of bad.zone, the two failures reported
	[ "$(sed 's/:.*//' "$tmp/out.1" | sort -u | grep -c '/bad[0-9]\.zone$')" = 10 ] &&
	has "$tmp/err.1" 'missing\.zone: error:' &&
	has "$tmp/err.1" 'broken\.zone: error:' || return 1
	for j in 3 0; do
		cmp -s "$tmp/out.1" "$tmp/out.$j" && cmp -s "$tmp/err.1" "$tmp/err.$j" || {
			echo "-j $j differs from -j 1"
			diff "$tmp/out.1" "$tmp/out.$j" | head -20
			diff "$tmp/err.1" "$tmp/err.$j"
			return 1
		}
	done
	run -j x "$d"
	want_rc 2 && has "$tmp/err" "jobs wants a number"
}

# ---- rule selection ----

test_select_ignore() {
	run --select MX001 --format gcc "$tmp/z/bad.zone"
	want_rc 1 && count "$tmp/out" . 1 && has "$tmp/out" '\[MX001\]$' ||
		return 1
	run $SEL --ignore MX001 --format gcc "$tmp/z/bad.zone"
	want_rc 1 && hasnt "$tmp/out" 'MX001' && has "$tmp/out" '\[MX002\]$' ||
		return 1
	run $SEL --ignore MX --format gcc "$tmp/z/bad.zone"
	want_rc 0 && count "$tmp/out" . 0 || return 1
	run --select NOPE999 "$tmp/z/bad.zone"
	want_rc 2 && has "$tmp/err" NOPE999
}

# An empty list, or an empty item in one, names no rule: a usage error,
# not "every rule off" (nor, for '', "no selection").
test_empty_selection() {
	for l in , '' 'MX001,' 'MX001,,MX002' ' , '; do
		run --select "$l" "$tmp/z/bad.zone"
		want_rc 2 && has "$tmp/err" 'empty rule id' &&
		count "$tmp/out" . 0 || return 1
		run --ignore "$l" "$tmp/z/bad.zone"
		want_rc 2 && has "$tmp/err" 'empty rule id' || return 1
	done
	run --select MX001 --select '' "$tmp/z/bad.zone"
	want_rc 2 && has "$tmp/err" 'empty rule id'
}

test_severity_option() {
	run $SEL --severity MX002=warning --format gcc "$tmp/z/bad.zone"
	want_rc 1 && has "$tmp/out" ': warning: .*\[MX002\]$' &&
	has "$tmp/out" ': error: .*\[MX001\]$' || return 1
	run $SEL --severity MX002=off --severity MX001=off "$tmp/z/bad.zone"
	want_rc 0 && count "$tmp/out" . 0 || return 1
	run --severity NOPE999=error "$tmp/z/bad.zone"
	want_rc 2
}

# ---- information ----

test_list_rules() {
	run --list-rules
	want_rc 0 || return 1
	for id in ZONE001 MX001 MX002 CNAME001; do
		has "$tmp/out" "^$id +error +[a-z0-9-]+ +[^ ]" || return 1
	done
	run --list-rules --severity MX001=warning --rules "$tmp/good.yaml"
	want_rc 0 && has "$tmp/out" '^MX001 +warning ' &&
	has "$tmp/out" '^TEST001 +warning +test-mx-target-is-address ' ||
		return 1
	run --list-rules --no-default-rules --rules "$tmp/good.yaml"
	want_rc 0 && count "$tmp/out" . 1
}

test_explain() {
	run --explain MX002
	want_rc 0 && has "$tmp/out" '^MX002 mx-target-is-alias' &&
	has "$tmp/out" 'severity: +error' && has "$tmp/out" 'RFC 2181' &&
	has "$tmp/out" 'check: +target-not-alias' || return 1
	run --explain mx002
	want_rc 0 && has "$tmp/out" '^MX002 ' || return 1
	run --explain Mx-Target-Is-Alias
	want_rc 0 && has "$tmp/out" '^MX002 mx-target-is-alias' || return 1
	run --explain NOPE999
	want_rc 2 && has "$tmp/err" NOPE999
}

test_version_help() {
	run --version
	want_rc 0 && has "$tmp/out" '^zonelint [0-9]+\.[0-9]+\.[0-9]+$' ||
		return 1
	run --help
	want_rc 0 && has "$tmp/out" '^usage: zonelint ' && count "$tmp/err" . 0 ||
		return 1
	for o in origin rules no-default-rules select ignore severity fail-on \
	    format output color quiet statistics stdin-filename list-rules \
	    explain check-rules version help; do
		has "$tmp/out" "--$o" || return 1
	done
}

# ---- output ----

test_output_file() {
	run $SEL --format json "$tmp/z/bad.zone" "$tmp/z/addr.zone"
	want_rc 1 && cp "$tmp/out" "$tmp/stdout.json" || return 1
	mkdir -p "$tmp/o"
	run $SEL --format json --output "$tmp/o/report.json" "$tmp/z/bad.zone" \
	    "$tmp/z/addr.zone"
	want_rc 1 && count "$tmp/out" . 0 &&
	cmp "$tmp/stdout.json" "$tmp/o/report.json" || return 1
	[ "$(ls -A "$tmp/o")" = report.json ] || { ls -A "$tmp/o"; return 1; }
	run $SEL --output "$tmp/o/report.json" "$tmp/z/clean.zone"
	want_rc 0 && [ ! -s "$tmp/o/report.json" ] || return 1
	run $SEL --output "$tmp/nodir/report.txt" "$tmp/z/bad.zone"
	want_rc 2 && [ ! -e "$tmp/nodir" ] &&
	[ "$(ls -A "$tmp/o")" = report.json ]
}

test_output_dash() {
	mkdir -p "$tmp/dash"
	(cd "$tmp/dash" && run $SEL --format json -o - "$tmp/z/addr.zone" &&
	 want_rc 1 && json_ok "$tmp/out" '(.diagnostics | length) == 1' &&
	 [ -z "$(ls -A)" ]) || { ls -A "$tmp/dash"; return 1; }
}

# A file is linted once however it is named: twice, spelt two ways, or
# named and also found in a directory; standard input is read once.
test_same_input_once() {
	d=$tmp/twice
	mkdir -p "$d"
	cp "$tmp/z/addr.zone" "$d/addr.zone"
	run $SEL --format gcc "$d/addr.zone" "$d/addr.zone" "$d/../twice/addr.zone" "$d"
	want_rc 1 && count "$tmp/out" '\[MX001\]$' 1 &&
	has "$tmp/err" ' in 1 file$' || return 1
	run $SEL --format gcc "$d/missing.zone" "$d/missing.zone"
	want_rc 2 && count "$tmp/err" 'missing\.zone: error: ' 1 || return 1
	run $SEL --format gcc - - <"$tmp/z/addr.zone"
	want_rc 1 && count "$tmp/out" '\[MX001\]$' 1
}

# A file included as ../common/x.inc is shown by one name, whichever
# directory includes it.
test_include_shown_once() {
	d=$tmp/inc1
	mkdir -p "$d/zones" "$d/common"
	printf '%s\n' 's1._domainkey IN TXT "v=DKIM1; p="' >"$d/common/keys.inc"
	for z in a b; do
		printf '%s\n' '$TTL 3600' \
			'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
			'@ IN NS ns1' 'ns1 IN A 192.0.2.53' \
			'$INCLUDE ../common/keys.inc' >"$d/zones/$z.example.zone"
	done
	(cd "$d" && ${ZONELINT_WRAPPER:-} "$zl" --select DKIM007 --format gcc \
		.) >"$tmp/out" 2>"$tmp/err"
	count "$tmp/out" '^common/keys\.inc:1:[0-9]+: note: .*\[DKIM007\]$' 2 &&
	hasnt "$tmp/out" '\.\./'
}

# Names below the root are 'label.', never 'label..'.
test_root_zone_names() {
	printf '%s\n' '$ORIGIN .' '$TTL 3600' \
		'@ IN SOA a.root-servers.net. h.example. 1 7200 3600 1209600 3600' \
		'@ IN NS a.root-servers.net.' '@ IN MX 10 mx.example.' \
		'@ IN TXT "v=spf1 -all"' >"$tmp/root.zone"
	run --select DMARC015 "$tmp/root.zone"
	want_rc 0 && has "$tmp/out" "none at '_dmarc\.'" &&
	has "$tmp/out" "publish '_dmarc\. IN TXT" && hasnt "$tmp/out" "\.\.'"
}

# DMARC015's help: p=reject for mail domains that send nothing (SPF
# -all), p=none to start with otherwise.
test_dmarc_help() {
	printf '%s\n' '$ORIGIN example.org.' '$TTL 3600' \
		'@ IN SOA ns h 1 7200 3600 1209600 3600' '@ IN NS ns' \
		'ns IN A 192.0.2.1' '@ IN MX 10 ns' '@ IN TXT "v=spf1 -all"' \
		'b IN TXT "v=spf1 -all"' >"$tmp/parked.zone"
	run --select DMARC015 "$tmp/parked.zone"
	want_rc 0 && has "$tmp/out" 'help: .*"v=DMARC1; p=reject"' || return 1
	echo 'c IN TXT "v=spf1 mx -all"' >>"$tmp/parked.zone"
	run --select DMARC015 "$tmp/parked.zone"
	want_rc 0 && has "$tmp/out" 'help: .*"v=DMARC1; p=none;'
}

# MX003 says why a target under invalid. has no address, though the zone
# holds one for it.
test_mx_invalid() {
	printf '%s\n' '$ORIGIN invalid.' '$TTL 3600' \
		'@ IN SOA ns h 1 7200 3600 1209600 3600' '@ IN NS ns' \
		'ns IN A 192.0.2.1' '@ IN MX 10 mail' 'mail IN A 192.0.2.25' \
		>"$tmp/invalid.zone"
	run --select MX003 --format gcc "$tmp/invalid.zone"
	want_rc 1 && has "$tmp/out" "MX target 'mail.invalid.' is a name under invalid., which never resolves" &&
		hasnt "$tmp/out" "has no A or AAAA record"
}

# ZONE027 reads RRSIG times around the time of the run (SOURCE_DATE_EPOCH):
# the fixture's signatures run from 2026-12-01 to 2090-01-01.
test_sig_times() {
	f=$here/fixtures/zone/ds-match.zone
	SOURCE_DATE_EPOCH=3786825600 run --select ZONE027 --format gcc "$f"
	want_rc 0 &&
	has "$tmp/out" ":7:1: warning: 13 of the zone's 13 RRSIG records expire, the first on 2090-01-01 00:00:00 UTC, in 1 day: validating resolvers will fail the RRsets they sign \[ZONE027\]" || return 1
	SOURCE_DATE_EPOCH=1793491200 run --select ZONE027 --format gcc "$f"
	want_rc 1 &&
	has "$tmp/out" ":7:1: error: 13 of the zone's 13 RRSIG records are not valid before 2026-12-01 00:00:00 UTC: validating resolvers fail the RRsets they sign \[ZONE027\]" || return 1
	SOURCE_DATE_EPOCH=1796256000 run --select ZONE027 "$f"
	want_rc 0 && hasnt "$tmp/out" ZONE027
}

test_quiet_statistics() {
	run $SEL --quiet "$tmp/z/bad.zone"
	want_rc 1 && count "$tmp/err" . 0 || return 1
	run $SEL --quiet --statistics "$tmp/z/bad.zone" "$tmp/z/addr.zone"
	want_rc 1 && has "$tmp/err" '^ +2 +MX001$' && has "$tmp/err" '^ +1 +MX002$'
}

# Each case in a subshell: NO_COLOR must not leak into the next one.
test_color() {
	(NO_COLOR=1; export NO_COLOR; run $SEL --color always "$tmp/z/bad.zone"
	 want_rc 1 && hasnt "$tmp/out" "$esc") || return 1
	(unset NO_COLOR; run $SEL --color never "$tmp/z/bad.zone"
	 want_rc 1 && hasnt "$tmp/out" "$esc") || return 1
	(unset NO_COLOR; run $SEL "$tmp/z/bad.zone"
	 want_rc 1 && hasnt "$tmp/out" "$esc") || return 1
	(unset NO_COLOR; run $SEL --color always "$tmp/z/bad.zone"
	 want_rc 1 && has "$tmp/out" "$esc") || return 1
	(NO_COLOR=; export NO_COLOR; run $SEL --color always "$tmp/z/bad.zone"
	 want_rc 1 && has "$tmp/out" "$esc")
}

t "clean zone exits 0" test_clean_exit_0
t "a finding exits 1" test_finding_exit_1
t "unreadable file exits 2, other files still linted" test_unreadable_exit_2
t "a failed run says so in its summary" test_failed_summary
t "a bad --allow-include or --origin is reported once" test_bad_load_options_once
t "zone without origin exits 2" test_no_origin_exit_2
t "no paths exits 2" test_no_paths_exit_2
t "bad options exit 2" test_bad_option_exit_2
t "bad rule file exits 2 with positions" test_bad_rule_file_exit_2
t "--check-rules" test_check_rules
t "--rules adds rules" test_extra_rules
t "--fail-on" test_fail_on
t "--format gcc" test_gcc_format
t "--format json, no findings" test_json_zero_findings
t "--format json, one file" test_json_one_file
t "--format json, three files" test_json_three_files
t "--format json, no file linted" test_json_no_file_linted
t "control bytes never reach the output" test_hostile_bytes
t "no output line is a CI runner's command" test_ci_commands
t "stdin with --stdin-filename" test_stdin_filename
t "stdin without a name" test_stdin_default_name
t "directories are searched for zone files" test_directory_recursion
t "-j N gives the report of -j 1" test_jobs
t "--select and --ignore" test_select_ignore
t "--select and --ignore refuse empty items" test_empty_selection
t "--severity" test_severity_option
t "--list-rules" test_list_rules
t "--explain" test_explain
t "--version and --help" test_version_help
t "--output" test_output_file
t "-o - writes to standard output" test_output_dash
t "an input named twice is linted once" test_same_input_once
t "a file included from two directories is shown by one name" test_include_shown_once
t "names below the root zone" test_root_zone_names
t "DMARC015: p=reject for domains that send nothing" test_dmarc_help
t "MX003: a target under invalid. never resolves" test_mx_invalid
t "ZONE027: signatures expired, not valid yet, or expiring soon" test_sig_times
t "--quiet and --statistics" test_quiet_statistics
t "colour" test_color

finish
