/* options.c - zonelint's options: one table drives getopt_long, --help and
 * the parsing of each option's argument. */
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define MAX_JOBS 256
#define MAX_AXFR_TIMEOUT 3600		/* seconds */
#define MAX_AXFR_BYTES (4LL << 30)	/* the loader's limit on zone text */

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
/* --summary[=text|markdown]: an optional argument, given with '='. */
static int opt_summary(struct cli *c, const char *arg)
{
	c->summary = true;
	if (!arg || zl_summary_format_parse(arg, &c->summary_fmt))
		return 0;
	cli_warnx("--summary wants text or markdown, not '%s'", arg);
	return -1;
}

static int opt_explain(struct cli *c, const char *arg);
static int opt_jobs(struct cli *c, const char *arg);
static int opt_server_config(struct cli *c, const char *arg);
static int opt_axfr_timeout(struct cli *c, const char *arg);
static int opt_axfr_max_bytes(struct cli *c, const char *arg);
static int opt_summary(struct cli *c, const char *arg);

#define BOOL(f) O_BOOL, offsetof(struct cli, f), ACT_LINT, NULL
#define STR(f) O_STR, offsetof(struct cli, f), ACT_LINT, NULL
#define ACT(a) O_ACTION, 0, a, NULL
#define FN(f) O_FN, 0, ACT_LINT, f

static const struct opt opts[] = {
	{ "origin", 0, "NAME", STR(origin),
	  "the zones' origin, over a $ORIGIN in the file (default: its first "
	  "$ORIGIN, else the file name, else a first SOA record's owner)" },
	{ "server-config", 0, "SPEC", FN(opt_server_config),
	  "lint the zones a BIND, Knot or NSD configuration loads (repeatable)" },
	{ "tsig-key", 0, "FILE", STR(tsig_key),
	  "sign axfr:// transfers with the key in FILE (BIND key file)" },
	{ "axfr-timeout", 0, "SECONDS", FN(opt_axfr_timeout),
	  "wait at most SECONDS to connect and for data (default 10)" },
	{ "axfr-max-bytes", 0, "N", FN(opt_axfr_max_bytes),
	  "refuse a transfer of more than N bytes (default 268435456)" },
	{ "allow-include", 0, "PATH", FN(opt_allow_include),
	  "let $INCLUDE and configuration includes also read PATH, a file or "
	  "directory tree (repeatable)" },
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
	  "lint N zones at a time, in threads, or one large zone's rules "
	  "(default and 0: one per CPU)" },
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
	{ "no-context", 0, NULL, BOOL(no_context),
	  "resolve names only in the zones given, not in the repository's "
	  "other zones" },
	{ "baseline", 0, "FILE", STR(baseline),
	  "hide the findings recorded in FILE (see --write-baseline)" },
	{ "write-baseline", 0, "FILE", STR(write_baseline),
	  "record the findings in FILE as a baseline and exit 0" },
	{ "from-index", 0, NULL, BOOL(from_index),
	  "read zones, their includes and .zonelint.yaml as staged in git" },
	{ "since", 0, "REV", STR(since),
	  "compare each zone with its version in git REV (SOA serial)" },
	{ "summary", 0, "[=FMT]", FN(opt_summary),
	  "say per mail domain what the change does to mail: text or markdown" },
	{ "summary-file", 0, "FILE", STR(summary_file),
	  "write the --summary to FILE instead of stderr" },
	{ "stdin-filename", 0, "NAME", STR(stdin_name),
	  "name of '-' in diagnostics and for the origin (default: <stdin>)" },
	{ "list-checks", 0, NULL, ACT(ACT_LIST_CHECKS),
	  "list the check primitives for rule authors (text or json) and exit" },
	{ "list-rules", 0, NULL, ACT(ACT_LIST),
	  "list the rules (id, severity, name, summary) and exit" },
	{ "explain", 0, "ID", FN(opt_explain),
	  "describe one rule (id or name) and exit" },
	{ "check-rules", 0, NULL, ACT(ACT_CHECK_RULES),
	  "only validate the rule files given as PATHs, then exit" },
	{ "version", 'V', NULL, ACT(ACT_VERSION), "print the version and exit" },
	{ "help", 'h', NULL, ACT(ACT_HELP), "print this help and exit" },
};

#define NOPTS (sizeof opts / sizeof opts[0])

/* SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/)
 * stands for the current time where zonelint suggests a date: the next
 * SOA serial.  A value that is not a decimal count of seconds is an error,
 * as the specification asks. */
static int source_date(struct cli *c)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (!s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v <= 0 || v > 253402300799LL) {
		cli_warnx("SOURCE_DATE_EPOCH must be a number of seconds since "
		          "1970, not '%s'", s);
		return -1;
	}
	c->now = (int64_t)v;
	return 0;
}
#define LONG_ONLY 256		/* getopt_long value of opts[i]: 256 + i */

static void push(const char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

/* Joins the lists of a repeated option with commas. */
static void add_list(char **list, const char *ids)
{
	char *s = *list ? xasprintf("%s,%s", *list, ids) : xstrdup(ids);

	free(*list);
	*list = s;
}

/* --server-config FILE, named:FILE, knot:FILE or nsd:FILE: read by
 * cli_lint, whose errors are the configuration's own at their place. */
static int opt_server_config(struct cli *c, const char *arg)
{
	push(&c->servers, &c->nservers, arg);
	return 0;
}

/* $INCLUDE stays inside the tree being linted unless widened here
 * (docs/limits.md): a zone from a pull request must not read the CI host.
 * A path that does not exist is refused: a typo must not pass unnoticed. */
static int opt_allow_include(struct cli *c, const char *arg)
{
	struct stat sb;

	if (stat(arg, &sb) != 0) {
		cli_warnx("cannot use allowed include path '%s': %s", arg,
		          ERRSTR(errno));
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
		cli_warnx("--severity wants ID=LEVEL with LEVEL error, "
			  "warning, note or off, not '%s'", arg);
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
		cli_warnx("--fail-on wants error, warning, note or never, "
			  "not '%s'", arg);
		return -1;
	}
	return 0;
}

static int opt_format(struct cli *c, const char *arg)
{
	if (!zl_format_parse(arg, &c->format)) {
		cli_warnx("unknown format '%s' (text, gcc, json, sarif, "
			  "github, gitlab, checkstyle or junit)", arg);
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
		cli_warnx("--jobs wants a number from 0 to %d, not '%s'",
			  MAX_JOBS, arg);
		return -1;
	}
	return 0;
}

/* A whole number from 1 to max, or -1 after saying what --name wants. */
static long long number(const char *name, const char *arg, long long max)
{
	long long n;
	char *end;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || n < 1 || n > max) {
		cli_warnx("--%s wants a number from 1 to %lld, not '%s'", name,
		          max, arg);
		return -1;
	}
	return n;
}

static int opt_axfr_timeout(struct cli *c, const char *arg)
{
	c->axfr_timeout = (long)number("axfr-timeout", arg, MAX_AXFR_TIMEOUT);
	return c->axfr_timeout < 0 ? -1 : 0;
}

static int opt_axfr_max_bytes(struct cli *c, const char *arg)
{
	long long n = number("axfr-max-bytes", arg, MAX_AXFR_BYTES);

	c->axfr_max_bytes = n < 0 ? 0 : (size_t)n;
	return n < 0 ? -1 : 0;
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
	cli_warnx("--color wants auto, always or never, not '%s'", arg);
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
		lo[i].has_arg = !opts[i].arg ? no_argument :
				opts[i].arg[0] == '[' ? optional_argument :
				required_argument;
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

/* Whether the file or directory path, named by an option as what, may be
 * read (named_refused); says why not. */
static bool named_ok(const char *what, const char *path)
{
	char *why = path ? named_refused(path) : NULL;

	if (!why)
		return true;
	cli_warnx("error: cannot read %s '%s': %s", what, path, why);
	free(why);
	return false;
}

/* The files and directories options name that lie in the current
 * directory's repository are read from there as the tree's own files
 * are: a pull request may have turned any of them into a link out of it
 * (docs/limits.md, "Files, links and confinement").  The operands are
 * judged each in its turn (run.c). */
static bool named_files_ok(const struct cli *c)
{
	const char *path;
	bool ok = named_ok("config file", c->config) &&
		  named_ok("baseline", c->baseline);
	size_t i;

	for (i = 0; ok && i < c->nrules; i++)
		ok = named_ok("rule file", c->rules[i]);
	for (i = 0; ok && i < c->nservers; i++) {
		(void)zl_server_prefix(c->servers[i], &path);
		ok = named_ok("server configuration", path);
	}
	for (i = 0; ok && i < c->nallow; i++)
		ok = named_ok("allowed include path", c->allow[i]);
	return ok;
}

int cli_parse(struct cli *c, int argc, char **argv)
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
				cli_warnx("option '%s' needs an argument "
					  "(try 'zonelint --help')",
					  argv[optind - 1]);
			else if (optopt && optopt < LONG_ONLY)
				cli_warnx("unknown option '-%c' (try 'zonelint "
				          "--help')", optopt);
			else
				cli_warnx("unknown option '%s' (try 'zonelint "
				          "--help')", argv[optind - 1]);
			return -1;
		}
		if ((o = opt_by_val(ch)) == NULL || apply_opt(c, o, optarg) != 0)
			return -1;
	}
	c->paths = argv + optind;
	c->npaths = (size_t)(argc - optind);
	if (c->jobs == 0) {	/* one per CPU */
		c->jobs = sysconf(_SC_NPROCESSORS_ONLN);
		if (c->jobs < 1 || c->jobs > MAX_JOBS)
			c->jobs = c->jobs < 1 ? 1 : MAX_JOBS;
	}
	if (c->config && c->no_config) {
		cli_warnx("--config and --no-config exclude each other");
		return -1;
	}
	for (size_t i = 0; c->from_index && i < c->npaths; i++) {
		if (strcmp(c->paths[i], "-") == 0) {
			cli_warnx("--from-index reads staged files, not "
			          "standard input");
			return -1;
		}
	}
	if (source_date(c) != 0)
		return -1;
	if (c->since && (!*c->since || *c->since == '-')) {
		cli_warnx("--since wants a git revision, not '%s'", c->since);
		return -1;
	}
	if ((c->summary || c->summary_file) && !c->since && !c->from_index) {
		cli_warnx("--summary compares each zone with its base: give "
		          "--since REV (or --from-index, whose base is HEAD)");
		return -1;
	}
	if (c->summary_file) {
		struct stat sb;

		/* never a FIFO or a device, which could block the run */
		if (stat(c->summary_file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			cli_warnx("cannot write the summary to '%s': not a "
				  "regular file", c->summary_file);
			return -1;
		}
		c->summary = true;
	}
	if (c->nservers > 0 && c->from_index) {
		cli_warnx("--server-config reads files, not what git stages");
		return -1;
	}
	if (c->npaths == 0 && c->nservers == 0 && (c->action == ACT_LINT ||
			       c->action == ACT_CHECK_RULES)) {
		cli_warnx("no input files (try 'zonelint --help')");
		return -1;
	}
	return named_files_ok(c) ? 0 : -1;
}

void cli_usage(FILE *out)
{
	char left[64];
	size_t i;

	fputs("usage: zonelint [OPTIONS] PATH...\n"
	      "Lint DNS zone files for mail configuration mistakes.\n\n"
	      "PATH is a zone file, a directory (searched for *.zone, *.db and "
	      "db.*),\n- for standard input, or axfr://HOST[:PORT]/ZONE for "
	      "what a server serves.\n\noptions:\n", out);
	for (i = 0; i < NOPTS; i++) {
		snprintf(left, sizeof left, "--%s%s%s", opts[i].name,
			 opts[i].arg && opts[i].arg[0] != '[' ? " " : "",
			 opts[i].arg ? opts[i].arg : "");
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

void cli_free(struct cli *c)
{
	free(c->rules);
	free(c->allow);
	free(c->servers);
	free(c->sevs);
	free(c->select);
	free(c->ignore);
}
