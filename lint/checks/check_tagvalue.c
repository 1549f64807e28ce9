/* check_tagvalue.c - tag=value records for the primitives: parsed once per run, findings at their bytes. */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_tagvalue.h"

static void *rec_build(struct zl_arena *a, const struct zl_zone *z,
		       const struct zl_rr *rr)
{
	return zl_tv_rec_in(a, z, rr);
}

const struct zl_tv_rec *zl_tv_in(struct zl_ctx *ctx, const struct zl_zone *z,
			       const struct zl_rr *rr)
{
	return zl_memo_get(ctx, ZL_MEMO_TAGVALUE, z, rr, rec_build);
}

const struct zl_tv_rec *zl_tv_of(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return zl_tv_in(ctx, ctx->zone, rr);
}

zl_finding zl_tv_emit(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		      struct zl_tv_span sp, const char *message)
{
	return ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, sp),
		       { "message", message });
}

struct zl_tv_span zl_tv_trailing_blanks(const struct zl_tv_rec *r,
					bool *after_semi)
{
	size_t i = r->txt.len;

	while (i > 0 && (r->txt.s[i - 1] == ' ' || r->txt.s[i - 1] == '\t'))
		i--;
	*after_semi = i > 0 && r->txt.s[i - 1] == ';';
	return (struct zl_tv_span){ (uint32_t)i, (uint32_t)(r->txt.len - i) };
}

/* The most lost tags zl_tv_run_on_msg() names. */
#define RUN_ON_NAMES 4

char *zl_tv_run_on_msg(const struct zl_tv_rec *r, const struct zl_tv_tag *t,
		       struct zl_tv_span *at)
{
	struct zl_tv_span v = t->value, names[RUN_ON_NAMES + 1];
	struct zl_buf b = { 0 };
	char *first, *tag, *n;
	size_t count = 0, i;

	/* Every name= after a blank, each found after the one before. */
	while (count <= RUN_ON_NAMES &&
	       zl_tv_run_on(r->txt.s, v, &names[count])) {
		v.len -= names[count].off + names[count].len - v.off;
		v.off = names[count].off + names[count].len;
		count++;
	}
	if (!count)
		return NULL;
	*at = names[0];
	zl_buf_add(&b, "", 0);
	for (i = 0; i < count && i < RUN_ON_NAMES; i++) {
		n = zl_tv_str(r->txt.s, names[i]);
		zl_buf_addf(&b, "%s'%s'", !i ? "" : i + 1 == count ? " and " :
			    ", ", n);
		free(n);
	}
	if (count > RUN_ON_NAMES)
		zl_buf_add(&b, " and more", 9);
	first = zl_tv_str(r->txt.s, *at);
	tag = zl_tv_str(r->txt.s, t->name);
	n = zl_xasprintf("a ';' seems missing before '%s=': the value of "
			 "'%s' runs on into it, so %s %s not read", first, tag,
			 b.s, count > 1 ? "are" : "is");
	free(first);
	free(tag);
	free(b.s);
	return n;
}

char *zl_tv_cut_msg(const struct zl_tv_rec *r, const struct zl_tv_tag *t,
		    const char *what, struct zl_tv_span *at)
{
	uint32_t semi = t->spec.off + t->spec.len;
	const char *e = memchr(r->txt.s + semi + 1, ';',
			       r->txt.len - semi - 1);
	uint32_t end = e ? (uint32_t)(e - r->txt.s) : (uint32_t)r->txt.len;
	char *n = zl_tv_str(r->txt.s, t->name), *q, *msg;

	q = zl_tv_str(r->txt.s, (struct zl_tv_span){ semi + 1,
						     end - semi - 1 });
	*at = (struct zl_tv_span){ semi, 1 };
	msg = zl_xasprintf("a ';' seems to cut the value of '%s': '%s' after "
			   "it is no %s", n, q, what);
	free(q);
	free(n);
	return msg;
}

char *zl_tv_uri_msg(const char *s, struct zl_tv_span uri, const char *q,
		    const char *why, bool valid)
{
	struct zl_tv_span h;
	char *full = zl_tv_uri_host(s, uri, &h) ? zl_tv_host_alabel(s, h) :
		     NULL;
	/* cut as q is: a label too long may be hundreds of bytes */
	char *a = full ? zl_tv_str(full, (struct zl_tv_span){
				   0, (uint32_t)strlen(full) }) : NULL;
	char *msg = zl_xasprintf(valid ? "report URI '%s'%s%s%s may get no "
				 "report: %s" : "invalid report URI '%s'%s%s%s: "
				 "%s", q, a ? " (domain '" : "", a ? a : "",
				 a ? "' as A-labels)" : "", why);

	free(full);
	free(a);
	return msg;
}

void zl_tv_emit_repeats(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			const struct zl_tv_span *items,
			const struct zl_tv_span *uris, size_t n,
			const char *tag)
{
	long *first;
	zl_finding d;
	char *q, *msg;
	size_t i;

	if (n < 2)
		return;		/* most lists: nothing to compare */
	first = zl_xcalloc(n, sizeof *first);
	zl_tv_uri_repeats(r->txt.s, uris, n, first);
	for (i = 0; i < n; i++) {
		if (first[i] < 0)
			continue;
		q = zl_tv_str(r->txt.s, uris[i]);
		msg = zl_xasprintf("report URI '%s' is listed twice in %s=, so "
				   "each report may be sent to it twice", q,
				   tag);
		d = zl_tv_emit(ctx, r, items[i], msg);
		zl_emit_note(ctx, d, ctx->rr->src,
			     zl_tv_tok(r, items[first[i]]),
			     "the first one is here");
		free(msg);
		free(q);
	}
	free(first);
}

bool zl_tv_after_empty(const struct zl_tv_rec *r, const struct zl_tv_tag *t)
{
	size_t i;

	for (i = 0; i < r->tv.nerrs; i++)
		if (r->tv.errs[i].empty &&
		    r->tv.errs[i].at.off + 1 == t->spec.off)
			return true;
	return false;
}

bool zl_tv_hidden_tag(const struct zl_tv_rec *r)
{
	size_t i;

	for (i = 0; i < r->tv.nerrs; i++)
		if (!r->tv.errs[i].empty && !r->tv.errs[i].ext_name &&
		    !r->tv.errs[i].follow)
			return true;
	return false;
}

bool zl_tv_other_version(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *v = r->tv.ntags ? &r->tv.tags[0] : NULL;

	return v && zl_tv_eq(r->txt.s, v->name, "v", false) &&
	       (v->value.len < 4 ||
		strncasecmp(r->txt.s + v->value.off, "dkim", 4) != 0);
}

bool zl_tv_dkim_key(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *v = r->tv.ntags ? &r->tv.tags[0] : NULL;

	if (v && zl_tv_eq(r->txt.s, v->name, "v", false) &&
	    zl_tv_eq(r->txt.s, v->value, "DKIM1", false))
		return true;
	return !zl_tv_other_version(r) &&
	       zl_tv_find(&r->tv, r->txt.s, "p", false) != NULL;
}

/* The most TXT records at a name zl_tv_discarded() compares. */
#define DISCARDED_SCAN_MAX 64

/* Whether s[0..n) holds word (lowercase ASCII) in any case. */
static bool holds_word(const char *s, size_t n, const char *word)
{
	size_t i, k, w = strlen(word);

	for (i = 0; i + w <= n; i++) {
		for (k = 0; k < w && (s[i + k] | 0x20) == word[k]; k++)
			;
		if (k == w)
			return true;
	}
	return false;
}

char *zl_tv_version_why(const struct zl_tv_rec *r, const char *version,
			bool icase, struct zl_tv_span *at)
{
	const struct zl_tv_tag *v = zl_tv_find(&r->tv, r->txt.s, "v", icase);
	size_t n = strlen(version);

	*at = (struct zl_tv_span){ 0, (uint32_t)r->txt.len };
	if (zl_tv_first_after_ws(r, "v", version, icase)) {
		*at = zl_tv_head(r);
		return zl_xasprintf("whitespace comes before 'v=%s'", version);
	}
	if (v)
		*at = v->spec;
	else if (r->tv.ntags)
		*at = r->tv.tags[0].spec;
	if (v && v == &r->tv.tags[0] && v->value.len > n &&
	    strncmp(r->txt.s + v->value.off, version, n) == 0 &&
	    r->txt.s[v->value.off + n] &&
	    strchr(" \t,", r->txt.s[v->value.off + n]))
		return zl_xasprintf("a ';' is missing after 'v=%s'", version);
	if (v && v == &r->tv.tags[0])
		return zl_xasprintf(v->value.len ? "the version must be "
				    "exactly '%s'" : "the version is empty: "
				    "it must be '%s'", version);
	return zl_xasprintf(v ? "'v=%s' must be the first tag" :
			    "the record does not start with 'v=%s'", version);
}

bool zl_tv_is_record(const struct zl_tv_rec *r, const char *version,
		     bool icase)
{
	size_t n = strlen(version), i;
	char v[16];

	if (!n || version[n - 1] != ';')
		return zl_tv_first_is(r, "v", version, icase);
	if (n > sizeof v)
		return false;
	memcpy(v, version, n - 1);
	v[n - 1] = '\0';
	if (!zl_tv_first_is(r, "v", v, icase))
		return false;
	i = (size_t)r->tv.tags[0].value.off + r->tv.tags[0].value.len;
	while (i < r->txt.len && (r->txt.s[i] == ' ' || r->txt.s[i] == '\t'))
		i++;
	return i < r->txt.len && r->txt.s[i] == ';';
}

enum zl_severity zl_tv_discarded(struct zl_ctx *ctx, const struct zl_tv_rec *r,
				 const char *version, bool icase,
				 const char *word)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rrset *set = zl_name_rrset(ctx->rr->owner,
						   LDNS_RR_TYPE_TXT);
	const struct zl_rr *rr = NULL;

	/* Each record of the set looks at the others: only in sets of a
	 * size that names hold, not in a crafted one of thousands, where
	 * the name's own record is left to the rules that want one. */
	if (set && set->count > DISCARDED_SCAN_MAX)
		rr = ctx->rr;
	else
		for (rr = zl_first_rr(z, ctx->rr->owner, LDNS_RR_TYPE_TXT); rr;
		     rr = zl_next_rr(z, rr))
			if (rr != ctx->rr &&
			    zl_tv_is_record(zl_tv_of(ctx, rr), version, icase))
				break;
	if (!rr)
		return ZL_SEV_ERROR;
	if (holds_word(r->txt.s, r->txt.len, word) ||
	    (r->tv.ntags && zl_tv_eq(r->txt.s, r->tv.tags[0].name, "v", true)))
		return ZL_SEV_WARNING;
	return ZL_SEV_OFF;
}

void zl_tv_multiple_of(struct zl_ctx *ctx,
		       bool (*is)(const struct zl_tv_rec *r, const void *arg),
		       const void *arg, const char *what)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *first = NULL;
	const struct zl_rrset *set = zl_name_rrset(ctx->name,
						   LDNS_RR_TYPE_TXT);
	const struct zl_tv_rec *r;
	zl_finding d;

	/* A name of one record has no second: parsing it here would only
	 * keep the parse in the memo to the end of the run (a key record
	 * of a few hundred bytes at every selector of a large zone). */
	if (!set || set->count < 2)
		return;
	for (rr = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(z, rr)) {
		if (!is(r = zl_tv_of(ctx, rr), arg))
			continue;
		if (!first) {
			first = rr;
			continue;
		}
		/* The same record written twice is one (RFC 2181 §5). */
		if (zl_txt_same(&r->txt, &zl_tv_of(ctx, first)->txt))
			continue;
		d = ZL_EMIT(ctx, rr->src, zl_tv_tok(r, zl_tv_head(r)));
		r = zl_tv_of(ctx, first);
		zl_emit_note(ctx, d, first->src, zl_tv_tok(r, zl_tv_head(r)),
			     "the first %s record is here", what);
	}
}

/* zl_tv_is_record with the version and case of zl_tv_multiple. */
struct version {
	const char *version;
	bool icase;
};

static bool has_version(const struct zl_tv_rec *r, const void *arg)
{
	const struct version *v = arg;

	return zl_tv_is_record(r, v->version, v->icase);
}

void zl_tv_multiple(struct zl_ctx *ctx, const char *version, bool icase,
		    const char *what)
{
	const struct version v = { version, icase };

	zl_tv_multiple_of(ctx, has_version, &v, what);
}
