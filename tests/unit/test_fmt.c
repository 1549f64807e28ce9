/* test_fmt.c - unit tests for the output formats, compared byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util.h"
#include "zonelint.h"

static char *render(enum zl_format fmt, const struct zl_diags *d, bool color,
		    bool show_suppressed)
{
	struct zl_format_opts opts = { color, show_suppressed, NULL };
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zl_format(fmt, d, &opts, f), ZL_OK);
	fclose(f);
	return s;
}

static struct zl_loc mkloc(const char *file, uint32_t line, uint32_t col,
			   uint32_t end_line, uint32_t end_col, const char *text)
{
	struct zl_loc loc = { (char *)file, line, col, end_line, end_col, text,
			      text ? strlen(text) : 0 };

	return loc;
}

/* The example of DESIGN §5: a finding with a fix-it, a note and help. */
static void add_mx(struct zl_diags *d)
{
	struct zl_loc loc = mkloc("zones/example.com.zone", 14, 16, 14, 32,
				  "@   IN  MX  10 mail.example.com");
	struct zl_loc cn = mkloc("zones/example.com.zone", 9, 1, 9, 5,
				 "mail IN CNAME mx.example.net.");
	struct zl_diag *dg;

	dg = zl_diags_add(d, "MX004", ZL_SEV_ERROR, &loc,
			  "MX target '%s' repeats the origin; missing trailing dot?",
			  "mail.example.com.example.com.");
	dg->fixit = zl_xstrdup("mail.example.com.");
	dg->name = zl_xstrdup("mx-target-missing-dot");
	zl_diag_note(dg, &cn, "the CNAME is here");
	dg->help = zl_xstrdup("point the MX at 'mx.example.net.' directly");
}

START_TEST(test_format_parse)
{
	enum zl_format f = ZL_FMT_TEXT;

	ck_assert(zl_format_parse("gcc", &f));
	ck_assert_int_eq(f, ZL_FMT_GCC);
	ck_assert(zl_format_parse("json", &f));
	ck_assert_int_eq(f, ZL_FMT_JSON);
	ck_assert(zl_format_parse("text", &f));
	ck_assert_int_eq(f, ZL_FMT_TEXT);
	ck_assert(!zl_format_parse("sarif-ish", &f));
	ck_assert(!zl_format_parse("JSON", &f));
	ck_assert(!zl_format_parse(NULL, &f));
	ck_assert_int_eq(f, ZL_FMT_TEXT);
}
END_TEST

START_TEST(test_text_full)
{
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	add_mx(&d);
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s,
		"zones/example.com.zone:14:16: error: MX target 'mail.example.com.example.com.' repeats the origin; missing trailing dot? [MX004]\n"
		"   14 | @   IN  MX  10 mail.example.com\n"
		"      |                ^~~~~~~~~~~~~~~~\n"
		"      |                mail.example.com.\n"
		"zones/example.com.zone:9:1: note: the CNAME is here\n"
		"    9 | mail IN CNAME mx.example.net.\n"
		"      | ^~~~\n"
		"      = help: point the MX at 'mx.example.net.' directly\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_text_color)
{
	struct zl_loc loc = mkloc("a.zone", 2, 3, 2, 4, "a b c");
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	zl_diags_add(&d, "X001", ZL_SEV_WARNING, &loc, "w");
	zl_diags_add(&d, "X002", ZL_SEV_ERROR, NULL, "e");
	s = render(ZL_FMT_TEXT, &d, true, false);
	ck_assert_str_eq(s,
		"\033[1ma.zone:2:3:\033[0m \033[1;35mwarning:\033[0m w [X001]\n"
		"    2 | a b c\n"
		"      |   \033[1;32m^\033[0m\n"
		"\033[1mzonelint:\033[0m \033[1;31merror:\033[0m e [X002]\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

/* Tabs are copied into the caret line; control bytes in the source line are
 * shown as \DDD and the caret line skips four columns for each. */
START_TEST(test_text_escape_align)
{
	struct zl_loc loc = mkloc("t.zone", 1, 5, 1, 8, "a\t\033b\xc3\xa9xyz\xff");
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	zl_diags_add(&d, "X001", ZL_SEV_NOTE, &loc, "m");
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s,
		"t.zone:1:5: note: m [X001]\n"
		"    1 | a\t\\027b\xc3\xa9xyz\\255\n"
		"      |  \t     ^~\n");
	free(s);
	zl_diags_free(&d);
	/* A bidi override and a C1 control (CSI) are escaped byte by byte,
	 * in the source line as in the message, and the caret follows. */
	loc = mkloc("t.zone", 1, 4, 1, 7, "\xe2\x80\xaex\xc2\x9by");
	zl_diags_init(&d);
	zl_diags_add(&d, "X001", ZL_SEV_NOTE, &loc, "m \xe2\x81\xa6\xc2\x9d");
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s,
		"t.zone:1:4: note: m \\226\\129\\166\\194\\157 [X001]\n"
		"    1 | \\226\\128\\174x\\194\\155y\n"
		"      |             ^~~~~~~~~\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_text_spans)
{
	struct zl_loc multi = mkloc("s.zone", 3, 4, 5, 2, "@ IN SOA ( a");
	struct zl_loc past = mkloc("s.zone", 7, 6, 7, 6, "x  \"y");
	struct zl_loc empty = mkloc("s.zone", 8, 2, 8, 2, "xy");
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	zl_diags_add(&d, "X001", ZL_SEV_ERROR, &multi, "multi");
	zl_diags_add(&d, "X002", ZL_SEV_ERROR, &past, "past");
	zl_diags_add(&d, "X003", ZL_SEV_ERROR, &empty, "empty");
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s,
		"s.zone:3:4: error: multi [X001]\n"
		"    3 | @ IN SOA ( a\n"
		"      |    ^~~~~~~~~\n"
		"s.zone:7:6: error: past [X002]\n"
		"    7 | x  \"y\n"
		"      |      ^\n"
		"s.zone:8:2: error: empty [X003]\n"
		"    8 | xy\n"
		"      |  ^\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

/* Tool errors share the printer: no id, perhaps no column or no line. */
START_TEST(test_text_tool_errors)
{
	struct zl_loc yaml = mkloc("r.yaml", 4, 7, 4, 7, NULL);
	struct zl_loc file = mkloc("r.yaml", 0, 0, 0, 0, NULL);
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	zl_diags_add(&d, NULL, ZL_SEV_ERROR, &yaml, "unknown key '%s'", "sevrity");
	zl_diags_add(&d, NULL, ZL_SEV_ERROR, &file, "cannot open");
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s,
		"r.yaml:4:7: error: unknown key 'sevrity'\n"
		"r.yaml: error: cannot open\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_text_suppressed)
{
	struct zl_loc loc = mkloc("a.zone", 1, 1, 1, 2, NULL);
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	zl_diags_add(&d, "X001", ZL_SEV_ERROR, &loc, "hidden")->suppressed = true;
	zl_diags_add(&d, "X002", ZL_SEV_ERROR, &loc, "shown");
	s = render(ZL_FMT_TEXT, &d, false, false);
	ck_assert_str_eq(s, "a.zone:1:1: error: shown [X002]\n");
	free(s);
	s = render(ZL_FMT_TEXT, &d, false, true);
	ck_assert_str_eq(s,
		"a.zone:1:1: error: hidden [X001]\n"
		"      = note: suppressed in the zone file\n"
		"a.zone:1:1: error: shown [X002]\n");
	free(s);
	s = render(ZL_FMT_GCC, &d, false, false);
	ck_assert_str_eq(s, "a.zone:1:1: error: shown [X002]\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_gcc)
{
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	add_mx(&d);
	/* gcc output never has colour: editors parse it. */
	s = render(ZL_FMT_GCC, &d, true, false);
	ck_assert_str_eq(s,
		"zones/example.com.zone:14:16: error: MX target 'mail.example.com.example.com.' repeats the origin; missing trailing dot? [MX004]\n"
		"zones/example.com.zone:9:1: note: the CNAME is here\n");
	free(s);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_json_empty)
{
	struct zl_diags d;
	char *s;

	zl_diags_init(&d);
	s = render(ZL_FMT_JSON, &d, true, false);
	ck_assert_str_eq(s,
		"{\"tool\":{\"name\":\"zonelint\",\"version\":\"" ZL_VERSION "\"},"
		"\"diagnostics\":[],"
		"\"summary\":{\"error\":0,\"warning\":0,\"note\":0,\"suppressed\":0}}\n");
	free(s);
}
END_TEST

START_TEST(test_json_full)
{
	struct zl_loc loc = mkloc("q\"\\.zone", 2, 1, 2, 3, "x");
	struct zl_diags d;
	struct zl_diag *dg;
	char *s;

	zl_diags_init(&d);
	add_mx(&d);
	dg = zl_diags_add(&d, NULL, ZL_SEV_WARNING, NULL, "plain");
	dg->suppressed = true;
	dg = zl_diags_add(&d, "X001", ZL_SEV_NOTE, &loc, "x");
	/* Set directly so the raw bytes reach the JSON writer. */
	free(dg->message);
	dg->message = zl_xstrdup("tab\tnl\n\x01\r \xc3\xa9 csi\xc2\x9b "
				     "rlo\xe2\x80\xae bad\xff\xc3");
	s = render(ZL_FMT_JSON, &d, false, true);
	ck_assert_str_eq(s,
		"{\"tool\":{\"name\":\"zonelint\",\"version\":\"" ZL_VERSION "\"},"
		"\"diagnostics\":[\n"
		"{\"file\":\"zones/example.com.zone\",\"line\":14,\"column\":16,"
		"\"end_line\":14,\"end_column\":32,\"severity\":\"error\","
		"\"rule\":\"MX004\",\"name\":\"mx-target-missing-dot\","
		"\"message\":\"MX target 'mail.example.com.example.com.' repeats the origin; missing trailing dot?\","
		"\"help\":\"point the MX at 'mx.example.net.' directly\","
		"\"fixit\":\"mail.example.com.\","
		"\"notes\":[{\"file\":\"zones/example.com.zone\",\"line\":9,\"column\":1,"
		"\"end_line\":9,\"end_column\":5,\"message\":\"the CNAME is here\"}],"
		"\"suppressed\":false},\n"
		"{\"file\":null,\"line\":null,\"column\":null,\"end_line\":null,"
		"\"end_column\":null,\"severity\":\"warning\",\"rule\":null,"
		"\"name\":null,\"message\":\"plain\",\"help\":null,\"fixit\":null,"
		"\"notes\":[],\"suppressed\":true},\n"
		"{\"file\":\"q\\\"\\\\.zone\",\"line\":2,\"column\":1,\"end_line\":2,"
		"\"end_column\":3,\"severity\":\"note\",\"rule\":\"X001\",\"name\":null,"
		"\"message\":\"tab\\tnl\\n\\\\001\\\\013 \xc3\xa9 "
		"csi\\\\194\\\\155 rlo\\\\226\\\\128\\\\174 bad\\\\255\\\\195\","
		"\"help\":null,\"fixit\":null,\"notes\":[],\"suppressed\":false}\n"
		"],\"summary\":{\"error\":1,\"warning\":0,\"note\":1,\"suppressed\":1}}\n");
	free(s);
	s = render(ZL_FMT_JSON, &d, false, false);
	ck_assert_ptr_null(strstr(s, "\"plain\""));
	ck_assert_ptr_nonnull(strstr(s, "\"suppressed\":1}}"));
	free(s);
	zl_diags_free(&d);
}
END_TEST

/* Without a rule set (a library user formatting diagnostics it made
 * itself), SARIF lists each rule id of the findings once, in order of
 * appearance, with its name when the finding has one, and the results
 * carry no ruleIndex; a finding without an id has no ruleId either. */
START_TEST(test_sarif_no_rules)
{
	static const char rules[] =
		"\"rules\":[\n"
		"{\"id\":\"MX004\",\"name\":\"mx-target-missing-dot\"},\n"
		"{\"id\":\"X001\"}\n"
		"]}},";
	struct zl_loc loc = mkloc("a.zone", 3, 1, 3, 2, "x");
	struct zl_diags d;
	char *s, *p;

	zl_diags_init(&d);
	add_mx(&d);
	zl_diags_add(&d, "X001", ZL_SEV_NOTE, &loc, "first");
	zl_diags_add(&d, NULL, ZL_SEV_ERROR, NULL, "a tool error");
	zl_diags_add(&d, "X001", ZL_SEV_NOTE, &loc, "second");
	s = render(ZL_FMT_SARIF, &d, false, false);
	p = strstr(s, "\"rules\":[");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(strncmp(p, rules, strlen(rules)), 0);
	ck_assert_ptr_null(strstr(s, "ruleIndex"));
	ck_assert_ptr_nonnull(strstr(s, "\n{\"level\":\"error\",\"message\":"
				     "{\"text\":\"a tool error\"}"));
	ck_assert_ptr_nonnull(strstr(s, "{\"ruleId\":\"X001\",\"level\":\"note\""));
	free(s);
	zl_diags_free(&d);

	/* nothing found: an empty rules array */
	zl_diags_init(&d);
	s = render(ZL_FMT_SARIF, &d, false, false);
	ck_assert_ptr_nonnull(strstr(s, "\"rules\":[]}},"));
	ck_assert_ptr_nonnull(strstr(s, "\"results\":[]}]}\n"));
	free(s);
}
END_TEST

START_TEST(test_format_io_error)
{
	struct zl_format_opts opts = { false, false, NULL };
	struct zl_diags d;
	FILE *f = fopen("/dev/full", "w");

	if (!f)
		return;	/* no /dev/full here: nothing to test against */
	zl_diags_init(&d);
	add_mx(&d);
	ck_assert_int_eq(zl_format(ZL_FMT_TEXT, &d, &opts, f), ZL_ERR_IO);
	fclose(f);
	zl_diags_free(&d);
}
END_TEST

Suite *fmt_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("fmt");

	tcase_add_test(tc, test_format_parse);
	tcase_add_test(tc, test_text_full);
	tcase_add_test(tc, test_text_color);
	tcase_add_test(tc, test_text_escape_align);
	tcase_add_test(tc, test_text_spans);
	tcase_add_test(tc, test_text_tool_errors);
	tcase_add_test(tc, test_text_suppressed);
	tcase_add_test(tc, test_gcc);
	tcase_add_test(tc, test_json_empty);
	tcase_add_test(tc, test_json_full);
	tcase_add_test(tc, test_sarif_no_rules);
	tcase_add_test(tc, test_format_io_error);
	suite_add_tcase(s, tc);
	return s;
}
