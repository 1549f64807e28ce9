# server-config-bind-suite.sh - part of tests/server-config.sh, sourced by
# server-config-bind.sh: cases from BIND 9's own test suite
# (isc-projects/bind9, bin/tests/system/checkconf/ and the named.conf files
# of kasp/ and rpz/), each cut down to what it tests and run through
# named-checkconf and zonelint --server-config, the verdicts
# (named_takes) or the lines of the errors (named_cases) compared.  The
# comment of each case names the file it comes from.
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# A dnssec-policy's keys: an algorithm named does not know (by name or
# number up to 255), an RSA key of fewer than 1024 or more than 4096 bits
# (at the key's last word), both refused by both, once per policy (named
# stops at a policy's first bad key); a size for an algorithm of fixed
# length only warned of.  An unused policy is checked too.
t_kasp_keys() {
	named_cases kk "bad algorithm" <<'EOF2' || return 1
1 |dnssec-policy "badalg" { keys { csk lifetime unlimited algorithm ceasarscipher; }; };
4 |dnssec-policy p { keys {\nksk lifetime unlimited\nalgorithm\nbogus; zsk lifetime unlimited algorithm also-bad; }; };
1 |dnssec-policy p { keys { csk lifetime unlimited algorithm 256; }; };
1 |dnssec-policy p { keys { csk lifetime unlimited algorithm rsasha1-nsec3-sha1; }; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm ECDSA256; csk lifetime P1Y algorithm NSEC3RSASHA1; }; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm 253; ksk lifetime unlimited algorithm Ed448; zsk lifetime 0 algorithm ed448; }; };
EOF2
	named_cases kk "invalid key length" <<'EOF2' || return 1
1 |dnssec-policy "badalg" { keys { csk lifetime unlimited algorithm 8 4097; }; };
1 |dnssec-policy "badalg" { keys { csk lifetime unlimited algorithm rsasha512 1023; }; };
1 |dnssec-policy "badalg" { keys { csk lifetime unlimited algorithm 5 511; }; };
1 4 |dnssec-policy "bad-keylen" { keys { csk lifetime P10Y algorithm rsasha1 511; }; };\ndnssec-policy q { keys {\nksk lifetime unlimited algorithm 7\n512; zsk lifetime unlimited algorithm 7 5000; }; };
|dnssec-policy p { keys { ksk lifetime P1Y algorithm RsaSha256 1024; zsk lifetime P1Y algorithm 8 4096; }; };
|dnssec-policy "warn-length" { keys { csk lifetime unlimited algorithm ecdsa256 2048; }; };
EOF2
	named_cases kk "ISO 8601" <<'EOF2' || return 1
1 |dnssec-policy p { keys { csk lifetime bad algorithm 13; }; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm 13; }; };
EOF2
	# a key of one role alone, per algorithm, at the keys block's '{'
	named_cases kk "requires both KSK and ZSK" <<'EOF2'
2 |dnssec-policy p {\nkeys {\nzsk lifetime unlimited algorithm 13; }; };
1 1 |dnssec-policy p { keys { ksk lifetime unlimited algorithm 13; zsk lifetime unlimited algorithm 8; }; };
|dnssec-policy p { keys { ksk lifetime unlimited algorithm 13; zsk lifetime unlimited algorithm 13; }; };
|dnssec-policy p { keys { }; };
EOF2
}
t "BIND dnssec-policy keys (checkconf/bad-kasp-key*, kasp-bad-keylen): zonelint refuses what named refuses, at its line" t_kasp_keys

# A dnssec-policy's nsec3param: its parts in named's order, iterations up
# to 150 (BIND 9.20 takes none at all), a salt length up to 255, and an
# algorithm of its keys that NSEC3 goes with; a salt (which BIND 9.16
# dropped) refused where it stands.
t_kasp_nsec3() {
	named_cases kn "iterations value" <<'EOF2' || return 1
1 |dnssec-policy too-many-iterations { nsec3param iterations 151; };
3 |dnssec-policy "rsasha1" { keys { csk lifetime P10Y algorithm nsec3rsasha1 1024; }; nsec3param iterations 150; };\ndnssec-policy "rsasha256-bad" {\nkeys { csk lifetime P10Y algorithm rsasha256 2048; }; nsec3param iterations 151; };
3 |dnssec-policy p {\nnsec3param\niterations 200 optout yes; };
|dnssec-policy p { nsec3param iterations 0 optout no salt-length 8; };
EOF2
	named_cases kn "cannot use nsec3" <<'EOF2' || return 1
1 |dnssec-policy "bad-salt" { keys { csk lifetime unlimited algorithm rsasha1; }; nsec3param ; };
4 |dnssec-policy p {\nkeys { csk lifetime unlimited algorithm 5; };\nnsec3param\niterations 2; };
1 |dnssec-policy p { keys { csk lifetime unlimited algorithm dh; }; nsec3param; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm nsec3rsasha1; }; nsec3param; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm 13; }; nsec3param; };
EOF2
	named_cases kn "before 'salt'" <<'EOF2' || return 1
1 |dnssec-policy "bad-salt" { nsec3param salt "pepper"; };
EOF2
	named_cases kn "salt length" <<'EOF2' || return 1
1 |dnssec-policy p { nsec3param salt-length 256; };
|dnssec-policy p { nsec3param salt-length 255; };
EOF2
	# numbers named does not read: a word, or past 32 bits
	named_cases kn "expected number" <<'EOF2' || return 1
1 |dnssec-policy p { nsec3param iterations x; };
EOF2
	named_cases kn "out of range" <<'EOF2'
1 |dnssec-policy p { nsec3param salt-length 4294967296; };
2 |dnssec-policy p { keys {\ncsk lifetime unlimited algorithm 8 99999999999999999999; }; };
EOF2
}
t "BIND dnssec-policy nsec3param (checkconf/kasp-bad-nsec3-*, bad-kasp-iterations): zonelint refuses what named refuses, at its line" t_kasp_nsec3

# A dnssec-policy's statements: one none of named 9.18, 9.20 and 9.21
# takes, a duration named does not read, a signatures-refresh at 90% of
# a validity or past it (at the statement), a CDS digest type 9.18 does
# not have the option for and 9.20 refuses: refused by both; the
# policies of good-kasp.conf and of the kasp system test
# (kasp/ns3/policies/kasp.conf.in, autosign.conf.in, @DEFAULT_ALGORITHM@
# put as ECDSAP256SHA256) taken (a deprecated algorithm, two keys of one
# role, parent-registration-delay only warned of).  BIND 9.20's
# cds-digest-types, which 9.18 refuses, is taken (docs/servers.md,
# "Options and views").
t_kasp_statements() {
	named_cases ks "ISO 8601" <<'EOF2' || return 1
2 |dnssec-policy "badduration" {\n\tsignatures-refresh PT20Sabcd;\n};
1 |dnssec-policy p { dnskey-ttl 1y; };
2 |dnssec-policy p {\npublish-safety "P1D"; };
|dnssec-policy p { dnskey-ttl 1h30m; purge-keys P90D; signatures-jitter PT12H; };
EOF2
	named_cases ks "signatures-refresh must" <<'EOF2' || return 1
1 |dnssec-policy p { signatures-validity P5D; };
1 |dnssec-policy p { signatures-validity P10D; signatures-refresh P9D; };
2 2 |dnssec-policy p { signatures-refresh P1D; };\ndnssec-policy\nq\n{ signatures-refresh P13D; };
|dnssec-policy p { signatures-validity P10D; signatures-refresh 777599; };
EOF2
	named_cases ks "unknown option" <<'EOF2' || return 1
1 |dnssec-policy p { key-ttl 3600; };
EOF2
	cases ks named.conf '' named_takes <<'EOF2' || return 1
refuses|dnssec-policy "bad-digesttype" { cds-digest-type foobar; };
refuses|dnssec-policy "bad-digesttype" { cds-digest-type GOST; };
takes|dnssec-policy "rsasha1" { dnskey-ttl 1234; keys { ksk key-directory lifetime P10Y algorithm 5; zsk key-directory lifetime P5Y algorithm 5; zsk key-directory lifetime P1Y algorithm 5 2000; }; };
takes|dnssec-policy "checkds-doubleksk" { keys { ksk key-directory lifetime unlimited algorithm ECDSAP256SHA256; ksk key-directory lifetime unlimited algorithm ECDSAP256SHA256; zsk key-directory lifetime unlimited algorithm ECDSAP256SHA256; }; };
takes|dnssec-policy "csk-roll2" { signatures-refresh 12h; signatures-validity P1D; signatures-validity-dnskey P1D; dnskey-ttl 1h; publish-safety PT1H; retire-safety 1h; purge-keys 0; keys { csk key-directory lifetime P6M algorithm ECDSAP256SHA256; }; zone-propagation-delay PT1H; max-zone-ttl 1d; parent-ds-ttl PT1H; parent-propagation-delay P1W; };
takes|dnssec-policy "test" { dnskey-ttl 3600; keys { ksk key-directory lifetime P1Y algorithm 13 256; zsk key-directory lifetime P30D algorithm 13; csk key-directory lifetime unlimited algorithm 8 2048; }; max-zone-ttl 86400; parent-ds-ttl 7200; parent-propagation-delay PT1H; parent-registration-delay P1D; publish-safety PT3600S; retire-safety PT3600S; signatures-refresh P3D; signatures-validity P2W; signatures-validity-dnskey P14D; zone-propagation-delay PT5M; };
EOF2
	printf '%s\n' 'dnssec-policy "csk-roll" { cds-digest-types { "sha-384"; }; };' \
		>ks/named.conf
	run --server-config ks/named.conf
	want_rc 0 && hasnt err "error:"
}
t "BIND dnssec-policy statements (checkconf/bad-kasp4, bad-kasp-digest-*, good-kasp; kasp/ns3/policies): zonelint refuses what named refuses" t_kasp_statements

# Two zones of one name, in two views, under two policies that keep
# their keys in one key-directory (the innermost given, compared but
# for case; none given is one too), refused at the second zone by both;
# under one policy, or in two directories, or with policies that only
# the views set (named 9.18.49 reads the zone's and options' here), taken
# by both.
t_kasp_keydir() {
	k='key "k1" { algorithm "hmac-sha1"; secret "YPfMoAk6h+3iN8MDRQC004iSNHY="; };\\nkey "k2" { algorithm "hmac-sha1"; secret "4xILSZQnuO1UKubXHkYUsvBRPu8="; };\\n'
	z='zone "example.net" { type primary; inline-signing yes;'
	sed "s/@K@/$k/; s/@Z@/$z/g" <<'EOF2' | named_cases kd "already in use by zone"
6 |@K@view "example1" { match-clients { key "k1"; };\n@Z@ dnssec-policy "default"; key-directory "."; file "example1.db"; }; };\nview "example2" { match-clients { key "k2"; };\n@Z@ dnssec-policy "insecure"; key-directory "."; file "example2.db"; }; };
6 |@K@view "example1" { match-clients { key "k1"; };\n@Z@ dnssec-policy "default"; file "example1.db"; }; };\nview "example2" { match-clients { key "k2"; };\n@Z@ dnssec-policy "insecure"; file "example2.db"; }; };
4 |options { dnssec-policy insecure; };\nview "a" { match-clients { key "k1"; }; @Z@ dnssec-policy "default"; file "a.db"; }; };\nview "b" {\n@Z@ file "b.db"; }; };\n@K@
6 |@K@view "example1" { match-clients { key "k1"; };\n@Z@ dnssec-policy "default"; key-directory "K"; file "example1.db"; }; };\nview "example2" { match-clients { key "k2"; };\n@Z@ dnssec-policy "insecure"; key-directory "k"; file "example2.db"; }; };
|@K@view "example1" { match-clients { key "k1"; };\n@Z@ dnssec-policy "default"; file "example1.db"; }; };\nview "example2" { match-clients { key "k2"; };\n@Z@ dnssec-policy "default"; file "example2.db"; }; };
|view "a" { match-clients { key "k1"; }; @Z@ dnssec-policy "default"; file "a.db"; }; };\nview "b" {\n@Z@ dnssec-policy "insecure"; key-directory "b"; file "b.db"; }; };\n@K@
|view "a" { match-clients { key "k1"; }; dnssec-policy default; @Z@ file "a.db"; }; };\nview "b" { dnssec-policy insecure;\n@Z@ file "b.db"; }; };\n@K@
EOF2
}
t "BIND two policies' keys in one key-directory (checkconf/bad-kasp-keydir*): zonelint refuses what named refuses, at its line" t_kasp_keydir

# An address list's prefix whose address has bits set past its length
# (named reads "10.1/8" as 10.1.0.0/8), or longer than its family, in an
# acl statement, an option's list, a view's match-clients, sortlist,
# controls, or a server statement's address: refused at it by both (named
# stops reading there, so one a line).
t_prefix_bits() {
	named_cases pb "prefix length" <<'EOF2'
3 |acl a {\n\t{ "none"; };\n\t{ !19.0.0.0/7; };\n};\noptions { allow-query { a; }; };
2 |options {\nallow-query { 10.1/8; }; };
1 |view v { match-clients { ! 2001:db8::1/32; }; };
1 |options { sortlist { { 10.0.0.0/8; { 10.2.0.0/7; }; }; }; };
1 |controls { inet 127.0.0.1 allow { 192.0.2.1/24; }; };
1 |server 10.1.0.0/8 { };
1 |options { allow-transfer { 192.0.2.0/33; }; };
|options { allow-query { 18.0.0.0/7; 10/8; 0.0.0.0/0; 2001:db8::/32; 192.0.2.1/32; }; };
|server 2001:db8::/32 { };
EOF2
}
t "BIND prefixes with bits past their length (checkconf/bad-acl): zonelint refuses what named refuses, at its line" t_prefix_bits

# nta-lifetime of no time or over a week, nta-recheck over a week, in
# options or a view: refused by both; a recheck past the lifetime only
# warned of.
t_nta() {
	named_cases nt "cannot exceed one week" <<'EOF2' || return 1
2 |options {\n\tnta-lifetime 8d;\n};
1 |options { nta-lifetime 1w1s; };
1 |options { nta-recheck P8D; nta-lifetime 7d; };
|options { nta-lifetime 604800; nta-recheck 0; };
|options { nta-lifetime 1d; nta-recheck 2d; };
EOF2
	named_cases nt "may not be zero" <<'EOF2'
2 |options { nta-lifetime 1d; };\nview v { nta-lifetime 0; };
|view v { nta-recheck 0; };
EOF2
}
t "BIND negative trust anchors' timers (checkconf/bad-lifetime): zonelint refuses what named refuses, at its line" t_nta

# An IPv4 address of fewer than four numbers without a prefix length, in
# an address list or a server statement, refused at it by both (named
# reads "127.1" as the start of a prefix); four numbers, or fewer with a
# length, taken.
t_short_ipv4() {
	named_cases si "incomplete IPv4 address" <<'EOF2'
2 |acl myacl {\n\t127.1; /* bad-ipv4-prefix-dotted1.conf */\n};
2 |acl myacl {\n\t127; /* bad-ipv4-prefix2.conf */\n};
1 |options { allow-query { ! 10.1.2; }; };
1 |server 127.1 { };
|acl a { 10.1.2.3; 10/8; 10.1/16; };
EOF2
}
t "BIND IPv4 addresses cut short (checkconf/bad-ipv4-prefix*): zonelint refuses what named refuses, at its line" t_short_ipv4

# max-ixfr-ratio: unlimited or a percentage (digits and '%'), not 0%, in
# options, a view or a zone; over 100% only warned of (warn-maxratio1).
t_ixfr_ratio() {
	named_cases ir "percentage" <<'EOF2'
5 |zone example {\n\ttype primary;\n\tmasterfile-format raw;\n\tfile "example.db";\n\tmax-ixfr-ratio 0.9;\n};
1 |view v { max-ixfr-ratio 1; };
1 |zone "a" { type primary; file "x"; max-ixfr-ratio 0%; };
1 |options { max-ixfr-ratio %; };
|options { max-ixfr-ratio UNLIMITED; };\nview v { max-ixfr-ratio 101%; };\nzone "a" { type primary; file "x"; max-ixfr-ratio 050%; };
EOF2
}
t "BIND max-ixfr-ratio (checkconf/bad-maxratio1, warn-maxratio1): zonelint refuses what named refuses, at its line" t_ixfr_ratio

# lmdb-mapsize in options or a view: a size (digits, then k, m or g)
# from 1 MiB to 1 TiB; another word, or one out of those bounds, refused
# at it by both.
t_mapsize() {
	named_cases lm "is too" <<'EOF2' || return 1
2 |options {\n\tlmdb-mapsize 1; /* bad-lmdb-mapsize-toosmall.conf */\n};
1 |view v { lmdb-mapsize 1k; };
1 |options { lmdb-mapsize 1099511627777; };
1 |options { lmdb-mapsize 1025g; };
|options { lmdb-mapsize 1048576; };\nview v { lmdb-mapsize 1024g; };\nview w { lmdb-mapsize 64M; };
EOF2
	named_cases lm "optional unit" <<'EOF2'
1 |options { lmdb-mapsize unlimited; };
1 |options { lmdb-mapsize 1T; };
|options { lmdb-mapsize 1G; };
EOF2
}
t "BIND lmdb-mapsize (checkconf/bad-lmdb-mapsize-*): zonelint refuses what named refuses, at its line" t_mapsize

# The statements of options, a view and a zone whose value is a boolean,
# a number, a duration, a size or one of a few words, each given "x" in
# every block that takes it (o options, v a view, z a primary zone):
# named-checkconf refuses each alone, and zonelint, given them all, one
# a line, refuses each at its line with named's words.  Each word of a
# statement is taken by both (in the first block; "-" before the words:
# not in a zone; forward's need forwarders).  The values of each type, none, a quoted one and a
# second word follow in tables of their own.
t_typed() {
	mkdir -p ty
	while read -r name where words; do
		for c in $(echo "$where" | sed 's/./& /g'); do
			case $c in
			o) head='options { ' tail=' };' ;;
			v) head='view v { ' tail=' };' ;;
			z) head='zone "a.org" { type primary; file "db"; ' tail=' };' ;;
			esac
			echo "x|$head$name x;$tail"
			[ "$c" = "${where%"${where#?}"}" ] || continue
			for w in ${words#-}; do
				echo "|$head$name $w;$tail"
			done
		done
	done <<'EOF2' >ty/rows
allow-new-zones ov
answer-cookie o
auth-nxdomain ov
automatic-interface-scan o
check-dup-records ovz fail warn ignore
check-integrity ovz
check-mx ovz fail warn ignore
check-mx-cname ovz fail warn ignore
check-sibling ovz
check-spf ovz warn ignore
check-srv-cname ovz fail warn ignore
check-wildcard ovz
clients-per-query ov
cookie-algorithm o aes siphash24
coresize o default unlimited
datasize o default unlimited
delegation-only z
dialup ovz notify notify-passive passive refresh
dnskey-sig-validity ovz
dnssec-accept-expired ov
dnssec-dnskey-kskonly ovz
dnssec-loadkeys-interval ovz
dnssec-secure-to-insecure ovz
dnssec-update-mode ovz maintain no-resign
dnssec-validation ov AUTO
dscp o
edns-udp-size ov
empty-zones-enable ov
fetch-quota-params ov
fetches-per-server ov
fetches-per-zone ov
files o default unlimited
flush-zones-on-shutdown o
forward ovz
fstrm-set-buffer-hint o
fstrm-set-flush-timeout o
fstrm-set-input-queue-size o
fstrm-set-output-notify-threshold o
fstrm-set-output-queue-model o mpsc spsc
fstrm-set-output-queue-size o
fstrm-set-reopen-interval o
glue-cache ov
heartbeat-interval o
http-listener-clients o
http-port o
http-streams-per-connection o
https-port o
inline-signing z
interface-interval o
ipv4only-enable ov
ixfr-from-differences ovz -primary master secondary Slave
lame-ttl ov
masterfile-style ovz full relative
match-mapped-addresses o
match-recursive-only v
max-cache-size ov default unlimited
max-cache-ttl ov
max-clients-per-query ov
max-journal-size ovz default unlimited
max-ncache-ttl ov
max-query-count ov
max-query-restarts ov
max-records ovz
max-recursion-depth ov
max-recursion-queries ov
max-refresh-time ov
max-retry-time ov
max-rsa-exponent-size o
max-stale-ttl ov
max-transfer-idle-in ov
max-transfer-idle-out ovz
max-transfer-time-in ov
max-transfer-time-out ovz
max-udp-size ov
memstatistics o
message-compression ov
min-cache-ttl ov
min-ncache-ttl ov
min-refresh-time ov
min-retry-time ov
minimal-any ov
minimal-responses ov no-auth no-auth-recursive
multi-master ov
nocookie-udp-size ov
notify ovz explicit master-only Primary-Only
notify-delay ovz
notify-rate o
notify-to-soa ovz
nsec3-test-zone ovz
port o
prefetch ov
provide-ixfr ov
qname-minimization ov strict relaxed disabled off
querylog o
recursion ov YES True 1 no FALSE 0
recursive-clients o
request-expire ov
request-ixfr ov
request-nsid ov
require-server-cookie ov
reserved-sockets o
resolver-nonbackoff-tries ov
resolver-query-timeout ov
resolver-retry-interval ov
reuseport o
root-key-sentinel ov
send-cookie ov
serial-query-rate o
serial-update-method ovz date increment unixtime
servfail-ttl ov
sig-signing-nodes ovz
sig-signing-signatures ovz
sig-signing-type ovz
sig-validity-interval ovz
stacksize o default unlimited
stale-answer-client-timeout ov disabled off
stale-answer-enable ov
stale-answer-ttl ov
stale-cache-enable ov
stale-refresh-time ov
startup-notify-rate o
suppress-initial-notify ov
synth-from-dnssec ov
tcp-advertised-timeout o
tcp-clients o
tcp-idle-timeout o
tcp-initial-timeout o
tcp-keepalive-timeout o
tcp-listen-queue o
tcp-receive-buffer o
tcp-send-buffer o
tls-port o
transfer-format ov many-answers one-answer
transfer-message-size o
transfers-in o
transfers-out o
transfers-per-ns o
trust-anchor-telemetry ov
try-tcp-refresh ov
udp-receive-buffer o
udp-send-buffer o
update-check-ksk ovz
update-quota o
use-alt-transfer-source ov
v6-bias ov
zero-no-soa-ttl ovz
zero-no-soa-ttl-cache ov
zone-statistics ovz full terse none
EOF2
	# named: each row alone; its message kept for the row's line
	i=0
	: >ty/all.conf
	: >ty/theirs
	while IFS='|' read -r want conf; do
		i=$((i + 1))
		printf '%s\n' "$conf" >ty/named.conf
		printf '%s\n' "$conf" >>ty/all.conf
		m=$( (cd ty && named-checkconf named.conf) 2>&1 |
			grep -v 'is deprecated$\|is obsolete' |
			sed -n 's/^named\.conf:1: //p' | head -n 1)
		if [ -n "$want" ] && [ -z "$m" ]; then
			echo "named takes: $conf"
			return 1
		elif [ -z "$want" ] && [ -n "$m" ]; then
			echo "named refuses: $conf: $m"
			return 1
		fi
		[ -z "$m" ] || echo "$i: $m" >>ty/theirs
	done <ty/rows
	run --server-config ty/all.conf
	sed -n 's|^ty/all\.conf:\([0-9]*\):[0-9]*: error: \(.*expected.*\)|\1: \2|p' \
		"$tmp/err" >ty/ours
	diff ty/theirs ty/ours
}
t "BIND statements whose value is a boolean, a number, a duration, a size or a word: zonelint refuses each value named refuses, at its line, and takes their words" t_typed

# The values of each type that named takes and refuses, none, a quoted
# one, a number out of range, and a word after a value named takes alone.
t_typed_values() {
	named_cases tv "boolean expected" <<'EOF2' || return 1
1 |options { recursion; };
1 |options { zone-statistics "full"; };
1 |view v { recursion on; };
2 |zone "a.org" { type primary; file "db";\nixfr-from-differences primary; };
|options { recursion 1; notify no; };
EOF2
	named_cases tv "expected number" <<'EOF2' || return 1
1 |options { edns-udp-size 0x1f; };
1 |options { transfers-in 08; };
1 |options { transfers-out 1e3; };
1 |options { port +1; };
1 |options { tcp-clients "10"; };
|options { edns-udp-size 0X10; transfers-in 010; transfers-out 4294967295; fetches-per-zone 2 fail; prefetch 2 9; };
EOF2
	named_cases tv "out of range" <<'EOF2' || return 1
1 |options { edns-udp-size 4294967296; };
1 |options { tcp-clients 0x100000000; };
1 |options { udp-send-buffer 040000000000; };
EOF2
	named_cases tv "expected ISO 8601 duration or TTL value" <<'EOF2' || return 1
1 |options { max-cache-ttl 1y; };
1 |options { lame-ttl "1h"; };
1 |options { servfail-ttl; };
|options { max-cache-ttl 1H30m; lame-ttl P1D; servfail-ttl pt1h; stale-answer-ttl 1w1d; };
EOF2
	named_cases tv "expected integer and optional unit" <<'EOF2' || return 1
1 |options { max-journal-size 1t; };
1 |options { max-journal-size 50%; };
1 |options { max-cache-size 1.5%; };
1 |options { coresize "1k"; };
|options { max-journal-size 1K; max-cache-size 90%; coresize DEFAULT; stacksize 99999999999999999999999; };
EOF2
	named_cases tv "expected" <<'EOF2' || return 1
1 |options { transfer-format x; };
1 |options { transfer-format "one-answer"; };
1 |options { transfer-format; };
|options { transfer-format ONE-ANSWER; };
EOF2
	named_cases tv "missing ';' before" <<'EOF2'
1 |options { recursion yes no; };
2 |options {\ndnssec-validation auto yes; };
1 |options { max-cache-ttl 1h 2; };
1 |options { edns-udp-size 1 2; };
|options { recursion yes; dnssec-validation auto; fetches-per-server 2 drop; };
EOF2
}
t "BIND the values of each simple type: zonelint refuses what named refuses, at its line" t_typed_values
