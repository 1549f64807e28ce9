/* test_lex.c - unit tests for the master-file tokenizer (lint/zone/zone_lex.c). */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "zone_lex.h"

/* The lexer over an exact-length heap copy, so that reading past the end
 * shows up under valgrind and ASan. */
struct fixture {
	struct zl_lexer lx;
	struct zl_lex_line ln;
	char *buf;
	size_t len;
};

static void fx_init(struct fixture *f, const char *text, size_t len)
{
	f->buf = malloc(len ? len : 1);
	memcpy(f->buf, text, len);
	f->len = len;
	zl_lex_init(&f->lx, f->buf, len);
}

static void fx_free(struct fixture *f)
{
	zl_lex_free(&f->lx);
	free(f->buf);
}

static bool fx_next(struct fixture *f)
{
	return zl_lex_next(&f->lx, &f->ln);
}

/* Asserts token i of the current line: offset, length and text. */
#define ck_tok(f, i, o, text) do { \
	ck_assert_uint_gt((f)->ln.ntoks, (i)); \
	ck_assert_uint_eq((f)->ln.toks[i].off, (o)); \
	ck_assert_uint_eq((f)->ln.toks[i].len, strlen(text)); \
	ck_assert_mem_eq((f)->buf + (o), (text), strlen(text)); \
} while (0)

#define S(lit) lit, sizeof(lit) - 1

/* Lexes text (len bytes): its first logical line is dropped for msg, at
 * byte err_off, with the ntoks tokens before that kept; the line after it
 * is read whole, token i being tok at off; then the input ends. */
static void broken_line(const char *text, size_t len, const char *msg,
			uint32_t err_off, size_t ntoks, size_t i, uint32_t off,
			const char *tok)
{
	struct fixture f;

	fx_init(&f, text, len);
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_cat, "syntax");
	ck_assert_str_eq(f.ln.err_msg, msg);
	ck_assert_uint_eq(f.ln.err_at.off, err_off);
	ck_assert_uint_eq(f.ln.err_at.len, 1);
	ck_assert_uint_eq(f.ln.ntoks, ntoks);
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_tok(&f, i, off, tok);
	ck_assert(!fx_next(&f));
	fx_free(&f);
}

START_TEST(test_lex_next)
{
	struct fixture f;
	size_t n;
	char *big;

	/* One plain record. */
	fx_init(&f, S("www 3600 IN A 192.0.2.1\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 5);
	ck_assert(!f.ln.blank);
	ck_assert_ptr_null(f.ln.err_cat);
	ck_tok(&f, 0, 0, "www");
	ck_tok(&f, 1, 4, "3600");
	ck_tok(&f, 4, 14, "192.0.2.1");
	ck_assert_uint_eq(f.ln.start, 0);
	ck_assert_uint_eq(f.ln.end, 23);
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* Parentheses over several lines, with comments inside: one logical
	 * line whose tokens keep their own offsets. */
	fx_init(&f, S("@ IN SOA ns hm ( 1 ; serial (\n"
		      "  2 3\n"
		      "  4 5 ) ; done\n"
		      "next A 192.0.2.2\n"));
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ntoks, 10);
	ck_tok(&f, 0, 0, "@");
	ck_tok(&f, 4, 12, "hm");
	ck_tok(&f, 5, 17, "1");
	ck_tok(&f, 6, 32, "2");
	ck_tok(&f, 7, 34, "3");
	ck_tok(&f, 8, 38, "4");
	ck_tok(&f, 9, 40, "5");
	ck_assert_uint_eq(f.ln.end, 43);	/* one past the ')' */
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.start, 51);
	ck_tok(&f, 0, 51, "next");
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* ';' inside quotes is text; the quoted span includes the quotes. */
	fx_init(&f, S("_dmarc TXT \"v=DMARC1; p=none\" ; a comment\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 2, 11, "\"v=DMARC1; p=none\"");
	ck_assert(f.ln.toks[2].quoted);
	ck_assert(!f.ln.toks[1].quoted);
	ck_assert_uint_eq(f.ln.end, 29);
	fx_free(&f);

	/* \DDD and \" escapes keep the string open; "a""b" are two. */
	fx_init(&f, S("t TXT \"say \\\"hi\\\" \\059 x\\\\\" \"a\"\"b\"\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 5);
	ck_tok(&f, 2, 6, "\"say \\\"hi\\\" \\059 x\\\\\"");
	ck_tok(&f, 3, 28, "\"a\"");
	ck_tok(&f, 4, 31, "\"b\"");
	fx_free(&f);

	/* Escapes in unquoted words keep delimiters in the word. */
	fx_init(&f, S("a\\ b\\;c\\(d TXT x\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 0, 0, "a\\ b\\;c\\(d");
	fx_free(&f);

	/* CRLF and mixed line ends: '\r' is never part of a token; the
	 * first one is noted (Knot DNS refuses it), the others not. */
	fx_init(&f, S("a A 192.0.2.1\r\nb A 192.0.2.2\n( c\r\n) A 192.0.2.3\r\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 2, 4, "192.0.2.1");
	ck_assert_uint_eq(f.ln.nwarns, 1);
	ck_assert_uint_eq(f.ln.warns[0].at.off, 13);
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.nwarns, 0);
	ck_assert_uint_eq(f.ln.start, 15);
	ck_tok(&f, 0, 15, "b");
	ck_tok(&f, 2, 19, "192.0.2.2");
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 0, 31, "c");
	ck_tok(&f, 1, 36, "A");
	ck_assert(!fx_next(&f));
	fx_free(&f);
	/* A CR in a comment is the comment's. */
	fx_init(&f, S("a A 192.0.2.1 ; x\r\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.nwarns, 0);
	fx_free(&f);
	/* ... and one after another portability note of its line is
	 * noted all the same. */
	fx_init(&f, S(" ( A 192.0.2.3 )\r\n"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.nwarns, 2);
	ck_assert_uint_eq(f.ln.warns[1].at.off, 16);
	ck_assert_uint_eq(f.ln.warns[1].refused, ZL_NOT_KNOT);
	fx_free(&f);

	/* Blank owners, blank and comment-only lines, directives. */
	fx_init(&f, S("\tMX 10 mail\n  ; only a comment\n\n$ORIGIN example.com.\n"));
	ck_assert(fx_next(&f));
	ck_assert(f.ln.blank);
	ck_assert_uint_eq(f.ln.start, 0);
	ck_tok(&f, 0, 1, "MX");
	ck_assert(fx_next(&f));
	ck_assert(f.ln.blank);
	ck_assert_uint_eq(f.ln.ntoks, 0);
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 0);
	ck_assert(!f.ln.blank);
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 2);
	ck_tok(&f, 0, 32, "$ORIGIN");
	ck_tok(&f, 1, 40, "example.com.");
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* An unterminated quote ends at its line: error at the quote, the
	 * tokens before it kept (the loader takes the lost record's owner
	 * and type from them), and the next line is read normally. */
	broken_line(S("a TXT ( \"abc\nb A 192.0.2.1\n"),
		    "unterminated quoted string", 8, 2, 0, 13, "b");

	/* An unclosed '(' is reported at the '(' and lexing resumes on the
	 * line after it with depth 0. */
	fx_init(&f, S("a SOA ns hm ( 1 2\nb A 192.0.2.1\nc ( A\n"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_cat, "syntax");
	ck_assert_str_eq(f.ln.err_msg,
			 "unbalanced '(': no closing ')' before end of file");
	ck_assert_uint_eq(f.ln.err_at.off, 12);
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 0, 18, "b");
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_cat, "syntax");
	ck_assert_uint_eq(f.ln.err_at.off, 34);
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* A stray ')' is an error on its own line only. */
	fx_init(&f, S("a A 192.0.2.1 )\nb A 192.0.2.2\n"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_msg, "unbalanced ')'");
	ck_assert_uint_eq(f.ln.err_at.off, 14);
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	fx_free(&f);

	/* NUL bytes and binary garbage, no final newline, no NUL after the
	 * buffer: no crash, no hang. */
	fx_init(&f, S("\0\0\xff\x01 ( \" \n\x80 ) \"\\"));
	n = 0;
	while (fx_next(&f))
		n++;
	ck_assert_uint_le(n, 3);
	fx_free(&f);
	/* Inside parentheses a string goes on across a line break, and a
	 * nested '(' is read; both are noted at their first byte. */
	fx_init(&f, S("a TXT ( \"x\ny\" ( z ) )\nb A 192.0.2.1\n"));
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ntoks, 4);
	ck_tok(&f, 2, 8, "\"x\ny\"");
	ck_assert_str_eq(f.ln.warns[0].msg,
			 "quoted string across 1 line break, which BIND refuses");
	ck_assert_uint_eq(f.ln.warns[0].at.off, 8);
	ck_assert_uint_eq(f.ln.warns[0].refused, ZL_NOT_BIND);
	ck_assert_str_eq(f.ln.warns[1].msg,
			 "nested parentheses, which Knot DNS and NSD refuse");
	ck_assert_uint_eq(f.ln.nwarns, 2);
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.nwarns, 0);
	ck_tok(&f, 0, 22, "b");
	ck_assert(!fx_next(&f));
	fx_free(&f);
	/* An escaped line break is data too; the note counts the breaks. */
	fx_init(&f, S("a TXT ( \"x\\\ny\nz\" )\n"));
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_assert_str_eq(f.ln.warns[0].msg,
			 "quoted string across 2 line breaks, which BIND refuses");
	fx_free(&f);
	/* Only escaped line breaks: BIND reads them, in parentheses or
	 * not; Knot DNS refuses them, NSD drops the text before them. */
	fx_init(&f, S("a TXT \"x\\\ny\"\nb TXT ( \"x\\\r\ny\" )\n"));
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 2, 6, "\"x\\\ny\"");
	ck_assert_str_eq(f.ln.warns[0].msg,
			 "escaped line break in a quoted string, which Knot DNS "
			 "refuses and NSD loads without the text before the "
			 "break");
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_str_eq(f.ln.warns[0].msg,
			 "escaped line break in a quoted string, which Knot DNS "
			 "refuses and NSD loads without the text before the "
			 "break");
	ck_assert(!fx_next(&f));
	fx_free(&f);
	fx_init(&f, S("a TXT ( x ( y ) )\n"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.warns[0].msg,
			 "nested parentheses, which Knot DNS and NSD refuse");
	ck_assert_uint_eq(f.ln.warns[0].at.off, 10);
	fx_free(&f);
	/* A quote on a later line does not close it. */
	broken_line(S("a TXT \"abc\nb TXT \"x\"\n"),
		    "unterminated quoted string", 6, 2, 2, 17, "\"x\"");
	fx_init(&f, S("a TXT \"x\\"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_msg, "unterminated quoted string");
	ck_assert(!fx_next(&f));
	fx_free(&f);
	/* A string the next line closes, as NSD reads it, with the rest of
	 * that line whole: one error for both lines, not a second one for
	 * the next line's quote. */
	broken_line(S("a TXT \"v=spf1\n -all\" ; x\"\nb A 192.0.2.1\n"),
		    "unterminated quoted string (NSD reads on to the quote on "
		    "the next line)", 6, 2, 0, 26, "b");
	/* ... but not after a stray quote right after a word: BIND and
	 * Knot DNS read the next line alone, with its own error. */
	fx_init(&f, S("a NS b\"\nc TXT \"x\n"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_msg, "stray quote after a word: BIND and "
			 "Knot DNS read the next line alone, NSD up to its "
			 "quote");
	ck_assert_uint_eq(f.ln.err_at.off, 6);
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_msg, "unterminated quoted string");
	ck_assert_uint_eq(f.ln.err_at.off, 14);
	ck_assert(!fx_next(&f));
	fx_free(&f);
	/* ... nor when the rest of that line opens another string. */
	fx_init(&f, S("a TXT \"v=spf1\n -all\" \"x\nb A 192.0.2.1\n"));
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_msg, "unterminated quoted string");
	ck_assert(fx_next(&f));
	ck_assert(f.ln.blank);
	ck_tok(&f, 0, 15, "-all");
	ck_assert(fx_next(&f));
	ck_tok(&f, 0, 24, "b");
	fx_free(&f);
	fx_init(&f, "", 0);
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* A token longer than rdata of 65535 bytes written \DDD in quotes
	 * is a limit problem at the token. */
	big = malloc(300010);
	memcpy(big, "a TXT ", 6);
	memset(big + 6, 'x', 300000);
	memcpy(big + 300006, "\nb\n", 3);
	fx_init(&f, big, 300009);
	free(big);
	ck_assert(fx_next(&f));
	ck_assert_str_eq(f.ln.err_cat, "limit");
	ck_assert_str_eq(f.ln.err_msg, "token of 300000 bytes exceeds 262142");
	ck_assert_uint_eq(f.ln.err_at.off, 6);
	ck_assert(fx_next(&f));
	ck_tok(&f, 0, 300007, "b");
	fx_free(&f);
}
END_TEST

/* Many unclosed '(' must not make recovery quadratic, and nesting deeper
 * than the limit is a limit problem. */
START_TEST(test_lex_parens)
{
	struct fixture f;
	size_t lines = 200000, i, nerr = 0, nlimit = 0;
	char *buf = malloc(lines * 4);

	for (i = 0; i < lines; i++)
		memcpy(buf + 4 * i, "a (\n", 4);
	fx_init(&f, buf, lines * 4);
	free(buf);
	while (fx_next(&f)) {
		if (f.ln.err_cat)
			nerr++;
		if (f.ln.err_cat && strcmp(f.ln.err_cat, "limit") == 0) {
			nlimit++;
			ck_assert_str_eq(f.ln.err_msg,
					 "parentheses nested deeper than 1024");
		}
	}
	ck_assert_uint_gt(nlimit, 0);
	ck_assert_uint_le(nerr, lines);
	fx_free(&f);
}
END_TEST

/* Asserts comment i of the current line: offset and text. */
#define ck_cmt(f, i, o, text) do { \
	ck_assert_uint_gt((f)->ln.ncomments, (i)); \
	ck_assert_uint_eq((f)->ln.comments[i].off, (o)); \
	ck_assert_uint_eq((f)->ln.comments[i].len, strlen(text)); \
	ck_assert_mem_eq((f)->buf + (o), (text), strlen(text)); \
} while (0)

/* Comments are tokens of their own, apart from the fields: a ';' inside
 * quotes or escaped is data, the line break (and CR) is not part of one,
 * and a record over several lines keeps each line's comment. */
START_TEST(test_lex_comments)
{
	struct fixture f;

	fx_init(&f, S("_dmarc TXT \"v=DMARC1; p=none\" ; zonelint: x\r\n"
		      "a TXT a\\;b ;c\n"
		      "; alone\n"
		      "b TXT ( \"x\" ; one\n"
		      "  \"y\" ) ;two"));
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_assert_uint_eq(f.ln.ncomments, 1);
	ck_cmt(&f, 0, 30, "; zonelint: x");
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 3);
	ck_tok(&f, 2, 51, "a\\;b");
	ck_assert_uint_eq(f.ln.ncomments, 1);
	ck_cmt(&f, 0, 56, ";c");
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 0);
	ck_cmt(&f, 0, 59, "; alone");
	ck_assert(fx_next(&f));
	ck_assert_uint_eq(f.ln.ntoks, 4);
	ck_assert_uint_eq(f.ln.ncomments, 2);
	ck_cmt(&f, 0, 79, "; one");
	ck_cmt(&f, 1, 93, ";two");
	ck_assert(!fx_next(&f));
	fx_free(&f);

	/* An unclosed '(' is read again from the next line: the comments
	 * after it come once, not twice. */
	fx_init(&f, S("a TXT ( ; open\n"
		      "b A 192.0.2.1 ; bee\n"));
	ck_assert(fx_next(&f));
	ck_assert_ptr_nonnull(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ncomments, 1);
	ck_cmt(&f, 0, 8, "; open");
	ck_assert(fx_next(&f));
	ck_assert_ptr_null(f.ln.err_cat);
	ck_assert_uint_eq(f.ln.ncomments, 1);
	ck_cmt(&f, 0, 29, "; bee");
	ck_assert(!fx_next(&f));
	fx_free(&f);
}
END_TEST

START_TEST(test_ttl_parse)
{
	uint64_t v;

	ck_assert_int_eq(zl_ttl_parse(S("3600"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 3600);
	ck_assert_int_eq(zl_ttl_parse(S("0"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(zl_ttl_parse(S("1h30m"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 5400);
	ck_assert_int_eq(zl_ttl_parse(S("2d"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 172800);
	ck_assert_int_eq(zl_ttl_parse(S("1W"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 604800);
	ck_assert_int_eq(zl_ttl_parse(S("1H1m1S"), UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 3661);
	/* a number without unit after one with a unit: BIND and Knot DNS
	 * refuse it */
	ck_assert_int_eq(zl_ttl_parse(S("1h30"), UINT32_MAX, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("1h30m0"), UINT32_MAX, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("2147483647"), 2147483647, &v), 0);
	ck_assert_uint_eq(v, 2147483647);
	ck_assert_int_eq(zl_ttl_parse(S("2147483648"), 2147483647, &v), -2);
	ck_assert_uint_eq(v, 2147483648u);
	ck_assert_int_eq(zl_ttl_parse(S("4000w"), 2147483647, &v), -2);
	ck_assert_int_eq(zl_ttl_parse(S("99999999999999999999999"), 10, &v),
			 -2);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(zl_ttl_parse(S(""), 10, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("1x"), 10, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("h"), 10, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("1hh"), 10, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("-1"), 10, &v), -1);
	ck_assert_int_eq(zl_ttl_parse(S("1 h"), 10, &v), -1);
	/* The length is honoured: "36" of "3600". */
	ck_assert_int_eq(zl_ttl_parse("3600", 2, UINT32_MAX, &v), 0);
	ck_assert_uint_eq(v, 36);
}
END_TEST

START_TEST(test_type_parse)
{
	uint16_t t;

	ck_assert(zl_type_parse(S("A"), &t));
	ck_assert_uint_eq(t, 1);
	ck_assert(zl_type_parse(S("mx"), &t));
	ck_assert_uint_eq(t, 15);
	ck_assert(zl_type_parse(S("Txt"), &t));
	ck_assert_uint_eq(t, 16);
	ck_assert(zl_type_parse(S("caa"), &t));
	ck_assert_uint_eq(t, 257);
	ck_assert(zl_type_parse(S("OPENPGPKEY"), &t));
	ck_assert_uint_eq(t, 61);
	/* Every mnemonic of the IANA registry, ldns's or not. */
	ck_assert(zl_type_parse(S("dsync"), &t));
	ck_assert_uint_eq(t, 66);
	ck_assert(zl_type_parse(S("NSAP-PTR"), &t));
	ck_assert_uint_eq(t, 23);
	ck_assert(zl_type_parse(S("AMTRELAY"), &t));
	ck_assert_uint_eq(t, 260);
	ck_assert(zl_type_parse(S("WALLET"), &t));
	ck_assert_uint_eq(t, 262);
	ck_assert(zl_type_parse(S("TA"), &t));
	ck_assert_uint_eq(t, 32768);
	ck_assert(zl_type_parse(S("NXNAME"), &t));
	ck_assert_uint_eq(t, 128);
	ck_assert_str_eq(zl_type_name(258), "AVC");
	ck_assert_str_eq(zl_type_name(68), "BRID");
	ck_assert_ptr_null(zl_type_name(54));
	ck_assert_ptr_null(zl_type_name(65534));
	ck_assert(zl_type_parse(S("TYPE65534"), &t));
	ck_assert_uint_eq(t, 65534);
	ck_assert(zl_type_parse(S("type1"), &t));
	ck_assert_uint_eq(t, 1);
	ck_assert(!zl_type_parse(S("TYPE65536"), &t));
	ck_assert(!zl_type_parse(S("TYPE70000"), &t));
	ck_assert(!zl_type_parse(S("TYPE1X"), &t));
	ck_assert(!zl_type_parse(S("TYPE"), &t));
	ck_assert(!zl_type_parse(S("MXX"), &t));
	ck_assert(!zl_type_parse(S(""), &t));
	ck_assert(!zl_type_parse(S("A\0"), &t));
	ck_assert(!zl_type_parse(S("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), &t));
	/* Only the given length counts. */
	ck_assert(zl_type_parse("MXX", 2, &t));
	ck_assert_uint_eq(t, 15);
}
END_TEST

/* A generic mnemonic's number as each server reads it: BIND five
 * characters with strtoul(3), Knot DNS and NSD digits alone. */
START_TEST(test_generic_form)
{
	const unsigned none = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD;
	uint16_t t = 7;

	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE1"), 4, &t), 0);
	ck_assert_uint_eq(t, 1);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE00016"), 4, &t), 0);
	ck_assert_uint_eq(t, 16);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE+1"), 4, &t),
			  ZL_NOT_KNOT | ZL_NOT_NSD);
	ck_assert_uint_eq(t, 1);
	ck_assert_uint_eq(zl_lex_generic_form(S("CLASS+9999"), 5, &t),
			  ZL_NOT_KNOT | ZL_NOT_NSD);
	ck_assert_uint_eq(t, 9999);
	ck_assert_uint_eq(zl_lex_generic_form(S("CLASS-0"), 5, &t),
			  ZL_NOT_KNOT | ZL_NOT_NSD);
	ck_assert_uint_eq(t, 0);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE000001"), 4, &t),
			  ZL_NOT_BIND);
	ck_assert_uint_eq(t, 1);
	ck_assert_uint_eq(zl_lex_generic_form(
		S("TYPE0000000000000000000000000000065535"), 4, &t),
		ZL_NOT_BIND);
	ck_assert_uint_eq(t, 65535);
	t = 7;
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE+00001"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE-1"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE+"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE++1"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE65536"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(
		S("TYPE99999999999999999999"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE"), 4, &t), none);
	ck_assert_uint_eq(zl_lex_generic_form(S("TYPE1x"), 4, &t), none);
	ck_assert_uint_eq(t, 7);
	/* the strict reading stays: no sign, five digits at most */
	ck_assert(!zl_type_parse(S("TYPE+1"), &t));
	ck_assert(!zl_type_parse(S("TYPE000001"), &t));
	ck_assert_uint_eq(zl_type_form(S("TYPE+1"), &t),
			  ZL_NOT_KNOT | ZL_NOT_NSD);
	ck_assert_uint_eq(zl_type_form(S("mx"), &t), 0);
	ck_assert_uint_eq(t, 15);
	ck_assert_uint_eq(zl_type_form(S("MXX"), &t), none);
	ck_assert(zl_type_numeric(S("TYPE+1")));
	ck_assert(!zl_type_numeric(S("TYPEX")));
}
END_TEST

/* The servers that do not know a type's mnemonic: the table is searched
 * in order of type, so an entry out of order would go unseen. */
START_TEST(test_type_unknown_to)
{
	unsigned n = 0, t;

	ck_assert_uint_eq(zl_type_unknown_to(1), 0);
	ck_assert_uint_eq(zl_type_unknown_to(7), ZL_NOT_KNOT);
	ck_assert_uint_eq(zl_type_unknown_to(69),
			  ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD);
	ck_assert_uint_eq(zl_type_unknown_to(32769), ZL_NOT_KNOT);
	ck_assert_uint_eq(zl_type_unknown_to(65535), 0);
	for (t = 0; t <= 65535; t++)
		n += zl_type_unknown_to((uint16_t)t) != 0;
	ck_assert_uint_eq(n, 39);	/* the entries of the table */
}
END_TEST

Suite *lex_suite(void)
{
	Suite *s = suite_create("lex");
	TCase *tc;

	tc = tcase_create("lex_next");
	tcase_add_test(tc, test_lex_next);
	tcase_add_test(tc, test_lex_parens);
	tcase_add_test(tc, test_lex_comments);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("ttl_parse");
	tcase_add_test(tc, test_ttl_parse);
	suite_add_tcase(s, tc);
	tc = tcase_create("type_parse");
	tcase_add_test(tc, test_type_parse);
	tcase_add_test(tc, test_type_unknown_to);
	tcase_add_test(tc, test_generic_form);
	suite_add_tcase(s, tc);
	return s;
}
