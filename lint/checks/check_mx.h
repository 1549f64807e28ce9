/* check_mx.h - what the MX primitives share: the target of a record, the
 * records of a set by target (check_mx.c), and what the zones of the run
 * say of a target (check_mx_backup.c, check_mx_null.c use them). */
#ifndef ZL_CHECK_MX_H
#define ZL_CHECK_MX_H

#include "check.h"

/* Sets of up to this many records are worked on in stack buffers; most
 * MX RRsets hold one or two. */
#define ZL_MX_SMALL_SET 8

/* The exchange of MX record rr, or NULL when the loader kept none. */
const struct zl_name *zl_mx_target(const struct zl_rr *rr);
/* Whether rr is a null MX: its exchange is "." (RFC 7505 §3), whatever
 * its preference. */
bool zl_mx_is_null(const struct zl_rr *rr);
/* The token of rr's exchange (of its first field when it has none), where
 * findings about the target point. */
struct zl_tok zl_mx_target_tok(const struct zl_ctx *ctx,
			       const struct zl_rr *rr);
/* Emits the current rule's finding at rr's exchange with variable
 * "target", and extra_name = extra when extra_name is not NULL. */
zl_finding zl_mx_emit_target(struct zl_ctx *ctx, const struct zl_rr *rr,
			     const char *extra_name, const char *extra);

/* The records of set sorted by target so that duplicates are adjacent:
 * pairs (target pointer, record index), 2 * count entries, in buf (of
 * 2 * ZL_MX_SMALL_SET) for a small set, else allocated; the caller gives
 * the result and buf to zl_mx_by_target_free. */
uintptr_t *zl_mx_by_target(const struct zl_zone *z, const struct zl_rrset *set,
			   uintptr_t *buf);
void zl_mx_by_target_free(uintptr_t *v, const uintptr_t *buf);
/* The number of distinct targets of MX set, the null MX left out; *one
 * gets the first record (in zone order) of one of them, and *has_null is
 * set when a null MX was seen (it is never cleared). */
uint32_t zl_mx_distinct_targets(const struct zl_zone *z,
				const struct zl_rrset *set,
				const struct zl_rr **one, bool *has_null);

/* Whether target t (a name of ctx->zone, NULL: unknown) certainly cannot
 * receive mail: no address, only unusable ones, or localhost. */
bool zl_mx_target_dead(const struct zl_ctx *ctx, const struct zl_name *t);
/* Where a sender connects for target t, in *at: the name itself, or for
 * an alias (MX002's), the end of its chain of CNAMEs and DNAMEs; false
 * when the addresses there are not all known: no usable ones, a chain
 * that leaves the run, or an address record the loader lost. */
bool zl_mx_target_hosts(const struct zl_ctx *ctx, const struct zl_name *t,
			struct zl_at *at);

#endif
