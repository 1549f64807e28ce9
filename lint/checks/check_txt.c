/* check_txt.c - how the text of TXT and SPF records is written in the
 * zone file. */
#include <stdio.h>
#include <string.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* How much of the lost text a message quotes. */
#define LOST_MAX 40

/* Whether s[0..n), the text of a comment after its ';', reads as more
 * tag=value text: a word of letters and digits, then '=' (blanks
 * allowed around the word). */
static bool reads_as_tags(const char *s, size_t n)
{
	size_t i = 0, w;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	for (w = i; i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
			      (s[i] >= 'A' && s[i] <= 'Z') ||
			      (s[i] >= '0' && s[i] <= '9')); i++)
		;
	if (i == w)
		return false;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n && s[i] == '=';
}

/* RFC 1035 §5.1: ';' begins a comment wherever it is not quoted or
 * escaped.  A record written without quotes, `v=DMARC1; p=reject`, ends
 * at the ';' that was meant to separate its tags: the record holds
 * `v=DMARC1` only, and the policy is a comment; so does one whose quotes
 * close too early, `"v=DMARC1";p=reject`.  Reported where a ';' follows a
 * string with no blank between them and the comment goes on as tag=value
 * text; a comment written after a blank is the author's. */
static void txt_cut_by_comment(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr = ctx->rr;
	const char *buf = z->srcs[rr->src]->buf, *c, *end;
	char word[LOST_MAX + 1], lost[LOST_MAX + 4];
	struct zl_tok t;
	size_t n;
	unsigned k;

	for (k = 0; k < rr->ntok; k++) {
		t = zl_rr_tok(z, rr, k);
		c = buf + t.off + t.len;
		if (!t.len || *c != ';')
			continue;
		end = strchr(c, '\n');
		n = end ? (size_t)(end - c - 1) : strlen(c + 1);
		if (!reads_as_tags(c + 1, n))
			break;
		/* The lost text, without the blanks it starts with and a
		 * carriage return it may end with. */
		for (c++; n && (*c == ' ' || *c == '\t'); c++, n--)
			;
		if (n && c[n - 1] == '\r')
			n--;
		snprintf(lost, sizeof lost, "%.*s%s",
			 (int)zl_utf8_head(c, n, LOST_MAX), c,
			 n > LOST_MAX ? "..." : "");
		snprintf(word, sizeof word, "%.*s",
			 (int)zl_utf8_head(buf + t.off, t.len, LOST_MAX),
			 buf + t.off);
		ZL_EMIT(ctx, rr->src, ((struct zl_tok){ t.off + t.len, 1 }),
			{ "text", word }, { "lost", lost });
		break;
	}
}

const struct zl_check zl_check_txt_cut_by_comment = {
	.name = "txt-cut-by-comment",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = txt_cut_by_comment,
	.params = no_params,
	/* text: the string before the ';'; lost: what follows it */
	.vars = (const char *const[]){ "text", "lost", NULL },
};

/* Typographic quotes, as word processors and web pages write '"'. */
static const struct {
	const char *bytes;	/* UTF-8 */
	const char *name;
} typo_quotes[] = {
	{ "\xe2\x80\x9c", "U+201C" }, { "\xe2\x80\x9d", "U+201D" },
	{ "\xe2\x80\x9e", "U+201E" }, { "\xe2\x80\x98", "U+2018" },
	{ "\xe2\x80\x99", "U+2019" }, { "\xc2\xab", "U+00AB" },
	{ "\xc2\xbb", "U+00BB" },
};

/* The length of the quote that text s (n bytes of zone file text)
 * starts with, and its name; 0 when it starts with none.  Besides the
 * typographic quotes, an ASCII quote escaped into the data ("\"v=spf1
 * -all\"" or "\034v=spf1 -all\034"), often from a record typed into a
 * web form with its quotes and exported. */
static size_t quote_len(const char *s, size_t n, const char **name)
{
	size_t i, k;

	/* the typographic quotes start with a byte above 0x7f */
	if (!n || ((unsigned char)s[0] < 0x80 && s[0] != '\\'))
		return 0;
	if (n >= 2 && s[0] == '\\' && s[1] == '"') {
		*name = "U+0022, escaped";
		return 2;
	}
	if (n >= 4 && memcmp(s, "\\034", 4) == 0) {
		*name = "U+0022, escaped";
		return 4;
	}
	for (i = 0; i < sizeof typo_quotes / sizeof *typo_quotes; i++) {
		k = strlen(typo_quotes[i].bytes);
		if (n >= k && memcmp(s, typo_quotes[i].bytes, k) == 0) {
			*name = typo_quotes[i].name;
			return k;
		}
	}
	return 0;
}

/* A record copied from a document with its typographic quotes: without
 * ASCII quotes each word is a string of its own, and the text starts
 * with the quote's bytes either way, so receivers do not see the
 * 'v=spf1', 'v=DMARC1' or 'v=DKIM1' that makes it theirs (RFC 7208 §4.5,
 * RFC 7489 §6.6.3, RFC 6376 §3.6.2.2).  An escaped ASCII quote is data
 * just the same.  Only text that starts a 'v=' record after the quote is
 * reported: quotes in other text are data. */
static void txt_typographic_quotes(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr = ctx->rr;
	const char *s, *name = NULL;
	struct zl_tok t;
	size_t k;

	if (!rr->ntok)
		return;
	t = zl_rr_tok(z, rr, 0);
	s = zl_tok_text(z, rr->src, t);
	if (t.len && s[0] == '"') {
		s++;
		t.off++;
		t.len--;
	}
	k = quote_len(s, t.len, &name);
	if (k && t.len >= k + 2 && (s[k] == 'v' || s[k] == 'V') &&
	    s[k + 1] == '=')
		ZL_EMIT(ctx, rr->src, ((struct zl_tok){ t.off, (uint32_t)k }),
			{ "quote", name });
}

const struct zl_check zl_check_txt_typographic_quotes = {
	.name = "txt-typographic-quotes",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = txt_typographic_quotes,
	.params = no_params,
	.vars = (const char *const[]){ "quote", NULL },
};
