/* check_bimi.c - primitives for BIMI assertion records
 * (draft-brand-indicators-for-message-identification) at
 * <selector>._bimi.<domain>. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check_dmarc.h"

enum { P_SYNTAX, P_VERSION, P_URL, P_VALUE };
static const struct zl_variant_spec bimi_variants[] = {
	{ .key = "problem", .names = (const char *const[]){ "syntax", "version", "url",
	  "value", NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The label after the first of canonical text, or NULL when that is the
 * last: a dot escaped in a label ("\\.") separates none. */
static const char *next_label(const char *t)
{
	for (; *t; t++)
		if (*t == '\\' && t[1])
			t++;
		else if (*t == '.')
			return t[1] ? t + 1 : NULL;
	return NULL;
}

/* Whether the first label of canonical text is "_bimi" or "bimi". */
static bool bimi_label(const char *text)
{
	return strncmp(text + (text[0] == '_'), "bimi.", 5) == 0;
}

/* Whether owner is <selector>._bimi.<domain>: a label after the first
 * is "_bimi". */
static bool at_bimi(const char *owner)
{
	const char *l;

	for (l = next_label(owner); l; l = next_label(l))
		if (l[0] == '_' && strncmp(l, "_bimi.", 6) == 0)
			return true;
	return false;
}

/* Suffixes of image formats other than SVG: the draft's §4.3.2 makes an
 * l= URL ending in one of them a permanent error.  A URL without such a
 * suffix may still serve SVG. */
static const char *const raster[] = { ".png", ".jpg", ".jpeg", ".gif",
	".webp", ".bmp", ".ico", ".tif", ".tiff", ".avif", ".heic", NULL };

/* Whether the path of URL v of s (before any '?' or '#') ends in one of
 * the raster suffixes. */
static bool raster_url(const char *s, struct zl_tv_span v)
{
	uint32_t end, dot;
	size_t i;

	for (end = v.off; end < v.off + v.len && s[end] != '?' &&
	     s[end] != '#'; end++)
		;
	for (dot = end; dot > v.off && s[dot - 1] != '.' && s[dot - 1] != '/';
	     dot--)
		;
	if (dot == v.off || s[dot - 1] != '.')
		return false;
	for (i = 0; raster[i]; i++)
		if (zl_tv_eq(s, (struct zl_tv_span){ dot - 1, end - dot + 1 },
			     raster[i], true))
			return true;
	return false;
}

/* Whether host[0..n) of a URL is a domain name of two labels or more
 * (a final dot allowed), not an address. */
static bool fqdn(const char *host, size_t n)
{
	size_t i, dots = 0;

	if (n && host[n - 1] == '.')
		n--;
	if (!n || host[0] == '.' || host[0] == '[' || host[n - 1] == '.' ||
	    zl_text_is_address(host, n))
		return false;
	for (i = 0; i < n; i++) {
		if (host[i] != '.')
			continue;
		if (host[i + 1] == '.')
			return false;
		dots++;
	}
	return dots > 0;
}

/* Why the value of l= (logo) or a= is not an https URL, or NULL.  Both
 * may be empty: the domain declines to publish an indicator. */
static const char *url_problem(const char *s, struct zl_tv_span v, bool logo,
			       struct zl_tv_span *bad)
{
	struct zl_tv_span scheme;
	const char *why;

	const char *comma;

	*bad = v;
	if (v.len == 0)
		return NULL;
	if ((why = zl_tv_uri_check(s, v, &scheme, bad)))
		return why;
	/* "commas within a URI (ASCII 0x2C) MUST be encoded": a ',' would
	 * separate URIs, and l= and a= hold one */
	if ((comma = memchr(s + v.off, ',', v.len)) != NULL) {
		*bad = (struct zl_tv_span){ (uint32_t)(comma - s), 1 };
		return "a ',' in it must be written %2C: the tag holds a "
		       "single URI";
	}
	if (!zl_tv_eq(s, scheme, "https", true)) {
		*bad = scheme;
		return "it must be an https: URL";
	}
	*bad = v;
	if (logo && raster_url(s, v))
		return "the indicator must be an SVG file (.svg or .svgz)";
	if (!logo && zl_tv_uri_host(s, v, bad) && !fqdn(s + bad->off,
							  bad->len))
		return "the host must be a fully qualified domain name";
	*bad = v;
	return NULL;
}

/* The draft's §4.3: lps= is "true" or "false", avp= "personal" or
 * "brand", exactly so (%s in the ABNF; receivers must not fix case).
 * Later drafts make lps= a comma-separated list of local-part prefixes
 * instead (lps_list). */
static const struct {
	const char *tag, *values[3], *want;
} choices[] = {
	{ "lps", { "true", "false", NULL }, "true or false (or, by later "
	  "drafts, local-part prefixes separated by ',')" },
	{ "avp", { "personal", "brand", NULL }, "personal or brand" },
};

/* Whether lps= value v is a list of local-part prefixes, each of the
 * characters of a dot-atom (RFC 5322 §3.2.3), and not a spelling of yes
 * or no, which is the boolean of the draft's §4.3 mistyped. */
static bool lps_list(const char *s, struct zl_tv_span v)
{
	static const char *const booleans[] = { "true", "false", "yes", "no",
						"y", "n", "on", "off", "1",
						"0", NULL };
	struct zl_tv_span item;
	uint32_t pos = v.off, i;

	if (zl_tv_one_of(s, v, booleans))
		return false;
	while (zl_tv_next_item(s, v, ',', &pos, &item)) {
		if (item.len == 0)
			return false;
		for (i = item.off; i < item.off + item.len; i++)
			if (!((s[i] >= 'a' && s[i] <= 'z') ||
			      (s[i] >= 'A' && s[i] <= 'Z') ||
			      (s[i] >= '0' && s[i] <= '9') ||
			      (s[i] && strchr("!#$%&'*+-/?^_`{|}~.", s[i]))))
				return false;
	}
	return true;
}

static void check_values(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span bad;
	zl_finding f;
	size_t i, k;

	for (i = 0; i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];

		for (k = 0; k < sizeof choices / sizeof choices[0]; k++) {
			char *q, *msg;

			if (t->bad || t->cut ||
			    !zl_tv_eq(r->txt.s, t->name, choices[k].tag,
				      false) ||
			    zl_tv_eq(r->txt.s, t->value, choices[k].values[0],
				     false) ||
			    zl_tv_eq(r->txt.s, t->value, choices[k].values[1],
				     false) ||
			    (k == 0 && lps_list(r->txt.s, t->value)))
				continue;
			q = zl_tv_str(r->txt.s, t->value);
			bad = t->value.len ? t->value : t->spec;
			/* "avp=brand l=...": a ';' missing */
			if (!(msg = zl_tv_run_on_msg(r, t, &bad)))
				msg = zl_xasprintf("invalid value '%s' for %s=: "
					"it takes %s, in lower case%s", q,
					choices[k].tag, choices[k].want,
					k == 1 ? ", and receivers ignore "
					"another (or fail the record)" : "");
			f = zl_tv_emit(ctx, r, bad, msg);
			/* §4.3: "any other values MUST be ignored", though
			 * a provider MAY fail the record: a warning */
			if (k == 1)
				zl_emit_severity_default(ctx, f,
							 ZL_SEV_WARNING);
			free(msg);
			free(q);
		}
	}
}

/* Emits a warning at bytes bad of r: receivers may fetch nothing from
 * the logo URL of tag t, why. */
static void doubtful(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		     const struct zl_tv_tag *t, struct zl_tv_span bad,
		     const char *why)
{
	char *q = zl_tv_str(r->txt.s, t->value);
	char *msg = zl_xasprintf("BIMI logo URL l= '%s' may serve no "
				 "indicator: %s", q, why);

	zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, bad, msg),
				 ZL_SEV_WARNING);
	free(msg);
	free(q);
}

/* Reports the empty l= tag t of r when r's a= names evidence.  The
 * draft's §4.3.1 reads a record as declining only with l= and a= both
 * empty (§7.5), and §7.3 step 1 fails Indicator Discovery without a
 * valid location in l=: the record shows no indicator, whatever a=
 * holds, as one without l= (no_logo).  An a=self, the early drafts' word
 * for no evidence, is check_urls' warning. */
static void empty_logo(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		       const struct zl_tv_tag *t)
{
	const struct zl_tv_tag *a = zl_tv_find(&r->tv, r->txt.s, "a", false);

	if (!a || a->bad || a->cut || a->value.len == 0 ||
	    zl_tv_eq(r->txt.s, a->value, "self", true))
		return;
	zl_tv_emit(ctx, r, t->spec, "BIMI logo URL l= is empty but a= names "
		   "evidence: the record declines only with both empty, so "
		   "receivers show no indicator");
}

static void check_urls(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span bad;
	const char *why;
	size_t i;

	for (i = 0; i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];
		bool l = zl_tv_eq(r->txt.s, t->name, "l", false);

		/* a value that a ';' cuts is BIMI002's */
		if (t->bad || t->cut ||
		    (!l && !zl_tv_eq(r->txt.s, t->name, "a", false)))
			continue;
		if (l && t->value.len == 0) {
			empty_logo(ctx, r, t);
			continue;
		}
		if (!(why = url_problem(r->txt.s, t->value, l, &bad))) {
			if (l && t->value.len &&
			    (why = zl_tv_uri_doubtful(r->txt.s, t->value, &bad)))
				doubtful(ctx, r, t, bad, why);
			continue;
		}
		{
			char *q = zl_tv_str(r->txt.s, t->value);
			/* "l=https://... a=https://...": a ';' missing */
			char *msg = zl_tv_run_on_msg(r, t, &bad);

			bool self = !l && !msg &&
				    zl_tv_eq(r->txt.s, t->value, "self", true);
			zl_finding f;

			if (self)
				msg = zl_xstrdup("BIMI evidence a=self is the "
					"early drafts' word for none, which "
					"the draft now writes as an empty a=");
			else if (!msg)
				msg = zl_xasprintf("BIMI %s '%s' is invalid: %s",
						   l ? "logo URL l=" :
						   "evidence URL a=", q, why);
			f = zl_tv_emit(ctx, r, bad, msg);
			/* Receivers that kept the old word (Mail::BIMI)
			 * read it as no evidence: the logo may still show */
			if (self)
				zl_emit_severity_default(ctx, f,
							 ZL_SEV_WARNING);
			free(msg);
			free(q);
		}
	}
}

/* The tag of r named name in another case ("L" for "l"), or NULL.  The
 * draft's ABNF writes tag names case-sensitively (%x6c for l, %x61 for
 * a) and its §4.3 has receivers "NOT attempt to fix syntactical or
 * capitalization errors": they ignore such a tag as an unknown one. */
static const struct zl_tv_tag *case_slip(const struct zl_tv_rec *r,
					 const char *name)
{
	size_t i;

	for (i = 0; i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];

		if (!t->bad && zl_tv_eq(r->txt.s, t->name, name, true) &&
		    !zl_tv_eq(r->txt.s, t->name, name, false))
			return t;
	}
	return NULL;
}

/* Reports r, which has no l= tag.  The draft's §4.3 makes l= REQUIRED,
 * "if a required tag is missing ... it is an error", and §7.3 fails
 * Indicator Discovery without it.  A domain declines to publish with
 * both l= and a= empty, "v=BIMI1; l=; a=;" (§4.3.1; an a= left out is
 * empty, §4.3), which receivers report as bimi=declined (§7.5, §7.7).
 * So a record with an a= URL loses its indicator (an error), and one
 * without reads as a declination written short: receivers show no
 * indicator either way, but fail the record rather than read it so (a
 * warning). */
static void no_logo(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *a = zl_tv_find(&r->tv, r->txt.s, "a", false);
	const struct zl_tv_tag *l = case_slip(r, "l");
	bool decline = (!a || a->value.len == 0) &&
		       (!l || l->value.len == 0);
	zl_finding f;
	char *msg, *q;

	if (l) {
		/* "L=https://...": the logo meant, under a name receivers
		 * do not read */
		q = zl_tv_str(r->txt.s, l->name);
		msg = zl_xasprintf("tag '%s' is not l=: tag names are "
			"case-sensitive, so the record has no l= tag, which "
			"BIMI requires%s", q, decline ? " even to decline" :
			": receivers show no indicator");
		f = zl_tv_emit(ctx, r, l->name, msg);
		free(msg);
		free(q);
	} else {
		f = zl_tv_emit(ctx, r, zl_tv_head(r), decline ?
			"the record has no l= tag, which BIMI requires even "
			"to decline: receivers fail the record rather than "
			"read it as a declination, 'v=BIMI1; l=; a=;'" :
			"the record has no l= tag, which BIMI requires: "
			"receivers show no indicator, whatever a= holds");
	}
	if (decline)
		zl_emit_severity_default(ctx, f, ZL_SEV_WARNING);
}

/* The optional tags of r written in another case than the draft's
 * ("A=", "AVP="): receivers ignore them (case_slip), a warning.  An
 * "L=" with no l= beside it is no_logo's. */
static void slipped_tags(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	static const char *const names[] = { "l", "a", "lps", "avp", NULL };
	const struct zl_tv_tag *t;
	char *msg, *q;
	size_t k;

	for (k = 0; names[k]; k++) {
		if (!(t = case_slip(r, names[k])) ||
		    (k == 0 && !zl_tv_find(&r->tv, r->txt.s, "l", false)))
			continue;
		q = zl_tv_str(r->txt.s, t->name);
		msg = zl_xasprintf("tag '%s' is not %s=: tag names are "
				   "case-sensitive, so receivers ignore it",
				   q, names[k]);
		zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, t->name,
							 msg),
					 ZL_SEV_WARNING);
		free(msg);
		free(q);
	}
}

/* RFC 6376 §3.2 (the draft's §4.3 uses its tag-list): the syntax, and a
 * tag given twice invalidates the whole record. */
static void check_syntax(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	bool dup = false;
	char *n, *msg;
	size_t i;

	/* The rest of a cut tag-spec follows from its start: one
	 * finding, at the ';' that cuts it. */
	for (i = 0; i < r->tv.nerrs; i++)
		if (!r->tv.errs[i].follow)
			zl_tv_emit(ctx, r, r->tv.errs[i].at, r->tv.errs[i].msg);
	for (i = 0; i < r->tv.ntags; i++) {
		if (r->tv.tags[i].cut) {
			msg = zl_tv_cut_msg(r, &r->tv.tags[i], "tag", &at);
			zl_tv_emit(ctx, r, at, msg);
			free(msg);
		}
		if (r->tv.tags[i].dup < 0)
			continue;
		dup = true;
		n = zl_tv_str(r->txt.s, r->tv.tags[i].name);
		msg = zl_xasprintf("tag '%s' appears more than once, which "
				   "invalidates the record", n);
		zl_tv_emit(ctx, r, r->tv.tags[i].spec, msg);
		free(msg);
		free(n);
	}
	/* A syntax error or a tag given twice ("a=...; a=...") may be the
	 * l= tag misspelt: the finding about it is the one. */
	if (!r->tv.nerrs && !dup && !zl_tv_find(&r->tv, r->txt.s, "l", false))
		no_logo(ctx, r);
	slipped_tags(ctx, r);
}

/* A record receivers discard (the draft's §7.2): the name's BIMI lost,
 * or beside its BIMI record harmless (zl_tv_discarded). */
static void version_error(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	enum zl_severity sev = zl_tv_discarded(ctx, r, "BIMI1", false,
					       "bimi");
	struct zl_tv_span at;
	char *why, *msg;

	if (sev == ZL_SEV_OFF)
		return;
	why = zl_tv_version_why(r, "BIMI1", false, &at);
	msg = zl_xasprintf("%s, so receivers ignore the record", why);
	zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, at, msg), sev);
	free(msg);
	free(why);
}

/* The draft's §4.3: v=BIMI1 first; l= the logo (SVG over https) and a=
 * the evidence document (over https), each possibly empty; lps= and avp=
 * from short lists. */
static void bimi_record(struct zl_ctx *ctx)
{
	unsigned kind = zl_rule_variant(ctx->rule, 0);
	const struct zl_tv_rec *r;

	if (!at_bimi(ctx->rr->owner->text))
		return;
	r = zl_tv_of(ctx, ctx->rr);
	if (kind == P_VERSION) {
		if (!zl_tv_first_is(r, "v", "BIMI1", false))
			version_error(ctx, r);
		return;
	}
	if (!zl_tv_first_is(r, "v", "BIMI1", false))
		return;
	if (kind == P_SYNTAX)
		check_syntax(ctx, r);
	else if (kind == P_URL)
		check_urls(ctx, r);
	else
		check_values(ctx, r);
}

const struct zl_check zl_check_bimi_record = {
	.name = "bimi-record",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = bimi_record,
	.variants = bimi_variants,
	.params = no_params,
	.vars = (const char *const[]){ "message", NULL },
};

/* The draft's §7.2 step 9: with several BIMI records at the name,
 * receivers perform no BIMI processing. */
static void bimi_multiple(struct zl_ctx *ctx)
{
	if (at_bimi(ctx->name->text))
		zl_tv_multiple(ctx, "BIMI1", false, "BIMI");
}

/* ---- bimi-dmarc ---- */

/* The DMARC record a receiver's query for _dmarc.<domain> gets from the
 * run, through CNAMEs and DNAMEs (a domain often points it at a
 * provider's): its zone in *z, the record in *at; NULL when there is
 * none, and *known false when the answer is not the run's to give. */
static const struct zl_tv_rec *dmarc_at(struct zl_ctx *ctx, const char *domain,
					const struct zl_zone **z,
					const struct zl_rr **at, bool *known)
{
	char q[ZL_NAME_TEXT_MAX + 8];
	const struct zl_tv_rec *r;
	const struct zl_rr *rr;
	struct zl_at a;

	*known = false;
	if (snprintf(q, sizeof q, "_dmarc.%s", zl_name_tail(domain)) >=
	    (int)sizeof q)
		return NULL;
	switch (zl_answer(ctx, q, &a)) {
	case ZL_ANSWER_NAME:
		break;
	case ZL_ANSWER_NONE:
		*known = true;
		return NULL;
	default:
		return NULL;
	}
	*known = true;
	for (rr = zl_first_rr(a.zone, a.name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(a.zone, rr))
		if (zl_dmarc_looks(r = zl_tv_in(ctx, a.zone, rr))) {
			*z = a.zone;
			*at = rr;
			return r;
		}
	return NULL;
}

/* What keeps policy tag t of DMARC record r from enforcement as the
 * draft asks it (p=quarantine at pct=100, or p=reject), or NULL; into
 * buf. */
static const char *not_enforced(const struct zl_tv_rec *r,
				const struct zl_tv_tag *t, char *buf,
				size_t n)
{
	const char *s = r->txt.s;
	const struct zl_tv_tag *pct = zl_tv_find(&r->tv, s, "pct", false);

	if (zl_tv_eq(s, t->value, "reject", true))
		return NULL;
	if (zl_tv_eq(s, t->value, "quarantine", true) &&
	    (!pct || zl_tv_eq(s, pct->value, "100", false)))
		return NULL;
	snprintf(buf, n, "%.*s=%.*s%s%.*s", (int)t->name.len, s + t->name.off,
		 (int)t->value.len, s + t->value.off, pct ? " with pct=" : "",
		 pct ? (int)pct->value.len : 0, pct ? s + pct->value.off : "");
	return buf;
}

/* What in DMARC record d keeps receivers from showing an indicator, or
 * NULL: p= that is no enforcement, sp=none, or RFC 9989's t=y (§4.7: the
 * policy one level down); with via_sp, when the domain has no record of
 * its own and d's sp= (or p=) is its policy, that policy first.  A
 * broken policy is NULL: DMARC's rules report it. */
static const char *unenforced(const struct zl_tv_rec *d, bool via_sp,
			      char *buf, size_t n)
{
	const char *s = d->txt.s, *why = NULL;
	const struct zl_tv_tag *p = zl_tv_find(&d->tv, s, "p", false);
	const struct zl_tv_tag *sp = zl_tv_find(&d->tv, s, "sp", false), *t;

	if (!p || p->bad || (via_sp && sp && sp->bad))
		return NULL;
	if (via_sp && sp)
		why = not_enforced(d, sp, buf, n);
	if (!why)
		why = not_enforced(d, p, buf, n);
	if (!why && sp && !sp->bad && zl_tv_eq(s, sp->value, "none", true))
		why = "sp=none";
	if (!why && (t = zl_tv_find(&d->tv, s, "t", false)) &&
	    zl_tv_eq(s, t->value, "y", true))
		why = "t=y, a policy in testing";
	return why;
}

/* The draft's §4 and §7.1 steps 7 to 9: a receiver shows a domain's
 * indicator only for mail under a DMARC policy of enforcement,
 * p=quarantine at 100% or p=reject, with no sp=none, in the record of
 * the domain and in the record of its organisational domain both: an
 * organisational domain at p=none keeps the indicators of its
 * subdomains hidden, whatever their own records say.  A domain without
 * a record of its own is under the organisational domain's sp= (or p=).
 * As far as the run holds the records; a record that declines (l=
 * empty) asks nothing. */
static void bimi_dmarc(struct zl_ctx *ctx)
{
	const char *owner = ctx->rr->owner->text, *domain = owner, *org;
	const char *why = NULL;
	const struct zl_tv_rec *r = zl_tv_of(ctx, ctx->rr), *d, *od = NULL;
	const struct zl_tv_tag *l;
	const struct zl_zone *z = NULL, *oz;
	const struct zl_rr *at = NULL, *oat;
	char buf[96];
	zl_finding f;
	bool known;

	if (!at_bimi(owner) || !zl_tv_first_is(r, "v", "BIMI1", false) ||
	    !(l = zl_tv_find(&r->tv, r->txt.s, "l", false)) ||
	    l->value.len == 0)
		return;
	while (strncmp(domain, "_bimi.", 6) != 0)
		domain = next_label(domain);
	domain = next_label(domain) ? next_label(domain) : ".";
	d = dmarc_at(ctx, domain, &z, &at, &known);
	if (!d && !known)
		return;		/* the policy is not the run's to tell */
	if (d)
		why = unenforced(d, false, buf, sizeof buf);
	if (!why && strcmp(org = zl_dmarc_top(ctx, domain), domain) != 0 &&
	    (od = dmarc_at(ctx, org, &oz, &oat, &known)) != NULL &&
	    (why = unenforced(od, !d, buf, sizeof buf)) != NULL) {
		z = oz;
		at = oat;
	}
	if (!why)
		return;		/* enforced, or no policy: DMARC015's */
	f = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, r->tv.tags[0].spec),
		    { "policy", why }, { "domain", at->owner->text });
	zl_emit_note_in(ctx, f, z, at->src, at->text, "the DMARC record at "
			"'%s'", at->owner->text);
}

const struct zl_check zl_check_bimi_dmarc = {
	.name = "bimi-dmarc",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = bimi_dmarc,
	.params = no_params,
	/* policy: the tag that is no enforcement ("p=none"); domain: the
	 * owner of the DMARC record */
	.vars = (const char *const[]){ "policy", "domain", NULL },
};

const struct zl_check zl_check_bimi_multiple = {
	.name = "bimi-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = bimi_multiple,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* The draft's §4.3: receivers look for a selector's record at
 * <selector>._bimi.<domain> only; a v=BIMI1 record anywhere else is never
 * read.  The place meant: "_bimi." or "bimi." first (the selector left
 * out) names the domain after it, "<selector>.bimi." the selector too,
 * else the owner is the domain; the selector is "default" unless named. */
static void bimi_placement(struct zl_ctx *ctx)
{
	const char *owner = ctx->rr->owner->text, *second = next_label(owner);
	const char *domain = owner;
	int sel = 7;
	const char *selector = "default";
	const struct zl_tv_rec *r;
	char *want;

	/* A wildcard answers at the selector's name too (RFC 4592). */
	if (at_bimi(owner) || owner[0] == '*' ||
	    !zl_txt_may_start_v(ctx->zone, ctx->rr, "BIMI1") ||
	    !zl_tv_first_is(r = zl_tv_of(ctx, ctx->rr), "v", "BIMI1", false))
		return;
	if (bimi_label(owner)) {
		domain = second ? second : ".";
	} else if (second && bimi_label(second)) {
		selector = owner;
		sel = (int)(second - owner - 1);
		domain = next_label(second) ? next_label(second) : ".";
	}
	/* An alias at the selector's name may lead here; a hosted
	 * service's name for a customer is no misspelt one. */
	if ((ctx->rr->owner->refs & ZL_REF_CNAME) ||
	    (domain == owner && zl_name_aliased(ctx->zone, ctx->rr->owner)))
		return;
	want = zl_xasprintf("%.*s._bimi.%s", sel, selector,
			    zl_name_tail(domain == owner ?
					 zl_text_served(owner) : domain));
	ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, r->tv.tags[0].spec),
		{ "expected", want });
	free(want);
}

const struct zl_check zl_check_bimi_placement = {
	.name = "bimi-placement",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = bimi_placement,
	.params = no_params,
	.vars = (const char *const[]){ "expected", NULL },
};
