/* test_config.c - unit tests for .zonelint.yaml: globs, loading, errors, derived rule sets, discovery. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "suites.h"

static struct zl_ruleset *builtin(void)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	zl_diags_free(&errs);
	return rs;
}

static const struct zl_rule *rule(const struct zl_ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->rules[i]->id, id) == 0)
			return rs->rules[i];
	ck_abort_msg("no rule %s", id);
	return NULL;
}

/* Loads text as /repo/.zonelint.yaml; returns the status. */
static enum zl_status load(const char *text, const struct zl_ruleset *base,
			   struct zl_config **cf, struct zl_diags *errs)
{
	zl_diags_init(errs);
	return zl_config_load_buffer(".zonelint.yaml", "/repo", text,
				     strlen(text), base, cf, errs);
}

/* Asserts that errs holds an error at line:col whose message contains
 * part. */
static void has_error(const struct zl_diags *errs, unsigned line,
		      unsigned col, const char *part)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->v[i].loc.line == line && errs->v[i].loc.col == col &&
		    strstr(errs->v[i].message, part))
			return;
	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "  %u:%u: %s\n", errs->v[i].loc.line,
			errs->v[i].loc.col, errs->v[i].message);
	ck_abort_msg("no error at %u:%u with '%s'", line, col, part);
}

START_TEST(test_glob)
{
	ck_assert(zl_glob_match("zones/legacy/*.zone", "zones/legacy/a.zone"));
	ck_assert(!zl_glob_match("zones/legacy/*.zone",
				 "zones/legacy/old/a.zone"));
	ck_assert(!zl_glob_match("zones/legacy/*.zone", "zones/a.zone"));
	/* A bare name matches in any directory. */
	ck_assert(zl_glob_match("*.db", "a/b/db.x.db"));
	ck_assert(zl_glob_match("db.*", "db.example.com"));
	ck_assert(!zl_glob_match("*.db", "a/b.db/x.zone"));
	/* ** spans any number of directories, none included. */
	ck_assert(zl_glob_match("zones/**/*.zone", "zones/a.zone"));
	ck_assert(zl_glob_match("zones/**/*.zone", "zones/x/y/a.zone"));
	ck_assert(zl_glob_match("zones/**", "zones/x/y/a.zone"));
	ck_assert(zl_glob_match("**/legacy/*", "a/b/legacy/c"));
	ck_assert(!zl_glob_match("**/legacy/*", "a/b/legacy"));
	ck_assert(zl_glob_match("./zones/[ab].zone", "zones/b.zone"));
	ck_assert(zl_glob_match("/zones/?.zone", "zones/b.zone"));
	ck_assert(!zl_glob_match("zones/*.zone", ""));
	/* Many ** stay cheap (dynamic programming, no backtracking). */
	ck_assert(!zl_glob_match("**/**/**/**/**/**/**/**/**/**/x",
				 "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"));
}
END_TEST

static char *tree(void);
static void rmtree(const char *dir);

static const char good[] =
	"# a complete config\n"
	"rules:\n"
	"  MX009: off\n"
	"  mx-target-is-address: warning\n"
	"  TTL002:\n"
	"    severity: error\n"
	"    params: { min: 600, max: 7200 }\n"
	"ignore: [SPF01, CNAME005]\n"
	"overrides:\n"
	"  \"legacy/*.zone\":\n"
	"    rules: { MX009: note, TTL002: { params: { max: 99 } } }\n"
	"  \"**/test-*\":\n"
	"    ignore: MX\n";

START_TEST(test_load)
{
	struct zl_ruleset *base = builtin();
	const struct zl_ruleset *a, *b, *c;
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ck_assert_int_eq(load(good, base, &cf, &errs), ZL_OK);
	ck_assert_uint_eq(errs.n, 0);
	a = zl_config_ruleset(cf, "/repo/new/example.com.zone");
	ck_assert_int_eq(rule(a, "MX009")->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rule(a, "MX001")->severity, ZL_SEV_WARNING);
	ck_assert_int_eq(rule(a, "TTL002")->severity, ZL_SEV_ERROR);
	ck_assert_int_eq(zl_rule_int(rule(a, "TTL002"), "min"), 600);
	ck_assert_int_eq(zl_rule_int(rule(a, "TTL002"), "max"), 7200);
	ck_assert_int_eq(rule(a, "SPF012")->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rule(a, "CNAME005")->severity, ZL_SEV_OFF);
	ck_assert_int_ne(rule(a, "SPF001")->severity, ZL_SEV_OFF);
	/* The base is untouched. */
	ck_assert_int_eq(rule(base, "MX009")->severity, ZL_SEV_WARNING);
	ck_assert_int_eq(zl_rule_int(rule(base, "TTL002"), "max"), 432000);
	/* Overrides apply after the top level, in file order. */
	b = zl_config_ruleset(cf, "/repo/legacy/example.org.zone");
	ck_assert_ptr_ne(a, b);
	ck_assert_int_eq(rule(b, "MX009")->severity, ZL_SEV_NOTE);
	ck_assert_int_eq(zl_rule_int(rule(b, "TTL002"), "min"), 600);
	ck_assert_int_eq(zl_rule_int(rule(b, "TTL002"), "max"), 99);
	c = zl_config_ruleset(cf, "/repo/legacy/test-1.zone");
	ck_assert_int_eq(rule(c, "MX009")->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rule(c, "TTL002")->severity, ZL_SEV_ERROR);
	/* One rule set per combination of matching layers, cached. */
	ck_assert_ptr_eq(zl_config_ruleset(cf, "/repo/other.zone"), a);
	ck_assert_ptr_eq(zl_config_ruleset(cf, "/repo/legacy/x.zone"), b);
	ck_assert_ptr_eq(zl_config_ruleset(cf, "/repo/legacy/test-2.zone"), c);
	zl_config_free(cf);
	zl_ruleset_free(base);
}
END_TEST

START_TEST(test_load_list_form)
{
	static const char text[] =
		"overrides:\n"
		"  - files: [\"a/*\", \"b/*\"]\n"
		"    rules: { MX009: error }\n"
		"  - files: \"b/*\"\n"
		"    ignore: [MX009]\n";
	struct zl_ruleset *base = builtin();
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ck_assert_int_eq(load(text, base, &cf, &errs), ZL_OK);
	ck_assert_int_eq(rule(zl_config_ruleset(cf, "/repo/a/x"),
			      "MX009")->severity, ZL_SEV_ERROR);
	ck_assert_int_eq(rule(zl_config_ruleset(cf, "/repo/b/x"),
			      "MX009")->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rule(zl_config_ruleset(cf, "/repo/c/x"),
			      "MX009")->severity, ZL_SEV_WARNING);
	zl_config_free(cf);
	zl_ruleset_free(base);
}
END_TEST

/* Globs without wildcards are looked up by name (a file name in any
 * directory, or a path); at most ZL_GLOB_MAX_WILD may have wildcards. */
START_TEST(test_load_literal_globs)
{
	static const char text[] =
		"overrides:\n"
		"  \"zones/a.zone\": { rules: { MX009: error } }\n"
		"  \"./zones/./b.zone\": { rules: { MX009: note } }\n"
		"  \"c.zone\": { ignore: MX009 }\n"
		"  \"zones/*\": { rules: { MX001: note } }\n";
	struct zl_ruleset *base = builtin();
	const struct zl_ruleset *rs;
	struct zl_config *cf = NULL;
	struct zl_buf many = { 0 };
	struct zl_diags errs;
	int i;

	ck_assert_int_eq(load(text, base, &cf, &errs), ZL_OK);
	rs = zl_config_ruleset(cf, "/repo/zones/a.zone");
	ck_assert_int_eq(rule(rs, "MX009")->severity, ZL_SEV_ERROR);
	ck_assert_int_eq(rule(rs, "MX001")->severity, ZL_SEV_NOTE);
	rs = zl_config_ruleset(cf, "/repo/zones/b.zone");
	ck_assert_int_eq(rule(rs, "MX009")->severity, ZL_SEV_NOTE);
	rs = zl_config_ruleset(cf, "/repo/x/y/c.zone");
	ck_assert_int_eq(rule(rs, "MX009")->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rule(rs, "MX001")->severity, ZL_SEV_ERROR);
	rs = zl_config_ruleset(cf, "/repo/a.zone");
	ck_assert_int_eq(rule(rs, "MX009")->severity, ZL_SEV_WARNING);
	zl_config_free(cf);

	zl_buf_add(&many, "overrides:\n", 11);
	for (i = 0; i <= ZL_GLOB_MAX_WILD; i++)
		zl_buf_addf(&many, "  \"z%d/*\": { ignore: MX009 }\n", i);
	ck_assert_int_eq(load(many.s, base, &cf, &errs), ZL_ERR_CONFIG);
	ck_assert_uint_eq(errs.n, 1);
	has_error(&errs, ZL_GLOB_MAX_WILD + 2, 3, "more than 1000 file globs "
		  "with wildcards");
	zl_diags_free(&errs);
	/* exclude and origins globs are matched one by one too, with or
	 * without wildcards, and count with the others */
	many.len = 0;
	zl_buf_add(&many, "exclude:\n", 9);
	for (i = 0; i < ZL_GLOB_MAX_WILD / 2; i++)
		zl_buf_addf(&many, "  - x%d.zone\n", i);
	zl_buf_add(&many, "origins:\n", 9);
	for (i = 0; i <= ZL_GLOB_MAX_WILD / 2; i++)
		zl_buf_addf(&many, "  y%d.zone: y%d.example\n", i, i);
	ck_assert_int_eq(load(many.s, base, &cf, &errs), ZL_ERR_CONFIG);
	ck_assert_uint_eq(errs.n, 1);
	has_error(&errs, ZL_GLOB_MAX_WILD + 3, 3, "'exclude' or 'origins' "
		  "globs in one config");
	zl_diags_free(&errs);
	zl_buf_free(&many);
	zl_ruleset_free(base);
}
END_TEST

/* A derived rule set shares with the base every rule it leaves alone;
 * the same settings, from two configs, give one rule set. */
START_TEST(test_shared_rules)
{
	struct zl_ruleset *base = builtin();
	const struct zl_ruleset *a, *b;
	struct zl_config *cf = NULL;
	struct zl_configs *cs;
	struct zl_diags errs;
	char *dir, *p;
	size_t i, own = 0, spf01 = 0;

	ck_assert_int_eq(load(good, base, &cf, &errs), ZL_OK);
	a = zl_config_ruleset(cf, "/repo/x.zone");
	for (i = 0; i < a->n; i++) {
		own += a->rules[i] != base->rules[i];
		spf01 += strncmp(base->rules[i]->id, "SPF01", 5) == 0;
	}
	/* MX009, MX001, TTL002, CNAME005 and the SPF01x rules. */
	ck_assert_uint_eq(own, 4 + spf01);
	ck_assert_ptr_eq(rule(a, "MX002"), rule(base, "MX002"));
	ck_assert_ptr_ne(rule(a, "TTL002"), rule(base, "TTL002"));
	ck_assert_str_eq(rule(a, "TTL002")->message,
			 rule(base, "TTL002")->message);
	zl_config_free(cf);

	dir = tree();
	zl_diags_init(&errs);
	ck_assert_int_eq(zl_configs_new(base, NULL, &cs, &errs), ZL_OK);
	p = zl_xasprintf("%s/x.zone", dir);
	ck_assert_int_eq(zl_configs_ruleset(cs, p, &a, &errs), ZL_OK);
	free(p);
	p = zl_xasprintf("%s/repo/a/b/x.zone", dir);
	ck_assert_int_eq(zl_configs_ruleset(cs, p, &b, &errs), ZL_OK);
	free(p);
	ck_assert_ptr_eq(a, b);
	ck_assert_ptr_ne(a, base);
	zl_configs_free(cs);
	zl_diags_free(&errs);
	rmtree(dir);
	free(dir);
	zl_ruleset_free(base);
}
END_TEST

START_TEST(test_load_empty)
{
	struct zl_ruleset *base = builtin();
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ck_assert_int_eq(load("", base, &cf, &errs), ZL_OK);
	ck_assert_int_eq(rule(zl_config_ruleset(cf, "/repo/x.zone"),
			      "MX009")->severity, ZL_SEV_WARNING);
	zl_config_free(cf);
	ck_assert_int_eq(load("rules:\nignore:\noverrides:\n", base, &cf,
			      &errs), ZL_OK);
	zl_config_free(cf);
	zl_ruleset_free(base);
}
END_TEST

static const char bad[] =
	"rules:\n"					/* 1 */
	"  MX999: off\n"				/* 2 */
	"  MX009: loud\n"				/* 3 */
	"  TTL002:\n"					/* 4 */
	"    severity: warning\n"			/* 5 */
	"    params: { min: '300', mx: 1, max: -5 }\n"	/* 6 */
	"  MX001: [error]\n"				/* 7 */
	"  mx-target-is-address: note\n"		/* 8 */
	"ignroe: [MX]\n"				/* 9 */
	"ignore: [NOPE]\n"				/* 10 */
	"overrides:\n"					/* 11 */
	"  - rules: { MX001: { level: error } }\n"	/* 12 */
	"  - files: []\n";				/* 13 */

START_TEST(test_load_errors)
{
	struct zl_ruleset *base = builtin();
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ck_assert_int_eq(load(bad, base, &cf, &errs), ZL_ERR_CONFIG);
	ck_assert_ptr_null(cf);
	has_error(&errs, 2, 3, "unknown rule 'MX999'");
	has_error(&errs, 3, 10, "unknown severity 'loud'");
	has_error(&errs, 6, 20, "must be an integer");
	has_error(&errs, 6, 27, "unknown key 'mx'");
	has_error(&errs, 6, 39, "outside");
	has_error(&errs, 7, 10, "must be a severity or a mapping");
	has_error(&errs, 8, 3, "set twice");
	has_error(&errs, 9, 1, "unknown key 'ignroe'");
	has_error(&errs, 10, 10, "no rule matches 'NOPE'");
	has_error(&errs, 12, 5, "override has no key 'files'");
	has_error(&errs, 12, 23, "unknown key 'level'");
	has_error(&errs, 13, 12, "must not be empty");
	ck_assert_str_eq(errs.v[0].loc.file, ".zonelint.yaml");
	zl_diags_free(&errs);
	zl_ruleset_free(base);
}
END_TEST

START_TEST(test_load_yaml_errors)
{
	struct zl_ruleset *base = builtin();
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ck_assert_int_eq(load("rules: [\n", base, &cf, &errs), ZL_ERR_CONFIG);
	ck_assert_uint_ge(errs.n, 1);
	ck_assert_ptr_nonnull(strstr(errs.v[0].message, "invalid YAML"));
	zl_diags_free(&errs);
	ck_assert_int_eq(load("a: &x 1\nrules: *x\n", base, &cf, &errs),
			 ZL_ERR_CONFIG);
	has_error(&errs, 1, 4, "not allowed in config files");
	zl_diags_free(&errs);
	ck_assert_int_eq(load("- 1\n", base, &cf, &errs), ZL_ERR_CONFIG);
	has_error(&errs, 1, 1, "a config file must be a mapping");
	zl_diags_free(&errs);
	zl_ruleset_free(base);
}
END_TEST

static size_t ntuned;

static void tune(struct zl_ruleset *rs, void *arg)
{
	ck_assert_int_eq(zl_ruleset_set_severity(rs, arg, ZL_SEV_ERROR, NULL),
			 ZL_OK);
	ntuned++;
}

START_TEST(test_tune)
{
	struct zl_ruleset *base = builtin();
	struct zl_config *cf = NULL;
	struct zl_diags errs;

	ntuned = 0;
	ck_assert_int_eq(load(good, base, &cf, &errs), ZL_OK);
	zl_config_set_tune(cf, tune, "MX009");
	/* The hook runs last: the command line wins over the file. */
	ck_assert_int_eq(rule(zl_config_ruleset(cf, "/repo/a.zone"),
			      "MX009")->severity, ZL_SEV_ERROR);
	(void)zl_config_ruleset(cf, "/repo/b.zone");
	(void)zl_config_ruleset(cf, "/repo/legacy/b.zone");
	ck_assert_uint_eq(ntuned, 2);
	zl_config_free(cf);
	zl_ruleset_free(base);
}
END_TEST

/* A scratch tree: tmp/repo/.git, tmp/repo/.zonelint.yaml, tmp/repo/a/b,
 * and tmp/.zonelint.yaml above the repository. */
static char *tree(void)
{
	char tmpl[] = "/tmp/zl-config-XXXXXX", *dir, *p;
	const char *const dirs[] = { "repo", "repo/.git", "repo/a",
				     "repo/a/b", "repo/a/b/sub" };
	const char *const files[] = { ".zonelint.yaml", "repo/.zonelint.yaml",
				      "repo/a/b/sub/.zonelint.yaml" };
	size_t i;
	FILE *f;

	ck_assert_ptr_nonnull(dir = mkdtemp(tmpl));
	dir = zl_xstrdup(dir);
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		p = zl_xasprintf("%s/%s", dir, dirs[i]);
		ck_assert_int_eq(mkdir(p, 0700), 0);
		free(p);
	}
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		p = zl_xasprintf("%s/%s", dir, files[i]);
		ck_assert_ptr_nonnull(f = fopen(p, "w"));
		fputs(i == 2 ? "rules: { MX009: bogus }\n" : "rules: {}\n", f);
		fclose(f);
		free(p);
	}
	return dir;
}

static void rmtree(const char *dir)
{
	char *cmd = zl_xasprintf("rm -rf '%s'", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static void find_is(const char *dir, const char *zone, const char *want)
{
	char *z = zl_xasprintf("%s/%s", dir, zone), *w, *got;

	if (!want) {
		ck_assert(!zl_config_find(z, &got));
		ck_assert_ptr_null(got);
	} else {
		w = zl_xasprintf("%s/%s", dir, want);
		ck_assert(zl_config_find(z, &got));
		ck_assert_str_eq(got, w);
		free(w);
		free(got);
	}
	free(z);
}

START_TEST(test_find)
{
	char *dir = tree(), *p;

	find_is(dir, "repo/a/b/x.zone", "repo/.zonelint.yaml");
	find_is(dir, "repo/x.zone", "repo/.zonelint.yaml");
	find_is(dir, "repo/a/b/sub/x.zone", "repo/a/b/sub/.zonelint.yaml");
	/* Not a file there: a stdin name works as well. */
	find_is(dir, "repo/a/not-there/x.zone", "repo/.zonelint.yaml");
	find_is(dir, "x.zone", ".zonelint.yaml");
	/* The search stops at the repository root (.git). */
	p = zl_xasprintf("%s/repo/.zonelint.yaml", dir);
	ck_assert_int_eq(unlink(p), 0);
	free(p);
	find_is(dir, "repo/a/b/x.zone", NULL);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(test_configs)
{
	struct zl_ruleset *base = builtin();
	const struct zl_ruleset *rs;
	struct zl_configs *cs;
	struct zl_diags errs;
	char *dir = tree(), *p;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_configs_new(base, NULL, &cs, &errs), ZL_OK);
	p = zl_xasprintf("%s/repo/a/x.zone", dir);
	ck_assert_int_eq(zl_configs_ruleset(cs, p, &rs, &errs), ZL_OK);
	ck_assert_ptr_nonnull(rs);
	ck_assert_ptr_ne(rs, base);
	free(p);
	/* A bad config is reported once and refuses its files every time. */
	p = zl_xasprintf("%s/repo/a/b/sub/x.zone", dir);
	ck_assert_int_eq(zl_configs_ruleset(cs, p, &rs, &errs), ZL_ERR_CONFIG);
	ck_assert_ptr_null(rs);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_uint_eq(errs.v[0].loc.line, 1);
	ck_assert_uint_eq(errs.v[0].loc.col, 17);
	ck_assert_int_eq(zl_configs_ruleset(cs, p, &rs, &errs), ZL_ERR_CONFIG);
	ck_assert_uint_eq(errs.n, 1);
	zl_configs_free(cs);
	/* A fixed config is loaded at once. */
	ck_assert_int_eq(zl_configs_new(base, p, &cs, &errs), ZL_ERR_IO);
	free(p);
	p = zl_xasprintf("%s/repo/a/b/sub/.zonelint.yaml", dir);
	ck_assert_int_eq(zl_configs_new(base, p, &cs, &errs), ZL_ERR_CONFIG);
	free(p);
	zl_diags_free(&errs);
	rmtree(dir);
	free(dir);
	zl_ruleset_free(base);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_test(tc, test_glob);
	tcase_add_test(tc, test_load);
	tcase_add_test(tc, test_load_list_form);
	tcase_add_test(tc, test_load_literal_globs);
	tcase_add_test(tc, test_shared_rules);
	tcase_add_test(tc, test_load_empty);
	tcase_add_test(tc, test_load_errors);
	tcase_add_test(tc, test_load_yaml_errors);
	tcase_add_test(tc, test_tune);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_configs);
	suite_add_tcase(s, tc);
	return s;
}
