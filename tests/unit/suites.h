/* suites.h - the Check suites of the unit test runner (tests/unit/main.c).
 * Each test_<module>.c defines one <module>_suite(). */
#ifndef ZL_TEST_SUITES_H
#define ZL_TEST_SUITES_H

#include <check.h>

#define ZL_SUITES(X) X(util) X(idna) X(lex) X(load) X(rules) X(eval) X(diag) X(fmt) X(checks) X(spf) X(txt) X(config) X(fs) X(suppress) X(tagvalue) X(policy) X(variant) X(server) X(zoneset) X(change)

#define X(name) Suite *name##_suite(void);
ZL_SUITES(X)
#undef X

#endif
