/* test_rules.c - unit tests for the YAML rule loader and the rule set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "rule.h"
#include "rule_builtin.h"
#include "rule_yaml.h"
#include "suites.h"

/* Test-only primitives: the loader is exercised through
 * zl_ruleset_load_yaml() with this table instead of zl_checks. */
static void noop(struct zl_ctx *ctx)
{
	(void)ctx;
}

static const char *const modes[] = { "strict", "loose", NULL };

static const struct zl_param_spec t_params[] = {
	{ .key = "max", .type = ZL_PT_INT, .dflt = "300", .min = 0,
	  .max = 65535 },
	{ .key = "strict", .type = ZL_PT_BOOL, .dflt = "false" },
	{ .key = "mode", .type = ZL_PT_ENUM, .dflt = "loose",
	  .choices = modes },
	{ .key = "label", .type = ZL_PT_STR, .dflt = "x" },
	{ .key = "allow", .type = ZL_PT_REGEXLIST, .dflt = "['^a', 'b$']" },
	{ .key = "names", .type = ZL_PT_STRLIST, .dflt = "[]" },
	{ .key = "limits", .type = ZL_PT_INTMAP, .dflt = "{a: 1, b: 2}",
	  .min = 0, .max = 10 },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

static const struct zl_check t_check = {
	.name = "test-check",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD) | ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = noop,
	.params = t_params,
	.vars = (const char *const[]){ "target", "canonical", NULL },
};

static const struct zl_check t_zone = {
	.name = "zone-check",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = noop,
	.params = no_params,
	.vars = NULL,
};

static const struct zl_check *const t_checks[] = { &t_check, &t_zone };

static const char good[] =
	"# a valid pack\n"
	"rules:\n"
	"  - id: TST002\n"
	"    name: second-rule\n"
	"    severity: warning\n"
	"    summary: the second\n"
	"    scope: record\n"
	"    select: { type: [MX, txt, TYPE65534], owner: '^_dmarc\\.',"
	" rdata: 'v=DMARC1' }\n"
	"    check: test-check\n"
	"    params: { max: 60, strict: true, mode: strict, allow: ['x+'],"
	" limits: { k: 3 } }\n"
	"    message: \"target '{target}' is {{literal}} at {owner} {type}\"\n"
	"    help: \"use '{canonical}'\"\n"
	"    references: [\"RFC 1\", \"RFC 2\"]\n"
	"\n"
	"  - id: TST001\n"
	"    name: first-rule\n"
	"    severity: off\n"
	"    summary: the first\n"
	"    description: |\n"
	"      longer text\n"
	"    scope: zone\n"
	"    check: zone-check\n"
	"    message: \"zone {owner}\"\n";

static enum zl_status load(struct zl_ruleset *rs, const char *name,
			   const char *text, struct zl_diags *errs)
{
	return zl_ruleset_load_yaml(rs, name, text, strlen(text), t_checks, 2,
				    errs);
}

/* Whether errs holds an error at line:col whose message contains key. */
static bool has_err(const struct zl_diags *errs, uint32_t line, uint32_t col,
		    const char *key)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->v[i].loc.line == line && errs->v[i].loc.col == col &&
		    errs->v[i].sev == ZL_SEV_ERROR && !errs->v[i].id &&
		    strstr(errs->v[i].message, key))
			return true;
	return false;
}

static void dump(const struct zl_diags *errs)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "  %s:%u:%u: %s\n", errs->v[i].loc.file ?
			errs->v[i].loc.file : "-", errs->v[i].loc.line,
			errs->v[i].loc.col, errs->v[i].message);
}

START_TEST(test_load_yaml)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	struct zl_rule_info info;
	const struct zl_rule *r;
	long v = 0;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "good.yaml", good, &errs), ZL_OK);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(zl_ruleset_count(rs), 2);

	/* sorted by id */
	ck_assert(zl_ruleset_info(rs, 0, &info));
	ck_assert_str_eq(info.id, "TST001");
	ck_assert_str_eq(info.scope, "zone");
	ck_assert_str_eq(info.origin, "good.yaml:15");
	ck_assert_str_eq(info.description, "longer text\n");
	ck_assert_int_eq(info.severity, ZL_SEV_OFF);
	ck_assert_int_eq(info.default_severity, ZL_SEV_OFF);
	ck_assert_ptr_null(info.help);

	ck_assert(zl_ruleset_info(rs, 1, &info));
	ck_assert_str_eq(info.id, "TST002");
	ck_assert_str_eq(info.name, "second-rule");
	ck_assert_str_eq(info.check, "test-check");
	ck_assert_str_eq(info.scope, "record");
	ck_assert_str_eq(info.origin, "good.yaml:3");
	ck_assert_int_eq(info.severity, ZL_SEV_WARNING);
	ck_assert_uint_eq(info.nreferences, 2);
	ck_assert_str_eq(info.references[1], "RFC 2");
	ck_assert(!zl_ruleset_info(rs, 2, &info));

	r = rs->rules[1];
	ck_assert_uint_eq(r->ntypes, 3);
	ck_assert_uint_eq(r->types[0], 15);
	ck_assert_uint_eq(r->types[1], 16);
	ck_assert_uint_eq(r->types[2], 65534);
	ck_assert_ptr_nonnull(r->owner_re);
	ck_assert_ptr_nonnull(r->rdata_re);
	/* given parameters, then defaults */
	ck_assert_int_eq(zl_rule_int(r, "max"), 60);
	ck_assert_int_eq(zl_rule_int(r, "strict"), 1);
	ck_assert_str_eq(zl_rule_str(r, "mode"), "strict");
	ck_assert_str_eq(zl_rule_str(r, "label"), "x");
	ck_assert_uint_eq(zl_rule_param(r, "allow")->n, 1);
	ck_assert_ptr_nonnull(zl_rule_param(r, "allow")->res[0]);
	ck_assert_uint_eq(zl_rule_param(r, "names")->n, 0);
	ck_assert(zl_param_lookup(zl_rule_param(r, "limits"), "k", &v));
	ck_assert_int_eq(v, 3);
	ck_assert(!zl_param_lookup(zl_rule_param(r, "limits"), "a", &v));

	/* Loading the same pack again: every id and name is a duplicate,
	 * with a note at the first definition. */
	ck_assert_int_eq(load(rs, "again.yaml", good, &errs), ZL_ERR_RULES);
	ck_assert_uint_eq(zl_ruleset_count(rs), 2);
	ck_assert_uint_eq(errs.n, 4);
	ck_assert(has_err(&errs, 3, 9, "TST002"));
	ck_assert_uint_eq(errs.v[0].nnotes, 1);
	ck_assert_str_eq(errs.v[0].notes[0].loc.file, "good.yaml");
	ck_assert_uint_eq(errs.v[0].notes[0].loc.line, 3);

	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_defaults)
{
	static const char text[] =
		"rules:\n"
		"  - id: DEF001\n"
		"    name: defaults\n"
		"    severity: note\n"
		"    summary: all defaults\n"
		"    scope: rrset\n"
		"    check: test-check\n"
		"    message: \"{type} at {owner}\"\n";
	struct zl_ruleset *rs = zl_ruleset_new();
	const struct zl_param *allow;
	struct zl_diags errs;
	const struct zl_rule *r;
	long v = 0;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "d.yaml", text, &errs), ZL_OK);
	r = rs->rules[0];
	ck_assert_int_eq(zl_rule_int(r, "max"), 300);
	ck_assert_int_eq(zl_rule_int(r, "strict"), 0);
	ck_assert_str_eq(zl_rule_str(r, "mode"), "loose");
	allow = zl_rule_param(r, "allow");
	ck_assert_uint_eq(allow->n, 2);
	ck_assert_str_eq(allow->keys[1], "b$");
	ck_assert(zl_param_lookup(zl_rule_param(r, "limits"), "b", &v));
	ck_assert_int_eq(v, 2);
	ck_assert_uint_eq(r->ntypes, 0);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

/* breaks and needs (docs/rules.md, "One cause, one finding"): needs
 * defaults to select.type, an explicit list replaces it, and a clone
 * keeps both. */
START_TEST(test_load_follow)
{
	static const char text[] =
		"rules:\n"
		"  - id: FOL001\n"
		"    name: breaker\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    select: { type: [MX, TXT] }\n"
		"    check: test-check\n"
		"    breaks: true\n"
		"    message: m\n"
		"  - id: FOL002\n"
		"    name: needer\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: rrset\n"
		"    select: { type: MX }\n"
		"    check: test-check\n"
		"    needs: [txt, TYPE65534]\n"
		"    message: m\n"
		"  - id: FOL003\n"
		"    name: independent\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    select: { type: MX }\n"
		"    check: test-check\n"
		"    needs: []\n"
		"    message: m\n";
	static const char bad[] =
		"rules:\n"
		"  - id: FOL004\n"
		"    name: bad-follow\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: rrset\n"
		"    check: test-check\n"
		"    breaks: true\n"			/* 8:13 */
		"    needs: [MX, NOPE]\n"			/* 9:17 */
		"    message: m\n"
		"  - id: FOL005\n"
		"    name: bad-breaks\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    check: test-check\n"
		"    breaks: often\n"			/* 17:13 */
		"    message: m\n";
	struct zl_ruleset *rs = zl_ruleset_new(), *c;
	struct zl_diags errs;
	const struct zl_rule *r;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "f.yaml", text, &errs), ZL_OK);
	r = rs->rules[0];
	ck_assert(r->breaks);
	ck_assert_uint_eq(r->nneeds, 2);
	ck_assert_uint_eq(r->needs[0], 15);
	ck_assert_uint_eq(r->needs[1], 16);
	r = rs->rules[1];
	ck_assert(!r->breaks);
	ck_assert_uint_eq(r->nneeds, 2);
	ck_assert_uint_eq(r->needs[0], 16);
	ck_assert_uint_eq(r->needs[1], 65534);
	ck_assert_uint_eq(rs->rules[2]->nneeds, 0);
	/* A derived rule set's own copy of a rule keeps both. */
	c = zl_ruleset_derive(rs);
	ck_assert(c->rules[0]->breaks);
	ck_assert_ptr_ne(zl_ruleset_own(c, 1), rs->rules[1]);
	ck_assert_uint_eq(c->rules[1]->nneeds, 2);
	ck_assert_uint_eq(c->rules[1]->needs[1], 65534);
	zl_ruleset_free(c);

	ck_assert_int_eq(load(rs, "b.yaml", bad, &errs), ZL_ERR_RULES);
	if (errs.n != 3)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 3);
	ck_assert(has_err(&errs, 8, 13, "'breaks' applies to scope 'record'"));
	ck_assert(has_err(&errs, 9, 17, "'NOPE'"));
	ck_assert(has_err(&errs, 17, 13, "'often'"));
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_errors)
{
	static const char text[] =
		"rules:\n"
		"  - id: BAD001\n"
		"    name: bad-one\n"
		"    sevrity: error\n"			/* 4:5 */
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    check: target-not-alais\n"		/* 8:12 */
		"    message: \"m\"\n"
		"  - id: BAD002\n"
		"    name: bad-two\n"
		"    severity: fatal\n"			/* 12:15 */
		"    summary: s\n"
		"    scope: record\n"
		"    select: { owner: 'ab(c' }\n"		/* 15:27 */
		"    check: test-check\n"
		"    params: { max: many, mode: lax }\n"	/* 17:20, 17:32 */
		"    message: \"target '{tagret}'\"\n"	/* 18:23 */
		"  - id: BAD001\n"				/* 19:9 */
		"    name: bad-three\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: zone\n"				/* 23:12 */
		"    check: test-check\n"
		"    message: \"m\"\n";
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	size_t i;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "bad.yaml", text, &errs), ZL_ERR_RULES);
	ck_assert_uint_eq(zl_ruleset_count(rs), 0);
	if (errs.n != 9)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 9);
	ck_assert(has_err(&errs, 4, 5, "'sevrity'"));
	ck_assert(has_err(&errs, 8, 12, "'target-not-alais'"));
	ck_assert(has_err(&errs, 12, 15, "'fatal'"));
	ck_assert(has_err(&errs, 15, 27, "missing closing parenthesis"));
	ck_assert(has_err(&errs, 17, 20, "'many'"));
	ck_assert(has_err(&errs, 17, 32, "'lax'"));
	ck_assert(has_err(&errs, 18, 23, "{tagret}"));
	ck_assert(has_err(&errs, 19, 9, "'BAD001'"));
	ck_assert(has_err(&errs, 23, 12, "'zone'"));
	for (i = 0; i < errs.n; i++) {
		ck_assert_str_eq(errs.v[i].loc.file, "bad.yaml");
		ck_assert_ptr_nonnull(errs.v[i].loc.text);
	}
	/* the duplicate points back at the first definition */
	for (i = 0; i < errs.n && errs.v[i].loc.line != 19; i++)
		;
	ck_assert_uint_eq(errs.v[i].nnotes, 1);
	ck_assert_uint_eq(errs.v[i].notes[0].loc.line, 2);
	ck_assert_uint_eq(errs.v[i].notes[0].loc.col, 9);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_structure)
{
	static const char text[] =
		"rules:\n"
		"  - id: STR001\n"
		"    name: Not_Kebab\n"			/* 3:11 */
		"    severity: [error]\n"			/* 4:15 */
		"    summary: s\n"
		"    scope: record\n"
		"    check: test-check\n"
		"    params: { bogus: 1, limits: { a: x } }\n"	/* 8:15, 8:38 */
		"    message: \"{owner} {\"\n"		/* 9:23 */
		"    references: RFC 1\n"			/* 10:17 */
		"  - name: no-id\n"				/* 11:5 */
		"    severity: note\n"
		"    summary: s\n"
		"    scope: name\n"				/* 14:12 */
		"    check: zone-check\n"
		"    message: \"{type}\"\n";		/* 16:15 */
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "s.yaml", text, &errs), ZL_ERR_RULES);
	if (errs.n != 9)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 9);
	ck_assert(has_err(&errs, 3, 11, "kebab-case"));
	ck_assert(has_err(&errs, 4, 15, "scalar"));
	ck_assert(has_err(&errs, 8, 15, "'bogus'"));
	ck_assert(has_err(&errs, 8, 38, "'x'"));
	ck_assert(has_err(&errs, 9, 23, "placeholder"));
	ck_assert(has_err(&errs, 10, 17, "sequence"));
	ck_assert(has_err(&errs, 11, 5, "'id'"));
	ck_assert(has_err(&errs, 14, 12, "'name'"));
	ck_assert(has_err(&errs, 16, 15, "{type}"));
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_alias)
{
	static const char text[] =
		"rules:\n"
		"  - id: ALS001\n"
		"    name: &n alias-name\n"			/* 3:11 */
		"    severity: note\n"
		"    summary: *n\n"				/* 5:14 */
		"    scope: record\n"
		"    check: test-check\n"
		"    message: \"m\"\n";
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "a.yaml", text, &errs), ZL_ERR_RULES);
	if (errs.n != 2)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 2);
	ck_assert(has_err(&errs, 3, 11, "anchor"));
	ck_assert(has_err(&errs, 5, 14, "alias"));
	ck_assert_uint_eq(zl_ruleset_count(rs), 0);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_limits)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	char text[128];
	int i;

	/* The root mapping is level 1, so the 32nd '[' is level 33. */
	strcpy(text, "rules: ");
	for (i = 0; i < 40; i++)
		strcat(text, "[");
	for (i = 0; i < 40; i++)
		strcat(text, "]");
	strcat(text, "\n");
	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "deep.yaml", text, &errs), ZL_ERR_RULES);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert(has_err(&errs, 1, 39, "nesting"));
	zl_diags_free(&errs);

	/* Oversized buffers are refused before parsing. */
	ck_assert_int_eq(zl_ruleset_load_yaml(rs, "big.yaml", "",
					      ZL_RULES_MAX_SIZE + 1, t_checks,
					      2, &errs), ZL_ERR_LIMIT);
	ck_assert_uint_eq(errs.n, 1);
	zl_diags_free(&errs);

	/* An empty list of rules is fine; an empty file is not. */
	ck_assert_int_eq(load(rs, "empty.yaml", "rules: []\n", &errs), ZL_OK);
	ck_assert_int_eq(load(rs, "e.yaml", "", &errs), ZL_ERR_RULES);
	ck_assert(has_err(&errs, 1, 1, "empty"));
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_syntax)
{
	static const char text[] =
		"rules:\n"
		"  - id: SYN001\n"
		"    name: \"x\" y\n";
	static const char twodocs[] = "rules: []\n---\nrules: []\n";
	static const char tabbed[] = "rules:\n\t- id: X001\n";
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "y.yaml", text, &errs), ZL_ERR_RULES);
	if (errs.n != 1)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert(has_err(&errs, 3, 15, "invalid YAML"));
	/* libyaml's context, where the mapping began */
	ck_assert_uint_eq(errs.v[0].nnotes, 1);
	ck_assert_uint_eq(errs.v[0].notes[0].loc.line, 2);
	ck_assert_uint_eq(errs.v[0].notes[0].loc.col, 5);
	zl_diags_free(&errs);

	ck_assert_int_eq(load(rs, "t.yaml", twodocs, &errs), ZL_ERR_RULES);
	ck_assert(has_err(&errs, 2, 1, "more than one"));
	zl_diags_free(&errs);

	ck_assert_int_eq(load(rs, "t.yaml", tabbed, &errs), ZL_ERR_RULES);
	ck_assert(has_err(&errs, 2, 1, "invalid YAML"));
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_file)
{
	char path[] = "/tmp/zl_rules_XXXXXX";
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	int fd;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_file(rs, "/nonexistent/r.yaml", &errs),
			 ZL_ERR_IO);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_ptr_nonnull(strstr(errs.v[0].message, "/nonexistent/r.yaml"));
	zl_diags_free(&errs);

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "rules: [\n", 9), 9);
	close(fd);
	ck_assert_int_eq(zl_ruleset_load_file(rs, path, &errs), ZL_ERR_RULES);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.v[0].loc.file, path);
	unlink(path);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_load_builtin)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	if (errs.n)
		dump(&errs);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_gt(zl_ruleset_count(rs), 0);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

/* The rules of the built-in pack p alone. */
static size_t pack_rules(const struct zl_builtin_pack *p)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	size_t n;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_packs(rs, p, 1, zl_checks, zl_ncheck,
					       &errs), ZL_OK);
	n = zl_ruleset_count(rs);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
	return n;
}

/* In one batch, each pack's ids and names are looked up among those of
 * every pack before it: the first and the last pack again, after all of
 * them, repeat each of their ids and names, and add nothing. */
START_TEST(test_load_batch)
{
	size_t n = zl_builtin_npacks, i, dups, all;
	struct zl_builtin_pack *packs = calloc(n + 2, sizeof *packs);
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	ck_assert_ptr_nonnull(packs);
	zl_diags_init(&errs);
	memcpy(packs, zl_builtin_packs, n * sizeof *packs);
	packs[n] = zl_builtin_packs[0];
	packs[n + 1] = zl_builtin_packs[n - 1];
	dups = pack_rules(&packs[n]) + pack_rules(&packs[n + 1]);
	ck_assert_uint_gt(dups, 2);
	ck_assert_int_eq(zl_ruleset_load_packs(rs, packs, n + 2, zl_checks,
					       zl_ncheck, &errs),
			 ZL_ERR_RULES);
	ck_assert_uint_eq(errs.n, 2 * dups);
	for (i = 0; i < errs.n; i++)
		ck_assert_ptr_nonnull(strstr(errs.v[i].message,
					     "duplicate rule "));
	zl_diags_free(&errs);
	zl_diags_init(&errs);
	all = zl_ruleset_count(rs);
	zl_ruleset_free(rs);
	rs = zl_ruleset_new();
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	ck_assert_uint_eq(zl_ruleset_count(rs), all);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
	free(packs);
}
END_TEST

static void same_mark(yaml_mark_t a, yaml_mark_t b)
{
	ck_assert_uint_eq(a.index, b.index);
	ck_assert_uint_eq(a.line, b.line);
	ck_assert_uint_eq(a.column, b.column);
}

/* Node for node, with values and positions; returns the nodes compared. */
static size_t same_tree(const struct zl_ynode *a, const struct zl_ynode *b)
{
	size_t n = 1;

	ck_assert_int_eq(a->kind, b->kind);
	ck_assert_int_eq(a->plain, b->plain);
	ck_assert_uint_eq(a->len, b->len);
	if (a->kind == ZL_Y_SCALAR)
		ck_assert_mem_eq(a->str, b->str, a->len + 1);
	same_mark(a->start, b->start);
	same_mark(a->end, b->end);
	ck_assert_uint_eq(a->n, b->n);
	for (a = a->kids, b = b->kids; a && b; a = a->next, b = b->next)
		n += same_tree(a, b);
	ck_assert_ptr_eq(a, b);	/* both lists ended */
	return n;
}

/* The events recorded at build time rebuild exactly the tree that libyaml
 * gives for each pack's text. */
START_TEST(test_builtin_replay)
{
	struct zl_yfile scan, replay;
	struct zl_ynode *ra, *rb;
	struct zl_diags errs;
	size_t i, nodes = 0;

	zl_diags_init(&errs);
	ck_assert_uint_gt(zl_builtin_npacks, 0);
	for (i = 0; i < zl_builtin_npacks; i++) {
		const struct zl_builtin_pack *p = &zl_builtin_packs[i];

		zl_yaml_open(&scan, p->name, p->text, p->len, &errs);
		zl_yaml_open(&replay, p->name, p->text, p->len, &errs);
		zl_yaml_replay(&replay, p->events, p->nevents, p->strings);
		ck_assert(zl_yaml_parse(&scan, &ra));
		ck_assert(zl_yaml_parse(&replay, &rb));
		ck_assert_ptr_nonnull(ra);
		ck_assert_ptr_nonnull(rb);
		nodes += same_tree(ra, rb);
		zl_yaml_close(&scan);
		zl_yaml_close(&replay);
	}
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_gt(nodes, 1000);
	zl_diags_free(&errs);
}
END_TEST

/* A rule set of three: TST001 (off), TST002 (warning), TST003 (error). */
static struct zl_ruleset *three(void)
{
	static const char more[] =
		"rules:\n"
		"  - id: TST003\n"
		"    name: third-rule\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    check: test-check\n"
		"    message: m\n";
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "good.yaml", good, &errs), ZL_OK);
	ck_assert_int_eq(load(rs, "more.yaml", more, &errs), ZL_OK);
	zl_diags_free(&errs);
	return rs;
}

START_TEST(test_select)
{
	struct zl_ruleset *rs = three();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_select(rs, "TST002,nosuch, XX9", &errs),
			 ZL_ERR_USAGE);
	ck_assert_uint_eq(errs.n, 2);
	ck_assert_ptr_nonnull(strstr(errs.v[0].message, "'nosuch'"));
	ck_assert_ptr_nonnull(strstr(errs.v[1].message, "'XX9'"));
	/* nothing changed */
	ck_assert_int_eq(rs->rules[2]->severity, ZL_SEV_ERROR);

	/* an empty item names no rule: an error, not "every rule off" */
	ck_assert_int_eq(zl_ruleset_select(rs, ",", &errs), ZL_ERR_USAGE);
	ck_assert_int_eq(zl_ruleset_select(rs, "", &errs), ZL_ERR_USAGE);
	ck_assert_int_eq(zl_ruleset_select(rs, "tst002, ,TST003", &errs),
			 ZL_ERR_USAGE);
	ck_assert_uint_eq(errs.n, 5);
	ck_assert_ptr_nonnull(strstr(errs.v[2].message, "empty rule id"));
	ck_assert_int_eq(rs->rules[2]->severity, ZL_SEV_ERROR);

	ck_assert_int_eq(zl_ruleset_select(rs, " tst002 ", &errs), ZL_OK);
	ck_assert_int_eq(rs->rules[0]->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rs->rules[1]->severity, ZL_SEV_WARNING);
	ck_assert_int_eq(rs->rules[2]->severity, ZL_SEV_OFF);
	ck_assert_int_eq(rs->rules[2]->default_severity, ZL_SEV_ERROR);
	ck_assert_uint_eq(errs.n, 5);
	zl_ruleset_free(rs);

	rs = three();
	ck_assert_int_eq(zl_ruleset_select(rs, "TST,third-rule", &errs), ZL_OK);
	ck_assert_int_eq(rs->rules[1]->severity, ZL_SEV_WARNING);
	ck_assert_int_eq(rs->rules[2]->severity, ZL_SEV_ERROR);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_ignore)
{
	struct zl_ruleset *rs = three();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_ignore(rs, "TST003", &errs), ZL_OK);
	ck_assert_int_eq(rs->rules[1]->severity, ZL_SEV_WARNING);
	ck_assert_int_eq(rs->rules[2]->severity, ZL_SEV_OFF);
	ck_assert_int_eq(zl_ruleset_ignore(rs, "MX", &errs), ZL_ERR_USAGE);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_int_eq(rs->rules[1]->severity, ZL_SEV_WARNING);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

/* An item of --select names a rule by id, id prefix or name, in any
 * case, as zl_ruleset_select() takes it. */
START_TEST(test_matches)
{
	struct zl_ruleset *rs = three();

	ck_assert(zl_ruleset_matches(rs, "TST003"));
	ck_assert(zl_ruleset_matches(rs, "tst"));
	ck_assert(zl_ruleset_matches(rs, "Third-Rule"));
	ck_assert(!zl_ruleset_matches(rs, "third"));
	ck_assert(!zl_ruleset_matches(rs, "TST0031"));
	ck_assert(!zl_ruleset_matches(rs, "XX"));
	ck_assert(!zl_ruleset_matches(rs, ""));
	ck_assert(!zl_ruleset_matches(NULL, "TST"));
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_set_severity)
{
	struct zl_ruleset *rs = three();
	struct zl_rule_info info;
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_set_severity(rs, "tst001", ZL_SEV_ERROR,
						 &errs), ZL_OK);
	ck_assert(zl_ruleset_find(rs, "TST001", &info));
	ck_assert_int_eq(info.severity, ZL_SEV_ERROR);
	/* found by name too, as --select and --severity find rules */
	ck_assert(zl_ruleset_find(rs, "First-Rule", &info));
	ck_assert_str_eq(info.id, "TST001");
	ck_assert_int_eq(info.severity, ZL_SEV_ERROR);
	ck_assert_int_eq(info.default_severity, ZL_SEV_OFF);
	ck_assert_int_eq(zl_ruleset_set_severity(rs, "TST009", ZL_SEV_NOTE,
						 &errs), ZL_ERR_USAGE);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert(!zl_ruleset_find(rs, "TST009", &info));
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

/* Rules by exact id or name, and by --ignore's items (id prefix or
 * name), in any case, by binary search. */
START_TEST(test_index)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	const uint32_t *ids;
	struct zl_diags errs;
	size_t n, i;
	long ri;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	ri = zl_ruleset_index(rs, "mx002", 5);
	ck_assert_int_ge(ri, 0);
	ck_assert_str_eq(rs->rules[ri]->id, "MX002");
	ck_assert_int_eq(zl_ruleset_index(rs, "MX-TARGET-IS-ALIAS", 18), ri);
	ck_assert_int_eq(zl_ruleset_index(rs, "MX00", 4), -1);
	ck_assert_int_eq(zl_ruleset_index(rs, "MX0021", 5), ri);
	ck_assert_int_lt(zl_ruleset_index(rs, "nope", 4), 0);
	ck_assert_int_eq(zl_ruleset_lookup(rs, "mx00", 4, &ids, &n), -1);
	ck_assert_uint_eq(n, 9);
	for (i = 0; i < n; i++)
		ck_assert(strncmp(rs->rules[ids[i]]->id, "MX00", 4) == 0);
	ck_assert_int_eq(zl_ruleset_lookup(rs, "mx-target-is-alias", 18, &ids,
					   &n), ri);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(zl_ruleset_lookup(rs, "ZZZ", 3, &ids, &n), -1);
	ck_assert_uint_eq(n, 0);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

/* Each match is bounded by the match limit, and each rule by its effort
 * budget: ten subjects at the limit spend it, the tenth says so, and the
 * rule matches nothing more in this run; another rule has its own. */
START_TEST(test_match)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct zl_diags errs;
	PCRE2_SIZE eoff;
	pcre2_code *re;
	clock_t t0;
	char *s;
	int ec, i;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, "good.yaml", good, &errs), ZL_OK);
	ck_assert_uint_ge(rs->n, 2);
	re = pcre2_compile((PCRE2_SPTR) "(a+)+$", PCRE2_ZERO_TERMINATED, 0,
			   &ec, &eoff, NULL);
	ck_assert_ptr_nonnull(re);
	ck_assert_int_eq(zl_ruleset_match(rs, 0, re, md, "aaa", 3),
			 ZL_MATCH_YES);
	ck_assert_int_eq(zl_ruleset_match(rs, 0, re, md, "b", 1), ZL_MATCH_NO);
	s = malloc(10002);
	memset(s, 'a', 10000);
	s[10000] = 'b';
	s[10001] = '\0';
	t0 = clock();
	for (i = 1; i < ZL_REGEX_BUDGET / 100000; i++)
		ck_assert_int_eq(zl_ruleset_match(rs, 0, re, md, s, 10001),
				 ZL_MATCH_LIMIT);
	ck_assert_int_eq(zl_ruleset_match(rs, 0, re, md, s, 10001),
			 ZL_MATCH_STOP);
	ck_assert((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
	ck_assert_int_eq(zl_ruleset_match(rs, 0, re, md, "aaa", 3),
			 ZL_MATCH_SPENT);
	ck_assert_int_eq(zl_ruleset_match(rs, 1, re, md, "aaa", 3),
			 ZL_MATCH_YES);
	free(s);
	pcre2_code_free(re);
	pcre2_match_data_free(md);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc;

#define T(name) \
	tc = tcase_create(#name); \
	tcase_add_test(tc, name); \
	suite_add_tcase(s, tc);
	T(test_load_yaml)
	T(test_load_defaults)
	T(test_load_follow)
	T(test_load_errors)
	T(test_load_structure)
	T(test_load_alias)
	T(test_load_limits)
	T(test_load_syntax)
	T(test_load_file)
	T(test_load_builtin)
	T(test_builtin_replay)
	T(test_load_batch)
	T(test_select)
	T(test_ignore)
	T(test_matches)
	T(test_set_severity)
	T(test_match)
	T(test_index)
#undef T
	return s;
}
