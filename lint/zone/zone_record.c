/* zone_record.c - one record: owner, TTL, class, type and rdata (RFC 1035
 * §5.1), and where it may stand in the zone. */
#include "zone_loader.h"

#include <inttypes.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Reads the optional TTL and class, in either order (RFC 1035 §5.1 allows
 * both; ldns only the first).  *i is the next token.  Returns false after
 * reporting a bad TTL. */
static bool ttl_class(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln, size_t *i,
		      struct zl_rr *rr)
{
	const struct zl_lex_tok *t;
	const char *s;

	for (; *i < ln->ntoks; (*i)++) {
		t = &ln->toks[*i];
		s = text_of(L, src, t);
		if (t->quoted || t->len == 0)
			break;
		if (s[0] >= '0' && s[0] <= '9' && rr->ttl_tok.len == 0) {
			if (!zl_ld_ttl(L, src, t, &rr->ttl))
				return false;
			rr->ttl_tok = span(t);
		} else if (rr->class_tok.len == 0 &&
			   zl_ld_class(s, t->len, &rr->klass)) {
			rr->class_tok = span(t);
		} else {
			break;
		}
	}
	return true;
}

static bool owner_of(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln, struct zl_rr *rr)
{
	uint8_t wire[ZL_NAME_MAXWIRE];

	if (ln->blank) {
		/* RFC 1035 §5.1: a blank owner is the previous owner. */
		rr->owner_tok.off = ln->start;
		rr->flags |= ZL_RR_OWNER_BLANK;
		if (L->prev_bad)
			return false;	/* its owner line was reported */
		if (!L->prev_owner) {
			zl_zone_problem(L->z, "syntax", src,
					span(&ln->toks[0]),
					"blank owner but no earlier record to take it from");
			return false;
		}
		rr->owner = L->prev_owner;
		return true;
	}
	rr->owner_tok = span(&ln->toks[0]);
	L->prev_bad = true;
	if (zl_ld_name(L, src, &ln->toks[0], wire) == 0)
		return false;
	rr->owner = zl_name_intern_wire(L->z, wire);
	L->prev_owner = rr->owner;
	L->prev_bad = false;
	return true;
}

static bool rr_type(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t i, struct zl_rr *rr)
{
	const struct zl_lex_tok *t;
	const struct zl_rrtype *rt;
	const char *s;

	if (i >= ln->ntoks) {
		t = &ln->toks[ln->ntoks - 1];
		zl_zone_problem(L->z, "syntax", src, span(t),
				"missing record type after '%.*s%s'",
				ZL_TOKARGS(text_of(L, src, t), t->len));
		return false;
	}
	t = &ln->toks[i];
	s = text_of(L, src, t);
	rr->type_tok = span(t);
	if (t->quoted || !zl_type_parse(s, t->len, &rr->type)) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"unknown record type '%.*s%s'",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	/* RFC 6895 §3.1: OPT and the meta and query types (128-255) are
	 * never data in a zone. */
	if (rr->type == 0 || rr->type == LDNS_RR_TYPE_OPT ||
	    (rr->type >= 128 && rr->type <= 255)) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"record type '%.*s%s' cannot appear in a zone file",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	/* RFC 973 §2.2: MD and MF gave way to MX; BIND and Knot DNS refuse
	 * a zone with them. */
	rt = zl_rrtype_find(rr->type);
	if (rt && rt->form == ZL_FORM_OBSOLETE) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"record type '%.*s%s' is obsolete (RFC 973): "
				"servers refuse it; use MX",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	return true;
}

static uint32_t soa_minimum(const struct zl_rr *rr)
{
	const uint8_t *p = rr->rdf[6].data;
	uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		     (uint32_t)p[2] << 8 | p[3];

	return v > MAX_TTL ? MAX_TTL : v;
}

/* The TTL of a record without one (RFC 1035 §5.1, RFC 2308 §4): $TTL,
 * else the last explicit TTL, else the SOA minimum. */
static bool rr_ttl(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	bool soa = rr->type == LDNS_RR_TYPE_SOA && rr->nrdf == 7 &&
		   rr->rdf[6].len == 4;

	if (rr->ttl_tok.len) {
		L->last_ttl = rr->ttl;
		L->have_last_ttl = true;
	} else {
		rr->flags |= ZL_RR_TTL_IMPLICIT;
		if (L->have_dollar_ttl)
			rr->ttl = L->dollar_ttl;
		else if (L->have_last_ttl)
			rr->ttl = L->last_ttl;
		else if (L->have_soa_min)
			rr->ttl = L->soa_min;
		else if (soa)
			rr->ttl = soa_minimum(rr);
		else {
			zl_zone_problem(L->z, "syntax", src, rr->type_tok,
					"no TTL for this record and no $TTL before it");
			return false;
		}
	}
	if (soa) {
		L->soa_min = soa_minimum(rr);
		L->have_soa_min = true;
	}
	return true;
}

/* RFC 1035 §5.2: a zone has one class, that of its first record; an
 * omitted class is the zone's (as BIND and Knot read it).  The query
 * classes (RFC 6895 §3.2) are never data.  Servers refuse a zone with
 * another class in it. */
static bool rr_class(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	uint16_t k = rr->klass;
	char name[16], zone[16];

	if (!rr->class_tok.len) {
		rr->klass = L->zone_class ? L->zone_class : LDNS_RR_CLASS_IN;
	} else if (k == 0 || (k >= 128 && k <= 255) ||
		   (k >= 57344 && k <= 65279) || k == 65535) {
		zl_zone_problem(L->z, "class", src, rr->class_tok,
				"class %s cannot appear in a zone file",
				zl_ld_class_name(k, name, sizeof name));
		return false;
	} else if (L->zone_class && k != L->zone_class) {
		zl_zone_problem(L->z, "class", src, rr->class_tok,
				"class %s differs from the zone's class %s",
				zl_ld_class_name(k, name, sizeof name),
				zl_ld_class_name(L->zone_class, zone, sizeof zone));
		return false;
	}
	if (!L->zone_class)
		L->zone_class = rr->klass;
	return true;
}

/* Whether the zone holds rr: servers ignore data outside the origin
 * (reported once per name, at its first record), and a zone has one SOA
 * record, at its apex (RFC 1035 §5.2, RFC 1034 §4.3.4). */
static bool rr_placed(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	const struct zl_name *origin = L->z->origin;

	if (!rr->owner->in_zone) {
		if (rr->owner->nrr++ == 0)
			zl_zone_problem(L->z, "outside", src, rr->owner_tok,
					"'%s' is outside the zone '%s': "
					"servers ignore its records, and so "
					"does zonelint", rr->owner->text,
					origin->text);
		return false;
	}
	if (rr->type != LDNS_RR_TYPE_SOA)
		return true;
	if (rr->owner != origin) {
		zl_zone_problem(L->z, "soa", src, rr->owner_tok,
				"SOA record at '%s', below the zone apex '%s'",
				rr->owner->text, origin->text);
		return false;
	}
	if (zl_name_rrset(rr->owner, LDNS_RR_TYPE_SOA)) {
		zl_zone_problem(L->z, "soa", src, rr->type_tok,
				"second SOA record at '%s': a zone has one",
				rr->owner->text);
		return false;
	}
	return true;
}

void zl_ld_record(struct loader *L, uint16_t src,
		   const struct zl_lex_line *ln)
{
	struct zl_zone *z = L->z;
	struct zl_rdata_in in;
	struct zl_rr rr;
	size_t i, k, tok0 = z->ntoks, nrd;

	memset(&rr, 0, sizeof rr);
	if (!zl_ld_origin(L))
		return;
	zl_ld_fix_origin(L);
	L->seen_record = true;
	rr.src = src;
	rr.text.off = ln->start;
	rr.text.len = ln->end - ln->start;
	i = ln->blank ? 0 : 1;
	if (!owner_of(L, src, ln, &rr))
		return;
	if (!ttl_class(L, src, ln, &i, &rr) || !rr_type(L, src, ln, i, &rr)) {
		rr.type = 0;
		goto drop;
	}
	nrd = ln->ntoks - i - 1;
	if (nrd > ZL_LEX_MAXRDTOKS) {
		zl_zone_problem(z, "limit", src, span(&ln->toks[i + 1 + 65535]),
				"more than 65535 rdata tokens in one record");
		goto drop;
	}
	zl_xgrow((void **)&z->toks, &z->captoks, z->ntoks + nrd,
		 sizeof *z->toks);
	for (k = 0; k < nrd; k++)
		z->toks[z->ntoks++] = span(&ln->toks[i + 1 + k]);
	memset(&in, 0, sizeof in);
	in.src = src;
	in.type = rr.type;
	in.type_tok = rr.type_tok;
	in.toks = ln->toks + i + 1;
	in.ntoks = nrd;
	in.tok0 = (uint32_t)tok0;
	in.origin = L->origin;
	in.originlen = L->originlen;
	if (!zl_rdata_convert(z, &in, &rr, &L->scratch) || !rr_ttl(L, src, &rr) ||
	    !rr_class(L, src, &rr) || !rr_placed(L, src, &rr))
		goto drop;
	if (!zl_budget_take(&L->budget->records, 1, L->budget->lim.records)) {
		zl_zone_problem(z, "limit", src, rr.owner_tok.len ? rr.owner_tok
				: rr.type_tok, "more than %" PRIu64 " records "
				"in this run; the rest of the zone is not read",
				L->budget->lim.records);
		L->stop = true;
		goto drop;
	}
	/* Reported at the first record over the limit only: a million
	 * records at one name must give one error, not a million.  nrr
	 * keeps counting so that the rest stay quiet. */
	if (rr.owner->nrr >= MAX_RR_PER_NAME) {
		if (rr.owner->nrr++ == MAX_RR_PER_NAME)
			zl_zone_problem(z, "limit", src, rr.owner_tok,
					"more than %d records at '%s'; the "
					"rest are not checked",
					MAX_RR_PER_NAME, rr.owner->text);
		goto drop;
	}
	if ((rr.flags & ZL_RR_UNCHECKED) &&
	    !(L->noted[rr.type / 8] & 1 << rr.type % 8)) {
		L->noted[rr.type / 8] |= (uint8_t)(1 << rr.type % 8);
		zl_zone_problem(z, "unchecked", src, rr.type_tok,
				"%s rdata%s is not checked: zonelint does not "
				"read its format", zl_type_name(rr.type),
				rr.flags & ZL_RR_GENERIC ?
				" in RFC 3597 form" : "");
	}
	rr.tok = (uint32_t)tok0;
	rr.ntok = (uint16_t)nrd;
	zl_zone_add_rr(z, &rr);
	return;
drop:
	z->ntoks = tok0;
	zl_zone_lost(z, rr.owner, rr.type);
}

