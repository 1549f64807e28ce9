/* registry.c - the table of check primitives, built from checks.def, and
 * lookups in it. */
#include <string.h>

#include "check.h"

const struct zl_check *const zl_checks[] = {
#define ZL_CHECK(ident) &ident,
#include "checks.def"
#undef ZL_CHECK
};
const size_t zl_ncheck = sizeof zl_checks / sizeof zl_checks[0];

const struct zl_check *zl_check_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < zl_ncheck; i++)
		if (strcmp(zl_checks[i]->name, name) == 0)
			return zl_checks[i];
	return NULL;
}
