/* tagvalue.c - the RFC 6376 §3.2 tag=value list parser, and TXT records read as tag lists. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "tagvalue.h"

/* FWS and WSP: inside a TXT record a folded line is just CR LF and space. */
static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_namechar(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* VALCHAR: printable ASCII except ';' (which ends the tag). */
static bool is_valchar(char c)
{
	return c >= 0x21 && c <= 0x7e && c != ';';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static void add_error(struct zl_tv *tv, uint32_t off, uint32_t len,
		      char *msg)
{
	zl_xgrow((void **)&tv->errs, &tv->caperrs, tv->nerrs + 1,
		 sizeof *tv->errs);
	tv->errs[tv->nerrs].at = (struct zl_tv_span){ off, len };
	tv->errs[tv->nerrs].ext_name = false;
	tv->errs[tv->nerrs].empty = false;
	tv->errs[tv->nerrs].follow = false;
	tv->errs[tv->nerrs].raw8 = false;
	tv->errs[tv->nerrs++].msg = msg;
}

/* The most bytes of escaped text zl_tv_str() keeps, as the messages
 * about zone tokens clip them (ZL_CLIP): a value may be 64 KB long. */
#define QUOTE_MAX 64

char *zl_tv_str(const char *s, struct zl_tv_span sp)
{
	struct zl_buf b = { 0 };
	uint32_t i = sp.off, end = sp.off + sp.len;
	size_t k, keep = 0;

	zl_buf_add(&b, "", 0);
	/* unit by unit (a byte, its escape, or a UTF-8 character shown as
	 * it is), so that the cut splits none */
	while (i < end && b.len <= QUOTE_MAX) {
		k = zl_shown_len(s + i, end - i);
		k = k ? k : 1;
		zl_buf_add_escaped(&b, s + i, k);
		if (b.len <= QUOTE_MAX)
			keep = b.len;
		i += (uint32_t)k;
	}
	if (b.len > QUOTE_MAX) {
		b.len = keep;
		zl_buf_add(&b, "...", 3);
	}
	return b.s;
}

/* An error about the bytes [a, b) that quotes them. */
static void error_quoting(struct zl_tv *tv, const char *s, uint32_t a,
			  uint32_t b, const char *fmt)
{
	char *q = zl_tv_str(s, (struct zl_tv_span){ a, b - a });

	add_error(tv, a, b - a, zl_xasprintf(fmt, q));
	free(q);
}

/* RFC 8461 §3.1 and RFC 8460 §3 extension names: a letter or digit, then
 * up to 31 letters, digits, '_', '-' or '.' (the length is left to the
 * checks that know which names are extensions). */
static bool is_extchar(char c)
{
	return is_namechar(c) || c == '-' || c == '.';
}

/* Reports a name [a, i) that only the extension grammar allows;
 * returns whether it is one. */
static bool check_strict_name(struct zl_tv *tv, const char *s, uint32_t a,
			      uint32_t i)
{
	uint32_t k;

	for (k = a; k < i && is_namechar(s[k]); k++)
		;
	if (is_alpha(s[a]) && k == i)
		return false;
	/* Only the records of RFC 6376's grammar (DKIM, DMARC, BIMI)
	 * report it. */
	error_quoting(tv, s, a, i, "invalid tag name '%s': a tag name is a "
		      "letter, then letters, digits or '_'");
	tv->errs[tv->nerrs - 1].ext_name = true;
	return true;
}

/* Reports [a, b), which starts with a byte no tag name starts with (in
 * any of the grammars: MTA-STS and TLS-RPT extension names may start
 * with a digit). */
static void not_a_name(struct zl_tv *tv, const char *s, uint32_t a,
		       uint32_t b)
{
	size_t k = zl_shown_len(s + a, b - a);
	char *first = zl_tv_str(s, (struct zl_tv_span){ a,
						      k ? (uint32_t)k : 1 });
	char *q = zl_tv_str(s, (struct zl_tv_span){ a, b - a });

	add_error(tv, a, b - a, zl_xasprintf("'%s' is not a tag name: no tag "
		  "name starts with '%s'", q, first));
	free(q);
	free(first);
}

/* The bytes of the character at s[i] (before b) to quote: the UTF-8
 * character it starts, whole, else the byte. */
static uint32_t char_len(const char *s, uint32_t i, uint32_t b)
{
	size_t k = zl_utf8_len(s + i, b - i);

	return k ? (uint32_t)k : 1;
}

/* Checks the value [a, b) byte by byte: only VALCHAR and whitespace. */
static bool check_value(struct zl_tv *tv, const char *s, uint32_t a,
			uint32_t b, struct zl_tv_span name)
{
	uint32_t i;

	for (i = a; i < b; i++) {
		if (is_valchar(s[i]) || is_ws(s[i]))
			continue;
		{
			struct zl_tv_span c = { i, char_len(s, i, b) };
			char *q = zl_tv_str(s, c), *n = zl_tv_str(s, name);

			add_error(tv, i, c.len, zl_xasprintf("invalid "
				  "character '%s' in the value of tag '%s'", q,
				  n));
			tv->errs[tv->nerrs - 1].raw8 =
				(unsigned char)s[i] >= 0x80;
			free(q);
			free(n);
		}
		return false;
	}
	return true;
}

/* Parses the tag-spec [a, b), already trimmed and not empty. */
static void parse_spec(struct zl_tv *tv, const char *s, uint32_t a,
		       uint32_t b)
{
	struct zl_tv_tag t = { .spec = { a, b - a }, .dup = -1, .dup_ci = -1 };
	uint32_t i = a, eq;

	while (i < b && is_extchar(s[i]))
		i++;
	for (eq = i; eq < b && is_ws(s[eq]); eq++)
		;
	if (i == a || !(is_alpha(s[a]) || is_digit(s[a]))) {
		for (eq = a; eq < b && s[eq] != '=' && !is_ws(s[eq]); eq++)
			;
		/* U+00A0 from a web page pasted after a ';': it looks
		 * like a blank, but the name does not start where seen */
		if (b - a > 2 && (unsigned char)s[a] == 0xc2 &&
		    (unsigned char)s[a + 1] == 0xa0)
			error_quoting(tv, s, a, eq, "'%s' starts with a "
				      "no-break space (UTF-8 C2 A0), not a "
				      "blank: only spaces and tabs may stand "
				      "around ';'");
		else if (s[a] == '=')
			add_error(tv, a, 1, zl_xstrdup("'=' with no tag name "
				  "before it"));
		else
			not_a_name(tv, s, a, eq);
		return;
	}
	t.name = (struct zl_tv_span){ a, i - a };
	if (eq == b || s[eq] != '=') {
		char *n = zl_tv_str(s, t.name);

		if (eq == b)
			add_error(tv, a, b - a, zl_xasprintf("tag '%s' has no "
				  "'=' and value", n));
		else
			error_quoting(tv, s, eq, eq + char_len(s, eq, b),
				      "unexpected '%s' in a tag name "
				      "(tag-name '=' value)");
		free(n);
		return;
	}
	t.ext_name = check_strict_name(tv, s, a, t.name.off + t.name.len);
	for (i = eq + 1; i < b && is_ws(s[i]); i++)
		;
	t.value = (struct zl_tv_span){ i, b - i };
	t.bad = !check_value(tv, s, i, b, t.name);
	t.raw8 = t.bad && tv->errs[tv->nerrs - 1].raw8;
	zl_xgrow((void **)&tv->tags, &tv->captags, tv->ntags + 1,
		 sizeof *tv->tags);
	tv->tags[tv->ntags++] = t;
}

/* Fills dup (exact) or dup_ci of every tag through one hash table of
 * first occurrences: linear however many tags a hostile record has.  The
 * names are compared in s exactly: for dup_ci, s is the record folded to
 * lower case.  The hash is keyed (zl_hash), so that no record can be
 * written whose names all collide. */
static void mark_dups(struct zl_tv *tv, const char *s, bool icase)
{
	size_t cap = 16, i, h;
	int *tab;

	while (cap < 2 * tv->ntags)
		cap *= 2;
	tab = zl_xcalloc(cap, sizeof *tab);	/* index + 1; 0 is empty */
	for (i = 0; i < tv->ntags; i++) {
		struct zl_tv_tag *t = &tv->tags[i];
		const char *name = s + t->name.off;

		for (h = zl_hash(name, t->name.len) & (cap - 1); tab[h];
		     h = (h + 1) & (cap - 1)) {
			struct zl_tv_span o = tv->tags[tab[h] - 1].name;

			if (o.len == t->name.len &&
			    memcmp(s + o.off, name, o.len) == 0)
				break;
		}
		if (tab[h])
			*(icase ? &t->dup_ci : &t->dup) = tab[h] - 1;
		else
			tab[h] = (int)i + 1;
	}
	free(tab);
}

/* The first ';' in s[a..n), or n. */
static uint32_t next_semi(const char *s, uint32_t a, uint32_t n)
{
	const char *p = a < n ? memchr(s + a, ';', n - a) : NULL;

	return p ? (uint32_t)(p - s) : n;
}

/* Whether the names of tags a and b are the same (icase: ignoring ASCII
 * case). */
static bool same_name(const char *s, const struct zl_tv_tag *a,
		      const struct zl_tv_tag *b, bool icase)
{
	uint32_t i;

	if (a->name.len != b->name.len)
		return false;
	for (i = 0; i < a->name.len; i++)
		if (icase ? lower(s[a->name.off + i]) != lower(s[b->name.off + i]) :
			    s[a->name.off + i] != s[b->name.off + i])
			return false;
	return true;
}

/* Records of up to this many tags (all real ones) are compared tag by
 * tag, with the same results as mark_dups and without its tables. */
#define FEW_TAGS 8

static void mark_dups_few(struct zl_tv *tv, const char *s)
{
	size_t i, j;

	for (i = 1; i < tv->ntags; i++) {
		struct zl_tv_tag *t = &tv->tags[i];

		for (j = 0; j < i && (t->dup < 0 || t->dup_ci < 0); j++) {
			if (t->dup < 0 && same_name(s, &tv->tags[j], t, false))
				t->dup = (int)j;
			if (t->dup_ci < 0 && same_name(s, &tv->tags[j], t, true))
				t->dup_ci = (int)j;
		}
	}
}

/* The part of a tag-spec after a ';' with no blank at it, whose errors
 * start at index e and tag (if any) at index t, follows the part before
 * it, tag prev (-1 when that part was no tag): when one of the two parts
 * is no tag, the ';' cut one tag-spec in two.  Not when the part before
 * is the first tag, a record's version as a rule, or the part after
 * starts with a byte no value holds (a bad byte of its own). */
static void mark_cut(struct zl_tv *tv, const char *s, uint32_t a, size_t e,
		     size_t t, long prev)
{
	if (t == tv->ntags && tv->nerrs > e) {	/* no tag after the ';' */
		if (prev == 0 || (prev > 0 && !is_valchar(s[a])))
			return;
		for (; e < tv->nerrs; e++)
			tv->errs[e].follow = true;
		if (prev > 0)
			tv->tags[prev].cut = true;
	} else if (t < tv->ntags && prev < 0 && e > 0 &&
		   !tv->errs[e - 1].empty) {	/* no tag before it */
		tv->tags[t].follow = true;
	}
}

void zl_tv_parse(struct zl_tv *tv, const char *s, size_t len)
{
	uint32_t a = 0, b, end, n = (uint32_t)len, cut = 0, after_empty = 0;
	long prev = -1;
	bool list;
	char *low;

	memset(tv, 0, sizeof *tv);
	/* At most one tag per ';' and one more: sized once, since parsed
	 * records live as long as the run's memo. */
	for (b = 0, tv->captags = 1; (b = next_semi(s, b, n)) < n; b++)
		tv->captags++;
	tv->tags = zl_xcalloc(tv->captags, sizeof *tv->tags);
	for (;;) {
		end = next_semi(s, a, n);
		for (b = end; b > a && is_ws(s[b - 1]); b--)
			;
		while (a < b && is_ws(s[a]))
			a++;
		if (a < b) {
			size_t e = tv->nerrs, t = tv->ntags;

			parse_spec(tv, s, a, b);
			if (cut && a == cut)
				mark_cut(tv, s, a, e, t, prev);
			/* ";=reject": the ';' of an empty tag-spec right
			 * before a part that is no tag stands for a byte of
			 * that part, whose error tells the cause */
			if (after_empty && a == after_empty &&
			    t == tv->ntags && tv->nerrs > e)
				tv->errs[e - 1].follow = true;
			after_empty = 0;
			/* The next part follows right after this one's ';'
			 * (blanks allowed after a list's ','). */
			list = t < tv->ntags && s[b - 1] == ',';
			cut = end < n && (b == end || list) ? end + 1 : 0;
			while (cut && list && cut < n && is_ws(s[cut]))
				cut++;
			prev = t < tv->ntags ? (long)t : -1;
		} else if (end < n) {	/* only a final ';' may end empty */
			add_error(tv, end, 1, zl_xstrdup("empty tag before "
				  "';' (two separators in a row)"));
			tv->errs[tv->nerrs - 1].empty = true;
			/* "l;;": right after a part that is no tag, the
			 * ';' stands for its '=', whose error tells it */
			tv->errs[tv->nerrs - 1].follow = cut && end == cut &&
							 prev < 0;
			cut = 0;
			after_empty = end + 1;
		}
		if (end >= n)
			break;
		a = end + 1;
	}
	if (tv->ntags <= FEW_TAGS) {
		mark_dups_few(tv, s);
		return;
	}
	mark_dups(tv, s, false);
	low = zl_xmalloc(n ? n : 1);
	for (b = 0; b < n; b++)
		low[b] = lower(s[b]);
	mark_dups(tv, low, true);
	free(low);
}

void zl_tv_free(struct zl_tv *tv)
{
	size_t i;

	if (!tv)
		return;
	for (i = 0; i < tv->nerrs; i++)
		free(tv->errs[i].msg);
	free(tv->errs);
	free(tv->tags);
	memset(tv, 0, sizeof *tv);
}

bool zl_tv_eq(const char *s, struct zl_tv_span sp, const char *word,
	      bool icase)
{
	const char *p = s + sp.off, *end = p + sp.len;

	/* Byte by byte, without strlen: most calls (a tag name against a
	 * list of names) differ at the first byte.  A NUL in the text
	 * matches no byte of word. */
	if (icase) {
		for (; p < end; p++, word++)
			if (!*word || lower(*p) != lower(*word))
				return false;
	} else {
		for (; p < end; p++, word++)
			if (*p != *word || !*word)
				return false;
	}
	return *word == '\0';
}

bool zl_tv_one_of(const char *s, struct zl_tv_span sp,
		  const char *const *list)
{
	for (; *list; list++)
		if (zl_tv_eq(s, sp, *list, true))
			return true;
	return false;
}

const struct zl_tv_tag *zl_tv_find(const struct zl_tv *tv, const char *s,
				   const char *name, bool icase)
{
	size_t i;

	for (i = 0; i < tv->ntags; i++)
		if (zl_tv_eq(s, tv->tags[i].name, name, icase))
			return &tv->tags[i];
	return NULL;
}

bool zl_tv_next_item(const char *s, struct zl_tv_span list, char sep,
		     uint32_t *pos, struct zl_tv_span *item)
{
	uint32_t end = list.off + list.len, a = *pos, b;

	if (a > end)
		return false;
	for (b = a; b < end && s[b] != sep; b++)
		;
	*pos = b + 1;
	while (a < b && is_ws(s[a]))
		a++;
	item->off = a;
	while (b > a && is_ws(s[b - 1]))
		b--;
	item->len = b - a;
	return true;
}

bool zl_tv_next_break(const char *s, size_t len, uint32_t *pos,
		      struct zl_tv_span *at, bool *semi)
{
	uint32_t i = *pos, a, brk, n = (uint32_t)len;

	while (i < n) {
		for (; i < n && !is_ws(s[i]); i++)
			;
		for (a = i, brk = n; i < n && is_ws(s[i]); i++)
			if (brk == n && (s[i] == '\r' || s[i] == '\n'))
				brk = i;
		if (brk == n)
			continue;
		/* A run between a name and '=' or inside a value is part of
		 * a tag-spec: neither side a ';' nor an end. */
		*semi = (a > 0 && s[a - 1] == ';') || (i < n && s[i] == ';');
		if (*semi || a == 0 || i == n) {
			*pos = i;
			*at = (struct zl_tv_span){ brk, 1 };
			return true;
		}
	}
	*pos = n;
	return false;
}

/* The first blank (is_ws) of s[a..b), or b: found by memchr, as most
 * values (a DKIM key's base64) hold none and are long. */
static uint32_t next_ws(const char *s, uint32_t a, uint32_t b)
{
	const char *w, *p;

	for (w = " \t\r\n"; *w; w++)
		if ((p = memchr(s + a, *w, b - a)))
			b = (uint32_t)(p - s);
	return b;
}

bool zl_tv_run_on(const char *s, struct zl_tv_span v, struct zl_tv_span *name)
{
	uint32_t i, k, end = v.off + v.len;

	/* a blank, then a name and '=' */
	for (i = next_ws(s, v.off, end); i + 1 < end;
	     i = next_ws(s, i + 1, end)) {
		if (!is_alpha(s[i + 1]))
			continue;
		for (k = i + 1; k < end && is_extchar(s[k]); k++)
			;
		if (k < end && s[k] == '=') {
			*name = (struct zl_tv_span){ i + 1, k - i - 1 };
			return true;
		}
	}
	return false;
}

/* ---- TXT records as tag lists ---- */

struct zl_tv_rec *zl_tv_rec_new(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_tv_rec *r = zl_xcalloc(1, sizeof *r);

	zl_txt_from_rr(&r->txt, z, rr);
	if (!r->txt.s)		/* no bytes at all: checks still read s */
		r->txt.s = zl_xstrdup("");
	zl_tv_parse(&r->tv, r->txt.s, r->txt.len);
	return r;
}

struct zl_tv_rec *zl_tv_rec_in(struct zl_arena *a, const struct zl_zone *z,
			       const struct zl_rr *rr)
{
	struct zl_tv_rec *r = zl_arena_alloc(a, sizeof *r);
	struct zl_tv *tv = &r->tv;
	size_t i;

	zl_txt_from_rr(&r->txt, z, rr);
	zl_txt_to_arena(&r->txt, a);
	if (!r->txt.s)
		r->txt.s = zl_arena_strndup(a, "", 0);
	zl_tv_parse(tv, r->txt.s, r->txt.len);
	for (i = 0; i < tv->nerrs; i++) {
		char *m = tv->errs[i].msg;

		tv->errs[i].msg = zl_arena_strndup(a, m, strlen(m));
		free(m);
	}
	tv->errs = zl_arena_take(a, tv->errs, tv->nerrs * sizeof *tv->errs);
	tv->tags = zl_arena_take(a, tv->tags, tv->ntags * sizeof *tv->tags);
	tv->captags = tv->caperrs = 0;
	return r;
}

void zl_tv_rec_free(struct zl_tv_rec *r)
{
	if (!r)
		return;
	zl_tv_free(&r->tv);
	zl_txt_free(&r->txt);
	free(r);
}

struct zl_tok zl_tv_tok(const struct zl_tv_rec *r, struct zl_tv_span sp)
{
	return zl_txt_tok(&r->txt, sp.off, (size_t)sp.off + sp.len);
}

/* Whether r's first tag is name=value, wherever it starts. */
static bool first_tag_is(const struct zl_tv_rec *r, const char *name,
			 const char *value, bool icase)
{
	const struct zl_tv_tag *t = r->tv.ntags ? &r->tv.tags[0] : NULL;

	return t && zl_tv_eq(r->txt.s, t->name, name, icase) &&
	       zl_tv_eq(r->txt.s, t->value, value, false);
}

bool zl_tv_first_is(const struct zl_tv_rec *r, const char *name,
		    const char *value, bool icase)
{
	return first_tag_is(r, name, value, icase) &&
	       r->tv.tags[0].spec.off == 0;
}

bool zl_tv_first_after_ws(const struct zl_tv_rec *r, const char *name,
			  const char *value, bool icase)
{
	uint32_t i;

	if (!first_tag_is(r, name, value, icase) || !r->tv.tags[0].spec.off)
		return false;
	for (i = 0; i < r->tv.tags[0].spec.off; i++)
		if (!is_ws(r->txt.s[i]))
			return false;
	return true;
}

struct zl_tv_span zl_tv_head(const struct zl_tv_rec *r)
{
	if (r->tv.ntags && r->tv.tags[0].spec.off > 0)
		return (struct zl_tv_span){ 0, r->tv.tags[0].spec.off };
	return r->tv.ntags ? r->tv.tags[0].spec :
	       (struct zl_tv_span){ 0, (uint32_t)r->txt.len };
}
