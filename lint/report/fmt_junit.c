/* fmt_junit.c - JUnit XML: a test suite per file, a test case per finding. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

static bool shown(const struct zl_diag *dg, const struct zl_format_opts *opts)
{
	return !dg->suppressed || opts->show_suppressed;
}

/* Errors and warnings fail their test case; a note is information, and
 * its test case passes with the note as its output. */
static bool failed(const struct zl_diag *dg)
{
	return !dg->suppressed && dg->sev >= ZL_SEV_WARNING;
}

static bool same_file(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void put_attr(FILE *out, const char *name, const char *value)
{
	fprintf(out, " %s=\"", name);
	zl_fmt_xml_str(out, value);
	fputc('"', out);
}

/* One location as the gcc format writes it: FILE:LINE:COL. */
static void put_where(FILE *out, const struct zl_loc *l)
{
	char *path = zl_fmt_path(l->file);

	zl_fmt_xml_str(out, path ? path : "<unknown>");
	if (l->line)
		fprintf(out, ":%u:%u", (unsigned)l->line, (unsigned)l->col);
	free(path);
}

/* The failure's body is the finding in the gcc format, with its notes and
 * help, so that a CI test report shows everything the terminal would. */
static void put_body(FILE *out, const struct zl_diag *dg)
{
	size_t i;

	put_where(out, &dg->loc);
	fprintf(out, ": %s: ", zl_severity_str(dg->sev));
	zl_fmt_xml_str(out, dg->message);
	if (dg->id)
		fprintf(out, " [%s]", dg->id);
	for (i = 0; i < dg->nnotes; i++) {
		fputc('\n', out);
		put_where(out, &dg->notes[i].loc);
		fputs(": note: ", out);
		zl_fmt_xml_str(out, dg->notes[i].message);
	}
	if (dg->help) {
		fputs("\nhelp: ", out);
		zl_fmt_xml_str(out, dg->help);
	}
}

static void put_case(FILE *out, const struct zl_diag *dg, const char *path)
{
	char *name = zl_xasprintf("%s:%u:%u %s", path ? path : "<unknown>",
				  (unsigned)dg->loc.line, (unsigned)dg->loc.col,
				  dg->id ? dg->id : "error");
	char *cls = zl_xasprintf("zonelint.%s", dg->id ? dg->id : "error");

	fputs("    <testcase", out);
	put_attr(out, "name", name);
	put_attr(out, "classname", cls);
	if (path)
		put_attr(out, "file", path);
	if (dg->loc.line)
		fprintf(out, " line=\"%u\"", (unsigned)dg->loc.line);
	if (dg->suppressed) {
		fputs(">\n      <skipped message=\"suppressed in the zone "
		      "file\"/>\n    </testcase>\n", out);
	} else if (!failed(dg)) {
		fputs(">\n      <system-out>", out);
		put_body(out, dg);
		fputs("</system-out>\n    </testcase>\n", out);
	} else {
		fputs(">\n      <failure", out);
		put_attr(out, "type", zl_severity_str(dg->sev));
		put_attr(out, "message", dg->message);
		fputc('>', out);
		put_body(out, dg);
		fputs("</failure>\n    </testcase>\n", out);
	}
	free(name);
	free(cls);
}

/* Writes the suite of the findings d->v[from..to) of one file. */
static void put_suite(FILE *out, const struct zl_diags *d, size_t from,
		      size_t to, const struct zl_format_opts *opts)
{
	char *path;
	size_t i, tests = 0, failures = 0, skipped = 0;

	for (i = from; i < to; i++) {
		if (!shown(&d->v[i], opts))
			continue;
		tests++;
		skipped += d->v[i].suppressed;
		failures += failed(&d->v[i]);
	}
	if (tests == 0)
		return;
	path = zl_fmt_path(d->v[from].loc.file);
	fputs("  <testsuite", out);
	put_attr(out, "name", path ? path : "<unknown>");
	fprintf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
		"skipped=\"%zu\">\n", tests, failures, skipped);
	for (i = from; i < to; i++) {
		if (shown(&d->v[i], opts))
			put_case(out, &d->v[i], path);
	}
	fputs("  </testsuite>\n", out);
	free(path);
}

void zl_fmt_junit(const struct zl_diags *d, const struct zl_format_opts *opts,
		  FILE *out)
{
	size_t i, j, tests = 0, failures = 0;

	for (i = 0; i < d->n; i++) {
		if (shown(&d->v[i], opts)) {
			tests++;
			failures += failed(&d->v[i]);
		}
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	/* With nothing to report, one passing test case says so: test report
	 * viewers show an empty report as "no tests ran". */
	if (tests == 0) {
		fputs("<testsuites name=\"zonelint\" tests=\"1\" failures=\"0\" "
		      "errors=\"0\">\n  <testsuite name=\"zonelint\" tests=\"1\" "
		      "failures=\"0\" errors=\"0\" skipped=\"0\">\n    <testcase "
		      "name=\"no findings\" classname=\"zonelint\"/>\n  "
		      "</testsuite>\n</testsuites>\n", out);
		return;
	}
	fprintf(out, "<testsuites name=\"zonelint\" tests=\"%zu\" "
		"failures=\"%zu\" errors=\"0\">\n", tests, failures);
	/* Sorted by file: each run of one file's findings is a suite. */
	for (i = 0; i < d->n; i = j) {
		for (j = i + 1; j < d->n &&
		     same_file(d->v[i].loc.file, d->v[j].loc.file); j++)
			;
		put_suite(out, d, i, j, opts);
	}
	fputs("</testsuites>\n", out);
}
