/* configs.c - the .zonelint.yaml of each zone: finding it by walking up to the repository root, and the configs of a run, which share their rule sets. */
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "fs.h"
#include "impl.h"

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

/* Whether the absolute path dir is top or below it. */
static bool at_or_below(const char *dir, const char *top)
{
	size_t n = strlen(top);

	return strcmp(top, "/") == 0 ||
	       (strncmp(dir, top, n) == 0 && (dir[n] == '/' || !dir[n]));
}

/* Where the config search from the absolute path dir (a zone's) stops: the
 * repository root; outside a repository, the current directory when dir
 * lies below it (and it is not /), else the deepest of the trees the run
 * lints (tops, absolute) that holds dir, else dir's own directory.  A
 * config another user left in /tmp must not switch rules off for a tree
 * unpacked below it. */
static char *search_top(const char *dir, char *const *tops, size_t ntops)
{
	char *top = zl_path_repo(dir);
	size_t i;

	if (top)
		return top;
	top = zl_path_abs(".");
	if (strcmp(top, "/") != 0 && at_or_below(dir, top))
		return top;
	free(top);
	top = NULL;
	for (i = 0; i < ntops; i++)
		if (at_or_below(dir, tops[i]) &&
		    (!top || strlen(tops[i]) > strlen(top)))
			top = tops[i];
	return top ? zl_xstrdup(top) : zl_path_dir(dir);
}

/* The config search from zone_path, up to search_top(): the absolute path
 * of the config it finds (malloc'd, or NULL) and the root reading it is
 * confined to, *root: the repository root, else the directory the config
 * is in. */
static char *config_search(const char *zone_path, char *const *tops,
			   size_t ntops, char **root)
{
	char *dir = zl_path_abs(zone_path), *slash, *found = NULL;
	char *stop = search_top(dir, tops, ntops);

	*root = NULL;
	for (;;) {
		/* dir starts as the file itself: step to its directory. */
		slash = strrchr(dir, '/');
		if (!slash || (slash == dir && dir[1] == '\0'))
			break;
		slash[slash == dir ? 1 : 0] = '\0';
		if (has_entry(dir, ZL_CONFIG_NAME)) {
			found = zl_path_join(dir, ZL_CONFIG_NAME);
			*root = zl_xstrdup(has_entry(stop, ".git") ? stop : dir);
			break;
		}
		if (strcmp(dir, stop) == 0)
			break;
	}
	free(dir);
	free(stop);
	return found;
}

bool zl_config_find_impl(const char *zone_path, char **out)
{
	char *root, *found = config_search(zone_path, NULL, 0, &root);

	*out = found ? shown_path(found) : NULL;
	free(found);
	free(root);
	return *out != NULL;
}

/* ---- the configs of a run ---- */

struct found {
	char *path;
	struct zl_config *cf;	/* NULL when it failed to load */
	enum zl_status st;
	struct found *next;	/* the one found before */
};

struct zl_configs {
	const struct zl_ruleset *base;
	struct zl_config *fixed;	/* the one config, or NULL */
	void *found;			/* tsearch(3) tree of struct found:
					   the configs found so far, by path */
	struct found *last;		/* the same, the last found first */
	struct pool *pool;		/* the rule sets of every config */
	zl_config_tune_fn *tune;
	void *tune_arg;
	/* Zones come directory by directory: the directory part of the last
	 * zone path looked up, and what the search from it found (NULL for
	 * no config). */
	char *last_dir;
	struct found *last_found;
	char **tops;			/* zl_configs_set_tops, absolute */
	size_t ntops;
};

static int found_cmp(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->path,
		      ((const struct found *)b)->path);
}

enum zl_status zl_configs_new_impl(const struct zl_ruleset *base, const char *path,
			      struct zl_configs **out, struct zl_diags *errs)
{
	struct zl_configs *cs = zl_xcalloc(1, sizeof *cs);
	enum zl_status st;

	*out = NULL;
	cs->base = base;
	cs->pool = zl_xcalloc(1, sizeof *cs->pool);
	if (path && (st = zl_config_load_file_impl(path, base, &cs->fixed,
					      errs)) != ZL_OK) {
		zl_config_pool_free(cs->pool);
		free(cs);
		return st;
	}
	if (cs->fixed)
		zl_config_share_pool(cs->fixed, cs->pool);
	*out = cs;
	return ZL_OK;
}

void zl_configs_set_tops(struct zl_configs *cs, const char *const *dirs,
			 size_t n)
{
	size_t i;

	cs->tops = zl_xrealloc(cs->tops, (cs->ntops + n + 1) *
				       sizeof *cs->tops);
	for (i = 0; i < n; i++)
		cs->tops[cs->ntops++] = zl_path_abs(dirs[i]);
}

void zl_configs_set_tune(struct zl_configs *cs, zl_config_tune_fn *fn,
			 void *arg)
{
	struct found *f;

	cs->tune = fn;
	cs->tune_arg = arg;
	if (cs->fixed)
		zl_config_set_tune(cs->fixed, fn, arg);
	for (f = cs->last; f; f = f->next)
		if (f->cf)
			zl_config_set_tune(f->cf, fn, arg);
}

/* The config at path, loading it the first time, confined to root.
 * Takes path. */
static struct found *found_at(struct zl_configs *cs, char *path,
			      const char *root, struct zl_diags *errs)
{
	struct found want = { path, NULL, ZL_OK, NULL }, *f;
	void *node = tfind(&want, &cs->found, found_cmp);

	if (node) {
		free(path);
		return *(struct found **)node;
	}
	f = zl_xmalloc(sizeof *f);
	f->path = path;
	f->next = cs->last;
	cs->last = f;
	f->st = zl_config_load_at(root, path, cs->base, &f->cf, errs);
	if (f->cf) {
		zl_config_share_pool(f->cf, cs->pool);
		zl_config_set_tune(f->cf, cs->tune, cs->tune_arg);
	}
	tsearch(f, &cs->found, found_cmp);
	return f;
}

/* The config for a zone: searched for from its directory, or remembered
 * when the last zone was in the same directory. */
static struct found *config_for(struct zl_configs *cs, const char *zone_path,
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
	found = config_search(zone_path, cs->tops, cs->ntops, &root);
	cs->last_found = found ? found_at(cs, shown_path(found), root, errs)
			       : NULL;
	free(found);
	free(root);
	return cs->last_found;
}

/* The config that governs path: the fixed one, else the one the search
 * finds (*cf NULL when there is none).  Fails with the status of a config
 * that was found but could not be used. */
static enum zl_status config_of(struct zl_configs *cs, const char *path,
				struct zl_diags *errs, struct zl_config **cf)
{
	const struct found *f;

	*cf = cs->fixed;
	if (*cf || (f = config_for(cs, path, errs)) == NULL)
		return ZL_OK;
	*cf = f->cf;
	return f->st;
}

enum zl_status zl_configs_ruleset_impl(struct zl_configs *cs, const char *zone_path,
				  const struct zl_ruleset **out,
				  struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = config_of(cs, zone_path, errs, &cf);

	*out = NULL;
	if (st == ZL_OK)
		*out = cf ? zl_config_ruleset_impl(cf, zone_path) : cs->base;
	return st;
}

enum zl_status zl_configs_excluded_impl(struct zl_configs *cs,
					const char *path, bool *out,
					struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = config_of(cs, path, errs, &cf);

	*out = st == ZL_OK && cf && zl_config_excluded_impl(cf, path);
	return st;
}

enum zl_status zl_configs_origin_impl(struct zl_configs *cs,
				      const char *path, const char **out,
				      struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = config_of(cs, path, errs, &cf);

	*out = st == ZL_OK && cf ? zl_config_origin_impl(cf, path) : NULL;
	return st;
}

enum zl_status zl_configs_baseline_impl(const struct zl_configs *cs,
					struct zl_baseline **b)
{
	const struct found *f;

	if (!cs)
		return ZL_OK;
	if (cs->fixed)
		zl_baseline_merge_impl(b, cs->fixed->baseline);
	for (f = cs->last; f; f = f->next)
		if (f->cf)
			zl_baseline_merge_impl(b, f->cf->baseline);
	return ZL_OK;
}

void zl_configs_free(struct zl_configs *cs)
{
	struct found *f;

	if (!cs)
		return;
	while (cs->found)
		tdelete(*(void **)cs->found, &cs->found, found_cmp);
	while ((f = cs->last) != NULL) {
		cs->last = f->next;
		free(f->path);
		zl_config_free(f->cf);
		free(f);
	}
	zl_config_pool_free(cs->pool);
	free(cs->last_dir);
	while (cs->ntops > 0)
		free(cs->tops[--cs->ntops]);
	free(cs->tops);
	zl_config_free(cs->fixed);
	free(cs);
}
