/* fmt_text.c - the clang-style text format with snippets, and the gcc format. */
#include <string.h>

#include "fmt.h"
#include "util.h"

/* ANSI colours, or empty strings when colour is off, so that the printing
 * code is the same either way. */
struct palette {
	const char *loc, *sev[ZL_SEV_ERROR + 1], *caret, *reset;
};

static const struct palette plain = {
	"", { "", "", "", "" }, "", ""
};

static const struct palette ansi = {
	"\033[1m",
	{ "", "\033[1;36m", "\033[1;35m", "\033[1;31m" },
	"\033[1;32m",
	"\033[0m",
};

/* How one unit of a source line is shown: copied, a tab, or \DDD. */
enum unit_kind { U_COPY, U_TAB, U_ESCAPE };

/* Measures the unit at s[i]: one tab, one unit zl_shown_len keeps (shown
 * one column wide), or one other byte, which is escaped so that no control
 * byte, terminal escape or bidi control reaches the output. */
static size_t unit_at(const char *s, size_t n, size_t i, enum unit_kind *kind,
		      size_t *width)
{
	size_t k;

	*kind = U_COPY;
	*width = 1;
	if (s[i] == '\t') {
		*kind = U_TAB;
		return 1;
	}
	if ((k = zl_shown_len(s + i, n - i)) > 0)
		return k;
	*kind = U_ESCAPE;
	*width = 4;
	return 1;
}

/* The source line as it is shown: escaped like messages, but with tabs
 * kept so that the caret line (which copies them) stays aligned. */
static void put_source(FILE *out, const char *s, size_t n)
{
	enum unit_kind kind = U_COPY;
	size_t i = 0, run, len, width;

	/* the units up to the next escaped byte in one write */
	while (i < n) {
		for (run = i; run < n; run += len)
			if ((len = unit_at(s, n, run, &kind, &width)) &&
			    kind == U_ESCAPE)
				break;
		fwrite(s + i, 1, run - i, out);
		if (run < n)
			fprintf(out, "\\%03u", (unsigned char)s[run++]);
		i = run;
	}
}

static void add_repeat(struct zl_buf *b, char c, size_t n)
{
	while (n-- > 0)
		zl_buf_addc(b, c);
}

/* Builds the caret line of loc: pad is the whitespace up to the caret
 * (tabs copied from the source), marks is "^~~~" over the span.  A span
 * that runs onto later lines is underlined to the end of its first line. */
static void build_marks(const struct zl_loc *loc, struct zl_buf *pad,
			struct zl_buf *marks)
{
	const char *s = loc->text;
	size_t n = loc->text_len, start, end, i, len, width;
	enum unit_kind kind;

	start = loc->col ? loc->col - 1 : 0;
	if (loc->end_line > loc->line)
		end = n;
	else if (loc->end_line == loc->line && loc->end_col > loc->col)
		end = loc->end_col - 1;
	else
		end = start + 1;
	if (end <= start)
		end = start + 1;
	zl_buf_add(pad, "", 0);
	zl_buf_add(marks, "", 0);
	for (i = 0; i < n && i < end; i += len) {
		len = unit_at(s, n, i, &kind, &width);
		if (i + len <= start) {
			if (kind == U_TAB)
				zl_buf_addc(pad, '\t');
			else
				add_repeat(pad, ' ', width);
		} else if (marks->len == 0) {
			zl_buf_addc(marks, '^');
			add_repeat(marks, '~', width - 1);
		} else {
			add_repeat(marks, '~', width);
		}
	}
	if (marks->len == 0)	/* the span starts at or after the line end */
		zl_buf_addc(marks, '^');
}

static void put_snippet(FILE *out, const struct palette *p,
			const struct zl_loc *loc, int w, const char *fixit)
{
	struct zl_buf pad = { 0 }, marks = { 0 };

	if (!loc->text || loc->line == 0)
		return;
	fprintf(out, "%*u | ", w, (unsigned)loc->line);
	put_source(out, loc->text, loc->text_len);
	fputc('\n', out);
	build_marks(loc, &pad, &marks);
	fprintf(out, "%*s | %s%s%s%s\n", w, "", pad.s, p->caret, marks.s,
		p->reset);
	if (fixit) {
		fprintf(out, "%*s | %s%s", w, "", pad.s, p->caret);
		zl_fputs_escaped(fixit, out);
		fprintf(out, "%s\n", p->reset);
	}
	zl_buf_free(&pad);
	zl_buf_free(&marks);
}

/* "FILE:LINE:COL: SEVERITY: MESSAGE", without the rule id or line end. */
static void put_head(FILE *out, const struct palette *p,
		     const struct zl_loc *loc, enum zl_severity sev,
		     const char *msg)
{
	fputs(p->loc, out);
	if (loc->file)
		zl_fputs_escaped(loc->file, out);
	else
		fputs("zonelint", out);
	if (loc->line > 0)
		fprintf(out, ":%u", (unsigned)loc->line);
	if (loc->line > 0 && loc->col > 0)
		fprintf(out, ":%u", (unsigned)loc->col);
	fprintf(out, ":%s %s%s:%s ", p->reset,
		sev <= ZL_SEV_ERROR ? p->sev[sev] : "", zl_severity_str(sev),
		p->reset);
	zl_fputs_escaped(msg, out);
}

/* The line that gcc-style tools and editors parse: the head plus " [ID]"
 * for rule findings (tool errors have no id). */
static void put_first_line(FILE *out, const struct palette *p,
			   const struct zl_diag *dg)
{
	put_head(out, p, &dg->loc, dg->sev, dg->message);
	if (dg->id) {
		fputs(" [", out);
		zl_fputs_escaped(dg->id, out);
		fputc(']', out);
	}
	fputc('\n', out);
}

static unsigned digits(uint32_t v)
{
	unsigned d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

/* One gutter width for a diagnostic and its notes keeps the bars aligned. */
static int gutter_width(const struct zl_diag *dg)
{
	unsigned w = digits(dg->loc.line);
	size_t i;

	for (i = 0; i < dg->nnotes; i++) {
		if (digits(dg->notes[i].loc.line) > w)
			w = digits(dg->notes[i].loc.line);
	}
	return w < 5 ? 5 : (int)w;
}

static void put_text_diag(FILE *out, const struct palette *p,
			  const struct zl_diag *dg)
{
	int w = gutter_width(dg);
	size_t i;

	put_first_line(out, p, dg);
	put_snippet(out, p, &dg->loc, w, dg->fixit);
	for (i = 0; i < dg->nnotes; i++) {
		put_head(out, p, &dg->notes[i].loc, ZL_SEV_NOTE,
			 dg->notes[i].message);
		fputc('\n', out);
		put_snippet(out, p, &dg->notes[i].loc, w, NULL);
	}
	if (dg->help) {
		fprintf(out, "%*s = help: ", w, "");
		zl_fputs_escaped(dg->help, out);
		fputc('\n', out);
	}
	if (dg->suppressed)
		fprintf(out, "%*s = note: suppressed in the zone file\n", w, "");
}

void zl_fmt_text(const struct zl_diags *d, const struct zl_format_opts *opts,
		 FILE *out)
{
	const struct palette *p = opts->color ? &ansi : &plain;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (!d->v[i].suppressed || opts->show_suppressed)
			put_text_diag(out, p, &d->v[i]);
	}
}

void zl_fmt_gcc(const struct zl_diags *d, const struct zl_format_opts *opts,
		FILE *out)
{
	const struct zl_diag *dg;
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		dg = &d->v[i];
		if (dg->suppressed && !opts->show_suppressed)
			continue;
		put_first_line(out, &plain, dg);
		/* With --show-suppressed the mark is a note of its own, so
		 * the finding's line keeps its exact form. */
		if (dg->suppressed) {
			put_head(out, &plain, &dg->loc, ZL_SEV_NOTE,
				 "suppressed in the zone file");
			fputc('\n', out);
		}
		for (j = 0; j < dg->nnotes; j++) {
			put_head(out, &plain, &dg->notes[j].loc, ZL_SEV_NOTE,
				 dg->notes[j].message);
			fputc('\n', out);
		}
	}
}
