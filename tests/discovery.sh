#!/bin/sh
# discovery.sh - which files of a directory tree are zones: the names
# searched for, a run that finds none, BIND journals, files that a zone
# $INCLUDEs, and the exclude: and origins: keys of .zonelint.yaml.
#
# usage: tests/discovery.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

suite discovery.sh "${1:-}"

SEL=--select=ZONE001,MX001,MX002,CNAME001

run() {
	${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# zone FILE ORIGIN: a small clean zone.
zone() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<ZONE
\$ORIGIN $2.
\$TTL 3600
@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ IN NS ns1
ns1 IN A 192.0.2.1
ZONE
}

# ---- a run that finds no zone ----

test_empty_directory() {
	mkdir -p "$tmp/empty/sub"
	echo "not a zone" >"$tmp/empty/README"
	run $SEL "$tmp/empty"
	want_rc 2 &&
	has "$tmp/err" "empty: error: no zone found in this directory" &&
	has "$tmp/err" '\*\.zone, \*\.db and db\.\* files and those origins: names' &&
	has "$tmp/err" '^zonelint: run failed: 1 input could not be linted'
}

test_mistyped_path() {
	run $SEL "$tmp/no-such-dir"
	want_rc 2 &&
	has "$tmp/err" "no-such-dir: error: .*No such file or directory"
}

# One directory with zones is enough: the other, empty, is not an error.
test_some_found() {
	mkdir -p "$tmp/some/none"
	zone "$tmp/some/zones/example.com.zone" example.com
	run $SEL "$tmp/some/zones" "$tmp/some/none"
	want_rc 0 &&
	has "$tmp/err" 'in 1 file$'
}

# ---- what is not a zone of its own ----

test_journal() {
	zone "$tmp/jnl/db.example.com" example.com
	printf 'binary\0journal\n' >"$tmp/jnl/db.example.com.jnl"
	run $SEL "$tmp/jnl"
	want_rc 0 &&
	hasnt "$tmp/err" 'jnl' &&
	has "$tmp/err" 'in 1 file$'
}

# A snippet a zone includes is linted as part of that zone: not alone, so
# it gives no "cannot determine the origin".
test_included_snippet() {
	zone "$tmp/inc/db.example.com" example.com
	echo '$INCLUDE db.mail-common' >>"$tmp/inc/db.example.com"
	printf '@ IN MX 10 mail\nmail IN CNAME ns1\n' >"$tmp/inc/db.mail-common"
	run $SEL "$tmp/inc"
	want_rc 1 &&
	hasnt "$tmp/err" 'origin' &&
	has "$tmp/err" 'in 1 file$' &&
	count "$tmp/out" '\[MX002\]$' 1 &&
	has "$tmp/out" '^[^:]*db\.mail-common:1:'
}

# Named on the command line, the snippet is linted as asked.
test_included_named() {
	zone "$tmp/named/db.example.com" example.com
	echo '$INCLUDE db.mail-common' >>"$tmp/named/db.example.com"
	printf '@ IN MX 10 ns1\n' >"$tmp/named/db.mail-common"
	run $SEL "$tmp/named" "$tmp/named/db.mail-common"
	want_rc 2 &&
	has "$tmp/err" 'db\.mail-common: error: .*origin' &&
	has "$tmp/err" 'in 1 file$'
}

# A snippet included by a zone of another operand's walk is no zone either;
# one that nothing includes still is.
test_included_elsewhere() {
	zone "$tmp/repo/zones/db.example.com" example.com
	echo '$INCLUDE ../common/db.shared' >>"$tmp/repo/zones/db.example.com"
	mkdir -p "$tmp/repo/common"
	printf 'www IN A 192.0.2.7\n' >"$tmp/repo/common/db.shared"
	zone "$tmp/repo/common/example.net.zone" example.net
	run $SEL "$tmp/repo"
	want_rc 0 &&
	has "$tmp/err" 'in 2 files$'
}

# ---- what git ignores ----

# A directory's walk leaves out what git ignores and does not track, as the
# walk for context zones does: a build's or a backup's copy is no zone of
# the repository.  What the command line names is linted: a file, or a
# directory inside an ignored one.
test_git_ignored() {
	d=$tmp/gi
	zone "$d/zones/example.com.zone" example.com
	zone "$d/zones/example.net.zone" example.net	# ignored, tracked
	printf 'garbage\n' >"$d/zones/example.org.zone"
	mkdir -p "$d/build/out"
	printf 'garbage\n' >"$d/build/out/example.com.zone"
	printf 'build/\nzones/example.org.zone\nzones/example.net.zone\n' \
	    >"$d/.gitignore"
	git init -q "$d" && git -C "$d" add -f zones/example.net.zone ||
	    return 1
	run $SEL "$d"
	want_rc 0 &&
	has "$tmp/err" 'in 2 files$' || return 1
	(cd "$d/zones" && run $SEL . && want_rc 0 &&
	    has "$tmp/err" 'in 2 files$') || return 1
	run $SEL "$d/build/out"
	want_rc 1 &&
	has "$tmp/err" 'in 1 file$' || return 1
	run $SEL "$d" "$d/zones/example.org.zone"
	want_rc 1 &&
	has "$tmp/err" 'in 3 files$' || return 1
	# A tree of ignored zones only: the error says why none was found.
	printf 'zones/\n' >>"$d/.gitignore"
	git -C "$d" rm -q --cached zones/example.net.zone &&
	run $SEL "$d"
	want_rc 2 &&
	has "$tmp/err" 'no zone found .* that git does not ignore\)'
}

# ---- exclude: in .zonelint.yaml ----

test_exclude() {
	mkdir -p "$tmp/ex/old" "$tmp/ex/zones"
	zone "$tmp/ex/zones/example.com.zone" example.com
	printf 'this is no zone\n' >"$tmp/ex/old/example.org.zone"
	printf 'garbage\n' >"$tmp/ex/zones/example.net.zone"
	printf 'exclude:\n  - old/**\n  - zones/example.net.zone\n' \
	    >"$tmp/ex/.zonelint.yaml"
	run $SEL "$tmp/ex"
	want_rc 0 &&
	has "$tmp/err" 'in 1 file$' || return 1
	# An explicit path is linted whatever exclude: says.
	run $SEL "$tmp/ex" "$tmp/ex/zones/example.net.zone"
	want_rc 1 &&
	has "$tmp/err" 'in 2 files$'
}

# A directory whose every zone is excluded has no zone.
test_exclude_all() {
	zone "$tmp/exa/example.com.zone" example.com
	printf 'exclude: "*.zone"\n' >"$tmp/exa/.zonelint.yaml"
	run $SEL "$tmp/exa"
	want_rc 2 &&
	has "$tmp/err" 'no zone found'
}

test_exclude_errors() {
	zone "$tmp/exe/example.com.zone" example.com
	printf 'exclude:\n  - [a]\n' >"$tmp/exe/.zonelint.yaml"
	run $SEL "$tmp/exe"
	want_rc 2 &&
	has "$tmp/err" '\.zonelint\.yaml:2:5: error: .*exclude' || return 1
	printf 'exclude: {a: b}\n' >"$tmp/exe/.zonelint.yaml"
	run $SEL "$tmp/exe"
	want_rc 2 &&
	has "$tmp/err" '\.zonelint\.yaml:1:10: error: .*exclude'
}

# ---- origins: in .zonelint.yaml ----

zone_noorigin() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<ZONE
\$TTL 3600
@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ IN NS ns1
ns1 IN A 192.0.2.1
@ IN MX 10 mail
mail IN CNAME ns1
ZONE
}

test_origins() {
	zone_noorigin "$tmp/or/zones/primary"
	zone_noorigin "$tmp/or/zones/other/secondary"
	printf 'origins:\n  zones/primary: example.com\n  "zones/other/*": example.net.\n' \
	    >"$tmp/or/.zonelint.yaml"
	# Named, from the tree (outside a repository the config search stops
	# at the current directory); and found by a walk, origins: saying
	# that they are zones whatever their names, and no other file.
	echo "not a zone" >"$tmp/or/zones/README"
	for op in "zones/primary zones/other/secondary" .; do
		# shellcheck disable=SC2086 # two operands
		cd "$tmp/or" && run $SEL $op
		cd "$tmp" || return 1
		want_rc 1 &&
		has "$tmp/out" "MX target 'mail\\.example\\.com\\.'" &&
		has "$tmp/out" "MX target 'mail\\.example\\.net\\.'" &&
		has "$tmp/err" 'in 2 files$' || return 1
	done
	# --origin wins over the config.
	cd "$tmp/or" && run $SEL --origin example.org zones/primary
	cd "$tmp" || return 1
	want_rc 1 &&
	has "$tmp/out" "MX target 'mail\\.example\\.org\\.'"
}

# A glob of origins: that matches every file names no hidden one a zone:
# neither the walk nor --from-index reads the config itself, .gitignore
# or a file below .github as a zone.
test_origins_hidden() {
	mkdir -p "$tmp/oh/.github" && cd "$tmp/oh" && git init -q || return 1
	zone_noorigin zones/primary
	printf 'origins:\n  "*": example.com\n' >.zonelint.yaml
	echo "build/" >.gitignore
	echo "on: push" >.github/ci.yml
	git add -A
	for op in . "--from-index ."; do
		# shellcheck disable=SC2086 # an option and an operand
		cd "$tmp/oh" && run $SEL $op
		cd "$tmp" || return 1
		want_rc 1 &&
		has "$tmp/out" "MX target 'mail\\.example\\.com\\.'" &&
		has "$tmp/err" 'in 1 file$' || return 1
	done
}

# Nor does a glob of origins: name a zone what servers write beside one:
# BIND's journal and its backup, the DNSSEC key files of dnssec-keygen
# (whose private key a finding would quote) and their state.
test_origins_side_files() {
	mkdir -p "$tmp/os/zones" && cd "$tmp/os" && git init -q || return 1
	zone_noorigin zones/primary
	printf 'origins:\n  "zones/*": example.com\n' >.zonelint.yaml
	printf 'journal\n' >zones/primary.jnl
	printf 'journal\n' >zones/primary.jbk
	k=zones/Kexample.com.+013+12345
	printf 'Private-key-format: v1.3\nPrivateKey: SECRETKEY==\n' >$k.private
	printf 'example.com. IN DNSKEY 257 3 13 PUBLICKEY==\n' >$k.key
	printf 'Generated: 20240101000000\n' >$k.state
	git add -A
	for op in . "--from-index ."; do
		# shellcheck disable=SC2086 # an option and an operand
		cd "$tmp/os" && run $SEL $op
		cd "$tmp" || return 1
		want_rc 1 &&
		has "$tmp/err" 'in 1 file$' &&
		! grep -q SECRETKEY "$tmp/out" "$tmp/err" || return 1
	done
}

# A directory operand named through a link that stays in the repository
# (zones -> data/zones, self -> .) is walked as the directory it names,
# its zones shown under the operand's name, on disk and under
# --from-index alike; a link to a file is that file, and a link out is
# refused.
test_operand_dir_link() {
	mkdir -p "$tmp/odl" && cd "$tmp/odl" && git init -q || return 1
	zone data/zones/example.com.zone example.com
	sed 's/IN A .*/IN MX 10 192.0.2.1/' data/zones/example.com.zone \
		>data/zones/example.org.zone
	ln -s data/zones zones && ln -s . self && ln -s /etc out &&
	ln -s data/zones/example.org.zone org.zone && git add -A || return 1
	for mode in "" --from-index; do
		for op in zones zones/ self/data/zones self/zones/; do
			# shellcheck disable=SC2086 # the option, when there is one
			run $SEL $mode "$op"
			want_rc 1 &&
			has "$tmp/out" "^${op%/}/example\.org\.zone:.*MX001" &&
			has "$tmp/err" 'in 2 files$' || return 1
		done
		# shellcheck disable=SC2086
		run $SEL $mode org.zone
		want_rc 1 && has "$tmp/out" "^org\.zone:.*MX001" || return 1
		# shellcheck disable=SC2086
		run $SEL $mode out/
		want_rc 2 && has "$tmp/err" "leads out of" || return 1
	done
	cd "$tmp" || return 1
}

# Outside a repository the config search stops at the current directory:
# a config above it (one left in /tmp) does not apply; one in it does (a
# config with an unknown key, which stops the run).
test_config_above_cwd() {
	zone "$tmp/up/tree/zones/example.com.zone" example.com
	printf 'bogus: 1\n' >"$tmp/up/.zonelint.yaml"
	cd "$tmp/up/tree" && run $SEL .
	cd "$tmp" || return 1
	want_rc 0 || return 1
	cp "$tmp/up/.zonelint.yaml" "$tmp/up/tree/.zonelint.yaml"
	cd "$tmp/up/tree" && run $SEL .
	cd "$tmp" || return 1
	want_rc 2 && has "$tmp/err" "bogus"
}

test_no_origin_names_the_ways() {
	zone_noorigin "$tmp/no/primary"
	run $SEL "$tmp/no/primary"
	want_rc 2 &&
	has "$tmp/err" 'cannot determine the origin' &&
	has "$tmp/err" 'origins:' &&
	has "$tmp/err" '--origin'
}

test_origins_errors() {
	zone "$tmp/ore/example.com.zone" example.com
	printf 'origins:\n  a.zone: "bad name!"\n  b.zone: [x]\n' \
	    >"$tmp/ore/.zonelint.yaml"
	run $SEL "$tmp/ore"
	want_rc 2 &&
	has "$tmp/err" '\.zonelint\.yaml:2:11: error: .*not a domain name' &&
	has "$tmp/err" '\.zonelint\.yaml:3:11: error: ' || return 1
	printf 'origins: [a.zone]\n' >"$tmp/ore/.zonelint.yaml"
	run $SEL "$tmp/ore"
	want_rc 2 &&
	has "$tmp/err" '\.zonelint\.yaml:1:10: error: .*origins'
}

t "a directory with no zone exits 2" test_empty_directory
t "a mistyped path exits 2" test_mistyped_path
t "an operand without zones beside one with zones" test_some_found
t "BIND journals are not zones" test_journal
t "an included snippet is part of its zone" test_included_snippet
t "an included snippet named on the command line" test_included_named
t "a snippet included across the tree" test_included_elsewhere
t "what git ignores is left out of a walk" test_git_ignored
t "exclude: skips files in the walk only" test_exclude
t "exclude: of every zone" test_exclude_all
t "exclude: errors at their positions" test_exclude_errors
t "origins: gives files their origin" test_origins
t "origins: names no hidden file a zone" test_origins_hidden
t "origins: names no journal or key file a zone" test_origins_side_files
t "a directory operand through a link in the repository" test_operand_dir_link
t "no config above the current directory outside a repository" test_config_above_cwd
t "no origin: the error names origins: and --origin" test_no_origin_names_the_ways
t "origins: errors at their positions" test_origins_errors

finish
