/* check_util.c - zone lookups shared by several check primitives. */
#include <arpa/inet.h>
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "psl.h"

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

size_t zl_rrset_distinct(const struct zl_zone *z, const struct zl_rrset *s)
{
	const struct zl_rr *rr, *e;
	size_t n = 0;

	for (rr = &z->rrs[s->first]; rr; rr = zl_next_rr(z, rr)) {
		for (e = &z->rrs[s->first]; e != rr; e = zl_next_rr(z, e))
			if (zl_rr_same_rdata(e, rr))
				break;
		n += e == rr;
	}
	return n;
}

struct zl_tok zl_rr_type_tok(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_tok t = zl_rr_hdr(z, rr, ZL_HDR_TYPE);

	return t.len ? t : rr->text;
}

uint16_t zl_rdf_u16(const struct zl_rdf *f)
{
	/* no data for a name or a string kept only in the source
	 * (zl_rdf_wire): a rule pack may point any check at any type */
	const uint8_t *d = zl_rdf_data(f);

	return f->len >= 2 && d ? (uint16_t)(d[0] << 8 | d[1]) : 0;
}

/* The IANA special-purpose registries (RFC 6890 §2.2.2) for IPv4
 * address a: the blocks no host can be a destination of, or only on its
 * own link.  Private (RFC 1918), shared (RFC 6598) and documentation
 * blocks stay usable: a split-horizon zone serves them. */
static enum zl_addr_kind addr4_kind(const uint8_t *a)
{
	if (a[0] == 127)
		return ZL_ADDR_LOOPBACK;
	/* 0.0.0.0/8, "this network": a source only (RFC 1122 §3.2.1.3) */
	if (a[0] == 0)
		return ZL_ADDR_UNSPECIFIED;
	if (a[0] == 169 && a[1] == 254)
		return ZL_ADDR_LINK_LOCAL;
	if ((a[0] & 0xf0) == 224)
		return ZL_ADDR_MULTICAST;	/* RFC 5771: no TCP */
	/* 240.0.0.0/4, reserved, with the limited broadcast address
	 * 255.255.255.255 */
	if ((a[0] & 0xf0) == 240)
		return ZL_ADDR_RESERVED;
	return ZL_ADDR_USABLE;
}

enum zl_addr_kind zl_addr_kind(const struct zl_rdf *f)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	const uint8_t *a = zl_rdf_data(f);
	static const uint8_t zero[16];

	if (!a)
		return ZL_ADDR_USABLE;
	if (f->type == LDNS_RDF_TYPE_A && f->len == 4)
		return addr4_kind(a);
	if (f->type == LDNS_RDF_TYPE_AAAA && f->len == 16) {
		/* RFC 4291 §2.5.5.2: ::ffff:0:0/96 is the IPv4 host it
		 * maps, as MX010 reads it */
		if (memcmp(a, mapped, sizeof mapped) == 0)
			return addr4_kind(a + sizeof mapped);
		if (memcmp(a, zero, 15) == 0 && a[15] == 1)
			return ZL_ADDR_LOOPBACK;
		if (memcmp(a, zero, 16) == 0)
			return ZL_ADDR_UNSPECIFIED;
		if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
			return ZL_ADDR_LINK_LOCAL;
		if (a[0] == 0xff)
			return ZL_ADDR_MULTICAST;	/* RFC 4291 §2.7 */
		return ZL_ADDR_USABLE;
	}
	return ZL_ADDR_USABLE;
}

bool zl_text_is_address(const char *text, size_t len)
{
	char buf[INET6_ADDRSTRLEN + 2];
	unsigned char addr[16];
	bool colon = false, dotted = true;
	size_t i;

	if (len > 0 && text[len - 1] == '.')
		len--;
	if (len == 0 || len >= sizeof buf)
		return false;
	/* An IPv4 address is digits and dots, an IPv6 one hex digits and
	 * colons (and dots): most names are neither, and are told apart at
	 * their first other letter, without copying them.  The copy ends at
	 * a NUL byte, and so does the test. */
	for (i = 0; i < len && text[i]; i++) {
		char c = (char)(text[i] | 0x20);

		if ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')
			continue;
		if (text[i] == ':')
			colon = true;
		else if (c < 'a' || c > 'f')
			return false;
		dotted = false;
	}
	if (!colon && !dotted)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return inet_pton(colon ? AF_INET6 : AF_INET, buf, addr) == 1;
}

/* Whether the relative name w (lower case, no final dot) ends with the last
 * k >= min(2, labels(origin)) labels of origin ("b.c." for "a.b.c."), or is
 * them all ("example.com" in zone example.com.: the origin written
 * relative), olen being strlen(origin). */
static bool ends_with_origin(const char *w, size_t wlen, const char *origin,
			     size_t olen)
{
	const char *suffix = origin, *next;

	if (!origin[0] || strcmp(origin, ".") == 0)
		return false;
	for (;;) {
		/* without the final dot */
		size_t slen = olen - (size_t)(suffix - origin) - 1;

		if (wlen >= slen &&
		    (wlen == slen || w[wlen - slen - 1] == '.') &&
		    strncmp(w + wlen - slen, suffix, slen) == 0)
			return true;
		/* Go on while the next suffix keeps two labels or more. */
		next = zl_name_parent(suffix);
		if (!next || strcmp(next, ".") == 0 ||
		    strcmp(zl_name_parent(next), ".") == 0)
			return false;
		suffix = next;
	}
}

size_t zl_written_ends_in_tld(const char *text, size_t len)
{
	size_t n = 0;

	if (len < 3 || text[len - 1] == '.' || memchr(text, '\\', len))
		return 0;
	while (n < len && text[len - 1 - n] != '.')
		n++;
	/* one label, or ".com": no name before the domain */
	return n + 1 < len && zl_psl_tld(text + len - n, n) ? n : 0;
}

bool zl_written_repeats_origin(const char *text, size_t len,
			       const struct zl_name *name)
{
	size_t i;

	/* Absolute names, escapes and '@' cannot show the mistake; the
	 * cheap tests first, then one label (most names) is ruled out. */
	if (!name || len == 0 || len >= name->len || text[len - 1] == '.' ||
	    name->text[len] != '.' || (len == 1 && text[0] == '@') ||
	    !memchr(text, '.', len) || memchr(text, '\\', len))
		return false;
	for (i = 0; i < len; i++)
		if (tolower((unsigned char)text[i]) != name->text[i])
			return false;
	/* The name is the written labels, lower-cased, then the origin they
	 * were made relative to - which also covers a $ORIGIN other than the
	 * zone's. */
	return ends_with_origin(name->text, len, name->text + len + 1,
				name->len - len - 1);
}

/* zl_text_in_zone of text, lt being strlen(text). */
static bool in_zone(const struct zl_zone *z, const char *text, size_t lt)
{
	size_t lo = z->origin->len;

	if (lo == 1)
		return true;	/* the root zone holds every name */
	/* memcmp first: the text is most often canonical already. */
	return lt >= lo && (lt == lo || text[lt - lo - 1] == '.') &&
	       (memcmp(text + lt - lo, z->origin->text, lo) == 0 ||
		zl_strcasecmp(text + lt - lo, z->origin->text) == 0);
}

bool zl_text_in_zone(const struct zl_zone *z, const char *text)
{
	return in_zone(z, text, strlen(text));
}

bool zl_text_under(const char *text, const char *name)
{
	size_t lt = strlen(text), ln = strlen(name);

	return (ln == 1 && name[0] == '.') ||
	       (lt >= ln && strcmp(text + lt - ln, name) == 0 &&
		(lt == ln || text[lt - ln - 1] == '.'));
}

/* zl_text_below_cut of text, which the zone holds when self is true; when
 * false, text is the parent of a name it does not hold, and a DNAME at
 * text is over that name. */
static bool below_cut_from(const struct zl_zone *z, const char *text,
			   bool self)
{
	const struct zl_name *n;

	if (!zl_zone_has_cuts(z))
		return false;
	/* The nearest name the zone holds, up to the apex: its cut, or
	 * for an ancestor, a DNAME there too (RFC 6672 §2.3). */
	for (; text && strlen(text) >= z->origin->len;
	     text = zl_name_parent(text), self = false)
		if ((n = zl_zone_lookup(z, text)))
			return n->below_cut ||
			       (!self && zl_name_rrset(n, LDNS_RR_TYPE_DNAME));
	return false;
}

bool zl_text_below_cut(const struct zl_zone *z, const char *text)
{
	return below_cut_from(z, text, true);
}

/* zl_text_below_cut(z, text) when n is zl_zone_lookup(z, text): the lookup
 * of text itself is not done twice. */
static bool cut_below(const struct zl_zone *z, const char *text,
		      const struct zl_name *n)
{
	if (strlen(text) <= z->origin->len)
		return false;
	return n ? n->below_cut :
		   below_cut_from(z, zl_name_parent(text), false);
}

/* CNAME hops followed before an answer counts as unknown (a chain that
 * long, or a loop, fails at resolvers anyway). */
#define MAX_CNAME_HOPS 8

const struct zl_zone *zl_zone_of(const struct zl_ctx *ctx, const char *text)
{
	const struct zl_zone *z;
	bool own = zl_text_in_zone(ctx->zone, text);

	/* The zone's own names, unless a zone of the set is below it. */
	if (!ctx->zones || (own && !ctx->zones_below))
		return own ? ctx->zone : NULL;
	z = zl_zoneset_zone_for(ctx->zones, ctx->zone, text);
	return z && zl_text_in_zone(z, text) ? z : NULL;
}

struct zl_at zl_lookup(const struct zl_ctx *ctx, const char *text)
{
	struct zl_at at = { zl_zone_of(ctx, text), NULL };

	if (at.zone)
		at.name = zl_zone_lookup(at.zone, text);
	return at;
}

struct zl_at zl_lookup2(const struct zl_ctx *ctx, const char *prefix,
			const char *text)
{
	char buf[LDNS_MAX_DOMAINLEN * 4 + 8];
	size_t pl = strlen(prefix), tl;

	text = zl_name_tail(text);
	tl = strlen(text);
	if (pl + tl >= sizeof buf)
		return (struct zl_at){ NULL, NULL };
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, text, tl + 1);
	return zl_lookup(ctx, buf);
}

struct zl_at zl_target_text(const struct zl_ctx *ctx, const char *text)
{
	struct zl_at at = zl_lookup(ctx, text);

	if (!at.zone || cut_below(at.zone, text, at.name))
		return (struct zl_at){ NULL, NULL };
	return at;
}

struct zl_at zl_target(const struct zl_ctx *ctx, const struct zl_name *t)
{
	static const struct zl_at none;

	if (!t)
		return none;
	/* A name of the zone, when no zone of the set is below it: t. */
	if (!ctx->zones || (t->in_zone && !ctx->zones_below))
		return t->in_zone && !t->below_cut ?
			       (struct zl_at){ ctx->zone, t } : none;
	return zl_target_text(ctx, t->text);
}

/* The octets of canonical text in wire form: one per byte, escape or
 * dot, and the root label's. */
static size_t wire_len(const char *t)
{
	size_t n = 1;

	if (t[0] == '.' && t[1] == '\0')
		return 1;
	for (; *t; t++, n++)
		if (*t == '\\')
			t += isdigit((unsigned char)t[1]) ? 3 : 1;
	return n;
}

/* The highest DNAME of zone z above canonical text, and in buf (size n)
 * the name it rewrites text to; only one the zone serves when served (a
 * DNAME below another, or at or below a delegation, is not).  *yx set,
 * and buf left alone, when that name would exceed 255 octets.  NULL when
 * there is none, or buf is too small. */
static const struct zl_rr *dname_in(const struct zl_zone *z, const char *text,
				    bool served, char *buf, size_t n,
				    bool *yx)
{
	const struct zl_name *o, *to;
	const struct zl_rr *rr = NULL;
	const char *p;
	size_t lp;

	*yx = false;
	if (!z->ndnames)
		return NULL;
	for (p = zl_name_parent(text); p && zl_text_in_zone(z, p);
	     p = zl_name_parent(p)) {
		o = zl_zone_lookup(z, p);
		if (o && (!served || !o->below_cut) &&
		    zl_name_rrset(o, LDNS_RR_TYPE_DNAME))
			rr = zl_first_rr(z, o, LDNS_RR_TYPE_DNAME);
	}
	if (!rr || rr->nrdf < 1 || !(to = zl_rdf_name(&rr->rdf[0])))
		return NULL;
	/* RFC 6672 §2.2: a name over 255 octets is YXDOMAIN, no alias */
	if (wire_len(text) - wire_len(rr->owner->text) + wire_len(to->text) >
	    LDNS_MAX_DOMAINLEN) {
		*yx = true;
		return rr;
	}
	/* text less its owner, then the target: "www." + "example.net."; a
	 * DNAME at the root keeps the whole of text ("www.example." +
	 * "net.") */
	lp = strlen(text) - (rr->owner->len == 1 ? 0 : rr->owner->len);
	if (lp + to->len + 1 > n)
		return NULL;
	memcpy(buf, text, lp);
	strcpy(buf + lp, zl_name_tail(to->text));
	return rr;
}

/* The DNAME of the zone of the run that holds canonical text which
 * answers for it (zl_dname_over), its zone in *zone; dname_in's buf and
 * yx. */
static const struct zl_rr *dname_rewrite(const struct zl_ctx *ctx,
					 const char *text,
					 const struct zl_zone **zone,
					 char *buf, size_t n, bool *yx)
{
	const struct zl_zone *z = zl_zone_of(ctx, text);
	const struct zl_rr *rr;

	*yx = false;
	if (!z || !(rr = dname_in(z, text, true, buf, n, yx)))
		return NULL;
	*zone = z;
	return rr;
}

const struct zl_rr *zl_dname_above(const struct zl_zone *z, const char *text,
				   char *buf, size_t n, bool *yx)
{
	const struct zl_rr *rr = dname_in(z, text, false, buf, n, yx);

	if (rr && *yx && n)
		buf[0] = '\0';
	return rr;
}

const struct zl_rr *zl_dname_over(const struct zl_ctx *ctx, const char *text,
				  const struct zl_zone **zone, char *buf,
				  size_t n)
{
	const struct zl_zone *z;
	const struct zl_rr *rr;
	bool yx;

	if (!(rr = dname_rewrite(ctx, text, &z, buf, n, &yx)) || yx)
		return NULL;
	*zone = z;
	return rr;
}

/* A name a DNAME makes: canonical text at most 255 octets, escaped. */
#define SYNTH_MAX ZL_NAME_TEXT_MAX

const char *zl_dname_end(const struct zl_ctx *ctx, const char *text,
			 char (*buf)[ZL_NAME_TEXT_MAX])
{
	const struct zl_zone *z;
	unsigned hops;
	bool yx;

	/* RFC 6672 §2.2: each DNAME over the name answers with a CNAME to
	 * the name it makes, which a query for that name starts over at */
	for (hops = 0; dname_rewrite(ctx, text, &z, buf[hops & 1], SYNTH_MAX,
				     &yx); hops++) {
		if (yx || hops >= MAX_CNAME_HOPS)
			return NULL;
		text = buf[hops & 1];
	}
	return text;
}

/* zl_answer, which when note is set (ctx itself) attaches to its finding
 * f a note at each DNAME the query is rewritten by, and counts them in
 * *ndn. */
static enum zl_answer answer(const struct zl_ctx *ctx, const char *text,
			     struct zl_at *out, struct zl_ctx *note,
			     zl_finding f, unsigned *ndn)
{
	const struct zl_zone *z;
	const struct zl_name *n, *w;
	const struct zl_rr *cname, *dname;
	char buf[2][SYNTH_MAX];
	unsigned hops;
	bool yx;

	*out = (struct zl_at){ NULL, NULL };
	for (hops = 0; hops <= MAX_CNAME_HOPS; hops++) {
		if (!(z = zl_zone_of(ctx, text)))
			return ZL_ANSWER_UNKNOWN;
		if (cut_below(z, text, n = zl_zone_lookup(z, text))) {
			/* RFC 6672 §2.2, §3: a DNAME over the name answers
			 * with a CNAME to the name it rewrites it to, which
			 * resolvers follow; a delegation, with a referral to
			 * a zone the run may lack.  A DNAME makes no name of
			 * more than 255 octets: the answer is YXDOMAIN. */
			if (!(dname = dname_rewrite(ctx, text, &z, buf[hops & 1],
						    SYNTH_MAX, &yx)))
				return ZL_ANSWER_UNKNOWN;
			++*ndn;
			if (note && yx)
				zl_emit_note_in(note, f, z, dname->src,
						zl_rr_type_tok(z, dname),
						"the DNAME of '%s' would rewrite "
						"'%s' to a name of more than "
						"255 octets: the answer is "
						"YXDOMAIN", dname->owner->text,
						text);
			else if (note)
				zl_emit_note_in(note, f, z, dname->src,
						zl_rr_type_tok(z, dname),
						"the DNAME of '%s' rewrites '%s' "
						"to '%s'", dname->owner->text,
						text, buf[hops & 1]);
			if (yx) {
				out->zone = z;
				return ZL_ANSWER_YXDOMAIN;
			}
			text = buf[hops & 1];
			continue;
		}
		if (!n || !zl_name_sets(n)) {
			w = zl_zone_wildcard(z, text);
			n = w ? w : n && zl_zone_nonterminal(z, text) ? n :
			    NULL;
		}
		if (!n) {
			out->zone = z;
			return ZL_ANSWER_NONE;
		}
		/* RFC 1034 §3.6.2: a CNAME answers for every type */
		cname = zl_first_rr(z, n, LDNS_RR_TYPE_CNAME);
		if (!cname || cname->nrdf < 1 || !zl_rdf_name(&cname->rdf[0])) {
			*out = (struct zl_at){ z, n };
			return ZL_ANSWER_NAME;
		}
		text = zl_rdf_name(&cname->rdf[0])->text;
	}
	return ZL_ANSWER_UNKNOWN;
}

enum zl_answer zl_answer(const struct zl_ctx *ctx, const char *text,
			 struct zl_at *out)
{
	unsigned ndn = 0;

	return answer(ctx, text, out, NULL, ZL_NO_FINDING, &ndn);
}

bool zl_note_dnames(struct zl_ctx *ctx, zl_finding f, const char *text)
{
	struct zl_at at;
	unsigned ndn = 0;

	(void)answer(ctx, text, &at, f != ZL_NO_FINDING ? ctx : NULL, f,
		     &ndn);
	return ndn > 0;
}

void zl_note_target(struct zl_ctx *ctx, zl_finding f, struct zl_at at,
		    const char *text, uint16_t type)
{
	const struct zl_rr *rr = zl_first_rr(at.zone, at.name, type);
	const char *zone;

	if (f == ZL_NO_FINDING || !at.zone || at.zone == ctx->zone)
		return;
	zone = at.zone->origin->text;
	if (rr) {
		zl_emit_note_in(ctx, f, at.zone, rr->src,
				zl_rr_type_tok(at.zone, rr),
				"the %s record of '%s', in zone %s",
				zl_type_str(type), text, zone);
	} else if (at.name && zl_name_sets(at.name)) {
		rr = &at.zone->rrs[zl_name_sets(at.name)->first];
		zl_emit_note_in(ctx, f, at.zone, rr->src,
				!(rr->flags & ZL_RR_OWNER_BLANK) ?
				zl_rr_hdr(at.zone, rr, ZL_HDR_OWNER) :
				rr->text,
				"'%s' in zone %s has no %s record", text, zone,
				zl_type_str(type));
	} else if ((rr = zl_first_rr(at.zone, at.zone->origin,
				     LDNS_RR_TYPE_SOA)) != NULL) {
		zl_emit_note_in(ctx, f, at.zone, rr->src,
				zl_rr_type_tok(at.zone, rr),
				"zone %s has no name '%s'", zone, text);
	}
}

/* ---- names as a server serves them ---- */

/* The length of what canonical text holds before ".<origin>" of z, when
 * it lies strictly below the origin (0 otherwise, and for the root zone,
 * which has no origin to append). */
static size_t below_origin(const struct zl_zone *z, const char *text)
{
	size_t lt = strlen(text), lo = z->origin->len;

	if (lo <= 1 || lt <= lo + 1 || !in_zone(z, text, lt))
		return 0;
	return lt - lo - 1;
}

const char *zl_text_served(const char *text)
{
	const char *p, *served = text;

	for (p = text; p && *p && strcmp(p, ".") != 0; p = zl_name_parent(p))
		if (*p == '_')
			served = zl_name_parent(p);
	return served && *served ? served : ".";
}

bool zl_name_aliased(const struct zl_zone *z, const struct zl_name *n)
{
	const struct zl_rrset *s = zl_name_sets(n);
	size_t i, dots = 0, below = below_origin(z, n->text);

	if (n->refs & ZL_REF_CNAME)
		return true;
	if (!n->in_zone || !s || s->next || s->type != LDNS_RR_TYPE_TXT ||
	    s->count != 1)
		return false;
	for (i = 0; i < below; i++)
		if (n->text[i] == '\\')
			i++;
		else
			dots += n->text[i] == '.';
	return dots >= 2;
}

bool zl_name_repeats_origin(const struct zl_zone *z, const char *text,
			    size_t *rel_len)
{
	size_t n = below_origin(z, text);
	const char *dot = memchr(z->origin->text, '.', z->origin->len);

	*rel_len = n;
	/* Below an origin of one label, a top-level domain's zone, the
	 * second-level name that is the label again (neo.neo. in .neo) is
	 * a domain the registry serves like any other, and the names below
	 * it its hosts: written absolute, nothing shows a missing dot. */
	if (!dot || (size_t)(dot - z->origin->text) + 1 >= z->origin->len)
		return false;
	return n > 0 && ends_with_origin(text, n, z->origin->text,
					 z->origin->len);
}

bool zl_name_is_address(const struct zl_zone *z, const char *text,
			size_t *rel_len)
{
	size_t n = below_origin(z, text);

	*rel_len = n;
	return n > 0 && zl_text_is_address(text, n);
}

bool zl_has_address(const struct zl_name *n)
{
	return n && (zl_name_rrset(n, LDNS_RR_TYPE_A) ||
		     zl_name_rrset(n, LDNS_RR_TYPE_AAAA));
}

bool zl_lost_address(const struct zl_ctx *ctx, const struct zl_name *n)
{
	return zl_lost_at(ctx, n, LDNS_RR_TYPE_A) ||
	       zl_lost_at(ctx, n, LDNS_RR_TYPE_AAAA);
}
