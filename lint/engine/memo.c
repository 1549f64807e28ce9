/* memo.c - what primitives derive from a record or a zone, built once per run (zl_memo_get), in one arena. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"

static size_t other_hash(const struct zl_rr *rr, enum zl_memo_kind kind,
			 size_t cap)
{
	uintptr_t k = (uintptr_t)rr / sizeof *rr * ZL_MEMO_NKINDS + kind;

	return (size_t)(k * 0x9e3779b97f4a7c15u >> 17) & (cap - 1);
}

static struct zl_memo_other *other_slot(struct zl_memo_other *v, size_t cap,
					const struct zl_rr *rr,
					enum zl_memo_kind kind)
{
	size_t h;

	for (h = other_hash(rr, kind, cap); v[h].rr;
	     h = (h + 1) & (cap - 1))
		if (v[h].rr == rr && v[h].kind == kind)
			break;
	return &v[h];
}

/* The slot of a record of another zone: record addresses, which the
 * zones of a run do not let anyone choose, are the keys. */
static void **other(struct zl_memo *m, enum zl_memo_kind kind,
		    const struct zl_rr *rr)
{
	struct zl_memo_other *o, *v;
	size_t i, cap;

	if (2 * (m->nother + 1) > m->capother) {
		cap = m->capother ? 2 * m->capother : 64;
		v = zl_xcalloc(cap, sizeof *v);
		for (i = 0; i < m->capother; i++)
			if (m->other[i].rr)
				*other_slot(v, cap, m->other[i].rr,
					    m->other[i].kind) = m->other[i];
		free(m->other);
		m->other = v;
		m->capother = cap;
	}
	o = other_slot(m->other, m->capother, rr, kind);
	if (!o->rr) {
		o->rr = rr;
		o->kind = kind;
		m->nother++;
	}
	return &o->obj;
}

void **zl_memo_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
		    const struct zl_rr *rr, void (*release)(void *obj))
{
	struct zl_memo *m = ctx->memo;
	size_t i;

	if (!m)		/* a caller outside the engine: no memo */
		return NULL;
	assert(kind < ZL_MEMO_NRR);
	m->release[kind] = release;
	if (rr < m->z->rrs || rr >= m->z->rrs + m->n)
		return other(m, kind, rr);
	if (!m->ix)
		m->ix = zl_xcalloc(m->n, sizeof *m->ix);
	i = (size_t)(rr - m->z->rrs);
	if (!m->ix[i]) {
		zl_xgrow((void **)&m->obj, &m->capobj, m->nobj + 1,
			 sizeof *m->obj);
		memset(m->obj[m->nobj], 0, sizeof *m->obj);
		m->ix[i] = (uint32_t)++m->nobj;
	}
	return &m->obj[m->ix[i] - 1][kind];
}

void **zl_memo_zone_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
			 void (*release)(void *obj))
{
	if (!ctx->memo)
		return NULL;
	ctx->memo->release[kind] = release;
	return &ctx->memo->zone[kind];
}

void *zl_memo_alloc(struct zl_ctx *ctx, size_t n)
{
	return ctx->memo ? zl_arena_alloc(&ctx->memo->arena, n) : NULL;
}

void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_zone *z, const struct zl_rr *rr,
		  void *(*build)(struct zl_arena *a, const struct zl_zone *z,
				 const struct zl_rr *rr))
{
	void **slot = zl_memo_slot(ctx, kind, rr, NULL);
	void *obj;

	if (!slot)	/* outside the engine: kept to the end */
		return build(zl_xcalloc(1, sizeof(struct zl_arena)), z, rr);
	if (*slot)
		return *slot;
	obj = build(&ctx->memo->arena, z, rr);
	/* Found again: a slot moves when the memo grows. */
	*zl_memo_slot(ctx, kind, rr, NULL) = obj;
	return obj;
}

void zl_memo_free(struct zl_memo *m)
{
	size_t k, i;

	for (k = 0; k < ZL_MEMO_NKINDS; k++) {
		for (i = 0; k < ZL_MEMO_NRR && m->release[k] && i < m->nobj; i++)
			if (m->obj[i][k])
				m->release[k](m->obj[i][k]);
		if (m->zone[k])
			m->release[k](m->zone[k]);
	}
	for (i = 0; i < m->capother; i++)
		if (m->other[i].obj && m->release[m->other[i].kind])
			m->release[m->other[i].kind](m->other[i].obj);
	free(m->other);
	free(m->ix);
	free(m->obj);
	zl_arena_free(&m->arena);
}
