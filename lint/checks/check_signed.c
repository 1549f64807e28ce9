/* check_signed.c - DNSSEC as mail needs it: records that only DNSSEC
 * makes usable, in a zone served unsigned, and a parent's DS records
 * that no key of its child zone matches, which makes the zone bogus. */
#include <ldns/ldns.h>
#include <ldns/sha1.h>
#include <ldns/sha2.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "zone_lex.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The servers of mask (ZL_NOT_* bits) and the verb, "NSD serves", "BIND
 * and NSD serve", in buf (n bytes); returns its length. */
static size_t serve(char *buf, size_t n, unsigned mask)
{
	snprintf(buf, n, "%s %s", zl_servers_str(mask),
		 mask & (mask - 1) ? "serve" : "serves");
	return strlen(buf);
}

/* Whether the apex of z has an RRSIG record over its DNSKEY RRset: the
 * file was signed, and is served with its own keys.  (The loader reads an
 * RRSIG written in RFC 3597 form into its fields too.) */
static bool keys_signed(const struct zl_zone *z)
{
	const struct zl_rr *rr;
	const uint8_t *d;

	for (rr = zl_first_rr(z, z->origin, LDNS_RR_TYPE_RRSIG); rr;
	     rr = zl_next_rr(z, rr))
		if (rr->nrdf && rr->rdf[0].len == 2 &&
		    (d = zl_rdf_data(&rr->rdf[0])) &&
		    (d[0] << 8 | d[1]) == LDNS_RR_TYPE_DNSKEY)
			return true;
	return false;
}

/* RFC 6698 §4.1, RFC 7672 §2.2: a client uses TLSA records only when
 * DNSSEC validates them as secure; from a zone served unsigned they are
 * insecure, and a sender delivers as though there were none, with TLS it
 * does not authenticate.  SMIMEA records are read as TLSA records are
 * (RFC 8162 §2).  The zone is served unsigned when its file is not
 * signed and the servers that load it do not sign it as they load it. */
static void tlsa_unsigned(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *first = NULL;
	unsigned mask = z->served_unsigned;
	char what[64], served[64];
	size_t i, n[2] = { 0, 0 };

	if (!mask || !z->origin || keys_signed(z))
		return;
	for (i = 0; i < z->nrrs; i++)
		if (z->rrs[i].type == LDNS_RR_TYPE_TLSA ||
		    z->rrs[i].type == LDNS_RR_TYPE_SMIMEA) {
			if (!first)
				first = &z->rrs[i];
			n[z->rrs[i].type == LDNS_RR_TYPE_SMIMEA]++;
		}
	if (!first)
		return;
	snprintf(what, sizeof what, "%zu %s record%s", n[0] + n[1],
		 !n[1] ? "TLSA" : !n[0] ? "SMIMEA" : "TLSA and SMIMEA",
		 n[0] + n[1] == 1 ? "" : "s");
	serve(served, sizeof served, mask);
	ZL_EMIT_RR(ctx, first, { "domain", z->origin->text },
		   { "records", what }, { "served", served });
}

const struct zl_check zl_check_tlsa_unsigned = {
	.name = "tlsa-unsigned",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = tlsa_unsigned,
	.params = no_params,
	/* domain: the zone's apex; records: how many TLSA and SMIMEA
	 * records it has, "1 TLSA record", "3 TLSA and SMIMEA records";
	 * served: the servers that serve it unsigned and the verb, "NSD
	 * serves", "BIND and NSD serve" */
	.vars = (const char *const[]){ ZL_STD_VARS, "domain", "records",
				      "served", NULL },
};

/* Appends the rdata of rr in wire form to out (scratch: for the fields
 * whose wire form is made again). */
static void add_rdata(const struct zl_zone *z, const struct zl_rr *rr,
		      struct zl_buf *out, struct zl_buf *scratch)
{
	const uint8_t *d;
	unsigned i;

	for (i = 0; i < rr->nrdf; i++)
		if ((d = zl_rdf_wire(z, rr, i, scratch)))
			zl_buf_add(out, (const char *)d, rr->rdf[i].len);
}

/* Whether a validating resolver uses a DS record of algorithm alg and
 * digest type dt: the algorithms RFC 8624 §3.1 says to validate (RSASHA1
 * among them, which resolvers still know), digests SHA-1, SHA-256 and
 * SHA-384 (§3.3; GOST is not implemented). */
static bool ds_usable(uint8_t alg, uint8_t dt)
{
	return (alg == 5 || alg == 7 || alg == 8 || alg == 10 ||
		(alg >= 13 && alg <= 16)) && (dt == 1 || dt == 2 || dt == 4);
}

/* Whether the DS record ds (its rdata, n bytes, of a usable digest type)
 * matches one of the zone keys at the apex of z (RFC 4034 §5.1.4: the
 * digest of the owner's canonical wire form and the DNSKEY rdata). */
static bool ds_matches(const struct zl_zone *z, const uint8_t *ds, size_t n,
		       struct zl_buf *key, struct zl_buf *scratch)
{
	uint8_t owner[LDNS_MAX_DOMAINLEN + 1], digest[48];
	const uint8_t *k;
	const struct zl_rr *rr;
	size_t on = zl_name_wire(z->origin, owner), dl;

	dl = ds[3] == 1 ? 20 : ds[3] == 2 ? 32 : 48;
	if (n != 4 + dl)
		return false;
	for (rr = zl_first_rr(z, z->origin, LDNS_RR_TYPE_DNSKEY); rr;
	     rr = zl_next_rr(z, rr)) {
		key->len = 0;
		zl_buf_add(key, (const char *)owner, on);
		add_rdata(z, rr, key, scratch);
		k = (const uint8_t *)key->s;
		/* a zone key (RFC 4034 §2.1.1) of the DS record's algorithm */
		if (key->len < on + 4 || !(k[on] & 1) || k[on + 3] != ds[2])
			continue;
		if (ds[3] == 1)
			ldns_sha1(k, (unsigned)key->len, digest);
		else if (ds[3] == 2)
			ldns_sha256(k, (unsigned)key->len, digest);
		else
			ldns_sha384(k, (unsigned)key->len, digest);
		if (memcmp(digest, ds + 4, dl) == 0)
			return true;
	}
	return false;
}

/* The first DS record at the apex of z in its parent p (at: that name
 * in p) that a validating resolver uses and that matches no zone key of
 * z (none when keys is false: the zone is served without them), or NULL
 * when one of them matches or none is usable. */
static const struct zl_rr *ds_unmatched(const struct zl_zone *z,
					const struct zl_zone *p,
					const struct zl_name *at, bool keys)
{
	struct zl_buf rd = { 0 }, key = { 0 }, scratch = { 0 };
	const struct zl_rr *ds, *first = NULL;
	const uint8_t *d;

	for (ds = zl_first_rr(p, at, LDNS_RR_TYPE_DS); ds;
	     ds = zl_next_rr(p, ds)) {
		rd.len = 0;
		add_rdata(p, ds, &rd, &scratch);
		d = (const uint8_t *)rd.s;
		if (rd.len < 4 || !ds_usable(d[2], d[3]))
			continue;
		if (keys && ds_matches(z, d, rd.len, &key, &scratch)) {
			first = NULL;
			break;
		}
		if (!first)
			first = ds;
	}
	zl_buf_free(&rd);
	zl_buf_free(&key);
	zl_buf_free(&scratch);
	return first;
}

/* RFC 4035 §5.2: a validating resolver takes the zone's DNSKEY RRset as
 * secure only through a DS record of the parent that it can use and that
 * matches one of the keys; a parent with such DS records and no key that
 * matches them makes every answer of the zone bogus (DS records of
 * algorithms or digests the resolver does not know leave the zone
 * insecure instead).  The keys are those of the file when it is signed
 * (an RRSIG over its DNSKEY RRset), none when it is not and its servers
 * serve it unsigned; a zone a server signs as it loads it is not judged. */
static void ds_chain(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone, *p;
	const struct zl_name *at;
	const struct zl_rr *ds, *rr;
	const char *up;
	bool keys = keys_signed(z);
	size_t nkeys = 0, k;
	char why[96];
	zl_finding f;

	if (!z->origin || !z->nrrs || !(up = zl_name_parent(z->origin->text)) ||
	    !(p = zl_zone_of(ctx, up)) || p == z ||
	    !(at = zl_zone_lookup(p, z->origin->text)))
		return;
	for (rr = zl_first_rr(z, z->origin, LDNS_RR_TYPE_DNSKEY); rr;
	     rr = zl_next_rr(z, rr))
		nkeys++;
	if ((!keys && !z->served_unsigned) ||
	    !(ds = ds_unmatched(z, p, at, keys)))
		return;
	if (keys) {
		snprintf(why, sizeof why, "none matches its %zu DNSKEY "
			 "record%s", nkeys, nkeys == 1 ? "" : "s");
	} else {
		k = serve(why, sizeof why, z->served_unsigned);
		snprintf(why + k, sizeof why - k, " it unsigned");
	}
	rr = zl_first_rr(z, z->origin, keys ? LDNS_RR_TYPE_DNSKEY :
			 LDNS_RR_TYPE_SOA);
	f = ZL_EMIT_RR(ctx, rr ? rr : &z->rrs[0],
		       { "domain", z->origin->text },
		       { "parent", p->origin->text }, { "why", why });
	zl_emit_note_in(ctx, f, p, ds->src, ds->text, "a DS record of '%s' "
			"in '%s'", z->origin->text, p->origin->text);
}

const struct zl_check zl_check_ds_chain = {
	.name = "ds-chain",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = ds_chain,
	.params = no_params,
	/* domain: the zone's apex; parent: the apex of the zone of the run
	 * above it, which holds the DS records; why: what the keys are,
	 * "none matches its 2 DNSKEY records", "NSD serves it unsigned" */
	.vars = (const char *const[]){ ZL_STD_VARS, "domain", "parent",
				      "why", NULL },
};

/* An RRSIG time (RFC 4034 §3.1.5: seconds modulo 2^32, compared in serial
 * number arithmetic, RFC 1982) as the time nearest now that it names. */
static int64_t sig_time(uint32_t t, int64_t now)
{
	return now + (int32_t)(t - (uint32_t)now);
}

static const struct zl_param_spec sig_params[] = {
	/* signatures that expire within this many days are reported */
	{ .key = "days", .type = ZL_PT_INT, .dflt = "7", .min = 0,
	  .max = 3650 },
	{ .key = NULL },
};

/* RFC 4035 §5.3.1: a validating resolver takes a signature only between
 * its inception and its expiration; outside them the RRset it signs is
 * bogus, and an answer with it fails.  A signed file is served as it is
 * (NSD, or a server told not to sign), so its signatures must be valid
 * now and for a while: the zone's RRSIG records that expired, or are not
 * valid yet, are an error, given once with how many; those that expire
 * within the rule's days, a warning. */
static void sig_times(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	int64_t now = ctx->now ? ctx->now : (int64_t)time(NULL), exp, inc;
	int64_t soon = now + zl_rule_int(ctx->rule, "days") * 86400;
	const struct zl_rr *at[3] = { NULL, NULL, NULL };
	int64_t when[3] = { 0, 0, 0 };
	size_t n[3] = { 0, 0, 0 }, total = 0, i, k;
	struct zl_buf rd = { 0 }, scratch = { 0 };
	const uint8_t *d;
	char what[160], date[40];
	struct tm tm;
	time_t tt;
	zl_finding f;

	for (i = 0; i < z->nrrs; i++) {
		if (z->rrs[i].type != LDNS_RR_TYPE_RRSIG)
			continue;
		rd.len = 0;
		add_rdata(z, &z->rrs[i], &rd, &scratch);
		if (rd.len < 18)
			continue;
		total++;
		d = (const uint8_t *)rd.s;
		exp = sig_time(zl_be32(d + 8), now);
		inc = sig_time(zl_be32(d + 12), now);
		/* 0: expired, 1: not valid yet, 2: expires soon */
		k = exp < now ? 0 : inc > now ? 1 : exp <= soon ? 2 : 3;
		if (k == 3)
			continue;
		if (!at[k] || (k == 1 ? inc < when[k] : exp < when[k])) {
			at[k] = &z->rrs[i];
			when[k] = k == 1 ? inc : exp;
		}
		n[k]++;
	}
	zl_buf_free(&rd);
	zl_buf_free(&scratch);
	for (k = 0; k < 3 && !at[k]; k++)
		;
	if (k == 3)
		return;
	tt = (time_t)when[k];
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(date, sizeof date, "%lld", (long long)when[k]);
	snprintf(what, sizeof what, "%zu of the zone's %zu RRSIG records %s "
		 "%s", n[k], total, k == 0 ? "expired, the first on" :
		 k == 1 ? "are not valid before" : "expire, the first on",
		 date);
	if (k == 2)
		snprintf(what + strlen(what), sizeof what - strlen(what),
			 ", in %lld day%s", (long long)(when[k] - now) / 86400,
			 (when[k] - now) / 86400 == 1 ? "" : "s");
	f = ZL_EMIT_RR(ctx, at[k], { "what", what },
		       { "fail", k == 2 ? "will fail" : "fail" });
	if (k == 2)
		zl_emit_severity_default(ctx, f, ZL_SEV_WARNING);
}

const struct zl_check zl_check_sig_times = {
	.name = "sig-times",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = sig_times,
	.params = sig_params,
	/* what: which signatures and when, "3 of the zone's 17 RRSIG
	 * records expired, the first on 2020-01-01 00:00:00 UTC"; fail:
	 * "fail", or "will fail" for those that expire soon */
	.vars = (const char *const[]){ ZL_STD_VARS, "what", "fail", NULL },
};
