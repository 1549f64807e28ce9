/* emit.c - findings of primitives: rendering a rule's templates, leaving out follow-ons, matching under the rule's budget. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"

static const char *var_value(const struct zl_ctx *ctx,
			     const struct zl_var *vars, size_t nvars,
			     const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len &&
		    memcmp(vars[i].name, name, len) == 0)
			return vars[i].value;
	if (len == 5 && memcmp(name, "owner", 5) == 0) {
		if (ctx->name)
			return ctx->name->text;
		if (ctx->rr)
			return ctx->rr->owner->text;
		return ctx->zone->origin ? ctx->zone->origin->text : "";
	}
	if (len == 4 && memcmp(name, "type", 4) == 0) {
		if (ctx->rr)
			return zl_type_str(ctx->rr->type);
		if (ctx->set)
			return zl_type_str(ctx->set->type);
	}
	return NULL;
}

/* Whether what b holds is blanks at most: a value put there heads the
 * text, where a line may start, and a "::" it starts with is escaped
 * (docs/limits.md); after other text it is shown as written. */
static bool heads(const struct zl_buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		if (b->s[i] != ' ')
			return false;
	return true;
}

/* Fills a template: {var} becomes the escaped value, {{ and }} literal
 * braces.  The loader has checked that the check declares every
 * placeholder, but a check supplies some of them in some of its variants
 * or scopes only: one it did not supply this time is left as written,
 * which tells a rule's author as much (the built-in rules never leave
 * one: tests/authoring.sh). */
static void render(const struct zl_ctx *ctx, const char *tpl,
		   const struct zl_var *vars, size_t nvars, struct zl_buf *b)
{
	const char *p = tpl, *q, *v;

	zl_buf_add(b, "", 0);
	while (*p) {
		q = p + strcspn(p, "{}");
		zl_buf_add_escaped(b, p, (size_t)(q - p));
		if (!*q)
			break;
		if (q[1] == q[0] || !(p = strchr(q, '}')) || *q == '}') {
			zl_buf_addc(b, *q);
			p = q + (q[1] == q[0] ? 2 : 1);
			continue;
		}
		v = var_value(ctx, vars, nvars, q + 1, (size_t)(p - q - 1));
		if (v && heads(b))
			zl_buf_add_escaped(b, v, strlen(v));
		else if (v)
			zl_buf_add_escaped_inline(b, v, strlen(v));
		else
			zl_buf_add_escaped(b, q, (size_t)(p + 1 - q));
		p++;
	}
}

/* A file several zones include says the same in each: a note at each
 * $INCLUDE from the file up to the zone's own tells them apart (a
 * $GENERATE's text stands where its directive does). */
static void included_from(struct zl_ctx *ctx, zl_finding f, uint16_t src)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_src *s = z->srcs[src];
	size_t depth;

	if (s->gen_parts)
		s = z->srcs[s->gen_src];
	for (depth = 0; s->included && depth < z->nsrcs; depth++) {
		zl_emit_note(ctx, f, s->inc_src, s->inc_at,
			     "included from here");
		s = z->srcs[s->inc_src];
	}
}

zl_finding zl_emit_vars(struct zl_ctx *ctx, uint16_t src, struct zl_tok at,
			const struct zl_var *vars, size_t nvars)
{
	const struct zl_rule *r = ctx->rule;
	struct zl_buf msg = { 0 }, help = { 0 }, fix = { 0 };
	struct zl_diag *d;
	struct zl_loc loc;
	size_t i;

	if (r->severity == ZL_SEV_OFF ||
	    (ctx->broken && zl_broken_on(ctx->broken, r, src, at)))
		return ZL_NO_FINDING;
	loc = zl_zone_loc(ctx->zone, src, at);
	if (ctx->sink && zl_sink_drops(ctx->sink, ctx->ri, src, at, loc.line))
		return ZL_NO_FINDING;
	render(ctx, r->message, vars, nvars, &msg);
	if (ctx->sink && zl_sink_absorbs(ctx->sink, ctx->ri, src, at, loc.line,
					 msg.s)) {
		zl_buf_free(&msg);
		return ZL_NO_FINDING;
	}
	d = zl_diags_add(ctx->out, r->id, r->severity, &loc, "%s", msg.s);
	if (ctx->sink)
		zl_sink_keep(ctx->sink, ctx->ri, src, at, loc.line,
			     ctx->out->n - 1);
	if (ctx->broken && r->breaks && ctx->rr)
		zl_broken_mark(ctx->broken, ctx->rr);
	d->name = zl_xstrdup(r->name);
	/* a help that renders to nothing (a check's variable left empty
	 * where it has no advice) is none */
	if (r->help) {
		render(ctx, r->help, vars, nvars, &help);
		if (help.len > 0)
			d->help = help.s;
		else
			zl_buf_free(&help);
	}
	for (i = 0; i < nvars; i++) {
		if (strcmp(vars[i].name, "fix") == 0 && vars[i].value) {
			zl_buf_add(&fix, "", 0);
			zl_buf_add_escaped(&fix, vars[i].value,
					   strlen(vars[i].value));
			d->fixit = fix.s;
			break;
		}
	}
	zl_buf_free(&msg);
	included_from(ctx, (zl_finding)(d - ctx->out->v), src);
	return (zl_finding)(d - ctx->out->v);
}

void zl_emit_severity(struct zl_ctx *ctx, zl_finding f, enum zl_severity sev)
{
	if (f != ZL_NO_FINDING)
		ctx->out->v[f].sev = sev;
}

void zl_emit_severity_default(struct zl_ctx *ctx, zl_finding f,
			      enum zl_severity sev)
{
	if (ctx->rule->severity == ctx->rule->default_severity)
		zl_emit_severity(ctx, f, sev);
}

static void note_v(struct zl_ctx *ctx, zl_finding f, const struct zl_zone *z,
		   uint16_t src, struct zl_tok at, const char *fmt, va_list ap)
{
	struct zl_diag *d;
	struct zl_loc loc;
	char *msg;

	if (f == ZL_NO_FINDING)
		return;
	d = &ctx->out->v[f];
	/* Only the zone's own records can be broken in this run. */
	if (z == ctx->zone && ctx->broken &&
	    zl_broken_on(ctx->broken, ctx->rule, src, at))
		zl_broken_drop(ctx->broken, (size_t)(d - ctx->out->v));
	msg = zl_xvasprintf(fmt, ap);
	loc = zl_zone_loc(z, src, at);
	zl_diag_note(d, &loc, msg);
	free(msg);
}

void zl_emit_note(struct zl_ctx *ctx, zl_finding f, uint16_t src,
		  struct zl_tok at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	note_v(ctx, f, ctx->zone, src, at, fmt, ap);
	va_end(ap);
}

void zl_emit_note_in(struct zl_ctx *ctx, zl_finding f,
		     const struct zl_zone *z, uint16_t src, struct zl_tok at,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	note_v(ctx, f, z, src, at, fmt, ap);
	va_end(ap);
}

void zl_emit_stopped(struct zl_diags *out, const struct zl_zone *z,
		    const struct zl_rule *r, const struct zl_rr *rr)
{
	struct zl_loc loc;
	struct zl_diag *d;

	if (rr)
		loc = zl_zone_loc(z, rr->src, rr->text);
	d = zl_diags_add(out, NULL, ZL_SEV_WARNING, rr ? &loc : NULL,
			 "rule %s stopped: its patterns used up their budget "
			 "of %d PCRE2 match steps for this run", r->id,
			 ZL_REGEX_BUDGET);
	d->help = zl_xstrdup("simplify the pattern: nested quantifiers such "
			     "as (a+)+ backtrack exponentially");
}

int zl_ctx_match(struct zl_ctx *ctx, const pcre2_code *re, const char *s,
		 size_t len)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	const struct zl_rr *rr = ctx->rr;
	enum zl_match m;

	if (!md)
		zl_oom(0);
	m = zl_ruleset_match(ctx->rs, ctx->ri, re, md, s, len);
	pcre2_match_data_free(md);
	if (!rr && ctx->set)
		rr = &ctx->zone->rrs[ctx->set->first];
	else if (!rr && ctx->name && zl_name_sets(ctx->name))
		rr = &ctx->zone->rrs[zl_name_sets(ctx->name)->first];
	if (m == ZL_MATCH_STOP)
		zl_emit_stopped(ctx->out, ctx->zone, ctx->rule, rr);
	return m == ZL_MATCH_YES ? 1 : m == ZL_MATCH_NO ? 0 : -1;
}
