/* diag.c - status and severity names; the diagnostic list and its copies. */
#include <search.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

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
	d->line = NULL;
}

/* Bytes of a source line kept for the snippet (docs/limits.md): a 10 MB
 * line would otherwise cost memory and output with every finding on it. */
#define MAX_SNIPPET 4096

/* A copy of a source line, shared by the diagnostics of a list that show
 * it: a 64 KB record with thousands of findings holds one copy, not one
 * per finding.  zl_loc.text points at text. */
struct zl_line {
	size_t refs, len;
	char text[];
};

static struct zl_line *line_of(const char *text)
{
	return (struct zl_line *)(void *)(text - offsetof(struct zl_line, text));
}

static void line_drop(struct zl_line *l)
{
	if (l && --l->refs == 0)
		free(l);
}

/* Copies src into dst.  The line is shared with `like` (a line already
 * copied, or NULL) when it has the same bytes, else copied anew; either
 * way the copy is returned. */
static struct zl_line *loc_copy(struct zl_loc *dst, const struct zl_loc *src,
				struct zl_line *like)
{
	struct zl_line *l = NULL;
	size_t n;

	memset(dst, 0, sizeof *dst);
	if (!src)
		return NULL;
	*dst = *src;
	dst->file = zl_xstrdup(src->file);
	/* A long line is cut after MAX_SNIPPET bytes (before a UTF-8
	 * character the cut would split); a span that starts beyond that
	 * gets no snippet at all (the position still says where it is). */
	n = src->text ? zl_utf8_head(src->text, src->text_len, MAX_SNIPPET) :
	    0;
	if (!src->text || (src->text_len > n && src->col > n)) {
		dst->text = NULL;
		dst->text_len = 0;
		return NULL;
	}
	/* The source line is not NUL-terminated where it comes from (it
	 * points into the zone buffer), so compare and copy n bytes. */
	if (like && like->len == n && memcmp(like->text, src->text, n) == 0) {
		l = like;
	} else {
		l = zl_xmalloc(sizeof *l + n + 1);
		l->refs = 0;
		l->len = n;
		memcpy(l->text, src->text, n);
		l->text[n] = '\0';
	}
	l->refs++;
	dst->text = l->text;
	dst->text_len = n;
	return l;
}

static void loc_free(struct zl_loc *loc)
{
	free(loc->file);
	if (loc->text)
		line_drop(line_of(loc->text));
}

/* Copies s with every control or invalid byte escaped, so that no message
 * can carry a terminal escape into any output format. */
/* The bytes of a message: one that quotes a value whole (a 200,000-byte
 * $INCLUDE name, a config's scalar) keeps its head and its tail around
 * "...", so that no line of a report grows with its input (limits.md). */
#define MESSAGE_MAX 2048

static char *escaped_dup(const char *s)
{
	struct zl_buf b = { 0 };
	size_t n = strlen(s), tail;

	if (n <= MESSAGE_MAX) {
		zl_buf_add_escaped(&b, s, n);
	} else {
		zl_buf_add_escaped(&b, s, zl_utf8_head(s, n, MESSAGE_MAX / 2));
		zl_buf_add(&b, "...", 3);
		tail = zl_utf8_tail(s, n, MESSAGE_MAX / 2);
		zl_buf_add_escaped(&b, s + n - tail, tail);
	}
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
	line_drop(d->line);
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

enum zl_status zl_diags_move(struct zl_diags *to, struct zl_diags *from)
{
	struct zl_guard g;

	ZL_GUARD(&g, return ZL_ERR_NOMEM;);
	zl_xgrow((void **)&to->v, &to->cap, to->n + from->n, sizeof *to->v);
	zl_guard_leave(&g);
	if (from->n)
		memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
	to->n += from->n;
	free(from->v);
	line_drop(from->line);
	zl_diags_init(from);
	return ZL_OK;
}

/* Remembers l (with a reference of its own) as the line the next
 * diagnostic of d is most likely to show again. */
static void remember(struct zl_diags *d, struct zl_line *l)
{
	if (!l || l == d->line)
		return;
	line_drop(d->line);
	l->refs++;
	d->line = l;
}

struct zl_diag *zl_diags_add(struct zl_diags *d, const char *id,
			     enum zl_severity sev, const struct zl_loc *loc,
			     const char *fmt, ...)
{
	struct zl_guard g;
	struct zl_diag *dg;
	va_list ap;
	char *raw;

	/* The new diagnostic is counted only once it is complete: out of
	 * memory leaves d as it was. */
	ZL_GUARD(&g, return NULL;);
	zl_xgrow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v);
	dg = &d->v[d->n];
	memset(dg, 0, sizeof *dg);
	dg->id = zl_xstrdup(id);
	dg->sev = sev;
	va_start(ap, fmt);
	raw = zl_xvasprintf(fmt, ap);
	va_end(ap);
	dg->message = escaped_dup(raw);
	dg->count = 1;
	free(raw);
	remember(d, loc_copy(&dg->loc, loc, d->line));
	zl_guard_leave(&g);
	d->n++;
	return dg;
}

enum zl_status zl_diag_note(struct zl_diag *dg, const struct zl_loc *loc,
			    const char *msg)
{
	struct zl_line *like;
	struct zl_guard g;
	struct zl_note *n;

	if (!dg)
		return ZL_OK;
	like = dg->loc.text ? line_of(dg->loc.text) : NULL;
	/* A finding with one note per record of a huge RRset says so once
	 * it has shown ZL_LIMIT_NOTES of them. */
	if (dg->nnotes > ZL_LIMIT_NOTES)
		return ZL_OK;
	/* As for zl_diags_add, the note is counted once complete. */
	ZL_GUARD(&g, return ZL_ERR_NOMEM;);
	/* Notes are few (one or two per finding): grow one at a time. */
	dg->notes = zl_xrealloc(dg->notes, (dg->nnotes + 1) * sizeof *dg->notes);
	n = &dg->notes[dg->nnotes];
	memset(n, 0, sizeof *n);
	if (dg->nnotes + 1 > ZL_LIMIT_NOTES)
		n->message = zl_xasprintf("more notes not shown (at most %d "
					  "per finding)", ZL_LIMIT_NOTES);
	else {
		loc_copy(&n->loc, loc, like);
		n->message = escaped_dup(msg ? msg : "");
	}
	zl_guard_leave(&g);
	dg->nnotes++;
	return ZL_OK;
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

/* ---- what a report shows ---- */

enum { WHY_RULE = 1, WHY_TOTAL = 2, WHY_BYTES = 4 };

/* The findings of one rule with one severity, suppressed or not. */
struct shown {
	const char *id;
	enum zl_severity sev;
	bool suppressed;
	size_t n;		/* shown so far */
	size_t sum;		/* index of the first one left out, which
				   becomes the summary (once why is set) */
	unsigned why;		/* WHY_* bits: why some were left out */
};

static int shown_cmp(const void *pa, const void *pb)
{
	const struct shown *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c)
		return c;
	if (a->sev != b->sev)
		return a->sev < b->sev ? -1 : 1;
	return (int)a->suppressed - (int)b->suppressed;
}

/* About the bytes dg takes in the text format: its line, the snippet with
 * its caret line, and its notes. */
static size_t text_size(const struct zl_diag *dg)
{
	size_t n = 64 + strlen(dg->message) + 2 * dg->loc.text_len, i;

	n += dg->loc.file ? strlen(dg->loc.file) : 0;
	n += (dg->help ? strlen(dg->help) : 0) + (dg->fixit ? strlen(dg->fixit) : 0);
	for (i = 0; i < dg->nnotes; i++)
		n += 64 + strlen(dg->notes[i].message) +
		     2 * dg->notes[i].loc.text_len +
		     (dg->notes[i].loc.file ? strlen(dg->notes[i].loc.file) : 0);
	return n;
}

/* Makes dg, the first finding of st left out, the summary of all of them. */
static void summarize(struct zl_diag *dg, const struct shown *st,
		      size_t per_rule, size_t total, size_t bytes)
{
	struct zl_buf why = { 0 };
	char size[32], *msg;

	if (st->why & WHY_RULE)
		zl_buf_addf(&why, "at most %zu per rule", per_rule);
	if (st->why & WHY_TOTAL)
		zl_buf_addf(&why, "%sat most %zu in all", why.len ? ", " : "",
			    total);
	if (st->why & WHY_BYTES)
		zl_buf_addf(&why, "%sat most about %s of report",
			    why.len ? ", " : "",
			    zl_size_str(bytes, size, sizeof size));
	msg = zl_xasprintf("%zu more findings of %s not shown (%s)", dg->count,
			   dg->id, why.s);
	zl_buf_free(&why);
	free(dg->message);
	dg->message = msg;
	free(dg->help);
	free(dg->fixit);
	dg->help = dg->fixit = NULL;
	while (dg->nnotes > 0) {
		loc_free(&dg->notes[--dg->nnotes].loc);
		free(dg->notes[dg->nnotes].message);
	}
	dg->summary = true;
}

/* Finds or adds the state of dg's rule, severity and suppression. */
static struct shown *shown_of(void **tree, const struct zl_diag *dg)
{
	struct shown key = { dg->id, dg->sev, dg->suppressed, 0, 0, 0 };
	struct shown *st;
	void *node = tfind(&key, tree, shown_cmp);

	if (node)
		return *(struct shown **)node;
	st = zl_xmalloc(sizeof *st);
	*st = key;
	if (!tsearch(st, tree, shown_cmp)) {
		free(st);
		zl_oom(sizeof *st);
	}
	return st;
}

static void limit(struct zl_diags *d, size_t per_rule, size_t total,
		  size_t bytes)
{
	size_t i, j = 0, n = 0, used = 0, size;
	void *tree = NULL;
	struct shown *st;
	struct zl_diag *dg;
	unsigned why;

	/* Every rule's state is made before d changes: out of memory leaves
	 * d as it was (what the tree held is not freed). */
	for (i = 0; i < d->n; i++)
		if (d->v[i].id)
			(void)shown_of(&tree, &d->v[i]);
	for (i = 0; i < d->n; i++) {
		dg = &d->v[i];
		if (!dg->id) {
			d->v[j++] = *dg;
			continue;
		}
		st = shown_of(&tree, dg);
		size = dg->summary ? 0 : text_size(dg);
		why = dg->summary ? WHY_RULE :
		      (st->n >= per_rule ? WHY_RULE : 0) |
		      (n >= total ? WHY_TOTAL : 0) |
		      (used + size > bytes ? WHY_BYTES : 0);
		if (!why) {
			st->n++;
			n++;
			used += size;
			d->v[j++] = *dg;
		} else if (!st->why) {
			st->why = why;
			st->sum = j;
			d->v[j++] = *dg;
		} else {
			st->why |= why;
			d->v[st->sum].count += dg->count;
			diag_free(dg);
		}
	}
	d->n = j;
	/* The summaries, once every finding is counted. */
	while (tree) {
		st = *(struct shown **)tree;
		tdelete(st, &tree, shown_cmp);
		if (st->why)
			summarize(&d->v[st->sum], st, per_rule, total, bytes);
		free(st);
	}
	zl_diags_sort(d);
}

enum zl_status zl_diags_limit(struct zl_diags *d, size_t per_rule,
			      size_t total, size_t bytes)
{
	struct zl_guard g;

	ZL_GUARD(&g, return ZL_ERR_NOMEM;);
	limit(d, per_rule, total, bytes);
	zl_guard_leave(&g);
	return ZL_OK;
}
