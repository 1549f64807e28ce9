/* eval.c - the rule engine: runs rules over their subjects and renders findings. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "check.h"
#include "eval.h"
#include "suppress.h"

/* ---- record helpers for primitives ---- */

struct zl_tok zl_rr_field_tok(const struct zl_zone *z, const struct zl_rr *rr,
			      unsigned i)
{
	const struct zl_rdf *f;
	struct zl_tok first, last;

	if (i >= rr->nrdf || rr->rdf[i].ntok == 0)
		return rr->text;
	f = &rr->rdf[i];
	first = z->toks[f->tok];
	last = z->toks[f->tok + f->ntok - 1];
	return (struct zl_tok){ first.off, last.off + last.len - first.off };
}

int zl_rr_name_field(const struct zl_rr *rr, unsigned skip)
{
	unsigned i;

	for (i = 0; i < rr->nrdf; i++)
		if (rr->rdf[i].type == LDNS_RDF_TYPE_DNAME && skip-- == 0)
			return (int)i;
	return -1;
}

const char *zl_type_str(uint16_t type)
{
	static _Thread_local char buf[sizeof "TYPE65535"];
	const char *name = zl_type_name(type);

	if (name)
		return name;
	snprintf(buf, sizeof buf, "TYPE%u", (unsigned)type);
	return buf;
}

/* ---- follow-on findings (docs/rules.md, "One cause, one finding") ---- */

/* What one zl_lint call knows to be wrong with the zone's data: the
 * records reported by `breaks` rules, sorted by position once those rules
 * have run; the records the loader lost, sorted by owner; and the findings
 * found to be follow-ons once emitted (through a note), by index in out. */
struct zl_broken {
	const struct zl_rr **rr;
	size_t nrr, caprr;
	struct zl_lost *lost;
	size_t nlost;
	size_t *drop;
	size_t ndrop, capdrop;
};

static bool needs(const struct zl_rule *r, uint16_t type)
{
	size_t i;

	for (i = 0; i < r->nneeds; i++)
		if (r->needs[i] == type)
			return true;
	return false;
}

static int pos_cmp(const void *pa, const void *pb)
{
	const struct zl_rr *a = *(const struct zl_rr *const *)pa;
	const struct zl_rr *b = *(const struct zl_rr *const *)pb;

	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->text.off < b->text.off ? -1 : a->text.off > b->text.off;
}

static int lost_cmp(const void *pa, const void *pb)
{
	const struct zl_lost *a = pa, *b = pb;

	if (a->owner->id != b->owner->id)
		return a->owner->id < b->owner->id ? -1 : 1;
	return a->type < b->type ? -1 : a->type > b->type;
}

/* The broken record that holds offset off of source src, or NULL:
 * records are disjoint runs of their source, so the one that may hold it
 * is the last that starts at or before it. */
static const struct zl_rr *broken_at(const struct zl_broken *b, uint16_t src,
				     uint32_t off)
{
	const struct zl_rr *rr;
	size_t lo = 0, hi = b->nrr, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		rr = b->rr[m];
		if (rr->src < src || (rr->src == src && rr->text.off <= off))
			lo = m + 1;
		else
			hi = m;
	}
	rr = lo ? b->rr[lo - 1] : NULL;
	return rr && rr->src == src && off < rr->text.off + rr->text.len ?
	       rr : NULL;
}

/* Whether a finding of r at `at` in src lies on a broken record of a type
 * r needs. */
static bool on_broken(const struct zl_broken *b, const struct zl_rule *r,
		      uint16_t src, struct zl_tok at)
{
	const struct zl_rr *rr;

	if (r->breaks || !b->nrr)
		return false;
	rr = broken_at(b, src, at.off);
	return rr && needs(r, rr->type);
}

bool zl_rr_broken(const struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return ctx->broken && broken_at(ctx->broken, rr->src, rr->text.off) == rr;
}

/* Whether the loader lost a record that r needs at n (NULL: anywhere in
 * the zone, for zone scope).  A lost record of unknown type counts for
 * every rule that needs any. */
static bool lost_at(const struct zl_broken *b, const struct zl_rule *r,
		    const struct zl_name *n)
{
	size_t lo = 0, hi = b->nlost, m;

	if (!r->nneeds)
		return false;
	while (n && lo < hi) {
		m = lo + (hi - lo) / 2;
		if (b->lost[m].owner->id < n->id)
			lo = m + 1;
		else
			hi = m;
	}
	for (; lo < b->nlost && (!n || b->lost[lo].owner == n); lo++)
		if (!b->lost[lo].type || needs(r, b->lost[lo].type))
			return true;
	return false;
}

/* ---- rendering findings ---- */

static const char *var_value(const struct zl_ctx *ctx,
			     const struct zl_var *vars, size_t nvars,
			     const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len &&
		    memcmp(vars[i].name, name, len) == 0)
			return vars[i].value;
	if (len == 5 && memcmp(name, "owner", 5) == 0) {
		if (ctx->name)
			return ctx->name->text;
		if (ctx->rr)
			return ctx->rr->owner->text;
		return ctx->zone->origin ? ctx->zone->origin->text : "";
	}
	if (len == 4 && memcmp(name, "type", 4) == 0) {
		if (ctx->rr)
			return zl_type_str(ctx->rr->type);
		if (ctx->set)
			return zl_type_str(ctx->set->type);
	}
	return NULL;
}

/* Fills a template: {var} becomes the escaped value, {{ and }} literal
 * braces.  The loader has checked that the check declares every
 * placeholder; one it did not supply this time is its bug (ZL_EMIT). */
static void render(const struct zl_ctx *ctx, const char *tpl,
		   const struct zl_var *vars, size_t nvars, struct zl_buf *b)
{
	const char *p = tpl, *q, *v;

	zl_buf_add(b, "", 0);
	while (*p) {
		q = p + strcspn(p, "{}");
		zl_buf_add_escaped(b, p, (size_t)(q - p));
		if (!*q)
			break;
		if (q[1] == q[0] || !(p = strchr(q, '}')) || *q == '}') {
			zl_buf_addc(b, *q);
			p = q + (q[1] == q[0] ? 2 : 1);
			continue;
		}
		v = var_value(ctx, vars, nvars, q + 1, (size_t)(p - q - 1));
		assert(v && "a check left out a variable its rule uses");
		if (v)
			zl_buf_add_escaped(b, v, strlen(v));
		p++;
	}
}

zl_finding zl_emit_vars(struct zl_ctx *ctx, uint16_t src, struct zl_tok at,
			const struct zl_var *vars, size_t nvars)
{
	const struct zl_rule *r = ctx->rule;
	struct zl_buf msg = { 0 }, help = { 0 }, fix = { 0 };
	struct zl_diag *d;
	struct zl_loc loc;
	size_t i;

	if (r->severity == ZL_SEV_OFF ||
	    (ctx->broken && on_broken(ctx->broken, r, src, at)))
		return ZL_NO_FINDING;
	render(ctx, r->message, vars, nvars, &msg);
	loc = zl_zone_loc(ctx->zone, src, at);
	if (ctx->sink && zl_sink_absorbs(ctx->sink, ctx->ri, src, at, loc.line,
					 msg.s)) {
		zl_buf_free(&msg);
		return ZL_NO_FINDING;
	}
	d = zl_diags_add(ctx->out, r->id, r->severity, &loc, "%s", msg.s);
	if (ctx->sink)
		zl_sink_keep(ctx->sink, ctx->ri, src, at, loc.line,
			     ctx->out->n - 1);
	if (ctx->broken && r->breaks && ctx->rr) {
		struct zl_broken *b = ctx->broken;

		zl_xgrow((void **)&b->rr, &b->caprr, b->nrr + 1, sizeof *b->rr);
		b->rr[b->nrr++] = ctx->rr;
	}
	d->name = zl_xstrdup(r->name);
	if (r->help) {
		render(ctx, r->help, vars, nvars, &help);
		d->help = help.s;
	}
	for (i = 0; i < nvars; i++) {
		if (strcmp(vars[i].name, "fix") == 0 && vars[i].value) {
			zl_buf_add(&fix, "", 0);
			zl_buf_add_escaped(&fix, vars[i].value,
					   strlen(vars[i].value));
			d->fixit = fix.s;
			break;
		}
	}
	zl_buf_free(&msg);
	return (zl_finding)(d - ctx->out->v);
}

void zl_emit_severity(struct zl_ctx *ctx, zl_finding f, enum zl_severity sev)
{
	if (f != ZL_NO_FINDING)
		ctx->out->v[f].sev = sev;
}

void zl_emit_note(struct zl_ctx *ctx, zl_finding f, uint16_t src,
		  struct zl_tok at, const char *fmt, ...)
{
	struct zl_diag *d;
	struct zl_loc loc;
	va_list ap;
	char *msg;

	if (f == ZL_NO_FINDING)
		return;
	d = &ctx->out->v[f];
	if (ctx->broken && on_broken(ctx->broken, ctx->rule, src, at)) {
		struct zl_broken *b = ctx->broken;

		zl_xgrow((void **)&b->drop, &b->capdrop, b->ndrop + 1,
			 sizeof *b->drop);
		b->drop[b->ndrop++] = (size_t)(d - ctx->out->v);
	}
	va_start(ap, fmt);
	msg = zl_xvasprintf(fmt, ap);
	va_end(ap);
	loc = zl_zone_loc(ctx->zone, src, at);
	zl_diag_note(d, &loc, msg);
	free(msg);
}

/* ---- running rules ---- */

/* Subjects of one type: a run of [start, next group's start) in a
 * permutation sorted by type. */
struct tgroup {
	uint16_t type;
	uint32_t start;
};

/* Indexes of records or RRsets sorted by type (stable), and the run of
 * each type present, so that a rule that selects types visits only those. */
struct bytype {
	uint32_t *idx;
	size_t n;
	struct tgroup *g;	/* ng groups and an end sentinel */
	size_t ng;
};

/* The subjects of one scope and type (-1: any) whose owner matches one
 * select.owner pattern, as indexes (see subject_owner). */
struct osel {
	enum zl_scope scope;
	int type;
	uint32_t *v;
	size_t n;
	const struct zl_rr *limit_rr;	/* a subject over the PCRE2 limits,
					   or NULL */
};

/* What one select.owner pattern matched, shared by the rules with the same
 * source (the DMARC, DKIM and MTA-STS packs repeat theirs): res[] per name
 * (zl_name.id, 0 until matched, else an enum omatch) and the selections
 * built so far, so that the second rule visits only the matching subjects
 * instead of every TXT record of the zone. */
enum omatch { OM_NO = 1, OM_YES, OM_LIMIT, OM_SPENT };
struct omemo {
	const struct zl_rule *rule;	/* the first rule with the pattern,
					   which its matches are charged to */
	size_t ri;			/* its index */
	uint8_t *res;
	struct osel *sel;
	size_t nsel, capsel;
};

/* One zl_lint call: the match scratch and the rdata text buffer are
 * reused for every subject. */
struct run {
	const struct zl_ruleset *rs;
	const struct zl_zone *z;
	struct zl_diags *out;
	pcre2_match_data *md;
	struct zl_buf text;
	struct zl_memo *memo;
	struct zl_supp *supp;	/* the zone's suppression comments, or NULL */
	struct zl_broken broken;
	struct bytype recs;	/* into zone->rrs */
	struct bytype sets;	/* into setv / setname */
	const struct zl_rrset **setv;
	const struct zl_name **setname;
	const struct zl_name **names;	/* the names that have records */
	size_t nnames;
	struct omemo *om;	/* one per distinct select.owner pattern */
	size_t nom;
	bool *warned;		/* per rule of rs: its PCRE2 limit warning
				   has been given */
	struct zl_sink *sink;
};

/* ---- per-run memo ---- */

struct zl_memo {
	void **obj[ZL_MEMO_NKINDS];	/* per record index, NULL until built */
	void (*release[ZL_MEMO_NKINDS])(void *);
	size_t n;
};

void **zl_memo_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
		    const struct zl_rr *rr, void (*release)(void *obj))
{
	struct zl_memo *m = ctx->memo;

	if (!m)		/* a caller outside the engine: no memo */
		return NULL;
	if (!m->obj[kind])
		m->obj[kind] = zl_xcalloc(m->n, sizeof *m->obj[kind]);
	m->release[kind] = release;
	return &m->obj[kind][rr - ctx->zone->rrs];
}

void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_rr *rr,
		  void *(*build)(const struct zl_zone *z, const struct zl_rr *rr),
		  void (*release)(void *obj))
{
	void **slot = zl_memo_slot(ctx, kind, rr, release);

	if (!slot)
		return build(ctx->zone, rr);
	if (!*slot)
		*slot = build(ctx->zone, rr);
	return *slot;
}

static void memo_free(struct zl_memo *m)
{
	size_t k, i;

	for (k = 0; k < ZL_MEMO_NKINDS; k++) {
		for (i = 0; m->obj[k] && i < m->n; i++)
			if (m->obj[k][i])
				m->release[k](m->obj[k][i]);
		free(m->obj[k]);
	}
}

/* ---- subjects grouped by type ---- */

/* Stable sort of 0..n-1 by key[], in two 8-bit counting passes: linear in
 * n, with a fixed cost small enough for a run per small zone. */
static void group_by_key(struct bytype *bt, const uint16_t *key, size_t n)
{
	uint32_t *a = zl_xcalloc(n ? n : 1, sizeof *a);
	uint32_t *b = zl_xcalloc(n ? n : 1, sizeof *b), *t;
	size_t cnt[257], i, shift;

	for (i = 0; i < n; i++)
		a[i] = (uint32_t)i;
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

/* The subjects of type t: bt->idx[*lo .. *hi). */
static void type_range(const struct bytype *bt, uint16_t t, size_t *lo,
		       size_t *hi)
{
	size_t l = 0, h = bt->ng, m;

	while (l < h) {
		m = l + (h - l) / 2;
		if (bt->g[m].type < t)
			l = m + 1;
		else
			h = m;
	}
	*lo = *hi = 0;
	if (l < bt->ng && bt->g[l].type == t) {
		*lo = bt->g[l].start;
		*hi = bt->g[l + 1].start;
	}
}

static void group_by_type(struct run *run)
{
	const struct zl_zone *z = run->z;
	const struct zl_name *n;
	const struct zl_rrset *s;
	uint16_t *key = zl_xcalloc(z->nrrs ? z->nrrs : 1, sizeof *key);
	size_t i, h, nsets = 0, cap = 0;

	for (i = 0; i < z->nrrs; i++)
		key[i] = z->rrs[i].type;
	group_by_key(&run->recs, key, z->nrrs);
	/* Names in intern order, which is their order in memory: the rules
	 * that walk every name then walk memory forwards. */
	run->names = zl_xcalloc(z->nnames ? z->nnames : 1, sizeof *run->names);
	for (h = 0; h < z->hcap; h++)
		for (n = z->htab[h]; n; n = n->hnext)
			run->names[n->id] = n;
	for (i = 0; i < z->nnames; i++) {
		n = run->names[i];
		if (!n->sets)
			continue;
		run->names[run->nnames++] = n;
		for (s = n->sets; s; s = s->next, nsets++) {
			if (nsets == cap) {
				zl_xgrow((void **)&run->setv, &cap, nsets + 1,
					 sizeof *run->setv);
				run->setname = zl_xrealloc(
					run->setname, cap * sizeof *run->setname);
				key = zl_xrealloc(key, cap * sizeof *key);
			}
			run->setv[nsets] = s;
			run->setname[nsets] = n;
			key[nsets] = s->type;
		}
	}
	group_by_key(&run->sets, key, nsets);
	free(key);
}

static void bytype_free(struct bytype *bt)
{
	free(bt->idx);
	free(bt->g);
}

/* One rule visiting the subjects of its scope and of one type (-1: any);
 * ri is its index in the rule set. */
struct unit {
	const struct zl_rule *r;
	size_t ri;
	int type;
};

/* A subject whose select pattern hits the PCRE2 limits counts as not
 * selected: the rule is skipped for it rather than letting one pattern
 * stall the run.  The first such subject of each rule gets a warning at
 * rr, so that a rule that could not be evaluated is never silent
 * (docs/limits.md). */
static bool over_limit(struct run *run, const struct unit *u,
		       const char *what, const struct zl_rr *rr)
{
	struct zl_loc loc;
	struct zl_diag *d;

	if (run->warned[u->ri])
		return false;
	run->warned[u->ri] = true;
	loc = zl_zone_loc(run->z, rr->src, rr->text);
	d = zl_diags_add(run->out, NULL, ZL_SEV_WARNING, &loc,
			 "rule %s skipped here and wherever else its %s "
			 "pattern exceeds the PCRE2 match limits", u->r->id,
			 what);
	d->help = zl_xstrdup("simplify the pattern: nested quantifiers such "
			     "as (a+)+ backtrack exponentially");
	return false;
}

/* A rule whose patterns have used up their effort budget stops for the
 * rest of the run; the match that spent it says so, at its record (or
 * with no place, for a zone without records). */
static void stopped(struct zl_diags *out, const struct zl_zone *z,
		    const struct zl_rule *r, const struct zl_rr *rr)
{
	struct zl_loc loc;
	struct zl_diag *d;

	if (rr)
		loc = zl_zone_loc(z, rr->src, rr->text);
	d = zl_diags_add(out, NULL, ZL_SEV_WARNING, rr ? &loc : NULL,
			 "rule %s stopped: its patterns used up their budget "
			 "of %d PCRE2 match steps for this run", r->id,
			 ZL_REGEX_BUDGET);
	d->help = zl_xstrdup("simplify the pattern: nested quantifiers such "
			     "as (a+)+ backtrack exponentially");
}

/* Matches for rule ri at subject record rr. */
static enum omatch match(struct run *run, size_t ri, const pcre2_code *re,
			 const char *s, size_t n, const struct zl_rr *rr)
{
	switch (zl_ruleset_match(run->rs, ri, re, run->md, s, n)) {
	case ZL_MATCH_YES:
		return OM_YES;
	case ZL_MATCH_NO:
		return OM_NO;
	case ZL_MATCH_LIMIT:
		return OM_LIMIT;
	case ZL_MATCH_STOP:
		stopped(run->out, run->z, run->rs->rules[ri], rr);
		return OM_SPENT;
	default:
		return OM_SPENT;
	}
}

int zl_ctx_match(struct zl_ctx *ctx, const pcre2_code *re, const char *s,
		 size_t len)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	const struct zl_rr *rr = ctx->rr;
	enum zl_match m;

	if (!md)
		zl_oom(0);
	m = zl_ruleset_match(ctx->rs, ctx->ri, re, md, s, len);
	pcre2_match_data_free(md);
	if (!rr && ctx->set)
		rr = &ctx->zone->rrs[ctx->set->first];
	else if (!rr && ctx->name && ctx->name->sets)
		rr = &ctx->zone->rrs[ctx->name->sets->first];
	if (m == ZL_MATCH_STOP)
		stopped(ctx->out, ctx->zone, ctx->rule, rr);
	return m == ZL_MATCH_YES ? 1 : m == ZL_MATCH_NO ? 0 : -1;
}

/* ---- subjects ---- */

/* The candidate subjects of a scope and type (-1: any): n of them, the
 * k-th being idx ? idx[k] : k. */
struct cand {
	const uint32_t *idx;
	size_t n;
};

static struct cand candidates(const struct run *run, enum zl_scope sc,
			      int type)
{
	const struct bytype *bt = sc == ZL_SCOPE_RECORD ? &run->recs
							: &run->sets;
	struct cand c = { NULL, 0 };
	size_t lo, hi;

	if (sc == ZL_SCOPE_NAME)
		c.n = run->nnames;
	else if (type < 0)
		c.n = bt->n;
	else {
		type_range(bt, (uint16_t)type, &lo, &hi);
		c.idx = bt->idx + lo;
		c.n = hi - lo;
	}
	return c;
}

static const struct zl_name *subject_owner(const struct run *run,
					   enum zl_scope sc, uint32_t i)
{
	return sc == ZL_SCOPE_RECORD ? run->z->rrs[i].owner :
	       sc == ZL_SCOPE_RRSET ? run->setname[i] : run->names[i];
}

/* The record a warning about subject i points at. */
static const struct zl_rr *subject_rr(const struct run *run,
				      enum zl_scope sc, uint32_t i)
{
	if (sc == ZL_SCOPE_RECORD)
		return &run->z->rrs[i];
	if (sc == ZL_SCOPE_RRSET)
		return &run->z->rrs[run->setv[i]->first];
	return &run->z->rrs[run->names[i]->sets->first];
}

/* The memo of u's select.owner pattern (found again per rule and zone: a
 * handful of comparisons). */
static struct omemo *owner_memo(struct run *run, const struct unit *u)
{
	const struct zl_rule *r = u->r;
	struct omemo *m;

	for (m = run->om; m < run->om + run->nom; m++)
		if (m->rule->owner_srclen == r->owner_srclen &&
		    memcmp(m->rule->owner_src, r->owner_src,
			   r->owner_srclen) == 0)
			return m;
	m->rule = r;
	m->ri = u->ri;
	m->res = zl_xcalloc(run->z->nnames ? run->z->nnames : 1, 1);
	run->nom++;
	return m;
}

/* The candidates of sc and type whose owner matches r's select.owner,
 * built once per pattern, scope and type. */
static const struct osel *owner_select(struct run *run,
				       const struct unit *u, enum zl_scope sc,
				       int type)
{
	struct omemo *m = owner_memo(run, u);
	struct cand c = candidates(run, sc, type);
	const struct zl_name *n;
	struct osel *o;
	size_t k, cap = 0;
	uint32_t i;

	for (k = 0; k < m->nsel; k++)
		if (m->sel[k].scope == sc && m->sel[k].type == type)
			return &m->sel[k];
	zl_xgrow((void **)&m->sel, &m->capsel, m->nsel + 1, sizeof *m->sel);
	o = &m->sel[m->nsel++];
	*o = (struct osel){ .scope = sc, .type = type };
	for (k = 0; k < c.n; k++) {
		i = c.idx ? c.idx[k] : (uint32_t)k;
		n = subject_owner(run, sc, i);
		if (!m->res[n->id])
			m->res[n->id] = (uint8_t)match(run, m->ri,
						       m->rule->owner_re,
						       n->text, n->len,
						       subject_rr(run, sc, i));
		if (m->res[n->id] == OM_LIMIT && !o->limit_rr)
			o->limit_rr = subject_rr(run, sc, i);
		if (m->res[n->id] != OM_YES)
			continue;
		zl_xgrow((void **)&o->v, &cap, o->n + 1, sizeof *o->v);
		o->v[o->n++] = i;
	}
	return o;
}

/* select.rdata is matched on the record's rdata as written: its tokens
 * joined by single spaces, quotes and escapes kept. */
static bool rdata_ok(struct run *run, const struct unit *u,
		     const struct zl_rr *rr)
{
	const struct zl_tok *t;
	unsigned i;

	if (!u->r->rdata_re)
		return true;
	run->text.len = 0;
	zl_buf_add(&run->text, "", 0);
	for (i = 0; i < rr->ntok; i++) {
		t = &run->z->toks[rr->tok + i];
		if (i)
			zl_buf_addc(&run->text, ' ');
		zl_buf_add(&run->text, zl_tok_text(run->z, rr->src, *t),
			   t->len);
	}
	switch (match(run, u->ri, u->r->rdata_re, run->text.s, run->text.len,
		      rr)) {
	case OM_YES:
		return true;
	case OM_LIMIT:
		return over_limit(run, u, "select.rdata", rr);
	default:
		return false;
	}
}

/* Whether any record of the set passes select.rdata. */
static bool set_rdata_ok(struct run *run, const struct unit *u,
			 const struct zl_rrset *s)
{
	uint32_t i;

	if (!u->r->rdata_re)
		return true;
	for (i = s->first; i != ZL_NONE; i = run->z->rrs[i].next)
		if (rdata_ok(run, u, &run->z->rrs[i]))
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

static void call(struct run *run, const struct zl_rule *r, uint32_t ri,
		 const struct zl_rr *rr, const struct zl_rrset *s,
		 const struct zl_name *n)
{
	struct zl_ctx ctx = {
		.rs = run->rs, .rule = r, .ri = ri, .zone = run->z,
		.out = run->out, .sink = run->sink,
		.rr = rr, .set = s, .name = n, .memo = run->memo,
		.supp = r->check->after_suppress ? run->supp : NULL,
		.broken = &run->broken,
	};

	r->check->fn(&ctx);
}

/* Runs u's rule on subject i of its scope, whose owner has passed
 * select.owner: the rest of its selection decides.  A name is selected
 * when one of its RRsets passes select.type (any type if none is given)
 * and select.rdata. */
static void subject(struct run *run, const struct unit *u, uint32_t i)
{
	const struct zl_rule *r = u->r;
	const struct zl_rr *rr;
	const struct zl_rrset *s;
	const struct zl_name *n;

	switch (r->scope) {
	case ZL_SCOPE_RECORD:
		rr = &run->z->rrs[i];
		if (rdata_ok(run, u, rr))
			call(run, r, (uint32_t)u->ri, rr, NULL, rr->owner);
		return;
	case ZL_SCOPE_RRSET:
		if (set_rdata_ok(run, u, run->setv[i]) &&
		    !lost_at(&run->broken, r, run->setname[i]))
			call(run, r, (uint32_t)u->ri, NULL, run->setv[i],
			     run->setname[i]);
		return;
	default:
		n = run->names[i];
		if (lost_at(&run->broken, r, n))
			return;
		for (s = n->sets; s; s = s->next)
			if (type_ok(r, s->type) && set_rdata_ok(run, u, s)) {
				call(run, r, (uint32_t)u->ri, NULL, NULL, n);
				return;
			}
	}
}

/* Orders rules by the subjects they visit for one type: scope, type and
 * select.owner source.  0: the same subjects. */
static int subjects_cmp(const struct zl_rule *ra, int ta,
			const struct zl_rule *rb, int tb)
{
	if (ra->scope != rb->scope)
		return ra->scope < rb->scope ? -1 : 1;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	if (!ra->owner_re != !rb->owner_re)
		return ra->owner_re ? 1 : -1;
	if (!ra->owner_re)
		return 0;
	if (ra->owner_srclen != rb->owner_srclen)
		return ra->owner_srclen < rb->owner_srclen ? -1 : 1;
	return memcmp(ra->owner_src, rb->owner_src, ra->owner_srclen);
}

/* Units with the same subjects sort together, in rule order. */
static int unit_cmp(const void *pa, const void *pb)
{
	const struct unit *a = pa, *b = pb;
	int c = subjects_cmp(a->r, a->type, b->r, b->type);

	if (c)
		return c;
	return a->ri < b->ri ? -1 : a->ri > b->ri;
}

/* Records and RRsets are visited by type when the rule selects types;
 * names always all (a name has many).  Every rule is planned whatever its
 * severity, which may change until the run. */
void zl_ruleset_plan(struct zl_ruleset *rs)
{
	const struct zl_rule *r;
	struct unit *u = NULL;
	size_t i, k, n = 0, cap = 0;
	bool any;

	for (i = 0; i < rs->n; i++) {
		r = rs->rules[i];
		if (r->scope == ZL_SCOPE_ZONE)
			continue;	/* run once, outside the plan */
		any = r->scope == ZL_SCOPE_NAME || !r->ntypes;
		for (k = 0; k < (any ? 1 : r->ntypes); k++) {
			zl_xgrow((void **)&u, &cap, n + 1, sizeof *u);
			u[n++] = (struct unit){ r, i, any ? -1 : r->types[k] };
		}
	}
	if (n)
		qsort(u, n, sizeof *u, unit_cmp);
	/* The rules have changed: their effort budgets start afresh. */
	free(rs->effort);
	rs->effort = zl_xcalloc(rs->n ? rs->n : 1, sizeof *rs->effort);
	for (i = 0; i < rs->n; i++)
		atomic_init(&rs->effort[i], 0);
	free(rs->plan);
	rs->plan = zl_xcalloc(n ? n : 1, sizeof *rs->plan);
	rs->nplan = n;
	for (i = 0; i < n; i++)
		rs->plan[i] = (struct zl_unit){
			(uint32_t)u[i].ri, u[i].type,
			i == 0 || subjects_cmp(u[i - 1].r, u[i - 1].type,
					       u[i].r, u[i].type) != 0 };
	free(u);
}

/* Runs the units u[0..n), which share their subjects, subject by subject:
 * all the rules about one record or name run while its parsed forms are
 * in cache, instead of each rule walking the whole zone in turn. */
static void visit(struct run *run, const struct unit *u, size_t n)
{
	const struct osel *o;
	struct cand c;
	size_t k, j;
	uint32_t i;

	if (u->r->owner_re) {
		o = owner_select(run, u, u->r->scope, u->type);
		for (j = 0; o->limit_rr && j < n; j++)
			over_limit(run, &u[j], "select.owner", o->limit_rr);
		c = (struct cand){ o->v, o->n };
	} else {
		c = candidates(run, u->r->scope, u->type);
	}
	for (k = 0; k < c.n; k++) {
		i = c.idx ? c.idx[k] : (uint32_t)k;
		for (j = 0; j < n; j++)
			subject(run, &u[j], i);
	}
}

/* A zone is linted in three phases: the rules that report broken records
 * (zl_rule.breaks), so that the others know them; the ordinary rules; and
 * those that report on the suppression comments (zl_check.after_suppress). */
enum phase { PH_BREAKS, PH_RULES, PH_SUPPRESS };

static bool in_phase(const struct zl_rule *r, enum phase ph)
{
	if (r->severity == ZL_SEV_OFF)
		return false;
	if (r->check->after_suppress)
		return ph == PH_SUPPRESS;
	return ph == (r->breaks ? PH_BREAKS : PH_RULES);
}

/* Runs the enabled rules of one phase. */
static void run_phase(struct run *run, enum phase ph)
{
	const struct zl_ruleset *rs = run->rs;
	const struct zl_rule *r;
	struct unit *u = zl_xcalloc(rs->nplan ? rs->nplan : 1, sizeof *u);
	size_t i, n = 0;

	for (i = 0; i < rs->n; i++) {
		r = rs->rules[i];
		if (r->scope == ZL_SCOPE_ZONE && in_phase(r, ph) &&
		    !lost_at(&run->broken, r, NULL))
			call(run, r, (uint32_t)i, NULL, NULL, NULL);
	}
	for (i = 0; i < rs->nplan; i++) {
		if (rs->plan[i].first && n) {
			visit(run, u, n);
			n = 0;
		}
		r = rs->rules[rs->plan[i].ri];
		if (in_phase(r, ph))
			u[n++] = (struct unit){ r, rs->plan[i].ri,
						rs->plan[i].type };
	}
	if (n)
		visit(run, u, n);
	free(u);
}

/* The ordinary rules, between the broken records being known and the
 * follow-on findings they emitted being removed from out[first..). */
static void run_rules(struct run *run, size_t first)
{
	struct zl_broken *b = &run->broken;
	const struct zl_zone *z = run->z;
	bool *drop;
	size_t i;

	if (b->nrr > 1)
		qsort(b->rr, b->nrr, sizeof *b->rr, pos_cmp);
	b->nlost = z->nlost;
	if (z->nlost) {
		b->lost = zl_xcalloc(z->nlost, sizeof *b->lost);
		memcpy(b->lost, z->lost, z->nlost * sizeof *b->lost);
		qsort(b->lost, b->nlost, sizeof *b->lost, lost_cmp);
	}
	run_phase(run, PH_RULES);
	if (!b->ndrop)
		return;
	drop = zl_xcalloc(run->out->n - first, sizeof *drop);
	for (i = 0; i < b->ndrop; i++)
		drop[b->drop[i] - first] = true;
	zl_diags_remove(run->out, first, drop);
	free(drop);
}

/* Suppression is applied here, inside the library, so that every embedder
 * gets it: the findings of this zone are marked, then the rules about the
 * comments themselves run (they need to know which ids were used), and
 * their own findings may be suppressed in turn. */
void zl_lint(const struct zl_ruleset *rs, const struct zl_zone *z,
	     struct zl_diags *out)
{
	struct run run = { .rs = rs, .z = z, .out = out };
	struct zl_memo memo = { .n = z ? z->nrrs : 0 };
	size_t first, mid, i, k;

	if (!rs || !z || !out)
		return;
	if (!(run.md = pcre2_match_data_create(1, NULL)))
		zl_oom(0);
	run.memo = &memo;
	run.om = zl_xcalloc(rs->n ? rs->n : 1, sizeof *run.om);
	run.warned = zl_xcalloc(rs->n ? rs->n : 1, sizeof *run.warned);
	group_by_type(&run);
	first = out->n;
	/* Read first: the cap per rule counts suppressed findings apart. */
	run.supp = zl_supp_scan(rs, z);
	run.sink = zl_sink_new(out, z, run.supp, rs->n);
	run_phase(&run, PH_BREAKS);
	run_rules(&run, first);
	zl_supp_apply(run.supp, z, out, first);
	mid = out->n;
	run_phase(&run, PH_SUPPRESS);
	zl_supp_apply(run.supp, z, out, mid);
	zl_sink_finish(run.sink, rs, first);
	zl_supp_free(run.supp);
	free(run.broken.rr);
	free(run.broken.lost);
	free(run.broken.drop);
	pcre2_match_data_free(run.md);
	zl_buf_free(&run.text);
	memo_free(&memo);
	bytype_free(&run.recs);
	bytype_free(&run.sets);
	free(run.setv);
	free(run.setname);
	free(run.names);
	for (i = 0; i < run.nom; i++) {
		for (k = 0; k < run.om[i].nsel; k++)
			free(run.om[i].sel[k].v);
		free(run.om[i].sel);
		free(run.om[i].res);
	}
	free(run.om);
	free(run.warned);
}
