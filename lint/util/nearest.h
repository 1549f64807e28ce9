/* nearest.h - "did you mean": the closest of some names to a misspelt one. */
#ifndef ZL_NEAREST_H
#define ZL_NEAREST_H

#include <stddef.h>

/* The edit distance (insertions, deletions, substitutions, and swaps of
 * two neighbours) between a and b, ASCII case ignored, or max + 1 when it
 * is over max. */
size_t zl_edit_distance(const char *a, const char *b, size_t max);
/* The one of names[0..n) (NULL entries skipped) closest to s, if close
 * enough to be a slip: at most a third of its length away, and at most 3;
 * NULL when none is, or when s is one of them.  Ties go to the first. */
const char *zl_nearest(const char *s, const char *const *names, size_t n);

#endif
