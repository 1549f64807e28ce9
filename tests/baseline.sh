#!/bin/sh
# baseline.sh - tests of --write-baseline and --baseline: findings recorded
# once stay hidden when lines move, new ones still fail, fixed ones become
# stale entries, and a malformed baseline is an error at its line.
#
# usage: tests/baseline.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:git:git || exit 1

suite baseline.sh "${1:-}"
t_strict=1
t_dir=$tmp

run() {
	rc=0
	"$zl" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# zone: two old findings, MX001 (an MX target written as an address) and
# MX002 (an MX target that is an alias), on top of a clean mail setup.
zone() {
	cat <<'EOF2'
$ORIGIN example.com.
$TTL 3600
@	IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 3600
@	IN NS ns1
	IN MX 10 mx1
	IN MX 20 192.0.2.26
	IN MX 30 smtp
	IN TXT "v=spf1 mx -all"
ns1	IN A 192.0.2.1
mx1	IN A 192.0.2.25
smtp	IN CNAME mx1
_dmarc	IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
EOF2
}

setup() {
	zone >example.com.zone
	run -f gcc example.com.zone
	want_rc 1
	has "$tmp/out" 'error: .*\[MX001\]'
	has "$tmp/out" 'error: .*\[MX002\]'
	run --write-baseline base.txt example.com.zone
	want_rc 0
}

test_write() {
	setup
	has "$tmp/err" 'recorded in the baseline'
	[ ! -s "$tmp/out" ] || { show "$tmp/out"; exit 1; }
	has base.txt '^# zonelint baseline 1$'
	count base.txt '^MX001	example\.com\.zone	[0-9a-f]{16}:1	' 1
	count base.txt '^MX002	example\.com\.zone	[0-9a-f]{16}:1	' 1
	# Sorted, and the same file for the same findings.
	grep -v '^#' base.txt | LC_ALL=C sort -c
	cp base.txt first.txt
	run --write-baseline base.txt example.com.zone
	cmp first.txt base.txt
}

test_hidden() {
	setup
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	hasnt "$tmp/out" 'MX00[12]'
	has "$tmp/err" '0 errors.*2 hidden by the baseline, 0 stale entries'
}

# Lines inserted above the findings move them; their fingerprints, made of
# the rule, the path and the source line, do not.
test_moved_lines() {
	setup
	{ zone | sed -n 1,3p; printf 'www\tIN A 192.0.2.80\n'
	  printf '; a comment\n\n'; zone | sed -n '4,$p'; } >example.com.zone
	run -f gcc example.com.zone
	has "$tmp/out" ':9:.*\[MX001\]'
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	hasnt "$tmp/out" 'MX00[12]'
	has "$tmp/err" '2 hidden by the baseline, 0 stale entries'
}

test_new_finding_fails() {
	setup
	zone | sed 's/IN MX 10 mx1/IN MX 10 192.0.2.25/' >example.com.zone
	run -f gcc --baseline base.txt example.com.zone
	want_rc 1
	count "$tmp/out" 'MX001' 1
	has "$tmp/out" ':5:.*\[MX001\]'
	has "$tmp/err" '1 error.*2 hidden by the baseline, 0 stale entries'
}

# Each entry hides one finding: a second copy of a recorded line is new.
test_hidden_once_each() {
	setup
	zone | sed 's/^\(	IN MX 20 192.0.2.26\)$/\1\n\1/' >example.com.zone
	run -f gcc example.com.zone
	count "$tmp/out" 'MX001' 2
	run -f gcc --baseline base.txt example.com.zone
	want_rc 1
	count "$tmp/out" 'MX001' 1
}

test_fixed_is_stale() {
	setup
	zone | sed 's/IN MX 20 192.0.2.26/IN MX 20 mx1/' >example.com.zone
	run -f gcc --baseline base.txt example.com.zone
	want_rc 0
	has "$tmp/err" '1 hidden by the baseline, 1 stale entry\)'
}

test_malformed() {
	setup
	printf 'MX001\texample.com.zone\tnot-a-fingerprint\tx\n' >>base.txt
	run --baseline base.txt example.com.zone
	want_rc 2
	has "$tmp/err" '^base\.txt:4:1: error: malformed baseline entry'
	hasnt "$tmp/out" 'MX00'
	printf 'MX001 only\n' >bad.txt
	run --baseline bad.txt example.com.zone
	want_rc 2
	has "$tmp/err" '^bad\.txt:1:1: error: malformed baseline entry'
	run --baseline missing.txt example.com.zone
	want_rc 2
	has "$tmp/err" "cannot read baseline 'missing\.txt'"
}

# A file name is escaped in the baseline as in every other output
# (docs/limits.md, "Output"): a pull request's zone named with a terminal
# escape, a line break, a byte that is not UTF-8 or a bidi override must
# not reach whoever prints or diffs the file.  Matching needs only the rule
# id and the fingerprint, so the escaped path still hides the findings.
test_escaped_path() {
	name=$(printf 'x\033]0;t\007\n\377\342\200\256.example.com.zone')
	zone >"$name"
	run --write-baseline base.txt "$name"
	want_rc 0
	if LC_ALL=C grep -q -a -P '[\x00-\x08\x0b-\x1f\x7f-\xff]' base.txt; then
		echo "raw bytes of the file name in the baseline:"
		show base.txt
		exit 1
	fi
	count base.txt '^MX001	x\\027]0;t\\007\\010\\255\\226\\128\\174\.example\.com\.zone	[0-9a-f]{16}:1	' 1
	run --baseline base.txt "$name"
	want_rc 0
	has "$tmp/err" '0 errors.*2 hidden by the baseline, 0 stale entries'
}

# The config key: relative to the config's directory, and confined to it.
test_config_key() {
	setup
	mkdir sub
	zone >sub/example.com.zone
	(cd sub && "$zl" --write-baseline base.txt example.com.zone) 2>/dev/null
	printf 'baseline: base.txt\n' >sub/.zonelint.yaml
	run -f gcc sub/example.com.zone
	want_rc 1
	(cd sub && "$zl" --write-baseline base.txt -- "$tmp/sub/example.com.zone") \
		2>/dev/null
	run -f gcc sub/example.com.zone
	want_rc 1
	# Written from where the run starts, its paths match.
	"$zl" --write-baseline sub/base.txt sub/example.com.zone 2>/dev/null
	run -f gcc sub/example.com.zone
	want_rc 0
	has "$tmp/err" '2 hidden by the baseline, 0 stale entries'
	# A baseline that cannot be read, or is wrong, is shown at the
	# config's baseline: key.
	printf 'ignore: []\nbaseline: ../base.txt\n' >sub/.zonelint.yaml
	run sub/example.com.zone
	want_rc 2
	has "$tmp/err" "^sub/\\.zonelint\\.yaml:2:11: error: cannot read baseline .*'\\.\\.' leads out"
	printf 'ignore: []\nbaseline: missing.txt\n' >sub/.zonelint.yaml
	run sub/example.com.zone
	want_rc 2
	has "$tmp/err" "^sub/\\.zonelint\\.yaml:2:11: error: cannot read baseline 'sub/missing\\.txt': No such file"
	has "$tmp/err" '^    2 \| baseline: missing\.txt$'
	printf 'baseline: [base.txt]\n' >sub/.zonelint.yaml
	run sub/example.com.zone
	want_rc 2
	has "$tmp/err" '^sub/\.zonelint\.yaml:1:11: error'
	printf 'junk\n' >sub/bad.txt
	printf 'baseline: bad.txt\n' >sub/.zonelint.yaml
	run sub/example.com.zone
	want_rc 2
	has "$tmp/err" '^sub/bad\.txt:1:1: error: malformed baseline entry'
	has "$tmp/err" '^sub/\.zonelint\.yaml:1:11: note: the baseline named here$'
}

# The git hook honours the baseline the staged config names: an old
# repository adopts the gate and fails only on new findings.
test_hook() {
	(
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
		GIT_ALTERNATE_OBJECT_DIRECTORIES ZONELINT ZONELINT_FAIL_ON
	export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 ZONELINT="$zl"
	mkdir -p "$HOME" repo/zones repo/hooks
	git config --global user.name "Zone Admin"
	git config --global user.email "hostmaster@example.com"
	git config --global init.defaultBranch main
	git config --global commit.gpgsign false
	cd repo
	git init -q .
	cp "$root/hooks/pre-commit" "$root/hooks/pre-merge-commit" hooks/
	git add hooks
	git commit -q -m hooks
	git config core.hooksPath hooks
	zone >zones/example.com.zone
	git add zones
	if git commit -q -m "old zone" >"$tmp/out" 2>&1; then
		echo "the old findings went through without a baseline"
		exit 1
	fi
	"$zl" --write-baseline .zonelint-baseline zones 2>/dev/null
	printf 'baseline: .zonelint-baseline\n' >.zonelint.yaml
	git add .zonelint.yaml .zonelint-baseline
	git commit -q -m "adopt zonelint" >"$tmp/out" 2>&1 || {
		show "$tmp/out"; exit 1; }
	# Moved lines stay hidden (the new record raises the serial: ZONE011).
	{ zone | sed -n 1,3p; printf 'www\tIN A 192.0.2.80\n'
	  zone | sed -n '4,$p'; } | sed 's/2024010101/2024010102/' \
		>zones/example.com.zone
	git add zones
	git commit -q -m "add www" >"$tmp/out" 2>&1 || {
		show "$tmp/out"; exit 1; }
	# A new finding is refused.
	sed -i 's/IN MX 10 mx1/IN MX 10 192.0.2.25/' zones/example.com.zone
	git add zones
	if git commit -q -m "new defect" >"$tmp/out" 2>&1; then
		echo "a new finding went through"
		exit 1
	fi
	has "$tmp/out" 'example\.com\.zone:6:.*MX001'
	git checkout -q -- zones 2>/dev/null || git reset -q --hard
	# The baseline is read as staged: emptying it unstaged changes
	# nothing, and staging the empty one refuses the old findings.
	git reset -q --hard
	printf '# zonelint baseline 1\n' >.zonelint-baseline
	printf '; note\n' >>zones/example.com.zone
	git add zones
	git commit -q -m "comment" >"$tmp/out" 2>&1 || {
		show "$tmp/out"; exit 1; }
	git add .zonelint-baseline
	if git commit -q -m "empty baseline" >"$tmp/out" 2>&1; then
		echo "the old findings went through with an empty baseline"
		exit 1
	fi
	# A staged baseline that cannot be read is shown at the staged
	# config's baseline: key.
	printf 'ignore: []\nbaseline: missing.txt\n' >.zonelint.yaml
	git add .zonelint.yaml
	"$zl" --from-index zones >"$tmp/out" 2>&1 && exit 1
	has "$tmp/out" "^\\.zonelint\\.yaml:2:11: error: cannot read the staged baseline 'missing\\.txt': it is not staged"
	)
}

t "--write-baseline records the findings, sorted, and exits 0" test_write
t "--baseline hides the recorded findings" test_hidden
t "a recorded finding stays hidden when lines move" test_moved_lines
t "a new finding on top of a baseline fails" test_new_finding_fails
t "each entry hides at most one finding" test_hidden_once_each
t "a fixed finding becomes a stale entry" test_fixed_is_stale
t "a malformed baseline is an error at its line" test_malformed
t "a file name is escaped in the baseline" test_escaped_path
t "the config key baseline: is relative to the config, confined" test_config_key
t "the git hook honours the staged config's baseline" test_hook

finish
