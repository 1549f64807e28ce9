# server-config-bind-more.sh - part of tests/server-config.sh, sourced by
# server-config-bind.sh: more of what named refuses in named.conf, each
# case run through named-checkconf and zonelint --server-config, the
# verdicts and lines compared (named_cases, named_takes).
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# A parental-agents list a primary or secondary zone names, or one such a
# list names: defined by a parental-agents statement at the top (its own
# name space: a primaries list of that name does not count), else refused
# at the name by both; one that reaches no address (empty, or naming
# itself) refused at the zone; one defined twice, in any case, at the
# second; a tls an entry names, defined.
t_parental_agents() {
	named_cases pa "list '" <<'EOF2' || return 1
1 |zone "a.org" { type primary; file "db"; parental-agents { p; }; };
3 |primaries p { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { p; };\nparental-agents { 192.0.2.2; p; }; };
2 |parental-agents p { 192.0.2.1;\nq; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
3 |parental-agents p { 192.0.2.1; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };\nparental-agents P { 192.0.2.2; };
2 |parental-agents p { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { p; }; };
|parental-agents p { 192.0.2.1; };\nprimaries p { 192.0.2.2; };\nzone "a.org" { type primary; file "db"; parental-agents { P; }; };
|parental-agents p { q; };\nparental-agents q { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { 192.0.2.3; }; parental-agents { p; }; };
|parental-agents p { nope; };
EOF2
	named_cases pa "tls '" <<'EOF2' || return 1
1 |parental-agents p { 192.0.2.1 tls t; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
|parental-agents p { 192.0.2.1 tls t; };
EOF2
	named_cases pa "'parental-agents'" <<'EOF2'
2 |parental-agents p { };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
1 |zone "a.org" { type primary; file "db"; parental-agents { }; };
3 |parental-agents p { q; };\nparental-agents q { p; };\nzone "a.org" { type secondary; file "db";\nprimaries { 192.0.2.1; }; parental-agents { p; }; };
|parental-agents p { p; 192.0.2.1; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
EOF2
}
t "BIND parental-agents lists: zonelint refuses what named refuses, at its line" t_parental_agents

# A name in quotes in an address or primaries list: named looks it up as
# any name, so a built-in ACL is one there too ("any", "None"), an
# address is not ("192.0.2.1" is an undefined ACL or list, refused at it
# by both); a built-in ACL's name given to an acl statement, in any case
# or quoted, refused at it by both.
t_quoted_names() {
	named_cases qn "[Aa][Cc][Ll] '" <<'EOF2' || return 1
|options { listen-on { "any"; };\nallow-query { "None"; "localhost"; ! "localnets"; }; };
|options { sortlist { { "localnets"; { "any"; }; }; }; };
|controls { inet 127.0.0.1 allow { "localhost"; }; };
|zone "a.org" { type primary; file "db"; allow-transfer { "none"; }; };
2 |options {\nallow-query { "10.0.0.0/8"; }; };
1 |options { allow-query { "!any"; }; };
1 |acl "any" { 192.0.2.1; };
2 |acl a { 192.0.2.1; };\nacl LocalHost { 192.0.2.1; };
EOF2
	named_cases qn "list '" <<'EOF2'
1 |zone "a.org" { type secondary; primaries { "192.0.2.1"; }; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; };
EOF2
}
t "BIND names in quotes in address lists: zonelint refuses what named refuses, at its line" t_quoted_names

# A view's class: one named knows (a name, or CLASSnnn up to 65535, out
# of quotes), and not a meta class (RESERVED0, NONE, ANY: CLASS0, 254,
# 255), with which named does not start; named-checkconf -z refuses it
# too.  The others taken by both.
t_view_class() {
	cases vc named.conf '' named_takes -z <<'EOF2'
refuses|view "v" any { };
refuses|view "v" CLASS255 { zone "x" any { type hint; file "h"; }; };
refuses|view "v" None { };
refuses|view "v" CLASS254 { };
refuses|view "v" reserved0 { };
refuses|view "v" CLASS0 { };
refuses|view "v" bogus { };
refuses|view "v" CLASS65536 { };
refuses|view "v" "in" { };
takes|view "v" hs { };
takes|view "v" hesiod { };
takes|view "v" CLASS1 { };
takes|view "v" CLASS65280 { };
takes|view "v" chaos { };
EOF2
}
t "BIND a view's class: zonelint refuses what named refuses" t_view_class

# The names tls, http, key and dnssec-policy statements give: a built-in
# one (tls ephemeral or none, http default, in any case; the policies
# default, none and insecure, as written) refused by both, and one given
# twice where named-checkconf reads both (tls and http in any case, keys
# as domain names, at the top, in one view, or at the top and in a view;
# policies as written); two views' keys of one name, a tls and an http of
# one name, taken by both.
t_defined_names() {
	k='{ algorithm hmac-sha256; secret "aaaa"; }'
	cases dn named.conf '' named_takes <<EOF2
refuses|tls t { };\ntls T { };
refuses|tls "Ephemeral" { };
refuses|tls none { };
refuses|http h { };\nhttp "H" { };
refuses|http DEFAULT { };
takes|tls t { };\nhttp t { };
refuses|key k $k;\nkey K. $k;
refuses|view "v" { key k $k; key k $k; };
refuses|key k $k;\nview "v" { key k $k; };
refuses|view "v" { key k $k; };\nkey k $k;
takes|view "v" { key k $k; };\nview "w" { key k $k; };
takes|key "k\\\\\\\\." $k;\nkey "k." $k;
refuses|dnssec-policy p { };\ndnssec-policy p { };
refuses|dnssec-policy "default" { };
refuses|dnssec-policy insecure { };
refuses|dnssec-policy none { };
takes|dnssec-policy p { };\ndnssec-policy P { };\ndnssec-policy None { };
EOF2
	# a listen-on with the built-in tls uses no statement's files
	printf '%s\n' 'tls ephemeral { key-file "k.pem"; cert-file "c.pem"; };' \
		'options { listen-on tls ephemeral { any; }; };' >dn/named.conf
	run --server-config dn/named.conf
	has err "reserved" && hasnt err "key-file"
}
t "BIND names given twice, or a built-in one: zonelint refuses what named refuses" t_defined_names

# The words between a list of servers' option (or a primaries or
# parental-agents statement's name) and its '{': "port N" and "dscp N"
# taken by both; a list's name there (a slip for the top's statement),
# another word, or a port that is no number refused at it by both.
t_list_header() {
	named_cases lh "expected" <<'EOF2'
1 |zone "a.org" { type secondary; primaries p { 192.0.2.1; }; };
2 |primaries p { 192.0.2.1; };\nprimaries q p { 192.0.2.1; };
3 |parental-agents p { 192.0.2.1; };\nzone "a.org" { type primary; file "db";\nparental-agents p { 192.0.2.1; }; };
1 |view "v" { also-notify bad { 192.0.2.1; }; };
1 |zone "a.org" { type forward; forwarders x { 192.0.2.1; }; };
1 |zone "a.org" { type secondary; primaries port x { 192.0.2.1; }; };
1 |zone "a.org" { type secondary; primaries port { 192.0.2.1; }; };
|options { forwarders port 99 dscp 2 { 192.0.2.1; }; also-notify port 99 { 192.0.2.1; }; };
|primaries p port 4 dscp 3 { 192.0.2.1; };\nzone "a.org" { type stub; masters port 53 { p; }; };
EOF2
}
t "BIND a list of servers' header: zonelint refuses what named refuses, at its line" t_list_header

# The words between a block statement's name and its '{': none for
# options, logging, a list of addresses (allow-query, match-clients,
# server-addresses, ...); one name for acl, key, tls, server,
# dnssec-policy, disable-algorithms, ...; a word more, quoted or not,
# refused at it by both ("'{' expected near 'extra'"), as is the name
# left out ("expected string near '{'") or the block ("'{' expected near
# ';'"), at the top, in options, a view and a zone, and in the blocks
# of logging, dnssec-policy, tls, http and rate-limit (a channel's name,
# a keys list); the shapes named takes, taken by both.
t_statement_words() {
	named_cases sw "expected" <<'EOF2' || return 1
1 |options extra { directory "."; };
2 |options { };\nlogging extra { };
1 |controls "x" { };
1 |statistics-channels x { };
1 |acl a extra { any; };
1 |acl { any; };
1 |acl a;
1 |key "k" extra { algorithm hmac-sha256; secret "aaaa"; };
1 |tls t x { };
1 |dnssec-policy p x { };
1 |server 192.0.2.1 extra { };
1 |trust-anchors x { };
2 |view "v" {\nmatch-clients extra { any; }; };
2 |view "v" {\nserver 192.0.2.1 x { }; };
2 |options {\nallow-query any; };
2 |options {\nallow-query; };
2 |options {\nallow-recursion x y { any; }; };
2 |options {\ndisable-algorithms a b { RSASHA1; }; };
2 |options {\nrrset-order x { order random; }; };
2 |zone "a.org" { type primary; file "db";\nallow-query "x" { any; }; };
2 |zone "a.org" { type static-stub;\nserver-addresses x { 192.0.2.1; }; };
|acl a { any; };\nkey k { algorithm hmac-sha256; secret "aaaa"; };\nserver 192.0.2.1 { keys { k; }; };
|options { allow-query { a; }; disable-algorithms "a.org" { RSASHA1; }; rrset-order { order fixed; }; };
|view "v" { match-clients { any; }; trust-anchors { }; zone "a.org" { type static-stub; server-addresses { 192.0.2.1; }; }; };
|logging { };\ncontrols { };\ntls t { };\ndnssec-policy p { };
EOF2
	named_cases sw "expected" <<'EOF2' || return 1
2 |logging {\nchannel c extra { file "x"; }; };
2 |logging {\ncategory default extra { null; }; };
2 |logging {\nchannel { file "x"; }; };
2 |logging {\nchannel c; };
2 |logging {\nchannel "c" "d" { null; }; };
2 |dnssec-policy p {\nkeys extra { csk lifetime unlimited algorithm 13; }; };
2 |options { rate-limit {\nexempt-clients x { any; }; }; };
2 |tls t {\nprotocols TLSv1.2; };
2 |http h {\nendpoints extra { "/dns-query"; }; };
|logging { channel c { file "x"; }; category default { c; }; };
|dnssec-policy p { keys { csk lifetime unlimited algorithm 13; }; };\ntls t { protocols { TLSv1.2; }; };\nhttp h { endpoints { "/q"; }; };\noptions { rate-limit { exempt-clients { any; }; }; };\nserver 192.0.2.1 { keys { k; }; };\nkey k { algorithm hmac-sha256; secret "aaaa"; };
EOF2
	named_cases sw "IPv4 prefix" <<'EOF2'
1 |server { };
2 |view "v" {\nserver; };
EOF2
}
t "BIND the words before a statement's block: zonelint refuses what named refuses, at its line" t_statement_words

# The logging statement: once; the channels its categories name defined
# by its channel statements (any case, before or after) or built in
# (default_syslog, default_debug, default_stderr, null), else refused at
# the name by both.
t_logging() {
	named_cases lg "redefined" <<'EOF2' || return 1
2 |logging { };\nlogging { };
|logging { };
EOF2
	named_cases lg "undefined channel" <<'EOF2'
1 |logging { category default { c; }; };
2 |logging { channel c { syslog daemon; };\ncategory default { c; d; }; };
1 |logging { category default { default_logfile; }; };
|logging { category default { default_syslog; default_debug; default_stderr; NULL; "null"; }; };
|logging { category default { c; }; channel C { file "x" versions 3; print-time yes; }; };
EOF2
}
t "BIND logging channels: zonelint refuses what named refuses, at its line" t_logging

# named_first DIR WANT: first_refused (server-config.sh) by
# named-checkconf.
named_first() {
	first_refused named-checkconf named "$@"
}

# named's lexer (isc/lex.c): only a blank, a tab, CR and LF part words
# (a form feed or vertical tab is a byte of one: "unknown option"); a
# comment glued to a word ends it, and after a C comment named reads the
# comment's last '/' again, as a token of its own ("missing ';' before
# '/'", "boolean expected near '/'"), which '#' and '//' do not leave;
# '/' is a token of its own in an address list too, so a prefix may be
# written in words apart ("192.0.2.0 / 24").  The first refused line of
# each, or both take it.
t_bind_lexer() {
	z='zone "a.org" { type primary; file "db"; };\n'
	cases blex named.conf "$z" named_first <<'EOF2'
2|zone "b.org" { type primary/* c */; file "db"; };
2|zone "b.org" { type primary/* c */ ; file "db"; };
3|options { recursion yes/* c\n */; };
2|options { recursion/**/yes; };
2|options { directory "."/**/; recursion no/**/; };
2|zone "b.org" {\ftype primary; file "db"; };
2|zone "b.org" {\vtype primary; file "db"; };
2|options { recursion yes\f; };
2|options { recursion yes; };\f
2|acl a { 192.0.2.0/**/; };
2|options { allow-query { ! 10.1/**/; }; };
2|acl a { 192.0.2.1 / 24; };
2|acl a { 2001:db8:: / 129; };
2|acl a { 192.0.2.0 / 24x; };
2|acl a { 192.0.2.0 / 24 / 8; };
2|acl a { 192.0.2.0/24/8; };
|zone "b.org" { type primary /* c */; file "db"; };
|zone "b.org" { type primary; file "db"/* c */; };
|options { recursion yes#c\n; };
|options { recursion yes//c\n; };
|options {/* c */recursion yes; };
|options { recursion\tyes\r\n; };
|zone "b.org" { type primary; file "db"; }/**/;
|acl a { 192.0.2.0 / 24; 192.0.2.0/**/24; 192.0.2.0/ 24; };
EOF2
}
t "BIND named's lexer: white space, comments glued to a word, '/' a token" t_bind_lexer
