/* fuzz_change.c - libFuzzer harness: two versions of a zone (the base, a
 * line "%%", the current one) through the rules that compare them and the
 * mail-impact summary in both formats. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "zonelint.h"


/* Loads text[0..len) as example.com.zone: NULL when it does not load (a
 * zone added or deleted). */
static struct zl_zone *load(const char *text, size_t len)
{
	struct zl_load_opts lo = { .display = "example.com.zone" };
	struct zl_zone *z = NULL;
	char *err = NULL;

	if (zl_zone_load_buffer("example.com.zone", text, len, &lo, &z,
				&err) != ZL_OK) {
		if (!err)	/* every failure comes with a message */
			abort();
		z = NULL;
	}
	free(err);
	return z;
}

/* The first line "%%" of d[0..size), or NULL. */
static const char *cut_at(const char *d, size_t size)
{
	size_t i;

	for (i = 0; i + 3 <= size; i++)
		if ((i == 0 || d[i - 1] == '\n') && memcmp(d + i, "%%\n", 3) == 0)
			return d + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data;
	const char *cut = cut_at(d, size);
	size_t blen = cut ? (size_t)(cut - d) : size / 2;
	size_t rest = cut ? blen + 3 : blen;
	struct zl_zone *b = load(d, blen), *c = load(d + rest, size - rest);
	struct zl_lint_opts o = { .base = b };
	struct zl_diags dg;
	char *s = NULL;

	zl_diags_init(&dg);
	if (c && zl_lint_with(rules, c, &o, &dg) != ZL_OK)
		abort();
	if (zl_summary(b, c, NULL, ZL_SUMMARY_TEXT, "t", &s) != ZL_OK || !s)
		abort();
	free(s);
	if (zl_summary(b, c, NULL, ZL_SUMMARY_MARKDOWN, "t", &s) != ZL_OK || !s)
		abort();
	free(s);
	zl_diags_free(&dg);
	zl_zone_free(b);
	zl_zone_free(c);
	return 0;
}
