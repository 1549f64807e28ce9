/* fuzz_server.c - libFuzzer harness: one input read as a BIND, a Knot and an NSD configuration, its includes served from memory (fuzz/memfs.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memfs.h"
#include "server.h"
#include "zonelint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The configuration is the input up to its first ";;; NAME" file, served
 * as "conf"; the files after it are what it may include. */
static enum zl_status conf_read(void *arg, const struct zl_read *rd,
				struct zl_file *out, char **err)
{
	const struct memfs *m = arg;

	if (!rd->root && strcmp(rd->path, "conf") == 0)
		return memfs_serve(m->zone, m->zonelen, zl_xstrdup("conf"), rd, out,
				   err);
	return memfs_read(arg, rd, out, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const specs[] = { "named:conf", "knot:conf",
					     "nsd:conf" };
	struct zl_server_opts o = { 0 };
	struct zl_provider p = { conf_read, NULL };
	struct zl_server_zones z;
	struct zl_diags errs;
	struct memfs m;
	enum zl_status st;
	size_t i, j, n;

	memfs_cut(&m, data, size);
	p.arg = &m;
	o.provider = &p;
	o.cwd = "";
	for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		memset(&z, 0, sizeof z);
		zl_diags_init(&errs);
		st = zl_server_read(specs[i], &o, &z, &errs);
		/* A refused configuration always says why, and every zone
		 * listed has an absolute name and a place. */
		if (st != ZL_OK && errs.n == 0)
			abort();
		for (j = 0; j < z.n; j++) {
			n = strlen(z.v[j].origin);
			if (n == 0 || z.v[j].origin[n - 1] != '.' ||
			    !z.v[j].conf || z.v[j].line == 0)
				abort();
		}
		zl_server_zones_free(&z);
		zl_diags_free(&errs);
	}
	memfs_free(&m);
	return 0;
}
