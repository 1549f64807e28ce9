/* check_suppress.c - the SUP rules (rules/suppress.yaml): `; zonelint:` comments that suppress nothing, name no rule, or cannot be read. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "suppress.h"

enum { P_UNUSED, P_UNKNOWN_RULE, P_MALFORMED };
static const struct zl_variant_spec supp_variants[] = {
	{ .key = "problem", .names = (const char *const[]){ "unused", "unknown-rule",
	  "malformed", NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec supp_params[] = { { .key = NULL } };

/* An id is unused when it names a rule that ran and found nothing there.
 * A rule that is off (by config, --ignore or --select) might have fired,
 * so its ids are not reported; nor are ids of the rules that run after
 * suppression, which cannot know yet whether they were used. */
static bool unused(const struct sid *id)
{
	return id->rule && !id->used && id->rule->severity != ZL_SEV_OFF &&
	       !id->rule->check->after_suppress;
}

static void report_ids(struct zl_ctx *ctx, bool want_unknown)
{
	const struct zl_supp *s = ctx->supp;
	const struct zl_src *src;
	const struct dir *d;
	const struct sid *id;
	char *rule;
	size_t i, k;

	for (i = 0; i < s->ndirs; i++) {
		d = &s->dirs[i];
		src = ctx->zone->srcs[d->src];
		for (k = 0; k < d->nid; k++) {
			id = &s->ids[d->id0 + k];
			if (want_unknown ? id->rule != NULL : !unused(id))
				continue;
			rule = zl_xstrndup(src->buf + id->at.off, id->at.len);
			ZL_EMIT(ctx, d->src, id->at, { "rule", rule },
				{ "directive", zl_supp_kind_names[d->kind] });
			free(rule);
		}
	}
}

static void suppressions(struct zl_ctx *ctx)
{
	unsigned problem = zl_rule_variant(ctx->rule, 0);
	const struct zl_supp *s = ctx->supp;
	size_t i;

	if (!s)
		return;
	if (problem == P_MALFORMED) {
		for (i = 0; i < s->nbads; i++) {
			ZL_EMIT(ctx, s->bads[i].src, s->bads[i].at,
				{ "reason", s->bads[i].why });
		}
	} else if (problem == P_UNKNOWN_RULE || !ctx->zone->lost_unread) {
		/* With a file of the zone unread, the findings that the
		 * rules leave out for it cannot tell whether an id is used. */
		report_ids(ctx, problem == P_UNKNOWN_RULE);
	}
}

const struct zl_check zl_check_suppressions = {
	.name = "suppressions",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = suppressions,
	.variants = supp_variants,
	.params = supp_params,
	.vars = (const char *const[]){ "rule", "directive", "reason", NULL },
	.after_suppress = true,
};
