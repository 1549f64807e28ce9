/* server.c - --server-config: the zones a BIND named.conf, Knot knot.conf
 * or NSD nsd.conf loads become zones of the run, each with the origin and
 * the file path the server gives it (docs/servers.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static void note_skipped(const struct zl_server_zone *z)
{
	bool secondary = z->role == ZL_SERVER_SECONDARY;

	cli_warnx("%s:%u:%u: note: %s zone %s%s%s skipped: %s", z->conf,
		  (unsigned)z->line, (unsigned)z->col,
		  secondary ? "secondary" : "primary", z->origin,
		  z->view ? " in view " : "", z->view ? z->view : "",
		  secondary ? "its data comes from a primary" :
		  z->role == ZL_SERVER_BINARY ? "its file is in a binary "
		  "format (masterfile-format), which zonelint does not read" :
		  z->role == ZL_SERVER_UNLOADED ? "the server does not load "
		  "its file (zonefile-load: none, or a catalog zone it "
		  "generates)" :
		  "the configuration gives it no zone file");
}

/* The directory of the configuration file path, as the reader confines
 * its includes to: "." when path names none. */
static char *conf_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") :
	       xasprintf("%.*s", (int)(slash - path), path);
}

/* The zones of zs, read from the configuration spec: each zone file is
 * read confined to the configuration's directory, as its includes are,
 * widened only by --allow-include (a configuration in a pull request
 * cannot make zonelint read the system's files as zones). */
static void add_zones(struct run *r, const char *spec,
		  const struct zl_server_zones *zs)
{
	const struct zl_server_zone *z;
	const char *path;
	struct job *j;
	char *root;
	size_t i;

	(void)zl_server_prefix(spec, &path);
	root = conf_dir(path);

	for (i = 0; i < zs->n; i++) {
		z = &zs->v[i];
		if (z->role != ZL_SERVER_PRIMARY || !z->file) {
			note_skipped(z);
			continue;
		}
		j = add_job(r, z->file, NULL);
		j->origin = xstrdup(z->origin);
		j->decl = xasprintf("%s:%u:%u", z->conf, (unsigned)z->line,
				    (unsigned)z->col);
		j->servers = 1u << z->kind;
		j->served_unsigned = z->signs ? 0 : 1u << (z->kind - 1);
		j->serial_own = z->serial_own ? j->servers : 0;
		j->check_names = z->kind == ZL_SERVER_BIND && z->check_names;
		j->names_checked = z->kind == ZL_SERVER_BIND &&
				   z->names_checked;
		if (z->kind == ZL_SERVER_BIND) {
			j->max_ttl = z->max_ttl;
			j->max_ttl_policy = z->max_ttl_policy;
			j->max_rrset = z->max_rrset;
			j->max_types = z->max_types;
		}
		j->include_dir = z->include_dir ? xstrdup(z->include_dir) :
				 NULL;
		j->conf_root = xstrdup(root);
		j->root = j->conf_root;
	}
	free(root);
}

void cli_find_server_zones(struct run *r)
{
	/* A configuration's includes are widened as its zone files are: a
	 * checkout's named.conf may include /etc/bind/named.conf.options. */
	const struct zl_server_opts o = { .allow_include = r->cli->allow,
					  .nallow_include = r->cli->nallow };
	struct zl_server_zones zs;
	struct zl_diags errs;
	enum zl_status st;
	size_t i;

	for (i = 0; i < r->cli->nservers; i++) {
		memset(&zs, 0, sizeof zs);
		zl_diags_init(&errs);
		st = must(zl_server_read(r->cli->servers[i], &o, &zs, &errs));
		if (st != ZL_OK)
			r->bad_config = true;
		if (errs.n > 0)
			print_errors(r->cli, &errs);
		add_zones(r, r->cli->servers[i], &zs);
		zl_diags_free(&errs);
		zl_server_zones_free(&zs);
	}
}


static int loc_cmp(const void *pa, const void *pb)
{
	const struct zl_loc *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* What the server of kind refuses in z, as errors of j. */
static void server_refusals(struct job *j, const struct zl_zone *z,
			    enum zl_server_kind kind)
{
	const struct zl_server_zone sz = {
		.kind = kind, .check_names = j->check_names,
		.names_checked = j->names_checked, .max_ttl = j->max_ttl,
		.max_ttl_policy = j->max_ttl_policy,
		.max_rrset = j->max_rrset, .max_types = j->max_types
	};
	const char *server = zl_server_kind_name(kind), *msg;
	struct zl_loc *v = NULL, at;
	size_t i, n = 0, cap = 0;
	char over[160];

	/* Knot (zonefile-load) and NSD refuse a zone file holding
	 * $GENERATE, which BIND expands: the loader's own record of the
	 * directives, each where it stands however the lines around it
	 * run; once each, though its file is included twice. */
	for (i = 0; kind != ZL_SERVER_BIND && zl_zone_source(z, i); i++) {
		xgrow((void **)&v, &cap, n + 1, sizeof *v);
		n += zl_zone_generated(z, i, &v[n]);
	}
	if (n)
		qsort(v, n, sizeof *v, loc_cmp);
	for (i = 0; i < n; i++)
		if ((i == 0 || loc_cmp(&v[i - 1], &v[i]) != 0) &&
		    !zl_diags_add(&j->diags, NULL, ZL_SEV_ERROR, &v[i],
				  "$GENERATE is not supported by %s: it "
				  "refuses to load the zone %s", server,
				  j->origin))
			cli_out_of_memory();
	/* What else it refuses, which the other servers read: an error
	 * where ZONE012 and its kin warn (the first $GENERATE is said). */
	for (i = 0; (msg = zl_zone_refusal_of(z, &sz, &i, &at)); )
		if ((!n || !bsearch(&at, v, n, sizeof *v, loc_cmp)) &&
		    !zl_diags_add(&j->diags, NULL, ZL_SEV_ERROR, &at,
				  "%s refuses to load the zone %s: %s",
				  server, j->origin, msg))
			cli_out_of_memory();
	/* and the limits its configuration sets (BIND's max-zone-ttl,
	 * max-records-per-type, max-types-per-name) */
	for (i = 0; zl_zone_over_limit(z, &sz, &i, &at, over, sizeof over); )
		if (!zl_diags_add(&j->diags, NULL, ZL_SEV_ERROR, &at,
				  "%s refuses to load the zone %s: %s",
				  server, j->origin, over))
			cli_out_of_memory();
	free(v);
}

void cli_check_server_refusals(struct job *j, const struct zl_zone *z)
{
	static const enum zl_server_kind kinds[] = {
		ZL_SERVER_BIND, ZL_SERVER_KNOT, ZL_SERVER_NSD
	};
	size_t k;

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (j->servers & 1u << kinds[k])
			server_refusals(j, z, kinds[k]);
}
