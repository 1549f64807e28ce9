/* config.h - internals of the repository configuration (config.c, one
 * file; configs.c, finding them and the configs of a run); the
 * public interface is the zl_config_* and zl_configs_* part of zonelint.h.
 *
 * Design, for a repository of a thousand zone files sharing one
 * .zonelint.yaml:
 *
 * - The file is read and checked once, against the rule set it tunes (the
 *   "base": built-in packs, --rules, command-line selection).  Every setting
 *   becomes an action on one rule of the base, identified by its index;
 *   parameter values are parsed then, by the rule loader's own code
 *   (zl_param_parse), into struct zl_param values the config owns.  Nothing
 *   is ever parsed from YAML again.
 * - The config is a list of layers: the top level, then each override in
 *   file order, each with at most one action per rule and parameter (a
 *   setting given again replaces the first).  A zone file gets the
 *   actions of the layers whose globs match it, a later layer's replacing
 *   an earlier one's: its settings.
 * - The same settings give the same rule set, made on first use and kept
 *   in a pool that the configs of a run share (zl_configs), so a thousand
 *   directories with the same config use one rule set.  It is derived
 *   from the base (zl_ruleset_derive): it shares every rule the settings
 *   leave alone, and copies only the severity and parameters of those they
 *   change; then the caller's tune hook runs (the command line's --select,
 *   --ignore and --severity, which win over the file).
 * - Globs without wildcards are found by binary search; those with
 *   wildcards are matched one by one, ZL_GLOB_MAX_WILD of them at most.
 *
 * Ownership: a zl_config owns its layers and their parameter values, and
 * the rule sets it derived unless it shares the pool of a zl_configs,
 * which then owns them; it borrows the base, which must outlive it
 * unchanged.  Not thread-safe: zl_config_ruleset() fills the pool. */
#ifndef ZL_CONFIG_H
#define ZL_CONFIG_H

#include "rule.h"
#include "zonelint.h"

/* Config files are small; a larger one is refused with ZL_ERR_LIMIT. */
#define ZL_CONFIG_MAX_SIZE (1u << 20)

/* Globs are bounded so that matching stays cheap on untrusted configs:
 * each zone is matched against every glob with wildcards, one by one
 * (those without are looked up by name). */
#define ZL_GLOB_MAX_LEN 1024
#define ZL_GLOB_MAX_PARTS 64
#define ZL_GLOB_MAX_WILD 1000

/* Whether path (relative, '/'-separated) matches glob: fnmatch(3) per path
 * component, `**` for any number of components, and a glob without '/'
 * matched against the last component only.  Exposed for the unit tests. */
bool zl_glob_match(const char *glob, const char *path);

/* A glob split into its parts once, for a config to match many paths. */
struct zl_glob {
	char *copy;		/* the parts point into it */
	char *parts[ZL_GLOB_MAX_PARTS];
	size_t nparts;
	bool bare;		/* no '/': matches the file name alone */
	char *key;		/* without wildcards: what it matches exactly
				   (the name, or the parts joined by '/') */
	size_t layer;		/* the config's: the override it belongs to */
};

/* Splits glob text into g (free with zl_glob_free), and gives a glob
 * without wildcards its key; false (g empty) when it has more than
 * ZL_GLOB_MAX_PARTS parts. */
bool zl_glob_compile(struct zl_glob *g, const char *text, size_t layer);
void zl_glob_free(struct zl_glob *g);
/* Whether g matches the path split into p[0..np) (zl_path_split). */
bool zl_glob_matches(const struct zl_glob *g, char **p, size_t np);

/* Splits s at '/' into parts (pointers into a malloc'd copy, *copy),
 * skipping empty and "." parts.  Returns the count, or SIZE_MAX when
 * there are more than max. */
size_t zl_path_split(const char *s, char **copy, char **parts, size_t max);

/* ---- one config (config.c), and the configs of a run (configs.c) ---- */

/* One setting of one rule of the base (derived rule sets keep the base's
 * order, so the index is valid in every one of them). */
struct act {
	size_t rule;
	int param;		/* -1: sets the severity; else a params index */
	enum zl_severity sev;
	struct zl_param val;	/* param >= 0: the value, owned */
};

/* Orders acts by rule, then the severity before the parameters. */
int zl_config_act_cmp(const void *pa, const void *pb);

/* The top level, or one override.  Its acts are sorted by rule and
 * parameter, one for each: a setting given again replaces the first. */
struct layer {
	struct act *acts;
	size_t nacts, capacts;
};

/* The rule sets derived for the zones of a run, one per distinct effective
 * configuration: the same settings, from whichever config file and
 * overrides, give the same rule set.  A config loaded alone has a pool of
 * its own; the configs of a zl_configs share one. */
struct pool {
	void *tree;		/* tsearch(3) tree of struct derived */
};

struct zl_config {
	char *dir;		/* absolute: what globs are relative to */
	const struct zl_ruleset *base;
	struct layer *layers;	/* [0] the top level, then the overrides */
	size_t nlayers;
	struct zl_glob *globs;	/* those without wildcards first, sorted
				   by key (zl_config_index_globs), nliteral of
				   them; then those with wildcards */
	size_t nglobs, capglobs, nliteral;
	char **excl;		/* exclude: globs, for the directory walk */
	size_t nexcl, capexcl;
	struct zl_glob *oglob;	/* origins: glob -> origin, in file order */
	char **oname;
	size_t norig, capoglob, caponame;
	struct pool *pool;	/* the rule sets derived from it, and maybe
				   from other configs of the run */
	bool own_pool;
	zl_config_tune_fn *tune;
	void *tune_arg;
	char *baseline_path;	/* baseline:, as written, or NULL */
	struct zl_loc baseline_at;	/* where, without file and text */
	size_t baseline_off;		/* where its line starts */
	/* packs: the base with the packs added (the base then points to
	 * it), owned; NULL without packs. */
	struct zl_ruleset *own_base;
	struct zl_baseline *baseline;	/* read by zl_config_load_at */
};

/* Loads the config file at path, against base: named by the user (root
 * NULL), or found by the search and read confined to root. */
enum zl_status zl_config_load_at(const char *root, const char *path,
				 const struct zl_ruleset *base,
				 struct zl_config **out,
				 struct zl_diags *errs) ZL_MUST_CHECK;
/* Makes cf derive its rule sets into p, shared with other configs (the
 * caller owns p). */
void zl_config_share_pool(struct zl_config *cf, struct pool *p);
/* Frees a pool and the rule sets derived into it. */
void zl_config_pool_free(struct pool *p);
/* Sorts the globs of a config just read so that each zone finds the
 * overrides that name it without a wildcard by binary search. */
void zl_config_index_globs(struct zl_config *cf);

#endif
