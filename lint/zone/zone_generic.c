/* zone_generic.c - RFC 3597 rdata ("\# length hex") read into the fields
 * of its type, held to what BIND reads from the wire. */
#include "zone_conv.h"

#include <string.h>

bool zl_conv_is_generic(const struct conv *c)
{
	const struct zl_lex_tok *t = &c->in->toks[0];

	return c->in->ntoks > 0 && !t->quoted && t->len == 2 &&
	       memcmp(c->buf + t->off, "\\#", 2) == 0;
}

/* Byte i of token text s[0..n), which is no hex digit. */
static bool bad_byte(struct conv *c, const char *s, size_t n, size_t i)
{
	struct zl_tok at = { (uint32_t)(s + i - c->buf), 1 };
	char why[96];
	size_t k;

	zl_conv_enc_why(s, n, false, why, &k);
	return bad(c, "syntax", at, "invalid hex data '%.*s%s' in RFC 3597 "
		   "rdata: %s", ZL_TOKARGS(s, n), why);
}

/* Decodes the hex of RFC 3597 rdata (tokens 2..) into the scratch buffer
 * after a two-byte length, as ldns_wire2rdf() wants it.  RFC 3597 §5
 * wants the length to match the data exactly: BIND and Knot DNS refuse
 * the zone where it does not; NSD takes the data as it is and ignores
 * the length (nsd-checkzone -p: "\# 12" and 13 bytes as "\# 13"), so
 * *len becomes the data's.  Returns false after reporting a problem. */
static bool generic_hex(struct conv *c, uint64_t *len)
{
	struct zl_buf *b = c->scratch;
	size_t ti, i, n, digits = 0, split = 0;
	const char *s;
	int v;

	for (ti = 2; ti < c->in->ntoks; ti++) {
		s = tok_text(c, ti, &n);
		/* As split_group() for typed hex. */
		if ((digits + n) % 2 && ti + 1 < c->in->ntoks && !split++)
			zl_zone_refused(c->z, ZL_NOT_KNOT, "split", c->in->src,
					tok_at(c, ti), "RFC 3597 rdata is "
					"split inside a pair of hex digits: "
					"Knot DNS refuses to load it");
		for (i = 0; i < n; i++, digits++)
			if (zl_hex_digit(s[i]) < 0)
				return bad_byte(c, s, n, i);
	}
	if (digits / 2 > 65535)
		return bad(c, "range", tok_at(c, 1),
			   "RFC 3597 rdata of %zu bytes exceeds 65535",
			   digits / 2);
	if (digits % 2)
		return bad(c, "syntax", tok_at(c, 1),
			   "RFC 3597 rdata of %zu hex digits, an odd number, "
			   "is no whole number of bytes", digits);
	if (digits / 2 != *len)
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, tok_at(c, 1), "RFC 3597 rdata "
				"length %llu does not match %zu bytes of hex "
				"data, which NSD reads as they are and BIND and "
				"Knot DNS refuse: write %zu",
				(unsigned long long)*len, digits / 2,
				digits / 2);
	*len = digits / 2;
	b->len = 0;
	zl_xgrow((void **)&b->s, &b->cap, (size_t)*len + 3, 1);
	b->s[0] = (char)(*len >> 8);
	b->s[1] = (char)*len;
	for (digits = 0, ti = 2; ti < c->in->ntoks; ti++) {
		s = tok_text(c, ti, &n);
		for (i = 0; i < n; i++, digits++) {
			v = zl_hex_digit(s[i]);
			if (digits % 2 == 0)
				b->s[2 + digits / 2] = (char)(v << 4);
			else
				b->s[2 + digits / 2] |= (char)v;
		}
	}
	b->len = (size_t)*len + 2;
	return true;
}

/* The bytes of the uncompressed domain name at p[0..n), or 0 when it is
 * not one: labels of at most 63 bytes, 255 bytes in all, a root label. */
static size_t wire_name(const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 255 && p[i] && p[i] <= 63)
		i += (size_t)p[i] + 1;
	return i < n && i < 255 && p[i] == 0 ? i + 1 : 0;
}

/* A type bitmap (RFC 4034 §4.1.2, NSEC, NSEC3, CSYNC): windows in rising
 * order, each of 1 to 32 bytes whose last is not 0.  BIND refuses
 * another; ldns reads it. */
static bool bitmap_ok(const uint8_t *p, size_t n)
{
	int last = -1;
	size_t len;

	for (; n > 0; p += 2 + len, n -= 2 + len) {
		len = n >= 2 ? p[1] : 0;
		if (len < 1 || len > 32 || n < 2 + len || p[0] <= last ||
		    p[1 + len] == 0)
			return false;
		last = p[0];
	}
	return true;
}

/* APL items (RFC 3123 §4), one after another: family, prefix, length
 * and that many bytes of address, the last of them not 0; for IPv4 and
 * IPv6 no more bytes and no longer a prefix than their addresses have.
 * BIND refuses another; ldns reads it. */
static bool apl_ok(const uint8_t *p, size_t n)
{
	size_t len;
	unsigned family;

	for (; n > 0; p += 4 + len, n -= 4 + len) {
		if (n < 4 || n < 4 + (len = p[3] & 0x7f) ||
		    (len > 0 && p[3 + len] == 0))
			return false;
		family = (unsigned)p[0] << 8 | p[1];
		if ((family == 1 && (p[2] > 32 || len > 4)) ||
		    (family == 2 && (p[2] > 128 || len > 16)))
			return false;
	}
	return true;
}

/* What is malformed in the wire form of field rd as BIND reads it, where
 * ldns reads any: a type bitmap, an APL item, a CAA tag (1 to 255
 * letters and digits, RFC 8659 §4.1), the HIT and key of a HIP record
 * (both present, RFC 8005 §5), SVCB parameters; NULL when it is whole. */
static const char *field_malformed(const ldns_rdf *rd)
{
	const uint8_t *p = ldns_rdf_data(rd);
	size_t n = ldns_rdf_size(rd), i;

	switch (ldns_rdf_get_type(rd)) {
	case LDNS_RDF_TYPE_BITMAP:
		return bitmap_ok(p, n) ? NULL : "type bitmap";
	case LDNS_RDF_TYPE_APL:
		return apl_ok(p, n) ? NULL : "APL item";
	case LDNS_RDF_TYPE_TAG:
		for (i = 1; i < n; i++)
			if (!(p[i] >= 'a' && p[i] <= 'z') &&
			    !(p[i] >= 'A' && p[i] <= 'Z') &&
			    !(p[i] >= '0' && p[i] <= '9'))
				return "tag";
		return n >= 2 && p[0] == n - 1 ? NULL : "tag";
	case LDNS_RDF_TYPE_HIP:
		return n >= 4 && p[0] > 0 && (p[2] || p[3]) &&
		       n == 4 + (size_t)p[0] + (size_t)(p[2] << 8 | p[3]) ?
		       NULL : "HIT or public key";
	case LDNS_RDF_TYPE_SVCPARAMS:
		return zl_svcparams_wire_ok(p, n) ? NULL : "parameter";
	default:
		return NULL;
	}
}

/* RFC 3597 data of a type that ldns has no wire layout for (SINK,
 * IPSECKEY, DSYNC, DOA, AMTRELAY), read field by field as t lays them
 * out: what BIND reads (lib/dns/rdata), the gateway or relay by its
 * type, the key or data to the end. */
static bool generic_fields(struct conv *c, const struct zl_rrtype *t,
			   struct zl_rr *rr)
{
	const uint8_t *p = (const uint8_t *)c->scratch->s + 2;
	size_t n = c->scratch->len - 2, f, len;
	struct zl_rdf *r;
	uint8_t ft;

	rr->rdf = zl_arena_alloc(&c->z->arena, t->max * sizeof *rr->rdf);
	for (f = 0; f < t->max; f++, p += len, n -= len) {
		r = &rr->rdf[f];
		c->field = f;
		switch ((ft = t->field[f])) {
		case LDNS_RDF_TYPE_INT8:
		case ZL_FT_GWTYPE:
		case ZL_FT_AMTTYPE:
		case ZL_FT_DSCHEME:
			len = 1;
			break;
		case LDNS_RDF_TYPE_INT16:
		case LDNS_RDF_TYPE_TYPE:
			len = 2;
			break;
		case LDNS_RDF_TYPE_INT32:
			len = 4;
			break;
		case LDNS_RDF_TYPE_STR:
			len = n ? (size_t)p[0] + 1 : 1;
			break;
		case ZL_FT_GATEWAY:
			switch (zl_rdf_data(&rr->rdf[1])[0] & 0x7f) {
			case 0:
				ft = LDNS_RDF_TYPE_NONE;
				len = 0;
				break;
			case 1:
				ft = LDNS_RDF_TYPE_A;
				len = 4;
				break;
			case 2:
				ft = LDNS_RDF_TYPE_AAAA;
				len = 16;
				break;
			case 3:
				ft = LDNS_RDF_TYPE_DNAME;
				len = n ? wire_name(p, n) : 1;
				break;
			default:	/* an unassigned relay type */
				ft = LDNS_RDF_TYPE_UNKNOWN;
				len = n;
				break;
			}
			break;
		case LDNS_RDF_TYPE_DNAME:
			len = n ? wire_name(p, n) : 1;
			break;
		default:	/* a key or data: the rest, maybe nothing */
			len = n;
			break;
		}
		if (len > n || (ft == LDNS_RDF_TYPE_DNAME && len == 0) ||
		    (ft == ZL_FT_GWTYPE && p[0] > 3))
			return bad(c, "syntax", tok_at(c, 0), "RFC 3597 rdata "
				   "is not valid %s rdata", tn(c));
		if (ft == LDNS_RDF_TYPE_DNAME) {
			if (!zl_conv_set(c, r, ft, NULL, len, 0, c->in->ntoks))
				return false;
			r->v.dname = zl_name_intern_wire(c->z, p);
			r->form = ZL_RDF_NAME;
			zl_conv_ref(r->v.dname, c->in->type);
		} else if (!zl_conv_set(c, r, ft, p, len, 0, c->in->ntoks)) {
			return false;
		}
	}
	rr->nrdf = (uint16_t)f;
	if (n > 0)
		return bad(c, "syntax", tok_at(c, 0), "RFC 3597 rdata is not "
			   "valid %s rdata: %zu byte%s after its last field",
			   tn(c), n, n == 1 ? "" : "s");
	return true;
}

/* A LOC size or precision (RFC 1876 §2): a mantissa of 1 to 9 and an
 * exponent of 0 to 9, or 0, as BIND holds it. */
static bool loc_power_ok(uint8_t c)
{
	return c == 0 || ((c >> 4) >= 1 && (c >> 4) <= 9 && (c & 0xf) <= 9);
}

/* What BIND refuses, Knot DNS and NSD load, in the fields of RFC 3597
 * data: a LOC of version 0 (16 octets, RFC 1876 §2) whose size or
 * precisions are no digit times a power of ten, or whose latitude or
 * longitude (thousandths of an arc second from 2^31) lies beyond 90 or
 * 180 degrees, and a WKS bit map whose last byte is 0 (RFC 1035 §3.4.2),
 * which presentation format cannot write; a KEY with a key after NOKEY
 * flags (RFC 2535 §3.1.2; key_nokey() of zone_rdata.c for presentation
 * format), a key of algorithm 253 that does not start with a name; SVCB parameters that zl_svcparams_bind_flaw() names.  NULL
 * when none; *f the field. */
static const char *bind_value_flaw(uint16_t type, const struct zl_rr *rr,
				   size_t *f)
{
	static const uint32_t limit[2] = { 90u * 3600000, 180u * 3600000 };
	const uint8_t *p;
	uint32_t v;
	size_t i;

	bool key_like = type == LDNS_RR_TYPE_KEY ||
			type == LDNS_RR_TYPE_DNSKEY ||
			type == LDNS_RR_TYPE_CDNSKEY ||
			type == LDNS_RR_TYPE_RKEY;

	*f = type == LDNS_RR_TYPE_WKS ? 1 : key_like ? 3 :
	     type == LDNS_RR_TYPE_SVCB || type == LDNS_RR_TYPE_HTTPS ? 2 : 0;
	if (rr->nrdf <= *f || !(p = zl_rdf_data(&rr->rdf[*f])))
		return NULL;
	if (*f == 2)
		return zl_svcparams_bind_flaw(p, rr->rdf[2].len);
	if (type == LDNS_RR_TYPE_WKS)
		return rr->rdf[1].len > 1 && p[rr->rdf[1].len - 1] == 0 ?
		       "ends in a zero byte" : NULL;
	if (key_like && rr->rdf[3].len == 0)
		return NULL;
	if (type == LDNS_RR_TYPE_KEY &&
	    (zl_rdf_data(&rr->rdf[0])[0] & 0xC0) == 0xC0)
		return "after flags that say there is none (NOKEY)";
	/* RFC 4034 App. A.1.1: a key of algorithm 253 starts with the
	 * domain name of its algorithm, which BIND reads from the wire,
	 * uncompressed (its presentation form it takes as it is). */
	if (key_like)
		return zl_rdf_data(&rr->rdf[2])[0] == 253 &&
		       wire_name(p, rr->rdf[3].len) == 0 ?
		       "that does not start with a whole domain name, as one "
		       "of algorithm 253 (PRIVATEDNS) does" : NULL;
	if (type != LDNS_RR_TYPE_LOC || rr->rdf[0].len != 16 || p[0] != 0)
		return NULL;
	for (i = 1; i < 4; i++)
		if (!loc_power_ok(p[i]))
			return i == 1 ? "has a size that is no digit times a "
					"power of ten" :
					"has a precision that is no digit "
					"times a power of ten";
	for (i = 0; i < 2; i++) {
		v = (uint32_t)p[4 + 4 * i] << 24 |
		    (uint32_t)p[5 + 4 * i] << 16 |
		    (uint32_t)p[6 + 4 * i] << 8 | p[7 + 4 * i];
		if (v < 0x80000000u - limit[i] || v > 0x80000000u + limit[i])
			return i ? "has a longitude beyond 180 degrees" :
				   "has a latitude beyond 90 degrees";
	}
	return NULL;
}

/* Copies the fields ldns decoded from RFC 3597 wire data, read with the
 * layout of t->wire. */
static bool generic_known(struct conv *c, const struct zl_rrtype *t,
			  struct zl_rr *rr)
{
	ldns_rr *lr = ldns_rr_new();
	size_t pos = 0, i, n;
	struct zl_ferr e;
	ldns_status st;
	ldns_rdf *rd;
	bool ok = false, empty, is_name, sshfp;
	const char *what;
	size_t total;

	if (!lr)
		zl_oom(sizeof *lr);
	ldns_rr_set_type(lr, (ldns_rr_type)t->wire);
	st = ldns_wire2rdf(lr, (const uint8_t *)c->scratch->s, c->scratch->len,
			   &pos);
	n = ldns_rr_rd_count(lr);
	/* A key or digest of no bytes after the other fields, which
	 * presentation format cannot write: Knot DNS and NSD load it, BIND
	 * refuses it; an empty URI target all three load. */
	empty = n > 0 && n + 1 == t->min &&
		(t->field[n] == LDNS_RDF_TYPE_B64 ||
		 t->field[n] == LDNS_RDF_TYPE_HEX ||
		 t->field[n] == LDNS_RDF_TYPE_LONG_STR);
	/* ldns follows a compression pointer in a name; BIND reads RFC
	 * 3597 data uncompressed, so the fields' bytes, names spelled out,
	 * must be the data's. */
	for (i = 0, total = 0; i < n; i++)
		total += ldns_rdf_size(ldns_rr_rdf(lr, i));
	if (st != LDNS_STATUS_OK || pos != c->scratch->len ||
	    total + 2 != c->scratch->len || n + empty < t->min) {
		bad(c, "syntax", tok_at(c, 0),
		    "RFC 3597 rdata is not valid %s rdata", tn(c));
		goto out;
	}
	rr->rdf = zl_arena_alloc(&c->z->arena, (n + 1) * sizeof *rr->rdf);
	if (empty && !zl_conv_set(c, &rr->rdf[n], t->field[n], NULL, 0, 0,
				  c->in->ntoks))
		goto out;
	for (i = 0; i < n; i++) {
		rd = ldns_rr_rdf(lr, i);
		c->field = i;
		if ((what = field_malformed(rd)) != NULL) {
			bad(c, "syntax", tok_at(c, 0), "RFC 3597 rdata is "
			    "not valid %s rdata: a malformed %s", tn(c), what);
			goto out;
		}
		/* A name is kept interned only, as conv_dname keeps it. */
		is_name = ldns_rdf_get_type(rd) == LDNS_RDF_TYPE_DNAME &&
			  wire_name(ldns_rdf_data(rd), ldns_rdf_size(rd)) ==
			  ldns_rdf_size(rd);
		if (!zl_conv_set(c, &rr->rdf[i],
				 (uint8_t)ldns_rdf_get_type(rd),
				 is_name ? NULL : ldns_rdf_data(rd),
				 ldns_rdf_size(rd), 0, c->in->ntoks))
			goto out;
		if (is_name) {
			rr->rdf[i].v.dname = zl_name_intern_wire(c->z,
							ldns_rdf_data(rd));
			rr->rdf[i].form = ZL_RDF_NAME;
			zl_conv_ref(rr->rdf[i].v.dname, c->in->type);
		}
	}
	rr->nrdf = (uint16_t)(n + empty);
	/* An empty digest is noted below, not again for its length; BIND
	 * holds an SSHFP fingerprint only to the length of its type. */
	sshfp = c->in->type == LDNS_RR_TYPE_SSHFP;
	if ((!empty || sshfp) &&
	    !zl_field_digest(c->in->type, rr->rdf, n + empty, &c->field, &e))
		zl_zone_refused(c->z, e.refused, e.cat, c->in->src,
				tok_at(c, 0), "%s %s", fn(c), e.msg);
	if ((what = bind_value_flaw(c->in->type, rr, &c->field)) != NULL)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable", c->in->src,
				tok_at(c, 0), "%s %s, which BIND refuses",
				fn(c), what);
	/* A KEY whose flags say there is no key (RFC 2535 §3.1.2) BIND
	 * reads without one. */
	if (empty && !sshfp && t->field[n] != LDNS_RDF_TYPE_LONG_STR &&
	    !(c->in->type == LDNS_RR_TYPE_KEY &&
	      (zl_rdf_data(&rr->rdf[0])[0] & 0xC0) == 0xC0)) {
		c->field = n;
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable",
				c->in->src, tok_at(c, 0),
				"%s is empty, which BIND refuses", fn(c));
	}
	ok = true;
out:
	ldns_rr_free(lr);
	return ok;
}

/* What BIND finds wrong in RFC 3597 data p[0..n) of the old types X25,
 * ATMA, A6 and NXT, whose fields it reads from the wire; NULL when none.
 * *not: the servers that refuse it, BIND, and NSD where the data is no
 * X25 string or NXT name whole (NSD loads any A6 and ATMA data, Knot DNS
 * any data of all four).  A6 and NXT data without fault is read into
 * the fields of their text forms (zl_conv_old_wire). */
static const char *old_type_flaw(uint16_t type, const uint8_t *p, size_t n,
				 unsigned *not)
{
	size_t i, k, octets;

	*not = ZL_NOT_BIND;
	switch (type) {
	case LDNS_RR_TYPE_X25:	/* RFC 1183 §3.1: 4 digits or more */
		if (n < 1 || p[0] + 1u != n)
			*not |= ZL_NOT_NSD;
		if (n < 5 || p[0] + 1u != n)
			return "an X25 address of fewer than 4 digits";
		for (i = 1; i < n; i++)
			if (p[i] < '0' || p[i] > '9')
				return "an X25 address that is not digits";
		return NULL;
	case LDNS_RR_TYPE_ATMA:	/* format 0 AESA, 1 E.164 digits */
		if (n < 2)
			return "an ATMA record without an address";
		for (i = 1; p[0] == 1 && i < n; i++)
			if (p[i] < '0' || p[i] > '9')
				return "an E.164 ATMA address that is not digits";
		return NULL;
	case LDNS_RR_TYPE_A6:	/* RFC 2874 §3.1.1 */
		if (n < 1)
			return "an A6 record without a prefix length";
		if (p[0] > 128)
			return "an A6 prefix length over 128";
		octets = (128u - p[0] + 7) / 8;
		if (n < 1 + octets)
			return "an A6 address suffix cut short";
		/* BIND reads the prefix's bits as 0 in text, as FORMERR
		 * when set in wire form. */
		if (octets && (p[1] & ~(0xff >> p[0] % 8)))
			return "an A6 address suffix with bits set inside "
			       "the prefix";
		k = n - 1 - octets;
		if (p[0] == 0 && k != 0)
			return "an A6 prefix name after a prefix length of 0";
		if (p[0] != 0 && (k == 0 || wire_name(p + 1 + octets, k) != k))
			return "an A6 prefix name missing or malformed";
		return NULL;
	case LDNS_RR_TYPE_NXT:	/* RFC 2535 §5.2: no bit 0, no zero tail */
		if ((k = wire_name(p, n)) == 0) {
			*not |= ZL_NOT_NSD;
			return "an NXT next domain name missing or malformed";
		}
		if (n - k > 16)
			return "an NXT type bitmap of more than 16 bytes";
		if (n > k && (p[k] & 0x80))
			return "an NXT type bitmap with bit 0 set";
		if (n > k && p[n - 1] == 0)
			return "an NXT type bitmap whose last byte is 0";
		return NULL;
	default:
		return NULL;
	}
}

/* RFC 3597 §5: "\# length hex...", which every type accepts.  Types with
 * a wire layout are decoded into their fields so that checks see them like
 * any other record; the rest keep the rdata as one opaque field. */
bool zl_conv_generic(struct conv *c, const struct zl_rrtype *t,
			 struct zl_rr *rr)
{
	const char *s;
	size_t n, plus;
	uint64_t len = 0, i;
	unsigned not;

	if (c->in->ntoks < 2)
		return bad(c, "syntax", tok_at(c, 0),
			   "missing rdata: RFC 3597 '\\#' needs a length");
	for (i = 1; i < c->in->ntoks; i++)
		if (c->in->toks[i].quoted) {
			s = tok_text(c, (size_t)i, &n);
			return bad(c, "syntax", tok_at(c, (size_t)i),
				   "RFC 3597 rdata \"%.*s%s\" is quoted: BIND "
				   "and Knot DNS read quotes only around text "
				   "(NSD reads the text inside them)",
				   ZL_TOKARGS(s, n));
		}
	s = tok_text(c, 1, &n);
	plus = zl_number_sign(s, n);	/* NSD's strtol(3) takes "+4" */
	if (!zl_conv_digits(s + plus, n - plus))
		return bad(c, "syntax", tok_at(c, 1),
			   "invalid RFC 3597 rdata length '%.*s%s'",
			   ZL_TOKARGS(s, n));
	for (i = plus; i < n && len <= 65535; i++)
		len = len * 10 + (uint64_t)(s[i] - '0');
	if (len > 65535)
		return bad(c, "range", tok_at(c, 1),
			   "RFC 3597 rdata length %.*s%s is out of range 0..65535",
			   ZL_TOKARGS(s, n));
	if (plus)
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, tok_at(c, 1), "RFC 3597 rdata "
				"length '%.*s%s' written with a sign, "
				"which BIND and Knot DNS refuse: write %llu",
				ZL_TOKARGS(s, n), (unsigned long long)len);
	if (!generic_hex(c, &len))
		return false;
	rr->flags |= ZL_RR_GENERIC;
	/* Data of an old type that BIND refuses Knot DNS loads, and NSD
	 * most of it: kept whole, as the data of a type without fields. */
	if ((s = old_type_flaw(c->in->type, (const uint8_t *)c->scratch->s + 2,
			       (size_t)len, &not)) != NULL)
		zl_zone_refused(c->z, not, "portable", c->in->src,
				tok_at(c, 0), "RFC 3597 rdata is not valid %s "
				"rdata: %s, which %s", tn(c), s,
				zl_servers_refuse(not));
	else if (c->in->type == LDNS_RR_TYPE_A6 ||
		 c->in->type == LDNS_RR_TYPE_NXT)
		return zl_conv_old_wire(c, rr, (const uint8_t *)c->scratch->s + 2,
					(size_t)len);
	else if (t && (t->wire || (t->max && !t->repeat && t->form == 0)))
		return t->wire ? generic_known(c, t, rr) :
				 generic_fields(c, t, rr);
	/* A registered type whose rdata has a format, unlike NULL's or an
	 * unassigned number's, goes unchecked. */
	else if (t && t->form != ZL_FORM_GENERIC)
		rr->flags |= ZL_RR_UNCHECKED;
	rr->rdf = zl_arena_alloc(&c->z->arena, sizeof *rr->rdf);
	rr->nrdf = 1;
	c->whole = true;
	return zl_conv_set(c, &rr->rdf[0], LDNS_RDF_TYPE_UNKNOWN,
			   c->scratch->s + 2, (size_t)len, 0, c->in->ntoks);
}
