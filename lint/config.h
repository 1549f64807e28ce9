/* config.h - internals of the repository configuration (config.c); the
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
 *   file order.  The layers whose globs match a zone file form that file's
 *   key, one byte per layer.
 * - Each distinct key gets one rule set, made on first use: a deep copy of
 *   the base (zl_ruleset_clone: same rules in the same order, compiled
 *   patterns copied with pcre2_code_copy) with the matching layers' actions
 *   applied in order, then the caller's tune hook (the command line's
 *   --select, --ignore and --severity, which win over the file).  It is
 *   cached in the config, so 1,000 files matched by the same overrides share
 *   one rule set, and a config costs a few copies of the base, not one per
 *   file.
 *
 * Ownership: a zl_config owns its layers, their parameter values and every
 * rule set it derived; it borrows the base, which must outlive it and must
 * not gain or lose rules meanwhile.  Not thread-safe: zl_config_ruleset()
 * fills the cache. */
#ifndef ZL_CONFIG_H
#define ZL_CONFIG_H

#include "rule.h"

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

#endif
