/* zone_conv.h - internal to the rdata converters: one record's rdata
 * from text to fields, shared by zone_rdata.c (the fields of each type's
 * format), zone_number.c (numbers, times, addresses, types, key flags),
 * zone_string.c (character-strings), zone_generic.c (RFC 3597 data) and
 * zone_old.c (A6, NXT).  Nothing outside these includes this.
 *
 * A converter returns false after adding a problem at the token it
 * names (bad()); the fields it fills live in the zone's arena. */
#ifndef ZL_ZONE_CONV_H
#define ZL_ZONE_CONV_H

#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>

#include "zone_lex.h"

/* One record being converted.  Type and field names are only needed
 * for messages, so they are formatted when a message asks for them. */
struct conv {
	struct zl_zone *z;
	const struct zl_rdata_in *in;
	struct zl_rr *rr;		/* the record being filled in */
	const char *buf;		/* the source text */
	struct zl_buf *scratch;
	size_t field;			/* index of the field being converted */
	bool whole;			/* the field is the whole rdata (\#) */
	char tname[16];			/* type mnemonic */
	char fname[48];			/* "MX preference" */
};

/* The name of field f of type, as messages give it ("preference"), or
 * NULL for the types and fields that have none. */
const char *zl_conv_field_name(uint16_t type, size_t f);

/* The record's type and the field being converted, for messages. */
static inline const char *tn(struct conv *c)
{
	const char *name = zl_type_name(c->in->type);

	if (name)
		snprintf(c->tname, sizeof c->tname, "%s", name);
	else
		snprintf(c->tname, sizeof c->tname, "TYPE%u", c->in->type);
	return c->tname;
}

static inline const char *fn(struct conv *c)
{
	const char *t = tn(c), *name;
	size_t f = c->field;

	if (c->whole) {
		snprintf(c->fname, sizeof c->fname, "%s rdata", t);
		return c->fname;
	}
	if ((name = zl_conv_field_name(c->in->type, f)) != NULL)
		snprintf(c->fname, sizeof c->fname, "%s %s", t, name);
	else if (c->in->type == LDNS_RR_TYPE_TXT ||
		 c->in->type == LDNS_RR_TYPE_SPF)
		snprintf(c->fname, sizeof c->fname, "%s string", t);
	else
		snprintf(c->fname, sizeof c->fname, "%s field %zu", t, f + 1);
	return c->fname;
}

/* Adds the problem at at and returns false. */
static inline bool ZL_PRINTF(4, 5) bad(struct conv *c, const char *cat,
				       struct zl_tok at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	zl_zone_problem(c->z, cat, c->in->src, at, "%s", msg);
	return false;
}

static inline struct zl_tok tok_at(const struct conv *c, size_t ti)
{
	struct zl_tok t = { c->in->toks[ti].off, c->in->toks[ti].len };

	return t;
}

/* The span of tokens ti..ti+take. */
static inline struct zl_tok span_of(const struct conv *c, size_t ti,
				     size_t take)
{
	struct zl_tok at = tok_at(c, ti), last = tok_at(c, ti + take - 1);

	at.len = last.off + last.len - at.off;
	return at;
}

/* The token's text; a quoted token without its quotes. */
static inline const char *tok_text(const struct conv *c, size_t ti, size_t *n)
{
	return zl_lex_text(c->buf, &c->in->toks[ti], n);
}
/* Sets r to the len bytes at data (NULL: bytes read from the source
 * when asked, as TXT strings are) of field type ft, from take tokens
 * from ti on.  Returns false after a problem (over 65535 bytes). */
bool zl_conv_set(struct conv *c, struct zl_rdf *r, uint8_t ft,
		 const void *data, size_t len, size_t ti, size_t take);
/* Records in n how rdata of type refers to it (zl_name.refs). */
void zl_conv_ref(struct zl_name *n, uint16_t type);
/* Sets r to the name of wl bytes in wire form at wire, interned, made
 * from take tokens from ti.  Returns false after a problem. */
bool zl_conv_name_set(struct conv *c, struct zl_rdf *r, const uint8_t *wire,
		      size_t wl, size_t ti, size_t take);
/* Token ti as a domain name (relative to the origin) into r. */
bool zl_conv_dname(struct conv *c, struct zl_rdf *r, size_t ti);
/* zl_enc_why() for zone text, which says so where the byte at fault
 * starts an escape. */
bool zl_conv_enc_why(const char *s, size_t n, bool b64, char *why,
		     size_t *k);
/* Reports hex or base64 (b64) text s[0..n), tokens ti..ti+take joined
 * without blanks, that does not decode: why, at the byte at fault.
 * Returns false. */
bool zl_conv_bad_enc(struct conv *c, size_t ti, size_t take, const char *s,
		     size_t n, bool b64);
/* Whether s[0..n) is one or more decimal digits. */
bool zl_conv_digits(const char *s, size_t n);
/* The value of the n decimal digits at s. */
unsigned zl_conv_decimal(const char *s, size_t n);

/* zone_number.c: token ti as an integer field of type ft, bytes wide
 * (ranges checked: ldns would truncate them). */
bool zl_conv_int(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti,
		 size_t bytes);
/* Token ti as a period (TTL-like, with units as BIND writes them). */
bool zl_conv_period(struct conv *c, struct zl_rdf *r, size_t ti);
/* Token ti as a signature's expiration or inception (RFC 4034 §3.2). */
bool zl_conv_time(struct conv *c, struct zl_rdf *r, size_t ti);
/* The date and time s[0..n) written YYYYMMDDHHmmSS in UTC (RFC 4034
 * §3.2), as seconds since 1970 (negative before it) in *secs; false when
 * it is none.  Second 60, a leap second, is one, as BIND and NSD read it. */
bool zl_civil_time(const char *s, size_t n, int64_t *secs);
/* Token ti as an IPv4 or IPv6 address (ft LDNS_RDF_TYPE_A or _AAAA). */
bool zl_conv_addr(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti);
/* Token ti as a type mnemonic in *t, reported when unknown or refused by
 * some servers; zl_conv_type stores it as a field. */
bool zl_conv_type_ok(struct conv *c, size_t ti, uint16_t *t);
bool zl_conv_type(struct conv *c, struct zl_rdf *r, size_t ti);
/* Token ti as an 8-bit number at most max; what names it in messages
 * (NULL: the field's name). */
bool zl_conv_small(struct conv *c, struct zl_rdf *r, size_t ti, unsigned max,
		   const char *what);
/* Token ti as the flags of a KEY, DNSKEY, RKEY or CDNSKEY record. */
bool zl_conv_keyflags(struct conv *c, struct zl_rdf *r, size_t ti);

/* The text of the unquoted tokens ti..ti+take with their escapes read
 * as NSD reads them, as a new buffer (the caller frees it) and tokens
 * *toks (ti + take of them, those before ti empty; the caller frees
 * them), which stand for c->in->toks over it.  NULL when no token has
 * an escape, one is quoted or an escape is not one NSD reads as a
 * printable character. */
char *zl_conv_unescape_toks(const struct conv *c, size_t ti, size_t take,
			    struct zl_lex_tok **toks);

/* zone_string.c: a line break that a backslash escapes in the unquoted
 * text s[0..n) of token ti, noted as NSD alone reads it (ZONE012). */
void zl_conv_note_line_break(struct conv *c, size_t ti, const char *s,
			     size_t n);
/* zone_string.c: the character-string of token ti (RFC 1035 §3.3),
 * with its length byte when ft is LDNS_RDF_TYPE_STR. */
bool zl_conv_str(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti);

/* zone_generic.c: whether the rdata is RFC 3597 data ("\# length
 * hex"), and that data read into rr's fields as t lays them out (t NULL
 * for a type zonelint does not know). */
bool zl_conv_is_generic(const struct conv *c);
bool zl_conv_generic(struct conv *c, const struct zl_rrtype *t,
		     struct zl_rr *rr);
/* zone_old.c: the rdata of A6 or NXT (ZL_FORM_TEXT) in presentation
 * form into rr's fields, as BIND reads it (RFC 2874 §3.1.1, RFC 2535
 * §5.2).  Returns false after a problem. */
bool zl_conv_old(struct conv *c, struct zl_rr *rr);
/* The same fields from RFC 3597 data p[0..n) of A6 or NXT that BIND
 * reads without fault (zone_generic.c checks it first). */
bool zl_conv_old_wire(struct conv *c, struct zl_rr *rr, const uint8_t *p,
		      size_t n);

#endif
