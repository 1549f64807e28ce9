/* main.c - the zonelint command: options, rules, linting each path, report. */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "util.h"
#include "zonelint.h"

/* Exit status (docs/output.md): findings are 1, every tool failure is 2. */
enum { RC_OK = 0, RC_FINDINGS = 1, RC_FAIL = 2 };

#define MAX_DIR_DEPTH 64
#define MAX_JOBS 256
#define MAX_STDIN (1u << 30)	/* the loader's limit for one file, 1 GiB */

enum action { ACT_LINT, ACT_LIST, ACT_EXPLAIN, ACT_CHECK_RULES, ACT_HELP,
	      ACT_VERSION, ACT_LIST_CHECKS };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct cli {
	enum action action;
	const char *origin, *stdin_name, *output, *explain_id;
	const char *config;		/* --config FILE */
	bool no_config;			/* --no-config */
	const char **rules;		/* --rules, in the order given */
	size_t nrules;
	const char **allow;		/* --allow-include, in order */
	size_t nallow;
	struct zl_buf select, ignore;	/* repeated lists joined by commas;
					   s is NULL until one is given */
	const char **sevs;		/* --severity ID=LEVEL, in order */
	size_t nsevs;
	bool no_default_rules, quiet, statistics, show_suppressed, fail_never;
	enum zl_severity fail_on;
	enum zl_format format;
	enum color_mode color;
	char **paths;			/* the operands, in argv */
	size_t npaths;
	long jobs;			/* -j: zones linted at a time */
};

/* ---- the option table: drives getopt_long, --help and parsing ---- */

enum opt_kind { O_BOOL, O_STR, O_ACTION, O_FN };

struct opt {
	const char *name;
	int short_name;		/* 0: long form only */
	const char *arg;	/* argument name for --help; NULL: no argument */
	enum opt_kind kind;
	size_t off;		/* O_BOOL, O_STR: field of struct cli */
	enum action act;	/* O_ACTION */
	int (*fn)(struct cli *c, const char *arg);	/* O_FN; 0 or -1 */
	const char *help;
};

static int opt_rules(struct cli *c, const char *arg);
static int opt_allow_include(struct cli *c, const char *arg);
static int opt_select(struct cli *c, const char *arg);
static int opt_ignore(struct cli *c, const char *arg);
static int opt_severity(struct cli *c, const char *arg);
static int opt_fail_on(struct cli *c, const char *arg);
static int opt_format(struct cli *c, const char *arg);
static int opt_color(struct cli *c, const char *arg);
static int opt_explain(struct cli *c, const char *arg);
static int opt_jobs(struct cli *c, const char *arg);

#define BOOL(f) O_BOOL, offsetof(struct cli, f), ACT_LINT, NULL
#define STR(f) O_STR, offsetof(struct cli, f), ACT_LINT, NULL
#define ACT(a) O_ACTION, 0, a, NULL
#define FN(f) O_FN, 0, ACT_LINT, f

static const struct opt opts[] = {
	{ "origin", 0, "NAME", STR(origin),
	  "origin for files without $ORIGIN (default: from the file name)" },
	{ "allow-include", 0, "PATH", FN(opt_allow_include),
	  "let $INCLUDE also read PATH, a file or directory tree (repeatable)" },
	{ "rules", 0, "PATH", FN(opt_rules),
	  "add a rule pack: a YAML file or a directory of *.yaml (repeatable)" },
	{ "no-default-rules", 0, NULL, BOOL(no_default_rules),
	  "do not load the rule packs built into zonelint" },
	{ "select", 0, "IDS", FN(opt_select),
	  "run only these rules: comma-separated ids or id prefixes" },
	{ "ignore", 0, "IDS", FN(opt_ignore),
	  "turn these rules off: comma-separated ids or id prefixes" },
	{ "severity", 0, "ID=LEVEL", FN(opt_severity),
	  "set a rule's severity: error, warning, note or off (repeatable)" },
	{ "fail-on", 0, "LEVEL", FN(opt_fail_on),
	  "exit 1 on a finding at or above LEVEL (default: error)" },
	{ "format", 'f', "FMT", FN(opt_format),
	  "text (default), gcc, json, sarif, github, gitlab, checkstyle, junit" },
	{ "output", 'o', "FILE", STR(output),
	  "write the report to FILE, replacing it atomically (-: stdout)" },
	{ "color", 0, "WHEN", FN(opt_color),
	  "colour: auto (default: on a terminal), always or never" },
	{ "jobs", 'j', "N", FN(opt_jobs),
	  "lint N zones at a time, in threads (default 1; 0: one per CPU)" },
	{ "quiet", 'q', NULL, BOOL(quiet),
	  "do not print the summary line on stderr" },
	{ "statistics", 0, NULL, BOOL(statistics),
	  "print the number of findings per rule on stderr" },
	{ "show-suppressed", 0, NULL, BOOL(show_suppressed),
	  "also report findings suppressed in the zone file" },
	{ "config", 0, "FILE", STR(config),
	  "use FILE for every zone (default: the nearest .zonelint.yaml)" },
	{ "no-config", 0, NULL, BOOL(no_config),
	  "read no .zonelint.yaml" },
	{ "stdin-filename", 0, "NAME", STR(stdin_name),
	  "name of '-' in diagnostics and for the origin (default: <stdin>)" },
	{ "list-rules", 0, NULL, ACT(ACT_LIST),
	  "list the rules (id, severity, name, summary) and exit" },
	{ "list-checks", 0, NULL, ACT(ACT_LIST_CHECKS),
	  "list the check primitives for rule authors (text or json) and exit" },
	{ "explain", 0, "ID", FN(opt_explain),
	  "describe one rule (id or name) and exit" },
	{ "check-rules", 0, NULL, ACT(ACT_CHECK_RULES),
	  "only validate the rule files given as PATHs, then exit" },
	{ "version", 'V', NULL, ACT(ACT_VERSION), "print the version and exit" },
	{ "help", 'h', NULL, ACT(ACT_HELP), "print this help and exit" },
};

#define NOPTS (sizeof opts / sizeof opts[0])
#define LONG_ONLY 256		/* getopt_long value of opts[i]: 256 + i */

static void push(const char ***v, size_t *n, const char *s)
{
	*v = zl_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

static void add_list(struct zl_buf *b, const char *ids)
{
	if (b->s)
		zl_buf_addc(b, ',');
	zl_buf_add(b, ids, strlen(ids));
}

/* $INCLUDE stays inside the tree being linted unless widened here
 * (docs/limits.md): a zone from a pull request must not read the CI host.
 * A path that does not exist is refused: a typo must not pass unnoticed. */
static int opt_allow_include(struct cli *c, const char *arg)
{
	struct stat sb;

	if (stat(arg, &sb) != 0) {
		warnx("cannot use allowed include path '%s': %s", arg,
		      strerror(errno));
		return -1;
	}
	push(&c->allow, &c->nallow, arg);
	return 0;
}

static int opt_rules(struct cli *c, const char *arg)
{
	push(&c->rules, &c->nrules, arg);
	return 0;
}

static int opt_select(struct cli *c, const char *arg)
{
	add_list(&c->select, arg);
	return 0;
}

static int opt_ignore(struct cli *c, const char *arg)
{
	add_list(&c->ignore, arg);
	return 0;
}

static int opt_severity(struct cli *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	enum zl_severity sev;

	if (!eq || eq == arg || !zl_severity_parse(eq + 1, &sev)) {
		warnx("--severity wants ID=LEVEL with LEVEL error, warning, "
		      "note or off, not '%s'", arg);
		return -1;
	}
	push(&c->sevs, &c->nsevs, arg);
	return 0;
}

static int opt_fail_on(struct cli *c, const char *arg)
{
	c->fail_never = strcmp(arg, "never") == 0;
	if (c->fail_never)
		return 0;
	if (!zl_severity_parse(arg, &c->fail_on) || c->fail_on == ZL_SEV_OFF) {
		warnx("--fail-on wants error, warning, note or never, not '%s'",
		      arg);
		return -1;
	}
	return 0;
}

static int opt_format(struct cli *c, const char *arg)
{
	if (!zl_format_parse(arg, &c->format)) {
		warnx("unknown format '%s' (text, gcc, json, sarif, github, "
		      "gitlab, checkstyle or junit)", arg);
		return -1;
	}
	return 0;
}

static int opt_jobs(struct cli *c, const char *arg)
{
	char *end;

	errno = 0;
	c->jobs = strtol(arg, &end, 10);
	if (errno || end == arg || *end || c->jobs < 0 || c->jobs > MAX_JOBS) {
		warnx("--jobs wants a number from 0 to %d, not '%s'", MAX_JOBS,
		      arg);
		return -1;
	}
	if (c->jobs == 0) {
		c->jobs = sysconf(_SC_NPROCESSORS_ONLN);
		if (c->jobs < 1 || c->jobs > MAX_JOBS)
			c->jobs = c->jobs < 1 ? 1 : MAX_JOBS;
	}
	return 0;
}

static int opt_color(struct cli *c, const char *arg)
{
	static const char *const modes[] = { "auto", "always", "never" };
	size_t i;

	for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		if (strcmp(arg, modes[i]) == 0) {
			c->color = (enum color_mode)i;
			return 0;
		}
	}
	warnx("--color wants auto, always or never, not '%s'", arg);
	return -1;
}

static int opt_explain(struct cli *c, const char *arg)
{
	c->action = ACT_EXPLAIN;
	c->explain_id = arg;
	return 0;
}

static int apply_opt(struct cli *c, const struct opt *o, const char *arg)
{
	switch (o->kind) {
	case O_BOOL:
		*(bool *)((char *)c + o->off) = true;
		return 0;
	case O_STR:
		*(const char **)((char *)c + o->off) = arg;
		return 0;
	case O_ACTION:
		c->action = o->act;
		return 0;
	case O_FN:
		return o->fn(c, arg);
	}
	return -1;
}

/* Builds getopt_long's tables from opts[]. */
static void getopt_tables(struct option *lo, char *so)
{
	size_t i;

	*so++ = ':';	/* report a missing argument as ':' */
	for (i = 0; i < NOPTS; i++) {
		lo[i].name = opts[i].name;
		lo[i].has_arg = opts[i].arg ? required_argument : no_argument;
		lo[i].flag = NULL;
		lo[i].val = opts[i].short_name ? opts[i].short_name
					       : LONG_ONLY + (int)i;
		if (opts[i].short_name) {
			*so++ = (char)opts[i].short_name;
			if (opts[i].arg)
				*so++ = ':';
		}
	}
	memset(&lo[NOPTS], 0, sizeof lo[NOPTS]);
	*so = '\0';
}

static const struct opt *opt_by_val(int val)
{
	size_t i;

	if (val >= LONG_ONLY && (size_t)(val - LONG_ONLY) < NOPTS)
		return &opts[val - LONG_ONLY];
	for (i = 0; i < NOPTS; i++) {
		if (opts[i].short_name && opts[i].short_name == val)
			return &opts[i];
	}
	return NULL;
}

static int parse_args(struct cli *c, int argc, char **argv)
{
	struct option lo[NOPTS + 1];
	char so[2 * NOPTS + 2];
	const struct opt *o;
	int ch;

	getopt_tables(lo, so);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if (ch == ':' || ch == '?') {
			if (ch == ':')
				warnx("option '%s' needs an argument (try "
				      "'zonelint --help')", argv[optind - 1]);
			else if (optopt && optopt < LONG_ONLY)
				warnx("unknown option '-%c' (try 'zonelint "
				      "--help')", optopt);
			else
				warnx("unknown option '%s' (try 'zonelint "
				      "--help')", argv[optind - 1]);
			return -1;
		}
		if ((o = opt_by_val(ch)) == NULL || apply_opt(c, o, optarg) != 0)
			return -1;
	}
	c->paths = argv + optind;
	c->npaths = (size_t)(argc - optind);
	if (c->config && c->no_config) {
		warnx("--config and --no-config exclude each other");
		return -1;
	}
	if (c->npaths == 0 && (c->action == ACT_LINT ||
			       c->action == ACT_CHECK_RULES)) {
		warnx("no input files (try 'zonelint --help')");
		return -1;
	}
	return 0;
}

static void usage(FILE *out)
{
	char left[64];
	size_t i;

	fputs("usage: zonelint [OPTIONS] PATH...\n"
	      "Lint DNS zone files for mail configuration mistakes.\n\n"
	      "PATH is a zone file, a directory (searched for *.zone, *.db and "
	      "db.*),\nor - for standard input.\n\noptions:\n", out);
	for (i = 0; i < NOPTS; i++) {
		snprintf(left, sizeof left, "--%s%s%s", opts[i].name,
			 opts[i].arg ? " " : "", opts[i].arg ? opts[i].arg : "");
		if (opts[i].short_name)
			fprintf(out, "  -%c, ", opts[i].short_name);
		else
			fputs("      ", out);
		fprintf(out, "%-22s %s\n", left, opts[i].help);
	}
	fputs("\nLEVEL is error, warning, note, or for --fail-on never; "
	      "NO_COLOR set and\nnot empty turns colour off.\n"
	      "exit status: 0 no finding at or above --fail-on, 1 findings, "
	      "2 usage error,\nunreadable input, bad rule or config file, "
	      "internal error.\n", out);
}

static void cli_free(struct cli *c)
{
	free(c->rules);
	free(c->allow);
	free(c->sevs);
	zl_buf_free(&c->select);
	zl_buf_free(&c->ignore);
}

/* ---- small output helpers ---- */

/* Like zl_fputs_escaped, but keeps the line breaks of multi-line rule text. */
static void put_lines(FILE *out, const char *s)
{
	size_t len;

	while (*s) {
		len = strcspn(s, "\n");
		if (len > 0) {
			char *line = zl_xstrndup(s, len);

			zl_fputs_escaped(line, out);
			free(line);
		}
		s += len;
		if (*s == '\n' && *++s)
			fputc('\n', out);
	}
	fputc('\n', out);
}

static void report_failure(const char *file, const char *msg)
{
	zl_fputs_escaped(file, stderr);
	fputs(": error: ", stderr);
	zl_fputs_escaped(msg, stderr);
	fputc('\n', stderr);
}

/* NO_COLOR (https://no-color.org) wins over everything, as documented. */
static bool want_color(enum color_mode m, int fd)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (nc && *nc)
		return false;
	if (m != COLOR_AUTO)
		return m == COLOR_ALWAYS;
	return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}

/* Prints tool errors (rule files, selection) in the text format. */
static void print_errors(const struct cli *c, struct zl_diags *errs)
{
	struct zl_format_opts fo = { want_color(c->color, STDERR_FILENO),
				     false, NULL };

	zl_diags_sort(errs);
	if (zl_format(ZL_FMT_TEXT, errs, &fo, stderr) != ZL_OK)
		warnx("cannot write to stderr");
}

/* ---- directories ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir that pass keep(), sorted so that the run is the same
 * on every file system; hidden names are always skipped.  With nofollow,
 * dir itself must not be a symbolic link.  Returns -1 with errno set when
 * dir cannot be read. */
static int list_dir(const char *dir, bool nofollow,
		    bool (*keep)(const char *name), char ***names, size_t *n)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
		      (nofollow ? O_NOFOLLOW : 0));
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || (keep && !keep(e->d_name)))
			continue;
		zl_xgrow((void **)names, &cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = zl_xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, cmp_str);
	return 0;
}

static void free_names(char **names, size_t n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_yaml_name(const char *name)
{
	return ends_with(name, ".yaml") || ends_with(name, ".yml");
}

static bool is_zone_name(const char *name)
{
	return ends_with(name, ".zone") || ends_with(name, ".db") ||
	       strncmp(name, "db.", 3) == 0;
}

/* ---- rules ---- */

/* The rule files loaded so far, by device and inode: a file named twice
 * (--rules twice, or also inside a --rules directory) is loaded once,
 * instead of clashing with its own ids. */
struct loaded {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
};

/* Loads the rule file path: named by the user (dir NULL), or the file
 * name found in the rules directory dir (then path is dir/name). */
static bool load_rule_file(struct zl_ruleset *rs, const char *dir,
			   const char *name, const char *path,
			   struct loaded *done, struct zl_diags *errs)
{
	struct zl_loc loc = { 0 };
	size_t before = errs->n, i;
	enum zl_status st;
	struct stat sb;

	if (stat(path, &sb) == 0) {
		for (i = 0; i < done->n; i++)
			if (done->v[i].dev == sb.st_dev &&
			    done->v[i].ino == sb.st_ino)
				return true;
		zl_xgrow((void **)&done->v, &done->cap, done->n + 1,
			 sizeof *done->v);
		done->v[done->n].dev = sb.st_dev;
		done->v[done->n++].ino = sb.st_ino;
	}
	st = dir ? zl_ruleset_load_file_in(rs, dir, name, errs) :
	     zl_ruleset_load_file(rs, path, errs);
	if (st != ZL_OK && errs->n == before) {
		/* Make sure every failure is reported, even one the loader
		 * had no position for. */
		loc.file = (char *)path;
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc, "%s",
			     zl_status_str(st));
	}
	return st == ZL_OK;
}

/* Loads a rule file, or every *.yaml file of a directory in name order:
 * those may not lead out of the directory. */
static bool load_rule_path(struct zl_ruleset *rs, const char *path,
			   struct loaded *done, struct zl_diags *errs)
{
	struct zl_loc loc = { 0 };
	struct stat sb;
	char **names, *full;
	size_t n, i;
	bool ok = true;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return load_rule_file(rs, NULL, path, path, done, errs);
	loc.file = (char *)path;
	if (list_dir(path, false, is_yaml_name, &names, &n) != 0) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc,
			     "cannot read the directory: %s", strerror(errno));
		return false;
	}
	if (n == 0) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc,
			     "no *.yaml rule files in this directory");
		ok = false;
	}
	for (i = 0; i < n; i++) {
		full = zl_path_join(path, names[i]);
		ok = load_rule_file(rs, path, names[i], full, done, errs) && ok;
		free(full);
	}
	free_names(names, n);
	return ok;
}

/* Applies --select, --ignore and --severity, in that order. */
static bool tune_rules(const struct cli *c, struct zl_ruleset *rs,
		       struct zl_diags *errs)
{
	enum zl_severity sev;
	bool ok = true;
	char *id;
	size_t i;

	/* An option given as '' is still given: an empty list is an error,
	 * not no selection. */
	if (c->select.s && zl_ruleset_select(rs, c->select.s, errs) != ZL_OK)
		ok = false;
	if (c->ignore.s && zl_ruleset_ignore(rs, c->ignore.s, errs) != ZL_OK)
		ok = false;
	for (i = 0; i < c->nsevs; i++) {
		id = zl_xstrndup(c->sevs[i], strcspn(c->sevs[i], "="));
		/* The level was checked when the option was parsed. */
		if (!zl_severity_parse(strchr(c->sevs[i], '=') + 1, &sev) ||
		    zl_ruleset_set_severity(rs, id, sev, errs) != ZL_OK)
			ok = false;
		free(id);
	}
	return ok;
}

/* Builds the rule set: the built-in packs, each --rules, and for
 * --check-rules the operands, whose rules are counted in *nchecked.
 * Returns NULL after printing every error. */
static struct zl_ruleset *load_rules(const struct cli *c, size_t *nchecked)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct loaded done = { 0 };
	struct zl_diags errs;
	bool ok = true;
	size_t i;

	zl_diags_init(&errs);
	if (!c->no_default_rules && zl_ruleset_load_builtin(rs, &errs) != ZL_OK)
		ok = false;
	for (i = 0; i < c->nrules; i++)
		ok = load_rule_path(rs, c->rules[i], &done, &errs) && ok;
	*nchecked = zl_ruleset_count(rs);
	for (i = 0; c->action == ACT_CHECK_RULES && i < c->npaths; i++)
		ok = load_rule_path(rs, c->paths[i], &done, &errs) && ok;
	*nchecked = zl_ruleset_count(rs) - *nchecked;
	free(done.v);
	/* Selection only makes sense on a rule set that loaded. */
	if (ok && !tune_rules(c, rs, &errs))
		ok = false;
	if (!ok || errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	if (!ok) {
		zl_ruleset_free(rs);
		return NULL;
	}
	return rs;
}

/* ---- --list-rules and --explain ---- */

static int list_rules(const struct zl_ruleset *rs)
{
	struct zl_rule_info ri;
	struct zl_buf b = { 0 };
	int idw = 0, namew = 0;
	size_t i;

	/* Two passes: the columns are as wide as the longest id and name. */
	for (i = 0; zl_ruleset_info(rs, i, &ri); i++) {
		if ((int)strlen(ri.id) > idw)
			idw = (int)strlen(ri.id);
		if (ri.name && (int)strlen(ri.name) > namew)
			namew = (int)strlen(ri.name);
	}
	for (i = 0; zl_ruleset_info(rs, i, &ri); i++) {
		b.len = 0;
		zl_buf_add(&b, "", 0);
		zl_buf_add_escaped(&b, ri.name ? ri.name : "-",
				   strlen(ri.name ? ri.name : "-"));
		printf("%-*s  %-7s  %-*s  ", idw, ri.id,
		       zl_severity_str(ri.severity), namew, b.s);
		zl_fputs_escaped(ri.summary, stdout);
		fputc('\n', stdout);
	}
	zl_buf_free(&b);
	return RC_OK;
}

static void explain_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("  %-12s ", label);
	zl_fputs_escaped(value, stdout);
	fputc('\n', stdout);
}

static int explain(const struct zl_ruleset *rs, const char *id)
{
	struct zl_rule_info ri;
	char *text;
	size_t i;

	if (!zl_ruleset_find(rs, id, &ri)) {
		const char *near = zl_ruleset_nearest(rs, id);

		if (near)
			warnx("no rule '%s'; did you mean '%s'?", id, near);
		else
			warnx("no rule '%s' (see zonelint --list-rules)", id);
		return RC_FAIL;
	}
	printf("%s ", ri.id);
	zl_fputs_escaped(ri.name, stdout);
	fputs(": ", stdout);
	zl_fputs_escaped(ri.summary, stdout);
	fputc('\n', stdout);
	printf("  %-12s %s (default %s)\n", "severity:",
	       zl_severity_str(ri.severity),
	       zl_severity_str(ri.default_severity));
	explain_field("scope:", ri.scope);
	explain_field("check:", ri.check);
	explain_field("defined at:", ri.origin);
	text = zl_rule_tunables(rs, id);
	fputs(text ? text : "", stdout);
	free(text);
	if (ri.description && *ri.description) {
		fputc('\n', stdout);
		put_lines(stdout, ri.description);
	}
	if (ri.help && *ri.help) {
		fputs("\nhelp: ", stdout);
		zl_fputs_escaped(ri.help, stdout);
		fputc('\n', stdout);
	}
	if (ri.nreferences > 0)
		fputs("\nreferences:\n", stdout);
	for (i = 0; i < ri.nreferences; i++) {
		fputs("  - ", stdout);
		zl_fputs_escaped(ri.references[i], stdout);
		fputc('\n', stdout);
	}
	return RC_OK;
}

/* ---- linting ---- */

/* One zone to lint: a file (root: the directory operand it was found
 * in, or NULL) or standard input (path NULL). */
struct job {
	char *path;
	const char *root;
	char *key;		/* path made absolute and normalised */
	bool repeat;		/* an input named by an earlier job */
};

/* The zones are found first, in operand and directory order, then linted
 * by cli->jobs threads that take them in turn.  Each thread collects its
 * findings apart; lint() sorts them all, so the report does not depend
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
	struct zl_configs *cfgs;/* NULL with --no-config */
	struct zl_budget *budget;	/* what all the zones may read */
	struct job *jobs;
	size_t njobs, capjobs, next;
	pthread_mutex_t lock;
};

static void fail(struct run *r, const char *file, const char *msg)
{
	report_failure(file, msg);
	r->nbad++;
}

/* The rule set for one zone: the base, or what its config makes of it.
 * NULL after printing the errors of a config that cannot be used.  Called
 * with r->lock held. */
static const struct zl_ruleset *rules_for(struct run *r, const char *name)
{
	const struct zl_ruleset *rs = r->rs;
	struct zl_diags errs;

	if (!r->cfgs)
		return rs;
	zl_diags_init(&errs);
	if (zl_configs_ruleset(r->cfgs, name, &rs, &errs) != ZL_OK)
		r->bad_config = true;
	if (errs.n > 0)
		print_errors(r->cli, &errs);
	zl_diags_free(&errs);
	return rs;
}

static void lint_zone(struct run *r, const char *name, enum zl_status st,
		      struct zl_zone *z, char *msg, struct zl_diags *out)
{
	const struct zl_ruleset *rs = NULL;

	pthread_mutex_lock(&r->lock);
	if (st != ZL_OK)
		fail(r, name, msg ? msg : zl_status_str(st));
	else if ((rs = rules_for(r, name)) != NULL)
		r->nfiles++;
	pthread_mutex_unlock(&r->lock);
	if (rs)
		zl_lint(rs, z, out);
	/* Each zone is released as soon as it is linted: the diagnostics
	 * hold copies, so memory stays bounded by the largest zones. */
	zl_zone_free(z);
	free(msg);
}

static void lint_file(struct run *r, const struct job *j, struct zl_diags *out)
{
	struct zl_load_opts lo = { .origin = r->cli->origin,
				   .include_root = j->root,
				   .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow,
				   .budget = r->budget };
	struct zl_zone *z = NULL;
	char *msg = NULL;
	enum zl_status st;

	st = zl_zone_load_file(j->path, &lo, &z, &msg);
	lint_zone(r, j->path, st, z, msg, out);
}

static void lint_stdin(struct run *r, struct zl_diags *out)
{
	const char *name = r->cli->stdin_name ? r->cli->stdin_name : "<stdin>";
	struct zl_load_opts lo = { .origin = r->cli->origin, .display = name,
				   .allow_include = r->cli->allow,
				   .nallow_include = r->cli->nallow,
				   .budget = r->budget };
	struct zl_buf b = { 0 };
	struct zl_zone *z = NULL;
	char chunk[65536], *msg = NULL;
	enum zl_status st;
	size_t n;

	while (b.len <= MAX_STDIN &&
	       (n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		zl_buf_add(&b, chunk, n);
	if (ferror(stdin)) {
		st = ZL_ERR_IO;
		msg = zl_xasprintf("cannot read standard input: %s",
				   strerror(errno));
	} else if (b.len > MAX_STDIN) {
		/* Stop reading rather than exhaust memory on endless input. */
		st = ZL_ERR_LIMIT;
		msg = zl_xasprintf("standard input is larger than %u bytes",
				   MAX_STDIN);
	} else {
		st = zl_zone_load_buffer(name, b.s ? b.s : "", b.len, &lo, &z,
					 &msg);
	}
	zl_buf_free(&b);
	lint_zone(r, name, st, z, msg, out);
}

/* A zone to lint: path (NULL: standard input). */
static void add_job(struct run *r, const char *path, const char *root)
{
	struct job *j;

	zl_xgrow((void **)&r->jobs, &r->capjobs, r->njobs + 1, sizeof *r->jobs);
	j = &r->jobs[r->njobs++];
	memset(j, 0, sizeof *j);
	j->path = path ? zl_xstrdup(path) : NULL;
	j->key = path ? zl_path_abs(path) : NULL;
	j->root = root;
}

/* Jobs by the input they name: standard input, then files by their path
 * made absolute and normalised (a path given twice, spelt two ways, or
 * given and also found in a directory).  Two names of one file are two
 * inputs: the name decides the origin. */
static int input_cmp(const struct job *a, const struct job *b)
{
	if (!a->key || !b->key)
		return (a->key != NULL) - (b->key != NULL);
	return strcmp(a->key, b->key);
}

static int job_cmp(const void *pa, const void *pb)
{
	const struct job *a = *(const struct job *const *)pa;
	const struct job *b = *(const struct job *const *)pb;
	int c = input_cmp(a, b);

	return c ? c : (a > b) - (a < b);
}

/* Each input is linted once, however often it was named: the first of
 * its jobs is kept, in the order the jobs were found. */
static void drop_repeats(struct run *r)
{
	struct job **v = zl_xcalloc(r->njobs ? r->njobs : 1, sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < r->njobs; i++)
		v[i] = &r->jobs[i];
	qsort(v, r->njobs, sizeof *v, job_cmp);
	for (i = 1; i < r->njobs; i++)
		v[i]->repeat = input_cmp(v[i - 1], v[i]) == 0;
	free(v);
	for (i = 0; i < r->njobs; i++) {
		if (r->jobs[i].repeat) {
			free(r->jobs[i].path);
			free(r->jobs[i].key);
		} else
			r->jobs[k++] = r->jobs[i];
	}
	r->njobs = k;
}

/* Finds the zone-like files below dir.  They were found through the
 * tree's content, so each is read confined to root, the directory named
 * on the command line, and so are its includes. */
static void find_zones(struct run *r, const char *dir, const char *root,
		       int depth)
{
	struct stat sb;
	char **names, *full;
	size_t n, i;

	if (depth > MAX_DIR_DEPTH) {
		fail(r, dir, "directories nested too deeply");
		return;
	}
	if (list_dir(dir, depth > 0, NULL, &names, &n) != 0) {
		fail(r, dir, strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		full = zl_path_join(dir, names[i]);
		/* lstat: a symbolic link to a directory is not followed, so
		 * a link cycle cannot make the walk loop.  A name that cannot
		 * be looked at (a path longer than PATH_MAX) is an error,
		 * not a zone skipped in silence.  A zone-like name that is
		 * not a directory is a job whatever it is: reading it
		 * decides (a link out of the root, a FIFO are errors). */
		if (lstat(full, &sb) != 0)
			fail(r, full, strerror(errno));
		else if (S_ISDIR(sb.st_mode))
			find_zones(r, full, root, depth + 1);
		else if (is_zone_name(names[i]))
			add_job(r, full, root);
		free(full);
	}
	free_names(names, n);
}

static void find_paths(struct run *r)
{
	const char *path;
	struct stat sb;
	size_t i;

	for (i = 0; i < r->cli->npaths; i++) {
		path = r->cli->paths[i];
		if (strcmp(path, "-") == 0)
			add_job(r, NULL, NULL);
		else if (stat(path, &sb) != 0)
			add_job(r, path, NULL);
		else if (S_ISDIR(sb.st_mode))
			find_zones(r, path, path, 0);
		else
			add_job(r, path, NULL);
	}
	drop_repeats(r);
}

struct worker {
	struct run *r;
	struct zl_diags diags;
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
		if (r->jobs[i].path)
			lint_file(r, &r->jobs[i], &w->diags);
		else
			lint_stdin(r, &w->diags);
	}
}

static void lint_paths(struct run *r)
{
	size_t n = (size_t)r->cli->jobs, i;
	struct worker *w;

	find_paths(r);
	if (n > r->njobs)
		n = r->njobs;
	w = zl_xcalloc(n ? n : 1, sizeof *w);
	for (i = 0; i < n; i++) {
		w[i].r = r;
		zl_diags_init(&w[i].diags);
		/* The calling thread is worker 0; a thread that cannot be
		 * started leaves its share to the others. */
		if (i > 0 && pthread_create(&w[i].thread, NULL, work, &w[i]))
			w[i].r = NULL;
	}
	if (n > 0)
		work(&w[0]);
	for (i = 0; i < n; i++) {
		if (i > 0 && w[i].r)
			pthread_join(w[i].thread, NULL);
		zl_diags_move(&r->diags, &w[i].diags);
	}
	free(w);
	for (i = 0; i < r->njobs; i++) {
		free(r->jobs[i].path);
		free(r->jobs[i].key);
	}
	free(r->jobs);
}

/* ---- the report ---- */

/* The temporary report while it is written, removed by a signal that ends
 * the run (on_signal); only changed with those signals blocked. */
static char *volatile tmp_report;
static const int end_signals[] = { SIGHUP, SIGINT, SIGTERM };

static void on_signal(int sig)
{
	char *p = tmp_report;

	if (p)
		unlink(p);
	/* SA_RESETHAND has restored the default action: once this handler
	 * returns, the run ends by the signal as it would have without. */
	raise(sig);
}

/* Makes on_signal handle the signals that end a run, except those that
 * whoever started zonelint ignores (nohup); *set gets them all. */
static void catch_end_signals(sigset_t *set)
{
	struct sigaction sa, old;
	size_t i, n = sizeof end_signals / sizeof end_signals[0];

	memset(&sa, 0, sizeof sa);
	sigemptyset(set);
	for (i = 0; i < n; i++)
		sigaddset(set, end_signals[i]);
	sa.sa_handler = on_signal;
	sa.sa_mask = *set;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < n; i++)
		if (sigaction(end_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(end_signals[i], &sa, NULL);
}

/* --output replaces a regular file or makes a new one.  Anything else is
 * refused: renaming over a device (as root, /dev/null), a FIFO or a
 * directory would replace it or fail late. */
static bool output_ok(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) != 0 || S_ISREG(sb.st_mode))
		return true;
	warnx("cannot write the report to '%s': not a regular file", path);
	return false;
}

static enum zl_status write_atomic(const struct cli *c,
				   const struct zl_ruleset *rs,
				   const struct zl_diags *d)
{
	struct zl_format_opts fo = { want_color(c->color, -1),
				     c->show_suppressed, rs };
	enum zl_status st = ZL_ERR_IO;
	char *tmp = zl_xasprintf("%s.XXXXXX", c->output);
	sigset_t ends, old;
	mode_t mask;
	FILE *f = NULL;
	int fd, e;

	/* A temporary file in the same directory, renamed over the target
	 * only when complete: readers never see a partial report, and a
	 * signal that ends the run meanwhile removes it. */
	catch_end_signals(&ends);
	pthread_sigmask(SIG_BLOCK, &ends, &old);
	if ((fd = mkstemp(tmp)) >= 0)
		tmp_report = tmp;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (fd < 0)
		goto out;
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || (f = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto out;
	}
	st = zl_format(c->format, d, &fo, f);
	if (st == ZL_OK && fsync(fileno(f)) != 0)
		st = ZL_ERR_IO;
	if (fclose(f) != 0 && st == ZL_OK)
		st = ZL_ERR_IO;
out:
	pthread_sigmask(SIG_BLOCK, &ends, &old);
	if (st == ZL_OK && rename(tmp, c->output) != 0)
		st = ZL_ERR_IO;
	e = errno;
	if (st != ZL_OK && fd >= 0)
		unlink(tmp);
	tmp_report = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (st != ZL_OK) {
		errno = e;
		warn("cannot write '%s'", c->output);
	}
	free(tmp);
	return st;
}

static enum zl_status write_report(const struct cli *c,
				   const struct zl_ruleset *rs,
				   const struct zl_diags *d)
{
	struct zl_format_opts fo = { want_color(c->color, STDOUT_FILENO),
				     c->show_suppressed, rs };

	if (c->output && strcmp(c->output, "-") != 0)
		return write_atomic(c, rs, d);
	/* EPIPE: the reader has gone (a pager quit, `| head`) with what it
	 * wanted; the findings still decide the exit status. */
	if (zl_format(c->format, d, &fo, stdout) != ZL_OK && errno != EPIPE) {
		warn("cannot write the report");
		return ZL_ERR_IO;
	}
	return ZL_OK;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static bool failed(const struct run *r)
{
	return r->nbad || r->bad_config || r->unwritten;
}

/* The counts of the findings and, for a run that failed, why: a failed
 * run must not read like a clean one. */
static void print_summary(const struct run *r)
{
	size_t e = 0, w = 0, n = 0, s = 0, i, k = 0;
	const char *why[3];
	char bad[64];

	for (i = 0; i < r->diags.n; i++) {
		if (r->diags.v[i].suppressed)
			s += r->diags.v[i].count;
		else if (r->diags.v[i].sev == ZL_SEV_ERROR)
			e += r->diags.v[i].count;
		else if (r->diags.v[i].sev == ZL_SEV_WARNING)
			w += r->diags.v[i].count;
		else if (r->diags.v[i].sev == ZL_SEV_NOTE)
			n += r->diags.v[i].count;
	}
	if (r->nbad) {
		snprintf(bad, sizeof bad, "%zu %s could not be linted", r->nbad,
			 plural(r->nbad, "input", "inputs"));
		why[k++] = bad;
	}
	if (r->bad_config)
		why[k++] = "a configuration file could not be used";
	if (r->unwritten)
		why[k++] = "the report could not be written";
	fputs("zonelint: ", stderr);
	for (i = 0; i < k; i++)
		fprintf(stderr, "%s%s", i ? ", " : "run failed: ", why[i]);
	fprintf(stderr, "%s%zu %s, %zu %s, %zu %s", k ? "; " : "", e,
		plural(e, "error", "errors"), w,
		plural(w, "warning", "warnings"), n, plural(n, "note", "notes"));
	if (s > 0)
		fprintf(stderr, " (%zu suppressed)", s);
	fprintf(stderr, " in %zu %s\n", r->nfiles,
		plural(r->nfiles, "file", "files"));
}

struct rule_count {
	const char *id;
	size_t n;
};

static int cmp_count(const void *pa, const void *pb)
{
	const struct rule_count *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->id, b->id);
}

/* --statistics: findings per rule, most frequent first. */
static void print_statistics(const struct zl_diags *d)
{
	struct rule_count *v = zl_xcalloc(d->n, sizeof *v);
	size_t nv = 0, i, j;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed || !d->v[i].id)
			continue;
		for (j = 0; j < nv && strcmp(v[j].id, d->v[i].id) != 0; j++)
			;
		if (j == nv)
			v[nv++].id = d->v[i].id;
		v[j].n += d->v[i].count;
	}
	qsort(v, nv, sizeof *v, cmp_count);
	for (i = 0; i < nv; i++)
		fprintf(stderr, "%7zu  %s\n", v[i].n, v[i].id);
	free(v);
}

/* Command-line selection wins over config files: it is applied again to
 * every rule set a config derives.  It was checked against the base rule
 * set, which has the same rules, so it cannot fail here. */
static void tune_derived(struct zl_ruleset *rs, void *arg)
{
	struct zl_diags errs;

	zl_diags_init(&errs);
	(void)tune_rules(arg, rs, &errs);
	zl_diags_free(&errs);
}

/* --config is loaded before any zone, so that a bad one stops the run like
 * a bad rule file; found configs are loaded as zones need them. */
static bool open_configs(const struct cli *c, const struct zl_ruleset *rs,
			 struct run *r)
{
	struct zl_diags errs;
	bool ok;

	if (c->no_config)
		return true;
	zl_diags_init(&errs);
	ok = zl_configs_new(rs, c->config, &r->cfgs, &errs) == ZL_OK;
	if (errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	if (ok)
		zl_configs_set_tune(r->cfgs, tune_derived, (void *)c);
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
	st = zl_zone_load_buffer("zonelint", "", 0, &lo, &z, &msg);
	zl_zone_free(z);
	if (st != ZL_OK)
		warnx("%s", msg ? msg : zl_status_str(st));
	free(msg);
	return st == ZL_OK;
}

static int lint(const struct cli *c, const struct zl_ruleset *rs)
{
	struct run r = { .cli = c, .rs = rs,
			 .lock = PTHREAD_MUTEX_INITIALIZER };
	int rc;

	if ((c->output && !output_ok(c->output)) || !check_load_opts(c) ||
	    !open_configs(c, rs, &r))
		return RC_FAIL;
	r.budget = zl_budget_new(NULL);
	lint_paths(&r);
	zl_diags_sort(&r.diags);
	zl_diags_limit(&r.diags, ZL_LIMIT_RULE_FINDINGS, ZL_LIMIT_FINDINGS,
		       ZL_LIMIT_REPORT_BYTES);
	r.unwritten = write_report(c, rs, &r.diags) != ZL_OK;
	if (c->statistics)
		print_statistics(&r.diags);
	if (!c->quiet)
		print_summary(&r);
	if (failed(&r))
		rc = RC_FAIL;
	else if (!c->fail_never && zl_diags_count(&r.diags, c->fail_on) > 0)
		rc = RC_FINDINGS;
	else
		rc = RC_OK;
	zl_diags_free(&r.diags);
	zl_configs_free(r.cfgs);
	zl_budget_free(r.budget);
	return rc;
}

static int run_action(const struct cli *c, const struct zl_ruleset *rs,
		      size_t nchecked)
{
	switch (c->action) {
	case ACT_LIST:
		return list_rules(rs);
	case ACT_EXPLAIN:
		return explain(rs, c->explain_id);
	case ACT_LIST_CHECKS: {
		char *text = zl_checks_reference(rs, c->format == ZL_FMT_JSON);

		fputs(text, stdout);
		free(text);
		return RC_OK;
	}
	case ACT_CHECK_RULES:
		if (!c->quiet)
			fprintf(stderr, "zonelint: %zu %s, all valid\n",
				nchecked, plural(nchecked, "rule", "rules"));
		return RC_OK;
	default:
		return lint(c, rs);
	}
}

/* Out of memory is a tool failure like any other (exit 2), never an abort:
 * liblint calls this for every allocation that fails.  Only snprintf(3),
 * write(2) and unlink(2) here, which need no memory.  The report is
 * written last, so nothing partial has reached standard output, and a
 * temporary --output file is removed as a signal would remove it. */
static void out_of_memory(size_t bytes)
{
	char msg[96], *p = tmp_report;
	int n = snprintf(msg, sizeof msg, "zonelint: error: out of memory "
			 "(allocating %zu bytes)\n", bytes);

	if (p)
		unlink(p);
	if (n > 0)
		(void)!write(STDERR_FILENO, msg, (size_t)n);
	_exit(RC_FAIL);
}

/* --help and --version need no rules. */
static int print_about(enum action act)
{
	if (act == ACT_HELP)
		usage(stdout);
	else
		puts("zonelint " ZL_VERSION);
	return RC_OK;
}

int main(int argc, char **argv)
{
	struct cli cli = { .fail_on = ZL_SEV_ERROR, .format = ZL_FMT_TEXT,
			   .jobs = 1 };
	struct zl_ruleset *rs = NULL;
	size_t nchecked = 0;
	int rc;

	zl_set_oom_handler(out_of_memory);
	/* A reader that goes away is an EPIPE on the write, not a death by
	 * SIGPIPE (exit 141). */
	signal(SIGPIPE, SIG_IGN);
	if (parse_args(&cli, argc, argv) != 0)
		rc = RC_FAIL;
	else if (cli.action == ACT_HELP || cli.action == ACT_VERSION)
		rc = print_about(cli.action);
	else if ((rs = load_rules(&cli, &nchecked)) == NULL)
		rc = RC_FAIL;
	else
		rc = run_action(&cli, rs, nchecked);
	if (fflush(stdout) != 0 && errno != EPIPE && rc != RC_FAIL) {
		warn("cannot write to standard output");
		rc = RC_FAIL;
	}
	zl_ruleset_free(rs);
	cli_free(&cli);
	return rc;
}
