/* server_common.c - what the configuration readers (server_bind.c,
 * server_knot.c, server_nsd.c) share: errors at a position, zone names and
 * the zone list, sets, and the files they read, confined and bounded.
 * server.c, the entry point, uses them; they use nothing of it. */
#define _GNU_SOURCE	/* GLOB_ALTDIRFUNC */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fs.h"
#include "server_impl.h"
#include "zone_lex.h"

/* ---- errors, names ---- */

/* The next integer argument of ap, of the size the length modifier m
 * ("", "l", "ll", "z", "j", "h" or "hh") gives. */
static unsigned long long int_arg(const char *m, size_t n, bool sign,
				  va_list *ap)
{
	if (n == 1 && *m == 'l')
		return sign ? (unsigned long long)va_arg(*ap, long) :
			      va_arg(*ap, unsigned long);
	if (n == 2 && *m == 'l')
		return va_arg(*ap, unsigned long long);
	if (n == 1 && *m == 'z')
		return va_arg(*ap, size_t);
	if (n == 1 && *m == 'j')
		return sign ? (unsigned long long)va_arg(*ap, intmax_t) :
			      va_arg(*ap, uintmax_t);
	return sign ? (unsigned long long)va_arg(*ap, int) :
		      va_arg(*ap, unsigned);
}

/* Whether a redacted message may show s, a word of the reader's own that
 * holds no secret: punctuation it expected (';', '}') or "end of file". */
static bool shown_word(const char *s)
{
	size_t i, n = strlen(s);

	if (!strcmp(s, "end of file"))
		return true;
	for (i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]))
			return false;
	return n <= 3;
}

/* The message fmt makes of ap with every string and character argument
 * written "..." (but shown_word's): the text of a key file (its secret, or whatever a
 * misformatted one holds where a token is quoted) never reaches an error,
 * whose position still says where to look.  Integers are kept. */
static char *redacted(const char *fmt, va_list ap)
{
	struct zl_buf b = { 0 };
	const char *p, *q, *m, *str;
	unsigned long long v;
	va_list aq;

	va_copy(aq, ap);
	for (p = fmt; *p; p = q + 1) {
		if (*p != '%' || p[1] == '%') {
			zl_buf_addc(&b, *p);
			q = p + (*p == '%');
			continue;
		}
		/* flags, width, precision: a '*' takes an int */
		for (q = p + 1; *q && strchr("-+ #0123456789.*", *q); q++)
			if (*q == '*')
				(void)va_arg(aq, int);
		for (m = q; *q && strchr("hlzjt", *q); q++)
			;
		if (!*q)
			break;
		if (*q == 's') {
			str = va_arg(aq, const char *);
			zl_buf_addf(&b, "%s", shown_word(str) ? str : "...");
		} else if (*q == 'p') {
			(void)va_arg(aq, void *);
			zl_buf_add(&b, "...", 3);
		} else if (*q == 'c') {
			(void)va_arg(aq, int);
			zl_buf_add(&b, "...", 3);
		} else {
			v = int_arg(m, (size_t)(q - m), strchr("di", *q), &aq);
			if (strchr("di", *q))
				zl_buf_addf(&b, "%lld", (long long)v);
			else
				zl_buf_addf(&b, *q == 'x' ? "%llx" : "%llu", v);
		}
	}
	va_end(aq);
	zl_buf_add(&b, "", 0);
	return b.s;
}

/* Reports an error as srv_err does, with help (NULL: none). */
static void report(struct srv *s, const char *help, const char *file,
		   uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	struct zl_loc loc = { 0 };
	struct zl_diag *d;
	char *msg;

	s->failed = true;
	if (++s->nerrs > ZL_SERVER_MAX_ERRORS) {
		if (s->nerrs == ZL_SERVER_MAX_ERRORS + 1)
			zl_diags_add(s->errs, NULL, ZL_SEV_ERROR, NULL, "more "
				     "errors in the configuration not shown "
				     "(at most %d)", ZL_SERVER_MAX_ERRORS);
		return;
	}
	msg = s->redact ? redacted(fmt, ap) : zl_xvasprintf(fmt, ap);
	loc.file = (char *)file;
	loc.line = loc.end_line = line;
	loc.col = loc.end_col = col;
	d = zl_diags_add(s->errs, NULL, ZL_SEV_ERROR, file ? &loc : NULL,
			 "%s", msg);
	if (d && help)
		d->help = zl_xstrdup(help);
	free(msg);
}

bool srv_err(struct srv *s, const char *file, uint32_t line, uint32_t col,
	     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(s, NULL, file, line, col, fmt, ap);
	va_end(ap);
	return false;
}

bool srv_err_help(struct srv *s, const char *help, const char *file,
		  uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(s, help, file, line, col, fmt, ap);
	va_end(ap);
	return false;
}

bool srv_err_outside(struct srv *s, const char *file, uint32_t line,
		     uint32_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(s, ZL_OUTSIDE_HELP, file, line, col, fmt, ap);
	va_end(ap);
	return false;
}

const char *srv_name(struct srv *s, const char *name)
{
	zl_xgrow((void **)&s->names, &s->namecap, s->nnames + 1,
		 sizeof *s->names);
	return s->names[s->nnames++] = zl_xstrdup(name);
}

char *srv_resolve(const char *dir, const char *name)
{
	/* "." and "./x" (Knot's storage: .) say no more than dir and x */
	while (name[0] == '.' && name[1] == '/')
		name += 2 + strspn(name + 2, "/");
	if (!name[0] || strcmp(name, ".") == 0)
		return zl_xstrdup(dir[0] ? dir : ".");
	if (name[0] == '/' || !dir[0] || strcmp(dir, ".") == 0)
		return zl_xstrdup(name);
	return zl_path_join(dir, name);
}

/* The canonical text of the valid name text s, as zones write their
 * names ("a\\046b" and "A\\.b" alike "a\\.b"): the names of two zone
 * statements compare as the server compares them.  Takes s. */
static char *canonical(char *s)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	char text[ZL_NAME_MAXTEXT], msg[1];
	const char *cat;

	if (zl_name_from_text(s, strlen(s), (const uint8_t *)"", 1, wire,
			      &cat, msg, sizeof msg) == 0)
		return s;
	free(s);
	zl_name_to_text(wire, text);
	return zl_xstrdup(text);
}

/* Whether s[0..n) begins with the digits of a \DDD escape: three, a
 * byte's value (RFC 1035 §5.1). */
static bool ddd(const char *s, size_t n)
{
	return n >= 3 && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) &&
	       (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0') <= 255;
}

char *srv_origin(const char *name, size_t n)
{
	struct zl_buf b = { 0 };
	size_t i, label = 0, wire = 1;

	if (n == 1 && name[0] == '.')
		return zl_xstrdup(".");
	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '.') {
			if (label == 0)
				goto bad;
			wire += label + 1;
			label = 0;
			zl_buf_addc(&b, '.');
			continue;
		}
		if (c == '\\') {
			/* \DDD (three digits, at most 255) or \X: one byte
			 * of the label; named refuses "\0ex", "\999" and a
			 * '\' at the end */
			if (i + 1 == n || (isdigit((unsigned char)name[i + 1]) &&
					   !ddd(name + i + 1, n - i - 1)))
				goto bad;
			zl_buf_addc(&b, (char)c);
			if (isdigit((unsigned char)name[i + 1])) {
				zl_buf_add(&b, name + i + 1, 3);
				i += 3;
			} else {
				zl_buf_addc(&b, name[++i]);
			}
		} else if (c <= ' ' || c == 0x7f) {
			/* a blank or a control byte in quotes: named,
			 * knotd and nsd take it as a byte of the label */
			if (c == 0)
				goto bad;
			zl_buf_addf(&b, "\\%03u", c);
		} else {
			zl_buf_addc(&b, (char)tolower(c));
		}
		if (++label > 63)
			goto bad;
	}
	if (label > 0) {
		wire += label + 1;
		zl_buf_addc(&b, '.');
	}
	if (wire > 255)
		goto bad;
	return canonical(b.s);
bad:
	zl_buf_free(&b);
	return NULL;
}

struct zl_server_zone *srv_add(struct srv *s, const char *origin,
			       const char *zfile, enum zl_server_role role,
			       const char *view, const char *file,
			       uint32_t line, uint32_t col)
{
	struct zl_server_zones *z = s->out;
	struct zl_server_zone *e;

	zl_xgrow((void **)&z->v, &z->cap, z->n + 1, sizeof *z->v);
	e = &z->v[z->n++];
	memset(e, 0, sizeof *e);
	e->origin = zl_xstrdup(origin);
	/* No server opens a path of PATH_MAX bytes or more (ENAMETOOLONG):
	 * an error that shows no path, and the zone is left out at the end
	 * (server.c).  The members of a catalog zone share their template's
	 * storage: a long one would otherwise be kept, and printed, for
	 * each of them. */
	if (zfile && strlen(zfile) >= PATH_MAX) {
		srv_err(s, file, line, col, "zone '%s': its file's path is %zu "
			"bytes long, and no server opens one of %d bytes or "
			"more", origin, strlen(zfile), PATH_MAX);
		zl_xgrow((void **)&s->drop, &s->dropcap, s->ndrop + 1,
			 sizeof *s->drop);
		s->drop[s->ndrop++] = z->n - 1;
		zfile = NULL;
	}
	e->file = zl_xstrdup(zfile);
	e->include_dir = NULL;
	e->kind = s->kind;
	e->role = role;
	e->view = zl_xstrdup(view);
	e->conf = zl_xstrdup(file);
	e->line = line;
	e->col = col;
	return e;
}

void zl_server_zones_free(struct zl_server_zones *z)
{
	size_t i;

	if (!z)
		return;
	for (i = 0; i < z->n; i++) {
		free(z->v[i].origin);
		free(z->v[i].file);
		free(z->v[i].include_dir);
		free(z->v[i].view);
		free(z->v[i].conf);
	}
	free(z->v);
	memset(z, 0, sizeof *z);
}

/* ---- sets ---- */

/* The slot of key in v: where it is, or the free slot where it goes. */
static size_t slot(const struct srv_set_ent *v, size_t cap, const char *key)
{
	size_t i = (size_t)zl_hash(key, strlen(key)) & (cap - 1);

	while (v[i].key && strcmp(v[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

const struct srv_set_ent *srv_set_add(struct srv_set *set, const char *key,
				      size_t val)
{
	struct srv_set_ent *old = set->v;
	size_t i, cap = set->cap;

	if (2 * (set->n + 1) > set->cap) {
		set->cap = cap ? 2 * cap : 64;
		set->v = zl_xcalloc(set->cap, sizeof *set->v);
		for (i = 0; i < cap; i++)
			if (old[i].key)
				set->v[slot(set->v, set->cap, old[i].key)] =
					old[i];
		free(old);
	}
	i = slot(set->v, set->cap, key);
	if (set->v[i].key)
		return &set->v[i];
	set->v[i].key = zl_xstrdup(key);
	set->v[i].val = val;
	set->n++;
	return NULL;
}

void srv_set_put(struct srv_set *set, const char *key, size_t val)
{
	const struct srv_set_ent *e = srv_set_add(set, key, val);

	if (e)
		set->v[e - set->v].val = val;
}

const struct srv_set_ent *srv_set_find(const struct srv_set *set,
				       const char *key)
{
	size_t i;

	if (set->n == 0)
		return NULL;
	i = slot(set->v, set->cap, key);
	return set->v[i].key ? &set->v[i] : NULL;
}

void srv_set_free(struct srv_set *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->v[i].key);
	free(set->v);
	memset(set, 0, sizeof *set);
}

/* ---- files ---- */

/* Pushes id on the stack of files being read; false when it is there
 * already (an include loop). */
bool srv_push_id(struct srv *s, char *id)
{
	size_t i;

	for (i = 0; id && i < s->depth; i++)
		if (s->ids[i] && strcmp(s->ids[i], id) == 0)
			return false;
	zl_xgrow((void **)&s->ids, &s->idcap, s->depth + 1, sizeof *s->ids);
	s->ids[s->depth++] = id;
	return true;
}

bool srv_open(struct srv *s, const char *path, const char *file,
	      uint32_t line, uint32_t col, struct srv_file *f)
{
	struct zl_read rd = { 0 };
	struct zl_file zf;
	enum zl_status st;
	char *err, *abs;
	bool outside;

	memset(f, 0, sizeof *f);
	/* Once the files exceed their bytes, said once, none more is read. */
	if (s->bytes > ZL_SERVER_MAX_BYTES)
		return false;
	if (s->depth > ZL_SERVER_MAX_DEPTH)
		return srv_err(s, file, line, col, "includes nested deeper "
			       "than %d files", ZL_SERVER_MAX_DEPTH);
	/* Said once: the includes after it are not read (srv_glob). */
	if (s->nfiles > ZL_SERVER_MAX_FILES)
		return false;
	if (++s->nfiles > ZL_SERVER_MAX_FILES)
		return srv_err(s, file, line, col, "more than %d files "
			       "included", ZL_SERVER_MAX_FILES);
	/* Confined: the path is read below the root, its '..' taken on
	 * disk (zl_path_below); an absolute one must lie in the root's real
	 * path.  Out of the root, it may lie in an allowed file or tree, as
	 * $INCLUDE may (fs.c, open_allowed). */
	abs = s->provider || path[0] == '/' ? zl_xstrdup(path) :
	      zl_path_below(s->root, path);
	rd.root = s->root;
	rd.path = abs;
	rd.allow = s->allow;
	rd.nallow = s->nallow;
	rd.max = ZL_SERVER_MAX_FILE;
	st = zl_read_ex(s->provider, &rd, &zf, &err, &outside);
	free(abs);
	if (st != ZL_OK) {
		if (outside)
			srv_err_outside(s, file, line, col, "cannot read "
					"included file '%s': %s", path, err);
		else
			srv_err(s, file, line, col, "cannot read included "
				"file '%s': %s", path, err);
		free(err);
		return false;
	}
	free(err);
	if ((s->bytes += zf.len) > ZL_SERVER_MAX_BYTES) {
		free(zf.data);
		free(zf.id);
		return srv_err(s, file, line, col, "the files of the "
			       "configuration exceed %u MiB together",
			       ZL_SERVER_MAX_BYTES >> 20);
	}
	if (!srv_push_id(s, zf.id)) {
		free(zf.data);
		free(zf.id);
		return srv_err(s, file, line, col, "'%s' includes itself",
			       path);
	}
	f->shown = srv_name(s, path);
	f->data = zf.data;
	f->len = zf.len;
	if (!srv_no_nul(s, f)) {
		srv_close(s, f);
		return false;
	}
	srv_no_bom(s, f);
	return true;
}

void srv_no_bom(struct srv *s, struct srv_file *f)
{
	if (s->kind == ZL_SERVER_KNOT || f->len < 3 ||
	    memcmp(f->data, "\xef\xbb\xbf", 3) != 0)
		return;
	srv_err_help(s, "save the file as UTF-8 without a byte order mark",
		     f->shown, 1, 1, "the file begins with a UTF-8 byte order "
		     "mark, which %s refuses",
		     s->kind == ZL_SERVER_BIND ? "named" : "nsd");
	memset(f->data, ' ', 3);
}

bool srv_no_nul(struct srv *s, struct srv_file *f)
{
	char *p = f->data, *end = f->data + f->len, *bol = f->data, q = 0;
	bool line_cmt = false, block_cmt = false;
	bool bind = s->kind == ZL_SERVER_BIND;
	uint32_t line = 1;

	if (!memchr(f->data, '\0', f->len) || s->kind == ZL_SERVER_KNOT)
		return true;
	/* Comments as the server's lexer has them: '#' to the line's end
	 * (NSD, BIND), '//' and C comments too (BIND); not in quotes. */
	for (; p < end; p++) {
		if (*p == '\n') {
			line++;
			bol = p + 1;
			line_cmt = false;
			continue;
		}
		if (*p == '\0') {
			if (!line_cmt && !block_cmt)
				return srv_err(s, f->shown, line,
					       (uint32_t)(p - bol) + 1, "NUL "
					       "byte: a configuration is text, "
					       "and this one is not read");
			*p = ' ';	/* read past, as the server does */
			continue;
		}
		if (line_cmt)
			continue;
		if (block_cmt) {
			if (p[0] == '*' && p + 1 < end && p[1] == '/') {
				block_cmt = false;
				p++;
			}
			continue;
		}
		if (q) {
			if (*p == '\\' && p + 1 < end && p[1] != '\n')
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '"') {
			q = *p;
		} else if (*p == '#' || (bind && p[0] == '/' && p + 1 < end &&
					 p[1] == '/')) {
			line_cmt = true;
		} else if (bind && p[0] == '/' && p + 1 < end && p[1] == '*') {
			block_cmt = true;
			p++;
		}
	}
	return true;
}

void srv_close(struct srv *s, struct srv_file *f)
{
	if (s->depth > 0)
		free(s->ids[--s->depth]);
	free(f->data);
	memset(f, 0, sizeof *f);
}

void srv_free_list(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

/* Whether the absolute, normalised path lies below the root, lexically. */
static bool below(const char *root, const char *path)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(path, root, n) == 0 && (path[n] == '/' || !path[n]);
}

/* The trees an include pattern may list and its matches lie in: the root
 * and every allowed path, each absolute as given and by its real path
 * (NULL when it does not exist). */
struct trees {
	char **given, **real;
	size_t n;
};

static void trees_make(const struct srv *s, struct trees *t)
{
	size_t i;

	t->n = s->nallow + 1;
	t->given = zl_xcalloc(t->n, sizeof *t->given);
	t->real = zl_xcalloc(t->n, sizeof *t->real);
	for (i = 0; i < t->n; i++) {
		const char *p = i == 0 ? s->root : s->allow[i - 1];

		t->given[i] = zl_path_abs(p);
		t->real[i] = realpath(p, NULL);
	}
}

static void trees_free(struct trees *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->given[i]);
		free(t->real[i]);
	}
	free(t->given);
	free(t->real);
}

/* Whether the real path r lies in one of the trees, and not below a .git
 * directory, whose files the reader refuses (fs.c) and whose names are
 * not to be listed either: one inside the root, or any for an allowed
 * tree, which may name a .git or lie in one. */
static bool in_real(const struct trees *t, const char *r)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->real[i] && below(t->real[i], r) &&
		    !zl_path_has_git(i == 0 ? r + strlen(t->real[0]) : r))
			return true;
	return false;
}

/* Whether the absolute path abs lies in one of the trees, lexically: a
 * pattern may name a tree as given or by its real path (a root that is a
 * link). */
static bool in_given(const struct trees *t, const char *abs)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (below(t->given[i], abs) ||
		    (t->real[i] && below(t->real[i], abs)))
			return true;
	return false;
}

/* The absolute path a glob(3) pattern names, its backslashes taken as
 * glob() takes them, each quoting the byte after it ("\.\./x*" is
 * "../x*"); the caller frees it. */
static char *glob_path_abs(const char *pattern)
{
	char *plain = zl_xstrdup(pattern), *abs;
	size_t i, k;

	for (i = k = 0; pattern[i]; i++) {
		if (pattern[i] == '\\' && pattern[i + 1])
			i++;
		plain[k++] = pattern[i];
	}
	plain[k] = '\0';
	abs = zl_path_abs(plain);
	free(plain);
	return abs;
}

/* The trees the glob(3) of this thread lists in: its callbacks take no
 * context, so glob() is not to be entered again from one of them. */
static _Thread_local const struct trees *glob_trees;

/* glob(3)'s opendir: a directory whose real path lies outside the trees
 * is not listed, not even reached through a link inside them; glob goes
 * on with the others. */
static void *confined_opendir(const char *path)
{
	char *r = realpath(path, NULL);
	void *d = NULL;

	if (r && glob_trees && in_real(glob_trees, r))
		d = opendir(path);
	else
		errno = r ? EACCES : ENOENT;
	free(r);
	return d;
}

/* Whether the directory of pattern p (up to its first wildcard, or its
 * last name) does not exist while the deepest part of it that does lies
 * in the trees.  NSD refuses such an include; whether anything exists
 * outside them is never told: '.' and '..' are taken by name first
 * (zl_path_abs), so that "out/x/../../etc" says the same whether the
 * directory x a link leads out to exists or not. */
static bool dir_missing_in_tree(const struct trees *t, const char *p)
{
	size_t cut = strcspn(p, "*?[");
	char *dir, *r = NULL, *up;
	bool missing;

	while (cut > 0 && p[cut - 1] != '/')
		cut--;
	up = cut > 1 ? zl_xstrndup(p, cut - 1) : zl_xstrdup(cut ? "/" : ".");
	dir = zl_path_abs(up);
	free(up);
	if ((r = realpath(dir, NULL)) != NULL) {
		free(r);
		free(dir);
		return false;
	}
	while (!r && strcmp(dir, "/") != 0 && strcmp(dir, ".") != 0) {
		up = zl_path_dir(dir);
		free(dir);
		dir = *up ? up : zl_xstrdup(".");
		if (dir != up)
			free(up);
		r = realpath(dir, NULL);
	}
	missing = r && in_real(t, r);
	free(r);
	free(dir);
	return missing;
}

/* srv_unopenable, and srv_undirectory when want_dir.  path's '.' and
 * '..' are taken by name first, as in dir_missing_in_tree. */
static const char *unusable(struct srv *s, const char *given, bool want_dir)
{
	char *root, *r, *dir, *up, *path;
	const char *why = NULL;
	struct stat st;

	if (s->provider || !(root = realpath(s->root, NULL)))
		return NULL;
	path = zl_path_abs(given);
	if ((r = realpath(path, NULL)) != NULL) {
		if (below(root, r) && stat(r, &st) == 0 &&
		    (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
			why = want_dir ? "not a directory" : "not a file";
		free(r);
		free(root);
		free(path);
		return why;
	}
	/* Up to the deepest name on path that exists: a link that leads
	 * nowhere (perhaps out of the tree) ends the walk without a word. */
	dir = zl_xstrdup(path);
	while (lstat(dir, &st) != 0 && errno == ENOENT &&
	       strcmp(dir, ".") != 0 && strcmp(dir, "/") != 0) {
		up = zl_path_dir(dir);
		free(dir);
		dir = *up ? up : zl_xstrdup(".");
		if (dir != up)
			free(up);
	}
	if (strcmp(dir, path) != 0 && (r = realpath(dir, NULL)) != NULL) {
		if (below(root, r) && stat(r, &st) == 0 && S_ISDIR(st.st_mode))
			why = "file not found";
		free(r);
	}
	free(dir);
	free(root);
	free(path);
	return why;
}

const char *srv_unopenable(struct srv *s, const char *path)
{
	return unusable(s, path, false);
}

const char *srv_undirectory(struct srv *s, const char *path)
{
	return unusable(s, path, true);
}

static struct dirent *glob_readdir(void *d)
{
	return readdir(d);
}

static void glob_closedir(void *d)
{
	closedir(d);
}

#define MAX_ALTS 256	/* alternatives of an NSD include pattern */
#define MAX_BRACES 64	/* braces in one */

/* The alternatives of NSD's braces in p ("{a,b}.conf": a.conf, b.conf,
 * nested ones too, as glob(3)'s GLOB_BRACE makes them), appended to v (room
 * for max); false when there would be more. */
static size_t count_braces(const char *p)
{
	size_t n = 0;

	while ((p = strchr(p, '{')) != NULL) {
		n++;
		p++;
	}
	return n;
}

static bool braces(const char *p, char **v, size_t *n, size_t max)
{
	const char *open = strchr(p, '{'), *q, *alt, *e;
	int depth = 0;
	char *one;
	bool ok = true;

	for (q = open; q && *q; q++) {
		depth += *q == '{';
		if (*q == '}' && --depth == 0)
			break;
	}
	if (!open || !q || !*q) {
		if (*n >= max)
			return false;
		v[(*n)++] = zl_xstrdup(p);
		return true;
	}
	/* open .. q is one brace: each alternative between its commas at
	 * depth 1, with what comes before and after. */
	for (alt = open + 1; ok && alt <= q; alt = e + 1) {
		for (e = alt, depth = 0; e < q && (depth > 0 || *e != ','); e++)
			depth += (*e == '{') - (*e == '}');
		one = zl_xasprintf("%.*s%.*s%s", (int)(open - p), p,
				   (int)(e - alt), alt, q + 1);
		ok = braces(one, v, n, max);
		free(one);
	}
	return ok;
}

size_t srv_glob(struct srv *s, const char *pattern, bool empty_ok,
		const char *file, uint32_t line, uint32_t col, char ***out)
{
	char *abs, **alts, **v = NULL;
	size_t i, j, n = 0, nalts = 0, cap = 0;
	struct trees t;
	bool missing = false;
	glob_t g;

	*out = NULL;
	/* Once the files exceed their number, no pattern is listed: each
	 * would list a directory to read none of it. */
	if (s->nfiles > ZL_SERVER_MAX_FILES)
		return 0;
	/* A brace is a wildcard to NSD's glob(3) alone (GLOB_BRACE) */
	if (s->provider || !pattern[strcspn(pattern, s->kind == ZL_SERVER_NSD ?
					    "*?[{" : "*?[")]) {
		v = zl_xmalloc(sizeof *v);
		v[0] = zl_xstrdup(pattern);
		*out = v;
		return 1;
	}
	/* NSD expands braces (GLOB_BRACE); BIND and Knot DNS take them as
	 * they are.  Each alternative is checked on its own. */
	alts = zl_xcalloc(MAX_ALTS, sizeof *alts);
	if (s->kind != ZL_SERVER_NSD) {
		alts[nalts++] = zl_xstrdup(pattern);
	} else if (count_braces(pattern) > MAX_BRACES ||
		   !braces(pattern, alts, &nalts, MAX_ALTS)) {
		/* each brace is a level of braces() and a copy of the
		 * pattern: their number bounds both */
		srv_err(s, file, line, col, "include pattern '%s' has more "
			"than %d alternatives or %d braces", pattern, MAX_ALTS,
			MAX_BRACES);
		srv_free_list(alts, nalts);
		return 0;
	}
	trees_make(s, &t);
	for (i = 0; i < nalts; i++) {
		/* Nothing outside the root and the allowed paths is listed,
		 * not even its names. */
		abs = glob_path_abs(alts[i]);
		if (!in_given(&t, abs)) {
			srv_err_outside(s, file, line, col, "include pattern "
					"'%s' leads out of '%s'", pattern,
					s->root);
			free(abs);
			srv_free_list(v, n);
			v = NULL;
			n = 0;
			break;
		}
		free(abs);
		/* No GLOB_TILDE: liblint never reads the environment ($HOME).
		 * glob(3) follows links: a directory whose real path lies
		 * outside the trees is not listed, and a match whose real
		 * path does is left out without a word, so that neither its
		 * name nor whether it exists reaches the output. */
		memset(&g, 0, sizeof g);
		g.gl_opendir = confined_opendir;
		g.gl_readdir = glob_readdir;
		g.gl_closedir = glob_closedir;
		g.gl_stat = stat;
		g.gl_lstat = lstat;
		glob_trees = &t;
		if (glob(alts[i], GLOB_ALTDIRFUNC, NULL, &g) != 0) {
			globfree(&g);
			/* A directory glob opens (one whose names it
			 * matches against a wildcard) that does not exist:
			 * NSD's glob (GLOB_ERR) stops, and NSD refuses the
			 * include, said once for all its alternatives; no
			 * match is no error. */
			missing |= s->kind == ZL_SERVER_NSD &&
				   alts[i][strcspn(alts[i], "*?[")] &&
				   dir_missing_in_tree(&t, alts[i]);
			continue;
		}
		for (j = 0; j < g.gl_pathc; j++) {
			char *m = realpath(g.gl_pathv[j], NULL);

			if (m && in_real(&t, m)) {
				zl_xgrow((void **)&v, &cap, n + 1, sizeof *v);
				v[n++] = zl_xstrdup(g.gl_pathv[j]);
			}
			free(m);
		}
		globfree(&g);
	}
	glob_trees = NULL;
	if (missing)
		srv_err(s, file, line, col, "cannot open include file '%s': "
			"no such directory in the tree", pattern);
	else if (n == 0 && i == nalts && !empty_ok)
		srv_err(s, file, line, col, "include pattern '%s' matches "
			"no file", pattern);
	if (n == 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	trees_free(&t);
	srv_free_list(alts, nalts);
	return n;
}

/* ---- the files a lexer reads ---- */

void srv_src_start(struct srv_srcs *in, struct srv_file *f)
{
	in->st[0] = (struct srv_src){ .f = *f, .p = f->data, .bol = f->data,
				      .line = 1 };
	in->n = 1;
}

/* Opens the next file of c's include in c's place; false when there is
 * none left. */
static bool open_next(struct srv *s, struct srv_src *c)
{
	while (c->irest < c->nrest)
		if (srv_open(s, c->rest[c->irest++], c->at_file, c->at_line,
			     c->at_col, &c->f)) {
			c->p = c->bol = c->f.data;
			c->line = 1;
			return true;
		}
	return false;
}

bool srv_src_push(struct srv *s, struct srv_srcs *in, const char *pattern,
		  bool empty_ok, const char *file, uint32_t line, uint32_t col)
{
	struct srv_src *c;
	char **v;
	size_t n;

	if (in->n >= ZL_SERVER_MAX_DEPTH + 1)
		return srv_err(s, file, line, col, "includes nested deeper "
			       "than %d files", ZL_SERVER_MAX_DEPTH);
	if ((n = srv_glob(s, pattern, empty_ok, file, line, col, &v)) == 0)
		return true;
	c = &in->st[in->n];
	*c = (struct srv_src){ .rest = v, .nrest = n, .at_file = file,
			       .at_line = line, .at_col = col };
	if (open_next(s, c))
		in->n++;
	else
		srv_free_list(v, n);
	return true;
}

bool srv_src_next_file(struct srv *s, struct srv_srcs *in)
{
	struct srv_src *c = srv_src_top(in);

	if (in->n == 1)
		return false;
	srv_close(s, &c->f);
	if (!open_next(s, c)) {
		srv_free_list(c->rest, c->nrest);
		in->n--;
	}
	return true;
}

void srv_src_end(struct srv *s, struct srv_srcs *in)
{
	while (in->n > 1) {
		srv_close(s, &in->st[--in->n].f);
		srv_free_list(in->st[in->n].rest, in->st[in->n].nrest);
	}
}
