#!/bin/sh
# formats.sh - golden-file tests of the CI report formats (sarif, github,
# gitlab, checkstyle, junit), run against the real binary: each output is
# compared byte for byte with tests/golden/FORMAT/CASE.EXT, SARIF is
# validated against the SARIF 2.1.0 JSON schema with a real validator (Ajv,
# from npm, installed into tests/sarif/node_modules, which git ignores), the
# XML formats with xmllint and GitLab's with jq.
#
# usage: tests/formats.sh ZONELINT
#
# After an intended change to a format, regenerate the golden files and
# review the difference before committing it:
#   ZONELINT_REGEN=1 sh tests/formats.sh ./zonelint && git diff tests/golden
#
# The runs use their own small rule pack (tests/golden/rules.yaml), so the
# golden files do not change when a default rule is added or reworded.  The
# version in SARIF's tool.driver is replaced by VERSION before comparing.
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:jq:jq cmd:xmllint:libxml2-utils cmd:node:nodejs \
	cmd:npm:npm || exit 1

suite formats.sh "${1:-}"

golden=$here/golden
sarif=$here/sarif
schema=$sarif/sarif-schema-2.1.0.json
regen=${ZONELINT_REGEN:-}

# The validator, pinned by tests/sarif/package-lock.json; installed once.
if [ ! -d "$sarif/node_modules/ajv-draft-04" ]; then
	(cd "$sarif" && npm ci --no-audit --no-fund --loglevel=error) >&2 || {
		echo "formats.sh: cannot install the JSON-schema validator" >&2
		exit 1
	}
fi

# Paths in reports are relative to the current directory: run from the
# top of the tree so that they read tests/golden/zones/...
cd "$root" || exit 1

# A file name with everything the formats must escape: a space, ",", ":",
# "%", a multi-byte character and a control byte.
odd_name=$(printf 'odd dir/we,ird:na%%me \303\251\001.zone')
formats="sarif github gitlab checkstyle junit"
cases="one none many odd suppressed"

ext() {
	case $1 in
	sarif) echo sarif ;;
	github) echo txt ;;
	gitlab) echo json ;;
	*) echo xml ;;
	esac
}

# lint FORMAT ARG...: the golden runs' zonelint; report on stdout.
lint() {
	f=$1
	shift
	${ZONELINT_WRAPPER:-} "$zl" --quiet --no-config --no-default-rules \
		--rules tests/golden/rules.yaml --format "$f" "$@"
}

# produce FORMAT CASE: the report of one case, version normalised.
produce() {
	case $2 in
	one) lint "$1" tests/golden/zones/mail.example.zone ;;
	none) lint "$1" tests/golden/zones/clean.example.zone ;;
	many) lint "$1" tests/golden/zones ;;
	odd) lint "$1" --stdin-filename "$odd_name" - \
		<tests/golden/zones/second.example.zone ;;
	suppressed) lint "$1" --show-suppressed tests/golden/suppressed ;;
	esac
	echo $? >"$tmp/rc"
}

normalise() {
	sed 's/"name":"zonelint","version":"[^"]*"/"name":"zonelint","version":"VERSION"/'
}

# ---- golden files ----

# check_golden: compares $out with the golden file $want (or writes it).
check_golden() {
	if [ -n "$regen" ]; then
		mkdir -p "$(dirname "$want")"
		cp "$out" "$want"
		return 0
	fi
	[ -f "$want" ] || { echo "no golden file $want"; return 1; }
	cmp -s "$out" "$want" && return 0
	echo "differs from $want (regenerate: see the header of tests/formats.sh)"
	diff -u "$want" "$out" | head -40
	return 1
}

valid_sarif() {
	node "$sarif/validate.js" "$schema" "$1"
}

valid_gitlab() {
	jq -e 'type == "array" and all(.[];
		(.description | type == "string") and
		(.check_name | type == "string") and
		(.fingerprint | type == "string") and
		(.severity | IN("info", "minor", "major", "critical", "blocker")) and
		(.location.path | type == "string") and
		(.location.lines.begin | type == "number" and . >= 1))
		and ([.[].fingerprint] | length == (unique | length))' \
		"$1" >/dev/null
}

valid_xml() {
	xmllint --noout "$1"
}

# Every line is one workflow command; nothing else, no raw CR.
valid_github() {
	! grep -Ev '^::(error|warning|notice)( [^:]+)?::' "$1" &&
		! grep -q "$(printf '\r')" "$1"
}

valid() {
	case $1 in
	sarif) valid_sarif "$2" ;;
	gitlab) valid_gitlab "$2" ;;
	github) valid_github "$2" ;;
	*) valid_xml "$2" ;;
	esac
}

one_case() {
	produce "$fmt" "$case" | normalise >"$out"
	# 1: findings; 0: none; anything else is a failure of the run.
	[ "$(cat "$tmp/rc")" -le 1 ] || { echo "exit status $(cat "$tmp/rc")"; return 1; }
	valid "$fmt" "$out" || { echo "not a valid $fmt document:"; cat "$out"; return 1; }
	check_golden
}

for fmt in $formats; do
	for case in $cases; do
		out=$tmp/$fmt-$case.out
		want=$golden/$fmt/$case.$(ext "$fmt")
		t "$fmt: $case matches tests/golden/$fmt/$case.$(ext "$fmt") and is valid" one_case
	done
done

# ---- properties the golden files alone do not show ----

sarif_of() {
	${ZONELINT_WRAPPER:-} "$zl" --quiet --format sarif "$@"
}

test_sarif_default_rules_valid() {
	sarif_of zones-example >"$tmp/ex.sarif"
	[ $? -le 1 ] || return 1
	valid_sarif "$tmp/ex.sarif" || return 1
	# Every rule of the built-in set is described, with its level.
	want=$(${ZONELINT_WRAPPER:-} "$zl" --list-rules | wc -l)
	jq -e --argjson n "$want" '.runs[0].tool.driver.rules | length == $n and
		all(.[]; .id and .name and .shortDescription.text and
		    .fullDescription.text and .help.text and
		    .defaultConfiguration.level)' "$tmp/ex.sarif" >/dev/null
}

test_sarif_rule_index() {
	sarif_of zones-example >"$tmp/ex.sarif"
	jq -e '.runs[0] as $r | ($r.results | length) > 0 and
		all($r.results[]; $r.tool.driver.rules[.ruleIndex].id == .ruleId)' \
		"$tmp/ex.sarif" >/dev/null
}

# SARIF columns count code points: after 'é' (two bytes) a column is one
# less than the byte column; beyond the 4,096 bytes of a long line kept for
# the snippet, the column is not known and is left out.
test_sarif_columns() {
	{
		printf '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n'
		printf '@ IN NS ns1\nns1 IN A 192.0.2.1\n'
		printf '\303\251 IN A 192.0.2.300\n'
		printf 'b IN TXT '
		i=0
		while [ $i -lt 40 ]; do printf '"%s" ' "$(printf '%0120d' 0)"; i=$((i + 1)); done
		# a '(' never closed, a record after it: ZONE001
		printf '(\nc IN A 192.0.2.2\n'
	} >"$tmp/cols.zone"
	${ZONELINT_WRAPPER:-} "$zl" --no-config --format sarif "$tmp/cols.zone" \
		>"$tmp/cols.sarif"
	jq -e '[.runs[0].results[] | select(.ruleId == "ZONE001") |
		.locations[0].physicalLocation.region] as $r |
		($r | length) == 2 and
		($r[0] | .startLine == 6 and .startColumn == 8) and
		($r[1] | .startLine == 7 and (has("startColumn") | not))' \
		"$tmp/cols.sarif" >/dev/null || { cat "$tmp/cols.sarif"; return 1; }
}

# Lines added above a finding move it but keep its fingerprint.
test_fingerprints_stable() {
	z=tests/golden/zones/mail.example.zone
	for f in sarif gitlab; do
		lint "$f" "$z" >"$tmp/a.$f"
		{ printf '; a comment\n\n'; cat "$z"; } >"$tmp/moved.zone"
		lint "$f" --stdin-filename "$z" - <"$tmp/moved.zone" >"$tmp/b.$f"
	done
	q='[.runs[0].results[].partialFingerprints["zonelint/v1"]]'
	[ "$(jq -c "$q" "$tmp/a.sarif")" = "$(jq -c "$q" "$tmp/b.sarif")" ] ||
		{ echo "SARIF fingerprints changed"; return 1; }
	[ "$(jq -c '[.[].fingerprint]' "$tmp/a.gitlab")" = \
	  "$(jq -c '[.[].fingerprint]' "$tmp/b.gitlab")" ] ||
		{ echo "GitLab fingerprints changed"; return 1; }
	# ... while the lines did move.
	! cmp -s "$tmp/a.sarif" "$tmp/b.sarif"
}

# An absolute path below the current directory is reported relative.
test_absolute_paths() {
	for f in $formats; do
		lint "$f" tests/golden/zones/second.example.zone >"$tmp/rel"
		lint "$f" "$root/tests/golden/zones/second.example.zone" >"$tmp/abs"
		cmp -s "$tmp/rel" "$tmp/abs" || { echo "$f differs"; return 1; }
	done
}

test_github_escaping() {
	lint github --stdin-filename "$odd_name" - \
		<tests/golden/zones/second.example.zone >"$tmp/gh"
	grep -q '^::error file=odd dir/we%2Cird%3Ana%25me é\\001.zone,line=9,col=22,endLine=9,endColumn=32,title=MX001::' "$tmp/gh" ||
		{ cat "$tmp/gh"; return 1; }
}

test_sarif_uri_encoding() {
	lint sarif --stdin-filename "$odd_name" - \
		<tests/golden/zones/second.example.zone >"$tmp/odd.sarif"
	jq -e '.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri ==
		"odd%20dir/we%2Cird%3Ana%25me%20%C3%A9%01.zone"' "$tmp/odd.sarif" \
		>/dev/null || { cat "$tmp/odd.sarif"; return 1; }
}

# A byte XML 1.0 cannot carry is shown, not dropped and not raw.
test_xml_control_bytes() {
	for f in checkstyle junit; do
		lint "$f" --stdin-filename "$odd_name" - \
			<tests/golden/zones/second.example.zone >"$tmp/x.xml"
		! grep -q "$(printf '\001')" "$tmp/x.xml" || return 1
		grep -q 'é\\001\.zone' "$tmp/x.xml" || return 1
	done
}

# Every code point from U+0080 up, in TXT data that the source line of a
# finding shows: those Unicode (as this Node.js knows it) classes as
# controls, format characters, line or paragraph separators, spaces,
# default-ignorable or noncharacters are escaped byte by byte as \DDD, as
# docs/limits.md says; every other is shown as itself.
# shellcheck disable=SC2016 # $ORIGIN and $TTL are zone text
unicode_js='
const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/u;
const per = 60, strings = 15;
const lines = [];
let cps = [];
for (let cp = 0x80; cp <= 0x10ffff; cp++) {
	if (cp >= 0xd800 && cp <= 0xdfff)
		continue;
	cps.push(cp);
	if (cps.length == per * strings || cp == 0x10ffff) {
		lines.push(cps);
		cps = [];
	}
}
const head = (i) => "t" + i + " IN TXT";
const show = (cp) => {
	const c = String.fromCodePoint(cp);
	if (!hidden.test(c))
		return c;
	return [...Buffer.from(c)].map((b) => "\\" + String(b).padStart(3, "0")).join("");
};
const record = (i, f) => head(i) + lines[i].reduce((t, cp, k) =>
	t + (k % per ? "" : (k ? "\" \"" : " \"")) + f(cp), "") + "\"";
if (process.argv[1] == "zone") {
	process.stdout.write("$ORIGIN example.com.\n$TTL 60\n" + lines.map((_, i) =>
		record(i, (cp) => String.fromCodePoint(cp)) + "\n").join(""));
	process.exit(0);
}
const shown = new Map();
for (const l of require("fs").readFileSync(process.argv[2], "utf8").split("\n")) {
	const m = /^ *([0-9]+) [|] (.*)$/.exec(l);
	if (m)
		shown.set(Number(m[1]) - 3, m[2]);
}
let bad = 0;
lines.forEach((_, i) => {
	const got = shown.get(i), want = record(i, show);
	if (got === want || bad++ > 0)
		return;
	if (got === undefined) {
		console.log("no snippet of record " + i);
		return;
	}
	let k = 0;
	while (k < got.length && got[k] == want[k])
		k++;
	console.log("record " + i + " from column " + k + ":\n got  " +
		JSON.stringify(got.slice(k, k + 40)) + "\n want " +
		JSON.stringify(want.slice(k, k + 40)));
});
process.exit(bad ? 1 : 0);
'

test_unicode_escaping() {
	# Two rules, for the even and the odd records: a report shows at
	# most 1,000 findings of one rule (docs/limits.md).
	printf '%s\n' 'rules:' '  - id: UNI001' '    name: txt-record-even' \
		'    severity: note' '    summary: a TXT record' \
		'    scope: record' \
		"    select: { type: TXT, owner: '^t[0-9]*[02468]\\.' }" \
		'    check: present' '    message: TXT record' \
		'  - id: UNI002' '    name: txt-record-odd' \
		'    severity: note' '    summary: a TXT record' \
		'    scope: record' \
		"    select: { type: TXT, owner: '^t[0-9]*[13579]\\.' }" \
		'    check: present' '    message: TXT record' >"$tmp/uni.yaml"
	node -e "$unicode_js" zone >"$tmp/uni.zone" || return 1
	${ZONELINT_WRAPPER:-} "$zl" --quiet --no-config --no-default-rules \
		--rules "$tmp/uni.yaml" --format text --color never \
		"$tmp/uni.zone" >"$tmp/uni.out"
	[ $? -eq 0 ] || { head -c 2000 "$tmp/uni.out"; return 1; }
	node -e "$unicode_js" check "$tmp/uni.out"
}

test_output_file() {
	for f in $formats; do
		lint "$f" -o "$tmp/report" tests/golden/zones >"$tmp/stdout"
		lint "$f" tests/golden/zones >"$tmp/direct"
		if [ -s "$tmp/stdout" ] || ! cmp -s "$tmp/report" "$tmp/direct"
		then
			echo "$f: --output differs"
			return 1
		fi
	done
}

# A note is information: its test case passes, with the note as output,
# and the failure counts are those of the errors and warnings.
test_junit_notes_pass() {
	lint junit tests/golden/zones >"$tmp/j.xml"
	if grep -q '<failure type="note"' "$tmp/j.xml"; then
		echo "a note fails its test case"
		return 1
	fi
	n=$(grep -c '<failure ' "$tmp/j.xml")
	has "$tmp/j.xml" "^<testsuites name=\"zonelint\" tests=\"[0-9]+\" failures=\"$n\"" &&
	has "$tmp/j.xml" '<system-out>.*: note: .*\[MX007\]'
}

test_unknown_format() {
	"$zl" --format nope tests/golden/zones >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] && grep -q sarif "$tmp/err"
}

t "sarif: every default rule described, document valid" test_sarif_default_rules_valid
t "sarif: ruleIndex points at the result's rule" test_sarif_rule_index
t "sarif: columns in code points, none past a long line's snippet" test_sarif_columns
t "sarif, gitlab: fingerprints survive lines added above" test_fingerprints_stable
t "absolute paths below the current directory are made relative" test_absolute_paths
t "github: properties and data escaped as the runner wants" test_github_escaping
t "sarif: artifact URIs percent-encoded" test_sarif_uri_encoding
t "checkstyle, junit: control bytes shown as \\DDD" test_xml_control_bytes
t "every invisible code point escaped, every other shown" test_unicode_escaping
t "--output writes the same document" test_output_file
t "junit: notes are passing test cases" test_junit_notes_pass
t "unknown format exits 2 and lists the formats" test_unknown_format

finish
