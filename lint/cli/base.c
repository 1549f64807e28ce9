/* base.c - the base of each zone: its version in a git commit (--since REV;
 * HEAD under --from-index), read from that commit's tree with the files it
 * $INCLUDEs, under its old name when git's rename detection finds that the
 * zone was renamed since.  The SOA serial rule compares the two. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_DIFF (UINT64_C(1) << 30)	/* the listing of the changes */

struct base {
	char *sha;		/* the base commit, its full object name */
	struct gitidx *tree;	/* the base commit's tree */
	char **from, **to;	/* renames: to[i] was from[i] at the base,
				   both from the top level */
	size_t n, cap;
};

/* The object name git rev-parse --verify gives for spec, in *sha
 * (malloc'd); false when spec names none. */
static bool rev_parse(const char *spec, char **sha)
{
	char *argv[] = { "git", "rev-parse", "--verify", "--quiet",
			 "--end-of-options", (char *)spec, NULL };
	char *why = NULL;
	size_t len;
	bool ok;

	/* git's "expected commit type" goes unshown: the caller says what
	 * is wrong with the revision */
	ok = git_run_quiet(argv, 256, sha, &len, &why) == 0 && len > 0 &&
	     len <= 256;
	if (ok)
		(*sha)[strcspn(*sha, "\n")] = '\0';
	else {
		free(*sha);
		*sha = NULL;
	}
	free(why);
	return ok;
}

/* The commit rev names, as a full object name in *sha (malloc'd); false
 * when it names none.  Resolved first as it is, then peeled to a commit:
 * "^{commit}" written after it would be part of the text a ":/message"
 * searches for.  --end-of-options keeps a value that starts with '-' from
 * being taken for an option. */
static bool resolve(const char *rev, char **sha)
{
	char *obj = NULL, *spec;
	bool ok;

	if (!*rev || *rev == '-' || !rev_parse(rev, &obj))
		return false;
	spec = xasprintf("%s^{commit}", obj);
	ok = rev_parse(spec, sha);
	free(spec);
	free(obj);
	return ok;
}

/* Reads the renames between the base and what is linted (the index, or
 * the work tree): "R100\0old\0new\0" records of git diff --name-status
 * -z, among the others, which name one path. */
static bool read_renames(struct base *b, const char *sha, bool cached,
			 const char *opt)
{
	/* No optional locks: a diff against the work tree would refresh the
	 * index, which a hook or a read-only CI checkout must not. */
	char *argv[] = { "git", "--no-optional-locks", "diff", "--name-status",
			 "-z", "-M", "--no-ext-diff", "--no-textconv",
			 cached ? "--cached" : (char *)sha,
			 cached ? (char *)sha : "--", cached ? "--" : NULL,
			 NULL };
	char *buf, *why = NULL, *p, *end, *st;
	size_t len;

	if (git_run(argv, MAX_DIFF, &buf, &len, &why) != 0 ||
	    len > MAX_DIFF) {
		report_failure(opt, why ? why :
			       "the list of changes is too large");
		free(why);
		free(buf);
		return false;
	}
	for (p = buf, end = buf + len; p < end;) {
		st = p;
		p += strlen(p) + 1;
		if (*st != 'R' && *st != 'C') {
			p += p < end ? strlen(p) + 1 : 0;
			continue;
		}
		if (p >= end || p + strlen(p) + 1 >= end)
			break;
		if (*st == 'R') {
			xgrow((void **)&b->from, &b->cap, b->n + 1,
			      sizeof *b->from);
			b->to = xrealloc(b->to, b->cap * sizeof *b->to);
			b->from[b->n] = xstrdup(p);
			b->to[b->n++] = xstrdup(p + strlen(p) + 1);
		}
		p += strlen(p) + 1;
		p += strlen(p) + 1;
	}
	free(buf);
	return true;
}

struct base *base_open(const struct cli *c, bool *ok)
{
	const char *rev = c->since ? c->since : "HEAD";
	const char *opt = c->since ? "--since" : "--from-index";
	struct base *b;
	char *sha = NULL;

	*ok = true;
	if (!c->since && !c->from_index)
		return NULL;
	if (!resolve(rev, &sha)) {
		char *msg;

		/* An initial commit has no HEAD: every zone is new. */
		if (!c->since)
			return NULL;
		msg = xasprintf("'%s' names no commit of this repository (a "
				"shallow clone may lack it: fetch it first)",
				rev);
		report_failure("--since", msg);
		free(msg);
		*ok = false;
		return NULL;
	}
	b = xcalloc(1, sizeof *b);
	b->sha = sha;
	b->tree = gitidx_open_tree(opt, rev, sha);
	if (!b->tree || !read_renames(b, sha, c->from_index, opt)) {
		base_free(b);
		b = NULL;
		*ok = false;
	}
	return b;
}

void base_free(struct base *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++) {
		free(b->from[i]);
		free(b->to[i]);
	}
	free(b->from);
	free(b->to);
	gitidx_free(b->tree);
	free(b->sha);
	free(b);
}

const char *base_commit(const struct base *b)
{
	return b->sha;
}

const char *base_renamed(const struct base *b, const char *path)
{
	const char *from = NULL;
	char *rel;
	size_t i;

	if (!b || !path || (rel = gitidx_rel(b->tree, path)) == NULL)
		return NULL;
	for (i = 0; i < b->n && !from; i++)
		if (strcmp(b->to[i], rel) == 0)
			from = b->from[i];
	free(rel);
	return from;
}

struct zl_zone *base_zone(struct run *r, const struct job *j)
{
	const struct base *b = r->base;
	struct zl_load_opts lo = { .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow };
	struct zl_zone *z = NULL;
	char *rel, *full, *msg = NULL;
	size_t i;

	if (!b || !j->path || (rel = gitidx_rel(b->tree, j->path)) == NULL)
		return NULL;
	for (i = 0; i < b->n; i++) {
		if (strcmp(b->to[i], rel) == 0) {
			free(rel);
			rel = xstrdup(b->from[i]);
			break;
		}
	}
	/* A zone new since the base has none. */
	if (!gitidx_has(b->tree, rel)) {
		free(rel);
		return NULL;
	}
	/* The origin the zone was loaded with; the base's includes are read
	 * from its tree, from anywhere in the repository; what it reads
	 * counts against no budget of the run. */
	pthread_mutex_lock(&r->lock);
	lo.origin = j->origin ? j->origin : cli_origin_for(r, j->path);
	pthread_mutex_unlock(&r->lock);
	lo.include_root = gitidx_top(b->tree);
	lo.provider = gitidx_provider(b->tree);
	full = path_join(gitidx_top(b->tree), rel);
	/* A base that cannot be read is no base: the zone is judged as new. */
	if (must(zl_zone_load_file(full, &lo, &z, &msg)) != ZL_OK)
		z = NULL;
	free(msg);
	free(full);
	free(rel);
	return z;
}
