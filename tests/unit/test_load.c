/* test_load.c - unit tests for the zone loader and model (lint/zone/). */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "suites.h"
#include "testutil.h"
#include "zone.h"
#include "zone_lex.h"

static struct zl_zone *load_opts(const char *name, const char *text,
				 const struct zl_load_opts *o)
{
	struct zl_zone *z = NULL;
	char *err = NULL;
	enum zl_status st;

	st = zl_zone_load_buffer(name, text, strlen(text), o, &z, &err);
	ck_assert_msg(st == ZL_OK, "load of %s failed: %s", name,
		      err ? err : "?");
	ck_assert_ptr_null(err);
	ck_assert_ptr_nonnull(z);
	ck_assert_ptr_nonnull(z->origin);
	return z;
}

static struct zl_zone *load(const char *name, const char *text)
{
	return load_opts(name, text, NULL);
}

/* Loads text as name (with o) and asserts that it loads without a problem,
 * its apex is apex and name inside is in the zone. */
static void apex_is(const char *name, const char *text,
		    const struct zl_load_opts *o, const char *apex,
		    const char *inside)
{
	struct zl_zone *z = load_opts(name, text, o);

	ck_assert_str_eq(z->origin->text, apex);
	ck_assert_uint_eq(z->nprobs, 0);
	ck_assert(zl_zone_lookup(z, inside)->in_zone);
	zl_zone_free(z);
}

/* Asserts that a problem containing sub exists at line:col with the
 * given category, and returns it. */
static const struct zl_problem *prob(const struct zl_zone *z, const char *sub,
				     uint32_t line, uint32_t col,
				     const char *cat)
{
	struct zl_loc loc;
	size_t i;

	for (i = 0; i < z->nprobs; i++) {
		if (!strstr(z->probs[i].message, sub))
			continue;
		loc = zl_zone_loc(z, z->probs[i].src, z->probs[i].at);
		ck_assert_msg(loc.line == line && loc.col == col,
			      "'%s' at %u:%u, expected %u:%u",
			      z->probs[i].message, loc.line, loc.col, line, col);
		ck_assert_str_eq(z->probs[i].category, cat);
		return &z->probs[i];
	}
	ck_abort_msg("no problem containing '%s'", sub);
	return NULL;
}

static const struct zl_rr *rr_at(const struct zl_zone *z, const char *owner,
				 uint16_t type, uint32_t k)
{
	const struct zl_name *n = zl_zone_lookup(z, owner);
	const struct zl_rrset *s = zl_name_rrset(n, type);
	uint32_t i;

	ck_assert_msg(s != NULL, "no %u RRset at %s", type, owner);
	for (i = s->first; k > 0 && i != ZL_NONE; k--)
		i = z->rrs[i].next;
	ck_assert_uint_ne(i, ZL_NONE);
	return &z->rrs[i];
}

static uint32_t rdf_u32(const struct zl_rdf *r)
{
	uint32_t v = 0;
	uint16_t i;

	for (i = 0; i < r->len; i++)
		v = v << 8 | zl_rdf_data(r)[i];
	return v;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(test_origin)
{
	static const char *const good[][2] = {
		{ "example.com.zone", "example.com." },
		{ "zones/Example.COM.zone", "example.com." },
		{ "example.com.db", "example.com." },
		/* Cloudflare's export */
		{ "example.com.txt", "example.com." },
		{ "/tmp/x/db.example.com", "example.com." },
		{ "db.mail.example.org", "mail.example.org." },
		{ "example.com", "example.com." },
		/* the name written absolute, as in the zone */
		{ "db.at.example.org.", "at.example.org." },
	};
	static const char *const bad_origin[][3] = {
		{ "\\1", "fewer than three digits", "syntax" },
		{ "\\1.", "fewer than three digits", "syntax" },
		{ "\\256", "no origin to read it against", "syntax" },
		{ "a..b.", "empty label", "syntax" },
		{ "sub", "no origin to read it against", "syntax" },
		{ "@", "no origin to read it against", "syntax" },
		{ "\"x\"", "invalid domain name", "syntax" },
		{ "", "missing a domain name after $ORIGIN", "syntax" },
		{ "a b.", "extra field 'b.'", "syntax" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		  "aaaa.", "label longer than 63 bytes", "range" },
		{ "a123456789a123456789a123456789a123456789a123456789a123456789."
		  "a123456789a123456789a123456789a123456789a123456789a123456789."
		  "a123456789a123456789a123456789a123456789a123456789a123456789."
		  "a123456789a123456789a123456789a123456789a123456789a123456789."
		  "a123456789a123456789.", "exceeds 255 bytes", "range" },
	};
	static const char *const bad[] = { "zone", "foo.txt.bak_", "-",
					   "ex_ample.com", "", "db.",
					   "db.example..", "." };
	struct zl_load_opts o = { 0 };
	struct zl_zone *z;
	char *err = NULL;
	const char *rev;
	size_t i, n;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		z = load(good[i][0], "@ 300 A 192.0.2.1\n");
		ck_assert_str_eq(z->origin->text, good[i][1]);
		ck_assert(z->origin->in_zone);
		zl_zone_free(z);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		z = NULL;
		ck_assert_int_eq(zl_zone_load_buffer(bad[i], "www 300 A 192.0.2.1\n",
						     20, NULL, &z, &err),
				 ZL_ERR_ORIGIN);
		ck_assert_ptr_null(z);
		ck_assert_ptr_nonnull(strstr(err, "$ORIGIN"));
		ck_assert_ptr_nonnull(strstr(err, "--origin"));
		ck_assert_ptr_nonnull(strstr(err, "example.com.zone"));
		ck_assert_ptr_nonnull(strstr(err, "db.example.com"));
		free(err);
	}
	/* One label after a zone pattern is said to be why. */
	ck_assert_int_eq(zl_zone_load_buffer("db.com", "www 300 A 192.0.2.1\n",
					     20, NULL, &z, &err),
			 ZL_ERR_ORIGIN);
	ck_assert_ptr_nonnull(strstr(err, "'com' is one label"));
	ck_assert_ptr_nonnull(strstr(err, "$ORIGIN"));
	free(err);
	/* A file named after a network holds a reverse zone, in either
	 * order (db.10.205.55 for 55.205.10.in-addr.arpa, 10.115.zone for
	 * 10.115.in-addr.arpa): no domain name ends in a label of digits
	 * (RFC 3696 §2), so the name is not the origin; an absolute SOA
	 * owner names the zone, as the server configuration does. */
	z = load("db.10.205.55",
		 "55.205.10.in-addr.arpa. 300 SOA ns.example. h.example. "
		 "2 3600 900 604800 300\n"
		 "55.205.10.in-addr.arpa. 300 NS ns.example.\n"
		 "13.55.205.10.in-addr.arpa. 300 PTR ns.example.\n");
	ck_assert_str_eq(z->origin->text, "55.205.10.in-addr.arpa.");
	ck_assert_uint_eq(z->nprobs, 0);
	zl_zone_free(z);
	rev = "@ 300 SOA ns.example. h.example. 2 3600 900 604800 300\n";
	ck_assert_int_eq(zl_zone_load_buffer("10.115.zone", rev, strlen(rev),
					     NULL, &z, &err),
			 ZL_ERR_ORIGIN);
	ck_assert_ptr_nonnull(strstr(err, "'10.115' ends in a label of "
					  "digits"));
	ck_assert_ptr_nonnull(strstr(err, "in-addr.arpa"));
	free(err);
	/* A name of digits below a domain is still a name: 1.example.com */
	z = load("db.1.example.com", "www 300 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "1.example.com.");
	zl_zone_free(z);
	/* A first record without owner is an error whatever the origin,
	 * and the $ORIGIN after it still names the zone. */
	z = load("-", "\t300 A 192.0.2.1\n$ORIGIN example.net.\n"
		 "www 300 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	ck_assert_uint_eq(z->nprobs, 1);
	prob(z, "blank owner but no earlier record", 1, 2, "syntax");
	zl_zone_free(z);
	/* With the origin known, NSD gives it the apex whatever $ORIGIN
	 * says; BIND and Knot DNS refuse the zone. */
	z = load("-", "$ORIGIN example.net.\n$ORIGIN sub.example.net.\n"
		 "\t300 A 192.0.2.1\n");
	ck_assert_uint_eq(z->nprobs, 1);
	ck_assert_uint_eq(prob(z, "blank owner and no record before it", 3, 2,
			       "portable")->refused, ZL_NOT_BIND | ZL_NOT_KNOT);
	ck_assert_ptr_nonnull(rr_at(z, "example.net.", LDNS_RR_TYPE_A, 0));
	zl_zone_free(z);
	/* A file that starts with $ORIGIN needs no inference. */
	z = load("-", "$ORIGIN Example.NET.\nwww 300 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "www.example.net."));
	zl_zone_free(z);
	/* --origin wins over the file name; relative means absolute. */
	o.origin = "example.org";
	z = load_opts("example.com.zone", "www 300 A 192.0.2.1\n", &o);
	ck_assert_str_eq(z->origin->text, "example.org.");
	ck_assert(zl_zone_lookup(z, "www.example.org.")->in_zone);
	zl_zone_free(z);
	/* Without --origin the first $ORIGIN is the zone's; a later $ORIGIN
	 * changes the relative origin but not the zone's. */
	z = load("-", "$ORIGIN example.com.\na 1 A 192.0.2.1\n"
		 "$ORIGIN sub\nb 1 A 192.0.2.2\n"
		 "$ORIGIN other.test.\nc 1 A 192.0.2.3\n");
	ck_assert_str_eq(z->origin->text, "example.com.");
	ck_assert(zl_zone_lookup(z, "b.sub.example.com.")->in_zone);
	ck_assert(!zl_zone_lookup(z, "c.other.test.")->in_zone);
	zl_zone_free(z);
	/* --origin wins over $ORIGIN, as a server's zone statement does: a
	 * file that starts with "$ORIGIN ." (named-compilezone -s relative)
	 * and names its records from the root is the zone --origin says. */
	o.origin = "example.com.";
	z = load_opts("-", "$ORIGIN .\nexample 1 SOA ns.example. h 1 2 3 4 5\n"
		      "www.example 1 A 192.0.2.1\n", &o);
	ck_assert_str_eq(z->origin->text, "example.com.");
	ck_assert_uint_eq(z->nprobs, 2);	/* both records are outside */
	zl_zone_free(z);
	o.origin = "example.";
	apex_is("-", "$ORIGIN .\nexample 1 SOA ns.example. h 1 2 3 4 5\n"
		"www.example 1 A 192.0.2.1\n", &o, "example.", "www.example.");
	/* With nothing else to name it, an SOA first names the zone: after
	 * "$ORIGIN ." (relative names stay the root's) or with none (then
	 * the apex is the origin of relative names too), as transfers and
	 * named-compilezone write zones. */
	apex_is("-", "$ORIGIN .\n$TTL 1\nexample IN SOA ns.example. h 1 2 3 4 5\n"
		"www.example A 192.0.2.1\n", NULL, "example.", "www.example.");
	apex_is("dump.txt", "example.org. 1 IN SOA ns h 1 2 3 4 5\n"
		"www 1 A 192.0.2.1\n", NULL, "example.org.",
		"www.example.org.");
	/* A file named like a zone file names it first; a record other
	 * than an SOA, or one after the first, names nothing. */
	z = load("example.net.zone", "example.org. 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	zl_zone_free(z);
	/* Unless the file is named like a copy of the SOA's zone: a backup
	 * or an export, the zone's name with more glued to its ends.  A
	 * name below or above the SOA's is no copy. */
	{
		static const char *const copies[] = {
			"example.org-old.zone", "example.org.2024-05-14.zone",
			"db.example.org.20240514", "cf-example.org.txt",
			"Example.ORG_bak.zone",
		}, *const others[] = {
			"sub.example.org.zone", "xexample.org.zone",
			"example.orgs.zone",
		};

		for (i = 0; i < sizeof copies / sizeof copies[0]; i++)
			apex_is(copies[i], "example.org. 1 IN SOA ns h 1 2 3 4 5\n"
				"www 1 A 192.0.2.1\n", NULL, "example.org.",
				"www.example.org.");
		for (i = 0; i < sizeof others / sizeof others[0]; i++) {
			z = load(others[i],
				 "example.org. 1 IN SOA ns h 1 2 3 4 5\n");
			ck_assert_str_ne(z->origin->text, "example.org.");
			zl_zone_free(z);
		}
	}
	/* What dnssec-signzone writes beside a zone file is named like it. */
	z = load("db.example.net.signed", "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	zl_zone_free(z);
	z = load("zones/example.net.zone.signed", "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	zl_zone_free(z);
	/* Windows DNS Server keeps a zone in example.net.dns, written with
	 * '@' and no $ORIGIN. */
	z = load("dns/corp.example.net.dns", "@ IN SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "corp.example.net.");
	zl_zone_free(z);
	/* and Webmin's BIND module in example.net.hosts */
	z = load("/var/lib/bind/example.net.hosts", "@ IN SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	zl_zone_free(z);
	/* and ISPConfig in pri.example.net */
	z = load("/etc/bind/pri.example.net", "@ IN SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.net.");
	zl_zone_free(z);
	/* A file named bare after its zone, whose name has the shape of a
	 * pattern (the zone pri.example.net in pri.example.net, as
	 * named-checkzone pri.example.net loads it): its SOA names the zone
	 * when its owner is the whole file name. */
	{
		static const char *const bare[] = {
			"/etc/bind/pri.example.net", "Pri.Example.Net",
			"pri.example.net.",
		};

		for (i = 0; i < sizeof bare / sizeof bare[0]; i++)
			apex_is(bare[i], "$TTL 1\n"
				"pri.example.net. IN SOA ns h 1 2 3 4 5\n"
				"www A 192.0.2.1\n", NULL, "pri.example.net.",
				"www.pri.example.net.");
		apex_is("db.example.net", "$TTL 1\n"
			"db.example.net. IN SOA ns h 1 2 3 4 5\n", NULL,
			"db.example.net.", "db.example.net.");
	}
	/* The first SOA names the zone after other records too, as Google
	 * Cloud DNS exports and pdnsutil list-zone list the apex's NS
	 * records first: servers load the file only as its SOA's zone.
	 * Only records and $TTL may come before it. */
	z = load("-", "$ORIGIN .\nexample.org. 1 IN A 192.0.2.1\n"
		 "example.org. 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	zl_zone_free(z);
	z = load("records.zone", "example.org. 1 IN NS ns.example.net.\n"
		 "$TTL 300\nwww.example.org. A 192.0.2.1\n"
		 "example.org. 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	zl_zone_free(z);
	z = load("-", "$ORIGIN .\nexample.org. 1 IN A 192.0.2.1\n"
		 "$ORIGIN example.org.\n@ 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, ".");
	zl_zone_free(z);
	/* An SOA owner written without its final dot, as Cloudflare
	 * exports a zone, names it when nothing else does; the SOA lands
	 * below the apex.  One label does not. */
	z = load("export.txt", "example.org 1 IN SOA ns h 1 2 3 4 5\n"
		 "www.example.org. 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "example.org.example.org."));
	prob(z, "below the zone apex 'example.org.'", 1, 1, "soa");
	zl_zone_free(z);
	{
		const char *one = "www 1 IN SOA ns h 1 2 3 4 5\n";
		char *why = NULL;

		z = NULL;
		ck_assert_int_eq(zl_zone_load_buffer("export.txt", one,
			strlen(one), NULL, &z, &why), ZL_ERR_ORIGIN);
		ck_assert_ptr_null(z);
		free(why);
	}
	/* A first $ORIGIN and an SOA first one label below it, as NSD
	 * writes zones: the SOA's owner, unless the file name names the
	 * $ORIGIN. */
	z = load("-", "$ORIGIN org.\nexample 1 IN SOA ns h 1 2 3 4 5\n"
		 "$ORIGIN example.org.\nwww 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	zl_zone_free(z);
	z = load("example.org.zone", "$ORIGIN example.org.\n"
		 "www 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	zl_zone_free(z);
	z = load("-", "$ORIGIN example.org.\nwww.sub 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	zl_zone_free(z);
	/* The SOA's owner is read as its record is: what BIND alone
	 * refuses as Knot DNS reads it, noted once. */
	z = load("dump.txt", "miek\\256.nl. 1 IN SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "miek\\000.nl.");
	prob(z, "escape '\\256' above 255", 1, 1, "portable");
	for (i = n = 0; i < z->nprobs; i++)
		n += strstr(z->probs[i].message, "above 255") != NULL;
	ck_assert_uint_eq(n, 1);	/* the rest: BIND's check-names */
	zl_zone_free(z);
	/* One that cannot be read is the record's error; the zone is named
	 * as without it, a bare file name, else the root, and its SOA is
	 * lost at that apex. */
	z = load("dump.txt", "a\\2.nl. 1 IN SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, ".");
	prob(z, "escape '\\2' of fewer than three digits", 1, 1, "syntax");
	ck_assert_uint_eq(z->nprobs, 1);
	ck_assert_uint_eq(z->nlost, 1);
	ck_assert_ptr_eq(z->lost[0].owner, z->origin);
	ck_assert_uint_eq(z->lost[0].type, LDNS_RR_TYPE_SOA);
	zl_zone_free(z);
	z = load("example.org", "a..nl. 1 IN SOA ns h 1 2 3 4 5\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	prob(z, "empty label in domain name 'a..nl.'", 1, 1, "syntax");
	ck_assert_ptr_eq(z->lost[0].owner, z->origin);
	zl_zone_free(z);
	/* A $ORIGIN that cannot be read is its line's error, not the end of
	 * the load: with nothing else to name the zone the records go on
	 * from the root, an SOA first with an absolute owner naming it. */
	for (i = 0; i < sizeof bad_origin / sizeof bad_origin[0]; i++) {
		char text[600];

		snprintf(text, sizeof text, "$ORIGIN %s\n$TTL 1\n"
			 "@ SOA ns h 1 2 3 4 5\nwww A 192.0.2.1\n"
			 "mx MX 70000 www\n", bad_origin[i][0]);
		z = load("-", text);
		ck_assert_str_eq(z->origin->text, ".");
		prob(z, bad_origin[i][1], 1, !bad_origin[i][0][0] ? 1 :
		     bad_origin[i][0][1] == ' ' ? 11 : 9, bad_origin[i][2]);
		prob(z, "MX preference 70000", 5, 7, "range");
		ck_assert_ptr_nonnull(zl_zone_lookup(z, "www."));
		zl_zone_free(z);
	}
	z = load("-", "$ORIGIN a..b.\nexample.org. 1 SOA ns h 1 2 3 4 5\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert_str_eq(z->origin->text, "example.org.");
	ck_assert(zl_zone_lookup(z, "www.example.org.")->in_zone);
	zl_zone_free(z);
	/* One after a good one leaves the good one in force. */
	z = load("-", "$ORIGIN example.org.\n$ORIGIN \\1\n"
		 "www 1 A 192.0.2.1\n");
	ck_assert(zl_zone_lookup(z, "www.example.org.")->in_zone);
	zl_zone_free(z);
	/* No records: no origin needed, the root stands in. */
	z = load("-", "; nothing\n");
	ck_assert_str_eq(z->origin->text, ".");
	ck_assert_uint_eq(zl_zone_record_count(z), 0);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_records)
{
	struct zl_buf b = { 0 };
	struct zl_zone *z;
	const struct zl_rr *rr;
	struct zl_loc loc;

	z = load("example.com.zone",
		 "@ IN SOA ns1 hostmaster ( 1 7200 900 1w 1h30m )\n"	/* 1 */
		 "\tIN 3600 MX 10 mail\n"				/* 2 */
		 "\t3600 IN MX 20 mx.example.net.\n"			/* 3 */
		 "\tMX 30 @\n"						/* 4 */
		 "$TTL 2d\n"						/* 5 */
		 "mail in A 192.0.2.1\n"				/* 6 */
		 "MAIL 1W class1 A 192.0.2.2\n"			/* 7 */
		 "txt TXT \"v=spf1 -all\" \"a;b\" plain\n");		/* 8 */
	/* class1 is read as IN, and noted as Knot DNS refuses it */
	prob(z, "class written in RFC 3597 form", 7, 9, "portable");
	/* No $TTL: BIND, NSD and RFC 1035 each give the SOA its own TTL;
	 * said once. */
	prob(z, "no TTL for this record and no $TTL before it: BIND gives it "
	     "5400, Knot DNS and NSD 3600; write a $TTL", 1, 6, "portable");
	ck_assert_uint_eq(z->nprobs, 2);
	ck_assert_uint_eq(zl_zone_record_count(z), 7);
	/* SOA: no TTL anywhere before it, so its own minimum. */
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_SOA, 0);
	ck_assert_uint_eq(rr->ttl, 5400);
	ck_assert(rr->flags & ZL_RR_TTL_IMPLICIT);
	ck_assert_uint_eq(rr->nrdf, 7);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[0])->text, "ns1.example.com.");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[1])->text, "hostmaster.example.com.");
	ck_assert_uint_eq(rdf_u32(&rr->rdf[2]), 1);
	ck_assert_uint_eq(rdf_u32(&rr->rdf[5]), 604800);
	ck_assert_uint_eq(rr->text.off, 0);
	loc = zl_zone_loc(z, rr->src, rr->text);
	ck_assert_uint_eq(loc.end_col, 48);
	/* Class and TTL in either order; blank owners. */
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 0);
	ck_assert_uint_eq(rr->ttl, 3600);
	ck_assert(!(rr->flags & ZL_RR_TTL_IMPLICIT));
	ck_assert(rr->flags & ZL_RR_OWNER_BLANK);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_OWNER).len, 0);
	ck_assert_uint_eq(z->klass, LDNS_RR_CLASS_IN);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_CLASS).off, 49);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_CLASS).len, 2);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_TTL).off, 52);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_TTL).len, 4);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_TYPE).off, 57);
	ck_assert_uint_eq(rr->ntok, 2);
	ck_assert_uint_eq(zl_rr_tok(z, rr, 0).off, 60);
	ck_assert_uint_eq(rdf_u32(&rr->rdf[0]), 10);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[1])->text, "mail.example.com.");
	ck_assert(zl_rdf_name(&rr->rdf[1])->in_zone);
	ck_assert_uint_eq(rr->rdf[1].tok, 1);
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 1);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[1])->text, "mx.example.net.");
	ck_assert(!zl_rdf_name(&rr->rdf[1])->in_zone);
	/* No TTL and no $TTL yet, after an SOA without TTL: the TTL of the
	 * MX records just before it at the owner, as BIND gives it ("TTL
	 * set to prior TTL"), not the SOA minimum. */
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 2);
	ck_assert_uint_eq(rr->ttl, 3600);
	ck_assert(rr->flags & ZL_RR_TTL_IMPLICIT);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[1])->text, "example.com.");
	/* $TTL with units; case-insensitive owners share one name. */
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_A, 0);
	ck_assert_uint_eq(rr->ttl, 172800);
	ck_assert_uint_eq(rr->rdf[0].len, 4);
	ck_assert_mem_eq(zl_rdf_data(&rr->rdf[0]), "\300\0\2\1", 4);
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_A, 1);
	ck_assert_uint_eq(rr->ttl, 604800);
	ck_assert_uint_eq(z->klass, LDNS_RR_CLASS_IN);
	/* TXT: one field per string, quotes and ';' kept right; the strings
	 * are read from the source, not kept in wire form. */
	rr = rr_at(z, "txt.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert_uint_eq(rr->nrdf, 3);
	ck_assert_ptr_null(zl_rdf_data(&rr->rdf[0]));
	ck_assert_uint_eq(rr->rdf[0].len, 12);
	ck_assert_mem_eq(zl_rdf_wire(z, rr, 0, &b), "\013v=spf1 -all", 12);
	ck_assert_mem_eq(zl_rdf_wire(z, rr, 1, &b), "\003a;b", 4);
	ck_assert_mem_eq(zl_rdf_wire(z, rr, 2, &b), "\005plain", 6);
	/* Other fields are kept: the A record's address is its data. */
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_A, 0);
	ck_assert_ptr_eq(zl_rdf_wire(z, rr, 0, &b), zl_rdf_data(&rr->rdf[0]));
	/* A name is kept interned only; its wire form is made again. */
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 1);
	ck_assert_ptr_null(zl_rdf_data(&rr->rdf[1]));
	ck_assert_uint_eq(rr->rdf[1].len, 16);
	ck_assert_mem_eq(zl_rdf_wire(z, rr, 1, &b), "mxexamplenet", 16);
	zl_zone_free(z);

	/* Escapes in strings and names; the SOA minimum is not used once
	 * $TTL is there; a record without any TTL source gets the 3600 of
	 * Knot DNS and NSD, and BIND refuses it. */
	z = load("example.com.zone",
		 "a TXT \"q\\\"\\059\\255\"\n"
		 "$TTL 60\n"
		 "b\\.c 10 CNAME Mail\\.Box.Example.COM.\n");
	prob(z, "no TTL for this record and no $TTL before it, which BIND "
	     "refuses", 1, 3, "portable");
	ck_assert_uint_eq(z->nrrs, 2);
	ck_assert_uint_eq(z->rrs[0].ttl, 3600);
	rr = &z->rrs[1];
	ck_assert_str_eq(rr->owner->text, "b\\.c.example.com.");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[0])->text, "mail\\.box.example.com.");
	zl_zone_free(z);
	/* A relative $ORIGIN: NSD reads "@" alone, Knot DNS neither. */
	z = load("example.com.zone", "$TTL 60\n$ORIGIN @\n$ORIGIN sub\n");
	prob(z, "relative $ORIGIN, which Knot DNS refuses:", 2, 9, "portable");
	prob(z, "relative $ORIGIN, which Knot DNS and NSD refuse", 3, 9,
	     "portable");
	zl_zone_free(z);
	z = load("example.com.zone", "$TTL 60\na TXT \"q\\\"\\059\\255\"\n");
	ck_assert_uint_eq(z->nprobs, 0);
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 5);
	ck_assert_mem_eq(zl_rdf_wire(z, &z->rrs[0], 0, &b), "\004q\";\377", 5);
	zl_zone_free(z);
	zl_buf_free(&b);
}
END_TEST

/* A TXT string over 255 bytes (RFC 1035 §3.3), which BIND and NSD refuse:
 * its field is the strings of 255 Knot DNS splits it into, each after its
 * length byte; split over 65535 bytes, no server reads it. */
static char *txt_zone(size_t n)
{
	char *text = zl_xmalloc(n + 64);
	int k = sprintf(text, "$TTL 60\na TXT \"");

	memset(text + k, 'x', n);
	strcpy(text + k + n, "\"\n");
	return text;
}

START_TEST(test_txt_split)
{
	struct zl_buf b = { 0 };
	const uint8_t *w;
	struct zl_zone *z;
	char *text;

	text = txt_zone(511);
	z = load("example.com.zone", text);
	ck_assert_uint_eq(z->nrrs, 1);
	prob(z, "character-string of 511 bytes, which BIND and NSD refuse "
	     "(Knot DNS splits it into strings of 255)", 2, 7, "portable");
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 514);
	w = zl_rdf_wire(z, &z->rrs[0], 0, &b);
	ck_assert_uint_eq(w[0], 255);
	ck_assert_uint_eq(w[256], 255);
	ck_assert_uint_eq(w[512], 1);
	ck_assert_uint_eq(w[1], 'x');
	ck_assert_uint_eq(w[511], 'x');
	ck_assert_uint_eq(w[513], 'x');
	zl_zone_free(z);
	free(text);
	/* An empty string is its length byte. */
	z = load("example.com.zone", "$TTL 60\na TXT \"\"\n");
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 1);
	ck_assert_mem_eq(zl_rdf_wire(z, &z->rrs[0], 0, &b), "\0", 1);
	zl_zone_free(z);
	/* 256 bytes: two strings, not a length byte of 0. */
	text = txt_zone(256);
	z = load("example.com.zone", text);
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 258);
	w = zl_rdf_wire(z, &z->rrs[0], 0, &b);
	ck_assert_uint_eq(w[0], 255);
	ck_assert_uint_eq(w[256], 1);
	zl_zone_free(z);
	free(text);
	/* 65279 bytes split make 65535; 65280 make 65536. */
	text = txt_zone(65279);
	z = load("example.com.zone", text);
	ck_assert_uint_eq(z->nrrs, 1);
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 65535);
	ck_assert_uint_eq(zl_rdf_wire(z, &z->rrs[0], 0, &b)[65280], 254);
	zl_zone_free(z);
	free(text);
	text = txt_zone(65280);
	z = load("example.com.zone", text);
	ck_assert_uint_eq(z->nrrs, 0);
	prob(z, "character-string of 65280 bytes, which every server refuses",
	     2, 7, "limit");
	zl_zone_free(z);
	free(text);
	zl_buf_free(&b);
}
END_TEST

START_TEST(test_errors)
{
	struct zl_zone *z;
	char big[400];
	char *text;

	z = load("example.com.zone",
		 "$TTL 1h\n"						/* 1 */
		 "a 2147483648 A 192.0.2.1\n"				/* 2 */
		 "b 2147483647 A 192.0.2.1\n"				/* 3 */
		 "@ MX 70000 mail\n"					/* 4 */
		 "c A 192.0.2.300\n"					/* 5 */
		 "d MXX 10 mail\n"					/* 6 */
		 "e MX 10\n"						/* 7 */
		 "f MX 10 mail extra\n"					/* 8 */
		 "g TXT \"open\n"					/* 9 */
		 "h A 192.0.2.8\n"					/* 10 */
		 "$TTL 99999999999\n"					/* 11 */
		 "$BOGUS x\n"						/* 12 */
		 "i SOA ns hm 1 2 3 4 1x\n"				/* 13 */
		 "j TLSA 256 1 1 aabb\n"				/* 14 */
		 "k TLSA DANE-EE SPKI SHA2-256 aabb\n"			/* 15 */
		 "l MX abc mail\n"					/* 16 */
		 "m A ( 192.0.2.9\n"					/* 17 */
		 "n A 192.0.2.10\n");					/* 18 */
	prob(z, "TTL 2147483648 exceeds 2147483647: receivers read it as 0 "
	     "(RFC 2181 §8), as BIND loads it; NSD loads the TTL it would "
	     "give a record without one", 2, 3, "ttl");
	prob(z, "MX preference 70000 is out of range 0..65535", 4, 6, "range");
	prob(z, "invalid IPv4 address '192.0.2.300'", 5, 5, "syntax");
	prob(z, "unknown record type 'MXX'", 6, 3, "syntax");
	prob(z, "missing rdata: MX needs 2 fields, found 1", 7, 3, "syntax");
	prob(z, "extra rdata field 'extra'", 8, 14, "syntax");
	prob(z, "unterminated quoted string", 9, 7, "syntax");
	prob(z, "TTL 99999999999 does not fit in 32 bits", 11, 6, "range");
	prob(z, "unknown directive '$BOGUS'", 12, 1, "syntax");
	prob(z, "invalid SOA minimum '1x'", 13, 21, "syntax");
	prob(z, "TLSA usage 256 is out of range 0..255", 14, 8, "range");
	prob(z, "TLSA usage 'DANE-EE' is an acronym of RFC 7218", 15, 8,
	     "syntax");
	prob(z, "invalid MX preference 'abc'", 16, 6, "syntax");
	prob(z, "unbalanced '(': no closing ')' before end of file", 17, 5,
	     "syntax");
	ck_assert_uint_eq(z->nprobs, 14);
	/* The good records around the bad ones are all there. */
	ck_assert_ptr_nonnull(zl_name_rrset(zl_zone_lookup(z, "b.example.com."),
					    LDNS_RR_TYPE_A));
	ck_assert_ptr_nonnull(zl_name_rrset(zl_zone_lookup(z, "h.example.com."),
					    LDNS_RR_TYPE_A));
	ck_assert_ptr_nonnull(zl_name_rrset(zl_zone_lookup(z, "n.example.com."),
					    LDNS_RR_TYPE_A));
	/* The TTL with the top bit set is kept, read as 0. */
	ck_assert_uint_eq(rr_at(z, "a.example.com.", LDNS_RR_TYPE_A, 0)->ttl, 0);
	ck_assert_uint_eq(zl_zone_record_count(z), 4);
	zl_zone_free(z);

	/* The lines after a '(' never closed are read again; those that do
	 * not load, pieces of its record, are no problems of their own,
	 * until a line loads. */
	z = load("example.com.zone",
		 "$TTL 1h\n"						/* 1 */
		 "x TXT ( a\n"						/* 2 */
		 "  b\n"						/* 3 */
		 "  \"c\"\n"					/* 4 */
		 "y A 192.0.2.1\n"					/* 5 */
		 "  MXX 10 mail\n");					/* 6 */
	prob(z, "unbalanced '(': no closing ')' before end of file", 2, 7,
	     "syntax");
	prob(z, "unknown record type 'MXX'", 6, 3, "syntax");
	ck_assert_uint_eq(z->nprobs, 2);
	ck_assert_uint_eq(zl_zone_record_count(z), 1);
	zl_zone_free(z);
	/* A directive there is no piece of the record: its problems stand,
	 * and the lines after it are still pieces. */
	z = load("example.com.zone",
		 "$TTL 1h\n"						/* 1 */
		 "x TXT ( a\n"						/* 2 */
		 "$TTL xyz\n"						/* 3 */
		 "$ORIGIN bad..name.\n"					/* 4 */
		 "$INCLUDE /etc/passwd\n"				/* 5 */
		 "  b\n"						/* 6 */
		 "y A 192.0.2.1\n");					/* 7 */
	prob(z, "unbalanced '(': no closing ')' before end of file", 2, 7,
	     "syntax");
	prob(z, "invalid TTL 'xyz'", 3, 6, "syntax");
	prob(z, "empty label in domain name 'bad..name.'", 4, 9, "syntax");
	prob(z, "/etc/passwd", 5, 10, "include");
	ck_assert_uint_eq(z->nprobs, 4);
	ck_assert_uint_eq(zl_zone_record_count(z), 1);
	zl_zone_free(z);
	/* One that loads records ends the pieces, as a record does. */
	z = load("example.com.zone",
		 "$TTL 1h\n"						/* 1 */
		 "x TXT ( a\n"						/* 2 */
		 "  b\n"						/* 3 */
		 "$GENERATE 1-2 h$ A 192.0.2.$\n"			/* 4 */
		 "  MXX 10 mail\n");					/* 5 */
	prob(z, "unbalanced '(': no closing ')' before end of file", 2, 7,
	     "syntax");
	prob(z, "unknown record type 'MXX'", 5, 3, "syntax");
	ck_assert_uint_eq(zl_zone_record_count(z), 2);
	zl_zone_free(z);

	/* A 256-byte character-string; 255 is fine.  In TXT, BIND and NSD
	 * refuse it and Knot DNS splits it: the record is kept. */
	memset(big, 'x', sizeof big);
	text = malloc(1000);
	snprintf(text, 1000, "$TTL 1\nok TXT \"%.*s\"\nbad TXT \"%.*s\"\n"
		 "bad HINFO \"%.*s\" x\n", 255, big, 256, big, 256, big);
	z = load("example.com.zone", text);
	ck_assert_uint_eq(prob(z, "character-string of 256 bytes, which BIND "
			       "and NSD refuse", 3, 9, "portable")->refused,
			  ZL_NOT_BIND | ZL_NOT_NSD);
	prob(z, "character-string of 256 bytes exceeds 255", 4, 11, "range");
	ck_assert_uint_eq(z->nprobs, 2);
	ck_assert_uint_eq(z->rrs[0].rdf[0].len, 256);
	ck_assert_uint_eq(zl_zone_record_count(z), 2);
	zl_zone_free(z);
	free(text);

	/* Names: labels over 63, names over 255, empty labels. */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "a MX 1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.\n"
		 "b..c A 192.0.2.1\n"
		 "\tA 192.0.2.2\n"
		 " A 192.0.2.3\n");
	prob(z, "label longer than 63 bytes", 2, 8, "range");
	prob(z, "empty label in domain name 'b..c'", 3, 1, "syntax");
	/* The blank-owner records after a bad owner are dropped quietly. */
	ck_assert_uint_eq(z->nprobs, 2);
	ck_assert_uint_eq(z->nrrs, 0);
	zl_zone_free(z);
	/* A message clips a long name before an escape, not inside it. */
	z = load("example.com.zone", "$TTL 1\n"
		 "12345678901234567890123456789012345678901234567890123456789012"
		 "\\0514 A 192.0.2.3\n");
	prob(z, "name '123456789012345678901234567890123456789012345678901234"
	     "56789012...'", 2, 1, "range");
	zl_zone_free(z);
	/* nor inside a UTF-8 character */
	z = load("example.com.zone", "$TTL 1\n"
		 "x CNAME 12345678901234567890123456789012345678901234567890."
		 "123456789012\xc3\xa9\\2.\n");
	prob(z, "name '12345678901234567890123456789012345678901234567890."
	     "123456789012...'", 2, 9, "syntax");
	zl_zone_free(z);

	/* Control bytes in zone text never reach a message raw. */
	z = load("example.com.zone", "$TTL 1\nx MX \033[31m mail\n");
	ck_assert_ptr_null(strchr(z->probs[0].message, '\033'));
	ck_assert_ptr_nonnull(strstr(z->probs[0].message, "\\027[31m"));
	zl_zone_free(z);
}
END_TEST

START_TEST(test_generic)
{
	struct zl_zone *z;
	const struct zl_rr *rr;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "a TYPE65534 \\# 3 010203\n"
		 "b TYPE65534 \\# 4 010203\n"
		 "c MX \\# 8 000a 046d61696c00\n"
		 "d TYPE1 \\# 4 C0000201\n"
		 "e TYPE65534 \\# 0\n"
		 "f TYPE65534 010203\n"
		 "g MX \\# 3 000a05\n"
		 "h TYPE65534 \\# 1 0g\n"
		 "i TYPE65534 \\# 1 abc\n");
	rr = rr_at(z, "a.example.com.", 65534, 0);
	ck_assert(rr->flags & ZL_RR_GENERIC);
	ck_assert_uint_eq(rr->nrdf, 1);
	ck_assert_uint_eq(rr->rdf[0].len, 3);
	ck_assert_mem_eq(zl_rdf_data(&rr->rdf[0]), "\1\2\3", 3);
	ck_assert_uint_eq(rr->ntok, 3);
	/* A length that is not the data's BIND and Knot DNS refuse; NSD
	 * reads the data as it is. */
	prob(z, "RFC 3597 rdata length 4 does not match 3 bytes of hex data",
	     3, 16, "portable");
	rr = rr_at(z, "b.example.com.", 65534, 0);
	ck_assert_uint_eq(rr->rdf[0].len, 3);
	/* Known types are decoded into their fields. */
	rr = rr_at(z, "c.example.com.", LDNS_RR_TYPE_MX, 0);
	ck_assert(rr->flags & ZL_RR_GENERIC);
	ck_assert_uint_eq(rr->nrdf, 2);
	ck_assert_uint_eq(rdf_u32(&rr->rdf[0]), 10);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[1])->text, "mail.");
	rr = rr_at(z, "d.example.com.", LDNS_RR_TYPE_A, 0);
	ck_assert_mem_eq(zl_rdf_data(&rr->rdf[0]), "\300\0\2\1", 4);
	rr = rr_at(z, "e.example.com.", 65534, 0);
	ck_assert_uint_eq(rr->rdf[0].len, 0);
	prob(z, "record type 'TYPE65534' has no known rdata format", 7, 3,
	     "syntax");
	prob(z, "RFC 3597 rdata is not valid MX rdata", 8, 6, "syntax");
	prob(z, "invalid hex data '0g' in RFC 3597 rdata: 'g' is not a "
	     "hex digit", 9, 19, "syntax");
	prob(z, "RFC 3597 rdata of 3 hex digits, an odd number", 10, 16,
	     "syntax");
	ck_assert_uint_eq(z->nprobs, 5);
	ck_assert_uint_eq(z->nrrs, 5);
	zl_zone_free(z);
}
END_TEST

/* RFC 3597 data that BIND holds to its type's values and Knot DNS and
 * NSD load: a LOC of version 0, a WKS bit map, RKEY flags, a KEY after
 * NOKEY flags, SVCB parameters. */
START_TEST(test_generic_bind_values)
{
	static const struct {
		const char *sub;
		uint32_t line, col;
	} want[] = {
		{ "LOC rdata has a size that is no digit times a power of "
		  "ten", 2, 7 },
		{ "LOC rdata has a precision that is no digit", 3, 7 },
		{ "LOC rdata has a latitude beyond 90 degrees", 4, 7 },
		{ "LOC rdata has a longitude beyond 180 degrees", 5, 7 },
		{ "WKS bit map ends in a zero byte", 7, 10 },
		{ "RKEY flags 256 are not 0", 8, 10 },
		{ "KEY public key after flags that say there is none", 10,
		  10 },
		{ "SVCB parameters have a dohpath that is not", 12, 10 },
		{ "HTTPS parameters have no-default-alpn without alpn", 13,
		  10 },
		{ "KEY public key that does not start with a whole domain "
		  "name, as one of algorithm 253", 14, 10 },
		{ "DNSKEY public key that does not start with a whole "
		  "domain", 15, 10 },
		{ "CDNSKEY public key that does not start with", 16, 10 },
	};
	struct zl_zone *z;
	size_t i;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "a LOC \\# 16 00 05 16 13 80000000 80000000 00989680\n"
		 "b LOC \\# 16 00 12 16 1A 80000000 80000000 00989680\n"
		 "c LOC \\# 16 00 12 16 13 6CB026FF 80000000 00989680\n"
		 "d LOC \\# 16 00 12 16 13 80000000 A69FB201 00989680\n"
		 "e LOC \\# 16 00 99 00 99 934FD900 59604E00 00989680\n"
		 "f TYPE11 \\# 6 C00002010600\n"
		 "g TYPE57 \\# 6 010003080102\n"
		 "h TYPE57 \\# 6 000003080102\n"
		 "i TYPE25 \\# 5 C000 03 08 AB\n"
		 "j TYPE25 \\# 4 C000 03 08\n"
		 "k TYPE64 \\# 9 0001 00 0007 0002 2f78\n"
		 "l TYPE65 \\# 7 0001 00 0002 0000\n"
		 "m TYPE25 \\# 5 000003fd 07\n"
		 "n TYPE48 \\# 7 010003fd c00000\n"
		 "o TYPE60 \\# 6 010003fd 4000\n"
		 /* a whole name, the root, with or without key data after
		  * it; a pointer after NOKEY flags, with no key */
		 "p TYPE48 \\# 5 010003fd 00\n"
		 "p TYPE48 \\# 14 010003fd 076578616d706c65 00 ab\n"
		 "q TYPE25 \\# 4 c00003fd\n");
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_uint_eq(prob(z, want[i].sub, want[i].line,
				       want[i].col, "portable")->refused,
				  ZL_NOT_BIND);
	ck_assert_uint_eq(z->nprobs, 12);
	ck_assert_uint_eq(z->nrrs, 18);
	zl_zone_free(z);
}
END_TEST

/* Asserts that field f of rr holds the wire bytes written in hex. */
static void rdf_is(const struct zl_rr *rr, unsigned f, const char *hex)
{
	char got[600];
	uint16_t i;

	ck_assert_uint_lt(f, rr->nrdf);
	ck_assert_uint_lt(rr->rdf[f].len, sizeof got / 2);
	for (i = 0; i < rr->rdf[f].len; i++)
		snprintf(got + 2 * i, 3, "%02x", zl_rdf_data(&rr->rdf[f])[i]);
	got[2 * i] = '\0';
	ck_assert_str_eq(got, hex);
}

/* The first two A6 records at a6.example.com., which the text and the
 * RFC 3597 forms write alike: a prefix of 60 bits with the suffix after
 * it and the prefix's name; a prefix of 128 with the name alone. */
static void a6_pair_is(const struct zl_zone *z)
{
	const struct zl_rr *rr;

	rr = rr_at(z, "a6.example.com.", 38, 0);
	ck_assert_uint_eq(rr->nrdf, 3);
	rdf_is(rr, 0, "3c");
	rdf_is(rr, 1, "0fffff000000000001");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[2])->text, "p.example.com.");
	rr = rr_at(z, "a6.example.com.", 38, 1);
	ck_assert_uint_eq(rr->nrdf, 3);
	ck_assert_uint_eq(rr->rdf[1].len, 0);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[2])->text, "q.example.net.");
}

/* zl_name_from_text on text, into a buffer with guard bytes after its
 * ZL_NAME_MAXWIRE: they must stay untouched whatever the name. */
static size_t name_len(const char *text, const char **cat, char *msg)
{
	static const uint8_t origin[] = "\007example\003com";
	uint8_t wire[ZL_NAME_MAXWIRE + 8];
	size_t n, i;

	memset(wire, 0xaa, sizeof wire);
	*cat = NULL;
	msg[0] = '\0';
	n = zl_name_from_text(text, strlen(text), origin, sizeof origin, wire,
			      cat, msg, 256);
	for (i = ZL_NAME_MAXWIRE; i < sizeof wire; i++)
		ck_assert_uint_eq(wire[i], 0xaa);
	return n;
}

/* A6 and NXT in RFC 3597 form, read into the fields of their text forms
 * as BIND reads both; a suffix with bits inside the prefix BIND refuses
 * ("FORMERR"). */
START_TEST(test_old_wire)
{
	const struct zl_rr *rr;
	struct zl_zone *z;
	uint32_t i;

	z = load("example.com.zone",
		 "$TTL 60\n"
		 "nxt NXT \\# 16 0161076578616d706c6503636f6d00 40\n"
		 "nxt2 TYPE30 \\# 15 0161076578616d706c6503636f6d00\n"
		 "a6 A6 \\# 25 3c 0fffff000000000001 "
		 "0170076578616d706c6503636f6d00\n"
		 "a6 A6 \\# 16 80 0171076578616d706c65036e657400\n"
		 "a6 TYPE38 \\# 17 00 20010db8000000000000000000000001\n"
		 "bad A6 \\# 25 3c 1fffff000000000001 "
		 "0170076578616d706c6503636f6d00\n");
	for (i = 0; i < z->nrrs; i++)
		ck_assert(!(z->rrs[i].flags & ZL_RR_UNCHECKED));
	rr = rr_at(z, "nxt.example.com.", 30, 0);
	ck_assert_uint_eq(rr->nrdf, 2);
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[0])->text, "a.example.com.");
	rdf_is(rr, 1, "40");
	rr = rr_at(z, "nxt2.example.com.", 30, 0);
	ck_assert_uint_eq(rr->nrdf, 2);
	ck_assert_uint_eq(rr->rdf[1].len, 0);
	a6_pair_is(z);
	rr = rr_at(z, "a6.example.com.", 38, 2);
	ck_assert_uint_eq(rr->nrdf, 2);
	rdf_is(rr, 1, "20010db8000000000000000000000001");
	ck_assert_uint_eq(prob(z, "not valid A6 rdata: an A6 address suffix "
			       "with bits set inside the prefix", 7, 8,
			       "portable")->refused, ZL_NOT_BIND);
	ck_assert_uint_eq(z->nrrs, 6);
	zl_zone_free(z);
}
END_TEST

/* RFC 3597 data of the old types that BIND refuses: Knot DNS loads any,
 * NSD all but an X25 that is no one string or an NXT without its name
 * whole.  Each is ZONE012 naming those, the record kept whole. */
START_TEST(test_old_wire_refused)
{
	static const struct {
		const char *sub;
		unsigned not;
	} want[] = {
		{ "an A6 record without a prefix length", ZL_NOT_BIND },
		{ "an A6 prefix length over 128", ZL_NOT_BIND },
		{ "an A6 address suffix cut short", ZL_NOT_BIND },
		{ "an A6 prefix name missing or malformed", ZL_NOT_BIND },
		{ "an A6 prefix name after a prefix length of 0", ZL_NOT_BIND },
		{ "an NXT next domain name missing or malformed",
		  ZL_NOT_BIND | ZL_NOT_NSD },
		{ "an NXT type bitmap of more than 16 bytes", ZL_NOT_BIND },
		{ "an NXT type bitmap with bit 0 set", ZL_NOT_BIND },
		{ "an NXT type bitmap whose last byte is 0", ZL_NOT_BIND },
		{ "fewer than 4 digits, which BIND refuses", ZL_NOT_BIND },
		{ "an X25 address that is not digits", ZL_NOT_BIND },
		{ "fewer than 4 digits, which BIND and NSD refuse",
		  ZL_NOT_BIND | ZL_NOT_NSD },
		{ "an ATMA record without an address", ZL_NOT_BIND },
		{ "an E.164 ATMA address that is not digits", ZL_NOT_BIND },
	};
	const struct zl_rr *rr;
	struct zl_zone *z;
	size_t i;

	z = load("example.com.zone",
		 "$TTL 60\n"
		 "a TYPE38 \\# 0\n"
		 "a TYPE38 \\# 1 81\n"
		 "a TYPE38 \\# 2 40 00\n"
		 "a TYPE38 \\# 11 40 0000000000000001 c000\n"
		 "a TYPE38 \\# 18 00 20010db8000000000000000000000001 00\n"
		 "n TYPE30 \\# 2 c000\n"
		 "n TYPE30 \\# 32 0162076578616d706c6503636f6d00 "
		 "4000000000000000000000000000000001\n"
		 "n TYPE30 \\# 17 0162076578616d706c6503636f6d00 8001\n"
		 "n TYPE30 \\# 16 0162076578616d706c6503636f6d00 00\n"
		 "x TYPE19 \\# 4 03313233\n"
		 "x TYPE19 \\# 5 0431326134\n"
		 "x TYPE19 \\# 6 0431323334 35\n"
		 "m TYPE34 \\# 1 01\n"
		 "m TYPE34 \\# 2 0141\n");
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_uint_eq(prob(z, want[i].sub, (uint32_t)i + 2, 10,
				       "portable")->refused, want[i].not);
	ck_assert_uint_eq(z->nprobs, 14);
	ck_assert_uint_eq(z->nrrs, 14);
	for (i = 0; i < z->nrrs; i++)
		ck_assert(!(z->rrs[i].flags & ZL_RR_UNCHECKED));
	rr = rr_at(z, "n.example.com.", 30, 0);
	ck_assert_uint_eq(rr->nrdf, 1);
	rdf_is(rr, 0, "c000");
	zl_zone_free(z);
}
END_TEST

START_TEST(test_names)
{
	char text[1100], msg[256], l63[64];
	const char *cat;

	/* RFC 1035 §2.3.4: 255 octets in wire form; labels of 63.  Three
	 * labels of 63 are 192 octets with their lengths. */
	memset(l63, 'a', 63);
	l63[63] = '\0';
	snprintf(text, sizeof text, "%s.%s.%s.%.61s.", l63, l63, l63, l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 255);
	snprintf(text, sizeof text, "%s.%s.%s.%.62s.", l63, l63, l63, l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 0);
	ck_assert_str_eq(cat, "range");
	ck_assert_ptr_nonnull(strstr(msg, "exceeds 255 bytes"));
	/* Relative: the origin's 13 octets count. */
	snprintf(text, sizeof text, "%s.%s.%s.%.49s", l63, l63, l63, l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 255);
	snprintf(text, sizeof text, "%s.%s.%s.%.50s", l63, l63, l63, l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 0);
	ck_assert_ptr_nonnull(strstr(msg, "with the origin appended"));
	/* \DDD and \X are one octet each. */
	snprintf(text, sizeof text, "%s.%s.%s.%.59s\\097\\..", l63, l63, l63,
		 l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 255);
	snprintf(text, sizeof text, "%s.%s.%s.%.60s\\097\\..", l63, l63, l63,
		 l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 0);
	snprintf(text, sizeof text, "%s\\..", l63);
	ck_assert_uint_eq(name_len(text, &cat, msg), 0);
	ck_assert_ptr_nonnull(strstr(msg, "label longer than 63 bytes"));
	ck_assert_uint_eq(name_len("@", &cat, msg), 13);
	ck_assert_uint_eq(name_len(".", &cat, msg), 1);
}
END_TEST

/* A name with bytes Knot DNS takes only escaped: the fix escapes all of
 * them, punctuation as \X, other bytes as \DDD, and keeps escapes.  The
 * message names a UTF-8 character whole, a byte that starts none alone. */
START_TEST(test_names_raw)
{
	struct zl_zone *z = load("example.com.zone",
				 "!@#3\\. A 192.0.2.1\n"
				 "\xc3\xb2 A 192.0.2.2\n"
				 "k\xc3nig A 192.0.2.3\n"
				 "caf\xc3\xa9\xe2\x82\xac A 192.0.2.4\n"
				 "x TXT \"caf\xc3\xa9\" \"\xe9\"\n");

	prob(z, "'!' written as itself in domain name '!@#3\\.', which Knot "
	     "DNS refuses: write the name as '\\!\\@\\#3\\.'", 1, 1,
	     "portable");
	prob(z, "UTF-8 character '\xc3\xb2' (\\195\\178) written as itself "
	     "in domain name '\xc3\xb2', which Knot DNS refuses: write the "
	     "name as '\\195\\178'", 2, 1, "portable");
	prob(z, "byte \\195 written as itself in domain name 'k\\195nig', "
	     "which Knot DNS refuses: write the name as 'k\\195nig'", 3, 1,
	     "portable");
	prob(z, "UTF-8 character '\xc3\xa9' (\\195\\169) written as itself "
	     "in domain name 'caf\xc3\xa9\xe2\x82\xac', which Knot DNS "
	     "refuses: write the name as 'caf\\195\\169\\226\\130\\172'",
	     4, 1, "portable");
	prob(z, "UTF-8 character '\xc3\xa9' written as itself in TXT string, "
	     "which Knot DNS refuses: write it as \\195\\169", 5, 11,
	     "portable");
	prob(z, "byte \\233 written as itself in TXT string, which Knot DNS "
	     "refuses: write it as \\233", 5, 16, "portable");
	zl_zone_free(z);
	/* The fix, cut short, leaves out the escapes of a character whole. */
	z = load("example.com.zone", "$TTL 1\n"
		 "123456789012345678901234567890123456789012345678901234567"
		 "\xc3\xa9 A 192.0.2.5\n");
	prob(z, "write the name as '123456789012345678901234567890123456789"
	     "012345678901234567...'", 2, 1, "portable");
	zl_zone_free(z);
	/* A mailbox written as an e-mail address: escaping its '@' keeps
	 * the wrong mailbox, the fix is a dot for it (RFC 1035 §8), in the
	 * SOA's RNAME, RP's mbox-dname and MINFO's two; '@' elsewhere in a
	 * mailbox, or in another name, is escaped. */
	z = load("example.com.zone", "$TTL 1\n"
		 "@ SOA ns1 Host@example.com. 1 2 3 4 5\n"
		 "@ RP a@b.example. .\n"
		 "@ MINFO c@d.example. e.f@g.example.\n"
		 "h@i MX 10 j@k.example.\n"
		 "x RP @.l.example. .\n"
		 "y RP m@ .\n");
	prob(z, "'@' written as itself in mailbox 'Host@example.com.', which "
	     "Knot DNS refuses: write the mailbox with a dot for the '@', "
	     "'Host.example.com.'", 2, 11, "portable");
	prob(z, "'@' written as itself in mailbox 'a@b.example.', which Knot "
	     "DNS refuses: write the mailbox with a dot for the '@', "
	     "'a.b.example.'", 3, 6, "portable");
	prob(z, "write the mailbox with a dot for the '@', 'c.d.example.'", 4,
	     9, "portable");
	prob(z, "write the name as 'e.f\\@g.example.'", 4, 22, "portable");
	prob(z, "write the name as 'h\\@i'", 5, 1, "portable");
	prob(z, "write the name as 'j\\@k.example.'", 5, 11, "portable");
	/* no user, or no domain after the '@': the escape, as elsewhere */
	prob(z, "write the name as '\\@.l.example.'", 6, 6, "portable");
	prob(z, "write the name as 'm\\@'", 7, 6, "portable");
	zl_zone_free(z);
	/* '@' as the last label of a longer name, as GoDaddy's export
	 * writes a name below the apex: BIND reads a label '@' there, not
	 * the origin, so the fix leaves it out rather than escape it. */
	z = load("example.com.zone", "$TTL 1\n"
		 "_sip._tls.@ SRV 100 1 443 sipdir.online.lync.com.\n"
		 "www CNAME web.@\n"
		 "a\\.@ A 192.0.2.1\n");
	prob(z, "'@' as the last label of domain name '_sip._tls.@', which "
	     "Knot DNS and NSD refuse; BIND reads it as a label '@', not as "
	     "the origin: write '_sip._tls' for the name below the origin",
	     2, 1, "portable");
	prob(z, "write 'web' for the name below the origin", 3, 11,
	     "portable");
	/* an escaped dot before it: one label, escaped as elsewhere */
	prob(z, "write the name as 'a\\.\\@'", 4, 1, "portable");
	zl_zone_free(z);
	/* Another character alone as the last label is no '@': it is
	 * escaped (NSD's tpkg bug086_chars writes '#' and '%' so). */
	z = load("example.com.zone", "$TTL 1\n"
		 "x.# A 192.0.2.1\n"
		 "y.% A 192.0.2.2\n");
	prob(z, "'#' written as itself in domain name 'x.#', which Knot DNS "
	     "refuses: write the name as 'x.\\#'", 2, 1, "portable");
	prob(z, "'%' written as itself in domain name 'y.%', which Knot DNS "
	     "refuses: write the name as 'y.\\%'", 3, 1, "portable");
	zl_zone_free(z);
}
END_TEST

START_TEST(test_class)
{
	struct zl_zone *z;

	/* RFC 1035 §5.2: the class of the first record is the zone's; a
	 * record without one has it. */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"				/* 2 */
		 "a CH TXT x\n"						/* 3 */
		 "\tTXT y\n"						/* 4 */
		 "b 1 NONE A 192.0.2.1\n"				/* 5 */
		 "c CLASS1 A 192.0.2.1\n"				/* 6 */
		 "d class65535 A 192.0.2.1\n"				/* 7 */
		 "e Any A 192.0.2.1\n");				/* 8 */
	prob(z, "class CH differs from the zone's class IN", 3, 3, "class");
	prob(z, "class NONE cannot appear in a zone file", 5, 5, "class");
	prob(z, "class CLASS65535 cannot appear", 7, 3, "class");
	prob(z, "class ANY cannot appear", 8, 3, "class");
	/* CLASS1 is IN, in a form Knot DNS refuses */
	prob(z, "class written in RFC 3597 form, which Knot DNS refuses: "
	     "write IN", 6, 3, "portable");
	ck_assert_uint_eq(z->nprobs, 5);
	/* Every record kept is of the zone's class. */
	ck_assert_uint_eq(z->klass, LDNS_RR_CLASS_IN);
	ck_assert_ptr_nonnull(rr_at(z, "c.example.com.", LDNS_RR_TYPE_A, 0));
	ck_assert_uint_eq(z->nrrs, 3);
	zl_zone_free(z);

	/* A zone of another class: its records may omit it. */
	z = load("-", "$ORIGIN version.bind.\n$TTL 0\n"
		 "@ 0 CH SOA ns hm 1 2 3 4 5\n"
		 "@ TXT \"9.18\"\n"
		 "@ IN TXT x\n");
	prob(z, "class IN differs from the zone's class CH", 5, 3, "class");
	/* BIND alone loads it. */
	prob(z, "a zone of class CH, which Knot DNS and NSD do not load", 3,
	     5, "portable");
	ck_assert_uint_eq(z->nprobs, 2);
	ck_assert_uint_eq(z->klass, LDNS_RR_CLASS_CH);
	ck_assert_ptr_nonnull(rr_at(z, "version.bind.", LDNS_RR_TYPE_TXT, 0));
	zl_zone_free(z);

	/* A stray record of another class first: the zone is still IN, as
	 * servers are configured, and the stray record is the one wrong. */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "a CLASS32 TYPE731 \\# 1 00\n"			/* 2 */
		 "@ IN SOA ns hm 1 2 3 4 5\n"				/* 3 */
		 "b IN A 192.0.2.1\n");				/* 4 */
	prob(z, "class CLASS32 differs from the zone's class IN", 2, 3,
	     "class");
	ck_assert_uint_eq(z->nprobs, 1);
	ck_assert_uint_eq(z->klass, LDNS_RR_CLASS_IN);
	ck_assert_uint_eq(z->nrrs, 2);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_placement)
{
	struct zl_zone *z;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"				/* 2 */
		 "@ SOA ns hm 2 2 3 4 5\n"				/* 3 */
		 "sub SOA ns hm 1 2 3 4 5\n"				/* 4 */
		 "out.example. A 192.0.2.1\n"				/* 5 */
		 "out.example. TXT x\n"					/* 6 */
		 "\tMX 1 mail\n"					/* 7 */
		 "other.test. SOA ns hm 1 2 3 4 5\n"			/* 8 */
		 "www A 192.0.2.1\n"					/* 9 */
		 "Example.COM SOA ns hm 1 2 3 4 5\n");			/* 10 */
	prob(z, "second SOA record at 'example.com.'", 3, 3, "soa");
	prob(z, "SOA record at 'sub.example.com.', below the zone apex", 4, 1,
	     "soa");
	prob(z, "'out.example.' is outside the zone 'example.com.'", 5, 1,
	     "outside");
	prob(z, "'other.test.' is outside the zone", 8, 1, "outside");
	/* The apex written without its final dot (Cloudflare's exports):
	 * the cause is said. */
	prob(z, "SOA record at 'example.com.example.com.', below the zone "
	     "apex 'example.com.': the owner 'Example.COM' has no final dot, "
	     "so the origin is added to it; write 'example.com.' or '@'",
	     10, 1, "soa");
	ck_assert_uint_eq(z->nprobs, 5);
	/* Servers ignore them, and so does the model. */
	ck_assert_ptr_null(zl_name_sets(zl_zone_lookup(z, "out.example.")));
	ck_assert_ptr_null(zl_name_sets(zl_zone_lookup(z, "sub.example.com.")));
	ck_assert_uint_eq(zl_name_rrset(z->origin, LDNS_RR_TYPE_SOA)->count, 1);
	ck_assert_uint_eq(z->nrrs, 2);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_rdata_forms)
{
	struct zl_zone *z;
	const struct zl_rr *rr;
	size_t i;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "ipsec IPSECKEY 10 3 2 gw.example.net. AQNR U3mG\n"	/* 2 */
		 "ipsec IPSECKEY 10 0 0 .\n"
		 "amt AMTRELAY 10 1 3 relay.example.net.\n"
		 "doa DOA 0 1 2 \"\" -\n"				/* 5 */
		 "cs CSYNC 66 3\n"
		 "n0 NSEC3 1 1 12 - 2vptu5timamqttgl4luu9kg21e0aor3s\n"
		 "ta TA \\# 24 ec4505012bb183af5f22588179a53b0a98631fad1a292118\n"
		 "ds DSYNC \\# 10 003b0114f003737562 00\n"		/* 9 */
		 "nxt NXT a.example.com. A\n"				/* 10 */
		 "nxt2 NXT b.example.com. A 127\n"
		 "a6 A6 60 ffff:ffff:ffff:ffff:ffff::1 p\n"
		 "a6 A6 128 q.example.net.\n");
	/* RFC 4025: the gateway's form follows its type; the key may be
	 * split by blanks, or absent. */
	rr = rr_at(z, "ipsec.example.com.", LDNS_RR_TYPE_IPSECKEY, 0);
	ck_assert_uint_eq(rr->nrdf, 5);
	rdf_is(rr, 1, "03");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[3])->text, "gw.example.net.");
	rdf_is(rr, 4, "010351537986");
	rr = rr_at(z, "ipsec.example.com.", LDNS_RR_TYPE_IPSECKEY, 1);
	ck_assert_uint_eq(rr->nrdf, 4);
	ck_assert_uint_eq(rr->rdf[3].len, 0);
	/* RFC 8777: the D-bit and the relay type share a byte. */
	rr = rr_at(z, "amt.example.com.", LDNS_RR_TYPE_AMTRELAY, 0);
	rdf_is(rr, 1, "83");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[2])->text, "relay.example.net.");
	ck_assert_uint_eq(rr_at(z, "doa.example.com.", LDNS_RR_TYPE_DOA,
				0)->rdf[4].len, 0);
	/* Empty type bitmaps (RFC 7477 §2.1.3, RFC 5155 §3.2.1). */
	ck_assert_uint_eq(rr_at(z, "cs.example.com.", LDNS_RR_TYPE_CSYNC,
				0)->nrdf, 2);
	ck_assert_uint_eq(rr_at(z, "n0.example.com.", LDNS_RR_TYPE_NSEC3,
				0)->nrdf, 5);
	/* RFC 3597: TA reads like DS; DSYNC, which ldns has no layout for,
	 * field by field as BIND reads it. */
	rr = rr_at(z, "ta.example.com.", 32768, 0);
	ck_assert_uint_eq(rr->nrdf, 4);
	ck_assert(!(rr->flags & ZL_RR_UNCHECKED));
	rdf_is(rr, 3, "2bb183af5f22588179a53b0a98631fad1a292118");
	rr = rr_at(z, "ds.example.com.", 66, 0);
	ck_assert_uint_eq(rr->nrdf, 4);
	ck_assert(!(rr->flags & ZL_RR_UNCHECKED));
	rdf_is(rr, 0, "003b");
	rdf_is(rr, 2, "14f0");
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[3])->text, "sub.");
	for (i = 0; i < z->nprobs; i++)
		ck_assert(!strstr(z->probs[i].message, "DSYNC rdata"));
	/* The obsolete NXT and A6 as BIND reads them: a bitmap of types 1
	 * to 127 (RFC 2535 §5.2); the suffix without the prefix's bits (RFC
	 * 2874 §3.1.1), none after a prefix of 128. */
	rr = rr_at(z, "nxt.example.com.", 30, 0);
	ck_assert_uint_eq(rr->nrdf, 2);
	ck_assert(!(rr->flags & ZL_RR_UNCHECKED));
	ck_assert_str_eq(zl_rdf_name(&rr->rdf[0])->text, "a.example.com.");
	rdf_is(rr, 1, "40");
	rdf_is(rr_at(z, "nxt2.example.com.", 30, 0), 1,
	       "40000000000000000000000000000001");
	a6_pair_is(z);
	/* No key, which BIND refuses. */
	prob(z, "IPSECKEY without a public key", 3, 7, "portable");
	/* Mnemonics some servers do not know (TA, DSYNC, AMTRELAY, DOA, NXT
	 * twice and A6 twice): Knot DNS and NSD would refuse the zone, NSD
	 * a number in an NXT bitmap. */
	prob(z, "record type 'DOA' is unknown to Knot DNS and NSD", 5, 5,
	     "portable");
	prob(z, "record type '127' in NXT type bitmap, which NSD refuses", 11,
	     27, "portable");
	ck_assert_uint_eq(z->nprobs, 10);
	zl_zone_free(z);
}
END_TEST

/* An ATMA address's dots: one between two digits only, in either format
 * (BIND refuses another; Knot DNS and NSD read no ATMA). */
START_TEST(test_atma_dots)
{
	static const char *const bad[] = {
		"0..0", "00.", ".00", "+61200000000.", "+612..00000000",
		"+.61200000000", "+1.",
	};
	struct zl_zone *z;
	char msg[128];
	size_t i;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "a ATMA 0..0\n"
		 "a ATMA 00.\n"
		 "a ATMA .00\n"
		 "a ATMA +61200000000.\n"
		 "a ATMA +612..00000000\n"
		 "a ATMA +.61200000000\n"
		 "a ATMA +1.\n"
		 "b ATMA 0.0\n"
		 "b ATMA +61.2.0000.0000\n"
		 "b ATMA 00.00\n");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(msg, sizeof msg, "ATMA address '%s' has a dot that "
			 "is not between two digits", bad[i]);
		prob(z, msg, (uint32_t)i + 2, 8, "syntax");
	}
	/* and the note on each record that Knot DNS and NSD have no ATMA */
	ck_assert_uint_eq(z->nprobs, 17);
	rdf_is(rr_at(z, "b.example.com.", LDNS_RR_TYPE_ATMA, 0), 0, "0000");
	rdf_is(rr_at(z, "b.example.com.", LDNS_RR_TYPE_ATMA, 1), 0,
	       "013631323030303030303030");
	rdf_is(rr_at(z, "b.example.com.", LDNS_RR_TYPE_ATMA, 2), 0,
	       "000000");
	zl_zone_free(z);
}
END_TEST

/* The presentation formats ldns reads too loosely, against the wire forms
 * ldns gives for valid input where it gets them right. */
START_TEST(test_fields)
{
	struct zl_zone *z;
	const struct zl_rr *rr;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "loc LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m\n"
		 "loc LOC 90 S 180 W 42849672.95m 90000000m 90000000m 90000000m\n"
		 "loc LOC 52 N 4 E 0\n"
		 "apl APL !1:192.168.38.0/28 2:::/0\n"			/* 5 */
		 "nsap NSAP 0x47.0005.80.005a00.0000.0001.e133.ffffff000161.00\n"
		 "atma ATMA 39.246f.000e7c9c0312000100010000000000000000\n"
		 "atma ATMA +358.400.1234567\n"
		 "eui EUI48 00-00-5e-00-53-2a\n"
		 "eui EUI64 00-00-5E-EF-10-00-00-2A\n"			/* 10 */
		 "ta TA \\# 8 ec450501aabbccdd\n"
		 "sig RRSIG A 8 1 1 20261201000000 4294967295 1 . AA==\n"
		 "sig RRSIG A 8 1 1 21060207062816 19691231235959 1 . AA==\n"
		 "dsync DSYNC CDS notify 5359 ns.example.\n"
		 "n0 NSEC3 2 1 12 - CPNMU A\n"
		 "n0 NSEC3 1 1 12 - 2vptu5timamqttgl4luu9kg21e0aor3s A\n"
		 "eui EUI48 00-00-5e-00-53-2a-ff\n");
	rdf_is(rr_at(z, "loc.example.com.", LDNS_RR_TYPE_LOC, 0), 0,
	       "000016138b3cf018810cbce0009895b8");
	rdf_is(rr_at(z, "loc.example.com.", LDNS_RR_TYPE_LOC, 1), 0,
	       "009999996cb0270059604e00ffffffff");
	rdf_is(rr_at(z, "loc.example.com.", LDNS_RR_TYPE_LOC, 2), 0,
	       "001216138b28720080dbba0000989680");
	rr = rr_at(z, "apl.example.com.", LDNS_RR_TYPE_APL, 0);
	rdf_is(rr, 0, "00011c83c0a826");
	rdf_is(rr, 1, "00020000");
	rdf_is(rr_at(z, "nsap.example.com.", LDNS_RR_TYPE_NSAP, 0), 0,
	       "47000580005a0000000001e133ffffff00016100");
	/* The format byte first: 0 AESA, 1 E.164 (ldns forgets it). */
	rdf_is(rr_at(z, "atma.example.com.", LDNS_RR_TYPE_ATMA, 0), 0,
	       "0039246f000e7c9c0312000100010000000000000000");
	rdf_is(rr_at(z, "atma.example.com.", LDNS_RR_TYPE_ATMA, 1), 0,
	       "0133353834303031323334353637");
	rdf_is(rr_at(z, "eui.example.com.", LDNS_RR_TYPE_EUI48, 0), 0,
	       "00005e00532a");
	rdf_is(rr_at(z, "eui.example.com.", LDNS_RR_TYPE_EUI64, 0), 0,
	       "00005eef1000002a");
	prob(z, "address '00-00-5e-00-53-2a-ff' goes on after its 6 groups: "
	     "BIND reads them and drops the rest ('-ff'), Knot DNS and NSD "
	     "refuse it", 17, 11, "syntax");
	/* Signature times as seconds modulo 2^32 (RFC 4034 §3.1.5), from a
	 * date in UTC or a number. */
	rr = rr_at(z, "sig.example.com.", LDNS_RR_TYPE_RRSIG, 0);
	rdf_is(rr, 4, "6b0e0e00");
	rdf_is(rr, 5, "ffffffff");
	rr = rr_at(z, "sig.example.com.", LDNS_RR_TYPE_RRSIG, 1);
	rdf_is(rr, 4, "00000000");
	rdf_is(rr, 5, "ffffffff");
	/* The NSEC3 next hashed owner, unpadded base32hex of any whole
	 * number of octets (RFC 5155 §3.3) when the hash is not SHA-1,
	 * with its length first. */
	rdf_is(rr_at(z, "n0.example.com.", LDNS_RR_TYPE_NSEC3, 0), 4,
	       "03666f6f");
	rdf_is(rr_at(z, "n0.example.com.", LDNS_RR_TYPE_NSEC3, 1), 4,
	       "1417f3df17b2b2adaef615257de4d2020b80ac6c7c");
	/* The DSYNC scheme by mnemonic (RFC 9859). */
	rdf_is(rr_at(z, "dsync.example.com.", 66, 0), 1, "01");
	/* A digest of the wrong length for its type, in any form, which
	 * BIND refuses. */
	prob(z, "TA digest of 4 bytes does not match digest type 1 (20 "
	     "bytes), which BIND refuses", 11, 7, "portable");
	/* A time as a number, which NSD misreads: strptime(3) takes its
	 * digits for a date. */
	prob(z, "4294967295 written as seconds since 1970, which NSD reads "
	     "as a date and loads as 19801211172833", 12, 34, "portable");
	/* ATMA twice, NSAP, TA, DSYNC: Knot DNS does not know them. */
	prob(z, "record type 'NSAP' is unknown to Knot DNS: write it as TYPE22",
	     6, 6, "portable");
	/* A hash of 5 digits, which Knot DNS refuses: not a multiple of 8. */
	prob(z, "next hashed owner 'CPNMU' of 5 digits, not a multiple of 8",
	     15, 19, "portable");
	/* A year before 1970, which Knot DNS refuses. */
	prob(z, "19691231235959 in a year outside 1970 to 2225", 13, 34,
	     "portable");
	/* The TA record: its mnemonic Knot DNS and NSD do not know, its
	 * digest BIND refuses. */
	prob(z, "BIND, Knot DNS and NSD each refuse a part of this record", 11,
	     4, "syntax");
	ck_assert_uint_eq(z->nprobs, 11);
	zl_zone_free(z);
}
END_TEST

/* RFC 9460 Appendix D: the presentation and wire forms of its examples,
 * and the failures of D.3. */
START_TEST(test_svcb)
{
	static const char *const bad[] = {
		"key1=foo key1=bar", "mandatory=mandatory",
		"no-default-alpn=abc alpn=h2", "mandatory=key123",
		"mandatory=key123,key123 key123=abc", "port", "alpn",
		"ipv6hint", "ipv4hint=", "key01=x", "key65536=x",
		"alpn=h2, alpn=h3", "port=65536", "\"port=53\"",
		"tls-supported-groups=29,29", "Port=53",
		"mandatory=al\\\\pn alpn=h2",
		"ipv4hint=192.0.2.1\\000x", "ech=AQID\\000",
	};
	struct zl_zone *z;
	char text[200];
	size_t i;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "s SVCB 1 .\n"
		 "s SVCB 16 foo.example.com. port=53\n"
		 "s SVCB 1 foo.example.com. key667=hello\n"
		 "s SVCB 1 foo.example.com. key667=\"hello\\210qoo\"\n"
		 "s SVCB 1 foo.example.com. ( ipv6hint=\"2001:db8::1,2001:db8::53:1\" )\n"
		 "s SVCB 16 foo.example.org. ( alpn=h2,h3-19 mandatory=ipv4hint,alpn\n"
		 "    ipv4hint=192.0.2.1 )\n"
		 "s SVCB 16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"\n"
		 "s SVCB 16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2\n"
		 "h HTTPS 1 . alpn=h3 no-default-alpn key8 key7=/q{?dns}\n"
		 "h HTTPS 1 . key9=\"\\000\\029\\000\\023\" key10 key11 key12=x\n"
		 "k SVCB 1 . key65535=x\n");
	ck_assert_uint_eq(z->nprobs, 0);
	ck_assert_uint_eq(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 0)->nrdf,
			  2);
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 1), 2,
	       "000300020035");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 2), 2,
	       "029b000568656c6c6f");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 3), 2,
	       "029b000968656c6c6fd2716f6f");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 4), 2,
	       "0006002020010db800000000000000000000000120010db8000000000000000000530001");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 5), 2,
	       "000000040001000400010009026832056833"
	       "2d313900040004c0000201");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 6), 2,
	       "0001000c08665c6f6f2c62617202683" "2");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 7), 2,
	       "0001000c08665c6f6f2c62617202683" "2");
	rdf_is(rr_at(z, "h.example.com.", LDNS_RR_TYPE_HTTPS, 0), 2,
	       "0001000302683300020000000700"
	       "082f717b3f646e737d00080000");
	rdf_is(rr_at(z, "h.example.com.", LDNS_RR_TYPE_HTTPS, 1), 2,
	       "00090004001d0017000a0000000b0000000c000178");
	/* 65535, registered as the invalid key, is a key all the same. */
	rdf_is(rr_at(z, "k.example.com.", LDNS_RR_TYPE_SVCB, 0), 2,
	       "ffff000178");
	zl_zone_free(z);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "$TTL 1\ns SVCB 1 . %s\n", bad[i]);
		z = load("example.com.zone", text);
		ck_assert_msg(z->nprobs == 1 && z->nrrs == 0,
			      "'%s' accepted", bad[i]);
		zl_zone_free(z);
	}
	/* Keys by the names no server knows are errors, and dohpath, which
	 * Knot DNS does not know, a note; keyNNNNN is what they all read,
	 * the value as bytes. */
	z = load("example.com.zone",
		 "$TTL 1\ns SVCB 1 . tls-supported-groups=29,23\n"
		 "s SVCB 1 . ohttp\ns SVCB 1 . dohpath=/q{?dns}\n");
	ck_assert_uint_eq(z->nrrs, 1);
	prob(z, "SVCB key tls-supported-groups is unknown to BIND, Knot DNS "
	     "and NSD: write key9=\"\\000\\029\\000\\023\"", 2, 12, "syntax");
	prob(z, "SVCB key ohttp is unknown to BIND, Knot DNS and NSD: write "
	     "key8", 3, 12, "syntax");
	prob(z, "SVCB key dohpath is unknown to Knot DNS: write "
	     "key7=\"/q{?dns}\"", 4, 12, "portable");
	zl_zone_free(z);
	/* A backslash in a list before another character than ',' or '\\'
	 * (RFC 9460 Appendix A.1) is read as the character, as BIND and
	 * NSD read it; newer Knot DNS refuses it, BIND one at the end. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . alpn=a\\\\b\n"
		 "s SVCB 1 . alpn=a\\\\\n");
	ck_assert_uint_eq(z->nrrs, 2);
	prob(z, "alpn: a backslash before another character, which newer "
	     "Knot DNS refuses", 2, 12, "portable");
	prob(z, "alpn: a backslash at the end, which BIND and newer Knot DNS "
	     "refuse", 3, 12, "portable");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 0), 2,
	       "00010003026162");
	zl_zone_free(z);
	/* An empty ECHConfigList is read, with a note that Knot DNS
	 * refuses it. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . ech\n");
	ck_assert_uint_eq(z->nrrs, 1);
	prob(z, "ech without a value, which Knot DNS refuses", 2, 12,
	     "portable");
	zl_zone_free(z);
	/* A known key written keyNNNNN: BIND's wire form, kept as bytes;
	 * what each server refuses adds up, an error when all three do. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . key3=\"\\000\\053\"\n"
		 "s SVCB 1 . ech key1=h2\n"
		 "s SVCB 1 . ech key1=h2 key4=\"\\192\\000\\002\\001\"\n"
		 "s SVCB 1 . key0=\\000\\001 alpn=h2\n");	/* 5 */
	ck_assert_uint_eq(z->nrrs, 2);
	ck_assert_uint_eq(z->probs[0].refused, ZL_NOT_NSD);
	/* Not alpn's wire form: BIND refuses it, Knot DNS serves it. */
	prob(z, "key1 value not in alpn's wire form: BIND refuses it, Knot "
	     "DNS serves it broken as key1, NSD reads it as alpn's text", 3,
	     16, "syntax");
	ck_assert_str_eq(z->probs[2].category, "syntax");
	ck_assert_uint_eq(z->probs[3].refused, ZL_NOT_NSD);
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 0), 2,
	       "000300020035");
	zl_zone_free(z);
	/* alpn's wire form: every server loads it, NSD as alpn's text, an
	 * identifier of three bytes; noted only when nothing else is, and
	 * no server refuses it. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . key1=\"\\002h2\"\n"
		 "s SVCB 1 . key1=\"\\002h2\" key4=\"\\192\\000\\002\\001\"\n");
	ck_assert_uint_eq(z->nrrs, 2);
	ck_assert_uint_eq(z->nprobs, 2);
	prob(z, "key1 with a value NSD reads otherwise: BIND and Knot DNS "
	     "read a key of RFC 9460 written keyNNNNN as its wire form, NSD "
	     "as alpn's text", 2, 12, "portable");
	ck_assert_uint_eq(z->probs[0].refused, 0);
	prob(z, "key4 with a value NSD refuses", 3, 26, "portable");
	ck_assert_uint_eq(z->probs[1].refused, ZL_NOT_NSD);
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 0), 2,
	       "00010003026832");
	zl_zone_free(z);
	/* Leading zeros, which BIND refuses: Knot DNS and NSD read the key
	 * the number gives, as keyNNNNN. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . key01=\\002h2\n"
		 "s SVCB 1 . key0065=abc\n"
		 "s SVCB 1 . key01=h2\n");
	ck_assert_uint_eq(z->nrrs, 2);
	ck_assert_uint_eq(z->probs[0].refused, ZL_NOT_BIND);
	prob(z, "key01 with a leading zero, which BIND refuses: Knot DNS "
	     "reads it as key1, NSD as alpn", 2, 12, "portable");
	prob(z, "key0065 with a leading zero, which BIND refuses: write key65",
	     3, 12, "portable");
	prob(z, "key01 value not in alpn's wire form", 4, 12, "syntax");
	rdf_is(rr_at(z, "s.example.com.", LDNS_RR_TYPE_SVCB, 0), 2,
	       "00010003026832");
	zl_zone_free(z);
	/* A dohpath without a dns variable (RFC 9461 §5) NSD reads. */
	z = load("example.com.zone", "$TTL 1\ns SVCB 1 . dohpath=/q{?x}\n");
	ck_assert_uint_eq(z->nrrs, 1);
	ck_assert_uint_eq(z->probs[0].refused, ZL_NOT_BIND | ZL_NOT_KNOT);
	zl_zone_free(z);
}
END_TEST

static char tmpdir[64];

static void mk_tree(void)
{
	char path[PATH_MAX];

	strcpy(tmpdir, "/tmp/zltest.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/inc", tmpdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	write_file(tmpdir, "example.com.zone",
		   "$TTL 300\n"
		   "@ MX 10 mail\n"
		   "$INCLUDE inc/mail.inc\n"
		   "$INCLUDE inc/sub.inc sub\n"
		   "after A 192.0.2.9\n"
		   "$INCLUDE /etc/passwd\n"
		   "$INCLUDE ../../../../../../etc/hostname\n"
		   "$INCLUDE missing.inc\n"
		   "$INCLUDE inc\n"
		   "$INCLUDE inc/up.inc\n");
	write_file(tmpdir, "inc/mail.inc", "mail A 192.0.2.1\n\tAAAA 2001:db8::1\n");
	write_file(tmpdir, "inc/sub.inc", "www A 192.0.2.2\n$INCLUDE ../loop.inc\n");
	write_file(tmpdir, "loop.inc", "loop A 192.0.2.3\n$INCLUDE inc/sub.inc\n");
	write_file(tmpdir, "inc/up.inc", "$INCLUDE beside.inc\n");
	write_file(tmpdir, "beside.inc", "beside A 192.0.2.4\n");
	write_file(tmpdir, "deep.zone", "$ORIGIN example.com.\n$INCLUDE deep.zone\n");
}

static void rm_tree(void)
{
	char cmd[PATH_MAX];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_load_file)
{
	static const char plain[] = "$ORIGIN x.\n@ 300 IN A 192.0.2.1\n";
	struct zl_load_opts o = { 0 };
	char path[PATH_MAX], *err = NULL;
	struct zl_zone *z = NULL;
	const struct zl_rr *rr;
	struct zl_loc loc;
	size_t i;

	mk_tree();
	snprintf(path, sizeof path, "%s/example.com.zone", tmpdir);
	ck_assert_int_eq(zl_zone_load_file(path, NULL, &z, &err), ZL_OK);
	ck_assert_str_eq(z->origin->text, "example.com.");
	/* Relative includes, an origin argument, blank owners inside. */
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_AAAA, 0);
	ck_assert_uint_eq(rr->src, 1);
	loc = zl_zone_loc(z, rr->src, rr->text);
	ck_assert_uint_eq(loc.line, 2);
	ck_assert_ptr_nonnull(strstr(loc.file, "inc/mail.inc"));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "www.sub.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "loop.sub.example.com."));
	/* The parent's origin is back after the include. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "after.example.com."));
	/* Not beside the including file, outside a repository: from the
	 * zone file's directory, as a server run there finds it. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "beside.example.com."));
	/* The loop is stopped at the directive that closes it. */
	for (i = 0; i < z->nprobs; i++)
		if (strstr(z->probs[i].message, "include loop"))
			break;
	ck_assert_uint_lt(i, z->nprobs);
	ck_assert_str_eq(z->probs[i].category, "include");
	loc = zl_zone_loc(z, z->probs[i].src, z->probs[i].at);
	ck_assert_ptr_nonnull(strstr(loc.file, "loop.inc"));
	ck_assert_uint_eq(loc.line, 2);
	ck_assert_uint_eq(loc.col, 10);
	/* Outside the root: refused at the file name, nothing read. */
	prob(z, "cannot read include file '/etc/passwd': outside '", 6, 10,
	     "include");
	prob(z, "cannot read include file '../../../../../../etc/hostname': "
	     "'..' leads out of '", 7, 10, "include");
	prob(z, "cannot read include file 'missing.inc'", 8, 10, "include");
	prob(z, "cannot read include file 'inc': Is a directory", 9, 10,
	     "include");
	/* A relative origin, which Knot DNS and NSD refuse. */
	prob(z, "relative $INCLUDE origin", 4, 22, "portable");
	/* An include of an included file of another directory that Knot
	 * DNS, which looks from the including file, does not find. */
	prob(z, "include file 'beside.inc' found from the zone file's "
	     "directory", 1, 10, "portable");
	for (i = 0; i < z->nprobs; i++)
		ck_assert_ptr_null(strstr(z->probs[i].message, "root:x:0"));
	for (i = 0; i < z->nsrcs; i++)
		ck_assert_ptr_null(strstr(z->srcs[i]->buf, "root:"));
	ck_assert_uint_eq(z->nprobs, 7);
	zl_zone_free(z);

	/* With the root widened to /, /etc/passwd may be read. */
	o.include_root = "/";
	z = NULL;
	ck_assert_int_eq(zl_zone_load_file(path, &o, &z, &err), ZL_OK);
	ck_assert_uint_gt(z->nsrcs, 4);
	zl_zone_free(z);

	/* A zone file found inside a root is read confined to it: a root
	 * that does not exist fails the load; a buffer without $INCLUDE
	 * never needs the root. */
	o.include_root = "/nonexistent/zonelint-root";
	z = NULL;
	ck_assert_int_eq(zl_zone_load_file(path, &o, &z, &err), ZL_ERR_IO);
	ck_assert_ptr_null(z);
	ck_assert_ptr_nonnull(strstr(err, "No such file or directory"));
	free(err);
	err = NULL;
	ck_assert_int_eq(zl_zone_load_buffer("plain.zone", plain,
					     strlen(plain), &o, &z, &err),
			 ZL_OK);
	ck_assert_uint_eq(z->nrrs, 1);
	ck_assert_uint_eq(z->nprobs, 0);
	zl_zone_free(z);

	/* A file including itself: a loop at depth 1. */
	snprintf(path, sizeof path, "%s/deep.zone", tmpdir);
	ck_assert_int_eq(zl_zone_load_file(path, NULL, &z, &err), ZL_OK);
	prob(z, "include loop: 'deep.zone' is already being read", 2, 10,
	     "include");
	zl_zone_free(z);

	/* Unreadable inputs are tool errors. */
	z = NULL;
	ck_assert_int_eq(zl_zone_load_file(tmpdir, NULL, &z, &err), ZL_ERR_IO);
	ck_assert_ptr_null(z);
	ck_assert_ptr_nonnull(strstr(err, "Is a directory"));
	ck_assert_ptr_nonnull(strstr(err, "cannot read '"));
	free(err);
	snprintf(path, sizeof path, "%s/nope.zone", tmpdir);
	ck_assert_int_eq(zl_zone_load_file(path, NULL, &z, &err), ZL_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
	free(err);
	rm_tree();
}
END_TEST

START_TEST(test_include_depth)
{
	char path[PATH_MAX], name[32], text[128], *err = NULL;
	struct zl_zone *z = NULL;
	int i;

	strcpy(tmpdir, "/tmp/zltest.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "d%d.inc", i);
		snprintf(text, sizeof text, "n%d 1 A 192.0.2.1\n$INCLUDE d%d.inc\n",
			 i, i + 1);
		write_file(tmpdir, name, text);
	}
	snprintf(path, sizeof path, "%s/d0.inc", tmpdir);
	{
		struct zl_load_opts o = { .origin = "example.com." };

		ck_assert_int_eq(zl_zone_load_file(path, &o, &z, &err), ZL_OK);
	}
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "n8.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "n9.example.com."));
	ck_assert_uint_eq(z->nprobs, 1);
	/* An include problem (ZONE003), as loops are, not a size limit. */
	ck_assert_str_eq(z->probs[0].category, "include");
	ck_assert_str_eq(z->probs[0].message, "$INCLUDE nested deeper than 8");
	ck_assert_uint_eq(z->probs[0].src, 8);
	zl_zone_free(z);
	rm_tree();
}
END_TEST

/* The run's budgets (docs/limits.md), with small limits: bytes of zone
 * text, repeated includes, records; shared by the zones loaded with it. */
START_TEST(test_budget)
{
	struct zl_limits lim = { 250, 40, 6 };
	struct zl_budget *b = zl_budget_new(&lim);
	struct zl_load_opts o = { .origin = "example.com.", .budget = b }, og;
	char path[PATH_MAX], *err = NULL;
	struct zl_zone *z = NULL;

	strcpy(tmpdir, "/tmp/zltest.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	/* 17 bytes each: the second and third reads are repeats. */
	write_file(tmpdir, "a.inc", "a 1 A 192.0.2.1\n");
	write_file(tmpdir, "x.zone", "$INCLUDE a.inc\n$INCLUDE a.inc one\n"
		   "$INCLUDE a.inc two\n$INCLUDE a.inc three\n"
		   "$INCLUDE a.inc four\n");
	snprintf(path, sizeof path, "%s/x.zone", tmpdir);
	ck_assert_int_eq(zl_zone_load_file(path, &o, &z, &err), ZL_OK);
	/* 40 bytes of repeats: two of them, sharing the first one's text;
	 * the third is refused, the fourth too but not reported again. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a.one.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a.two.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "a.three.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "a.four.example.com."));
	ck_assert_uint_eq(z->nsrcs, 4);
	ck_assert_ptr_eq(z->srcs[2]->buf, z->srcs[1]->buf);
	/* The limit, and the four relative origins (ZONE012). */
	ck_assert_uint_eq(z->nprobs, 5);
	prob(z, "'a.inc' was already read for this zone; reading it again "
	     "exceeds the budget of 40 bytes of repeated includes per run", 4,
	     10, "limit");
	zl_zone_free(z);

	/* The records budget is the run's: 3 left, then the zone stops. */
	z = load_opts("r.zone", "a 1 A 192.0.2.1\nb 1 A 192.0.2.1\n"
		      "c 1 A 192.0.2.1\nd 1 A 192.0.2.1\ne 1 A 192.0.2.1\n", &o);
	ck_assert_uint_eq(z->nrrs, 3);
	prob(z, "more than 6 records in this run; the rest of the zone is "
	     "not read", 4, 1, "limit");
	ck_assert_uint_eq(z->nprobs, 1);
	zl_zone_free(z);

	/* Records $GENERATE writes: 5 left in the run, 3 fit, then 3 do
	 * not. */
	og = o;
	og.budget = zl_budget_new(NULL);
	atomic_store(&og.budget->generated, ZL_GEN_RECORDS_PER_RUN - 5);
	z = load_opts("g.zone", "$GENERATE 1-3 a$ 1 A 192.0.2.$\n"
		      "$GENERATE 1-3 b$ 1 A 192.0.2.$\n", &og);
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a3.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "b1.example.com."));
	prob(z, "the records of this $GENERATE exceed the budget of 2000000 "
	     "generated records per run", 2, 11, "limit");
	zl_zone_free(z);
	zl_budget_free(og.budget);

	/* Zone text: 225 bytes taken so far, 94 more do not fit. */
	z = NULL;
	ck_assert_int_eq(zl_zone_load_file(path, &o, &z, &err), ZL_ERR_LIMIT);
	ck_assert_ptr_null(z);
	ck_assert_ptr_nonnull(strstr(err, "exceeds the budget of 250 bytes of "
				     "zone text per run"));
	free(err);
	zl_budget_free(b);
	rm_tree();
}
END_TEST

/* Files in memory, served by mem_read: name, text. */
static const char *const mem[][2] = {
	{ "example.com.zone", "$TTL 300\n$INCLUDE a.inc\n$INCLUDE sub/b.inc\n"
	  "$INCLUDE missing.inc\n$INCLUDE self.inc\n" },
	{ "a.inc", "a A 192.0.2.1\n" },
	{ "sub/b.inc", "b A 192.0.2.2\n$INCLUDE ../a.inc x\n" },
	{ "self.inc", "s A 192.0.2.3\n$INCLUDE ./self.inc\n" },
};

/* A provider of the files above; the id is the name, made canonical. */
static enum zl_status mem_read(void *arg, const struct zl_read *q,
			       struct zl_file *out, char **err)
{
	char *in = zl_xasprintf("/%s", q->path), *abs = zl_path_abs(in);
	size_t i;

	free(in);
	++*(int *)arg;
	for (i = 0; i < sizeof mem / sizeof mem[0]; i++) {
		if (strcmp(abs + 1, mem[i][0]) == 0) {
			out->data = zl_xstrdup(mem[i][1]);
			out->len = strlen(mem[i][1]);
			out->id = abs;
			return ZL_OK;
		}
	}
	free(abs);
	*err = zl_xstrdup("not in memory");
	return ZL_ERR_IO;
}

/* The zone and its includes come from the provider the caller gives. */
START_TEST(test_provider)
{
	int calls = 0;
	struct zl_provider p = { mem_read, &calls };
	struct zl_load_opts o = { .provider = &p };
	struct zl_zone *z = NULL;
	char *err = NULL;

	ck_assert_int_eq(zl_zone_load_file("example.com.zone", &o, &z, &err),
			 ZL_OK);
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "b.example.com."));
	/* sub/../a.inc, with its own origin */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a.x.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "s.example.com."));
	prob(z, "cannot read include file 'missing.inc': not in memory", 4,
	     10, "include");
	/* ./self.inc is self.inc: the provider's id finds the loop. */
	prob(z, "include loop: './self.inc' is already being read", 2, 10,
	     "include");
	prob(z, "relative $INCLUDE origin", 2, 19, "portable");
	ck_assert_uint_eq(z->nprobs, 3);
	ck_assert_int_eq(calls, 7);
	zl_zone_free(z);
	ck_assert_int_eq(zl_zone_load_file("nothere.zone", &o, &z, &err),
			 ZL_ERR_IO);
	ck_assert_str_eq(err, "cannot read 'nothere.zone': not in memory");
	free(err);
}
END_TEST

/* Standard input named through a symbolic link out of the tree: the
 * include root stays the current directory, so nothing outside is read.
 * And an $INCLUDE of a FIFO is refused, not waited on. */
START_TEST(test_include_confined)
{
	static const char text[] = "$TTL 300\n$INCLUDE secret.inc\n";
	static const char fifo[] = "$TTL 300\n$INCLUDE fifo.inc\n";
	struct zl_load_opts o = { .display = "zones/example.com.zone" };
	struct zl_zone *f = NULL;
	char cwd[PATH_MAX], path[PATH_MAX], *err = NULL;
	struct zl_zone *z = NULL;
	size_t i;

	strcpy(tmpdir, "/tmp/zltest.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/outside", tmpdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	write_file(path, "secret.inc", "secret A 192.0.2.66\n");
	snprintf(path, sizeof path, "%s/repo", tmpdir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/repo/zones", tmpdir);
	ck_assert_int_eq(symlink("../outside", path), 0);
	snprintf(path, sizeof path, "%s/repo/fifo.inc", tmpdir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/repo", tmpdir);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(chdir(path), 0);
	ck_assert_int_eq(zl_zone_load_buffer("-", text, strlen(text), &o, &z,
					     &err), ZL_OK);
	o.display = "example.com.zone";
	ck_assert_int_eq(zl_zone_load_buffer("-", fifo, strlen(fifo), &o, &f,
					     &err), ZL_OK);
	ck_assert_int_eq(chdir(cwd), 0);
	ck_assert_ptr_null(zl_zone_lookup(z, "secret.example.com."));
	prob(z, "cannot read include file 'secret.inc': a symbolic link "
	     "leads out of '.'", 2, 10, "include");
	for (i = 0; i < z->nsrcs; i++)
		ck_assert_ptr_null(strstr(z->srcs[i]->buf, "192.0.2.66"));
	prob(f, "cannot read include file 'fifo.inc': not a regular file", 2,
	     10, "include");
	zl_zone_free(z);
	zl_zone_free(f);
	rm_tree();
}
END_TEST

/* In a zone with a wildcard, the names between the apex and the names
 * with records are known to exist, without being interned, and decide
 * which names a wildcard answers for (RFC 4592). */
START_TEST(test_nonterminals)
{
	struct zl_zone *z;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns1 h 1 2 3 4 5\n"
		 "a.b.sub A 192.0.2.1\n"
		 "* A 192.0.2.2\n"
		 "*.sub TXT x\n"
		 "c.d TXT x\n"
		 "x MX 1 q.b.sub\n");
	ck_assert(zl_zone_nonterminal(z, "b.sub.example.com."));
	ck_assert(zl_zone_nonterminal(z, "sub.example.com."));
	ck_assert(zl_zone_nonterminal(z, "d.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "b.sub.example.com."));
	ck_assert(!zl_zone_nonterminal(z, "q.b.sub.example.com."));
	ck_assert(!zl_zone_nonterminal(z, "example.com."));
	ck_assert(!zl_zone_nonterminal(z, "e.example.com."));
	ck_assert(!zl_zone_nonterminal(z, "b.sub.example.net."));
	/* The closest encloser's wildcard, or none below an existing name. */
	ck_assert_str_eq(zl_zone_wildcard(z, "e.example.com.")->text,
			 "*.example.com.");
	ck_assert_str_eq(zl_zone_wildcard(z, "e.sub.example.com.")->text,
			 "*.sub.example.com.");
	ck_assert_ptr_null(zl_zone_wildcard(z, "q.b.sub.example.com."));
	ck_assert_ptr_null(zl_zone_wildcard(z, "e.d.example.com."));
	ck_assert_ptr_null(zl_zone_wildcard(z, "d.example.com."));
	ck_assert_ptr_null(zl_zone_wildcard(z, "x.example.com."));
	ck_assert_ptr_null(zl_zone_wildcard(z, "e.example.net."));
	ck_assert_uint_eq(z->nwild, 2);
	zl_zone_free(z);

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns1 h 1 2 3 4 5\n"
		 "a.b.sub A 192.0.2.1\n");
	ck_assert(!zl_zone_nonterminal(z, "b.sub.example.com."));
	ck_assert_ptr_null(zl_zone_wildcard(z, "e.example.com."));
	zl_zone_free(z);
}
END_TEST

START_TEST(test_index)
{
	struct zl_zone *z;
	const struct zl_name *n;
	const struct zl_rrset *s;
	struct zl_name_iter it = { 0, 0 };
	char name[64];
	int i;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "Www A 192.0.2.1\n"
		 "other A 192.0.2.9\n"
		 "WWW AAAA 2001:db8::1\n"
		 "www A 192.0.2.2\n"
		 "\tTXT hello\n"
		 "\tA 192.0.2.3\n"
		 "ref MX 1 nowhere.example.com.\n");
	n = zl_zone_lookup(z, "www.example.com.");
	ck_assert_ptr_nonnull(n);
	ck_assert_ptr_eq(n, zl_zone_lookup(z, "WWW.Example.Com."));
	ck_assert_ptr_eq(n, zl_zone_lookup(z, "www.example.com"));
	ck_assert_str_eq(n->text, "www.example.com.");
	ck_assert_uint_eq(n->len, 16);
	ck_assert(n->in_zone);
	/* RRsets in file order, linked through next. */
	s = zl_name_rrset(n, LDNS_RR_TYPE_A);
	ck_assert_uint_eq(s->count, 3);
	ck_assert_uint_eq(s->first, 0);
	ck_assert_uint_eq(z->rrs[0].next, 3);
	ck_assert_uint_eq(z->rrs[3].next, 5);
	ck_assert_uint_eq(z->rrs[5].next, ZL_NONE);
	ck_assert_ptr_nonnull(s->next);
	ck_assert_uint_eq(zl_name_rrset(n, LDNS_RR_TYPE_AAAA)->count, 1);
	ck_assert_uint_eq(zl_name_rrset(n, LDNS_RR_TYPE_TXT)->first, 4);
	ck_assert_uint_eq(z->rrs[4].next, ZL_NONE);
	ck_assert_uint_eq(z->rrs[2].next, ZL_NONE);
	ck_assert_ptr_null(zl_name_rrset(n, LDNS_RR_TYPE_MX));
	ck_assert_ptr_null(zl_name_rrset(NULL, LDNS_RR_TYPE_MX));
	/* Referenced names are interned without records. */
	n = zl_zone_lookup(z, "nowhere.example.com.");
	ck_assert_ptr_nonnull(n);
	ck_assert_ptr_null(zl_name_sets(n));
	ck_assert_uint_eq(n->refs, ZL_REF_MX);
	ck_assert_uint_eq(zl_zone_lookup(z, "www.example.com.")->refs, 0);
	ck_assert_ptr_null(zl_zone_lookup(z, "absent.example.com."));
	ck_assert(!zl_zone_intern(z, "example.org.", 12)->in_zone);
	ck_assert(!zl_zone_intern(z, "xexample.com.", 13)->in_zone);
	ck_assert(!zl_zone_intern(z, "a\\.example.com.", 15)->in_zone);
	ck_assert(zl_zone_intern(z, "a\\\\.example.com.", 16)->in_zone);
	ck_assert_ptr_eq(zl_zone_intern(z, "example.org.", 12),
			 zl_zone_lookup(z, "EXAMPLE.org."));
	/* The table grows: many names, all found. */
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "n%d.example.com.", i);
		zl_zone_intern(z, name, strlen(name));
	}
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "N%d.EXAMPLE.COM.", i);
		ck_assert_ptr_nonnull(zl_zone_lookup(z, name));
	}
	ck_assert_uint_ge(z->hcap, z->nnames);
	/* The walk over the names (several blocks by now) gives each once,
	 * in intern order. */
	for (i = 0; (n = zl_zone_name_next(z, &it)) != NULL; i++)
		ck_assert_uint_eq(n->id, i);
	ck_assert_uint_eq(i, z->nnames);
	ck_assert_uint_gt(z->nnblocks, 1);
	zl_zone_free(z);
	zl_zone_free(NULL);
}
END_TEST

/* The longest probe of z's name index: how far past the slot its hash
 * picks the farthest name sits. */
static size_t longest_probe(const struct zl_zone *z)
{
	size_t i, d, max = 0;

	for (i = 0; i < z->hcap; i++) {
		if (!z->htab[i])
			continue;
		d = (i - (size_t)(z->htab[i] >> 32)) & (z->hcap - 1);
		if (d > max)
			max = d;
	}
	return max;
}

enum { COLL_K = 12, COLL_N = 1 << COLL_K };

/* The i-th of the names made of one string of each pair of blocks, in two
 * labels of 24 characters, then suffix. */
static void colliding_name(char blocks[][2][5], int i, const char *suffix,
			   char *out)
{
	int j;

	for (j = 0; j < COLL_K; j++) {
		memcpy(out, blocks[j][(i >> j) & 1], 4);
		out += 4;
		if (j == COLL_K / 2 - 1)
			*out++ = '.';
	}
	strcpy(out, suffix);
}

/* Names chosen to collide under FNV-1a (all 32 bits, so under any table
 * size) spread over the index like any others: its hash is keyed.  With
 * FNV-1a they all shared one chain, and loading was quadratic. */
START_TEST(test_index_collisions)
{
	char blocks[COLL_K][2][5], name[64];
	struct zl_zone *z = load("example.com.zone", "$TTL 1\n@ A 192.0.2.1\n");
	size_t before = z->nnames;
	uint32_t h;
	int i;

	/* Each label's blocks collide from the state where the label starts. */
	h = tu_fnv_multicollision(blocks, COLL_K / 2, 2166136261u);
	h = tu_fnv_multicollision(blocks + COLL_K / 2, COLL_K / 2,
				  tu_fnv1a(h, ".", 1));
	h = tu_fnv1a(h, ".example.com.", 13);
	for (i = 0; i < COLL_N; i++) {
		colliding_name(blocks, i, ".example.com.", name);
		/* The input is what it claims: one FNV-1a value for all. */
		ck_assert_uint_eq(tu_fnv1a(2166136261u, name, strlen(name)), h);
		zl_zone_intern(z, name, strlen(name));
	}
	ck_assert_uint_eq(z->nnames, before + COLL_N);
	ck_assert_uint_le(longest_probe(z), 128);
	/* Each is found, also in upper case and without the final dot. */
	for (i = 0; i < COLL_N; i++) {
		colliding_name(blocks, i, ".EXAMPLE.COM", name);
		ck_assert_ptr_nonnull(zl_zone_lookup(z, name));
	}
	zl_zone_free(z);
}
END_TEST

/* The name that field f of rr points at, as text. */
static const char *target(const struct zl_rr *rr, unsigned f)
{
	ck_assert_uint_gt(rr->nrdf, f);
	ck_assert_ptr_nonnull(zl_rdf_name(&rr->rdf[f]));
	return zl_rdf_name(&rr->rdf[f])->text;
}

/* $GENERATE writes what named-checkzone writes for the same directives
 * (named-checkzone -D of this zone, BIND 9.18). */
/* What each server refuses, though the others read it, as the library
 * lists it for a server's configuration (zl_zone_refusal). */
START_TEST(test_refusal)
{
	struct zl_zone *z;
	struct zl_loc at;
	const char *msg;
	size_t i = 0;

	z = load("example.com.zone",
		 "$TTL 60\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a TXT \"caf\303\251\"\n"		/* Knot DNS */
		 "b URI 1 1 http://example.com/\n"	/* BIND */
		 "c 1700000000 RRSIG A 8 2 60 1700000000 20260101000000 1 "
		 "example.com. AA==\n"			/* NSD */
		 /* NSD misreads, but loads */
		 "d RRSIG A 8 2 60 2147483647 20260101000000 1 example.com. "
		 "AA==\n");
	msg = zl_zone_refusal(z, ZL_SERVER_KNOT, &i, &at);
	ck_assert_ptr_nonnull(msg);
	ck_assert_ptr_nonnull(strstr(msg, "UTF-8 character"));
	ck_assert_uint_eq(at.line, 3);
	ck_assert_ptr_null(zl_zone_refusal(z, ZL_SERVER_KNOT, &i, &at));
	i = 0;
	msg = zl_zone_refusal(z, ZL_SERVER_BIND, &i, &at);
	ck_assert_ptr_nonnull(strstr(msg, "URI target not in quotes"));
	ck_assert_uint_eq(at.line, 4);
	ck_assert_ptr_null(zl_zone_refusal(z, ZL_SERVER_BIND, &i, &at));
	i = 0;
	msg = zl_zone_refusal(z, ZL_SERVER_NSD, &i, &at);
	ck_assert_ptr_nonnull(strstr(msg, "seconds since 1970"));
	ck_assert_uint_eq(at.line, 5);
	ck_assert_ptr_null(zl_zone_refusal(z, ZL_SERVER_NSD, &i, &at));
	i = 0;
	ck_assert_ptr_null(zl_zone_refusal(z, ZL_SERVER_AUTO, &i, &at));
	zl_zone_free(z);

	/* An IPSECKEY without key: Knot DNS reads on after the gateway
	 * when anything but the line's end (or a comment right after it)
	 * follows. */
	z = load("example.com.zone",
		 "$TTL 60\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a IPSECKEY 10 1 3 192.0.2.1;c\n"
		 "b IPSECKEY 10 1 3 192.0.2.1 ;c\n"
		 "c IPSECKEY ( 10 0 3 .\n )\n");
	i = 0;
	ck_assert_ptr_nonnull(zl_zone_refusal(z, ZL_SERVER_KNOT, &i, &at));
	ck_assert_uint_eq(at.line, 4);
	ck_assert_ptr_nonnull(zl_zone_refusal(z, ZL_SERVER_KNOT, &i, &at));
	ck_assert_uint_eq(at.line, 5);
	ck_assert_ptr_null(zl_zone_refusal(z, ZL_SERVER_KNOT, &i, &at));
	zl_zone_free(z);

	/* BIND's check-names: a host name only under fail, an NSEC3 owner
	 * that is no hash under fail and warn, nothing under ignore */
	z = load("example.com.zone",
		 "$TTL 60\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a_b A 192.0.2.1\n"
		 "ab NSEC3 1 1 12 - 2vptu5timamqttgl4luu9kg21e0aor3s A\n");
	{
		struct zl_server_zone fail = { .kind = ZL_SERVER_BIND,
			.check_names = true, .names_checked = true };
		struct zl_server_zone warn = { .kind = ZL_SERVER_BIND,
			.names_checked = true };
		struct zl_server_zone ignore = { .kind = ZL_SERVER_BIND };

		i = 0;
		ck_assert_ptr_nonnull(zl_zone_refusal_of(z, &fail, &i, &at));
		ck_assert_uint_eq(at.line, 3);
		ck_assert_ptr_nonnull(zl_zone_refusal_of(z, &fail, &i, &at));
		ck_assert_uint_eq(at.line, 4);
		i = 0;
		msg = zl_zone_refusal_of(z, &warn, &i, &at);
		ck_assert_ptr_nonnull(strstr(msg, "NSEC3 owner"));
		ck_assert_ptr_null(zl_zone_refusal_of(z, &warn, &i, &at));
		i = 0;
		ck_assert_ptr_null(zl_zone_refusal_of(z, &ignore, &i, &at));
	}
	zl_zone_free(z);
	/* The root's first label is empty, which BIND decodes as a hash */
	z = load("root.zone",
		 "$ORIGIN .\n$TTL 60\n"
		 ". SOA ns.example. hm.example. 1 2 3 4 5\n"
		 ". NSEC3 1 1 12 - 2vptu5timamqttgl4luu9kg21e0aor3s A\n");
	ck_assert_uint_eq(z->nprobs, 0);
	zl_zone_free(z);
}
END_TEST

/* BIND's max-zone-ttl (zl_zone_over_limit): each record above it, at its
 * TTL or, without one, at its type; not a record of $GENERATE, nor a TTL
 * above 2^31 - 1 (named loads it as 0); nothing for another server or
 * without a limit. */
START_TEST(test_over_limit)
{
	struct zl_server_zone sz = { .kind = ZL_SERVER_BIND, .max_ttl = 100 };
	struct zl_zone *z;
	struct zl_loc at;
	char msg[160];
	size_t i = 0;

	z = load("example.com.zone",
		 "$TTL 60\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a 101 A 192.0.2.1\n"
		 "b 100 A 192.0.2.2\n"
		 "c 3000000000 A 192.0.2.3\n"
		 "$GENERATE 1-2 g$ 200 A 192.0.2.$\n"
		 "$TTL 1d\n"
		 "d A 192.0.2.4\n");
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 3);
	ck_assert_uint_eq(at.col, 3);
	ck_assert_ptr_nonnull(strstr(msg, "101 is above 100"));
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 8);
	ck_assert_uint_eq(at.col, 3);
	ck_assert_ptr_nonnull(strstr(msg, "86400 this record takes"));
	ck_assert(!zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	/* records taking one TTL one after another: the first, with how
	 * many follow */
	zl_zone_free(z);
	z = load("example.com.zone",
		 "$TTL 200\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a A 192.0.2.1\n"
		 "b A 192.0.2.2\n"
		 "c 300 A 192.0.2.3\n"
		 "d A 192.0.2.4\n");
	i = 0;
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 2);
	ck_assert_ptr_nonnull(strstr(msg, "200 this record takes (and the 2 "
				     "records after it)"));
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 5);
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 6);
	ck_assert_ptr_nonnull(strstr(msg, "200 this record takes is"));
	ck_assert(!zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	/* cut to fit */
	i = 0;
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, 8));
	ck_assert_str_eq(msg, "the TTL");
	sz.max_ttl = 0;
	i = 0;
	ck_assert(!zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	sz = (struct zl_server_zone){ .kind = ZL_SERVER_KNOT, .max_ttl = 1 };
	i = 0;
	ck_assert(!zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	zl_zone_free(z);

	/* max-records-per-type: each record as written, RRSIG by the type
	 * it covers; max-types-per-name: RRSIG one set for each type */
	z = load("example.com.zone",
		 "$TTL 60\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "a A 192.0.2.1\n"
		 "a A 192.0.2.1\n"
		 "b A 192.0.2.1\n"
		 "b RRSIG A 8 3 60 20300101000000 20200101000000 1 "
		 "example.com. AA==\n"
		 "b RRSIG TXT 8 3 60 20300101000000 20200101000000 1 "
		 "example.com. AA==\n");
	sz = (struct zl_server_zone){ .kind = ZL_SERVER_BIND, .max_rrset = 1,
				      .max_types = 2 };
	i = 0;
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 3);
	ck_assert_ptr_nonnull(strstr(msg, "2 A records at 'a.example.com.'"));
	ck_assert(zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	ck_assert_uint_eq(at.line, 5);
	ck_assert_ptr_nonnull(strstr(msg, "holds 3 RRsets"));
	ck_assert(!zl_zone_over_limit(z, &sz, &i, &at, msg, sizeof msg));
	zl_zone_free(z);
}
END_TEST

START_TEST(test_generate)
{
	static const char *const nib[][2] = {
		{ "na.f.0.a", "hostfa" }, { "nf.f.0.a", "hostff" },
		{ "n0.0.1.a", "host100" }, { "n4.0.1.a", "host104" },
		{ "ma.f.o000372.wa.f.0", "host250" },
		{ "mc.f.o000374.wc.f.0", "host252" },
		{ "z0", "host0" }, { "z1", "host1" },
	};
	const struct zl_rr *rr;
	struct zl_zone *z;
	struct zl_loc loc;
	char owner[64], want[64];
	size_t i;

	z = load("gen.example.com.zone",
		 "$ORIGIN example.com.\n"
		 "$TTL 3600\n"
		 "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
		 "@ NS ns1\n"
		 "ns1 A 192.0.2.1\n"
		 "$GENERATE 1-4 host$ A 192.0.2.$\n"
		 "$GENERATE 10-30/10 ${0,3,d}.rev 300 IN PTR h-${-9,2,x}.example.com.\n"
		 "$GENERATE 250-260 n${0,5,n}.a 60 IN CNAME host${0,0,X}\n"
		 "$GENERATE 250-252 m${0,3,N}.o${0,6,o}.w${0,5,n} CNAME host$\n"
		 "$GENERATE 0-1 z${0,0,n} CNAME host$\n"
		 "$GENERATE 1-2 @ MX \"1$ mx$\"\n"
		 "$GENERATE 1-3 esc\\$$$$ TXT \"v=spf1 ip4:192.0.2.$\" ; as BIND\n"
		 "$GENERATE 1-2 neg${-5,4,d} CNAME host$\n"
		 "$GENERATE 1-1 x${-5,0,x}.n${-5,0,n} CNAME host$\n"
		 "after A 192.0.2.9\n");
	/* Once, at the first: only BIND reads it. */
	prob(z, "$GENERATE is BIND's own", 6, 1, "portable");
	ck_assert_uint_eq(z->nprobs, 1);
	ck_assert_uint_eq(z->nrrs, 35);
	/* Below 0, as BIND writes its int: signed in decimal, 32 bits in
	 * the other bases. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "neg-004.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "neg-003.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "xfffffffc.nc.f.f.f.f.f.f.f."
					     "example.com."));
	for (i = 1; i <= 4; i++) {
		snprintf(owner, sizeof owner, "host%zu.example.com.", i);
		rr = rr_at(z, owner, LDNS_RR_TYPE_A, 0);
		ck_assert_uint_eq(rdf_u32(&rr->rdf[0]), 0xC0000200u + i);
		ck_assert_uint_eq(rr->ttl, 3600);
	}
	rr = rr_at(z, "010.rev.example.com.", LDNS_RR_TYPE_PTR, 0);
	ck_assert_str_eq(target(rr, 0), "h-01.example.com.");
	ck_assert_uint_eq(rr->ttl, 300);
	rr = rr_at(z, "020.rev.example.com.", LDNS_RR_TYPE_PTR, 0);
	ck_assert_str_eq(target(rr, 0), "h-0b.example.com.");
	rr = rr_at(z, "030.rev.example.com.", LDNS_RR_TYPE_PTR, 0);
	ck_assert_str_eq(target(rr, 0), "h-15.example.com.");
	for (i = 0; i < sizeof nib / sizeof nib[0]; i++) {
		snprintf(owner, sizeof owner, "%s.example.com.", nib[i][0]);
		snprintf(want, sizeof want, "%s.example.com.", nib[i][1]);
		rr = rr_at(z, owner, LDNS_RR_TYPE_CNAME, 0);
		ck_assert_str_eq(target(rr, 0), want);
	}
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 1);
	ck_assert_uint_eq(rdf_u32(&rr->rdf[0]), 12);
	ck_assert_str_eq(target(rr, 1), "mx2.example.com.");
	rr = rr_at(z, "esc\\$\\$3.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert_uint_eq(rr->nrdf, 2);
	/* A blank owner after a $GENERATE is not a generated name. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "after.example.com."));

	/* Generated records are shown at their directive: the owner at the
	 * owner template, the rdata at the rdata template. */
	rr = rr_at(z, "host3.example.com.", LDNS_RR_TYPE_A, 0);
	loc = zl_zone_loc(z, rr->src, zl_rr_hdr(z, rr, ZL_HDR_OWNER));
	ck_assert_str_eq(loc.file, "gen.example.com.zone");
	ck_assert_uint_eq(loc.line, 6);
	ck_assert_uint_eq(loc.col, 15);
	ck_assert_uint_eq(loc.end_col, 20);
	ck_assert_mem_eq(loc.text, "$GENERATE 1-4 host$ A 192.0.2.$",
			 loc.text_len);
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 0));
	ck_assert_uint_eq(loc.line, 6);
	ck_assert_uint_eq(loc.col, 23);
	ck_assert_uint_eq(loc.end_col, 32);
	loc = zl_zone_loc(z, rr->src, rr->text);
	ck_assert_uint_eq(loc.col, 15);
	ck_assert_uint_eq(loc.end_col, 32);
	rr = rr_at(z, "020.rev.example.com.", LDNS_RR_TYPE_PTR, 0);
	loc = zl_zone_loc(z, rr->src, zl_rr_hdr(z, rr, ZL_HDR_TTL));
	ck_assert_uint_eq(loc.line, 7);
	ck_assert_uint_eq(loc.col, 33);
	loc = zl_zone_loc(z, rr->src, zl_rr_hdr(z, rr, ZL_HDR_CLASS));
	ck_assert_uint_eq(loc.col, 37);
	/* Every field of a quoted rdata template is shown at it. */
	rr = rr_at(z, "example.com.", LDNS_RR_TYPE_MX, 1);
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 1));
	ck_assert_uint_eq(loc.line, 11);
	ck_assert_uint_eq(loc.col, 20);
	ck_assert_uint_eq(loc.end_col, 28);
	zl_zone_free(z);
}
END_TEST

/* A bad range or template is reported where it is written, and the rest
 * of the zone is read. */
/* What the records of one $GENERATE share is one problem, at the
 * directive; what Knot DNS or NSD alone refuse in them is none: both
 * refuse $GENERATE itself. */
START_TEST(test_generate_once)
{
	struct zl_zone *z;

	z = load("example.com.zone",
		 "$TTL 60\n"
		 "$GENERATE 1-50 e$ EUI48 0-0-5e-0-53-2a\n"
		 "$GENERATE 1-50 c$ CAA \"0 ISSUE ca.example\"\n"
		 "$GENERATE 1-50 n$ NSEC \"a.example.com.\"\n"
		 "$GENERATE 1-50 r$ RKEY \"256 3 8 AQID\"\n"
		 "$GENERATE 1-50 a$ TYPE38 \"\\# 1 81\"\n"
		 "$GENERATE 1-50 m$ MX \"10 mx$\"\n");
	prob(z, "$GENERATE is BIND's own", 2, 1, "portable");
	prob(z, "NSEC record without a type bit map", 4, 19, "portable");
	prob(z, "RKEY flags 256 are not 0", 5, 24, "portable");
	prob(z, "each refuse a part of this record", 5, 19, "syntax");
	prob(z, "an A6 prefix length over 128", 6, 26, "portable");
	ck_assert_uint_eq(z->nprobs, 5);
	ck_assert_uint_eq(z->nrrs, 300);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_generate_errors)
{
	struct zl_zone *z;
	size_t i, n = 0;

	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "$GENERATE 5-1 a A 192.0.2.1\n"
		 "$GENERATE 1-2/0 a A 192.0.2.1\n"
		 "$GENERATE x a A 192.0.2.1\n"
		 "$GENERATE 1-70000 a A 192.0.2.1\n"
		 "$GENERATE 1-3 a${+2147483647} A 192.0.2.1\n"
		 "$GENERATE 1-3 b${0,3,q} A 192.0.2.1\n"
		 "$GENERATE 1-3 c$ A 192.0.2.$$\n"
		 "$GENERATE 1-3 d$\n"
		 "$GENERATE 0-65535 e$ 1 IN A 192.0.2.$ extra\n"
		 "$GENERATE 1-2 f${0,256} A 192.0.2.1\n"
		 "ok A 192.0.2.9\n");
	prob(z, "start is above stop", 3, 11, "range");
	prob(z, "the step is 0", 4, 11, "range");
	prob(z, "range 'x'", 5, 11, "syntax");
	prob(z, "more than 65536 per directive", 6, 11, "limit");
	prob(z, "value 2147483648, above 2147483647", 7, 16, "syntax");
	prob(z, "invalid $GENERATE modifier", 8, 16, "syntax");
	prob(z, "invalid IPv4 address '192.0.2.$'", 9, 20, "syntax");
	prob(z, "missing a type and rdata after $GENERATE", 10, 1, "syntax");
	prob(z, "extra field 'extra'", 11, 39, "syntax");
	/* at the first that BIND loads: the one over the loader's limit */
	prob(z, "$GENERATE is BIND's own", 6, 1, "portable");
	for (i = 0; i < z->nprobs; i++)
		n += strstr(z->probs[i].message, "IPv4") != NULL;
	ck_assert_uint_eq(n, 1);	/* once, not once per value */
	ck_assert_uint_eq(z->nprobs, 11);
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "ok.example.com."));
	ck_assert_ptr_null(zl_zone_lookup(z, "b1.example.com."));
	ck_assert_uint_eq(z->nrrs, 2);
	zl_zone_free(z);
	/* A bad range beside a field too many or too few: the range, the
	 * first in the line, as BIND reads it (Net::DNS's t/07-zonefile.t
	 * and dnsjava's MasterTest write these). */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "$GENERATE 30-10/-10 @ MX $ mail\n"
		 "$GENERATE 1to20\n");
	prob(z, "invalid $GENERATE range '30-10/-10'", 3, 11, "range");
	prob(z, "invalid $GENERATE range '1to20'", 4, 11, "syntax");
	ck_assert_uint_eq(z->nprobs, 2);
	zl_zone_free(z);
	/* A number over 32 bits BIND reads as sscanf() does, cut to an int:
	 * where it then loads, the records it writes, with ZONE012; where
	 * the cut value is refused, an error that says so. */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "$GENERATE 1-2 a${2147483648} A 192.0.2.1\n"	/* 3 */
		 "$GENERATE 4294967297-4294967297 b$ A 192.0.2.1\n"
		 "$GENERATE 1-1 c${0,4294967298} A 192.0.2.1\n"	/* 5 */
		 "$GENERATE 1-1 d${99999999999999999999} A 192.0.2.1\n"
		 "$GENERATE 1-2 e${-2147483649} A 192.0.2.1\n"	/* 7 */
		 "$GENERATE 1-2 f${0,-1} A 192.0.2.1\n"
		 "$GENERATE 1-2 g${0,130,n} A 192.0.2.1\n"		/* 9 */
		 "$GENERATE 2147483648-2147483649 h$ A 192.0.2.1\n");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a-2147483647.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "a-2147483646.example.com."));
	prob(z, "modifier '${2147483648}' overflows 32 bits: BIND reads the "
	     "offset as -2147483648", 3, 16, "portable");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "b1.example.com."));
	prob(z, "range '4294967297-4294967297' overflows 32 bits: BIND reads "
	     "it as 1-1/1", 4, 11, "portable");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "c01.example.com."));
	prob(z, "width as 2", 5, 16, "portable");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "d0.example.com."));
	prob(z, "offset as -1", 6, 16, "portable");
	prob(z, "value 2147483648, above 2147483647, which BIND refuses; BIND "
	     "reads the offset as 2147483647", 7, 16, "syntax");
	prob(z, "width 4294967295 is over 127", 8, 16, "syntax");
	prob(z, "width 130 is over 127", 9, 16, "syntax");
	prob(z, "a bound below 0 once BIND cuts its numbers to 32 bits", 10,
	     11, "range");
	zl_zone_free(z);
	/* What BIND's sscanf() reads that is no form of the manual: a
	 * modifier cut short takes the width and base of the one before it
	 * in the template and a '$' after it its offset, white space before
	 * a number is skipped, and text after the range's numbers is ignored
	 * (named-checkzone -D). */
	z = load("example.com.zone",
		 "$TTL 1\n"
		 "@ SOA ns hm 1 2 3 4 5\n"
		 "$GENERATE 0-1 h${0,2}${5,3junk} A 192.0.2.1\n"	/* 3 */
		 "$GENERATE 0-2junk/2 i${0,2,x}${10,3,X A 192.0.2.1\n"
		 "$GENERATE 0-1 j$ CNAME \"k${ +5, 3}\"\n"		/* 5 */
		 "$GENERATE 0-1 k${0,4,x}${1,2,}$ A 192.0.2.1\n"
		 "$GENERATE 0-1- l$ A 192.0.2.1\n"			/* 7 */
		 "$GENERATE 0-1 m${5,junk} A 192.0.2.1\n"
		 "$GENERATE 1-2 n${5}-$ A 192.0.2.1\n");		/* 9 */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "h00005.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "h01006.example.com."));
	prob(z, "modifier '${5,3junk}' is not ${offset[,width[,base]]}: "
	     "BIND reads it as '${5,3}' and loads", 3, 22, "portable");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "i0000A.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "i0200C.example.com."));
	prob(z, "range '0-2junk/2' has text after its numbers: BIND reads it "
	     "as 0-2/1", 4, 11, "portable");
	prob(z, "BIND reads it as '${10,3,X}'", 4, 30, "portable");
	ck_assert_str_eq(zl_rdf_name(&rr_at(z, "j1.example.com.",
					    LDNS_RR_TYPE_CNAME, 0)->rdf[0])->text,
			 "k006.example.com.");
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "k0000011.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "k0001022.example.com."));
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "l1.example.com."));
	prob(z, "range '0-1-' has text after its numbers", 7, 11, "portable");
	prob(z, "invalid $GENERATE modifier", 8, 16, "syntax");
	ck_assert_ptr_null(zl_zone_lookup(z, "m5.example.com."));
	/* A '$' after a modifier: BIND adds the modifier's offset to it. */
	ck_assert_ptr_nonnull(zl_zone_lookup(z, "n7-7.example.com."));
	prob(z, "'$' after a modifier of offset 5: BIND adds that offset", 9,
	     21, "portable");
	zl_zone_free(z);
}
END_TEST

/* The tokens before a record's rdata are found again at their place: a
 * TTL, class or type token far from the record's first byte (a long comment
 * inside parentheses) or long itself, and those of a record without owner
 * that gives its class before its TTL. */
START_TEST(test_header_far)
{
	static const char *ttl[] = { "3600", "000000000000000000000000000000"
		"000000000000000000000000000000000000000000000000000000000000"
		"000000000000000000000000000000000000000000000000000000000000"
		"000000000000000000000000000000000000000000000000000000000000"
		"0000000000000000000000000000000000000000000000000000000003600" };
	struct zl_buf b = { 0 };
	struct zl_zone *z;
	const struct zl_rr *rr;
	struct zl_tok t;
	size_t i, gap[] = { 1, 70000 }, at;
	unsigned k;

	for (k = 0; k < 4; k++) {
		b.len = 0;
		zl_buf_addf(&b, "@ 1 SOA ns hm 1 2 3 4 5\nmail (");
		for (i = 0; i < gap[k / 2]; i++)
			zl_buf_addc(&b, i % 60 == 59 ? '\n' : ' ');
		at = b.len;
		zl_buf_addf(&b, "%s IN A 192.0.2.1 )\n", ttl[k % 2]);
		z = load("example.com.zone", b.s);
		/* the long TTL only BIND refuses, reading 63 characters */
		ck_assert_uint_eq(z->nprobs, k % 2);
		rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_A, 0);
		ck_assert_uint_eq(rr->ttl, 3600);
		t = zl_rr_hdr(z, rr, ZL_HDR_OWNER);
		ck_assert_uint_eq(t.off, rr->text.off);
		ck_assert_uint_eq(t.len, 4);
		t = zl_rr_hdr(z, rr, ZL_HDR_TTL);
		ck_assert_uint_eq(t.off, at);
		ck_assert_uint_eq(t.len, strlen(ttl[k % 2]));
		t = zl_rr_hdr(z, rr, ZL_HDR_CLASS);
		ck_assert_uint_eq(t.off, at + strlen(ttl[k % 2]) + 1);
		ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "IN", 2);
		t = zl_rr_hdr(z, rr, ZL_HDR_TYPE);
		ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "A ", 2);
		ck_assert_uint_eq(t.len, 1);
		ck_assert_mem_eq(zl_tok_text(z, rr->src, zl_rr_tok(z, rr, 0)),
				 "192.0.2.1", 9);
		zl_zone_free(z);
	}
	z = load("example.com.zone", "@ 3600 SOA ns hm 1 2 3 4 3600\n"
		 "mail A 192.0.2.1\n\tIN ( ; c\n 300 ) TXT \"x\"\n");
	ck_assert_uint_eq(z->nprobs, 0);
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_TXT, 0);
	t = zl_rr_hdr(z, rr, ZL_HDR_OWNER);
	ck_assert_uint_eq(t.off, rr->text.off);
	ck_assert_uint_eq(t.len, 0);
	t = zl_rr_hdr(z, rr, ZL_HDR_CLASS);
	ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "IN ", 3);
	t = zl_rr_hdr(z, rr, ZL_HDR_TTL);
	ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "300 ", 4);
	t = zl_rr_hdr(z, rr, ZL_HDR_TYPE);
	ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "TXT ", 4);
	rr = rr_at(z, "mail.example.com.", LDNS_RR_TYPE_A, 0);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_TTL).len, 0);
	ck_assert_uint_eq(zl_rr_hdr(z, rr, ZL_HDR_CLASS).len, 0);
	zl_zone_free(z);
	zl_buf_free(&b);
}
END_TEST

/* An A record's address is read as inet_pton(AF_INET) reads it. */
START_TEST(test_a_like_inet_pton)
{
	static const char *in[] = {
		"192.0.2.1", "0.0.0.0", "255.255.255.255", "256.0.0.1",
		"1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1.2.3.0",
		"1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4x", "1.2.3.-4",
		"1.2.3.2555", "4294967297.0.0.1", "1.2.3.99999999999", "1.2.3.00",
		"0", "",
	};
	struct zl_buf b = { 0 };
	struct zl_zone *z;
	uint8_t want[4];
	size_t i;
	int ok;

	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		b.len = 0;
		zl_buf_addf(&b, "@ 1 SOA ns hm 1 2 3 4 5\nx 1 A %s\n", in[i]);
		z = load("example.com.zone", b.s);
		ok = inet_pton(AF_INET, in[i], want);
		ck_assert_msg((z->nprobs == 0) == (ok == 1), "%s", in[i]);
		if (ok == 1)
			ck_assert_mem_eq(zl_rdf_data(&rr_at(z, "x.example.com.", 1, 0)->rdf[0]),
					 want, 4);
		zl_zone_free(z);
	}
	zl_buf_free(&b);
}
END_TEST

/* Lines past the first ZL_LINE_STEP, found from the table's every
 * 64th line: a record across a table line, and one far down. */
START_TEST(test_loc_far_lines)
{
	struct zl_buf b = { 0 };
	struct zl_zone *z;
	struct zl_loc loc;
	struct zl_line l, from;
	const struct zl_rr *rr;
	int i;

	zl_buf_addf(&b, "%s", "@ SOA ns hm 1 2 3 4 5\nns A 192.0.2.1\n");
	for (i = 3; i < 127; i++)
		zl_buf_addf(&b, "%s", "; filler\n");
	/* lines 127-129: table line 128 in the middle */
	zl_buf_addf(&b, "%s", "spread TXT ( \"a\"\n\"b\"\n  \"c\" )\n");
	for (i = 130; i < 300; i++)
		zl_buf_addf(&b, "%s", "; filler\n");
	zl_buf_addf(&b, "%s", "far A 192.0.2.2");	/* line 300, no line end */
	z = load("example.com.zone", b.s);
	rr = rr_at(z, "spread.example.com.", LDNS_RR_TYPE_TXT, 0);
	loc = zl_zone_loc(z, rr->src, rr->text);
	ck_assert_uint_eq(loc.line, 127);
	ck_assert_uint_eq(loc.end_line, 129);
	ck_assert_uint_eq(loc.end_col, 8);
	ck_assert_mem_eq(loc.text, "spread TXT ( \"a\"", loc.text_len);
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 1));
	ck_assert_uint_eq(loc.line, 128);
	ck_assert_uint_eq(loc.col, 1);
	ck_assert_mem_eq(loc.text, "\"b\"", loc.text_len);
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 2));
	ck_assert_uint_eq(loc.line, 129);
	ck_assert_uint_eq(loc.col, 3);
	rr = rr_at(z, "far.example.com.", LDNS_RR_TYPE_A, 0);
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 0));
	ck_assert_uint_eq(loc.line, 300);
	ck_assert_uint_eq(loc.col, 7);
	ck_assert_mem_eq(loc.text, "far A 192.0.2.2", loc.text_len);
	/* Counting on from a line found before gives the same line; one
	 * past the offset is not used. */
	from = zl_src_line(z->srcs[0], rr->text.off - 200, NULL);
	l = zl_src_line(z->srcs[0], rr->text.off, &from);
	ck_assert_uint_eq(l.line, 299);
	ck_assert_uint_eq(l.start, rr->text.off);
	from = (struct zl_line){ 299, rr->text.off };
	l = zl_src_line(z->srcs[0], rr->text.off - 1, &from);
	ck_assert_uint_eq(l.line, 298);
	ck_assert_uint_eq(z->srcs[0]->nlines, 300);
	zl_zone_free(z);
	zl_buf_free(&b);
}
END_TEST

/* A record whose rdata token starts more than 65535 bytes after its
 * first byte keeps its tokens whole (ZL_RR_WIDE); the records around it
 * keep theirs relative to themselves. */
START_TEST(test_wide_tokens)
{
	struct zl_buf b = { 0 };
	struct zl_zone *z;
	struct zl_loc loc;
	struct zl_tok t;
	const struct zl_rr *rr;
	int i;

	zl_buf_addf(&b, "%s", "@ SOA ns hm 1 2 3 4 3600\nns A 192.0.2.1\n"
			"far TXT ( \"a\" ;");
	for (i = 0; i < 70000; i++)
		zl_buf_addc(&b, 'x');
	zl_buf_addf(&b, "%s", "\n \"b\" )\nnear TXT \"c\"\n");
	z = load("example.com.zone", b.s);
	ck_assert_uint_eq(z->nprobs, 0);
	rr = rr_at(z, "far.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert(rr->flags & ZL_RR_WIDE);
	ck_assert_uint_eq(rr->ntok, 2);
	t = zl_rr_tok(z, rr, 1);
	ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "\"b\"", 3);
	ck_assert_uint_eq(t.len, 3);
	loc = zl_zone_loc(z, rr->src, t);
	ck_assert_uint_eq(loc.line, 4);
	ck_assert_uint_eq(loc.col, 2);
	rr = rr_at(z, "near.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert(!(rr->flags & ZL_RR_WIDE));
	t = zl_rr_tok(z, rr, 0);
	ck_assert_mem_eq(zl_tok_text(z, rr->src, t), "\"c\"", 3);
	loc = zl_zone_loc(z, rr->src, t);
	ck_assert_uint_eq(loc.line, 5);
	ck_assert_uint_eq(loc.col, 10);
	zl_zone_free(z);
	zl_buf_free(&b);
}
END_TEST

START_TEST(test_loc)
{
	struct zl_zone *z;
	struct zl_loc loc;
	struct zl_tok t;
	const struct zl_rr *rr;

	z = load("zones/example.com.zone",
		 "$TTL 1\r\n"
		 "@ SOA ns hm ( 1\r\n"
		 "   2 3 4 5 )\r\n"
		 "mail A 192.0.2.1");
	rr = &z->rrs[0];
	loc = zl_zone_loc(z, rr->src, rr->text);
	ck_assert_str_eq(loc.file, "zones/example.com.zone");
	ck_assert_uint_eq(loc.line, 2);
	ck_assert_uint_eq(loc.col, 1);
	ck_assert_uint_eq(loc.end_line, 3);
	ck_assert_uint_eq(loc.end_col, 13);
	ck_assert_uint_eq(loc.text_len, 15);
	ck_assert_mem_eq(loc.text, "@ SOA ns hm ( 1", 15);
	/* The rdata token "4" on the third line. */
	loc = zl_zone_loc(z, rr->src, zl_rr_tok(z, rr, 5));
	ck_assert_uint_eq(loc.line, 3);
	ck_assert_uint_eq(loc.col, 8);
	ck_assert_uint_eq(loc.end_line, 3);
	ck_assert_uint_eq(loc.end_col, 9);
	ck_assert_mem_eq(loc.text, "   2 3 4 5 )", loc.text_len);
	/* Last line without a line end. */
	rr = &z->rrs[1];
	loc = zl_zone_loc(z, rr->src, zl_rr_hdr(z, rr, ZL_HDR_TYPE));
	ck_assert_uint_eq(loc.line, 4);
	ck_assert_uint_eq(loc.col, 6);
	ck_assert_uint_eq(loc.end_col, 7);
	ck_assert_uint_eq(loc.text_len, 16);
	/* A blank owner is a zero-length span at the line start. */
	t.off = 8;
	t.len = 0;
	loc = zl_zone_loc(z, 0, t);
	ck_assert_uint_eq(loc.line, 2);
	ck_assert_uint_eq(loc.col, 1);
	ck_assert_uint_eq(loc.end_line, 2);
	ck_assert_uint_eq(loc.end_col, 1);
	zl_zone_free(z);
}
END_TEST

START_TEST(test_problem)
{
	struct zl_zone *z = load("example.com.zone", "");
	struct zl_tok t = { 0, 0 };

	zl_zone_problem(z, "syntax", 0, t, "bad '%s' %d", "a\nb\033c\xff", 7);
	ck_assert_uint_eq(z->nprobs, 1);
	ck_assert_str_eq(z->probs[0].category, "syntax");
	ck_assert_str_eq(z->probs[0].message, "bad 'a\\010b\\027c\\255' 7");
	ck_assert_uint_eq(z->probs[0].src, 0);
	zl_zone_free(z);
}
END_TEST

/* A field ldns refuses is named, and says why where its format is not
 * a number: the preference of KX, RT, AFSDB, LP and the ILNP types, an
 * ILNP64 node ID or locator (RFC 6742 §2.3). */
START_TEST(test_field_named)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a KX x k\n"
				 "b AFSDB x h\n"
				 "c NID 10 0014:4fff:ff20\n"
				 "d L64 10 2001:db8:1140:1000:1\n");

	prob(z, "invalid KX preference 'x'", 3, 6, "syntax");
	prob(z, "invalid AFSDB subtype 'x'", 4, 9, "syntax");
	prob(z, "invalid NID node ID '0014:4fff:ff20': not four groups of "
	     "hex digits joined by ':'", 5, 10, "syntax");
	prob(z, "invalid L64 locator", 6, 10, "syntax");
	ck_assert_uint_eq(z->nprobs, 4);
	zl_zone_free(z);
}
END_TEST

/* The fields of the types only drafts define are named too: RKEY as
 * DNSKEY (draft-reid-dnsext-rkey), SINK as BIND reads it (meaning,
 * coding, subcoding, data), EID and NIMLOC (draft-ietf-nimrod-dns). */
START_TEST(test_field_named_drafts)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a RKEY 0 x 5 AQID\n"
				 "b RKEY 0 3 5 !!\n"
				 "c SINK 1 x 0 AQID\n"
				 "d SINK 1 0 0 !!\n"
				 "e EID zz\n"
				 "f NIMLOC zz\n");

	prob(z, "invalid RKEY protocol 'x'", 3, 10, "syntax");
	prob(z, "invalid base64 in RKEY public key '!!'", 4, 14, "syntax");
	prob(z, "invalid SINK coding 'x'", 5, 10, "syntax");
	prob(z, "invalid base64 in SINK data '!!'", 6, 14, "syntax");
	prob(z, "invalid hex data in EID endpoint identifier 'zz'", 7, 7,
	     "syntax");
	prob(z, "invalid hex data in NIMLOC locator 'zz'", 8, 10, "syntax");
	zl_zone_free(z);
}
END_TEST

/* A slip of a class where a class may stand, before the type and after
 * the owner and TTL or before the TTL (RFC 1035 §5.1), is named as the
 * class, not as a type near it ('inn': IN, not IPN); the record lost is
 * of the type that follows; after a class, it is the class written
 * twice.  Where no type follows, it is a slip of a type. */
/* A TTL, class or type in quotes: NSD reads the text inside them, BIND
 * and Knot DNS refuse the zone; the message says which field it is. */
/* Base64 and hex of 65536 bytes and more, which no server reads (RFC
 * 1035 §3.2.1: RDLENGTH has 16 bits): ldns keeps the size of base64 in
 * 16 bits and would read 65544 bytes as 8. */
START_TEST(test_encoded_over_65535)
{
	static const char head[] = "$TTL 3600\n@ SOA ns1 h 1 2 3 4 5\n";
	size_t b64 = 87392, hex = 131074, i, at;
	char *text = malloc(sizeof head + 16 + b64 + 16 + hex + 2);
	struct zl_zone *z;

	ck_assert_ptr_nonnull(text);
	at = (size_t)sprintf(text, "%sa OPENPGPKEY ", head);
	for (i = 0; i < b64; i++)
		text[at++] = "0123456789abcdef"[i % 16];
	at += (size_t)sprintf(text + at, "\nb TLSA 3 1 1 ");
	for (i = 0; i < hex; i++)
		text[at++] = "0123456789abcdef"[i % 16];
	strcpy(text + at, "\n");
	z = load("example.com.zone", text);
	prob(z, "of 65544 bytes exceeds 65535", 3, 14, "limit");
	prob(z, "of 65537 bytes exceeds 65535", 4, 14, "limit");
	ck_assert_uint_eq(z->nprobs, 2);
	zl_zone_free(z);
	/* A CAA value runs to the end of the rdata (RFC 8659 §4.1.1): no
	 * character-string, no 255 bytes to split into. */
	at = (size_t)sprintf(text, "%sa CAA 0 issue \"", head);
	for (i = 0; i < 67200; i++)
		text[at++] = "0123456789abcdef"[i % 16];
	strcpy(text + at, "\"\n");
	z = load("example.com.zone", text);
	prob(z, "CAA value of 67200 bytes exceeds 65535", 3, 15, "limit");
	ck_assert_uint_eq(z->nprobs, 1);
	zl_zone_free(z);
	free(text);
}
END_TEST

/* A WKS protocol no /etc/protocols names: BIND refuses the zone, NSD
 * loads it as protocol 0 ("ip"). */
START_TEST(test_wks_unknown_protocol)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a WKS 192.0.2.1 nosuchproto 25\n");

	prob(z, "unknown WKS protocol 'nosuchproto': BIND does not find it "
	     "in /etc/protocols (NSD reads it as protocol 0)", 3, 17,
	     "syntax");
	zl_zone_free(z);
}
END_TEST

START_TEST(test_quoted_header)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a \"TXT\" x\n"			/* 3 */
				 "b \"300\" TXT x\n"		/* 4 */
				 "c \"IN\" TXT x\n"			/* 5 */
				 "d 300 \"in\" TXT x\n"		/* 6 */
				 "e \"FOO\" x\n");			/* 7 */

	prob(z, "record type \"TXT\" is quoted: BIND and Knot DNS read "
	     "quotes only around text (NSD reads the text inside them)", 3,
	     3, "syntax");
	prob(z, "TTL \"300\" is quoted", 4, 3, "syntax");
	prob(z, "class \"IN\" is quoted", 5, 3, "syntax");
	prob(z, "class \"in\" is quoted", 6, 7, "syntax");
	prob(z, "unknown record type '\"FOO\"'", 7, 3, "syntax");
	ck_assert_uint_eq(z->nprobs, 5);
	zl_zone_free(z);
}
END_TEST

/* A TTL whose last number has no unit after one that has: BIND and Knot
 * DNS refuse it, NSD adds the number as seconds. */
START_TEST(test_ttl_unitless_tail)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 1h2\n"				/* 1 */
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a 1h30 TXT x\n"			/* 3 */
				 "b 1x30 TXT x\n");			/* 4 */

	prob(z, "TTL '1h2' ends in a number without a unit, which BIND and "
	     "Knot DNS refuse (NSD reads it as seconds: 3602 in all)", 1, 6,
	     "syntax");
	prob(z, "TTL '1h30' ends in a number without a unit", 3, 3, "syntax");
	prob(z, "invalid TTL '1x30'", 4, 3, "syntax");
	zl_zone_free(z);
}
END_TEST

START_TEST(test_class_slip)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a inn A 192.0.2.1\n"			/* 3 */
				 "b 300 inx MX 10 a\n"			/* 4 */
				 "c ih 300 TXT x\n"			/* 5 */
				 " hss A 192.0.2.2\n"			/* 6 */
				 "$GENERATE 1-2 g$ chh A 192.0.2.$\n"	/* 7 */
				 "d IN inn A 192.0.2.3\n"		/* 8 */
				 "e inn 192.0.2.4\n");			/* 9 */
	struct zl_loc at;
	unsigned ipn = 0;
	size_t i;

	prob(z, "unknown class 'inn' (did you mean 'IN'?)", 3, 3, "syntax");
	prob(z, "unknown class 'inx' (did you mean 'IN'?)", 4, 7, "syntax");
	prob(z, "unknown class 'ih' (did you mean 'IN'?)", 5, 3, "syntax");
	prob(z, "unknown class 'hss' (did you mean 'HS'?)", 6, 2, "syntax");
	prob(z, "unknown class 'chh' (did you mean 'CH'?)", 7, 18, "syntax");
	prob(z, "'inn' where the record type belongs: the class 'IN' "
	     "written twice?", 8, 6, "syntax");
	/* the type IPN at 9:3 only */
	for (i = 0; i < z->nprobs; i++) {
		at = zl_zone_loc(z, z->probs[i].src, z->probs[i].at);
		if (strstr(z->probs[i].message, "unknown record type 'inn' "
			   "(did you mean 'IPN'?)"))
			ipn |= at.line == 8 && at.col == 6 ? 1 :
			       at.line == 9 && at.col == 3 ? 2 : 4;
	}
	ck_assert_uint_eq(ipn, 2);
	ck_assert_uint_eq(z->lost[0].type, LDNS_RR_TYPE_A);
	ck_assert_uint_eq(z->lost[1].type, LDNS_RR_TYPE_MX);
	ck_assert_uint_eq(z->lost[2].type, LDNS_RR_TYPE_TXT);
	for (i = 0; i < z->nlost; i++)
		if (strcmp(z->lost[i].owner->text, "d.example.com.") == 0)
			ipn |= z->lost[i].type == LDNS_RR_TYPE_A ? 8 : 16;
	ck_assert_uint_eq(ipn, 2 | 8);
	zl_zone_free(z);
}
END_TEST

/* What other tools write where the type belongs, which no server reads,
 * is named as what it is: cli53's Route 53 alias (cli53 tests/alias.txt)
 * and Windows DNS Server's aging stamp; the record lost is of the type
 * it stands for. */
START_TEST(test_foreign)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "www 86400 AWS ALIAS A lb.example.net. Z32O12 "
				 "false\n"					/* 3 */
				 "host [AGE:3697656] 1200 AAAA 2001:db8::5\n"	/* 4 */
				 "aws AWS 300 A 192.0.2.1\n");		/* 5 */

	prob(z, "'AWS ALIAS', a Route 53 alias as cli53 exports it, which "
	     "no server reads", 3, 11, "syntax");
	prob(z, "aging stamp '[AGE:3697656]' of Windows DNS Server, which "
	     "other servers do not read: remove it", 4, 6, "syntax");
	prob(z, "unknown record type 'AWS'", 5, 5, "syntax");
	ck_assert_uint_eq(z->nlost, 3);
	ck_assert_uint_eq(z->lost[0].type, LDNS_RR_TYPE_A);
	ck_assert_uint_eq(z->lost[1].type, LDNS_RR_TYPE_AAAA);
	zl_zone_free(z);
}
END_TEST

/* Hex or base64 that does not decode says why (RFC 4648 §4, §8): in
 * an SVCB ech value too, and an escape, which only NSD reads there. */
START_TEST(test_enc_reason)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a SVCB 1 . ech=AB*D\n"
				 "b DS 1 8 2 000\\071\n"
				 "c TYPE65534 \\# 2 00\\0541\n");

	prob(z, "ech: invalid base64 'AB*D': '*' is not a base64 character",
	     3, 12, "syntax");
	prob(z, "invalid hex data in DS digest '000\\071': an escape, which "
	     "BIND and Knot DNS refuse here (NSD reads the character it "
	     "stands for)", 4, 15, "syntax");
	prob(z, "invalid hex data '00\\0541' in RFC 3597 rdata: an escape",
	     5, 20, "syntax");
	zl_zone_free(z);
}
END_TEST

/* An escape in a field that is no name or string: NSD reads the
 * character it stands for, BIND and Knot DNS refuse the zone.  The field
 * holds what NSD reads, and the problems of the text unescaped are the
 * field's, at the text as written; what does not read unescaped either
 * keeps the error of the text as written. */
START_TEST(test_nsd_escape)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a A 192.0.2.\\049\n"			/* 3 */
				 "b MX 1\\048 mx\n"				/* 4 */
				 "c L64 10 0014:4fff:ff20:ee6\\052\n"	/* 5 */
				 "d NID 10 1:2:3:\\052\n"			/* 6 */
				 "e A 192.0.2.\\049x\n"			/* 7 */
				 "f MX \\0549999 mx\n"			/* 8 */
				 "g A 192.0.2.\\001\n"			/* 9 */
				 "$GENERATE 1-2 h$ A 192.0.2.\\049\n");	/* 10 */
	const uint8_t *p;

	ck_assert_uint_eq(prob(z, "A address '192.0.2.\\049' written with an "
			       "escape, which BIND and Knot DNS do not read "
			       "there: write '192.0.2.1', as NSD reads it", 3,
			       5, "portable")->refused,
			  ZL_NOT_BIND | ZL_NOT_KNOT);
	p = zl_rdf_data(&rr_at(z, "a.example.com.", LDNS_RR_TYPE_A, 0)->rdf[0]);
	ck_assert_mem_eq(p, "\xc0\x00\x02\x01", 4);
	prob(z, "write '10', as NSD reads it", 4, 6, "portable");
	p = zl_rdf_data(&rr_at(z, "b.example.com.", LDNS_RR_TYPE_MX,
			       0)->rdf[0]);
	ck_assert_mem_eq(p, "\x00\x0a", 2);
	prob(z, "write '0014:4fff:ff20:ee64', as NSD reads it", 5, 10,
	     "portable");
	/* the text unescaped has problems of its own: at the text */
	prob(z, "NID node ID '1:2:3:4' with a group of fewer than four hex "
	     "digits, which Knot DNS refuses", 6, 10, "portable");
	prob(z, "write '1:2:3:4', as NSD reads it", 6, 10, "portable");
	prob(z, "invalid IPv4 address '192.0.2.\\049x'", 7, 5, "syntax");
	prob(z, "invalid MX preference '\\0549999'", 8, 6, "syntax");
	prob(z, "invalid IPv4 address '192.0.2.\\001'", 9, 5, "syntax");
	/* only BIND reads $GENERATE: what it refuses stays an error */
	prob(z, "invalid IPv4 address '192.0.2.\\049'", 10, 20, "syntax");
	ck_assert_uint_eq(z->nprobs, 10);
	zl_zone_free(z);
}
END_TEST

/* A backslash that ends a line out of quotes in a string escapes the
 * line break, as NSD reads it: byte 10, and the word and the record go
 * on on the next line, one record, not two (BIND and Knot DNS refuse
 * it, and read the next line apart). */
START_TEST(test_string_line_break)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "a TXT \"x\" y\\\n"			/* 3 */
				 "b A 192.0.2.1\n"
				 "c TXT d\\\n"				/* 5 */
				 "; the line break is the string's last byte\n");
	const struct zl_rr *r;

	ck_assert_uint_eq(prob(z, "backslash at the end of the line in TXT "
			       "string 'y\\', which BIND and Knot DNS "
			       "refuse; NSD reads an escaped line break", 3,
			       11, "portable")->refused,
			  ZL_NOT_BIND | ZL_NOT_KNOT);
	r = rr_at(z, "a.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert_uint_eq(r->nrdf, 4);	/* "x" "y\010b" "A" "192.0.2.1" */
	ck_assert_ptr_null(zl_zone_lookup(z, "b.example.com."));
	prob(z, "TXT string 'd\\'", 5, 7, "portable");
	r = rr_at(z, "c.example.com.", LDNS_RR_TYPE_TXT, 0);
	ck_assert_uint_eq(r->nrdf, 1);
	ck_assert_uint_eq(r->rdf[0].len, 3);	/* length, 'd', 10 */
	ck_assert_uint_eq(z->nprobs, 2);
	zl_zone_free(z);
}
END_TEST

/* A lone "0" for a hex or base64 field, which NSD reads as empty: an
 * error that says so, with the delete CDS and CDNSKEY as RFC 8078's
 * erratum 5049 writes them.  A type NSD does not know keeps the plain
 * error. */
START_TEST(test_lone_zero)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "@ CDS 0 0 0 0\n"
				 "@ CDNSKEY 0 3 0 0\n"
				 "a TLSA 3 1 1 0\n"
				 "b EID 0\n");

	prob(z, "CDS digest '0', which NSD reads as empty and BIND and "
	     "Knot DNS refuse: the delete CDS is 0 0 0 00", 3, 13, "syntax");
	prob(z, "the delete CDNSKEY is 0 3 0 AA==", 4, 17, "syntax");
	prob(z, "TLSA certificate data '0', which NSD reads as empty", 5,
	     14, "syntax");
	prob(z, "invalid hex data in EID", 6, 7, "syntax");
	zl_zone_free(z);
}
END_TEST

/* What BIND alone refuses of a name is read as Knot DNS reads it and
 * noted with what the others load; a field in quotes where no text
 * belongs is an error that says how NSD reads it. */
START_TEST(test_bind_only_names)
{
	static const char text[] =
		"$TTL 3600\n"
		"@ SOA ns1 h 1 2 3 4 5\n"
		"@ NS ns1\n"
		"ns1 A 192.0.2.1\n"
		"a CNAME miek\\256.nl.\n"
		"b PTR host\\\n"
		"; the line break is a byte of the name\n"
		"c PTR host\\\n"
		"d A 192.0.2.2\n"
		"e TLSA 3 1 1 ( \"DFFE\" )\n"
		"f MX 10 \"mx.example.net.\"\n"
		"$GENERATE 1-2 g$ CNAME x\\256\n"
		"h TXT \"a\\256\"\n"
		"i TXT abc\\\n";
	struct zl_zone *z = load("example.com.zone", text);
	const struct zl_rr *r;

	prob(z, "Knot DNS reads it as \\000 (the value modulo 256), NSD as "
	     "the characters '256'", 5, 9, "portable");
	r = rr_at(z, "a.example.com.", LDNS_RR_TYPE_CNAME, 0);
	ck_assert_str_eq(r->rdf[0].v.dname->text, "miek\\000.nl.");
	prob(z, "backslash at the end of the line in domain name 'host\\', "
	     "which BIND refuses; Knot DNS and NSD read it as an escaped line "
	     "break, byte \\010 of the name", 6, 7, "portable");
	r = rr_at(z, "b.example.com.", LDNS_RR_TYPE_PTR, 0);
	ck_assert_str_eq(r->rdf[0].v.dname->text,
			 "host\\010.example.com.");
	/* the name goes on on the next line, and the record: as Knot DNS
	 * and NSD read it, the record has fields too many */
	prob(z, "extra rdata field 'A'", 9, 3, "syntax");
	prob(z, "(NSD reads the text inside them)", 10, 16, "syntax");
	prob(z, "as one label, its dots escaped", 11, 9, "syntax");
	/* $GENERATE is BIND's: what it refuses stays an error */
	prob(z, "escape '\\256' above 255 in domain name 'x\\256'", 12, 24,
	     "syntax");
	/* in a string Knot DNS refuses it too */
	prob(z, "escape '\\256' above 255 in TXT string 'a\\256', which "
	     "BIND and Knot DNS refuse (NSD reads the characters '256')", 13,
	     7, "syntax");
	prob(z, "backslash at the end of the line in TXT string 'abc\\', "
	     "which BIND and Knot DNS refuse", 14, 7, "portable");
	zl_zone_free(z);
}
END_TEST

/* A backslash as the input's last byte: NSD ignores it, BIND refuses the
 * zone; Knot DNS refuses it after a string or an address, and drops the
 * line without a word after a name or in a directive.  Read as NSD reads
 * it, noted once at the backslash. */
START_TEST(test_eof_backslash)
{
	static const struct {
		const char *last;
		unsigned refused;
		const char *says;
		uint32_t col;
	} cases[] = {
		{ "a CNAME b\\", ZL_NOT_BIND, "Knot DNS loads the zone without "
		  "the record, without a word, and NSD ignores the backslash",
		  10 },
		{ "a MX 10 b.example.net.\\", ZL_NOT_BIND | ZL_NOT_NSD,
		  "which BIND and NSD refuse (NSD after an absolute name)", 23 },
		{ "a TXT \"x\" y\\", ZL_NOT_BIND | ZL_NOT_KNOT,
		  "which BIND and Knot DNS refuse; NSD ignores it", 12 },
		{ "a A 192.0.2.1\\", ZL_NOT_BIND | ZL_NOT_KNOT, "NSD ignores it",
		  14 },
		{ "$TTL 300\\", ZL_NOT_BIND, "Knot DNS ignores the line without "
		  "a word, and NSD ignores the backslash", 9 },
		{ "$ORIGIN b.example.com.\\", ZL_NOT_BIND | ZL_NOT_NSD,
		  "Knot DNS ignores the line", 23 },
		{ "$INCLUDE f.inc\\", ZL_NOT_BIND | ZL_NOT_NSD, "the file is "
		  "not read", 15 },
	};
	char text[256];
	const struct zl_problem *p;
	struct zl_zone *z;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "$TTL 3600\n%s", cases[i].last);
		z = load("example.com.zone", text);
		p = prob(z, cases[i].says, 2, cases[i].col, "portable");
		ck_assert_ptr_nonnull(strstr(p->message, "backslash as the "
					     "file's last byte"));
		ck_assert_uint_eq(p->refused, cases[i].refused);
		zl_zone_free(z);
	}
	/* the record as NSD reads it */
	z = load("example.com.zone", "$TTL 3600\na CNAME b\\");
	ck_assert_str_eq(rr_at(z, "a.example.com.", LDNS_RR_TYPE_CNAME,
			       0)->rdf[0].v.dname->text, "b.example.com.");
	ck_assert_uint_eq(z->nprobs, 1);
	zl_zone_free(z);
	/* Knot DNS ignores the directive: no relative origin it refuses */
	z = load("example.com.zone", "$TTL 3600\n$ORIGIN b\\");
	ck_assert_uint_eq(prob(z, "relative $ORIGIN, which NSD refuses", 2, 9,
			       "portable")->refused, ZL_NOT_NSD);
	zl_zone_free(z);
	/* escaped, a backslash is data; alone, a field of its own */
	z = load("example.com.zone", "$TTL 3600\na TXT x\\\\");
	ck_assert_uint_eq(z->nprobs, 0);
	zl_zone_free(z);
	z = load("example.com.zone", "$TTL 3600\na TXT x \\");
	prob(z, "backslash alone as the file's last byte, a TXT string of "
	     "its own, which BIND and Knot DNS refuse (NSD reads an empty "
	     "string)", 2, 9, "syntax");
	zl_zone_free(z);
}
END_TEST

/* A '(' that the input ends inside, no field after its line: NSD reads
 * the line to the end of the file, BIND and Knot DNS refuse it (Knot DNS
 * ignores a directive the file ends on without a line break); read as NSD
 * reads it.  Where NSD refuses it too, it is an error. */
START_TEST(test_eof_open)
{
	static const struct {
		const char *last;
		unsigned refused;	/* 0: the error */
		const char *says;
		uint32_t col;
		size_t nprobs;
	} cases[] = {
		{ "a A 192.0.2.1 (\n", ZL_NOT_BIND | ZL_NOT_KNOT, "'(' never "
		  "closed, which BIND and Knot DNS refuse; NSD reads the record "
		  "to the end of the file: close it with ')'", 15, 1 },
		{ "a TXT ( \"x\" ; c\n\n  ; d\n", ZL_NOT_BIND | ZL_NOT_KNOT,
		  "NSD reads the record", 7, 1 },
		{ "$ORIGIN b.example.com. (\n", ZL_NOT_BIND | ZL_NOT_KNOT,
		  "NSD reads the directive to the end of the file", 24, 1 },
		/* and one more for the last line without a line break */
		{ "$TTL 300 (", ZL_NOT_BIND, "'(' never closed, which BIND "
		  "refuses; Knot DNS ignores the line without a word", 10, 2 },
		{ "a TXT ( x\nb A 192.0.2.1\n", 0, NULL, 7, 1 },
		{ "$INCLUDE f.inc (\n", 0, NULL, 16, 1 },
		{ "$GENERATE 1-2 h$ A 192.0.2.$ (\n", 0, NULL, 30, 1 },
		{ "( a A 192.0.2.1\n", 0, NULL, 1, 1 },
		{ "a TXT ( ( x\n", 0, NULL, 7, 2 },
		{ "( ; nothing\n", 0, NULL, 1, 1 },
	};
	char text[256];
	const struct zl_problem *p;
	struct zl_zone *z;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "$TTL 3600\n%s", cases[i].last);
		z = load("example.com.zone", text);
		if (cases[i].refused) {
			p = prob(z, cases[i].says, 2, cases[i].col, "portable");
			ck_assert_uint_eq(p->refused, cases[i].refused);
		} else {
			prob(z, "unbalanced '(': no closing ')' before end of "
			     "file", 2, cases[i].col, "syntax");
		}
		ck_assert_msg(z->nprobs == cases[i].nprobs, "%s: %zu problems",
			      cases[i].last, z->nprobs);
		zl_zone_free(z);
	}
	/* the record as NSD reads it, and the line after a '(' of an error */
	z = load("example.com.zone", "$TTL 3600\na A 192.0.2.1 (\n");
	rr_at(z, "a.example.com.", LDNS_RR_TYPE_A, 0);
	zl_zone_free(z);
	z = load("example.com.zone", "$TTL 3600\na TXT ( x\nb A 192.0.2.1\n");
	rr_at(z, "b.example.com.", LDNS_RR_TYPE_A, 0);
	zl_zone_free(z);
	/* a '(' alone, the file's first token */
	z = load("example.com.zone", "(");
	prob(z, "unbalanced '('", 1, 1, "syntax");
	zl_zone_free(z);
}
END_TEST

/* A \DDD of fewer than three digits, before another character or the
 * end: BIND and Knot DNS refuse it, NSD reads the digits as text; the
 * message says so, in a name, a string and an SVCB value. */
START_TEST(test_short_escapes)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "a\\2b A 192.0.2.1\n"
				 "b CNAME x\\25\n"
				 "c TXT \"x\\2\" y\\25z\n"
				 "d SVCB 1 . alpn=\"h\\2\"\n"
				 "$ORIGIN a\\25.\n");

	prob(z, "escape '\\2' of fewer than three digits in domain name "
	     "'a\\2b', which BIND and Knot DNS refuse (NSD reads the "
	     "characters '2'): write byte 2 as \\002", 2, 1, "syntax");
	prob(z, "escape '\\25' of fewer than three digits in domain name "
	     "'x\\25', which BIND and Knot DNS refuse (NSD reads the "
	     "characters '25'): write byte 25 as \\025", 3, 9, "syntax");
	prob(z, "escape '\\2' of fewer than three digits in TXT string "
	     "'x\\2', which BIND and Knot DNS refuse (NSD reads the "
	     "characters '2'): write byte 2 as \\002", 4, 7, "syntax");
	prob(z, "escape '\\2' of fewer than three digits in 'h\\2', which "
	     "BIND and Knot DNS refuse (NSD reads the characters '2')", 5, 12,
	     "syntax");
	prob(z, "escape '\\25' of fewer than three digits in domain name "
	     "'a\\25.'", 6, 9, "syntax");
	ck_assert_uint_eq(z->nprobs, 5);
	zl_zone_free(z);
}
END_TEST

/* A '(' never closed: the lines after it are read again, and note what
 * they hold once, the CR line break of the file too. */
START_TEST(test_unclosed_paren_notes)
{
	struct zl_zone *z = load("example.com.zone",
				 "$TTL 3600\n"
				 "@ SOA ns1 h 1 2 3 4 5\n"
				 "@ NS ns1\n"
				 "ns1 A 192.0.2.1\n"
				 "( x TXT \"a\"\n"
				 "y TXT \"a\"\"b\"\r\n");
	size_t i, after = 0, cr = 0;

	prob(z, "unbalanced '('", 5, 1, "syntax");
	for (i = 0; i < z->nprobs; i++) {
		after += strstr(z->probs[i].message, "right after") != NULL;
		cr += strstr(z->probs[i].message, "CR line break") != NULL;
		ck_assert_ptr_null(strstr(z->probs[i].message, "before the "
					  "owner"));
	}
	ck_assert_uint_eq(after, 1);
	ck_assert_uint_eq(cr, 1);
	zl_zone_free(z);
}
END_TEST

/* A CR on the input's last line, no line break after it: Knot DNS
 * ignores the line without a word where it holds a field, and what it
 * would refuse on it is no refusal of the zone; where no field is, it
 * reads the CR as a blank.  A CR before a line break it refuses. */
START_TEST(test_cr_last_line)
{
	static const char head[] = "$TTL 3600\n@ SOA ns1 h 1 2 3 4 5\n"
				   "@ NS ns1\nns1 A 192.0.2.1\n";
	static const char *const quiet[] = {
		"x A 192.0.2.2 ;c\r", "x TXT ( a\n\r)", "x TXT ( a\n)\r",
		"x A 192.0.2.2\n\r" };
	/* The last line, what is said of it, where, whether Knot DNS
	 * refuses it (ZL_NOT_KNOT) or not (0), and how many problems the
	 * zone has (0: not counted).  Its error recovery reads on
	 * to the end of that line, past a CR in a comment too: what it
	 * refuses there it does not report, but a '(' never closed, which
	 * it reports at the end of the input. */
	static const struct {
		const char *tail, *msg;
		uint32_t col;
		unsigned knot;
		size_t nprobs;
	} cases[] = {
		{ "x A 192.0.2.2\r", "CR in the file's last line", 14, 0, 1 },
		{ "x TXT \"a\rb\"", "Knot DNS, though, ignores this line", 9,
		  0, 0 },
		{ "x A 192.0.2.2\r\n", "CR line break", 14, ZL_NOT_KNOT, 0 },
		{ "x TXT \xe2\x99\xa5 ;c\r", "UTF-8 character", 7, 0, 0 },
		{ "x TXT (this ;\r", "'(' never closed", 7, ZL_NOT_KNOT, 0 },
		{ "x TXT (this\r", "'(' never closed", 7, 0, 0 },
	};
	char text[256];
	const struct zl_problem *p;
	struct zl_zone *z;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		snprintf(text, sizeof text, "%s%s", head, cases[i].tail);
		z = load("example.com.zone", text);
		p = prob(z, cases[i].msg, 5, cases[i].col, "portable");
		ck_assert_uint_eq(p->refused & ZL_NOT_KNOT, cases[i].knot);
		if (cases[i].nprobs)
			ck_assert_uint_eq(z->nprobs, cases[i].nprobs);
		zl_zone_free(z);
	}
	/* The SOA on that line: Knot DNS finds none, and refuses the zone;
	 * a file of CR line breaks alone is one such line to it. */
	z = load("example.com.zone", "$TTL 3600\r@ SOA ns1 h 1 2 3 4 5\r"
		 "@ NS ns1\rns1 A 192.0.2.1\r");
	p = prob(z, "CR line breaks alone", 1, 10, "portable");
	ck_assert_uint_eq(p->refused, 0);
	p = prob(z, "SOA record on the file's last line", 1, 13, "portable");
	ck_assert(p->refused & ZL_NOT_KNOT);
	ck_assert_uint_eq(z->nprobs, 2);
	zl_zone_free(z);
	for (i = 0; i < sizeof quiet / sizeof *quiet; i++) {
		snprintf(text, sizeof text, "%s%s", head, quiet[i]);
		z = load("example.com.zone", text);
		ck_assert_msg(z->nprobs == 0, "%s: %s", quiet[i],
			      z->nprobs ? z->probs[0].message : "");
		zl_zone_free(z);
	}
}
END_TEST

/* The NAPTR regexp field as BIND reads it; tests/server-config.sh holds
 * each against named itself. */
START_TEST(test_naptr_regexp)
{
#define FLAW(lit) zl_naptr_regexp_flaw((const uint8_t *)(lit), \
				       sizeof(lit) - 1)
	ck_assert_ptr_null(FLAW(""));
	ck_assert_ptr_null(FLAW("!^(.*)$!sip:\\1@example.net!i"));
	ck_assert_ptr_null(FLAW("!a\\!b!x!"));
	ck_assert_ptr_null(FLAW("!()|a{0,255}[]^-][[:alpha:]]!x!"));
	ck_assert_ptr_null(FLAW("!a)}{x!x!"));
	ck_assert_ptr_null(FLAW("!(a)\\1!x!"));
	ck_assert_ptr_nonnull(FLAW("\0a\0x\0"));
	ck_assert_ptr_nonnull(FLAW("ia!x!"));
	ck_assert_ptr_nonnull(FLAW("!a\0!x!"));
	ck_assert_ptr_nonnull(FLAW("!a!x\\"));
	ck_assert_ptr_nonnull(FLAW("!a!x!\\i"));
	ck_assert_ptr_nonnull(FLAW("!a!x"));
	ck_assert_ptr_nonnull(FLAW("!a!x!i!"));
	ck_assert_ptr_nonnull(FLAW("!!x!"));
	ck_assert_ptr_nonnull(FLAW("!a\\!x!"));
	ck_assert_ptr_nonnull(FLAW("!(a)!\\2!"));
	ck_assert_ptr_nonnull(FLAW("!(a)!\\0!"));
	ck_assert_ptr_nonnull(FLAW("!\\1(a)!x!"));
	ck_assert_ptr_nonnull(FLAW("!((a)!x!"));
	ck_assert_ptr_nonnull(FLAW("!a|!x!"));
	ck_assert_ptr_nonnull(FLAW("!?!x!"));
	ck_assert_ptr_nonnull(FLAW("!$+!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{1}*!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{256}!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{0,256}!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{3,2}!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{1a}!x!"));
	ck_assert_ptr_nonnull(FLAW("!a{1!x!"));
	ck_assert_ptr_nonnull(FLAW("![]!x!"));
	ck_assert_ptr_nonnull(FLAW("![b-a]!x!"));
	ck_assert_ptr_nonnull(FLAW("![a-b-c]!x!"));
	ck_assert_ptr_nonnull(FLAW("![[:word:]]!x!"));
	ck_assert_ptr_nonnull(FLAW("![[=a]!x!"));
	ck_assert_ptr_nonnull(FLAW("![a-[=b=]]!x!"));
	/* A collating element of one character ends a range as it. */
	ck_assert_ptr_null(FLAW("![a-[.b.]]!x!"));
	ck_assert_ptr_nonnull(FLAW("![[.b.]-a]!x!"));
#undef FLAW
}
END_TEST

Suite *load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *tc;

	tc = tcase_create("load_buffer");
	tcase_add_test(tc, test_origin);
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_txt_split);
	tcase_add_test(tc, test_old_wire);
	tcase_add_test(tc, test_old_wire_refused);
	tcase_add_test(tc, test_atma_dots);
	tcase_add_test(tc, test_nonterminals);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_refusal);
	tcase_add_test(tc, test_over_limit);
	tcase_add_test(tc, test_generic);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_names_raw);
	tcase_add_test(tc, test_short_escapes);
	tcase_add_test(tc, test_eof_backslash);
	tcase_add_test(tc, test_eof_open);
	tcase_add_test(tc, test_class);
	tcase_add_test(tc, test_placement);
	tcase_add_test(tc, test_rdata_forms);
	tcase_add_test(tc, test_a_like_inet_pton);
	tcase_add_test(tc, test_fields);
	tcase_add_test(tc, test_svcb);
	tcase_add_test(tc, test_naptr_regexp);
	suite_add_tcase(s, tc);
	tc = tcase_create("load_file");
	tcase_add_test(tc, test_load_file);
	tcase_add_test(tc, test_include_depth);
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_provider);
	tcase_add_test(tc, test_include_confined);
	suite_add_tcase(s, tc);
	tc = tcase_create("index");
	tcase_add_test(tc, test_index);
	tcase_add_test(tc, test_index_collisions);
	/* 4,096 colliding names: under a sanitizer on a busy machine this
	 * takes longer than Check's default of 4 s. */
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("generate");
	tcase_add_test(tc, test_generate);
	tcase_add_test(tc, test_generate_errors);
	tcase_add_test(tc, test_generate_once);
	suite_add_tcase(s, tc);
	tc = tcase_create("loc");
	tcase_add_test(tc, test_loc);
	tcase_add_test(tc, test_generic_bind_values);
	tcase_add_test(tc, test_loc_far_lines);
	tcase_add_test(tc, test_wide_tokens);
	tcase_add_test(tc, test_header_far);
	suite_add_tcase(s, tc);
	tc = tcase_create("problem");
	tcase_add_test(tc, test_problem);
	tcase_add_test(tc, test_field_named);
	tcase_add_test(tc, test_field_named_drafts);
	tcase_add_test(tc, test_class_slip);
	tcase_add_test(tc, test_foreign);
	tcase_add_test(tc, test_enc_reason);
	tcase_add_test(tc, test_nsd_escape);
	tcase_add_test(tc, test_string_line_break);
	tcase_add_test(tc, test_lone_zero);
	tcase_add_test(tc, test_bind_only_names);
	tcase_add_test(tc, test_unclosed_paren_notes);
	tcase_add_test(tc, test_cr_last_line);
	tcase_add_test(tc, test_quoted_header);
	tcase_add_test(tc, test_wks_unknown_protocol);
	tcase_add_test(tc, test_encoded_over_65535);
	tcase_add_test(tc, test_ttl_unitless_tail);
	suite_add_tcase(s, tc);
	return s;
}
