/* check_ns.c - NS hosts the zone itself must give addresses for: its own
 * name servers, and the glue of its delegations (RFC 1034 §4.2.1); the
 * data at and below a delegation that the zone never serves. */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Which NS RRsets: the apex's, whose in-zone hosts a server must be able
 * to answer for, or a delegation's, whose hosts inside this zone need
 * glue (or, outside the child, address records of their own). */
enum { AT_APEX, AT_DELEGATION };
static const struct zl_variant_spec ns_variants[] = {
	{ .key = "at", .names = (const char *const[]){ "apex", "delegation",
						       NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* Whether the zone gives an address for t, a host of the NS RRset at
 * owner and one of the zone's own names, or leaves the question to
 * another rule.  An alias is CNAME007's; an address record the loader
 * could not read, ZONE001's; a name below a DNAME is not the zone's own
 * any more.  Below a cut only the glue at t counts, and a host of the
 * apex there, or of another delegation than its own, is the child zone's
 * to answer for (BIND loads the zone, and asks glue only of a host below
 * its own delegation; Knot DNS calls such glue optional); elsewhere what
 * a query for t gets, a wildcard's records included (RFC 4592), as BIND
 * and Knot DNS judge it. */
static bool host_answered(struct zl_ctx *ctx, const struct zl_name *t,
			  const struct zl_name *owner, bool apex)
{
	char synth[LDNS_MAX_DOMAINLEN * 4 + 2];
	const struct zl_zone *dz;
	struct zl_at at;

	if (zl_has_address(t) || zl_name_rrset(t, LDNS_RR_TYPE_CNAME) ||
	    zl_lost_address(ctx, t) ||
	    zl_dname_over(ctx, t->text, &dz, synth, sizeof synth))
		return true;
	if (t->below_cut)
		return apex || !zl_text_under(t->text, owner->text);
	switch (zl_answer(ctx, t->text, &at)) {
	case ZL_ANSWER_NAME:
		return zl_has_address(at.name);
	case ZL_ANSWER_NONE:
		return false;
	default:
		return true;
	}
}

/* Whether the zone serves the delegation at n: not below another one or
 * a DNAME. */
static bool served(struct zl_ctx *ctx, const struct zl_name *n)
{
	char synth[LDNS_MAX_DOMAINLEN * 4 + 2];
	const struct zl_zone *dz;

	return !zl_text_below_cut(ctx->zone, zl_name_parent(n->text)) &&
	       !zl_dname_over(ctx, n->text, &dz, synth, sizeof synth);
}

/* Each host of the NS RRset that lies inside the zone and that the zone
 * gives no address for. */
static void ns_host_address(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_name *owner = ctx->name, *t;
	bool apex = owner == z->origin;
	const struct zl_rr *rr;
	char *fix;

	if (apex != (zl_rule_variant(ctx->rule, 0) == AT_APEX) ||
	    (!apex && !served(ctx, owner)))
		return;
	for (rr = &z->rrs[ctx->set->first]; rr; rr = zl_next_rr(z, rr)) {
		if (rr->nrdf < 1 || !(t = zl_rdf_name(&rr->rdf[0])) || !t->in_zone ||
		    zl_rr_broken(ctx, rr) || host_answered(ctx, t, owner, apex))
			continue;
		/* Below a cut the address is glue; elsewhere a record of
		 * this zone's own. */
		fix = zl_xasprintf(t->below_cut ? "add the glue address of "
				   "'%s' here, or point the delegation at a "
				   "host outside the child zone" : "add an A "
				   "or AAAA record for '%s'", t->text);
		ZL_EMIT(ctx, rr->src, zl_rr_field_tok(z, rr, 0),
			{ "target", t->text }, { "fix", fix });
		free(fix);
	}
}

const struct zl_check zl_check_ns_host_address = {
	.name = "ns-host-address",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = ns_host_address,
	.variants = ns_variants,
	.params = no_params,
	/* fix: what gives the host an address, glue or a record */
	.vars = (const char *const[]){ "target", "fix", NULL },
};

/* The delegation at or above n, a name of the zone below a cut: the
 * highest name below the apex with NS records (a delegation below it is
 * the child zone's data too), or NULL when only a DNAME hides n
 * (CNAME008's). */
static const struct zl_name *cut_of(const struct zl_zone *z,
				    const struct zl_name *n)
{
	const char *text;
	const struct zl_name *m, *cut = NULL;

	for (text = n->text; text && strlen(text) > z->origin->len;
	     text = zl_name_parent(text))
		if ((m = zl_zone_lookup(z, text)) &&
		    zl_name_rrset(m, LDNS_RR_TYPE_NS))
			cut = m;
	return cut;
}

/* RFC 1034 §4.2.1: at a delegation the zone holds the NS records and the
 * glue addresses of the hosts below it; what else is there or below
 * belongs to the child zone, and a query for it gets a referral, never
 * these records.  The DS and the NSEC and RRSIG of the cut are the
 * parent's (RFC 4035 §2.3, §2.4); a DNAME beside the NS records is
 * CNAME010's.  An address record is glue when an NS record of the zone
 * names its owner (RFC 9471 §2: in-domain or sibling glue); one that no
 * NS record names is left over, and never served either. */
static void below_delegation(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const struct zl_name *cut;
	uint16_t t = rr->type;

	if ((t == LDNS_RR_TYPE_A || t == LDNS_RR_TYPE_AAAA) &&
	    (rr->owner->refs & ZL_REF_NS))
		return;
	if (!rr->owner->below_cut ||
	    !rr->owner->in_zone || !(cut = cut_of(ctx->zone, rr->owner)) ||
	    (cut == rr->owner && (t == LDNS_RR_TYPE_NS || t == LDNS_RR_TYPE_DS ||
				  t == LDNS_RR_TYPE_NSEC ||
				  t == LDNS_RR_TYPE_RRSIG ||
				  t == LDNS_RR_TYPE_DNAME)))
		return;
	ZL_EMIT(ctx, rr->src, zl_rr_type_tok(ctx->zone, rr),
		{ "cut", cut->text });
}

const struct zl_check zl_check_below_delegation = {
	.name = "below-delegation",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = below_delegation,
	.params = no_params,
	.vars = (const char *const[]){ "cut", NULL },
};

static int cmp4(const void *a, const void *b)
{
	return memcmp(a, b, 4);
}

static int cmp16(const void *a, const void *b)
{
	return memcmp(a, b, 16);
}

/* The addresses of type (A or AAAA) at n in z: in keys, each as its
 * wire form (w bytes), sorted and each once, for comparing; in text,
 * written and joined by ", " in file order.  False when n has none. */
static bool addresses(const struct zl_zone *z, const struct zl_name *n,
		      uint16_t type, struct zl_buf *keys, struct zl_buf *text,
		      struct zl_buf *scratch)
{
	char a[INET6_ADDRSTRLEN];
	const struct zl_rr *rr;
	const uint8_t *d;
	size_t w = type == LDNS_RR_TYPE_A ? 4 : 16, i, k;

	keys->len = text->len = 0;
	for (rr = zl_first_rr(z, n, type); rr; rr = zl_next_rr(z, rr)) {
		if (rr->nrdf != 1 || rr->rdf[0].len != w ||
		    !(d = zl_rdf_wire(z, rr, 0, scratch)) ||
		    !inet_ntop(w == 4 ? AF_INET : AF_INET6, d, a, sizeof a))
			continue;
		zl_buf_add(keys, (const char *)d, w);
		if (text->len)
			zl_buf_add(text, ", ", 2);
		zl_buf_add(text, a, strlen(a));
	}
	zl_buf_add(text, "", 1);
	if (!keys->len)
		return false;
	qsort(keys->s, keys->len / w, w, w == 4 ? cmp4 : cmp16);
	for (i = k = w; i < keys->len; i += w)
		if (memcmp(keys->s + i, keys->s + k - w, w) != 0)
			memmove(keys->s + (k += w) - w, keys->s + i, w);
	keys->len = k;
	return true;
}

/* One name server of the zone, below its apex, to which the parent gives
 * glue: each address type for which both give addresses and they differ.
 * b: the parent's keys and text, then the zone's (addresses()). */
static void glue_host(struct zl_ctx *ctx, const struct zl_zone *p,
		      const struct zl_name *host, struct zl_buf b[4],
		      struct zl_buf *scratch)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA };
	const struct zl_zone *z = ctx->zone;
	const struct zl_name *n = zl_zone_lookup(z, host->text);
	const struct zl_rr *rr;
	zl_finding f;
	size_t i;

	for (i = 0; n && i < 2; i++) {
		if (!addresses(p, host, types[i], &b[0], &b[1], scratch) ||
		    !addresses(z, n, types[i], &b[2], &b[3], scratch) ||
		    (b[0].len == b[2].len &&
		     memcmp(b[0].s, b[2].s, b[0].len) == 0))
			continue;
		rr = zl_first_rr(z, n, types[i]);
		f = ZL_EMIT_RR(ctx, rr, { "domain", z->origin->text },
			       { "parent", p->origin->text },
			       { "host", host->text }, { "glue", b[1].s },
			       { "own", b[3].s });
		rr = zl_first_rr(p, host, types[i]);
		zl_emit_note_in(ctx, f, p, rr->src, rr->text, "the glue of "
				"'%s' in '%s'", host->text, p->origin->text);
	}
}

/* RFC 1034 §4.2.1, RFC 9471 §2: a referral from the parent carries the
 * glue addresses of the name servers below the cut, and a resolver uses
 * them to reach the zone; when the zone itself gives such a name server
 * other addresses, the referral sends queries to the old ones (the zone
 * renumbered its servers and the parent kept the old glue, or the
 * other way round).  Judged when the parent zone is in the run; a host
 * below a cut of the zone itself, a grandchild's, is not the zone's to
 * give addresses. */
static void glue_matches(struct zl_ctx *ctx)
{
	struct zl_buf b[4] = { { 0 } }, scratch = { 0 };
	const struct zl_zone *z = ctx->zone, *p;
	size_t i;
	const struct zl_name *at, *host;
	const struct zl_rr *rr;
	const char *up;

	if (!z->origin || !z->nrrs || !(up = zl_name_parent(z->origin->text)) ||
	    !(p = zl_zone_of(ctx, up)) || p == z ||
	    !(at = zl_zone_lookup(p, z->origin->text)))
		return;
	for (rr = zl_first_rr(p, at, LDNS_RR_TYPE_NS); rr;
	     rr = zl_next_rr(p, rr)) {
		if (rr->nrdf < 1 || !(host = zl_rdf_name(&rr->rdf[0])) ||
		    !zl_text_under(host->text, at->text) ||
		    zl_text_below_cut(z, host->text))
			continue;
		glue_host(ctx, p, host, b, &scratch);
	}
	for (i = 0; i < 4; i++)
		zl_buf_free(&b[i]);
	zl_buf_free(&scratch);
}

const struct zl_check zl_check_glue_matches = {
	.name = "glue-matches",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = glue_matches,
	.params = no_params,
	/* domain: the zone's apex; parent: the apex of the zone of the run
	 * above it; host: the name server; glue: the parent's addresses of
	 * it, own: the zone's, each "192.0.2.1, 192.0.2.2" */
	.vars = (const char *const[]){ ZL_STD_VARS, "domain", "parent",
				      "host", "glue", "own", NULL },
};
