/* base.c - the base of each zone: its version in a git commit (--since REV;
 * HEAD under --from-index), read from that commit's tree with the files it
 * $INCLUDEs, under its old name when git's rename detection finds that the
 * zone was renamed since, else the one zone of its origin gone since.  The
 * SOA serial rule compares the two. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_DIFF (UINT64_C(1) << 30)	/* the listing of the changes */

/* A file at the base that is no longer there (deleted, or renamed). */
struct gone {
	char *rel;		/* from the top level */
	char *to;		/* what git finds it renamed to, or NULL */
	char *origin;		/* as a zone, once looked at; NULL: none */
	bool used;		/* the base of a zone of the run */
};

struct base {
	char *sha;		/* the base commit, its full object name */
	struct gitidx *tree;	/* the base commit's tree */
	pthread_mutex_t lock;	/* over what follows, which zones loaded in
				   threads read and add to */
	char **from, **to;	/* renames: to[i] was from[i] at the base,
				   both from the top level; and the zones
				   given a base by their origin */
	size_t n, cap;
	struct gone *gone;	/* by rel */
	size_t ngone, capgone;
	bool scanned;		/* the origins of gone are known */
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

/* What git answers to rev-parse ARG (one line, without its newline), or
 * NULL when it fails.  Malloc'd. */
static char *rev_parse_ask(const char *arg)
{
	char *argv[] = { "git", "rev-parse", (char *)arg, NULL };
	char *out = NULL, *why = NULL;
	size_t len;

	if (git_run_quiet(argv, 4096, &out, &len, &why) != 0 || len > 4096) {
		free(out);
		out = NULL;
	} else {
		out[strcspn(out, "\n")] = '\0';
	}
	free(why);
	return out;
}

/* Why a revision may be missing from the repository of the current
 * directory: " (...)".  A clone may lack it (a shallow clone its
 * history, a clone of one branch the others: CI checks out so). */
static const char *missing_hint(void)
{
	char *shallow = rev_parse_ask("--is-shallow-repository"), *head;
	bool is_shallow = shallow && strcmp(shallow, "true") == 0;

	free(shallow);
	if (is_shallow)
		return " (this shallow clone may lack it: fetch it first)";
	if (!resolve("HEAD", &head))
		return " (it has no commit yet)";
	free(head);
	return " (if it is another clone's, fetch it first)";
}

/* Whether git finds a repository from the current directory, where the
 * base is looked for, whatever paths are linted; false with *stuck set
 * when git waited on a FIFO there (git_fifo_why). */
static bool in_repository(bool *stuck)
{
	char *argv[] = { "git", "rev-parse", "--git-dir", NULL };
	char *out = NULL, *why = NULL;
	size_t len;
	bool ok = git_run_quiet(argv, 4096, &out, &len, &why) == 0;

	*stuck = !ok && why && strcmp(why, git_fifo_why) == 0;
	free(out);
	free(why);
	return ok;
}

static int gone_cmp(const void *a, const void *b)
{
	return strcmp(((const struct gone *)a)->rel,
		      ((const struct gone *)b)->rel);
}

static void add_gone(struct base *b, const char *rel, const char *to)
{
	struct gone *g;

	xgrow((void **)&b->gone, &b->capgone, b->ngone + 1, sizeof *b->gone);
	g = &b->gone[b->ngone++];
	memset(g, 0, sizeof *g);
	g->rel = xstrdup(rel);
	g->to = to ? xstrdup(to) : NULL;
}

/* Reads the renames and deletions between the base and what is linted
 * (the index, or the work tree): "R100\0old\0new\0" and "D\0path\0"
 * records of git diff --name-status -z, among the others, which name one
 * path (a copy, "C", two). */
static bool read_renames(struct base *b, const char *sha, bool cached,
			 const char *opt)
{
	/* No optional locks: a diff against the work tree would refresh the
	 * index, which a hook or a read-only CI checkout must not.  No look
	 * into a submodule's work tree either: that is a git status there,
	 * under the submodule's own configuration, whose filters are not
	 * turned off (git_env.c); a gitlink's commit is still compared.
	 * Paths from the top level and of the whole tree, whatever
	 * diff.relative says (it would make them relative to the current
	 * directory, and leave out what lies outside it). */
	char *argv[] = { "git", "--no-optional-locks", "diff", "--name-status",
			 "-z", "-M", "--no-ext-diff", "--no-textconv",
			 "--ignore-submodules=dirty", "--no-relative",
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
			if (*st == 'D' && p < end)
				add_gone(b, p, NULL);
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
			add_gone(b, p, p + strlen(p) + 1);
		}
		p += strlen(p) + 1;
		p += strlen(p) + 1;
	}
	free(buf);
	/* by their old names, as the summary lists them */
	if (b->ngone > 1)
		qsort(b->gone, b->ngone, sizeof *b->gone, gone_cmp);
	return true;
}

struct base *base_open(const struct cli *c, bool *ok)
{
	const char *rev = c->since ? c->since : "HEAD";
	const char *opt = c->since ? "--since" : "--from-index";
	struct base *b;
	char *sha = NULL;
	bool stuck;

	*ok = true;
	if (!c->since && !c->from_index)
		return NULL;
	if (!git_environ()) {
		char *msg = xasprintf("zonelint runs no git here: %s (a "
				      "filter's command would run)",
				      git_refused());

		report_failure(opt, msg);
		free(msg);
		*ok = false;
		return NULL;
	}
	if (!resolve(rev, &sha)) {
		char *msg;

		/* An initial commit has no HEAD: every zone is new. */
		if (!c->since)
			return NULL;
		msg = in_repository(&stuck) ?
		      xasprintf("'%s' names no commit of this repository%s",
				rev, missing_hint()) :
		      stuck ? xstrdup(git_fifo_why) :
		      xasprintf("the current directory is in no git "
				"repository, where '%s' is looked for: run "
				"zonelint from the zones' repository", rev);
		report_failure("--since", msg);
		free(msg);
		*ok = false;
		return NULL;
	}
	b = xcalloc(1, sizeof *b);
	pthread_mutex_init(&b->lock, NULL);
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
	for (i = 0; i < b->ngone; i++) {
		free(b->gone[i].rel);
		free(b->gone[i].to);
		free(b->gone[i].origin);
	}
	free(b->gone);
	free(b->from);
	free(b->to);
	gitidx_free(b->tree);
	pthread_mutex_destroy(&b->lock);
	free(b->sha);
	free(b);
}

const char *base_commit(const struct base *b)
{
	return b->sha;
}

const struct gitidx *base_tree(const struct base *b)
{
	return b->tree;
}

/* The name rel (from the top level) had at b when it was renamed, or
 * given the base of its origin; NULL otherwise.  Called with b->lock
 * held; the string lives as long as b. */
static const char *renamed_from(const struct base *b, const char *rel)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->to[i], rel) == 0)
			return b->from[i];
	return NULL;
}

const char *base_renamed(struct base *b, const char *path)
{
	const char *from;
	char *rel;

	if (!b || !path || (rel = gitidx_rel(b->tree, path)) == NULL)
		return NULL;
	pthread_mutex_lock(&b->lock);
	from = renamed_from(b, rel);
	pthread_mutex_unlock(&b->lock);
	free(rel);
	return from;
}

/* Whether name (a path) ends in a name zones are found by. */
static bool zone_named(const char *path)
{
	const char *slash = strrchr(path, '/');

	return is_zone_name(slash ? slash + 1 : path);
}

/* The version of rel (from the top level) at b, loaded as a zone of the
 * run named path would be: with origin (NULL: the one its first $ORIGIN
 * or its name gives), its includes read from the base's tree, from
 * anywhere in the repository; what it reads counts against no budget of
 * the run.  NULL when it cannot be read. */
static struct zl_zone *load_base(const struct run *r, const char *rel,
				 const char *origin)
{
	const struct base *b = r->base;
	struct zl_load_opts lo = { .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow,
				   .origin = origin };
	struct zl_zone *z = NULL;
	char *full = path_join(gitidx_top(b->tree), rel), *msg = NULL;

	lo.include_root = gitidx_top(b->tree);
	lo.provider = gitidx_provider(b->tree);
	if (must(zl_zone_load_file(full, &lo, &z, &msg)) != ZL_OK)
		z = NULL;
	free(msg);
	free(full);
	return z;
}

/* Learns the origin of each zone gone since the base that no zone of the
 * run took over by name: deleted, or renamed to a name that is no zone's.
 * Each is loaded as the zone it was, its origin the one a zone of the run
 * at its path would be given (cli_origin_for), else its own.  Once, with
 * b->lock held. */
static void scan_gone(struct run *r)
{
	struct base *b = r->base;
	struct gone *g;
	struct zl_zone *z;
	const char *o;
	char *path;
	size_t i;

	b->scanned = true;
	for (i = 0; i < b->ngone; i++) {
		g = &b->gone[i];
		if (!zone_named(g->rel) || (g->to && zone_named(g->to)))
			continue;
		path = gitidx_shown(b->tree, g->rel);
		pthread_mutex_lock(&r->lock);
		o = cli_origin_for(r, path);
		pthread_mutex_unlock(&r->lock);
		z = load_base(r, g->rel, o);
		if (zl_zone_origin(z))
			g->origin = xstrdup(zl_zone_origin(z));
		zl_zone_free(z);
		free(path);
	}
}

/* The zone gone since the base that has origin, when exactly one has;
 * else NULL.  Called with b->lock held. */
static struct gone *gone_of_origin(struct run *r, const char *origin)
{
	struct base *b = r->base;
	struct gone *found = NULL;
	size_t i;

	if (!b->scanned)
		scan_gone(r);
	for (i = 0; i < b->ngone; i++) {
		if (!b->gone[i].origin ||
		    strcasecmp(b->gone[i].origin, origin) != 0)
			continue;
		if (found)
			return NULL;
		found = &b->gone[i];
	}
	return found;
}

/* Notes that rel (from the top level) is the base of a zone of the run.
 * Called with b->lock held. */
static void mark_used(struct base *b, const char *rel)
{
	size_t i;

	for (i = 0; i < b->ngone; i++)
		if (strcmp(b->gone[i].rel, rel) == 0)
			b->gone[i].used = true;
}

/* The path from the top level of j's base at r->base: its own, the one it
 * was renamed from, or that of the one zone of its origin gone since the
 * base (a rename git does not see: reformatted beyond its 50% of
 * similarity); NULL when it has none.  Malloc'd. */
static char *base_path(struct run *r, const struct job *j)
{
	struct base *b = r->base;
	const char *from, *origin;
	struct gone *g;
	char *rel;

	if ((rel = gitidx_rel(b->tree, j->path)) == NULL)
		return NULL;
	pthread_mutex_lock(&b->lock);
	if ((from = renamed_from(b, rel)) != NULL) {
		free(rel);
		rel = xstrdup(from);
	} else if (!gitidx_has(b->tree, rel) && j->zone &&
		   (origin = zl_zone_origin(j->zone)) != NULL &&
		   (g = gone_of_origin(r, origin)) != NULL && !g->used) {
		/* as a rename, for the summary's heading */
		xgrow((void **)&b->from, &b->cap, b->n + 1, sizeof *b->from);
		b->to = xrealloc(b->to, b->cap * sizeof *b->to);
		b->from[b->n] = xstrdup(g->rel);
		b->to[b->n++] = rel;
		rel = xstrdup(g->rel);
	}
	if (gitidx_has(b->tree, rel)) {
		mark_used(b, rel);
	} else {
		free(rel);
		rel = NULL;	/* a zone new since the base has none */
	}
	pthread_mutex_unlock(&b->lock);
	return rel;
}

struct zl_zone *base_zone(struct run *r, const struct job *j)
{
	struct zl_zone *z;
	const char *origin;
	char *rel;

	if (!r->base || !j->path || (rel = base_path(r, j)) == NULL)
		return NULL;
	/* The origin the zone was loaded with. */
	pthread_mutex_lock(&r->lock);
	origin = j->origin ? j->origin : cli_origin_for(r, j->path);
	pthread_mutex_unlock(&r->lock);
	/* A base that cannot be read is no base: the zone is judged as new. */
	z = load_base(r, rel, origin);
	free(rel);
	return z;
}

void base_gone(struct base *b, void (*fn)(void *arg, const char *rel,
					  const char *to), void *arg)
{
	size_t i;

	for (i = 0; b && i < b->ngone; i++)
		if (!b->gone[i].used)
			fn(arg, b->gone[i].rel, b->gone[i].to);
}
