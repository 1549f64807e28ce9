/* zone_rdata.c - rdata fields from text to wire form: each type's fields
 * by their format; numbers are zone_number.c's, character-strings
 * zone_string.c's, RFC 3597 data zone_generic.c's. */
#include "zone_conv.h"

#include <netdb.h>
#include <pthread.h>
#include <string.h>

/* Joins tokens ti..ti+take into the scratch buffer, NUL-terminated, for
 * ldns.  glue: concatenate (base64, hex); otherwise a space goes where the
 * source had a gap, so key="value" stays one piece.  A lone quoted token
 * loses its quotes.  Returns NULL for text ldns cannot take (a NUL). */
static const char *join(struct conv *c, size_t ti, size_t take, bool glue)
{
	struct zl_buf *b = c->scratch;
	const struct zl_lex_tok *t = c->in->toks;
	const char *s;
	size_t i, n;

	b->len = 0;
	for (i = ti; i < ti + take; i++) {
		if (take == 1) {
			s = tok_text(c, i, &n);
		} else {
			s = c->buf + t[i].off;
			n = t[i].len;
		}
		if (memchr(s, '\0', n))
			return NULL;
		if (i > ti && !glue && t[i].off > t[i - 1].off + t[i - 1].len)
			zl_buf_addc(b, ' ');
		zl_buf_add(b, s, n);
	}
	zl_buf_add(b, "", 0);
	return b->s;
}

static bool hex_ok(const char *s, size_t *digits)
{
	for (; *s; s++, (*digits)++)
		if (zl_hex_digit(*s) < 0)
			return false;
	return true;
}

/* The bytes that hex or base64 text s[0..n) (blanks removed) decodes to,
 * padding taken off: RDLENGTH has 16 bits (RFC 1035 §3.2.1), and ldns
 * keeps the size of base64 in 16 bits, reading 65544 bytes as 8. */
static size_t enc_size(const char *s, size_t n, uint8_t ft)
{
	size_t pad = 0;

	if (ft == LDNS_RDF_TYPE_HEX)
		return n / 2;
	while (pad < 2 && pad < n && s[n - pad - 1] == '=')
		pad++;
	return (n - pad) * 6 / 8;
}

/* RFC 4034 §2.2 allows blanks anywhere in base64, but Knot DNS takes
 * them only between groups of four characters (and in hex, between
 * pairs of digits), and refuses the zone otherwise: reported once per
 * field, at the token that ends inside a group. */
static void split_group(struct conv *c, uint8_t ft, size_t ti, size_t take)
{
	size_t group = ft == LDNS_RDF_TYPE_B64 ? 4 : 2, i, sum = 0;

	for (i = ti; i + 1 < ti + take; i++) {
		sum += c->in->toks[i].len;
		if (sum % group) {
			zl_zone_refused(c->z, ZL_NOT_KNOT, "split",
					c->in->src, tok_at(c, i),
					"%s is split inside a %s: Knot DNS "
					"refuses to load it", fn(c),
					group == 4 ? "group of four base64 "
					"characters" : "pair of hex digits");
			return;
		}
	}
}

/* Base64 field text s (tokens ti..ti+take, joined) that ldns refuses:
 * Knot DNS reads it when each token is whole groups of four characters,
 * and decodes them one by one, padded or not ("AA==AA==" is two bytes)
 * and dropping what padding leaves over ("AB==" is one), where BIND and
 * NSD refuse '=' before the end and such bits (RFC 4648 §3.3, §3.5).
 * Returns false after reporting what no server reads. */
static bool b64_groups(struct conv *c, struct zl_rdf *r, size_t ti,
		       size_t take)
{
	struct zl_tok at = span_of(c, ti, take);
	char *s = c->scratch->s;
	size_t n = strlen(s), i, len = SIZE_MAX;
	unsigned odd = 0;

	for (i = ti; i < ti + take && c->in->toks[i].len % 4 == 0; i++)
		;
	if (i == ti + take)
		len = zl_b64_groups(s, n, NULL, &odd);
	if (len == SIZE_MAX || !odd)
		return zl_conv_bad_enc(c, ti, take, s, n, true);
	zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_NSD, "portable",
			c->in->src, at, "%s '%.*s%s' %s, which BIND and NSD "
			"refuse (Knot DNS decodes each group of four "
			"characters alone)", fn(c), ZL_TOKARGS(s, n),
			odd & ZL_B64_INSIDE ? "with '=' padding before its end" :
			"with bits set that its padding drops");
	/* decoded in place: the text is read already */
	len = zl_b64_groups(s, n, (uint8_t *)s, &odd);
	return zl_conv_set(c, r, LDNS_RDF_TYPE_B64, s, len, ti, take);
}

static pthread_mutex_t netdb_lock = PTHREAD_MUTEX_INITIALIZER;

/* Copies token ti into buf (size n) as a string, lower-cased when lower;
 * false when it does not fit. */
static bool tok_copy(struct conv *c, size_t ti, char *buf, size_t n,
		     bool lower)
{
	size_t len, i;
	const char *s = tok_text(c, ti, &len);

	if (len >= n)
		return false;
	for (i = 0; i < len; i++)
		buf[i] = lower && s[i] >= 'A' && s[i] <= 'Z' ?
			 (char)(s[i] + 'a' - 'A') : s[i];
	buf[len] = '\0';
	return true;
}

/* A WKS protocol or service written as a number: BIND and NSD read both
 * with strtol(3) or atoi(3), a '+' before the digits or a '-' before a
 * zero too (Knot DNS reads WKS only in RFC 3597 form). */
static bool wks_number(const char *s)
{
	size_t n = strlen(s), plus = zl_number_sign(s, n);

	return zl_conv_digits(s + plus, n - plus);
}

/* The WKS protocol and service names of tokens ti .. ti + take (RFC 1035
 * §3.4.2), as the servers find them in the system's /etc/protocols and
 * /etc/services: both a protocol as written ("TCP" is an alias there,
 * "Tcp" is not); BIND a service in lower case, among those of TCP (6) or
 * UDP (17), or among all for another protocol; NSD a service as written
 * among those of the protocol's own name.  A name BIND does not find is
 * an error (NSD reads an unknown protocol as 0); one only NSD does not is
 * ZONE012.  ldns would read either as 0. */
static bool wks_names(struct conv *c, size_t ti, size_t take, int *protocol)
{
	char proto[32], nsd_proto[32] = "", name[64], lower[64];
	const struct protoent *pe;
	size_t i, n, at, bad_at = SIZE_MAX, nsd_at = SIZE_MAX;
	const char *s;
	int num = -1;

	zl_lock(&netdb_lock);
	if (!tok_copy(c, ti, proto, sizeof proto, false))
		bad_at = ti;
	else if (wks_number(proto))
		num = atoi(proto);
	else if ((pe = getprotobyname(proto)) != NULL)
		num = pe->p_proto;
	else
		bad_at = ti;
	/* NSD looks services up under the protocol's own name ("tcp" for
	 * "TCP" or 6), and refuses a protocol it does not find */
	if (num >= 0 && (pe = getprotobynumber(num)) != NULL &&
	    strlen(pe->p_name) < sizeof nsd_proto)
		strcpy(nsd_proto, pe->p_name);
	else if (num >= 0)
		nsd_at = ti;
	for (i = ti + 1; i < ti + take && bad_at == SIZE_MAX; i++) {
		if (!tok_copy(c, i, name, sizeof name, false) ||
		    !tok_copy(c, i, lower, sizeof lower, true))
			bad_at = i;
		else if (wks_number(name))
			continue;
		else if (!getservbyname(lower, num == 6 ? "tcp" :
					num == 17 ? "udp" : NULL))
			bad_at = i;
		else if (nsd_at == SIZE_MAX &&
			 (!nsd_proto[0] || !getservbyname(name, nsd_proto)))
			nsd_at = i;
	}
	zl_unlock(&netdb_lock);
	*protocol = num;
	/* a name /etc/protocols gives a number over a byte (mptcp, 262) */
	if (num > 255 && bad_at == SIZE_MAX) {
		s = tok_text(c, ti, &n);
		return bad(c, "range", tok_at(c, ti), "WKS protocol '%.*s%s' "
			   "is %d, out of range 0..255", ZL_TOKARGS(s, n),
			   num);
	}
	/* RFC 1035 §3.4.2 leaves the bit map empty when no service is
	 * named; BIND reads it so, NSD refuses it. */
	if (take == 1 && bad_at == SIZE_MAX)
		zl_zone_refused(c->z, ZL_NOT_NSD, "portable", c->in->src,
				tok_at(c, ti), "WKS record that names no "
				"service, which NSD refuses");
	at = bad_at != SIZE_MAX ? bad_at : nsd_at;
	if (at == SIZE_MAX)
		return true;
	s = tok_text(c, at, &n);
	if (bad_at == ti)
		return bad(c, "syntax", tok_at(c, ti), "unknown WKS protocol "
			   "'%.*s%s': BIND does not find it in /etc/protocols "
			   "(NSD reads it as protocol 0)", ZL_TOKARGS(s, n));
	if (bad_at != SIZE_MAX)
		return bad(c, "syntax", tok_at(c, at), "unknown WKS service "
			   "'%.*s%s' for protocol %s: BIND does not find it in "
			   "/etc/services", ZL_TOKARGS(s, n), proto);
	if (at == ti) {
		zl_zone_refused(c->z, ZL_NOT_NSD, "portable", c->in->src,
				tok_at(c, ti), "WKS protocol %.*s%s that NSD "
				"does not find in /etc/protocols, which NSD "
				"refuses", ZL_TOKARGS(s, n));
		return true;
	}
	zl_zone_refused(c->z, ZL_NOT_NSD, "portable", c->in->src,
			tok_at(c, at), "WKS service '%.*s%s' that NSD does "
			"not find for protocol '%s' (it looks names up in "
			"/etc/services as they are written), which NSD "
			"refuses", ZL_TOKARGS(s, n), nsd_proto);
	return true;
}

/* Whether s[0..n) is an ILNP locator or node identifier of four groups
 * of four hex digits, as RFC 6742 §2.3 writes it and Knot DNS reads it
 * (BIND and NSD take shorter groups). */
static bool ilnp64_full(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((i % 5 == 4) != (s[i] == ':') ||
		    (i % 5 != 4 && zl_hex_digit(s[i]) < 0))
			return false;
	return n == 19;
}

/* Whether s[0..n) is four groups of one to four hex digits joined by ':'
 * (RFC 6742 §2.3), as BIND and NSD read an ILNP locator or node
 * identifier; ldns reads each group with sscanf(3), which also takes a
 * sign or "0x" before it, and the servers refuse those. */
static bool ilnp64_groups(const char *s, size_t n)
{
	size_t i, digits = 0, groups = 1;

	for (i = 0; i < n; i++) {
		if (s[i] == ':' && digits && groups < 4) {
			groups++;
			digits = 0;
		} else if (zl_hex_digit(s[i]) < 0 || ++digits > 4) {
			return false;
		}
	}
	return groups == 4 && digits;
}

/* An ILNP locator or node identifier s[0..n) of four groups and a ':'
 * after them, "0014:4fff:ff20:ee64:": BIND reads the groups, Knot DNS
 * and NSD refuse the zone.  Whether it is such; the groups go to
 * out[0..20) as a string. */
static bool ilnp64_colon(struct conv *c, struct zl_tok at, const char *s,
			 size_t n, char out[20])
{
	if (n < 2 || n > 20 || s[n - 1] != ':' || !ilnp64_groups(s, n - 1))
		return false;
	memcpy(out, s, n - 1);
	out[n - 1] = '\0';
	zl_zone_refused(c->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
			c->in->src, at, "%s '%.*s%s' ends in ':', which Knot "
			"DNS and NSD refuse (BIND reads the four groups "
			"before it): remove it", fn(c), ZL_TOKARGS(s, n));
	return true;
}

/* A lone "0" for a hex or base64 field of a type NSD knows: NSD reads it
 * as empty, BIND and Knot DNS refuse it.  RFC 8078 §4 wrote the delete
 * CDS and CDNSKEY so; its erratum 5049 has them carry one zero byte, "00"
 * and "AA==".  An error still: empty, the field is no digest or key. */
static bool lone_zero(struct conv *c, struct zl_tok at)
{
	const char *help = "";
	uint16_t type = c->in->type;

	/* algorithm 0 makes the delete record (§4) */
	if (type == LDNS_RR_TYPE_CDS && !zl_rdf_data(&c->rr->rdf[1])[0])
		help = ": the delete CDS is 0 0 0 00 (RFC 8078 §4, erratum "
		       "5049)";
	else if (type == LDNS_RR_TYPE_CDNSKEY &&
		 !zl_rdf_data(&c->rr->rdf[2])[0])
		help = ": the delete CDNSKEY is 0 3 0 AA== (RFC 8078 §4, "
		       "erratum 5049)";
	return bad(c, "syntax", at, "%s '0', which NSD reads as empty and "
		   "BIND and Knot DNS refuse%s", fn(c), help);
}

/* Hands a field to ldns's own converter for its type. */
static bool conv_ldns(struct conv *c, struct zl_rdf *r, uint8_t ft,
		      size_t ti, size_t take)
{
	bool glue = ft == LDNS_RDF_TYPE_B64 || ft == LDNS_RDF_TYPE_HEX;
	const char *s = join(c, ti, take, glue);
	struct zl_tok at = span_of(c, ti, take);
	size_t i, n, digits = 0;
	uint16_t type;
	ldns_rdf *rd;
	char groups[20];
	int proto;
	bool ok;

	if (!s)
		return bad(c, "syntax", at, "NUL byte in %s", fn(c));
	n = strlen(s);
	if ((ft == LDNS_RDF_TYPE_HEX || ft == LDNS_RDF_TYPE_B64) &&
	    strcmp(s, "0") == 0 &&
	    !(zl_type_unknown_to(c->in->type) & ZL_NOT_NSD))
		return lone_zero(c, at);
	if (ft == LDNS_RDF_TYPE_HEX && (!hex_ok(s, &digits) || digits % 2))
		return zl_conv_bad_enc(c, ti, take, s, n, false);
	/* ldns reads a lone "0" or "-" as empty base64, where only NSD
	 * reads "0" (lone_zero); one character is never base64 (RFC 4648
	 * §4). */
	if (ft == LDNS_RDF_TYPE_B64 && n == 1)
		return zl_conv_bad_enc(c, ti, take, s, n, true);
	if ((ft == LDNS_RDF_TYPE_HEX || ft == LDNS_RDF_TYPE_B64) &&
	    enc_size(s, n, ft) > 65535)
		return bad(c, "limit", at, "%s of %zu bytes exceeds 65535",
			   fn(c), enc_size(s, n, ft));
	if (ft == LDNS_RDF_TYPE_NSEC) {
		/* ldns maps an unknown mnemonic to type 0 without a word. */
		for (i = ti; i < ti + take; i++)
			if (!zl_conv_type_ok(c, i, &type))
				return false;
	}
	/* ldns reads WKS protocol and service names with getprotobyname()
	 * and getservbyname(), whose results sit in static buffers: zones
	 * loading in other threads would read each other's. */
	if (ft == LDNS_RDF_TYPE_WKS && !wks_names(c, ti, take, &proto))
		return false;
	/* ldns wants a service; without one the bit map is empty */
	if (ft == LDNS_RDF_TYPE_WKS && take == 1 && proto <= 255) {
		uint8_t p = (uint8_t)proto;

		return zl_conv_set(c, r, ft, &p, 1, ti, take);
	}
	if (ft == LDNS_RDF_TYPE_WKS)
		pthread_mutex_lock(&netdb_lock);
	if (ft == LDNS_RDF_TYPE_ILNP64 && ilnp64_colon(c, at, s, n, groups)) {
		s = groups;
		n--;
	}
	rd = ft == LDNS_RDF_TYPE_ILNP64 && !ilnp64_groups(s, n) ? NULL :
	     ldns_rdf_new_frm_str((ldns_rdf_type)ft, s);
	if (ft == LDNS_RDF_TYPE_WKS)
		pthread_mutex_unlock(&netdb_lock);
	if (!rd && ft == LDNS_RDF_TYPE_B64)
		return b64_groups(c, r, ti, take);
	/* a salt is hex, or "-" for none (RFC 5155 §3.3) */
	if (!rd && ft == LDNS_RDF_TYPE_NSEC3_SALT)
		return zl_conv_bad_enc(c, ti, take, s, n, false);
	if (!rd)	/* an ILNP64 value as RFC 6742 §2.3 writes it */
		return bad(c, "syntax", at, "invalid %s '%.*s%s'%s", fn(c),
			   ZL_TOKARGS(s, n), ft != LDNS_RDF_TYPE_ILNP64 ? "" :
			   ": not four groups of hex digits joined by ':'");
	if (ft == LDNS_RDF_TYPE_ILNP64 && !ilnp64_full(s, n))
		zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src, at,
				"%s '%.*s%s' with a group of fewer than four "
				"hex digits, which Knot DNS refuses", fn(c),
				ZL_TOKARGS(s, n));
	ok = zl_conv_set(c, r, ft, ldns_rdf_data(rd), ldns_rdf_size(rd), ti,
			 take);
	ldns_rdf_deep_free(rd);
	if (ok && glue)
		split_group(c, ft, ti, take);
	return ok;
}

/* The mnemonics of the one-byte fields, and the servers that refuse
 * each (ZL_NOT_* bits).  DNSSEC algorithms (RFC 4034 A.1): BIND 9.18
 * names 6, 7 and 12 its own way, and only NSD reads ECC.  Key protocols
 * (RFC 2535 §3.1.3): BIND only.  The acronyms of RFC 7218 are for
 * talking about TLSA fields, and no server reads them in a zone. */
struct mnemonic {
	uint8_t ft;
	uint8_t value;
	uint8_t not;
	const char *name;
};

#define NOT_KN (ZL_NOT_KNOT | ZL_NOT_NSD)
#define NOT_ALL (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD)
#define USAGE LDNS_RDF_TYPE_CERTIFICATE_USAGE
#define SEL LDNS_RDF_TYPE_SELECTOR
#define MATCH LDNS_RDF_TYPE_MATCHING_TYPE
static const struct mnemonic mnemonics[] = {
	{ LDNS_RDF_TYPE_ALG, 1, 0, "RSAMD5" },
	{ LDNS_RDF_TYPE_ALG, 2, 0, "DH" },
	{ LDNS_RDF_TYPE_ALG, 3, 0, "DSA" },
	{ LDNS_RDF_TYPE_ALG, 4, ZL_NOT_BIND | ZL_NOT_KNOT, "ECC" },
	{ LDNS_RDF_TYPE_ALG, 5, 0, "RSASHA1" },
	{ LDNS_RDF_TYPE_ALG, 6, ZL_NOT_BIND, "DSA-NSEC3-SHA1" },
	{ LDNS_RDF_TYPE_ALG, 6, NOT_KN, "NSEC3DSA" },
	{ LDNS_RDF_TYPE_ALG, 7, ZL_NOT_BIND, "RSASHA1-NSEC3-SHA1" },
	{ LDNS_RDF_TYPE_ALG, 7, NOT_KN, "NSEC3RSASHA1" },
	{ LDNS_RDF_TYPE_ALG, 8, 0, "RSASHA256" },
	{ LDNS_RDF_TYPE_ALG, 10, 0, "RSASHA512" },
	{ LDNS_RDF_TYPE_ALG, 12, ZL_NOT_BIND, "ECC-GOST" },
	{ LDNS_RDF_TYPE_ALG, 12, NOT_KN, "ECCGOST" },
	{ LDNS_RDF_TYPE_ALG, 13, 0, "ECDSAP256SHA256" },
	{ LDNS_RDF_TYPE_ALG, 14, 0, "ECDSAP384SHA384" },
	{ LDNS_RDF_TYPE_ALG, 15, 0, "ED25519" },
	{ LDNS_RDF_TYPE_ALG, 16, 0, "ED448" },
	{ LDNS_RDF_TYPE_ALG, 252, 0, "INDIRECT" },
	{ LDNS_RDF_TYPE_ALG, 253, 0, "PRIVATEDNS" },
	{ LDNS_RDF_TYPE_ALG, 254, 0, "PRIVATEOID" },
	{ ZL_FT_KEYPROTO, 0, NOT_KN, "NONE" },
	{ ZL_FT_KEYPROTO, 1, NOT_KN, "TLS" },
	{ ZL_FT_KEYPROTO, 2, NOT_KN, "EMAIL" },
	{ ZL_FT_KEYPROTO, 3, NOT_KN, "DNSSEC" },
	{ ZL_FT_KEYPROTO, 4, NOT_KN, "IPSEC" },
	{ ZL_FT_KEYPROTO, 255, NOT_KN, "ALL" },
	{ USAGE, 0, NOT_ALL, "PKIX-TA" },
	{ USAGE, 1, NOT_ALL, "PKIX-EE" },
	{ USAGE, 2, NOT_ALL, "DANE-TA" },
	{ USAGE, 3, NOT_ALL, "DANE-EE" },
	{ USAGE, 255, NOT_ALL, "PrivCert" },
	{ SEL, 0, NOT_ALL, "Cert" },
	{ SEL, 1, NOT_ALL, "SPKI" },
	{ SEL, 255, NOT_ALL, "PrivSel" },
	{ MATCH, 0, NOT_ALL, "Full" },
	{ MATCH, 1, NOT_ALL, "SHA2-256" },
	{ MATCH, 2, NOT_ALL, "SHA2-512" },
	{ MATCH, 255, NOT_ALL, "PrivMatch" },
};
#undef USAGE
#undef SEL
#undef MATCH

/* Numeric or mnemonic fields: numbers are range-checked here (ldns would
 * read a signed number, "-253" or "+3", modulo 256); a mnemonic is read
 * as the servers that know it read it, and reported where one does not.
 * A certificate type (CERT, RFC 4398 §2.1), which every server reads by
 * its mnemonic, goes to ldns. */
static bool conv_mnemonic(struct conv *c, struct zl_rdf *r, uint8_t ft,
			  size_t ti)
{
	size_t n, i;
	const char *s = tok_text(c, ti, &n);
	const struct mnemonic *m = NULL;
	uint8_t stored = ft == ZL_FT_KEYPROTO ? LDNS_RDF_TYPE_INT8 : ft;

	if (n > 0 && ((s[0] >= '0' && s[0] <= '9') || zl_number_sign(s, n)))
		return zl_conv_int(c, r, stored, ti,
				ft == LDNS_RDF_TYPE_CERT_ALG ? 2 : 1);
	if (n == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return bad(c, "syntax", tok_at(c, ti), "invalid %s '%.*s%s'",
			   fn(c), ZL_TOKARGS(s, n));
	if (ft == LDNS_RDF_TYPE_CERT_ALG)
		return conv_ldns(c, r, ft, ti, 1);
	for (i = 0; i < sizeof mnemonics / sizeof mnemonics[0] && !m; i++)
		if (mnemonics[i].ft == ft && strlen(mnemonics[i].name) == n &&
		    strncasecmp(mnemonics[i].name, s, n) == 0)
			m = &mnemonics[i];
	if (!m)
		return bad(c, "syntax", tok_at(c, ti), "invalid %s '%.*s%s'",
			   fn(c), ZL_TOKARGS(s, n));
	if (m->not == NOT_ALL)
		return bad(c, "syntax", tok_at(c, ti), "%s '%.*s%s' is an "
			   "acronym of RFC 7218, which BIND, Knot DNS and NSD "
			   "refuse in a zone: write %u", fn(c),
			   ZL_TOKARGS(s, n), m->value);
	if (m->not)
		zl_zone_refused(c->z, m->not, "portable",
				c->in->src, tok_at(c, ti),
				"%s '%.*s%s' is a mnemonic unknown to %s: "
				"write %u", fn(c), ZL_TOKARGS(s, n),
				zl_servers_str(m->not), m->value);
	return zl_conv_set(c, r, stored, &m->value, 1, ti, 1);
}

/* A field read by one of the parsers of zone_fields.c and zone_svcb.c. */
static bool conv_parsed(struct conv *c, struct zl_rdf *r, uint8_t ft,
			size_t ti, size_t take, zl_field_fn *parse)
{
	struct zl_buf *b = c->scratch;
	struct zl_ferr e;

	b->len = 0;
	e.cat = NULL;
	e.refused = 0;
	if (!parse(c->buf, c->in->toks + ti, take, b, &e))
		return bad(c, e.cat, tok_at(c, ti + e.tok), "%s %s", tn(c),
			   e.msg);
	/* What each server refuses, one part or another. */
	if (e.cat && e.refused == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD))
		return bad(c, "syntax", tok_at(c, ti + e.tok), "%s %s", tn(c),
			   e.msg);
	if (e.cat)	/* read, as some servers do not */
		zl_zone_refused(c->z, e.refused, e.cat, c->in->src,
				tok_at(c, ti + e.tok), "%s %s", tn(c), e.msg);
	return zl_conv_set(c, r, ft, b->s, b->len, ti, take);
}

/* HIP: ldns reads the algorithm, HIT and key as one field; what is wrong
 * in them is said of the part, at its token (zone_fields.c). */
static bool conv_hip(struct conv *c, struct zl_rdf *r, size_t ti,
		     size_t take)
{
	struct zl_ferr e;
	const char *s;
	char *key;
	ldns_rdf *rd;
	size_t n;

	e.cat = NULL;
	if (!zl_field_hip_check(c->buf, c->in->toks + ti, take, &e))
		return bad(c, e.cat, tok_at(c, ti + e.tok), "%s %s", tn(c),
			   e.msg);
	s = tok_text(c, ti + 2, &n);
	key = zl_xmalloc(n + 1);
	memcpy(key, s, n);
	key[n] = '\0';
	rd = ldns_rdf_new_frm_str(LDNS_RDF_TYPE_B64, key);
	free(key);
	/* ldns reads a lone "-" or "0" as no bytes; RFC 8005 §5 has a
	 * key of one byte at least, and the servers want one */
	if (rd && ldns_rdf_size(rd) == 0) {
		ldns_rdf_deep_free(rd);
		rd = NULL;
	}
	if (!rd)
		return bad(c, "syntax", tok_at(c, ti + 2), "invalid %s public "
			   "key '%.*s%s'", tn(c), ZL_TOKARGS(s, n));
	ldns_rdf_deep_free(rd);
	return conv_ldns(c, r, LDNS_RDF_TYPE_HIP, ti, take);
}

/* AMTRELAY (RFC 8777 §4.3): the discovery-optional bit and the relay
 * type, written as two numbers, are one byte on the wire. */
static bool conv_amttype(struct conv *c, struct zl_rdf *r, size_t ti,
			 size_t take)
{
	uint8_t d;

	if (take < 2)
		return bad(c, "syntax", c->in->type_tok,
			   "missing rdata: AMTRELAY needs a relay type after "
			   "the D-bit");
	if (!zl_conv_small(c, r, ti, 1, "AMTRELAY D-bit"))
		return false;
	d = r->v.in[0];
	if (!zl_conv_small(c, r, ti + 1, 3, "AMTRELAY relay type"))
		return false;
	r->v.in[0] |= (uint8_t)(d << 7);
	r->tok = (uint16_t)ti;
	r->ntok = 2;
	return true;
}

/* The IPSECKEY gateway (RFC 4025 §2.5) or AMTRELAY relay (RFC 8777 §4.3):
 * by the type in field 1, none ("."), an IPv4 or IPv6 address, or a
 * domain name. */
static bool conv_gateway(struct conv *c, struct zl_rdf *r, size_t ti)
{
	size_t n;
	const char *s = tok_text(c, ti, &n);

	switch (zl_rdf_data(&c->rr->rdf[1])[0] & 0x7f) {
	case 0:
		if (n != 1 || s[0] != '.' || c->in->toks[ti].quoted)
			return bad(c, "syntax", tok_at(c, ti),
				   "%s '%.*s%s' must be '.' for type 0", fn(c),
				   ZL_TOKARGS(s, n));
		return zl_conv_set(c, r, LDNS_RDF_TYPE_NONE, "", 0, ti, 1);
	case 1:
		return zl_conv_addr(c, r, LDNS_RDF_TYPE_A, ti);
	case 2:
		return zl_conv_addr(c, r, LDNS_RDF_TYPE_AAAA, ti);
	default:
		/* NSD reads a gateway name without '@' */
		if (n == 1 && s[0] == '@' && !c->in->toks[ti].quoted)
			zl_zone_refused(c->z, ZL_NOT_NSD, "portable",
					c->in->src, tok_at(c, ti), "%s '@', "
					"which NSD refuses: write the origin's "
					"name", fn(c));
		return zl_conv_dname(c, r, ti);
	}
}

/* A quoted token where field ft is not text: BIND and Knot DNS read a
 * quoted string only as a character-string (NSD reads what is inside) and
 * refuse the zone, except a quoted CAA tag (BIND alone) and a quoted SVCB
 * or HTTPS target name (Knot DNS alone), read as the others read them.
 * SVCB parameters have their own rules (zone_svcb.c).  Returns false after
 * reporting an error. */
static bool quotes_ok(struct conv *c, uint8_t ft, size_t ti, size_t take)
{
	const char *s, *who;
	size_t i, n;

	if (ft == LDNS_RDF_TYPE_STR || ft == LDNS_RDF_TYPE_LONG_STR ||
	    ft == LDNS_RDF_TYPE_SVCPARAMS)
		return true;
	for (i = ti; i < ti + take; i++) {
		if (!c->in->toks[i].quoted)
			continue;
		s = tok_text(c, i, &n);
		who = ft == LDNS_RDF_TYPE_TAG ? "BIND" :
		      ft == LDNS_RDF_TYPE_DNAME &&
		      (c->in->type == LDNS_RR_TYPE_SVCB ||
		       c->in->type == LDNS_RR_TYPE_HTTPS) ? "Knot DNS" : NULL;
		/* NSD's lexer reads any field in quotes, and a name in
		 * them as one label: "a.b." is a\.b\.. under the origin. */
		if (!who)
			return bad(c, "syntax", tok_at(c, i),
				   "%s \"%.*s%s\" is quoted: BIND and Knot "
				   "DNS read quotes only around text%s", fn(c),
				   ZL_TOKARGS(s, n), ft != LDNS_RDF_TYPE_DNAME ?
				   " (NSD reads the text inside them)" :
				   memchr(s, '.', n) ? " (NSD reads the name "
				   "inside them as one label, its dots "
				   "escaped)" : " (NSD reads the name inside "
				   "them)");
		zl_zone_refused(c->z, ft == LDNS_RDF_TYPE_TAG ? ZL_NOT_BIND :
				ZL_NOT_KNOT, "portable", c->in->src,
				tok_at(c, i), "%s \"%.*s%s\" is quoted, which "
				"%s refuses", fn(c), ZL_TOKARGS(s, n), who);
		return true;
	}
	return true;
}

/* The bounds ldns does not hold fields to: an NSEC3 salt has a length
 * byte (RFC 5155 §3.3), so at most 255 bytes; a WKS protocol is one byte
 * (RFC 1035 §3.4.2).  BIND, Knot DNS and NSD refuse the zone over each.
 * Returns false after reporting one. */
static bool field_bounds(struct conv *c, uint8_t ft, size_t ti)
{
	size_t n;
	const char *s = tok_text(c, ti, &n);

	switch (ft) {
	case LDNS_RDF_TYPE_NSEC3_SALT:
		if (n / 2 > 255)
			return bad(c, "range", tok_at(c, ti),
				   "%s salt of %zu bytes exceeds 255", tn(c),
				   n / 2);
		return true;
	case LDNS_RDF_TYPE_WKS:
		while (n > 1 && s[0] == '0' && zl_conv_digits(s, n)) {
			s++;	/* BIND reads 0006 as 6 */
			n--;
		}
		if (zl_conv_digits(s, n) && (n > 3 || atoi(s) > 255))
			return bad(c, "range", tok_at(c, ti),
				   "%s protocol %.*s%s is out of range 0..255",
				   tn(c), ZL_TOKARGS(s, n));
		return true;
	default:
		return true;
	}
}

static bool conv_field_as(struct conv *c, struct zl_rdf *r, uint8_t ft,
			  size_t ti, size_t take)
{
	const char *s;
	size_t n, i;

	/* a CAA tag in quotes is no refusal when it is no tag at all */
	if (ft == LDNS_RDF_TYPE_TAG)
		return conv_parsed(c, r, ft, ti, take, zl_field_caa_tag) &&
		       quotes_ok(c, ft, ti, take);
	if (!field_bounds(c, ft, ti) || !quotes_ok(c, ft, ti, take))
		return false;
	switch (ft) {
	case ZL_FT_GWTYPE:
		/* Knot DNS reads the gateway type as one digit */
		s = tok_text(c, ti, &n);
		if (n > 1 && s[0] == '0')
			zl_zone_refused(c->z, ZL_NOT_KNOT, "portable",
					c->in->src, tok_at(c, ti), "%s "
					"'%.*s%s' with a leading zero, which "
					"Knot DNS refuses", fn(c),
					ZL_TOKARGS(s, n));
		return zl_conv_small(c, r, ti, 3, NULL);
	case ZL_FT_AMTTYPE:
		return conv_amttype(c, r, ti, take);
	case ZL_FT_GATEWAY:
		return conv_gateway(c, r, ti);
	case ZL_FT_DSCHEME:
		/* RFC 9859: a scheme by number or mnemonic */
		s = tok_text(c, ti, &n);
		if (n == 6 && strncasecmp(s, "NOTIFY", 6) == 0)
			return zl_conv_set(c, r, LDNS_RDF_TYPE_INT8, "\1", 1,
					   ti, 1);
		return zl_conv_int(c, r, LDNS_RDF_TYPE_INT8, ti, 1);
	case ZL_FT_B64DASH:
		/* DOA: "-" is empty data */
		if (take == 1 && (s = tok_text(c, ti, &n))[0] == '-' && n == 1)
			return zl_conv_set(c, r, LDNS_RDF_TYPE_B64, "", 0,
					   ti, 1);
		return conv_ldns(c, r, LDNS_RDF_TYPE_B64, ti, take);
	case LDNS_RDF_TYPE_ATMA:
		return conv_parsed(c, r, ft, ti, take, zl_field_atma);
	case LDNS_RDF_TYPE_NSAP:
		return conv_parsed(c, r, ft, ti, take, zl_field_nsap);
	case LDNS_RDF_TYPE_EUI48:
		return conv_parsed(c, r, ft, ti, take, zl_field_eui48);
	case LDNS_RDF_TYPE_EUI64:
		return conv_parsed(c, r, ft, ti, take, zl_field_eui64);
	case LDNS_RDF_TYPE_NSEC3_NEXT_OWNER:
		return conv_parsed(c, r, ft, ti, take, zl_field_nsec3_next);
	case LDNS_RDF_TYPE_LOC:
		return conv_parsed(c, r, ft, ti, take, zl_field_loc);
	case LDNS_RDF_TYPE_APL:
		return conv_parsed(c, r, ft, ti, take, zl_field_apl);
	case LDNS_RDF_TYPE_SVCPARAMS:
		for (i = ti; i < ti + take; i++) {
			s = tok_text(c, i, &n);
			zl_conv_note_line_break(c, i, s, n);
		}
		return conv_parsed(c, r, ft, ti, take, zl_field_svcparams);
	case LDNS_RDF_TYPE_DNAME:
		return zl_conv_dname(c, r, ti);
	case LDNS_RDF_TYPE_HIP:
		return conv_hip(c, r, ti, take);
	case LDNS_RDF_TYPE_INT8:
		return zl_conv_int(c, r, ft, ti, 1);
	case LDNS_RDF_TYPE_INT16:
		return zl_conv_int(c, r, ft, ti, 2);
	case LDNS_RDF_TYPE_INT32:
		return zl_conv_int(c, r, ft, ti, 4);
	case LDNS_RDF_TYPE_PERIOD:
		return zl_conv_period(c, r, ti);
	case LDNS_RDF_TYPE_TIME:
		return zl_conv_time(c, r, ti);
	case LDNS_RDF_TYPE_A:
	case LDNS_RDF_TYPE_AAAA:
		return zl_conv_addr(c, r, ft, ti);
	case LDNS_RDF_TYPE_STR:
	case LDNS_RDF_TYPE_LONG_STR:
		return zl_conv_str(c, r, ft, ti);
	case LDNS_RDF_TYPE_TYPE:
		return zl_conv_type(c, r, ti);
	case LDNS_RDF_TYPE_ALG:
	case LDNS_RDF_TYPE_CERT_ALG:
	case LDNS_RDF_TYPE_CERTIFICATE_USAGE:
	case LDNS_RDF_TYPE_SELECTOR:
	case LDNS_RDF_TYPE_MATCHING_TYPE:
	case ZL_FT_KEYPROTO:
		return conv_mnemonic(c, r, ft, ti);
	case ZL_FT_KEYFLAGS:
		return zl_conv_keyflags(c, r, ti);
	default:
		return conv_ldns(c, r, ft, ti, take);
	}
}

/* Whether NSD reads field ft from the text of its tokens unescaped, which
 * BIND and Knot DNS do not: every field but names and what holds them
 * (an IPSECKEY gateway of type 3, HIP), strings and the fields with rules
 * of their own (a CAA tag, SVCB parameters). */
static bool nsd_unescapes(const struct conv *c, uint8_t ft)
{
	const uint8_t *gw;

	/* only BIND reads $GENERATE: what it refuses stays an error */
	if (c->z->srcs[c->in->src]->gen_parts)
		return false;
	switch (ft) {
	case LDNS_RDF_TYPE_DNAME:
	case LDNS_RDF_TYPE_HIP:
	case LDNS_RDF_TYPE_STR:
	case LDNS_RDF_TYPE_LONG_STR:
	case LDNS_RDF_TYPE_TAG:
	case LDNS_RDF_TYPE_SVCPARAMS:
		return false;
	case ZL_FT_GATEWAY:
		gw = c->field > 1 ? zl_rdf_data(&c->rr->rdf[1]) : NULL;
		return c->in->type == LDNS_RR_TYPE_IPSECKEY && gw &&
		       (gw[0] == 1 || gw[0] == 2);
	default:
		return true;
	}
}

/* Field ft of tokens ti..ti+take, which did not convert as written, as
 * NSD reads it: its lexer reads \DDD and \X in every word, so that
 * "192.0.2.\049" is an address to it; BIND and Knot DNS read escapes only
 * in names and strings and refuse the zone.  mark: the problems before
 * the field, those after it being the ones of the text as written, which
 * give way when the text unescaped converts.  Returns whether it does. */
static bool conv_unescaped(struct conv *c, struct zl_rdf *r, uint8_t ft,
			   size_t ti, size_t take, size_t mark)
{
	struct zl_tok at = span_of(c, ti, take);
	struct zl_rdata_in in = *c->in;
	struct conv c2 = *c;
	struct zl_lex_tok *toks;
	size_t i, k, before = c->z->nprobs;
	char *text;
	bool ok;

	if (!nsd_unescapes(c, ft) ||
	    (text = zl_conv_unescape_toks(c, ti, take, &toks)) == NULL)
		return false;
	in.toks = toks;
	in.ntoks = ti + take;
	c2.in = &in;
	c2.buf = text;
	ok = conv_field_as(&c2, r, ft, ti, take);
	if (!ok) {
		c->z->nprobs = before;
		goto out;
	}
	/* what the text unescaped gives, at the field as written */
	for (i = before, k = mark; i < c->z->nprobs; i++, k++) {
		c->z->probs[k] = c->z->probs[i];
		c->z->probs[k].at = at;
	}
	c->z->nprobs = k;
	zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
			c->in->src, at, "%s '%.*s%s' written with an escape, "
			"which BIND and Knot DNS do not read there: write "
			"'%.*s%s', as NSD reads it", fn(c),
			ZL_TOKARGS(c->buf + at.off, at.len),
			ZL_TOKARGS(text + toks[ti].off,
				   toks[ti + take - 1].off +
				   toks[ti + take - 1].len - toks[ti].off));
out:
	free(toks);
	free(text);
	return ok;
}

static bool conv_field(struct conv *c, struct zl_rdf *r, uint8_t ft,
		       size_t ti, size_t take)
{
	size_t mark = c->z->nprobs;

	return conv_field_as(c, r, ft, ti, take) ||
	       conv_unescaped(c, r, ft, ti, take, mark);
}

/* How many tokens field ft takes.  Like ldns_rr_new_frm_str: these types
 * may hold spaces when they are the last field, and HIP reads three. */
static size_t field_take(uint8_t ft, bool last, size_t left)
{
	switch (ft) {
	case LDNS_RDF_TYPE_B64:
	case LDNS_RDF_TYPE_HEX:
	case LDNS_RDF_TYPE_NSEC:
	case LDNS_RDF_TYPE_LOC:
	case LDNS_RDF_TYPE_WKS:
	case LDNS_RDF_TYPE_SVCPARAMS:
	case ZL_FT_B64DASH:
		return last ? left : 1;
	case LDNS_RDF_TYPE_HIP:
		return left < 3 ? left : 3;
	case ZL_FT_AMTTYPE:
		return left < 2 ? left : 2;
	default:
		return 1;
	}
}

/* Whether Knot DNS reads on after the last field of the record c
 * converts: anything but its line's end (or a comment right after it)
 * follows it, a blank too, or a ')' on a later line. */
static bool knot_reads_on(const struct conv *c)
{
	const struct zl_lex_tok *last = &c->in->toks[c->in->ntoks - 1];
	const char *p = c->buf + last->off + last->len;

	/* a comment right after it ends the field as the line's end does */
	if (*p == ';')
		p += strcspn(p, "\n");
	else if (*p && *p != '\n')
		return true;
	/* in parentheses: a ')' comes after blanks and comments */
	for (;;) {
		p += strspn(p, " \t\r\n");
		if (*p != ';')
			return *p == ')';
		p += strcspn(p, "\n");
	}
}

/* An IPSECKEY's algorithm 0 says no key is present (RFC 4025 §2.4), and
 * the servers read the two apart differently: BIND refuses a record
 * without a key, whatever its algorithm, and so does Knot DNS unless the
 * line ends right after the gateway (a blank, a comment or a ')' there
 * it takes for a key it cannot read); Knot DNS refuses one with a key
 * and algorithm 0, unless in RFC 3597 form, whose fields it does not
 * read. */
static void note_ipseckey(struct conv *c, const struct zl_rr *rr)
{
	bool key = rr->nrdf > 4 && rr->rdf[4].len > 0;

	if (!key && !(rr->flags & ZL_RR_GENERIC) && knot_reads_on(c))
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, c->in->type_tok,
				"IPSECKEY without a public key, which BIND "
				"refuses, and Knot DNS too: something follows "
				"its gateway, which it takes for a key");
	else if (!key)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable",
				c->in->src, c->in->type_tok,
				"IPSECKEY without a public key, which BIND "
				"refuses");
	else if (zl_rdf_data(&rr->rdf[2])[0] == 0 &&
		 !(rr->flags & ZL_RR_GENERIC))
		zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src,
				span_of(c, rr->rdf[4].tok, rr->rdf[4].ntok),
				"IPSECKEY public key with algorithm 0, which "
				"means no key: Knot DNS refuses it");
}

/* BIND reads the NAPTR regexp field (RFC 3403 §3.2) as a substitution
 * with a POSIX extended regular expression, and refuses a zone with one
 * it cannot read; Knot DNS and NSD take any character-string. */
static void note_naptr(struct conv *c, const struct zl_rr *rr)
{
	const struct zl_rdf *re = &rr->rdf[4];
	const uint8_t *p = rr->nrdf > 4 ? zl_rdf_data(re) : NULL;
	const char *why;

	if (!p || re->len == 0 ||
	    (why = zl_naptr_regexp_flaw(p + 1, re->len - 1U)) == NULL)
		return;
	c->field = 4;
	zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
			span_of(c, re->tok, re->ntok),
			"%s with %s, which BIND refuses", fn(c), why);
}

/* BIND refuses an RRSIG whose signer has more labels than its labels
 * field counts (RFC 4034 §3.1.3: the signer is the owner or one of its
 * ancestors, and the labels field the owner's labels at most). */
static void note_rrsig(struct conv *c, const struct zl_rr *rr)
{
	const struct zl_rdf *signer = &rr->rdf[7];
	unsigned labels, count = 0;
	const char *t;
	size_t i;

	if (rr->nrdf < 8 || signer->form != ZL_RDF_NAME)
		return;
	labels = zl_rdf_data(&rr->rdf[2])[0];
	t = signer->v.dname->text;
	for (i = 0; t[i] && !(i == 0 && t[1] == '\0'); i++)
		if (t[i] == '\\')
			i++;
		else if (t[i] == '.')
			count++;
	if (count > labels)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				span_of(c, signer->tok, signer->ntok),
				"RRSIG signer '%s' of %u labels, more than its "
				"labels field's %u, which BIND refuses", t,
				count, labels);
}

/* BIND reads RKEY flags of 0 only, as RFC 3597 data too (its rkey_57.c
 * refuses others); Knot DNS and NSD load any flags, but read RKEY in
 * RFC 3597 form only, so that written as RKEY no server loads it. */
static void note_rkey(struct conv *c, const struct zl_rr *rr)
{
	const uint8_t *p = rr->nrdf > 0 ? zl_rdf_data(&rr->rdf[0]) : NULL;

	if (p && (p[0] | p[1]))
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				tok_at(c, rr->rdf[0].tok), "RKEY flags %u are "
				"not 0, which BIND refuses",
				(unsigned)p[0] << 8 | p[1]);
}

/* What some of the servers refuse in a record that zonelint reads. */
static void note_refusals(struct conv *c, const struct zl_rr *rr)
{
	if (c->in->type == LDNS_RR_TYPE_IPSECKEY)
		note_ipseckey(c, rr);
	else if (c->in->type == LDNS_RR_TYPE_NAPTR)
		note_naptr(c, rr);
	else if (c->in->type == LDNS_RR_TYPE_RRSIG)
		note_rrsig(c, rr);
	else if (c->in->type == LDNS_RR_TYPE_RKEY)
		note_rkey(c, rr);
	/* RFC 4034 §4.1.2: an NSEC names at least its own type; Knot DNS
	 * and NSD load one without a type bit map, BIND does not. */
	else if (c->in->type == LDNS_RR_TYPE_NSEC && rr->nrdf == 1)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				c->in->type_tok, "NSEC record without a type "
				"bit map, which BIND refuses");
}

/* KEY flags with both top bits set (NOKEY) say that no key follows (RFC
 * 2535 §3.1.2).  BIND reads a KEY so, and refuses one with a key after
 * such flags; Knot DNS and NSD want the key whatever the flags.  A KEY
 * of three fields gets an empty key.  Returns the fields there are. */
static size_t key_nokey(struct conv *c, struct zl_rr *rr, size_t f)
{
	const struct zl_rdf *key = &rr->rdf[3];

	if (c->in->type != LDNS_RR_TYPE_KEY || f < 3 ||
	    (zl_rdf_data(&rr->rdf[0])[0] & 0xC0) != 0xC0)
		return f;
	if (f > 3) {
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				span_of(c, key->tok, key->ntok),
				"KEY public key after flags that say there is "
				"none (NOKEY), which BIND refuses");
		return f;
	}
	zl_zone_refused(c->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
			c->in->src, c->in->type_tok, "KEY without a public "
			"key, as its flags say (NOKEY), which Knot DNS and "
			"NSD refuse");
	c->field = 3;
	return zl_conv_set(c, &rr->rdf[3], LDNS_RDF_TYPE_B64, NULL, 0, 0,
			   c->in->ntoks) ? 4 : f;
}

/* An SSHFP of two fields, without fingerprint (RFC 4255 §3.1): BIND
 * loads it with an empty one, but for the fingerprint types whose length
 * it knows (zl_field_digest then says so); Knot DNS and NSD refuse it.
 * Returns the fields there are. */
static size_t sshfp_bare(struct conv *c, struct zl_rr *rr, size_t f)
{
	if (c->in->type != LDNS_RR_TYPE_SSHFP || f != 2)
		return f;
	zl_zone_refused(c->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
			c->in->src, c->in->type_tok, "SSHFP without a "
			"fingerprint, which Knot DNS and NSD refuse");
	c->field = 2;
	return zl_conv_set(c, &rr->rdf[2], LDNS_RDF_TYPE_HEX, NULL, 0, 0,
			   c->in->ntoks) ? 3 : f;
}

static bool conv_fields(struct conv *c, const struct zl_rrtype *t,
			struct zl_rr *rr)
{
	const struct zl_rdata_in *in = c->in;
	size_t max = t->repeat ? SIZE_MAX : t->max, ti = 0, f = 0, take;
	size_t total = 0;
	struct zl_ferr e;
	uint8_t ft;

	rr->rdf = zl_arena_alloc(&c->z->arena,
				 (in->ntoks < max ? in->ntoks + 1 : max) *
				 sizeof *rr->rdf);
	for (; ti < in->ntoks && f < max; f++, ti += take) {
		ft = zl_rrtype_field(t, f);
		take = field_take(ft, !t->repeat && f == max - 1,
				  in->ntoks - ti);
		c->field = f;
		if (!conv_field(c, &rr->rdf[f], ft, ti, take))
			return false;
		total += rr->rdf[f].len;
	}
	if (ti < in->ntoks)
		return bad(c, "syntax", tok_at(c, ti),
			   "extra rdata field '%.*s%s'",
			   ZL_TOKARGS(c->buf + in->toks[ti].off, in->toks[ti].len));
	f = sshfp_bare(c, rr, key_nokey(c, rr, f));
	if (f < t->min)
		return bad(c, "syntax", in->type_tok,
			   "missing rdata: %s needs %u field%s, found %zu",
			   tn(c), t->min, t->min == 1 ? "" : "s", f);
	if (total > 65535)
		return bad(c, "limit", in->type_tok,
			   "rdata of %zu bytes exceeds 65535", total);
	rr->nrdf = (uint16_t)f;
	if (!zl_field_digest(in->type, rr->rdf, f, &c->field, &e))
		zl_zone_refused(c->z, e.refused, e.cat, in->src,
				span_of(c, rr->rdf[c->field].tok,
					rr->rdf[c->field].ntok),
				"%s %s", fn(c), e.msg);
	note_refusals(c, rr);
	/* NSD keeps 64 rdata fields of a record: the 65th APL item on
	 * it refuses the zone ("too many rdata elements"). */
	if (in->type == LDNS_RR_TYPE_APL && f > 64)
		zl_zone_refused(c->z, ZL_NOT_NSD, "portable", in->src,
				tok_at(c, rr->rdf[64].tok), "APL record of %zu "
				"items, which NSD refuses: it reads 64 at most",
				f);
	return true;
}

/* The record's size as the servers hold it: BIND a record of 65510 bytes
 * of rdata at most, whatever its owner ("ran out of space"; its RRsets,
 * zl_zone_rrset_sizes).  A field of a TXT or SPF string over 255 bytes counts
 * it split as Knot DNS holds it (zl_conv_str), a length byte for each 255
 * bytes: BIND holds one, and refuses such a string anyway. */
static void note_size(struct conv *c, const struct zl_rr *rr)
{
	size_t i, total = 0, split = 0, len;
	bool txt = rr->type == LDNS_RR_TYPE_TXT || rr->type == LDNS_RR_TYPE_SPF;

	for (i = 0; i < rr->nrdf; i++) {
		total += len = rr->rdf[i].len;
		if (txt && len)
			split += (len - 1) / 256;
	}
	total -= split;
	if (total + 2 > ZL_RRSET_BIND_MAX)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				c->in->type_tok, "%s rdata of %zu bytes, which "
				"BIND refuses: it holds %d at most", tn(c),
				total, ZL_RRSET_BIND_MAX - 2);
	c->z->nbig += total > ZL_RDATA_BIG;
}

/* BIND takes a TXT record's "\\#" for RFC 3597's marker only when an
 * unquoted number follows it, and reads it as the text "#" otherwise
 * (lib/dns/rdata.c); Knot DNS takes it for the marker and refuses the
 * zone.  Read as BIND reads it, Knot DNS's refusal noted (NSD's, of "\\#"
 * out of quotes, is note_str_form()'s). */
static bool txt_hash_is_text(struct conv *c)
{
	const struct zl_lex_tok *t = &c->in->toks[1];

	if (c->in->type != LDNS_RR_TYPE_TXT ||
	    (c->in->ntoks > 1 && !t->quoted &&
	     zl_conv_digits(c->buf + t->off, t->len)))
		return false;
	zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src,
			tok_at(c, 0), "TXT '\\#' with no length after it, "
			"which BIND reads as the text \"#\" and Knot DNS as "
			"RFC 3597's marker, and refuses: write the '#' as "
			"\\035");
	return true;
}

bool zl_rdata_convert(struct zl_zone *z, const struct zl_rdata_in *in,
		      struct zl_rr *rr, struct zl_buf *scratch)
{
	const struct zl_rrtype *t = in->rt;
	struct conv c = { z, in, rr, z->srcs[in->src]->buf, scratch, 0, false,
			  "", "" };

	rr->rdf = NULL;
	rr->nrdf = 0;
	if (zl_conv_is_generic(&c) && !txt_hash_is_text(&c)) {
		if (!zl_conv_generic(&c, t, rr))
			return false;
		if (!c.whole)	/* read into the fields of its type */
			note_refusals(&c, rr);
		note_size(&c, rr);
		return true;
	}
	if (!t || t->form == ZL_FORM_GENERIC)
		return bad(&c, "syntax", in->type_tok,
			   "record type '%s' has no known rdata format: write it as RFC 3597 '\\# length hex'",
			   tn(&c));
	if (t->form == ZL_FORM_TEXT) {
		if (!zl_conv_old(&c, rr))
			return false;
		note_size(&c, rr);
		return true;
	}
	if (t->form == ZL_FORM_OPAQUE) {
		/* Kept so that rules about names see it (CNAME and other
		 * data); the loader notes that its rdata is unchecked. */
		rr->flags |= ZL_RR_UNCHECKED;
		return true;
	}
	/* Knot DNS takes any first field that starts with \# for RFC
	 * 3597's marker, and refuses the zone when the rest is no length. */
	if (c.in->ntoks > 0 && !c.in->toks[0].quoted &&
	    c.in->toks[0].len > 2 && memcmp(c.buf + c.in->toks[0].off,
					     "\\#", 2) == 0)
		zl_zone_refused(z, ZL_NOT_KNOT, "portable", in->src,
				tok_at(&c, 0), "%s that starts with '\\#', "
				"which Knot DNS reads as RFC 3597 data and "
				"refuses: write the '#' as \\035", tn(&c));
	if (!conv_fields(&c, t, rr))
		return false;
	note_size(&c, rr);
	return true;
}
