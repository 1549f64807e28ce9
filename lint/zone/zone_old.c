/* zone_old.c - the text forms of the obsolete types BIND still reads, A6
 * (RFC 2874) and NXT (RFC 2535), which Knot DNS knows by no mnemonic and
 * NSD reads NXT of only. */
#include "zone_conv.h"

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

/* BIND reads no field of either type in quotes (NSD reads NXT's). */
static bool unquoted(struct conv *c)
{
	const char *s;
	size_t i, n;

	for (i = 0; i < c->in->ntoks; i++) {
		if (!c->in->toks[i].quoted)
			continue;
		s = tok_text(c, i, &n);
		return bad(c, "syntax", tok_at(c, i), "%s field \"%.*s%s\" in "
			   "quotes, which BIND refuses%s", tn(c),
			   ZL_TOKARGS(s, n), c->in->type == LDNS_RR_TYPE_NXT ?
			   " (NSD reads the text inside them)" : "");
	}
	return true;
}

/* The number of fields an A6 of prefix length plen has (RFC 2874 §3.1.1):
 * the address suffix when the prefix is shorter than 128 bits, the
 * prefix name when there is a prefix. */
static size_t a6_fields(unsigned plen)
{
	return 1 + (plen < 128) + (plen > 0);
}

/* A6: prefix length 0..128, the address suffix as an IPv6 address whose
 * bits inside the prefix BIND drops, the prefix name.  rdf: the length,
 * the suffix's 16 - plen / 8 bytes (none at 128), the name (none at 0). */
static bool conv_a6(struct conv *c, struct zl_rr *rr)
{
	const struct zl_rdata_in *in = c->in;
	uint8_t plen, addr[16];
	char text[64];
	const char *s;
	size_t n, need, octets;
	unsigned v = 0;

	rr->rdf = zl_arena_alloc(&c->z->arena, 3 * sizeof *rr->rdf);
	c->field = 0;
	s = tok_text(c, 0, &n);
	if (!zl_conv_digits(s, n))
		return bad(c, "syntax", tok_at(c, 0), "%s '%.*s%s' is not a "
			   "number", fn(c), ZL_TOKARGS(s, n));
	for (octets = 0; octets < n && v <= 128; octets++)
		v = v * 10 + (unsigned)(s[octets] - '0');
	if (v > 128)
		return bad(c, "range", tok_at(c, 0), "%s '%.*s%s' is out of "
			   "range 0..128", fn(c), ZL_TOKARGS(s, n));
	plen = (uint8_t)v;
	if (!zl_conv_set(c, &rr->rdf[0], LDNS_RDF_TYPE_INT8, &plen, 1, 0, 1))
		return false;
	need = a6_fields(plen);
	if (in->ntoks < need)
		return bad(c, "syntax", in->type_tok, "missing rdata: A6 with "
			   "prefix length %u needs %s", plen, plen == 128 ?
			   "a prefix name" : plen == 0 ? "an address suffix" :
			   "an address suffix and a prefix name");
	if (in->ntoks > need)
		return bad(c, "syntax", tok_at(c, need), "extra rdata field "
			   "'%.*s%s': A6 with prefix length %u has %s",
			   ZL_TOKARGS(tok_text(c, need, &n), n), plen,
			   plen == 128 ? "no address suffix, only a prefix "
			   "name" : plen == 0 ? "no prefix name" :
			   "an address suffix and a prefix name");
	rr->nrdf = plen == 0 ? 2 : 3;	/* an empty suffix at 128 */
	octets = plen / 8u;
	if (plen < 128) {
		c->field = 1;
		s = tok_text(c, 1, &n);
		if (n >= sizeof text ||
		    (memcpy(text, s, n), text[n] = '\0',
		     inet_pton(AF_INET6, text, addr) != 1))
			return bad(c, "syntax", tok_at(c, 1), "%s '%.*s%s' is "
				   "not an IPv6 address", fn(c),
				   ZL_TOKARGS(s, n));
		addr[octets] &= (uint8_t)(0xff >> plen % 8);
		if (!zl_conv_set(c, &rr->rdf[1], LDNS_RDF_TYPE_HEX,
				 addr + octets, 16 - octets, 1, 1))
			return false;
	} else if (!zl_conv_set(c, &rr->rdf[1], LDNS_RDF_TYPE_HEX, NULL, 0,
				0, 1)) {	/* none: at the length */
		return false;
	}
	c->field = 2;
	return plen == 0 || zl_conv_dname(c, &rr->rdf[2], need - 1);
}

/* One type of an NXT bitmap: BIND reads a number or a mnemonic, NSD a
 * mnemonic it knows or TYPEnnn.  Returns 0 after a problem. */
static uint16_t nxt_type(struct conv *c, size_t ti)
{
	const char *s;
	size_t n, i;
	uint16_t t = 0;
	unsigned not = 0, form = 0;
	bool digits;

	s = tok_text(c, ti, &n);
	digits = zl_conv_digits(s, n);
	for (i = 0; digits && i < n && t < 1000; i++)
		t = (uint16_t)(t * 10 + (s[i] - '0'));
	/* "TYPE+1": BIND reads it, NSD not (zl_lex_generic_form) */
	if (!digits && (form = zl_type_form(s, n, &t) &
			       (ZL_NOT_BIND | ZL_NOT_NSD)) ==
		       (ZL_NOT_BIND | ZL_NOT_NSD))
		return bad(c, "syntax", tok_at(c, ti), "unknown record type "
			   "'%.*s%s' in %s", ZL_TOKARGS(s, n), fn(c)), 0;
	/* RFC 2535 §5.2: the bitmap holds types 1 to 127 (bit 0 set
	 * announces another format). */
	if (t == 0 || t > 127)
		return bad(c, "range", tok_at(c, ti), "record type '%.*s%s' in "
			   "%s, which holds types 1 to 127 (RFC 2535 §5.2): "
			   "BIND, Knot DNS and NSD refuse it", ZL_TOKARGS(s, n),
			   fn(c)), 0;
	if (digits)
		not = ZL_NOT_NSD;
	else if (!zl_type_numeric(s, n))
		not = zl_type_unknown_to(t) & (ZL_NOT_BIND | ZL_NOT_NSD);
	not |= form;
	if (not == (ZL_NOT_BIND | ZL_NOT_NSD))
		return bad(c, "syntax", tok_at(c, ti), "record type '%.*s%s' "
			   "in %s, which BIND and NSD do not know: write it "
			   "as TYPE%u", ZL_TOKARGS(s, n), fn(c), t), 0;
	if (not)
		zl_zone_refused(c->z, not, "portable", c->in->src,
				tok_at(c, ti), "record type '%.*s%s' in %s, "
				"which %s: write it as TYPE%u",
				ZL_TOKARGS(s, n), fn(c),
				zl_servers_refuse(not), t);
	return t;
}

/* NXT: the next domain name, then the types at it as a bitmap of types
 * 1 to 127 that ends at its last byte with a bit set (RFC 2535 §5.2). */
static bool conv_nxt(struct conv *c, struct zl_rr *rr)
{
	uint8_t map[16] = { 0 };
	size_t ti, len = 0;
	uint16_t t;

	rr->rdf = zl_arena_alloc(&c->z->arena, 2 * sizeof *rr->rdf);
	c->field = 0;
	if (!zl_conv_dname(c, &rr->rdf[0], 0))
		return false;
	c->field = 1;
	for (ti = 1; ti < c->in->ntoks; ti++) {
		if ((t = nxt_type(c, ti)) == 0)
			return false;
		map[t / 8] |= (uint8_t)(0x80 >> t % 8);
		if (t / 8u + 1 > len)
			len = t / 8u + 1;
	}
	/* NSD reads at least one type, BIND none as well. */
	if (c->in->ntoks == 1)
		zl_zone_refused(c->z, ZL_NOT_NSD, "portable", c->in->src,
				tok_at(c, 0), "NXT without types, which NSD "
				"refuses: list the types at the owner");
	rr->nrdf = 2;
	/* none: at the name */
	return zl_conv_set(c, &rr->rdf[1], LDNS_RDF_TYPE_HEX, map, len,
			   ti > 1 ? 1 : 0, ti > 1 ? ti - 1 : 1);
}

bool zl_conv_old(struct conv *c, struct zl_rr *rr)
{
	if (c->in->ntoks == 0)
		return bad(c, "syntax", c->in->type_tok, "missing rdata: %s "
			   "needs %s", tn(c), c->in->type == LDNS_RR_TYPE_A6 ?
			   "a prefix length" : "a next domain name");
	if (!unquoted(c))
		return false;
	return c->in->type == LDNS_RR_TYPE_A6 ? conv_a6(c, rr) :
						 conv_nxt(c, rr);
}

/* A name in wire form at p, found whole (old_type_flaw of
 * zone_generic.c), into r from all the record's tokens.  Returns its
 * bytes, 0 after a problem. */
static size_t wire_name(struct conv *c, struct zl_rdf *r, const uint8_t *p)
{
	size_t k = 0;

	while (p[k])
		k += p[k] + 1u;
	return zl_conv_name_set(c, r, p, k + 1, 0, c->in->ntoks) ? k + 1 : 0;
}

bool zl_conv_old_wire(struct conv *c, struct zl_rr *rr, const uint8_t *p,
		      size_t n)
{
	size_t all = c->in->ntoks, k;

	rr->rdf = zl_arena_alloc(&c->z->arena, 3 * sizeof *rr->rdf);
	if (c->in->type == LDNS_RR_TYPE_NXT) {
		rr->nrdf = 2;
		return (k = wire_name(c, &rr->rdf[0], p)) != 0 &&
		       zl_conv_set(c, &rr->rdf[1], LDNS_RDF_TYPE_HEX, p + k,
				   n - k, 0, all);
	}
	/* A6: the prefix length, the suffix's 16 - plen / 8 bytes, the
	 * prefix name unless the length is 0 (RFC 2874 §3.1.1). */
	k = 16u - p[0] / 8u;
	rr->nrdf = p[0] == 0 ? 2 : 3;
	return zl_conv_set(c, &rr->rdf[0], LDNS_RDF_TYPE_INT8, p, 1, 0, all) &&
	       zl_conv_set(c, &rr->rdf[1], LDNS_RDF_TYPE_HEX, p + 1, k, 0,
			   all) &&
	       (p[0] == 0 || wire_name(c, &rr->rdf[2], p + 1 + k) != 0);
}
