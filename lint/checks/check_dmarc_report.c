/* check_dmarc_report.c - primitives for the report URIs of DMARC records
 * (RFC 7489 §6.2, §6.4, §7.1; RFC 9989): each URI, how many, and the
 * authorisation of destinations outside the policy's organisational
 * domain.  The syntax of one URI is check_dmarc.c's. */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_dmarc.h"

/* ---- rua and ruf ---- */

static const char *const uri_problems[] = { "invalid", "count", "repeat",
					    NULL };

enum { U_INVALID, U_COUNT, U_REPEAT };
static const struct zl_variant_spec uri_variants[] = {
	{ .key = "problem", .names = uri_problems },
	{ .key = NULL },
};

static const struct zl_param_spec uri_params[] = {
	{ .key = "max", .type = ZL_PT_INT, .dflt = "2", .min = 1, .max = 100 },
	{ .key = NULL },
};

/* DMARC011's help, but for a character a URI holds only
 * percent-encoded (zl_tv_uri_fix). */
static const char uri_help[] = "write each address as mailto:user@domain, "
			       "separated by commas";

/* Emits DMARC011 at bytes sp of r about URI item, invalid or (valid
 * but doubtful) one that may get no report: detail why. */
static zl_finding uri_emit(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			   struct zl_tv_span item, struct zl_tv_span sp,
			   const char *why, bool valid)
{
	struct zl_tv_span uri = zl_dmarc_split_uri(r->txt.s, item).uri;
	char *q = zl_tv_str(r->txt.s, item);
	char *msg = zl_tv_uri_msg(r->txt.s, uri, q, why, valid);
	char *fix = valid ? NULL : zl_tv_uri_fix(r->txt.s, uri, sp);
	zl_finding d = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, sp),
			       { "message", msg }, { "uri", q },
			       { "detail", why },
			       { "hint", fix ? fix : uri_help });

	free(fix);
	free(msg);
	free(q);
	return d;
}

/* DMARC012: the URI of tag t of r after the first max valid ones (an
 * invalid one is DMARC011's, and no address receivers send to).  RFC
 * 7489 §6.2 lets receivers limit the URIs they send to, as long as they
 * support two: the finding names the tag, rua or ruf. */
static void count_uris(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		       const struct zl_tv_tag *t)
{
	long max = zl_rule_int(ctx->rule, "max"), n = 0;
	uint32_t pos = t->value.off;
	struct zl_tv_span item, bad;
	struct zl_dmarc_uri u;
	char m[24], *name;

	while (zl_tv_next_uri(r->txt.s, t->value, &pos, &item)) {
		u = zl_dmarc_split_uri(r->txt.s, item);
		if (zl_dmarc_uri_problem(r->txt.s, &u, &bad) || ++n <= max)
			continue;
		snprintf(m, sizeof m, "%ld", max);
		name = zl_tv_str(r->txt.s, t->name);
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, item), { "max", m },
			{ "tag", name });
		free(name);
		return;
	}
}

/* DMARC017: the valid URIs of tag t of r that an earlier one names
 * again, a "!size" aside. */
static void repeated_uris(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			  const struct zl_tv_tag *t)
{
	struct zl_tv_span item, bad, *items = NULL, *uris = NULL;
	size_t n = 0, cap = 0, cap2 = 0;
	uint32_t pos = t->value.off;
	struct zl_dmarc_uri u;
	char *name;

	while (zl_tv_next_uri(r->txt.s, t->value, &pos, &item)) {
		u = zl_dmarc_split_uri(r->txt.s, item);
		if (zl_dmarc_uri_problem(r->txt.s, &u, &bad))
			continue;
		zl_xgrow((void **)&items, &cap, n + 1, sizeof *items);
		zl_xgrow((void **)&uris, &cap2, n + 1, sizeof *uris);
		items[n] = item;
		uris[n++] = u.uri;
	}
	/* the tag's name is quoted for a list that may repeat a URI */
	if (n > 1) {
		name = zl_tv_str(r->txt.s, t->name);
		zl_tv_emit_repeats(ctx, r, items, uris, n, name);
		free(name);
	}
	free(items);
	free(uris);
}

/* Why valid URI uri of s may get no report for its scheme, or NULL:
 * "Any valid URI can be specified", but receivers need support only
 * mailto: and ignore the URIs they do not support (RFC 7489 §6.2, RFC
 * 9989 §4.7), and no RFC defines another way to send a report.  *bad
 * gets the scheme. */
static const char *scheme_unsupported(const char *s, struct zl_tv_span uri,
				      struct zl_tv_span *bad)
{
	uint32_t n = 0;

	while (n < uri.len && s[uri.off + n] != ':')
		n++;
	*bad = (struct zl_tv_span){ uri.off, n };
	if (zl_tv_eq(s, *bad, "mailto", true))
		return NULL;
	return "receivers need support only mailto: URIs and ignore others";
}

/* DMARC011: the URIs of tag t of r that are invalid or doubtful. */
static void check_uris(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		       const struct zl_tv_tag *t)
{
	const char *s = r->txt.s;
	uint32_t pos = t->value.off;
	struct zl_tv_span item, bad, lost = { 0, 0 };
	const char *why;
	struct zl_dmarc_uri u;
	char *run_on = zl_tv_run_on_msg(r, t, &lost);
	uint32_t prev = pos, end = t->value.off + t->value.len;
	bool was_bad = false;

	for (; zl_tv_next_uri(s, t->value, &pos, &item);
	     prev = item.off + item.len) {
		/* the URI a ';' cuts: DMARC005 says so */
		if (t->cut && pos > end)
			break;
		u = zl_dmarc_split_uri(s, item);
		/* RFC 7489 §6.4: dmarc-urilist is *WSP "," *WSP between
		 * URIs: no line break. */
		for (bad.off = prev; bad.off < item.off &&
		     s[bad.off] != '\r' && s[bad.off] != '\n'; bad.off++)
			;
		bad.len = 1;
		if (bad.off < item.off) {
			char *q = zl_tv_str(s, bad);
			char *msg = zl_xasprintf("control character '%s' "
				"around ',': only spaces and tabs may surround "
				"the ',' between report URIs", q);

			ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, bad),
				{ "message", msg }, { "uri", q },
				{ "detail", msg }, { "hint", uri_help });
			free(msg);
			free(q);
		}
		if (run_on && lost.off > item.off &&
		    lost.off < item.off + item.len) {
			uri_emit(ctx, r, item, lost, run_on, false);
			continue;
		}
		why = zl_dmarc_uri_problem(s, &u, &bad);
		/* "mailt,:a@...": a ',' right after a bad URI, no blank at
		 * it, makes a second bad one of its rest: the finding about
		 * the first is the one.  A URI with a scheme after it is one
		 * of its own. */
		if (why && !(was_bad && item.off == prev + 1 &&
			     s[prev] == ',' && !zl_tv_has_scheme(s, item)))
			uri_emit(ctx, r, item, bad.len ? bad : item, why,
				 false);
		was_bad = why != NULL;
		if (!why && ((why = zl_tv_uri_doubtful(s, u.uri, &bad)) ||
			     (why = scheme_unsupported(s, u.uri, &bad))))
			zl_emit_severity_default(ctx, uri_emit(ctx, r, item,
				bad, why, true), ZL_SEV_WARNING);
	}
	free(run_on);
}

/* RFC 7489 §6.4 (dmarc-urilist), §6.2 and RFC 9989 §4.7: rua and ruf are
 * comma-separated URIs with an optional "!size"; receivers need support
 * only two of them, and send a report to each. */
static void dmarc_report_uris(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, false);
	unsigned kind = zl_rule_variant(ctx->rule, 0);
	size_t i;

	for (i = 0; r && i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];

		if (!zl_dmarc_uri_tag(r, t))
			continue;
		if (kind == U_COUNT)
			count_uris(ctx, r, t);
		else if (kind == U_REPEAT)
			repeated_uris(ctx, r, t);
		else
			check_uris(ctx, r, t);
	}
}

const struct zl_check zl_check_dmarc_report_uris = {
	.name = "dmarc-report-uris",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_report_uris,
	.variants = uri_variants,
	.params = uri_params,
	/* invalid: message (zl_tv_uri_msg), uri (zl_tv_str: cut when long)
	 * and detail, the URI parser's words for what is wrong, and hint,
	 * the fix (zl_tv_uri_fix) or the usual form; count: max and tag,
	 * the tag's name as written; repeat: message */
	.vars = (const char *const[]){ "message", "uri", "detail", "hint",
				       "max", "tag", NULL },
};

/* The destination host of URI u as a canonical name ("dest.example."),
 * or NULL; the caller frees it.  RFC 6068 §2 and RFC 3986 §3.2.2 let a
 * domain hold percent escapes ("ex%61mple.com"): each is its byte.  Those
 * of UTF-8 write an internationalised name, which senders look up as its
 * A-label (RFC 5891 §5), the name a zone holds: *idn gets the host as
 * written then (the caller frees it), else NULL. */
static char *dest_name(const char *s, const struct zl_dmarc_uri *u,
		       char **idn)
{
	struct zl_tv_span h, bad;
	uint32_t i, end;
	size_t n = 0;
	char *d, *a, c;

	*idn = NULL;
	if (zl_dmarc_uri_problem(s, u, &bad) || !zl_tv_uri_host(s, u->uri, &h) ||
	    h.len == 0)
		return NULL;
	if ((a = zl_tv_host_alabel(s, h)) != NULL) {
		*idn = zl_tv_str(s, h);
		d = zl_xasprintf("%s.", a);
		free(a);
		return d;
	}
	/* The host decoded and lower-cased, with a final dot; a valid
	 * URI's escapes are well formed. */
	d = zl_xmalloc(h.len + 2);
	for (i = h.off, end = h.off + h.len; i < end; i++) {
		c = s[i];
		if (c == '%') {
			c = (char)(zl_hex_digit(s[i + 1]) << 4 |
				   zl_hex_digit(s[i + 2]));
			i += 2;
		}
		if (!c || (unsigned char)c >= 0x80) {
			free(d);
			return NULL;
		}
		d[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	if (d[n - 1] != '.')
		d[n++] = '.';
	d[n] = '\0';
	return d;
}

/* Whether the name at holds a TXT record that is v=DMARC1. */
static bool authorised_at(struct zl_ctx *ctx, struct zl_at at)
{
	const struct zl_rr *rr;

	for (rr = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(at.zone, rr))
		if (zl_dmarc_is_record(zl_tv_in(ctx, at.zone, rr)))
			return true;
	return false;
}

/* A note at the CNAME of name, when the receiver's query for it went on
 * to another name. */
static void note_alias(struct zl_ctx *ctx, zl_finding f, const char *name)
{
	struct zl_at at = zl_lookup(ctx, name);
	const struct zl_rr *cn = zl_first_rr(at.zone, at.name,
					     LDNS_RR_TYPE_CNAME);

	if (cn && cn->nrdf >= 1 && zl_rdf_name(&cn->rdf[0]))
		zl_emit_note_in(ctx, f, at.zone, cn->src,
				zl_rr_type_tok(at.zone, cn), "the CNAME of "
				"'%s' sends the query to '%s'", name,
				zl_rdf_name(&cn->rdf[0])->text);
}

/* Checks one report URI of the policy for domain. */
static void check_dest(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		       const char *domain, const struct zl_dmarc_uri *u)
{
	char *idn, *dest = dest_name(r->txt.s, u, &idn), *want = NULL;
	char *written = NULL;
	struct zl_at at;
	zl_finding f;

	/* The destination's zone: this one or another of the run.  The
	 * policy's own domain, the usual destination, is in its own
	 * organisational domain. */
	if (!dest || strcmp(dest, domain) == 0 || !zl_zone_of(ctx, dest) ||
	    zl_strcasecmp(zl_dmarc_org(ctx, dest), zl_dmarc_org(ctx, domain)) == 0)
		goto out;
	want = zl_xasprintf("%.*s._report._dmarc.%s",
			    (int)strlen(domain) - 1, domain, dest);
	/* The receiver's query for it, as the run's zones answer it: the
	 * name, or the wildcard that answers for it (*._report._dmarc.<dest>
	 * as RFC 7489 §7.1 shows, RFC 4592), through CNAMEs and DNAMEs (RFC
	 * 6672 §2.2).  A query that fails (YXDOMAIN, a loop) cannot be
	 * judged, nor can a name no zone of the run holds or one delegated
	 * to a zone it lacks. */
	switch (zl_answer(ctx, want, &at)) {
	case ZL_ANSWER_NAME:
		if (authorised_at(ctx, at))
			goto out;
		break;
	case ZL_ANSWER_NONE:
		break;
	default:
		goto out;
	}
	/* an internationalised one: the A-label beside the name written */
	written = idn ? zl_xasprintf(" (the A-label of '%s')", idn) :
		  zl_xstrdup("");
	f = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, u->all),
		    { "destination", dest }, { "written", written },
		    { "record", want });
	(void)zl_note_dnames(ctx, f, want);
	note_alias(ctx, f, want);
	zl_note_target(ctx, f, at, at.name ? at.name->text : want,
		       LDNS_RR_TYPE_TXT);
out:
	free(written);
	free(idn);
	free(dest);
	free(want);
}

/* RFC 7489 §7.1, RFC 9989: a report destination outside the policy's
 * organisational domain must consent with a v=DMARC1 record at
 * <domain>._report._dmarc.<destination>, or receivers drop the URI.  Only
 * destinations in the zones of the run can be checked; others are never
 * reported. */
static void dmarc_report_auth(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, true);
	uint32_t pos;
	size_t i;

	for (i = 0; r && i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];
		struct zl_tv_span item;

		if (!zl_dmarc_uri_tag(r, t))
			continue;
		pos = t->value.off;
		while (zl_tv_next_uri(r->txt.s, t->value, &pos, &item)) {
			struct zl_dmarc_uri u = zl_dmarc_split_uri(r->txt.s, item);

			check_dest(ctx, r, ctx->rr->owner->text + 7, &u);
		}
	}
}

const struct zl_check zl_check_dmarc_report_auth = {
	.name = "dmarc-report-auth",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_report_auth,
	.params = zl_dmarc_profile_params,
	.vars = (const char *const[]){ "destination", "written", "record",
				       NULL },
};

