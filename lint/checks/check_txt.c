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
		t = z->toks[rr->tok + k];
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
			 (int)(n > LOST_MAX ? LOST_MAX : n), c,
			 n > LOST_MAX ? "..." : "");
		snprintf(word, sizeof word, "%.*s",
			 (int)(t.len > LOST_MAX ? LOST_MAX : t.len),
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
