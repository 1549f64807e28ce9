/* planner.c - the plan of a rule set: which rules visit the subjects of which scope and type, grouped so that rules with the same subjects visit them together. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

/* A rule's selection is decided in two places side by side and nowhere
 * else: its scope and select.type here, once per load; select.owner,
 * select.rdata and the records it needs per subject in a run, in
 * select.c.  The check then decides what is a finding. */

/* Orders rules by the subjects they visit for one type: scope, type and
 * select.owner source.  0: the same subjects. */
static int subjects_cmp(const struct zl_rule *ra, int ta,
			const struct zl_rule *rb, int tb)
{
	if (ra->scope != rb->scope)
		return ra->scope < rb->scope ? -1 : 1;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	if (!ra->owner_re != !rb->owner_re)
		return ra->owner_re ? 1 : -1;
	if (!ra->owner_re)
		return 0;
	if (ra->owner_srclen != rb->owner_srclen)
		return ra->owner_srclen < rb->owner_srclen ? -1 : 1;
	return memcmp(ra->owner_src, rb->owner_src, ra->owner_srclen);
}

enum zl_phase zl_rule_phase(const struct zl_rule *r)
{
	if (r->check->after_suppress)
		return ZL_PH_SUPPRESS;
	return r->breaks ? ZL_PH_BREAKS : ZL_PH_RULES;
}

/* Orders units by phase; in a phase, the zone-scope rules first (each
 * runs once, in rule order), then the others by subjects.  0: the same
 * subjects in the same phase, a group; or two zone-scope rules. */
static int group_cmp(const struct unit *a, const struct unit *b)
{
	enum zl_phase pa = zl_rule_phase(a->r), pb = zl_rule_phase(b->r);
	bool za = a->r->scope == ZL_SCOPE_ZONE, zb = b->r->scope == ZL_SCOPE_ZONE;

	if (pa != pb)
		return pa < pb ? -1 : 1;
	if (za || zb)
		return za == zb ? 0 : za ? -1 : 1;
	return subjects_cmp(a->r, a->type, b->r, b->type);
}

/* Units of a phase with the same subjects sort together, in rule order:
 * a phase runs one range of the plan. */
static int unit_cmp(const void *pa, const void *pb)
{
	const struct unit *a = pa, *b = pb;
	int c = group_cmp(a, b);

	if (c)
		return c;
	return a->ri < b->ri ? -1 : a->ri > b->ri;
}

/* Records and RRsets are visited by type when the rule selects types;
 * names always all (a name has many); a zone-scope rule is one unit.  Every rule is planned whatever its
 * severity, which may change until the run. */
void zl_ruleset_plan(struct zl_ruleset *rs)
{
	const struct zl_rule *r;
	struct unit *u = NULL;
	size_t i, k, n = 0, cap = 0;
	bool any;

	for (i = 0; i < rs->n; i++) {
		r = rs->rules[i];
		any = r->scope >= ZL_SCOPE_NAME || !r->ntypes;
		for (k = 0; k < (any ? 1 : r->ntypes); k++) {
			zl_xgrow((void **)&u, &cap, n + 1, sizeof *u);
			u[n++] = (struct unit){ r, i, any ? -1 : r->types[k],
						 false };
		}
	}
	if (n)
		qsort(u, n, sizeof *u, unit_cmp);
	/* The rules have changed: their effort budgets start afresh. */
	free(rs->effort);
	rs->effort = zl_xcalloc(rs->n ? rs->n : 1, sizeof *rs->effort);
	for (i = 0; i < rs->n; i++)
		atomic_init(&rs->effort[i], 0);
	free(rs->plan);
	rs->plan = zl_xcalloc(n ? n : 1, sizeof *rs->plan);
	rs->nplan = n;
	for (i = 0; i < n; i++)
		rs->plan[i] = (struct zl_unit){
			(uint32_t)u[i].ri, u[i].type,
			i == 0 || group_cmp(&u[i - 1], &u[i]) != 0 };
	free(u);
}

/* The letters id starts with: its family's name. */
static size_t family_len(const char *id)
{
	size_t n = 0;

	while (id[n] && !(id[n] >= '0' && id[n] <= '9'))
		n++;
	return n;
}

bool zl_same_family(const char *a, const char *b)
{
	size_t n = family_len(a);

	return n == family_len(b) && memcmp(a, b, n) == 0;
}
