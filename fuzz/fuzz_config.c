/* fuzz_config.c - libFuzzer harness: a .zonelint.yaml through the config
 * loader, then the rule sets it derives from the built-in rules (which no
 * config changes). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "builtin.h"
#include "zonelint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"example.com.zone", "zones/db.example.org",
		"zones/mail/example.net.zone", "../outside.zone",
	};
	struct zl_format_opts fo = { 0 };
	struct zl_config *cf = NULL;
	struct zl_diags errs;
	enum zl_status st;
	size_t i;

	zl_diags_init(&errs);
	st = zl_config_load_buffer(".zonelint.yaml", NULL, (const char *)data,
				   size, rules, &cf, &errs);
	/* A refused config always says why. */
	if (st != ZL_OK && errs.n == 0)
		abort();
	if (zl_format(ZL_FMT_TEXT, &errs, &fo, sink) != ZL_OK)
		abort();
	for (i = 0; st == ZL_OK && i < sizeof paths / sizeof paths[0]; i++)
		if (zl_config_ruleset(cf, paths[i]) == NULL)
			abort();
	zl_config_free(cf);
	zl_diags_free(&errs);
	return 0;
}
