/* check_dmarc_domain.c - a mail domain without a DMARC policy of its
 * own or of its organizational domain (RFC 7489 §6.6.3, RFC 9989). */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_dmarc.h"
#include "check_spf.h"
#include "psl.h"

/* ---- a mail domain without a policy ---- */

/* What dmarc_missing knows of each of the zone's names, a byte per name
 * by its id: the zone's names are dense (zl_name.id), so flags in one
 * array cost a byte a name and never move, where sets of pointers grew
 * and rehashed. */
enum {
	N_SPF = 1,		/* has SPF */
	N_SENDS = 2,		/* its SPF lets some host send */
	N_TARGET = 4,		/* an include: or redirect= target */
	N_DONE = 8		/* seen in the first round (N_DONE << 1: the
				 * second) */
};

/* Sets flag on n; returns false when it was set already. */
static bool mark(unsigned char *flags, const struct zl_name *n, unsigned flag)
{
	if (flags[n->id] & flag)
		return false;
	flags[n->id] |= (unsigned char)flag;
	return true;
}

/* Whether n can be a mail domain this zone answers for: in the zone,
 * not delegated, not a wildcard, and no name at or below an underscore
 * label (_spf, _dmarc, ip4._spf ...): such a label marks an attribute
 * leaf (RFC 8552 §2), and a domain of a mail address or of HELO has
 * none (RFC 5321 §4.1.2), so its SPF record is only ever read through
 * another's include: or redirect=. */
static bool candidate(const struct zl_name *n)
{
	return n->in_zone && !n->below_cut &&
	       zl_text_served(n->text) == n->text &&
	       strncmp(n->text, "*.", 2) != 0;
}

/* Notes the names with SPF, those whose SPF lets some host send (any
 * record but "v=spf1 -all", RFC 7208 §5.1), and the in-zone targets of
 * include: and redirect=, which are building blocks of other policies,
 * not mail domains (RFC 7208 §5.2, §6.1), whoever includes them. */
static void note_spf(struct zl_ctx *ctx, const struct zl_rr *rr,
		     unsigned char *flags)
{
	const struct rec *r = zl_spf_rec(ctx, rr);
	const struct zl_name *n;
	char buf[512];
	size_t i;

	if (!r->is_spf)
		return;
	if (candidate(rr->owner)) {
		flags[rr->owner->id] |= N_SPF;
		if (r->spf.nterms != 1 ||
		    r->spf.terms[0].kind != ZL_SPF_ALL ||
		    r->spf.terms[0].qualifier != '-')
			flags[rr->owner->id] |= N_SENDS;
	}
	for (i = 0; i < r->spf.nterms; i++)
		if ((r->spf.terms[i].kind == ZL_SPF_INCLUDE ||
		     r->spf.terms[i].kind == ZL_SPF_REDIRECT) &&
		    zl_spf_domain(r->txt.s, &r->spf.terms[i], buf, sizeof buf) &&
		    (n = zl_zone_lookup(ctx->zone, buf)))
			flags[n->id] |= N_TARGET;
}

/* RFC 7489 §6.6.3: receivers look at the domain, then at its
 * organisational domain (the highest name the run's zones hold: a child
 * zone takes its policy from its parent's zone); RFC 9989 §4.10 walks up
 * the tree, so any ancestor's policy covers the name.  When the highest
 * name the run holds is not itself an organisational domain (a
 * department's cs.example.edu, an SES bounce.example.com in a zone of its
 * own), the policy that covers it is in a zone the run lacks: unknown,
 * not missing. */
static bool covered(struct zl_ctx *ctx, const char *domain)
{
	const char *a, *top = zl_dmarc_top(ctx, domain);

	if (zl_dmarc_has_policy(ctx, domain) || zl_dmarc_has_policy(ctx, top) ||
	    zl_psl_below_org(top))
		return true;
	for (a = zl_name_parent(domain);
	     zl_dmarc_bis(ctx) && a && zl_zone_of(ctx, a);
	     a = zl_name_parent(a))
		if (zl_dmarc_has_policy(ctx, a))
			return true;
	return false;
}

/* Whether rr starts a non-null MX RRset (RFC 7505). */
static bool real_mx(const struct zl_zone *z, const struct zl_rr *rr)
{
	const struct zl_rrset *s = zl_name_rrset(rr->owner, LDNS_RR_TYPE_MX);

	return &z->rrs[s->first] == rr &&
	       !(s->count == 1 && rr->nrdf == 2 && zl_rdf_name(&rr->rdf[1]) &&
		 strcmp(zl_rdf_name(&rr->rdf[1])->text, ".") == 0);
}

/* Whether rr makes its owner a mail domain: it starts a non-null MX
 * RRset, or it is TXT at a name with SPF and without MX. */
static bool mail_rr(const struct zl_zone *z, const struct zl_rr *rr,
		   const unsigned char *flags)
{
	if (rr->type == LDNS_RR_TYPE_MX)
		return real_mx(z, rr);
	return rr->type == LDNS_RR_TYPE_TXT && (flags[rr->owner->id] & N_SPF) &&
	       !zl_name_rrset(rr->owner, LDNS_RR_TYPE_MX);
}

/* RFC 7489 §6.6.3, RFC 9989 §4.10: a domain that receives (MX) or sends
 * (SPF) mail and has no policy at its own _dmarc nor at its
 * organisational domain's is open to exact-domain spoofing.  One policy
 * at the apex fixes them all, so the first such domain gets the finding
 * and the others a note each.  Two passes over the records: linear. */
static void dmarc_missing(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	unsigned char *flags = zl_xcalloc(z->nnames ? z->nnames : 1, 1);
	const struct zl_rr *first = NULL;
	zl_finding d = ZL_NO_FINDING;
	char more[64] = "", *where, *apex;
	size_t i, n = 0;
	bool silent = true;	/* no mail domain lets any host send */

	for (i = 0; i < z->nrrs; i++)
		if (z->rrs[i].type == LDNS_RR_TYPE_TXT &&
		    z->rrs[i].owner->in_zone && !z->rrs[i].owner->below_cut)
			note_spf(ctx, &z->rrs[i], flags);
	for (i = 0; i < 2 * z->nrrs; i++) {
		const struct zl_rr *rr = &z->rrs[i % z->nrrs];

		if (i == z->nrrs) {	/* second round: the notes */
			if (!first)
				break;
			if (n > 1)
				snprintf(more, sizeof more, " (and %zu other "
					 "mail domain%s here)", n - 1,
					 n > 2 ? "s" : "");
			apex = zl_xasprintf("_dmarc.%s",
					    zl_name_tail(z->origin->text));
			where = first->owner == z->origin ?
				zl_xasprintf("'%s'", apex) :
				zl_xasprintf("'_dmarc.%s' nor at '%s'",
					     zl_name_tail(first->owner->text),
					     apex);
			/* A domain that sends nothing (SPF "-all") is
			 * safe to reject for at once (M3AAWG parked
			 * domains); others start at p=none. */
			d = ZL_EMIT(ctx, first->src, zl_rr_type_tok(ctx->zone, first),
				    { "domain", first->owner->text },
				    { "apex", z->origin->text },
				    { "where", where }, { "others", more },
				    { "policy", apex },
				    { "record", silent ? "v=DMARC1; p=reject" :
				      "v=DMARC1; p=none; rua=mailto:..." },
				    { "then", silent ? ": SPF -all says no mail "
				      "is sent" : " and tighten it later" });
			/* the DNAMEs that send the queries elsewhere */
			free(where);
			where = zl_xasprintf("_dmarc.%s",
					     zl_name_tail(first->owner->text));
			(void)zl_note_dnames(ctx, d, where);
			if (first->owner != z->origin)
				(void)zl_note_dnames(ctx, d, apex);
			free(where);
			free(apex);
		}
		/* Only MX and TXT make mail domains: the type, in the record
		 * already read, spares the owner's node of every other. */
		if ((rr->type != LDNS_RR_TYPE_MX &&
		     rr->type != LDNS_RR_TYPE_TXT) ||
		    !candidate(rr->owner) ||
		    (flags[rr->owner->id] & N_TARGET) ||
		    !mail_rr(z, rr, flags) ||
		    !mark(flags, rr->owner, N_DONE << (i >= z->nrrs)) ||
		    covered(ctx, rr->owner->text))
			continue;
		if (i < z->nrrs) {
			first = first ? first : rr;
			n++;
			silent = silent &&
				 (flags[rr->owner->id] & (N_SPF | N_SENDS)) ==
				 N_SPF;
		} else if (rr->owner != first->owner) {
			zl_emit_note(ctx, d, rr->src, zl_rr_type_tok(ctx->zone, rr),
				     "'%s' has no DMARC policy either",
				     rr->owner->text);
		}
	}
	free(flags);
}

const struct zl_check zl_check_dmarc_missing = {
	.name = "dmarc-missing",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = dmarc_missing,
	.params = zl_dmarc_profile_params,
	/* record, then: the policy to publish, and why or what next */
	.vars = (const char *const[]){ "domain", "apex", "where", "others",
				       "policy", "record", "then", NULL },
};
