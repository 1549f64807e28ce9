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
 * millisecond or so; the heap limit (KiB) bounds the backtracking frames. */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT 8192

static const char *const scope_names[] = { "record", "rrset", "name", "zone" };

struct zl_ruleset *zl_ruleset_new(void)
{
	struct zl_ruleset *rs = zl_xcalloc(1, sizeof *rs);

	rs->mctx = pcre2_match_context_create(NULL);
	if (!rs->mctx) {
		fprintf(stderr, "zonelint: out of memory in PCRE2\n");
		abort();
	}
	pcre2_set_match_limit(rs->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(rs->mctx, HEAP_LIMIT);
	return rs;
}

void zl_ruleset_free(struct zl_ruleset *rs)
{
	size_t i;

	if (!rs)
		return;
	for (i = 0; i < rs->n; i++)
		zl_rule_free(rs->rules[i]);
	free(rs->rules);
	free(rs->plan);
	pcre2_match_context_free(rs->mctx);
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
	if (!(c = pcre2_code_copy(re))) {
		fprintf(stderr, "zonelint: out of memory in PCRE2\n");
		abort();
	}
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

static uint16_t *types_copy(const uint16_t *v, size_t n)
{
	uint16_t *c = zl_xcalloc(n ? n : 1, sizeof *c);

	if (n)
		memcpy(c, v, n * sizeof *c);
	return c;
}

static struct zl_rule *rule_copy(const struct zl_rule *r)
{
	struct zl_rule *c = zl_xcalloc(1, sizeof *c);
	size_t i;

	*c = *r;
	c->id = zl_xstrdup(r->id);
	c->name = zl_xstrdup(r->name);
	c->summary = zl_xstrdup(r->summary);
	c->description = zl_xstrdup(r->description);
	c->message = zl_xstrdup(r->message);
	c->help = zl_xstrdup(r->help);
	c->origin = zl_xstrdup(r->origin);
	c->refs = (char **)strv_copy((const char *const *)r->refs, r->nrefs);
	c->types = types_copy(r->types, r->ntypes);
	c->needs = types_copy(r->needs, r->nneeds);
	c->owner_re = re_copy(r->owner_re);
	c->owner_src = r->owner_src ? zl_xstrndup(r->owner_src, r->owner_srclen)
				    : NULL;
	c->rdata_re = re_copy(r->rdata_re);
	c->params = zl_xcalloc(r->nparams ? r->nparams : 1, sizeof *c->params);
	for (i = 0; i < r->nparams; i++)
		zl_param_copy(&c->params[i], &r->params[i]);
	return c;
}

struct zl_ruleset *zl_ruleset_clone(const struct zl_ruleset *rs)
{
	struct zl_ruleset *c = zl_ruleset_new();
	size_t i;

	c->rules = zl_xcalloc(rs->n ? rs->n : 1, sizeof *c->rules);
	c->cap = rs->n ? rs->n : 1;
	for (i = 0; i < rs->n; i++)
		c->rules[c->n++] = rule_copy(rs->rules[i]);
	zl_ruleset_plan(c);
	return c;
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
		if (hit[i] != keep_matched)
			rs->rules[i]->severity = ZL_SEV_OFF;
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

static struct zl_rule *find(const struct zl_ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; id && i < rs->n; i++)
		if (zl_strcasecmp(rs->rules[i]->id, id) == 0 ||
		    zl_strcasecmp(rs->rules[i]->name, id) == 0)
			return rs->rules[i];
	return NULL;
}

enum zl_status zl_ruleset_set_severity(struct zl_ruleset *rs, const char *id,
				       enum zl_severity sev,
				       struct zl_diags *errs)
{
	struct zl_rule *r = find(rs, id);

	if (!r) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL,
			     "unknown rule '%s'", id ? id : "");
		return ZL_ERR_USAGE;
	}
	r->severity = sev;
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
	const struct zl_rule *r = rs ? find(rs, id) : NULL;

	if (r)
		fill_info(r, out);
	return r != NULL;
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

int zl_ruleset_match(const struct zl_ruleset *rs, const pcre2_code *re,
		     pcre2_match_data *md, const char *subject, size_t len)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md,
			     rs->mctx);

	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}
