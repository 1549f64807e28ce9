/* check_dmarc.h - what the DMARC primitives of check_dmarc.c share with
 * check_dmarc_domain.c. */
#ifndef ZL_CHECK_DMARC_H
#define ZL_CHECK_DMARC_H

#include "check_tagvalue.h"

/* The params of a rule that follows RFC 9989 or RFC 7489 (`profile`). */
extern const struct zl_param_spec zl_dmarc_profile_params[];
/* Whether the current rule follows RFC 9989 (DMARCbis). */
bool zl_dmarc_bis(const struct zl_ctx *ctx);
/* The highest name, domain or an ancestor of it, that a zone of the run
 * holds: the organisational domain, as far as zonelint, without the
 * zones outside the run, can tell (the zone's origin when none holds it).
 * Points into the origin or a copy of domain that lives as long as the
 * engine's memo (outside the engine: into domain).  Asked once per name
 * and zone, as the functions below. */
const char *zl_dmarc_top(struct zl_ctx *ctx, const char *domain);
/* Whether _dmarc.<domain> holds a DMARC record (zl_dmarc_looks) or an
 * alias to one, in whichever zone of the run holds it, or is delegated
 * to a zone the run lacks. */
bool zl_dmarc_has_policy(struct zl_ctx *ctx, const char *domain);
/* Text that means to be DMARC: its first tag is v=DMARC1 in any case. */
bool zl_dmarc_looks(const struct zl_tv_rec *r);

#endif
