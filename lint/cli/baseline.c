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

static enum zl_status write_baseline(FILE *f, const void *d)
{
	return must(zl_baseline_write(d, f));
}

/* Atomically: a run that fails halfway leaves the old baseline in place. */
enum zl_status cli_baseline_write(const struct cli *c,
				  const struct zl_diags *d)
{
	if (cli_write_atomic(c->write_baseline, write_baseline, d) == ZL_OK)
		return ZL_OK;
	cli_warn("cannot write the baseline '%s'", c->write_baseline);
	return ZL_ERR_IO;
}
