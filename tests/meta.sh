#!/bin/sh
# meta.sh - keep rules, fixtures and docs in step: every rule id in rules/
# has a fixture where it fires, a fixture where it must stay silent, a docs
# entry with the required sections, and is known to the built binary; no
# fixture or doc names a rule that does not exist.
# usage: tests/meta.sh ZONELINT
set -u
zonelint=$1
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$root/tests/fixtures"
pass=0
fail=0

# expect MESSAGE COMMAND...: count COMMAND's success, print MESSAGE if not
expect() {
	msg=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		echo "not ok - $msg"
		fail=$((fail + 1))
	fi
}

# known ID: the built binary knows the rule
known() {
	${ZONELINT_WRAPPER:-} "$zonelint" --explain "$1" >/dev/null 2>&1
}

# listed ID: ID is one of the rule ids
listed() {
	printf '%s\n' "$ids" | grep -qx "$1"
}

ids=$(sed -n 's/^  - id: *\([A-Z][A-Z0-9]*\) *$/\1/p' "$root"/rules/*.yaml | sort)
[ -n "$ids" ] || { echo "not ok - no rule ids found in rules/"; exit 1; }
dups=$(printf '%s\n' "$ids" | uniq -d)
expect "duplicate rule ids: $dups" [ -z "$dups" ]

all_fixtures=$(find "$fixtures" -name '*.zone' | sort)
for id in $ids; do
	# shellcheck disable=SC2086 # the fixture list is split on purpose
	expect "$id has no fixture where it fires (; expect: $id)" \
		grep -aEq "; expect(-next)?: ([A-Za-z0-9:]+[[:blank:],]+)*$id(:[0-9]+(:[a-z]+)?)?([[:blank:],]|\$)" $all_fixtures
	# shellcheck disable=SC2086
	expect "$id has no fixture where it must stay silent (; clean: $id)" \
		grep -aEq "; clean: ([A-Z0-9]+[ ,]+)*$id([ ,]|\$)" $all_fixtures
	doc="$root/docs/rules/$id.md"
	missing=""
	if [ -f "$doc" ]; then
		for section in "# $id" "## Rationale" "## Bad example" "## Good example" "## Suppressing" "## References"; do
			grep -q "^$section" "$doc" || missing="$missing '$section'"
		done
	else
		missing=" (no file)"
	fi
	expect "docs/rules/$id.md lacks$missing" [ -z "$missing" ]
	expect "zonelint --explain $id fails: the rule is not built in" known "$id"
done

# nothing may name a rule that does not exist
for doc in "$root"/docs/rules/*.md; do
	id=$(basename "$doc" .md)
	expect "docs/rules/$id.md documents an unknown rule" listed "$id"
done
# shellcheck disable=SC2086
named=$(grep -aEho "; (expect(-next)?|clean): [A-Z0-9:, ]+" $all_fixtures |
	sed 's/^; [a-z-]*: //' | tr ', ' '\n' | sed 's/:.*//' | grep . | sort -u)
for id in $named; do
	expect "a fixture names unknown rule $id" listed "$id"
done

# The fixture runner itself: a clean marker for a rule that does not run
# on the record fails, one for a rule that does passes.
runner() {
	sh "$root/tests/fixtures.sh" "$zonelint" "$1" >/dev/null 2>&1
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
{
	printf '$ORIGIN example.com.\n$TTL 3600\n'
	printf '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n'
	printf '  IN NS ns1\n  IN MX 10 mail\n  IN MX 20 ns1\n'
	printf '  IN TXT "v=spf1 mx -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n'
	printf 'ns1 IN A 192.0.2.1\nmail IN A 192.0.2.2\n'
} >"$tmp/base"
sed 's/^  IN MX 10 mail$/& ; clean: MX002/' "$tmp/base" >"$tmp/good.zone"
sed 's/^  IN TXT .*$/& ; clean: MX002/' "$tmp/base" >"$tmp/bad.zone"
{ cat "$tmp/base"; echo '; clean: TLSRPT001'; } >"$tmp/none.zone"
{ cat "$tmp/base"; echo '; clean: NOPE001'; } >"$tmp/unknown.zone"
expect "fixtures.sh refuses a clean marker on a record the rule runs on" \
	runner "$tmp/good.zone"
expect "fixtures.sh takes a clean marker on a record the rule does not run on" \
	eval '! runner "$tmp/bad.zone"'
expect "fixtures.sh takes a clean marker for a rule that runs on nothing" \
	eval '! runner "$tmp/none.zone"'
expect "fixtures.sh takes a clean marker for an unknown rule" \
	eval '! runner "$tmp/unknown.zone"'

echo "meta: $pass passed, $fail failed"
[ $fail -eq 0 ]
