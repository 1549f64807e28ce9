/* zone_directive.c - the directives $ORIGIN, $TTL, $INCLUDE and $DATE, and the
 * dispatch to $GENERATE (zone_generate.c). */
#include "zone_loader.h"

#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fs.h"
#include "zone_conv.h"

/* ---- files read again ---- */

/* A file the zone has read for $INCLUDE, found again by the path it was
 * asked for ("p" and the path) or by the provider's id for it ("i" and
 * the id): its first source, and its id. */
struct seen {
	char *key;
	const struct zl_src *src;
	const char *id;		/* the "i" entry's key + 1, or NULL */
};

static int seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->key,
		      ((const struct seen *)b)->key);
}

static struct seen *seen_find(const struct loader *L, char kind,
			      const char *s)
{
	struct seen want = { zl_xasprintf("%c%s", kind, s), NULL, NULL };
	void *node = tfind(&want, &L->seen, seen_cmp);

	free(want.key);
	return node ? *(struct seen **)node : NULL;
}

/* Remembers src, the first source of a file, as read for path, and for
 * the provider's id (or NULL) unless that is known already. */
static void seen_add(struct loader *L, const char *path, const char *id,
		     const struct zl_src *src)
{
	struct seen *p = zl_xmalloc(sizeof *p), *i = id ? seen_find(L, 'i', id)
							 : NULL;

	if (id && !i) {
		i = zl_xmalloc(sizeof *i);
		*i = (struct seen){ zl_xasprintf("i%s", id), src, NULL };
		i->id = i->key + 1;
		tsearch(i, &L->seen, seen_cmp);
	}
	*p = (struct seen){ zl_xasprintf("p%s", path), src,
			    i ? i->id : NULL };
	tsearch(p, &L->seen, seen_cmp);
}

void zl_ld_seen_free(struct loader *L)
{
	struct seen *e;

	while (L->seen) {
		e = *(struct seen **)L->seen;
		tdelete(e, &L->seen, seen_cmp);
		free(e->key);
		free(e);
	}
}

bool zl_ld_knot_skips(const struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	const struct zl_src *f = L->z->srcs[src];

	return ln->eof_bs ||
	       (ln->eof_open &&
		!memchr(f->buf + ln->start, '\n', f->len - ln->start));
}

/* Remembers origin t as the one in force when it is relative, for an
 * SOA it moves off the apex; "@" leaves the origin, and that, as it is. */
static void mark_relative(struct loader *L, uint16_t src,
			  const struct zl_lex_tok *t, const char *what)
{
	const char *s = text_of(L, src, t);
	bool rel = zl_ld_relative(s, t->len);

	if (t->len == 1 && s[0] == '@')
		return;
	L->rel_origin = rel ? s : NULL;
	L->rel_originlen = rel ? t->len : 0;
	L->rel_what = what;
}

/* A relative origin t in directive ln: RFC 1035 §5.1 and BIND read it
 * against the current origin, Knot DNS and NSD refuse the zone; NSD reads
 * "@" where at_ok (in $ORIGIN), as the origin it is.  Knot DNS ignores a
 * directive it skips (zl_ld_knot_skips). */
static void note_relative(struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln,
			  const struct zl_lex_tok *t, const char *what,
			  bool at_ok)
{
	const char *s = text_of(L, src, t);
	unsigned not = ZL_NOT_KNOT | ZL_NOT_NSD;

	if (at_ok && t->len == 1 && s[0] == '@')
		not &= ~(unsigned)ZL_NOT_NSD;
	if (zl_ld_knot_skips(L, src, ln))
		not &= ~(unsigned)ZL_NOT_KNOT;
	if (not && zl_ld_relative(s, t->len))
		zl_zone_refused(L->z, not, "portable", src, span(t), "relative "
				"%s, which %s: write the name with its final "
				"dot", what, zl_servers_refuse(not));
}

static void dir_origin(struct loader *L, uint16_t src,
		       const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[1];
	uint8_t wire[ZL_NAME_MAXWIRE];
	bool unknown = false;
	size_t wl;

	/* The value first: a bad one is what to fix, whatever follows.  The
	 * line is reported and the origin stays as it was; when nothing else
	 * gives one, the records after it go on from their SOA or the root
	 * (zl_ld_origin). */
	if (!zl_ld_args(L, src, ln, 1, SIZE_MAX, "a domain name"))
		goto bad;
	unknown = zl_ld_relative(text_of(L, src, t), t->len) &&
		  !zl_ld_origin_known(L);
	L->origin_bad |= unknown;	/* read it against the root */
	if ((wl = zl_ld_name(L, src, t, wire)) == 0 ||
	    !zl_ld_args(L, src, ln, 1, 1, "a domain name"))
		goto bad;
	/* RFC 1035 §5.1 reads it against the origin, which BIND has from
	 * its zone statement and this load from nothing. */
	if (unknown) {
		zl_zone_problem(L->z, "syntax", src, span(t), "relative "
				"$ORIGIN '%.*s%s' with no origin to read it "
				"against, which Knot DNS and NSD refuse: write "
				"the name with its final dot, or pass --origin",
				ZL_TOKARGS(text_of(L, src, t), t->len));
		goto bad;
	}
	note_relative(L, src, ln, t, "$ORIGIN", true);
	/* A relative one read against the origin given to the load (or the
	 * file name's) leaves the zone that origin, as a server's zone
	 * statement does: BIND then refuses an SOA it moves below it. */
	if (!L->seen_record && zl_ld_relative(text_of(L, src, t), t->len))
		zl_ld_fix_origin(L);
	mark_relative(L, src, t, "$ORIGIN");
	memcpy(L->origin, wire, wl);
	L->originlen = wl;
	L->after_directive = "$ORIGIN";
	/* `$ORIGIN .` leaves the apex to the first record (zl_ld_soa_apex),
	 * which may also move it below a first $ORIGIN. */
	if (!L->seen_record && wl > 1) {
		L->apex_dollar = !L->z->origin;
		zl_ld_fix_origin(L);
	}
	return;
bad:
	L->origin_bad = true;
	if (unknown)
		L->originlen = 0;	/* the root only stood in for the line */
}

static void dir_ttl(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln)
{
	uint32_t ttl;

	if (!zl_ld_args(L, src, ln, 1, SIZE_MAX, "a TTL") ||
	    !zl_ld_ttl(L, src, &ln->toks[1], &ttl) ||
	    !zl_ld_args(L, src, ln, 1, 1, "a TTL"))
		return;
	L->dollar_ttl = L->knot_ttl = ttl;
	L->have_dollar_ttl = L->knot_has_ttl = true;
}

/* BIND's $DATE: the time a file was written, YYYYMMDDHHmmSS in UTC, which
 * named reads to age the TTLs of a cache's dump (master.c) and which
 * changes nothing in a zone it loads.  Knot DNS and NSD know no such
 * directive and refuse the zone.  named holds the time to 32 bits of
 * seconds since 1970 ("$DATE outside epoch"). */
static void dir_date(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t;
	const char *s;
	int64_t secs;

	if (!zl_ld_args(L, src, ln, 1, 1, "a date"))
		return;
	t = &ln->toks[1];
	s = text_of(L, src, t);
	if (t->quoted || !zl_civil_time(s, t->len, &secs)) {
		zl_zone_problem(L->z, "syntax", src, span(t), "invalid date "
				"'%.*s%s' after $DATE: write it as "
				"YYYYMMDDHHmmSS in UTC",
				ZL_TOKARGS(s, t->len));
		return;
	}
	if (secs < 0 || secs > (int64_t)UINT32_MAX) {
		zl_zone_problem(L->z, "range", src, span(t), "$DATE %.*s%s "
				"lies outside 19700101000000 to "
				"21060207062815, which BIND refuses",
				ZL_TOKARGS(s, t->len));
		return;
	}
	zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable", src,
			span(&ln->toks[0]), "$DATE, which %s: leave it out "
			"(BIND reads it as the time the file was written, "
			"which changes nothing in a zone)",
			zl_servers_refuse(ZL_NOT_KNOT | ZL_NOT_NSD));
}

/* Takes len bytes of an $INCLUDE from the run's budgets (a file the zone
 * reads again also from the reread budget, reported once per zone);
 * false after reporting what does not fit. */
static bool include_budget(struct loader *L, uint16_t src,
			   const struct zl_lex_tok *t, const char *file,
			   size_t len, bool again)
{
	struct zl_budget *b = L->budget;
	char sz[32];

	if (again && !zl_budget_take(&b->reread, len, b->lim.reread)) {
		if (!L->reread_over)
			zl_zone_problem(L->z, "limit", src, span(t),
					"'%s' was already read for this zone; "
					"reading it again exceeds the budget of "
					"%s of repeated includes per run", file,
					zl_size_str(b->lim.reread, sz, sizeof sz));
		L->reread_over = true;
		return false;
	}
	if (!zl_budget_take(&b->bytes, len, b->lim.bytes)) {
		zl_zone_problem(L->z, "limit", src, span(t),
				"reading '%s' exceeds the budget of %s of "
				"zone text per run", file,
				zl_size_str(b->lim.bytes, sz, sizeof sz));
		return false;
	}
	return true;
}

/* Reads path (relative to the root) for an $INCLUDE through the provider,
 * inside the include root (a zone from a pull request must not make CI
 * read files outside the tree being linted, DESIGN §8); *outside: whether
 * it was refused for lying outside it.  A file this zone has read
 * already, asked for by the same path, is not read again (*again set,
 * f->data NULL), and one reached by another path is dropped once read:
 * its source shares the first one's text (RFC 1035 §5.1 allows one file
 * under several origins). */
static enum zl_status fetch(struct loader *L, const char *path,
			    struct zl_file *f, struct seen **again, char **err,
			    bool *outside)
{
	struct zl_read rd = { L->root, path, NULL, 0, MAX_BYTES };
	enum zl_status st;

	if (L->opts) {
		rd.allow = L->opts->allow_include;
		rd.nallow = L->opts->nallow_include;
	}
	*outside = false;
	if ((*again = seen_find(L, 'p', path)) != NULL) {
		f->len = (*again)->src->len;
		f->id = (*again)->id ? zl_xstrdup((*again)->id) : NULL;
		return ZL_OK;
	}
	if ((st = zl_read_ex(L->opts ? L->opts->provider : NULL, &rd, f, err,
			     outside)) != ZL_OK)
		return st;
	if (f->id && (*again = seen_find(L, 'i', f->id)) != NULL) {
		free(f->data);
		f->data = NULL;
		f->len = (*again)->src->len;
	}
	return ZL_OK;
}

/* The other directory a relative $INCLUDE target is looked for in when
 * it is not where first says: BIND and NSD resolve includes from the
 * server's working directory, which zone repositories lay out as their
 * root, and which is otherwise most often the directory of the zone file
 * (an include of an include).  NULL when there is none, or no other, or
 * the caller wants the includes a server finds alone (include_exact). */
static const char *other_dir(const struct loader *L)
{
	if (L->opts && L->opts->include_exact)
		return NULL;
	if (L->repo)
		return L->repo;
	return !L->incdir && L->depth > 0 ? L->dir[0] : NULL;
}

/* The path of a relative $INCLUDE target from other_dir(), when that is
 * another path than first; NULL otherwise. */
static char *other_path(const struct loader *L, const char *file,
			const char *first)
{
	const char *dir = other_dir(L);
	char *p;

	if (!dir || file[0] == '/')
		return NULL;
	p = zl_path_join(dir, file);
	if (strcmp(p, first) == 0) {
		free(p);
		return NULL;
	}
	return p;
}

/* A path relative to the root, or absolute, as shown to the user:
 * relative to the current directory when below it, else absolute.
 * Malloc'd. */
static char *shown(const struct loader *L, const char *path)
{
	char *full = path[0] == '/' ? zl_xstrdup(path) :
		     zl_path_join(L->root, path), *cwd = zl_path_abs("."),
	     *abs = zl_path_abs(full), *rel = zl_path_rel(cwd, abs), *r;

	if (strncmp(rel, "../", 3) == 0 || strcmp(rel, "..") == 0)
		r = zl_xstrdup(abs);
	else
		r = zl_xstrdup(*rel ? rel : ".");
	free(full);
	free(cwd);
	free(abs);
	free(rel);
	return r;
}

/* Whether path has a ".." component. */
static bool up_dir(const char *path)
{
	const char *p;

	for (p = path; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return true;
	return false;
}

/* Reports an $INCLUDE that cannot be read: why, and where it was looked
 * for when it was looked for in two places; for one refused as outside
 * the tree, how to allow it, as for a zone file a server's configuration
 * names there. */
static void include_error(struct loader *L, uint16_t src,
			  const struct zl_lex_tok *t, enum zl_status st,
			  const char *file, const char *err, const char *alt,
			  bool outside)
{
	const char *kind = st == ZL_ERR_LIMIT ? "limit" : "include";
	char *dir, *other;

	if (!alt && !L->incdir) {
		zl_zone_problem(L->z, kind, src, span(t), "cannot read include "
				"file '%s': %s", file, err);
		goto out;
	}
	dir = shown(L, L->incdir ? L->incdir : L->dir[L->depth]);
	other = alt ? shown(L, other_dir(L)) : NULL;
	zl_zone_problem(L->z, kind, src, span(t), "cannot read include file "
			"'%s': %s (looked in '%s', %s%s%s%s)", file, err, dir,
			L->incdir ? "the server's working directory" :
			"the including file's directory",
			other ? ", and in '" : "", other ? other : "",
			!other ? "" : L->repo ? "', the repository root" :
			"', the zone file's directory");
	free(dir);
	free(other);
out:
	if (outside)
		L->z->probs[L->z->nprobs - 1].help = ZL_OUTSIDE_HELP;
}

/* An $INCLUDE inside an included file of another directory than the zone
 * file's, where no server's configuration says where it looks, found
 * only from the zone file's directory (where BIND and NSD look when they
 * run there): Knot DNS looks from the including file, does not find it
 * and refuses the zone.  The other way round, a file found from the
 * including file alone, is not said: where BIND and NSD run is the
 * operator's, and layouts written for Knot DNS would all be noted. */
static void include_apart(struct loader *L, uint16_t src,
			  const struct zl_lex_tok *t, const char *file)
{
	if (L->repo || L->incdir || L->depth == 0 || file[0] == '/' ||
	    strcmp(L->dir[L->depth], L->dir[0]) == 0)
		return;
	zl_zone_refused(L->z, ZL_NOT_KNOT, "portable", src, span(t),
			"include file '%s' found from the zone file's "
			"directory, where BIND and NSD look, and not from the "
			"including file's, where Knot DNS looks and refuses "
			"the zone", file);
}

/* Reads an $INCLUDE target: relative to the including file (or to the
 * server's working directory, zl_load_opts.include_dir), else to
 * other_dir().  Returns the new source's index and sets *id, or
 * returns -1 after reporting why the file cannot be read, -2 after
 * reporting that it is being read already (a loop). */
static int include_read(struct loader *L, uint16_t src,
			const struct zl_lex_tok *t, const char *file,
			char **id)
{
	const char *pdisp = L->z->srcs[src]->display, *dir;
	struct zl_file f = { NULL, 0, NULL };
	enum zl_status st;
	struct seen *again;
	char *path, *alt = NULL, *disp, *err = NULL, *err2 = NULL;
	bool outside, outside2;
	size_t i;
	int idx = -1;

	if (L->include_paths)
		L->include_paths(L);
	dir = L->incdir ? L->incdir : L->dir[L->depth];
	path = file[0] == '/' ? zl_xstrdup(file) : zl_path_join(dir, file);
	st = fetch(L, path, &f, &again, &err, &outside);
	if (st != ZL_OK && st != ZL_ERR_LIMIT &&
	    (alt = other_path(L, file, path)) != NULL &&
	    fetch(L, alt, &f, &again, &err2, &outside2) == ZL_OK) {
		free(path);
		path = alt;
		st = ZL_OK;
	}
	if (st != ZL_OK) {
		include_error(L, src, t, st, file, err, alt, outside);
		goto out;
	}
	if (path == alt)
		include_apart(L, src, t, file);
	for (i = 0; f.id && i <= L->depth; i++) {
		if (L->id[i] && strcmp(L->id[i], f.id) == 0) {
			zl_zone_problem(L->z, "include", src, span(t),
					"include loop: '%s' is already being read",
					file);
			idx = -2;
			goto out;
		}
	}
	if (L->total + f.len > MAX_BYTES) {
		zl_zone_problem(L->z, "limit", src, span(t),
				"input with include files exceeds 1 GiB");
		goto out;
	}
	if (!include_budget(L, src, t, file, f.len, again != NULL))
		goto out;
	L->total += f.len;
	/* Shown relative to the including file, as the user wrote it, or
	 * as found from other_dir(); an absolute path or a ".." in it is
	 * resolved, so that a file included from two places has one name. */
	if (path == alt || L->incdir || up_dir(file) || file[0] == '/')
		disp = shown(L, path);
	else if (strrchr(pdisp, '/'))
		disp = zl_xasprintf("%.*s/%s",
				    (int)(strrchr(pdisp, '/') - pdisp), pdisp,
				    file);
	else
		disp = zl_xstrdup(file);
	idx = zl_ld_add_src(L->z, path, disp, f.data, f.len,
		      again ? again->src : NULL);
	f.data = NULL;
	free(disp);
	if (idx < 0) {
		zl_zone_problem(L->z, "limit", src, span(t),
				"more than %d source files", MAX_SRCS);
	} else {
		/* Read, or found by its id: the next include by this path
		 * is known before reading. */
		if (!again || !seen_find(L, 'p', path))
			seen_add(L, path, f.id,
				 again ? again->src : L->z->srcs[idx]);
		*id = f.id;
		f.id = NULL;
	}
out:
	free(f.data);
	free(f.id);
	free(err);
	free(err2);
	if (alt != path)
		free(alt);
	free(path);
	return idx;
}

/* The file-name token of $INCLUDE as a C string (quotes removed), or NULL
 * after reporting a name that cannot be a path. */
static char *include_name(struct loader *L, uint16_t src,
			  const struct zl_lex_tok *t)
{
	const char *s = text_of(L, src, t);
	size_t n = t->len;

	if (t->quoted) {
		s++;
		n -= 2;
	}
	if (n == 0 || memchr(s, '\0', n)) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"invalid include file name '%.*s%s'",
				ZL_TOKARGS(s, n));
		return NULL;
	}
	if (t->quoted)
		zl_zone_refused(L->z, ZL_NOT_NSD, "portable", src, span(t),
				"quoted $INCLUDE file name, which NSD reads "
				"with its quotes and does not find");
	return zl_xstrndup(s, n);
}

/* Parentheses in an $INCLUDE, which RFC 1035 §5.1 and BIND allow: NSD
 * reads none there, and takes "( file" for the name; Knot DNS reads them
 * apart from the file name, on one line after it. */
static void include_parens(struct loader *L, uint16_t src,
			   const struct zl_lex_line *ln)
{
	const char *buf = L->z->srcs[src]->buf;
	const struct zl_lex_tok *f = &ln->toks[1];
	size_t from = ln->toks[0].off, i;
	unsigned not = 0;

	/* the file name's own bytes aside ("a(1).inc" in quotes) */
	for (i = from; i < ln->end; i++)
		if ((buf[i] == '(' || buf[i] == ')') &&
		    (i < f->off || i >= f->off + f->len))
			not |= ZL_NOT_NSD;
	if (!not)
		return;
	if (buf[f->off - 1] == '(' || (f->off + f->len < ln->end &&
				       buf[f->off + f->len] == ')') ||
	    memchr(buf + f->off, '\n', ln->end - f->off))
		not |= ZL_NOT_KNOT;
	zl_zone_refused(L->z, not, "portable", src, span(&ln->toks[0]),
			"$INCLUDE with parentheses, which %s: write it on "
			"one line without them", zl_servers_refuse(not));
}

/* Loader state an included file may change but not pass back (RFC 1035
 * §5.1: $INCLUDE does not change the origin of the parent file). */
struct saved {
	uint8_t origin[ZL_NAME_MAXWIRE];
	size_t originlen;
	struct zl_name *prev_owner;
	bool prev_bad;
	bool include_start;
	bool knot_has_ttl;	/* Knot DNS restores $TTL too */
	uint32_t knot_ttl;
	const char *rel_origin, *rel_what;
	size_t rel_originlen;
};

static void save(const struct loader *L, struct saved *s)
{
	memcpy(s->origin, L->origin, L->originlen);
	s->originlen = L->originlen;
	s->prev_owner = L->prev_owner;
	s->prev_bad = L->prev_bad;
	s->include_start = L->include_start;
	s->knot_has_ttl = L->knot_has_ttl;
	s->knot_ttl = L->knot_ttl;
	s->rel_origin = L->rel_origin;
	s->rel_originlen = L->rel_originlen;
	s->rel_what = L->rel_what;
}

static void restore(struct loader *L, const struct saved *s)
{
	memcpy(L->origin, s->origin, s->originlen);
	L->originlen = s->originlen;
	L->prev_owner = s->prev_owner;
	L->prev_bad = s->prev_bad;
	L->include_start = s->include_start;
	L->knot_has_ttl = s->knot_has_ttl;
	L->knot_ttl = s->knot_ttl;
	L->knot_ttl_noted = false;
	L->rel_origin = s->rel_origin;
	L->rel_originlen = s->rel_originlen;
	L->rel_what = s->rel_what;
}

static void dir_include(struct loader *L, uint16_t src,
			const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[1];
	uint8_t wire[ZL_NAME_MAXWIRE];
	char *file = NULL, *id = NULL;
	const char *after;
	struct saved sv;
	size_t wl = 0;
	int idx = -1;

	if (!zl_ld_args(L, src, ln, 1, 2, "a file name"))
		goto out;
	include_parens(L, src, ln);
	if ((file = include_name(L, src, t)) == NULL)
		goto out;
	if (ln->ntoks == 3) {
		if ((wl = zl_ld_name(L, src, &ln->toks[2], wire)) == 0)
			goto out;
		note_relative(L, src, ln, &ln->toks[2], "$INCLUDE origin",
			      false);
	}
	/* Knot DNS ignores an $INCLUDE that the backslash ending the input
	 * leaves open, BIND and NSD refuse it (zone_load.c) */
	if (ln->eof_bs) {
		L->z->lost_unread = true;
		goto out;
	}
	if (L->depth >= MAX_INCLUDE_DEPTH) {
		zl_zone_problem(L->z, "include", src, span(t),
				"$INCLUDE nested deeper than %d",
				MAX_INCLUDE_DEPTH);
		goto out;
	}
	/* The zone's origin is the parent's, not the one given here. */
	if (!zl_ld_origin(L))
		goto out;
	zl_ld_fix_origin(L);
	if ((idx = include_read(L, src, t, file, &id)) < 0)
		goto out;
	L->z->srcs[idx]->included = true;
	L->z->srcs[idx]->inc_src = src;
	L->z->srcs[idx]->inc_at = span(t);
	save(L, &sv);
	if (wl) {
		memcpy(L->origin, wire, wl);
		L->originlen = wl;
		mark_relative(L, src, &ln->toks[2], "$INCLUDE origin");
	}
	L->depth++;
	L->id[L->depth] = id;
	L->dir[L->depth] = zl_path_dir(L->z->srcs[idx]->path);
	L->include_start = true;
	after = L->after_directive;
	if (wl)
		L->after_directive = "$INCLUDE with an origin";
	L->process(L, (uint16_t)idx);
	if (wl && L->after_directive)	/* the file had no record */
		L->after_directive = after;
	free(L->id[L->depth]);
	free(L->dir[L->depth]);
	L->id[L->depth] = L->dir[L->depth] = NULL;
	L->depth--;
	restore(L, &sv);
out:
	/* A file not read may have held records at any name of the zone
	 * (one being read already is read once). */
	if (idx == -1)
		L->z->lost_unread = true;
	free(file);
}

/* BIND reads the end of the line after $ORIGIN, $TTL and $GENERATE and
 * refuses the zone ("extra input text") when the file ends there without
 * a line break (LF or CR); Knot DNS and NSD read the directive, and so
 * does BIND a record or an $INCLUDE so written. */
static void last_unended(struct loader *L, uint16_t src,
			 const struct zl_lex_line *ln)
{
	const struct zl_src *f = L->z->srcs[src];
	size_t i = ln->end;

	if (ln->ntoks < 2)	/* an error of its own */
		return;
	while (i < f->len && f->buf[i] != '\n' && f->buf[i] != '\r')
		i++;
	if (i < f->len)
		return;
	zl_zone_refused(L->z, ZL_NOT_BIND, "portable", src,
			span(&ln->toks[0]), "%.*s%s as the file's last line, "
			"without a line break after it, which BIND refuses: end "
			"the file with a line break",
			ZL_TOKARGS(text_of(L, src, &ln->toks[0]),
				   ln->toks[0].len));
}

void zl_ld_directive(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t);

	if (t->len == 7 && strncasecmp(s, "$ORIGIN", 7) == 0)
		dir_origin(L, src, ln);
	else if (t->len == 4 && strncasecmp(s, "$TTL", 4) == 0)
		dir_ttl(L, src, ln);
	else if (t->len == 8 && strncasecmp(s, "$INCLUDE", 8) == 0) {
		dir_include(L, src, ln);
		return;
	} else if (t->len == 9 && strncasecmp(s, "$GENERATE", 9) == 0)
		zl_ld_generate(L, src, ln);
	else if (t->len == 5 && strncasecmp(s, "$DATE", 5) == 0)
		dir_date(L, src, ln);
	else {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"unknown directive '%.*s%s'",
				ZL_TOKARGS(s, t->len));
		return;
	}
	last_unended(L, src, ln);
}

