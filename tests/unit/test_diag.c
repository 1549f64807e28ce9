/* test_diag.c - unit tests for status names, severities and diagnostics. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util.h"
#include "zonelint.h"

START_TEST(test_status_str)
{
	ck_assert_str_eq(zl_status_str(ZL_OK), "success");
	ck_assert_str_eq(zl_status_str(ZL_ERR_IO), "cannot read input");
	ck_assert_str_eq(zl_status_str(ZL_ERR_INTERNAL), "internal error");
	ck_assert_str_eq(zl_status_str((enum zl_status)999), "unknown status");
}
END_TEST

START_TEST(test_severity_str)
{
	ck_assert_str_eq(zl_severity_str(ZL_SEV_OFF), "off");
	ck_assert_str_eq(zl_severity_str(ZL_SEV_NOTE), "note");
	ck_assert_str_eq(zl_severity_str(ZL_SEV_WARNING), "warning");
	ck_assert_str_eq(zl_severity_str(ZL_SEV_ERROR), "error");
}
END_TEST

START_TEST(test_severity_parse)
{
	enum zl_severity sev = ZL_SEV_OFF;

	ck_assert(zl_severity_parse("warning", &sev));
	ck_assert_int_eq(sev, ZL_SEV_WARNING);
	ck_assert(zl_severity_parse("ERROR", &sev));
	ck_assert_int_eq(sev, ZL_SEV_ERROR);
	ck_assert(zl_severity_parse("off", &sev));
	ck_assert_int_eq(sev, ZL_SEV_OFF);
	ck_assert(zl_severity_parse("note", &sev));
	ck_assert_int_eq(sev, ZL_SEV_NOTE);
	ck_assert(!zl_severity_parse("fatal", &sev));
	ck_assert(!zl_severity_parse("", &sev));
	ck_assert(!zl_severity_parse(NULL, &sev));
	ck_assert_int_eq(sev, ZL_SEV_NOTE);
}
END_TEST

START_TEST(test_diags_add)
{
	/* The source line is not NUL-terminated: it points into a buffer. */
	static const char src[] = "mx IN MX 10 a.example.\nnext line";
	struct zl_loc loc = { (char *)"z.zone", 3, 10, 3, 12, src, 22 };
	struct zl_diags d;
	struct zl_diag *dg;

	zl_diags_init(&d);
	dg = zl_diags_add(&d, "MX001", ZL_SEV_ERROR, &loc, "bad '%s' %d",
			  "x\033[31my", 7);
	ck_assert_ptr_nonnull(dg);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(dg->id, "MX001");
	ck_assert_str_eq(dg->message, "bad 'x\\027[31my' 7");
	ck_assert_ptr_ne(dg->loc.file, loc.file);
	ck_assert_str_eq(dg->loc.file, "z.zone");
	ck_assert_ptr_ne(dg->loc.text, src);
	ck_assert_str_eq(dg->loc.text, "mx IN MX 10 a.example.");
	ck_assert_uint_eq(dg->loc.text_len, 22);
	ck_assert_uint_eq(dg->loc.line, 3);
	ck_assert_uint_eq(dg->loc.end_col, 12);
	ck_assert_ptr_null(dg->name);
	ck_assert_ptr_null(dg->help);
	ck_assert(!dg->suppressed);

	dg = zl_diags_add(&d, NULL, ZL_SEV_WARNING, NULL, "no place");
	ck_assert_ptr_null(dg->id);
	ck_assert_ptr_null(dg->loc.file);
	ck_assert_ptr_null(dg->loc.text);
	ck_assert_uint_eq(dg->loc.line, 0);
	ck_assert_str_eq(dg->message, "no place");

	dg = zl_diags_add(&d, NULL, ZL_SEV_NOTE, NULL, "%s", "");
	ck_assert_str_eq(dg->message, "");
	ck_assert_uint_eq(d.n, 3);
	zl_diags_free(&d);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_ptr_null(d.v);
	zl_diags_free(&d);
	zl_diags_free(NULL);
}
END_TEST

START_TEST(test_diags_grow)
{
	struct zl_diags d;
	size_t i;

	zl_diags_init(&d);
	for (i = 0; i < 1000; i++)
		zl_diags_add(&d, "A001", ZL_SEV_NOTE, NULL, "n%zu", i);
	ck_assert_uint_eq(d.n, 1000);
	ck_assert_str_eq(d.v[999].message, "n999");
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_diag_note)
{
	struct zl_loc loc = { (char *)"a.zone", 9, 1, 9, 5, "mail IN CNAME x.", 16 };
	struct zl_diags d;
	struct zl_diag *dg;

	zl_diags_init(&d);
	dg = zl_diags_add(&d, "MX002", ZL_SEV_ERROR, NULL, "m");
	zl_diag_note(dg, &loc, "the CNAME is here");
	zl_diag_note(dg, NULL, "bell\a");
	ck_assert_uint_eq(dg->nnotes, 2);
	ck_assert_str_eq(dg->notes[0].message, "the CNAME is here");
	ck_assert_str_eq(dg->notes[0].loc.file, "a.zone");
	ck_assert_str_eq(dg->notes[0].loc.text, "mail IN CNAME x.");
	ck_assert_uint_eq(dg->notes[0].loc.col, 1);
	ck_assert_ptr_null(dg->notes[1].loc.file);
	ck_assert_str_eq(dg->notes[1].message, "bell\\007");
	zl_diags_free(&d);
}
END_TEST

/* The diagnostics of a list that show the same line share one copy. */
START_TEST(test_diags_share_line)
{
	static const char src[] = "a IN TXT \"x\" \"x\" \"x\"\nb IN A 1";
	struct zl_loc l1 = { (char *)"z.zone", 1, 10, 1, 13, src, 20 };
	struct zl_loc l2 = { (char *)"z.zone", 2, 1, 2, 2, src + 21, 8 };
	struct zl_diags d;
	struct zl_diag *dg;

	zl_diags_init(&d);
	zl_diags_add(&d, "A001", ZL_SEV_ERROR, &l1, "one");
	dg = zl_diags_add(&d, "A002", ZL_SEV_ERROR, &l1, "two");
	l1.col = 14;
	zl_diag_note(dg, &l1, "here");
	zl_diags_add(&d, "A003", ZL_SEV_ERROR, &l2, "three");
	ck_assert_ptr_eq(d.v[0].loc.text, d.v[1].loc.text);
	ck_assert_ptr_eq(d.v[1].notes[0].loc.text, d.v[1].loc.text);
	ck_assert_ptr_ne(d.v[2].loc.text, d.v[1].loc.text);
	ck_assert_str_eq(d.v[0].loc.text, "a IN TXT \"x\" \"x\" \"x\"");
	ck_assert_str_eq(d.v[2].loc.text, "b IN A 1");
	zl_diags_free(&d);
}
END_TEST

/* A finding shows ZL_LIMIT_NOTES notes, then says that there are more. */
START_TEST(test_diag_notes_limit)
{
	struct zl_diags d;
	struct zl_diag *dg;
	int i;

	zl_diags_init(&d);
	dg = zl_diags_add(&d, "A001", ZL_SEV_ERROR, NULL, "m");
	for (i = 0; i < 100; i++)
		zl_diag_note(dg, NULL, "other record here");
	ck_assert_uint_eq(dg->nnotes, ZL_LIMIT_NOTES + 1);
	ck_assert_str_eq(dg->notes[ZL_LIMIT_NOTES - 1].message,
			 "other record here");
	ck_assert_str_eq(dg->notes[ZL_LIMIT_NOTES].message,
			 "more notes not shown (at most 16 per finding)");
	zl_diags_free(&d);
}
END_TEST

static void add_at(struct zl_diags *d, const char *file, uint32_t line,
		   uint32_t col, const char *id, const char *msg)
{
	struct zl_loc loc = { (char *)file, line, col, line, col + 1, NULL, 0 };

	zl_diags_add(d, id, ZL_SEV_ERROR, file ? &loc : NULL, "%s", msg);
}

START_TEST(test_diags_sort)
{
	static const char *const want[] = {
		"tool", "b-rule", "a1", "a2", "a3", "a4", "a5", "b1",
	};
	struct zl_diags d;
	size_t i;

	zl_diags_init(&d);
	add_at(&d, "b.zone", 1, 1, "X001", "b1");
	add_at(&d, "a.zone", 2, 1, "X001", "a5");
	add_at(&d, "a.zone", 1, 10, "X001", "a4");
	add_at(&d, "a.zone", 1, 2, "X002", "a3");
	add_at(&d, "a.zone", 1, 2, "X001", "a2");
	add_at(&d, "a.zone", 1, 2, NULL, "b-rule");
	add_at(&d, NULL, 0, 0, NULL, "tool");
	add_at(&d, "a.zone", 1, 2, "X001", "a1");
	zl_diags_sort(&d);
	ck_assert_uint_eq(d.n, 8);
	for (i = 0; i < d.n; i++)
		ck_assert_str_eq(d.v[i].message, want[i]);
	zl_diags_free(&d);

	zl_diags_init(&d);
	zl_diags_sort(&d);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_diags_count)
{
	struct zl_diags d;

	zl_diags_init(&d);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_NOTE), 0);
	zl_diags_add(&d, "A001", ZL_SEV_ERROR, NULL, "e");
	zl_diags_add(&d, "A002", ZL_SEV_WARNING, NULL, "w");
	zl_diags_add(&d, "A003", ZL_SEV_NOTE, NULL, "n");
	zl_diags_add(&d, "A004", ZL_SEV_ERROR, NULL, "s")->suppressed = true;
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_ERROR), 1);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_WARNING), 2);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_NOTE), 3);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_OFF), 3);
	zl_diags_free(&d);
}
END_TEST

/* What a report shows: per rule, in all and by size, in sort order; the
 * rest in one summary per rule (and severity) at the first left out, which
 * also takes in the engine's own summaries. */
START_TEST(test_diags_limit)
{
	struct zl_diags d;
	struct zl_diag *dg;
	int i;

	zl_diags_init(&d);
	for (i = 1; i <= 5; i++)
		add_at(&d, "a.zone", (uint32_t)i, 1, "A001", "a");
	for (i = 1; i <= 3; i++)
		add_at(&d, "b.zone", (uint32_t)i, 1, "B001", "b");
	add_at(&d, "b.zone", 9, 1, "B001", "b");
	dg = &d.v[d.n - 1];
	dg->summary = true;
	dg->count = 40;
	add_at(&d, NULL, 0, 0, NULL, "tool error");
	zl_diags_sort(&d);
	zl_diags_limit(&d, 2, 3, 1 << 20);
	ck_assert_uint_eq(d.n, 6);
	ck_assert_ptr_null(d.v[0].id);
	ck_assert_uint_eq(d.v[1].loc.line, 1);
	ck_assert_uint_eq(d.v[2].loc.line, 2);
	dg = &d.v[3];
	ck_assert_str_eq(dg->loc.file, "a.zone");
	ck_assert_uint_eq(dg->loc.line, 3);
	ck_assert_str_eq(dg->message, "3 more findings of A001 not shown (at "
			 "most 2 per rule)");
	ck_assert_uint_eq(dg->count, 3);
	ck_assert(dg->summary);
	ck_assert_str_eq(d.v[4].id, "B001");
	ck_assert_uint_eq(d.v[4].loc.line, 1);
	dg = &d.v[5];
	ck_assert_uint_eq(dg->loc.line, 2);
	ck_assert_str_eq(dg->message, "42 more findings of B001 not shown (at "
			 "most 2 per rule, at most 3 in all)");
	ck_assert_uint_eq(dg->count, 42);
	zl_diags_free(&d);

	/* By size: the second finding does not fit. */
	add_at(&d, "a.zone", 1, 1, "A001", "a");
	add_at(&d, "a.zone", 2, 1, "A001", "a");
	zl_diags_limit(&d, 10, 10, 100);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.v[1].message, "1 more findings of A001 not shown (at "
			 "most about 100 bytes of report)");
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_diags_remove)
{
	static const bool drop[] = { true, false, true };
	struct zl_diags d;

	zl_diags_init(&d);
	zl_diags_add(&d, "A001", ZL_SEV_ERROR, NULL, "kept before");
	zl_diags_add(&d, "A002", ZL_SEV_ERROR, NULL, "dropped");
	zl_diag_note(&d.v[1], NULL, "its note goes too");
	zl_diags_add(&d, "A003", ZL_SEV_NOTE, NULL, "kept");
	zl_diags_add(&d, "A004", ZL_SEV_WARNING, NULL, "dropped");
	zl_diags_remove(&d, 1, drop);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.v[0].id, "A001");
	ck_assert_str_eq(d.v[1].id, "A003");
	zl_diags_free(&d);
}
END_TEST

Suite *diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	tcase_add_test(tc, test_status_str);
	tcase_add_test(tc, test_severity_str);
	tcase_add_test(tc, test_severity_parse);
	tcase_add_test(tc, test_diags_add);
	tcase_add_test(tc, test_diags_grow);
	tcase_add_test(tc, test_diag_note);
	tcase_add_test(tc, test_diags_share_line);
	tcase_add_test(tc, test_diag_notes_limit);
	tcase_add_test(tc, test_diags_limit);
	tcase_add_test(tc, test_diags_sort);
	tcase_add_test(tc, test_diags_count);
	tcase_add_test(tc, test_diags_remove);
	suite_add_tcase(s, tc);
	return s;
}
