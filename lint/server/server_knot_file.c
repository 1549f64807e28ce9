/* server_knot_file.c - the zone file names that knot.conf's file formatters (%s, %c[N-M], %l[N]) make. */
#include <stdlib.h>
#include <string.h>

#include "server_knot.h"

/* Appends the label of name (absolute, "." for the root) counted from the
 * right, 0 being the top-level one, when there is one. */
static void add_label(struct zl_buf *b, const char *name, long n)
{
	const char *end = name + strlen(name) - 1, *start;

	if (strcmp(name, ".") == 0)
		return;
	for (;;) {
		start = end;
		while (start > name && start[-1] != '.')
			start--;
		if (n-- == 0) {
			zl_buf_add(b, start, (size_t)(end - start));
			return;
		}
		if (start == name)
			return;
		end = start - 1;
	}
}

/* knotd writes each '/' of the name (a classless reverse zone's "0/25")
 * as '_'. */
char *srv_knot_file(const char *fmt, const char *name)
{
	struct zl_buf b = { 0 };
	char *origin = zl_xstrdup(name), *end;
	size_t olen = strlen(origin);
	const char *p;
	long a, z;

	for (end = origin; (end = strchr(end, '/')) != NULL; end++)
		*end = '_';
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			zl_buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case '%':
			zl_buf_addc(&b, '%');
			continue;
		case 's':	/* the name without its final dot */
			if (olen > 1)
				zl_buf_add(&b, origin, olen - 1);
			continue;
		case 'c':
		case 'l':
			if (p[1] != '[')
				break;
			a = strtol(p + 2, &end, 10);
			z = a;
			if (*p == 'c' && *end == '-')
				z = strtol(end + 1, &end, 10);
			/* knotd reads each index as a byte's value */
			if (*end != ']' || end == p + 2 || a < 0 || z < a ||
			    z > 255)
				break;
			if (*p == 'l')
				add_label(&b, origin, a);
			else if ((size_t)a < olen)	/* dots count */
				zl_buf_add(&b, origin + a, (size_t)(z <
					   (long)olen ? z : (long)olen - 1) -
					   (size_t)a + 1);
			p = end;
			continue;
		case '\0':	/* knotd drops it, with a warning */
			p--;
			continue;
		default:	/* knotd ignores it, with a warning */
			continue;
		}
		zl_buf_free(&b);
		free(origin);
		return NULL;
	}
	free(origin);
	return b.s ? b.s : zl_xstrdup("");
}
