/* rule_load.h - internal to the rule loader: the state of one load and the
 * helpers that report through the YAML layer, shared by the rule file's
 * schema (rule_load.c) and the parameters (param_parse.c), which a config
 * file's params also go through. */
#ifndef ZL_RULE_LOAD_H
#define ZL_RULE_LOAD_H

#include <stdarg.h>
#include <string.h>

#include "check.h"
#include "rule.h"
#include "rule_yaml.h"

/* Every pattern is compiled with these: `$` means the end of the subject
 * only (subjects never hold a newline anyway); a callout before each item
 * lets zl_ruleset_match count the steps of a match over all its start
 * positions, where PCRE2's match limit counts them for each start anew. */
#define RE_OPTS (PCRE2_DOLLAR_ENDONLY | PCRE2_AUTO_CALLOUT)

/* The state of one load.  The YAML tree lives in *y and dies with it; the
 * rules are malloc'd because the rule set keeps them.  y is yown for a rule
 * file, or the caller's file when zl_param_parse() parses one value of a
 * config file with the same code. */
struct ld {
	struct zl_yfile *y;
	struct zl_yfile yown;
	const struct zl_check *const *checks;
	size_t ncheck;
	const struct zl_ruleset *rs;
	void *seen;		/* tsearch(3) tree of struct seen */
	struct zl_rule **rules;
	size_t nrules, caprules;
};

/* ld starts a load of buf (name shown in diagnostics; errs collects
 * them); ld_fini releases the YAML tree, not the rules. */
static inline void ld_init(struct ld *ld, const char *name, const char *buf,
			   size_t len, struct zl_diags *errs)
{
	memset(ld, 0, sizeof *ld);
	ld->y = &ld->yown;
	zl_yaml_open(ld->y, name, buf, len, errs);
}

static inline void ld_fini(struct ld *ld)
{
	zl_yaml_close(ld->y);
}

/* ---- errors and shapes, reported through the YAML layer ---- */

static inline struct zl_diag *err_loc(struct ld *ld,
				      const struct zl_loc *loc,
				      const char *fmt, ...) ZL_PRINTF(3, 4);
static inline struct zl_diag *err_loc(struct ld *ld,
				      const struct zl_loc *loc,
				      const char *fmt, ...)
{
	struct zl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = zl_yaml_verror(ld->y, loc, fmt, ap);
	va_end(ap);
	return d;
}

static inline struct zl_diag *err_node(struct ld *ld,
				       const struct zl_ynode *n,
				       const char *fmt, ...) ZL_PRINTF(3, 4);
static inline struct zl_diag *err_node(struct ld *ld,
				       const struct zl_ynode *n,
				       const char *fmt, ...)
{
	struct zl_loc loc = zl_yaml_loc(ld->y, n);
	struct zl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = zl_yaml_verror(ld->y, &loc, fmt, ap);
	va_end(ap);
	return d;
}

static inline bool want(struct ld *ld, const struct zl_ynode *n,
			enum zl_ykind kind, const char *what)
{
	return zl_yaml_want(ld->y, n, kind, what);
}

static inline struct zl_loc sub_loc(const struct ld *ld,
				    const struct zl_ynode *n, size_t off,
				    size_t width)
{
	return zl_yaml_sub_loc(ld->y, n, off, width);
}

static inline struct zl_loc node_loc(const struct ld *ld,
				     const struct zl_ynode *n)
{
	return zl_yaml_loc(ld->y, n);
}

static inline void map_fields(struct ld *ld, const struct zl_ynode *map,
			      const char *const *keys, size_t nkeys,
			      const char *where, struct zl_ynode **vals,
			      struct zl_ynode **keyn)
{
	zl_yaml_fields(ld->y, map, keys, nkeys, where, vals, keyn);
}

/* A non-empty scalar. */
static inline bool want_text(struct ld *ld, const struct zl_ynode *n,
			     const char *what)
{
	if (!want(ld, n, ZL_Y_SCALAR, what))
		return false;
	if (n->len > 0)
		return true;
	err_node(ld, n, "%s must not be empty", what);
	return false;
}

/* A copy of a scalar's value for the rule set, or NULL. */
static inline char *dup_text(struct ld *ld, const struct zl_ynode *n,
			     const char *what)
{
	if (!n || !want(ld, n, ZL_Y_SCALAR, what))
		return NULL;
	return zl_xstrndup(n->str, n->len);
}

/* Compiles a pattern; a bad one is reported at the offending byte. */
static inline pcre2_code *compile_re(struct ld *ld, const struct zl_ynode *n,
				     uint32_t opts, const char *what)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE eoff;
	pcre2_code *re;
	struct zl_loc loc;
	int ec;

	if (!want(ld, n, ZL_Y_SCALAR, what))
		return NULL;
	re = pcre2_compile((PCRE2_SPTR)n->str, n->len, RE_OPTS | opts, &ec,
			   &eoff, NULL);
	if (re)
		return re;
	if (pcre2_get_error_message(ec, msg, sizeof msg) < 0)
		strcpy((char *)msg, "unknown error");
	loc = sub_loc(ld, n, eoff, 1);
	err_loc(ld, &loc, "invalid regular expression in %s: %s", what,
		(const char *)msg);
	return NULL;
}

/* ---- parameters (param_parse.c) ---- */

/* Parses rule r's `params` mapping n (NULL: none given) against its
 * check's spec; a parameter left out takes the spec's default.  Problems
 * are errors at their position, through ld; rule is the rule's node, where
 * a bad default is reported. */
void zl_ld_params(struct ld *ld, struct zl_rule *r, const struct zl_ynode *n,
		  const struct zl_ynode *rule);
/* Reads scalar n, described as what in errors, as true or false into
 * p->i. */
void zl_ld_bool(struct ld *ld, struct zl_param *p, const struct zl_ynode *n,
		const char *what);

#endif
