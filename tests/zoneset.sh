#!/bin/sh
# zoneset.sh - a repository of zones linted as one set (tests/repo/): as a
# whole, file by file with the repository's other zones as context, and
# with --no-context.  The findings that look across zones, with the note at
# the other zone's record, are matched exactly against tests/golden/repo/.
#
# usage: tests/zoneset.sh ZONELINT
# Set ZONESET_UPDATE=1 to rewrite the golden files from this run.
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

suite zoneset.sh "${1:-}"
sh "$here/../tools/deps.sh" cmd:git:git cmd:strace:strace || exit 1

golden=$here/golden/repo
# The rules that resolve names across zones (README "Zone repositories").
SEL=--select=MX002,MX003,MX006,MX010,MX014,MX015,CNAME004,CNAME005,CNAME006,CNAME007,SPF004,SPF005,SPF006,SPF018,SPF020,DMARC013,DMARC015,DKIM011,DANE005,ZONE026,ZONE028
ZONES="zones/db.provider zones/example.org.zone zones/shop.example.org.zone
	zones/keys.example.org.zone"

# A copy of tests/repo made a git repository, so that its root (the
# directory holding .git) bounds the context and the $INCLUDEs.
cp -R "$here/repo" "$tmp/repo" && git init -q "$tmp/repo" || exit 1

# lint ARGS...: zonelint in the repository, gcc format, the rules above;
# the report on $tmp/out with the "./" of paths under . dropped, so that
# runs over . and over files read alike.
lint() {
	(cd "$tmp/repo" && ${ZONELINT_WRAPPER:-} "$zl" --format gcc "$SEL" "$@") \
		>"$tmp/raw" 2>"$tmp/err"
	rc=$?
	sed 's|^\./||' "$tmp/raw" >"$tmp/out"
}

# blocks FILE: each finding of FILE on one line with the notes that follow
# it, sorted: the report as a set, whatever order its paths sort in.
blocks() {
	awk '/: note: / { b = b " || " $0; next }
	     { if (b != "") print b; b = $0 }
	     END { if (b != "") print b }' "$1" | LC_ALL=C sort
}

# same GOLDEN FILE: FILE is the golden file, exactly.
same() {
	if [ "${ZONESET_UPDATE:-}" = 1 ]; then
		cp "$2" "$golden/$1"
		return 0
	fi
	diff -u "$golden/$1" "$2" && return 0
	echo "differs from tests/golden/repo/$1 (ZONESET_UPDATE=1 rewrites it)"
	return 1
}

# ---- the whole repository ----

test_whole() {
	lint .
	want_rc 1 && same whole.txt "$tmp/out"
}

# The golden file holds a finding of every cross-zone rule, each with the
# note at the other zone's record where the rule gives one; but DMARC015:
# the delegated child takes its policy from its parent's zone.
test_whole_covers_rules() {
	lint .
	for id in $(echo "${SEL#--select=}" | tr , ' '); do
		[ "$id" = DMARC015 ] && continue
		has "$tmp/out" ": (error|warning|note): .*\[$id\]$" || return 1
	done
	hasnt "$tmp/out" '\[DMARC015\]$' || return 1
	has "$tmp/out" '^zones/example.org.zone:18:17: error: .*\[MX002\]$' &&
	grep -A1 '^zones/example.org.zone:18:17: error' "$tmp/out" |
		grep -q '^zones/db.provider:16:13: note: ' &&
	grep -A1 '^zones/example.org.zone:28:19: error' "$tmp/out" |
		grep -q '^zones/shop.example.org.zone:6:7: note: '
}

# The zones given are the set: --no-context changes nothing for the
# repository as a whole.
test_whole_no_context() {
	lint --no-context .
	want_rc 1 && same whole.txt "$tmp/out"
}

# ---- file by file: the repository's other zones are context ----

# Each file alone has the findings it has in the whole run, notes into the
# other zones included: the whole run is the files' runs put together
# (compared as sets: "./" sorts before "common/", "zones/" after it).
test_file_by_file() {
	: >"$tmp/each"
	for f in $ZONES; do
		lint "$f"
		[ "$rc" -le 1 ] || { want_rc 1; return 1; }
		cat "$tmp/out" >>"$tmp/each"
	done
	blocks "$golden/whole.txt" >"$tmp/want"
	blocks "$tmp/each" >"$tmp/got"
	diff -u "$tmp/want" "$tmp/got"
}

# A context zone's own defects are never reported: linting example.org
# alone shows no finding at a record of example.net or shop.example.org,
# only the notes that point there.
test_context_not_reported() {
	lint zones/example.org.zone
	want_rc 1 &&
	has "$tmp/out" '^zones/db.provider:[0-9]+:[0-9]+: note: ' &&
	hasnt "$tmp/out" '^zones/(db.provider|shop[^:]*):[0-9]+:[0-9]+: (error|warning)'
}

# example.net alone: its own loops, with notes into example.org, and none
# of example.org's findings.
test_provider_alone() {
	lint zones/db.provider
	want_rc 1 &&
	count "$tmp/out" ': (error|warning): ' 2 &&
	has "$tmp/out" '^zones/db.provider:22:16: error: .*\[CNAME004\]$' &&
	has "$tmp/out" '^zones/db.provider:29:23: error: .*\[SPF005\]$' &&
	has "$tmp/out" '^zones/example.org.zone:38:1: note: ' &&
	hasnt "$tmp/out" '^zones/example.org.zone:[0-9]+:[0-9]+: (error|warning)'
}

# Context is loaded when a name reaches its origin, not before: shop's
# names reach example.net (its name servers), never example.org; the
# excluded attic/ is never read.
test_context_lazy() {
	command -v strace >/dev/null 2>&1 || { echo "strace is not installed"; return 1; }
	# Only the NS targets (CNAME007) of the child reach another zone.
	(cd "$tmp/repo" && strace -f -qq -e trace=open,openat -o "$tmp/trace" \
		"$zl" --format gcc --select=CNAME007 \
		zones/shop.example.org.zone) >/dev/null 2>&1
	has "$tmp/trace" '"(zones/)?db\.provider"' &&
	hasnt "$tmp/trace" '"(zones/)?example\.org\.zone"' &&
	hasnt "$tmp/trace" '"(attic/)?example\.com\.zone"'
}

# ---- --no-context: each file resolves names only in itself ----

test_no_context() {
	: >"$tmp/each"
	for f in $ZONES; do
		lint --no-context "$f"
		[ "$rc" -le 1 ] || { want_rc 1; return 1; }
		cat "$tmp/out" >>"$tmp/each"
	done
	same no-context.txt "$tmp/each" &&
	has "$tmp/each" '^zones/example.org.zone:55:18: error: .*\[MX002\]$' &&
	hasnt "$tmp/each" 'note: .*in zone|note: zone ' &&
	hasnt "$tmp/each" '\[(MX003|MX006|CNAME006|CNAME007|SPF006|SPF018|SPF020|DMARC013|DKIM011)\]$' &&
	# shop.example.org's policy is its organisational domain's, in
	# example.org's zone, which this run lacks: unknown, not missing
	hasnt "$tmp/each" '^zones/shop.example.org.zone:.*\[DMARC015\]$'
}

# ---- what the repository's configuration says about context ----

# exclude: keeps a zone out of the context too.  Without it attic/ holds
# example.com, where mx.example.com does not exist.
test_exclude_honoured() {
	lint zones/example.org.zone
	hasnt "$tmp/out" 'example\.com' || return 1
	sed -i '/^exclude:/d' "$tmp/repo/.zonelint.yaml"
	lint zones/example.org.zone
	sed -i '1i exclude: ["attic/**"]' "$tmp/repo/.zonelint.yaml"
	has "$tmp/out" "^zones/example.org.zone:49:15: error: MX target 'mx.example.com.' .*\[MX003\]$" &&
	has "$tmp/out" '^attic/example.com.zone:5:7: note: '
}

# The staged repository (--from-index, as the hooks lint it) gives each
# zone the context the work tree gives it: the staged origins: names
# zones/db.provider example.net, the staged exclude: keeps attic/ out.
test_staged_context() {
	cp -R "$tmp/repo" "$tmp/staged" &&
	git -C "$tmp/staged" add -A || return 1
	for z in $ZONES; do
		(cd "$tmp/staged" && "$zl" --format gcc "$SEL" "$z") \
			>"$tmp/tree" 2>&1
		(cd "$tmp/staged" && "$zl" --from-index --format gcc "$SEL" \
			"$z") >"$tmp/index" 2>&1
		cmp -s "$tmp/tree" "$tmp/index" ||
			{ echo "$z:"; diff "$tmp/tree" "$tmp/index"; return 1; }
		[ "$z" != zones/example.org.zone ] || cp "$tmp/index" "$tmp/org"
	done
	has "$tmp/org" '^zones/db\.provider:[0-9]+:[0-9]+: note: ' &&
	hasnt "$tmp/org" 'attic/'
}

# A directory with a .git of its own is another repository: its zones are
# not context.  The attic's zone, moved into one, answers nothing; moved
# back out, it does (test_exclude_honoured without exclude:).
test_nested_repository() {
	mkdir -p "$tmp/repo/vendor/other/.git" &&
	cp "$tmp/repo/attic/example.com.zone" "$tmp/repo/vendor/other/" || return 1
	lint zones/example.org.zone
	hasnt "$tmp/out" 'example\.com' || return 1
	rm -rf "$tmp/repo/vendor/other/.git"
	lint zones/example.org.zone
	rm -rf "$tmp/repo/vendor"
	has "$tmp/out" '^vendor/other/example.com.zone:5:7: note: '
}

# origins: gives the context file zones/db.provider its origin; without
# it the file gives none, and example.net stays unknown.
test_origins_honoured() {
	cp "$tmp/repo/.zonelint.yaml" "$tmp/conf"
	sed -i '/^origins:/,$d' "$tmp/repo/.zonelint.yaml"
	lint zones/example.org.zone
	cp "$tmp/conf" "$tmp/repo/.zonelint.yaml"
	want_rc 1 &&
	hasnt "$tmp/out" 'example\.net\.' &&
	has "$tmp/out" "shop.example.org.'.*\[MX003\]$"
}

# Outside a repository there is no context: the same file alone, copied
# out of it, is judged as with --no-context.
# What git ignores is no part of the repository: a stale copy of the
# provider's zone in an ignored directory, found before zones/ in the
# walk, answers for no name.
test_ignored_copy() {
	mkdir -p "$tmp/repo/backup" &&
	printf '%s\n' '$ORIGIN example.net.' '$TTL 3600' \
		'@ SOA ns1 hm 1 7200 3600 86400 3600' '@ NS ns1' \
		'ns1 A 192.0.2.1' >"$tmp/repo/backup/example.net.zone" || return 1
	lint zones/example.org.zone
	cp "$tmp/out" "$tmp/with-copy"
	printf 'backup/\n' >"$tmp/repo/.gitignore"
	lint zones/example.org.zone
	rm -rf "$tmp/repo/backup" "$tmp/repo/.gitignore"
	has "$tmp/with-copy" '^backup/example.net.zone:' &&
	hasnt "$tmp/out" '^backup/' &&
	cp "$tmp/out" "$tmp/ignored" &&
	lint zones/example.org.zone &&
	diff -u "$tmp/out" "$tmp/ignored"
}
test_outside_repository() {
	mkdir "$tmp/loose" &&
	sed /INCLUDE/d "$tmp/repo/zones/example.org.zone" >"$tmp/loose/example.org.zone" &&
	(cd "$tmp/loose" && ${ZONELINT_WRAPPER:-} "$zl" --format gcc "$SEL" \
		example.org.zone) >"$tmp/out" 2>"$tmp/err"
	has "$tmp/out" '^example.org.zone:[0-9]+:[0-9]+: error: .*\[MX002\]$' &&
	hasnt "$tmp/out" 'note: .*in zone|note: zone '
}

# A zone no server would load answers for no name: an export rooted at
# '.' without NS records beside a zone leaves the other's external names
# unknown, instead of absent from the root.
test_unservable_context() {
	mkdir "$tmp/export" &&
	sed /INCLUDE/d "$tmp/repo/zones/example.org.zone" >"$tmp/export/example.org.zone" &&
	printf '%s\n' '$ORIGIN .' \
		'@ 3600 IN SOA example.net. root.example.net. 1 7200 3600 86400 3600' \
		'example.net. 300 IN NS ns1.example.net.' >"$tmp/export/export.zone" &&
	(cd "$tmp/export" && ${ZONELINT_WRAPPER:-} "$zl" --format gcc "$SEL" \
		.) >"$tmp/out" 2>"$tmp/err"
	has "$tmp/out" '^\./example.org.zone:[0-9]+:[0-9]+: error: .*\[MX002\]$' &&
	hasnt "$tmp/out" 'zone \. has no name'
}

# A classless reverse delegation (RFC 2317 §4): the parent aliases every
# address of the block, the child zone holds PTR records for those in use.
# The aliases of unused addresses are no CNAME006; a typo in a forward
# zone's alias to the child still is.
test_classless_reverse() {
	mkdir "$tmp/rev" &&
	printf '%s\n' '$TTL 3600' \
		'@ IN SOA ns1.example.net. hm.example.net. 1 7200 3600 86400 3600' \
		'@ IN NS ns1.example.net.' '0/26 IN NS ns1.example.net.' \
		'$GENERATE 0-63 $ CNAME $.0/26' \
		'70 IN CNAME www.example.org.' >"$tmp/rev/113.0.203.in-addr.arpa.zone" &&
	printf '%s\n' '$TTL 3600' \
		'@ IN SOA ns1.example.net. hm.example.net. 1 7200 3600 86400 3600' \
		'@ IN NS ns1.example.net.' '25 IN PTR mail.example.org.' \
		>"$tmp/rev/0-26.113.0.203.in-addr.arpa.zone" &&
	printf '%s\n' '$TTL 3600' \
		'@ IN SOA ns1.example.net. hm.example.net. 1 7200 3600 86400 3600' \
		'@ IN NS ns1.example.net.' \
		'ptr IN CNAME 26.0/26.113.0.203.in-addr.arpa.' \
		>"$tmp/rev/example.org.zone" &&
	printf '%s\n' 'origins:' \
		"  '0-26.113.0.203.in-addr.arpa.zone': 0/26.113.0.203.in-addr.arpa." \
		>"$tmp/rev/.zonelint.yaml" &&
	(cd "$tmp/rev" && ${ZONELINT_WRAPPER:-} "$zl" --format gcc \
		--select CNAME006 .) >"$tmp/out" 2>"$tmp/err"
	[ "$(grep -c 'CNAME006' "$tmp/out")" -eq 2 ] &&
	has "$tmp/out" '^\./example.org.zone:4:[0-9]+: warning: .*\[CNAME006\]$' &&
	has "$tmp/out" "^\./113.0.203.in-addr.arpa.zone:6:[0-9]+: warning: CNAME target 'www.example.org.'"
}

# A DNAME at the root zone's apex rewrites x.y. to x.y.<target> (RFC 6672
# §2.2): the whole of the name, as its owner is the root.
test_root_dname() {
	mkdir "$tmp/root" &&
	printf '%s\n' '$ORIGIN .' '$TTL 3600' \
		'@ SOA a.root-servers.net. hm.example.net. 1 7200 3600 86400 3600' \
		'@ NS a.root-servers.net.' '@ DNAME example.net.' \
		>"$tmp/root/root.zone" &&
	printf '%s\n' '$TTL 3600' \
		'@ SOA ns1 hm 1 7200 3600 86400 3600' '@ NS ns1' \
		'ns1 A 192.0.2.1' \
		>"$tmp/root/example.net.zone" &&
	printf '%s\n' 'origins:' "  'root.zone': ." >"$tmp/root/.zonelint.yaml" &&
	(cd "$tmp/root" && ${ZONELINT_WRAPPER:-} "$zl" --format gcc \
		--select CNAME007 .) >"$tmp/out" 2>"$tmp/err"
	has "$tmp/out" "NS target 'a.root-servers.net.' is an alias for 'a.root-servers.net.example.net.', and BIND refuses to load the zone \\[CNAME007\\]"
}

# The lines README.md shows under "Zone repositories" are this run's.
test_readme_lines() {
	lint .
	sed -n '/^<!-- not run: .*tests\/zoneset.sh/,/^$/s/^    //p' \
		"$here/../README.md" >"$tmp/readme"
	[ -s "$tmp/readme" ] || { echo "README.md shows no lines of this run"; return 1; }
	while IFS= read -r line; do
		grep -Fqx -e "$line" "$tmp/out" || { echo "not printed: $line"; return 1; }
	done <"$tmp/readme"
}

t "whole repository: the golden findings" test_whole
t "README.md shows lines of this run" test_readme_lines
t "whole repository: every cross-zone rule fires, notes at the other zone" test_whole_covers_rules
t "whole repository with --no-context: the same" test_whole_no_context
t "file by file: the same findings as the whole" test_file_by_file
t "context zones' own findings are not reported" test_context_not_reported
t "the provider's zone alone: only its findings" test_provider_alone
t "context is loaded only when a name reaches it" test_context_lazy
t "--no-context file by file: cross-zone findings disappear" test_no_context
t "context honours exclude:" test_exclude_honoured
t "context honours origins:" test_origins_honoured
t "staged context honours origins: and exclude:" test_staged_context
t "a nested repository is not context" test_nested_repository
t "outside a repository: no context" test_outside_repository
t "what git ignores is no context" test_ignored_copy
t "a zone no server would load is no context" test_unservable_context
t "a classless reverse delegation: no CNAME006 for unused addresses" test_classless_reverse
t "a DNAME at the root rewrites the whole name" test_root_dname
finish
