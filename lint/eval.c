/* eval.c - the rule engine: runs rules over their subjects and renders findings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "check.h"
#include "suppress.h"

const struct zl_check *const zl_checks[] = {
#define ZL_CHECK(ident) &ident,
#include "checks.def"
#undef ZL_CHECK
};
const size_t zl_ncheck = sizeof zl_checks / sizeof zl_checks[0];

const struct zl_check *zl_check_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < zl_ncheck; i++)
		if (strcmp(zl_checks[i]->name, name) == 0)
			return zl_checks[i];
	return NULL;
}

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
	const ldns_rr_descriptor *d = ldns_rr_descript(type);

	if (d && d->_name && d->_type == type)
		return d->_name;
	snprintf(buf, sizeof buf, "TYPE%u", (unsigned)type);
	return buf;
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
 * braces.  The loader has checked every placeholder, so a var the
 * primitive did not pass this time renders empty. */
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
		if (v)
			zl_buf_add_escaped(b, v, strlen(v));
		p++;
	}
}

struct zl_diag *zl_emit(struct zl_ctx *ctx, uint16_t src, struct zl_tok at,
			const struct zl_var *vars, size_t nvars)
{
	const struct zl_rule *r = ctx->rule;
	struct zl_buf msg = { 0 }, help = { 0 }, fix = { 0 };
	struct zl_diag *d;
	struct zl_loc loc;
	size_t i;

	if (r->severity == ZL_SEV_OFF)
		return NULL;
	render(ctx, r->message, vars, nvars, &msg);
	loc = zl_zone_loc(ctx->zone, src, at);
	d = zl_diags_add(ctx->out, r->id, r->severity, &loc, "%s", msg.s);
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
	return d;
}

struct zl_diag *zl_emit_rr(struct zl_ctx *ctx, const struct zl_rr *rr,
			   const struct zl_var *vars, size_t nvars)
{
	return zl_emit(ctx, rr->src, rr->text, vars, nvars);
}

void zl_emit_note(struct zl_ctx *ctx, struct zl_diag *d, uint16_t src,
		  struct zl_tok at, const char *fmt, ...)
{
	struct zl_loc loc;
	va_list ap;
	char *msg;

	if (!d)
		return;
	va_start(ap, fmt);
	msg = zl_xvasprintf(fmt, ap);
	va_end(ap);
	loc = zl_zone_loc(ctx->zone, src, at);
	zl_diag_note(d, &loc, msg);
	free(msg);
}

/* ---- running rules ---- */

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
	/* Record indexes and RRsets grouped by type, so that a rule that
	 * selects types visits only those: byrec[rstart[t] .. rstart[t+1]). */
	uint32_t *byrec, *rstart;
	const struct zl_rrset **byset;
	const struct zl_name **bysetname;
	uint32_t *sstart;
	const struct zl_name **names;	/* the names that have records */
	size_t nnames;
	const struct zl_rule *limit_rule;	/* last rule whose pattern hit
						   the PCRE2 limits */
};

/* ---- per-run memo ---- */

struct zl_memo {
	void **obj[ZL_MEMO_NKINDS];	/* per record index, NULL until built */
	void (*release[ZL_MEMO_NKINDS])(void *);
	size_t n;
};

void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_rr *rr,
		  void *(*build)(const struct zl_zone *z, const struct zl_rr *rr),
		  void (*release)(void *obj))
{
	struct zl_memo *m = ctx->memo;
	size_t i = (size_t)(rr - ctx->zone->rrs);

	if (!m)		/* a caller outside the engine: no memo */
		return build(ctx->zone, rr);
	if (!m->obj[kind])
		m->obj[kind] = zl_xcalloc(m->n, sizeof *m->obj[kind]);
	m->release[kind] = release;
	if (!m->obj[kind][i])
		m->obj[kind][i] = build(ctx->zone, rr);
	return m->obj[kind][i];
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

#define NTYPES 65536

/* Counting sort of the records and of the RRsets by type: linear in the
 * zone, done once per run. */
static void group_by_type(struct run *run)
{
	const struct zl_zone *z = run->z;
	const struct zl_name *n;
	const struct zl_rrset *s;
	uint32_t *fill = zl_xcalloc(NTYPES + 1, sizeof *fill);
	size_t i, h, nsets = 0;

	run->rstart = zl_xcalloc(NTYPES + 1, sizeof *run->rstart);
	run->sstart = zl_xcalloc(NTYPES + 1, sizeof *run->sstart);
	run->names = zl_xcalloc(z->nnames, sizeof *run->names);
	for (i = 0; i < z->nrrs; i++)
		run->rstart[z->rrs[i].type + 1]++;
	for (h = 0; h < z->hcap; h++)
		for (n = z->htab[h]; n; n = n->hnext) {
			if (n->sets)
				run->names[run->nnames++] = n;
			for (s = n->sets; s; s = s->next, nsets++)
				run->sstart[s->type + 1]++;
		}
	for (i = 1; i <= NTYPES; i++) {
		run->rstart[i] += run->rstart[i - 1];
		run->sstart[i] += run->sstart[i - 1];
	}
	run->byrec = zl_xcalloc(z->nrrs, sizeof *run->byrec);
	for (i = 0; i < z->nrrs; i++)
		run->byrec[run->rstart[z->rrs[i].type] + fill[z->rrs[i].type]++] =
			(uint32_t)i;
	memset(fill, 0, (NTYPES + 1) * sizeof *fill);
	run->byset = zl_xcalloc(nsets, sizeof *run->byset);
	run->bysetname = zl_xcalloc(nsets, sizeof *run->bysetname);
	for (i = 0; i < run->nnames; i++)
		for (s = run->names[i]->sets; s; s = s->next) {
			uint32_t k = run->sstart[s->type] + fill[s->type]++;

			run->byset[k] = s;
			run->bysetname[k] = run->names[i];
		}
	free(fill);
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

/* Runs a select pattern of r on s.  A subject whose match hits the PCRE2
 * limits counts as not selected: the rule is skipped for it rather than
 * letting one pattern stall the run.  The first such subject of each rule
 * gets a warning at rr, so that a rule that could not be evaluated is
 * never silent (docs/limits.md). */
static bool match(struct run *run, const struct zl_rule *r,
		  const pcre2_code *re, const char *what, const char *s,
		  size_t n, const struct zl_rr *rr)
{
	int rc = zl_ruleset_match(run->rs, re, run->md, s, n);
	struct zl_loc loc;
	struct zl_diag *d;

	if (rc >= 0 || run->limit_rule == r)
		return rc == 1;
	run->limit_rule = r;
	if (rr)
		loc = zl_zone_loc(run->z, rr->src, rr->text);
	d = zl_diags_add(run->out, NULL, ZL_SEV_WARNING, rr ? &loc : NULL,
			 "rule %s skipped here and wherever else its %s "
			 "pattern exceeds the PCRE2 match limits", r->id, what);
	d->help = zl_xstrdup("simplify the pattern: nested quantifiers such "
			     "as (a+)+ backtrack exponentially");
	return false;
}

static bool owner_ok(struct run *run, const struct zl_rule *r,
		     const struct zl_name *n)
{
	return !r->owner_re ||
	       match(run, r, r->owner_re, "select.owner", n->text, n->len,
		     n->sets ? &run->z->rrs[n->sets->first] : NULL);
}

/* select.rdata is matched on the record's rdata as written: its tokens
 * joined by single spaces, quotes and escapes kept. */
static bool rdata_ok(struct run *run, const struct zl_rule *r,
		     const struct zl_rr *rr)
{
	const struct zl_tok *t;
	unsigned i;

	if (!r->rdata_re)
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
	return match(run, r, r->rdata_re, "select.rdata", run->text.s,
		     run->text.len, rr);
}

/* Whether any record of the set passes select.rdata. */
static bool set_rdata_ok(struct run *run, const struct zl_rule *r,
			 const struct zl_rrset *s)
{
	uint32_t i;

	if (!r->rdata_re)
		return true;
	for (i = s->first; i != ZL_NONE; i = run->z->rrs[i].next)
		if (rdata_ok(run, r, &run->z->rrs[i]))
			return true;
	return false;
}

static void call(struct run *run, const struct zl_rule *r,
		 const struct zl_rr *rr, const struct zl_rrset *s,
		 const struct zl_name *n)
{
	struct zl_ctx ctx = {
		.rs = run->rs, .rule = r, .zone = run->z, .out = run->out,
		.rr = rr, .set = s, .name = n, .memo = run->memo,
		.supp = r->check->after_suppress ? run->supp : NULL,
	};

	r->check->fn(&ctx);
}

static void record_subject(struct run *run, const struct zl_rule *r,
			   const struct zl_rr *rr)
{
	if (owner_ok(run, r, rr->owner) && rdata_ok(run, r, rr))
		call(run, r, rr, NULL, rr->owner);
}

static void run_records(struct run *run, const struct zl_rule *r)
{
	size_t i, k;

	if (r->ntypes == 0) {
		for (i = 0; i < run->z->nrrs; i++)
			record_subject(run, r, &run->z->rrs[i]);
		return;
	}
	/* Records keep file order within a type; findings are sorted at
	 * the end anyway. */
	for (k = 0; k < r->ntypes; k++)
		for (i = run->rstart[r->types[k]]; i < run->rstart[r->types[k] + 1]; i++)
			record_subject(run, r, &run->z->rrs[run->byrec[i]]);
}

static void set_subject(struct run *run, const struct zl_rule *r, size_t i)
{
	const struct zl_rrset *s = run->byset[i];
	const struct zl_name *n = run->bysetname[i];

	if (owner_ok(run, r, n) && set_rdata_ok(run, r, s))
		call(run, r, NULL, s, n);
}

static void run_rrsets(struct run *run, const struct zl_rule *r)
{
	size_t i, k;

	if (r->ntypes == 0) {
		for (i = 0; i < run->sstart[NTYPES]; i++)
			set_subject(run, r, i);
		return;
	}
	for (k = 0; k < r->ntypes; k++)
		for (i = run->sstart[r->types[k]]; i < run->sstart[r->types[k] + 1]; i++)
			set_subject(run, r, i);
}

/* A name is selected when one of its RRsets passes select.type (any type
 * if none is given) and select.rdata. */
static bool name_ok(struct run *run, const struct zl_rule *r,
		    const struct zl_name *n)
{
	const struct zl_rrset *s;

	if (!owner_ok(run, r, n))
		return false;
	if (r->ntypes == 0 && !r->rdata_re)
		return true;
	for (s = n->sets; s; s = s->next)
		if (type_ok(r, s->type) && set_rdata_ok(run, r, s))
			return true;
	return false;
}

static void run_names(struct run *run, const struct zl_rule *r)
{
	size_t i;

	for (i = 0; i < run->nnames; i++)
		if (name_ok(run, r, run->names[i]))
			call(run, r, NULL, NULL, run->names[i]);
}

/* Runs the enabled rules of one phase: the ordinary ones, or those that
 * report on the suppression comments (zl_check.after_suppress). */
static void run_phase(struct run *run, bool after_suppress)
{
	const struct zl_rule *r;
	size_t i;

	for (i = 0; i < run->rs->n; i++) {
		r = run->rs->rules[i];
		if (r->severity == ZL_SEV_OFF ||
		    r->check->after_suppress != after_suppress)
			continue;
		switch (r->scope) {
		case ZL_SCOPE_RECORD:
			run_records(run, r);
			break;
		case ZL_SCOPE_RRSET:
			run_rrsets(run, r);
			break;
		case ZL_SCOPE_NAME:
			run_names(run, r);
			break;
		case ZL_SCOPE_ZONE:
			call(run, r, NULL, NULL, NULL);
			break;
		}
	}
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
	size_t first, mid;

	if (!rs || !z || !out)
		return;
	run.md = pcre2_match_data_create(1, NULL);
	if (!run.md) {
		fprintf(stderr, "zonelint: out of memory in PCRE2\n");
		abort();
	}
	run.memo = &memo;
	group_by_type(&run);
	first = out->n;
	run_phase(&run, false);
	run.supp = zl_supp_scan(rs, z);
	zl_supp_apply(run.supp, z, out, first);
	mid = out->n;
	run_phase(&run, true);
	zl_supp_apply(run.supp, z, out, mid);
	zl_supp_free(run.supp);
	pcre2_match_data_free(run.md);
	zl_buf_free(&run.text);
	memo_free(&memo);
	free(run.byrec);
	free(run.rstart);
	free(run.byset);
	free(run.bysetname);
	free(run.sstart);
	free(run.names);
}
