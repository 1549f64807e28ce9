/* server_impl.h - what the three configuration readers (server_bind.c,
 * server_knot.c, server_nsd.c) share, in server_common.c: the run, errors
 * at a position, files read confined, include patterns, the stack of
 * files a lexer reads, zone names. */
#ifndef ZL_SERVER_IMPL_H
#define ZL_SERVER_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server.h"
#include "util.h"

/* One reading of a configuration. */
struct srv {
	enum zl_server_kind kind;
	const struct zl_provider *provider;
	char *root;		/* includes are confined here */
	const char *const *allow;	/* and to these (borrowed) */
	size_t nallow;
	char *cwd;		/* the server's start directory ("" : here) */
	struct zl_server_zones *out;
	struct zl_diags *errs;
	bool failed;		/* an error was reported */
	size_t nerrs;		/* errors reported */
	size_t nfiles;		/* files read so far */
	size_t bytes;		/* their bytes */
	char **ids;		/* ids of the files being read, outermost first */
	size_t depth, idcap;
	char **names;		/* every file name shown, owned until the end */
	struct zl_tsig_key *key;	/* reading a key file: the key */
	bool redact;		/* errors show no text of the file (a key
				 * file's: any token may be the secret) */
	size_t nnames, namecap;
	size_t *drop;		/* zones of out to leave out, by index */
	size_t ndrop, dropcap;
};

/* A configuration file in memory. */
struct srv_file {
	const char *shown;	/* as messages show it; owned by the run */
	char *data;		/* NUL-terminated */
	size_t len;
};

/* Reports an error at file:line:col (file NULL: no place) and marks the
 * run failed.  Always returns false, for `return srv_err(...)`. */
bool srv_err(struct srv *s, const char *file, uint32_t line, uint32_t col,
	     const char *fmt, ...) ZL_PRINTF(5, 6);
/* The same, with help: how to fix it (a static string). */
bool srv_err_help(struct srv *s, const char *help, const char *file,
		  uint32_t line, uint32_t col, const char *fmt, ...)
	ZL_PRINTF(6, 7);
/* The same, for an include refused as lying outside the root and every
 * allowed path: its help names the option that allows it. */
bool srv_err_outside(struct srv *s, const char *file, uint32_t line,
		     uint32_t col, const char *fmt, ...) ZL_PRINTF(5, 6);

/* Keeps a copy of name for the whole run and returns it. */
const char *srv_name(struct srv *s, const char *name);

/* Pushes id on the stack of files being read; false when it is there
 * already (an include loop). */
bool srv_push_id(struct srv *s, char *id);
/* Opens the file path for an include at file:line:col: confined to the
 * root, at most ZL_SERVER_MAX_DEPTH deep, not a file already being read
 * (an include loop).  On success pushes it on the stack of files being
 * read (pop with srv_close) and returns true; else reports why and
 * returns false. */
bool srv_open(struct srv *s, const char *path, const char *file,
	      uint32_t line, uint32_t col, struct srv_file *f);
void srv_close(struct srv *s, struct srv_file *f);
/* Reports a NUL byte in f at its place, where BIND's and NSD's readers
 * would stop or cut a word: false then, and f is not to be read.  One in
 * a comment, which they read past, becomes a blank.  Knot DNS's reader
 * takes care of its own (server_knot.c). */
bool srv_no_nul(struct srv *s, struct srv_file *f);
/* Reports a UTF-8 byte order mark that begins f, which BIND's and NSD's
 * readers take as the first bytes of a word (named: "unknown option",
 * nsd: "syntax error"), and blanks it so that the words after it are
 * read as they are meant; Knot DNS's reader has its own (server_knot.c). */
void srv_no_bom(struct srv *s, struct srv_file *f);

/* Why the server could not open path (resolved as it resolves it) as a
 * file, told without looking outside the root: "file not found" when
 * nothing is there, nor at any name between it and the deepest
 * directory on it that exists, which lies in the root; "not a file" for
 * a directory or another file that is no regular one in the root.
 * NULL for a file; for what lies outside the root, or is reached through
 * a link that leads nowhere, whether it exists is not told (NULL); so
 * with a provider, which is the tree. */
const char *srv_unopenable(struct srv *s, const char *path);
/* The same for a directory: "file not found" as above, "not a
 * directory" for a file in the root; NULL for a directory, and where
 * srv_unopenable tells nothing. */
const char *srv_undirectory(struct srv *s, const char *path);

/* The files pattern names, in sorted order (glob(7), braces too under
 * NSD, '~' not expanded), for an include at
 * file:line:col: a pattern without wildcards names itself; one with
 * wildcards that leads out of the root is reported and names nothing, as
 * is a pattern that matches nothing when empty_ok is false.  Returns the
 * count; *out is a malloc'd array of malloc'd paths (free with
 * srv_free_list). */
size_t srv_glob(struct srv *s, const char *pattern, bool empty_ok,
		const char *file, uint32_t line, uint32_t col, char ***out);
void srv_free_list(char **v, size_t n);

/* A file BIND's or NSD's lexer reads: the configuration, or one an
 * include matched, in the include's place; rest[irest..nrest), the
 * include's other matches (malloc'd), are read after it in turn. */
struct srv_src {
	struct srv_file f;
	const char *p, *bol;	/* next byte, start of its line */
	uint32_t line;
	char **rest;
	size_t nrest, irest;
	const char *at_file;	/* the include, for errors opening rest */
	uint32_t at_line, at_col;
};

/* The files being read: the configuration (st[0]), the includes in it. */
struct srv_srcs {
	struct srv_src st[ZL_SERVER_MAX_DEPTH + 1];
	size_t n;
};

/* Starts on the configuration f (the caller's, kept open by it). */
void srv_src_start(struct srv_srcs *in, struct srv_file *f);
/* Reads the files pattern (resolved) names next, for the include at
 * file:line:col, as srv_glob lists them and srv_open opens them.  False
 * when ZL_SERVER_MAX_DEPTH includes are open already (reported). */
bool srv_src_push(struct srv *s, struct srv_srcs *in, const char *pattern,
		  bool empty_ok, const char *file, uint32_t line, uint32_t col);
/* Closes the innermost file, read to its end, for the next match of its
 * include or the file that included it; false at the configuration's
 * end, where it does nothing. */
bool srv_src_next_file(struct srv *s, struct srv_srcs *in);
/* Closes every file in still reads but the configuration. */
void srv_src_end(struct srv *s, struct srv_srcs *in);
/* The file in reads now, the innermost. */
static inline struct srv_src *srv_src_top(struct srv_srcs *in)
{
	return &in->st[in->n - 1];
}

/* name (n bytes) as an absolute lower-case zone name ("example.com.", "."),
 * malloc'd; NULL when it is not a domain name (empty, an empty label, a
 * label over 63 bytes, a name over 255). */
char *srv_origin(const char *name, size_t n);

/* name resolved against dir as a server does: an absolute name stays, a
 * relative one is joined to dir ("" or "." : itself), less a leading "./"
 * ("." is dir).  Malloc'd. */
char *srv_resolve(const char *dir, const char *name);

/* Appends a zone declared at file:line:col; the strings are copied (file
 * and view may be NULL).  Returns it (valid until the next append). */
struct zl_server_zone *srv_add(struct srv *s, const char *origin,
			       const char *zfile, enum zl_server_role role,
			       const char *view, const char *file,
			       uint32_t line, uint32_t col);

/* A map of strings to indexes, to find a zone or an identifier declared
 * twice, and where it was first, in time linear in the size of the
 * configuration. */
struct srv_set_ent {
	char *key;	/* NULL: a free slot */
	size_t val;
};

struct srv_set {
	struct srv_set_ent *v;	/* open addressing, cap a power of two */
	size_t n, cap;
};

/* Adds a copy of key with val and returns NULL; when key is there already,
 * returns its entry (valid until the next add) and adds nothing. */
const struct srv_set_ent *srv_set_add(struct srv_set *set, const char *key,
				      size_t val);
/* Adds key with val, or gives the key there already val. */
void srv_set_put(struct srv_set *set, const char *key, size_t val);
/* The entry of key, or NULL. */
const struct srv_set_ent *srv_set_find(const struct srv_set *set,
				       const char *key);
void srv_set_free(struct srv_set *set);

/* The readers: each reads the configuration f (already open) and every
 * file it includes. */
void zl_server_read_bind(struct srv *s, struct srv_file *f);
void zl_server_read_knot(struct srv *s, struct srv_file *f);
void zl_server_read_nsd(struct srv *s, struct srv_file *f);
/* Reads the BIND key file f into s->key. */
void zl_server_read_key(struct srv *s, struct srv_file *f);

#endif
