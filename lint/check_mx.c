/* check_mx.c - primitives for MX records (RFC 1035 §3.3.9, RFC 5321 §5.1). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* Whether text[0..len) (an optional final dot allowed) is an IPv4 or IPv6
 * address literal. */
static bool is_address(const char *text, size_t len)
{
	char buf[INET6_ADDRSTRLEN + 2];
	unsigned char addr[16];

	if (len > 0 && text[len - 1] == '.')
		len--;
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return inet_pton(AF_INET, buf, addr) == 1 ||
	       inet_pton(AF_INET6, buf, addr) == 1;
}

/* A host-name field must hold a name, not an address: RFC 1035 §3.3.9 and
 * RFC 5321 §5.1 define the MX exchange as a domain name, and a loader
 * quietly turns `192.0.2.25` into the name 192.0.2.25.<origin>.  The check
 * reads the token as written, since the converted name no longer shows it. */
static void target_is_address(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	int f = zl_rr_name_field(rr, 0);
	struct zl_tok t;
	char *written;

	if (f < 0)
		return;
	t = zl_rr_field_tok(ctx->zone, rr, (unsigned)f);
	if (!is_address(zl_tok_text(ctx->zone, rr->src, t), t.len))
		return;
	written = zl_xstrndup(zl_tok_text(ctx->zone, rr->src, t), t.len);
	{
		struct zl_var v[] = {
			{ "target", written },
			{ "name", rr->rdf[f].name->text },
		};
		zl_emit(ctx, rr->src, t, v, 2);
	}
	free(written);
}

const struct zl_check zl_check_target_is_address = {
	.name = "target-is-address",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_is_address,
	.params = no_params,
	.vars = (const char *const[]){ "target", "name", NULL },
};
