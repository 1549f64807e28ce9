/* check_required.c - "every zone (or every mail domain) must publish X":
 * records whose absence is the finding, for site rules (docs/site-rules.md). */
#include <ldns/ldns.h>
#include <string.h>

#include "check.h"
#include "txt.h"

/* Where the required records are: relative to the zone's apex, or to each
 * name of the zone that receives mail (has an MX RRset other than a null
 * MX, RFC 7505). */
enum { AT_APEX, AT_MAIL_DOMAINS };
static const struct zl_variant_spec required_variants[] = {
	{ .key = "at", .names = (const char *const[]){ "apex",
	  "mail-domains", NULL } },
	{ .key = NULL },
};

/* The types a site rule can require; TXT and SPF records are matched on
 * their joined text, the others on their rdata as written. */
static const char *const type_names[] = { "TXT", "MX", "A", "AAAA", "CNAME",
	"NS", "TLSA", "CAA", "SRV", "HTTPS", "SVCB", "SPF", "SOA", NULL };

static const struct zl_param_spec required_params[] = {
	/* relative to the domain: "_dmarc", "_smtp._tls"; "@" the domain */
	{ .key = "name", .type = ZL_PT_STR, .dflt = "'@'" },
	{ .key = "type", .type = ZL_PT_ENUM, .dflt = "TXT",
	  .choices = type_names },
	/* each must match the text of one and the same record */
	{ .key = "text", .type = ZL_PT_REGEXLIST, .dflt = "[]" },
	{ .key = NULL },
};

/* Whether the text of rr matches every pattern of p: 1, 0, or -1 when a
 * match was cut short (no finding is better than a wrong one). */
static int text_matches(struct zl_ctx *ctx, const struct zl_param *p,
			const struct zl_rr *rr)
{
	const struct zl_zone *z = ctx->zone;
	struct zl_txt t;
	const char *s;
	size_t len, i;
	int hit = 1;

	if (p->n == 0)
		return 1;
	if (rr->type == LDNS_RR_TYPE_TXT || rr->type == LDNS_RR_TYPE_SPF) {
		zl_txt_from_rr(&t, z, rr);
		s = t.s;
		len = t.len;
	} else {
		struct zl_tok a = zl_rr_field_tok(z, rr, 0);
		struct zl_tok b = zl_rr_field_tok(z, rr, rr->nrdf - 1u);

		s = z->srcs[rr->src]->buf + a.off;
		len = rr->nrdf ? b.off + b.len - a.off : 0;
	}
	for (i = 0; i < p->n && hit == 1; i++)
		hit = zl_ctx_match(ctx, p->res[i], s, len);
	if (rr->type == LDNS_RR_TYPE_TXT || rr->type == LDNS_RR_TYPE_SPF)
		zl_txt_free(&t);
	return hit;
}

/* Checks the records required of domain d, reporting at record `at` (NULL:
 * at the start of the zone's file). */
static void require(struct zl_ctx *ctx, const struct zl_name *d,
		    const struct zl_rr *at)
{
	const char *rel = zl_rule_str(ctx->rule, "name");
	const char *type = zl_rule_str(ctx->rule, "type");
	const struct zl_param *text = zl_rule_param(ctx->rule, "text");
	struct zl_buf want = { 0 }, pats = { 0 };
	struct zl_tok where = { 0, 0 };
	const struct zl_name *n;
	const struct zl_rr *rr;
	uint16_t code = 0;
	size_t i;

	if (strcmp(rel, "@") == 0 || !*rel)
		zl_buf_addf(&want, "%s", d->text);
	else if (rel[strlen(rel) - 1] == '.')	/* absolute */
		zl_buf_addf(&want, "%s", rel);
	else
		zl_buf_addf(&want, "%s.%s", rel,
			    strcmp(d->text, ".") ? d->text : "");
	if (!zl_type_parse(type, strlen(type), &code))
		goto out;
	n = zl_zone_lookup(ctx->zone, want.s);
	for (rr = zl_first_rr(ctx->zone, n, code); rr;
	     rr = zl_next_rr(ctx->zone, rr))
		if (text_matches(ctx, text, rr) != 0)
			goto out;
	for (i = 0; i < text->n; i++)
		zl_buf_addf(&pats, "%s'%s'", i ? " and " : "", text->keys[i]);
	if (at)
		where = zl_rr_type_tok(ctx->zone, at);
	ZL_EMIT(ctx, at ? at->src : 0, where, { "name", want.s },
		{ "domain", d->text }, { "rrtype", type },
		{ "text", pats.s ? pats.s : "" });
out:
	zl_buf_free(&want);
	zl_buf_free(&pats);
}

/* Whether rr is an MX record of a domain that receives mail: the first of
 * its RRset, not a null MX, at a name this zone serves. */
static bool mail_domain_mx(const struct zl_zone *z, const struct zl_rr *rr)
{
	const struct zl_rr *o;

	if (rr->type != LDNS_RR_TYPE_MX ||
	    zl_first_rr(z, rr->owner, LDNS_RR_TYPE_MX) != rr ||
	    !rr->owner->in_zone || zl_text_below_cut(z, rr->owner->text))
		return false;
	for (o = rr; o; o = zl_next_rr(z, o))
		if (o->nrdf >= 2 && zl_rdf_name(&o->rdf[1]) &&
		    strcmp(zl_rdf_name(&o->rdf[1])->text, ".") != 0)
			return true;
	return false;
}

static void required(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *at;
	size_t i;

	/* A zone whose records the loader all left out (outside its
	 * origin, say) lacks what the apex needs too; empty input is
	 * nothing to judge. */
	if (!z->origin || (!z->nrrs && !z->nlost))
		return;
	if (zl_rule_variant(ctx->rule, 0) == AT_APEX) {
		at = zl_first_rr(z, z->origin, LDNS_RR_TYPE_SOA);
		require(ctx, z->origin, at ? at : z->nrrs ? &z->rrs[0] : NULL);
		return;
	}
	for (i = 0; i < z->nrrs; i++)
		if (mail_domain_mx(z, &z->rrs[i]))
			require(ctx, z->rrs[i].owner, &z->rrs[i]);
}

const struct zl_check zl_check_required = {
	.name = "required",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = required,
	.variants = required_variants,
	.params = required_params,
	/* name: the absolute name required; domain: the apex or mail domain
	 * it belongs to; rrtype: the type; text: the patterns, quoted */
	.vars = (const char *const[]){ "name", "domain", "rrtype", "text",
				       NULL },
};
