/* eval.h - internal to the rule engine (eval.c) and its findings
 * (eval_emit.c). */
#ifndef ZL_EVAL_H
#define ZL_EVAL_H

#include "check.h"

/* What becomes of the findings of one zl_lint() call on zone z, appended
 * to out: the zone's suppression comments (supp, borrowed; NULL: none) are
 * applied as each is made, a finding repeated on its line is counted in
 * the first, and each of the nrules rules keeps at most
 * ZL_LIMIT_RULE_FINDINGS (see zl_emit). */
struct zl_sink *zl_sink_new(struct zl_diags *out, const struct zl_zone *z,
			    struct zl_supp *supp, size_t nrules);
/* The zone is done: the messages of repeated findings get their counts,
 * each rule over its cap a summary of what it did not keep (findings of
 * out from `first` on are the zone's), and k is freed. */
void zl_sink_finish(struct zl_sink *k, const struct zl_ruleset *rs,
		    size_t first);

#endif
