/* server_bind_value.c - the values of named.conf statements as named reads them: TTLs, ISO 8601 durations, port numbers, classes, the words before a list of servers, prefixes, percentages, sizes. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "server_bind.h"

/* A TTL as named's dns_ttl_fromtext reads it: decimal seconds, or
 * numbers each followed by a unit (w, d, h, m, s in any case, summed:
 * "1h30m", "1s1s"), at most 2^32 - 1. */
bool bind_ttl_text(const char *s, uint64_t *out)
{
	uint64_t sum = 0, num;
	size_t k;

	do {
		for (num = 0, k = 0; isdigit((unsigned char)s[k]); k++)
			if ((num = num * 10 + (uint64_t)(s[k] - '0')) >
			    UINT32_MAX)
				return false;
		if (k == 0)
			return false;
		s += k;
		if (!*s) {
			*out = num;
			return sum == 0;
		}
		switch (*s++) {
		case 'w': case 'W': num *= 604800; break;
		case 'd': case 'D': num *= 86400; break;
		case 'h': case 'H': num *= 3600; break;
		case 'm': case 'M': num *= 60; break;
		case 's': case 'S': break;
		default: return false;
		}
		if ((sum += num) > UINT32_MAX)
			return false;
	} while (*s);
	*out = sum;
	return true;
}

/* One part of an ISO 8601 duration as named 9.18 reads it: the number
 * from after *from's first byte up to the part's letter x, with *from
 * moved to x. */
static bool iso_part(const char **from, const char *x, uint64_t scale,
		     uint64_t *sum)
{
	long long v;
	char *end;

	errno = 0;
	v = strtoll(*from + 1, &end, 10);
	if (errno || v < 0 || v > (long long)UINT32_MAX || end != x)
		return false;
	*sum += (uint64_t)v * scale;
	*from = x;
	return true;
}

/* An ISO 8601 duration, "P1D", "PT12H", "P1Y2M": named 9.18's
 * duration_fromtext, whose every letter is found by its first
 * occurrence (a month is an M before the T, a minute one after it), a
 * year taken as 365 days and a month as 31; weeks stand alone.  The sum
 * saturates at 2^32 - 1, as named's does. */
bool bind_iso_duration(const char *s, uint64_t *out)
{
	const char *p = s, *t, *x, *str = s;
	uint64_t sum = 0;
	bool not_weeks = false;

	if (strlen(s) >= 80)
		return false;
	t = strpbrk(s, "Tt");
	if ((x = strpbrk(str, "Yy")) &&
	    !(not_weeks = iso_part(&str, x, 31536000, &sum)))
		return false;
	x = strpbrk(str, "Mm");
	if (x && (!t || x - p < t - p) &&
	    !(not_weeks = iso_part(&str, x, 2678400, &sum)))
		return false;
	if ((x = strpbrk(str, "Dd")) &&
	    !(not_weeks = iso_part(&str, x, 86400, &sum)))
		return false;
	if (t) {
		str = t;
		not_weeks = true;
	}
	if ((x = strpbrk(str, "Hh")) && t && !iso_part(&str, x, 3600, &sum))
		return false;
	x = strpbrk(str, "Mm");
	if (x && t && x - p > t - p && !iso_part(&str, x, 60, &sum))
		return false;
	if ((x = strpbrk(str, "Ss")) && t && !iso_part(&str, x, 1, &sum))
		return false;
	if ((x = strpbrk(s, "Ww")) &&
	    (not_weeks || !iso_part(&str, x, 604800, &sum)))
		return false;
	if (str[1] != '\0')
		return false;
	*out = sum > UINT32_MAX ? UINT32_MAX : sum;
	return true;
}

/* A port number as named reads it (0 to 65535, leading zeros taken). */
bool bind_port(const struct tok *t, int64_t *out)
{
	const char *p = t->s;
	int64_t v = 0;

	if (t->t != T_WORD || !*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > 65535)
			return false;
	}
	*out = v;
	return true;
}

/* The class word t names (none: IN), as named reads it: "IN", "CH" or
 * "HS" (in, ch or chaos, hs or hesiod, or CLASS1, 3 or 4), the meta
 * classes "RESERVED0", "NONE" and "ANY" (or CLASS0, 254 or 255),
 * "CLASSnnn" for another number, "" for no class at all. */
void bind_class(const struct tok *t, char out[12])
{
	static const char *const names[][2] = {
		{ "in", "IN" }, { "ch", "CH" }, { "chaos", "CH" },
		{ "hs", "HS" }, { "hesiod", "HS" }, { "reserved0", "RESERVED0" },
		{ "none", "NONE" }, { "any", "ANY" },
	};
	const char *digits;
	unsigned long v;
	size_t i;

	strcpy(out, t ? "" : "IN");
	if (!t || t->t != T_WORD)
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(t->s, names[i][0]))
			strcpy(out, names[i][1]);
	digits = t->s + 5;
	if (strncasecmp(t->s, "class", 5) != 0 || !*digits ||
	    strspn(digits, "0123456789") != strlen(digits) ||
	    strlen(digits) > 5 || (v = strtoul(digits, NULL, 10)) > 65535)
		return;
	if (v == 1 || v == 3 || v == 4)
		strcpy(out, v == 1 ? "IN" : v == 3 ? "CH" : "HS");
	else if (v == 0 || v == 254 || v == 255)
		strcpy(out, v == 0 ? "RESERVED0" : v == 254 ? "NONE" : "ANY");
	else
		snprintf(out, 12, "CLASS%lu", v);
}

/* The words args[from..n) between a list of servers' name and its '{'
 * (primaries, masters, parental-agents, also-notify, forwarders):
 * "port N" and "dscp N" (BIND 9.18), "source A" and "source-v6 A" (BIND
 * 9.20), "tls NAME" (forwarders, BIND 9.20), each word with its value.
 * named refuses another ("'{' expected"), or a port or dscp that is no
 * number, and does not start. */
void bind_list_header(struct bind *b, const struct tok *args, size_t from,
		      size_t n)
{
	const struct tok *w, *v;
	size_t i;

	for (i = from; i < n; i += 2) {
		w = &args[i];
		v = i + 1 < n ? &args[i + 1] : NULL;
		if (!is(w, "port") && !is(w, "dscp") && !is(w, "source") &&
		    !is(w, "source-v6") && !is(w, "tls")) {
			srv_err_help(b->s, "only 'port N' may come between the "
				     "option and its list (and 'dscp N' for "
				     "BIND 9.18); a list of a name is defined "
				     "at the top of named.conf, and named in "
				     "the braces", w->file, w->line, w->col,
				     "'{' expected near '%s'", w->s);
			return;
		}
		if (!v || ((is(w, "port") || is(w, "dscp")) &&
			   (v->t != T_WORD ||
			    strspn(v->s, "0123456789") != strlen(v->s)))) {
			srv_err(b->s, v ? v->file : w->file, v ? v->line :
				w->line, v ? v->col : w->col, "expected number "
				"near '%s'", v ? v->s : "{");
			return;
		}
	}
}

/* max-ixfr-ratio (options, a view, a zone): "unlimited" or a percentage,
 * digits and '%' ("50%"), which named reads to 32 bits; one of none at
 * all (0%) refused, as one that is no percentage.  Over 100% is only
 * warned of. */
void bind_ratio_option(struct bind *b, const struct tok *args, size_t n)
{
	const struct tok *t = &args[1];
	uint32_t v = 0;
	size_t k;

	if (n < 2 || !is(&args[0], "max-ixfr-ratio") || is(t, "unlimited"))
		return;
	for (k = 0; t->t == T_WORD && isdigit((unsigned char)t->s[k]); k++)
		v = v * 10 + (uint32_t)(t->s[k] - '0');
	if (t->t != T_WORD || t->s[k] != '%' || t->s[k + 1])
		srv_err(b->s, t->file, t->line, t->col, "expected percentage "
			"near '%s'", t->t == T_STR ? "\"" : t->s);
	else if (v == 0)
		srv_err(b->s, t->file, t->line, t->col, "'ixfr-max-ratio' must "
			"be a nonzero percentage or 'unlimited'");
}

/* lmdb-mapsize (options, a view): a size, digits with an optional unit
 * (k, m, g: powers of 1024), that named holds to 1 MiB at least and
 * 1 TiB at most, the bounds of the map of the new-zone database. */
void bind_mapsize_option(struct bind *b, const struct tok *args, size_t n)
{
	const struct tok *t = &args[1];
	uint64_t v = 0, scale = 1;
	size_t k;

	if (n < 2 || !is(&args[0], "lmdb-mapsize"))
		return;
	for (k = 0; t->t == T_WORD && isdigit((unsigned char)t->s[k]) &&
		    v <= UINT32_MAX * (uint64_t)1024; k++)
		v = v * 10 + (uint64_t)(t->s[k] - '0');
	if (k > 0 && t->s[k] && !t->s[k + 1] && strchr("kKmMgG", t->s[k]))
		scale = strchr("kK", t->s[k]) ? 1024 : strchr("mM", t->s[k]) ?
			1024 * 1024 : 1024 * 1024 * 1024;
	else if (k == 0 || t->s[k])
		scale = 0;
	if (!scale) {
		srv_err(b->s, t->file, t->line, t->col, "expected integer and "
			"optional unit near '%s'", t->t == T_STR ? "\"" : t->s);
		return;
	}
	v = v > UINT64_MAX / scale ? UINT64_MAX : v * scale;
	if (v < 1024 * 1024 || v > (uint64_t)1024 * 1024 * 1024 * 1024)
		srv_err(b->s, t->file, t->line, t->col, "'lmdb-mapsize %llu' "
			"is too %s", (unsigned long long)v, v < 1024 * 1024 ?
			"small" : "large");
}

/* IPv4 text as named reads a prefix's address, one to four numbers
 * ("10" and "10.1" are 10.0.0.0 and 10.1.0.0), into out[4]: true when
 * it is one. */
static bool ipv4_short(const char *s, size_t len, uint8_t out[4])
{
	unsigned long v;
	size_t k = 0;
	char *end;

	memset(out, 0, 4);
	while (k < 4 && len > 0 && isdigit((unsigned char)*s)) {
		v = strtoul(s, &end, 10);
		if (v > 255 || (size_t)(end - s) > len)
			return false;
		out[k++] = (uint8_t)v;
		len -= (size_t)(end - s);
		s = end;
		if (len == 0)
			return true;
		if (*s != '.' || --len == 0)
			return false;
		s++;
	}
	return false;
}

/* The dots in s. */
static size_t dots(const char *s)
{
	size_t k = 0;

	while ((s = strchr(s, '.')) != NULL && ++k)
		s++;
	return k;
}

/* named-checkconf: an IPv4 address of fewer than four numbers without a
 * length, a prefix longer than its family ("invalid prefix length"), or
 * whose address has bits set past its length
 * ("10.1.0.0/8": RFC 4632 section 3.1 writes a prefix with them clear),
 * refused at it. */
void bind_prefix_check(struct bind *b, const struct tok *t)
{
	const char *slash = strchr(t->s, '/');
	uint8_t a[16] = { 0 };
	char text[INET6_ADDRSTRLEN + 1], buf[INET6_ADDRSTRLEN];
	unsigned long len, bits, i;
	char *end;
	bool v6;

	/* named reads a prefix length after an IPv4 address of fewer
	 * than four numbers: "127.1" alone is none */
	if (!slash && strspn(t->s, "0123456789.") == strlen(t->s) &&
	    dots(t->s) < 3) {
		srv_err(b->s, t->file, t->line, t->col, "incomplete IPv4 "
			"address or prefix '%s'", t->s);
		return;
	}
	if (!slash || !isdigit((unsigned char)slash[1]) ||
	    (size_t)(slash - t->s) > INET6_ADDRSTRLEN)
		return;
	len = strtoul(slash + 1, &end, 10);
	if (*end)
		return;
	v6 = memchr(t->s, ':', (size_t)(slash - t->s)) != NULL;
	memcpy(text, t->s, (size_t)(slash - t->s));
	text[slash - t->s] = '\0';
	if (v6 ? inet_pton(AF_INET6, text, a) != 1 :
	    !ipv4_short(text, strlen(text), a))
		return;
	bits = v6 ? 128 : 32;
	if (len > bits) {
		srv_err(b->s, t->file, t->line, t->col, "invalid prefix length "
			"'%s'", slash + 1);
		return;
	}
	for (i = len; i < bits; i++)
		if (a[i / 8] & (0x80 >> (i % 8)))
			break;
	if (i == bits)
		return;
	inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, sizeof buf);
	srv_err(b->s, t->file, t->line, t->col, "'%s/%lu': address/prefix "
		"length mismatch '%lu'", buf, len, len);
}
