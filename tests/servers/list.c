/* list.c - prints the zones a server configuration declares, one a line, and its errors as FILE:LINE:COL: error: MESSAGE (tests/servers.sh).
 *
 * usage: list [-r ROOT] [-C DIR] [named:|knot:|nsd:]FILE
 * A line: KIND ROLE ORIGIN FILE VIEW CONF:LINE:COL, '-' for what is not
 * there.  Exit status: 0, 1 (errors in the configuration), 2 (unreadable,
 * kind unknown, bad usage). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "server.h"
#include "util.h"

static void field(const char *s)
{
	if (s)
		zl_fputs_escaped(s, stdout);
	else
		fputs("-", stdout);
}

int main(int argc, char **argv)
{
	struct zl_server_opts o = { 0 };
	struct zl_server_zones z = { 0 };
	struct zl_diags errs;
	enum zl_status st;
	size_t i;
	int c;

	while ((c = getopt(argc, argv, "r:C:")) != -1) {
		if (c == 'r')
			o.root = optarg;
		else if (c == 'C')
			o.cwd = optarg;
		else
			return 2;
	}
	if (optind != argc - 1) {
		fputs("usage: list [-r ROOT] [-C DIR] [KIND:]FILE\n", stderr);
		return 2;
	}
	zl_diags_init(&errs);
	st = zl_server_read(argv[optind], &o, &z, &errs);
	for (i = 0; i < z.n; i++) {
		printf("%s %s ", zl_server_kind_name(z.v[i].kind),
		       z.v[i].role == ZL_SERVER_PRIMARY ? "primary" :
		       z.v[i].role == ZL_SERVER_BINARY ? "binary" :
		       z.v[i].role == ZL_SERVER_UNLOADED ? "unloaded" :
		       "secondary");
		field(z.v[i].origin);
		putchar(' ');
		field(z.v[i].file);
		putchar(' ');
		field(z.v[i].view);
		putchar(' ');
		field(z.v[i].conf);
		printf(":%u:%u\n", z.v[i].line, z.v[i].col);
	}
	for (i = 0; i < errs.n; i++) {
		if (errs.v[i].loc.file) {
			zl_fputs_escaped(errs.v[i].loc.file, stderr);
			fprintf(stderr, ":%u:%u: ", errs.v[i].loc.line,
				errs.v[i].loc.col);
		}
		fputs("error: ", stderr);
		zl_fputs_escaped(errs.v[i].message, stderr);
		fputc('\n', stderr);
	}
	zl_diags_free(&errs);
	zl_server_zones_free(&z);
	return st == ZL_OK ? 0 : st == ZL_ERR_CONFIG ? 1 : 2;
}
