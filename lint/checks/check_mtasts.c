/* check_mtasts.c - primitives for MTA-STS (RFC 8461) and SMTP TLS reporting
 * (RFC 8460) records, and how they fit the rest of the zone. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check_tagvalue.h"
#include "nearest.h"

/* The two record kinds: where they live and how they start. */
struct kind {
	const char *param;	/* its name as a `record` variant */
	const char *name;	/* for messages */
	const char *prefix;	/* owner prefix */
	const char *version;	/* value of the first tag, v= */
	const char *begins;	/* what a record begins with after "v=",
				   as zl_tv_is_record() takes it */
	const char *field;	/* the field besides v that is no extension */
	const char *word;	/* the version in lower case */
	/* Labels that stand for the prefix when misspelled, without
	 * underscores ("mta_sts" is "mta-sts"). */
	const char *const *misspelt;
};

static const struct kind kinds[] = {
	/* RFC 8461 §3.1 */
	{ "mta-sts", "MTA-STS", "_mta-sts.", "STSv1", "STSv1;", "id", "stsv1",
	  (const char *const[]){ "mta-sts", "mtasts", NULL } },
	/* RFC 8460 §3 */
	{ "tls-rpt", "TLS-RPT", "_smtp._tls.", "TLSRPTv1", "TLSRPTv1;", "rua",
	  "tlsrptv1",
	  (const char *const[]){ "smtp", "tls", "smtp-tls", "tls-rpt",
				 "tlsrpt", NULL } },
};

/* Axis 0, `record`, indexes kinds[]; axis 1 of policy-record is what it
 * checks in the record. */
static const char *const record_names[] = { "mta-sts", "tls-rpt", NULL };
enum { P_SYNTAX, P_VERSION, P_ID, P_RUA, P_REPEAT, P_URI_REPEAT };

static const struct zl_variant_spec record_variants[] = {
	{ .key = "record", .names = record_names },
	{ .key = "problem", .names = (const char *const[]){ "syntax", "version", "id", "rua",
	  "repeat", "uri-repeat", NULL } },
	{ .key = NULL },
};

static const struct zl_variant_spec multiple_variants[] = {
	{ .key = "record", .names = record_names },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

static const struct kind *kind_of(const struct zl_ctx *ctx)
{
	return &kinds[zl_rule_variant(ctx->rule, 0)];
}

static bool at_kind(const struct kind *k, const char *owner)
{
	return strncmp(owner, k->prefix, strlen(k->prefix)) == 0;
}

/* Both RFCs: a record is one that begins "v=STSv1;" or "v=TLSRPTv1;"
 * (blanks before the ';' are read, as most senders do, and warned of by
 * version_blanks); other TXT records at the name are discarded. */
static bool is_record(const struct kind *k, const struct zl_tv_rec *r)
{
	return zl_tv_is_record(r, k->begins, false);
}

static char *field_problem(const struct kind *k, const struct zl_tv_rec *r,
			   const struct zl_tv_tag *t, struct zl_tv_span *at);

/* Whether the tag-spec sp of s starts with a slip of "<field>=": one
 * byte more, less or other ("i\t=1", "Arua=", "r=ua="). */
static bool slip_of(const char *s, struct zl_tv_span sp, const char *field)
{
	char want[8], got[8];
	size_t n = strlen(field) + 1, len;

	if (n + 2 > sizeof want)
		return false;
	snprintf(want, sizeof want, "%s=", field);
	for (len = n - 1; len <= n + 1 && len <= sp.len; len++) {
		memcpy(got, s + sp.off, len);
		got[len] = '\0';
		/* a NUL byte in the text ends the copy early: no match */
		if (strlen(got) == len && zl_edit_distance(got, want, 1) <= 1)
			return true;
	}
	return false;
}

/* Whether the field k->field (id, rua), missing from r, may be there
 * but broken: a tag-spec the parser could not read, or a field the
 * syntax rule reports whose name is a slip of it ("i\t=1", "Arua=..."),
 * or an extension right after an empty tag-spec whose name is ("; ;ua=",
 * a ';' typed for the 'r').  The syntax rule's finding is then the one
 * about it. */
static bool field_hidden(const struct kind *k, const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	char *msg;
	size_t i;

	if (zl_tv_hidden_tag(r))
		return true;
	for (i = 0; i < r->tv.ntags; i++) {
		const struct zl_tv_tag *t = &r->tv.tags[i];

		if (!(msg = t->bad || zl_tv_after_empty(r, t) ? zl_xstrdup("") :
			    field_problem(k, r, t, &at)))
			continue;
		free(msg);
		if (slip_of(r->txt.s, t->spec, k->field))
			return true;
	}
	return false;
}

/* RFC 8461 §3.1: id is 1 to 32 letters and digits. */
static void check_id(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *id = zl_tv_find(&r->tv, r->txt.s, "id", false);
	uint32_t i;

	/* A tag-spec STS001 reports may be the id; a malformed id is
	 * STS001's too: one bad byte, one finding. */
	if (!id) {
		if (!field_hidden(&kinds[0], r))
			zl_tv_emit(ctx, r, zl_tv_head(r),
				   "MTA-STS record has no id= tag");
		return;
	}
	if (id->bad || id->cut)
		return;
	for (i = 0; i < id->value.len; i++) {
		char c = r->txt.s[id->value.off + i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z')))
			break;
	}
	if (id->value.len == 0 || id->value.len > 32 || i < id->value.len) {
		struct zl_tv_span at = id->value.len ? id->value : id->spec;
		char *q = zl_tv_str(r->txt.s, id->value);
		char *msg = zl_tv_run_on_msg(r, id, &at);

		if (!msg)
			msg = zl_xasprintf("MTA-STS id '%s' is not 1 to 32 "
					   "letters and digits", q);
		zl_tv_emit(ctx, r, at, msg);
		free(msg);
		free(q);
	}
}

/* RFC 8460 §3: the URIs of rua are separated by *WSP "," *WSP, blanks
 * of spaces and tabs only: the first CR or LF in [a, b), the bytes
 * between two URIs, or NULL. */
static const char *list_break(const char *s, uint32_t a, uint32_t b)
{
	for (; a < b; a++)
		if (s[a] == '\r' || s[a] == '\n')
			return s + a;
	return NULL;
}

/* TLSRPT003's help, but for a character a URI holds only
 * percent-encoded (zl_tv_uri_fix). */
static const char rua_help[] = "use rua=mailto:tlsrpt@example.com or "
			       "rua=https://reports.example.com/tlsrpt";

/* Emits TLSRPT003 at bytes sp of r: message msg, help hint (or
 * rua_help). */
static zl_finding emit_rua(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			   struct zl_tv_span sp, const char *msg,
			   const char *hint)
{
	return ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, sp),
		       { "message", msg }, { "hint", hint ? hint : rua_help });
}

/* Emits TLSRPT003 at bytes sp of r about URI item, invalid or (valid
 * but doubtful) one that may get no report: why. */
static zl_finding emit_uri(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			   struct zl_tv_span item, struct zl_tv_span sp,
			   const char *why, bool valid)
{
	char *q = zl_tv_str(r->txt.s, item);
	char *msg = zl_tv_uri_msg(r->txt.s, item, q, why, valid);
	char *fix = valid ? NULL : zl_tv_uri_fix(r->txt.s, item, sp);
	zl_finding d = emit_rua(ctx, r, sp, msg, fix);

	free(fix);
	free(msg);
	free(q);
	return d;
}

/* Whether rua field t (or NULL) of a TLS-RPT record is one whose URIs
 * are read: no syntax error but maybe a byte from 0x80 on, which no URI
 * holds (RFC 3986 §2): the URI's finding, not TLSRPT001's.  One that a
 * ';' cuts is TLSRPT001's. */
static bool rua_read(const struct zl_tv_tag *t)
{
	return t && (!t->bad || t->raw8) && !t->cut;
}

/* Whether syntax error e of r, a record of kind k, is a byte from 0x80
 * on in the value of the rua field whose URIs TLSRPT003 reads. */
static bool rua_byte(const struct kind *k, const struct zl_tv_rec *r,
		     const struct zl_tv_error *e)
{
	const struct zl_tv_tag *t;

	if (!e->raw8 || k != &kinds[1])
		return false;
	t = zl_tv_find(&r->tv, r->txt.s, "rua", false);
	return rua_read(t) && e->at.off >= t->value.off &&
	       e->at.off < t->value.off + t->value.len;
}

/* RFC 8460 §3: why the URI item of s is no report URI, or NULL: a
 * mailto: or https: URI, a comma or '!' inside it percent-encoded.
 * *bad gets the bytes at fault. */
static const char *rua_problem(const char *s, struct zl_tv_span item,
			       struct zl_tv_span *bad)
{
	struct zl_tv_span scheme;
	const char *why = zl_tv_list_uri_check(s, item, &scheme, bad), *bang;

	if ((bang = memchr(s + item.off, '!', item.len))) {
		/* DMARC's "!size" suffix is a common copy */
		*bad = (struct zl_tv_span){ (uint32_t)(bang - s), 1 };
		return "'!' has no place in a TLS-RPT URI: drop a DMARC-style "
		       "'!size' suffix, write an '!' of the address as '%21'";
	}
	if (!why && !zl_tv_eq(s, scheme, "mailto", true) &&
	    !zl_tv_eq(s, scheme, "https", true)) {
		*bad = scheme;
		return "TLS-RPT takes only mailto: and https: URIs";
	}
	return why;
}

/* RFC 8460 §3: rua lists where reports go; a URI listed twice may get
 * each report twice. */
static void repeated_rua(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *t = zl_tv_find(&r->tv, r->txt.s, "rua", false);
	struct zl_tv_span item, bad, *items = NULL;
	size_t n = 0, cap = 0;
	uint32_t pos;

	if (!rua_read(t))
		return;
	for (pos = t->value.off;
	     zl_tv_next_uri(r->txt.s, t->value, &pos, &item);) {
		if (rua_problem(r->txt.s, item, &bad))
			continue;
		zl_xgrow((void **)&items, &cap, n + 1, sizeof *items);
		items[n++] = item;
	}
	zl_tv_emit_repeats(ctx, r, items, items, n, "rua");
	free(items);
}

/* RFC 8460 §3: rua is one or more mailto: or https: URIs, separated by
 * commas.  A URI at an IP address is valid but often not served: a
 * warning. */
static void check_rua(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *t = zl_tv_find(&r->tv, r->txt.s, "rua", false);
	const char *s = r->txt.s, *why, *brk;
	struct zl_tv_span item, bad, lost = { 0, 0 };
	char *run_on;
	uint32_t pos, prev;
	bool was_bad = false;

	/* A tag-spec TLSRPT001 reports may be the rua; a malformed rua is
	 * TLSRPT001's too: one bad byte, one finding. */
	if (!t) {
		if (!field_hidden(&kinds[1], r))
			emit_rua(ctx, r, zl_tv_head(r), "TLS-RPT record has "
				 "no rua= tag, so no report can be sent",
				 NULL);
		return;
	}
	if (!rua_read(t))
		return;
	run_on = zl_tv_run_on_msg(r, t, &lost);
	for (pos = prev = t->value.off;
	     zl_tv_next_uri(s, t->value, &pos, &item);
	     prev = item.off + item.len) {
		if ((brk = list_break(s, prev, item.off))) {
			char *q = zl_tv_str(s, (struct zl_tv_span){
				(uint32_t)(brk - s), 1 });
			char *msg = zl_xasprintf("control character '%s' "
				"around ',': only spaces and tabs may surround "
				"the ',' between report URIs", q);

			emit_rua(ctx, r, (struct zl_tv_span){
				(uint32_t)(brk - s), 1 }, msg, NULL);
			free(msg);
			free(q);
		}
		if (run_on && lost.off > item.off &&
		    lost.off < item.off + item.len) {
			emit_rua(ctx, r, lost, run_on, NULL);
			continue;
		}
		why = rua_problem(s, item, &bad);
		/* "m,ailto:...": a ',' right inside a URI, no blank at it,
		 * makes two bad ones of it: the finding about the first
		 * is the one. */
		if (why && !(was_bad && item.off == prev + 1 &&
			     s[prev] == ','))
			emit_uri(ctx, r, item, bad.len ? bad : item, why,
				 false);
		was_bad = why != NULL;
		if (!why && (why = zl_tv_uri_doubtful(s, item, &bad)))
			zl_emit_severity_default(ctx, emit_uri(ctx, r, item,
				bad, why, true), ZL_SEV_WARNING);
	}
	free(run_on);
}

/* What is wrong with field t of r by the stricter grammar of RFC 8461
 * §3.1 and RFC 8460 §3, or NULL (*at gets where).  Unlike RFC 6376 they
 * allow no whitespace around '='; every field but v and k->field is an
 * extension: a name of at most 32 characters and a value of one or more
 * printable characters other than '=', ';' and space. */
static char *field_problem(const struct kind *k, const struct zl_tv_rec *r,
			   const struct zl_tv_tag *t, struct zl_tv_span *at)
{
	const char *s = r->txt.s;
	char *n = zl_tv_str(s, t->name), *q, *msg = NULL;
	bool ext = !zl_tv_eq(s, t->name, "v", false) &&
		   !zl_tv_eq(s, t->name, k->field, false);
	uint32_t i;

	*at = t->spec;
	if (t->value.off != t->name.off + t->name.len + 1) {
		msg = zl_xasprintf("whitespace around '=' in field '%s': %s "
				   "records allow none", n, k->name);
	} else if (ext && t->name.len > 32) {
		*at = t->name;
		msg = zl_xasprintf("extension name '%s' is longer than 32 "
				   "characters", n);
	} else if (ext && t->value.len == 0) {
		msg = zl_xasprintf("extension '%s' has an empty value", n);
	}
	for (i = t->value.off; ext && !msg && i < t->value.off + t->value.len;
	     i++) {
		if (!s[i] || !strchr("= \t\r\n", s[i]))
			continue;
		*at = (struct zl_tv_span){ i, 1 };
		q = zl_tv_str(s, *at);
		msg = zl_xasprintf("invalid character '%s' in the value of "
				   "extension '%s': '=', ';' and spaces must "
				   "not appear there", q, n);
		free(q);
	}
	free(n);
	return msg;
}

/* RFC 8461 §3.1 and RFC 8460 §3 separate fields with *WSP ";" *WSP:
 * spaces and tabs only, where the tag-list parser also reads the CR and
 * LF of RFC 6376's folded lines.  Reports each at its byte; returns
 * whether there was one. */
static bool line_breaks(struct zl_ctx *ctx, const struct kind *k,
			const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	uint32_t pos = 0;
	bool semi, any = false;
	char *q, *msg;

	while (zl_tv_next_break(r->txt.s, r->txt.len, &pos, &at, &semi)) {
		q = zl_tv_str(r->txt.s, at);
		msg = zl_xasprintf("control character '%s' %s: %s records "
				   "allow only spaces and tabs around ';'", q,
				   semi ? "between fields" :
				   "after the last field", k->name);
		zl_tv_emit(ctx, r, at, msg);
		free(msg);
		free(q);
		any = true;
	}
	return any;
}

/* RFC 8461 §3.1 and RFC 8460 §3 let a field appear more than once and
 * do not say which one a sender uses: some take the first, some all. */
static void repeated(struct zl_ctx *ctx, const struct kind *k,
		     const struct zl_tv_rec *r)
{
	size_t i;
	char *n, *msg;

	for (i = 0; i < r->tv.ntags; i++) {
		if (r->tv.tags[i].dup < 0)
			continue;
		n = zl_tv_str(r->txt.s, r->tv.tags[i].name);
		msg = zl_xasprintf("'%s' is given twice, and the %s "
				   "specification does not say which one "
				   "senders use", n, k->name);
		zl_tv_emit(ctx, r, r->tv.tags[i].spec, msg);
		free(msg);
		free(n);
	}
}

/* Whether r starts "v=<version>" and then blanks with a CR or LF (*at)
 * before its ';': RFC 8461 §3.1 and RFC 8460 §3 allow only spaces and
 * tabs there, and senders look for the record by its first bytes. */
static bool version_break(const struct kind *k, const struct zl_tv_rec *r,
			  struct zl_tv_span *at)
{
	uint32_t i;

	if (!zl_tv_first_is(r, "v", k->version, false))
		return false;
	for (i = r->tv.tags[0].value.off + r->tv.tags[0].value.len;
	     i < r->txt.len && r->txt.s[i] != ';'; i++)
		if (r->txt.s[i] == '\r' || r->txt.s[i] == '\n') {
			*at = (struct zl_tv_span){ i, 1 };
			return true;
		}
	return false;
}

/* Whether r starts "v=<version>", blanks and a tag ("v=STSv1 id=1"):
 * the ';' after the version missing; *at gets that tag's name. */
static bool version_run_on(const struct kind *k, const struct zl_tv_rec *r,
			   struct zl_tv_span *at)
{
	const struct zl_tv_tag *v = r->tv.ntags ? &r->tv.tags[0] : NULL;
	size_t n = strlen(k->version);
	uint32_t i;

	if (!v || v->spec.off || !zl_tv_eq(r->txt.s, v->name, "v", false) ||
	    v->value.len <= n ||
	    strncmp(r->txt.s + v->value.off, k->version, n) != 0 ||
	    !zl_tv_run_on(r->txt.s, v->value, at))
		return false;
	for (i = v->value.off + (uint32_t)n; i < at->off; i++)
		if (r->txt.s[i] != ' ' && r->txt.s[i] != '\t')
			return false;
	return true;
}

/* RFC 8461 §3.1 and RFC 8460 §3 discard records that do not begin
 * "v=STSv1;" ("v=TLSRPTv1;"), while their grammar allows blanks before
 * the ';' (RFC 8461 erratum 6285): senders that go by the prose drop
 * "v=STSv1 ;" (mox takes it for an invalid record), others read it.  A
 * warning, at the blanks. */
static void version_blanks(struct zl_ctx *ctx, const struct kind *k,
			   const struct zl_tv_rec *r)
{
	uint32_t i = r->tv.tags[0].value.off + r->tv.tags[0].value.len, j;
	char *msg;

	for (j = i; j < r->txt.len && r->txt.s[j] != ';'; j++)
		;
	if (j == i || r->tv.tags[0].spec.off)
		return;
	msg = zl_xasprintf("blanks between 'v=%s' and its ';': the record "
			   "does not begin 'v=%s', which the specification "
			   "says senders discard, though its grammar allows "
			   "it", k->version, k->begins);
	zl_emit_severity_default(ctx, zl_tv_emit(ctx, r,
		(struct zl_tv_span){ i, j - i }, msg), ZL_SEV_WARNING);
	free(msg);
}

/* The version, syntax, id (MTA-STS) and rua (TLS-RPT) of one record. */
static void policy_record(struct zl_ctx *ctx)
{
	const struct kind *k = kind_of(ctx);
	unsigned problem = zl_rule_variant(ctx->rule, 1);
	const struct zl_tv_rec *r;
	enum zl_severity sev;
	size_t i;

	if (!at_kind(k, ctx->rr->owner->text))
		return;
	r = zl_tv_of(ctx, ctx->rr);
	/* Beside the name's record, one senders discard is harmless: a
	 * warning when it still names the kind, else not reported. */
	if (problem == P_VERSION && !is_record(k, r) &&
	    (sev = zl_tv_discarded(ctx, r, k->begins, false, k->word)) !=
	    ZL_SEV_OFF) {
		bool ws = zl_tv_first_after_ws(r, "v", k->version, false);
		struct zl_tv_span at = zl_tv_head(r);
		char *msg, *q;

		if (version_break(k, r, &at)) {
			q = zl_tv_str(r->txt.s, at);
			msg = zl_xasprintf("control character '%s' between "
					   "'v=%s' and its ';', so senders "
					   "ignore the record", q, k->version);
			free(q);
		} else if (!ws && version_run_on(k, r, &at)) {
			/* "v=STSv1 id=1": the ';' is missing, and the
			 * record with it */
			q = zl_tv_str(r->txt.s, at);
			msg = zl_xasprintf("a ';' seems missing after 'v=%s', "
					   "before '%s=', so senders ignore "
					   "the record", k->version, q);
			free(q);
		} else {
			at = zl_tv_head(r);
			msg = zl_xasprintf("the record %s 'v=%s', so senders "
					   "ignore it", ws ? "has whitespace "
					   "before" : "does not start with",
					   ws ? k->version : k->begins);
		}
		zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, at, msg),
					 sev);
		free(msg);
	}
	if (!is_record(k, r))
		return;
	if (problem == P_VERSION)
		version_blanks(ctx, k, r);
	if (problem == P_SYNTAX) {
		bool after_semi, breaks;
		struct zl_tv_span ws = zl_tv_trailing_blanks(r, &after_semi);
		char *blanks;

		/* The rest of a cut tag-spec follows from its start; a
		 * byte from 0x80 on in a read rua is its URI's finding. */
		for (i = 0; i < r->tv.nerrs; i++)
			if (!r->tv.errs[i].ext_name && !r->tv.errs[i].follow &&
			    !rua_byte(k, r, &r->tv.errs[i]))
				zl_tv_emit(ctx, r, r->tv.errs[i].at,
					r->tv.errs[i].msg);
		breaks = line_breaks(ctx, k, r);
		/* Some senders read past them (postfix-mta-sts-resolver,
		 * mox after a TLS-RPT rua=), some do not: a warning. */
		if (ws.len && !after_semi && r->tv.nerrs == 0 && !breaks) {
			blanks = zl_xasprintf("blanks after the last value: "
					      "%s records allow blanks only "
					      "around ';', and strict senders "
					      "ignore the record", k->name);
			zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, ws,
								 blanks),
						 ZL_SEV_WARNING);
			free(blanks);
		}
		for (i = 0; i < r->tv.ntags; i++) {
			const struct zl_tv_tag *t = &r->tv.tags[i];
			struct zl_tv_span at;
			char *msg = t->cut ? zl_tv_cut_msg(r, t, "field", &at) :
				    t->bad || t->follow ? NULL :
				    field_problem(k, r, t, &at);

			if (msg)
				zl_tv_emit(ctx, r, at, msg);
			free(msg);
		}
	} else if (problem == P_REPEAT) {
		repeated(ctx, k, r);
	} else if (problem == P_ID && k == &kinds[0]) {
		check_id(ctx, r);
	} else if (problem == P_RUA && k == &kinds[1]) {
		check_rua(ctx, r);
	} else if (problem == P_URI_REPEAT && k == &kinds[1]) {
		repeated_rua(ctx, r);
	}
}

const struct zl_check zl_check_policy_record = {
	.name = "policy-record",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = policy_record,
	.variants = record_variants,
	.params = no_params,
	.vars = (const char *const[]){ "message", "hint", NULL },
};

/* RFC 8461 §3.1, RFC 8460 §3: with more than one record, the domain is
 * treated as having no policy (no reporting). */
static void policy_multiple(struct zl_ctx *ctx)
{
	const struct kind *k = kind_of(ctx);

	if (at_kind(k, ctx->name->text))
		zl_tv_multiple(ctx, k->begins, false, k->name);
}

const struct zl_check zl_check_policy_multiple = {
	.name = "policy-multiple",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = policy_multiple,
	.variants = multiple_variants,
	.params = no_params,
	.vars = (const char *const[]){ NULL },
};

/* Whether the first label of canonical text is one of k->misspelt, read
 * without its underscores ('_' inside it as '-'); its length in *n. */
static bool misspelt_label(const struct kind *k, const char *text,
			   size_t *n)
{
	const char *end = strchr(text, '.'), *const *w;
	char label[16];
	size_t i, j = 0;

	if (!end || end == text || (size_t)(end - text) >= sizeof label)
		return false;
	for (i = 0; text + i < end; i++)
		if (text[i] != '_' || j)
			label[j++] = text[i] == '_' ? '-' : text[i];
	label[j] = '\0';
	*n = (size_t)(end - text) + 1;
	for (w = k->misspelt; *w; w++)
		if (strcmp(label, *w) == 0)
			return true;
	return false;
}

/* RFC 8461 §3.1, RFC 8460 §3: senders look for the record at its prefix
 * under the domain only; one elsewhere is never read.  The domain meant
 * is the owner without up to two labels that misspell the prefix
 * ("mta-sts.", "_smtp.tls.", "_tls._smtp."), else the owner. */
static void policy_placement(struct zl_ctx *ctx)
{
	const struct kind *k = kind_of(ctx);
	const char *owner = ctx->rr->owner->text, *domain = owner;
	const struct zl_tv_rec *r;
	size_t n, i;
	char *want;

	/* A wildcard answers at the prefix too (RFC 4592). */
	if (at_kind(k, owner) || owner[0] == '*' ||
	    !zl_txt_may_start_v(ctx->zone, ctx->rr, k->version) ||
	    !is_record(k, r = zl_tv_of(ctx, ctx->rr)))
		return;
	for (i = 0; i < 2 && misspelt_label(k, domain, &n); i++)
		domain += n;
	/* An alias at the prefix may lead here; a hosted service's name
	 * for a customer is no misspelt prefix. */
	if ((ctx->rr->owner->refs & ZL_REF_CNAME) ||
	    (domain == owner && zl_name_aliased(ctx->zone, ctx->rr->owner)))
		return;
	want = zl_xasprintf("%s%s", k->prefix,
			    zl_name_tail(zl_text_served(domain)));
	ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, r->tv.tags[0].spec),
		{ "expected", want });
	free(want);
}

const struct zl_check zl_check_policy_placement = {
	.name = "policy-placement",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = policy_placement,
	.variants = multiple_variants,
	.params = no_params,
	.vars = (const char *const[]){ "expected", NULL },
};

/* The first MTA-STS record at the subject name, or NULL. */
static const struct zl_rr *sts_record(struct zl_ctx *ctx)
{
	const struct zl_rr *rr;

	if (!at_kind(&kinds[0], ctx->name->text))
		return NULL;
	for (rr = zl_first_rr(ctx->zone, ctx->name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(ctx->zone, rr))
		if (is_record(&kinds[0], zl_tv_of(ctx, rr)))
			return rr;
	return NULL;
}

/* Whether n answers for an address (A, AAAA, or an alias). */
static bool has_host(const struct zl_name *n)
{
	return n && (zl_name_rrset(n, LDNS_RR_TYPE_A) ||
		     zl_name_rrset(n, LDNS_RR_TYPE_AAAA) ||
		     zl_name_rrset(n, LDNS_RR_TYPE_CNAME));
}


/* Emits the current rule at the MTA-STS record rr with one variable. */
static zl_finding emit_sts(struct zl_ctx *ctx, const struct zl_rr *rr,
			   const char *var, const char *value)
{
	const struct zl_tv_rec *r = zl_tv_of(ctx, rr);

	return ZL_EMIT(ctx, rr->src, zl_tv_tok(r, zl_tv_head(r)),
		       { var, value });
}

/* RFC 8461 §3.3: senders fetch the policy from
 * https://mta-sts.<domain>/.well-known/mta-sts.txt; without that host
 * the TXT record announces a policy nobody can fetch.  A wildcard with
 * an address answers for a host that does not exist. */
static void sts_host(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = sts_record(ctx);
	const char *domain = ctx->name->text + strlen(kinds[0].prefix);
	struct zl_at at;
	char *host;

	if (!rr || ctx->name->below_cut)
		return;
	host = zl_xasprintf("mta-sts.%s", domain);
	/* The host may be in a zone of its own (a child zone of the run). */
	at = zl_lookup(ctx, host);
	/* a file of the zone that $INCLUDE could not read, or a record the
	 * loader lost, may be what gives the host its addresses */
	if (at.zone == ctx->zone &&
	    (ctx->zone->lost_unread || zl_lost_at(ctx, at.name, 0)))
		at.zone = NULL;
	if (at.zone && !zl_text_below_cut(at.zone, host) &&
	    !has_host(at.name) && ((at.name && zl_name_sets(at.name)) ||
				   !has_host(zl_zone_wildcard(at.zone, host))))
		emit_sts(ctx, rr, "host", host);
	free(host);
}

const struct zl_check zl_check_sts_host = {
	.name = "sts-host",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = sts_host,
	.params = no_params,
	.vars = (const char *const[]){ "host", NULL },
};

/* RFC 8461 §1.1 points at RFC 8460: an MTA-STS domain learns about
 * failed TLS only through TLS-RPT.  A note: reporting is optional.  A
 * _smtp._tls (or _tls) delegated to a zone the run lacks is unknown.  A
 * DNAME over it (at _tls) sends the query to the name it makes (RFC 6672
 * §2.2), which is judged, and noted; a query that fails is unknown. */
static void sts_without_tlsrpt(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = sts_record(ctx);
	const char *domain = ctx->name->text + strlen(kinds[0].prefix), *q;
	char *want, buf[2][ZL_NAME_TEXT_MAX];
	struct zl_at at;

	if (!rr || ctx->name->below_cut)
		return;
	want = zl_xasprintf("_smtp._tls.%s", domain);
	if ((q = zl_dname_end(ctx, want, buf)) != NULL &&
	    (at = zl_lookup(ctx, q)).zone && !zl_text_below_cut(at.zone, q) &&
	    !zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT) &&
	    !zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_CNAME))
		(void)zl_note_dnames(ctx, emit_sts(ctx, rr, "expected", want),
				     want);
	free(want);
}

const struct zl_check zl_check_sts_without_tlsrpt = {
	.name = "sts-without-tlsrpt",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_NAME),
	.fn = sts_without_tlsrpt,
	.params = no_params,
	.vars = (const char *const[]){ "expected", NULL },
};
