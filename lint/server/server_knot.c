/* server_knot.c - Knot DNS's knot.conf, its structure through libyaml (its lines read as knotd reads them: server_knot_lex.c): include, template and zone sections, storage and the zone file formatters. */
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
	struct item catrole;		/* catalog-role */
	struct item cattmpl;		/* catalog-template: the first */
	char **cattmpls;		/* and all of them */
	size_t ncattmpls;
	struct item catzone;		/* catalog-zone */
	bool member;			/* a zone a catalog adds */
	char *origin;		/* zones */
	uint32_t seq;		/* where it was read among all entries */
};

struct knot {
	struct srv *s;
	struct entry *t, *z;	/* templates, zones */
	size_t nt, tcap, nz, zcap;
	struct srv_set tset, zset;	/* their identifiers */
	struct srv_set members;	/* catalog members: their catalog's zone */
	struct srv_set ids;	/* the entries' ids read so far (module: too) */
	uint32_t seq;			/* entries read so far */
};

/* One file's YAML events. */
struct ydoc {
	struct knot *k;
	struct srv_file *f;
	struct knot_text t;	/* the values and lines srv_knot_lex read */
	size_t vi;		/* the next value an event may hold */
	const char *cur;	/* the current scalar's value */
	yaml_parser_t p;
	yaml_event_t ev;
	bool have, bad;
	size_t depth;
	bool cut;		/* the text read ends before a line knotd refuses */
	size_t len;		/* the length of the text read */
};


/* The line and column of a mark, from its byte (srv_knot_lex() made the text
 * ASCII): libyaml counts a CR alone as a line end, as knotd does not. */
static void ev_mark(struct ydoc *y, yaml_mark_t m, uint32_t *line,
		    uint32_t *col)
{
	size_t lo = 0, hi = y->t.nlines, mid;

	if (!hi) {
		*line = (uint32_t)m.line + 1;
		*col = (uint32_t)m.column + 1;
		return;
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (y->t.lines[mid] <= m.index)
			lo = mid;
		else
			hi = mid;
	}
	*line = (uint32_t)lo + 1;
	*col = (uint32_t)(m.index - y->t.lines[lo]) + 1;
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

/* Makes the current event's value, a scalar, the one srv_knot_lex() read where
 * it begins (libyaml sees 'x's there), or the text of a name.  The text
 * libyaml reads is ASCII: a character is a byte. */
static void value_of(struct ydoc *y)
{
	size_t at = y->ev.start_mark.index;

	y->cur = (const char *)y->ev.data.scalar.value;
	while (y->vi < y->t.nv && y->t.v[y->vi].off < at)
		y->vi++;
	if (y->vi < y->t.nv && y->t.v[y->vi].off == at &&
	    y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		y->cur = y->t.v[y->vi].val;
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
	/* knotd takes an entry's identifier only as its first item and
	 * stops at another ("identifier not supported") */
	if (!first && list && strcmp(key, sec->id) == 0) {
		y->bad = true;
		return srv_err(y->k->s, y->f->shown, line, col, "a second "
			       "'%s' in one entry, which Knot DNS refuses "
			       "(identifier not supported)", key);
	}
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
	/* an entry the cut ends may have its items on the line refused or
	 * after it */
	if (!y->bad && sec && id.val &&
	    !(y->cut && y->ev.start_mark.index >= y->len))
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
static bool other_section(struct ydoc *y, const struct knot_section *sec,
			  const char *name)
{
	char what[160];
	bool list;

	/* the name, before the next event frees it */
	snprintf(what, sizeof what, "a value after the section name '%.64s'"
		 " (its items go on the lines below), which Knot DNS refuses:",
		 name);
	if (!ev_next(y))
		return false;
	/* nothing under it ("server:", "server: \"\""); a value after the
	 * name of a section of items knotd refuses ("value not supported"),
	 * quoted or not */
	if (y->ev.type == YAML_SCALAR_EVENT && (!*scalar(y) ||
						(sec && !sec->items)))
		return true;
	if (y->ev.type == YAML_SCALAR_EVENT)
		return yerr(y, y->ev.start_mark, what, scalar(y));
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
 * takes one.  all, when not NULL, gets every word (*nall of them) and it
 * the first: catalog-template's list, which knotd reads whole. */
static bool take(struct ydoc *y, struct item *it,
		 const struct knot_section *sec, const char *key, bool id,
		 char ***all, size_t *nall)
{
	size_t cap = 0;
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
		if (all) {
			zl_xgrow((void **)all, &cap, *nall + 1, sizeof **all);
			(*all)[(*nall)++] = zl_xstrdup(scalar(y));
		}
		if (!all || !it->val) {
			free(it->val);
			it->val = zl_xstrdup(scalar(y));
			it->file = y->f->shown;
			ev_mark(y, y->ev.start_mark, &it->line, &it->col);
		}
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

static void cattmpl_free(struct entry *e)
{
	free(e->cattmpl.val);
	e->cattmpl.val = NULL;
	srv_free_list(e->cattmpls, e->ncattmpls);
	e->cattmpls = NULL;
	e->ncattmpls = 0;
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
		     !strcmp(key, "catalog-role") ? &e->catrole :
		     !strcmp(key, "catalog-template") ? &e->cattmpl :
		     !strcmp(key, "catalog-zone") ? &e->catzone :
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
			if (it == &e->cattmpl)
				cattmpl_free(e);	/* given again */
			if (!take(y, it, sec, key, it == &e->id,
				  it == &e->cattmpl ? &e->cattmpls : NULL,
				  &e->ncattmpls))
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
	free(e->catrole.val);
	free(e->catzone.val);
	cattmpl_free(e);
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

/* A path without wildcards as glob(3) names it: each '\\' quotes the
 * byte after it ("y\\.conf" is "y.conf"), unless it ends the path. */
static void unquote(char *p)
{
	char *w = p;

	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		*w++ = *p;
	}
	*w = '\0';
}

/* Whether knotd reads the file path an include names: it passes over a
 * directory (include: "", "sub") and any other file that is no regular
 * one (warning); it is looked at only where the root lets it be told. */
static bool readable(struct srv *s, const char *path, bool pattern)
{
	const char *why;

	if (s->provider)
		return true;
	if (pattern)
		return regular(path);
	why = srv_unopenable(s, path);
	return !why || strcmp(why, "not a file") != 0;
}

/* include: a path or a pattern, relative to the including file.  knotd
 * (conf/tools.c, include_file) runs glob(3) with no flags on the path:
 * braces are bytes of a name, '\\' quotes; a pattern may match nothing
 * only when it holds a '*', else knotc refuses it ("file error"). */
static bool include(struct ydoc *y)
{
	struct item it = { 0 };
	struct srv_file inc;
	char *dir, *pat, **v;
	size_t n, i;
	bool wild;

	if (!take(y, &it, NULL, "include", false, NULL, NULL)) {
		free(it.val);
		return false;
	}
	dir = zl_path_dir(y->f->shown);
	pat = srv_resolve(dir, it.val);
	wild = strpbrk(pat, "*?[") != NULL;
	if (!wild)
		unquote(pat);
	n = srv_glob(y->k->s, pat, strchr(pat, '*') != NULL, it.file,
		     it.line, it.col, &v);
	for (i = 0; i < n; i++) {
		if (!readable(y->k->s, v[i], wild))
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
		} else if (!other_section(y, sec, key)) {
			return;
		}
	}
}

static void read_file(struct knot *k, struct srv_file *f)
{
	struct ydoc y = { 0 };
	size_t i, nz = k->nz;

	y.k = k;
	y.f = f;
	if (f->len >= 3 && memcmp(f->data, "\xef\xbb\xbf", 3) == 0) {
		srv_err(k->s, f->shown, 1, 1, "the file begins with a UTF-8 "
			"byte order mark, which Knot DNS refuses");
		return;
	}
	y.len = f->len;
	if (!srv_knot_lex(k->s, f, &y.t)) {
		y.cut = true;
		y.len = y.t.stop;
	}
	if (!yaml_parser_initialize(&y.p))
		zl_oom(sizeof y.p);
	yaml_parser_set_input_string(&y.p, (const unsigned char *)f->data,
				     y.len);
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
	if (y.cut) {
		srv_err(k->s, f->shown, y.t.err_line, y.t.err_col, "%s",
			y.t.err);
		/* knotd loads none of the zones; the ones read before the
		 * line are not listed (nor any cut short) */
		for (i = nz; i < k->nz; i++) {
			free(k->z[i].origin);
			k->z[i].origin = NULL;
		}
	}
	for (i = 0; i < y.t.nv; i++)
		free(y.t.v[i].val);
	free(y.t.v);
	free(y.t.lines);
}

/* ---- zone files ---- */

static const struct entry *find_template(struct knot *k, const char *id)
{
	const struct srv_set_ent *e = srv_set_find(&k->tset, id);

	return e ? &k->t[e->val] : NULL;
}

/* knotc conf-check refuses a zone whose catalog-role (its own or its
 * template's, cat) is interpret without a catalog-template or the other
 * way round, or member without a catalog-zone or the other way round
 * (knotd does not start). */
static void check_catalog(struct knot *k, const struct entry *z,
			  const struct entry *t, const struct item *cat)
{
	const char *role = cat ? cat->val : "none";
	bool tmpl = z->cattmpl.val || (t && t->cattmpl.val);
	bool zone = z->catzone.val || (t && t->catzone.val);
	const char *item = NULL;

	if ((strcasecmp(role, "interpret") == 0) != tmpl)
		item = "catalog-template";
	else if ((strcasecmp(role, "member") == 0) != zone)
		item = "catalog-zone";
	if (item)
		srv_err_help(k->s, "give both items, or neither", z->id.file,
			     z->id.line, z->id.col, "zone '%s': 'catalog-role' "
			     "must correspond to configured '%s'", z->id.val,
			     item);
}

/* Reports that knotd makes no file name for zone z of the pattern in
 * file (NULL: the default "%s.zone"), why saying why: at the pattern,
 * else at the zone's domain.  knotc conf-check takes it; knotd does not
 * load the zone. */
static void bad_file(struct knot *k, const struct entry *z,
		     const struct item *file, enum knot_file why)
{
	const struct item *at = file ? file : &z->id;

	if (why == KNOT_FILE_BAD)
		srv_err(k->s, at->file, at->line, at->col, "invalid zone "
			"file formatter in '%s'", file->val);
	else
		srv_err_help(k->s, why == KNOT_FILE_LONG ? "shorten the "
			     "pattern 'file' or the zone's name" : "use %l[N] "
			     "for this zone, whose labels each fit", at->file,
			     at->line, at->col, "zone '%s': %s, so knotd does "
			     "not load it", z->id.val, why == KNOT_FILE_LONG ?
			     "its file name is longer than knotd makes (1023 "
			     "bytes)" : "its name's text is longer than knotd "
			     "formats for %s or %c[...] (511 bytes)");
}

/* Lists zone z; returns its file (malloc'd) when knotd loads it from
 * there, and when it is a catalog zone knotd interprets, in *interpret. */
static char *list_zone(struct knot *k, const struct entry *z,
		       bool *interpret)
{
	const struct entry *t;
	const struct item *file, *storage, *load, *sign, *valid, *cat;
	struct zl_server_zone *e;
	enum zl_server_role role = ZL_SERVER_PRIMARY;
	enum knot_file why;
	char *name, *dir, *path;

	t = z->tmpl.val ? find_template(k, z->tmpl.val) :
	    find_template(k, "default");
	/* knot.conf(5): an identifier a zone refers to must be defined in
	 * advance. */
	*interpret = false;
	if (z->tmpl.val && (!t || t->seq > z->seq)) {
		srv_err(k->s, z->tmpl.file, z->tmpl.line, z->tmpl.col,
			"invalid reference to template '%s'", z->tmpl.val);
		return NULL;
	}
	file = z->file.val ? &z->file : t && t->file.val ? &t->file : NULL;
	storage = z->storage.val ? &z->storage :
		  t && t->storage.val ? &t->storage : NULL;
	name = srv_knot_file(file ? file->val : "%s.zone", z->origin, &why);
	if (!name) {
		bad_file(k, z, file, why);
		return NULL;
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
	cat = z->catrole.val ? &z->catrole : t && t->catrole.val ?
	      &t->catrole : NULL;
	if (!z->member)
		check_catalog(k, z, t, cat);
	/* knot.conf(5): with zonefile-load none, knotd never loads the
	 * file; the zone is kept in its journal.  A catalog zone it
	 * generates from its members (catalog-role: generate) it never
	 * loads from the file either, whatever the file holds: it writes
	 * the zone there (tried with knotd 3.2). */
	if (z->master.val || (t && t->master.val))
		role = ZL_SERVER_SECONDARY;
	else if ((load && strcmp(load->val, "none") == 0) ||
		 (cat && strcasecmp(cat->val, "generate") == 0))
		role = ZL_SERVER_UNLOADED;
	dir = srv_resolve(k->s->cwd, storage ? storage->val : KNOT_STORAGE);
	path = srv_resolve(dir, name);
	e = srv_add(k->s, z->origin, path, role, NULL, z->id.file, z->id.line,
		    z->id.col);
	e->signs = sign && srv_knot_on(sign->val);
	e->serial_own = load && strcmp(load->val, "difference-no-serial") == 0;
	*interpret = cat && strcasecmp(cat->val, "interpret") == 0;
	free(dir);
	free(name);
	if (role == ZL_SERVER_PRIMARY)
		return path;
	free(path);
	return NULL;
}

/* The catalog template a member takes: the one its group names, of the
 * catalog's list (its own or its template's), else the first
 * (knot.conf(5), catalog-template); NULL when the list is empty. */
static const char *member_template(const struct entry *z,
				   const struct entry *t, const char *group)
{
	const struct entry *of = z->ncattmpls ? z : t;
	size_t i;

	if (!of || !of->ncattmpls)
		return NULL;
	for (i = 0; group && i < of->ncattmpls; i++)
		if (strcmp(of->cattmpls[i], group) == 0)
			return group;
	return of->cattmpls[0];
}

/* Lists the members of z, a catalog zone knotd interprets, read from its
 * file path: each a zone of its catalog template, declared at z's
 * domain, unless the configuration declares it already (knotd: "member
 * zone already configured, ignoring").  A template that names a master
 * makes them secondaries. */
static void list_members(struct knot *k, const struct entry *z,
			 const char *path)
{
	const struct entry *t = find_template(k, z->tmpl.val ? z->tmpl.val :
					      "default");
	const struct srv_set_ent *other;
	struct knot_member *m;
	size_t n, i;
	bool cat;

	n = srv_knot_catalog(k->s, z->origin, path, z->id.file, z->id.line,
			     z->id.col, &m);
	for (i = 0; i < n; i++) {
		const char *tid = member_template(z, t, m[i].group);
		struct entry e = { 0 };

		/* knotd adds a zone two catalogs name from either ("duplicate
		 * addition of the member node"): which file it loads is not
		 * known */
		if ((other = srv_set_add(&k->members, m[i].origin,
					 (size_t)(z - k->z))) != NULL)
			srv_err_help(k->s, "keep the zone in one catalog",
				     z->id.file, z->id.line, z->id.col,
				     "zone '%s' is a member of the catalog "
				     "zones '%s' and '%s', and knotd adds it "
				     "from either", m[i].origin,
				     k->z[other->val].origin, z->origin);
		else if (tid && find_template(k, tid) &&
			 !srv_set_find(&k->zset, m[i].origin)) {
			e.id = z->id;
			e.id.val = m[i].origin;
			e.origin = m[i].origin;
			e.tmpl.val = (char *)tid;
			e.seq = UINT32_MAX;
			e.member = true;
			free(list_zone(k, &e, &cat));
		}
		free(m[i].origin);
		free(m[i].group);
	}
	free(m);
}

void zl_server_read_knot(struct srv *s, struct srv_file *f)
{
	struct knot k = { 0 };
	size_t i;

	k.s = s;
	read_file(&k, f);
	for (i = 0; i < k.nz; i++) {
		char *path;
		bool interpret;

		if (!k.z[i].origin)
			continue;
		path = list_zone(&k, &k.z[i], &interpret);
		if (path && interpret)
			list_members(&k, &k.z[i], path);
		free(path);
	}
	for (i = 0; i < k.nt; i++)
		entry_free(&k.t[i]);
	for (i = 0; i < k.nz; i++)
		entry_free(&k.z[i]);
	free(k.t);
	free(k.z);
	srv_set_free(&k.tset);
	srv_set_free(&k.zset);
	srv_set_free(&k.members);
	srv_set_free(&k.ids);
}
