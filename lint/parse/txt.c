/* txt.c - joins TXT character-strings and maps joined bytes to the source. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "txt.h"

#define JOIN_QUOTE 24	/* bytes of each string shown around a join */

void zl_txt_init(struct zl_txt *t, const char *src)
{
	memset(t, 0, sizeof *t);
	t->src = src;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Makes room for n more bytes and the NUL: one allocation per record in
 * the common case, since the callers reserve a token's length at once. */
static void reserve(struct zl_txt *t, size_t n)
{
	size_t cap = t->cap;

	if (t->len + n + 1 <= cap)
		return;
	while (cap < t->len + n + 1)
		cap = cap ? cap * 2 : t->len + n + 1;
	t->s = zl_xrealloc(t->s, cap);
	if (t->hex)
		t->map = zl_xrealloc(t->map, cap * sizeof *t->map);
	t->cap = cap;
}

/* Appends byte c, produced by the source text at offset off (kept only
 * for the RFC 3597 form, whose hex digits may be split anywhere). */
static void put(struct zl_txt *t, char c, uint32_t off)
{
	reserve(t, 1);
	if (t->hex)
		t->map[t->len] = off;
	t->s[t->len++] = c;
	t->s[t->len] = '\0';
}

/* Starts a part written at tok. */
static struct zl_txt_part *new_part(struct zl_txt *t, struct zl_tok tok)
{
	struct zl_txt_part *p;

	zl_xgrow((void **)&t->parts, &t->capparts, t->nparts + 1,
		 sizeof *t->parts);
	p = &t->parts[t->nparts++];
	p->at = (uint32_t)t->len;
	p->len = 0;
	p->tok = tok;
	return p;
}

/* The source bytes of a quoted or bare string token: [*i, *end). */
static void unquote(const char *s, struct zl_tok tok, uint32_t *i,
		    uint32_t *end)
{
	*i = tok.off;
	*end = tok.off + tok.len;
	/* RFC 1035 §5.1: a quoted string may hold spaces; the quotes are
	 * not part of it.  The loader keeps the quotes in the token. */
	if (tok.len >= 2 && s[*i] == '"' && s[*end - 1] == '"') {
		(*i)++;
		(*end)--;
	}
}

/* Length in the source of the escape or byte at s[i], before end. */
static uint32_t esc_len(const char *s, uint32_t i, uint32_t end)
{
	if (s[i] != '\\' || i + 1 >= end)
		return 1;
	if (i + 3 < end && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
	    is_digit(s[i + 3]))
		return 4;
	return 2;
}

/* Appends the n bytes at s + off as they are. */
static void put_run(struct zl_txt *t, const char *s, uint32_t off, uint32_t n)
{
	uint32_t k;

	reserve(t, n);
	for (k = 0; t->hex && k < n; k++)
		t->map[t->len + k] = off + k;
	memcpy(t->s + t->len, s + off, n);
	t->len += n;
	t->s[t->len] = '\0';
}

void zl_txt_add(struct zl_txt *t, struct zl_tok tok)
{
	const char *s = t->src, *bs;
	struct zl_txt_part *p = new_part(t, tok);
	uint32_t i, end, n;

	unquote(s, tok, &i, &end);
	reserve(t, end - i);	/* escapes only shorten the text */
	while (i < end) {
		/* the bytes up to the next escape, at once */
		bs = memchr(s + i, '\\', end - i);
		n = bs ? (uint32_t)(bs - s) - i : end - i;
		put_run(t, s, i, n);
		if ((i += n) == end)
			break;
		n = esc_len(s, i, end);
		if (n == 4)
			put(t, (char)((s[i + 1] - '0') * 100 +
				      (s[i + 2] - '0') * 10 + (s[i + 3] - '0')),
			    i);
		else
			put(t, s[i + n - 1], i);
		i += n;
	}
	p->len = (uint32_t)t->len - p->at;
}

/* RFC 3597 rdata "\# len hex...": the wire form is a sequence of
 * length-prefixed strings (RFC 1035 §3.3.14).  The loader has checked the
 * hex already; anything odd here just ends the text. */
static void add_generic(struct zl_txt *t, const struct zl_zone *z,
			const struct zl_rr *rr)
{
	struct zl_txt_part *p = NULL;
	uint32_t k, i, left = 0, hi = 0, first = 0;
	int v, nib = 0;

	for (k = 2; k < rr->ntok; k++) {
		struct zl_tok tok = zl_rr_tok(z, rr, k);

		for (i = tok.off; i < tok.off + tok.len; i++) {
			if ((v = zl_hex_digit(t->src[i])) < 0)
				return;
			if (nib++ % 2 == 0) {
				hi = (uint32_t)v;
				first = i;
				continue;
			}
			v = (int)(hi << 4) | v;
			if (left == 0) {
				struct zl_tok at = { first, 0 };

				p = new_part(t, at);
				left = (uint32_t)v + 1;
			} else {
				put(t, (char)v, first);
				p->len++;
			}
			p->tok.len = i + 1 - p->tok.off;
			left--;
		}
	}
}

void zl_txt_from_rr(struct zl_txt *t, const struct zl_zone *z,
		    const struct zl_rr *rr)
{
	uint32_t k;
	size_t n;

	zl_txt_init(t, z->srcs[rr->src]->buf);
	if (rr->flags & ZL_RR_GENERIC) {
		t->hex = true;
		add_generic(t, z, rr);
		return;
	}
	/* Exact sizes up front: parsed records stay in memory for the
	 * whole run, one per TXT record of the zone. */
	for (k = 0, n = 0; k < rr->ntok; k++)
		n += zl_rr_tok(z, rr, k).len;
	reserve(t, n);
	t->parts = zl_xcalloc(rr->ntok ? rr->ntok : 1, sizeof *t->parts);
	t->capparts = rr->ntok ? rr->ntok : 1;
	for (k = 0; k < rr->ntok; k++)
		zl_txt_add(t, zl_rr_tok(z, rr, k));
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Whether p[0..len) holds word (n > 0 bytes, lowercase) in any case. */
static bool holds(const char *p, size_t len, const char *word, size_t n)
{
	char last = word[n - 1];
	const char *q;
	size_t i, k;

	/* From each byte that may end the word; one that has no case (the
	 * '1' of "dmarc1") memchr finds. */
	for (i = n - 1; i < len; i++) {
		if (!(last >= 'a' && last <= 'z')) {
			if (!(q = memchr(p + i, last, len - i)))
				return false;
			i = (size_t)(q - p);
		}
		for (k = 0; k < n && lower(p[i - k]) == word[n - 1 - k]; k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

bool zl_txt_may_hold(const struct zl_zone *z, const struct zl_rr *rr,
		     const char *word)
{
	const char *s = z->srcs[rr->src]->buf;
	size_t n = strlen(word), m, have = 0;
	char seam[2 * 32];	/* the bytes either side of a string break */
	uint32_t i, end, k;

	if ((rr->flags & ZL_RR_GENERIC) || n == 0 || n > 32)
		return true;
	/* String by string, and across each break: a key record's text is
	 * several strings (RFC 6376 §3.6.2.2), and the word may straddle
	 * two of them. */
	for (k = 0; k < rr->ntok; k++, have = m) {
		unquote(s, zl_rr_tok(z, rr, k), &i, &end);
		if (memchr(s + i, '\\', end - i))
			return true;
		m = end - i < n - 1 ? end - i : n - 1;
		memcpy(seam + have, s + i, m);
		if (holds(seam, have + m, word, n) ||
		    holds(s + i, end - i, word, n))
			return true;
		/* the last n - 1 bytes so far, for the next break */
		m = have + m < n - 1 ? have + m : n - 1;
		memmove(seam, end - i >= m ? s + end - m :
			seam + have + (end - i) - m, m);
	}
	return false;
}

/* The first index at or after i of s[..end) that is no blank. */
static uint32_t past_blanks(const char *s, uint32_t i, uint32_t end)
{
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* The first string of rr, s[*i..*end) of its source *s, when what it
 * shows is the joined text's start as written: no \# form, no escape.
 * False means "join it to know". */
static bool first_plain(const struct zl_zone *z, const struct zl_rr *rr,
			const char **s, uint32_t *i, uint32_t *end)
{
	*s = z->srcs[rr->src]->buf;
	if ((rr->flags & ZL_RR_GENERIC) || rr->ntok == 0)
		return false;
	unquote(*s, zl_rr_tok(z, rr, 0), i, end);
	return !memchr(*s + *i, '\\', *end - *i);
}

bool zl_txt_may_start_v(const struct zl_zone *z, const struct zl_rr *rr,
			const char *version)
{
	size_t n = strlen(version);
	uint32_t i, end;
	const char *s;

	if (!first_plain(z, rr, &s, &i, &end))
		return true;
	if (i == end || s[i] != 'v')
		return false;
	i = past_blanks(s, i + 1, end);
	if (i < end && s[i++] != '=')
		return false;
	i = past_blanks(s, i, end);
	/* A version cut by a string break is read whole the slow way. */
	return end - i < n || memcmp(s + i, version, n) == 0;
}

bool zl_txt_may_start(const struct zl_zone *z, const struct zl_rr *rr,
		      const char *prefix)
{
	size_t n = strlen(prefix);
	uint32_t i, end;
	const char *s;

	if (!first_plain(z, rr, &s, &i, &end))
		return true;
	while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
			   s[i] == '\n'))
		i++;
	/* A prefix cut by a string break is read whole the slow way. */
	return end - i < n || strncasecmp(s + i, prefix, n) == 0;
}

bool zl_txt_surely_starts(const struct zl_zone *z, const struct zl_rr *rr,
			  const char *name, const char *value)
{
	size_t n = strlen(name), m = strlen(value);
	uint32_t i, end;
	const char *s;

	if (!first_plain(z, rr, &s, &i, &end) || end - i < n ||
	    strncasecmp(s + i, name, n) != 0)
		return false;
	i = past_blanks(s, i + (uint32_t)n, end);
	if (i == end || s[i] != '=')
		return false;
	i = past_blanks(s, i + 1, end);
	if (end - i < m || memcmp(s + i, value, m) != 0)
		return false;
	i = past_blanks(s, i + (uint32_t)m, end);
	/* the value may go on in the next string */
	return i < end ? s[i] == ';' : rr->ntok == 1;
}

/* The source span [*off, *end) of the escape or byte that gave s[i]:
 * found again by walking its string, so that no per-byte map is kept. */
static void src_span(const struct zl_txt *t, size_t i, uint32_t *off,
		     uint32_t *end)
{
	const struct zl_txt_part *p = &t->parts[zl_txt_part_at(t, i)];
	uint32_t j, e, k;

	if (t->hex) {
		*off = t->map[i];
		*end = *off + 2;
		return;
	}
	unquote(t->src, p->tok, &j, &e);
	for (k = p->at; k < i && j < e; k++)
		j += esc_len(t->src, j, e);
	*off = j;
	*end = j < e ? j + esc_len(t->src, j, e) : j;
}

struct zl_tok zl_txt_tok(const struct zl_txt *t, size_t a, size_t b)
{
	struct zl_tok tok = { 0, 0 };
	uint32_t off, end;

	if (t->len == 0) {
		if (t->nparts)
			tok.off = t->parts[0].tok.off;
		return tok;
	}
	if (a >= t->len) {
		src_span(t, t->len - 1, &off, &tok.off);
		return tok;
	}
	src_span(t, a, &tok.off, &end);
	if (b > t->len)
		b = t->len;
	if (b > a) {
		src_span(t, b - 1, &off, &end);
		tok.len = end - tok.off;
	}
	return tok;
}

bool zl_txt_same(const struct zl_txt *a, const struct zl_txt *b)
{
	size_t k;

	if (a->hex || b->hex || a->len != b->len || a->nparts != b->nparts)
		return false;
	for (k = 0; k < a->nparts; k++)
		if (a->parts[k].len != b->parts[k].len)
			return false;
	return memcmp(a->s, b->s, a->len) == 0;
}

size_t zl_txt_part_at(const struct zl_txt *t, size_t i)
{
	size_t lo = 0, hi = t->nparts;

	if (hi == 0)
		return 0;
	/* The last part starting at or before i; empty parts share their
	 * start with the next one, which wins. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->parts[mid].at <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t zl_txt_join_in(const struct zl_txt *t, size_t a, size_t b)
{
	size_t k;

	for (k = 1; k < t->nparts; k++) {
		if (t->parts[k].at >= b)
			break;
		/* An empty string joins nothing: the next one does. */
		if (t->parts[k].at > a && t->parts[k].len > 0)
			return k;
	}
	return 0;
}

/* Appends part p's text escaped, at most JOIN_QUOTE bytes of its end
 * (tail) or of its start. */
static void quote_part(const struct zl_txt *t, const struct zl_txt_part *p,
		       bool tail, struct zl_buf *out)
{
	const char *s = t->s ? t->s + p->at : "";
	size_t len = tail ? zl_utf8_tail(s, p->len, JOIN_QUOTE) :
		     zl_utf8_head(s, p->len, JOIN_QUOTE);

	zl_buf_addc(out, '\'');
	if (tail && len < p->len)
		zl_buf_add(out, "...", 3);
	/* An empty string may come first, before any byte was joined:
	 * t->s is still NULL then (s is ""). */
	if (len > 0)
		zl_buf_add_escaped(out, s + (tail ? p->len - len : 0), len);
	if (!tail && len < p->len)
		zl_buf_add(out, "...", 3);
	zl_buf_addc(out, '\'');
}

void zl_txt_describe_join(const struct zl_txt *t, size_t k,
			  struct zl_buf *out)
{
	size_t j = k;

	if (k == 0 || k >= t->nparts)
		return;
	/* The text before the join may come from an earlier string when
	 * empty strings lie between. */
	while (j > 1 && t->parts[j - 1].len == 0)
		j--;
	zl_buf_add(out, "the strings ", 12);
	quote_part(t, &t->parts[j - 1], true, out);
	zl_buf_add(out, " and ", 5);
	quote_part(t, &t->parts[k], false, out);
}

void zl_txt_to_arena(struct zl_txt *t, struct zl_arena *a)
{
	t->s = t->s ? zl_arena_take(a, t->s, t->len + 1) : NULL;
	t->map = t->map ? zl_arena_take(a, t->map, t->len * sizeof *t->map) :
		 NULL;
	t->parts = zl_arena_take(a, t->parts, t->nparts * sizeof *t->parts);
	t->cap = t->capparts = 0;
}

void zl_txt_free(struct zl_txt *t)
{
	if (!t)
		return;
	free(t->s);
	free(t->map);
	free(t->parts);
	memset(t, 0, sizeof *t);
}
