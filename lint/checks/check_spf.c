/* check_spf.c - primitives for one SPF record and the SPF records of one
 * name (RFC 7208); what they read of a record, for check_spf_zone.c too.
 * The zone-wide ones (includes, redirects, lookups) are in
 * check_spf_zone.c. */
#include <assert.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_spf.h"
#include "nearest.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };


/* Case-insensitive comparison of the first n bytes of s with word. */
static bool prefix_eq(const char *s, const char *word, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];

		if (c != word[i])
			return false;
	}
	return true;
}

/* Bytes of whitespace at the start of t. */
static size_t lead_ws(const struct zl_txt *t)
{
	size_t i = 0;

	while (i < t->len && t->s[i] && strchr(" \t\r\n", t->s[i]))
		i++;
	return i;
}

/* Whether t starts like SPF, maybe after whitespace: "v=spf" in any
 * case, whatever follows ("v=spf1-all", "v=spfv1", "v=spf2").  Sender
 * ID's "spf2.0/" records (RFC 4406) do not. */
static bool looks_spf(const struct zl_txt *t)
{
	size_t lead = lead_ws(t);

	return t->len - lead >= 5 && prefix_eq(t->s + lead, "v=spf", 5);
}

/* What every TXT record that is not SPF, nor starts like it, reads as:
 * one shared object, never written, keeps the memo small. */
static const struct rec not_spf;

/* The SPF records this thread of the run parsed last, by the hash of
 * their text: a zone of many customers repeats a few policies ("v=spf1
 * include:_spf.<provider> -all") at every name, and a record with the
 * same text as one of them shares its text and parse (a function of the
 * text alone) instead of keeping copies to the end of the run.  Only the
 * joined text's map to the source (txt.parts, txt.map) is the record's
 * own. */
#define SEEN 64
struct seen {
	const struct rec *v[SEEN];
};

/* The calling thread's struct seen; NULL outside the engine. */
static struct seen *seen_of(struct zl_ctx *ctx)
{
	return zl_memo_zone_obj(ctx, ZL_MEMO_SPF_SEEN, sizeof(struct seen),
				free);
}

/* Builds rr's struct rec for the memo; arg is the zl_ctx. */
static void *rec_build(struct zl_arena *a, const struct zl_zone *z,
		       const struct zl_rr *rr, void *arg)
{
	const struct rec **slot = NULL, *was;
	struct seen *seen;
	struct rec *r;
	struct zl_txt t;

	zl_txt_from_rr(&t, z, rr);
	if (!zl_spf_is_record(t.s, t.len) && !looks_spf(&t)) {
		zl_txt_free(&t);
		return (void *)&not_spf;	/* read only, as all of the memo */
	}
	r = zl_arena_alloc(a, sizeof *r);
	r->txt = t;
	r->is_spf = zl_spf_is_record(t.s, t.len);
	if (r->is_spf && (seen = seen_of(arg)))
		slot = &seen->v[zl_hash(t.s, t.len) % SEEN];
	if (slot && (was = *slot) && was->txt.len == t.len &&
	    memcmp(was->txt.s, t.s, t.len) == 0) {
		free(r->txt.s);
		r->txt.s = NULL;
		zl_txt_to_arena(&r->txt, a);
		r->txt.s = was->txt.s;
		r->spf = was->spf;
		return r;
	}
	zl_txt_to_arena(&r->txt, a);
	if (r->is_spf) {
		zl_spf_parse(&r->spf, r->txt.s, r->txt.len);
		zl_spf_to_arena(&r->spf, a);
		if (slot)
			*slot = r;
	}
	return r;
}

/* rr's strings joined and, when they form an SPF record (RFC 7208 §4.5),
 * parsed: once per run, however many rules look at the record. */
const struct rec *zl_spf_rec_in(struct zl_ctx *ctx, const struct zl_zone *z,
				const struct zl_rr *rr)
{
	return zl_memo_get_arg(ctx, ZL_MEMO_SPF, z, rr, rec_build, ctx);
}

const struct rec *zl_spf_rec(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return zl_spf_rec_in(ctx, ctx->zone, rr);
}

/* Whether n has a TXT record that is SPF, or with broken_too one that
 * starts like SPF (a broken one is SPF001's, not a missing one). */
static bool spf_at(struct zl_ctx *ctx, const struct zl_name *n,
		   bool broken_too)
{
	const struct zl_rr *rr;
	const struct rec *r;

	for (rr = zl_first_rr(ctx->zone, n, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(ctx->zone, rr))
		if ((r = zl_spf_rec(ctx, rr))->is_spf ||
		    (broken_too && r != &not_spf))
			return true;
	return false;
}

static bool has_spf(struct zl_ctx *ctx, const struct zl_name *n)
{
	return spf_at(ctx, n, false);
}

/* Source spans of a record span, a term, and the version "v=spf1". */
static struct zl_tok span_tok(const struct rec *r, struct zl_spf_span s)
{
	return zl_txt_tok(&r->txt, s.off, (size_t)s.off + s.len);
}

struct zl_tok zl_spf_rec_term_tok(const struct rec *r,
				  const struct zl_spf_term *t)
{
	return span_tok(r, t->text);
}

static struct zl_tok version_tok(const struct rec *r)
{
	return zl_txt_tok(&r->txt, 0, 6);
}

/* A term's text as a NUL-terminated copy the caller frees. */
char *zl_spf_rec_term_str(const struct rec *r, const struct zl_spf_term *t)
{
	return zl_xstrndup(r->txt.s + t->text.off, t->text.len);
}

/* Emits a finding of the current rule at term t with one variable "term"
 * (its text) plus the extra ones given. */
zl_finding zl_spf_rec_emit_term(struct zl_ctx *ctx, const struct rec *r,
			      const struct zl_spf_term *t,
			      const struct zl_var *extra, size_t nextra)
{
	struct zl_var v[4] = { { "term", NULL } };
	zl_finding d;
	size_t i;

	v[0].value = zl_spf_rec_term_str(r, t);
	assert(nextra < sizeof v / sizeof v[0]);
	for (i = 0; i < nextra; i++)
		v[i + 1] = extra[i];
	d = zl_emit_vars(ctx, ctx->rr->src, zl_spf_rec_term_tok(r, t), v, i + 1);
	free((char *)v[0].value);
	return d;
}
/* ---- syntax (RFC 7208 §4.6, §12) ---- */

/* The term holding record offset off, or NULL. */
static const struct zl_spf_term *term_at(const struct zl_spf *s, uint32_t off)
{
	size_t i;

	for (i = 0; i < s->nterms; i++)
		if (off >= s->terms[i].text.off &&
		    off < s->terms[i].text.off + s->terms[i].text.len)
			return &s->terms[i];
	return NULL;
}

/* Adds ": the strings 'a' and 'b' join into one term ..." to msg when the
 * term [a, b) was made from two character-strings (RFC 7208 §3.3). */
static void add_join(const struct rec *r, size_t a, size_t b,
		     struct zl_buf *msg)
{
	size_t k = zl_txt_join_in(&r->txt, a, b);

	if (!k)
		return;
	zl_buf_add(msg, "; ", 2);
	zl_txt_describe_join(&r->txt, k, msg);
	zl_buf_addf(msg, " join into one term: RFC 7208 §3.3 concatenates "
		    "TXT strings without spaces");
}

/* Reports a record receivers ignore.  Beside the name's SPF record it
 * is harmless, and a warning unless the user set the rule's level. */
static void ignored(struct zl_ctx *ctx, struct zl_tok at, const char *msg,
		    const char *hint)
{
	zl_finding d = ZL_EMIT(ctx, ctx->rr->src, at, { "message", msg },
			       { "hint", hint });

	if (has_spf(ctx, ctx->rr->owner))
		zl_emit_severity_default(ctx, d, ZL_SEV_WARNING);
}

/* Text that starts like SPF but not with "v=spf1" and a space is ignored
 * by receivers (§4.5); unquoted words are separate strings that join
 * without spaces, so `TXT v=spf1 -all` is the usual cause.  Whitespace
 * before "v=spf1" hides the record as well. */
static void version_error(struct zl_ctx *ctx, const struct rec *r)
{
	const struct zl_txt *t = &r->txt;
	size_t end, lead = lead_ws(t);
	struct zl_buf msg = { 0 };

	if (!looks_spf(t))
		return;
	for (end = lead + 5; end < t->len && t->s[end] != ' '; end++)
		;
	if (lead && end == lead + 6 && prefix_eq(t->s + lead, "v=spf1", 6)) {
		ignored(ctx, zl_txt_tok(t, 0, end),
			"whitespace before 'v=spf1': receivers look for "
			"'v=spf1' at the very start and ignore this record",
			"remove the whitespace before 'v=spf1'");
		return;
	}
	zl_buf_add(&msg, "'", 1);
	zl_buf_add_escaped(&msg, t->s, zl_utf8_head(t->s, end, 40));
	zl_buf_addf(&msg, "%s' is not 'v=spf1' and a space, so receivers "
		    "ignore this record", end > 40 ? "..." : "");
	add_join(r, 0, end, &msg);
	ignored(ctx, zl_txt_tok(t, 0, end), msg.s,
		"start the text with 'v=spf1' and a space, in quotes: "
		"\"v=spf1 -all\"");
	zl_buf_free(&msg);
}

static void spf_syntax(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf) {
		version_error(ctx, r);
		return;
	}
	for (i = 0; i < r->spf.nerrs; i++) {
		const struct zl_spf_error *e = &r->spf.errs[i];
		const struct zl_spf_term *t = term_at(&r->spf, e->at.off);
		struct zl_buf msg = { 0 };

		zl_buf_add(&msg, e->msg, strlen(e->msg));
		if (t)
			add_join(r, t->text.off, t->text.off + t->text.len,
				 &msg);
		{
			zl_finding d = ZL_EMIT(ctx, ctx->rr->src,
				span_tok(r, e->at), { "message", msg.s },
				{ "hint", e->hint ? e->hint :
					  "receivers treat the whole record "
					  "as permerror until this term is "
					  "fixed" });

			if (e->warn)
				zl_emit_severity_default(ctx, d,
							 ZL_SEV_WARNING);
		}
		zl_buf_free(&msg);
	}
}

const struct zl_check zl_check_spf_syntax = {
	.name = "spf-syntax",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_syntax,
	.params = no_params,
	.vars = (const char *const[]){ "message", "hint", NULL },
};

/* Whether the text at s (n bytes) starts a complete term on its own: a
 * known mechanism or modifier name, maybe qualified, then ':' '=' '/' or
 * the end of the word. */
static bool starts_term(const char *s, size_t n)
{
	static const char *const names[] = {
		"all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists",
		"redirect", "exp", NULL,
	};
	size_t i, len;

	if (n && s[0] && strchr("+-~?", s[0])) {
		s++;
		n--;
	}
	for (i = 0; names[i]; i++) {
		len = strlen(names[i]);
		if (n >= len && prefix_eq(s, names[i], len) &&
		    (n == len || (s[len] && strchr(":=/ ", s[len]))))
			return true;
	}
	return false;
}

/* §3.3: strings are joined without spaces, so a term split at a string
 * boundary right before another term silently becomes one term.  Terms
 * with a syntax error are spf-syntax's; this finds those that parse. */
static void spf_joined_terms(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i, k;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		size_t a = t->text.off, b = a + t->text.len;
		struct zl_buf msg = { 0 };

		/* a qualifier alone before the boundary ("... ~" "all")
		 * begins the term that the next string ends, one term */
		if (t->bad || !(k = zl_txt_join_in(&r->txt, a, b)) ||
		    (r->txt.parts[k].at == a + 1 && t->explicit_qualifier) ||
		    !starts_term(r->txt.s + r->txt.parts[k].at,
				 b - r->txt.parts[k].at))
			continue;
		zl_txt_describe_join(&r->txt, k, &msg);
		EMIT_TERM(ctx, r, t, { "strings", msg.s });
		zl_buf_free(&msg);
	}
}

const struct zl_check zl_check_spf_joined_terms = {
	.name = "spf-joined-terms",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_joined_terms,
	.params = no_params,
	.vars = (const char *const[]){ "term", "strings", NULL },
};

/* Whether name[0..n) names a domain verification token that providers
 * ask their customers to publish as a TXT record of its own ("MS=ms123"
 * for Microsoft 365): one pasted into an SPF record reads as an unknown
 * modifier, and the provider, which looks for a record that is the token
 * alone, finds none. */
static bool token_name(const char *name, size_t n)
{
	static const char *const tokens[] = {
		"ms", "google-site-verification",
		"facebook-domain-verification", "apple-domain-verification",
		"atlassian-domain-verification", "adobe-idp-site-verification",
		"docusign",
	};
	size_t i;

	for (i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
		if (n == strlen(tokens[i]) && prefix_eq(name, tokens[i], n))
			return true;
	return false;
}

/* A verification token inside the record: see token_name. */
static void emit_token(struct zl_ctx *ctx, const struct rec *r,
		       const struct zl_spf_term *t)
{
	EMIT_TERM(ctx, r, t, { "reason", "a domain verification token, "
			       "which its provider looks for as a TXT record "
			       "of its own" },
		  { "hint", "publish the token as a TXT record of its own, "
		    "apart from the SPF record" });
}

/* RFC 7208 §6: receivers ignore a modifier they do not know, so "mx=..."
 * written for "mx:..." or a second "v=spf1" (two records pasted into one)
 * silently loses what it was meant to say, as does a provider's
 * verification token pasted in.  The syntax is valid, hence a warning of
 * its own rather than a syntax error. */
static void spf_modifier_typo(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		const char *name = r->txt.s + t->name.off;
		/* typo terms are "v=spf1" or named like a mechanism */
		bool version = t->name.len == 1 &&
			       (*name == 'v' || *name == 'V');
		bool fix_it = !version && !(t->name.len == 3 &&
					    prefix_eq(name, "all", 3));
		char *fix, *reason;

		if (!t->typo && !t->bad && t->kind == ZL_SPF_UNKNOWN_MOD &&
		    token_name(name, t->name.len))
			emit_token(ctx, r, t);
		if (!t->typo || t->bad)
			continue;
		fix = zl_spf_rec_term_str(r, t);
		fix[t->name.len] = ':';
		reason = version ? zl_xstrdup("a second 'v=spf1' inside the "
					      "record: two records joined "
					      "into one?") :
			 zl_xasprintf("'%.*s' is a mechanism, written with "
				      "':' not '='", (int)t->name.len, name);
		{
			EMIT_TERM(ctx, r, t, { "reason", reason },
				  { "hint", version ? "publish one record: "
				    "merge the terms and drop the second "
				    "'v=spf1'" :
				    "write the mechanism with ':'" },
				  { "fix", fix_it ? fix : NULL });
		}
		free(reason);
		free(fix);
	}
}

const struct zl_check zl_check_spf_modifier_typo = {
	.name = "spf-modifier-typo",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_modifier_typo,
	.params = no_params,
	.vars = (const char *const[]){ "term", "reason", "hint", NULL },
};

/* ---- one record: provider domains ---- */

static const struct zl_param_spec provider_params[] = {
	{ .key = "providers", .type = ZL_PT_STRLIST, .dflt = "[]" },
	{ .key = NULL },
};

/* The provider domain of list that d[0..n) is a slip of (one edit from
 * it and equal to none of them), or NULL.  An entry is a name as a pack
 * writes it: its final dot, if any, is not part of the comparison, and an
 * empty one (the root) is nobody's slip. */
static const char *slip_of(const struct zl_param *list, const char *d,
			   size_t n)
{
	const char *near = NULL;
	size_t i, m;

	if (n > 0 && d[n - 1] == '.')
		n--;
	for (i = 0; i < list->n; i++) {
		m = strlen(list->keys[i]);
		if (m > 0 && list->keys[i][m - 1] == '.')
			m--;
		if (m == 0)
			continue;
		if (m == n && strncasecmp(d, list->keys[i], n) == 0)
			return NULL;
		if (!near && zl_one_edit(d, n, list->keys[i], m))
			near = list->keys[i];
	}
	return near;
}

/* An include or redirect one letter from a mail service's documented SPF
 * domain ("spf.google.com" for _spf.google.com, "outlook.co"): the name
 * most likely has no SPF record, so receivers return permerror (RFC 7208
 * §5.2, §6.1), or worse, someone else's. */
static void spf_provider_slip(struct zl_ctx *ctx)
{
	const struct zl_param *list = zl_rule_param(ctx->rule, "providers");
	const struct rec *r;
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		const char *near;
		char *fix;

		if (t->bad || t->has_macro || t->value.len == 0 ||
		    (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT) ||
		    !(near = slip_of(list, r->txt.s + t->value.off,
				     t->value.len)))
			continue;
		fix = zl_xasprintf("%.*s%.*s%c%s",
				   t->explicit_qualifier ? 1 : 0,
				   &t->qualifier, (int)t->name.len,
				   r->txt.s + t->name.off,
				   t->kind == ZL_SPF_INCLUDE ? ':' : '=', near);
		{
			EMIT_TERM(ctx, r, t, { "provider", near },
				  { "fix", fix });
		}
		free(fix);
	}
}

const struct zl_check zl_check_spf_provider_slip = {
	.name = "spf-provider-slip",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_provider_slip,
	.params = provider_params,
	.vars = (const char *const[]){ "term", "provider", "fix", NULL },
};

/* ---- one record: policy shape ---- */

/* RFC 7208 §5.1: mechanisms after `all` are never tested.  Reported once,
 * at the first of them, with a note at the `all`. */
static void spf_after_all(struct zl_ctx *ctx)
{
	const struct rec *r;
	zl_finding d;
	char count[24];
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf || !r->spf.mechs_after_all)
		return;
	for (i = (size_t)r->spf.all + 1; i < r->spf.nterms; i++)
		if (r->spf.terms[i].kind < ZL_SPF_REDIRECT)
			break;
	snprintf(count, sizeof count, "%u", r->spf.mechs_after_all);
	{
		d = EMIT_TERM(ctx, r, &r->spf.terms[i], { "count", count });
	}
	zl_emit_note(ctx, d, ctx->rr->src,
		     zl_spf_rec_term_tok(r, &r->spf.terms[r->spf.all]),
		     "evaluation ends at this 'all'");
}

const struct zl_check zl_check_spf_after_all = {
	.name = "spf-after-all",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_after_all,
	.params = no_params,
	.vars = (const char *const[]){ "term", "count", NULL },
};

/* RFC 7208 §6.1: "redirect" is ignored when the record has `all`. */
static void spf_redirect_with_all(struct zl_ctx *ctx)
{
	const struct rec *r;
	zl_finding d;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf || r->spf.all < 0 ||
	    r->spf.redirect < 0)
		return;
	d = EMIT_TERM(ctx, r, &r->spf.terms[r->spf.redirect]);
	zl_emit_note(ctx, d, ctx->rr->src,
		     zl_spf_rec_term_tok(r, &r->spf.terms[r->spf.all]),
		     "this 'all' always matches first");
}

const struct zl_check zl_check_spf_redirect_with_all = {
	.name = "spf-redirect-with-all",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_redirect_with_all,
	.params = no_params,
	.vars = (const char *const[]){ "term", NULL },
};

/* The "p" macros of term t's value (RFC 7208 §7.1: "%{p...}", in either
 * case; "%%", "%_" and "%-" are escapes): each reported at the macro. */
static void p_macros(struct zl_ctx *ctx, const struct rec *r,
		     const struct zl_spf_term *t)
{
	const char *s = r->txt.s;
	uint32_t i = t->value.off, b = t->value.off + t->value.len, e;
	struct zl_buf what = { 0 };
	char *term;

	for (; i + 2 < b; i++) {
		if (s[i] != '%')
			continue;
		if (s[i + 1] != '{') {
			i++;	/* an escape: skip its second byte */
			continue;
		}
		if (s[i + 2] != 'p' && s[i + 2] != 'P')
			continue;
		for (e = i + 2; e < b && s[e] != '}'; e++)
			;
		e += e < b;
		term = zl_spf_rec_term_str(r, t);
		zl_buf_addf(&what, "the p macro '");
		zl_buf_add_escaped(&what, s + i, e - i);
		zl_buf_addf(&what, "'");
		ZL_EMIT(ctx, ctx->rr->src, span_tok(r, (struct zl_spf_span){
				i, e - i }), { "term", term },
			{ "what", what.s },
			{ "fix", "name the client by its address, '%{i}' or "
				 "'%{ir}', or list the hosts with ip4: and "
				 "ip6: instead" });
		zl_buf_free(&what);
		free(term);
	}
}

/* RFC 7208 §5.5: ptr is slow, unreliable and SHOULD NOT be used; so is
 * the "p" macro (§7.2, §7.3), which makes the same reverse lookup and
 * validation.  Unknown modifiers, which receivers ignore (§6), are not
 * looked at. */
static void spf_ptr(struct zl_ctx *ctx)
{
	const struct zl_spf_term *t;
	const struct rec *r;
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		t = &r->spf.terms[i];
		if (t->bad || t->kind == ZL_SPF_UNKNOWN_MOD ||
		    t->kind == ZL_SPF_BAD)
			continue;
		if (t->kind == ZL_SPF_PTR)
			EMIT_TERM(ctx, r, t, { "what", "the ptr mechanism" },
				  { "fix", "list the sending hosts with ip4:, "
					   "ip6:, a or include instead" });
		else if (t->has_macro)
			p_macros(ctx, r, t);
	}
}

const struct zl_check zl_check_spf_ptr = {
	.name = "spf-ptr",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_ptr,
	.params = no_params,
	/* what: "the ptr mechanism" or the p macro as written; fix: what
	 * to write instead */
	.vars = (const char *const[]){ "term", "what", "fix", NULL },
};

/* The term with its host bits cleared, as "-ip4:192.0.2.0/24" (the
 * qualifier only when it was written). */
static void masked(const struct zl_spf_term *t, char *out, size_t n)
{
	bool v4 = t->kind == ZL_SPF_IP4;
	int prefix = v4 ? t->cidr4 : t->cidr6, bytes = v4 ? 4 : 16, i;
	uint8_t a[16];
	char addr[INET6_ADDRSTRLEN];

	memcpy(a, t->addr, sizeof a);
	for (i = 0; i < bytes; i++) {
		int keep = prefix - i * 8;

		if (keep <= 0)
			a[i] = 0;
		else if (keep < 8)
			a[i] &= (uint8_t)(0xff << (8 - keep));
	}
	inet_ntop(v4 ? AF_INET : AF_INET6, a, addr, sizeof addr);
	snprintf(out, n, "%.*s%s:%s/%d", t->explicit_qualifier ? 1 : 0,
		 &t->qualifier, v4 ? "ip4" : "ip6", addr, prefix);
}

/* RFC 7208 §5.6 compares only the first prefix bits, so host bits are
 * ignored; they usually mean the length or the address is a typo. */
static void spf_host_bits(struct zl_ctx *ctx)
{
	const struct rec *r;
	char net[INET6_ADDRSTRLEN + 16];
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if (t->bad || !t->host_bits)
			continue;
		masked(t, net, sizeof net);
		{
			EMIT_TERM(ctx, r, t,
				  { "network", strchr(net, ':') + 1 },
				  { "fix", net });
		}
	}
}

const struct zl_check zl_check_spf_host_bits = {
	.name = "spf-host-bits",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_host_bits,
	.params = no_params,
	.vars = (const char *const[]){ "term", "network", "fix", NULL },
};

static const struct zl_param_spec broad_params[] = {
	{ .key = "min-ipv4-prefix", .type = ZL_PT_INT, .dflt = "8",
	  .min = 0, .max = 32 },
	{ .key = "min-ipv6-prefix", .type = ZL_PT_INT, .dflt = "16",
	  .min = 0, .max = 128 },
	{ .key = NULL },
};

/* A passing term whose prefix is shorter than the minimum authorises a
 * large part of the Internet, like `+all` (RFC 7208 §10.1).  Terms with
 * another qualifier only fail or soft-fail senders, which is harmless. */
static void spf_broad_range(struct zl_ctx *ctx)
{
	long min4 = zl_rule_int(ctx->rule, "min-ipv4-prefix");
	long min6 = zl_rule_int(ctx->rule, "min-ipv6-prefix");
	const struct rec *r;
	char bits[16];
	size_t i;

	if (!(r = zl_spf_rec(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		int len = t->cidr4 >= 0 && t->cidr4 < min4 ? t->cidr4 :
			  t->cidr6 >= 0 && t->cidr6 < min6 ? t->cidr6 : -1;

		/* After 'all' nothing is evaluated (SPF010 says so). */
		if (r->spf.all >= 0 && (int)i > r->spf.all)
			break;
		if (t->bad || t->qualifier != '+' || len < 0)
			continue;
		snprintf(bits, sizeof bits, "/%d", len);
		EMIT_TERM(ctx, r, t, { "prefix", bits });
	}
}

const struct zl_check zl_check_spf_broad_range = {
	.name = "spf-broad-range",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_broad_range,
	.params = broad_params,
	.vars = (const char *const[]){ "term", "prefix", NULL },
};

static const struct zl_param_spec length_params[] = {
	{ .key = "max-length", .type = ZL_PT_INT, .dflt = "450",
	  .min = 1, .max = 65535 },
	{ .key = NULL },
};

/* RFC 7208 §3.4: an answer that does not fit 512 bytes of UDP may be
 * truncated and retried over TCP, which some receivers do not do; the
 * RFC names 450 bytes of record text as the safe size. */
static void spf_length(struct zl_ctx *ctx)
{
	long max = zl_rule_int(ctx->rule, "max-length");
	const struct rec *r;
	char len[24], lim[24];

	if ((r = zl_spf_rec(ctx, ctx->rr))->is_spf && (long)r->txt.len > max) {

		snprintf(len, sizeof len, "%zu", r->txt.len);
		snprintf(lim, sizeof lim, "%ld", max);
		ZL_EMIT(ctx, ctx->rr->src, version_tok(r), { "length", len },
			{ "limit", lim });
	}
}

const struct zl_check zl_check_spf_length = {
	.name = "spf-length",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_length,
	.params = length_params,
	.vars = (const char *const[]){ "length", "limit", NULL },
};

/* ---- one name ---- */

/* RFC 7208 §3.2, §4.5: a name publishes at most one SPF record; with two
 * or more, every check ends in permerror.  Reported at each extra record
 * with a note at the first.  Receivers ask for TXT records only (§4.4),
 * so records of the obsolete type 99 never make a second policy (SPF003
 * is about them). */
static void spf_multiple(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *first = NULL;
	zl_finding d;
	const struct rec *r;

	for (rr = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(z, rr)) {
		if (!(r = zl_spf_rec(ctx, rr))->is_spf)
			continue;
		if (!first) {
			first = rr;
			continue;
		}
		/* The same record written twice is one (RFC 2181 §5). */
		if (zl_txt_same(&r->txt, &zl_spf_rec(ctx, first)->txt))
			continue;
		d = ZL_EMIT(ctx, rr->src, version_tok(r));
		r = zl_spf_rec(ctx, first);
		zl_emit_note(ctx, d, first->src, version_tok(r),
			     "the first SPF record is here");
	}
}

const struct zl_check zl_check_spf_multiple = {
	.name = "spf-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = spf_multiple,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* RFC 7208 §3.1: the SPF RR type (99) is obsolete and receivers look only
 * at TXT.  Beside a TXT policy it is harmless; alone, the name has no
 * policy that receivers read (what named-checkzone reports too).  Text
 * that is no SPF record (§4.5: not "v=spf1" and a space, in any case, as
 * the ABNF's literal) is said to be none: "v=spf3" or "v=spf10" is no
 * later version of SPF, and copying it to TXT would not make a policy. */
static void spf_obsolete_type(struct zl_ctx *ctx)
{
	const struct rec *r;
	struct zl_buf what = { 0 };
	size_t lead, end;

	if (has_spf(ctx, ctx->rr->owner))
		return;
	if ((r = zl_spf_rec(ctx, ctx->rr))->is_spf) {
		zl_buf_addf(&what, "the SPF record type (99) is obsolete and "
			    "ignored by receivers");
	} else if (r != &not_spf) {
		lead = lead_ws(&r->txt);
		for (end = lead; end < r->txt.len && r->txt.s[end] != ' ';
		     end++)
			;
		zl_buf_add(&what, "'", 1);
		zl_buf_add_escaped(&what, r->txt.s + lead,
				   zl_utf8_head(r->txt.s + lead, end - lead,
						40));
		zl_buf_addf(&what, "%s' is not 'v=spf1' and a space: this "
			    "record of the withdrawn SPF type (99) holds no "
			    "SPF record", end - lead > 40 ? "..." : "");
	} else {
		zl_buf_addf(&what, "this record of the withdrawn SPF type (99) "
			    "holds no SPF record");
	}
	ZL_EMIT(ctx, ctx->rr->src, zl_rr_type_tok(ctx->zone, ctx->rr),
		{ "what", what.s },
		{ "fix", r->is_spf ? "publish its text as a TXT record "
				     "instead" :
				     "publish the policy as a TXT record that "
				     "starts with 'v=spf1' and a space, and "
				     "remove this one" });
	zl_buf_free(&what);
}

const struct zl_check zl_check_spf_obsolete_type = {
	.name = "spf-obsolete-type",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_obsolete_type,
	.params = no_params,
	/* what: what is wrong with the record; fix: what to do */
	.vars = (const char *const[]){ "what", "fix", NULL },
};

/* ---- Sender ID ---- */

/* The length of the version and scopes ("spf2.0/pra,mfrom") that t
 * starts with, after the blanks at *lead, when t is a Sender ID record
 * (RFC 4406: "spf2.0/", the literal in any case, and a scope); else 0. */
static size_t sender_id_head(const struct zl_txt *t, size_t *lead)
{
	size_t end;

	*lead = lead_ws(t);
	if (t->len - *lead < 8 || !prefix_eq(t->s + *lead, "spf2.0/", 7))
		return 0;
	for (end = *lead + 7; end < t->len && t->s[end] != ' '; end++)
		;
	return end - *lead;
}

/* Whether n has a TXT record that is a Sender ID record. */
static bool sender_id_at(struct zl_ctx *ctx, const struct zl_name *n)
{
	const struct zl_rr *rr;
	struct zl_txt t;
	size_t lead;
	bool found = false;

	for (rr = zl_first_rr(ctx->zone, n, LDNS_RR_TYPE_TXT); rr && !found;
	     rr = zl_next_rr(ctx->zone, rr)) {
		if (!zl_txt_may_start(ctx->zone, rr, "spf2.0/"))
			continue;
		zl_txt_from_rr(&t, ctx->zone, rr);
		found = sender_id_head(&t, &lead) > 0;
		zl_txt_free(&t);
	}
	return found;
}

/* Sender ID (RFC 4406, RFC 4407) is historic since the experiment ended
 * (RFC 6686), and no receiver evaluates its "spf2.0/" records.  SPF is
 * only what starts with "v=spf1" (RFC 7208 §3.1, §4.5): a name whose only
 * policy is a Sender ID record has no SPF policy at all, a warning as a
 * policy only of type 99 is (spf-obsolete-type).  Beside an SPF record
 * (a broken one too: SPF001's) the Sender ID record is dead weight, a
 * note.  It is never a second SPF record (spf-multiple). */
static void spf_sender_id(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr;
	struct zl_txt t;
	struct zl_buf head = { 0 };
	size_t lead, n;
	bool alone;
	zl_finding f;

	if (!zl_txt_may_start(ctx->zone, rr, "spf2.0/"))
		return;
	zl_txt_from_rr(&t, ctx->zone, rr);
	if (!(n = sender_id_head(&t, &lead)))
		goto out;
	alone = !spf_at(ctx, rr->owner, true);
	zl_buf_add_escaped(&head, t.s + lead, zl_utf8_head(t.s + lead, n, 40));
	if (n > 40)
		zl_buf_add(&head, "...", 3);
	f = ZL_EMIT(ctx, rr->src, zl_txt_tok(&t, lead, lead + n),
		{ "record", head.s },
		{ "why", alone ? "the name has no SPF record (v=spf1), so no "
				 "SPF policy at all" :
				 "the SPF record beside it is the policy they "
				 "read" },
		{ "fix", alone ? "publish the policy as a TXT record that "
				 "starts with 'v=spf1 ' (the same terms work "
				 "there), then remove this one" :
				 "remove the record: Sender ID is historic" });
	if (!alone)
		zl_emit_severity_default(ctx, f, ZL_SEV_NOTE);
	zl_buf_free(&head);
out:
	zl_txt_free(&t);
}

const struct zl_check zl_check_spf_sender_id = {
	.name = "spf-sender-id",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_sender_id,
	.params = no_params,
	/* record: the version and scopes, "spf2.0/pra"; why: whether an SPF
	 * record stands beside it; fix: what to do */
	.vars = (const char *const[]){ "record", "why", "fix", NULL },
};

/* Whether the MX RRset at n is a null MX (RFC 7505: one MX, "0 ."). */
static bool null_mx(const struct zl_zone *z, const struct zl_name *n)
{
	const struct zl_rrset *s = zl_name_rrset(n, LDNS_RR_TYPE_MX);
	const struct zl_rr *rr = s ? &z->rrs[s->first] : NULL;

	return rr && s->count == 1 && rr->nrdf == 2 && zl_rdf_name(&rr->rdf[1]) &&
	       strcmp(zl_rdf_name(&rr->rdf[1])->text, ".") == 0;
}

/* A name that receives mail is also a name mail is sent from; without SPF
 * (RFC 7208 §2.1, §3) receivers cannot tell forged senders.  A note only:
 * some domains send no mail at all.  Null MX names belong to the MX rules,
 * a record that means to be SPF and is broken to SPF001, a policy only of
 * type 99 to spf-obsolete-type, one only in Sender ID to spf-sender-id.
 * Names below a delegation belong to the child zone. */
static void spf_missing_for_mx(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *mx = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_MX);

	if (!mx || null_mx(z, ctx->name) || spf_at(ctx, ctx->name, true) ||
	    zl_first_rr(z, ctx->name, LDNS_RR_TYPE_SPF) || ctx->name->below_cut ||
	    sender_id_at(ctx, ctx->name))
		return;
	ZL_EMIT(ctx, mx->src, zl_rr_type_tok(ctx->zone, mx));
}

const struct zl_check zl_check_spf_missing_for_mx = {
	.name = "spf-missing-for-mx",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = spf_missing_for_mx,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

