#!/bin/sh
# hooks.sh - tests of hooks/pre-commit and .pre-commit-hooks.yaml against the
# real thing: commits in temporary git repositories, through the plain git
# hook and through the pre-commit framework (Debian's pre-commit, run
# offline: the hook repository is a local path).
#
# usage: tests/hooks.sh ZONELINT
# HOOKS_VERBOSE=1 shows what git printed for every commit.
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:git:git cmd:pre-commit:pre-commit \
	cmd:shellcheck:shellcheck || exit 1

suite hooks.sh "${1:-}"
t_strict=1

# A git of our own: no user or system configuration, no repository of the
# caller (make check may itself run inside a git hook).
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
	GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CEILING_DIRECTORIES ZONELINT \
	ZONELINT_FAIL_ON
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME="$tmp/cache"
mkdir -p "$HOME" "$tmp/bin"
git config --global user.name "Zone Admin"
git config --global user.email "hostmaster@example.com"
git config --global init.defaultBranch main
git config --global commit.gpgsign false
# zonelint on PATH, as an installed one would be.
ln -s "$zl" "$tmp/bin/zonelint"
PATH="$tmp/bin:$PATH"

# ---- zones ----

# serial: a new SOA serial, higher than every one before (a counter in a
# file: zones are written in subshells), so that a zone written again has
# a higher serial than the one committed, as ZONE011 wants.
echo 2024010100 >"$tmp/serial"
serial() {
	s=$(($(cat "$tmp/serial") + 1))
	echo "$s" >"$tmp/serial"
	echo "$s"
}

# bump FILE...: gives each zone file a new serial.
bump() {
	for f in "$@"; do
		sed "s/hostmaster [0-9]*/hostmaster $(serial)/" "$f" >"$tmp/bump"
		cat "$tmp/bump" >"$f"
	done
}

# good ORIGIN: a zone with nothing at or above warning.
good() {
	cat <<EOF
\$ORIGIN $1.
\$TTL 3600
@	IN SOA ns1 hostmaster $(serial) 7200 3600 1209600 3600
	IN NS ns1
	IN MX 10 mx1
	IN MX 20 mx2
	IN TXT "v=spf1 mx -all"
ns1	IN A 192.0.2.1
mx1	IN A 192.0.2.25
mx2	IN A 192.0.2.26
_dmarc	IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@$1"
EOF
}

# bad ORIGIN: the same with an MX target written as an address (MX001, an
# error).
bad() {
	good "$1" | sed 's/IN MX 20 mx2/IN MX 20 192.0.2.26/'
}

# warn ORIGIN: a single MX target, only a warning (MX009).
warn() {
	good "$1" | sed '/IN MX 20 mx2/d'
}

# ---- helpers ----

# newrepo NAME: a fresh repository in $tmp/NAME with an initial commit;
# the current directory becomes it.
newrepo() {
	rm -rf "${tmp:?}/$1"
	mkdir -p "$tmp/$1/zones"
	cd "$tmp/$1"
	git init -q
	echo "zones" >README
	git add README
	git commit -q -m initial
}

# commit MSG: runs git commit; its output is in $tmp/commit.out, the
# status in $crc.
commit() {
	crc=0
	git commit -m "$1" >"$tmp/commit.out" 2>&1 || crc=$?
	if [ -n "${HOOKS_VERBOSE:-}" ]; then
		echo "--- git commit -m '$1' (exit $crc):"
		cat "$tmp/commit.out"
	fi >&2
	return 0
}

refused() {
	before=$(git rev-parse HEAD)
	commit "$1"
	if [ "$crc" -eq 0 ] || [ "$(git rev-parse HEAD)" != "$before" ]; then
		echo "the commit '$1' went through:"
		cat "$tmp/commit.out"
		return 1
	fi
}

accepted() {
	before=$(git rev-parse HEAD)
	commit "$1"
	if [ "$crc" -ne 0 ] || [ "$(git rev-parse HEAD)" = "$before" ]; then
		echo "the commit '$1' was refused:"
		cat "$tmp/commit.out"
		return 1
	fi
}

# hookrepo NAME: a repository using hooks/pre-commit via core.hooksPath,
# the way a zone repository that carries the hook installs it.
hookrepo() {
	newrepo "$1"
	mkdir hooks
	cp "$root/hooks/pre-commit" "$root/hooks/pre-merge-commit" hooks/
	git config core.hooksPath hooks
}

# ---- the git hook ----

test_shellcheck() {
	[ -x "$root/hooks/pre-commit" ]
	[ -x "$root/hooks/pre-merge-commit" ]
	shellcheck --shell=sh "$root/hooks/pre-commit" \
		"$root/hooks/pre-merge-commit"
}

test_bad_staged_refused() {
	hookrepo plain
	bad example.com >zones/example.com.zone
	git add zones/example.com.zone
	refused "add a zone with a bad MX"
	has "$tmp/commit.out" "zones/example.com.zone:6:.*MX001"
	has "$tmp/commit.out" "fix them, stage the fix"
}

test_fix_staged_accepted() {
	cd "$tmp/plain"
	good example.com >zones/example.com.zone
	git add zones/example.com.zone
	accepted "add a good zone"
}

test_fixed_unstaged_refused() {
	cd "$tmp/plain"
	bad example.com >zones/example.com.zone
	git add zones/example.com.zone
	good example.com >zones/example.com.zone
	refused "bad in the index, fixed only in the working tree"
	has "$tmp/commit.out" "MX001"
	git reset -q --hard
}

test_deleted_zone() {
	cd "$tmp/plain"
	bad example.org >zones/example.org.zone
	git add zones/example.org.zone
	git commit -q --no-verify -m "a bad zone, committed past the hook"
	git rm -q zones/example.org.zone
	accepted "delete the bad zone"
}

test_rename_is_linted() {
	cd "$tmp/plain"
	git mv zones/example.com.zone zones/example.net.zone
	accepted "rename a good zone"
	bad example.net >zones/example.net.zone
	git add zones/example.net.zone
	git mv zones/example.net.zone zones/db.example.net
	refused "rename and break a zone"
	has "$tmp/commit.out" "zones/db.example.net:6:"
	git reset -q --hard
}

test_spaces_and_newlines() {
	hookrepo names
	bad example.com >"zones/my zone.zone"
	git add "zones/my zone.zone"
	refused "a bad zone with a space in its name"
	has "$tmp/commit.out" "zones/my zone.zone:6:.*MX001"
	good example.com >"zones/my zone.zone"
	git add "zones/my zone.zone"
	accepted "fixed"
	nl=$(printf 'new\nline.zone')
	bad example.org >"zones/$nl"
	git add "zones/$nl"
	refused "a bad zone with a newline in its name"
	has "$tmp/commit.out" "MX001"
	good example.org >"zones/$nl"
	git add "zones/$nl"
	accepted "fixed too"
}

test_other_files_ignored() {
	hookrepo other
	bad example.com >zones/example.com.txt
	cp zones/example.com.txt zones/notes
	git add zones
	accepted "files that are not zones"
}

# Zones depend on one another: a commit that changes one zone only, and
# breaks another that names its hosts, is refused for the other.
test_other_zone_broken() {
	hookrepo pair
	good example.net >zones/example.net.zone
	good example.com |
		sed 's/IN MX 20 mx2/IN MX 20 mx2.example.net./' \
		>zones/example.com.zone
	git add zones
	accepted "example.com's backup MX is a host of example.net"
	sed '/^mx2/d' zones/example.net.zone >"$tmp/z"
	cat "$tmp/z" >zones/example.net.zone
	bump zones/example.net.zone
	git add zones/example.net.zone
	refused "example.net drops the host"
	has "$tmp/commit.out" "^zones/example.com.zone:[0-9]+:.*MX003"
}

test_warning_and_fail_level() {
	hookrepo level
	warn example.com >zones/example.com.zone
	git add zones/example.com.zone
	export ZONELINT_FAIL_ON=warning
	refused "a single MX with ZONELINT_FAIL_ON=warning"
	has "$tmp/commit.out" "MX009"
	# A level zonelint does not know: a usage error, said as such.
	export ZONELINT_FAIL_ON=warnings
	refused "ZONELINT_FAIL_ON=warnings"
	has "$tmp/commit.out" "could not lint the staged files .exit 2"
	hasnt "$tmp/commit.out" "found problems"
	unset ZONELINT_FAIL_ON
	accepted "a single MX: only a warning"
}

test_zonelint_missing() {
	hookrepo missing
	good example.com >zones/example.com.zone
	git add zones/example.com.zone
	PATH=$(dirname "$(command -v git)"):/usr/bin:/bin
	refused "no zonelint anywhere"
	has "$tmp/commit.out" "not found"
	export ZONELINT="$zl"
	accepted "ZONELINT names it"
}

test_copied_hook() {
	newrepo copied
	cp "$root/hooks/pre-commit" "$root/hooks/pre-merge-commit" .git/hooks/
	chmod +x .git/hooks/pre-commit .git/hooks/pre-merge-commit
	bad example.com >zones/db.example.com
	git add zones/db.example.com
	refused "copied hook, bad zone"
	good example.com >zones/db.example.com
	git add zones/db.example.com
	accepted "copied hook, fixed"
}

t "hooks/pre-commit is shellcheck-clean" test_shellcheck
t "git hook: a bad staged zone is refused" test_bad_staged_refused
t "git hook: after the fix is staged the commit goes through" test_fix_staged_accepted
t "git hook: a fix in the working tree only is still refused" test_fixed_unstaged_refused
t "git hook: deleting a zone does not break the hook" test_deleted_zone
t "git hook: renamed zones are linted under their new name" test_rename_is_linted
t "git hook: names with spaces and newlines" test_spaces_and_newlines
t "git hook: files that are not zones are ignored" test_other_files_ignored
t "git hook: a change to one zone that breaks another is refused" test_other_zone_broken
t "git hook: ZONELINT_FAIL_ON sets the fail level" test_warning_and_fail_level
t "git hook: zonelint missing refuses, ZONELINT finds it" test_zonelint_missing
t "git hook: installed by copying into .git/hooks" test_copied_hook

# ---- what is staged besides the zones: includes, the config ----

# inczone ORIGIN: a zone whose mail records are in zones/common/mail.inc,
# included from the repository root as BIND would.
inczone() {
	good "$1" | sed -e '/IN MX/d' -e '/v=spf1/d' -e '/_dmarc/d' \
		-e 's|^\(ns1.*\)$|\1\
$INCLUDE zones/common/mail.inc|'
}

# mailinc: the included records, with the MX target that is an address
# when the first argument is "bad".
mailinc() {
	if [ "${1:-}" = bad ]; then mx2=192.0.2.26; else mx2=mx2; fi
	printf '\tIN MX 10 mx1\n\tIN MX 20 %s\n\tIN TXT "v=spf1 mx -all"\n' \
		"$mx2"
}

# increpo NAME: a hook repository with two zones sharing an include.
increpo() {
	hookrepo "$1"
	mkdir -p zones/common
	inczone example.com >zones/example.com.zone
	inczone example.org >zones/example.org.zone
	mailinc >zones/common/mail.inc
	git add zones
	accepted "two zones sharing an include"
}

test_include_staged_defect() {
	increpo inc
	mailinc bad >zones/common/mail.inc
	git add zones/common/mail.inc
	refused "a bad MX in the included file only"
	has "$tmp/commit.out" "^zones/common/mail.inc:2:.*MX001"
	has "$tmp/commit.out" "staged zone files"
	mailinc | sed 's/20 mx2/30 mx2/' >zones/common/mail.inc
	git add zones/common/mail.inc
	refused "the include fixed, the serials of its zones not raised"
	has "$tmp/commit.out" "^zones/example.com.zone:3:.*ZONE011"
	has "$tmp/commit.out" "^zones/example.org.zone:3:.*ZONE011"
	bump zones/example.com.zone zones/example.org.zone
	git add zones
	accepted "the include fixed"
}

test_include_unstaged_defect() {
	cd "$tmp/inc"
	mailinc bad >zones/common/mail.inc
	sed 's/^mx2.*/&\
www	IN A 192.0.2.80/' zones/example.com.zone >"$tmp/z"
	cat "$tmp/z" >zones/example.com.zone
	bump zones/example.com.zone
	git add zones/example.com.zone
	accepted "a clean zone change, a bad include left unstaged"
	# What the commit recorded is clean; the working tree still is not.
	git show HEAD:zones/common/mail.inc | grep -q "30 mx2"
	grep -q 192.0.2.26 zones/common/mail.inc
	git checkout -q zones/common/mail.inc
}

test_config_only() {
	cd "$tmp/inc"
	printf 'rules:\n  NOPE01: error\n' >.zonelint.yaml
	git add .zonelint.yaml
	refused "a config naming a rule that does not exist"
	has "$tmp/commit.out" "^.zonelint.yaml:2:3: error: unknown rule 'NOPE01'"
	# Within the rules: every zone is linted again under the new config.
	printf 'rules:\n  MX003: error\n' >.zonelint.yaml
	git add .zonelint.yaml
	accepted "a config that makes no finding"
	warn example.net >zones/example.net.zone
	git add zones
	accepted "a zone with a single MX: a warning"
	printf 'rules:\n  MX009: error\n' >.zonelint.yaml
	git add .zonelint.yaml
	refused "a config that makes the single MX an error"
	has "$tmp/commit.out" "^zones/example.net.zone:.*error:.*MX009"
	# The staged config counts, not the working tree's.
	printf 'rules:\n  MX009: off\n' >.zonelint.yaml
	refused "the config relaxed in the working tree only"
	git add .zonelint.yaml
	accepted "the config relaxed and staged"
}

test_include_rename_delete() {
	cd "$tmp/inc"
	git mv zones/common/mail.inc zones/common/mx.inc
	refused "the include renamed, the zones not told"
	has "$tmp/commit.out" "cannot read include file 'zones/common/mail.inc': it is not staged"
	for z in zones/example.com.zone zones/example.org.zone; do
		sed 's|common/mail.inc|common/mx.inc|' "$z" >"$tmp/z"
		cat "$tmp/z" >"$z"
	done
	git add zones
	accepted "the include renamed, the zones with it"
	git rm -q zones/common/mx.inc
	refused "the include deleted"
	has "$tmp/commit.out" "common/mx.inc'.*not staged"
	git rm -q zones/example.com.zone zones/example.org.zone
	accepted "the include deleted with the zones that used it"
}

# git commit PATH and git commit -a stage into an index of their own
# (GIT_INDEX_FILE): that one is what the commit records and what is read.
test_commit_paths_and_all() {
	cd "$tmp/inc"
	mailinc bad >zones/common/mail.inc
	before=$(git rev-parse HEAD)
	crc=0
	git commit -m "commit the include by path" zones/common/mail.inc \
		>"$tmp/commit.out" 2>&1 || crc=$?
	[ "$crc" -ne 0 ] && [ "$(git rev-parse HEAD)" = "$before" ]
	has "$tmp/commit.out" "^zones/common/mail.inc:2:.*MX001"
	crc=0
	git commit -a -m "commit everything" >"$tmp/commit.out" 2>&1 ||
		crc=$?
	[ "$crc" -ne 0 ] && [ "$(git rev-parse HEAD)" = "$before" ]
	has "$tmp/commit.out" "MX001"
	mailinc | sed 's/20 mx2/40 mx2/' >zones/common/mail.inc
	bump zones/example.com.zone zones/example.org.zone
	git commit -q -a -m "commit everything, fixed"
	[ "$(git rev-parse HEAD)" != "$before" ]
}

# An included file named like a zone (db.mail-common), changed alone: the
# zones that include it are linted too, not the snippet alone.
test_include_named_like_zone() {
	hookrepo zoneinc
	for o in example.com example.org; do
		inczone "$o" | sed 's|zones/common/mail.inc|zones/db.mail-common|' \
			>"zones/$o.zone"
	done
	mailinc >zones/db.mail-common
	git add zones
	accepted "two zones including db.mail-common"
	mailinc | sed 's/20 mx2/30 mx2/' >zones/db.mail-common
	git add zones
	refused "the include changed alone, the serials not raised"
	has "$tmp/commit.out" "^zones/example.com.zone:3:.*ZONE011"
	has "$tmp/commit.out" "^zones/example.org.zone:3:.*ZONE011"
}

# A file that becomes a symbolic link, or a link that becomes a file, is
# linted as staged; a journal of BIND is never a zone.
test_type_change_and_journal() {
	hookrepo kinds
	good example.com >zones/example.com.zone
	git add zones
	accepted "a zone"
	rm zones/example.com.zone
	ln -s /etc/passwd zones/example.com.zone
	git add zones
	refused "the zone turned into a link"
	has "$tmp/commit.out" "symbolic link"
	rm zones/example.com.zone
	good example.com >zones/example.com.zone
	printf 'not a zone\n' >zones/db.example.com.jnl
	git add zones
	accepted "a zone again, a journal beside it"
}

# The staged .zonelint.yaml's exclude: and origins: hold under
# --from-index as they do for a directory on disk.
test_staged_exclude_origins() {
	hookrepo cfgwalk
	good example.com >zones/example.com.zone
	mkdir -p zones/attic
	echo garbage >zones/attic/old.example.zone
	good example.org | sed '/^\$ORIGIN/d' >zones/primary-org
	printf 'exclude: ["zones/attic/**"]\norigins:\n  zones/primary-org: example.org.\n' \
		>.zonelint.yaml
	git add .zonelint.yaml zones
	accepted "an excluded file beside the zones"
	"$zl" --quiet --from-index zones/primary-org >"$tmp/out" 2>&1 ||
		{ cat "$tmp/out"; return 1; }
	# a file that origins: names is a zone, whatever its name: the hook
	# lints it (alone in the repository too)
	bad example.org | sed '/^\$ORIGIN/d' >zones/primary-org
	git add zones
	refused "a zone origins: names, with a defect"
	has "$tmp/commit.out" "^zones/primary-org:5:.*MX001"
	git rm -q -r zones/example.com.zone zones/attic
	refused "the same zone alone in the repository"
	has "$tmp/commit.out" "^zones/primary-org:5:.*MX001"
}

# A zone that $INCLUDEs a file of a submodule (zones/common, a repository
# of shared records of its own): the file is read as the commit the
# staged gitlink names holds it, from the submodule's repository, which is
# what a checkout of the commit serves.  A defect committed there (without
# its hook) and staged as the gitlink refused, the fix accepted; a defect
# in the submodule's work tree only, not in that commit, does not count;
# a submodule not checked out is said to be.
test_submodule_include() {
	newrepo shared
	mailinc >mail.inc
	git add mail.inc
	git commit -q -m "shared mail records"
	hookrepo submod
	git -c protocol.file.allow=always submodule -q add "$tmp/shared" \
		zones/common
	inczone example.com | sed 's|zones/common/|common/|' \
		>zones/example.com.zone
	git add .gitmodules zones
	accepted "a zone including a file of a submodule"
	(cd zones/common && mailinc bad >mail.inc && git commit -q -a -m bad)
	bump zones/example.com.zone
	git add zones
	refused "the submodule moved to a defect"
	has "$tmp/commit.out" "^zones/common/mail.inc:2:.*MX001"
	(cd zones/common && mailinc | sed 's/20 mx2/40 mx2/' >mail.inc &&
		git commit -q -a -m fixed)
	git add zones
	accepted "the submodule moved to the fix"
	mailinc bad >zones/common/mail.inc
	bump zones/example.com.zone
	git add zones/example.com.zone
	accepted "a defect in the submodule's work tree only"
	git -C zones/common checkout -q mail.inc
	git submodule -q deinit -f zones/common
	bump zones/example.com.zone
	git add zones/example.com.zone
	refused "a zone including a file of a submodule not checked out"
	has "$tmp/commit.out" "submodule 'zones/common', which is not checked out"
}

t "git hook: a defect staged in an included file is refused" test_include_staged_defect
t "git hook: an unstaged defect in an included file does not refuse" test_include_unstaged_defect
t "git hook: a commit of .zonelint.yaml only lints every zone with it" test_config_only
t "git hook: git commit PATH and git commit -a" test_commit_paths_and_all
t "git hook: includes renamed and deleted" test_include_rename_delete
t "git hook: an included file named like a zone, changed alone" test_include_named_like_zone
t "git hook: type changes are linted, journals are not zones" test_type_change_and_journal
t "git hook: the staged exclude: and origins: hold" test_staged_exclude_origins
t "git hook: an include in a submodule, read from the commit staged" test_submodule_include

# ---- merges ----

# merge ARGS...: runs git merge; output in $tmp/commit.out, status in $crc.
merge() {
	crc=0
	git merge "$@" >"$tmp/commit.out" 2>&1 || crc=$?
	if [ -n "${HOOKS_VERBOSE:-}" ]; then
		echo "--- git merge $* (exit $crc):"
		cat "$tmp/commit.out"
	fi >&2
	return 0
}

# is_merge: HEAD is a commit with two parents.
is_merge() {
	git rev-parse -q --verify HEAD^2 >/dev/null ||
		{ echo "HEAD is not a merge"; git log --oneline -3; return 1; }
}

test_merge_noverify_refused() {
	hookrepo merges
	good example.com >zones/example.com.zone
	good example.org >zones/example.org.zone
	git add zones
	accepted "two good zones"
	git checkout -q -b topic
	bad example.com >zones/example.com.zone
	git add zones
	git commit -q --no-verify -m "a bad MX, committed past the hook"
	git checkout -q main
	before=$(git rev-parse HEAD)
	merge --no-ff -m "merge topic" topic
	[ "$crc" -ne 0 ] || { echo "the merge went through"; return 1; }
	[ "$(git rev-parse HEAD)" = "$before" ]
	has "$tmp/commit.out" "zones/example.com.zone:6:.*MX001"
	has "$tmp/commit.out" "^pre-merge-commit: .*finish the merge"
	# git leaves the merge staged: committing it runs pre-commit.
	git rev-parse -q --verify MERGE_HEAD >/dev/null
	refused "finish the refused merge as it is"
	has "$tmp/commit.out" "MX001"
	has "$tmp/commit.out" "^pre-commit: "
	git merge --abort
	[ "$(git rev-parse HEAD)" = "$before" ]
}

test_merge_clean_accepted() {
	cd "$tmp/merges"
	git checkout -q -b clean main
	good example.net >zones/example.net.zone
	git add zones
	accepted "a third good zone"
	git checkout -q main
	before=$(git rev-parse HEAD)
	merge --no-ff -m "merge clean" clean
	[ "$crc" -eq 0 ] || { cat "$tmp/commit.out"; return 1; }
	[ "$(git rev-parse HEAD)" != "$before" ]
	is_merge
}

# Both sides change the same line: git stops, and the resolution is
# committed by git commit, which runs pre-commit.
test_merge_conflict_resolved() {
	cd "$tmp/merges"
	git checkout -q -b side main
	good example.org | sed 's/10 mx1/5 mx1/' >zones/example.org.zone
	git add zones
	accepted "side: mx1 preferred at 5"
	git checkout -q main
	good example.org | sed 's/10 mx1/15 mx1/' >zones/example.org.zone
	git add zones
	accepted "main: mx1 preferred at 15"
	merge -m "merge side" side
	[ "$crc" -ne 0 ] || { echo "no conflict"; return 1; }
	has "$tmp/commit.out" "CONFLICT"
	bad example.org | sed 's/10 mx1/5 mx1/' >zones/example.org.zone
	git add zones
	refused "a bad resolution"
	has "$tmp/commit.out" "zones/example.org.zone:6:.*MX001"
	has "$tmp/commit.out" "^pre-commit: "
	good example.org | sed 's/10 mx1/5 mx1/' >zones/example.org.zone
	git add zones
	accepted "a good resolution"
	is_merge
}

# The branch changes only an included file: the merge lints every zone.
test_merge_include_refused() {
	hookrepo mergeinc
	mkdir -p zones/common
	inczone example.com >zones/example.com.zone
	mailinc >zones/common/mail.inc
	git add zones
	accepted "a zone and its include"
	git checkout -q -b incbranch
	mailinc bad >zones/common/mail.inc
	git add zones
	git commit -q --no-verify -m "a bad include, committed past the hook"
	git checkout -q main
	before=$(git rev-parse HEAD)
	merge --no-ff -m "merge incbranch" incbranch
	[ "$crc" -ne 0 ] && [ "$(git rev-parse HEAD)" = "$before" ]
	has "$tmp/commit.out" "^zones/common/mail.inc:2:.*MX001"
	git merge --abort
}

t "merge: a branch committed with --no-verify is refused by the merge" test_merge_noverify_refused
t "merge: a branch that breaks only an included file is refused" test_merge_include_refused
t "merge: a clean merge --no-ff goes through" test_merge_clean_accepted
t "merge: a conflict resolved and committed goes through pre-commit" test_merge_conflict_resolved

# ---- SOA serials against the base (ZONE011) ----

# szone ORIGIN SERIAL [ADDR]: the good zone with that serial, and ADDR the
# address of mx2 (default 192.0.2.26).
szone() {
	good "$1" | sed -e "s/hostmaster [0-9]*/hostmaster $2/" \
		-e "s/192\.0\.2\.26/${3:-192.0.2.26}/"
}

# put ORIGIN SERIAL [ADDR]: stages zones/ORIGIN.zone as szone writes it.
put() {
	szone "$@" >"zones/$1.zone"
	git add zones
}

# since SERIAL ADDR NEWSERIAL NEWADDR [SED]: commits the zone with SERIAL
# and ADDR, writes it with NEWSERIAL and NEWADDR (and edited by the sed
# script SED) to the working tree and lints it --since HEAD as JSON into
# $tmp/since.out, status in $src.  The date is 2026-12-03, 12:00 UTC
# (SOURCE_DATE_EPOCH).
since() {
	szone example.com "$1" "$2" >zones/example.com.zone
	git add zones
	git commit -q --no-verify -m "serial $1"
	szone example.com "$3" "$4" | sed "${5:-}" >zones/example.com.zone
	src=0
	SOURCE_DATE_EPOCH=1796299200 "$zl" --since HEAD --format json \
		--select ZONE011 zones >"$tmp/since.out" 2>&1 || src=$?
}

# flagged [FIXIT]: ZONE011 was reported (with that fix-it: the serial it
# suggests); unflagged: it was not.
flagged() {
	[ "$src" -eq 1 ] || { echo "exit $src"; show "$tmp/since.out"; return 1; }
	has "$tmp/since.out" "\"rule\":\"ZONE011\".*\"fixit\":\"${1:-[0-9]*}\""
}

unflagged() {
	[ "$src" -eq 0 ] || { echo "exit $src"; show "$tmp/since.out"; return 1; }
	hasnt "$tmp/since.out" ZONE011
}

# Knot DNS's zonefile-load: difference-no-serial serves a change under a
# serial of its own (knot.conf(5)): a zone it loads so needs none raised
# in the file; the same zone under zonefile-load: difference does.
test_serial_knot_own() {
	newrepo knotown
	for load in difference-no-serial difference; do
		printf 'template:\n  - id: default\n    storage: zones\n' >knot.conf
		printf '    file: "%%s.zone"\n    zonefile-load: %s\n' "$load" \
			>>knot.conf
		printf '    journal-content: all\nzone:\n  - domain: example.com\n' \
			>>knot.conf
		git add knot.conf
		since 2024010101 192.0.2.26 2024010101 192.0.2.27
		src=0
		"$zl" --since HEAD --format json --select ZONE011 \
			--server-config knot.conf >"$tmp/since.out" 2>&1 || src=$?
		if [ "$load" = difference ]; then flagged; else unflagged; fi ||
			return 1
	done
}

test_serial_styles() {
	newrepo styles
	# Date YYYYMMDDnn: today's next nn, or today's first.
	since 2026120301 192.0.2.26 2026120301 192.0.2.27
	flagged 2026120302
	since 2026120302 192.0.2.27 2026120302 192.0.2.26
	flagged 2026120303
	since 2024010101 192.0.2.26 2024010101 192.0.2.27
	flagged 2026120300
	# Names spelt otherwise, records reordered: the same records.
	since 2026120302 192.0.2.27 2026120302 192.0.2.27 \
		's/IN MX 20 mx2/IN MX 20 MX2.example.com./; /^ns1/{h;d}; $G'
	unflagged
	# Unix time: now.
	since 1700000000 192.0.2.26 1700000000 192.0.2.27
	flagged 1796299200
	# A counter: one more.
	since 41 192.0.2.27 41 192.0.2.26
	flagged 42
	since 42 192.0.2.26 43 192.0.2.27
	unflagged
}

test_serial_arithmetic() {
	newrepo arith
	# RFC 1982: 4294967295 -> 1 is an increase, 1 -> 4294967295 is not.
	since 4294967295 192.0.2.26 1 192.0.2.27
	unflagged
	since 1 192.0.2.27 4294967295 192.0.2.26
	flagged 2
	# Lower.
	since 2024010105 192.0.2.26 2024010104 192.0.2.27
	flagged
	has "$tmp/since.out" '"line":3,"column":25,'
	# 2^31 ahead reads as lower; 2^31 - 1 ahead is the largest step.
	since 100 192.0.2.27 2147483748 192.0.2.26
	flagged
	since 100 192.0.2.26 2147483747 192.0.2.27
	unflagged
	# No base revision: exit 2, said on stderr.
	src=0
	"$zl" --since no-such-rev zones >"$tmp/since.out" 2>&1 || src=$?
	[ "$src" -eq 2 ]
	has "$tmp/since.out" "no-such-rev"
	# Nor anything git would take for an option, nor a tree.
	for rev in "" --output=x "HEAD:zones"; do
		src=0
		"$zl" --since "$rev" zones >"$tmp/since.out" 2>&1 || src=$?
		[ "$src" -eq 2 ] || { echo "--since '$rev': exit $src"; return 1; }
	done
	[ ! -e x ]
	# Any revision git reads as a commit: ":/TEXT" names the youngest
	# commit whose message matches TEXT, here the one of serial
	# 4294967295, which the work tree's 2147483747 does not pass.
	src=0
	"$zl" --since ":/serial 4294967295" --format json --select ZONE011 \
		zones >"$tmp/since.out" 2>&1 || src=$?
	flagged
	has "$tmp/since.out" "not above 4294967295,"
}

test_serial_hook() {
	hookrepo serials
	put example.com 2024010101
	accepted "a new zone needs no serial"
	put example.com 2024010101 192.0.2.27
	refused "a changed record, the serial unchanged"
	has "$tmp/commit.out" "^zones/example.com.zone:3:25: error: .*ZONE011"
	put example.com 2024010100 192.0.2.27
	refused "a changed record, the serial lowered"
	has "$tmp/commit.out" "ZONE011"
	put example.com 2024010102 192.0.2.27
	accepted "a changed record, the serial raised"
	{ echo "; the mail hosts"; sed 's/	/    /g' zones/example.com.zone; } \
		>"$tmp/z"
	cat "$tmp/z" >zones/example.com.zone
	git add zones
	accepted "comments and spacing only"
	# Renamed: compared with the old file.
	git mv zones/example.com.zone zones/db.example.com
	accepted "renamed, unchanged"
	git mv zones/db.example.com zones/example.com.db
	sed 's/192\.0\.2\.27/192.0.2.29/' zones/example.com.db >"$tmp/z"
	cat "$tmp/z" >zones/example.com.db
	git add zones
	refused "renamed and changed, the serial unchanged"
	has "$tmp/commit.out" "^zones/example.com.db:.*ZONE011"
	bump zones/example.com.db
	git add zones
	accepted "renamed and changed, the serial raised"
	git rm -q zones/example.com.db
	accepted "deleted"
}

# A zone renamed and rewritten so much that git sees no rename (under 50%
# similar) is compared with the one zone of its origin gone since the
# base; when two zones of that origin are gone, which one it was is not
# known, and it is new.
test_serial_rename_unseen() {
	newrepo unseen
	mkdir zones/old
	szone example.com 2024010101 >zones/example.com.zone
	szone example.net 2024010101 >zones/old/example.net.zone
	git add zones && git commit -q --no-verify -m base
	git rm -q zones/example.com.zone
	szone example.com 2024010101 192.0.2.27 |
		sed 's/	/    /g; s/$/    ; reformatted/' >zones/db.example.com
	git add zones
	[ "$(git diff --cached -M --name-status HEAD -- zones | cut -f1 |
		tr -d '\n')" = AD ] || { git diff --cached -M --name-status HEAD; return 1; }
	for base in "--since HEAD" --from-index; do
		src=0
		# shellcheck disable=SC2086 # the option and its value, split
		"$zl" $base --format json --select ZONE011 zones \
			>"$tmp/since.out" 2>&1 || src=$?
		flagged || return 1
	done
	"$zl" --from-index --summary -q --select ZONE011 zones \
		>/dev/null 2>"$tmp/sum.out" || :
	has "$tmp/sum.out" "^zones/db\.example\.com \(renamed from zones/example\.com\.zone\)$" &&
	hasnt "$tmp/sum.out" "deleted" || return 1
	# Raised: nothing.
	bump zones/db.example.com
	git add zones
	since_index unflagged || return 1
	# A second zone of that origin gone: neither is taken.
	sed 's/example\.net/example.com/g' zones/old/example.net.zone \
		>zones/old/example.com.zone
	git add zones && git commit -q --no-verify -m two &&
	git rm -q zones/old/example.com.zone zones/db.example.com &&
	szone example.com 2024010101 192.0.2.29 |
		sed 's/	/    /g; s/$/    ; rewritten/' >zones/example.com.zone
	echo "; a comment for each line" >>zones/example.com.zone
	git add zones
	since_index unflagged
}

# The repository's configuration shapes what git diff prints:
# diff.relative makes its paths relative to the current directory, and
# leaves out what lies outside it.  A zone renamed, changed and its serial
# kept is still flagged from a subdirectory, under every diff.* setting
# that could hide the rename: the renames are read from the top level.
test_serial_rename_diff_config() {
	newrepo renamecfg
	szone example.com 2024010101 >zones/a.zone
	git add zones && git commit -q --no-verify -m base
	git mv zones/a.zone zones/b.zone
	szone example.com 2024010101 192.0.2.27 >zones/b.zone
	git add zones
	git config diff.relative true
	git config diff.renames false
	git config diff.ignoreSubmodules all
	cd zones
	for base in "--since HEAD" --from-index; do
		src=0
		# shellcheck disable=SC2086 # the option and its value, split
		"$zl" $base --format json --select ZONE011 . \
			>"$tmp/since.out" 2>&1 || src=$?
		flagged || return 1
	done
}

# since_index CHECK: lints the index against HEAD for ZONE011 into
# $tmp/since.out and runs CHECK (flagged, unflagged).
since_index() {
	src=0
	"$zl" --from-index --format json --select ZONE011 zones \
		>"$tmp/since.out" 2>&1 || src=$?
	"$1"
}

test_serial_include() {
	increpo serialinc
	mailinc | sed 's/20 mx2/30 mx2/' >zones/common/mail.inc
	bump zones/example.com.zone
	git add zones
	refused "the include changed, one zone's serial raised"
	has "$tmp/commit.out" "^zones/example.org.zone:3:.*ZONE011"
	hasnt "$tmp/commit.out" "^zones/example.com.zone:.*ZONE011"
	# The same with the zones linted in threads.
	"$zl" --from-index -j 2 --format gcc zones >"$tmp/j.out" 2>&1 || :
	has "$tmp/j.out" "^zones/example.org.zone:3:.*ZONE011"
	hasnt "$tmp/j.out" "^zones/example.com.zone:.*ZONE011"
	bump zones/example.org.zone
	git add zones
	accepted "both serials raised"
	# Moving a record into an include of its own changes nothing.
	grep -v '^mx2' zones/example.org.zone >"$tmp/z"
	cat "$tmp/z" >zones/example.org.zone
	grep '^mx2' zones/example.com.zone | sed 's/^mx2/mx2.example.org./' \
		>zones/common/org.inc
	echo '$INCLUDE zones/common/org.inc' >>zones/example.org.zone
	git add zones
	accepted "records moved into an include"
}

# A config-only or pack-only commit re-lints every zone with the staged
# packs (packs: in .zonelint.yaml).
test_config_and_pack_only() {
	hookrepo packs
	mkdir site
	good example.com | sed 's/^ns1.*/&\
www	IN TXT "hello"/' >zones/example.com.zone
	printf '%s\n' 'rules:' '  - id: SITE001' \
		'    name: site-txt-at-www' '    severity: note' \
		'    summary: TXT record at www' '    scope: record' \
		'    select: { type: TXT, owner: "^www\\." }' \
		'    check: present' "    message: \"TXT record at '{owner}'\"" \
		>site/www.yaml
	printf 'packs: site\n' >.zonelint.yaml
	git add .
	accepted "a zone, a site pack, a config naming it"
	printf 'packs: site\nrules:\n  SITE001: error\n' >.zonelint.yaml
	git add .zonelint.yaml
	refused "a config-only commit that makes the site rule an error"
	has "$tmp/commit.out" "^zones/example.com.zone:[0-9]*:.*error:.*SITE001"
	printf 'packs: site\nrules:\n  SITE001: warning\n' >.zonelint.yaml
	git add .zonelint.yaml
	accepted "the site rule a warning"
	sed 's/severity: note/severity: error/; s/SITE001/SITE002/
	     s/name: site-txt-at-www/&-2/' \
		site/www.yaml >site/www2.yaml
	git add site
	refused "a pack-only commit with a new rule that fires"
	has "$tmp/commit.out" "^zones/example.com.zone:[0-9]*:.*SITE002"
	# The staged pack counts, not the working tree's.
	git rm -q --cached site/www2.yaml
	bump zones/example.com.zone
	git add zones
	accepted "a zone changed, the new pack left unstaged"
	printf 'rules:\n  - id: SITE003\n    bogus: 1\n' >site/bad.yaml
	git add site/bad.yaml
	refused "a broken pack"
	has "$tmp/commit.out" "^(\./)?site/bad.yaml:3:5: error: unknown key"
	git rm -q --cached site/bad.yaml
	printf 'packs: [site, missing.yaml]\n' >.zonelint.yaml
	git add .zonelint.yaml
	refused "a config naming a pack that is not staged"
	has "$tmp/commit.out" "^.zonelint.yaml:1:15: error: .*missing.yaml"
	# On disk, packs through links leading out of the config's directory
	# are refused, never read.
	rm -rf "$tmp/outside"
	mkdir "$tmp/outside"
	cp site/www.yaml "$tmp/outside/"
	ln -s "$tmp/outside" out
	ln -s "$tmp/outside/www.yaml" out.yaml
	for p in out out.yaml; do
		printf 'packs: %s\n' "$p" >.zonelint.yaml
		src=0
		"$zl" zones >"$tmp/out.txt" 2>&1 || src=$?
		[ "$src" -eq 2 ] || { show "$tmp/out.txt"; return 1; }
		has "$tmp/out.txt" "symbolic link leads out"
	done
}

test_serial_merges() {
	hookrepo serialmerge
	szone example.com 2024010101 >zones/example.com.zone
	put example.org 2024010101
	accepted "two zones"
	git checkout -q -b noserial
	put example.com 2024010101 192.0.2.27
	git commit -q --no-verify -m "a change without a serial, past the hook"
	git checkout -q main
	before=$(git rev-parse HEAD)
	merge --no-ff -m "merge noserial" noserial
	[ "$crc" -ne 0 ] && [ "$(git rev-parse HEAD)" = "$before" ]
	has "$tmp/commit.out" "^zones/example.com.zone:3:.*ZONE011"
	has "$tmp/commit.out" "^pre-merge-commit: "
	git merge --abort
	git checkout -q -b withserial main
	put example.com 2024010102 192.0.2.27
	accepted "a change with its serial"
	git checkout -q main
	merge --no-ff -m "merge withserial" withserial
	[ "$crc" -eq 0 ] || { cat "$tmp/commit.out"; return 1; }
	is_merge
	# Both sides raise the serial of one zone: a conflict, whose
	# resolution must be above HEAD's serial.
	git checkout -q -b side main
	put example.org 2024010102 192.0.2.27
	accepted "side: mx2 moved, serial 02"
	git checkout -q main
	put example.org 2024010103 192.0.2.28
	accepted "main: mx2 moved elsewhere, serial 03"
	merge -m "merge side" side
	has "$tmp/commit.out" "CONFLICT"
	put example.org 2024010102 192.0.2.27
	refused "the side's version, with its lower serial"
	has "$tmp/commit.out" "^zones/example.org.zone:3:.*ZONE011"
	put example.org 2024010104 192.0.2.27
	accepted "the side's records with a serial above both"
	is_merge
}

# CI: a merge request's branch cloned alone, its target fetched by the
# GitLab template's own lines, then linted --since the target.
test_since_ci_clone() {
	newrepo ciorigin
	put example.com 2024010101
	git commit -q -m zones
	git checkout -q -b mr
	szone example.com 2024010101 192.0.2.27 >zones/example.com.zone
	git commit -q -a -m "change without a serial"
	rm -rf "$tmp/ci"
	git clone -q --single-branch --branch mr "file://$tmp/ciorigin" \
		"$tmp/ci"
	cd "$tmp/ci"
	src=0
	"$zl" --since origin/main zones >"$tmp/ci.out" 2>&1 || src=$?
	[ "$src" -eq 2 ] || { show "$tmp/ci.out"; return 1; }
	has "$tmp/ci.out" "origin/main.*fetch"
	awk '/^    - \|$/ { s = 1; next } s && /^  [a-z]/ { exit }
	     s { sub(/^      /, ""); print }' "$root/hooks/gitlab-ci.yml" \
		>"$tmp/base.sh"
	has "$tmp/base.sh" "ZONELINT_SINCE=--since"
	src=0
	CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main sh -c '. "$1"
		"$2" $ZONELINT_SINCE zones' sh "$tmp/base.sh" "$zl" \
		>"$tmp/ci.out" 2>&1 || src=$?
	[ "$src" -eq 1 ] || { show "$tmp/ci.out"; return 1; }
	has "$tmp/ci.out" "^zones/example.com.zone:3:.*ZONE011"
	# A branch pipeline of a new branch has no base: no ZONE011.
	src=0
	CI_COMMIT_BEFORE_SHA=0000000000000000000000000000000000000000 \
		sh -c '. "$1"; "$2" $ZONELINT_SINCE zones' sh "$tmp/base.sh" \
		"$zl" >"$tmp/ci.out" 2>&1 || src=$?
	hasnt "$tmp/ci.out" ZONE011
}

t "serial: each style's next serial is suggested" test_serial_styles
t "serial: RFC 1982 arithmetic, wrap-around, no such revision" test_serial_arithmetic
t "serial: a zone Knot DNS serves under its own serial" test_serial_knot_own
t "serial: the hook compares with HEAD; comments, renames, deletes" test_serial_hook
t "serial: a rename git does not see: the zone of its origin gone" test_serial_rename_unseen
t "serial: a rename seen from a subdirectory, whatever diff.* says" test_serial_rename_diff_config
t "serial: an include changed alone needs the serials raised" test_serial_include
t "packs: config-only and pack-only commits, as staged" test_config_and_pack_only
t "serial: merges through pre-merge-commit and pre-commit" test_serial_merges
t "serial: --since the target branch in a CI clone" test_since_ci_clone

# A zone in a directory whose name git would quote (not ASCII): compared
# with its base all the same.
test_quoted_path() {
	hookrepo quoted
	mkdir -p "zones/zön"
	put example.com 2024010101
	git mv zones/example.com.zone "zones/zön/example.com.zone"
	accepted "a zone below a directory with a non-ASCII name"
	szone example.com 2024010101 192.0.2.27 >"zones/zön/example.com.zone"
	git add zones
	refused "a changed record, the serial unchanged"
	has "$tmp/commit.out" "example.com.zone:3:25: error: .*ZONE011"
}

t "serial: a path git quotes is compared with its base" test_quoted_path

# A repository that holds no zone, or whose only zone-like name is a BIND
# journal: nothing to lint, the commit goes through.
test_no_zone() {
	hookrepo nozone
	echo "not a zone" >zones/db.example.com.jnl
	git add zones
	accepted "a BIND journal alone"
	git rm -q zones/db.example.com.jnl
	accepted "no zone at all"
}
t "git hook: a repository with no zone, or only a journal" test_no_zone

# ---- the pre-commit framework ----

# The hook repository: this tree's .pre-commit-hooks.yaml in a repository
# of its own, so that the framework clones it from a local path (offline).
test_manifest_repo() {
	rm -rf "$tmp/hookrepo"
	mkdir "$tmp/hookrepo"
	cd "$tmp/hookrepo"
	git init -q
	cp "$root/.pre-commit-hooks.yaml" .
	git add .pre-commit-hooks.yaml
	git commit -q -m "zonelint hooks"
	pre-commit validate-manifest .pre-commit-hooks.yaml
}

# fwrepo NAME CONFIG: a zone repository with the framework installed.
fwrepo() {
	newrepo "$1"
	printf '%s\n' "$2" >.pre-commit-config.yaml
	pre-commit validate-config .pre-commit-config.yaml
	git add .pre-commit-config.yaml
	git commit -q -m "pre-commit config"
	pre-commit install >/dev/null
}

test_framework_refuses_and_accepts() {
	rev=$(git -C "$tmp/hookrepo" rev-parse HEAD)
	fwrepo fw "repos:
  - repo: $tmp/hookrepo
    rev: $rev
    hooks:
      - id: zonelint"
	bad example.com >zones/example.com.zone
	git add zones/example.com.zone
	refused "framework: bad zone"
	has "$tmp/commit.out" "zones/example.com.zone:6:.*MX001"
	good example.com >zones/example.com.zone
	git add zones/example.com.zone
	accepted "framework: fixed"
}

test_framework_unstaged_fix() {
	cd "$tmp/fw"
	bad example.com >zones/example.com.zone
	git add zones/example.com.zone
	good example.com >"$tmp/fixed"
	cp "$tmp/fixed" zones/example.com.zone
	refused "framework: fixed only in the working tree"
	has "$tmp/commit.out" "MX001"
	# The framework put the unstaged fix back.
	cmp -s "$tmp/fixed" zones/example.com.zone
	git reset -q --hard
}

test_framework_names() {
	cd "$tmp/fw"
	bad example.org >"zones/db.example org"
	bad example.net >zones/example.net.txt
	git add zones
	refused "framework: bad zone with a space in its name"
	has "$tmp/commit.out" "zones/db.example org:6:"
	if grep -q "example.net.txt" "$tmp/commit.out"; then return 1; fi
	good example.org >"zones/db.example org"
	git add zones
	accepted "framework: fixed, the .txt file is not a zone"
	git rm -q "zones/db.example org"
	accepted "framework: delete a zone"
	git rm -q zones/example.com.zone
	accepted "framework: delete the last zone"
	# A name the framework passes as it is, which looks like an option.
	bad example.org >./--output=README.zone
	git add -- --output=README.zone
	refused "framework: a bad zone named like an option"
	has "$tmp/commit.out" "^--output=README.zone:6:.*MX001"
	[ ! -e README.zone ]
	git rm -q -f -- --output=README.zone
}

# The framework runs on every commit: one that changes only an included
# file, named like no zone, without raising the serials of the zones that
# include it, is refused, and so is a .zonelint.yaml that breaks them.
test_framework_include_and_config() {
	rev=$(git -C "$tmp/hookrepo" rev-parse HEAD)
	fwrepo fwinc "repos:
  - repo: $tmp/hookrepo
    rev: $rev
    hooks:
      - id: zonelint"
	mkdir -p zones/common
	inczone example.com >zones/example.com.zone
	mailinc >zones/common/mail.inc
	git add zones
	accepted "framework: a zone and its include"
	mailinc | sed 's/20 mx2/30 mx2/' >zones/common/mail.inc
	git add zones/common/mail.inc
	refused "framework: the include changed, the serial not raised"
	has "$tmp/commit.out" "^zones/example.com.zone:3:.*ZONE011"
	git reset -q --hard
	printf 'rules:\n  MX009: error\n' >.zonelint.yaml
	sed -i '/20 mx2/d' zones/common/mail.inc
	bump zones/example.com.zone
	git add zones .zonelint.yaml
	refused "framework: one MX, which the config makes an error"
	has "$tmp/commit.out" "MX009"
	git reset -q --hard
}

# readme_config: the .pre-commit-config.yaml the README shows, exactly as
# written: the first yaml block of its "pre-commit framework" section.
readme_config() {
	awk '/^### pre-commit framework$/ { s = 1; next }
	     s && /^#/ { exit }
	     s && b && /^```$/ { exit }
	     b { print }
	     s && /^```yaml$/ { b = 1 }' "$root/README.md"
}

# The README's example, as written, with the real framework.
test_framework_readme() {
	readme_config >"$tmp/readme-config.yaml"
	has "$tmp/readme-config.yaml" "^repos:"
	fwrepo fwreadme "$(cat "$tmp/readme-config.yaml")"
	cmp -s "$tmp/readme-config.yaml" .pre-commit-config.yaml
	# a repository that holds no zone yet, or only a BIND journal: no
	# zone to lint, no reason to refuse
	echo "zones to come" >>README
	git add README
	accepted "README's hook: no zone in the repository"
	echo "not a zone" >zones/db.example.com.jnl
	git add zones
	accepted "README's hook: a BIND journal alone"
	bad example.com >zones/example.com.db
	git add zones/example.com.db
	refused "README's hook: bad zone"
	has "$tmp/commit.out" "zones/example.com.db:6:.*MX001"
	good example.com >zones/example.com.db
	bad example.com >zones/example.com.txt
	git add zones
	accepted "README's hook: fixed, the .txt file is not a zone"
	sed 's/192\.0\.2\.25/192.0.2.99/' zones/example.com.db >"$tmp/z"
	cat "$tmp/z" >zones/example.com.db
	git add zones
	refused "README's hook: a record changed, the serial not"
	has "$tmp/commit.out" "^zones/example.com.db:3:.*ZONE011"
}

t "pre-commit: .pre-commit-hooks.yaml is a valid manifest" test_manifest_repo
t "pre-commit: a bad zone is refused, the fix goes through" test_framework_refuses_and_accepts
t "pre-commit: a fix in the working tree only is still refused" test_framework_unstaged_fix
t "pre-commit: spaces in names, other files, deletions" test_framework_names
t "pre-commit: an include or the config changed alone" test_framework_include_and_config
t "pre-commit: the README's .pre-commit-config.yaml as written" test_framework_readme

# ---- the CI examples the README shows ----

# Every line of each example file appears in the README as it is.
test_readme_examples() {
	for f in hooks/github-actions.yml hooks/gitlab-ci.yml; do
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			grep -Fqx -e "$line" "$root/README.md" ||
				{ echo "README lacks from $f: $line"; return 1; }
		done <"$root/$f"
	done
}

t "README shows the CI examples as they are" test_readme_examples

finish
