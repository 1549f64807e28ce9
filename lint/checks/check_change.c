/* check_change.c - primitives that compare a zone with its version at the
 * base of a change (zl_ctx.base): mail records changed before their old TTL
 * could run out, DKIM keys withdrawn, MX records dropped from a name that
 * still looks like it receives mail. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rrtext.h"
#include "spf.h"
#include "tagvalue.h"

/* The most of a removed record a note quotes. */
#define QUOTE_MAX 72

/* Each record of base whose text the current version no longer has, as a
 * note of finding f: what senders may still hold. */
static void note_removed(struct zl_ctx *ctx, zl_finding f,
			 const struct zl_rr *at, const struct zl_rrtexts *old,
			 const struct zl_rrtexts *cur)
{
	size_t i;
	char *line;

	for (i = 0; i < old->n; i++) {
		if (zl_rrtexts_has(cur, old->v[i].text))
			continue;
		line = zl_rrtext_line(ctx->base, old->v[i].rr, QUOTE_MAX);
		zl_emit_note(ctx, f, at->src, at->text,
			     "at the base, now gone: '%s'", line);
		free(line);
	}
}

/* The records of type at name in the base, all gone now, as notes of f. */
static void note_gone(struct zl_ctx *ctx, zl_finding f, const struct zl_rr *at,
		      const char *name, uint16_t type)
{
	struct zl_rrtexts old, none = { 0 };

	zl_rrtexts_at(&old, ctx->base, name, type, NULL);
	note_removed(ctx, f, at, &old, &none);
	zl_rrtexts_free(&old);
}

/* The zone's base version, or NULL when there is none or it has another
 * origin: a file renamed so that its name gives another origin holds
 * another zone, whose names would all look removed. */
static const struct zl_zone *base_of(const struct zl_ctx *ctx)
{
	const struct zl_zone *b = ctx->base, *z = ctx->zone;

	return b && b->origin && z->origin &&
	       strcmp(b->origin->text, z->origin->text) == 0 ? b : NULL;
}

/* Whether rr is the first record of its RRset (each set visited once). */
static bool set_first(const struct zl_zone *z, const struct zl_rr *rr)
{
	const struct zl_rrset *s = zl_name_rrset(rr->owner, rr->type);

	return s && &z->rrs[s->first] == rr;
}

/* ---- changed-within-ttl ---- */

enum { W_MX, W_SPF, W_DMARC };
static const struct zl_variant_spec within_variants[] = {
	{ .key = "record", .names = (const char *const[]){ "mx", "spf",
	  "dmarc", NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec within_params[] = {
	/* the longest old TTL a change may be made under, in seconds */
	{ .key = "ttl", .type = ZL_PT_INT, .dflt = "3600", .min = 0,
	  .max = 2147483647 },
	{ .key = NULL },
};

/* Compares the records of type at name (kept by keep) between the base
 * and now; reports a change made while the base's TTL was over the
 * limit.  what describes them ("the MX records of 'example.com.'"). */
static void compare(struct zl_ctx *ctx, const char *name, uint16_t type,
		    zl_rrtext_keep *keep, const char *what)
{
	long limit = zl_rule_int(ctx->rule, "ttl");
	struct zl_rrtexts old, cur;
	const struct zl_rr *at;
	char ttl[16], lim[16];
	zl_finding f;

	zl_rrtexts_at(&old, ctx->base, name, type, keep);
	zl_rrtexts_at(&cur, ctx->zone, name, type, keep);
	if (old.n && old.ttl > (unsigned long)limit &&
	    !zl_rrtexts_equal(&old, &cur)) {
		snprintf(ttl, sizeof ttl, "%lu", (unsigned long)old.ttl);
		snprintf(lim, sizeof lim, "%ld", limit);
		/* gone: at the name's remaining record, or the SOA */
		if ((at = cur.first) ||
		    (at = zl_rrtext_anchor(ctx->zone, name))) {
			f = ZL_EMIT(ctx, at->src, at->text, { "what", what },
				    { "name", name }, { "ttl", ttl },
				    { "limit", lim });
			note_removed(ctx, f, at, &old, &cur);
		}
	}
	zl_rrtexts_free(&old);
	zl_rrtexts_free(&cur);
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const void *const *)a;
	uintptr_t y = (uintptr_t)*(const void *const *)b;

	return (x > y) - (x < y);
}

/* The A and AAAA records of each name the base's MX records point at,
 * each name once: a sender that cached an MX may go on to the address it
 * cached for the target. */
static void compare_targets(struct zl_ctx *ctx)
{
	const struct zl_zone *b = ctx->base;
	const struct zl_name **t = zl_xcalloc(b->nrrs + 1, sizeof *t);
	const struct zl_rr *rr;
	size_t i, n = 0;
	char *what;

	for (i = 0; i < b->nrrs; i++) {
		rr = &b->rrs[i];
		if (rr->type == LDNS_RR_TYPE_MX && rr->nrdf >= 2 &&
		    zl_rdf_name(&rr->rdf[1]) && zl_name_sets(zl_rdf_name(&rr->rdf[1])))
			t[n++] = zl_rdf_name(&rr->rdf[1]);
	}
	qsort(t, n, sizeof *t, cmp_ptr);
	for (i = 0; i < n; i++) {
		if (i && t[i] == t[i - 1])
			continue;
		what = zl_xasprintf("the addresses of MX target '%s'",
				    t[i]->text);
		compare(ctx, t[i]->text, LDNS_RR_TYPE_A, NULL, what);
		compare(ctx, t[i]->text, LDNS_RR_TYPE_AAAA, NULL, what);
		free(what);
	}
	free(t);
}

/* RFC 1035 §3.2.1, RFC 2308 §5: resolvers keep a record for its TTL, so a
 * change reaches every sender only once the old TTL has run out.  Mail
 * guides say: lower the TTL first, wait, switch, raise it again. */
static void changed_within_ttl(struct zl_ctx *ctx)
{
	const struct zl_zone *b = base_of(ctx);
	unsigned v = zl_rule_variant(ctx->rule, 0);
	const struct zl_rr *rr;
	const char *name;
	char *what;
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->nrrs; i++) {
		rr = &b->rrs[i];
		name = rr->owner->text;
		if (!set_first(b, rr) ||
		    rr->type != (v == W_MX ? LDNS_RR_TYPE_MX : LDNS_RR_TYPE_TXT) ||
		    (v == W_DMARC) != (strncmp(name, "_dmarc.", 7) == 0))
			continue;
		if (v == W_MX) {
			what = zl_xasprintf("the MX records of '%s'", name);
			compare(ctx, name, LDNS_RR_TYPE_MX, NULL, what);
		} else if (v == W_SPF) {
			what = zl_xasprintf("the SPF policy of '%s'", name);
			compare(ctx, name, LDNS_RR_TYPE_TXT, zl_rrtext_is_spf,
				what);
		} else {
			what = zl_xasprintf("the DMARC policy at '%s'", name);
			compare(ctx, name, LDNS_RR_TYPE_TXT, zl_rrtext_is_dmarc,
				what);
		}
		free(what);
	}
	if (v == W_MX)
		compare_targets(ctx);
}

const struct zl_check zl_check_changed_within_ttl = {
	.name = "changed-within-ttl",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = changed_within_ttl,
	.variants = within_variants,
	.params = within_params,
	.vars = (const char *const[]){ "what", "name", "ttl", "limit", NULL },
};

/* ---- dkim-selector-removed ---- */

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* Whether a TXT record of the base publishes a key: a p= tag with a value
 * (an empty p= revokes the key, RFC 6376 §3.6.1). */
static bool publishes_key(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_tv_rec *r = zl_tv_rec_new(z, rr);
	const struct zl_tv_tag *p = zl_tv_find(&r->tv, r->txt.s, "p", false);
	bool key = p && p->value.len > 0;

	zl_tv_rec_free(r);
	return key;
}

/* RFC 6376 §3.6.2.1 and §6.1.2: a verifier looks the key up when the
 * message arrives, or when it is read again; mail signed with a selector
 * that is gone fails verification.  Revoke it with an empty p= first, or
 * keep it until mail signed with it has been delivered and read. */
static void dkim_selector_removed(struct zl_ctx *ctx)
{
	const struct zl_zone *b = base_of(ctx);
	const struct zl_name *now;
	const struct zl_rr *rr, *k, *at;
	const char *name, *dk;
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->nrrs; i++) {
		rr = &b->rrs[i];
		name = rr->owner->text;
		dk = strstr(name, "._domainkey.");
		if (!dk || dk == name || !set_first(b, rr) ||
		    (rr->type != LDNS_RR_TYPE_TXT &&
		     (rr->type != LDNS_RR_TYPE_CNAME ||
		      zl_name_rrset(rr->owner, LDNS_RR_TYPE_TXT))))
			continue;
		for (k = rr; k && rr->type == LDNS_RR_TYPE_TXT &&
		     !publishes_key(b, k); k = zl_next_rr(b, k))
			;
		now = zl_zone_lookup(ctx->zone, name);
		if (!k || (now && (zl_name_rrset(now, LDNS_RR_TYPE_TXT) ||
				   zl_name_rrset(now, LDNS_RR_TYPE_CNAME))) ||
		    !(at = zl_rrtext_anchor(ctx->zone, name)))
			continue;
		note_gone(ctx, ZL_EMIT(ctx, at->src, at->text,
				       { "selector", name }), at, name, rr->type);
	}
}

const struct zl_check zl_check_dkim_selector_removed = {
	.name = "dkim-selector-removed",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = dkim_selector_removed,
	.params = no_params,
	.vars = (const char *const[]){ "selector", NULL },
};

/* ---- mx-removed ---- */

/* Whether an SPF record of n authorises some sender: a mechanism with the
 * pass qualifier other than a bare "-all" world, or a redirect. */
static const struct zl_rr *spf_authorises(const struct zl_zone *z,
					  const struct zl_name *n)
{
	struct zl_rrtexts spf;
	const struct zl_rr *hit = NULL;
	struct zl_spf p;
	size_t i, t;

	zl_rrtexts_at(&spf, z, n->text, LDNS_RR_TYPE_TXT, zl_rrtext_is_spf);
	for (i = 0; i < spf.n && !hit; i++) {
		zl_spf_parse(&p, spf.v[i].text, strlen(spf.v[i].text));
		for (t = 0; t < p.nterms && !hit; t++)
			if (p.terms[t].kind == ZL_SPF_REDIRECT ||
			    (p.terms[t].kind < ZL_SPF_REDIRECT &&
			     p.terms[t].qualifier == '+'))
				hit = spf.v[i].rr;
		zl_spf_free(&p);
	}
	zl_rrtexts_free(&spf);
	return hit;
}

/* RFC 5321 §5.1: without MX records a sender delivers to the name's A or
 * AAAA record (the implicit MX).  A name that drops its MX records while
 * it keeps addresses, or an SPF policy that says it sends mail, now
 * receives mail at its web server; RFC 7505's null MX says it receives
 * none. */
static void mx_removed(struct zl_ctx *ctx)
{
	const struct zl_zone *b = base_of(ctx);
	const struct zl_name *now;
	const struct zl_rr *rr, *at;
	const char *what;
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->nrrs; i++) {
		rr = &b->rrs[i];
		if (rr->type != LDNS_RR_TYPE_MX || !set_first(b, rr) ||
		    !(now = zl_zone_lookup(ctx->zone, rr->owner->text)) ||
		    zl_name_rrset(now, LDNS_RR_TYPE_MX))
			continue;
		what = "address records";
		if (!(at = zl_first_rr(ctx->zone, now, LDNS_RR_TYPE_A)) &&
		    !(at = zl_first_rr(ctx->zone, now, LDNS_RR_TYPE_AAAA))) {
			what = "an SPF policy that authorises senders";
			if (!(at = spf_authorises(ctx->zone, now)))
				continue;
		}
		note_gone(ctx, ZL_EMIT(ctx, at->src, at->text,
				       { "name", now->text }, { "what", what }),
			  at, now->text, LDNS_RR_TYPE_MX);
	}
}

const struct zl_check zl_check_mx_removed = {
	.name = "mx-removed",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = mx_removed,
	.params = no_params,
	.vars = (const char *const[]){ "name", "what", NULL },
};
