/* server_knot.c - Knot DNS's knot.conf, its lines read as knotd reads them and its structure through libyaml: include, template and zone sections, storage and the zone file formatters. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "fs.h"
#include "server_knot.h"

/* Where Debian's knotd keeps zones when no template says otherwise
 * (${localstatedir}/lib/knot). */
#define KNOT_STORAGE "/var/lib/knot"

/* A template or a zone: the items that place its file. */
struct item {
	char *val;
	const char *file;
	uint32_t line, col;
};

struct entry {
	struct item id;		/* template id, or zone domain */
	struct item file, storage, tmpl, master, load;
	struct item sign, valid;	/* dnssec-signing, -validation */
	char *origin;		/* zones */
	uint32_t seq;		/* where it was read among all entries */
};

struct knot {
	struct srv *s;
	struct entry *t, *z;	/* templates, zones */
	size_t nt, tcap, nz, zcap;
	struct srv_set tset, zset;	/* their identifiers */
	struct srv_set ids;	/* the entries' ids read so far (module: too) */
	uint32_t seq;			/* entries read so far */
};

/* One file's YAML events. */
struct ydoc {
	struct knot *k;
	struct srv_file *f;
	struct kval *v;		/* the values, as lex() read them */
	size_t nv, vcap, vi;	/* vi: the next one an event may hold */
	const char *cur;	/* the current scalar's value */
	size_t *lines, nlines, lcap;	/* where each line begins */
	yaml_parser_t p;
	yaml_event_t ev;
	bool have, bad;
	size_t depth;
};


/* The line and column of a mark, from its byte (lex() made the text
 * ASCII): libyaml counts a CR alone as a line end, as knotd does not. */
static void ev_mark(struct ydoc *y, yaml_mark_t m, uint32_t *line,
		    uint32_t *col)
{
	size_t lo = 0, hi = y->nlines, mid;

	if (!hi) {
		*line = (uint32_t)m.line + 1;
		*col = (uint32_t)m.column + 1;
		return;
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (y->lines[mid] <= m.index)
			lo = mid;
		else
			hi = mid;
	}
	*line = (uint32_t)lo + 1;
	*col = (uint32_t)(m.index - y->lines[lo]) + 1;
}

static bool yerr(struct ydoc *y, yaml_mark_t m, const char *what,
		 const char *val)
{
	uint32_t line, col;

	ev_mark(y, m, &line, &col);
	y->bad = true;
	return srv_err(y->k->s, y->f->shown, line, col, val ? "%s '%s'" : "%s",
		       what, val);
}

/* ---- Knot DNS's own reading of the text ----
 *
 * knotd reads knot.conf with a reader of its own (libknot's yparser), line
 * by line: a blank line or a comment; "NAME:" at the start of a line (a
 * section) or after blanks (an item), "- NAME:" (a list entry, whose
 * identifier takes a value); after ':' and a blank a value, one word, one
 * '"' string or words in brackets, then only blanks and a comment after a
 * blank.  A word is printable ASCII but for '"', '#', '[', ',', ']' and
 * '\', and any byte from 128 on; "\X" (X printable) is both bytes, but
 * "\"" a '"'.  A string holds the same and blanks, '#', '[', ',', ']'.
 * A tab or another control byte outside a comment is refused.  knotd
 * refuses an item indented otherwise than the item above it (but for a
 * list entry's first), a '-' otherwise than the entry above, and an
 * indented item before any section.  lex() checks all of it, keeps each
 * value as knotd reads it, and hands libyaml text it reads the same way:
 * each value becomes a word of 'x' as long, each comment blanks. */

/* A value as Knot DNS reads it, kept at the byte where it begins. */
struct kval {
	size_t off;
	char *val;
};

struct lex {
	struct ydoc *y;
	char *s;
	size_t n, i;		/* the text, where the reader is */
	size_t bol, pbol;	/* where the line begins, for knotd and not */
	uint32_t line;
	size_t indent, id_pos;	/* of the item above, as knotd keeps them */
	bool section;		/* a section read */
	bool bare;		/* the item above, not a section, has no value */
	bool open;		/* the last item on this line has no value */
	size_t open_at, open_len;	/* its "NAME:" */
	bool lone;		/* ... and a CR alone came after it */
	bool lone_blank;	/* ... and a blank piece after that */
	size_t items;		/* items read */
	char key[64];		/* the item's name, for messages */
};

/* Reports what knotd refuses at s[at]: a tab, or what fmt says. */
static bool ZL_PRINTF(3, 4) lx_err(struct lex *l, size_t at,
				   const char *fmt, ...)
{
	char what[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	l->y->bad = true;
	return srv_err(l->y->k->s, l->y->f->shown, l->line,
		       (uint32_t)(at - l->pbol) + 1, "%s",
		       at < l->n && l->s[at] == '\t' ? "a tab, which Knot "
		       "DNS reads only in a comment" : what);
}

static bool lx_eol(const struct lex *l)
{
	return l->i >= l->n || l->s[l->i] == '\n' || l->s[l->i] == '\r';
}

/* Steps over blanks (only ' ' is one to knotd); returns how many. */
static size_t lx_blanks(struct lex *l)
{
	size_t from = l->i;

	while (l->i < l->n && l->s[l->i] == ' ')
		l->i++;
	return l->i - from;
}

/* Blanks the comment at s[i] ('#'): knotd reads any byte there. */
static void lx_comment(struct lex *l)
{
	for (; !lx_eol(l); l->i++)
		l->s[l->i] = ' ';
}

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("\\/._*-", c));
}

/* A byte of a word (quoted: of a string). */
static bool word_char(unsigned char c, bool quoted)
{
	return c >= 0x80 || (c > ' ' && c < 0x7f && !strchr("\"#[,]\\", c)) ||
	       (quoted && c && strchr(" #[,]", c));
}

/* The value at s[i]: a word or a string. */
static bool lx_word(struct lex *l)
{
	struct zl_buf b = { 0 };
	struct kval *v;
	size_t from = l->i;
	bool quoted = l->s[l->i] == '"';
	unsigned char c;

	l->i += quoted;
	for (;;) {
		c = l->i < l->n ? (unsigned char)l->s[l->i] : '\0';
		if (c == '\\' && l->i + 1 < l->n && l->s[l->i + 1] >= ' ' &&
		    l->s[l->i + 1] < 0x7f) {
			if (l->s[l->i + 1] != '"')
				zl_buf_addc(&b, '\\');
			zl_buf_addc(&b, l->s[l->i + 1]);
			l->i += 2;
		} else if (l->i < l->n && word_char(c, quoted)) {
			zl_buf_addc(&b, (char)c);
			l->i++;
		} else {
			break;
		}
	}
	if (quoted && (l->i >= l->n || l->s[l->i] != '"')) {
		zl_buf_free(&b);
		return lx_err(l, l->i, "%s", lx_eol(l) ? "a '\"' string that "
			      "does not end on its line" : c == '\\' ?
			      "a '\\' before no printable character" :
			      "a control character in a string");
	}
	l->i += quoted;
	if (l->i == from) {
		zl_buf_free(&b);
		return lx_err(l, l->i, "expected a value for '%s'", l->key);
	}
	zl_xgrow((void **)&l->y->v, &l->y->vcap, l->y->nv + 1,
		 sizeof *l->y->v);
	v = &l->y->v[l->y->nv++];
	v->off = from;
	v->val = b.s ? b.s : zl_xstrdup("");
	memset(l->s + from, 'x', l->i - from);
	return true;
}

/* Words in brackets, s[i] the '['. */
static bool lx_list(struct lex *l)
{
	size_t open = l->i++;

	lx_blanks(l);
	if (l->i < l->n && l->s[l->i] == ']')
		return lx_err(l, open, "an empty list of values, which Knot "
			      "DNS refuses");
	for (;;) {
		if (!lx_word(l))
			return false;
		lx_blanks(l);
		if (l->i < l->n && l->s[l->i] == ']') {
			l->i++;
			return true;
		}
		if (l->i >= l->n || l->s[l->i] != ',')
			return lx_err(l, l->i, lx_eol(l) ? "a list of values "
				      "that does not end on its line" :
				      "expected ',' or ']' in the values of "
				      "'%s'", l->key);
		l->i++;
		lx_blanks(l);
	}
}

/* What follows a value: blanks, and a comment after one. */
static bool lx_rest(struct lex *l)
{
	size_t sp = lx_blanks(l);
	char c;

	if (lx_eol(l))
		return true;
	c = l->s[l->i];
	if (c == '#' && sp) {
		lx_comment(l);
		return true;
	}
	if (sp)
		return lx_err(l, l->i, "a second word in the value of '%s', "
			      "which Knot DNS refuses (quote the value)",
			      l->key);
	if (c && strchr("\"#[,]\\", c))
		return lx_err(l, l->i, "'%c' inside the value of '%s', which "
			      "Knot DNS refuses (quote the value)", c, l->key);
	if ((unsigned char)c > ' ' && c != 0x7f)
		return lx_err(l, l->i, "text right after the value of '%s', "
			      "which Knot DNS refuses", l->key);
	return lx_err(l, l->i, "a control character in the value of '%s'",
		      l->key);
}

/* "NAME: VALUE", "- NAME: VALUE" or "NAME:" from s[i], the name, the
 * '-' before it at dash or SIZE_MAX. */
static bool lx_item(struct lex *l, size_t dash)
{
	size_t indent = l->i - l->bol, key = l->i, klen;
	bool id = dash != SIZE_MAX;
	/* "  listen:" then "    - 127.0.0.1": knotd reads an entry */
	bool list = id && l->bare && l->s[l->i] != '\t';

	/* knotd gives an item without a value when its line ends, but a CR
	 * alone ends none: the next item takes its place, and, but after a
	 * blank piece, adds its indentation to the item's. */
	if (l->lone && !l->lone_blank)
		return lx_err(l, id ? dash : key, "an item after a CR alone "
			      "that ends '%s:', which Knot DNS then loses "
			      "(end the line with LF)", l->key);
	if (l->lone)		/* lost, as knotd loses it */
		memset(l->s + l->open_at, ' ', l->open_len);
	l->lone = false;
	l->items++;
	while (l->i < l->n && key_char(l->s[l->i]) &&
	       (l->i > key || l->s[l->i] != '-'))
		l->i++;
	klen = l->i - key;
	if (klen == 0)
		return lx_err(l, list ? dash : l->i, "%s", list ? "Knot DNS "
			      "reads a list of values only in brackets "
			      "([a, b])" : "expected an item name");
	if (!id && indent > 0 && l->indent > 0 && indent != l->indent)
		return lx_err(l, key, "an item indented otherwise than the "
			      "one above it, which Knot DNS refuses");
	if (indent > 0 && !l->section)
		return lx_err(l, id ? dash : key, "an indented item before "
			      "any section, which Knot DNS refuses");
	snprintf(l->key, sizeof l->key, "%.*s", (int)klen, l->s + key);
	lx_blanks(l);
	if ((l->i >= l->n || l->s[l->i] != ':') && list &&
	    l->s[l->i] != '\t')
		return lx_err(l, dash, "Knot DNS reads a list of values only "
			      "in brackets ([a, b])");
	if (l->i >= l->n || l->s[l->i] != ':')
		return lx_err(l, l->i, "expected ':' after '%s'", l->key);
	l->i++;
	if (!id && indent == 0) {
		l->indent = 0;
		l->id_pos = 0;
		l->section = true;
	} else {
		l->indent = indent;
		l->id_pos = id ? dash - l->bol : l->id_pos;
	}
	l->bare = false;
	l->open = false;
	l->open_at = key;
	l->open_len = l->i - key;
	if (!lx_eol(l) && l->s[l->i] != ' ')
		return lx_err(l, l->i, "expected a blank after the ':' of "
			      "'%s'", l->key);
	lx_blanks(l);
	if (lx_eol(l) || l->s[l->i] == '#') {
		if (id)		/* an identifier takes a value */
			return lx_err(l, l->i, "expected a value for '%s'",
				      l->key);
		l->bare = indent > 0;	/* an item's, not a section's */
		l->open = true;
		lx_comment(l);
		return true;
	}
	if (l->s[l->i] == '[' && id)
		return lx_err(l, l->i, "Knot DNS reads one value, not one in "
			      "brackets, for '%s'", l->key);
	if (!(l->s[l->i] == '[' ? lx_list(l) : lx_word(l)))
		return false;
	return lx_rest(l);
}

/* One line, from its start to its end (not taken). */
static bool lx_line(struct lex *l)
{
	size_t sp = lx_blanks(l), dash = SIZE_MAX;

	if (lx_eol(l))
		return true;
	if (l->s[l->i] == '#') {
		lx_comment(l);
		return true;
	}
	if (l->s[l->i] == '-') {
		dash = l->i;
		if (sp > 0 && l->id_pos > 0 && sp != l->id_pos)
			return lx_err(l, dash, "a list entry indented "
				      "otherwise than the one above it, which "
				      "Knot DNS refuses");
		l->i++;
		if (lx_blanks(l) == 0)
			return lx_err(l, l->i, "expected a blank after '-'");
	}
	return lx_item(l, dash);
}

/* Reads the file as knotd does (a comment above); false at the first
 * thing it refuses, reported. */
static bool lex(struct ydoc *y)
{
	struct lex l = { 0 };

	l.y = y;
	l.s = y->f->data;
	l.n = y->f->len;
	l.line = 1;
	for (;;) {
		zl_xgrow((void **)&y->lines, &y->lcap, y->nlines + 1,
			 sizeof *y->lines);
		y->lines[y->nlines++] = l.pbol;
		do {
			size_t items = l.items;

			l.bol = l.i;
			if (!lx_line(&l))
				return false;
			l.lone_blank |= l.lone && l.items == items;
			/* a CR alone ends an item or a blank line, but
			 * knotd counts no line there */
			if (l.i < l.n && l.s[l.i] == '\r' &&
			    l.i + 1 < l.n && l.s[l.i + 1] != '\n') {
				if (l.open && !l.lone) {
					l.lone = true;
					l.lone_blank = false;
				}
				l.i++;
				continue;
			}
			l.i += l.i < l.n && l.s[l.i] == '\r';
			break;
		} while (l.i < l.n);
		if (l.i >= l.n)
			return true;
		l.i++;
		l.line++;
		l.pbol = l.i;
		l.lone = l.open = false;	/* knotd gave the item */
	}
}

/* Makes the current event's value, a scalar, the one lex() read where
 * it begins (libyaml sees 'x's there), or the text of a name.  The text
 * libyaml reads is ASCII: a character is a byte. */
static void value_of(struct ydoc *y)
{
	size_t at = y->ev.start_mark.index;

	y->cur = (const char *)y->ev.data.scalar.value;
	while (y->vi < y->nv && y->v[y->vi].off < at)
		y->vi++;
	if (y->vi < y->nv && y->v[y->vi].off == at &&
	    y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		y->cur = y->v[y->vi].val;
}

/* The next event (false at a syntax error, reported, or after one). */
static bool ev_next(struct ydoc *y)
{
	uint32_t line, col;

	if (y->have)
		yaml_event_delete(&y->ev);
	y->have = false;
	if (y->bad)
		return false;
	if (!yaml_parser_parse(&y->p, &y->ev)) {
		ev_mark(y, y->p.problem_mark, &line, &col);
		/* A byte that is no UTF-8 text: libyaml gives its offset. */
		if (y->p.error == YAML_READER_ERROR) {
			const char *p, *bol = y->f->data;

			line = 1;
			for (p = y->f->data; p < y->f->data + y->p.problem_offset &&
			     p < y->f->data + y->f->len; p++)
				if (*p == '\n') {
					line++;
					bol = p + 1;
				}
			col = (uint32_t)(p - bol) + 1;
		}
		y->bad = true;
		return srv_err(y->k->s, y->f->shown, line, col, "%s",
			       y->p.problem ? y->p.problem : "YAML error");
	}
	y->have = true;
	if (y->ev.type == YAML_SCALAR_EVENT &&
	    y->ev.start_mark.line != y->ev.end_mark.line)
		return yerr(y, y->ev.start_mark, "a value that goes on to "
			    "the next line, which Knot DNS refuses", NULL);
	if (y->ev.type == YAML_SCALAR_EVENT)
		value_of(y);
	if (y->ev.type == YAML_ALIAS_EVENT ||
	    (y->ev.type == YAML_SCALAR_EVENT && y->ev.data.scalar.anchor) ||
	    (y->ev.type == YAML_SEQUENCE_START_EVENT &&
	     y->ev.data.sequence_start.anchor) ||
	    (y->ev.type == YAML_MAPPING_START_EVENT &&
	     y->ev.data.mapping_start.anchor))
		return yerr(y, y->ev.start_mark, "knot.conf has no YAML "
			    "anchors or aliases", NULL);
	return true;
}

/* Skips the node whose first event is the current one. */
static bool skip_node(struct ydoc *y)
{
	size_t depth = 0;

	do {
		switch (y->ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > ZL_SERVER_MAX_NEST)
				return yerr(y, y->ev.start_mark, "YAML "
					    "nested too deep", NULL);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (depth == 0)
			return true;
	} while (ev_next(y));
	return false;
}

static const char *scalar(struct ydoc *y)
{
	return y->cur;
}

/* Checks the current event, a scalar, as a value of the item key of sec
 * (server_knot_value.c). */
static void check(struct ydoc *y, const struct knot_section *sec,
		  const char *key)
{
	uint32_t line, col;

	ev_mark(y, y->ev.start_mark, &line, &col);
	srv_knot_value(y->k->s, &y->k->ids, sec, key, scalar(y), y->f->shown,
		       line, col);
}

/* The value of the item key of sec, the current event on, as Knot DNS's
 * parser reads it: a word, or words in brackets, one or more, each
 * checked.  It refuses a list written line by line ("- x"), an empty one
 * and a mapping. */
static bool value(struct ydoc *y, const struct knot_section *sec,
		  const char *key)
{
	yaml_mark_t m = y->ev.start_mark;
	size_t n = 0;

	if (y->ev.type == YAML_SCALAR_EVENT) {
		check(y, sec, key);
		return true;
	}
	if (y->ev.type != YAML_SEQUENCE_START_EVENT)
		return yerr(y, m, "Knot DNS reads no mapping as a value", NULL);
	if (y->ev.data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE)
		return yerr(y, m, "Knot DNS reads a list of values only in "
			    "brackets ([a, b])", NULL);
	while (ev_next(y) && y->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT)
			return yerr(y, y->ev.start_mark, "Knot DNS reads "
				    "only words in a list of values", NULL);
		check(y, sec, key);
		n++;
	}
	if (!y->bad && n == 0)
		return yerr(y, m, "an empty list of values, which Knot DNS "
			    "refuses", NULL);
	return !y->bad;
}

/* The items of a mapping, the current event its start, as Knot DNS reads
 * a section's or a list entry's: no mapping in braces. */
static bool block_mapping(struct ydoc *y)
{
	if (y->ev.type != YAML_MAPPING_START_EVENT ||
	    y->ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
		return yerr(y, y->ev.start_mark, "Knot DNS reads items "
			    "here, one per line (not in braces)", NULL);
	return true;
}

/* The current event, an item's name in sec, the first of an entry (list)
 * or of the section's items: false when knotd stops there.  An item knotd
 * does not know is reported; the reading goes on, to show the others. */
static bool item(struct ydoc *y, const struct knot_section *sec, bool list,
		 bool first)
{
	const char *key = scalar(y);
	uint32_t line, col;

	ev_mark(y, y->ev.start_mark, &line, &col);
	if (first && list != (sec->id != NULL)) {
		y->bad = true;
		srv_knot_form(y->k->s, sec, list, y->f->shown, line, col);
		return false;
	}
	if (first && list && strcmp(key, sec->id) != 0)
		return yerr(y, y->ev.start_mark, "the first item must be",
			    sec->id);
	if (!srv_knot_takes(sec, key))
		srv_knot_unknown(y->k->s, sec, key, y->f->shown, line, col);
	return true;
}

/* The items of one mapping of sec (NULL: unchecked), a list entry's
 * (list) or the section's, the current event its start; an entry is
 * then checked whole, for the items knotd requires in it. */
static bool entry_items(struct ydoc *y, const struct knot_section *sec,
			bool list)
{
	struct srv_set given = { 0 };
	struct item id = { 0 };
	char key[64];
	bool first = true, ok = false;

	while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT) {
			yerr(y, y->ev.start_mark, "expected an item name",
			     NULL);
			goto out;
		}
		if (sec && !item(y, sec, list, first))
			goto out;
		snprintf(key, sizeof key, "%s", scalar(y));
		if (!ev_next(y) || !value(y, sec, key))
			goto out;
		if (first && list) {
			id.val = zl_xstrdup(scalar(y));
			ev_mark(y, y->ev.start_mark, &id.line, &id.col);
		}
		first = false;
		/* knotd keeps the last value (of a list: the current scalar
		 * still) */
		srv_set_put(&given, key, *scalar(y) != '\0');
	}
	if (!y->bad && sec && id.val)
		srv_knot_entry(y->k->s, sec, &given, id.val, y->f->shown,
			       id.line, id.col);
	ok = !y->bad;
out:
	free(id.val);
	srv_set_free(&given);
	return ok;
}

/* A section zonelint does not read (server:, remote:, ...), held to
 * Knot DNS's grammar and schema: items, or a list of entries of items,
 * as sec takes them (sec NULL: a module's that knotd may find installed,
 * unchecked).  Its values are checked, its entries' ids kept. */
static bool other_section(struct ydoc *y, const struct knot_section *sec)
{
	bool list;

	if (!ev_next(y))
		return false;
	if (y->ev.type == YAML_SCALAR_EVENT)
		return true;	/* nothing under it */
	if (sec && !sec->items)		/* clear: a value, as include */
		return yerr(y, y->ev.start_mark, "expected one value for",
			    sec->name);
	list = y->ev.type == YAML_SEQUENCE_START_EVENT;
	if (list && y->ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
		return yerr(y, y->ev.start_mark, "Knot DNS reads the entries "
			    "of a section one per line", NULL);
	if (list && !ev_next(y))
		return false;
	while (!list || y->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (!block_mapping(y) || !entry_items(y, sec, list))
			return false;
		if (y->bad || !list || !ev_next(y))
			break;
	}
	return !y->bad;
}

/* The value of the item key of sec: a scalar, checked and kept in it; of
 * words in brackets ("template: [ t ]", "file: [ a, b ]"), each checked
 * and the last kept, as knotd keeps it, but for an identifier (id), which
 * takes one. */
static bool take(struct ydoc *y, struct item *it,
		 const struct knot_section *sec, const char *key, bool id)
{
	bool list;

	if (!ev_next(y))
		return false;
	list = !id && y->ev.type == YAML_SEQUENCE_START_EVENT &&
	       y->ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	if (list && !ev_next(y))
		return false;
	if (y->ev.type != YAML_SCALAR_EVENT) {
		yerr(y, y->ev.start_mark, "expected one value for", key);
		return skip_node(y);
	}
	for (;;) {
		check(y, sec, key);
		free(it->val);
		it->val = zl_xstrdup(scalar(y));
		it->file = y->f->shown;
		ev_mark(y, y->ev.start_mark, &it->line, &it->col);
		if (!list || !ev_next(y) ||
		    y->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (y->ev.type != YAML_SCALAR_EVENT) {
			yerr(y, y->ev.start_mark, "Knot DNS reads only words "
			     "in a list of values", NULL);
			return skip_node(y);
		}
	}
	return !y->bad;
}

/* One list entry of the template or zone section: a mapping whose first
 * item is the identifier (Knot reads a list entry that way). */
static bool entry(struct ydoc *y, struct entry *e,
		  const struct knot_section *sec)
{
	const char *idkey = sec->id;
	struct item *it;
	bool first = true;
	char key[64];

	if (y->ev.type != YAML_MAPPING_START_EVENT)
		return yerr(y, y->ev.start_mark, "expected an item", idkey);
	if (!block_mapping(y))
		return false;
	while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT)
			return yerr(y, y->ev.start_mark, "expected an item "
				    "name", NULL);
		snprintf(key, sizeof key, "%s", scalar(y));
		if (!item(y, sec, true, first))
			return false;
		first = false;
		it = !strcmp(key, idkey) ? &e->id :
		     !strcmp(key, "file") ? &e->file :
		     !strcmp(key, "storage") ? &e->storage :
		     !strcmp(key, "template") ? &e->tmpl :
		     !strcmp(key, "master") ? &e->master :
		     !strcmp(key, "zonefile-load") ? &e->load :
		     !strcmp(key, "dnssec-signing") ? &e->sign :
		     !strcmp(key, "dnssec-validation") ? &e->valid : NULL;
		if (it == &e->master) {
			/* remotes: a list or one name; only its presence
			 * matters */
			if (!ev_next(y) || !value(y, sec, key))
				return false;
			e->master.val = e->master.val ? e->master.val :
					zl_xstrdup("");
		} else if (it) {
			if (!take(y, it, sec, key, it == &e->id))
				return false;
		} else if (!ev_next(y) || !value(y, sec, key)) {
			return false;
		}
	}
	if (y->bad)
		return false;
	if (!e->id.val)
		return yerr(y, y->ev.start_mark, "missing item", idkey);
	return true;
}

static void entry_free(struct entry *e)
{
	free(e->id.val);
	free(e->file.val);
	free(e->storage.val);
	free(e->tmpl.val);
	free(e->master.val);
	free(e->load.val);
	free(e->sign.val);
	free(e->valid.val);
	free(e->origin);
}

static struct entry *grow(struct entry **v, size_t *n, size_t *cap)
{
	zl_xgrow((void **)v, cap, *n + 1, sizeof **v);
	memset(&(*v)[*n], 0, sizeof **v);
	return &(*v)[(*n)++];
}

/* template: or zone: a list of entries. */
static bool section(struct ydoc *y, bool zones)
{
	struct knot *k = y->k;
	struct entry *e;
	const struct knot_section *sec = srv_knot_section(zones ? "zone" :
							  "template");
	const char *key;

	if (!ev_next(y))
		return false;
	/* Nothing under it, as in Debian's knot.conf, whose zones are
	 * all commented out. */
	if (y->ev.type == YAML_SCALAR_EVENT && !*scalar(y))
		return true;
	if (y->ev.type != YAML_SEQUENCE_START_EVENT) {
		yerr(y, y->ev.start_mark, "expected a list of entries under",
		     zones ? "zone" : "template");
		return skip_node(y);
	}
	if (y->ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
		return yerr(y, y->ev.start_mark, "Knot DNS reads the entries "
			    "of a section one per line", NULL);
	while (ev_next(y) && y->ev.type != YAML_SEQUENCE_END_EVENT) {
		e = zones ? grow(&k->z, &k->nz, &k->zcap) :
		    grow(&k->t, &k->nt, &k->tcap);
		e->seq = k->seq++;
		if (!entry(y, e, sec)) {
			entry_free(e);
			*(zones ? &k->nz : &k->nt) -= 1;
			return false;
		}
		if (zones && !(e->origin = srv_origin(e->id.val,
						      strlen(e->id.val))))
			srv_err(k->s, e->id.file, e->id.line, e->id.col,
				"invalid domain name '%s'", e->id.val);
		/* Knot refuses an identifier given twice */
		key = zones ? e->origin : e->id.val;
		if (key && srv_set_add(zones ? &k->zset : &k->tset, key,
				       zones ? k->nz - 1 : k->nt - 1)) {
			srv_err(k->s, e->id.file, e->id.line, e->id.col,
				"duplicate identifier '%s'", e->id.val);
			free(e->origin);
			e->origin = NULL;	/* not listed */
		}
	}
	return !y->bad;
}

static void read_file(struct knot *k, struct srv_file *f);

/* Whether path names a regular file (after links). */
static bool regular(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* include: a path or a pattern, relative to the including file. */
static bool include(struct ydoc *y)
{
	struct item it = { 0 };
	struct srv_file inc;
	char *dir, *pat, **v;
	size_t n, i;

	if (!take(y, &it, NULL, "include", false)) {
		free(it.val);
		return false;
	}
	dir = zl_path_dir(y->f->shown);
	pat = srv_resolve(dir, it.val);
	n = srv_glob(y->k->s, pat, true, it.file, it.line, it.col, &v);
	for (i = 0; i < n; i++) {
		/* knotd passes over a directory a pattern matches, and any
		 * other file that is no regular one */
		if (!y->k->s->provider && strpbrk(pat, "*?[") &&
		    !regular(v[i]))
			continue;
		if (!srv_open(y->k->s, v[i], it.file, it.line, it.col, &inc))
			continue;
		read_file(y->k, &inc);
		srv_close(y->k->s, &inc);
	}
	srv_free_list(v, n);
	free(pat);
	free(dir);
	free(it.val);
	return true;
}

/* The top mapping of one file: sections and includes, in order. */
static void top(struct ydoc *y)
{
	const struct knot_section *sec;
	const char *key;
	uint32_t line, col;

	while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT) {
			yerr(y, y->ev.start_mark, "expected a section name",
			     NULL);
			return;
		}
		key = scalar(y);
		/* a module's section that no module: loads may be one that
		 * knotd finds installed, but for a slip of one it has */
		sec = srv_knot_section(key);
		if (!sec && (strncmp(key, "mod-", 4) != 0 ||
			     (!srv_knot_defined(&y->k->ids, "module", key) &&
			      srv_knot_slip(key)))) {
			ev_mark(y, y->ev.start_mark, &line, &col);
			srv_knot_unknown(y->k->s, NULL, key, y->f->shown,
					 line, col);
		}
		if (!strcmp(key, "include")) {
			if (!include(y))
				return;
		} else if (!strcmp(key, "template") || !strcmp(key, "zone")) {
			if (!section(y, key[0] == 'z'))
				return;
		} else if (!other_section(y, sec)) {
			return;
		}
	}
}

static void read_file(struct knot *k, struct srv_file *f)
{
	struct ydoc y = { 0 };
	size_t i;

	y.k = k;
	y.f = f;
	if (f->len >= 3 && memcmp(f->data, "\xef\xbb\xbf", 3) == 0) {
		srv_err(k->s, f->shown, 1, 1, "the file begins with a UTF-8 "
			"byte order mark, which Knot DNS refuses");
		return;
	}
	if (!lex(&y))
		goto out;
	if (!yaml_parser_initialize(&y.p))
		zl_oom(sizeof y.p);
	yaml_parser_set_input_string(&y.p, (const unsigned char *)f->data,
				     f->len);
	while (ev_next(&y) && y.ev.type != YAML_STREAM_END_EVENT) {
		if (y.ev.type == YAML_MAPPING_START_EVENT)
			top(&y);
		else if (y.ev.type == YAML_SCALAR_EVENT ||
			 y.ev.type == YAML_SEQUENCE_START_EVENT)
			yerr(&y, y.ev.start_mark, "expected a section name",
			     NULL);
	}
	if (y.have)
		yaml_event_delete(&y.ev);
	yaml_parser_delete(&y.p);
out:
	for (i = 0; i < y.nv; i++)
		free(y.v[i].val);
	free(y.v);
	free(y.lines);
}

/* ---- zone files ---- */

static const struct entry *find_template(struct knot *k, const char *id)
{
	const struct srv_set_ent *e = srv_set_find(&k->tset, id);

	return e ? &k->t[e->val] : NULL;
}

static void list_zone(struct knot *k, const struct entry *z)
{
	const struct entry *t;
	const struct item *file, *storage, *load, *sign, *valid;
	enum zl_server_role role = ZL_SERVER_PRIMARY;
	char *name, *dir, *path;

	t = z->tmpl.val ? find_template(k, z->tmpl.val) :
	    find_template(k, "default");
	/* knot.conf(5): an identifier a zone refers to must be defined in
	 * advance. */
	if (z->tmpl.val && (!t || t->seq > z->seq)) {
		srv_err(k->s, z->tmpl.file, z->tmpl.line, z->tmpl.col,
			"invalid reference to template '%s'", z->tmpl.val);
		return;
	}
	file = z->file.val ? &z->file : t && t->file.val ? &t->file : NULL;
	storage = z->storage.val ? &z->storage :
		  t && t->storage.val ? &t->storage : NULL;
	name = srv_knot_file(file ? file->val : "%s.zone", z->origin);
	if (!name) {
		srv_err(k->s, file->file, file->line, file->col, "invalid "
			"zone file formatter in '%s'", file->val);
		return;
	}
	load = z->load.val ? &z->load : t && t->load.val ? &t->load : NULL;
	sign = z->sign.val ? &z->sign : t && t->sign.val ? &t->sign : NULL;
	valid = z->valid.val ? &z->valid : t && t->valid.val ? &t->valid :
		NULL;
	/* knotc conf-check and knotd refuse a zone both validated and
	 * signed (knotd does not start); a template alone may say both */
	if (sign && valid && srv_knot_on(sign->val) &&
	    srv_knot_on(valid->val))
		srv_err_help(k->s, "turn one of them off for this zone",
			     z->id.file, z->id.line, z->id.col, "zone '%s': "
			     "'dnssec-validation' is not compatible with "
			     "'dnssec-signing'", z->id.val);
	/* knot.conf(5): with zonefile-load none, knotd never loads the
	 * file; the zone is kept in its journal. */
	if (z->master.val || (t && t->master.val))
		role = ZL_SERVER_SECONDARY;
	else if (load && strcmp(load->val, "none") == 0)
		role = ZL_SERVER_UNLOADED;
	dir = srv_resolve(k->s->cwd, storage ? storage->val : KNOT_STORAGE);
	path = srv_resolve(dir, name);
	srv_add(k->s, z->origin, path, role, NULL, z->id.file, z->id.line,
		z->id.col);
	free(path);
	free(dir);
	free(name);
}

void zl_server_read_knot(struct srv *s, struct srv_file *f)
{
	struct knot k = { 0 };
	size_t i;

	k.s = s;
	read_file(&k, f);
	for (i = 0; i < k.nz; i++)
		if (k.z[i].origin)
			list_zone(&k, &k.z[i]);
	for (i = 0; i < k.nt; i++)
		entry_free(&k.t[i]);
	for (i = 0; i < k.nz; i++)
		entry_free(&k.z[i]);
	free(k.t);
	free(k.z);
	srv_set_free(&k.tset);
	srv_set_free(&k.zset);
	srv_set_free(&k.ids);
}
