/* suppress.c - `; zonelint: disable=…` comments: reading them and marking the findings they cover. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "suppress.h"

const char *const zl_supp_kind_names[] = { "disable", "disable-next",
					  "disable-file" };

/* Per source: which record each line belongs to. */
struct smap {
	uint32_t *key;	/* per 1-based line: first line of the record that
			   covers it, 0 when none (then the line itself) */
	size_t nlines;
};


/* ---- lines and records ---- */

/* 1-based line of byte off in src; *near is the line found last, which
 * saves counting again when the offsets come in order. */
static uint32_t line_of(const struct zl_src *src, uint32_t off,
			struct zl_line *near)
{
	*near = zl_src_line(src, off, near);
	return (uint32_t)near->line + 1;
}

/* Maps every line of a multi-line record to the record's first line, so
 * that a comment on any of its lines and a finding on any of its lines meet
 * at one key (RFC 1035 §5.1: parentheses continue a record over lines). */
static void map_records(struct smap *m, const struct zl_zone *z, uint16_t si)
{
	const struct zl_src *src = z->srcs[si];
	const struct zl_rr *rr;
	struct zl_line near = { 0, 0 };
	uint32_t l0, l1, l;
	size_t i;

	m->nlines = src->nlines;
	m->key = zl_xcalloc(m->nlines + 2, sizeof *m->key);
	for (i = 0; i < z->nrrs; i++) {
		rr = &z->rrs[i];
		if (rr->src != si || rr->text.len == 0)
			continue;
		l0 = line_of(src, rr->text.off, &near);
		l1 = line_of(src, rr->text.off + rr->text.len - 1, &near);
		for (l = l0; l <= l1; l++)
			m->key[l] = l0;
	}
}

static uint32_t key_of(const struct smap *m, uint32_t line)
{
	if (line == 0 || line > m->nlines)
		return 0;
	return m->key[line] ? m->key[line] : line;
}

/* ---- reading the comments ---- */

struct scan {
	struct zl_supp *s;
	const struct zl_ruleset *rs;
	const struct zl_src *src;
	uint16_t si;
};

static void add_bad(struct scan *sc, size_t off, size_t len, const char *fmt,
		    ...) ZL_PRINTF(4, 5);
static void add_bad(struct scan *sc, size_t off, size_t len, const char *fmt,
		    ...)
{
	struct zl_supp *s = sc->s;
	struct bad *b;
	va_list ap;

	zl_xgrow((void **)&s->bads, &s->capbads, s->nbads + 1, sizeof *s->bads);
	b = &s->bads[s->nbads++];
	b->src = sc->si;
	b->at = (struct zl_tok){ (uint32_t)off, (uint32_t)(len ? len : 1) };
	va_start(ap, fmt);
	b->why = zl_xvasprintf(fmt, ap);
	va_end(ap);
}

static bool id_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static size_t skip_blank(const char *b, size_t p, size_t e)
{
	while (p < e && (b[p] == ' ' || b[p] == '\t'))
		p++;
	return p;
}

/* Reads `ID[,ID...]` at *p into s->ids.  Returns false (after add_bad)
 * when an id is missing or the list is followed by anything but the end
 * of the comment, another `;` or `-- reason`. */
static bool read_ids(struct scan *sc, const char *b, size_t *pp, size_t e)
{
	struct zl_supp *s = sc->s;
	size_t p = *pp, q;
	struct sid *id;
	long ri;

	for (;;) {
		for (q = p; q < e && id_char(b[q]); q++)
			;
		if (q == p) {
			add_bad(sc, p, 1, "expected a rule id");
			return false;
		}
		zl_xgrow((void **)&s->ids, &s->capids, s->nids + 1,
			 sizeof *s->ids);
		id = &s->ids[s->nids++];
		id->at = (struct zl_tok){ (uint32_t)p, (uint32_t)(q - p) };
		/* By id or name, in any case, as --severity takes them. */
		ri = zl_ruleset_index(sc->rs, b + p, q - p);
		id->rule = ri < 0 ? NULL : sc->rs->rules[ri];
		id->ri = ri < 0 ? 0 : (uint32_t)ri;
		id->used = false;
		p = skip_blank(b, q, e);
		if (p == e || b[p] != ',')
			break;
		p = skip_blank(b, p + 1, e);
	}
	*pp = p;
	if (p == e || b[p] == ';' || (p + 1 < e && b[p] == '-' &&
				      b[p + 1] == '-'))
		return true;
	/* a UTF-8 character whole */
	q = zl_utf8_len(b + p, e - p) ? zl_utf8_len(b + p, e - p) : 1;
	add_bad(sc, p, q, "unexpected '%.*s' after the rule ids (a reason "
		"follows ' -- ')", (int)q, b + p);
	return false;
}

/* The keyword after `zonelint:`; returns -1 after add_bad. */
static int read_kind(struct scan *sc, const char *b, size_t *pp, size_t e)
{
	size_t p = *pp, q;
	int k;

	for (q = p; q < e && ((b[q] >= 'a' && b[q] <= 'z') || b[q] == '-');
	     q++)
		;
	for (k = 0; k <= D_FILE; k++)
		if (strlen(zl_supp_kind_names[k]) == q - p &&
		    memcmp(b + p, zl_supp_kind_names[k], q - p) == 0)
			break;
	if (k > D_FILE) {
		for (q = p; q < e && b[q] != '=' && b[q] != ' ' &&
		     b[q] != '\t'; q++)
			;
		add_bad(sc, p, q - p, "unknown directive '%.*s' (expected "
			"disable, disable-next or disable-file)",
			(int)(q - p), b + p);
		return -1;
	}
	q = skip_blank(b, q, e);
	if (q == e || b[q] != '=') {
		add_bad(sc, q, 1, "expected '=' and rule ids after '%s'",
			zl_supp_kind_names[k]);
		return -1;
	}
	*pp = skip_blank(b, q + 1, e);
	return k;
}

/* Records what the ids of the last comment cover. */
static void add_covers(struct zl_supp *s, const struct smap *m, uint32_t line)
{
	const struct dir *d = &s->dirs[s->ndirs - 1];
	const struct sid *id;
	uint32_t key = 0;
	size_t k;

	if (d->kind != D_FILE) {
		key = key_of(m, d->kind == D_NEXT ? line + 1 : line);
		if (key == 0)	/* disable-next on the last line */
			return;
	}
	for (k = 0; k < d->nid; k++) {
		id = &s->ids[d->id0 + k];
		if (!id->rule)
			continue;
		zl_xgrow((void **)&s->covers, &s->capcovers, s->ncovers + 1,
			 sizeof *s->covers);
		s->covers[s->ncovers++] = (struct cover){
			d->src, key, id->ri, (uint32_t)(d->id0 + k), false };
	}
}

/* One comment [c, e) on 1-based line `line`: a directive, or nothing. */
static void read_comment(struct scan *sc, struct smap *m, uint32_t line,
			 size_t c, size_t e)
{
	const char *b = sc->src->buf;
	struct zl_supp *s = sc->s;
	size_t p = c, id0 = s->nids;
	int kind;

	while (p < e && (b[p] == ';' || b[p] == ' ' || b[p] == '\t'))
		p++;
	if (e - p < 9 || memcmp(b + p, "zonelint:", 9) != 0)
		return;
	p = skip_blank(b, p + 9, e);
	if ((kind = read_kind(sc, b, &p, e)) < 0)
		return;
	if (!read_ids(sc, b, &p, e)) {
		s->nids = id0;	/* a comment that cannot be read disables
				   nothing */
		return;
	}
	zl_xgrow((void **)&s->dirs, &s->capdirs, s->ndirs + 1,
		 sizeof *s->dirs);
	s->dirs[s->ndirs++] = (struct dir){ (enum dkind)kind, sc->si, id0,
					    s->nids - id0 };
	add_covers(s, m, line);
}

/* Reads the comments of source sc->si: cmt[0..n), the zone's comments,
 * those of that source in file order (the zone lexer found them, so the
 * `;` of "v=DMARC1; p=none" or of \; is data, as for the records). */
static void scan_src(struct scan *sc, struct smap *m,
		     const struct zl_comment *cmt, const uint32_t *idx,
		     size_t n)
{
	const struct zl_comment *c;
	struct zl_line near = { 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		c = &cmt[idx[i]];
		read_comment(sc, m, line_of(sc->src, c->at.off, &near), c->at.off,
			     (size_t)c->at.off + c->at.len);
	}
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int cover_cmp(const void *pa, const void *pb)
{
	const struct cover *a = pa, *b = pb;
	int c;

	if ((c = cmp_u32(a->src, b->src)) || (c = cmp_u32(a->key, b->key)) ||
	    (c = cmp_u32(a->ri, b->ri)))
		return c;
	return cmp_u32(a->id, b->id);
}

/* Whether b[0..n) holds "zonelint:" anywhere (buffers may hold NULs). */
static bool has_marker(const char *b, size_t n)
{
	const char *p = b, *end = b + n;

	while ((p = memchr(p, 'z', (size_t)(end - p))) != NULL &&
	       end - p >= 9) {
		if (memcmp(p, "zonelint:", 9) == 0)
			return true;
		p++;
	}
	return false;
}

/* The zone's comments grouped by source, each group in file order: idx
 * (z->ncomments entries) lists them, from[src]..from[src + 1] those of
 * src.  from has z->nsrcs + 1 entries. */
static void group_comments(const struct zl_zone *z, uint32_t *idx,
			   size_t *from)
{
	size_t i, *at = zl_xcalloc(z->nsrcs + 1, sizeof *at);

	for (i = 0; i < z->ncomments; i++)
		at[z->comments[i].src + 1]++;
	for (i = 0; i < z->nsrcs; i++)
		at[i + 1] += at[i];
	memcpy(from, at, (z->nsrcs + 1) * sizeof *at);
	for (i = 0; i < z->ncomments; i++)
		idx[at[z->comments[i].src]++] = (uint32_t)i;
	free(at);
}

struct zl_supp *zl_supp_scan(const struct zl_ruleset *rs,
			     const struct zl_zone *z)
{
	struct zl_supp *s = NULL;
	uint32_t *idx = NULL;
	size_t *from = NULL;
	struct scan sc;
	size_t i;

	for (i = 0; z && i < z->nsrcs; i++) {
		/* The text a $GENERATE wrote holds no comment of the
		 * user's: its records are shown at the directive, whose own
		 * line carries the comments that cover them. */
		if (z->srcs[i]->gen_parts ||
		    !has_marker(z->srcs[i]->buf, z->srcs[i]->len))
			continue;
		if (!s) {
			s = zl_xcalloc(1, sizeof *s);
			s->rs = rs;
			s->nmaps = z->nsrcs;
			s->maps = zl_xcalloc(s->nmaps, sizeof *s->maps);
			idx = zl_xcalloc(z->ncomments + 1, sizeof *idx);
			from = zl_xcalloc(z->nsrcs + 1, sizeof *from);
			group_comments(z, idx, from);
		}
		map_records(&s->maps[i], z, (uint16_t)i);
		sc = (struct scan){ s, rs, z->srcs[i], (uint16_t)i };
		scan_src(&sc, &s->maps[i], z->comments, idx + from[i],
			 from[i + 1] - from[i]);
	}
	free(idx);
	free(from);
	if (s && s->ncovers > 1)
		qsort(s->covers, s->ncovers, sizeof *s->covers, cover_cmp);
	return s;
}

/* ---- applying them ---- */

/* Whether any id covers (src, key, ri); unless peek, the first time,
 * marks every such id used, so that each run of equal covers is walked
 * once in all. */
static bool covered(struct zl_supp *s, uint32_t src, uint32_t key,
		    uint32_t ri, bool peek)
{
	struct cover want = { src, key, ri, 0, false }, *c;
	size_t lo = 0, hi = s->ncovers, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cover_cmp(&s->covers[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->ncovers || s->covers[lo].src != src ||
	    s->covers[lo].key != key || s->covers[lo].ri != ri)
		return false;
	if (!peek && !s->covers[lo].done) {
		s->covers[lo].done = true;
		for (c = &s->covers[lo]; c < s->covers + s->ncovers &&
		     c->src == src && c->key == key && c->ri == ri; c++)
			s->ids[c->id].used = true;
	}
	return true;
}

bool zl_supp_covers(struct zl_supp *s, uint16_t src, uint32_t line,
		    uint32_t ri, bool peek)
{
	uint32_t key;

	if (!s || src >= s->nmaps || !s->maps[src].key)
		return false;
	key = key_of(&s->maps[src], line);
	/* Both lookups run: each may mark its comments used. */
	return (int)covered(s, src, 0, ri, peek) |
	       (int)(key && covered(s, src, key, ri, peek));
}

static int shown_cmp(const void *pa, const void *pb)
{
	const struct shown *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	return c ? c : (a->src > b->src) - (a->src < b->src);
}

/* The source with comments that findings in the file shown as `file` are
 * matched against (the first of that name), or -1: one binary search,
 * however many sources a zone of includes has. */
static long shown_at(const struct zl_supp *s, const char *file)
{
	size_t lo = 0, hi = s->nshown, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(s->shown[mid].name, file) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nshown && strcmp(s->shown[lo].name, file) == 0 ?
	       (long)s->shown[lo].src : -1;
}

void zl_supp_apply(struct zl_supp *s, const struct zl_zone *z,
		   struct zl_diags *d, size_t from)
{
	struct zl_diag *dg;
	long ri, k;
	size_t i;

	if (!s)
		return;
	if (!s->shown) {
		s->shown = zl_xcalloc(s->nmaps ? s->nmaps : 1,
				      sizeof *s->shown);
		for (i = 0; i < s->nmaps; i++)
			if (s->maps[i].key)
				s->shown[s->nshown++] = (struct shown){
					z->srcs[i]->display, (uint16_t)i };
		qsort(s->shown, s->nshown, sizeof *s->shown, shown_cmp);
	}
	for (i = from; i < d->n; i++) {
		dg = &d->v[i];
		if (!dg->id || !dg->loc.file || dg->summary ||
		    (ri = zl_ruleset_exact(s->rs, false, dg->id,
					   strlen(dg->id))) < 0 ||
		    (k = shown_at(s, dg->loc.file)) < 0)
			continue;
		if (zl_supp_covers(s, (uint16_t)k, dg->loc.line, (uint32_t)ri,
				   false))
			dg->suppressed = true;
	}
}

void zl_supp_free(struct zl_supp *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nmaps; i++)
		free(s->maps[i].key);
	for (i = 0; i < s->nbads; i++)
		free(s->bads[i].why);
	free(s->maps);
	free(s->shown);
	free(s->covers);
	free(s->dirs);
	free(s->ids);
	free(s->bads);
	free(s);
}
