#!/bin/sh
# changes.sh - what a change does to mail, in real git histories: the rules
# that compare a zone with its base (CHG001-CHG005) through --since and the
# staged-commit base of --from-index, and the --summary of a change that
# renames a zone, changes only a file a zone $INCLUDEs, adds a zone and
# deletes one, compared byte for byte with tests/golden/changes/.  After an
# intended change to the summary's wording, regenerate them with
#
#   ZONELINT_REGEN=1 sh tests/changes.sh ./zonelint && git diff tests/golden
#
# usage: tests/changes.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

root=$(dirname "$here")
golden=$here/golden/changes
sh "$root/tools/deps.sh" cmd:git:git || exit 1

suite changes.sh "${1:-}"
t_strict=1
t_dir=$tmp

run() {
	rc=0
	"$zl" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

git_() {
	git -c user.name=zonelint -c user.email=zonelint@example.com \
		-c commit.gpgsign=false "$@"
}

# soa ORIGIN SERIAL: a zone head
head_() {
	printf '$ORIGIN %s\n$TTL 3600\n' "$1"
	printf '@\tIN SOA\tns1 hostmaster %s 7200 3600 1209600 3600\n' "$2"
	printf '@\tIN NS\tns1\nns1\tIN A\t192.0.2.53\n'
}

# repo: a fresh repository in $tmp/r with the base commit of the summary
# case: example.com (its mail records in an included file), example.org,
# example.net, and quiet.example, which has no mail at all.
repo() {
	rm -rf r && mkdir -p r/zones && cd r && git init -q
	{ head_ example.com. 2026120101; echo '$INCLUDE zones/mail.inc'; } \
		>zones/example.com.zone
	cat >zones/mail.inc <<'EOF2'
@	86400 IN MX	10 mx1
mx1	86400 IN A	192.0.2.25
_25._tcp.mx1	IN TLSA	3 1 1 8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1
@	IN TXT	"v=spf1 mx include:_spf.example.net -all"
_dmarc	IN TXT	"v=DMARC1; p=none; rua=mailto:dmarc@example.com"
s2025._domainkey	IN TXT	"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
_mta-sts	IN TXT	"v=STSv1; id=20251201"
_smtp._tls	IN TXT	"v=TLSRPTv1; rua=mailto:tls@example.com"
EOF2
	{ head_ example.org. 2026120101
	  printf '@\tIN MX\t10 mx1\n@\tIN MX\t20 mx2\n'
	  printf 'mx1\tIN A\t192.0.2.25\nmx2\tIN A\t192.0.2.26\n'
	  printf '@\tIN TXT\t"v=spf1 mx -all"\n'
	  printf '_dmarc\tIN TXT\t"v=DMARC1; p=reject"\n'; } >zones/example.org.zone
	{ head_ example.net. 2026120101
	  printf '@\tIN MX\t0 .\n@\tIN TXT\t"v=spf1 -all"\n'
	  printf '_spf\tIN TXT\t"v=spf1 ip4:192.0.2.0/24 -all"\n'; } \
		>zones/example.net.zone
	{ head_ quiet.example. 2026120101
	  printf 'www\tIN A\t192.0.2.80\n'; } >zones/quiet.example.zone
	git add -A && git_ commit -qm base
}

# change: the work tree of the summary case.  Only mail.inc changes for
# example.com: its zone file stays as it was, serial included (ZONE011
# says so); example.org is renamed and
# its backup MX moves to preference 30; example.net is deleted;
# example.info is new, and example.com's SPF now includes its _spf;
# quiet.example changes, but nothing about mail.
change() {
	cat >zones/mail.inc <<'EOF2'
@	300 IN MX	10 mx1
@	300 IN MX	20 mx2
mx1	300 IN A	192.0.2.35
mx2	300 IN A	192.0.2.36
_25._tcp.mx1	IN TLSA	3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6
@	IN TXT	"v=spf1 mx include:_spf.example.info ~all"
_dmarc	IN TXT	"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com,mailto:reports@example.com"
s2025._domainkey	IN TXT	"v=DKIM1; k=ed25519; p="
s2026._domainkey	IN TXT	"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
_mta-sts	IN TXT	"v=STSv1; id=20261203"
_smtp._tls	IN TXT	"v=TLSRPTv1; rua=mailto:tls-reports@example.com"
EOF2
	sed -i 's/2026120101/2026120102/' zones/example.org.zone \
		zones/quiet.example.zone
	mkdir zones/org
	git mv zones/example.org.zone zones/org/example.org.zone
	sed -i 's/MX\t20 mx2/MX\t30 mx2/' zones/org/example.org.zone
	git rm -q zones/example.net.zone
	{ head_ example.info. 1; printf '@\tIN MX\t0 .\n'
	  printf '@\tIN TXT\t"v=spf1 -all"\n'
	  printf '_spf\tIN TXT\t"v=spf1 ip4:198.51.100.0/24 -all"\n'; } \
		>zones/example.info.zone
	sed -i 's/192.0.2.80/192.0.2.81/' zones/quiet.example.zone
}

# same NAME FILE: FILE is the golden file NAME (rewritten under
# ZONELINT_REGEN)
same() {
	if [ -n "${ZONELINT_REGEN:-}" ]; then
		cp "$2" "$golden/$1"
		return 0
	fi
	cmp -s "$golden/$1" "$2" && return 0
	echo "differs from tests/golden/changes/$1:"
	diff "$golden/$1" "$2" || true
	return 1
}

test_summary_text() {
	repo
	change
	git diff --quiet HEAD -- zones/example.com.zone
	run --since HEAD --no-config --summary --summary-file sum.txt -q zones/
	want_rc 1
	has "$tmp/out" '^(\./)?zones/example\.com\.zone:3:.*\[ZONE011\]$'
	same summary.txt sum.txt
	# quiet.example changed, but nothing about mail
	hasnt sum.txt 'quiet'
}

test_summary_markdown() {
	repo
	change
	# in threads (-j): the same summary, in the same order
	run --since HEAD --no-config --summary=markdown --summary-file sum.md \
		-q -j 4 zones/
	want_rc 1
	same summary.md sum.md
}

# Staged, as the pre-commit hook sees it: the base is HEAD, and the
# summary goes to stderr.
test_summary_staged() {
	repo
	change
	git add -A
	run --from-index --no-config --summary -q -f gcc zones/
	want_rc 1
	sed -n '/^zones\//p; /^  /p' "$tmp/err" | grep -v ': [a-z]*: ' \
		>sum.txt || true
	same summary.txt sum.txt
}

# Deleted zones are those below the paths given; a path outside the
# repository is linted, and summarised as new.
test_summary_operands() {
	repo
	change
	mkdir ../outside
	cp zones/example.info.zone ../outside/
	run --since HEAD --no-config --summary -q -f gcc zones/org \
		../outside/example.info.zone
	[ "$rc" -le 1 ] || want_rc 0
	hasnt "$tmp/err" 'example\.net'
	has "$tmp/err" '^zones/org/example\.org\.zone \(renamed from zones/example\.org\.zone\)$'
	has "$tmp/err" '^\.\./outside/example\.info\.zone$'
	run --since HEAD --no-config --summary -q -f gcc "$(pwd)/zones"
	has "$tmp/err" '^zones/example\.net\.zone \(deleted\)$'
}

# A zone renamed out of the zones linted is gone from them, as a deleted
# one is: to a name that is no zone's, or out of the paths given.  One
# renamed within them is no deletion.
test_summary_gone() {
	repo
	mkdir attic
	git mv zones/example.org.zone zones/example.org.zone.disabled
	git mv zones/example.net.zone attic/example.net.zone
	for base in "--since HEAD" --from-index; do
		# shellcheck disable=SC2086 # the option and its value, split
		run $base --no-config --summary -q -f gcc zones/
		want_rc 0
		has "$tmp/err" '^zones/example\.net\.zone \(renamed to attic/example\.net\.zone, outside the paths linted\)$'
		has "$tmp/err" '^zones/example\.org\.zone \(renamed to zones/example\.org\.zone\.disabled, no longer a zone\)$'
		has "$tmp/err" '^    null MX removed$'
		has "$tmp/err" '^    MX removed: 10 mx1\.example\.org\.$'
		count "$tmp/err" '^zones/' 2
	done
	run --since HEAD --no-config --summary -q -f gcc .
	want_rc 0
	hasnt "$tmp/err" 'example\.net'
	has "$tmp/err" '^zones/example\.org\.zone \(renamed to zones/example\.org\.zone\.disabled, no longer a zone\)$'
}

test_summary_nothing() {
	repo
	sed -i 's/192.0.2.80/192.0.2.81/' zones/quiet.example.zone
	printf 'ftp\tIN CNAME\twww\n' >>zones/quiet.example.zone
	run --since HEAD --no-config --summary=markdown --summary-file sum.md \
		-q zones/
	[ -f sum.md ] && [ ! -s sum.md ] || { show sum.md; exit 1; }
}

# The tree may hold a link where the summary is written: it is replaced
# by the summary, and what it leads to is left as it was.
test_summary_link() {
	repo
	change
	printf 'outside\n' >../victim
	ln -s ../victim sum.md
	run --since HEAD --no-config --summary=markdown --summary-file sum.md \
		-q zones/
	want_rc 1
	[ ! -L sum.md ] || { echo "sum.md is still a link"; exit 1; }
	same summary.md sum.md
	[ "$(cat ../victim)" = outside ] || { show ../victim; exit 1; }
}

# A target listed twice at two preferences (MX008) is the same records at
# the base and now: no change to summarise.  Each record that moves is
# paired with one of its target: 30 -> 40, and 10 stays.
test_summary_target_twice() {
	repo
	printf '@\tIN MX\t30 mx1\n' >>zones/example.org.zone
	git add -A && git_ commit -qm "mx1 twice"
	printf '; reviewed\n' >>zones/example.org.zone
	run --since HEAD --no-config --summary -q zones/
	[ ! -s "$tmp/err" ] || { show "$tmp/err"; exit 1; }
	sed -i 's/MX\t30 mx1/MX\t40 mx1/' zones/example.org.zone
	run --since HEAD --no-config --summary -q zones/
	has "$tmp/err" '^    MX preference of mx1\.example\.org\.: 30 -> 40$'
	count "$tmp/err" '^    MX ' 1
}

# The base is looked for in the repository of the current directory: run
# from outside any, --since says so, rather than that the repository
# lacks the revision.
test_since_outside_repository() {
	repo
	mkdir -p "$tmp/norepo" && cd "$tmp/norepo"
	run --since HEAD --no-config -q "$tmp/r/zones"
	want_rc 2
	has "$tmp/err" "^--since: error: the current directory is in no git repository, where 'HEAD' is looked for"
	cd "$tmp/r"
	run --since nosuch --no-config -q zones
	want_rc 2
	has "$tmp/err" "^--since: error: 'nosuch' names no commit of this repository \(if it is another clone's, fetch it first\)$"
	# the hint of a shallow clone only in one; a repository with no
	# commit yet says so
	git clone -q --depth 1 "file://$tmp/r" "$tmp/rs" && cd "$tmp/rs"
	run --since HEAD~1 --no-config -q zones
	want_rc 2
	has "$tmp/err" "^--since: error: 'HEAD~1' names no commit of this repository \(this shallow clone may lack it: fetch it first\)$"
	mkdir -p "$tmp/rempty" && cd "$tmp/rempty" && git init -q
	cp -R "$tmp/r/zones" . && git add zones
	run --since HEAD --no-config -q zones
	want_rc 2
	has "$tmp/err" "^--since: error: 'HEAD' names no commit of this repository \(it has no commit yet\)$"
	cd "$tmp/r"
}

test_summary_needs_base() {
	repo
	run --summary zones/
	want_rc 2
	has "$tmp/err" 'summary compares each zone with its base'
	run --since HEAD --summary=html zones/
	want_rc 2
	has "$tmp/err" "summary wants text or markdown, not 'html'"
	mkfifo fifo
	run --since HEAD --summary-file fifo zones/
	want_rc 2
	has "$tmp/err" "cannot write the summary to 'fifo': not a regular file"
}

# A zone file and the file a zone $INCLUDEs may be links that stay in the
# tree: the base is read through them from its tree as the work tree and
# the index are read, so a zone unchanged has nothing to show and needs no
# new serial, and one changed through a link is compared with its base.
test_links() {
	repo
	mkdir shared
	git mv zones/mail.inc shared/mail.inc
	git mv zones/example.org.zone shared/example.org
	ln -s ../shared/mail.inc zones/mail.inc
	ln -s ../shared/example.org zones/example.org.zone
	git add -A && git_ commit -qm links
	echo unrelated >README && git add README && git_ commit -qm readme
	for base in "--since HEAD~1" --from-index; do
		# shellcheck disable=SC2086 # the option and its value, split
		run $base --no-config --summary -q -f gcc --select ZONE011 .
		want_rc 0
		[ ! -s "$tmp/err" ] || { show "$tmp/err"; exit 1; }
	done
	# (a walk of zones/ would refuse the links out of it: the tree is
	# linted whole)
	sed -i 's/MX\t10 mx1/MX\t10 mx3/' shared/mail.inc
	sed -i 's/MX\t20 mx2/MX\t30 mx2/' shared/example.org
	for base in "--since HEAD" --from-index; do
		git add -A
		# shellcheck disable=SC2086 # the option and its value, split
		run $base --no-config --summary -q -f gcc --select ZONE011 .
		want_rc 1
		has "$tmp/out" '^(\./)?zones/example\.com\.zone:3:.*\[ZONE011\]$'
		has "$tmp/out" '^(\./)?zones/example\.org\.zone:3:.*\[ZONE011\]$'
		has "$tmp/err" '^    MX added: 10 mx3\.example\.com\.$'
		has "$tmp/err" '^    MX preference of mx2\.example\.org\.: 20 -> 30$'
	done
	# A link through a name that is not there, or on past a file, leads
	# nowhere, as on disk, in the index and the base alike.
	git reset -q --hard
	ln -sf ../shared/nothere/../mail.inc zones/mail.inc
	git add -A && git_ commit -qm "a link through nothing"
	ln -sf ../shared/mail.inc/ zones/mail.inc
	git add -A
	for base in "" "--since HEAD" --from-index; do
		# shellcheck disable=SC2086 # the option and its value, split
		run $base --no-config -q -f gcc .
		want_rc 1
		has "$tmp/out" "^(\./)?zones/example\.com\.zone:[0-9]+:[0-9]+: error: cannot read include file 'zones/mail\.inc': "
		hasnt "$tmp/out" 'ZONE011'
	done
}

# One rule at a time, in a commit of its own, against the commit before.
lint_change() {
	git add -A && git_ commit -qm change
	run --since HEAD~1 --no-config --select CHG -f gcc zones/
}

test_rules_mx() {
	repo
	change
	lint_change
	want_rc 0
	has "$tmp/out" '^zones/mail\.inc:1:1: warning: the MX records of .example\.com\.. changed while their old TTL is 86400 s.*\[CHG001\]$'
	has "$tmp/out" "^zones/mail\.inc:3:1: warning: the addresses of MX target 'mx1\.example\.com\.' changed.*\[CHG001\]$"
	count "$tmp/out" 'CHG001' 2
	# the threshold is a tunable
	printf 'rules:\n  CHG001: { params: { ttl: 86400 } }\n' >.zonelint.yaml
	run --since HEAD~1 --select CHG -f gcc zones/
	hasnt "$tmp/out" 'CHG001'
}

test_rules_dkim_and_last_mx() {
	repo
	sed -i '/s2025._domainkey/d; /^@\t86400 IN MX/d' zones/mail.inc
	printf '@\tIN A\t192.0.2.80\n' >>zones/mail.inc
	lint_change
	want_rc 0
	has "$tmp/out" "^zones/example\.com\.zone:3:1: warning: DKIM selector 's2025\._domainkey\.example\.com\.' removed.*\[CHG004\]$"
	has "$tmp/out" '^(\./)?zones/example\.com\.zone:3:1: note: at the base, now gone: .s2025\._domainkey'
	has "$tmp/out" "^zones/mail\.inc:[0-9]+:1: warning: 'example\.com\.' lost its last MX record but keeps address records.*\[CHG005\]$"
}

# The pre-commit hook judges the staged change against HEAD.
test_rules_hook() {
	repo
	sed -i '/s2025._domainkey/d' zones/mail.inc
	git add -A
	run --from-index --no-config --select CHG004 -f gcc zones/
	want_rc 0
	count "$tmp/out" 'CHG004' 1
	git_ commit -qm "remove the selector"
	run --from-index --no-config --select CHG004 -f gcc zones/
	hasnt "$tmp/out" 'CHG004'
}

# The summary steps of the CI templates, run as written: GitHub's writes
# the job summary, GitLab's the artifact.
ci_line() {
	sed -n 's/^ *\(- run: \|run: \|- \)\(.*--summary=markdown.*\)$/\2/p' \
		"$root/hooks/$1"
}

test_summary_ci_templates() {
	repo
	change
	mkdir bin && ln -s "$zl" bin/zonelint
	gh=$(ci_line github-actions.yml)
	gl=$(ci_line gitlab-ci.yml)
	[ -n "$gh" ] && [ -n "$gl" ] || { echo "no summary step found"; exit 1; }
	PATH=$(pwd)/bin:$PATH ZONELINT_SINCE=--since=HEAD \
		GITHUB_STEP_SUMMARY=$(pwd)/step.md sh -c "$gh"
	# they lint ".": the zones found are named ./zones/...
	sed 's|^### `\./|### `|' step.md >step2.md
	same summary.md step2.md
	PATH=$(pwd)/bin:$PATH ZONELINT_SINCE=--since=HEAD sh -c "$gl"
	sed 's|^### `\./|### `|' zonelint-summary.md >gl.md
	same summary.md gl.md
}

# big V: a zone whose mail records are as large as a zone may make them:
# 30,000 MX records at one name, an SPF record of 7,500 terms in 250
# strings, a DMARC rua of 2,000 addresses; V shifts preferences and names.
big() {
	awk -v v="$1" 'BEGIN {
		printf "$ORIGIN example.com.\n$TTL 3600\n"
		printf "@ IN SOA ns1 h %d 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n", v
		for (i = 0; i < 30000; i++) printf "@ IN MX %d t%d\n", i + v, i
		printf "@ IN TXT \"v=spf1 \""
		for (i = 0; i < 250; i++) {
			printf " \""
			for (k = 0; k < 30; k++) printf "a:n%d ", i * 30 + k + v
			printf "\""
		}
		printf "\n_dmarc IN TXT \"v=DMARC1; p=none; rua=\""
		for (i = 0; i < 2000; i++)
			printf "%s%smailto:r%d@x.example%s", i % 8 ? "" : " \"",
				i ? "," : "", i + v, i % 8 == 7 ? "\"" : ""
		printf "\n"
	}'
}

# Comparing two versions stays near-linear in their records, terms and
# addresses (docs/limits.md): every MX preference moved, one SPF term and
# one report address replaced.
test_summary_bounds() {
	rm -rf b && mkdir b && cd b && git init -q
	big 1 >example.com.zone
	git add -A && git_ commit -qm base
	big 2 >example.com.zone
	t0=$(date +%s)
	rc=0
	timeout 300 "$zl" --since HEAD --no-config --summary -q -f gcc \
		example.com.zone >"$tmp/out" 2>"$tmp/err" || rc=$?
	secs=$(($(date +%s) - t0))
	[ "$rc" -le 1 ] || { echo "exit status $rc"; show "$tmp/err"; exit 1; }
	[ "$secs" -le 60 ] || { echo "took ${secs}s"; exit 1; }
	count "$tmp/err" '^    MX preference of t[0-9]+\.example\.com\.: ' 30000
	count "$tmp/err" '^    SPF term (added|removed): ' 2
	has "$tmp/err" '^    SPF term removed: a:n1$'
	has "$tmp/err" '^    SPF term added: a:n7501$'
	count "$tmp/err" '^    DMARC rua address (added|removed): ' 2
}

# The git hook itself (hooks/pre-commit), in a repository whose
# .zonelint.yaml makes CHG004 an error: a commit that removes a DKIM
# selector is refused; revoking the key instead goes through.
test_rules_real_hook() {
	repo
	export ZONELINT="$zl"
	mkdir hooks
	cp "$root/hooks/pre-commit" hooks/
	git config core.hooksPath hooks
	printf 'rules:\n  CHG004: error\n' >.zonelint.yaml
	git add -A && git_ commit -qm config
	sed -i 's/2026120101/2026120102/' zones/example.com.zone
	sed -i '/s2025._domainkey/d' zones/mail.inc
	git add -A
	rc=0
	git_ commit -qm "drop s2025" >"$tmp/out" 2>&1 || rc=$?
	[ "$rc" -ne 0 ] || { echo "the commit went through"; show "$tmp/out"; exit 1; }
	has "$tmp/out" "error: DKIM selector 's2025\._domainkey\.example\.com\.' removed.*\[CHG004\]"
	count "$tmp/out" ': error: ' 1
	git checkout -q HEAD -- zones/mail.inc
	sed -i 's|^s2025._domainkey.*|s2025._domainkey\tIN TXT\t"v=DKIM1; k=ed25519; p="|' \
		zones/mail.inc
	git add -A
	git_ commit -qm "revoke s2025" >"$tmp/out" 2>&1 ||
		{ show "$tmp/out"; exit 1; }
	hasnt "$tmp/out" 'CHG004'
}

# WKS service names, read through the C library's getservbyname() and its
# static buffer: zones loading side by side once read each other's, and
# an unchanged zone then differed from its base.
test_wks_threads() {
	getent services smtp >/dev/null 2>&1 || { echo "# skip: no services database"; return 0; }
	rm -rf w && mkdir w && cd w && git init -q
	for z in 1 2 3 4; do
		{ head_ "w$z.test." 1
		  i=0
		  while [ $i -lt 400 ]; do
			printf 'h%s\tIN WKS\t192.0.2.1 tcp smtp domain http\n' $i
			i=$((i + 1))
		  done; } >"w$z.test.zone"
	done
	git_ add . && git_ commit -qm base
	run -j 4 --select ZONE011 --format gcc --since HEAD .
	cd "$tmp"
	want_rc 0 && hasnt out 'ZONE011'
}

t "summary, text: rename, include alone, added, deleted" test_summary_text
t "summary, markdown" test_summary_markdown
t "summary of a staged change (--from-index)" test_summary_staged
t "summary steps of the CI templates, as written" test_summary_ci_templates
t "deleted zones below the paths given; a path outside" test_summary_operands
t "zones renamed out of the paths linted, or to no zone's name" test_summary_gone
t "no mail change, empty summary" test_summary_nothing
t "summary of records as large as they come" test_summary_bounds
t "a link at --summary-file is replaced, not followed" test_summary_link
t "--summary needs a base and a known format" test_summary_needs_base
t "--since from outside any repository says so" test_since_outside_repository
t "a target listed twice, unchanged, is no change" test_summary_target_twice
t "links in the tree: the base read through them too" test_links
t "CHG001: MX and MX target changed under a long TTL" test_rules_mx
t "CHG004, CHG005: selector removed, last MX dropped" test_rules_dkim_and_last_mx
t "the staged change against HEAD" test_rules_hook
t "the pre-commit hook refuses a selector removed" test_rules_real_hook
t "WKS service names in zones loaded in threads" test_wks_threads
finish
