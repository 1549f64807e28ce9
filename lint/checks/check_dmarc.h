/* check_dmarc.h - what the DMARC primitives share: the profile, records
 * and policy discovery (check_dmarc_org.c), the syntax of report URIs
 * (check_dmarc.c). */
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
/* A DMARC record: its text starts with v=DMARC1 (the tag's name in any
 * case). */
bool zl_dmarc_is_record(const struct zl_tv_rec *r);
/* The subject record of the current rule when it is a DMARC record at a
 * DMARC name, _dmarc.<domain> or, unless policy_only, a report
 * authorisation's <domain>._report._dmarc.<destination>; else NULL.
 * Valid while the record is the subject: never kept beyond the call. */
const struct zl_tv_rec *zl_dmarc_subject(struct zl_ctx *ctx, bool policy_only);
/* The organisational domain of domain by the current rule's profile:
 * RFC 9989's tree walk through the zones of the run, or zl_dmarc_top.
 * Points into domain, the origin or the engine's memo. */
const char *zl_dmarc_org(struct zl_ctx *ctx, const char *domain);

/* One URI of rua or ruf (RFC 7489 §6.4 dmarc-uri): the item of the list,
 * the URI in it and its "!size" suffix (len 0 when none). */
struct zl_dmarc_uri {
	struct zl_tv_span all, uri, size;
};
/* Whether tag t of r is a rua or ruf whose URIs the report checks read:
 * the first of its name in any case, with no syntax error but maybe a
 * byte from 0x80 on in its value (zl_tv_tag.raw8), which is the finding
 * of the URI that holds it (DMARC011), not DMARC005's; but not one a ';'
 * cuts, whose last URI is DMARC005's. */
bool zl_dmarc_uri_tag(const struct zl_tv_rec *r, const struct zl_tv_tag *t);
/* Splits list item item of s into URI and size suffix. */
struct zl_dmarc_uri zl_dmarc_split_uri(const char *s, struct zl_tv_span item);
/* Why URI u of s is not a valid report URI (zl_tv_uri_check, or a bad
 * size suffix), or NULL; *bad gets the bytes at fault. */
const char *zl_dmarc_uri_problem(const char *s, const struct zl_dmarc_uri *u,
				 struct zl_tv_span *bad);
/* Whether r's rua holds at least one valid URI: RFC 7489 §6.6.3 reads a
 * policy record without p= as p=none then. */
bool zl_dmarc_rua_valid(const struct zl_tv_rec *r);

#endif
