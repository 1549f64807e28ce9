/* fmt_checkstyle.c - Checkstyle XML, and the XML escaping JUnit shares. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

/* Attribute values are written in double quotes, so '"' is escaped and
 * the apostrophe is not.  Tab and line feed become character references,
 * so that attribute value normalisation (XML 1.0 §3.3.3) does not turn
 * them into spaces.  Every other byte that zl_shown_len does not keep is
 * written as the text \DDD, as the other formats show it: XML 1.0 §2.2
 * Char excludes the other control characters, U+FFFE and U+FFFF (not even
 * a character reference may name them), and the bidi controls and other
 * invisible code points it allows would mislead a reader. */
void zl_fmt_xml_str(FILE *out, const char *s)
{
	size_t i, n = s ? strlen(s) : 0, k;

	for (i = 0; i < n; i += k) {
		k = 1;
		switch (s[i]) {
		case '&': fputs("&amp;", out); continue;
		case '<': fputs("&lt;", out); continue;
		case '>': fputs("&gt;", out); continue;
		case '"': fputs("&quot;", out); continue;
		case '\t': fputs("&#9;", out); continue;
		case '\n': fputs("&#10;", out); continue;
		default: break;
		}
		if ((k = zl_shown_len(s + i, n - i)) > 0) {
			fwrite(s + i, 1, k, out);
		} else {
			fprintf(out, "\\%03u", (unsigned char)s[i]);
			k = 1;
		}
	}
}

static void put_attr(FILE *out, const char *name, const char *value)
{
	fprintf(out, " %s=\"", name);
	zl_fmt_xml_str(out, value);
	fputc('"', out);
}

static bool same_file(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Checkstyle's levels are error, warning, info and ignore; a suppressed
 * finding listed with --show-suppressed is "ignore". */
static const char *severity(const struct zl_diag *dg)
{
	if (dg->suppressed)
		return "ignore";
	if (dg->sev == ZL_SEV_ERROR)
		return "error";
	return dg->sev == ZL_SEV_WARNING ? "warning" : "info";
}

static void put_error(FILE *out, const struct zl_diag *dg)
{
	char *source = zl_xasprintf("zonelint.%s", dg->id ? dg->id : "error");

	fputs("    <error", out);
	if (dg->loc.line)
		fprintf(out, " line=\"%u\"", (unsigned)dg->loc.line);
	if (dg->loc.line && dg->loc.col)
		fprintf(out, " column=\"%u\"", (unsigned)dg->loc.col);
	put_attr(out, "severity", severity(dg));
	put_attr(out, "message", dg->message);
	put_attr(out, "source", source);
	fputs("/>\n", out);
	free(source);
}

void zl_fmt_checkstyle(const struct zl_diags *d,
		       const struct zl_format_opts *opts, FILE *out)
{
	const char *open = NULL;
	char *path;
	bool any = false;
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<checkstyle version=\"4.3\">\n", out);
	/* The list is sorted by file, so each file's findings are together. */
	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed && !opts->show_suppressed)
			continue;
		if (!any || !same_file(open, d->v[i].loc.file)) {
			if (any)
				fputs("  </file>\n", out);
			path = zl_fmt_path(d->v[i].loc.file);
			fputs("  <file", out);
			put_attr(out, "name", path ? path : "");
			fputs(">\n", out);
			free(path);
			open = d->v[i].loc.file;
			any = true;
		}
		put_error(out, &d->v[i]);
	}
	if (any)
		fputs("  </file>\n", out);
	fputs("</checkstyle>\n", out);
}
