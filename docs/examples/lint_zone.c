/* lint_zone.c - lint one zone with libzonelint and print its findings.
 *
 *   cc lint_zone.c $(pkg-config --cflags --libs zonelint) -o lint_zone
 *   ./lint_zone example.com.zone      a zone file
 *   ./lint_zone                       a small zone held in memory
 *
 * Exit status: 0 no error-level finding, 1 findings, 2 failure. */
#include <stdio.h>
#include <stdlib.h>

#include <zonelint/zonelint.h>

static const char zone[] =
	"$ORIGIN example.com.\n"
	"$TTL 3600\n"
	"@    IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
	"@    IN NS  ns1\n"
	"ns1  IN A   192.0.2.1\n"
	"@    IN MX  10 mail.example.com\n"
	"@    IN TXT \"v=spf1 mx -all\"\n";

/* Prints a failure with its message (or the status's), returns 2. */
static int failure(const char *what, enum zl_status st, char *msg)
{
	fprintf(stderr, "lint_zone: %s: %s\n", what,
		msg ? msg : zl_status_str(st));
	free(msg);
	return 2;
}

int main(int argc, char **argv)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zone *z = NULL;
	struct zl_diags errs, out;
	enum zl_status st;
	char *msg = NULL;
	size_t i;
	int rc;

	zl_diags_init(&errs);
	zl_diags_init(&out);
	if (!rs)
		return failure("rules", ZL_ERR_NOMEM, NULL);
	/* The rule packs compiled into the library. */
	st = zl_ruleset_load_builtin(rs, &errs);
	if (st != ZL_OK) {
		zl_diags_free(&errs);
		zl_ruleset_free(rs);
		return failure("rules", st, NULL);
	}
	if (argc > 1)
		st = zl_zone_load_file(argv[1], NULL, &z, &msg);
	else
		st = zl_zone_load_buffer("example.com.zone", zone,
					 sizeof zone - 1, NULL, &z, &msg);
	if (st == ZL_OK)
		st = zl_lint(rs, z, &out);
	if (st != ZL_OK) {
		rc = failure(argc > 1 ? argv[1] : "zone", st, msg);
	} else {
		zl_diags_sort(&out);
		/* FILE:LINE:COL: SEVERITY: MESSAGE [ID], as zonelint -f gcc;
		 * messages are escaped already. */
		for (i = 0; i < out.n; i++) {
			const struct zl_diag *d = &out.v[i];

			if (d->suppressed)
				continue;
			printf("%s:%u:%u: %s: %s [%s]\n",
			       d->loc.file ? d->loc.file : "-",
			       (unsigned)d->loc.line, (unsigned)d->loc.col,
			       zl_severity_str(d->sev), d->message,
			       d->id ? d->id : "-");
		}
		rc = zl_diags_count(&out, ZL_SEV_ERROR) > 0;
	}
	zl_diags_free(&out);
	zl_diags_free(&errs);
	zl_zone_free(z);
	zl_ruleset_free(rs);
	return rc;
}
