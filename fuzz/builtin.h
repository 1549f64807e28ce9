/* builtin.h - for the harnesses that lint with the built-in rule packs: the
 * packs, loaded once by LLVMFuzzerInitialize, and a stream for the
 * formatters to write to.  Included by one harness's one file. */
#ifndef FUZZ_BUILTIN_H
#define FUZZ_BUILTIN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "zonelint.h"

/* The built-in rule set; aborts when it does not load (then the build is
 * broken, whatever the input). */
static inline struct zl_ruleset *builtin_rules(void)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	if (zl_ruleset_load_builtin(rs, &errs) != ZL_OK)
		abort();
	zl_diags_free(&errs);
	return rs;
}

/* /dev/null, opened once. */
static inline FILE *null_sink(void)
{
	FILE *f = fopen("/dev/null", "w");

	if (!f)
		abort();
	return f;
}

/* What every input is linted with. */
static struct zl_ruleset *rules;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	rules = builtin_rules();
	sink = null_sink();
	return 0;
}

#endif
