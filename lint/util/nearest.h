/* nearest.h - "did you mean": the closest of some names to a misspelt one. */
#ifndef ZL_NEAREST_H
#define ZL_NEAREST_H

#include <stdbool.h>
#include <stddef.h>

/* The edit distance (insertions, deletions, substitutions, and swaps of
 * two neighbours) between a and b, ASCII case ignored, or max + 1 when it
 * is over max. */
size_t zl_edit_distance(const char *a, const char *b, size_t max);
/* Whether a[0..n) and b[0..m) are exactly one edit apart (a byte
 * inserted, deleted or replaced, or two neighbours swapped), ASCII case
 * ignored; in time linear in their length. */
bool zl_one_edit(const char *a, size_t n, const char *b, size_t m);
/* How far a name of len bytes may be from another to be a slip of it: a
 * third of its length, at least 1 (for two bytes or more), at most 3. */
size_t zl_nearest_max(size_t len);
/* The one of names[0..n) (NULL entries skipped) closest to s, if close
 * enough to be a slip (zl_nearest_max); NULL when none is, or when s is
 * one of them.  Ties go to the first. */
const char *zl_nearest(const char *s, const char *const *names, size_t n);

#endif
