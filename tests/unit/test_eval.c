/* test_eval.c - unit tests for the rule engine: scopes, select, rendered findings. */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "suites.h"

static const char zone_text[] =
	"$ORIGIN example.com.\n"
	"$TTL 3600\n"
	"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"	/* 3 */
	"@ IN NS ns1\n"						/* 4 */
	"@ IN MX 10 mail\n"					/* 5 */
	"@ IN MX 20 mail2\n"					/* 6 */
	"mail IN A 192.0.2.1\n"					/* 7 */
	"_dmarc IN TXT \"v=DMARC1; p=none\"\n"			/* 8 */
	"www IN TXT \"hello\"   \"world\" ; two strings\n"	/* 9 */
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa IN A 192.0.2.2\n";	/* 10 */

/* The record that stands for a subject: the record itself, the first of an
 * RRset or of a name, the first of the zone. */
static const struct zl_rr *subject_rr(const struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;

	if (ctx->rr)
		return ctx->rr;
	if (ctx->set)
		return &z->rrs[ctx->set->first];
	if (ctx->name)
		return &z->rrs[zl_name_sets(ctx->name)->first];
	return &z->rrs[0];
}

/* Test primitive: one finding per subject, with a hostile value, a fix-it
 * and a note at the owner. */
static void each(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = subject_rr(ctx);
	zl_finding d = ZL_EMIT_RR(ctx, rr, { "val", "a\033[31mb" },
				  { "fix", "fixed." });

	zl_emit_note(ctx, d, rr->src, zl_rr_hdr(ctx->zone, rr, ZL_HDR_OWNER),
		     "note %d", 1);
}

static const struct zl_param_spec no_params[] = { { .key = NULL } };

static const struct zl_check t_each = {
	.name = "each",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD) | ZL_SCOPE_BIT(ZL_SCOPE_RRSET) |
		  ZL_SCOPE_BIT(ZL_SCOPE_NAME) | ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = each,
	.params = no_params,
	.vars = (const char *const[]){ "val", "fix", NULL },
};

/* Test primitive for a zone: every record from the last to the first,
 * each with the same finding twice. */
static void twice(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	size_t i;

	for (i = z->nrrs; i-- > 0;) {
		ZL_EMIT_RR(ctx, &z->rrs[i], { "val", "same" });
		ZL_EMIT_RR(ctx, &z->rrs[i], { "val", "same" });
	}
}

static const struct zl_check t_twice = {
	.name = "twice",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_ZONE),
	.fn = twice,
	.params = no_params,
	.vars = (const char *const[]){ "val", NULL },
};

static const struct zl_check *const t_checks[] = { &t_each, &t_twice };

#define RULE(n, sev, scope, sel) \
	"  - id: EVA" n "\n" \
	"    name: rule-" n "\n" \
	"    severity: " sev "\n" \
	"    summary: s\n" \
	"    scope: " scope "\n" \
	"    select: " sel "\n" \
	"    check: each\n" \
	"    message: \"m\"\n"

static const char pack[] =
	"rules:\n"
	RULE("001", "warning", "record", "{ type: MX }")
	RULE("002", "warning", "record", "{ owner: '^_DMARC\\.' }")
	RULE("003", "warning", "record", "{ rdata: '^\"hello\" \"world\"$' }")
	RULE("004", "warning", "rrset", "{ type: MX }")
	RULE("005", "warning", "name", "{ type: [TXT] }")
	RULE("006", "warning", "zone", "{}")
	RULE("007", "off", "record", "{ type: MX }")
	RULE("008", "warning", "name", "{ rdata: 'DMARC1' }")
	RULE("009", "warning", "record", "{ owner: '^(a+)+$|example' }")
	RULE("010", "warning", "rrset", "{ type: [A, TXT], rdata: '^192' }");

static struct zl_zone *load_zone(void)
{
	struct zl_zone *z = NULL;
	char *err = NULL;

	ck_assert_int_eq(zl_zone_load_buffer("t.zone", zone_text,
					     strlen(zone_text), NULL, &z, &err),
			 ZL_OK);
	ck_assert_ptr_null(err);
	ck_assert_uint_eq(z->nprobs, 0);
	return z;
}

static struct zl_ruleset *load_rules(const char *text)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags errs;
	enum zl_status st;

	zl_diags_init(&errs);
	st = zl_ruleset_load_yaml(rs, "t.yaml", text, strlen(text), t_checks,
				  2, &errs);
	if (errs.n)
		ck_abort_msg("%u:%u: %s", errs.v[0].loc.line,
			     errs.v[0].loc.col, errs.v[0].message);
	ck_assert_int_eq(st, ZL_OK);
	zl_diags_free(&errs);
	return rs;
}

/* The lines at which rule id fired, as a string like "5,6". */
static void lines_of(const struct zl_diags *d, const char *id, char *out)
{
	size_t i;

	*out = '\0';
	for (i = 0; i < d->n; i++)
		if (d->v[i].id && strcmp(d->v[i].id, id) == 0)
			sprintf(out + strlen(out), "%s%u", *out ? "," : "",
				d->v[i].loc.line);
}

START_TEST(test_lint)
{
	struct zl_ruleset *rs = load_rules(pack);
	struct zl_zone *z = load_zone();
	struct zl_diags d;
	char got[256];
	size_t i, n;

	zl_diags_init(&d);
	zl_lint(rs, z, &d);
	zl_diags_sort(&d);
#define EXPECT(id, want) \
	lines_of(&d, id, got); \
	ck_assert_str_eq(got, want);
	EXPECT("EVA001", "5,6")		/* record: type */
	EXPECT("EVA002", "8")		/* owner, case-insensitive */
	EXPECT("EVA003", "9")		/* rdata as written, joined by spaces */
	EXPECT("EVA004", "5")		/* rrset: once per set */
	EXPECT("EVA005", "8,9")		/* name: owns a TXT */
	EXPECT("EVA006", "3")		/* zone: once */
	EXPECT("EVA007", "")		/* off */
	EXPECT("EVA008", "8")		/* name: some record matches rdata */
	/* The match limit on the long owner skips that record only. */
	EXPECT("EVA009", "3,4,5,6,7,8,9")
	EXPECT("EVA010", "7,10")	/* rrset: type and rdata */
#undef EXPECT
	/* ... and says so once, as a warning without a rule id. */
	ck_assert_uint_eq(zl_diags_count(&d, ZL_SEV_WARNING), d.n);
	for (i = 0, n = 0; i < d.n; i++)
		if (!d.v[i].id) {
			n++;
			ck_assert_ptr_nonnull(strstr(d.v[i].message,
						     "rule EVA009 skipped"));
		}
	ck_assert_uint_eq(n, 1);
	zl_diags_free(&d);

	/* Turned off after loading: no findings at all. */
	ck_assert_int_eq(zl_ruleset_ignore(rs, "EVA", &d), ZL_OK);
	zl_lint(rs, z, &d);
	ck_assert_uint_eq(d.n, 0);
	zl_diags_free(&d);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_emit)
{
	static const char text[] =
		"rules:\n"
		"  - id: EMT001\n"
		"    name: emit-test\n"
		"    severity: error\n"
		"    summary: s\n"
		"    scope: record\n"
		"    select: { type: MX, rdata: '^20 ' }\n"
		"    check: each\n"
		"    message: \"val '{val}' at {owner} {type} {{x}}\"\n"
		"    help: \"use {fix}\"\n";
	struct zl_ruleset *rs = load_rules(text);
	struct zl_zone *z = load_zone();
	struct zl_diags d;
	struct zl_diag *dg;

	zl_diags_init(&d);
	zl_lint(rs, z, &d);
	ck_assert_uint_eq(d.n, 1);
	dg = &d.v[0];
	ck_assert_str_eq(dg->id, "EMT001");
	ck_assert_str_eq(dg->name, "emit-test");
	ck_assert_int_eq(dg->sev, ZL_SEV_ERROR);
	ck_assert_str_eq(dg->message,
			 "val 'a\\027[31mb' at example.com. MX {x}");
	ck_assert_str_eq(dg->help, "use fixed.");
	ck_assert_str_eq(dg->fixit, "fixed.");
	ck_assert_str_eq(dg->loc.file, "t.zone");
	ck_assert_uint_eq(dg->loc.line, 6);
	ck_assert_uint_eq(dg->loc.col, 1);
	ck_assert_uint_eq(dg->nnotes, 1);
	ck_assert_str_eq(dg->notes[0].message, "note 1");
	ck_assert_uint_eq(dg->notes[0].loc.line, 6);
	zl_diags_free(&d);

	/* A rule turned off emits nothing, even when called directly. */
	ck_assert_int_eq(zl_ruleset_set_severity(rs, "EMT001", ZL_SEV_OFF, &d),
			 ZL_OK);
	{
		struct zl_ctx ctx = { .rs = rs, .rule = rs->rules[0],
				      .zone = z, .out = &d, .rr = &z->rrs[2] };

		ck_assert_int_eq(ZL_EMIT_RR(&ctx, ctx.rr), ZL_NO_FINDING);
	}
	ck_assert_uint_eq(d.n, 0);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}
END_TEST

/* A finding repeated on its line is kept once with its count; of 1,200
 * findings of one rule, made from the last record to the first, the first
 * 1,000 in the text are kept and the rest counted in a summary at the
 * first of them. */
START_TEST(test_emit_limits)
{
	static const char text[] =
		"rules:\n"
		"  - id: TWI001\n"
		"    name: twice\n"
		"    severity: warning\n"
		"    summary: s\n"
		"    scope: zone\n"
		"    check: twice\n"
		"    message: \"m {val}\"\n";
	struct zl_ruleset *rs = load_rules(text);
	struct zl_buf zt = { 0 };
	struct zl_zone *z = NULL;
	struct zl_diags d;
	char *err = NULL;
	size_t i;

	zl_buf_add(&zt, "$TTL 1\n", 7);
	for (i = 0; i < 1200; i++)
		zl_buf_addf(&zt, "h%zu IN A 192.0.2.1\n", i);
	ck_assert_int_eq(zl_zone_load_buffer("example.com.zone", zt.s, zt.len,
					     NULL, &z, &err), ZL_OK);
	zl_diags_init(&d);
	zl_lint(rs, z, &d);
	zl_diags_sort(&d);
	ck_assert_uint_eq(d.n, 1001);
	for (i = 0; i < 1000; i++) {
		ck_assert_uint_eq(d.v[i].loc.line, i + 2);
		ck_assert_str_eq(d.v[i].message, "m same (2 times on this line)");
		ck_assert_uint_eq(d.v[i].count, 2);
		ck_assert(!d.v[i].summary);
	}
	ck_assert_uint_eq(d.v[1000].loc.line, 1002);
	ck_assert_str_eq(d.v[1000].message, "400 more findings of TWI001 not "
			 "shown (at most 1000 per rule)");
	ck_assert_uint_eq(d.v[1000].count, 400);
	ck_assert(d.v[1000].summary);
	ck_assert_int_eq(d.v[1000].sev, ZL_SEV_WARNING);
	zl_diags_free(&d);
	zl_zone_free(z);
	zl_buf_free(&zt);
	zl_ruleset_free(rs);
}
END_TEST

START_TEST(test_rr_field_tok)
{
	struct zl_zone *z = load_zone();
	const struct zl_rr *mx = &z->rrs[2];
	struct zl_tok t;

	ck_assert_uint_eq(mx->type, 15);
	t = zl_rr_field_tok(z, mx, 1);
	ck_assert_uint_eq(t.len, 4);
	ck_assert(memcmp(zl_tok_text(z, mx->src, t), "mail", 4) == 0);
	t = zl_rr_field_tok(z, mx, 0);
	ck_assert(memcmp(zl_tok_text(z, mx->src, t), "10", 2) == 0);
	/* out of range: the whole record */
	t = zl_rr_field_tok(z, mx, 9);
	ck_assert_uint_eq(t.off, mx->text.off);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_rr_name_field)
{
	struct zl_zone *z = load_zone();

	ck_assert_int_eq(zl_rr_name_field(&z->rrs[2], 0), 1);	/* MX */
	ck_assert_int_eq(zl_rr_name_field(&z->rrs[2], 1), -1);
	ck_assert_int_eq(zl_rr_name_field(&z->rrs[0], 0), 0);	/* SOA */
	ck_assert_int_eq(zl_rr_name_field(&z->rrs[0], 1), 1);
	ck_assert_int_eq(zl_rr_name_field(&z->rrs[0], 2), -1);
	ck_assert_int_eq(zl_rr_name_field(&z->rrs[4], 0), -1);	/* A */
	zl_zone_free(z);
}
END_TEST

START_TEST(test_type_str)
{
	ck_assert_str_eq(zl_type_str(15), "MX");
	ck_assert_str_eq(zl_type_str(16), "TXT");
	ck_assert_str_eq(zl_type_str(65534), "TYPE65534");
	ck_assert_str_eq(zl_type_str(261), "RESINFO");
	ck_assert_str_eq(zl_type_str(0), "TYPE0");
}
END_TEST

START_TEST(test_check_find)
{
	size_t i;

	ck_assert_uint_gt(zl_ncheck, 0);
	for (i = 0; i < zl_ncheck; i++)
		ck_assert_ptr_eq(zl_check_find(zl_checks[i]->name),
				 zl_checks[i]);
	ck_assert_ptr_nonnull(zl_check_find("target-not-alias"));
	ck_assert_ptr_null(zl_check_find("target-not-alais"));
	ck_assert_ptr_null(zl_check_find(NULL));
}
END_TEST

/* A select.owner pattern of literals is matched without PCRE2: it must
 * select what the same pattern written with classes, which PCRE2 matches,
 * selects. */
START_TEST(test_owner_literal)
{
	static const char zt[] =
		"$ORIGIN example.com.\n"
		"$TTL 3600\n"
		"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"	/* 3 */
		"_dmarc IN TXT \"a\"\n"				/* 4 */
		"_DMARC2 IN TXT \"a\"\n"				/* 5 */
		"sub._dmarc IN TXT \"a\"\n"			/* 6 */
		"x._report._dmarc IN TXT \"a\"\n"			/* 7 */
		"s1._domainkey IN TXT \"a\"\n"			/* 8 */
		"s1._DomainKey2 IN TXT \"a\"\n"			/* 9 */
		"x-y IN TXT \"a\"\n";				/* 10 */
	static const struct {
		const char *lit, *re, *want;
	} c[] = {
		{ "^_dmarc\\.", "^_dmarc[.]", "4" },
		{ "^_DMARC\\.|\\._report\\._dmarc\\.",
		  "^_dmarc[.]|[.]_report[.]_dmarc[.]", "4,7" },
		{ "\\._domainkey\\.", "[.]_domainkey[.]", "8" },
		{ "^x-y\\.", "^x[-]y[.]", "10" },
		{ "_dmarc", "_dmar[c]", "4,5,6,7" },
		{ "DMArc", "dmar[c]", "4,5,6,7" },
		{ "ey2|^s1\\.", "ey[2]|^s1[.]", "8,9" },
	};
	struct zl_ruleset *rs;
	struct zl_zone *z = NULL;
	struct zl_diags d;
	struct zl_buf y = { 0 };
	char got[64], id[16];
	char *err = NULL;
	size_t i;

	ck_assert_int_eq(zl_zone_load_buffer("t.zone", zt, strlen(zt), NULL,
					     &z, &err), ZL_OK);
	zl_buf_add(&y, "rules:\n", 7);
	for (i = 0; i < 2 * sizeof c / sizeof *c; i++) {
		zl_buf_addf(&y, "  - id: LIT%03zu\n    name: rule-%zu\n"
			    "    severity: warning\n    summary: s\n"
			    "    scope: record\n"
			    "    select: { type: TXT, owner: '%s' }\n"
			    "    check: each\n    message: \"m\"\n", i, i,
			    i % 2 ? c[i / 2].re : c[i / 2].lit);
	}
	rs = load_rules(y.s);
	zl_diags_init(&d);
	zl_lint(rs, z, &d);
	zl_diags_sort(&d);
	for (i = 0; i < sizeof c / sizeof *c; i++) {
		sprintf(id, "LIT%03zu", 2 * i);
		lines_of(&d, id, got);
		ck_assert_str_eq(got, c[i].want);
		sprintf(id, "LIT%03zu", 2 * i + 1);
		lines_of(&d, id, got);
		ck_assert_str_eq(got, c[i].want);
	}
	zl_diags_free(&d);
	zl_buf_free(&y);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}
END_TEST

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		ck_assert_ptr_eq(a, b);
	else
		ck_assert_str_eq(a, b);
}

static void same_loc(const struct zl_loc *a, const struct zl_loc *b)
{
	same_str(a->file, b->file);
	ck_assert_uint_eq(a->line, b->line);
	ck_assert_uint_eq(a->col, b->col);
	ck_assert_uint_eq(a->end_line, b->end_line);
	ck_assert_uint_eq(a->end_col, b->end_col);
}

/* d1 and d2, sorted, are the same field by field; returns how many. */
static size_t same_diags(struct zl_diags *d1, struct zl_diags *d2,
			 const char *what)
{
	size_t k, j;

	zl_diags_sort(d1);
	zl_diags_sort(d2);
	ck_assert_msg(d1->n == d2->n, "%s: %zu findings, %zu on two threads",
		      what, d1->n, d2->n);
	for (k = 0; k < d1->n; k++) {
		same_str(d1->v[k].id, d2->v[k].id);
		same_str(d1->v[k].message, d2->v[k].message);
		same_str(d1->v[k].help, d2->v[k].help);
		same_str(d1->v[k].fixit, d2->v[k].fixit);
		same_loc(&d1->v[k].loc, &d2->v[k].loc);
		ck_assert_int_eq(d1->v[k].sev, d2->v[k].sev);
		ck_assert_int_eq(d1->v[k].suppressed, d2->v[k].suppressed);
		ck_assert_int_eq(d1->v[k].summary, d2->v[k].summary);
		ck_assert_uint_eq(d1->v[k].count, d2->v[k].count);
		ck_assert_uint_eq(d1->v[k].nnotes, d2->v[k].nnotes);
		for (j = 0; j < d1->v[k].nnotes; j++) {
			same_str(d1->v[k].notes[j].message,
				 d2->v[k].notes[j].message);
			same_loc(&d1->v[k].notes[j].loc,
				 &d2->v[k].notes[j].loc);
		}
	}
	return d1->n;
}

/* Lints the zone text holds with rs on one thread, into d1, and with rs2
 * on two, into d2 (both sorted and the same); returns how many. */
static size_t lint_both(const struct zl_ruleset *rs,
			const struct zl_ruleset *rs2, const struct zl_buf *text,
			struct zl_diags *d1, struct zl_diags *d2)
{
	struct zl_zone *z = NULL;
	char *err = NULL;
	size_t n;

	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text->s, text->len,
					     NULL, &z, &err), ZL_OK);
	zl_diags_init(d1);
	zl_diags_init(d2);
	ck_assert_int_eq(zl_lint(rs, z, d1), ZL_OK);
	ck_assert_int_eq(zl_lint_threads(rs2, z, NULL, 2, d2), ZL_OK);
	n = same_diags(d1, d2, "t.zone");
	zl_zone_free(z);
	return n;
}

/* Two families of rules, the first (the helper thread's) with findings
 * repeated on their lines, more than a rule keeps, and some suppressed:
 * what its sink knows passes to the caller's. */
START_TEST(test_two_threads_sink)
{
	static const char rules[] =
		"rules:\n"
		"  - id: AAA001\n    name: a\n    severity: warning\n"
		"    summary: s\n    scope: zone\n    check: twice\n"
		"    message: \"m {val}\"\n"
		"  - id: BBB001\n    name: b\n    severity: error\n"
		"    summary: s\n    scope: record\n    check: each\n"
		"    message: \"m {val}\"\n";
	struct zl_ruleset *rs = load_rules(rules);
	struct zl_diags d1, d2;
	struct zl_buf text = { 0 };
	char line[96];
	size_t i, n, summaries = 0, twice_counted = 0;

	zl_buf_add(&text, zone_text, strlen(zone_text));
	for (i = 0; i < 2 * ZL_LIMIT_RULE_FINDINGS + 300; i++) {
		n = (size_t)snprintf(line, sizeof line, "h%zu IN A 192.0.2.3%s\n",
				     i, i % 2 ? "" :
				     " ; zonelint: disable=AAA001");
		zl_buf_add(&text, line, n);
	}
	ck_assert_uint_gt(lint_both(rs, rs, &text, &d1, &d2), 2000);
	for (i = 0; i < d2.n; i++) {
		summaries += d2.v[i].summary;
		twice_counted += d2.v[i].count == 2 && !d2.v[i].summary &&
				 strstr(d2.v[i].message, "(2 times") != NULL;
	}
	/* Each rule over its cap, suppressed and not (AAA001), says so. */
	ck_assert_uint_eq(summaries, 3);
	ck_assert_uint_gt(twice_counted, 900);
	zl_diags_free(&d1);
	zl_diags_free(&d2);
	zl_buf_free(&text);
	zl_ruleset_free(rs);
}
END_TEST

/* Two families whose select.owner pattern is the same and spends its
 * PCRE2 budget on the A records' owners (XB001, which runs first): each
 * family matches, and is charged, apart, so that XA001 finds its five TXT
 * records on one thread as on two. */
START_TEST(test_two_threads_budget)
{
#define XRULE(id, name, type) \
	"  - id: " id "\n    name: " name "\n    severity: warning\n" \
	"    summary: s\n    scope: record\n" \
	"    select: { type: " type ", owner: '^(a+)+$|^ab' }\n" \
	"    check: each\n    message: \"m {val}\"\n"
	static const char rules[] = "rules:\n" XRULE("XA001", "xa", "TXT")
				    XRULE("XB001", "xb", "A");
#undef XRULE
	/* One rule set each: the budget is the rule set's, for its run. */
	struct zl_ruleset *rs = load_rules(rules), *rs2 = load_rules(rules);
	struct zl_diags d1, d2;
	struct zl_buf text = { 0 };
	char line[96];
	size_t i, n, xa = 0;

	zl_buf_add(&text, zone_text, strlen(zone_text));
	for (i = 1; i <= 12; i++) {
		n = (size_t)snprintf(line, sizeof line, "%s%zu IN A 192.0.2.9\n",
				     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", i);
		zl_buf_add(&text, line, n);
	}
	for (i = 1; i <= 5; i++) {
		n = (size_t)snprintf(line, sizeof line, "ab%zu IN TXT \"x\"\n",
				     i);
		zl_buf_add(&text, line, n);
	}
	lint_both(rs, rs2, &text, &d1, &d2);
	for (i = 0; i < d1.n; i++)
		xa += d1.v[i].id && strcmp(d1.v[i].id, "XA001") == 0;
	ck_assert_uint_eq(xa, 5);
	zl_diags_free(&d1);
	zl_diags_free(&d2);
	zl_buf_free(&text);
	zl_ruleset_free(rs);
	zl_ruleset_free(rs2);
}
END_TEST

/* The findings of the rules run on one thread and on two
 * are the same, field by field, in every fixture zone of the test suite:
 * each rule runs whole on one of them, and its findings, follow-ons and
 * cap pass through the sink of the run as before. */
START_TEST(test_two_threads)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_diags d1, d2, errs;
	struct zl_zone *z;
	size_t i, found = 0;
	glob_t g;
	char *err;

	zl_diags_init(&errs);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &errs), ZL_OK);
	ck_assert_int_eq(glob("tests/fixtures/*/*.zone", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++) {
		err = NULL;
		z = NULL;
		if (zl_zone_load_file(g.gl_pathv[i], NULL, &z, &err) != ZL_OK) {
			free(err);
			continue;
		}
		zl_diags_init(&d1);
		zl_diags_init(&d2);
		ck_assert_int_eq(zl_lint(rs, z, &d1), ZL_OK);
		ck_assert_int_eq(zl_lint_threads(rs, z, NULL, 2, &d2), ZL_OK);
		found += same_diags(&d1, &d2, g.gl_pathv[i]);
		zl_diags_free(&d1);
		zl_diags_free(&d2);
		zl_zone_free(z);
	}
	/* The fixtures were there and had findings to compare. */
	ck_assert_uint_gt(g.gl_pathc, 50);
	ck_assert_uint_gt(found, 500);
	globfree(&g);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
}
END_TEST

Suite *eval_suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc;

#define T(name) \
	tc = tcase_create(#name); \
	tcase_add_test(tc, name); \
	suite_add_tcase(s, tc);
	T(test_lint)
	T(test_emit)
	T(test_emit_limits)
	T(test_rr_field_tok)
	T(test_rr_name_field)
	T(test_type_str)
	T(test_check_find)
	T(test_owner_literal)
	T(test_two_threads)
	T(test_two_threads_sink)
	T(test_two_threads_budget)
#undef T
	return s;
}
