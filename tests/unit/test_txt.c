/* test_txt.c - joining TXT character-strings and mapping back to source. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suites.h"
#include "tagvalue.h"
#include "txt.h"
#include "zonelint.h"

/* The token [off, off + len) of a source buffer. */
static struct zl_tok tk(uint32_t off, uint32_t len)
{
	struct zl_tok t = { off, len };

	return t;
}

/* Offset of the first occurrence of needle in src. */
static uint32_t at(const char *src, const char *needle)
{
	const char *p = strstr(src, needle);

	ck_assert_ptr_nonnull(p);
	return (uint32_t)(p - src);
}

START_TEST(test_txt_add)
{
	/*                  0         1         2         3
	 *                  0123456789012345678901234567890123456 */
	const char *src = "x TXT \"v=spf1 a\" \"\\032mx\" bare\\;x \"\"";
	struct zl_txt t;

	zl_txt_init(&t, src);
	zl_txt_add(&t, tk(6, 10));	/* "v=spf1 a" */
	zl_txt_add(&t, tk(17, 8));	/* "\032mx" */
	zl_txt_add(&t, tk(26, 7));	/* bare\;x */
	zl_txt_add(&t, tk(34, 2));	/* "" */
	ck_assert_uint_eq(t.len, 8 + 3 + 6);
	ck_assert_mem_eq(t.s, "v=spf1 a mxbare;x", 17);
	ck_assert_int_eq(t.s[t.len], '\0');
	ck_assert_uint_eq(t.nparts, 4);
	ck_assert_uint_eq(t.parts[1].at, 8);
	ck_assert_uint_eq(t.parts[1].len, 3);
	ck_assert_uint_eq(t.parts[3].at, 17);
	ck_assert_uint_eq(t.parts[3].len, 0);
	/* every byte maps to where it is written */
	ck_assert_uint_eq(zl_txt_tok(&t, 0, 1).off, 7);
	ck_assert_uint_eq(zl_txt_tok(&t, 7, 8).off, 14);
	ck_assert_uint_eq(zl_txt_tok(&t, 8, 9).off, 18);	/* \032 */
	ck_assert_uint_eq(zl_txt_tok(&t, 8, 9).len, 4);
	ck_assert_uint_eq(zl_txt_tok(&t, 9, 10).off, 22);
	ck_assert_uint_eq(zl_txt_tok(&t, 15, 16).off, 30);	/* \; */
	ck_assert_uint_eq(zl_txt_tok(&t, 15, 16).len, 2);
	ck_assert_uint_eq(zl_txt_tok(&t, 16, 17).off, 32);
	zl_txt_free(&t);
	zl_txt_free(&t);
	zl_txt_free(NULL);
}
END_TEST

START_TEST(test_txt_tok)
{
	const char *src = "@ TXT ( \"v=spf1 ip4:192.0.2.0/28\"\n"
			  "\t\"include:_spf.example.com\" \"\\037{d}\\\"x\" )";
	struct zl_txt t;
	struct zl_tok r;
	uint32_t s1 = at(src, "\"v=spf1"), s2 = at(src, "\"include"),
		 s3 = at(src, "\"\\037");

	zl_txt_init(&t, src);
	zl_txt_add(&t, tk(s1, 25));
	zl_txt_add(&t, tk(s2, 26));
	zl_txt_add(&t, tk(s3, 12));
	ck_assert_str_eq(t.s, "v=spf1 ip4:192.0.2.0/28include:_spf.example.com"
			 "%{d}\"x");
	/* "v=spf1" */
	r = zl_txt_tok(&t, 0, 6);
	ck_assert_uint_eq(r.off, s1 + 1);
	ck_assert_uint_eq(r.len, 6);
	/* the term that spans two strings and a line break */
	r = zl_txt_tok(&t, 7, 47);
	ck_assert_uint_eq(r.off, s1 + 8);
	ck_assert_uint_eq(r.off + r.len, s2 + 25);
	/* an escape maps to all of its source bytes */
	r = zl_txt_tok(&t, 47, 48);
	ck_assert_uint_eq(r.off, s3 + 1);
	ck_assert_uint_eq(r.len, 4);
	r = zl_txt_tok(&t, 51, 52);	/* \" */
	ck_assert_uint_eq(r.off, s3 + 8);
	ck_assert_uint_eq(r.len, 2);
	r = zl_txt_tok(&t, 47, 53);
	ck_assert_uint_eq(r.len, 10);
	/* empty and out-of-range spans */
	r = zl_txt_tok(&t, 7, 7);
	ck_assert_uint_eq(r.off, s1 + 8);
	ck_assert_uint_eq(r.len, 0);
	r = zl_txt_tok(&t, t.len, t.len + 5);
	ck_assert_uint_eq(r.off, s3 + 11);
	ck_assert_uint_eq(r.len, 0);
	r = zl_txt_tok(&t, 50, 999);
	ck_assert_uint_eq(r.off + r.len, s3 + 11);
	zl_txt_free(&t);
}
END_TEST

START_TEST(test_txt_joins)
{
	const char *src = "\"v=spf1 ip4:192.0.2.0/28\" \"include:a.example\" "
			  "\"\" \" -all\"";
	struct zl_txt t;
	struct zl_buf b = { 0 };

	zl_txt_init(&t, src);
	zl_txt_add(&t, tk(0, 25));
	zl_txt_add(&t, tk(26, 19));
	zl_txt_add(&t, tk(46, 2));
	zl_txt_add(&t, tk(49, 7));
	ck_assert_str_eq(t.s, "v=spf1 ip4:192.0.2.0/28include:a.example -all");
	ck_assert_uint_eq(zl_txt_part_at(&t, 0), 0);
	ck_assert_uint_eq(zl_txt_part_at(&t, 22), 0);
	ck_assert_uint_eq(zl_txt_part_at(&t, 23), 1);
	ck_assert_uint_eq(zl_txt_part_at(&t, 40), 3);	/* after "" */
	ck_assert_uint_eq(zl_txt_part_at(&t, 999), 3);
	ck_assert_uint_eq(zl_txt_join_in(&t, 7, 40), 1);
	ck_assert_uint_eq(zl_txt_join_in(&t, 7, 23), 0);
	ck_assert_uint_eq(zl_txt_join_in(&t, 23, 40), 0);
	ck_assert_uint_eq(zl_txt_join_in(&t, 41, 45), 0);
	/* the empty string between is no join of its own */
	ck_assert_uint_eq(zl_txt_join_in(&t, 30, 45), 3);
	zl_txt_describe_join(&t, 3, &b);
	ck_assert_str_eq(b.s, "the strings 'include:a.example' and ' -all'");
	b.len = 0;
	zl_txt_describe_join(&t, 1, &b);
	ck_assert_str_eq(b.s, "the strings 'v=spf1 ip4:192.0.2.0/28' and "
			 "'include:a.example'");
	b.len = 0;
	zl_txt_describe_join(&t, 0, &b);
	zl_txt_describe_join(&t, 9, &b);
	ck_assert_uint_eq(b.len, 0);
	zl_buf_free(&b);
	zl_txt_free(&t);
}
END_TEST

START_TEST(test_txt_from_rr)
{
	/* RFC 3597: "\# 9 03 616263 04 64 65 66 67" = "abc" "defg" */
	const char *text = "a TXT \"v=spf1\" \" -all\"\n"
			   "b TYPE16 \\# 9 03616263 04 64656667\n";
	struct zl_src s = { .buf = (char *)text, .len = strlen(text) };
	struct zl_src *srcs[] = { &s };
	/* a's tokens kept from its first byte, b's whole (ZL_RR_WIDE) */
	struct zl_rtok toks[] = { { 6, 8 }, { 15, 7 } };
	struct zl_tok wtoks[] = {
		{ 32, 2 }, { 35, 1 }, { 37, 8 }, { 46, 2 }, { 49, 8 },
	};
	struct zl_zone z = { .srcs = srcs, .nsrcs = 1, .toks = toks,
			     .wtoks = wtoks };
	struct zl_rr a = { .tok = 0, .ntok = 2, .type = 16 };
	struct zl_rr b = { .tok = 0, .ntok = 5, .type = 16, .text = { 23, 34 },
			   .flags = ZL_RR_GENERIC | ZL_RR_WIDE };
	struct zl_txt t;
	struct zl_tok r;

	zl_txt_from_rr(&t, &z, &a);
	ck_assert_str_eq(t.s, "v=spf1 -all");
	ck_assert_uint_eq(t.nparts, 2);
	r = zl_txt_tok(&t, 7, 11);
	ck_assert_uint_eq(r.off, 17);
	ck_assert_uint_eq(r.len, 4);
	zl_txt_free(&t);

	zl_txt_from_rr(&t, &z, &b);
	ck_assert_str_eq(t.s, "abcdefg");
	ck_assert_uint_eq(t.nparts, 2);
	ck_assert_uint_eq(t.parts[1].at, 3);
	ck_assert_uint_eq(t.parts[0].tok.off, 37);
	ck_assert_uint_eq(t.parts[0].tok.len, 8);
	ck_assert_uint_eq(t.parts[1].tok.off, 46);
	ck_assert_uint_eq(t.parts[1].tok.len, 11);
	r = zl_txt_tok(&t, 1, 2);	/* 'b' is "62" */
	ck_assert_uint_eq(r.off, 41);
	ck_assert_uint_eq(r.len, 2);
	r = zl_txt_tok(&t, 3, 7);
	ck_assert_uint_eq(r.off, 49);
	ck_assert_uint_eq(r.len, 8);
	zl_txt_free(&t);
}
END_TEST

/* The same through the real loader: tokens, quotes, lines and escapes. */
START_TEST(test_txt_loaded)
{
	const char *text = "$ORIGIN example.com.\n$TTL 3600\n"
		"@ IN TXT ( \"v=spf1 a\"   ; one\n"
		"\t\"\\032mx\" ) ; two\n"
		"b IN TYPE16 \\# 4 03616263\n";
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_zone *z = NULL;
	struct zl_txt t;
	struct zl_loc loc;
	char *err = NULL;

	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	ck_assert_uint_eq(z->nrrs, 2);
	zl_txt_from_rr(&t, z, &z->rrs[0]);
	ck_assert_str_eq(t.s, "v=spf1 a mx");
	ck_assert_uint_eq(zl_txt_join_in(&t, 7, 11), 1);
	loc = zl_zone_loc(z, z->rrs[0].src, zl_txt_tok(&t, 7, 11));
	ck_assert_uint_eq(loc.line, 3);
	ck_assert_uint_eq(loc.col, 20);
	ck_assert_uint_eq(loc.end_line, 4);
	ck_assert_uint_eq(loc.end_col, 9);
	loc = zl_zone_loc(z, z->rrs[0].src, zl_txt_tok(&t, 8, 9));
	ck_assert_uint_eq(loc.col, 3);
	ck_assert_uint_eq(loc.end_col, 7);
	zl_txt_free(&t);
	zl_txt_from_rr(&t, z, &z->rrs[1]);
	ck_assert_str_eq(t.s, "abc");
	zl_txt_free(&t);
	zl_zone_free(z);
}
END_TEST

/* Whether a record may hold a word: only a record of one string without
 * escapes is known not to. */
START_TEST(test_txt_may_hold)
{
	const char *text = "$ORIGIN example.com.\n$TTL 3600\n"
		"a TXT \"v=DMARC1; p=none\"\n"
		"b TXT \"v=spf1 -all\"\n"
		"c TXT \"v=DMA\" \"RC1\"\n"
		"d TXT \"v=\\068MARC1\"\n"
		"e TXT v=dmArc1\n"
		"f TYPE16 \\# 4 03616263\n";
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_zone *z = NULL;
	char *err = NULL;

	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	ck_assert_uint_eq(z->nrrs, 6);
	ck_assert(zl_txt_may_hold(z, &z->rrs[0], "dmarc1"));
	ck_assert(!zl_txt_may_hold(z, &z->rrs[1], "dmarc1"));
	ck_assert(zl_txt_may_hold(z, &z->rrs[2], "dmarc1"));
	ck_assert(zl_txt_may_hold(z, &z->rrs[3], "dmarc1"));
	ck_assert(zl_txt_may_hold(z, &z->rrs[4], "dmarc1"));
	ck_assert(!zl_txt_may_hold(z, &z->rrs[4], "dmarc2"));
	ck_assert(zl_txt_may_hold(z, &z->rrs[5], "dmarc1"));
	/* The same for the start: the first string shows it, unless it has
	 * escapes or the version is cut by a string break. */
	ck_assert(zl_txt_may_start_v(z, &z->rrs[0], "DMARC1"));
	ck_assert(!zl_txt_may_start_v(z, &z->rrs[0], "DMARC2"));
	ck_assert(!zl_txt_may_start_v(z, &z->rrs[1], "DMARC1"));
	ck_assert(zl_txt_may_start_v(z, &z->rrs[2], "DMARC1"));
	ck_assert(zl_txt_may_start_v(z, &z->rrs[3], "DMARC1"));
	ck_assert(!zl_txt_may_start_v(z, &z->rrs[4], "DMARC1"));
	ck_assert(zl_txt_may_start_v(z, &z->rrs[5], "DMARC1"));
	zl_zone_free(z);
}
END_TEST

/* A zone of one TXT record with rdata at owner. */
static struct zl_zone *one_txt(const char *owner, const char *rdata)
{
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_zone *z = NULL;
	char *err = NULL, *text;

	text = zl_xasprintf("$ORIGIN example.com.\n$TTL 3600\n%s TXT %s\n",
			    owner, rdata);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	ck_assert_uint_eq(z->nrrs, 1);
	free(text);
	return z;
}

/* Whether a record surely starts with v=DMARC1: only what the first
 * string shows whole, and never where the parser says otherwise. */
START_TEST(test_txt_surely_starts)
{
	static const struct {
		const char *rdata;
		bool sure;
	} cases[] = {
		{ "\"v=DMARC1; p=none\"", true },
		{ "\"V = DMARC1 ;p=none\"", true },
		{ "\"v=DMARC1\"", true },
		{ "v=DMARC1;", true },
		{ "\"v=DMARC1\t; p=reject\" \"; rua=mailto:a@example.com\"", true },
		{ "\"v=DMARC1\" \"; p=none\"", false },	/* value may go on */
		{ "\"v=DMARC1\" \"x; p=none\"", false },
		{ "\"v=dmarc1; p=none\"", false },
		{ "\"v=DMARC10; p=none\"", false },
		{ "\"v=DMARC1 p=none\"", false },
		{ "\" v=DMARC1; p=none\"", false },
		{ "\"vv=DMARC1;\"", false },
		{ "\"v=\\068MARC1;\"", false },	/* escapes: parse it */
		{ "\"v=DMA\" \"RC1;\"", false },
		{ "\"p=none; v=DMARC1\"", false },
		{ "\\# 9 0876 3d444d415243 31", false },
	};
	struct zl_tv_rec *r;
	struct zl_zone *z;
	size_t i;
	bool sure;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		z = one_txt("_dmarc", cases[i].rdata);
		sure = zl_txt_surely_starts(z, &z->rrs[0], "v", "DMARC1");
		ck_assert_msg(sure == cases[i].sure, "case %zu: %s", i,
			      cases[i].rdata);
		r = zl_tv_rec_new(z, &z->rrs[0]);
		ck_assert_msg(!sure || zl_tv_first_is(r, "v", "DMARC1", true),
			      "case %zu: the parser disagrees", i);
		zl_tv_rec_free(r);
		zl_zone_free(z);
	}
}
END_TEST

/* zl_txt_may_start says false only where the joined text surely does not
 * start with the prefix after blanks, and says so on plain first strings. */
START_TEST(test_txt_may_start)
{
	static const struct {
		const char *rdata;
		bool may;
	} cases[] = {
		{ "\"spf2.0/pra -all\"", true },
		{ "\"  SPF2.0/mfrom,pra ?all\"", true },
		{ "spf2.0/pra", true },
		{ "\"spf2.\" \"0/pra -all\"", true },	/* cut: read whole */
		{ "\"   \" \"spf2.0/pra\"", true },
		{ "\"spf2\\0460/pra\"", true },		/* escapes: read whole */
		{ "\\# 11 0a 737066322e302f707261", true },
		{ "\"v=spf1 -all\"", false },
		{ "\"spf2.1/pra\"", false },
		{ "\"x spf2.0/pra\"", false },
		{ "\"v=DKIM1; k=rsa; p=MIIB\" \"spf2.0/\"", false },
	};
	struct zl_zone *z;
	struct zl_txt t;
	size_t i, lead;
	bool may, does;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		z = one_txt("@", cases[i].rdata);
		may = zl_txt_may_start(z, &z->rrs[0], "spf2.0/");
		ck_assert_msg(may == cases[i].may, "case %zu: %s", i,
			      cases[i].rdata);
		zl_txt_from_rr(&t, z, &z->rrs[0]);
		for (lead = 0; lead < t.len && strchr(" \t", t.s[lead]);
		     lead++)
			;
		does = t.len - lead >= 7 &&
		       strncasecmp(t.s + lead, "spf2.0/", 7) == 0;
		ck_assert_msg(may || !does, "case %zu: it does start so", i);
		zl_txt_free(&t);
		zl_zone_free(z);
	}
}
END_TEST

Suite *txt_suite(void)
{
	Suite *s = suite_create("txt");
	TCase *tc = tcase_create("join");

	tcase_add_test(tc, test_txt_add);
	tcase_add_test(tc, test_txt_tok);
	tcase_add_test(tc, test_txt_joins);
	tcase_add_test(tc, test_txt_from_rr);
	tcase_add_test(tc, test_txt_loaded);
	tcase_add_test(tc, test_txt_may_hold);
	tcase_add_test(tc, test_txt_surely_starts);
	tcase_add_test(tc, test_txt_may_start);
	suite_add_tcase(s, tc);
	return s;
}
