/* rule_set.c - the rule set: loading packs, copies, selection, read-only views. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "fs.h"
#include "rule.h"
#include "rule_builtin.h"
#include "impl.h"

static const char *const scope_names[] = { "record", "rrset", "name", "zone" };

struct zl_ruleset *zl_ruleset_new_impl(void)
{
	struct zl_ruleset *rs = zl_xcalloc(1, sizeof *rs);

	zl_ruleset_limits(rs);
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
	}
	free(rs);
}

enum zl_status zl_ruleset_load_buffer_impl(struct zl_ruleset *rs, const char *name,
				      const char *buf, size_t len,
				      struct zl_diags *errs)
{
	return zl_ruleset_load_yaml(rs, name, buf, len, zl_checks, zl_ncheck,
				    errs);
}

enum zl_status zl_ruleset_load_builtin_impl(struct zl_ruleset *rs,
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
		st = zl_ruleset_load_buffer_impl(rs, shown, f.data, f.len, errs);
	free(f.data);
	free(f.id);
	free(shown);
	return st;
}

enum zl_status zl_ruleset_load_file_impl(struct zl_ruleset *rs, const char *path,
				    struct zl_diags *errs)
{
	return load_read(rs, NULL, path, errs);
}

enum zl_status zl_ruleset_load_file_in_impl(struct zl_ruleset *rs, const char *dir,
				       const char *name, struct zl_diags *errs)
{
	return load_read(rs, dir, name, errs);
}

void zl_ruleset_set_packs(struct zl_ruleset *rs, zl_packs_fn *fn, void *arg)
{
	rs->packs_fn = fn;
	rs->packs_arg = arg;
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
	dst->order = NULL;
	if (src->order) {
		dst->order = zl_xcalloc(src->norder ? src->norder : 1,
					sizeof *dst->order);
		memcpy(dst->order, src->order,
		       src->norder * sizeof *dst->order);
	}
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

enum zl_status zl_ruleset_select_impl(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	return apply(rs, ids, true, errs);
}

enum zl_status zl_ruleset_ignore_impl(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	return apply(rs, ids, false, errs);
}

enum zl_status zl_ruleset_set_severity_impl(struct zl_ruleset *rs, const char *id,
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

bool zl_ruleset_matches(const struct zl_ruleset *rs, const char *item)
{
	size_t i, n = item ? strlen(item) : 0;

	for (i = 0; n && rs && i < rs->n; i++)
		if (zl_rule_matches(rs->rules[i], item, n))
			return true;
	return false;
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
