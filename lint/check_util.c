/* check_util.c - zone lookups shared by several check primitives. */
#include <ldns/ldns.h>
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

const char *zl_name_parent(const char *text)
{
	const char *p;

	if (text[0] == '.' && text[1] == '\0')
		return NULL;
	for (p = text; *p; p++) {
		if (*p == '\\' && p[1])
			p++;	/* an escaped byte, maybe '.', is label data */
		else if (*p == '.')
			return p[1] ? p + 1 : p;
	}
	return NULL;
}

bool zl_name_below_cut(const struct zl_zone *z, const struct zl_name *n)
{
	const char *text = n->text;
	const struct zl_name *at;

	/* RFC 1034 §4.2.1: data at or below an NS RRset other than the apex
	 * belongs to the child zone and is not authoritative here. */
	while (text && strlen(text) > z->origin->len) {
		at = zl_zone_lookup(z, text);
		if (at && zl_name_rrset(at, LDNS_RR_TYPE_NS))
			return true;
		text = zl_name_parent(text);
	}
	return false;
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
