/* test_variant.c - unit tests for a rule's `variant:` (what it checks,
 * fixed by the rule) against its tunable parameters, for ZL_EMIT (the
 * variables of a finding counted, none left out), and for the edit
 * distance behind "did you mean". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nearest.h"
#include "rule.h"
#include "suites.h"
#include "testutil.h"

static void noop(struct zl_ctx *ctx)
{
	(void)ctx;
}

static const struct zl_variant_spec one_axis[] = {
	{ .key = "problem", .names = (const char *const[]){ "syntax", "version", "key-type",
	  NULL } },
	{ .key = NULL },
};

static const struct zl_variant_spec two_axes[] = {
	{ .key = "record", .names = (const char *const[]){ "mta-sts", "tls-rpt", NULL } },
	{ .key = "problem", .names = (const char *const[]){ "syntax", "rua", NULL } },
	{ .key = NULL },
};

static const struct zl_variant_spec optional_axis[] = {
	{ .key = "at", .names = (const char *const[]){ "any", "apex", NULL }, .optional = true },
	{ .key = NULL },
};

static const struct zl_param_spec max_param[] = {
	{ .key = "max", .type = ZL_PT_INT, .dflt = "2", .min = 1, .max = 9 },
	{ .key = NULL },
};

static const struct zl_check v_one = {
	.name = "one", .scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD), .fn = noop,
	.variants = one_axis, .params = max_param,
	.vars = (const char *const[]){ NULL },
};
static const struct zl_check v_two = {
	.name = "two", .scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD), .fn = noop,
	.variants = two_axes, .params = max_param,
	.vars = (const char *const[]){ NULL },
};
static const struct zl_check v_none = {
	.name = "none", .scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD), .fn = noop,
	.params = max_param, .vars = (const char *const[]){ NULL },
};
static const struct zl_check v_opt = {
	.name = "opt", .scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD), .fn = noop,
	.variants = optional_axis, .params = max_param,
	.vars = (const char *const[]){ NULL },
};
static const struct zl_check *const v_checks[] = { &v_one, &v_two, &v_none,
						   &v_opt };

#define RULE(id, name, check, extra) \
	"  - id: " id "\n    name: r-" name "\n    severity: note\n" \
	"    summary: s\n    scope: record\n    check: " check "\n" \
	extra "    message: m\n"

static enum zl_status load(struct zl_ruleset *rs, const char *text,
			   struct zl_diags *errs)
{
	return zl_ruleset_load_yaml(rs, "v.yaml", text, strlen(text),
				    v_checks, 4, errs);
}

/* Whether errs holds an error at line:col whose message contains key. */
static bool has_err(const struct zl_diags *errs, uint32_t line, uint32_t col,
		    const char *key)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->v[i].loc.line == line && errs->v[i].loc.col == col &&
		    strstr(errs->v[i].message, key))
			return true;
	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "  %u:%u: %s\n", errs->v[i].loc.line,
			errs->v[i].loc.col, errs->v[i].message);
	return false;
}

START_TEST(test_variant_resolved)
{
	static const char yaml[] = "rules:\n"
		RULE("V001", "a", "one", "    variant: key-type\n")
		RULE("V002", "b", "two", "    variant: { problem: rua, record: "
		     "tls-rpt }\n    params: { max: 5 }\n")
		RULE("V003", "c", "one", "    variant: { problem: syntax }\n")
		RULE("V004", "d", "opt", "")
		RULE("V005", "e", "opt", "    variant: apex\n");
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, yaml, &errs), ZL_OK);
	ck_assert_uint_eq(rs->n, 5);
	ck_assert_uint_eq(zl_rule_variant(rs->rules[0], 0), 2);
	ck_assert_str_eq(zl_rule_variant_name(rs->rules[0], 0), "key-type");
	ck_assert_uint_eq(zl_rule_variant(rs->rules[1], 0), 1);
	ck_assert_uint_eq(zl_rule_variant(rs->rules[1], 1), 1);
	ck_assert_str_eq(zl_rule_variant_name(rs->rules[1], 1), "rua");
	ck_assert_int_eq(zl_rule_int(rs->rules[1], "max"), 5);
	ck_assert_uint_eq(zl_rule_variant(rs->rules[2], 0), 0);
	ck_assert_str_eq(zl_rule_variant_name(rs->rules[3], 0), "any");
	ck_assert_str_eq(zl_rule_variant_name(rs->rules[4], 0), "apex");
	zl_ruleset_free(rs);
	zl_diags_free(&errs);
}
END_TEST

START_TEST(test_variant_errors)
{
	static const char yaml[] = "rules:\n"
		RULE("V001", "a", "one", "")				/* 2:5 */
		RULE("V002", "b", "one", "    variant: sha2\n")	/* 15:14 */
		RULE("V003", "c", "one", "    variant: verison\n")	/* 23:14 */
		RULE("V004", "d", "none", "    variant: x\n")	/* 31:14 */
		RULE("V005", "e", "two", "    variant: rua\n")	/* 39:14 */
		RULE("V006", "f", "two", "    variant: { record: tls-rpt }\n")
		RULE("V007", "g", "one", "    variant: syntax\n"
		     "    params: { problem: version }\n");	/* 56:15 */
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;

	zl_diags_init(&errs);
	ck_assert_int_eq(load(rs, yaml, &errs), ZL_ERR_RULES);
	ck_assert_uint_eq(rs->n, 0);
	ck_assert(has_err(&errs, 2, 5, "check 'one' needs a 'variant': "
			  "problem (syntax, version, key-type)"));
	ck_assert(has_err(&errs, 15, 14, "unknown problem 'sha2' of check "
			  "'one' (expected one of: syntax, version, "
			  "key-type)"));
	ck_assert(has_err(&errs, 23, 14, "did you mean 'version'?"));
	ck_assert(has_err(&errs, 31, 14, "check 'none' has no variants"));
	ck_assert(has_err(&errs, 39, 14, "'variant' of a check with several "
			  "axes must be a mapping"));
	ck_assert(has_err(&errs, 47, 14, "needs a 'variant': problem "
			  "(syntax, rua)"));
	ck_assert(has_err(&errs, 56, 15, "unknown key 'problem' in params "
			  "of check 'one'"));
	zl_ruleset_free(rs);
	zl_diags_free(&errs);
}
END_TEST

START_TEST(test_edit_distance)
{
	static const char *const names[] = { "dkim-key", "dkim-rsa-size",
					     NULL, "present" };

	ck_assert_uint_eq(zl_edit_distance("kitten", "sitting", 9), 3);
	ck_assert_uint_eq(zl_edit_distance("MX004", "mx004", 3), 0);
	ck_assert_uint_eq(zl_edit_distance("ab", "ba", 3), 1);
	ck_assert_uint_eq(zl_edit_distance("", "abc", 9), 3);
	ck_assert_uint_eq(zl_edit_distance("abcdef", "x", 2), 3);
	ck_assert_str_eq(zl_nearest("dkim-kye", names, 4), "dkim-key");
	ck_assert_str_eq(zl_nearest("presnet", names, 4), "present");
	ck_assert_ptr_null(zl_nearest("present", names, 4));
	ck_assert_ptr_null(zl_nearest("spf-lookups", names, 4));
	ck_assert_ptr_null(zl_nearest("x", names, 4));
}
END_TEST

/* Exactly one edit, each kind, in any case; none and two are not. */
START_TEST(test_one_edit)
{
#define ONE(a, b) zl_one_edit(a, strlen(a), b, strlen(b))
	ck_assert(ONE("google.com", "gogle.com"));	/* left out */
	ck_assert(ONE("google.com", "googlle.com"));	/* added */
	ck_assert(ONE("google.com", "google.con"));	/* replaced */
	ck_assert(ONE("alt1.aspmx", "atl1.aspmx"));	/* swapped */
	ck_assert(ONE("google.com", "google.co"));	/* the last cut */
	ck_assert(ONE("GOOGLE.CM", "google.com"));
	ck_assert(!ONE("google.com", "GOOGLE.COM"));	/* the same */
	ck_assert(!ONE("google.com", "gogle.co"));
	ck_assert(!ONE("ab", "ba x"));
	ck_assert(!ONE("", ""));
	ck_assert(ONE("", "a"));
#undef ONE
}
END_TEST

START_TEST(test_emit_counts)
{
	ck_assert_uint_eq(ZL_NVARS_(), 0);
	ck_assert_uint_eq(ZL_NVARS_({ "a", "1" }), 1);
	ck_assert_uint_eq(ZL_NVARS_({ "a", "1" }, { "b", "2" }, { "c", "3" }),
			  3);
	ck_assert_str_eq((ZL_VARS_({ "a", "1" }, { "b", "2" }) + 1)[1].name,
			 "b");
}
END_TEST

/* A check that supplies "target" in every finding and "extra" in none. */
static void half(struct zl_ctx *ctx)
{
	ZL_EMIT_RR(ctx, ctx->rr, { "target", "t" });
}

static const struct zl_check v_half = {
	.name = "half", .scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD), .fn = half,
	.params = max_param,
	.vars = (const char *const[]){ "target", "extra", NULL },
};
static const struct zl_check *const half_checks[] = { &v_half };

static void lint_half(const char *message, const char *want)
{
	char *yaml = zl_xasprintf("rules:\n" RULE("H001", "h", "half",
				  "    select: { type: MX }\n")
				  "    help: \"%s\"\n", message);
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_load_opts opts = { .display = "t.zone" };
	struct zl_zone *z = NULL;
	const char *zone = TU_HEAD "@ IN MX 10 mx\nmx IN A 192.0.2.1\n";
	struct zl_diags d;
	char *err = NULL;

	zl_diags_init(&d);
	ck_assert_int_eq(zl_ruleset_load_yaml(rs, "h.yaml", yaml, strlen(yaml),
					      half_checks, 1, &d), ZL_OK);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", zone, strlen(zone),
					     &opts, &z, &err), ZL_OK);
	zl_lint(rs, z, &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].help, want);
	zl_diags_free(&d);
	zl_zone_free(z);
	zl_ruleset_free(rs);
	free(yaml);
}

START_TEST(test_emit_supplied)
{
	lint_half("to {target}", "to t");
}
END_TEST

/* The rule may use "extra" (the check declares it), but the check left
 * it out of this finding, as a check may in some of its variants: the
 * placeholder is shown as written, which tells the rule's author, and the
 * run goes on. */
START_TEST(test_emit_left_out)
{
	lint_half("to {target} {extra}", "to t {extra}");
}
END_TEST

Suite *variant_suite(void)
{
	Suite *s = suite_create("variant");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_variant_resolved);
	tcase_add_test(tc, test_variant_errors);
	tcase_add_test(tc, test_edit_distance);
	tcase_add_test(tc, test_one_edit);
	tcase_add_test(tc, test_emit_counts);
	tcase_add_test(tc, test_emit_supplied);
	tcase_add_test(tc, test_emit_left_out);
	suite_add_tcase(s, tc);
	return s;
}
