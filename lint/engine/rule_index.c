/* rule_index.c - finding a rule set's rules by id and name. */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

static unsigned char lc(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : (unsigned char)c;
}

/* How t (NUL-terminated) compares with s[0..n) in ASCII case-insensitive
 * order: as a whole, or (prefix) only its first n bytes. */
static int cmp_ci(const char *t, const char *s, size_t n, bool prefix)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lc(t[i]) != lc(s[i]) || !t[i])
			return (int)lc(t[i]) - (int)lc(s[i]);
	return !prefix && t[n] ? 1 : 0;
}

static const char *key_of(const struct zl_ruleset *rs, uint32_t i, bool names)
{
	return names ? rs->rules[i]->name : rs->rules[i]->id;
}

struct ikey {
	const char *s;
	uint32_t ri;
};

static int ikey_cmp(const void *a, const void *b)
{
	return zl_strcasecmp(((const struct ikey *)a)->s,
			     ((const struct ikey *)b)->s);
}

/* The indexes of rs's rules from on, in the order of their ids or names. */
static uint32_t *index_by(const struct zl_ruleset *rs, size_t from, bool names)
{
	size_t n = rs->n - from, i;
	struct ikey *k = zl_xcalloc(n ? n : 1, sizeof *k);
	uint32_t *idx = zl_xcalloc(n ? n : 1, sizeof *idx);

	for (i = 0; i < n; i++)
		k[i] = (struct ikey){ key_of(rs, (uint32_t)(from + i), names),
				      (uint32_t)(from + i) };
	qsort(k, n, sizeof *k, ikey_cmp);
	for (i = 0; i < n; i++)
		idx[i] = k[i].ri;
	free(k);
	return idx;
}

/* old, the index of the rules before from, with the rules from on merged
 * in: a load adds a file's rules to the many already indexed. */
static uint32_t *merged(const struct zl_ruleset *rs, uint32_t *old,
			size_t from, bool names)
{
	uint32_t *add = index_by(rs, from, names), *idx;
	size_t i = 0, j = 0, k = 0, nadd = rs->n - from;

	if (!from) {
		free(old);
		return add;
	}
	idx = zl_xcalloc(rs->n ? rs->n : 1, sizeof *idx);
	while (i < from || j < nadd)
		idx[k++] = j == nadd || (i < from &&
			   zl_strcasecmp(key_of(rs, old[i], names),
					 key_of(rs, add[j], names)) <= 0) ?
			   old[i++] : add[j++];
	free(old);
	free(add);
	return idx;
}

void zl_ruleset_reindex_from(struct zl_ruleset *rs, size_t from)
{
	/* merged() frees the old index last: out of memory, rs stays
	 * freeable */
	rs->byid = merged(rs, rs->byid, from, false);
	rs->byname = merged(rs, rs->byname, from, true);
}

/* The first entry of an index whose string compares with s[0..n) above
 * 0 (upper) or at least 0. */
static size_t bound(const struct zl_ruleset *rs, bool names, const char *s,
		    size_t n, bool prefix, bool upper)
{
	const uint32_t *idx = names ? rs->byname : rs->byid;
	size_t lo = 0, hi = rs->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp_ci(key_of(rs, idx[mid], names), s, n, prefix);
		if (c < 0 || (upper && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long zl_ruleset_exact(const struct zl_ruleset *rs, bool names,
		      const char *s, size_t n)
{
	const uint32_t *idx = names ? rs->byname : rs->byid;
	size_t i = bound(rs, names, s, n, false, false);

	return i < rs->n && cmp_ci(key_of(rs, idx[i], names), s, n, false) == 0
	       ? (long)idx[i] : -1;
}

long zl_ruleset_index(const struct zl_ruleset *rs, const char *s, size_t n)
{
	long i = zl_ruleset_exact(rs, false, s, n);

	return i >= 0 ? i : zl_ruleset_exact(rs, true, s, n);
}

long zl_ruleset_lookup(const struct zl_ruleset *rs, const char *item,
		       size_t n, const uint32_t **ids, size_t *nids)
{
	size_t lo = bound(rs, false, item, n, true, false);

	*ids = rs->byid + lo;
	*nids = bound(rs, false, item, n, true, true) - lo;
	return zl_ruleset_exact(rs, true, item, n);
}
