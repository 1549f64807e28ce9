/* fuzz_server_zone.c - libFuzzer harness: a server configuration and a zone together, the zone held to what the configuration's server refuses in it and the limits it sets for it (zl_zone_refusal_of, zl_zone_over_limit). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memfs.h"
#include "zonelint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Zones of one configuration that are loaded: the rest only cost time. */
#define MAX_ZONES 4

/* The input is the configuration, a NUL byte (which neither a
 * configuration nor a zone holds as text), then the zone with its files
 * (memfs.h): "options { max-zone-ttl 60; }; zone ...\0$TTL 120\n...".
 * The configuration is served as "conf", and the files after the zone to
 * the includes of both. */
struct input {
	const char *conf;
	size_t conflen;
	struct memfs m;
};

static enum zl_status in_read(void *arg, const struct zl_read *rd,
			      struct zl_file *out, char **err)
{
	const struct input *in = arg;

	if (!rd->root && strcmp(rd->path, "conf") == 0)
		return memfs_serve(in->conf, in->conflen, zl_xstrdup("conf"), rd, out,
				   err);
	return memfs_read((void *)&in->m, rd, out, err);
}

/* A finding stands in a file of the zone, at a line of it. */
static void placed(const struct zl_loc *at)
{
	if (!at->file || at->line == 0 || at->end_line < at->line)
		abort();
}

/* The limits sz sets that z goes over: each finding placed, its message
 * whole, the next one further on, and no more of them than three a
 * record.  Returns how many. */
static size_t over(const struct zl_zone *z, const struct zl_server_zone *sz)
{
	char msg[160];
	struct zl_loc at;
	size_t i, last, n = 0;

	for (i = 0; (last = i, zl_zone_over_limit(z, sz, &i, &at, msg,
						 sizeof msg)); n++) {
		placed(&at);
		if (i <= last || !msg[0] || !memchr(msg, '\0', sizeof msg) ||
		    sz->kind != ZL_SERVER_BIND)
			abort();
	}
	if (n > 3 * zl_zone_record_count(z))
		abort();
	return n;
}

/* Twice the limit v, or none (0) when that is past what a limit can be. */
static uint32_t twice(uint32_t v)
{
	return v > UINT32_MAX / 2 ? 0 : 2 * v;
}

/* Holds z to what the server of sz refuses in it and to the limits sz
 * sets.  A higher limit never finds more (a run of records that take one
 * TTL is above a limit or not as a whole), and no limit finds nothing. */
static void hold(const struct zl_zone *z, const struct zl_server_zone *sz)
{
	struct zl_server_zone more = *sz, none = *sz;
	struct zl_loc at;
	size_t i, last;
	const char *why;

	for (i = 0; (last = i, why = zl_zone_refusal_of(z, sz, &i, &at)); ) {
		placed(&at);
		if (i <= last || !*why)
			abort();
	}
	more.max_ttl = twice(sz->max_ttl);
	more.max_rrset = twice(sz->max_rrset);
	more.max_types = twice(sz->max_types);
	none.max_ttl = none.max_rrset = none.max_types = 0;
	if (over(z, &more) > over(z, sz) || over(z, &none) != 0)
		abort();
}

/* Loads the zone of the input as the server of sz loads sz's file, and
 * holds it to sz. */
static void load_as(struct input *in, const struct zl_provider *p,
		    const struct zl_server_zone *sz)
{
	struct zl_load_opts lo = { .origin = sz->origin, .display = sz->file,
				   .include_dir = sz->include_dir,
				   .include_exact = true, .provider = p };
	struct zl_zone *z = NULL;
	char *err = NULL;

	if (zl_zone_load_buffer(sz->file, in->m.zone, in->m.zonelen, &lo, &z,
				&err) == ZL_OK)
		hold(z, sz);
	else if (!err)	/* every failure comes with a message */
		abort();
	zl_zone_free(z);
	free(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const specs[] = { "named:conf", "knot:conf",
					     "nsd:conf" };
	const uint8_t *nul = memchr(data, '\0', size);
	struct zl_server_opts o = { 0 };
	struct zl_provider p = { in_read, NULL };
	struct zl_server_zones zs;
	struct zl_diags errs;
	struct input in;
	size_t i, j, loaded;

	in.conf = (const char *)data;
	in.conflen = nul ? (size_t)(nul - data) : size;
	memfs_cut(&in.m, nul ? nul + 1 : data + size,
		  nul ? size - in.conflen - 1 : 0);
	p.arg = &in;
	o.provider = &p;
	o.cwd = "";
	for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		memset(&zs, 0, sizeof zs);
		zl_diags_init(&errs);
		/* A configuration with errors still lists the zones it
		 * could read, as zonelint lints them. */
		(void)zl_server_read(specs[i], &o, &zs, &errs);
		for (j = loaded = 0; j < zs.n && loaded < MAX_ZONES; j++) {
			if (zs.v[j].role != ZL_SERVER_PRIMARY || !zs.v[j].file)
				continue;
			load_as(&in, &p, &zs.v[j]);
			loaded++;
		}
		zl_server_zones_free(&zs);
		zl_diags_free(&errs);
	}
	memfs_free(&in.m);
	return 0;
}
