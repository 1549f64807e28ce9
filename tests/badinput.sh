#!/bin/sh
# badinput.sh - hostile and broken input: every case must end with a clear
# diagnostic (FILE:LINE:COL where there is a position), the documented exit
# status and no crash (status < 128, no sanitizer or valgrind report, no hang).
# Also $INCLUDE confinement, escaping in every output format, and that the
# inputs are never written to.  Big inputs are generated here, in a temporary
# directory, never committed.  Limits: docs/limits.md.
#
# usage: tests/badinput.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind);
# under it the million-record zone shrinks to 100,000 records, still over the
# per-name limit.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh"

suite badinput.sh "${1:-}"
sh "$(dirname "$0")/../tools/deps.sh" cmd:/usr/bin/time:time \
	cmd:xmllint:libxml2-utils cmd:named-checkconf:bind9-utils cmd:jq:jq || exit 1

cd "$tmp" || exit 1

export LC_ALL=C
unset NO_COLOR
esc=$(printf '\033')
# Seconds one zonelint run may take before it counts as a hang.
# within N: a run that stays near-linear takes at most N seconds of CPU
# time (N times $slow under a wrapper, where inputs shrink by $scale, or
# a sanitizer); a quadratic one takes minutes.  CPU time, not wall time:
# the suites run side by side.  A guard against blow-ups, not a
# performance measurement (that is make bench).
limit=60
records=1000000
scale=1
slow=1
if [ -n "${ZONELINT_WRAPPER:-}" ]; then
	limit=600
	records=100000
	scale=10
	slow=10
elif grep -aq __asan_init "$zl"; then
	slow=4
fi
within() {
	[ "$secs" -le $(($1 * slow)) ] || { echo "took ${secs}s"; return 1; }
}

# ---- helpers ----

# run ARG...: zonelint with stdout in out, stderr in err, status in $rc and
# its CPU time in $ms and, rounded up, $secs; a run over $limit seconds of
# wall time is killed (status 124).
run() {
	/usr/bin/time -f '%U %S' -o "$tmp/cpu.time" \
		timeout "$limit" ${ZONELINT_WRAPPER:-} "$zl" "$@" >out 2>err
	rc=$?
	set -- $(tail -n 1 "$tmp/cpu.time")
	ms=$(awk -v u="$1" -v s="$2" 'BEGIN { print int((u + s) * 1000) }')
	secs=$(((ms + 999) / 1000))
}

# The UTF-8 of characters a reader cannot see for what they are, which
# zonelint always escapes (docs/limits.md, "Output"): C1 controls (U+009B is
# CSI, U+009D OSC), NBSP, soft hyphen, ALM, the spaces, zero-width
# characters and LRM/RLM at U+2000-200F, line and paragraph separators and
# bidi embeddings and overrides at U+2028-202F, U+205F-206F (bidi isolates
# among them) and U+FEFF.
invisible='\xC2[\x80-\xA0\xAD]|\xD8\x9C|\xE2\x80[\x80-\x8F\xA8-\xAF]|\xE2\x81[\x9F-\xAF]|\xEF\xBB\xBF'

# sane: no crash, no hang, no sanitizer or valgrind report, and nothing on
# stdout or stderr that could drive a terminal or mislead a reader: no
# control byte other than tab and newline, valid UTF-8 only, and none of
# the invisible characters above.
sane() {
	if [ "$rc" -ge 124 ]; then
		echo "crashed or hung: exit status $rc after ${secs}s"
		show err
		return 1
	fi
	if grep -Eq 'Sanitizer|runtime error|^==[0-9]+==' err; then
		echo "sanitizer or valgrind report:"
		show err
		return 1
	fi
	for sf in out err; do
		c=$(tr -d '\11\12\40-\176\200-\377' <"$sf" | wc -c)
		if [ "$c" -ne 0 ]; then
			echo "$c raw control bytes in $sf"
			show "$sf"
			return 1
		fi
		if ! iconv -f UTF-8 -t UTF-8 <"$sf" >/dev/null 2>&1; then
			echo "$sf is not valid UTF-8"
			show "$sf"
			return 1
		fi
		if grep -qP "$invisible" "$sf"; then
			echo "raw C1, bidi or invisible characters in $sf:"
			grep -nP "$invisible" "$sf" | head -5 | od -c | head -20
			return 1
		fi
	done
}

want_rc() {
	sane || return 1
	[ "$rc" -eq "$1" ] && return 0
	echo "exit status $rc, wanted $1"
	show out
	show err
	return 1
}

# smaller FILE BYTES: the file is under BYTES long (no echo of huge input).
smaller() {
	c=$(wc -c <"$1")
	[ "$c" -lt "$2" ] && return 0
	echo "$1 has $c bytes, wanted fewer than $2"
	return 1
}

sum_of() {
	cksum "$@"
	stat -c '%n %Y %s' "$@"
}

# A clean, realistic zone start (lines 1-12); the cases append to it.
head_zone() {
	# shellcheck disable=SC2016 # $ORIGIN and $TTL are zone text
	printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' \
		'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
		'@ IN NS ns1' '@ IN NS ns2' 'ns1 IN A 192.0.2.53' \
		'ns2 IN A 192.0.2.54' '@ IN MX 10 mx1' '@ IN MX 20 mx2' \
		'mx1 IN A 192.0.2.1' 'mx2 IN A 192.0.2.2'
	printf '@ IN TXT "v=spf1 mx -all"\n'
}

# A run of N bytes of one character, without a line end.
repeat() {
	head -c "$2" /dev/zero | tr '\0' "$1"
}

# ---- zone files ----

test_garbage() {
	head_zone >garbage.zone
	awk 'BEGIN { srand(7); for (i = 0; i < 65536; i++)
		printf "%c", int(rand() * 256) }' >>garbage.zone
	printf '\nafter IN MX 10 192.0.2.9\n' >>garbage.zone
	run --format gcc garbage.zone
	want_rc 1 && has out '^garbage\.zone:1[3-9]:[0-9]+: error: ' &&
	has out '^garbage\.zone:[0-9]+:[0-9]+: error: .*\[MX001\]$' || return 1
	run --format json garbage.zone
	want_rc 1 && json_ok out
}

# Files that are not zone text: one error each, not one per line of
# noise; an included one does not stop the zone that includes it.
test_not_text() {
	head_zone | iconv -f UTF-8 -t UTF-16 >u16.zone
	head_zone | gzip >gz.zone
	{ printf '\0\0\0\2\0\0\0\1'; head -c 2000 /dev/zero; } >raw.db
	{ printf '\177ELF\2\1\1\0'; head_zone; } >elf.zone
	for f in u16.zone gz.zone raw.db elf.zone; do
		run --format gcc "$f"
		want_rc 1 && count out ': error: ' 1 || return 1
	done
	has out '^elf\.zone:1:5: error: the file holds binary data' &&
	run --format gcc u16.zone gz.zone raw.db &&
	has out '^u16\.zone:1:1: error: the file is UTF-16 text' &&
	has out '^gz\.zone:1:1: error: the file is gzip-compressed' &&
	has out "^raw\\.db:1:1: error: the file is in BIND's raw format" || return 1
	head_zone >inc.zone
	printf '$INCLUDE gz.zone\nafter IN MX 10 192.0.2.9\n' >>inc.zone
	run --format gcc inc.zone
	want_rc 1 && has out '^gz\.zone:1:1: error: the file is gzip' &&
	has out '^inc\.zone:[0-9]+:[0-9]+: error: .*\[MX001\]$' &&
	count out ': error: ' 2
}

test_nul() {
	head_zone >nul.zone
	printf 'a IN TXT "x\000y"\nb IN TXT x\000y\n; a comment \000 is fine\n' \
		>>nul.zone
	printf 'c IN A 192.0.2.\0001\nd\000 IN A 192.0.2.3\ne IN MX 10 192.0.2.9\n' \
		>>nul.zone
	run --format gcc nul.zone
	want_rc 1 &&
	has out '^nul\.zone:13:12: error: NUL byte in the zone text' &&
	has out '^nul\.zone:14:11: error: NUL byte' &&
	has out '^nul\.zone:16:16: error: NUL byte' &&
	has out '^nul\.zone:17:2: error: NUL byte' &&
	hasnt out '^nul\.zone:15:' &&
	has out '^nul\.zone:18:[0-9]+: error: .*\[MX001\]$' || return 1
	# Written \000 after the version: no ';' is missing, the version is
	# not DMARC1.
	printf '_dmarc IN TXT "v=DMARC1\\000; p=none"\n' >>nul.zone
	run --format gcc nul.zone
	has out "^nul\.zone:19:[0-9]+: error: the version must be exactly 'DMARC1'"
}

test_invalid_utf8() {
	head_zone >utf8.zone
	printf 'bad\377\376 IN A 192.0.2.7\n' >>utf8.zone
	printf 'txt IN TXT "v=spf1 a:\303\050.example \355\240\200 -all"\n' \
		>>utf8.zone
	printf '; comment \377\n\303\251t\303\251 IN MX 10 192.0.2.9\n' >>utf8.zone
	run --format gcc utf8.zone
	want_rc 1 &&
	has out '^utf8\.zone:13:1: warning: byte \\255 .*bad\\255\\254.*\[ZONE012\]$' &&
	has out '^utf8\.zone:14:[0-9]+: .*\\195\(' &&
	has out "^utf8\\.zone:16:1: warning: UTF-8 character '$(printf '\303\251')' .\\\\195\\\\169. .*\\[ZONE012\\]\$" ||
		return 1
	for fmt in $(formats); do
		run --format "$fmt" --color never utf8.zone
		want_rc 1 && valid "$fmt" || { echo "format $fmt"; return 1; }
	done
}

# Every check primitive, at every scope it offers, pointed by a rule pack
# at TXT and SPF records, whose strings are kept only in the source: a
# check reads a field by what it is, never by the type it expects.
# A rule may ask any primitive, in any of its variants and scopes, about
# records of any type (no select: all of them), and name in its message
# any variable the primitive declares, which some variants do not fill:
# over odd TXT records and every fixture nothing breaks, and a variable
# left unfilled is shown as written.  The built-in rules leave none
# unfilled (an SPF macro '%{r}' is data).
test_checks_any_type() {
	"$zl" --list-checks --format json >checks.json &&
		jq -r -f "$here/any-rules.jq" checks.json >any.yaml || return 1
	{
		head_zone
		printf 'a IN TXT ""\nb IN TXT "ab" "c"\nc IN TXT "abcd"\n'
		printf 'd IN SPF "v=spf1 -all"\n_25._tcp.mx1 IN TXT "\\001"\n'
		printf 'e IN TXT ( "0123456789abcdef" "0123456789abcdef" )\n'
		printf 'f IN TXT "1" "2" "3" "4" "5" "6" "7"\n'
	} >any.zone
	run --no-config --no-context --no-default-rules --rules any.yaml \
		--format gcc any.zone "$root/tests/fixtures" "$root/zones-example"
	want_rc 1 || return 1
	n=$(grep -Ec ' \[ANY[0-9]+\]$' out)
	[ "$n" -ge 1000 ] ||
		{ echo "$n findings of the rules, wanted 1000 or more"; return 1; }
	has out ': warning: .*\{expected\}.* \[ANY[0-9]+\]$' || return 1
	run --no-config --no-context --format gcc any.zone \
		"$root/tests/fixtures" "$root/zones-example"
	want_rc 1 && hasnt out '(^|[^%])\{[a-z][a-z0-9-]*\}'
}

test_long_line() {
	head_zone >long.zone
	{ printf 'a IN TXT '; repeat a 10000000; echo; } >>long.zone
	{ printf 'b IN TXT '; repeat 'b' 5000000 | sed 's/b/b /g'; echo; } \
		>>long.zone
	echo 'after IN MX 10 192.0.2.9' >>long.zone
	run --format text long.zone
	want_rc 1 &&
	has out '^long\.zone:13:10: error: token of 10000000 bytes exceeds 262142' &&
	has out '^long\.zone:14:[0-9]+: error: more than 65535 rdata tokens' &&
	has out '^long\.zone:15:[0-9]+: error: .*\[MX001\]$' &&
	smaller out 65536
}

# BIND merges the records of an RRset whose rdata is the same before it
# sums their size: the same string written bare, quoted or escaped is one
# record.  7,000 distinct TXT records of 9 bytes each (63,000) load
# (named-checkzone), however many times each is written; 7,300 (65,700)
# do not.
test_rrset_spelling() {
	head_zone >spell.zone
	awk 'BEGIN { for (i = 0; i < 7000; i++) printf "dup TXT t%05d\n", i
		for (i = 0; i < 7000; i++) printf "dup TXT \"t%05d\"\n", i
		for (i = 0; i < 100; i++) printf "dup TXT \\116%05d\n", i
		for (i = 0; i < 7300; i++) printf "over TXT t%05d\n", i }' \
		>>spell.zone
	run --format gcc spell.zone
	has out "RRset of 7300 records at 'over\\.example\\.com\\.' of 65700 bytes" &&
	hasnt out "RRset of [0-9]* records at 'dup"
}

# One base64 or hex field as one token, as every server reads it: a key
# of 50,000 bytes and RFC 3597 data of 36,000 load; rdata over 65535
# bytes does not, whatever length it states.  BIND holds an RRset of 65512 bytes, 2 and the rdata of
# each distinct record (one record of 65510 bytes); Knot DNS splits a TXT
# string longer than 255 bytes (a length byte per 255), which BIND and
# NSD refuse, and holds 65535 bytes of rdata: 65279 bytes split fit, 65280
# (65536 split) no server reads; so with more strings in the record, each
# split (1000 and 64278 bytes fit, 1000 and 64279 do not).  BIND's 65510
# bytes count the strings as written: 255 strings of 255 and one of 229.
test_long_token() {
	head_zone >token.zone
	{ printf 'k OPENPGPKEY '; repeat A 66668; echo; } >>token.zone
	{ printf 'g TYPE999 \\# 36000 '; repeat 0 72000; echo; } >>token.zone
	{ printf 'h TYPE999 \\# 65536 '; repeat 0 131072; echo; } >>token.zone
	{ printf 'b TYPE999 \\# 65511 '; repeat 0 131022; echo; } >>token.zone
	{ printf 's TXT '; repeat a 65279; echo; } >>token.zone
	{ printf 't TXT '; repeat a 65280; echo; } >>token.zone
	{ printf 'm TXT '; repeat a 1000; printf ' '; repeat a 64278; echo; } \
		>>token.zone
	{ printf 'n TXT '; repeat a 1000; printf ' '; repeat a 64279; echo; } \
		>>token.zone
	awk 'BEGIN { for (k = 229; k <= 230; k++) { printf "w%d TXT", k
		for (i = 0; i < 255; i++) printf " %0255d", 0
		printf " %0" k "d\n", 0 } }' >>token.zone
	awk 'BEGIN { for (i = 0; i < 10919; i++)
		printf "big A 10.0.%d.%d\n", i / 256, i % 256 }' >>token.zone
	awk 'BEGIN { for (i = 0; i < 10918; i++)
		printf "ok A 10.1.%d.%d\n", i / 256, i % 256
		print "ok A 10.1.0.0" }' >>token.zone
	{ printf 'x TYPE999 \\# 1 '; repeat 0 131072; echo; } >>token.zone
	run --format gcc token.zone
	want_rc 1 &&
	count out ': error: ' 4 &&
	has out '^token\.zone:21861:[0-9]+: error: RFC 3597 rdata of 65536 bytes exceeds 65535' &&
	has out '^token\.zone:15:[0-9]+: error: RFC 3597 rdata length 65536 is out of range' &&
	has out '^token\.zone:16:3: warning: TYPE999 rdata of 65511 bytes, which BIND refuses' &&
	has out '^token\.zone:23:1: warning: RRset of 10919 records at .big\.example\.com\.. of 65514 bytes.*BIND refuses' &&
	hasnt out "RRset of 10919 records at 'ok" &&
	hasnt out '^token\.zone:17:.*(error|Knot DNS splits its strings)' &&
	has out '^token\.zone:18:7: error: character-string of 65280 bytes, which every server refuses: .*65536 bytes' &&
	hasnt out '^token\.zone:19:.*error' &&
	has out '^token\.zone:20:3: error: rdata of 65536 bytes exceeds 65535' &&
	hasnt out "^token\\.zone:21:" &&
	has out '^token\.zone:22:6: warning: TXT rdata of 65511 bytes, which BIND refuses' &&
	smaller out 3000
}

test_parens() {
	head_zone >paren.zone
	{ printf 'a IN TXT '; repeat '(' 100000; echo; } >>paren.zone
	{ printf 'b IN TXT '; repeat ')' 100000; echo; } >>paren.zone
	echo 'after IN MX 10 192.0.2.9' >>paren.zone
	run --format gcc paren.zone
	want_rc 1 &&
	has out '^paren\.zone:13:1034: error: parentheses nested deeper than 1024' &&
	has out "^paren\\.zone:14:10: error: unbalanced '\\)'" &&
	has out '^paren\.zone:15:[0-9]+: error: .*\[MX001\]$' || return 1
	head_zone >open.zone
	awk 'BEGIN { for (i = 0; i < 100000; i++) print "x IN TXT ( \"a\"" }' \
		>>open.zone
	run --format gcc open.zone
	want_rc 1 && has out '^open\.zone:[0-9]+:[0-9]+: error: ' &&
	within 10
}

test_unterminated_quote() {
	head_zone >quote.zone
	printf 'a IN TXT "v=spf1 -all' >>quote.zone
	run --format gcc quote.zone
	want_rc 1 &&
	has out '^quote\.zone:13:10: error: unterminated quoted string'
}

test_directory() {
	mkdir -p dir.zone sub
	head_zone >incdir.zone
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	echo '$INCLUDE sub' >>incdir.zone
	run --format gcc incdir.zone
	want_rc 1 &&
	has out "^incdir\\.zone:13:10: error: cannot read include file 'sub': Is a directory" ||
		return 1
	run - <sub
	want_rc 2 && has err 'cannot read standard input' || return 1
	run --rules sub incdir.zone
	want_rc 2 && has err '^sub: error: no \*\.yaml rule files' || return 1
	run --config sub incdir.zone
	want_rc 2 && has err "cannot read config file 'sub': Is a directory"
}

# As root, chmod 000 does not stop reading, so unreadable files are made
# in ways that hold for root too: a dangling symbolic link and a path
# through a component that is not a directory.  As another user, a file
# without read permission is tried as well.
test_unreadable() {
	head_zone >ok.zone
	echo '@ IN MX 30 192.0.2.9' >>ok.zone
	ln -sf "$tmp/nowhere/x.zone" dangling.zone
	run --format gcc dangling.zone ok.zone
	want_rc 2 &&
	has err "^dangling\\.zone: error: cannot read 'dangling\\.zone': No such file or directory" &&
	has out '^ok\.zone:13:[0-9]+: error: .*\[MX001\]$' || return 1
	run --format gcc ok.zone/x.zone
	want_rc 2 && has err "cannot read 'ok\\.zone/x\\.zone': Not a directory" ||
		return 1
	[ "$(id -u)" = 0 ] && return 0
	cp ok.zone noread.zone && chmod 000 noread.zone
	run noread.zone
	want_rc 2 && has err 'Permission denied'
}

test_empty() {
	: >empty.zone
	run empty.zone
	want_rc 0 && count out . 0 || return 1
	run --stdin-filename example.com.zone - </dev/null
	want_rc 0 && count out . 0 || return 1
	: >empty.yaml
	run --rules empty.yaml empty.zone
	want_rc 2 && has err '^empty\.yaml:1:1: error: '
}

# MX004, two ZONE001 (the zone has lost a TXT record: no DMARC015 then);
# with CR LF line breaks, besides, one ZONE012 for the file, at the first
# CR (Knot DNS refuses them).  CR alone, as BIND and NSD read it, breaks
# lines too: the same findings, all on the file's one line, which Knot
# DNS ignores (ZONE012 at the first CR), and with it the SOA (ZONE012).
test_line_endings() {
	head_zone >lf.zone
	printf '%s\n' 'www IN CNAME mx1' '@ IN MX 30 mail.example.com' \
		'bad..name IN A 192.0.2.1' 'y IN TXT "abc' >>lf.zone
	sed 's/$/\r/' lf.zone >crlf.zone
	awk 'NR % 2 { printf "%s\r\n", $0; next } { print }' lf.zone >mixed.zone
	tr '\n' '\r' <lf.zone >cr.zone
	run --format gcc lf.zone
	want_rc 1 && count out '^lf\.zone:[0-9]+:[0-9]+: ' 3 || return 1
	sed 's/^lf\.zone:/F:/' out >lf.out
	for f in crlf mixed; do
		run --format gcc "$f.zone"
		want_rc 1 || return 1
		count out "^$f\\.zone:1:21: warning: CR line break .*\\[ZONE012\\]\$" 1 ||
			return 1
		grep -v 'CR line break' out | sed "s/^$f\\.zone:/F:/" >"$f.out"
		cmp -s lf.out "$f.out" || {
			echo "$f differs from LF:"
			diff lf.out "$f.out"
			return 1
		}
	done
	run --format gcc cr.zone
	want_rc 1 &&
	count out '^cr\.zone:1:21: warning: CR line breaks alone, .*\[ZONE012\]$' 1 &&
	count out '^cr\.zone:1:37: warning: SOA record on the file.s last line, .*\[ZONE012\]$' 1 &&
	grep -v 'CR line breaks alone\|SOA record on the file' out |
		sed 's/^cr\.zone:1:[0-9]*:/F:/' >cr.out &&
	sed 's/^F:[0-9]*:[0-9]*:/F:/' lf.out | cmp -s - cr.out || {
		echo "CR alone differs from LF:"
		sed 's/^F:[0-9]*:[0-9]*:/F:/' lf.out | diff - cr.out
		return 1
	}
}

test_million_records() {
	head_zone >many.zone
	awk -v n="$records" 'BEGIN { for (i = 0; i < n; i++)
		printf "@ IN MX %d mx%d\n", i % 65536, i % 2 + 1 }' >>many.zone
	run --format gcc many.zone
	want_rc 1 &&
	count out "^many\\.zone:[0-9]+:1: error: more than 65535 records at 'example\\.com\\.'" 1 &&
	count out 'more than 65535 records' 1 &&
	within 30
}

# The relational checks stay near-linear in the records of one name:
# many MX records naming a target with many addresses, many null MX
# records beside many SPF records, and many records at a DMARC and a BIMI
# name that receivers discard, each judged against the others.
test_relational_bounds() {
	head_zone >rel.zone
	awk 'BEGIN {
		for (i = 0; i < 30000; i++) printf "lb IN MX %d t\n", i
		for (i = 0; i < 30000; i++)
			printf "t IN A 127.0.%d.%d\n", int(i / 256) % 256, i % 256
		for (i = 0; i < 30000; i++) printf "nm IN MX %d .\n", i + 1
		for (i = 0; i < 30000; i++) printf "nm IN TXT \"v=spf1 a%d -all\"\n", i
		for (i = 0; i < 30000; i++) printf "_dmarc.d IN TXT \"x%d\"\n", i
		for (i = 0; i < 30000; i++) printf "default._bimi.b IN TXT \"x%d\"\n", i
	}' >>rel.zone
	run --format gcc rel.zone
	want_rc 1 && within 30
}

# ---- hash tables ----

# fnv_names BITS BLOCKS COUNT KIND: with KIND collide, COUNT distinct
# names of BLOCKS 4-letter blocks whose 32-bit FNV-1a hashes (from the
# offset basis) agree in their low BITS bits, so that a table of up to
# 2^BITS buckets indexed by them holds them all in one: at each position
# one of two blocks that take the same state to the same low bits (a
# multicollision, Joux 2004).  With KIND random, COUNT random names of the
# same length.
fnv_names() {
	perl -e '
	my ($bits, $k, $count, $kind) = @ARGV;
	my $random = ($kind // "") eq "random";
	my $mask = (1 << $bits) - 1;
	my ($h, @pairs) = (2166136261);
	sub fnv {
		my ($h, $s) = @_;
		$h = (($h ^ $_) * 16777619) & 0xFFFFFFFF for unpack "C*", $s;
		return $h;
	}
	for my $j (1 .. $k) {
		my %seen;
		for (my $n = 0; ; $n++) {
			my $w = join "", map { chr(97 + int($n / 26 ** $_) % 26) } 0 .. 3;
			my $v = fnv($h, $w);
			if (defined(my $o = $seen{$v & $mask})) {
				push @pairs, [$o, $w];
				$h = $v;
				last;
			}
			$seen{$v & $mask} = $w;
		}
	}
	srand(7);
	for my $i (0 .. $count - 1) {
		print STDOUT $random ?
			join("", map { chr(97 + int(rand(26))) } 1 .. 4 * $k) :
			join("", map { $pairs[$_][($i >> $_) & 1] } 0 .. $k - 1), "\n";
	}' "$@"
}

# like_random MS_COLLIDING MS_RANDOM: the input chosen to collide took at
# most three times as long as random input of the same size, and a second
# (a quadratic run takes ten times as long and more).
like_random() {
	[ "$1" -le $((3 * $2 + 1000)) ] && return 0
	echo "chosen to collide: $1 ms; random: $2 ms"
	return 1
}

# names_zone KIND N: N owner names from fnv_names (KIND collide or
# random), each with MX and SPF, after head_zone.
names_zone() {
	head_zone
	fnv_names 16 15 "$2" "$1" |
		awk '{ print $1 " IN MX 10 mx1"
		       print $1 " IN TXT \"v=spf1 mx -all\"" }'
}

# tags_zone KIND: DKIM key records of 1,300 tags each, names from
# fnv_names (KIND collide or random).
tags_zone() {
	head_zone
	fnv_names 16 11 1300 "$1" | awk -v recs=$((100 / scale)) '
		{ n[NR - 1] = $1 }
		END { for (r = 0; r < recs; r++) {
			printf "k%d._domainkey IN TXT \"v=DKIM1;\"", r
			for (i = 0; i < NR; i++)
				printf "%s%s=;%s", i % 5 ? "" : " \"",
				    n[(i + r) % NR], i % 5 == 4 ? "\"" : ""
			print (NR % 5 ? "\"" : "") " \"p=\"" } }'
}

# Owner names that all collide under FNV-1a: the name index, and the DMARC
# and SPF checks' sets of names, hash them.
test_colliding_names() {
	names_zone random $((16384 / scale)) >names-random.zone
	names_zone collide $((16384 / scale)) >names-collide.zone
	run --format gcc names-random.zone
	want_rc 0 || return 1
	ms_random=$ms
	run --format gcc names-collide.zone
	want_rc 0 && like_random "$ms" "$ms_random"
}

# Tag names that all collide under FNV-1a: the tag=value parser finds
# repeated names in a hash table.
test_colliding_tags() {
	tags_zone random >tags-random.zone
	tags_zone collide >tags-collide.zone
	run --format gcc --select DKIM002 tags-random.zone
	want_rc 0 || return 1
	ms_random=$ms
	run --format gcc --select DKIM002 tags-collide.zone
	want_rc 0 && like_random "$ms" "$ms_random"
}

# ---- rule and config files ----

bomb() {
	printf 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
	for p in a b c d e f g h; do
		q=$(echo "$p" | tr a-h b-i)
		printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' \
			"$q" "$q" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p"
	done
	printf '%s: *i\n' "$1"
}

test_alias_bomb() {
	bomb rules >bomb.yaml
	run --rules bomb.yaml empty.zone
	want_rc 2 &&
	has err "^bomb\\.yaml:1:4: error: YAML anchor '&a' is not allowed" &&
	has err "^bomb\\.yaml:2:8: error: YAML alias '\\*a' is not allowed" &&
	within 10 || return 1
	bomb ignore >cbomb.yaml
	run --config cbomb.yaml empty.zone
	want_rc 2 && has err '^cbomb\.yaml:[0-9]+:[0-9]+: error: '
}

test_yaml_nesting() {
	{ printf 'rules: '; repeat '[' 100000; echo; } >deep.yaml
	run --rules deep.yaml empty.zone
	want_rc 2 && has err '^deep\.yaml:1:[0-9]+: error: .*(nest|deep)' &&
	smaller err 65536
}

test_catastrophic_regex() {
	cat >evil.yaml <<'EOF'
rules:
  - id: EVIL001
    name: evil-pattern
    severity: error
    summary: a pattern that backtracks exponentially
    scope: record
    select: { type: TXT, rdata: '(a+)+$' }
    check: present
    message: "matched"
  - id: EVIL002
    name: evil-owner
    severity: error
    summary: the same kind of pattern on owner names
    scope: record
    select: { type: TXT, owner: '(a+)+$' }
    check: present
    message: "matched"
  - id: EVIL003
    name: evil-owner-again
    severity: error
    summary: one more rule sharing that owner pattern
    scope: record
    select: { type: TXT, owner: '(a+)+$' }
    check: present
    message: "matched"
EOF
	a=$(repeat a 250)
	head_zone >evil.zone
	{
		printf 'a IN TXT'
		for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do printf ' "%s"' "$a"; done
		printf ' "b"\nb IN TXT'
		for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do printf ' "%s"' "$a"; done
		printf '\n%sb IN TXT "x"\n' "$(repeat a 60)"
	} >>evil.zone
	run --no-default-rules --rules evil.yaml --format gcc evil.zone
	# Rules that share a pattern share its matches, but each one that
	# could not be evaluated still says so.
	want_rc 0 &&
	count out '^evil\.zone:13:1: warning: rule EVIL001 skipped here .*PCRE2 match limits' 1 &&
	count out '^evil\.zone:15:1: warning: rule EVIL002 skipped here .*select\.owner pattern exceeds the PCRE2 match limits' 1 &&
	count out '^evil\.zone:15:1: warning: rule EVIL003 skipped here .*select\.owner pattern exceeds the PCRE2 match limits' 1 &&
	count out . 3 && within 10
}

# PCRE2 counts its match limit anew at each start position: patterns that
# give up under it at each of the 64,000 positions of a long TXT record, or
# take steps that each scan the record (in a lookahead, an atomic group, a
# back reference), are stopped by the match limit and the budget all the
# same, in a fraction of a second, not a second or more per record.
test_regex_every_start() {
	s=$(repeat ab 125)
	head_zone >starts.zone
	n=$(wc -l <starts.zone)
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		printf 't%s IN TXT' "$i"
		for _ in $(seq 250); do printf ' "%s"' "$s"; done
		echo
	done >>starts.zone
	for p in '(?:\w|x){0,400}[!#]' '(?=([\w" ]+))\1[!#]' \
		'(?>[\w" ]*)[!#]'; do
		cat >starts.yaml <<EOF
rules:
  - id: SLOW001
    name: slow-pattern
    severity: error
    summary: a pattern that gives up under the limit at each start
    scope: record
    select: { type: TXT, rdata: '$p' }
    check: present
    message: "matched"
EOF
		run --no-default-rules --rules starts.yaml --format gcc starts.zone
		want_rc 0 &&
		count out "^starts\\.zone:$((n + 1)):1: warning: rule SLOW001 skipped here .*PCRE2 match limits" 1 &&
		count out "^starts\\.zone:$((n + 10)):1: warning: rule SLOW001 stopped: .*budget" 1 &&
		count out . 2 && within 5 || { echo "pattern $p"; return 1; }
	done
}

# A pattern-list parameter of 100,000 patterns, each tried on every MX
# RRset and each failing at once, is one rule: what its patterns cost per
# subject uncounted is shared among them, so it spends its budget and
# stops instead of running 100,000 matches per RRset (20 s here before).
test_regex_list() {
	{
		printf 'rules:\n  - id: LIST001\n    name: long-list\n'
		printf '    severity: error\n    summary: s\n    scope: rrset\n'
		printf '    select: { type: MX }\n    check: mx-single-target\n'
		printf '    message: "single"\n    params:\n      load-balanced:\n'
		for _ in $(seq 100000); do printf '        - zzz\n'; done
	} >list.yaml
	head_zone >list.zone
	for i in $(seq 3000); do printf 'h%s IN MX 10 mx1\n' "$i"; done >>list.zone
	run --no-default-rules --rules list.yaml --format gcc list.zone
	want_rc 1 && count out 'warning: rule LIST001 stopped: .*budget' 1 &&
	within 5
}

# Each finding holds its message and help as rendered: a rule file's
# templates are bounded, or a megabyte of message would cost a megabyte per
# finding (4 MiB each made 14 GB of 2,000 findings).
test_long_templates() {
	m=$(repeat m 1001)
	h=$(repeat h 1000)
	ph=$(printf '{owner}%.0s' $(seq 17))
	cat >templates.yaml <<EOF
rules:
  - id: LONG001
    name: long-message
    severity: error
    summary: a message over the limit, a help at it
    scope: record
    select: { type: TXT }
    check: present
    message: "$m"
    help: "$h"
  - id: LONG002
    name: many-placeholders
    severity: error
    summary: one placeholder too many
    scope: record
    select: { type: TXT }
    check: present
    message: "$ph"
EOF
	head_zone >templates.zone
	run --no-default-rules --rules templates.yaml templates.zone
	want_rc 2 &&
	has err '^templates\.yaml:9:14: error: message of 1001 bytes is longer than 1000$' &&
	has err '^templates\.yaml:18:127: error: more than 16 placeholders in message$' &&
	count err ': error: ' 2
}

# Text that is not UTF-8 under a (*UTF) pattern matches nothing: no
# warning about match limits, and the rule goes on with the next record.
test_utf_pattern() {
	cat >utf.yaml <<'EOF'
rules:
  - id: UTF001
    name: utf-pattern
    severity: error
    summary: a UTF pattern
    scope: record
    select: { type: TXT, rdata: '(*UTF)a' }
    check: present
    message: "matched"
EOF
	head_zone >utf.zone
	n=$(wc -l <utf.zone)
	printf 'x IN TXT "\377a"\ny IN TXT "a"\n' >>utf.zone
	run --no-default-rules --rules utf.yaml --format gcc utf.zone
	want_rc 1 && hasnt out "^utf\\.zone:$((n + 1)):" &&
	has out "^utf\\.zone:$((n + 2)):6: error: matched" &&
	hasnt out 'match limits'
}

test_config_not_yaml() {
	printf '\033[31m{{{ not: yaml: [\n\t- x\n' >bad-config.yaml
	run --config bad-config.yaml empty.zone
	want_rc 2 && has err '^bad-config\.yaml:1:1: error: invalid YAML' &&
	hasnt err "$esc" || return 1
	printf '\177ELF\002\001\001\000\000\000' >bin-config.yaml
	run --config bin-config.yaml empty.zone
	want_rc 2 && has err '^bin-config\.yaml:1:[0-9]+: error: '
}

# ---- $INCLUDE confinement ----

test_include_outside() {
	mkdir -p tree shared
	head_zone >tree/example.com.zone
	# shellcheck disable=SC2016 # $INCLUDE is zone text
	printf '%s\n' '$INCLUDE /etc/passwd' '$INCLUDE ../shared/mail.inc' \
		'$INCLUDE link.inc' '$INCLUDE ../../../../../../../../etc/passwd' \
		>>tree/example.com.zone
	echo 'secret IN MX 10 192.0.2.77' >shared/mail.inc
	ln -sf ../shared/mail.inc tree/link.inc
	ln -sf /etc/passwd tree/passwd.inc
	# shellcheck disable=SC2016
	echo '$INCLUDE passwd.inc' >>tree/example.com.zone
	for fmt in text gcc json; do
		run --format "$fmt" tree/example.com.zone
		want_rc 1 || return 1
		cat out err >all
		# Not one line of /etc/passwd, nor of the outside snippet.
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			if grep -Fq -e "$line" all; then
				echo "output shows a line of /etc/passwd: $line"
				return 1
			fi
		done </etc/passwd
		hasnt all 'root:|secret|192\.0\.2\.77' || return 1
	done
	run --format gcc tree/example.com.zone
	count out "cannot read include file '.*': .*(outside|leads out of) 'tree'" 5 &&
	has out "^tree/example\\.com\\.zone:13:10: error: cannot read include file '/etc/passwd': outside" &&
	has out "^tree/example\\.com\\.zone:15:10: error: cannot read include file 'link\\.inc': a symbolic link leads out" &&
	has out "^tree/example\\.com\\.zone:17:10: error: cannot read include file 'passwd\\.inc': a symbolic link leads out"
}

test_allow_include() {
	run --format gcc --allow-include shared tree/example.com.zone
	want_rc 1 && count out "cannot read include file '.*': .*(outside|leads out of) 'tree'" 3 &&
	has out '^tree/(\.\./shared/mail|link)\.inc:1:[0-9]+: error: .*\[MX001\]$' ||
		return 1
	run --allow-include no-such-dir tree/example.com.zone
	want_rc 2 && has err "cannot use allowed include path 'no-such-dir'"
}

# ---- escaping ----

# TXT data and owner names with ESC, CR, LF, quotes, <&>, invalid UTF-8,
# C1 controls (CSI, OSC, ST), bidi overrides, isolates and marks, line
# separators and U+FEFF, echoed by the SPF rules and the loader.
hostile_zone() {
	head_zone
	printf 'h1 IN TXT "v=spf1 a:\033[31mred\033[0m.example -all"\n'
	printf 'h2 IN TXT "v=spf1 a:x\rcr.example include:\\010lf -all"\n'
	printf 'h3 IN TXT "v=spf1 a:\\"q\\"<&>\377\376.example -all"\n'
	printf 'h4\033]0;title\007 IN MX 10 192.0.2.9\n'
	printf 'h5 IN TXT "v=spf1 ip4:<script>&amp;\342\200\256 -all"\n'
	printf 'h6 IN TXT "v=spf1 a:\302\23331m\302\2350;t\302\234.example -all"\n'
	printf 'h7\342\200\256\302\233 IN MX 10 192.0.2.9\n'
	printf 'h8\342\201\246x\342\201\251\342\200\217 IN TXT "v=spf1 \342\200\250a \357\273\277 \330\234 -all"\n'
}

# The formats this zonelint offers, from its --help (new formatters are
# covered as soon as they exist).
formats() {
	"$zl" --help | sed -n 's/.*--format FMT *//p' |
		sed 's/(default)//; s/,/ /g'
}

# valid FORMAT: the document in out is well formed for its format.
valid() {
	case $1 in
	json|sarif|gitlab) json_ok out ;;
	checkstyle|junit) xmllint --noout out || { show out; return 1; } ;;
	esac
}

test_escaping() {
	hostile_zone >hostile.zone
	fmts=$(formats)
	[ -n "$fmts" ] || { echo "no formats in --help"; return 1; }
	for fmt in $fmts; do
		run --format "$fmt" --color never hostile.zone
		want_rc 1 || { echo "format $fmt"; return 1; }
		hasnt out "$esc" && hasnt out "$(printf '\r')" || {
			echo "format $fmt"
			return 1
		}
		valid "$fmt" || return 1
		case $fmt in
		text|gcc) has out '\\027' || return 1 ;;
		esac
	done
	run --format json hostile.zone
	json_ok out &&
	[ "$(jq '[.. | strings | select(test("\u001b|\r|\u009b|\u202e"))] | length' out)" = 0 ]
}

# The hostile zone under a file name of its own with a bidi override and a
# C1 control, in every format; the text shows them escaped, byte by byte.
test_escaping_file_name() {
	mkdir -p named
	hostile_zone >"$(printf 'named/h\342\200\256x\302\233.zone')"
	for fmt in $(formats); do
		run --format "$fmt" --color never named
		want_rc 1 && valid "$fmt" || { echo "format $fmt"; return 1; }
	done
	run --format gcc named
	has out '^named/h\\226\\128\\174x\\194\\155\.zone:19:1: warning: .*h7\\226\\128\\174\\194\\155' &&
	has out '\\194\\15531m\\194\\1570;t\\194\\156'
}

# Rule text (name, summary, description, message, help, references) and
# configuration text with C1 controls, bidi controls, separators and
# U+FEFF, raw and as YAML escapes: escaped in every format, in --list-rules,
# --explain and in the errors about a bad rule or config file.
# What zonelint says about its arguments and environment, and about the
# zones a server configuration skips, quotes them escaped: a CI job's
# SOURCE_DATE_EPOCH or a BIND view name (named-checkconf accepts one with
# ESC and U+202E) cannot drive the terminal of whoever reads the log.
test_escaping_args() {
	bad=$(printf '\033]0;x\007\033[31m\342\200\256\302\233')
	head_zone >args.zone
	for a in "--format=$bad" "--$bad" "-$(printf '\001')" "--jobs=$bad" \
		"--color=$bad" "--explain=$bad" "--output=nodir/$bad"; do
		run "$a" args.zone
		sane && has err '\\0[0-9][0-9]' || { echo "argument $a"; return 1; }
	done
	SOURCE_DATE_EPOCH=$bad run args.zone
	want_rc 2 && sane && has err "not '\\\\027\\]0;x\\\\007" || return 1
	mkdir -p views
	printf 'view "v%s" {\n  zone "example.com" { type secondary; primaries { 192.0.2.1; }; };\n};\n' \
		"$bad" >views/named.conf
	named-checkconf views/named.conf || return 1
	run --server-config named:views/named.conf
	sane && has err 'in view v\\027\]0;x\\007'
}

evil_rules() {
	printf 'rules:\n  - id: EVIL009\n    name: evil-text\n'
	printf '    severity: warning\n'
	printf '    summary: "sum \\u202e\\x9b[31m \342\200\256 \342\201\247"\n'
	printf '    description: "one \\u2066 iso\\nline \\x9d0;t\\x9c \\u2029"\n'
	printf '    scope: record\n    select: { type: MX }\n    check: present\n'
	printf '    message: "msg \\u202e\\x9b {owner} \\u2028 \\ufeff"\n'
	printf '    help: "help \\u200f\\x85 \\u061c \342\200\217"\n'
	printf '    references: ["RFC \\u202e 1035 \\x9b"]\n'
}

test_escaping_rule_text() {
	evil_rules >evil-text.yaml
	head_zone >evil-text.zone
	for fmt in $(formats); do
		run --rules evil-text.yaml --format "$fmt" evil-text.zone
		want_rc 0 && valid "$fmt" && has out 'msg' ||
			{ echo "format $fmt"; return 1; }
	done
	run --rules evil-text.yaml --format sarif evil-text.zone
	json_ok out '[.runs[0].tool.driver.rules[] | select(.id == "EVIL009") |
		.shortDescription.text, .fullDescription.text, .help.text] |
		length == 3 and all(test("\\\\226\\\\128\\\\174|\\\\226\\\\129\\\\166"))' ||
		return 1
	run --rules evil-text.yaml --format gcc evil-text.zone
	want_rc 0 && has out 'msg \\226\\128\\174\\194\\155 ' || return 1
	run --rules evil-text.yaml --list-rules
	want_rc 0 && has out '^EVIL009 .*sum \\226\\128\\174\\194\\155\[31m' ||
		return 1
	run --rules evil-text.yaml --explain EVIL009
	want_rc 0 && has out '^help: help \\226\\128\\143\\194\\133 ' &&
	has out 'RFC \\226\\128\\174 1035' || return 1
	# A bad rule and a bad config echo the offending text in their errors.
	sed 's/name: evil-text/name: "evil\\u202e\\x9b"/' evil-text.yaml >evil-name.yaml
	run --rules evil-name.yaml evil-text.zone
	want_rc 2 && has err "^evil-name\\.yaml:3:[0-9]+: error: .*evil\\\\226\\\\128\\\\174" ||
		return 1
	printf 'rules:\n  "MX\\u202e\\x9b001": off\n' >evil-config.yaml
	run --config evil-config.yaml evil-text.zone
	want_rc 2 && has err '^evil-config\.yaml:2:[0-9]+: error: .*MX\\226\\128\\174\\194\\155001'
}

# A multi-byte character where a message cuts its quote of a long value
# (a name, an SPF or DMARC record, a tag name) or names one character, and
# where a long source line is cut for its snippet: shown whole or left
# out, never one byte of it.  Every byte above 0x7f of this zone is part
# of a UTF-8 character, which no output writes as an escape but in a fix
# (\195\169 whole): a lead byte escaped alone is a character cut.
cut_zone() {
	e=$(printf '\303\251')
	a=$(repeat a 33)
	head_zone
	printf 'caf%s IN A 192.0.2.20\n' "$e"
	printf 'x IN CNAME %s%s%s\\2.\n' "$a" "$(repeat a 30)" "$e"
	printf 's IN TXT "v=spf2%s%s -all"\n' "$a" "$e"
	printf '_dmarc.d IN TXT "v=DMARC2; p=%s%s"\n' "$(repeat a 27)" "$e"
	printf 'k._domainkey IN TXT "v=DKIM1; p=; %s%s=1"\n' "$a" "$e"
	printf '_mta-sts IN TXT "v=STSv1; id=1;%s%s"\n' "$(repeat a 39)" "$e"
	printf 'l IN TXT "%s%s"\n' "$(repeat a 4085)" "$e"
	printf 'm IN TXT "x" ; zonelint: disable=ZONE012%s\n' "$e"
}

# Configurations that multiply: 14,000 brace groups in one NSD include
# pattern (a level of expansion and a copy of the pattern each), 1.6 MB
# of words and glued comments on one named.conf line, and 1,000 includes
# of 3,000 files each.  Each is refused or read in a second or two, and
# the file cap is said once.
test_config_multiplies() {
	printf 'include: "%s*"\n' "$(repeat '{' 14000 | sed 's/{/{}/g')" \
		>braces.conf
	run --server-config nsd:braces.conf
	want_rc 2 && within 2 &&
		has err "has more than 256 alternatives or 64 braces" || return 1
	repeat x 320000 | sed 's|x|a/**/|g' >glued.conf
	run --server-config named:glued.conf
	want_rc 2 && within 2 || return 1
	mkdir -p fan
	i=0
	while [ "$i" -lt $((3000 / scale)) ]; do
		: >"fan/f$i.conf"
		i=$((i + 1))
	done
	for k in nsd named; do
		i=0
		while [ "$i" -lt 1000 ]; do
			[ "$k" = nsd ] && echo 'include: "fan/*.conf"' ||
				echo 'include "fan/*.conf";'
			i=$((i + 1))
		done >"fan-$k.conf"
		run --server-config "$k:fan-$k.conf"
		want_rc 2 && within 2 &&
			count err 'more than 4096 files included' 1 || return 1
	done
}

# A message that quotes a value whole keeps its head and tail around
# "...": a 200,000-byte $INCLUDE name, a config's 100,000-byte severity.
# No line of the output is longer than 5,000 bytes.
test_long_quotes() {
	{ head_zone; printf '$INCLUDE %s\n' "$(repeat b 200000)"; } >inc.zone
	mkdir -p cfg
	printf 'rules: { MX009: "%s" }\n' "$(repeat a 100000)" \
		>cfg/.zonelint.yaml
	head_zone >cfg/example.com.zone
	run --format gcc inc.zone
	want_rc 1 && has out "^inc\\.zone:13:10: error: cannot read include file 'bbbb*\\.\\.\\.b*': File name too long \\[ZONE003\\]$" &&
		short_lines out || return 1
	run --format gcc cfg/example.com.zone
	want_rc 2 && has err "unknown severity 'aaa*\\.\\.\\.a*' \\(expected" &&
		short_lines err
}

# short_lines FILE: no line of FILE is longer than 5,000 bytes.
short_lines() {
	awk 'length > 5000 { print FILENAME ":" FNR ": " length " bytes"; bad = 1 }
	     END { exit bad }' "$1"
}

test_utf8_cut() {
	cut_zone >cut.zone
	for fmt in $(formats); do
		run --format "$fmt" --color never cut.zone
		want_rc 1 && valid "$fmt" || { echo "format $fmt"; return 1; }
		if grep -naP '\\{1,2}(?:19[4-9]|2[0-3][0-9]|24[0-4])(?!\\{1,2}(?:1[2-8][0-9]|19[01]))' \
			out; then
			echo "format $fmt: a character cut"
			return 1
		fi
	done
	run --format gcc cut.zone
	has out "^cut\\.zone:13:1: warning: UTF-8 character '$e' .*\\[ZONE012\\]\$"
}

# ---- the inputs are never written ----

test_inputs_untouched() {
	mkdir -p ro
	hostile_zone >ro/a.zone
	cp tree/example.com.zone ro/example.net.zone
	sed 's/example\.com/example.org/' long.zone >ro/example.org.zone 2>/dev/null ||
		head_zone >ro/example.org.zone
	sum_of ro/* >before
	sleep 1
	run ro
	want_rc 1 || return 1
	run --output report.txt --format json ro/a.zone ro/example.net.zone
	want_rc 1 && json_ok report.txt || return 1
	sum_of ro/* >after
	cmp -s before after || { diff before after; return 1; }
}

test_output_atomic() {
	mkdir -p o
	echo 'previous report' >o/report
	cksum o/report >o.sum
	run --rules bomb.yaml --output o/report ok.zone
	want_rc 2 && cksum o/report | cmp -s - o.sum || {
		echo "report changed by a failed run"
		return 1
	}
	run --output nodir/report ok.zone
	want_rc 2 && [ ! -e nodir ] || return 1
	run --format gcc --output o/report ok.zone
	want_rc 1 && has o/report '\[MX001\]$' &&
	[ "$(ls -A o)" = report ] || { ls -A o; return 1; }
}

t "command-line, environment and server-config values escaped in messages" test_escaping_args
t "binary garbage" test_garbage
t "NUL bytes" test_nul
t "files that are not zone text (UTF-16, gzip, BIND raw, binary)" test_not_text
t "invalid UTF-8" test_invalid_utf8
t "UTF-8 characters where messages cut a quote or a line" test_utf8_cut
t "messages that quote a value of 100,000 bytes or more" test_long_quotes
t "server configurations that multiply: braces, glued comments, includes" test_config_multiplies
t "a 10 MB line and 65536 tokens on one line" test_long_line
t "a 66,668-byte key, 72,000 hex digits in one token; records at the servers' size limits" test_long_token
t "an RRset whose records are written twice, spelled apart: BIND's size counts each once" test_rrset_spelling
t "100,000 nested and unbalanced parentheses" test_parens
t "unterminated quote at end of file" test_unterminated_quote
t "a file that is a directory" test_directory
t "unreadable files (dangling link, path through a file)" test_unreadable
t "empty files" test_empty
t "CRLF and mixed line endings" test_line_endings
t "$records records at one owner name" test_million_records
t "relational checks over 30,000-record RRsets" test_relational_bounds
t "owner names chosen to collide under FNV-1a" test_colliding_names
t "DKIM tag names chosen to collide under FNV-1a" test_colliding_tags
t "YAML alias bomb in a rule and a config file" test_alias_bomb
t "100,000 nested YAML sequences" test_yaml_nesting
t "catastrophic regex (a+)+\$ on a long rdata" test_catastrophic_regex
t "patterns that give up under the match limit at every start position" test_regex_every_start
t "message and help templates over their limits" test_long_templates
t "a pattern list of 100,000 patterns tried on every RRset" test_regex_list
t "config file that is not YAML" test_config_not_yaml
t "text that is not UTF-8 under a (*UTF) pattern" test_utf_pattern
t "\$INCLUDE outside the tree prints nothing of it" test_include_outside
t "--allow-include widens the include root" test_allow_include
t "control bytes, C1, bidi controls and markup escaped in every format" test_escaping
t "a file name with a bidi override and a C1 control, in every format" test_escaping_file_name
t "C1 and bidi controls in rule and config text escaped everywhere" test_escaping_rule_text
t "every check, variant and variable, pointed at records of any type by a rule pack" test_checks_any_type
t "zone files are never written" test_inputs_untouched
t "--output is atomic and untouched on failure" test_output_atomic

finish
