/* check_spf.c - primitives for SPF records (RFC 7208), one record or zone-wide. */
#include <assert.h>
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "spf.h"
#include "txt.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* The text of one TXT record and, when it is SPF, its parse. */
struct rec {
	struct zl_txt txt;
	struct zl_spf spf;
	bool is_spf;
};

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

/* Whether t starts like SPF, maybe after whitespace: "v=spf1" in any
 * case, whatever follows. */
static bool looks_spf(const struct zl_txt *t)
{
	size_t lead = lead_ws(t);

	return t->len - lead >= 6 && prefix_eq(t->s + lead, "v=spf1", 6);
}

static void *rec_build(const struct zl_zone *z, const struct zl_rr *rr)
{
	struct rec *r = zl_xcalloc(1, sizeof *r);

	zl_txt_from_rr(&r->txt, z, rr);
	r->is_spf = zl_spf_is_record(r->txt.s, r->txt.len);
	if (r->is_spf)
		zl_spf_parse(&r->spf, r->txt.s, r->txt.len);
	else if (!looks_spf(&r->txt))
		zl_txt_free(&r->txt);	/* not SPF at all: keep the memo small */
	return r;
}

static void rec_release(void *p)
{
	struct rec *r = p;

	zl_spf_free(&r->spf);
	zl_txt_free(&r->txt);
	free(r);
}

/* rr's strings joined and, when they form an SPF record (RFC 7208 §4.5),
 * parsed: once per run, however many rules look at the record. */
static const struct rec *rec_of(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return zl_memo_get(ctx, ZL_MEMO_SPF, rr, rec_build, rec_release);
}

/* Whether rr is a TXT record holding an SPF policy. */
static bool is_spf_rr(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return rr->type == LDNS_RR_TYPE_TXT && rec_of(ctx, rr)->is_spf;
}

/* Source spans of a record span, a term, and the version "v=spf1". */
static struct zl_tok span_tok(const struct rec *r, struct zl_spf_span s)
{
	return zl_txt_tok(&r->txt, s.off, (size_t)s.off + s.len);
}

static struct zl_tok term_tok(const struct rec *r, const struct zl_spf_term *t)
{
	return span_tok(r, t->text);
}

static struct zl_tok version_tok(const struct rec *r)
{
	return zl_txt_tok(&r->txt, 0, 6);
}

/* A term's text as a NUL-terminated copy the caller frees. */
static char *term_str(const struct rec *r, const struct zl_spf_term *t)
{
	return zl_xstrndup(r->txt.s + t->text.off, t->text.len);
}

/* Emits a finding of the current rule at term t with one variable "term"
 * (its text) plus the extra ones given. */
static zl_finding emit_term_v(struct zl_ctx *ctx, const struct rec *r,
			      const struct zl_spf_term *t,
			      const struct zl_var *extra, size_t nextra)
{
	struct zl_var v[4] = { { "term", NULL } };
	zl_finding d;
	size_t i;

	v[0].value = term_str(r, t);
	assert(nextra < sizeof v / sizeof v[0]);
	for (i = 0; i < nextra; i++)
		v[i + 1] = extra[i];
	d = zl_emit_vars(ctx, ctx->rr->src, term_tok(r, t), v, i + 1);
	free((char *)v[0].value);
	return d;
}
#define EMIT_TERM(ctx, r, t, ...) \
	emit_term_v((ctx), (r), (t), ZL_VARS_(__VA_ARGS__) + 1, \
		    ZL_NVARS_(__VA_ARGS__))

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
	if (lead) {
		ZL_EMIT(ctx, ctx->rr->src, zl_txt_tok(t, 0, lead + 6),
			{ "message", "whitespace before 'v=spf1': receivers "
				     "look for 'v=spf1' at the very start "
				     "and ignore this record" },
			{ "hint", "remove the whitespace before 'v=spf1'" });
		return;
	}
	for (end = 6; end < t->len && t->s[end] != ' '; end++)
		;
	zl_buf_add(&msg, "'", 1);
	zl_buf_add_escaped(&msg, t->s, end > 40 ? 40 : end);
	zl_buf_addf(&msg, "%s' is not 'v=spf1' and a space, so receivers "
		    "ignore this record", end > 40 ? "..." : "");
	add_join(r, 0, end, &msg);
	{
		ZL_EMIT(ctx, ctx->rr->src, zl_txt_tok(t, 0, end),
			{ "message", msg.s },
			{ "hint", "start the text with 'v=spf1' and a space, "
				  "in quotes: \"v=spf1 -all\"" });
	}
	zl_buf_free(&msg);
}

static void spf_syntax(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i;

	if (!(r = rec_of(ctx, ctx->rr))->is_spf) {
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
			ZL_EMIT(ctx, ctx->rr->src, span_tok(r, e->at),
				{ "message", msg.s },
				{ "hint", "receivers treat the whole record "
					  "as permerror until this term is "
					  "fixed" });
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

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		size_t a = t->text.off, b = a + t->text.len;
		struct zl_buf msg = { 0 };

		if (t->bad || !(k = zl_txt_join_in(&r->txt, a, b)) ||
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

/* RFC 7208 §6: receivers ignore a modifier they do not know, so "mx=..."
 * written for "mx:..." or a second "v=spf1" (two records pasted into one)
 * silently loses what it was meant to say.  The syntax is valid, hence a
 * warning of its own rather than a syntax error. */
static void spf_modifier_typo(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i;

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
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

		if (!t->typo || t->bad)
			continue;
		fix = term_str(r, t);
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

/* ---- one record: policy shape ---- */

static const struct zl_param_spec all_params[] = {
	{ .key = "qualifiers", .type = ZL_PT_STRLIST, .dflt = "['+']" },
	{ .key = NULL },
};

/* RFC 7208 §5.1: `all` matches every sender, so its qualifier is the
 * record's default result; `+all` authorises the whole Internet (§10.1)
 * and `?all` asserts nothing (§2.6.2). */
static void spf_all_qualifier(struct zl_ctx *ctx)
{
	const struct zl_param *qs = zl_rule_param(ctx->rule, "qualifiers");
	const struct zl_spf_term *t;
	const struct rec *r;
	char q[2];

	if (!(r = rec_of(ctx, ctx->rr))->is_spf || r->spf.all < 0)
		return;
	t = &r->spf.terms[r->spf.all];
	q[0] = t->qualifier;
	q[1] = '\0';
	if (zl_param_lookup(qs, q, NULL)) {
		EMIT_TERM(ctx, r, t, { "qualifier", q });
	}
}

const struct zl_check zl_check_spf_all_qualifier = {
	.name = "spf-all-qualifier",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_all_qualifier,
	.params = all_params,
	.vars = (const char *const[]){ "term", "qualifier", NULL },
};

/* RFC 7208 §4.7: with neither `all` nor `redirect` a sender that matches
 * nothing gets "neutral", which is rarely what the publisher meant. */
static void spf_no_default(struct zl_ctx *ctx)
{
	const struct rec *r;

	if ((r = rec_of(ctx, ctx->rr))->is_spf && r->spf.all < 0 &&
	    r->spf.redirect < 0 && r->spf.nerrs == 0)
		ZL_EMIT(ctx, ctx->rr->src, version_tok(r));
}

const struct zl_check zl_check_spf_no_default = {
	.name = "spf-no-default",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_no_default,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* RFC 7208 §5.1: mechanisms after `all` are never tested.  Reported once,
 * at the first of them, with a note at the `all`. */
static void spf_after_all(struct zl_ctx *ctx)
{
	const struct rec *r;
	zl_finding d;
	char count[24];
	size_t i;

	if (!(r = rec_of(ctx, ctx->rr))->is_spf || !r->spf.mechs_after_all)
		return;
	for (i = (size_t)r->spf.all + 1; i < r->spf.nterms; i++)
		if (r->spf.terms[i].kind < ZL_SPF_REDIRECT)
			break;
	snprintf(count, sizeof count, "%u", r->spf.mechs_after_all);
	{
		d = EMIT_TERM(ctx, r, &r->spf.terms[i], { "count", count });
	}
	zl_emit_note(ctx, d, ctx->rr->src,
		     term_tok(r, &r->spf.terms[r->spf.all]),
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

	if (!(r = rec_of(ctx, ctx->rr))->is_spf || r->spf.all < 0 ||
	    r->spf.redirect < 0)
		return;
	d = EMIT_TERM(ctx, r, &r->spf.terms[r->spf.redirect]);
	zl_emit_note(ctx, d, ctx->rr->src,
		     term_tok(r, &r->spf.terms[r->spf.all]),
		     "this 'all' always matches first");
}

const struct zl_check zl_check_spf_redirect_with_all = {
	.name = "spf-redirect-with-all",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_redirect_with_all,
	.params = no_params,
	.vars = (const char *const[]){ "term", NULL },
};

/* RFC 7208 §5.5: ptr is slow, unreliable and SHOULD NOT be used. */
static void spf_ptr(struct zl_ctx *ctx)
{
	const struct rec *r;
	size_t i;

	if ((r = rec_of(ctx, ctx->rr))->is_spf)
		for (i = 0; i < r->spf.nterms; i++)
			if (r->spf.terms[i].kind == ZL_SPF_PTR &&
			    !r->spf.terms[i].bad)
				EMIT_TERM(ctx, r, &r->spf.terms[i]);
}

const struct zl_check zl_check_spf_ptr = {
	.name = "spf-ptr",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_ptr,
	.params = no_params,
	.vars = (const char *const[]){ "term", NULL },
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

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
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

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];
		int len = t->cidr4 >= 0 && t->cidr4 < min4 ? t->cidr4 :
			  t->cidr6 >= 0 && t->cidr6 < min6 ? t->cidr6 : -1;

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

	if ((r = rec_of(ctx, ctx->rr))->is_spf && (long)r->txt.len > max) {

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
 * with a note at the first.  TXT records and records of the obsolete SPF
 * type (99) are counted apart: a receiver reads one type or the other. */
static void multiple_of(struct zl_ctx *ctx, uint16_t type)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *first = NULL;
	zl_finding d;
	const struct rec *r;

	for (rr = zl_first_rr(z, ctx->name, type); rr;
	     rr = zl_next_rr(z, rr)) {
		if (!(r = rec_of(ctx, rr))->is_spf) {
			continue;
		}
		if (first) {
			d = ZL_EMIT(ctx, rr->src, version_tok(r));
			r = rec_of(ctx, first);
			zl_emit_note(ctx, d, first->src, version_tok(r),
				     "the first SPF record is here");
		} else {
			first = rr;
		}
	}
}

static void spf_multiple(struct zl_ctx *ctx)
{
	multiple_of(ctx, LDNS_RR_TYPE_TXT);
	multiple_of(ctx, LDNS_RR_TYPE_SPF);
}

const struct zl_check zl_check_spf_multiple = {
	.name = "spf-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = spf_multiple,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* Whether n has a TXT record that is SPF. */
static bool has_spf(struct zl_ctx *ctx, const struct zl_name *n)
{
	const struct zl_rr *rr;

	for (rr = zl_first_rr(ctx->zone, n, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(ctx->zone, rr))
		if (is_spf_rr(ctx, rr))
			return true;
	return false;
}

/* RFC 7208 §3.1: the SPF RR type (99) is obsolete and receivers look only
 * at TXT.  Beside a TXT policy it is harmless; alone, the name has no
 * policy that receivers read (what named-checkzone reports too). */
static void spf_obsolete_type(struct zl_ctx *ctx)
{
	if (!has_spf(ctx, ctx->rr->owner))
		ZL_EMIT(ctx, ctx->rr->src, zl_rr_type_tok(ctx->rr));
}

const struct zl_check zl_check_spf_obsolete_type = {
	.name = "spf-obsolete-type",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_obsolete_type,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* Whether the MX RRset at n is a null MX (RFC 7505: one MX, "0 ."). */
static bool null_mx(const struct zl_zone *z, const struct zl_name *n)
{
	const struct zl_rrset *s = zl_name_rrset(n, LDNS_RR_TYPE_MX);
	const struct zl_rr *rr = s ? &z->rrs[s->first] : NULL;

	return rr && s->count == 1 && rr->nrdf == 2 && rr->rdf[1].name &&
	       strcmp(rr->rdf[1].name->text, ".") == 0;
}

/* A name that receives mail is also a name mail is sent from; without SPF
 * (RFC 7208 §2.1, §3) receivers cannot tell forged senders.  A note only:
 * some domains send no mail at all.  Null MX names belong to the MX rules.
 * Names below a delegation belong to the child zone. */
static void spf_missing_for_mx(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *mx = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_MX);

	if (!mx || null_mx(z, ctx->name) || has_spf(ctx, ctx->name) ||
	    ctx->name->below_cut)
		return;
	ZL_EMIT(ctx, mx->src, zl_rr_type_tok(mx));
}

const struct zl_check zl_check_spf_missing_for_mx = {
	.name = "spf-missing-for-mx",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = spf_missing_for_mx,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* ---- the zone: includes and redirects (RFC 7208 §4.6.4, §5.2, §6.1) ----
 *
 * Every in-zone SPF record is a node; include and redirect terms whose
 * target is in the zone are edges.  One iterative depth-first walk per
 * rule visits each node once (costs are memoised), so the work is linear
 * in the SPF text of the zone, and a hostile chain cannot exhaust the
 * stack. */

#define NONE ((size_t)-1)
#define COST_CAP 1000000L
#define DOMAIN_MAX 512

enum { WHITE, GREY, BLACK };
enum { T_NODE, T_VOID, T_OUTSIDE, T_MACRO };
enum { REPORT_LOOP = 1, REPORT_VOID = 2 };

struct node {
	const struct zl_rr *rr;
	const struct rec *rec;
	long cost;		/* lookups of this record, includes followed */
	size_t pos;		/* GREY: its place in the walk stack */
	int state;
	bool inexact;		/* cost includes a guess (unknown or macro) */
};

struct graph {
	struct zl_ctx *ctx;
	struct node *v;
	size_t n, cap;
	size_t *hash;		/* node index + 1 by owner hash; 0 is empty */
	size_t hcap;
	unsigned report;
	bool costs;		/* the rule has known-costs */
};

struct frame {
	size_t node, term;
	long sum;
	bool inexact;
};

static long sat_add(long a, long b)
{
	return a + b > COST_CAP ? COST_CAP : a + b;
}

static size_t find_node(const struct graph *g, const struct zl_name *n)
{
	size_t h;

	if (!n || !g->hcap)
		return NONE;
	for (h = n->hash & (g->hcap - 1); g->hash[h];
	     h = (h + 1) & (g->hcap - 1))
		if (g->v[g->hash[h] - 1].rr->owner == n)
			return g->hash[h] - 1;
	return NONE;
}

/* Adds every in-zone SPF record, the first at each name, as a node. */
static void graph_build(struct graph *g)
{
	const struct zl_zone *z = g->ctx->zone;
	size_t i, h;

	for (i = 0; i < z->nrrs; i++) {
		const struct zl_rr *rr = &z->rrs[i];
		struct node *nd;

		if (rr->type != LDNS_RR_TYPE_TXT || !rr->owner->in_zone ||
		    find_node(g, rr->owner) != NONE)
			continue;
		zl_xgrow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v);
		nd = &g->v[g->n];
		memset(nd, 0, sizeof *nd);
		nd->rr = rr;
		if (!(nd->rec = rec_of(g->ctx, rr))->is_spf ||
		    rr->owner->below_cut) {
			continue;
		}
		if (2 * (g->n + 1) > g->hcap) {
			size_t k, cap = g->hcap ? g->hcap * 2 : 64;

			free(g->hash);
			g->hash = zl_xcalloc(cap, sizeof *g->hash);
			g->hcap = cap;
			for (k = 0; k < g->n; k++) {
				for (h = g->v[k].rr->owner->hash & (cap - 1);
				     g->hash[h]; h = (h + 1) & (cap - 1))
					;
				g->hash[h] = k + 1;
			}
		}
		for (h = rr->owner->hash & (g->hcap - 1); g->hash[h];
		     h = (h + 1) & (g->hcap - 1))
			;
		g->hash[h] = ++g->n;
	}
}

/* The records themselves belong to the run's memo. */
static void graph_free(struct graph *g)
{
	free(g->v);
	free(g->hash);
}

/* Where an include or redirect term points: a node, an in-zone name
 * without SPF (void), a name another zone answers for, or a macro.  The
 * query follows CNAMEs and wildcards inside the zone as a resolver
 * would (RFC 7208 §4.4, §5.2). */
static int resolve(const struct graph *g, const struct node *from,
		   const struct zl_spf_term *t, char *buf, size_t *out)
{
	const struct zl_name *n;

	*out = NONE;
	if (!zl_spf_domain(from->rec->txt.s, t, buf, DOMAIN_MAX))
		return T_MACRO;
	switch (zl_zone_answer(g->ctx->zone, buf, &n)) {
	case ZL_ANSWER_UNKNOWN:
		return T_OUTSIDE;
	case ZL_ANSWER_NONE:
		return T_VOID;
	default:
		*out = find_node(g, n);
		return *out != NONE ? T_NODE : T_VOID;
	}
}

/* Whether term i is evaluated and queries DNS (see struct zl_spf). */
static bool counted(const struct zl_spf *s, size_t i)
{
	const struct zl_spf_term *t = &s->terms[i];

	if (t->bad || !zl_spf_kind_queries(t->kind))
		return false;
	if (t->kind == ZL_SPF_REDIRECT)
		return s->all < 0 && (int)i == s->redirect;
	return s->all < 0 || (int)i < s->all;
}

/* The known lookups inside an out-of-zone domain (parameter
 * known-costs, keys with or without the final dot); *known tells whether
 * the domain was listed. */
static long known_cost(const struct graph *g, char *domain, bool *known)
{
	const struct zl_param *p;
	size_t len = strlen(domain);
	long v = 0;

	*known = false;
	if (!g->costs)
		return 0;
	p = zl_rule_param(g->ctx->rule, "known-costs");
	if ((*known = zl_param_lookup(p, domain, &v)))
		return v;
	domain[len - 1] = '\0';
	*known = zl_param_lookup(p, domain, &v);
	domain[len - 1] = '.';
	return v;
}

/* Emits the current rule at term t of node nd with "term", "domain" (the
 * record's owner: zone scope has no subject) and extra vars. */
static zl_finding emit_node_v(struct graph *g, const struct node *nd,
			      const struct zl_spf_term *t,
			      const struct zl_var *extra, size_t nextra)
{
	struct zl_var v[5] = { { "term", NULL }, { "domain", NULL } };
	zl_finding d;
	size_t i;

	v[0].value = term_str(nd->rec, t);
	v[1].value = nd->rr->owner->text;
	assert(nextra + 1 < sizeof v / sizeof v[0]);
	for (i = 0; i < nextra; i++)
		v[i + 2] = extra[i];
	d = zl_emit_vars(g->ctx, nd->rr->src, term_tok(nd->rec, t), v, i + 2);
	free((char *)v[0].value);
	return d;
}
#define EMIT_NODE(g, nd, t, ...) \
	emit_node_v((g), (nd), (t), ZL_VARS_(__VA_ARGS__) + 1, \
		    ZL_NVARS_(__VA_ARGS__))

/* Names of a loop shown in full; of a longer one, the first half and the
 * last ones, so that a report stays small however long the loop. */
#define CHAIN_SHOWN 8

/* RFC 7208 §4.6.4: a loop of includes or redirects never ends before the
 * lookup limit, so every evaluation through it is a permerror.  The walk
 * stack from the node that is reached again up to the top is the loop.
 * Each include or redirect that closes a loop is reported once, at its
 * term: removing it is the fix. */
static void report_loop(struct graph *g, const struct frame *st,
			size_t depth, size_t target,
			const struct zl_spf_term *t)
{
	struct zl_buf chain = { 0 };
	size_t first = g->v[target].pos, n = depth - first, i;

	if (!(g->report & REPORT_LOOP))
		return;
	for (i = first; i < depth; i++) {
		if (n > CHAIN_SHOWN && i == first + CHAIN_SHOWN / 2) {
			zl_buf_addf(&chain, "... (%zu more) -> ",
				    n - CHAIN_SHOWN + 1);
			i = depth - (CHAIN_SHOWN / 2 - 1);
		}
		zl_buf_addf(&chain, "'%s' -> ",
			    g->v[st[i].node].rr->owner->text);
	}
	zl_buf_addf(&chain, "'%s'", g->v[target].rr->owner->text);
	{
		EMIT_NODE(g, &g->v[st[depth - 1].node], t,
			  { "chain", chain.s });
	}
	zl_buf_free(&chain);
}

/* RFC 7208 §5.2 and §6.1: an include or redirect whose target has no SPF
 * record ends the evaluation in permerror. */
static void report_void(struct graph *g, const struct node *nd,
			const struct zl_spf_term *t, const char *target)
{
	if (g->report & REPORT_VOID)
		EMIT_NODE(g, nd, t, { "target", target });
}

/* Pushes node k onto the walk stack. */
static void push(struct graph *g, struct frame **st, size_t *depth,
		 size_t *cap, size_t k)
{
	zl_xgrow((void **)st, cap, *depth + 1, sizeof **st);
	g->v[k].pos = *depth;
	(*st)[(*depth)++] = (struct frame){ k, 0, 0, false };
	g->v[k].state = GREY;
}

/* One step of the walk for term t of the top frame: add its cost, or
 * descend into an in-zone target not yet visited. */
static void step(struct graph *g, struct frame **st, size_t *depth,
		 size_t *cap, const struct zl_spf_term *t)
{
	struct frame *f = &(*st)[*depth - 1];
	char buf[DOMAIN_MAX];
	bool known;
	size_t k;

	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT) {
		f->sum = sat_add(f->sum, 1);
		return;
	}
	switch (resolve(g, &g->v[f->node], t, buf, &k)) {
	case T_NODE:
		if (g->v[k].state == WHITE) {
			push(g, st, depth, cap, k);
			return;
		}
		if (g->v[k].state == GREY)
			report_loop(g, *st, *depth, k, t);
		else
			f->inexact |= g->v[k].inexact;
		f->sum = sat_add(f->sum, 1 + (g->v[k].state == BLACK ?
					      g->v[k].cost : 0));
		return;
	case T_VOID:
		report_void(g, &g->v[f->node], t, buf);
		break;
	case T_OUTSIDE:
		f->sum = sat_add(f->sum, known_cost(g, buf, &known));
		f->inexact |= !known;
		break;
	default:
		f->inexact = true;
		break;
	}
	f->sum = sat_add(f->sum, 1);
}

static void walk(struct graph *g, size_t root)
{
	struct frame *st = NULL;
	size_t depth = 0, cap = 0;

	push(g, &st, &depth, &cap, root);
	while (depth) {
		struct frame *f = &st[depth - 1];
		struct node *nd = &g->v[f->node];

		if (f->term == nd->rec->spf.nterms) {
			nd->cost = f->sum;
			nd->inexact = f->inexact;
			nd->state = BLACK;
			if (--depth) {
				f = &st[depth - 1];
				f->sum = sat_add(f->sum, 1 + nd->cost);
				f->inexact |= nd->inexact;
			}
			continue;
		}
		if (counted(&nd->rec->spf, f->term++))
			step(g, &st, &depth, &cap,
			     &nd->rec->spf.terms[f->term - 1]);
	}
	free(st);
}

/* Builds the graph and walks it from every node, in record order. */
static void graph_run(struct graph *g)
{
	size_t i;

	graph_build(g);
	for (i = 0; i < g->n; i++)
		if (g->v[i].state == WHITE)
			walk(g, i);
}

static void spf_loop(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .report = REPORT_LOOP };

	graph_run(&g);
	graph_free(&g);
}

const struct zl_check zl_check_spf_include_loop = {
	.name = "spf-include-loop",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_loop,
	.params = no_params,
	.vars = (const char *const[]){ "term", "domain", "chain", NULL },
};

static void spf_void(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .report = REPORT_VOID };

	graph_run(&g);
	graph_free(&g);
}

const struct zl_check zl_check_spf_void_include = {
	.name = "spf-void-include",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_void,
	.params = no_params,
	.vars = (const char *const[]){ "term", "domain", "target", NULL },
};

/* The lookups term i of nd costs once the walk is done, and whether that
 * figure is exact. */
static long term_cost(struct graph *g, const struct node *nd, size_t i,
		      bool *exact)
{
	const struct zl_spf_term *t = &nd->rec->spf.terms[i];
	char buf[DOMAIN_MAX];
	size_t k;
	int where;

	*exact = true;
	if (t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT)
		return 1;
	where = resolve(g, nd, t, buf, &k);
	if (where == T_NODE) {
		*exact = !g->v[k].inexact;
		return sat_add(1, g->v[k].cost);
	}
	if (where == T_OUTSIDE)
		return sat_add(1, known_cost(g, buf, exact));
	*exact = where != T_MACRO;
	return 1;
}

/* Finds the term at which the count passes limit, and tells in how (when
 * not NULL) how the count was reached: the terms that cost more than one
 * lookup, then how many single lookups there are. */
static void explain(struct graph *g, const struct node *nd, long limit,
		    struct zl_buf *how, size_t *over, bool *exact)
{
	const struct zl_spf *s = &nd->rec->spf;
	long run = 0, c, singles = 0;
	size_t i;
	bool ex;

	*over = NONE;
	*exact = true;
	for (i = 0; i < s->nterms; i++) {
		if (!counted(s, i))
			continue;
		c = term_cost(g, nd, i, &ex);
		*exact = *exact && ex;
		run = sat_add(run, c);
		if (run > limit && *over == NONE)
			*over = i;
		if (c == 1 && ex) {
			singles++;
			continue;
		}
		if (how)
			zl_buf_addf(how, "%s'%.*s' %s%ld",
				    how->len ? ", " : "",
				    (int)s->terms[i].text.len,
				    nd->rec->txt.s + s->terms[i].text.off,
				    ex ? "" : "at least ", c);
	}
	if (how && singles)
		zl_buf_addf(how, "%s%ld other term%s with one lookup each",
			    how->len ? ", " : "", singles,
			    singles == 1 ? "" : "s");
}

static const struct zl_param_spec lookup_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "10", .min = 1,
	  .max = 1000 },
	{ .key = "known-costs", .type = ZL_PT_INTMAP, .dflt = "{}",
	  .min = 0, .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: evaluating a record may cause at most 10 DNS-querying
 * terms, counted through every include and redirect; over that the
 * result is permerror.  Reported at the term that crosses the limit. */
static void spf_lookups(struct zl_ctx *ctx)
{
	struct graph g = { .ctx = ctx, .costs = true };
	long limit = zl_rule_int(ctx->rule, "limit");
	char count[40], lim[24];
	size_t i, over;
	bool exact;

	graph_run(&g);
	snprintf(lim, sizeof lim, "%ld", limit);
	for (i = 0; i < g.n; i++) {
		const struct node *nd = &g.v[i];
		struct zl_buf how = { 0 };

		explain(&g, nd, limit, NULL, &over, &exact);
		if (over != NONE) {
			explain(&g, nd, limit, &how, &over, &exact);
			snprintf(count, sizeof count, "%s%ld",
				 exact ? "" : "at least ", nd->cost);
			EMIT_NODE(&g, nd, &nd->rec->spf.terms[over],
				  { "count", count }, { "limit", lim },
				  { "how", how.s });
		}
		zl_buf_free(&how);
	}
	graph_free(&g);
}

const struct zl_check zl_check_spf_lookups = {
	.name = "spf-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = spf_lookups,
	.params = lookup_params,
	.vars = (const char *const[]){ "term", "domain", "count", "limit", "how",
				       NULL },
};

/* ---- what one evaluation asks the zone (RFC 7208 §4.6.4) ---- */

/* The name term t of r queries, canonical in buf (DOMAIN_MAX bytes): its
 * literal domain, or the record's owner for an a or mx without one (the
 * <domain> of check_host(), §5.3, §5.4).  False when it holds a macro. */
static bool query_name(const struct zl_rr *rr, const struct rec *r,
		       const struct zl_spf_term *t, char *buf)
{
	if (t->value.len)
		return zl_spf_domain(r->txt.s, t, buf, DOMAIN_MAX);
	if (rr->owner->len >= DOMAIN_MAX)
		return false;
	memcpy(buf, rr->owner->text, (size_t)rr->owner->len + 1);
	return true;
}

static const struct zl_param_spec mx_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "10", .min = 1,
	  .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: evaluating one mx term looks up the addresses of at
 * most 10 MX hosts; a longer MX RRset makes the term a permerror.  Known
 * where the zone holds the RRset the term queries. */
static void spf_mx_names(struct zl_ctx *ctx)
{
	long limit = zl_rule_int(ctx->rule, "limit");
	const struct zl_rrset *set;
	const struct zl_name *n;
	const struct rec *r;
	char buf[DOMAIN_MAX], count[24], lim[24];
	size_t i;

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
		return;
	snprintf(lim, sizeof lim, "%ld", limit);
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if (t->kind != ZL_SPF_MX || !counted(&r->spf, i) ||
		    !query_name(ctx->rr, r, t, buf) ||
		    zl_zone_answer(ctx->zone, buf, &n) != ZL_ANSWER_NAME ||
		    !(set = zl_name_rrset(n, LDNS_RR_TYPE_MX)) ||
		    (long)set->count <= limit)
			continue;
		snprintf(count, sizeof count, "%u", set->count);
		{
			EMIT_TERM(ctx, r, t, { "target", buf },
				  { "count", count }, { "limit", lim });
		}
	}
}

const struct zl_check zl_check_spf_mx_names = {
	.name = "spf-mx-names",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_mx_names,
	.params = mx_params,
	.vars = (const char *const[]){ "term", "target", "count", "limit",
				       NULL },
};

/* Whether term t's query for text finds nothing for any client (a void
 * lookup, §4.6.4: NXDOMAIN or an empty answer): a asks for A or AAAA
 * (by the client's address family), exists for A, mx for MX. */
static bool void_query(const struct zl_zone *z, const struct zl_spf_term *t,
		       const char *text)
{
	const struct zl_name *n;

	switch (zl_zone_answer(z, text, &n)) {
	case ZL_ANSWER_NONE:
		return true;
	case ZL_ANSWER_UNKNOWN:
		return false;
	default:
		break;
	}
	if (t->kind == ZL_SPF_MX)
		return !zl_name_rrset(n, LDNS_RR_TYPE_MX);
	return !zl_name_rrset(n, LDNS_RR_TYPE_A) &&
	       (t->kind == ZL_SPF_EXISTS ||
		!zl_name_rrset(n, LDNS_RR_TYPE_AAAA));
}

static const struct zl_param_spec void_params[] = {
	{ .key = "limit", .type = ZL_PT_INT, .dflt = "2", .min = 0,
	  .max = 1000 },
	{ .key = NULL },
};

/* RFC 7208 §4.6.4: receivers SHOULD allow at most two void lookups per
 * evaluation, and return permerror past that.  Counted over the a, mx
 * and exists terms of one record whose names the zone holds (includes
 * are not followed: an include without SPF is spf-void-include's);
 * reported at the term past the limit. */
static void spf_void_lookups(struct zl_ctx *ctx)
{
	long limit = zl_rule_int(ctx->rule, "limit"), nvoid = 0;
	const struct rec *r;
	struct zl_buf list = { 0 };
	char buf[DOMAIN_MAX], count[24], lim[24];
	size_t i, over = NONE;

	if (!(r = rec_of(ctx, ctx->rr))->is_spf)
		return;
	for (i = 0; i < r->spf.nterms; i++) {
		const struct zl_spf_term *t = &r->spf.terms[i];

		if ((t->kind != ZL_SPF_A && t->kind != ZL_SPF_MX &&
		     t->kind != ZL_SPF_EXISTS) || !counted(&r->spf, i) ||
		    !query_name(ctx->rr, r, t, buf) ||
		    !void_query(ctx->zone, t, buf))
			continue;
		zl_buf_addf(&list, "%s'%.*s'", nvoid ? ", " : "",
			    (int)t->text.len, r->txt.s + t->text.off);
		if (++nvoid == limit + 1)
			over = i;
	}
	if (over != NONE) {

		snprintf(count, sizeof count, "%ld", nvoid);
		snprintf(lim, sizeof lim, "%ld", limit);
		EMIT_TERM(ctx, r, &r->spf.terms[over], { "count", count },
			  { "limit", lim }, { "terms", list.s });
	}
	zl_buf_free(&list);
}

const struct zl_check zl_check_spf_void_lookups = {
	.name = "spf-void-lookups",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = spf_void_lookups,
	.params = void_params,
	.vars = (const char *const[]){ "term", "count", "limit", "terms",
				       NULL },
};
