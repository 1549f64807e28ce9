/* testutil.c - helpers shared by the unit suites that lint small zones. */
#include <check.h>
#include <string.h>

#include "testutil.h"

void tu_lint(const char *text, const char *only, struct zl_diags *d)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zone *z = NULL;
	struct zl_load_opts opts = { .display = "t.zone" };
	char *err = NULL;

	zl_diags_init(d);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, d), ZL_OK);
	ck_assert_int_eq(zl_ruleset_select(rs, only, d), ZL_OK);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	zl_lint(rs, z, d);
	zl_diags_sort(d);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}

void tu_at(const struct zl_diags *d, size_t i, const char *id, unsigned line,
	   unsigned col, unsigned end_line, unsigned end_col)
{
	ck_assert_uint_gt(d->n, i);
	ck_assert_str_eq(d->v[i].id, id);
	ck_assert_uint_eq(d->v[i].loc.line, line);
	ck_assert_uint_eq(d->v[i].loc.col, col);
	if (end_line)
		ck_assert_uint_eq(d->v[i].loc.end_line, end_line);
	if (end_col)
		ck_assert_uint_eq(d->v[i].loc.end_col, end_col);
}
