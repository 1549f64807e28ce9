/* test_spf.c - the RFC 7208 parser on its own, then the SPF primitives. */
#include <stdlib.h>
#include <string.h>

#include "spf.h"
#include "suites.h"
#include "testutil.h"
#include "util.h"
#include "zonelint.h"

/* Parses rec (a C string) into s. */
static void parse(struct zl_spf *s, const char *rec)
{
	zl_spf_parse(s, rec, strlen(rec));
}

/* Records that must parse without any error. */
static const char *const valid[] = {
	"v=spf1",
	"v=spf1 ",
	"v=spf1 -all",
	"V=SPF1 -ALL",
	"v=spf1   mx   -all   ",
	"v=spf1 mx include:_spf.google.com ~all",
	"v=spf1 +all",
	"v=spf1 ?all",
	"v=spf1 a mx ptr -all",
	"v=spf1 a:mail.example.com a:example.com. mx:example.org -all",
	"v=spf1 a/24 a//64 a/24//64 a/0//0 mx/32//128 -all",
	"v=spf1 a:example.com/24 mx:example.com//64 "
	"a:example.com/24//64 -all",
	"v=spf1 ptr:example.com ptr:%{d} -all",
	"v=spf1 ip4:192.0.2.1 ip4:192.0.2.0/24 ip4:0.0.0.0/0 "
	"ip4:255.255.255.255/32 -all",
	"v=spf1 ip6:2001:db8::1 ip6:2001:db8::/32 ip6:::/0 "
	"ip6:::ffff:192.0.2.1 ip6:2001:DB8:0:0:0:0:0:1/128 -all",
	"v=spf1 exists:%{i}._spf.example.com -all",
	"v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
	"v=spf1 include:%{d}",
	"v=spf1 exists:%{S}.%{L}.%{O}.%{D}.%{I}.%{P}.%{H}.%{V}.example.com",
	"v=spf1 exists:%{d2}.%{d127r}.%{ir.-+,/_=}.%{l2r}.example.com",
	"v=spf1 exists:%%.%_.%-.example.com",
	"v=spf1 redirect=_spf.example.com",
	"v=spf1 redirect=%{d}.example.com",
	"v=spf1 include:example.com exp=explain._spf.%{d}",
	"v=spf1 -all exp=%{ir}.example.com",
	"v=spf1 -all foo=bar x-y.z_w=%{d} empty= opt=%{l}",
	"v=spf1 include:a-b.example -all",
	"v=spf1 include:example.123-456 -all",
	"v=spf1 include:xn--bcher-kva.example -all",
	"v=spf1 -include:bad.example ~mx ?a +ip4:192.0.2.1 -all",
	"v=spf1 INCLUDE:Example.COM Redirect=Example.NET",
	"v=spf1 a:_spf.example.com. -all",
	/* a domain-spec may hold '/' and ':' (macro-literal, §7.1): only the
	 * end of a and mx terms is a dual-cidr-length */
	"v=spf1 a:foo:bar/baz.example.com mx:foo:bar/baz.example.com",
	"v=spf1 a:foo/bar.example.com/24 mx:a/b.example.com//64 "
	"a:x/y.example.com/24//64 -all",
	"v=spf1 -mx:%%%_/.Clara.de/27 mx:%{d}/24 -all",
	"v=spf1 exists:%{i}.%{s1}.100/86400.rate.%{d} -all",
	"v=spf1 include:a/b.example.com ptr:c/d.example.com -all",
	/* unknown modifiers are valid, even named like a mechanism (§6) */
	"v=spf1 include=example.com mx=example.com ip4=192.0.2.1 -all",
	"v=spf1 a -all v=spf1 mx -all",
	"v=spf1 -all default=deny",
	/* RFC 7208 Appendix A and D */
	"v=spf1 +all",
	"v=spf1 a -all",
	"v=spf1 a:example.org -all",
	"v=spf1 mx mx:example.org -all",
	"v=spf1 mx/30 mx:example.org/30 -all",
	"v=spf1 ptr -all",
	"v=spf1 ip4:192.0.2.128/28 -all",
	"v=spf1 include:example.com include:example.net -all",
	"v=spf1 redirect=example.org",
	"v=spf1 mx -all exp=explain._spf.%{d}",
	"v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all",
	"v=spf1 -ip4:192.0.2.0/24 +all",
	"v=spf1 exists:%{l1r+}.%{d}",
	"v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
	"v=spf1 mx:example.com ip4:192.0.2.0/24 ip6:2001:db8::/32 "
	"include:%{l1r+}._spf.example.org ~all",
};

START_TEST(test_parse_valid)
{
	struct zl_spf s;
	size_t i;

	for (i = 0; i < sizeof valid / sizeof valid[0]; i++) {
		parse(&s, valid[i]);
		ck_assert_msg(s.nerrs == 0, "'%s': %s", valid[i],
			      s.nerrs ? s.errs[0].msg : "");
		zl_spf_free(&s);
	}
}
END_TEST

/* A record with exactly one error at [off, off + len) whose message holds
 * needle. */
struct bad {
	const char *rec;
	uint32_t off, len;
	const char *needle;	/* NULL: the record is valid after all */
};

#define A16 "aaaaaaaaaaaaaaaa"

static const struct bad bad[] = {
	/* version */
	{ "v=spf1-all", 0, 10, "not an SPF version" },
	{ "v=spf2 -all", 0, 6, "'v=spf2'" },
	/* term shape */
	{ "v=spf1 foo -all", 7, 3, "unknown mechanism 'foo'" },
	{ "v=spf1 inclde:example.com", 7, 6, "unknown mechanism" },
	{ "v=spf1 ++all", 7, 5, "does not start with a mechanism" },
	{ "v=spf1 =x", 7, 2, "does not start" },
	{ "v=spf1 :x", 7, 2, "does not start" },
	{ "v=spf1 1a=b", 7, 4, "does not start" },
	{ "v=spf1 mx\t-all", 9, 1, "invalid character '\\009'" },
	{ "v=spf1 a:\xc3\xa9.example", 9, 2, "invalid character '\xc3\xa9'" },
	{ "v=spf1 a:\xc3.example", 9, 1, "invalid character" },
	/* all */
	{ "v=spf1 all:example.com", 10, 12, "'all' takes no argument" },
	{ "v=spf1 -all/24", 11, 3, "takes no argument" },
	/* include, exists */
	{ "v=spf1 include", 7, 7, "'include' needs ':'" },
	{ "v=spf1 include:", 7, 8, "needs a domain" },
	{ "v=spf1 exists", 7, 6, "'exists' needs ':'" },
	{ "v=spf1 include:example.com/24", 26, 3, "takes no CIDR" },
	{ "v=spf1 exists:a/b.example.com/24//64", 29, 7, "takes no CIDR" },
	{ "v=spf1 include-example.com", 7, 19, "unknown mechanism" },
	{ "v=spf1 include;example.com", 14, 12, "unexpected ';example.com'" },
	/* domains */
	{ "v=spf1 include:localhost", 15, 9, "not fully qualified" },
	{ "v=spf1 a:example.123", 17, 3, "top-level label '123'" },
	{ "v=spf1 a:example.-com", 17, 4, "top-level label" },
	{ "v=spf1 a:example.com-", 17, 4, "top-level label" },
	{ "v=spf1 a:example.c_m", 17, 3, "top-level label" },
	{ "v=spf1 include:a..example.com", 15, 14, "empty label" },
	{ "v=spf1 include:.example.com", 15, 12, "empty label" },
	{ "v=spf1 include:example.com..", 15, 13, "empty label" },
	{ "v=spf1 a:192.0.2.1", 9, 9, "use 'ip4:192.0.2.1'" },
	{ "v=spf1 a:2001:db8::1", 9, 11, "use 'ip6:2001:db8::1'" },
	{ "v=spf1 include:%{d}.", 15, 5, "must end in a macro" },
	{ "v=spf1 include:%{d}com", 15, 7, "must end in a macro" },
	{ "v=spf1 a:" A16 A16 A16 A16 ".com", 9, 64, "longer than 63" },
	{ "v=spf1 a:" A16 A16 A16 "aaaaaaaaaaaaaaa.com", 0, 0, NULL },
	/* macros */
	{ "v=spf1 exists:%{x}.example.com", 14, 4, "unknown macro letter" },
	{ "v=spf1 exists:%{}.example.com", 14, 3, "unknown macro letter" },
	{ "v=spf1 exists:%{d", 14, 3, "unterminated macro" },
	{ "v=spf1 exists:%{d.example.com", 14, 15, "missing '}'" },
	{ "v=spf1 exists:%(d).example.com", 14, 2, "'%(' is not a macro" },
	{ "v=spf1 exists:%d.example.com", 14, 2, "'%d' is not a macro" },
	{ "v=spf1 exists:example.com%", 25, 1, "'%' at the end" },
	{ "v=spf1 exists:%{d0}.example.com", 14, 5, "nonzero" },
	{ "v=spf1 exists:%{d00r}.example.com", 14, 7, "nonzero" },
	{ "v=spf1 exists:%{d2x}.example.com", 18, 1, "invalid character 'x'" },
	{ "v=spf1 exists:%{dr2}.example.com", 18, 1, "invalid character '2'" },
	{ "v=spf1 exists:%{d;}.example.com", 17, 1, "invalid character ';'" },
	{ "v=spf1 exists:%{c}.example.com", 14, 4, "only in the explanation" },
	{ "v=spf1 a:%{r}.example.com", 9, 4, "only in the explanation" },
	{ "v=spf1 redirect=%{t}.example.com", 16, 4, "only in the" },
	/* exp= names the explanation; its own domain-spec is no
	 * explanation text, nor is an unknown modifier's value (§7.1) */
	{ "v=spf1 -all exp=%{r}.example.com", 16, 4, "only in the" },
	{ "v=spf1 -all exp=x.%{C}.example.com", 18, 4, "only in the" },
	{ "v=spf1 -all foo=%{t}", 16, 4, "only in the" },
	{ "v=spf1 -all foo=%{x}", 16, 4, "unknown macro letter" },
	{ "v=spf1 -all foo=50%", 18, 1, "'%' at the end" },
	/* ip4 / ip6 */
	{ "v=spf1 ip4", 7, 3, "'ip4' needs ':' and a network" },
	{ "v=spf1 ip4:", 7, 4, "needs an address" },
	{ "v=spf1 ip6:", 7, 4, "needs an address" },
	{ "v=spf1 ip4:192.0.2", 11, 7, "invalid IPv4 address '192.0.2'" },
	{ "v=spf1 ip4:192.0.2.256", 11, 11, "invalid IPv4" },
	{ "v=spf1 ip4:192.0.02.1", 11, 10, "invalid IPv4" },
	{ "v=spf1 ip4:192.0.2.1.", 11, 10, "invalid IPv4" },
	{ "v=spf1 ip4:mail.example.com", 11, 16, "invalid IPv4" },
	{ "v=spf1 ip4:2001:db8::1", 11, 11, "is an IPv6 address" },
	{ "v=spf1 ip6:192.0.2.1", 11, 9, "is an IPv4 address" },
	{ "v=spf1 ip6:2001:db8:::1", 11, 12, "invalid IPv6" },
	{ "v=spf1 ip6:2001:db8::g", 11, 11, "invalid IPv6" },
	{ "v=spf1 ip4 -all", 7, 3, "needs ':'" },
	{ "v=spf1 192.0.2.1 -all", 7, 9, "write 'ip4:192.0.2.1'" },
	{ "v=spf1 192.0.2.0/24", 7, 12, "write 'ip4:192.0.2.0/24'" },
	{ "v=spf1 2001:db8::/32", 7, 13, "write 'ip6:2001:db8::/32'" },
	/* CIDR lengths */
	{ "v=spf1 ip4:192.0.2.0/33", 20, 3, "out of range" },
	{ "v=spf1 ip4:192.0.2.0/99999", 20, 6, "at most /32" },
	{ "v=spf1 ip6:2001:db8::/129", 21, 4, "at most /128" },
	{ "v=spf1 ip4:192.0.2.0/", 20, 1, "invalid CIDR length '/'" },
	{ "v=spf1 ip4:192.0.2.0/024", 20, 4, "leading zero" },
	{ "v=spf1 ip4:192.0.2.0//24", 20, 4, "invalid CIDR" },
	{ "v=spf1 ip6:2001:db8::/32//64", 24, 4, "invalid CIDR" },
	{ "v=spf1 ip4:192.0.2.0/24x", 23, 1, "invalid CIDR" },
	{ "v=spf1 ip4:192.0.2.0/28include:_spf.example.com", 23, 24,
	  "'/28include:_spf.example.com'" },
	{ "v=spf1 a/33", 8, 3, "at most /32" },
	{ "v=spf1 a//129", 9, 4, "at most /128" },
	{ "v=spf1 a/24/64", 11, 3, "written '//n'" },
	{ "v=spf1 mx/", 9, 1, "invalid CIDR" },
	{ "v=spf1 mx:example.com/24/", 24, 1, "written '//n'" },
	{ "v=spf1 mx:example.com///64", 22, 4, "invalid CIDR" },
	{ "v=spf1 a:a/b.example.com/33", 24, 3, "at most /32" },
	{ "v=spf1 a:a/b.example.com/24/64", 27, 3, "written '//n'" },
	{ "v=spf1 a:foo/bar", 9, 7, "not fully qualified" },
	{ "v=spf1 ptr/24", 10, 3, "expected ':'" },
	{ "v=spf1 a;example.com", 8, 12, "expected ':' or '/'" },
	/* modifiers */
	{ "v=spf1 redirect=", 7, 9, "needs a domain" },
	{ "v=spf1 exp=", 7, 4, "needs a domain" },
	{ "v=spf1 redirect:example.com", 7, 9, "'redirect' is a modifier" },
	{ "v=spf1 -all exp:example.com", 12, 4, "'exp' is a modifier" },
	{ "v=spf1 redirect", 7, 8, "is a modifier" },
	{ "v=spf1 redirect=a.example redirect=b.example", 26, 18,
	  "duplicate 'redirect'" },
	{ "v=spf1 exp=a.example exp=b.example -all", 21, 13,
	  "duplicate 'exp'" },
	{ "v=spf1 -redirect=a.example", 7, 1, "takes no qualifier" },
	{ "v=spf1 ~foo=bar", 7, 1, "takes no qualifier" },
	{ "v=spf1 redirect=localhost", 16, 9, "not fully qualified" },
	{ "v=spf1 mx=%{x}", 10, 4, "unknown macro letter" },
	/* a quoted value that starts with "::" is shown as written: inside
	 * a message it never starts a line (mail-auth's parse_ip6 cases) */
	{ "v=spf1 ip6:::0:0:0:0:0:0:0:0", 11, 17,
	  "invalid IPv6 address '::0:0:0:0:0:0:0:0'" },
};

START_TEST(test_parse_errors)
{
	struct zl_spf s;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const struct bad *b = &bad[i];

		parse(&s, b->rec);
		if (!b->needle) {
			ck_assert_msg(s.nerrs == 0, "'%s': %s", b->rec,
				      s.nerrs ? s.errs[0].msg : "");
			zl_spf_free(&s);
			continue;
		}
		ck_assert_msg(s.nerrs == 1, "'%s': %zu errors", b->rec,
			      s.nerrs);
		ck_assert_msg(s.errs[0].at.off == b->off &&
			      s.errs[0].at.len == b->len,
			      "'%s': error at [%u,+%u), want [%u,+%u): %s",
			      b->rec, s.errs[0].at.off, s.errs[0].at.len,
			      b->off, b->len, s.errs[0].msg);
		ck_assert_msg(strstr(s.errs[0].msg, b->needle) != NULL,
			      "'%s': message '%s' lacks '%s'", b->rec,
			      s.errs[0].msg, b->needle);
		zl_spf_free(&s);
	}
}
END_TEST

/* Messages follow the house style: lowercase start, no final period,
 * no raw control bytes. */
START_TEST(test_error_style)
{
	struct zl_spf s;
	size_t i, k, n;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse(&s, bad[i].rec);
		for (k = 0; k < s.nerrs; k++) {
			const char *m = s.errs[k].msg;

			n = strlen(m);
			ck_assert_msg(n > 0 && !(m[0] >= 'A' && m[0] <= 'Z'),
				      "'%s'", m);
			ck_assert_msg(m[n - 1] != '.', "'%s'", m);
			for (; *m; m++)
				ck_assert_int_ge((unsigned char)*m, 0x20);
		}
		zl_spf_free(&s);
	}
}
END_TEST

START_TEST(test_is_record)
{
	ck_assert(zl_spf_is_record("v=spf1", 6));
	ck_assert(zl_spf_is_record("v=spf1 -all", 11));
	ck_assert(zl_spf_is_record("V=Spf1 -all", 11));
	ck_assert(!zl_spf_is_record("v=spf1-all", 10));
	ck_assert(!zl_spf_is_record("v=spf10 -all", 12));
	ck_assert(!zl_spf_is_record(" v=spf1 -all", 12));
	ck_assert(!zl_spf_is_record("v=spf", 5));
	ck_assert(!zl_spf_is_record("v=DMARC1; p=none", 16));
	ck_assert(!zl_spf_is_record("spf2.0/pra -all", 15));
	ck_assert(!zl_spf_is_record("", 0));
	/* only len bytes are read */
	ck_assert(zl_spf_is_record("v=spf1x", 6));
}
END_TEST

START_TEST(test_terms)
{
	struct zl_spf s;
	const struct zl_spf_term *t;

	parse(&s, "v=spf1  -ip4:192.0.2.0/24 ~MX:mail.example.com/28//64 "
		  "include:_spf.example.com ?a exp=x.example.com "
		  "foo=bar%{d} -all");
	ck_assert_uint_eq(s.nerrs, 0);
	ck_assert_uint_eq(s.nterms, 7);
	t = &s.terms[0];
	ck_assert_int_eq(t->kind, ZL_SPF_IP4);
	ck_assert_int_eq(t->qualifier, '-');
	ck_assert(t->explicit_qualifier);
	ck_assert_uint_eq(t->text.off, 8);
	ck_assert_uint_eq(t->text.len, 17);
	ck_assert_uint_eq(t->name.off, 9);
	ck_assert_uint_eq(t->name.len, 3);
	ck_assert_uint_eq(t->value.off, 13);
	ck_assert_uint_eq(t->value.len, 9);
	ck_assert_int_eq(t->cidr4, 24);
	ck_assert_uint_eq(t->cidr.off, 22);
	ck_assert_uint_eq(t->cidr.len, 3);
	ck_assert_uint_eq(t->addr[0], 192);
	ck_assert_uint_eq(t->addr[2], 2);
	t = &s.terms[1];
	ck_assert_int_eq(t->kind, ZL_SPF_MX);
	ck_assert_int_eq(t->qualifier, '~');
	ck_assert_uint_eq(t->value.off, 30);
	ck_assert_uint_eq(t->value.len, 16);
	ck_assert_int_eq(t->cidr4, 28);
	ck_assert_int_eq(t->cidr6, 64);
	t = &s.terms[2];
	ck_assert_int_eq(t->kind, ZL_SPF_INCLUDE);
	ck_assert_int_eq(t->qualifier, '+');
	ck_assert(!t->explicit_qualifier);
	ck_assert_int_eq(s.terms[3].kind, ZL_SPF_A);
	ck_assert_int_eq(s.terms[3].qualifier, '?');
	ck_assert_int_eq(s.terms[4].kind, ZL_SPF_EXP);
	t = &s.terms[5];
	ck_assert_int_eq(t->kind, ZL_SPF_UNKNOWN_MOD);
	ck_assert(t->has_macro);
	ck_assert_uint_eq(t->value.len, 7);
	ck_assert_int_eq(s.terms[6].kind, ZL_SPF_ALL);
	ck_assert_int_eq(s.all, 6);
	ck_assert_int_eq(s.exp, 4);
	ck_assert_int_eq(s.redirect, -1);
	zl_spf_free(&s);
}
END_TEST

/* A '/' inside a domain-spec is part of the domain; only the end of an a
 * or mx term is its dual-cidr-length (RFC 7208 §5.6, §7.1). */
START_TEST(test_domain_slash)
{
	const char *rec = "v=spf1 a:foo:bar/baz.example.com/24//64 "
			  "mx:%%%_/.Clara.de/27 a:x/y.example.com";
	struct zl_spf s;
	char buf[64];

	parse(&s, rec);
	ck_assert_uint_eq(s.nerrs, 0);
	ck_assert_uint_eq(s.terms[0].value.off, 9);
	ck_assert_uint_eq(s.terms[0].value.len, 23);
	ck_assert_int_eq(s.terms[0].cidr4, 24);
	ck_assert_int_eq(s.terms[0].cidr6, 64);
	ck_assert_uint_eq(s.terms[0].cidr.off, 32);
	ck_assert(zl_spf_domain(rec, &s.terms[0], buf, sizeof buf));
	ck_assert_str_eq(buf, "foo:bar/baz.example.com.");
	ck_assert_uint_eq(s.terms[1].value.len, 14);
	ck_assert_int_eq(s.terms[1].cidr4, 27);
	ck_assert_int_eq(s.terms[2].cidr4, -1);
	ck_assert(zl_spf_domain(rec, &s.terms[2], buf, sizeof buf));
	ck_assert_str_eq(buf, "x/y.example.com.");
	zl_spf_free(&s);
}
END_TEST

/* Unknown modifiers named like a mechanism, and a second v=spf1, are
 * valid (§6) but flagged as likely typos; other unknown modifiers not. */
START_TEST(test_modifier_typo)
{
	struct zl_spf s;

	parse(&s, "v=spf1 mx=example.com INCLUDE=x.example a=b.example "
		  "V=spf1 foo=bar v=spf2 redirect=r.example");
	ck_assert_uint_eq(s.nerrs, 0);
	ck_assert_int_eq(s.terms[0].kind, ZL_SPF_UNKNOWN_MOD);
	ck_assert(s.terms[0].typo && s.terms[1].typo && s.terms[2].typo);
	ck_assert(s.terms[3].typo);
	ck_assert(!s.terms[4].typo && !s.terms[5].typo && !s.terms[6].typo);
	ck_assert_uint_eq(s.lookups, 1);	/* only the redirect */
	zl_spf_free(&s);
}
END_TEST

START_TEST(test_ip6_and_host_bits)
{
	struct zl_spf s;

	parse(&s, "v=spf1 ip4:192.0.2.77/24 ip4:192.0.2.0/24 ip4:192.0.2.77 "
		  "ip6:2001:db8::1/64 ip6:2001:db8::/32 ip4:10.0.0.1/0 "
		  "ip6:2001:db8:8000::/33 ip6:2001:db8:8000::/32");
	ck_assert_uint_eq(s.nerrs, 0);
	ck_assert(s.terms[0].host_bits);
	ck_assert(!s.terms[1].host_bits);
	ck_assert(!s.terms[2].host_bits);
	ck_assert_int_eq(s.terms[2].cidr4, -1);
	ck_assert(s.terms[3].host_bits);
	ck_assert_int_eq(s.terms[3].cidr6, 64);
	ck_assert_uint_eq(s.terms[3].addr[15], 1);
	ck_assert(!s.terms[4].host_bits);
	ck_assert(s.terms[5].host_bits);
	ck_assert(!s.terms[6].host_bits);
	ck_assert(s.terms[7].host_bits);
	zl_spf_free(&s);
}
END_TEST

START_TEST(test_lookups)
{
	struct zl_spf s;

	parse(&s, "v=spf1 include:a.example a mx ptr exists:%{i}.x.example "
		  "ip4:192.0.2.1 -all");
	ck_assert_uint_eq(s.lookups, 5);
	ck_assert_uint_eq(s.mechs_after_all, 0);
	zl_spf_free(&s);
	/* redirect counts only without `all` (RFC 7208 §6.1) */
	parse(&s, "v=spf1 mx redirect=b.example");
	ck_assert_uint_eq(s.lookups, 2);
	ck_assert_int_eq(s.redirect, 1);
	zl_spf_free(&s);
	parse(&s, "v=spf1 mx -all redirect=b.example");
	ck_assert_uint_eq(s.lookups, 1);
	ck_assert_uint_eq(s.mechs_after_all, 0);
	zl_spf_free(&s);
	/* mechanisms after `all` are never evaluated (§5.1) */
	parse(&s, "v=spf1 a ~all include:x.example mx exp=e.example");
	ck_assert_uint_eq(s.lookups, 1);
	ck_assert_uint_eq(s.mechs_after_all, 2);
	ck_assert_int_eq(s.all, 1);
	zl_spf_free(&s);
	/* exp and unknown modifiers do not count; bad terms do not either */
	parse(&s, "v=spf1 exp=e.example foo=x.example include:localhost");
	ck_assert_uint_eq(s.lookups, 0);
	ck_assert_uint_eq(s.nerrs, 1);
	zl_spf_free(&s);
	ck_assert(zl_spf_kind_queries(ZL_SPF_REDIRECT));
	ck_assert(!zl_spf_kind_queries(ZL_SPF_EXP));
	ck_assert(!zl_spf_kind_queries(ZL_SPF_IP6));
}
END_TEST

START_TEST(test_domain)
{
	const char *rec = "v=spf1 include:_SPF.Example.COM a:b.example. "
			  "a exists:%{d}.x.example ip4:192.0.2.1 redirect=R.example";
	struct zl_spf s;
	char buf[64];

	parse(&s, rec);
	ck_assert_uint_eq(s.nerrs, 0);
	ck_assert(zl_spf_domain(rec, &s.terms[0], buf, sizeof buf));
	ck_assert_str_eq(buf, "_spf.example.com.");
	ck_assert(zl_spf_domain(rec, &s.terms[1], buf, sizeof buf));
	ck_assert_str_eq(buf, "b.example.");
	ck_assert(!zl_spf_domain(rec, &s.terms[2], buf, sizeof buf));
	ck_assert(!zl_spf_domain(rec, &s.terms[3], buf, sizeof buf));
	ck_assert(!zl_spf_domain(rec, &s.terms[4], buf, sizeof buf));
	ck_assert(zl_spf_domain(rec, &s.terms[5], buf, sizeof buf));
	ck_assert_str_eq(buf, "r.example.");
	ck_assert(!zl_spf_domain(rec, &s.terms[0], buf, 17));
	ck_assert(zl_spf_domain(rec, &s.terms[0], buf, 18));
	ck_assert_str_eq(zl_spf_kind_str(ZL_SPF_INCLUDE), "include");
	ck_assert_str_eq(zl_spf_kind_str(ZL_SPF_BAD), "?");
	zl_spf_free(&s);
	zl_spf_free(NULL);
}
END_TEST

/* Several errors in one record come in record order, one per term. */
START_TEST(test_many_errors)
{
	struct zl_spf s;

	parse(&s, "v=spf1 foo ip4:1.2.3 a/40 include -all redirect=x "
		  "%{d} exp=a.example exp=b.example");
	ck_assert_uint_eq(s.nerrs, 7);
	ck_assert_uint_eq(s.errs[0].at.off, 7);
	ck_assert_uint_eq(s.errs[1].at.off, 15);
	ck_assert_uint_eq(s.errs[2].at.off, 22);
	ck_assert_uint_eq(s.errs[3].at.off, 26);
	ck_assert_uint_eq(s.errs[4].at.off, 48);
	ck_assert_uint_eq(s.errs[5].at.off, 50);
	ck_assert_uint_eq(s.errs[6].at.off, 69);
	ck_assert(s.terms[0].bad && s.terms[1].bad && !s.terms[4].bad);
	zl_spf_free(&s);
}
END_TEST

/* Untrusted text: long, binary and degenerate records stay in bounds. */
START_TEST(test_hostile)
{
	struct zl_spf s;
	char *big = malloc(70000);
	size_t i;

	memcpy(big, "v=spf1 ", 7);
	for (i = 7; i < 69999; i++)
		big[i] = (i % 7 == 0) ? ' ' : "a%{}/:="[i % 7];
	zl_spf_parse(&s, big, 69999);
	ck_assert_uint_gt(s.nerrs, 0);
	zl_spf_free(&s);
	memset(big + 7, '%', 1000);
	zl_spf_parse(&s, big, 1007);
	ck_assert_uint_eq(s.nerrs, 1);
	ck_assert_ptr_nonnull(strstr(s.errs[0].msg, "..."));
	zl_spf_free(&s);
	memcpy(big, "v=spf1 a:\0\001\033[31m", 16);
	zl_spf_parse(&s, big, 16);
	ck_assert_uint_eq(s.nerrs, 1);
	ck_assert_ptr_nonnull(strstr(s.errs[0].msg, "\\000"));
	zl_spf_free(&s);
	free(big);
}
END_TEST

/* ---- the primitives, on small zones ---- */

#define HEAD TU_HEAD

static bool has(const struct zl_diags *d, size_t i, const char *needle)
{
	return d->n > i && strstr(d->v[i].message, needle) != NULL;
}

/* A value that starts with "::" keeps its colons inside a message or help:
 * only a value that heads one, where a line may start, has its first ':'
 * escaped (docs/limits.md). */
START_TEST(test_check_value_with_colons)
{
	struct zl_diags d;

	tu_lint(HEAD "a IN TXT \"v=spf1 ip6:::1/64 -all\"\n", "SPF013", &d);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_msg(has(&d, 0, "it means '::/64'"), "%s", d.v[0].message);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_syntax)
{
	struct zl_diags d;

	tu_lint(HEAD
	     "a IN TXT \"v=spf1 \\105nclude:c ip4:192.0.2.1 -all\"\n"	/* 6 */
	     "b IN TXT ( \"v=spf1 ip4:192.0.2.0/28\"\n"
	     "\t\"include:_spf.example.net -all\" )\n"			/* 8 */
	     "c IN TXT v=spf1 -all\n"					/* 9 */
	     "d IN TXT \"v=spf1 mx -all\"\n"
	     "e IN TXT \"hello world\"\n"
	     "f IN SPF \"v=spf1 bogus\"\n", "SPF001", &d);
	ck_assert_uint_eq(d.n, 3);
	/* 'c' after the \105 escape: column 29, one byte */
	tu_at(&d, 0, "SPF001", 6, 29, 6, 30);
	ck_assert(has(&d, 0, "'c'"));
	/* the junk after /28 starts on the next line, in the next string */
	tu_at(&d, 1, "SPF001", 8, 3, 8, 27);
	ck_assert(has(&d, 1, "the strings 'v=spf1 ip4:192.0.2.0/28' and "
		      "'include:_spf.example.net...' join into one term"));
	/* unquoted: "v=spf1" "-all" join into "v=spf1-all" */
	tu_at(&d, 2, "SPF001", 9, 10, 9, 21);
	ck_assert(has(&d, 2, "'v=spf1-all'"));
	ck_assert_ptr_nonnull(strstr(d.v[2].help, "space"));
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_ERROR);
	zl_diags_free(&d);
}
END_TEST

/* A domain over 253 bytes is no syntax error: receivers drop labels from
 * its left until it fits (RFC 7208 §7.3), and the help says so rather
 * than permerror; a label over 63 bytes keeps the permerror help. */
START_TEST(test_check_long_domain_help)
{
	struct zl_diags d;

	tu_lint(HEAD
	     "a IN TXT ( \"v=spf1 a:" A16 "." A16 "." A16 "." A16 "."
	     A16 "." A16 "." A16 "." A16 "." A16 "." A16 "\"\n"
	     "\t\"." A16 "." A16 "." A16 "." A16 "." A16 ".com -all\" )\n"
	     "b IN TXT \"v=spf1 a:" A16 A16 A16 A16 ".com -all\"\n",
	     "SPF001", &d);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(has(&d, 0, "longer than 253 bytes"));
	ck_assert_ptr_nonnull(strstr(d.v[0].help, "RFC 7208 §7.3"));
	ck_assert_ptr_null(strstr(d.v[0].help, "permerror"));
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_ERROR);
	ck_assert(has(&d, 1, "longer than 63 bytes"));
	ck_assert_ptr_nonnull(strstr(d.v[1].help, "permerror"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_joined_terms)
{
	struct zl_diags d;

	tu_lint(HEAD
	     "a IN TXT \"v=spf1 include:a.example.net\" \"include:b.example.net -all\"\n"
	     "b IN TXT \"v=spf1 include:_spf.exa\" \"mple.net -all\"\n"
	     "c IN TXT \"v=spf1 a\" \"mx -all\"\n", "SPF017", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF017", 6, 18, 6, 63);
	ck_assert(has(&d, 0, "'include:a.example.netinclude:b.example.net'"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_multiple)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN TXT \"v=spf1 mx -all\"\n"
	     "@ IN TXT \"other\"\n"
	     "@ IN TXT \"v=spf1 a -all\"\n"
	     "x IN TXT \"v=spf1 -all\"\n"
	     /* receivers read TXT only (RFC 7208 §4.4): type 99 records
	      * are never a second policy, beside TXT or not */
	     "x IN SPF \"v=spf1 -all\"\n"			/* 10 */
	     "y IN SPF \"v=spf1 a -all\"\n"
	     "y IN SPF \"v=spf1 mx -all\"\n", "SPF002", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF002", 8, 11, 8, 17);
	ck_assert_uint_eq(d.v[0].nnotes, 1);
	ck_assert_uint_eq(d.v[0].notes[0].loc.line, 6);
	zl_diags_free(&d);
}
END_TEST

/* Type 99 is reported only where no TXT record carries the policy, as
 * named-checkzone does. */
START_TEST(test_check_obsolete_type)
{
	struct zl_diags d;

	tu_lint(HEAD "@ IN TXT \"v=spf1 -all\"\n"
	     "@ IN SPF \"v=spf1 -all\"\n"
	     "b IN SPF \"v=spf1 -all\"\n"
	     "c IN TXT \"v=spf1 mx -all\"\n"
	     "c IN SPF \"v=spf1 a -all\"\n"
	     "e IN TXT \"not spf\"\n"
	     "e IN SPF \"v=spf1 a -all\"\n", "SPF003", &d);	/* 12 */
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF003", 8, 6, 8, 9);
	tu_at(&d, 1, "SPF003", 12, 6, 12, 9);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_WARNING);
	zl_diags_free(&d);
}
END_TEST

/* Text that receivers do not take for SPF because whitespace comes
 * before "v=spf1" (RFC 7208 §4.5). */
START_TEST(test_check_leading_space)
{
	struct zl_diags d;

	tu_lint(HEAD "a IN TXT \" v=spf1 -all\"\n"
	     "b IN TXT \"\\009V=SPF1 mx -all\"\n"
	     "c IN TXT \" \" \"v=spf1 -all\"\n"
	     "d IN TXT \" hello v=spf1\"\n"
	     "e IN TXT \"v=spf1 -all \"\n", "SPF001", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "SPF001", 6, 11, 6, 18);
	ck_assert(has(&d, 0, "whitespace before 'v=spf1'"));
	tu_at(&d, 1, "SPF001", 7, 11, 7, 21);
	tu_at(&d, 2, "SPF001", 8, 11, 8, 21);
	zl_diags_free(&d);
}
END_TEST

/* Modifiers named like a mechanism are valid and ignored (§6): a warning
 * with a fix-it, not a syntax error. */
START_TEST(test_check_modifier_typo)
{
	struct zl_diags d;

	tu_lint(HEAD "a IN TXT \"v=spf1 include=_spf.example.net -all\"\n"
	     "b IN TXT \"v=spf1 ip4:192.0.2.1 -all v=spf1 mx -all\"\n"
	     "c IN TXT \"v=spf1 all=x foo=bar -all\"\n",
	     "SPF001,SPF019", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "SPF019", 6, 18, 6, 42);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_WARNING);
	ck_assert_str_eq(d.v[0].fixit, "include:_spf.example.net");
	tu_at(&d, 1, "SPF019", 7, 37, 7, 43);
	ck_assert(has(&d, 1, "second 'v=spf1'"));
	ck_assert_ptr_null(d.v[1].fixit);
	tu_at(&d, 2, "SPF019", 8, 18, 8, 23);
	ck_assert_ptr_null(d.v[2].fixit);
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_lookups)
{
	struct zl_diags d;

	tu_lint(HEAD
	     "@ IN TXT ( \"v=spf1 mx a include:_spf.google.com "
	     "include:s1.example.com\"\n"				/* 6 */
	     "\t\" include:s2.example.com include:x.example.net -all\" )\n"
	     "s1 IN TXT \"v=spf1 a:h1.example.com a:h2.example.com "
	     "a:h3.example.com -all\"\n"
	     "s2 IN TXT \"v=spf1 include:s3.example.com -all\"\n"
	     "s3 IN TXT \"v=spf1 a -all\"\n"				/* 10 */
	     "r IN TXT \"v=spf1 redirect=example.com\"\n"
	     "ok IN TXT \"v=spf1 include:s1.example.com "
	     "include:s2.example.com -all\"\n", "SPF004", &d);
	/* @: mx 1, a 1, google 1+3, s1 1+3 = 10, s2 1+2 -> 13, x 1 -> 14
	 * (at least: x is not in known-costs) */
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF004", 7, 4, 7, 26);
	ck_assert(has(&d, 0, "needs at least 14 DNS lookups"));
	ck_assert(has(&d, 0, "'include:_spf.google.com' 4"));
	ck_assert(has(&d, 0, "'include:s2.example.com' 3"));
	ck_assert(has(&d, 0, "'include:x.example.net' at least 1"));
	tu_at(&d, 1, "SPF004", 11, 18, 0, 0);
	ck_assert(has(&d, 1, "at least 15"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_loop_and_void)
{
	struct zl_diags d;
	const char *zone = HEAD
		"@ IN TXT \"v=spf1 include:l1.example.com -all\"\n"	/* 6 */
		"l1 IN TXT \"v=spf1 include:l2.example.com -all\"\n"
		"l2 IN TXT \"v=spf1 redirect=l1.example.com\"\n"	/* 8 */
		"v IN TXT \"v=spf1 include:no.example.com "
		"include:txt.example.com -all\"\n"
		"txt IN TXT \"no spf here\"\n"
		"w IN TXT \"v=spf1 include:a.wild.example.com -all\"\n"
		"*.wild IN TXT \"v=spf1 -all\"\n"
		"sub IN NS ns.example.net.\n"
		"s IN TXT \"v=spf1 include:x.sub.example.com -all\"\n";

	tu_lint(zone, "SPF005", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF005", 8, 19, 8, 42);
	ck_assert(has(&d, 0, "'l1.example.com.' -> 'l2.example.com.' -> "
		      "'l1.example.com.'"));
	zl_diags_free(&d);
	tu_lint(zone, "SPF006", &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF006", 9, 18, 9, 40);
	tu_at(&d, 1, "SPF006", 9, 41, 9, 64);
	ck_assert(has(&d, 1, "'txt.example.com.'"));
	zl_diags_free(&d);
}
END_TEST

/* A loop of ten records: its first four and last three names are shown,
 * the three between counted. */
START_TEST(test_check_loop_long)
{
	struct zl_buf zone = { 0 };
	struct zl_diags d;
	int i;

	zl_buf_add(&zone, HEAD, strlen(HEAD));
	for (i = 0; i < 10; i++)
		zl_buf_addf(&zone, "c%d IN TXT \"v=spf1 include:c%d.example.com "
			    "-all\"\n", i, (i + 1) % 10);
	tu_lint(zone.s, "SPF005", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF005", 15, 19, 15, 41);
	ck_assert(has(&d, 0, "closes an include loop: 'c0.example.com.' -> "
		      "'c1.example.com.' -> 'c2.example.com.' -> "
		      "'c3.example.com.' -> ... (3 more) -> 'c7.example.com.' "
		      "-> 'c8.example.com.' -> 'c9.example.com.' -> "
		      "'c0.example.com.'"));
	zl_diags_free(&d);
	zl_buf_free(&zone);
}
END_TEST

/* An include or redirect target that is an in-zone alias is followed to
 * its canonical name, as resolvers do; a chain too long is unknown. */
START_TEST(test_check_include_alias)
{
	struct zl_diags d;
	const char *zone = HEAD
		"@ IN TXT \"v=spf1 include:alias.example.com -all\"\n"	/* 6 */
		"alias IN CNAME spf\n"
		"spf IN TXT \"v=spf1 a mx ptr exists:%{i}.x.example.com "
		"a:h1.example.com a:h2.example.com a:h3.example.com "
		"a:h4.example.com a:h5.example.com a:h6.example.com -all\"\n"
		"r IN TXT \"v=spf1 redirect=bad.example.com\"\n"
		"bad IN CNAME nospf\n"					/* 10 */
		"nospf IN TXT \"hello\"\n"
		"o IN TXT \"v=spf1 include:out.example.com -all\"\n"
		"out IN CNAME spf.example.net.\n"
		"w IN TXT \"v=spf1 include:x.w.example.com -all\"\n"
		"*.w IN CNAME spf\n"					/* 15 */
		"l IN TXT \"v=spf1 include:loop1.example.com -all\"\n"
		"loop1 IN CNAME loop2\nloop2 IN CNAME loop1\n";

	tu_lint(zone, "SPF006", &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF006", 9, 18, 9, 42);
	zl_diags_free(&d);
	/* the alias's target costs 10: @ and w need 11 */
	tu_lint(zone, "SPF004", &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF004", 6, 18, 6, 43);
	ck_assert(has(&d, 0, "needs 11 DNS lookups"));
	tu_at(&d, 1, "SPF004", 14, 18, 14, 41);
	zl_diags_free(&d);
}
END_TEST

/* RFC 7208 §4.6.4: an mx term whose MX RRset has over 10 records. */
START_TEST(test_check_mx_names)
{
	struct zl_diags d;
	struct zl_buf z = { 0 };
	int i;

	zl_buf_addf(&z, "%s", HEAD
		    "@ IN TXT \"v=spf1 mx mx:big.example.com mx:ok.example.com "
		    "-all mx:big.example.com\"\n"			/* 6 */
		    "al IN CNAME big\n"
		    "b IN TXT \"v=spf1 mx:al.example.com mx:%{d} "
		    "mx:big.example.net -all\"\n");
	for (i = 0; i < 11; i++)
		zl_buf_addf(&z, "big IN MX %d h%d\n@ IN MX %d h%d\n%s", i, i,
			    i, i, i < 10 ? "ok IN MX 1 h1\n" : "");
	tu_lint(z.s, "SPF018", &d);
	ck_assert_uint_eq(d.n, 3);
	tu_at(&d, 0, "SPF018", 6, 18, 6, 20);	/* the owner's own 11 */
	ck_assert(has(&d, 0, "'example.com.', which has 11 MX records"));
	tu_at(&d, 1, "SPF018", 6, 21, 6, 39);
	tu_at(&d, 2, "SPF018", 8, 18, 8, 35);	/* through the alias */
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_ERROR);
	zl_diags_free(&d);
	zl_buf_free(&z);
}
END_TEST

/* RFC 7208 §4.6.4: more than two terms that query names the zone holds
 * without the records asked for. */
START_TEST(test_check_void_lookups)
{
	struct zl_diags d;

	tu_lint(HEAD "v6 IN AAAA 2001:db8::1\nmail IN MX 10 v6\n"
	     "a IN TXT \"v=spf1 a:gone.example.com mx:v6.example.com "	/* 8 */
	     "exists:v6.example.com mx:mail.example.com a:v6.example.com "
	     "a:x.example.net -all a:gone2.example.com\"\n"
	     "b IN TXT \"v=spf1 a:g1.example.com a:g2.example.com -all\"\n"
	     "c IN TXT \"v=spf1 a:g1.example.com a:%{d}.example.com "
	     "mx:x.example.net a:g2.example.com -all\"\n"
	     "d IN TXT \"v=spf1 a mx a:g1.example.com -all\"\n", "SPF020", &d);
	/* a: gone, v6 has no MX, v6 has no A for exists; mx:mail, a:v6,
	 * the out-of-zone name and terms after all do not count */
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF020", 8, 55, 8, 76);
	ck_assert(has(&d, 0, "3 terms"));
	ck_assert(has(&d, 0, "'exists:v6.example.com'"));
	tu_at(&d, 1, "SPF020", 11, 23, 11, 39);
	zl_diags_free(&d);
}
END_TEST

/* The void lookup limit holds for the whole evaluation: void terms of
 * included and redirected records count for the record that reaches
 * them, through an alias too. */
START_TEST(test_check_void_lookups_through_includes)
{
	struct zl_diags d;

	tu_lint(HEAD "i IN TXT \"v=spf1 a:g1.example.com include:j.example.com "
	     "-all\"\n"						/* 6 */
	     "j IN CNAME k\n"
	     "k IN TXT \"v=spf1 a:g2.example.com mx:g3.example.com -all\"\n"
	     "r IN TXT \"v=spf1 redirect=k.example.com\"\n"
	     "s IN TXT \"v=spf1 include:k.example.com -all\"\n", "SPF020",
	     &d);
	ck_assert_uint_eq(d.n, 1);
	tu_at(&d, 0, "SPF020", 6, 35, 6, 56);
	ck_assert(has(&d, 0, "3 terms"));
	ck_assert(has(&d, 0, "'a:g1.example.com', 2 through "
		      "'include:j.example.com'"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_all)
{
	struct zl_diags d;
	const char *zone = HEAD
		"a IN TXT \"v=spf1 mx all\"\n"
		"b IN TXT \"v=spf1 mx +all\"\n"
		"c IN TXT \"v=spf1 mx ?all\"\n"
		"e IN TXT \"v=spf1 mx\"\n"
		"f IN TXT \"v=spf1 redirect=_spf.example.net\"\n"
		"g IN TXT \"v=spf1 -all a redirect=_spf.example.net\"\n"
		"h IN TXT \"v=spf1 ~all exp=e.example.com\"\n";

	tu_lint(zone, "SPF007,SPF008,SPF009,SPF010,SPF011", &d);
	ck_assert_uint_eq(d.n, 6);
	tu_at(&d, 0, "SPF007", 6, 21, 6, 24);
	tu_at(&d, 1, "SPF007", 7, 21, 7, 25);
	tu_at(&d, 2, "SPF008", 8, 21, 8, 25);
	tu_at(&d, 3, "SPF009", 9, 11, 9, 17);
	tu_at(&d, 4, "SPF010", 11, 23, 11, 24);
	ck_assert_uint_eq(d.v[4].nnotes, 1);
	tu_at(&d, 5, "SPF011", 11, 25, 11, 50);
	ck_assert_int_eq(d.v[2].sev, ZL_SEV_WARNING);
	/* the senders it lists still pass: it is SPF that fails no forgery */
	ck_assert_ptr_nonnull(strstr(d.v[2].message, "SPF fails no forgery"));
	ck_assert_ptr_null(strstr(d.v[2].message, "protects nothing"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_terms)
{
	struct zl_diags d;

	tu_lint(HEAD
	     "a IN TXT \"v=spf1 ptr ip4:192.0.2.77/24 ip6:2001:db8::1/64 "
	     "-ip4:0.0.0.0/0 ip4:0.0.0.0/0 a//8 -all\"\n",
	     "SPF012,SPF013,SPF014", &d);
	ck_assert_uint_eq(d.n, 5);
	tu_at(&d, 0, "SPF012", 6, 18, 6, 21);
	tu_at(&d, 1, "SPF013", 6, 22, 6, 39);
	ck_assert_str_eq(d.v[1].fixit, "ip4:192.0.2.0/24");
	tu_at(&d, 2, "SPF013", 6, 40, 6, 58);
	ck_assert_str_eq(d.v[2].fixit, "ip6:2001:db8::/64");
	tu_at(&d, 3, "SPF014", 6, 74, 6, 87);
	tu_at(&d, 4, "SPF014", 6, 88, 6, 92);
	ck_assert(has(&d, 4, "/8 range"));
	zl_diags_free(&d);
}
END_TEST

START_TEST(test_check_length_and_mx)
{
	struct zl_diags d;
	struct zl_buf z = { 0 };
	int i;

	zl_buf_addf(&z, "%s", HEAD "@ IN MX 10 mail\nmail IN A 192.0.2.25\n"
		    "n IN MX 0 .\nm IN MX 10 mail\nm IN TXT \"v=spf1 mx -all\"\n"
		    "long IN TXT ( \"v=spf1");
	for (i = 0; i < 24; i++)
		zl_buf_addf(&z, "%s ip4:198.51.100.%d", i % 8 ? "" : "\"\n\"",
			    i + 100);
	zl_buf_addf(&z, " -all\" )\n");
	tu_lint(z.s, "SPF015,SPF016", &d);
	ck_assert_uint_eq(d.n, 2);
	tu_at(&d, 0, "SPF016", 6, 6, 6, 8);
	ck_assert_int_eq(d.v[0].sev, ZL_SEV_NOTE);
	tu_at(&d, 1, "SPF015", 11, 16, 11, 22);
	ck_assert(has(&d, 1, "is 467 bytes"));
	zl_diags_free(&d);
	zl_buf_free(&z);
}
END_TEST

Suite *spf_suite(void)
{
	Suite *s = suite_create("spf");
	TCase *tc = tcase_create("parser");

	tcase_add_test(tc, test_is_record);
	tcase_add_test(tc, test_parse_valid);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_error_style);
	tcase_add_test(tc, test_terms);
	tcase_add_test(tc, test_domain_slash);
	tcase_add_test(tc, test_modifier_typo);
	tcase_add_test(tc, test_ip6_and_host_bits);
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_domain);
	tcase_add_test(tc, test_many_errors);
	tcase_add_test(tc, test_hostile);
	suite_add_tcase(s, tc);
	tc = tcase_create("checks");
	tcase_add_test(tc, test_check_syntax);
	tcase_add_test(tc, test_check_long_domain_help);
	tcase_add_test(tc, test_check_value_with_colons);
	tcase_add_test(tc, test_check_joined_terms);
	tcase_add_test(tc, test_check_multiple);
	tcase_add_test(tc, test_check_obsolete_type);
	tcase_add_test(tc, test_check_leading_space);
	tcase_add_test(tc, test_check_modifier_typo);
	tcase_add_test(tc, test_check_include_alias);
	tcase_add_test(tc, test_check_mx_names);
	tcase_add_test(tc, test_check_void_lookups);
	tcase_add_test(tc, test_check_void_lookups_through_includes);
	tcase_add_test(tc, test_check_lookups);
	tcase_add_test(tc, test_check_loop_and_void);
	tcase_add_test(tc, test_check_loop_long);
	tcase_add_test(tc, test_check_all);
	tcase_add_test(tc, test_check_terms);
	tcase_add_test(tc, test_check_length_and_mx);
	suite_add_tcase(s, tc);
	return s;
}
