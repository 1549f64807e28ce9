/* zone_budget.c - the budgets of a run: what the zones loaded with one may read together. */
#include <stdlib.h>

#include "zone.h"
#include "impl.h"

void zl_budget_init(struct zl_budget *b, const struct zl_limits *lim)
{
	static const struct zl_limits dflt = { ZL_LIMIT_BYTES, ZL_LIMIT_REREAD,
					       ZL_LIMIT_RECORDS };

	b->lim = lim ? *lim : dflt;
	atomic_init(&b->bytes, 0);
	atomic_init(&b->reread, 0);
	atomic_init(&b->records, 0);
	atomic_init(&b->generated, 0);
}

struct zl_budget *zl_budget_new_impl(const struct zl_limits *lim)
{
	struct zl_budget *b = zl_xmalloc(sizeof *b);

	zl_budget_init(b, lim);
	return b;
}

void zl_budget_free(struct zl_budget *b)
{
	free(b);
}

bool zl_budget_take(_Atomic uint64_t *used, uint64_t n, uint64_t lim)
{
	uint64_t u = atomic_load(used);

	do {
		if (n > lim || u > lim - n)
			return false;
	} while (!atomic_compare_exchange_weak(used, &u, u + n));
	return true;
}
