/* check_bimi.c - primitives for BIMI assertion records
 * (draft-brand-indicators-for-message-identification) at
 * <selector>._bimi.<domain>. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tagvalue.h"

static const char *const problems[] = { "syntax", "version", "url", NULL };

static const struct zl_param_spec bimi_params[] = {
	{ .key = "problem", .type = ZL_PT_ENUM, .dflt = "syntax",
	  .choices = problems },
	{ .key = NULL },
};

/* Why the value of l= (svg) or a= is not an https URL, or NULL.  Both
 * may be empty: the domain declines to publish an indicator. */
static const char *url_problem(const char *s, struct zl_tv_span v, bool svg,
			       struct zl_tv_span *bad)
{
	struct zl_tv_span scheme;
	const char *why;
	uint32_t end;

	*bad = v;
	if (v.len == 0)
		return NULL;
	if ((why = zl_tv_uri_check(s, v, &scheme, bad)))
		return why;
	if (!zl_tv_eq(s, scheme, "https", true)) {
		*bad = scheme;
		return "it must be an https: URL";
	}
	for (end = v.off; end < v.off + v.len && s[end] != '?' &&
	     s[end] != '#'; end++)
		;
	*bad = v;
	if (svg && (end - v.off < 4 ||
		    !zl_tv_eq(s, (struct zl_tv_span){ end - 4, 4 }, ".svg",
			      true)))
		return "the indicator must be an SVG file (.svg)";
	return NULL;
}

/* The draft's §4.2: v=BIMI1 first; l= the logo (an SVG over https) and
 * a= the evidence document (over https), each possibly empty. */
static void bimi_record(struct zl_ctx *ctx)
{
	const char *kind = zl_rule_str(ctx->rule, "problem");
	const struct zl_tv_rec *r;
	struct zl_tv_span bad;
	const char *why;
	size_t i;

	if (!strstr(ctx->rr->owner->text, "._bimi."))
		return;
	r = zl_tv_of(ctx, ctx->rr);
	if (strcmp(kind, "version") == 0) {
		if (!zl_tv_first_is(r, "v", "BIMI1", false))
			zl_tv_emit(ctx, r, r->tv.ntags ? r->tv.tags[0].spec :
				(struct zl_tv_span){ 0, (uint32_t)r->txt.len },
				"the record does not start with 'v=BIMI1', so "
				"receivers ignore it");
		return;
	}
	if (!zl_tv_first_is(r, "v", "BIMI1", false))
		return;
	for (i = 0; strcmp(kind, "syntax") == 0 && i < r->tv.nerrs; i++)
		zl_tv_emit(ctx, r, r->tv.errs[i].at, r->tv.errs[i].msg);
	for (i = 0; strcmp(kind, "url") == 0 && i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];
		bool l = zl_tv_eq(r->txt.s, t->name, "l", false);

		if (t->bad || (!l && !zl_tv_eq(r->txt.s, t->name, "a", false)) ||
		    !(why = url_problem(r->txt.s, t->value, l, &bad)))
			continue;
		{
			char *q = zl_tv_str(r->txt.s, t->value);
			char *msg = zl_xasprintf("BIMI %s '%s' is invalid: %s",
						 l ? "logo URL l=" :
						 "evidence URL a=", q, why);

			zl_tv_emit(ctx, r, bad, msg);
			free(msg);
			free(q);
		}
	}
}

const struct zl_check zl_check_bimi_record = {
	.name = "bimi-record",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = bimi_record,
	.params = bimi_params,
	.vars = (const char *const[]){ "message", NULL },
};
