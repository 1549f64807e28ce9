/* test_tagvalue.c - the RFC 6376 §3.2 tag=value parser and its URI helpers. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "tagvalue.h"

static void parse(struct zl_tv *tv, const char *s)
{
	zl_tv_parse(tv, s, strlen(s));
}

/* Asserts that span sp of s is the text want. */
static void ck_span(const char *s, struct zl_tv_span sp, const char *want)
{
	ck_assert_uint_eq(sp.len, strlen(want));
	ck_assert_int_eq(memcmp(s + sp.off, want, sp.len), 0);
}

START_TEST(test_parse_valid)
{
	static const char *const ok[] = {
		"", "   ", "v=1", "v=1;", "v=1; ", " a = b ; c=d e ;",
		"a=;b=", "a_1=x", "A9_=x y\tz", "v=DMARC1;p=none",
		"a=b\r\n c=d",	/* not a separator: one value with FWS */
	};
	struct zl_tv tv;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		parse(&tv, ok[i]);
		ck_assert_msg(tv.nerrs == 0, "'%s': %s", ok[i],
			      tv.nerrs ? tv.errs[0].msg : "");
		zl_tv_free(&tv);
	}
}
END_TEST

START_TEST(test_parse_positions)
{
	const char *s = " a = b c ; xy=; z=1 ;";
	struct zl_tv tv;

	parse(&tv, s);
	ck_assert_uint_eq(tv.nerrs, 0);
	ck_assert_uint_eq(tv.ntags, 3);
	ck_span(s, tv.tags[0].spec, "a = b c");
	ck_span(s, tv.tags[0].name, "a");
	ck_span(s, tv.tags[0].value, "b c");
	ck_span(s, tv.tags[1].name, "xy");
	ck_assert_uint_eq(tv.tags[1].value.len, 0);
	ck_assert_uint_eq(tv.tags[1].value.off, 14);	/* at the ';' */
	ck_span(s, tv.tags[2].spec, "z=1");
	ck_assert(!tv.tags[0].bad);
	zl_tv_free(&tv);
	zl_tv_free(NULL);
}
END_TEST

/* A list with exactly one error at [off, off + len) whose message holds
 * needle. */
static const struct {
	const char *s;
	uint32_t off, len;
	const char *needle;
	size_t ntags;
} bads[] = {
	{ "a=b;;c=d", 4, 1, "empty tag", 2 },
	{ ";a=b", 0, 1, "empty tag", 1 },
	{ "1a=b", 0, 2, "invalid tag name '1a': a tag name is a letter", 1 },
	{ "=b", 0, 1, "'=' with no tag name before it", 0 },
	{ "_a=b; c=d", 0, 2, "no tag name starts with '_'", 1 },
	{ "a" "123456789012345678901234567890123-=b", 0, 35, "invalid tag name", 1 },
	{ "a b=c", 2, 1, "unexpected 'b'", 0 },
	{ "a-b=c", 0, 3, "invalid tag name 'a-b'", 1 },
	/* no aside about the extension names of MTA-STS and TLS-RPT, whose
	 * records report no such error */
	{ ".a=b", 0, 2, "'.a' is not a tag name: no tag name starts with '.'", 0 },
	{ "\001a=b", 0, 2, "starts with '\\001'", 0 },
	{ "a.b c=d", 4, 1, "unexpected 'c'", 0 },
	{ "-a=b", 0, 2, "'-a' is not a tag name", 0 },
	{ "v=1;\xc2\xa0p=b", 4, 3, "no-break space", 1 },
	{ "p", 0, 1, "tag 'p' has no '='", 0 },
	{ "v=1; p ", 5, 1, "tag 'p' has no '='", 1 },
	{ "a=b\001c", 3, 1, "invalid character '\\001'", 1 },
	{ "a=\xc3\xa9", 2, 2, "invalid character '\xc3\xa9'", 1 },
	{ "a=\xc3" "b", 2, 1, "invalid character '\\195'", 1 },
};

START_TEST(test_parse_errors)
{
	struct zl_tv tv;
	size_t i;

	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		parse(&tv, bads[i].s);
		ck_assert_msg(tv.nerrs == 1, "'%s': %zu errors", bads[i].s,
			      tv.nerrs);
		ck_assert_msg(tv.errs[0].at.off == bads[i].off &&
			      tv.errs[0].at.len == bads[i].len,
			      "'%s': error at %u+%u", bads[i].s,
			      tv.errs[0].at.off, tv.errs[0].at.len);
		ck_assert_msg(strstr(tv.errs[0].msg, bads[i].needle), "'%s': %s",
			      bads[i].s, tv.errs[0].msg);
		ck_assert_uint_eq(tv.ntags, bads[i].ntags);
		zl_tv_free(&tv);
	}
	parse(&tv, "a-b=c; 1x=2; y=3");
	ck_assert(tv.errs[0].ext_name && tv.errs[1].ext_name);
	ck_assert(tv.tags[0].ext_name && tv.tags[1].ext_name &&
		  !tv.tags[2].ext_name);
	zl_tv_free(&tv);
	/* the 32-character limit of extension names is not the parser's */
	parse(&tv, "a_b-" "12345678901234567890123456789=1");
	ck_assert(tv.errs[0].ext_name);
	zl_tv_free(&tv);
	/* a NUL byte inside the text is data, not the end */
	zl_tv_parse(&tv, "a=b\0c;d=e", 9);
	ck_assert_uint_eq(tv.nerrs, 1);
	ck_assert_uint_eq(tv.errs[0].at.off, 3);
	ck_assert(tv.tags[0].bad);
	ck_assert_uint_eq(tv.ntags, 2);
	zl_tv_free(&tv);
}
END_TEST

START_TEST(test_duplicates)
{
	/* A few tags are compared pairwise, many through a hash table:
	 * the same answers either way. */
	const char *lists[] = { "p=a; P=b; x=1; p=c; P=d",
				"p=a; P=b; x=1; p=c; P=d; a=1; b=2; c=3; D=4; d=5" };
	struct zl_tv tv;
	size_t i;

	for (i = 0; i < 2; i++) {
		parse(&tv, lists[i]);
		ck_assert_int_eq(tv.tags[0].dup, -1);
		ck_assert_int_eq(tv.tags[0].dup_ci, -1);
		ck_assert_int_eq(tv.tags[1].dup, -1);
		ck_assert_int_eq(tv.tags[1].dup_ci, 0);
		ck_assert_int_eq(tv.tags[2].dup_ci, -1);
		ck_assert_int_eq(tv.tags[3].dup, 0);
		ck_assert_int_eq(tv.tags[4].dup, 1);
		ck_assert_int_eq(tv.tags[4].dup_ci, 0);
		if (i == 1) {
			ck_assert_int_eq(tv.tags[8].dup, -1);
			ck_assert_int_eq(tv.tags[8].dup_ci, -1);
			ck_assert_int_eq(tv.tags[9].dup, -1);
			ck_assert_int_eq(tv.tags[9].dup_ci, 8);
		}
		zl_tv_free(&tv);
	}
}
END_TEST

START_TEST(test_many_tags)
{
	/* a hostile list: thousands of tags stay linear and correct */
	size_t n = 5000, i;
	char *s = malloc(n * 8 + 1), *p = s;
	struct zl_tv tv;

	for (i = 0; i < n; i++)
		p += sprintf(p, "t%zu=%c;", i % 1000, 'a');
	zl_tv_parse(&tv, s, (size_t)(p - s));
	ck_assert_uint_eq(tv.ntags, n);
	ck_assert_int_eq(tv.tags[999].dup, -1);
	ck_assert_int_eq(tv.tags[1000].dup, 0);
	ck_assert_int_eq(tv.tags[4999].dup, 999);
	zl_tv_free(&tv);
	free(s);
}
END_TEST

START_TEST(test_find_eq)
{
	const char *s = "v=DMARC1; P=reject";
	struct zl_tv tv;

	parse(&tv, s);
	ck_assert_ptr_null(zl_tv_find(&tv, s, "p", false));
	ck_assert_ptr_eq(zl_tv_find(&tv, s, "p", true), &tv.tags[1]);
	ck_assert(zl_tv_eq(s, tv.tags[0].value, "DMARC1", false));
	ck_assert(!zl_tv_eq(s, tv.tags[0].value, "dmarc1", false));
	ck_assert(zl_tv_eq(s, tv.tags[0].value, "dmarc1", true));
	ck_assert(!zl_tv_eq(s, tv.tags[0].value, "DMARC", true));
	ck_assert(!zl_tv_eq(s, tv.tags[0].value, "DMARC1x", false));
	ck_assert(!zl_tv_eq(s, tv.tags[0].value, "dmarc1x", true));
	zl_tv_free(&tv);
	/* A NUL in the text is no end of the word */
	ck_assert(!zl_tv_eq("ab\0c", (struct zl_tv_span){ 0, 3 }, "ab", false));
	ck_assert(!zl_tv_eq("ab\0c", (struct zl_tv_span){ 0, 3 }, "ab", true));
	ck_assert(zl_tv_eq("ab\0c", (struct zl_tv_span){ 0, 2 }, "AB", true));
	ck_assert(zl_tv_eq("x", (struct zl_tv_span){ 0, 0 }, "", false));
	ck_assert(!zl_tv_eq("x", (struct zl_tv_span){ 0, 0 }, "x", true));
}
END_TEST

START_TEST(test_next_item)
{
	const char *s = "x=a , b,,c ,";
	struct zl_tv_span list = { 2, 10 }, item;
	const char *want[] = { "a", "b", "", "c", "" };
	uint32_t pos = list.off;
	size_t n = 0;

	while (zl_tv_next_item(s, list, ',', &pos, &item)) {
		ck_assert_uint_lt(n, 5);
		ck_span(s, item, want[n++]);
	}
	ck_assert_uint_eq(n, 5);
	list.len = 0;
	pos = list.off;
	ck_assert(zl_tv_next_item(s, list, ',', &pos, &item));
	ck_assert_uint_eq(item.len, 0);
	ck_assert(!zl_tv_next_item(s, list, ',', &pos, &item));
}
END_TEST

START_TEST(test_str)
{
	const char *s = "a\033b";
	char *q = zl_tv_str(s, (struct zl_tv_span){ 0, 3 });
	char long_text[200];
	size_t i;

	ck_assert_str_eq(q, "a\\027b");
	free(q);
	/* a long text is cut to 64 bytes and "...", between escapes and
	 * between the bytes of a character */
	memset(long_text, 'x', sizeof long_text);
	q = zl_tv_str(long_text, (struct zl_tv_span){ 0, 64 });
	ck_assert_uint_eq(strlen(q), 64);
	free(q);
	q = zl_tv_str(long_text, (struct zl_tv_span){ 0, 200 });
	ck_assert_uint_eq(strlen(q), 67);
	ck_assert_str_eq(q + 64, "...");
	free(q);
	long_text[62] = '\001';
	q = zl_tv_str(long_text, (struct zl_tv_span){ 0, 200 });
	ck_assert_str_eq(q + 62, "...");
	free(q);
	for (i = 62; i + 1 < sizeof long_text; i += 2)
		memcpy(long_text + i, "\xc3\xa9", 2);
	q = zl_tv_str(long_text, (struct zl_tv_span){ 0, 200 });
	ck_assert_str_eq(q + 64, "...");
	long_text[63] = 'x';	/* 62 is no character now: escaped */
	free(q);
	q = zl_tv_str(long_text, (struct zl_tv_span){ 0, 200 });
	ck_assert_str_eq(q + 62, "...");
	free(q);
}
END_TEST

static const struct {
	const char *uri;
	const char *needle;	/* NULL: valid */
	uint32_t off, len;	/* where the problem is */
} uris[] = {
	{ "mailto:dmarc@example.com", NULL, 0, 0 },
	{ "MAILTO:d@example.com.", NULL, 0, 0 },
	{ "mailto:d@example.com?subject=x", NULL, 0, 0 },
	{ "https://r.example.com/x?y#z", NULL, 0, 0 },
	{ "https://user@r.example.com:8443/", NULL, 0, 0 },
	{ "urn:example:x", NULL, 0, 0 },
	{ "mailto:a%40b@example.com", NULL, 0, 0 },
	{ "mailto:d@[192.0.2.1]", NULL, 0, 0 },
	{ "mailto:d@[IPv6:2001:db8::1]", NULL, 0, 0 },
	{ "https://[2001:db8::1]:443/", NULL, 0, 0 },
	{ "https://r.example.com:/", NULL, 0, 0 },
	{ "", "empty URI", 0, 0 },
	{ "dmarc@example.com", "no scheme", 0, 17 },
	{ "1x:y", "no scheme", 0, 4 },
	/* a ',' written for the ';' before the next tag */
	{ "ruf=mailto:d@example.com", "a tag, not a URI", 0, 24 },
	{ "mailto:", "nothing after", 0, 7 },
	{ "mailto:dmarc", "needs an address", 7, 5 },
	{ "mailto:@example.com", "needs an address", 7, 12 },
	{ "mailto:d@localhost", "localhost name", 9, 9 },
	/* a single label is legal (a top-level domain with an MX record):
	 * zl_tv_uri_doubtful's */
	{ "mailto:d@mailhost", NULL, 0, 0 },
	{ "mailto:d@LocalHost.", "localhost name", 9, 10 },
	/* an escape is the byte it stands for (RFC 6068 §2) */
	{ "mailto:d@loc%61lhost", "localhost name", 9, 11 },
	{ "https://r.localhos%74./x", "localhost name", 8, 14 },
	{ "mailto:d@[127.0.0.1]", "loopback", 9, 11 },
	{ "mailto:d@[IPv6:::1]", "loopback", 9, 10 },
	{ "mailto:a..b@example.com", "two dots", 9, 1 },
	{ "mailto:a%2E.b@example.com", "two dots", 11, 1 },
	{ "mailto:.a@example.com", "starts with '.'", 7, 1 },
	{ "mailto:a.@example.com", "ends with '.'", 8, 1 },
	{ "mailto:a(b)@example.com", "only a quoted", 8, 1 },
	{ "mailto:%22a..b%22@example.com", NULL, 0, 0 },
	{ "mailto:first.last+tag@example.com", NULL, 0, 0 },
	{ "https://localhost/r", "localhost name", 8, 9 },
	{ "https://r.LOCALHOST./r", "localhost name", 8, 12 },
	{ "https://reports/r", NULL, 0, 0 },
	{ "https://127.0.0.2:8443/r", "loopback", 8, 9 },
	{ "https://0.0.0.0/r", "loopback", 8, 7 },
	{ "https://[::ffff:127.0.0.1]/r", "loopback", 8, 18 },
	{ "https://192.0.2.1/r", NULL, 0, 0 },
	{ "mailto:d@[192.0.2.1", "no valid domain", 9, 10 },
	{ "mailto:d@e@example.com", "written '%40'", 8, 1 },
	{ "https://r.example.com:8x/", "port", 23, 1 },
	{ "mailto:d@ex..com", "no valid domain", 9, 7 },
	/* an internationalised domain as percent-encoded UTF-8 (RFC 6068
	 * §6.3); an escaped ASCII byte is judged as that byte */
	{ "mailto:user@%E7%B4%8D%E8%B1%86.example.org", NULL, 0, 0 },
	{ "https://%E7%B4%8D%E8%B1%86.example.org/r", NULL, 0, 0 },
	{ "mailto:d@%e7%b4%8d%e8%b1%86", NULL, 0, 0 },
	{ "mailto:d@ex%20ample.com", "no valid domain", 9, 14 },
	{ "mailto:d@ex%2Dample.com", NULL, 0, 0 },
	/* an address outside brackets is no address literal */
	{ "mailto:d@192.0.2.1", "outside the brackets", 9, 9 },
	{ "mailto:d@[192.0.2.1]", NULL, 0, 0 },
	{ "mailto:d@ex ample.com", "a blank inside", 11, 1 },
	{ "mailto: d@example.com", "a blank inside", 7, 1 },
	{ "mailto:d@example.com\001", "not allowed", 20, 1 },
	{ "mailto:d@example.com%zz", "not allowed", 20, 1 },
	{ "mailto:d@example.com%4", "not allowed", 20, 1 },
	{ "https:/x", "needs '//'", 0, 8 },
	{ "https://", "needs '//'", 0, 8 },
	{ "http://:80/", "needs '//'", 0, 11 },
	{ "https://[2001:db8::1]:8443/r", NULL, 0, 0 },
	{ "https://u@[2001:db8::1]/r", NULL, 0, 0 },
	{ "https://u@[::1]/r", "loopback", 10, 5 },
	{ "https://[v1.x]/r", NULL, 0, 0 },
	{ "https://r.example.com/x#a#b", "second '#'", 25, 1 },
	{ "https://[", "does not close", 8, 1 },
	{ "https://[::::]/r", "not an IPv6", 8, 1 },
	{ "https://[::1]x/r", "only ':'", 13, 1 },
	{ "https://[v.x]/r", "not an IP literal", 8, 1 },
};

/* A ';' right inside a tag-spec cuts it in two: the part after it
 * follows from the part before (zl_tv_tag.cut, follow). */
START_TEST(test_parse_cut)
{
	struct zl_tv tv;

	parse(&tv, "v=1; rua=m;ailto:a@b.example");
	ck_assert(tv.tags[1].cut);
	ck_assert_uint_eq(tv.nerrs, 1);
	ck_assert(tv.errs[0].follow);
	zl_tv_free(&tv);
	/* after a list's ',' blanks may come */
	parse(&tv, "v=1; rua=mailto:a@b.example,; https://r.example/");
	ck_assert(tv.tags[1].cut && tv.errs[0].follow);
	zl_tv_free(&tv);
	/* no tag before the ';': the tag after it follows */
	parse(&tv, "v=1; r;ua=x y");
	ck_assert_uint_eq(tv.ntags, 2);
	ck_assert(tv.tags[1].follow && !tv.errs[0].follow);
	zl_tv_free(&tv);
	/* not after the first tag, nor with blanks, nor after a bad byte */
	parse(&tv, "v=1;x y");
	ck_assert(!tv.tags[0].cut && !tv.errs[0].follow);
	zl_tv_free(&tv);
	parse(&tv, "v=1; id=1; x y");
	ck_assert(!tv.tags[1].cut && !tv.errs[0].follow);
	zl_tv_free(&tv);
	parse(&tv, "v=1; id=1;\001x");
	ck_assert(!tv.tags[1].cut && !tv.errs[0].follow);
	zl_tv_free(&tv);
	/* two tags are no cut */
	parse(&tv, "v=1; a=1;b=2");
	ck_assert(!tv.tags[1].cut && !tv.tags[2].follow);
	zl_tv_free(&tv);
	/* the empty tag-spec of a ';' right before or after a part that is
	 * no tag is part of it; another is not */
	parse(&tv, "v=1; ;=x");
	ck_assert_uint_eq(tv.nerrs, 2);
	ck_assert(tv.errs[0].empty && tv.errs[0].follow && !tv.errs[1].follow);
	zl_tv_free(&tv);
	parse(&tv, "v=1; l;; a=1");
	ck_assert_uint_eq(tv.nerrs, 2);
	ck_assert(!tv.errs[0].follow && tv.errs[1].empty && tv.errs[1].follow);
	zl_tv_free(&tv);
	parse(&tv, "v=1;; a=1; ; =x");
	ck_assert_uint_eq(tv.nerrs, 3);
	ck_assert(!tv.errs[0].follow && !tv.errs[1].follow);
	zl_tv_free(&tv);
}
END_TEST

START_TEST(test_uri_check)
{
	struct zl_tv_span scheme, bad;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof uris / sizeof uris[0]; i++) {
		const char *s = uris[i].uri;
		struct zl_tv_span all = { 0, (uint32_t)strlen(s) };

		why = zl_tv_uri_check(s, all, &scheme, &bad);
		if (!uris[i].needle) {
			ck_assert_msg(!why, "'%s': %s", s, why);
			continue;
		}
		ck_assert_msg(why && strstr(why, uris[i].needle), "'%s': %s",
			      s, why ? why : "valid");
		if (uris[i].len)
			ck_assert_msg(bad.off == uris[i].off &&
				      bad.len == uris[i].len, "'%s': %u+%u", s,
				      bad.off, bad.len);
	}
}
END_TEST

/* Valid URIs at an IP address: doubtful as report addresses. */
START_TEST(test_uri_doubtful)
{
	static const struct {
		const char *uri, *needle;
	} cases[] = {
		{ "mailto:d@[192.0.2.1]", "address literal" },
		{ "https://192.0.2.1/r", "IP address" },
		{ "https://[2001:db8::1]:443/", "IP address" },
		{ "https://r.example.com/", NULL },
		{ "mailto:d@example.com", NULL },
		{ "mailto:d@[not an address]", NULL },
		{ "mailto:x@ai", "single label" },
		{ "mailto:x@ai.", "single label" },
		{ "mailto:d@%e7%b4%8d%e8%b1%86", "single label" },
		{ "https://reports/r", "single label" },
		{ "https://reports.example/r", NULL },
	};
	struct zl_tv_span bad;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i].uri;

		why = zl_tv_uri_doubtful(s, (struct zl_tv_span){ 0,
					 (uint32_t)strlen(s) }, &bad);
		if (!cases[i].needle)
			ck_assert_msg(!why, "'%s': %s", s, why);
		else
			ck_assert_msg(why && strstr(why, cases[i].needle),
				      "'%s': %s", s, why ? why : "fine");
	}
}
END_TEST

/* s with n copies of unit (a byte or an escape) in place of its '*';
 * the caller frees it. */
static char *repeat(const char *s, const char *unit, size_t n)
{
	const char *star = strchr(s, '*');
	size_t u = strlen(unit), i;
	char *out = malloc(strlen(s) + n * u + 1), *p = out;

	memcpy(p, s, (size_t)(star - s));
	p += star - s;
	for (i = 0; i < n; i++, p += u)
		memcpy(p, unit, u);
	strcpy(p, star + 1);
	return out;
}

/* RFC 1035 §2.3.4 limits a name (invalid beyond them), RFC 5321
 * §4.5.3.1 what mail servers must accept (doubtful beyond it); escapes
 * count as the octet they stand for. */
START_TEST(test_uri_lengths)
{
	static const struct {
		const char *uri, *unit;
		size_t n;
		const char *invalid, *doubtful;	/* NULL: fine */
	} cases[] = {
		{ "mailto:*@example.com", "a", 64, NULL, NULL },
		{ "mailto:*@example.com", "a", 65, NULL, "local part" },
		{ "mailto:*@example.com", "%61", 65, NULL, "local part" },
		{ "mailto:%22*%22@example.com", "a", 62, NULL, NULL },
		{ "mailto:%22*%22@example.com", "a", 63, NULL, "local part" },
		{ "mailto:d@*.example.com", "a", 63, NULL, NULL },
		{ "mailto:d@*.example.com", "a", 64, "63 octets", NULL },
		{ "mailto:d@*.example.com", "%61", 64, "63 octets", NULL },
		{ "https://*.example.com/r", "a", 64, "63 octets", NULL },
		/* an internationalised label: its A-label is the sender's */
		{ "mailto:d@*.example.com", "%E7%B4%8D", 30, NULL, NULL },
		/* 126 labels, "a." and "com": 253 characters, 255 octets in
		 * wire form, a name, but too long an address with 'd@' */
		{ "https://*com/r", "a.", 125, NULL, NULL },
		{ "mailto:d@*com", "a.", 125, NULL, "254 octets" },
		{ "mailto:d@*com.", "a.", 125, NULL, "254 octets" },
		{ "mailto:d@*com", "a.", 126, "253 characters", NULL },
		{ "https://*com/r", "a.", 126, "253 characters", NULL },
		/* 64 + '@' + 189 octets: 254; one more is too long */
		{ "mailto:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@*comaa",
		  "abc.", 46, NULL, NULL },
		{ "mailto:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@*comaaa",
		  "abc.", 46, NULL, "254 octets" },
	};
	struct zl_tv_span scheme, bad;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = repeat(cases[i].uri, cases[i].unit, cases[i].n);
		struct zl_tv_span all = { 0, (uint32_t)strlen(s) };

		why = zl_tv_uri_check(s, all, &scheme, &bad);
		if (!why && !cases[i].invalid)
			why = zl_tv_uri_doubtful(s, all, &bad);
		if (!cases[i].invalid && !cases[i].doubtful)
			ck_assert_msg(!why, "%zu: %s", i, why);
		else
			ck_assert_msg(why && strstr(why, cases[i].invalid ?
					cases[i].invalid : cases[i].doubtful),
				      "%zu: %s", i, why ? why : "fine");
		free(s);
	}
}
END_TEST

/* A ',' right inside a report URI ends none (RFC 7489 §6.4, RFC 8460
 * §3): the next item starts after a ',' that a URI or a tag follows,
 * or a blank. */
START_TEST(test_next_uri)
{
	const char *s = "mailto:a@e,ample.com, mailto:b@x.example,"
			"ruf=mailto:c@x,,mailto:d@x,e@x";
	const char *want[] = { "mailto:a@e,ample.com", "mailto:b@x.example",
			       "ruf=mailto:c@x", "", "mailto:d@x", "e@x" };
	struct zl_tv_span list = { 0, (uint32_t)strlen(s) }, item, scheme, bad;
	uint32_t pos = 0;
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert(zl_tv_next_uri(s, list, &pos, &item));
		ck_assert_msg(item.len == strlen(want[i]) &&
			      memcmp(s + item.off, want[i], item.len) == 0,
			      "%zu: '%.*s'", i, (int)item.len, s + item.off);
	}
	ck_assert(!zl_tv_next_uri(s, list, &pos, &item));
	/* the ',' is what is wrong, unless something before it is */
	ck_assert(strstr(zl_tv_list_uri_check(s, (struct zl_tv_span){ 0, 20 },
					      &scheme, &bad), "'%2C'"));
	ck_assert_uint_eq(bad.off, 10);
	s = "mailto:a..b@e,x.com";
	ck_assert(strstr(zl_tv_list_uri_check(s, (struct zl_tv_span){ 0,
			 (uint32_t)strlen(s) }, &scheme, &bad), "two dots"));
	s = "mailto:a@example.com";
	ck_assert(!zl_tv_list_uri_check(s, (struct zl_tv_span){ 0,
			(uint32_t)strlen(s) }, &scheme, &bad));
}
END_TEST

/* A character from 0x80 on written as itself: the parser marks the tag,
 * the URI check says where, and the fix is its escapes or A-labels. */
START_TEST(test_uri_raw_byte)
{
	static const struct {
		const char *uri;
		uint32_t off, len;
		const char *fix;	/* a part of it */
	} cases[] = {
		{ "mailto:a@b\xc3\xbc" "cher.example", 10, 2,
		  "'xn--bcher-kva.example', or the character percent-encoded, "
		  "'%C3%BC'" },
		{ "mailto:\xc3\xa4@b.example", 7, 2, "UTF-8 bytes, '%C3%A4'" },
		{ "https://r.example/\xc3\xbc", 18, 2, "'%C3%BC'" },
		{ "\xc2\xa0mailto:a@b.example", 0, 2, "no-break space" },
		{ "mailto:a@b\xfc.example", 10, 1, "as Latin-1, '%C3%BC'" },
		{ "mailto:a@\xc3\x9c" "ber.example", 9, 2, "IDNA2008" },
	};
	struct zl_tv_span scheme, bad, all;
	struct zl_tv tv;
	const char *why;
	char *fix;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		all = (struct zl_tv_span){ 0, (uint32_t)strlen(cases[i].uri) };
		why = zl_tv_uri_check(cases[i].uri, all, &scheme, &bad);
		ck_assert_msg(why && bad.off == cases[i].off &&
			      bad.len == cases[i].len, "%zu: %s at %u+%u", i,
			      why ? why : "valid", bad.off, bad.len);
		fix = zl_tv_uri_fix(cases[i].uri, all, bad);
		ck_assert_msg(fix && strstr(fix, cases[i].fix), "%zu: %s", i,
			      fix ? fix : "no fix");
		free(fix);
	}
	/* other findings have no fix of this kind */
	why = zl_tv_uri_check("mailto:a..b@x.example", (struct zl_tv_span){
			      0, 21 }, &scheme, &bad);
	ck_assert(why && !zl_tv_uri_fix("mailto:a..b@x.example",
		  (struct zl_tv_span){ 0, 21 }, bad));
	/* the parser: the first bad byte of a value from 0x80 on */
	zl_tv_parse(&tv, "v=1; rua=a\xc3\xbc\x01; p=\x01\xc3\xbc", 20);
	ck_assert(tv.ntags == 3 && tv.nerrs == 2);
	ck_assert(tv.tags[1].bad && tv.tags[1].raw8 && tv.errs[0].raw8);
	ck_assert(tv.tags[2].bad && !tv.tags[2].raw8 && !tv.errs[1].raw8);
	zl_tv_free(&tv);
}
END_TEST

/* The same URI twice in a list, as RFC 3986 §6.2.2 compares them. */
START_TEST(test_uri_repeats)
{
	static const struct {
		const char *a, *b;
		bool same;
	} cases[] = {
		{ "mailto:d@example.com", "mailto:d@example.com", true },
		{ "mailto:d@example.com", "MAILTO:d@EXAMPLE.com.", true },
		{ "mailto:d@example.com", "mailto:d@ex%61mple.com", true },
		{ "mailto:d@example.com", "mailto:%64@example.com", true },
		{ "mailto:d%2Bx@example.com", "mailto:d%2bx@example.com", true },
		{ "https://r.example.com/a%7e", "https://R.example.com/a~", true },
		/* an internationalised domain is its A-labels, in any case,
		 * its UTF-8 escaped in either case (RFC 5891 §5) */
		{ "mailto:a@b%C3%BCcher.example",
		  "mailto:a@xn--bcher-kva.example", true },
		{ "mailto:a@B%c3%bcCHER.Example.",
		  "mailto:a@XN--BCHER-KVA.example", true },
		{ "https://b%C3%BCcher.example/r",
		  "https://xn--bcher-kva.example/r", true },
		/* RFC 3986 §6.2.3: an empty or default port, an empty path */
		{ "https://r.example", "https://r.example:443/", true },
		{ "http://r.example:/?x", "HTTP://r.example.:80/?x", true },
		{ "https://r.example:8443/", "https://r.example/", false },
		{ "https://r.example:80/", "https://r.example/", false },
		{ "https://r.example/a", "https://r.example/a/", false },
		{ "mailto:a@b%C3%BCcher.example", "mailto:a@bucher.example",
		  false },
		/* a local part is no domain: no A-label there */
		{ "mailto:b%C3%BCcher@x.example",
		  "mailto:xn--bcher-kva@x.example", false },
		/* a local part and a path compare as written; '+' is no
		 * "%2B" */
		{ "mailto:D@example.com", "mailto:d@example.com", false },
		{ "mailto:d+x@example.com", "mailto:d%2Bx@example.com", false },
		{ "https://r.example.com/A", "https://r.example.com/a", false },
		{ "mailto:d@example.com", "mailto:d@example.net", false },
		{ "mailto:d@example.com", "https://example.com/d", false },
	};
	const char *list = "mailto:a@x.example,mailto:b@x.example,"
			   "MAILTO:a@X.example,mailto:b@x.example.";
	struct zl_tv_span u[4] = { { 0, 18 }, { 19, 18 }, { 38, 18 },
				   { 57, 19 } };
	long first[4];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = malloc(strlen(cases[i].a) + strlen(cases[i].b) + 1);
		struct zl_tv_span two[2] = {
			{ 0, (uint32_t)strlen(cases[i].a) },
			{ (uint32_t)strlen(cases[i].a),
			  (uint32_t)strlen(cases[i].b) } };

		strcpy(s, cases[i].a);
		strcat(s, cases[i].b);
		zl_tv_uri_repeats(s, two, 2, first);
		ck_assert_msg(first[0] == -1 && first[1] ==
			      (cases[i].same ? 0 : -1), "'%s' '%s': %ld",
			      cases[i].a, cases[i].b, first[1]);
		free(s);
	}
	zl_tv_uri_repeats(list, u, 4, first);
	ck_assert(first[0] == -1 && first[1] == -1 && first[2] == 0 &&
		  first[3] == 1);
	zl_tv_uri_repeats(list, u, 0, first);
}
END_TEST

/* CR and LF around ';' and at the end, not inside a tag-spec. */
START_TEST(test_next_break)
{
	const char *s = "v=STSv1;\n id=1\r;x\n=1; y=a\nb;\r\n\r";
	struct zl_tv_span at;
	uint32_t pos = 0;
	bool semi;

	ck_assert(zl_tv_next_break(s, strlen(s), &pos, &at, &semi));
	ck_assert_uint_eq(at.off, 8);
	ck_assert(semi);
	ck_assert(zl_tv_next_break(s, strlen(s), &pos, &at, &semi));
	ck_assert_uint_eq(at.off, 14);
	ck_assert(semi);
	/* "x\n=1" and "a\nb" are inside tag-specs */
	ck_assert(zl_tv_next_break(s, strlen(s), &pos, &at, &semi));
	ck_assert_uint_eq(at.off, 28);
	ck_assert(semi);
	ck_assert(!zl_tv_next_break(s, strlen(s), &pos, &at, &semi));
	s = "v=STSv1; id=1\n";
	pos = 0;
	ck_assert(zl_tv_next_break(s, strlen(s), &pos, &at, &semi));
	ck_assert_uint_eq(at.off, 13);
	ck_assert(!semi);
}
END_TEST

/* A value that runs on into "name=" after a blank. */
START_TEST(test_run_on)
{
	const char *s = "reject fo=1 rua=mailto:a@b.example";
	struct zl_tv_span v = { 0, (uint32_t)strlen(s) }, n;

	ck_assert(zl_tv_run_on(s, v, &n));
	ck_span(s, n, "fo");
	s = "a b=c";
	ck_assert(zl_tv_run_on(s, (struct zl_tv_span){ 2, 3 }, &n) == false);
	s = "mailto:a@b.example";
	ck_assert(!zl_tv_run_on(s, (struct zl_tv_span){ 0, 18 }, &n));
	s = "x 1=2 y";
	ck_assert(!zl_tv_run_on(s, (struct zl_tv_span){ 0, 7 }, &n));
}
END_TEST

START_TEST(test_uri_host)
{
	struct zl_tv_span h;
	const char *s;

	s = "mailto:a@b.example?x=1";
	ck_assert(zl_tv_uri_host(s, (struct zl_tv_span){ 0, 22 }, &h));
	ck_span(s, h, "b.example");
	s = "https://u@r.example:443/p";
	ck_assert(zl_tv_uri_host(s, (struct zl_tv_span){ 0, 25 }, &h));
	ck_span(s, h, "r.example");
	s = "https://[2001:db8::1]:443/";
	ck_assert(zl_tv_uri_host(s, (struct zl_tv_span){ 0, 26 }, &h));
	ck_span(s, h, "[2001:db8::1]");
	s = "urn:x:y";
	ck_assert(!zl_tv_uri_host(s, (struct zl_tv_span){ 0, 7 }, &h));
	s = "http:x";
	ck_assert(!zl_tv_uri_host(s, (struct zl_tv_span){ 0, 6 }, &h));
	s = "mailto:nobody";
	ck_assert(!zl_tv_uri_host(s, (struct zl_tv_span){ 0, 13 }, &h));
}
END_TEST

Suite *tagvalue_suite(void)
{
	Suite *s = suite_create("tagvalue");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_parse_valid);
	tcase_add_test(tc, test_parse_positions);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_cut);
	tcase_add_test(tc, test_duplicates);
	tcase_add_test(tc, test_many_tags);
	tcase_add_test(tc, test_find_eq);
	tcase_add_test(tc, test_next_item);
	tcase_add_test(tc, test_str);
	suite_add_tcase(s, tc);
	tc = tcase_create("uri");
	tcase_add_test(tc, test_uri_check);
	tcase_add_test(tc, test_uri_raw_byte);
	tcase_add_test(tc, test_uri_lengths);
	tcase_add_test(tc, test_uri_repeats);
	tcase_add_test(tc, test_next_uri);
	tcase_add_test(tc, test_uri_host);
	tcase_add_test(tc, test_uri_doubtful);
	tcase_add_test(tc, test_next_break);
	tcase_add_test(tc, test_run_on);
	suite_add_tcase(s, tc);
	return s;
}
