/* rule_param.c - what a loaded rule offers its primitive: parameters, and matching under the rule's effort budget. */
#include <assert.h>
#include <string.h>

#include "rule.h"

/* PCRE2 effort limits for every pattern of every rule (DESIGN §8).  A
 * backtracking bomb such as `(a+)+$` stops at the match limit within a
 * millisecond or so, and each rule's effort budget (rule.h) stops it after
 * a few such subjects; the heap limit (KiB) bounds the backtracking
 * frames.  PCRE2 counts its match limit anew at each position where it
 * starts a match, so a pattern that gives up under the limit at each of
 * the 65,535 positions of a long TXT record takes seconds without ever
 * reaching it: the steps are counted here too, over the whole match, by
 * the callout the patterns are compiled with (RE_OPTS), one per item.
 * One step may scan or compare the whole subject (`\w+` in a lookahead,
 * a back reference), so on a subject longer than a name each counts once
 * per STEP_BYTES of it: a match at the limit then costs about as much on
 * a TXT record of 65,535 bytes as on a name of 255. */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT 8192
#define STEP_BYTES 256

/* Steps of the match this thread runs, over all its start positions, and
 * how many it may take. */
static _Thread_local uint32_t steps, step_limit;

static int count_step(pcre2_callout_block *cb, void *data)
{
	(void)cb;
	(void)data;
	return ++steps > step_limit ? PCRE2_ERROR_MATCHLIMIT : 0;
}

void zl_ruleset_limits(struct zl_ruleset *rs)
{
	pcre2_match_context *c = pcre2_match_context_create(NULL);

	if (!c)
		zl_oom(0);
	pcre2_set_match_limit(c, MATCH_LIMIT);
	pcre2_set_depth_limit(c, DEPTH_LIMIT);
	pcre2_set_heap_limit(c, HEAP_LIMIT);
	pcre2_set_callout(c, count_step, NULL);
	rs->mctx = c;
}

const struct zl_param *zl_rule_param(const struct zl_rule *r, const char *key)
{
	size_t i;

	/* Checks name their keys with the literals of their own specs, which
	 * the compiler merges: the pointer test settles almost every call. */
	for (i = 0; i < r->nparams; i++)
		if (r->params[i].spec->key == key)
			return &r->params[i];
	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].spec->key, key) == 0)
			return &r->params[i];
	/* A primitive asked for a key its own spec does not declare. */
	assert(!"parameter not declared by the check");
	return NULL;
}

long zl_rule_int(const struct zl_rule *r, const char *key)
{
	const struct zl_param *p = zl_rule_param(r, key);

	return p ? p->i : 0;
}

const char *zl_rule_str(const struct zl_rule *r, const char *key)
{
	const struct zl_param *p = zl_rule_param(r, key);

	return p && p->s ? p->s : "";
}

/* The first place of key in p's sorted index, or p->n. */
static size_t sorted_find(const struct zl_param *p, const char *key)
{
	size_t lo = 0, hi = p->norder, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(p->keys[p->order[mid]], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->norder && strcmp(p->keys[p->order[lo]], key) == 0 ?
	       p->order[lo] : p->n;
}

bool zl_param_lookup(const struct zl_param *p, const char *key, long *val)
{
	size_t i;

	/* a map of 100,000 costs looked up for every include: searched */
	if (p && p->order) {
		i = sorted_find(p, key);
		if (i < p->n && val && p->vals)
			*val = p->vals[i];
		return i < p->n;
	}
	for (i = 0; p && i < p->n; i++) {
		if (p->keys[i] && strcmp(p->keys[i], key) == 0) {
			if (val && p->vals)
				*val = p->vals[i];
			return true;
		}
	}
	return false;
}

/* The steps a match of one of r's patterns is not charged: ZL_MATCH_FREE
 * shared among them, so that a rule whose parameters list 200,000
 * patterns, each tried on every record, costs no more uncounted per
 * subject than a rule of one pattern does. */
static uint32_t free_steps(const struct zl_rule *r)
{
	size_t n = (r->owner_re != NULL) + (r->rdata_re != NULL), i;

	for (i = 0; i < r->nparams; i++)
		if (r->params[i].res)
			n += r->params[i].n;
	return n > 1 ? (uint32_t)(ZL_MATCH_FREE / n) : ZL_MATCH_FREE;
}

enum zl_match zl_ruleset_match(const struct zl_ruleset *rs, size_t ri,
			       const pcre2_code *re, pcre2_match_data *md,
			       const char *subject, size_t len)
{
	uint64_t charge, before;
	uint32_t weight = 1 + (uint32_t)(len / STEP_BYTES);
	int rc;

	if (atomic_load(&rs->effort[ri]) >= ZL_REGEX_BUDGET)
		return ZL_MATCH_SPENT;
	steps = 0;
	step_limit = MATCH_LIMIT / weight;
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md, rs->mctx);
	/* A match that took no step still scanned the subject for what the
	 * pattern needs (its first or a required character). */
	charge = rc == PCRE2_ERROR_MATCHLIMIT ? MATCH_LIMIT :
		 (uint64_t)(steps ? steps : 1) * weight;
	if (charge > free_steps(rs->rules[ri])) {
		before = atomic_fetch_add(&rs->effort[ri], charge);
		if (before < ZL_REGEX_BUDGET &&
		    before + charge >= ZL_REGEX_BUDGET)
			return ZL_MATCH_STOP;
	}
	if (rc >= 0)
		return ZL_MATCH_YES;
	/* Text that is not UTF-8 under a (*UTF) pattern matches nothing. */
	return rc == PCRE2_ERROR_NOMATCH || (rc <= PCRE2_ERROR_UTF8_ERR1 &&
					     rc >= PCRE2_ERROR_UTF8_ERR21) ?
	       ZL_MATCH_NO : ZL_MATCH_LIMIT;
}
