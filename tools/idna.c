/* idna.c - write each line of stdin with its labels of bytes other than
 * ASCII in their zone form: "xn--" and the label's Punycode (RFC 3492),
 * the others as they are.
 *
 *   usage: tools/idna < names > names-in-zone-form
 *
 * The Public Suffix List writes internationalised names in Unicode,
 * already in the form IDNA maps them to (lower case, NFC), so a label
 * needs only its encoding; tools/psl.sh runs its rules through this.
 * A line that is not UTF-8, or with a label whose zone form is longer
 * than 63 bytes, is left out with a message on stderr; the exit status
 * is 0 either way. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "idna.h"

enum { MAX_LABEL = 63 };

/* The code points of s[0..n), UTF-8 in its shortest form, into cp;
 * their count, or -1 when s is no such UTF-8 or has more than max. */
static int decode(const unsigned char *s, size_t n, uint32_t *cp, int max)
{
	static const uint32_t least[] = { 0, 0x80, 0x800, 0x10000 };
	size_t i = 0;
	int k = 0;

	while (i < n) {
		uint32_t c = s[i++];
		int more = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 :
			   (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : -1;

		if (more < 0 || k == max)
			return -1;
		c &= 0x7f >> more;
		for (int j = 0; j < more; j++) {
			if (i == n || (s[i] & 0xc0) != 0x80)
				return -1;
			c = c << 6 | (s[i++] & 0x3f);
		}
		if (c < least[more] || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			return -1;
		cp[k++] = c;
	}
	return k;
}

/* The A-label of cp[0..n) into out (MAX_LABEL + 1 bytes): "xn--" and
 * its Punycode (lint/util/idna.c); its length, or 0 when it does not
 * fit. */
static size_t encode(const uint32_t *cp, int n, char *out)
{
	size_t len = zl_punycode_encode(cp, (size_t)n, out + 4,
					MAX_LABEL - 4);

	memcpy(out, "xn--", 4);
	return len ? len + 4 : 0;
}

/* line (its newline removed) in zone form into out; false when it has
 * no such form. */
static bool convert(const char *line, char *out, size_t cap)
{
	const char *p = line;
	size_t len = 0;

	for (;;) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		char label[MAX_LABEL + 1];
		uint32_t cp[MAX_LABEL];
		size_t i, m = n;
		int k;

		for (i = 0; i < n && !((unsigned char)p[i] & 0x80); i++)
			;
		if (i == n) {
			if (n > MAX_LABEL)
				return false;
			memcpy(label, p, n);
		} else if ((k = decode((const unsigned char *)p, n, cp,
				       MAX_LABEL)) < 0 ||
			   !(m = encode(cp, k, label))) {
			return false;
		}
		if (len + m + 2 > cap)
			return false;
		memcpy(out + len, label, m);
		len += m;
		if (!dot)
			break;
		out[len++] = '.';
		p = dot + 1;
	}
	out[len] = '\0';
	return true;
}

int main(void)
{
	char line[1024], out[1024];

	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (convert(line, out, sizeof out))
			puts(out);
		else
			fprintf(stderr, "idna: left out: %s\n", line);
	}
	return 0;
}
