/* config_sets.c - the rule sets a .zonelint.yaml derives: the layers each
 * zone gets from the top level and the overrides whose globs match it,
 * and one rule set per distinct group of settings, shared by the zones of
 * a run (reading the file: config.c). */
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "fs.h"
#include "impl.h"

/* ---- the layers a zone gets ---- */

int zl_config_act_cmp(const void *pa, const void *pb)
{
	const struct act *a = pa, *b = pb;

	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return (a->param > b->param) - (a->param < b->param);
}

static int glob_cmp(const void *pa, const void *pb)
{
	const struct zl_glob *a = pa, *b = pb;

	if (!a->key != !b->key)
		return a->key ? -1 : 1;
	if (!a->key)
		return (a->layer > b->layer) - (a->layer < b->layer);
	if (a->bare != b->bare)
		return a->bare ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* The globs without wildcards first, sorted by key, so that each zone
 * finds those that name it by two binary searches, however many there
 * are; the others after them. */
void zl_config_index_globs(struct zl_config *cf)
{
	size_t i;

	if (cf->nglobs > 1)
		qsort(cf->globs, cf->nglobs, sizeof *cf->globs, glob_cmp);
	for (i = 0; i < cf->nglobs && cf->globs[i].key; i++)
		;
	cf->nliteral = i;
}

static void push_layer(size_t **v, size_t *n, size_t *cap, size_t layer)
{
	zl_xgrow((void **)v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = layer;
}

/* Adds the layers of the globs without wildcards whose key is key. */
static void literal_layers(const struct zl_config *cf, bool bare,
			   const char *key, size_t **v, size_t *n, size_t *cap)
{
	struct zl_glob want = { .bare = bare, .key = (char *)key };
	size_t lo = 0, hi = cf->nliteral, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (glob_cmp(&cf->globs[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < cf->nliteral && glob_cmp(&cf->globs[lo], &want) == 0; lo++)
		push_layer(v, n, cap, cf->globs[lo].layer);
}

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The layers for the zone at rel (relative to cf->dir): the top level and
 * each override with a matching glob, in file order, *n of them. */
static size_t *layers_for(const struct zl_config *cf, const char *rel,
			  size_t *n)
{
	char **pp = zl_xcalloc(strlen(rel) + 1, sizeof *pp), *pc;
	size_t np = zl_path_split(rel, &pc, pp, strlen(rel) + 1), *v = NULL, cap = 0,
	       i, k;
	struct zl_buf path = { 0 };

	*n = 0;
	push_layer(&v, n, &cap, 0);
	if (np > 0) {
		for (i = 0; i < np; i++)
			zl_buf_addf(&path, "%s%s", i ? "/" : "", pp[i]);
		literal_layers(cf, true, pp[np - 1], &v, n, &cap);
		literal_layers(cf, false, path.s, &v, n, &cap);
		for (i = cf->nliteral; i < cf->nglobs; i++)
			if (zl_glob_matches(&cf->globs[i], pp, np))
				push_layer(&v, n, &cap, cf->globs[i].layer);
	}
	qsort(v, *n, sizeof *v, size_cmp);
	for (i = k = 0; i < *n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
	zl_buf_free(&path);
	free(pc);
	free(pp);
	return v;
}

/* ---- the rule sets of a run ---- */

struct derived {
	char *key;		/* the settings, serialized (settings_key) */
	size_t len;
	struct zl_ruleset *rs;
};

static int derived_cmp(const void *pa, const void *pb)
{
	const struct derived *a = pa, *b = pb;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->key, b->key, a->len);
}

void zl_config_pool_free(struct pool *p)
{
	struct derived *d;

	while (p && p->tree) {
		d = *(struct derived **)p->tree;
		tdelete(d, &p->tree, derived_cmp);
		free(d->key);
		zl_ruleset_free(d->rs);
		free(d);
	}
	free(p);
}

/* One act of a zone's settings, with the place of its layer. */
struct zact {
	const struct act *a;
	size_t layer;
};

static int zact_cmp(const void *pa, const void *pb)
{
	const struct zact *a = pa, *b = pb;
	int c = zl_config_act_cmp(a->a, b->a);

	return c ? c : (a->layer > b->layer) - (a->layer < b->layer);
}

/* The settings layers v[0..n) give: of the acts for one rule and
 * parameter, the last layer's; sorted by rule and parameter. */
static struct zact *settings(const struct zl_config *cf, const size_t *v,
			     size_t n, size_t *nz)
{
	struct zact *z = NULL;
	size_t cap = 0, i, k;

	*nz = 0;
	for (i = 0; i < n; i++) {
		const struct layer *l = &cf->layers[v[i]];

		zl_xgrow((void **)&z, &cap, *nz + l->nacts + 1, sizeof *z);
		for (k = 0; k < l->nacts; k++)
			z[(*nz)++] = (struct zact){ &l->acts[k], i };
	}
	if (*nz > 1)
		qsort(z, *nz, sizeof *z, zact_cmp);
	for (i = k = 0; i < *nz; i++) {
		if (k > 0 && zl_config_act_cmp(z[k - 1].a, z[i].a) == 0)
			k--;
		z[k++] = z[i];
	}
	*nz = k;
	return z;
}

static void put(struct zl_buf *b, const void *p, size_t n)
{
	zl_buf_add(b, p, n);
}

static void put_str(struct zl_buf *b, const char *s)
{
	size_t n = s ? strlen(s) + 1 : 0;

	put(b, &n, sizeof n);
	put(b, s ? s : "", n);
}

/* The settings as bytes that compare equal exactly when the rule sets
 * they make are the same (the tune hook is part of them). */
static void settings_key(const struct zl_config *cf, const struct zact *z,
			 size_t n, struct zl_buf *b)
{
	const struct zl_param *p;
	size_t i, k;

	put(b, &cf->tune, sizeof cf->tune);
	put(b, &cf->tune_arg, sizeof cf->tune_arg);
	for (i = 0; i < n; i++) {
		put(b, &z[i].a->rule, sizeof z[i].a->rule);
		put(b, &z[i].a->param, sizeof z[i].a->param);
		if (z[i].a->param < 0) {
			put(b, &z[i].a->sev, sizeof z[i].a->sev);
			continue;
		}
		p = &z[i].a->val;
		put(b, &p->i, sizeof p->i);
		put_str(b, p->s);
		put(b, &p->n, sizeof p->n);
		for (k = 0; k < p->n; k++) {
			put_str(b, p->keys ? p->keys[k] : NULL);
			if (p->vals)
				put(b, &p->vals[k], sizeof p->vals[k]);
		}
	}
}

/* Makes the rule set of some settings: the base, the settings, then the
 * caller's tuning.  It shares every rule they leave alone with the base. */
static struct zl_ruleset *derive(const struct zl_config *cf,
				 const struct zact *z, size_t n)
{
	struct zl_ruleset *rs = zl_ruleset_derive(cf->base);
	const struct act *a;
	struct zl_rule *r;
	size_t i;

	for (i = 0; i < n; i++) {
		a = z[i].a;
		if (a->param < 0) {
			if (rs->rules[a->rule]->severity != a->sev)
				zl_ruleset_own(rs, a->rule)->severity = a->sev;
			continue;
		}
		r = zl_ruleset_own(rs, a->rule);
		zl_param_free(&r->params[a->param]);
		zl_param_copy(&r->params[a->param], &a->val);
	}
	if (cf->tune)
		cf->tune(rs, cf->tune_arg);
	return rs;
}

const struct zl_ruleset *zl_config_ruleset_impl(struct zl_config *cf,
					   const char *zone_path)
{
	char *abs = zl_path_abs(zone_path);
	char *rel = zl_path_rel(cf->dir, abs);
	struct zl_buf key = { 0 };
	struct derived want, *d;
	size_t *v, nv, nz;
	struct zact *z;
	void *node;

	v = layers_for(cf, rel, &nv);
	z = settings(cf, v, nv, &nz);
	settings_key(cf, z, nz, &key);
	want = (struct derived){ key.s, key.len, NULL };
	if ((node = tfind(&want, &cf->pool->tree, derived_cmp)) != NULL) {
		d = *(struct derived **)node;
		zl_buf_free(&key);
	} else {
		d = zl_xmalloc(sizeof *d);
		*d = want;
		d->rs = derive(cf, z, nz);
		tsearch(d, &cf->pool->tree, derived_cmp);
	}
	free(z);
	free(v);
	free(abs);
	free(rel);
	return d->rs;
}
