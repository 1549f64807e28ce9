/* test_mail_policy.c - the DMARC, DKIM, MTA-STS, TLS-RPT, DANE and BIMI
 * primitives on small zones: which rule fires, and at which column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "suites.h"
#include "testutil.h"

/* Two MX hosts with addresses, SPF and a policy at the apex (lines 6-11):
 * a mail domain that no rule objects to. */
#define MAIL "@ IN MX 10 mx1\n@ IN MX 20 mx2\nmx1 IN A 192.0.2.25\n" \
	"mx2 IN A 198.51.100.25\n@ IN TXT \"v=spf1 mx -all\"\n" \
	"_dmarc IN TXT \"v=DMARC1; p=reject\"\n"

/* Findings as "ID:line:col" separated by spaces, in sorted order. */
static void expect(const char *zone, const char *only, const char *want)
{
	struct zl_diags d;
	struct zl_buf got = { 0 };
	char *text = zl_xasprintf(TU_HEAD "%s", zone);
	size_t i;

	tu_lint(text, only, &d);
	zl_buf_add(&got, "", 0);
	for (i = 0; i < d.n; i++)
		zl_buf_addf(&got, "%s%s:%u:%u", i ? " " : "", d.v[i].id,
			    d.v[i].loc.line, d.v[i].loc.col);
	ck_assert_msg(strcmp(got.s, want) == 0, "%s\n got: %s\nwant: %s",
		      zone, got.s, want);
	zl_buf_free(&got);
	zl_diags_free(&d);
	free(text);
}

/* ---- DMARC ---- */

START_TEST(test_dmarc_placement)
{
	expect(MAIL "www IN TXT \"v=DMARC1; p=none\"\n"
	       "dmarc IN TXT \"V=dmarc1; p=none\"\n"
	       "_dmarc.a IN TXT \"v=spf1 -all\"\n"
	       "x._report._dmarc.r IN TXT \"v=DMARC1\"\n"
	       "_dmarc.b IN TXT ( \"v=\" \"DMARC1\" )\n",
	       "DMARC001,DMARC002",
	       "DMARC001:12:13 DMARC001:13:15 DMARC002:14:18");
}
END_TEST

START_TEST(test_dmarc_multiple_version)
{
	expect(MAIL "_dmarc IN TXT \"v=DMARC1; p=none\"\n"
	       "_dmarc.a IN TXT \"p=none; v=DMARC1\"\n"
	       "_dmarc.b IN TXT \"v=DMARC2; p=none\"\n"
	       "_dmarc.c IN TXT \"hello\"\n"
	       "_dmarc.d IN TXT \"\"\n"
	       "_dmarc.e IN TXT \"v=spf1 -all\"\n"
	       "x._report._dmarc.r IN TXT \"verify\"\n"
	       "_dmarc.f IN TXT \" v=DMARC1; p=none\"\n"
	       "_dmarc.f IN TXT \"v=DMARC1; p=none\"\n",
	       "DMARC003,DMARC004",
	       "DMARC003:12:16 DMARC004:13:26 DMARC004:14:18 "
	       "DMARC004:15:18 DMARC004:16:17 DMARC004:18:28 "
	       "DMARC004:19:18");
}
END_TEST

/* Beside the policy, 70 TXT records of other text at _dmarc: more than
 * are compared with each other, and still not one finding each. */
START_TEST(test_dmarc_many_others)
{
	struct zl_buf z = { 0 };
	int i;

	zl_buf_addf(&z, "%s", MAIL);
	for (i = 0; i < 70; i++)
		zl_buf_addf(&z, "_dmarc IN TXT \"site-verification=%d\"\n", i);
	zl_buf_addf(&z, "%s", "_dmarc IN TXT \"v=DMARC2; p=reject\"\n");
	/* the version typo still names the kind: a warning (line 82) */
	expect(z.s, "DMARC003,DMARC004", "DMARC004:82:16");
	zl_buf_free(&z);
}
END_TEST

START_TEST(test_dmarc_tags)
{
	/* columns: the record text starts at column 18 */
	expect(MAIL "_dmarc.a IN TXT \"v=DMARC1; p=none; p=none\"\n"
	       "_dmarc.b IN TXT \"v=DMARC1; p=none; foo=1; np=none\"\n"
	       "_dmarc.c IN TXT \"v=DMARC1; p=none; ri=3600; x\"\n"
	       "_dmarc.d IN TXT \"v=DMARC1; p=none; sp=all; aspf=S; "
	       "adkim=; fo=0:d; rf=afrf:xml; pct=0\"\n",
	       "DMARC005,DMARC006,DMARC007,DMARC009,DMARC010",
	       "DMARC006:12:36 DMARC007:13:36 DMARC010:14:36 "
	       "DMARC005:14:45 DMARC009:15:39 DMARC009:15:52 "
	       "DMARC010:15:68 DMARC009:15:76 DMARC010:15:81");
}
END_TEST

START_TEST(test_dmarc_policy)
{
	expect(MAIL "_dmarc.a IN TXT \"v=DMARC1; rua=mailto:d@example.com\"\n"
	       "_dmarc.b IN TXT \"v=DMARC1; p=none\"\n"
	       "x._report._dmarc.b IN TXT \"v=DMARC1\"\n",
	       "DMARC008,DMARC014", "DMARC008:12:18");
	expect("@ IN MX 10 mx1\n@ IN MX 20 mx2\nmx1 IN A 192.0.2.25\n"
	       "mx2 IN A 198.51.100.25\n@ IN TXT \"v=spf1 mx -all\"\n"
	       "_dmarc IN TXT \"v=DMARC1;p=None\"\n"
	       "_dmarc.shop IN TXT \"v=DMARC1; psd=n; p=none\"\n",
	       "DMARC014", "DMARC014:11:25 DMARC014:12:38");
}
END_TEST

/* RFC 7489 §6.4: p comes right after v; a note under RFC 9989. */
START_TEST(test_dmarc_policy_position)
{
	struct zl_diags d;

	expect(MAIL "_dmarc.a IN TXT \"v=DMARC1; rua=mailto:d@example.com; "
	       "p=none\"\n"
	       "_dmarc.b IN TXT \"v=DMARC1;p=none; rua=mailto:d@example.com\"\n"
	       "_dmarc.c IN TXT \"v=DMARC1\"\n"
	       "x._report._dmarc.c IN TXT \"v=DMARC1; rua=mailto:d@x.example; "
	       "p=none\"\n",
	       "DMARC016", "DMARC016:12:54");
	tu_lint(TU_HEAD "_dmarc IN TXT \"v=DMARC1; sp=none; p=none\"\n",
		"DMARC016", &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_NOTE);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_dmarc_reports)
{
	expect(MAIL "_dmarc.a IN TXT \"v=DMARC1; p=none; rua=mailto:a@"
	       "example.com , mailto:b@example.com!5m,mailto:c@example.com;"
	       " ruf=mailto:d@example.com!\"\n"
	       "_dmarc.b IN TXT \"v=DMARC1; p=none; rua=\"\n",
	       "DMARC011,DMARC012",
	       "DMARC012:12:87 DMARC011:12:133 DMARC011:13:40");
}
END_TEST

/* DMARC012 names the tag it counts in, and its help says what RFC 7489
 * §6.2 says: receivers may limit the URIs they send to, given two. */
START_TEST(test_dmarc_report_count_words)
{
	struct zl_diags d;

	tu_lint(TU_HEAD "_dmarc IN TXT \"v=DMARC1; p=none; ruf=mailto:a@"
		"example.com,mailto:b@example.com,mailto:c@example.com\"\n",
		"DMARC012", &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].message, "'ruf' lists more than 2 report "
			 "URIs: receivers need send reports to only 2 of them");
	ck_assert_str_eq(d.v[0].help, "keep at most 2 addresses in 'ruf'; "
			 "receivers may ignore the others");
	zl_diags_free(&d);
}
END_TEST

/* TTL002 and TTL003 say what a written TTL of 1 usually is: Cloudflare's
 * export of its automatic TTL; a TTL taken from $TTL is said to come from
 * there; other TTLs get the plain help. */
START_TEST(test_ttl_one_hint)
{
	struct zl_diags d;

	tu_lint(TU_HEAD "@ 1 IN MX 10 mx1\n@ 1 IN MX 20 mx2\n"
		"mx1 1 IN A 192.0.2.25\nmx2 60 IN A 198.51.100.25\n",
		"TTL002,TTL003", &d);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.v[0].help, "use a TTL between 300 and 432000 "
			 "seconds; TTL 1 is how a Cloudflare export writes its "
			 "automatic TTL, which a server loading this file "
			 "serves as 1 second");
	ck_assert_str_eq(d.v[1].help, d.v[0].help);
	ck_assert_str_eq(d.v[2].help, "use a TTL between 300 and 432000 "
			 "seconds");
	zl_diags_free(&d);
	/* A TTL the record does not write comes from $TTL (or an earlier
	 * record): a $TTL 1 of a zone written by hand is no export, and the
	 * help says where to change it (the finding is at the type). */
	tu_lint("$ORIGIN example.com.\n$TTL 1\n"
		"@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
		"@ 3600 IN NS ns1\nns1 3600 IN A 192.0.2.53\n"
		"@ IN MX 10 mx1\nmx1 IN A 192.0.2.25\n", "TTL002,TTL003", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.v[0].loc.line, 6);
	ck_assert_uint_eq(d.v[0].loc.col, 6);
	ck_assert_str_eq(d.v[0].help, "use a TTL between 300 and 432000 "
			 "seconds; this record gives no TTL of its own: it "
			 "takes the one $TTL or an earlier record sets, so "
			 "change it there");
	ck_assert_str_eq(d.v[1].help, d.v[0].help);
	zl_diags_free(&d);
	/* Without $TTL, after an SOA without TTL, BIND gives the SOA
	 * minimum whatever TTL an earlier record writes (the 3600 of ns1
	 * changes nothing); Knot DNS and NSD give 3600: a $TTL is the fix. */
	tu_lint("$ORIGIN example.com.\n"
		"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 60\n"
		"@ 3600 IN NS ns1\nns1 3600 IN A 192.0.2.53\n"
		"@ IN MX 10 mx1\nmx1 IN A 192.0.2.25\n", "TTL002,TTL003", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.v[0].loc.line, 5);
	ck_assert_str_eq(d.v[0].help, "use a TTL between 300 and 432000 "
			 "seconds; this record gives no TTL of its own and no "
			 "$TTL comes before it: BIND gives it the SOA's "
			 "minimum, Knot DNS and NSD 3600, so write a $TTL");
	ck_assert_str_eq(d.v[1].help, d.v[0].help);
	zl_diags_free(&d);
	/* Without $TTL after a TTL written before the SOA, BIND gives the
	 * last TTL written: the earlier record's */
	tu_lint("$ORIGIN example.com.\n@ 60 IN NS ns1\n"
		"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
		"ns1 IN A 192.0.2.53\n@ IN MX 10 ns1\n", "TTL002,TTL003", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.v[0].help, "use a TTL between 300 and 432000 "
			 "seconds; this record gives no TTL of its own: it "
			 "takes the one $TTL or an earlier record sets, so "
			 "change it there");
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_dmarc_auth)
{
	/* shop and brand are organisational domains of their own (psd=n);
	 * brand consents, shop does not; example.net is out of the zone */
	expect(MAIL "_dmarc.shop IN TXT \"v=DMARC1; psd=n\"\n"
	       "_dmarc.brand IN TXT \"v=DMARC1; psd=n\"\n"
	       "example.com._report._dmarc.brand IN TXT \"v=DMARC1\"\n"
	       "*._report._dmarc.any IN TXT \"v=DMARC1\"\n"
	       "_dmarc.any IN TXT \"v=DMARC1; psd=n\"\n"
	       "_dmarc.x IN TXT \"v=DMARC1; p=none; rua=mailto:a@shop.example"
	       ".com,mailto:a@Brand.example.com,https://any.example.com/r\"\n"
	       "_dmarc.y IN TXT \"v=DMARC1; p=none; rua=mailto:a@example.net,"
	       "mailto:x@sub.shop.example.com\"\n"
	       "_dmarc.shop IN TXT \"v=DMARC1; p=none; rua=mailto:a@example.com\"\n",
	       "DMARC013",
	       "DMARC013:17:40 DMARC013:17:66 DMARC013:18:61 "
	       "DMARC013:19:43");
}
END_TEST

START_TEST(test_dmarc_missing)
{
	expect("@ IN MX 10 mx1\n@ IN MX 20 mx2\nmx1 IN A 192.0.2.25\n"
	       "mx2 IN A 198.51.100.25\n@ IN TXT \"v=spf1 mx include:spf -all\"\n"
	       "spf IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
	       "news IN TXT \"v=spf1 -all\"\n"
	       "null IN MX 0 .\n"
	       "_dmarc.ok IN TXT \"v=DMARC1; p=reject\"\n"
	       "ok IN MX 10 mx1\nok IN MX 20 mx2\n"
	       "a.ok IN MX 10 mx1\na.ok IN MX 20 mx2\n"
	       "deleg IN NS ns.example.net.\nx.deleg IN MX 10 mx1\n",
	       "DMARC015", "DMARC015:6:6");
}
END_TEST

/* ---- DKIM ---- */

#define ED "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
/* a 1024-bit RSA SubjectPublicKeyInfo (RFC 8301 test key size) */
#define RSA1024 "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB"

START_TEST(test_dkim)
{
	expect(MAIL "a._domainkey IN TXT \"v=DKIM1; k=ed25519; p=" ED "\"\n"
	       "b._domainkey IN TXT \"k=ed25519; v=DKIM1; p=" ED "\"\n"
	       "c._domainkey IN TXT \"v=DKIM1; k=ec; p=" ED "\"\n"
	       "d._domainkey IN TXT \"v=DKIM1; h=sha256:sha1:md5; k=ed25519;"
	       " p=" ED "\"\n"
	       "e._domainkey IN TXT \"v=DKIM1; k=ed25519; p=\"\n"
	       "f._domainkey IN TXT \"v=DKIM1; k=ed25519; x=1; p=" ED "\"\n"
	       "g._domainkey IN CNAME g.dkim.example.net.\n"
	       "_domainkey IN TXT \"o=-\"\n"
	       "i._domainkey IN TXT \"v=DKIM1; h=sha1:sha256; p=" RSA1024 "\"\n"
	       "j._domainkey IN TXT \"v=DKIM1; k=ed25519; s=email:tlsrpt; "
	       "p=" ED "\"\n",
	       "DKIM",
	       /* rsa-sha1 only for RSA keys: not on line 15's ed25519 key */
	       "DKIM002:13:33 DKIM003:14:33 DKIM005:15:45 "
	       "DKIM007:16:42 DKIM010:17:42 DKIM004:20:33 DKIM009:20:48");
}
END_TEST

START_TEST(test_dkim_keys)
{
	expect(MAIL "a._domainkey IN TXT \"p=" RSA1024 "\"\n"
	       "b._domainkey IN TXT \"p=" ED "\"\n"
	       "c._domainkey IN TXT \"k=ed25519; p=AAAA\"\n"
	       "d._domainkey IN TXT \"k=ed25519; p=" ED "==\"\n"
	       "e._domainkey IN TXT \"k=ed25519; p=" ED " x\"\n"
	       "f._domainkey IN TXT \"k=ed25519; p=AAA\"\n"
	       "g._domainkey IN TXT \"k=ed25519; p=A\"\n"
	       "h._domainkey IN TXT \"k=ed25519; p=11qY AYKx CrfV S/7T yWQH "
	       "Og7h cvPa piMl rwIa aPcH URo=\"\n",
	       "DKIM006,DKIM008,DKIM009",
	       "DKIM009:12:24 DKIM006:13:24 DKIM006:14:35 DKIM006:15:35 "
	       "DKIM006:16:80 DKIM006:17:35 DKIM006:18:35");
}
END_TEST

/* ---- MTA-STS and TLS-RPT ---- */

START_TEST(test_mtasts)
{
	expect(MAIL "_mta-sts IN TXT \"v=STSv1; id=1; ext-name=x\"\n"
	       "mta-sts IN A 192.0.2.80\n"
	       "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
	       "_mta-sts.a IN TXT \"v=STSv1; id=a_b\"\n"
	       "_mta-sts.a IN TXT \"v=STSv1;id=2\"\n"
	       "_mta-sts.a IN TXT \"v=STSv1 ; id=3\"\n"
	       "_smtp._tls.a IN TXT \"v=TLSRPTv1; rua=https://r.example.com/\"\n"
	       "deleg IN NS ns.example.net.\n"
	       "_mta-sts.deleg IN TXT \"v=STSv1; id=1\"\n",
	       "STS", "STS005:15:20 STS003:15:32 STS004:16:20 STS004:17:20 "
	       "STS002:17:27");
	/* RFC 8461 §3.1: extension names of at most 32 characters, values
	 * without '=' or spaces, no whitespace around '=' */
	expect(MAIL "mta-sts IN A 192.0.2.80\n"
	       "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
	       "_mta-sts IN TXT \"v=STSv1; id=4; more=; test==; "
	       "x123456789012345678901234567890123=1; 9a.b-c_d=ok; id2 = 5\"\n",
	       "STS", "STS001:14:33 STS001:14:45 STS001:14:48 STS001:14:99");
}
END_TEST

START_TEST(test_tlsrpt)
{
	/* _smtp._tls.a: text without v= beside the name's record is
	 * discarded and harmless (RFC 8460 §3), not reported */
	expect(MAIL "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com,"
	       "https://r.example.com/x, ftp://r.example.com/\"\n"
	       "_smtp._tls.a IN TXT \"rua=mailto:t@example.com\"\n"
	       "_smtp._tls.a IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com; "
	       "rua=mailto:u@example.com\"\n"
	       "_smtp._tls.b IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com!10m;"
	       " e-x.t=1; ext=a b\"\n",
	       "TLSRPT", "TLSRPT003:12:82 TLSRPT005:14:60 "
	       "TLSRPT003:15:58 TLSRPT001:15:78");
}
END_TEST

/* ---- DANE ---- */

#define D32 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

START_TEST(test_dane)
{
	expect(MAIL "_25._tcp.mx1 IN TLSA 3 1 1 " D32 "\n"
	       "_25._tcp.mx1 IN TLSA 3 1 2 " D32 "\n"
	       "_25._tcp.mx1 IN TLSA 0 0 1 " D32 "\n"
	       "_25._tcp.www IN TLSA 3 1 1 " D32 "\n"
	       /* matching type 0: the DER data itself, not a digest */
	       "_25._tcp.mx1 IN TLSA 3 1 0 " D32 "\n"
	       "sub IN MX 10 mx3\nsub IN MX 20 mx1\nmx3 IN A 192.0.2.27\n"
	       "_25._tcp.mx9 IN CNAME tlsa.example.net.\n"
	       /* another MX set: none of its targets has TLSA */
	       "other IN MX 10 mx3\n",
	       "DANE",
	       "DANE005:7:12 DANE002:13:28 DANE004:14:22 DANE003:15:17 "
	       "DANE002:16:28 DANE005:17:14");
}
END_TEST

/* RFC 7672 §2.2: a host without TLSA beside hosts with it is partial
 * deployment, a note. */
START_TEST(test_dane_partial)
{
	struct zl_diags d;

	tu_lint(TU_HEAD MAIL "_25._tcp.mx1 IN TLSA 3 1 1 " D32 "\n", "DANE005",
		&d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "DANE005", 7, 12, 0, 0);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_NOTE);
	zl_diags_free(&d);
}
END_TEST

/* ---- BIMI ---- */

START_TEST(test_bimi)
{
	expect(MAIL "default._bimi IN TXT \"v=BIMI1; l=https://e.example/a.SVG?x=1\"\n"
	       "a._bimi IN TXT \"v=BIMI1; l=https://e.example/a\"\n"
	       "b._bimi IN TXT \"v=BIMI1; a=https://e.example/v.pem; l=ftp://e.example/a.svg\"\n"
	       "c._bimi IN TXT \"\"\n"
	       "d._bimi IN TXT \"v=BIMI1; l\"\n"
	       "e._bimi IN TXT \"v=BIMI1; l=https://e.example/logo.svgz; a=; "
	       "lps=true; avp=personal\"\n"
	       "f._bimi IN TXT \"v=BIMI1; l=https://e.example/logo.PNG?v=2; "
	       "avp=Brand; lps=yes\"\n"
	       "g._bimi IN TXT \"v=BIMI1; l=; l=\"\n"
	       "g._bimi IN TXT \"v=BIMI1; l=\"\n"
	       "h._bimi IN TXT \" v=BIMI1; l=\"\n",
	       "BIMI",
	       /* a.: a URL without a suffix may serve SVG */
	       "BIMI003:14:55 BIMI001:15:16 BIMI002:16:26 BIMI003:18:28 "
	       "BIMI005:18:64 BIMI005:18:75 BIMI002:19:30 BIMI004:20:17 "
	       "BIMI001:21:17");
}
END_TEST

/* ---- profile rfc7489 ---- */

/* Lints zone with the built-in rules plus one rule file whose rules have
 * ids starting with T; returns the findings of those rules. */
static void lint_profile(const char *yaml, const char *zone,
			 struct zl_diags *d)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_zone *z = NULL;
	char *text = zl_xasprintf(TU_HEAD "%s", zone), *err = NULL;

	zl_diags_init(d);
	ck_assert_int_eq(zl_ruleset_load_yaml(rs, "t.yaml", yaml, strlen(yaml),
					      zl_checks, zl_ncheck, d), ZL_OK);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	zl_lint(rs, z, d);
	zl_diags_sort(d);
	zl_zone_free(z);
	zl_ruleset_free(rs);
	free(text);
}

#define RULE(id, name, sev, check, params) \
	"  - id: " id "\n    name: t-" name "\n    severity: " sev "\n" \
	"    summary: s\n    scope: record\n" \
	"    select: { type: TXT, owner: '^_dmarc\\.' }\n" \
	"    check: " check "\n    params: " params "\n    message: m\n"

START_TEST(test_profile_rfc7489)
{
	static const char yaml[] = "rules:\n"
		RULE("T001", "a", "note", "dmarc-policy-missing",
		     "{ profile: rfc7489 }")
		RULE("T002", "b", "warning", "dmarc-tags",
		     "{ profile: rfc7489 }\n    variant: unknown")
		RULE("T003", "c", "note", "dmarc-tags",
		     "{ profile: rfc7489 }\n    variant: removed")
		RULE("T004", "d", "note", "dmarc-policy-none",
		     "{ profile: rfc7489 }")
		RULE("T005", "e", "note", "dmarc-policy-position",
		     "{ profile: rfc7489 }")
		"  - id: T006\n    name: t-f\n    severity: note\n"
		"    summary: s\n    scope: record\n"
		"    select: { type: TXT, owner: '^_dmarc\\.c\\.' }\n"
		"    check: dmarc-policy-missing\n"
		"    params: { profile: rfc7489 }\n    message: \"{effect}\"\n";
	struct zl_diags d;

	lint_profile(yaml, MAIL "_dmarc.a IN TXT \"v=DMARC1; np=none; pct=5\"\n"
		     "_dmarc.shop IN TXT \"v=DMARC1; psd=n; p=none\"\n"
		     "_dmarc.b IN TXT \"v=DMARC1; rua=mailto:d@example.com; "
		     "p=none\"\n"
		     "_dmarc.c IN TXT \"v=DMARC1; rua=mailto:d@example.com\"\n",
		     &d);
	ck_assert_uint_eq(d.n, 7);
	tu_at(&d, 0, "T001", 12, 18, 0, 0);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_ERROR);	/* RFC 7489: required */
	tu_at(&d, 1, "T002", 12, 28, 0, 0);		/* np is RFC 9989's */
	tu_at(&d, 2, "T002", 13, 31, 0, 0);		/* and so is psd */
	tu_at(&d, 3, "T005", 13, 38, 0, 0);		/* p not after v */
	ck_assert_int_eq(d.v[3].sev, ZL_SEV_ERROR);
	tu_at(&d, 4, "T005", 14, 54, 0, 0);
	/* §6.6.3: without p, a valid rua makes it p=none */
	tu_at(&d, 5, "T001", 15, 18, 0, 0);
	ck_assert_int_eq(d.v[5].sev, ZL_SEV_WARNING);
	tu_at(&d, 6, "T006", 15, 18, 0, 0);
	ck_assert_ptr_nonnull(strstr(d.v[6].message, "as p=none"));
	ck_assert_ptr_null(strstr(d.v[6].message, "ignore"));
	ck_assert_ptr_null(strstr(d.v[6].message, "no policy"));
	zl_diags_free(&d);
}
END_TEST

/* ---- SPF: provider domains a rule pack lists ---- */

/* A pack's list written as DNS people write names, with a final dot, or
 * with a stray empty entry: a domain as listed is no slip, and nothing is
 * one edit from an empty name. */
START_TEST(test_spf_provider_list)
{
	static const char yaml[] = "rules:\n"
		"  - id: T001\n    name: t-a\n    severity: warning\n"
		"    summary: s\n    scope: record\n    select: { type: TXT }\n"
		"    check: spf-provider-slip\n"
		"    params: { providers: ['_spf.Example.NET.', '', '.'] }\n"
		"    message: \"{provider}\"\n";
	struct zl_diags d;

	lint_profile(yaml, "a IN TXT \"v=spf1 include:_spf.example.net -all\"\n"
		     "b IN TXT \"v=spf1 include:_spf.example.net. -all\"\n"
		     "c IN TXT \"v=spf1 include:_spf.example.nett -all\"\n"
		     "d IN TXT \"v=spf1 include:_SPF.EXAMPLE.NE -all\"\n",
		     &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "T001", 8, 18, 0, 0);
	tu_at(&d, 1, "T001", 9, 18, 0, 0);
	ck_assert_str_eq(d.v[0].message, "_spf.Example.NET.");
	zl_diags_free(&d);
}
END_TEST

Suite *policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("dmarc");

	tcase_add_test(tc, test_dmarc_placement);
	tcase_add_test(tc, test_dmarc_multiple_version);
	tcase_add_test(tc, test_dmarc_tags);
	tcase_add_test(tc, test_dmarc_many_others);
	tcase_add_test(tc, test_dmarc_policy);
	tcase_add_test(tc, test_dmarc_policy_position);
	tcase_add_test(tc, test_dmarc_reports);
	tcase_add_test(tc, test_dmarc_report_count_words);
	tcase_add_test(tc, test_ttl_one_hint);
	tcase_add_test(tc, test_dmarc_auth);
	tcase_add_test(tc, test_dmarc_missing);
	tcase_add_test(tc, test_profile_rfc7489);
	suite_add_tcase(s, tc);
	tc = tcase_create("dkim");
	tcase_add_test(tc, test_dkim);
	tcase_add_test(tc, test_dkim_keys);
	suite_add_tcase(s, tc);
	tc = tcase_create("spf");
	tcase_add_test(tc, test_spf_provider_list);
	suite_add_tcase(s, tc);
	tc = tcase_create("transport");
	tcase_add_test(tc, test_mtasts);
	tcase_add_test(tc, test_tlsrpt);
	tcase_add_test(tc, test_dane);
	tcase_add_test(tc, test_dane_partial);
	tcase_add_test(tc, test_bimi);
	suite_add_tcase(s, tc);
	return s;
}
