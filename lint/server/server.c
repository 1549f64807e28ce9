/* server.c - reading a server configuration: its kind, and the entry point
 * that hands it to the reader of that kind (what the readers share:
 * server_common.c). */
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
		srv_err(s, NULL, 0, 0, "cannot read %s '%s': %s",
			s->key ? "key file" : "server configuration", path,
			err);
		free(err);
		return st;
	}
	free(err);
	s->nfiles = 1;
	srv_push_id(s, zf.id);
	f->shown = srv_name(s, path);
	f->data = zf.data;
	f->len = zf.len;
	return ZL_OK;
}

/* Starts reading path for s: its root and start directory from o. */
static void srv_start(struct srv *s, const char *path,
		      const struct zl_server_opts *o, struct zl_diags *errs)
{
	static const struct zl_server_opts none = { 0 };
	char *dir;

	o = o ? o : &none;
	s->provider = o->provider;
	s->allow = o->allow_include;
	s->nallow = o->nallow_include;
	s->errs = errs;
	dir = zl_path_dir(path);
	s->root = zl_xstrdup(o->root ? o->root : dir[0] ? dir : ".");
	s->cwd = zl_xstrdup(o->cwd ? o->cwd : dir);
	free(dir);
}

static void srv_end(struct srv *s, struct srv_file *f)
{
	size_t i;

	while (s->depth > 0)
		free(s->ids[--s->depth]);
	free(f->data);
	free(s->ids);
	for (i = 0; i < s->nnames; i++)
		free(s->names[i]);
	free(s->names);
	free(s->root);
	free(s->cwd);
}

/* Leaves out the zones srv_add marked to drop (s->drop, ascending). */
static void drop_zones(struct srv *s)
{
	struct zl_server_zones *z = s->out;
	size_t i, k = 0, d = 0;

	for (i = 0; i < z->n; i++) {
		struct zl_server_zone *e = &z->v[i];

		if (d < s->ndrop && s->drop[d] == i) {
			d++;
			free(e->origin);
			free(e->file);
			free(e->include_dir);
			free(e->view);
			free(e->conf);
			continue;
		}
		z->v[k++] = *e;
	}
	z->n = k;
	free(s->drop);
	s->drop = NULL;
	s->ndrop = s->dropcap = 0;
}

enum zl_status zl_server_read_impl(const char *spec,
				   const struct zl_server_opts *o,
				   struct zl_server_zones *out,
				   struct zl_diags *errs)
{
	struct srv s = { 0 };
	struct srv_file f = { 0 };
	enum zl_status st;
	const char *path;

	s.kind = zl_server_prefix(spec, &path);
	s.out = out;
	srv_start(&s, path, o, errs);
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
	if (!srv_no_nul(&s, &f)) {
		st = ZL_ERR_CONFIG;
	} else {
		srv_no_bom(&s, &f);
		if (s.kind == ZL_SERVER_BIND)
			zl_server_read_bind(&s, &f);
		else if (s.kind == ZL_SERVER_KNOT)
			zl_server_read_knot(&s, &f);
		else
			zl_server_read_nsd(&s, &f);
		drop_zones(&s);
	}
	if (st == ZL_OK)
		st = s.failed ? ZL_ERR_CONFIG : ZL_OK;
out:
	srv_end(&s, &f);
	return st;
}

enum zl_status zl_tsig_key_read_impl(const char *path,
				     struct zl_tsig_key *out,
				     struct zl_diags *errs)
{
	struct srv s = { 0 };
	struct srv_file f = { 0 };
	enum zl_status st;

	memset(out, 0, sizeof *out);
	s.kind = ZL_SERVER_BIND;
	s.key = out;
	srv_start(&s, path, NULL, errs);
	if ((st = read_named(&s, path, &f)) == ZL_OK) {
		zl_server_read_key(&s, &f);
		st = s.failed ? ZL_ERR_CONFIG : ZL_OK;
	}
	srv_end(&s, &f);
	if (st != ZL_OK)
		zl_tsig_key_free(out);
	return st;
}

void zl_tsig_key_free(struct zl_tsig_key *k)
{
	if (!k)
		return;
	free(k->name);
	free(k->algorithm);
	free(k->secret);
	memset(k, 0, sizeof *k);
}
