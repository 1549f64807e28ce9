/* eval.c - the rule engine: runs the planned rules over their subjects, phase by phase. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "check.h"
#include "eval.h"
#include "impl.h"
#include "suppress.h"

/* ---- running rules ---- */

/* One zl_lint call. */
struct run {
	const struct zl_ruleset *rs;
	const struct zl_zone *z;
	const struct zl_lint_opts *o;
	bool zones_below;	/* zl_ctx.zones_below */
	struct zl_diags *out;
	struct zl_subjects sj;
	struct zl_memo *memo;
	struct zl_supp *supp;	/* the zone's suppression comments, or NULL */
	struct zl_broken broken;
	struct zl_sink *sink;
	struct unit *u;		/* room for a group of the plan, reused */
	struct zl_ctx ctx;	/* what call() passes */
};

/* run->ctx holds what is the same for every call of the run: only the
 * rule and the subject change. */
static void call(struct run *run, const struct zl_rule *r, uint32_t ri,
		 const struct zl_rr *rr, const struct zl_rrset *s,
		 const struct zl_name *n)
{
	struct zl_ctx *ctx = &run->ctx;

	ctx->rule = r;
	ctx->ri = ri;
	ctx->rr = rr;
	ctx->set = s;
	ctx->name = n;
	ctx->supp = r->check->after_suppress ? run->supp : NULL;
	r->check->fn(ctx);
}

/* Runs the units u[0..n), which share their subjects, subject by subject:
 * all the rules about one record or name run while its parsed forms are
 * in cache, instead of each rule walking the whole zone in turn.  Which
 * subjects, and which rules take each, the planner decides. */
static void visit(struct run *run, const struct unit *u, size_t n)
{
	struct cand c = zl_subjects_of(&run->sj, u, n);
	const struct zl_rr *rr;
	struct subject sb;
	size_t k, j;
	uint32_t i;

	for (k = 0; k < c.n; k++) {
		i = zl_cand_at(&c, k);
		for (j = 0; j < n; j++)
			if (u[j].all) {
				rr = &run->z->rrs[i];
				call(run, u[j].r, (uint32_t)u[j].ri, rr, NULL,
				     rr->owner);
			} else if (zl_subject_taken(&run->sj, &u[j], i, &sb))
				call(run, u[j].r, (uint32_t)u[j].ri, sb.rr,
				     sb.set, sb.name);
	}
}

/* The first unit of phase ph in the plan, which is ordered by phase. */
static size_t phase_start(const struct zl_ruleset *rs, enum zl_phase ph)
{
	size_t lo = 0, hi = rs->nplan, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (zl_rule_phase(rs->rules[rs->plan[m].ri]) < ph)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/* Runs the enabled rules of one phase. */
static void run_phase(struct run *run, enum zl_phase ph)
{
	const struct zl_ruleset *rs = run->rs;
	const struct zl_rule *r;
	struct unit *u = run->u;
	size_t i, n = 0;

	for (i = phase_start(rs, ph); i < rs->nplan; i++) {
		r = rs->rules[rs->plan[i].ri];
		if (zl_rule_phase(r) != ph)
			break;
		if (r->scope == ZL_SCOPE_ZONE) {	/* first in the phase */
			if (r->severity != ZL_SEV_OFF &&
			    !zl_broken_lost(&run->broken, r, NULL))
				call(run, r, rs->plan[i].ri, NULL, NULL, NULL);
			continue;
		}
		if (rs->plan[i].first && n) {
			visit(run, u, n);
			n = 0;
		}
		if (r->severity == ZL_SEV_OFF)
			continue;
		u[n] = (struct unit){ r, rs->plan[i].ri, rs->plan[i].type,
				      false };
		u[n].all = zl_unit_takes_all(&u[n]);
		n++;
	}
	if (n)
		visit(run, u, n);
}

/* The ordinary rules, between the broken records being known and the
 * follow-on findings they emitted being removed from out[first..). */
static void run_rules(struct run *run, size_t first)
{
	struct zl_broken *b = &run->broken;
	bool *drop;
	size_t i;

	zl_broken_settle(b, run->z);
	run_phase(run, ZL_PH_RULES);
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
void zl_lint_impl(const struct zl_ruleset *rs, const struct zl_zone *z,
		  const struct zl_lint_opts *o, struct zl_diags *out)
{
	static const struct zl_lint_opts none;
	struct run run = { .rs = rs, .z = z, .o = o ? o : &none, .out = out };
	struct zl_memo memo = { .z = z, .n = z ? z->nrrs : 0 };
	size_t first, mid;

	if (!rs || !z || !out)
		return;
	run.zones_below = run.o->set &&
			  zl_zoneset_has_below(run.o->set, z->origin->text);
	run.memo = &memo;
	run.u = zl_xmalloc((rs->nplan ? rs->nplan : 1) * sizeof *run.u);
	zl_subjects_init(&run.sj, rs, z, out, &run.broken);
	first = out->n;
	/* Read first: the cap per rule counts suppressed findings apart. */
	run.supp = zl_supp_scan(rs, z);
	run.sink = zl_sink_new(out, z, run.supp, rs->n);
	run.ctx = (struct zl_ctx){
		.rs = rs, .zone = z, .out = out, .sink = run.sink,
		.memo = run.memo, .broken = &run.broken,
		.zones = run.o->set, .zones_below = run.zones_below,
		.base = run.o->base, .now = run.o->now,
	};
	run_phase(&run, ZL_PH_BREAKS);
	run_rules(&run, first);
	zl_supp_apply(run.supp, z, out, first);
	mid = out->n;
	run_phase(&run, ZL_PH_SUPPRESS);
	zl_supp_apply(run.supp, z, out, mid);
	zl_sink_finish(run.sink, rs, first);
	zl_supp_free(run.supp);
	zl_broken_free(&run.broken);
	zl_memo_free(&memo);
	zl_subjects_free(&run.sj);
	free(run.u);
}
