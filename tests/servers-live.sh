#!/bin/sh
# servers-live.sh - zonelint against running servers: BIND (named), Knot
# (knotd) and NSD, each started here in the foreground on a loopback high
# port with a configuration and a directory of its own, and stopped at the
# end.  For each server:
#   - axfr:// lints what it serves, findings at axfr://HOST:PORT/ZONE:LINE
#     with the record as transferred, a missing trailing dot and an address
#     written as a name recognised in their served form;
#   - a zone that only a TSIG key may transfer: refused without the key
#     (a clear error, exit 2, the other operands still linted), transferred
#     with --tsig-key, refused with a wrong key;
#   - DANE009: of two zones with a TLSA record, the one the server serves
#     unsigned (no RRSIG in the answer) is the one --server-config names,
#     the one it signs (BIND's dnssec-policy, Knot's dnssec-signing) not;
#   - ZONE026: of three zones below one NSD serves, signed, with their DS
#     records, the one whose DS record matches no key and the one served
#     unsigned are those delv cannot validate from the parent's key, and
#     those --server-config names;
#   - the reload gate (hooks/zonelint-reload): a broken zone file is not
#     reloaded, and a query (kdig) still gets the old data; the same file
#     reloaded by hand would have been served; a good one is reloaded and
#     served.
# Every wait is bounded: the servers' start, each query and transfer.
#
# usage: tests/servers-live.sh ZONELINT
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$(dirname "$here")/tools/deps.sh" cmd:named:bind9 cmd:rndc:bind9-utils \
	cmd:knotd:knot cmd:nsd:nsd cmd:kdig:knot-dnsutils \
	cmd:delv:bind9-dnsutils cmd:ldns-signzone:ldnsutils \
	cmd:shellcheck:shellcheck || exit 1
PATH=$PATH:/usr/sbin:/sbin
export PATH
gate=$(dirname "$here")/hooks/zonelint-reload

suite servers-live.sh "${1:-}"
cd "$tmp" || exit 1
export LC_ALL=C

# Every server started is stopped, however the suite ends.
pids=""
stop_servers() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	for p in $pids; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -9 "$p" 2>/dev/null
	done
	pids=""
}
trap 'stop_servers; chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# Ports: from a base that differs from run to run, below the range the
# system hands out to clients (32768 and up).
base=$((20000 + ($$ % 350) * 32))
p_named=$base
p_rndc=$((base + 1))
p_knot=$((base + 2))
p_nsd=$((base + 3))
p_sec=$((base + 31))	# an NSD of its own for the DNSSEC zones

# The TSIG key, in BIND's format for zonelint and named, and another
# with the same name and a secret of its own.
keyfile() {
	printf '%s\n' 'key "xfr-key" {' '	algorithm hmac-sha256;' \
		"	secret \"$2\";" '};' >"$1"
}
secret=$(head -c 32 /dev/urandom | base64)
keyfile xfr.key "$secret"
keyfile wrong.key "$(head -c 32 /dev/urandom | base64)"

# zone FILE SERIAL MXLINE...: example.com. with its SOA serial and mail
# records; names relative, as an operator writes them.
zone() {
	f=$1
	s=$2
	shift 2
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' \
		"@ IN SOA ns1 hostmaster $s 7200 3600 1209600 3600" \
		'@ IN NS ns1' 'ns1 IN A 192.0.2.53' \
		'mail IN A 192.0.2.25' 'mx2 IN A 192.0.2.26' \
		'@ IN TXT "v=spf1 mx -all"' \
		'_dmarc IN TXT "v=DMARC1; p=reject"' "$@" >"$f.tmp"
	mv "$f.tmp" "$f"
}
# The mistakes, as served: a missing trailing dot, an address as a name.
bad_zone() {
	zone "$1" "$2" '@ IN MX 10 mail.example.com' '@ IN MX 20 192.0.2.26'
}
# The zone only the key may transfer: a warning (no DMARC), no error, and
# enough records (4,000) for a transfer of several messages (six or seven
# from each server), each signed and each signature checked.
tsig_zone() {
	{
		# shellcheck disable=SC2016 # $TTL is zone text
		printf '%s\n' '$TTL 3600' \
			'@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600' \
			'@ IN NS ns1.example.com.' '@ IN MX 10 mail.example.com.' \
			'@ IN TXT "v=spf1 -all"'
		awk 'BEGIN { for (i = 0; i < 4000; i++)
			printf "h%d IN A 198.51.100.%d\n", i, i % 256 }'
	} >"$1"
}

# q PORT NAME TYPE: the answer's data, one line per record (one try of at
# most 2 s).
q() {
	kdig @127.0.0.1 -p "$1" +timeout=2 +retry=0 +short "$2" "$3" 2>/dev/null
}

# wait_for PORT NAME TYPE ERE: true once a query's answer matches, within
# 15 s.
wait_for() {
	i=0
	while [ $i -lt 30 ]; do
		q "$1" "$2" "$3" | grep -Eq -e "$4" && return 0
		sleep 0.5
		i=$((i + 1))
	done
	echo "no answer matching /$4/ for $2 $3 on port $1 within 15 s:"
	q "$1" "$2" "$3"
	return 1
}

# start KIND COMMAND...: runs the server in the foreground, in the
# background of this shell, its output in KIND.log.  named -g, knotd and
# nsd -d stay in the foreground and run as the user who starts them (root
# in CI: nsd is told not to change user, named and knotd do not unless
# told).
start() {
	log=$1.log
	shift
	"$@" >"$log" 2>&1 &
	pids="$pids $!"
}

# ---- the three servers ----

# A zone with a TLSA record for its MX host, as plain.example (which no
# server signs) and signed.example (which BIND and Knot DNS sign as they
# load it).
tlsa_zone() {
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 3600' \
		"@ IN SOA ns1.$2. hostmaster.$2. 1 7200 3600 1209600 3600" \
		"@ IN NS ns1.$2." 'ns1 IN A 192.0.2.53' '@ IN MX 10 mx' \
		'mx IN A 192.0.2.25' '@ IN TXT "v=spf1 mx -all"' \
		'_dmarc IN TXT "v=DMARC1; p=reject"' \
		'_25._tcp.mx IN TLSA 3 1 1 8755cdaa8fe24ef16cc0f2c918063185e433faaf1415664911d9e30a924138c4' \
		>"$1"
}

# knotd keeps the keys of the zones it signs under its database storage.
mkdir -p bind knot/db nsd sec
for k in bind knot nsd; do
	zone "$k/example.com.zone" 1 '@ IN MX 10 mail'
	tsig_zone "$k/tsig.example.zone"
	tlsa_zone "$k/plain.example.zone" plain.example
	tlsa_zone "$k/signed.example.zone" signed.example
done

# named.conf includes the key as /etc/bind/named.conf would: from beside
# it (zonelint reads no include outside the configuration's directory).
cp xfr.key bind/xfr.key
cat >bind/named.conf <<EOF
options {
	directory "$tmp/bind";
	listen-on port $p_named { 127.0.0.1; };
	listen-on-v6 { none; };
	pid-file "$tmp/bind/named.pid";
	session-keyfile "$tmp/bind/session.key";
	managed-keys-directory "$tmp/bind";
	recursion no;
	allow-transfer { 127.0.0.1; };
};
include "$tmp/bind/xfr.key";
key "rndc-key" {
	algorithm hmac-sha256;
	secret "$secret";
};
controls {
	inet 127.0.0.1 port $p_rndc allow { 127.0.0.1; } keys { "rndc-key"; };
};
zone "example.com" { type primary; file "example.com.zone"; };
zone "tsig.example" {
	type primary;
	file "tsig.example.zone";
	allow-transfer { key "xfr-key"; };
};
zone "plain.example" { type primary; file "plain.example.zone"; };
zone "signed.example" {
	type primary;
	file "signed.example.zone";
	dnssec-policy default;
	inline-signing yes;
};
EOF
cat >bind/rndc.conf <<EOF
key "rndc-key" {
	algorithm hmac-sha256;
	secret "$secret";
};
options {
	default-server 127.0.0.1;
	default-port $p_rndc;
	default-key "rndc-key";
};
EOF

cat >knot/knot.conf <<EOF
server:
    listen: 127.0.0.1@$p_knot
    rundir: "$tmp/knot"
control:
    listen: "$tmp/knot/knot.sock"
database:
    storage: "$tmp/knot/db"
log:
  - target: stderr
    any: info
key:
  - id: xfr-key
    algorithm: hmac-sha256
    secret: $secret
acl:
  - id: open
    address: 127.0.0.1
    action: transfer
  - id: keyed
    address: 127.0.0.1
    key: xfr-key
    action: transfer
template:
  - id: default
    storage: "$tmp/knot"
    file: "%s.zone"
    acl: open
zone:
  - domain: example.com
  - domain: tsig.example
    acl: keyed
  - domain: plain.example
  - domain: signed.example
    dnssec-signing: on
EOF

# dnssec.example, signed, delegates good.dnssec.example (the DS record of
# the key it is signed with), bad.dnssec.example (that of another key) and
# plain.dnssec.example (unsigned, with a DS record all the same); keys and
# signatures are made here (ldns-keygen, ldns-signzone), for an NSD of
# their own to serve (the gate's cases lint every zone of their server's
# configuration).
dnssec_zones() {
	# shellcheck disable=SC2016 # $TTL is zone text
	child() {
		printf '%s\n' '$TTL 3600' \
			'@ IN SOA ns1.dnssec.example. hostmaster.dnssec.example. 1 7200 3600 1209600 3600' \
			'@ IN NS ns1.dnssec.example.' '@ IN MX 10 mx' \
			'@ IN MX 20 mx2' 'mx IN A 192.0.2.25' 'mx2 IN A 192.0.2.26' \
			'@ IN TXT "v=spf1 mx -all"' \
			'_dmarc IN TXT "v=DMARC1; p=reject"' >"$1.zone"
	}
	sign() {
		cat "$2.key" >>"$1.zone"
		ldns-signzone -n -e 20361231000000 -f "$1.zone.signed" \
			-o "$1." "$1.zone" "$2"
	}
	(
		cd sec || exit 1
		kp=$(ldns-keygen -a ECDSAP256SHA256 -k dnssec.example) &&
		kg=$(ldns-keygen -a ECDSAP256SHA256 -k good.dnssec.example) &&
		kb=$(ldns-keygen -a ECDSAP256SHA256 -k bad.dnssec.example) &&
		kx=$(ldns-keygen -a ECDSAP256SHA256 -k bad.dnssec.example) &&
		ku=$(ldns-keygen -a ECDSAP256SHA256 -k plain.dnssec.example) ||
			exit 1
		child good.dnssec.example && sign good.dnssec.example "$kg" &&
		child bad.dnssec.example && sign bad.dnssec.example "$kb" &&
		child plain.dnssec.example || exit 1
		# shellcheck disable=SC2016 # $TTL is zone text
		printf '%s\n' '$TTL 3600' \
			'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
			'@ IN NS ns1' 'ns1 IN A 192.0.2.53' '@ IN MX 0 .' \
			'@ IN TXT "v=spf1 -all"' \
			'_dmarc IN TXT "v=DMARC1; p=reject"' 'good IN NS ns1' \
			'bad IN NS ns1' 'plain IN NS ns1' >dnssec.example.zone
		cat "$kg.ds" "$kx.ds" "$ku.ds" >>dnssec.example.zone
		sign dnssec.example "$kp" || exit 1
		printf 'trust-anchors { dnssec.example. static-key 257 3 13 "%s"; };\n' \
			"$(awk '{ print $7 }' "$kp.key")" >anchor.conf
	) >dnssec.log 2>&1 || { cat dnssec.log; exit 1; }
}
dnssec_zones

# nsd_server DIR PORT: the server clause of an NSD that keeps its files in
# DIR and listens on PORT.
nsd_server() {
	cat <<EOF
server:
	ip-address: 127.0.0.1@$2
	zonesdir: "$tmp/$1"
	database: ""
	username: ""
	chroot: ""
	pidfile: "$tmp/$1/nsd.pid"
	zonelistfile: "$tmp/$1/zone.list"
	xfrdfile: "$tmp/$1/xfrd.state"
	xfrdir: "$tmp/$1"
	verbosity: 1
EOF
}

{ nsd_server nsd "$p_nsd"; cat <<EOF; } >nsd/nsd.conf
remote-control:
	control-enable: yes
	control-interface: "$tmp/nsd/nsd.sock"
key:
	name: "xfr-key"
	algorithm: hmac-sha256
	secret: "$secret"
zone:
	name: "example.com"
	zonefile: "example.com.zone"
	provide-xfr: 127.0.0.1 NOKEY
zone:
	name: "tsig.example"
	zonefile: "tsig.example.zone"
	provide-xfr: 127.0.0.1 xfr-key
zone:
	name: "plain.example"
	zonefile: "plain.example.zone"
EOF

{ nsd_server sec "$p_sec"; cat <<EOF; } >sec/nsd.conf
zone:
	name: "dnssec.example"
	zonefile: "dnssec.example.zone.signed"
zone:
	name: "good.dnssec.example"
	zonefile: "good.dnssec.example.zone.signed"
zone:
	name: "bad.dnssec.example"
	zonefile: "bad.dnssec.example.zone.signed"
zone:
	name: "plain.dnssec.example"
	zonefile: "plain.dnssec.example.zone"
EOF

start bind named -g -c "$tmp/bind/named.conf"
start knot knotd -c "$tmp/knot/knot.conf"
start nsd nsd -d -c "$tmp/nsd/nsd.conf"
start sec nsd -d -c "$tmp/sec/nsd.conf"

port_of() {
	case $1 in
	bind) echo "$p_named" ;;
	knot) echo "$p_knot" ;;
	nsd) echo "$p_nsd" ;;
	esac
}

# Each server answers before its cases run; one that does not start fails
# its cases, with its log.
up() {
	wait_for "$(port_of "$1")" example.com SOA hostmaster && return 0
	echo "the $1 server did not start:"
	show "$1.log"
	return 1
}

run() {
	"$zl" --no-config "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# ---- the reload gate ----

# gate KIND ARG...: the gate for that server, with its reload command
# pointed at this suite's server.
gate() {
	k=$1
	shift
	ZONELINT=$zl ZONELINT_RNDC="rndc -c $tmp/bind/rndc.conf" \
		sh "$gate" --server "$k" --config "$tmp/$k/$(conf_of "$k")" \
		"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# Each server's cases run in this order, on its zone example.com.
# A broken zone file: refused, the old data still served.
refuse() {
	k=$1
	p=$(port_of "$k")
	up "$k" || return 1
	wait_for "$p" example.com MX '^10 mail\.example\.com\.$' || return 1
	sleep 1	# a new modification time, for the servers that look at it
	bad_zone "$k/example.com.zone" 2
	gate "$k" example.com
	want_rc 1 && has err "\[MX004\]" && has err "not reloading" ||
		return 1
	sleep 2
	q "$p" example.com MX >"$tmp/answer"
	has "$tmp/answer" '^10 mail\.example\.com\.$' &&
	hasnt "$tmp/answer" '192|example\.com\.example\.com'
}

# The same file reloaded by hand, without the gate, is served (so the
# gate is what kept it out); axfr:// finds its mistakes in their served
# form, at their place in the transfer, the record as transferred on the
# source line.
served() {
	k=$1
	p=$(port_of "$k")
	case $k in
	bind) rndc -c "$tmp/bind/rndc.conf" reload example.com ;;
	knot) knotc -c "$tmp/knot/knot.conf" zone-reload example.com ;;
	nsd) nsd-control -c "$tmp/nsd/nsd.conf" reload example.com ;;
	esac >"$tmp/by-hand" 2>&1 || { show "$tmp/by-hand"; return 1; }
	wait_for "$p" example.com MX 'mail\.example\.com\.example\.com\.' ||
		return 1
	u=axfr://127.0.0.1:$p/example.com.
	run --axfr-timeout 5 "$u"
	want_rc 1 &&
	has out "^$u:[0-9]+:[0-9]+: error: MX target 'mail\.example\.com\.example\.com\.' repeats the origin.*\[MX004\]" &&
	has out "^$u:[0-9]+:[0-9]+: error: MX target '192\.0\.2\.26' is an IP address.*\[MX001\]" &&
	has out "^ +[0-9]+ \| example\.com\.[[:space:]]+3600[[:space:]]+IN[[:space:]]+MX[[:space:]]+10 mail\.example\.com\.example\.com\.$" &&
	has err "in 1 file"
}

# A good file goes through the gate and is served.
accept() {
	k=$1
	p=$(port_of "$k")
	sleep 1
	zone "$k/example.com.zone" 3 '@ IN MX 20 mx2'
	gate "$k" example.com
	want_rc 0 &&
	wait_for "$p" example.com MX '^20 mx2\.example\.com\.$'
}

# ---- TSIG ----

# Without the key: refused, a clear error for that operand alone; the
# zone file beside it is still linted.
refused() {
	up "$1" || return 1
	u=axfr://127.0.0.1:$(port_of "$1")/tsig.example.
	bad_zone other.example.com.zone 1
	run --axfr-timeout 5 "$u" other.example.com.zone
	want_rc 2 &&
	has err "^$u: error: the server refused the transfer: (REFUSED|NOTAUTH)" &&
	has out "^other.example.com.zone:[0-9]+:[0-9]+: error: .*\[MX004\]" &&
	has err "1 input could not be linted"
}

# With the key: transferred and linted; with a wrong key: refused.
keyed() {
	up "$1" || return 1
	u=axfr://127.0.0.1:$(port_of "$1")/tsig.example.
	run --axfr-timeout 5 --tsig-key "$tmp/xfr.key" "$u"
	want_rc 0 && has err "in 1 file" &&
	has out "^$u:[0-9]+:[0-9]+: warning: .*\[DMARC015\]" || return 1
	run --axfr-timeout 5 --tsig-key "$tmp/wrong.key" "$u"
	want_rc 2 && has err "^$u: error: .*(TSIG|refused)"
}

for k in bind knot nsd; do
	case $k in
	bind) name=BIND d=named ;;
	knot) name=Knot d=knotd ;;
	nsd) name=NSD d=nsd ;;
	esac
	eval "t_refuse_$k() { refuse $k; }; t_served_$k() { served $k; }"
	eval "t_accept_$k() { accept $k; }; t_refused_$k() { refused $k; }"
	eval "t_keyed_$k() { keyed $k; }"
	t "$name: the gate refuses a broken zone, $d serves the old data" "t_refuse_$k"
	t "$name: reloaded by hand it is served; axfr:// finds its mistakes" "t_served_$k"
	t "$name: the gate reloads a good zone" "t_accept_$k"
	t "$name: a transfer refused without the key is a clear error" "t_refused_$k"
	t "$name: --tsig-key transfers; a wrong key is refused" "t_keyed_$k"
done

# ---- DNSSEC and TLSA records (DANE009) ----

# signs PORT NAME [TRIES]: whether the answer to NAME TLSA comes with its
# RRSIG, asked TRIES times half a second apart (30 by default: named and
# knotd sign a new zone some seconds after loading it).
signs() {
	i=0
	while [ $i -lt "${3:-30}" ]; do
		[ $i = 0 ] || sleep 0.5
		kdig @127.0.0.1 -p "$1" +dnssec +noall +answer +timeout=2 \
			+retry=0 "$2" TLSA 2>/dev/null | grep -q 'RRSIG' &&
			return 0
		i=$((i + 1))
	done
	return 1
}

# The zone the server serves unsigned is the one DANE009 names, and only
# it: its TLSA record comes without RRSIG, the other's with one.  The
# server signs both zones, or neither, once it has loaded them: once
# signed.example is signed, plain.example is served as it stays.
unsigned() {
	k=$1
	p=$(port_of "$k")
	up "$k" || return 1
	wait_for "$p" _25._tcp.mx.plain.example TLSA '^3 1 1 ' || return 1
	if [ "$k" != nsd ] && ! signs "$p" _25._tcp.mx.signed.example; then
		echo "$k did not sign signed.example"
		return 1
	fi
	if signs "$p" _25._tcp.mx.plain.example 1; then
		echo "$k signed plain.example"
		return 1
	fi
	case $k in
	bind) c=bind/named.conf s=BIND ;;
	knot) c=knot/knot.conf s='Knot DNS' ;;
	nsd) c=nsd/nsd.conf s=NSD ;;
	esac
	run --server-config "$tmp/$c"
	has out "plain\.example\.zone:9:1: warning: $s serves the zone 'plain\.example\.' unsigned, so clients ignore its 1 TLSA record \[DANE009\]" &&
	count out "\[DANE009\]" 1
}

for k in bind knot nsd; do
	case $k in
	bind) name=BIND ;;
	knot) name=Knot ;;
	nsd) name=NSD ;;
	esac
	eval "t_unsigned_$k() { unsigned $k; }"
	t "$name: DANE009 names the zone served unsigned, not the signed one" "t_unsigned_$k"
done

# validates NAME: whether delv, from dnssec.example's key alone, validates
# NAME's MX records as NSD serves them (and its output, in $tmp/delv).
validates() {
	timeout 20 delv @127.0.0.1 -p "$p_sec" -a "$tmp/sec/anchor.conf" \
		+root=dnssec.example "$1" MX >"$tmp/delv" 2>&1
	grep -q '; fully validated' "$tmp/delv"
}

# The zones whose chain of trust breaks are the ones ZONE026 names.
t_ds_chain() {
	if ! wait_for "$p_sec" plain.dnssec.example MX '^10 '; then
		show sec.log
		return 1
	fi
	validates good.dnssec.example || { show "$tmp/delv"; return 1; }
	for z in bad plain; do
		if validates $z.dnssec.example ||
		   ! grep -q 'resolution failed' "$tmp/delv"; then
			echo "delv did not fail $z.dnssec.example:"
			show "$tmp/delv"
			return 1
		fi
	done
	run --server-config "$tmp/sec/nsd.conf"
	want_rc 1 &&
	has out "bad\.dnssec\.example\.zone\.signed:[0-9]+:1: error: the parent zone 'dnssec\.example\.' has DS records for 'bad\.dnssec\.example\.', but none matches its 1 DNSKEY record: .*\[ZONE026\]" &&
	has out "plain\.dnssec\.example\.zone:2:1: error: the parent zone 'dnssec\.example\.' has DS records for 'plain\.dnssec\.example\.', but NSD serves it unsigned: .*\[ZONE026\]" &&
	count out "\[ZONE026\]" 2
}
t "NSD: ZONE026 names the zones delv cannot validate, not the one it can" t_ds_chain

# Transfers from several servers at once, in threads, as one run.
t_jobs() {
	run -j 3 --axfr-timeout 5 "axfr://127.0.0.1:$p_named/example.com." \
		"axfr://127.0.0.1:$p_knot/example.com." \
		"axfr://127.0.0.1:$p_nsd/example.com."
	want_rc 0 && has err "in 3 files" &&
	count out "^axfr://127.0.0.1:($p_named|$p_knot|$p_nsd)/example.com.:[0-9]+:[0-9]+: warning: .*\[MX009\]" 3
}
t "three transfers at once (-j 3)" t_jobs

# A port where nothing listens: refused at once, not waited on.
t_noserver() {
	run --axfr-timeout 2 "axfr://127.0.0.1:$((base + 4))/example.com."
	want_rc 2 && has err "cannot connect: Connection refused"
}
t "a transfer from a port where no server listens" t_noserver

# Operands that name no transfer: an error each, the others go on.
t_bad_operands() {
	zone ok.example.com.zone 1 '@ IN MX 10 mail'
	run axfr://127.0.0.1 'axfr://[::1/example.com' \
		axfr://127.0.0.1:70000/example.com axfr://127.0.0.1:1/a..b \
		ok.example.com.zone
	want_rc 2 && count err "^axfr://.*: error: " 4 &&
	has err "axfr://127.0.0.1: error: wants axfr://HOST\[:PORT\]/ZONE" &&
	has err "unclosed '\['" && has err "port from 1 to 65535" &&
	has err "not a domain name" && has err "4 inputs could not be linted" &&
	has err "in 1 file"
}
t "operands that name no transfer are errors, the others go on" t_bad_operands

t_gate_shellcheck() {
	if ! command -v shellcheck >/dev/null 2>&1; then
		echo "shellcheck is not installed"
		return 1
	fi
	shellcheck --shell=sh "$gate"
}
t "hooks/zonelint-reload is shellcheck-clean" t_gate_shellcheck

# ---- a hostile server ----

# hostile MODE ARG...: zonelint against tests/servers/hostile answering in
# that mode on a port of its own (signing with $hsecret when set); rc as
# zonelint exits.
hport=$((base + 5))
hsecret=""
hostile() {
	mode=$1
	shift
	hport=$((hport + 1))
	# Each test runs in a subshell, so the next one counts the ports
	# from the start again: the file of an earlier server on this port
	# goes before the new server starts, or its "ready" would be read
	# before the new one listens.
	: >"$tmp/h.$hport"
	"$here/servers/hostile" "$hport" "$mode" ${hsecret:+"$hsecret"} \
		>"$tmp/h.$hport" 2>&1 &
	hpid=$!
	i=0
	while ! grep -q ready "$tmp/h.$hport" 2>/dev/null && [ $i -lt 150 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -q ready "$tmp/h.$hport" || show "$tmp/h.$hport"
	run --axfr-timeout 2 "$@" "axfr://127.0.0.1:$hport/example.com."
	kill "$hpid" 2>/dev/null
	wait "$hpid" 2>/dev/null
	return 0
}
# hostile_error MODE ERE ARG...: a clear error for the operand, exit 2.
hostile_error() {
	m=$1
	e=$2
	shift 2
	hostile "$m" "$@"
	want_rc 2 && has err "^axfr://127.0.0.1:$hport/example.com.: error: $e"
}
t_hostile() {
	hostile_error garbage "the server sent a malformed message" &&
	hostile_error empty "the transfer is larger than 100000 bytes" \
		--axfr-max-bytes 100000 &&
	hostile_error silent "timed out waiting for the transfer: no answer for 2 s" &&
	hostile_error wrongid "the server sent a message that answers another query" &&
	hostile_error notsoa "the transfer does not begin with the zone's SOA" &&
	hostile_error truncated "the server closed the connection before the end" &&
	hostile_error lying "the server sent a malformed message" &&
	hostile_error refused "the server refused the transfer: REFUSED"
}
t "a hostile server's transfers are clear errors" t_hostile

# The answers' signatures are checked: signed with the key, they pass;
# with another secret, a second answer that does not sign over the first,
# or unsigned, the transfer is refused.
t_hostile_tsig() {
	hsecret=$secret hostile signed --tsig-key "$tmp/xfr.key"
	want_rc 0 && has err "in 1 file" || return 1
	hsecret=$(head -c 32 /dev/urandom | base64)
	hostile_error signed "message 1 of the transfer fails its TSIG check" \
		--tsig-key "$tmp/xfr.key" || return 1
	hsecret=$secret
	hostile_error badnext "message 2 of the transfer fails its TSIG check" \
		--tsig-key "$tmp/xfr.key" || return 1
	hsecret=""
	hostile_error unsigned "the answer is not signed with key 'xfr-key.'" \
		--tsig-key "$tmp/xfr.key"
}
t "the signatures of a transfer's answers are checked" t_hostile_tsig

# Odd data in a complete transfer: linted, escaped, no directive obeyed.
t_hostile_odd() {
	hostile odd
	[ "$rc" -le 1 ] || { want_rc 1; return 1; }
	has err "in 1 file" && hasnt out "$(printf '\033')" &&
	hasnt err "$(printf '\033')" && hasnt out "passwd:|root:" &&
	hasnt err "include"
}
t "odd data from a server is linted and shown escaped" t_hostile_odd

# Usage errors of the gate: nothing reloaded.
t_gate_usage() {
	gate bind --server=nope
	want_rc 2 && has err "unknown server 'nope'"
}
t "the gate's usage errors" t_gate_usage

stop_servers
finish
