/* check_cname.c - primitives for aliases (RFC 1034 §3.6.2, RFC 2181 §10). */
#include <ldns/ldns.h>
#include <string.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* RFC 2181 §10.3: the target of an MX (or NS, SRV) must not be an alias;
 * RFC 5321 §5.1 lets an SMTP client refuse such an MX.  Only in-zone aliases
 * can be seen offline, so out-of-zone targets are never reported. */
static void target_not_alias(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr, *cname;
	const struct zl_name *target;
	const char *canonical;
	struct zl_diag *d;
	int f = zl_rr_name_field(rr, 0);

	if (f < 0 || !(target = rr->rdf[f].name))
		return;
	cname = zl_first_rr(ctx->zone, target, LDNS_RR_TYPE_CNAME);
	if (!cname || cname->nrdf < 1 || !cname->rdf[0].name)
		return;
	canonical = cname->rdf[0].name->text;
	{
		struct zl_var v[] = {
			{ "target", target->text },
			{ "canonical", canonical },
		};
		d = zl_emit(ctx, rr->src,
			    zl_rr_field_tok(ctx->zone, rr, (unsigned)f), v, 2);
	}
	if (d)
		zl_emit_note(ctx, d, cname->src, zl_rr_type_tok(cname),
			     "the CNAME is here");
}

const struct zl_check zl_check_target_not_alias = {
	.name = "target-not-alias",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_not_alias,
	.params = no_params,
	.vars = (const char *const[]){ "target", "canonical", NULL },
};

/* Types that DNSSEC allows beside a CNAME (RFC 4035 §2.5, RFC 5155). */
static bool allowed_with_cname(uint16_t type)
{
	return type == LDNS_RR_TYPE_CNAME || type == LDNS_RR_TYPE_RRSIG ||
	       type == LDNS_RR_TYPE_NSEC || type == LDNS_RR_TYPE_NSEC3;
}

/* RFC 1034 §3.6.2 and RFC 2181 §10.1: a name with a CNAME has no other
 * data.  Reported once at the CNAME, with a note at each other RRset. */
static void cname_exclusive(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *cname = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_CNAME);
	const struct zl_rrset *s;
	struct zl_buf others = { 0 };
	struct zl_diag *d;

	if (!cname)
		return;
	for (s = ctx->name->sets; s; s = s->next) {
		if (allowed_with_cname(s->type))
			continue;
		if (others.len)
			zl_buf_add(&others, ", ", 2);
		zl_buf_addf(&others, "%s", zl_type_str(s->type));
	}
	if (!others.len)
		return;
	{
		struct zl_var v[] = { { "others", others.s } };
		d = zl_emit(ctx, cname->src, zl_rr_type_tok(cname), v, 1);
	}
	for (s = ctx->name->sets; d && s; s = s->next) {
		const struct zl_rr *rr = &z->rrs[s->first];

		if (!allowed_with_cname(s->type))
			zl_emit_note(ctx, d, rr->src, zl_rr_type_tok(rr),
				     "the %s record is here",
				     zl_type_str(s->type));
	}
	zl_buf_free(&others);
}

const struct zl_check zl_check_cname_exclusive = {
	.name = "cname-exclusive",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = cname_exclusive,
	.params = no_params,
	.vars = (const char *const[]){ "others", NULL },
};
