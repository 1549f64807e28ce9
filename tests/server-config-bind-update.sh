# server-config-bind-update.sh - part of tests/server-config.sh, sourced by
# server-config-bind.sh: a zone's update-policy, each case run through
# named-checkconf and zonelint --server-config, the verdicts (named_takes)
# and the lines of the errors (named_cases) compared.
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# The grammar named 9.18 reads: `update-policy local;` (the word unquoted,
# in any case) or a block of rules, each grant or deny (unquoted, any
# case), an identity, a rule type of its list (unquoted, any case), a
# name unless the rule type is zonesub, then types; no block inside a
# rule.  Another word or none after update-policy, a quoted keyword, an
# unknown rule type or a missing field refused by both; the forms named
# reads taken by both.  update-policy in a zone of another type than
# primary, with allow-update, or twice, refused by both.
t_update_grammar() {
	z='zone "a.org" { type primary; file "db";'
	mkdir -p ug && zone ug/db
	sed "s/@Z@/$z/g" <<'EOF2' | cases ug named.conf '' named_takes
takes|@Z@ update-policy local; };
takes|@Z@ update-policy LOCAL; };
takes|@Z@ update-policy { }; };
takes|@Z@ update-policy { GRANT * SELF . A; Deny k. Name x.a.org; }; };
takes|@Z@ update-policy { grant "*" self "*" "A"; grant k zonesub; grant k zonesub ANY; }; };
takes|@Z@ update-policy { grant "host/ns1@REALM" krb5-self . A; deny * external x A; }; };
takes|@Z@ update-policy { grant * ms-subdomain-self-rhs . PTR; grant * krb5-subdomain-self-rhs . SRV; }; };
takes|view "v" { zone "a.org" { type primary; file "db"; update-policy { grant * tcp-self . PTR; }; }; };
refuses|@Z@ update-policy "local"; };
refuses|@Z@ update-policy foo; };
refuses|@Z@ update-policy; };
refuses|@Z@ update-policy local extra; };
refuses|@Z@ update-policy local { grant * self . A; }; };
refuses|@Z@ update-policy { local; }; };
refuses|@Z@ update-policy { allow * name x A; }; };
refuses|@Z@ update-policy { "grant" * self . A; }; };
refuses|@Z@ update-policy { grant * "self" . A; }; };
refuses|@Z@ update-policy { grant * bogus . A; }; };
refuses|@Z@ update-policy { grant * selfsubb . A; }; };
refuses|@Z@ update-policy { grant; }; };
refuses|@Z@ update-policy { grant *; }; };
refuses|@Z@ update-policy { grant * self; }; };
refuses|@Z@ update-policy { grant * name; }; };
refuses|@Z@ update-policy { grant * self . { A; }; }; };
refuses|@Z@ update-policy { grant * self . A }; };
refuses|@Z@ update-policy { grant * self . A; }; update-policy local; };
refuses|@Z@ update-policy local; allow-update { none; }; };
refuses|zone "a.org" { type secondary; primaries { 192.0.2.1; }; update-policy local; };
refuses|zone "a.org" { type stub; primaries { 192.0.2.1; }; update-policy local; };
refuses|zone "a.org" { type mirror; primaries { 192.0.2.1; }; update-policy local; };
refuses|zone "." { type hint; file "db"; update-policy local; };
refuses|options { update-policy local; };
EOF2
}
t "BIND update-policy's grammar: zonelint refuses what named refuses" t_update_grammar

# The rules named-checkconf checks, at the line it names: the identity
# and the name domain names (the name read only with a valid identity);
# self, selfsub and selfwild with their identity or '.' as the name; the
# krb5-, ms-, tcp- and 6to4- self rule types with '.'; wildcard with a
# name whose first label is '*'; the other rule types with a name that
# is no type (a name left out); each type one named knows (a mnemonic in
# any case, KEYDATA, TYPEnnn up to 65535, as strtoul reads five bytes),
# with a count up to 65535 in parentheses.  On lines of their own: a
# name's error at the identity's line, a type's at the type's.  Every
# error of both is compared.
t_update_rules() {
	z='zone "a.org" { type primary; file "db";\\nupdate-policy {\\n'
	mkdir -p ur && zone ur/db
	sed "s/@Z@/$z/g" <<'EOF2' | named_cases ur ''
3 |@Z@grant * self TXT; }; };
3 |@Z@grant * selfsub TXT; }; };
3 |@Z@grant * selfwild TXT; }; };
3 |@Z@grant k self x TXT; }; };
3 |@Z@grant * ms-self TXT; }; };
3 |@Z@grant * ms-selfsub TXT; }; };
3 |@Z@grant * krb5-self TXT; }; };
3 |@Z@grant * krb5-selfsub TXT; }; };
3 |@Z@grant * tcp-self TXT; }; };
3 |@Z@grant * 6to4-self TXT; }; };
3 |@Z@grant * name A; }; };
3 |@Z@grant * subdomain txt; }; };
3 |@Z@grant * ms-subdomain TYPE1; }; };
3 |@Z@grant * krb5-subdomain TXT; }; };
3 |@Z@grant * krb5-subdomain-self-rhs PTR; }; };
3 |@Z@grant * ms-subdomain-self-rhs SRV; }; };
3 |@Z@grant * external A; }; };
3 |@Z@grant * wildcard x A; }; };
3 |@Z@grant * wildcard x.* A; }; };
4 |@Z@grant\na..b\nname x; }; };
6 |@Z@grant\n*\nname\na..b; }; };
3 |@Z@grant * zonesub . TXT; }; };
3 |@Z@grant * name x BOGUS; }; };
3 |@Z@grant * name x A(65536); }; };
3 |@Z@grant * name x A(x); }; };
3 |@Z@grant * name x A(2)x; }; };
3 |@Z@grant * name x "A(-1)"; }; };
3 |@Z@grant * name x A2); }; };
3 |@Z@grant * name x TYPE65536; }; };
3 |@Z@grant * name x TYPE000001; }; };
3 |@Z@grant * name x TYPE-1; }; };
3 |@Z@grant * name x UNECE; }; };
3 |@Z@grant * name x NXNAME; }; };
3 |@Z@grant * name x ""; }; };
3 |@Z@grant * name x "TXT "; }; };
8 |@Z@grant\n*\nname\nx\nA\nBOGUS; }; };
7 |@Z@grant\n*\nname\nx\nA(99999); }; };
3 4 |@Z@grant * self x;\ngrant * name x A AAAA MX TXT SRV CNAME PTR NS DS TLSA CAA SSHFP HTTPS BOGUS; }; };
|@Z@grant * self . TXT; grant * self * TXT; grant k self k. TXT; grant k. self K TXT; }; };
|@Z@grant @ self . A; grant k self @ A; grant * zonesub TXT; }; };
|@Z@grant * wildcard *.x A; grant * wildcard * A; grant * name x A; }; };
|@Z@grant realm krb5-subdomain-self-rhs . PTR SRV; }; };
|@Z@grant * name x KEYDATA TYPE0 TYPE00001 type1 TYPE+1 ANY AXFR TKEY NULL NSAP-PTR WALLET; }; };
|@Z@grant * name x A(0) A(65535) A() "A( 2)" "A(-0)" TXT(1); }; };
|@Z@grant * name x A AAAA MX TXT SRV CNAME PTR NS DS TLSA CAA SSHFP HTTPS SVCB; }; };
EOF2
}
t "BIND update-policy rules: zonelint refuses what named-checkconf refuses, at its line" t_update_rules
