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

bool zl_psl_suffix(const char *text)
{
	char key[256];
	const char *dot;
	size_t n = strlen(text);

	if (n > 0 && text[n - 1] == '.')
		n--;
	if (n == 0)
		return true;			/* the root */
	if (n >= sizeof key || memchr(text, '\\', n))
		return false;			/* no rule holds an escape */
	memcpy(key, text, n);
	key[n] = '\0';
	if (!(dot = strchr(key, '.')))
		return true;			/* the default rule, "*" */
	if (has(zl_psl_except, zl_psl_nexcept, key))
		return false;
	return has(zl_psl_plain, zl_psl_nplain, key) ||
	       has(zl_psl_wild, zl_psl_nwild, dot + 1);
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
	return has(zl_psl_plain, zl_psl_nplain, key);
}
