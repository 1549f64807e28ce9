/* config_glob.c - the globs of .zonelint.yaml: split once, matched part by part. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

size_t zl_path_split(const char *s, char **copy, char **parts, size_t max)
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

bool zl_glob_compile(struct zl_glob *g, const char *text, size_t layer)
{
	struct zl_buf key = { 0 };
	size_t i;

	memset(g, 0, sizeof *g);
	g->nparts = zl_path_split(text, &g->copy, g->parts, ZL_GLOB_MAX_PARTS);
	if (g->nparts == SIZE_MAX) {
		free(g->copy);
		memset(g, 0, sizeof *g);
		return false;
	}
	g->bare = !strchr(text, '/');
	g->layer = layer;
	for (i = 0; i < g->nparts && !strpbrk(g->parts[i], "*?[\\"); i++)
		zl_buf_addf(&key, "%s%s", i ? "/" : "", g->parts[i]);
	if (i == g->nparts && i > 0)
		g->key = key.s;
	else
		zl_buf_free(&key);
	return true;
}

void zl_glob_free(struct zl_glob *g)
{
	free(g->copy);
	free(g->key);
}

bool zl_glob_matches(const struct zl_glob *g, char **p, size_t np)
{
	if (np == 0)
		return false;
	/* Like .gitignore: a bare name matches in any directory. */
	if (g->bare)
		return g->nparts == 1 && fnmatch(g->parts[0], p[np - 1], 0) == 0;
	return match_parts((char **)g->parts, g->nparts, p, np);
}

bool zl_glob_match(const char *glob, const char *path)
{
	char **pp = zl_xcalloc(strlen(path) + 1, sizeof *pp), *pc;
	size_t np = zl_path_split(path, &pc, pp, strlen(path) + 1);
	struct zl_glob g;
	bool r = false;

	if (zl_glob_compile(&g, glob, 0)) {
		r = zl_glob_matches(&g, pp, np);
		zl_glob_free(&g);
	}
	free(pc);
	free(pp);
	return r;
}
