/* zone_record.c - one record: owner, TTL, class, type and rdata (RFC 1035
 * §5.1), and where it may stand in the zone. */
#include "zone_loader.h"

#include <ctype.h>
#include <inttypes.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A record while it is read: the record, its class, and its tokens before
 * the rdata as full spans, packed into the record at the end
 * (pack_header). */
struct rec {
	struct zl_rr rr;
	uint16_t klass;
	const struct zl_rrtype *rt;	/* zl_rrtype_find(rr.type) */
	struct zl_tok hdr[4];	/* enum zl_hdr; len 0 when absent */
};

/* The optional TTL and class tokens of the logical line ln of buf from
 * token *i on, in either order (RFC 1035 §5.1 allows both; ldns only the
 * first), into h; *i is then the type's.  The first token that starts with
 * a digit is the TTL; returns its index, or ln->ntoks when there is none.
 * Shared by the loader and zl_rr_hdr(), so that both read a record's
 * tokens alike. */
static size_t ttl_class_toks(const char *buf, const struct zl_lex_line *ln,
			     size_t *i, struct zl_tok h[4], uint16_t *klass)
{
	size_t ttl = ln->ntoks;

	const struct zl_lex_tok *t;
	const char *s;

	for (; *i < ln->ntoks; (*i)++) {
		t = &ln->toks[*i];
		s = buf + t->off;
		if (t->quoted || t->len == 0)
			break;
		if (s[0] >= '0' && s[0] <= '9' && !h[ZL_HDR_TTL].len) {
			h[ZL_HDR_TTL] = span(t);
			ttl = *i;
		} else if (!h[ZL_HDR_CLASS].len && zl_ld_class(s, t->len, klass))
			h[ZL_HDR_CLASS] = span(t);
		else
			break;
	}
	return ttl;
}

/* Reads the optional TTL and class (ttl_class_toks).  Returns false after
 * reporting a bad TTL. */
static bool ttl_class(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln, size_t *i, struct rec *r)
{
	size_t t = ttl_class_toks(L->z->srcs[src]->buf, ln, i, r->hdr,
				  &r->klass);

	return t == ln->ntoks || zl_ld_ttl(L, src, &ln->toks[t], &r->rr.ttl);
}

/* Whether the text s[0..n) of a quoted owner is one label as BIND reads
 * it, which NSD reads alike: no '.' but escaped ones, escapes BIND reads
 * (three digits up to 255, or a character), 1 to 63 bytes, and not "@",
 * the origin to BIND.  A blank or a NUL, which only quotes let into a
 * name, is not taken (zone_name.c). */
static bool one_label(const char *s, size_t n)
{
	size_t i, bytes = 0;

	if (n == 1 && s[0] == '@')
		return false;
	for (i = 0; i < n; i++, bytes++) {
		if (s[i] == '.' || s[i] == ' ' || s[i] == '\t' ||
		    s[i] == '\n' || s[i] == '\r' || s[i] == '\0')
			return false;
		if (s[i] != '\\')
			continue;
		if (++i == n)
			return false;
		if (!isdigit((unsigned char)s[i]))
			continue;
		if (i + 2 >= n || !isdigit((unsigned char)s[i + 1]) ||
		    !isdigit((unsigned char)s[i + 2]) ||
		    (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 +
		    (s[i + 2] - '0') > 255)
			return false;
		i += 2;
	}
	return bytes > 0 && bytes <= 63;
}

static bool owner_of(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln, struct rec *r)
{
	struct zl_rr *rr = &r->rr;
	uint8_t wire[ZL_NAME_MAXWIRE];
	bool first = L->include_start;
	const char *after = L->after_directive;
	struct zl_lex_tok owner;

	L->include_start = false;
	L->after_directive = NULL;
	if (ln->blank) {
		/* RFC 1035 §5.1: a blank owner is the previous owner. */
		r->hdr[ZL_HDR_OWNER].off = ln->start;
		rr->flags |= ZL_RR_OWNER_BLANK;
		/* Knot DNS reads an included file as a zone file of its
		 * own, without the including file's last owner. */
		if (first && L->prev_owner)
			zl_zone_refused(L->z, ZL_NOT_KNOT, "portable", src,
					(struct zl_tok){ ln->start, 1 },
					"record without owner first in an "
					"included file, which Knot DNS "
					"refuses");
		/* Neither $ORIGIN, nor the origin an $INCLUDE gives its
		 * file, nor the records of a $GENERATE change the previous
		 * owner (BIND alike, which warns in the included file too). */
		if (after && L->prev_owner && !L->prev_bad)
			zl_zone_problem(L->z, "inherited", src,
					(struct zl_tok){ ln->start, 1 },
					"record without owner right after "
					"%s: its owner is '%s', the last one "
					"before the directive, not %s", after,
					L->prev_owner->text,
					strcmp(after, "$GENERATE") == 0 ?
					"a generated name" : "the new origin");
		if (L->prev_bad)
			return false;	/* its owner line was reported */
		rr->owner = L->prev_owner;	/* zl_ld_record made sure */
		return true;
	}
	r->hdr[ZL_HDR_OWNER] = span(&ln->toks[0]);
	L->prev_bad = true;
	/* A quoted owner: BIND reads the name in the quotes, NSD one label
	 * of what they hold, dots and all, Knot DNS neither.  One label
	 * ("a b", "mail") means the same to BIND and NSD; what a $GENERATE
	 * writes in quotes BIND refuses too. */
	owner = ln->toks[0];
	if (owner.quoted) {
		if (L->z->srcs[src]->gen_parts ||
		    !one_label(text_of(L, src, &owner) + 1, owner.len - 2)) {
			zl_zone_problem(L->z, "syntax", src,
					r->hdr[ZL_HDR_OWNER], "owner name in "
					"quotes, which the servers read apart "
					"(BIND as the name in them, NSD as one "
					"label, Knot DNS not at all): write it "
					"without them");
			return false;
		}
		zl_zone_refused(L->z, ZL_NOT_KNOT, "portable",
				src, r->hdr[ZL_HDR_OWNER],
				"owner name in quotes, which Knot DNS refuses: "
				"write it without them");
		owner.off++;
		owner.len -= 2;
		owner.quoted = false;
	}
	if (zl_ld_name(L, src, &owner, wire) == 0)
		return false;
	rr->owner = zl_name_intern_wire(L->z, wire);
	L->prev_owner = rr->owner;
	L->prev_bad = false;
	return true;
}

/* A type written as a mnemonic that some servers do not know: an error
 * when none knows it, else ZONE012; TYPEnnn with \\# rdata (RFC 3597 §5),
 * which every server reads, is the way to write it.  Those servers do
 * not know its rdata's presentation form either, after TYPEnnn too.
 * generic: the rdata is in \\# form.  Returns false after the error. */
static bool mnemonic_ok(struct zl_zone *z, uint16_t src,
			struct zl_tok at, const char *s, uint16_t type,
			bool generic)
{
	unsigned not = zl_type_unknown_to(type);
	bool typennn = zl_type_numeric(s, at.len);

	if (!not || (typennn && generic))
		return true;
	if (typennn)
		zl_zone_refused(z, not, not == 7 ? "syntax" : "portable",
				src, at, "%.*s%s with rdata in presentation "
				"form, which %s cannot read: write the rdata "
				"as \\# (RFC 3597)", ZL_TOKARGS(s, at.len),
				zl_servers_str(not));
	else
		zl_zone_refused(z, not, not == 7 ? "syntax" : "portable",
				src, at, "record type '%.*s%s' is unknown to "
				"%s: write it as TYPE%u with \\# rdata (RFC "
				"3597)",
				ZL_TOKARGS(s, at.len), zl_servers_str(not),
				type);
	return not != 7;
}

/* What the record whose type token i is no type counts as when lost
 * (struct zl_lost): a class written again is followed by the type, as is
 * PowerDNS's LUA by the type it serves; otherwise zl_type_lost_as(). */
static uint16_t lost_as(struct loader *L, uint16_t src,
			const struct zl_lex_line *ln, size_t i)
{
	const struct zl_lex_tok *t = &ln->toks[i];
	const char *s = text_of(L, src, t);
	uint16_t v;

	if (t->quoted)
		return 0;
	if ((zl_ld_class(s, t->len, &v) ||
	     (t->len == 3 && strncasecmp(s, "LUA", 3) == 0)) &&
	    i + 1 < ln->ntoks && !ln->toks[i + 1].quoted)
		return zl_type_parse(text_of(L, src, &ln->toks[i + 1]),
				     ln->toks[i + 1].len, &v) ? v : 0;
	return zl_type_lost_as(s, t->len);
}

/* Whether the token t of source src is word (of n bytes), in any case. */
static bool tok_is(const struct loader *L, uint16_t src,
		   const struct zl_lex_tok *t, const char *word, size_t n)
{
	return !t->quoted && t->len == n &&
	       strncasecmp(text_of(L, src, t), word, n) == 0;
}

/* The type at token i of ln, or after a TTL and a class there; 0 when
 * there is none. */
static uint16_t type_from(const struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln, size_t i)
{
	const struct zl_lex_tok *t;
	const char *s;
	uint16_t v;
	size_t j;

	for (j = i; j < i + 3 && j < ln->ntoks; j++) {
		t = &ln->toks[j];
		s = text_of(L, src, t);
		if (t->quoted || !t->len)
			return 0;
		if (zl_type_parse(s, t->len, &v))
			return v;
		if (!(s[0] >= '0' && s[0] <= '9') && !zl_ld_class(s, t->len, &v))
			return 0;
	}
	return 0;
}

/* What other tools write into their zone files where the type belongs,
 * which no server reads, said as what it is (a ZONE001 error, as the
 * servers refuse the zone); rr->type then is the type the record stands
 * for (struct zl_lost).  Returns whether token i of ln is such. */
static bool foreign(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t i, struct rec *r)
{
	const struct zl_lex_tok *t = &ln->toks[i];
	const char *s = text_of(L, src, t);
	uint16_t v;

	/* cli53 exports a Route 53 alias as "www AWS ALIAS A target
	 * zone-id false" (its class AWS, its type ALIAS). */
	if (tok_is(L, src, t, "AWS", 3) && i + 1 < ln->ntoks &&
	    tok_is(L, src, &ln->toks[i + 1], "ALIAS", 5)) {
		if ((v = type_from(L, src, ln, i + 2)) != 0)
			r->rr.type = v;
		zl_zone_problem(L->z, "syntax", src, span(t), "'AWS ALIAS', "
				"a Route 53 alias as cli53 exports it, which "
				"no server reads: write the records it answers "
				"with (A, AAAA) in the zone servers load, or "
				"leave it out of it");
		return true;
	}
	/* Windows DNS Server writes the aging stamp of a record a client
	 * registered after its owner: "host [AGE:3697656] 1200 A ...". */
	if (!t->quoted && t->len > 6 && strncasecmp(s, "[AGE:", 5) == 0 &&
	    s[t->len - 1] == ']') {
		if ((v = type_from(L, src, ln, i + 1)) != 0)
			r->rr.type = v;
		zl_zone_problem(L->z, "syntax", src, span(t), "aging stamp "
				"'%.*s%s' of Windows DNS Server, which other "
				"servers do not read: remove it",
				ZL_TOKARGS(s, t->len));
		return true;
	}
	return false;
}

/* A TTL at token i, where the type belongs, after the record's TTL: the
 * TTL written twice, reported as such; rr->type is then the type that
 * follows (struct zl_lost).  Returns whether token i is such. */
static bool second_ttl(struct loader *L, uint16_t src,
		       const struct zl_lex_line *ln, size_t i, struct rec *r)
{
	const struct zl_lex_tok *t = &ln->toks[i];
	const char *s = text_of(L, src, t);
	uint64_t v;

	if (!r->hdr[ZL_HDR_TTL].len || t->quoted || !t->len ||
	    !(s[0] >= '0' && s[0] <= '9') ||
	    zl_ttl_parse(s, t->len, UINT32_MAX, &v) == -1)
		return false;
	r->rr.type = type_from(L, src, ln, i + 1);
	zl_zone_problem(L->z, "syntax", src, span(t), "TTL '%.*s%s' where "
			"the record type belongs: the TTL written twice?",
			ZL_TOKARGS(s, t->len));
	return true;
}

/* Whether the token after token i is "\\#", rdata in the form of RFC
 * 3597 §5. */
static bool generic_next(struct loader *L, uint16_t src,
			 const struct zl_lex_line *ln, size_t i)
{
	const struct zl_lex_tok *t = &ln->toks[i + 1];

	return i + 1 < ln->ntoks && !t->quoted && t->len == 2 &&
	       memcmp(text_of(L, src, t), "\\#", 2) == 0;
}

/* The servers that refuse a record of type 0, OPT or a meta or query
 * type (RFC 6895 §3.1) written s[0..n), generic when its rdata is in \#
 * form (ZL_NOT_* bits).  BIND refuses every one ("invalid use of a meta
 * type").  Knot DNS and NSD read one written TYPEnnn with \# rdata as
 * data, as RFC 3597 §5 reads any type; NSD also OPT by name, and
 * neither type 0.  Other rdata, and the other names, all refuse. */
static unsigned meta_refused(const char *s, size_t n, uint16_t type,
			     bool generic)
{
	unsigned all = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD;

	if (!generic)
		return all;
	if (!zl_type_numeric(s, n))
		return type == LDNS_RR_TYPE_OPT ? ZL_NOT_BIND | ZL_NOT_KNOT :
		       all;
	return type == 0 ? ZL_NOT_BIND | ZL_NOT_NSD : ZL_NOT_BIND;
}

/* Token t of text s, in quotes where the type belongs: when the text
 * inside them is a TTL, class or type, a problem that says so, as NSD
 * reads it and BIND and Knot DNS refuse the zone (they read quotes only
 * around text).  Returns whether it was one. */
static bool quoted_header(struct loader *L, uint16_t src,
			  const struct zl_lex_tok *t, const char *s)
{
	const char *what = NULL;
	uint16_t v16;
	uint64_t v64;
	size_t n;

	if (!t->quoted || t->len < 2)
		return false;
	n = t->len - 2;
	if (zl_type_form(s + 1, n, &v16) !=
	    (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD))
		what = "record type";
	else if (zl_ld_class(s + 1, n, &v16))
		what = "class";
	else if (zl_ttl_parse(s + 1, n, UINT32_MAX, &v64) == 0)
		what = "TTL";
	if (!what)
		return false;
	zl_zone_problem(L->z, "syntax", src, span(t), "%s \"%.*s%s\" is "
			"quoted: BIND and Knot DNS read quotes only around "
			"text (NSD reads the text inside them)", what,
			ZL_TOKARGS(s + 1, n));
	return true;
}

/* Reads the type of the record at token i into r.  Returns false after
 * a problem, rr->type then being what the lost record counts as (struct
 * zl_lost). */
static bool rr_type(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t i, struct rec *r)
{
	struct zl_rr *rr = &r->rr;
	const struct zl_lex_tok *t;
	const char *s;
	uint16_t near, next;
	unsigned form, meta = 0;

	rr->type = 0;
	if (i >= ln->ntoks) {
		t = &ln->toks[ln->ntoks - 1];
		zl_zone_problem(L->z, "syntax", src, span(t),
				"missing record type after '%.*s%s'",
				ZL_TOKARGS(text_of(L, src, t), t->len));
		return false;
	}
	t = &ln->toks[i];
	s = text_of(L, src, t);
	r->hdr[ZL_HDR_TYPE] = span(t);
	form = t->quoted ? 7 : zl_type_form(s, t->len, &rr->type);
	if (form == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD)) {
		rr->type = lost_as(L, src, ln, i);
		if (!t->quoted && zl_ld_class(s, t->len, &near)) {
			zl_zone_problem(L->z, "syntax", src, span(t),
					"class '%.*s%s' where the record type "
					"belongs: the class written twice?",
					ZL_TOKARGS(s, t->len));
			return false;
		}
		/* "a 1h IN 2h A": a second TTL (RFC 1035 §5.1 has one),
		 * which no server reads; not a slip of the class CH. */
		if (second_ttl(L, src, ln, i, r))
			return false;
		/* "inn A": a slip of IN, not of the type IPN; the record
		 * lost is an A.  After a class ("IN inn A") it is the
		 * class written again, as above. */
		if ((near = zl_ld_class_slip(L, src, ln, i,
					     r->hdr[ZL_HDR_TTL].len > 0,
					     &next))) {
			rr->type = next;
			zl_zone_problem(L->z, "syntax", src, span(t),
					r->hdr[ZL_HDR_CLASS].len ?
					"'%.*s%s' where the record type "
					"belongs: the class '%s' written twice?" :
					"unknown class '%.*s%s' (did you mean "
					"'%s'?)", ZL_TOKARGS(s, t->len),
					zl_ld_class_name(near, NULL, 0));
			return false;
		}
		if (foreign(L, src, ln, i, r) || quoted_header(L, src, t, s))
			return false;
		near = t->quoted ? 0 : zl_type_lost_as(s, t->len);
		if (near != rr->type || near == ZL_TYPE_OTHER)
			near = 0;	/* no slip to name */
		zl_zone_problem(L->z, "syntax", src, span(t),
				"unknown record type '%.*s%s'%s%s%s",
				ZL_TOKARGS(s, t->len),
				near ? " (did you mean '" : "",
				near ? zl_type_name(near) : "",
				near ? "'?)" : "");
		return false;
	}
	/* RFC 6895 §3.1: OPT and the meta and query types (128-255) are
	 * never data in a zone, nor is type 0 (RFC 6895 §3.1 reserves
	 * it). */
	if (rr->type == 0 || rr->type == LDNS_RR_TYPE_OPT ||
	    (rr->type >= 128 && rr->type <= 255)) {
		meta = meta_refused(s, t->len, rr->type,
				    generic_next(L, src, ln, i));
		if (meta == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD)) {
			zl_zone_problem(L->z, "syntax", src, span(t),
					"record type '%.*s%s' cannot appear "
					"in a zone file", ZL_TOKARGS(s, t->len));
			rr->type = 0;	/* what was meant is unknown */
			return false;
		}
		zl_zone_refused(L->z, meta, "portable", src, span(t),
				"record type '%.*s%s' is %s (RFC 6895 "
				"§3.1), which %s in a zone file (%s "
				"loads it as \\# rdata): remove the record",
				ZL_TOKARGS(s, t->len), rr->type == 0 ?
				"reserved" : "a meta type",
				zl_servers_refuse(meta),
				zl_servers_str(~meta & (ZL_NOT_BIND |
							ZL_NOT_KNOT |
							ZL_NOT_NSD)));
	}
	if (form)	/* "TYPE+1", "TYPE000001" */
		zl_zone_refused(L->z, form, "portable", src, span(t),
				"record type '%.*s%s' %s, which %s: write "
				"TYPE%u", ZL_TOKARGS(s, t->len),
				zl_lex_generic_how(form),
				zl_servers_refuse(form), rr->type);
	if (!meta && !mnemonic_ok(L->z, src, span(t), s, rr->type,
				  generic_next(L, src, ln, i)))
		return false;
	/* RFC 973 §2.2: MD and MF gave way to MX; BIND and Knot DNS refuse
	 * a zone with them. */
	r->rt = zl_rrtype_find(rr->type);
	if (r->rt && r->rt->form == ZL_FORM_OBSOLETE) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"record type '%.*s%s' is obsolete (RFC 973): "
				"BIND and Knot DNS refuse it; use MX",
				ZL_TOKARGS(s, t->len));
		rr->type = LDNS_RR_TYPE_MX;	/* lost mail routing */
		return false;
	}
	return true;
}

static uint32_t soa_minimum(const struct zl_rr *rr)
{
	const uint8_t *p = zl_rdf_data(&rr->rdf[6]);
	uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		     (uint32_t)p[2] << 8 | p[3];

	return v > MAX_TTL ? MAX_TTL : v;
}

/* A record without TTL in a zone without $TTL, after a TTL written or
 * the SOA: the servers part ways.  BIND takes the last TTL written (RFC
 * 1035 §5.1), or, from an SOA without TTL that nothing came before on,
 * the SOA minimum for the rest of the zone; Knot DNS and NSD take 3600.
 * Said once, when they differ. */
static void ttl_apart(struct loader *L, uint16_t src, const struct rec *r,
		      bool soa)
{
	uint32_t bind;

	if (soa && !L->have_last_ttl) {
		L->bind_ttl = soa_minimum(&r->rr);
		L->have_bind_ttl = true;
	}
	bind = L->have_bind_ttl ? L->bind_ttl : L->last_ttl;
	if (L->noted_ttl || bind == 3600)
		return;
	L->noted_ttl = true;
	/* Every server loads it, with another TTL: no refusal. */
	zl_zone_problem(L->z, "portable", src, r->hdr[ZL_HDR_TYPE],
			"no TTL for this record and no $TTL before it: BIND "
			"gives it %u, Knot DNS and NSD 3600; write a $TTL "
			"directive first", bind);
}

/* A record without TTL where $TTL is not what Knot DNS has: after an
 * $INCLUDE whose file set it, BIND and NSD give it that $TTL, Knot DNS,
 * which reads an included file as a zone file of its own, the one
 * before, or 3600 without one.  Every server loads it. */
static void ttl_after_include(struct loader *L, uint16_t src,
			      const struct rec *r)
{
	uint32_t knot = L->knot_has_ttl ? L->knot_ttl : 3600;

	if (L->knot_ttl_noted || knot == L->dollar_ttl)
		return;
	L->knot_ttl_noted = true;
	zl_zone_problem(L->z, "portable", src, r->hdr[ZL_HDR_TYPE],
			"no TTL for this record after an $INCLUDE whose file "
			"set $TTL: BIND and NSD give it %u, Knot DNS %u; write "
			"a $TTL after the $INCLUDE", L->dollar_ttl, knot);
}

/* BIND's TTL for a record without one after an SOA without TTL that
 * nothing came before on: the SOA minimum, whatever TTL is written after
 * it, but the TTL of the RRset it joins among the records just before it
 * at the same owner ("TTL set to prior TTL").  The SOA minimum is
 * marked ZL_RR_TTL_SOA_MIN, which the TTL rules' help names. */
static uint32_t bind_default_ttl(const struct loader *L, struct zl_rr *rr)
{
	unsigned i;

	if (L->run_owner == rr->owner && rr->type != LDNS_RR_TYPE_RRSIG)
		for (i = 0; i < L->run_n; i++)
			if (L->run[i].type == rr->type)
				return L->run[i].ttl;
	rr->flags |= ZL_RR_TTL_SOA_MIN;
	return L->bind_ttl;
}

/* Remembers rr's type and TTL among the records at its owner. */
static void run_add(struct loader *L, const struct zl_rr *rr)
{
	unsigned i;

	if (L->run_owner != rr->owner) {
		L->run_owner = rr->owner;
		L->run_n = 0;
	}
	for (i = 0; i < L->run_n; i++)
		if (L->run[i].type == rr->type)
			return;
	if (L->run_n < sizeof L->run / sizeof L->run[0]) {
		L->run[L->run_n].type = rr->type;
		L->run[L->run_n++].ttl = rr->ttl;
	}
}

/* The TTL of a record without one (RFC 1035 §5.1, RFC 2308 §4): $TTL,
 * else BIND's: after an SOA without TTL that nothing came before on, the
 * SOA minimum (bind_default_ttl), else the last explicit TTL, else
 * (before the SOA) the 3600 of Knot DNS and NSD, where BIND refuses the
 * zone. */
static bool rr_ttl(struct loader *L, uint16_t src, struct rec *r)
{
	struct zl_rr *rr = &r->rr;
	bool soa = rr->type == LDNS_RR_TYPE_SOA && rr->nrdf == 7 &&
		   rr->rdf[6].len == 4;

	if (r->hdr[ZL_HDR_TTL].len) {
		L->last_ttl = rr->ttl;
		L->have_last_ttl = true;
	} else {
		rr->flags |= ZL_RR_TTL_IMPLICIT;
		if (!L->have_dollar_ttl &&
		    (soa || L->have_soa_min || L->have_last_ttl))
			ttl_apart(L, src, r, soa);
		if (L->have_dollar_ttl)
			ttl_after_include(L, src, r);
		if (L->have_dollar_ttl)
			rr->ttl = L->dollar_ttl;
		else if (L->have_bind_ttl)
			rr->ttl = bind_default_ttl(L, rr);
		else if (L->have_last_ttl)
			rr->ttl = L->last_ttl;
		else if (L->have_soa_min || soa) {
			rr->ttl = L->have_soa_min ? L->soa_min :
				  soa_minimum(rr);
			rr->flags |= ZL_RR_TTL_SOA_MIN;
		} else if (L->z->lost_unread) {	/* it may have set $TTL */
			rr->ttl = 3600;
		} else {
			zl_zone_refused(L->z, ZL_NOT_BIND, "portable", src,
					r->hdr[ZL_HDR_TYPE],
					"no TTL for this record and no $TTL "
					"before it, which BIND refuses: Knot "
					"DNS and NSD give it 3600");
			rr->ttl = 3600;
		}
	}
	if (soa) {
		L->soa_min = soa_minimum(rr);
		L->have_soa_min = true;
	}
	run_add(L, rr);
	return true;
}

/* The servers that refuse the form of the class r's header gives
 * (zl_lex_generic_form: 0 for a mnemonic or plain CLASSnnn). */
static unsigned class_form(struct loader *L, uint16_t src,
			   const struct rec *r)
{
	struct zl_tok at = r->hdr[ZL_HDR_CLASS];
	const char *s = zl_tok_text(L->z, src, at);
	uint16_t v;

	return at.len > 5 && strncasecmp(s, "CLASS", 5) == 0 ?
	       zl_lex_generic_form(s, at.len, 5, &v) : 0;
}

/* RFC 1035 §5.2: a zone has one class, that of its first record; an
 * omitted class is the zone's (as BIND and Knot read it).  The query
 * classes (RFC 6895 §3.2) are never data.  Servers refuse a zone with
 * another class in it. */
/* The zone's class is its SOA's when the zone begins with it, else IN,
 * as a server's configuration has it by default: a stray record first
 * does not make every other record wrong. */
static bool rr_class(struct loader *L, uint16_t src, struct rec *r)
{
	uint16_t k = r->klass, *zone_class = &L->z->klass;
	bool given = r->hdr[ZL_HDR_CLASS].len > 0;
	unsigned form = given ? class_form(L, src, r) : 0;
	char name[16], zone[16];
	const char *mn;

	/* BIND reads class 0 as none given (CLASS0, CLASS-0) */
	if (given && k == 0 && !(form & ZL_NOT_BIND)) {
		zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable", src,
				r->hdr[ZL_HDR_CLASS], "class '%.*s%s', which "
				"BIND reads as none given and Knot DNS and NSD "
				"refuse: leave it out", ZL_TOKARGS(
				zl_tok_text(L->z, src, r->hdr[ZL_HDR_CLASS]),
				r->hdr[ZL_HDR_CLASS].len));
		given = false;
	}
	if (given && (k == 0 || (k >= 128 && k <= 255) ||
		      (k >= 57344 && k <= 65279) || k == 65535)) {
		zl_zone_problem(L->z, "class", src, r->hdr[ZL_HDR_CLASS],
				"class %s cannot appear in a zone file",
				zl_ld_class_name(k, name, sizeof name));
		return false;
	}
	if (!*zone_class) {
		*zone_class = given && r->rr.type == LDNS_RR_TYPE_SOA ? k :
			      LDNS_RR_CLASS_IN;
		/* Knot DNS and NSD load class IN only. */
		if (*zone_class != LDNS_RR_CLASS_IN)
			zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
					src, r->hdr[ZL_HDR_CLASS], "a zone of "
					"class %s, which Knot DNS and NSD do "
					"not load: they serve class IN only",
					zl_ld_class_name(k, name, sizeof name));
	}
	if (!given) {
		r->klass = *zone_class;
	} else if (k != *zone_class) {
		zl_zone_problem(L->z, "class", src, r->hdr[ZL_HDR_CLASS],
				"class %s differs from the zone's class %s",
				zl_ld_class_name(k, name, sizeof name),
				zl_ld_class_name(*zone_class, zone, sizeof zone));
		return false;
	}
	/* RFC 3597 §5: CLASS1 for IN; a class without mnemonic has no
	 * other form. */
	mn = zl_ld_class_name(k, name, sizeof name);
	if (given && form)	/* "CLASS+1", "CLASS000001" */
		zl_zone_refused(L->z, ZL_NOT_KNOT | form, "portable", src,
				r->hdr[ZL_HDR_CLASS], "class '%.*s%s' %s, "
				"which %s: write %s", ZL_TOKARGS(zl_tok_text(
				L->z, src, r->hdr[ZL_HDR_CLASS]),
				r->hdr[ZL_HDR_CLASS].len),
				zl_lex_generic_how(form),
				zl_servers_refuse(ZL_NOT_KNOT | form), mn);
	else if (given && r->hdr[ZL_HDR_CLASS].len > 5 &&
		 strncasecmp(zl_tok_text(L->z, src, r->hdr[ZL_HDR_CLASS]),
			     "CLASS", 5) == 0 && strncmp(mn, "CLASS", 5) != 0)
		zl_zone_refused(L->z, ZL_NOT_KNOT, "portable",
				src, r->hdr[ZL_HDR_CLASS],
				"class written in RFC 3597 form, which Knot "
				"DNS refuses: write %s", mn);
	return true;
}

bool zl_rr_same_rdata(const struct zl_rr *a, const struct zl_rr *b)
{
	size_t i;

	if (a->nrdf != b->nrdf)
		return false;
	for (i = 0; i < a->nrdf; i++) {
		const struct zl_rdf *x = &a->rdf[i], *y = &b->rdf[i];

		if (zl_rdf_name(x) || zl_rdf_name(y) ?
		    zl_rdf_name(x) != zl_rdf_name(y) :
		    x->len != y->len || !zl_rdf_data(x) || !zl_rdf_data(y) ||
		    memcmp(zl_rdf_data(x), zl_rdf_data(y), x->len) != 0)
			return false;
	}
	return true;
}

/* The records the zone holds at n. */
static size_t name_records(const struct zl_name *n)
{
	const struct zl_rrset *s;
	size_t k = 0;

	for (s = zl_name_sets(n); s; s = s->next)
		k += s->count;
	return k;
}

/* The apex SOA r on a line that Knot DNS ignores without a word
 * (zl_lex_knot_drops): it finds no SOA at the apex, a serious error, and
 * refuses the zone. */
static void soa_unread(struct loader *L, uint16_t src, const struct rec *r)
{
	const struct zl_src *s = L->z->srcs[src];

	if (!s->gen_parts &&
	    zl_lex_knot_drops(s->buf, s->len, r->hdr[ZL_HDR_TYPE].off))
		zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_KNOT_FATAL, "portable",
				src, r->hdr[ZL_HDR_TYPE], "SOA record on the "
				"file's last line, which Knot DNS ignores (a "
				"CR in it and no line break after it): it "
				"refuses the zone, without an SOA at its apex");
}

/* Whether the zone holds rr: servers ignore data outside the origin
 * (reported once per name, at its first record), and a zone has one SOA
 * record, at its apex (RFC 1035 §5.2, RFC 1034 §4.3.4). */
static bool rr_placed(struct loader *L, uint16_t src, const struct rec *r)
{
	const struct zl_name *origin = L->z->origin;
	const struct zl_rr *rr = &r->rr;
	const struct zl_rrset *set;
	int hash;

	if (!rr->owner->in_zone) {
		if (!rr->owner->noted) {
			rr->owner->noted = true;
			zl_zone_refused(L->z, ZL_NOT_NSD, "outside", src,
					r->hdr[ZL_HDR_OWNER],
					"'%s' is outside the zone '%s': BIND "
					"and Knot DNS ignore its records, NSD "
					"refuses the zone; zonelint ignores "
					"them", rr->owner->text,
					origin->text);
		}
		return false;
	}
	/* RFC 4592 §4.2: a wildcard NS "ought not" be; BIND refuses it. */
	if (rr->type == LDNS_RR_TYPE_NS && rr->owner->text[0] == '*' &&
	    rr->owner->text[1] == '.')
		zl_zone_refused(L->z, ZL_NOT_BIND, "portable",
				src, r->hdr[ZL_HDR_TYPE],
				"NS records at the wildcard '%s', which BIND "
				"refuses", rr->owner->text);
	/* RFC 5155 §3: the owner is the hash of a name, as a label; BIND
	 * refuses another (check-names), Knot DNS and NSD load it.  BIND
	 * decodes the first label, and the root's is empty: it takes it. */
	if (rr->type == LDNS_RR_TYPE_NSEC3 && rr->owner->text[1] != '\0' &&
	    (hash = zl_b32hex_hash(rr->owner->text,
				   strcspn(rr->owner->text, ".\\"))) < 1)
		zl_zone_refused(L->z, ZL_NOT_BIND | ZL_BIND_NAMES,
				"portable", src, r->hdr[ZL_HDR_OWNER],
				"NSEC3 owner '%s' %s, which BIND refuses",
				rr->owner->text, hash ? "begins with a hash "
				"whose last digit sets bits past its last "
				"octet (RFC 4648 §3.5)" : "does not begin "
				"with a hash in unpadded base32hex (RFC 5155 "
				"§3)");
	if (rr->type != LDNS_RR_TYPE_SOA)
		return true;
	if (rr->owner != origin) {
		struct zl_tok o = r->hdr[ZL_HDR_OWNER];
		const char *w = zl_tok_text(L->z, src, o);

		/* The apex written without its final dot, as exports such as
		 * Cloudflare's write the SOA owner: relative, so the origin
		 * twice. */
		if (o.len && o.len + 1 == origin->len &&
		    strncasecmp(w, origin->text, o.len) == 0)
			zl_zone_problem(L->z, "soa", src, o,
					"SOA record at '%s', below the zone "
					"apex '%s': the owner '%.*s' has no "
					"final dot, so the origin is added to "
					"it; write '%s' or '@'",
					rr->owner->text, origin->text,
					(int)o.len, w, origin->text);
		/* The zone's name as a relative $ORIGIN before the SOA
		 * (`$ORIGIN example.ch` in its own file): BIND reads it
		 * against the zone's name and refuses the SOA below it, Knot
		 * DNS and NSD refuse the relative origin itself. */
		else if (L->rel_origin && zl_ld_relative(w, o.len))
			zl_zone_problem(L->z, "soa", src, o,
					"SOA record at '%s', below the zone "
					"apex '%s', which BIND, Knot DNS and "
					"NSD refuse: the relative %s '%.*s%s' "
					"is read against the origin before it; "
					"write it with its final dot",
					rr->owner->text, origin->text,
					L->rel_what,
					ZL_TOKARGS(L->rel_origin,
						   L->rel_originlen));
		else
			zl_zone_problem(L->z, "soa", src, o,
					"SOA record at '%s', below the zone "
					"apex '%s'", rr->owner->text,
					origin->text);
		return false;
	}
	if ((set = zl_name_rrset(rr->owner, LDNS_RR_TYPE_SOA))) {
		/* The same record twice is one (RFC 2181 §5). */
		if (zl_rr_same_rdata(&L->z->rrs[set->first], rr))
			zl_zone_refused(L->z, ZL_NOT_NSD, "portable", src,
					r->hdr[ZL_HDR_TYPE],
					"the SOA record of '%s' written "
					"twice, which NSD refuses",
					rr->owner->text);
		else
			zl_zone_problem(L->z, "soa", src, r->hdr[ZL_HDR_TYPE],
					"second SOA record at '%s': a zone "
					"has one", rr->owner->text);
		return false;
	}
	soa_unread(L, src, r);
	return true;
}

/* Whether canonical name text is a host name as BIND's check-names
 * reads one (dns_name_ishostname): labels of letters, digits and '-',
 * neither first nor last (RFC 952, RFC 1123 §2.1; canonical text is in
 * lower case, and writes any other byte with a '\\'), the first label
 * "*" when wildcard.  mailbox: the first label may hold any byte from
 * '!' to '~' (dns_name_ismailbox, for the SOA RNAME), which canonical
 * text writes plain or as \\X, never as \\DDD.  The root is one. */
static bool host_name(const char *p, bool wildcard, bool mailbox)
{
	size_t k = 0;		/* bytes of the label so far */

	if (wildcard && p[0] == '*' && p[1] == '.')
		p += 2;
	else if (mailbox && p[0] != '.') {
		for (; *p != '.'; p++)
			if (*p == '\\' && (*++p >= '0' && *p <= '9'))
				return false;
		p++;
	}
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			k++;
		else if (*p == '-' && k > 0 && p[1] != '.')
			k++;
		else if (*p != '.' || (k == 0 && p[1]))
			return false;
		else
			k = 0;
	}
	return true;
}

/* The rdata fields BIND's check-names reads (lib/dns/rdata, checknames,
 * BIND 9.18): as a host name, the targets of NS, MX, SRV, AFSDB, RT and
 * DSYNC, of SVCB and HTTPS in service mode, the SOA MNAME and a PTR's in
 * the reverse tree; as a mailbox, the SOA RNAME, the RP mailbox and both
 * MINFO mailboxes.  It reads them as it reads the text, so not in rdata
 * written in RFC 3597 form. */
static const struct {
	uint16_t type;
	uint8_t field;
	bool mailbox;
} name_fields[] = {
	{ LDNS_RR_TYPE_NS, 0, false },	{ LDNS_RR_TYPE_SOA, 0, false },
	{ LDNS_RR_TYPE_SOA, 1, true },	{ LDNS_RR_TYPE_MX, 1, false },
	{ LDNS_RR_TYPE_AFSDB, 1, false }, { LDNS_RR_TYPE_RT, 1, false },
	{ LDNS_RR_TYPE_SRV, 3, false },	{ LDNS_RR_TYPE_SVCB, 1, false },
	{ LDNS_RR_TYPE_HTTPS, 1, false }, { LDNS_RR_TYPE_PTR, 0, false },
	{ LDNS_RR_TYPE_RP, 0, true },	{ LDNS_RR_TYPE_MINFO, 0, true },
	{ LDNS_RR_TYPE_MINFO, 1, true },	{ 66 /* DSYNC */, 3, false },
};

/* Whether the owner begins with the labels of a DNS-SD browsing domain
 * (RFC 6763 §11), whose PTR records name domains, not hosts. */
static bool dnssd_owner(const char *text)
{
	static const char *const heads[] = {
		"b.", "db.", "r.", "dr.", "lb.", NULL
	};
	size_t i, n;

	for (i = 0; heads[i]; i++) {
		n = strlen(heads[i]);
		if (strncmp(text, heads[i], n) == 0)
			return strncmp(text + n, "_dns-sd._udp.", 13) == 0;
	}
	return false;
}

/* Whether BIND reads field i of rr as name_fields[] says: a SVCB or HTTPS
 * target in service mode only (priority not 0), a PTR target in the
 * reverse tree only, but for DNS-SD's. */
static bool name_field_read(const struct zl_rr *rr)
{
	const uint8_t *prio;

	if (rr->type == LDNS_RR_TYPE_PTR)
		return zl_name_in_reverse(rr->owner->text) &&
		       !dnssd_owner(rr->owner->text);
	if (rr->type != LDNS_RR_TYPE_SVCB && rr->type != LDNS_RR_TYPE_HTTPS)
		return true;
	prio = rr->nrdf > 1 && rr->rdf[0].len == 2 ?
	       zl_rdf_data(&rr->rdf[0]) : NULL;
	return prio && (prio[0] || prio[1]);
}

/* Whether canonical text, the owner of an A record, is an SPF exists:
 * target as BIND's check-names takes one (checkowner_in_a): a label
 * "_spf" (RFC 7208 §5.7), "_spf_rate" or "_spf_verify" (appendix D.1)
 * anywhere but as the top-level label. */
static bool spf_exists_owner(const char *text)
{
	const char *p, *next;
	size_t len;

	for (p = text; (next = zl_name_parent(p)) && strcmp(next, ".") != 0;
	     p = next) {
		len = (size_t)(next - p) - 1;
		if ((len == 4 && memcmp(p, "_spf", 4) == 0) ||
		    (len == 9 && memcmp(p, "_spf_rate", 9) == 0) ||
		    (len == 11 && memcmp(p, "_spf_verify", 11) == 0))
			return true;
	}
	return false;
}

/* BIND refuses a primary zone over a name that is not a host name where
 * one belongs (check-names primary fail, its default; RFC 952, RFC 1123
 * §2.1): the owners of addresses, MX and WKS (checkowner) and the fields
 * of name_fields[]; Knot DNS and NSD load it.  An MX exchange is also
 * MX005's: it is kept for the servers under a category that no load rule
 * reports.  BIND 9.18 checks none of the records a $GENERATE makes. */
static void check_names(struct loader *L, uint16_t src, const struct rec *r,
			const struct zl_lex_tok *toks)
{
	const struct zl_rr *rr = &r->rr;
	const struct zl_name *n;
	const struct zl_rdf *f;
	bool addr = rr->type == LDNS_RR_TYPE_A ||
		    rr->type == LDNS_RR_TYPE_AAAA || rr->type == 38 /* A6 */;
	const char *host = rr->owner->text;
	size_t k;

	if (L->z->srcs[src]->gen_parts)
		return;
	/* Active Directory's global catalog: BIND takes addresses at
	 * gc._msdcs.<forest> */
	if (addr && strncmp(host, "gc._msdcs.", 10) == 0)
		host += 10;
	/* A host name has no '_spf' label: the exception is looked for
	 * only in a name that is no host name. */
	if ((addr || rr->type == LDNS_RR_TYPE_MX ||
	     rr->type == LDNS_RR_TYPE_WKS) && rr->owner != L->host_owner) {
		if (host_name(host, host == rr->owner->text, false)) {
			if (host == rr->owner->text)
				L->host_owner = rr->owner; /* its next records */
		} else if (!(rr->type == LDNS_RR_TYPE_A &&
			     spf_exists_owner(host)))
			zl_zone_refused(L->z, ZL_NOT_BIND, "names", src,
					r->hdr[ZL_HDR_OWNER].len ?
					r->hdr[ZL_HDR_OWNER] :
					r->hdr[ZL_HDR_TYPE],
					"'%s', the owner of %s records, is "
					"not a host name (letters, digits "
					"and '-'), which BIND's check-names "
					"refuses by default",
					rr->owner->text,
					zl_type_name(rr->type));
	}
	for (k = 0; k < sizeof name_fields / sizeof name_fields[0]; k++) {
		if (name_fields[k].type != rr->type ||
		    (rr->flags & ZL_RR_GENERIC) ||
		    name_fields[k].field >= rr->nrdf ||
		    !(n = zl_rdf_name(f = &rr->rdf[name_fields[k].field])) ||
		    host_name(n->text, false, name_fields[k].mailbox) ||
		    !name_field_read(rr))
			continue;
		zl_zone_refused(L->z, ZL_NOT_BIND,
				rr->type == LDNS_RR_TYPE_MX ? "names-mx" :
				"names", src, span(&toks[f->tok]),
				name_fields[k].mailbox ?
				"%s mailbox '%s' is not a mailbox name (a host "
				"name after its first label), which BIND's "
				"check-names refuses by default" :
				"%s target '%s' is not a host name (letters, "
				"digits and '-'), which BIND's check-names "
				"refuses by default", zl_type_name(rr->type),
				n->text);
	}
}

struct zl_tok zl_rr_hdr(const struct zl_zone *z, const struct zl_rr *rr,
			enum zl_hdr h)
{
	const struct zl_src *s = z->srcs[rr->src];
	struct zl_tok hdr[4] = { { rr->text.off, 0 } };
	struct zl_lexer lx;
	struct zl_lex_line ln;
	uint16_t klass;
	size_t i, k;

	if (h == ZL_HDR_OWNER && (rr->owner_len ||
				  (rr->flags & ZL_RR_OWNER_BLANK)))
		return (struct zl_tok){ rr->text.off, rr->owner_len };
	/* Read again as the loader read it: the record is one logical line
	 * from text.off, the start of its first line. */
	zl_lex_init(&lx, s->buf + rr->text.off, rr->text.len);
	if (zl_lex_next(&lx, &ln) && ln.ntoks > 0) {
		i = ln.blank ? 0 : 1;
		if (!ln.blank)
			hdr[ZL_HDR_OWNER] = span(&ln.toks[0]);
		ttl_class_toks(lx.buf, &ln, &i, hdr, &klass);
		if (i < ln.ntoks)
			hdr[ZL_HDR_TYPE] = span(&ln.toks[i]);
		for (k = 0; k < 4; k++)
			if (hdr[k].len)
				hdr[k].off += rr->text.off;
	}
	zl_lex_free(&lx);
	return hdr[h];
}

/* Keeps rr's n rdata tokens t[0..n) in the zone, relative to the record
 * (struct zl_rtok), or whole when one starts or ends beyond their
 * reach. */
static void keep_toks(struct zl_zone *z, struct zl_rr *rr,
		      const struct zl_lex_tok *t, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (t[k].off - rr->text.off > UINT16_MAX ||
		    t[k].len > UINT16_MAX)
			break;
	if (k < n) {
		rr->flags |= ZL_RR_WIDE;
		rr->tok = (uint32_t)z->nwtoks;
		zl_xgrow((void **)&z->wtoks, &z->capwtoks, z->nwtoks + n,
			 sizeof *z->wtoks);
		for (k = 0; k < n; k++)
			z->wtoks[z->nwtoks++] = span(&t[k]);
		return;
	}
	rr->tok = (uint32_t)z->ntoks;
	zl_xgrow((void **)&z->toks, &z->captoks, z->ntoks + n, sizeof *z->toks);
	for (k = 0; k < n; k++)
		z->toks[z->ntoks++] = (struct zl_rtok){
			(uint16_t)(t[k].off - rr->text.off), (uint16_t)t[k].len };
}

void zl_ld_record(struct loader *L, uint16_t src,
		   const struct zl_lex_line *ln)
{
	struct zl_zone *z = L->z;
	struct zl_rdata_in in;
	struct rec r;
	struct zl_rr *rr = &r.rr;
	const struct zl_tok *h = r.hdr;
	size_t i, tok0 = z->ntoks, wtok0 = z->nwtoks, nrd;

	memset(&r, 0, sizeof r);
	/* Without an origin yet there is no apex to give it (below). */
	if (ln->blank && !L->prev_owner && !L->prev_bad &&
	    !zl_ld_origin_known(L)) {
		zl_zone_problem(z, "syntax", src, span(&ln->toks[0]),
				"blank owner but no earlier record to take it "
				"from");
		return;
	}
	if (!L->seen_record)
		zl_ld_soa_apex(L, src, ln);
	if (!zl_ld_origin(L))
		return;
	zl_ld_fix_origin(L);
	/* A blank owner and no record before it to take it from: NSD
	 * gives it the zone's apex (whatever $ORIGIN says), BIND ("no
	 * current owner name") and Knot DNS refuse the zone. */
	if (ln->blank && !L->prev_owner && !L->prev_bad) {
		zl_zone_refused(z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable", src,
				span(&ln->toks[0]), "blank owner and no record "
				"before it to take it from, which BIND and "
				"Knot DNS refuse (NSD gives it the zone's apex "
				"'%s'): write the owner", z->origin->text);
		L->prev_owner = z->origin;
		/* said: no owner before a directive or an $INCLUDE */
		L->after_directive = NULL;
		L->include_start = false;
	}
	L->seen_record = true;
	rr->src = src;
	rr->text.off = ln->start;
	rr->text.len = ln->end - ln->start;
	i = ln->blank ? 0 : 1;
	if (!owner_of(L, src, ln, &r))
		return;
	if (!ttl_class(L, src, ln, &i, &r)) {
		rr->type = 0;
		goto drop;
	}
	if (!rr_type(L, src, ln, i, &r))
		goto drop;	/* rr->type: what the lost record counts as */
	nrd = ln->ntoks - i - 1;
	if (nrd > ZL_LEX_MAXRDTOKS) {
		zl_zone_problem(z, "limit", src, span(&ln->toks[i + 1 + 65535]),
				"more than 65535 rdata tokens in one record");
		goto drop;
	}
	if (h[ZL_HDR_OWNER].off == rr->text.off)
		rr->owner_len = (uint16_t)h[ZL_HDR_OWNER].len;
	keep_toks(z, rr, ln->toks + i + 1, nrd);
	memset(&in, 0, sizeof in);
	in.src = src;
	in.type = rr->type;
	in.rt = r.rt;
	in.type_tok = h[ZL_HDR_TYPE];
	in.toks = ln->toks + i + 1;
	in.ntoks = nrd;
	in.origin = L->origin;
	in.originlen = L->originlen;
	if (!zl_rdata_convert(z, &in, rr, &L->scratch) || !rr_ttl(L, src, &r) ||
	    !rr_class(L, src, &r))
		goto drop;
	/* named checks the names of data outside the zone too, before it
	 * ignores them */
	check_names(L, src, &r, in.toks);
	if (!rr_placed(L, src, &r))
		goto drop;
	if (!zl_budget_take(&L->budget->records, 1, L->budget->lim.records)) {
		zl_zone_problem(z, "limit", src, h[ZL_HDR_OWNER].len ?
				h[ZL_HDR_OWNER] : h[ZL_HDR_TYPE],
				"more than %" PRIu64 " records "
				"in this run; the rest of the zone is not read",
				L->budget->lim.records);
		L->stop = true;
		goto drop;
	}
	/* Reported at the first record over the limit only: a million
	 * records at one name must give one error, not a million. */
	if (name_records(rr->owner) >= MAX_RR_PER_NAME) {
		if (!rr->owner->noted) {
			rr->owner->noted = true;
			zl_zone_problem(z, "limit", src, h[ZL_HDR_OWNER],
					"more than %d records at '%s'; the "
					"rest are not checked",
					MAX_RR_PER_NAME, rr->owner->text);
		}
		goto drop;
	}
	if ((rr->flags & ZL_RR_UNCHECKED) && !L->noted)
		L->noted = zl_xcalloc(65536 / 8, 1);
	if ((rr->flags & ZL_RR_UNCHECKED) &&
	    !(L->noted[rr->type / 8] & 1 << rr->type % 8)) {
		L->noted[rr->type / 8] |= (uint8_t)(1 << rr->type % 8);
		zl_zone_problem(z, "unchecked", src, h[ZL_HDR_TYPE],
				"%s rdata%s is not checked: zonelint does not "
				"read its format", zl_type_name(rr->type),
				rr->flags & ZL_RR_GENERIC ?
				" in RFC 3597 form" : "");
	}
	rr->ntok = (uint16_t)nrd;
	zl_zone_add_rr(z, rr);
	return;
drop:
	z->ntoks = tok0;
	z->nwtoks = wtok0;
	zl_zone_lost(z, rr->owner, rr->type);
}
