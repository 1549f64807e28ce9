#!/bin/sh
# confine.sh - files and links: what zonelint opens because of the tree's
# content (zones found by a walk, $INCLUDE, a config found by the search,
# rule files in a --rules directory, what a server configuration includes)
# stays inside the tree and the paths --allow-include names, and nothing of
# a file outside ever reaches the output, in any format; FIFOs never block;
# --output, signals and a closed pipe.  Real links, FIFOs and deep trees
# are made here, in a temporary directory.  Rules: docs/limits.md, "Files,
# links and confinement".
#
# usage: tests/confine.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind).
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$(dirname "$here")/tools/deps.sh" cmd:named-checkconf:bind9-utils \
	cmd:knotc:knot cmd:nsd-checkconf:nsd cmd:strace:strace cmd:git:git ||
	exit 1
PATH=$PATH:/usr/sbin:/sbin
export PATH

suite confine.sh "${1:-}"

cd "$tmp" || exit 1
export LC_ALL=C

# A run over this many seconds counts as a hang (a FIFO waited on).
limit=20
[ -z "${ZONELINT_WRAPPER:-}" ] || limit=300

# The secret planted outside the tree, in the environment and in .git: it
# must never be printed.
canary="ZLCANARY-$$-$(date +%s)"
export ZL_TEST_SECRET="$canary"
grep -v '^$' /etc/passwd >passwd.pat

# run ARG...: zonelint with stdout in $tmp/out, stderr in $tmp/err and the
# status in $rc; killed after $limit seconds (status 124).
run() {
	timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# no_leak FILE...: neither the canary nor a line of /etc/passwd.
no_leak() {
	for f; do
		if grep -Fq -e "$canary" "$f" || grep -Fq -f "$tmp/passwd.pat" "$f"
		then
			echo "$f shows a file from outside the tree:"
			show "$f"
			return 1
		fi
	done
}

# The formats this zonelint offers, from its --help.
formats() {
	"$zl" --help | sed -n 's/.*--format FMT *//p' |
		sed 's/(default)//; s/,/ /g'
}

zone() {
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 3600' '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
		'@ IN NS ns1' 'ns1 IN A 192.0.2.53' '@ IN MX 10 192.0.2.1'
}

# The world outside the tree, and a tree that points at it.
mkdir outside
printf '%s\n' "$canary" "second line of $canary" >outside/secret.txt
printf '%s: [\n  - "%s"\n' "$canary" "$canary" >outside/secret.yaml
printf '%s\n' "$canary" >outside/mail.inc
printf '%s;\n' "$canary" >outside/secret.conf

# ---- zones found by a directory walk ----

mk_tree() {
	mkdir -p tree/.git
	zone >tree/example.com.zone
	printf '[http]\n\textraheader = AUTHORIZATION: basic %s\n' "$canary" \
		>tree/.git/config
	ln -s /proc/self/environ tree/env.zone
	ln -s /etc/passwd tree/passwd.example.zone
	ln -s ../outside/secret.txt tree/rel.example.zone
	ln -s "$tmp/outside/secret.txt" tree/abs.example.zone
	ln -s .git/config tree/git.example.zone
	# A link that stays inside the tree is followed.
	ln -s example.com.zone tree/example.net.zone
}
mk_tree

test_walk() {
	for fmt in $(formats); do
		run --format "$fmt" tree
		no_leak "$tmp/out" "$tmp/err" && want_rc 2 || {
			echo "format $fmt"
			return 1
		}
	done
	for z in env passwd.example rel.example abs.example git.example; do
		has "$tmp/err" "^tree/$z\\.zone: error: cannot read 'tree/$z\\.zone': " ||
			return 1
	done
	# The link inside the tree was linted, under its own name.
	run --format gcc tree
	has "$tmp/out" '^tree/example\.net\.zone:5:[0-9]+: error: .*\[MX001\]$'
}

# The README's CI command, run at the top of the tree.
test_walk_ci() {
	(cd tree && timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" \
		--format github . >"$tmp/out" 2>"$tmp/err")
	rc=$?
	no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
	has "$tmp/err" "^\\./env\\.zone: error: cannot read '\\./env\\.zone': a symbolic link leads out of '\\.'" &&
	has "$tmp/out" '^::error file=example\.com\.zone,'
}

# ---- $INCLUDE ----

test_include() {
	mkdir -p inc
	zone >inc/example.com.zone
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	printf '$INCLUDE %s\n' ../outside/mail.inc "$tmp/outside/mail.inc" \
		.git/config link.inc >>inc/example.com.zone
	mkdir -p inc/.git && cp tree/.git/config inc/.git/config
	ln -s ../outside/mail.inc inc/link.inc
	for fmt in $(formats); do
		run --format "$fmt" inc/example.com.zone
		no_leak "$tmp/out" "$tmp/err" && want_rc 1 || {
			echo "format $fmt"
			return 1
		}
	done
	run --format gcc inc
	want_rc 1 &&
	count "$tmp/out" "^inc/example\\.com\\.zone:[6-9]:10: error: cannot read include file '.*': .*(leads out of|outside) 'inc'" 3 &&
	has "$tmp/out" "^inc/example\\.com\\.zone:8:10: error: cannot read include file '\\.git/config': .*\\.git" || return 1
	# each refused as outside says how to allow it, as a zone file a
	# server's configuration names there does; .git's refusal does not
	run --format text inc
	count "$tmp/out" "^ *= help: .* with --allow-include PATH$" 3
}

test_include_fifo() {
	mkdir -p incfifo
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	{ zone; echo '$INCLUDE pipe.inc'; } >incfifo/example.com.zone
	mkfifo incfifo/pipe.inc
	for op in incfifo/example.com.zone incfifo; do
		run --format gcc "$op"
		want_rc 1 &&
		has "$tmp/out" "^incfifo/example\\.com\\.zone:6:10: error: cannot read include file 'pipe\\.inc': not a regular file" ||
			return 1
	done
}

# --stdin-filename through a link out of the tree (the git hook names
# staged files by their path in the tree) leaves the include root where it
# is.
test_stdin_filename_link() {
	mkdir -p repo
	ln -s ../outside repo/zones
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	{ zone; echo '$INCLUDE mail.inc'; } >repo.zone
	(cd repo && timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" --format gcc \
		--stdin-filename zones/example.com.zone - \
		<"$tmp/repo.zone" >"$tmp/out" 2>"$tmp/err")
	rc=$?
	no_leak "$tmp/out" "$tmp/err" && want_rc 1 &&
	has "$tmp/out" "^zones/example\\.com\\.zone:6:10: error: cannot read include file 'mail\\.inc': a symbolic link leads out of '\\.'"
}

# $INCLUDE in a repository: confined to the repository root whatever path
# names the zone (a directory below it, the file, the git hook's staged
# blob), and a relative name is looked for beside the including file,
# then from the repository root.
mk_repo() {
	mkdir -p zrepo/.git zrepo/zones/sub zrepo/common shared
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	{
		zone
		printf '%s\n' '$INCLUDE ../common/mail.inc' \
			'$INCLUDE common/spf.inc' '$INCLUDE missing.inc' \
			'$INCLUDE ../../outside/mail.inc' \
			"\$INCLUDE $tmp/shared/dmarc.inc"
	} >zrepo/zones/example.com.zone
	printf '%s\n' 'mail IN A 192.0.2.25' >zrepo/common/mail.inc
	printf '%s\n' '@ IN TXT "v=spf1 -all"' 'x IN TXT "v=spf1 bogus"' \
		>zrepo/common/spf.inc
	printf '%s\n' '_dmarc IN TXT "v=DMARC1; p=reject"' >shared/dmarc.inc
}

# repo_findings PREFIX: the output of a run over the zone named
# PREFIXexample.com.zone (PREFIX as shown: "zones/", "", ...).
repo_findings() {
	no_leak "$tmp/out" "$tmp/err" && want_rc 1 &&
	# ../common/mail.inc beside it and common/spf.inc from the root were
	# read: SPF's error is in the second, and only one include fails.
	has "$tmp/out" "^${2:-}common/spf\\.inc:2:[0-9]+: error: .*\\[SPF" &&
	has "$tmp/out" "^$1example\\.com\\.zone:8:10: error: cannot read include file 'missing\\.inc': .*looked in '$3', the including file's directory, and in '$4', the repository root" &&
	has "$tmp/out" "^$1example\\.com\\.zone:9:10: error: cannot read include file '\\.\\./\\.\\./outside/mail\\.inc': .*(leads out of|outside) '$4'" &&
	has "$tmp/out" "^$1example\\.com\\.zone:10:10: error: cannot read include file '.*/shared/dmarc\\.inc': .*outside '$4'" &&
	count "$tmp/out" "error: cannot read include file" 3
}

test_include_repo() {
	mk_repo
	run --format gcc zrepo/zones
	repo_findings zrepo/zones/ zrepo/ zrepo/zones zrepo || return 1
	run --format gcc zrepo/zones/example.com.zone
	repo_findings zrepo/zones/ zrepo/ zrepo/zones zrepo || return 1
	(cd zrepo/zones && timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" \
		--format gcc . >"$tmp/out" 2>"$tmp/err")
	rc=$?
	repo_findings '\./' "$tmp/zrepo/" '\.' "$tmp/zrepo" || return 1
	# The git hook: the staged blob on stdin, named by its path in the
	# repository, from the repository's top.
	(cd zrepo && timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" \
		--format gcc --stdin-filename zones/example.com.zone - \
		<zones/example.com.zone >"$tmp/out" 2>"$tmp/err")
	rc=$?
	repo_findings zones/ '' zones '\.' || return 1
	# --allow-include still widens the root.
	run --format gcc --allow-include "$tmp/shared" zrepo/zones
	no_leak "$tmp/out" "$tmp/err" && want_rc 1 &&
	count "$tmp/out" "error: cannot read include file" 2 &&
	hasnt "$tmp/out" "shared/dmarc\\.inc"
}

# An absolute $INCLUDE name, or the target of a link, that passes through
# a directory outside the tree and comes back with '..' is read or refused
# alike whether that directory exists or not: what the run says must not
# tell whether a path outside exists.  The same for a name that leads out
# to a path --allow-include names.
test_include_dotdot_oracle() {
	mkdir -p dd/zones/sub ddshared && mkdir -p outside/sub || return 1
	echo 'mail IN A 192.0.2.25' >ddshared/mail.inc
	echo '@ IN MX 10 192.0.2.1' >dd/zones/mx.inc
	for d in outside/sub nonexistent/sub; do
		k=${d%%/*}
		# shellcheck disable=SC2016 # $INCLUDE is zone text
		{
			zone
			echo "\$INCLUDE $tmp/$d/../../dd/zones/mx.inc"
			echo "\$INCLUDE link-$k.inc"
			echo "\$INCLUDE sub/../link-$k.inc"
			echo "\$INCLUDE ../../$d/../../ddshared/mail.inc"
		} >"dd/zones/$k.example.zone"
		ln -s "$tmp/$d/../../dd/zones/mx.inc" "dd/zones/link-$k.inc"
	done
	for z in outside nonexistent; do
		run --format gcc --allow-include ddshared "dd/zones/$z.example.zone"
		no_leak "$tmp/out" "$tmp/err" || return 1
		sed "s/$z/NAME/g" "$tmp/out" >"$tmp/out.$z"
	done
	cmp -s "$tmp/out.outside" "$tmp/out.nonexistent" || {
		echo "the output tells whether $tmp/outside/sub exists:"
		diff "$tmp/out.outside" "$tmp/out.nonexistent"
		return 1
	}
}

# ---- $INCLUDE under --allow-include ----

# $INCLUDE under --allow-include reads nothing below .git either, even
# when the allowed path names it or lies in it.
test_include_allow_git() {
	mkdir -p agit/zones other/.git
	printf '%s\n' "$canary" >other/.git/secret.inc
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	{ zone; echo "\$INCLUDE $tmp/other/.git/secret.inc"; } \
		>agit/zones/example.com.zone
	for allow in other other/.git other/.git/secret.inc; do
		run --format gcc --allow-include "$allow" agit/zones
		no_leak "$tmp/out" "$tmp/err" && want_rc 1 &&
		has "$tmp/out" "^agit/zones/example\\.com\\.zone:6:10: error: cannot read include file '.*': nothing below \\.git is read" ||
			return 1
	done
}

# ---- server configurations ----

# A server's configuration in srv/etc that includes what srv/opt/dns holds,
# as a checkout's named.conf may include /etc/bind/named.conf.options: the
# zone example.org and its file.  Each server's own checker accepts it there.
mk_srv() {
	a=$tmp/srv/opt/dns
	mkdir -p srv/etc "$a/conf.d" "$a/.git"
	zone >"$a/db.example.org"
	printf '%s\n' "$canary" >"$a/.git/config"
	printf 'options { directory "%s"; };\ninclude "%s/zones.conf";\n' \
		"$a" "$a" >srv/etc/named.conf
	printf 'zone "example.org" { type primary; file "db.example.org"; };\n' \
		>"$a/zones.conf"
	printf 'template:\n  - id: default\n    storage: "%s"\ninclude: %s/zones.yaml\n' \
		"$a" "$a" >srv/etc/knot.conf
	printf 'zone:\n  - domain: example.org\n    file: db.example.org\n' \
		>"$a/zones.yaml"
	printf 'server:\n\tzonesdir: "%s"\ninclude: "%s/conf.d/*.conf"\n' \
		"$a" "$a" >srv/etc/nsd.conf
	printf 'zone:\n\tname: example.org\n\tzonefile: db.example.org\n' \
		>"$a/conf.d/a.conf"
	(cd srv/etc && named-checkconf -z named.conf &&
		knotc -c knot.conf conf-check &&
		nsd-checkconf nsd.conf) >"$tmp/check" 2>&1 || {
		echo "a server's checker refuses srv/etc"
		show "$tmp/check"
		return 1
	}
}

# Without --allow-include an include out of the configuration's directory
# stops the run, naming the option; with it, the configuration is read and
# its zone linted, under each server.
test_server_allow() {
	mk_srv || return 1
	for k in named knot nsd; do
		run --server-config "srv/etc/$k.conf"
		want_rc 2 &&
		has "$tmp/err" "^srv/etc/$k\\.conf:[2-4]:[0-9]+: error: .*(outside|leads out of) 'srv/etc'" &&
		has "$tmp/err" "= help: .*--allow-include" || return 1
		run --format gcc --allow-include srv/opt/dns \
			--server-config "srv/etc/$k.conf"
		want_rc 1 && hasnt "$tmp/err" "error:" &&
		has "$tmp/out" "^$a/db\\.example\\.org:5:[0-9]+: error: .*\\[MX001\\]" ||
			return 1
	done
}

# srv_refused KIND INCLUDE [ALLOW]: the KIND configuration in srv/etc
# whose only include is INCLUDE, read with --allow-include ALLOW (default
# srv/opt/dns), stops the run (exit 2) showing nothing of outside.
srv_refused() {
	case $1 in
	named) printf 'include "%s";\n' "$2" ;;
	knot) printf 'include: %s\n' "$2" ;;
	nsd) printf 'include: "%s"\n' "$2" ;;
	esac >"srv/etc/$1.conf"
	run --allow-include "${3:-srv/opt/dns}" --server-config "srv/etc/$1.conf"
	no_leak "$tmp/out" "$tmp/err" && want_rc 2
}

# What --allow-include names is read as confined as the configuration's
# own directory: a link in it that leads out, '..', a pattern that leads
# out once unquoted or in one of its braces' alternatives, a directory a
# pattern reaches through a link, and .git, even one that it names.
test_server_allow_hostile() {
	mk_srv || return 1
	ln -s ../../../outside/secret.conf "$a/evil.conf"
	ln -s ../../../outside "$a/out"
	srv_refused named "$a/evil.conf" &&
	has "$tmp/err" "cannot read included file '.*/evil\\.conf': outside 'srv/etc'" ||
		return 1
	# the check of the check: with outside allowed, the secret is read
	run --allow-include outside --server-config srv/etc/named.conf
	grep -Fq -e "$canary" "$tmp/err" ||
		{ echo "the secret is not shown when read"; return 1; }
	srv_refused named "$a/../../../outside/secret.conf" &&
	has "$tmp/err" "cannot read included file '.*': outside 'srv/etc'" &&
	srv_refused knot "$a/conf.d/\\.\\./\\.\\./\\.\\./\\.\\./outside/*.conf" &&
	has "$tmp/err" "include pattern '.*' leads out of 'srv/etc'" &&
	srv_refused nsd "$tmp/{srv/opt/dns/conf.d/a.conf,outside/secret.conf}" &&
	has "$tmp/err" "include pattern '.*' leads out of 'srv/etc'" ||
		return 1
	for allow in srv/opt/dns srv/opt/dns/.git; do
		srv_refused named "$a/.git/config" "$allow" &&
		has "$tmp/err" "error: .*: nothing below \\.git is read" &&
		srv_refused named "$a/.git/conf*" "$allow" &&
		has "$tmp/err" "error: include pattern '.*' matches no file" ||
			return 1
	done
	# A directory reached through a link out of what is allowed is not
	# even listed: strace sees no open of it.
	printf 'include: "%s/out/*.conf"\n' "$a" >srv/etc/nsd.conf
	strace -f -qq -e trace=open,openat -o "$tmp/trace" "$zl" \
		--allow-include srv/opt/dns --server-config srv/etc/nsd.conf \
		>"$tmp/out" 2>"$tmp/err"
	hasnt "$tmp/trace" '/out"|/outside' && no_leak "$tmp/out" "$tmp/err"
}

# A server configuration's include pattern or file that passes through a
# link out of the tree and comes back with '..' gets the same answer
# whether the directory it passed exists or not: what the run says must
# not tell whether a path outside exists.
test_server_dotdot_oracle() {
	mkdir -p so/etc outside/sub || return 1
	ln -s "$tmp/outside" so/etc/out
	for d in sub absent; do
		printf 'include: "out/%s/../../so/etc/nothing/*.conf"\n' "$d" \
			>so/etc/nsd-$d.conf
		printf 'zone "." { type hint; file "out/%s/../../so/etc/nothing/root.hints"; };\n' \
			"$d" >so/etc/named-$d.conf
	done
	for k in nsd named; do
		for d in sub absent; do
			run --server-config "so/etc/$k-$d.conf"
			no_leak "$tmp/out" "$tmp/err" || return 1
			sed "s/$d/NAME/g" "$tmp/err" >"$tmp/err.$d"
			echo "exit $rc" >>"$tmp/err.$d"
		done
		cmp -s "$tmp/err.sub" "$tmp/err.absent" || {
			echo "$k: the run tells whether $tmp/outside/sub exists:"
			diff "$tmp/err.sub" "$tmp/err.absent"
			return 1
		}
	done
}

# A '..' after a link inside the tree is taken where the link leads, as
# the kernel and the servers take it: "link/../z.db" is deep/z.db when
# link leads to deep/dir, not the z.db beside the link.  The servers then
# load the broken file, and zonelint must read that one too.  A path that
# leaves the root on the way and comes back ("sub/../../dd/z.db") is
# read as before.  An $INCLUDE's path is taken alike.
test_server_dotdot_link() {
	mkdir -p dd/deep/dir dd/sub || return 1
	ln -s deep/dir dd/link
	zone >dd/z.db
	{ zone; printf 'www IN A 192.0.2.80\nwww IN CNAME mail\n'; } \
		>dd/deep/z.db
	printf 'zone "example.com" { type primary; file "link/../z.db"; };\n' \
		>dd/named.conf
	printf 'server:\n  zonesdir: ""\nzone:\n  name: example.com\n  zonefile: "link/../z.db"\n' \
		>dd/nsd.conf
	printf 'include "link/../b.conf";\n' >dd/inc.conf
	printf 'zone "deep.example" { type primary; };\n' >dd/deep/b.conf
	printf 'zone "example.com" { type primary; file "z.db"; };\n' \
		>dd/b.conf
	cd dd || return 1
	for c in named nsd; do
		run --no-config --format gcc --server-config "$c.conf"
		want_rc 1 && has "$tmp/out" '^link/\.\./z\.db:[0-9]+:[0-9]+: error: .*\[CNAME001\]$' ||
			return 1
	done
	run --no-config --format gcc --server-config inc.conf
	want_rc 2 && has "$tmp/err" "^link/\\.\\./b\\.conf:1:6: error: zone 'deep\\.example\\.': missing 'file' entry" ||
		return 1
	printf 'zone "example.com" { type primary; file "sub/../../dd/z.db"; };\n' \
		>named.conf
	run --no-config --format gcc --server-config named.conf
	want_rc 1 && has "$tmp/out" '^sub/\.\./\.\./dd/z\.db:' &&
		hasnt "$tmp/out" 'CNAME001' || return 1
	# $INCLUDE alike
	{ zone; printf '$INCLUDE link/../www.inc\n'; } >zi.db
	printf 'www IN A 192.0.2.80\n' >www.inc
	printf 'www IN A 192.0.2.80\nwww IN CNAME mail\n' >deep/www.inc
	run --no-config --format gcc --origin example.com zi.db
	want_rc 1 && has "$tmp/out" ':2:8: error: .*\[CNAME001\]$'
}

# ---- what the command line names in a repository ----

# CI names paths of the checkout (zonelint zones/, --server-config
# etc/named.conf), but the pull request decides what they are: a link out
# of the repository is refused for each, and nothing of what it leads to
# is shown; a link inside is followed, and a path outside named as such is
# read as before.
test_named_in_repo() {
	mkdir -p nrepo/.git nrepo/real outside/zones
	zone >nrepo/real/example.com.zone
	{ zone; echo "x IN TXT \"$canary\""; } >outside/zones/example.org.zone
	ln -s ../outside/zones nrepo/zones
	ln -s ../outside/secret.yaml nrepo/ci.yaml
	ln -s ../outside/secret.conf nrepo/named.conf
	ln -s / nrepo/shared
	ln -s real nrepo/inside
	(
	cd nrepo || exit 1
	for args in zones zones/ zones/example.org.zone "$tmp/nrepo/zones" \
		"--config ci.yaml real" "--rules ci.yaml real" \
		"--baseline ci.yaml real" "--server-config named.conf" \
		"--server-config named:named.conf" "--allow-include shared real"
	do
		# shellcheck disable=SC2086 # the options, split
		run --format gcc $args
		no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
		has "$tmp/err" "cannot read .*'.*': a symbolic link leads out of '\.'" || {
			echo "zonelint $args"
			exit 1
		}
	done
	run --format gcc inside
	want_rc 1 && has "$tmp/out" '^inside/example\.com\.zone:5:[0-9]+: .*\[MX001\]' ||
		exit 1
	# named as what it is, outside the repository, it is read
	run --format gcc ../outside/zones
	want_rc 1 &&
	has "$tmp/out" '^\.\./outside/zones/example\.org\.zone:5:[0-9]+: .*\[MX001\]'
	)
}

# ---- configs and rule files ----

test_config_link() {
	mkdir -p cfg/.git cfg/ok
	zone >cfg/example.com.zone
	ln -s ../outside/secret.yaml cfg/.zonelint.yaml
	run --format gcc cfg/example.com.zone
	no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
	has "$tmp/err" "cannot read config file 'cfg/\\.zonelint\\.yaml': a symbolic link leads out of '.*/cfg'" ||
		return 1
	# A link inside the repository is followed.
	printf 'rules: { MX001: note }\n' >cfg/shared.yaml
	ln -s ../shared.yaml cfg/ok/.zonelint.yaml
	zone >cfg/ok/example.com.zone
	run --format gcc cfg/ok/example.com.zone
	want_rc 0
}

# packs: of a config name directories below it: a link on the way is not
# followed, whatever it leads to, so nothing outside is listed or looked
# for; nor is .git read.
test_packs_link() {
	mkdir -p pk/.git pk/zones
	zone >pk/zones/example.com.zone
	ln -s / pk/rootlnk
	for p in rootlnk/etc rootlnk/nonexistent .git; do
		printf 'packs: [%s]\n' "$p" >pk/.zonelint.yaml
		run --format gcc pk/zones/example.com.zone
		no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
		has "$tmp/err" "\\.zonelint\\.yaml:1:9: error: cannot read rule pack" &&
		hasnt "$tmp/err" "rule files in this directory" &&
		hasnt "$tmp/err" "No such file" || return 1
	done
	# A pack that is a link out, or leads nowhere, is refused at its
	# place in the config, as one that is missing.
	ln -s ../../outside/secret.yaml pk/out.yaml
	ln -s missing.yaml pk/dangling.yaml
	for p in out.yaml dangling.yaml; do
		printf 'packs: [%s]\n' "$p" >pk/.zonelint.yaml
		run --format gcc pk/zones/example.com.zone
		no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
		has "$tmp/err" "^pk/\\.zonelint\\.yaml:1:9: error: cannot read rule file '.*$p'" ||
			return 1
	done
}

test_rules_dir_link() {
	mkdir -p rules
	printf 'rules: []\n' >rules/a.yaml
	ln -s ../outside/secret.yaml rules/b.yaml
	run --rules rules tree/example.com.zone
	no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
	has "$tmp/err" "cannot read rule file 'rules/b\\.yaml': a symbolic link leads out of 'rules'" ||
		return 1
	# Named on the command line, a link is followed.
	ln -s rules/a.yaml named.yaml
	run --rules named.yaml tree/example.com.zone
	want_rc 1
}

# ---- FIFOs ----

test_fifo_operand() {
	mkfifo fifo.zone fifo.yaml
	run fifo.zone
	want_rc 2 && has "$tmp/err" "^fifo\\.zone: error: cannot read 'fifo\\.zone': not a regular file" ||
		return 1
	run --rules fifo.yaml tree/example.com.zone
	want_rc 2 && has "$tmp/err" "cannot read rule file 'fifo\\.yaml': not a regular file" ||
		return 1
	run --config fifo.yaml tree/example.com.zone
	want_rc 2 && has "$tmp/err" "cannot read config file 'fifo\\.yaml': not a regular file" ||
		return 1
	mkdir -p walk && zone >walk/example.com.zone && mkfifo walk/x.zone
	run walk
	want_rc 2 && has "$tmp/err" "^walk/x\\.zone: error: cannot read 'walk/x\\.zone': not a regular file"
}

# ---- a path longer than PATH_MAX below a directory operand ----

# The tree is built from the bottom up, so that no command names a path
# that long.
test_long_path() {
	name=$(printf '%0250d' 0)
	mkdir chain && zone >chain/example.com.zone || return 1
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do
		mkdir up && mv chain "up/$name" && mv up chain || return 1
	done
	mv chain deep || return 1
	run deep
	want_rc 2 && has "$tmp/err" "^deep/0+/.*: error: File name too long"
}

# ---- --output ----

test_output_not_regular() {
	zone >o.zone
	mkfifo out.fifo
	run --output out.fifo o.zone
	want_rc 2 && [ -p out.fifo ] &&
	has "$tmp/err" "cannot write the report to 'out\\.fifo': not a regular file" ||
		return 1
	ln -s /dev/null null.link
	run --output null.link o.zone
	want_rc 2 && [ -L null.link ] || return 1
	mkdir out.dir
	run --output out.dir o.zone
	want_rc 2 && has "$tmp/err" "'out\\.dir': not a regular file" || return 1
	[ -z "$(ls -A out.dir)" ] || { ls -A out.dir; return 1; }
	# As root, renaming over /dev/null would replace the device node.
	if [ "$(id -u)" = 0 ]; then
		run --output /dev/null o.zone
		want_rc 2 && [ -c /dev/null ] || return 1
	fi
	for f in out.fifo.* null.link.*; do
		[ ! -e "$f" ] || { echo "left behind: $f"; return 1; }
	done
}

# --output, --summary-file and --write-baseline replace a link at their
# path, but a directory on the way is followed: when the path lies in the
# current directory's repository, a pull request may have made reports/
# (or reports/.., or a/b with a a link) lead to a directory of the CI
# host.  Refused before linting, as a file named there is for reading; a
# real directory, or a path outside the repository named as such, is
# written as before.
test_output_dir_link() {
	mkdir -p orepo/.git orepo/real/sub outside/reports
	zone >orepo/example.com.zone
	ln -s ../outside orepo/reports
	ln -s "$tmp/outside" orepo/real/abs
	(
	cd orepo || exit 1
	for path in reports/r.txt reports/../outside/reports/r.txt \
		real/abs/r.txt real/abs/reports/r.txt; do
		for opt in --output --write-baseline \
			"--since HEAD --summary --summary-file"; do
			# shellcheck disable=SC2086 # the options, split
			run $opt "$path" example.com.zone
			want_rc 2 &&
			has "$tmp/err" "cannot write the (report|summary|baseline) to '$path': a symbolic link leads out of '\\.'" ||
				exit 1
			[ -z "$(ls -A "$tmp/outside/reports")" ] &&
			! ls "$tmp/outside"/r.txt* >/dev/null 2>&1 || {
				echo "zonelint $opt $path wrote outside:"
				ls -lA "$tmp/outside" "$tmp/outside/reports"
				exit 1
			}
		done
	done
	for path in real/sub/r.txt "$tmp/outside/reports/r.txt"; do
		run --output "$path" example.com.zone
		want_rc 1 && [ -s "$path" ] && rm "$path" || exit 1
		run --write-baseline "$path" example.com.zone
		want_rc 0 && [ -s "$path" ] && rm "$path" || exit 1
	done
	)
}

# A signal while the report is written removes the temporary file: the
# run is stopped as soon as the file appears, signalled, and continued.
report_zone() {
	zone
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "h%d IN MX 10 192.0.2.%d\n", i, i % 250 + 1 }'
}

# signal_during_write SIGNAL STATUS (a job started by sh ignores SIGINT:
# env gives it the default action back, as in a terminal)
signal_during_write() {
	sig=$1
	want=$2
	rm -rf sig && mkdir sig && echo 'previous report' >sig/report
	env --default-signal="$sig" ${ZONELINT_WRAPPER:-} "$zl" -q \
		--format sarif --output sig/report big.example.zone \
		>/dev/null 2>"$tmp/err" &
	pid=$!
	tmpf=
	while kill -0 "$pid" 2>/dev/null; do
		set -- sig/report.??????
		if [ -e "$1" ]; then
			kill -STOP "$pid"
			tmpf=$1
			break
		fi
		sleep 0.01
	done
	if [ -z "$tmpf" ] || [ ! -e "$tmpf" ]; then
		kill -CONT "$pid" 2>/dev/null
		wait "$pid"
		echo "the report was written before it could be signalled"
		return 1
	fi
	kill "-$sig" "$pid"
	kill -CONT "$pid"
	wait "$pid"
	rc=$?
	[ "$rc" -eq "$want" ] || { echo "exit status $rc, wanted $want"; return 1; }
	[ "$(ls -A sig)" = report ] || { echo "left behind:"; ls -A sig; return 1; }
	[ "$(cat sig/report)" = 'previous report' ]
}

test_signal_cleanup() {
	n=5000
	[ -z "${ZONELINT_WRAPPER:-}" ] || n=1000
	report_zone "$n" >big.example.zone
	signal_during_write INT 130 && signal_during_write TERM 143
}

# A reader that goes away early: not a death by SIGPIPE (141), but the
# status of the findings, and no complaint.
test_epipe() {
	[ -f big.example.zone ] || report_zone 5000 >big.example.zone
	{
		${ZONELINT_WRAPPER:-} "$zl" --format json big.example.zone 2>"$tmp/err"
		echo $? >"$tmp/rc"
	} | head -c 1 >/dev/null
	rc=$(cat "$tmp/rc")
	want_rc 1 && hasnt "$tmp/err" 'cannot write' || return 1
	{
		${ZONELINT_WRAPPER:-} "$zl" --fail-on never --format json \
			big.example.zone 2>/dev/null
		echo $? >"$tmp/rc"
	} | head -c 1 >/dev/null
	rc=$(cat "$tmp/rc")
	want_rc 0
}

# ---- git ----

# git_sandbox DIR: in the calling subshell, git reads no configuration
# but the test's own (a HOME of its own, no system file, none of the
# caller's GIT_* variables), and DIR is a new repository, entered.
git_sandbox() {
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
		GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CONFIG_COUNT
	export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1
	mkdir -p "$HOME" "$1" && cd "$1" && git init -q
}

# git reads commands from the repository's own configuration even for the
# reading commands zonelint runs: an fsmonitor hook (ls-files, diff), the
# clean filter of a file it hashes (a diff against the work tree) and, in
# a partial clone, the fetch of a missing object (remote.NAME.uploadpack).
# A checkout's .git/config is not zonelint's to trust: none of them runs.
test_git_config_commands() {
	(
	git_sandbox gitcfg || exit 1
	# shellcheck disable=SC2016 # $0 is the scripts' own
	printf '#!/bin/sh\necho "$0" >>"%s/ran"\nexit 1\n' "$tmp" >"$tmp/hook"
	# shellcheck disable=SC2016
	printf '#!/bin/sh\necho "$0" >>"%s/ran"\nexec cat\n' "$tmp" >"$tmp/clean"
	chmod +x "$tmp/hook" "$tmp/clean"
	zone >example.com.zone && zone >example.net.zone &&
	echo '*.zone filter=evil' >.gitattributes &&
	git add . && git -c user.name=t -c user.email=t@example.com \
		commit -qm 1 && git config uploadpack.allowFilter true &&
	git config core.fsmonitor "$tmp/hook" &&
	git config filter.evil.clean "$tmp/clean" &&
	git config filter.evil.process "$tmp/clean" || exit 1
	echo 'x IN A 192.0.2.9' >>example.com.zone
	git mv example.net.zone example.org.zone 2>/dev/null &&
	touch -d 2001-01-01 ./*.zone
	for args in "--from-index ." "--since HEAD --summary ." \
		"--from-index --since HEAD --summary ."; do
		rm -f "$tmp/ran"
		# shellcheck disable=SC2086 # the options, split
		run -q $args
		[ ! -e "$tmp/ran" ] || { echo "zonelint $args ran:"; cat "$tmp/ran"; exit 1; }
		no_leak "$tmp/out" "$tmp/err" || exit 1
		case $rc in 0|1) ;; *) show "$tmp/err"; exit 1 ;; esac
	done
	# A partial clone whose blobs are fetched when read.
	cd "$tmp" && git clone -q --no-checkout --filter=blob:none \
		"file://$tmp/gitcfg" gitpc && cd gitpc && git reset -q &&
	git config remote.origin.uploadpack "$tmp/hook" || exit 1
	rm -f "$tmp/ran"
	run --from-index .
	[ ! -e "$tmp/ran" ] || { echo "zonelint --from-index ran:"; cat "$tmp/ran"; exit 1; }
	no_leak "$tmp/out" "$tmp/err"
	)
}

# A diff against the work tree asks each checked-out submodule whether its
# work tree changed: a git status there, under the submodule's own
# configuration, which zonelint's environment does not cover (its filters
# are not the superproject's).  A file there that git must hash runs the
# clean filter the submodule configures; zonelint's diff must not look
# into a submodule's work tree at all.
test_git_submodule_commands() {
	(
	mkdir -p gitsubm && git_sandbox gitsubm/shared || exit 1
	# shellcheck disable=SC2016
	printf '#!/bin/sh\necho "$0" >>"%s/ran"\nexec cat\n' "$tmp" >"$tmp/clean"
	chmod +x "$tmp/clean"
	zone >mail.inc && git add . && git -c user.name=t \
		-c user.email=t@example.com commit -qm 1 &&
	mkdir ../super && cd ../super && git init -q && zone >example.com.zone &&
	git -c protocol.file.allow=always submodule -q add "$tmp/gitsubm/shared" \
		common && git add . && git -c user.name=t \
		-c user.email=t@example.com commit -qm 1 || exit 1
	echo '* filter=evil' >common/.gitattributes &&
	git -C common config filter.evil.clean "$tmp/clean" &&
	git -C common config filter.evil.process "$tmp/clean" || exit 1
	echo 'x IN A 192.0.2.9' >>example.com.zone
	for args in "--since HEAD --summary ." "--since HEAD example.com.zone"; do
		rm -f "$tmp/ran"
		# the submodule's file unchanged, but not known to be: hashed
		touch -d 2001-01-01 common/mail.inc
		# shellcheck disable=SC2086 # the options, split
		run -q $args
		[ ! -e "$tmp/ran" ] || { echo "zonelint $args ran:"; cat "$tmp/ran"; exit 1; }
		no_leak "$tmp/out" "$tmp/err" || exit 1
		case $rc in 0|1) ;; *) show "$tmp/err"; exit 1 ;; esac
	done
	)
}

# git opens the .gitignore and .gitattributes files of the work tree (and
# its configuration) as they are, and a FIFO there would keep it waiting
# for a writer that never comes: the walk's git ls-files, the context of a
# file named, the diff against the work tree.  No run hangs on it: git is
# stopped, and what needed it says why.
test_git_fifo() {
	(
	git_sandbox gitfifo || exit 1
	mkdir sub && zone >example.com.zone && zone >sub/example.net.zone &&
	git add . && git -c user.name=t -c user.email=t@example.com \
		commit -qm 1 || exit 1
	mkfifo sub/.gitignore || exit 1
	for args in . example.com.zone sub; do
		run -q "$args"
		case $rc in 0|1) ;; *) echo "zonelint $args: exit $rc"; show "$tmp/err"; exit 1 ;; esac
	done
	rm sub/.gitignore && mkfifo .gitattributes || exit 1
	echo 'x IN A 192.0.2.9' >>example.com.zone
	touch -d 2001-01-01 sub/example.net.zone
	run -q --since HEAD .
	want_rc 2 && has "$tmp/err" "^--since: error: .*FIFO" || exit 1
	rm .gitattributes || exit 1
	# the configuration: a file it includes, and itself
	cp .git/config config.plain && mkfifo "$tmp/gitfifo.conf" &&
	git config include.path "$tmp/gitfifo.conf" || exit 1
	for opt in --since --from-index; do
		[ "$opt" = --since ] && set -- --since HEAD || set -- --from-index
		for i in 1 2; do
			run -q "$@" .
			want_rc 2 && has "$tmp/err" "^$opt: error: git waited on a FIFO" ||
				exit 1
			[ "$i" = 2 ] || [ -p .git/config ] ||
				{ mv .git/config config.saved && mkfifo .git/config; } ||
				exit 1
		done
		rm .git/config && mv config.saved .git/config || exit 1
	done
	# (git config itself would wait on the include)
	cp config.plain .git/config || exit 1
	# an object: the staged zone's blob, read by git cat-file --batch
	sha=$(git rev-parse :example.com.zone) &&
	obj=.git/objects/$(echo "$sha" | cut -c1-2)/$(echo "$sha" | cut -c3-) &&
	rm -f "$obj" && mkfifo "$obj" || exit 1
	run -q --from-index example.com.zone
	want_rc 2 && has "$tmp/err" "^example\.com\.zone: error: .*git waited on a FIFO" ||
		exit 1
	)
}

# zonelint empties the commands of each filter driver the configuration
# defines, up to a bound: a configuration with more drivers than that, the
# one the attributes name last, must not get its clean filter run; no git
# runs at all then, and the run says why (exit 2).
test_git_many_filters() {
	(
	git_sandbox gitmany || exit 1
	# shellcheck disable=SC2016
	printf '#!/bin/sh\necho "$0" >>"%s/ran"\nexec cat\n' "$tmp" >"$tmp/clean"
	chmod +x "$tmp/clean"
	zone >example.com.zone &&
	echo '*.zone filter=zz' >.gitattributes &&
	git add . && git -c user.name=t -c user.email=t@example.com \
		commit -qm 1 || exit 1
	awk -v clean="$tmp/clean" 'BEGIN {
		for (i = 0; i < 1001; i++)
			printf "[filter \"f%d\"]\n\tclean = cat\n", i
		printf "[filter \"zz\"]\n\tclean = %s\n", clean
	}' >>.git/config
	echo 'x IN A 192.0.2.9' >>example.com.zone
	touch -d 2001-01-01 ./*.zone
	# the diff against the work tree first: it hashes the zone
	for args in "--since HEAD --summary ." "--from-index ." \
		"--from-index --since HEAD --summary ."; do
		rm -f "$tmp/ran"
		# shellcheck disable=SC2086 # the options, split
		run -q $args
		[ ! -e "$tmp/ran" ] || { echo "zonelint $args ran:"; cat "$tmp/ran"; exit 1; }
		no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
		has "$tmp/err" "runs no git here: the repository's configuration defines more than 1000 filter drivers" ||
			exit 1
	done
	)
}

# What git says on stderr names files of the tree, and git hides only
# ASCII control bytes in it: a C1 control (U+009B, CSI) and a bidi
# override (U+202E) in a name are shown escaped, as zonelint's own
# messages show them.
test_git_stderr_escaped() {
	(
	git_sandbox gitmsg || exit 1
	name=$(printf 'x\302\233\342\200\256.example.com.zone')
	zone >"$name" && git add . && git -c user.name=t \
		-c user.email=t@example.com commit -qm 1 || exit 1
	# git warns about the line ends it would change in the work tree
	echo '* text eol=crlf' >.gitattributes
	echo 'x IN A 192.0.2.9' >>"$name" && touch -d 2001-01-01 "$name"
	run -q --since HEAD .
	has "$tmp/err" "^warning: .*'x\\\\194\\\\155\\\\226\\\\128\\\\174\\.example" &&
	if grep -q "$(printf '\302\233')" "$tmp/err" ||
		grep -q "$(printf '\342\200\256')" "$tmp/err"; then
		echo "git's message shows the characters:"; show "$tmp/err"
		exit 1
	fi
	)
}

# In the git modes a symbolic link is a blob of mode 120000, its target:
# followed in the index or the base's tree as the walk follows one on disk,
# and refused on its text alone when it leads out of the repository, into
# .git or round a loop, whether what it names outside exists or not.  The
# base is read so too: a base whose link leads out reads nothing there,
# so the summary has nothing of it to show.
test_git_links() {
	(
	mkdir -p gitln/zones gitln/common outside/sub &&
	git_sandbox gitln || exit 1
	printf '@ IN TXT "v=spf1 include:%s -all"\n' "$canary" \
		>"$tmp/outside/spf.inc"
	echo 'mail IN A 192.0.2.25' >common/mail.inc
	ln -s ../common/mail.inc zones/mail.inc
	ln -s "$tmp/gitln/common/mail.inc" zones/abs.inc
	ln -s "$tmp/outside/sub/../../gitln/common/mail.inc" zones/back-outside.inc
	ln -s "$tmp/nonexistent/sub/../../gitln/common/mail.inc" \
		zones/back-nonexistent.inc
	ln -s ../common zones/dir
	n=0
	for l in /etc/passwd /proc/self/environ ../../outside/secret.txt \
		"$tmp/outside/secret.txt" ../.git/config ../.GIT/config \
		"$tmp/outside/sub/../spf.inc" "$tmp/nonexistent/sub/../spf.inc" \
		loop; do
		n=$((n + 1))
		ln -s "$l" "zones/out$n.inc"
	done
	ln -s out9.inc zones/loop
	ln -s "$tmp/outside/spf.inc" zones/spf.inc
	ln -s /etc/passwd zones/passwd.example.zone
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	{
		zone
		printf '$INCLUDE %s\n' mail.inc abs.inc back-outside.inc \
			back-nonexistent.inc dir/mail.inc spf.inc
		i=0
		while [ "$i" -lt "$n" ]; do
			i=$((i + 1))
			echo "\$INCLUDE out$i.inc"
		done
	} >zones/example.com.zone
	git add . && git -c user.name=t -c user.email=t@example.com \
		commit -qm 1 || exit 1
	for args in "--from-index" "--from-index --since HEAD" "--since HEAD"
	do
		# shellcheck disable=SC2086 # the options, split
		run -q --format gcc $args zones/example.com.zone
		no_leak "$tmp/out" "$tmp/err" && want_rc 1 || exit 1
		# each link out refused, the six in the tree followed
		count "$tmp/out" "error: cannot read include file 'out" "$n" ||
			exit 1
		count "$tmp/out" "error: cannot read include file" $((n + 1)) ||
			exit 1
		has "$tmp/out" "'out1\\.inc': a symbolic link leads out of '\\.'" &&
		has "$tmp/out" "'out5\\.inc': (it lies in a directory named|nothing below) \\.git" &&
		has "$tmp/out" "'out6\\.inc': (it lies in a directory named|nothing below) \\.git" &&
		has "$tmp/out" "'out9\\.inc': Too many levels of symbolic links" &&
		hasnt "$tmp/out" "ZONE011" || exit 1
		# whether a directory outside exists is not told
		sed -n 's/:[0-9]*:[0-9]*:\(.*\)out7\.inc/\1outN.inc/p' "$tmp/out" \
			>"$tmp/out.7"
		sed -n 's/:[0-9]*:[0-9]*:\(.*\)out8\.inc/\1outN.inc/p' "$tmp/out" \
			>"$tmp/out.8"
		cmp -s "$tmp/out.7" "$tmp/out.8" || {
			echo "zonelint $args tells whether $tmp/outside/sub exists:"
			diff "$tmp/out.7" "$tmp/out.8"
			exit 1
		}
	done
	run -q --format gcc --from-index zones/passwd.example.zone
	no_leak "$tmp/out" "$tmp/err" && want_rc 2 &&
	has "$tmp/err" "passwd\\.example\\.zone': a symbolic link leads out of" ||
		exit 1
	# The base includes spf.inc, now gone: the summary would show its SPF
	# record removed if the base had read it.
	grep -v 'spf\.inc' zones/example.com.zone >"$tmp/z" &&
	cat "$tmp/z" >zones/example.com.zone && git add zones || exit 1
	for args in "--from-index" "--since HEAD"; do
		# shellcheck disable=SC2086 # the options, split
		run -q --format gcc --summary $args zones/example.com.zone
		no_leak "$tmp/out" "$tmp/err" && want_rc 1 &&
		hasnt "$tmp/err" "SPF" || exit 1
	done
	)
}

t "walk: links out of the tree and into .git are refused, in every format" test_walk
t "walk: the README's CI command (--format github .)" test_walk_ci
t "\$INCLUDE: links, '..', absolute names and .git" test_include
t "\$INCLUDE of a FIFO in the tree" test_include_fifo
t "--stdin-filename through a link does not move the include root" test_stdin_filename_link
t "\$INCLUDE in a repository: from the including file, then the root" test_include_repo
t "\$INCLUDE through '..' says nothing of directories outside" test_include_dotdot_oracle
t "--allow-include: \$INCLUDE reads nothing below .git" test_include_allow_git
t "--allow-include widens a server configuration's includes" test_server_allow
t "--allow-include: links, '..', patterns and .git in a configuration" test_server_allow_hostile
t "paths the command line names through a link out of the repository" test_named_in_repo
t ".zonelint.yaml linked out of the repository" test_config_link
t "a *.yaml link out of a --rules directory" test_rules_dir_link
t "server configurations: '..' after a link out tells nothing" test_server_dotdot_oracle
t "server configurations: '..' after a link inside the tree, on disk" test_server_dotdot_link
t "packs: a link on the way is not followed" test_packs_link
t "FIFOs as operands, --rules, --config and in a walk" test_fifo_operand
t "a zone below a path longer than PATH_MAX" test_long_path
t "--output only over a regular file or a new path" test_output_not_regular
t "--output, --summary-file, --write-baseline: no directory through a link out" test_output_dir_link
t "SIGINT and SIGTERM while writing remove the temporary report" test_signal_cleanup
t "a closed pipe ends the run with the findings' status" test_epipe
t "git: the repository's configuration runs no command" test_git_config_commands
t "git: a submodule's configuration runs no command" test_git_submodule_commands
t "git: more filter drivers than are turned off run no git" test_git_many_filters
t "git: a FIFO where git reads a file of the repository hangs no run" test_git_fifo
t "git: its messages are shown escaped" test_git_stderr_escaped
t "git: links in the index and the base's tree stay in the repository" test_git_links

finish
