/* test_idna.c - Punycode (RFC 3492) and the A-labels of U-labels. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "idna.h"
#include "suites.h"

/* RFC 3492 §7.1: sample strings, their code points and Punycode (the
 * RFC's mixed case shows case annotation, which Punycode ignores). */
static const struct {
	uint32_t cp[64];
	size_t n;
	const char *puny;
} samples[] = {
	/* (A) Arabic (Egyptian) */
	{ { 0x644, 0x64a, 0x647, 0x645, 0x627, 0x628, 0x62a, 0x643, 0x644,
	    0x645, 0x648, 0x634, 0x639, 0x631, 0x628, 0x64a, 0x61f }, 17,
	  "egbpdaj6bu4bxfgehfvwxn" },
	/* (B) Chinese (simplified) */
	{ { 0x4ed6, 0x4eec, 0x4e3a, 0x4ec0, 0x4e48, 0x4e0d, 0x8bf4, 0x4e2d,
	    0x6587 }, 9, "ihqwcrb4cv8a8dqg056pqjye" },
	/* (I) Russian (Cyrillic) */
	{ { 0x43f, 0x43e, 0x447, 0x435, 0x43c, 0x443, 0x436, 0x435, 0x43e,
	    0x43d, 0x438, 0x43d, 0x435, 0x433, 0x43e, 0x432, 0x43e, 0x440,
	    0x44f, 0x442, 0x43f, 0x43e, 0x440, 0x443, 0x441, 0x441, 0x43a,
	    0x438 }, 28, "b1abfaaepdrnnbgefbaDotcwatmq2g4l" },
	/* (L) 3<nen>B<gumi><kinpachi><sensei> */
	{ { 0x33, 0x5e74, 0x42, 0x7d44, 0x91d1, 0x516b, 0x5148, 0x751f }, 8,
	  "3B-ww4c5e180e575a65lsy2b" },
	/* (P) Maji<de>Koi<suru>5<byou><mae> */
	{ { 0x4d, 0x61, 0x6a, 0x69, 0x3067, 0x4b, 0x6f, 0x69, 0x3059, 0x308b,
	    0x35, 0x79d2, 0x524d }, 13, "MajiKoi5-783gue6qz075azm5e" },
	/* (R) <sono><supiido><de> */
	{ { 0x305d, 0x306e, 0x30b9, 0x30d4, 0x30fc, 0x30c9, 0x3067 }, 7,
	  "d9juau41awczczp" },
	/* (S) -> $1.00 <- : basic code points only */
	{ { 0x2d, 0x3e, 0x20, 0x24, 0x31, 0x2e, 0x30, 0x30, 0x20, 0x3c,
	    0x2d }, 11, "-> $1.00 <--" },
};

START_TEST(test_punycode_samples)
{
	char out[64];
	size_t n = zl_punycode_encode(samples[_i].cp, samples[_i].n, out,
				      sizeof out);

	ck_assert_uint_eq(n, strlen(samples[_i].puny));
	ck_assert_int_eq(strncasecmp(out, samples[_i].puny, n), 0);
	/* one byte short: no encoding */
	ck_assert_uint_eq(zl_punycode_encode(samples[_i].cp, samples[_i].n,
					     out, n - 1), 0);
}
END_TEST

START_TEST(test_idna_label)
{
	char out[300];
	size_t len, at = 99;
	char big[2 * 70 + 1];
	int i;

	/* lower-cased, then encoded */
	ck_assert_ptr_null(zl_idna_label("B\xc3\xbc" "cher", 7, out, 63,
					 &len, &at));
	ck_assert_str_eq(out, "xn--bcher-kva");
	ck_assert_uint_eq(len, 13);
	ck_assert_ptr_null(zl_idna_label("\xe7\xb4\x8d\xe8\xb1\x86", 6, out,
					 63, &len, &at));
	ck_assert_str_eq(out, "xn--99zt52a");
	/* ASCII: lower-cased only */
	ck_assert_ptr_null(zl_idna_label("Mail-1", 6, out, 63, &len, &at));
	ck_assert_str_eq(out, "mail-1");
	/* no UTF-8: a lone continuation byte, an overlong form, a
	 * surrogate, a sequence cut short */
	ck_assert_ptr_nonnull(zl_idna_label("a\x80", 2, out, 63, &len, &at));
	ck_assert_uint_eq(at, 1);
	ck_assert_ptr_nonnull(zl_idna_label("\xc0\xaf", 2, out, 63, &len,
					    &at));
	ck_assert_ptr_nonnull(zl_idna_label("\xed\xa0\x80", 3, out, 63,
					    &len, &at));
	ck_assert_ptr_nonnull(zl_idna_label("ab\xe7\xb4", 4, out, 63, &len,
					    &at));
	ck_assert_uint_eq(at, 2);
	/* disallowed: a no-break space, an upper-case Latin-1 letter, an
	 * ideographic full stop, a private-use character; allowed: sharp s,
	 * the middle dot (contextual) */
	ck_assert_ptr_nonnull(zl_idna_label("a\xc2\xa0", 3, out, 63, &len,
					    &at));
	ck_assert_uint_eq(at, 1);
	ck_assert_ptr_nonnull(zl_idna_label("\xc3\x9c", 2, out, 63, &len,
					    &at));
	ck_assert_ptr_nonnull(zl_idna_label("a\xe3\x80\x82", 4, out, 63,
					    &len, &at));
	ck_assert_ptr_nonnull(zl_idna_label("\xee\x80\x80", 3, out, 63, &len,
					    &at));
	ck_assert_ptr_null(zl_idna_label("stra\xc3\x9f" "e", 7, out, 63,
					 &len, &at));
	ck_assert_str_eq(out, "xn--strae-oqa");
	ck_assert_ptr_null(zl_idna_label("l\xc2\xb7l", 4, out, 63, &len,
					 &at));
	/* RFC 5891 §4.2.3.1 and §4.2.3.2 */
	ck_assert_ptr_nonnull(zl_idna_label("-\xc3\xbc", 3, out, 63, &len,
					    &at));
	ck_assert_ptr_nonnull(zl_idna_label("\xc3\xbc-", 3, out, 63, &len,
					    &at));
	ck_assert_uint_eq(at, 2);
	ck_assert_ptr_nonnull(zl_idna_label("ab--\xc3\xbc", 6, out, 63,
					    &len, &at));
	ck_assert_ptr_nonnull(zl_idna_label("\xcc\x81" "a", 3, out, 63,
					    &len, &at));
	/* 70 x U+00FC: an A-label longer than cap gives length 0, one
	 * within a larger cap its length */
	for (i = 0; i < 70; i++)
		memcpy(big + 2 * i, "\xc3\xbc", 2);
	ck_assert_ptr_null(zl_idna_label(big, 140, out, 63, &len, &at));
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_null(zl_idna_label(big, 140, out, sizeof out - 1, &len,
					 &at));
	ck_assert_uint_gt(len, 63);
	ck_assert_int_eq(strncmp(out, "xn--", 4), 0);
}
END_TEST

Suite *idna_suite(void)
{
	Suite *s = suite_create("idna");
	TCase *tc = tcase_create("punycode");

	tcase_add_loop_test(tc, test_punycode_samples, 0,
			    sizeof samples / sizeof samples[0]);
	suite_add_tcase(s, tc);
	tc = tcase_create("label");
	tcase_add_test(tc, test_idna_label);
	suite_add_tcase(s, tc);
	return s;
}
