/* check_dmarc.c - primitives for DMARC policy records (RFC 7489, RFC 9989):
 * placement, syntax, tags, policies and the syntax of report URIs.  The
 * profile and policy discovery: check_dmarc_org.c; the checks of report
 * addresses: check_dmarc_report.c; mail domains without a policy:
 * check_dmarc_domain.c. */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_dmarc.h"
#include "spf.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* ---- names ---- */

enum { OWN_OTHER, OWN_POLICY, OWN_REPORT };

/* RFC 7489 §6.1: policies live at _dmarc.<domain>; §7.1: the authorisation
 * of an external report destination at <domain>._report._dmarc.<dest>. */
static int owner_kind(const char *text)
{
	const char *p = strstr(text, "._report._dmarc.");

	if (strncmp(text, "_dmarc.", 7) == 0)
		return OWN_POLICY;
	return p && p > text ? OWN_REPORT : OWN_OTHER;
}

/* The value of tag name in r, or NULL when absent. */
static const struct zl_tv_tag *tag(const struct zl_tv_rec *r, const char *name)
{
	return zl_tv_find(&r->tv, r->txt.s, name, true);
}

/* ---- placement ---- */

static const char *const place_kinds[] = { "dmarc-elsewhere", "spf-at-dmarc",
					   NULL };

enum { PL_DMARC_ELSEWHERE, PL_SPF_AT_DMARC };
static const struct zl_variant_spec place_variants[] = {
	{ .key = "kind", .names = place_kinds },
	{ .key = NULL },
};

static const struct zl_param_spec place_params[] = {
	{ .key = NULL },
};

/* What the subject record is to the DMARC rules.  A dozen of them ask
 * about one record in a row (the engine visits subject by subject), and
 * the answer depends on the record alone: the last one is kept, parsed,
 * and no longer than that.  A zone of 50,000 mail domains has as many
 * policies, which kept to the end of the run in the memo held 17 MB of
 * the 1M-record bench zone's peak. */
struct last_subject {
	const struct zl_rr *rr;
	int kind;			/* owner_kind() */
	struct zl_tv_rec *parsed;	/* rr's text, once a rule asks */
	bool policy;			/* parsed is a DMARC record */
};

static void subject_release(void *obj)
{
	struct last_subject *c = obj;

	zl_tv_rec_free(c->parsed);
	free(c);
}

/* The subject's entry, brought to the current subject; NULL outside the
 * engine. */
static struct last_subject *subject_of(struct zl_ctx *ctx)
{
	struct last_subject *c = zl_memo_zone_obj(ctx, ZL_MEMO_DMARC_SUBJECT,
						  sizeof *c, subject_release);

	if (!c)
		return NULL;
	if (c->rr != ctx->rr) {
		zl_tv_rec_free(c->parsed);
		c->parsed = NULL;
		c->rr = ctx->rr;
		c->kind = owner_kind(ctx->rr->owner->text);
	}
	return c;
}

/* The subject record parsed, valid while it is the subject: never to be
 * kept beyond the call. */
static const struct zl_tv_rec *subject_text(struct zl_ctx *ctx)
{
	struct last_subject *c = subject_of(ctx);

	if (!c)
		return zl_tv_of(ctx, ctx->rr);
	if (!c->parsed) {
		c->parsed = zl_tv_rec_new(ctx->zone, ctx->rr);
		c->policy = zl_dmarc_is_record(c->parsed);
	}
	return c->parsed;
}

const struct zl_tv_rec *zl_dmarc_subject(struct zl_ctx *ctx, bool policy_only)
{
	struct last_subject *c = subject_of(ctx);
	int kind = c ? c->kind : owner_kind(ctx->rr->owner->text);
	const struct zl_tv_rec *r;

	if (kind == OWN_OTHER || (policy_only && kind != OWN_POLICY))
		return NULL;
	r = subject_text(ctx);
	return (c ? c->policy : zl_dmarc_is_record(r)) ? r : NULL;
}

/* RFC 7489 §6.1: receivers look for DMARC only at _dmarc.<domain>, so the
 * text anywhere else is dead; and SPF (RFC 7208 §4.5) is only read at the
 * domain itself, so SPF at _dmarc is a record pasted at the wrong name. */
static void dmarc_placement(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r;
	int kind = owner_kind(ctx->rr->owner->text);
	struct zl_tv_span at = { 0, 6 };
	const char *p = ctx->rr->owner->text;

	if (zl_rule_variant(ctx->rule, 0) == PL_SPF_AT_DMARC) {
		if (kind != OWN_POLICY ||
		    !zl_txt_may_hold(ctx->zone, ctx->rr, "v=spf1"))
			return;
		r = subject_text(ctx);
		if (!zl_spf_is_record(r->txt.s, r->txt.len))
			return;
		while (at.off < r->txt.len && r->txt.s[at.off] == ' ')
			at.off++;
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, at),
			{ "domain", p + 7 });
		return;
	}
	/* Every TXT record of the zone comes here: most are not parsed as
	 * tags when their text cannot hold "v=DMARC1". */
	if (kind != OWN_OTHER || zl_name_aliased(ctx->zone, ctx->rr->owner) ||
	    !zl_txt_may_hold(ctx->zone, ctx->rr, "dmarc1") ||
	    !zl_dmarc_looks(r = subject_text(ctx)))
		return;
	{
		/* "dmarc.example.com" lacks only the underscore */
		bool label = strncmp(p, "dmarc.", 6) == 0;
		char *want = zl_xasprintf("_dmarc.%s", label ? p + 6 :
					  zl_text_served(p));

		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, r->tv.tags[0].spec),
			{ "expected", want });
		free(want);
	}
}

const struct zl_check zl_check_dmarc_placement = {
	.name = "dmarc-placement",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_placement,
	.variants = place_variants,
	.params = place_params,
	.vars = (const char *const[]){ "expected", "domain", NULL },
};

/* RFC 7489 §6.6.3 step 5, RFC 9989 §4.10: with more than one DMARC record
 * at a name receivers apply no policy at all. */
static void dmarc_multiple(struct zl_ctx *ctx)
{
	if (owner_kind(ctx->name->text) == OWN_POLICY)
		zl_tv_multiple(ctx, "DMARC1", true, "DMARC");
}

const struct zl_check zl_check_dmarc_multiple = {
	.name = "dmarc-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = dmarc_multiple,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* RFC 7489 §6.3, §6.6.3 and RFC 9989 §4.7: a record must start with the
 * tag v=DMARC1 (the value is case-sensitive); any other TXT at a DMARC
 * name is discarded, harmless beside the name's policy record
 * (zl_tv_discarded).  SPF text there is dmarc-placement's. */
static void dmarc_version(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r;
	struct zl_tv_span at;
	enum zl_severity sev;
	char *why, *text;

	/* a record that shows v=DMARC1 is not parsed for this rule, which
	 * runs a pass of its own */
	if (owner_kind(ctx->rr->owner->text) == OWN_OTHER ||
	    zl_txt_surely_starts(ctx->zone, ctx->rr, "v", "DMARC1") ||
	    zl_dmarc_is_record(r = subject_text(ctx)) ||
	    zl_spf_is_record(r->txt.s, r->txt.len) ||
	    (sev = zl_tv_discarded(ctx, r, "DMARC1", false, "dmarc")) ==
	    ZL_SEV_OFF)
		return;
	why = zl_tv_version_why(r, "DMARC1", true, &at);
	text = zl_tv_str(r->txt.s, (struct zl_tv_span){ 0,
						      (uint32_t)r->txt.len });
	zl_emit_severity_default(ctx, ZL_EMIT(ctx, ctx->rr->src,
					      zl_tv_tok(r, at),
					      { "problem", why },
					      { "text", text }), sev);
	free(why);
	free(text);
}

const struct zl_check zl_check_dmarc_version = {
	.name = "dmarc-version",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_version,
	.params = no_params,
	.vars = (const char *const[]){ "problem", "text", NULL },
};

/* Emits at span sp of r with vars message and hint. */
static zl_finding emit_at(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			  struct zl_tv_span sp, const char *message,
			  const char *hint)
{
	return ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, sp),
		       { "message", message }, { "hint", hint });
}

/* ---- report URIs (RFC 7489 §6.4 dmarc-uri), as policy-missing and
 * check_dmarc_report.c read them ---- */

struct zl_dmarc_uri zl_dmarc_split_uri(const char *s, struct zl_tv_span item)
{
	struct zl_dmarc_uri u = { item, item, { item.off + item.len, 0 } };
	uint32_t i;

	for (i = item.off + item.len; i > item.off; i--)
		if (s[i - 1] == '!') {
			u.uri.len = i - 1 - item.off;
			u.size = (struct zl_tv_span){ i - 1,
						      item.off + item.len - i + 1 };
			break;
		}
	return u;
}

bool zl_dmarc_uri_tag(const struct zl_tv_rec *r, const struct zl_tv_tag *t)
{
	return (!t->bad || (t->raw8 && !t->cut)) && t->dup_ci < 0 &&
	       (zl_tv_eq(r->txt.s, t->name, "rua", true) ||
		zl_tv_eq(r->txt.s, t->name, "ruf", true));
}

/* Whether syntax error e of r is a byte from 0x80 on in the value of a
 * tag whose URIs DMARC011 checks: a URI holds none (RFC 3986 §2), and
 * the finding about the URI says so, and how to write it. */
static bool uri_byte(const struct zl_tv_rec *r, const struct zl_tv_error *e)
{
	size_t i;

	for (i = 0; e->raw8 && i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];

		if (t->raw8 && e->at.off >= t->value.off &&
		    e->at.off < t->value.off + t->value.len)
			return zl_dmarc_uri_tag(r, t);
	}
	return false;
}

/* What is wrong with the "!size" suffix sp: NULL when it is '!' 1*DIGIT
 * [k / m / g / t] and the number fits an unsigned 64-bit integer, as the
 * comment on dmarc-uri in RFC 7489 §6.4 requires (leading zeros aside). */
static const char *size_problem(const char *s, struct zl_tv_span sp)
{
	static const char max[] = "18446744073709551615";
	uint32_t i = sp.off + 1, end = sp.off + sp.len, n;

	if (end > i && strchr("kmgtKMGT", s[end - 1]))
		end--;
	if (end == i)
		return "the size limit after '!' must be digits with an "
		       "optional unit k, m, g or t";
	for (n = i; n < end; n++)
		if (s[n] < '0' || s[n] > '9')
			return "the size limit after '!' must be digits with "
			       "an optional unit k, m, g or t";
	while (i + 1 < end && s[i] == '0')
		i++;
	n = end - i;
	if (n > sizeof max - 1 ||
	    (n == sizeof max - 1 && memcmp(s + i, max, n) > 0))
		return "the number of the size limit after '!' is over "
		       "18446744073709551615, the most an unsigned 64-bit "
		       "integer holds";
	return NULL;
}

const char *zl_dmarc_uri_problem(const char *s, const struct zl_dmarc_uri *u,
				 struct zl_tv_span *bad)
{
	struct zl_tv_span scheme;
	const char *why;

	if (u->size.len && (why = size_problem(s, u->size))) {
		*bad = u->size;
		return why;
	}
	return zl_tv_list_uri_check(s, u->uri, &scheme, bad);
}

bool zl_dmarc_rua_valid(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *t = zl_tv_find(&r->tv, r->txt.s, "rua", true);
	struct zl_tv_span item, bad;
	uint32_t pos;

	if (!t || t->bad || t->dup_ci >= 0)
		return false;
	for (pos = t->value.off;
	     zl_tv_next_uri(r->txt.s, t->value, &pos, &item);) {
		struct zl_dmarc_uri u = zl_dmarc_split_uri(r->txt.s, item);

		if (!zl_dmarc_uri_problem(r->txt.s, &u, &bad))
			return true;
	}
	return false;
}

/* ---- tags ---- */

/* What to do about a tag RFC 9989 removed.  pct=100 was the default, the
 * policy for every message (t=n now); pct=0 tested it, as t=y does; a
 * share between has no equivalent. */
static const char *removed_hint(const char *s, const struct zl_tv_tag *t)
{
	if (!zl_tv_eq(s, t->name, "pct", true))
		return "drop it: RFC 9989 receivers ignore it";
	if (zl_tv_eq(s, t->value, "100", false))
		return "drop it: 100 is the default, the policy for every "
		       "message";
	if (zl_tv_eq(s, t->value, "0", false))
		return "use t=y for a testing policy instead of pct=0";
	return "RFC 9989 applies the policy to every message or, with t=y, "
	       "tests it (p=reject acts as quarantine): choose one";
}

static const char *const tag_problems[] = { "syntax", "duplicate", "unknown",
					    "removed", "value", NULL };

enum { T_SYNTAX, T_DUPLICATE, T_UNKNOWN, T_REMOVED, T_VALUE };
static const struct zl_variant_spec tag_variants[] = {
	{ .key = "problem", .names = tag_problems },
	{ .key = NULL },
};

enum { IN_7489 = 1, IN_9989 = 2 };

/* RFC 7489 §6.3 and RFC 9989 §4.7: RFC 9989 added np, psd and t and
 * removed pct, rf and ri. */
static const struct {
	const char *name;
	unsigned in;
} known_tags[] = {
	{ "v", 3 }, { "p", 3 }, { "sp", 3 }, { "rua", 3 }, { "ruf", 3 },
	{ "adkim", 3 }, { "aspf", 3 }, { "fo", 3 }, { "pct", IN_7489 },
	{ "rf", IN_7489 }, { "ri", IN_7489 }, { "np", IN_9989 },
	{ "psd", IN_9989 }, { "t", IN_9989 }, { NULL, 0 },
};

/* Which specifications know tag t (0: neither). */
static unsigned tag_known(const char *s, const struct zl_tv_tag *t)
{
	size_t i;

	for (i = 0; known_tags[i].name; i++)
		if (zl_tv_eq(s, t->name, known_tags[i].name, true))
			return known_tags[i].in;
	return 0;
}

/* Whether tag t of r is a known tag whose first letter a ';' replaced,
 * "; ;ua=" for "; rua=": right after an empty tag-spec, which DMARC005
 * reports, with a name that a letter in front makes known. */
static bool first_letter_lost(const struct zl_tv_rec *r,
			      const struct zl_tv_tag *t)
{
	size_t i;

	if (!zl_tv_after_empty(r, t))
		return false;
	for (i = 0; known_tags[i].name; i++)
		if (zl_tv_eq(r->txt.s, t->name, known_tags[i].name + 1, true))
			return true;
	return false;
}

/* Whether every ':'-separated item of sp is one of list; *bad gets the
 * first that is not. */
static bool all_of(const char *s, struct zl_tv_span sp,
		   const char *const *list, struct zl_tv_span *bad)
{
	struct zl_tv_span item;
	uint32_t pos = sp.off;

	while (zl_tv_next_item(s, sp, ':', &pos, &item))
		if (!zl_tv_one_of(s, item, list)) {
			*bad = item;
			return false;
		}
	return true;
}

/* Whether fo= value sp names an option twice (RFC 9989 §4.7); *bad gets
 * the second. */
static bool fo_twice(const char *s, struct zl_tv_span sp,
		     struct zl_tv_span *bad)
{
	struct zl_tv_span item;
	uint32_t pos = sp.off;
	unsigned seen = 0, bit;

	while (zl_tv_next_item(s, sp, ':', &pos, &item)) {
		char c = item.len ? (char)(s[item.off] | 0x20) : 0;

		bit = c == 'd' ? 4 : c == 's' ? 8 : c == '1' ? 2 : 1;
		if (seen & bit) {
			*bad = item;
			return true;
		}
		seen |= bit;
	}
	return false;
}

/* Whether sp is a decimal number of at most max (at most 4294967295) in
 * at most digits digits, leading zeros counted (0: any number of them).
 * RFC 7489 §6.4 writes pct as 1*3DIGIT, ri as 1*DIGIT. */
static bool number_max(const char *s, struct zl_tv_span sp, unsigned long max,
		       uint32_t digits)
{
	unsigned long v = 0;
	uint32_t i, lead = 0;

	if (sp.len == 0 || (digits && sp.len > digits))
		return false;
	while (lead + 1 < sp.len && s[sp.off + lead] == '0')
		lead++;
	if (sp.len - lead > 10)
		return false;
	for (i = 0; i < sp.len; i++) {
		if (s[sp.off + i] < '0' || s[sp.off + i] > '9')
			return false;
		v = v * 10 + (unsigned long)(s[sp.off + i] - '0');
	}
	return v <= max;
}

static const char *const policies[] = { "none", "quarantine", "reject", NULL };
static const char *const modes[] = { "r", "s", NULL };
static const char *const fo_opts[] = { "0", "1", "d", "s", NULL };
static const char *const formats[] = { "afrf", NULL };
static const char *const psd_vals[] = { "y", "n", "u", NULL };
static const char *const yes_no[] = { "y", "n", NULL };

static bool is_policy_tag(const char *s, const struct zl_tv_tag *t)
{
	return zl_tv_one_of(s, t->name,
			    (const char *const[]){ "p", "sp", "np", NULL });
}

/* The allowed values of tag t, or NULL when t is valid; *bad gets the
 * value or list item at fault.  RFC 7489 §6.3, RFC 9989 §4.7. */
static const char *bad_value(const char *s, const struct zl_tv_tag *t,
			     struct zl_tv_span *bad)
{
	*bad = t->value;
	if (is_policy_tag(s, t))
		return zl_tv_one_of(s, t->value, policies) ? NULL :
		       "none, quarantine or reject";
	if (zl_tv_one_of(s, t->name,
			 (const char *const[]){ "adkim", "aspf", NULL }))
		return zl_tv_one_of(s, t->value, modes) ? NULL :
		       "r (relaxed) or s (strict)";
	if (zl_tv_eq(s, t->name, "fo", true))
		return !all_of(s, t->value, fo_opts, bad) ?
		       "0, 1, d or s, separated by ':'" :
		       fo_twice(s, t->value, bad) ?
		       "0, 1, d or s, each at most once" : NULL;
	if (zl_tv_eq(s, t->name, "rf", true))
		return all_of(s, t->value, formats, bad) ? NULL : "afrf";
	if (zl_tv_eq(s, t->name, "ri", true))
		return number_max(s, t->value, 4294967295ul, 0) ? NULL :
		       "a number of seconds";
	if (zl_tv_eq(s, t->name, "pct", true))
		return number_max(s, t->value, 100, 3) ? NULL :
		       "an integer from 0 to 100";
	if (zl_tv_eq(s, t->name, "psd", true))
		return zl_tv_one_of(s, t->value, psd_vals) ? NULL : "y, n or u";
	if (zl_tv_eq(s, t->name, "t", true))
		return zl_tv_one_of(s, t->value, yes_no) ? NULL : "y or n";
	return NULL;
}

/* Whether the value of t runs on into a p, sp or np tag (only p when
 * p_only) (zl_tv_run_on), which receivers then do not read. */
static bool runs_into_policy(const char *s, const struct zl_tv_tag *t,
			     bool p_only)
{
	struct zl_tv_span v = t->value, name;
	struct zl_tv_tag lost;

	while (zl_tv_run_on(s, v, &name)) {
		lost.name = name;
		if (p_only ? zl_tv_eq(s, name, "p", true) :
			     is_policy_tag(s, &lost))
			return true;
		v.len -= name.off + name.len - v.off;
		v.off = name.off + name.len;
	}
	return false;
}

/* Whether tag t, of a name DMARC does not know (an extension name
 * among them), holds a policy: p misspelt ("ap=reject", "p.=reject"). */
static bool policy_slip(const char *s, const struct zl_tv_tag *t)
{
	return !tag_known(s, t) && zl_tv_one_of(s, t->value, policies);
}

/* Whether s[a..b) holds word (lower case) in any case. */
static bool holds(const char *s, uint32_t a, uint32_t b, const char *word)
{
	size_t n = strlen(word), k;

	for (; a + n <= b; a++) {
		for (k = 0; k < n && (s[a + k] | 0x20) == word[k]; k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

/* Whether the tag-spec of error e of r, which the parser could not
 * read, may be a p tag: it is "p" and more that is no letter or digit,
 * or it holds a policy ("p reject", "=p=reject", "p;reject"). */
static bool may_be_policy(const struct zl_tv_rec *r,
			  const struct zl_tv_error *e)
{
	const char *s = r->txt.s;
	uint32_t a = e->at.off, b = e->at.off + e->at.len, k;
	char next;

	while (a > 0 && s[a - 1] != ';')
		a--;
	while (b < r->txt.len && s[b] != ';')
		b++;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	next = a + 1 < b ? (char)(s[a + 1] | 0x20) : ' ';
	if (a < b && (s[a] | 0x20) == 'p' &&
	    !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9')))
		return true;
	for (k = 0; policies[k]; k++)
		if (holds(s, a, b, policies[k]))
			return true;
	return false;
}

/* Whether r's p tag may be there but unread, and another finding the
 * one about it: a tag-spec the parser could not read that may be p
 * (may_be_policy), or a policy under another name (policy_slip). */
static bool policy_hidden(const struct zl_tv_rec *r)
{
	size_t i;

	for (i = 0; i < r->tv.nerrs; i++)
		if (!r->tv.errs[i].empty && !r->tv.errs[i].ext_name &&
		    may_be_policy(r, &r->tv.errs[i]))
			return true;
	for (i = 1; i < r->tv.ntags; i++)
		if (policy_slip(r->txt.s, &r->tv.tags[i]))
			return true;
	return false;
}

/* Reports tag i of r for the rule's problem kind. */
static void tag_problem(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			unsigned kind, size_t i)
{
	const struct zl_tv_tag *t = &r->tv.tags[i];
	const char *s = r->txt.s, *want;
	unsigned in = tag_known(s, t);
	char *name = NULL, *msg = NULL;	/* the name quoted, for a finding */
	struct zl_tv_span bad;
	zl_finding d;

	if (kind == T_DUPLICATE && t->dup_ci >= 0) {
		name = zl_tv_str(s, t->name);
		d = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, t->spec),
			    { "tag", name });
		zl_emit_note(ctx, d, ctx->rr->src,
			     zl_tv_tok(r, r->tv.tags[t->dup_ci].spec),
			     "the first one is here");
	} else if (kind == T_UNKNOWN && !t->ext_name && !t->follow &&
		   !first_letter_lost(r, t) &&
		   !(in & (zl_dmarc_bis(ctx) ? 3 : IN_7489))) {
		/* A name DMARC005 reports, the part after a ';' that cut a
		 * tag-spec ("r;ua="), a ';' for a name's first letter
		 * ("; ;ua="), are DMARC005's. */
		bool slip = !tag(r, "p") && policy_slip(s, t);

		name = zl_tv_str(s, t->name);
		msg = zl_xasprintf("unknown tag '%s'%s", name, slip ?
			", so receivers read no policy from its value" : in ?
			" (RFC 9989 only; RFC 7489 receivers ignore it)" : "");
		d = emit_at(ctx, r, t->name, msg, slip ? "write the policy as "
			    "p=" : "receivers ignore unknown tags; check the "
			    "spelling");
		/* "ap=reject": the policy is what is lost, as with
		 * DMARC005's "p reject" */
		if (slip)
			zl_emit_severity_default(ctx, d, ZL_SEV_ERROR);
	} else if (kind == T_REMOVED && zl_dmarc_bis(ctx) && in == IN_7489) {
		name = zl_tv_str(s, t->name);
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, t->name),
			{ "tag", name }, { "hint", removed_hint(s, t) });
	} else if (kind == T_VALUE && !t->bad && !t->cut &&
		   (want = bad_value(s, t, &bad))) {
		char *v = zl_tv_str(s, bad), *hint, *lost;

		name = zl_tv_str(s, t->name);
		/* "p=reject rua=...": the ';' is missing, and what is lost
		 * is the tags after it more than the value. */
		if ((msg = zl_tv_run_on_msg(r, t, &bad)) != NULL) {
			lost = zl_tv_str(s, bad);
			hint = zl_xasprintf("put a ';' before '%s='", lost);
			free(lost);
		} else {
			msg = zl_xasprintf("invalid value '%s' for tag '%s'",
					   v, name);
			hint = zl_xasprintf("'%s' takes %s", name, want);
		}
		d = ZL_EMIT(ctx, ctx->rr->src,
			    zl_tv_tok(r, bad.len ? bad : t->spec),
			    { "message", msg }, { "hint", hint },
			    { "tag", name }, { "value", v },
			    { "expected", want });
		free(hint);
		/* RFC 7489 §6.3, RFC 9989 §4.8: receivers drop the bad
		 * value for the tag's default; only a lost policy is
		 * worse than that, its own value or a policy tag that the
		 * value runs on into. */
		if (!is_policy_tag(s, t) && !runs_into_policy(s, t, false))
			zl_emit_severity_default(ctx, d, ZL_SEV_WARNING);
		free(v);
	}
	free(msg);
	free(name);
}

/* RFC 7489 §6.4 and RFC 9989 §4.7 separate tags with *WSP ";" *WSP,
 * spaces and tabs only; §6.3 (§4.7) points at DKIM's tag-list, where a
 * folded line (CR LF and a blank) may stand there too, and receivers
 * differ: a CR or LF there is a warning, at its byte. */
static void line_breaks(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	uint32_t pos = 0;
	bool semi;
	char *q, *msg;

	while (zl_tv_next_break(r->txt.s, r->txt.len, &pos, &at, &semi)) {
		q = zl_tv_str(r->txt.s, at);
		msg = zl_xasprintf("control character '%s' %s: the DMARC "
				   "grammar allows only spaces and tabs around "
				   "';'", q, semi ? "between tags" :
				   "after the last tag");
		zl_emit_severity_default(ctx, emit_at(ctx, r, at, msg,
			"write a space instead: receivers that follow the "
			"grammar may discard the record"), ZL_SEV_WARNING);
		free(msg);
		free(q);
	}
}

/* Whether what receivers read of tag t, whose value a ';' cut, loses
 * the policy (a p, sp or np value that is none) or a report address (a
 * last URI of rua or ruf that is none). */
static bool cut_loses(const struct zl_tv_rec *r, const struct zl_tv_tag *t)
{
	const char *s = r->txt.s;
	struct zl_tv_span bad, item = { 0, 0 };
	struct zl_dmarc_uri u;
	uint32_t pos = t->value.off;

	if (is_policy_tag(s, t))
		return bad_value(s, t, &bad) != NULL;
	if (!zl_tv_eq(s, t->name, "rua", true) &&
	    !zl_tv_eq(s, t->name, "ruf", true))
		return false;
	while (zl_tv_next_uri(s, t->value, &pos, &item))
		;
	u = zl_dmarc_split_uri(s, item);
	return zl_dmarc_uri_problem(s, &u, &bad) != NULL;
}

/* The tags of r whose value a ';' right after it cuts ("p=r;ject",
 * zl_tv_tag.cut): one finding at the ';', which the value rules leave
 * to this one; an error when what receivers read loses the policy or a
 * report address. */
static void cut_tags(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	zl_finding d;
	char *msg;
	size_t i;

	for (i = 1; i < r->tv.ntags; i++) {
		if (!r->tv.tags[i].cut)
			continue;
		msg = zl_tv_cut_msg(r, &r->tv.tags[i], "tag", &at);
		d = emit_at(ctx, r, at, msg, "receivers read the value up to "
			    "the ';' and skip what follows it");
		if (!cut_loses(r, &r->tv.tags[i]))
			zl_emit_severity_default(ctx, d, ZL_SEV_WARNING);
		free(msg);
	}
}

/* Whether the p tag of r is lost in the invalid value of a tag before
 * it, "adkim=r p=reject": DMARC009 says so. */
static bool policy_run_on(const struct zl_tv_rec *r)
{
	struct zl_tv_span bad;
	size_t i;

	for (i = 1; i < r->tv.ntags; i++)
		if (!r->tv.tags[i].bad &&
		    bad_value(r->txt.s, &r->tv.tags[i], &bad) &&
		    runs_into_policy(r->txt.s, &r->tv.tags[i], true))
			return true;
	return false;
}

/* Whether r has a p tag that receivers read: one, without a syntax error,
 * with a valid value. */
static bool policy_read(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *p = tag(r, "p");
	struct zl_tv_span bad;

	return p && !p->bad && p->dup_ci < 0 && !bad_value(r->txt.s, p, &bad);
}

/* RFC 6376 §3.2 via RFC 7489 §6.3 / RFC 9989 §4.7: the tag-list syntax,
 * duplicate, unknown and removed tags, and the value of each tag. */
static void dmarc_tags(struct zl_ctx *ctx)
{
	unsigned kind = zl_rule_variant(ctx->rule, 0);
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, false);
	size_t i;

	if (!r)
		return;
	/* RFC 7489 §6.3, RFC 9989 §4.8: receivers discard a syntax error
	 * after the version and read the rest; it is an error when the
	 * policy is what they cannot read. */
	if (kind == T_SYNTAX) {
		for (i = 0; i < r->tv.nerrs; i++) {
			zl_finding d;

			/* the rest of a cut tag-spec: cut_tags() says */
			if (r->tv.errs[i].follow || uri_byte(r, &r->tv.errs[i]))
				continue;
			d = emit_at(ctx, r, r->tv.errs[i].at, r->tv.errs[i].msg,
				    "receivers skip this part of the record "
				    "and read the rest");
			if (policy_read(r) || r->tv.errs[i].empty)
				zl_emit_severity_default(ctx, d,
							 ZL_SEV_WARNING);
		}
		cut_tags(ctx, r);
		line_breaks(ctx, r);
		return;
	}
	for (i = 1; i < r->tv.ntags; i++)
		tag_problem(ctx, r, kind, i);
}

const struct zl_check zl_check_dmarc_tags = {
	.name = "dmarc-tags",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_tags,
	.variants = tag_variants,
	.params = zl_dmarc_profile_params,
	/* message and hint: the tag-value parser's words (syntax), or an
	 * unknown tag's; the other variants give tag, value and expected
	 * (what the tag takes), or hint (what to do instead). */
	.vars = (const char *const[]){ "message", "hint", "tag", "value",
				       "expected", NULL },
};

/* Under profile rfc7489 a finding the user left at its default severity
 * gets sev: RFC 7489 makes an error of what RFC 9989 only recommends. */
static void raise_7489(struct zl_ctx *ctx, zl_finding d,
		       enum zl_severity sev)
{
	if (!zl_dmarc_bis(ctx))
		zl_emit_severity_default(ctx, d, sev);
}

/* RFC 7489 §6.3: p is required in a policy record; §6.6.3 reads a record
 * without it as p=none when rua holds a valid URI, and applies no policy
 * otherwise.  RFC 9989 §4.7 made it recommended: a missing p means
 * p=none.  Under rfc7489 the finding is an error (a warning when rua
 * saves the record) unless the user set the rule's severity. */
static void dmarc_policy_missing(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, true);
	bool rua;
	zl_finding d;

	/* A p lost after a missing ';' is DMARC009's, one the syntax or an
	 * unknown name hides DMARC005's or DMARC007's: one cause, one
	 * finding. */
	if (!r || tag(r, "p") || policy_run_on(r) || policy_hidden(r))
		return;
	rua = zl_dmarc_rua_valid(r);
	{
		d = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, r->tv.tags[0].spec),
			    { "effect", zl_dmarc_bis(ctx) ?
			      "receivers treat the policy as p=none (RFC 9989)" :
			      rua ? "RFC 7489 receivers treat the policy as "
			      "p=none, since rua holds a valid URI (§6.6.3)" :
			      "RFC 7489 receivers apply no policy, since rua "
			      "holds no valid URI either (§6.6.3)" });
	}
	raise_7489(ctx, d, rua ? ZL_SEV_WARNING : ZL_SEV_ERROR);
}

const struct zl_check zl_check_dmarc_policy_missing = {
	.name = "dmarc-policy-missing",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_policy_missing,
	.params = zl_dmarc_profile_params,
	.vars = (const char *const[]){ "effect", NULL },
};

/* RFC 7489 §6.4: "components other than dmarc-version and dmarc-request
 * may appear in any order", so p must come right after v; RFC 9989 §4.7
 * lets the tags come in any order.  Under rfc7489 an error unless the
 * user set the rule's severity, under rfc9989 whatever the rule says. */
static void dmarc_policy_position(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, true);
	const struct zl_tv_tag *p;
	zl_finding d;

	if (!r || !(p = tag(r, "p")) || p == &r->tv.tags[1])
		return;
	{
		d = ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, p->spec),
			    { "effect", zl_dmarc_bis(ctx) ?
			      "RFC 9989 allows any order, but receivers that "
			      "follow RFC 7489 may reject the record" :
			      "RFC 7489 requires it there, so receivers may "
			      "reject the record" });
	}
	raise_7489(ctx, d, ZL_SEV_ERROR);
}

const struct zl_check zl_check_dmarc_policy_position = {
	.name = "dmarc-policy-position",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_policy_position,
	.params = zl_dmarc_profile_params,
	.vars = (const char *const[]){ "effect", NULL },
};

/* RFC 7489 §6.7, RFC 9989 §4.7: p=none asks for reports and nothing else;
 * at the organisational domain it leaves the whole domain open to
 * spoofing.  A note: it is the right first step of a deployment. */
/* Whether a DMARC record other than r (the same record twice is one,
 * RFC 2181 §5, as DMARC003 counts them) is at rr's name: with several,
 * receivers apply none. */
static bool another_dmarc(struct zl_ctx *ctx, const struct zl_rr *rr,
			  const struct zl_tv_rec *r)
{
	const struct zl_tv_rec *r2;
	const struct zl_rr *o;

	for (o = zl_first_rr(ctx->zone, rr->owner, LDNS_RR_TYPE_TXT); o;
	     o = zl_next_rr(ctx->zone, o))
		if (o != rr && zl_dmarc_is_record(r2 = zl_tv_of(ctx, o)) &&
		    !zl_txt_same(&r2->txt, &r->txt))
			return true;
	return false;
}

static void dmarc_policy_none(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r = zl_dmarc_subject(ctx, true);
	const char *domain = ctx->rr->owner->text + 7;
	const struct zl_tv_tag *p;

	if (!r || !(p = tag(r, "p")) ||
	    !zl_tv_eq(r->txt.s, p->value, "none", true) ||
	    zl_strcasecmp(zl_dmarc_org(ctx, domain), domain) != 0 ||
	    another_dmarc(ctx, ctx->rr, r))
		return;
	{
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, p->spec),
			{ "domain", domain });
	}
}

const struct zl_check zl_check_dmarc_policy_none = {
	.name = "dmarc-policy-none",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dmarc_policy_none,
	.params = zl_dmarc_profile_params,
	.vars = (const char *const[]){ "domain", NULL },
};
