/* select.c - the subjects each rule of the plan takes in a run: by type, by select.owner (matched once per pattern), by select.rdata. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"

/* ---- subjects grouped by type ---- */

/* Stable sort of a = 0..n-1 by key[], in two 8-bit counting passes:
 * linear in n. */
static uint32_t *radix_sort(uint32_t *a, const uint16_t *key, size_t n)
{
	uint32_t *b = zl_xmalloc(n * sizeof *b), *t;
	size_t cnt[257], i, shift;

	for (shift = 0; shift < 16; shift += 8) {
		memset(cnt, 0, sizeof cnt);
		for (i = 0; i < n; i++)
			cnt[((key[i] >> shift) & 0xff) + 1]++;
		for (i = 1; i < 257; i++)
			cnt[i] += cnt[i - 1];
		for (i = 0; i < n; i++)
			b[cnt[(key[a[i]] >> shift) & 0xff]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	free(b);
	return a;
}

/* The same for a small zone (n <= 64), where the counts of radix_sort
 * cost more than the few records: counted over the few distinct keys,
 * kept sorted in d[]. */
static void small_sort(uint32_t *a, const uint16_t *key, size_t n)
{
	uint16_t d[64];
	uint32_t at[65];
	size_t nd = 0, i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < nd && d[j] < key[i]; j++)
			;
		if (j < nd && d[j] == key[i]) {
			at[j + 1]++;
			continue;
		}
		memmove(d + j + 1, d + j, (nd - j) * sizeof *d);
		memmove(at + j + 2, at + j + 1, (nd - j) * sizeof *at);
		d[j] = key[i];
		at[j + 1] = 1;
		nd++;
	}
	at[0] = 0;
	for (j = 1; j < nd; j++)
		at[j] += at[j - 1];
	for (i = 0; i < n; i++) {
		for (j = 0; d[j] != key[i]; j++)
			;
		a[at[j]++] = (uint32_t)i;
	}
}

/* The same for a large zone, where a count for every 16-bit key costs
 * less than radix_sort's second array of n: one counting pass. */
static void count_sort(uint32_t *a, const uint16_t *key, size_t n)
{
	uint32_t *at = zl_xcalloc(65536, sizeof *at), sum = 0, c;
	size_t i;

	for (i = 0; i < n; i++)
		at[key[i]]++;
	for (i = 0; i < 65536; i++) {
		c = at[i];
		at[i] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++)
		a[at[key[i]]++] = (uint32_t)i;
	free(at);
}

/* Groups 0..n-1 by key[], stably, into bt. */
static void group_by_key(struct bytype *bt, const uint16_t *key, size_t n)
{
	uint32_t *a = zl_xmalloc((n ? n : 1) * sizeof *a);
	size_t i;

	if (n <= 64) {
		small_sort(a, key, n);
	} else if (n > 65536) {
		count_sort(a, key, n);
	} else {
		for (i = 0; i < n; i++)
			a[i] = (uint32_t)i;
		a = radix_sort(a, key, n);
	}
	bt->idx = a;
	bt->n = n;
	for (i = 0; i < n; i++)
		bt->ng += i == 0 || key[a[i]] != key[a[i - 1]];
	bt->g = zl_xcalloc(bt->ng + 1, sizeof *bt->g);
	bt->ng = 0;
	for (i = 0; i < n; i++)
		if (i == 0 || key[a[i]] != key[a[i - 1]])
			bt->g[bt->ng++] = (struct tgroup){ key[a[i]], (uint32_t)i };
	bt->g[bt->ng].start = (uint32_t)n;
}

/* The group of type t in bt, or bt->ng when t has none. */
static size_t group_of(const struct bytype *bt, uint16_t t)
{
	size_t l = 0, h = bt->ng, m;

	while (l < h) {
		m = l + (h - l) / 2;
		if (bt->g[m].type < t)
			l = m + 1;
		else
			h = m;
	}
	return l < bt->ng && bt->g[l].type == t ? l : bt->ng;
}

/* The subjects of type t: positions [*lo, *hi) of bt's order. */
static void type_range(const struct bytype *bt, uint16_t t, size_t *lo,
		       size_t *hi)
{
	size_t k = group_of(bt, t);

	*lo = *hi = 0;
	if (k < bt->ng) {
		*lo = bt->g[k].start;
		*hi = bt->g[k + 1].start;
	}
}

/* The RRsets of the names with records, straight into setv in type order
 * (stable: name order within a type), by counting: the types are those
 * of the records, so one pass counts each one's RRsets, another places
 * them, and no index beside setv is needed. */
static void group_sets(struct zl_subjects *sj)
{
	const struct bytype *r = &sj->recs;
	struct bytype *bt = &sj->sets;
	uint32_t *at = zl_xcalloc(r->ng + 1, sizeof *at);
	const struct zl_rrset *s;
	size_t i, k;

	for (i = 0; i < sj->nnames; i++)
		for (s = zl_name_sets(sj->z->rrs[sj->names[i]].owner); s; s = s->next)
			at[group_of(r, s->type) + 1]++;
	bt->ng = r->ng;
	bt->g = zl_xcalloc(bt->ng + 1, sizeof *bt->g);
	for (k = 0; k < bt->ng; k++) {
		bt->g[k] = (struct tgroup){ r->g[k].type, at[k] };
		at[k + 1] += at[k];
	}
	bt->n = at[bt->ng];
	bt->g[bt->ng].start = (uint32_t)bt->n;
	sj->setv = zl_xmalloc((bt->n ? bt->n : 1) * sizeof *sj->setv);
	for (i = 0; i < sj->nnames; i++)
		for (s = zl_name_sets(sj->z->rrs[sj->names[i]].owner); s; s = s->next)
			sj->setv[at[group_of(r, s->type)]++] = s->first;
	free(at);
}

static void group_by_type(struct zl_subjects *sj)
{
	const struct zl_zone *z = sj->z;
	size_t i;
	uint16_t *key = zl_xmalloc((z->nrrs ? z->nrrs : 1) * sizeof *key);

	for (i = 0; i < z->nrrs; i++)
		key[i] = z->rrs[i].type;
	group_by_key(&sj->recs, key, z->nrrs);
	free(key);
	/* Names in intern order, which is their order in memory: the rules
	 * that walk every name then walk memory forwards.  Found as the
	 * owners of the records, in the order of the text, which is about
	 * that order too, rather than by walking every name, with records
	 * or not. */
	sj->names = zl_xmalloc((z->nnames ? z->nnames : 1) *
			       sizeof *sj->names);
	memset(sj->names, 0xff, z->nnames * sizeof *sj->names);
	for (i = z->nrrs; i-- > 0;)
		sj->names[z->rrs[i].owner->id] = (uint32_t)i;
	for (i = 0; i < z->nnames; i++)
		if (sj->names[i] != ZL_NONE)
			sj->names[sj->nnames++] = sj->names[i];
	sj->names = zl_xrealloc(sj->names, (sj->nnames ? sj->nnames : 1) *
					   sizeof *sj->names);
	group_sets(sj);
}

/* The owner of RRset i of setv: its first record's. */
static const struct zl_name *set_owner(const struct zl_subjects *sj,
				       uint32_t i)
{
	return sj->z->rrs[sj->setv[i]].owner;
}

/* RRset i of setv. */
static const struct zl_rrset *set_at(const struct zl_subjects *sj, uint32_t i)
{
	const struct zl_rr *rr = &sj->z->rrs[sj->setv[i]];

	return zl_name_rrset(rr->owner, rr->type);
}

static void bytype_free(struct bytype *bt)
{
	free(bt->idx);
	free(bt->g);
}

/* A subject whose select pattern hits the PCRE2 limits counts as not
 * selected: the rule is skipped for it rather than letting one pattern
 * stall the run.  The first such subject of each rule gets a warning at
 * rr, so that a rule that could not be evaluated is never silent
 * (docs/limits.md). */
static bool over_limit(struct zl_subjects *sj, const struct unit *u,
		       const char *what, const struct zl_rr *rr)
{
	struct zl_loc loc;
	struct zl_diag *d;

	if (sj->warned[u->ri])
		return false;
	sj->warned[u->ri] = true;
	loc = zl_zone_loc(sj->z, rr->src, rr->text);
	d = zl_diags_add(sj->out, NULL, ZL_SEV_WARNING, &loc,
			 "rule %s skipped here and wherever else its %s "
			 "pattern exceeds the PCRE2 match limits", u->r->id,
			 what);
	d->help = zl_xstrdup("simplify the pattern: nested quantifiers such "
			     "as (a+)+ backtrack exponentially");
	return false;
}

/* Matches for rule ri at subject record rr. */
static enum omatch match(struct zl_subjects *sj, size_t ri, const pcre2_code *re,
			 const char *s, size_t n, const struct zl_rr *rr)
{
	switch (zl_ruleset_match(sj->rs, ri, re, sj->md, s, n)) {
	case ZL_MATCH_YES:
		return OM_YES;
	case ZL_MATCH_NO:
		return OM_NO;
	case ZL_MATCH_LIMIT:
		return OM_LIMIT;
	case ZL_MATCH_STOP:
		zl_emit_stopped(sj->out, sj->z, sj->rs->rules[ri], rr);
		return OM_SPENT;
	default:
		return OM_SPENT;
	}
}

/* ---- select.owner patterns that are literals ---- */

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Where an unanchored search for a[0..len) looks with memchr: at an
 * underscore, rare in names, else at a character that is not a letter (a
 * letter would have to be found in both cases), else at the first. */
static uint8_t search_key(const char *a, size_t len)
{
	size_t i, k = len;

	for (i = 0; i < len; i++) {
		if (a[i] == '_')
			return (uint8_t)i;
		if (k == len && !(a[i] >= 'a' && a[i] <= 'z'))
			k = i;
	}
	return (uint8_t)(k == len ? 0 : k);
}

/* Parses pattern p[0..n) into l, leaving l->n 0 unless it is one to four
 * alternatives of printable ASCII with `\` only before punctuation (a
 * literal in PCRE2 whatever follows), each after an optional `^`.  Any
 * other metacharacter, an empty alternative or a long pattern: PCRE2. */
/* Whether c means more than itself in a pattern, outside a class. */
static bool is_meta(char c)
{
	switch (c) {
	case '\\': case '^': case '$': case '.': case '[': case ']':
	case '|': case '(': case ')': case '?': case '*': case '+':
	case '{': case '}':
		return true;
	default:
		return false;
	}
}

static void lit_parse(const char *p, size_t n, struct olit *l)
{
	size_t i, k = 0, a = 0;
	char c;

	l->off[0] = 0;
	l->anchored[0] = n && p[0] == '^';
	for (i = l->anchored[0]; i < n; i++) {
		c = p[i];
		if (c == '|') {
			if (k == l->off[a] || ++a == ZL_LIT_MAX)
				goto no;
			l->off[a] = (uint8_t)k;
			l->anchored[a] = i + 1 < n && p[i + 1] == '^';
			i += l->anchored[a];
			continue;
		}
		if (c == '\\' && i + 1 < n && p[i + 1] > ' ' && p[i + 1] < 127 &&
		    !(p[i + 1] >= '0' && p[i + 1] <= '9') &&
		    !(lower(p[i + 1]) >= 'a' && lower(p[i + 1]) <= 'z'))
			c = p[++i];
		else if (c < ' ' || c >= 127 || is_meta(c))
			goto no;
		if (k == sizeof l->s)
			goto no;
		l->s[k++] = lower(c);
	}
	if (k == l->off[a])
		goto no;
	l->off[a + 1] = (uint8_t)k;
	l->n = a + 1;
	for (a = 0; a < l->n; a++)
		l->key[a] = search_key(l->s + l->off[a],
				       (size_t)(l->off[a + 1] - l->off[a]));
	return;
no:
	l->n = 0;
}

/* Whether the lower-case a[0..len) is at s in any case. */
static bool at(const char *s, const char *a, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (lower(s[i]) != a[i])
			return false;
	return true;
}

/* Whether the lower-case a[0..len) occurs in s[0..n) in any case; key as
 * search_key() chose it. */
static bool find(const char *s, size_t n, const char *a, size_t len,
		 size_t key)
{
	const char *p, *end;
	size_t j;

	if (len > n)
		return false;
	if (a[key] >= 'a' && a[key] <= 'z') {
		for (j = 0; j + len <= n; j++)
			if (at(s + j, a, len))
				return true;
		return false;
	}
	/* a[key] is at s[key .. n - len + key]. */
	for (p = s + key, end = s + n - len + key + 1;
	     p < end && (p = memchr(p, a[key], (size_t)(end - p))); p++)
		if (at(p - key, a, len))
			return true;
	return false;
}

/* Whether the literal pattern l matches the name s[0..n). */
static bool lit_match(const struct olit *l, const char *s, size_t n)
{
	const char *a;
	size_t i, len;

	for (i = 0; i < l->n; i++) {
		a = l->s + l->off[i];
		len = (size_t)(l->off[i + 1] - l->off[i]);
		if (l->anchored[i] ? len <= n && at(s, a, len)
				   : find(s, n, a, len, l->key[i]))
			return true;
	}
	return false;
}

/* ---- subjects ---- */

static struct cand candidates(const struct zl_subjects *sj, enum zl_scope sc,
			      int type)
{
	const struct bytype *bt = sc == ZL_SCOPE_RECORD ? &sj->recs
							: &sj->sets;
	struct cand c = { NULL, 0, 0 };
	size_t lo, hi;

	if (sc == ZL_SCOPE_NAME)
		c.n = sj->nnames;
	else if (type < 0)
		c.n = bt->n;
	else {
		type_range(bt, (uint16_t)type, &lo, &hi);
		c.idx = bt->idx ? bt->idx + lo : NULL;
		c.first = lo;
		c.n = hi - lo;
	}
	return c;
}

static const struct zl_name *subject_owner(const struct zl_subjects *sj,
					   enum zl_scope sc, uint32_t i)
{
	return sc == ZL_SCOPE_RECORD ? sj->z->rrs[i].owner :
	       sc == ZL_SCOPE_RRSET ? set_owner(sj, i) :
	       sj->z->rrs[sj->names[i]].owner;
}

/* The record a warning about subject i points at. */
static const struct zl_rr *subject_rr(const struct zl_subjects *sj,
				      enum zl_scope sc, uint32_t i)
{
	if (sc == ZL_SCOPE_RECORD)
		return &sj->z->rrs[i];
	if (sc == ZL_SCOPE_RRSET)
		return &sj->z->rrs[sj->setv[i]];
	return &sj->z->rrs[sj->names[i]];
}

/* The memo of u's select.owner pattern (found again per rule and zone: a
 * handful of comparisons), shared by the rules of u's family only: the
 * matches are charged to the first of them, which would otherwise depend
 * on whether another family runs on the same thread. */
static struct omemo *owner_memo(struct zl_subjects *sj, const struct unit *u)
{
	const struct zl_rule *r = u->r;
	struct omemo *m;
	size_t i;

	for (i = 0; i < sj->nom; i++) {
		m = &sj->om[i];
		if (m->rule->owner_srclen == r->owner_srclen &&
		    memcmp(m->rule->owner_src, r->owner_src,
			   r->owner_srclen) == 0 &&
		    zl_same_family(m->rule->id, r->id))
			return m;
	}
	zl_xgrow((void **)&sj->om, &sj->capom, sj->nom + 1, sizeof *sj->om);
	m = &sj->om[sj->nom];
	memset(m, 0, sizeof *m);
	m->rule = r;
	m->ri = u->ri;
	lit_parse(r->owner_src, r->owner_srclen, &m->lit);
	m->res = zl_arena_alloc(&sj->arena, sj->z->nnames / 2 + 1);
	sj->nom++;
	return m;
}

/* Matches m's pattern on n, the owner of subject i of scope sc.  A
 * literal pattern is tried without PCRE2, but not once its rule's budget
 * is spent, as PCRE2 would not be; on a name of at most 255 characters it
 * stays far below the steps PCRE2 is allowed for free, so that no budget
 * is charged either way. */
static enum omatch owner_match(struct zl_subjects *sj, const struct omemo *m,
			       const struct zl_name *n, enum zl_scope sc,
			       uint32_t i)
{
	if (!m->lit.n || n->len > 255)
		return match(sj, m->ri, m->rule->owner_re, n->text, n->len,
			     subject_rr(sj, sc, i));
	if (atomic_load(&sj->rs->effort[m->ri]) >= ZL_REGEX_BUDGET)
		return OM_SPENT;
	return lit_match(&m->lit, n->text, n->len) ? OM_YES : OM_NO;
}

/* What m's pattern gave on name id: 0 until matched, else an enum
 * omatch. */
static enum omatch res_of(const struct omemo *m, uint32_t id)
{
	return (enum omatch)(m->res[id / 2] >> id % 2 * 4 & 0xf);
}

/* Whether every alternative of the literal pattern l has an underscore. */
static bool lit_underscore(const struct olit *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!memchr(l->s + l->off[i], '_',
			    (size_t)(l->off[i + 1] - l->off[i])))
			return false;
	return l->n > 0;
}

/* The names whose owner has an underscore, found once: the mail names
 * (_dmarc, _domainkey, _bimi, _mta-sts, _smtp._tls) are a few of a large
 * zone's names, and a name-scope rule of those packs need not visit the
 * others.  A name without '_' matches no literal with one (PCRE2 agrees on
 * a name over 255 characters, well within its free steps). */
static struct cand underscore_names(struct zl_subjects *sj)
{
	const struct zl_name *n;
	size_t k = 0, i;

	if (!sj->unames_built) {
		for (i = 0; i < sj->nnames; i++) {
			n = sj->z->rrs[sj->names[i]].owner;
			if (memchr(n->text, '_', n->len)) {
				zl_xgrow((void **)&sj->pick, &sj->cappick,
					 k + 1, sizeof *sj->pick);
				sj->pick[k++] = (uint32_t)i;
			}
		}
		if (k) {
			sj->unames = zl_arena_alloc(&sj->arena,
						    k * sizeof *sj->unames);
			memcpy(sj->unames, sj->pick, k * sizeof *sj->unames);
		}
		sj->nunames = k;
		sj->unames_built = true;
	}
	return (struct cand){ sj->unames, 0, sj->nunames };
}

/* The candidates of sc and type whose owner matches r's select.owner,
 * built once per pattern, scope and type. */
static const struct osel *owner_select(struct zl_subjects *sj,
				       const struct unit *u, enum zl_scope sc,
				       int type)
{
	struct omemo *m = owner_memo(sj, u);
	struct cand c = sc == ZL_SCOPE_NAME && lit_underscore(&m->lit) ?
			underscore_names(sj) : candidates(sj, sc, type);
	const struct zl_name *n;
	enum omatch res;
	struct osel *o;
	size_t k;
	uint32_t i;

	for (k = 0; k < m->nsel; k++)
		if (m->sel[k].scope == sc && m->sel[k].type == type)
			return &m->sel[k];
	zl_xgrow((void **)&m->sel, &m->capsel, m->nsel + 1, sizeof *m->sel);
	o = &m->sel[m->nsel++];
	*o = (struct osel){ .scope = sc, .type = type };
	for (k = 0; k < c.n; k++) {
		i = zl_cand_at(&c, k);
		zl_subject_ahead(sj, sc, &c, k);
		n = subject_owner(sj, sc, i);
		if (!(res = res_of(m, n->id))) {
			res = owner_match(sj, m, n, sc, i);
			m->res[n->id / 2] |= (uint8_t)(res << n->id % 2 * 4);
		}
		if (res == OM_LIMIT && !o->limit_rr)
			o->limit_rr = subject_rr(sj, sc, i);
		if (res != OM_YES)
			continue;
		zl_xgrow((void **)&sj->pick, &sj->cappick, o->n + 1,
			 sizeof *sj->pick);
		sj->pick[o->n++] = i;
	}
	if (o->n) {
		o->v = zl_arena_alloc(&sj->arena, o->n * sizeof *o->v);
		memcpy(o->v, sj->pick, o->n * sizeof *o->v);
	}
	return o;
}

/* The record's rdata as written: its tokens joined by single spaces,
 * quotes and escapes kept; a single token is the source text itself. */
static const char *rdata_text(struct zl_subjects *sj, const struct zl_rr *rr,
			      size_t *len)
{
	struct zl_tok t;
	size_t n = 0;
	unsigned i;

	*len = 0;
	if (!rr->ntok)
		return "";
	if (rr->ntok == 1) {
		t = zl_rr_tok(sj->z, rr, 0);
		*len = t.len;
		return zl_tok_text(sj->z, rr->src, t);
	}
	for (i = 0; i < rr->ntok; i++)
		n += zl_rr_tok(sj->z, rr, i).len + (i > 0);
	zl_xgrow((void **)&sj->text.s, &sj->text.cap, n + 1, 1);
	for (n = 0, i = 0; i < rr->ntok; i++) {
		if (i)
			sj->text.s[n++] = ' ';
		t = zl_rr_tok(sj->z, rr, i);
		memcpy(sj->text.s + n, zl_tok_text(sj->z, rr->src, t), t.len);
		n += t.len;
	}
	*len = n;
	return sj->text.s;
}

/* select.rdata is matched on the record's rdata as written. */
static bool rdata_ok(struct zl_subjects *sj, const struct unit *u,
		     const struct zl_rr *rr)
{
	const char *s;
	size_t n;

	if (!u->r->rdata_re)
		return true;
	s = rdata_text(sj, rr, &n);
	switch (match(sj, u->ri, u->r->rdata_re, s, n, rr)) {
	case OM_YES:
		return true;
	case OM_LIMIT:
		return over_limit(sj, u, "select.rdata", rr);
	default:
		return false;
	}
}

/* Whether any record of the set passes select.rdata. */
static bool set_rdata_ok(struct zl_subjects *sj, const struct unit *u,
			 const struct zl_rrset *s)
{
	uint32_t i;

	if (!u->r->rdata_re)
		return true;
	for (i = s->first; i != ZL_NONE; i = sj->z->rrs[i].next)
		if (rdata_ok(sj, u, &sj->z->rrs[i]))
			return true;
	return false;
}

static bool type_ok(const struct zl_rule *r, uint16_t type)
{
	size_t i;

	if (r->ntypes == 0)
		return true;
	for (i = 0; i < r->ntypes; i++)
		if (r->types[i] == type)
			return true;
	return false;
}

void zl_subject_ahead(const struct zl_subjects *sj, enum zl_scope sc,
		      const struct cand *c, size_t k)
{
	if (k + 16 < c->n)
		ZL_PREFETCH(subject_rr(sj, sc, zl_cand_at(c, k + 16)));
	if (k + 8 < c->n)
		ZL_PREFETCH(subject_rr(sj, sc, zl_cand_at(c, k + 8))->owner);
}

bool zl_unit_takes_all(const struct unit *u)
{
	return u->r->scope == ZL_SCOPE_RECORD && !u->r->rdata_re;
}

bool zl_subject_taken(struct zl_subjects *sj, const struct unit *u,
		      uint32_t i, struct subject *out)
{
	const struct zl_rule *r = u->r;
	const struct zl_rr *rr;
	const struct zl_rrset *s;
	const struct zl_name *n;

	switch (r->scope) {
	case ZL_SCOPE_RECORD:
		rr = &sj->z->rrs[i];
		*out = (struct subject){ rr, NULL, rr->owner };
		return (!r->check->could || r->check->could(r, sj->z, rr)) &&
		       rdata_ok(sj, u, rr) &&
		       !zl_broken_unread(sj->broken, r, rr->owner);
	case ZL_SCOPE_RRSET:
		n = set_owner(sj, i);
		*out = (struct subject){ NULL, set_at(sj, i), n };
		return set_rdata_ok(sj, u, out->set) &&
		       !zl_broken_lost(sj->broken, r, n);
	default:
		n = sj->z->rrs[sj->names[i]].owner;
		*out = (struct subject){ NULL, NULL, n };
		if (zl_broken_lost(sj->broken, r, n))
			return false;
		for (s = zl_name_sets(n); s; s = s->next)
			if (type_ok(r, s->type) && set_rdata_ok(sj, u, s))
				return true;
		return false;
	}
}

struct cand zl_subjects_of(struct zl_subjects *sj, const struct unit *u,
			   size_t n)
{
	const struct osel *o;
	size_t j;

	if (!u->r->owner_re)
		return candidates(sj, u->r->scope, u->type);
	o = owner_select(sj, u, u->r->scope, u->type);
	for (j = 0; o->limit_rr && j < n; j++)
		over_limit(sj, &u[j], "select.owner", o->limit_rr);
	return (struct cand){ o->v, 0, o->n };
}

/* What every selection has of its own: its match scratch and warnings. */
static void scratch_init(struct zl_subjects *sj, const struct zl_ruleset *rs,
			 const struct zl_zone *z, struct zl_diags *out,
			 const struct zl_broken *b)
{
	memset(sj, 0, sizeof *sj);
	sj->rs = rs;
	sj->z = z;
	sj->out = out;
	sj->broken = b;
	if (!(sj->md = pcre2_match_data_create(1, NULL)))
		zl_oom(0);
	sj->warned = zl_xcalloc(rs->n ? rs->n : 1, sizeof *sj->warned);
}

void zl_subjects_init(struct zl_subjects *sj, const struct zl_ruleset *rs,
		      const struct zl_zone *z, struct zl_diags *out,
		      const struct zl_broken *b)
{
	scratch_init(sj, rs, z, out, b);
	group_by_type(sj);
}

void zl_subjects_fork(struct zl_subjects *sj, const struct zl_subjects *from,
		      struct zl_diags *out, const struct zl_broken *b)
{
	scratch_init(sj, from->rs, from->z, out, b);
	sj->recs = from->recs;
	sj->sets = from->sets;
	sj->setv = from->setv;
	sj->names = from->names;
	sj->nnames = from->nnames;
	sj->borrowed = true;
}

size_t zl_subjects_records(const struct zl_subjects *sj, uint16_t t,
			   const uint32_t **idx)
{
	size_t lo, hi;

	type_range(&sj->recs, t, &lo, &hi);
	*idx = sj->recs.idx + lo;
	return hi - lo;
}

size_t zl_unit_cost(const struct zl_subjects *sj, const struct unit *u)
{
	if (u->r->scope == ZL_SCOPE_ZONE)
		return sj->z->nrrs;
	return candidates(sj, u->r->scope, u->type).n;
}

void zl_subjects_free(struct zl_subjects *sj)
{
	size_t i;

	pcre2_match_data_free(sj->md);
	zl_buf_free(&sj->text);
	if (!sj->borrowed) {
		bytype_free(&sj->recs);
		bytype_free(&sj->sets);
		free(sj->setv);
		free(sj->names);
	}
	for (i = 0; i < sj->nom; i++)
		free(sj->om[i].sel);
	free(sj->om);
	free(sj->pick);
	zl_arena_free(&sj->arena);
	free(sj->warned);
}
