/* zone_limits.c - what BIND refuses in a loaded zone over the limits its configuration sets for the zone (max-zone-ttl, max-records-per-type, max-types-per-name), and over the size it holds an RRset to whatever the configuration. */
#include <stdio.h>
#include <stdlib.h>

#include "zone.h"
#include "zone_loader.h"

/* Whether record k is above max-zone-ttl: not a TTL above 2147483647,
 * which named loads as 0 (RFC 2181 §8), nor a record of $GENERATE, which
 * named does not hold to it. */
static bool above(const struct zl_zone *z, uint32_t max, size_t k)
{
	const struct zl_rr *rr = &z->rrs[k];

	return rr->ttl > max && rr->ttl <= MAX_TTL &&
	       !z->srcs[rr->src]->gen_parts;
}

/* Whether record k takes the same TTL as the one before it, both
 * without a TTL of their own in one file: one run of a $TTL. */
static bool same_run(const struct zl_zone *z, size_t k)
{
	const struct zl_rr *a = &z->rrs[k - 1], *b = &z->rrs[k];

	return (a->flags & b->flags & ZL_RR_TTL_IMPLICIT) &&
	       a->src == b->src && a->ttl == b->ttl;
}

/* A record's TTL above the zone's max-zone-ttl: dns_master_load stops
 * with "TTL N exceeds configured max-zone-ttl M" and named does not load
 * the zone (BIND 9.18, ARM "max-zone-ttl", and the dnssec-policy's, which
 * replaces it).  Of the records that take one TTL from $TTL or the
 * record before, one after another, the first is said, with how many
 * follow. */
static bool ttl_over(const struct zl_zone *z, const struct zl_server_zone *sz,
		     uint32_t k, struct zl_loc *out, char *msg, size_t n)
{
	const struct zl_rr *rr = &z->rrs[k];
	struct zl_tok t;
	size_t more = 0;
	char after[48] = "";

	if (!sz->max_ttl || !above(z, sz->max_ttl, k) ||
	    (k > 0 && same_run(z, k) && above(z, sz->max_ttl, k - 1)))
		return false;
	while (k + more + 1 < z->nrrs && same_run(z, k + more + 1) &&
	       above(z, sz->max_ttl, k + more + 1))
		more++;
	if (more)
		snprintf(after, sizeof after, " (and the %zu record%s after "
			 "it)", more, more == 1 ? "" : "s");
	/* at the TTL, or at the type when the record took it from $TTL or
	 * an earlier record */
	t = zl_rr_hdr(z, rr, ZL_HDR_TTL);
	if (!t.len)
		t = zl_rr_hdr(z, rr, ZL_HDR_TYPE);
	*out = zl_zone_loc(z, rr->src, t);
	snprintf(msg, n, "the TTL %u%s%s is above %u, the %s",
		 (unsigned)rr->ttl, rr->flags & ZL_RR_TTL_IMPLICIT ?
		 " this record takes" : "", after, (unsigned)sz->max_ttl,
		 sz->max_ttl_policy ? "max-zone-ttl of the zone's "
		 "dnssec-policy" : "zone's max-zone-ttl");
	return true;
}

#define RRSIG 46	/* RFC 4034 §3 */

/* The type an RRSIG record covers (its first field), 0 when unread. */
static uint16_t covered(const struct zl_rr *rr)
{
	const uint8_t *d = rr->nrdf ? zl_rdf_data(&rr->rdf[0]) : NULL;

	return d && rr->rdf[0].len == 2 ? (uint16_t)(d[0] << 8 | d[1]) : 0;
}

static int cmp_u16(const void *a, const void *b)
{
	uint16_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;

	return (x > y) - (x < y);
}

/* Of the RRSIG records of set s: how many types they cover (*types), and
 * the most records that cover one type (returned), that type in *most. */
static uint32_t sig_groups(const struct zl_zone *z, const struct zl_rrset *s,
			   uint32_t *types, uint16_t *most)
{
	uint16_t *v = zl_xmalloc((size_t)s->count * sizeof *v);
	uint32_t i, n = 0, run = 0, best = 0;

	for (i = s->first; i != ZL_NONE; i = z->rrs[i].next)
		v[n++] = covered(&z->rrs[i]);
	qsort(v, n, sizeof *v, cmp_u16);
	for (*types = 0, i = 0; i < n; i++) {
		run = i && v[i] == v[i - 1] ? run + 1 : 1;
		*types += run == 1;
		if (run > best) {
			best = run;
			*most = v[i];
		}
	}
	free(v);
	return best;
}

/* Where a finding at rr stands: its owner, else (a blank owner) its
 * type. */
static struct zl_loc at_owner(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_tok t = zl_rr_hdr(z, rr, ZL_HDR_OWNER);

	return zl_zone_loc(z, rr->src, t.len ? t :
			   zl_rr_hdr(z, rr, ZL_HDR_TYPE));
}

/* An RRset of more records than max-records-per-type (BIND 9.18.28 and
 * later, 100 by default; RRSIG records by the type they cover), at the
 * set's first record: named counts each record as written, the same one
 * twice too, and stops loading with "too many records". */
static bool rrset_over(const struct zl_zone *z,
		       const struct zl_server_zone *sz, uint32_t k,
		       struct zl_loc *out, char *msg, size_t n)
{
	const struct zl_rr *rr = &z->rrs[k];
	const struct zl_rrset *s;
	const char *name;
	char what[40];
	uint32_t count, types;
	uint16_t type = rr->type;

	if (!sz->max_rrset || !(s = zl_name_rrset(rr->owner, rr->type)) ||
	    s->first != k || s->count <= sz->max_rrset)
		return false;
	count = s->count;
	if (rr->type == RRSIG &&
	    (count = sig_groups(z, s, &types, &type)) <= sz->max_rrset)
		return false;
	*out = at_owner(z, rr);
	if ((name = zl_type_name(type)))
		snprintf(what, sizeof what, "%s", name);
	else
		snprintf(what, sizeof what, "TYPE%u", (unsigned)type);
	snprintf(msg, n, "%u %s records%s%s at '%s', above its "
		 "max-records-per-type %u", (unsigned)count,
		 rr->type == RRSIG ? "RRSIG" : what,
		 rr->type == RRSIG ? " covering " : "",
		 rr->type == RRSIG ? what : "", rr->owner->text,
		 (unsigned)sz->max_rrset);
	return true;
}

/* A name with more RRsets than max-types-per-name (BIND 9.18.28 and
 * later, 100 by default; RRSIG records one for each type they cover),
 * at the name's first record. */
static bool types_over(const struct zl_zone *z,
		       const struct zl_server_zone *sz, uint32_t k,
		       struct zl_loc *out, char *msg, size_t n)
{
	const struct zl_rr *rr = &z->rrs[k];
	const struct zl_rrset *s;
	uint32_t sets = 0, bound = 0, types;
	uint16_t most;
	bool sigs = false;

	if (!sz->max_types)
		return false;
	for (s = zl_name_sets(rr->owner); s; s = s->next) {
		if (s->first < k)
			return false;
		bound += s->type == RRSIG ? s->count : 1;
	}
	if (bound <= sz->max_types)
		return false;
	for (s = zl_name_sets(rr->owner); s; s = s->next) {
		types = 1;
		if (s->type == RRSIG) {
			(void)sig_groups(z, s, &types, &most);
			sigs = true;
		}
		sets += types;
	}
	if (sets <= sz->max_types)
		return false;
	*out = at_owner(z, rr);
	snprintf(msg, n, "'%s' holds %u RRsets%s, above its "
		 "max-types-per-name %u", rr->owner->text, (unsigned)sets,
		 sigs ? " (RRSIG records one for each type they cover)" : "",
		 (unsigned)sz->max_types);
	return true;
}

bool zl_zone_over_limit(const struct zl_zone *z,
			const struct zl_server_zone *sz, size_t *i,
			struct zl_loc *out, char *msg, size_t n)
{
	uint32_t k;
	bool over;

	if (!z || sz->kind != ZL_SERVER_BIND)
		return false;
	/* three findings a record may be the place of */
	for (; *i / 3 < z->nrrs; (*i)++) {
		k = (uint32_t)(*i / 3);
		over = *i % 3 == 0 ? ttl_over(z, sz, k, out, msg, n) :
		       *i % 3 == 1 ? rrset_over(z, sz, k, out, msg, n) :
		       types_over(z, sz, k, out, msg, n);
		if (over) {
			(*i)++;
			return true;
		}
	}
	return false;
}

/* ---- the size of an RRset ---- */

/* A hash of rr's rdata in wire form: a record written twice is one (RFC
 * 2181 §5), however its strings are written ("a", a and \097 are one, as
 * BIND compares the rdata it merges).  scratch holds a string's wire
 * form. */
static uint64_t rdata_key(const struct zl_zone *z, const struct zl_rr *rr,
			  struct zl_buf *scratch)
{
	uint64_t h = rr->nrdf, v;
	const struct zl_rdf *f;
	uint32_t k;

	if (!rr->nrdf)	/* kept as written: the text stands for it */
		return zl_hash(zl_tok_text(z, rr->src, rr->text), rr->text.len);
	for (k = 0; k < rr->nrdf; k++) {
		f = &rr->rdf[k];
		if (zl_rdf_name(f)) {
			v = (uint64_t)(uintptr_t)zl_rdf_name(f);
		} else if (zl_rdf_data(f) || !f->len) {
			v = zl_hash(zl_rdf_data(f), f->len);
		} else {	/* a string read from the source */
			v = zl_hash(zl_rdf_wire(z, rr, k, scratch), f->len);
		}
		h = h * 0x9E3779B97F4A7C15u ^ v;
	}
	return h;
}

struct sized {
	uint64_t key;
	size_t len;		/* 2 and the rdata */
};

static int cmp_key(const void *a, const void *b)
{
	uint64_t x = ((const struct sized *)a)->key;
	uint64_t y = ((const struct sized *)b)->key;

	return x < y ? -1 : x > y;
}

/* BIND holds an RRset of ZL_RRSET_BIND_MAX bytes at most, counting 2
 * bytes and the rdata of each distinct record, and refuses the zone over
 * a larger one (a single record is zl_rdata_convert's).  Summed only
 * where it may go over: a set of many records, or any set in a zone with
 * a large record. */
static void rrset_size(struct zl_zone *z, const struct zl_rrset *s)
{
	const struct zl_rr *rr;
	struct zl_buf scratch = { 0 };
	struct sized *v;
	size_t sum = 0, n = 0, j;
	uint32_t i, k;

	if (s->count < 2 || (s->count < ZL_RRSET_SUMMED && !z->nbig))
		return;
	v = zl_xmalloc(s->count * sizeof *v);
	for (i = s->first; i != ZL_NONE; i = z->rrs[i].next, n++) {
		rr = &z->rrs[i];
		v[n].key = rdata_key(z, rr, &scratch);
		for (v[n].len = 2, k = 0; k < rr->nrdf; k++)
			v[n].len += rr->rdf[k].len;
	}
	qsort(v, n, sizeof *v, cmp_key);
	for (j = 0; j < n; j++)
		if (j == 0 || v[j].key != v[j - 1].key)
			sum += v[j].len;
	free(v);
	zl_buf_free(&scratch);
	if (sum <= ZL_RRSET_BIND_MAX)
		return;
	/* At the owner of the set's first record (its header's other
	 * tokens are zone_record.c's to read). */
	rr = &z->rrs[s->first];
	zl_zone_refused(z, ZL_NOT_BIND, "portable", rr->src,
			(struct zl_tok){ rr->text.off, rr->owner_len },
			"RRset of %u records at "
			"'%s' of %zu bytes, 2 a record and its rdata, which "
			"BIND refuses: it holds %d at most", (unsigned)s->count,
			rr->owner->text, sum, ZL_RRSET_BIND_MAX);
}

void zl_zone_rrset_sizes(struct zl_zone *z)
{
	struct zl_name_iter it = { 0, 0 };
	const struct zl_name *n;
	const struct zl_rrset *s;

	while ((n = zl_zone_name_next(z, &it)) != NULL)
		for (s = zl_name_sets(n); s; s = s->next)
			rrset_size(z, s);
}
