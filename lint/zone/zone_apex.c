/* zone_apex.c - the apex's DNSSEC RRsets as the servers check them when a
 * zone loads. */
#include "zone_lex.h"

#include <ldns/ldns.h>
#include <string.h>

/* The apex's NSEC3PARAM RRset: BIND wants a record of a hash algorithm
 * it supports, 1 (SHA-1, RFC 5155 §4.1.1), Knot DNS one record at most,
 * of algorithm 0 or 1. */
static void nsec3param(struct zl_zone *z)
{
	const struct zl_rrset *set =
		zl_name_rrset(z->origin, LDNS_RR_TYPE_NSEC3PARAM);
	const struct zl_rr *rr;
	bool sha1 = false;
	unsigned distinct = 0, alg, refused;
	uint32_t i, j;

	if (!set)
		return;
	for (i = set->first; i != ZL_NONE; i = z->rrs[i].next) {
		sha1 |= z->rrs[i].nrdf > 0 &&
			zl_rdf_data(&z->rrs[i].rdf[0])[0] == 1;
		/* a record written twice is one (RFC 2181 §5) */
		for (j = set->first; j != i &&
		     !zl_rr_same_rdata(&z->rrs[j], &z->rrs[i]);
		     j = z->rrs[j].next)
			;
		distinct += j == i;
	}
	rr = &z->rrs[set->first];
	alg = rr->nrdf > 0 ? zl_rdf_data(&rr->rdf[0])[0] : 0;
	refused = (sha1 ? 0 : ZL_NOT_BIND) |
		  (distinct == 1 && alg > 1 ? ZL_NOT_KNOT : 0);
	if (refused)
		zl_zone_refused(z, refused, "portable", rr->src,
				zl_rr_hdr(z, rr, ZL_HDR_TYPE), "NSEC3PARAM "
				"at the apex without hash algorithm 1 "
				"(SHA-1), which %s", zl_servers_refuse(refused));
	if (distinct > 1)
		zl_zone_refused(z, ZL_NOT_KNOT, "portable", rr->src,
				zl_rr_hdr(z, rr, ZL_HDR_TYPE), "%u NSEC3PARAM "
				"records at the apex, which Knot DNS refuses: "
				"it reads one", distinct);
}

/* rr's rdata in wire form, into b. */
static void rdata_wire(const struct zl_zone *z, const struct zl_rr *rr,
		       struct zl_buf *b, struct zl_buf *scratch)
{
	unsigned i;

	b->len = 0;
	for (i = 0; i < rr->nrdf; i++)
		zl_buf_add(b, (const char *)zl_rdf_wire(z, rr, i, scratch),
			   rr->rdf[i].len);
}

/* The delete records of RFC 8078 §4: "CDS 0 0 0 00", "CDNSKEY 0 3 0 AA==". */
static bool is_delete(uint16_t type, const struct zl_buf *b)
{
	return b->len == 5 && memcmp(b->s, type == LDNS_RR_TYPE_CDS ?
				     "\0\0\0\0\0" : "\0\0\3\0\0", 5) == 0;
}

/* Whether BIND takes the apex's CDS or CDNSKEY RRset (type): a DNSKEY
 * record of each DNSSEC algorithm it names, and a delete record alone. */
static bool signals_ok(struct zl_zone *z, uint16_t type,
		       const struct zl_rrset *keys)
{
	const struct zl_rrset *set = zl_name_rrset(z->origin, type);
	bool have[256] = { false }, del = false, other = false, ok = true;
	struct zl_buf b = { 0 }, scratch = { 0 };
	uint32_t i;

	for (i = keys ? keys->first : ZL_NONE; i != ZL_NONE; i = z->rrs[i].next)
		if (z->rrs[i].nrdf > 2)
			have[zl_rdf_data(&z->rrs[i].rdf[2])[0]] = true;
	for (i = set->first; i != ZL_NONE; i = z->rrs[i].next) {
		rdata_wire(z, &z->rrs[i], &b, &scratch);
		if (is_delete(type, &b)) {
			del = true;
			continue;
		}
		other = true;
		/* the algorithm: CDS's third byte, CDNSKEY's fourth */
		ok &= b.len >= 4 &&
		      have[(uint8_t)b.s[type == LDNS_RR_TYPE_CDS ? 2 : 3]];
	}
	zl_buf_free(&b);
	zl_buf_free(&scratch);
	return ok && !(del && other);
}

/* BIND checks the CDS and CDNSKEY records (RFC 7344 §4.1, RFC 8078 §4)
 * against the apex's DNSKEY records as it loads the zone. */
static void signals(struct zl_zone *z)
{
	static const uint16_t types[2] = { LDNS_RR_TYPE_CDS,
					   LDNS_RR_TYPE_CDNSKEY };
	const struct zl_rrset *keys =
		zl_name_rrset(z->origin, LDNS_RR_TYPE_DNSKEY), *set;
	const struct zl_rr *rr;
	size_t t;

	for (t = 0; t < 2; t++) {
		if (!(set = zl_name_rrset(z->origin, types[t])) ||
		    signals_ok(z, types[t], keys))
			continue;
		rr = &z->rrs[set->first];
		zl_zone_refused(z, ZL_NOT_BIND, "portable", rr->src,
				zl_rr_hdr(z, rr, ZL_HDR_TYPE), "%s records "
				"at the apex that name an algorithm no DNSKEY "
				"record there has, or hold a delete record "
				"beside others, which BIND refuses",
				t ? "CDNSKEY" : "CDS");
	}
}

void zl_zone_apex_checks(struct zl_zone *z)
{
	if (!z->origin)
		return;
	nsec3param(z);
	signals(z);
}
