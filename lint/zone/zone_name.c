/* zone_name.c - domain names from presentation text to wire form and
 * back (RFC 1035 §3.1, §5.1). */
#include "zone_lex.h"

#include <stdio.h>
#include <string.h>

size_t zl_unescape(const char *s, size_t n, size_t i, uint8_t *out)
{
	unsigned v;

	if (i + 1 >= n)
		return 0;
	if (s[i + 1] < '0' || s[i + 1] > '9') {
		*out = (uint8_t)s[i + 1];
		return 2;
	}
	if (i + 3 >= n)
		return 0;
	if (s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' || s[i + 3] > '9')
		return 0;
	v = (unsigned)(s[i + 1] - '0') * 100 + (unsigned)(s[i + 2] - '0') * 10 +
	    (unsigned)(s[i + 3] - '0');
	if (v > 255)
		return 0;
	*out = (uint8_t)v;
	return 4;
}

size_t zl_escape_short(const char *s, size_t n, size_t i, unsigned *v)
{
	size_t k = 0;

	for (*v = 0; k < 3 && i + 1 + k < n && s[i + 1 + k] >= '0' &&
	     s[i + 1 + k] <= '9'; k++)
		*v = *v * 10 + (unsigned)(s[i + 1 + k] - '0');
	return k < 3 ? k : 0;
}

/* what has one "%.*s%s" for the name. */
static size_t name_err(const char **cat, const char *c, char *msg,
		       size_t msgsz, const char *what, const char *s, size_t n)
{
	*cat = c;
	snprintf(msg, msgsz, what, ZL_TOKARGS(s, n));
	return 0;
}

/* Whether Knot DNS reads byte ch written as itself in a name: letters,
 * digits, '-' and '.' (tested first: most names hold no other byte), '*',
 * '_' and '/'. */
static bool plain(unsigned char ch)
{
	return (unsigned)((ch | 0x20) - 'a') < 26 ||
	       (unsigned)(ch - '0') < 10 || ch == '-' || ch == '.' ||
	       ch == '*' || ch == '_' || ch == '/';
}

size_t zl_name_raw_at(const char *s, size_t n)
{
	size_t i;

	if (n == 1 && s[0] == '@')
		return n;
	for (i = 0; i < n; i++)
		if (s[i] == '\\')
			i++;
		else if (!plain((unsigned char)s[i]))
			return i;
	return n;
}

bool zl_name_nsd_refuses(const char *s, size_t n)
{
	size_t i, start = 0;

	/* most names hold neither */
	if (!memchr(s, '@', n) && !memchr(s, '\\', n))
		return false;
	/* NSD takes a dot after a backslash for part of a label, even
	 * after an escaped backslash ("\\.@" is one label to it). */
	for (i = 0; i <= n; i++) {
		if (i < n && (s[i] != '.' || (i > 0 && s[i - 1] == '\\')))
			continue;
		if ((i - start == 1 && s[start] == '@' && n > 1) ||
		    (i - start == 2 && s[start] == '\\' &&
		     s[start + 1] == '#'))
			return true;
		start = i + 1;
	}
	return false;
}

/* Name text s[0..n) with every byte that Knot DNS takes only escaped
 * written as an escape, \X for punctuation and \DDD for other bytes, onto
 * out: the whole fix, however many such bytes the name holds. */
static void escape_raw(const char *s, size_t n, struct zl_buf *out)
{
	unsigned char ch;
	size_t i;

	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		if (ch == '\\' && i + 1 < n)
			zl_buf_add(out, s + i++, 2);
		else if (plain(ch))
			zl_buf_addc(out, (char)ch);
		else if (ch > ' ' && ch < 0x7f)
			zl_buf_addf(out, "\\%c", ch);
		else
			zl_buf_addf(out, "\\%03u", ch);
	}
}

/* What the byte s[0] (of n) written as itself is: the UTF-8 character
 * it starts, named with its escapes ("UTF-8 character 'é' (\\195\\169)"),
 * a byte that prints ("'='") or another byte ("byte \\195"); in out. */
static void raw_what(const char *s, size_t n, struct zl_buf *out)
{
	unsigned char b = (unsigned char)s[0];
	size_t len = zl_utf8_len(s, n), i;

	if (len) {
		zl_buf_addf(out, "UTF-8 character '%.*s' (", (int)len, s);
		for (i = 0; i < len; i++)
			zl_buf_addf(out, "\\%03u", (unsigned char)s[i]);
		zl_buf_addc(out, ')');
	} else if (b > ' ' && b < 0x7f) {
		zl_buf_addf(out, "'%c'", b);
	} else {
		zl_buf_addf(out, "byte \\%03u", b);
	}
}

/* Whether the byte s[k] of a name text is escaped: an odd number of
 * backslashes before it. */
static bool escaped_at(const char *s, size_t k)
{
	size_t bs = 0;

	while (bs < k && s[k - 1 - bs] == '\\')
		bs++;
	return bs % 2 == 1;
}

/* Where the name text s[0..n) ends its first label: its first dot not
 * escaped, or n. */
static size_t first_label_end(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != '.'; i++)
		if (s[i] == '\\')
			i++;
	return i < n ? i : n;
}

void zl_name_note_raw(struct zl_zone *z, uint16_t src, struct zl_tok at,
		      const char *s, size_t n, bool mailbox)
{
	struct zl_buf fix = { 0 }, what = { 0 }, box = { 0 };
	size_t i;
	unsigned not;

	/* Only BIND reads $GENERATE: the others' rules do not apply. */
	if (z->srcs[src]->gen_parts)
		return;
	i = zl_name_raw_at(s, n);
	not = (i < n ? ZL_NOT_KNOT : 0) |
	      (zl_name_nsd_refuses(s, n) ? ZL_NOT_NSD : 0);
	if (!not)
		return;
	if (i == n) {
		zl_zone_refused(z, not, "portable", src, at, "label '\\#' in "
				"domain name '%.*s%s', which NSD refuses: "
				"write it as \\035", ZL_TOKARGS(s, n));
		return;
	}
	/* A mailbox (an SOA's RNAME, RP's, MINFO's) written as an e-mail
	 * address: escaping its '@' keeps the wrong mailbox (RFC 1035 §8),
	 * the fix ZONE021 gives is a dot for it, between a user and a domain
	 * label that are not empty. */
	if (mailbox && s[i] == '@' && i > 0 && i < first_label_end(s, n) &&
	    i + 1 < n && s[i + 1] != '.') {
		zl_buf_add(&box, s, i);
		zl_buf_addc(&box, '.');
		zl_buf_add(&box, s + i + 1, n - i - 1);
		escape_raw(box.s, box.len, &fix);
		zl_zone_refused(z, not, "portable", src, at, "'@' written as "
				"itself in mailbox '%.*s%s', which %s: write "
				"the mailbox with a dot for the '@', '%.*s%s'",
				ZL_TOKARGS(s, n), zl_servers_refuse(not),
				ZL_TOKARGS(fix.s, fix.len));
		zl_buf_free(&box);
		zl_buf_free(&fix);
		return;
	}
	/* '@' as the last label of a longer name, as GoDaddy's export
	 * writes names below the apex ("_sip._tls.@"): meant as the origin,
	 * which '@' is only alone (RFC 1035 §5.1).  BIND reads a label '@'
	 * there, so escaping it keeps the record at the wrong name; the fix
	 * is the name without it. */
	if (s[i] == '@' && i == n - 1 && n > 2 && s[n - 2] == '.' &&
	    !escaped_at(s, n - 2)) {
		zl_zone_refused(z, not, "portable", src, at, "'@' as the last "
				"label of domain name '%.*s%s', which %s; BIND "
				"reads it as a label '@', not as the origin: "
				"write '%.*s%s' for the name below the origin",
				ZL_TOKARGS(s, n), zl_servers_refuse(not),
				ZL_TOKARGS(s, n - 2));
		return;
	}
	raw_what(s + i, n - i, &what);
	escape_raw(s, n, &fix);
	zl_zone_refused(z, not, "portable", src, at, "%s written as itself "
			"in domain name '%.*s%s', which %s: write the name as "
			"'%.*s%s'", what.s, ZL_TOKARGS(s, n),
			zl_servers_refuse(not), ZL_TOKARGS(fix.s, fix.len));
	zl_buf_free(&fix);
	zl_buf_free(&what);
}

/* How from_text reads what BIND refuses and Knot DNS and NSD load. */
enum {
	WRAP = 1	/* \DDD above 255: as Knot DNS, the value mod 256 */
};

/* The value of the escape \DDD at s[i] == '\\' when above 255 (what
 * zl_unescape refuses), or 0. */
static unsigned big_escape(const char *s, size_t n, size_t i)
{
	unsigned v;

	if (i + 3 >= n || s[i + 1] < '0' || s[i + 1] > '9' ||
	    s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' ||
	    s[i + 3] > '9')
		return 0;
	v = (unsigned)(s[i + 1] - '0') * 100 +
	    (unsigned)(s[i + 2] - '0') * 10 + (unsigned)(s[i + 3] - '0');
	return v > 255 ? v : 0;
}

/* The problem of the escape at s[i] of the name text s[0..n) that
 * from_text refuses.  A \DDD of fewer than three digits BIND and Knot
 * DNS refuse, and NSD reads as the digits. */
static size_t escape_err(const char **cat, char *msg, size_t msgsz,
			 const char *s, size_t n, size_t i)
{
	unsigned v;
	size_t d = zl_escape_short(s, n, i, &v);

	*cat = "syntax";
	if (d)
		snprintf(msg, msgsz, "escape '\\%.*s' of fewer than three "
			 "digits in domain name '%.*s%s', which BIND and Knot "
			 "DNS refuse (NSD reads the characters '%.*s'): write "
			 "byte %u as \\%03u", (int)d, s + i + 1,
			 ZL_TOKARGS(s, n), (int)d, s + i + 1, v, v);
	else if ((v = big_escape(s, n, i)) != 0)
		snprintf(msg, msgsz, "escape '\\%u' above 255 in domain name "
			 "'%.*s%s'", v, ZL_TOKARGS(s, n));
	else
		snprintf(msg, msgsz, "invalid escape in domain name '%.*s%s'",
			 ZL_TOKARGS(s, n));
	return 0;
}

/* zl_unescape, and what flags (WRAP) let through. */
static size_t unescape(const char *s, size_t n, size_t i, uint8_t *out,
		       unsigned flags)
{
	size_t k = zl_unescape(s, n, i, out);
	unsigned v;

	if (k || !flags)
		return k;
	if ((flags & WRAP) && (v = big_escape(s, n, i)) != 0) {
		*out = (uint8_t)(v % 256);
		return 4;
	}
	return 0;
}

static size_t from_text(const char *s, size_t n, const uint8_t *origin,
			size_t originlen, uint8_t *wire, const char **cat,
			char *msg, size_t msgsz, unsigned flags)
{
	uint8_t tmp[ZL_NAME_MAXWIRE + 2], b;
	size_t i = 0, w = 1, lab = 0, llen = 0, k;

	if (n == 1 && s[0] == '@') {
		memcpy(wire, origin, originlen);
		return originlen;
	}
	if (n == 1 && s[0] == '.') {
		wire[0] = 0;
		return 1;
	}
	if (n == 0)
		return name_err(cat, "syntax", msg, msgsz,
				"empty domain name '%.*s%s'", s, n);
	while (i < n) {
		if (s[i] == '.') {
			if (llen == 0)
				return name_err(cat, "syntax", msg, msgsz,
						"empty label in domain name '%.*s%s'",
						s, n);
			tmp[lab] = (uint8_t)llen;
			lab = w++;
			llen = 0;
			i++;
			continue;
		}
		b = (uint8_t)s[i];
		k = 1;
		if (s[i] == '\\' && (k = unescape(s, n, i, &b, flags)) == 0)
			return escape_err(cat, msg, msgsz, s, n, i);
		/* Any byte is label data (RFC 2181 §11), written as it is
		 * or as \DDD (zl_name_raw_byte); BIND and NSD read control
		 * bytes and DEL as they are too.  A NUL or a blank can only
		 * come from quotes, and is not taken. */
		if (s[i] != '\\' && (b == 0 || b == ' ' || b == '\t' ||
			       b == '\n' || b == '\r'))
			return name_err(cat, "syntax", msg, msgsz,
					"invalid character in domain name '%.*s%s'",
					s, n);
		/* RFC 1035 §2.3.4: labels of 63 octets, names of 255. */
		if (llen == 63)
			return name_err(cat, "range", msg, msgsz,
					"label longer than 63 bytes in domain name '%.*s%s'",
					s, n);
		if (w >= ZL_NAME_MAXWIRE)
			return name_err(cat, "range", msg, msgsz,
					"domain name '%.*s%s' exceeds 255 bytes",
					s, n);
		tmp[w++] = b;
		llen++;
		i += k;
	}
	if (llen == 0) {
		/* Ended in a dot: absolute.  The root label is one more
		 * octet, which may be the 256th. */
		if (w > ZL_NAME_MAXWIRE)
			return name_err(cat, "range", msg, msgsz,
					"domain name '%.*s%s' exceeds 255 bytes",
					s, n);
		tmp[lab] = 0;
		memcpy(wire, tmp, w);
		return w;
	}
	tmp[lab] = (uint8_t)llen;
	if (w + originlen > ZL_NAME_MAXWIRE)
		return name_err(cat, "range", msg, msgsz,
				"domain name '%.*s%s' exceeds 255 bytes with the origin appended",
				s, n);
	memcpy(wire, tmp, w);
	memcpy(wire + w, origin, originlen);
	return w + originlen;
}

size_t zl_name_from_text(const char *s, size_t n, const uint8_t *origin,
			 size_t originlen, uint8_t *wire, const char **cat,
			 char *msg, size_t msgsz)
{
	return from_text(s, n, origin, originlen, wire, cat, msg, msgsz, 0);
}

/* Where the name text s[0..n) holds a line break that a backslash
 * escapes, 0 if nowhere: Knot DNS and NSD read the break as a byte of
 * the name, and the word goes on on the next line (zone_lex.c); BIND
 * refuses it. */
static size_t lf_escape(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '\\' && s[++i] == '\n')
			return i;
	return 0;
}

/* The first escape \DDD above 255 of the name text s[0..n), 0 if none. */
static unsigned first_big(const char *s, size_t n, size_t *at)
{
	unsigned v;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\\') {
			if ((v = big_escape(s, n, i)) != 0) {
				*at = i;
				return v;
			}
			i++;
		}
	return 0;
}

/* Whether the name text s[0..n) holds a backslash before a CR.  BIND
 * reads the CR as a line break, which the backslash does not escape, and
 * refuses the name ("unexpected end of input"); Knot DNS and NSD read
 * byte 13. */
static bool cr_escape(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '\\' && s[++i] == '\r')
			return true;
	return false;
}

size_t zl_name_read(const struct zl_zone *z, uint16_t src, const char *s,
		    size_t n, const uint8_t *origin, size_t originlen,
		    uint8_t *wire)
{
	const struct zl_src *f = z->srcs[src];
	const char *cat;
	char msg[1];

	if (f->gen_parts)
		return cr_escape(s, n) || lf_escape(s, n) ? 0 :
		       zl_name_from_text(s, n, origin, originlen, wire, &cat,
					 msg, sizeof msg);
	return from_text(s, n, origin, originlen, wire, &cat, msg, sizeof msg,
			 WRAP);
}

size_t zl_name_from_zone(struct zl_zone *z, uint16_t src, struct zl_tok at,
			 const char *s, size_t n, const uint8_t *origin,
			 size_t originlen, uint8_t *wire, const char **cat,
			 char *msg, size_t msgsz, bool mailbox)
{
	const struct zl_src *f = z->srcs[src];
	unsigned flags = 0, v;
	size_t wl, i, lf;

	/* Only BIND reads $GENERATE: what it refuses stays an error. */
	if (f->gen_parts && cr_escape(s, n))
		return name_err(cat, "syntax", msg, msgsz, "CR after a "
				"backslash in domain name '%.*s%s', which BIND "
				"reads as a line break", s, n);
	if (f->gen_parts && (lf = lf_escape(s, n)) != 0)
		return name_err(cat, "syntax", msg, msgsz, "backslash at the "
				"end of the line in domain name '%.*s%s', "
				"which BIND refuses", s, lf);
	if (!f->gen_parts)
		flags = WRAP;
	wl = from_text(s, n, origin, originlen, wire, cat, msg, msgsz, flags);
	if (wl == 0)
		return 0;
	zl_name_note_raw(z, src, at, s, n, mailbox);
	if (!f->gen_parts && (lf = lf_escape(s, n)) != 0)
		zl_zone_refused(z, ZL_NOT_BIND, "portable", src, at, "backslash "
				"at the end of the line in domain name "
				"'%.*s%s', which BIND refuses; Knot DNS and "
				"NSD read it as an escaped line break, byte "
				"\\010 of the name, and the name goes on on "
				"the next line: write \\010", ZL_TOKARGS(s, lf));
	if (!f->gen_parts && cr_escape(s, n))
		zl_zone_refused(z, ZL_NOT_BIND, "portable", src, at, "CR after "
				"a backslash in domain name '%.*s%s', which "
				"BIND reads as a line break and refuses; Knot "
				"DNS and NSD read byte \\013: write it as "
				"\\013", ZL_TOKARGS(s, n));
	if ((v = first_big(s, n, &i)) != 0)
		zl_zone_refused(z, ZL_NOT_BIND, "portable", src, at, "escape "
				"'\\%u' above 255 in domain name '%.*s%s', "
				"which BIND refuses; Knot DNS reads it as "
				"\\%03u (the value modulo 256), NSD as the "
				"characters '%u'", v, ZL_TOKARGS(s, n),
				v % 256, v);
	return wl;
}

/* Bytes kept as they are in canonical text (lower-cased); the rest are
 * escaped. */
#define PLAIN(c) ((c) > ' ' && (c) < 0x7f && (c) != '.' && (c) != '\\' && \
		  (c) != '"' && (c) != '(' && (c) != ')' && (c) != ';' && \
		  (c) != '@' && (c) != '$')
#define CANON(c) ((char)((c) >= 'A' && (c) <= 'Z' ? (c) + 'a' - 'A' : \
			 PLAIN(c) ? (c) : 0))
#define CANON4(c) CANON(c), CANON((c) + 1), CANON((c) + 2), CANON((c) + 3)
#define CANON16(c) CANON4(c), CANON4((c) + 4), CANON4((c) + 8), \
		   CANON4((c) + 12)
#define CANON64(c) CANON16(c), CANON16((c) + 16), CANON16((c) + 32), \
		   CANON16((c) + 48)

/* Each byte of a label as canonical text shows it, or 0: escaped.  A
 * table, as this runs for every name of the zone. */
static const char canon[256] = { CANON64(0), CANON64(64), CANON64(128),
				 CANON64(192) };

/* Writes the escape of byte c to out (RFC 1035 §5.1); returns its
 * length. */
static size_t escape(uint8_t c, char *out)
{
	out[0] = '\\';
	if (c > ' ' && c < 0x7f) {
		out[1] = (char)c;
		return 2;
	}
	out[1] = (char)('0' + c / 100);
	out[2] = (char)('0' + c / 10 % 10);
	out[3] = (char)('0' + c % 10);
	return 4;
}

size_t zl_name_to_text(const uint8_t *wire, char *text)
{
	size_t i = 0, t = 0, end, len;
	char c;

	if (wire[0] == 0) {
		text[0] = '.';
		text[1] = '\0';
		return 1;
	}
	while ((len = wire[i++]) != 0) {
		for (end = i + len; i < end; i++) {
			if ((c = canon[wire[i]]) != 0)
				text[t++] = c;
			else
				t += escape(wire[i], text + t);
		}
		text[t++] = '.';
	}
	text[t] = '\0';
	return t;
}

struct zl_name *zl_name_intern_wire(struct zl_zone *z, const uint8_t *wire)
{
	char text[ZL_NAME_MAXTEXT];
	size_t n = zl_name_to_text(wire, text);

	return zl_zone_intern(z, text, n);
}


size_t zl_name_wire(const struct zl_name *n, uint8_t *wire)
{
	const char *cat;
	char msg[1];

	/* The text was made from a name in wire form: it reads back. */
	return zl_name_from_text(n->text, n->len, NULL, 0, wire, &cat, msg,
				 sizeof msg);
}
