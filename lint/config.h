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

/* Globs are bounded so that matching stays cheap on untrusted configs. */
#define ZL_GLOB_MAX_LEN 1024
#define ZL_GLOB_MAX_PARTS 64

/* Whether path (relative, '/'-separated) matches glob: fnmatch(3) per path
 * component, `**` for any number of components, and a glob without '/'
 * matched against the last component only.  Exposed for the unit tests. */
bool zl_glob_match(const char *glob, const char *path);

#endif
