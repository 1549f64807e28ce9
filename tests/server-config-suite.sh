# server-config-suite.sh - part of tests/server-config.sh, which sources
# it: cases from Knot DNS's and NSD's own test suites, each cut down to
# what it tests and run through the server's checker (knotc conf-check,
# nsd-checkconf; nsd itself where only nsd refuses) and zonelint
# --server-config on the same file, the first refused lines compared
# (knot_judge, nsd_judge) or the verdicts and positions (refusal, judged).
# The comment of each case names the project and file it comes from.
# Where that source is newer than the servers here (Knot DNS 3.2, NSD
# 4.6) and they read a case otherwise, the servers here are followed and
# the comment says so.
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# knot_judge DIR WANT: knotc conf-check, run in DIR on knot.conf, names
# line WANT first, and zonelint's first error in knot.conf is on that
# line; or both take it (WANT empty).  knotc stops at its first error.
knot_judge() {
	if (cd "$1" && knotc -c knot.conf conf-check) >"$1/out" 2>&1; then
		theirs=
	else
		theirs=$(sed -n 's/.*, line \([0-9][0-9]*\)[ ,].*/\1/p' \
			"$1/out" | head -n 1)
		theirs=${theirs:-"an error without a line: $(cat "$1/out")"}
	fi
	run --server-config "knot:$1/knot.conf"
	ours=$(sed -n "s|^$1/knot\\.conf:\\([0-9]*\\):[0-9]*: error: .*|\\1|p" \
		"$tmp/err" | head -n 1)
	[ "$theirs" = "$2" ] && [ "$ours" = "$2" ]
}

# ---- Knot DNS ----

# The syntax knotd's parser takes (CZ-NIC/knot, tests/libknot/
# test_yparser.c, syntax_ok, quotes_ok, dname_ok, utf8_ok): comments on
# lines of their own and after an item, a blank or none before the ':',
# an empty or quoted-empty value, a list in brackets with blanks or none
# around its values and commas, a list entry's '-' indented any way and
# its items under its first, '#', quotes, brackets and commas inside a
# quoted value, escapes outside quotes, a value in UTF-8, a domain with
# \DDD escapes, a wildcard, underscores.  The wildcards test_yparser.c
# refuses as keys (a.*.example.com., **.example.com., *example.com.) are
# zone names knotc 3.2 takes, and so does zonelint.
t_knot_suite_syntax() {
	cases ksyn knot.conf '' knot_judge <<'EOF'
|#comment\n # comment\nserver:\nserver :\nserver: ""\nserver : #comment\n\nserver: # comment
|server:\n    listen: [ 127.0.0.1]\n    listen: [127.0.0.1 ]\n    listen: [ 127.0.0.1 ] # comment\n    listen : 127.0.0.1
|server:\n    listen: [127.0.0.1,::1]\n    listen: [127.0.0.1 ,::1]\n    listen: [127.0.0.1 , ::1]\n    listen: [ "127.0.0.1" , "::1" ]
|template:\n  - id: default\n    storage: .\nzone:\n#comment\n # comment\n  -   domain: example. # comment\n      file: a.zone\n  - domain: example2.\n    file: b.zone
|template:\n    - id: default # different indentation\n      storage: .
|server:\n    identity: "a#b' c[d,]"\n    version: a\\ b\n    nsid: "\\# 1 00"
|server:\n    identity: "\\"\\""\n    version: " a \\" b \\" \\"c\\" "\n    nsid: "\\@ \\[ \\# \\, \\]"
|server:\n    identity: příšera
|template:\n  - id: default\n    storage: .\nzone:\n  - domain: \\070-\\071.\\072.\n  - domain: *.wildchar.com\n  - domain: _ldap._tcp.example.com
|template:\n  - id: default\n    storage: .\nzone:\n  - domain: a.*.example.com.\n  - domain: **.example.com.\n  - domain: *example.com.
EOF
}
t "Knot syntax knotd takes (knot tests/libknot/test_yparser.c): comments, lists, quotes, names" t_knot_suite_syntax

# What knotd's parser refuses (CZ-NIC/knot, tests/libknot/
# test_yparser.c, syntax_error1-3, tab_error1-3; an unclosed list or
# quote, a second word, an empty list: libknot/yparser/ypformat.rl):
# an entry or item indented otherwise than the one above it, a tab after
# a ':', after a value or on a blank line, each at its line.
t_knot_suite_syntax_errors() {
	cases ksynerr knot.conf '' knot_judge <<'EOF'
3|zone:\n  -  domain: a.example\n   - domain: b.example
3|zone:\n  -  domain: a.example\n      storage: .
3|server:\n   listen: 127.0.0.1\n  udp-workers: 2
3|zone:\n   - domain: a.example\n  storage: .
2|server:\n    listen:\t127.0.0.1
2|server:\n    listen: 127.0.0.1\t
2|server:\n\t\nzone:
2|server:\n    listen: [127.0.0.1, ::1
2|server:\n    listen: [127.0.0.1, ::1]]
2|server:\n    listen: [127.0.0.1,, ::1]
2|server:\n    listen: []
2|server:\n    identity: "a
2|server:\n    identity: a b
3|zone:\n  - domain: abc.def.g\n    file: /tmp/%c[256]
EOF
}
t "Knot syntax knotd refuses (knot tests/libknot/test_yparser.c): indentation, tabs, lists, quotes" t_knot_suite_syntax_errors

# knotd reads its file item by item and stops at the first it refuses:
# an item name or value refused above a line of bad syntax (test_yparser.c's
# syntax_error1 in a section that takes no such item, its tab and list
# errors under an item knotc refuses) is the first error, as zonelint
# gives it; a zone read before the bad line is not linted, and an entry
# the bad line cuts short is not held to the items it lacks.
t_knot_suite_first_error() {
	cases kfirst knot.conf '' knot_judge <<'EOF'
2|server:\n  -  a: b\n   - b: c
2|server:\n    fiel: x\n   listen: 127.0.0.1
2|server:\n    udp-workers: 0\n\tlisten: 127.0.0.1
2|server:\n    udp-workers: 0\n    listen: [127.0.0.1
5|template:\n  - id: default\n    storage: .\nserver:\n    lissen: 1\n    listen: "a
3|remote:\n  - id: r\n    address\t: 192.0.2.1
5|remote:\n  - id: r\n    address: 192.0.2.1\n  - id: s\n    address: [1
4|mod-dnstap:\n  - id: t\n    log-queries: on\n    sink: [a
EOF
}
t "Knot: an item refused above a line of bad syntax is the first error, as knotd reads them" t_knot_suite_first_error

# Values from Knot's own configuration tests (CZ-NIC/knot,
# tests/knot/test_conf.c): file formatters in a zone's file (%%, %s, %a
# left out with a warning in 3.2), references that mix remote and
# remotes in a submission's parent, an address and via of several
# values; knotc takes them all.  A %c[...] that test_conf.c refuses is a
# knotd matter (knotc takes it, knotd does not load the zone:
# t_knot_file_long).
t_knot_suite_conf() {
	cases kconf knot.conf '' knot_judge <<'EOF'
|template:\n  - id: default\n    storage: /tmp\nzone:\n  - domain: 0/25.2.0.192.in-addr.arpa.\n    file: dir/a%%b/%s.suffix/%a\n  - domain: .\n    file: /%s\n  - domain: abc.ab.a.
|remote:\n  - id: r1\n    address: ::1\n  - id: r2\n    address: ::2\nremotes:\n  - id: rs2\n    remote: [r2]\nsubmission:\n  - id: t1\n    parent: [r1, rs2]
|remote:\n  - id: r1\n    address: [1::2, 1.0.0.2, 2::2, 3::2, 2.0.0.2]\n    via:     [1::1, 2::1, 1.0.0.1, 2.0.0.1]\ntemplate:\n  - id: t1\n    notify: r1
EOF
}
t "Knot values knotc takes (knot tests/knot/test_conf.c): formatters, mixed references, via lists" t_knot_suite_conf

# Values as libknot's yptrafo.c reads them (CZ-NIC/knot,
# tests/libknot/test_yptrafo.c, int/bool/opt/addr/addr_range/hex/base64
# tests, each put in an item of its type), and module references
# (tests/knot/test_conf_tools.c, mod_id tests): a size with B, a time in
# seconds, an address taken whole as a path ("eth1@53"), a prefix of 0, an
# IPv6 range, an empty or 0x hex value; refused, a unit after a unit, a
# word that starts as a boolean or an option does, an address with an
# empty or bad port, a prefix or range cut short or of two families, and
# a module reference with an empty name or id.  test_yptrafo.c is of 3.6,
# which takes an interface after '%' (::1%lo, ::1%lo/32, 1::%lo-5::%lo)
# and a path in a range: knotc 3.2 refuses them, and so does zonelint.
# Its times in w, M and y (3.5's units) are not here: knotc 3.2 refuses
# them and zonelint takes them, as it takes what any of 3.0 to 3.5 takes
# (server_knot_value.c).
t_knot_suite_trafo() {
	cases ktrafo knot.conf '' knot_judge <<'EOF'
|server:\n    tcp-idle-timeout: 61s
|database:\n    journal-db-max-size: 11M
2|database:\n    journal-db-max-size: 1025B
2|server:\n    tcp-idle-timeout: 1sx
2|server:\n    udp-workers: 1x
2|server:\n    background-workers: x
2|server:\n    tcp-reuseport: onx
2|server:\n    tcp-reuseport: enable
4|template:\n  - id: default\n    storage: .\n    serial-policy: unixtimex
|server:\n    listen: eth1@53
|server:\n    listen: /tmp/test.sock
|server:\n    listen: [ ::1@53 ]
|server:\n    listen: [ 127.0.0.1@53, fedc::1@53, ::1@53 ]
2|server:\n    listen: ::1%lo
2|server:\n    listen: ::1%2
2|server:\n    listen: ::1%lo@12345
2|server:\n    listen: 0.0.0.0%lo@53
2|server:\n    listen: 192.168.123.1%eth1
2|server:\n    listen: 192.168.123.x
2|server:\n    listen: 192.168.123.1@
2|server:\n    listen: 192.168.123.1@1x
2|server:\n    listen: ::1%
2|server:\n    listen: ::1%@53
|acl:\n  - id: a\n    address: 1.1.1.1/0
|acl:\n  - id: a\n    address: ::1/0
|acl:\n  - id: a\n    address: 1::-5::
3|acl:\n  - id: a\n    address: ::1%lo/32
3|acl:\n  - id: a\n    address: 1::%lo-5::%lo
3|acl:\n  - id: a\n    address: /tmp/unix.sock
3|acl:\n  - id: a\n    address: unix
3|acl:\n  - id: a\n    address: 1.1.1
3|acl:\n  - id: a\n    address: 1.1.1.1/
3|acl:\n  - id: a\n    address: 1.1.1.1-
3|acl:\n  - id: a\n    address: 1.1.1.1-::1
|server:\n    nsid: ""
|server:\n    nsid: 0x
|server:\n    nsid: "Hello World!"
|server:\n    nsid: 0x0155FF
2|server:\n    nsid: 0xA
|key:\n  - id: k\n    algorithm: hmac-sha256\n    secret: Zm9vYmFy
6|template:\n  - id: default\n    storage: .\nzone:\n  - domain: example.\n    module: mod-stats/
6|template:\n  - id: default\n    storage: .\nzone:\n  - domain: example.\n    module: /
6|template:\n  - id: default\n    storage: .\nzone:\n  - domain: example.\n    module: /id
EOF
}
t "Knot values as yptrafo.c reads them (knot tests/libknot/test_yptrafo.c, test_conf_tools.c)" t_knot_suite_trafo

# Sections, items and entries as knotd's configuration reads them
# (CZ-NIC/knot, tests/knot/test_confio.c, test_conf_io_set and _check,
# put in a file): a value after a section's name ("server: text",
# KNOT_YP_ENOTSUP_DATA; quoted, or after a section of entries, as well),
# a zone without a domain, an include of no file, an unknown section or
# item, a zone's master that names no remote; taken, an include and a
# string item without a value.  And the configurations of Knot's
# tests-extra (tests/config/schema/data: undefined.yaml, base64.yaml,
# dname.yaml, complete.yaml; tests/config/template, module_fail): they
# are checked there against the JSON schema knotc 3.5 exports, not by
# knotd's reader, which knotc 3.2 is here: an item name without an id
# above it, a base64 secret of a bad length, and a module: entry whose
# id lacks the "mod-" prefix (complete.yaml's, which the JSON schema
# takes) it refuses, and so does zonelint; a list of values line by line
# ("- value", complete.yaml's listen-quic), two unquoted words and a
# payload of 1K (under 3.2's 1220) are refused by knotc; a key's id in UTF-8 (dname.yaml) knotc 3.2 takes;
# enum.yaml's unknown dbus-event is left out (zonelint does not check
# dbus-event, whose values differ across versions).  template/test.py
# empties a zone's notify through knotc's control; written in the file,
# the empty reference is refused.  module_fail/test.py's mod-whoami as a
# global module and mod-onlinesign in a signed zone stop knotd, not
# knotc conf-check: both take them.
t_knot_suite_confio() {
	cases kconfio knot.conf '' knot_judge <<'EOF'
1|server: text
1|server: "x"
1|server: ''
3|server:\n    listen: 127.0.0.1@5300\nremote: r1
|server:\n    listen: 127.0.0.1@5300\nremote: ""
3|zone:\n  - domain: a.example\n  - domain:
1|include: invalid
|include:
1|uknown:\n  - id: x
2|server:\n    unknown: x
|server:\n    version:
6|template:\n  - id: default\n    storage: .\nzone:\n  - domain: zone1\n    master: remote1
|remote:\n  - id: remote1\n    address: 1.1.1.1\ntemplate:\n  - id: default\n    storage: .\nzone:\n  - domain: zone1\n    master: remote1\n    comment: abc
1|test:\n  - id: test
2|key:\n  - secret: y9dcNKX6XZAUzaXDFYGQA==
4|key:\n  - id: k\n    algorithm: hmac-sha256\n    secret: y9dcNKX6XZAUzaXDFYGQA==
|key:\n  - id: example.com\n    algorithm: hmac-sha256\n    secret: y9dcNKX6XZAUzaXUDFYGQA==
|key:\n  - id: háčkyčárky.cz\n    algorithm: hmac-sha256\n    secret: AAAA
2|module:\n  - id: custom-mod
2|module:\n  - id: MOD-x
3|server:\n  listen:\n    - 127.0.0.19@853\n    - ::1
2|server:\n  identity: Knot DNS
|server:\n  identity: "Knot DNS"\n  udp-workers: 1\n  async-start: off\n  tcp-reuseport: false\n  socket-affinity: on\n  tcp-idle-timeout: 1\n  udp-max-payload-ipv4: 2K\n  proxy-allowlist: 127.0.0.1\n  dbus-event: [ none ]
2|server:\n  udp-max-payload-ipv4: 1K
|log:\n  - target: stdout\n    server: critical\n    zone: "debug"
|template:\n  - id: default\n    storage: .\nzone:\n  - domain: 16-29.23.16.172.in-addr.arpa.\n  - domain: "0/25.2.0.192.in-addr.arpa."\n  - domain: t\\ es\\t.\\125
|statistics:\nacl:
10|remote:\n  - id: r\n    address: 192.0.2.1\ntemplate:\n  - id: default\n    storage: .\n    notify: r\nzone:\n  - domain: a.example\n    notify: ""
|template:\n  - id: default\n    storage: .\n    global-module: mod-whoami
|template:\n  - id: default\n    storage: .\n    dnssec-signing: on\nzone:\n  - domain: a.example\n    module: mod-onlinesign
EOF
}
t "Knot sections and items as knotd reads them (knot tests/knot/test_confio.c, tests-extra/tests/config)" t_knot_suite_confio

# ---- NSD ----

# Words that are no item (NLnetLabs/nsd, tpkg/checkconf.tdir/
# checkconf.nsd5.conf, "bad file"): nsd-checkconf refuses the first at
# its line.
t_nsd_suite_bad_file() {
	cases nsbad nsd.conf '' nsd_judge <<'EOF'
1|dfd\n# bad file\naaghsahsg\nashsad # blabla
1|ksdhkd: jshds jshds
1|name: example bla
EOF
}
t "NSD words that are no item (nsd tpkg/checkconf.tdir/checkconf.nsd5.conf)" t_nsd_suite_bad_file

# Socket types after an ip-address (NLnetLabs/nsd, tpkg/checkconf.tdir/
# checkconf.nsd11.tcp2x.conf, checkconf.nsd11.udp2x.conf: there a type
# given twice is refused): NSD 4.6 knows no socket type at all, and
# nsd-checkconf 4.6 refuses 'tcp' and 'udp' there as any other word.
# The server ranges of tpkg/bad_server_ranges.tdir that are no number
# (-1, 3--1) are refused by nsd-checkconf too.
t_nsd_suite_sockets() {
	cases nssock nsd.conf '' nsd_judge <<'EOF'
2|server:\n  ip-address: 127.0.0.1@53053 tcp tcp
2|server:\n  ip-address: 127.0.0.1@53053 udp
3|server:\n\tserver-count: 1\n\tip-address: 127.0.0.1 servers=-1
3|server:\n\tserver-count: 3\n\tip-address: 127.0.0.1 servers=3--1
|server:\n\tserver-count: 3\n\tip-address: 127.0.0.1 servers="1-2 3"
EOF
}
t "NSD socket types and server ranges (nsd tpkg/checkconf.tdir/checkconf.nsd11.*, tpkg/bad_server_ranges.tdir)" t_nsd_suite_sockets

# The values of checkconf.nsd6.conf (NLnetLabs/nsd, tpkg/checkconf.tdir/
# checkconf.nsd6.conf, "conf with lots of ranges"): notify and
# request-xfr take one address, no range, mask or prefix; allow-notify
# and provide-xfr take all of them, with a port; a prefix past 128 bits,
# a yes-or-no item given a word, a number item given letters or 0, each
# refused at its line.  A quoted zonefile that looks like an item name
# is a file name.
t_nsd_suite_values() {
	z='zone:\n\tname: a.example\n\tzonefile: a.zone'
	k='key:\n\tname: icky\n\tsecret: "AAAA"'
	cases nsval nsd.conf '' nsd_judge <<EOF
4|$z\n\tnotify: 10.20.30.40-255.255.255.0 NOKEY
4|$z\n\tnotify: 10.20.30.40&255.12.255.10 NOKEY
4|$z\n\tnotify: 10.20.30.40/0 NOKEY
4|$z\n\trequest-xfr: 10:20::30:40&ffff:ffff::ffff:0 NOKEY
4|$z\n\trequest-xfr: 10:20::30:40-255:255::255:0 NOKEY
4|$z\n\trequest-xfr: 10:20::30:40/129 NOKEY
4|$z\n\trequest-xfr: 10:20::30:40/128 NOKEY
4|$z\n\tallow-notify: 01.2.3.4 NOKEY
7|$k\n$z\n\tnotify: 1.2.3.4/23 icky
8|$k\n$z\n\tprovide-xfr: 10.20.30.40/20 icky\n\trequest-xfr: 10.20.30.40/21 icky
2|server:\n\tdebug-mode: "string123"
2|server:\n\tip6-only: "quoted string with spaces\tand -:bla server: name: "
2|server:\n\tserver-count: abc
2|server:\n\tserver-count: 0
2|server:\n\ttcp-count: abc
2|server:\n\ttcp-count: 0
|server:\n\tdebug-mode: yes\n\tip-address: 10.0.0.1\n\tip-address: 10.0.0.2\n\tserver-count: 10\n\ttcp-count: 10
|$z\n\tallow-notify: 10.20.30.40@1053 NOKEY\n\tallow-notify: 10.20.30.40&255.255.255.0@1053 NOKEY\n\tallow-notify: 10.20.30.40-255.255.255.0@1053 NOKEY\n\tallow-notify: 10.20.30.0-10.20.30.255@1053 NOKEY\n\tallow-notify: 10.20.30.40/0@1053 NOKEY\n\tallow-notify: 10.20.30.40&255.12.255.10@1053 NOKEY\n\trequest-xfr: 10:20::30:40 NOKEY
|$z\n\tprovide-xfr: 10.20.30.40/28 NOKEY\n\tprovide-xfr: 10:20::30:40&ffff:ffff::ffff:0 NOKEY\n\tprovide-xfr: 10:20::30:0-10:20::30:ffff NOKEY\n\tprovide-xfr: 10.20.30.40 BLOCKED
|$k\n$z\n\tprovide-xfr: 10.20.30.40/20 icky\n\tallow-notify: 10.20.30.40/18 icky\n\trequest-xfr: 10.20.30.40 icky\n\tnotify: 1.2.3.4 icky
|zone:\n\tname: a.example\n\tzonefile: "name:"
EOF
}
t "NSD values (nsd tpkg/checkconf.tdir/checkconf.nsd6.conf): ranges, yes-or-no, numbers" t_nsd_suite_values

# What nsd-checkconf 4.6 refuses where a clause or the file ends, not at a
# line of its own (NLnetLabs/nsd, tpkg/checkconf.tdir/checkconf.nsd6.conf):
# a zone without a name ("zone has no name"), a primary zone without a
# zonefile, a key no key: clause defines, a zone with allow-notify and no
# request-xfr, its own or a pattern's (checkconf.c checks each zone; the
# zones of checkconf.nsd6.conf have both).  For each "L:C|CONF":
# nsd-checkconf refuses, and zonelint's first error is at L:C (the
# clause, the name, the key's name); for "|CONF", both take it.
t_nsd_suite_clauses() {
	cases nscl nsd.conf '' refusal nsd \
		'zone has no name\|has no zonefile\|could not be found\|allow-notify but no request-xfr' \
		'.*' <<'EOF'
1:1|zone:\n\tzonefile: bla\n\tnotify: 10.20.30.40&255.255.255.0 NOKEY
2:8|zone:  #comment\n\tname: unquoted456
4:18|zone:\n\tname: a.example\n\tzonefile: a.zone\n\tnotify: 1.2.3.4 zlurp-key
|zone:  #comment\n\tname: unquoted456\n\tzonefile: "1234"
2:8|zone:\n\tname: a.example\n\tzonefile: a.zone\n\tallow-notify: 10.20.30.40 NOKEY
5:8|pattern:\n\tname: p\n\tallow-notify: 10.20.30.40 NOKEY\nzone:\n\tname: a.example\n\tzonefile: a.zone\n\tinclude-pattern: p
|pattern:\n\tname: p\n\tallow-notify: 10.20.30.40 NOKEY\nzone:\n\tname: a.example\n\tinclude-pattern: p\n\trequest-xfr: 10.20.30.40 NOKEY
|pattern:\n\tname: p\n\tallow-notify: 10.20.30.40 NOKEY
EOF
}
t "NSD clauses refused where they end (nsd tpkg/checkconf.tdir/checkconf.nsd6.conf)" t_nsd_suite_clauses

# The server ranges of NSD's own test (NLnetLabs/nsd, tpkg/
# bad_server_ranges.tdir/bad_server_ranges.test: servers= 0, 2, -1,
# 0-3, 1-4, -1-3, 3-0, 4-1, 3--1 with server-count 1 or 3): nsd-checkconf
# 4.6 takes each that is numbers and ranges, nsd does not start with a
# server 0 ("server ranges are 1-based") or one past server-count ("exceeds
# number of servers configured in server-count"), a range's ends in either
# order; zonelint errs at the option.  The others (-1, 3--1) are refused
# by both: t_nsd_suite_sockets.  For "WANT|COUNT|RANGE": nsd does not
# start and zonelint errs at WANT, or (WANT empty) both take it.
t_nsd_suite_server_ranges() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:nsd:nsd || return 1
	mkdir -p nsrange
	zone nsrange/db.zone
	port=$((20000 + ($$ % 350) * 32 + 17))
	for c in '3:30|1|servers=0' '3:30|1|servers=2' '3:30|3|servers=0-3' \
		'3:30|3|servers=1-4' '3:30|3|servers=3-0' \
		'3:30|3|servers=4-1' '3:38|3|servers="1 2 4"' \
		'|3|servers=3-1' '|3|servers="1 2-3"' '|1|servers=1'; do
		want=${c%%|*} c=${c#*|}
		nsd_case nsrange "$want" "server-count: ${c%%|*}\n\tip-address: 127.0.0.1@$port ${c#*|}" \
			'""' '' "servers= .* nsd refuses at start" \
			'server ranges are 1-based\|exceeds number of servers' ||
			return 1
	done
}
t "NSD server ranges nsd refuses at start (nsd tpkg/bad_server_ranges.tdir)" t_nsd_suite_server_ranges

# The CPU masks of NSD's own test (NLnetLabs/nsd, tpkg/
# bad_cpu_affinity.tdir/bad_server_cpu_affinity.conf,
# bad_xfrd_cpu_affinity.conf): with cpu-affinity, the CPU of
# server-N-cpu-affinity and xfrd-cpu-affinity is one of its CPUs, or nsd
# does not start ("is not specified in cpu-affinity"), though
# nsd-checkconf 4.6 takes it; zonelint errs at the CPU.  Without
# cpu-affinity, for a server past server-count, or given again with a
# CPU of it, nsd starts.  (bad_cpu_affinity.conf's CPU past the
# machine's is left out: it depends on the machine.)  For
# "WANT|ITEMS": nsd does not start and zonelint errs at WANT, or (WANT
# empty) both take it.
t_nsd_suite_cpu_masks() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:nsd:nsd || return 1
	mkdir -p nscpu
	zone nscpu/db.zone
	port=$((20000 + ($$ % 350) * 32 + 18))
	for c in '11:25|cpu-affinity: 0\n\tserver-1-cpu-affinity: 1\n\txfrd-cpu-affinity: 0' \
		'12:21|cpu-affinity: 0\n\tserver-1-cpu-affinity: 0\n\txfrd-cpu-affinity: 1' \
		'10:21|xfrd-cpu-affinity: 1\n\tcpu-affinity: 0' \
		'|server-1-cpu-affinity: 1\n\txfrd-cpu-affinity: 1' \
		'|cpu-affinity: 0\n\tserver-2-cpu-affinity: 1' \
		'|cpu-affinity: "1 0"\n\tserver-1-cpu-affinity: 1\n\txfrd-cpu-affinity: 0' \
		'|cpu-affinity: 0\n\tserver-1-cpu-affinity: 1\n\tSERVER-1-CPU-AFFINITY: 0'; do
		nsd_case nscpu "${c%%|*}" "server-count: 1\n\tip-address: 127.0.0.1@$port" \
			'""' "${c#*|}" "CPU [0-9]* of .* nsd refuses at start" \
			'is not specified in cpu-affinity' || return 1
	done
}
t "NSD CPU masks nsd refuses at start (nsd tpkg/bad_cpu_affinity.tdir)" t_nsd_suite_cpu_masks
