/* record.c - what a primitive reads off one record: the span of a field, its name fields, its type's mnemonic. */
#include <stdio.h>

#include <ldns/ldns.h>

#include "check.h"

struct zl_tok zl_rr_field_tok(const struct zl_zone *z, const struct zl_rr *rr,
			      unsigned i)
{
	const struct zl_rdf *f;
	struct zl_tok first, last;

	if (i >= rr->nrdf || rr->rdf[i].ntok == 0)
		return rr->text;
	f = &rr->rdf[i];
	first = zl_rr_tok(z, rr, f->tok);
	last = zl_rr_tok(z, rr, f->tok + f->ntok - 1u);
	return (struct zl_tok){ first.off, last.off + last.len - first.off };
}

int zl_rr_name_field(const struct zl_rr *rr, unsigned skip)
{
	unsigned i;

	for (i = 0; i < rr->nrdf; i++)
		if (rr->rdf[i].type == LDNS_RDF_TYPE_DNAME && skip-- == 0)
			return (int)i;
	return -1;
}

const char *zl_type_str(uint16_t type)
{
	static _Thread_local char buf[sizeof "TYPE65535"];
	const char *name = zl_type_name(type);

	if (name)
		return name;
	snprintf(buf, sizeof buf, "TYPE%u", (unsigned)type);
	return buf;
}
