/* check_name.c - primitives about how names are written: missing trailing
 * dots (RFC 1035 §5.1) and host-name syntax (RFC 952, RFC 1123 §2.1). */
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "psl.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* Whether name, an rdata name of rr, does not exist in the zone: no
 * records there, none lost, and no name below it (a relative name meant
 * absolute leads nowhere).  A wildcard that answers for it, in *wild, does
 * not make it one the zone has: it synthesises the answer for any name
 * the zone lacks (RFC 1034 §4.3.3, RFC 4592), a mistyped one alike, so
 * the name it was read as resolves, but nothing says it was meant in the
 * zone.  A PTR target of a reverse zone is NAME003's. */
static bool nowhere(const struct zl_ctx *ctx, const struct zl_rr *rr,
		    const struct zl_name *name, const struct zl_name **wild)
{
	struct zl_at at = zl_target(ctx, name);

	*wild = NULL;
	if ((rr->type == LDNS_RR_TYPE_PTR &&
	     zl_name_in_reverse(ctx->zone->origin->text)) ||
	    at.zone != ctx->zone || (at.name && zl_name_sets(at.name)) ||
	    zl_lost_at(ctx, name, 0))
		return false;
	if ((*wild = zl_zone_wildcard(ctx->zone, name->text)))
		return true;
	return zl_answer(ctx, name->text, &at) == ZL_ANSWER_NONE;
}

/* How many labels below the origin a place may lie: deeper parents are
 * not looked for, so that a zone of deep names costs little. */
#define PLACE_DEPTH 3

/* The places of a zone: the hashes of the names at most PLACE_DEPTH labels
 * below the origin that have records or names with records below them,
 * sorted, made once per zone. */
struct places {
	uint64_t *v;
	size_t n;
};

static void places_release(void *obj)
{
	struct places *p = obj;

	free(p->v);
	free(p);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static struct places *places_of(struct zl_ctx *ctx)
{
	void **slot = zl_memo_zone_slot(ctx, ZL_MEMO_NAME_PLACES,
					places_release);
	const char *origin = ctx->zone->origin->text, *t,
		   *up[PLACE_DEPTH];
	struct zl_name_iter it = { 0, 0 };
	const struct zl_name *n;
	struct places *p;
	size_t cap = 0, i, k, d;

	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	p = zl_xcalloc(1, sizeof *p);
	while ((n = zl_zone_name_next(ctx->zone, &it))) {
		if (!zl_name_sets(n) || !zl_text_under(n->text, origin))
			continue;
		/* the last PLACE_DEPTH names on the way up to the origin */
		for (d = 0, t = n->text; t && strcmp(t, origin) != 0;
		     t = zl_name_parent(t))
			up[d++ % PLACE_DEPTH] = t;
		for (i = 0; i < d && i < PLACE_DEPTH; i++) {
			if (p->n == cap) {
				cap = cap ? 2 * cap : 256;
				p->v = zl_xrealloc(p->v, cap * sizeof *p->v);
			}
			p->v[p->n++] = zl_hash(up[i], strlen(up[i]));
		}
	}
	if (p->n)
		qsort(p->v, p->n, sizeof *p->v, cmp_u64);
	for (i = k = 0; i < p->n; i++)
		if (k == 0 || p->v[k - 1] != p->v[i])
			p->v[k++] = p->v[i];
	p->n = k;
	*slot = p;
	return p;
}

/* Whether the zone has records at or below the parent of name, a
 * relative name that ends in a top-level domain and leads nowhere
 * ('gitlab.dev' in a zone with web.dev.example.com.): read as written, it
 * names a place the zone has, so it may well be meant relative, a name
 * the zone lacks (CNAME006's, MX003's), rather than one written without
 * its dot. */
static bool parent_in_zone(struct zl_ctx *ctx, const struct zl_name *name)
{
	const struct zl_zone *z = ctx->zone;
	const char *parent = zl_name_parent(name->text);
	struct places *p;
	uint64_t h;

	if (!parent || !z->origin || strcmp(parent, z->origin->text) == 0 ||
	    !zl_text_under(parent, z->origin->text) || !(p = places_of(ctx)) ||
	    p->n == 0)
		return false;
	h = zl_hash(parent, strlen(parent));
	return bsearch(&h, p->v, p->n, sizeof *p->v, cmp_u64) != NULL;
}

/* Whether name is text[0..len) with only the final dot added: written
 * relative to the root, after `$ORIGIN .` (as pdnsutil list-zone writes
 * zones), it is the name meant. */
static bool written_absolute(const char *text, size_t len,
			     const struct zl_name *name)
{
	return name->len == len + 1 && strncasecmp(name->text, text, len) == 0;
}

/* Attaches to d a note at the first record of wildcard w, which answers
 * for name. */
static void note_wildcard(struct zl_ctx *ctx, zl_finding d,
			  const struct zl_name *w, const struct zl_name *name)
{
	const struct zl_rr *rr = &ctx->zone->rrs[zl_name_sets(w)->first];

	zl_emit_note(ctx, d, rr->src,
		     !(rr->flags & ZL_RR_OWNER_BLANK) ?
		     zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER) : rr->text,
		     "the wildcard '%s' answers for '%s' as for any name the "
		     "zone lacks", w->text, name->text);
}

/* Emits the finding when the token as written repeats its origin, or,
 * written absolute (as a transfer serves every name), when the name is the
 * zone's origin appended to a name that already ended in it; in rdata
 * also when the relative name ends in a top-level domain and leads
 * nowhere ('aspmx.l.google.com' for aspmx.l.google.com.). */
static void check_written(struct zl_ctx *ctx, const struct zl_rr *rr,
			  struct zl_tok t, const struct zl_name *name,
			  bool rdata)
{
	const char *text = zl_tok_text(ctx->zone, rr->src, t);
	char *written, *fix, why[96] = "repeats the origin";
	const struct zl_name *wild = NULL;
	size_t n, tld = 0;
	zl_finding d;

	if (zl_written_repeats_origin(text, t.len, name))
		n = t.len;
	else if (name && t.len > 0 && text[t.len - 1] == '.' &&
		 zl_name_repeats_origin(ctx->zone, name->text, &n))
		text = name->text;
	else if (rdata && name && !written_absolute(text, t.len, name) &&
		 (tld = zl_written_ends_in_tld(text, t.len)) &&
		 nowhere(ctx, rr, name, &wild) && !parent_in_zone(ctx, name)) {
		n = t.len;
		snprintf(why, sizeof why, "ends in '%.*s', a top-level domain",
			 (int)tld, text + t.len - tld);
	} else {
		return;
	}
	written = zl_xstrndup(text, n);
	fix = zl_xasprintf("%s.", written);
	{
		/* The top-level domain is a guess: no fix-it to apply. */
		d = ZL_EMIT(ctx, rr->src, t, { "name", name->text },
			    { "written", written }, { "fix", tld ? NULL : fix },
			    { "why", why });
	}
	if (wild && d != ZL_NO_FINDING)
		note_wildcard(ctx, d, wild, name);
	free(written);
	free(fix);
}

static const char *const where_choices[] = { "rdata", "owner", "reverse",
					    NULL };

enum { W_RDATA, W_OWNER, W_REVERSE };
static const struct zl_variant_spec dot_variants[] = {
	{ .key = "where", .names = where_choices },
	{ .key = NULL },
};

static const struct zl_param_spec dot_params[] = {
	{ .key = NULL },
};

/* In a reverse zone, a PTR target written with several labels and no
 * final dot: a host's full name completed with the origin. */
static void ptr_in_reverse(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	const struct zl_name *name;
	const char *text;
	char *written, *fix;
	struct zl_tok t;

	if (rr->nrdf != 1 || !(name = zl_rdf_name(&rr->rdf[0])) ||
	    !ctx->zone->origin || !zl_name_in_reverse(ctx->zone->origin->text))
		return;
	t = zl_rr_field_tok(ctx->zone, rr, 0);
	text = zl_tok_text(ctx->zone, rr->src, t);
	/* an address written for a name is NAME004's */
	if (t.len == 0 || text[t.len - 1] == '.' || text[0] == '"' ||
	    !memchr(text, '.', t.len) || !zl_name_in_reverse(name->text) ||
	    zl_text_is_address(text, t.len))
		return;
	written = zl_xstrndup(text, t.len);
	fix = zl_xasprintf("%s.", written);
	ZL_EMIT(ctx, rr->src, t, { "name", name->text },
		{ "written", written }, { "fix", fix });
	free(written);
	free(fix);
}

/* RFC 1035 §5.1: a name without a final dot is relative to the origin, so
 * `mail.example.com` in zone example.com. becomes
 * mail.example.com.example.com. - the classic missing trailing dot. */
static void name_repeats_origin(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	int f;
	unsigned skip;

	if (zl_rule_variant(ctx->rule, 0) == W_OWNER) {
		check_written(ctx, rr, zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER),
			      rr->owner, false);
		return;
	}
	if (zl_rule_variant(ctx->rule, 0) == W_REVERSE) {
		if (rr->type == LDNS_RR_TYPE_PTR)
			ptr_in_reverse(ctx, rr);
		return;
	}
	for (skip = 0; (f = zl_rr_name_field(rr, skip)) >= 0; skip++)
		check_written(ctx, rr, zl_rr_field_tok(ctx->zone, rr, (unsigned)f),
			      zl_rdf_name(&rr->rdf[f]), true);
}

const struct zl_check zl_check_name_repeats_origin = {
	.name = "name-repeats-origin",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = name_repeats_origin,
	.variants = dot_variants,
	.params = dot_params,
	.vars = (const char *const[]){ "name", "written", "why", NULL },
};

/* Whether a canonical name is a host name: labels of letters, digits and
 * hyphens, not starting or ending with a hyphen (RFC 952 as relaxed by
 * RFC 1123 §2.1).  Escaped bytes never are. */
static bool is_host_name(const char *text)
{
	const char *p = text;
	size_t len;

	while (*p) {
		len = strcspn(p, ".");
		if (len == 0 || p[0] == '-' || p[len - 1] == '-')
			return false;
		for (size_t i = 0; i < len; i++)
			if (!isalnum((unsigned char)p[i]) && p[i] != '-')
				return false;
		p += len;
		if (*p == '.')
			p++;
	}
	return true;
}

/* Special-use top-level names (RFC 6761 §6, RFC 6762 §3, RFC 7686 §2,
 * RFC 9476 §2): written absolute on purpose, and localhost is MX006's. */
static bool special_use(const char *label, size_t n)
{
	static const char *const names[] = { "localhost", "invalid", "test",
		"example", "local", "onion", "alt", NULL };

	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(label, names[i], n) == 0)
			return true;
	return false;
}

/* The name a label was meant to be relative to: written in a block of
 * another $ORIGIN, the host is a sibling of the owner rather than of the
 * zone's origin, so the owner's ancestors down to the origin are tried
 * for one with records; else the origin's.  *found says whether one has. */
static char *meant_name(const struct zl_ctx *ctx, const char *label,
			bool *found)
{
	const char *origin = ctx->zone->origin->text, *p = ctx->rr->owner->text;
	const struct zl_name *n;
	char *pre = zl_xasprintf("%s.", label), *meant;

	for (char *c = pre; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	*found = false;
	while (p && zl_text_under(p, origin)) {
		n = zl_zone_lookup2(ctx->zone, pre, p);
		/* the owner itself: read relative, the record would
		 * name itself, so the top-level domain is meant */
		if ((*found = n && n != ctx->rr->owner && zl_name_sets(n)))
			break;
		if (strcmp(p, origin) == 0)
			break;
		p = zl_name_parent(p);
	}
	meant = zl_xasprintf("%s%s", pre, *found ? p : origin);
	free(pre);
	return meant;
}

/* Whether the name of field r has records in a zone of the run: a zone
 * whose origin is one label (corp., lan.) names its own apex so, and
 * means it. */
static bool held(const struct zl_ctx *ctx, const struct zl_rdf *r)
{
	struct zl_at at = zl_target(ctx, zl_rdf_name(r));

	return at.name && zl_name_sets(at.name);
}

/* A target written as one label and a final dot, `MX 10 mail.`: absolute,
 * so it names a top-level domain (RFC 1035 §5.1), where the operator
 * meant the host in the zone, mail.<origin>.  A label that is no
 * top-level domain resolves nowhere; one that is (`mx.`, Mexico's) is
 * reported only when the zone has the host the label names, as no mail
 * or web service runs at a top-level domain's apex. */
static void single_label(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	const char *text;
	char *label, *meant, why[600] = "";
	struct zl_tok t;
	unsigned skip;
	bool found, tld;
	int f;

	if (!ctx->zone->origin || strcmp(ctx->zone->origin->text, ".") == 0)
		return;
	for (skip = 0; (f = zl_rr_name_field(rr, skip)) >= 0; skip++) {
		t = zl_rr_field_tok(ctx->zone, rr, (unsigned)f);
		text = zl_tok_text(ctx->zone, rr->src, t);
		if (!zl_rdf_name(&rr->rdf[f]) || t.len < 2 ||
		    text[t.len - 1] != '.' || memchr(text, '.', t.len - 1) ||
		    memchr(text, '\\', t.len) || text[0] == '"' ||
		    special_use(text, t.len - 1) || held(ctx, &rr->rdf[f]))
			continue;
		tld = zl_psl_tld(text, t.len - 1);
		label = zl_xstrndup(text, t.len - 1);
		meant = meant_name(ctx, label, &found);
		snprintf(why, sizeof why, "%s%s%s%s",
			 tld ? "" : ", which does not exist",
			 found ? ", while '" : "", found ? meant : "",
			 found ? "' is in the zone" : "");
		if (tld && !found) {
			/* a real top-level domain with no host of the
			 * name in the zone may be meant */
			free(label);
			free(meant);
			continue;
		}
		ZL_EMIT(ctx, rr->src, t, { "written", label },
			{ "meant", meant }, { "why", why });
		free(label);
		free(meant);
	}
}

const struct zl_check zl_check_name_single_label = {
	.name = "name-single-label",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = single_label,
	.params = no_params,
	.vars = (const char *const[]){ "written", "meant", "why", NULL },
};

/* RFC 5321 §2.3.5: the domain an SMTP client connects to is a host name;
 * underscores and other bytes make many MTAs refuse it. */
static void target_is_hostname(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	int f = zl_rr_name_field(rr, 0);
	const struct zl_name *t;

	if (f < 0 || !(t = zl_rdf_name(&rr->rdf[f])) || strcmp(t->text, ".") == 0 ||
	    is_host_name(t->text))
		return;
	{
		ZL_EMIT(ctx, rr->src,
			zl_rr_field_tok(ctx->zone, rr, (unsigned)f),
			{ "target", t->text });
	}
}

const struct zl_check zl_check_target_is_hostname = {
	.name = "target-is-hostname",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = target_is_hostname,
	.params = no_params,
	.vars = (const char *const[]){ "target", NULL },
};
