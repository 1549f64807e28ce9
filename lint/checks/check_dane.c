/* check_dane.c - primitives for TLSA records (RFC 6698) and DANE for SMTP
 * (RFC 7672): field ranges, digest lengths (of SMIMEA records too, RFC
 * 8162), owner names, and TLSA coverage of MX hosts. */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The one-byte field i of a TLSA record, or -1. */
static int field(const struct zl_rr *rr, unsigned i)
{
	return i < rr->nrdf && rr->rdf[i].len == 1 && zl_rdf_data(&rr->rdf[i]) ?
	       zl_rdf_data(&rr->rdf[i])[0] : -1;
}

static const char *const field_problems[] = { "range", "digest", "owner",
					       "mailbox", NULL };

enum { F_RANGE, F_DIGEST, F_OWNER, F_MAILBOX };
static const struct zl_variant_spec field_variants[] = {
	{ .key = "problem", .names = field_problems },
	{ .key = NULL },
};

static const struct zl_param_spec field_params[] = {
	{ .key = NULL },
};

static void emit_field(struct zl_ctx *ctx, unsigned i, const char *msg)
{
	ZL_EMIT(ctx, ctx->rr->src, zl_rr_field_tok(ctx->zone, ctx->rr, i),
		{ "message", msg });
}

/* RFC 6698 §2.1, §7.2-7.4 (and RFC 7218's registry): usage 0-3, selector
 * 0-1, matching type 0-2; 255 is private use in each and left alone.
 * SMIMEA has the same fields, meaning the same (RFC 8162 §2), and the
 * same registries. */
static void tlsa_range(struct zl_ctx *ctx)
{
	static const char *const names[] = { "certificate usage", "selector",
					      "matching type" };
	static const int max[] = { 3, 1, 2 };
	char val[16], top[16];
	unsigned i;
	int v;

	for (i = 0; i < 3; i++) {
		if ((v = field(ctx->rr, i)) < 0 || v <= max[i] || v == 255)
			continue;
		snprintf(val, sizeof val, "%d", v);
		snprintf(top, sizeof top, "%d", max[i]);
		ZL_EMIT(ctx, ctx->rr->src,
			zl_rr_field_tok(ctx->zone, ctx->rr, i),
			{ "field", names[i] }, { "value", val }, { "max", top });
	}
}

/* The length of the DER element that starts p[0..len) (X.690 §8.1: tag,
 * length, contents), its tag in *tag; 0 when it is not whole there. */
static size_t der_element(const uint8_t *p, size_t len, uint8_t *tag)
{
	size_t n, body = 0, head = 2, i;

	if (len < 2)
		return 0;
	*tag = p[0];
	if (p[1] < 0x80)
		body = p[1];
	else if ((n = p[1] & 0x7f) >= 1 && n <= 4 && len >= 2 + n) {
		for (i = 0; i < n; i++)
			body = body << 8 | p[2 + i];
		head += n;
	} else {
		return 0;
	}
	return body <= len - head ? head + body : 0;
}

/* What DER data is, by the elements of its outer SEQUENCE: a certificate
 * (SEQUENCE, SEQUENCE, BIT STRING: RFC 5280 §4.1), a SubjectPublicKeyInfo
 * (SEQUENCE, BIT STRING: §4.1.2.7), or neither. */
enum der_kind { DER_NEITHER, DER_CERT, DER_SPKI };

static enum der_kind der_kind(const uint8_t *p, size_t len)
{
	static const uint8_t cert[] = { 0x30, 0x30, 0x03 }, spki[] = { 0x30,
								       0x03 };
	uint8_t tag = 0, tags[4];
	size_t e, n = 0;

	if (der_element(p, len, &tag) != len || tag != 0x30)
		return DER_NEITHER;
	e = p[1] < 0x80 ? 2 : 2 + (p[1] & 0x7f);
	for (p += e, len -= e; len > 0 && n < sizeof tags; p += e, len -= e) {
		if (!(e = der_element(p, len, &tags[n++])))
			return DER_NEITHER;
	}
	if (len > 0)
		return DER_NEITHER;
	if (n == sizeof cert && memcmp(tags, cert, n) == 0)
		return DER_CERT;
	return n == sizeof spki && memcmp(tags, spki, n) == 0 ? DER_SPKI :
	       DER_NEITHER;
}

/* RFC 6698 §2.1.3: matching type 1 is a SHA-256 digest (32 bytes), 2 a
 * SHA-512 digest (64 bytes); 0 is the whole certificate (selector 0) or
 * SubjectPublicKeyInfo (selector 1), DER-encoded (§2.1.2): most often a
 * digest written with matching type 0 breaks that.  The same for SMIMEA
 * (RFC 8162 §2), whose data is matched against the certificate as TLSA's
 * is.  Whether rr's data breaks these rules; if so and msg is given, what
 * is wrong, in msg (size n). */
static bool data_fault(const struct zl_rr *rr, char *msg, size_t n)
{
	const char *type = zl_type_str(rr->type);
	int m = field(rr, 2), sel = field(rr, 1);
	size_t want = m == 1 ? 32 : m == 2 ? 64 : 0;
	size_t len = rr->nrdf > 3 ? rr->rdf[3].len : 0;
	enum der_kind k = DER_NEITHER;

	if (rr->nrdf < 4 || (want && len == want) || (!want && m != 0))
		return false;
	if (!want && len > 0 && ((sel != 0 && sel != 1) ||
				 (k = der_kind(zl_rdf_data(&rr->rdf[3]), len)) ==
				 (sel == 0 ? DER_CERT : DER_SPKI)))
		return false;
	if (!msg)
		return true;
	if (want)
		snprintf(msg, n, "%s data is %zu bytes, but a %s digest is %zu",
			 type, len, m == 1 ? "SHA-256" : "SHA-512", want);
	else if (len == 0)
		snprintf(msg, n, "%s data is empty", type);
	else if (k != DER_NEITHER)
		snprintf(msg, n, "%s data of matching type 0 is a %s, but "
			 "selector %d is for %s", type, sel == 0 ?
			 "SubjectPublicKeyInfo" : "whole certificate", sel,
			 sel == 0 ? "a certificate" : "a SubjectPublicKeyInfo");
	else
		snprintf(msg, n, "%s data of matching type 0 is not a "
			 "DER-encoded %s%s", type, sel == 0 ? "certificate" :
			 "SubjectPublicKeyInfo", len == 32 ?
			 ": a SHA-256 digest is matching type 1" : len == 64 ?
			 ": a SHA-512 digest is matching type 2" : "");
	return true;
}

/* Data that breaks RFC 6698 §2.1.3 never matches a certificate.
 * OpenSSL's DANE code, which Postfix uses, takes such a record as
 * unusable (SSL_dane_tlsa_add returns 0, "bad digest length" or a DER
 * error) and the client skips it; when no usable record is left, an SMTP
 * client requires TLS but does not authenticate the server (RFC 7672
 * §2.2).  Empty data of matching type 0 is an error there instead (-1),
 * on which Postfix makes the authentication of the host fail. */
static void tlsa_digest(struct zl_ctx *ctx)
{
	char msg[200];

	if (data_fault(ctx->rr, msg, sizeof msg))
		emit_field(ctx, 3, msg);
}

/* Whether label s[0..n), without a leading '_', is a port (digits) or,
 * port false, a transport protocol of RFC 6698 §3's kind. */
static bool label_is(const char *s, size_t n, bool port)
{
	static const char *const protos[] = { "tcp", "udp", "sctp", NULL };
	size_t i;

	if (n > 0 && s[0] == '_') {
		s++;
		n--;
	}
	if (port) {
		for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		return n > 0 && n <= 5 && i == n;
	}
	for (i = 0; protos[i]; i++)
		if (strlen(protos[i]) == n && memcmp(s, protos[i], n) == 0)
			return true;
	return false;
}

/* Whether the digits s[0..n) (label_is) are a port as clients write it:
 * the decimal number of a port, 1 to 65535, without leading zeros (RFC
 * 6698 §3; port 0 is reserved, RFC 6335 §6). */
static bool port_written(const char *s)
{
	unsigned long v = strtoul(s, NULL, 10);

	return s[0] != '0' && v >= 1 && v <= 65535;
}

/* The port of the service names that mail and web hosts' TLSA owners are
 * written with instead of the number (_smtp._tcp for _25._tcp); 0 for
 * any other label s[0..n), without its '_' (canonical: lower case). */
static unsigned service_port(const char *s, size_t n)
{
	static const struct {
		const char *name;
		unsigned port;
	} services[] = {
		{ "smtp", 25 }, { "submission", 587 }, { "submissions", 465 },
		{ "smtps", 465 }, { "imap", 143 }, { "imaps", 993 },
		{ "pop3", 110 }, { "pop3s", 995 }, { "http", 80 },
		{ "https", 443 },
	};
	size_t i;

	for (i = 0; i < sizeof services / sizeof services[0]; i++)
		if (strlen(services[i].name) == n &&
		    memcmp(s, services[i].name, n) == 0)
			return services[i].port;
	return 0;
}

/* The decimal port at s[0..n), leading zeros and all, or 0 when it is no
 * number or out of range. */
static unsigned port_value(const char *s, size_t n)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9' && v <= 65535; i++)
		v = v * 10 + (unsigned long)(s[i] - '0');
	return i == n && v <= 65535 ? (unsigned)v : 0;
}

/* The mail service at a port whose protocol is TCP alone: SMTP (RFC 5321,
 * at _25._tcp for DANE, RFC 7672 §2.2.3), submission over TLS and plain
 * (RFC 8314, RFC 6409), IMAP and POP3 with their TLS ports; NULL for
 * another port, which may run over UDP (DNS over QUIC at 853, HTTP/3 at
 * 443). */
static const char *tcp_only(unsigned port)
{
	switch (port) {
	case 25:
		return "SMTP";
	case 465:
	case 587:
		return "mail submission";
	case 110:
	case 995:
		return "POP3";
	case 143:
	case 993:
		return "IMAP";
	default:
		return NULL;
	}
}

/* The owner clients ask for, _<port>._<proto>.<rest> in buf, proto
 * proto[0..pl) without its '_'; the pattern alone when the port is not
 * known. */
static void want_owner(char *buf, size_t size, unsigned port,
		       const char *proto, size_t pl, const char *rest)
{
	if (port)
		snprintf(buf, size, "_%u._%.*s.%s", port, (int)pl, proto,
			 rest);
	else
		snprintf(buf, size, "_<port>._%.*s.%s", (int)pl, proto, rest);
}

/* Skips a label's leading '_': s and *n after it. */
static const char *bare(const char *s, size_t *n)
{
	if (*n > 0 && s[0] == '_') {
		(*n)--;
		return s + 1;
	}
	return s;
}

/* Whether label s[0..n) is a port and a protocol joined in one label by
 * '_' or '-' (_25_tcp, 25-tcp); the port's digits in *d and the
 * protocol's name after them at s[*p..n). */
static bool joined(const char *s, size_t n, size_t *d, size_t *p)
{
	size_t i = s[0] == '_';

	for (*d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == *d || i >= n || (s[i] != '_' && s[i] != '-'))
		return false;
	*p = i + 1;
	return label_is(s + *p, n - *p, false);
}

/* What is wrong with an owner whose first labels are a[0..na) and
 * b[0..nb) as a TLSA owner _<port>._<protocol> (RFC 6698 §3), in buf; the
 * owner meant, in want; NULL when nothing is. */
static const char *owner_problem(const struct zl_name *owner, const char *a,
				 size_t na, const char *b, size_t nb,
				 char *buf, size_t size, char *want,
				 size_t wsize)
{
	const char *pa, *pb, *svc;
	size_t d, p, la = na, lb = nb;
	unsigned port;

	if (joined(a, na, &d, &p)) {
		want_owner(want, wsize, port_value(a + d, p - 1 - d), a + p,
			   na - p, a + na + 1);
		return "the port and the protocol are two labels, each with "
		       "its underscore";
	}
	if (!b)
		return NULL;
	pa = bare(a, &la);
	pb = bare(b, &lb);
	if (label_is(a, na, true) && label_is(b, nb, false)) {
		port = port_value(pa, la);
		svc = tcp_only(port);
		want_owner(want, wsize, port, svc ? "tcp" : pb,
			   svc ? 3 : lb, b + nb + 1);
		if (a[0] != '_' || b[0] != '_')
			return "the port and protocol labels need their "
			       "underscores";
		if (!port_written(pa))
			return "the port label is the port's number, 1 to "
			       "65535, without leading zeros";
		/* the service runs over TCP alone: no client asks at
		 * _25._udp or _25._sctp, unless through a CNAME */
		if (svc && !(lb == 3 && memcmp(pb, "tcp", 3) == 0) &&
		    !(owner->refs & ZL_REF_CNAME)) {
			snprintf(buf, size, "%s runs over TCP only, and "
				 "clients ask at '_%u._tcp'", svc, port);
			return buf;
		}
		return NULL;
	}
	if (label_is(a, na, false) && label_is(b, nb, true)) {
		want_owner(want, wsize, port_value(pb, lb), pa, la,
			   b + nb + 1);
		return "the port label comes first, then the protocol";
	}
	/* a name a CNAME points to may be named as its owner likes */
	if (a[0] == '_' && b[0] == '_' && label_is(b, nb, false) &&
	    !(owner->refs & ZL_REF_CNAME) && (port = service_port(pa, la))) {
		want_owner(want, wsize, port, pb, lb, b + nb + 1);
		snprintf(buf, size, "the port label is the port's number, "
			 "'_%u', not the service's name", port);
		return buf;
	}
	return NULL;
}

/* RFC 6698 §3: clients ask for TLSA at _<port>._<protocol>.<host>, the
 * port in decimal, the protocol the service's transport.  An owner whose
 * first two labels are a port and a protocol with an underscore missing
 * (25._tcp, _25.tcp), the other way round (_tcp._25) or joined in one
 * label (_25_tcp), a port no client writes (_025, _65536), a service's
 * name for its port (_smtp._tcp) or a mail service's port with a protocol
 * other than TCP (_25._udp) is a name none asks for.  Any other owner may
 * be a CNAME's target (RFC 7671 §7), and is left alone. */
static void tlsa_owner(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const char *a = rr->owner->text, *b = strchr(a, '.'), *c;
	const char *why;
	char buf[120], want[LDNS_MAX_DOMAINLEN * 4 + 32];

	c = b ? strchr(b + 1, '.') : NULL;
	why = owner_problem(rr->owner, a, b ? (size_t)(b - a) : strlen(a),
			    c ? b + 1 : NULL, c ? (size_t)(c - b - 1) : 0,
			    buf, sizeof buf, want, sizeof want);
	if (why)
		ZL_EMIT(ctx, rr->src, !(rr->flags & ZL_RR_OWNER_BLANK) ?
			zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER) : rr->text,
			{ "message", why }, { "want", want });
}

/* The end of the label that starts at s: its '.' or NUL, past escapes
 * (RFC 1035 §5.1: '\.' is a dot inside a label). */
static const char *label_end(const char *s)
{
	for (; *s && *s != '.'; s++)
		if (*s == '\\' && s[1])
			s++;
	return s;
}

/* Whether s[0..n) is n hex digits (canonical text: lower case). */
static bool all_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && strchr("0123456789abcdef", s[i]); i++)
		;
	return n > 0 && i == n;
}

/* Whether label s[0..n), without a leading '_', is the word of the
 * SMIMEA label, or the record type's name written for it. */
static bool smimecert_like(const char *s, size_t n)
{
	s = bare(s, &n);
	return (n == 9 && memcmp(s, "smimecert", 9) == 0) ||
	       (n == 10 && memcmp(s, "smimecerts", 10) == 0) ||
	       (n == 6 && memcmp(s, "smimea", 6) == 0);
}

/* RFC 8162 §3: mail clients look for the SMIMEA records of an address at
 * <hash>._smimecert.<domain>, the hash the first 28 octets of the SHA2-256
 * digest of the local part, 56 hex digits.  A record at another name is
 * never asked for: reported, with the owner meant in want.  A name a
 * CNAME points to may be named as its owner likes, and a wildcard answers
 * for every hash (RFC 4592). */
static void smimea_owner(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const char *a = rr->owner->text, *b = label_end(a), *c, *why;
	const char *dom = b;
	size_t na = (size_t)(b - a);
	bool hash = na == 56 && all_hex(a, na), like;
	char want[LDNS_MAX_DOMAINLEN * 4 + 48];

	if ((rr->owner->refs & ZL_REF_CNAME) || (na == 1 && a[0] == '*'))
		return;
	c = *b ? label_end(b + 1) : b;
	like = *b && smimecert_like(b + 1, (size_t)(c - b - 1));
	if (smimecert_like(a, na)) {
		why = "the hash of the address's local part comes first, then "
		      "'_smimecert'";
	} else if (c - b == 11 && memcmp(b + 1, "_smimecert", 10) == 0) {
		if (hash)
			return;
		why = "the first label is not 56 hex digits, the SHA2-256 "
		      "digest of the local part cut to 28 octets";
		dom = c;
	} else if (like || hash) {
		why = "the label after the hash is '_smimecert'";
		if (like)
			dom = c;
	} else {
		/* no label of the form: the domain is a guess */
		why = "the name is not '<hash>._smimecert.<domain>'";
		dom = NULL;
	}
	if (dom)
		snprintf(want, sizeof want, "%.*s._smimecert%s", hash ? 56 : 6,
			 hash ? a : "<hash>", dom);
	else
		snprintf(want, sizeof want, "<hash>._smimecert.%s",
			 strcmp(a, ".") ? a : "");
	ZL_EMIT(ctx, rr->src, !(rr->flags & ZL_RR_OWNER_BLANK) ?
		zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER) : rr->text,
		{ "message", why }, { "want", want });
}

static void tlsa_fields(struct zl_ctx *ctx)
{
	switch (zl_rule_variant(ctx->rule, 0)) {
	case F_RANGE:
		tlsa_range(ctx);
		break;
	case F_DIGEST:
		tlsa_digest(ctx);
		break;
	case F_MAILBOX:
		smimea_owner(ctx);
		break;
	default:
		tlsa_owner(ctx);
	}
}

const struct zl_check zl_check_tlsa_fields = {
	.name = "tlsa-fields",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = tlsa_fields,
	.variants = field_variants,
	.params = field_params,
	/* range: field (its name), value and max; digest: message;
	 * owner: message and want (the owner meant). */
	.vars = (const char *const[]){ "field", "value", "max", "message",
				       "want", NULL },
};

#define SMTP_PREFIX "_25._tcp."
/* CNAMEs followed from an MX host, as zl_answer follows them */
#define MAX_HOPS 8

static const char *const smtp_problems[] = { "not-mx", "pkix", "null-mx",
					      NULL };

enum { S_NOT_MX, S_PKIX, S_NULL_MX };
static const struct zl_variant_spec smtp_variants[] = {
	{ .key = "problem", .names = smtp_problems },
	{ .key = NULL },
};

static const struct zl_param_spec smtp_params[] = {
	{ .key = NULL },
};

/* A name a DNAME makes: canonical text at most 255 octets, escaped. */
#define SYNTH_MAX (LDNS_MAX_DOMAINLEN * 4 + 2)

/* Whether a DNAME of the run answers for canonical text (RFC 6672 §2.2). */
static bool under_dname(const struct zl_ctx *ctx, const char *text)
{
	const struct zl_zone *dz;
	char synth[SYNTH_MAX];

	return zl_dname_over(ctx, text, &dz, synth, sizeof synth) != NULL;
}

/* RFC 7671 §7: _25._tcp.<host> may be an alias for TLSA records at a name
 * of the operator's choosing, which other services may share: a PKIX
 * usage there is as unusable for SMTP.  Reported at the alias, with a
 * note at the first such record; not when the records are at a _25._tcp
 * name, where they are reported themselves. */
static void pkix_alias(struct zl_ctx *ctx)
{
	const struct zl_rr *t;
	struct zl_at at;
	zl_finding f;
	char u[8];
	int usage;

	/* a record below a DNAME is never served (CNAME008's) */
	if (under_dname(ctx, ctx->rr->owner->text) ||
	    zl_answer(ctx, ctx->rr->owner->text, &at) != ZL_ANSWER_NAME ||
	    strncmp(at.name->text, SMTP_PREFIX, strlen(SMTP_PREFIX)) == 0)
		return;
	for (t = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TLSA); t;
	     t = zl_next_rr(at.zone, t))
		if ((usage = field(t, 0)) == 0 || usage == 1)
			break;
	if (!t)
		return;
	snprintf(u, sizeof u, "%d", usage);
	f = ZL_EMIT(ctx, ctx->rr->src, zl_rr_field_tok(ctx->zone, ctx->rr, 0),
		    { "usage", u });
	if (at.zone == ctx->zone)
		zl_emit_note(ctx, f, t->src, zl_rr_field_tok(at.zone, t, 0),
			     "the TLSA record the alias leads to");
	else
		zl_emit_note_in(ctx, f, at.zone, t->src,
				zl_rr_field_tok(at.zone, t, 0),
				"the TLSA record the alias leads to");
	zl_note_dnames(ctx, f, ctx->rr->owner->text);
}

/* The null MX record of n (RFC 7505 §3) when its MX RRset is that
 * alone, or NULL. */
static const struct zl_rr *null_mx(const struct zl_zone *z,
				   const struct zl_name *n)
{
	const struct zl_rr *rr, *first = zl_first_rr(z, n, LDNS_RR_TYPE_MX);
	const struct zl_name *t;

	for (rr = first; rr; rr = zl_next_rr(z, rr))
		if (rr->nrdf != 2 || !(t = zl_rdf_name(&rr->rdf[1])) ||
		    strcmp(t->text, "."))
			return NULL;
	return first;
}

/* RFC 7505 §3 and §4: a null MX says the domain receives no mail, and senders
 * do not fall back to its addresses (RFC 5321 §5.1's implicit MX), so
 * nothing looks up TLSA at _25._tcp.<domain> for its mail (RFC 7672
 * §2.2.3).  Not when the zone names the host as an MX target: it may
 * receive other domains' mail.  A note at the TLSA record, with one at
 * the null MX. */
static void tlsa_null_mx(struct zl_ctx *ctx, const char *host)
{
	const struct zl_rr *rr;
	struct zl_at at = zl_lookup(ctx, host);
	zl_finding f;

	if (!at.name || (at.name->refs & ZL_REF_MX) ||
	    !(rr = null_mx(at.zone, at.name)))
		return;
	f = ZL_EMIT(ctx, ctx->rr->src, zl_rr_type_tok(ctx->zone, ctx->rr),
		    { "host", host });
	if (at.zone == ctx->zone)
		zl_emit_note(ctx, f, rr->src, zl_rr_field_tok(at.zone, rr, 1),
			     "the null MX of '%s'", host);
	else
		zl_emit_note_in(ctx, f, at.zone, rr->src,
				zl_rr_field_tok(at.zone, rr, 1),
				"the null MX of '%s'", host);
}

static const char *expanded(const struct zl_ctx *ctx, const char *text,
			    char (*buf)[SYNTH_MAX]);

/* The names of a zone between an MX target and the name its CNAMEs lead
 * to: by name id, 1 + the index of the first MX record whose target's
 * chain passes through the name, or 0. */
struct between {
	const struct zl_zone *z;
	uint32_t *mx;
};

static void between_release(void *obj)
{
	struct between *b = obj;

	if (b)
		free(b->mx);
	free(b);
}

/* The name the CNAME of n in z points to, or NULL. */
static const struct zl_name *cname_next(const struct zl_zone *z,
					const struct zl_name *n)
{
	const struct zl_rr *c = zl_first_rr(z, n, LDNS_RR_TYPE_CNAME);

	return c && c->nrdf >= 1 ? zl_rdf_name(&c->rdf[0]) : NULL;
}

/* Marks in b the aliases that the CNAME chain of each MX target of z
 * passes through after the target, as far as z holds the chain: the
 * names that are neither the one the MX record gives nor the one the
 * chain ends at.  A chain longer than resolvers follow (a loop) has no
 * end, and nothing of it is marked. */
static void between_scan(const struct zl_zone *z, struct between *b)
{
	const struct zl_name *t, *next;
	const struct zl_rr *mx;
	size_t i;
	unsigned hops, k;

	b->z = z;
	b->mx = zl_xcalloc(z->nnames ? z->nnames : 1, sizeof *b->mx);
	for (i = 0; i < z->nrrs; i++) {
		mx = &z->rrs[i];
		if (mx->type != LDNS_RR_TYPE_MX || mx->owner->below_cut ||
		    mx->nrdf != 2 || !(t = zl_rdf_name(&mx->rdf[1])))
			continue;
		for (hops = 0, next = cname_next(z, t);
		     next && cname_next(z, next) && hops < MAX_HOPS; hops++)
			next = cname_next(z, next);
		if (hops == 0 || hops >= MAX_HOPS)
			continue;
		/* hops aliases lie between the target and the end */
		for (k = 0, next = cname_next(z, t); k < hops; k++) {
			if (!b->mx[next->id])
				b->mx[next->id] = (uint32_t)i + 1;
			next = cname_next(z, next);
		}
	}
}

/* The MX record of the zone whose target's CNAME chain passes through n
 * (between the target and the chain's end), or NULL. */
static const struct zl_rr *between_mx(struct zl_ctx *ctx,
				      const struct zl_name *n)
{
	void **slot = zl_memo_zone_slot(ctx, ZL_MEMO_TLSA_BETWEEN,
					between_release);
	struct between local = { 0 }, *b = &local;
	const struct zl_rr *mx = NULL;

	if (slot) {
		if (*slot && ((struct between *)*slot)->z != ctx->zone) {
			between_release(*slot);
			*slot = NULL;
		}
		if (!*slot) {
			*slot = zl_xcalloc(1, sizeof *b);
			between_scan(ctx->zone, *slot);
		}
		b = *slot;
	} else {
		between_scan(ctx->zone, b);
	}
	if (b->mx[n->id])
		mx = &ctx->zone->rrs[b->mx[n->id] - 1];
	if (b == &local)
		free(local.mx);
	return mx;
}

/* RFC 7672 §2.2.3 and RFC 7671 §7: for an MX host that is an alias, a
 * sending MTA looks up TLSA at _25._tcp of the name the CNAMEs lead to,
 * and failing that of the name the MX record gives: never of a name
 * between them.  A TLSA record at such a name is asked for only by a
 * sender for whom the name is where its own lookup starts: an MX record
 * that names the alias (MX002's fault, and none of the run does) or mail
 * addressed to the alias itself (§2.2.2); the zone shows it was meant for
 * the chain, where no sender finds it.  Reported at the record, with a
 * note at the MX record whose chain passes through it. */
static bool tlsa_between(struct zl_ctx *ctx, const struct zl_name *n,
			 const char *host)
{
	const struct zl_rr *mx = n ? between_mx(ctx, n) : NULL;
	const struct zl_name *t;
	char buf[2][SYNTH_MAX], why[3 * SYNTH_MAX], fix[3 * SYNTH_MAX];
	const char *f;
	zl_finding d;

	if (!mx || !(t = zl_rdf_name(&mx->rdf[1])))
		return false;
	/* the chain's end, when the run holds it */
	if ((f = expanded(ctx, host, buf)) && f != host) {
		snprintf(why, sizeof why, "an alias between MX target '%s' and "
			 "'%s', the name its CNAMEs lead to: no sender looks "
			 "there", t->text, f);
		snprintf(fix, sizeof fix, "publish the records at "
			 "'_25._tcp.%s' or at '_25._tcp.%s'", f, t->text);
	} else {
		snprintf(why, sizeof why, "an alias between MX target '%s' and "
			 "the name its CNAMEs lead to: no sender looks there",
			 t->text);
		snprintf(fix, sizeof fix, "publish the records at "
			 "'_25._tcp.%s', or where its CNAMEs lead", t->text);
	}
	d = ZL_EMIT(ctx, ctx->rr->src, zl_rr_type_tok(ctx->zone, ctx->rr),
		    { "host", host }, { "why", why }, { "fix", fix });
	zl_emit_note(ctx, d, mx->src, zl_rr_field_tok(ctx->zone, mx, 1),
		     "the MX target whose CNAMEs pass through '%s'", host);
	return true;
}

/* RFC 7672 §2.2.3: SMTP clients look for TLSA at _25._tcp.<MX host>; a
 * TLSA record for a host that no MX of this zone names and no zone of the
 * run gives an address is probably for a renamed or mistyped host (a
 * mail host with addresses may be the MX of other domains: a provider's
 * zone); one whose null MX says it takes no mail is tlsa_null_mx's.
 * §3.1.3: PKIX usages 0 and 1 are not used for
 * SMTP (no agreed trust anchors); clients treat such records as unusable. */
static void tlsa_smtp(struct zl_ctx *ctx)
{
	const char *owner = ctx->rr->owner->text, *host;
	const struct zl_name *n;
	enum zl_answer a;
	struct zl_at at;
	int usage;

	if (strncmp(owner, SMTP_PREFIX, strlen(SMTP_PREFIX)) != 0)
		return;
	host = owner + strlen(SMTP_PREFIX);
	if (zl_rule_variant(ctx->rule, 0) == S_NULL_MX) {
		tlsa_null_mx(ctx, host);
		return;
	}
	if (zl_rule_variant(ctx->rule, 0) == S_PKIX) {
		if (ctx->rr->type == LDNS_RR_TYPE_CNAME)
			pkix_alias(ctx);
		else if ((usage = field(ctx->rr, 0)) == 0 || usage == 1) {
			char u[8];

			snprintf(u, sizeof u, "%d", usage);
			ZL_EMIT(ctx, ctx->rr->src,
				zl_rr_field_tok(ctx->zone, ctx->rr, 0),
				{ "usage", u });
		}
		return;
	}
	/* the host's addresses as a query finds them: a wildcard, a CNAME,
	 * a DNAME; an alias to a name the run does not hold may have them.
	 * A record below a DNAME is never served (CNAME008's). */
	n = zl_zone_lookup(ctx->zone, host);
	if ((n && ((n->refs & ZL_REF_MX) || null_mx(ctx->zone, n))) ||
	    under_dname(ctx, owner))
		return;
	/* a file of the zone that $INCLUDE could not read may hold an MX
	 * that names the host, or its addresses; a lost address record is
	 * reported where it stands */
	if (ctx->zone->lost_unread || (n && zl_lost_address(ctx, n)) ||
	    tlsa_between(ctx, n, host))
		return;
	if ((a = zl_answer(ctx, host, &at)) == ZL_ANSWER_NONE ||
	    a == ZL_ANSWER_YXDOMAIN ||
	    (a == ZL_ANSWER_NAME && !zl_has_address(at.name))) {
		zl_note_dnames(ctx, ZL_EMIT(ctx, ctx->rr->src,
					    zl_rr_type_tok(ctx->zone, ctx->rr),
					    { "host", host },
					    { "why", "which no MX record in "
					      "this zone names and which has "
					      "no address" },
					    { "fix", "check the owner name "
					      "against the MX targets" }),
			       host);
	}
}

const struct zl_check zl_check_tlsa_smtp = {
	.name = "tlsa-smtp",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = tlsa_smtp,
	.variants = smtp_variants,
	.params = smtp_params,
	/* not-mx: why (what the host is) and fix (what to do) */
	.vars = (const char *const[]){ "host", "usage", "why", "fix", NULL },
};

/* The MX target of rr when a zone of the run holds it, or a DNAME of the
 * run answers for it, or NULL. */
static const struct zl_name *mx_target(const struct zl_ctx *ctx,
				       const struct zl_rr *rr)
{
	const struct zl_name *t = rr->nrdf == 2 ? zl_rdf_name(&rr->rdf[1]) : NULL;

	return t && strcmp(t->text, ".") && !rr->owner->below_cut &&
	       (zl_target(ctx, t).zone || under_dname(ctx, t->text)) ? t :
									 NULL;
}

/* What the run's zones say of TLSA records for an MX host: none,
 * some an SMTP client can use, only records it cannot use, or the run
 * cannot tell. */
enum tlsa_known { TLSA_NO, TLSA_YES, TLSA_UNUSABLE, TLSA_UNKNOWN };

/* Whether an SMTP client can use a TLSA record: RFC 7672 §3.1.3 makes it
 * treat PKIX usages 0 and 1 as unusable, and a client skips a usage,
 * selector or matching type that is not defined (RFC 6698 §2.1; 255,
 * private use, may be a client's own and counts as usable), or data
 * that does not fit its matching type (DANE002's: OpenSSL's
 * SSL_dane_tlsa_add does not take it). */
static bool smtp_usable(const struct zl_rr *rr)
{
	static const int max[] = { 3, 1, 2 };
	unsigned i;
	int v;

	if ((v = field(rr, 0)) == 0 || v == 1 || data_fault(rr, NULL, 0))
		return false;
	for (i = 0; i < 3; i++)
		if ((v = field(rr, i)) > max[i] && v != 255)
			return false;
	return true;
}

/* What the TLSA RRset at n says: records of which one is usable, or
 * only unusable ones (RFC 7672 §2.2: a client then requires TLS, but not
 * authentication: the host has no DANE). */
static enum tlsa_known tlsa_set(const struct zl_zone *z,
				const struct zl_name *n)
{
	const struct zl_rr *t = zl_first_rr(z, n, LDNS_RR_TYPE_TLSA);

	if (!t)
		return TLSA_NO;
	for (; t; t = zl_next_rr(z, t))
		if (smtp_usable(t))
			return TLSA_YES;
	return TLSA_UNUSABLE;
}

/* Whether a query for TLSA at _25._tcp.<host> (canonical text) gets
 * records, as the zones of the run answer it: at the name, or the name a
 * DNAME over it rewrites it to (RFC 6672 §2.2), at the wildcard that
 * answers for it (RFC 4592), or at the end of a CNAME.  A CNAME at the
 * name counts as records whatever its target (a dangling one is
 * CNAME006's); an answer from outside the run is unknown, as is one
 * through DNAMEs that rewrite each other's names. */
static enum tlsa_known tlsa_at(const struct zl_ctx *ctx, const char *host)
{
	char q[2][SYNTH_MAX + 16];
	const struct zl_zone *dz;
	const char *name = q[0];
	const struct zl_rrset *alias;
	struct zl_at at;
	enum zl_answer a;
	unsigned hops;

	if (snprintf(q[0], sizeof q[0], "%s%s", SMTP_PREFIX,
		     zl_name_tail(host)) >= (int)sizeof q[0])
		return TLSA_UNKNOWN;
	for (hops = 1; zl_dname_over(ctx, name, &dz, q[hops & 1],
				     sizeof q[hops & 1]); hops++) {
		if (hops > MAX_HOPS)
			return TLSA_UNKNOWN;
		name = q[hops & 1];
	}
	alias = zl_name_rrset(zl_lookup(ctx, name).name, LDNS_RR_TYPE_CNAME);
	/* RFC 7672 §2.1.1: a lookup that fails (YXDOMAIN) is neither
	 * records nor their absence */
	a = zl_answer(ctx, name, &at);
	if (a == ZL_ANSWER_NAME && zl_name_rrset(at.name, LDNS_RR_TYPE_TLSA))
		return tlsa_set(at.zone, at.name);
	if (alias)
		return TLSA_YES;
	if (a == ZL_ANSWER_UNKNOWN || a == ZL_ANSWER_YXDOMAIN)
		return TLSA_UNKNOWN;
	return TLSA_NO;
}

/* One hop of an alias chain from canonical text: the name the DNAME over
 * it makes (RFC 6672 §2.2), in buf (size n), or the target of its CNAME;
 * text itself when it is no alias; NULL when no zone of the run holds it
 * or a wildcard's CNAME answers for it. */
static const char *alias_hop(const struct zl_ctx *ctx, const char *text,
			     char *buf, size_t n)
{
	const struct zl_zone *dz;
	const struct zl_rr *cname;
	struct zl_at at;

	if (!(at = zl_lookup(ctx, text)).zone)
		return NULL;
	if (zl_dname_over(ctx, text, &dz, buf, n))
		return buf;
	if (!at.name || !zl_name_sets(at.name))
		return zl_name_rrset(zl_zone_wildcard(at.zone, text),
				     LDNS_RR_TYPE_CNAME) ? NULL : text;
	cname = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME);
	if (!cname || cname->nrdf < 1 || !zl_rdf_name(&cname->rdf[0]))
		return text;
	return zl_rdf_name(&cname->rdf[0])->text;
}

/* The name a chain of CNAMEs and DNAMEs from canonical text ends at in
 * the run (text itself without one), in buf when a DNAME made it; NULL
 * when the chain leaves the run, goes on through a wildcard's CNAME, or
 * is too long to follow (a loop). */
static const char *expanded(const struct zl_ctx *ctx, const char *text,
			    char (*buf)[SYNTH_MAX])
{
	const char *next;
	unsigned hops;

	/* two buffers in turn: a hop reads the name the last one made */
	for (hops = 0; hops <= MAX_HOPS; hops++) {
		next = alias_hop(ctx, text, buf[hops & 1], SYNTH_MAX);
		if (!next || next == text)
			return next;
		text = next;
	}
	return NULL;
}

/* Whether the MX host t has TLSA records where a sending MTA looks: RFC
 * 7672 §2.2.2-2.2.3 and RFC 7671 §7 make the TLSA base domain the host's
 * CNAME-expanded name, and failing that the name the MX record gives
 * (not a name between them); a DNAME answers with a CNAME (RFC 6672
 * §2.2), so its expansion counts as one.  Unknown when the run cannot
 * tell. */
static enum tlsa_known has_tlsa(const struct zl_ctx *ctx,
				const struct zl_name *t, char (*base)[SYNTH_MAX])
{
	enum tlsa_known k;
	char buf[2][SYNTH_MAX];
	const char *f;

	snprintf(*base, sizeof *base, "%s", t->text);
	/* the expanded name first: records there, usable or not, are the
	 * ones the client takes */
	if (!(f = expanded(ctx, t->text, buf)))
		return (k = tlsa_at(ctx, t->text)) == TLSA_NO ? TLSA_UNKNOWN :
								  k;
	if (f != t->text && (k = tlsa_at(ctx, f)) != TLSA_NO) {
		snprintf(*base, sizeof *base, "%s", f);
		return k;
	}
	return tlsa_at(ctx, t->text);
}

/* RFC 7672 §2.2: a sending MTA that finds one MX host without TLSA may
 * fall back to it, so DANE protects a domain fully only when all of its
 * MX hosts publish TLSA.  Judged per MX RRset: reported at each MX whose
 * target, in any zone of the run, lacks TLSA when another target of the
 * set has it.  A host whose TLSA records are all unusable (PKIX usages,
 * §3.1.3, or data that does not fit) has no DANE either: it is reported,
 * and counts for none; its records themselves are DANE004's, DANE001's
 * and DANE002's, and get no note here.
 * Some hosts without TLSA (a backup at another operator) is ordinary
 * partial deployment, hence a note by default. */
static void tlsa_coverage(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *with = NULL;
	const struct zl_name *t;
	char base[SYNTH_MAX];
	enum tlsa_known k;

	for (rr = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_MX); rr && !with;
	     rr = zl_next_rr(z, rr))
		if ((t = mx_target(ctx, rr)) &&
		    has_tlsa(ctx, t, &base) == TLSA_YES)
			with = rr;
	for (rr = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_MX); with && rr;
	     rr = zl_next_rr(z, rr)) {
		zl_finding d;

		if (!(t = mx_target(ctx, rr)) ||
		    ((k = has_tlsa(ctx, t, &base)) != TLSA_NO &&
		     k != TLSA_UNUSABLE))
			continue;
		/* the name of the unusable records: the expanded one of
		 * an alias, where the client took them */
		d = ZL_EMIT(ctx, rr->src, zl_rr_field_tok(z, rr, 1),
			    { "target", t->text }, { "base", base },
			    { "lack", k == TLSA_NO ? "no TLSA record" :
			      "only TLSA records that SMTP clients cannot use" });
		zl_emit_note(ctx, d, with->src, zl_rr_field_tok(z, with, 1),
			     "this MX target has TLSA records that SMTP "
			     "clients can use");
	}
}

const struct zl_check zl_check_tlsa_coverage = {
	.name = "tlsa-coverage",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = tlsa_coverage,
	.params = no_params,
	/* base: the name whose _25._tcp records were judged */
	.vars = (const char *const[]){ "target", "lack", "base", NULL },
};
