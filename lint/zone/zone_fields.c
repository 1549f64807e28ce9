/* zone_fields.c - rdata fields ldns reads too loosely: ATMA, NSAP, EUI48/64, CAA tag, HIP, LOC, APL, digests. */
#include "zone_lex.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool ZL_PRINTF(4, 5) ferr(struct zl_ferr *e, size_t tok,
				 const char *cat, const char *fmt, ...)
{
	va_list ap;

	e->tok = tok;
	e->cat = cat;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return false;
}

bool zl_ferr_refused(struct zl_ferr *e, size_t tok, unsigned refused,
		     const char *fmt, ...)
{
	unsigned more = refused & ~(unsigned)e->refused;
	va_list ap;
	size_t n;

	/* A field can hold several things that different servers refuse:
	 * the first one's message stands for them, with the servers of
	 * all. */
	if (e->cat) {
		n = strlen(e->msg);
		if (more)
			snprintf(e->msg + n, sizeof e->msg - n, "; %s it "
				 "too", zl_servers_refuse(more));
		e->refused = (uint8_t)(e->refused | more);
		return true;
	}
	e->tok = tok;
	e->cat = "portable";
	e->refused = (uint8_t)refused;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return true;
}

/* Appends the bytes of hex digits s[0..n), skipping dots.  Returns false
 * for another character or an odd number of digits. */
static bool dotted_hex(const char *s, size_t n, struct zl_buf *out,
		       size_t *bytes)
{
	size_t i, digits = 0;
	int v, hi = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.')
			continue;
		if ((v = zl_hex_digit(s[i])) < 0)
			return false;
		if (digits++ % 2 == 0)
			hi = v;
		else
			zl_buf_addc(out, (char)(hi << 4 | v));
	}
	*bytes = digits / 2;
	return digits % 2 == 0;
}

/* ATM Forum af-dans-0152.000: an AESA in hex (format 0) or an E.164
 * number after '+' (format 1); dots may separate digits in both, one
 * between two digits only: BIND refuses one first, last or after
 * another (Knot DNS and NSD have no ATMA). */
bool zl_field_atma(const char *buf, const struct zl_lex_tok *t, size_t n,
		   struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, i, digits = 0, first;
	const char *s = zl_lex_text(buf, t, &len);

	(void)n;
	first = len > 0 && s[0] == '+' ? 1 : 0;
	for (i = first; i < len; i++)
		if (s[i] == '.' &&
		    (i == first || i + 1 == len || s[i - 1] == '.'))
			return ferr(e, 0, "syntax",
				    "address '%.*s%s' has a dot that is not "
				    "between two digits", ZL_TOKARGS(s, len));
	if (len > 0 && s[0] == '+') {
		zl_buf_addc(out, 1);
		for (i = 1; i < len; i++) {
			if (s[i] == '.')
				continue;
			if (s[i] < '0' || s[i] > '9')
				return ferr(e, 0, "syntax",
					    "E.164 address '%.*s%s' has a "
					    "character that is not a digit",
					    ZL_TOKARGS(s, len));
			zl_buf_addc(out, s[i]);
			digits++;
		}
		if (digits == 0)
			return ferr(e, 0, "syntax",
				    "E.164 address '%.*s%s' has no digits",
				    ZL_TOKARGS(s, len));
		return true;
	}
	zl_buf_addc(out, 0);
	if (!dotted_hex(s, len, out, &digits) || digits == 0)
		return ferr(e, 0, "syntax",
			    "address '%.*s%s' is neither an even number of hex "
			    "digits (AESA) nor '+' and digits (E.164)",
			    ZL_TOKARGS(s, len));
	return true;
}

bool zl_field_nsap(const char *buf, const struct zl_lex_tok *t, size_t n,
		   struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, bytes = 0, i;
	const char *s = zl_lex_text(buf, t, &len);

	(void)n;
	if (len < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') ||
	    !dotted_hex(s + 2, len - 2, out, &bytes) || bytes == 0)
		return ferr(e, 0, "syntax",
			    "address '%.*s%s' is not '0x' followed by an even "
			    "number of hex digits, one byte at least",
			    ZL_TOKARGS(s, len));
	/* RFC 1706 §6: a dot may follow each digit; NSD refuses two in a
	 * row or one at the end. */
	for (i = 3; i <= len; i++)
		if (s[i - 1] == '.' && (i == len || s[i] == '.'))
			return zl_ferr_refused(e, 0, ZL_NOT_NSD, "address "
					       "'%.*s%s' with two dots in a row "
					       "or one at its end, which NSD "
					       "refuses", ZL_TOKARGS(s, len));
	return true;
}

/* Decodes s[0..len), unpadded base32hex (RFC 4648 §7, any case), onto
 * out (when not NULL).  Returns the octets, or -1 when s is not that or
 * its last group of 8 digits leaves 5 bits or more (1, 3 or 6 digits)
 * that make no octet.  *stray is set when the bits the last digit leaves
 * past the last octet are not all zero, as RFC 4648 §3.5 has an encoder
 * write them: BIND refuses such a hash, Knot DNS and NSD drop the bits. */
static long b32hex(const char *s, size_t len, struct zl_buf *out,
		   bool *stray)
{
	unsigned acc = 0, bits = 0;
	long octets = 0;
	size_t i;
	int c, v;

	for (i = 0; i < len; i++) {
		c = s[i] | 0x20;	/* ASCII lower case; digits unchanged */
		v = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    c >= 'a' && c <= 'v' ? c - 'a' + 10 : -1;
		if (v < 0)
			return -1;
		acc = (acc << 5 | (unsigned)v) & 0xfff;
		if ((bits += 5) >= 8) {
			bits -= 8;
			octets++;
			if (out)
				zl_buf_addc(out, (char)(acc >> bits));
		}
	}
	*stray = (acc & ((1u << bits) - 1)) != 0;
	return len == 0 || bits >= 5 ? -1 : octets;
}

int zl_b32hex_hash(const char *s, size_t len)
{
	bool stray;

	return b32hex(s, len, NULL, &stray) <= 0 ? 0 : stray ? -1 : 1;
}

/* The '=' that pad s[0..len) to a multiple of 8 digits as RFC 4648 §7
 * writes base32hex, 1, 3, 4 or 6 after 7, 5, 4 or 2 digits: Knot DNS
 * reads such a hash, BIND and NSD refuse any '='.  0 when there are none
 * or they are not such padding. */
static size_t b32hex_padding(const char *s, size_t len)
{
	size_t pad = 0;

	while (pad < len && s[len - pad - 1] == '=')
		pad++;
	return len % 8 == 0 && pad < len &&
	       (pad == 1 || pad == 3 || pad == 4 || pad == 6) ? pad : 0;
}

/* RFC 5155 §3.3: the next hashed owner name in unpadded base32hex, in
 * wire form a length octet and the hash.  ldns took '=' padding and
 * refused a hash whose length is not a multiple of five octets. */
bool zl_field_nsec3_next(const char *buf, const struct zl_lex_tok *t,
			 size_t n, struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, start = out->len, pad;
	const char *s = zl_lex_text(buf, t, &len);
	long octets;
	bool stray;

	(void)n;
	zl_buf_addc(out, 0);
	pad = b32hex_padding(s, len);
	if ((octets = b32hex(s, len - pad, out, &stray)) < 0)
		return ferr(e, 0, "syntax", "next hashed owner '%.*s%s' is not "
			    "a whole number of octets in unpadded base32hex",
			    ZL_TOKARGS(s, len));
	if (octets > 255)
		return ferr(e, 0, "range", "next hashed owner of %ld octets "
			    "exceeds 255", octets);
	out->s[start] = (char)octets;
	if (pad)
		zl_ferr_refused(e, 0, ZL_NOT_BIND | ZL_NOT_NSD, "next hashed "
				"owner '%.*s%s' padded with '=', which Knot "
				"DNS reads and BIND and NSD refuse: write it "
				"without the padding (RFC 5155 §3.3)",
				ZL_TOKARGS(s, len));
	/* Bits set past the last octet come only with a length that is
	 * not a multiple of 8. */
	else if (stray)
		zl_ferr_refused(e, 0, ZL_NOT_BIND | ZL_NOT_KNOT, "next hashed "
				"owner '%.*s%s' of %zu digits, not a multiple "
				"of 8, which Knot DNS refuses, and whose last "
				"digit sets bits past its last octet, which "
				"BIND refuses", ZL_TOKARGS(s, len), len);
	else if (len % 8)
		zl_ferr_refused(e, 0, ZL_NOT_KNOT, "next hashed owner "
				"'%.*s%s' of %zu digits, not a multiple of 8, "
				"which Knot DNS refuses", ZL_TOKARGS(s, len),
				len);
	return true;
}

/* RFC 7043: groups of two hex digits joined by hyphens.  BIND and NSD
 * also read a group of one digit as that byte ("0-0-0-0-0-f" as
 * 00-00-00-00-00-0f); Knot DNS refuses the zone.  BIND reads each group
 * with sscanf(3)'s "%2x", which takes a sign as one of its two
 * characters: "+f" as 0f and "-0" as 00 (another digit after '-' is out
 * of range, and BIND refuses it too); Knot DNS and NSD refuse both. */
static bool eui(const char *buf, const struct zl_lex_tok *t, size_t groups,
		struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, i, at = 0, digits;
	const char *s = zl_lex_text(buf, t, &len);
	bool short_group = false, sign = false, minus;
	int v;

	for (i = 0; i < groups; i++) {
		if (i > 0 && (at >= len || s[at++] != '-'))
			break;
		minus = at < len && s[at] == '-';
		if (at < len && (s[at] == '+' || minus) && at + 1 < len &&
		    zl_hex_digit(s[at + 1]) >= 0) {
			if (minus && s[at + 1] != '0')
				break;
			sign = true;
			at++;
			digits = 1;
		} else {
			digits = 2;
		}
		for (v = 0; digits > 0 && at < len &&
		     zl_hex_digit(s[at]) >= 0; digits--)
			v = v << 4 | zl_hex_digit(s[at++]);
		if (digits == 2)
			break;
		short_group |= digits == 1;
		zl_buf_addc(out, (char)v);
	}
	/* BIND reads the groups with sscanf() and drops what follows them;
	 * Knot DNS and NSD refuse it. */
	if (i == groups && at < len)
		return ferr(e, 0, "syntax",
			    "address '%.*s%s' goes on after its %zu groups: "
			    "BIND reads them and drops the rest ('%.*s%s'), "
			    "Knot DNS and NSD refuse it", ZL_TOKARGS(s, len),
			    groups, ZL_TOKARGS(s + at, len - at));
	if (i < groups)
		return ferr(e, 0, "syntax",
			    "address '%.*s%s' is not %zu hyphen-separated "
			    "pairs of hex digits", ZL_TOKARGS(s, len), groups);
	if (sign)
		zl_ferr_refused(e, 0, ZL_NOT_KNOT | ZL_NOT_NSD, "address "
				"'%.*s%s' has a group written with a sign, "
				"which BIND reads and Knot DNS and NSD refuse: "
				"write each byte as two hex digits",
				ZL_TOKARGS(s, len));
	if (short_group)
		zl_ferr_refused(e, 0, ZL_NOT_KNOT, "address '%.*s%s' has a "
				"group of one hex digit, which Knot DNS "
				"refuses: write each byte as two digits",
				ZL_TOKARGS(s, len));
	return true;
}

bool zl_field_eui48(const char *buf, const struct zl_lex_tok *t, size_t n,
		    struct zl_buf *out, struct zl_ferr *e)
{
	(void)n;
	return eui(buf, t, 6, out, e);
}

bool zl_field_eui64(const char *buf, const struct zl_lex_tok *t, size_t n,
		    struct zl_buf *out, struct zl_ferr *e)
{
	(void)n;
	return eui(buf, t, 8, out, e);
}

/* ---- CAA tag ---- */

/* RFC 8659 §4.1.1: a tag is letters and digits, matched without case, and
 * SHOULD be at most 15.  The servers read it differently: BIND takes the
 * characters as written and refuses any escape; Knot DNS reads it as
 * text, escapes undone, and takes any byte; NSD undoes the escapes and
 * refuses upper case and more than 15 characters. */
bool zl_field_caa_tag(const char *buf, const struct zl_lex_tok *t, size_t n,
		      struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, i, d, k = 0;
	const char *s = zl_lex_text(buf, t, &len);
	uint8_t tag[256], ch;
	bool esc = false, upper = false;

	(void)n;
	for (i = 0; i < len; i += d) {
		d = 1;
		ch = (uint8_t)s[i];
		if (ch == '\\' && (d = zl_unescape(s, len, i, &ch)) == 0)
			return ferr(e, 0, "syntax", "tag '%.*s%s' with an "
				    "invalid escape", ZL_TOKARGS(s, len));
		esc |= d > 1;
		upper |= ch >= 'A' && ch <= 'Z';
		if (!((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') &&
		    !(ch >= '0' && ch <= '9'))
			return ferr(e, 0, "syntax", "tag '%.*s%s' holds a "
				    "character other than a letter or digit",
				    ZL_TOKARGS(s, len));
		if (k == 255)
			return ferr(e, 0, "range", "tag '%.*s%s' of more than "
				    "255 characters", ZL_TOKARGS(s, len));
		tag[k++] = ch;
	}
	if (k == 0)
		return ferr(e, 0, "syntax", "tag is empty");
	zl_buf_addc(out, (char)k);
	zl_buf_add(out, (const char *)tag, k);
	/* Matched without case (RFC 8659 §4.1): the fix is in lower case,
	 * which NSD takes.  A quoted tag is BIND's refusal already
	 * (zone_rdata.c). */
	if (esc && !t->quoted) {
		for (i = 0; i < k; i++)
			tag[i] = (uint8_t)(tag[i] | (tag[i] >= 'A' &&
						     tag[i] <= 'Z' ? 0x20 : 0));
		zl_ferr_refused(e, 0, ZL_NOT_BIND, "tag '%.*s%s' written with "
				"an escape, which BIND refuses: write '%.*s'",
				ZL_TOKARGS(s, len), (int)k, (const char *)tag);
	}
	if (k > 15)
		zl_ferr_refused(e, 0, ZL_NOT_NSD, "tag of %zu characters, "
				"which NSD refuses: it takes 15 at most", k);
	else if (upper)
		zl_ferr_refused(e, 0, ZL_NOT_NSD, "tag in upper case, which "
				"NSD refuses: write it in lower case");
	return true;
}

/* ---- HIP ---- */

/* RFC 8005 §5: a public key algorithm (a number of one byte), a HIT in
 * hex of 1 to 255 bytes, a public key in base64, then rendezvous
 * servers.  ldns reads the first three as one field and says no more
 * than that it is invalid: this names the part that is wrong, at its
 * token.  The key is left to ldns. */
bool zl_field_hip_check(const char *buf, const struct zl_lex_tok *t,
			size_t n, struct zl_ferr *e)
{
	size_t len, i;
	unsigned alg = 0;
	const char *s;

	if (n < 3)
		return ferr(e, n - 1, "syntax", "without %s", n < 2 ?
			    "a HIT and a public key" : "a public key");
	s = zl_lex_text(buf, &t[0], &len);
	for (i = 0; i < len && i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		alg = alg * 10 + (unsigned)(s[i] - '0');
	if (i == 0 || i < len || alg > 255)
		return ferr(e, 0, "syntax", "public key algorithm '%.*s%s' is "
			    "not a number 0..255", ZL_TOKARGS(s, len));
	s = zl_lex_text(buf, &t[1], &len);
	for (i = 0; i < len && isxdigit((unsigned char)s[i]); i++)
		;
	if (i < len || len == 0)
		return ferr(e, 1, "syntax", "HIT '%.*s%s' is not hex",
			    ZL_TOKARGS(s, len));
	if (len % 2)
		return ferr(e, 1, "syntax", "HIT '%.*s%s' of an odd number of "
			    "hex digits", ZL_TOKARGS(s, len));
	if (len / 2 > 255)
		return ferr(e, 1, "range", "HIT of %zu bytes exceeds 255",
			    len / 2);
	return true;
}

/* ---- LOC ---- */

/* A decimal s[0..n) with at most `frac` digits after the point, scaled by
 * 10^frac into *v; a '-' when sign is allowed, a final 'm' when meters.
 * Returns false for anything else. */
static bool decimal(const char *s, size_t n, unsigned frac, bool sign,
		    bool meters, int64_t *v)
{
	size_t i = 0, f = 0;
	bool neg = false, digits = false, point = false;
	int64_t x = 0;

	/* RFC 1876 §3: "m" (BIND, Knot DNS and NSD refuse "M") */
	if (meters && n > 0 && s[n - 1] == 'm')
		n--;
	if (sign && n > 0 && s[0] == '-') {
		neg = true;
		i++;
	}
	for (; i < n; i++) {
		if (s[i] == '.' && !point && frac > 0) {
			point = true;
		} else if (s[i] >= '0' && s[i] <= '9' && (!point || f < frac)) {
			/* saturated: the caller's range check reports it */
			if (x < 1000000000000000)
				x = x * 10 + (s[i] - '0');
			f += point;
			digits = true;
		} else {
			return false;
		}
	}
	for (; f < frac; f++)
		if (x < 1000000000000000)	/* saturated, as above */
			x *= 10;
	*v = neg ? -x : x;
	return digits;
}

/* What is wrong with s[0..n), which decimal() refused as meters: a
 * sign (only an altitude takes '-'), more than two decimals, or
 * something that is no number. */
static const char *meters_wrong(const char *s, size_t n, bool sign)
{
	const char *point = memchr(s, '.', n);
	size_t i;

	if (n > 0 && (s[0] == '+' || (s[0] == '-' && !sign)))
		return sign ? "a '+' sign" : "a sign where none belongs";
	if (n > 0 && s[n - 1] == 'm')
		n--;
	for (i = s[0] == '-'; i < n; i++)
		if ((s[i] < '0' || s[i] > '9') && s + i != point)
			return "meters: digits, a point and at most two "
			       "decimals, then 'm' or nothing";
	return point && n - (size_t)(point - s) - 1 > 2 ?
	       "more than two decimals" : "meters: digits, a point and at "
	       "most two decimals, then 'm' or nothing";
}

/* Notes, in e when it holds nothing yet, a LOC number s[0..n) that is
 * valid but that some servers refuse as written: Knot DNS a point with
 * no digit before it (".5"), and NSD too unless after a '-'; NSD one with
 * no digit after it and no 'm' ("5."). */
static void loc_number(struct zl_ferr *e, size_t tok, const char *what,
		       const char *s, size_t n)
{
	bool neg = n > 0 && s[0] == '-';
	bool m = n > 0 && s[n - 1] == 'm';
	unsigned refused = 0;

	if ((size_t)neg < n && s[neg] == '.')
		refused = ZL_NOT_KNOT | (neg ? 0 : ZL_NOT_NSD);
	else if (!m && n > 0 && s[n - 1] == '.')
		refused = ZL_NOT_NSD;
	if (refused && !e->cat)
		zl_ferr_refused(e, tok, refused, "%s '%.*s%s' with no digit %s "
				"the point, which %s %s: write one", what,
				ZL_TOKARGS(s, n), refused & ZL_NOT_KNOT ?
				"before" : "after", zl_servers_str(refused),
				refused == ZL_NOT_KNOT || refused == ZL_NOT_NSD ?
				"refuses" : "refuse");
}

/* One of latitude (lim 90, hemispheres "NS") or longitude (lim 180,
 * "EW"): degrees [minutes [seconds]] hemisphere, from token *i on.  The
 * value in thousandths of an arc second, offset by 2^31 (RFC 1876 §2). */
static bool angle(const char *buf, const struct zl_lex_tok *t, size_t n,
		  size_t *i, const char *what, int64_t lim, const char *hemi,
		  uint32_t *out, struct zl_ferr *e)
{
	static const int64_t max[3] = { 0, 59, 59999 }, unit[3] = {
		3600000, 60000, 1 };
	static const char *const part[3] = { "degrees", "minutes", "seconds" };
	int64_t v, total = 0;
	size_t k, len, first = *i, plus;
	const char *s;
	bool ok;

	for (k = 0; *i < n; k++, (*i)++) {
		s = zl_lex_text(buf, &t[*i], &len);
		if (k > 0 && len == 1 && (s[0] == hemi[0] || s[0] == hemi[1]))
			break;
		if (k == 3)
			return ferr(e, *i, "syntax",
				    "%s: '%.*s%s' where '%c' or '%c' belongs",
				    what, ZL_TOKARGS(s, len), hemi[0], hemi[1]);
		/* BIND reads seconds of "+5" (strtoul), Knot DNS and NSD
		 * refuse them */
		plus = k == 2 && len > 1 && s[0] == '+' && s[1] >= '0' &&
		       s[1] <= '9';
		ok = decimal(s + plus, len - plus, k == 2 ? 3 : 0, false, false,
			     &v);
		if (!ok && k == 0)
			return ferr(e, *i, "syntax", "%s: invalid degrees "
				    "'%.*s%s'", what, ZL_TOKARGS(s, len));
		if (!ok)
			return ferr(e, *i, "syntax",
				    "%s: '%.*s%s' where a number, '%c' or '%c' "
				    "belongs", what, ZL_TOKARGS(s, len), hemi[0],
				    hemi[1]);
		if (v > (k == 0 ? lim : max[k]))
			return ferr(e, *i, "range",
				    "%s %s %.*s%s is out of range 0..%s", what,
				    part[k], ZL_TOKARGS(s, len),
				    k == 0 ? (lim == 90 ? "90" : "180") :
				    k == 1 ? "59" : "59.999");
		if (plus)
			zl_ferr_refused(e, *i, ZL_NOT_KNOT | ZL_NOT_NSD, "%s "
					"seconds '%.*s%s' with a '+' sign, "
					"which Knot DNS and NSD refuse", what,
					ZL_TOKARGS(s, len));
		loc_number(e, *i, what, s, len);
		total += v * unit[k];
	}
	if (*i >= n)
		return ferr(e, n - 1, "syntax", "%s: missing '%c' or '%c'",
			    what, hemi[0], hemi[1]);
	/* 90 01 N: BIND refuses it, Knot DNS and NSD take the number */
	if (total > lim * 3600000)
		zl_ferr_refused(e, first, ZL_NOT_BIND, "%s is beyond %s "
				"degrees, which BIND refuses", what,
				lim == 90 ? "90" : "180");
	s = zl_lex_text(buf, &t[(*i)++], &len);
	if (s[0] == hemi[1])
		total = -total;
	*out = (uint32_t)((int64_t)1 << 31) + (uint32_t)total;
	return true;
}

/* RFC 1876 §2: size and precision as a mantissa and a power of ten, in
 * centimeters. */
static uint8_t loc_precision(int64_t cm)
{
	uint8_t exp = 0;

	while (exp < 9 && cm >= 10) {
		cm /= 10;
		exp++;
	}
	return (uint8_t)(cm << 4 | exp);
}

static void put32(struct zl_buf *out, uint32_t v)
{
	zl_buf_addc(out, (char)(v >> 24));
	zl_buf_addc(out, (char)(v >> 16));
	zl_buf_addc(out, (char)(v >> 8));
	zl_buf_addc(out, (char)v);
}

bool zl_field_loc(const char *buf, const struct zl_lex_tok *t, size_t n,
		  struct zl_buf *out, struct zl_ferr *e)
{
	static const char *const what[4] = {
		"altitude", "size", "horizontal precision",
		"vertical precision" };
	/* size 1m, horizontal 10000m, vertical 10m when not given */
	int64_t m[4] = { 0, 100, 1000000, 1000 }, v;
	uint32_t lat, lon;
	size_t i = 0, k, len, plus;
	const char *s;

	if (!angle(buf, t, n, &i, "latitude", 90, "NS", &lat, e) ||
	    !angle(buf, t, n, &i, "longitude", 180, "EW", &lon, e))
		return false;
	if (i >= n)
		return ferr(e, n - 1, "syntax", "missing altitude");
	for (k = 0; i < n; k++, i++) {
		s = zl_lex_text(buf, &t[i], &len);
		if (k == 4)
			return ferr(e, i, "syntax", "extra field '%.*s%s'",
				    ZL_TOKARGS(s, len));
		/* BIND reads "+5m" (strtoul), NSD an altitude of it only */
		plus = len > 1 && s[0] == '+' && s[1] >= '0' && s[1] <= '9';
		if (!decimal(s + plus, len - plus, 2, k == 0, true, &v))
			return ferr(e, i, "syntax", "invalid %s '%.*s%s': %s",
				    what[k], ZL_TOKARGS(s, len),
				    meters_wrong(s, len, k == 0));
		if (plus)
			zl_ferr_refused(e, i, k == 0 ? ZL_NOT_KNOT :
					ZL_NOT_KNOT | ZL_NOT_NSD, "%s '%.*s%s' "
					"with a '+' sign, which %s", what[k],
					ZL_TOKARGS(s, len),
					zl_servers_refuse(k == 0 ? ZL_NOT_KNOT :
							  ZL_NOT_KNOT |
							  ZL_NOT_NSD));
		/* BIND reads the whole meters only: 90000000.99 is in its
		 * range, not in Knot DNS's */
		if (k > 0 && v > 9000000000LL && v < 9000000100LL)
			zl_ferr_refused(e, i, ZL_NOT_KNOT, "%s %.*s%s is beyond "
					"90000000.00m, which Knot DNS refuses",
					what[k], ZL_TOKARGS(s, len));
		else if (k == 0 ? v < -10000000 || v > 4284967295LL :
			 v > 9000000000LL)
			return ferr(e, i, "range",
				    "%s %.*s%s is out of range %s", what[k],
				    ZL_TOKARGS(s, len),
				    k == 0 ? "-100000.00..42849672.95m" :
				    "0..90000000.00m");
		loc_number(e, i, what[k], s, len);
		m[k] = v;
	}
	zl_buf_addc(out, 0);	/* version */
	for (k = 1; k < 4; k++)
		zl_buf_addc(out, (char)loc_precision(m[k]));
	put32(out, lat);
	put32(out, lon);
	put32(out, (uint32_t)(m[0] + 10000000));
	return true;
}

/* ---- APL ---- */

/* RFC 3123 §5: [!]afi:address/prefix, with AFI 1 (IPv4) or 2 (IPv6). */
bool zl_field_apl(const char *buf, const struct zl_lex_tok *t, size_t n,
		  struct zl_buf *out, struct zl_ferr *e)
{
	size_t len, i = 0, alen, k, plus = 0, sign;
	const char *s = zl_lex_text(buf, t, &len), *colon, *slash = NULL;
	unsigned afi = 0, prefix = 0, max;
	uint8_t addr[16];
	char ip[64];

	(void)n;
	if (len > 0 && s[0] == '!')
		i++;
	colon = memchr(s, ':', len);
	if (colon)
		slash = memchr(colon, '/', len - (size_t)(colon - s));
	/* BIND reads the family with strtoul(3), "+1" too */
	sign = colon ? zl_number_sign(s + i, (size_t)(colon - s) - i) : 0;
	for (k = i + sign; colon && k < (size_t)(colon - s); k++)
		if (s[k] < '0' || s[k] > '9')
			colon = NULL;
		else if (afi < 3)
			afi = afi * 10 + (unsigned)(s[k] - '0');
	/* NSD reads the prefix with strtol(3), "+24" too */
	if (slash)
		plus = zl_number_sign(slash + 1, len - (size_t)(slash - s) - 1);
	for (k = slash ? (size_t)(slash - s) + 1 + plus : len; k < len; k++)
		if (s[k] < '0' || s[k] > '9')
			slash = NULL;
		else if (prefix <= 128)
			prefix = prefix * 10 + (unsigned)(s[k] - '0');
	if (!colon || !slash || colon == s + i || slash == s + len - 1)
		return ferr(e, 0, "syntax",
			    "item '%.*s%s' is not [!]afi:address/prefix",
			    ZL_TOKARGS(s, len));
	if (afi != 1 && afi != 2)
		return ferr(e, 0, "syntax",
			    "item '%.*s%s': address family is not 1 (IPv4) "
			    "or 2 (IPv6)", ZL_TOKARGS(s, len));
	alen = (size_t)(slash - colon - 1);
	if (alen >= sizeof ip)
		alen = 0;
	memcpy(ip, colon + 1, alen);
	ip[alen] = '\0';
	if (inet_pton(afi == 1 ? AF_INET : AF_INET6, ip, addr) != 1)
		return ferr(e, 0, "syntax", "item '%.*s%s': invalid %s address",
			    ZL_TOKARGS(s, len), afi == 1 ? "IPv4" : "IPv6");
	/* BIND reads "01:" and "+1:", Knot DNS and NSD want the family as
	 * 1 or 2 */
	if (s[i] == '0' || sign)
		zl_ferr_refused(e, 0, ZL_NOT_KNOT | ZL_NOT_NSD, "item "
				"'%.*s%s': address family with a %s, which "
				"Knot DNS and NSD refuse", ZL_TOKARGS(s, len),
				sign ? "'+' sign" : "leading zero");
	max = afi == 1 ? 32 : 128;
	if (prefix > max)
		return ferr(e, 0, "range",
			    "item '%.*s%s': prefix is out of range 0..%u",
			    ZL_TOKARGS(s, len), max);
	if (plus)
		zl_ferr_refused(e, 0, ZL_NOT_BIND | ZL_NOT_KNOT, "item "
				"'%.*s%s': prefix written with a sign, "
				"which BIND and Knot DNS refuse",
				ZL_TOKARGS(s, len));
	/* RFC 3123 §4: trailing zero bytes of the address are not sent. */
	alen = afi == 1 ? 4 : 16;
	while (alen > 0 && addr[alen - 1] == 0)
		alen--;
	zl_buf_addc(out, 0);
	zl_buf_addc(out, (char)afi);
	zl_buf_addc(out, (char)prefix);
	zl_buf_addc(out, (char)((i ? 0x80 : 0) | alen));
	zl_buf_add(out, (const char *)addr, alen);
	return true;
}

/* ---- digest lengths ---- */

/* The digest length each digest type of DS (RFC 4509, RFC 6605 §2),
 * SSHFP (RFC 4255, RFC 6594) and ZONEMD (RFC 8976 §2.2.3) fixes: type,
 * field holding the digest type, field holding the digest, then digest
 * type and length pairs.  BIND holds a record to them; Knot DNS and NSD
 * load any length, and no server checks GOST's (DS digest type 3, RFC
 * 5933), which BIND does not know. */
static const struct {
	uint16_t type;
	uint8_t alg, digest;
	uint8_t len[8][2];
} digests[] = {
	{ 43, 2, 3, { { 1, 20 }, { 2, 32 }, { 4, 48 } } },	/* DS */
	{ 44, 1, 2, { { 1, 20 }, { 2, 32 } } },			/* SSHFP */
	{ 59, 2, 3, { { 1, 20 }, { 2, 32 }, { 4, 48 } } },	/* CDS */
	{ 63, 2, 3, { { 1, 48 }, { 2, 64 } } },			/* ZONEMD */
	{ 32768, 2, 3, { { 1, 20 }, { 2, 32 }, { 4, 48 } } },	/* TA */
	{ 32769, 2, 3, { { 1, 20 }, { 2, 32 }, { 4, 48 } } },	/* DLV */
};

/* What BIND refuses in the record, e->msg after the field's name. */
static bool ZL_PRINTF(2, 3) bind_refuses(struct zl_ferr *e,
					  const char *fmt, ...)
{
	va_list ap;
	size_t n;

	e->tok = 0;
	e->cat = "portable";
	e->refused = ZL_NOT_BIND;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	n = strlen(e->msg);
	snprintf(e->msg + n, sizeof e->msg - n, ", which BIND refuses");
	return false;
}

bool zl_field_digest(uint16_t type, const struct zl_rdf *rdf, size_t nrdf,
		     size_t *field, struct zl_ferr *e)
{
	size_t i, k;
	unsigned alg;

	/* RFC 1876 §2: version 0 of LOC (29) is 16 octets; ldns decodes
	 * RFC 3597 rdata of any length. */
	if (type == 29 && nrdf == 1 && rdf[0].len != 16 &&
	    zl_rdf_data(&rdf[0]) && zl_rdf_data(&rdf[0])[0] == 0) {
		*field = 0;
		return bind_refuses(e, "of %u bytes, where version 0 has 16",
				    rdf[0].len);
	}
	/* RFC 5155 §3.1.7: hash algorithm 1, SHA-1, makes a next hashed
	 * owner name of 20 octets (after its length octet). */
	if (type == 50 && nrdf > 4 && zl_rdf_data(&rdf[0])[0] == 1 &&
	    rdf[4].len != 21) {
		*field = 4;
		return bind_refuses(e, "of %u bytes does not match hash "
				    "algorithm 1 (SHA-1, 20 bytes)",
				    rdf[4].len ? rdf[4].len - 1 : 0);
	}
	for (i = 0; i < sizeof digests / sizeof digests[0]; i++) {
		if (digests[i].type != type || nrdf <= digests[i].digest)
			continue;
		alg = zl_rdf_data(&rdf[digests[i].alg])[0];
		*field = digests[i].digest;
		/* RFC 8976 §2.2.4: a ZONEMD digest has at least 12 octets.
		 * BIND holds the digest of hash algorithms 1 and 2 to their
		 * lengths whatever the scheme, a private one (240-254)
		 * too. */
		if (type == 63 && rdf[*field].len < 12)
			return bind_refuses(e, "of %u bytes is shorter than "
					    "12", rdf[*field].len);
		for (k = 0; k < 8 && digests[i].len[k][0]; k++)
			if (digests[i].len[k][0] == alg &&
			    digests[i].len[k][1] != rdf[*field].len)
				return bind_refuses(e, "of %u bytes does not "
						    "match digest type %u (%u "
						    "bytes)", rdf[*field].len,
						    alg, digests[i].len[k][1]);
	}
	return true;
}
