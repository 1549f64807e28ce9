/* check_mx.c - primitives for MX records: targets, redundancy, null MX and
 * nolisting (RFC 1035 §3.3.9, RFC 2181 §10.3, RFC 5321 §5.1, RFC 7505). */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "spf.h"
#include "txt.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* What the zone says about an MX target. */
enum target {
	T_NULL,		/* "." : the null MX of RFC 7505 */
	T_OUTSIDE,	/* in no zone of the run: cannot be judged offline */
	T_DELEGATED,	/* below a zone cut whose child zone the run lacks */
	T_ALIAS,	/* a CNAME */
	T_LOCALHOST,	/* localhost. */
	T_NO_ADDRESS,	/* no A or AAAA, or no such name */
	T_UNUSABLE,	/* only loopback, unspecified or link-local addresses */
	T_OK,
	T_BROKEN,	/* reported by a `breaks` rule (MX001, MX004): what
			   was meant is unknown, neither dead nor alive */
};

static const struct zl_name *mx_target(const struct zl_rr *rr)
{
	return rr->nrdf >= 2 ? zl_rdf_name(&rr->rdf[1]) : NULL;
}

static bool is_null_mx(const struct zl_rr *rr)
{
	const struct zl_name *t = mx_target(rr);

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

/* A target t no zone of the run holds as its own, as a sender's query
 * for its addresses gets it: a DNAME over it answers with a CNAME to the
 * name it makes (RFC 6672 §2.2, §3), which makes it an alias (MX002's)
 * whose end is judged, so that a sender that follows it may still find
 * no address; a rewrite past 255 octets fails every time (YXDOMAIN).
 * Unknown without a DNAME: outside the run, or delegated. */
static enum target dname_target(const struct zl_ctx *ctx,
				const struct zl_name *t, struct zl_at *at)
{
	char synth[ZL_NAME_TEXT_MAX];
	const struct zl_zone *dz;
	const struct zl_rr *dname;

	/* a DNAME a `breaks` rule reported (NAME001) makes a name its
	 * author did not mean */
	if ((dname = zl_dname_over(ctx, t->text, &dz, synth, sizeof synth)) &&
	    zl_rr_broken(ctx, dname)) {
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
	const struct zl_name *w;

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
	/* RFC 4592: a wildcard answers for a name that does not exist. */
	if ((!at->name || !zl_name_sets(at->name)) &&
	    (w = zl_zone_wildcard(at->zone, t->text)))
		at->name = w;
	t = at->name;
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

/* Sets of up to this many records are worked on in stack buffers; most
 * MX RRsets hold one or two. */
#define SMALL_SET 8

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
	uint8_t small[SMALL_SET];
};

static uintptr_t *by_target(const struct zl_zone *z, const struct zl_rrset *set,
			    uintptr_t *buf);

/* The state of every record of a small set, in list order, in st: a
 * target met before is not judged again. */
static void small_set_states(const struct zl_ctx *ctx,
			     const struct zl_rrset *set, uint8_t *st)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_name *tg[SMALL_SET];
	uint8_t ts[SMALL_SET];
	struct zl_at at;
	uint32_t i = 0, j, k;

	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next, i++) {
		const struct zl_rr *rr = &z->rrs[k];

		tg[i] = mx_target(rr);
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

	if (set->count <= SMALL_SET) {
		small_set_states(ctx, set, small);
		return small;
	}
	v = by_target(z, set, NULL);
	idx = zl_xcalloc(set->count, sizeof *idx);
	st = zl_xcalloc(set->count, 1);
	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next)
		idx[i++] = k;
	for (i = 0; i < set->count; i++) {
		const struct zl_rr *rr = &z->rrs[v[2 * i + 1]];

		if (i == 0 || v[2 * i] != v[2 * i - 2])
			t = target_state(ctx, mx_target(rr), &at);
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
	void **slot = zl_memo_zone_slot(ctx, ZL_MEMO_MX_SET, cur_set_release);
	struct cur_set *c;

	if (!slot) {
		mxset_scan(ctx, ctx->set, local);
		return local;
	}
	if (!*slot)
		*slot = zl_xcalloc(1, sizeof *c);
	c = *slot;
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

static struct zl_tok target_tok(const struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return zl_rr_field_tok(ctx->zone, rr, rr->nrdf >= 2 ? 1 : 0);
}

static zl_finding emit_target(struct zl_ctx *ctx, const struct zl_rr *rr,
			      const char *extra_name, const char *extra)
{
	const struct zl_name *t = mx_target(rr);
	const char *target = t ? t->text : "";

	if (extra_name)
		return ZL_EMIT(ctx, rr->src, target_tok(ctx, rr),
			       { "target", target },
			       { extra_name, extra ? extra : "" });
	return ZL_EMIT(ctx, rr->src, target_tok(ctx, rr), { "target", target });
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
	if (!zl_text_is_address(text, n)) {
		if (!zl_rdf_name(&rr->rdf[f]) || !zl_name_is_address(ctx->zone,
				zl_rdf_name(&rr->rdf[f])->text, &n))
			return;
		text = zl_rdf_name(&rr->rdf[f])->text;
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
			emit_dead(ctx, rr, target_tok(ctx, rr), mx_target(rr));
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

/* Sorts the records of an RRset by target so duplicates are adjacent:
 * pairs (target pointer, record index), 2 * count entries, in buf (of
 * 2 * SMALL_SET) for a small set, else allocated: by_target_free(). */
static uintptr_t *by_target(const struct zl_zone *z, const struct zl_rrset *set,
			    uintptr_t *buf)
{
	uintptr_t *v = set->count > SMALL_SET ?
			       zl_xcalloc(set->count, 2 * sizeof *v) : buf;
	uint32_t i = 0, j, k;

	for (k = set->first; k != ZL_NONE && i < set->count; k = z->rrs[k].next, i++) {
		v[2 * i] = (uintptr_t)mx_target(&z->rrs[k]);
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

static void by_target_free(uintptr_t *v, const uintptr_t *buf)
{
	if (v != buf)
		free(v);
}

/* The same exchanger twice adds nothing but a second connection attempt to
 * the same host, and usually means a typo in the other line. */
static void duplicate_target(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	uintptr_t vbuf[2 * SMALL_SET];
	uintptr_t *v = by_target(z, ctx->set, vbuf);
	uint32_t i;

	for (i = 1; i < ctx->set->count; i++) {
		const struct zl_rr *first, *rr;
		zl_finding d;

		if (v[2 * i] != v[2 * i - 2] || !v[2 * i])
			continue;
		first = &z->rrs[v[2 * i - 1]];
		rr = &z->rrs[v[2 * i + 1]];
		d = emit_target(ctx, rr, "duplicate",
				zl_rdf_u16(&rr->rdf[0]) == zl_rdf_u16(&first->rdf[0]) ?
				"an exact duplicate record" : "the same target again");
		if (d != ZL_NO_FINDING)
			zl_emit_note(ctx, d, first->src, target_tok(ctx, first),
				     "first listed here");
	}
	by_target_free(v, vbuf);
}

const struct zl_check zl_check_mx_duplicate_target = {
	.name = "mx-duplicate-target",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = duplicate_target,
	.params = no_params,
	.vars = (const char *const[]){ "target", "duplicate", NULL },
};

/* ---- single-target ---- */

static const struct zl_param_spec single_params[] = {
	{ .key = "load-balanced", .type = ZL_PT_REGEXLIST, .dflt = "[]" },
	{ .key = NULL },
};

/* Distinct targets of an MX RRset (null MX excluded); *one is set to one
 * and *has_null tells whether a null MX was seen. */
static uint32_t distinct_targets(const struct zl_zone *z,
				 const struct zl_rrset *set,
				 const struct zl_rr **one, bool *has_null)
{
	uintptr_t vbuf[2 * SMALL_SET];
	uintptr_t *v = by_target(z, set, vbuf);
	uint32_t i, n = 0;

	for (i = 0; i < set->count; i++) {
		const struct zl_rr *rr = &z->rrs[v[2 * i + 1]];

		*has_null |= is_null_mx(rr);
		if (is_null_mx(rr) || !v[2 * i] || (i && v[2 * i] == v[2 * i - 2]))
			continue;
		if (!n++ || rr < *one)
			*one = rr;
	}
	by_target_free(v, vbuf);
	return n;
}

/* With one exchanger, mail waits in senders' queues (and may bounce after
 * their retry limit) whenever that host is down; a second MX is the
 * long-standing practice.  Hosted services that put many machines behind
 * one name are exempt through the `load-balanced` patterns. */
static void single_target(struct zl_ctx *ctx)
{
	const struct zl_param *lb = zl_rule_param(ctx->rule, "load-balanced");
	const struct zl_rr *one = NULL;
	bool has_null = false;
	struct zl_at at;
	const char *t;
	size_t i;
	int hit = 0;

	/* A set with a null MX is MX011's concern, not a missing backup; a
	 * sole exchanger that cannot receive mail is MX003's or MX006's. */
	if (distinct_targets(ctx->zone, ctx->set, &one, &has_null) != 1 ||
	    has_null || dead(target_state(ctx, mx_target(one), &at)))
		return;
	t = mx_target(one)->text;
	for (i = 0; i < lb->n && hit == 0; i++)
		hit = zl_ctx_match(ctx, lb->res[i], t, strlen(t));
	if (hit == 0)
		emit_target(ctx, one, NULL, NULL);
}

const struct zl_check zl_check_mx_single_target = {
	.name = "mx-single-target",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = single_target,
	.params = single_params,
	.vars = (const char *const[]){ "target", NULL },
};

/* ---- shared-addresses ---- */

/* The bytes of address f that name a host: an IPv4-mapped IPv6 address
 * (::ffff:0:0/96, RFC 4291 §2.5.5.2) is the IPv4 host it maps, so that
 * an AAAA record of one exchanger and an A record of another can be seen
 * to be the same machine. */
static const uint8_t *addr_key(const struct zl_rdf *f, size_t *len)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	const uint8_t *p = zl_rdf_data(f);

	*len = f->len;
	if (f->len == 16 && memcmp(p, mapped, sizeof mapped) == 0) {
		*len = 4;
		return p + sizeof mapped;
	}
	return p;
}

static int cmp_addr(const void *a, const void *b)
{
	size_t lx, ly;
	const uint8_t *x = addr_key(*(const struct zl_rdf *const *)a, &lx);
	const uint8_t *y = addr_key(*(const struct zl_rdf *const *)b, &ly);

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return memcmp(x, y, lx);
}

/* The hosts a name's addresses reach: its A then AAAA rdata, sorted, each
 * host once; v is small unless the name has more addresses (addrs_free). */
struct addrs {
	const struct zl_rdf *small[SMALL_SET], **v;
	size_t n;
};

static void addrs_get(const struct zl_zone *z, const struct zl_name *n,
		      struct addrs *a)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA };
	const struct zl_rrset *s;
	size_t cap = 0, i, k;
	const struct zl_rr *rr;

	for (i = 0; i < 2; i++)
		cap += n && (s = zl_name_rrset(n, types[i])) ? s->count : 0;
	a->v = cap > SMALL_SET ? zl_xcalloc(cap, sizeof *a->v) : a->small;
	a->n = 0;
	for (i = 0; i < 2; i++)
		for (rr = zl_first_rr(z, n, types[i]); rr && a->n < cap;
		     rr = zl_next_rr(z, rr))
			a->v[a->n++] = &rr->rdf[0];
	qsort(a->v, a->n, sizeof *a->v, cmp_addr);
	for (i = k = 0; i < a->n; i++)
		if (k == 0 || cmp_addr(&a->v[k - 1], &a->v[i]) != 0)
			a->v[k++] = a->v[i];
	a->n = k;
}

static void addrs_free(struct addrs *a)
{
	if (a->v != a->small)
		free(a->v);
}

/* Whether two names reach the same hosts: address by address, so that
 * five A records are never taken for one A and one AAAA record whose
 * bytes, put end to end, happen to be the same. */
static bool addrs_same(const struct addrs *a, const struct addrs *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (cmp_addr(&a->v[i], &b->v[i]) != 0)
			return false;
	return true;
}

/* The address set as text: "192.0.2.1, 2001:db8::1". */
static void addrs_text(const struct addrs *a, struct zl_buf *txt)
{
	char ip[INET6_ADDRSTRLEN];
	const uint8_t *p;
	size_t i, len;

	for (i = 0; i < a->n; i++) {
		p = addr_key(a->v[i], &len);
		inet_ntop(len == 4 ? AF_INET : AF_INET6, p, ip, sizeof ip);
		zl_buf_addf(txt, "%s%s", i ? ", " : "", ip);
	}
}

/* Where a sender connects for target t, in *at: the name itself, or for
 * an alias (MX002's), the end of its chain of CNAMEs and DNAMEs, which
 * senders that accept the alias follow (RFC 5321 §5.1; RFC 6672 §2.2);
 * false when the addresses there are not all known: no usable ones, a
 * chain that leaves the run, or an address record the loader lost. */
static bool target_hosts(const struct zl_ctx *ctx, const struct zl_name *t,
			 struct zl_at *at)
{
	enum target s = target_state(ctx, t, at);

	if (s == T_ALIAS && (zl_answer(ctx, t->text, at) != ZL_ANSWER_NAME ||
			     !zl_has_address(at->name) ||
			     only_unusable(at->zone, at->name)))
		return false;
	return (s == T_OK || s == T_ALIAS) && !zl_lost_address(ctx, at->name);
}

/* Several exchangers give redundancy only if they are different hosts;
 * names that all resolve to the same addresses fail together, and so do
 * an exchanger and an alias of it.  Senders that refuse the alias
 * (RFC 5321 §5.1 lets them) are left with fewer exchangers still. */
static void shared_addresses(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	uintptr_t vbuf[2 * SMALL_SET];
	uintptr_t *v = by_target(z, ctx->set, vbuf);
	struct addrs first, cur;
	struct zl_buf txt = { 0 };
	const struct zl_name *t;
	struct zl_at at;
	uint32_t i, ntargets = 0;
	bool same = true;

	for (i = 0; i < ctx->set->count && same; i++) {
		t = (const struct zl_name *)v[2 * i];
		if (i && v[2 * i] == v[2 * i - 2])
			continue;
		if (!target_hosts(ctx, t, &at)) {
			same = false;
			break;
		}
		if (!ntargets++) {
			addrs_get(at.zone, at.name, &first);
			continue;
		}
		addrs_get(at.zone, at.name, &cur);
		same = addrs_same(&first, &cur);
		addrs_free(&cur);
	}
	if (same && ntargets >= 2) {
		addrs_text(&first, &txt);
		ZL_EMIT(ctx, z->rrs[ctx->set->first].src,
			target_tok(ctx, &z->rrs[ctx->set->first]),
			{ "addresses", txt.s });
	}
	if (ntargets)
		addrs_free(&first);
	zl_buf_free(&txt);
	by_target_free(v, vbuf);
}

const struct zl_check zl_check_mx_shared_addresses = {
	.name = "mx-shared-addresses",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = shared_addresses,
	.params = no_params,
	.vars = (const char *const[]){ "addresses", NULL },
};

/* ---- null MX (RFC 7505) ---- */

/* RFC 7505 §3: a domain that advertises a null MX MUST NOT advertise any
 * other MX; senders treat the mix as a configuration error. */
static void null_mx_alone(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *null = NULL;
	bool other = false;
	zl_finding d;

	/* A null MX written twice is one record (RFC 2181 §5): MX008's. */
	for (rr = &z->rrs[ctx->set->first]; rr; rr = zl_next_rr(z, rr))
		if (!is_null_mx(rr))
			other = true;
		else if (!null)
			null = rr;
	if (!null || !other)
		return;
	d = emit_target(ctx, null, NULL, NULL);
	for (rr = &z->rrs[ctx->set->first]; d != ZL_NO_FINDING && rr;
	     rr = zl_next_rr(z, rr))
		if (!is_null_mx(rr))
			zl_emit_note(ctx, d, rr->src, target_tok(ctx, rr),
				     "other MX record here");
}

const struct zl_check zl_check_null_mx_alone = {
	.name = "null-mx-alone",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = null_mx_alone,
	.params = no_params,
	.vars = (const char *const[]){ "target", NULL },
};

/* RFC 7505 §3: the null MX has preference 0 and the root as exchange. */
static void null_mx_preference(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	char pref[8];

	if (!is_null_mx(rr) || zl_rdf_u16(&rr->rdf[0]) == 0)
		return;
	snprintf(pref, sizeof pref, "%u", zl_rdf_u16(&rr->rdf[0]));
	ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, 0),
		{ "preference", pref });
}

const struct zl_check zl_check_null_mx_preference = {
	.name = "null-mx-preference",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = null_mx_preference,
	.params = no_params,
	.vars = (const char *const[]){ "preference", NULL },
};

static bool spf_may_pass(struct zl_ctx *ctx, const char *s, size_t len,
			 const struct zl_name *n, unsigned depth);

/* Whether the policy at domain, which an include: or redirect= names,
 * can pass a sender: one the run does not hold, or with macros, may; one
 * the run holds without an SPF record, or with two, is a permerror (RFC
 * 7208 §5.2, §6.1, §4.5), which passes nobody.  Past RFC 7208 §4.6.4's
 * ten lookups it may, as far as zonelint knows. */
static bool target_may_pass(struct zl_ctx *ctx, const char *s,
			    const struct zl_spf_term *t, unsigned depth)
{
	char domain[LDNS_MAX_DOMAINLEN * 4 + 2];
	const struct zl_rr *rr, *one = NULL;
	struct zl_txt txt;
	struct zl_at at;
	bool pass;

	if (depth >= 10 || !zl_spf_domain(s, t, domain, sizeof domain) ||
	    !(at = zl_lookup(ctx, domain)).zone)
		return true;
	for (rr = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(at.zone, rr)) {
		zl_txt_from_rr(&txt, at.zone, rr);
		if (zl_spf_is_record(txt.s, txt.len)) {
			if (one) {
				zl_txt_free(&txt);
				return false;
			}
			one = rr;
		}
		zl_txt_free(&txt);
	}
	if (!one)
		return false;
	/* Its own mx and a are its domain's, which may receive mail. */
	zl_txt_from_rr(&txt, at.zone, one);
	pass = spf_may_pass(ctx, txt.s, txt.len, NULL, depth + 1);
	zl_txt_free(&txt);
	return pass;
}

/* Whether the SPF record s[0..len) of name n can give some sender a pass
 * (RFC 7208 §4.6.2): a mechanism with the + qualifier, an include: of a
 * policy that can, or a redirect= to one.  The name's own `mx` is no such
 * mechanism beside its null MX: "." has no addresses.  Nor is its own `a`
 * without a prefix length: no address when the zone gives it none, else a
 * host that receives no mail and names itself in HELO, whose SPF record
 * RFC 7208 §2.3 recommends; n is NULL for an included policy, whose own
 * mx and a are another domain's.  A record in error passes nobody
 * (permerror, SPF001's). */
static bool spf_may_pass(struct zl_ctx *ctx, const char *s, size_t len,
			 const struct zl_name *n, unsigned depth)
{
	const char *owner = n ? n->text : ".";
	size_t olen = strlen(owner) - 1, i;	/* without the final dot */
	struct zl_spf spf;
	bool pass = false;

	if (len < 6 || strncasecmp(s, "v=spf1", 6) != 0 ||
	    (len > 6 && s[6] != ' '))
		return false;
	zl_spf_parse(&spf, s, len);
	for (i = 0; !spf.nerrs && !pass && i < spf.nterms; i++) {
		const struct zl_spf_term *t = &spf.terms[i];

		if (t->kind == ZL_SPF_REDIRECT)
			pass = spf.all < 0 && target_may_pass(ctx, s, t, depth);
		else if (t->kind == ZL_SPF_INCLUDE && t->qualifier == '+')
			pass = target_may_pass(ctx, s, t, depth);
		else if (t->kind < ZL_SPF_REDIRECT && t->qualifier == '+')
			pass = !(n && (t->kind == ZL_SPF_MX ||
				       (t->kind == ZL_SPF_A &&
					t->cidr.len == 0)) &&
				 (t->value.len == 0 ||
				  (t->value.len == olen &&
				   strncasecmp(s + t->value.off, owner,
					       olen) == 0)));
	}
	zl_spf_free(&spf);
	return pass;
}

/* The first null MX of rr's RRset.  Several null MX records at one name
 * are MX011's finding; the SPF beside them is reported once, not once per
 * null MX and TXT pair. */
static const struct zl_rr *first_null_mx(const struct zl_zone *z,
					 const struct zl_rr *rr)
{
	const struct zl_rr *mx;

	for (mx = zl_first_rr(z, rr->owner, LDNS_RR_TYPE_MX); mx;
	     mx = zl_next_rr(z, mx))
		if (is_null_mx(mx))
			return mx;
	return NULL;
}

/* RFC 7505 §4.3: a domain that receives no mail should not send any either,
 * since bounces to it cannot be delivered; an SPF policy that authorises
 * senders contradicts the null MX. */
static void null_mx_spf(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr = ctx->rr, *txt;
	struct zl_txt t;
	zl_finding d;

	if (!is_null_mx(rr) || first_null_mx(z, rr) != rr)
		return;
	for (txt = zl_first_rr(z, rr->owner, LDNS_RR_TYPE_TXT); txt;
	     txt = zl_next_rr(z, txt)) {
		zl_txt_from_rr(&t, z, txt);
		if (spf_may_pass(ctx, t.s, t.len, rr->owner, 0)) {
			d = ZL_EMIT(ctx, txt->src, zl_rr_field_tok(z, txt, 0),
				    { "spf", t.s });
			if (d != ZL_NO_FINDING)
				zl_emit_note(ctx, d, rr->src, target_tok(ctx, rr),
					     "the null MX is here");
		}
		zl_txt_free(&t);
	}
}

const struct zl_check zl_check_null_mx_spf = {
	.name = "null-mx-spf",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = null_mx_spf,
	.params = no_params,
	.vars = (const char *const[]){ "spf", NULL },
};

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
		d = emit_target(ctx, rr, NULL, NULL);
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
	    distinct_targets(z, ctx->set, &one, &has_null) == 1)
		return;
	snprintf(n, sizeof n, "%u", m->ndead);
	{
		ZL_EMIT(ctx, first->src, target_tok(ctx, first),
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
