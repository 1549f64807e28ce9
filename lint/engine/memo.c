/* memo.c - what primitives derive from a record, built once per run (zl_memo_get). */
#include <stdlib.h>

#include "check.h"
#include "eval.h"

void **zl_memo_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
		    const struct zl_rr *rr, void (*release)(void *obj))
{
	struct zl_memo *m = ctx->memo;

	if (!m)		/* a caller outside the engine: no memo */
		return NULL;
	if (!m->obj[kind])
		m->obj[kind] = zl_xcalloc(m->n, sizeof *m->obj[kind]);
	m->release[kind] = release;
	return &m->obj[kind][rr - ctx->zone->rrs];
}

void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_rr *rr,
		  void *(*build)(const struct zl_zone *z, const struct zl_rr *rr),
		  void (*release)(void *obj))
{
	void **slot = zl_memo_slot(ctx, kind, rr, release);

	if (!slot)
		return build(ctx->zone, rr);
	if (!*slot)
		*slot = build(ctx->zone, rr);
	return *slot;
}

void zl_memo_free(struct zl_memo *m)
{
	size_t k, i;

	for (k = 0; k < ZL_MEMO_NKINDS; k++) {
		for (i = 0; m->obj[k] && i < m->n; i++)
			if (m->obj[k][i])
				m->release[k](m->obj[k][i]);
		free(m->obj[k]);
	}
}
