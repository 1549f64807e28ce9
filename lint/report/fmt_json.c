/* fmt_json.c - the JSON format: one document per run (docs/output.md). */
#include <string.h>

#include "fmt.h"
#include "util.h"

/* Writes s as a JSON string (RFC 8259 §7), or null.  Tab and line feed
 * are \t and \n; every other byte that zl_shown_len does not keep
 * (control bytes, bytes that are not UTF-8, bidi controls and the other
 * invisible code points) becomes the four characters \DDD (a backslash,
 * escaped as \\, and three decimal digits), the form the text output
 * uses: the document is valid UTF-8, and a reader that decodes it and
 * prints a string gets nothing a terminal would act on either. */
void zl_fmt_json_str(FILE *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n, k;

	if (!s) {
		fputs("null", out);
		return;
	}
	n = strlen(s);
	fputc('"', out);
	for (i = 0; i < n; i += k) {
		k = zl_shown_len(s + i, n - i);
		if (k > 0 && u[i] != '"' && u[i] != '\\') {
			fwrite(s + i, 1, k, out);
			continue;
		}
		k = 1;
		if (u[i] == '\n')
			fputs("\\n", out);
		else if (u[i] == '\t')
			fputs("\\t", out);
		else if (u[i] == '"' || u[i] == '\\')
			fprintf(out, "\\%c", u[i]);
		else
			fprintf(out, "\\\\%03u", u[i]);
	}
	fputc('"', out);
}

/* A position number, or null when the location has none (0). */
static void put_num(FILE *out, const char *key, uint32_t v)
{
	if (v)
		fprintf(out, ",\"%s\":%u", key, (unsigned)v);
	else
		fprintf(out, ",\"%s\":null", key);
}

static void put_loc(FILE *out, const struct zl_loc *loc)
{
	fputs("\"file\":", out);
	zl_fmt_json_str(out, loc->file);
	put_num(out, "line", loc->line);
	put_num(out, "column", loc->col);
	put_num(out, "end_line", loc->end_line);
	put_num(out, "end_column", loc->end_col);
}

static void put_key_str(FILE *out, const char *key, const char *s)
{
	fprintf(out, ",\"%s\":", key);
	zl_fmt_json_str(out, s);
}

static void put_diag(FILE *out, const struct zl_diag *dg)
{
	size_t i;

	fputc('{', out);
	put_loc(out, &dg->loc);
	put_key_str(out, "severity", zl_severity_str(dg->sev));
	put_key_str(out, "rule", dg->id);
	put_key_str(out, "name", dg->name);
	put_key_str(out, "message", dg->message);
	put_key_str(out, "help", dg->help);
	put_key_str(out, "fixit", dg->fixit);
	fputs(",\"notes\":[", out);
	for (i = 0; i < dg->nnotes; i++) {
		fputs(i ? ",{" : "{", out);
		put_loc(out, &dg->notes[i].loc);
		put_key_str(out, "message", dg->notes[i].message);
		fputc('}', out);
	}
	fprintf(out, "],\"suppressed\":%s}", dg->suppressed ? "true" : "false");
}

static void put_summary(FILE *out, const struct zl_diags *d)
{
	size_t count[ZL_SEV_ERROR + 1] = { 0 }, suppressed = 0, i;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed)
			suppressed += d->v[i].count;
		else if (d->v[i].sev <= ZL_SEV_ERROR)
			count[d->v[i].sev] += d->v[i].count;
	}
	fprintf(out, "\"summary\":{\"error\":%zu,\"warning\":%zu,\"note\":%zu,"
		"\"suppressed\":%zu}", count[ZL_SEV_ERROR],
		count[ZL_SEV_WARNING], count[ZL_SEV_NOTE], suppressed);
}

void zl_fmt_json(const struct zl_diags *d, const struct zl_format_opts *opts,
		 FILE *out)
{
	size_t i, shown = 0;

	/* One diagnostic per line keeps the document greppable and its
	 * diffs readable while staying a single JSON value. */
	fputs("{\"tool\":{\"name\":\"zonelint\",\"version\":", out);
	zl_fmt_json_str(out, ZL_VERSION);
	fputs("},\"diagnostics\":[", out);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed && !opts->show_suppressed)
			continue;
		fputs(shown++ ? ",\n" : "\n", out);
		put_diag(out, &d->v[i]);
	}
	fputs(shown ? "\n]," : "],", out);
	put_summary(out, d);
	fputs("}\n", out);
}
