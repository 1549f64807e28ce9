/* check_spf.h - what the SPF primitives share: a TXT record's text and,
 * when it is SPF, its parse, memoised once per run (check_spf.c), for the
 * zone-wide primitives of check_spf_zone.c. */
#ifndef ZL_CHECK_SPF_H
#define ZL_CHECK_SPF_H

#include "check.h"
#include "spf.h"
#include "txt.h"

/* The text of one TXT record and, when it is SPF, its parse. */
struct rec {
	struct zl_txt txt;
	struct zl_spf spf;
	bool is_spf;
};

/* rr's strings joined and, when they form an SPF record (RFC 7208 §4.5),
 * parsed: once per run, however many rules look at the record. */
const struct rec *zl_spf_rec(struct zl_ctx *ctx, const struct zl_rr *rr);
/* The same for a record of zone z of the run. */
const struct rec *zl_spf_rec_in(struct zl_ctx *ctx, const struct zl_zone *z,
				const struct zl_rr *rr);
/* The source span of term t. */
struct zl_tok zl_spf_rec_term_tok(const struct rec *r,
				  const struct zl_spf_term *t);
/* A term's text as a NUL-terminated copy the caller frees. */
char *zl_spf_rec_term_str(const struct rec *r, const struct zl_spf_term *t);
/* Emits a finding of the current rule at term t with one variable "term"
 * (its text) plus the extra ones given: through EMIT_TERM, which counts
 * them. */
zl_finding zl_spf_rec_emit_term(struct zl_ctx *ctx, const struct rec *r,
				const struct zl_spf_term *t,
				const struct zl_var *extra, size_t nextra);
#define EMIT_TERM(ctx, r, t, ...) \
	zl_spf_rec_emit_term((ctx), (r), (t), ZL_VARS_(__VA_ARGS__) + 1, \
			     ZL_NVARS_(__VA_ARGS__))

#endif
