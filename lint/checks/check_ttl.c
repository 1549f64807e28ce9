/* check_ttl.c - primitives for TTLs (RFC 2181 §5.2 and §8). */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The token to point at for a record's TTL: the TTL when written, else the
 * type (the TTL was inherited from $TTL or an earlier record). */
static struct zl_tok ttl_tok(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_tok t = zl_rr_hdr(z, rr, ZL_HDR_TTL);

	return t.len ? t : zl_rr_type_tok(z, rr);
}

static const struct zl_param_spec consistent_params[] = { { .key = NULL } };

/* What a record's TTL must match: signatures by the type they cover (RFC
 * 4034 §3: an RRSIG has the TTL of the RRset it signs, so the signatures
 * at one name differ as their RRsets do), other records all alike. */
static uint16_t ttl_group(const struct zl_rr *rr)
{
	if ((rr->type == LDNS_RR_TYPE_RRSIG || rr->type == LDNS_RR_TYPE_SIG) &&
	    rr->nrdf > 0)
		return zl_rdf_u16(&rr->rdf[0]);
	return 0;
}

/* Sets of up to this many records find each one's first of its group by
 * going over those before it; a larger one keeps a table by group. */
#define SMALL_SET 64

/* The first record of rr's group in its set, which starts at first. */
static const struct zl_rr *group_first(const struct zl_zone *z,
				       const struct zl_rr *first,
				       const struct zl_rr *rr,
				       const struct zl_rr **table)
{
	uint16_t g = ttl_group(rr);
	const struct zl_rr *o;

	if (table) {
		if (!table[g])
			table[g] = rr;
		return table[g];
	}
	for (o = first; ttl_group(o) != g; o = zl_next_rr(z, o))
		;
	return o;
}

/* RFC 2181 §5.2: all records of an RRset have the same TTL; servers and
 * resolvers treat a mix as an error or use the lowest.  Reported at each
 * record that differs from the first of its group, with a note there. */
static void ttl_consistent(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *first = &z->rrs[ctx->set->first], *rr, *f;
	const struct zl_rr **table = NULL;
	char a[16], b[16];

	if (ctx->set->count > SMALL_SET && ttl_group(first) != 0)
		table = zl_xcalloc(65536, sizeof *table);
	for (rr = first; rr; rr = zl_next_rr(z, rr)) {
		zl_finding d;

		f = group_first(z, first, rr, table);
		if (rr->ttl == f->ttl)
			continue;
		snprintf(a, sizeof a, "%u", rr->ttl);
		snprintf(b, sizeof b, "%u", f->ttl);
		d = ZL_EMIT(ctx, rr->src, ttl_tok(ctx->zone, rr), { "ttl", a },
			    { "first", b });
		zl_emit_note(ctx, d, f->src, ttl_tok(ctx->zone, f),
			     "the first %s%s has TTL %u", ttl_group(f) ?
			     "signature of the records of type " :
			     "record of the set", ttl_group(f) ?
			     zl_type_str(ttl_group(f)) : "", f->ttl);
	}
	free(table);
}

const struct zl_check zl_check_ttl_consistent = {
	.name = "ttl-consistent",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = ttl_consistent,
	.params = consistent_params,
	.vars = (const char *const[]){ "ttl", "first", NULL },
};

static const char *const of_choices[] = { "any", "mx-target", NULL };

enum { OF_ANY, OF_MX_TARGET };
static const struct zl_variant_spec range_variants[] = {
	{ .key = "of", .names = of_choices, .optional = true },
	{ .key = NULL },
};

static const struct zl_param_spec range_params[] = {
	{ .key = "min", .type = ZL_PT_INT, .dflt = "0", .min = 0, .max = 2147483647 },
	{ .key = "max", .type = ZL_PT_INT, .dflt = "2147483647", .min = 0,
	  .max = 2147483647 },
	{ .key = NULL },
};

/* A TTL outside an operator's chosen range: too short multiplies queries
 * and makes mail delivery depend on every lookup succeeding, too long makes
 * a broken record stick in caches (RFC 1912 §2.2 gives typical values).
 * `of: mx-target` limits the rule to names that an MX in the zone points
 * at. */
/* Whether one of the 64 records before rr in its RRset has rr's TTL: an
 * RRset's records share their TTL (RFC 2181 §5.2), and one finding says
 * it; in a larger set, past the first 64 with other TTLs, each record is
 * reported, so that a set of 65,535 records costs no quadratic walk. */
static bool ttl_said(const struct zl_zone *z, const struct zl_rr *rr)
{
	const struct zl_rrset *s = zl_name_rrset(rr->owner, rr->type);
	uint32_t i;
	int k;

	for (i = s->first, k = 0; &z->rrs[i] != rr && k < 64;
	     i = z->rrs[i].next, k++)
		if (z->rrs[i].ttl == rr->ttl)
			return true;
	return false;
}

/* What the help adds to the range: where the TTL comes from.  A record
 * that writes no TTL takes the one $TTL or an earlier record set (RFC
 * 2308 §4, RFC 1035 §5.1), so the fix is made there, and the finding
 * points at the type.  Cloudflare's zone export writes its "Auto" TTL
 * (300 s served) as 1 on every record: a written 1 is most likely that,
 * and a server that loads the file serves 1 second; a $TTL 1 is not. */
static const char *range_hint(const struct zl_zone *z, const struct zl_rr *rr)
{
	/* BIND's default without $TTL after an SOA without TTL (RFC 2308
	 * §4), which no earlier record's TTL changes */
	if (rr->flags & ZL_RR_TTL_SOA_MIN)
		return "; this record gives no TTL of its own and no $TTL "
		       "comes before it: BIND gives it the SOA's minimum, "
		       "Knot DNS and NSD 3600, so write a $TTL";
	if (zl_rr_hdr(z, rr, ZL_HDR_TTL).len == 0)
		return "; this record gives no TTL of its own: it takes the "
		       "one $TTL or an earlier record sets, so change it there";
	if (rr->ttl == 1)
		return "; TTL 1 is how a Cloudflare export writes its "
		       "automatic TTL, which a server loading this file "
		       "serves as 1 second";
	return "";
}

/* Whether rr's TTL is outside the rule's range, at a name the rule is
 * about. */
static bool ttl_out(const struct zl_rule *r, const struct zl_zone *z,
		    const struct zl_rr *rr)
{
	(void)z;
	/* The owner's test first: it rules out most records, and costs
	 * less than reading the parameters by name. */
	if (zl_rule_variant(r, 0) == OF_MX_TARGET &&
	    !(rr->owner->refs & ZL_REF_MX))
		return false;
	return rr->ttl < (unsigned long)zl_rule_int(r, "min") ||
	       rr->ttl > (unsigned long)zl_rule_int(r, "max");
}

static void ttl_range(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	char ttl[16], lo[16], hi[16];

	if (!ttl_out(ctx->rule, ctx->zone, rr) || ttl_said(ctx->zone, rr))
		return;
	snprintf(ttl, sizeof ttl, "%u", rr->ttl);
	snprintf(lo, sizeof lo, "%ld", zl_rule_int(ctx->rule, "min"));
	snprintf(hi, sizeof hi, "%ld", zl_rule_int(ctx->rule, "max"));
	ZL_EMIT(ctx, rr->src, ttl_tok(ctx->zone, rr), { "ttl", ttl },
		{ "min", lo }, { "max", hi },
		{ "hint", range_hint(ctx->zone, rr) });
}

const struct zl_check zl_check_ttl_range = {
	.name = "ttl-range",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.could = ttl_out,
	.fn = ttl_range,
	.variants = range_variants,
	.params = range_params,
	/* hint: where the TTL comes from, or what a TTL of 1 usually is */
	.vars = (const char *const[]){ "ttl", "min", "max", "hint", NULL },
};
