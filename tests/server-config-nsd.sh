# server-config-nsd.sh - part of tests/server-config.sh, which sources
# it: what nsd-checkconf 4.6 refuses in nsd.conf, and nsd with the same
# reader, each case run through nsd-checkconf and zonelint
# --server-config on the same file, the verdicts compared (the cases,
# nsd_judge and refusal helpers of server-config.sh).
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# The item names NSD 4.6 knows, and no others: a name a later NSD added
# (catalog-producer-zone, log-time-iso, max-expire-time, ...) is a
# value to nsd-checkconf 4.6, and a syntax error where an item name
# belongs, at its line.
t_nsd_items_46() {
	cases nitems nsd.conf 'zone:\n\tname: a.example\n\tzonefile: a.zone\n' \
		nsd_judge <<'EOF'
4|\tcatalog-producer-zone: cat.example
4|\tmax-expire-time: 5
4|\tcatalog-consumer-zone: c.example
6|pattern:\n\tname: p\n\tcatalog-member-pattern: q
5|server:\n\tlog-time-iso: yes
5|server:\n\treload-config: yes
5|server:\n\tproxy-protocol-port: 5353
5|server:\n\ttls-auth-xfr-only: yes
7|tls-auth:\n\tname: t\n\tauth-domain-name: a\n\ttls-auth-port: 853
|server:\n\tidentity: log-time-iso:
|server:\n\tversion: catalog-producer-zone:\n\tnsid: "aabb"
|server:\n\tidentity: tls-auth-port:\n\tlog-time-ascii: yes
EOF
}
t "NSD: the item names of NSD 4.6, later ones refused" t_nsd_items_46

# The values of the yes-or-no and number items, as NSD 4.6's parser
# takes them (NSD's own checkconf test: debug-mode: "true",
# tcp-query-count: "0xAA"): yes or no as written, quoted or not; a number
# of decimal digits alone, above zero for some; an NSID in hex pairs or
# ascii_TEXT, CPU numbers, an expire time or refresh+retry+1.  In each
# clause that has such items; the first refused line, or both take it.
t_nsd_values() {
	z='zone:\n\tname: a.example\n\tzonefile: a.zone'
	cases nval nsd.conf '' nsd_judge <<EOF
3|server:\n\tdebug-mode: "yes"\n\tdebug-mode: "true"
2|server:\n\thide-version: YES
2|server:\n\tdo-ip6: on
2|server:\n\tverbosity: -1
2|server:\n\ttcp-query-count: "0xAA"
2|server:\n\tport: 53a
2|server:\n\ttcp-count: 0
2|server:\n\tserver-2-cpu-affinity: one
2|verify:\n\tenable: 1
2|verify:\n\tport: NSD_PORT
2|remote-control:\n\tcontrol-port: CONTROLPORT
2|remote-control:\n\tcontrol-enable: true
4|$z\n\tallow-axfr-fallback: "No"
4|$z\n\tsize-limit-xfr: 0
3|pattern:\n\tname: p\n\tnotify-retry: 5x
2|server:\n\tnsid: "aab"
2|server:\n\tnsid: 0x12
2|server:\n\tcpu-affinity: 0 1 x
2|server:\n\tcpu-affinity: "1,2"
4|$z\n\tmin-expire-time: REFRESH+RETRY+1
|server:\n\tnsid: "AAbb"\n\tcpu-affinity: "0 1" 2\nverify:\n\tport: 0
|$z\n\tmin-expire-time: refresh+retry+1\nserver:\n\tnsid: ascii_ns1
|server:\n\tdebug-mode: "no"\n\tverbosity: "2"\n\ttcp-count: 007\n\tstatistics: 0
|server:\n\tserver-1-cpu-affinity: 0\n\txfrd-reload-timeout: 99999999999
|verify:\n\tenable: yes\n\tport: 5347\n\tverifier-timeout: 0
|$z\n\tstore-ixfr: yes\n\tixfr-number: 5\n\tmin-retry-time: 0
EOF
}
t "NSD: yes-or-no and number values, as nsd-checkconf takes them" t_nsd_values

# The addresses of the access lists and outgoing-interface (NSD's own
# checkconf test: ranges and BLOCKED for notify and request-xfr,
# 1.2.3.4.5, 1.2.3): an IPv4 or IPv6 address as inet_pton reads it,
# then a prefix length within its family, a mask or a span's end of its
# family, a port other than 0; notify and request-xfr take one address
# and no BLOCKED.  The first refused line, or both take it.
t_nsd_addresses() {
	z='zone:\n\tname: a.example\n\tzonefile: a.zone'
	cases naddr nsd.conf '' nsd_judge <<EOF
4|$z\n\tnotify: 1.2.3.4.5 NOKEY
4|$z\n\tprovide-xfr: 1.2.3 NOKEY
4|$z\n\tallow-notify: 01.2.3.4 NOKEY
4|$z\n\tallow-query: localhost NOKEY
4|$z\n\toutgoing-interface: fe80::1%eth0
4|$z\n\tprovide-xfr: 10.0.0.0/33 NOKEY
4|$z\n\tprovide-xfr: ::1/x2 NOKEY
4|$z\n\tprovide-xfr: 1.2.3.4&255.0 NOKEY
4|$z\n\tprovide-xfr: ::1-1.2.3.4 NOKEY
4|$z\n\tallow-notify: 1.2.3.4@0 NOKEY
4|$z\n\tnotify: 10.20.30.40/28 NOKEY
4|$z\n\trequest-xfr: AXFR 10:20::30:0-10:20::30:ffff NOKEY
4|$z\n\tnotify: 10.20.30.40 BLOCKED
4|$z\n\trequest-xfr: 10.20.30.40 BLOCKED
3|pattern:\n\tname: p\n\tnotify: 1.2.3.4/24 NOKEY
|$z\n\tprovide-xfr: 10.20.30.40&255.255.255.0@1053 BLOCKED\n\tallow-notify: 10.0.0.1-10.0.0.9 NOKEY\n\trequest-xfr: 10.0.0.1 NOKEY
|$z\n\tallow-query: ::/0 NOKEY\n\tnotify: ::ffff:1.2.3.4@5x NOKEY\n\toutgoing-interface: 10.0.0.0/8
|$z\n\trequest-xfr: UDP 192.0.2.1@-5 NOKEY\n\tprovide-xfr: 1.2.3.4/24/3 NOKEY
EOF
}
t "NSD: the addresses of access lists, as nsd-checkconf reads them" t_nsd_addresses

# A key: clause whole, and a tls-auth: clause, as nsd-checkconf 4.6
# holds them where they end (nsd, with the same reader, does not start):
# a name, a key's secret (empty or not), a tls-auth's auth-domain-name,
# a name no entry of its kind above has (as written; of two name: items
# the last), an algorithm that is HMAC with MD5 or a SHA ("hmac-" or
# not, any case).  For each "L:C|CONF": nsd-checkconf refuses it, and
# zonelint's first error is at L:C (the clause's keyword, the second
# name, the algorithm); for "|CONF", both take it.
t_nsd_key_clauses() {
	cases nkcl nsd.conf '' refusal nsd \
		'has no name\|has no secret blob\|duplicate tsig key\|duplicate tls-auth\|bad tsig key algorithm\|has no auth-domain-name' \
		'.*' <<'EOF'
1:1|key:\n\tname: icky
1:1|key:\n\talgorithm: hmac-sha256\n\tsecret: "AAAA"
1:1|key:\n\tname: k\nzone:\n\tname: a.example\n\tzonefile: a.zone
3:13|key:\n\tname: k\n\talgorithm: hmac-foo\n\tsecret: "AAAA"
3:13|key:\n\tname: k\n\talgorithm: hmac-sha256.\n\tsecret: "AAAA"
3:13|key:\n\tname: k\n\talgorithm: hmac-\n\tsecret: "AAAA"
5:8|key:\n\tname: k\n\tsecret: "AAAA"\nkey:\n\tname: k\n\tsecret: "AAAA"
1:1|tls-auth:\n\tname: t
1:1|tls-auth:\n\tauth-domain-name: ns.example
5:8|tls-auth:\n\tname: t\n\tauth-domain-name: a\ntls-auth:\n\tname: t\n\tauth-domain-name: b
|key:\n\tname: k\n\talgorithm: HMAC-SHA512\n\tsecret: "AAAA"
|key:\n\tname: k\n\talgorithm: sha1\n\tsecret: ""
|key:\n\tname: k\n\tsecret: "AAAA"\nkey:\n\tname: K\n\tsecret: "AAAA"\nkey:\n\tname: k.\n\tsecret: "AAAA"
|key:\n\tname: k\n\tsecret: "AAAA"\n\tname: j\nkey:\n\tname: k\n\tsecret: "AAAA"
|tls-auth:\n\tname: t\n\tauth-domain-name: ""\ntls-auth:\n\tname: u\n\tauth-domain-name: ns.example
EOF
}
t "NSD: key and tls-auth clauses whole, as nsd-checkconf holds them" t_nsd_key_clauses

# NSD's lexer reads include: and its file name wherever they stand, in
# the middle of an item too, and goes on in the included file, whose
# words take their place (zonefile: include: "f.conf", f.conf holding
# the file name): the zone's file is the one f.conf names, and it is
# linted.  An empty included file leaves the words around it together.
# The first refused line, or both take it.
t_nsd_include_spliced() {
	mkdir -p nsplice
	zone nsplice/a.zone
	printf '"a.zone"\n' >nsplice/f.conf
	printf 'a.example\n\tzonefile: a.zone\n' >nsplice/g.conf
	printf 'zonefile:' >nsplice/kw.conf
	: >nsplice/empty.conf
	z='server:\n\tzonesdir: ""\n'
	cases nsplice nsd.conf "$z" nsd_judge <<'EOF2' || return 1
|zone:\n\tname: a.example\n\tzonefile: include: "f.conf"
|zone:\n\tname: include: "g.conf"
|zone:\n\tname: a.example\n\tzonefile: include: "empty.conf" "a.zone"
|zone:\n\tname: a.example\n\tinclude: "kw.conf" "a.zone"
|zone:\n\tname: a.example\n\tzonefile: include: "e*.conf" "a.zone"
|zone:\n\tname: a.example\n\tzonefile: "a.zone" include: "empty.conf"
5|zone:\n\tname: a.example\n\tzonefile: "a.zone" include: "empty.conf" "b.zone"
5|zone:\n\tname: a.example\n\tzonefile: include: "f.conf" "b.zone"
EOF2
	printf 'server:\n\tzonesdir: ""\nzone:\n\tname: a.example\n\tzonefile: include: "f.conf"\n' \
		>nsplice/nsd.conf
	run --server-config nsd:nsplice/nsd.conf
	want_rc 0 && has err " in 1 file" && hasnt err "skipped"
}
t "NSD: an include in the middle of an item, its words spliced in" t_nsd_include_spliced

# After include:, NSD's lexer (configlexer.lex, its include state) knows
# no comment and no item name: the next word, on this line or a later
# one, is the file's name, '#' and a final ':' its bytes ("include: #c"
# includes the file '#c', "include:" then "zone:" the file 'zone:').
# The first refused line, or both take it; what is taken is linted.
t_nsd_include_name() {
	mkdir -p ninc
	zone ninc/a.zone
	printf 'zone:\n\tname: a.example\n\tzonefile: a.zone\n' >'ninc/#c'
	cp 'ninc/#c' 'ninc/zone:'
	z='server:\n\tzonesdir: ""\n'
	cases ninc nsd.conf "$z" nsd_judge <<'EOF2' || return 1
|include: #c
|include:\n#c
|include:\n\n  #c # a comment after it
|include:\nzone:
|include: "#c"#c
3|include: # c
3|include: #d
EOF2
	printf 'server:\n\tzonesdir: ""\ninclude: #c\n' >ninc/nsd.conf
	run --server-config nsd:ninc/nsd.conf
	want_rc 0 && has err " in 1 file" && hasnt err "skipped"
}
t "NSD: the word after include: is the file's name, '#' and ':' in it" t_nsd_include_name

# A pattern without a name: nsd-checkconf refuses it where the clause
# ends ("pattern has no name"), zonelint at its pattern: keyword; an
# empty name is one.  For each "L:C|CONF": nsd-checkconf refuses, and
# zonelint's first error is at L:C; for "|CONF", both take it.
t_nsd_pattern_noname() {
	cases npnn nsd.conf '' refusal nsd 'pattern has no name' '.*' <<'EOF2'
1:1|pattern:\n\tzonefile: x
1:1|pattern:\nzone:\n\tname: a.example\n\tzonefile: a.zone
4:1|pattern:\n\tname: p\n\tzonefile: x\npattern:\n\tzonefile: y
1:1|pattern:\n\tzonefile: x\nzone:\n\tname: a.example\n\tzonefile: a\n\tinclude-pattern: x
|pattern:\n\tname: ""\n\tzonefile: x
EOF2
}
t "NSD: a pattern without a name" t_nsd_pattern_noname
