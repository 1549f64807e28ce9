/* testutil.h - helpers shared by the unit suites: small zones linted, and
 * names that collide under FNV-1a. */
#ifndef ZL_TESTUTIL_H
#define ZL_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

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

/* FNV-1a, 32 bits, over s[0..n) from state h (2166136261 to start): the
 * fixed hash the name index and the tag-value parser once used. */
uint32_t tu_fnv1a(uint32_t h, const char *s, size_t n);

/* Fills b[0..k) with pairs of different 4-character strings of [a-z0-9]
 * such that FNV-1a takes both strings of pair 0 from state h to one state,
 * both strings of pair 1 from there to one state, and so on: the 2^k
 * strings made of one string of each pair, in order, all hash alike (a
 * multicollision, Joux 2004).  Returns the state after the last pair. */
uint32_t tu_fnv_multicollision(char b[][2][5], int k, uint32_t h);

#endif
