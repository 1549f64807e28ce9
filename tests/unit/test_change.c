/* test_change.c - unit tests for what a change does to mail: the mail-impact
 * summary (summary.c) and the rules that compare a zone with its base. */
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "rrtext.h"
#include "suites.h"
#include "testutil.h"

static struct zl_zone *load(const char *text)
{
	struct zl_zone *z = NULL;
	char *err = NULL;

	if (!text)
		return NULL;
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     NULL, &z, &err), ZL_OK);
	free(err);
	return z;
}

/* The summary from base to cur (texts; NULL: no zone). */
static char *summary(const char *base, const char *cur,
		     enum zl_summary_format fmt, const char *title)
{
	struct zl_zone *b = load(base), *c = load(cur);
	char *out = NULL;

	ck_assert_int_eq(zl_summary(b, c, NULL, fmt, title, &out), ZL_OK);
	ck_assert_ptr_nonnull(out);
	zl_zone_free(b);
	zl_zone_free(c);
	return out;
}

static const char base_zone[] = TU_HEAD
	"@ 3600 IN MX 10 mx1\n"
	"@ 3600 IN MX 20 mx2\n"
	"mx1 IN A 192.0.2.1\n"
	"mx2 IN A 192.0.2.2\n"
	"_25._tcp.mx1 IN TLSA 3 1 1 0011\n"
	"@ IN TXT \"v=spf1 mx include:_spf.example.net -all\"\n"
	"_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n"
	"old._domainkey IN TXT \"v=DKIM1; p=AAAA\"\n"
	"rev._domainkey IN TXT \"v=DKIM1; p=BBBB\"\n"
	"_mta-sts IN TXT \"v=STSv1; id=1\"\n"
	"_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
	"www IN A 192.0.2.80\n";

static const char cur_zone[] = TU_HEAD
	"@ 300 IN MX 10 mx1\n"
	"@ 300 IN MX 30 mx3\n"
	"mx1 IN A 192.0.2.11\n"
	"mx3 IN A 192.0.2.3\n"
	"_25._tcp.mx1 IN TLSA 3 1 1 0022\n"
	"@ IN TXT \"v=spf1 mx include:_spf.example.org -all\"\n"
	"_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com,mailto:x@example.org\"\n"
	"new._domainkey IN TXT \"v=DKIM1; p=CCCC\"\n"
	"rev._domainkey IN TXT \"v=DKIM1; p=\"\n"
	"_mta-sts IN TXT \"v=STSv1; id=2\"\n"
	"_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:r@example.com\"\n"
	"www IN A 192.0.2.81\n";

START_TEST(test_summary_text)
{
	char *s = summary(base_zone, cur_zone, ZL_SUMMARY_TEXT, "t.zone");

	ck_assert_str_eq(s, "t.zone\n"
		"  example.com.\n"
		"    MX removed: 20 mx2.example.com.\n"
		"    MX added: 30 mx3.example.com.\n"
		"    MX TTL of example.com.: 3600 -> 300\n"
		"    address of MX host mx1.example.com. removed: 192.0.2.1\n"
		"    address of MX host mx1.example.com. added: 192.0.2.11\n"
		"    DANE TLSA of MX host mx1.example.com. removed: 3 1 1 0011\n"
		"    DANE TLSA of MX host mx1.example.com. added: 3 1 1 0022\n"
		"    address of MX host mx2.example.com. removed: 192.0.2.2\n"
		"    address of MX host mx3.example.com. added: 192.0.2.3\n"
		"    SPF term removed: include:_spf.example.net\n"
		"    SPF term added: include:_spf.example.org\n"
		"    DMARC p=: none -> reject\n"
		"    DMARC rua address added: mailto:x@example.org\n"
		"    DKIM selector added: new\n"
		"    DKIM selector removed: old\n"
		"    DKIM selector revoked: rev\n"
		"    MTA-STS id=: 1 -> 2\n"
		"    TLS-RPT report address removed: mailto:t@example.com\n"
		"    TLS-RPT report address added: mailto:r@example.com\n");
	free(s);
}
END_TEST

/* Nothing mail-related changed: no output at all, not even the title. */
START_TEST(test_summary_empty)
{
	static const char a[] = TU_HEAD "@ IN MX 10 mx1\nmx1 IN A 192.0.2.1\n"
		"www IN A 192.0.2.80\n";
	static const char b[] = TU_HEAD "@ IN MX 10 mx1\nmx1 IN A 192.0.2.1\n"
		"www IN A 192.0.2.81\nftp IN CNAME www\n";
	char *s = summary(a, b, ZL_SUMMARY_MARKDOWN, "t.zone");

	ck_assert_str_eq(s, "");
	free(s);
	s = summary(NULL, NULL, ZL_SUMMARY_TEXT, "t.zone");
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* A zone added or deleted: everything it has is added or removed; a null
 * MX is said as such. */
START_TEST(test_summary_added_deleted)
{
	static const char z[] = TU_HEAD "@ IN MX 0 .\n"
		"@ IN TXT \"v=spf1 -all\"\n";
	char *s = summary(NULL, z, ZL_SUMMARY_TEXT, NULL);

	ck_assert_str_eq(s, "  example.com.\n"
		"    null MX published\n"
		"    SPF record at example.com. published: v=spf1 -all\n");
	free(s);
	s = summary(z, NULL, ZL_SUMMARY_TEXT, NULL);
	ck_assert_str_eq(s, "  example.com.\n"
		"    null MX removed\n"
		"    SPF record at example.com. removed: v=spf1 -all\n");
	free(s);
}
END_TEST

/* A change the tags looked at do not show is said with both records. */
START_TEST(test_summary_whole)
{
	static const char a[] = TU_HEAD
		"_dmarc IN TXT \"v=DMARC1; p=none\"\n";
	static const char b[] = TU_HEAD
		"_dmarc IN TXT \"v=DMARC1; p=none; fo=1\"\n";
	char *s = summary(a, b, ZL_SUMMARY_TEXT, NULL);

	ck_assert_str_eq(s, "  example.com.\n"
		"    DMARC record at _dmarc.example.com. changed: "
		"v=DMARC1; p=none -> v=DMARC1; p=none; fo=1\n");
	free(s);
}
END_TEST

/* Where an include added goes: its target's SPF record, in the zone itself
 * or in another zone of the set; a target no zone holds says nothing. */
START_TEST(test_summary_spf_targets)
{
	static const char a[] = TU_HEAD "@ IN TXT \"v=spf1 mx -all\"\n";
	static const char b[] = TU_HEAD
		"@ IN TXT \"v=spf1 mx include:_spf.example.com include:_spf.example.net "
		"include:_spf.example.org -all\"\n"
		"_spf IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n";
	static const char net[] = "$ORIGIN example.net.\n$TTL 3600\n"
		"@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n";
	struct zl_zoneset *set = zl_zoneset_new();
	struct zl_zone *zb = load(a), *zc = load(b);
	char *s = NULL;

	ck_assert_int_eq(zl_zoneset_add(set, load(net)), ZL_OK);
	ck_assert_int_eq(zl_summary(zb, zc, set, ZL_SUMMARY_TEXT, NULL, &s),
			 ZL_OK);
	ck_assert_str_eq(s, "  example.com.\n"
		"    SPF term added: include:_spf.example.com\n"
		"    SPF term added: include:_spf.example.net\n"
		"    SPF term added: include:_spf.example.org\n"
		"    SPF DNS lookups of example.com.: 1 -> 4\n"
		"    SPF include target _spf.example.com. (zone example.com.): "
		"v=spf1 ip4:192.0.2.0/24 -all\n"
		"    SPF include target _spf.example.net. (zone example.net.): "
		"no SPF record\n");
	free(s);
	zl_zone_free(zb);
	zl_zone_free(zc);
	zl_zoneset_free(set);
}
END_TEST

/* The texts of records of the text-string types, whose strings are read
 * from the source: TXT and the old SPF type alike. */
START_TEST(test_rrtexts_strings)
{
	struct zl_zone *z = load("$ORIGIN example.com.\n$TTL 60\n"
				 "a SPF \"v=spf1 \" \"-all\"\n"
				 "a TXT x\\059y\n");
	struct zl_rrtexts t;
	char *line;

	zl_rrtexts_at(&t, z, "a.example.com.", LDNS_RR_TYPE_SPF, NULL);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_str_eq(t.v[0].text, "v=spf1 -all");
	line = zl_rrtext_line(z, t.v[0].rr, 72);
	ck_assert_str_eq(line, "a.example.com. 60 SPF \"v=spf1 -all\"");
	free(line);
	zl_rrtexts_free(&t);
	zl_rrtexts_at(&t, z, "a.example.com.", LDNS_RR_TYPE_TXT, NULL);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_str_eq(t.v[0].text, "x;y");
	zl_rrtexts_free(&t);
	zl_zone_free(z);
}
END_TEST

/* Zone data cannot end a Markdown code span nor carry control bytes. */
START_TEST(test_summary_markdown_hostile)
{
	static const char z[] = TU_HEAD
		"@ IN TXT \"v=spf1 include:a`b.example\\027[31m -all\"\n";
	char *s = summary(NULL, z, ZL_SUMMARY_MARKDOWN, "x`y.zone");

	ck_assert_str_eq(s, "### `x\\096y.zone`\n\n"
		"**`example.com.`**\n\n"
		"- SPF record at `example.com.` published: "
		"`v=spf1 include:a\\096b.example\\027[31m -all`\n\n");
	free(s);
}
END_TEST

/* ---- the rules ---- */

/* Lints cur against base with the built-in rules `only` selects; d gets
 * the sorted findings (free with zl_diags_free). */
static void lint_change(const char *base, const char *cur, const char *only,
			struct zl_diags *d)
{
	struct zl_zone *b = load(base), *c = load(cur);
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_lint_opts o = { .base = b };
	struct zl_diags errs;

	zl_diags_init(&errs);
	zl_diags_init(d);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	ck_assert_int_eq(zl_ruleset_select(rs, only, &errs), ZL_OK);
	ck_assert_int_eq(zl_lint_with(rs, c, &o, d), ZL_OK);
	zl_diags_sort(d);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
	zl_zone_free(b);
	zl_zone_free(c);
}

/* The ids and lines of d as "ID:LINE ..." for one comparison. */
static char *found(const struct zl_diags *d)
{
	static char buf[512];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < d->n && n < sizeof buf - 32; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s:%u",
				      i ? " " : "", d->v[i].id ? d->v[i].id :
				      "-", (unsigned)d->v[i].loc.line);
	return buf;
}

/* Lines 6 on, after TU_HEAD (lines 1-5). */
START_TEST(test_mx_within_ttl)
{
	static const char a[] = TU_HEAD "@ 86400 IN MX 10 mx1\n"
		"mx1 86400 IN A 192.0.2.1\nmx2 IN A 192.0.2.2\n";
	static const char b[] = TU_HEAD "@ 86400 IN MX 10 mx2\n"
		"mx1 86400 IN A 192.0.2.9\nmx2 IN A 192.0.2.2\n";
	static const char c[] = TU_HEAD "@ 300 IN MX 10 mx1\n"
		"mx1 300 IN A 192.0.2.1\nmx2 IN A 192.0.2.2\n";
	static const char d2[] = TU_HEAD "@ 300 IN MX 20 mx2\n"
		"mx1 300 IN A 192.0.2.7\nmx2 IN A 192.0.2.2\n";
	struct zl_diags d;

	/* the set and the old target's address: both at their records */
	lint_change(a, b, "CHG", &d);
	ck_assert_str_eq(found(&d), "CHG001:6 CHG001:7");
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].notes[0].message,
				     "example.com. 86400 MX 10 mx1.example.com."));
	zl_diags_free(&d);
	/* the same change under a TTL of 300: nothing */
	lint_change(c, d2, "CHG", &d);
	ck_assert_str_eq(found(&d), "");
	zl_diags_free(&d);
	/* no base: nothing */
	lint_change(NULL, b, "CHG", &d);
	ck_assert_str_eq(found(&d), "");
	zl_diags_free(&d);
	/* a zone unchanged is never reported */
	lint_change(a, a, "CHG", &d);
	ck_assert_str_eq(found(&d), "");
	zl_diags_free(&d);
	/* a base of another origin is another zone: not compared */
	lint_change("$ORIGIN example.org.\n$TTL 3600\n"
		    "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
		    "@ 86400 IN MX 10 mx9\n", b, "CHG", &d);
	ck_assert_str_eq(found(&d), "");
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_policy_within_ttl)
{
	static const char a[] = TU_HEAD "@ 7200 IN TXT \"v=spf1 mx -all\"\n"
		"_dmarc 7200 IN TXT \"v=DMARC1; p=none\"\n"
		"www 7200 IN TXT \"hello\"\n";
	static const char b[] = TU_HEAD "@ 7200 IN TXT \"v=spf1 a mx -all\"\n"
		"_dmarc 7200 IN TXT \"v=DMARC1; p=reject\"\n"
		"www 7200 IN TXT \"bye\"\n";
	static const char c[] = TU_HEAD "www 7200 IN TXT \"hello\"\n";
	struct zl_diags d;

	lint_change(a, b, "CHG", &d);
	ck_assert_str_eq(found(&d), "CHG002:6 CHG003:7");
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_NOTE);
	zl_diags_free(&d);
	/* both removed: at the SOA (line 3), with the old record quoted */
	lint_change(a, c, "CHG002,CHG003", &d);
	ck_assert_str_eq(found(&d), "CHG002:3 CHG003:3");
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_dkim_selector_removed)
{
	static const char a[] = TU_HEAD
		"s1._domainkey IN TXT \"v=DKIM1; p=AAAA\"\n"
		"s2._domainkey IN TXT \"v=DKIM1; p=\"\n"
		"s3._domainkey IN CNAME s3.dkim.example.net.\n"
		"s4._domainkey IN TXT \"v=DKIM1; p=BBBB\"\n"
		"s5._domainkey IN TXT \"v=DKIM1; p=CCCC\"\n";
	static const char b[] = TU_HEAD
		"s4._domainkey IN TXT \"v=DKIM1; p=\"\n"
		"s5._domainkey IN TXT \"v=DKIM1; p=DDDD\"\n";
	struct zl_diags d;

	/* s1 and s3 gone with keys; s2 was revoked; s4 revoked now; s5 kept */
	lint_change(a, b, "CHG004", &d);
	ck_assert_str_eq(found(&d), "CHG004:3 CHG004:3");
	/* sorted by message: s1 before s3 */
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'s1._domainkey."));
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "'s3._domainkey."));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_mx_removed)
{
	static const char a[] = TU_HEAD "@ IN MX 10 mx1\nmx1 IN A 192.0.2.1\n"
		"www IN MX 10 mx1\nwww IN A 192.0.2.80\n"
		"lists IN MX 10 mx1\nlists IN TXT \"v=spf1 ip4:192.0.2.1 -all\"\n"
		"old IN MX 10 mx1\nold IN TXT \"v=spf1 -all\"\n";
	static const char b[] = TU_HEAD "@ IN MX 10 mx1\nmx1 IN A 192.0.2.1\n"
		"www IN A 192.0.2.80\n"
		"lists IN TXT \"v=spf1 ip4:192.0.2.1 -all\"\n"
		"old IN TXT \"v=spf1 -all\"\n";
	static const char c[] = TU_HEAD "@ IN MX 10 mx1\nmx1 IN A 192.0.2.1\n"
		"www IN MX 0 .\nwww IN A 192.0.2.80\n";
	struct zl_diags d;

	lint_change(a, b, "CHG005", &d);
	ck_assert_str_eq(found(&d), "CHG005:8 CHG005:9");
	zl_diags_free(&d);
	/* a null MX instead: nothing */
	lint_change(a, c, "CHG005", &d);
	ck_assert_str_eq(found(&d), "");
	zl_diags_free(&d);
}
END_TEST

Suite *change_suite(void)
{
	Suite *s = suite_create("change");
	TCase *tc = tcase_create("summary");

	tcase_add_test(tc, test_summary_text);
	tcase_add_test(tc, test_summary_empty);
	tcase_add_test(tc, test_summary_added_deleted);
	tcase_add_test(tc, test_summary_markdown_hostile);
	tcase_add_test(tc, test_rrtexts_strings);
	tcase_add_test(tc, test_summary_whole);
	tcase_add_test(tc, test_summary_spf_targets);
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_test(tc, test_mx_within_ttl);
	tcase_add_test(tc, test_policy_within_ttl);
	tcase_add_test(tc, test_dkim_selector_removed);
	tcase_add_test(tc, test_mx_removed);
	suite_add_tcase(s, tc);
	return s;
}
