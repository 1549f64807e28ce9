/* lint_set.c - lint several zones with libzonelint as one zone set, so that
 * a name one zone refers to is looked up in the zone that holds it, and
 * print their findings with the notes that point into other zones.
 *
 *   cc lint_set.c $(pkg-config --cflags --libs zonelint) -o lint_set
 *   ./lint_set example.org.zone example.net.zone
 *
 * Exit status: 0 no error-level finding, 1 findings, 2 failure. */
#include <stdio.h>
#include <stdlib.h>

#include <zonelint/zonelint.h>

int main(int argc, char **argv)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zoneset *set = zl_zoneset_new();
	struct zl_lint_opts o = { .set = set };
	struct zl_zone **zones = calloc(argc > 1 ? (size_t)argc : 1,
					sizeof *zones);
	struct zl_diags out;
	enum zl_status st = ZL_OK;
	char *msg = NULL;
	int i, n = 0, rc = 2;
	size_t k, j;

	zl_diags_init(&out);
	if (!rs || !set || !zones || zl_ruleset_load_builtin(rs, &out) != ZL_OK)
		goto done;
	/* Every zone is loaded, and added to the set, before any is linted. */
	for (i = 1; i < argc; i++) {
		struct zl_zone *z = NULL;

		if ((st = zl_zone_load_file(argv[i], NULL, &z, &msg)) != ZL_OK) {
			fprintf(stderr, "lint_set: %s: %s\n", argv[i],
				msg ? msg : zl_status_str(st));
			free(msg);
			goto done;
		}
		zones[n++] = z;
		if ((st = zl_zoneset_add(set, z)) != ZL_OK)
			goto done;
	}
	for (i = 0; i < n; i++)
		if ((st = zl_lint_with(rs, zones[i], &o, &out)) != ZL_OK)
			goto done;
	zl_diags_sort(&out);
	for (k = 0; k < out.n; k++) {
		const struct zl_diag *d = &out.v[k];

		if (d->suppressed)
			continue;
		printf("%s:%u:%u: %s: %s [%s]\n", d->loc.file,
		       (unsigned)d->loc.line, (unsigned)d->loc.col,
		       zl_severity_str(d->sev), d->message, d->id ? d->id : "-");
		for (j = 0; j < d->nnotes; j++)
			printf("%s:%u:%u: note: %s\n", d->notes[j].loc.file,
			       (unsigned)d->notes[j].loc.line,
			       (unsigned)d->notes[j].loc.col,
			       d->notes[j].message);
	}
	rc = zl_diags_count(&out, ZL_SEV_ERROR) > 0;
done:
	if (st != ZL_OK && rc == 2 && !msg)
		fprintf(stderr, "lint_set: %s\n", zl_status_str(st));
	zl_diags_free(&out);
	zl_zoneset_free(set);	/* and the zones it holds */
	free(zones);
	zl_ruleset_free(rs);
	return rc;
}
