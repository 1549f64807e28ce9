/* zone_svcb.c - SVCB and HTTPS service parameters (RFC 9460 §2.1, §7, §8, App. A). */
#include "zone_lex.h"

#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_MANDATORY, K_ALPN, K_NODEFAULT, K_PORT, K_IPV4, K_ECH, K_IPV6,
       K_DOHPATH, K_OHTTP, K_GROUPS, K_DOCPATH, K_PVD, K_OOTS, NKEYS };

/* The keys of the "Service Parameter Keys (SvcParamKeys)" registry.
 * no-default-alpn (RFC 9460 §7.1.1) and ohttp (RFC 9540 §4) never take a
 * value; the values of docpath, pvd and oots are not checked, like those
 * of keyNNNNN; the other keys always need one. */
static const char *const keyname[NKEYS] = {
	"mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech",
	"ipv6hint", "dohpath", "ohttp", "tls-supported-groups", "docpath",
	"pvd", "oots",
};

/* The servers that refuse a key written by its name (ZL_NOT_* bits):
 * BIND 9.18, Knot DNS 3.2 and NSD 4.6 each know the keys of RFC 9460,
 * Knot DNS not dohpath (RFC 9461), none the later ones.  Every server
 * reads keyNNNNN. */
static const uint8_t key_unknown_to[NKEYS] = {
	[K_DOHPATH] = ZL_NOT_KNOT,
	[K_OHTTP] = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD,
	[K_GROUPS] = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD,
	[K_DOCPATH] = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD,
	[K_PVD] = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD,
	[K_OOTS] = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD,
};

struct param {
	uint16_t key;
	size_t tok;		/* its token */
	size_t off, len;	/* its wire value in the values buffer */
	/* A key of RFC 9460 written keyNNNNN: the servers that refuse
	 * its value (ZL_NOT_*), and where NSD's reading of it is, as the
	 * key's presentation form, unless NSD refuses it. */
	bool numbered;
	unsigned refused;
	size_t nsd_off, nsd_len;
};

struct svcb {
	const char *buf;
	const struct zl_lex_tok *t;
	struct zl_ferr *e;
	struct param *p;
	size_t np, cap;
	struct zl_buf val;	/* wire values, one after the other */
	struct zl_buf text;	/* the value being read, unescaped */
	bool comma;		/* it was written with "\\," */
	bool escaped;		/* with another escape than "\\," or "\\\\" */
	struct zl_buf item;	/* one item of a value-list */
	/* The first key written keyNNNNN that every server loads, NSD
	 * with another value: noted when nothing else is (other_tok). */
	bool other;
	size_t other_tok;
	uint16_t other_key;
};

static bool ZL_PRINTF(4, 5) fail(struct svcb *v, size_t tok, const char *cat,
				 const char *fmt, ...)
{
	va_list ap;

	v->e->tok = tok;
	v->e->cat = cat;
	va_start(ap, fmt);
	vsnprintf(v->e->msg, sizeof v->e->msg, fmt, ap);
	va_end(ap);
	return false;
}

/* A key name or keyNNNNN, lower case as BIND and Knot DNS read them;
 * returns false for neither.  RFC 9460 §2.1 writes no leading zeros:
 * with zeros NULL they are refused, else *zeros says there are some
 * (Knot DNS and NSD read them, NSD up to five digits). */
static bool parse_key(const char *s, size_t n, uint32_t *key, bool *zeros)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		if (strlen(keyname[i]) == n && memcmp(keyname[i], s, n) == 0) {
			*key = (uint32_t)i;
			return true;
		}
	}
	if (n < 4 || memcmp(s, "key", 3) != 0 ||
	    (s[3] == '0' && n > 4 && !zeros))
		return false;
	if (zeros)
		*zeros = s[3] == '0' && n > 4;
	for (i = 3; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		/* saturated: key_of says it is out of range */
		if (v <= 65535)
			v = v * 10 + (uint32_t)(s[i] - '0');
	}
	*key = v;
	return true;
}

/* parse_key and the range of a key.  65535, registered as the "invalid
 * key" (§14.3.2), is still a key the presentation form may name (§2.1):
 * BIND, Knot and NSD load it.  Returns false after reporting. */
static bool key_of(struct svcb *v, size_t tok, const char *s, size_t n,
		   const char *in, uint16_t *key, bool *zeros)
{
	uint32_t k;

	/* "echconfig", key 5's name in the drafts of RFC 9460: NSD 4.6
	 * still reads it as ech, BIND and Knot DNS refuse it. */
	if (n == 9 && memcmp(s, "echconfig", 9) == 0) {
		*key = K_ECH;
		zl_ferr_refused(v->e, tok, ZL_NOT_BIND | ZL_NOT_KNOT,
				"%sechconfig, a draft's name for ech, which BIND "
				"and Knot DNS refuse: write ech", in);
		return true;
	}
	if (!parse_key(s, n, &k, zeros))
		return fail(v, tok, "syntax", "%sunknown key '%.*s%s'", in,
			    ZL_TOKARGS(s, n));
	if (k > 65535)
		return fail(v, tok, "range", "%skey %.*s%s is out of range "
			    "0..65535", in, ZL_TOKARGS(s, n));
	*key = (uint16_t)k;
	return true;
}

static const char *key_str(uint16_t key, char *buf, size_t sz)
{
	if (key < NKEYS)
		return keyname[key];
	snprintf(buf, sz, "key%u", (unsigned)key);
	return buf;
}

/* Splits the value at *pos into its next value-list item (App. A.1): up to
 * an unescaped ',', with "\," and "\\" standing for themselves.  Returns
 * false at the end of the value. */
static bool next_item(struct svcb *v, size_t *pos)
{
	const char *s = v->text.s;
	size_t i = *pos;

	if (i > v->text.len)
		return false;
	v->item.len = 0;
	for (; i < v->text.len && s[i] != ','; i++) {
		if (s[i] == '\\' && i + 1 < v->text.len)
			i++;
		zl_buf_addc(&v->item, s[i]);
	}
	*pos = i + 1;
	zl_buf_add(&v->item, "", 0);	/* allocated and NUL-terminated */
	return true;
}

static void put16(struct zl_buf *b, unsigned x)
{
	zl_buf_addc(b, (char)(x >> 8));
	zl_buf_addc(b, (char)x);
}

static bool number(const char *s, size_t n, unsigned *out)
{
	size_t i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (*out <= 65535)
			*out = *out * 10 + (unsigned)(s[i] - '0');
	}
	return n > 0;
}

/* Each item of the value through one of the list readers below.  In a
 * value-list a backslash escapes ',' or '\\' only (App. A.1).  Another
 * makes newer Knot DNS refuse the zone, one at the end BIND too (BIND and
 * NSD read "a\\b" as "ab", as next_item does); in mandatory all three
 * refuse it. */
static bool each_item(struct svcb *v, size_t tok, uint16_t key,
		      bool (*one)(struct svcb *, size_t, uint16_t))
{
	const char *s = v->text.s;
	size_t pos = 0, i;

	/* BIND and Knot DNS read "\\," in the zone file as a comma inside
	 * an item, NSD as one between items (as zonelint does): an address
	 * or key with a comma in it they refuse. */
	if (v->comma && key != K_ALPN)
		zl_ferr_refused(v->e, tok, ZL_NOT_BIND | ZL_NOT_KNOT, "%s: "
				"'\\,', which BIND and Knot DNS read as a "
				"comma inside an item, NSD as one between "
				"items: write ',' between items", keyname[key]);
	for (i = 0; i < v->text.len; i++) {
		if (s[i] != '\\' || (++i < v->text.len &&
				      (s[i] == ',' || s[i] == '\\')))
			continue;
		if (key == K_MANDATORY)
			return fail(v, tok, "syntax", "%s: a backslash in a list "
				    "escapes only ',' or '\\' (RFC 9460)",
				    keyname[key]);
		/* Knot DNS 3.2, which --server-config stands for, still
		 * reads it */
		zl_ferr_refused(v->e, tok, i < v->text.len ? 0 : ZL_NOT_BIND,
				"%s: a backslash %s, which %s: in a list it "
				"escapes only ',' or '\\' (RFC 9460)",
				keyname[key], i < v->text.len ? "before "
				"another character" : "at the end",
				i < v->text.len ? "newer Knot DNS refuses" :
				"BIND and newer Knot DNS refuse");
		break;
	}
	while (next_item(v, &pos)) {
		if (v->item.len == 0)
			return fail(v, tok, "syntax",
				    "%s has an empty item in its list",
				    keyname[key]);
		if (!one(v, tok, key))
			return false;
	}
	return true;
}

static bool one_alpn(struct svcb *v, size_t tok, uint16_t key)
{
	(void)key;
	/* RFC 9460 §7.1.1: alpn-id = 1*255OCTET */
	if (v->item.len > 255)
		return fail(v, tok, "range",
			    "alpn protocol identifier of %zu bytes exceeds 255",
			    v->item.len);
	zl_buf_addc(&v->val, (char)v->item.len);
	zl_buf_add(&v->val, v->item.s, v->item.len);
	return true;
}

static bool one_addr(struct svcb *v, size_t tok, uint16_t key)
{
	uint8_t a[16];
	bool v4 = key == K_IPV4;

	/* a \000 would end the text inet_pton reads */
	if (strlen(v->item.s) != v->item.len ||
	    inet_pton(v4 ? AF_INET : AF_INET6, v->item.s, a) != 1)
		return fail(v, tok, "syntax", "%s: invalid %s address '%.*s%s'",
			    keyname[key], v4 ? "IPv4" : "IPv6",
			    ZL_TOKARGS(v->item.s, v->item.len));
	zl_buf_add(&v->val, (const char *)a, v4 ? 4 : 16);
	return true;
}

/* mandatory (§8) and tls-supported-groups: lists of 16-bit values that
 * may not repeat. */
static bool one_code(struct svcb *v, size_t tok, uint16_t key)
{
	char kb[16];
	const uint8_t *w = (const uint8_t *)v->val.s;
	size_t i, start = v->p[v->np].off;
	unsigned x, not;
	uint16_t k;
	bool zeros = false;

	if (key == K_MANDATORY) {
		if (!key_of(v, tok, v->item.s, v->item.len, "mandatory lists ",
			    &k, &zeros))
			return false;
		if (k == K_MANDATORY)
			return fail(v, tok, "syntax",
				    "mandatory may not list itself");
		/* as a key's name (param()): Knot DNS reads the number,
		 * NSD up to five digits, BIND no leading zero */
		not = ZL_NOT_BIND | (v->item.len > 8 ? ZL_NOT_NSD : 0);
		if (zeros)
			zl_ferr_refused(v->e, tok, not, "mandatory lists "
					"%.*s%s with a leading zero, which %s: "
					"write %s", ZL_TOKARGS(v->item.s,
							       v->item.len),
					zl_servers_refuse(not),
					key_str(k, kb, sizeof kb));
		x = k;
	} else if (!number(v->item.s, v->item.len, &x) || x > 65535) {
		return fail(v, tok, "syntax", "%s: invalid group '%.*s%s'",
			    keyname[key], ZL_TOKARGS(v->item.s, v->item.len));
	}
	for (i = start; i + 1 < v->val.len; i += 2)
		if ((unsigned)(w[i] << 8 | w[i + 1]) == x)
			return fail(v, tok, "syntax", "%s lists '%.*s%s' twice",
				    keyname[key],
				    ZL_TOKARGS(v->item.s, v->item.len));
	put16(&v->val, x);
	return true;
}

static int cmp16(const void *a, const void *b)
{
	const uint8_t *x = a, *y = b;

	return (x[0] << 8 | x[1]) - (y[0] << 8 | y[1]);
}

/* Whether the URI template s[0..n) has an expression naming the variable
 * dns (RFC 6570 §2.2: "{" [operator] varspec *("," varspec) "}", a
 * varspec being a name with an optional ":prefix" or "*"). */
static bool has_dns_var(const char *s, size_t n)
{
	const char *e = s + n, *p, *end;
	size_t k;

	for (p = s; (p = memchr(p, '{', (size_t)(e - p))) != NULL; p = end) {
		if ((end = memchr(p, '}', (size_t)(e - p))) == NULL)
			return false;
		p++;
		if (p < end && strchr("+#./;?&", *p))
			p++;
		while (p < end) {
			k = strcspn(p, ",:*}");
			if (k == 3 && memcmp(p, "dns", 3) == 0)
				return true;
			p += k;
			p += strcspn(p, ",}");
			if (p < end)
				p++;
		}
	}
	return false;
}

/* An ech value that ldns refuses as base64: Knot DNS reads it in groups
 * of four characters, padded or not, as it reads base64 fields
 * (zl_b64_groups); BIND and NSD refuse it. */
static bool ech_groups(struct svcb *v, size_t tok)
{
	const char *s = v->text.s;
	size_t n = v->text.len, len = SIZE_MAX, k;
	unsigned odd = 0;
	char why[96];

	if (strlen(s) == n)
		len = zl_b64_groups(s, n, NULL, &odd);
	if ((len == SIZE_MAX || !odd) && zl_enc_why(s, n, true, why, &k))
		return fail(v, tok, "syntax", "ech: invalid base64 '%.*s%s': "
			    "%s", ZL_TOKARGS(s, n), why);
	if (len == SIZE_MAX || !odd)
		return fail(v, tok, "syntax", "ech: invalid base64 '%.*s%s'",
			    ZL_TOKARGS(s, n));
	zl_ferr_refused(v->e, tok, ZL_NOT_BIND | ZL_NOT_NSD, "ech '%.*s%s' "
			"%s, which BIND and NSD refuse (Knot DNS decodes each "
			"group of four characters alone)", ZL_TOKARGS(s, n),
			odd & ZL_B64_INSIDE ? "with '=' padding before its end" :
			"with bits set that its padding drops");
	/* decoded in place: the value is read already */
	zl_b64_groups(s, n, (uint8_t *)v->text.s, &odd);
	zl_buf_add(&v->val, v->text.s, len);
	return true;
}

/* Validates the unescaped value v->text of key and appends its wire form
 * (§7, and the RFCs of the later keys).  A key that no server knows,
 * written keyNNNNN, is read as the servers read it: its value as bytes. */
static bool value(struct svcb *v, size_t tok, uint16_t key, bool has,
		  bool opaque)
{
	size_t start = v->val.len, plus;
	ldns_rdf *rd;
	unsigned x;

	if (opaque)
		goto raw;
	if (key == K_NODEFAULT || key == K_OHTTP) {
		if (v->text.len)
			return fail(v, tok, "syntax", "%s takes no value",
				    keyname[key]);
		if (has)
			zl_ferr_refused(v->e, tok, ZL_NOT_KNOT, "%s= with "
					"an empty value, which Knot DNS "
					"refuses: write %s alone",
					keyname[key], keyname[key]);
		return true;
	}
	if (key >= K_DOCPATH)
		goto raw;
	/* An empty ECHConfigList: BIND and NSD load it, Knot DNS refuses it. */
	if (key == K_ECH && (!has || v->text.len == 0)) {
		zl_ferr_refused(v->e, tok, ZL_NOT_KNOT, "ech without a "
				"value, which Knot DNS refuses");
		return true;
	}
	if (!has || v->text.len == 0)
		return fail(v, tok, "syntax", "%s needs a value", keyname[key]);
	/* "To enable simpler parsing, this SvcParamValue MUST NOT contain
	 * escape sequences" (RFC 9460 §7.2, §7.3, §8, and the ech binding
	 * of draft-ietf-tls-svcb-ech): BIND and Knot DNS refuse one there,
	 * NSD reads the byte it stands for.  "\\," and "\\\\" are list
	 * matters (each_item). */
	if (v->escaped && (key == K_MANDATORY || key == K_PORT ||
			   key == K_IPV4 || key == K_IPV6 || key == K_ECH))
		zl_ferr_refused(v->e, tok, ZL_NOT_BIND | ZL_NOT_KNOT, "%s "
				"value written with an escape, which the RFCs "
				"forbid there and BIND and Knot DNS refuse: "
				"write the characters themselves", keyname[key]);
	switch (key) {
	case K_MANDATORY:
		if (!each_item(v, tok, key, one_code))
			return false;
		qsort(v->val.s + start, (v->val.len - start) / 2, 2, cmp16);
		return true;
	case K_GROUPS:
		return each_item(v, tok, key, one_code);
	case K_ALPN:
		return each_item(v, tok, key, one_alpn);
	case K_IPV4:
	case K_IPV6:
		return each_item(v, tok, key, one_addr);
	case K_PORT:
		plus = zl_number_sign(v->text.s, v->text.len);
		if (!number(v->text.s + plus, v->text.len - plus, &x))
			return fail(v, tok, "syntax", "invalid port '%.*s%s'",
				    ZL_TOKARGS(v->text.s, v->text.len));
		if (x > 65535)
			return fail(v, tok, "range",
				    "port %.*s%s is out of range 0..65535",
				    ZL_TOKARGS(v->text.s, v->text.len));
		if (plus)
			zl_ferr_refused(v->e, tok, ZL_NOT_BIND | ZL_NOT_KNOT,
					"port '%.*s%s' written with a "
					"sign, which BIND and Knot DNS refuse",
					ZL_TOKARGS(v->text.s, v->text.len));
		put16(&v->val, x);
		return true;
	case K_DOHPATH:
		/* NSD reads any dohpath */
		if (v->text.s[0] != '/' || !has_dns_var(v->text.s, v->text.len))
			zl_ferr_refused(v->e, tok, ZL_NOT_BIND, "dohpath "
					"'%.*s%s' is not a relative URI "
					"template with a 'dns' variable (RFC "
					"9461 §5), which BIND refuses",
					ZL_TOKARGS(v->text.s, v->text.len));
		break;
	case K_ECH:
		/* ldns, BIND and NSD skip blanks in base64; Knot DNS refuses
		 * them here, where it reads them between groups in a key */
		if (strcspn(v->text.s, " \t\n\v\f\r") < strlen(v->text.s))
			zl_ferr_refused(v->e, tok, ZL_NOT_KNOT, "ech with a "
					"blank inside its base64, which Knot "
					"DNS refuses: write it without");
		rd = strlen(v->text.s) == v->text.len ?
		     ldns_rdf_new_frm_str(LDNS_RDF_TYPE_B64, v->text.s) : NULL;
		/* ldns reads "-" and "0" as no bytes; the servers refuse
		 * them as base64 (the empty value is handled above).  Blanks
		 * alone are no bytes to BIND and NSD too: the empty value */
		if (rd && ldns_rdf_size(rd) == 0 &&
		    strspn(v->text.s, " \t\n\v\f\r") < v->text.len) {
			ldns_rdf_deep_free(rd);
			rd = NULL;
		}
		if (!rd)
			return ech_groups(v, tok);
		zl_buf_add(&v->val, (const char *)ldns_rdf_data(rd),
			   ldns_rdf_size(rd));
		ldns_rdf_deep_free(rd);
		return true;
	default:
		break;
	}
raw:
	zl_buf_add(&v->val, v->text.s, v->text.len);
	return true;
}

/* The escape at s[i] of the value s[0..n) that zl_unescape refuses: a
 * \DDD of fewer than three digits, which NSD reads as the digits, or
 * another.  Returns false. */
static bool bad_escape(struct svcb *v, size_t tok, const char *s, size_t n,
		       size_t i)
{
	unsigned val;
	size_t d = zl_escape_short(s, n, i, &val);

	if (d == 0)
		return fail(v, tok, "syntax", "invalid escape in '%.*s%s'",
			    ZL_TOKARGS(s, n));
	return fail(v, tok, "syntax", "escape '\\%.*s' of fewer than three "
		    "digits in '%.*s%s', which BIND and Knot DNS refuse (NSD "
		    "reads the characters '%.*s'): write byte %u as \\%03u",
		    (int)d, s + i + 1, ZL_TOKARGS(s, n), (int)d, s + i + 1,
		    val, val);
}

/* Unescapes s[0..n) into v->text, NUL-terminated for inet_pton and
 * ldns. */
static bool unescape_value(struct svcb *v, size_t tok, const char *s,
			   size_t n)
{
	size_t i, k;
	uint8_t b;

	v->text.len = 0;
	v->comma = false;
	v->escaped = false;
	for (i = 0; i < n; i += k) {
		k = 1;
		b = (uint8_t)s[i];
		v->comma |= s[i] == '\\' && i + 1 < n && s[i + 1] == ',';
		v->escaped |= s[i] == '\\' && i + 1 < n && s[i + 1] != ',' &&
			      s[i + 1] != '\\';
		if (s[i] == '\\' && (k = zl_unescape(s, n, i, &b)) == 0)
			return bad_escape(v, tok, s, n, i);
		zl_buf_addc(&v->text, (char)b);
	}
	zl_buf_add(&v->text, "", 0);
	return true;
}

/* Key p, written by a name that some servers do not know: the same
 * parameter as keyNNNNN, its value in wire form (RFC 9460 §2.1), which
 * every server reads.  An error when no server knows the name. */
static bool unknown_name(struct svcb *v, const struct param *p)
{
	/* no value yet: v->val.s may be NULL */
	const uint8_t *w = p->len ? (const uint8_t *)v->val.s + p->off : NULL;
	unsigned not = key_unknown_to[p->key];
	char as[64];
	size_t i, n;

	n = (size_t)snprintf(as, sizeof as, "key%u", (unsigned)p->key);
	if (p->len)
		n += (size_t)snprintf(as + n, sizeof as - n, "=\"");
	for (i = 0; i < p->len && n + 6 < sizeof as; i++)
		n += (size_t)snprintf(as + n, sizeof as - n,
				      w[i] > ' ' && w[i] < 0x7f && w[i] != '"' &&
				      w[i] != '\\' && w[i] != ';' ? "%c" :
				      "\\%03u", w[i]);
	if (i < p->len)
		snprintf(as, sizeof as, "key%u with its value in wire form",
			 (unsigned)p->key);
	else if (p->len)
		snprintf(as + n, sizeof as - n, "\"");
	if (not == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD))
		return fail(v, p->tok, "syntax", "key %s is unknown to %s: "
			    "write %s", keyname[p->key], zl_servers_str(not),
			    as);
	zl_ferr_refused(v->e, p->tok, not, "key %s is unknown to %s: "
			"write %s", keyname[p->key], zl_servers_str(not), as);
	return true;
}

/* Whether p[0..n) is the wire form of known key's value, as BIND reads
 * the value of a known key written keyNNNNN (RFC 9460 §7): mandatory a
 * list of keys, alpn of length-prefixed identifiers, port two bytes,
 * the hints whole addresses, no-default-alpn nothing. */
static bool wire_ok(uint16_t key, const uint8_t *p, size_t n)
{
	size_t i;

	switch (key) {
	case K_MANDATORY:
		/* §8: keys in strictly rising order, not mandatory itself */
		for (i = 0; i + 1 < n; i += 2)
			if ((p[i] << 8 | p[i + 1]) <=
			    (i ? p[i - 2] << 8 | p[i - 1] : 0))
				return false;
		return n > 0 && n % 2 == 0;
	case K_ALPN:
		for (i = 0; i < n; i += (size_t)p[i] + 1)
			if (p[i] == 0)
				return false;
		return n > 0 && i == n;
	case K_NODEFAULT:
		return n == 0;
	case K_PORT:
		return n == 2;
	case K_IPV4:
		return n > 0 && n % 4 == 0;
	case K_IPV6:
		return n > 0 && n % 16 == 0;
	case K_DOHPATH:
		return n > 0 && p[0] == '/' && has_dns_var((const char *)p, n);
	default:
		return true;
	}
}

/* A key of RFC 9460 that BIND knows, written keyNNNNN (§2.1) as kw[0..kn)
 * (zeros: with leading zeros, which BIND refuses): BIND reads its value
 * as the key's wire form, Knot DNS as bytes it checks only for mandatory,
 * NSD as the key's presentation form.  Notes the servers that refuse it,
 * with those param() found (p->refused), and keeps the bytes, which two
 * of the three read.  value() adds no parameter: p stays.  False after
 * an error: bytes not in the key's wire form that Knot DNS serves. */
static bool numbered(struct svcb *v, size_t tok, uint16_t key, bool has,
		     const char *kw, size_t kn, bool zeros)
{
	struct param *p = &v->p[v->np];
	struct zl_ferr nsd = { 0 }, *e = v->e;
	bool wire;

	/* NSD's reading, whose notes of the other servers do not apply */
	p->numbered = true;
	p->nsd_off = v->val.len;
	v->e = &nsd;
	if (!value(v, tok, key, has, false)) {
		p->refused |= ZL_NOT_NSD;
		v->val.len = p->nsd_off;
	}
	v->e = e;
	p->nsd_len = v->val.len - p->nsd_off;
	wire = wire_ok(key, (const uint8_t *)v->text.s, v->text.len);
	/* Knot DNS checks the bytes of mandatory alone (§8), and serves
	 * those of another key as they are, broken. */
	if (!wire && key != K_MANDATORY)
		return fail(v, tok, "syntax", "%.*s value not in %s's wire "
			    "form: BIND refuses it, Knot DNS serves it broken "
			    "as key%u, NSD %s %s's text; write %s=...",
			    (int)kn, kw, keyname[key], (unsigned)key,
			    p->refused & ZL_NOT_NSD ? "refuses it as" :
			    "reads it as", keyname[key], keyname[key]);
	if (!wire)
		p->refused |= ZL_NOT_BIND | ZL_NOT_KNOT;
	p->off = v->val.len;
	zl_buf_add(&v->val, v->text.s, v->text.len);
	if (zeros)
		zl_ferr_refused(v->e, tok, ZL_NOT_BIND, "%.*s with a leading "
				"zero, which BIND refuses: Knot DNS reads it "
				"as key%u, NSD as %s; write %s=...", (int)kn,
				kw, (unsigned)key, keyname[key], keyname[key]);
	if (p->refused)
		zl_ferr_refused(v->e, tok, p->refused, "key%u with a value "
				"%s: BIND reads a key of RFC 9460 written "
				"keyNNNNN as its wire form, NSD as %s's text; "
				"write it as %s=...", (unsigned)key,
				zl_servers_refuse(p->refused), keyname[key],
				keyname[key]);
	else if (!v->other && (p->nsd_len != v->text.len ||
			       memcmp(v->val.s + p->nsd_off, v->val.s + p->off,
				      v->text.len) != 0)) {
		v->other = true;
		v->other_tok = tok;
		v->other_key = key;
	}
	return true;
}

/* One SvcParam starting at token *i: key, key=value or key="value". */
static bool param(struct svcb *v, size_t n, size_t *i)
{
	const struct zl_lex_tok *t = &v->t[*i];
	size_t tok = *i, len, klen, k;
	const char *s = zl_lex_text(v->buf, t, &len), *s0 = s, *eq;
	char kb[16];
	uint16_t key;
	bool has, named, read_twice, bare = false, zeros = false;

	if (t->quoted)
		return fail(v, tok, "syntax",
			    "quoted string '%.*s%s' where a key belongs",
			    ZL_TOKARGS(s, len));
	eq = memchr(s, '=', len);
	klen = eq ? (size_t)(eq - s) : len;
	if (!key_of(v, tok, s, klen, "", &key, &zeros))
		return false;
	named = key < NKEYS && memcmp(s, "key", 3) != 0;
	for (k = 0; k < v->np; k++)
		if (v->p[k].key == key)
			return fail(v, tok, "syntax", "%s%s given twice",
				    key < NKEYS ? "key " : "",
				    key_str(key, kb, sizeof kb));
	has = eq != NULL;
	/* a key of RFC 9460 written keyNNNNN: numbered() */
	read_twice = key < NKEYS && !named &&
		     !(key_unknown_to[key] & ZL_NOT_BIND);
	if (eq && eq + 1 == s + len && *i + 1 < n && t[1].quoted &&
	    t[1].off == t->off + t->len) {
		/* key="value": the lexer made two tokens of it */
		(*i)++;
		s = zl_lex_text(v->buf, &t[1], &len);
	} else if (eq) {
		len -= klen + 1;
		s = eq + 1;
		/* key65000= with nothing after it: BIND and NSD read an
		 * empty value, Knot DNS refuses it (not key65000=""). */
		bare = !len && !named;
		if (bare && !read_twice)
			zl_ferr_refused(v->e, tok, ZL_NOT_KNOT, "key%u= "
					"with an empty value, which Knot DNS "
					"refuses: write key%u alone",
					(unsigned)key, (unsigned)key);
	} else {
		len = 0;
	}
	zl_xgrow((void **)&v->p, &v->cap, v->np + 1, sizeof *v->p);
	v->p[v->np] = (struct param){ .key = key, .tok = tok,
				      .off = v->val.len,
				      .refused = bare ? ZL_NOT_KNOT : 0 };
	if (!unescape_value(v, tok, s, len))
		return false;
	if (read_twice && klen > 8)
		return fail(v, tok, "syntax", "%.*s with more than five "
			    "digits, which BIND and NSD refuse: write %s=...",
			    (int)klen, s0, keyname[key]);
	if (read_twice) {
		if (!numbered(v, tok, key, has, s0, klen, zeros))
			return false;
	} else if (!value(v, tok, key, has, key < NKEYS && !named)) {
		return false;
	} else if (zeros) {
		/* Knot DNS reads it as the key its number gives, NSD when
		 * it has five digits at most */
		zl_ferr_refused(v->e, tok, klen > 8 ? ZL_NOT_BIND | ZL_NOT_NSD :
				ZL_NOT_BIND, "%.*s with a leading zero, which "
				"%s: write key%u", (int)klen, s0,
				zl_servers_refuse(klen > 8 ? ZL_NOT_BIND |
						  ZL_NOT_NSD : ZL_NOT_BIND),
				(unsigned)key);
	}
	v->p[v->np].len = v->val.len - v->p[v->np].off;
	v->np++;
	if (named && key_unknown_to[key])
		return unknown_name(v, &v->p[v->np - 1]);
	return true;
}

/* Whether the well-formed SvcParams p[0..n) hold key. */
static bool wire_has(const uint8_t *p, size_t n, unsigned key)
{
	size_t len;

	for (; n >= 4; p += 4 + len, n -= 4 + len) {
		len = (size_t)(p[2] << 8 | p[3]);
		if ((unsigned)(p[0] << 8 | p[1]) == key)
			return true;
	}
	return false;
}

bool zl_svcparams_wire_ok(const uint8_t *p, size_t n)
{
	const uint8_t *all = p, *m = NULL;
	size_t len, mlen = 0, total = n, i;
	uint32_t last = 0;
	uint16_t key;
	bool first = true;

	for (; n > 0; p += 4 + len, n -= 4 + len) {
		if (n < 4)
			return false;
		key = (uint16_t)(p[0] << 8 | p[1]);
		len = (size_t)(p[2] << 8 | p[3]);
		if (n < 4 + len || (!first && key <= last) ||
		    (key < K_DOHPATH && !wire_ok(key, p + 4, len)))
			return false;
		if (key == K_MANDATORY) {
			m = p + 4;
			mlen = len;
		}
		last = key;
		first = false;
	}
	/* §8: the keys mandatory lists are given */
	for (i = 0; m && i + 1 < mlen; i += 2)
		if (!wire_has(all, total, (unsigned)(m[i] << 8 | m[i + 1])))
			return false;
	return true;
}

const char *zl_svcparams_bind_flaw(const uint8_t *p, size_t n)
{
	const uint8_t *all = p;
	size_t total = n, len;

	for (; n >= 4 && n >= 4 + (size_t)(p[2] << 8 | p[3]);
	     p += 4 + len, n -= 4 + len) {
		len = (size_t)(p[2] << 8 | p[3]);
		if ((p[0] << 8 | p[1]) == K_DOHPATH &&
		    !wire_ok(K_DOHPATH, p + 4, len))
			return "have a dohpath that is not a relative URI "
			       "template with a 'dns' variable (RFC 9461 §5)";
	}
	/* §7.1.1, a SHOULD, as in presentation format (consistent()) */
	if (wire_has(all, total, K_NODEFAULT) && !wire_has(all, total, K_ALPN))
		return "have no-default-alpn without alpn";
	return NULL;
}

static const struct param *find(const struct svcb *v, uint16_t key)
{
	size_t k;

	for (k = 0; k < v->np; k++)
		if (v->p[k].key == key)
			return &v->p[k];
	return NULL;
}

/* Whether each key of the mandatory value w[0..n) is given; else *key is
 * the first that is not. */
static bool all_given(const struct svcb *v, const uint8_t *w, size_t n,
		     uint16_t *key)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		*key = (uint16_t)(w[i] << 8 | w[i + 1]);
		if (!find(v, *key))
			return false;
	}
	return true;
}

/* §8: the keys "mandatory" lists are present; §7.1.1: no-default-alpn
 * needs alpn ("self-consistent", §2.4.3, a SHOULD). */
static bool consistent(struct svcb *v)
{
	const struct param *m = find(v, K_MANDATORY), *p;
	const uint8_t *w;
	uint16_t key = 0;
	char kb[16];

	/* key0 is read as bytes by BIND and Knot DNS, as text by NSD
	 * (numbered()): each reading may list a key not given. */
	w = m ? (const uint8_t *)v->val.s : NULL;
	if (m && !all_given(v, w + m->off, m->len, &key)) {
		if (!m->numbered)
			return fail(v, m->tok, "syntax", "mandatory lists %s, "
				    "which is not given",
				    key_str(key, kb, sizeof kb));
		zl_ferr_refused(v->e, m->tok, ZL_NOT_BIND | ZL_NOT_KNOT,
				"key0 lists %s, which is not given, as BIND "
				"and Knot DNS read it",
				key_str(key, kb, sizeof kb));
	}
	if (m && m->numbered && !(m->refused & ZL_NOT_NSD) &&
	    !all_given(v, w + m->nsd_off, m->nsd_len, &key))
		zl_ferr_refused(v->e, m->tok, ZL_NOT_NSD, "key0 lists %s, "
				"which is not given, as NSD reads it",
				key_str(key, kb, sizeof kb));
	/* A SHOULD (§2.4.3): only BIND refuses the zone. */
	if ((p = find(v, K_NODEFAULT)) && !find(v, K_ALPN))
		zl_ferr_refused(v->e, p->tok, ZL_NOT_BIND, "no-default-alpn "
				"without alpn, which BIND refuses");
	return true;
}

static int cmp_param(const void *a, const void *b)
{
	const struct param *x = a, *y = b;

	return (int)x->key - (int)y->key;
}

bool zl_field_svcparams(const char *buf, const struct zl_lex_tok *t,
			size_t n, struct zl_buf *out, struct zl_ferr *e)
{
	struct svcb v = { .buf = buf, .t = t, .e = e };
	bool ok = true;
	size_t i, k;

	for (i = 0; ok && i < n; i++)
		ok = param(&v, n, &i);
	/* NSD keeps 64 rdata fields of a record, the priority, the target
	 * and one for each parameter: it refuses the zone at the 63rd
	 * parameter ("too many rdata elements"). */
	if (ok && v.np > 62)
		zl_ferr_refused(e, v.p[62].tok, ZL_NOT_NSD, "record with %zu "
				"parameters, which NSD refuses: it reads 62 "
				"at most",
				v.np);
	if (ok && (ok = consistent(&v))) {
		/* §2.2: the wire form lists the keys in increasing order */
		qsort(v.p, v.np, sizeof *v.p, cmp_param);
		for (k = 0; k < v.np; k++) {
			put16(out, v.p[k].key);
			put16(out, (unsigned)v.p[k].len);
			/* values may all be empty: v.val.s is then NULL */
			if (v.p[k].len)
				zl_buf_add(out, v.val.s + v.p[k].off,
					   v.p[k].len);
		}
	}
	/* Every server loads it, NSD with another value ("\002h2" as an
	 * alpn identifier of three bytes): no refusal, and the notes of
	 * what a server refuses go first. */
	if (ok && v.other && !e->cat)
		zl_ferr_refused(e, v.other_tok, 0, "key%u with a value NSD "
				"reads otherwise: BIND and Knot DNS read a key "
				"of RFC 9460 written keyNNNNN as its wire form, "
				"NSD as %s's text; write it as %s=...",
				(unsigned)v.other_key, keyname[v.other_key],
				keyname[v.other_key]);
	free(v.p);
	zl_buf_free(&v.val);
	zl_buf_free(&v.text);
	zl_buf_free(&v.item);
	return ok;
}
