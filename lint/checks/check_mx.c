/* check_mx.c - primitives for MX targets: what the zones say of each, the
 * duplicates, nolisting and dead exchangers (RFC 1035 §3.3.9, RFC 2181
 * §10.3, RFC 5321 §5.1). */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "check_mx.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* What the zone says about an MX target. */
enum target {
	T_NULL,		/* "." : the null MX of RFC 7505 */
	T_OUTSIDE,	/* in no zone of the run: cannot be judged offline */
	T_DELEGATED,	/* below a zone cut whose child zone the run lacks */
	T_ALIAS,	/* a CNAME */
	T_LOCALHOST,	/* localhost. */
	T_NO_ADDRESS,	/* no A or AAAA, or no such name */
	T_UNUSABLE,	/* only addresses no sender connects to
			   (zl_addr_kind) */
	T_OK,
	T_BROKEN,	/* reported by a `breaks` rule (MX001, MX004): what
			   was meant is unknown, neither dead nor alive */
};

const struct zl_name *zl_mx_target(const struct zl_rr *rr)
{
	return rr->nrdf >= 2 ? zl_rdf_name(&rr->rdf[1]) : NULL;
}

bool zl_mx_is_null(const struct zl_rr *rr)
{
	const struct zl_name *t = zl_mx_target(rr);

	return t && strcmp(t->text, ".") == 0;
}

/* Whether every A/AAAA of n is unusable for receiving mail; false when n
 * has no addresses at all. */
static bool only_unusable(const struct zl_zone *z, const struct zl_name *n)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA };
	const struct zl_rr *rr;
	bool any = false;
	size_t i;

	for (i = 0; i < 2; i++)
		for (rr = zl_first_rr(z, n, types[i]); rr; rr = zl_next_rr(z, rr)) {
			if (rr->nrdf < 1 || zl_addr_kind(&rr->rdf[0]) == ZL_ADDR_USABLE)
				return false;
			any = true;
		}
	return any;
}

/* RFC 4592: the wildcard of zone z at the closest encloser of text
 * answers for it when n, its name in z, has no records (or is NULL). */
static const struct zl_name *answering(const struct zl_zone *z,
				       const struct zl_name *n, const char *text)
{
	const struct zl_name *w;

	if ((!n || !zl_name_sets(n)) && (w = zl_zone_wildcard(z, text)))
		return w;
	return n;
}

/* Links of a chain of CNAMEs and DNAMEs looked at: more than zl_answer
 * follows before it calls a chain unknown (a loop). */
#define CHAIN_MAX 10

/* Whether the chain of CNAMEs and DNAMEs (RFC 1034 §3.6.2, RFC 6672 §2.2)
 * that a query for canonical text follows through the zones of the run
 * passes a record a `breaks` rule reported (NAME001): a resolver follows
 * it to a name its author did not mean (docs/rules.md, "One cause, one
 * finding"), so what lies at its end says nothing of the exchanger that
 * was meant. */
static bool chain_broken(const struct zl_ctx *ctx, const char *text)
{
	char buf[2][ZL_NAME_TEXT_MAX];
	const struct zl_zone *dz;
	const struct zl_rr *link;
	struct zl_at at;
	unsigned hops;

	for (hops = 0; hops < CHAIN_MAX; hops++) {
		if ((link = zl_dname_over(ctx, text, &dz, buf[hops & 1],
					  sizeof buf[0]))) {
			text = buf[hops & 1];
		} else {
			at = zl_target_text(ctx, text);
			if (!at.zone)
				return false;
			link = zl_first_rr(at.zone, answering(at.zone, at.name,
							      text),
					   LDNS_RR_TYPE_CNAME);
			if (!link || link->nrdf < 1 ||
			    !zl_rdf_name(&link->rdf[0]))
				return false;
			text = zl_rdf_name(&link->rdf[0])->text;
		}
		if (zl_rr_broken(ctx, link))
			return true;
	}
	return false;
}

/* A target t no zone of the run holds as its own, as a sender's query
 * for its addresses gets it: a DNAME over it answers with a CNAME to the
 * name it makes (RFC 6672 §2.2, §3), which makes it an alias (MX002's)
 * whose end is judged, so that a sender that follows it may still find
 * no address; a rewrite past 255 octets fails every time (YXDOMAIN).
 * Unknown without a DNAME: outside the run, or delegated. */
static enum target dname_target(const struct zl_ctx *ctx,
				const struct zl_name *t, struct zl_at *at)
{
	/* a DNAME or CNAME on the way that a `breaks` rule reported
	 * (NAME001) leads to a name its author did not mean */
	if (chain_broken(ctx, t->text)) {
		*at = (struct zl_at){ NULL, NULL };
		return T_BROKEN;
	}
	switch (zl_answer(ctx, t->text, at)) {
	case ZL_ANSWER_UNKNOWN:
		*at = (struct zl_at){ NULL, NULL };
		return t->in_zone ? T_DELEGATED : T_OUTSIDE;
	case ZL_ANSWER_NAME:
		if (zl_has_address(at->name))
			return only_unusable(at->zone, at->name) ? T_UNUSABLE :
								   T_ALIAS;
		return zl_lost_address(ctx, at->name) ? T_BROKEN :
							T_NO_ADDRESS;
	default:
		return T_NO_ADDRESS;
	}
}

/* What the zones of the run say about target t (a name of the zone),
 * and where they hold it (*at). */
static enum target target_state(const struct zl_ctx *ctx,
				const struct zl_name *t, struct zl_at *at)
{
	*at = (struct zl_at){ NULL, NULL };
	if (!t)
		return T_OUTSIDE;
	if (strcmp(t->text, ".") == 0)
		return T_NULL;
	/* RFC 6761 §6.3, §6.4: localhost names are the loopback address,
	 * invalid names never resolve, wherever they are asked. */
	if (zl_text_under(t->text, "localhost."))
		return T_LOCALHOST;
	if (zl_text_under(t->text, "invalid."))
		return T_NO_ADDRESS;
	if (!(*at = zl_target(ctx, t)).zone)
		return dname_target(ctx, t, at);
	t = at->name = answering(at->zone, at->name, t->text);
	if (zl_name_rrset(t, LDNS_RR_TYPE_CNAME))
		return T_ALIAS;
	if (!zl_has_address(t))
		return zl_lost_address(ctx, t) ? T_BROKEN : T_NO_ADDRESS;
	return only_unusable(at->zone, t) ? T_UNUSABLE : T_OK;
}

/* A target that certainly cannot receive mail. */
static bool dead(enum target t)
{
	return t == T_NO_ADDRESS || t == T_UNUSABLE || t == T_LOCALHOST;
}

/* A target that may receive mail: neither the null MX, nor dead, nor
 * broken (what it was meant to be is unknown). */
static bool live(enum target t)
{
	return t != T_NULL && t != T_BROKEN && !dead(t);
}

/* The facts about one MX RRset that several checks need, gathered in one
 * pass so that every check stays linear in the size of the set. */
struct mxset {
	uint32_t n, ndead, nnull, nlive;
	uint16_t minpref;
	bool nolisting;		/* the most preferred exchangers are dead and
				   a less preferred one works */
	uint8_t *st;		/* enum target of each record, in list
				   order: small, or allocated when the set
				   is larger (mxset_free) */
	uint8_t small[ZL_MX_SMALL_SET];
};

/* The state of every record of a small set, in list order, in st: a
 * target met before is not judged again. */
static void small_set_states(const struct zl_ctx *ctx,
			     const struct zl_rrset *set, uint8_t *st)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_name *tg[ZL_MX_SMALL_SET];
	uint8_t ts[ZL_MX_SMALL_SET];
	struct zl_at at;
	uint32_t i = 0, j, k;

	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next, i++) {
		const struct zl_rr *rr = &z->rrs[k];

		tg[i] = zl_mx_target(rr);
		for (j = 0; j < i && tg[j] != tg[i]; j++)
			;
		ts[i] = j < i ? ts[j] : (uint8_t)target_state(ctx, tg[i], &at);
		st[i] = zl_rr_broken(ctx, rr) ? T_BROKEN : ts[i];
	}
}

/* The state of every record of set, in list order.  Each distinct target
 * is judged once: target_state() reads all of a target's addresses, so a
 * set of many records naming a target with many addresses would otherwise
 * cost their product (docs/limits.md).  The records of a set are listed in
 * increasing index order, so a record's place is its rank among them. */
static uint8_t *set_states(const struct zl_ctx *ctx, const struct zl_rrset *set,
			   uint8_t *small)
{
	struct zl_at at;
	const struct zl_zone *z = ctx->zone;
	uintptr_t *v;
	uint32_t *idx;
	uint8_t *st;
	enum target t = T_OK;
	uint32_t i = 0, k, lo, hi, mid;

	if (set->count <= ZL_MX_SMALL_SET) {
		small_set_states(ctx, set, small);
		return small;
	}
	v = zl_mx_by_target(z, set, NULL);
	idx = zl_xcalloc(set->count, sizeof *idx);
	st = zl_xcalloc(set->count, 1);
	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next)
		idx[i++] = k;
	for (i = 0; i < set->count; i++) {
		const struct zl_rr *rr = &z->rrs[v[2 * i + 1]];

		if (i == 0 || v[2 * i] != v[2 * i - 2])
			t = target_state(ctx, zl_mx_target(rr), &at);
		for (lo = 0, hi = set->count; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (idx[mid] < v[2 * i + 1])
				lo = mid + 1;
			else
				hi = mid;
		}
		st[lo] = zl_rr_broken(ctx, rr) ? T_BROKEN : t;
	}
	free(idx);
	free(v);
	return st;
}

static void mxset_free(struct mxset *m)
{
	if (m->st != m->small)
		free(m->st);
}

static void mxset_scan(const struct zl_ctx *ctx, const struct zl_rrset *set,
		       struct mxset *m)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr;
	bool live_backup = false, dead_primary = true;
	uint32_t i = 0;

	memset(m, 0, sizeof *m);
	m->minpref = UINT16_MAX;
	m->st = set_states(ctx, set, m->small);
	for (rr = &z->rrs[set->first]; rr; rr = zl_next_rr(z, rr)) {
		uint16_t pref = zl_rdf_u16(&rr->rdf[0]);

		if (pref < m->minpref)
			m->minpref = pref;
	}
	for (rr = &z->rrs[set->first]; rr; rr = zl_next_rr(z, rr)) {
		enum target t = (enum target)m->st[i++];
		uint16_t pref = zl_rdf_u16(&rr->rdf[0]);

		m->n++;
		m->nnull += t == T_NULL;
		m->ndead += dead(t);
		m->nlive += live(t);
		if (pref == m->minpref && !dead(t))
			dead_primary = false;
		if (pref > m->minpref && live(t))
			live_backup = true;
	}
	m->nolisting = dead_primary && live_backup;
}

/* The scan of the MX RRset the rules look at now.  The rules about one
 * set run one after another (the engine visits subject by subject), and
 * the scan depends on the set and the zones of the run alone, so it is
 * kept for the next rule instead of made again by each. */
struct cur_set {
	const struct zl_rrset *set;
	struct mxset m;
};

static void cur_set_release(void *obj)
{
	struct cur_set *c = obj;

	mxset_free(&c->m);
	free(c);
}

/* mxset_scan() of ctx->set; outside the engine made in *local, which the
 * caller gives to mxset_free (a no-op on one left zeroed). */
static const struct mxset *mxset_of(struct zl_ctx *ctx, struct mxset *local)
{
	struct cur_set *c = zl_memo_zone_obj(ctx, ZL_MEMO_MX_SET, sizeof *c,
					     cur_set_release);

	if (!c) {
		mxset_scan(ctx, ctx->set, local);
		return local;
	}
	if (c->set != ctx->set) {
		mxset_free(&c->m);
		mxset_scan(ctx, ctx->set, &c->m);
		c->set = ctx->set;
	}
	return &c->m;
}

/* Whether rr, record i of the set, is one of the deliberately dead
 * primaries of nolisting. */
static bool nolisting_primary(const struct mxset *m, const struct zl_rr *rr,
			      uint32_t i)
{
	return m->nolisting && zl_rdf_u16(&rr->rdf[0]) == m->minpref &&
	       dead((enum target)m->st[i]);
}

struct zl_tok zl_mx_target_tok(const struct zl_ctx *ctx,
			       const struct zl_rr *rr)
{
	return zl_rr_field_tok(ctx->zone, rr, rr->nrdf >= 2 ? 1 : 0);
}

zl_finding zl_mx_emit_target(struct zl_ctx *ctx, const struct zl_rr *rr,
			     const char *extra_name, const char *extra)
{
	const struct zl_name *t = zl_mx_target(rr);
	const char *target = t ? t->text : "";

	if (extra_name)
		return ZL_EMIT(ctx, rr->src, zl_mx_target_tok(ctx, rr),
			       { "target", target },
			       { extra_name, extra ? extra : "" });
	return ZL_EMIT(ctx, rr->src, zl_mx_target_tok(ctx, rr),
		       { "target", target });
}

/* Reports target t of rr, which has no usable address, at its field
 * tok: reason (a rule may not show it) says why, a note at each DNAME
 * that rewrites it says what it became, and one at what another zone of
 * the run holds where the query ends. */
static void emit_dead(struct zl_ctx *ctx, const struct zl_rr *rr,
		      struct zl_tok tok, const struct zl_name *t)
{
	struct zl_at at = zl_target(ctx, t), end;
	enum zl_answer a = at.zone ? ZL_ANSWER_NAME :
				     zl_answer(ctx, t->text, &end);
	zl_finding f;

	f = ZL_EMIT(ctx, rr->src, tok, { "target", t->text },
		    { "reason", zl_text_under(t->text, "invalid.") ?
		      "is a name under invalid., which never resolves "
		      "(RFC 6761 §6.4)" : a == ZL_ANSWER_YXDOMAIN ?
		      "is rewritten by a DNAME to a name of more than 255 "
		      "octets, which never resolves" :
		      "has no A or AAAA record" });
	if (at.zone || !zl_note_dnames(ctx, f, t->text))
		zl_note_target(ctx, f, at, t->text, LDNS_RR_TYPE_A);
	else if (a == ZL_ANSWER_NAME)
		zl_note_target(ctx, f, end, end.name->text, LDNS_RR_TYPE_A);
}

/* ---- target-is-address ---- */

/* Whether text[0..n) is an address, bare (192.0.2.25, 2001:db8::25) or
 * as the address-literal of a mail address, [192.0.2.25] or
 * [IPv6:2001:db8::25] (RFC 5321 §4.1.3), which some write for an MX as
 * they would after the '@'; a final dot is left out. */
static bool written_address(const char *text, size_t n)
{
	if (n > 0 && text[n - 1] == '.')
		n--;
	if (n < 3 || text[0] != '[' || text[n - 1] != ']')
		return zl_text_is_address(text, n);
	text++;
	n -= 2;
	if (n > 5 && strncasecmp(text, "IPv6:", 5) == 0) {
		text += 5;
		n -= 5;
	}
	return zl_text_is_address(text, n);
}

/* A host-name field must hold a name, not an address: RFC 1035 §3.3.9 and
 * RFC 5321 §5.1 define the MX exchange as a domain name, and a loader
 * quietly turns `192.0.2.25` into the name 192.0.2.25.<origin>.  The check
 * reads the token as written, since the converted name no longer shows it. */
static void target_is_address(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	int f = zl_rr_name_field(rr, 0);
	const char *text;
	struct zl_tok t;
	char *written;
	size_t n;

	if (f < 0)
		return;
	t = zl_rr_field_tok(ctx->zone, rr, (unsigned)f);
	text = zl_tok_text(ctx->zone, rr->src, t);
	n = t.len;
	/* Served, or written absolute: the address with the origin after
	 * it (192.0.2.25.example.com.). */
	if (!written_address(text, n)) {
		if (!zl_rdf_name(&rr->rdf[f]))
			return;
		text = zl_rdf_name(&rr->rdf[f])->text;
		/* n: the length of the name before the origin, 0 if none */
		if (!zl_name_is_address(ctx->zone, text, &n) &&
		    !(n > 0 && written_address(text, n)))
			return;
	}
	written = zl_xstrndup(text, n);
	{
		ZL_EMIT(ctx, rr->src, t, { "target", written },
			{ "name", zl_rdf_name(&rr->rdf[f])->text });
	}
	free(written);
}

const struct zl_check zl_check_target_is_address = {
	.name = "target-is-address",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_is_address,
	.params = no_params,
	.vars = (const char *const[]){ "target", "name", NULL },
};

/* ---- mx-target-resolves ---- */

static const char *const resolve_problems[] = { "no-address", "unusable", NULL };

enum { R_NO_ADDRESS, R_UNUSABLE };
static const struct zl_variant_spec resolve_variants[] = {
	{ .key = "problem", .names = resolve_problems },
	{ .key = NULL },
};

static const struct zl_param_spec resolve_params[] = {
	{ .key = NULL },
};

/* RFC 5321 §5.1: the sender looks up the exchange's addresses; an in-zone
 * target without any (MX003), or with only addresses no remote host can
 * reach (MX006), makes that MX useless.  The dead primary of the nolisting
 * pattern is left to the nolisting rules. */
static void mx_target_resolves(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	bool want_unusable = zl_rule_variant(ctx->rule, 0) == R_UNUSABLE;
	const struct zl_rr *rr;
	struct mxset local = { 0 };
	const struct mxset *m = mxset_of(ctx, &local);
	uint32_t i = 0;

	for (rr = &z->rrs[ctx->set->first]; rr; rr = zl_next_rr(z, rr), i++) {
		enum target t = (enum target)m->st[i];
		bool unusable = t == T_UNUSABLE || t == T_LOCALHOST;

		if ((want_unusable ? unusable : t == T_NO_ADDRESS) &&
		    !nolisting_primary(m, rr, i))
			emit_dead(ctx, rr, zl_mx_target_tok(ctx, rr),
				  zl_mx_target(rr));
	}
	mxset_free(&local);
}

const struct zl_check zl_check_mx_target_resolves = {
	.name = "mx-target-resolves",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = mx_target_resolves,
	.variants = resolve_variants,
	.params = resolve_params,
	/* reason: why it has no address */
	.vars = (const char *const[]){ "target", "reason", NULL },
};

/* ---- srv-target-resolves ---- */

/* RFC 2782: an SRV target is a host with address records, or "." for a
 * service not offered at all.  A target the zones of the run hold
 * without any address (or one under invalid.) leaves clients nowhere to
 * connect, as BIND warns ("has no address records").  An alias is
 * target-not-alias's, a name whose address record was not read is
 * broken, and a target no zone of the run holds is left alone. */
static void srv_target_resolves(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	int f = zl_rr_name_field(rr, 0);
	const struct zl_name *t;
	struct zl_at at;

	if (f < 0 || !(t = zl_rdf_name(&rr->rdf[f])) ||
	    target_state(ctx, t, &at) != T_NO_ADDRESS)
		return;
	emit_dead(ctx, rr, zl_rr_field_tok(ctx->zone, rr, (unsigned)f), t);
}

const struct zl_check zl_check_srv_target_resolves = {
	.name = "srv-target-resolves",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = srv_target_resolves,
	.params = no_params,
	/* reason: why it has no address */
	.vars = (const char *const[]){ "target", "reason", NULL },
};

/* ---- duplicate-target ---- */

static int cmp_ptr_then_index(const void *a, const void *b)
{
	const uintptr_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

uintptr_t *zl_mx_by_target(const struct zl_zone *z, const struct zl_rrset *set,
			   uintptr_t *buf)
{
	uintptr_t *v = set->count > ZL_MX_SMALL_SET ?
			       zl_xcalloc(set->count, 2 * sizeof *v) : buf;
	uint32_t i = 0, j, k;

	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next, i++) {
		v[2 * i] = (uintptr_t)zl_mx_target(&z->rrs[k]);
		v[2 * i + 1] = k;
	}
	if (v != buf) {
		qsort(v, i, 2 * sizeof *v, cmp_ptr_then_index);
		return v;
	}
	/* The pairs are distinct, so any sort gives qsort's order. */
	for (k = 1; k < i; k++)
		for (j = k; j > 0 && cmp_ptr_then_index(&v[2 * j - 2], &v[2 * j]) > 0; j--) {
			uintptr_t a = v[2 * j], b = v[2 * j + 1];

			v[2 * j] = v[2 * j - 2];
			v[2 * j + 1] = v[2 * j - 1];
			v[2 * j - 2] = a;
			v[2 * j - 1] = b;
		}
	return v;
}

void zl_mx_by_target_free(uintptr_t *v, const uintptr_t *buf)
{
	if (v != buf)
		free(v);
}

/* The same exchanger twice adds nothing but a second connection attempt to
 * the same host, and usually means a typo in the other line. */
static void duplicate_target(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	uintptr_t vbuf[2 * ZL_MX_SMALL_SET];
	uintptr_t *v = zl_mx_by_target(z, ctx->set, vbuf);
	uint32_t i;

	for (i = 1; i < ctx->set->count; i++) {
		const struct zl_rr *first, *rr;
		zl_finding d;

		if (v[2 * i] != v[2 * i - 2] || !v[2 * i])
			continue;
		first = &z->rrs[v[2 * i - 1]];
		rr = &z->rrs[v[2 * i + 1]];
		d = zl_mx_emit_target(ctx, rr, "duplicate",
				zl_rdf_u16(&rr->rdf[0]) == zl_rdf_u16(&first->rdf[0]) ?
				"an exact duplicate record" : "the same target again");
		if (d != ZL_NO_FINDING)
			zl_emit_note(ctx, d, first->src,
				     zl_mx_target_tok(ctx, first),
				     "first listed here");
	}
	zl_mx_by_target_free(v, vbuf);
}

const struct zl_check zl_check_mx_duplicate_target = {
	.name = "mx-duplicate-target",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = duplicate_target,
	.params = no_params,
	.vars = (const char *const[]){ "target", "duplicate", NULL },
};

uint32_t zl_mx_distinct_targets(const struct zl_zone *z,
				const struct zl_rrset *set,
				const struct zl_rr **one, bool *has_null)
{
	uintptr_t vbuf[2 * ZL_MX_SMALL_SET];
	uintptr_t *v = zl_mx_by_target(z, set, vbuf);
	uint32_t i, n = 0;

	for (i = 0; i < set->count; i++) {
		const struct zl_rr *rr = &z->rrs[v[2 * i + 1]];

		*has_null |= zl_mx_is_null(rr);
		if (zl_mx_is_null(rr) || !v[2 * i] ||
		    (i && v[2 * i] == v[2 * i - 2]))
			continue;
		if (!n++ || rr < *one)
			*one = rr;
	}
	zl_mx_by_target_free(v, vbuf);
	return n;
}

bool zl_mx_target_dead(const struct zl_ctx *ctx, const struct zl_name *t)
{
	struct zl_at at;

	return dead(target_state(ctx, t, &at));
}

/* RFC 5321 §5.1: a sender that accepts an alias target connects to the
 * end of its chain (RFC 6672 §2.2 for a DNAME on the way). */
bool zl_mx_target_hosts(const struct zl_ctx *ctx, const struct zl_name *t,
			struct zl_at *at)
{
	enum target s = target_state(ctx, t, at);

	/* a chain through a record NAME001 reports ends where its author
	 * did not mean it to: the addresses meant are unknown */
	if (s == T_ALIAS && (chain_broken(ctx, t->text) ||
			     zl_answer(ctx, t->text, at) != ZL_ANSWER_NAME ||
			     !zl_has_address(at->name) ||
			     only_unusable(at->zone, at->name)))
		return false;
	return (s == T_OK || s == T_ALIAS) && !zl_lost_address(ctx, at->name);
}

/* ---- nolisting ---- */

static const char *const nolisting_modes[] = { "allow", "warn", "forbid", NULL };

static const struct zl_param_spec nolisting_params[] = {
	{ .key = "nolisting", .type = ZL_PT_ENUM, .dflt = "warn",
	  .choices = nolisting_modes },
	{ .key = NULL },
};

/* Nolisting publishes a dead most-preferred MX so that spam software that
 * does not retry gives up.  RFC 5321 §5.1 senders retry the next MX, so it
 * costs legitimate mail a connection timeout on every delivery.  `allow`
 * accepts it, `warn` reports it at the rule's severity, `forbid` as error. */
static void nolisting(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const char *mode = zl_rule_str(ctx->rule, "nolisting");
	const struct zl_rr *rr;
	zl_finding d;
	struct mxset local = { 0 };
	const struct mxset *m = mxset_of(ctx, &local);
	uint32_t i = 0;

	for (rr = &z->rrs[ctx->set->first];
	     m->nolisting && strcmp(mode, "allow") != 0 && rr;
	     rr = zl_next_rr(z, rr), i++) {
		if (!nolisting_primary(m, rr, i))
			continue;
		d = zl_mx_emit_target(ctx, rr, NULL, NULL);
		if (strcmp(mode, "forbid") == 0)
			zl_emit_severity(ctx, d, ZL_SEV_ERROR);
	}
	mxset_free(&local);
}

const struct zl_check zl_check_mx_nolisting = {
	.name = "mx-nolisting",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = nolisting,
	.params = nolisting_params,
	.vars = (const char *const[]){ "target", NULL },
};

/* When no exchanger of a name can receive mail, every message to the
 * domain is undeliverable (RFC 5321 §5.1).  Of a single one (however
 * many records name it), MX003 or MX006 says it already. */
static void all_dead(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *first = &z->rrs[ctx->set->first], *one = NULL;
	bool has_null = false;
	struct mxset local = { 0 };
	const struct mxset *m = mxset_of(ctx, &local);
	char n[16];

	mxset_free(&local);	/* the counts stay */
	if (m->ndead == 0 || m->ndead + m->nnull != m->n || m->nnull == m->n ||
	    zl_mx_distinct_targets(z, ctx->set, &one, &has_null) == 1)
		return;
	snprintf(n, sizeof n, "%u", m->ndead);
	{
		ZL_EMIT(ctx, first->src, zl_mx_target_tok(ctx, first),
			{ "count", n });
	}
}

const struct zl_check zl_check_mx_all_dead = {
	.name = "mx-all-dead",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = all_dead,
	.params = no_params,
	.vars = (const char *const[]){ "count", NULL },
};
