/* zone_limits.c - what BIND refuses in a loaded zone over the limits its configuration sets for the zone (max-zone-ttl). */
#include <stdio.h>

#include "zone.h"
#include "zone_loader.h"

/* A record's TTL above the zone's max-zone-ttl: dns_master_load stops
 * with "TTL N exceeds configured max-zone-ttl M" and named does not load
 * the zone (BIND 9.18, ARM "max-zone-ttl", and the dnssec-policy's, which
 * replaces it).  A TTL above 2147483647 named loads as 0 (RFC 2181 §8),
 * and it does not hold the records of $GENERATE to the limit. */
static bool ttl_over(const struct zl_zone *z, const struct zl_server_zone *sz,
		     const struct zl_rr *rr, struct zl_loc *out, char *msg,
		     size_t n)
{
	struct zl_tok t;

	if (!sz->max_ttl || rr->ttl <= sz->max_ttl || rr->ttl > MAX_TTL ||
	    z->srcs[rr->src]->gen_parts)
		return false;
	/* at the TTL, or at the type when the record took it from $TTL or
	 * an earlier record */
	t = zl_rr_hdr(z, rr, ZL_HDR_TTL);
	if (!t.len)
		t = zl_rr_hdr(z, rr, ZL_HDR_TYPE);
	*out = zl_zone_loc(z, rr->src, t);
	snprintf(msg, n, "the TTL %u%s is above %u, the %s", (unsigned)rr->ttl,
		 rr->flags & ZL_RR_TTL_IMPLICIT ? " this record takes" : "",
		 (unsigned)sz->max_ttl, sz->max_ttl_policy ?
		 "max-zone-ttl of the zone's dnssec-policy" :
		 "zone's max-zone-ttl");
	return true;
}

bool zl_zone_over_limit(const struct zl_zone *z,
			const struct zl_server_zone *sz, size_t *i,
			struct zl_loc *out, char *msg, size_t n)
{
	if (!z || sz->kind != ZL_SERVER_BIND)
		return false;
	for (; *i < z->nrrs; (*i)++)
		if (ttl_over(z, sz, &z->rrs[*i], out, msg, n)) {
			(*i)++;
			return true;
		}
	return false;
}
