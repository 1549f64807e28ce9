#!/bin/sh
# corpus.sh - writes the seed corpora of the fuzz harnesses from the test
# fixtures, the example zones and the rule packs, so that no corpus needs to
# be committed.  Each seed is named by its checksum: reruns add nothing.
#
# usage: fuzz/corpus.sh OUTDIR     (run from the top of the tree)
# writes OUTDIR/zone (and the same seeds in OUTDIR/lint), OUTDIR/zoneset,
# OUTDIR/spf, OUTDIR/txt, OUTDIR/rules, OUTDIR/tagvalue, OUTDIR/config,
# OUTDIR/server, OUTDIR/server_zone and OUTDIR/change.
set -eu

out=${1:?usage: fuzz/corpus.sh OUTDIR}
for h in zone lint zoneset spf txt rules tagvalue config server server_zone \
	change; do
	mkdir -p "$out/$h"
done

# seed HARNESS: stdin becomes one seed file.
seed() {
	f=$(mktemp "$out/$1/.new.XXXXXX")
	cat >"$f"
	sum=$(cksum <"$f" | tr ' ' '-')
	mv "$f" "$out/$1/seed-$sum"
}

zones=$(find tests/fixtures zones-example -type f \
	\( -name '*.zone' -o -name '*.db' -o -name 'db.*' -o -name '*.inc' \) \
	2>/dev/null | sort)

# Whole zone files, and the loader's corner cases that no fixture shows.
for z in $zones; do
	seed zone <"$z"
done
printf '%s\n' '$ORIGIN example.com.' '$TTL 1h30m' \
	'@ IN SOA ns1 h ( 1 2 3' '  4 5 ) ; comment' \
	'a CLASS1 TYPE1 \# 4 c0000201' 'b IN TXT \# 6 0568656c6c6f' \
	'c 60 IN TXT "a\"b" x\059y "\255"' '$INCLUDE missing.inc sub' \
	'd IN MX 10 mx.example.com' '  IN MX 0 .' | seed zone
printf '@ 3600 IN TXT "v=spf1 -all"\r\n\t3600 IN MX 10 mx\r\n' | seed zone
# $GENERATE: every base and modifier, ranges at their limits, escapes,
# quoted rdata, and templates cut short.
# shellcheck disable=SC2016 # $GENERATE templates are zone text
printf '%s\n' '$ORIGIN 0.10.in-addr.arpa.' '$TTL 60' '@ SOA ns h 1 2 3 4 5' \
	'$GENERATE 0-255/3 $ PTR h${-1,3,d}.${0,4,x}.${0,5,X}.example.' \
	'$GENERATE 250-260 ${0,5,n}.n 60 IN CNAME ${0,0,N}' \
	'$GENERATE 0-65535 w${0,255,o} IN 1 A 192.0.2.1' \
	'$GENERATE 2147483646-2147483647 \$$$${+1} TXT "a $ ${2,1} b"' \
	'$GENERATE 1-2 @ MX "1$ mx${0,2' '$GENERATE 1-2 a${ A 1.2.3.$' \
	'$GENERATE 1-2 b${-3} A 1.2.3.4' '$GENERATE 9-1/0 c A 1.2.3.4' \
	'$GENERATE 1- d A 1.2.3.4' '$GENERATE 1-3 e$ 5 IN A 1.2.3.$ x' \
	'$GENERATE 1-3 f$ A' '$GENERATE 1-2 ( g$' '  A 1.2.3.$ )' | seed zone

# $INCLUDE, through the files in memory of fuzz/memfs.h (";;; NAME"
# starts one): the fixtures that include, with the files beside them, and
# nesting, loops, refusals and fan-out.
# shellcheck disable=SC2016 # $INCLUDE, $ORIGIN and $TTL are zone text
for z in $zones; do
	grep -aq '^\$INCLUDE' "$z" || continue
	d=$(dirname "$z")
	{
		cat "$z"
		find "$d" -type f -name '*.inc' | sort | while IFS= read -r f; do
			printf ';;; %s\n' "${f#"$d"/}"
			cat "$f"
		done
	} | seed zone
done
# shellcheck disable=SC2016
printf '%s\n' '$ORIGIN example.com.' '$TTL 300' '$INCLUDE a.inc' \
	'$INCLUDE sub/b.inc sub' '$INCLUDE ../x.inc' '$INCLUDE /etc/passwd' \
	'$INCLUDE missing.inc' ';;; a.inc' 'a IN MX 10 mail' \
	'mail IN A 192.0.2.1' ';;; sub/b.inc' \
	'b IN TXT "v=spf1 include:a.example.com -all"' '$INCLUDE ../a.inc' \
	'$INCLUDE ./b.inc' | seed zone
# shellcheck disable=SC2016
{
	printf '%s\n' '$ORIGIN example.com.' '$TTL 300' '$INCLUDE l1.inc'
	for i in 1 2 3 4 5 6 7 8; do
		printf ';;; l%d.inc\nn%d IN A 192.0.2.%d\n' "$i" "$i" "$i"
		printf '$INCLUDE l%d.inc\n$INCLUDE l%d.inc\n' $((i + 1)) $((i + 1))
	done
} | seed zone
cp "$out"/zone/seed-* "$out/lint/"
# A repository of zones as one input: example.org's zone, then the others
# as files of it (memfs.h), the provider's under a name that gives its
# origin; fuzz_zoneset loads some and keeps others as context.
{
	cat tests/repo/zones/example.org.zone
	echo ';;; example.net.zone'
	cat tests/repo/zones/db.provider
	echo ';;; shop.example.org.zone'
	cat tests/repo/zones/shop.example.org.zone
	echo ';;; common/mail.inc'
	cat tests/repo/common/mail.inc
} | seed zoneset
for z in $zones; do
	{ cat "$z"; echo ';;; example.net.zone'; cat zones-example/example.net.zone; } |
		seed zoneset
done

# SPF records and TXT rdata as written in the fixtures and unit tests.
for z in $zones; do
	grep -aE '[[:space:]](TXT|SPF)[[:space:]]' "$z" || true
done | sed 's/^.*[[:space:]]\(TXT\|SPF\)[[:space:]]*//' | sort -u |
while IFS= read -r rd; do
	printf '%s\n' "$rd" | seed txt
	# The SPF text a receiver sees: the strings joined, quotes dropped.
	case $rd in
	*v=spf1*) printf '%s' "$rd" | sed 's/;.*$//; s/" *"//g; s/"//g; s/ *$//' |
		seed spf ;;
	esac
done
grep -ho '"v=spf1[^"]*"' tests/unit/*.c 2>/dev/null | sed 's/^"//; s/"$//' |
	sort -u | while IFS= read -r r; do printf '%s' "$r" | seed spf; done

# Rule packs, whole and one rule at a time.
for y in rules/*.yaml; do
	seed rules <"$y"
	awk -v dir="$out/rules" '
		/^  - id:/ { n++; f = sprintf("%s/.rule-%d", dir, n); print "rules:" > f }
		n && /^  / { print > f }
		END { for (i = 1; i <= n; i++) close(sprintf("%s/.rule-%d", dir, i)) }' "$y"
	for r in "$out"/rules/.rule-*; do
		[ -f "$r" ] || continue
		seed rules <"$r"
		rm -f "$r"
	done
done

# DMARC, DKIM and other tag-value records, for the tag-value parser.
for z in $zones; do
	grep -ahoE '"v=(DMARC1|DKIM1|STSv1|TLSRPTv1)[^"]*"' "$z" || true
done | sed 's/^"//; s/"$//' | sort -u |
while IFS= read -r r; do printf '%s' "$r" | seed tagvalue; done
printf 'v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.net!10m' |
	seed tagvalue
printf 'v=DKIM1; k=rsa; t=y:s; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC' |
	seed tagvalue

# Repository configurations: the examples of docs/config.md, and any file.
if [ -f docs/config.md ]; then
	awk -v dir="$out/config" '
		/^```yaml/ { n++; f = sprintf("%s/.doc-%d", dir, n); on = 1; next }
		/^```/ { if (on) close(f); on = 0; next }
		on { print > f }' docs/config.md
	for c in "$out"/config/.doc-*; do
		[ -f "$c" ] || continue
		seed config <"$c"
		rm -f "$c"
	done
fi
for c in $(find tests zones-example -name '.zonelint.yaml' 2>/dev/null | sort); do
	seed config <"$c"
done
printf '%s\n' 'rules:' '  MX009: off' '  TTL002:' '    severity: warning' \
	'    params: { min: 60, max: 172800 }' 'files:' '  - glob: "*.example.zone"' \
	'    ignore: [SPF016]' | seed config

# Server configurations (tests/servers/KIND/CASE): the configuration, then
# the files beside it that it may include, as fuzz/memfs.h cuts them.
for d in tests/servers/*/*/; do
	[ -d "$d" ] || continue
	conf=$(find "$d" -maxdepth 1 -type f -name '*.conf' | sort | head -n 1)
	[ -n "$conf" ] || continue
	{
		cat "$conf"
		find "$d" -type f ! -path "$conf" ! -name expect ! -name errors |
			sort | while IFS= read -r f; do
				printf ';;; %s\n' "${f#"$d"}"
				cat "$f"
			done
	} | seed server
done

# A configuration and a zone, a NUL byte between them (fuzz_server_zone):
# the limits BIND's configurations set for a zone (max-zone-ttl, a
# dnssec-policy's, max-records-per-type, max-types-per-name) in options,
# a view, a policy and the zone, and Knot's and NSD's, over a zone that
# goes over each of them, and over the fixtures.
# shellcheck disable=SC2016 # $ORIGIN, $TTL, $GENERATE and $INCLUDE are zone text
printf '%s\n' '$ORIGIN example.com.' '$TTL 7200' \
	'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' '@ IN NS ns1' \
	'ns1 IN A 192.0.2.53' 'a IN A 192.0.2.1' '  IN A 192.0.2.2' \
	'  IN A 192.0.2.3' '  IN A 192.0.2.3' 'b 4294967295 IN TXT "x"' \
	'b 86401 IN MX 10 a' 'b IN AAAA 2001:db8::1' 'b IN SPF "v=spf1 -all"' \
	'b IN RRSIG A 8 3 3600 20300101000000 20200101000000 1 example.com. AAAA' \
	'b IN RRSIG MX 8 3 3600 20300101000000 20200101000000 1 example.com. AAAA' \
	'b IN RRSIG MX 8 3 3600 20300101000000 20200101000000 1 example.com. AAAB' \
	'$GENERATE 1-5 g$ 99999 IN A 192.0.2.$' '$INCLUDE more.inc' \
	';;; more.inc' '$TTL 90000' 'c IN A 192.0.2.9' 'd 3 IN TXT "t"' \
	>"$out/.limits.zone"
for c in \
	'options { max-zone-ttl 1h; max-records-per-type 2; max-types-per-name 3; };' \
	'view "v" { max-zone-ttl 86400; max-records-per-type 1; max-types-per-name 1; zone "example.com" { type primary; file "z"; }; };' \
	'dnssec-policy "p" { max-zone-ttl 60; }; zone "example.com" { type primary; file "z"; dnssec-policy "p"; inline-signing yes; };' \
	'options { dnssec-policy default; max-zone-ttl 10; }; zone "example.com" { type primary; file "z"; inline-signing yes; max-records-per-type 0; };' \
	'zone:
  - domain: example.com
    file: z' \
	'zone:
	name: example.com
	zonefile: z'; do
	case $c in
	options*max-types*) c="$c zone \"example.com\" { type primary; file \"z\"; };" ;;
	esac
	{ printf '%s\n\000' "$c"; cat "$out/.limits.zone"; } | seed server_zone
done
for z in $zones; do
	{
		printf '%s\n\000' 'options { max-zone-ttl 1h; max-records-per-type 2; max-types-per-name 3; }; zone "example.com" { type primary; file "z"; };'
		cat "$z"
	} | seed server_zone
done
rm -f "$out/.limits.zone"

# The cases of tests/parity.sh, each in its small zone: alone
# (fuzz_lint: the loader, every rule and format), and under the
# configuration of one of the three servers in turn as parity.sh writes
# it (fuzz_server_zone: what that server refuses).  make check-asan
# leaves parity.sh out: here AddressSanitizer sees its cases in one
# process.
rm -f "$out"/lint/parity-* "$out"/server_zone/parity-*
awk -v dir="$out/lint" -v prefix=parity- -f tests/parity-cases.awk \
	tests/parity/*
rm -f "$out"/lint/parity-*.*
{ printf '%s\n' 'options { directory "."; };' \
	'zone "example.com" { type primary; file "db.zone"; };'
	printf '\000'; } >"$out/.conf0"
{ printf '%s\n' 'template:' '  - id: default' '    storage: .' 'zone:' \
	'  - domain: example.com' '    file: db.zone'; printf '\000'; } \
	>"$out/.conf1"
{ printf '%s\n' 'server:' '	zonesdir: "."' 'zone:' '	name: example.com' \
	'	zonefile: db.zone'; printf '\000'; } >"$out/.conf2"
i=0
for c in "$out"/lint/parity-*; do
	i=$((i + 1))
	cat "$out/.conf$((i % 3))" "$c" >"$out/server_zone/${c##*/}"
done
rm -f "$out"/.conf[012]

# Two versions of a zone, "%%" between them: the fixtures with a base.
for z in $zones; do
	[ -f "$z.base" ] || continue
	{ cat "$z.base"; echo '%%'; cat "$z"; } | seed change
done
