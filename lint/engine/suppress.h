/* suppress.h - inline suppression comments in zone files (internal to
 * liblint; the engine in eval.c calls these from zl_lint, so every embedder
 * gets suppression without doing anything).
 *
 * The comments (docs/rules.md, "Inline suppression"):
 *
 *     ; zonelint: disable=ID[,ID...] [-- reason]       this record
 *     ; zonelint: disable-next=ID[,ID...] [-- reason]  the record on the next line
 *     ; zonelint: disable-file=ID[,ID...] [-- reason]  this source file
 *
 * A comment is a `;` outside a quoted string, so the `;` of
 * "v=DMARC1; p=none" never starts one.  A record's findings are those whose
 * primary position lies on one of the record's lines, and a comment on any of
 * those lines covers all of them.
 *
 * A zl_supp belongs to one zl_lint call: it points into the zone and the
 * rule set it was made from, which must outlive it. */
#ifndef ZL_SUPPRESS_H
#define ZL_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rule.h"
#include "zone.h"

struct zl_supp;

/* Reads the `; zonelint:` comments of every source of z and resolves their
 * rule ids (or names) against rs.  Returns NULL when z has none, which costs
 * one memmem() per source; otherwise the caller frees the result with
 * zl_supp_free(). */
struct zl_supp *zl_supp_scan(const struct zl_ruleset *rs,
			     const struct zl_zone *z);

/* Sets `suppressed` on every finding d->v[from..d->n) that a comment
 * covers, and remembers which ids of which comments were used.  May be
 * called more than once with later ranges.  s may be NULL (no-op). */
void zl_supp_apply(struct zl_supp *s, const struct zl_zone *z,
		   struct zl_diags *d, size_t from);

/* Whether a comment covers a finding of rule ri (its index in the rule
 * set) on 1-based line `line` of source src; unless peek, remembers which
 * ids of which comments were used (for a finding counted but not kept).
 * s may be NULL (false). */
bool zl_supp_covers(struct zl_supp *s, uint16_t src, uint32_t line,
		    uint32_t ri, bool peek);

void zl_supp_free(struct zl_supp *s);

#endif
