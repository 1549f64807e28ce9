/* test_checks.c - each check primitive on small zones, positions asserted. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "zonelint.h"

#define HEAD TU_HEAD

START_TEST(test_load_errors)
{
	struct zl_diags d;

	tu_lint(HEAD "a IN A 192.0.2.300\n"
	     "@ IN MX 70000 mail\n"
	     "mail IN A 192.0.2.25\n"
	     "b IN BOGUS x\n", "ZONE", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "ZONE001", 6, 8, 0, 19);
	tu_at(&d, 1, "ZONE002", 7, 9, 0, 14);
	tu_at(&d, 2, "ZONE001", 9, 6, 0, 11);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "70000"));
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_ERROR);
	zl_diags_free(&d);
}
END_TEST

/* A policy pasted at another service's underscore name belongs under
 * the domain that name serves. */
START_TEST(test_placement_served)
{
	struct zl_diags d;
	size_t i;

	tu_lint(HEAD "_smtp._tls IN TXT \"v=STSv1; id=1\"\n"
	     "_mta-sts IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
	     "x._domainkey IN TXT \"v=BIMI1; l=https://example.com/l.svg\"\n"
	     "_mta-sts.sub IN TXT \"v=DMARC1; p=reject\"\n",
	     "STS008,TLSRPT006,BIMI006,DMARC001", &d);
	ck_assert_uint_eq(d.n, 4);
	for (i = 0; i < d.n; i++)
		ck_assert_msg(strstr(d.v[i].message, i == 0 ?
				     "'_mta-sts.example.com.'" : i == 1 ?
				     "'_smtp._tls.example.com.'" : i == 2 ?
				     "'default._bimi.example.com.'" :
				     "'_dmarc.sub.example.com.'"),
			      "%s", d.v[i].message);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_target_is_address)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 192.0.2.25\n"
	     "@ IN MX 20 2001:db8::25.\n"
	     "@ IN MX 30 mail\n"
	     "@ IN MX 40 192-0-2-25.example.net.\n"
	     "mail IN A 192.0.2.25\n", "MX001", &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "MX001", 6, 12, 0, 22);
	tu_at(&d, 1, "MX001", 7, 12, 0, 25);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'192.0.2.25'"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_target_not_alias)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 smtp\n"
	     "smtp IN CNAME mail\n"
	     "mail IN A 192.0.2.25\n"
	     "@ IN MX 20 mail\n"
	     "@ IN MX 30 out.example.net.\n", "MX002", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "MX002", 6, 12, 0, 16);
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	ck_assert_uint_eq(d.v[0].notes[0].loc.line, 7);
	ck_assert_uint_eq(d.v[0].notes[0].loc.col, 9);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "mail.example.com."));
	ck_assert_ptr_nonnull(d.v[0].help);
	zl_diags_free(&d);
}
END_TEST

/* An alias of an alias: the finding names the canonical name at the end
 * of the chain (RFC 2181 §10.3), with a note at its last link; a loop,
 * and a chain a DNAME makes too long, have none, and the next link
 * stands, with a note saying so. */
START_TEST(test_target_not_alias_chain)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 a1\n"
	     "a1 IN CNAME a2\n"
	     "a2 IN CNAME mail\n"
	     "mail IN A 192.0.2.25\n"
	     "b IN MX 10 l1\n"
	     "l1 IN CNAME l2\n"
	     "l2 IN CNAME l3\n"
	     "l3 IN CNAME l2\n"
	     "c IN MX 10 x.old\n"
	     "old IN DNAME new\n"
	     "x.new IN CNAME o1\n"
	     "o1 IN CNAME mx.example.net.\n"
	     "d IN MX 10 x.grow\n"
	     "grow IN DNAME aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.grow.example.com.\n", "MX002", &d);
	ck_assert_uint_eq(d.n, 4);
	tu_at(&d, 0, "MX002", 6, 12, 0, 14);
	ck_assert_ptr_nonnull(strstr(d.v[0].message,
				     "alias for 'mail.example.com.'"));
	ck_assert_ptr_nonnull(strstr(d.v[0].help, "'mail.example.com.'"));
	ck_assert_uint_eq(d.v[0].nnotes, 2);
	ck_assert_uint_eq(d.v[0].notes[1].loc.line, 8);
	tu_at(&d, 1, "MX002", 10, 12, 0, 14);
	ck_assert_ptr_nonnull(strstr(d.v[1].message,
				     "alias for 'l2.example.com.'"));
	ck_assert_uint_eq(d.v[1].nnotes, 2);
	ck_assert_ptr_nonnull(strstr(d.v[1].notes[1].message, "loop"));
	tu_at(&d, 2, "MX002", 14, 12, 0, 17);
	ck_assert_ptr_nonnull(strstr(d.v[2].message,
				     "alias for 'mx.example.net.'"));
	ck_assert_uint_eq(d.v[2].nnotes, 2);
	ck_assert_uint_eq(d.v[2].notes[1].loc.line, 17);
	/* the DNAME makes ever longer names, until one is too long */
	tu_at(&d, 3, "MX002", 18, 12, 0, 18);
	ck_assert_uint_eq(d.v[3].nnotes, 2);
	ck_assert_ptr_nonnull(strstr(d.v[3].notes[1].message, "255 octets"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_cname_exclusive)
{
	struct zl_diags d;

	tu_lint(HEAD "www IN CNAME web.example.net.\n"
	     "WWW IN MX 10 mx.example.net.\n"
	     "www IN TXT \"x\"\n"
	     "ok IN CNAME web.example.net.\n"
	     "ok IN RRSIG CNAME 8 3 3600 20261231000000 20261201000000 "
	     "1 example.com. aGVsbG8=\n", "CNAME001", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "CNAME001", 6, 8, 0, 13);
	ck_assert_uint_eq(d.v[0].nnotes, 2);
	ck_assert_uint_eq(d.v[0].notes[0].loc.line, 7);
	ck_assert_uint_eq(d.v[0].notes[1].loc.line, 8);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "MX, TXT"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_mx_target_resolves)
{
	struct zl_diags d;

	/* mx0 is the nolisting primary: left to MX014, not MX003 */
	tu_lint(HEAD "@ IN MX 10 mx0\n"
	     "@ IN MX 20 mx1\n"
	     "@ IN MX 30 none\n"
	     "mx0 IN TXT \"x\"\n"
	     "mx1 IN A 192.0.2.25\n"
	     "b IN MX 10 lo\n"
	     "lo IN A 127.0.0.2\n", "MX003,MX006,MX014,MX015", &d);
	/* b's sole exchanger is MX006's alone, not MX015's too */
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "MX014", 6, 12, 0, 15);
	tu_at(&d, 1, "MX003", 8, 12, 0, 16);
	tu_at(&d, 2, "MX006", 11, 12, 0, 14);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_name_repeats_origin)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 mx1.example.com\n"
	     "@ IN MX 20 mx2\n"
	     "www.example.com IN CNAME web.example.net.\n"
	     "w2 IN CNAME host.example.com\n", "MX004,NAME", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "MX004", 6, 12, 0, 27);
	ck_assert_str_eq(d.v[0].fixit, "mx1.example.com.");
	ck_assert_ptr_nonnull(strstr(d.v[0].message,
				     "mx1.example.com.example.com."));
	tu_at(&d, 1, "NAME002", 8, 1, 0, 16);
	tu_at(&d, 2, "NAME001", 9, 13, 0, 29);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_cname_chain)
{
	struct zl_diags d;

	tu_lint(HEAD "a IN CNAME b\n"
	     "b IN CNAME a\n"
	     "c IN CNAME d\n"
	     "d IN CNAME web.example.net.\n"
	     "e IN CNAME gone\n", "CNAME004,CNAME005,CNAME006", &d);
	ck_assert_uint_eq(d.n, 4);
	tu_at(&d, 0, "CNAME004", 6, 12, 0, 13);
	ck_assert_ptr_nonnull(strstr(d.v[0].message,
		"a.example.com. -> b.example.com. -> a.example.com."));
	tu_at(&d, 1, "CNAME004", 7, 12, 0, 13);
	tu_at(&d, 2, "CNAME005", 8, 12, 0, 13);
	tu_at(&d, 3, "CNAME006", 10, 12, 0, 16);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_ttl_rules)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 mx1\n"
	     "@ 300 IN MX 20 mx2\n"
	     "mx1 60 IN A 192.0.2.25\n"
	     "mx2 IN A 192.0.2.26\n"
	     "x 0 IN TXT \"v=spf1 -all\"\n", "TTL", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "TTL001", 7, 3, 0, 6);
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	ck_assert_uint_eq(d.v[0].notes[0].loc.line, 6);
	tu_at(&d, 1, "TTL003", 8, 5, 0, 7);
	tu_at(&d, 2, "TTL004", 10, 3, 0, 4);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_redundancy)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN MX 10 mx1\n"
	     "a IN MX 10 mx1\n"
	     "a IN MX 20 mx2\n"
	     "b IN MX 10 x.mail.protection.outlook.com.\n"
	     "c IN MX 0 .\n"
	     "c IN MX 10 mx1\n"
	     "mx1 IN A 192.0.2.25\n"
	     "mx2 IN A 192.0.2.25\n", "MX009,MX010,MX011", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "MX009", 6, 12, 0, 15);
	tu_at(&d, 1, "MX010", 7, 12, 0, 15);
	tu_at(&d, 2, "MX011", 10, 11, 0, 12);
	zl_diags_free(&d);
}
END_TEST

/* Lints text against its base version (as file "t.zone", ZONE011 only,
 * on 2026-12-03); d as tu_lint gives it. */
static void serial_lint(const char *base, const char *text,
			struct zl_diags *d)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zone *z = NULL, *b = NULL;
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_lint_opts lo = { .now = 1796299200 };
	char *err = NULL;

	zl_diags_init(d);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, d), ZL_OK);
	ck_assert_int_eq(zl_ruleset_select(rs, "ZONE011", d), ZL_OK);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	if (base)
		ck_assert_int_eq(zl_zone_load_buffer("t.zone", base,
						     strlen(base), &opts, &b,
						     &err), ZL_OK);
	lo.base = b;
	ck_assert_int_eq(zl_lint_with(rs, z, &lo, d), ZL_OK);
	zl_diags_sort(d);
	zl_zone_free(b);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}

#define SERIAL_A "@ IN NS ns1\nns1 IN A 192.0.2.53\n"
#define SERIAL_B "@ IN NS ns1\nns1 IN A 192.0.2.54\n"
#define SERIAL_ZONE(serial, rest) "$ORIGIN example.com.\n$TTL 3600\n" \
	"@ IN SOA ns1 hostmaster " serial " 7200 3600 1209600 3600\n" rest

/* The fix-it of the one ZONE011 finding of text against base, or NULL
 * when there is none. */
static void serial_fix(const char *base, const char *text, const char *fix)
{
	struct zl_diags d;

	serial_lint(base, text, &d);
	if (!fix) {
		ck_assert_uint_eq(d.n, 0);
	} else {
		ck_assert_uint_eq(d.n, 1);
		tu_at(&d, 0, "ZONE011", 3, 25, 3, 0);
		ck_assert_str_eq(d.v[0].fixit, fix);
	}
	zl_diags_free(&d);
}

/* A private key published for the public one (PKCS #1 RSAPrivateKey
 * here, a version 0 then the modulus) is said to be one: it is no damaged
 * public key, and whoever reads it can sign as the domain. */
START_TEST(test_dkim_private_key)
{
	struct zl_diags d;

	tu_lint(HEAD "s._domainkey IN TXT \"v=DKIM1; k=rsa; p=MAYCAQACAQU=\"\n",
		"DKIM006", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "DKIM006", 6, 40, 0, 0);
	ck_assert_msg(strstr(d.v[0].message, "a private key"), "%s",
		      d.v[0].message);
	zl_diags_free(&d);
}
END_TEST

/* The CNAME target a mail service gives for a selector, pasted into a
 * TXT record, is said to be one, over the whole text, not a tag without
 * '='; a word without dots is still such a tag. */
START_TEST(test_dkim_cname_target_as_txt)
{
	struct zl_diags d;

	tu_lint(HEAD "s1._domainkey IN TXT \"s1.domainkey.u1.wl.sendgrid.net.\"\n"
		     "x._domainkey IN TXT \"revoked\"\n", "DKIM001", &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "DKIM001", 6, 23, 6, 55);
	ck_assert_msg(strstr(d.v[0].message, "host name "
			     "'s1.domainkey.u1.wl.sendgrid.net.'") &&
		      strstr(d.v[0].message, "CNAME"), "%s", d.v[0].message);
	ck_assert_msg(!strstr(d.v[1].message, "host name"), "%s",
		      d.v[1].message);
	zl_diags_free(&d);
	/* an address, a label over 63 bytes: no host name (RFC 1123 §2.1,
	 * RFC 3696 §2: a top-level label is not all digits) */
	tu_lint(HEAD "a._domainkey IN TXT \"192.0.2.1\"\n"
		     "b._domainkey IN TXT \"x234567890123456789012345678901"
		     "2345678901234567890123456789012345.b.c\"\n", "DKIM001", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_msg(!strstr(d.v[0].message, "host name"), "%s",
		      d.v[0].message);
	ck_assert_msg(!strstr(d.v[1].message, "host name"), "%s",
		      d.v[1].message);
	zl_diags_free(&d);
}
END_TEST

/* What guides write in place of the key is called a placeholder, at the
 * whole value, not a bad base64 character in it. */
START_TEST(test_dkim_placeholder)
{
	struct zl_diags d;
	size_t i;

	tu_lint(HEAD "a._domainkey IN TXT \"v=DKIM1; k=rsa; p=TOKEN\"\n"
		     "b._domainkey IN TXT \"v=DKIM1; k=rsa; p=<public key>\"\n"
		     "c._domainkey IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3...\"\n"
		     "d._domainkey IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0G*SqGSIb3DQEB\"\n",
		"DKIM006", &d);
	ck_assert_uint_eq(d.n, 4);
	for (i = 0; i < 3; i++)
		ck_assert_msg(strstr(d.v[i].message, "placeholder"), "%s",
			      d.v[i].message);
	tu_at(&d, 0, "DKIM006", 6, 40, 6, 45);
	/* a key with a stray character is no placeholder */
	ck_assert_msg(!strstr(d.v[3].message, "placeholder"), "%s",
		      d.v[3].message);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_serial_increase)
{
	struct zl_diags d;

	/* No base, or the same records: nothing. */
	serial_fix(NULL, SERIAL_ZONE("7", SERIAL_A), NULL);
	serial_fix(SERIAL_ZONE("7", SERIAL_A),
		   SERIAL_ZONE("7", "ns1.example.com. 3600 IN A 192.0.2.53 ; c\n"
			       "@ IN NS NS1\n@ IN NS ns1.example.com.\n"),
		   NULL);
	/* A TTL, a class-less record's rdata: changes. */
	serial_fix(SERIAL_ZONE("7", SERIAL_A),
		   SERIAL_ZONE("7", "@ IN NS ns1\nns1 60 IN A 192.0.2.53\n"),
		   "8");
	/* TXT strings compare by their bytes, escapes undone: the same
	 * string written with an escape is no change, one string split in
	 * two is. */
	serial_fix(SERIAL_ZONE("7", SERIAL_A "t IN TXT \"a;b\"\n"),
		   SERIAL_ZONE("7", SERIAL_A "t IN TXT a\\059b\n"), NULL);
	serial_fix(SERIAL_ZONE("7", SERIAL_A "t IN TXT \"ab\"\n"),
		   SERIAL_ZONE("7", SERIAL_A "t IN TXT \"a\" \"b\"\n"), "8");
	/* Each style's next serial. */
	serial_fix(SERIAL_ZONE("7", SERIAL_A), SERIAL_ZONE("7", SERIAL_B), "8");
	serial_fix(SERIAL_ZONE("4294967295", SERIAL_A), SERIAL_ZONE("4294967295", SERIAL_B),
		   "1");
	serial_fix(SERIAL_ZONE("2026120305", SERIAL_A), SERIAL_ZONE("2026120305", SERIAL_B),
		   "2026120306");
	serial_fix(SERIAL_ZONE("2025010101", SERIAL_A), SERIAL_ZONE("2025010101", SERIAL_B),
		   "2026120300");
	serial_fix(SERIAL_ZONE("1700000000", SERIAL_A), SERIAL_ZONE("1700000000", SERIAL_B),
		   "1796299200");
	/* RFC 1982: up wraps, down and 2^31 ahead do not. */
	serial_fix(SERIAL_ZONE("4294967295", SERIAL_A), SERIAL_ZONE("3", SERIAL_B), NULL);
	serial_fix(SERIAL_ZONE("8", SERIAL_A), SERIAL_ZONE("7", SERIAL_B), "9");
	serial_fix(SERIAL_ZONE("0", SERIAL_A), SERIAL_ZONE("2147483648", SERIAL_B), "1");
	serial_fix(SERIAL_ZONE("0", SERIAL_A), SERIAL_ZONE("2147483647", SERIAL_B), NULL);
	/* Exactly 2^31 ahead, records the same: flagged, but as a comparison
	 * RFC 1982 §3.2 leaves undefined, not as a serial lowered. */
	serial_lint(SERIAL_ZONE("100", SERIAL_A),
		    SERIAL_ZONE("2147483748", SERIAL_A), &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "ZONE011", 3, 25, 3, 0);
	ck_assert_msg(strstr(d.v[0].message, "undefined") &&
		      !strstr(d.v[0].message, "lowered"), "%s",
		      d.v[0].message);
	zl_diags_free(&d);
	serial_lint(SERIAL_ZONE("100", SERIAL_A), SERIAL_ZONE("99", SERIAL_A),
		    &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_msg(strstr(d.v[0].message, "lowered"), "%s",
		      d.v[0].message);
	zl_diags_free(&d);
}
END_TEST

Suite *checks_suite(void)
{
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("primitives");

	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_serial_increase);
	tcase_add_test(tc, test_target_is_address);
	tcase_add_test(tc, test_placement_served);
	tcase_add_test(tc, test_target_not_alias);
	tcase_add_test(tc, test_target_not_alias_chain);
	tcase_add_test(tc, test_cname_exclusive);
	tcase_add_test(tc, test_mx_target_resolves);
	tcase_add_test(tc, test_name_repeats_origin);
	tcase_add_test(tc, test_cname_chain);
	tcase_add_test(tc, test_ttl_rules);
	tcase_add_test(tc, test_redundancy);
	tcase_add_test(tc, test_dkim_private_key);
	tcase_add_test(tc, test_dkim_placeholder);
	tcase_add_test(tc, test_dkim_cname_target_as_txt);
	suite_add_tcase(s, tc);
	return s;
}
