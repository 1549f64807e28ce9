/* config_glob.c - the paths and globs of .zonelint.yaml: paths made absolute and relative, globs split once and matched part by part. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

/* Appends component s[0..n) to the normalised absolute path b. */
static void push_part(struct zl_buf *b, const char *s, size_t n)
{
	char *slash;

	if (n == 0 || (n == 1 && s[0] == '.'))
		return;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		slash = strrchr(b->s, '/');
		b->len = slash && slash != b->s ? (size_t)(slash - b->s) : 1;
		b->s[b->len] = '\0';
		return;
	}
	if (b->len > 1)
		zl_buf_addc(b, '/');
	zl_buf_add(b, s, n);
}

static void push_parts(struct zl_buf *b, const char *p)
{
	const char *e;

	for (; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "/");
		push_part(b, p, (size_t)(e - p));
	}
}

char *zl_path_abs(const char *path)
{
	struct zl_buf b = { 0 };
	char cwd[4096];

	zl_buf_add(&b, "/", 1);
	if (path[0] != '/' && getcwd(cwd, sizeof cwd))
		push_parts(&b, cwd);
	push_parts(&b, path);
	return b.s;
}

char *zl_path_rel(const char *dir, const char *path)
{
	struct zl_buf b = { 0 };
	size_t i = 0, common = 0;
	const char *p;

	if (strcmp(dir, "/") == 0)
		return zl_xstrdup(path + 1);
	/* The longest run of whole components the two share. */
	while (dir[i] && dir[i] == path[i]) {
		i++;
		if ((dir[i] == '\0' || dir[i] == '/') &&
		    (path[i] == '\0' || path[i] == '/'))
			common = i;
	}
	for (p = dir + common; *p; p++)
		if (*p == '/')
			zl_buf_add(&b, "../", 3);
	p = path + common;
	zl_buf_add(&b, p + (*p == '/'), strlen(p + (*p == '/')));
	return b.s ? b.s : zl_xstrdup("");
}

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
