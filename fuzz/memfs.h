/* memfs.h - for the harnesses that load zones: a tree of files in memory,
 * cut from the fuzz input, and a provider that serves it to $INCLUDE, so
 * that include fan-out, loops, nesting and refusals are fuzzed too.
 *
 * The input is the zone text, optionally followed by files, each starting
 * at a line ";;; NAME" (a zone comment, so any zone is an input as it is):
 *
 *     $INCLUDE a.inc
 *     ;;; a.inc
 *     www IN A 192.0.2.1
 *
 * Names are resolved like paths below the root: "." and ".." components
 * ('..' above the root is refused, as the file system provider refuses
 * it), and the canonical name is the file's id, so loops are found. */
#ifndef FUZZ_MEMFS_H
#define FUZZ_MEMFS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "zonelint.h"

#define MEMFS_MAX 64

struct memfs {
	const char *zone;	/* the zone text: the input up to the first
				   file */
	size_t zonelen;
	struct {
		char *name;
		const char *text;
		size_t len;
	} f[MEMFS_MAX];
	size_t n;
};

/* The offset of the next line starting with ";;; " at or after off, or
 * size when there is none. */
static inline size_t memfs_next(const char *d, size_t size, size_t off)
{
	const char *p;

	while (off + 4 <= size) {
		if (memcmp(d + off, ";;; ", 4) == 0 &&
		    (off == 0 || d[off - 1] == '\n'))
			return off;
		p = memchr(d + off, '\n', size - off);
		if (!p)
			break;
		off = (size_t)(p - d) + 1;
	}
	return size;
}

/* Cuts data into the zone and its files; the files point into data. */
static inline void memfs_cut(struct memfs *m, const uint8_t *data, size_t size)
{
	const char *d = (const char *)data, *nl;
	size_t at = memfs_next(d, size, 0), name, end;

	m->zone = d;
	m->zonelen = at;
	m->n = 0;
	while (at < size && m->n < MEMFS_MAX) {
		name = at + 4;
		nl = memchr(d + name, '\n', size - name);
		end = nl ? (size_t)(nl - d) : size;
		m->f[m->n].name = zl_xstrndup(d + name, end - name);
		at = nl ? memfs_next(d, size, end + 1) : size;
		m->f[m->n].text = d + end + (nl != NULL);
		m->f[m->n].len = at - end - (nl != NULL);
		m->n++;
	}
}

static inline void memfs_free(struct memfs *m)
{
	while (m->n > 0)
		free(m->f[--m->n].name);
}

/* The path made canonical below the root ("a/b"), malloc'd; NULL when it
 * is absolute or '..' leads above the root. */
static inline char *memfs_canon(const char *path)
{
	struct zl_buf b = { 0 };
	const char *p, *e;
	char *slash;
	size_t n;

	if (path[0] == '/')
		return NULL;
	zl_buf_add(&b, "", 0);
	for (p = path; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "/");
		n = (size_t)(e - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (b.len == 0) {
				free(b.s);
				return NULL;
			}
			slash = strrchr(b.s, '/');
			b.len = slash ? (size_t)(slash - b.s) : 0;
			b.s[b.len] = '\0';
			continue;
		}
		if (b.len)
			zl_buf_addc(&b, '/');
		zl_buf_add(&b, p, n);
	}
	return b.s;
}

/* Serves text[0, len) as the file read, named id (taken), within the
 * read's size limit. */
static inline enum zl_status memfs_serve(const char *text, size_t len,
					 char *id, const struct zl_read *rd,
					 struct zl_file *out, char **err)
{
	if (len > rd->max) {
		free(id);
		*err = zl_xstrdup("too large");
		return ZL_ERR_LIMIT;
	}
	out->data = zl_xstrndup(text, len);
	out->len = len;
	out->id = id;
	return ZL_OK;
}

static inline enum zl_status memfs_read(void *arg, const struct zl_read *rd,
					struct zl_file *out, char **err)
{
	const struct memfs *m = arg;
	char *name = memfs_canon(rd->path);
	size_t i;

	if (!name) {
		*err = zl_xstrdup("leads out of the root");
		return ZL_ERR_IO;
	}
	for (i = 0; i < m->n; i++)
		if (strcmp(m->f[i].name, name) == 0)
			return memfs_serve(m->f[i].text, m->f[i].len, name, rd,
					   out, err);
	free(name);
	*err = zl_xstrdup("No such file or directory");
	return ZL_ERR_IO;
}

#endif
