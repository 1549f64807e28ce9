/* server_knot_lex.c - knot.conf read line by line as knotd reads it,
 * before libyaml reads its structure (server_knot.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server_knot.h"

/* knotd reads knot.conf with a reader of its own (libknot's yparser), line
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
 * indented item before any section.  srv_knot_lex() checks all of it,
 * keeps each value as knotd reads it, and hands libyaml text it reads the
 * same way: each value becomes a word of 'x' as long, each comment
 * blanks. */

struct lex {
	struct srv *srv;
	const char *shown;
	struct knot_text *t;
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
	l->t->stop = l->pbol;
	l->t->err_line = l->line;
	l->t->err_col = (uint32_t)(at - l->pbol) + 1;
	snprintf(l->t->err, sizeof l->t->err, "%s",
		 at < l->n && l->s[at] == '\t' ? "a tab, which Knot DNS "
		 "reads only in a comment" : what);
	return false;
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
	zl_xgrow((void **)&l->t->v, &l->t->vcap, l->t->nv + 1,
		 sizeof *l->t->v);
	v = &l->t->v[l->t->nv++];
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

bool srv_knot_lex(struct srv *s, struct srv_file *f, struct knot_text *t)
{
	struct lex l = { 0 };

	l.srv = s;
	l.shown = f->shown;
	l.t = t;
	l.s = f->data;
	l.n = f->len;
	l.line = 1;
	for (;;) {
		zl_xgrow((void **)&t->lines, &t->lcap, t->nlines + 1,
			 sizeof *t->lines);
		t->lines[t->nlines++] = l.pbol;
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
