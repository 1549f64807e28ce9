/* tagvalue_uri.c - URIs in tag values (RFC 3986 §3), as DMARC, TLS-RPT and BIMI use them. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "idna.h"
#include "tagvalue.h"

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_namechar(char c)
{
	return is_alpha(c) || is_digit(c) || c == '_';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_hex(char c)
{
	return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

/* RFC 3986 §2: unreserved, reserved and '%' (escapes checked apart). */
static bool is_urichar(char c)
{
	return is_alpha(c) || is_digit(c) ||
	       (c && strchr("-._~:/?#[]@!$&'()*+,;=%", c));
}

/* The first byte of [a, b) that is not a URI character or starts a bad
 * percent escape, or b. */
static uint32_t uri_bad_at(const char *s, uint32_t a, uint32_t b)
{
	for (; a < b; a++) {
		if (!is_urichar(s[a]))
			return a;
		if (s[a] == '%' && (a + 2 >= b || !is_hex(s[a + 1]) ||
				    !is_hex(s[a + 2])))
			return a;
	}
	return b;
}

static unsigned hex_val(char c)
{
	return is_digit(c) ? (unsigned)(c - '0') :
	       (unsigned)(lower(c) - 'a' + 10);
}

/* RFC 1035 §2.3.4: a label holds at most 63 octets, a name at most 255
 * in wire form, a length octet before each label and a zero one at the
 * end. */
#define DNS_LABEL_MAX 63
#define DNS_NAME_MAX 255

/* [a, b) read as a domain. */
struct domain {
	uint32_t labels;	/* dot-separated labels of letters, digits,
				   '-' and '_' (a final dot allowed); 0 when
				   it is none */
	uint32_t wire;		/* its length in wire form, internationalised
				   labels as their A-labels */
	struct zl_tv_span long_label;	/* the first over DNS_LABEL_MAX, or
					   len 0 */
	bool long_idn;		/* that one is internationalised: too long
				   as its A-label */
	bool idn;		/* a label is internationalised */
	bool unencoded;		/* one is too long to encode */
	const char *idn_why;	/* why a label is no U-label, or NULL */
	struct zl_tv_span idn_bad;	/* that label */
};

/* The A-label of label lab[0..n) of [start, end) of a domain into
 * alabel (when not NULL) and its length (DNS_NAME_MAX + 1 when longer
 * than any name); d gets what is wrong with it. */
static uint32_t idn_label(struct domain *d, const char *lab, uint32_t n,
			  uint32_t start, uint32_t end, struct zl_buf *alabel)
{
	char out[DNS_NAME_MAX + 1];
	size_t len = 0, at;
	const char *why = NULL;

	if (n <= 4 * ZL_IDNA_MAX_POINTS)
		why = zl_idna_label(lab, n, out, DNS_NAME_MAX, &len, &at);
	if (why && !d->idn_why) {
		d->idn_why = why;
		d->idn_bad = (struct zl_tv_span){ start, end - start };
	}
	if (len == 0) {
		d->unencoded = true;
		return DNS_NAME_MAX + 1;
	}
	if (alabel)
		zl_buf_add(alabel, out, len);
	return (uint32_t)len;
}

/* Reads [a, b) as a domain, and writes its A-label form (lower case, no
 * final dot) to alabel when not NULL.  A percent escape stands for its
 * byte (the URI's escapes are checked before): a byte from 0x80 on is
 * UTF-8 of an internationalised label, which a mailto: URI (RFC 6068
 * §2, its example in §6.3) and a URI's host (RFC 3986 §3.2.2) may write
 * so; the sender looks up its A-label (RFC 5891 §5), whose length is
 * what DNS limits.  Such a byte written as itself, which no URI holds,
 * is read alike: the A-label is the fix to suggest. */
static struct domain read_domain(const char *s, uint32_t a, uint32_t b,
				 struct zl_buf *alabel)
{
	struct domain d = { 0 };
	char lab[4 * ZL_IDNA_MAX_POINTS + 1];
	uint32_t len = 0, start = a, w, n, i;
	bool idn = false;
	char c;

	if (b > a && s[b - 1] == '.')
		b--;
	for (; a <= b; a += w) {
		w = a < b && s[a] == '%' && a + 2 < b ? 3 : 1;
		c = w == 3 ? (char)(hex_val(s[a + 1]) << 4 |
				    hex_val(s[a + 2])) : a < b ? s[a] : '.';
		if (c == '.') {
			if (len == 0)
				return (struct domain){ 0 };
			if (alabel && d.labels)
				zl_buf_addc(alabel, '.');
			n = !idn ? len : idn_label(&d, lab, len, start, a,
						   alabel);
			for (i = 0; !idn && alabel && i < len &&
			     i < sizeof lab; i++)
				zl_buf_addc(alabel, lower(lab[i]));
			if (n > DNS_LABEL_MAX && !d.long_label.len) {
				d.long_label = (struct zl_tv_span){
					start, a - start };
				d.long_idn = idn;
			}
			d.labels++;
			d.wire += n + 1;
			d.idn |= idn;
			len = 0;
			idn = false;
			start = a + w;
		} else if (is_namechar(c) || c == '-' ||
			   (unsigned char)c >= 0x80) {
			idn |= (unsigned char)c >= 0x80;
			if (len < sizeof lab)
				lab[len] = c;
			len++;
		} else {
			return (struct domain){ 0 };
		}
	}
	d.wire++;	/* the root's zero octet */
	return d;
}

/* What makes the domain d, [a, b), one that cannot be looked up: a
 * label that is no U-label, or too long for a DNS name; NULL when
 * nothing does.  *bad gets the bytes at fault. */
static const char *domain_problem(const struct domain *d, uint32_t a,
				   uint32_t b, struct zl_tv_span *bad)
{
	if (d->idn_why) {
		*bad = d->idn_bad;
		return d->idn_why;
	}
	if (d->long_label.len) {
		*bad = d->long_label;
		return d->long_idn ?
		       "a label of the domain is longer than 63 octets as its "
		       "A-label (the form DNS holds), more than DNS allows" :
		       "a label of the domain is longer than 63 octets, more "
		       "than DNS allows";
	}
	if (d->wire > DNS_NAME_MAX) {
		*bad = (struct zl_tv_span){ a, b - a };
		return "the domain is longer than 253 characters (its labels "
		       "as A-labels), more than DNS allows (255 octets in "
		       "wire form)";
	}
	return NULL;
}

/* Whether [a, b) is a domain literal, "[" dtext "]" (RFC 6068 §2,
 * RFC 5322 §3.4.1): printable ASCII but '[', ']' and '\' inside. */
static bool domain_literal(const char *s, uint32_t a, uint32_t b)
{
	if (b - a < 3 || s[a] != '[' || s[b - 1] != ']')
		return false;
	for (a++; a < b - 1; a++)
		if (s[a] < 33 || s[a] > 126 || strchr("[]\\", s[a]))
			return false;
	return true;
}

/* RFC 5322 §3.2.3 atext, the characters of an unquoted local part
 * besides '.'. */
static bool is_atext(char c)
{
	return is_alpha(c) || is_digit(c) ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* RFC 5321 §4.1.2 Dot-string, RFC 5322 §3.4.1 dot-atom: the unquoted
 * local part [a, b) of a mailto: URI is atoms of atext joined by single
 * dots.  A percent escape stands for its byte: "%2E" is a dot; other
 * escaped bytes are taken as the sender's to judge.  NULL when it is
 * one, else what is wrong with *bad the byte (or escape) at fault. */
static const char *local_part(const char *s, uint32_t a, uint32_t b,
			      struct zl_tv_span *bad)
{
	uint32_t i, w;
	bool dot, after_dot = true;

	for (i = a; i < b; i += w) {
		w = s[i] == '%' ? 3 : 1;
		dot = s[i] == '.' || (w == 3 && s[i + 1] == '2' &&
				      lower(s[i + 2]) == 'e');
		*bad = (struct zl_tv_span){ i, w };
		if (dot && i == a)
			return "the local part of the address starts with "
			       "'.'";
		if (dot && after_dot)
			return "the local part of the address has two dots in "
			       "a row";
		if (dot && i + w == b)
			return "the local part of the address ends with '.'";
		if (!dot && w == 1 && !is_atext(s[i]))
			return "the local part of the address holds a "
			       "character that only a quoted one can";
		after_dot = dot;
	}
	return NULL;
}

/* Whether [a, b) is an IP address: dotted-quad IPv4 (any host) or, in
 * brackets, an IPv6 address (an http(s): IP literal; a mailto: address
 * literal, RFC 5321 §4.1.3, "[IPv6:" address "]" or "[" IPv4 "]").
 * *loop says whether it is a loopback or unspecified address, the
 * sender's own machine. */
static bool ip_host(const char *s, uint32_t a, uint32_t b, bool *loop)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned char ip[16];
	static const unsigned char zero[16];
	int af = AF_INET;

	if (b > a + 1 && s[a] == '[' && s[b - 1] == ']') {
		a++;
		b--;
		af = AF_INET6;
		if (b - a > 5 && strncasecmp(s + a, "IPv6:", 5) == 0)
			a += 5;
		else if (memchr(s + a, ':', b - a) == NULL)
			af = AF_INET;
	}
	if (b - a >= sizeof buf)
		return false;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	if (inet_pton(af, buf, ip) != 1)
		return false;
	if (af == AF_INET)
		*loop = ip[0] == 127 || memcmp(ip, zero, 4) == 0;
	else	/* ::, ::1, or IPv4 loopback mapped (::ffff:127.x.y.z) */
		*loop = (memcmp(ip, zero, 15) == 0 && ip[15] <= 1) ||
			(memcmp(ip, zero, 10) == 0 && ip[10] == 0xff &&
			 ip[11] == 0xff && ip[12] == 127);
	return true;
}

/* Whether the domain [a, b) is "localhost" or a name below it (RFC 6761
 * §6.3), a final dot allowed, its percent escapes read as their bytes
 * ("loc%61lhost"). */
static bool localhost_name(const char *s, uint32_t a, uint32_t b)
{
	char d[DNS_NAME_MAX + 1];
	size_t n = 0;

	/* Longer than a name: too long is what is wrong with it. */
	for (; a < b && n < sizeof d; n++)
		if (s[a] == '%' && a + 2 < b) {
			d[n] = (char)(hex_val(s[a + 1]) << 4 |
				      hex_val(s[a + 2]));
			a += 3;
		} else {
			d[n] = s[a++];
		}
	if (a < b)
		return false;
	if (n > 0 && d[n - 1] == '.')
		n--;
	return n >= 9 && strncasecmp(d + n - 9, "localhost", 9) == 0 &&
	       (n == 9 || d[n - 10] == '.');
}

/* What makes host [a, b) of a URI one that nothing sent there (a
 * report) or fetched from it (a BIMI logo) reaches: a loopback address,
 * a localhost name (RFC 6761 §6.3), a name longer than DNS allows.  d is
 * the host read as a domain, or NULL to read it here.  NULL when none,
 * else why, with *bad the bytes at fault. */
static const char *unreachable_host(const char *s, uint32_t a, uint32_t b,
				    bool mailto, const struct domain *d,
				    struct zl_tv_span *bad)
{
	struct domain own;
	bool loop = false;

	*bad = (struct zl_tv_span){ a, b - a };
	if (ip_host(s, a, b, &loop)) {
		if (loop)
			return "the host is a loopback or unspecified "
			       "address, which is each sender's own machine";
		/* RFC 5321 §4.1.3: an address is written in brackets; bare,
		 * it is taken for a name, which a dotted quad cannot be
		 * (RFC 1123 §2.1: the top label is alphabetic) */
		if (mailto && s[a] != '[')
			return "the domain is an IP address outside the "
			       "brackets of an address literal, so senders "
			       "take it for a name, which none has";
		return NULL;
	}
	if (localhost_name(s, a, b))
		return "the host is a localhost name, which is each "
		       "sender's own machine";
	if (!d) {
		own = read_domain(s, a, b, NULL);
		d = &own;
	}
	return domain_problem(d, a, b, bad);
}

/* RFC 6068 §2: mailto: addr-spec, "local-part@domain"; an '@' in the
 * local part is written %40 (unless quoted). */
static const char *check_mailto(const char *s, uint32_t a, uint32_t b,
				struct zl_tv_span *bad)
{
	uint32_t at = b, first = b, q;
	bool quoted = s[a] == '"' || strncmp(s + a, "%22", 3) == 0;
	struct domain d = { 0 };
	const char *why;
	bool literal;

	for (q = a; q < b && s[q] != '?'; q++)
		if (s[q] == '@') {
			first = first == b ? q : first;
			at = q;
		}
	*bad = (struct zl_tv_span){ a, q - a };
	if (at == b || at == a)
		return "a mailto: URI needs an address: mailto:local@domain";
	if (first != at && !quoted) {
		*bad = (struct zl_tv_span){ first, 1 };
		return "an '@' in the local part of the address is written "
		       "'%40'";
	}
	if (!quoted && (why = local_part(s, a, at, bad)) != NULL)
		return why;
	*bad = (struct zl_tv_span){ at + 1, q - at - 1 };
	literal = domain_literal(s, at + 1, q);
	if (!literal && (d = read_domain(s, at + 1, q, NULL)).labels == 0)
		return "the address of the mailto: URI has no valid domain";
	return unreachable_host(s, at + 1, q, true, literal ? NULL : &d, bad);
}

/* RFC 3986 §3.2.2: the IP literal that starts at h ('['), in an
 * authority that ends at e: "[" IPv6address or IPvFuture "]".  NULL when
 * it is one, else what is wrong, with *at where. */
static const char *ip_literal(const char *s, uint32_t h, uint32_t e,
			      uint32_t *at)
{
	char buf[INET6_ADDRSTRLEN];
	struct in6_addr a6;
	uint32_t c, i;

	*at = h;
	for (c = h + 1; c < e && s[c] != ']'; c++)
		;
	if (c == e)
		return "'[' opens an IP literal that ']' does not close";
	if (c + 1 < e && s[c + 1] != ':') {
		*at = c + 1;
		return "only ':' and a port may follow an IP literal";
	}
	if (s[h + 1] == 'v' || s[h + 1] == 'V') {	/* IPvFuture */
		for (i = h + 2; i < c && is_hex(s[i]); i++)
			;
		return i > h + 2 && i + 1 < c && s[i] == '.' ? NULL :
		       "not an IP literal: 'v', hex digits, '.' and more";
	}
	if (c - h - 1 >= sizeof buf)
		return "not an IPv6 address";
	memcpy(buf, s + h + 1, c - h - 1);
	buf[c - h - 1] = '\0';
	return inet_pton(AF_INET6, buf, &a6) == 1 ? NULL :
	       "not an IPv6 address";
}

/* What RFC 3986 forbids in any URI [a, b) (the scheme and its ':'
 * before a): a '#' inside the fragment, an IP literal that is not one, a
 * port that is not digits.  NULL when none, else what, with *at where. */
static const char *uri_form(const char *s, uint32_t a, uint32_t b,
			    uint32_t *at)
{
	const char *hash = memchr(s + a, '#', b - a), *again, *why;
	uint32_t h, e, c;

	if (hash && (again = memchr(hash + 1, '#', (size_t)(s + b - hash - 1)))) {
		*at = (uint32_t)(again - s);
		return "a second '#': the fragment cannot hold one";
	}
	if (b - a < 2 || s[a] != '/' || s[a + 1] != '/')
		return NULL;
	for (h = e = a + 2; e < b && !strchr("/?#", s[e]); e++)
		if (s[e] == '@')
			h = e + 1;	/* after the userinfo */
	c = h;
	if (h < e && s[h] == '[') {
		if ((why = ip_literal(s, h, e, at)) != NULL)
			return why;
		while (s[c] != ']')
			c++;
	}
	while (c < e && s[c] != ':')
		c++;
	for (*at = c + 1; *at < e; ++*at)
		if (!is_digit(s[*at]))
			return "the port after ':' must be digits";
	return NULL;
}

/* RFC 3986 §2: a URI is ASCII; another character is written as the
 * percent escapes of its UTF-8 bytes (§2.5), an internationalised domain
 * either so (RFC 6068 §2, RFC 3986 §3.2.2) or as its A-labels (RFC 5891
 * §4.4), the form DMARC (RFC 7489 §6.4 imports URI, not IRI) and TLS-RPT
 * (RFC 8460 §3) records take.  Why the byte at x (before b), from 0x80
 * on, is wrong, with *bad the character it starts (or the byte). */
static const char *raw_byte(const char *s, uint32_t x, uint32_t b,
			    struct zl_tv_span *bad)
{
	size_t k = zl_utf8_len(s + x, b - x);

	*bad = (struct zl_tv_span){ x, k ? (uint32_t)k : 1 };
	if (k == 2 && (unsigned char)s[x] == 0xc2 &&
	    (unsigned char)s[x + 1] == 0xa0)
		return "a no-break space (UTF-8 C2 A0), which looks like a "
		       "blank: a URI holds no blank";
	return k ? "a character that is not ASCII, written as itself: a "
		   "URI holds it only percent-encoded" :
		   "a byte that is neither ASCII nor UTF-8: a URI holds "
		   "only ASCII";
}

char *zl_tv_uri_fix(const char *s, struct zl_tv_span uri,
		    struct zl_tv_span bad)
{
	struct zl_buf esc = { 0 };
	struct zl_tv_span h;
	struct domain d;
	unsigned char c = (unsigned char)s[bad.off];
	char *a = NULL, *fix;
	uint32_t i;

	if (bad.len == 0 || c < 0x80)
		return NULL;
	if (bad.len == 2 && c == 0xc2 &&
	    (unsigned char)s[bad.off + 1] == 0xa0)
		return zl_xstrdup("remove the no-break space, often pasted "
				  "from a web page");
	/* a byte of another encoding: Latin-1's, as a rule */
	if (bad.len == 1 && zl_utf8_len(s + bad.off, 1) == 0 && c >= 0xa0)
		return zl_xasprintf("write the text in UTF-8, percent-encoded: "
				    "byte 0x%02X is no UTF-8 (as Latin-1, "
				    "'%%%02X%%%02X')", c, 0xc0 | c >> 6,
				    0x80 | (c & 0x3f));
	for (i = 0; i < bad.len; i++)
		zl_buf_addf(&esc, "%%%02X", (unsigned char)s[bad.off + i]);
	if (!zl_tv_uri_host(s, uri, &h) || bad.off < h.off ||
	    bad.off >= h.off + h.len)
		fix = zl_xasprintf("write the character percent-encoded as "
				   "its UTF-8 bytes, '%s'", esc.s);
	else if ((a = zl_tv_host_alabel(s, h)) != NULL)
		fix = zl_xasprintf("write the domain as its A-labels, '%s', "
				   "or the character percent-encoded, '%s'",
				   a, esc.s);
	else if ((d = read_domain(s, h.off, h.off + h.len, NULL)).idn_why)
		fix = zl_xasprintf("write the domain as its A-labels, which "
				   "it has none of as written: %s", d.idn_why);
	else
		fix = zl_xasprintf("write the domain as its A-labels, or the "
				   "character percent-encoded, '%s'", esc.s);
	free(a);
	zl_buf_free(&esc);
	return fix;
}

const char *zl_tv_uri_check(const char *s, struct zl_tv_span uri,
			    struct zl_tv_span *scheme, struct zl_tv_span *bad)
{
	const char *form;
	uint32_t a = uri.off, b = uri.off + uri.len, i = a, x;

	*scheme = (struct zl_tv_span){ a, 0 };
	*bad = uri;
	if (uri.len == 0)
		return "empty URI";
	/* a no-break space pasted before it: the byte, not "no scheme" */
	if ((unsigned char)s[a] >= 0x80)
		return raw_byte(s, a, b, bad);
	while (i < b && (is_alpha(s[i]) || (i > a && (is_digit(s[i]) ||
		     s[i] == '+' || s[i] == '-' || s[i] == '.'))))
		i++;
	/* "rua=mailto:a@example.com, ruf=...": a ',' for the ';' */
	if (i > a && i < b && s[i] == '=')
		return "a tag, not a URI: a ';' seems written ',' before it, "
		       "and the tag is not read";
	if (i == a || i == b || s[i] != ':')
		return "the URI has no scheme (such as 'mailto:' or 'https:')";
	*scheme = (struct zl_tv_span){ a, i - a };
	if ((x = uri_bad_at(s, i + 1, b)) < b) {
		if ((unsigned char)s[x] >= 0x80)
			return raw_byte(s, x, b, bad);
		*bad = (struct zl_tv_span){ x, 1 };
		/* "mailto: a@example.com": a blank is to be removed, not
		 * escaped, which would make it part of the address */
		return s[x] == ' ' || s[x] == '\t' ?
		       "a blank inside the URI, which holds none" :
		       "character not allowed in a URI (escape it as %XX)";
	}
	if (i + 1 == b)
		return "the URI has nothing after its scheme";
	if ((form = uri_form(s, i + 1, b, &x)) != NULL) {
		*bad = (struct zl_tv_span){ x, 1 };
		return form;
	}
	if (zl_tv_eq(s, *scheme, "mailto", true))
		return check_mailto(s, i + 1, b, bad);
	if ((zl_tv_eq(s, *scheme, "https", true) ||
	     zl_tv_eq(s, *scheme, "http", true))) {
		struct zl_tv_span h;

		if (b - i < 4 || s[i + 1] != '/' || s[i + 2] != '/' ||
		    !zl_tv_uri_host(s, uri, &h) || h.len == 0)
			return "an http(s): URI needs '//' and a host";
		return unreachable_host(s, h.off, h.off + h.len, false, NULL,
					bad);
	}
	return NULL;
}

/* RFC 5321 §4.5.3.1.1 and §4.5.3.1.3: every mail server accepts a local
 * part of 64 octets and a path of 256, "<" and ">" around the address;
 * beyond those it need not ("objects larger than these sizes SHOULD be
 * avoided"). */
#define LOCAL_MAX 64
#define ADDRESS_MAX 254

/* How many octets [a, b) stands for, a percent escape one. */
static uint32_t octets(const char *s, uint32_t a, uint32_t b)
{
	uint32_t n = 0;

	for (; a < b; a += s[a] == '%' ? 3 : 1)
		n++;
	return n;
}

const char *zl_tv_uri_doubtful(const char *s, struct zl_tv_span uri,
			       struct zl_tv_span *bad)
{
	struct domain d;
	bool loop = false, mailto;
	uint32_t local = uri.off + 7;	/* after "mailto:" */

	if (!zl_tv_uri_host(s, uri, bad))
		return NULL;
	mailto = s[uri.off] == 'm' || s[uri.off] == 'M';
	if (ip_host(s, bad->off, bad->off + bad->len, &loop))
		return loop ? NULL : mailto ?
		       "the domain is an address literal, which many senders "
		       "do not deliver mail to" :
		       "the host is an IP address, which TLS certificates "
		       "seldom name";
	/* Legal, but only where the top-level domain itself has an MX
	 * record (RFC 5321 §5.1) or an address: a few ccTLDs; an intranet
	 * name as a rule */
	d = read_domain(s, bad->off, bad->off + bad->len, NULL);
	if (d.labels == 1)
		return mailto ? "the domain is a single label, which receives "
				"mail only when it is a top-level domain with "
				"an MX record of its own, as few are" :
				"the host is a single label, which resolves "
				"only when it is a top-level domain with an "
				"address of its own, as few are";
	if (!mailto)
		return NULL;
	if (octets(s, local, bad->off - 1) > LOCAL_MAX) {
		*bad = (struct zl_tv_span){ local, bad->off - 1 - local };
		return "the local part of the address is longer than 64 "
		       "octets, which mail servers need not accept";
	}
	/* the domain's text without a final dot, internationalised labels
	 * as A-labels, is its wire form less two octets */
	if (d.wire && octets(s, local, bad->off - 1) + d.wire - 1 >
	    ADDRESS_MAX) {
		*bad = (struct zl_tv_span){ local, bad->off + bad->len -
						   local };
		return "the address is longer than 254 octets, which mail "
		       "servers need not accept";
	}
	return NULL;
}

bool zl_tv_uri_host(const char *s, struct zl_tv_span uri,
		    struct zl_tv_span *host)
{
	uint32_t a = uri.off, b = uri.off + uri.len, c, e;

	for (c = a; c < b && s[c] != ':'; c++)
		;
	if (zl_tv_eq(s, (struct zl_tv_span){ a, c - a }, "mailto", true)) {
		for (e = c; e < b && s[e] != '?'; e++)
			;
		for (a = e; a > c && s[a - 1] != '@'; a--)
			;
		*host = (struct zl_tv_span){ a, e - a };
		return a > c;
	}
	if (!zl_tv_eq(s, (struct zl_tv_span){ a, c - a }, "https", true) &&
	    !zl_tv_eq(s, (struct zl_tv_span){ a, c - a }, "http", true))
		return false;
	if (c + 3 > b || s[c + 1] != '/' || s[c + 2] != '/')
		return false;
	a = c + 3;
	for (e = a; e < b && !strchr("/?#", s[e]); e++)
		if (s[e] == '@')
			a = e + 1;	/* skip userinfo */
	c = a;
	if (c < e && s[c] == '[')	/* an IP literal holds ':' */
		while (c < e && s[c++] != ']')
			;
	for (; c < e && s[c] != ':'; c++)
		;
	*host = (struct zl_tv_span){ a, c - a };
	return true;
}


/* ---- lists of report URIs ---- */

/* What [a, b) starts with: a scheme and ':' (a URI), a tag name and '='
 * (a tag, a ';' written ',' before it), or neither (0). */
static char lead(const char *s, uint32_t a, uint32_t b)
{
	uint32_t i = a;

	if (i >= b || !is_alpha(s[i]))
		return 0;
	while (i < b && (is_alpha(s[i]) || is_digit(s[i]) ||
			 (s[i] && strchr("+-._", s[i]))))
		i++;
	return i < b && (s[i] == ':' || s[i] == '=') ? s[i] : 0;
}

bool zl_tv_has_scheme(const char *s, struct zl_tv_span item)
{
	return lead(s, item.off, item.off + item.len) == ':';
}

bool zl_tv_next_uri(const char *s, struct zl_tv_span list, uint32_t *pos,
		    struct zl_tv_span *item)
{
	uint32_t end = list.off + list.len, p;
	struct zl_tv_span next;

	if (!zl_tv_next_item(s, list, ',', pos, item))
		return false;
	while (*pos < end && lead(s, item->off, item->off + item->len) == ':' &&
	       s[*pos] != ',' && s[*pos] != ' ' && s[*pos] != '\t' &&
	       s[*pos] != '\r' && s[*pos] != '\n' && !lead(s, *pos, end)) {
		p = *pos;
		zl_tv_next_item(s, list, ',', &p, &next);
		/* "mailto:a@x,b@x": an address, its scheme left out */
		if (memchr(s + next.off, '@', next.len))
			break;
		item->len = next.off + next.len - item->off;
		*pos = p;
	}
	return true;
}

static const char *list_uri_check(const char *s, struct zl_tv_span uri,
				  struct zl_tv_span *scheme,
				  struct zl_tv_span *bad)
{
	const char *comma = memchr(s + uri.off, ',', uri.len);
	const char *why = zl_tv_uri_check(s, uri, scheme, bad);

	/* what is wrong before the ',' is, else the ',' */
	if (!comma || (why && bad->off + bad->len <= (uint32_t)(comma - s)))
		return why;
	*bad = (struct zl_tv_span){ (uint32_t)(comma - s), 1 };
	return "a ',' inside a URI is written '%2C': in the list, a ',' "
	       "separates the URIs";
}

/* The verdict on the URI checked last by this thread, by its bytes:
 * several rules check the URIs of one record in a row (a DMARC record's
 * rua= by four), and the verdict is a function of the bytes alone.
 * Spans are kept from the URI's start. */
static _Thread_local struct {
	char text[256];
	uint32_t len;
	const char *why;
	struct zl_tv_span scheme, bad;
} last_uri;

const char *zl_tv_list_uri_check(const char *s, struct zl_tv_span uri,
				 struct zl_tv_span *scheme,
				 struct zl_tv_span *bad)
{
	const char *why;

	if (uri.len > 0 && uri.len == last_uri.len &&
	    memcmp(s + uri.off, last_uri.text, uri.len) == 0) {
		*scheme = (struct zl_tv_span){ uri.off + last_uri.scheme.off,
					       last_uri.scheme.len };
		*bad = (struct zl_tv_span){ uri.off + last_uri.bad.off,
					    last_uri.bad.len };
		return last_uri.why;
	}
	why = list_uri_check(s, uri, scheme, bad);
	if (uri.len > 0 && uri.len <= sizeof last_uri.text &&
	    scheme->off >= uri.off && bad->off >= uri.off) {
		memcpy(last_uri.text, s + uri.off, uri.len);
		last_uri.len = uri.len;
		last_uri.why = why;
		last_uri.scheme = (struct zl_tv_span){ scheme->off - uri.off,
						       scheme->len };
		last_uri.bad = (struct zl_tv_span){ bad->off - uri.off,
						    bad->len };
	}
	return why;
}

/* ---- the same URI twice ---- */

/* RFC 3986 §2.3: the characters a percent escape need not stand for. */
static bool is_unreserved(char c)
{
	return is_alpha(c) || is_digit(c) || (c && strchr("-._~", c));
}

/* One URI of a list in the form that RFC 3986 §6.2.2 compares. */
struct key {
	char *s;
	size_t len, i;		/* i: its index in the list */
};

/* RFC 3986 §6.2.3: in the http(s): URI uri of s with host h (its final
 * dot left out), a ':' with no port or the scheme's default port (80,
 * 443) is none, and an empty path is "/".  *port gets the bytes of such
 * a port (len 0 when none); returns where the path starts. */
static uint32_t no_port(const char *s, struct zl_tv_span uri,
			struct zl_tv_span h, struct zl_tv_span *port)
{
	uint32_t a = h.off + h.len, end = uri.off + uri.len, q;
	const char *dflt = s[uri.off + 4] == ':' ? "80" : "443";

	if (a < end && s[a] == '.')	/* the final dot */
		a++;
	if (a == end || s[a] != ':')
		return a;
	for (q = a + 1; q < end && is_digit(s[q]); q++)
		;
	if (q == a + 1 || (q - a - 1 == strlen(dflt) &&
			   memcmp(s + a + 1, dflt, q - a - 1) == 0))
		*port = (struct zl_tv_span){ a, q - a };
	return q;
}

/* The key of URI uri of s: the scheme and the host in lower case (the
 * host without a final dot), a percent escape of an unreserved character
 * as that character, other escapes with upper-case hex digits; the rest
 * (a mailto: local part, a path) as written.  An internationalised host
 * is its A-labels: "b%C3%BCcher.example" and "xn--bcher-kva.example"
 * name one host (RFC 5891 §5, RFC 3986 §3.2.2), where mail and
 * requests go alike; an http(s): URI's default port is none and its
 * empty path "/" (no_port). */
static struct key uri_key(const char *s, struct zl_tv_span uri, size_t i)
{
	struct zl_buf b = { 0 };
	struct zl_tv_span h = { 0, 0 }, port = { 0, 0 };
	uint32_t p, end = uri.off + uri.len, w, path = end + 1;
	bool scheme = true, host;
	char *alabel = NULL, c;

	if (zl_tv_uri_host(s, uri, &h) && h.len > 1 &&
	    s[h.off + h.len - 1] == '.')
		h.len--;
	if (h.len)
		alabel = zl_tv_host_alabel(s, h);
	if (h.len && s[uri.off] != 'm' && s[uri.off] != 'M')
		path = no_port(s, uri, h, &port);
	zl_buf_add(&b, "", 0);
	for (p = uri.off; p < end; p += w) {
		if (port.len && p == port.off) {
			w = port.len;
			continue;
		}
		if (p == path && (s[p] == '?' || s[p] == '#'))
			zl_buf_addc(&b, '/');
		if (alabel && p == h.off) {
			zl_buf_add(&b, alabel, strlen(alabel));
			w = h.len;
			continue;
		}
		host = p >= h.off && p < h.off + h.len;
		if (h.len && p == h.off + h.len && s[p] == '.') {
			w = 1;		/* the host's final dot */
			continue;
		}
		w = s[p] == '%' && p + 2 < end && is_hex(s[p + 1]) &&
		    is_hex(s[p + 2]) ? 3 : 1;
		c = w == 3 ? (char)(hex_val(s[p + 1]) << 4 |
				    hex_val(s[p + 2])) : s[p];
		if (w == 3 && !is_unreserved(c)) {
			zl_buf_addf(&b, "%%%02X", (unsigned char)c);
			continue;
		}
		zl_buf_addc(&b, scheme || host ? lower(c) : c);
		scheme = scheme && c != ':';
	}
	if (path == end)
		zl_buf_addc(&b, '/');
	free(alabel);
	return (struct key){ b.s, b.len, i };
}

static int key_cmp(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int d = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);

	if (d || a->len != b->len)
		return d ? d : a->len < b->len ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

void zl_tv_uri_repeats(const char *s, const struct zl_tv_span *uris,
		       size_t n, long *first)
{
	struct key *k = zl_xcalloc(n ? n : 1, sizeof *k);
	size_t i, run = 0;

	/* Sorted by key and then by place: linear-logarithmic however
	 * many URIs a crafted list holds. */
	for (i = 0; i < n; i++)
		k[i] = uri_key(s, uris[i], i);
	qsort(k, n, sizeof *k, key_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || k[i].len != k[run].len ||
		    memcmp(k[i].s, k[run].s, k[i].len) != 0)
			run = i;
		first[k[i].i] = run == i ? -1 : (long)k[run].i;
	}
	for (i = 0; i < n; i++)
		free(k[i].s);
	free(k);
}

char *zl_tv_host_alabel(const char *s, struct zl_tv_span host)
{
	struct zl_buf b = { 0 };
	struct domain d;
	uint32_t i;

	for (i = 0; i < host.len && s[host.off + i] != '%' &&
	     (unsigned char)s[host.off + i] < 0x80; i++)
		;
	if (i == host.len)	/* ASCII, no escape: no byte of UTF-8 */
		return NULL;
	d = read_domain(s, host.off, host.off + host.len, &b);
	if (d.labels == 0 || d.idn_why || d.unencoded || !d.idn) {
		zl_buf_free(&b);
		return NULL;
	}
	return b.s;
}
