/* check_tagvalue.c - tag=value records for the primitives: parsed once per run, findings at their bytes. */
#include <ldns/ldns.h>

#include "check_tagvalue.h"

static void *rec_build(struct zl_arena *a, const struct zl_zone *z,
		       const struct zl_rr *rr)
{
	return zl_tv_rec_in(a, z, rr);
}

const struct zl_tv_rec *zl_tv_in(struct zl_ctx *ctx, const struct zl_zone *z,
			       const struct zl_rr *rr)
{
	return zl_memo_get(ctx, ZL_MEMO_TAGVALUE, z, rr, rec_build);
}

const struct zl_tv_rec *zl_tv_of(struct zl_ctx *ctx, const struct zl_rr *rr)
{
	return zl_tv_in(ctx, ctx->zone, rr);
}

void zl_tv_emit(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		struct zl_tv_span sp, const char *message)
{
	ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, sp), { "message", message });
}

void zl_tv_multiple(struct zl_ctx *ctx, const char *version, bool icase,
		    const char *what)
{
	const struct zl_zone *z = ctx->zone;
	const struct zl_rr *rr, *first = NULL;
	const struct zl_tv_rec *r;
	zl_finding d;

	for (rr = zl_first_rr(z, ctx->name, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(z, rr)) {
		if (!zl_tv_first_is(r = zl_tv_of(ctx, rr), "v", version, icase))
			continue;
		if (!first) {
			first = rr;
			continue;
		}
		/* The same record written twice is one (RFC 2181 §5). */
		if (zl_txt_same(&r->txt, &zl_tv_of(ctx, first)->txt))
			continue;
		d = ZL_EMIT(ctx, rr->src, zl_tv_tok(r, zl_tv_head(r)));
		r = zl_tv_of(ctx, first);
		zl_emit_note(ctx, d, first->src, zl_tv_tok(r, zl_tv_head(r)),
			     "the first %s record is here", what);
	}
}
