#!/bin/sh
# server-config.sh - --server-config: the zones a BIND named.conf, Knot
# knot.conf or NSD nsd.conf loads are linted with the origin and file path
# the configuration gives; secondaries are skipped with a note; errors in
# the configuration are reported at their place; a missing zone file names
# the zone's declaration; $GENERATE is refused under Knot and NSD.  Each
# configuration that should load is first accepted by the server's own
# checker (named-checkconf, knotc conf-check, nsd-checkconf), run where the
# server would start: the configuration's directory.
#
# usage: tests/server-config.sh ZONELINT
# ZONELINT_WRAPPER is put in front of every zonelint command (for valgrind),
# or of some only: ZONELINT_WRAPPER_EVERY below.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$(dirname "$here")/tools/deps.sh" cmd:named-checkconf:bind9-utils cmd:named:bind9 \
	cmd:knotc:knot cmd:knotd:knot cmd:nsd-checkconf:nsd cmd:git:git \
	cmd:strace:strace || exit 1
PATH=$PATH:/usr/sbin:/sbin
export PATH
# Knot's dnstap and geoip modules come in packages of their own, in the
# directory where knotd looks for the modules of its version.
knotmods=/usr/lib/$(gcc -dumpmachine)/knot/modules-$(knotc --version |
	sed -n 's/.*version \([0-9]*\.[0-9]*\).*/\1/p')
sh "$(dirname "$here")/tools/deps.sh" \
	"file:$knotmods/dnstap.so:knot-module-dnstap" \
	"file:$knotmods/geoip.so:knot-module-geoip" || exit 1

suite server-config.sh "${1:-}"
cd "$tmp" || exit 1
export LC_ALL=C

# ZONELINT_WRAPPER_EVERY=N (1 by default) puts the wrapper in front of a
# case's first run and of every Nth after it only: a table of cases that
# run zonelint a hundred times costs a second a run under valgrind.
runs=0
run() {
	w=
	[ $((runs % ${ZONELINT_WRAPPER_EVERY:-1})) != 0 ] ||
		w=${ZONELINT_WRAPPER:-}
	runs=$((runs + 1))
	$w "$zl" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# config_error SPEC PATTERN: --server-config SPEC is refused (exit 2) with
# an error on standard error that matches PATTERN.
config_error() {
	run --server-config "$1"
	want_rc 2 && has err "$2"
}

# bind_accepts DIR: named-checkconf -z loads DIR/named.conf and its zones.
bind_accepts() {
	(cd "$1" && named-checkconf -z named.conf) >/dev/null 2>&1 || {
		echo "named-checkconf refuses $1/named.conf"
		return 1
	}
}

# refused DIR CMD...: the server's own checker, run in DIR, refuses what
# it checks there (the test's configuration must be an error to the
# server as it is to zonelint).
refused() {
	d=$1
	shift
	if (cd "$d" && "$@") >/dev/null 2>&1; then
		echo "$* accepts what is in $d"
		return 1
	fi
}

# zone FILE [LINE...]: a small zone without $ORIGIN, whose file name says
# nothing of its origin, and the extra lines.
zone() {
	f=$1
	shift
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 3600' \
		'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' \
		'@ IN NS ns1' 'ns1 IN A 192.0.2.53' '@ IN MX 10 mail' \
		'mail IN A 192.0.2.25' "$@" >"$f"
}

# The three servers, each with the primary example.org. in
# KIND/zones/db.primary and the secondary example.net.
mkdir -p bind/zones knot/zones nsd/zones
cat >bind/named.conf <<'EOF'
options {
	directory "zones";
};
zone "example.org" { type primary; file "db.primary"; };
zone "example.net" { type secondary; primaries { 192.0.2.1; }; file "sec.db"; };
EOF
cat >knot/knot.conf <<'EOF'
server:
    listen: 127.0.0.1@5300
remote:
  - id: primary
    address: 192.0.2.1@53
template:
  - id: default
    storage: "zones"
zone:
  - domain: example.org
    file: db.primary
  - domain: example.net
    master: primary
EOF
cat >nsd/nsd.conf <<'EOF'
server:
	zonesdir: "zones"
zone:
	name: "example.org"
	zonefile: "db.primary"
zone:
	name: "example.net"
	request-xfr: 192.0.2.1 NOKEY
	allow-notify: 192.0.2.1 NOKEY
	zonefile: "sec.db"
EOF
for k in bind knot nsd; do
	zone $k/zones/db.primary
done

# checker KIND [DIR]: the server's own checker on its configuration in
# DIR (KIND's own directory by default), run there.
checker() {
	case $1 in
	bind) (cd "${2:-bind}" && named-checkconf named.conf) ;;
	knot) (cd "${2:-knot}" && knotc -c knot.conf conf-check) ;;
	nsd) (cd "${2:-nsd}" && nsd-checkconf nsd.conf) ;;
	esac
}

# Each kind, detected from the file: the zone is linted as example.org.
# (the origin the configuration gives, not "primary." from the file name)
# from the file the server reads; the secondary is named on stderr.
lints() {
	checker "$1" >/dev/null || { echo "$1's checker refuses it"; return 1; }
	run --server-config "$1/$(conf_of "$1")"
	want_rc 0 && has out "^$1/zones/db.primary:5:6: .*'example.org.'" &&
	has err "secondary zone example.net. skipped" &&
	has err "in 1 file" && hasnt out "primary\.'"
}
t "BIND named.conf: the primary zone linted with its origin" lints bind
t "Knot knot.conf: the primary zone linted with its origin" lints knot
t "NSD nsd.conf: the primary zone linted with its origin" lints nsd

# The kind given by a prefix; a file whose name says nothing.
t_prefix() {
	cp knot/knot.conf knot/server.yaml
	run --server-config knot:knot/server.yaml
	want_rc 0 && has out "'example.org.'"
}
t "knot:FILE names the kind" t_prefix

# Repeated, and beside a PATH operand: every zone once.
t_combined() {
	zone other.zone
	run --origin other.example. --server-config bind/named.conf \
		--server-config nsd:nsd/nsd.conf other.zone
	want_rc 0 && has err "in 3 files" && has out "^other.zone:" &&
	has out "^bind/zones/db.primary:" && has out "^nsd/zones/db.primary:"
}
t "--server-config repeated and with PATH operands" t_combined

# An error in the configuration: at its place, exit 2.
t_conf_error() {
	mkdir -p broken
	printf '%s\n' 'options {' '	directory "zones";' >broken/named.conf
	refused broken named-checkconf named.conf || return 1
	config_error broken/named.conf "^broken/named.conf:3:1: error:"
}
t "an error in named.conf is reported at its file:line:col" t_conf_error

t_conf_error_knot() {
	mkdir -p kbroken
	printf '%s\n' 'zone:' '  - domain: example.org' \
		'  - domain: EXAMPLE.org.' >kbroken/knot.conf
	refused kbroken knotc -c knot.conf conf-check || return 1
	config_error kbroken/knot.conf "^kbroken/knot.conf:3:13: error:"
}
t "an error in knot.conf is reported at its file:line:col" t_conf_error_knot

# A UTF-8 byte order mark, as some editors write it, begins the first
# word for BIND's and NSD's readers (named: "unknown option", nsd:
# "syntax error"): the file is refused at 1:1 naming the mark, in an
# included file too, and the words after it are read as meant, with no
# error of their own (NSD reports one error).  The same files without
# the mark load.
t_conf_bom() {
	mkdir -p bom/zones
	zone bom/zones/db.primary
	printf 'zone "example.org" { type primary; file "zones/db.primary"; };\n' \
		>bom/named.conf
	printf 'directory ".";\n' >bom/opts.conf
	printf 'server:\n\tzonesdir: "zones"\nzone:\n\tname: example.org\n\tzonefile: db.primary\n' \
		>bom/nsd.conf
	bind_accepts bom || return 1
	(cd bom && nsd-checkconf nsd.conf) >/dev/null 2>&1 ||
		{ echo "nsd-checkconf refuses bom/nsd.conf"; return 1; }
	for f in named.conf nsd.conf; do
		{ printf '\357\273\277'; cat "bom/$f"; } >bom/x && mv bom/x "bom/$f"
	done
	refused bom named-checkconf named.conf || return 1
	refused bom nsd-checkconf nsd.conf || return 1
	mark="error: the file begins with a UTF-8 byte order mark, which"
	config_error bom/named.conf "^bom/named.conf:1:1: $mark named refuses$" ||
		return 1
	count "$tmp/err" ": error:" 1 || return 1
	config_error nsd:bom/nsd.conf "^bom/nsd.conf:1:1: $mark nsd refuses$" ||
		return 1
	count "$tmp/err" ": error:" 1 || return 1
	{ printf '\357\273\277'; cat bom/opts.conf; } >bom/x && mv bom/x bom/opts.conf
	printf 'options { include "opts.conf"; };\nzone "example.org" { type primary; file "zones/db.primary"; };\n' \
		>bom/named.conf
	refused bom named-checkconf named.conf || return 1
	config_error bom/named.conf "^bom/opts.conf:1:1: $mark named refuses$" ||
		return 1
	count "$tmp/err" ": error:" 1
}
t "a UTF-8 byte order mark in named.conf and nsd.conf is refused at 1:1, naming it" t_conf_bom

# A NUL byte: BIND's and NSD's readers read past one in a comment; one
# elsewhere would stop them or cut a word, so the file is refused at the
# byte.  Knot DNS reads any byte in a comment (a Latin-1 accent, a NUL),
# and any from 128 on in a value, and so does zonelint; a control byte
# elsewhere is an error at its place.
t_conf_bytes_in_comments() {
	mkdir -p nul/zones latin
	zone nul/zones/db.primary
	printf '// note \0 /* \0 */\nzone "example.org" { type primary; file "zones/db.primary"; };\n' \
		>nul/named.conf
	bind_accepts nul || return 1
	run --server-config nul/named.conf
	want_rc 0 && has err " in 1 file" || return 1
	printf 'zone "exa\0mple.org" { type primary; file "zones/db.primary"; };\n' \
		>nul/named.conf
	config_error nul/named.conf "^nul/named.conf:1:10: error: NUL byte" || return 1
	printf 'server:\n\tzonesdir: "zones"\n# \0\nzone:\n\tname: example.org\n\tzonefile: db.primary\n' \
		>nul/nsd.conf
	run --server-config nsd:nul/nsd.conf
	want_rc 0 && has err " in 1 file" || return 1
	printf 'server:\n\tzonesdir: "zones"\nzone:\n\tname: example.org\0\n\tzonefile: db.primary\n' \
		>nul/nsd.conf
	config_error nsd:nul/nsd.conf "^nul/nsd.conf:4:19: error: NUL byte" || return 1
	zone latin/db.primary
	printf '# Fichier g\351n\351r\351 \0\nzone:\n  - domain: example.org\n    storage: .\n    file: db.primary\n' \
		>latin/knot.conf
	(cd latin && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
		{ echo "knotc refuses it"; show "$tmp/check"; return 1; }
	run --server-config latin/knot.conf
	want_rc 0 && has out "^latin/db.primary:" || return 1
	# a byte from 128 on is a byte of a value too; a control byte
	# (DEL) is no byte of a value
	zone "latin/$(printf 'g\351n.zone')"
	printf 'zone:\n  - domain: example.org\n    storage: .\n    file: "g\351n.zone"\n' \
		>latin/knot.conf
	(cd latin && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
		{ echo "knotc refuses it"; show "$tmp/check"; return 1; }
	run --server-config latin/knot.conf
	want_rc 0 && has out '^latin/g\\233n\.zone:' || return 1
	printf 'zone:\n  - domain: example.org\n    file: g\177n.zone\n' \
		>latin/bad.conf
	refused latin knotc -c bad.conf conf-check || return 1
	config_error knot:latin/bad.conf "^latin/bad.conf:3:12: error:"
}
t "bytes in comments read as the servers read them; a NUL elsewhere refused" t_conf_bytes_in_comments

# knot.conf's line ends as knotd reads them: CR LF ends a line; so does a
# CR alone, but knotd counts no line there and gives an item without a
# value only at a line's end, so that the next item takes its place (and,
# but after a blank piece, adds its indentation): lost after a comment
# ("storage:" CR "# c" CR "file: x"), refused right before an item.
# Places are lines of the file, counted at LF.
t_knot_line_ends() {
	mkdir -p kcr/zones
	zone kcr/zones/x
	for c in 'zone:\r\n  - domain: example.org\r\n    storage: zones\r\n    file: x\r\n' \
		'zone:\n  - domain: example.org\n    storage:\r# c\r    storage: zones\r    file: x\n' \
		'zone:\n  - domain: a.example\n    storage: zones\n    file: x\nzone:\r#\r  - domain: example.org\r    storage: zones\n    file: x\n'; do
		printf "$c" >kcr/knot.conf
		(cd kcr && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
			{ echo "knotc refuses $c"; show "$tmp/check"; return 1; }
		run --server-config kcr/knot.conf
		want_rc 0 && has out "^kcr/zones/x:" || return 1
	done
	for c in 'zone:\r  - domain: example.org\n|1:9' \
		'zone:\n  - domain: example.org\n    storage:\r    file: x\n|3:18'; do
		printf "${c%|*}" >kcr/knot.conf
		refused kcr knotc -c knot.conf conf-check || return 1
		config_error kcr/knot.conf "^kcr/knot.conf:${c#*|}: error:" ||
			return 1
	done
}
t "knot.conf: CR LF and a CR alone as knotd reads them" t_knot_line_ends

# knot_refused DIR TEXT AT: knotc refuses DIR/bad.conf holding TEXT (a
# printf(1) format), and zonelint errs at AT, LINE:COL|PATTERN; knotc
# names the same line, unless AT starts with '~' (it names another).
knot_refused() {
	printf "$2" >"$1/bad.conf"
	at=$3
	(cd "$1" && knotc -c bad.conf conf-check) >"$tmp/check" 2>&1 &&
		{ echo "knotc accepts $2"; return 1; }
	case $at in
	'~'*) at=${at#'~'} ;;
	*) has "$tmp/check" "line ${at%%:*}, " || return 1 ;;
	esac
	config_error "knot:$1/bad.conf" "^$1/bad.conf:${at%|*}: error: .*${at#*|}"
}

# knot.conf's section and item names as Knot DNS knows them: knotc takes
# items of every section that a configuration may hold, some of them
# easily missed (zonefile-sync, journal-content, catalog-role, a
# template's global-module, the max-udp-payload that 3.4 dropped); it
# refuses a name it does not know, or one in a section that does not take
# it ("invalid item"), at the line zonelint names.
t_knot_names() {
	mkdir -p kname/zones
	zone kname/zones/db.primary
	cat >kname/knot.conf <<'EOF'
server:
    listen: 127.0.0.1@5300
    udp-workers: 2
    max-udp-payload: 1232
    tcp-fastopen: off
xdp:
    route-check: off
control:
    timeout: 10
log:
  - target: stderr
    any: info
statistics:
    timer: 60
database:
    journal-db-max-size: 1G
keystore:
  - id: pem
    backend: pem
key:
  - id: xfr-key
    algorithm: hmac-sha256
    secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=
remote:
  - id: primary
    address: 192.0.2.1@53
    key: xfr-key
remotes:
  - id: primaries
    remote: primary
acl:
  - id: xfr
    address: 192.0.2.0/24
    action: transfer
submission:
  - id: parent
    check-interval: 1h
policy:
  - id: signed
    keystore: pem
    nsec3: on
    ksk-submission: parent
mod-stats:
  - id: default
    request-protocol: on
template:
  - id: default
    storage: zones
    semantic-checks: on
    global-module: mod-stats/default
zone:
  - domain: example.org
    file: db.primary
    zonefile-sync: -1
    zonefile-load: difference-no-serial
    journal-content: all
    dnssec-signing: on
    dnssec-policy: signed
    serial-policy: unixtime
    catalog-role: none
    acl: xfr
    notify: primaries
    comment: "the primary zone"
EOF
	(cd kname && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
		{ echo "knotc refuses it"; show "$tmp/check"; return 1; }
	run --server-config kname/knot.conf
	want_rc 0 && has err " in 1 file" || return 1
	for c in 'zone:\n  - domain: example.org\n    fiel: db.primary\n|3:5|file' \
		'zones:\n  - domain: example.org\n|1:1|zone' \
		'Zone:\n  - domain: example.org\n|1:1|zone' \
		'server:\n    listen: 127.0.0.1@5300\n    file: db.primary\n|3:5|zone' \
		'listen: 127.0.0.1@5300\n|1:1|server' \
		'template:\n  - id: default\n    storag: zones\n|3:5|storage' \
		'template:\n  - id: t\n    template: x\n|3:5|zone' \
		'log:\n  - target: stderr\n    anny: info\n|3:5|any' \
		'policy:\n  - id: p\n    nsec3-iteration: 0\n|3:5|nsec3-iterations' \
		'mod-stat:\n  - id: default\n|1:1|mod-stats' \
		'mod-stats:\n  - id: default\n    request-protocl: on\n|3:5|request-protocol' \
		'remote:\n    id: primary\n    address: 192.0.2.1\n|2:5|list' \
		'server:\n  - listen: 127.0.0.1@5300\n|2:5|list' \
		'acl:\n  - address: 192.0.2.1\n    id: xfr\n|2:5|first'; do
		knot_refused kname "${c%%|*}" "${c#*|}" || return 1
	done
}
t "knot.conf: section and item names as knotc knows them" t_knot_names

# knot.conf's values as knotd reads them: knotc takes every value of the
# first configuration, some easily taken for errors (a boolean's "t", a
# path or "x@y" for an address, a prefix with a blank, a module by the
# start of its name, a key named in another case); it refuses each of the
# others at the line zonelint names (a value not of its item's type, out
# of its range, not one of its values, a reference to no entry above, the
# second of a list, a second line of the item).
t_knot_values() {
	mkdir -p kval/zones
	zone kval/zones/example.org.zone
	cat >kval/knot.conf <<'EOF'
server:
    listen: [127.0.0.1@5300, "::1@5300", /run/knot/dns.sock, x@y]
    udp-workers: 256
    tcp-idle-timeout: 2h
    udp-max-payload: 4K
    async-start: t
    tcp-reuseport: OFF
    nsid: 0x6e7331
    proxy-allowlist: ["192.0.2.0/ 24", 192.0.2.1-192.0.2.9, "2001:db8::/32"]
database:
    journal-db-max-size: 20G
key:
  - id: XFR-key
    algorithm: HMAC-SHA256
    secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=
remote:
  - id: primary
    address: 192.0.2.1@53
    key: xfr-key.
remotes:
  - id: primaries
    remote: [primary]
acl:
  - id: xfr
    action: [transfer, notify]
    remote: primaries
    update-owner-match: equal
  - id: local
    address: [192.0.2.0/24, "2001:db8::1-2001:db8::9"]
policy:
  - id: signed
    keystore: default
    nsec3-iterations: 0
    rrsig-lifetime: 14d
    zone-max-ttl: 1d
mod-stats:
  - id: counters
    request-protocol: on
mod-rrl:
  - id: limit
    rate-limit: 200
    slip: 2
    whitelist: [127.0.0.1, "::1"]
template:
  - id: default
    storage: zones
    semantic-checks: soft
    global-module: mod-stats/counters
zone:
  - domain: example.org
    zonefile-sync: -1
    zonefile-load: WHOLE
    serial-policy: dateserial
    refresh-min-interval: 2
    journal-max-usage: 40K
    dnssec-signing: off
    dnssec-policy: signed
    acl: xfr
    acl: [xfr]
    notify: primaries
    module: mod-stat
EOF
	(cd kval && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
		{ echo "knotc refuses it"; show "$tmp/check"; return 1; }
	run --server-config kval/knot.conf
	want_rc 0 && has err " in 1 file" || return 1
	head='remote:\n  - id: primary\n    address: 192.0.2.1\nacl:\n  - id: xfr\n    action: transfer\n'
	for c in 'server:\n    async-start: yes\n|8:18|async-start' \
		'server:\n    udp-workers: 0\n|8:18|from 1 to 256' \
		'server:\n    udp-workers:\n|8:17|no value' \
		'server:\n    tcp-idle-timeout: 10x\n|8:23|time' \
		'server:\n    udp-max-payload: 64K\n|8:22|out-of-range' \
		'server:\n    listen: 192.0.2.256@53\n|8:13|address' \
		'server:\n    listen: [127.0.0.1, 192.0.2.1@65536]\n|8:25|out-of-range' \
		'server:\n    nsid: 0xabc\n|8:11|hex' \
		'acl:\n  - id: a2\n    address: 192.0.2.0/33\n|9:14|out-of-range' \
		'acl:\n  - id: a2\n    address: 192.0.2.1-2001:db8::1\n|9:14|range' \
		'acl:\n  - id: a2\n    action: [transfer, trasnfer]\n|9:24|transfer' \
		'key:\n  - id: k2\n    algorithm: hmac-sha265\n|9:16|hmac-sha256' \
		'key:\n  - id: k2\n    algorithm: hmac-sha256\n    secret: c2VjcmV\n|10:13|invalid value for .secret.; it takes base64' \
		'zone:\n  - domain: example.org\n    serial-policy: unixtim\n|9:20|unixtime' \
		'zone:\n  - domain: example.org\n    zonefile-load: whle\n|9:20|whole' \
		'zone:\n  - domain: example.org\n    journal-content: changez\n|9:22|changes' \
		'zone:\n  - domain: example.org\n    catalog-role: membr\n|9:19|member' \
		'zone:\n  - domain: example.org\n    semantic-checks: yes\n|9:22|soft' \
		'zone:\n  - domain: example.org\n    dnssec-signing: enabled\n|9:21|on or off' \
		'zone:\n  - domain: example.org\n    master: primaries\n|9:13|remote or remotes' \
		'zone:\n  - domain: example.org\n    acl: [xfr, xfer]\n|9:16|xfer' \
		'zone:\n  - domain: example.org\n    acl: xfr\n    acl: xfer\n|10:10|xfer' \
		'zone:\n  - domain: example.org\n    dnssec-policy: signed\n|9:20|policy' \
		'zone:\n  - domain: example.org\n    module: mod-stats/default\n|9:13|mod-stats' \
		'zone:\n  - domain: example.org\n    module: mod-stat/default\n|9:13|mod-stats' \
		'zone:\n  - domain: example.org\n    refresh-min-interval: 1\n|9:27|from 2' \
		'zone:\n  - domain: example.org\n    zonefile-sync: -2\n|9:20|from -1' \
		'zone:\n  - domain: example.org\n    notify: later\nremote:\n  - id: later\n    address: 192.0.2.3\n|9:13|later' \
		'template:\n  - id: t\n    catalog-zone: a..b\n|9:19|domain name' \
		'policy:\n  - id: p\n    nsec3-iterations: 65536\n|9:23|out-of-range' \
		'policy:\n  - id: p\n    keystore: hsm\n|9:15|keystore' \
		'remote:\n  - id: r2\n    address: 192.0.2.2\n    key: xfr-key\n|10:10|key' \
		'log:\n  - target: stderr\n    any: infos\n|9:10|info' \
		'database:\n    journal-db-max-size: 1T\n|8:26|size' \
		'statistics:\n    timer: 0\n|8:12|from 1' \
		'mod-stats:\n  - id: s\n    request-protocol: yes\n|9:23|on or off' \
		'mod-rrl:\n  - id: r\n    rate-limit: 200\n    slip: 101\n|10:11|from 0 to 100' \
		'mod-synthrecord:\n  - id: s\n    type: forwrd\n|9:11|forward'; do
		knot_refused kval "$head${c%%|*}" "${c#*|}" || return 1
	done
}
t "knot.conf: item values as knotc reads them" t_knot_values

# knot.conf's modules as knotd reads them: knotc, with the dnstap and
# geoip modules installed, takes every entry and reference of the first
# configuration (a module by the start of its name, mod-rrl alone, an
# empty sink that a second line replaces);
# it refuses each of the others, an item's value at the line zonelint
# names (an identifier given twice in a section, or twice in one entry,
# which knotd takes only as the entry's first item, a module that runs only
# with an entry named without one), an entry that lacks an item knotd
# requires wherever knotd finds that out (zonelint names the entry's id).
t_knot_modules() {
	mkdir -p kmod/zones
	zone kmod/zones/example.org.zone
	zone kmod/zones/2.0.192.in-addr.arpa.zone
	printf '%s\n' 'www.example.org:' '  - net: 192.0.2.0/24' \
		'    A: 192.0.2.1' >kmod/geo.conf
	cat >kmod/knot.conf <<'EOF'
remote:
  - id: resolver
    address: 192.0.2.53
policy:
  - id: signed
    nsec3: on
mod-dnstap:
  - id: tap
    sink: ""
    sink: unix:/run/knot/dnstap.sock
    identity: ""
    log-queries: OFF
    log-responses: t
    responses-with-queries: on
mod-geoip:
  - id: geo
    config-file: geo.conf
    ttl: 1h
    mode: SUBNET
    dnssec: off
    policy: signed
mod-dnsproxy:
  - id: proxy
    remote: resolver
    timeout: 500
mod-synthrecord:
  - id: fwd
    type: forward
    prefix: dyn-
    network: [192.0.2.0/24, "2001:db8::/64"]
  - id: rev
    type: reverse
    prefix: dyn-
    origin: example.org
    network: 192.0.2.0/24
mod-queryacl:
  - id: local
    address: 127.0.0.1
mod-rrl:
  - id: limit
    rate-limit: 100
template:
  - id: default
    storage: zones
    global-module: [mod-dnstap/tap, mod-stats]
zone:
  - domain: example.org
    module: [mod-geoip/geo, mod-synthrecord/fwd, mod-queryacl/local, mod-s]
  - domain: 2.0.192.in-addr.arpa
    module: [mod-synthrecord/rev, mod-dnsproxy/proxy, mod-rrl/limit]
EOF
	(cd kmod && knotc -c knot.conf conf-check) >"$tmp/check" 2>&1 ||
		{ echo "knotc refuses it"; show "$tmp/check"; return 1; }
	run --server-config kmod/knot.conf
	want_rc 0 && has err " in 2 files" || return 1
	# CASE|LINE:COL|PATTERN; a LINE:COL after '~' is not knotc's line
	head='remote:\n  - id: r\n    address: 192.0.2.1\n'
	for c in 'mod-dnstap:\n  - id: t\n    sink: /tmp/t\n    log-queries: yes\n|7:18|on or off' \
		'mod-geoip:\n  - id: g\n    config-file: geo.conf\n    mode: geo\n|7:11|geodb' \
		'mod-geoip:\n  - id: g\n    config-file: geo.conf\n    ttl: -1\n|7:10|out-of-range' \
		'mod-geoip:\n  - id: g\n    config-file: geo.conf\n    policy: p\n|7:13|policy' \
		'mod-synthrecord:\n  - id: s\n    type: forward\n    prefix: dyn.\n|7:13|without' \
		'remote:\n  - id: r\n    address: 192.0.2.2\n|5:9|duplicate identifier' \
		'mod-stats:\n  - id: s\n  - id: s\n|6:9|duplicate identifier' \
		'key:\n  - id: k\n    algorithm: hmac-sha256\n    secret: YWFh\n  - id: K.\n|8:9|duplicate identifier' \
		'log:\n  - target: stderr\n  - target: stderr\n|6:13|duplicate identifier' \
		'zone:\n  - domain: a.example\n    storage: .\n    domain: b.example\n|7:5|second .domain' \
		'template:\n  - id: t\n    id: u\n|6:5|second .id' \
		'remote:\n  - id: s\n    address: 192.0.2.2\n    id: s\n|7:5|second .id' \
		'log:\n  - target: stderr\n    target: [ stdout ]\n|6:5|second .target' \
		'zone:\n  - domain: a.example\n    zonefile-load: none\n  - domain: b.example\n    domain: b.example\n|8:5|second .domain' \
		'zone:\n  - domain: example.org\n    module: mod-queryacl\n|6:13|mod-queryacl/ID' \
		'zone:\n  - domain: example.org\n    module: [mod-stats, mod-d]\n|6:25|mod-d/ID' \
		'template:\n  - id: default\n    global-module: mod-dnstap\n|6:20|mod-dnstap/ID' \
		'mod-dnstap:\n  - id: t\n|~5:9|sink' \
		'mod-dnstap:\n  - id: t\n    sink: ""\n|~5:9|empty .sink' \
		'mod-geoip:\n  - id: g\n    mode: subnet\n|~5:9|config-file' \
		'mod-dnsproxy:\n  - id: p\n    timeout: 500\n|~5:9|remote' \
		'mod-synthrecord:\n  - id: s\n    network: 192.0.2.0/24\n|~5:9|type' \
		'mod-synthrecord:\n  - id: s\n    type: forward\n|~5:9|network' \
		'remote:\n  - id: r2\n|~5:9|address' \
		'key:\n  - id: k\n    secret: YWFh\n|~5:9|algorithm' \
		'key:\n  - id: k\n    algorithm: hmac-sha256\n|~5:9|secret'; do
		knot_refused kmod "$head${c%%|*}" "${c#*|}" || return 1
	done
}
t "knot.conf: modules, entries and identifiers as knotc reads them" t_knot_modules

# cases DIR FILE HEAD JUDGE [ARG...]: for each "WANT|CONF" line read,
# DIR/FILE holds HEAD and CONF (printf %b: "\n" a new line); JUDGE DIR
# WANT ARG... runs the server's checker and zonelint there, sets theirs
# and ours to their verdicts, and succeeds when both give WANT.
cases() {
	cdir=$1 cfile=$2 chead=$3 judge=$4
	shift 4
	mkdir -p "$cdir"
	while IFS='|' read -r want conf; do
		printf '%b\n' "$chead$conf" >"$cdir/$cfile"
		"$judge" "$cdir" "$want" "$@" || {
			printf '%s: the server "%s", zonelint "%s", not "%s"\n' \
				"$conf" "$theirs" "$ours" "$want"
			return 1
		}
	done
}

# refusal DIR WANT KIND THEIRS OURS: KIND's checker refuses DIR's
# configuration with a message matching THEIRS, and zonelint errs at WANT
# (L:C) with one matching OURS (sed); or, for an empty WANT, both take it.
refusal() {
	if checker "$3" "$1" >"$1/out" 2>&1; then
		theirs=
	elif grep -q "$4" "$1/out"; then
		theirs=refuses
	else
		theirs="another error: $(cat "$1/out")"
	fi
	run --server-config "$3:$1/$(conf_of "$3")"
	ours=$(sed -n "s|^$1/$(conf_of "$3"):\([0-9]*:[0-9]*\): error: $5|\1|p" \
		"$tmp/err" | head -n 1)
	[ "$ours" = "$2" ] && [ "$theirs" = "${2:+refuses}" ]
}

# dnssec-validation and dnssec-signing both on for a zone, each its own
# or its template's (the zone's, else default), in any form Knot reads as
# on: knotc conf-check refuses it ("'dnssec-validation' is not compatible
# with 'dnssec-signing'", where the zone's entry ends) and knotd, which
# checks the same, does not start; zonelint names the zone's domain.  A
# template alone that says both is taken, and so is one of them off.
# For each "L:C|CONF": knotc refuses, zonelint's error is at L:C; for
# "|CONF", both take it.
t_knot_validation() {
	cases kval knot.conf 'template:\n  - id: default\n    storage: .\n' \
		refusal knot "'dnssec-validation' is not compatible" \
		'.* is not compatible .*' <<'EOF'
5:13|zone:\n  - domain: a.example\n    dnssec-validation: on\n    dnssec-signing: on
5:13|zone:\n  - domain: a.example\n    dnssec-validation: o\n    dnssec-signing: T
5:13|zone:\n  - domain: a.example\n    dnssec-validation: ""\n    dnssec-signing: true
6:13|    dnssec-validation: on\nzone:\n  - domain: a.example\n    dnssec-signing: on
8:13|  - id: t\n    dnssec-signing: on\nzone:\n  - domain: b.example\n  - domain: a.example\n    template: t\n    dnssec-validation: on
|zone:\n  - domain: a.example\n    dnssec-validation: on\n    dnssec-signing: off
|    dnssec-validation: on\n    dnssec-signing: on
|  - id: t\n    dnssec-validation: on\n    dnssec-signing: on
|    dnssec-validation: on\n    dnssec-signing: on\nzone:\n  - domain: a.example\n    dnssec-signing: of
EOF
}
t "knot.conf: a zone both validated and signed is refused" t_knot_validation

# An ACL entry with remote and also address or key: knotc conf-check
# refuses it ("specified ACL/remote together with address or key",
# where the entry ends) and knotd, which checks the same, does not
# start; zonelint names the entry's id.  Remote alone, or address and
# key, both take.
t_knot_acl_remote() {
	cases kacl knot.conf 'key:\n  - id: k\n    algorithm: hmac-sha256\n    secret: AAAA\nremote:\n  - id: r\n    address: 192.0.2.1\nacl:\n' \
		refusal knot 'ACL/remote together' \
		"acl entry .* has 'remote' together .*" <<'EOF'
9:9|  - id: a\n    remote: r\n    key: k
9:9|  - id: a\n    address: 192.0.2.0/24\n    remote: [ r ]
11:9|  - id: a\n    remote: r\n  - id: b\n    key: k\n    remote: r
|  - id: a\n    remote: r\n    action: transfer
|  - id: a\n    address: 192.0.2.1\n    key: k
EOF
}
t "knot.conf: an ACL with remote and an address or key is refused" t_knot_acl_remote

# What named refuses in a zone statement is an error, not a zone that
# silently leaves the run: a mistyped or quoted type, a ';' left out.
t_bind_zone_syntax() {
	mkdir -p bsyn
	zone bsyn/a.zone
	for c in 'type mastr; file "a.zone";|1:27: error: zone type .mastr. unknown' \
		'type "master"; file "a.zone";|1:27: error: expected unquoted string' \
		'type master; file "a.zone" "b.zone";|1:49: error: missing .;. before .b.zone.' \
		'type master; file a.zone;|1:40: error: expected quoted string' \
		'type master; file "a.zone"; masterfile-format map;|1:68: error: .map. unexpected'; do
		printf 'zone "example.org" { %s };\n' "${c%%|*}" >bsyn/named.conf
		refused bsyn named-checkconf named.conf || return 1
		config_error bsyn/named.conf "^bsyn/named.conf:${c#*|}" || return 1
	done
}
t "named.conf: a zone type mistyped or quoted, a path not, a ';' left out" t_bind_zone_syntax

# A zone file that is missing names the zone and where it is declared.
t_missing() {
	mkdir -p missing
	printf '%s\n' 'zone "example.org" { type primary; file "nope.db"; };' \
		>missing/named.conf
	run --server-config missing/named.conf
	want_rc 2 &&
	has err "nope.db.*the zone example.org. declared at missing/named.conf:1:6"
}
t "a missing zone file names the declaration" t_missing

# $GENERATE: BIND expands it; Knot and NSD refuse the zone.
# A line inside parentheses that begins with the word is no directive.
gen() {
	mkdir -p "gen-$1"
	cp -R "$1/." "gen-$1/"
	zone "gen-$1/zones/db.primary" '$GENERATE 1-3 host$ A 192.0.2.$' \
		't IN TXT ( "a"' '$GENERATE )'
	run --server-config "gen-$1/$(conf_of "$1")"
}
t_gen_bind() {
	gen bind
	want_rc 0 && hasnt out "error: .*GENERATE" &&
	count out "GENERATE is BIND's own: Knot DNS and NSD refuse" 1
}
t_gen_knot() {
	gen knot
	want_rc 1 &&
	has out "^gen-knot/zones/db.primary:7:1: error: .GENERATE is not supported by knot" &&
	count out "GENERATE is not supported" 1
}
t_gen_nsd() {
	gen nsd
	want_rc 1 &&
	has out "^gen-nsd/zones/db.primary:7:1: error: .GENERATE is not supported by nsd"
}
# In a file the zone includes (twice): reported there, once.
t_gen_include() {
	mkdir -p inc-nsd
	cp -R nsd/. inc-nsd/
	printf '%s\n' '$GENERATE 1-3 host$ A 192.0.2.$' >inc-nsd/zones/gen.inc
	zone inc-nsd/zones/db.primary '$INCLUDE gen.inc sub' \
		'$INCLUDE gen.inc sub2'
	run --server-config inc-nsd/nsd.conf
	want_rc 1 &&
	has out "^inc-nsd/zones/gen.inc:1:1: error: .GENERATE is not supported by nsd" &&
	count out "GENERATE is not supported" 1
}
# The apex's NSEC3PARAM of hash algorithm 2: knotd loads only 0 and 1
# (kzonecheck does not check it), BIND only 1; NSD loads it.
n3p() {
	mkdir -p "n3p-$1"
	cp -R "$1/." "n3p-$1/"
	zone "n3p-$1/zones/db.primary" '@ IN NSEC3PARAM 2 0 0 -'
	run --server-config "n3p-$1/$(conf_of "$1")"
}
t_n3p_knot() {
	n3p knot
	want_rc 1 &&
	has out "^n3p-knot/zones/db.primary:7:6: error: knot refuses to load .*BIND and Knot DNS refuse"
}
t_n3p_nsd() {
	n3p nsd
	want_rc 0 && has out "warning: NSEC3PARAM at the apex"
}
t "an apex NSEC3PARAM of hash algorithm 2 under Knot is an error" t_n3p_knot
t "an apex NSEC3PARAM of hash algorithm 2 under NSD is a warning" t_n3p_nsd

t "\$GENERATE under BIND is linted" t_gen_bind
t "\$GENERATE under Knot is an error naming knot" t_gen_knot
t "\$GENERATE under NSD is an error naming nsd" t_gen_nsd
t "\$GENERATE in an included file, under NSD" t_gen_include

# Whether the server of kind $1 loads the zone example.org of the tree in
# $2 (its zone file $3 under zones/), by its own checker; what it says in
# $tmp/check.
server_loads() {
	case $1 in
	bind) (cd "$2" && named-checkconf -z named.conf) ;;
	knot) (cd "$2" && knotc -c knot.conf zone-check example.org) ;;
	nsd) (cd "$2/zones" && nsd-checkzone example.org "$3") ;;
	esac >"$tmp/check" 2>&1
}

# $INCLUDE as each server resolves it: BIND and NSD against their working
# directory (`directory`, `zonesdir`: "zones"), Knot against the zone
# file's directory.  The zone in zones/sub/ includes mail.inc, which the
# server reads from zones/sub/mail.inc; a decoy lies where the other rule
# would look.  The server's own checker loads the zone first.  The tree is
# a zone repository (git): includes may read anywhere inside it.
incl() {
	mkdir -p "incl-$1"
	git init -q "incl-$1"
	cp -R "$1/." "incl-$1/"
	mkdir -p "incl-$1/zones/sub/sub"
	d=incl-$1/zones/sub
	if [ "$1" = knot ]; then
		zone "$d/db.primary" '$INCLUDE mail.inc'
		printf '%s\n' 'decoy IN TXT "decoy"' >"incl-$1/zones/mail.inc"
	else
		zone "$d/db.primary" '$INCLUDE sub/mail.inc'
		printf '%s\n' 'decoy IN TXT "decoy"' >"$d/sub/mail.inc"
	fi
	printf '%s\n' '@ IN MX 20 192.0.2.26' >"$d/mail.inc"
	sed -i 's|db.primary|sub/db.primary|' "incl-$1/$(conf_of "$1")"
	server_loads "$1" "incl-$1" sub/db.primary ||
		{ echo "$1 cannot load the zone"; show "$tmp/check"; return 1; }
	run --server-config "incl-$1/$(conf_of "$1")"
	want_rc 1 && has out "^$d/mail.inc:1:12: error: .*\[MX001\]" &&
	hasnt out decoy
}
t "\$INCLUDE from named's directory, under BIND" incl bind
t "\$INCLUDE from the zone file's directory, under Knot" incl knot
t "\$INCLUDE from zonesdir, under NSD" incl nsd

# An include the server does not find is an error though the repository
# root holds it, where zonelint looks next without --server-config: the
# server's own checker refuses the zone too.
incl_root() {
	mkdir -p "iroot-$1"
	git init -q "iroot-$1"
	cp -R "$1/." "iroot-$1/"
	mkdir -p "iroot-$1/common"
	printf '%s\n' '@ IN TXT "v=spf1 -all"' >"iroot-$1/common/spf.inc"
	zone "iroot-$1/zones/db.primary" '$INCLUDE common/spf.inc'
	server_loads "$1" "iroot-$1" db.primary &&
		{ echo "$1 loads the zone"; show "$tmp/check"; return 1; }
	run --server-config "iroot-$1/$(conf_of "$1")"
	want_rc 1 &&
	has out "^iroot-$1/zones/db.primary:7:10: error: cannot read include file 'common/spf.inc'.*\[ZONE003\]"
}
t "an include only the repository root holds, under BIND" incl_root bind
t "an include only the repository root holds, under Knot" incl_root knot
t "an include only the repository root holds, under NSD" incl_root nsd

# The working directory does not widen what an include may read: outside
# a repository, the zone file's directory; a configuration that moves
# named to / cannot make a zone include the system's files.
t_incl_confined() {
	mkdir -p escape/zones
	printf '%s\n' 'options { directory "/"; };' \
		'zone "example.org" { type primary; file "'"$tmp"'/escape/zones/db.primary"; };' \
		>escape/named.conf
	zone escape/zones/db.primary '$INCLUDE etc/passwd'
	run --server-config escape/named.conf
	want_rc 1 &&
	has out "escape/zones/db.primary:7:10: error: cannot read include file 'etc/passwd': .*the server's working directory" &&
	hasnt out "root:"
}
t "\$INCLUDE from the working directory stays confined" t_incl_confined

# The zone file itself is confined as the configuration's includes are:
# one named outside the configuration's directory is not read (nothing of
# it shown), unless --allow-include names the directory that holds it.
t_zone_confined() {
	mkdir -p leak outside
	printf '%s\n' 'options { directory "/"; };' \
		'zone "leak.example" { type primary; file "etc/passwd"; };' \
		'zone "leak2.example" { type primary; file "'"$tmp"'/outside/db.x"; };' \
		>leak/named.conf
	zone outside/db.x '@ IN MX 20 mail2.example.net'
	run --format gcc --server-config leak/named.conf
	want_rc 2 &&
	has err "cannot read '/etc/passwd': .*leak/named.conf:2:6" &&
	has err "cannot read '$tmp/outside/db.x': .*leak/named.conf:3:6" &&
	hasnt out "root:" && hasnt err "root:" || return 1
	run --format gcc --allow-include "$tmp/outside" \
		--server-config leak/named.conf
	want_rc 2 &&
	has out "outside/db.x:7:12: error: .*\\[MX004\\]" &&
	hasnt err "cannot read '$tmp/outside/db.x'" &&
	hasnt out "root:" && hasnt err "root:"
}
t "a zone file outside the configuration's directory is not read" t_zone_confined

# A zone file refused as outside the tree, under each server whose own
# checker takes the configuration, has the help a configuration's include
# outside it has: --allow-include.
t_zone_outside_help() {
	mkdir -p oh/bind oh/knot oh/nsd oh/out
	zone oh/out/db.x
	printf 'zone "example.org" { type primary; file "%s"; };\n' \
		"$tmp/oh/out/db.x" >oh/bind/named.conf
	printf 'zone:\n  - domain: example.org\n    file: "%s"\n' \
		"$tmp/oh/out/db.x" >oh/knot/knot.conf
	printf 'zone:\n\tname: "example.org"\n\tzonefile: "%s"\n' \
		"$tmp/oh/out/db.x" >oh/nsd/nsd.conf
	(cd oh/bind && named-checkconf -z named.conf) >/dev/null 2>&1 &&
		(cd oh/knot && knotc -c knot.conf conf-check) >/dev/null 2>&1 &&
		(cd oh/nsd && nsd-checkconf nsd.conf) >/dev/null 2>&1 ||
		{ echo "a server's checker refuses its configuration"; return 1; }
	printf 'include "%s";\n' "$tmp/oh/out/db.x" >oh/bind/inc.conf
	run --server-config oh/bind/inc.conf
	help=$(grep '= help:' "$tmp/err") && [ -n "$help" ] || return 1
	for c in bind/named.conf knot/knot.conf nsd/nsd.conf; do
		run --server-config "oh/$c"
		want_rc 2 && has err "cannot read '$tmp/oh/out/db.x': outside" &&
			[ "$(grep -A1 "cannot read '$tmp/oh/out/db.x'" "$tmp/err" |
				sed -n 2p)" = "$help" ] ||
			{ echo "under $c"; return 1; }
	done
}
t "a zone file outside the tree: the help names --allow-include, as for an include" t_zone_outside_help

# bind_accepts DIR: named-checkconf loads DIR/named.conf and its zones.

# BIND 9.18 expands a pattern in include, in the order of the names; one
# that matches nothing is an error, as named-checkconf gives it.
t_bind_glob() {
	mkdir -p glob/d glob/zones
	printf '%s\n' 'zone "g1.example" { type primary; file "g1"; };' \
		>glob/d/a.conf
	printf '%s\n' 'zone "g2.example" { type primary; file "g2"; };' \
		>glob/d/b.conf
	printf '%s\n' 'include "d/*.conf";' \
		'options { directory "zones"; };' >glob/named.conf
	zone glob/zones/g1 '@ IN MX 20 mail2.example.net'
	zone glob/zones/g2 '@ IN MX 20 mail2.example.net'
	bind_accepts glob || return 1
	run --format gcc --server-config glob/named.conf
	want_rc 1 &&
	has out "glob/zones/g1:7:12: error: .*\\.g1\\.example\\.' .*\\[MX004\\]" &&
	has out "glob/zones/g2:7:12: error: .*\\.g2\\.example\\.' .*\\[MX004\\]" || return 1
	printf '%s\n' 'include "none/*.conf";' >glob/none.conf
	run --server-config glob/none.conf
	want_rc 2 &&
	has err "none\\.conf:1:1: error: include pattern .* matches no file"
}
t "BIND: an include pattern is expanded" t_bind_glob

# Knot DNS runs glob(3) with no flags on an include's path (conf/tools.c):
# braces are bytes of a name, a '\\' quotes the byte after it, a
# directory or another file that is no regular one is passed over
# ("include: sub", an empty value: the including file's directory), and
# a path that matches nothing is refused ("file error") unless it holds a
# '*'.  For each "L:C|CONF": knotc refuses, zonelint errs at L:C; for
# "|CONF", both take it.
t_knot_include() {
	mkdir -p kinc/sub
	printf 'zone:\n  - domain: %s\n    storage: .\n    zonefile-load: none\n' \
		a.example >kinc/x1.conf
	printf 'zone:\n  - domain: %s\n    storage: .\n    zonefile-load: none\n' \
		b.example >'kinc/b{1,2}.conf'
	cases kinc knot.conf '' refusal knot 'file error' '.*' <<'EOF'
|include: sub
|include: sub/
|include: ""
|include:
|include: "x?.conf"
|include: "x[0-9].conf"
|include: "nodir/*.conf"
|include: "nonexist*.conf"
|include: "x1\\.conf"
|include: "b{1,2}.conf"
1:10|include: "x{1,2}.conf"
1:10|include: "nonexist?.conf"
1:10|include: "nonexist[1].conf"
1:10|include: "nodir/x?.conf"
1:10|include: nonexist.conf
EOF
}
t "knot.conf: an include read as knotd's glob(3) reads it" t_knot_include

# knot_head DIR: the head of a knot.conf for a knotd run in DIR, with no
# address to listen on, its database in DIR/db, its log on stderr.
knot_head() {
	printf '%s\n' server: "    rundir: \"$1/run\"" database: \
		"    storage: \"$1/db\"" log: '  - target: stderr' '    any: info'
}

# A catalog zone Knot DNS generates from its members (catalog-role:
# generate, in the zone or its template): knotd never loads its file,
# whatever it holds (it writes the zone there), so zonelint does not lint
# it but names it, skipped, as a zone with zonefile-load: none; the
# members are linted.  knotd, run here for a moment with no address to
# listen on, is the judge: it loads every zone and says nothing of the
# catalog zones' files, which hold no zone.
t_knot_catalog_generate() {
	d=$(pwd)/kcatgen
	mkdir -p kcatgen/zones kcatgen/db kcatgen/run
	zone kcatgen/zones/example.com.zone
	printf 'not a zone\n' >kcatgen/zones/catalog.zone
	printf 'not a zone\n' >kcatgen/zones/catalog2.zone
	{ knot_head "$d"; cat <<EOF; } >kcatgen/knot.conf
template:
  - id: member
    storage: "$d/zones"
    catalog-role: member
    catalog-zone: catalog.
  - id: gen
    storage: "$d/zones"
    catalog-role: generate
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: generate
  - domain: catalog2.
    template: gen
  - domain: example.com
    template: member
EOF
	run --server-config knot:kcatgen/knot.conf
	cp "$tmp/err" kcatgen/zonelint.err
	timeout 3 knotd -c kcatgen/knot.conf >kcatgen/knotd.log 2>&1
	grep -q '\[example.com.\] zone file parsed' kcatgen/knotd.log &&
		grep -q '\[catalog.\] loaded' kcatgen/knotd.log &&
		grep -q '\[catalog2.\] loaded' kcatgen/knotd.log &&
		! grep -q 'error: \[catalog' kcatgen/knotd.log ||
		{ echo "knotd:"; cat kcatgen/knotd.log; return 1; }
	want_rc 0 &&
		has kcatgen/zonelint.err "note: primary zone catalog. skipped" &&
		has kcatgen/zonelint.err "note: primary zone catalog2. skipped" &&
		has kcatgen/zonelint.err " in 1 file"
}
t "knot.conf: a catalog zone knotd generates is not linted, its members are" t_knot_catalog_generate

# catalog-role and the item it needs, each the zone's own or its
# template's: interpret with catalog-template, member with catalog-zone,
# each both or neither.  knotc conf-check refuses a zone with one alone
# ("'catalog-role' must correspond to configured 'catalog-template'",
# where the zone's entry ends); zonelint names the zone's domain.
t_knot_catalog_items() {
	cases kcatitems knot.conf 'template:\n  - id: m\n    storage: .\n' \
		refusal knot "must correspond to configured" \
		"zone .* must correspond to configured .*" <<'EOF'
5:13|zone:\n  - domain: cat.\n    catalog-role: interpret
5:13|zone:\n  - domain: cat.\n    catalog-template: m
5:13|zone:\n  - domain: cat.\n    catalog-role: generate\n    catalog-template: m
5:13|zone:\n  - domain: cat.\n    catalog-role: member
5:13|zone:\n  - domain: a.example\n    catalog-zone: cat.
7:13|  - id: t\n    catalog-role: interpret\nzone:\n  - domain: cat.\n    template: t
|zone:\n  - domain: cat.\n    catalog-role: INTERPRET\n    catalog-template: [ m ]
|  - id: t\n    catalog-role: interpret\n    catalog-template: m\nzone:\n  - domain: cat.\n    template: t
|  - id: t\n    catalog-role: member\nzone:\n  - domain: a.example
|zone:\n  - domain: a.example\n    catalog-role: member\n    catalog-zone: cat.
EOF
}
t "knot.conf: catalog-role without the item it needs is refused" t_knot_catalog_items

# A catalog zone knotd interprets (catalog-role: interpret) from its file:
# each member, named by the one PTR record right below zones., is a zone
# of the catalog template its group names, else of the first, and is
# linted from that template's file; one the configuration declares
# already is that zone (knotd: "member zone already configured"), and
# one whose template names a master is a secondary, not linted.  knotd,
# run here for a moment with no address to listen on, is the judge of
# which file each member is loaded from (their serials differ).
t_knot_catalog_interpret() {
	d=$(pwd)/kcatint
	mkdir -p kcatint/zones kcatint/one kcatint/two kcatint/run kcatint/db
	zone kcatint/one/a.example.zone 'www IN MX 10 nowhere.a.example.'
	zone kcatint/two/b.example.zone 'www IN MX 10 nowhere.b.example.'
	sed -i 's/ 1 7200 / 2 7200 /' kcatint/two/b.example.zone
	zone kcatint/zones/c.example.zone
	zone kcatint/one/c.example.zone 'www IN MX 10 nowhere.c.example.'
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
		'@ NS invalid.' 'version TXT "2"' \
		'm1.zones PTR a.example.' 'm2.zones PTR B.Example.' \
		'group.m2.zones TXT "two"' 'm3.zones PTR c.example.' \
		'm4.zones PTR d.example.' 'group.m4.zones TXT "sec"' \
		'x.m5.zones PTR e.example.' 'm6.zones PTR a.example.' \
		>kcatint/zones/catalog.zone
	{ knot_head "$d"; cat <<EOF; } >kcatint/knot.conf
remote:
  - id: up
    address: 192.0.2.1
template:
  - id: one
    storage: "$d/one"
  - id: two
    storage: "$d/two"
    file: "%s.zone"
  - id: sec
    master: up
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: [ one, two, sec ]
  - domain: c.example
    storage: "$d/zones"
EOF
	knotc -c kcatint/knot.conf conf-check >kcatint/knotc.log 2>&1 ||
		{ cat kcatint/knotc.log; return 1; }
	timeout 3 knotd -c kcatint/knot.conf >kcatint/knotd.log 2>&1
	grep -q '\[a.example.\] zone added from catalog' kcatint/knotd.log &&
		grep -q '\[b.example.\] loaded, serial none -> 2' \
			kcatint/knotd.log &&
		grep -q '\[c.example.\] member zone already configured' \
			kcatint/knotd.log &&
		grep -q '\[d.example.\] zone added from catalog' \
			kcatint/knotd.log &&
		! grep -q 'e.example' kcatint/knotd.log ||
		{ echo "knotd:"; cat kcatint/knotd.log; return 1; }
	run --server-config knot:kcatint/knot.conf
	want_rc 1 &&
		has "$tmp/out" "kcatint/one/a.example.zone:7:.*\[MX003\]" &&
		has "$tmp/out" "kcatint/two/b.example.zone:7:.*\[MX003\]" &&
		hasnt "$tmp/out" "one/c.example|e.example" &&
		has "$tmp/err" "note: secondary zone d.example. skipped" &&
		has "$tmp/err" " in 4 files"
}
t "knot.conf: the members of a catalog zone knotd interprets are linted" t_knot_catalog_interpret

# What knotd refuses to interpret a catalog zone over: no record
# 'version TXT "2"', a member node with two PTR records, a group record
# of two strings, a member with two group records.  knotd loads the
# catalog zone's file and then fails ("failed to process catalog zone")
# and adds no member; zonelint names the record (the version record's
# absence: the catalog's domain) and lints no member.
t_knot_catalog_refused() {
	d=$(pwd)/kcatbad
	mkdir -p kcatbad/zones kcatbad/run kcatbad/db
	zone kcatbad/zones/a.example.zone 'www IN MX 10 nowhere.a.example.'
	for c in '12:13|version TXT "1"' \
		'6:1|version TXT "2"|m1.zones PTR b.example.' \
		'6:1|version TXT "2"|group.m1.zones TXT "one" "x"' \
		'7:1|version TXT "2"|group.m1.zones TXT "one"|group.m1.zones TXT "two"'; do
		at=${c%%|*}
		# shellcheck disable=SC2016 # $TTL is zone text
		printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
			'@ NS invalid.' 'm1.zones PTR a.example.' \
			>kcatbad/zones/catalog.zone
		printf '%s\n' "${c#*|}" | tr '|' '\n' >>kcatbad/zones/catalog.zone
		{ knot_head "$d"; cat <<EOF; } >kcatbad/knot.conf
template:
  - id: one
    storage: "$d/zones"
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: one
EOF
		rm -rf kcatbad/db/*
		timeout 3 knotd -c kcatbad/knot.conf >kcatbad/knotd.log 2>&1
		grep -q 'failed to process catalog zone' kcatbad/knotd.log &&
			! grep -q 'added from catalog' kcatbad/knotd.log ||
			{ echo "$c: knotd:"; cat kcatbad/knotd.log; return 1; }
		run --server-config knot:kcatbad/knot.conf
		want_rc 2 &&
			has "$tmp/err" ":$at: error: .* so knotd does not interpret the catalog zone 'catalog\.'" &&
			hasnt "$tmp/err" "a\.example\.zone" || { echo "case $c"; return 1; }
	done
}
t "knot.conf: a catalog zone knotd refuses to interpret adds no member" t_knot_catalog_refused

# A zone two catalog zones name: knotd adds it from one of them, its log
# says "duplicate addition/removal of the member node", and which file it
# then loads (each catalog's template has its own storage) is not known;
# zonelint says so, at the second catalog's domain.
t_knot_catalog_twice() {
	d=$(pwd)/kcat2
	mkdir -p kcat2/zones kcat2/one kcat2/two kcat2/run kcat2/db
	zone kcat2/one/a.example.zone
	zone kcat2/two/a.example.zone
	for c in catalog catalog2; do
		# shellcheck disable=SC2016 # $TTL is zone text
		printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
			'@ NS invalid.' 'version TXT "2"' 'm1.zones PTR a.example.' \
			>kcat2/zones/$c.zone
	done
	{ knot_head "$d"; cat <<EOF; } >kcat2/knot.conf
template:
  - id: one
    storage: "$d/one"
  - id: two
    storage: "$d/two"
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: one
  - domain: catalog2.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: two
EOF
	timeout 3 knotd -c kcat2/knot.conf >kcat2/knotd.log 2>&1
	grep -q '\[a.example.\] duplicate addition' kcat2/knotd.log ||
		{ echo "knotd:"; cat kcat2/knotd.log; return 1; }
	run --server-config knot:kcat2/knot.conf
	want_rc 2 &&
		has "$tmp/err" "kcat2/knot.conf:18:13: error: zone 'a\.example\.' is a member of the catalog zones 'catalog\.' and 'catalog2\.'"
}
t "knot.conf: a zone two catalog zones name is an error" t_knot_catalog_twice

# The file a zone's name makes with %s, %c[...] and %l[...] is the one
# knotd makes: the name written as knotd writes it (punctuation but '-',
# '_', '*' and '/' after a backslash, '#' and other bytes as \DDD, '/' then
# '_'; an escaped dot inside its label), whatever a catalog zone's member
# names hold.  knotd, run here for a moment, logs the file it looks for
# of each member ("failed to parse zone file '...' (not exists)"); the
# paths zonelint names are the same.  A member's file made elsewhere
# would let a pull request show zonelint one file and have knotd serve
# another.
t_knot_file_names() {
	d=$(pwd)/kfn
	mkdir -p kfn/zones kfn/s kfn/l kfn/run kfn/db
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
		'@ NS invalid.' 'version TXT "2"' \
		'm1.zones PTR x\!y.example.' 'm2.zones PTR x\#y.example.' \
		'm3.zones PTR X\~y.example.' 'm4.zones PTR x\032y.example.' \
		'm5.zones PTR a\/b\..example.' 'm6.zones PTR x\255\,y.example.' \
		'm7.zones PTR q\%\=\+\:\?\[\]\^\{\|\}y.example.' \
		"m8.zones PTR x\\'\\\`y." \
		'l1.zones PTR a\.b.c\!d.example.' 'group.l1.zones TXT "l"' \
		'l2.zones PTR a\/\.\..x\#y.' 'group.l2.zones TXT "l"' \
		>kfn/zones/catalog.zone
	{ knot_head "$d"; cat <<EOF; } >kfn/knot.conf
template:
  - id: s
    storage: "$d/s"
  - id: l
    storage: "$d/l"
    file: "%l[0]/%l[1]/%l[2]-%c[0-3]"
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: [ s, l ]
EOF
	timeout 3 knotd -c kfn/knot.conf >kfn/knotd.log 2>&1
	sed -n "s/.*failed to parse zone file '\\(.*\\)' (not exists)/\\1/p" \
		kfn/knotd.log | sort >kfn/knotd.paths
	[ "$(wc -l <kfn/knotd.paths)" = 10 ] ||
		{ echo "knotd:"; cat kfn/knotd.log; return 1; }
	run --server-config knot:kfn/knot.conf
	sed -n "s/^\\(.*\\): error: cannot read '.*/\\1/p" "$tmp/out" \
		"$tmp/err" | sort >kfn/zonelint.paths
	want_rc 2 && diff kfn/knotd.paths kfn/zonelint.paths
}
t "knot.conf: a zone's file is named with its name as knotd writes it" t_knot_file_names

# A file name knotd does not make: longer than its 1023 bytes ("too long
# zonefile name"), or from a name whose text is longer than the 511 bytes
# it formats for %s or %c[...] ("failed to process zonefile formatter");
# knotc conf-check takes both, knotd loads neither zone.  zonelint says
# so at the pattern, once, and does not make the file name it would have
# made: a pattern of many %s over a catalog's many members would make it
# print gigabytes.
t_knot_file_long() {
	d=$(pwd)/kfl
	mkdir -p kfl/zones kfl/run kfl/db
	l=$(printf '%063d' 0 | tr 0 a)
	e=$(printf '%049d' 0 | sed 's/0/\\000/g')
	# shellcheck disable=SC2016 # $TTL is zone text
	printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
		'@ NS invalid.' 'version TXT "2"' \
		"m1.zones PTR $l.$l.$l.${l%?????????????}." \
		"m2.zones PTR x.$e.$e.$e.$l." \
		'group.m2.zones TXT "c"' >kfl/zones/catalog.zone
	{ knot_head "$d"; cat <<EOF; } >kfl/knot.conf
template:
  - id: s
    storage: "$d/zones"
    file: "$(printf '%%s%.0s' 1 2 3 4 5)"
  - id: c
    storage: "$d/zones"
    file: "%c[0-1]"
zone:
  - domain: catalog.
    storage: "$d/zones"
    catalog-role: interpret
    catalog-template: [ s, c ]
EOF
	knotc -c kfl/knot.conf conf-check >kfl/knotc.log 2>&1 ||
		{ cat kfl/knotc.log; return 1; }
	rm -rf kfl/db/*
	(timeout 4 knotd -c kfl/knot.conf >kfl/knotd.log 2>&1 &)
	sleep 2
	knotc -c kfl/knot.conf zone-status >kfl/status 2>&1
	sleep 3
	grep -q 'too long zonefile name' kfl/knotd.log &&
		grep -q "^\\[x\\..*serial: -" kfl/status ||
		{ echo "knotd:"; cat kfl/knotd.log kfl/status; return 1; }
	run --server-config knot:kfl/knot.conf
	want_rc 2 &&
		has "$tmp/err" "kfl/knot.conf:[0-9]*:11: error: zone 'a{63}\..*': its file name is longer than knotd makes \(1023 bytes\)" &&
		has "$tmp/err" "kfl/knot.conf:[0-9]*:11: error: zone 'x\..*': its name's text is longer than knotd formats" &&
		hasnt "$tmp/err" "cannot read" &&
		[ "$(wc -c <"$tmp/err")" -lt 4000 ] ||
		{ echo "$(wc -c <"$tmp/err") bytes on stderr"; return 1; }
}
t "knot.conf: a file name knotd does not make is an error at the pattern" t_knot_file_long

# A zone file path of 4,096 bytes or more, which no server opens: an error
# at the zone's declaration that shows no path, and the zone is left out.
# The members of a catalog zone share their template's storage, and a
# long one (200 KB) once made zonelint print it twice for each member:
# 480 MB for 1,200 members from a configuration of 200 KB.  BIND's
# named-checkconf -z refuses such a file as well.
t_zone_path_long() {
	d=$(pwd)/kpl
	mkdir -p kpl/zones
	# shellcheck disable=SC2016 # $TTL is zone text
	{ printf '%s\n' '$TTL 0' '@ SOA invalid. invalid. 1 3600 600 86400 0' \
		'@ NS invalid.' 'version TXT "2"'
	  seq 1 1200 | sed 's/.*/m&.zones PTR z&.example./'
	} >kpl/zones/catalog.zone
	{ printf 'template:\n  - id: t\n    storage: "%s/' "$d"
	  printf '%0200000d' 0 | tr 0 x
	  printf '"\nzone:\n  - domain: catalog.\n    storage: "%s/zones"\n' "$d"
	  printf '    catalog-role: interpret\n    catalog-template: t\n'
	} >kpl/knot.conf
	run --server-config knot:kpl/knot.conf
	want_rc 2 &&
		has "$tmp/err" "^kpl/knot.conf:5:13: error: zone 'z1\\.example\\.': its file's path is 2[0-9]{5} bytes long, and no server opens one of 4096 bytes or more" &&
		has "$tmp/err" "more errors in the configuration not shown" &&
		hasnt "$tmp/err" "xxxxxxxxxx" || return 1
	mkdir -p bpl
	printf 'zone "example.org" { type primary; file "%s"; };\n' \
		"$(printf '%04096d' 0 | tr 0 z)" >bpl/named.conf
	refused bpl named-checkconf -z named.conf || return 1
	run --server-config bpl/named.conf
	want_rc 2 && has "$tmp/err" "^bpl/named.conf:1:6: error: zone 'example\\.org\\.': its file's path is 4[0-9]{3} bytes long" &&
		hasnt "$tmp/err" "zzzzzzzzzz"
}
t "a zone file path no server opens is an error that shows no path" t_zone_path_long

# A directory a pattern reaches through a link out of the tree is not
# even listed: strace sees no open of it.
t_glob_link_out() {
	command -v strace >/dev/null 2>&1 || { echo "strace is not installed"; return 1; }
	mkdir -p globout/tree globout/away
	printf '%s\n' 'zone "x.example" { type primary; file "x"; };' \
		>globout/away/x.conf
	ln -s ../away globout/tree/out
	printf '%s\n' 'include "out/*.conf";' >globout/tree/named.conf
	strace -f -qq -e trace=open,openat -o "$tmp/trace" \
		"$zl" --server-config globout/tree/named.conf >"$tmp/out" 2>"$tmp/err"
	hasnt "$tmp/trace" 'globout/tree/out"|/away' &&
	hasnt "$tmp/out" 'x\.example' && hasnt "$tmp/err" 'x\.example|x\.conf' ||
		return 1
	# the matches inside the tree are still read beside it
	mkdir -p globout/tree/in
	printf 'zone:\n\tname: in.example\n\tzonefile: in/db\n' \
		>globout/tree/in/in.conf
	zone globout/tree/in/db
	printf 'server:\n\tzonesdir: ""\ninclude: "*/*.conf"\n' \
		>globout/tree/nsd.conf
	(cd globout/tree && ${ZONELINT_WRAPPER:-} "$zl" --server-config \
		nsd:nsd.conf) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 0 && has out "^in/db:" && hasnt "$tmp/err" 'x\.example|x\.conf'
}
t "an include pattern lists no directory outside the tree" t_glob_link_out

# A configuration directory reached through a link (/etc/bind pointing at
# a checkout): absolute paths through the link name the tree as well as
# paths through its target, whichever of the two the run starts from.  A
# path out of the tree is refused as outside it, not for a '..' it lacks.
t_link_to_tree() {
	mkdir -p lt/real/zones
	ln -s real lt/link
	zone lt/real/zones/db.primary
	printf 'options { directory "%s/lt/link/zones"; };\n' "$tmp" \
		>lt/real/opts.conf
	printf '%s\n' "include \"$tmp/lt/link/opts.conf\";" \
		'zone "example.org" { type primary; file "db.primary"; };' \
		>lt/real/named.conf
	bind_accepts lt/real || return 1
	for d in real link; do
		run --server-config "lt/$d/named.conf"
		want_rc 0 && has out "zones/db.primary:" || return 1
	done
	printf '%s\n' 'zone "example.org" { type primary; file "/etc/passwd"; };' \
		>lt/real/out.conf
	config_error lt/real/out.conf "cannot read '/etc/passwd': outside 'lt/real'" &&
	hasnt out "root:"
}
t "a configuration reached through a link to its directory" t_link_to_tree

# Names compare as named compares them, escapes and all, and in a file
# name only '\"' loses its backslash, as named's lexer drops it there.
t_bind_escapes() {
	mkdir -p besc
	zone 'besc/q"a.zone'
	printf '%s\n' 'zone "example.org" { type primary; file "q\"a.zone"; };' \
		>besc/named.conf
	bind_accepts besc || return 1
	run --server-config besc/named.conf
	want_rc 0 && has out '^besc/q"a.zone:' || return 1
	printf '%s\n' 'zone "\101xample.org" { type primary; file "q\"a.zone"; };' \
		>>besc/named.conf
	refused besc named-checkconf named.conf || return 1
	config_error besc/named.conf "^besc/named.conf:2:6: error: zone 'example\\.org\\.': already exists"
}
t "named.conf: escapes in zone names and file names" t_bind_escapes

# NSD: an include pattern that matches nothing is no error, but one whose
# directory does not exist is, as nsd-checkconf says.
t_nsd_pattern_dir() {
	mkdir -p npat/empty
	zone npat/db.primary
	for d in empty nodir; do
		printf 'server:\n\tzonesdir: ""\ninclude: "%s/*.conf"\nzone:\n\tname: example.org\n\tzonefile: db.primary\n' \
			"$d" >"npat/$d.conf"
	done
	(cd npat && nsd-checkconf empty.conf) >/dev/null 2>&1 ||
		{ echo "nsd-checkconf refuses empty.conf"; return 1; }
	refused npat nsd-checkconf nodir.conf || return 1
	(cd npat && ${ZONELINT_WRAPPER:-} "$zl" --server-config nsd:empty.conf) \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 0 || return 1
	(cd npat && ${ZONELINT_WRAPPER:-} "$zl" --server-config nsd:nodir.conf) \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 2 && has err "^nodir.conf:3:10: error: cannot open include file" ||
		return 1
	# through a link out of the tree, a missing directory is not told
	# from one that is there
	mkdir -p npat-away/there
	ln -s ../npat-away npat/out
	for d in there nothere; do
		printf 'server:\n\tzonesdir: ""\ninclude: "out/%s/*.conf"\nzone:\n\tname: example.org\n\tzonefile: db.primary\n' \
			"$d" >"npat/$d.conf"
		(cd npat && ${ZONELINT_WRAPPER:-} "$zl" --server-config \
			"nsd:$d.conf") >"$tmp/out" 2>"$tmp/err"
		rc=$?
		want_rc 0 && hasnt err ": error:" || return 1
	done
}
t "NSD: an include pattern of a directory that does not exist" t_nsd_pattern_dir

# A zone's class is its view's (IN outside views): named refuses another;
# a CHAOS view's zones are not mail zones and are not linted.
t_bind_class() {
	mkdir -p bcls
	zone bcls/a.zone
	printf '%s\n' 'view "v" ch { zone "version.bind" { type primary; file "a.zone"; }; };' \
		>bcls/named.conf
	(cd bcls && named-checkconf named.conf) >/dev/null 2>&1 ||
		{ echo "named-checkconf refuses the CHAOS view"; return 1; }
	run --server-config bcls/named.conf
	want_rc 0 && has err " in 0 files" || return 1
	printf '%s\n' 'zone "version.bind" CH { type primary; file "a.zone"; };' \
		>bcls/named.conf
	refused bcls named-checkconf named.conf || return 1
	config_error bcls/named.conf "^bcls/named.conf:1:21: error: class 'CH' does not match" ||
		return 1
	# CLASSnnn as named reads it; no class named "internet"
	for c in 'zone "example.org" CLASS1 { type primary; file "a.zone"; };' \
		'view v CLASS1 { zone "example.org" in { type primary; file "a.zone"; }; };'; do
		printf '%s\n' "$c" >bcls/named.conf
		bind_accepts bcls || return 1
		run --server-config bcls/named.conf
		want_rc 0 && has err " in 1 file" || return 1
	done
	printf '%s\n' 'zone "example.org" internet { type primary; file "a.zone"; };' \
		>bcls/named.conf
	refused bcls named-checkconf named.conf || return 1
	config_error bcls/named.conf "^bcls/named.conf:1:20: error: invalid class 'internet'"
}
t "named.conf: a zone of another class than its view's" t_bind_class

# NSD: a zone with neither request-xfr nor zonefile, which nsd-checkconf
# refuses; it is no secondary.
t_nsd_no_zonefile() {
	mkdir -p nnof
	printf 'server:\n\tzonesdir: ""\nzone:\n\tname: example.org\n' \
		>nnof/nsd.conf
	refused nnof nsd-checkconf nsd.conf || return 1
	config_error nsd:nnof/nsd.conf "^nnof/nsd.conf:4:8: error: zone example.org is a primary zone but has no zonefile" &&
	has err "note: primary zone example.org. skipped: the configuration gives it no zone file" &&
	hasnt err "secondary"
}
t "NSD: a primary zone without a zonefile" t_nsd_no_zonefile

# first_refused CHECKER KIND DIR WANT: the server's checker, run in DIR
# on KIND.conf, and zonelint on DIR/KIND.conf each refuse it first at
# line WANT (a checker that stops at its first error), or both take it
# (WANT empty).  The checker's exit status must say the same: a refusal
# it gives no line for is no taking.
first_refused() {
	(cd "$3" && "$1" "$2.conf") >"$tmp/theirs" 2>&1
	theirs_rc=$?
	theirs=$(sed -n "s/^$2\\.conf:\\([0-9]*\\):.*/\\1/p" "$tmp/theirs" |
		head -n 1)
	if [ -z "$4" ]; then [ "$theirs_rc" = 0 ]
	else [ "$theirs_rc" != 0 ]; fi || {
		echo "# $1 exits $theirs_rc on $3/$2.conf:"
		sed 's/^/#   /' "$tmp/theirs"
		return 1
	}
	run --server-config "$2:$3/$2.conf"
	ours=$(sed -n "s|^$3/$2\\.conf:\\([0-9]*\\):[0-9]*: error: .*|\\1|p" \
		"$tmp/err" | head -n 1)
	[ "$theirs" = "$4" ] && [ "$ours" = "$4" ]
}

# nsd_judge DIR WANT: first_refused by nsd-checkconf.
nsd_judge() {
	first_refused nsd-checkconf nsd "$@"
}

# The socket options after an ip-address or interface (servers= with
# server numbers and ranges, bindtodevice= yes or no, setfib= a number;
# the value after the '=' or as the next word, in any case of the name):
# another word there, a value of the wrong form or none, a quoted
# option, or any of them after a verify: clause's ip-address, refused by
# both at its line; the forms NSD takes, taken by both (with a
# server-count that has the servers they name: nsd refuses others at start).
t_nsd_sockets() {
	cases nsock nsd.conf '' nsd_judge <<'EOF'
2|server:\n\tip-address: 127.0.0.1@53053 foo bar
3|server:\n\tzonesdir: ""\n\tinterface: 192.0.2.1 setfib=x
2|server:\n\tip-address: 192.0.2.1 bindtodevice=YES
2|server:\n\tip-address: 192.0.2.1 servers="1-2-3"
2|server:\n\tip-address: 192.0.2.1 servers="1,2"
2|server:\n\tip-address: 192.0.2.1 "setfib=0"
3|server:\n\tip-address: 192.0.2.1 servers=\nzone:\n\tname: example.org\n\tzonefile: "db"
2|verify:\n\tip-address: 192.0.2.1 setfib=0
|server:\n\tserver-count: 3\n\tip-address: 192.0.2.1 servers="1-2 3" setfib=0 bindtodevice=yes
|server:\n\tserver-count: 6\n\tip-address: 192.0.2.1@5678 SERVERS= "4-5 6"\n\tinterface: 192.0.2.2 bindtodevice="no" setfib="0"
|server:\n\tip-address: 192.0.2.1\n\tsetfib=0 servers=""
|verify:\n\tip-address: 192.0.2.1\n\tinterface: 192.0.2.2
EOF
}
t "NSD: socket options after an address, as nsd-checkconf reads them" t_nsd_sockets

# The keys and tls-auths NSD's access lists name (allow-notify,
# allow-query, notify, provide-xfr, request-xfr, after AXFR or UDP too),
# in a zone or in a pattern no zone includes: nsd-checkconf, and nsd with
# the same reader, look each up once the whole file is read ("key k in
# pattern p could not be found"; nsd does not start), the name as
# written; NOKEY and BLOCKED in capitals name none.  For each "L:C|CONF"
# (@K@ a key k, @T@ a tls-auth t, @Z@ a zone): nsd-checkconf refuses
# it, and zonelint's first error is at L:C (nsd-checkconf gives the line
# where its reading ended); for "|CONF", both take it.
t_nsd_keys() {
	k='key:\\n\\tname: k\\n\\talgorithm: hmac-sha256\\n\\tsecret: "AAAA"'
	tl='tls-auth:\\n\\tname: t\\n\\tauth-domain-name: ns.example'
	z='zone:\\n\\tname: example.org\\n\\tzonefile: db'
	sed "s/@K@/$k/g; s/@T@/$tl/g; s/@Z@/$z/g" <<'EOF' | cases nkey nsd.conf \
		'' refusal nsd 'could not be found' '.* is not defined$'
4:25|@Z@\n\tprovide-xfr: 0.0.0.0/0 nokey
4:25|@Z@\n\tprovide-xfr: 0.0.0.0/0 K\n@K@
4:25|@Z@\n\tprovide-xfr: 0.0.0.0/0 k.\n@K@
4:25|@Z@\n\tprovide-xfr: 0.0.0.0/0 blocked
5:26|@Z@\n\tallow-notify: 192.0.2.1 NOKEY\n\tallow-notify: 192.0.2.1 x
4:25|@Z@\n\tallow-query: 192.0.2.1 ""
4:20|@Z@\n\tnotify: 192.0.2.1 nokey
4:25|@Z@\n\trequest-xfr: 192.0.2.1 nokey
4:30|@Z@\n\trequest-xfr: AXFR 192.0.2.1 nokey
4:29|@Z@\n\trequest-xfr: UDP 192.0.2.1 nokey
4:31|@Z@\n\trequest-xfr: 192.0.2.1 NOKEY notls
4:36|@Z@\n\trequest-xfr: AXFR 192.0.2.1 NOKEY notls
3:20|pattern:\n\tname: p\n\tnotify: 192.0.2.1 nokey
|@Z@\n\tprovide-xfr: 0.0.0.0/0 BLOCKED\n\tprovide-xfr: 127.0.0.1 NOKEY\n\tnotify: 192.0.2.1 k\n@K@
|pattern:\n\tname: p\n\trequest-xfr: AXFR 192.0.2.1 "k" t\n\tallow-notify: 192.0.2.1 k\n@K@\n@T@\n@Z@\n\tinclude-pattern: p
|@Z@\n\trequest-xfr: UDP 192.0.2.1 k\n@K@
EOF
}
t "NSD: a key or tls-auth an access list names is defined" t_nsd_keys

# starts NAME READY DIR COMMAND...: the daemon COMMAND, started in the
# foreground in DIR (its configuration listening on a loopback high
# port), logs a line matching READY within 15 s; it is stopped then.
# False, with its log (DIR/NAME.log), when it exits before.
starts() {
	name=$1 ready=$2 dir=$3
	shift 3
	: >"$dir/$name.log"
	(cd "$dir" && exec "$@") >"$dir/$name.log" 2>&1 &
	np=$!
	i=0
	while kill -0 "$np" 2>/dev/null && [ $i -lt 150 ]; do
		if grep -q "$ready" "$dir/$name.log"; then
			kill "$np"
			wait "$np"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$np" 2>/dev/null
	wait "$np"
	sed "s/^/#   $name: /" "$dir/$name.log" | grep -v 'built with'
	return 1
}
# nsd_starts DIR: nsd itself (-d) with DIR/nsd.conf comes up.
nsd_starts() {
	starts nsd 'nsd started' "$1" nsd -d -c nsd.conf
}

# judged DAEMON DIR WANT ERROR [LOG]: with WANT (LINE:COL), DAEMON (named
# or nsd) does not start with DIR/DAEMON.conf, logging a line that matches
# LOG, and zonelint, run on it last, errs at WANT with ERROR (grep -E);
# without WANT, the daemon starts and zonelint finds nothing.
judged() {
	if [ -n "$3" ]; then
		! "$1_starts" "$2" && { [ -z "${5:-}" ] ||
			grep -q "$5" "$2/$1.log"; } && want_rc 2 &&
		has err "^$2/$1.conf:$3: error: $4"
	else
		"$1_starts" "$2" && want_rc 0 && hasnt err "error:"
	fi
}

# nsd_case DIR WANT HEAD ZONESDIR TAIL MSG [LOG]: writes DIR/nsd.conf, a
# server clause of the lines HEAD, the files nsd runs with in DIR,
# zonesdir ZONESDIR and the lines TAIL (printf %b escapes; TAIL may be
# empty), and the zone example.org. in db.zone; makes sure nsd-checkconf
# takes it, then judges zonelint against nsd (judged) with MSG and LOG.
nsd_case() {
	{
		printf '%b\n' "server:\n\t$3" \
			"\tusername: \"\"\n\tpidfile: \"\"\n\tdatabase: \"\"\n\txfrdfile: xfrd.state\n\tzonelistfile: zone.list\n\tzonesdir: $4"
		[ -z "$5" ] || printf '%b\n' "\t$5"
		printf '%b\n' "remote-control:\n\tcontrol-enable: no\nzone:\n\tname: example.org\n\tzonefile: db.zone"
	} >"$1/nsd.conf"
	(cd "$1" && nsd-checkconf nsd.conf) >/dev/null 2>&1 || {
		echo "nsd-checkconf refuses: $3 $5"
		return 1
	}
	run --server-config "$1/nsd.conf"
	judged nsd "$1" "$2" "$6" "${7:-}" || { echo "with: $3 $5"; return 1; }
}

# tls-service-key and tls-service-pem (and tls-service-ocsp with them),
# read from zonesdir: nsd-checkconf takes any name, nsd does not start
# when it cannot open one ("error for cert file"); an error at the name.
# With the files in zonesdir, or with the key alone (no TLS), nsd starts.
t_nsd_tls_files() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:nsd:nsd cmd:openssl:openssl ||
		return 1
	mkdir -p ntls/zd
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout ntls/k.pem -out ntls/c.pem -subj /CN=ns.example -days 30 \
		>/dev/null 2>&1 || { echo "openssl cannot make a certificate"; return 1; }
	zone ntls/zd/db.zone
	port=$((20000 + ($$ % 350) * 32 + 14))
	# WANT|FILES|CONF: FILES y, the key and certificate in zonesdir
	for conf in \
		'10:19|n|tls-service-key: k.pem\n\ttls-service-pem: c.pem' \
		'11:19|y|tls-service-key: k.pem\n\ttls-service-pem: no.pem' \
		'12:20|y|tls-service-key: k.pem\n\ttls-service-pem: c.pem\n\ttls-service-ocsp: no.der' \
		'|y|tls-service-key: k.pem\n\ttls-service-pem: c.pem' \
		'|n|tls-service-key: no.pem'; do
		want=${conf%%|*}
		conf=${conf#*|}
		rm -f ntls/zd/k.pem ntls/zd/c.pem
		[ "${conf%%|*}" = y ] && cp ntls/k.pem ntls/c.pem ntls/zd/
		nsd_case ntls "$want" "port: $port\n\tip-address: 127.0.0.1" zd \
			"${conf#*|}" "tls-service-[a-z]* '.*': file not found" ||
			return 1
	done
}
t "NSD: the TLS files nsd reads from zonesdir, or it does not start" t_nsd_tls_files

# NSD makes a zonefile with substitutions in 1,024 bytes: a substitution
# that would not fit is left undone, '%s' and all.  A pattern just under
# that, with two %s, loads the file whose name keeps the second '%s':
# nsd loads it (the zone's serial, 7, on its log), and zonelint lints
# it (MX003 in it).  A pattern of thousands of %s makes no longer name:
# zonelint once made one of the pattern's length times the name's.
t_nsd_zonefile_cooked() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:nsd:nsd || return 1
	a=$(printf '%0200d' 0 | tr 0 a)
	x=$(printf '%0200d' 0 | tr 0 x)
	mkdir -p "ncook/zd/$a/$a/$a/$a/${x}example.org"
	zone "ncook/zd/$a/$a/$a/$a/${x}example.org/%s" \
		'www IN MX 10 nowhere.example.org.'
	sed -i 's/ 1 7200 / 7 7200 /' "ncook/zd/$a/$a/$a/$a/${x}example.org/%s"
	port=$((20000 + ($$ % 350) * 32 + 15))
	printf '%b\n' "server:\n\tport: $port\n\tip-address: 127.0.0.1\n\tusername: \"\"" \
		"\tpidfile: \"\"\n\tdatabase: \"\"\n\txfrdfile: xfrd.state\n\tzonelistfile: zone.list" \
		"\tzonesdir: zd\n\tverbosity: 2" \
		"remote-control:\n\tcontrol-enable: no\nzone:\n\tname: example.org" \
		"\tzonefile: \"$a/$a/$a/$a/$x%s/%s\"" >ncook/nsd.conf
	starts nsd 'zone example.org read with success' ncook nsd -d -c \
		nsd.conf || return 1
	run --server-config ncook/nsd.conf
	want_rc 1 && has out "/${x}example.org/%s:7:.*\\[MX003\\]" || return 1
	printf '%b\n' "server:\n\tzonesdir: zd\nzone:\n\tname: example.org" \
		"\tzonefile: \"$(printf '%%s%.0s' $(seq 1 20000))\"" \
		>ncook/nsd.conf
	run --server-config ncook/nsd.conf
	want_rc 2 && has err "cannot read" &&
		[ "$(wc -c <"$tmp/err")" -lt 4000 ] ||
		{ echo "$(wc -c <"$tmp/err") bytes on stderr"; return 1; }
}
t "NSD: a zonefile's substitutions stop where nsd's buffer ends" t_nsd_zonefile_cooked

# %z, %y and %x write a label of the zone's name as nsd writes it: in
# lower case, '.' and '\' after a backslash, any byte but a letter, digit,
# '-' and '_' as \DDD; an escaped dot inside its label.  nsd, started
# here, logs the file it looks for ("zonefile ... does not exist"); the
# paths zonelint names are the same.
t_nsd_zonefile_labels() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:nsd:nsd || return 1
	mkdir -p nlab/zd
	port=$((20000 + ($$ % 350) * 32 + 16))
	printf '%b\n' "server:\n\tport: $port\n\tip-address: 127.0.0.1\n\tusername: \"\"" \
		"\tpidfile: \"\"\n\tdatabase: \"\"\n\txfrdfile: xfrd.state\n\tzonelistfile: zone.list" \
		"\tzonesdir: zd\nremote-control:\n\tcontrol-enable: no" >nlab/nsd.conf
	for n in 'y\.z.example' 'q\!w.example' 'Y.Ex\065mple' 'a\\b.example'; do
		printf '%s\n' 'zone:' "	name: \"$n\"" \
			'	zonefile: "%z/%y/%x-%1-%s"' >>nlab/nsd.conf
	done
	starts nsd 'nsd started' nlab nsd -d -c nsd.conf || return 1
	sed -n 's/.*error: zonefile \(.*\) does not exist/\1/p' nlab/nsd.log |
		sort >nlab/nsd.paths
	[ "$(wc -l <nlab/nsd.paths)" = 4 ] || { cat nlab/nsd.log; return 1; }
	run --server-config nlab/nsd.conf
	sed -n "s|^nlab/zd/\\(.*\\): error: cannot read .*|\\1|p" "$tmp/err" |
		sort >nlab/zonelint.paths
	want_rc 2 && diff nlab/nsd.paths nlab/zonelint.paths
}
t "NSD: %z, %y and %x write a label as nsd writes it" t_nsd_zonefile_labels

# What one server refuses and the others read (ZONE012 and its kin) is an
# error under that server's configuration, where the zone would not load:
# a CR LF file under Knot, a quoted $INCLUDE under NSD, a record without
# any TTL before the SOA under BIND.  Each server's checker agrees, and
# the others' configurations only warn.
t_refusals() {
	mkdir -p refuse
	for k in bind knot nsd; do
		mkdir -p "refuse/$k"
		cp -R "$k/." "refuse/$k/"
	done
	printf '$TTL 3600\r\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\r\n@ IN NS ns1\r\nns1 IN A 192.0.2.53\r\n' \
		>refuse/knot/zones/db.primary
	refused refuse/knot knotc -c knot.conf zone-check example.org || return 1
	run --server-config refuse/knot/knot.conf
	want_rc 1 && has out "db.primary:1:[0-9]+: error: knot refuses to load the zone example.org.: CR line break" || return 1
	cp refuse/knot/zones/db.primary refuse/bind/zones/db.primary
	bind_accepts refuse/bind || return 1
	run --server-config refuse/bind/named.conf
	want_rc 0 && hasnt out "error:" || return 1
	zone refuse/nsd/zones/db.primary '$INCLUDE "mail.inc"'
	printf '%s\n' 'mx2 IN A 192.0.2.26' >refuse/nsd/zones/mail.inc
	refused refuse/nsd/zones nsd-checkzone example.org db.primary || return 1
	run --server-config refuse/nsd/nsd.conf
	want_rc 1 && has out "db.primary:7:10: error: nsd refuses to load the zone example.org.: quoted \\\$INCLUDE file name" || return 1
	printf '%s\n' 'www IN A 192.0.2.80' '$TTL 3600' \
		'@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600' '@ IN NS ns1' \
		'ns1 IN A 192.0.2.53' >refuse/bind/zones/db.primary
	refused refuse/bind named-checkconf -z named.conf || return 1
	run --server-config refuse/bind/named.conf
	want_rc 1 && has out "db.primary:1:[0-9]+: error: bind refuses to load the zone example.org.: no TTL" || return 1
	cp refuse/bind/zones/db.primary refuse/knot/zones/db.primary
	run --server-config refuse/knot/knot.conf
	want_rc 0 && hasnt out "error:"
}
t "what one server refuses is an error under its configuration" t_refusals

# Parked domains: two zones of one configuration load one file, and each
# is linted under its own origin (MX004 names the origin).
t_shared_file() {
	mkdir -p park
	zone park/db.parked '@ IN MX 20 mail2.example.net'
	printf '%s\n' 'zone "p1.example" { type primary; file "db.parked"; };' \
		'zone "p2.example" { type primary; file "db.parked"; };' \
		>park/named.conf
	bind_accepts park || return 1
	run --format gcc --server-config park/named.conf
	want_rc 1 &&
	has out "db.parked:7:12: error: .*\\.p1\\.example\\.' .*\\[MX004\\]" &&
	has out "db.parked:7:12: error: .*\\.p2\\.example\\.' .*\\[MX004\\]"
}
t "two zones of one file: each linted under its origin" t_shared_file

# NSD expands braces in an include pattern, as glob(3)'s GLOB_BRACE does
# (BIND and Knot DNS take them as written).  A match through a link that
# leads out of the configuration's directory is left out unnamed, and an
# alternative outside it is refused naming only the pattern.
t_nsd_glob() {
	mkdir -p nglob
	for z in b1 b2; do
		printf 'zone:\n  name: %s.example\n  zonefile: %s\n' $z $z \
			>nglob/$z.conf
		zone nglob/$z '@ IN MX 20 mail2.example.net'
	done
	printf '%s\n' 'server:' '  zonesdir: "nglob"' \
		'include: "nglob/{b1,b2}.conf"' >nglob.conf
	nsd-checkconf -o zones nglob.conf 2>/dev/null | grep -q b2.example || {
		echo "nsd-checkconf does not read nglob.conf's braces"
		return 1
	}
	ln -s /etc nglob/out
	printf '%s\n' 'include: "nglob/out/pass*"' >>nglob.conf
	run --format gcc --server-config nsd:nglob.conf
	want_rc 1 &&
	has out "nglob/b1:7:12: error: .*\\.b1\\.example\\.' .*\\[MX004\\]" &&
	has out "nglob/b2:7:12: error: .*\\.b2\\.example\\.' .*\\[MX004\\]" &&
	! grep -q passwd out err || return 1
	printf '%s\n' 'include: "{nglob/b1.conf,/etc/passwd}"' >nglob-out.conf
	run --server-config nsd:nglob-out.conf
	want_rc 2 &&
	has err "include pattern '{nglob/b1.conf,/etc/passwd}' leads out of" &&
	! grep -q 'root:' out err
}
t "NSD: braces expanded, nothing outside named" t_nsd_glob

# An NSD include pattern whose directory is missing where glob opens it (a
# wildcard follows): NSD refuses the include, and zonelint says so once,
# however many of its brace alternatives lead there; an alternative without
# a wildcard that names nothing is no match, which both take.
t_nsd_glob_missing() {
	mkdir -p ngm/here
	printf 'zone:\n  name: b1.example\n  zonefile: here/b1\n' \
		>ngm/here/b1.conf
	zone ngm/here/b1
	while IFS='|' read -r want pattern; do
		printf 'server:\n  zonesdir: "."\ninclude: "%s"\n' "$pattern" \
			>ngm/nsd.conf
		if (cd ngm && nsd-checkconf nsd.conf) >/dev/null 2>&1; then
			theirs=0
		else
			theirs=1
		fi
		run --server-config nsd:ngm/nsd.conf
		ours=$(grep -c "cannot open include file" "$tmp/err")
		[ "$theirs" = "$want" ] && [ "$ours" = "$want" ] || {
			echo "$pattern: nsd-checkconf $theirs, zonelint $ours errors, not $want"
			return 1
		}
	done <<'EOF2'
1|no/{x,y}/*.conf
1|{nx,ny}/*.conf
1|{here,nx}/*.conf
1|nx/{a,b}*.conf
1|{nx/*.conf,here/b1.conf}
0|{nx/a.conf,ny/b.conf}
0|{here/b1.conf,nx/c.conf}
0|here/{nx,ny}.conf
0|{here,nx}/b1.conf
EOF2
}
t "NSD: an include pattern into a missing directory, one error" t_nsd_glob_missing

# glob(3) takes a '\' as quoting the byte after it: a pattern that leads
# out only once unquoted (Knot DNS keeps "\." in a word as written) is
# refused as any other.
t_glob_quoted_out() {
	printf '%s\n' 'include: \.\.\/\.\.\/\.\.\/\.\.\/etc\/pass*' >kq.conf
	run --server-config knot:kq.conf
	want_rc 2 &&
	has err "^kq\\.conf:1:10: error: include pattern '.*' leads out of" &&
	! grep -q 'root:' out err
}
t "an include pattern that leads out once unquoted is refused" t_glob_quoted_out

# The files of one configuration are read up to 64 MiB together: a small
# file cannot make zonelint read one big one four thousand times.
t_conf_bytes() {
	mkdir -p big
	head -c 16000000 /dev/zero | tr '\0' ' ' >big/blank.conf
	for i in 1 2 3 4 5 6; do echo 'include "blank.conf";'; done >big/named.conf
	run --server-config big/named.conf
	want_rc 2 &&
	has err "^big/named\\.conf:5:1: error: the files of the configuration exceed 64 MiB together" &&
	count err 'exceed 64 MiB' 1
}
t "a configuration's files: 64 MiB together" t_conf_bytes

# At most 1,000 errors of one configuration are shown, then one line says
# more were found.
t_conf_errors_cap() {
	mkdir -p errs
	awk 'BEGIN { for (i = 0; i < 1100; i++)
		print "options { directory \"z\"; };" }' >errs/named.conf
	run --server-config errs/named.conf
	want_rc 2 && count err "'options' redefined" 1000 &&
	count err 'more errors in the configuration not shown' 1
}
t "a configuration's errors: 1,000 shown" t_conf_errors_cap

# --tsig-key FILE: a BIND key file, as named-checkconf reads it; its
# errors at file:line:col, exit 2 before any transfer.
t_key_ok() {
	printf '%s\n' 'key "xfr-key" {' '	algorithm hmac-sha256;' \
		'	secret "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=";' \
		'};' >good.key
	named-checkconf good.key || { echo "named-checkconf refuses it"; return 1; }
	# Port 1 of the loopback: nothing listens there.
	run --tsig-key good.key --axfr-timeout 2 axfr://127.0.0.1:1/example.org
	want_rc 2 && has err "^axfr://127.0.0.1:1/example.org: error: cannot connect" &&
	hasnt err "good.key"
}
t "--tsig-key reads a BIND key file" t_key_ok

key_error() {
	printf '%s\n' "$1" >bad.key
	if named-checkconf bad.key >/dev/null 2>&1; then
		echo "named-checkconf accepts it"
		return 1
	fi
	run --tsig-key bad.key axfr://127.0.0.1:1/example.org
	want_rc 2 && has err "^bad.key:$2: error: .*$3" && hasnt err "cannot connect"
}
t_key_errors() {
	key_error 'key "k" { algorithm hmac-sha256; secret "c2VjcmV0" }' 1:52 "missing ';'" &&
	key_error 'key "k" { algorithm hmac-foo; secret "c2VjcmV0"; };' 1:21 "unknown algorithm 'hmac-foo'" &&
	key_error 'key "k" { algorithm hmac-sha256; secret "c2V*cmV0"; };' 1:41 "not base64" &&
	key_error 'key "k" { algorithm hmac-sha256; };' 1:5 "secret missing"
}
t "errors in a key file at their file:line:col" t_key_errors

# A key file's text is never shown, whatever is wrong with it: a
# misformatted one may hold its secret where the reader quotes a token
# (a bare secret alone, as some tools write it, a secret split in two
# strings, a second secret, an include naming it), and CI logs are read
# by many.  The position still says where.  The key's name and an
# unknown algorithm are shown.
t_key_secret_hidden() {
	c=czNjcjN0LWNhbmFyeQ
	for k in "$c==|1:1|unknown option '\\.\\.\\.'" \
		"key \"k\" { algorithm hmac-sha256; secret \"$c\" \"$c\"; };|1:62|missing ';' before '\\.\\.\\.'" \
		"key \"k\" { algorithm hmac-sha256; secret $c==; secret; };|1:63|'\\.\\.\\.' without a value" \
		"key \"k\" { algorithm hmac-sha256; secret \"$c==\"; };include \"$c\";|1:67|cannot read included file '\\.\\.\\.'" \
		"key \"k\" { secret \"$c==\" algorithm hmac-sha256; };|1:41|missing ';' before '\\.\\.\\.'" \
		"Private-key-format: v1.3\nAlgorithm: 163 (HMAC_SHA256)\nKey: $c==|1:1|unknown option"; do
		printf '%b\n' "${k%%|*}" >secret.key
		run --tsig-key secret.key axfr://127.0.0.1:1/example.org
		want_rc 2 && has err "^secret\\.key:$(echo "$k" | cut -d'|' -f2): error: $(echo "$k" | cut -d'|' -f3)" &&
		hasnt err "$c|czNj" && hasnt err "cannot connect" || return 1
	done
	printf 'key "k" { algorithm hmac-foo; secret "%s=="; };\n' "$c" >secret.key
	run --tsig-key secret.key axfr://127.0.0.1:1/example.org
	want_rc 2 && has err "^secret\\.key:1:21: error: key 'k': unknown algorithm 'hmac-foo'" &&
	hasnt err "$c"
}
t "a key file's text is not shown in its errors" t_key_secret_hidden

# Options that cannot go together, and nothing to lint.
t_usage() {
	run --from-index --server-config bind/named.conf
	want_rc 2 && has err "server-config"
}
t "--server-config with --from-index is a usage error" t_usage

# What nsd-checkconf refuses, against it.
. "$here/server-config-nsd.sh"
# What named refuses, against named-checkconf.
. "$here/server-config-bind.sh"
# Cases from Knot DNS's and NSD's own test suites, in a file of their own.
. "$here/server-config-suite.sh"

finish
