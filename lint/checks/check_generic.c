/* check_generic.c - parameterised primitives that most rules are built from:
 * "this record should not be here", "at most N records in this RRset". */
#include <stdio.h>
#include <string.h>

#include "check.h"

static const char *const at_choices[] = { "any", "apex", "wildcard", NULL };

enum { AT_ANY, AT_APEX, AT_WILDCARD };
static const struct zl_variant_spec present_variants[] = {
	{ .key = "at", .names = at_choices, .optional = true },
	{ .key = NULL },
};

static const struct zl_param_spec present_params[] = { { .key = NULL } };

/* Reports every selected record, optionally only at the zone apex or at a
 * wildcard owner: the rule's select: says what is unwanted. */
static void present(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	unsigned at = zl_rule_variant(ctx->rule, 0);

	if (at == AT_APEX && rr->owner != ctx->zone->origin)
		return;
	if (at == AT_WILDCARD && strncmp(rr->owner->text, "*.", 2) != 0)
		return;
	ZL_EMIT(ctx, rr->src, zl_rr_type_tok(ctx->zone, rr));
}

const struct zl_check zl_check_present = {
	.name = "present",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = present,
	.variants = present_variants,
	.params = present_params,
	.vars = (const char *const[]){ NULL },
};

static const struct zl_param_spec max_params[] = {
	{ .key = "max", .type = ZL_PT_INT, .dflt = "1", .min = 0, .max = 65535 },
	{ .key = NULL },
};

/* Reports each record of an RRset beyond the first `max`, with a note at
 * the first record. */
static void rrset_max(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	long max = zl_rule_int(ctx->rule, "max");
	const struct zl_rr *first = &z->rrs[ctx->set->first], *rr;
	char count[16], limit[16];
	long i = 0;

	if (ctx->set->count <= (uint32_t)max)
		return;
	snprintf(count, sizeof count, "%u", ctx->set->count);
	snprintf(limit, sizeof limit, "%ld", max);
	for (rr = first; rr; rr = zl_next_rr(z, rr)) {
		zl_finding d;

		if (i++ < max)
			continue;
		d = ZL_EMIT(ctx, rr->src, zl_rr_type_tok(ctx->zone, rr),
			    { "count", count }, { "max", limit });
		if (d != ZL_NO_FINDING && rr != first)
			zl_emit_note(ctx, d, first->src, zl_rr_type_tok(ctx->zone, first),
				     "the first one is here");
	}
}

const struct zl_check zl_check_rrset_max = {
	.name = "rrset-max",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = rrset_max,
	.params = max_params,
	.vars = (const char *const[]){ "count", "max", NULL },
};
