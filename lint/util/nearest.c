/* nearest.c - edit distance, for "did you mean". */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"

static unsigned char lc(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : (unsigned char)c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Optimal string alignment distance over three rows of the table; names
 * are short (rule ids, keys), and longer ones are cut at 64 bytes. */
size_t zl_edit_distance(const char *a, const char *b, size_t max)
{
	enum { N = 64 };
	size_t row[3][N + 1], la = strlen(a), lb = strlen(b), i, j, d;
	size_t *pp, *p, *c;

	la = la > N ? N : la;
	lb = lb > N ? N : lb;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (j = 0; j <= lb; j++)
		row[0][j] = j;
	for (i = 1; i <= la; i++) {
		c = row[i % 3];
		p = row[(i - 1) % 3];
		pp = row[(i + 1) % 3];	/* row i - 2 */
		c[0] = i;
		for (j = 1; j <= lb; j++) {
			d = lc(a[i - 1]) != lc(b[j - 1]);
			c[j] = min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + d);
			if (i > 1 && j > 1 && lc(a[i - 1]) == lc(b[j - 2]) &&
			    lc(a[i - 2]) == lc(b[j - 1]) && pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
		}
	}
	d = row[la % 3][lb];
	return d > max ? max + 1 : d;
}

static bool same(char x, char y)
{
	return lc(x) == lc(y);
}

bool zl_one_edit(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0;

	if (n > m)
		return zl_one_edit(b, m, a, n);
	if (m - n > 1)
		return false;
	while (i < n && same(a[i], b[i]))
		i++;
	if (i == n)
		return m == n + 1;
	if (m == n + 1)	/* b has a byte more at i */
		return strncasecmp(a + i, b + i + 1, n - i) == 0;
	if (strncasecmp(a + i + 1, b + i + 1, n - i - 1) == 0)
		return true;
	return i + 1 < n && same(a[i], b[i + 1]) && same(a[i + 1], b[i]) &&
	       strncasecmp(a + i + 2, b + i + 2, n - i - 2) == 0;
}

size_t zl_nearest_max(size_t len)
{
	size_t max = len / 3;

	if (max > 3)
		return 3;
	return max == 0 && len > 1 ? 1 : max;
}

const char *zl_nearest(const char *s, const char *const *names, size_t n)
{
	size_t max = zl_nearest_max(strlen(s)), best = max + 1, i, d;
	const char *hit = NULL;

	for (i = 0; i < n; i++) {
		if (!names[i])
			continue;
		d = zl_edit_distance(s, names[i], max);
		if (d == 0)
			return NULL;
		if (d < best) {
			best = d;
			hit = names[i];
		}
	}
	return hit;
}
