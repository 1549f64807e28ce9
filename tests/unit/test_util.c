/* test_util.c - unit tests for lint/util/util.c: arena, buffers, escaping, the
 * keyed hash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"
#include "util.h"

/* Escapes n bytes of s and returns the result (caller frees). */
static char *esc(const char *s, size_t n)
{
	struct zl_buf b = { NULL, 0, 0 };

	zl_buf_add_escaped(&b, s, n);
	zl_buf_add(&b, "", 0);
	return b.s;
}

#define ck_esc(in, n, want) do { \
	char *got_ = esc((in), (n)); \
	ck_assert_str_eq(got_, (want)); \
	free(got_); \
} while (0)

START_TEST(test_arena)
{
	struct zl_arena a = { NULL, 0, 0 };
	char *s, *big, *after;
	uint64_t *p;
	size_t i;

	p = zl_arena_alloc(&a, 3);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % 8, 0);
	ck_assert_uint_eq(*(uint8_t *)p, 0);
	s = zl_arena_strndup(&a, "hello world", 5);
	ck_assert_str_eq(s, "hello");
	ck_assert_uint_eq((uintptr_t)s % 8, 0);
	/* Many small objects across chunk boundaries stay distinct and
	 * zeroed. */
	for (i = 0; i < 20000; i++) {
		p = zl_arena_alloc(&a, 24);
		ck_assert_uint_eq(p[0] | p[1] | p[2], 0);
		p[0] = i;
	}
	/* A large block does not waste the head chunk. */
	big = zl_arena_alloc(&a, 1 << 20);
	memset(big, 'x', 1 << 20);
	after = zl_arena_strndup(&a, "abc", 3);
	ck_assert_str_eq(after, "abc");
	ck_assert_str_eq(s, "hello");
	ck_assert_ptr_nonnull(zl_arena_alloc(&a, 0));
	zl_arena_free(&a);
	ck_assert_ptr_null(a.head);
	zl_arena_free(&a);	/* twice is fine */
	zl_arena_free(NULL);
}
END_TEST

START_TEST(test_buf)
{
	struct zl_buf b = { NULL, 0, 0 };
	size_t i;

	zl_buf_add(&b, "ab", 2);
	zl_buf_addc(&b, 'c');
	ck_assert_str_eq(b.s, "abc");
	ck_assert_uint_eq(b.len, 3);
	zl_buf_addf(&b, "-%d-%s", 42, "x");
	ck_assert_str_eq(b.s, "abc-42-x");
	ck_assert_uint_eq(b.len, 8);
	/* Embedded NUL bytes count in len. */
	zl_buf_add(&b, "\0z", 2);
	ck_assert_uint_eq(b.len, 10);
	ck_assert_int_eq(b.s[9], 'z');
	ck_assert_int_eq(b.s[10], '\0');
	for (i = 0; i < 10000; i++)
		zl_buf_addc(&b, 'q');
	ck_assert_uint_eq(b.len, 10010);
	ck_assert_uint_ge(b.cap, b.len + 1);
	zl_buf_free(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_buf_add_escaped)
{
	/* Printable ASCII stays. */
	ck_esc("v=spf1 -all; \"x\"", 16, "v=spf1 -all; \"x\"");
	ck_esc("", 0, "");
	/* Control bytes, ESC and DEL become \DDD. */
	ck_esc("a\nb\tc\rd", 7, "a\\010b\\009c\\013d");
	ck_esc("\033[31mred", 8, "\\027[31mred");
	ck_esc("\x7f", 1, "\\127");
	ck_esc("a\0b", 3, "a\\000b");
	/* Valid UTF-8 (2, 3 and 4 bytes) stays. */
	ck_esc("caf\xc3\xa9", 5, "caf\xc3\xa9");
	ck_esc("\xe2\x82\xac", 3, "\xe2\x82\xac");
	ck_esc("\xf0\x9f\x98\x80", 4, "\xf0\x9f\x98\x80");
	/* Invalid UTF-8: lone continuation, truncated sequence, bad lead. */
	ck_esc("\x80", 1, "\\128");
	ck_esc("\xc3", 1, "\\195");
	ck_esc("\xe2\x82", 2, "\\226\\130");
	ck_esc("\xff\xfe", 2, "\\255\\254");
	ck_esc("\xc3(", 2, "\\195(");
	/* Overlong forms are rejected: C0 80 (NUL), E0 80 AF, F0 80 80 AF. */
	ck_esc("\xc0\x80", 2, "\\192\\128");
	ck_esc("\xc1\xbf", 2, "\\193\\191");
	ck_esc("\xe0\x80\xaf", 3, "\\224\\128\\175");
	ck_esc("\xf0\x80\x80\xaf", 4, "\\240\\128\\128\\175");
	/* Surrogates and code points above U+10FFFF. */
	ck_esc("\xed\xa0\x80", 3, "\\237\\160\\128");
	ck_esc("\xf4\x90\x80\x80", 4, "\\244\\144\\128\\128");
	/* C1 controls (CSI, OSC) and bidi overrides are valid UTF-8 but are
	 * escaped byte by byte, like control bytes. */
	ck_esc("\xc2\x9b" "31mred", 8, "\\194\\15531mred");
	ck_esc("\xc2\x9d" "0;t\xc2\x9c", 7, "\\194\\1570;t\\194\\156");
	ck_esc("a\xe2\x80\xae" "b", 5, "a\\226\\128\\174b");
	ck_esc("\xe2\x81\xa6x\xe2\x81\xa9", 7,
	       "\\226\\129\\166x\\226\\129\\169");
	/* Length is honoured: nothing past n is read. */
	ck_esc("abcdef", 3, "abc");
	/* Appends to what is there. */
	{
		struct zl_buf b = { NULL, 0, 0 };

		zl_buf_add(&b, "x=", 2);
		zl_buf_add_escaped(&b, "\x01", 1);
		ck_assert_str_eq(b.s, "x=\\001");
		zl_buf_free(&b);
	}
}
END_TEST

/* Writes code point cp as UTF-8 into b (at least 5 bytes), NUL-ended;
 * returns its length. */
static size_t utf8(uint32_t cp, char *b)
{
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4, i;

	b[0] = (char)(n == 1 ? cp : (0xF00u >> n) | (cp >> (6 * (n - 1))));
	for (i = 1; i < n; i++)
		b[i] = (char)(0x80 | ((cp >> (6 * (n - 1 - i))) & 0x3F));
	b[n] = '\0';
	return n;
}

START_TEST(test_shown_len)
{
	/* What a reader cannot see for what it is: C1 controls, bidi
	 * embeddings, overrides, isolates and marks, zero-width and other
	 * format characters, separators, spaces other than U+0020,
	 * variation selectors, fillers, tags, noncharacters; each at the
	 * edges of its range. */
	static const uint32_t hidden[] = {
		0x80, 0x85, 0x9B, 0x9D, 0x9F, 0xA0, 0xAD, 0x34F, 0x600, 0x605,
		0x61C, 0x6DD, 0x70F, 0x890, 0x8E2, 0x115F, 0x1160, 0x1680,
		0x17B4, 0x180B, 0x180E, 0x180F, 0x2000, 0x200A, 0x200B, 0x200D,
		0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F,
		0x2060, 0x2065, 0x2066, 0x2069, 0x206F, 0x3000, 0x3164, 0xFDD0,
		0xFDEF, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0, 0xFFF9, 0xFFFB,
		0xFFFE, 0xFFFF, 0x110BD, 0x110CD, 0x13430, 0x1343F, 0x1BCA0,
		0x1BCA3, 0x1D173, 0x1D17A, 0x1FFFE, 0x1FFFF, 0xE0000, 0xE0001,
		0xE0041, 0xE007F, 0xE0100, 0xE0FFF, 0xEFFFF, 0x10FFFE, 0x10FFFF,
	};
	/* Visible characters, many right beside those ranges. */
	static const uint32_t shown[] = {
		0xA1, 0xA9, 0xAC, 0xAE, 0xE9, 0x34E, 0x350, 0x5FF, 0x606, 0x61B,
		0x61D, 0x6DC, 0x6DE, 0x88F, 0x892, 0x115E, 0x1161, 0x167F,
		0x1681, 0x17B3, 0x17B6, 0x180A, 0x1810, 0x1FFF, 0x2010, 0x2027,
		0x2030, 0x205E, 0x2070, 0x20AC, 0x2FFF, 0x3001, 0x3163, 0x3165,
		0xFDCF, 0xFDF0, 0xFDFD, 0xFDFF, 0xFE10, 0xFEFE, 0xFF9F, 0xFFA1,
		0xFFEF, 0xFFFC, 0xFFFD, 0x10000, 0x110BC, 0x110BE, 0x1342F,
		0x13440, 0x1BC9F, 0x1BCA4, 0x1D172, 0x1D17B, 0x1F600, 0x1FFFD,
		0x20000, 0xDFFFD, 0xE1000, 0xF0000, 0x10FFFD,
	};
	char b[8];
	size_t i, n;

	for (i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		n = utf8(hidden[i], b);
		ck_assert_msg(zl_utf8_len(b, n) == n, "U+%04X", hidden[i]);
		ck_assert_msg(zl_shown_len(b, n) == 0, "U+%04X shown",
			      hidden[i]);
	}
	for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		n = utf8(shown[i], b);
		ck_assert_msg(zl_shown_len(b, n) == n, "U+%04X hidden",
			      shown[i]);
	}
	/* ASCII: printable only; tab and line feed are escaped as well. */
	ck_assert_uint_eq(zl_shown_len(" ", 1), 1);
	ck_assert_uint_eq(zl_shown_len("~", 1), 1);
	ck_assert_uint_eq(zl_shown_len("\t", 1), 0);
	ck_assert_uint_eq(zl_shown_len("\n", 1), 0);
	ck_assert_uint_eq(zl_shown_len("\x7f", 1), 0);
	ck_assert_uint_eq(zl_shown_len("", 0), 0);
	/* Cut short or invalid: the first byte is escaped. */
	ck_assert_uint_eq(zl_shown_len("\xc3\xa9", 1), 0);
	ck_assert_uint_eq(zl_shown_len("\xff", 1), 0);
}
END_TEST

/* SipHash-1-3 of the bytes 0, 1, ..., n-1 under the all-zero key, as the
 * reference implementation (github.com/veorq/SipHash, built with
 * cROUNDS=1, dROUNDS=3) computes it: the end of short input, one word
 * and more. */
START_TEST(test_siphash13)
{
	static const struct {
		size_t n;
		uint64_t h;
	} want[] = {
		{ 0, 0xd1fba762150c532cULL }, { 1, 0x68a914128e01e473ULL },
		{ 7, 0x2f098ab0c751325aULL }, { 8, 0xead411e67ebe2eeaULL },
		{ 9, 0x75927f9d95124362ULL }, { 15, 0xf30eb725bb91c9eaULL },
		{ 16, 0x8972188433a5c5b7ULL }, { 17, 0x4883c49a2c009c1dULL },
		{ 31, 0x169739443111d49bULL }, { 32, 0x31ef8061c910629bULL },
	};
	static const uint64_t zero[2] = { 0, 0 };
	unsigned char in[32];
	size_t i;

	for (i = 0; i < sizeof in; i++)
		in[i] = (unsigned char)i;
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(zl_siphash13(zero, in, want[i].n) == want[i].h,
			      "length %zu", want[i].n);
}
END_TEST

/* The run's keyed hash: a function of the bytes, and strings that all
 * collide under FNV-1a spread over a table's buckets like any others. */
START_TEST(test_hash)
{
	enum { K = 12, N = 1 << K };
	char blocks[K][2][5], s[4 * K + 1];
	unsigned *load = calloc(N, sizeof *load), max = 0;
	size_t b;
	int i, j;

	ck_assert_uint_eq(zl_hash("example.com.", 12),
			  zl_hash("example.com.", 12));
	ck_assert_uint_ne(zl_hash("example.com.", 12),
			  zl_hash("example.org.", 12));
	ck_assert_uint_ne(zl_hash("", 0), zl_hash("\0", 1));
	tu_fnv_multicollision(blocks, K, 2166136261u);
	for (i = 0; i < N; i++) {
		for (j = 0; j < K; j++)
			memcpy(s + 4 * j, blocks[j][(i >> j) & 1], 4);
		b = zl_hash(s, 4 * K) & (N - 1);
		if (++load[b] > max)
			max = load[b];
	}
	/* N strings in N buckets: the fullest holds a handful. */
	ck_assert_uint_le(max, 16);
	free(load);
}
END_TEST

START_TEST(test_utf8_len)
{
	ck_assert_uint_eq(zl_utf8_len("a", 1), 0);
	ck_assert_uint_eq(zl_utf8_len("", 0), 0);
	ck_assert_uint_eq(zl_utf8_len("\xc3\xa9x", 3), 2);
	ck_assert_uint_eq(zl_utf8_len("\xe2\x82\xac", 3), 3);
	ck_assert_uint_eq(zl_utf8_len("\xe2\x82\xac", 2), 0);
	ck_assert_uint_eq(zl_utf8_len("\xf0\x9f\x98\x80", 4), 4);
	ck_assert_uint_eq(zl_utf8_len("\xc0\x80", 2), 0);
	ck_assert_uint_eq(zl_utf8_len("\xed\xa0\x80", 3), 0);
	ck_assert_uint_eq(zl_utf8_len("\x80", 1), 0);
}
END_TEST

/* A quote cut short leaves out the UTF-8 character its cut falls in,
 * and cuts bytes that are no UTF-8 where it must. */
START_TEST(test_utf8_cut)
{
	ck_assert_uint_eq(zl_utf8_head("abc", 3, 5), 3);
	ck_assert_uint_eq(zl_utf8_head("abc", 3, 2), 2);
	ck_assert_uint_eq(zl_utf8_head("ab\xc3\xa9", 4, 3), 2);
	ck_assert_uint_eq(zl_utf8_head("ab\xc3\xa9x", 5, 4), 4);
	ck_assert_uint_eq(zl_utf8_head("a\xe2\x82\xac" "b", 5, 3), 1);
	ck_assert_uint_eq(zl_utf8_head("a\xf0\x9f\x98\x80", 5, 4), 1);
	ck_assert_uint_eq(zl_utf8_head("\xc3\xc3\xc3", 3, 2), 2);
	ck_assert_uint_eq(zl_utf8_head("\x80\x80\x80\x80\x80", 5, 4), 4);
	ck_assert_uint_eq(zl_utf8_tail("abc", 3, 2), 2);
	ck_assert_uint_eq(zl_utf8_tail("\xc3\xa9" "bc", 4, 3), 2);
	ck_assert_uint_eq(zl_utf8_tail("\xe2\x82\xac" "b", 4, 3), 1);
	ck_assert_uint_eq(zl_utf8_tail("\xe2\x82\xac" "b", 4, 4), 4);
	ck_assert_uint_eq(zl_utf8_tail("x\x82\xac" "b", 4, 3), 3);
}
END_TEST

START_TEST(test_strcasecmp)
{
	ck_assert_int_eq(zl_strcasecmp("Example.COM.", "example.com."), 0);
	ck_assert_int_eq(zl_strcasecmp("", ""), 0);
	ck_assert_int_lt(zl_strcasecmp("a", "B"), 0);
	ck_assert_int_gt(zl_strcasecmp("b", "A"), 0);
	ck_assert_int_lt(zl_strcasecmp("abc", "abcd"), 0);
	ck_assert_int_gt(zl_strcasecmp("abcd", "ABC"), 0);
	/* Only ASCII letters fold: bytes above 127 compare as they are. */
	ck_assert_int_ne(zl_strcasecmp("\xc3\xa9", "\xc3\x89"), 0);
	ck_assert_int_ne(zl_strcasecmp("[", "{"), 0);
	ck_assert_int_eq(zl_strcasecmp("_DMARC", "_dmarc"), 0);
}
END_TEST

START_TEST(test_xgrow)
{
	int *v = NULL;
	size_t cap = 0, i;

	zl_xgrow((void **)&v, &cap, 1, sizeof *v);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_ge(cap, 1);
	ck_assert_uint_eq(cap, 8);	/* starts at 8 */
	zl_xgrow((void **)&v, &cap, 8, sizeof *v);
	ck_assert_uint_eq(cap, 8);	/* enough already */
	zl_xgrow((void **)&v, &cap, 9, sizeof *v);
	ck_assert_uint_eq(cap, 16);	/* doubles */
	zl_xgrow((void **)&v, &cap, 1000, sizeof *v);
	ck_assert_uint_eq(cap, 1024);
	for (i = 0; i < 1000; i++)
		v[i] = (int)i;
	zl_xgrow((void **)&v, &cap, 1500, sizeof *v);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(v[i], (int)i);
	zl_xgrow((void **)&v, &cap, 0, sizeof *v);
	ck_assert_uint_eq(cap, 2048);
	/* zl_reserve: a few thousand items are left to zl_xgrow ... */
	zl_reserve((void **)&v, &cap, 4096, sizeof *v);
	ck_assert_uint_eq(cap, 2048);
	/* ... several MiB are made room for at once, the items kept ... */
	zl_reserve((void **)&v, &cap, 2u << 20, sizeof *v);
	ck_assert_uint_eq(cap, 2u << 20);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(v[i], (int)i);
	/* ... and never shrunk. */
	zl_reserve((void **)&v, &cap, 1u << 20, sizeof *v);
	ck_assert_uint_eq(cap, 2u << 20);
	free(v);
}
END_TEST

START_TEST(test_line_index)
{
	/* "ab\n\ncd\n" and a last line without a break. */
	static const uint32_t starts[] = { 0, 3, 4, 7 };

	ck_assert_uint_eq(zl_line_index(starts, 4, 0), 0);
	ck_assert_uint_eq(zl_line_index(starts, 4, 2), 0);	/* the '\n' */
	ck_assert_uint_eq(zl_line_index(starts, 4, 3), 1);	/* empty line */
	ck_assert_uint_eq(zl_line_index(starts, 4, 4), 2);
	ck_assert_uint_eq(zl_line_index(starts, 4, 6), 2);
	ck_assert_uint_eq(zl_line_index(starts, 4, 7), 3);
	ck_assert_uint_eq(zl_line_index(starts, 4, 1000), 3);	/* past end */
	ck_assert_uint_eq(zl_line_index(starts, 1, 5), 0);	/* one line */
}
END_TEST

/* What is wrong with hex or base64 that does not decode, and where. */
START_TEST(test_enc_why)
{
	char why[96];
	size_t k;

	ck_assert(!zl_enc_why("0a1B", 4, false, why, &k));
	ck_assert(!zl_enc_why("Zm9vYmE=", 8, true, why, &k));
	ck_assert(zl_enc_why("0a1g", 4, false, why, &k));
	ck_assert_str_eq(why, "'g' is not a hex digit");
	ck_assert_uint_eq(k, 3);
	ck_assert(zl_enc_why("0a1", 3, false, why, &k));
	ck_assert_str_eq(why, "3 digits, an odd number, are no whole number "
			 "of bytes");
	ck_assert_uint_eq(k, 3);
	ck_assert(zl_enc_why("Zm9_", 4, true, why, &k));
	ck_assert_str_eq(why, "'_' is not a base64 character");
	ck_assert_uint_eq(k, 3);
	ck_assert(zl_enc_why("Zm\\v", 4, true, why, &k));
	ck_assert_str_eq(why, "\\092 is not a base64 character");
	ck_assert(zl_enc_why("Z=9v", 4, true, why, &k));
	ck_assert_str_eq(why, "'9' after '=' padding");
	ck_assert_uint_eq(k, 2);
	ck_assert(zl_enc_why("Zm9vY", 5, true, why, &k));
	ck_assert_str_eq(why, "5 characters, not a whole number of groups "
			 "of four: '=' pads the last");
	ck_assert_uint_eq(k, 5);
	ck_assert(zl_enc_why("Zm9vZ===", 8, true, why, &k));
	ck_assert_str_eq(why, "a last group of one character, which holds "
			 "no whole byte");
	ck_assert(zl_enc_why("====", 4, true, why, &k));
	ck_assert_str_eq(why, "4 '=' of padding, where a last group has two "
			 "at most");
}
END_TEST

START_TEST(test_b64_groups)
{
	char s[16];
	uint8_t out[12];
	unsigned odd;

	ck_assert_uint_eq(zl_b64_groups("Zm9vYmE=", 8, out, &odd), 5);
	ck_assert_mem_eq(out, "fooba", 5);
	ck_assert_uint_eq(odd, 0);
	/* padding inside, as Knot DNS decodes it: group by group */
	ck_assert_uint_eq(zl_b64_groups("Zg==Zm8=", 8, out, &odd), 3);
	ck_assert_mem_eq(out, "ffo", 3);
	ck_assert_uint_eq(odd, ZL_B64_INSIDE);
	/* bits that the padding drops (RFC 4648 §3.5) */
	ck_assert_uint_eq(zl_b64_groups("Zh==", 4, NULL, &odd), 1);
	ck_assert_uint_eq(odd, ZL_B64_BITS);
	ck_assert_uint_eq(zl_b64_groups("Zm9=", 4, out, &odd), 2);
	ck_assert_uint_eq(odd, ZL_B64_BITS);
	/* in place */
	memcpy(s, "AA==AAAA", 8);
	ck_assert_uint_eq(zl_b64_groups(s, 8, (uint8_t *)s, &odd), 4);
	ck_assert_mem_eq(s, "\0\0\0\0", 4);
	/* not groups of four base64 characters */
	ck_assert_uint_eq(zl_b64_groups("Zm9", 3, out, &odd), SIZE_MAX);
	ck_assert_uint_eq(zl_b64_groups("Z===", 4, out, &odd), SIZE_MAX);
	ck_assert_uint_eq(zl_b64_groups("Z=9v", 4, out, &odd), SIZE_MAX);
	ck_assert_uint_eq(zl_b64_groups("====", 4, out, &odd), SIZE_MAX);
	ck_assert_uint_eq(zl_b64_groups("Zm9-", 4, out, &odd), SIZE_MAX);
	ck_assert_uint_eq(zl_b64_groups("", 0, out, &odd), 0);
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc;

	tc = tcase_create("arena");
	tcase_add_test(tc, test_arena);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf");
	tcase_add_test(tc, test_buf);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf_add_escaped");
	tcase_add_test(tc, test_buf_add_escaped);
	suite_add_tcase(s, tc);
	tc = tcase_create("shown_len");
	tcase_add_test(tc, test_shown_len);
	suite_add_tcase(s, tc);
	tc = tcase_create("utf8_len");
	tcase_add_test(tc, test_utf8_len);
	tcase_add_test(tc, test_utf8_cut);
	suite_add_tcase(s, tc);
	tc = tcase_create("hash");
	tcase_add_test(tc, test_siphash13);
	tcase_add_test(tc, test_hash);
	/* Its FNV-1a multicollisions are searched for: under a
	 * sanitizer on a busy machine, longer than Check's 4 s. */
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("strcasecmp");
	tcase_add_test(tc, test_strcasecmp);
	suite_add_tcase(s, tc);
	tc = tcase_create("xgrow");
	tcase_add_test(tc, test_xgrow);
	suite_add_tcase(s, tc);
	tc = tcase_create("line_index");
	tcase_add_test(tc, test_line_index);
	suite_add_tcase(s, tc);
	tc = tcase_create("b64_groups");
	tcase_add_test(tc, test_enc_why);
	tcase_add_test(tc, test_b64_groups);
	suite_add_tcase(s, tc);
	return s;
}
