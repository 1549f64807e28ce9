/* impl.h - the bodies of the public functions that allocate.  Each
 * zl_X_impl() does what zl_X() promises in zonelint.h; zl_X() itself, in
 * api.c, sets the recovery point for running out of memory around it
 * (util.h, struct zl_guard).  Only api.c calls these. */
#ifndef ZL_IMPL_H
#define ZL_IMPL_H

#include "zonelint.h"

enum zl_status zl_fs_read_impl(void *arg, const struct zl_read *rd,
			       struct zl_file *out, char **err);
struct zl_budget *zl_budget_new_impl(const struct zl_limits *lim);
enum zl_status zl_zone_load_file_impl(const char *path,
				      const struct zl_load_opts *opts,
				      struct zl_zone **out, char **err);
enum zl_status zl_zone_load_buffer_impl(const char *name, const char *buf,
					size_t len,
					const struct zl_load_opts *opts,
					struct zl_zone **out, char **err);

struct zl_ruleset *zl_ruleset_new_impl(void);
enum zl_status zl_ruleset_load_builtin_impl(struct zl_ruleset *rs,
					    struct zl_diags *errs);
enum zl_status zl_ruleset_load_file_impl(struct zl_ruleset *rs,
					 const char *path,
					 struct zl_diags *errs);
enum zl_status zl_ruleset_load_file_in_impl(struct zl_ruleset *rs,
					    const char *dir, const char *name,
					    struct zl_diags *errs);
enum zl_status zl_ruleset_load_buffer_impl(struct zl_ruleset *rs,
					   const char *name, const char *buf,
					   size_t len, struct zl_diags *errs);
enum zl_status zl_ruleset_select_impl(struct zl_ruleset *rs, const char *ids,
				      struct zl_diags *errs);
enum zl_status zl_ruleset_ignore_impl(struct zl_ruleset *rs, const char *ids,
				      struct zl_diags *errs);
enum zl_status zl_ruleset_set_severity_impl(struct zl_ruleset *rs,
					    const char *id,
					    enum zl_severity sev,
					    struct zl_diags *errs);

char *zl_rule_tunables_impl(const struct zl_ruleset *rs, const char *id);
char *zl_checks_reference_impl(const struct zl_ruleset *rs, bool json);

void zl_lint_impl(const struct zl_ruleset *rs, const struct zl_zone *z,
		  const struct zl_lint_opts *o, unsigned threads,
		  struct zl_diags *out);
struct zl_zoneset *zl_zoneset_new_impl(void);
enum zl_status zl_zoneset_add_impl(struct zl_zoneset *s, struct zl_zone *z);
enum zl_status zl_zoneset_add_file_impl(struct zl_zoneset *s, const char *path,
					const char *origin,
					const struct zl_load_opts *opts);

enum zl_status zl_summary_impl(const struct zl_zone *base,
			       const struct zl_zone *cur,
			       struct zl_zoneset *set,
			       enum zl_summary_format fmt, const char *title,
			       char **out);

bool zl_config_find_impl(const char *zone_path, char **out);
enum zl_status zl_config_load_file_impl(const char *path,
					const struct zl_ruleset *base,
					struct zl_config **out,
					struct zl_diags *errs);
enum zl_status zl_config_load_buffer_impl(const char *name, const char *dir,
					  const char *buf, size_t len,
					  const struct zl_ruleset *base,
					  struct zl_config **out,
					  struct zl_diags *errs);
const struct zl_ruleset *zl_config_ruleset_impl(struct zl_config *cf,
						const char *zone_path);
/* Whether path matches one of cf's exclude: globs (relative to cf->dir). */
bool zl_config_excluded_impl(const struct zl_config *cf, const char *path);
/* The origin origins: gives path (the first matching glob), or NULL. */
const char *zl_config_origin_impl(const struct zl_config *cf,
				  const char *path);
enum zl_status zl_configs_new_impl(const struct zl_ruleset *base,
				   const char *path, struct zl_configs **out,
				   struct zl_diags *errs);
enum zl_status zl_configs_excluded_impl(struct zl_configs *cs,
					const char *path, bool *out,
					struct zl_diags *errs);
enum zl_status zl_configs_origin_impl(struct zl_configs *cs,
				      const char *path, const char **out,
				      struct zl_diags *errs);
enum zl_status zl_configs_ruleset_impl(struct zl_configs *cs,
				       const char *zone_path,
				       const struct zl_ruleset **out,
				       struct zl_diags *errs);

enum zl_status zl_format_impl(enum zl_format fmt, const struct zl_diags *d,
			      const struct zl_format_opts *opts, FILE *out);

enum zl_status zl_server_read_impl(const char *spec,
				   const struct zl_server_opts *o,
				   struct zl_server_zones *out,
				   struct zl_diags *errs);
enum zl_status zl_tsig_key_read_impl(const char *path,
				     struct zl_tsig_key *out,
				     struct zl_diags *errs);

/* name: shown in errors (NULL: root/path). */
enum zl_status zl_baseline_load_impl(const char *root, const char *path,
				     const char *name,
				     struct zl_baseline **out,
				     struct zl_diags *errs);
enum zl_status zl_baseline_write_impl(const struct zl_diags *d, FILE *out);
enum zl_status zl_baseline_apply_impl(const struct zl_baseline *b,
				      struct zl_diags *d, size_t *hidden,
				      size_t *stale);
enum zl_status zl_baseline_load_buffer_impl(const char *name,
					    const char *buf, size_t len,
					    struct zl_baseline **out,
					    struct zl_diags *errs);
void zl_baseline_merge_impl(struct zl_baseline **dst,
			    const struct zl_baseline *src);
enum zl_status zl_configs_baseline_impl(const struct zl_configs *cs,
					struct zl_baseline **b);

#endif
