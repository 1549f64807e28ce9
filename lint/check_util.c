/* check_util.c - zone lookups shared by several check primitives. */
#include <arpa/inet.h>
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

const struct zl_rr *zl_first_rr(const struct zl_zone *z,
				const struct zl_name *n, uint16_t type)
{
	const struct zl_rrset *s = n ? zl_name_rrset(n, type) : NULL;

	return s ? &z->rrs[s->first] : NULL;
}

const struct zl_rr *zl_next_rr(const struct zl_zone *z, const struct zl_rr *rr)
{
	return rr->next == ZL_NONE ? NULL : &z->rrs[rr->next];
}

struct zl_tok zl_rr_type_tok(const struct zl_rr *rr)
{
	return rr->type_tok.len ? rr->type_tok : rr->text;
}

uint16_t zl_rdf_u16(const struct zl_rdf *f)
{
	return f->len >= 2 ? (uint16_t)(f->data[0] << 8 | f->data[1]) : 0;
}

enum zl_addr_kind zl_addr_kind(const struct zl_rdf *f)
{
	const uint8_t *a = f->data;
	static const uint8_t zero[16];

	if (f->type == LDNS_RDF_TYPE_A && f->len == 4) {
		if (a[0] == 127)
			return ZL_ADDR_LOOPBACK;
		if (memcmp(a, zero, 4) == 0)
			return ZL_ADDR_UNSPECIFIED;
		if (a[0] == 169 && a[1] == 254)
			return ZL_ADDR_LINK_LOCAL;
		return ZL_ADDR_USABLE;
	}
	if (f->type == LDNS_RDF_TYPE_AAAA && f->len == 16) {
		if (memcmp(a, zero, 15) == 0 && a[15] == 1)
			return ZL_ADDR_LOOPBACK;
		if (memcmp(a, zero, 16) == 0)
			return ZL_ADDR_UNSPECIFIED;
		if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
			return ZL_ADDR_LINK_LOCAL;
		return ZL_ADDR_USABLE;
	}
	return ZL_ADDR_USABLE;
}

bool zl_text_is_address(const char *text, size_t len)
{
	char buf[INET6_ADDRSTRLEN + 2];
	unsigned char addr[16];

	if (len > 0 && text[len - 1] == '.')
		len--;
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return inet_pton(AF_INET, buf, addr) == 1 ||
	       inet_pton(AF_INET6, buf, addr) == 1;
}

/* Number of labels in a canonical name ("a.b." has 2, "." has 0). */
static unsigned labels(const char *text)
{
	unsigned n = 0;

	for (; text && text[0] && strcmp(text, ".") != 0; text = zl_name_parent(text))
		n++;
	return n;
}

/* Whether the relative name w (lower case, no final dot) ends with the last
 * k >= min(2, labels(origin)) labels of origin ("b.c." for "a.b.c."). */
static bool ends_with_origin(const char *w, size_t wlen, const char *origin)
{
	unsigned k = labels(origin), need = k < 2 ? k : 2;
	const char *suffix = origin;

	for (; suffix && k >= need && k > 0; suffix = zl_name_parent(suffix), k--) {
		size_t slen = strlen(suffix) - 1;	/* without the final dot */

		if (wlen > slen && w[wlen - slen - 1] == '.' &&
		    strncmp(w + wlen - slen, suffix, slen) == 0)
			return true;
	}
	return false;
}

bool zl_written_repeats_origin(const char *text, size_t len,
			       const struct zl_name *name)
{
	size_t i;

	/* Absolute names, escapes and '@' cannot show the mistake. */
	if (!name || len == 0 || len >= name->len || text[len - 1] == '.' ||
	    memchr(text, '\\', len) || (len == 1 && text[0] == '@') ||
	    !memchr(text, '.', len) || name->text[len] != '.')
		return false;
	for (i = 0; i < len; i++)
		if (tolower((unsigned char)text[i]) != name->text[i])
			return false;
	/* The name is the written labels, lower-cased, then the origin they
	 * were made relative to - which also covers a $ORIGIN other than the
	 * zone's. */
	return ends_with_origin(name->text, len, name->text + len + 1);
}
