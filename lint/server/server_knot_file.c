/* server_knot_file.c - the zone file names that knot.conf's file formatters (%s, %c[N-M], %l[N]) make. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server_knot.h"
#include "zone_lex.h"

/* knotd formats the file name into a buffer of 1024 bytes ("too long
 * zonefile name" past it) and each formatter's text into one of 512
 * ("failed to process zonefile formatter"): the bytes each may hold
 * before its final NUL (knot/conf/conf.c, get_filename). */
#define FILE_MAX 1023
#define PART_MAX 511

/* Appends the text knotd writes for the wire label l (knot_dname_to_str):
 * a letter, a digit, '-', '_', '*' and '/' as themselves, other
 * punctuation but '#' after a backslash, any other byte as \DDD. */
static void label_text(struct zl_buf *b, const uint8_t *l)
{
	uint8_t i;

	for (i = 1; i <= l[0]; i++) {
		int c = l[i];

		/* ASCII's classes, whatever the locale */
		if ((c < 0x80 && isalnum(c)) || c == '-' || c == '_' ||
		    c == '*' || c == '/')
			zl_buf_addc(b, (char)c);
		else if (c < 0x80 && ispunct(c) && c != '#')
			zl_buf_addf(b, "\\%c", c);
		else
			zl_buf_addf(b, "\\%03u", (unsigned)c);
	}
}

/* knotd's text of the wire name (labels each followed by '.'; "." for
 * the root), or of its label n counted from the right, 0 being the
 * top-level one (label alone set; "" when the name has no such label,
 * "." for the root's label 0), with each '/' written '_' and, for a
 * label, no final dot.  NULL when it is longer than PART_MAX. */
static char *knot_text(const uint8_t *wire, bool label, size_t n)
{
	const uint8_t *l[128];
	struct zl_buf b = { 0 };
	size_t nl = 0, i;

	for (; wire[0]; wire += wire[0] + 1)
		l[nl++] = wire;
	if (nl == 0)
		zl_buf_add(&b, label && n == 0 ? "" : ".", label ? 0 : 1);
	for (i = 0; i < nl; i++) {
		if (label && i != nl - 1 - n)
			continue;
		label_text(&b, l[i]);
		if (!label)
			zl_buf_addc(&b, '.');
	}
	zl_buf_add(&b, "", 0);
	if (b.len > PART_MAX) {
		zl_buf_free(&b);
		return NULL;
	}
	for (i = 0; i < b.len; i++)
		if (b.s[i] == '/')
			b.s[i] = '_';
	return b.s;
}

/* Reads "[N]" or, with range, "[N-M]" at *p, each index at most 255
 * (knotd reads each as a byte's value); moves *p to the ']'. */
static bool index_of(const char **p, bool range, long *a, long *z)
{
	char *end;

	*a = strtol(*p + 1, &end, 10);
	*z = *a;
	if (range && *end == '-')
		*z = strtol(end + 1, &end, 10);
	if (**p != '[' || *end != ']' || end == *p + 1 || *a < 0 ||
	    *z < *a || *z > 255)
		return false;
	*p = end;
	return true;
}

/* The text formatter c ('s', 'c', 'l') at *p (the byte after c) makes
 * of the name wire: *p moved past it.  NULL with *why set when knotd
 * fails it. */
static char *formatter(char c, const char **p, const uint8_t *wire,
		       enum knot_file *why)
{
	long a, z;
	size_t n;
	char *t;

	*why = KNOT_FILE_BAD;
	if (c != 's' && !index_of(p, c == 'c', &a, &z))
		return NULL;
	if (c != 's')
		(*p)++;
	*why = KNOT_FILE_NAME;
	if (c == 'l')
		return knot_text(wire, true, (size_t)a);
	if (!(t = knot_text(wire, false, 0)))
		return NULL;
	n = strlen(t);
	if (c == 's') {		/* without its final dot */
		t[n - 1] = '\0';
	} else {		/* dots count */
		if ((size_t)a >= n)
			a = (long)n;
		if ((size_t)z >= n)
			z = (long)n - 1;
		memmove(t, t + a, (size_t)(z - a + 1));
		t[z - a + 1] = '\0';
	}
	return t;
}

/* knotd writes each '/' of the name (a classless reverse zone's "0/25")
 * as '_'. */
char *srv_knot_file(const char *fmt, const char *name, enum knot_file *why)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	struct zl_buf b = { 0 };
	const char *p, *cat;
	char msg[1], *t;

	*why = KNOT_FILE_BAD;
	if (zl_name_from_text(name, strlen(name), (const uint8_t *)"", 1,
			      wire, &cat, msg, sizeof msg) == 0)
		return NULL;
	for (p = fmt; *p && b.len <= FILE_MAX; p++) {
		if (*p != '%') {
			zl_buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case '%':
			zl_buf_addc(&b, '%');
			continue;
		case 's':
		case 'c':
		case 'l':
			p++;
			if (!(t = formatter(p[-1], &p, wire, why)))
				goto fail;
			zl_buf_add(&b, t, strlen(t));
			free(t);
			p--;
			continue;
		case '\0':	/* knotd drops it, with a warning */
			p--;
			continue;
		default:	/* knotd ignores it, with a warning */
			continue;
		}
	}
	if (b.len > FILE_MAX) {
		*why = KNOT_FILE_LONG;
		goto fail;
	}
	*why = KNOT_FILE_OK;
	return b.s ? b.s : zl_xstrdup("");
fail:
	zl_buf_free(&b);
	return NULL;
}
