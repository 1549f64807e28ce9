/* check_soa.c - the fields of the SOA record that servers load without a
 * word: the zone's contact mailbox and the secondaries' timers. */
#include <ldns/ldns.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

enum { F_MAILBOX, F_TIMERS };
static const struct zl_variant_spec soa_variants[] = {
	{ .key = "field", .names = (const char *const[]){ "mailbox", "timers",
							  NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The 32-bit number of SOA field i (2..6: serial to minimum). */
static uint32_t soa_u32(const struct zl_rr *rr, unsigned i)
{
	return zl_be32(zl_rdf_data(&rr->rdf[i]));
}

/* RFC 1035 §8: the mailbox's first label is the user, the rest its
 * domain; an '@' there means the address was written as one, and the
 * mailbox is another ('hostmaster@example.com.' is the user
 * 'hostmaster@example' at 'com'). */
static void soa_mailbox(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const struct zl_name *n = zl_rdf_name(&rr->rdf[1]);
	uint8_t w[LDNS_MAX_DOMAINLEN];
	char fix[LDNS_MAX_DOMAINLEN * 4 + 2];
	const char *at;
	size_t pre;

	if (!n || !zl_name_wire(n, w) || !w[0] || !memchr(w + 1, '@', w[0]) ||
	    !(at = strchr(n->text, '@')))
		return;
	/* The text has the '@' as itself or escaped: a dot in its place. */
	pre = (size_t)(at - n->text);
	if (pre && n->text[pre - 1] == '\\')
		pre--;
	snprintf(fix, sizeof fix, "%.*s.%s", (int)pre, n->text, at + 1);
	ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, 1),
		{ "mailbox", n->text }, { "fix", fix });
}

/* RFC 1035 §3.3.13, RFC 1912 §2.2: a secondary that cannot refresh the
 * zone keeps serving it until expire; an expire shorter than refresh
 * ends that before the next refresh is even due, so secondaries stop
 * answering for the zone while its primary is well. */
static void soa_timers(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	uint32_t refresh = soa_u32(rr, 3), expire = soa_u32(rr, 5);
	char r[16], e[16];

	if (expire >= refresh)
		return;
	snprintf(r, sizeof r, "%u", (unsigned)refresh);
	snprintf(e, sizeof e, "%u", (unsigned)expire);
	ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, 5),
		{ "refresh", r }, { "expire", e });
}

static void soa_fields(struct zl_ctx *ctx)
{
	/* a rule may select any type: seven fields of another (a TXT of
	 * seven strings) are not an SOA's */
	if (ctx->rr->type != LDNS_RR_TYPE_SOA || ctx->rr->nrdf != 7)
		return;
	if (zl_rule_variant(ctx->rule, 0) == F_MAILBOX)
		soa_mailbox(ctx);
	else
		soa_timers(ctx);
}

const struct zl_check zl_check_soa_fields = {
	.name = "soa-fields",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = soa_fields,
	.variants = soa_variants,
	.params = no_params,
	/* mailbox: as written, fix: with a dot for its '@' (mailbox);
	 * refresh, expire: in seconds (timers) */
	.vars = (const char *const[]){ "mailbox", "fix", "refresh", "expire",
				       NULL },
};
