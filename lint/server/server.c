/* server.c - reading a server configuration: the kind, the files it includes (confined, bounded), zone names and the zone list. */
#include <ctype.h>
#include <glob.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fs.h"
#include "server_impl.h"

/* ---- kinds ---- */

static const struct {
	const char *prefix;
	enum zl_server_kind kind;
} prefixes[] = {
	{ "named:", ZL_SERVER_BIND },
	{ "bind:", ZL_SERVER_BIND },
	{ "knot:", ZL_SERVER_KNOT },
	{ "nsd:", ZL_SERVER_NSD },
};

enum zl_server_kind zl_server_prefix(const char *spec, const char **path)
{
	size_t i, n;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		n = strlen(prefixes[i].prefix);
		if (strncmp(spec, prefixes[i].prefix, n) == 0) {
			*path = spec + n;
			return prefixes[i].kind;
		}
	}
	*path = spec;
	return ZL_SERVER_AUTO;
}

const char *zl_server_kind_name(enum zl_server_kind k)
{
	switch (k) {
	case ZL_SERVER_BIND:
		return "bind";
	case ZL_SERVER_KNOT:
		return "knot";
	case ZL_SERVER_NSD:
		return "nsd";
	case ZL_SERVER_AUTO:
		break;
	}
	return "auto";
}

/* Skips a '#' comment (and, for BIND, '//' and C comments) at *p. */
static const char *skip_comment(const char *p)
{
	const char *e;

	if (*p == '#' || (p[0] == '/' && p[1] == '/'))
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*') {
		e = strstr(p + 2, "*/");
		return e ? e + 2 : p + strlen(p);
	}
	return p;
}

/* Whether a line of text starts (after blanks) with the item key. */
static bool has_item(const char *text, const char *key)
{
	size_t n = strlen(key);
	const char *p = text;

	while (*p) {
		p += strspn(p, " \t-");
		if (strncmp(p, key, n) == 0 && p[n] == ':')
			return true;
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
	return false;
}

enum zl_server_kind zl_server_detect(const char *path, const char *text)
{
	const char *base = strrchr(path, '/'), *p, *q;

	base = base ? base + 1 : path;
	if (strncasecmp(base, "named", 5) == 0)
		return ZL_SERVER_BIND;
	if (strncasecmp(base, "knot", 4) == 0)
		return ZL_SERVER_KNOT;
	if (strncasecmp(base, "nsd", 3) == 0)
		return ZL_SERVER_NSD;
	/* BIND statements end in ';' and open blocks with '{'; neither
	 * occurs outside quotes and comments in Knot's or NSD's files. */
	for (p = text; *p; p++) {
		if ((q = skip_comment(p)) != p) {
			p = q - 1;
			if (!*q)
				break;
		} else if (*p == '"') {
			q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
		} else if (*p == '{' || *p == ';') {
			return ZL_SERVER_BIND;
		}
	}
	if (has_item(text, "domain") || has_item(text, "template"))
		return ZL_SERVER_KNOT;
	if (has_item(text, "zone") || has_item(text, "server") ||
	    has_item(text, "pattern"))
		return ZL_SERVER_NSD;
	return ZL_SERVER_AUTO;
}

/* ---- errors, names ---- */

bool srv_err(struct srv *s, const char *file, uint32_t line, uint32_t col,
	     const char *fmt, ...)
{
	struct zl_loc loc = { 0 };
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = zl_xvasprintf(fmt, ap);
	va_end(ap);
	loc.file = (char *)file;
	loc.line = loc.end_line = line;
	loc.col = loc.end_col = col;
	zl_diags_add(s->errs, NULL, ZL_SEV_ERROR, file ? &loc : NULL, "%s",
		     msg);
	free(msg);
	s->failed = true;
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
	if (name[0] == '/' || !dir[0])
		return zl_xstrdup(name);
	return zl_path_join(dir, name);
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
		if (c == '\\' && i + 1 < n) {
			/* \DDD or \X: one byte of the label */
			zl_buf_addc(&b, (char)c);
			if (isdigit((unsigned char)name[i + 1]) && i + 3 < n) {
				zl_buf_add(&b, name + i + 1, 3);
				i += 3;
			} else {
				zl_buf_addc(&b, name[++i]);
			}
		} else if (c <= ' ' || c == 0x7f) {
			goto bad;
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
	return b.s;
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
	e->origin = zl_xstrdup(origin);
	e->file = zl_xstrdup(zfile);
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
static bool push_id(struct srv *s, char *id)
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

	memset(f, 0, sizeof *f);
	if (s->depth > ZL_SERVER_MAX_DEPTH)
		return srv_err(s, file, line, col, "includes nested deeper "
			       "than %d files", ZL_SERVER_MAX_DEPTH);
	if (++s->nfiles > ZL_SERVER_MAX_FILES)
		return srv_err(s, file, line, col, "more than %d files "
			       "included", ZL_SERVER_MAX_FILES);
	/* Confined: an absolute path must lie in the root's real path, a
	 * relative one is taken from the root, so make it absolute. */
	abs = s->provider || path[0] == '/' ? zl_xstrdup(path) :
	      zl_path_abs(path);
	rd.root = s->root;
	rd.path = abs;
	rd.max = ZL_SERVER_MAX_FILE;
	st = zl_read(s->provider, &rd, &zf, &err);
	free(abs);
	if (st != ZL_OK) {
		srv_err(s, file, line, col, "cannot read included file "
			"'%s': %s", path, err);
		free(err);
		return false;
	}
	free(err);
	if (!push_id(s, zf.id)) {
		free(zf.data);
		free(zf.id);
		return srv_err(s, file, line, col, "'%s' includes itself",
			       path);
	}
	f->shown = srv_name(s, path);
	f->data = zf.data;
	f->len = zf.len;
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

size_t srv_glob(struct srv *s, const char *pattern, bool empty_ok,
		const char *file, uint32_t line, uint32_t col, char ***out)
{
	char *abs, *aroot, **v = NULL;
	size_t i, n = 0;
	glob_t g;
	int rc;

	*out = NULL;
	if (s->provider || !pattern[strcspn(pattern, "*?[{")]) {
		v = zl_xmalloc(sizeof *v);
		v[0] = zl_xstrdup(pattern);
		*out = v;
		return 1;
	}
	/* Nothing outside the root is listed, not even its names. */
	abs = zl_path_abs(pattern);
	aroot = zl_path_abs(s->root);
	if (!below(aroot, abs)) {
		srv_err(s, file, line, col, "include pattern '%s' leads out "
			"of '%s'", pattern, s->root);
		free(abs);
		free(aroot);
		return 0;
	}
	free(abs);
	free(aroot);
	/* No GLOB_TILDE: liblint never reads the environment ($HOME). */
	rc = glob(pattern, GLOB_ERR | GLOB_BRACE, NULL, &g);
	if (rc == 0) {
		n = g.gl_pathc;
		v = zl_xcalloc(n, sizeof *v);
		for (i = 0; i < n; i++)
			v[i] = zl_xstrdup(g.gl_pathv[i]);
		*out = v;
	} else if (rc != GLOB_NOMATCH || !empty_ok) {
		srv_err(s, file, line, col, "include pattern '%s' matches "
			"no file", pattern);
	}
	if (rc == 0 || rc == GLOB_NOMATCH)
		globfree(&g);
	return n;
}

/* ---- the entry point ---- */

static enum zl_status read_named(struct srv *s, const char *path,
				 struct srv_file *f)
{
	struct zl_read rd = { 0 };
	struct zl_file zf;
	enum zl_status st;
	char *err;

	rd.path = path;
	rd.max = ZL_SERVER_MAX_FILE;
	st = zl_read(s->provider, &rd, &zf, &err);
	if (st != ZL_OK) {
		srv_err(s, NULL, 0, 0, "cannot read server configuration "
			"'%s': %s", path, err);
		free(err);
		return st;
	}
	free(err);
	s->nfiles = 1;
	push_id(s, zf.id);
	f->shown = srv_name(s, path);
	f->data = zf.data;
	f->len = zf.len;
	return ZL_OK;
}

enum zl_status zl_server_read(const char *spec,
			      const struct zl_server_opts *o,
			      struct zl_server_zones *out,
			      struct zl_diags *errs)
{
	static const struct zl_server_opts none = { 0 };
	struct srv s = { 0 };
	struct srv_file f = { 0 };
	enum zl_status st;
	const char *path;
	char *dir;
	size_t i;

	o = o ? o : &none;
	s.kind = zl_server_prefix(spec, &path);
	s.provider = o->provider;
	s.out = out;
	s.errs = errs;
	dir = zl_path_dir(path);
	s.root = zl_xstrdup(o->root ? o->root : dir[0] ? dir : ".");
	s.cwd = zl_xstrdup(o->cwd ? o->cwd : dir);
	free(dir);
	if ((st = read_named(&s, path, &f)) != ZL_OK)
		goto out;
	if (s.kind == ZL_SERVER_AUTO &&
	    (s.kind = zl_server_detect(path, f.data)) == ZL_SERVER_AUTO) {
		srv_err(&s, NULL, 0, 0, "cannot tell which server '%s' "
			"configures: name it as named:FILE, knot:FILE or "
			"nsd:FILE", path);
		st = ZL_ERR_USAGE;
		goto out;
	}
	out->kind = s.kind;
	if (s.kind == ZL_SERVER_BIND)
		zl_server_read_bind(&s, &f);
	else if (s.kind == ZL_SERVER_KNOT)
		zl_server_read_knot(&s, &f);
	else
		zl_server_read_nsd(&s, &f);
	st = s.failed ? ZL_ERR_CONFIG : ZL_OK;
out:
	while (s.depth > 0)
		free(s.ids[--s.depth]);
	free(f.data);
	free(s.ids);
	for (i = 0; i < s.nnames; i++)
		free(s.names[i]);
	free(s.names);
	free(s.root);
	free(s.cwd);
	return st;
}
