/* memo.c - what primitives derive from a record or a zone, built once per run (zl_memo_get): the records' shared by the threads of a run, the zone's per thread. */
#include <assert.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "check.h"
#include "eval.h"

/* Entries per block: 64 KiB. */
#define ENT_BLOCK 4096
/* A record's tag: TAG_TEXT, and its rank among the text records of its
 * block of TAG_BLOCK records. */
#define TAG_TEXT 0x80
#define TAG_BLOCK 128

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

/* The slot of a record of another zone, added when new: record
 * addresses, which the zones of a run do not let anyone choose, are the
 * keys.  With the lock held. */
static void **other(struct zl_memo_recs *s, enum zl_memo_kind kind,
		    const struct zl_rr *rr)
{
	struct zl_memo_other *o, *v;
	size_t i, cap;

	if (2 * (s->nother + 1) > s->capother) {
		cap = s->capother ? 2 * s->capother : 64;
		v = zl_xcalloc(cap, sizeof *v);
		for (i = 0; i < s->capother; i++)
			if (s->other[i].rr)
				*other_slot(v, cap, s->other[i].rr,
					    s->other[i].kind) = s->other[i];
		free(s->other);
		s->other = v;
		s->capother = cap;
	}
	o = other_slot(s->other, s->capother, rr, kind);
	if (!o->rr) {
		o->rr = rr;
		o->kind = kind;
		s->nother++;
	}
	return &o->obj;
}

/* Entry e (1-based) of the zone's records. */
static struct zl_memo_ent *ent(const struct zl_memo_recs *s, uint32_t e)
{
	return &s->block[(e - 1) / ENT_BLOCK][(e - 1) % ENT_BLOCK];
}

/* The entry of the record of rank i, added when new (with the lock
 * held). */
static struct zl_memo_ent *own_add(struct zl_memo_recs *s, size_t i)
{
	uint32_t e = atomic_load_explicit(&s->ix[i], memory_order_relaxed);

	if (!e) {
		/* Counted once its block is there: running out of memory
		 * leaves the entries as they were. */
		e = (uint32_t)s->nent + 1;
		if ((e - 1) % ENT_BLOCK == 0)
			s->block[(e - 1) / ENT_BLOCK] =
				zl_xcalloc(ENT_BLOCK, sizeof **s->block);
		s->nent = e;
		/* The entry is there before its number is seen. */
		atomic_store_explicit(&s->ix[i], e, memory_order_release);
	}
	return ent(s, e);
}

/* What a slot holds while a thread builds its object: the others wait
 * for it rather than build it again beside it. */
static char building;
#define BUILDING ((void *)&building)

/* A build cut short (out of memory): its slot is free again. */
static void unclaim(void *slot)
{
	atomic_store_explicit((_Atomic(void *) *)slot, NULL,
			      memory_order_release);
}

/* The slot of kind of the record of rank i, added when new. */
static _Atomic(void *) *own_slot(struct zl_memo_recs *s, size_t i,
				 enum zl_memo_kind kind)
{
	uint32_t e = atomic_load_explicit(&s->ix[i], memory_order_acquire);
	struct zl_memo_ent *en;

	if (e)
		return &ent(s, e)->obj[kind];
	zl_lock(&s->lock);
	en = own_add(s, i);
	zl_unlock(&s->lock);
	return &en->obj[kind];
}

/* Whether record i of the zone is one of its text records, and *rank
 * which. */
static bool ranked(const struct zl_memo_recs *s, size_t i, size_t *rank)
{
	uint8_t t;

	if (i >= s->n || !((t = s->tag[i]) & TAG_TEXT))
		return false;
	*rank = s->before[i / TAG_BLOCK] + (t & (TAG_BLOCK - 1));
	return true;
}

/* What kind is for rr, the text record of rank of the zone, built by
 * whichever thread asks first. */
static void *own(struct zl_memo *m, enum zl_memo_kind kind,
		 const struct zl_zone *z, const struct zl_rr *rr, size_t rank,
		 zl_memo_build_fn *build, void *arg)
{
	_Atomic(void *) *slot = own_slot(m->recs, rank, kind);
	void *obj = atomic_load_explicit(slot, memory_order_acquire);

	/* Another thread's build is a parse of one record: wait for it, or
	 * build it here when that one was cut short. */
	for (; !obj || obj == BUILDING;
	     obj = atomic_load_explicit(slot, memory_order_acquire)) {
		if (obj) {
			sched_yield();
			continue;
		}
		if (!atomic_compare_exchange_strong(slot, &obj, BUILDING))
			continue;
		zl_cleanup_push(unclaim, (void *)slot);
		obj = build(&m->arena, z, rr, arg);
		zl_cleanup_pop();
		atomic_store_explicit(slot, obj, memory_order_release);
		return obj;
	}
	return obj;
}

/* What kind is for rr, a record of another zone: under the lock, built
 * outside it, one of two built at once kept. */
static void *other_get(struct zl_memo *m, enum zl_memo_kind kind,
		       const struct zl_zone *z, const struct zl_rr *rr,
		       zl_memo_build_fn *build, void *arg)
{
	struct zl_memo_recs *s = m->recs;
	void **o, *obj, *had;

	zl_lock(&s->lock);
	obj = *other(s, kind, rr);
	zl_unlock(&s->lock);
	if (obj)
		return obj;
	obj = build(&m->arena, z, rr, arg);
	zl_lock(&s->lock);
	o = other(s, kind, rr);
	if (!(had = *o))
		*o = obj;
	zl_unlock(&s->lock);
	return had ? had : obj;
}

void zl_memo_recs_init(struct zl_memo_recs *s, const struct zl_zone *z,
		       const struct zl_subjects *sj)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_TXT,
					  LDNS_RR_TYPE_SPF };
	const uint32_t *idx;
	uint32_t *next, c = 0, k;
	size_t nb, b, i, t, n;

	memset(s, 0, sizeof *s);
	pthread_mutex_init(&s->lock, NULL);
	s->n = z ? z->nrrs : 0;
	nb = s->n / TAG_BLOCK + 1;
	s->tag = zl_xcalloc(s->n ? s->n : 1, sizeof *s->tag);
	s->before = zl_xcalloc(nb, sizeof *s->before);
	/* Counted per block, then numbered within it. */
	for (t = 0; sj && t < sizeof types / sizeof *types; t++)
		for (n = zl_subjects_records(sj, types[t], &idx), i = 0; i < n;
		     i++)
			s->before[idx[i] / TAG_BLOCK]++;
	for (b = 0; b < nb; b++) {
		k = s->before[b];
		s->before[b] = c;
		c += k;
	}
	next = zl_xmalloc(nb * sizeof *next);
	memcpy(next, s->before, nb * sizeof *next);
	for (t = 0; sj && t < sizeof types / sizeof *types; t++)
		for (n = zl_subjects_records(sj, types[t], &idx), i = 0; i < n;
		     i++) {
			b = idx[i] / TAG_BLOCK;
			s->tag[idx[i]] = (uint8_t)(TAG_TEXT |
						   (next[b]++ - s->before[b]));
		}
	free(next);
	s->ix = zl_xcalloc(c ? c : 1, sizeof *s->ix);
	s->block = zl_xcalloc(c / ENT_BLOCK + 1, sizeof *s->block);
}

void zl_memo_recs_free(struct zl_memo_recs *s)
{
	size_t i;

	for (i = 0; i * ENT_BLOCK < s->nent; i++)
		free(s->block[i]);
	free(s->block);
	free((void *)s->ix);
	free(s->tag);
	free(s->before);
	free(s->other);
	pthread_mutex_destroy(&s->lock);
}

void **zl_memo_zone_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
			 void (*release)(void *obj))
{
	if (!ctx->memo)
		return NULL;
	assert(kind >= ZL_MEMO_NRR && kind < ZL_MEMO_NKINDS);
	ctx->memo->release[kind] = release;
	return &ctx->memo->zone[kind];
}

void *zl_memo_zone_obj(struct zl_ctx *ctx, enum zl_memo_kind kind,
		       size_t size, void (*release)(void *obj))
{
	void **slot = zl_memo_zone_slot(ctx, kind, release);

	if (slot && !*slot)
		*slot = zl_xcalloc(1, size);
	return slot ? *slot : NULL;
}

void *zl_memo_alloc(struct zl_ctx *ctx, size_t n)
{
	return ctx->memo ? zl_arena_alloc(&ctx->memo->arena, n) : NULL;
}

void *zl_memo_get_arg(struct zl_ctx *ctx, enum zl_memo_kind kind,
		      const struct zl_zone *z, const struct zl_rr *rr,
		      zl_memo_build_fn *build, void *arg)
{
	struct zl_memo *m = ctx->memo;
	size_t rank;

	assert(kind < ZL_MEMO_NRR);
	if (!m)		/* outside the engine: kept to the end */
		return build(zl_xcalloc(1, sizeof(struct zl_arena)), z, rr,
			     arg);
	if (rr >= m->z->rrs &&
	    ranked(m->recs, (size_t)(rr - m->z->rrs), &rank))
		return own(m, kind, z, rr, rank, build, arg);
	/* another zone's record, or one of this zone of another type */
	return other_get(m, kind, z, rr, build, arg);
}

/* zl_memo_get's build, called through zl_memo_get_arg's. */
struct plain {
	void *(*build)(struct zl_arena *a, const struct zl_zone *z,
		       const struct zl_rr *rr);
};

static void *plain_build(struct zl_arena *a, const struct zl_zone *z,
			 const struct zl_rr *rr, void *arg)
{
	return ((const struct plain *)arg)->build(a, z, rr);
}

void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_zone *z, const struct zl_rr *rr,
		  void *(*build)(struct zl_arena *a, const struct zl_zone *z,
				 const struct zl_rr *rr))
{
	struct plain p = { build };

	return zl_memo_get_arg(ctx, kind, z, rr, plain_build, &p);
}

void zl_memo_zone_free(struct zl_memo *m)
{
	size_t k;

	for (k = ZL_MEMO_NRR; k < ZL_MEMO_NKINDS; k++)
		if (m->zone[k]) {
			m->release[k](m->zone[k]);
			m->zone[k] = NULL;
		}
}

void zl_memo_free(struct zl_memo *m)
{
	zl_memo_zone_free(m);
	zl_arena_free(&m->arena);
}
