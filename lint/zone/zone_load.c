/* zone_load.c - reads zone files: sources, directives, records, $INCLUDE. */
#include "zone.h"

#include <inttypes.h>
#include <ldns/ldns.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fs.h"
#include "zone_lex.h"
#include "impl.h"

#define MAX_BYTES (1u << 30)		/* 1 GiB, per file and in total */
#define MAX_INCLUDE_DEPTH 8
#define MAX_SRCS 65535			/* zl_rr.src is 16 bits */
#define MAX_RR_PER_NAME 65535
#define MAX_TTL 2147483647u		/* RFC 2181 §8 */

struct loader {
	struct zl_zone *z;
	const struct zl_load_opts *opts;
	struct zl_budget *budget;	/* opts->budget, or own */
	struct zl_budget own;
	void *seen;			/* tsearch(3) tree of struct seen: the
					   files read for $INCLUDE */
	bool reread_over;		/* the reread budget has been reported */
	bool stop;			/* the records budget is spent: read no
					   further */
	const char *infer_name;		/* file name the origin may come from */
	char *root;			/* the include root */
	/* Files being read, outermost first: the provider's id (for loops;
	 * NULL for a buffer) and the directory $INCLUDE is relative to, as a
	 * path relative to the root ("": the root itself). */
	char *id[MAX_INCLUDE_DEPTH + 1];
	char *dir[MAX_INCLUDE_DEPTH + 1];
	size_t depth;
	size_t total;			/* bytes read so far */
	uint8_t origin[ZL_NAME_MAXWIRE];	/* current $ORIGIN */
	size_t originlen;		/* 0 until known */
	struct zl_name *prev_owner;	/* for blank owners */
	bool prev_bad;			/* the last owner was unusable */
	bool seen_record;
	uint16_t zone_class;		/* of the first record; 0 before */
	bool have_dollar_ttl, have_last_ttl, have_soa_min;
	uint32_t dollar_ttl, last_ttl, soa_min;
	uint8_t noted[65536 / 8];	/* types whose unchecked rdata has
					   been noted */
	struct zl_buf scratch;
	char *text;			/* the zone file's text until the zone
					   holds it (for loader_abort) */
	enum zl_status st;		/* a failure that ends the load */
	char *err;
};

/* ---- reading sources ---- */

/* Fills s->lines, the line-start table of s->buf. */
static void index_lines(struct zl_src *s)
{
	const char *buf = s->buf, *p = buf, *nl;
	size_t n = 1, len = s->len;

	while ((nl = memchr(p, '\n', len - (size_t)(p - buf))) != NULL) {
		n++;
		p = nl + 1;
	}
	s->lines = zl_xmalloc(n * sizeof *s->lines);
	s->lines[0] = 0;
	for (n = 1, p = buf; (nl = memchr(p, '\n', len - (size_t)(p - buf)));) {
		s->lines[n++] = (uint32_t)(nl + 1 - buf);
		p = nl + 1;
	}
	s->nlines = n;
}

/* Adds a source with its line-start table: buf (taken), or the text of
 * `again`, an earlier source of the same file, shared.  Returns its index,
 * or -1 when there are too many sources. */
static int add_src(struct zl_zone *z, const char *path, const char *display,
		   char *buf, size_t len, const struct zl_src *again)
{
	struct zl_src *s;

	if (z->nsrcs >= MAX_SRCS) {
		free(buf);
		return -1;
	}
	/* Every allocation first: buf becomes the zone's only once nothing
	 * can fail, so that running out of memory frees it once (the caller
	 * still holds it: loader_abort). */
	z->srcs = zl_xrealloc(z->srcs, (z->nsrcs + 1) * sizeof *z->srcs);
	s = zl_xcalloc(1, sizeof *s);
	s->path = zl_xstrdup(path);
	s->display = zl_xstrdup(display);
	if (again) {
		s->buf = again->buf;
		s->len = again->len;
		s->lines = again->lines;
		s->nlines = again->nlines;
		s->shared = true;
	} else {
		s->buf = buf;
		s->len = len;
		index_lines(s);
	}
	z->srcs[z->nsrcs] = s;
	return (int)z->nsrcs++;
}

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

static void seen_free(struct loader *L)
{
	struct seen *e;

	while (L->seen) {
		e = *(struct seen **)L->seen;
		tdelete(e, &L->seen, seen_cmp);
		free(e->key);
		free(e);
	}
}

/* ---- origin ---- */

static void ZL_PRINTF(3, 4) fail(struct loader *L, enum zl_status st,
				 const char *fmt, ...)
{
	va_list ap;

	if (L->st != ZL_OK)
		return;
	L->st = st;
	va_start(ap, fmt);
	L->err = zl_xvasprintf(fmt, ap);
	va_end(ap);
}

/* Whether s[0..n) is a dot-separated list of at least two host-name labels
 * (letters, digits, inner hyphens; RFC 952/1123). */
static bool host_name(const char *s, size_t n)
{
	size_t i, llen = 0, labels = 0;

	if (n == 0 || n > 253)
		return false;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (llen == 0 || llen > 63 || s[i - 1] == '-')
				return false;
			labels++;
			llen = 0;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
			   (s[i] >= 'A' && s[i] <= 'Z') ||
			   (s[i] >= '0' && s[i] <= '9') ||
			   (s[i] == '-' && llen > 0)) {
			llen++;
		} else {
			return false;
		}
	}
	return labels >= 2;
}

/* example.com.zone, example.com.db, db.example.com, example.com. */
static bool infer_origin(const char *name, char *out, size_t outsz)
{
	const char *base = strrchr(name, '/');
	size_t n;

	base = base ? base + 1 : name;
	n = strlen(base);
	if (n > 5 && strcasecmp(base + n - 5, ".zone") == 0)
		n -= 5;
	else if (n > 3 && strcasecmp(base + n - 3, ".db") == 0)
		n -= 3;
	else if (n > 3 && strncasecmp(base, "db.", 3) == 0) {
		base += 3;
		n -= 3;
	}
	if (!host_name(base, n) || n + 2 > outsz)
		return false;
	memcpy(out, base, n);
	out[n] = '.';
	out[n + 1] = '\0';
	return true;
}

/* Makes the current origin known: --origin, else the file name.  Returns
 * false (and ends the load) when neither gives one. */
static bool ensure_origin(struct loader *L)
{
	static const uint8_t root[1] = { 0 };
	const char *text = L->opts ? L->opts->origin : NULL, *cat;
	char buf[300], msg[256];

	if (L->originlen)
		return true;
	if (L->st != ZL_OK)
		return false;
	if (!text && infer_origin(L->infer_name, buf, sizeof buf))
		text = buf;
	if (!text) {
		fail(L, ZL_ERR_ORIGIN,
		     "cannot determine the origin of '%s': add a $ORIGIN line, "
		     "pass --origin, or name the file like example.com.zone "
		     "or db.example.com", L->infer_name);
		return false;
	}
	L->originlen = zl_name_from_text(text, strlen(text), root, 1,
					 L->origin, &cat, msg, sizeof msg);
	if (L->originlen == 0) {
		fail(L, ZL_ERR_ORIGIN, "invalid origin: %s", msg);
		return false;
	}
	return true;
}

/* The zone's origin is the first $ORIGIN before any record, else the one
 * in force at the first record (RFC 1035 §5.1). */
static void fix_zone_origin(struct loader *L)
{
	if (!L->z->origin && L->originlen)
		zl_zone_set_origin(L->z, zl_name_intern_wire(L->z, L->origin));
}

/* Whether a name needs the origin: '@' or no final (unescaped) dot. */
static bool relative(const char *s, size_t n)
{
	size_t bs = 0;

	if (n == 0 || s[n - 1] != '.')
		return true;
	while (bs + 1 < n && s[n - 2 - bs] == '\\')
		bs++;
	return bs % 2 == 1;
}

/* Parses a domain-name token relative to the current origin into wire.
 * Returns its length, or 0 after adding a problem. */
static size_t parse_name(struct loader *L, uint16_t src,
			 const struct zl_lex_tok *t, uint8_t *wire)
{
	const char *s = L->z->srcs[src]->buf + t->off, *cat;
	struct zl_tok at = { t->off, t->len };
	char msg[256];
	size_t n = t->len, wl;

	if (t->quoted) {
		zl_zone_problem(L->z, "syntax", src, at,
				"invalid domain name %.*s%s", ZL_TOKARGS(s, n));
		return 0;
	}
	if (relative(s, n) && !ensure_origin(L))
		return 0;
	wl = zl_name_from_text(s, n, L->origin, L->originlen, wire, &cat, msg,
			       sizeof msg);
	if (wl == 0)
		zl_zone_problem(L->z, cat, src, at, "%s", msg);
	return wl;
}

/* ---- directives ---- */

static struct zl_tok span(const struct zl_lex_tok *t)
{
	struct zl_tok s = { t->off, t->len };

	return s;
}

static const char *text_of(const struct loader *L, uint16_t src,
			   const struct zl_lex_tok *t)
{
	return L->z->srcs[src]->buf + t->off;
}

/* Checks a directive's argument count; reports and returns false if off. */
static bool args_ok(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t min, size_t max,
		    const char *what)
{
	const struct zl_lex_tok *t;

	if (ln->ntoks - 1 < min) {
		zl_zone_problem(L->z, "syntax", src, span(&ln->toks[0]),
				"missing %s after %.*s%s", what,
				ZL_TOKARGS(text_of(L, src, &ln->toks[0]),
					   ln->toks[0].len));
		return false;
	}
	if (ln->ntoks - 1 > max) {
		t = &ln->toks[max + 1];
		zl_zone_problem(L->z, "syntax", src, span(t),
				"extra field '%.*s%s' after %.*s%s",
				ZL_TOKARGS(text_of(L, src, t), t->len),
				ZL_TOKARGS(text_of(L, src, &ln->toks[0]),
					   ln->toks[0].len));
		return false;
	}
	return true;
}

static void dir_origin(struct loader *L, uint16_t src,
		       const struct zl_lex_line *ln)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	size_t wl;

	if (!args_ok(L, src, ln, 1, 1, "a domain name"))
		return;
	if ((wl = parse_name(L, src, &ln->toks[1], wire)) == 0)
		return;
	memcpy(L->origin, wire, wl);
	L->originlen = wl;
	if (!L->seen_record)
		fix_zone_origin(L);
}

/* Reads a TTL token into *out.  Returns false after reporting one that is
 * not a TTL or does not fit its 32 bits.  RFC 2181 §8: receivers read a TTL
 * with the top bit set as 0; so does the loader, after a warning. */
static bool ttl_value(struct loader *L, uint16_t src,
		      const struct zl_lex_tok *t, uint32_t *out)
{
	const char *s = text_of(L, src, t);
	uint64_t v;
	int rc = zl_ttl_parse(s, t->len, UINT32_MAX, &v);

	if (rc == -1) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"invalid TTL '%.*s%s'", ZL_TOKARGS(s, t->len));
		return false;
	}
	if (rc == -2) {
		zl_zone_problem(L->z, "range", src, span(t),
				"TTL %.*s%s does not fit in 32 bits "
				"(0..4294967295)", ZL_TOKARGS(s, t->len));
		return false;
	}
	if (v > MAX_TTL) {
		zl_zone_problem(L->z, "ttl", src, span(t),
				"TTL %.*s%s exceeds 2147483647: receivers read "
				"it as 0 (RFC 2181 §8)", ZL_TOKARGS(s, t->len));
		v = 0;
	}
	*out = (uint32_t)v;
	return true;
}

static void dir_ttl(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln)
{
	if (!args_ok(L, src, ln, 1, 1, "a TTL"))
		return;
	if (ttl_value(L, src, &ln->toks[1], &L->dollar_ttl))
		L->have_dollar_ttl = true;
}

static bool parse_class(const char *s, size_t n, uint16_t *out);

/* The type of a record the lexer rejected, when the tokens it read before
 * the error name one after the optional TTL and class; 0 otherwise. */
static uint16_t type_before_error(const struct loader *L, uint16_t src,
				  const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t;
	const char *s;
	uint16_t v;
	size_t i;

	for (i = ln->blank ? 0 : 1; i < ln->ntoks; i++) {
		t = &ln->toks[i];
		s = text_of(L, src, t);
		if (t->quoted || t->len == 0 || t->off + t->len > ln->err_at.off)
			return 0;
		if (!(s[0] >= '0' && s[0] <= '9') && !parse_class(s, t->len, &v))
			return zl_type_parse(s, t->len, &v) ? v : 0;
	}
	return 0;
}

/* A record the lexer rejected still names its owner when the error comes
 * after the owner field, and the blank-owner records that follow belong to
 * it (RFC 1035 §5.1): keep it, so that they are still checked instead of
 * silently dropped.  A rejected directive leaves the owner as it was. */
static void owner_after_error(struct loader *L, uint16_t src,
			      const struct zl_lex_line *ln)
{
	const char *b = L->z->srcs[src]->buf;
	struct zl_lex_tok t = { .off = ln->start };
	uint8_t wire[ZL_NAME_MAXWIRE];
	uint32_t end = ln->start;

	if (b[ln->start] == '$')
		return;
	if (ln->blank) {
		if (!L->prev_bad && L->prev_owner)
			zl_zone_lost(L->z, L->prev_owner,
				     type_before_error(L, src, ln));
		return;
	}
	L->prev_bad = true;
	while (end < ln->err_at.off && !memchr(" \t\r\n;()\"", b[end], 8))
		end++;
	if (end == ln->start || end >= ln->err_at.off)
		return;		/* the error is in the owner itself */
	t.len = end - ln->start;
	if (parse_name(L, src, &t, wire) == 0)
		return;
	L->prev_owner = zl_name_intern_wire(L->z, wire);
	L->prev_bad = false;
	zl_zone_lost(L->z, L->prev_owner, type_before_error(L, src, ln));
}

static void process(struct loader *L, uint16_t src);

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

/* Reads an $INCLUDE target through the provider, relative to the including
 * file and inside the include root (a zone from a pull request must not
 * make CI read files outside the tree being linted, DESIGN §8).  Returns
 * the new source's index and sets *id, or returns -1 after reporting why
 * the file cannot be read.  A file this zone has read already, asked for
 * by the same path, is not read again, and one reached by another path is
 * dropped once read: the new source shares the first one's text (RFC 1035
 * §5.1 allows one file under several origins). */
static int include_read(struct loader *L, uint16_t src,
			const struct zl_lex_tok *t, const char *file,
			char **id)
{
	const char *pdisp = L->z->srcs[src]->display, *dir = L->dir[L->depth];
	struct zl_read rd = { L->root, NULL, NULL, 0, MAX_BYTES };
	struct zl_file f = { NULL, 0, NULL };
	enum zl_status st;
	struct seen *again;
	char *path, *disp, *err = NULL;
	size_t i;
	int idx = -1;

	if (L->opts) {
		rd.allow = L->opts->allow_include;
		rd.nallow = L->opts->nallow_include;
	}
	path = file[0] == '/' ? zl_xstrdup(file) : zl_path_join(dir, file);
	rd.path = path;
	if ((again = seen_find(L, 'p', path)) != NULL) {
		f.len = again->src->len;
		f.id = again->id ? zl_xstrdup(again->id) : NULL;
	} else {
		st = zl_read(L->opts ? L->opts->provider : NULL, &rd, &f,
			     &err);
		if (st != ZL_OK) {
			zl_zone_problem(L->z, st == ZL_ERR_LIMIT ? "limit" :
					"include", src, span(t),
					"cannot read include file '%s': %s",
					file, err);
			goto out;
		}
		if (f.id && (again = seen_find(L, 'i', f.id)) != NULL) {
			free(f.data);
			f.data = NULL;
			f.len = again->src->len;
		}
	}
	for (i = 0; f.id && i <= L->depth; i++) {
		if (L->id[i] && strcmp(L->id[i], f.id) == 0) {
			zl_zone_problem(L->z, "include", src, span(t),
					"include loop: '%s' is already being read",
					file);
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
	/* Shown relative to the including file, as the user wrote it. */
	if (file[0] != '/' && strrchr(pdisp, '/'))
		disp = zl_xasprintf("%.*s/%s",
				    (int)(strrchr(pdisp, '/') - pdisp), pdisp,
				    file);
	else
		disp = zl_xstrdup(file);
	idx = add_src(L->z, path, disp, f.data, f.len,
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
	return zl_xstrndup(s, n);
}

/* Loader state an included file may change but not pass back (RFC 1035
 * §5.1: $INCLUDE does not change the origin of the parent file). */
struct saved {
	uint8_t origin[ZL_NAME_MAXWIRE];
	size_t originlen;
	struct zl_name *prev_owner;
	bool prev_bad;
};

static void save(const struct loader *L, struct saved *s)
{
	memcpy(s->origin, L->origin, L->originlen);
	s->originlen = L->originlen;
	s->prev_owner = L->prev_owner;
	s->prev_bad = L->prev_bad;
}

static void restore(struct loader *L, const struct saved *s)
{
	memcpy(L->origin, s->origin, s->originlen);
	L->originlen = s->originlen;
	L->prev_owner = s->prev_owner;
	L->prev_bad = s->prev_bad;
}

static void dir_include(struct loader *L, uint16_t src,
			const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[1];
	uint8_t wire[ZL_NAME_MAXWIRE];
	char *file = NULL, *id = NULL;
	struct saved sv;
	size_t wl = 0;
	int idx;

	if (!args_ok(L, src, ln, 1, 2, "a file name"))
		return;
	if ((file = include_name(L, src, t)) == NULL)
		goto out;
	if (ln->ntoks == 3 && (wl = parse_name(L, src, &ln->toks[2], wire)) == 0)
		goto out;
	if (L->depth >= MAX_INCLUDE_DEPTH) {
		zl_zone_problem(L->z, "include", src, span(t),
				"$INCLUDE nested deeper than %d",
				MAX_INCLUDE_DEPTH);
		goto out;
	}
	/* The zone's origin is the parent's, not the one given here. */
	if (!ensure_origin(L))
		goto out;
	fix_zone_origin(L);
	if ((idx = include_read(L, src, t, file, &id)) < 0)
		goto out;
	save(L, &sv);
	if (wl) {
		memcpy(L->origin, wire, wl);
		L->originlen = wl;
	}
	L->depth++;
	L->id[L->depth] = id;
	L->dir[L->depth] = zl_path_dir(L->z->srcs[idx]->path);
	process(L, (uint16_t)idx);
	free(L->id[L->depth]);
	free(L->dir[L->depth]);
	L->id[L->depth] = L->dir[L->depth] = NULL;
	L->depth--;
	restore(L, &sv);
out:
	free(file);
}

static void directive(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t);

	if (t->len == 7 && strncasecmp(s, "$ORIGIN", 7) == 0)
		dir_origin(L, src, ln);
	else if (t->len == 4 && strncasecmp(s, "$TTL", 4) == 0)
		dir_ttl(L, src, ln);
	else if (t->len == 8 && strncasecmp(s, "$INCLUDE", 8) == 0)
		dir_include(L, src, ln);
	else
		zl_zone_problem(L->z, "syntax", src, span(t),
				"unknown directive '%.*s%s'",
				ZL_TOKARGS(s, t->len));
}

/* ---- records ---- */

/* The class mnemonics: the data classes and the query classes NONE and
 * ANY (RFC 6895 §3.2). */
static const struct { const char *name; uint16_t v; } classes[] = {
	{ "IN", 1 }, { "CS", 2 }, { "CH", 3 }, { "HS", 4 },
	{ "NONE", 254 }, { "ANY", 255 },
};

/* A class mnemonic or CLASSnnn (RFC 3597 §5), any case. */
static bool parse_class(const char *s, size_t n, uint16_t *out)
{
	size_t i;

	for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		if (strlen(classes[i].name) == n &&
		    strncasecmp(s, classes[i].name, n) == 0) {
			*out = classes[i].v;
			return true;
		}
	}
	return n > 5 && strncasecmp(s, "CLASS", 5) == 0 &&
	       zl_lex_generic_num(s, n, 5, out);
}

static const char *class_name(uint16_t k, char *buf, size_t sz)
{
	size_t i;

	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (classes[i].v == k)
			return classes[i].name;
	snprintf(buf, sz, "CLASS%u", (unsigned)k);
	return buf;
}

/* Reads the optional TTL and class, in either order (RFC 1035 §5.1 allows
 * both; ldns only the first).  *i is the next token.  Returns false after
 * reporting a bad TTL. */
static bool ttl_class(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln, size_t *i,
		      struct zl_rr *rr)
{
	const struct zl_lex_tok *t;
	const char *s;

	for (; *i < ln->ntoks; (*i)++) {
		t = &ln->toks[*i];
		s = text_of(L, src, t);
		if (t->quoted || t->len == 0)
			break;
		if (s[0] >= '0' && s[0] <= '9' && rr->ttl_tok.len == 0) {
			if (!ttl_value(L, src, t, &rr->ttl))
				return false;
			rr->ttl_tok = span(t);
		} else if (rr->class_tok.len == 0 &&
			   parse_class(s, t->len, &rr->klass)) {
			rr->class_tok = span(t);
		} else {
			break;
		}
	}
	return true;
}

static bool owner_of(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln, struct zl_rr *rr)
{
	uint8_t wire[ZL_NAME_MAXWIRE];

	if (ln->blank) {
		/* RFC 1035 §5.1: a blank owner is the previous owner. */
		rr->owner_tok.off = ln->start;
		rr->flags |= ZL_RR_OWNER_BLANK;
		if (L->prev_bad)
			return false;	/* its owner line was reported */
		if (!L->prev_owner) {
			zl_zone_problem(L->z, "syntax", src,
					span(&ln->toks[0]),
					"blank owner but no earlier record to take it from");
			return false;
		}
		rr->owner = L->prev_owner;
		return true;
	}
	rr->owner_tok = span(&ln->toks[0]);
	L->prev_bad = true;
	if (parse_name(L, src, &ln->toks[0], wire) == 0)
		return false;
	rr->owner = zl_name_intern_wire(L->z, wire);
	L->prev_owner = rr->owner;
	L->prev_bad = false;
	return true;
}

static bool rr_type(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t i, struct zl_rr *rr)
{
	const struct zl_lex_tok *t;
	const struct zl_rrtype *rt;
	const char *s;

	if (i >= ln->ntoks) {
		t = &ln->toks[ln->ntoks - 1];
		zl_zone_problem(L->z, "syntax", src, span(t),
				"missing record type after '%.*s%s'",
				ZL_TOKARGS(text_of(L, src, t), t->len));
		return false;
	}
	t = &ln->toks[i];
	s = text_of(L, src, t);
	rr->type_tok = span(t);
	if (t->quoted || !zl_type_parse(s, t->len, &rr->type)) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"unknown record type '%.*s%s'",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	/* RFC 6895 §3.1: OPT and the meta and query types (128-255) are
	 * never data in a zone. */
	if (rr->type == 0 || rr->type == LDNS_RR_TYPE_OPT ||
	    (rr->type >= 128 && rr->type <= 255)) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"record type '%.*s%s' cannot appear in a zone file",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	/* RFC 973 §2.2: MD and MF gave way to MX; BIND and Knot DNS refuse
	 * a zone with them. */
	rt = zl_rrtype_find(rr->type);
	if (rt && rt->form == ZL_FORM_OBSOLETE) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"record type '%.*s%s' is obsolete (RFC 973): "
				"servers refuse it; use MX",
				ZL_TOKARGS(s, t->len));
		return false;
	}
	return true;
}

static uint32_t soa_minimum(const struct zl_rr *rr)
{
	const uint8_t *p = rr->rdf[6].data;
	uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		     (uint32_t)p[2] << 8 | p[3];

	return v > MAX_TTL ? MAX_TTL : v;
}

/* The TTL of a record without one (RFC 1035 §5.1, RFC 2308 §4): $TTL,
 * else the last explicit TTL, else the SOA minimum. */
static bool rr_ttl(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	bool soa = rr->type == LDNS_RR_TYPE_SOA && rr->nrdf == 7 &&
		   rr->rdf[6].len == 4;

	if (rr->ttl_tok.len) {
		L->last_ttl = rr->ttl;
		L->have_last_ttl = true;
	} else {
		rr->flags |= ZL_RR_TTL_IMPLICIT;
		if (L->have_dollar_ttl)
			rr->ttl = L->dollar_ttl;
		else if (L->have_last_ttl)
			rr->ttl = L->last_ttl;
		else if (L->have_soa_min)
			rr->ttl = L->soa_min;
		else if (soa)
			rr->ttl = soa_minimum(rr);
		else {
			zl_zone_problem(L->z, "syntax", src, rr->type_tok,
					"no TTL for this record and no $TTL before it");
			return false;
		}
	}
	if (soa) {
		L->soa_min = soa_minimum(rr);
		L->have_soa_min = true;
	}
	return true;
}

/* RFC 1035 §5.2: a zone has one class, that of its first record; an
 * omitted class is the zone's (as BIND and Knot read it).  The query
 * classes (RFC 6895 §3.2) are never data.  Servers refuse a zone with
 * another class in it. */
static bool rr_class(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	uint16_t k = rr->klass;
	char name[16], zone[16];

	if (!rr->class_tok.len) {
		rr->klass = L->zone_class ? L->zone_class : LDNS_RR_CLASS_IN;
	} else if (k == 0 || (k >= 128 && k <= 255) ||
		   (k >= 57344 && k <= 65279) || k == 65535) {
		zl_zone_problem(L->z, "class", src, rr->class_tok,
				"class %s cannot appear in a zone file",
				class_name(k, name, sizeof name));
		return false;
	} else if (L->zone_class && k != L->zone_class) {
		zl_zone_problem(L->z, "class", src, rr->class_tok,
				"class %s differs from the zone's class %s",
				class_name(k, name, sizeof name),
				class_name(L->zone_class, zone, sizeof zone));
		return false;
	}
	if (!L->zone_class)
		L->zone_class = rr->klass;
	return true;
}

/* Whether the zone holds rr: servers ignore data outside the origin
 * (reported once per name, at its first record), and a zone has one SOA
 * record, at its apex (RFC 1035 §5.2, RFC 1034 §4.3.4). */
static bool rr_placed(struct loader *L, uint16_t src, struct zl_rr *rr)
{
	const struct zl_name *origin = L->z->origin;

	if (!rr->owner->in_zone) {
		if (rr->owner->nrr++ == 0)
			zl_zone_problem(L->z, "outside", src, rr->owner_tok,
					"'%s' is outside the zone '%s': "
					"servers ignore its records, and so "
					"does zonelint", rr->owner->text,
					origin->text);
		return false;
	}
	if (rr->type != LDNS_RR_TYPE_SOA)
		return true;
	if (rr->owner != origin) {
		zl_zone_problem(L->z, "soa", src, rr->owner_tok,
				"SOA record at '%s', below the zone apex '%s'",
				rr->owner->text, origin->text);
		return false;
	}
	if (zl_name_rrset(rr->owner, LDNS_RR_TYPE_SOA)) {
		zl_zone_problem(L->z, "soa", src, rr->type_tok,
				"second SOA record at '%s': a zone has one",
				rr->owner->text);
		return false;
	}
	return true;
}

static void record(struct loader *L, uint16_t src,
		   const struct zl_lex_line *ln)
{
	struct zl_zone *z = L->z;
	struct zl_rdata_in in;
	struct zl_rr rr;
	size_t i, k, tok0 = z->ntoks, nrd;

	memset(&rr, 0, sizeof rr);
	if (!ensure_origin(L))
		return;
	fix_zone_origin(L);
	L->seen_record = true;
	rr.src = src;
	rr.text.off = ln->start;
	rr.text.len = ln->end - ln->start;
	i = ln->blank ? 0 : 1;
	if (!owner_of(L, src, ln, &rr))
		return;
	if (!ttl_class(L, src, ln, &i, &rr) || !rr_type(L, src, ln, i, &rr)) {
		rr.type = 0;
		goto drop;
	}
	nrd = ln->ntoks - i - 1;
	if (nrd > ZL_LEX_MAXRDTOKS) {
		zl_zone_problem(z, "limit", src, span(&ln->toks[i + 1 + 65535]),
				"more than 65535 rdata tokens in one record");
		goto drop;
	}
	zl_xgrow((void **)&z->toks, &z->captoks, z->ntoks + nrd,
		 sizeof *z->toks);
	for (k = 0; k < nrd; k++)
		z->toks[z->ntoks++] = span(&ln->toks[i + 1 + k]);
	memset(&in, 0, sizeof in);
	in.src = src;
	in.type = rr.type;
	in.type_tok = rr.type_tok;
	in.toks = ln->toks + i + 1;
	in.ntoks = nrd;
	in.tok0 = (uint32_t)tok0;
	in.origin = L->origin;
	in.originlen = L->originlen;
	if (!zl_rdata_convert(z, &in, &rr, &L->scratch) || !rr_ttl(L, src, &rr) ||
	    !rr_class(L, src, &rr) || !rr_placed(L, src, &rr))
		goto drop;
	if (!zl_budget_take(&L->budget->records, 1, L->budget->lim.records)) {
		zl_zone_problem(z, "limit", src, rr.owner_tok.len ? rr.owner_tok
				: rr.type_tok, "more than %" PRIu64 " records "
				"in this run; the rest of the zone is not read",
				L->budget->lim.records);
		L->stop = true;
		goto drop;
	}
	/* Reported at the first record over the limit only: a million
	 * records at one name must give one error, not a million.  nrr
	 * keeps counting so that the rest stay quiet. */
	if (rr.owner->nrr >= MAX_RR_PER_NAME) {
		if (rr.owner->nrr++ == MAX_RR_PER_NAME)
			zl_zone_problem(z, "limit", src, rr.owner_tok,
					"more than %d records at '%s'; the "
					"rest are not checked",
					MAX_RR_PER_NAME, rr.owner->text);
		goto drop;
	}
	if ((rr.flags & ZL_RR_UNCHECKED) &&
	    !(L->noted[rr.type / 8] & 1 << rr.type % 8)) {
		L->noted[rr.type / 8] |= (uint8_t)(1 << rr.type % 8);
		zl_zone_problem(z, "unchecked", src, rr.type_tok,
				"%s rdata%s is not checked: zonelint does not "
				"read its format", zl_type_name(rr.type),
				rr.flags & ZL_RR_GENERIC ?
				" in RFC 3597 form" : "");
	}
	rr.tok = (uint32_t)tok0;
	rr.ntok = (uint16_t)nrd;
	zl_zone_add_rr(z, &rr);
	return;
drop:
	z->ntoks = tok0;
	zl_zone_lost(z, rr.owner, rr.type);
}

static void process(struct loader *L, uint16_t src)
{
	const struct zl_src *s = L->z->srcs[src];
	struct zl_lex_line ln;
	struct zl_lexer lx;

	zl_lex_init(&lx, s->buf, s->len);
	while (L->st == ZL_OK && !L->stop && zl_lex_next(&lx, &ln)) {
		if (ln.err_cat) {
			zl_zone_problem(L->z, ln.err_cat, src, ln.err_at, "%s",
					ln.err_msg);
			owner_after_error(L, src, &ln);
		} else if (ln.ntoks == 0) {
			continue;
		} else if (!ln.blank && !ln.toks[0].quoted &&
			   s->buf[ln.toks[0].off] == '$') {
			directive(L, src, &ln);
		} else {
			record(L, src, &ln);
		}
	}
	zl_lex_free(&lx);
}

/* ---- entry points ---- */

/* A zone with neither records nor a way to name it still needs an origin:
 * the root, so that nothing downstream sees NULL. */
static void final_origin(struct loader *L)
{
	char buf[300];

	if (L->st == ZL_OK && !L->z->origin && !L->originlen &&
	    ((L->opts && L->opts->origin) ||
	     infer_origin(L->infer_name, buf, sizeof buf)))
		ensure_origin(L);
	if (L->st != ZL_OK)
		return;
	if (!L->originlen) {
		L->origin[0] = 0;
		L->originlen = 1;
	}
	fix_zone_origin(L);
}

/* Out of memory during a load (zl_cleanup_push): frees what the loader
 * holds, the zone being built with it. */
static void loader_abort(void *arg)
{
	struct loader *L = arg;
	size_t i;

	seen_free(L);
	free(L->root);
	for (i = 0; i <= L->depth; i++) {
		free(L->id[i]);
		free(L->dir[i]);
	}
	zl_buf_free(&L->scratch);
	zl_zone_free(L->z);
	free(L->err);
	free(L->text);
}

static enum zl_status run(struct loader *L, const char *path,
			  const char *display, char *buf, size_t len,
			  struct zl_zone **out, char **err)
{
	char sz[32];

	L->text = buf;
	L->z = zl_xcalloc(1, sizeof *L->z);
	L->total = len;
	L->infer_name = display;
	L->budget = L->opts && L->opts->budget ? L->opts->budget : &L->own;
	if (L->budget == &L->own)
		zl_budget_init(&L->own, NULL);
	if (!zl_budget_take(&L->budget->bytes, len, L->budget->lim.bytes)) {
		fail(L, ZL_ERR_LIMIT, "reading '%s' exceeds the budget of %s "
		     "of zone text per run", display,
		     zl_size_str(L->budget->lim.bytes, sz, sizeof sz));
		free(buf);
		L->text = NULL;
		goto out;
	}
	/* add_src() takes buf only once nothing more can fail. */
	(void)add_src(L->z, path, display, buf, len, NULL);
	L->text = NULL;
	process(L, 0);
	final_origin(L);
	zl_zone_mark_cuts(L->z);
out:
	zl_cleanup_pop();	/* nothing below allocates */
	seen_free(L);
	free(L->root);
	free(L->id[0]);
	free(L->dir[0]);
	zl_buf_free(&L->scratch);
	if (L->st != ZL_OK) {
		zl_zone_free(L->z);
		*err = L->err;
		return L->st;
	}
	*out = L->z;
	return ZL_OK;
}

/* Where name (a path, or the name shown for a buffer) lies, as a path
 * relative to the directory root, found lexically ("../x" when outside
 * it: the provider then refuses what leads out).  Malloc'd. */
static char *below(const char *root, const char *name)
{
	size_t n = strlen(root);
	char *ra, *na, *rel;

	/* A directory walk names its zones root/...: no need to ask for
	 * the current directory twice per zone. */
	if (n > 0 && strncmp(name, root, n) == 0 &&
	    (root[n - 1] == '/' || name[n] == '/'))
		return zl_xstrdup(name + n + strspn(name + n, "/"));
	ra = zl_path_abs(root);
	na = zl_path_abs(name);
	rel = zl_path_rel(ra, na);
	free(ra);
	free(na);
	return rel;
}

enum zl_status zl_zone_load_file_impl(const char *path,
				 const struct zl_load_opts *opts,
				 struct zl_zone **out, char **err)
{
	const char *root = opts ? opts->include_root : NULL;
	struct zl_read rd = { root, path, NULL, 0, MAX_BYTES };
	enum zl_status st;
	char *rel = NULL, *why;
	struct zl_file f;
	struct loader L;

	*out = NULL;
	*err = NULL;
	memset(&L, 0, sizeof L);
	L.opts = opts;
	zl_cleanup_push(loader_abort, &L);
	if (root) {
		/* Found inside the root (a directory walk): read confined
		 * to it, like its includes. */
		rd.path = rel = below(root, path);
		L.root = zl_xstrdup(root);
		L.dir[0] = zl_path_dir(rel);
	} else {
		L.root = zl_path_dir(path);
		L.dir[0] = zl_xstrdup("");
		if (!*L.root) {
			free(L.root);
			L.root = zl_xstrdup(".");
		}
	}
	st = zl_read(opts ? opts->provider : NULL, &rd, &f, &why);
	free(rel);
	if (st != ZL_OK) {
		*err = st == ZL_ERR_LIMIT ?
		       zl_xasprintf("'%s' is larger than 1 GiB", path) :
		       zl_xasprintf("cannot read '%s': %s", path, why);
		free(why);
		zl_cleanup_pop();
		free(L.root);
		free(L.dir[0]);
		return st;
	}
	L.id[0] = f.id;
	return run(&L, path, opts && opts->display ? opts->display : path,
		   f.data, f.len, out, err);
}

enum zl_status zl_zone_load_buffer_impl(const char *name, const char *buf,
				   size_t len, const struct zl_load_opts *opts,
				   struct zl_zone **out, char **err)
{
	const char *display, *root;
	struct loader L;
	char *copy, *rel;

	*out = NULL;
	*err = NULL;
	if (!name)
		name = "-";
	display = opts && opts->display ? opts->display : name;
	if (len > MAX_BYTES) {
		*err = zl_xasprintf("'%s' is larger than 1 GiB", display);
		return ZL_ERR_LIMIT;
	}
	memset(&L, 0, sizeof L);
	L.opts = opts;
	zl_cleanup_push(loader_abort, &L);
	/* The displayed name only places the text in the root: a name
	 * through a link out of the tree must not move the root there. */
	root = opts && opts->include_root ? opts->include_root : ".";
	rel = below(root, display);
	L.root = zl_xstrdup(root);
	L.dir[0] = zl_path_dir(rel);
	free(rel);
	/* Copied last: from here on run() owns it. */
	copy = zl_xmalloc(len + 1);
	if (len)
		memcpy(copy, buf, len);
	copy[len] = '\0';
	return run(&L, name, display, copy, len, out, err);
}

void zl_zone_free(struct zl_zone *z)
{
	size_t i;

	if (!z)
		return;
	for (i = 0; i < z->nsrcs; i++) {
		free(z->srcs[i]->path);
		free(z->srcs[i]->display);
		if (!z->srcs[i]->shared) {
			free(z->srcs[i]->buf);
			free(z->srcs[i]->lines);
		}
		free(z->srcs[i]);
	}
	free(z->srcs);
	free(z->rrs);
	free(z->toks);
	free(z->htab);
	free(z->probs);
	free(z->lost);
	zl_arena_free(&z->arena);
	free(z);
}

size_t zl_zone_record_count(const struct zl_zone *z)
{
	return z ? z->nrrs : 0;
}
