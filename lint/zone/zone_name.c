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

/* what has one "%.*s%s" for the name. */
static size_t name_err(const char **cat, const char *c, char *msg,
		       size_t msgsz, const char *what, const char *s, size_t n)
{
	*cat = c;
	snprintf(msg, msgsz, what, ZL_TOKARGS(s, n));
	return 0;
}

size_t zl_name_from_text(const char *s, size_t n, const uint8_t *origin,
			 size_t originlen, uint8_t *wire, const char **cat,
			 char *msg, size_t msgsz)
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
		if (s[i] == '\\' && (k = zl_unescape(s, n, i, &b)) == 0)
			return name_err(cat, "syntax", msg, msgsz,
					"invalid escape in domain name '%.*s%s'",
					s, n);
		if (k == 1 && (b <= ' ' || b >= 0x7f))
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

/* Bytes kept as they are in canonical text; the rest are escaped. */
static bool plain(uint8_t c)
{
	return c > ' ' && c < 0x7f && c != '.' && c != '\\' && c != '"' &&
	       c != '(' && c != ')' && c != ';' && c != '@' && c != '$';
}

size_t zl_name_to_text(const uint8_t *wire, char *text)
{
	size_t i = 0, t = 0, k, len;
	uint8_t c;

	if (wire[0] == 0) {
		text[0] = '.';
		text[1] = '\0';
		return 1;
	}
	while ((len = wire[i++]) != 0) {
		for (k = 0; k < len; k++) {
			c = wire[i++];
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (plain(c)) {
				text[t++] = (char)c;
			} else if (c > ' ' && c < 0x7f) {
				text[t++] = '\\';
				text[t++] = (char)c;
			} else {
				snprintf(text + t, 5, "\\%03u", c);
				t += 4;
			}
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

