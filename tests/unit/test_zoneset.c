/* test_zoneset.c - unit tests for zone sets: which zone holds a name,
 * context loaded lazily, and rules that look across the zones of a run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zone.h"
#include "suites.h"

#define SOA "@ IN SOA ns1.example.net. h.example.net. 1 2 3 4 5\n" \
	    "@ IN NS ns1.example.net.\n"

static const char org_text[] =
	"$ORIGIN example.org.\n$TTL 3600\n" SOA
	"@ IN MX 10 alias.example.net.\n"		/* 5 */
	"@ IN MX 20 mail.example.net.\n"		/* 6 */
	"shop IN NS ns1.example.net.\n";

static const char net_text[] =
	"$ORIGIN example.net.\n$TTL 3600\n" SOA
	"ns1 IN A 192.0.2.1\n"
	"mail IN A 192.0.2.2\n"
	"alias IN CNAME mail\n";			/* 7 */

static const char shop_text[] =
	"$ORIGIN shop.example.org.\n$TTL 3600\n" SOA
	"www IN A 192.0.2.3\n";

static struct zl_zone *load(const char *name, const char *text)
{
	struct zl_load_opts o = { .display = name };
	struct zl_zone *z = NULL;
	char *err = NULL;

	ck_assert_int_eq(zl_zone_load_buffer(name, text, strlen(text), &o, &z,
					     &err), ZL_OK);
	return z;
}

static const char *origin_of(const struct zl_zone *z)
{
	return z ? z->origin->text : "(none)";
}

/* A name belongs to the zone whose origin is its longest suffix: a child
 * zone of the set takes over below its cut. */
START_TEST(longest_suffix)
{
	struct zl_zoneset *s = zl_zoneset_new();
	struct zl_zone *org = load("example.org.zone", org_text);

	ck_assert_int_eq(zl_zoneset_add(s, org), ZL_OK);
	ck_assert_int_eq(zl_zoneset_add(s, load("shop.zone", shop_text)),
			 ZL_OK);
	ck_assert_int_eq(zl_zoneset_add(s, load("net.zone", net_text)), ZL_OK);
	ck_assert_str_eq(origin_of(zl_zoneset_zone_for(s, NULL,
						       "www.shop.example.org.")),
			 "shop.example.org.");
	ck_assert_str_eq(origin_of(zl_zoneset_zone_for(s, org,
						       "a.shop.example.org.")),
			 "shop.example.org.");
	ck_assert_ptr_eq(zl_zoneset_zone_for(s, org, "www.example.org."), org);
	ck_assert_str_eq(origin_of(zl_zoneset_zone_for(s, org,
						       "mail.example.net.")),
			 "example.net.");
	ck_assert_ptr_null(zl_zoneset_zone_for(s, org, "example.com."));
	ck_assert_ptr_null(zl_zoneset_zone_for(s, NULL, "."));
	/* which zones have another zone of the set below them */
	ck_assert(zl_zoneset_has_below(s, "example.org."));
	ck_assert(zl_zoneset_has_below(s, "."));
	ck_assert(!zl_zoneset_has_below(s, "example.net."));
	ck_assert(!zl_zoneset_has_below(s, "shop.example.org."));
	ck_assert_int_eq(zl_zoneset_add_file(s, "x.zone", "a.example.net",
					     NULL), ZL_OK);
	ck_assert(zl_zoneset_has_below(s, "example.net."));
	zl_zoneset_free(s);
}
END_TEST

/* Of two zones with one origin, the first answers for it. */
START_TEST(first_of_an_origin)
{
	struct zl_zoneset *s = zl_zoneset_new();
	struct zl_zone *a = load("a.zone", net_text), *b = load("b.zone",
							       net_text);

	ck_assert_int_eq(zl_zoneset_add(s, a), ZL_OK);
	ck_assert_int_eq(zl_zoneset_add(s, b), ZL_OK);
	ck_assert_ptr_eq(zl_zoneset_zone_for(s, NULL, "x.example.net."), a);
	/* but each zone resolves its own names in itself */
	ck_assert_ptr_eq(zl_zoneset_zone_for(s, b, "x.example.net."), b);
	zl_zoneset_free(s);
}
END_TEST

/* Writes text to a new file in dir and returns its path (static). */
static const char *put(const char *dir, const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	return path;
}

/* Context is loaded the first time a lookup reaches its origin, once; a
 * file that fails to load leaves its names unknown, not to the parent. */
START_TEST(lazy_context)
{
	char dir[] = "/tmp/zl-zoneset-XXXXXX";
	struct zl_zoneset *s = zl_zoneset_new();
	struct zl_zone *org = load("example.org.zone", org_text);
	char path[600];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(zl_zoneset_add(s, org), ZL_OK);
	ck_assert_int_eq(zl_zoneset_add_file(s, put(dir, "example.net.zone",
						    net_text), NULL, NULL),
			 ZL_OK);
	snprintf(path, sizeof path, "%s/missing.zone", dir);
	ck_assert_int_eq(zl_zoneset_add_file(s, path, "shop.example.org",
					     NULL), ZL_OK);
	/* a name that gives no origin is ignored */
	ck_assert_int_eq(zl_zoneset_add_file(s, path, NULL, NULL), ZL_OK);
	ck_assert_uint_eq(zl_zoneset_loaded(s), 0);
	ck_assert_ptr_eq(zl_zoneset_zone_for(s, org, "www.example.org."), org);
	ck_assert_uint_eq(zl_zoneset_loaded(s), 0);
	ck_assert_str_eq(origin_of(zl_zoneset_zone_for(s, org,
						       "mail.example.net.")),
			 "example.net.");
	ck_assert_str_eq(origin_of(zl_zoneset_zone_for(s, org,
						       "ns1.example.net.")),
			 "example.net.");
	ck_assert_uint_eq(zl_zoneset_loaded(s), 1);
	ck_assert_ptr_null(zl_zoneset_zone_for(s, org, "www.shop.example.org."));
	ck_assert_uint_eq(zl_zoneset_loaded(s), 1);
	zl_zoneset_free(s);
	snprintf(path, sizeof path, "%s/example.net.zone", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* MX002 and MX003 see the sibling zone: the finding at the MX, a note at
 * the other zone's record; without the set, nothing. */
START_TEST(rules_across_zones)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zoneset *s = zl_zoneset_new();
	struct zl_zone *org = load("example.org.zone", org_text);
	struct zl_lint_opts o = { .set = s };
	struct zl_diags d;

	zl_diags_init(&d);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, &d), ZL_OK);
	ck_assert_int_eq(zl_ruleset_select(rs, "MX002,MX003", &d), ZL_OK);
	ck_assert_int_eq(zl_lint(rs, org, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(zl_zoneset_add(s, org), ZL_OK);
	ck_assert_int_eq(zl_zoneset_add(s, load("example.net.zone", net_text)),
			 ZL_OK);
	ck_assert_int_eq(zl_lint_with(rs, org, &o, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].id, "MX002");
	ck_assert_str_eq(d.v[0].loc.file, "example.org.zone");
	ck_assert_uint_eq(d.v[0].loc.line, 5);
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	ck_assert_str_eq(d.v[0].notes[0].loc.file, "example.net.zone");
	ck_assert_uint_eq(d.v[0].notes[0].loc.line, 7);
	zl_diags_free(&d);
	zl_zoneset_free(s);
	zl_ruleset_free(rs);
}
END_TEST

Suite *zoneset_suite(void)
{
	Suite *s = suite_create("zoneset");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, longest_suffix);
	tcase_add_test(tc, first_of_an_origin);
	tcase_add_test(tc, lazy_context);
	tcase_add_test(tc, rules_across_zones);
	suite_add_tcase(s, tc);
	return s;
}
