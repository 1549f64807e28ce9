/* run.c - a run over the operands: the zones are found (files, directory
 * trees, standard input), each once, then linted by -j threads, and their
 * findings reported together. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define MAX_DIR_DEPTH 64
#define MAX_STDIN (1u << 30)	/* the loader's limit for one file, 1 GiB */
#define CHUNK 65536		/* read from standard input at a time */

static void fail(struct run *r, const char *file, const char *msg)
{
	report_failure(file, msg);
	r->nbad++;
}

static const char *stdin_name(const struct run *r)
{
	return r->cli->stdin_name ? r->cli->stdin_name : "<stdin>";
}

/* The rule set for one zone: the base, or what its config makes of it.
 * NULL after printing the errors of a config that cannot be used.  Called
 * with r->lock held. */
static void tune_derived(struct zl_ruleset *rs, void *arg);

/* Whether the configs of the run are the staged ones (--from-index,
 * unless a config was named or none is wanted). */
static bool staged_configs(const struct run *r)
{
	return !r->cfgs && r->idx && !r->cli->no_config;
}

static const struct zl_ruleset *rules_for(struct run *r, const char *name)
{
	const struct zl_ruleset *rs = r->rs;
	struct zl_diags errs;
	enum zl_status st;

	if (!r->cfgs && !staged_configs(r))
		return rs;
	zl_diags_init(&errs);
	if (r->cfgs)
		st = zl_configs_ruleset(r->cfgs, name, &rs, &errs);
	else
		st = gitidx_ruleset(r->idx, name, r->rs, tune_derived,
				    (void *)r->cli, &rs, &errs);
	if (must(st) != ZL_OK)
		r->bad_config = true;
	if (errs.n > 0)
		print_errors(r->cli, &errs);
	zl_diags_free(&errs);
	return rs;
}

/* Keeps what loading j gave: the zone and the files it included, or why
 * it failed. */
static void loaded(struct job *j, enum zl_status st, struct zl_zone *z,
		   char *msg)
{
	const char *src;
	size_t i, cap = 0;

	if (st != ZL_OK)
		j->failure = msg ? msg : xstrdup(zl_status_str(st));
	else
		free(msg);
	for (i = 1; (src = zl_zone_source(z, i)) != NULL; i++) {
		xgrow((void **)&j->incs, &cap, j->nincs + 1, sizeof *j->incs);
		j->incs[j->nincs++] = path_abs(src);
	}
	j->zone = z;
}

/* Lints the zone of j, once every zone of the run is in the set; what it
 * reports waits for the end of the run (report_jobs). */
static void lint_job(struct run *r, struct job *j)
{
	const struct zl_ruleset *rs;
	struct zl_lint_opts o = { .set = r->set, .now = r->cli->now };
	struct zl_zone *base;
	/* Below this, a second thread for the rules gains nothing that
	 * paired runs can tell from noise (bench/PROFILE.md). */
	unsigned threads = zl_zone_record_count(j->zone) >= 10000 ?
			   r->rule_threads : 1;

	if (!j->in_set)
		return;
	pthread_mutex_lock(&r->lock);
	rs = rules_for(r, j->path ? j->path : stdin_name(r));
	pthread_mutex_unlock(&r->lock);
	if (rs) {
		/* The zone's version at the base, for the SOA serial. */
		o.base = base = base_zone(r, j);
		must(zl_lint_threads(rs, j->zone, &o, threads, &j->diags));
		j->summary = cli_summary_zone(r->cli, r->base, base, j->zone,
					      r->set, j->path ? j->path :
					      stdin_name(r));
		zl_zone_free(base);
		j->linted = true;
	}
}

/* What origins: in the config of path gives it, or NULL.  A config that
 * cannot be used fails the run, after its errors, unless quiet: the
 * search for context, which no config of a tree outside the zones linted
 * may fail. */
static const char *config_origin(struct run *r, const char *path,
				 bool quiet)
{
	const char *o = NULL;
	struct zl_diags errs;

	if (!r->cfgs && !staged_configs(r))
		return NULL;
	zl_diags_init(&errs);
	if (must(r->cfgs ? zl_configs_origin(r->cfgs, path, &o, &errs) :
		 gitidx_origin(r->idx, path, r->rs, tune_derived,
			       (void *)r->cli, &o, &errs)) != ZL_OK && !quiet)
		r->bad_config = true;
	if (errs.n > 0 && !quiet)
		print_errors(r->cli, &errs);
	zl_diags_free(&errs);
	return o;
}

/* The origin given to a zone's load, over its $ORIGIN: --origin, else
 * what origins: in its config gives it (NULL: the loader takes the first
 * $ORIGIN, else guesses from the file name).
 * Called with r->lock held. */
const char *cli_origin_for(struct run *r, const char *path)
{
	return r->cli->origin ? r->cli->origin :
	       config_origin(r, path, false);
}

/* Whether a walk takes path, found below a directory, for a zone: its
 * name is a zone's (*.zone, *.db, db.*), or origins: in its config gives
 * it an origin, which says that it is one (zones/primary), so that the
 * hooks, which lint a whole tree, lint it too; but not a file a server
 * writes beside its zones, which a glob of origins: may match as well
 * (a private key, which findings would quote). */
static bool walk_takes(struct run *r, const char *path, bool quiet)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 :
							      path;

	return is_zone_name(base) ||
	       (!is_side_file(base) && config_origin(r, path, quiet) != NULL);
}

/* walk_takes for gitidx_find: for the zones linted, and quietly for
 * context. */
static bool staged_takes(void *arg, const char *path)
{
	return walk_takes(arg, path, false);
}

static bool staged_context_takes(void *arg, const char *path)
{
	return walk_takes(arg, path, true);
}

static void lint_file(struct run *r, struct job *j)
{
	struct zl_load_opts lo = { .origin = NULL,
				   .include_root = j->root,
				   .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow,
				   .include_dir = j->include_dir,
				   .include_exact = j->servers != 0,
				   .served_unsigned = j->served_unsigned,
				   .serial_own = j->servers &&
						 !(j->servers & ~j->serial_own),
				   .budget = r->budget };
	struct zl_zone *z = NULL;
	char *msg = NULL;
	enum zl_status st;
	bool outside = false;

	lo.outside = &outside;
	if (r->idx)
		lo.provider = gitidx_provider(r->idx);
	pthread_mutex_lock(&r->lock);
	lo.origin = j->origin ? j->origin : cli_origin_for(r, j->path);
	pthread_mutex_unlock(&r->lock);
	st = must(zl_zone_load_file(j->path, &lo, &z, &msg));
	if (st != ZL_OK && j->decl) {
		char *m = xasprintf("%s (the zone %s declared at %s)",
				    msg ? msg : zl_status_str(st), j->origin,
				    j->decl);

		free(msg);
		msg = m;
		/* as a configuration's include out of the tree is */
		if (outside)
			j->failure_help = ZL_OUTSIDE_HELP;
	} else if (st == ZL_OK && j->servers) {
		cli_check_server_refusals(j, z);
	}
	loaded(j, st, z, msg);
}

/* Lints zone text read from elsewhere (standard input, a transfer),
 * shown as name; st and msg say when it could not be read. */
static void lint_text(struct run *r, struct job *j, const char *name,
		      const char *origin, enum zl_status st, char *buf,
		      size_t len, char *msg)
{
	struct zl_load_opts lo = { .origin = origin, .display = name,
				   .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow,
				   .budget = r->budget };
	struct zl_zone *z = NULL;

	if (st == ZL_OK)
		st = must(zl_zone_load_buffer(name, buf, len, &lo, &z, &msg));
	free(buf);
	loaded(j, st, z, msg);
}

static void lint_stdin(struct run *r, struct job *j)
{
	char *buf = NULL, *msg = NULL;
	size_t len = 0, cap = 0, n;
	enum zl_status st = ZL_OK;

	do {
		xgrow((void **)&buf, &cap, len + CHUNK, 1);
		n = fread(buf + len, 1, CHUNK, stdin);
		len += n;
	} while (n > 0 && len <= MAX_STDIN);
	if (ferror(stdin)) {
		st = ZL_ERR_IO;
		msg = xasprintf("cannot read standard input: %s",
				   ERRSTR(errno));
	} else if (len > MAX_STDIN) {
		/* Stop reading rather than exhaust memory on endless input. */
		st = ZL_ERR_LIMIT;
		msg = xasprintf("standard input is larger than %u bytes",
				   MAX_STDIN);
	}
	lint_text(r, j, stdin_name(r), r->cli->origin, st, buf, len, msg);
}

/* axfr://HOST[:PORT]/ZONE: the records the server sends, shown under the
 * operand's name, one record a line. */
static void lint_axfr(struct run *r, struct job *j)
{
	char *buf = NULL, *origin = NULL, *msg = NULL;
	size_t len = 0;
	enum zl_status st;

	st = must(axfr_fetch(r->cli, r->has_key ? &r->key : NULL, j->path,
			     &buf, &len, &origin, &msg));
	lint_text(r, j, j->path, origin, st, buf, len, msg);
	free(origin);
}

struct job *add_job(struct run *r, const char *path, const char *root)
{
	struct job *j;

	xgrow((void **)&r->jobs, &r->capjobs, r->njobs + 1, sizeof *r->jobs);
	j = &r->jobs[r->njobs++];
	memset(j, 0, sizeof *j);
	j->path = path ? xstrdup(path) : NULL;
	j->key = path ? path_abs(path) : NULL;
	j->root = root;
	j->named = root == NULL;
	zl_diags_init(&j->diags);
	return j;
}

/* Jobs by the input they name: standard input, then files by their path
 * made absolute and normalised (a path given twice, spelt two ways, or
 * given and also found in a directory), then by the origin a server
 * configuration gives them.  Two names of one file are two inputs: the
 * name decides the origin; so is one file that two zones of a server
 * configuration load (parked domains), each linted under its own. */
static int input_cmp(const struct job *a, const struct job *b)
{
	int c;

	if (!a->key || !b->key)
		return (a->key != NULL) - (b->key != NULL);
	if ((c = strcmp(a->key, b->key)) != 0)
		return c;
	if (!a->origin || !b->origin)
		return (a->origin != NULL) - (b->origin != NULL);
	return strcmp(a->origin, b->origin);
}

static int job_cmp(const void *pa, const void *pb)
{
	const struct job *a = *(const struct job *const *)pa;
	const struct job *b = *(const struct job *const *)pb;
	int c = input_cmp(a, b);

	return c ? c : (a > b) - (a < b);
}

/* Lowers the limit *to (0: none) to v, when v is one and lower; whether
 * it did. */
static bool lower(uint32_t *to, uint32_t v)
{
	if (!v || (*to && *to <= v))
		return false;
	*to = v;
	return true;
}

/* Each input is linted once, however often it was named: the first of
 * its jobs is kept, in the order the jobs were found, with the servers of
 * all (a zone two views or configurations load is refused by each). */
static void drop_repeats(struct run *r)
{
	struct job **v = xcalloc(r->njobs ? r->njobs : 1, sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < r->njobs; i++)
		v[i] = &r->jobs[i];
	qsort(v, r->njobs, sizeof *v, job_cmp);
	for (i = 1, k = 0; i < r->njobs; i++) {
		if (input_cmp(v[k], v[i]) == 0) {
			v[i]->repeat = true;
			v[k]->named |= v[i]->named;
			v[k]->servers |= v[i]->servers;
			v[k]->served_unsigned |= v[i]->served_unsigned;
			v[k]->serial_own |= v[i]->serial_own;
			v[k]->check_names |= v[i]->check_names;
			v[k]->names_checked |= v[i]->names_checked;
			if (lower(&v[k]->max_ttl, v[i]->max_ttl))
				v[k]->max_ttl_policy = v[i]->max_ttl_policy;
			(void)lower(&v[k]->max_rrset, v[i]->max_rrset);
			(void)lower(&v[k]->max_types, v[i]->max_types);
		} else
			k = i;
	}
	free(v);
	k = 0;
	for (i = 0; i < r->njobs; i++) {
		if (r->jobs[i].repeat) {
			free(r->jobs[i].path);
			free(r->jobs[i].key);
			free(r->jobs[i].origin);
			free(r->jobs[i].decl);
			free(r->jobs[i].include_dir);
			free(r->jobs[i].conf_root);
		} else
			r->jobs[k++] = r->jobs[i];
	}
	r->njobs = k;
}

/* Whether the config of a walked file excludes it (exclude:).  A config
 * that cannot be used says why once and excludes nothing: linting the
 * file then fails on the same config. */
static bool excluded(struct run *r, const char *path)
{
	struct zl_diags errs;
	bool out = false;

	if (!r->cfgs && !staged_configs(r))
		return false;
	zl_diags_init(&errs);
	if (must(r->cfgs ? zl_configs_excluded(r->cfgs, path, &out, &errs) :
		 gitidx_excluded(r->idx, path, r->rs, tune_derived,
				 (void *)r->cli, &out, &errs)) != ZL_OK)
		r->bad_config = true;
	if (errs.n > 0)
		print_errors(r->cli, &errs);
	zl_diags_free(&errs);
	return out;
}

/* Finds the zone-like files below dir.  They were found through the
 * tree's content, so each is read confined to root, the directory named
 * on the command line, and so are its includes. */
/* The type of dir entry full as lstat(2) sees it (a symbolic link is not
 * followed): the directory's listing says, without a system call per
 * entry, unless its file system does not.  -1 with errno set when it
 * cannot be looked at. */
static int entry_type(const char *full, unsigned char type)
{
	struct stat sb;

	if (type != DT_UNKNOWN)
		return type;
	if (lstat(full, &sb) != 0)
		return -1;
	return S_ISDIR(sb.st_mode) ? DT_DIR : DT_REG;
}

static void find_zones(struct run *r, const char *dir, const char *root,
		       const struct ignored *ig, int depth)
{
	char **names, *full;
	unsigned char *types;
	size_t n, i;
	int t;

	if (depth > MAX_DIR_DEPTH) {
		fail(r, dir, "directories nested too deeply");
		return;
	}
	if (list_dir_types(dir, depth > 0, NULL, &names, &types, &n) != 0) {
		fail(r, dir, ERRSTR(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		full = path_join(dir, names[i]);
		/* As lstat: a symbolic link to a directory is not followed,
		 * so a link cycle cannot make the walk loop.  A name that
		 * cannot be looked at (a path longer than PATH_MAX) is an
		 * error, not a zone skipped in silence.  A zone-like name
		 * that is not a directory is a job whatever it is: reading
		 * it decides (a link out of the root, a FIFO are errors). */
		if ((t = entry_type(full, types[i])) < 0)
			fail(r, full, ERRSTR(errno));
		else if (ig && ignored_entry(ig, full, t == DT_DIR))
			;	/* git ignores it */
		else if (t == DT_DIR)
			find_zones(r, full, root, ig, depth + 1);
		else if (walk_takes(r, full, false) && !excluded(r, full))
			add_job(r, full, root);
		free(full);
	}
	free_names(names, n);
	free(types);
}

/* --from-index: the zones each operand names in the index, each read
 * confined to the repository; those found below a directory unless their
 * staged config excludes them, as a walk of the work tree does. */
static void find_staged(struct run *r, const char *path)
{
	char **names, *why, *rel = gitidx_rel(r->idx, path);
	bool named = rel && gitidx_has(r->idx, rel);
	size_t n, i;

	free(rel);
	if (gitidx_find(r->idx, path, staged_takes, r, &names, &n,
			&why) != 0) {
		fail(r, path, why);
		free(why);
		return;
	}
	for (i = 0; i < n; i++)
		if (named || !excluded(r, names[i]))
			add_job(r, names[i], gitidx_root(r->idx));
	free_names(names, n);
}

/* A run that finds no zone is an error, not a clean "0 files": each
 * directory operand is named with the names that were looked for.  Not
 * under --from-index: the hooks lint every zone a commit records, and a
 * commit of a repository that holds none yet (or only a BIND journal) has
 * none to lint, which is no reason to refuse it. */
static void check_found(struct run *r)
{
	struct stat sb;
	size_t i;

	if (r->njobs > 0 || r->nbad > 0 || r->idx)
		return;
	for (i = 0; i < r->cli->npaths; i++) {
		struct ignored *ig;

		if (stat(r->cli->paths[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		ig = ignored_below(r->cli->paths[i]);
		fail(r, r->cli->paths[i], ig && ig->n ?
		     "no zone found in this directory (looked for *.zone, "
		     "*.db and db.* files and those origins: names, that "
		     "git does not ignore)" :
		     "no zone found in this directory (looked for *.zone, "
		     "*.db and db.* files and those origins: names)");
		ignored_free(ig);
	}
}

/* Whether operand path is refused (named_refused), after saying why. */
static bool refused(struct run *r, const char *path)
{
	char *why = named_refused(path), *msg;

	if (!why)
		return false;
	msg = xasprintf("cannot read '%s': %s", path, why);
	fail(r, path, msg);
	free(msg);
	free(why);
	return true;
}

static void find_paths(struct run *r)
{
	const char *path;
	struct stat sb;
	size_t i;

	for (i = 0; i < r->cli->npaths; i++) {
		path = r->cli->paths[i];
		if (axfr_is_url(path))
			add_job(r, path, NULL);
		else if (r->idx)
			find_staged(r, path);
		else if (strcmp(path, "-") == 0)
			add_job(r, NULL, NULL);
		else if (refused(r, path))
			;
		else if (stat(path, &sb) != 0)
			add_job(r, path, NULL);
		else if (S_ISDIR(sb.st_mode)) {
			struct ignored *ig = ignored_below(path);

			find_zones(r, path, path, ig, 0);
			ignored_free(ig);
		}
		else
			add_job(r, path, NULL);
	}
	cli_find_server_zones(r);
	drop_repeats(r);
	check_found(r);
}

static void load_job(struct run *r, struct job *j)
{
	if (j->path && axfr_is_url(j->path))
		lint_axfr(r, j);
	else if (j->path)
		lint_file(r, j);
	else
		lint_stdin(r, j);
}

struct worker {
	struct run *r;
	void (*fn)(struct run *r, struct job *j);
	pthread_t thread;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct run *r = w->r;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&r->lock);
		i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->njobs)
			return NULL;
		w->fn(r, &r->jobs[i]);
	}
}

/* Runs fn over every job, -j threads taking them in turn. */
static void each_job(struct run *r, void (*fn)(struct run *r, struct job *j))
{
	size_t n = (size_t)r->cli->jobs, i;
	struct worker *w;

	if (n > r->njobs)
		n = r->njobs;
	w = xcalloc(n ? n : 1, sizeof *w);
	r->next = 0;
	for (i = 0; i < n; i++) {
		w[i] = (struct worker){ .r = r, .fn = fn };
		/* The calling thread is worker 0; a thread that cannot be
		 * started leaves its share to the others. */
		if (i > 0 && pthread_create(&w[i].thread, NULL, work, &w[i]))
			w[i].r = NULL;
	}
	if (n > 0)
		work(&w[0]);
	for (i = 0; i < n; i++)
		if (i > 0 && w[i].r)
			pthread_join(w[i].thread, NULL);
	free(w);
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether job j is part of another zone: found by the walk (a file named
 * on the command line is always linted) and $INCLUDEd by a zone of the
 * run.  incs: every zone's included files, sorted. */
static bool included(const struct job *j, char **incs, size_t n)
{
	return !j->named && j->key && n > 0 &&
	       bsearch(&j->key, incs, n, sizeof *incs, cmp_key) != NULL;
}

/* Every file the zones of the run include, sorted, as keys (borrowed
 * from the jobs); a zone's include of itself does not count. */
static void list_includes(struct run *r)
{
	size_t cap = 0, i, k;
	struct job *j;

	for (i = 0; i < r->njobs; i++) {
		j = &r->jobs[i];
		for (k = 0; k < j->nincs; k++) {
			if (j->key && strcmp(j->incs[k], j->key) == 0)
				continue;
			xgrow((void **)&r->incs, &cap, r->nincs + 1,
			      sizeof *r->incs);
			r->incs[r->nincs++] = j->incs[k];
		}
	}
	if (r->nincs > 1)
		qsort(r->incs, r->nincs, sizeof *r->incs, cmp_key);
}

/* The keys of every file the run has: its zones and the files they
 * include, sorted (borrowed from the jobs). */
static void list_known(struct run *r)
{
	size_t i;

	r->known = xcalloc(r->nincs + r->njobs + 1, sizeof *r->known);
	for (i = 0; i < r->nincs; i++)
		r->known[r->nknown++] = r->incs[i];
	for (i = 0; i < r->njobs; i++)
		if (r->jobs[i].key)
			r->known[r->nknown++] = r->jobs[i].key;
	qsort(r->known, r->nknown, sizeof *r->known, cmp_key);
}

/* Whether the run has the file of this key. */
static bool known_file(const struct run *r, const char *key)
{
	return r->nknown && bsearch(&key, r->known, r->nknown,
				    sizeof *r->known, cmp_key) != NULL;
}

/* Whether the config of a context file, the work tree's or the staged
 * one (--from-index), leaves it out (exclude:), and the origin origins:
 * gives it (NULL: none).  A config that cannot be used leaves the file
 * out in silence: context is never the run's failure. */
static bool context_config(struct run *r, const char *path,
			   const char **origin)
{
	struct zl_diags errs;
	enum zl_status st;
	bool out = false;

	*origin = NULL;
	if (!r->cfgs && !staged_configs(r))
		return false;
	zl_diags_init(&errs);
	if (r->cfgs)
		st = zl_configs_excluded(r->cfgs, path, &out, &errs);
	else
		st = gitidx_excluded(r->idx, path, r->rs, tune_derived,
				     (void *)r->cli, &out, &errs);
	if (must(st) == ZL_OK && !out)
		st = r->cfgs ? zl_configs_origin(r->cfgs, path, origin, &errs) :
		     gitidx_origin(r->idx, path, r->rs, tune_derived,
				   (void *)r->cli, origin, &errs);
	zl_diags_free(&errs);
	return out || must(st) != ZL_OK;
}

/* A file of the repository as context, unless the run has it or its
 * config excludes it. */
static void context_file(struct run *r, struct context *c, const char *path)
{
	char *key = path_abs(path);
	const char *origin;

	if (!known_file(r, key) && !context_config(r, path, &origin))
		must(zl_zoneset_add_file(r->set, path, origin, &c->lo));
	free(key);
}

/* full, a path the walk from root made, as a path from root. */
static const char *from_root(const char *root, const char *full)
{
	size_t n = strlen(root);

	if (strcmp(root, ".") == 0)
		return full;	/* the walk of "." does not write "./" */
	return full[n] == '/' ? full + n + 1 : full + n;
}

/* The repository's other zones, as context of the set: found by the same
 * walk as a directory operand's, read confined to the repository, each
 * loaded only if a name reaches its origin.  What cannot be walked is
 * left out in silence: context only resolves names. */
static void find_context(struct run *r, struct context *c, const char *dir,
			 int depth)
{
	struct stat sb;
	char **names, *full;
	unsigned char *types;
	size_t n, i;
	bool dirent;

	if (depth > MAX_DIR_DEPTH ||
	    list_dir_types(dir, depth > 0, NULL, &names, &types, &n) != 0)
		return;
	for (i = 0; i < n; i++) {
		full = strcmp(dir, ".") == 0 ? xstrdup(names[i]) :
			path_join(dir, names[i]);
		/* A directory with a .git of its own is another
		 * repository; what git ignores is none of this one's (a
		 * build's or an old copy of a zone). */
		dirent = entry_type(full, types[i]) == DT_DIR;
		if (git_ignores(c->ignored, c->nignored,
				from_root(c->root, full), dirent)) {
			/* left out */
		} else if (dirent) {
			char *git = path_join(full, ".git");

			if (lstat(git, &sb) != 0)
				find_context(r, c, full, depth + 1);
			free(git);
		} else if (walk_takes(r, full, true)) {
			context_file(r, c, full);
		}
		free(full);
	}
	free_names(names, n);
	free(types);
}

/* --from-index: the staged zones of the repository. */
static void staged_context(struct run *r, struct context *c)
{
	char **names, *why = NULL;
	size_t n, i;

	if (gitidx_find(r->idx, gitidx_root(r->idx), staged_context_takes, r,
			&names, &n, &why) != 0) {
		free(why);
		return;
	}
	for (i = 0; i < n; i++)
		context_file(r, c, names[i]);
	free_names(names, n);
}

/* Whether paths a and b name files of one directory. */
static bool same_dir(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');

	if (!sa || !sb)
		return !sa && !sb;
	return sa - a == sb - b && strncmp(a, b, (size_t)(sa - a)) == 0;
}

/* Whether dir is a directory operand of the run: its walk found every
 * zone the walk for context would (and more: it does not stop at a nested
 * repository), each a zone of the run or excluded by its config. */
static bool walked(const struct run *r, const char *dir)
{
	char *abs = path_abs(dir), *op;
	struct stat sb;
	bool same = false;
	size_t i;

	for (i = 0; !same && i < r->cli->npaths; i++) {
		if (axfr_is_url(r->cli->paths[i]))
			continue;
		op = path_abs(r->cli->paths[i]);
		same = strcmp(op, abs) == 0 && stat(op, &sb) == 0 &&
		       S_ISDIR(sb.st_mode);
		free(op);
	}
	free(abs);
	return same;
}

/* The context of the repository that holds path, once per repository. */
static void add_context(struct run *r, const char *path)
{
	char *root = repo_root(path);
	struct context *c;
	size_t i;

	for (i = 0; root && i < r->nctx; i++)
		if (strcmp(r->ctx[i]->root, root) == 0)
			break;
	if (!root || i < r->nctx) {
		free(root);
		return;
	}
	xgrow((void **)&r->ctx, &r->capctx, r->nctx + 1, sizeof *r->ctx);
	c = r->ctx[r->nctx++] = xcalloc(1, sizeof *c);
	c->root = root;
	c->lo = (struct zl_load_opts){ .include_root = root,
				       .allow_include = r->cli->allow,
				       .nallow_include = r->cli->nallow,
				       .budget = r->budget };
	if (r->idx) {
		c->lo.include_root = gitidx_root(r->idx);
		c->lo.provider = gitidx_provider(r->idx);
		staged_context(r, c);
	} else if (!walked(r, root)) {
		c->ignored = git_ignored(root, NULL, &c->nignored);
		find_context(r, c, root, 0);
	}
}

/* The set of the run: every zone loaded, but for the files the others
 * include, in the order the zones were found (the first zone of an origin
 * answers for it); then the repositories' other zones, as context. */
static void build_set(struct run *r)
{
	const char *path, *prev = NULL;
	struct job *j;
	size_t i;

	list_includes(r);
	list_known(r);
	r->set = must_ptr(zl_zoneset_new());
	for (i = 0; i < r->njobs; i++) {
		j = &r->jobs[i];
		if (j->zone && !included(j, r->incs, r->nincs)) {
			j->in_set = true;
			must(zl_zoneset_add(r->set, j->zone));
		} else {
			zl_zone_free(j->zone);
			j->zone = NULL;
		}
	}
	if (r->cli->no_context)
		return;
	for (i = 0; i < r->njobs; i++) {
		j = &r->jobs[i];
		path = j->path ? j->path : r->cli->stdin_name;
		/* A transfer lies in no repository, and the zones of one
		 * directory lie in one. */
		if (j->in_set && path && !axfr_is_url(path) &&
		    !(prev && same_dir(prev, path)))
			add_context(r, prev = path);
	}
}

/* The results of the zones in the order they were found, once all are
 * loaded: each failure said, each zone's findings added to the report,
 * except for the files the other zones include. */
static void report_jobs(struct run *r)
{
	size_t i;
	struct job *j;

	for (i = 0; i < r->njobs; i++) {
		j = &r->jobs[i];
		if (!included(j, r->incs, r->nincs)) {
			if (j->failure) {
				report_failure_help(j->path ? j->path :
						    stdin_name(r), j->failure,
						    j->failure_help);
				r->nbad++;
			} else if (j->linted) {
				r->nfiles++;
			}
			must(zl_diags_move(&r->diags, &j->diags));
			if (j->summary) {
				xgrow((void **)&r->sums, &r->capsums,
				      r->nsums + 1, sizeof *r->sums);
				r->sums[r->nsums++] = j->summary;
			}
		} else
			free(j->summary);
		zl_diags_free(&j->diags);
	}
}

/* Every zone is loaded before any is linted, so that each resolves names
 * in all the others; the zones stay until the run ends. */
static void lint_paths(struct run *r)
{
	size_t i, k;

	find_paths(r);
	/* The zones' configuration files are read here, in the order of
	 * the jobs, so that their errors come in that order whatever the
	 * threads that load the zones. */
	for (i = 0; i < r->njobs; i++)
		if (!r->jobs[i].origin && r->jobs[i].path &&
		    !axfr_is_url(r->jobs[i].path))
			(void)cli_origin_for(r, r->jobs[i].path);
	each_job(r, load_job);
	build_set(r);
	for (i = 0, k = 0; i < r->njobs; i++)
		k += r->jobs[i].in_set;
	r->rule_threads = k && (size_t)r->cli->jobs > k ?
			  (unsigned)((size_t)r->cli->jobs / k) : 1;
	each_job(r, lint_job);
	report_jobs(r);
	zl_zoneset_free(r->set);
	for (i = 0; i < r->nctx; i++) {
		free(r->ctx[i]->root);
		free_names(r->ctx[i]->ignored, r->ctx[i]->nignored);
		free(r->ctx[i]);
	}
	free(r->ctx);
	free(r->incs);
	free(r->known);
	for (i = 0; i < r->njobs; i++) {
		free(r->jobs[i].path);
		free(r->jobs[i].key);
		free(r->jobs[i].failure);
		free(r->jobs[i].origin);
		free(r->jobs[i].decl);
		free(r->jobs[i].include_dir);
		free(r->jobs[i].conf_root);
		for (k = 0; k < r->jobs[i].nincs; k++)
			free(r->jobs[i].incs[k]);
		free(r->jobs[i].incs);
	}
	free(r->jobs);
}

static bool failed(const struct run *r)
{
	return r->nbad || r->bad_config || r->bad_names || r->unwritten;
}

/* Command-line selection wins over config files: it is applied again to
 * every rule set a config derives.  It was checked against the base rule
 * set, which has the same rules, so it cannot fail here. */
static void tune_derived(struct zl_ruleset *rs, void *arg)
{
	struct zl_diags errs;

	zl_diags_init(&errs);
	(void)cli_tune_rules(arg, rs, &errs);
	zl_diags_free(&errs);
}

/* --config is loaded before any zone, so that a bad one stops the run like
 * a bad rule file; found configs are loaded as zones need them. */
/* The trees the run lints, which bound the config search outside a
 * repository: each directory operand. */
static void set_tops(const struct cli *c, struct zl_configs *cs)
{
	char **dirs = xcalloc(c->npaths ? c->npaths : 1, sizeof *dirs);
	struct stat sb;
	size_t i, n = 0;

	for (i = 0; i < c->npaths; i++) {
		const char *p = c->paths[i];

		if (strcmp(p, "-") != 0 && !axfr_is_url(p) &&
		    stat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			dirs[n++] = xstrdup(p);
	}
	zl_configs_set_tops(cs, (const char *const *)dirs, n);
	while (n > 0)
		free(dirs[--n]);
	free(dirs);
}

static bool open_configs(const struct cli *c, const struct zl_ruleset *rs,
			 struct run *r)
{
	struct zl_diags errs;
	bool ok;

	/* --from-index reads the staged configs itself. */
	if (c->no_config || (c->from_index && !c->config))
		return true;
	zl_diags_init(&errs);
	ok = must(zl_configs_new(rs, c->config, &r->cfgs, &errs)) == ZL_OK;
	if (errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	if (ok) {
		zl_configs_set_tune(r->cfgs, tune_derived, (void *)c);
		set_tops(c, r->cfgs);
	}
	return ok;
}

/* --origin is the same for every zone: the loader checks it on an empty
 * zone first, so that a bad one stops the run with one error instead of
 * failing each zone in turn (--allow-include is checked as it is parsed). */
static bool check_load_opts(const struct cli *c)
{
	struct zl_load_opts lo = { .origin = c->origin,
				   .display = "zonelint" };
	struct zl_zone *z = NULL;
	char *msg = NULL;
	enum zl_status st;

	if (!c->origin)
		return true;
	st = must(zl_zone_load_buffer("zonelint", "", 0, &lo, &z, &msg));
	zl_zone_free(z);
	if (st != ZL_OK)
		cli_warnx("%s", msg ? msg : zl_status_str(st));
	free(msg);
	return st == ZL_OK;
}

int cli_lint(const struct cli *c, struct zl_ruleset *rs)
{
	struct run r = { .cli = c, .rs = rs,
			 .lock = PTHREAD_MUTEX_INITIALIZER };
	bool ok;
	int rc;

	cli_packs_enable(rs, &r);
	if ((c->output && strcmp(c->output, "-") != 0 &&
	     !cli_output_ok("report", c->output)) ||
	    (c->summary_file && !cli_output_ok("summary", c->summary_file)) ||
	    (c->write_baseline &&
	     !cli_output_ok("baseline", c->write_baseline)) ||
	    !check_load_opts(c) ||
	    !cli_axfr_key(c, &r) || !cli_baseline_open(c, &r) ||
	    !open_configs(c, rs, &r)) {
		zl_tsig_key_free(&r.key);
		zl_baseline_free(r.baseline);
		return RC_FAIL;
	}
	if ((c->from_index && (r.idx = gitidx_open()) == NULL) ||
	    (r.base = base_open(c, &ok), !ok)) {
		zl_configs_free(r.cfgs);
		zl_baseline_free(r.baseline);
		gitidx_free(r.idx);
		return RC_FAIL;
	}
	r.budget = must_ptr(zl_budget_new(NULL));
	lint_paths(&r);
	r.bad_names = !cli_names_check(c, rs);
	zl_diags_sort(&r.diags);
	/* A new baseline records every finding, none hidden by an old one. */
	if (c->write_baseline)
		r.unwritten = cli_baseline_write(c, &r.diags) != ZL_OK;
	else
		cli_baseline_apply(&r);
	must(zl_diags_limit(&r.diags, ZL_LIMIT_RULE_FINDINGS,
			    ZL_LIMIT_FINDINGS, ZL_LIMIT_REPORT_BYTES));
	if (!c->write_baseline)
		r.unwritten = cli_write_report(c, rs, &r.diags) != ZL_OK;
	if (c->statistics)
		cli_print_statistics(&r.diags);
	if (!cli_summary_print(&r))
		r.unwritten = true;
	for (size_t i = 0; i < r.nsums; i++)
		free(r.sums[i]);
	free(r.sums);
	if (!c->quiet)
		cli_print_summary(&r);
	if (failed(&r))
		rc = RC_FAIL;
	else if (!c->fail_never && !c->write_baseline &&
		 zl_diags_count(&r.diags, c->fail_on) > 0)
		rc = RC_FINDINGS;
	else
		rc = RC_OK;
	zl_diags_free(&r.diags);
	zl_baseline_free(r.baseline);
	zl_configs_free(r.cfgs);
	gitidx_free(r.idx);
	base_free(r.base);
	zl_budget_free(r.budget);
	zl_tsig_key_free(&r.key);
	return rc;
}
