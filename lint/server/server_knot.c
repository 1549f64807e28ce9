/* server_knot.c - Knot DNS's knot.conf (the YAML subset Knot reads, through libyaml): include, template and zone sections, storage and the zone file formatters. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "fs.h"
#include "server_impl.h"

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
	struct item file, storage, tmpl, master;
	char *origin;		/* zones */
	uint32_t seq;		/* where it was read among all entries */
};

struct knot {
	struct srv *s;
	struct entry *t, *z;	/* templates, zones */
	size_t nt, tcap, nz, zcap;
	struct srv_set tset, zset;	/* their identifiers */
	uint32_t seq;			/* entries read so far */
};

/* One file's YAML events. */
struct ydoc {
	struct knot *k;
	struct srv_file *f;
	const char *text;	/* the file as written, before knot_text() */
	size_t ci, bi;		/* a character of the file and its byte */
	yaml_parser_t p;
	yaml_event_t ev;
	bool have, bad;
	size_t depth;
};

static void ev_mark(struct ydoc *y, yaml_mark_t m, uint32_t *line,
		    uint32_t *col)
{
	(void)y;
	*line = (uint32_t)m.line + 1;
	*col = (uint32_t)m.column + 1;
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

/* Gives the current event, a word on one line, its bytes as the file
 * holds them where knot_text() changed them for libyaml.  The events come
 * in the order of the text, so the byte of a mark (libyaml counts
 * characters) is found by going on from the last one. */
static void as_written(struct ydoc *y)
{
	const yaml_event_t *e = &y->ev;
	size_t len = e->data.scalar.length, chars = 0, i;

	for (i = 0; i < len; i++)
		chars += (e->data.scalar.value[i] & 0xc0) != 0x80;
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    e->start_mark.index < y->ci ||
	    e->end_mark.index - e->start_mark.index != chars)
		return;		/* not a word on one line */
	for (; y->ci < e->start_mark.index && y->bi < y->f->len; y->ci++)
		do
			y->bi++;
		while (y->bi < y->f->len &&
		       ((unsigned char)y->f->data[y->bi] & 0xc0) == 0x80);
	if (y->bi + len <= y->f->len &&
	    memcmp(e->data.scalar.value, y->f->data + y->bi, len) == 0)
		memcpy(e->data.scalar.value, y->text + y->bi, len);
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
		as_written(y);
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
	return (const char *)y->ev.data.scalar.value;
}

/* An item's value, the current event on, as Knot DNS's parser reads it: a
 * word, or words in brackets, one or more.  It refuses a list written
 * line by line ("- x"), an empty one and a mapping. */
static bool value(struct ydoc *y)
{
	yaml_mark_t m = y->ev.start_mark;
	size_t n = 0;

	if (y->ev.type == YAML_SCALAR_EVENT)
		return true;
	if (y->ev.type != YAML_SEQUENCE_START_EVENT)
		return yerr(y, m, "Knot DNS reads no mapping as a value", NULL);
	if (y->ev.data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE)
		return yerr(y, m, "Knot DNS reads a list of values only in "
			    "brackets ([a, b])", NULL);
	while (ev_next(y) && y->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT)
			return yerr(y, y->ev.start_mark, "Knot DNS reads "
				    "only words in a list of values", NULL);
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

/* A section zonelint does not read (server:, remote:, ...), held to
 * Knot DNS's grammar: items, or a list of entries of items. */
static bool other_section(struct ydoc *y)
{
	bool list;

	if (!ev_next(y))
		return false;
	if (y->ev.type == YAML_SCALAR_EVENT)
		return true;	/* nothing under it */
	list = y->ev.type == YAML_SEQUENCE_START_EVENT;
	if (list && y->ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
		return yerr(y, y->ev.start_mark, "Knot DNS reads the entries "
			    "of a section one per line", NULL);
	if (list && !ev_next(y))
		return false;
	while (!list || y->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (!block_mapping(y))
			return false;
		while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
			if (y->ev.type != YAML_SCALAR_EVENT)
				return yerr(y, y->ev.start_mark, "expected an "
					    "item name", NULL);
			if (!ev_next(y) || !value(y))
				return false;
		}
		if (y->bad || !list || !ev_next(y))
			break;
	}
	return !y->bad;
}

/* The value of an item: a scalar, kept in it; of words in brackets
 * ("template: [ t ]", "file: [ a, b ]"), the last, as knotd keeps it, but
 * for an identifier (id), which takes one. */
static bool take(struct ydoc *y, struct item *it, const char *key, bool id)
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
		free(it->val);
		/* Knot's YAML has no single quotes: they stay in the
		 * value. */
		it->val = y->ev.data.scalar.style ==
			  YAML_SINGLE_QUOTED_SCALAR_STYLE ?
			  zl_xasprintf("'%s'", scalar(y)) :
			  zl_xstrdup(scalar(y));
		it->file = y->f->shown;
		ev_mark(y, y->ev.start_mark, &it->line, &it->col);
		/* Nor a '#' inside a word: knotc's parser fails there. */
		if (y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    strchr(it->val, '#'))
			return yerr(y, y->ev.start_mark, "'#' inside the "
				    "value of", key);
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
static bool entry(struct ydoc *y, struct entry *e, const char *idkey)
{
	struct item *it;
	bool first = true;
	const char *key;

	if (y->ev.type != YAML_MAPPING_START_EVENT)
		return yerr(y, y->ev.start_mark, "expected an item", idkey);
	if (!block_mapping(y))
		return false;
	while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT)
			return yerr(y, y->ev.start_mark, "expected an item "
				    "name", NULL);
		key = scalar(y);
		if (first && strcmp(key, idkey) != 0)
			yerr(y, y->ev.start_mark, "the first item must be",
			     idkey);
		first = false;
		it = !strcmp(key, idkey) ? &e->id :
		     !strcmp(key, "file") ? &e->file :
		     !strcmp(key, "storage") ? &e->storage :
		     !strcmp(key, "template") ? &e->tmpl :
		     !strcmp(key, "master") ? &e->master : NULL;
		if (it == &e->master) {
			/* remotes: a list or one name; only its presence
			 * matters */
			if (!ev_next(y) || !value(y))
				return false;
			e->master.val = e->master.val ? e->master.val :
					zl_xstrdup("");
		} else if (it) {
			/* key lives in the event that take() deletes */
			if (!take(y, it, it == &e->id ? idkey :
				  it == &e->file ? "file" :
				  it == &e->storage ? "storage" : "template",
				  it == &e->id))
				return false;
		} else if (!ev_next(y) || !value(y)) {
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
	const char *idkey = zones ? "domain" : "id", *key;

	if (!ev_next(y))
		return false;
	/* Nothing under it, as in Debian's knot.conf, whose zones are
	 * all commented out. */
	if (y->ev.type == YAML_SCALAR_EVENT && !y->ev.data.scalar.length &&
	    y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
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
		if (!entry(y, e, idkey)) {
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

	if (!take(y, &it, "include", false)) {
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
	const char *key;

	while (ev_next(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		if (y->ev.type != YAML_SCALAR_EVENT) {
			yerr(y, y->ev.start_mark, "expected a section name",
			     NULL);
			return;
		}
		key = scalar(y);
		if (!strcmp(key, "include")) {
			if (!include(y))
				return;
		} else if (!strcmp(key, "template") || !strcmp(key, "zone")) {
			if (!section(y, key[0] == 'z'))
				return;
		} else if (!other_section(y)) {
			return;
		}
	}
}

/* Blanks a comment from s[i] ('#') to the end of its line, but for its
 * ASCII text: Knot reads any byte in a comment (a Latin-1 accent, a NUL),
 * libyaml only UTF-8 text.  Returns the end of the line. */
static size_t comment(char *s, size_t n, size_t i)
{
	for (; i < n && s[i] != '\n'; i++)
		if ((unsigned char)s[i] >= 0x7f ||
		    (s[i] < ' ' && s[i] != '\t' && s[i] != '\r'))
			s[i] = ' ';
	return i;
}

/* Makes the word of a value starting at s[i] one libyaml reads as a
 * plain word, as Knot DNS reads it: a first byte that YAML takes for an
 * indicator ("file: %s.zone", "update-owner-name: *.example.com") and
 * every ':' ("listen: ::", "2001:db8::") are replaced, to be given back
 * by as_written().  In brackets a word also ends at ',' or ']'.  Returns
 * the end of the word. */
static size_t plain_word(char *s, size_t n, size_t i, bool flow)
{
	size_t k;

	if (i < n && s[i] && strchr("%@*&!|>?`", s[i]))
		s[i++] = 'x';
	for (; i < n && !strchr(" \t\r\n#", s[i]) &&
	       !(flow && (s[i] == ',' || s[i] == ']')); i++) {
		if (s[i] != ':')
			continue;
		/* a ':' that ends the word before more text on the line
		 * ("file: b: c") knotc refuses as libyaml does */
		for (k = i + 1; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k == i + 1 || k == n || strchr("\r\n#", s[k]) ||
		    (flow && (s[k] == ',' || s[k] == ']')))
			s[i] = '0';
	}
	return i;
}

/* The end of the quoted string at s[i] (its closing quote included),
 * on its line: '"' strings take backslash escapes. */
static size_t quoted_end(const char *s, size_t n, size_t i)
{
	char q;

	for (q = s[i++]; i < n && s[i] != q && s[i] != '\n'; i++)
		if (q == '"' && s[i] == '\\' && i + 1 < n && s[i + 1] != '\n')
			i++;
	return i + (i < n && s[i] == q);
}

/* Makes Knot DNS's YAML libyaml's, in place, so that positions stay as
 * they are, line by line: an item is "NAME: VALUE", maybe after "- ",
 * its value a quoted string, words in brackets or one word (plain_word);
 * comments as comment() makes them.  A line of another form is left to
 * libyaml. */
static void knot_text(char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		i += strspn(s + i, " \t");
		if (i + 1 < n && s[i] == '-' && (s[i + 1] == ' ' ||
						 s[i + 1] == '\t'))
			i += 1 + strspn(s + i + 1, " \t");
		/* the name, up to the ':' before a blank */
		for (; i < n && s[i] != '\n' && s[i] != '#' &&
		       !(s[i] == ':' && (i + 1 == n ||
					 strchr(" \t\r\n", s[i + 1]))); i++)
			;
		if (i < n && s[i] == ':') {
			i++;
			i += strspn(s + i, " \t");
			if (i < n && (s[i] == '"' || s[i] == '\'')) {
				i = quoted_end(s, n, i);
			} else if (i < n && s[i] == '[') {
				do {
					i++;
					i += strspn(s + i, " \t");
					if (i < n && (s[i] == '"' ||
						      s[i] == '\''))
						i = quoted_end(s, n, i);
					else if (i < n && s[i] != ']')
						i = plain_word(s, n, i, true);
					while (i < n && s[i] != ',' &&
					       s[i] != ']' && s[i] != '\n')
						i++;
				} while (i < n && s[i] == ',');
			} else if (i < n && s[i] != '{' && s[i] != '#') {
				i = plain_word(s, n, i, false);
			}
		}
		/* the rest of the line: a comment after a blank */
		for (; i < n && s[i] != '\n'; i++)
			if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' ||
					    s[i - 1] == '\t' ||
					    s[i - 1] == '\n')) {
				i = comment(s, n, i);
				break;
			}
		i += i < n;
	}
}

static void read_file(struct knot *k, struct srv_file *f)
{
	struct ydoc y = { 0 };

	y.k = k;
	y.f = f;
	if (f->len >= 3 && memcmp(f->data, "\xef\xbb\xbf", 3) == 0) {
		srv_err(k->s, f->shown, 1, 1, "the file begins with a UTF-8 "
			"byte order mark, which Knot DNS refuses");
		return;
	}
	y.text = memcpy(zl_xmalloc(f->len + 1), f->data, f->len);
	knot_text(f->data, f->len);
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
	free((char *)y.text);
}

/* ---- zone files ---- */

/* Appends the label of name (absolute, "." for the root) counted from the
 * right, 0 being the top-level one, when there is one. */
static void add_label(struct zl_buf *b, const char *name, long n)
{
	const char *end = name + strlen(name) - 1, *start;

	if (strcmp(name, ".") == 0)
		return;
	for (;;) {
		start = end;
		while (start > name && start[-1] != '.')
			start--;
		if (n-- == 0) {
			zl_buf_add(b, start, (size_t)(end - start));
			return;
		}
		if (start == name)
			return;
		end = start - 1;
	}
}

/* The file name of zone name from Knot's pattern fmt, or NULL with an
 * error at it.  knotd writes each '/' of the name (a classless reverse
 * zone's "0/25") as '_'. */
static char *expand(struct knot *k, const struct item *it, const char *fmt,
		    const char *name)
{
	struct zl_buf b = { 0 };
	char *origin = zl_xstrdup(name), *end;
	size_t olen = strlen(origin);
	const char *p;
	long a, z;

	for (end = origin; (end = strchr(end, '/')) != NULL; end++)
		*end = '_';
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			zl_buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case '%':
			zl_buf_addc(&b, '%');
			continue;
		case 's':	/* the name without its final dot */
			if (olen > 1)
				zl_buf_add(&b, origin, olen - 1);
			continue;
		case 'c':
		case 'l':
			if (p[1] != '[')
				break;
			a = strtol(p + 2, &end, 10);
			z = a;
			if (*p == 'c' && *end == '-')
				z = strtol(end + 1, &end, 10);
			if (*end != ']' || end == p + 2 || a < 0 || z < a)
				break;
			if (*p == 'l')
				add_label(&b, origin, a);
			else if ((size_t)a < olen)	/* dots count */
				zl_buf_add(&b, origin + a, (size_t)(z <
					   (long)olen ? z : (long)olen - 1) -
					   (size_t)a + 1);
			p = end;
			continue;
		case '\0':	/* knotd drops it, with a warning */
			p--;
			continue;
		default:	/* knotd ignores it, with a warning */
			continue;
		}
		zl_buf_free(&b);
		free(origin);
		srv_err(k->s, it->file, it->line, it->col, "invalid zone file "
			"formatter in '%s'", fmt);
		return NULL;
	}
	free(origin);
	return b.s ? b.s : zl_xstrdup("");
}

static const struct entry *find_template(struct knot *k, const char *id)
{
	const struct srv_set_ent *e = srv_set_find(&k->tset, id);

	return e ? &k->t[e->val] : NULL;
}

static void list_zone(struct knot *k, const struct entry *z)
{
	const struct entry *t;
	const struct item *file, *storage;
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
	name = expand(k, file ? file : &z->id, file ? file->val : "%s.zone",
		      z->origin);
	if (!name)
		return;
	dir = srv_resolve(k->s->cwd, storage ? storage->val : KNOT_STORAGE);
	path = srv_resolve(dir, name);
	srv_add(k->s, z->origin, path, z->master.val || (t && t->master.val) ?
		ZL_SERVER_SECONDARY : ZL_SERVER_PRIMARY, NULL, z->id.file,
		z->id.line, z->id.col);
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
}
