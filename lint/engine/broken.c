/* broken.c - follow-on findings (docs/rules.md, "One cause, one finding"): the records a run knows to be broken or lost. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"

static bool needs(const struct zl_rule *r, uint16_t type)
{
	size_t i;

	for (i = 0; i < r->nneeds; i++)
		if (r->needs[i] == type)
			return true;
	return false;
}

static int pos_cmp(const void *pa, const void *pb)
{
	const struct zl_rr *a = *(const struct zl_rr *const *)pa;
	const struct zl_rr *b = *(const struct zl_rr *const *)pb;

	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->text.off < b->text.off ? -1 : a->text.off > b->text.off;
}

static int lost_cmp(const void *pa, const void *pb)
{
	const struct zl_lost *a = pa, *b = pb;

	if (a->owner->id != b->owner->id)
		return a->owner->id < b->owner->id ? -1 : 1;
	return a->type < b->type ? -1 : a->type > b->type;
}

/* The broken record that holds offset off of source src, or NULL:
 * records are disjoint runs of their source, so the one that may hold it
 * is the last that starts at or before it. */
static const struct zl_rr *broken_at(const struct zl_broken *b, uint16_t src,
				     uint32_t off)
{
	const struct zl_rr *rr;
	size_t lo = 0, hi = b->nrr, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		rr = b->rr[m];
		if (rr->src < src || (rr->src == src && rr->text.off <= off))
			lo = m + 1;
		else
			hi = m;
	}
	rr = lo ? b->rr[lo - 1] : NULL;
	return rr && rr->src == src && off < rr->text.off + rr->text.len ?
	       rr : NULL;
}

bool zl_broken_on(const struct zl_broken *b, const struct zl_rule *r,
		  uint16_t src, struct zl_tok at)
{
	const struct zl_rr *rr;

	if (r->breaks || !b->nrr)
		return false;
	rr = broken_at(b, src, at.off);
	return rr && needs(r, rr->type);
}

bool zl_rr_broken(const struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return ctx->broken && broken_at(ctx->broken, rr->src, rr->text.off) == rr;
}

/* The first of the lost records at n, which are sorted by owner. */
static size_t lost_first(const struct zl_broken *b, const struct zl_name *n)
{
	size_t lo = 0, hi = b->nlost, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (b->lost[m].owner->id < n->id)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/* Whether r needs records of a type it does not select: it judges a
 * name by what else is there (SPF016 the TXT records of a name with MX,
 * ZONE019 the NS records at a DS record's owner). */
static bool needs_unselected(const struct zl_rule *r)
{
	size_t i, k;

	if (!r->ntypes)		/* it selects every type */
		return false;
	for (i = 0; i < r->nneeds; i++) {
		for (k = 0; k < r->ntypes && r->types[k] != r->needs[i]; k++)
			;
		if (k == r->ntypes)
			return true;
	}
	return false;
}

bool zl_broken_unread(const struct zl_broken *b, const struct zl_rule *r,
		      const struct zl_name *n)
{
	return b && b->lost_all && n->in_zone && needs_unselected(r);
}

/* Records outside the origin are not the zone's, lost or not: a zone
 * whose SOA is outside it has none (ZONE013). */
bool zl_broken_lost(const struct zl_broken *b, const struct zl_rule *r,
		    const struct zl_name *n)
{
	size_t i;

	if (r->nneeds && b->lost_all && (!n || zl_broken_unread(b, r, n)))
		return true;
	if (!r->nneeds || !b->nlost)
		return false;
	for (i = n ? lost_first(b, n) : 0;
	     i < b->nlost && (!n || b->lost[i].owner == n); i++)
		if ((n || b->lost[i].owner->in_zone) &&
		    (!b->lost[i].type || needs(r, b->lost[i].type)))
			return true;
	return false;
}

bool zl_lost_at(const struct zl_ctx *ctx, const struct zl_name *n,
		uint16_t type)
{
	const struct zl_broken *b = ctx->broken;
	size_t i;

	if (!b || !n)
		return false;
	if (b->lost_all && n->in_zone &&
	    zl_zone_lookup(ctx->zone, n->text) == n)
		return true;
	/* A type zonelint does not know may answer for any (gdnsd's DYNA
	 * for addresses): a target with one is not called missing. */
	for (i = lost_first(b, n); i < b->nlost && b->lost[i].owner == n; i++)
		if (!type || !b->lost[i].type || b->lost[i].type == type ||
		    b->lost[i].type == ZL_TYPE_OTHER)
			return true;
	return false;
}

void zl_broken_mark(struct zl_broken *b, const struct zl_rr *rr)
{
	zl_xgrow((void **)&b->rr, &b->caprr, b->nrr + 1, sizeof *b->rr);
	b->rr[b->nrr++] = rr;
}

void zl_broken_drop(struct zl_broken *b, size_t idx)
{
	zl_xgrow((void **)&b->drop, &b->capdrop, b->ndrop + 1,
		 sizeof *b->drop);
	b->drop[b->ndrop++] = idx;
}

void zl_broken_settle(struct zl_broken *b)
{
	if (b->nrr > 1)
		qsort(b->rr, b->nrr, sizeof *b->rr, pos_cmp);
}

void zl_broken_start(struct zl_broken *b, const struct zl_zone *z)
{
	b->nlost = z->nlost;
	b->lost_all = z->lost_unread;
	if (z->nlost) {
		b->lost = zl_xcalloc(z->nlost, sizeof *b->lost);
		memcpy(b->lost, z->lost, z->nlost * sizeof *b->lost);
		qsort(b->lost, b->nlost, sizeof *b->lost, lost_cmp);
	}
}

void zl_broken_free(struct zl_broken *b)
{
	free(b->rr);
	free(b->lost);
	free(b->drop);
}
