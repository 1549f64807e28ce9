/* check_zone.c - primitives over the zone as loaded: the loader's problems. */
#include <string.h>

#include "check.h"

/* A problem of another category is a server's refusal that a rule of its
 * own reports: "names-mx", an MX exchange BIND's check-names refuses,
 * which is MX005's (check_zone.c's rules would report it twice). */
static const char *const categories[] = {
	"syntax", "range", "include", "limit", "class", "soa", "outside",
	"ttl", "unchecked", "split", "portable", "inherited", "names", NULL
};

/* The loader names each problem's category with one of these. */
static const struct zl_variant_spec load_variants[] = {
	{ .key = "category", .names = categories },
	{ .key = NULL },
};

static const struct zl_param_spec load_params[] = { { .key = NULL } };

/* The loader keeps every record it could not read as a problem (DESIGN
 * §2.1: never stop at the first error); this reports those of one category,
 * so each category can be its own rule with its own severity. */
static void load_errors(struct zl_ctx *ctx)
{
	const char *cat = categories[zl_rule_variant(ctx->rule, 0)];
	const struct zl_zone *z = ctx->zone;
	size_t i;

	for (i = 0; i < z->nprobs; i++) {
		const struct zl_problem *p = &z->probs[i];

		if (strcmp(p->category, cat) == 0)
			ZL_EMIT(ctx, p->src, p->at, { "message", p->message },
				{ "help", p->help ? p->help : "" });
	}
}

const struct zl_check zl_check_load_errors = {
	.name = "load-errors",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = load_errors,
	.variants = load_variants,
	.params = load_params,
	.vars = (const char *const[]){ "message", "help", NULL },
};
