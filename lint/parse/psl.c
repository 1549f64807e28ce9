/* psl.c - public suffixes, looked up in the tables of psl_data.c. */
#include <stdlib.h>
#include <string.h>

#include "psl.h"

static int cmp(const void *key, const void *elt)
{
	return strcmp(key, *(const char *const *)elt);
}

static bool has(const char *const *v, size_t n, const char *key)
{
	return bsearch(key, v, n, sizeof *v, cmp) != NULL;
}

/* The public suffix of key, a name without its final dot: the rule of
 * most labels that matches it, an exception's parent before any
 * (the list's algorithm), else its last label (the default rule).  A
 * pointer into key. */
static const char *suffix_of(const char *key)
{
	const char *p, *dot;

	for (p = key; p; p = (dot = strchr(p, '.')) ? dot + 1 : NULL)
		if (has(zl_psl_except, zl_psl_nexcept, p))
			return strchr(p, '.') + 1;
	for (p = key; p; p = dot ? dot + 1 : NULL) {
		dot = strchr(p, '.');
		if (has(zl_psl_plain, zl_psl_nplain, p) ||
		    (dot && has(zl_psl_wild, zl_psl_nwild, dot + 1)))
			return p;
		if (!dot)
			return p;		/* the default rule, "*" */
	}
	return key;
}

bool zl_psl_below_org(const char *text)
{
	char key[256];
	const char *dot;
	size_t n = strlen(text);

	if (n > 0 && text[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof key || memchr(text, '\\', n))
		return false;			/* the root; no rule escapes */
	memcpy(key, text, n);
	key[n] = '\0';
	/* below the label below its suffix */
	dot = strchr(key, '.');
	return dot && suffix_of(key) > dot + 1;
}

bool zl_psl_tld(const char *label, size_t n)
{
	char key[64];
	size_t i;

	if (n == 0 || n >= sizeof key)
		return false;
	for (i = 0; i < n; i++) {
		if (label[i] == '.' || label[i] == '\\')
			return false;
		key[i] = label[i] >= 'A' && label[i] <= 'Z' ?
			 (char)(label[i] + 32) : label[i];
	}
	key[n] = '\0';
	return has(zl_psl_plain, zl_psl_nplain, key) ||
	       has(zl_psl_wild, zl_psl_nwild, key);
}
