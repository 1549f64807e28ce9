/* server_knot.h - what the parts of Knot DNS's knot.conf reader share:
 * the reader (server_knot.c), the zone file names its formatters make
 * (server_knot_file.c), the sections and the items each takes
 * (server_knot_schema.c), the values they take (server_knot_value.c). */
#ifndef ZL_SERVER_KNOT_H
#define ZL_SERVER_KNOT_H

#include <stdbool.h>
#include <stdint.h>

#include "server_impl.h"

/* Why knotd makes no file name of a pattern for a zone. */
enum knot_file {
	KNOT_FILE_OK,
	KNOT_FILE_BAD,		/* a %c[...] or %l[...] is malformed */
	KNOT_FILE_NAME,		/* the name's text, for %s or %c, is
				   longer than knotd formats (511 bytes) */
	KNOT_FILE_LONG,		/* the file name is longer than knotd
				   makes (1023 bytes) */
};

/* The file name that the pattern fmt (knot.conf's file: %s, %c[N],
 * %c[N-M], %l[N], %%) gives the zone name (canonical text, "." for the
 * root), with the name written as knotd writes it, malloc'd; NULL when
 * knotd makes none, *why saying why. */
char *srv_knot_file(const char *fmt, const char *name, enum knot_file *why);

/* A section: a list of entries whose first item is id ("- id: x"), items
 * (id NULL), or a value at the top (include, clear: items NULL too). */
struct knot_section {
	const char *name, *id;
	const char *const *items;	/* NULL-terminated */
};

/* The section named name, or NULL when no Knot DNS from 3.0 to 3.5 has
 * one (names are compared as knotd compares them, case counting). */
const struct knot_section *srv_knot_section(const char *name);
/* Whether some Knot DNS from 3.0 to 3.5 takes the item name in sec. */
bool srv_knot_takes(const struct knot_section *sec, const char *name);
/* Whether name begins the name of one of Knot's modules ("mod-stat",
 * "mod-", ""). */
bool srv_knot_module_prefix(const char *name);
/* Whether "module: NAME" (no "/ID") may load: some module whose name
 * name begins (as srv_knot_module_prefix) runs without an entry. */
bool srv_knot_module_optional(const char *name);
/* The section's name that name is a slip of (zl_nearest), or NULL. */
const char *srv_knot_slip(const char *name);
/* Reports name at file:line:col as a section (sec NULL) or an item of
 * sec that Knot DNS does not know: with the sections that take it as an
 * item, else the nearest name where it stands, if one is near. */
void srv_knot_unknown(struct srv *s, const struct knot_section *sec,
		      const char *name, const char *file, uint32_t line,
		      uint32_t col);
/* Reports at file:line:col that sec is written with a list of entries
 * (list) where it takes items, or with items where it takes a list. */
void srv_knot_form(struct srv *s, const struct knot_section *sec, bool list,
		   const char *file, uint32_t line, uint32_t col);

/* Checks v, a value of the item name of sec (NULL: a module's section
 * unknown, nothing checked) read at file:line:col, as knotd reads it, and
 * reports what knotd refuses: a value not of the item's type, out of its
 * range, not one of its values, a reference to no entry above.  Keeps an
 * entry's id (sec's id item) in ids, for the references below it. */
void srv_knot_value(struct srv *s, struct srv_set *ids,
		    const struct knot_section *sec, const char *name,
		    const char *v, const char *file, uint32_t line,
		    uint32_t col);
/* Reports what the entry of sec whose id (at file:line:col) is id lacks:
 * an item knotd's check of the whole entry requires (a remote's
 * address, a module's setting).  given holds the names of the entry's
 * items, each with the value 1 when its last value is not empty. */
void srv_knot_entry(struct srv *s, const struct knot_section *sec,
		    const struct srv_set *given, const char *id,
		    const char *file, uint32_t line, uint32_t col);
/* Whether ids holds an entry of sec with the id id (a key's compared as
 * a domain name). */
bool srv_knot_defined(const struct srv_set *ids, const char *sec,
		      const char *id);
/* Whether Knot DNS reads the boolean v as on: the first of on, true, off,
 * false that v begins, case aside, is on or true ("", "o" and "t" are
 * on). */
bool srv_knot_on(const char *v);

/* ---- server_knot_catalog.c ---- */

/* A member zone of a catalog zone: its name (absolute, lower case) and
 * the group its group property names (NULL: none). */
struct knot_member {
	char *origin, *group;
};

/* The members of the catalog zone origin, as knotd 3.2 interprets them
 * from its file path: each zone once, in *out (malloc'd, its strings
 * too); returns their count.  0 when the file cannot be read or loaded
 * (the zone's own lint says why) and when knotd refuses to interpret
 * it, reported: at file:line:col, the catalog's domain item, for a
 * missing version record, else at the record it refuses. */
size_t srv_knot_catalog(struct srv *s, const char *origin, const char *path,
			const char *file, uint32_t line, uint32_t col,
			struct knot_member **out);

/* ---- server_knot_lex.c ---- */

/* A value as Knot DNS reads it, kept at the byte where it begins. */
struct kval {
	size_t off;
	char *val;
};

/* What srv_knot_lex makes of a file: its values as knotd reads them, and
 * where each line begins (for libyaml's marks). */
struct knot_text {
	struct kval *v;
	size_t nv, vcap;
	size_t *lines, nlines, lcap;
	/* The first thing knotd refuses, not yet reported: what knotd read
	 * before it comes first (knotd stops at its first error, item or
	 * syntax), so the caller reads the text up to stop, the beginning
	 * of its line, and then reports it. */
	size_t stop;
	uint32_t err_line, err_col;
	char err[200];
};

/* Reads f as knotd does, into t, and turns f's text into text libyaml
 * reads the same way (each value a word of 'x's, each comment blanks);
 * false at the first thing knotd refuses, kept in t for the caller. */
bool srv_knot_lex(struct srv *s, struct srv_file *f, struct knot_text *t);

#endif
