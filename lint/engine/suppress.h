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
 * Reading the comments and marking findings is the engine's job; the
 * rules that report on the comments (unused, unknown, malformed) are a
 * primitive like any other, in lint/checks/check_suppress.c.
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

/* What zl_supp_scan read, for the engine and for the SUP rules about the
 * comments themselves (check_suppress.c), which read it as it is. */

/* The three comments, and their names as written. */
enum dkind { D_LINE, D_NEXT, D_FILE };
extern const char *const zl_supp_kind_names[];

/* One rule id as written in a comment. */
struct sid {
	struct zl_tok at;
	const struct zl_rule *rule;	/* NULL: no such rule in the set */
	uint32_t ri;			/* the rule's index in the set */
	bool used;			/* it suppressed at least one finding */
};

/* A source with comments, by the name shown for it. */
struct shown {
	const char *name;
	uint16_t src;
};

/* One comment. */
struct dir {
	enum dkind kind;
	uint16_t src;
	size_t id0, nid;	/* its ids: supp->ids[id0 .. id0 + nid) */
};

/* What one known id covers: findings of rule ri in source src whose key
 * line (the first line of their record) is key; key 0 for disable-file.
 * Sorted, so that each finding is one binary search however many comments
 * a hostile zone holds. */
struct cover {
	uint32_t src, key, ri;
	uint32_t id;		/* index into supp->ids */
	bool done;		/* first of its run: the run is marked used */
};

/* A comment that starts with `zonelint:` but cannot be read. */
struct bad {
	uint16_t src;
	struct zl_tok at;
	char *why;
};

/* The names below are short: this header is the engine's own, included
 * by suppress.c and check_suppress.c only. */
struct smap;	/* per source, which record each line belongs to */

/* Every comment of one zone. */
struct zl_supp {
	const struct zl_ruleset *rs;
	struct cover *covers;
	size_t ncovers, capcovers;
	struct dir *dirs;
	size_t ndirs, capdirs;
	struct sid *ids;
	size_t nids, capids;
	struct bad *bads;
	size_t nbads, capbads;
	struct smap *maps;	/* one per source; key NULL: no comments */
	size_t nmaps;
	/* The sources with comments, sorted by the name shown for them
	 * (the first of each name first): where a finding's file is. */
	struct shown *shown;
	size_t nshown;
};

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
