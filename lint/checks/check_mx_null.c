/* check_mx_null.c - primitives for the null MX of RFC 7505: alone, at
 * preference 0, beside an SPF policy that sends no mail, and missing at a
 * domain whose SPF policy says it sends none. */
#include <ldns/ldns.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "check_mx.h"
#include "check_spf.h"
#include "spf.h"
#include "txt.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

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
		if (!zl_mx_is_null(rr))
			other = true;
		else if (!null)
			null = rr;
	if (!null || !other)
		return;
	d = zl_mx_emit_target(ctx, null, NULL, NULL);
	for (rr = &z->rrs[ctx->set->first]; d != ZL_NO_FINDING && rr;
	     rr = zl_next_rr(z, rr))
		if (!zl_mx_is_null(rr))
			zl_emit_note(ctx, d, rr->src, zl_mx_target_tok(ctx, rr),
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

	if (!zl_mx_is_null(rr) || zl_rdf_u16(&rr->rdf[0]) == 0)
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
		if (zl_mx_is_null(mx))
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

	if (!zl_mx_is_null(rr) || first_null_mx(z, rr) != rr)
		return;
	for (txt = zl_first_rr(z, rr->owner, LDNS_RR_TYPE_TXT); txt;
	     txt = zl_next_rr(z, txt)) {
		zl_txt_from_rr(&t, z, txt);
		if (spf_may_pass(ctx, t.s, t.len, rr->owner, 0)) {
			d = ZL_EMIT(ctx, txt->src, zl_rr_field_tok(z, txt, 0),
				    { "spf", t.s });
			if (d != ZL_NO_FINDING)
				zl_emit_note(ctx, d, rr->src,
					     zl_mx_target_tok(ctx, rr),
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
/* ---- no MX at a domain that sends no mail ---- */

/* The one SPF record of the TXT RRset that starts at first, when it reads
 * "v=spf1 -all" alone: the domain says it sends no mail (RFC 7208 §5.1).
 * NULL otherwise; two SPF records are a permerror (RFC 7208 §4.5),
 * SPF002's.  One pass over the set. */
static const struct zl_rr *sends_nothing(struct zl_ctx *ctx,
					 const struct zl_rr *first)
{
	const struct zl_rr *txt, *spf = NULL;
	const struct rec *r;

	for (txt = first; txt; txt = zl_next_rr(ctx->zone, txt))
		if (zl_spf_rec(ctx, txt)->is_spf) {
			if (spf)
				return NULL;
			spf = txt;
		}
	if (!spf)
		return NULL;
	r = zl_spf_rec(ctx, spf);
	if (r->spf.nerrs || r->spf.nterms != 1 ||
	    r->spf.terms[0].kind != ZL_SPF_ALL ||
	    r->spf.terms[0].qualifier != '-')
		return NULL;
	return spf;
}

/* RFC 5321 §5.1: a domain without MX records is its own exchanger when it
 * has an address (the implicit MX), so senders deliver to a web server
 * that takes no mail, and retry for days before they bounce.  A domain
 * whose SPF policy says it sends no mail most likely receives none
 * either; RFC 7505 gives it the null MX to say so, and parked-domain
 * practice (M3AAWG) publishes it beside "v=spf1 -all".  Names a receiver
 * never sees as a mail domain are left alone: outside the zone or below
 * a delegation, wildcards, and names at or below an underscore label. */
static void null_mx_missing(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_name *n = ctx->name;
	const struct zl_rr *txt = zl_first_rr(z, n, LDNS_RR_TYPE_TXT);
	const struct zl_rr *addr, *spf;
	zl_finding d;

	/* the tests of the name's own records first: most names with TXT
	 * have an MX or no address */
	if (!txt || !n->in_zone || n->below_cut ||
	    zl_name_rrset(n, LDNS_RR_TYPE_MX))
		return;
	addr = zl_first_rr(z, n, LDNS_RR_TYPE_A);
	if (!addr)
		addr = zl_first_rr(z, n, LDNS_RR_TYPE_AAAA);
	if (!addr || strncmp(n->text, "*.", 2) == 0 ||
	    zl_text_served(n->text) != n->text ||
	    !(spf = sends_nothing(ctx, txt)))
		return;
	d = ZL_EMIT(ctx, spf->src, zl_rr_field_tok(z, spf, 0));
	if (d != ZL_NO_FINDING)
		zl_emit_note(ctx, d, addr->src, zl_rr_field_tok(z, addr, 0),
			     "with no MX, senders deliver mail for '%s' to "
			     "this address", n->text);
}

const struct zl_check zl_check_null_mx_missing = {
	.name = "null-mx-missing",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = null_mx_missing,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};
