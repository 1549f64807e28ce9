/* config.c - .zonelint.yaml: finding it, checking it against the rule set, and the rule sets it derives per file glob. */
#include <fnmatch.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "fs.h"
#include "rule_yaml.h"

/* One setting of one rule of the base (clones keep the base's order, so
 * the index is valid in every derived rule set). */
struct act {
	size_t rule;
	int param;		/* -1: sets the severity; else a params index */
	enum zl_severity sev;
	struct zl_param val;	/* param >= 0: the value, owned */
};

/* The top level, or one override with its globs. */
struct layer {
	char **globs;
	size_t nglobs;
	struct act *acts;
	size_t nacts, capacts;
};

/* A derived rule set and the layers it was made from. */
struct derived {
	unsigned char *key;	/* one byte per layer: 1 applied, 0 not */
	struct zl_ruleset *rs;
};

struct zl_config {
	char *dir;		/* absolute: what globs are relative to */
	const struct zl_ruleset *base;
	struct layer *layers;	/* [0] the top level, then the overrides */
	size_t nlayers;
	struct derived *sets;
	size_t nsets, capsets;
	zl_config_tune_fn *tune;
	void *tune_arg;
};

/* ---- paths and globs ---- */

/* Splits s at '/' into parts (pointers into a copy, *copy), skipping empty
 * and "." parts.  Returns the count, or SIZE_MAX when there are more than
 * max. */
static size_t split(const char *s, char **copy, char **parts, size_t max)
{
	size_t n = 0;
	char *p, *save = NULL;

	*copy = zl_xstrdup(s);
	for (p = strtok_r(*copy, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		if (strcmp(p, ".") == 0)
			continue;
		if (n == max)
			return SIZE_MAX;
		parts[n++] = p;
	}
	return n;
}

/* Dynamic programming over (glob part, path part): ok[i][j] says whether
 * glob parts i.. match path parts j..; linear in their product, whatever
 * the number of `**`. */
static bool match_parts(char **g, size_t ng, char **p, size_t np)
{
	bool *ok = zl_xcalloc((ng + 1) * (np + 1), sizeof *ok), r;
	size_t i, j;

#define OK(a, b) ok[(a) * (np + 1) + (b)]
	OK(ng, np) = true;
	for (i = ng; i-- > 0;) {
		for (j = np + 1; j-- > 0;) {
			if (strcmp(g[i], "**") == 0)
				OK(i, j) = OK(i + 1, j) || (j < np && OK(i, j + 1));
			else
				OK(i, j) = j < np && OK(i + 1, j + 1) &&
					   fnmatch(g[i], p[j], 0) == 0;
		}
	}
	r = OK(0, 0);
#undef OK
	free(ok);
	return r;
}

bool zl_glob_match(const char *glob, const char *path)
{
	char *gp[ZL_GLOB_MAX_PARTS], **pp, *gc, *pc;
	size_t ng, np;
	bool r = false;

	pp = zl_xcalloc(strlen(path) + 1, sizeof *pp);
	ng = split(glob, &gc, gp, ZL_GLOB_MAX_PARTS);
	np = split(path, &pc, pp, strlen(path) + 1);
	if (ng != SIZE_MAX && np > 0) {
		/* Like .gitignore: a bare name matches in any directory. */
		if (!strchr(glob, '/'))
			r = ng == 1 && fnmatch(gp[0], pp[np - 1], 0) == 0;
		else
			r = match_parts(gp, ng, pp, np);
	}
	free(gc);
	free(pc);
	free(pp);
	return r;
}

/* ---- finding the file ---- */

/* Whether dir holds an entry called name, of any type: a config that is a
 * link, a FIFO or a directory is found all the same, and refused when it
 * is read. */
static bool has_entry(const char *dir, const char *name)
{
	char *p = zl_path_join(dir, name);
	struct stat sb;
	bool r = lstat(p, &sb) == 0;

	free(p);
	return r;
}

/* The path to show: relative to the current directory when below it. */
static char *shown_path(const char *abs)
{
	char *cwd = zl_path_abs("."), *r;
	size_t n = strlen(cwd);

	if (strcmp(cwd, "/") != 0 && strncmp(abs, cwd, n) == 0 &&
	    abs[n] == '/')
		r = zl_xstrdup(abs + n + 1);
	else
		r = zl_xstrdup(abs);
	free(cwd);
	return r;
}

/* The config search from zone_path: the absolute path of the config it
 * finds (malloc'd, or NULL) and the root reading it is confined to, *root:
 * the repository root (the first directory up that holds .git), else the
 * directory the config is in. */
static char *search(const char *zone_path, char **root)
{
	char *dir = zl_path_abs(zone_path), *slash, *found = NULL;

	*root = NULL;
	for (;;) {
		/* dir starts as the file itself: step to its directory. */
		slash = strrchr(dir, '/');
		if (!slash || (slash == dir && dir[1] == '\0'))
			break;
		slash[slash == dir ? 1 : 0] = '\0';
		if (!found && has_entry(dir, ZL_CONFIG_NAME)) {
			found = zl_path_join(dir, ZL_CONFIG_NAME);
			*root = zl_xstrdup(dir);
		}
		if (has_entry(dir, ".git")) {
			if (found) {
				free(*root);
				*root = zl_xstrdup(dir);
			}
			break;
		}
	}
	free(dir);
	return found;
}

bool zl_config_find(const char *zone_path, char **out)
{
	char *root, *found = search(zone_path, &root);

	*out = found ? shown_path(found) : NULL;
	free(found);
	free(root);
	return *out != NULL;
}

/* ---- reading the file ---- */

/* One load: the YAML file and the config being built. */
struct cl {
	struct zl_yfile y;
	struct zl_config *cf;
};

static const char *const top_keys[] = { "ignore", "rules", "overrides" };
static const char *const over_keys[] = { "ignore", "rules" };
static const char *const item_keys[] = { "ignore", "rules", "files" };
static const char *const rule_keys[] = { "severity", "params" };
enum { K_IGNORE, K_RULES, K_MORE };	/* K_MORE: overrides or files */

static struct layer *new_layer(struct zl_config *cf)
{
	cf->layers = zl_xrealloc(cf->layers,
				 (cf->nlayers + 1) * sizeof *cf->layers);
	memset(&cf->layers[cf->nlayers], 0, sizeof *cf->layers);
	return &cf->layers[cf->nlayers++];
}

static struct act *add_act(struct layer *l, size_t rule, int param)
{
	struct act *a;

	zl_xgrow((void **)&l->acts, &l->capacts, l->nacts + 1,
		 sizeof *l->acts);
	a = &l->acts[l->nacts++];
	memset(a, 0, sizeof *a);
	a->rule = rule;
	a->param = param;
	return a;
}

/* A YAML null (`rules:` with nothing after it) reads as "nothing set". */
static bool is_null(const struct zl_ynode *n)
{
	return n->kind == ZL_Y_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->str, "~") == 0 ||
		strcasecmp(n->str, "null") == 0);
}

/* The base rule with this exact id or name, in any case; -1 if none. */
static long find_rule(const struct zl_ruleset *rs, const char *s)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (zl_strcasecmp(rs->rules[i]->id, s) == 0 ||
		    zl_strcasecmp(rs->rules[i]->name, s) == 0)
			return (long)i;
	return -1;
}

static bool parse_sev(struct cl *c, const struct zl_ynode *n,
		      enum zl_severity *out)
{
	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "a severity"))
		return false;
	if (zl_severity_parse(n->str, out))
		return true;
	zl_yaml_error_at(&c->y, n, "unknown severity '%s' (expected one of: "
			 "error, warning, note, off)", n->str);
	return false;
}

/* params of one rule: the keys its check declares, each value checked by
 * the rule loader's code. */
static void parse_params(struct cl *c, struct layer *l, size_t ri,
			 const struct zl_ynode *n)
{
	const struct zl_rule *r = c->cf->base->rules[ri];
	size_t np = r->nparams, i;
	const char **keys = zl_xcalloc(np + 1, sizeof *keys);
	struct zl_ynode **vals = zl_xcalloc(np + 1, sizeof *vals);
	struct zl_ynode **keyn = zl_xcalloc(np + 1, sizeof *keyn);
	char *where = zl_xasprintf("params of rule '%s'", r->id);
	struct act *a;

	for (i = 0; i < np; i++)
		keys[i] = r->params[i].spec->key;
	if (zl_yaml_want(&c->y, n, ZL_Y_MAP, "'params'"))
		zl_yaml_fields(&c->y, n, keys, np, where, vals, keyn);
	for (i = 0; i < np; i++) {
		if (!vals[i])
			continue;
		a = add_act(l, ri, (int)i);
		a->val.spec = r->params[i].spec;
		if (!zl_param_parse(&c->y, &a->val, vals[i])) {
			zl_param_free(&a->val);
			l->nacts--;
		}
	}
	free(where);
	free(keys);
	free(vals);
	free(keyn);
}

/* `ID: LEVEL` or `ID: { severity: LEVEL, params: {...} }`. */
static void parse_rule(struct cl *c, struct layer *l,
		       const struct zl_ynode *k, const struct zl_ynode *v)
{
	struct zl_ynode *vals[2] = { 0 }, *keyn[2] = { 0 };
	enum zl_severity sev;
	char *where;
	long ri;

	if ((ri = find_rule(c->cf->base, k->str)) < 0) {
		zl_yaml_error_at(&c->y, k, "unknown rule '%s' (not in the "
				 "rules loaded)", k->str);
		return;
	}
	if (v->kind == ZL_Y_SCALAR) {
		if (parse_sev(c, v, &sev))
			add_act(l, (size_t)ri, -1)->sev = sev;
		return;
	}
	if (v->kind != ZL_Y_MAP) {
		if (v->kind != ZL_Y_BAD)
			zl_yaml_error_at(&c->y, v, "the setting of rule '%s' "
					 "must be a severity or a mapping "
					 "with 'severity' and 'params'",
					 k->str);
		return;
	}
	where = zl_xasprintf("the settings of rule '%s'", k->str);
	zl_yaml_fields(&c->y, v, rule_keys, 2, where, vals, keyn);
	free(where);
	if (vals[0] && parse_sev(c, vals[0], &sev))
		add_act(l, (size_t)ri, -1)->sev = sev;
	if (vals[1] && !is_null(vals[1]))
		parse_params(c, l, (size_t)ri, vals[1]);
}

static void parse_rules(struct cl *c, struct layer *l,
			const struct zl_ynode *n)
{
	const struct zl_ynode *k, *v, *o;

	if (is_null(n) || !zl_yaml_want(&c->y, n, ZL_Y_MAP, "'rules'"))
		return;
	for (k = n->kids; k && (v = k->next); k = v->next) {
		if (!zl_yaml_want(&c->y, k, ZL_Y_SCALAR, "a rule id"))
			continue;
		for (o = n->kids; o != k; o = o->next->next)
			if (o->kind == ZL_Y_SCALAR &&
			    find_rule(c->cf->base, o->str) >= 0 &&
			    find_rule(c->cf->base, o->str) ==
			    find_rule(c->cf->base, k->str))
				break;
		if (o != k)
			zl_yaml_error_at(&c->y, k, "rule '%s' is set twice in "
					 "'rules'", k->str);
		else
			parse_rule(c, l, k, v);
	}
}

/* An id, id prefix or name, as --ignore takes them. */
static void ignore_item(struct cl *c, struct layer *l,
			const struct zl_ynode *n)
{
	const struct zl_ruleset *rs = c->cf->base;
	bool any = false;
	size_t i;

	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "each entry of 'ignore'"))
		return;
	for (i = 0; n->len > 0 && i < rs->n; i++) {
		if (zl_rule_matches(rs->rules[i], n->str, n->len)) {
			add_act(l, i, -1)->sev = ZL_SEV_OFF;
			any = true;
		}
	}
	if (!any)
		zl_yaml_error_at(&c->y, n, "no rule matches '%s' in 'ignore'",
				 n->str);
}

static void parse_ignore(struct cl *c, struct layer *l,
			 const struct zl_ynode *n)
{
	const struct zl_ynode *it;

	if (is_null(n))
		return;
	if (n->kind == ZL_Y_SCALAR) {
		ignore_item(c, l, n);
		return;
	}
	if (!zl_yaml_want(&c->y, n, ZL_Y_SEQ, "'ignore'"))
		return;
	for (it = n->kids; it; it = it->next)
		ignore_item(c, l, it);
}

/* `ignore` first, then `rules`: a rule named in `rules` keeps its
 * setting even when a prefix in `ignore` covers it. */
static void parse_settings(struct cl *c, struct layer *l,
			   struct zl_ynode *const *v)
{
	if (v[K_IGNORE])
		parse_ignore(c, l, v[K_IGNORE]);
	if (v[K_RULES])
		parse_rules(c, l, v[K_RULES]);
}

static void add_glob(struct cl *c, struct layer *l, const struct zl_ynode *n)
{
	char *copy, *parts[ZL_GLOB_MAX_PARTS];

	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "a file glob"))
		return;
	if (n->len == 0 || n->len > ZL_GLOB_MAX_LEN ||
	    split(n->str, &copy, parts, ZL_GLOB_MAX_PARTS) == SIZE_MAX) {
		zl_yaml_error_at(&c->y, n, "a file glob must have 1 to %u "
				 "bytes and at most %u '/'-separated parts",
				 ZL_GLOB_MAX_LEN, ZL_GLOB_MAX_PARTS);
		if (n->len > 0 && n->len <= ZL_GLOB_MAX_LEN)
			free(copy);
		return;
	}
	free(copy);
	l->globs = zl_xrealloc(l->globs, (l->nglobs + 1) * sizeof *l->globs);
	l->globs[l->nglobs++] = zl_xstrndup(n->str, n->len);
}

/* `overrides: { GLOB: {ignore, rules}, ... }` */
static void overrides_map(struct cl *c, const struct zl_ynode *n)
{
	struct zl_ynode *k, *v;
	struct layer *l;

	for (k = n->kids; k && (v = k->next); k = v->next) {
		struct zl_ynode *vals[2] = { 0 }, *keyn[2] = { 0 };

		l = new_layer(c->cf);
		add_glob(c, l, k);
		if (is_null(v) || !zl_yaml_want(&c->y, v, ZL_Y_MAP,
						"the settings of an override"))
			continue;
		zl_yaml_fields(&c->y, v, over_keys, 2, "override", vals, keyn);
		parse_settings(c, l, vals);
	}
}

/* `overrides: [ { files: GLOB or [GLOB...], ignore, rules }, ... ]` */
static void overrides_seq(struct cl *c, const struct zl_ynode *n)
{
	const struct zl_ynode *it, *g;
	struct layer *l;

	for (it = n->kids; it; it = it->next) {
		struct zl_ynode *vals[3] = { 0 }, *keyn[3] = { 0 };

		if (!zl_yaml_want(&c->y, it, ZL_Y_MAP, "an override"))
			continue;
		zl_yaml_fields(&c->y, it, item_keys, 3, "override", vals,
			       keyn);
		l = new_layer(c->cf);
		if (!vals[K_MORE])
			zl_yaml_error_at(&c->y, it, "override has no key "
					 "'files'");
		else if (vals[K_MORE]->kind == ZL_Y_SEQ && vals[K_MORE]->n)
			for (g = vals[K_MORE]->kids; g; g = g->next)
				add_glob(c, l, g);
		else if (vals[K_MORE]->kind == ZL_Y_SEQ)
			zl_yaml_error_at(&c->y, vals[K_MORE], "'files' must "
					 "not be empty");
		else
			add_glob(c, l, vals[K_MORE]);
		parse_settings(c, l, vals);
	}
}

static void parse_top(struct cl *c, const struct zl_ynode *root)
{
	struct zl_ynode *v[3] = { 0 }, *k[3] = { 0 };
	const struct zl_ynode *o;

	new_layer(c->cf);	/* the top level, even when empty */
	if (!root || is_null(root) ||
	    !zl_yaml_want(&c->y, root, ZL_Y_MAP, "a config file"))
		return;
	zl_yaml_fields(&c->y, root, top_keys, 3, "config file", v, k);
	parse_settings(c, &c->cf->layers[0], v);
	if (!(o = v[K_MORE]) || is_null(o))
		return;
	if (o->kind == ZL_Y_MAP)
		overrides_map(c, o);
	else if (o->kind == ZL_Y_SEQ)
		overrides_seq(c, o);
	else if (o->kind != ZL_Y_BAD)
		zl_yaml_error_at(&c->y, o, "'overrides' must be a mapping of "
				 "file globs to settings, or a sequence of "
				 "overrides with 'files'");
}

enum zl_status zl_config_load_buffer(const char *name, const char *dir,
				     const char *buf, size_t len,
				     const struct zl_ruleset *base,
				     struct zl_config **out,
				     struct zl_diags *errs)
{
	struct zl_ynode *root;
	struct cl c;

	*out = NULL;
	if (len > ZL_CONFIG_MAX_SIZE) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL, "config file "
			     "'%s' is larger than %u KiB", name,
			     ZL_CONFIG_MAX_SIZE >> 10);
		return ZL_ERR_LIMIT;
	}
	c.cf = zl_xcalloc(1, sizeof *c.cf);
	c.cf->dir = zl_path_abs(dir ? dir : ".");
	c.cf->base = base;
	zl_yaml_open(&c.y, name, buf, len, errs);
	c.y.kind = "config file";
	if (zl_yaml_parse(&c.y, &root))
		parse_top(&c, root);
	zl_yaml_close(&c.y);
	if (c.y.nerr == 0) {
		*out = c.cf;
		return ZL_OK;
	}
	zl_config_free(c.cf);
	return ZL_ERR_CONFIG;
}

/* Loads the config file at path: named by the user (root NULL), or found
 * by the search and read confined to root. */
static enum zl_status load_at(const char *root, const char *path,
			      const struct zl_ruleset *base,
			      struct zl_config **out, struct zl_diags *errs)
{
	struct zl_read rd = { root, path, NULL, 0, ZL_CONFIG_MAX_SIZE };
	char *abs = zl_path_abs(path), *dir = zl_path_dir(abs), *rel = NULL;
	enum zl_status st;
	struct zl_file f;

	*out = NULL;
	if (root)
		rd.path = rel = zl_path_rel(root, abs);
	st = zl_fs_load(&rd, "config file", path, &f, errs);
	if (st == ZL_OK)
		st = zl_config_load_buffer(path, dir, f.data, f.len, base, out,
					   errs);
	free(f.data);
	free(f.id);
	free(rel);
	free(dir);
	free(abs);
	return st;
}

enum zl_status zl_config_load_file(const char *path,
				   const struct zl_ruleset *base,
				   struct zl_config **out,
				   struct zl_diags *errs)
{
	return load_at(NULL, path, base, out, errs);
}

/* ---- rule sets per file ---- */

void zl_config_set_tune(struct zl_config *cf, zl_config_tune_fn *fn,
			void *arg)
{
	cf->tune = fn;
	cf->tune_arg = arg;
}

static bool layer_matches(const struct layer *l, const char *rel)
{
	size_t i;

	for (i = 0; i < l->nglobs; i++)
		if (zl_glob_match(l->globs[i], rel))
			return true;
	return false;
}

static void apply_layer(struct zl_ruleset *rs, const struct layer *l)
{
	const struct act *a;
	struct zl_rule *r;
	size_t i;

	for (i = 0; i < l->nacts; i++) {
		a = &l->acts[i];
		r = rs->rules[a->rule];
		if (a->param < 0) {
			r->severity = a->sev;
		} else {
			zl_param_free(&r->params[a->param]);
			zl_param_copy(&r->params[a->param], &a->val);
		}
	}
}

/* Makes the rule set of one key: the base, the matching layers in file
 * order, then the caller's tuning. */
static struct zl_ruleset *derive(struct zl_config *cf, unsigned char *key)
{
	struct zl_ruleset *rs = zl_ruleset_clone(cf->base);
	size_t i;

	for (i = 0; i < cf->nlayers; i++)
		if (key[i])
			apply_layer(rs, &cf->layers[i]);
	if (cf->tune)
		cf->tune(rs, cf->tune_arg);
	zl_xgrow((void **)&cf->sets, &cf->capsets, cf->nsets + 1,
		 sizeof *cf->sets);
	cf->sets[cf->nsets++] = (struct derived){ key, rs };
	return rs;
}

const struct zl_ruleset *zl_config_ruleset(struct zl_config *cf,
					   const char *zone_path)
{
	unsigned char *key = zl_xcalloc(cf->nlayers, 1);
	char *abs = zl_path_abs(zone_path);
	char *rel = zl_path_rel(cf->dir, abs);
	size_t i;

	key[0] = 1;
	for (i = 1; i < cf->nlayers; i++)
		key[i] = layer_matches(&cf->layers[i], rel);
	free(abs);
	free(rel);
	for (i = 0; i < cf->nsets; i++) {
		if (memcmp(cf->sets[i].key, key, cf->nlayers) == 0) {
			free(key);
			return cf->sets[i].rs;
		}
	}
	return derive(cf, key);
}

void zl_config_free(struct zl_config *cf)
{
	struct layer *l;
	size_t i, j;

	if (!cf)
		return;
	for (i = 0; i < cf->nlayers; i++) {
		l = &cf->layers[i];
		for (j = 0; j < l->nglobs; j++)
			free(l->globs[j]);
		for (j = 0; j < l->nacts; j++)
			if (l->acts[j].param >= 0)
				zl_param_free(&l->acts[j].val);
		free(l->globs);
		free(l->acts);
	}
	for (i = 0; i < cf->nsets; i++) {
		free(cf->sets[i].key);
		zl_ruleset_free(cf->sets[i].rs);
	}
	free(cf->layers);
	free(cf->sets);
	free(cf->dir);
	free(cf);
}

/* ---- the configs of a run ---- */

struct found {
	char *path;
	struct zl_config *cf;	/* NULL when it failed to load */
	enum zl_status st;
};

struct zl_configs {
	const struct zl_ruleset *base;
	struct zl_config *fixed;	/* the one config, or NULL */
	struct found *v;		/* configs found so far, by path */
	size_t n, cap;
	zl_config_tune_fn *tune;
	void *tune_arg;
	/* Zones come directory by directory: the directory part of the last
	 * zone path looked up, and what the search from it found (an index
	 * into v, or -1 for no config). */
	char *last_dir;
	ptrdiff_t last_found;
};

enum zl_status zl_configs_new(const struct zl_ruleset *base, const char *path,
			      struct zl_configs **out, struct zl_diags *errs)
{
	struct zl_configs *cs = zl_xcalloc(1, sizeof *cs);
	enum zl_status st;

	*out = NULL;
	cs->base = base;
	if (path && (st = zl_config_load_file(path, base, &cs->fixed,
					      errs)) != ZL_OK) {
		free(cs);
		return st;
	}
	*out = cs;
	return ZL_OK;
}

void zl_configs_set_tune(struct zl_configs *cs, zl_config_tune_fn *fn,
			 void *arg)
{
	size_t i;

	cs->tune = fn;
	cs->tune_arg = arg;
	if (cs->fixed)
		zl_config_set_tune(cs->fixed, fn, arg);
	for (i = 0; i < cs->n; i++)
		if (cs->v[i].cf)
			zl_config_set_tune(cs->v[i].cf, fn, arg);
}

/* The index in cs->v of the config at path, loading it the first time,
 * confined to root.  Takes path. */
static ptrdiff_t found_at(struct zl_configs *cs, char *path, const char *root,
			  struct zl_diags *errs)
{
	struct found *f;
	size_t i;

	for (i = 0; i < cs->n; i++) {
		if (strcmp(cs->v[i].path, path) == 0) {
			free(path);
			return (ptrdiff_t)i;
		}
	}
	zl_xgrow((void **)&cs->v, &cs->cap, cs->n + 1, sizeof *cs->v);
	f = &cs->v[cs->n++];
	f->path = path;
	f->st = load_at(root, path, cs->base, &f->cf, errs);
	if (f->cf)
		zl_config_set_tune(f->cf, cs->tune, cs->tune_arg);
	return (ptrdiff_t)cs->n - 1;
}

/* The config for a zone: searched for from its directory, or remembered
 * when the last zone was in the same directory. */
static ptrdiff_t config_for(struct zl_configs *cs, const char *zone_path,
			    struct zl_diags *errs)
{
	const char *slash = strrchr(zone_path, '/');
	size_t n = slash ? (size_t)(slash - zone_path) + 1 : 0;
	char *found, *root;

	if (cs->last_dir && strlen(cs->last_dir) == n &&
	    memcmp(cs->last_dir, zone_path, n) == 0)
		return cs->last_found;
	free(cs->last_dir);
	cs->last_dir = zl_xstrndup(zone_path, n);
	found = search(zone_path, &root);
	cs->last_found = found ? found_at(cs, shown_path(found), root, errs)
			       : -1;
	free(found);
	free(root);
	return cs->last_found;
}

enum zl_status zl_configs_ruleset(struct zl_configs *cs, const char *zone_path,
				  const struct zl_ruleset **out,
				  struct zl_diags *errs)
{
	const struct found *f;
	ptrdiff_t i;

	*out = NULL;
	if (cs->fixed) {
		*out = zl_config_ruleset(cs->fixed, zone_path);
		return ZL_OK;
	}
	if ((i = config_for(cs, zone_path, errs)) < 0) {
		*out = cs->base;
		return ZL_OK;
	}
	f = &cs->v[i];
	if (f->st != ZL_OK)
		return f->st;
	*out = zl_config_ruleset(f->cf, zone_path);
	return ZL_OK;
}

void zl_configs_free(struct zl_configs *cs)
{
	size_t i;

	if (!cs)
		return;
	for (i = 0; i < cs->n; i++) {
		free(cs->v[i].path);
		zl_config_free(cs->v[i].cf);
	}
	free(cs->v);
	free(cs->last_dir);
	zl_config_free(cs->fixed);
	free(cs);
}
