/* git.c - --from-index: zones, their $INCLUDEs and .zonelint.yaml read as
 * they are staged in the git index, not from the working tree; and the tree
 * of a commit (--since), read the same way.  The index or the tree is listed
 * once (git ls-files --stage, git ls-tree -r); each file is then read as the
 * blob it records (from one git cat-file --batch), through a zl_provider the
 * loader uses for the zone and every file it includes; a symbolic link in
 * a path is followed there as lint/util/fs.c follows one on disk. */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

#define MAX_LINKS 40	/* links followed in one path, as lint/util/fs.c */
#define MAX_TARGET 4096	/* the target of one link, as PATH_MAX */

enum { MODE_FILE, MODE_LINK, MODE_MODULE };

struct entry {
	char *path;		/* from the top level, as git names it */
	char sha[65];		/* the staged blob */
	int mode;
	bool unmerged;		/* a conflict not resolved yet */
};

struct cfg {
	char *dir;		/* the config's directory, from the top level */
	struct zl_config *cf;	/* NULL: it could not be used */
	struct zl_baseline *baseline;	/* its baseline:, as staged */
	enum zl_status st;
	struct cfg *next;
};

/* One git cat-file --batch for every blob a view reads, started at the
 * first: a process per blob cost about 3 ms, 7 s for 2,000 zones and
 * their bases.  The loaders of a run's threads take turns. */
struct batch {
	pthread_mutex_t lock;
	const char *dir;	/* the work tree git runs in (a submodule's),
				   NULL: the current directory */
	pid_t pid;		/* 0: not started; -1: it could not be */
	FILE *in, *out;		/* its standard input and output */
	int err;		/* its standard error (git_stderr_to) */
};

struct gitidx {
	char *top;		/* the top level, absolute */
	char *shown_top;	/* the same as the user sees it: relative to
				   the current directory when below it */
	struct entry *e;	/* sorted by path */
	size_t n;
	struct zl_provider prov;
	struct cfg *cfgs;
	char *rev;		/* the commit whose tree this is (as the user
				   named it); NULL: the index */
	struct batch *cat;
	char *dir;		/* a submodule's: its work tree, where its git
				   runs; NULL: the current directory's */
	struct modules *mods;
};

/* The submodules a view has read into, each the tree of the commit its
 * gitlink records, opened at the first read (the loaders of a run's
 * threads take turns). */
struct module {
	char *path;		/* the gitlink's, from the top level */
	char sha[65];		/* the commit it records */
	struct gitidx *g;	/* NULL: it cannot be read, for why */
	char *why;
	struct module *next;
};

struct modules {
	pthread_mutex_t lock;
	struct module *list;
};

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
		      ((const struct entry *)b)->path);
}

static const struct entry *lookup(const struct gitidx *g, const char *path)
{
	struct entry key = { .path = (char *)path };

	return bsearch(&key, g->e, g->n, sizeof *g->e, entry_cmp);
}

/* "MODE SHA STAGE\tPATH\0" records of git ls-files --stage, in path
 * order, a path in conflict having one record per stage; or, for a tree,
 * the "MODE TYPE SHA\tPATH\0" records of git ls-tree, whose --format would
 * quote the paths that hold other bytes than ASCII. */
static bool parse_listing(struct gitidx *g, char *buf, size_t len, bool tree)
{
	size_t cap = 0;
	char *p = buf, *end = buf + len, *tab, *sp1, *sp2, *sha, *sha_end;
	struct entry *e;

	while (p < end) {
		tab = strchr(p, '\t');
		sp1 = strchr(p, ' ');
		if (!tab || !sp1 || sp1 > tab ||
		    (sp2 = strchr(sp1 + 1, ' ')) == NULL || sp2 > tab)
			return false;
		sha = tree ? sp2 + 1 : sp1 + 1;
		sha_end = tree ? tab : sp2;
		if ((size_t)(sha_end - sha) >= sizeof e->sha)
			return false;
		if (g->n > 0 && strcmp(g->e[g->n - 1].path, tab + 1) == 0) {
			g->e[g->n - 1].unmerged = true;
		} else {
			xgrow((void **)&g->e, &cap, g->n + 1, sizeof *g->e);
			e = &g->e[g->n++];
			memset(e, 0, sizeof *e);
			e->path = xstrdup(tab + 1);
			memcpy(e->sha, sha, (size_t)(sha_end - sha));
			e->mode = strncmp(p, "120000", 6) == 0 ? MODE_LINK :
				  strncmp(p, "160000", 6) == 0 ? MODE_MODULE :
				  MODE_FILE;
			e->unmerged = !tree && sp2[1] != '0';
		}
		p = tab + 1 + strlen(tab + 1) + 1;
	}
	/* git lists in its own order (bytes), which strcmp keeps. */
	qsort(g->e, g->n, sizeof *g->e, entry_cmp);
	return true;
}

/* The path from the top level of abs (absolute, normalised), or NULL when
 * it lies outside the repository.  Malloc'd. */
static char *from_top(const struct gitidx *g, const char *abs)
{
	size_t n = strlen(g->top);

	if (strcmp(g->top, "/") == 0)
		return xstrdup(abs + 1);
	if (strncmp(abs, g->top, n) != 0 || (abs[n] && abs[n] != '/'))
		return NULL;
	return xstrdup(abs + n + (abs[n] == '/'));
}

/* Whether the absolute, normalised path dir is path or above it. */
static bool inside(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	return strcmp(dir, "/") == 0 || (strncmp(dir, path, n) == 0 &&
					  (path[n] == '\0' || path[n] == '/'));
}

/* Whether a component of p is named .git, in any case (as the file
 * system walk refuses it, lint/util/fs.c). */
static bool has_git_component(const char *p)
{
	size_t n;

	for (; *p; p += n + (p[n] == '/')) {
		n = strcspn(p, "/");
		if (n == 4 && strncasecmp(p, ".git", 4) == 0)
			return true;
	}
	return false;
}

/* The environment of a git run in dir, a submodule's work tree (NULL:
 * the current directory's repository). */
static char **env_in(const char *dir)
{
	return dir ? git_environ_module() : git_environ();
}

/* Starts b's git cat-file --batch; false when it cannot be. */
static bool batch_start(struct batch *b)
{
	char *argv[] = { "git", "cat-file", "--batch", NULL, NULL, NULL };
	posix_spawn_file_actions_t fa;
	int to[2], from[2];

	b->pid = -1;
	if (!env_in(b->dir))
		return false;	/* git_refused(): no git runs */
	if (b->dir) {
		argv[1] = "-C";
		argv[2] = (char *)b->dir;
		argv[3] = "cat-file";
		argv[4] = "--batch";
	}
	/* Close-on-exec as git_run's; the child's ends become its standard
	 * input and output, which dup2 leaves open across exec. */
	if (pipe2(to, O_CLOEXEC) != 0)
		return false;
	if (pipe2(from, O_CLOEXEC) != 0) {
		close(to[0]);
		close(to[1]);
		return false;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], 0);
	posix_spawn_file_actions_adddup2(&fa, from[1], 1);
	posix_spawn_file_actions_addclose(&fa, to[0]);
	posix_spawn_file_actions_addclose(&fa, from[1]);
	git_stderr_to(&fa, &b->err);
	if (posix_spawnp(&b->pid, "git", &fa, NULL, argv, env_in(b->dir)) != 0)
		b->pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(to[0]);
	close(from[1]);
	if (b->pid <= 0 || !(b->in = fdopen(to[1], "w")) ||
	    !(b->out = fdopen(from[0], "r"))) {
		if (b->in)
			fclose(b->in);
		else
			close(to[1]);
		close(from[0]);
		b->in = NULL;
		if (b->pid > 0)
			while (waitpid(b->pid, NULL, 0) < 0 && errno == EINTR)
				;
		git_stderr_show(b->err);
		b->pid = -1;
		return false;
	}
	return true;
}

static void batch_stop(struct batch *b)
{
	if (b->pid > 0) {
		fclose(b->in);
		fclose(b->out);
		while (waitpid(b->pid, NULL, 0) < 0 && errno == EINTR)
			;
		git_stderr_show(b->err);
	}
	b->pid = -1;
}

/* Reads blob sha through b: 0 with *buf (malloc'd, NUL-terminated) and
 * *len, or *len max + 1 with *buf NULL when it is larger; -1 when git
 * could not give it (b is then stopped). */
static int batch_read(struct batch *b, const char *sha, size_t max,
		      char **buf, size_t *len)
{
	char head[256], *sp;
	unsigned long long size;
	size_t got = 0, k;
	char skip[4096];

	*buf = NULL;
	/* Each answer is read whole, so nothing of git's is buffered in
	 * b->out when the next is asked for: its pipe says when it comes. */
	if (fprintf(b->in, "%s\n", sha) < 0 || fflush(b->in) != 0 ||
	    !git_readable(fileno(b->out), b->pid) ||
	    !fgets(head, sizeof head, b->out) ||
	    !(sp = strrchr(head, ' ')) || strncmp(head, sha, strlen(sha)) ||
	    strncmp(head + strlen(sha), " blob ", 6) != 0 ||
	    (size = strtoull(sp + 1, NULL, 10)) > SIZE_MAX - 2)
		goto broken;
	if (size > max) {
		for (size++; size > 0; size -= k)	/* and its '\n' */
			if (!(k = fread(skip, 1, size < sizeof skip ?
					(size_t)size : sizeof skip, b->out)))
				goto broken;
		*len = max + 1;
		return 0;
	}
	*buf = xmalloc((size_t)size + 1);
	while (got < size && (k = fread(*buf + got, 1, (size_t)size - got,
					 b->out)) > 0)
		got += k;
	if (got < size || fgetc(b->out) != '\n')
		goto broken;
	(*buf)[size] = '\0';
	*len = (size_t)size;
	return 0;
broken:
	free(*buf);
	*buf = NULL;
	batch_stop(b);
	return -1;
}

/* Reads blob e through the batch (a process of its own when the batch
 * cannot): 0 with *buf and *len as batch_read's, or -1 with *why. */
static int read_blob(const struct gitidx *g, const struct entry *e,
		     size_t max, char **buf, size_t *len, char **why)
{
	char *argv[] = { "git", "-C", g->dir ? g->dir : ".", "cat-file",
			 "blob", (char *)e->sha, NULL };
	int rc;

	pthread_mutex_lock(&g->cat->lock);
	if (g->cat->pid == 0)
		(void)batch_start(g->cat);
	rc = g->cat->pid > 0 ? batch_read(g->cat, e->sha, max, buf, len) : -1;
	pthread_mutex_unlock(&g->cat->lock);
	return rc == 0 ? 0 : git_run_env(argv, max, buf, len, why, true,
				     env_in(g->dir));
}

/* Why path, from the top level, cannot be read from g; NULL when it is a
 * file that can.  Malloc'd. */
static char *not_file(const struct gitidx *g, const struct entry *e)
{
	if (!e)
		return g->rev ? xasprintf("it is not in %s", g->rev) :
		       xstrdup("it is not staged (not in the git index)");
	if (e->unmerged)
		return xstrdup("it is in conflict in the git index: resolve "
			       "it and stage the result (git add)");
	if (e->mode == MODE_MODULE)
		return xstrdup("it is staged as a submodule");
	return NULL;
}

/* What follows dir in abs (both absolute, normalised), without its '/':
 * "" for dir itself; NULL when abs does not lie in dir. */
static const char *below_dir(const char *dir, const char *abs)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return abs + 1;
	if (strncmp(abs, dir, n) != 0 || (abs[n] && abs[n] != '/'))
		return NULL;
	return abs + n + (abs[n] == '/');
}

/* The absolute path abs from the top level, when it names a path below
 * the root, as root_abs (the root floor is, from the top level) or as the
 * top level names it; else NULL.  A path that starts there is taken as it
 * is, its '..' for the walk from the root to judge, as the file system
 * walk takes it.  Malloc'd. */
static char *from_root(const struct gitidx *g, const char *abs,
		       const char *floor, const char *root_abs)
{
	const char *in;

	if ((in = below_dir(root_abs, abs)) != NULL)
		return !*in ? xstrdup(floor) : *floor ?
		       xasprintf("%s/%s", floor, in) : xstrdup(in);
	if ((in = below_dir(g->top, abs)) != NULL)
		return xstrdup(in);
	return NULL;
}

/* Whether rel (from the top level) is floor or lies below it. */
static bool below_floor(const char *rel, const char *floor)
{
	size_t n = strlen(floor);

	return !n || (strncmp(rel, floor, n) == 0 &&
		      (rel[n] == '\0' || rel[n] == '/'));
}

/* Whether g records a path below dir (from the top level): git records
 * a directory only by what it holds. */
static bool is_dir(const struct gitidx *g, const char *dir)
{
	char *key = xasprintf("%s/", dir);
	size_t lo = 0, hi = g->n, mid, n = strlen(key);
	bool found;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(g->e[mid].path, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	found = lo < g->n && strncmp(g->e[lo].path, key, n) == 0;
	free(key);
	return found;
}

/* Whether the next component of rest (what follows a component: "" or
 * from a '/') is a name, not '.' or '..'. */
static bool name_next(const char *rest)
{
	size_t n;

	rest += strspn(rest, "/");
	n = strcspn(rest, "/");
	return n && !(n == 1 && rest[0] == '.') &&
	       !(n == 2 && rest[0] == '.' && rest[1] == '.');
}

/* The last component of done (a path from the top level, "" for the top
 * level) taken off. */
static void pop_dir(char *done)
{
	char *slash = strrchr(done, '/');

	*(slash ? slash : done) = '\0';
}

/* path, relative to floor (a directory from the top level, "" for the top
 * level), resolved in g as the file system walk resolves a path from a
 * root (lint/util/fs.c): each component that git records as a symbolic
 * link (mode 120000, its blob the target) is replaced by its target,
 * relative to the link's directory, or, when absolute, taken by name
 * and read from the root when it names a path below it (as root_abs or
 * as the top level names it).  Nothing is looked up outside g: a link
 * that leads above floor, or out of the repository, is refused on its
 * text alone, whether what it names exists or not; so are a component
 * named .git, and more than MAX_LINKS links.  root_shown names the root
 * in messages.  Returns the path from the top level (malloc'd), or NULL
 * with *err.  A name below a submodule (a gitlink, mode 160000) lies in
 * the submodule's repository: with mod, the walk stops there, and returns
 * the gitlink's path, with *mod its entry and *mrest (malloc'd) the path
 * left, from the submodule's top level; without, it is no directory. */
static char *follow_links(const struct gitidx *g, const char *path,
			  const char *floor, const char *root_abs,
			  const char *root_shown, const struct entry **mod,
			  char **mrest, char **err)
{
	size_t nfloor = strlen(floor), n, links = 0, cap, len;
	char *done, *todo, *p, *cand, *target, *next, *abs, *from;
	const char *rest;
	const struct entry *e;

	cap = nfloor + strlen(path) + 2;
	done = xmalloc(cap);
	strcpy(done, floor);
	todo = xstrdup(path);
	*err = NULL;
	for (p = todo;;) {
		p += strspn(p, "/");
		if (!*p)
			break;
		n = strcspn(p, "/");
		rest = p + n;
		if (n == 1 && p[0] == '.') {
			p += n;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (strlen(done) <= nfloor) {
				*err = links ?
				       xasprintf("a symbolic link leads out of "
						 "'%s'", root_shown) :
				       xasprintf("'..' leads out of '%s'",
						 root_shown);
				break;
			}
			pop_dir(done);
			p += n;
			continue;
		}
		/* .git holds the checkout's credentials: nothing of the tree
		 * may point into it (any case, as the file system walk). */
		if (n == 4 && strncasecmp(p, ".git", 4) == 0) {
			*err = xstrdup("it lies in a directory named .git");
			break;
		}
		cand = *done ? xasprintf("%s/%.*s", done, (int)n, p) :
		       xasprintf("%.*s", (int)n, p);
		e = lookup(g, cand);
		if (mod && e && e->mode == MODE_MODULE && !e->unmerged &&
		    name_next(rest)) {
			*mod = e;
			*mrest = xstrdup(rest + strspn(rest, "/"));
			free(done);
			done = cand;
			break;
		}
		if (*rest && (!e || e->mode != MODE_LINK || e->unmerged) &&
		    (e ? !(e->mode == MODE_MODULE && !e->unmerged) :
		     !is_dir(g, cand))) {
			/* more follows (a '/' at least): as on disk, a file
			 * there, or nothing, ends the path ("mail.inc/",
			 * "nothere/..") */
			*err = e ? xstrdup(ERRSTR(ENOTDIR)) : not_file(g, NULL);
			free(cand);
			break;
		}
		if (!e || e->mode != MODE_LINK || e->unmerged) {
			/* a file, a directory (git records none), or nothing:
			 * what is read at the end says which */
			len = strlen(cand) + 1;
			if (len > cap) {
				cap = len;
				done = xrealloc(done, cap);
			}
			strcpy(done, cand);
			free(cand);
			p += n;
			continue;
		}
		free(cand);
		if (++links > MAX_LINKS) {
			*err = xstrdup(ERRSTR(ELOOP));
			break;
		}
		if (read_blob(g, e, MAX_TARGET, &target, &len, err) != 0)
			break;
		if (len > MAX_TARGET || len == 0 || memchr(target, 0, len)) {
			*err = xstrdup(ERRSTR(len ? ENAMETOOLONG : ENOENT));
			free(target);
			break;
		}
		if (target[0] == '/') {
			/* taken by name, as an absolute path the walk reads:
			 * from the root, when it lies below it */
			abs = path_abs(target);
			from = from_root(g, target, floor, root_abs);
			if (!from)
				from = from_root(g, abs, floor, root_abs);
			free(abs);
			if (!from || !below_floor(from, floor)) {
				free(from);
				free(target);
				*err = xasprintf("a symbolic link leads out of "
						 "'%s'", root_shown);
				break;
			}
			next = xasprintf("%s%s", from + nfloor, rest);
			free(from);
			done[nfloor] = '\0';
		} else {
			next = xasprintf("%s%s", target, rest);
		}
		free(target);
		cap += strlen(next);
		done = xrealloc(done, cap);
		free(todo);
		p = todo = next;
	}
	free(todo);
	if (*err) {
		free(done);
		return NULL;
	}
	return done;
}

static struct gitidx *module_view(const struct gitidx *g,
				  const struct entry *e, char **err);
static char *shown(const struct gitidx *g, const char *rel);

static enum zl_status read_path(const struct gitidx *g, const char *path,
				const char *floor, const char *root_abs,
				const char *root_shown, size_t max,
				struct zl_file *out, char **err);

/* Reads rest, a path from the top level of the submodule at gitlink e
 * (whose path from g's top level is at), from the commit e records: what
 * the commit of g records there, the links in rest followed within the
 * submodule. */
static enum zl_status read_module(const struct gitidx *g,
				  const struct entry *e, const char *at,
				  const char *rest, size_t max,
				  struct zl_file *out, char **err)
{
	struct gitidx *m = module_view(g, e, err);
	enum zl_status st;
	char *id;

	if (!m)
		return ZL_ERR_IO;
	st = read_path(m, rest, "", m->top, m->shown_top, max, out, err);
	if (st == ZL_OK) {
		/* one name space with the files of g, for $INCLUDE loops */
		id = xasprintf(":%s/%s", at, out->id + 1);
		free(out->id);
		out->id = id;
	}
	return st;
}

/* Reads the staged blob of the file path names, relative to floor (a
 * directory from the top level, "" for the top level; see follow_links
 * for the links in it and for root_abs and root_shown). */
static enum zl_status read_path(const struct gitidx *g, const char *path,
				const char *floor, const char *root_abs,
				const char *root_shown, size_t max,
				struct zl_file *out, char **err)
{
	const struct entry *e, *mod = NULL;
	char *rel, *mrest = NULL, *buf;
	enum zl_status st;
	size_t len;

	rel = follow_links(g, path, floor, root_abs, root_shown, &mod, &mrest,
			   err);
	if (!rel)
		return ZL_ERR_IO;
	if (mod) {
		st = read_module(g, mod, rel, mrest, max, out, err);
		free(mrest);
		free(rel);
		return st;
	}
	e = lookup(g, rel);
	if ((*err = not_file(g, e)) != NULL ||
	    read_blob(g, e, max, &buf, &len, err) != 0) {
		free(rel);
		return ZL_ERR_IO;
	}
	if (len > max) {
		free(buf);
		free(rel);
		*err = xstrdup("the staged file is too large");
		return ZL_ERR_LIMIT;
	}
	out->data = buf;
	out->len = len;
	/* the file reached, whatever links led there: an $INCLUDE loop
	 * through a link is found as on the file system */
	out->id = xasprintf(":%s", rel);
	free(rel);
	return ZL_OK;
}

/* Reads the staged blob of a file (path from the top level), following
 * the links in its path anywhere in the repository. */
static enum zl_status read_entry(const struct gitidx *g, const char *rel,
				 size_t max, struct zl_file *out, char **err)
{
	return read_path(g, rel, "", g->top, g->shown_top, max, out, err);
}

/* The provider: rd->path, relative to rd->root when there is one, must
 * lie in the repository (and in rd->root); what is read is its blob in
 * the index, the links in its path followed as the file system walk
 * follows them from rd->root (from the top level without one). */
static enum zl_status index_read(void *arg, const struct zl_read *rd,
				 struct zl_file *out, char **err)
{
	const struct gitidx *g = arg;
	char *abs, *rel = NULL, *rootabs = NULL, *floor = NULL;
	const char *path = rd->path;
	enum zl_status st = ZL_ERR_IO;

	memset(out, 0, sizeof *out);
	*err = NULL;
	rootabs = rd->root ? path_abs(rd->root) : xstrdup(g->top);
	floor = from_top(g, rootabs);
	if (!rd->root || rd->path[0] == '/') {
		/* taken by name, as the file system walk takes an absolute
		 * path: from the root when it lies below it */
		abs = path_abs(rd->path);
		rel = from_top(g, abs);
		if (rel && floor && !inside(rootabs, abs)) {
			free(rel);
			rel = NULL;
			*err = xstrdup("it lies outside the include root");
		}
		free(abs);
		path = rel && floor ? rel + strlen(floor) : NULL;
	}
	if (*err) {
		;
	} else if (!floor || !path) {
		*err = xstrdup("it lies outside the git repository");
	} else if (has_git_component(path)) {
		*err = xstrdup("it lies in a directory named .git");
	} else {
		st = read_path(g, path, floor, rootabs, rd->root ? rd->root :
			       g->shown_top, rd->max, out, err);
	}
	free(floor);
	free(rootabs);
	free(rel);
	return st;
}

/* The index (rev NULL), or the tree of commit sha that the user named
 * rev; NULL after saying why it cannot be read, as the option opt. */
static struct gitidx *open_view(const char *opt, const char *rev,
				const char *sha)
{
	char *top_argv[] = { "git", "rev-parse", "--show-toplevel", NULL };
	char *ls_argv[] = { "git", "ls-files", "--stage", "-z", "--full-name",
			    "--", ":/", NULL };
	char *tree_argv[] = { "git", "ls-tree", "-r", "-z", "--full-tree",
			      (char *)sha, NULL };
	struct gitidx *g;
	char *buf = NULL, *why = NULL, *cwd, *rel;
	size_t len = 0;

	if (git_run(top_argv, 4096, &buf, &len, &why) != 0) {
		report_failure(opt, why);
		free(why);
		return NULL;
	}
	if (len == 0 || len > 4096 || buf[0] != '/') {
		report_failure(opt, "git names no top level of a work tree as "
			       "an absolute path");
		free(buf);
		return NULL;
	}
	buf[strcspn(buf, "\n")] = '\0';
	g = xcalloc(1, sizeof *g);
	g->top = path_abs(buf);
	g->rev = rev ? xstrdup(rev) : NULL;
	free(buf);
	cwd = path_abs(".");
	rel = from_top(g, cwd);
	if (!rel) {
		g->shown_top = xstrdup(g->top);
	} else {
		/* As many ".." as rel has components. */
		char *p = rel;
		size_t ups = *rel ? 1 : 0, i;

		while ((p = strchr(p, '/')) != NULL) {
			ups++;
			p++;
		}
		g->shown_top = xcalloc(ups ? 3 * ups : 2, 1);
		if (!ups)
			strcpy(g->shown_top, ".");
		for (i = 0; i < ups; i++)
			strcat(g->shown_top, i ? "/.." : "..");
	}
	free(rel);
	free(cwd);
	if (git_run(rev ? tree_argv : ls_argv, GIT_MAX_LIST, &buf, &len, &why) !=
	    0 || len > GIT_MAX_LIST || !parse_listing(g, buf, len, rev != NULL)) {
		report_failure(opt, len > GIT_MAX_LIST ?
			       "the listing of the git tree is too large" :
			       buf ? "cannot parse the listing of the git tree" :
			       why);
		if (!buf)
			free(why);
		free(buf);
		gitidx_free(g);
		return NULL;
	}
	free(buf);
	g->prov.read = index_read;
	g->prov.arg = g;
	g->cat = xcalloc(1, sizeof *g->cat);
	pthread_mutex_init(&g->cat->lock, NULL);
	g->mods = xcalloc(1, sizeof *g->mods);
	pthread_mutex_init(&g->mods->lock, NULL);
	return g;
}

/* The tree of the commit gitlink e of g records, read from the
 * submodule's repository in its work tree (git -C, without the variables
 * of a hook that name the superproject's); NULL with *why when the
 * submodule is not checked out there, or its repository lacks the
 * commit. */
static struct gitidx *open_module(const struct gitidx *g,
				  const struct entry *e, char **why)
{
	char *dir = path_join(g->top, e->path), *buf = NULL, *err = NULL;
	char *top_argv[] = { "git", "-C", dir, "rev-parse", "--show-toplevel",
			     NULL };
	char *tree_argv[] = { "git", "-C", dir, "ls-tree", "-r", "-z",
			      "--full-tree", (char *)e->sha, NULL };
	struct gitidx *m = NULL;
	size_t len = 0;
	char *top = NULL;
	bool ours;

	/* Its own work tree's top level, not the superproject's, which git
	 * finds from an empty directory (a submodule not checked out). */
	ours = git_run_env(top_argv, 4096, &buf, &len, &err, false,
		       git_environ_module()) == 0 && len > 0 && len <= 4096;
	if (ours) {
		buf[strcspn(buf, "\n")] = '\0';
		top = path_abs(buf);
		ours = strcmp(top, dir) == 0;
		free(top);
	}
	if (!ours) {
		*why = xasprintf("it lies in the submodule '%s', which is not "
				 "checked out", e->path);
		goto out;
	}
	free(buf);
	buf = NULL;
	if (git_run_env(tree_argv, GIT_MAX_LIST, &buf, &len, &err, false,
		    git_environ_module()) != 0 || len > GIT_MAX_LIST) {
		*why = xasprintf("it lies in the submodule '%s', whose "
				 "repository lacks the commit %.12s the "
				 "gitlink records (git submodule update)",
				 e->path, e->sha);
		goto out;
	}
	m = xcalloc(1, sizeof *m);
	m->top = dir;
	dir = NULL;
	m->shown_top = shown(g, e->path);
	m->rev = xasprintf("the submodule's commit %.12s", e->sha);
	m->dir = xstrdup(m->top);
	if (!parse_listing(m, buf, len, true)) {
		*why = xstrdup("cannot parse the listing of the git tree");
		gitidx_free(m);
		m = NULL;
		goto out;
	}
	m->cat = xcalloc(1, sizeof *m->cat);
	pthread_mutex_init(&m->cat->lock, NULL);
	m->cat->dir = m->dir;
	m->mods = xcalloc(1, sizeof *m->mods);
	pthread_mutex_init(&m->mods->lock, NULL);
out:
	free(err);
	free(buf);
	free(dir);
	return m;
}

/* The view of the submodule at gitlink e of g, opened at the first
 * call; NULL with *err (malloc'd) when it cannot be. */
static struct gitidx *module_view(const struct gitidx *g,
				  const struct entry *e, char **err)
{
	struct module *m;

	pthread_mutex_lock(&g->mods->lock);
	for (m = g->mods->list; m; m = m->next)
		if (strcmp(m->path, e->path) == 0 && strcmp(m->sha, e->sha) == 0)
			break;
	if (!m) {
		m = xcalloc(1, sizeof *m);
		m->path = xstrdup(e->path);
		memcpy(m->sha, e->sha, sizeof m->sha);
		m->g = open_module(g, e, &m->why);
		m->next = g->mods->list;
		g->mods->list = m;
	}
	pthread_mutex_unlock(&g->mods->lock);
	*err = m->g ? NULL : xstrdup(m->why);
	return m->g;
}

struct gitidx *gitidx_open(void)
{
	return open_view("--from-index", NULL, NULL);
}

struct gitidx *gitidx_open_tree(const char *opt, const char *rev,
				const char *sha)
{
	return open_view(opt, rev, sha);
}

void gitidx_free(struct gitidx *g)
{
	struct cfg *c, *next;
	size_t i;

	if (!g)
		return;
	for (c = g->cfgs; c; c = next) {
		next = c->next;
		zl_config_free(c->cf);
		zl_baseline_free(c->baseline);
		free(c->dir);
		free(c);
	}
	if (g->cat) {
		batch_stop(g->cat);
		pthread_mutex_destroy(&g->cat->lock);
		free(g->cat);
	}
	if (g->mods) {
		struct module *m, *mn;

		for (m = g->mods->list; m; m = mn) {
			mn = m->next;
			gitidx_free(m->g);
			free(m->path);
			free(m->why);
			free(m);
		}
		pthread_mutex_destroy(&g->mods->lock);
		free(g->mods);
	}
	free(g->dir);
	for (i = 0; i < g->n; i++)
		free(g->e[i].path);
	free(g->e);
	free(g->top);
	free(g->shown_top);
	free(g->rev);
	free(g);
}

const struct zl_provider *gitidx_provider(const struct gitidx *g)
{
	return &g->prov;
}

const char *gitidx_root(const struct gitidx *g)
{
	return g->shown_top;
}

const char *gitidx_top(const struct gitidx *g)
{
	return g->top;
}

char *gitidx_rel(const struct gitidx *g, const char *path)
{
	char *abs = path_abs(path), *rel = from_top(g, abs);

	free(abs);
	return rel;
}

bool gitidx_has(const struct gitidx *g, const char *rel)
{
	char *why = NULL, *real = follow_links(g, rel, "", g->top,
					       g->shown_top, NULL, NULL, &why);
	const struct entry *e = real ? lookup(g, real) : NULL;
	bool has = e && !e->unmerged && e->mode == MODE_FILE;

	free(real);
	free(why);
	return has;
}

bool gitidx_list(const struct gitidx *g, const char *dir,
		 bool (*keep)(const char *name), char ***names, size_t *n)
{
	size_t len = strlen(dir), i, cap = 0;
	const char *name;
	bool any = false;

	*names = NULL;
	*n = 0;
	for (i = 0; i < g->n; i++) {
		if (len && (strncmp(g->e[i].path, dir, len) != 0 ||
			    g->e[i].path[len] != '/'))
			continue;
		any = true;
		name = g->e[i].path + len + (len > 0);
		if (strchr(name, '/') || (keep && !keep(name)))
			continue;
		xgrow((void **)names, &cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrdup(name);
	}
	return any;
}

/* A path from the top level as the user names it: from the current
 * directory.  Malloc'd. */
static char *shown(const struct gitidx *g, const char *rel)
{
	char *full = path_join(g->top, rel), *cwd = path_abs("."), *p;
	size_t n = strlen(cwd);

	if (strcmp(cwd, "/") == 0)
		p = xstrdup(full + 1);
	else if (strncmp(full, cwd, n) == 0 && full[n] == '/')
		p = xstrdup(full + n + 1);
	else if (strcmp(full, cwd) == 0)
		p = xstrdup(".");
	else
		p = path_join(g->shown_top, rel);
	free(full);
	free(cwd);
	return p;
}

char *gitidx_shown(const struct gitidx *g, const char *rel)
{
	return shown(g, rel);
}

/* Whether a component of p, a path below a directory operand, names a
 * hidden file or directory, which the walk of a directory on disk leaves
 * out (list_dir_types): .zonelint.yaml, .gitignore, .github/. */
static bool has_hidden_component(const char *p)
{
	for (; *p; p += strcspn(p, "/"), p += strspn(p, "/"))
		if (*p == '.')
			return true;
	return false;
}

int gitidx_find(const struct gitidx *g, const char *path,
		bool (*takes)(void *arg, const char *path), void *arg,
		char ***out, size_t *nout, char **why)
{
	char *abs = path_abs(path), *rel = from_top(g, abs), *p, *real,
	     *err = NULL, *name;
	const struct entry *e;
	size_t n, i, cap = 0;
	bool any = false;

	*out = NULL;
	*nout = 0;
	free(abs);
	if (!rel) {
		*why = xstrdup("it lies outside the git repository");
		return -1;
	}
	/* A directory named through links that stay in the repository
	 * ("zones -> data/zones", "self/zones") is walked as the directory
	 * it names, its zones shown under the name given, as on disk;
	 * anything else is read by the name given, which says what is
	 * wrong with it (a link out, nothing staged there). */
	real = follow_links(g, rel, "", g->top, g->shown_top, NULL, NULL,
			    &err);
	free(err);
	if (real && *real && !is_dir(g, real)) {
		free(real);
		real = NULL;
	}
	if (!real) {
		/* A staged file named on the command line (linted whatever
		 * its name, like a file named outside --from-index), or a
		 * name the read says is wrong. */
		e = lookup(g, rel);
		*out = xcalloc(1, sizeof **out);
		(*out)[(*nout)++] = e ? shown(g, e->path) : xstrdup(path);
		free(rel);
		return 0;
	}
	n = strlen(real);
	for (i = 0; i < g->n; i++) {
		e = &g->e[i];
		if (n && (strncmp(e->path, real, n) != 0 || e->path[n] != '/'))
			continue;
		any = true;
		if (has_git_component(e->path) || e->mode == MODE_MODULE ||
		    has_hidden_component(e->path + n + (n > 0)))
			continue;
		name = *rel ? xasprintf("%s/%s", rel, e->path + n + (n > 0)) :
		       xstrdup(e->path);
		p = shown(g, name);
		free(name);
		if (!takes(arg, p)) {
			free(p);
			continue;
		}
		xgrow((void **)out, &cap, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = p;
	}
	if (!any && n) {
		/* Nothing staged below it: the read says so (a directory
		 * with files but no zone staged is no error, as on disk). */
		*out = xcalloc(1, sizeof **out);
		(*out)[(*nout)++] = xstrdup(path);
	}
	free(real);
	free(rel);
	return 0;
}

/* The staged baseline c's config names, read as the config was: from the
 * index, confined to the config's directory (no '..' component).  Returns
 * its status after reporting why it cannot be used. */
static enum zl_status staged_baseline(struct gitidx *g, struct cfg *c,
				      struct zl_diags *errs)
{
	const char *p = zl_config_baseline_path(c->cf);
	char *rel, *name, *why = NULL;
	enum zl_status st;
	struct zl_file f;

	if (!p)
		return ZL_OK;
	rel = *c->dir ? xasprintf("%s/%s", c->dir, p) : xstrdup(p);
	name = shown(g, rel);
	if (strcmp(p, "..") == 0 || strncmp(p, "../", 3) == 0 ||
	    strstr(p, "/../") || (strlen(p) >= 3 &&
				  strcmp(p + strlen(p) - 3, "/..") == 0)) {
		why = xstrdup("'..' leads out of the config's directory");
		st = ZL_ERR_IO;
	} else {
		st = read_entry(g, rel, 64u << 20, &f, &why);
	}
	if (st != ZL_OK) {
		/* at the config's baseline:, as for a config read from
		 * the work tree */
		char *cp = *c->dir ? xasprintf("%s/.zonelint.yaml", c->dir) :
			   xstrdup(".zonelint.yaml"),
		     *cname = shown(g, cp), *at, *msg;
		uint32_t line = 0, col = 0;

		zl_config_baseline_at(c->cf, &line, &col);
		at = xasprintf("%s:%u:%u", cname, (unsigned)line,
			       (unsigned)col);
		msg = xasprintf("cannot read the staged baseline '%s': %s",
				name, why);
		report_failure(at, msg);
		free(msg);
		free(at);
		free(cname);
		free(cp);
	} else {
		st = must(zl_baseline_load_buffer(name, f.data, f.len,
						  &c->baseline, errs));
		free(f.data);
		free(f.id);
	}
	free(why);
	free(name);
	free(rel);
	return st;
}

enum zl_status gitidx_baseline(const struct gitidx *g,
			       struct zl_baseline **b)
{
	const struct cfg *c;

	for (c = g ? g->cfgs : NULL; c; c = c->next)
		must(zl_baseline_merge(b, c->baseline));
	return ZL_OK;
}

/* The config that governs a staged file: .zonelint.yaml staged in its
 * directory or the nearest one above it, up to the top level (*out NULL
 * when there is none), loaded once with base.  A config that cannot be
 * used reports why the first time and returns its status every time. */
static enum zl_status staged_config(struct gitidx *g, const char *path,
				    const struct zl_ruleset *base,
				    zl_config_tune_fn *tune, void *arg,
				    struct zl_config **out,
				    struct zl_diags *errs)
{
	char *abs = path_abs(path), *rel = from_top(g, abs), *dir, *cp,
	     *name, *why = NULL;
	struct zl_file f;
	struct cfg *c;
	char *slash;

	free(abs);
	*out = NULL;
	if (!rel)
		return ZL_OK;
	dir = rel;
	for (;;) {
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		else
			*dir = '\0';
		cp = *dir ? xasprintf("%s/%s", dir, ZL_CONFIG_NAME) :
		     xstrdup(ZL_CONFIG_NAME);
		if (lookup(g, cp))
			break;
		free(cp);
		if (!*dir) {
			free(rel);
			return ZL_OK;
		}
	}
	for (c = g->cfgs; c; c = c->next)
		if (strcmp(c->dir, dir) == 0)
			break;
	if (!c) {
		c = xcalloc(1, sizeof *c);
		c->dir = xstrdup(dir);
		c->next = g->cfgs;
		g->cfgs = c;
		name = shown(g, cp);
		c->st = read_entry(g, cp, 1u << 20, &f, &why);
		if (c->st != ZL_OK) {
			char *msg = xasprintf("cannot read the staged config: "
					      "%s", why);

			report_failure(name, msg);
			free(msg);
			free(why);
		} else {
			char *shown_dir = *dir ? shown(g, dir) : xstrdup(
				g->shown_top);

			c->st = must(zl_config_load_buffer(name, shown_dir,
							   f.data, f.len, base,
							   &c->cf, errs));
			free(shown_dir);
			free(f.data);
			free(f.id);
			if (c->cf && (c->st = staged_baseline(g, c, errs)) !=
				     ZL_OK) {
				zl_config_free(c->cf);
				c->cf = NULL;
			}
			if (c->cf)
				zl_config_set_tune(c->cf, tune, arg);
		}
		free(name);
	}
	free(cp);
	free(rel);
	if (c->st != ZL_OK || !c->cf)
		return c->st != ZL_OK ? c->st : ZL_ERR_CONFIG;
	*out = c->cf;
	return ZL_OK;
}

enum zl_status gitidx_ruleset(struct gitidx *g, const char *zone_path,
			      const struct zl_ruleset *base,
			      zl_config_tune_fn *tune, void *arg,
			      const struct zl_ruleset **out,
			      struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = staged_config(g, zone_path, base, tune, arg, &cf,
					  errs);

	*out = st != ZL_OK ? NULL :
	       cf ? must_ptr(zl_config_ruleset(cf, zone_path)) : base;
	return st;
}

enum zl_status gitidx_excluded(struct gitidx *g, const char *path,
			       const struct zl_ruleset *base,
			       zl_config_tune_fn *tune, void *arg, bool *out,
			       struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = staged_config(g, path, base, tune, arg, &cf, errs);

	*out = false;
	if (cf)
		must(zl_config_excluded(cf, path, out));
	return st;
}

enum zl_status gitidx_origin(struct gitidx *g, const char *path,
			     const struct zl_ruleset *base,
			     zl_config_tune_fn *tune, void *arg,
			     const char **out, struct zl_diags *errs)
{
	struct zl_config *cf;
	enum zl_status st = staged_config(g, path, base, tune, arg, &cf, errs);

	*out = NULL;
	if (cf)
		must(zl_config_origin(cf, path, out));
	return st;
}
