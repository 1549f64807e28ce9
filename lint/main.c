/* main.c - the zonelint command: parse the options, load the rules, run
 * the action.  The parts are in lint/cli/ (cli.h); the library is used
 * through its public header only. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "zonelint.h"

static int run_action(const struct cli *c, struct zl_ruleset *rs,
		      size_t nchecked)
{
	switch (c->action) {
	case ACT_LIST:
		return cli_list_rules(rs);
	case ACT_EXPLAIN:
		return cli_explain(rs, c->explain_id);
	case ACT_LIST_CHECKS:
		return cli_list_checks(rs, c->format == ZL_FMT_JSON);
	case ACT_CHECK_RULES:
		if (!c->quiet)
			fprintf(stderr, "zonelint: %zu %s, all valid\n",
				nchecked, plural(nchecked, "rule", "rules"));
		return RC_OK;
	default:
		return cli_lint(c, rs);
	}
}

/* --help and --version need no rules. */
static int print_about(enum action act)
{
	if (act == ACT_HELP)
		cli_usage(stdout);
	else
		puts("zonelint " ZL_VERSION);
	return RC_OK;
}

int main(int argc, char **argv)
{
	struct cli cli = { .fail_on = ZL_SEV_ERROR, .format = ZL_FMT_TEXT,
			   .jobs = 0, .axfr_timeout = 10,
			   .axfr_max_bytes = 256u << 20 };
	struct zl_ruleset *rs = NULL;
	size_t nchecked = 0;
	int rc;

	/* A reader that goes away is an EPIPE on the write, not a death by
	 * SIGPIPE (exit 141). */
	signal(SIGPIPE, SIG_IGN);
	if (cli_parse(&cli, argc, argv) != 0)
		rc = RC_FAIL;
	else if (cli.action == ACT_HELP || cli.action == ACT_VERSION)
		rc = print_about(cli.action);
	else {
		/* A config's packs may hold the rules the options name. */
		if (cli.action == ACT_LINT && !cli.no_config)
			cli_names_defer(&cli);
		rs = cli_load_rules(&cli, &nchecked);
		rc = rs ? run_action(&cli, rs, nchecked) : RC_FAIL;
	}
	if (fflush(stdout) != 0 && errno != EPIPE && rc != RC_FAIL) {
		cli_warn("cannot write to standard output");
		rc = RC_FAIL;
	}
	zl_ruleset_free(rs);
	cli_names_free(&cli);
	cli_free(&cli);
	return rc;
}
