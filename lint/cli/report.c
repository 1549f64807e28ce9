/* report.c - the report of a run: written to stdout or atomically to
 * --output, then the summary and --statistics on stderr. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file cli_write_atomic is writing, removed by a signal
 * that ends the run (on_signal); only changed with those signals
 * blocked. */
static char *volatile tmp_report;
static const int end_signals[] = { SIGHUP, SIGINT, SIGTERM };

void cli_remove_partial(void)
{
	char *p = tmp_report;

	if (p)
		unlink(p);
}

static void on_signal(int sig)
{
	cli_remove_partial();
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

/* Anything but a regular file is refused: renaming over a device (as
 * root, /dev/null), a FIFO or a directory would replace it or fail late.
 * A link at path is replaced, but one on the way to its directory would be
 * followed: when path is written as lying in the current directory's
 * repository, a pull request may have turned reports/ into a link to a
 * directory of the CI host, and the file would be made there. */
bool cli_output_ok(const char *what, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *why;
	struct stat sb;

	if (slash && slash != path) {
		dir = xstrndup(path, (size_t)(slash - path));
		why = named_refused(dir);
		free(dir);
		if (why) {
			cli_warnx("cannot write the %s to '%s': %s", what,
				  path, why);
			free(why);
			return false;
		}
	}
	if (stat(path, &sb) != 0 || S_ISREG(sb.st_mode))
		return true;
	cli_warnx("cannot write the %s to '%s': not a regular file", what,
		  path);
	return false;
}

enum zl_status cli_write_atomic(const char *path, cli_writer *write,
			       const void *arg)
{
	enum zl_status st = ZL_ERR_IO;
	char *tmp = xasprintf("%s.XXXXXX", path);
	sigset_t ends, old;
	mode_t mask;
	FILE *f = NULL;
	int fd, e;

	/* A temporary file in the same directory, renamed over the target
	 * only when complete: readers never see a partial file, a signal
	 * that ends the run meanwhile removes it, and a link at path (one
	 * the tree may hold, leading anywhere) is replaced, never followed. */
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
	st = write(f, arg);
	if (st == ZL_OK && fsync(fileno(f)) != 0)
		st = ZL_ERR_IO;
	if (fclose(f) != 0 && st == ZL_OK)
		st = ZL_ERR_IO;
out:
	pthread_sigmask(SIG_BLOCK, &ends, &old);
	if (st == ZL_OK && rename(tmp, path) != 0)
		st = ZL_ERR_IO;
	e = errno;
	if (st != ZL_OK && fd >= 0)
		unlink(tmp);
	tmp_report = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	free(tmp);
	return st;
}

struct report {
	const struct cli *c;
	const struct zl_ruleset *rs;
	const struct zl_diags *d;
};

static enum zl_status write_report(FILE *f, const void *arg)
{
	const struct report *r = arg;
	struct zl_format_opts fo = { want_color(r->c->color, -1),
				     r->c->show_suppressed, r->rs };

	return must(zl_format(r->c->format, r->d, &fo, f));
}

enum zl_status cli_write_report(const struct cli *c,
				   const struct zl_ruleset *rs,
				   const struct zl_diags *d)
{
	struct zl_format_opts fo = { want_color(c->color, STDOUT_FILENO),
				     c->show_suppressed, rs };

	struct report r = { c, rs, d };

	if (c->output && strcmp(c->output, "-") != 0) {
		if (cli_write_atomic(c->output, write_report, &r) == ZL_OK)
			return ZL_OK;
		cli_warn("cannot write '%s'", c->output);
		return ZL_ERR_IO;
	}
	/* EPIPE: the reader has gone (a pager quit, `| head`) with what it
	 * wanted; the findings still decide the exit status. */
	if (must(zl_format(c->format, d, &fo, stdout)) != ZL_OK &&
	    errno != EPIPE) {
		cli_warn("cannot write the report");
		return ZL_ERR_IO;
	}
	return ZL_OK;
}

/* The counts of the findings and, for a run that failed, why: a failed
 * run must not read like a clean one. */
void cli_print_summary(const struct run *r)
{
	size_t e = 0, w = 0, n = 0, s = 0, i, k = 0;
	const char *why[4];
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
	if (r->bad_names)
		why[k++] = "a rule named on the command line is in no rule set";
	if (r->unwritten)
		why[k++] = "the report could not be written";
	fputs("zonelint: ", stderr);
	for (i = 0; i < k; i++)
		fprintf(stderr, "%s%s", i ? ", " : "run failed: ", why[i]);
	fprintf(stderr, "%s%zu %s, %zu %s, %zu %s", k ? "; " : "", e,
		plural(e, "error", "errors"), w,
		plural(w, "warning", "warnings"), n, plural(n, "note", "notes"));
	k = 0;
	if (s > 0)
		fprintf(stderr, "%s%zu suppressed", k++ ? ", " : " (", s);
	if (r->cli->write_baseline)
		fprintf(stderr, "%srecorded in the baseline",
			k++ ? ", " : " (");
	if (r->baseline)
		fprintf(stderr, "%s%zu hidden by the baseline, %zu stale %s",
			k++ ? ", " : " (", r->hidden, r->stale,
			plural(r->stale, "entry", "entries"));
	if (k > 0)
		fputc(')', stderr);
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
void cli_print_statistics(const struct zl_diags *d)
{
	struct rule_count *v = xcalloc(d->n, sizeof *v);
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
