/* summary.c - --summary: what the change does to mail, zone by zone, for
 * every zone that changed since the base, the deleted ones included. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The summary of z (NULL: gone) against base under title; NULL when it
 * says nothing. */
static char *summarise(const struct cli *c, const struct zl_zone *base,
		       const struct zl_zone *z, struct zl_zoneset *set,
		       const char *title)
{
	char *s = NULL;

	must(zl_summary(base, z, set, c->summary_fmt, title, &s));
	if (s && !*s) {
		free(s);
		s = NULL;
	}
	return s;
}

char *cli_summary_zone(const struct cli *c, struct base *b,
		       const struct zl_zone *base, const struct zl_zone *z,
		       struct zl_zoneset *set, const char *path)
{
	const char *from;
	char *s, *title;

	if (!c->summary || (!base && !z))
		return NULL;
	from = z ? base_renamed(b, path) : NULL;
	title = from ? xasprintf("%s (renamed from %s)", path, from) :
		z ? xstrdup(path) : xasprintf("%s (deleted)", path);
	s = summarise(c, base, z, set, title);
	free(title);
	return s;
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

/* Adds to r->sums the summary of rel (from the top level), gone since
 * r->base (deleted, or renamed to to) when it was a zone below the
 * operands that no zone of the run took as its base: no longer served
 * from the paths linted. */
static void add_gone(void *arg, const char *rel, const char *to)
{
	struct run *r = arg;
	const struct cli *c = r->cli;
	struct job j = { .path = NULL };
	const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	char *title, *shown_to, *s;
	struct zl_zone *z;

	if (!is_zone_name(name))
		return;
	/* its version at the base, as a zone of the run would be read */
	j.path = gitidx_shown(base_tree(r->base), rel);
	if (!below_operand(c, j.path)) {
		free(j.path);
		return;
	}
	z = base_zone(r, &j);
	name = to ? strrchr(to, '/') : NULL;
	name = name ? name + 1 : to;
	shown_to = to ? gitidx_shown(base_tree(r->base), to) : NULL;
	/* renamed out of the zones linted: as a rename within them is shown
	 * (its new name from the repository's top level), with why it is
	 * gone */
	title = !to ? xasprintf("%s (deleted)", j.path) :
		xasprintf("%s (renamed to %s, %s)", j.path, to,
			  !is_zone_name(name) ? "no longer a zone" :
			  below_operand(c, shown_to) ? "not linted" :
			  "outside the paths linted");
	if (z && (s = summarise(c, z, NULL, NULL, title))) {
		xgrow((void **)&r->sums, &r->capsums, r->nsums + 1,
		      sizeof *r->sums);
		r->sums[r->nsums++] = s;
	}
	zl_zone_free(z);
	free(title);
	free(shown_to);
	free(j.path);
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
	base_gone(r->base, add_gone, r);
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
