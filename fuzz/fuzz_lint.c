/* fuzz_lint.c - libFuzzer harness: a whole zone file and its $INCLUDEs (memfs.h) through the loader, every built-in rule and every output format. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "builtin.h"
#include "memfs.h"
#include "zonelint.h"


/* Every format name zonelint may know; those this build does not know
 * are skipped, so new formatters are fuzzed as soon as they exist. */
static const char *const formats[] = {
	"text", "gcc", "json", "sarif", "github", "gitlab", "checkstyle",
	"junit",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zl_format_opts fo = { .color = size > 0 && (data[0] & 1),
				     .show_suppressed = true };
	struct memfs m;
	struct zl_provider p = { memfs_read, &m };
	/* The name gives the origin when the text has no $ORIGIN. */
	struct zl_load_opts lo = { .display = "example.com.zone",
				   .provider = &p };
	struct zl_zone *z = NULL;
	struct zl_diags d;
	enum zl_format f;
	char *err = NULL;
	size_t i;

	zl_diags_init(&d);
	memfs_cut(&m, data, size);
	if (zl_zone_load_buffer("example.com.zone", m.zone, m.zonelen, &lo, &z,
				&err) != ZL_OK) {
		if (!err)	/* every failure comes with a message */
			abort();
		goto out;
	}
	zl_lint(rules, z, &d);
	zl_diags_sort(&d);
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (zl_format_parse(formats[i], &f) &&
		    zl_format(f, &d, &fo, sink) != ZL_OK)
			abort();
out:
	memfs_free(&m);
	zl_diags_free(&d);
	zl_zone_free(z);
	free(err);
	return 0;
}
