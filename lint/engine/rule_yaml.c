/* rule_yaml.c - a rule file as a YAML tree with positions, no aliases, bounded. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rule_yaml.h"
#include "nearest.h"

/* Limits for untrusted rule files (DESIGN §8).  The real packs nest five
 * deep and hold a few thousand nodes. */
#define MAX_DEPTH 32
#define MAX_NODES (1u << 18)

static const char *const kind_names[] = { "scalar", "sequence", "mapping",
					  "alias" };

/* ---- positions ---- */

static void add_line(struct zl_yfile *f, size_t off)
{
	zl_xgrow((void **)&f->lines, &f->caplines, f->nlines + 1,
		 sizeof *f->lines);
	f->lines[f->nlines++] = (uint32_t)off;
}

/* Line starts as libyaml counts lines: CR, LF, CR LF and the breaks NEL,
 * LS and PS.  A UTF-8 byte order mark is not part of line 1.  Built on the
 * first location asked for: a file without errors never needs it. */
static void index_lines(struct zl_yfile *f)
{
	const unsigned char *b = (const unsigned char *)f->buf;
	size_t i = 0, n = f->len, brk;

	if (f->nlines)
		return;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	add_line(f, i);
	while (i < n) {
		brk = 0;
		if (b[i] == '\r')
			brk = i + 1 < n && b[i + 1] == '\n' ? 2 : 1;
		else if (b[i] == '\n')
			brk = 1;
		else if (b[i] == 0xC2 && i + 1 < n && b[i + 1] == 0x85)
			brk = 2;
		else if (b[i] == 0xE2 && i + 2 < n && b[i + 1] == 0x80 &&
			 (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))
			brk = 3;
		i += brk ? brk : 1;
		if (brk)
			add_line(f, i);
	}
}

static size_t u8width(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Byte offset of a libyaml mark.  libyaml counts columns in characters;
 * diagnostics count bytes, so walk the line's UTF-8. */
static size_t mark_off(struct zl_yfile *f, yaml_mark_t m)
{
	size_t off, end, c;

	index_lines(f);
	if (m.line >= f->nlines)
		return f->len;
	off = f->lines[m.line];
	end = m.line + 1 < f->nlines ? f->lines[m.line + 1] : f->len;
	for (c = 0; c < m.column && off < end; c++)
		off += u8width((unsigned char)f->buf[off]);
	return off < end ? off : end;
}

/* A one-byte location at byte off of line (0-based), with the line text. */
static struct zl_loc loc_at(struct zl_yfile *f, size_t line, size_t off)
{
	struct zl_loc loc = { 0 };
	size_t start, e;

	index_lines(f);
	start = line < f->nlines ? f->lines[line] : f->len;

	if (off < start)
		off = start;
	for (e = start; e < f->len && f->buf[e] != '\n' && f->buf[e] != '\r';
	     e++)
		;
	loc.file = (char *)f->name;
	loc.line = loc.end_line = (uint32_t)line + 1;
	loc.col = (uint32_t)(off - start) + 1;
	loc.end_col = loc.col + 1;
	loc.text = f->buf + start;
	loc.text_len = e - start;
	return loc;
}

static struct zl_loc mark_loc(struct zl_yfile *f, yaml_mark_t m)
{
	return loc_at(f, m.line, mark_off(f, m));
}

/* Location of a raw byte offset (libyaml reader errors give only that). */
struct zl_loc zl_yaml_off_loc(struct zl_yfile *f, size_t off)
{
	index_lines(f);
	return loc_at(f, zl_line_index(f->lines, f->nlines, off),
		      off > f->len ? f->len : off);
}

/* A node's span: its start, and its end when on the same line. */
struct zl_loc zl_yaml_loc(struct zl_yfile *f, const struct zl_ynode *n)
{
	struct zl_loc loc = mark_loc(f, n->start);
	size_t s, e;

	if (n->end.line == n->start.line) {
		s = mark_off(f, n->start);
		e = mark_off(f, n->end);
		if (e > s)
			loc.end_col = loc.col + (uint32_t)(e - s);
	}
	return loc;
}

/* The location of bytes [off, off+width) of a scalar's value.  Exact when
 * the source spells the value literally on one line (plain, or quoted
 * without escapes); otherwise the whole scalar. */
struct zl_loc zl_yaml_sub_loc(struct zl_yfile *f,
			      const struct zl_ynode *n, size_t off,
			      size_t width)
{
	struct zl_loc loc = zl_yaml_loc(f, n);
	size_t s = mark_off(f, n->start), e = mark_off(f, n->end), q;

	if (n->start.line != n->end.line || n->kind != ZL_Y_SCALAR)
		return loc;
	q = n->plain ? 0 : 1;
	if (e - s != n->len + 2 * q || memcmp(f->buf + s + q, n->str, n->len))
		return loc;
	loc.col += (uint32_t)(q + off);
	loc.end_col = loc.col + (uint32_t)(width ? width : 1);
	return loc;
}

/* ---- errors ---- */

struct zl_diag *zl_yaml_verror(struct zl_yfile *f, const struct zl_loc *loc,
			       const char *fmt, va_list ap)
{
	struct zl_diag *d;
	char *msg;

	/* A file of 20,000 bad keys gives 100 errors and a count, not a
	 * report as large as the file for each run. */
	if (f->nerr++ >= ZL_YAML_MAX_ERRORS)
		return NULL;
	msg = zl_xvasprintf(fmt, ap);
	d = zl_diags_add(f->errs, NULL, ZL_SEV_ERROR, loc, "%s", msg);
	free(msg);
	return d;
}

struct zl_diag *zl_yaml_error(struct zl_yfile *f, const struct zl_loc *loc,
			      const char *fmt, ...)
{
	struct zl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = zl_yaml_verror(f, loc, fmt, ap);
	va_end(ap);
	return d;
}

struct zl_diag *zl_yaml_error_at(struct zl_yfile *f, const struct zl_ynode *n,
				 const char *fmt, ...)
{
	struct zl_loc loc = zl_yaml_loc(f, n);
	struct zl_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = zl_yaml_verror(f, &loc, fmt, ap);
	va_end(ap);
	return d;
}

static void err_mark(struct zl_yfile *f, yaml_mark_t m, const char *fmt, ...)
	ZL_PRINTF(3, 4);
static void err_mark(struct zl_yfile *f, yaml_mark_t m, const char *fmt, ...)
{
	struct zl_loc loc = mark_loc(f, m);
	va_list ap;

	va_start(ap, fmt);
	zl_yaml_verror(f, &loc, fmt, ap);
	va_end(ap);
}

/* libyaml's own problem text, at its position, with its context as a note
 * ("while parsing a block mapping" where that mapping starts). */
static void syntax_error(struct zl_yfile *f, const yaml_parser_t *p)
{
	struct zl_loc loc;
	struct zl_diag *d;

	if (p->error == YAML_READER_ERROR)
		loc = zl_yaml_off_loc(f, p->problem_offset);
	else
		loc = mark_loc(f, p->problem_mark);
	d = zl_yaml_error(f, &loc, "invalid YAML: %s",
			  p->problem ? p->problem : "cannot parse");
	if (p->context && p->error != YAML_READER_ERROR) {
		loc = mark_loc(f, p->context_mark);
		zl_diag_note(d, &loc, p->context);
	}
}

/* ---- the YAML tree ---- */

struct build {
	struct zl_ynode *stack[MAX_DEPTH];
	int depth;
	struct zl_ynode *root;
	int ndocs;
	bool done;
};

static struct zl_ynode *new_node(struct zl_yfile *f, enum zl_ykind kind,
				 const yaml_event_t *ev)
{
	struct zl_ynode *n = zl_arena_alloc(&f->arena, sizeof *n);

	n->kind = kind;
	n->start = ev->start_mark;
	n->end = ev->end_mark;
	return n;
}

/* Hangs n under the open collection, or makes it the root. */
static bool attach(struct zl_yfile *f, struct build *b,
		   struct zl_ynode *n, const yaml_event_t *ev)
{
	struct zl_ynode *parent;

	if (++f->nnodes > MAX_NODES) {
		err_mark(f, ev->start_mark, "%s has more than %u YAML nodes",
			 f->kind, MAX_NODES);
		return false;
	}
	if (b->depth == 0) {
		b->root = n;
		return true;
	}
	parent = b->stack[b->depth - 1];
	if (parent->last)
		parent->last->next = n;
	else
		parent->kids = n;
	parent->last = n;
	parent->n++;
	return true;
}

/* Anchors exist only to be aliased, and tags would change what a scalar
 * means: rule files use neither. */
static void check_props(struct zl_yfile *f, const yaml_event_t *ev,
			const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor)
		err_mark(f, ev->start_mark,
			 "YAML anchor '&%s' is not allowed in %ss",
			 (const char *)anchor, f->kind);
	if (tag)
		err_mark(f, ev->start_mark,
			 "YAML tag '%s' is not allowed in %ss",
			 (const char *)tag, f->kind);
}

static bool on_scalar(struct zl_yfile *f, struct build *b,
		      const yaml_event_t *ev)
{
	struct zl_ynode *n = new_node(f, ZL_Y_SCALAR, ev);
	const char *v = (const char *)ev->data.scalar.value;

	check_props(f, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
	n->len = ev->data.scalar.length;
	n->str = zl_arena_strndup(&f->arena, v, n->len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (memchr(v, '\0', n->len))
		err_mark(f, ev->start_mark, "string holds a NUL byte");
	return attach(f, b, n, ev);
}

static bool on_open(struct zl_yfile *f, struct build *b,
		    const yaml_event_t *ev, enum zl_ykind kind)
{
	struct zl_ynode *n;

	if (kind == ZL_Y_SEQ)
		check_props(f, ev, ev->data.sequence_start.anchor,
			    ev->data.sequence_start.tag);
	else
		check_props(f, ev, ev->data.mapping_start.anchor,
			    ev->data.mapping_start.tag);
	if (b->depth == MAX_DEPTH) {
		err_mark(f, ev->start_mark,
			 "YAML nesting deeper than %d levels", MAX_DEPTH);
		return false;
	}
	n = new_node(f, kind, ev);
	if (!attach(f, b, n, ev))
		return false;
	b->stack[b->depth++] = n;
	return true;
}

/* Returns false to stop reading (the error is already reported). */
static bool on_event(struct zl_yfile *f, struct build *b,
		     const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		b->done = true;
		return true;
	case YAML_DOCUMENT_START_EVENT:
		if (++b->ndocs == 1)
			return true;
		err_mark(f, ev->start_mark,
			 "%s holds more than one YAML document", f->kind);
		return false;
	case YAML_ALIAS_EVENT:
		/* Never expanded: no "billion laughs" from a rule file. */
		err_mark(f, ev->start_mark,
			 "YAML alias '*%s' is not allowed in %ss",
			 (const char *)ev->data.alias.anchor, f->kind);
		return attach(f, b, new_node(f, ZL_Y_BAD, ev), ev);
	case YAML_SCALAR_EVENT:
		return on_scalar(f, b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_open(f, b, ev, ZL_Y_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_open(f, b, ev, ZL_Y_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->stack[--b->depth]->end = ev->end_mark;
		return true;
	default:
		return true;
	}
}

static yaml_mark_t mark_of(const uint32_t m[3])
{
	return (yaml_mark_t){ .index = m[0], .line = m[1], .column = m[2] };
}

/* The recorded events as libyaml would have produced them. */
static bool replay(struct zl_yfile *f, struct build *b)
{
	const struct zl_yevent *e;
	yaml_event_t ev;
	size_t i;

	for (i = 0; i < f->nevents && !b->done; i++) {
		e = &f->events[i];
		memset(&ev, 0, sizeof ev);
		ev.type = (yaml_event_type_t)e->type;
		ev.start_mark = mark_of(e->start);
		ev.end_mark = mark_of(e->end);
		if (ev.type == YAML_SCALAR_EVENT) {
			ev.data.scalar.value =
				(yaml_char_t *)(f->strings + e->value);
			ev.data.scalar.length = e->length;
			ev.data.scalar.style = (yaml_scalar_style_t)e->style;
		}
		if (!on_event(f, b, &ev))
			return false;
	}
	return true;
}

static bool scan(struct zl_yfile *f, struct build *b)
{
	yaml_parser_t p;
	yaml_event_t ev;
	bool ok = true;

	if (!yaml_parser_initialize(&p)) {
		err_mark(f, (yaml_mark_t){ 0 }, "cannot start the YAML parser");
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)f->buf,
				     f->len);
	while (ok && !b->done) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(f, &p);
			ok = false;
			break;
		}
		ok = on_event(f, b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok;
}

bool zl_yaml_parse(struct zl_yfile *f, struct zl_ynode **root)
{
	struct build b = { .depth = 0 };
	bool ok = f->events ? replay(f, &b) : scan(f, &b);

	*root = ok ? b.root : NULL;
	return ok;
}

/* ---- schema helpers ---- */

bool zl_yaml_want(struct zl_yfile *f, const struct zl_ynode *n,
		  enum zl_ykind kind, const char *what)
{
	if (n->kind == kind)
		return true;
	if (n->kind != ZL_Y_BAD)
		zl_yaml_error_at(f, n, "%s must be a %s, not a %s", what,
				 kind_names[kind], kind_names[n->kind]);
	return false;
}

static void join(struct zl_buf *b, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n && words[i]; i++)
		zl_buf_addf(b, "%s%s", i ? ", " : "", words[i]);
}

static void unknown_key(struct zl_yfile *f, const struct zl_ynode *k,
			const char *const *keys, size_t nkeys, const char *where)
{
	const char *near = zl_nearest(k->str, keys, nkeys);
	struct zl_buf b = { 0 };

	join(&b, keys, nkeys);
	if (nkeys)
		zl_yaml_error_at(f, k, "unknown key '%s' in %s (expected "
				 "one of: %s)%s%s%s", k->str, where, b.s,
				 near ? "; did you mean '" : "",
				 near ? near : "", near ? "'?" : "");
	else
		zl_yaml_error_at(f, k, "unknown key '%s' in %s (it takes "
				 "no keys)", k->str, where);
	zl_buf_free(&b);
}

void zl_yaml_fields(struct zl_yfile *f, const struct zl_ynode *map,
		    const char *const *keys, size_t nkeys, const char *where,
		    struct zl_ynode **vals, struct zl_ynode **keyn)
{
	struct zl_ynode *k, *v;
	size_t i;

	for (k = map->kids; k && (v = k->next); k = v->next) {
		if (!zl_yaml_want(f, k, ZL_Y_SCALAR, "a mapping key"))
			continue;
		for (i = 0; i < nkeys && strcmp(k->str, keys[i]) != 0; i++)
			;
		if (i == nkeys) {
			unknown_key(f, k, keys, nkeys, where);
		} else if (keyn[i]) {
			zl_yaml_error_at(f, k, "duplicate key '%s' in %s",
					 k->str, where);
		} else {
			keyn[i] = k;
			vals[i] = v;
		}
	}
}

void zl_yaml_open(struct zl_yfile *f, const char *name, const char *buf,
		  size_t len, struct zl_diags *errs)
{
	memset(f, 0, sizeof *f);
	f->name = name;
	f->kind = "rule file";
	f->buf = buf;
	f->len = len;
	f->errs = errs;
}

void zl_yaml_replay(struct zl_yfile *f, const struct zl_yevent *events,
		    size_t nevents, const char *strings)
{
	f->events = events;
	f->nevents = nevents;
	f->strings = strings;
}

void zl_yaml_close(struct zl_yfile *f)
{
	struct zl_loc loc = { .file = (char *)f->name };

	if (f->nerr > ZL_YAML_MAX_ERRORS)
		zl_diags_add(f->errs, NULL, ZL_SEV_ERROR, &loc, "%zu more "
			     "errors in %s not shown (at most %d per file)",
			     f->nerr - ZL_YAML_MAX_ERRORS, f->name,
			     ZL_YAML_MAX_ERRORS);
	free(f->lines);
	f->lines = NULL;
	zl_arena_free(&f->arena);
}
