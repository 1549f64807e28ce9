/* check_dmarc_org.c - what DMARC primitives share: the profile (RFC 7489
 * or RFC 9989), what a DMARC record is, and what the run's zones say of a
 * name: its policy record and its organisational domain (RFC 7489 §3.2,
 * RFC 9989 §4.10). */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check_dmarc.h"

/* RFC 9989 (DMARCbis) obsoletes RFC 7489; the profile says which one a
 * rule follows.  Under rfc9989 the RFC 7489 syntax is still accepted. */
static const char *const profiles[] = { "rfc9989", "rfc7489", NULL };

#define PROFILE_PARAM \
	{ .key = "profile", .type = ZL_PT_ENUM, .dflt = "rfc9989", \
	  .choices = profiles }

const struct zl_param_spec zl_dmarc_profile_params[] = {
	PROFILE_PARAM,
	{ .key = NULL },
};

bool zl_dmarc_bis(const struct zl_ctx *ctx)
{
	return strcmp(zl_rule_str(ctx->rule, "profile"), "rfc9989") == 0;
}

/* ---- records ---- */

bool zl_dmarc_is_record(const struct zl_tv_rec *r)
{
	return zl_tv_first_is(r, "v", "DMARC1", true);
}

/* Text that means to be DMARC: its first tag is v=DMARC1 in any case. */
bool zl_dmarc_looks(const struct zl_tv_rec *r)
{
	return r->tv.ntags && zl_tv_eq(r->txt.s, r->tv.tags[0].name, "v", true) &&
	       zl_tv_eq(r->txt.s, r->tv.tags[0].value, "DMARC1", true);
}

/* ---- what the run's zones say of a name, asked once per zone ----
 *
 * Policy discovery walks up from a domain (the organisational domain, the
 * policy of each ancestor), and every DMARC record, report destination
 * and mail domain of a zone asks the same few ancestors again; the answers
 * depend only on the zones of the run, so they are kept per name text in
 * the engine's memo for the zone. */

enum { HAVE_DMARC = 1, HAVE_TOP = 2, HAVE_ORG = 4 };

/* What the first valid DMARC record at _dmarc.<name> says of the
 * organisational domain (RFC 9989 §4.10): policy_at. */
enum { NO_POLICY, POLICY, POLICY_PSD_N, POLICY_PSD_Y };

struct dname {
	const char *text;		/* in the cache's arena */
	const char *top, *org;		/* zl_dmarc_top, zl_dmarc_org (RFC
					   9989) */
	uint32_t hash;			/* of text, its low half */
	uint8_t have;			/* HAVE_*: which answers are known */
	uint8_t policy;			/* policy_at */
	bool looks;			/* zl_dmarc_has_policy */
};

/* The entries in the order they came, found by an open hash of their
 * indexes: a zone of 50,000 mail domains asks about some 60,000 names,
 * and an entry in the hash itself would keep half of its slots empty at
 * the size of an entry. */
struct dnames {
	struct dname *v;
	size_t n, capv;
	uint32_t *ix;		/* entry index + 1; 0: a free slot */
	size_t cap;		/* 0 or a power of two */
	struct zl_arena arena;
};

static void dnames_release(void *p)
{
	struct dnames *c = p;

	free(c->v);
	free(c->ix);
	zl_arena_free(&c->arena);
	free(c);
}

/* The slot of ix that holds text's entry, or the free one where it
 * goes. */
static uint32_t *dslot(const struct dnames *c, const char *text,
		       uint32_t hash)
{
	const struct dname *d;
	size_t h;

	for (h = hash & (c->cap - 1); c->ix[h]; h = (h + 1) & (c->cap - 1)) {
		d = &c->v[c->ix[h] - 1];
		if (d->hash == hash && strcmp(d->text, text) == 0)
			break;
	}
	return &c->ix[h];
}

/* The entry of canonical text, added when new (which may move the
 * others); NULL outside the engine. */
static struct dname *dname(struct zl_ctx *ctx, const char *text)
{
	struct dnames *c = zl_memo_zone_obj(ctx, ZL_MEMO_DMARC_NAMES,
					    sizeof *c, dnames_release);
	uint32_t hash = (uint32_t)zl_hash(text, strlen(text)), *ix;
	struct dname *d;
	size_t i;

	if (!c)
		return NULL;
	if (2 * (c->n + 1) > c->cap) {
		free(c->ix);
		c->cap = c->cap ? 2 * c->cap : 64;
		c->ix = zl_xcalloc(c->cap, sizeof *c->ix);
		for (i = 0; i < c->n; i++)
			*dslot(c, c->v[i].text, c->v[i].hash) = (uint32_t)i + 1;
	}
	ix = dslot(c, text, hash);
	if (*ix)
		return &c->v[*ix - 1];
	zl_xgrow((void **)&c->v, &c->capv, c->n + 1, sizeof *c->v);
	d = &c->v[c->n];
	memset(d, 0, sizeof *d);
	d->text = zl_arena_strndup(&c->arena, text, strlen(text));
	d->hash = hash;
	*ix = (uint32_t)++c->n;
	return d;
}

/* What DMARC record r says of the organisational domain, NO_POLICY when
 * it is none. */
static uint8_t policy_of(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *psd;

	if (!zl_dmarc_is_record(r))
		return NO_POLICY;
	psd = zl_tv_find(&r->tv, r->txt.s, "psd", true);
	if (psd && zl_tv_eq(r->txt.s, psd->value, "n", true))
		return POLICY_PSD_N;
	if (psd && zl_tv_eq(r->txt.s, psd->value, "y", true))
		return POLICY_PSD_Y;
	return POLICY;
}

/* What _dmarc.<domain> holds, in whichever zone of the run holds it:
 * *policy what its first valid DMARC record says (policy_of), *looks
 * whether it holds a record that means to be DMARC (zl_dmarc_looks) or an
 * alias, or is delegated (a provider's zone, not in the run, holds the
 * policy: Valimail's "NS pointer" setup).  A DNAME over the name sends
 * the receiver's query to the name it makes (RFC 6672 §2.2), which holds
 * the policy in the same ways; one outside the run, or a query that fails
 * (YXDOMAIN, a loop of DNAMEs), may hold one.  The records are parsed
 * here and not kept: a zone of 50,000 mail domains has as many policies,
 * and the DMARC rules read each one as their subject. */
static void find_dmarc(struct zl_ctx *ctx, const char *domain,
		       uint8_t *policy, bool *looks)
{
	char buf[2][ZL_NAME_TEXT_MAX];
	char *text = zl_xasprintf("_dmarc.%s", zl_name_tail(domain));
	const char *q = zl_dname_end(ctx, text, buf);
	struct zl_at at = { NULL, NULL };
	struct zl_tv_rec *r;
	const struct zl_rr *rr;

	*policy = NO_POLICY;
	*looks = !q || (q != text && !zl_zone_of(ctx, q));
	if (!*looks)
		at = zl_lookup(ctx, q);
	*looks = *looks || zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME);
	if (!*looks && at.zone && !at.name)
		*looks = zl_text_below_cut(at.zone, q);
	else if (at.name)
		*looks = *looks || at.name->below_cut;
	for (rr = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(at.zone, rr)) {
		/* the usual policy shows all this without a parse */
		if (zl_txt_surely_starts(at.zone, rr, "v", "DMARC1") &&
		    !zl_txt_may_hold(at.zone, rr, "psd")) {
			*policy = *policy ? *policy : POLICY;
			*looks = true;
			continue;
		}
		r = zl_tv_rec_new(at.zone, rr);
		if (!*policy)
			*policy = policy_of(r);
		*looks = *looks || zl_dmarc_looks(r);
		zl_tv_rec_free(r);
	}
	free(text);
}

/* The entry of domain with its _dmarc answers, or NULL outside the
 * engine (then *policy and *looks are the answers). */
static const struct dname *dmarc_of(struct zl_ctx *ctx, const char *domain,
				    uint8_t *policy, bool *looks)
{
	struct dname *d = dname(ctx, domain);

	if (d && (d->have & HAVE_DMARC))
		return d;
	find_dmarc(ctx, domain, policy, looks);
	if (d) {
		d->policy = *policy;
		d->looks = *looks;
		d->have |= HAVE_DMARC;
	}
	return d;
}

/* What the first valid DMARC record at _dmarc.<domain> says (policy_of). */
static uint8_t policy_at(struct zl_ctx *ctx, const char *domain)
{
	const struct dname *d;
	uint8_t policy;
	bool looks;

	d = dmarc_of(ctx, domain, &policy, &looks);
	return d ? d->policy : policy;
}

bool zl_dmarc_has_policy(struct zl_ctx *ctx, const char *domain)
{
	const struct dname *d;
	uint8_t policy;
	bool looks;

	d = dmarc_of(ctx, domain, &policy, &looks);
	return d ? d->looks : looks;
}

static const char *find_top(const struct zl_ctx *ctx, const char *domain)
{
	const char *a, *top = NULL;

	for (a = domain; a && zl_zone_of(ctx, a); a = zl_name_parent(a))
		top = a;
	return top ? top : ctx->zone->origin->text;
}

/* An answer for d's name as a pointer into d's own copy of it (or the
 * origin), which lives as long as the memo. */
static const char *in_entry(const struct dname *d, const char *domain,
			    const char *a)
{
	return a >= domain && a < domain + strlen(domain) ?
	       d->text + (a - domain) : a;
}

const char *zl_dmarc_top(struct zl_ctx *ctx, const char *domain)
{
	struct dname *d = dname(ctx, domain);

	if (!d)
		return find_top(ctx, domain);
	if (!(d->have & HAVE_TOP)) {
		d->top = in_entry(d, domain, find_top(ctx, domain));
		d->have |= HAVE_TOP;
	}
	return d->top;
}

/* RFC 9989 §4.10 (DNS tree walk, through the zones of the run): from
 * domain upward, the first record with psd=n marks the organisational
 * domain, psd=y the name one label below; else the highest name with a
 * record.  RFC 7489 §3.2 takes the name below a public suffix; offline,
 * the policies above the run's zones are unknown, so the highest name the
 * run's zones hold stands for it (DMARC015 asks psl.h whether that is an
 * organisational domain).
 * Returns a pointer into domain, the origin or the cache. */
static const char *find_org(struct zl_ctx *ctx, const char *domain)
{
	const char *a, *below = domain, *highest = NULL;
	uint8_t policy;

	for (a = domain; a && zl_zone_of(ctx, a); a = zl_name_parent(a)) {
		if ((policy = policy_at(ctx, a)) != NO_POLICY) {
			if (policy == POLICY_PSD_N)
				return a;
			/* psd=y counts only at a domain above the start
			 * (RFC 9989 §4.10.2, step 4) */
			if (policy == POLICY_PSD_Y && a != domain)
				return below;
			highest = a;
		}
		below = a;
	}
	return highest ? highest : zl_dmarc_top(ctx, domain);
}

const char *zl_dmarc_org(struct zl_ctx *ctx, const char *domain)
{
	struct dname *d;
	const char *org;

	if (!zl_dmarc_bis(ctx))
		return zl_dmarc_top(ctx, domain);
	if (!(d = dname(ctx, domain)))
		return find_org(ctx, domain);
	if (d->have & HAVE_ORG)
		return d->org;
	/* The walk adds entries: d may move. */
	org = find_org(ctx, domain);
	d = dname(ctx, domain);
	d->org = in_entry(d, domain, org);
	d->have |= HAVE_ORG;
	return d->org;
}
