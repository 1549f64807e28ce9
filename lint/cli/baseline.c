/* baseline.c - --baseline and --write-baseline: the findings a repository
 * already has, hidden so that only new ones fail (docs/config.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

bool cli_baseline_open(const struct cli *c, struct run *r)
{
	struct zl_diags errs;
	bool ok;

	if (!c->baseline)
		return true;
	zl_diags_init(&errs);
	ok = must(zl_baseline_load(NULL, c->baseline, &r->baseline, &errs)) ==
	     ZL_OK;
	if (errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	return ok;
}

void cli_baseline_apply(struct run *r)
{
	/* The baselines the configs name join --baseline's. */
	must(zl_configs_baseline(r->cfgs, &r->baseline));
	must(gitidx_baseline(r->idx, &r->baseline));
	if (r->baseline)
		must(zl_baseline_apply(r->baseline, &r->diags, &r->hidden,
				       &r->stale));
}

/* A temporary file beside the baseline, renamed over it when complete: a
 * run that fails halfway leaves the old baseline in place. */
enum zl_status cli_baseline_write(const struct cli *c,
				  const struct zl_diags *d)
{
	char *tmp = xasprintf("%s.XXXXXX", c->write_baseline);
	enum zl_status st = ZL_ERR_IO;
	FILE *f = NULL;
	mode_t mask;
	int fd, e;

	if ((fd = mkstemp(tmp)) < 0)
		goto out;
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || (f = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto out;
	}
	st = must(zl_baseline_write(d, f));
	if (fclose(f) != 0 && st == ZL_OK)
		st = ZL_ERR_IO;
	if (st == ZL_OK && rename(tmp, c->write_baseline) != 0)
		st = ZL_ERR_IO;
out:
	e = errno;
	if (st != ZL_OK && fd >= 0)
		unlink(tmp);
	if (st != ZL_OK) {
		errno = e;
		cli_warn("cannot write the baseline '%s'", c->write_baseline);
	}
	free(tmp);
	return st;
}
