/* zone_regex.c - the NAPTR regexp field as BIND reads it (RFC 3403 §3.2). */
#include "zone_lex.h"

#include <string.h>

/* Where an ERE stands while it is read. */
struct ere {
	const uint8_t *s;
	size_t n, i;
	unsigned groups;	/* '(' seen so far */
	unsigned open;		/* '(' not yet closed */
	bool atom;		/* something a repetition could apply to */
	bool repeated;		/* the last atom was repeated or an anchor */
	bool empty_ok;		/* "()" is allowed until the next '|' */
	const char *why;
};

static bool fail(struct ere *e, const char *why)
{
	e->why = why;
	return false;
}

/* The POSIX character classes (POSIX.1-2017 XBD 9.3.5). */
static bool class_known(const uint8_t *s, size_t n)
{
	static const char *const names[] = {
		"alnum", "alpha", "blank", "cntrl", "digit", "graph",
		"lower", "print", "punct", "space", "upper", "xdigit"
	};
	size_t k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (strlen(names[k]) == n && memcmp(names[k], s, n) == 0)
			return true;
	return false;
}

/* "[.x.]", "[=x=]" or "[:name:]" inside a bracket expression, at e->i
 * on its '[': moves past it.  *start becomes the single character of a
 * collating element (256 for a longer one); *range is as in bracket(). */
static bool element(struct ere *e, int *range, unsigned *start)
{
	uint8_t kind = e->s[e->i + 1];
	size_t from = e->i + 2, p;

	for (p = from; p + 1 < e->n; p++)
		if (e->s[p] == kind && e->s[p + 1] == ']')
			break;
	if (p + 1 >= e->n)
		return fail(e, "an unterminated bracket expression");
	if (p == from)
		return fail(e, "an empty element in a bracket expression");
	if (kind != '.' && *range == 2)
		return fail(e, "a class as the end of a range");
	if (kind == ':' && !class_known(e->s + from, p - from))
		return fail(e, "an unknown character class");
	if (kind == '.') {
		/* BIND keeps the byte as a char, signed on the machines it
		 * runs on: one above 0x7f comes before any other. */
		*start = p - from > 1 ? 256 : e->s[from] < 0x80 ? e->s[from] : 0;
		if (*range)
			(*range)--;
	}
	e->i = p + 2;
	return true;
}

/* A bracket expression, e->i just after its '['.  range is 2 after the
 * '-' of a range, 1 just after its end (a '-' there is an error), else 0. */
static bool bracket(struct ere *e)
{
	bool seen = false, neg = false;
	int range = 0;
	unsigned start = 0;
	uint8_t ch;

	while (e->i < e->n) {
		ch = e->s[e->i];
		if (ch == '^' && !seen && !neg) {
			neg = true;
		} else if (ch == '-' && seen && range != 2) {
			if (range == 1)
				return fail(e, "a range that begins where "
					    "another ends");
			range = 2;
		} else if (ch == '[' && e->i + 1 < e->n &&
			   (e->s[e->i + 1] == '.' || e->s[e->i + 1] == '=' ||
			    e->s[e->i + 1] == ':')) {
			if (!element(e, &range, &start))
				return false;
			seen = true;
			continue;
		} else if (ch == '[') {
			seen = true;
		} else if (ch == ']' && seen) {
			e->i++;
			return true;
		} else {
			/* A ']' first in the list is a member of it. */
			if (range == 2 && ch < start)
				return fail(e, "a range whose end comes "
					    "before its start");
			if (range)
				range--;
			start = ch;
			seen = true;
		}
		e->i++;
	}
	return fail(e, "an unterminated bracket expression");
}

/* A bound "{m}", "{m,}" or "{m,n}", e->i on the digit after its '{'
 * (RE_DUP_MAX is 255). */
static bool bound(struct ere *e)
{
	unsigned low = 0, high = 0;
	bool comma = false, has_high = false;
	uint8_t ch;

	if (!e->atom)
		return fail(e, "a bound that follows nothing");
	if (e->repeated)
		return fail(e, "a bound after an anchor or a "
			    "repetition");
	for (; e->i < e->n; e->i++) {
		ch = e->s[e->i];
		if (ch == '}') {
			if (has_high && low > high)
				return fail(e, "a bound whose minimum exceeds "
					    "its maximum");
			e->i++;
			return true;
		}
		if (ch == ',' && comma)
			return fail(e, "a bound with two commas");
		if (ch == ',') {
			comma = true;
			continue;
		}
		if (ch < '0' || ch > '9')
			return fail(e, "a bound with something other than "
				    "digits and a comma");
		if (comma) {
			has_high = true;
			high = high * 10 + (ch - '0');
		} else {
			low = low * 10 + (ch - '0');
		}
		if (low > 255 || high > 255)
			return fail(e, "a bound over 255");
	}
	return fail(e, "an unterminated bound");
}

/* One element of the ERE at e->i (POSIX.1-2017 XBD 9.4). */
static bool ere_step(struct ere *e)
{
	uint8_t ch = e->s[e->i++];

	switch (ch) {
	case '\\':
		if (e->i == e->n)
			return fail(e, "a backslash at its end");
		ch = e->s[e->i++];
		if (ch >= '1' && ch <= '9' && (unsigned)(ch - '0') > e->groups)
			return fail(e, "a back-reference to a group it does "
				    "not have");
		break;
	case '[':
		e->repeated = false;
		if (!bracket(e))
			return false;
		e->atom = true;
		return true;
	case '{':
		if (e->i == e->n || e->s[e->i] < '0' || e->s[e->i] > '9')
			break;
		if (!bound(e))
			return false;
		e->atom = e->repeated = true;
		return true;
	case '(':
		e->groups++;
		e->open++;
		e->atom = e->repeated = false;
		e->empty_ok = true;
		return true;
	case ')':
		if (e->open && !e->atom && !e->empty_ok)
			return fail(e, "an empty alternative");
		if (e->open)
			e->open--;
		break;
	case '|':
		if (!e->atom)
			return fail(e, "an empty alternative");
		e->atom = e->repeated = e->empty_ok = false;
		return true;
	case '^':
	case '$':
		e->atom = e->repeated = true;
		return true;
	case '*':
	case '+':
	case '?':
		if (!e->atom)
			return fail(e, "a repetition that follows nothing");
		if (e->repeated)
			return fail(e, "a repetition after an anchor "
				    "or a repetition");
		e->repeated = true;
		return true;
	}
	e->atom = true;
	e->repeated = false;
	return true;
}

/* Whether s[0..n) is an ERE BIND reads (its isc_regex_validate()); sets
 * e->groups to its parenthesized subexpressions, or e->why. */
static bool ere_ok(struct ere *e, const uint8_t *s, size_t n)
{
	memset(e, 0, sizeof *e);
	e->s = s;
	e->n = n;
	if (n == 0)
		return fail(e, "an empty regular expression");
	while (e->i < n)
		if (!ere_step(e))
			return false;
	if (e->open)
		return fail(e, "a parenthesis left open");
	if (!e->atom)
		return fail(e, "an empty alternative at its end");
	return true;
}

const char *zl_naptr_regexp_flaw(const uint8_t *s, size_t n)
{
	uint8_t delim, ch, part = 0;	/* 0 regexp, 1 replacement, 2 flags */
	unsigned refs = 0;
	size_t i, end = 0;
	struct ere e;

	/* RFC 3403 §3.2: an empty field says the replacement is used. */
	if (n == 0)
		return NULL;
	delim = s[0];
	if ((delim >= '0' && delim <= '9') || delim == '\\' || delim == 'i' ||
	    delim == 0)
		return "a delimiter that is a digit, a backslash, 'i' or NUL";
	for (i = 1; i < n; i++) {
		ch = s[i];
		if (ch == 0)
			return "a NUL byte";
		if (ch == delim) {
			if (part == 2)
				return "a fourth delimiter";
			if (part++ == 0)
				end = i;
			continue;
		}
		if (part == 2 && ch != 'i')
			return "a flag other than 'i'";
		if (ch != '\\')
			continue;
		if (++i == n || s[i] == 0)
			return "a backslash at the end or before NUL";
		/* A back-reference in the replacement. */
		if (part == 1 && s[i] == '0')
			return "the back-reference \\0";
		if (part == 1 && s[i] >= '1' && s[i] <= '9' &&
		    (unsigned)(s[i] - '0') > refs)
			refs = (unsigned)(s[i] - '0');
	}
	if (part < 2)
		return "fewer than three delimiters";
	if (!ere_ok(&e, s + 1, end - 1))
		return e.why;
	if (refs > e.groups)
		return "a back-reference to a group the expression does not "
		       "have";
	return NULL;
}
