/* check_serial.c - the SOA serial against the zone's version at a base (the
 * commit before the change): changed records need a higher serial. */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

/* The records of a zone in canonical form, one byte string each, so that
 * two versions compare as sets: what is written differently but means the
 * same (comments, spacing, order, relative or absolute names, case of
 * names) is the same string. */
struct canon {
	uint8_t *buf;
	size_t len, cap;
	size_t *off;		/* n + 1 offsets into buf */
	size_t n, capoff;
	struct str {
		const uint8_t *p;
		size_t len;
	} *v;			/* the strings, sorted, each once (build) */
	size_t nv;
};

static void put(struct canon *c, const void *p, size_t n)
{
	zl_xgrow((void **)&c->buf, &c->cap, c->len + n, 1);
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void put32(struct canon *c, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
			 (uint8_t)(v >> 8), (uint8_t)v };

	put(c, b, sizeof b);
}

/* A name or a field, with its length first so that no two sequences of
 * fields run together into the same bytes. */
static void put_field(struct canon *c, const void *p, size_t n)
{
	put32(c, (uint32_t)n);
	put(c, p, n);
}

enum { SOA_SERIAL = 2 };	/* the rdata field, RFC 1035 §3.3.13 */

/* One record: owner, type, class, TTL, then each rdata field (names in
 * canonical text, the rest in wire form; rdata zonelint does not read, as
 * written).  The SOA serial is left out: it is what is being judged. */
static void add_rr(struct canon *c, const struct zl_zone *z,
		   const struct zl_rr *rr, struct zl_buf *scratch)
{
	unsigned i;

	zl_xgrow((void **)&c->off, &c->capoff, c->n + 2, sizeof *c->off);
	c->off[c->n] = c->len;
	put_field(c, rr->owner->text, rr->owner->len);
	put32(c, (uint32_t)rr->type << 16 | z->klass);
	put32(c, rr->ttl);
	for (i = 0; i < rr->nrdf; i++) {
		const struct zl_rdf *f = &rr->rdf[i];

		if (rr->type == LDNS_RR_TYPE_SOA && i == SOA_SERIAL)
			continue;
		if (zl_rdf_name(f))
			put_field(c, f->v.dname->text, f->v.dname->len);
		else
			put_field(c, zl_rdf_wire(z, rr, i, scratch), f->len);
	}
	if (rr->nrdf == 0 && rr->ntok > 0) {
		struct zl_tok a = zl_rr_tok(z, rr, 0);
		struct zl_tok b = zl_rr_tok(z, rr, rr->ntok - 1u);

		put_field(c, zl_tok_text(z, rr->src, a), b.off + b.len - a.off);
	}
	c->off[++c->n] = c->len;
}

static int str_cmp(const void *pa, const void *pb)
{
	const struct str *a = pa, *b = pb;
	int r = memcmp(a->p, b->p, a->len < b->len ? a->len : b->len);

	return r ? r : (a->len > b->len) - (a->len < b->len);
}

static void canon_free(void *arg)
{
	struct canon *c = arg;

	free(c->buf);
	free(c->off);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* Every record of z, sorted, each kept once (a zone is a set of records:
 * RFC 2181 §5 drops duplicates). */
static void build(struct canon *c, const struct zl_zone *z)
{
	struct zl_buf scratch = { 0 };
	size_t i, k;

	for (i = 0; i < z->nrrs; i++)
		add_rr(c, z, &z->rrs[i], &scratch);
	zl_buf_free(&scratch);
	c->v = zl_xcalloc(c->n ? c->n : 1, sizeof *c->v);
	for (i = 0; i < c->n; i++) {
		c->v[i].p = c->buf + c->off[i];
		c->v[i].len = c->off[i + 1] - c->off[i];
	}
	qsort(c->v, c->n, sizeof *c->v, str_cmp);
	for (i = k = 0; i < c->n; i++)
		if (k == 0 || str_cmp(&c->v[k - 1], &c->v[i]) != 0)
			c->v[k++] = c->v[i];
	c->nv = k;
}

/* Whether the two zones hold different records (the serial aside). */
static bool records_differ(const struct zl_zone *a, const struct zl_zone *b)
{
	struct canon ca = { 0 }, cb = { 0 };
	size_t i;
	bool differ;

	zl_cleanup_push(canon_free, &ca);
	zl_cleanup_push(canon_free, &cb);
	build(&ca, a);
	build(&cb, b);
	differ = ca.nv != cb.nv;
	for (i = 0; !differ && i < ca.nv; i++)
		differ = str_cmp(&ca.v[i], &cb.v[i]) != 0;
	zl_cleanup_pop();
	zl_cleanup_pop();
	canon_free(&cb);
	canon_free(&ca);
	return differ;
}

static const struct zl_rr *apex_soa(const struct zl_zone *z)
{
	const struct zl_rr *rr = zl_first_rr(z, z->origin, LDNS_RR_TYPE_SOA);

	return rr && rr->nrdf > SOA_SERIAL && rr->rdf[SOA_SERIAL].len == 4 ?
	       rr : NULL;
}

static uint32_t serial_of(const struct zl_rr *soa)
{
	return zl_be32(zl_rdf_data(&soa->rdf[SOA_SERIAL]));
}

/* YYYYMMDD of a date-style serial YYYYMMDDnn (RFC 1912 §2.2), or 0. */
static uint32_t date_part(uint32_t s)
{
	uint32_t d = s / 100, y = d / 10000, m = d / 100 % 100, day = d % 100;

	return y >= 1970 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 &&
	       day <= 31 ? d : 0;
}

/* The serial to suggest after base, in base's style: a date YYYYMMDDnn
 * (today's, or the next nn when today's is taken), Unix time, or a
 * counter.  now is the time to use (seconds since 1970). */
static uint32_t next_serial(uint32_t base, int64_t now)
{
	time_t t = (time_t)now;
	struct tm tm;
	uint32_t today, cand;

	if (date_part(base) && gmtime_r(&t, &tm)) {
		today = (uint32_t)(tm.tm_year + 1900) * 10000 +
			(uint32_t)(tm.tm_mon + 1) * 100 + (uint32_t)tm.tm_mday;
		cand = today * 100;
		return cand > base ? cand : base + 1;
	}
	/* Unix time: from 2001-09-09 (10 digits) to a year after now. */
	if (base >= 1000000000 && (int64_t)base <= now + 366 * 86400)
		return now > (int64_t)base && now <= UINT32_MAX ?
		       (uint32_t)now : base + 1;
	/* A counter; past 4294967295 it wraps to 1 (RFC 1982 allows 0, but
	 * some tools take it for "no serial"). */
	return base + 1 ? base + 1 : 1;
}

static const struct zl_param_spec serial_params[] = { { .key = NULL } };

/* RFC 1996 §2.2, RFC 1034 §4.3.5: a secondary transfers a zone only when
 * the primary's serial is greater than its own, compared in RFC 1982
 * serial arithmetic; changed records under an unchanged, lower or
 * wrapped-too-far serial never reach the secondaries.  A serial lowered
 * with the records the same is a warning: nothing is lost yet, but the
 * secondaries ignore the zone until its serial passes the old one, and
 * the next change is judged against the lower one. */
static void serial_increase(struct zl_ctx *ctx)
{
	const struct zl_rr *soa, *bsoa;
	uint32_t s, b, d;
	char ss[16], bs[16], next[16];
	const char *what;
	int64_t now;
	bool changed;
	zl_finding f;

	/* Knot DNS's zonefile-load: difference-no-serial serves the change
	 * under a serial of its own, whatever the file's says */
	if (!ctx->base || ctx->zone->serial_own ||
	    (soa = apex_soa(ctx->zone)) == NULL ||
	    (bsoa = apex_soa(ctx->base)) == NULL)
		return;
	s = serial_of(soa);
	b = serial_of(bsoa);
	d = s - b;	/* modulo 2^32 */
	if (d > 0 && d < UINT32_C(0x80000000))
		return;
	/* d == 0: the same; d >= 2^31: lower, or so far ahead that it reads
	 * as lower. */
	if (!(changed = records_differ(ctx->zone, ctx->base)) && d == 0)
		return;
	now = ctx->now ? ctx->now : (int64_t)time(NULL);
	snprintf(ss, sizeof ss, "%u", s);
	snprintf(bs, sizeof bs, "%u", b);
	snprintf(next, sizeof next, "%u", next_serial(b, now));
	/* RFC 1982 §3.2: a serial exactly 2^31 away is neither greater nor
	 * less; some secondaries take it as newer, some do not. */
	what = d == UINT32_C(0x80000000) ?
	       (changed ? "records changed but SOA serial moved 2^31, which "
			  "RFC 1982 §3.2 leaves undefined:" :
			  "SOA serial moved 2^31, which RFC 1982 §3.2 leaves "
			  "undefined:") :
	       changed ? "records changed but SOA serial" :
	       "SOA serial lowered:";
	f = ZL_EMIT(ctx, soa->src,
		    zl_rr_field_tok(ctx->zone, soa, SOA_SERIAL),
		    { "serial", ss }, { "base_serial", bs }, { "next", next },
		    { "fix", next }, { "what", what });
	if (!changed)
		zl_emit_severity_default(ctx, f, ZL_SEV_WARNING);
}

const struct zl_check zl_check_serial_increase = {
	.name = "serial-increase",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = serial_increase,
	.params = serial_params,
	.vars = (const char *const[]){ "serial", "base_serial", "next", "fix",
				       "what", NULL },
};
