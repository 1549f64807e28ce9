/* zone_number.c - the rdata fields that are one number: integers, key
 * flags, TTL-like periods, signature times, addresses and record types,
 * from text to wire form as the three servers read them (the other
 * fields: zone_rdata.c). */
#include "zone_conv.h"

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* A signature's original TTL (RFC 4034 §3.1.4, RFC 2535 §4.1.4) written
 * with units, "1h": NSD reads the field as it reads a TTL, BIND and Knot
 * DNS as a number only, and refuse the zone.  The value goes to wire as
 * NSD reads it.  Returns false after an error, *done false when the text
 * is no TTL either (then the number's error stands). */
static bool orig_ttl_units(struct conv *c, struct zl_rdf *r, size_t ti,
			   const char *s, size_t n, bool *done)
{
	uint8_t wire[4];
	uint64_t v;
	int rc;

	*done = false;
	/* only BIND reads $GENERATE: what it refuses stays an error */
	if (c->z->srcs[c->in->src]->gen_parts ||
	    (c->in->type != LDNS_RR_TYPE_RRSIG &&
	     c->in->type != LDNS_RR_TYPE_SIG) || c->field != 3 || c->whole ||
	    (rc = zl_ttl_parse(s, n, UINT32_MAX, &v)) == -1)
		return true;
	*done = true;
	if (rc == -2)
		return bad(c, "range", tok_at(c, ti),
			   "%s %.*s%s is out of range 0..4294967295", fn(c),
			   ZL_TOKARGS(s, n));
	zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
			c->in->src, tok_at(c, ti), "%s '%.*s%s' written with "
			"units, which BIND and Knot DNS refuse (NSD reads a "
			"TTL there): write %llu", fn(c), ZL_TOKARGS(s, n),
			(unsigned long long)v);
	wire[0] = (uint8_t)(v >> 24);
	wire[1] = (uint8_t)(v >> 16);
	wire[2] = (uint8_t)(v >> 8);
	wire[3] = (uint8_t)v;
	return zl_conv_set(c, r, LDNS_RDF_TYPE_INT32, wire, 4, ti, 1);
}

/* ldns reads numbers with strtol/atoi and truncates (MX 70000 becomes
 * 4464), so the ranges are checked here.  A '+' before the digits of an
 * 8- or 16-bit number, or a '-' before a zero, NSD reads (strtol(3)),
 * BIND and Knot DNS refuse; NSD reads the 32-bit ones (serials)
 * otherwise, and refuses it too. */
bool zl_conv_int(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti,
		 size_t bytes)
{
	uint64_t v = 0, max = bytes == 1 ? 255 : bytes == 2 ? 65535 : 4294967295u;
	uint8_t wire[4];
	const char *s;
	size_t n, i, plus;
	bool done, ok;

	s = tok_text(c, ti, &n);
	plus = bytes < 4 ? zl_number_sign(s, n) : 0;
	if (!zl_conv_digits(s + plus, n - plus) && bytes == 4 &&
	    (ok = orig_ttl_units(c, r, ti, s, n, &done), done))
		return ok;
	if (!zl_conv_digits(s + plus, n - plus))
		return bad(c, "syntax", tok_at(c, ti), "invalid %s '%.*s%s'",
			   fn(c), ZL_TOKARGS(s, n));
	for (i = plus; i < n && v <= max; i++)
		v = v * 10 + (uint64_t)(s[i] - '0');
	if (v > max)
		return bad(c, "range", tok_at(c, ti),
			   "%s %.*s%s is out of range 0..%llu", fn(c),
			   ZL_TOKARGS(s, n), (unsigned long long)max);
	if (plus)
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, tok_at(c, ti), "%s '%.*s%s' "
				"written with a sign, which BIND and Knot DNS "
				"refuse: write %llu", fn(c),
				ZL_TOKARGS(s, n), (unsigned long long)v);
	for (i = 0; i < bytes; i++)
		wire[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
	return zl_conv_set(c, r, ft, wire, bytes, ti, 1);
}

bool zl_conv_period(struct conv *c, struct zl_rdf *r, size_t ti)
{
	uint64_t v;
	uint8_t wire[4];
	const char *s;
	size_t n;
	int rc;

	s = tok_text(c, ti, &n);
	rc = zl_ttl_parse(s, n, UINT32_MAX, &v);
	if (rc == -1)
		return bad(c, "syntax", tok_at(c, ti), "invalid %s '%.*s%s'",
			   fn(c), ZL_TOKARGS(s, n));
	if (rc == -2)
		return bad(c, "range", tok_at(c, ti),
			   "%s %.*s%s is out of range 0..4294967295", fn(c),
			   ZL_TOKARGS(s, n));
	wire[0] = (uint8_t)(v >> 24);
	wire[1] = (uint8_t)(v >> 16);
	wire[2] = (uint8_t)(v >> 8);
	wire[3] = (uint8_t)v;
	return zl_conv_set(c, r, LDNS_RDF_TYPE_PERIOD, wire, 4, ti, 1);
}

/* Days from 1970-01-01 to y-m-d, proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* NSD reads a signature's time with strptime(3) as "%Y%m%d%H%M%S" only,
 * and glibc's takes a field's digits while its value may still grow
 * within its range (2147483647 is 2147-04-08 03:06:47), ignoring what
 * follows the seconds.  Whether it reads the digits s[0..n) as a date,
 * whose fields go to f. */
static bool nsd_date(const char *s, size_t n, unsigned f[6])
{
	static const unsigned lo[6] = { 0, 1, 1, 0, 0, 0 },
			      hi[6] = { 9999, 12, 31, 23, 59, 61 };
	size_t p = 0, k;

	for (k = 0; k < 6; k++) {
		unsigned w = k ? 2 : 4;

		if (p >= n)
			return false;
		f[k] = 0;
		do
			f[k] = f[k] * 10 + (unsigned)(s[p++] - '0');
		while (--w > 0 && f[k] * 10 <= hi[k] && p < n);
		if (f[k] < lo[k] || f[k] > hi[k])
			return false;
	}
	return true;
}

/* The time NSD keeps for the date fields f of nsd_date(): its
 * mktime_from_utc(), which adds out-of-range days and seconds on and
 * counts leap days with C's division, modulo 2^32 as the field holds
 * it. */
static uint32_t nsd_seconds(const unsigned f[6])
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30,
				       31, 31, 30, 31, 30, 31 };
	int64_t y = f[0], days = 365 * (y - 1970), y1 = 1969, y2 = y - 1;
	unsigned i;

	days += (y2 / 4 - y1 / 4) - (y2 / 100 - y1 / 100) +
		(y2 / 400 - y1 / 400);
	for (i = 0; i + 1 < f[1]; i++)
		days += mdays[i];
	if (f[1] > 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		days++;
	days += f[2] - 1;
	return (uint32_t)(((days * 24 + f[3]) * 60 + f[4]) * 60 + f[5]);
}

/* A time s[0..n) written as seconds that NSD reads as the date f: the
 * time it loads, as YYYYMMDDHHmmSS. */
static void nsd_misread(struct conv *c, size_t ti, const char *s, size_t n,
			const unsigned f[6])
{
	time_t t = (time_t)nsd_seconds(f);
	struct tm tm;

	gmtime_r(&t, &tm);
	zl_zone_problem(c->z, "portable", c->in->src, tok_at(c, ti),
			"%s %.*s%s written as seconds since 1970, which NSD "
			"reads as a date and loads as %04d%02d%02d%02d%02d%02d: "
			"write it as YYYYMMDDHHmmSS", fn(c), ZL_TOKARGS(s, n),
			tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			tm.tm_hour, tm.tm_min, tm.tm_sec);
}

bool zl_civil_time(const char *s, size_t n, int64_t *secs)
{
	static const unsigned mdays[12] = { 31, 28, 31, 30, 31, 30,
					    31, 31, 30, 31, 30, 31 };
	unsigned y, mo, d, h, mi, se;

	if (n != 14 || !zl_conv_digits(s, n))
		return false;
	y = zl_conv_decimal(s, 4);
	mo = zl_conv_decimal(s + 4, 2);
	d = zl_conv_decimal(s + 6, 2);
	h = zl_conv_decimal(s + 8, 2);
	mi = zl_conv_decimal(s + 10, 2);
	se = zl_conv_decimal(s + 12, 2);
	/* second 60, a leap second, BIND and NSD read */
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60 ||
	    d > mdays[mo - 1] + (mo == 2 && y % 4 == 0 &&
				 (y % 100 != 0 || y % 400 == 0)))
		return false;
	*secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	return true;
}

/* A signature's expiration or inception (RFC 4034 §3.2): YYYYMMDDHHmmSS
 * in UTC, or seconds since 1970 as a decimal of at most ten digits, kept
 * as seconds modulo 2^32 (§3.1.5).  ldns takes a longer number cut to 32
 * bits, and a date with a stray character, so they are read here. */
bool zl_conv_time(struct conv *c, struct zl_rdf *r, size_t ti)
{
	unsigned y, se, f[6];
	int64_t t;
	uint64_t v;
	uint8_t wire[4];
	const char *s;
	size_t n;

	s = tok_text(c, ti, &n);
	if (!zl_conv_digits(s, n) || (n > 10 && n != 14))
		return bad(c, "syntax", tok_at(c, ti), "invalid %s '%.*s%s': "
			   "neither YYYYMMDDHHmmSS nor seconds since 1970",
			   fn(c), ZL_TOKARGS(s, n));
	if (n == 14) {
		if (!zl_civil_time(s, n, &t))
			return bad(c, "range", tok_at(c, ti),
				   "%s %.*s%s is not a date and time", fn(c),
				   ZL_TOKARGS(s, n));
		y = zl_conv_decimal(s, 4);
		se = zl_conv_decimal(s + 12, 2);
		/* RFC 4034 §3.1.5 counts modulo 2^32, as the servers
		 * store it; Knot DNS refuses a year before 1970 or more
		 * than 255 years after it. */
		if (y < 1970 || y > 1970 + 255 || se == 60)
			zl_zone_refused(c->z, ZL_NOT_KNOT, "portable",
					c->in->src, tok_at(c, ti), "%s %.*s%s "
					"%s, which Knot DNS refuses", fn(c),
					ZL_TOKARGS(s, n), se == 60 ?
					"at second 60" :
					"in a year outside 1970 to 2225");
		v = (uint64_t)t;
	} else {
		v = n < 10 ? zl_conv_decimal(s, n) :
		    (uint64_t)zl_conv_decimal(s, 9) * 10 + (uint64_t)(s[9] - '0');
		if (v > 4294967295u)
			return bad(c, "range", tok_at(c, ti),
				   "%s %.*s%s is out of range 0..4294967295",
				   fn(c), ZL_TOKARGS(s, n));
		if (!nsd_date(s, n, f))
			zl_zone_refused(c->z, ZL_NOT_NSD, "portable",
					c->in->src, tok_at(c, ti), "%s %.*s%s "
					"written as seconds since 1970, which "
					"NSD refuses: write it as "
					"YYYYMMDDHHmmSS", fn(c),
					ZL_TOKARGS(s, n));
		else
			nsd_misread(c, ti, s, n, f);
	}
	wire[0] = (uint8_t)(v >> 24);
	wire[1] = (uint8_t)(v >> 16);
	wire[2] = (uint8_t)(v >> 8);
	wire[3] = (uint8_t)v;
	return zl_conv_set(c, r, LDNS_RDF_TYPE_TIME, wire, 4, ti, 1);
}

/* A dotted quad as inet_pton(AF_INET) reads it: four decimal octets of at
 * most 255, without leading zeros; parsed here, where most records of a
 * zone are A records, without the copy inet_pton's NUL needs. */
static bool ipv4(const char *s, size_t n, uint8_t out[4])
{
	unsigned v = 0, octets = 0;
	bool digit = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (digit && v == 0)
				return false;
			if ((v = v * 10 + (unsigned)(s[i] - '0')) > 255)
				return false;
			if (!digit && ++octets > 4)
				return false;
			digit = true;
		} else if (s[i] == '.' && digit && octets < 4) {
			out[octets - 1] = (uint8_t)v;
			v = 0;
			digit = false;
		} else {
			return false;
		}
	}
	if (octets < 4 || !digit)
		return false;
	out[3] = (uint8_t)v;
	return true;
}

bool zl_conv_addr(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti)
{
	char ip[64];
	uint8_t wire[16];
	int af = ft == LDNS_RDF_TYPE_A ? AF_INET : AF_INET6;
	const char *s;
	size_t n;

	s = tok_text(c, ti, &n);
	if (n >= sizeof ip || c->in->toks[ti].quoted)
		goto fail;
	if (af == AF_INET) {
		if (!ipv4(s, n, wire))
			goto fail;
	} else {
		memcpy(ip, s, n);
		ip[n] = '\0';
		if (inet_pton(af, ip, wire) != 1)
			goto fail;
	}
	return zl_conv_set(c, r, ft, wire, af == AF_INET ? 4 : 16, ti, 1);
fail:
	return bad(c, "syntax", tok_at(c, ti), "invalid %s address '%.*s%s'",
		   af == AF_INET ? "IPv4" : "IPv6", ZL_TOKARGS(s, n));
}

/* The servers that refuse type t in an RRSIG's type covered or a type
 * bitmap (numeric: written TYPEnnn): Knot DNS reads neither OPT nor a
 * query type (RFC 6895 §3.1) by its mnemonic, nor MD and MF; NSD no query
 * type by its mnemonic and no type 0. */
static unsigned type_refused(uint16_t t, bool numeric)
{
	bool query = t >= 249 && t <= 255;
	unsigned not = 0;

	if (!numeric && (query || t == 41 || t == 3 || t == 4))
		not |= ZL_NOT_KNOT;
	if ((!numeric && query) || t == 0)
		not |= ZL_NOT_NSD;
	return not;
}

/* Reads a type mnemonic token (an RRSIG's type covered, a type in an
 * NSEC bitmap), reporting it when unknown, and when some servers do
 * not know the mnemonic, as a record's type is (TYPEnnn they all read). */
bool zl_conv_type_ok(struct conv *c, size_t ti, uint16_t *t)
{
	const char *s;
	size_t n;
	unsigned not, unknown, form;
	bool numeric;

	s = tok_text(c, ti, &n);
	form = zl_type_form(s, n, t);
	if (form == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD))
		return bad(c, "syntax", tok_at(c, ti),
			   "unknown record type '%.*s%s'", ZL_TOKARGS(s, n));
	numeric = zl_type_numeric(s, n);
	unknown = numeric ? 0 : zl_type_unknown_to(*t);
	not = unknown | form | type_refused(*t, numeric);
	if (not == (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD))
		return bad(c, "syntax", tok_at(c, ti), "record type '%.*s%s' "
			   "in %s, which BIND, Knot DNS and NSD refuse%s",
			   ZL_TOKARGS(s, n), fn(c), unknown == not ?
			   ": write it as TYPEnnn" : "");
	if (unknown)
		zl_zone_refused(c->z, unknown, "portable", c->in->src,
				tok_at(c, ti), "record type '%.*s%s' in %s is "
				"unknown to %s: write it as TYPE%u",
				ZL_TOKARGS(s, n), fn(c),
				zl_servers_str(unknown), *t);
	if (form)	/* "TYPE+1", "TYPE000001" */
		zl_zone_refused(c->z, form, "portable", c->in->src,
				tok_at(c, ti), "record type '%.*s%s' in %s %s, "
				"which %s: write TYPE%u", ZL_TOKARGS(s, n),
				fn(c), zl_lex_generic_how(form),
				zl_servers_refuse(form), *t);
	if (not & ~unknown & ~form)
		zl_zone_refused(c->z, not & ~unknown & ~form, "portable",
				c->in->src, tok_at(c, ti), "record type "
				"'%.*s%s' in %s, which %s", ZL_TOKARGS(s, n),
				fn(c), zl_servers_refuse(not & ~unknown & ~form));
	return true;
}

bool zl_conv_type(struct conv *c, struct zl_rdf *r, size_t ti)
{
	uint16_t t;
	uint8_t wire[2];

	if (!zl_conv_type_ok(c, ti, &t))
		return false;
	wire[0] = (uint8_t)(t >> 8);
	wire[1] = (uint8_t)t;
	return zl_conv_set(c, r, LDNS_RDF_TYPE_TYPE, wire, 2, ti, 1);
}

/* An 8-bit number at most max; what names it in messages (NULL: the
 * field's name). */
bool zl_conv_small(struct conv *c, struct zl_rdf *r, size_t ti, unsigned max,
		   const char *what)
{
	if (!zl_conv_int(c, r, LDNS_RDF_TYPE_INT8, ti, 1))
		return false;
	if (r->v.in[0] > max)
		return bad(c, "range", tok_at(c, ti),
			   "%s %u is out of range 0..%u", what ? what : fn(c),
			   r->v.in[0], max);
	return true;
}

/* BIND's key flags (dns_keyflags_fromtext): a decimal number, hex
 * digits, each of at most 12 characters, or mnemonics joined by '|', each
 * matched by its first letters in the order of this table. */
static const struct {
	const char *name;
	uint16_t value;
} keyflags[] = {
	{ "NOCONF", 0x4000 }, { "NOAUTH", 0x8000 }, { "NOKEY", 0xC000 },
	{ "FLAG2", 0x2000 }, { "EXTEND", 0x1000 }, { "FLAG4", 0x0800 },
	{ "FLAG5", 0x0400 }, { "USER", 0x0000 }, { "ZONE", 0x0100 },
	{ "HOST", 0x0200 }, { "NTYP3", 0x0300 }, { "FLAG8", 0x0080 },
	{ "FLAG9", 0x0040 }, { "FLAG10", 0x0020 }, { "FLAG11", 0x0010 },
	{ "SIG0", 0 }, { "SIG1", 1 }, { "SIG2", 2 }, { "SIG3", 3 },
	{ "SIG4", 4 }, { "SIG5", 5 }, { "SIG6", 6 }, { "SIG7", 7 },
	{ "SIG8", 8 }, { "SIG9", 9 }, { "SIG10", 10 }, { "SIG11", 11 },
	{ "SIG12", 12 }, { "SIG13", 13 }, { "SIG14", 14 }, { "SIG15", 15 },
	{ "KSK", 0x0001 },
};

/* BIND's reading of s[0..n), not a decimal number: hex after a first
 * digit, else mnemonics.  False if BIND refuses it too. */
static bool keyflags_bind(const char *s, size_t n, unsigned *v)
{
	size_t i = 0, len, k;
	int d;

	*v = 0;
	if (s[0] >= '0' && s[0] <= '9') {
		if (n > 12)	/* BIND takes no longer number */
			return false;
		if (n > 1 && s[0] == '0' && (s[1] | 0x20) == 'x')
			i = 2;
		if (i == n)
			return false;
		for (; i < n; i++) {
			if ((d = zl_hex_digit(s[i])) < 0)
				return false;
			*v = *v * 16 + (unsigned)d;
			if (*v > 0xffff)
				return false;
		}
		return true;
	}
	while (i < n) {
		for (len = 0; i + len < n && s[i + len] != '|'; len++)
			;
		for (k = 0; k < sizeof keyflags / sizeof keyflags[0]; k++)
			if (strlen(keyflags[k].name) >= len &&
			    strncasecmp(keyflags[k].name, s + i, len) == 0)
				break;
		if (k == sizeof keyflags / sizeof keyflags[0])
			return false;
		*v |= keyflags[k].value;
		i += len + 1;
	}
	return true;
}

/* The flags of a KEY, DNSKEY, RKEY or CDNSKEY record: a number from 0 to
 * 65535, which every server reads.  BIND also reads hex and mnemonics,
 * which Knot DNS and NSD refuse. */
bool zl_conv_keyflags(struct conv *c, struct zl_rdf *r, size_t ti)
{
	size_t n;
	const char *s = tok_text(c, ti, &n);
	unsigned v;
	uint8_t wire[2];

	if (zl_conv_digits(s, n) && n > 12 &&
	    zl_conv_int(c, r, LDNS_RDF_TYPE_INT16, ti, 2)) {
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable",
				c->in->src, tok_at(c, ti),
				"%s '%.*s%s' of more than 12 digits, which BIND "
				"refuses: write it without the leading zeros",
				fn(c), ZL_TOKARGS(s, n));
		return true;
	}
	if (zl_conv_digits(s, n) || n == 0 || !keyflags_bind(s, n, &v))
		return zl_conv_int(c, r, LDNS_RDF_TYPE_INT16, ti, 2);
	zl_zone_refused(c->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
			c->in->src, tok_at(c, ti), "%s '%.*s%s' in BIND's own "
			"notation, which Knot DNS and NSD refuse: write %u",
			fn(c),
			ZL_TOKARGS(s, n), v);
	wire[0] = (uint8_t)(v >> 8);
	wire[1] = (uint8_t)v;
	return zl_conv_set(c, r, LDNS_RDF_TYPE_INT16, wire, 2, ti, 1);
}
