/* test_server.c - unit tests for the server configuration readers (lint/server/): kinds, zone names, BIND, Knot and NSD grammar and paths, errors at their place, includes confined and bounded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server_impl.h"
#include "suites.h"

/* ---- configurations in memory ---- */

struct mfile {
	const char *path, *text;
};

/* The files the provider serves; the last entry has a NULL path. */
static const struct mfile *mfiles;

static enum zl_status mread(void *arg, const struct zl_read *rd,
			    struct zl_file *out, char **err)
{
	const struct mfile *f;

	(void)arg;
	for (f = mfiles; f->path; f++)
		if (strcmp(f->path, rd->path) == 0) {
			out->data = zl_xstrdup(f->text);
			out->len = strlen(f->text);
			out->id = zl_xstrdup(f->path);
			return ZL_OK;
		}
	*err = zl_xstrdup("no such file");
	return ZL_ERR_IO;
}

static const struct zl_provider mem = { mread, NULL };

/* Reads spec from files with the memory provider: returns the status,
 * the zones in *z, the errors in *d (both freed by the caller). */
static enum zl_status mem_read(const struct mfile *files, const char *spec,
			       struct zl_server_zones *z, struct zl_diags *d)
{
	struct zl_server_opts o = { 0 };

	o.provider = &mem;
	o.cwd = "/srv";
	mfiles = files;
	memset(z, 0, sizeof *z);
	zl_diags_init(d);
	return zl_server_read(spec, &o, z, d);
}

/* Asserts zone i: origin, file (NULL: none), role, view. */
static void zone_is(const struct zl_server_zones *z, size_t i,
		    const char *origin, const char *file,
		    enum zl_server_role role, const char *view)
{
	ck_assert_uint_gt(z->n, i);
	ck_assert_str_eq(z->v[i].origin, origin);
	if (file)
		ck_assert_str_eq(z->v[i].file, file);
	else
		ck_assert_ptr_null(z->v[i].file);
	ck_assert_int_eq(z->v[i].role, role);
	if (view)
		ck_assert_str_eq(z->v[i].view, view);
	else
		ck_assert_ptr_null(z->v[i].view);
}

/* Asserts error i is at file:line:col. */
static void err_at(const struct zl_diags *d, size_t i, const char *file,
		   unsigned line, unsigned col)
{
	ck_assert_uint_gt(d->n, i);
	ck_assert_ptr_nonnull(d->v[i].loc.file);
	ck_assert_msg(strcmp(d->v[i].loc.file, file) == 0 &&
		      d->v[i].loc.line == line && d->v[i].loc.col == col,
		      "error %zu at %s:%u:%u (%s), wanted %s:%u:%u", i,
		      d->v[i].loc.file, d->v[i].loc.line, d->v[i].loc.col,
		      d->v[i].message, file, line, col);
}

static void done(struct zl_server_zones *z, struct zl_diags *d)
{
	zl_server_zones_free(z);
	zl_diags_free(d);
}

START_TEST(test_kind)
{
	const char *p;

	ck_assert_int_eq(zl_server_prefix("named:/etc/x", &p), ZL_SERVER_BIND);
	ck_assert_str_eq(p, "/etc/x");
	ck_assert_int_eq(zl_server_prefix("knot:k", &p), ZL_SERVER_KNOT);
	ck_assert_int_eq(zl_server_prefix("nsd:n", &p), ZL_SERVER_NSD);
	ck_assert_int_eq(zl_server_prefix("x.conf", &p), ZL_SERVER_AUTO);
	ck_assert_str_eq(p, "x.conf");
	ck_assert_int_eq(zl_server_detect("/etc/bind/named.conf.local", ""),
			 ZL_SERVER_BIND);
	ck_assert_int_eq(zl_server_detect("knot.conf", ""), ZL_SERVER_KNOT);
	ck_assert_int_eq(zl_server_detect("a/nsd.conf", ""), ZL_SERVER_NSD);
	ck_assert_int_eq(zl_server_detect("x.conf",
		"# zone: a\nzone \"a\" { type primary; file \"a\"; };\n"),
		ZL_SERVER_BIND);
	ck_assert_int_eq(zl_server_detect("x.conf",
		"zone:\n  - domain: a # {;\n"), ZL_SERVER_KNOT);
	ck_assert_int_eq(zl_server_detect("x.conf",
		"zone:\n\tname: \"a;{\"\n"), ZL_SERVER_NSD);
	ck_assert_int_eq(zl_server_detect("x.conf", "hello\n"),
			 ZL_SERVER_AUTO);
	ck_assert_str_eq(zl_server_kind_name(ZL_SERVER_KNOT), "knot");
}
END_TEST

START_TEST(test_origin)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Example.COM", "example.com." },
		{ "example.com.", "example.com." },
		{ ".", "." },
		{ "a\\.b.example", "a\\.b.example." },
		{ "a\\046b", "a\\.b." },	/* as zones write it */
		{ "A\\066c", "abc." },
		{ "", NULL },
		{ "a..b", NULL },
		{ ".a", NULL },
		{ "a b", "a\\032b." },	/* in quotes, a byte */
		{ "a\tB", "a\\009b." },
		{ "\\0example", NULL },	/* \DDD: three digits */
		{ "ex\\999ample", NULL },	/* a byte's value */
		{ "a\\", NULL },
		{ "x\\065", "xa." },
		{ "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		  "xxxxxxx.example", NULL },	/* a label of 64 */
	};
	size_t i;
	char *o;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		o = srv_origin(cases[i].in, strlen(cases[i].in));
		if (cases[i].out)
			ck_assert_str_eq(o, cases[i].out);
		else
			ck_assert_msg(!o, "'%s' taken as '%s'", cases[i].in, o);
		free(o);
	}
}
END_TEST

START_TEST(test_bind)
{
	static const struct mfile files[] = {
		{ "named.conf",
		  "include \"/etc/bind/opts.conf\";\n"
		  "include \"local.conf\"; /* after the chdir */\n"
		  "view \"in\" { zone \"a.example\" { type master;\n"
		  "\tfile \"a\"; }; include \"/etc/bind/view.conf\"; };\n"
		  "view \"out\" { zone \"c.example\" { in-view \"in\"; }; };\n" },
		{ "/etc/bind/opts.conf",
		  "options { directory \"/var/cache/bind\"; };\n" },
		{ "/var/cache/bind/local.conf", "# nothing\n" },
		{ "/etc/bind/view.conf",
		  "zone \"b.example\" IN { type slave; file \"sec/b\";\n"
		  "  masters { 192.0.2.1; }; };\n"
		  "zone \"c.example\" { type primary; file \"/z/c\"; };\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(files, "named:named.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 3);
	ck_assert_int_eq(z.kind, ZL_SERVER_BIND);
	zone_is(&z, 0, "a.example.", "/var/cache/bind/a", ZL_SERVER_PRIMARY,
		"in");
	ck_assert_str_eq(z.v[0].conf, "named.conf");
	ck_assert_uint_eq(z.v[0].line, 3);
	ck_assert_uint_eq(z.v[0].col, 18);
	zone_is(&z, 1, "b.example.", "/var/cache/bind/sec/b",
		ZL_SERVER_SECONDARY, "in");
	ck_assert_str_eq(z.v[1].conf, "/etc/bind/view.conf");
	zone_is(&z, 2, "c.example.", "/z/c", ZL_SERVER_PRIMARY, "in");
	done(&z, &d);
}
END_TEST

START_TEST(test_bind_errors)
{
	static const struct mfile comment[] = {
		{ "named.conf", "zone \"a\" { type primary; file \"a\"; };\n"
		  "  /* no end\n\n" },
		{ NULL, NULL },
	};
	static const struct mfile loop[] = {
		{ "named.conf", "include \"/srv/b.conf\";\n" },
		{ "/srv/b.conf", "\n  include \"/srv/named.conf\";\n" },
		{ "/srv/named.conf", "include \"/srv/b.conf\";\n" },
		{ NULL, NULL },
	};
	static const struct mfile brace[] = {
		{ "named.conf", "options { };\n};\nzone \"a\" { type x; };\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;
	char deep[ZL_SERVER_MAX_NEST * 4 + 32];
	struct mfile nest[2] = { { "named.conf", deep }, { NULL, NULL } };
	size_t i;

	ck_assert_int_eq(mem_read(comment, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "named.conf", 2, 3);
	ck_assert_uint_eq(z.n, 1);	/* what was read is kept */
	done(&z, &d);

	ck_assert_int_eq(mem_read(loop, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "/srv/named.conf", 1, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "includes itself"));
	done(&z, &d);

	ck_assert_int_eq(mem_read(brace, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);	/* type x: named knows no such type */
	err_at(&d, 0, "named.conf", 2, 1);
	err_at(&d, 1, "named.conf", 3, 17);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "zone type 'x'"));
	ck_assert_uint_eq(z.n, 0);
	done(&z, &d);

	/* a statement options takes, whose block holds blocks */
	strcpy(deep, "options { rate-limit ");
	for (i = 0; i < ZL_SERVER_MAX_NEST + 1; i++)
		strcat(deep, "{ b ");
	ck_assert_int_eq(mem_read(nest, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "nested deeper"));
	done(&z, &d);
}
END_TEST

/* named-checkconf's statement errors: a missing ';' after a block (what
 * follows is the next statement), options, views and zone options given
 * twice, in-view, hint, redirect; a binary zone file is listed apart. */
START_TEST(test_bind_statements)
{
	static const struct mfile semi[] = {
		{ "named.conf", "options { directory \".\"; }\n"
		  "zone \"a.example\" { type primary; file \"a\"; }\n"
		  "zone \"b.example\" { type primary; file \"b\"; };\n" },
		{ NULL, NULL },
	};
	static const struct mfile twice[] = {
		{ "named.conf", "options { };\noptions { };\n"
		  "zone \"a.example\" { type primary; type secondary;\n"
		  "  file \"a\"; file \"b\"; };\n" },
		{ NULL, NULL },
	};
	static const struct mfile views[] = {
		{ "named.conf", "view \"out\" { zone \"a.example\" { "
		  "in-view \"in\"; }; };\n"
		  "view \"in\" { zone \"a.example\" { type primary; "
		  "file \"a\"; }; };\n"
		  "view \"in\" { };\n" },
		{ NULL, NULL },
	};
	static const struct mfile empty[] = {
		{ "named.conf", "zone \"a.example\" { ; type primary;\n"
		  "  file \"a\"; allow-query { any;; }; };;\n" },
		{ NULL, NULL },
	};
	static const struct mfile placed[] = {
		{ "named.conf", "zones \"a\" { };\n"
		  "options { directory \"/a\"; directory \"/b\";\n"
		  "  zone \"b\" { }; };\n"
		  "view \"v\" { view \"w\" { }; directory \"/c\";\n"
		  "  zone \"c\" { type primary; file \"c\"; zone \"d\" { };\n"
		  "  primaries { 192.0.2.1; }; }; };\n"
		  "view \"w\" { zone \"e\"; zone \"f\" IN x { }; };\n"
		  "view { };\n" },
		{ NULL, NULL },
	};
	static const struct mfile classes[] = {
		{ "named.conf", "options { check-names primary warn; };\n"
		  "view \"v\" CH { masterfile-format raw;\n"
		  "  check-names primary fail;\n"
		  "  zone \"bind\" CH { type primary; file \"b\"; }; };\n"
		  "view \"v\" IN { check-names primary ignore;\n"
		  "  zone \"a.example\" { type primary; file \"a\"; };\n"
		  "  zone \"c.example\" { type primary; file \"c\";\n"
		  "    check-names fail; }; };\n"
		  "zone \"d.example\" { type primary; file \"d\"; };\n" },
		{ NULL, NULL },
	};
	static const struct mfile values[] = {
		{ "named.conf", "options { directory; };\n"
		  "{ };\n"
		  "acl a { { 192.0.2.1; }; };\n"
		  "zone \"a\" { type primary; file \"a\"; dlz \"x\";\n"
		  "  database \"y\"; };\n" },
		{ NULL, NULL },
	};
	static const struct mfile kinds[] = {
		{ "named.conf", "zone \".\" { type hint; };\n"
		  "zone \"r.example\" { type redirect; file \"r\"; };\n"
		  "zone \"raw.example\" { type primary; file \"raw\";\n"
		  "  masterfile-format raw; };\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(semi, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);
	err_at(&d, 0, "named.conf", 2, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "missing ';' before "
				     "'zone'"));
	err_at(&d, 1, "named.conf", 3, 1);
	ck_assert_uint_eq(z.n, 2);	/* both zones still read */
	zone_is(&z, 1, "b.example.", "/srv/b", ZL_SERVER_PRIMARY, NULL);
	done(&z, &d);

	ck_assert_int_eq(mem_read(twice, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 3);
	err_at(&d, 0, "named.conf", 2, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'options' redefined"));
	err_at(&d, 1, "named.conf", 3, 34);
	err_at(&d, 2, "named.conf", 4, 13);
	done(&z, &d);

	ck_assert_int_eq(mem_read(views, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);
	err_at(&d, 0, "named.conf", 1, 41);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "not yet defined"));
	err_at(&d, 1, "named.conf", 3, 6);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "already exists"));
	done(&z, &d);

	/* named reads a statement before every ';', in any block */
	ck_assert_int_eq(mem_read(empty, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 3);
	err_at(&d, 0, "named.conf", 1, 20);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "empty statement"));
	err_at(&d, 1, "named.conf", 2, 31);
	err_at(&d, 2, "named.conf", 2, 38);
	ck_assert_uint_eq(z.n, 1);
	done(&z, &d);

	/* statements a block does not take, and the shapes of zone and
	 * view statements */
	ck_assert_int_eq(mem_read(placed, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 10);
	err_at(&d, 0, "named.conf", 1, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "unknown option "
				     "'zones'"));
	err_at(&d, 1, "named.conf", 2, 27);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "'directory' "
				     "redefined"));
	err_at(&d, 2, "named.conf", 3, 3);
	ck_assert_ptr_nonnull(strstr(d.v[2].message, "in options"));
	err_at(&d, 3, "named.conf", 4, 12);
	err_at(&d, 4, "named.conf", 4, 26);
	err_at(&d, 5, "named.conf", 5, 38);
	ck_assert_ptr_nonnull(strstr(d.v[5].message, "'zone' in a zone"));
	/* said once the zone's block ends, its type known */
	err_at(&d, 6, "named.conf", 6, 3);
	ck_assert_ptr_nonnull(strstr(d.v[6].message, "option 'primaries' "
				     "is not allowed in 'primary' zone"));
	err_at(&d, 7, "named.conf", 7, 17);
	ck_assert_ptr_nonnull(strstr(d.v[7].message, "'{' expected"));
	err_at(&d, 8, "named.conf", 7, 34);
	err_at(&d, 9, "named.conf", 8, 1);
	ck_assert_ptr_nonnull(strstr(d.v[9].message, "without a name"));
	zone_is(&z, 0, "c.", "/b/c", ZL_SERVER_PRIMARY, "v");
	done(&z, &d);

	/* a view's settings are its own within its class; check-names
	 * from the zone, its view, options */
	ck_assert_int_eq(mem_read(classes, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);	/* zones in and out of views */
	ck_assert_uint_eq(z.n, 3);
	zone_is(&z, 0, "a.example.", "/srv/a", ZL_SERVER_PRIMARY, "v");
	ck_assert(!z.v[0].check_names && !z.v[0].names_checked);
	zone_is(&z, 1, "c.example.", "/srv/c", ZL_SERVER_PRIMARY, "v");
	ck_assert(z.v[1].check_names && z.v[1].names_checked);
	zone_is(&z, 2, "d.example.", "/srv/d", ZL_SERVER_PRIMARY, NULL);
	ck_assert(!z.v[2].check_names && z.v[2].names_checked);
	done(&z, &d);

	/* a statement without its value, a block without a statement (a
	 * list in an address list is one), dlz beside database */
	ck_assert_int_eq(mem_read(values, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 3);
	err_at(&d, 0, "named.conf", 1, 11);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "without a value"));
	err_at(&d, 1, "named.conf", 2, 1);
	err_at(&d, 2, "named.conf", 5, 3);
	ck_assert_ptr_nonnull(strstr(d.v[2].message, "cannot specify both"));
	done(&z, &d);

	ck_assert_int_eq(mem_read(kinds, "named.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);
	err_at(&d, 0, "named.conf", 1, 6);
	err_at(&d, 1, "named.conf", 2, 6);
	ck_assert_uint_eq(z.n, 1);
	zone_is(&z, 0, "raw.example.", "/srv/raw", ZL_SERVER_BINARY, NULL);
	done(&z, &d);
}
END_TEST

START_TEST(test_knot)
{
	static const struct mfile knot_empty[] = {
		{ "knot.conf", "server:\n  listen: [ 127.0.0.1@53, ::1@53 ]\n"
		  "template:\n  - id: default\n    storage: /s\n"
		  "zone:\n#  - domain: example.com\n" },
		{ NULL, NULL },
	};
	static const struct mfile knot_odd[] = {
		{ "knot.conf", "zone:\n  - domain: 'q.example'\n"
		  "  - domain: y.example\n    file: \"%s.%y\"\n"
		  "  - domain: t.example\n"
		  "    template: later\ntemplate:\n  - id: later\n" },
		{ NULL, NULL },
	};
	static const struct {
		const char *text;
		uint32_t line, col;
	} refused[] = {
		{ "server:\n  listen:\n    - 127.0.0.1@53\n", 3, 5 },
		{ "server:\n  listen: []\n", 2, 11 },
		{ "server: { listen: 127.0.0.1@53 }\n", 1, 11 },
		{ "zone: [ { domain: a.example } ]\n", 1, 11 },
		/* an identifier in brackets, where a file may be */
		{ "zone:\n  - domain: [a.example]\n", 2, 13 },
		/* a second word after a ':' (at the word); a value that goes
		 * on to the next line, which knotd reads as an item indented
		 * otherwise (at that line); a UTF-8 byte order mark */
		{ "zone:\n  - domain: a.example\n    file: b: c\n", 3, 14 },
		{ "zone:\n  - domain: a.example\n    file: %s\n      .z\n",
		  4, 7 },
		{ "\xef\xbb\xbfzone:\n  - domain: a.example\n", 1, 1 },
	};
	size_t i;
	static const struct mfile knot_master[] = {
		{ "knot.conf",
		  "zone:\n  - domain: a.example\n    master:\n      - p\n" },
		{ NULL, NULL },
	};
	static const struct mfile knot_hash[] = {
		{ "knot.conf", "zone:\n  - domain: g.example#x\n" },
		{ NULL, NULL },
	};
	static const struct mfile files[] = {
		{ "knot.conf",
		  "template:\n"
		  "  - id: default\n"
		  "    storage: zones\n"
		  "  - id: t\n"
		  "    storage: /s\n"
		  "    file: \"%c[0]/%c[1-2]/%c[40]%l[0]/%l[1]/%l[9]%s%%\"\n"
		  "  - id: n\n"
		  "    storage: /n\n"
		  "    zonefile-load: none\n"
		  "zone:\n"
		  "  - domain: www.Example.com.\n"
		  "    template: t\n"
		  "  - domain: .\n"
		  "    template: t\n"
		  "include: inc/z.conf\n" },
		{ "inc/z.conf",
		  "remote:\n  - id: p\n    address: 192.0.2.1\n"
		  "zone:\n  - domain: b.example\n    file: /abs/b\n"
		  "  - domain: c.example\n    master: [ p ]\n"
		  "  - domain: d.example\n    zonefile-load: none\n"
		  "  - domain: e.example\n    template: n\n"
		  "  - domain: f.example\n    template: n\n"
		  "    zonefile-load: difference\n" },
		{ NULL, NULL },
	};
	static const struct mfile bad[] = {
		{ "knot.conf",
		  "zone:\n"
		  "  - domain: a.example\n"
		  "    file: \"%l[1.zone\"\n"
		  "  - domain: a..example\n"
		  "  - domain: b.example\n"
		  "    file: \"%c[254-256]\"\n"
		  "  - domain: c.example\n"
		  "    file: \"%l[256]%c[255]%l[255]\"\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(files, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 7);
	zone_is(&z, 0, "www.example.com.", "/s/w/ww/com/example/"
		"www.example.com%", ZL_SERVER_PRIMARY, NULL);
	ck_assert_uint_eq(z.v[0].line, 11);
	ck_assert_uint_eq(z.v[0].col, 13);
	/* the root: %s is empty, %c[0] is its dot */
	zone_is(&z, 1, ".", "/s/%", ZL_SERVER_PRIMARY, NULL);
	/* relative to the including file */
	zone_is(&z, 2, "b.example.", "/abs/b", ZL_SERVER_PRIMARY, NULL);
	ck_assert_str_eq(z.v[2].conf, "inc/z.conf");
	zone_is(&z, 3, "c.example.", "/srv/zones/c.example.zone",
		ZL_SERVER_SECONDARY, NULL);
	/* zonefile-load none, the zone's own or its template's: knotd
	 * never loads the file */
	zone_is(&z, 4, "d.example.", "/srv/zones/d.example.zone",
		ZL_SERVER_UNLOADED, NULL);
	zone_is(&z, 5, "e.example.", "/n/e.example.zone", ZL_SERVER_UNLOADED,
		NULL);
	zone_is(&z, 6, "f.example.", "/n/f.example.zone", ZL_SERVER_PRIMARY,
		NULL);
	done(&z, &d);

	ck_assert_int_eq(mem_read(bad, "knot.conf", &z, &d), ZL_ERR_CONFIG);
	/* an index past 255, which knotd does not read as a byte */
	ck_assert_uint_eq(d.n, 4);
	err_at(&d, 0, "knot.conf", 4, 13);
	err_at(&d, 1, "knot.conf", 3, 11);
	err_at(&d, 2, "knot.conf", 6, 11);
	err_at(&d, 3, "knot.conf", 8, 11);
	ck_assert_uint_eq(z.n, 0);
	done(&z, &d);

	/* Knot's YAML: an IPv6 address in a flow list is a word; a section
	 * with nothing under it is empty; single
	 * quotes stay in the value; '#' inside a word and a template
	 * defined after the zone that names it are errors. */
	ck_assert_int_eq(mem_read(knot_empty, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 0);
	done(&z, &d);
	ck_assert_int_eq(mem_read(knot_odd, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "knot.conf", 6, 15);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "invalid reference"));
	ck_assert_uint_eq(z.n, 2);
	/* knotd writes the quote of the name after a backslash */
	ck_assert_str_eq(z.v[0].file, "/var/lib/knot/\\'q.example\\'.zone");
	/* an unknown formatter is left out, as knotd leaves it out */
	ck_assert_str_eq(z.v[1].file, "/var/lib/knot/y.example.");
	done(&z, &d);
	ck_assert_int_eq(mem_read(knot_hash, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "knot.conf", 2, 22);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'#'"));
	done(&z, &d);

	/* YAML that knotc refuses, libyaml reads: a list of values line by
	 * line or empty, braces, entries in brackets */
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		const struct mfile f[] = { { "knot.conf", refused[i].text },
					   { NULL, NULL } };

		ck_assert_int_eq(mem_read(f, "knot.conf", &z, &d),
				 ZL_ERR_CONFIG);
		ck_assert_uint_eq(d.n, 1);
		err_at(&d, 0, "knot.conf", refused[i].line, refused[i].col);
		done(&z, &d);
	}
	/* a list of values line by line after an item knotc refuses
	 * first (master with no value: "invalid reference", line 3) */
	ck_assert_int_eq(mem_read(knot_master, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);
	err_at(&d, 0, "knot.conf", 3, 12);
	err_at(&d, 1, "knot.conf", 4, 7);
	done(&z, &d);
}
END_TEST

/* knot.conf's names: what any Knot DNS from 3.0 to 3.5 takes is taken,
 * those of 3.4 or 3.5 alone too (knotc 3.2, which tests/server-config.sh
 * runs, refuses them); a module's section that knotd may find installed
 * is taken, but for a slip of one of Knot's own unless module: loads it.
 * Every unknown name is reported, not only the first.  knotc 3.4.6 takes
 * newer, but for its module sections (of modules not installed); knotc
 * 3.5.8 takes v35. */
START_TEST(test_knot_names)
{
	static const struct mfile newer[] = {
		{ "knot.conf",
		  "clear: zone\n"
		  "server:\n  listen-tls: 127.0.0.1@853\n"
		  "control:\n  backlog: 8\n"
		  "remote:\n  - id: p\n    address: 192.0.2.1\n    quic: on\n"
		  "dnskey-sync:\n  - id: s\n    remote: p\n"
		  "mod-authsignal:\n  - id: a\n"
		  "mod-example:\n  - id: g\n    whatever: 1\n"
		  "module:\n  - id: mod-stat\n    file: /x/stat.so\n"
		  "mod-stat:\n  - id: m\n    anything: 1\n"
		  "template:\n  - id: default\n    default-ttl: 3600\n"
		  "zone:\n  - domain: a.example\n    ixfr-from-axfr: on\n"
		  "    reverse-generate: b.example\n    dnssec-signing: on\n"
		  "    zonefile-load: none\n    serial-modulo: 0/2\n" },
		{ NULL, NULL },
	};
	/* each name that Knot DNS 3.5 added, as knotc 3.5.8 takes them */
	static const struct mfile v35[] = {
		{ "knot.conf",
		  "server:\n  ca-file: \"\"\n"
		  "xdp:\n  zero-copy: off\n"
		  "database:\n  timer-db-sync: shutdown\n"
		  "  zone-db-listen: /run/redis.sock\n  zone-db-tls: off\n"
		  "  zone-db-cert-key: "
		  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
		  "  zone-db-cert-hostname: db.example\n"
		  "keystore:\n  - id: k\n    ksk-only: on\n"
		  "remote:\n  - id: p\n    address: 192.0.2.1\n"
		  "    cert-hostname: ns.example\n"
		  "acl:\n  - id: a\n    cert-hostname: ns.example\n"
		  "    action: transfer\n"
		  "external:\n  - id: e\n    timeout: 60\n"
		  "    dump-new-zone: /tmp/new.zone\n"
		  "    dump-removals: /tmp/rem.zone\n"
		  "    dump-additions: /tmp/add.zone\n"
		  "template:\n  - id: default\n    notify-delay: 5\n"
		  "    update-delay: 10\n"
		  "zone:\n  - domain: b.a.example\n  - domain: a.example\n"
		  "    external-validation: e\n    zonefile-skip: dnssec\n"
		  "    include-from: b.a.example\n    zone-db-input: 1\n"
		  "    zone-db-output: 2\n" },
		{ NULL, NULL },
	};
	/* values only newer versions take: a rate limit of 0 (knotc 3.4.6
	 * and 3.5.8), the default external validation (3.5.8) */
	static const struct mfile newer_values[] = {
		{ "knot.conf",
		  "mod-rrl:\n  - id: r\n    rate-limit: 0\n"
		  "template:\n  - id: default\n"
		  "    external-validation: default\n" },
		{ NULL, NULL },
	};
	/* 3.5's external section alone takes no comment */
	static const struct mfile external[] = {
		{ "knot.conf", "external:\n  - id: e\n    comment: x\n" },
		{ NULL, NULL },
	};
	static const struct mfile unknown[] = {
		{ "knot.conf",
		  "servers:\n  listen: 127.0.0.1\n"
		  "zone:\n  - domain: a.example\n    fiel: a.zone\n"
		  "    storage: /s\n    notfy: p\n"
		  "mod-synth-record:\n  - id: s\n" },
		{ NULL, NULL },
	};
	/* clear takes a value, as include does */
	static const struct mfile clear[] = {
		{ "knot.conf", "clear:\n  - id: x\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(clear, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "knot.conf", 2, 3);
	done(&z, &d);

	ck_assert_int_eq(mem_read(newer, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 1);
	done(&z, &d);

	ck_assert_int_eq(mem_read(v35, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 2);
	done(&z, &d);

	ck_assert_int_eq(mem_read(newer_values, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	done(&z, &d);

	ck_assert_int_eq(mem_read(external, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "knot.conf", 3, 5);
	done(&z, &d);

	ck_assert_int_eq(mem_read(unknown, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 4);
	err_at(&d, 0, "knot.conf", 1, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'server'"));
	err_at(&d, 1, "knot.conf", 5, 5);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "'file'"));
	err_at(&d, 2, "knot.conf", 7, 5);
	ck_assert_ptr_nonnull(strstr(d.v[2].message, "'notify'"));
	err_at(&d, 3, "knot.conf", 8, 1);
	ck_assert_ptr_nonnull(strstr(d.v[3].message, "'mod-synthrecord'"));
	zone_is(&z, 0, "a.example.", "/s/a.example.zone", ZL_SERVER_PRIMARY,
		NULL);
	done(&z, &d);
}
END_TEST

/* Values as knotd reads them (server_knot_value.c): references to entries
 * above (in an including file too, a key's id as a domain name), modules
 * by a prefix of their name, each value of a list. */
START_TEST(test_knot_values)
{
	static const struct mfile ok[] = {
		{ "knot.conf",
		  "key:\n  - id: Xfr\n    algorithm: hmac-sha256\n"
		  "    secret: AAAA\n"
		  "module:\n  - id: mod-extra\n"
		  "mod-stats:\n  - id: s\n"
		  "include: more.conf\n"
		  "template:\n  - id: t\n    catalog-template: t\n"
		  "    module: [mod-stat, mod-stats/s, mod-extra/e, \"\"]\n"
		  "    zonefile-sync: \"+0000000000000000000000000001\"\n" },
		{ "more.conf",
		  "remote:\n  - id: p\n    key: xfr.\n"
		  "    address: [x@y, /run/s@1, \"::1@ 53\"]\n"
		  "mod-example:\n  - id: e\n    whatever: [yes, 1x]\n" },
		{ NULL, NULL },
	};
	static const struct mfile bad[] = {
		{ "knot.conf",
		  "include: more.conf\n"
		  "remote:\n  - id: p\n    address: 1.2.3.4@x\n"
		  "server:\n    udp-workers: [0, 1, 257]\n"
		  "    tcp-io-timeout: 00000000000000000000000000000001\n"
		  "zone:\n  - domain: a.example\n    module: [stats, mod-stats/s]\n"
		  "    master: p\n" },
		{ "more.conf",
		  "acl:\n  - id: a\n    remote: p\n" },
		{ NULL, NULL },
	};
	/* items of 3.3 to 3.5 whose type leaves no doubt */
	static const struct mfile newer[] = {
		{ "knot.conf",
		  "remote:\n  - id: p\n    quic: yes\n    tls: on\n"
		  "    address: 192.0.2.1\n"
		  "acl:\n  - id: a\n    protocol: [tls, dot]\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(newer, "knot.conf", &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 2);
	err_at(&d, 0, "knot.conf", 3, 11);
	err_at(&d, 1, "knot.conf", 8, 21);
	done(&z, &d);

	ck_assert_int_eq(mem_read(ok, "knot.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	done(&z, &d);

	ck_assert_int_eq(mem_read(bad, "knot.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 7);
	err_at(&d, 0, "more.conf", 3, 13);	/* p is defined below */
	err_at(&d, 1, "knot.conf", 4, 14);	/* a port that is no number */
	err_at(&d, 2, "knot.conf", 6, 19);	/* each value of a list */
	err_at(&d, 3, "knot.conf", 6, 25);
	err_at(&d, 4, "knot.conf", 7, 21);	/* over 31 bytes */
	err_at(&d, 5, "knot.conf", 10, 14);
	ck_assert_ptr_nonnull(strstr(d.v[5].message, "unknown module"));
	err_at(&d, 6, "knot.conf", 10, 21);
	ck_assert_ptr_nonnull(strstr(d.v[6].message, "'s'"));
	done(&z, &d);
}
END_TEST

START_TEST(test_nsd)
{
	static const struct mfile files[] = {
		{ "nsd.conf",
		  "server:\n  zonesdir: \"\"\n"
		  "pattern:\n  name: p\n  zonefile: \"%1%2%3-%z-%y-%x-%s\"\n"
		  "zone:\n  name: ab\n  include-pattern: p\n"
		  "zone:\n  name: \"x.b.c.Example.org.\"\n  include-pattern: p\n"
		  "  zonefile: own # later items override the pattern\n"
		  "include: /etc/nsd/more.conf\n" },
		{ "/etc/nsd/more.conf",
		  "zone:\n  name: s.example\n  request-xfr: AXFR 192.0.2.1 "
		  "NOKEY\n"
		  "zone:\n  name: q.example\n  zonefile: 'q.zone'\n"
		  "zone:\n  name: \"\"\n  zonefile: \"root\n.zone\"\n"
		  "zone:\n  name: r.example\n  zonefile: zones:\n" },
		{ NULL, NULL },
	};
	static const struct mfile bad[] = {
		{ "nsd.conf", "zone:\n  name: a.example\n  zonefile: y z\n"
		  "zone:\n  name: \"b.example\n  zonefile: x\n" },
		{ NULL, NULL },
	};
	/* an item name NSD knows is no value, on the item's line too */
	static const struct mfile known[] = {
		{ "nsd.conf", "zone:\n  name: a.example\n  zonefile: zone:\n"
		  "  name: b.example\n" },
		{ NULL, NULL },
	};
	struct zl_server_zones z;
	struct zl_diags d;

	ck_assert_int_eq(mem_read(files, "nsd.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(z.n, 6);
	/* zonesdir "": nsd stays where it started */
	zone_is(&z, 0, "ab.", "/srv/ab.-ab-.-.-ab", ZL_SERVER_PRIMARY, NULL);
	zone_is(&z, 1, "x.b.c.example.org.", "/srv/own", ZL_SERVER_PRIMARY,
		NULL);
	zone_is(&z, 2, "s.example.", NULL, ZL_SERVER_SECONDARY, NULL);
	ck_assert_uint_eq(z.v[2].line, 2);
	ck_assert_uint_eq(z.v[2].col, 9);
	/* NSD 4.6 quotes with '"' only */
	zone_is(&z, 3, "q.example.", "/srv/'q.zone'", ZL_SERVER_PRIMARY, NULL);
	/* an empty name is the root's; a quoted string goes on over a line
	 * break; a word ending in ':' on the item's line is its value */
	zone_is(&z, 4, ".", "/srv/root\n.zone", ZL_SERVER_PRIMARY, NULL);
	zone_is(&z, 5, "r.example.", "/srv/zones:", ZL_SERVER_PRIMARY, NULL);
	done(&z, &d);

	ck_assert_int_eq(mem_read(bad, "nsd.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 4);
	err_at(&d, 0, "nsd.conf", 3, 15);	/* a second value */
	/* a string goes on over lines, here to the end */
	err_at(&d, 1, "nsd.conf", 5, 9);
	err_at(&d, 2, "nsd.conf", 5, 3);	/* so name: has no value */
	err_at(&d, 3, "nsd.conf", 4, 1);	/* a zone without a name */
	done(&z, &d);

	ck_assert_int_eq(mem_read(known, "nsd.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	err_at(&d, 0, "nsd.conf", 3, 3);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "without a value"));
	done(&z, &d);
}
END_TEST

/* ---- includes on the file system ---- */

static char tree[] = "/tmp/zl-server-XXXXXX";

static void put(const char *name, const char *text)
{
	char *p = zl_xasprintf("%s/%s", tree, name);
	FILE *f = fopen(p, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void sub(const char *name)
{
	char *p = zl_xasprintf("%s/%s", tree, name);

	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
}

static void lnk(const char *target, const char *name)
{
	char *p = zl_xasprintf("%s/%s", tree, name);

	ck_assert_int_eq(symlink(target, p), 0);
	free(p);
}

/* Reads T/conf/name from the file system with options o (NULL: the
 * defaults); no error may show the canary planted outside the root. */
static enum zl_status fs_read_opts(const char *name,
				   const struct zl_server_opts *o,
				   struct zl_server_zones *z,
				   struct zl_diags *d)
{
	char *p = zl_xasprintf("%s/conf/%s", tree, name);
	enum zl_status st;
	size_t i;

	memset(z, 0, sizeof *z);
	zl_diags_init(d);
	st = zl_server_read(p, o, z, d);
	free(p);
	for (i = 0; i < d->n; i++)
		ck_assert_ptr_null(strstr(d->v[i].message, "CANARY"));
	return st;
}

static enum zl_status fs_read(const char *name, struct zl_server_zones *z,
			      struct zl_diags *d)
{
	return fs_read_opts(name, NULL, z, d);
}

START_TEST(test_confined)
{
	struct zl_server_zones z;
	struct zl_diags d;
	char *cmd, *abs;

	ck_assert_ptr_nonnull(mkdtemp(tree));
	sub("conf");
	sub("conf/d");
	put("secret.conf", "zone \"CANARY\" { type primary; file \"x\"; };\n"
	    "zone:\n  - domain: CANARY\n");
	put("conf/d/a.conf", "zone:\n  - domain: a.example\n");
	put("conf/d/b.conf", "zone:\n  - domain: b.example\n");
	lnk("../secret.conf", "conf/out.conf");
	put("conf/named.conf", "include \"../secret.conf\";\n");
	put("conf/named2.conf", "include \"out.conf\";\n");
	put("conf/knot.conf", "include: ../*.conf\ninclude: d/*.conf\n"
	    "include: d/none-*.conf\n");
	put("conf/d/n.nsd", "zone:\n  name: n.example\n  zonefile: n\n");
	abs = zl_xasprintf("include: \"%s/conf/d/n.nsd\"\n", tree);
	put("conf/nsd-abs.conf", abs);
	free(abs);
	put("conf/nsd.conf", "include: \"/etc/passwd\"\n");

	/* named runs in the configuration's directory: "../secret.conf"
	 * leads out of it */
	ck_assert_int_eq(fs_read("named.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(z.n, 0);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "leads out"));
	done(&z, &d);
	/* a link out of the root */
	ck_assert_int_eq(fs_read("named2.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(z.n, 0);
	done(&z, &d);
	/* a pattern out of the root lists nothing; one inside reads each
	 * match in order; one that matches nothing is no error */
	ck_assert_int_eq(fs_read("knot.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(d.v[0].loc.line, 1);
	ck_assert_uint_eq(z.n, 2);
	ck_assert_str_eq(z.v[0].origin, "a.example.");
	ck_assert_str_eq(z.v[1].origin, "b.example.");
	done(&z, &d);
	/* absolute: inside the root is read, outside is refused */
	ck_assert_int_eq(fs_read("nsd-abs.conf", &z, &d), ZL_OK);
	ck_assert_uint_eq(z.n, 1);
	ck_assert_str_eq(z.v[0].origin, "n.example.");
	done(&z, &d);
	ck_assert_int_eq(fs_read("nsd.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "outside"));
	done(&z, &d);

	cmd = zl_xasprintf("rm -rf '%s'", tree);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}
END_TEST

/* zl_server_opts.allow_include: a file or pattern in an allowed tree is
 * read, confined to it; one refused outside every tree says, in its help,
 * what allows it. */
START_TEST(test_allowed)
{
	struct zl_server_opts o = { 0 };
	struct zl_server_zones z;
	struct zl_diags d;
	const char *allow[1];
	char *cmd, *text, *shared;

	strcpy(tree, "/tmp/zl-server-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tree));
	sub("conf");
	sub("shared");
	put("secret.conf", "zone \"CANARY\" { type primary; file \"x\"; };\n");
	put("shared/a.conf", "zone \"a.example\" { type primary; file \"a\"; };\n");
	lnk("../secret.conf", "shared/out.conf");
	shared = zl_xasprintf("%s/shared", tree);
	text = zl_xasprintf("include \"%s/a.conf\";\n", shared);
	put("conf/one.conf", text);
	free(text);
	text = zl_xasprintf("include \"%s/*.conf\";\n", shared);
	put("conf/glob.conf", text);
	free(text);
	text = zl_xasprintf("include \"%s/out.conf\";\n", shared);
	put("conf/out.conf", text);
	free(text);

	ck_assert_int_eq(fs_read("one.conf", &z, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_ptr_nonnull(d.v[0].help);
	ck_assert_ptr_nonnull(strstr(d.v[0].help, "--allow-include"));
	done(&z, &d);
	allow[0] = shared;
	o.allow_include = allow;
	o.nallow_include = 1;
	ck_assert_int_eq(fs_read_opts("one.conf", &o, &z, &d), ZL_OK);
	ck_assert_uint_eq(z.n, 1);
	ck_assert_str_eq(z.v[0].origin, "a.example.");
	done(&z, &d);
	/* the link out of the allowed tree is left out of the matches */
	ck_assert_int_eq(fs_read_opts("glob.conf", &o, &z, &d), ZL_OK);
	ck_assert_uint_eq(z.n, 1);
	done(&z, &d);
	ck_assert_int_eq(fs_read_opts("out.conf", &o, &z, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_eq(z.n, 0);
	done(&z, &d);

	free(shared);
	cmd = zl_xasprintf("rm -rf '%s'", tree);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}
END_TEST

/* A hint zone's file (srv_unopenable): missing or a directory in the
 * tree is an error at the file's name; what lies outside the tree, or a
 * link there that leads nowhere, is not looked at. */
START_TEST(test_hint_file)
{
	static const char *const files[] = {
		"root.hints", "d", "gone", "nodir/x", "link", "/nonexistent/x",
		"../nonexistent", ""
	};
	struct zl_server_zones z;
	struct zl_diags d;
	char *conf, *cmd, *p;
	size_t i;

	strcpy(tree, "/tmp/zl-server-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tree));
	sub("conf");
	sub("conf/d");
	put("conf/root.hints", ". 3600000 NS a.root-servers.net.\n");
	lnk("/nonexistent/x", "conf/link");
	conf = zl_xstrdup("");
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		p = zl_xasprintf("%sview \"v%zu\" { zone \".\" { type hint; "
				 "file \"%s\"; }; };\n", conf, i, files[i]);
		free(conf);
		conf = p;
	}
	put("conf/named.conf", conf);
	free(conf);
	ck_assert_int_eq(fs_read("named.conf", &z, &d), ZL_ERR_CONFIG);
	p = zl_xasprintf("%s/conf/named.conf", tree);
	ck_assert_uint_eq(d.n, 4);
	err_at(&d, 0, p, 2, 40);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "'d': not a file"));
	err_at(&d, 1, p, 3, 40);
	ck_assert_ptr_nonnull(strstr(d.v[1].message, "'gone': file not "
				     "found"));
	err_at(&d, 2, p, 4, 40);
	err_at(&d, 3, p, 8, 40);
	free(p);
	done(&z, &d);

	cmd = zl_xasprintf("rm -rf '%s'", tree);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}
END_TEST

START_TEST(test_unreadable)
{
	struct zl_server_zones z = { 0 };
	struct zl_diags d;

	zl_diags_init(&d);
	ck_assert_int_eq(zl_server_read("knot:/nonexistent/knot.conf", NULL,
					&z, &d), ZL_ERR_IO);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_ptr_null(d.v[0].loc.file);
	done(&z, &d);
	zl_server_zones_free(NULL);
}
END_TEST

/* ---- TSIG key files ---- */

/* Reads a key file holding text: the status, the key in *k, the errors
 * in *d. */
static enum zl_status key_read(const char *text, struct zl_tsig_key *k,
			       struct zl_diags *d)
{
	char dir[] = "/tmp/zl-key-XXXXXX", *p, *cmd;
	enum zl_status st;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	p = zl_xasprintf("%s/k.key", dir);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	zl_diags_init(d);
	st = zl_tsig_key_read(p, k, d);
	free(p);
	cmd = zl_xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	return st;
}

START_TEST(test_key)
{
	struct zl_tsig_key k;
	struct zl_diags d;

	/* as tsig-keygen writes it, with a comment and the name in capitals */
	ck_assert_int_eq(key_read("# xfr\nkey \"XFR-Key\" {\n"
				  "\talgorithm HMAC-SHA256;\n"
				  "\tsecret \"c2VjcmV0LXNlY3JldA==\";\n};\n",
				  &k, &d), ZL_OK);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(k.name, "xfr-key.");
	ck_assert_str_eq(k.algorithm, "hmac-sha256.");
	ck_assert_str_eq(k.secret, "c2VjcmV0LXNlY3JldA==");
	zl_tsig_key_free(&k);
	zl_tsig_key_free(&k);	/* empty: a no-op */
	zl_diags_free(&d);
	ck_assert_int_eq(key_read("key k { algorithm hmac-md5; "
				  "secret \"YWJj\"; };", &k, &d), ZL_OK);
	ck_assert_str_eq(k.algorithm, "hmac-md5.sig-alg.reg.int.");
	zl_tsig_key_free(&k);
	zl_diags_free(&d);

	/* each problem at its place; the key is left empty */
	ck_assert_int_eq(key_read("key \"k\" {\n algorithm hmac-sha3;\n"
				  " secret \"a=bc\";\n};\n", &k, &d),
			 ZL_ERR_CONFIG);
	ck_assert_ptr_null(k.name);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.v[0].loc.line, 2);
	ck_assert_uint_eq(d.v[0].loc.col, 12);
	ck_assert_uint_eq(d.v[1].loc.line, 3);
	ck_assert_uint_eq(d.v[1].loc.col, 9);
	ck_assert_ptr_null(strstr(d.v[1].message, "a=bc"));
	zl_diags_free(&d);
	ck_assert_int_eq(key_read("options { };\n", &k, &d), ZL_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(d.v[0].message, "no key statement"));
	zl_diags_free(&d);
	ck_assert_int_eq(key_read("key a { algorithm hmac-sha1; secret \"YQ==\"; };\n"
				  "key b { algorithm hmac-sha1; secret \"YQ==\"; };\n",
				  &k, &d), ZL_ERR_CONFIG);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(d.v[0].loc.line, 2);
	zl_diags_free(&d);
	ck_assert_int_eq(key_read("key k { secret \"YQ==\" };", &k, &d),
			 ZL_ERR_CONFIG);
	ck_assert_uint_ge(d.n, 2);	/* the ';', the algorithm */
	zl_diags_free(&d);
	zl_diags_init(&d);
	ck_assert_int_eq(zl_tsig_key_read("/nonexistent/k.key", &k, &d),
			 ZL_ERR_IO);
	zl_diags_free(&d);
	zl_tsig_key_free(NULL);
}
END_TEST

Suite *server_suite(void)
{
	Suite *s = suite_create("server");
	TCase *tc = tcase_create("server");

	tcase_add_test(tc, test_kind);
	tcase_add_test(tc, test_origin);
	tcase_add_test(tc, test_bind);
	tcase_add_test(tc, test_bind_errors);
	tcase_add_test(tc, test_bind_statements);
	tcase_add_test(tc, test_knot);
	tcase_add_test(tc, test_knot_names);
	tcase_add_test(tc, test_knot_values);
	tcase_add_test(tc, test_nsd);
	tcase_add_test(tc, test_confined);
	tcase_add_test(tc, test_allowed);
	tcase_add_test(tc, test_hint_file);
	tcase_add_test(tc, test_unreadable);
	tcase_add_test(tc, test_key);
	suite_add_tcase(s, tc);
	return s;
}
