/* packs.c - the packs: of a .zonelint.yaml (docs/config.md): the rule set
 * its zones get is the run's base made again with the packs added (the
 * built-in packs, each --rules, the config's packs, then the command line's
 * selection).  The packs are read as the config was: from the file system,
 * confined to the config's directory, or under --from-index as staged. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define MAX_PACK (16u << 20)	/* the rule loader's limit for a file */

static void pack_error(const struct zl_loc *loc, struct zl_diags *errs,
		       const char *path, const char *why)
{
	must_ptr(zl_diags_add(errs, NULL, ZL_SEV_ERROR, loc,
			      "cannot read rule pack '%s': %s", path, why));
}

/* One staged rule file, full the path from the current directory. */
static bool staged_file(const struct gitidx *g, struct zl_ruleset *rs,
			const char *full, const struct zl_loc *loc,
			struct zl_diags *errs)
{
	const struct zl_provider *p = gitidx_provider(g);
	struct zl_read rd = { .path = full, .max = MAX_PACK };
	struct zl_file f = { 0 };
	char *why = NULL;
	enum zl_status st;

	if (must(p->read(p->arg, &rd, &f, &why)) != ZL_OK) {
		pack_error(loc, errs, full, why ? why : "it is not staged");
		free(why);
		return false;
	}
	st = must(zl_ruleset_load_buffer(rs, full, f.data, f.len, errs));
	free(f.data);
	free(f.id);
	return st == ZL_OK;
}

/* A pack as staged: a file, or the *.yaml files staged in a directory. */
static bool staged_pack(const struct gitidx *g, struct zl_ruleset *rs,
			const char *full, const struct zl_loc *loc,
			struct zl_diags *errs)
{
	char *rel = gitidx_rel(g, full), **names = NULL, *p;
	size_t n = 0, i;
	bool ok = true;

	if (!rel || gitidx_has(g, rel) ||
	    !gitidx_list(g, rel, is_yaml_name, &names, &n)) {
		ok = staged_file(g, rs, full, loc, errs);
	} else if (n == 0) {
		pack_error(loc, errs, full, "no *.yaml rule files are staged "
			   "in this directory");
		ok = false;
	}
	for (i = 0; i < n; i++) {
		p = path_join(full, names[i]);
		ok = staged_file(g, rs, p, loc, errs) && ok;
		free(p);
	}
	free_names(names, n);
	free(rel);
	return ok;
}

/* Whether the directories on the way to pack path, below dir, may be
 * gone through: '..' never above dir, none a symbolic link, which is not
 * followed (looked at with lstat, so nothing outside dir is listed or even
 * looked for), and no name .git on the way or at its end.  *why: the
 * reason when not. */
static bool pack_way_ok(const char *dir, const char *path, const char **why)
{
	char *way = xstrdup(path), *name, *save = NULL, *full;
	struct stat sb;
	size_t depth = 0, len;
	bool ok = true;

	for (name = strtok_r(way, "/", &save); ok && name;
	     name = strtok_r(NULL, "/", &save)) {
		len = (size_t)(name - way) + strlen(name);
		if (strcasecmp(name, ".git") == 0)
			ok = false, *why = "nothing below .git is read";
		else if (save == NULL || *save == '\0')
			break;	/* the last name: read as the pack itself */
		else if (strcmp(name, "..") == 0 && depth-- == 0)
			ok = false, *why = "'..' leads out of its directory";
		else if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
			depth++;
			full = xasprintf("%s/%.*s", dir, (int)len, path);
			if (lstat(full, &sb) == 0 && S_ISLNK(sb.st_mode))
				ok = false, *why = "a symbolic link on the way "
					"to it is not followed";
			free(full);
		}
	}
	free(way);
	return ok;
}

/* A pack on disk: a file, or the *.yaml files of a directory, each read
 * confined to the config's directory dir. */
static bool disk_pack(struct zl_ruleset *rs, const char *dir,
		      const char *path, const struct zl_loc *loc,
		      struct loaded *done, struct zl_diags *errs)
{
	char *full = path_join(dir, path), **names, *name, *p;
	const char *why;
	struct stat sb;
	size_t n, i;
	bool ok = true;

	/* A link is read as a file, confined: one to a directory is not
	 * followed. */
	if (!pack_way_ok(dir, path, &why)) {
		pack_error(loc, errs, full, why);
		ok = false;
	} else if (lstat(full, &sb) != 0) {
		pack_error(loc, errs, full, ERRSTR(errno));
		ok = false;
	} else if (!S_ISDIR(sb.st_mode)) {
		ok = cli_load_rule_file(rs, dir, path, full, loc, done, errs);
	} else if (list_dir(full, true, is_yaml_name, &names, &n) != 0) {
		pack_error(loc, errs, full, ERRSTR(errno));
		ok = false;
	} else {
		if (n == 0) {
			pack_error(loc, errs, full, "no *.yaml rule files in "
				   "this directory");
			ok = false;
		}
		for (i = 0; i < n; i++) {
			name = path_join(path, names[i]);
			p = path_join(dir, name);
			ok = cli_load_rule_file(rs, dir, name, p, loc, done,
						errs) && ok;
			free(p);
			free(name);
		}
		free_names(names, n);
	}
	free(full);
	return ok;
}

/* The zl_packs_fn of the run's base rule set. */
static enum zl_status make_packs(void *arg, const char *dir,
				 const char *const *paths,
				 const struct zl_loc *locs, size_t n,
				 struct zl_ruleset **out,
				 struct zl_diags *errs)
{
	const struct run *r = arg;
	struct zl_ruleset *rs = must_ptr(zl_ruleset_new());
	struct loaded done = { 0 };
	bool ok;
	size_t i;

	ok = cli_load_packs(r->cli, rs, &done, errs);
	for (i = 0; i < n; i++) {
		char *full = path_join(dir, paths[i]);

		ok = (r->idx ? staged_pack(r->idx, rs, full, &locs[i], errs) :
		      disk_pack(rs, dir, paths[i], &locs[i], &done, errs)) &&
		     ok;
		free(full);
	}
	free(done.v);
	if (ok)
		ok = cli_tune_rules(r->cli, rs, errs);
	if (!ok) {
		zl_ruleset_free(rs);
		*out = NULL;
		return ZL_ERR_RULES;
	}
	*out = rs;
	return ZL_OK;
}

void cli_packs_enable(struct zl_ruleset *rs, struct run *r)
{
	zl_ruleset_set_packs(rs, make_packs, r);
}
