/* test_suppress.c - unit tests for `; zonelint: disable…` comments and the SUP rules. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "testutil.h"

/* TU_HEAD is lines 1-5; these zones add their records from line 6. */
#define ADDR "@ IN MX 10 192.0.2.7"	/* an MX001 finding at column 12 */

/* Number of findings with id, and how many of them are suppressed. */
static size_t count(const struct zl_diags *d, const char *id, size_t *supp)
{
	size_t i, n = 0;

	*supp = 0;
	for (i = 0; i < d->n; i++) {
		if (strcmp(d->v[i].id, id) != 0)
			continue;
		n++;
		*supp += d->v[i].suppressed;
	}
	return n;
}

/* Lints text with MX001 and the SUP rules; asserts the MX001 findings
 * (all, suppressed) and the number of findings of each SUP rule. */
static void check(const char *text, size_t mx, size_t mx_supp, size_t sup1,
		  size_t sup2, size_t sup3)
{
	struct zl_diags d;
	size_t s;

	tu_lint(text, "MX001,SUP", &d);
	ck_assert_uint_eq(count(&d, "MX001", &s), mx);
	ck_assert_uint_eq(s, mx_supp);
	ck_assert_uint_eq(count(&d, "SUP001", &s), sup1);
	ck_assert_uint_eq(s, 0);
	ck_assert_uint_eq(count(&d, "SUP002", &s), sup2);
	ck_assert_uint_eq(count(&d, "SUP003", &s), sup3);
	zl_diags_free(&d);
}

START_TEST(test_disable_line)
{
	check(TU_HEAD ADDR " ; zonelint: disable=MX001 -- legacy\n"
	      ADDR "\n", 2, 1, 0, 0, 0);
	/* Any case, by name, several ids, blanks around '=' and ','. */
	check(TU_HEAD ADDR " ;zonelint: disable = mx001\n", 1, 1, 0, 0, 0);
	check(TU_HEAD ADDR " ; zonelint: disable=MX002 , "
	      "mx-target-is-address\n", 1, 1, 0, 0, 0);
	/* Another comment may follow the ids after a ';'. */
	check(TU_HEAD ADDR " ; zonelint: disable=MX001 ; old host\n",
	      1, 1, 0, 0, 0);
	/* CRLF line ends. */
	check(TU_HEAD ADDR " ; zonelint: disable=MX001\r\n", 1, 1, 0, 0, 0);
}
END_TEST

START_TEST(test_multiline)
{
	/* The comment on the first line covers the finding on the second,
	 * and the other way round. */
	check(TU_HEAD "@ IN MX ( ; zonelint: disable=MX001\n"
	      "  10 192.0.2.7 )\n", 1, 1, 0, 0, 0);
	check(TU_HEAD "@ IN MX (\n  10 192.0.2.7\n"
	      " ) ; zonelint: disable=MX001\n" ADDR "\n", 2, 1, 0, 0, 0);
}
END_TEST

START_TEST(test_disable_next)
{
	check(TU_HEAD "; zonelint: disable-next=MX001\n" ADDR "\n" ADDR "\n",
	      2, 1, 0, 0, 0);
	/* Only the very next line. */
	check(TU_HEAD "; zonelint: disable-next=MX001\n\n" ADDR "\n",
	      1, 0, 1, 0, 0);
	/* The next record as a whole. */
	check(TU_HEAD "; zonelint: disable-next=MX001\n"
	      "@ IN MX ( 10\n 192.0.2.7 )\n", 1, 1, 0, 0, 0);
	/* On the last line it covers nothing. */
	check(TU_HEAD ADDR "\n; zonelint: disable-next=MX001", 1, 0, 1, 0, 0);
}
END_TEST

START_TEST(test_disable_file)
{
	check(TU_HEAD ADDR "\n" ADDR "\n; zonelint: disable-file=MX001\n",
	      2, 2, 0, 0, 0);
}
END_TEST

START_TEST(test_quotes)
{
	/* The ';' inside quotes is data, and so is \; outside them. */
	check(TU_HEAD "@ IN TXT \"a; zonelint: disable-file=MX001\"\n" ADDR
	      "\n", 1, 0, 0, 0, 0);
	check(TU_HEAD "@ IN TXT \"a\\\"; zonelint: disable-file=MX001\"\n"
	      ADDR "\n", 1, 0, 0, 0, 0);
	check(TU_HEAD "@ IN TXT a\\;zonelint:disable-file=MX001\n" ADDR "\n",
	      1, 0, 0, 0, 0);
	check(TU_HEAD "@ IN TXT \"v=DMARC1; p=none\" ; zonelint: "
	      "disable-file=MX001\n" ADDR "\n", 1, 1, 0, 0, 0);
}
END_TEST

START_TEST(test_sup_rules)
{
	struct zl_diags d;

	/* Unused, unknown and malformed, at the offending text. */
	tu_lint(TU_HEAD "ns1 IN A 192.0.2.9 ; zonelint: disable=MX001,MX02\n"
		"; zonelint: disabel=MX001\n"
		"; zonelint: disable=MX001 junk\n"
		"; zonelint: disable=\n"
		"; zonelint: disable MX001\n",
		"MX001,SUP", &d);
	ck_assert_uint_eq(d.n, 6);
	tu_at(&d, 0, "SUP001", 6, 40, 6, 45);
	tu_at(&d, 1, "SUP002", 6, 46, 6, 50);
	tu_at(&d, 2, "SUP003", 7, 13, 7, 20);
	tu_at(&d, 3, "SUP003", 8, 27, 8, 28);
	tu_at(&d, 4, "SUP003", 9, 21, 0, 0);
	tu_at(&d, 5, "SUP003", 10, 21, 10, 22);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'disable=MX001'"));
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "'MX02'"));
	ck_assert_ptr_nonnull(strstr(d.v[2].message, "'disabel'"));
	zl_diags_free(&d);
	/* Not a directive at all: no finding. */
	check(TU_HEAD "; zonelint is great\n; see zonelint:docs\n",
	      0, 0, 0, 0, 0);
}
END_TEST

START_TEST(test_rule_off)
{
	struct zl_diags d;

	/* MX002 is not running: it might have fired, so its id is not
	 * reported as unused; it is known, so not unknown either. */
	tu_lint(TU_HEAD "ns1 IN A 192.0.2.9 ; zonelint: disable=MX002\n",
		"SUP", &d);
	ck_assert_uint_eq(d.n, 0);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_sup_suppressed)
{
	struct zl_diags d;

	/* The SUP rules' own findings may be suppressed, file-wide. */
	tu_lint(TU_HEAD "; zonelint: disable-file=SUP001,SUP002\n"
		"ns1 IN A 192.0.2.9 ; zonelint: disable=MX001,NOPE\n",
		"MX001,SUP", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(d.v[0].suppressed && d.v[1].suppressed);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_NOTE), 0);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_count)
{
	struct zl_diags d;

	tu_lint(TU_HEAD ADDR " ; zonelint: disable=MX001\n" ADDR "\n",
		"MX001", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_ERROR), 1);
	zl_diags_free(&d);
}
END_TEST

Suite *suppress_suite(void)
{
	Suite *s = suite_create("suppress");
	TCase *tc = tcase_create("suppress");

	tcase_add_test(tc, test_disable_line);
	tcase_add_test(tc, test_multiline);
	tcase_add_test(tc, test_disable_next);
	tcase_add_test(tc, test_disable_file);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_sup_rules);
	tcase_add_test(tc, test_rule_off);
	tcase_add_test(tc, test_sup_suppressed);
	tcase_add_test(tc, test_count);
	suite_add_tcase(s, tc);
	return s;
}
