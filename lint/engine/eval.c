/* eval.c - the rule engine: runs the planned rules over their subjects, phase by phase. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>	/* malloc_trim */
#endif

#include <ldns/ldns.h>

#include "check.h"
#include "eval.h"
#include "impl.h"
#include "suppress.h"

/* ---- running rules ---- */

/* The order in which two threads take the families of rules (schedule()). */
struct schedule {
	size_t *of;		/* per rule of the set, its family's turn */
	size_t n;
	atomic_size_t next;	/* the next turn to take */
};

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
	struct schedule *sched;	/* the ordinary phase's rules, when two
				   threads share them; NULL: this one runs
				   them all */
	size_t turn;		/* the family this one runs (sched->of) */
	unsigned threads;	/* zl_lint_threads */
};

/* What every call of the run passes (call() adds the subject). */
static void set_ctx(struct run *run)
{
	run->ctx = (struct zl_ctx){
		.rs = run->rs, .zone = run->z, .out = run->out,
		.sink = run->sink, .memo = run->memo, .broken = &run->broken,
		.zones = run->o->set, .zones_below = run->zones_below,
		.base = run->o->base, .now = run->o->now,
	};
}

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
		zl_subject_ahead(&run->sj, u->r->scope, &c, k);
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

/* Whether this run leaves out rule r (index ri): it is off, or another
 * thread's. */
static bool skipped(const struct run *run, const struct zl_rule *r,
		    size_t ri)
{
	return r->severity == ZL_SEV_OFF ||
	       (run->sched && run->sched->of[ri] != run->turn);
}

/* Runs the enabled rules of one phase (of the family run->turn, when two
 * threads share them). */
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
			if (!skipped(run, r, rs->plan[i].ri) &&
			    !zl_broken_lost(&run->broken, r, NULL))
				call(run, r, rs->plan[i].ri, NULL, NULL, NULL);
			continue;
		}
		if (rs->plan[i].first && n) {
			visit(run, u, n);
			n = 0;
		}
		if (skipped(run, r, rs->plan[i].ri))
			continue;
		u[n] = (struct unit){ r, rs->plan[i].ri, rs->plan[i].type,
				      false };
		/* with a file unread, zl_subject_taken asks what it held */
		u[n].all = zl_unit_takes_all(&u[n]) && !run->broken.lost_all;
		n++;
	}
	if (n)
		visit(run, u, n);
}

/* ---- the ordinary rules on two threads (zl_lint_threads) ---- */

/* The rules whose ids share their letters (those of one pack, which read
 * the same records and share what the memo builds from them) are one
 * family, run whole by one thread, so that each rule's findings pass
 * through one sink.  The threads take the families in turn, those with
 * the most subjects to visit first. */
struct family {
	const char *id;		/* its first rule's id */
	size_t cost;		/* the subjects its rules visit */
	size_t at;		/* its place before sorting */
};

static int family_cmp(const void *pa, const void *pb)
{
	const struct family *a = pa, *b = pb;

	if (a->cost != b->cost)
		return a->cost < b->cost ? 1 : -1;
	return (a->at > b->at) - (a->at < b->at);
}

/* The family of id among f[0..nf), or nf. */
static size_t family_of(const struct family *f, size_t nf, const char *id)
{
	size_t k;

	for (k = 0; k < nf; k++)
		if (zl_same_family(f[k].id, id))
			break;
	return k;
}

/* The families of the ordinary phase's rules, in the order the threads
 * take them; false when there are fewer than two. */
static bool schedule(const struct run *run, struct schedule *fs)
{
	const struct zl_ruleset *rs = run->rs;
	struct family *f = zl_xcalloc(rs->n ? rs->n : 1, sizeof *f);
	const struct zl_rule *r;
	size_t i, k, nf = 0;
	struct unit u;

	for (i = phase_start(rs, ZL_PH_RULES); i < rs->nplan; i++) {
		r = rs->rules[rs->plan[i].ri];
		if (zl_rule_phase(r) != ZL_PH_RULES)
			break;
		if (r->severity == ZL_SEV_OFF)
			continue;
		if ((k = family_of(f, nf, r->id)) == nf) {
			f[nf] = (struct family){ r->id, 0, nf };
			nf++;
		}
		u = (struct unit){ r, rs->plan[i].ri, rs->plan[i].type, false };
		f[k].cost += 1 + zl_unit_cost(&run->sj, &u);
	}
	qsort(f, nf, sizeof *f, family_cmp);
	fs->of = zl_xmalloc((rs->n ? rs->n : 1) * sizeof *fs->of);
	for (i = 0; i < rs->n; i++)
		fs->of[i] = family_of(f, nf, rs->rules[i]->id);
	fs->n = nf;
	atomic_init(&fs->next, 2);	/* 0 and 1 are given (helper_start) */
	free(f);
	if (nf > 1)
		return true;
	free(fs->of);
	return false;
}

/* Gives the memory freed so far back to the system: the allocator keeps
 * what a thread freed for that thread (the sets and parse buffers of the
 * rules it ran), while the memo's blocks and the next family's objects
 * come from fresh pages.  On the 1M-record zone of `make bench`, 7 MB
 * less at the peak. */
static void give_back(void)
{
#ifdef __GLIBC__
	(void)malloc_trim(0);
#endif
}

/* Runs family run->turn, then each family of the ordinary phase that no
 * other thread has taken, one at a time.  What a family built of the
 * zone as a whole (the SPF graph, the DMARC answers per domain) goes
 * when it is done: the next family seldom reads it, and would otherwise
 * hold it to the end of the run beside what it builds itself. */
static void take_families(struct run *run)
{
	do {
		run_phase(run, ZL_PH_RULES);
		zl_memo_zone_free(run->memo);
		give_back();
	} while ((run->turn = atomic_fetch_add(&run->sched->next, 1)) <
	       run->sched->n);
}

/* The second thread: a run of its own over the same zone, whose findings,
 * follow-on marks and sink the first takes over when it is done. */
struct helper {
	struct run run;
	struct zl_diags out;
	struct zl_memo memo;
	pthread_t thread;
	bool started;
	bool failed;		/* out of memory: its work is lost */
};

static void *helper_main(void *arg)
{
	struct helper *h = arg;
	struct zl_guard g;

	ZL_GUARD(&g, h->failed = true; return NULL;);
	take_families(&h->run);
	zl_guard_leave(&g);
	return NULL;
}

/* Starts h on the families of fs; false when no thread could be
 * started. */
static bool helper_start(struct run *run, struct helper *h,
			 struct schedule *fs)
{
	struct zl_broken *b;

	memset(h, 0, sizeof *h);
	h->run = *run;
	zl_diags_init(&h->out);
	h->memo = (struct zl_memo){ .z = run->z, .recs = run->memo->recs };
	b = &h->run.broken;
	b->drop = NULL;
	b->ndrop = b->capdrop = 0;
	h->run.out = &h->out;
	h->run.memo = &h->memo;
	zl_subjects_fork(&h->run.sj, &run->sj, &h->out, b);
	h->run.sink = zl_sink_new(&h->out, run->z, run->supp, run->rs->n);
	h->run.u = zl_xmalloc((run->rs->nplan ? run->rs->nplan : 1) *
			      sizeof *h->run.u);
	set_ctx(&h->run);
	/* The largest family is the helper's, and the next the caller's:
	 * on a small zone the caller could otherwise take them all before
	 * the helper starts, and the findings of the helper's, merged, are
	 * what the tests compare. */
	h->run.sched = fs;
	h->run.turn = 0;
	h->started = pthread_create(&h->thread, NULL, helper_main, h) == 0;
	return h->started;
}

/* Waits for h; a cleanup too, so that running out of memory in the first
 * thread never leaves the second one reading what is freed (it stops
 * after the family it runs). */
static void helper_join(void *arg)
{
	struct helper *h = arg;

	atomic_store(&h->run.sched->next, h->run.sched->n);
	if (h->started)
		pthread_join(h->thread, NULL);
	h->started = false;
}

/* Frees what h has of its own (its sink, unless run's took it over), but
 * for what it built for the memo's records, which run's memo keeps. */
static void helper_free(struct run *run, struct helper *h)
{
	if (h->run.sink)
		zl_sink_finish(h->run.sink, run->rs, 0);
	free(h->run.broken.drop);
	zl_arena_adopt(&run->memo->arena, &h->memo.arena);
	zl_memo_free(&h->memo);
	zl_subjects_free(&h->run.sj);
	free(h->run.u);
	zl_diags_free(&h->out);
}

/* The helper is done: its findings go to the end of run->out, with its
 * follow-on marks and what its sink knows of them. */
static void helper_merge(struct run *run, struct helper *h)
{
	size_t off = run->out->n, i;

	/* Out of memory there: what it built may be half made, and is left
	 * alone, as the calling thread leaves its own then. */
	if (h->failed)
		zl_oom(0);
	if (zl_diags_move(run->out, &h->out) != ZL_OK)
		zl_oom(0);
	for (i = 0; i < h->run.broken.ndrop; i++)
		zl_broken_drop(&run->broken, h->run.broken.drop[i] + off);
	zl_sink_adopt(run->sink, h->run.sink, off);
	h->run.sink = NULL;
	helper_free(run, h);
}

/* The ordinary phase, on a second thread too when o->threads allows and
 * the rules split: the findings are the same either way. */
static void run_ordinary(struct run *run)
{
	struct schedule fs;
	struct helper h;

	if (run->threads < 2 || !schedule(run, &fs)) {
		run_phase(run, ZL_PH_RULES);
		return;
	}
	if (!helper_start(run, &h, &fs)) {
		helper_free(run, &h);
		free(fs.of);
		run_phase(run, ZL_PH_RULES);
		return;
	}
	zl_cleanup_push(helper_join, &h);
	run->sched = &fs;
	run->turn = 1;
	take_families(run);
	run->sched = NULL;
	zl_cleanup_pop();
	helper_join(&h);
	free(fs.of);
	helper_merge(run, &h);
}

/* The ordinary rules, between the broken records being known and the
 * follow-on findings they emitted being removed from out[first..). */
static void run_rules(struct run *run, size_t first)
{
	struct zl_broken *b = &run->broken;
	bool *drop;
	size_t i;

	zl_broken_settle(b);
	run_ordinary(run);
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
		  const struct zl_lint_opts *o, unsigned threads,
		  struct zl_diags *out)
{
	static const struct zl_lint_opts none;
	struct run run = { .rs = rs, .z = z, .o = o ? o : &none, .out = out,
			   .threads = threads };
	struct zl_memo_recs recs;
	struct zl_memo memo = { .z = z, .recs = &recs };
	size_t first, mid;

	if (!rs || !z || !out)
		return;
	run.zones_below = run.o->set &&
			  zl_zoneset_has_below(run.o->set, z->origin->text);
	run.memo = &memo;
	run.u = zl_xmalloc((rs->nplan ? rs->nplan : 1) * sizeof *run.u);
	zl_subjects_init(&run.sj, rs, z, out, &run.broken);
	zl_memo_recs_init(&recs, z, &run.sj);
	first = out->n;
	/* Read first: the cap per rule counts suppressed findings apart. */
	run.supp = zl_supp_scan(rs, z);
	run.sink = zl_sink_new(out, z, run.supp, rs->n);
	set_ctx(&run);
	zl_broken_start(&run.broken, z);
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
	zl_memo_recs_free(&recs);
	zl_subjects_free(&run.sj);
	free(run.u);
}
