/* rules.c - the rule set of a run: the built-in packs, --rules files and
 * directories, the command line's selection; --list-rules and --explain. */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Like zl_fputs_escaped, but keeps the line breaks of multi-line rule text. */
static void put_lines(FILE *out, const char *s)
{
	size_t len;

	while (*s) {
		len = strcspn(s, "\n");
		if (len > 0) {
			char *line = xstrndup(s, len);

			zl_fputs_escaped(line, out);
			free(line);
		}
		s += len;
		if (*s == '\n' && *++s)
			fputc('\n', out);
	}
	fputc('\n', out);
}

bool cli_load_rule_file(struct zl_ruleset *rs, const char *dir,
			const char *name, const char *path,
			const struct zl_loc *at, struct loaded *done,
			struct zl_diags *errs)
{
	struct zl_loc loc = { 0 };
	struct zl_diags got;
	size_t before = errs->n, i;
	enum zl_status st;
	struct stat sb;
	bool *placed;

	if (stat(path, &sb) == 0) {
		for (i = 0; i < done->n; i++)
			if (done->v[i].dev == sb.st_dev &&
			    done->v[i].ino == sb.st_ino)
				return true;
		xgrow((void **)&done->v, &done->cap, done->n + 1,
			 sizeof *done->v);
		done->v[done->n].dev = sb.st_dev;
		done->v[done->n++].ino = sb.st_ino;
	}
	zl_diags_init(&got);
	st = must(dir ? zl_ruleset_load_file_in(rs, dir, name, &got) :
		  zl_ruleset_load_file(rs, path, &got));
	placed = xcalloc(got.n ? got.n : 1, sizeof *placed);
	for (i = 0; at && i < got.n; i++)
		if (!got.v[i].loc.file) {
			must_ptr(zl_diags_add(errs, NULL, got.v[i].sev, at,
					      "%s", got.v[i].message));
			placed[i] = true;
		}
	zl_diags_remove(&got, 0, placed);
	free(placed);
	must(zl_diags_move(errs, &got));
	zl_diags_free(&got);
	if (st != ZL_OK && errs->n == before) {
		/* Make sure every failure is reported, even one the loader
		 * had no position for. */
		loc.file = (char *)path;
		must_ptr(zl_diags_add(errs, NULL, ZL_SEV_ERROR, at ? at : &loc,
				      "%s", zl_status_str(st)));
	}
	return st == ZL_OK;
}

/* Loads a rule file, or every *.yaml file of a directory in name order:
 * those may not lead out of the directory. */
static bool load_rule_path(struct zl_ruleset *rs, const char *path,
			   struct loaded *done, struct zl_diags *errs)
{
	struct zl_loc loc = { 0 };
	struct stat sb;
	char **names, *full;
	size_t n, i;
	bool ok = true;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return cli_load_rule_file(rs, NULL, path, path, NULL, done,
					  errs);
	loc.file = (char *)path;
	if (list_dir(path, false, is_yaml_name, &names, &n) != 0) {
		must_ptr(zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc,
				      "cannot read the directory: %s",
				      ERRSTR(errno)));
		return false;
	}
	if (n == 0) {
		must_ptr(zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc,
				      "no *.yaml rule files in this directory"));
		ok = false;
	}
	for (i = 0; i < n; i++) {
		full = path_join(path, names[i]);
		ok = cli_load_rule_file(rs, path, names[i], full, NULL, done,
					 errs) &&
		     ok;
		free(full);
	}
	free_names(names, n);
	return ok;
}

/* ---- the rules the command line names ---- */

/* A config's packs: may add rules, which --select, --ignore and
 * --severity may name; the base rule set, made before any config is
 * read, has none of them.  Each name is then looked for in every rule
 * set of the run, and is an error only if none had it. */
struct cli_name {
	char *text;		/* an item of --select or --ignore, or the
				   id of --severity ID=LEVEL */
	atomic_bool found;	/* a rule set of the run had it */
};

struct cli_names {
	struct cli_name *v;
	size_t n, cap;
};

static void names_add(struct cli_names *ns, const char *s, size_t n)
{
	xgrow((void **)&ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n].text = xstrndup(s, n);
	atomic_init(&ns->v[ns->n].found, false);
	ns->n++;
}

/* The next item of a comma-separated list at *p, blanks around it cut:
 * its start, and its length in *n; NULL after the last. */
static const char *next_item(const char **p, size_t *n)
{
	const char *s = *p, *e;

	if (!s)
		return NULL;
	e = s + strcspn(s, ",");
	*p = *e ? e + 1 : NULL;
	s += strspn(s, " \t");
	for (*n = (size_t)(e - s); *n && (s[*n - 1] == ' ' ||
					 s[*n - 1] == '\t'); (*n)--)
		;
	return s;
}

/* Whether list has an empty item, which zl_ruleset_select() refuses. */
static bool has_empty(const char *list)
{
	const char *p = list, *s;
	size_t n;

	while ((s = next_item(&p, &n)) != NULL)
		if (n == 0)
			return true;
	return false;
}

void cli_names_defer(struct cli *c)
{
	const char *lists[2] = { c->select, c->ignore }, *p, *s;
	struct cli_names *ns;
	size_t i, n;

	if (!c->select && !c->ignore && !c->nsevs)
		return;
	/* An empty item is refused at once, as without configs. */
	for (i = 0; i < 2; i++)
		if (lists[i] && has_empty(lists[i]))
			return;
	ns = xcalloc(1, sizeof *ns);
	for (i = 0; i < 2; i++)
		for (p = lists[i]; (s = next_item(&p, &n)) != NULL;)
			names_add(ns, s, n);
	for (i = 0; i < c->nsevs; i++)
		names_add(ns, c->sevs[i], strcspn(c->sevs[i], "="));
	c->names = ns;
}

void cli_names_free(struct cli *c)
{
	size_t i;

	if (!c->names)
		return;
	for (i = 0; i < c->names->n; i++)
		free(c->names->v[i].text);
	free(c->names->v);
	free(c->names);
	c->names = NULL;
}

/* Whether rs has the rule s[0..n) names, noted as found if so. */
static bool found_in(const struct cli *c, const struct zl_ruleset *rs,
		     const char *s, size_t n, bool exact)
{
	struct zl_rule_info ri;
	char *name = xstrndup(s, n);
	bool has = exact ? zl_ruleset_find(rs, name, &ri) :
		   zl_ruleset_matches(rs, name);
	size_t i;

	for (i = 0; has && i < c->names->n; i++)
		if (strcmp(c->names->v[i].text, name) == 0)
			atomic_store(&c->names->v[i].found, true);
	free(name);
	return has;
}

/* --select (select) or --ignore: with c->names, only the items rs has a
 * rule for; --select with none of them leaves every rule of rs off. */
static bool apply_list(const struct cli *c, struct zl_ruleset *rs,
		       const char *list, bool select, struct zl_diags *errs)
{
	const char *p = list, *s;
	struct zl_rule_info ri;
	char *kept;
	size_t n, k = 0, i;
	bool ok = true;

	if (!c->names)
		return must(select ? zl_ruleset_select(rs, list, errs) :
			    zl_ruleset_ignore(rs, list, errs)) == ZL_OK;
	kept = xmalloc(strlen(list) + 1);
	while ((s = next_item(&p, &n)) != NULL)
		if (found_in(c, rs, s, n, false)) {
			if (k)
				kept[k++] = ',';
			memcpy(kept + k, s, n);
			k += n;
		}
	kept[k] = '\0';
	if (k)
		ok = must(select ? zl_ruleset_select(rs, kept, errs) :
			  zl_ruleset_ignore(rs, kept, errs)) == ZL_OK;
	else if (select)
		for (i = 0; zl_ruleset_info(rs, i, &ri); i++)
			ok = must(zl_ruleset_set_severity(rs, ri.id,
							  ZL_SEV_OFF, errs)) ==
			     ZL_OK && ok;
	free(kept);
	return ok;
}

bool cli_tune_rules(const struct cli *c, struct zl_ruleset *rs,
		       struct zl_diags *errs)
{
	enum zl_severity sev;
	bool ok = true;
	char *id;
	size_t i, n;

	/* An option given as '' is still given: an empty list is an error,
	 * not no selection. */
	if (c->select && !apply_list(c, rs, c->select, true, errs))
		ok = false;
	if (c->ignore && !apply_list(c, rs, c->ignore, false, errs))
		ok = false;
	for (i = 0; i < c->nsevs; i++) {
		n = strcspn(c->sevs[i], "=");
		if (c->names && !found_in(c, rs, c->sevs[i], n, true))
			continue;
		id = xstrndup(c->sevs[i], n);
		/* The level was checked when the option was parsed. */
		if (!zl_severity_parse(strchr(c->sevs[i], '=') + 1, &sev) ||
		    must(zl_ruleset_set_severity(rs, id, sev, errs)) != ZL_OK)
			ok = false;
		free(id);
	}
	return ok;
}

bool cli_names_check(const struct cli *c, const struct zl_ruleset *base)
{
	struct zl_diags errs;
	const char *near;
	size_t i;
	bool ok;

	if (!c->names)
		return true;
	zl_diags_init(&errs);
	for (i = 0; i < c->names->n; i++) {
		if (atomic_load(&c->names->v[i].found))
			continue;
		near = zl_ruleset_nearest(base, c->names->v[i].text);
		must_ptr(zl_diags_add(&errs, NULL, ZL_SEV_ERROR, NULL,
				      "no rule matches '%s' in the built-in "
				      "packs, --rules or the packs of a "
				      "config this run read%s%s%s",
				      c->names->v[i].text,
				      near ? "; did you mean '" : "",
				      near ? near : "", near ? "'?" : ""));
	}
	ok = errs.n == 0;
	if (!ok)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	return ok;
}

bool cli_load_packs(const struct cli *c, struct zl_ruleset *rs,
		    struct loaded *done, struct zl_diags *errs)
{
	bool ok = true;
	size_t i;

	if (!c->no_default_rules &&
	    must(zl_ruleset_load_builtin(rs, errs)) != ZL_OK)
		ok = false;
	for (i = 0; i < c->nrules; i++)
		ok = load_rule_path(rs, c->rules[i], done, errs) && ok;
	return ok;
}

struct zl_ruleset *cli_load_rules(const struct cli *c, size_t *nchecked)
{
	struct zl_ruleset *rs = must_ptr(zl_ruleset_new());
	struct loaded done = { 0 };
	struct zl_diags errs;
	bool ok;
	size_t i;

	zl_diags_init(&errs);
	ok = cli_load_packs(c, rs, &done, &errs);
	*nchecked = zl_ruleset_count(rs);
	for (i = 0; c->action == ACT_CHECK_RULES && i < c->npaths; i++)
		ok = load_rule_path(rs, c->paths[i], &done, &errs) && ok;
	*nchecked = zl_ruleset_count(rs) - *nchecked;
	free(done.v);
	/* Selection only makes sense on a rule set that loaded. */
	if (ok && !cli_tune_rules(c, rs, &errs))
		ok = false;
	if (!ok || errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	if (!ok) {
		zl_ruleset_free(rs);
		return NULL;
	}
	return rs;
}

/* ---- --list-rules and --explain ---- */

int cli_list_rules(const struct zl_ruleset *rs)
{
	struct zl_rule_info ri;
	int idw = 0, namew = 0;
	char *name;
	size_t i;

	/* Two passes: the columns are as wide as the longest id and name. */
	for (i = 0; zl_ruleset_info(rs, i, &ri); i++) {
		if ((int)strlen(ri.id) > idw)
			idw = (int)strlen(ri.id);
		if (ri.name && (int)strlen(ri.name) > namew)
			namew = (int)strlen(ri.name);
	}
	for (i = 0; zl_ruleset_info(rs, i, &ri); i++) {
		name = xescaped(ri.name ? ri.name : "-");
		printf("%-*s  %-7s  %-*s  ", idw, ri.id,
		       zl_severity_str(ri.severity), namew, name);
		zl_fputs_escaped(ri.summary, stdout);
		fputc('\n', stdout);
		free(name);
	}
	return RC_OK;
}

static void explain_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("  %-12s ", label);
	zl_fputs_escaped(value, stdout);
	fputc('\n', stdout);
}

int cli_list_checks(const struct zl_ruleset *rs, bool json)
{
	char *text = must_ptr(zl_checks_reference(rs, json));

	fputs(text, stdout);
	free(text);
	return RC_OK;
}

int cli_explain(const struct zl_ruleset *rs, const char *id)
{
	struct zl_rule_info ri;
	char *text;
	size_t i;

	if (!zl_ruleset_find(rs, id, &ri)) {
		const char *near = zl_ruleset_nearest(rs, id);

		if (near)
			cli_warnx("no rule '%s'; did you mean '%s'?", id, near);
		else
			cli_warnx("no rule '%s' (see zonelint --list-rules)",
				  id);
		return RC_FAIL;
	}
	printf("%s ", ri.id);
	zl_fputs_escaped(ri.name, stdout);
	fputs(": ", stdout);
	zl_fputs_escaped(ri.summary, stdout);
	fputc('\n', stdout);
	printf("  %-12s %s (default %s)\n", "severity:",
	       zl_severity_str(ri.severity),
	       zl_severity_str(ri.default_severity));
	explain_field("scope:", ri.scope);
	explain_field("check:", ri.check);
	explain_field("defined at:", ri.origin);
	text = must_ptr(zl_rule_tunables(rs, id));
	fputs(text, stdout);
	free(text);
	if (ri.description && *ri.description) {
		fputc('\n', stdout);
		put_lines(stdout, ri.description);
	}
	if (ri.help && *ri.help) {
		fputs("\nhelp: ", stdout);
		zl_fputs_escaped(ri.help, stdout);
		fputc('\n', stdout);
	}
	if (ri.nreferences > 0)
		fputs("\nreferences:\n", stdout);
	for (i = 0; i < ri.nreferences; i++) {
		fputs("  - ", stdout);
		zl_fputs_escaped(ri.references[i], stdout);
		fputc('\n', stdout);
	}
	return RC_OK;
}

