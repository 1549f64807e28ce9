/* summary.c - --summary: what the change does to mail, zone by zone, for
 * every zone that changed since the base, the deleted ones included. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_LIST (UINT64_C(1) << 26)	/* git's list of deleted files */

char *cli_summary_zone(const struct cli *c, const struct base *b,
		       const struct zl_zone *base, const struct zl_zone *z,
		       struct zl_zoneset *set, const char *path)
{
	const char *from = z ? base_renamed(b, path) : NULL;
	char *s = NULL, *title;

	if (!c->summary || (!base && !z))
		return NULL;
	title = from ? xasprintf("%s (renamed from %s)", path, from) :
		z ? xstrdup(path) : xasprintf("%s (deleted)", path);
	must(zl_summary(base, z, set, c->summary_fmt, title, &s));
	free(title);
	if (s && !*s) {
		free(s);
		s = NULL;
	}
	return s;
}

/* The files deleted since the base, as git names them from the top level,
 * NUL-separated in *out; false after saying why git could not tell. */
static bool deleted(const struct cli *c, const struct base *b, char **out,
		    size_t *len)
{
	char *argv[12], *why = NULL;
	size_t n = 0;
	bool ok;

	argv[n++] = "git";
	argv[n++] = "diff";
	argv[n++] = "--name-only";
	argv[n++] = "-z";
	argv[n++] = "-M";
	argv[n++] = "--diff-filter=D";
	argv[n++] = "--no-ext-diff";
	if (c->from_index)
		argv[n++] = "--cached";
	/* the commit the base resolved: the revision as the user wrote it
	 * may be one git diff reads otherwise (":/message") */
	argv[n++] = (char *)base_commit(b);
	argv[n++] = "--";
	argv[n] = NULL;
	ok = git_run(argv, MAX_LIST, out, len, &why) == 0 && *len <= MAX_LIST;
	if (!ok)
		report_failure("--summary", why ? why :
			       "the list of deleted files is too large");
	free(why);
	return ok;
}

/* Whether path is an operand or lies below one (paths compared made
 * absolute, so that any spelling of them, or one outside the repository,
 * is judged alike). */
static bool below_operand(const struct cli *c, const char *path)
{
	char *abs = path_abs(path), *op;
	bool in = false;
	size_t i, n;

	for (i = 0; i < c->npaths && !in; i++) {
		if (strcmp(c->paths[i], "-") == 0)
			continue;
		op = path_abs(c->paths[i]);
		n = strlen(op);
		in = strncmp(abs, op, n) == 0 &&
		     (abs[n] == '\0' || abs[n] == '/' || strcmp(op, "/") == 0);
		free(op);
	}
	free(abs);
	return in;
}

/* Adds the summaries of the zones deleted since r->base to r->sums;
 * false after saying why git could not list them. */
static bool add_deleted(struct run *r)
{
	const struct cli *c = r->cli;
	char *argv[] = { "git", "rev-parse", "--show-cdup", NULL };
	char *list = NULL, *cdup = NULL, *why = NULL, *p, *s;
	struct job j = { .path = NULL };
	const char *name;
	size_t len = 0, clen;
	struct zl_zone *z;
	bool ok = deleted(c, r->base, &list, &len);

	if (ok && git_run(argv, 4096, &cdup, &clen, &why) != 0) {
		report_failure("--summary", why);
		ok = false;
	}
	if (ok)
		cdup[strcspn(cdup, "\n")] = '\0';
	for (p = list; ok && p < list + len; p += strlen(p) + 1) {
		name = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
		if (!is_zone_name(name))
			continue;
		/* its version at the base, as a zone of the run would be read */
		j.path = xasprintf("%s%s", cdup, p);
		if (!below_operand(c, j.path)) {
			free(j.path);
			continue;
		}
		z = base_zone(r, &j);
		if ((s = cli_summary_zone(c, r->base, z, NULL, NULL, j.path))) {
			xgrow((void **)&r->sums, &r->capsums, r->nsums + 1,
			      sizeof *r->sums);
			r->sums[r->nsums++] = s;
		}
		zl_zone_free(z);
		free(j.path);
	}
	free(why);
	free(cdup);
	free(list);
	return ok;
}

static enum zl_status write_summary(FILE *f, const void *arg)
{
	const struct run *r = arg;
	size_t i;

	/* a heading for the page it lands on (a CI job summary, a pull
	 * request comment) when there is anything to say */
	if (r->nsums && r->cli->summary_fmt == ZL_SUMMARY_MARKDOWN)
		fputs("## What this change does to mail\n\n", f);
	for (i = 0; i < r->nsums; i++)
		fputs(r->sums[i], f);
	return ferror(f) || fflush(f) == EOF ? ZL_ERR_IO : ZL_OK;
}

bool cli_summary_print(struct run *r)
{
	const struct cli *c = r->cli;
	bool ok = true;

	if (!c->summary)
		return true;
	if (r->base)
		ok = add_deleted(r);
	/* --summary-file is replaced, as --output is: the tree may hold a
	 * link of that name, which is not followed */
	if (c->summary_file ?
	    cli_write_atomic(c->summary_file, write_summary, r) != ZL_OK :
	    write_summary(stderr, r) != ZL_OK) {
		report_failure(c->summary_file ? c->summary_file : "--summary",
			       "cannot write the summary");
		ok = false;
	}
	return ok;
}
