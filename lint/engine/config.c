/* config.c - one .zonelint.yaml: checking it against the rule set (the rule sets it derives per file glob: config_sets.c; globs: config_glob.c; finding it and the configs of a run: configs.c). */
#include <ctype.h>
#include <search.h>
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
#include "impl.h"

/* ---- reading the file ---- */

/* One load: the YAML file and the config being built.  seen[] and sev[]
 * have an entry per base rule, reset after each use: the key that set
 * the rule in the `rules` mapping being read, and 1 + the index of the
 * act of the current layer that sets its severity. */
struct cl {
	struct zl_yfile y;
	struct zl_config *cf;
	const struct zl_ynode **seen;
	size_t *sev;
	size_t nwild;
	const char *dir;	/* the config's directory, as shown */
};

static const char *const top_keys[] = { "ignore", "rules", "overrides",
					"exclude", "origins", "baseline",
					"packs" };
static const char *const over_keys[] = { "ignore", "rules" };
static const char *const item_keys[] = { "ignore", "rules", "files" };
static const char *const rule_keys[] = { "severity", "params" };
/* K_MORE: overrides or files */
enum { K_IGNORE, K_RULES, K_MORE, K_EXCLUDE, K_ORIGINS, K_BASELINE,
       K_PACKS, K_NTOP };

/* The layer being read is complete: its acts sorted, and the severity
 * index cleared for the next one. */
static void end_layer(struct cl *c)
{
	struct layer *l;
	size_t i;

	if (c->cf->nlayers == 0)
		return;
	l = &c->cf->layers[c->cf->nlayers - 1];
	for (i = 0; i < l->nacts; i++)
		c->sev[l->acts[i].rule] = 0;
	if (l->nacts > 1)
		qsort(l->acts, l->nacts, sizeof *l->acts, zl_config_act_cmp);
}

static struct layer *new_layer(struct cl *c)
{
	struct zl_config *cf = c->cf;

	end_layer(c);
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

/* Sets the severity of base rule ri in layer l: ignore and rules may both
 * name it, and an ignore entry may cover it many times, but it keeps one
 * act, the last setting. */
static void set_sev(struct cl *c, struct layer *l, size_t ri,
		    enum zl_severity sev)
{
	if (!c->sev[ri]) {
		add_act(l, ri, -1);
		c->sev[ri] = l->nacts;
	}
	l->acts[c->sev[ri] - 1].sev = sev;
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

/* `ID: LEVEL` or `ID: { severity: LEVEL, params: {...} }`, for base rule
 * ri. */
static void parse_rule(struct cl *c, struct layer *l, size_t ri,
		       const struct zl_ynode *k, const struct zl_ynode *v)
{
	struct zl_ynode *vals[2] = { 0 }, *keyn[2] = { 0 };
	enum zl_severity sev;
	char *where;

	if (v->kind == ZL_Y_SCALAR) {
		if (parse_sev(c, v, &sev))
			set_sev(c, l, ri, sev);
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
		set_sev(c, l, ri, sev);
	if (vals[1] && !is_null(vals[1]))
		parse_params(c, l, ri, vals[1]);
}

/* The base rule a key of `rules` names, or -1. */
static long key_rule(const struct cl *c, const struct zl_ynode *k)
{
	return k->kind == ZL_Y_SCALAR ?
	       zl_ruleset_index(c->cf->base, k->str, k->len) : -1;
}

static void unknown_rule(struct cl *c, const struct zl_ynode *k)
{
	const char *near = zl_ruleset_nearest(c->cf->base, k->str);

	zl_yaml_error_at(&c->y, k, "unknown rule '%s' (not in the rules "
			 "loaded)%s%s%s", k->str, near ? "; did you mean '" : "",
			 near ? near : "", near ? "'?" : "");
}

/* Each key is looked up once and remembered in seen[], so that a mapping
 * of N keys costs N lookups, not N * N comparisons. */
static void parse_rules(struct cl *c, struct layer *l,
			const struct zl_ynode *n)
{
	const struct zl_ynode *k, *v;
	long ri;

	if (is_null(n) || !zl_yaml_want(&c->y, n, ZL_Y_MAP, "'rules'"))
		return;
	for (k = n->kids; k && (v = k->next); k = v->next) {
		if (!zl_yaml_want(&c->y, k, ZL_Y_SCALAR, "a rule id"))
			continue;
		if ((ri = key_rule(c, k)) < 0)
			unknown_rule(c, k);
		else if (c->seen[ri])
			zl_yaml_error_at(&c->y, k, "rule '%s' is set twice in "
					 "'rules'", k->str);
		else {
			c->seen[ri] = k;
			parse_rule(c, l, (size_t)ri, k, v);
		}
	}
	for (k = n->kids; k && (v = k->next); k = v->next)
		if ((ri = key_rule(c, k)) >= 0)
			c->seen[ri] = NULL;
}

/* An id, id prefix or name, as --ignore takes them. */
static void ignore_item(struct cl *c, struct layer *l,
			const struct zl_ynode *n)
{
	const uint32_t *ids = NULL;
	size_t nids = 0, i;
	long byname = -1;

	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "each entry of 'ignore'"))
		return;
	if (n->len > 0)
		byname = zl_ruleset_lookup(c->cf->base, n->str, n->len, &ids,
					   &nids);
	for (i = 0; i < nids; i++)
		set_sev(c, l, ids[i], ZL_SEV_OFF);
	if (byname >= 0)
		set_sev(c, l, (size_t)byname, ZL_SEV_OFF);
	if (nids == 0 && byname < 0)
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

/* Compiles the glob n into g (for layer), or says why it cannot.  A glob
 * matched one by one against each file (one with wildcards, and every
 * glob of `exclude` and `origins`) counts towards ZL_GLOB_MAX_WILD: a
 * config may not make the walk cost more than that per file. */
static bool glob_ok(struct cl *c, const struct zl_ynode *n, struct zl_glob *g,
		    size_t layer, bool one_by_one)
{
	if (n->len == 0 || n->len > ZL_GLOB_MAX_LEN ||
	    !zl_glob_compile(g, n->str, layer)) {
		zl_yaml_error_at(&c->y, n, "a file glob must have 1 to %u "
				 "bytes and at most %u '/'-separated parts",
				 ZL_GLOB_MAX_LEN, ZL_GLOB_MAX_PARTS);
		return false;
	}
	if ((one_by_one || !g->key) && ++c->nwild > ZL_GLOB_MAX_WILD) {
		zl_yaml_error_at(&c->y, n, "more than %u file globs with "
				 "wildcards, 'exclude' or 'origins' globs in "
				 "one config", ZL_GLOB_MAX_WILD);
		zl_glob_free(g);
		return false;
	}
	return true;
}

/* A glob of the override being read (the last layer); those without
 * wildcards are looked up by name. */
static void add_glob(struct cl *c, const struct zl_ynode *n)
{
	struct zl_config *cf = c->cf;

	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "a file glob"))
		return;
	zl_xgrow((void **)&cf->globs, &cf->capglobs, cf->nglobs + 1,
		 sizeof *cf->globs);
	if (glob_ok(c, n, &cf->globs[cf->nglobs], cf->nlayers - 1, false))
		cf->nglobs++;
}

/* `overrides: { GLOB: {ignore, rules}, ... }` */
static void overrides_map(struct cl *c, const struct zl_ynode *n)
{
	struct zl_ynode *k, *v;
	struct layer *l;

	for (k = n->kids; k && (v = k->next); k = v->next) {
		struct zl_ynode *vals[2] = { 0 }, *keyn[2] = { 0 };

		l = new_layer(c);
		add_glob(c, k);
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
		l = new_layer(c);
		if (!vals[K_MORE])
			zl_yaml_error_at(&c->y, it, "override has no key "
					 "'files'");
		else if (vals[K_MORE]->kind == ZL_Y_SEQ && vals[K_MORE]->n)
			for (g = vals[K_MORE]->kids; g; g = g->next)
				add_glob(c, g);
		else if (vals[K_MORE]->kind == ZL_Y_SEQ)
			zl_yaml_error_at(&c->y, vals[K_MORE], "'files' must "
					 "not be empty");
		else
			add_glob(c, vals[K_MORE]);
		parse_settings(c, l, vals);
	}
}

/* `exclude: GLOB or [GLOB...]`: files the directory walk skips. */
static void exclude_item(struct cl *c, const struct zl_ynode *n)
{
	struct zl_config *cf = c->cf;
	struct zl_glob g;

	if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "each entry of 'exclude'") ||
	    !glob_ok(c, n, &g, 0, true))
		return;
	zl_glob_free(&g);
	zl_xgrow((void **)&cf->excl, &cf->capexcl, cf->nexcl + 1,
		 sizeof *cf->excl);
	cf->excl[cf->nexcl++] = zl_xstrdup(n->str);
}

static void parse_exclude(struct cl *c, const struct zl_ynode *n)
{
	const struct zl_ynode *it;

	if (!n || is_null(n))
		return;
	if (n->kind == ZL_Y_SCALAR) {
		exclude_item(c, n);
		return;
	}
	if (!zl_yaml_want(&c->y, n, ZL_Y_SEQ, "'exclude'"))
		return;
	for (it = n->kids; it; it = it->next)
		exclude_item(c, it);
}

/* An origin as origins: takes it: labels of 1 to 63 letters, digits, '-'
 * and '_', 253 bytes at most, a final '.' allowed; "." is the root.  In
 * the reverse tree a '/' between two characters of a label too: a
 * classless reverse zone (RFC 2317 §4: 0/26.2.0.192.in-addr.arpa). */
/* Whether the name s[0..n) (no final dot) is suf or ends in ".suf". */
static bool name_under(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);

	return n >= m && strncasecmp(s + n - m, suf, m) == 0 &&
	       (n == m || s[n - m - 1] == '.');
}

static bool origin_ok(const char *s, size_t len)
{
	size_t i, label = 0, n = len && s[len - 1] == '.' ? len - 1 : len;
	bool reverse = name_under(s, n, "in-addr.arpa") ||
		       name_under(s, n, "ip6.arpa");

	if (len == 1 && s[0] == '.')
		return true;
	if (len == 0 || len > 254 || (len == 254 && s[len - 1] != '.'))
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (label == 0)
				return false;
			label = 0;
		} else if (!(isalnum((unsigned char)s[i]) || s[i] == '-' ||
			     s[i] == '_' || (s[i] == '/' && reverse && label &&
					     i + 1 < len && s[i + 1] != '.')) ||
			   ++label > 63) {
			return false;
		}
	}
	return true;
}

/* `origins: { GLOB: ORIGIN, ... }`: the origin of files whose names give
 * none. */
static void parse_origins(struct cl *c, const struct zl_ynode *n)
{
	struct zl_config *cf = c->cf;
	const struct zl_ynode *k, *v;
	struct zl_glob g;

	if (!n || is_null(n))
		return;
	if (!zl_yaml_want(&c->y, n, ZL_Y_MAP, "'origins' (a mapping of file "
			  "globs to origins)"))
		return;
	for (k = n->kids; k && k->next; k = k->next->next) {
		v = k->next;
		if (!zl_yaml_want(&c->y, k, ZL_Y_SCALAR, "a file glob") ||
		    !glob_ok(c, k, &g, 0, true))
			continue;
		if (!zl_yaml_want(&c->y, v, ZL_Y_SCALAR, "an origin")) {
			zl_glob_free(&g);
			continue;
		}
		if (!origin_ok(v->str, v->len)) {
			zl_yaml_error_at(&c->y, v, "'%s' is not a domain name "
					 "for an origin", v->str);
			zl_glob_free(&g);
			continue;
		}
		zl_xgrow((void **)&cf->oglob, &cf->capoglob, cf->norig + 1,
			 sizeof *cf->oglob);
		zl_xgrow((void **)&cf->oname, &cf->caponame, cf->norig + 1,
			 sizeof *cf->oname);
		cf->oglob[cf->norig] = g;
		cf->oname[cf->norig++] = zl_xstrdup(v->str);
	}
}

const char *zl_config_origin_impl(const struct zl_config *cf,
				  const char *path)
{
	char *abs = zl_path_abs(path), *rel = zl_path_rel(cf->dir, abs), **pp,
	     *pc;
	const char *r = NULL;
	size_t i, np;

	/* Asked of every file a walk finds (walk_takes): the path split
	 * once, the globs compiled when the config was read. */
	pp = zl_xcalloc(strlen(rel) + 1, sizeof *pp);
	np = zl_path_split(rel, &pc, pp, strlen(rel) + 1);
	for (i = 0; i < cf->norig && !r; i++)
		if (zl_glob_matches(&cf->oglob[i], pp, np))
			r = cf->oname[i];
	free(pc);
	free(pp);
	free(abs);
	free(rel);
	return r;
}

bool zl_config_excluded_impl(const struct zl_config *cf, const char *path)
{
	char *abs = zl_path_abs(path), *rel = zl_path_rel(cf->dir, abs);
	bool r = false;
	size_t i;

	for (i = 0; i < cf->nexcl && !r; i++)
		r = zl_glob_match(cf->excl[i], rel);
	free(abs);
	free(rel);
	return r;
}

/* baseline: a file relative to the config's directory, read confined to
 * it when the config is loaded from a file (zl_config_load_at). */
static void parse_baseline(struct cl *c, const struct zl_ynode *n)
{
	if (n->kind == ZL_Y_BAD ||
	    !zl_yaml_want(&c->y, n, ZL_Y_SCALAR, "a file name"))
		return;
	if (n->len == 0 || strlen(n->str) != n->len || n->str[0] == '/') {
		zl_yaml_error_at(&c->y, n, "'baseline' must be a file name "
				 "relative to the config's directory");
		return;
	}
	c->cf->baseline_path = zl_xstrdup(n->str);
	/* Its line as an offset in the config's text, which only
	 * zl_config_load_at still holds when it reads the baseline. */
	c->cf->baseline_at = zl_yaml_loc(&c->y, n);
	c->cf->baseline_at.file = NULL;
	c->cf->baseline_off = (size_t)(c->cf->baseline_at.text - c->y.buf);
	c->cf->baseline_at.text = NULL;
}

/* Whether a pack path stays in the config's directory: relative, with no
 * '..' component. */
static bool pack_path_ok(const char *s, size_t len)
{
	const char *p;

	if (len == 0 || strlen(s) != len || s[0] == '/')
		return false;
	for (p = s; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == s || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return false;
	return true;
}

/* packs: rule files or directories, relative to the config's directory,
 * added to the rule set the config tunes before anything else in it is
 * read, so that its rules: may name their rules.  The program that made
 * the base loads them (zl_ruleset_set_packs): it knows how the base was
 * made and where files come from. */
static void parse_packs(struct cl *c, const struct zl_ynode *n)
{
	const struct zl_ruleset *base = c->cf->base;
	const struct zl_ynode *it, *one = n;
	const char **paths;
	struct zl_loc *locs;
	struct zl_ruleset *rs = NULL;
	size_t np = 0, before;

	if (is_null(n) || n->kind == ZL_Y_BAD)
		return;
	if (n->kind == ZL_Y_SEQ) {
		one = NULL;
	} else if (!zl_yaml_want(&c->y, n, ZL_Y_SCALAR,
				 "a rule file or directory, or a list of them")) {
		return;
	}
	paths = zl_xcalloc(n->n + 1, sizeof *paths);
	locs = zl_xcalloc(n->n + 1, sizeof *locs);
	for (it = one ? one : n->kids; it; it = one ? NULL : it->next) {
		if (!zl_yaml_want(&c->y, it, ZL_Y_SCALAR,
				  "a rule file or directory"))
			continue;
		if (!pack_path_ok(it->str, it->len)) {
			zl_yaml_error_at(&c->y, it, "a pack must be a path "
					 "relative to the config's directory, "
					 "without '..'");
		} else {
			locs[np] = zl_yaml_loc(&c->y, it);
			paths[np++] = it->str;
		}
	}
	/* The packs that can be read are, so that every error is reported. */
	before = c->y.errs->n;
	if (np > 0 && !base->packs_fn) {
		zl_yaml_error_at(&c->y, n, "this program does not load rule "
				 "packs named by a config");
	} else if (np > 0) {
		if (base->packs_fn(base->packs_arg, c->dir, paths, locs, np,
				   &rs, c->y.errs) == ZL_OK && rs) {
			c->cf->own_base = rs;
			c->cf->base = rs;
			free(c->seen);
			free(c->sev);
			c->seen = zl_xcalloc(rs->n ? rs->n : 1,
					     sizeof *c->seen);
			c->sev = zl_xcalloc(rs->n ? rs->n : 1, sizeof *c->sev);
		} else {
			zl_ruleset_free(rs);
			/* Counted as the config's: it is not loaded. */
			c->y.nerr += c->y.errs->n > before ?
				     c->y.errs->n - before : 1;
		}
	}
	free(paths);
	free(locs);
}

static void parse_top(struct cl *c, const struct zl_ynode *root)
{
	struct zl_ynode *v[K_NTOP] = { 0 }, *k[K_NTOP] = { 0 };
	const struct zl_ynode *o;

	new_layer(c);		/* the top level, even when empty */
	if (!root || is_null(root) ||
	    !zl_yaml_want(&c->y, root, ZL_Y_MAP, "a config file"))
		return;
	zl_yaml_fields(&c->y, root, top_keys, K_NTOP, "config file", v, k);
	if (v[K_PACKS])
		parse_packs(c, v[K_PACKS]);
	parse_settings(c, &c->cf->layers[0], v);
	parse_exclude(c, v[K_EXCLUDE]);
	parse_origins(c, v[K_ORIGINS]);
	if ((o = v[K_BASELINE]) != NULL)
		parse_baseline(c, o);
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

/* Loads a config from buf; shown is its directory as messages name it. */
static enum zl_status load_buffer(const char *name, const char *dir,
				  const char *shown, const char *buf,
				  size_t len, const struct zl_ruleset *base,
				  struct zl_config **out, struct zl_diags *errs)
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
	memset(&c, 0, sizeof c);
	c.dir = shown;
	c.cf = zl_xcalloc(1, sizeof *c.cf);
	c.cf->dir = zl_path_abs(dir ? dir : ".");
	c.cf->base = base;
	c.cf->pool = zl_xcalloc(1, sizeof *c.cf->pool);
	c.cf->own_pool = true;
	c.seen = zl_xcalloc(base->n ? base->n : 1, sizeof *c.seen);
	c.sev = zl_xcalloc(base->n ? base->n : 1, sizeof *c.sev);
	zl_yaml_open(&c.y, name, buf, len, errs);
	c.y.kind = "config file";
	if (zl_yaml_parse(&c.y, &root))
		parse_top(&c, root);
	end_layer(&c);
	zl_yaml_close(&c.y);
	free(c.seen);
	free(c.sev);
	if (c.y.nerr == 0) {
		zl_config_index_globs(c.cf);
		*out = c.cf;
		return ZL_OK;
	}
	zl_config_free(c.cf);
	return ZL_ERR_CONFIG;
}

enum zl_status zl_config_load_buffer_impl(const char *name, const char *dir,
				     const char *buf, size_t len,
				     const struct zl_ruleset *base,
				     struct zl_config **out,
				     struct zl_diags *errs)
{
	return load_buffer(name, dir, dir ? dir : ".", buf, len, base, out,
			   errs);
}

/* Reads the baseline cf names, relative to the directory of its config
 * path (whose text is buf[0..len)), confined to that directory: a config
 * from a pull request must not read the CI host.  What is wrong is said at
 * the config's `baseline:` (an unreadable file), or in the baseline with a
 * note there. */
static enum zl_status load_baseline(struct zl_config *cf, const char *path,
				    const char *buf, size_t len,
				    struct zl_diags *errs)
{
	char *pdir = zl_path_dir(path),
	     *shown = zl_path_join(pdir, cf->baseline_path);
	struct zl_diags tmp = { 0 };
	struct zl_loc at = cf->baseline_at;
	struct zl_diag *d;
	enum zl_status st;
	size_t i;

	at.file = (char *)path;
	if (cf->baseline_off + at.text_len <= len)
		at.text = buf + cf->baseline_off;
	st = zl_baseline_load_impl(cf->dir, cf->baseline_path, shown,
				   &cf->baseline, &tmp);
	for (i = 0; i < tmp.n; i++) {
		d = &tmp.v[i];
		if (!d->loc.file) {
			zl_diags_add(errs, NULL, d->sev, &at, "%s",
				     d->message);
		} else {
			d = zl_diags_add(errs, NULL, d->sev, &d->loc, "%s",
					 d->message);
			if (d)
				zl_diag_note(d, &at, "the baseline named here");
		}
	}
	zl_diags_free(&tmp);
	free(shown);
	free(pdir);
	return st;
}

enum zl_status zl_config_load_at(const char *root, const char *path,
				 const struct zl_ruleset *base,
				 struct zl_config **out,
				 struct zl_diags *errs)
{
	struct zl_read rd = { root, path, NULL, 0, ZL_CONFIG_MAX_SIZE };
	char *abs = zl_path_abs(path), *dir = zl_path_dir(abs), *rel = NULL;
	enum zl_status st;
	struct zl_file f;

	*out = NULL;
	if (root)
		rd.path = rel = zl_path_rel(root, abs);
	st = zl_fs_load(&rd, "config file", path, &f, errs);
	if (st == ZL_OK) {
		char *shown = zl_path_dir(path);

		st = load_buffer(path, dir, *shown ? shown : ".", f.data,
				 f.len, base, out, errs);
		free(shown);
	}
	if (st == ZL_OK && (*out)->baseline_path) {
		st = load_baseline(*out, path, f.data, f.len, errs);
		if (st != ZL_OK) {
			zl_config_free(*out);
			*out = NULL;
		}
	}
	free(f.data);
	free(f.id);
	free(rel);
	free(dir);
	free(abs);
	return st;
}

enum zl_status zl_config_load_file_impl(const char *path,
				   const struct zl_ruleset *base,
				   struct zl_config **out,
				   struct zl_diags *errs)
{
	return zl_config_load_at(NULL, path, base, out, errs);
}

/* ---- rule sets per file ---- */

void zl_config_set_tune(struct zl_config *cf, zl_config_tune_fn *fn,
			void *arg)
{
	cf->tune = fn;
	cf->tune_arg = arg;
}

const char *zl_config_baseline_path(const struct zl_config *cf)
{
	return cf ? cf->baseline_path : NULL;
}

bool zl_config_baseline_at(const struct zl_config *cf, uint32_t *line,
			   uint32_t *col)
{
	if (!cf || !cf->baseline_path)
		return false;
	*line = cf->baseline_at.line;
	*col = cf->baseline_at.col;
	return true;
}

void zl_config_free(struct zl_config *cf)
{
	struct layer *l;
	size_t i, j;

	if (!cf)
		return;
	free(cf->baseline_path);
	zl_baseline_free(cf->baseline);
	for (i = 0; i < cf->nlayers; i++) {
		l = &cf->layers[i];
		for (j = 0; j < l->nacts; j++)
			if (l->acts[j].param >= 0)
				zl_param_free(&l->acts[j].val);
		free(l->acts);
	}
	for (i = 0; i < cf->nglobs; i++)
		zl_glob_free(&cf->globs[i]);
	for (i = 0; i < cf->nexcl; i++)
		free(cf->excl[i]);
	free(cf->excl);
	for (i = 0; i < cf->norig; i++) {
		zl_glob_free(&cf->oglob[i]);
		free(cf->oname[i]);
	}
	free(cf->oglob);
	free(cf->oname);
	/* The rule sets derived from the config's own base go first. */
	if (cf->own_pool)
		zl_config_pool_free(cf->pool);
	zl_ruleset_free(cf->own_base);
	free(cf->globs);
	free(cf->layers);
	free(cf->dir);
	free(cf);
}

void zl_config_share_pool(struct zl_config *cf, struct pool *p)
{
	/* A pool holds rule sets derived from one base: a config with packs
	 * has a base of its own, and keeps its pool. */
	if (cf->own_base)
		return;
	if (cf->own_pool)
		zl_config_pool_free(cf->pool);
	cf->pool = p;
	cf->own_pool = false;
}
