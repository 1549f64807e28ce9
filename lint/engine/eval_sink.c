/* eval_sink.c - what the engine makes of a zone's findings: repeats on a line counted in the first, at most ZL_LIMIT_RULE_FINDINGS kept per rule. */
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "suppress.h"

/* A finding kept for a rule: its line and message, so that the next one
 * alike on that line is counted in it, and its place, so that a rule over
 * its cap keeps the first ones in the zone's text. */
struct kept {
	uint16_t src;
	uint32_t line;
	struct zl_tok at;
	const char *msg;	/* a copy: the diagnostic may be removed as a
				   follow-on finding */
	size_t idx;		/* into sink->out->v */
	bool suppressed;
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
	struct rule_sink **r;	/* per rule of the set, NULL until it has
				   a finding: most rules have none in a
				   small zone */
	size_t nr;
	size_t lo, hi;		/* r[lo..hi) holds every rule with a finding */
	struct zl_arena arena;	/* the struct kept and their messages */
	struct zl_sink *adopted;	/* zl_sink_adopt's, whose arena holds
					   some of them */
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

/* Removes the findings out[first..] marked with count 0. */
static void drop_marked(struct zl_diags *out, size_t first)
{
	bool *marked = zl_xcalloc(out->n - first + 1, sizeof *marked);
	size_t i, n = 0;

	for (i = first; i < out->n; i++)
		n += marked[i - first] = out->v[i].count == 0;
	if (n)
		zl_diags_remove(out, first, marked);
	free(marked);
}

/* Counts n findings at kp's place as dropped. */
static void drop(struct rule_sink *rs, int s, const struct kept *kp,
		 size_t n)
{
	if (rs->dropped[s] == 0 || before(kp, &rs->first[s]))
		rs->first[s] = *kp;
	rs->dropped[s] += n;
}

/* Rule ri's findings so far. */
static struct rule_sink *rule_sink(struct zl_sink *k, uint32_t ri)
{
	if (!k->r[ri]) {
		k->r[ri] = zl_xcalloc(1, sizeof *k->r[ri]);
		k->lo = ri < k->lo ? ri : k->lo;
		k->hi = ri >= k->hi ? ri + 1 : k->hi;
	}
	return k->r[ri];
}

bool zl_sink_drops(struct zl_sink *k, uint32_t ri, uint16_t src,
		   struct zl_tok at, uint32_t line)
{
	struct kept nf = { src, line, at, NULL, 0, false }, *last;
	struct rule_sink *rs = ri < k->nr ? k->r[ri] : NULL;
	int s;

	if (!rs)
		return false;
	s = zl_supp_covers(k->supp, src, line, ri, true);
	if (rs->n[s] < ZL_LIMIT_RULE_FINDINGS)
		return false;
	/* On a later line than the last kept: none kept can count it. */
	last = rs->heap[s][0];
	if (src != last->src ? src < last->src : line <= last->line)
		return false;
	(void)zl_supp_covers(k->supp, src, line, ri, false);
	drop(rs, s, &nf, 1);
	return true;
}

bool zl_sink_absorbs(struct zl_sink *k, uint32_t ri, uint16_t src,
		     struct zl_tok at, uint32_t line, const char *msg)
{
	struct rule_sink *rs = rule_sink(k, ri);
	struct kept nf = { src, line, at, msg, 0, false }, *last;
	void *node = tfind(&nf, &rs->tree, kept_cmp);
	struct zl_diag *d;
	int s;

	if (node) {
		k->out->v[(*(struct kept **)node)->idx].count++;
		return true;
	}
	s = zl_supp_covers(k->supp, src, line, ri, true);
	if (rs->n[s] < ZL_LIMIT_RULE_FINDINGS)
		return false;
	last = rs->heap[s][0];
	if (!before(&nf, last)) {
		/* Not kept, but a comment that covers it was used. */
		(void)zl_supp_covers(k->supp, src, line, ri, false);
		drop(rs, s, &nf, 1);
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

void zl_sink_keep(struct zl_sink *k, uint32_t ri, uint16_t src,
		  struct zl_tok at, uint32_t line, size_t idx)
{
	const char *msg = k->out->v[idx].message;
	struct kept *kp = zl_arena_alloc(&k->arena, sizeof *kp);
	struct rule_sink *rs = rule_sink(k, ri);

	*kp = (struct kept){ src, line, at,
			     zl_arena_strndup(&k->arena, msg, strlen(msg)), idx,
			     zl_supp_covers(k->supp, src, line, ri, true) };
	tsearch(kp, &rs->tree, kept_cmp);
	heap_push(rs, kp->suppressed, kp);
}

struct zl_sink *zl_sink_new(struct zl_diags *out, const struct zl_zone *z,
			    struct zl_supp *supp, size_t nrules)
{
	struct zl_sink *k = zl_xcalloc(1, sizeof *k);

	*k = (struct zl_sink){ .out = out, .z = z, .supp = supp, .nr = nrules,
			    .lo = nrules };
	k->r = zl_xcalloc(nrules ? nrules : 1, sizeof *k->r);
	return k;
}

void zl_sink_adopt(struct zl_sink *k, struct zl_sink *from, size_t offset)
{
	struct rule_sink *r;
	size_t i, j;
	int s;

	for (i = from->lo; i < from->hi; i++) {
		if (!(r = from->r[i]))
			continue;
		for (s = 0; s < 2; s++)
			for (j = 0; j < r->n[s]; j++)
				r->heap[s][j]->idx += offset;
		k->r[i] = r;
		from->r[i] = NULL;
		k->lo = i < k->lo ? i : k->lo;
		k->hi = i >= k->hi ? i + 1 : k->hi;
	}
	from->adopted = k->adopted;
	k->adopted = from;
}

void zl_sink_finish(struct zl_sink *k, const struct zl_ruleset *rs,
		    size_t first)
{
	struct zl_sink *a;
	struct rule_sink *r;
	struct zl_diag *d;
	struct zl_loc loc;
	char *m;
	size_t i;
	int s;

	for (i = k->lo; i < k->hi; i++) {
		if (!(r = k->r[i]))
			continue;
		while (r->tree)
			tdelete(*(void **)r->tree, &r->tree, kept_cmp);
		free(r->heap[0]);
		free(r->heap[1]);
	}
	/* Those that made room for ones before them in the text. */
	drop_marked(k->out, first);
	for (i = first; i < k->out->n; i++) {
		d = &k->out->v[i];
		if (d->count < 2)
			continue;
		m = zl_xasprintf("%s (%zu times on this line)", d->message,
				 d->count);
		free(d->message);
		d->message = m;
	}
	for (i = k->lo; i < k->hi; i++) {
		for (s = 0, r = k->r[i]; r && s < 2; s++) {
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
	for (i = k->lo; i < k->hi; i++)
		free(k->r[i]);
	while ((a = k->adopted)) {
		k->adopted = a->adopted;
		free(a->r);
		zl_arena_free(&a->arena);
		free(a);
	}
	free(k->r);
	zl_arena_free(&k->arena);
	free(k);
}
