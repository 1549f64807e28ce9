/* api.c - the public entry points that allocate: each sets the thread's
 * recovery point for running out of memory (util.h, struct zl_guard), so
 * that the call returns ZL_ERR_NOMEM or NULL instead of ending the
 * process, then runs the module's body (impl.h). */
#include <stdlib.h>

#include "impl.h"
#include "util.h"

/* The body of a wrapper returning a status: nomem runs first when memory
 * runs out (it may be empty). */
#define GUARDED(call, nomem)						\
	do {								\
		struct zl_guard g;					\
		enum zl_status st_;					\
									\
		ZL_GUARD(&g, nomem return ZL_ERR_NOMEM;);		\
		st_ = (call);						\
		zl_guard_leave(&g);					\
		return st_;						\
	} while (0)

/* The same for a wrapper returning a pointer, NULL when memory runs out. */
#define GUARDED_PTR(type, call)						\
	do {								\
		struct zl_guard g;					\
		type p_;						\
									\
		ZL_GUARD(&g, return NULL;);				\
		p_ = (call);						\
		zl_guard_leave(&g);					\
		return p_;						\
	} while (0)

/* ---- files and zones ---- */

enum zl_status zl_fs_read(void *arg, const struct zl_read *rd,
			  struct zl_file *out, char **err)
{
	GUARDED(zl_fs_read_impl(arg, rd, out, err),
		*err = NULL; out->data = NULL; out->id = NULL; out->len = 0;);
}

struct zl_budget *zl_budget_new(const struct zl_limits *lim)
{
	GUARDED_PTR(struct zl_budget *, zl_budget_new_impl(lim));
}

enum zl_status zl_zone_load_file(const char *path,
				 const struct zl_load_opts *opts,
				 struct zl_zone **out, char **err)
{
	GUARDED(zl_zone_load_file_impl(path, opts, out, err),
		*out = NULL; *err = NULL;);
}

enum zl_status zl_zone_load_buffer(const char *name, const char *buf,
				   size_t len, const struct zl_load_opts *opts,
				   struct zl_zone **out, char **err)
{
	GUARDED(zl_zone_load_buffer_impl(name, buf, len, opts, out, err),
		*out = NULL; *err = NULL;);
}

/* ---- rules ---- */

struct zl_ruleset *zl_ruleset_new(void)
{
	GUARDED_PTR(struct zl_ruleset *, zl_ruleset_new_impl());
}

char *zl_rule_tunables(const struct zl_ruleset *rs, const char *id)
{
	GUARDED_PTR(char *, zl_rule_tunables_impl(rs, id));
}

char *zl_checks_reference(const struct zl_ruleset *rs, bool json)
{
	GUARDED_PTR(char *, zl_checks_reference_impl(rs, json));
}

enum zl_status zl_ruleset_load_builtin(struct zl_ruleset *rs,
				       struct zl_diags *errs)
{
	GUARDED(zl_ruleset_load_builtin_impl(rs, errs), );
}

enum zl_status zl_ruleset_load_file(struct zl_ruleset *rs, const char *path,
				    struct zl_diags *errs)
{
	GUARDED(zl_ruleset_load_file_impl(rs, path, errs), );
}

enum zl_status zl_ruleset_load_file_in(struct zl_ruleset *rs, const char *dir,
				       const char *name, struct zl_diags *errs)
{
	GUARDED(zl_ruleset_load_file_in_impl(rs, dir, name, errs), );
}

enum zl_status zl_ruleset_load_buffer(struct zl_ruleset *rs, const char *name,
				      const char *buf, size_t len,
				      struct zl_diags *errs)
{
	GUARDED(zl_ruleset_load_buffer_impl(rs, name, buf, len, errs), );
}

enum zl_status zl_ruleset_select(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	GUARDED(zl_ruleset_select_impl(rs, ids, errs), );
}

enum zl_status zl_ruleset_ignore(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs)
{
	GUARDED(zl_ruleset_ignore_impl(rs, ids, errs), );
}

enum zl_status zl_ruleset_set_severity(struct zl_ruleset *rs, const char *id,
				       enum zl_severity sev,
				       struct zl_diags *errs)
{
	GUARDED(zl_ruleset_set_severity_impl(rs, id, sev, errs), );
}

/* ---- linting ---- */

enum zl_status zl_lint(const struct zl_ruleset *rs, const struct zl_zone *z,
		       struct zl_diags *out)
{
	GUARDED((zl_lint_impl(rs, z, NULL, 1, out), ZL_OK), );
}

enum zl_status zl_lint_with(const struct zl_ruleset *rs,
			    const struct zl_zone *z,
			    const struct zl_lint_opts *o,
			    struct zl_diags *out)
{
	GUARDED((zl_lint_impl(rs, z, o, 1, out), ZL_OK), );
}

enum zl_status zl_lint_threads(const struct zl_ruleset *rs,
			       const struct zl_zone *z,
			       const struct zl_lint_opts *o, unsigned threads,
			       struct zl_diags *out)
{
	GUARDED((zl_lint_impl(rs, z, o, threads, out), ZL_OK), );
}

struct zl_zoneset *zl_zoneset_new(void)
{
	GUARDED_PTR(struct zl_zoneset *, zl_zoneset_new_impl());
}

enum zl_status zl_zoneset_add(struct zl_zoneset *s, struct zl_zone *z)
{
	GUARDED(zl_zoneset_add_impl(s, z), zl_zone_free(z););
}

enum zl_status zl_zoneset_add_file(struct zl_zoneset *s, const char *path,
				   const char *origin,
				   const struct zl_load_opts *opts)
{
	GUARDED(zl_zoneset_add_file_impl(s, path, origin, opts), );
}

enum zl_status zl_summary(const struct zl_zone *base,
			  const struct zl_zone *cur, struct zl_zoneset *set,
			  enum zl_summary_format fmt, const char *title,
			  char **out)
{
	GUARDED(zl_summary_impl(base, cur, set, fmt, title, out),
		*out = NULL;);
}

/* ---- configuration ---- */

bool zl_config_find(const char *zone_path, char **out)
{
	struct zl_guard g;
	bool found;

	ZL_GUARD(&g, *out = NULL; return false;);
	found = zl_config_find_impl(zone_path, out);
	zl_guard_leave(&g);
	return found;
}

enum zl_status zl_config_load_file(const char *path,
				   const struct zl_ruleset *base,
				   struct zl_config **out,
				   struct zl_diags *errs)
{
	GUARDED(zl_config_load_file_impl(path, base, out, errs), *out = NULL;);
}

enum zl_status zl_config_load_buffer(const char *name, const char *dir,
				     const char *buf, size_t len,
				     const struct zl_ruleset *base,
				     struct zl_config **out,
				     struct zl_diags *errs)
{
	GUARDED(zl_config_load_buffer_impl(name, dir, buf, len, base, out,
					   errs), *out = NULL;);
}

enum zl_status zl_config_excluded(const struct zl_config *cf,
				  const char *path, bool *out)
{
	GUARDED((*out = zl_config_excluded_impl(cf, path), ZL_OK),
		*out = false;);
}

enum zl_status zl_config_origin(const struct zl_config *cf, const char *path,
				const char **out)
{
	GUARDED((*out = zl_config_origin_impl(cf, path), ZL_OK),
		*out = NULL;);
}

const struct zl_ruleset *zl_config_ruleset(struct zl_config *cf,
					   const char *zone_path)
{
	GUARDED_PTR(const struct zl_ruleset *,
		    zl_config_ruleset_impl(cf, zone_path));
}

enum zl_status zl_configs_new(const struct zl_ruleset *base, const char *path,
			      struct zl_configs **out, struct zl_diags *errs)
{
	GUARDED(zl_configs_new_impl(base, path, out, errs), *out = NULL;);
}

enum zl_status zl_configs_excluded(struct zl_configs *cs, const char *path,
				   bool *out, struct zl_diags *errs)
{
	GUARDED(zl_configs_excluded_impl(cs, path, out, errs), *out = false;);
}

enum zl_status zl_configs_origin(struct zl_configs *cs, const char *path,
				 const char **out, struct zl_diags *errs)
{
	GUARDED(zl_configs_origin_impl(cs, path, out, errs), *out = NULL;);
}

enum zl_status zl_configs_ruleset(struct zl_configs *cs, const char *zone_path,
				  const struct zl_ruleset **out,
				  struct zl_diags *errs)
{
	GUARDED(zl_configs_ruleset_impl(cs, zone_path, out, errs),
		*out = NULL;);
}

/* ---- output ---- */

enum zl_status zl_format(enum zl_format fmt, const struct zl_diags *d,
			 const struct zl_format_opts *opts, FILE *out)
{
	GUARDED(zl_format_impl(fmt, d, opts, out), );
}

enum zl_status zl_server_read(const char *spec,
			      const struct zl_server_opts *o,
			      struct zl_server_zones *out,
			      struct zl_diags *errs)
{
	GUARDED(zl_server_read_impl(spec, o, out, errs), ;);
}

enum zl_status zl_tsig_key_read(const char *path, struct zl_tsig_key *out,
				struct zl_diags *errs)
{
	GUARDED(zl_tsig_key_read_impl(path, out, errs),
		*out = (struct zl_tsig_key){ 0 };);
}

/* ---- baselines ---- */

enum zl_status zl_baseline_load(const char *root, const char *path,
				struct zl_baseline **out,
				struct zl_diags *errs)
{
	GUARDED(zl_baseline_load_impl(root, path, NULL, out, errs), *out = NULL;);
}

enum zl_status zl_baseline_write(const struct zl_diags *d, FILE *out)
{
	GUARDED(zl_baseline_write_impl(d, out), );
}

enum zl_status zl_baseline_apply(const struct zl_baseline *b,
				 struct zl_diags *d, size_t *hidden,
				 size_t *stale)
{
	GUARDED(zl_baseline_apply_impl(b, d, hidden, stale), );
}

enum zl_status zl_configs_baseline(const struct zl_configs *cs,
				   struct zl_baseline **b)
{
	GUARDED(zl_configs_baseline_impl(cs, b), );
}

enum zl_status zl_baseline_load_buffer(const char *name, const char *buf,
				       size_t len, struct zl_baseline **out,
				       struct zl_diags *errs)
{
	GUARDED(zl_baseline_load_buffer_impl(name, buf, len, out, errs),
		*out = NULL;);
}

enum zl_status zl_baseline_merge(struct zl_baseline **dst,
				 const struct zl_baseline *src)
{
	GUARDED(((void)zl_baseline_merge_impl(dst, src), ZL_OK), );
}
