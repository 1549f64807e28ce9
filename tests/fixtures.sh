#!/bin/sh
# fixtures.sh - lint every fixture zone under tests/fixtures and compare the
# findings with the expectations written inside the fixture, exactly: every
# expected finding must be reported, and nothing else.
#
#   ; expect: MX002            this line has one MX002 finding
#   ; expect: MX002:17, MX001  ... with the column given, plus an MX001
#   ; expect: SPF001:10:warning  ... and its severity, where a check sets it
#   ; expect-next: ZONE001     the next line has one (when this line's own
#                              comment cannot be written, e.g. inside quotes)
#   ; clean: MX001, MX002      rules that run on some subject of this
#                              fixture and must stay silent; after a
#                              record: rules that run on that record
# A clean marker is checked with probe rules (tests/probes.awk): copies of
# the named rules, same scope, select and needs, whose check reports every
# subject, so a marker for a rule that never looks at the record fails.
# Findings in files the fixture includes are matched against expectations
# written in those files.  A fixture with FIXTURE.base beside it is linted
# against that base version (zonelint --since, in a scratch git
# repository): the rules that compare a zone with its base (ZONE011).
# A fixture with FIXTURE.conf beside it is linted as the server
# configuration there loads it (zonelint --server-config, from the
# fixture's directory; the configuration names the fixture by its base
# name): the rules that depend on how a server serves the zone (DANE009).
#
# Every fixture is linted at one time, 2026-12-07 00:00:00 UTC
# (SOURCE_DATE_EPOCH), whatever the clock or the caller's
# SOURCE_DATE_EPOCH (a package build sets it to its changelog's date):
# the rules that read times against the run's, as ZONE027 reads RRSIG
# times, give the same findings on every day.
#
# usage: tests/fixtures.sh ZONELINT [FIXTURE...]
# ZONELINT_WRAPPER is put in front of the command (for valgrind), except
# the probe of clean markers.
set -u
zonelint=$1
shift
SOURCE_DATE_EPOCH=1796601600
export SOURCE_DATE_EPOCH
# The fixtures with a base are linted in a scratch git repository.
# WKS names are looked up in /etc/protocols and /etc/services.
sh "$(dirname "$0")/../tools/deps.sh" cmd:git:git file:/etc/services:netbase \
	file:/etc/protocols:netbase || exit 1
case $zonelint in */*) zonelint=$(cd "$(dirname "$zonelint")" && pwd)/$(basename "$zonelint") ;; esac
dir=$(dirname "$0")/fixtures
if [ $# -eq 0 ]; then
	set -- "$dir"/*.zone "$dir"/*/*.zone
fi

# The probe pack for every rule a clean marker names, from the packs the
# binary was built from; the rules it has no probe for, by kind.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
clean_ids=$(grep -arho '; clean: [A-Z0-9, ]*' "$dir" "$@" 2>/dev/null |
	sed 's/^; clean: //' | tr ',' ' ' | tr -s ' ' '\n' | grep . | sort -u | tr '\n' ',')
awk -v ids="$clean_ids" -f "$(dirname "$0")/probes.awk" \
	"$(dirname "$0")"/../rules/*.yaml >"$tmp/probes.yaml"
${ZONELINT_WRAPPER:-} "$zonelint" --no-default-rules --check-rules \
	"$tmp/probes.yaml" >/dev/null 2>"$tmp/probes.err" || {
	echo "not ok - the probe rules for the clean markers do not load:"
	sed 's/^/    /' "$tmp/probes.err"
	exit 1
}
nolist() {
	sed -n "s/^# $1: //p" "$tmp/probes.yaml" | tr '\n' ','
}

# probe FIXTURE [INCLUDED...]: the markers that prove nothing.  It checks
# the fixture, not zonelint, so it runs without the wrapper: the lint of
# the fixture has already taken its code under valgrind.
probe() {
	"$zonelint" --no-default-rules --no-config \
		--rules "$tmp/probes.yaml" --format gcc "$1" 2>&1 |
		awk -v zone="$(nolist zone)" -v off="$(nolist off)" \
			-v unknown="$(nolist unknown)" -f "$(dirname "$0")/clean.awk" \
			"$@" phase=2 -
}

# lint FIXTURE: its findings in the gcc format, and zonelint's status.
# Each fixture is a world of its own: no other zone of this repository
# resolves its names.
lint() {
	if [ -f "$1.conf" ]; then
		(
			cd "$(dirname "$1")" || exit 2
			${ZONELINT_WRAPPER:-} "$zonelint" --no-context \
				--format gcc --server-config \
				"$(basename "$1").conf" >"$tmp/lint.out" 2>&1
		)
		lrc=$?
		# the files it names, relative to the fixture's directory
		sed "s|^\([^/][^:]*:[0-9][0-9]*:[0-9][0-9]*: \)|$(dirname "$1")/\1|" \
			"$tmp/lint.out"
		return $lrc
	fi
	if [ ! -f "$1.base" ]; then
		${ZONELINT_WRAPPER:-} "$zonelint" --no-context --format gcc "$1" 2>&1
		return
	fi
	rel=${1#/}
	abs=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	: >"$tmp/lint.out"
	rm -rf "$tmp/git"
	mkdir -p "$tmp/git/$(dirname "$rel")"
	cp "$1.base" "$tmp/git/$rel"
	(
		cd "$tmp/git" || exit 1
		unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
		git init -q && git add -A &&
			git -c user.name=fixtures -c user.email=fixtures@example \
				-c commit.gpgsign=false commit -q -m base &&
			cp "$abs" "$rel" || exit 2
		${ZONELINT_WRAPPER:-} "$zonelint" --no-context --format gcc \
			--since HEAD "$rel" >"$tmp/lint.out" 2>&1
	)
	lrc=$?
	sed "s|^$rel:|$1:|" "$tmp/lint.out"
	return $lrc
}

# included FILE: the files its $INCLUDE lines name that exist, beside the
# file that names each (the first word after the directive, without
# parentheses or quotes), and theirs in turn, to the loader's depth.
included() {
	todo=$1
	depth=0
	while [ -n "$todo" ] && [ $depth -le 8 ]; do
		# shellcheck disable=SC2086 # one word per file name
		todo=$(for f in $todo; do
			awk '/^\$INCLUDE/ {
				for (i = 2; i <= NF; i++) {
					w = $i
					gsub(/[()"]/, "", w)
					if (w != "") { print w; break }
				}
			}' "$f" | while read -r p; do
				[ -f "$(dirname "$f")/$p" ] &&
					printf '%s\n' "$(dirname "$f")/$p"
			done
		done | sort -u)
		[ -z "$todo" ] || printf '%s\n' "$todo"
		depth=$((depth + 1))
	done
}

pass=0
fail=0
for f in "$@"; do
	[ -f "$f" ] || continue
	out=$(lint "$f")
	rc=$?
	if [ $rc -gt 1 ]; then
		echo "not ok - $f: zonelint exited $rc"
		printf '%s\n' "$out" | sed 's/^/    /'
		fail=$((fail + 1))
		continue
	fi
	# expectations may also sit in files the fixture $INCLUDEs: those
	# its $INCLUDE lines name, and those the findings are in
	others=$({
		printf '%s\n' "$out" | sed -n \
			's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: [a-z]*: .*/\1/p'
		included "$f"
	} | sort -u | grep -vxF "$f")
	# shellcheck disable=SC2086 # one argument per file name
	diff=$(printf '%s\n' "$out" | awk -f "$(dirname "$0")/fixtures.awk" \
		"$f" $others phase=2 -)
	# shellcheck disable=SC2086
	if grep -aq '; clean:' "$f" $others; then
		diff=$(printf '%s\n%s' "$diff" "$(probe "$f" $others)" | grep .)
	fi
	if [ -n "$diff" ]; then
		echo "not ok - $f"
		printf '%s\n' "$diff" | sort | sed 's/^/    /'
		fail=$((fail + 1))
	else
		echo "ok - $f"
		pass=$((pass + 1))
	fi
done
echo "fixtures: $pass passed, $fail failed"
[ $fail -eq 0 ]
