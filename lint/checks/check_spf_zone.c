/* check_spf_zone.c - primitives for the SPF records of a whole zone
 * (RFC 7208): the graph of includes and redirects, its loops, void
 * includes and lookup counts (§4.6.4, §5.2, §6.1), and what one
 * evaluation asks the zone. */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check_spf.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* ---- the zone: includes and redirects (RFC 7208 §4.6.4, §5.2, §6.1) ----
 *
 * Every in-zone SPF record is a node; include and redirect terms whose
 * target a zone of the run holds are edges, and the SPF records they
 * reach in other zones become nodes as they are reached, so that lookups
 * are counted, and loops found, through every zone of the run.  Findings
 * are the zone's own: a node of another zone is walked, never reported.
 * One iterative depth-first walk per rule visits each node once (costs
 * are memoised), so the work is linear in the SPF text reached, and a
 * hostile chain cannot exhaust the stack. */

#define NONE ((size_t)-1)
#define COST_CAP 1000000L
#define DOMAIN_MAX 512

enum { WHITE, GREY, BLACK };
enum { T_NODE, T_VOID, T_OUTSIDE, T_MACRO };
enum { REPORT_LOOP = 1, REPORT_VOID = 2 };

struct node {
	const struct zl_zone *z;	/* the zone that holds rr */
	const struct zl_rr *rr;
	const struct rec *rec;
	long cost;		/* lookups of this record, includes followed */
	size_t pos;		/* GREY: its place in the walk stack */
	int state;
	bool inexact;		/* cost includes a guess (unknown or macro) */
};

struct graph {
	struct zl_ctx *ctx;
	struct node *v;
	size_t n, cap;
	size_t *hash;		/* node index + 1 by owner hash; 0 is empty */
	size_t hcap;
	size_t nown;		/* nodes 0..nown-1 are the zone's own */
	unsigned report;
	bool costs;		/* the rule has known-costs */
};

struct frame {
	size_t node, term;
	long sum;
	bool inexact;
};

static long sat_add(long a, long b)
{
	return a + b > COST_CAP ? COST_CAP : a + b;
}

static size_t find_node(const struct graph *g, const struct zl_name *n)
{
	size_t h;

	if (!n || !g->hcap)
		return NONE;
	for (h = n->hash & (g->hcap - 1); g->hash[h];
	     h = (h + 1) & (g->hcap - 1))
		if (g->v[g->hash[h] - 1].rr->owner == n)
			return g->hash[h] - 1;
	return NONE;
}

/* Adds rr of zone z, the first TXT record at its name, as a node when it
 * is SPF and its zone's own data; returns its index, or NONE. */
static size_t add_node(struct graph *g, const struct zl_zone *z,
		       const struct zl_rr *rr)
{
	struct node *nd;
	size_t k, h, cap;

	zl_xgrow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v);
	nd = &g->v[g->n];
	memset(nd, 0, sizeof *nd);
	nd->z = z;
	nd->rr = rr;
	if (!(nd->rec = zl_spf_rec_in(g->ctx, z, rr))->is_spf ||
	    rr->owner->below_cut)
		return NONE;
	if (2 * (g->n + 1) > g->hcap) {
		cap = g->hcap ? g->hcap * 2 : 64;
		free(g->hash);
		g->hash = zl_xcalloc(cap, sizeof *g->hash);
		g->hcap = cap;
		for (k = 0; k < g->n; k++) {
			for (h = g->v[k].rr->owner->hash & (cap - 1);
			     g->hash[h]; h = (h + 1) & (cap - 1))
				;
			g->hash[h] = k + 1;
		}
	}
	for (h = rr->owner->hash & (g->hcap - 1); g->hash[h];
	     h = (h + 1) & (g->hcap - 1))
		;
	g->hash[h] = ++g->n;
	return g->n - 1;
}

/* Adds every in-zone SPF record, the first at each name, as a node. */
static void graph_build(struct graph *g)
{
	const struct zl_zone *z = g->ctx->zone;
	size_t i;

	for (i = 0; i < z->nrrs; i++) {
		const struct zl_rr *rr = &z->rrs[i];

		if (rr->type == LDNS_RR_TYPE_TXT && rr->owner->in_zone &&
		    find_node(g, rr->owner) == NONE)
			(void)add_node(g, z, rr);
	}
	g->nown = g->n;
}

/* The records themselves belong to the run's memo. */
static void graph_free(struct graph *g)
{
	free(g->v);
	free(g->hash);
}

/* Where an include or redirect term points: a node, a name without SPF
 * (void), a name no zone of the run answers for, or a macro.  The query
 * follows CNAMEs and wildcards from zone to zone as a resolver would (RFC
 * 7208 §4.4, §5.2); the first SPF record of another zone's name becomes
 * a node when it is first reached. */
static int resolve(struct graph *g, const struct node *from,
		   const struct zl_spf_term *t, char *buf, size_t *out)
{
	const struct zl_rr *rr;
	struct zl_at at;

	*out = NONE;
	if (!zl_spf_domain(from->rec->txt.s, t, buf, DOMAIN_MAX))
		return T_MACRO;
	switch (zl_answer(g->ctx, buf, &at)) {
	case ZL_ANSWER_UNKNOWN:
		return T_OUTSIDE;
	case ZL_ANSWER_NONE:
		return T_VOID;
	default:
		*out = find_node(g, at.name);
		if (at.zone != g->ctx->zone)
			for (rr = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT);
			     rr && *out == NONE; rr = zl_next_rr(at.zone, rr))
				*out = add_node(g, at.zone, rr);
		return *out != NONE ? T_NODE : T_VOID;
	}
}

/* Whether term i is evaluated and queries DNS (see struct zl_spf). */
static bool counted(const struct zl_spf *s, size_t i)
{
	const struct zl_spf_term *t = &s->terms[i];

	if (t->bad || !zl_spf_kind_queries(t->kind))
		return false;
	if (t->kind == ZL_SPF_REDIRECT)
		return s->all < 0 && (int)i == s->redirect;
	return s->all < 0 || (int)i < s->all;
}

/* The known lookups inside an out-of-zone domain (parameter
 * known-costs, keys with or without the final dot); *known tells whether
 * the domain was listed. */
static long known_cost(const struct graph *g, char *domain, bool *known)
{
	const struct zl_param *p;
	size_t len = strlen(domain);
	long v = 0;

	*known = false;
	if (!g->costs)
		return 0;
	p = zl_rule_param(g->ctx->rule, "known-costs");
	if ((*known = zl_param_lookup(p, domain, &v)))
		return v;
	domain[len - 1] = '\0';
	*known = zl_param_lookup(p, domain, &v);
	domain[len - 1] = '.';
	return v;
}

/* Emits the current rule at term t of node nd with "term", "domain" (the
 * record's owner: zone scope has no subject) and extra vars. */
static zl_finding emit_node_v(struct graph *g, const struct node *nd,
			      const struct zl_spf_term *t,
			      const struct zl_var *extra, size_t nextra)
{
	struct zl_var v[5] = { { "term", NULL }, { "domain", NULL } };
	zl_finding d;
	size_t i;

	if (nd->z != g->ctx->zone)
		return ZL_NO_FINDING;
	v[0].value = zl_spf_rec_term_str(nd->rec, t);
	v[1].value = nd->rr->owner->text;
	assert(nextra + 1 < sizeof v / sizeof v[0]);
	for (i = 0; i < nextra; i++)
		v[i + 2] = extra[i];
	d = zl_emit_vars(g->ctx, nd->rr->src, zl_spf_rec_term_tok(nd->rec, t), v, i + 2);
	free((char *)v[0].value);
	return d;
}
#define EMIT_NODE(g, nd, t, ...) \
	emit_node_v((g), (nd), (t), ZL_VARS_(__VA_ARGS__) + 1, \
		    ZL_NVARS_(__VA_ARGS__))

/* Names of a loop shown in full; of a longer one, the first half and the
 * last ones, so that a report stays small however long the loop. */
#define CHAIN_SHOWN 8

/* RFC 7208 §4.6.4: a loop of includes or redirects never ends before the
 * lookup limit, so every evaluation through it is a permerror.  The walk
 * stack from the node that is reached again up to the top is the loop.
 * Each include or redirect that closes a loop is reported once, at its
 * term: removing it is the fix. */
static void report_loop(struct graph *g, const struct frame *st,
			size_t depth, size_t target,
			const struct zl_spf_term *t)
{
	struct zl_buf chain = { 0 };
	size_t first = g->v[target].pos, n = depth - first, i, k;
	const struct node *nd, *other = NULL;
	zl_finding f;

	if (!(g->report & REPORT_LOOP))
		return;
	/* Reported at the zone's own term that enters the loop last; a loop
	 * wholly in other zones is theirs to report. */
	for (k = depth; k > first && g->v[st[k - 1].node].z != g->ctx->zone;
	     k--)
		other = &g->v[st[k - 1].node];
	if (k == first)
		return;
	nd = &g->v[st[k - 1].node];
	if (k < depth)
		t = &nd->rec->spf.terms[st[k - 1].term - 1];
	else if (g->v[target].z != g->ctx->zone)
		other = &g->v[target];
	for (i = first; i < depth; i++) {
		if (n > CHAIN_SHOWN && i == first + CHAIN_SHOWN / 2) {
			zl_buf_addf(&chain, "... (%zu more) -> ",
				    n - CHAIN_SHOWN + 1);
			i = depth - (CHAIN_SHOWN / 2 - 1);
		}
		zl_buf_addf(&chain, "'%s' -> ",
			    g->v[st[i].node].rr->owner->text);
	}
	zl_buf_addf(&chain, "'%s'", g->v[target].rr->owner->text);
	f = EMIT_NODE(g, nd, t, { "chain", chain.s });
	if (other)
		zl_emit_note_in(g->ctx, f, other->z, other->rr->src,
				other->rr->text, "the loop goes on through "
				"this record of zone %s",
				other->z->origin->text);
	zl_buf_free(&chain);
}

/* RFC 7208 §5.2 and §6.1: an include or redirect whose target has no SPF
 * record ends the evaluation in permerror. */
static void report_void(struct graph *g, const struct node *nd,
			const struct zl_spf_term *t, const char *target)
{
	if (g->report & REPORT_VOID)
		zl_note_target(g->ctx, EMIT_NODE(g, nd, t, { "target", target }),
			       zl_lookup(g->ctx, target), target,
			       LDNS_RR_TYPE_TXT);
}

/* Pushes node k onto the walk stack. */
static void push(struct graph *g, struct frame **st, size_t *depth,
		 size_t *cap, size_t k)
{
	zl_xgrow((void **)st, cap, *depth + 1, sizeof **st);
	g->v[k].pos = *depth;
	(*st)[(*depth)++] = (struct frame){ k, 0, 0, false };
	g->v[k].state = GREY;
}

/* One step of the walk for term t of the top frame: add its cost, or
 * descend into an in-zone target not yet visited. */
static void step(struct graph *g, struct frame **st, size_t *depth,
		 size_t *cap, const struct zl_spf_term *t)
{
	struct frame *f = &(*st)[*depth - 1];
	char buf[DOMAIN_MAX];
	bool known;
	size_t k;

	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT) {
		f->sum = sat_add(f->sum, 1);
		return;
	}
	switch (resolve(g, &g->v[f->node], t, buf, &k)) {
	case T_NODE:
		if (g->v[k].state == WHITE) {
			push(g, st, depth, cap, k);
			return;
		}
		if (g->v[k].state == GREY)
			report_loop(g, *st, *depth, k, t);
		else
			f->inexact |= g->v[k].inexact;
		f->sum = sat_add(f->sum, 1 + (g->v[k].state == BLACK ?
					      g->v[k].cost : 0));
		return;
	case T_VOID:
		report_void(g, &g->v[f->node], t, buf);
		break;
	case T_OUTSIDE:
		f->sum = sat_add(f->sum, known_cost(g, buf, &known));
		f->inexact |= !known;
		break;
	default:
		f->inexact = true;
		break;
	}
	f->sum = sat_add(f->sum, 1);
}

static void walk(struct graph *g, size_t root)
{
	struct frame *st = NULL;
	size_t depth = 0, cap = 0;

	push(g, &st, &depth, &cap, root);
	while (depth) {
		struct frame *f = &st[depth - 1];
		struct node *nd = &g->v[f->node];

		if (f->term == nd->rec->spf.nterms) {
			nd->cost = f->sum;
			nd->inexact = f->inexact;
			nd->state = BLACK;
			if (--depth) {
				f = &st[depth - 1];
				f->sum = sat_add(f->sum, 1 + nd->cost);
				f->inexact |= nd->inexact;
			}
			continue;
		}
		if (counted(&nd->rec->spf, f->term++))
			step(g, &st, &depth, &cap,
			     &nd->rec->spf.terms[f->term - 1]);
	}
	free(st);
}

/* Builds the graph and walks it from every node, in record order. */
static void graph_run(struct graph *g)
{
	size_t i;

	graph_build(g);
	for (i = 0; i < g->n; i++)
		if (g->v[i].state == WHITE)
			walk(g, i);
}

static void spf_loop(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .report = REPORT_LOOP };

	graph_run(&g);
	graph_free(&g);
}

const struct zl_check zl_check_spf_include_loop = {
	.name = "spf-include-loop",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_loop,
	.params = no_params,
	.vars = (const char *const[]){ "term", "domain", "chain", NULL },
};

static void spf_void(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .report = REPORT_VOID };

	graph_run(&g);
	graph_free(&g);
}

const struct zl_check zl_check_spf_void_include = {
	.name = "spf-void-include",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_void,
	.params = no_params,
	.vars = (const char *const[]){ "term", "domain", "target", NULL },
};

/* The lookups term i of nd costs once the walk is done, and whether that
 * figure is exact. */
static long term_cost(struct graph *g, size_t ni, size_t i, bool *exact)
{
	const struct zl_spf_term *t = &g->v[ni].rec->spf.terms[i];
	char buf[DOMAIN_MAX];
	size_t k;
	int where;

	*exact = true;
	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT)
		return 1;
	where = resolve(g, &g->v[ni], t, buf, &k);
	if (where == T_NODE) {
		*exact = !g->v[k].inexact;
		return sat_add(1, g->v[k].cost);
	}
	if (where == T_OUTSIDE)
		return sat_add(1, known_cost(g, buf, exact));
	*exact = where != T_MACRO;
	return 1;
}

/* Finds the term at which the count passes limit, and tells in how (when
 * not NULL) how the count was reached: the terms that cost more than one
 * lookup, then how many single lookups there are. */
static void explain(struct graph *g, size_t ni, long limit,
		    struct zl_buf *how, size_t *over, bool *exact)
{
	const struct rec *r = g->v[ni].rec;
	const struct zl_spf *s = &r->spf;
	long run = 0, c, singles = 0;
	size_t i;
	bool ex;

	*over = NONE;
	*exact = true;
	for (i = 0; i < s->nterms; i++) {
		if (!counted(s, i))
			continue;
		c = term_cost(g, ni, i, &ex);
		*exact = *exact && ex;
		run = sat_add(run, c);
		if (run > limit && *over == NONE)
			*over = i;
		if (c == 1 && ex) {
			singles++;
			continue;
		}
		if (how)
			zl_buf_addf(how, "%s'%.*s' %s%ld",
				    how->len ? ", " : "",
				    (int)s->terms[i].text.len,
				    r->txt.s + s->terms[i].text.off,
				    ex ? "" : "at least ", c);
	}
	if (how && singles)
		zl_buf_addf(how, "%s%ld other term%s with one lookup each",
			    how->len ? ", " : "", singles,
			    singles == 1 ? "" : "s");
}

static const struct zl_param_spec lookup_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "10", .min = 1,
	  .max = 1000 },
	{ .key = "known-costs", .type = ZL_PT_INTMAP, .dflt = "{}",
	  .min = 0, .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: evaluating a record may cause at most 10 DNS-querying
 * terms, counted through every include and redirect; over that the
 * result is permerror.  Reported at the term that crosses the limit. */
static void spf_lookups(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .costs = true };
	long limit = zl_rule_int(ctx->rule, "limit");
	char count[40], lim[24];
	size_t i, over;
	bool exact;

	graph_run(&g);
	snprintf(lim, sizeof lim, "%ld", limit);
	for (i = 0; i < g.nown; i++) {
		const struct node *nd;
		struct zl_buf how = { 0 };

		explain(&g, i, limit, NULL, &over, &exact);
		if (over != NONE) {
			explain(&g, i, limit, &how, &over, &exact);
			nd = &g.v[i];
			snprintf(count, sizeof count, "%s%ld",
				 exact ? "" : "at least ", nd->cost);
			EMIT_NODE(&g, nd, &nd->rec->spf.terms[over],
				  { "count", count }, { "limit", lim },
				  { "how", how.s });
		}
		zl_buf_free(&how);
	}
	graph_free(&g);
}

const struct zl_check zl_check_spf_lookups = {
	.name = "spf-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_lookups,
	.params = lookup_params,
	.vars = (const char *const[]){ "term", "domain", "count", "limit", "how",
				       NULL },
};

/* ---- what one evaluation asks the zone (RFC 7208 §4.6.4) ---- */

/* The name term t of r queries, canonical in buf (DOMAIN_MAX bytes): its
 * literal domain, or the record's owner for an a or mx without one (the
 * <domain> of check_host(), §5.3, §5.4).  False when it holds a macro. */
static bool query_name(const struct zl_rr *rr, const struct rec *r,
		       const struct zl_spf_term *t, char *buf)
{
	if (t->value.len)
		return zl_spf_domain(r->txt.s, t, buf, DOMAIN_MAX);
	if (rr->owner->len >= DOMAIN_MAX)
		return false;
	memcpy(buf, rr->owner->text, (size_t)rr->owner->len + 1);
	return true;
}

static const struct zl_param_spec mx_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "10", .min = 1,
	  .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: evaluating one mx term looks up the addresses of at
 * most 10 MX hosts; a longer MX RRset makes the term a permerror.  Known
 * where the zone holds the RRset the term queries. */
static void spf_mx_names(struct zl_ctx *ctx)
{
	long limit = zl_rule_int(ctx->rule, "limit");
	const struct zl_rrset *set;
	struct zl_at at;
	const struct rec *r;
	char buf[DOMAIN_MAX], count[24], lim[24];
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	snprintf(lim, sizeof lim, "%ld", limit);
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if (t->kind != ZL_SPF_MX || !counted(&r->spf, i) ||
		    !query_name(ctx->rr, r, t, buf) ||
		    zl_answer(ctx, buf, &at) != ZL_ANSWER_NAME ||
		    !(set = zl_name_rrset(at.name, LDNS_RR_TYPE_MX)) ||
		    (long)set->count <= limit)
			continue;
		snprintf(count, sizeof count, "%u", set->count);
		{
			EMIT_TERM(ctx, r, t, { "target", buf },
				  { "count", count }, { "limit", lim });
		}
	}
}

const struct zl_check zl_check_spf_mx_names = {
	.name = "spf-mx-names",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_mx_names,
	.params = mx_params,
	.vars = (const char *const[]){ "term", "target", "count", "limit",
				       NULL },
};

/* Whether term t's query for text finds nothing for any client (a void
 * lookup, §4.6.4: NXDOMAIN or an empty answer): a asks for A or AAAA
 * (by the client's address family), exists for A, mx for MX. */
static bool void_query(const struct zl_ctx *ctx, const struct zl_spf_term *t,
		       const char *text)
{
	const struct zl_name *n;
	struct zl_at at;

	switch (zl_answer(ctx, text, &at)) {
	case ZL_ANSWER_NONE:
		return true;
	case ZL_ANSWER_UNKNOWN:
		return false;
	default:
		n = at.name;
		break;
	}
	if (t->kind == ZL_SPF_MX)
		return !zl_name_rrset(n, LDNS_RR_TYPE_MX);
	return !zl_name_rrset(n, LDNS_RR_TYPE_A) &&
	       (t->kind == ZL_SPF_EXISTS ||
		!zl_name_rrset(n, LDNS_RR_TYPE_AAAA));
}

static const struct zl_param_spec void_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "2", .min = 0,
	  .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: receivers SHOULD allow at most two void lookups per
 * evaluation, and return permerror past that.  Counted over the a, mx
 * and exists terms of one record whose names the zone holds (includes
 * are not followed: an include without SPF is spf-void-include's);
 * reported at the term past the limit. */
static void spf_void_lookups(struct zl_ctx *ctx)
{
	long limit = zl_rule_int(ctx->rule, "limit"), nvoid = 0;
	const struct rec *r;
	struct zl_buf list = { 0 };
	char buf[DOMAIN_MAX], count[24], lim[24];
	size_t i, over = NONE;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if ((t->kind != ZL_SPF_A && t->kind != ZL_SPF_MX &&
		     t->kind != ZL_SPF_EXISTS) || !counted(&r->spf, i) ||
		    !query_name(ctx->rr, r, t, buf) ||
		    !void_query(ctx, t, buf))
			continue;
		zl_buf_addf(&list, "%s'%.*s'", nvoid ? ", " : "",
			    (int)t->text.len, r->txt.s + t->text.off);
		if (++nvoid == limit + 1)
			over = i;
	}
	if (over != NONE) {

		snprintf(count, sizeof count, "%ld", nvoid);
		snprintf(lim, sizeof lim, "%ld", limit);
		EMIT_TERM(ctx, r, &r->spf.terms[over], { "count", count },
			  { "limit", lim }, { "terms", list.s });
	}
	zl_buf_free(&list);
}

const struct zl_check zl_check_spf_void_lookups = {
	.name = "spf-void-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_void_lookups,
	.params = void_params,
	.vars = (const char *const[]){ "term", "count", "limit", "terms",
				       NULL },
};
