/* eval_emit.c - findings as the rule engine makes them: messages from templates, suppression, repeats on one line, the cap per rule. */
#include <search.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "eval.h"
#include "suppress.h"

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

/* ---- what becomes of each finding ---- */

/* A finding kept for a rule: its line and message, so that the next one
 * alike on that line is counted in it, and its place, so that a rule over
 * its cap keeps the first ones in the zone's text. */
struct kept {
	uint16_t src;
	uint32_t line;
	struct zl_tok at;
	const char *msg;	/* the diagnostic's */
	size_t idx;		/* into sink->out->v */
};

/* One rule's findings in one zone; [1] the suppressed ones. */
struct rule_sink {
	struct kept **heap[2];	/* the kept, the last in the text on top */
	size_t n[2], cap[2];
	size_t dropped[2];
	struct kept first[2];	/* the first in the text of those dropped */
	void *tree;		/* tsearch(3) tree of the kept, by line and
				   message */
};

struct zl_sink {
	struct zl_diags *out;
	const struct zl_zone *z;
	struct zl_supp *supp;	/* the zone's comments, or NULL */
	struct rule_sink *r;	/* per rule of the set */
	size_t nr;
	struct zl_arena arena;	/* the struct kept */
};

static int kept_cmp(const void *pa, const void *pb)
{
	const struct kept *a = pa, *b = pb;

	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(a->msg, b->msg);
}

/* Whether a comes before b in the zone's text. */
static bool before(const struct kept *a, const struct kept *b)
{
	return a->src != b->src ? a->src < b->src : a->at.off < b->at.off;
}

static void heap_down(struct kept **h, size_t n, size_t i)
{
	struct kept *t;
	size_t c;

	for (; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && before(h[c], h[c + 1]))
			c++;
		if (!before(h[i], h[c]))
			return;
		t = h[i];
		h[i] = h[c];
		h[c] = t;
	}
}

static void heap_push(struct rule_sink *rs, int s, struct kept *kp)
{
	struct kept **h, *t;
	size_t i, p;

	zl_xgrow((void **)&rs->heap[s], &rs->cap[s], rs->n[s] + 1,
		 sizeof *rs->heap[s]);
	h = rs->heap[s];
	for (i = rs->n[s]++, h[i] = kp; i > 0; i = p) {
		p = (i - 1) / 2;
		if (!before(h[p], h[i]))
			return;
		t = h[p];
		h[p] = h[i];
		h[i] = t;
	}
}

/* Counts n findings at kp's place as dropped. */
static void drop(struct rule_sink *rs, int s, const struct kept *kp,
		 size_t n)
{
	if (rs->dropped[s] == 0 || before(kp, &rs->first[s]))
		rs->first[s] = *kp;
	rs->dropped[s] += n;
}

/* Decides on a new finding of rule ri, nf, before it is made: whether it
 * repeats one kept on its line (which then counts it) or comes after the
 * rule's ZL_LIMIT_RULE_FINDINGS first ones in the text (counted for the
 * summary); either way it is not made.  Otherwise it will be kept, and
 * the last of the rule's kept ones may make room for it (marked with
 * count 0, swept when the zone is done).  *suppressed tells whether a
 * comment covers it. */
static bool sink_absorbs(struct zl_sink *k, uint32_t ri,
			 const struct kept *nf, bool *suppressed)
{
	struct rule_sink *rs = &k->r[ri];
	void *node = tfind(nf, &rs->tree, kept_cmp);
	struct kept *last;
	struct zl_diag *d;
	int s;

	if (node) {
		k->out->v[(*(struct kept **)node)->idx].count++;
		return true;
	}
	*suppressed = zl_supp_covers(k->supp, nf->src, nf->line, ri);
	s = *suppressed;
	if (rs->n[s] < ZL_LIMIT_RULE_FINDINGS)
		return false;
	last = rs->heap[s][0];
	if (!before(nf, last)) {
		drop(rs, s, nf, 1);
		return true;
	}
	d = &k->out->v[last->idx];
	drop(rs, s, last, d->count);
	d->count = 0;
	tdelete(last, &rs->tree, kept_cmp);
	rs->heap[s][0] = rs->heap[s][--rs->n[s]];
	heap_down(rs->heap[s], rs->n[s], 0);
	return false;
}

/* Remembers the new finding d of rule ri (out->v[idx]) as kept. */
static void sink_keep(struct zl_sink *k, uint32_t ri, const struct kept *nf,
		      const struct zl_diag *d, size_t idx)
{
	struct kept *kp = zl_arena_alloc(&k->arena, sizeof *kp);

	*kp = *nf;
	kp->msg = d->message;
	kp->idx = idx;
	tsearch(kp, &k->r[ri].tree, kept_cmp);
	heap_push(&k->r[ri], d->suppressed, kp);
}

struct zl_sink *zl_sink_new(struct zl_diags *out, const struct zl_zone *z,
			    struct zl_supp *supp, size_t nrules)
{
	struct zl_sink *k = zl_xcalloc(1, sizeof *k);

	*k = (struct zl_sink){ .out = out, .z = z, .supp = supp, .nr = nrules };
	k->r = zl_xcalloc(nrules ? nrules : 1, sizeof *k->r);
	return k;
}

void zl_sink_finish(struct zl_sink *k, const struct zl_ruleset *rs,
		    size_t first)
{
	struct rule_sink *r;
	struct zl_diag *d;
	struct zl_loc loc;
	char *m;
	size_t i;
	int s;

	/* The trees point at the messages, which change below. */
	for (i = 0; i < k->nr; i++) {
		while (k->r[i].tree)
			tdelete(*(void **)k->r[i].tree, &k->r[i].tree, kept_cmp);
		free(k->r[i].heap[0]);
		free(k->r[i].heap[1]);
	}
	zl_diags_sweep(k->out, first);
	for (i = first; i < k->out->n; i++) {
		d = &k->out->v[i];
		if (d->count < 2)
			continue;
		m = zl_xasprintf("%s (%zu times on this line)", d->message,
				 d->count);
		free(d->message);
		d->message = m;
	}
	for (i = 0; i < k->nr; i++) {
		for (s = 0, r = &k->r[i]; s < 2; s++) {
			if (!r->dropped[s])
				continue;
			loc = zl_zone_loc(k->z, r->first[s].src, r->first[s].at);
			d = zl_diags_add(k->out, rs->rules[i]->id,
					 rs->rules[i]->severity, &loc,
					 "%zu more findings of %s not shown "
					 "(at most %d per rule)", r->dropped[s],
					 rs->rules[i]->id,
					 ZL_LIMIT_RULE_FINDINGS);
			d->name = zl_xstrdup(rs->rules[i]->name);
			d->count = r->dropped[s];
			d->summary = true;
			d->suppressed = s;
		}
	}
	free(k->r);
	zl_arena_free(&k->arena);
	free(k);
}

struct zl_diag *zl_emit(struct zl_ctx *ctx, uint16_t src, struct zl_tok at,
			const struct zl_var *vars, size_t nvars)
{
	const struct zl_rule *r = ctx->rule;
	struct zl_buf msg = { 0 }, help = { 0 }, fix = { 0 };
	bool suppressed = false;
	struct zl_diag *d;
	struct zl_loc loc;
	struct kept nf;
	size_t i;

	if (r->severity == ZL_SEV_OFF)
		return NULL;
	render(ctx, r->message, vars, nvars, &msg);
	loc = zl_zone_loc(ctx->zone, src, at);
	nf = (struct kept){ src, loc.line, at, msg.s, 0 };
	if (ctx->sink && sink_absorbs(ctx->sink, ctx->ri, &nf, &suppressed)) {
		zl_buf_free(&msg);
		return NULL;
	}
	d = zl_diags_add(ctx->out, r->id, r->severity, &loc, "%s", msg.s);
	d->suppressed = suppressed;
	if (ctx->sink)
		sink_keep(ctx->sink, ctx->ri, &nf, d, ctx->out->n - 1);
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
