/* check_signed.c - records that only DNSSEC makes usable, in a zone its
 * servers serve unsigned (zonelint --server-config says which). */
#include <ldns/ldns.h>
#include <stdio.h>

#include "check.h"
#include "zone_lex.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* RFC 6698 §4.1, RFC 7672 §2.2: a client uses TLSA records only when
 * DNSSEC validates them as secure; from a zone served unsigned they are
 * insecure, and a sender delivers as though there were none, with TLS it
 * does not authenticate.  SMIMEA records are read as TLSA records are
 * (RFC 8162 §2).  The zone is served unsigned when its file holds no
 * DNSKEY record at the apex (a signed file has them) and the servers
 * that load it do not sign it as they load it. */
static void tlsa_unsigned(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *first = NULL;
	unsigned mask = z->served_unsigned;
	char what[64], served[64];
	size_t i, n[2] = { 0, 0 };

	if (!mask || !z->origin ||
	    zl_name_rrset(z->origin, LDNS_RR_TYPE_DNSKEY))
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
	snprintf(served, sizeof served, "%s %s", zl_servers_str(mask),
		 mask & (mask - 1) ? "serve" : "serves");
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
