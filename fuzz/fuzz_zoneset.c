/* fuzz_zoneset.c - libFuzzer harness: several zones of one input (memfs.h)
 * linted as one zone set with every built-in rule.  The input's zone is
 * example.com.; each of its files named *.zone is another zone, the origin
 * from its name (or its $ORIGIN): every other one loaded and linted, the
 * others context, loaded when a lookup reaches them.  Names that cross
 * from zone to zone (CNAME chains and loops, SPF includes, DMARC walks)
 * are what it is after. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "memfs.h"
#include "zonelint.h"


static bool is_zone(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".zone") == 0;
}

/* Every finding and note points at a line of a file of the input, but
 * the note past ZL_LIMIT_NOTES that says how many more there were. */
static void diags_ok(const struct zl_diags *d)
{
	size_t i, k;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].id && (!d->v[i].loc.file || d->v[i].loc.line == 0))
			abort();
		for (k = 0; k < d->v[i].nnotes && k < ZL_LIMIT_NOTES; k++)
			if (!d->v[i].notes[k].loc.file ||
			    d->v[i].notes[k].loc.line == 0)
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memfs m;
	struct zl_provider p = { memfs_read, &m };
	struct zl_load_opts lo = { .provider = &p }, ctx = { .provider = &p };
	struct zl_zoneset *set = zl_zoneset_new();
	struct zl_lint_opts o = { .set = set };
	const struct zl_zone *linted[MEMFS_MAX + 1];
	struct zl_zone *z;
	struct zl_diags d;
	size_t i, n = 0;
	char *err;

	zl_diags_init(&d);
	memfs_cut(&m, data, size);
	for (i = 0; i <= m.n; i++) {
		const char *name = i ? m.f[i - 1].name : "example.com.zone";

		if (i && !is_zone(name))
			continue;
		if (i % 2 == 0 && i) {
			if (zl_zoneset_add_file(set, name, NULL, &ctx) != ZL_OK)
				abort();
			continue;
		}
		z = NULL;
		err = NULL;
		lo.display = name;
		if (zl_zone_load_buffer(name, i ? m.f[i - 1].text : m.zone,
					i ? m.f[i - 1].len : m.zonelen, &lo,
					&z, &err) == ZL_OK) {
			if (zl_zoneset_add(set, z) != ZL_OK)
				abort();
			linted[n++] = z;
		} else if (!err) {
			abort();	/* every failure comes with a message */
		}
		free(err);
	}
	for (i = 0; i < n; i++)
		if (zl_lint_with(rules, linted[i], &o, &d) != ZL_OK)
			abort();
	diags_ok(&d);
	zl_zoneset_free(set);
	zl_diags_free(&d);
	memfs_free(&m);
	return 0;
}
