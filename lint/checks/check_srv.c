/* check_srv.c - the ports of the SRV records by which mail clients find
 * their servers (RFC 6186, RFC 8314 §5.1). */
#include <ldns/ldns.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The mail services that come in pairs, one that starts in plain text and
 * may go on with STARTTLS and one that starts TLS at once (RFC 6186 §3,
 * RFC 8314 §5.1), and the ports IANA assigns them. */
static const struct pair {
	const char *plain, *tls;
	unsigned plain_port, tls_port;
} pairs[] = {
	{ "_submission", "_submissions", 587, 465 },
	{ "_imap", "_imaps", 143, 993 },
	{ "_pop3", "_pop3s", 110, 995 },
};

/* Whether the first label of owner, n bytes, is service s. */
static bool is_service(const char *owner, size_t n, const char *s)
{
	return strlen(s) == n && strncasecmp(owner, s, n) == 0;
}

/* The variants of mail-srv-port: the port of the service's twin, or a
 * slip of its own. */
enum { V_SWAPPED, V_SLIP };
static const struct zl_variant_spec port_variants[] = {
	{ .key = "problem", .names = (const char *const[]){ "swapped", "slip",
	  NULL }, .optional = true },
	{ .key = NULL },
};

/* Whether port a is a slip of port b: as many digits, one of them
 * another, or two neighbours swapped (567 or 578 for 587).  Ports of
 * other lengths (10993 for 993) are an operator's choice. */
static bool port_slip(unsigned a, unsigned b)
{
	char x[8], y[8];
	size_t n, i, d = 0, first = 0;

	n = (size_t)snprintf(x, sizeof x, "%u", a);
	if ((size_t)snprintf(y, sizeof y, "%u", b) != n || a == b)
		return false;
	for (i = 0; i < n; i++)
		if (x[i] != y[i] && d++ == 0)
			first = i;
	return d == 1 || (d == 2 && first + 1 < n && x[first] == y[first + 1] &&
			  x[first + 1] == y[first]);
}

/* A record of one of these services whose port is the one assigned to the
 * other of its pair (V_SWAPPED) sends clients to a server that speaks the
 * other way: a client of "_imaps" opens with a TLS handshake where a
 * server on 143 sends a plain-text greeting, a client of "_imap" waits for
 * a greeting that a server on 993 sends only inside TLS.  One a digit off
 * its own port (V_SLIP: 567 for 587, 995 for 993, the port of POP3 over
 * TLS) sends them where no such server listens.  Any other port is the
 * operator's choice (RFC 2782) and is left alone, and so is a target of
 * "." (the service is not offered). */
static void mail_srv_port(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const char *owner = rr->owner->text, *dot = strchr(owner, '.');
	size_t n = dot ? (size_t)(dot - owner) : 0, i;
	const struct zl_name *t;
	char service[32], other[32], port[8], want[8];
	unsigned got;
	bool tls;

	if (rr->nrdf != 4 || rr->rdf[2].len != 2 ||
	    !(t = zl_rdf_name(&rr->rdf[3])) || strcmp(t->text, ".") == 0)
		return;
	got = zl_rdf_u16(&rr->rdf[2]);
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		const struct pair *p = &pairs[i];

		if (!(tls = is_service(owner, n, p->tls)) &&
		    !is_service(owner, n, p->plain))
			continue;
		if (zl_rule_variant(ctx->rule, 0) == V_SLIP ?
		    got == (tls ? p->plain_port : p->tls_port) ||
		    !port_slip(got, tls ? p->tls_port : p->plain_port) :
		    got != (tls ? p->plain_port : p->tls_port))
			return;
		snprintf(service, sizeof service, "%s._tcp",
			 tls ? p->tls : p->plain);
		snprintf(other, sizeof other, "%s._tcp", tls ? p->plain : p->tls);
		snprintf(port, sizeof port, "%u", got);
		snprintf(want, sizeof want, "%u",
			 tls ? p->tls_port : p->plain_port);
		ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, 2),
			{ "service", service }, { "other", other },
			{ "port", port }, { "standard", want },
			{ "reason", tls ?
			  "its clients start TLS at once, where that server "
			  "greets in plain text" :
			  "its clients wait for a plain-text greeting that "
			  "server sends only inside TLS" });
		return;
	}
}

const struct zl_check zl_check_mail_srv_port = {
	.name = "mail-srv-port",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = mail_srv_port,
	.variants = port_variants,
	.params = no_params,
	.vars = (const char *const[]){ "service", "other", "port", "standard",
				       "reason", NULL },
};
