/* rule_variant.h - reading a rule's `variant:` (rule_variant.c). */
#ifndef ZL_RULE_VARIANT_H
#define ZL_RULE_VARIANT_H

#include "rule.h"
#include "rule_yaml.h"

/* Sets r->variant from n, the rule's `variant:` (NULL when it has none),
 * for r->check; problems go to y as errors at their position (a missing
 * variant at rule, the rule's node). */
void zl_variant_parse(struct zl_yfile *y, struct zl_rule *r,
		      const struct zl_ynode *n, const struct zl_ynode *rule);
/* Appends the names of axis v, comma-separated, to b. */
void zl_variant_names(struct zl_buf *b, const struct zl_variant_spec *v);

#endif
