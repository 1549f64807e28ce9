/* zone_conv.c - what the rdata converters share: field names for
 * messages, a field set from its bytes or a name, the references rdata
 * makes. */
#include "zone_conv.h"

#include <string.h>

/* Field names used in messages, as each type's RFC or draft names them;
 * other fields (the one field of HHIT and BRID) are "field N". */
static const struct {
	uint16_t type;
	const char *names[9];
} field_names[] = {
	{ LDNS_RR_TYPE_A, { "address" } },
	{ LDNS_RR_TYPE_AAAA, { "address" } },
	{ LDNS_RR_TYPE_NS, { "name server" } },
	{ LDNS_RR_TYPE_CNAME, { "target" } },
	{ LDNS_RR_TYPE_PTR, { "target" } },
	{ LDNS_RR_TYPE_DNAME, { "target" } },
	{ LDNS_RR_TYPE_MX, { "preference", "exchange" } },
	{ LDNS_RR_TYPE_KX, { "preference", "exchanger" } },
	{ LDNS_RR_TYPE_RT, { "preference", "intermediate host" } },
	{ LDNS_RR_TYPE_AFSDB, { "subtype", "hostname" } },
	{ LDNS_RR_TYPE_PX, { "preference", "MAP822", "MAPX400" } },
	{ LDNS_RR_TYPE_NID, { "preference", "node ID" } },
	{ LDNS_RR_TYPE_L32, { "preference", "locator" } },
	{ LDNS_RR_TYPE_L64, { "preference", "locator" } },
	{ LDNS_RR_TYPE_LP, { "preference", "FQDN" } },
	{ LDNS_RR_TYPE_SOA, { "primary name server", "mailbox", "serial",
			      "refresh", "retry", "expire", "minimum" } },
	{ LDNS_RR_TYPE_SRV, { "priority", "weight", "port", "target" } },
	{ LDNS_RR_TYPE_CAA, { "flags", "tag", "value" } },
	{ LDNS_RR_TYPE_URI, { "priority", "weight", "target" } },
	{ LDNS_RR_TYPE_TLSA, { "usage", "selector", "matching type",
			       "certificate data" } },
	{ LDNS_RR_TYPE_SMIMEA, { "usage", "selector", "matching type",
				 "certificate data" } },
	{ LDNS_RR_TYPE_CERT, { "type", "key tag", "algorithm",
			       "certificate" } },
	{ LDNS_RR_TYPE_DS, { "key tag", "algorithm", "digest type", "digest" } },
	{ LDNS_RR_TYPE_CDS, { "key tag", "algorithm", "digest type", "digest" } },
	{ LDNS_RR_TYPE_DLV, { "key tag", "algorithm", "digest type", "digest" } },
	{ 32768 /* TA */, { "key tag", "algorithm", "digest type", "digest" } },
	{ LDNS_RR_TYPE_ZONEMD, { "serial", "scheme", "hash algorithm",
				 "digest" } },
	{ LDNS_RR_TYPE_DNSKEY, { "flags", "protocol", "algorithm",
				 "public key" } },
	{ LDNS_RR_TYPE_KEY, { "flags", "protocol", "algorithm",
			      "public key" } },
	{ LDNS_RR_TYPE_CDNSKEY, { "flags", "protocol", "algorithm",
				  "public key" } },
	/* draft-reid-dnsext-rkey: laid out as DNSKEY */
	{ LDNS_RR_TYPE_RKEY, { "flags", "protocol", "algorithm",
			       "public key" } },
	/* draft-eastlake-kitchen-sink, with the meaning octet BIND reads */
	{ LDNS_RR_TYPE_SINK, { "meaning", "coding", "subcoding", "data" } },
	/* draft-ietf-nimrod-dns-00 */
	{ LDNS_RR_TYPE_EID, { "endpoint identifier" } },
	{ LDNS_RR_TYPE_NIMLOC, { "locator" } },
	{ LDNS_RR_TYPE_SSHFP, { "algorithm", "fingerprint type",
				"fingerprint" } },
	{ LDNS_RR_TYPE_NAPTR, { "order", "preference", "flags", "services",
				"regexp", "replacement" } },
	{ LDNS_RR_TYPE_IPSECKEY, { "precedence", "gateway type", "algorithm",
				   "gateway", "public key" } },
	{ LDNS_RR_TYPE_AMTRELAY, { "precedence", "relay type", "relay" } },
	{ LDNS_RR_TYPE_DOA, { "enterprise", "type", "location", "media type",
			      "data" } },
	{ 66 /* DSYNC */, { "type", "scheme", "port", "target" } },
	{ LDNS_RR_TYPE_WKS, { "address", "bit map" } },
	{ LDNS_RR_TYPE_X25, { "PSDN address" } },
	{ LDNS_RR_TYPE_LOC, { "rdata" } },
	{ LDNS_RR_TYPE_GPOS, { "longitude", "latitude", "altitude" } },
	{ LDNS_RR_TYPE_RRSIG, { "type covered", "algorithm", "labels",
				"original TTL", "signature expiration",
				"signature inception", "key tag",
				"signer's name", "signature" } },
	{ LDNS_RR_TYPE_SIG, { "type covered", "algorithm", "labels",
			      "original TTL", "signature expiration",
			      "signature inception", "key tag",
			      "signer's name", "signature" } },
	{ LDNS_RR_TYPE_NSEC, { "next domain name", "type bitmap" } },
	{ LDNS_RR_TYPE_NXT, { "next domain name", "type bitmap" } },
	{ LDNS_RR_TYPE_A6, { "prefix length", "address suffix",
			     "prefix name" } },
	{ LDNS_RR_TYPE_CSYNC, { "serial", "flags", "type bitmap" } },
	{ LDNS_RR_TYPE_NSEC3, { "hash algorithm", "flags", "iterations",
				"salt", "next hashed owner name" } },
	{ LDNS_RR_TYPE_NSEC3PARAM, { "hash algorithm", "flags", "iterations",
				     "salt" } },
	{ LDNS_RR_TYPE_OPENPGPKEY, { "public key" } },
	{ LDNS_RR_TYPE_DHCID, { "data" } },
	{ LDNS_RR_TYPE_SVCB, { "priority", "target", "parameters" } },
	{ LDNS_RR_TYPE_HTTPS, { "priority", "target", "parameters" } },
};

const char *zl_conv_field_name(uint16_t type, size_t f)
{
	size_t i;

	for (i = 0; i < sizeof field_names / sizeof field_names[0]; i++)
		if (field_names[i].type == type)
			return f < 9 ? field_names[i].names[f] : NULL;
	return NULL;
}

bool zl_conv_set(struct conv *c, struct zl_rdf *r, uint8_t ft,
		 const void *data, size_t len, size_t ti, size_t take)
{
	uint8_t *p;

	if (len > 65535)
		return bad(c, "limit", tok_at(c, ti),
			   "%s of %zu bytes exceeds 65535", fn(c), len);
	if ((data || !len) && len <= sizeof r->v.in) {
		memcpy(r->v.in, data ? data : "", len);
		r->form = ZL_RDF_INLINE;
	} else {
		/* Read byte by byte: no alignment, no padding. */
		p = data ? zl_arena_bytes(&c->z->arena, len) : NULL;
		if (p)
			memcpy(p, data, len);
		r->v.bytes = p;
		r->form = ZL_RDF_BYTES;
	}
	r->len = (uint16_t)len;
	r->type = ft;
	r->tok = (uint16_t)ti;
	r->ntok = (uint16_t)take;
	return true;
}

bool zl_conv_enc_why(const char *s, size_t n, bool b64, char *why,
		     size_t *k)
{
	if (!zl_enc_why(s, n, b64, why, k))
		return false;
	/* NSD reads escapes in these fields, BIND and Knot DNS do not */
	if (*k < n && s[*k] == '\\')
		snprintf(why, 96, "an escape, which BIND and Knot DNS refuse "
			 "here (NSD reads the character it stands for)");
	return true;
}

/* Where byte k of tokens ti..ti+take joined without blanks (join() with
 * glue) is in the source. */
static struct zl_tok byte_at(const struct conv *c, size_t ti, size_t take,
			     size_t k)
{
	struct zl_tok at;
	const char *s;
	size_t i, n;

	for (i = ti; i < ti + take; i++) {
		if (take == 1) {
			s = tok_text(c, i, &n);
		} else {
			s = c->buf + c->in->toks[i].off;
			n = c->in->toks[i].len;
		}
		if (k < n) {
			at.off = (uint32_t)(s + k - c->buf);
			at.len = 1;
			return at;
		}
		k -= n;
	}
	return span_of(c, ti, take);
}

bool zl_conv_bad_enc(struct conv *c, size_t ti, size_t take, const char *s,
		     size_t n, bool b64)
{
	struct zl_tok at = span_of(c, ti, take);
	char why[96];
	size_t k;

	if (!zl_conv_enc_why(s, n, b64, why, &k))
		return bad(c, "syntax", at, "invalid %s '%.*s%s'", fn(c),
			   ZL_TOKARGS(s, n));
	if (k < n)
		at = byte_at(c, ti, take, k);
	return bad(c, "syntax", at, "invalid %s in %s '%.*s%s': %s",
		   b64 ? "base64" : "hex data", fn(c), ZL_TOKARGS(s, n), why);
}

unsigned zl_conv_decimal(const char *s, size_t n)
{
	unsigned v = 0;

	while (n--)
		v = v * 10 + (unsigned)(*s++ - '0');
	return v;
}

bool zl_conv_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Records how rdata refers to a name (zl_name.refs), for relational
 * checks such as "is anything pointing at this CNAME". */
void zl_conv_ref(struct zl_name *n, uint16_t type)
{
	switch (type) {
	case LDNS_RR_TYPE_MX:
		n->refs |= ZL_REF_MX;
		break;
	case LDNS_RR_TYPE_NS:
		n->refs |= ZL_REF_NS;
		break;
	case LDNS_RR_TYPE_CNAME:
	case LDNS_RR_TYPE_DNAME:
		n->refs |= ZL_REF_CNAME;
		break;
	case LDNS_RR_TYPE_SRV:
		n->refs |= ZL_REF_SRV;
		break;
	default:
		n->refs |= ZL_REF_OTHER;
		break;
	}
}

bool zl_conv_name_set(struct conv *c, struct zl_rdf *r, const uint8_t *wire,
		      size_t wl, size_t ti, size_t take)
{
	/* The name is kept interned, not again in wire form here:
	 * zl_rdf_wire() makes that from it. */
	if (!zl_conv_set(c, r, LDNS_RDF_TYPE_DNAME, NULL, wl, ti, take))
		return false;
	r->v.dname = zl_name_intern_wire(c->z, wire);
	r->form = ZL_RDF_NAME;
	zl_conv_ref(r->v.dname, c->in->type);
	return true;
}

/* Whether the field being converted is a mailbox written as a domain
 * name: an SOA's RNAME (RFC 1035 §3.3.13), MINFO's RMAILBX and EMAILBX
 * (§3.3.7), RP's mbox-dname (RFC 1183 §2.2). */
static bool is_mailbox(const struct conv *c)
{
	switch (c->in->type) {
	case LDNS_RR_TYPE_SOA:
		return c->field == 1;
	case LDNS_RR_TYPE_MINFO:
		return c->field <= 1;
	case LDNS_RR_TYPE_RP:
		return c->field == 0;
	default:
		return false;
	}
}

bool zl_conv_dname(struct conv *c, struct zl_rdf *r, size_t ti)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	const char *s, *cat;
	char msg[256];
	size_t n, wl;

	s = tok_text(c, ti, &n);
	wl = zl_name_from_zone(c->z, c->in->src, tok_at(c, ti), s, n,
			       c->in->origin, c->in->originlen, wire, &cat,
			       msg, sizeof msg, is_mailbox(c));
	if (wl == 0)
		return bad(c, cat, tok_at(c, ti), "%s", msg);
	return zl_conv_name_set(c, r, wire, wl, ti, 1);
}

/* The NSD reading of one escape at s[i] of s[0..n): \DDD is the byte
 * DDD, and a backslash before anything else, digits that are no \DDD of
 * a byte too, is dropped.  Returns the bytes it takes, 0 for a backslash
 * that ends the word or a byte that is no printable character, which no
 * field holds. */
static size_t nsd_escape(const char *s, size_t n, size_t i, char *out)
{
	unsigned v = 0;
	size_t k;

	if (i + 1 >= n)
		return 0;
	for (k = 1; k <= 3 && i + k < n && s[i + k] >= '0' && s[i + k] <= '9';
	     k++)
		v = v * 10 + (unsigned)(s[i + k] - '0');
	if (k == 4 && v <= 255)
		*out = (char)v;
	else
		*out = s[i + 1];
	k = k == 4 && v <= 255 ? 4 : 2;
	return (unsigned char)*out > ' ' && (unsigned char)*out < 0x7f ? k : 0;
}

char *zl_conv_unescape_toks(const struct conv *c, size_t ti, size_t take,
			    struct zl_lex_tok **toks)
{
	const struct zl_lex_tok *t = c->in->toks;
	size_t i, j, k, len = 0, pos = 0;
	bool escaped = false;
	const char *s;
	char *text;

	for (i = ti; i < ti + take; i++) {
		if (t[i].quoted)
			return NULL;
		escaped |= memchr(c->buf + t[i].off, '\\', t[i].len) != NULL;
		len += t[i].len + 1;
	}
	if (!escaped)
		return NULL;
	text = zl_xmalloc(len + 1);
	*toks = zl_xcalloc(ti + take, sizeof **toks);
	for (i = ti; i < ti + take; i++) {
		/* tokens apart in the source stay apart */
		if (i > ti && t[i].off > t[i - 1].off + t[i - 1].len)
			text[pos++] = ' ';
		(*toks)[i].off = (uint32_t)pos;
		s = c->buf + t[i].off;
		for (j = 0; j < t[i].len; j += k) {
			k = 1;
			if (s[j] != '\\')
				text[pos++] = s[j];
			else if ((k = nsd_escape(s, t[i].len, j, &text[pos++]))
				 == 0)
				goto fail;
		}
		(*toks)[i].len = (uint32_t)(pos - (*toks)[i].off);
	}
	text[pos] = '\0';
	return text;
fail:
	free(*toks);
	free(text);
	return NULL;
}
