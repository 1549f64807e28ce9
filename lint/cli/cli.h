/* cli.h - the zonelint program's own modules (lint/cli/): options, rule
 * files, the run over the inputs, the report.  The program uses the library
 * only through its public header, zonelint.h; what it needs besides lives
 * here.
 *
 * Out of memory in the program ends it: the x* allocators, and every
 * ZL_ERR_NOMEM the library returns, call cli_out_of_memory(), which prints
 * one line and exits 2 (docs/limits.md). */
#ifndef ZL_CLI_H
#define ZL_CLI_H

#include <pthread.h>
#include <spawn.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "zonelint.h"

/* Exit status (docs/output.md): findings are 1, every tool failure is 2. */
enum { RC_OK = 0, RC_FINDINGS = 1, RC_FAIL = 2 };

enum action { ACT_LINT, ACT_LIST, ACT_EXPLAIN, ACT_CHECK_RULES, ACT_HELP,
	      ACT_VERSION, ACT_LIST_CHECKS };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct cli {
	enum action action;
	const char *origin, *stdin_name, *output, *explain_id;
	const char *config;		/* --config FILE */
	bool no_config;			/* --no-config */
	bool no_context;		/* --no-context */
	const char **rules;		/* --rules, in the order given */
	size_t nrules;
	const char **allow;		/* --allow-include, in order */
	size_t nallow;
	char *select, *ignore;		/* repeated lists joined by commas;
					   NULL until one is given */
	const char **sevs;		/* --severity ID=LEVEL, in order */
	size_t nsevs;
	/* Set when configs may add rules (packs:): the rules these options
	 * name are then looked for in every rule set of the run, not in the
	 * base alone (rules.c). */
	struct cli_names *names;
	bool no_default_rules, quiet, statistics, show_suppressed, fail_never;
	enum zl_severity fail_on;
	enum zl_format format;
	enum color_mode color;
	char **paths;			/* the operands, in argv */
	size_t npaths;
	long jobs;			/* -j: zones linted at a time; 0 until
					   cli_parse makes it one per CPU */
	bool from_index;		/* --from-index: read what git stages */
	const char *since;		/* --since REV: the base of each zone */
	int64_t now;			/* SOURCE_DATE_EPOCH, or 0: the clock */
	bool summary;			/* --summary: what changes for mail */
	enum zl_summary_format summary_fmt;
	const char *summary_file;	/* --summary-file FILE */
	const char **servers;		/* --server-config, in order */
	size_t nservers;
	const char *baseline;		/* --baseline FILE */
	const char *write_baseline;	/* --write-baseline FILE */
	const char *tsig_key;		/* --tsig-key FILE */
	long axfr_timeout;		/* --axfr-timeout, seconds */
	size_t axfr_max_bytes;		/* --axfr-max-bytes */
};

/* ---- options.c ---- */

/* Fills c from argv (c holds the defaults).  Returns 0, or -1 after
 * printing why on stderr. */
int cli_parse(struct cli *c, int argc, char **argv);
void cli_usage(FILE *out);
void cli_free(struct cli *c);	/* what cli_parse allocated */

/* ---- rules.c ---- */

/* The rule files loaded so far, by device and inode: a file named twice
 * (--rules twice, or also inside a --rules directory) is loaded once,
 * instead of clashing with its own ids. */
struct loaded {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
};

/* Loads the rule file path: named by the user (dir NULL), or the file
 * name found in the rules directory dir, read confined to it (then path
 * is dir/name).  A problem the loader has no place for (the file cannot
 * be read) is put at *at, where the file was named (a config's packs:),
 * when at is not NULL.  False after appending why to errs. */
bool cli_load_rule_file(struct zl_ruleset *rs, const char *dir,
			const char *name, const char *path,
			const struct zl_loc *at, struct loaded *done,
			struct zl_diags *errs);
/* Loads the packs of the base rule set into rs: the built-in ones (unless
 * --no-default-rules) and each --rules; false when one failed. */
bool cli_load_packs(const struct cli *c, struct zl_ruleset *rs,
		    struct loaded *done, struct zl_diags *errs);

/* Builds the rule set: the built-in packs, each --rules, and for
 * --check-rules the operands, whose rules are counted in *nchecked.
 * Returns NULL after printing every error. */
struct zl_ruleset *cli_load_rules(const struct cli *c, size_t *nchecked);
/* Applies --select, --ignore and --severity, in that order; false when
 * one of them failed (errors appended to errs).  With c->names, a name
 * that no rule of rs has is passed over, and kept for
 * cli_names_check(). */
bool cli_tune_rules(const struct cli *c, struct zl_ruleset *rs,
		    struct zl_diags *errs);
/* A lint run that may read configs with packs: sets c->names, so that a
 * rule of a config's pack may be named (docs/config.md, packs). */
void cli_names_defer(struct cli *c);
/* After the run: reports each name of c->names that no rule set of the
 * run had (base: for "did you mean"); false if there was one. */
bool cli_names_check(const struct cli *c, const struct zl_ruleset *base);
void cli_names_free(struct cli *c);
int cli_list_rules(const struct zl_ruleset *rs);
int cli_list_checks(const struct zl_ruleset *rs, bool json);
int cli_explain(const struct zl_ruleset *rs, const char *id);

/* ---- run.c ---- */

/* Lints every operand with rule set rs (which gets the run's packs hook,
 * packs.c); returns the exit status. */
int cli_lint(const struct cli *c, struct zl_ruleset *rs);

/* One zone to lint: a file (root: the directory operand it was found
 * in, or NULL) or standard input (path NULL). */
struct job {
	char *path;
	const char *root;
	char *key;		/* path made absolute and normalised */
	bool repeat;		/* an input named by an earlier job */
	bool named;		/* named on the command line (by this job
				   or by a repeat of it) */
	/* What linting it gave, kept until every zone is loaded: a zone
	 * found by the walk that another zone $INCLUDEs is no zone of its
	 * own, and its result is dropped. */
	bool linted;		/* diags are the zone's findings */
	char *failure;		/* why it could not be linted, or NULL */
	const char *failure_help;	/* what to do about it, or NULL */
	struct zl_diags diags;
	char **incs;		/* its included files, as keys */
	size_t nincs;
	/* A zone a server configuration declares (server.c): its origin
	 * and where it is declared ("named.conf:12:6"), NULL otherwise;
	 * the servers that load it, one bit per enum zl_server_kind (more
	 * than one when several configurations or views name the file), and
	 * whether one of them is a BIND that checks names (check-names
	 * fail), or does not ignore them (fail or warn); the lowest limits
	 * of those BINDs (struct zl_server_zone), 0: none. */
	char *origin, *decl;
	unsigned servers;
	bool check_names, names_checked;
	uint32_t max_ttl, max_rrset, max_types;
	bool max_ttl_policy;
	unsigned served_unsigned;	/* those of its servers that do not
					   sign it (zl_load_opts) */
	unsigned serial_own;	/* those of servers that set the serial
				   themselves (zl_server_zone) */
	char *include_dir;	/* where the server reads $INCLUDE from */
	char *conf_root;	/* the configuration's directory, to which
				   the zone file is confined (root) */
	char *summary;		/* --summary of the zone, or NULL */
	struct zl_zone *zone;	/* loaded, until the run ends (the set
				   owns it once in_set) */
	bool in_set;		/* a zone of the run's set, to lint */
};

/* A repository whose zones are context of the run's set. */
struct context {
	char *root;
	struct zl_load_opts lo;	/* borrowed by the set */
	char **ignored;		/* what git ignores below root (git_ignored) */
	size_t nignored;
};

/* The zones are found first, in operand and directory order, then linted
 * by cli->jobs threads that take them in turn.  Each thread collects its
 * findings apart; cli_lint() sorts them all, so the report does not depend
 * on which thread linted what.  lock guards the rest: the counters, the
 * configuration cache and stderr. */
struct run {
	const struct cli *cli;
	const struct zl_ruleset *rs;
	struct zl_diags diags;
	size_t nfiles;		/* zones linted */
	/* Tool failures (exit 2), each said again by the summary: inputs
	 * that could not be linted, a .zonelint.yaml that could not be
	 * used, a report that could not be written. */
	size_t nbad;
	bool bad_config, unwritten;
	bool bad_names;		/* a rule named in no rule set of the run */
	struct zl_configs *cfgs;/* NULL with --no-config */
	struct gitidx *idx;	/* --from-index */
	struct base *base;	/* --since, or HEAD under --from-index */
	char **sums;		/* the --summary of each zone reported */
	size_t nsums, capsums;
	struct zl_budget *budget;	/* what all the zones may read */
	struct zl_baseline *baseline;	/* --baseline, or NULL */
	size_t hidden, stale;		/* findings it hid, entries unused */
	struct zl_tsig_key key;		/* --tsig-key, when has_key */
	bool has_key;
	struct job *jobs;
	size_t njobs, capjobs, next;
	struct zl_zoneset *set;		/* the zones of the run */
	unsigned rule_threads;		/* threads for the rules of a large
					   zone: those -j leaves idle */
	struct context **ctx;
	size_t nctx, capctx;
	char **incs;			/* list_includes */
	size_t nincs;
	char **known;			/* list_known */
	size_t nknown;
	pthread_mutex_t lock;
};

/* A zone to lint: path (NULL: standard input), found in the directory
 * operand root (NULL: named). */
struct job *add_job(struct run *r, const char *path, const char *root);
/* The origin given to a zone's load, over its $ORIGIN: --origin, else
 * what origins: in its config gives it (NULL: the loader takes the first
 * $ORIGIN, else guesses from the file name).
 * Called with r->lock held. */
const char *cli_origin_for(struct run *r, const char *path);

/* ---- server.c ---- */

/* Adds a job for every primary zone each --server-config declares, with
 * the origin and file path the configuration gives; secondaries are named
 * on stderr and skipped.  Errors in a configuration are printed at their
 * place and set r->bad_config. */
void cli_find_server_zones(struct run *r);
/* The errors of what each of j's servers refuses in the zone file, though
 * other servers read it: each $GENERATE under Knot and NSD, every other
 * such problem the loader found (zl_zone_refusal), and what goes over the
 * limits a BIND configuration sets (zl_zone_over_limit), appended to
 * j->diags; z is the loaded zone. */
void cli_check_server_refusals(struct job *j, const struct zl_zone *z);

/* ---- axfr.c ---- */

/* Whether operand s names a transfer: axfr://HOST[:PORT]/ZONE. */
bool axfr_is_url(const char *s);
/* Reads --tsig-key into r->key; false after printing its errors. */
bool cli_axfr_key(const struct cli *c, struct run *r);
/* Transfers the zone url names from its server, signed with key k (NULL:
 * unsigned), within c's timeouts and size limit.  Returns ZL_OK with
 * *text (len bytes, NUL-terminated) the zone's records, one a line, in
 * transfer order without the closing SOA, and *origin the zone's name,
 * both malloc'd; else a status with *err, malloc'd, saying why (a bad
 * operand: ZL_ERR_USAGE; over the size limit: ZL_ERR_LIMIT; every
 * network or server failure: ZL_ERR_IO). */
enum zl_status axfr_fetch(const struct cli *c, const struct zl_tsig_key *k,
			  const char *url, char **text, size_t *len,
			  char **origin, char **err);

/* ---- git_env.c ---- */

/* The environment every git zonelint runs gets: the caller's, with the
 * commands a repository's configuration may name (core.fsmonitor, filter
 * drivers, a fetch from a promisor remote) turned off.  Made once, kept
 * for the run; thread-safe.  NULL when they cannot all be turned off (more
 * filter drivers than it overrides): then no git may be run, and
 * git_refused() says why. */
char **git_environ(void);
/* git_environ() for a git run in a submodule's work tree: without the
 * variables that name the repository (GIT_DIR, GIT_INDEX_FILE, ...), which
 * a hook sets for the superproject.  Made once; thread-safe; NULL as
 * git_environ(). */
char **git_environ_module(void);
/* Why git_environ() is NULL: a static message. */
const char *git_refused(void);

/* Sends the standard error of the git fa spawns to a file in memory, *fd
 * (-1: to /dev/null, when none can be made). */
void git_stderr_to(posix_spawn_file_actions_t *fa, int *fd);

/* Shows what git wrote to fd (git_stderr_to), each line escaped, on
 * stderr, and closes fd; nothing for -1. */
void git_stderr_show(int fd);

/* The most git's listing of an index or a tree may hold. */
#define GIT_MAX_LIST (UINT64_C(1) << 30)

/* Runs git with argv (no shell) in the environment envp (git_environ, or
 * git_environ_module; NULL: git is not run, git_refused says why) and
 * reads its standard output, at most max bytes (more: *len is max + 1).
 * Returns 0 with *out malloc'd and NUL-terminated, or -1 with *why
 * malloc'd when git cannot be run or fails (git_fifo_why when it waited
 * on a FIFO, and was stopped).  What git says on its
 * standard error is shown (escaped) when show is set, else dropped. */
int git_run_env(char *const argv[], size_t max, char **out, size_t *len,
		char **why, bool show, char **envp);
/* The *why of a git run (git_run_env) that was stopped waiting on a FIFO
 * where git reads a file of the repository, which no one will write. */
extern const char git_fifo_why[];
/* Waits until fd, where git (process pid) writes, can be read; false
 * when git waits on a FIFO instead, which no one will write: it is then
 * killed. */
bool git_readable(int fd, pid_t pid);
/* git_run_env in git_environ(), what git says shown. */
int git_run(char *const argv[], size_t max, char **out, size_t *len,
	    char **why);
/* git_run, what git says on its standard error dropped: for a question
 * whose "no" is an answer, not a failure to show. */
int git_run_quiet(char *const argv[], size_t max, char **out, size_t *len,
		  char **why);

/* ---- git_ignore.c ---- */

/* The files and directories below the work tree root that git ignores
 * (.gitignore, .git/info/exclude, core.excludesFile) and does not track,
 * as paths from root, a directory ignored whole ending in '/', sorted;
 * NULL (*n 0) when git cannot say.  under (a path from root, or NULL for
 * all of it) limits the list to what lies below it, and to the directory
 * above it that git ignores whole. */
char **git_ignored(const char *root, const char *under, size_t *n);
/* Whether rel, a path from the root (a directory when dir), is one of
 * git_ignored's. */
bool git_ignores(char *const *ign, size_t n, const char *rel, bool dir);

/* What git ignores below a directory operand, which its walk leaves out
 * as the walk for context does: a build's or a backup's copy of a zone is
 * no zone of the repository.  A path the walk makes is the operand as
 * given (skip bytes) and what follows; prefix names the operand from the
 * repository's root ("" or "a/b/"). */
struct ignored {
	char **v;
	size_t n;
	char *prefix;
	size_t skip;
};

/* What git ignores below dir, a directory operand; NULL outside a
 * repository, or when git cannot say (ignored_free). */
struct ignored *ignored_below(const char *dir);
/* Whether full, a path the walk of that operand made (a directory when
 * dir), is what git ignores. */
bool ignored_entry(const struct ignored *ig, const char *full, bool dir);
void ignored_free(struct ignored *ig);

/* ---- git.c ---- */

/* The git index of the repository the current directory lies in, listed
 * once; NULL after saying why it cannot be read. */
struct gitidx;
struct gitidx *gitidx_open(void);
/* The same for the tree of commit sha, which the user named rev (shown in
 * messages); its files are read as that commit records them.  opt names
 * the option that asked for it in errors. */
struct gitidx *gitidx_open_tree(const char *opt, const char *rev,
				const char *sha);
void gitidx_free(struct gitidx *g);
/* Reads the staged blob of a path (never the working tree); paths must lie
 * in the repository and outside any .git.  A symbolic link (a blob of mode
 * 120000) is followed within the index or tree as the file system walk
 * follows one within its root, and refused on its target's text when it
 * leads out; submodules and files in conflict are refused. */
const struct zl_provider *gitidx_provider(const struct gitidx *g);
/* The top level, as the user names it ("." or "../.." below it). */
const char *gitidx_root(const struct gitidx *g);
/* The top level, absolute. */
const char *gitidx_top(const struct gitidx *g);
/* path (from the current directory) from the top level, as git names it;
 * NULL when it lies outside the repository.  Malloc'd. */
char *gitidx_rel(const struct gitidx *g, const char *path);
/* rel (from the top level) as the user names it: from the current
 * directory.  Malloc'd. */
char *gitidx_shown(const struct gitidx *g, const char *rel);
/* Whether rel (from the top level), its links followed, is a regular
 * file there, not in conflict. */
bool gitidx_has(const struct gitidx *g, const char *rel);
/* The names of the files directly in directory dir (from the top level)
 * that pass keep (NULL: all), in name order, malloc'd (free_names);
 * false when nothing lies below dir. */
bool gitidx_list(const struct gitidx *g, const char *dir,
		 bool (*keep)(const char *name), char ***names, size_t *n);
/* The zones an operand names in the index: the staged file itself, else
 * the staged files below it that takes(arg, path) takes for zones, path
 * as the user names it (each malloc'd); never a file below .git or a
 * submodule.
 * A name with nothing staged at or below it is returned as it is, for its
 * read to say so.  -1 with *why (malloc'd) when it lies outside the
 * repository. */
int gitidx_find(const struct gitidx *g, const char *path,
		bool (*takes)(void *arg, const char *path), void *arg,
		char ***out,
		size_t *nout, char **why);
/* The rule set for a staged zone: the base tuned by the .zonelint.yaml
 * staged nearest above it (the base when there is none).  A config that
 * cannot be used reports its errors (to errs, or on stderr when it cannot
 * be read) the first time and returns its status every time, *out NULL.
 * Not thread-safe: called under the run's lock. */
/* What the same staged config's exclude: and origins: say of the staged
 * file path, as zl_configs_excluded() and zl_configs_origin() do. */
enum zl_status gitidx_excluded(struct gitidx *g, const char *path,
			       const struct zl_ruleset *base,
			       zl_config_tune_fn *tune, void *arg, bool *out,
			       struct zl_diags *errs);
enum zl_status gitidx_origin(struct gitidx *g, const char *path,
			     const struct zl_ruleset *base,
			     zl_config_tune_fn *tune, void *arg,
			     const char **out, struct zl_diags *errs);
enum zl_status gitidx_ruleset(struct gitidx *g, const char *zone_path,
			      const struct zl_ruleset *base,
			      zl_config_tune_fn *tune, void *arg,
			      const struct zl_ruleset **out,
			      struct zl_diags *errs);

/* Adds to *b the baselines that the staged configs read so far name. */
enum zl_status gitidx_baseline(const struct gitidx *g,
			       struct zl_baseline **b);

/* ---- packs.c ---- */

/* Makes the configs of run r that name packs: (docs/config.md) load them
 * into a rule set like rs: from the file system, or from r->idx once it
 * is set. */
void cli_packs_enable(struct zl_ruleset *rs, struct run *r);

/* ---- base.c ---- */

/* The base the zones are compared with: the commit --since names, else
 * under --from-index HEAD.  NULL with *ok true when there is none (neither
 * option, or no HEAD yet); NULL with *ok false after saying why the base
 * cannot be read. */
struct base;
struct base *base_open(const struct cli *c, bool *ok);
void base_free(struct base *b);
/* The name path had at b (from the top level) when git finds that it was
 * renamed since, or when it was given the base of the one zone of its
 * origin gone since (base_zone); else NULL.  Borrowed from b. */
const char *base_renamed(struct base *b, const char *path);
/* The base commit's full object name (owned by b). */
const char *base_commit(const struct base *b);
/* The base commit's tree (owned by b). */
const struct gitidx *base_tree(const struct base *b);
/* The version at r->base (NULL: none) of j's zone file, loaded with the
 * zone's origin from the base's tree, under its old name when it was
 * renamed; a zone that has no version there by name (git's rename
 * detection did not pair it: reformatted beyond its 50% of similarity) is
 * given the one zone gone since the base (deleted, or renamed to a name
 * that is no zone's) whose origin is the zone's, when exactly one such
 * is.  NULL when the zone is new since then, is standard input, or its
 * base cannot be read.  Takes r->lock and b's lock; the caller frees the
 * zone. */
struct zl_zone *base_zone(struct run *r, const struct job *j);
/* Calls fn with each file (from the top level) present at b and gone
 * since, deleted (to NULL) or renamed to to, that no zone has taken as
 * its base (base_zone) so far, in the order of their names at b. */
void base_gone(struct base *b, void (*fn)(void *arg, const char *rel,
					  const char *to), void *arg);

/* ---- summary.c ---- */

/* --summary of zone z (NULL: deleted) against its base (NULL: new) at b,
 * with the run's zones set (NULL: none), headed by path (and the name it
 * had, when renamed); malloc'd, or NULL when nothing mail-related changed
 * or no summary was asked for. */
char *cli_summary_zone(const struct cli *c, struct base *b,
		       const struct zl_zone *base, const struct zl_zone *z,
		       struct zl_zoneset *set, const char *path);
/* Writes the summaries of r's zones (r->sums), then those of the zones
 * deleted since r->base below the operands (added to r->sums), to stderr
 * or --summary-file, in Markdown under one heading; false after saying
 * why it could not. */
bool cli_summary_print(struct run *r);

/* ---- baseline.c ---- */

/* Reads --baseline into r->baseline; false after printing why. */
bool cli_baseline_open(const struct cli *c, struct run *r);
/* Hides the findings of r->diags (sorted) that the baseline records,
 * counting them and the stale entries in r. */
void cli_baseline_apply(struct run *r);
/* --write-baseline: records d in the file, replacing it; ZL_OK, or
 * ZL_ERR_IO after saying why. */
enum zl_status cli_baseline_write(const struct cli *c,
				  const struct zl_diags *d);

/* ---- report.c ---- */

/* Writes arg to f: ZL_OK, or another status with errno set. */
typedef enum zl_status cli_writer(FILE *f, const void *arg);
/* Writes path by write(f, arg) to a temporary file beside it, renamed
 * over path when complete (a link at path is replaced, not followed).
 * Returns ZL_OK, or another status with errno set; says nothing. */
enum zl_status cli_write_atomic(const char *path, cli_writer *write,
				const void *arg);

/* --output, --summary-file and --write-baseline (what: "report",
 * "summary", "baseline") replace a regular file or make a new one, in a
 * directory that is not reached through a symbolic link leading out of
 * the current directory's repository: false, after saying why, for
 * anything else. */
bool cli_output_ok(const char *what, const char *path);
/* Writes the report in the chosen format to stdout or, atomically, to
 * --output.  Returns ZL_OK or ZL_ERR_IO after saying why. */
enum zl_status cli_write_report(const struct cli *c,
				const struct zl_ruleset *rs,
				const struct zl_diags *d);
void cli_print_summary(const struct run *r);
void cli_print_statistics(const struct zl_diags *d);
/* Removes the temporary report being written, if any: only unlink(2),
 * so that it may run in a signal handler or out of memory. */
void cli_remove_partial(void);

/* ---- util.c ---- */

/* Prints "zonelint: error: out of memory", removes a partial report and
 * exits 2.  Needs no memory, and may be called from any thread. */
_Noreturn void cli_out_of_memory(void);
/* Returns st, except that ZL_ERR_NOMEM ends the run (cli_out_of_memory). */
enum zl_status must(enum zl_status st);
/* Returns p, except that NULL ends the run: for the library's functions
 * that return NULL only when memory runs out. */
void *must_ptr(const void *p);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *v (an array of elem-sized items with capacity *cap) to hold need. */
void xgrow(void **v, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) ZL_PRINTF(1, 2);
/* s escaped as zl_fputs_escaped() writes it; malloc'd. */
char *xescaped(const char *s);

/* The message of errno value e (strerror_r: other threads may be running). */
const char *errstr(int e, char *buf, size_t size);
#define ERRSTR(e) errstr((e), (char[128]){ 0 }, 128)

/* dir/name, without doubling a '/'; malloc'd. */
char *path_join(const char *dir, const char *name);
/* path made absolute (against the current directory) and normalised
 * lexically: no "", "." or ".." components.  Malloc'd. */
char *path_abs(const char *path);
/* The repository that holds path (a file, which need not exist): the
 * first directory up from it with an entry named .git, named from the
 * current directory ("." or "../.." above it, "a/b" below); NULL when there is none.
 * Malloc'd. */
char *repo_root(const char *path);
/* Why path, a file or directory named on the command line, is not read:
 * written as lying in the repository of the current directory, it must
 * be read from there as the tree's own files are (docs/limits.md), and a
 * symbolic link on its way leads out of the repository (a pull request
 * may turn zones/ into a link to /), or it is not a regular file or a
 * directory.  NULL when it may be read (outside that repository, or when
 * it does not exist: the read says so).  Malloc'd. */
char *named_refused(const char *path);

/* The entries of dir that pass keep(), sorted so that the run is the same
 * on every file system; hidden names are always skipped.  With nofollow,
 * dir itself must not be a symbolic link.  Returns -1 with errno set when
 * dir cannot be read. */
int list_dir(const char *dir, bool nofollow, bool (*keep)(const char *name),
	     char ***names, size_t *n);
/* The same, with each entry's type as readdir gives it (DT_DIR, DT_REG;
 * DT_UNKNOWN when the file system does not say) in *types, malloc'd. */
int list_dir_types(const char *dir, bool nofollow,
		   bool (*keep)(const char *name), char ***names,
		   unsigned char **types, size_t *n);
void free_names(char **names, size_t n);
bool is_yaml_name(const char *name);
bool is_zone_name(const char *name);
/* Whether the file name is one servers write beside a zone (a journal, a
 * DNSSEC key file), which origins: never makes a zone. */
bool is_side_file(const char *name);

/* warnx(3) and warn(3) ("zonelint: MSG", and ": " and strerror(errno)
 * for cli_warn) with MSG escaped as the rest of the output: what they say
 * quotes the command line, the environment and the files linted. */
void cli_warnx(const char *fmt, ...) ZL_PRINTF(1, 2);
void cli_warn(const char *fmt, ...) ZL_PRINTF(1, 2);

/* "FILE: error: MSG" on stderr, both escaped. */
void report_failure(const char *file, const char *msg);
/* The same, and help (NULL: none) on a line of its own, as findings
 * show it. */
void report_failure_help(const char *file, const char *msg,
			 const char *help);
/* NO_COLOR (https://no-color.org) wins over everything, as documented. */
bool want_color(enum color_mode m, int fd);
/* Prints tool errors (rule files, selection) in the text format. */
void print_errors(const struct cli *c, struct zl_diags *errs);
const char *plural(size_t n, const char *one, const char *many);

#endif
