/* rule_yaml.h - the YAML layer of the rule loader (internal to rule_*.c and
 * config.c, which reads .zonelint.yaml with the same code).
 *
 * A rule file is parsed into a small tree of its own, built from libyaml
 * events: aliases are never expanded, anchors and tags are refused, and
 * nesting, node count and document count are bounded, because rule files
 * are untrusted input.  Every node keeps its position so that each schema
 * error can be reported at its file:line:col.
 *
 * A zl_yfile owns the line index and the arena holding every node and
 * scalar; zl_yaml_close() frees them.  It does not own the file name, the
 * buffer or the diagnostic list, which must outlive it. */
#ifndef ZL_RULE_YAML_H
#define ZL_RULE_YAML_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "util.h"
#include "zonelint.h"

/* ZL_Y_BAD stands for a node already reported (an alias): checks skip it
 * without a second error. */
enum zl_ykind { ZL_Y_SCALAR, ZL_Y_SEQ, ZL_Y_MAP, ZL_Y_BAD };

struct zl_ynode {
	enum zl_ykind kind;
	bool plain;		/* plain scalar: not quoted, not a block */
	char *str;		/* scalar value, NUL-terminated */
	size_t len;
	yaml_mark_t start, end;
	struct zl_ynode *kids, *last, *next;	/* map: key, value, key, ... */
	size_t n;		/* children (a map has 2 per entry) */
};

/* A libyaml event recorded by tools/embed.c for a built-in pack.  Marks
 * are {index, line, column}, as in yaml_mark_t. */
struct zl_yevent {
	unsigned char type;	/* yaml_event_type_t */
	unsigned char style;	/* yaml_scalar_style_t of a scalar */
	uint32_t value, length;	/* a scalar's value: offset and bytes */
	uint32_t start[3], end[3];
};

struct zl_yfile {
	const char *name;	/* shown in diagnostics */
	const char *kind;	/* "rule file" (set by zl_yaml_open) or
				   "config file", for messages */
	const char *buf;
	size_t len;
	const struct zl_yevent *events;	/* replayed instead of parsing buf
					   when set (zl_yaml_replay) */
	size_t nevents;
	const char *strings;
	uint32_t *lines;	/* byte offset of each line start (files
				   are at most 16 MiB), built
				   when a location is first asked for */
	size_t nlines, caplines;
	struct zl_diags *errs;	/* where errors go */
	size_t nerr;		/* errors reported so far */
	struct zl_arena arena;
	size_t nnodes;
};

/* Prepares f to read buf[0..len) (not copied). */
void zl_yaml_open(struct zl_yfile *f, const char *name, const char *buf,
		  size_t len, struct zl_diags *errs);
void zl_yaml_close(struct zl_yfile *f);

/* Makes zl_yaml_parse() replay events recorded from buf (a built-in
 * pack) instead of scanning it: the same tree, the same checks. */
void zl_yaml_replay(struct zl_yfile *f, const struct zl_yevent *events,
		    size_t nevents, const char *strings);

/* Builds the tree of the file's one document.  Returns false after a fatal
 * problem (syntax error, limit), already reported; *root is NULL for an
 * empty file.  Anchors, aliases and tags are reported but not fatal. */
bool zl_yaml_parse(struct zl_yfile *f, struct zl_ynode **root) ZL_MUST_CHECK;

/* Locations, with the source line as text.  Columns count bytes. */
struct zl_loc zl_yaml_loc(struct zl_yfile *f, const struct zl_ynode *n);
/* Bytes [off, off+width) of a scalar's value: exact when the source spells
 * the value literally on one line, else the whole scalar. */
struct zl_loc zl_yaml_sub_loc(struct zl_yfile *f,
			      const struct zl_ynode *n, size_t off,
			      size_t width);
/* A raw byte offset into the buffer. */
struct zl_loc zl_yaml_off_loc(struct zl_yfile *f, size_t off);

/* Errors shown per file; zl_yaml_close() adds one that counts the rest. */
#define ZL_YAML_MAX_ERRORS 100

/* Appends an error (id NULL) to f->errs and counts it; returns it so that
 * notes can be attached (NULL past ZL_YAML_MAX_ERRORS: only counted). */
struct zl_diag *zl_yaml_error(struct zl_yfile *f, const struct zl_loc *loc,
			      const char *fmt, ...) ZL_PRINTF(3, 4);
struct zl_diag *zl_yaml_error_at(struct zl_yfile *f, const struct zl_ynode *n,
				 const char *fmt, ...) ZL_PRINTF(3, 4);
struct zl_diag *zl_yaml_verror(struct zl_yfile *f, const struct zl_loc *loc,
			       const char *fmt, va_list ap);

/* Whether n is of kind; if not, reports "WHAT must be a KIND, not ...". */
bool zl_yaml_want(struct zl_yfile *f, const struct zl_ynode *n,
		  enum zl_ykind kind, const char *what);
/* Sorts the entries of a mapping by keys[0..nkeys): vals[i] and keyn[i]
 * receive the value and key node of keys[i] (both arrays zeroed by the
 * caller).  Reports unknown keys (listing the expected ones), repeated keys
 * and keys that are not scalars; `where` names the mapping ("rule"). */
void zl_yaml_fields(struct zl_yfile *f, const struct zl_ynode *map,
		    const char *const *keys, size_t nkeys, const char *where,
		    struct zl_ynode **vals, struct zl_ynode **keyn);

#endif
