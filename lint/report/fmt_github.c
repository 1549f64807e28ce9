/* fmt_github.c - GitHub Actions workflow commands: one annotation per finding. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

/* The runner's escaping (actions/toolkit, core/src/command.ts): in the
 * message "%", CR and LF; in a property value also ":" and ",", which would
 * otherwise end the value.  Control bytes and bytes that are not UTF-8 are
 * shown as \DDD first, so that nothing raw reaches the log. */
static void put_escaped(FILE *out, const char *s, bool property)
{
	struct zl_buf b = { 0 };
	size_t i;

	zl_buf_add_escaped_inline(&b, s, strlen(s));
	for (i = 0; i < b.len; i++) {
		switch (b.s[i]) {
		case '%':
			fputs("%25", out);
			break;
		case '\r':
			fputs("%0D", out);
			break;
		case '\n':
			fputs("%0A", out);
			break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default:
			fputc(b.s[i], out);
		}
	}
	zl_buf_free(&b);
}

/* Messages may span lines: the escaped line end keeps them one command.
 * Messages were escaped when they were made, so only the line ends added
 * here need the %0A form. */
static void put_message(FILE *out, const struct zl_diag *dg)
{
	char *path;
	size_t i;

	put_escaped(out, dg->message, false);
	for (i = 0; i < dg->nnotes; i++) {
		const struct zl_loc *l = &dg->notes[i].loc;

		path = zl_fmt_path(l->file);
		fputs("%0A", out);
		if (path)
			put_escaped(out, path, false);
		if (l->line)
			fprintf(out, ":%u:%u", (unsigned)l->line,
				(unsigned)l->col);
		fputs(path ? ": note: " : "note: ", out);
		put_escaped(out, dg->notes[i].message, false);
		free(path);
	}
	if (dg->help) {
		fputs("%0Ahelp: ", out);
		put_escaped(out, dg->help, false);
	}
}

static void put_diag(FILE *out, const struct zl_diag *dg)
{
	static const char *const cmd[] = { "notice", "notice", "warning",
					   "error" };
	const struct zl_loc *l = &dg->loc;
	char *path = zl_fmt_path(l->file), *title;
	const char *sep = " ";

	/* A suppressed finding shown with --show-suppressed must not look
	 * like one that fails the job. */
	fprintf(out, "::%s", dg->suppressed ? "notice" : cmd[dg->sev]);
	if (path) {
		fputs(" file=", out);
		put_escaped(out, path, true);
		sep = ",";
	}
	if (path && l->line) {
		fprintf(out, ",line=%u", (unsigned)l->line);
		if (l->col)
			fprintf(out, ",col=%u", (unsigned)l->col);
		if (l->end_line)
			fprintf(out, ",endLine=%u", (unsigned)l->end_line);
		if (l->end_col)
			fprintf(out, ",endColumn=%u", (unsigned)l->end_col);
	}
	if (dg->id) {
		title = zl_xasprintf("%s%s", dg->id,
				     dg->suppressed ? " (suppressed)" : "");
		fprintf(out, "%stitle=", sep);
		put_escaped(out, title, true);
		free(title);
	}
	fputs("::", out);
	put_message(out, dg);
	fputc('\n', out);
	free(path);
}

void zl_fmt_github(const struct zl_diags *d, const struct zl_format_opts *opts,
		   FILE *out)
{
	size_t i;

	/* Workflow commands are lines in the job log; no findings, no lines. */
	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed && !opts->show_suppressed)
			continue;
		put_diag(out, &d->v[i]);
	}
}
