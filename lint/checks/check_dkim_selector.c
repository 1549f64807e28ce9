/* check_dkim_selector.c - where DKIM key records stand and how many a
 * selector holds (RFC 6376 §3.6.2.1, §3.6.2.2), and the historic ADSP
 * record beside them (RFC 5617).  What a key record says: check_dkim.c. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check_tagvalue.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* RFC 6376 §3.6.2.2: "TXT RRs MUST be unique for a particular selector
 * name; that is, if there are multiple records in an RRset, the results
 * are undefined."  libopendkim refuses such a selector outright, so every
 * signature made with it fails there; others read one of the keys, which
 * one by chance.  A key rotated in beside the old one under the same
 * selector, or an RSA and an Ed25519 key there, is the usual cause.  A
 * TXT record that is no key beside a key is DKIM001's. */
static bool key_of(const struct zl_tv_rec *r, const void *arg)
{
	(void)arg;
	return zl_tv_dkim_key(r);
}

static void dkim_multiple(struct zl_ctx *ctx)
{
	zl_tv_multiple_of(ctx, key_of, NULL, "key");
}

const struct zl_check zl_check_dkim_multiple = {
	.name = "dkim-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = dkim_multiple,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* Whether label s[0..n) spells "domainkey" with or without underscores,
 * hyphens or a final 's': the slips of a selector's second label. */
static bool like_domainkey(const char *s, size_t n)
{
	char w[16];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof w - 1; i++)
		if (s[i] != '_' && s[i] != '-')
			w[k++] = s[i];
	w[k] = '\0';
	return i == n && (strcmp(w, "domainkey") == 0 ||
			  strcmp(w, "domainkeys") == 0);
}

/* The name a key at owner belongs at when owner is a slip of
 * <selector>._domainkey.<domain>: the second label misspelt
 * ("google.domainkey", "s2._domainkeys"), or the first two labels swapped
 * ("_domainkey.s3", when the domain is in the zone); NULL for any other. */
static char *slip_fixed(const struct zl_zone *z, const char *owner)
{
	const char *l2, *rest;
	size_t n1, n2;

	if (!(l2 = strchr(owner, '.')) || !*++l2 ||
	    !(rest = strchr(l2, '.')) || !*++rest)
		return NULL;
	n1 = (size_t)(l2 - owner) - 1;
	n2 = (size_t)(rest - l2) - 1;
	if (n2 == 10 && strncmp(l2, "_domainkey", 10) == 0)
		return NULL;		/* where keys belong */
	if (like_domainkey(l2, n2))
		return zl_xasprintf("%.*s._domainkey.%s", (int)n1, owner, rest);
	if (n1 == 10 && strncmp(owner, "_domainkey", 10) == 0 &&
	    zl_text_in_zone(z, rest))
		return zl_xasprintf("%.*s._domainkey.%s", (int)n2, l2, rest);
	return NULL;
}

/* Whether a label of text spells domainkey (like_domainkey): the name is
 * a selector's, or a slip of one, or below one. */
static bool has_domainkey_label(const char *text)
{
	const char *p, *dot;

	for (p = text; (dot = strchr(p, '.')) != NULL && dot > p; p = dot + 1)
		if (like_domainkey(p, (size_t)(dot - p)))
			return true;
	return false;
}

/* The name a key at rr's owner belongs at when no label of the owner
 * spells domainkey at all and the record says it is a key (v=DKIM1
 * first): the key pasted at the domain itself ("@"), which stands for
 * <selector>._domainkey there, or at its selector alone ("mail" for
 * "mail._domainkey"; "s3-domainkey" for "s3._domainkey"), whose first
 * label is the selector.  Wildcards are left alone: a verifier's query
 * for any selector may be answered from one.  NULL when no such case. */
static char *selector_missing(struct zl_ctx *ctx)
{
	const struct zl_name *o = ctx->rr->owner;
	const struct zl_tv_rec *r;
	const char *rest;
	size_t n1, cut;

	if (has_domainkey_label(o->text) || strncmp(o->text, "*.", 2) == 0 ||
	    !o->in_zone || o->below_cut ||
	    !zl_txt_may_start_v(ctx->zone, ctx->rr, "DKIM1") ||
	    !(r = zl_tv_of(ctx, ctx->rr)) || !r->tv.ntags ||
	    !zl_tv_eq(r->txt.s, r->tv.tags[0].name, "v", false) ||
	    !zl_tv_eq(r->txt.s, r->tv.tags[0].value, "DKIM1", false))
		return NULL;
	if (o == ctx->zone->origin || !(rest = strchr(o->text, '.')) ||
	    !*++rest)
		return zl_xasprintf("<selector>._domainkey.%s",
				    zl_name_tail(o->text));
	n1 = cut = (size_t)(rest - o->text) - 1;
	while (cut > 0 && o->text[cut - 1] != '-' && o->text[cut - 1] != '_')
		cut--;
	if (cut > 1 && like_domainkey(o->text + cut, n1 - cut))
		n1 = cut - 1;		/* "s3-domainkey": the selector s3 */
	return zl_xasprintf("%.*s._domainkey.%s", (int)n1, o->text, rest);
}

/* RFC 6376 §3.6.2.1: verifiers query <selector>._domainkey.<domain> and
 * nothing else, so a key record written at any other name is never found
 * and every signature made with the selector fails ("no key"): at a slip
 * of that name (slip_fixed), or at a name without _domainkey
 * (selector_missing).  A name that records may be read under from
 * elsewhere (zl_name_aliased: a CNAME of the zone points at it, or a mail
 * service's hosted key alone deep below the origin,
 * "s1.domainkey.u123.wl.provider.example.") is left alone. */
static void dkim_placement(struct zl_ctx *ctx)
{
	char *want = slip_fixed(ctx->zone, ctx->rr->owner->text);

	if (want ? zl_tv_dkim_key(zl_tv_of(ctx, ctx->rr)) :
	    (want = selector_missing(ctx)) != NULL) {
		if (!zl_name_aliased(ctx->zone, ctx->rr->owner))
			ZL_EMIT_RR(ctx, ctx->rr, { "expected", want });
	}
	free(want);
}

const struct zl_check zl_check_dkim_placement = {
	.name = "dkim-placement",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dkim_placement,
	.params = no_params,
	.vars = (const char *const[]){ "expected", NULL },
};

/* RFC 5617 §4.1, §4.2.1: an ADSP record is the TXT record at
 * _adsp._domainkey.<domain> whose tag list holds the required dkim= tag;
 * ADSP itself ignores a record without it.  RFC 5617 was moved to
 * Historic in 2013 and receivers no longer query it; DMARC (RFC 7489)
 * replaced it.  Reported at the dkim= tag, whose policy is quoted. */
static void dkim_adsp(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r;
	const struct zl_tv_tag *t;
	char *text;

	if (strncmp(ctx->rr->owner->text, "_adsp._domainkey.", 17) != 0 ||
	    !(r = zl_tv_of(ctx, ctx->rr)) ||
	    !(t = zl_tv_find(&r->tv, r->txt.s, "dkim", false)))
		return;
	text = zl_tv_str(r->txt.s, t->spec);
	ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, t->spec), { "policy", text });
	free(text);
}

const struct zl_check zl_check_dkim_adsp = {
	.name = "dkim-adsp",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dkim_adsp,
	.params = no_params,
	/* policy: the dkim= tag as written ("dkim=all") */
	.vars = (const char *const[]){ "policy", NULL },
};
