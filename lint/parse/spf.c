/* spf.c - RFC 7208 record parser: terms, macros, CIDR lengths, addresses. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spf.h"
#include "util.h"


/* The bytes of the character at s[i], before b: a UTF-8 sequence whole
 * (a lead byte and its continuation bytes), else one byte. */
static size_t utf8_len(const char *s, size_t i, size_t b)
{
	unsigned char c = (unsigned char)s[i];
	size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 :
		   c >= 0xc2 && c < 0xe0 ? 2 : 1, k;

	for (k = 1; k < n && i + k < b &&
	     ((unsigned char)s[i + k] & 0xc0) == 0x80; k++)
		;
	return k;
}
/* Parser state for one record; tmp holds quoted excerpts for messages. */
struct parser {
	const char *s;
	size_t len;
	struct zl_spf *out;
	struct zl_spf_term *t;	/* the term being parsed */
	size_t capterms, caperrs;
	struct zl_arena tmp;
};

static const struct {
	const char *name;
	enum zl_spf_kind kind;
} kinds[] = {
	{ "all", ZL_SPF_ALL }, { "include", ZL_SPF_INCLUDE },
	{ "a", ZL_SPF_A }, { "mx", ZL_SPF_MX }, { "ptr", ZL_SPF_PTR },
	{ "ip4", ZL_SPF_IP4 }, { "ip6", ZL_SPF_IP6 },
	{ "exists", ZL_SPF_EXISTS }, { "redirect", ZL_SPF_REDIRECT },
	{ "exp", ZL_SPF_EXP },
};

#define NKINDS (sizeof kinds / sizeof kinds[0])
#define QUOTE_MAX 60	/* longest excerpt of the record in a message */

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_alpha(c) || is_digit(c);
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Case-insensitive comparison of s[0..n) with the lower-case word w. */
static bool word_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] == '\0' || lower(s[i]) != w[i])
			return false;
	return w[n] == '\0';
}

/* Record bytes [a, b) escaped for a message, cut short when long.  The
 * messages quote it, so it never starts a line: an IPv6 address keeps the
 * "::" it starts with. */
static const char *q(struct parser *p, uint32_t a, uint32_t b)
{
	struct zl_buf buf = { 0 };
	const char *r;
	bool cut = b - a > QUOTE_MAX;

	zl_buf_add_escaped_inline(&buf, p->s + a,
				  cut ? zl_utf8_head(p->s + a, b - a,
						     QUOTE_MAX - 3) :
					b - a);
	if (cut)
		zl_buf_add(&buf, "...", 3);
	r = zl_arena_strndup(&p->tmp, buf.s ? buf.s : "", buf.len);
	zl_buf_free(&buf);
	return r;
}

/* Records an error at [a, b) and marks the current term bad.  Always
 * returns -1 so that callers can `return err(...)`. */
static int err(struct parser *p, uint32_t a, uint32_t b, const char *fmt, ...)
	ZL_PRINTF(4, 5);

static int err(struct parser *p, uint32_t a, uint32_t b, const char *fmt, ...)
{
	struct zl_spf *o = p->out;
	struct zl_spf_error *e;
	va_list ap;

	zl_xgrow((void **)&o->errs, &p->caperrs, o->nerrs + 1, sizeof *o->errs);
	e = &o->errs[o->nerrs++];
	e->at.off = a;
	e->at.len = b - a;
	e->hint = NULL;
	e->warn = false;
	va_start(ap, fmt);
	e->msg = zl_xvasprintf(fmt, ap);
	va_end(ap);
	if (p->t)
		p->t->bad = true;
	return -1;
}

bool zl_spf_is_record(const char *s, size_t len)
{
	return len >= 6 && word_eq(s, 6, "v=spf1") && (len == 6 || s[6] == ' ');
}

bool zl_spf_kind_queries(enum zl_spf_kind kind)
{
	switch (kind) {
	case ZL_SPF_INCLUDE: case ZL_SPF_A: case ZL_SPF_MX: case ZL_SPF_PTR:
	case ZL_SPF_EXISTS: case ZL_SPF_REDIRECT:
		return true;
	default:
		return false;
	}
}

const char *zl_spf_kind_str(enum zl_spf_kind kind)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].kind == kind)
			return kinds[i].name;
	return "?";
}

/* ---- macros (RFC 7208 §7.1) ---- */

/* Index of the '}' closing the macro-expand "%{" at i, or b if none. */
static uint32_t macro_close(const char *s, uint32_t i, uint32_t b)
{
	for (i += 2; i < b; i++)
		if (s[i] == '}')
			return i;
	return b;
}

/* Checks the macro-expand "%{...}" at i; returns its end or -1. */
static long scan_brace(struct parser *p, uint32_t i, uint32_t b)
{
	const char *s = p->s;
	uint32_t close = macro_close(s, i, b), end = close + 1, j = i + 2, d, z,
		 w;
	char c;

	if (close == b)
		return err(p, i, b, "unterminated macro '%s': missing '}'",
			   q(p, i, b));
	c = lower(s[j]);
	if (s[j] == '}' || !strchr("slodiphcrtv", c))
		return err(p, i, end, "unknown macro letter in '%s': "
			   "expected one of s l o d i p h c r t v", q(p, i, end));
	/* §7.1: c, r and t only in the explanation text that exp= names */
	if (c && strchr("crt", c))
		return err(p, i, end, "macro '%s' is allowed only in the "
			   "explanation text that exp= points at, not in the "
			   "record itself", q(p, i, end));
	for (d = ++j; j < close && is_digit(s[j]); j++)
		;
	for (z = d; z < j && s[z] == '0'; z++)
		;
	if (j > d && z == j)
		return err(p, i, end, "macro '%s' keeps zero labels: the "
			   "number must be nonzero", q(p, i, end));
	if (j < close && lower(s[j]) == 'r')
		j++;
	while (j < close && strchr(".-+,/_=", s[j]))
		j++;
	if (s[j] != '}') {
		/* a character whole */
		w = (uint32_t)utf8_len(s, j, close);
		return err(p, j, j + w, "invalid character '%s' in macro '%s'",
			   q(p, j, j + w), q(p, i, end));
	}
	return (long)j + 1;
}

/* Checks a macro-string (RFC 7208 §7.1) at [a, b): every '%' starts a valid
 * macro-expand.  *tail is set to the end of the last macro-expand (a when
 * there is none).  Returns -1 on error. */
static int scan_macros(struct parser *p, uint32_t a, uint32_t b,
		       uint32_t *tail)
{
	const char *s = p->s;
	uint32_t i = a;
	long e;

	*tail = a;
	while (i < b) {
		if (s[i] != '%') {
			i++;
			continue;
		}
		if (i + 1 >= b)
			return err(p, i, i + 1, "'%%' at the end of '%s': write "
				   "'%%%%' for a literal percent sign", q(p, a, b));
		if (strchr("%_-", s[i + 1])) {
			i += 2;
		} else if (s[i + 1] == '{') {
			if ((e = scan_brace(p, i, b)) < 0)
				return -1;
			i = (uint32_t)e;
		} else {
			return err(p, i, i + 2, "'%s' is not a macro: write "
				   "'%%{...}', '%%%%', '%%_' or '%%-'",
				   q(p, i, i + 2));
		}
		p->t->has_macro = true;
		*tail = i;
	}
	return 0;
}

/* ---- domains (RFC 7208 §7.1 domain-spec, §4.3) ---- */

/* toplabel = ( *alphanum ALPHA *alphanum ) /
 *            ( 1*alphanum "-" *( alphanum / "-" ) alphanum ) */
static bool toplabel_ok(const char *s, uint32_t a, uint32_t b)
{
	bool alpha = false, hyphen = false;
	uint32_t i;

	if (a >= b || !is_alnum(s[a]) || !is_alnum(s[b - 1]))
		return false;
	for (i = a; i < b; i++) {
		if (s[i] == '-')
			hyphen = true;
		else if (is_alpha(s[i]))
			alpha = true;
		else if (!is_digit(s[i]))
			return false;
	}
	return alpha || hyphen;
}

/* Whether s[a..b) parses as an address of family af; the address goes to
 * out (16 bytes) when it is not NULL. */
static bool parse_addr(const char *s, uint32_t a, uint32_t b, int af,
		       uint8_t *out)
{
	char buf[INET6_ADDRSTRLEN + 1];
	uint8_t tmp[16];

	if (b - a >= sizeof buf)
		return false;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	return inet_pton(af, buf, out ? out : tmp) == 1;
}

static bool is_addr(const char *s, uint32_t a, uint32_t b, int af)
{
	return parse_addr(s, a, b, af, NULL);
}

/* RFC 1035 §2.3.4 limits for a domain without macros: no empty label, none
 * over 63 bytes, at most 253 bytes in all. */
static int check_labels(struct parser *p, uint32_t a, uint32_t b)
{
	const char *s = p->s;
	uint32_t i, start = a, end = b;

	if (end > a && s[end - 1] == '.')
		end--;
	if (end - a > 253) {
		err(p, a, b, "domain '%s' is longer than 253 bytes",
		    q(p, a, b));
		/* not a syntax error: §7.3 truncates the name to fit */
		p->out->errs[p->out->nerrs - 1].hint =
			"receivers drop labels from the left until the name "
			"fits in 253 bytes (RFC 7208 §7.3) and look up that "
			"other name";
		return -1;
	}
	for (i = a; i <= end; i++) {
		if (i < end && s[i] != '.')
			continue;
		if (i == start)
			return err(p, a, b, "domain '%s' has an empty label",
				   q(p, a, b));
		if (i - start > 63)
			return err(p, start, i, "label '%s' is longer than 63 "
				   "bytes", q(p, start, i));
		start = i + 1;
	}
	return 0;
}

/* Checks the domain-spec at [a, b) of the current term (§7.1:
 * macro-string domain-end). */
static int domain_spec(struct parser *p, uint32_t a, uint32_t b)
{
	const char *s = p->s, *mech = zl_spf_kind_str(p->t->kind);
	uint32_t tail, end, dot;

	if (a == b)
		return err(p, p->t->text.off, b, "'%s' needs a domain",
			   q(p, p->t->text.off, b));
	p->t->value.off = a;
	p->t->value.len = b - a;
	if (is_addr(s, a, b, AF_INET) || is_addr(s, a, b, AF_INET6))
		return err(p, a, b, "'%s' is an address, not a domain: use "
			   "'%s:%s' for an address", q(p, a, b),
			   strchr(q(p, a, b), ':') ? "ip6" : "ip4", q(p, a, b));
	if (scan_macros(p, a, b, &tail) < 0)
		return -1;
	if (tail == b)
		return 0;	/* domain-end = macro-expand */
	if (!p->t->has_macro && check_labels(p, a, b) < 0) {
		/* a name of exp= that cannot be looked up costs only the
		 * explanation (§6.2); one that ends in "..", with no
		 * top-level label, breaks the §7.1 grammar */
		end = s[b - 1] == '.' ? b - 1 : b;
		if (p->t->kind == ZL_SPF_EXP && end > a &&
		    s[end - 1] != '.') {
			struct zl_spf_error *e =
				&p->out->errs[p->out->nerrs - 1];

			e->warn = true;
			e->hint = "receivers that cannot fetch the explanation "
				  "go on as if there were no exp= (RFC 7208 "
				  "§6.2): only the explanation is lost";
		}
		return -1;
	}
	end = s[b - 1] == '.' ? b - 1 : b;
	for (dot = end; dot > tail && s[dot - 1] != '.'; dot--)
		;
	if (dot == tail)
		return err(p, a, b, "domain '%s' of '%s' is not fully "
			   "qualified: it must end in a macro or in '.' and a "
			   "top-level label", q(p, a, b), mech);
	if (!toplabel_ok(s, dot, end))
		return err(p, dot, end, "invalid top-level label '%s' in "
			   "domain '%s'", q(p, dot, end), q(p, a, b));
	return 0;
}

bool zl_spf_domain(const char *rec, const struct zl_spf_term *t, char *buf,
		   size_t n)
{
	size_t i, len = t->value.len;
	bool dot;

	if (!len || t->has_macro || t->bad || t->kind == ZL_SPF_IP4 ||
	    t->kind == ZL_SPF_IP6 || t->kind == ZL_SPF_UNKNOWN_MOD)
		return false;
	dot = rec[t->value.off + len - 1] == '.';
	if (len + !dot + 1 > n)
		return false;
	for (i = 0; i < len; i++)
		buf[i] = lower(rec[t->value.off + i]);
	if (!dot)
		buf[i++] = '.';
	buf[i] = '\0';
	return true;
}

/* ---- addresses and CIDR lengths (RFC 7208 §5.6) ---- */

/* qnum = DIGIT / %x31-39 DIGIT / "1" 2DIGIT / "2" %x30-34 DIGIT /
 * "25" %x30-35: decimal 0-255 without leading zeros. */
static bool ip4_network(const char *s, uint32_t a, uint32_t b, uint8_t *out)
{
	unsigned part, v, i = a, n;

	for (part = 0; part < 4; part++) {
		if (part && (i >= b || s[i++] != '.'))
			return false;
		for (v = 0, n = 0; i < b && is_digit(s[i]); i++, n++)
			v = v * 10 + (unsigned)(s[i] - '0');
		if (n == 0 || n > 3 || v > 255 || (n > 1 && s[i - n] == '0'))
			return false;
		out[part] = (uint8_t)v;
	}
	return i == b;
}

/* One CIDR length "/n" at i (s[i] == '/'): ("0" / %x31-39 *DIGIT) no
 * larger than max.  Returns the end or -1 with an error. */
static long cidr_len(struct parser *p, uint32_t i, uint32_t b, int max,
		     int *out)
{
	const char *s = p->s;
	uint32_t j = i + 1;
	long v = 0;

	for (; j < b && is_digit(s[j]); j++)
		if (v <= 1000)
			v = v * 10 + (s[j] - '0');
	if (j == i + 1)
		return err(p, i, b, "invalid CIDR length '%s'", q(p, i, b));
	if (j - i > 2 && s[i + 1] == '0')
		return err(p, i, j, "prefix length '%s' has a leading zero",
			   q(p, i, j));
	if (v > max)
		return err(p, i, j, "prefix length '%s' is out of range: at "
			   "most /%d for %s", q(p, i, j), max,
			   max == 32 ? "IPv4" : "IPv6");
	*out = (int)v;
	return (long)j;
}

/* The CIDR suffix at [i, b): ip4-cidr-length, ip6-cidr-length or (for a
 * and mx) dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]. */
static int cidr(struct parser *p, uint32_t i, uint32_t b, bool v4, bool v6)
{
	struct zl_spf_term *t = p->t;
	const char *s = p->s;
	long e = i;

	t->cidr.off = i;
	t->cidr.len = b - i;
	if (v4 && (i + 1 >= b || s[i + 1] != '/') &&
	    (e = cidr_len(p, i, b, 32, &t->cidr4)) < 0)
		return -1;
	if ((uint32_t)e < b && v6 && v4) {
		if (s[e] != '/' || (uint32_t)e + 1 >= b || s[e + 1] != '/')
			return err(p, (uint32_t)e, b, "invalid CIDR length "
				   "'%s': the IPv6 length is written '//n'",
				   q(p, (uint32_t)e, b));
		e++;
	}
	if ((uint32_t)e < b && v6 &&
	    (e = cidr_len(p, (uint32_t)e, b, 128, &t->cidr6)) < 0)
		return -1;
	if ((uint32_t)e < b)
		return err(p, (uint32_t)e, b, "invalid CIDR length '%s'",
			   q(p, i, b));
	return 0;
}

/* Whether addr has bits set after the first prefix bits. */
static bool host_bits(const uint8_t *addr, unsigned bytes, int prefix)
{
	unsigned i, bit;

	for (i = 0; i < bytes; i++) {
		for (bit = 0; bit < 8; bit++) {
			if ((int)(i * 8 + bit) < prefix)
				continue;
			if (addr[i] & (0x80 >> bit))
				return true;
		}
	}
	return false;
}

/* Where the dual-cidr-length at the end of [a, b) starts, or b: the
 * trailing run of digits and '/', from its first '/'.  A domain-spec may
 * hold '/' itself (macro-literal, RFC 7208 §7.1, as in
 * "a:foo:bar/baz.example.com"), so only the end can be a CIDR length. */
static uint32_t cidr_start(const char *s, uint32_t a, uint32_t b)
{
	uint32_t i = b;

	while (i > a && (is_digit(s[i - 1]) || s[i - 1] == '/'))
		i--;
	while (i < b && s[i] != '/')
		i++;
	return i;
}

/* First '/' at or after a and before b that is not inside a macro. */
static uint32_t find_slash(const char *s, uint32_t a, uint32_t b)
{
	while (a < b && s[a] != '/') {
		if (s[a] == '%' && a + 1 < b && s[a + 1] == '{')
			a = macro_close(s, a, b);
		else
			a++;
	}
	return a;
}

/* ip4:ip4-network[/n] and ip6:ip6-network[/n] (RFC 7208 §5.6). */
static int ip_mech(struct parser *p, uint32_t a, uint32_t b)
{
	struct zl_spf_term *t = p->t;
	bool v4 = t->kind == ZL_SPF_IP4;
	uint32_t slash = find_slash(p->s, a, b);
	int prefix;

	if (a == b)
		return err(p, t->text.off, b, "'%s' needs an address",
			   q(p, t->text.off, b));
	t->value.off = a;
	t->value.len = slash - a;
	if (v4 && !ip4_network(p->s, a, slash, t->addr))
		return err(p, a, slash, is_addr(p->s, a, slash, AF_INET6) ?
			   "'%s' is an IPv6 address: use 'ip6:'" :
			   "invalid IPv4 address '%s'", q(p, a, slash));
	if (!v4 && !parse_addr(p->s, a, slash, AF_INET6, t->addr))
		return err(p, a, slash, ip4_network(p->s, a, slash, t->addr) ?
			   "'%s' is an IPv4 address: use 'ip4:'" :
			   "invalid IPv6 address '%s'", q(p, a, slash));
	if (slash < b && cidr(p, slash, b, v4, !v4) < 0)
		return -1;
	prefix = v4 ? t->cidr4 : t->cidr6;
	if (prefix >= 0)
		t->host_bits = host_bits(t->addr, v4 ? 4 : 16, prefix);
	return 0;
}

/* The part of a mechanism after its name, at [a, b) (RFC 7208 §5). */
static int mech_args(struct parser *p, uint32_t a, uint32_t b)
{
	struct zl_spf_term *t = p->t;
	const char *s = p->s, *name = zl_spf_kind_str(t->kind);
	bool needs = t->kind == ZL_SPF_INCLUDE || t->kind == ZL_SPF_EXISTS ||
		     t->kind == ZL_SPF_IP4 || t->kind == ZL_SPF_IP6;
	bool dual = t->kind == ZL_SPF_A || t->kind == ZL_SPF_MX;
	uint32_t slash;

	if (t->kind == ZL_SPF_ALL)
		return a == b ? 0 : err(p, a, b, "'all' takes no argument, "
					"found '%s'", q(p, a, b));
	if (a == b)
		return needs ? err(p, t->text.off, b, "'%s' needs ':' and a "
				   "%s", name, t->kind == ZL_SPF_IP4 ||
				   t->kind == ZL_SPF_IP6 ? "network" :
				   "domain") : 0;
	if (s[a] == '/' && dual)
		return cidr(p, a, b, true, true);
	if (s[a] != ':')
		return err(p, a, b, "unexpected '%s' after '%s': expected "
			   "':'%s", q(p, a, b), name, dual ? " or '/'" : "");
	a++;
	if (t->kind == ZL_SPF_IP4 || t->kind == ZL_SPF_IP6)
		return ip_mech(p, a, b);
	slash = cidr_start(s, a, b);
	if (slash < b && !dual)
		return err(p, slash, b, "'%s' takes no CIDR length, found "
			   "'%s'", name, q(p, slash, b));
	if (domain_spec(p, a, slash) < 0)
		return -1;
	return slash < b ? cidr(p, slash, b, true, true) : 0;
}

/* A modifier name=value (RFC 7208 §6, §12 "name").  Any name but redirect
 * and exp makes an unknown modifier, which receivers ignore (§6): valid
 * syntax, but a mechanism's name ("mx=") or a second "v=spf1" there is
 * most likely a typo, which the term's flag records. */
static int modifier(struct parser *p, uint32_t name_end, uint32_t b)
{
	struct zl_spf_term *t = p->t;
	struct zl_spf *o = p->out;
	const char *s = p->s;
	uint32_t a = t->name.off, tail;
	int *seen = NULL;
	size_t k;

	if (t->explicit_qualifier)
		return err(p, t->text.off, a, "modifier '%s' takes no "
			   "qualifier", q(p, a, name_end));
	for (k = 0; k < NKINDS; k++)
		if (word_eq(s + a, name_end - a, kinds[k].name))
			t->kind = kinds[k].kind;
	if (t->kind != ZL_SPF_REDIRECT && t->kind != ZL_SPF_EXP) {
		t->typo = t->kind != ZL_SPF_BAD ||
			  (word_eq(s + a, name_end - a, "v") &&
			   word_eq(s + name_end + 1, b - name_end - 1, "spf1"));
		t->kind = ZL_SPF_UNKNOWN_MOD;
		t->value.off = name_end + 1;
		t->value.len = b - name_end - 1;
		return scan_macros(p, name_end + 1, b, &tail);
	}
	seen = t->kind == ZL_SPF_REDIRECT ? &o->redirect : &o->exp;
	if (*seen >= 0)
		return err(p, t->text.off, b, "duplicate '%s' modifier: it "
			   "may appear only once", zl_spf_kind_str(t->kind));
	*seen = (int)o->nterms - 1;
	return domain_spec(p, name_end + 1, b);
}

/* A mechanism: resolve the name, then its arguments. */
static int mechanism(struct parser *p, uint32_t name_end, uint32_t b)
{
	struct zl_spf_term *t = p->t;
	const char *s = p->s;
	uint32_t a = t->name.off;
	size_t k;

	for (k = 0; k < NKINDS; k++)
		if (word_eq(s + a, name_end - a, kinds[k].name))
			t->kind = kinds[k].kind;
	if (t->kind == ZL_SPF_REDIRECT || t->kind == ZL_SPF_EXP) {
		t->kind = ZL_SPF_BAD;
		return err(p, a, name_end + (name_end < b), "'%s' is a "
			   "modifier: write '%s=domain'", q(p, a, name_end),
			   q(p, a, name_end));
	}
	if (t->kind == ZL_SPF_BAD)
		return err(p, a, name_end, "unknown mechanism '%s'",
			   q(p, a, name_end));
	if (t->kind == ZL_SPF_ALL && p->out->all < 0)
		p->out->all = (int)p->out->nterms - 1;
	return mech_args(p, name_end, b);
}

/* A term at [a, b) without a name; a bare address gets its own advice. */
static void bare_term(struct parser *p, uint32_t a, uint32_t b)
{
	uint32_t slash = find_slash(p->s, a, b);
	uint8_t addr[16];

	if (ip4_network(p->s, a, slash, addr) ||
	    parse_addr(p->s, a, slash, AF_INET6, addr))
		err(p, p->t->text.off, b, "address '%s' has no mechanism: "
		    "write '%s:%s'", q(p, a, b),
		    memchr(p->s + a, ':', slash - a) ? "ip6" : "ip4",
		    q(p, a, b));
	else
		err(p, p->t->text.off, b, "term '%s' does not start with a "
		    "mechanism or modifier name", q(p, p->t->text.off, b));
}

/* One term at [a, b): directive or modifier (RFC 7208 §4.6.1). */
static void term(struct parser *p, uint32_t a, uint32_t b)
{
	struct zl_spf *o = p->out;
	struct zl_spf_term *t;
	const char *s = p->s;
	uint32_t i, n;

	zl_xgrow((void **)&o->terms, &p->capterms, o->nterms + 1,
		 sizeof *o->terms);
	t = p->t = &o->terms[o->nterms++];
	memset(t, 0, sizeof *t);
	t->kind = ZL_SPF_BAD;
	t->text.off = a;
	t->text.len = b - a;
	t->qualifier = '+';
	t->cidr4 = t->cidr6 = -1;
	for (i = a; i < b; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e) {
			size_t w = utf8_len(s, i, b);

			err(p, i, i + w, "invalid character '%s' in term '%s': "
			    "only printable ASCII, terms separated by spaces",
			    q(p, i, i + w), q(p, a, b));
			return;
		}
	if (strchr("+-~?", s[a])) {
		t->qualifier = s[a++];
		t->explicit_qualifier = true;
	}
	for (n = a; n < b && (is_alnum(s[n]) || strchr("-_.", s[n])); n++)
		;
	t->name.off = a;
	t->name.len = n - a;
	if (n == a || !is_alpha(s[a])) {
		bare_term(p, a, b);
		return;
	}
	if (n < b && s[n] == '=')
		modifier(p, n, b);
	else
		mechanism(p, n, b);
}

/* Facts over the whole record once every term is known. */
static void summarise(struct zl_spf *o)
{
	size_t i;

	for (i = 0; i < o->nterms; i++) {
		const struct zl_spf_term *t = &o->terms[i];
		bool after = o->all >= 0 && i > (size_t)o->all;

		if (after && t->kind < ZL_SPF_REDIRECT)
			o->mechs_after_all++;
		if (t->bad || !zl_spf_kind_queries(t->kind))
			continue;
		if (t->kind == ZL_SPF_REDIRECT ? o->all < 0 : !after)
			o->lookups++;
	}
}

void zl_spf_parse(struct zl_spf *out, const char *s, size_t len)
{
	struct parser p = { .s = s, .len = len, .out = out };
	uint32_t i = 6, start;

	memset(out, 0, sizeof *out);
	out->all = out->redirect = out->exp = -1;
	out->len = len;
	if (len > UINT32_MAX - 1) {
		err(&p, 0, 0, "record is too long to check");
		goto out;
	}
	if (!zl_spf_is_record(s, len)) {
		for (i = 0; i < len && s[i] != ' '; i++)
			;
		err(&p, 0, i, "'%s' is not an SPF version: a record starts "
		    "with 'v=spf1' and a space", q(&p, 0, i));
		goto out;
	}
	/* One term per space-separated word: sized once, since parsed
	 * records live as long as the run's memo. */
	for (start = i, p.capterms = 1; start < len; start++)
		p.capterms += s[start] != ' ' && s[start - 1] == ' ';
	out->terms = zl_xcalloc(p.capterms, sizeof *out->terms);
	while (i < len) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		for (start = i; i < len && s[i] != ' '; i++)
			;
		term(&p, start, i);
	}
	summarise(out);
out:
	zl_arena_free(&p.tmp);
}

void zl_spf_to_arena(struct zl_spf *spf, struct zl_arena *a)
{
	size_t i;

	for (i = 0; i < spf->nerrs; i++) {
		char *m = spf->errs[i].msg;

		spf->errs[i].msg = zl_arena_strndup(a, m, strlen(m));
		free(m);
	}
	spf->errs = zl_arena_take(a, spf->errs, spf->nerrs * sizeof *spf->errs);
	spf->terms = zl_arena_take(a, spf->terms,
				   spf->nterms * sizeof *spf->terms);
}

void zl_spf_free(struct zl_spf *spf)
{
	size_t i;

	if (!spf)
		return;
	for (i = 0; i < spf->nerrs; i++)
		free(spf->errs[i].msg);
	free(spf->errs);
	free(spf->terms);
	spf->errs = NULL;
	spf->terms = NULL;
	spf->nerrs = spf->nterms = 0;
}
