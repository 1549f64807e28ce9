/* check_generic.c - parameterised primitives that most rules are built from:
 * "this record should not be here", "at most N records in this RRset". */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rrtext.h"

static const char *const at_choices[] = { "any", "apex", "wildcard",
					   "delegation", "non-delegation",
					   "inner-star", NULL };

enum { AT_ANY, AT_APEX, AT_WILDCARD, AT_DELEGATION, AT_NON_DELEGATION,
       AT_INNER_STAR };
static const struct zl_variant_spec present_variants[] = {
	{ .key = "at", .names = at_choices, .optional = true },
	{ .key = NULL },
};

static const struct zl_param_spec present_params[] = { { .key = NULL } };

/* Whether canonical name text has a label '*' after its first: no
 * wildcard (RFC 4592 §2.1.1), a label like any other.  Labels end at a
 * '.' that no backslash escapes. */
static bool inner_star(const char *s)
{
	const char *label = s;
	bool first = true;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			continue;
		}
		if (*s != '.')
			continue;
		if (!first && s - label == 1 && *label == '*')
			return true;
		first = false;
		label = s + 1;
	}
	return false;
}

/* Whether the record's owner is where the rule's `at` asks: a delegation
 * is a name below the apex with NS records. */
static bool at_place(const struct zl_rule *r, const struct zl_zone *z,
		     const struct zl_rr *rr)
{
	const struct zl_name *n = rr->owner;
	bool apex = n == z->origin;
	unsigned at = zl_rule_variant(r, 0);

	switch (at) {
	case AT_APEX:
		return apex;
	case AT_WILDCARD:
		return strncmp(n->text, "*.", 2) == 0;
	case AT_INNER_STAR:
		return inner_star(n->text);
	case AT_DELEGATION:
	case AT_NON_DELEGATION:
		return !apex && (at == AT_DELEGATION) ==
		       (zl_first_rr(z, n, LDNS_RR_TYPE_NS) != NULL);
	default:
		return true;
	}
}

/* Reports every selected record, optionally only at the zone apex, at a
 * wildcard owner, or below the apex at or away from a delegation: the
 * rule's select: says what is unwanted. */
static void present(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;

	if (at_place(ctx->rule, ctx->zone, rr))
		ZL_EMIT(ctx, rr->src, zl_rr_type_tok(ctx->zone, rr));
}

const struct zl_check zl_check_present = {
	.name = "present",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = present,
	.could = at_place,
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
static int cmp_rr(const void *a, const void *b)
{
	const struct zl_rr *x = *(const struct zl_rr *const *)a;
	const struct zl_rr *y = *(const struct zl_rr *const *)b;

	return x < y ? -1 : x > y;
}

/* More than max records in the RRset: each one after the first max is
 * reported, with a note at the first.  The same record written twice is
 * one record (RFC 2181 §5: servers keep it once), so only distinct ones
 * count. */
static void rrset_max(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	long max = zl_rule_int(ctx->rule, "max");
	const struct zl_rr *first = &z->rrs[ctx->set->first], **v;
	char count[16], limit[16];
	struct zl_rrtexts t;
	size_t i;

	if (ctx->set->count <= (uint32_t)max)
		return;
	zl_rrtexts_at(&t, z, ctx->name->text, ctx->set->type, NULL);
	v = zl_xcalloc(t.n ? t.n : 1, sizeof *v);
	for (i = 0; i < t.n; i++)
		v[i] = t.v[i].rr;
	qsort(v, t.n, sizeof *v, cmp_rr);	/* the records' order */
	snprintf(count, sizeof count, "%zu", t.n);
	snprintf(limit, sizeof limit, "%ld", max);
	for (i = (size_t)max; i < t.n; i++) {
		zl_finding d = ZL_EMIT(ctx, v[i]->src, zl_rr_type_tok(z, v[i]),
				       { "count", count }, { "max", limit });

		if (v[i] != first)
			zl_emit_note(ctx, d, first->src,
				     zl_rr_type_tok(z, first),
				     "the first one is here");
	}
	free(v);
	zl_rrtexts_free(&t);
}

const struct zl_check zl_check_rrset_max = {
	.name = "rrset-max",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = rrset_max,
	.params = max_params,
	.vars = (const char *const[]){ "count", "max", NULL },
};
