/* testutil.h - helpers shared by the unit suites that lint small zones. */
#ifndef ZL_TESTUTIL_H
#define ZL_TESTUTIL_H

#include <stddef.h>

#include "zonelint.h"

/* A zone head that the fixtures of the primitive suites start from: the
 * origin example.com., $TTL, SOA, NS and the NS host (lines 1-5). */
#define TU_HEAD "$ORIGIN example.com.\n$TTL 3600\n" \
	"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n" \
	"@ IN NS ns1\nns1 IN A 192.0.2.53\n"

/* Lints text (as file "t.zone") with the built-in rules restricted to the
 * comma-separated ids or prefixes in only; d receives the sorted findings
 * and must be freed with zl_diags_free().  Fails the test on any error. */
void tu_lint(const char *text, const char *only, struct zl_diags *d);

/* Asserts that finding i has rule id at line:col, and at end_line and
 * end_col unless they are 0. */
void tu_at(const struct zl_diags *d, size_t i, const char *id, unsigned line,
	   unsigned col, unsigned end_line, unsigned end_col);

#endif
