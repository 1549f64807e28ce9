/* check_cname.c - primitives for aliases (RFC 1034 §3.6.2, RFC 2181 §10). */
#include <ldns/ldns.h>
#include <string.h>

#include "check.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* ", and BIND refuses to load the zone" when rr is an apex NS record
 * whose target is an alias in the same zone (a CNAME, a wildcard CNAME,
 * or a name below a DNAME): named's "is a CNAME (illegal)" and "is below
 * a DNAME"; else "".  At a delegation BIND loads the zone, and Knot DNS
 * and NSD load both (kzonecheck's "missing glue record" is no error
 * knotd refuses a zone over). */
static const char *ns_refusal(const struct zl_ctx *ctx,
			      const struct zl_zone *alias_zone)
{
	return ctx->rr->type == LDNS_RR_TYPE_NS &&
	       alias_zone == ctx->zone &&
	       ctx->rr->owner == ctx->zone->origin ?
	       ", and BIND refuses to load the zone" : "";
}

/* Links of a chain of aliases followed to its canonical name: twice what
 * zl_answer follows, so that a chain it calls a loop is one here too. */
#define CANON_MAX 16

/* The end of a chain of aliases, and its last link. */
struct canon {
	const char *text;		/* the canonical name */
	const struct zl_rr *last;	/* the CNAME or DNAME that names it,
					   NULL: the first link does */
	const struct zl_zone *zone;	/* last's zone */
	enum { C_END, C_LOOP, C_YX } end;	/* no name ends the chain
						   but for C_END */
};

/* The canonical name (RFC 2181 §10.3, RFC 5321 §5.1) that a query for
 * first, the name an alias points to, ends at: the CNAMEs (a wildcard's
 * too, RFC 4592) and the CNAMEs that DNAMEs make (RFC 6672 §2.2) are
 * followed through the zones of the run, to a name that is no alias, or
 * the last name known where the chain leaves the run (a name of no zone
 * of it, or below a delegation whose child it lacks).  first itself when
 * the chain is longer than CANON_MAX (C_LOOP), or a DNAME on it would make
 * a name of more than 255 octets (C_YX: the query fails, RFC 6672 §2.2),
 * and when it passes a record a `breaks` rule reported (NAME001): past it
 * the chain leads where its author did not mean.  buf holds a name a DNAME
 * made. */
static struct canon canonical(const struct zl_ctx *ctx, const char *first,
			      char (*buf)[ZL_NAME_TEXT_MAX])
{
	struct canon c = { first, NULL, NULL, C_END };
	const struct zl_zone *dz;
	const struct zl_rr *link;
	const struct zl_name *w;
	const char *text = first, *next;
	struct zl_at at;
	unsigned hops;

	for (hops = 0; hops < CANON_MAX; hops++) {
		if ((link = zl_dname_over(ctx, text, &dz, buf[hops & 1],
					  ZL_NAME_TEXT_MAX))) {
			next = buf[hops & 1];
		} else {
			at = zl_target_text(ctx, text);
			if (!at.zone && zl_answer(ctx, text, &at) ==
						ZL_ANSWER_YXDOMAIN)
				return (struct canon){ first, NULL, NULL,
						       C_YX };
			if (at.zone && (!at.name || !zl_name_sets(at.name)) &&
			    (w = zl_zone_wildcard(at.zone, text)))
				at.name = w;
			link = zl_first_rr(at.zone, at.name,
					   LDNS_RR_TYPE_CNAME);
			if (!link || link->nrdf < 1 ||
			    !zl_rdf_name(&link->rdf[0]))
				return c;
			next = zl_rdf_name(&link->rdf[0])->text;
			dz = at.zone;
		}
		if (zl_rr_broken(ctx, link))
			return (struct canon){ first, NULL, NULL, C_END };
		c = (struct canon){ next, link, dz, C_END };
		text = next;
	}
	return (struct canon){ first, NULL, NULL, C_LOOP };
}

/* Attaches to d a note at the end of the chain that c followed: the
 * link that names the canonical name, or, at the first link (first, of
 * zone z), why no name ends the chain. */
static void note_canonical(struct zl_ctx *ctx, zl_finding d,
			   const struct canon *c, const struct zl_zone *z,
			   const struct zl_rr *first)
{
	if (c->end != C_END)
		zl_emit_note_in(ctx, d, z, first->src,
				zl_rr_type_tok(z, first),
				c->end == C_LOOP ?
				"the aliases from '%s' loop: no name ends the "
				"chain" :
				"the aliases from '%s' reach a name a DNAME "
				"rewrites past 255 octets: no name ends the "
				"chain", c->text);
	else if (c->last)
		zl_emit_note_in(ctx, d, c->zone, c->last->src,
				zl_rr_type_tok(c->zone, c->last),
				"the chain of aliases ends at '%s'", c->text);
}

/* RFC 2181 §10.3: the target of an MX (or NS, SRV) must not be an alias;
 * RFC 5321 §5.1 lets an SMTP client refuse such an MX.  Only the aliases of
 * the run's zones can be seen offline, so other targets are never
 * reported.  The finding names the canonical name at the end of the
 * chain, which the record should point at. */
static void target_not_alias(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr, *cname, *dname;
	const struct zl_zone *dz;
	const struct zl_name *target, *w;
	char synth[LDNS_MAX_DOMAINLEN * 4 + 2], buf[2][ZL_NAME_TEXT_MAX];
	struct canon c;
	struct zl_at at;
	zl_finding d;
	int f = zl_rr_name_field(rr, 0);

	if (f < 0 || !(target = zl_rdf_name(&rr->rdf[f])))
		return;
	at = zl_target(ctx, target);
	/* RFC 4592: a wildcard answers for a name that does not exist. */
	if (at.zone && (!at.name || !zl_name_sets(at.name)) &&
	    (w = zl_zone_wildcard(at.zone, target->text)))
		at.name = w;
	cname = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME);
	if (cname && cname->nrdf >= 1 && zl_rdf_name(&cname->rdf[0])) {
		c = canonical(ctx, zl_rdf_name(&cname->rdf[0])->text, buf);
		d = ZL_EMIT(ctx, rr->src,
			    zl_rr_field_tok(ctx->zone, rr, (unsigned)f),
			    { "target", target->text },
			    { "canonical", c.text },
			    { "refused", ns_refusal(ctx, at.zone) });
		if (at.zone == ctx->zone && d != ZL_NO_FINDING)
			zl_emit_note(ctx, d, cname->src,
				     zl_rr_type_tok(ctx->zone, cname),
				     "the CNAME is here");
		zl_note_target(ctx, d, at, target->text, LDNS_RR_TYPE_CNAME);
		if (d != ZL_NO_FINDING)
			note_canonical(ctx, d, &c, at.zone, cname);
		return;
	}
	/* RFC 6672 §2.2: below a DNAME the answer is a CNAME, made up. */
	if (!(dname = zl_dname_over(ctx, target->text, &dz, synth,
				    sizeof synth)))
		return;
	c = canonical(ctx, synth, buf);
	d = ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, (unsigned)f),
		    { "target", target->text }, { "canonical", c.text },
		    { "refused", ns_refusal(ctx, dz) });
	if (d == ZL_NO_FINDING)
		return;
	zl_emit_note_in(ctx, d, dz, dname->src, zl_rr_type_tok(dz, dname),
			"the DNAME of '%s' answers for it with a CNAME",
			dname->owner->text);
	note_canonical(ctx, d, &c, dz, dname);
}

const struct zl_check zl_check_target_not_alias = {
	.name = "target-not-alias",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_not_alias,
	.params = no_params,
	.vars = (const char *const[]){ "target", "canonical", "refused", NULL },
};

/* Which of Knot DNS (1) and NSD (2) refuse the records of n below a
 * DNAME (RFC 6672 §2.3), BIND loading them.  Both set the NSEC3 chain
 * apart, whose hashed names lie below an apex DNAME: Knot DNS an NSEC3
 * and the RRSIGs that cover NSEC3, NSD a name with an NSEC3 and RRSIGs. */
static unsigned dname_refusers(const struct zl_zone *z,
			       const struct zl_name *n)
{
	const struct zl_rrset *s;
	const struct zl_rr *rr;
	const uint8_t *p;
	bool nsec3 = false, other = false, sig = false;
	uint32_t k;

	for (s = zl_name_sets(n); s; s = s->next) {
		nsec3 |= s->type == LDNS_RR_TYPE_NSEC3;
		other |= s->type != LDNS_RR_TYPE_NSEC3 &&
			 s->type != LDNS_RR_TYPE_RRSIG;
		if (s->type != LDNS_RR_TYPE_RRSIG)
			continue;
		for (k = s->first; k != ZL_NONE; k = z->rrs[k].next) {
			rr = &z->rrs[k];
			p = rr->nrdf ? zl_rdf_data(&rr->rdf[0]) : NULL;
			sig |= !p || rr->rdf[0].len < 2 ||
			       (p[0] << 8 | p[1]) != LDNS_RR_TYPE_NSEC3;
		}
	}
	return (other || sig ? 1u : 0) | (other || !nsec3 ? 2u : 0);
}

/* What a query for a name below a DNAME gets: the CNAME it makes (served,
 * to synth), YXDOMAIN, or nothing from this zone, when the DNAME
 * lies at or below a delegation; in buf (size n). */
static void dname_answer(bool served, bool yx, const char *synth, char *buf,
			 size_t n)
{
	if (yx)
		snprintf(buf, n, "queries for it get YXDOMAIN, the name the "
			 "DNAME makes being over 255 octets");
	else if (served)
		snprintf(buf, n, "queries for it get a CNAME to '%s', never "
			 "these records", synth);
	else
		snprintf(buf, n, "the DNAME itself lies at or below a "
			 "delegation, so neither is served from here");
}

/* RFC 6672 §2.3: no records below a DNAME.  A query there is answered
 * with the CNAME the DNAME makes, so they are never served; BIND loads
 * them, Knot DNS and NSD refuse the zone (dname_refusers).  They refuse
 * it too where the DNAME is not served (at or below a delegation, its
 * records the child zone's) and where the name it makes would be too
 * long: every DNAME of the zone counts.  Reported at the first record of
 * each name, with a note at the DNAME. */
static void below_dname(struct zl_ctx *ctx)
{
	static const char *const refuse[] = {
		NULL, "Knot DNS refuses", "NSD refuses",
		"Knot DNS and NSD refuse",
	};
	const struct zl_name *n = ctx->name;
	const struct zl_zone *dz;
	const struct zl_rr *dname, *rr;
	char synth[LDNS_MAX_DOMAINLEN * 4 + 2], answer[LDNS_MAX_DOMAINLEN * 4 +
							 96];
	bool served, yx = false;
	unsigned who;
	zl_finding d;

	if (!ctx->zone->ndnames || !zl_name_sets(n) ||
	    !(who = dname_refusers(ctx->zone, n)))
		return;
	served = (dname = zl_dname_over(ctx, n->text, &dz, synth,
					sizeof synth)) && dz == ctx->zone;
	if (!served && !(dname = zl_dname_above(ctx->zone, n->text, synth,
						sizeof synth, &yx)))
		return;
	dname_answer(served, yx, synth, answer, sizeof answer);
	rr = &ctx->zone->rrs[zl_name_sets(n)->first];
	d = ZL_EMIT(ctx, rr->src,
		    !(rr->flags & ZL_RR_OWNER_BLANK) ?
		    zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER) : rr->text,
		    { "dname", dname->owner->text }, { "canonical", synth },
		    { "answer", answer }, { "refused", refuse[who] });
	if (d != ZL_NO_FINDING)
		zl_emit_note(ctx, d, dname->src,
			     zl_rr_type_tok(ctx->zone, dname),
			     "the DNAME is here");
}

const struct zl_check zl_check_below_dname = {
	.name = "below-dname",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = below_dname,
	.params = no_params,
	.vars = (const char *const[]){ "dname", "canonical", "answer",
				       "refused", NULL },
};

/* Types that DNSSEC allows beside a CNAME (RFC 4035 §2.5, RFC 5155). */
static bool allowed_with_cname(uint16_t type)
{
	return type == LDNS_RR_TYPE_CNAME || type == LDNS_RR_TYPE_RRSIG ||
	       type == LDNS_RR_TYPE_NSEC || type == LDNS_RR_TYPE_NSEC3;
}

/* RFC 1034 §3.6.2 and RFC 2181 §10.1: a name with a CNAME has no other
 * data.  Reported once at the CNAME, with a note at each other RRset. */
static void cname_exclusive(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *cname = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_CNAME);
	const struct zl_rrset *s;
	struct zl_buf others = { 0 };
	zl_finding d;

	if (!cname)
		return;
	for (s = zl_name_sets(ctx->name); s; s = s->next) {
		if (allowed_with_cname(s->type))
			continue;
		if (others.len)
			zl_buf_add(&others, ", ", 2);
		zl_buf_addf(&others, "%s", zl_type_str(s->type));
	}
	if (!others.len)
		return;
	{
		d = ZL_EMIT(ctx, cname->src, zl_rr_type_tok(ctx->zone, cname),
			    { "others", others.s });
	}
	for (s = zl_name_sets(ctx->name); d != ZL_NO_FINDING && s; s = s->next) {
		const struct zl_rr *rr = &z->rrs[s->first];

		if (!allowed_with_cname(s->type))
			zl_emit_note(ctx, d, rr->src, zl_rr_type_tok(ctx->zone, rr),
				     "the %s record is here",
				     zl_type_str(s->type));
	}
	zl_buf_free(&others);
}

const struct zl_check zl_check_cname_exclusive = {
	.name = "cname-exclusive",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = cname_exclusive,
	.params = no_params,
	.vars = (const char *const[]){ "others", NULL },
};

/* The in-zone alias target of a CNAME record, or NULL. */
static const struct zl_name *cname_target(const struct zl_rr *rr)
{
	return rr->nrdf >= 1 ? zl_rdf_name(&rr->rdf[0]) : NULL;
}

/* Chains are followed at most this far; a longer loop is reported as a
 * chain.  Bounding the walk keeps the check linear in the zone size. */
#define CHAIN_MAX 64

static const char *const chain_kinds[] = { "loop", "chain", NULL };

enum { K_LOOP, K_CHAIN };
static const struct zl_variant_spec chain_variants[] = {
	{ .key = "kind", .names = chain_kinds },
	{ .key = NULL },
};

static const struct zl_param_spec chain_params[] = {
	{ .key = NULL },
};

/* RFC 1034 §3.6.2: a CNAME loop never resolves; a chain of aliases works
 * but costs every resolver extra lookups and is usually an oversight
 * (RFC 1912 §2.4 advises against it). */
static void cname_chain(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr = ctx->rr, *hop;
	const struct zl_name *t = cname_target(rr);
	bool want_loop = zl_rule_variant(ctx->rule, 0) == K_LOOP, back = false;
	const char *names[CHAIN_MAX + 2];
	struct zl_buf path = { 0 };
	struct zl_at at = zl_target(ctx, t);
	unsigned n, i;

	/* The chain is followed through every zone of the run; the path is
	 * written only for a finding (a long chain has a finding per
	 * alias, most of them past the rule's cap). */
	hop = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME);
	if (!hop)
		return;
	names[0] = rr->owner->text;
	names[1] = t->text;
	for (n = 2; hop && n < CHAIN_MAX + 2; n++) {
		t = cname_target(hop);
		names[n] = t ? t->text : "?";
		if (!t || (back = strcmp(t->text, rr->owner->text) == 0)) {
			n++;
			break;
		}
		/* t may be a name of another zone. */
		at = zl_target_text(ctx, t->text);
		hop = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME);
	}
	if (want_loop != back)
		return;
	for (i = 0; i < n; i++) {
		if (i)
			zl_buf_add(&path, " -> ", 4);
		zl_buf_add(&path, names[i], strlen(names[i]));
	}
	ZL_EMIT(ctx, rr->src, zl_rr_field_tok(z, rr, 0), { "path", path.s },
		{ "target", cname_target(rr)->text });
	zl_buf_free(&path);
}

const struct zl_check zl_check_cname_chain = {
	.name = "cname-chain",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = cname_chain,
	.variants = chain_variants,
	.params = chain_params,
	.vars = (const char *const[]){ "path", "target", NULL },
};

/* An alias to a name this zone is authoritative for but does not have
 * answers NXDOMAIN: usually a typo or a record deleted on one side.  Not
 * so the aliases of a classless reverse delegation (RFC 2317 §4): the
 * parent names every address of the block, the child zone only those in
 * use. */
/* Whether the alias at owner to t, which child (another zone of the run)
 * holds, is one of a classless reverse delegation: both in the reverse
 * tree, child's origin below z's. */
static bool classless(const struct zl_zone *z, const struct zl_zone *child,
		      const struct zl_name *owner, const struct zl_name *t)
{
	size_t n = strlen(child->origin->text), o = strlen(z->origin->text);

	return child != z && zl_name_in_reverse(owner->text) &&
	       zl_name_in_reverse(t->text) && n > o &&
	       strcmp(child->origin->text + n - o, z->origin->text) == 0 &&
	       child->origin->text[n - o - 1] == '.';
}

static void target_exists(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr = ctx->rr;
	int f = zl_rr_name_field(rr, 0);
	const struct zl_name *t;
	char buf[2][ZL_NAME_TEXT_MAX];
	const char *text;
	struct zl_at at;
	zl_finding d;

	/* RFC 8555 §8.4: the TXT record of an ACME challenge exists only
	 * while the CA validates; an alias at _acme-challenge points at a
	 * name that a client then fills, by dynamic update or an API
	 * (acme-dns), which no zone file shows. */
	if (strncmp(rr->owner->text, "_acme-challenge.", 16) == 0)
		return;
	if (f < 0 || !(t = zl_rdf_name(&rr->rdf[f])))
		return;
	/* RFC 6672 §2.2: a target below a DNAME is the name it makes,
	 * which a CNAME of its own makes another alias, judged at it */
	text = t->text;
	if (!(at = zl_target(ctx, t)).zone &&
	    (text = zl_dname_end(ctx, t->text, buf)) != NULL &&
	    text != t->text)
		at = zl_target_text(ctx, text);
	if (!at.zone || (at.name && zl_name_sets(at.name)) ||
	    zl_lost_at(ctx, at.name, 0) || zl_zone_wildcard(at.zone, text) ||
	    zl_zone_nonterminal(at.zone, text) ||
	    classless(z, at.zone, rr->owner, t))
		return;
	d = ZL_EMIT(ctx, rr->src, zl_rr_field_tok(z, rr, (unsigned)f),
		    { "target", t->text });
	(void)zl_note_dnames(ctx, d, t->text);
	zl_note_target(ctx, d, at, text, LDNS_RR_TYPE_CNAME);
}

const struct zl_check zl_check_target_exists = {
	.name = "target-exists",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_exists,
	.params = no_params,
	.vars = (const char *const[]){ "target", NULL },
};
