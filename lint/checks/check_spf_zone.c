/* check_spf_zone.c - primitives for the SPF records of a whole zone
 * (RFC 7208): the graph of includes and redirects, its loops, void
 * includes and lookup counts (§4.6.4, §5.2, §6.1), a record's default
 * result as the zone's policies reach it, and what one evaluation asks
 * the zone. */
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
 * are counted, and loops found, through every zone of the run.  The graph
 * is built once per zone, every term resolved once, and shared by the
 * rules that walk it (the engine's memo keeps it).  Findings are the
 * zone's own: a node of another zone is walked, never reported.  One
 * iterative depth-first walk per rule visits each node once (costs are
 * memoised), so the work is linear in the SPF text reached, and a hostile
 * chain cannot exhaust the stack. */

#define NONE ((size_t)-1)
#define COST_CAP 1000000L
#define DOMAIN_MAX 512

enum { WHITE, GREY, BLACK };
enum { T_NODE, T_VOID, T_OUTSIDE, T_MACRO };
enum { REPORT_LOOP = 1, REPORT_VOID = 2 };

/* Where one counted include or redirect term points: a node, a name
 * without SPF (void), a name no zone of the run answers for, or a
 * macro. */
struct edge {
	int where;
	size_t node;		/* T_NODE */
	const char *domain;	/* T_VOID, T_OUTSIDE: canonical text */
};

struct node {
	const struct zl_zone *z;	/* the zone that holds rr */
	const struct zl_rr *rr;
	const struct rec *rec;
	size_t edge;		/* its edges, one per counted include and
				   redirect in term order, from here */
	uint8_t reached;	/* REACH_* of the zone's own edges to it */
};

/* REACH_PASS: an include: whose match passes (qualifier '+'), where the
 * included record's +all passes every sender its includer meets. */
enum { REACH_INCLUDE = 1, REACH_REDIRECT = 2, REACH_PASS = 4 };

/* The graph of one zone, shared by its rules. */
struct graph {
	struct node *v;
	size_t n, cap;
	uint32_t *hash;		/* node index + 1 by owner hash; 0 is empty */
	size_t hcap;
	size_t nown;		/* nodes 0..nown-1 are the zone's own */
	struct edge *e;
	size_t ne, cape;
	struct zl_arena text;	/* the domains of edges */
	const char *last;	/* the last one added: the zone's records
				   name a few providers' domains over and
				   over, each kept once in a row */
};

/* One rule's walk of the graph: what it found of each node. */
struct mark {
	long cost;		/* lookups (or void lookups) of this record,
				   includes followed */
	size_t pos;		/* GREY: its place in the walk stack */
	int state;
	bool inexact;		/* cost includes a guess (unknown or macro) */
};

struct walk {
	struct zl_ctx *ctx;
	const struct graph *g;
	struct mark *m;
	unsigned report;
	bool costs;		/* the rule has known-costs */
	bool voids;		/* count void lookups, not lookups */
};

struct frame {
	size_t node, term, edge;
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
	for (h = zl_name_key(n) & (g->hcap - 1); g->hash[h];
	     h = (h + 1) & (g->hcap - 1))
		if (g->v[g->hash[h] - 1].rr->owner == n)
			return g->hash[h] - 1;
	return NONE;
}

/* Adds rr of zone z, the first TXT record at its name, as a node when it
 * is SPF and its zone's own data; returns its index, or NONE. */
static size_t add_node(struct zl_ctx *ctx, struct graph *g,
		       const struct zl_zone *z, const struct zl_rr *rr)
{
	struct node *nd;
	size_t k, h, cap;

	zl_xgrow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v);
	nd = &g->v[g->n];
	memset(nd, 0, sizeof *nd);
	nd->z = z;
	nd->rr = rr;
	if (!(nd->rec = zl_spf_rec_in(ctx, z, rr))->is_spf ||
	    rr->owner->below_cut)
		return NONE;
	if (2 * (g->n + 1) > g->hcap) {
		cap = g->hcap ? g->hcap * 2 : 64;
		free(g->hash);
		g->hash = zl_xcalloc(cap, sizeof *g->hash);
		g->hcap = cap;
		for (k = 0; k < g->n; k++) {
			for (h = zl_name_key(g->v[k].rr->owner) & (cap - 1);
			     g->hash[h]; h = (h + 1) & (cap - 1))
				;
			g->hash[h] = (uint32_t)k + 1;
		}
	}
	for (h = zl_name_key(rr->owner) & (g->hcap - 1); g->hash[h];
	     h = (h + 1) & (g->hcap - 1))
		;
	g->hash[h] = (uint32_t)++g->n;
	return g->n - 1;
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

/* Whether term i is an edge of the graph. */
static bool is_edge(const struct zl_spf *s, size_t i)
{
	return (s->terms[i].kind == ZL_SPF_INCLUDE ||
		s->terms[i].kind == ZL_SPF_REDIRECT) && counted(s, i);
}

/* Whether term t's domain is the current domain and nothing else:
 * '%{d}', '%{D}', with or without a final dot. */
static bool is_current_domain(const char *rec, const struct zl_spf_term *t)
{
	const char *s = rec + t->value.off;
	size_t len = t->value.len;

	if (t->bad || !t->has_macro || (len != 4 && len != 5))
		return false;
	return s[0] == '%' && s[1] == '{' && (s[2] == 'd' || s[2] == 'D') &&
	       s[3] == '}' && (len == 4 || s[4] == '.');
}

/* Resolves term t of node `from`.  The query follows CNAMEs and wildcards
 * from zone to zone as a resolver would (RFC 7208 §4.4, §5.2); the first
 * SPF record of another zone's name becomes a node when it is first
 * reached. */
static struct edge resolve(struct zl_ctx *ctx, struct graph *g, size_t from,
			   const struct zl_spf_term *t)
{
	struct edge e = { T_MACRO, NONE, NULL };
	const struct zl_rr *rr;
	char buf[DOMAIN_MAX];
	struct zl_at at;

	/* '%{d}' is the domain the record is evaluated for (RFC 7208 §7.3),
	 * by whatever name it was reached: the record itself, a loop */
	if (is_current_domain(g->v[from].rec->txt.s, t)) {
		e.where = T_NODE;
		e.node = from;
		return e;
	}
	if (!zl_spf_domain(g->v[from].rec->txt.s, t, buf, DOMAIN_MAX))
		return e;
	switch (zl_answer(ctx, buf, &at)) {
	case ZL_ANSWER_UNKNOWN:
		e.where = T_OUTSIDE;
		break;
	case ZL_ANSWER_NONE:
	case ZL_ANSWER_YXDOMAIN:	/* no record either: report_void */
		e.where = T_VOID;
		break;
	default:
		e.node = find_node(g, at.name);
		if (at.zone != ctx->zone)
			for (rr = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT);
			     rr && e.node == NONE; rr = zl_next_rr(at.zone, rr))
				e.node = add_node(ctx, g, at.zone, rr);
		e.where = e.node != NONE ? T_NODE : T_VOID;
		break;
	}
	if (e.where != T_NODE && g->last && strcmp(g->last, buf) == 0)
		e.domain = g->last;
	else if (e.where != T_NODE)
		g->last = e.domain = zl_arena_strndup(&g->text, buf,
						      strlen(buf));
	return e;
}

/* Appends to buf[*i..n) the rightmost `keep` labels of owner (0: all),
 * without its final dot; false when they do not fit. */
static bool add_labels(const char *owner, unsigned long keep, char *buf,
		       size_t *i, size_t n)
{
	size_t len = strlen(owner), a, dots = 0;

	if (len < 2 || strchr(owner, '\\'))
		return false;
	len--;			/* the root's dot */
	for (a = len; a > 0; a--)
		if (owner[a - 1] == '.' && keep && ++dots == keep)
			break;
	if (*i + (len - a) >= n)
		return false;
	memcpy(buf + *i, owner + a, len - a);
	*i += len - a;
	return true;
}

/* The domain of term t of a record at owner whose only macros are the
 * current domain, '%{d}' and '%{dN}' (RFC 7208 §7.3: <domain>, which the
 * record is evaluated for), as zl_spf_domain writes a literal one; false
 * for another macro or transformer. */
static bool current_domain(const char *rec, const struct zl_spf_term *t,
			   const char *owner, char *buf, size_t n)
{
	const char *s = rec + t->value.off;
	size_t len = t->value.len, i = 0, j = 0;
	unsigned long keep;
	char *end;

	if (!len || t->bad || !t->has_macro)
		return false;
	while (j < len) {
		if (s[j] != '%') {
			if (i + 1 >= n)
				return false;
			buf[i++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ?
					  s[j] - 'A' + 'a' : s[j]);
			j++;
			continue;
		}
		if (j + 3 >= len || s[j + 1] != '{' ||
		    (s[j + 2] != 'd' && s[j + 2] != 'D'))
			return false;
		keep = s[j + 3] >= '0' && s[j + 3] <= '9' ?
			strtoul(s + j + 3, &end, 10) : 0;
		if (s[j + 3] >= '0' && s[j + 3] <= '9')
			j = (size_t)(end - s);
		else
			j += 3;
		if (j >= len || s[j] != '}' || !add_labels(owner, keep, buf,
							   &i, n))
			return false;
		j++;
	}
	if (i == 0 || i + 2 > n)
		return false;
	if (buf[i - 1] != '.')
		buf[i++] = '.';
	buf[i] = '\0';
	return true;
}

/* The node of ctx's zone's graph that term t of the record at owner
 * reaches when the record is evaluated for owner, its domain written as
 * it is or with the current domain's macro; NONE when another name, or
 * none, answers. */
static size_t reached_node(struct zl_ctx *ctx, const struct graph *g,
			   const char *rec, const char *owner,
			   const struct zl_spf_term *t)
{
	char buf[DOMAIN_MAX];
	struct zl_at at;

	if (!zl_spf_domain(rec, t, buf, DOMAIN_MAX) &&
	    !current_domain(rec, t, owner, buf, DOMAIN_MAX))
		return NONE;
	if (zl_answer(ctx, buf, &at) != ZL_ANSWER_NAME)
		return NONE;
	return find_node(g, at.name);
}

/* Marks what the zone's own term i of node k reaches: how (REACH_*).  A
 * term whose domain uses the current domain's macro (an edge of unknown
 * cost) marks the node it reaches when evaluated for k's own name. */
static void mark_reached(struct zl_ctx *ctx, struct graph *g, size_t k,
			 size_t i, const struct edge *e)
{
	const struct zl_spf_term *t = &g->v[k].rec->spf.terms[i];
	size_t to = e->where == T_NODE ? e->node : NONE;

	if (e->where == T_MACRO)
		to = reached_node(ctx, g, g->v[k].rec->txt.s,
				  g->v[k].rr->owner->text, t);
	/* a record that names itself makes a loop (SPF005), no part */
	if (to == NONE || to == k)
		return;
	g->v[to].reached |= t->kind == ZL_SPF_INCLUDE ? REACH_INCLUDE :
							REACH_REDIRECT;
	if (t->kind == ZL_SPF_INCLUDE && t->qualifier == '+')
		g->v[to].reached |= REACH_PASS;
}

static void graph_release(void *p)
{
	struct graph *g = p;

	free(g->v);
	free(g->hash);
	free(g->e);
	zl_arena_free(&g->text);
	free(g);
}

/* Builds the graph of ctx's zone: every in-zone SPF record, the first at
 * each name, as a node in record order, then the edges of every node,
 * those of the nodes of other zones they reach included.  The records
 * themselves belong to the run's memo. */
static struct graph *graph_build(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	struct graph *g = zl_xcalloc(1, sizeof *g);
	const struct zl_spf *s;
	size_t i, k;

	for (i = 0; i < z->nrrs; i++) {
		const struct zl_rr *rr = &z->rrs[i];

		if (rr->type == LDNS_RR_TYPE_TXT && rr->owner->in_zone &&
		    find_node(g, rr->owner) == NONE)
			(void)add_node(ctx, g, z, rr);
	}
	g->nown = g->n;
	for (k = 0; k < g->n; k++) {
		g->v[k].edge = g->ne;
		s = &g->v[k].rec->spf;
		for (i = 0; i < s->nterms; i++) {
			struct edge e;

			if (!is_edge(s, i))
				continue;
			e = resolve(ctx, g, k, &s->terms[i]);
			if (k < g->nown)
				mark_reached(ctx, g, k, i, &e);
			zl_xgrow((void **)&g->e, &g->cape, g->ne + 1,
				 sizeof *g->e);
			g->e[g->ne++] = e;
		}
	}
	return g;
}

/* The zone's graph, built by the first rule that asks. */
static const struct graph *graph_of(struct zl_ctx *ctx, struct graph **own)
{
	void **slot = zl_memo_zone_slot(ctx, ZL_MEMO_SPF_GRAPH, graph_release);

	*own = NULL;
	if (!slot)
		return *own = graph_build(ctx);
	if (!*slot)
		*slot = graph_build(ctx);
	return *slot;
}

/* How the zone's own SPF records reach the record at n (REACH_* bits),
 * 0 when n is a mail domain (the apex, or a name with MX or addresses),
 * whose policy is read for itself. */
static unsigned reach_of(struct zl_ctx *ctx, const struct zl_name *n)
{
	struct graph *own;
	const struct graph *g;
	size_t k;
	unsigned how;

	if (n == ctx->zone->origin || zl_name_rrset(n, LDNS_RR_TYPE_MX) ||
	    zl_has_address(n))
		return 0;
	g = graph_of(ctx, &own);
	k = find_node(g, n);
	how = k != NONE ? g->v[k].reached : 0;

	if (own)
		graph_release(own);
	return how;
}

/* Whether the SPF record at n, a name of ctx's zone, is only ever
 * reached through include: terms of the zone's own SPF records, never a
 * redirect=, and n is no mail domain (the apex, or a name with MX or
 * addresses, whose policy is read for itself): a part of other policies,
 * whose own result "neutral" or "none" the includer reads as no match
 * (RFC 7208 §5.2). */
static bool include_only(struct zl_ctx *ctx, const struct zl_name *n)
{
	unsigned how = reach_of(ctx, n);

	return how == REACH_INCLUDE || how == (REACH_INCLUDE | REACH_PASS);
}

/* Whether the +all of record r at ctx's record is bounded by a negated
 * requirement before it (RFC 7208 Appendix D.3): an include: with
 * qualifier '-', '~' or '?' whose target, in a zone of the run, ends in
 * +all itself, so that it matches, and the includer does not pass, every
 * sender but those the target fails; +all then passes only those. */
static bool negated_requirement(struct zl_ctx *ctx, const struct rec *r)
{
	const struct zl_spf_term *t;
	struct graph *own;
	const struct graph *g;
	const struct zl_spf *to;
	bool found = false;
	size_t i, k;

	g = graph_of(ctx, &own);
	for (i = 0; i < (size_t)r->spf.all && !found; i++) {
		t = &r->spf.terms[i];
		if (t->kind != ZL_SPF_INCLUDE || t->bad || t->qualifier == '+')
			continue;
		k = reached_node(ctx, g, r->txt.s, ctx->rr->owner->text, t);
		/* a record that includes itself loops: permerror */
		if (k == NONE || g->v[k].rr->owner == ctx->rr->owner)
			continue;
		to = &g->v[k].rec->spf;
		found = to->all >= 0 && to->terms[to->all].qualifier == '+';
	}
	if (own)
		graph_release(own);
	return found;
}

/* ---- one record, as the zone's policies reach it ---- */

static const struct zl_param_spec all_params[] = {
	{ .key = "qualifiers", .type = ZL_PT_STRLIST, .dflt = "['+']" },
	{ .key = NULL },
};

/* RFC 7208 §5.1: `all` matches every sender, so its qualifier is the
 * record's default result; `+all` authorises the whole Internet (§10.1)
 * and `?all` asserts nothing (§2.6.2). */
static void spf_all_qualifier(struct zl_ctx *ctx)
{
	const struct zl_param *qs = zl_rule_param(ctx->rule, "qualifiers");
	const struct zl_spf_term *t;
	const struct rec *r;
	char q[2];

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf || r->spf.all < 0)
		return;
	t = &r->spf.terms[r->spf.all];
	/* an include target's ?all the includer reads as no match */
	if (t->qualifier == '?' && include_only(ctx, ctx->rr->owner))
		return;
	/* RFC 7208 Appendix D.3: a record only ever included with '-' (or
	 * '~', '?') matches, by its +all, the senders its includer fails;
	 * and a +all after such an include passes only what it left */
	if (t->qualifier == '+' &&
	    (reach_of(ctx, ctx->rr->owner) == REACH_INCLUDE ||
	     negated_requirement(ctx, r)))
		return;
	q[0] = t->qualifier;
	q[1] = '\0';
	if (zl_param_lookup(qs, q, NULL)) {
		EMIT_TERM(ctx, r, t, { "qualifier", q });
	}
}

const struct zl_check zl_check_spf_all_qualifier = {
	.name = "spf-all-qualifier",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_all_qualifier,
	.params = all_params,
	.vars = (const char *const[]){ "term", "qualifier", NULL },
};

/* RFC 7208 §4.7: with neither `all` nor `redirect` a sender that matches
 * nothing gets "neutral", which is rarely what the publisher meant. */
static void spf_no_default(struct zl_ctx *ctx)
{
	const struct rec *r;

	if ((r = zl_spf_rec(ctx, ctx->rr))->is_spf && r->spf.all < 0 &&
	    r->spf.redirect < 0 && r->spf.nerrs == 0 &&
	    !include_only(ctx, ctx->rr->owner))
		ZL_EMIT(ctx, ctx->rr->src, zl_txt_tok(&r->txt, 0, 6));
}

const struct zl_check zl_check_spf_no_default = {
	.name = "spf-no-default",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_no_default,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* The known lookups inside an out-of-zone domain (parameter
 * known-costs, keys with or without the final dot); *known tells whether
 * the domain was listed. */
static long known_cost(const struct walk *w, const char *domain, bool *known)
{
	const struct zl_param *p;
	char key[DOMAIN_MAX];
	size_t len = strlen(domain);
	long v = 0;

	*known = false;
	if (!w->costs)
		return 0;
	p = zl_rule_param(w->ctx->rule, "known-costs");
	if ((*known = zl_param_lookup(p, domain, &v)))
		return v;
	memcpy(key, domain, len - 1);
	key[len - 1] = '\0';
	*known = zl_param_lookup(p, key, &v);
	return v;
}

/* Emits the current rule at term t of node nd with "term", "domain" (the
 * record's owner: zone scope has no subject) and extra vars. */
static zl_finding emit_node_v(struct walk *w, const struct node *nd,
			      const struct zl_spf_term *t,
			      const struct zl_var *extra, size_t nextra)
{
	struct zl_var v[5] = { { "term", NULL }, { "domain", NULL } };
	zl_finding d;
	size_t i;

	if (nd->z != w->ctx->zone)
		return ZL_NO_FINDING;
	v[0].value = zl_spf_rec_term_str(nd->rec, t);
	v[1].value = nd->rr->owner->text;
	assert(nextra + 1 < sizeof v / sizeof v[0]);
	for (i = 0; i < nextra; i++)
		v[i + 2] = extra[i];
	d = zl_emit_vars(w->ctx, nd->rr->src, zl_spf_rec_term_tok(nd->rec, t),
			 v, i + 2);
	free((char *)v[0].value);
	return d;
}
#define EMIT_NODE(w, nd, t, ...) \
	emit_node_v((w), (nd), (t), ZL_VARS_(__VA_ARGS__) + 1, \
		    ZL_NVARS_(__VA_ARGS__))

/* Notes at the DNAMEs that rewrite the name term t of nd queries, on
 * finding f: the name the finding shows is the one they make. */
static void note_term_dnames(struct walk *w, const struct node *nd,
			     const struct zl_spf_term *t, zl_finding f)
{
	char buf[DOMAIN_MAX];

	if (f != ZL_NO_FINDING &&
	    zl_spf_domain(nd->rec->txt.s, t, buf, DOMAIN_MAX))
		(void)zl_note_dnames(w->ctx, f, buf);
}

/* Names of a loop shown in full; of a longer one, the first half and the
 * last ones, so that a report stays small however long the loop. */
#define CHAIN_SHOWN 8

/* RFC 7208 §4.6.4: a loop of includes or redirects never ends before the
 * lookup limit, so every evaluation through it is a permerror.  The walk
 * stack from the node that is reached again up to the top is the loop.
 * Each include or redirect that closes a loop is reported once, at its
 * term: removing it is the fix. */
static void report_loop(struct walk *w, const struct frame *st,
			size_t depth, size_t target,
			const struct zl_spf_term *t)
{
	const struct graph *g = w->g;
	struct zl_buf chain = { 0 };
	size_t first = w->m[target].pos, n = depth - first, i, k;
	const struct node *nd, *other = NULL;
	zl_finding f;

	if (!(w->report & REPORT_LOOP))
		return;
	/* Reported at the zone's own term that enters the loop last; a loop
	 * wholly in other zones is theirs to report. */
	for (k = depth; k > first && g->v[st[k - 1].node].z != w->ctx->zone;
	     k--)
		other = &g->v[st[k - 1].node];
	if (k == first)
		return;
	nd = &g->v[st[k - 1].node];
	if (k < depth)
		t = &nd->rec->spf.terms[st[k - 1].term - 1];
	else if (g->v[target].z != w->ctx->zone)
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
	f = EMIT_NODE(w, nd, t, { "chain", chain.s });
	note_term_dnames(w, nd, t, f);
	if (other)
		zl_emit_note_in(w->ctx, f, other->z, other->rr->src,
				other->rr->text, "the loop goes on through "
				"this record of zone %s",
				other->z->origin->text);
	zl_buf_free(&chain);
}

/* RFC 7208 §5.2 and §6.1: an include or redirect whose target has no SPF
 * record ends the evaluation in permerror; one whose query fails, as for
 * a name a DNAME would rewrite past 255 octets (RFC 6672 §2.2), in
 * temperror, every time.  The DNAMEs on the way are noted. */
static void report_void(struct walk *w, const struct node *nd,
			const struct zl_spf_term *t, const char *target)
{
	enum zl_answer a;
	struct zl_at at;
	zl_finding f;

	if (!(w->report & REPORT_VOID))
		return;
	a = zl_answer(w->ctx, target, &at);
	f = EMIT_NODE(w, nd, t, { "target", target },
		      { "reason", a == ZL_ANSWER_YXDOMAIN ?
				  "which a DNAME rewrites to a name of more "
				  "than 255 octets" :
				  "which has no SPF record" });
	/* the other zone's record at the name, or where a DNAME sent the
	 * query */
	if (!zl_note_dnames(w->ctx, f, target))
		zl_note_target(w->ctx, f, zl_lookup(w->ctx, target), target,
			       LDNS_RR_TYPE_TXT);
	else if (a == ZL_ANSWER_NAME)
		zl_note_target(w->ctx, f, at, at.name->text, LDNS_RR_TYPE_TXT);
}

/* So too a target whose SPF policy is itself a permerror (RFC 7208
 * §4.5, §4.6): its record does not parse, or its name has two.  Said
 * for a target in another zone only: in the zone's own, the target's
 * record is reported (SPF001, SPF002), and that is the one to fix. */
static void report_broken(struct walk *w, const struct node *nd,
			  const struct zl_spf_term *t, const struct node *to)
{
	const struct zl_rr *rr;
	unsigned n = 0;
	zl_finding f;

	if (!(w->report & REPORT_VOID) || to->z == w->ctx->zone)
		return;
	for (rr = zl_first_rr(to->z, to->rr->owner, LDNS_RR_TYPE_TXT);
	     rr && n < 2 && !to->rec->spf.nerrs; rr = zl_next_rr(to->z, rr))
		n += zl_spf_rec_in(w->ctx, to->z, rr)->is_spf;
	if (!to->rec->spf.nerrs && n < 2)
		return;
	f = EMIT_NODE(w, nd, t, { "target", to->rr->owner->text },
		      { "reason", to->rec->spf.nerrs ? "whose SPF record does "
				  "not parse" : "which has more than one SPF "
				  "record" });
	note_term_dnames(w, nd, t, f);
	zl_emit_note_in(w->ctx, f, to->z, to->rr->src, to->rr->text,
			"the SPF record of '%s', in zone %s",
			to->rr->owner->text, to->z->origin->text);
}

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

/* Whether term t's query for text finds nothing for any client (a void
 * lookup, §4.6.4: NXDOMAIN or an empty answer): a asks for A or AAAA
 * (by the client's address family), exists for A, mx for MX. */
static bool void_query(const struct zl_ctx *ctx, const struct zl_spf_term *t,
		       const char *text)
{
	const struct zl_name *n;
	struct zl_at at;

	/* a query that fails (YXDOMAIN) is an error, not void (§5) */
	switch (zl_answer(ctx, text, &at)) {
	case ZL_ANSWER_NONE:
		return true;
	case ZL_ANSWER_UNKNOWN:
	case ZL_ANSWER_YXDOMAIN:
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

/* What the term t of node nd adds to the count of the walk by itself:
 * a lookup, or for a void count one when its query finds nothing.  An
 * include or redirect adds this much for its own query, its target's
 * count besides (an include whose target has nothing is SPF006's). */
static long own_cost(const struct walk *w, const struct node *nd,
		     const struct zl_spf_term *t)
{
	char buf[DOMAIN_MAX];

	if (!w->voids)
		return 1;
	if (t->kind != ZL_SPF_A && t->kind != ZL_SPF_MX &&
	    t->kind != ZL_SPF_EXISTS)
		return 0;
	return query_name(nd->rr, nd->rec, t, buf) &&
	       void_query(w->ctx, t, buf);
}

/* Pushes node k onto the walk stack. */
static void push(struct walk *w, struct frame **st, size_t *depth,
		 size_t *cap, size_t k)
{
	zl_xgrow((void **)st, cap, *depth + 1, sizeof **st);
	w->m[k].pos = *depth;
	(*st)[(*depth)++] = (struct frame){ k, 0, w->g->v[k].edge, 0, false };
	w->m[k].state = GREY;
}

/* One step of the walk for term t of the top frame: add its cost, or
 * descend into a target not yet visited. */
static void step(struct walk *w, struct frame **st, size_t *depth,
		 size_t *cap, const struct zl_spf_term *t)
{
	struct frame *f = &(*st)[*depth - 1];
	const struct node *nd = &w->g->v[f->node];
	const struct edge *e;
	const struct mark *m;
	long own = own_cost(w, nd, t);
	bool known;

	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT) {
		f->sum = sat_add(f->sum, own);
		return;
	}
	e = &w->g->e[f->edge++];
	switch (e->where) {
	case T_NODE:
		report_broken(w, nd, t, &w->g->v[e->node]);
		m = &w->m[e->node];
		if (m->state == WHITE) {
			push(w, st, depth, cap, e->node);
			return;
		}
		if (m->state == GREY)
			report_loop(w, *st, *depth, e->node, t);
		else
			f->inexact |= m->inexact;
		f->sum = sat_add(f->sum, own + (m->state == BLACK ?
						m->cost : 0));
		return;
	case T_VOID:
		report_void(w, nd, t, e->domain);
		break;
	case T_OUTSIDE:
		f->sum = sat_add(f->sum, known_cost(w, e->domain, &known));
		f->inexact |= !known;
		break;
	default:
		f->inexact = true;
		break;
	}
	f->sum = sat_add(f->sum, own);
}

static void walk_from(struct walk *w, size_t root)
{
	struct frame *st = NULL;
	size_t depth = 0, cap = 0;

	push(w, &st, &depth, &cap, root);
	while (depth) {
		struct frame *f = &st[depth - 1];
		const struct node *nd = &w->g->v[f->node];
		struct mark *m = &w->m[f->node];

		if (f->term == nd->rec->spf.nterms) {
			m->cost = f->sum;
			m->inexact = f->inexact;
			m->state = BLACK;
			if (--depth) {
				const struct node *up;

				f = &st[depth - 1];
				up = &w->g->v[f->node];
				f->sum = sat_add(f->sum, sat_add(m->cost,
					own_cost(w, up, &up->rec->spf.terms[
						 f->term - 1])));
				f->inexact |= m->inexact;
			}
			continue;
		}
		if (counted(&nd->rec->spf, f->term++))
			step(w, &st, &depth, &cap,
			     &nd->rec->spf.terms[f->term - 1]);
	}
	free(st);
}

/* Walks the zone's graph from every node, in record order, for the
 * current rule; walk_free releases what the walk holds. */
static void walk_run(struct walk *w, struct graph **own)
{
	size_t i;

	w->g = graph_of(w->ctx, own);
	w->m = zl_xcalloc(w->g->n ? w->g->n : 1, sizeof *w->m);
	for (i = 0; i < w->g->n; i++)
		if (w->m[i].state == WHITE)
			walk_from(w, i);
}

static void walk_free(struct walk *w, struct graph *own)
{
	free(w->m);
	if (own)
		graph_release(own);
}

static void spf_walk_only(struct zl_ctx *ctx, unsigned report)
{
	struct walk w = { .ctx = ctx, .report = report };
	struct graph *own;

	walk_run(&w, &own);
	walk_free(&w, own);
}

static void spf_loop(struct zl_ctx *ctx)
{
	spf_walk_only(ctx, REPORT_LOOP);
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
	spf_walk_only(ctx, REPORT_VOID);
}

const struct zl_check zl_check_spf_void_include = {
	.name = "spf-void-include",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_void,
	.params = no_params,
	/* reason: what the target lacks */
	.vars = (const char *const[]){ "term", "domain", "target", "reason",
				      NULL },
};

/* The lookups term i of nd costs once the walk is done, and whether that
 * figure is exact; *edge is nd's next edge. */
static long term_cost(const struct walk *w, size_t ni, size_t i,
		      size_t *edge, bool *exact)
{
	const struct node *nd = &w->g->v[ni];
	const struct zl_spf_term *t = &nd->rec->spf.terms[i];
	const struct edge *e;
	long own = own_cost(w, nd, t);

	*exact = true;
	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT)
		return own;
	e = &w->g->e[(*edge)++];
	if (e->where == T_NODE) {
		*exact = !w->m[e->node].inexact;
		return sat_add(own, w->m[e->node].cost);
	}
	if (e->where == T_OUTSIDE)
		return sat_add(own, known_cost(w, e->domain, exact));
	*exact = e->where != T_MACRO;
	return own;
}

/* Adds term t (of record text rec), which counts c, to the list how. */
static void add_how(struct zl_buf *how, bool voids,
		    const struct zl_spf_term *t, const char *rec, long c,
		    bool exact)
{
	int len = (int)t->text.len;
	const char *text = rec + t->text.off, *least = exact ? "" :
			   "at least ";

	if (how->len)
		zl_buf_add(how, ", ", 2);
	if (!voids)
		zl_buf_addf(how, "'%.*s' %s%ld", len, text, least, c);
	else if (t->kind == ZL_SPF_INCLUDE || t->kind == ZL_SPF_REDIRECT)
		zl_buf_addf(how, "%s%ld through '%.*s'", least, c, len, text);
	else
		zl_buf_addf(how, "'%.*s'", len, text);
}

/* Finds the term at which the count passes limit, and tells in how (when
 * not NULL) how the count was reached: the terms that cost more than one
 * lookup, then how many single lookups there are; for a void count, the
 * void terms and the includes and redirects that lead to some. */
static void explain(const struct walk *w, size_t ni, long limit,
		    struct zl_buf *how, size_t *over, bool *exact)
{
	const struct rec *r = w->g->v[ni].rec;
	const struct zl_spf *s = &r->spf;
	long run = 0, c, singles = 0;
	size_t i, edge = w->g->v[ni].edge;
	bool ex;

	*over = NONE;
	*exact = true;
	for (i = 0; i < s->nterms; i++) {
		if (!counted(s, i))
			continue;
		c = term_cost(w, ni, i, &edge, &ex);
		*exact = *exact && ex;
		run = sat_add(run, c);
		if (run > limit && *over == NONE)
			*over = i;
		if (w->voids && c == 0)
			continue;
		if (c == 1 && ex && !w->voids) {
			singles++;
			continue;
		}
		if (how)
			add_how(how, w->voids, &s->terms[i], r->txt.s, c, ex);
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

/* Emits the current rule at every record of the zone whose count,
 * walked by w, passes the rule's limit, at the term that passes it, with
 * the list of what counts in the variable list_var. */
static void report_over(struct walk *w, const char *list_var)
{
	long limit = zl_rule_int(w->ctx->rule, "limit");
	char count[40], lim[24];
	struct graph *own;
	size_t i, over;
	bool exact;

	walk_run(w, &own);
	snprintf(lim, sizeof lim, "%ld", limit);
	for (i = 0; i < w->g->nown; i++) {
		const struct node *nd = &w->g->v[i];
		struct zl_buf how = { 0 };

		explain(w, i, limit, NULL, &over, &exact);
		if (over == NONE)
			continue;
		explain(w, i, limit, &how, &over, &exact);
		snprintf(count, sizeof count, "%s%ld",
			 exact ? "" : "at least ", w->m[i].cost);
		EMIT_NODE(w, nd, &nd->rec->spf.terms[over], { "count", count },
			  { "limit", lim }, { list_var, how.s });
		zl_buf_free(&how);
	}
	walk_free(w, own);
}

/* RFC 7208 §4.6.4: evaluating a record may cause at most 10 DNS-querying
 * terms, counted through every include and redirect; over that the
 * result is permerror.  Reported at the term that crosses the limit. */
static void spf_lookups(struct zl_ctx *ctx)
{
	struct walk w = { .ctx = ctx, .costs = true };

	report_over(&w, "how");
}

const struct zl_check zl_check_spf_lookups = {
	.name = "spf-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_lookups,
	.params = lookup_params,
	.vars = (const char *const[]){ "term", "domain", "count", "limit", "how",
				       NULL },
};

static const struct zl_param_spec void_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "2", .min = 0,
	  .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: receivers SHOULD allow at most two void lookups per
 * evaluation, and return permerror past that.  Counted over the a, mx
 * and exists terms whose names the zones of the run hold, through every
 * include and redirect, as pyspf and Mail::SPF count them for the whole
 * check_host() (an include whose target has no SPF is SPF006's). */
static void spf_void_lookups(struct zl_ctx *ctx)
{
	struct walk w = { .ctx = ctx, .voids = true };

	report_over(&w, "terms");
}

const struct zl_check zl_check_spf_void_lookups = {
	.name = "spf-void-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_void_lookups,
	.params = void_params,
	.vars = (const char *const[]){ "term", "domain", "count", "limit",
				       "terms", NULL },
};

/* ---- what one evaluation asks the zone (RFC 7208 §4.6.4) ---- */

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
	size_t i, n;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if (t->kind != ZL_SPF_MX || !counted(&r->spf, i) ||
		    !query_name(ctx->rr, r, t, buf) ||
		    zl_answer(ctx, buf, &at) != ZL_ANSWER_NAME ||
		    !(set = zl_name_rrset(at.name, LDNS_RR_TYPE_MX)) ||
		    (long)set->count <= limit)
			continue;
		/* The same record twice is one; in a set of a sensible size
		 * (the count takes the square of it). */
		n = set->count <= 1000 ? zl_rrset_distinct(at.zone, set) :
		    set->count;
		if ((long)n <= limit)
			continue;
		snprintf(count, sizeof count, "%zu", n);
		snprintf(lim, sizeof lim, "%ld", limit);
		(void)zl_note_dnames(ctx, EMIT_TERM(ctx, r, t,
						    { "target", buf },
						    { "count", count },
						    { "limit", lim }), buf);
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
