/* rule.h - rules loaded from YAML, and the rule set that owns them.
 *
 * A rule set owns its rules, their strings, their compiled PCRE2 patterns and
 * their parameters; zl_ruleset_free() releases all of it. */
#ifndef ZL_RULE_H
#define ZL_RULE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "util.h"
#include "zonelint.h"

enum zl_scope { ZL_SCOPE_RECORD, ZL_SCOPE_RRSET, ZL_SCOPE_NAME, ZL_SCOPE_ZONE };

enum zl_ptype {
	ZL_PT_INT,	/* YAML integer scalar */
	ZL_PT_BOOL,	/* true / false */
	ZL_PT_STR,	/* any scalar */
	ZL_PT_ENUM,	/* scalar, one of spec->choices */
	ZL_PT_STRLIST,	/* sequence of scalars */
	ZL_PT_REGEXLIST,/* sequence of PCRE2 patterns, compiled at load */
	ZL_PT_INTMAP,	/* mapping of scalar keys to integers */
};

/* What a primitive accepts: declared next to the primitive in C. */
struct zl_param_spec {
	const char *key;
	enum zl_ptype type;
	const char *dflt;	/* default as YAML text ("300", "warn", "[]") */
	long min, max;		/* for ZL_PT_INT and ZL_PT_INTMAP values */
	const char *const *choices;	/* for ZL_PT_ENUM, NULL-terminated */
};

/* One axis along which the rules of a primitive differ: what a rule
 * checks, fixed by its `variant:` and never by a configuration (a
 * parameter, above, is a tunable: a threshold, a list, a pattern).  The
 * rule's choice is resolved at load into the index of its name, on which
 * the primitive switches (zl_rule_variant). */
struct zl_variant_spec {
	const char *key;		/* "problem", "record" */
	const char *const *names;	/* NULL-terminated */
	/* The first name applies when the rule gives none: for generic
	 * primitives whose first variant is the plain case ("at: any"). */
	bool optional;
};

/* The most variant axes a primitive declares. */
#define ZL_VARIANT_AXES 2

/* One parameter value of one rule. */
struct zl_param {
	const struct zl_param_spec *spec;
	long i;			/* INT, BOOL (0/1) */
	const char *s;		/* STR, ENUM */
	const char **keys;	/* STRLIST, REGEXLIST (patterns), INTMAP keys */
	long *vals;		/* INTMAP values */
	pcre2_code **res;	/* REGEXLIST compiled */
	size_t n;		/* entries in keys/vals/res */
	/* INTMAP: the places of its keys sorted by strcmp(3), then by
	 * place, norder of them (non-scalar keys left out): the index
	 * zl_param_lookup searches */
	size_t *order, norder;
};

struct zl_check;

struct zl_rule {
	char *id, *name, *summary, *description, *message, *help;
	char **refs;
	size_t nrefs;
	char *origin;		/* "file:line" */
	enum zl_severity severity, default_severity;
	enum zl_scope scope;
	uint16_t *types;	/* select.type; ntypes == 0 means any type */
	size_t ntypes;
	pcre2_code *owner_re;	/* select.owner, matched on canonical owner */
	char *owner_src;	/* its source, owner_srclen bytes: rules with
				   the same pattern share their matches */
	size_t owner_srclen;
	pcre2_code *rdata_re;	/* select.rdata, matched on rdata source text */
	/* Follow-on findings (broken.c, docs/rules.md "One cause, one
	 * finding"): a `breaks` rule's findings mark their record broken; the
	 * other rules skip what involves a broken or lost record of one of the
	 * types in needs (select.type unless the rule lists its own). */
	bool breaks;
	uint16_t *needs;
	size_t nneeds;
	const struct zl_check *check;
	uint8_t variant[ZL_VARIANT_AXES];	/* per axis of check->variants:
						   the index of its name */
	struct zl_param *params;/* one per entry of check->params, in order */
	size_t nparams;
	/* A derived rule set's copy (zl_ruleset_own): everything but the
	 * severity and the parameters belongs to this rule of the base. */
	const struct zl_rule *like;
};

/* One rule visiting the subjects of its scope and of one type (-1: any). */
struct zl_unit {
	uint32_t ri;		/* index into zl_ruleset.rules */
	int32_t type;
	bool first;		/* the first of a group: the units up to the
				   next first visit the same subjects */
};

struct zl_ruleset {
	struct zl_rule **rules;	/* sorted by id after each load */
	size_t n, cap;
	/* A derived set (zl_ruleset_derive) borrows from its base the rules
	 * it has not changed (rules[i] == base->rules[i]), the match
	 * contexts, the plan, the effort budgets and the indexes. */
	const struct zl_ruleset *base;
	uint32_t *byid, *byname;	/* rule indexes by id, by name, in
					   ASCII case-insensitive order */
	pcre2_match_context *mctx;	/* match and depth limits for all rules */
	_Atomic uint64_t *effort;	/* per rule: PCRE2 steps charged in this
					   run (zl_ruleset_match) */
	struct zl_unit *plan;	/* the units of every rule, grouped by
				   phase and subjects (planner.c) */
	size_t nplan;
	/* How to make a set like this one with a config's packs added
	 * (zl_ruleset_set_packs); not passed on to derived sets. */
	zl_packs_fn *packs_fn;
	void *packs_arg;
};

/* ---- planning (planner.c) ---- */

/* Rebuilds rs->plan and the effort budgets; called by the loader after
 * the rules have changed (a load), not after a change of severity.  The
 * runner (eval.c) only reads the plan. */
void zl_ruleset_plan(struct zl_ruleset *rs);
/* ---- finding rules (rule_index.c) ---- */

/* Brings rs->byid and rs->byname up to date after a load: the rules
 * before from are in them already, in place (0: none is). */
void zl_ruleset_reindex_from(struct zl_ruleset *rs, size_t from);

/* The index of the rule whose id (names: whose name) is s[0..n), in any
 * case; -1 if there is none.  O(log n). */
long zl_ruleset_exact(const struct zl_ruleset *rs, bool names,
		      const char *s, size_t n);
/* The index of the rule whose id or name is s[0..n), in any case; -1 if
 * there is none.  O(log n). */
long zl_ruleset_index(const struct zl_ruleset *rs, const char *s, size_t n);
/* The rules item[0..n) names as --select and --ignore take it
 * (zl_rule_matches): *ids gets the run of rs->byid whose ids start with
 * it, *nids its length; returns the index of the rule with that exact
 * name, or -1.  O(log n). */
long zl_ruleset_lookup(const struct zl_ruleset *rs, const char *item,
		       size_t n, const uint32_t **ids, size_t *nids);

/* ---- what a rule offers its primitive (rule_param.c) ---- */

/* Parameter access for primitives; key must be declared in the primitive's
 * spec (asserted), so a lookup never fails at run time. */
const struct zl_param *zl_rule_param(const struct zl_rule *r, const char *key);
long zl_rule_int(const struct zl_rule *r, const char *key);
const char *zl_rule_str(const struct zl_rule *r, const char *key);

/* The variant rule r fixes on axis `axis` of its check (the index of the
 * name in that axis's list); axis must be declared (asserted). */
unsigned zl_rule_variant(const struct zl_rule *r, unsigned axis);
/* Its name, for messages and --explain. */
const char *zl_rule_variant_name(const struct zl_rule *r, unsigned axis);

/* What a pattern made of a subject. */
enum zl_match {
	ZL_MATCH_NO,
	ZL_MATCH_YES,
	ZL_MATCH_LIMIT,	/* the match, depth or heap limit was hit */
	ZL_MATCH_SPENT,	/* the rule's effort budget is spent: not tried */
	ZL_MATCH_STOP,	/* this match spent it: say so, once per run */
};

/* The effort budget of each rule in a run (docs/limits.md).  A match's
 * steps are counted over all the positions it starts at; one of at most
 * ZL_MATCH_FREE steps, shared among the rule's patterns, is not charged,
 * one of more is charged the steps it took (the whole limit when it hit
 * it).  A rule charged ZL_REGEX_BUDGET stops matching for the rest of the
 * run: one `(a+)+$` costs about ten subjects' worth of the limit, not one
 * per subject. */
#define ZL_MATCH_FREE 1000
#define ZL_REGEX_BUDGET 1000000

/* Gives rs its PCRE2 match context (the limits above), which
 * zl_ruleset_free releases. */
void zl_ruleset_limits(struct zl_ruleset *rs);
/* Matches subject against a compiled pattern of rule ri under the rule
 * set's limits and ri's budget, using md as scratch (the caller owns it,
 * one per thread).  Safe from several threads at once. */
enum zl_match zl_ruleset_match(const struct zl_ruleset *rs, size_t ri,
			       const pcre2_code *re, pcre2_match_data *md,
			       const char *subject, size_t len);

/* Whether an INTMAP/STRLIST param holds key (exact), value in *val. */
bool zl_param_lookup(const struct zl_param *p, const char *key, long *val);

/* ---- loading (rule_load.c) ---- */

/* Rule files are untrusted: larger ones are refused with ZL_ERR_LIMIT. */
#define ZL_RULES_MAX_SIZE (16u << 20)
/* Rules in one rule set, the built-in ones included: each rule's patterns
 * may cost up to ZL_MATCH_FREE steps per subject uncounted, so the number
 * of rules bounds what a rule file can make a run of a small zone cost. */
#define ZL_RULES_MAX 2000u

/* Parses and validates one YAML rule file against the primitives
 * checks[0..ncheck) (zl_checks in the library, a test table in unit tests).
 * On success appends the file's rules to rs, sorts rs by id and returns
 * ZL_OK.  Otherwise appends every problem to errs as an error at its YAML
 * position, adds no rule and returns ZL_ERR_RULES (ZL_ERR_LIMIT when len is
 * over ZL_RULES_MAX_SIZE).  name is the file name shown in diagnostics. */
enum zl_status zl_ruleset_load_yaml(struct zl_ruleset *rs, const char *name,
				    const char *buf, size_t len,
				    const struct zl_check *const *checks,
				    size_t ncheck,
				    struct zl_diags *errs) ZL_MUST_CHECK;
/* The same for each of packs[0..npacks) (rule_builtin.h), replaying the
 * events recorded at build time; every pack is loaded even after a bad one,
 * so that all of their problems show at once.  Returns the first failure. */
struct zl_builtin_pack;
enum zl_status zl_ruleset_load_packs(struct zl_ruleset *rs,
				     const struct zl_builtin_pack *packs,
				     size_t npacks,
				     const struct zl_check *const *checks,
				     size_t ncheck,
				     struct zl_diags *errs) ZL_MUST_CHECK;
/* Frees one rule and everything it owns; NULL is a no-op. */
void zl_rule_free(struct zl_rule *r);

/* ---- sharing with the config loader (config.c) ---- */

struct zl_yfile;
struct zl_ynode;

/* Parses YAML value n into p, whose spec the caller has set, exactly as a
 * rule file's `params` entry is parsed; problems go to y as errors at their
 * position.  Returns whether n was valid.  p owns what it holds either way
 * (free with zl_param_free). */
bool zl_param_parse(struct zl_yfile *y, struct zl_param *p,
		    const struct zl_ynode *n) ZL_MUST_CHECK;
/* Frees what p holds (not p itself). */
void zl_param_free(struct zl_param *p);
/* Makes dst (uninitialised) an independent deep copy of src; compiled
 * patterns are copied with pcre2_code_copy(). */
void zl_param_copy(struct zl_param *dst, const struct zl_param *src);
/* A rule set with the rules of base in the same order, sharing them
 * until one is changed through zl_ruleset_own(); base must outlive it
 * unchanged.  What a config derives for some files costs the rules it
 * changes, not a copy of every rule. */
struct zl_ruleset *zl_ruleset_derive(const struct zl_ruleset *base);
/* Rule i of rs, to be changed: a derived set first makes its own copy
 * of base's rule (sharing all but its severity and parameters). */
struct zl_rule *zl_ruleset_own(struct zl_ruleset *rs, size_t i);
/* Whether r is named by item[0..n): an id prefix or the full name, in any
 * case (the rule of --select and --ignore). */
bool zl_rule_matches(const struct zl_rule *r, const char *item, size_t n);

#endif
