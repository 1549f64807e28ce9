/* server.c - --server-config: the zones a BIND named.conf, Knot knot.conf
 * or NSD nsd.conf loads become zones of the run, each with the origin and
 * the file path the server gives it (docs/servers.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* A line of a zone file longer than this is not looked at for
 * directives: the loader refuses it anyway. */
#define MAX_LINE 65536

static void note_skipped(const struct zl_server_zone *z)
{
	fprintf(stderr, "zonelint: %s:%u:%u: note: %s zone %s%s%s skipped: "
		"%s\n", z->conf, (unsigned)z->line, (unsigned)z->col,
		z->role == ZL_SERVER_BINARY ? "primary" : "secondary",
		z->origin, z->view ? " in view " : "", z->view ? z->view : "",
		z->role == ZL_SERVER_BINARY ? "its file is in a binary "
		"format (masterfile-format), which zonelint does not read" :
		"its data comes from a primary");
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
		j->server = zl_server_kind_name(z->kind);
		j->include_dir = z->include_dir ? xstrdup(z->include_dir) :
				 NULL;
		j->conf_root = xstrdup(root);
		j->root = j->conf_root;
	}
	free(root);
}

void cli_find_server_zones(struct run *r)
{
	struct zl_server_zones zs;
	struct zl_diags errs;
	enum zl_status st;
	size_t i;

	for (i = 0; i < r->cli->nservers; i++) {
		memset(&zs, 0, sizeof zs);
		zl_diags_init(&errs);
		st = must(zl_server_read(r->cli->servers[i], NULL, &zs,
					 &errs));
		if (st != ZL_OK)
			r->bad_config = true;
		if (errs.n > 0)
			print_errors(r->cli, &errs);
		add_zones(r, r->cli->servers[i], &zs);
		zl_diags_free(&errs);
		zl_server_zones_free(&zs);
	}
}

/* Knot (zonefile-load) and NSD refuse a zone file holding $GENERATE;
 * BIND expands it. */
static bool refuses_generate(const char *server)
{
	return strcmp(server, "knot") == 0 || strcmp(server, "nsd") == 0;
}

static void check_file(struct job *j, const char *path)
{
	struct zl_loc loc = { 0 };
	char *line;
	size_t len;
	uint32_t no = 0;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return;		/* the loader read it: gone since */
	line = xmalloc(MAX_LINE);
	while (fgets(line, MAX_LINE, f)) {
		no++;
		len = strcspn(line, "\r\n");
		if (len < 9 || strncasecmp(line, "$GENERATE", 9) != 0 ||
		    (len > 9 && line[9] != ' ' && line[9] != '\t'))
			continue;
		loc.file = (char *)path;
		loc.line = loc.end_line = no;
		loc.col = 1;
		loc.end_col = 10;
		loc.text = line;
		loc.text_len = len;
		if (!zl_diags_add(&j->diags, NULL, ZL_SEV_ERROR, &loc,
				  "$GENERATE is not supported by %s: it "
				  "refuses to load the zone %s", j->server,
				  j->origin))
			cli_out_of_memory();
	}
	free(line);
	fclose(f);
}

/* Whether zone z's source i names a file an earlier source names: a file
 * included twice is looked at once. */
static bool seen(const struct zl_zone *z, size_t i)
{
	const char *src = zl_zone_source(z, i);
	size_t k;

	for (k = 0; k < i; k++)
		if (strcmp(zl_zone_source(z, k), src) == 0)
			return true;
	return false;
}

void cli_check_server_directives(struct job *j, const struct zl_zone *z)
{
	const char *src;
	size_t i;

	if (!refuses_generate(j->server))
		return;
	for (i = 0; (src = zl_zone_source(z, i)) != NULL; i++)
		if (!seen(z, i))
			check_file(j, src);
}
