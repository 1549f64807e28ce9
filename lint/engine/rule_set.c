/* rule_set.c - the rule set: loading packs, selection, parameters, bounded matching. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "fs.h"
#include "rule.h"
#include "rule_builtin.h"

/* PCRE2 effort limits for every pattern of every rule (DESIGN §8).  A
 * backtracking bomb such as `(a+)+$` stops at the match limit within a
 * millisecond or so, and each rule's effort budget (rule.h) stops it after
 * a few such subjects; the heap limit (KiB) bounds the backtracking
 * frames. */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT 8192

static const char *const scope_names[] = { "record", "rrset", "name", "zone" };

static pcre2_match_context *match_context(uint32_t steps)
{
	pcre2_match_context *c = pcre2_match_context_create(NULL);

	if (!c)
		zl_oom(0);
	pcre2_set_match_limit(c, steps);
	pcre2_set_depth_limit(c, DEPTH_LIMIT);
	pcre2_set_heap_limit(c, HEAP_LIMIT);
	return c;
}

struct zl_ruleset *zl_ruleset_new(void)
{
	struct zl_ruleset *rs = zl_xcalloc(1, sizeof *rs);

	rs->mctx = match_context(MATCH_LIMIT);
	rs->mctx_free = match_context(ZL_MATCH_FREE);
	return rs;
}

void zl_ruleset_free(struct zl_ruleset *rs)
{
	size_t i;

	if (!rs)
		return;
	for (i = 0; i < rs->n; i++)
		if (!rs->base || rs->rules[i] != rs->base->rules[i])
			zl_rule_free(rs->rules[i]);
	free(rs->rules);
	if (!rs->base) {
		free(rs->plan);
		free(rs->effort);
		free(rs->byid);
		free(rs->byname);
		pcre2_match_context_free(rs->mctx);
		pcre2_match_context_free(rs->mctx_free);
	}
	free(rs);
}

enum zl_status zl_ruleset_load_buffer(struct zl_ruleset *rs, const char *name,
				      const char *buf, size_t len,
				      struct zl_diags *errs)
{
	return zl_ruleset_load_yaml(rs, name, buf, len, zl_checks, zl_ncheck,
				    errs);
}

enum zl_status zl_ruleset_load_builtin(struct zl_ruleset *rs,
				       struct zl_diags *errs)
{
	return zl_ruleset_load_packs(rs, zl_builtin_packs, zl_builtin_npacks,
				     zl_checks, zl_ncheck, errs);
}

/* Loads a rule file through the file system: one the user named (root
 * NULL), or one found in the rules directory root. */
static enum zl_status load_read(struct zl_ruleset *rs, const char *root,
				const char *path, struct zl_diags *errs)
{
	struct zl_read rd = { root, path, NULL, 0, ZL_RULES_MAX_SIZE };
	char *shown = root ? zl_path_join(root, path) : zl_xstrdup(path);
	enum zl_status st;
	struct zl_file f;

	st = zl_fs_load(&rd, "rule file", shown, &f, errs);
	if (st == ZL_OK)
		st = zl_ruleset_load_buffer(rs, shown, f.data, f.len, errs);
	free(f.data);
	free(f.id);
	free(shown);
	return st;
}

enum zl_status zl_ruleset_load_file(struct zl_ruleset *rs, const char *path,
				    struct zl_diags *errs)
{
	return load_read(rs, NULL, path, errs);
}

enum zl_status zl_ruleset_load_file_in(struct zl_ruleset *rs, const char *dir,
				       const char *name, struct zl_diags *errs)
{
	return load_read(rs, dir, name, errs);
}

/* ---- copies (a config derives rule sets from a loaded one) ---- */

static pcre2_code *re_copy(const pcre2_code *re)
{
	pcre2_code *c;

	if (!re)
		return NULL;
	if (!(c = pcre2_code_copy(re)))
		zl_oom(0);
	return c;
}

static const char **strv_copy(const char *const *v, size_t n)
{
	const char **c = zl_xcalloc(n ? n : 1, sizeof *c);
	size_t i;

	for (i = 0; v && i < n; i++)
		c[i] = zl_xstrdup(v[i]);
	return c;
}

void zl_param_copy(struct zl_param *dst, const struct zl_param *src)
{
	size_t i;

	*dst = *src;
	dst->s = zl_xstrdup(src->s);
	dst->keys = src->keys ? strv_copy(src->keys, src->n) : NULL;
	dst->vals = NULL;
	dst->res = NULL;
	if (src->vals) {
		dst->vals = zl_xcalloc(src->n ? src->n : 1, sizeof *dst->vals);
		memcpy(dst->vals, src->vals, src->n * sizeof *dst->vals);
	}
	if (src->res) {
		dst->res = zl_xcalloc(src->n ? src->n : 1, sizeof *dst->res);
		for (i = 0; i < src->n; i++)
			dst->res[i] = re_copy(src->res[i]);
	}
}

struct zl_ruleset *zl_ruleset_derive(const struct zl_ruleset *base)
{
	struct zl_ruleset *rs = zl_xcalloc(1, sizeof *rs);

	rs->base = base;
	rs->rules = zl_xcalloc(base->n ? base->n : 1, sizeof *rs->rules);
	if (base->n)
		memcpy(rs->rules, base->rules, base->n * sizeof *rs->rules);
	rs->n = rs->cap = base->n;
	rs->mctx = base->mctx;
	rs->mctx_free = base->mctx_free;
	rs->effort = base->effort;
	rs->plan = base->plan;
	rs->nplan = base->nplan;
	rs->byid = base->byid;
	rs->byname = base->byname;
	return rs;
}

struct zl_rule *zl_ruleset_own(struct zl_ruleset *rs, size_t i)
{
	const struct zl_rule *r = rs->rules[i];
	struct zl_rule *c;
	size_t k;

	if (!rs->base || r != rs->base->rules[i])
		return rs->rules[i];
	c = zl_xmalloc(sizeof *c);
	*c = *r;
	c->like = r;
	c->params = zl_xcalloc(r->nparams ? r->nparams : 1, sizeof *c->params);
	for (k = 0; k < r->nparams; k++)
		zl_param_copy(&c->params[k], &r->params[k]);
	rs->rules[i] = c;
	return c;
}

/* ---- finding rules by id and name ---- */

static unsigned char lc(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : (unsigned char)c;
}

/* How t (NUL-terminated) compares with s[0..n) in ASCII case-insensitive
 * order: as a whole, or (prefix) only its first n bytes. */
static int cmp_ci(const char *t, const char *s, size_t n, bool prefix)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lc(t[i]) != lc(s[i]) || !t[i])
			return (int)lc(t[i]) - (int)lc(s[i]);
	return !prefix && t[n] ? 1 : 0;
}

static const char *key_of(const struct zl_ruleset *rs, uint32_t i, bool names)
{
	return names ? rs->rules[i]->name : rs->rules[i]->id;
}

struct ikey {
	const char *s;
	uint32_t ri;
};

static int ikey_cmp(const void *a, const void *b)
{
	return zl_strcasecmp(((const struct ikey *)a)->s,
			     ((const struct ikey *)b)->s);
}

/* The indexes of rs's rules in the order of their ids or names. */
static uint32_t *index_by(const struct zl_ruleset *rs, bool names)
{
	struct ikey *k = zl_xcalloc(rs->n ? rs->n : 1, sizeof *k);
	uint32_t *idx = zl_xcalloc(rs->n ? rs->n : 1, sizeof *idx);
	size_t i;

	for (i = 0; i < rs->n; i++)
		k[i] = (struct ikey){ key_of(rs, (uint32_t)i, names),
				      (uint32_t)i };
	qsort(k, rs->n, sizeof *k, ikey_cmp);
	for (i = 0; i < rs->n; i++)
		idx[i] = k[i].ri;
	free(k);
	return idx;
}

void zl_ruleset_reindex(struct zl_ruleset *rs)
{
	free(rs->byid);
	free(rs->byname);
	rs->byid = index_by(rs, false);
	rs->byname = index_by(rs, true);
}

/* The first entry of an index whose string compares with s[0..n) above
 * 0 (upper) or at least 0. */
static size_t bound(const struct zl_ruleset *rs, bool names, const char *s,
		    size_t n, bool prefix, bool upper)
{
	const uint32_t *idx = names ? rs->byname : rs->byid;
	size_t lo = 0, hi = rs->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp_ci(key_of(rs, idx[mid], names), s, n, prefix);
		if (c < 0 || (upper && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long zl_ruleset_exact(const struct zl_ruleset *rs, bool names,
		      const char *s, size_t n)
{
	const uint32_t *idx = names ? rs->byname : rs->byid;
	size_t i = bound(rs, names, s, n, false, false);

	return i < rs->n && cmp_ci(key_of(rs, idx[i], names), s, n, false) == 0
	       ? (long)idx[i] : -1;
}

long zl_ruleset_index(const struct zl_ruleset *rs, const char *s, size_t n)
{
	long i = zl_ruleset_exact(rs, false, s, n);

	return i >= 0 ? i : zl_ruleset_exact(rs, true, s, n);
}

long zl_ruleset_lookup(const struct zl_ruleset *rs, const char *item,
		       size_t n, const uint32_t **ids, size_t *nids)
{
	size_t lo = bound(rs, false, item, n, true, false);

	*ids = rs->byid + lo;
	*nids = bound(rs, false, item, n, true, true) - lo;
	return zl_ruleset_exact(rs, true, item, n);
}

/* ---- selection ---- */

/* An item names a rule by id prefix ("MX", "MX002") or by full name
 * ("mx-target-is-alias"), in any case. */
bool zl_rule_matches(const struct zl_rule *r, const char *item, size_t n)
{
	if (strlen(r->name) == n && strncasecmp(r->name, item, n) == 0)
		return true;
	return strlen(r->id) >= n && strncasecmp(r->id, item, n) == 0;
}

/* Marks in hit[] the rules matched by any item of the comma-separated list
 * ids; reports every item that matches nothing, and an empty item (",",
 * "MX,,SPF", ""): it names no rule, and taken as nothing it would turn
 * --select into "every rule off". */
static enum zl_status match_list(const struct zl_ruleset *rs, const char *ids,
				 bool *hit, struct zl_diags *errs)
{
	enum zl_status st = ZL_OK;
	const char *p = ids, *e;
	bool any, empty = false;
	size_t i, n;

	for (;; p = e + 1) {
		e = p + strcspn(p, ",");
		p += strspn(p, " \t");
		for (n = (size_t)(e - p); n && (p[n - 1] == ' ' ||
					       p[n - 1] == '\t'); n--)
			;
		for (any = n == 0, i = 0; n && i < rs->n; i++) {
			if (zl_rule_matches(rs->rules[i], p, n)) {
				hit[i] = true;
				any = true;
			}
		}
		empty |= n == 0;
		if (!any) {
			zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL,
				     "no rule matches '%.*s'", (int)n, p);
			st = ZL_ERR_USAGE;
		}
		if (!*e)
			break;
	}
	if (empty) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL,
			     "empty rule id in the list '%s'", ids);
		st = ZL_ERR_USAGE;
	}
	return st;
}

/* select keeps the matched rules as they are and turns off the others;
 * ignore turns off the matched ones.  Nothing changes on an error. */
static enum zl_status apply(struct zl_ruleset *rs, const char *ids,
			    bool keep_matched, struct zl_diags *errs)
{
	enum zl_status st;
	bool *hit = zl_xcalloc(rs->n, sizeof *hit);
	size_t i;

	st = match_list(rs, ids ? ids : "", hit, errs);
	if (st != ZL_OK)
		goto out;
	for (i = 0; i < rs->n; i++)
		if (hit[i] != keep_matched && rs->rules[i]->severity != ZL_SEV_OFF)
			zl_ruleset_own(rs, i)->severity = ZL_SEV_OFF;
out:
	free(hit);
	return st;
}

enum zl_status zl_ruleset_select(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	return apply(rs, ids, true, errs);
}

enum zl_status zl_ruleset_ignore(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	return apply(rs, ids, false, errs);
}

enum zl_status zl_ruleset_set_severity(struct zl_ruleset *rs, const char *id,
				       enum zl_severity sev,
				       struct zl_diags *errs)
{
	long i = id ? zl_ruleset_index(rs, id, strlen(id)) : -1;

	if (i < 0) {
		const char *near = id ? zl_ruleset_nearest(rs, id) : NULL;

		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL,
			     "unknown rule '%s'%s%s%s", id ? id : "",
			     near ? "; did you mean '" : "", near ? near : "",
			     near ? "'?" : "");
		return ZL_ERR_USAGE;
	}
	if (rs->rules[i]->severity != sev)
		zl_ruleset_own(rs, (size_t)i)->severity = sev;
	return ZL_OK;
}

/* ---- read-only views ---- */

size_t zl_ruleset_count(const struct zl_ruleset *rs)
{
	return rs ? rs->n : 0;
}

static void fill_info(const struct zl_rule *r, struct zl_rule_info *out)
{
	out->id = r->id;
	out->name = r->name;
	out->summary = r->summary;
	out->description = r->description;
	out->help = r->help;
	out->check = r->check->name;
	out->scope = scope_names[r->scope];
	out->origin = r->origin;
	out->references = (const char *const *)r->refs;
	out->nreferences = r->nrefs;
	out->severity = r->severity;
	out->default_severity = r->default_severity;
}

bool zl_ruleset_info(const struct zl_ruleset *rs, size_t i,
		     struct zl_rule_info *out)
{
	if (!rs || i >= rs->n)
		return false;
	fill_info(rs->rules[i], out);
	return true;
}

bool zl_ruleset_find(const struct zl_ruleset *rs, const char *id,
		     struct zl_rule_info *out)
{
	long i = rs && id ? zl_ruleset_index(rs, id, strlen(id)) : -1;

	if (i < 0)
		return false;
	fill_info(rs->rules[i], out);
	return true;
}

/* ---- parameters and matching ---- */

const struct zl_param *zl_rule_param(const struct zl_rule *r, const char *key)
{
	size_t i;

	/* Checks name their keys with the literals of their own specs, which
	 * the compiler merges: the pointer test settles almost every call. */
	for (i = 0; i < r->nparams; i++)
		if (r->params[i].spec->key == key)
			return &r->params[i];
	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].spec->key, key) == 0)
			return &r->params[i];
	/* A primitive asked for a key its own spec does not declare. */
	assert(!"parameter not declared by the check");
	return NULL;
}

long zl_rule_int(const struct zl_rule *r, const char *key)
{
	const struct zl_param *p = zl_rule_param(r, key);

	return p ? p->i : 0;
}

const char *zl_rule_str(const struct zl_rule *r, const char *key)
{
	const struct zl_param *p = zl_rule_param(r, key);

	return p && p->s ? p->s : "";
}

bool zl_param_lookup(const struct zl_param *p, const char *key, long *val)
{
	size_t i;

	for (i = 0; p && i < p->n; i++) {
		if (p->keys[i] && strcmp(p->keys[i], key) == 0) {
			if (val && p->vals)
				*val = p->vals[i];
			return true;
		}
	}
	return false;
}

enum zl_match zl_ruleset_match(const struct zl_ruleset *rs, size_t ri,
			       const pcre2_code *re, pcre2_match_data *md,
			       const char *subject, size_t len)
{
	uint64_t charge, before;
	int rc;

	if (atomic_load(&rs->effort[ri]) >= ZL_REGEX_BUDGET)
		return ZL_MATCH_SPENT;
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md,
			 rs->mctx_free);
	if (rc == PCRE2_ERROR_MATCHLIMIT) {
		rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md,
				 rs->mctx);
		charge = rc == PCRE2_ERROR_MATCHLIMIT ? MATCH_LIMIT :
			 ZL_MATCH_FREE;
		before = atomic_fetch_add(&rs->effort[ri], charge);
		if (before < ZL_REGEX_BUDGET &&
		    before + charge >= ZL_REGEX_BUDGET)
			return ZL_MATCH_STOP;
	}
	if (rc >= 0)
		return ZL_MATCH_YES;
	return rc == PCRE2_ERROR_NOMATCH ? ZL_MATCH_NO : ZL_MATCH_LIMIT;
}
