/* eval.h - internal to the rule engine (eval.c) and what it makes of each
 * finding (eval_sink.c). */
#ifndef ZL_EVAL_H
#define ZL_EVAL_H

#include "check.h"

/* What becomes of the findings of one zl_lint() call on zone z, appended
 * to out: a finding repeated on its line is counted in the first, and of
 * each of the nrules rules the first ZL_LIMIT_RULE_FINDINGS in the zone's
 * text are kept (suppressed ones apart: supp, borrowed, may be NULL), the
 * rest counted in a summary. */
struct zl_sink *zl_sink_new(struct zl_diags *out, const struct zl_zone *z,
			    struct zl_supp *supp, size_t nrules);
/* Whether a new finding of rule ri at `at` in src (on 1-based line line)
 * with message msg is not to be made: it repeats one kept on its line, or
 * comes after the rule's first ZL_LIMIT_RULE_FINDINGS in the text; either
 * way it is counted.  When it is to be made, the last of the rule's kept
 * ones may have made room for it (its count set to 0: zl_sink_finish
 * removes it). */
bool zl_sink_absorbs(struct zl_sink *k, uint32_t ri, uint16_t src,
		     struct zl_tok at, uint32_t line, const char *msg);
/* Remembers the finding just made, out->v[idx], as one of ri's kept. */
void zl_sink_keep(struct zl_sink *k, uint32_t ri, uint16_t src,
		  struct zl_tok at, uint32_t line, size_t idx);
/* The zone is done (out[first..] are its findings): those that made room
 * are removed, the messages of repeated findings get their counts, each
 * rule over its cap a summary of what it did not keep; k is freed. */
void zl_sink_finish(struct zl_sink *k, const struct zl_ruleset *rs,
		    size_t first);

#endif
