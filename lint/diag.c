/* diag.c - status and severity names; the diagnostic list and its copies. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "zonelint.h"

static const char *const status_msgs[] = {
#define X(name, msg) msg,
#include "status.def"
#undef X
};

const char *zl_status_str(enum zl_status st)
{
	if ((size_t)st >= sizeof status_msgs / sizeof status_msgs[0])
		return "unknown status";
	return status_msgs[st];
}

static const char *const sev_names[] = {
	[ZL_SEV_OFF] = "off",
	[ZL_SEV_NOTE] = "note",
	[ZL_SEV_WARNING] = "warning",
	[ZL_SEV_ERROR] = "error",
};

const char *zl_severity_str(enum zl_severity sev)
{
	if ((size_t)sev >= sizeof sev_names / sizeof sev_names[0])
		return "unknown";
	return sev_names[sev];
}

bool zl_severity_parse(const char *s, enum zl_severity *out)
{
	size_t i;

	if (!s)
		return false;
	for (i = 0; i < sizeof sev_names / sizeof sev_names[0]; i++) {
		if (zl_strcasecmp(s, sev_names[i]) == 0) {
			*out = (enum zl_severity)i;
			return true;
		}
	}
	return false;
}

void zl_diags_init(struct zl_diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
}

/* Bytes of a source line kept for the snippet (docs/limits.md).  Every
 * diagnostic holds its own copy of the line, so a 10 MB line with many
 * findings would otherwise cost memory and output in proportion to both. */
#define MAX_SNIPPET 4096

static void loc_copy(struct zl_loc *dst, const struct zl_loc *src)
{
	memset(dst, 0, sizeof *dst);
	if (!src)
		return;
	*dst = *src;
	dst->file = zl_xstrdup(src->file);
	/* A long line is cut after MAX_SNIPPET bytes; a span that starts
	 * beyond that gets no snippet at all (the position still says
	 * where it is). */
	if (src->text && src->text_len > MAX_SNIPPET) {
		dst->text_len = src->col > MAX_SNIPPET ? 0 : MAX_SNIPPET;
		if (dst->text_len == 0)
			dst->text = NULL;
	}
	/* The source line is not NUL-terminated where it comes from (it
	 * points into the zone buffer), so copy exactly text_len bytes. */
	if (dst->text)
		dst->text = zl_xstrndup(src->text, dst->text_len);
	else
		dst->text_len = 0;
}

static void loc_free(struct zl_loc *loc)
{
	free(loc->file);
	free((char *)loc->text);
}

/* Copies s with every control or invalid byte escaped, so that no message
 * can carry a terminal escape into any output format. */
static char *escaped_dup(const char *s)
{
	struct zl_buf b = { 0 };

	zl_buf_add_escaped(&b, s, strlen(s));
	return b.s ? b.s : zl_xstrdup("");
}

static void diag_free(struct zl_diag *dg)
{
	size_t j;

	free(dg->id);
	free(dg->name);
	free(dg->message);
	free(dg->help);
	free(dg->fixit);
	loc_free(&dg->loc);
	for (j = 0; j < dg->nnotes; j++) {
		loc_free(&dg->notes[j].loc);
		free(dg->notes[j].message);
	}
	free(dg->notes);
}

void zl_diags_free(struct zl_diags *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++)
		diag_free(&d->v[i]);
	free(d->v);
	zl_diags_init(d);
}

void zl_diags_remove(struct zl_diags *d, size_t from, const bool *drop)
{
	size_t i, k = from;

	for (i = from; i < d->n; i++) {
		if (drop[i - from])
			diag_free(&d->v[i]);
		else
			d->v[k++] = d->v[i];
	}
	d->n = k;
}

void zl_diags_move(struct zl_diags *to, struct zl_diags *from)
{
	zl_xgrow((void **)&to->v, &to->cap, to->n + from->n, sizeof *to->v);
	if (from->n)
		memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
	to->n += from->n;
	free(from->v);
	zl_diags_init(from);
}

struct zl_diag *zl_diags_add(struct zl_diags *d, const char *id,
			     enum zl_severity sev, const struct zl_loc *loc,
			     const char *fmt, ...)
{
	struct zl_diag *dg;
	va_list ap;
	char *raw;

	zl_xgrow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v);
	dg = &d->v[d->n++];
	memset(dg, 0, sizeof *dg);
	dg->id = zl_xstrdup(id);
	dg->sev = sev;
	va_start(ap, fmt);
	raw = zl_xvasprintf(fmt, ap);
	va_end(ap);
	dg->message = escaped_dup(raw);
	free(raw);
	loc_copy(&dg->loc, loc);
	return dg;
}

void zl_diag_note(struct zl_diag *dg, const struct zl_loc *loc,
		  const char *msg)
{
	struct zl_note *n;

	/* Notes are few (one or two per finding): grow one at a time. */
	dg->notes = zl_xrealloc(dg->notes, (dg->nnotes + 1) * sizeof *dg->notes);
	n = &dg->notes[dg->nnotes++];
	loc_copy(&n->loc, loc);
	n->message = escaped_dup(msg ? msg : "");
}

/* NULL sorts first: diagnostics without a file or rule (tool errors) lead. */
static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int diag_cmp(const void *pa, const void *pb)
{
	const struct zl_diag *a = pa, *b = pb;
	int c;

	if ((c = strcmp_null(a->loc.file, b->loc.file)) != 0 ||
	    (c = cmp_u32(a->loc.line, b->loc.line)) != 0 ||
	    (c = cmp_u32(a->loc.col, b->loc.col)) != 0 ||
	    (c = strcmp_null(a->id, b->id)) != 0 ||
	    (c = strcmp_null(a->message, b->message)) != 0)
		return c;
	/* Ties beyond the contract still get a fixed order, as qsort is
	 * not stable. */
	if ((c = cmp_u32(b->sev, a->sev)) != 0 ||
	    (c = cmp_u32(a->loc.end_line, b->loc.end_line)) != 0 ||
	    (c = cmp_u32(a->loc.end_col, b->loc.end_col)) != 0)
		return c;
	return (int)a->suppressed - (int)b->suppressed;
}

void zl_diags_sort(struct zl_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, diag_cmp);
}

size_t zl_diags_count(const struct zl_diags *d, enum zl_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++) {
		if (!d->v[i].suppressed && d->v[i].sev != ZL_SEV_OFF &&
		    d->v[i].sev >= sev)
			n++;
	}
	return n;
}
