/* idna.c - the A-label of a U-label: UTF-8 read, checked and encoded in
 * Punycode (RFC 3492, RFC 5891 §4). */
#include <stdbool.h>
#include <string.h>

#include "idna.h"

/* RFC 3492 §5: the parameters of Punycode. */
enum { BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700,
       INITIAL_BIAS = 72, INITIAL_N = 128 };

/* RFC 3492 §6.1 */
static uint32_t adapt(uint32_t delta, uint32_t points, bool first)
{
	uint32_t k = 0;

	delta = first ? delta / DAMP : delta / 2;
	delta += delta / points;
	while (delta > ((BASE - TMIN) * TMAX) / 2) {
		delta /= BASE - TMIN;
		k += BASE;
	}
	return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
}

static char digit(uint32_t d)
{
	return (char)(d < 26 ? 'a' + d : '0' + d - 26);
}

/* RFC 3492 §6.3, the variable-length integer q with bias: its digits
 * appended at out[*len], false when they do not fit in cap. */
static bool put_int(uint32_t q, uint32_t bias, char *out, size_t *len,
		    size_t cap)
{
	uint32_t k, t;

	for (k = BASE;; k += BASE) {
		t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
		if (q < t)
			break;
		if (*len == cap)
			return false;
		out[(*len)++] = digit(t + (q - t) % (BASE - t));
		q = (q - t) / (BASE - t);
	}
	if (*len == cap)
		return false;
	out[(*len)++] = digit(q);
	return true;
}

size_t zl_punycode_encode(const uint32_t *cp, size_t n, char *out,
			  size_t cap)
{
	uint32_t next = INITIAL_N, delta = 0, bias = INITIAL_BIAS, m;
	size_t len = 0, h, b = 0, i;

	if (n == 0 || n > ZL_IDNA_MAX_POINTS)
		return 0;
	for (i = 0; i < n; i++)
		if (cp[i] < 0x80) {
			if (len == cap)
				return 0;
			out[len++] = (char)cp[i];
			b++;
		}
	if (b > 0) {
		if (len == cap)
			return 0;
		out[len++] = '-';
	}
	for (h = b; h < n; delta++, next++) {
		for (m = UINT32_MAX, i = 0; i < n; i++)
			if (cp[i] >= next && cp[i] < m)
				m = cp[i];
		/* at most 253 code points below 0x110000: delta stays under
		 * 2^32 (RFC 3492 §6.4) */
		delta += (m - next) * (uint32_t)(h + 1);
		next = m;
		for (i = 0; i < n; i++) {
			if (cp[i] < next)
				delta++;
			if (cp[i] != next)
				continue;
			if (!put_int(delta, bias, out, &len, cap))
				return 0;
			bias = adapt(delta, (uint32_t)h + 1, h == b);
			delta = 0;
			h++;
		}
	}
	return len;
}

/* The code point of shortest-form UTF-8 at s[*i..n) (RFC 3629 §3),
 * *i moved past it; UINT32_MAX when there is none there. */
static uint32_t utf8_next(const unsigned char *s, size_t n, size_t *i)
{
	static const uint32_t least[] = { 0, 0x80, 0x800, 0x10000 };
	uint32_t c = s[(*i)++];
	int more = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 :
		   (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : -1;
	int j;

	if (more < 0)
		return UINT32_MAX;
	c &= 0x7fu >> more;
	for (j = 0; j < more; j++) {
		if (*i == n || (s[*i] & 0xc0) != 0x80)
			return UINT32_MAX;
		c = c << 6 | (s[(*i)++] & 0x3f);
	}
	if (c < least[more] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return UINT32_MAX;
	return c;
}

/* Whether RFC 5892 makes c DISALLOWED in every Unicode version, by the
 * ranges idna.h lists (ASCII aside: the caller judges it). */
static bool disallowed(uint32_t c)
{
	static const uint32_t ranges[][2] = {
		{ 0x80, 0x9f }, { 0xa0, 0xb6 }, { 0xb8, 0xde },
		{ 0xf7, 0xf7 }, { 0x1680, 0x1680 }, { 0x2000, 0x200b },
		{ 0x200e, 0x206f }, { 0x3000, 0x3000 }, { 0x3002, 0x3002 },
		{ 0xe000, 0xf8ff }, { 0xfdd0, 0xfdef }, { 0xfeff, 0xfeff },
		{ 0xff01, 0xff5e }, { 0xff61, 0xff61 }, { 0xfff0, 0xfffd },
		{ 0xf0000, 0x10ffff },
	};
	size_t i;

	if ((c & 0xfffe) == 0xfffe)	/* U+xFFFE, U+xFFFF */
		return true;
	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return true;
	return false;
}

/* RFC 5891 §4.2.3.1: a U-label's hyphens.  NULL or why not, with *k the
 * code point at fault. */
static const char *hyphens(const uint32_t *cp, size_t n, size_t *k)
{
	if (cp[0] == '-' || cp[n - 1] == '-') {
		*k = cp[0] == '-' ? 0 : n - 1;
		return "an internationalised label starts or ends with '-'";
	}
	if (n >= 4 && cp[2] == '-' && cp[3] == '-') {
		*k = 2;
		return "an internationalised label holds '--' in its third "
		       "and fourth places, which only an A-label does";
	}
	return NULL;
}

const char *zl_idna_label(const char *s, size_t n, char *out, size_t cap,
			  size_t *len, size_t *at)
{
	uint32_t cp[ZL_IDNA_MAX_POINTS];
	size_t off[ZL_IDNA_MAX_POINTS], k = 0, i = 0, bad;
	bool ascii = true;
	const char *why;

	*len = 0;
	while (i < n) {
		*at = i;
		if (k == ZL_IDNA_MAX_POINTS)
			return NULL;	/* too long: no A-label */
		off[k] = i;
		if ((cp[k] = utf8_next((const unsigned char *)s, n, &i)) ==
		    UINT32_MAX)
			return "a byte that is not part of UTF-8 in the "
			       "domain";
		if (cp[k] >= 'A' && cp[k] <= 'Z')
			cp[k] += 32;	/* UTS 46 §4.1: mapped */
		ascii = ascii && cp[k] < 0x80;
		if (cp[k] >= 0x80 && disallowed(cp[k]))
			return "a character in the domain that IDNA2008 "
			       "disallows (RFC 5892)";
		k++;
	}
	if (ascii) {
		if (n <= cap)
			for (*len = n, i = 0; i < n; i++)
				out[i] = (char)cp[i];
		out[*len] = '\0';
		return NULL;
	}
	if ((why = hyphens(cp, k, &bad)) != NULL ||
	    (cp[0] >= 0x300 && cp[0] <= 0x36f && (bad = 0, why =
		"an internationalised label starts with a combining mark "
		"(RFC 5891 §4.2.3.2)"))) {
		*at = off[bad];
		return why;
	}
	if (cap >= 4 && (*len = zl_punycode_encode(cp, k, out + 4,
						   cap - 4)) > 0) {
		memcpy(out, "xn--", 4);
		*len += 4;
	}
	out[*len] = '\0';
	return NULL;
}
