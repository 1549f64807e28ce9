/* git_ignore.c - what git ignores below a directory (.gitignore,
 * .git/info/exclude, core.excludesFile), which a walk of the tree leaves
 * out: a build's or a backup's copy of a zone is no zone of the
 * repository. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **git_ignored(const char *root, const char *under, size_t *n)
{
	/* under is a path, never pathspec magic (":(glob)..."). */
	char *argv[] = { "git", "--literal-pathspecs", "-C", (char *)root,
			 "ls-files", "-z", "--others", "--ignored",
			 "--exclude-standard", "--directory", "--",
			 (char *)under, NULL };
	char *buf, *why = NULL, **v = NULL, *p;
	size_t len, cap = 0;

	/* what git says goes unshown: context is never the run's failure */
	*n = 0;
	if (git_run_quiet(argv, GIT_MAX_LIST, &buf, &len, &why) != 0) {
		free(why);
		return NULL;
	}
	for (p = buf; len <= GIT_MAX_LIST && p < buf + len; p += strlen(p) + 1) {
		xgrow((void **)&v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(p);
	}
	free(buf);
	if (*n > 1)
		qsort(v, *n, sizeof *v, str_cmp);
	return v;
}

bool git_ignores(char *const *ign, size_t n, const char *rel, bool dir)
{
	char *key = dir ? xasprintf("%s/", rel) : (char *)rel;
	bool found = n && bsearch(&key, ign, n, sizeof *ign, str_cmp);

	if (dir)
		free(key);
	return found;
}

struct ignored *ignored_below(const char *dir)
{
	char *inside = path_join(dir, "x"), *root = repo_root(inside);
	char *aroot, *adir, *rel;
	struct ignored *ig = NULL;
	size_t n;

	free(inside);	/* repo_root takes a file: one in dir */
	if (!root)
		return NULL;
	aroot = path_abs(root);
	adir = path_abs(dir);
	n = strcmp(aroot, "/") == 0 ? 0 : strlen(aroot);
	if (strncmp(adir, aroot, n) == 0 && (adir[n] == '/' || !adir[n])) {
		rel = adir + n + (adir[n] == '/');
		ig = xcalloc(1, sizeof *ig);
		ig->v = git_ignored(root, *rel ? rel : NULL, &ig->n);
		ig->prefix = *rel ? xasprintf("%s/", rel) : xstrdup("");
		ig->skip = strlen(dir);
	}
	free(aroot);
	free(adir);
	free(root);
	return ig;
}

bool ignored_entry(const struct ignored *ig, const char *full, bool dir)
{
	const char *tail = full + ig->skip;
	char *rel;
	bool out;

	if (!ig->n)
		return false;
	rel = xasprintf("%s%s", ig->prefix, tail + (*tail == '/'));
	out = git_ignores(ig->v, ig->n, rel, dir);
	free(rel);
	return out;
}

void ignored_free(struct ignored *ig)
{
	if (!ig)
		return;
	free_names(ig->v, ig->n);
	free(ig->prefix);
	free(ig);
}
