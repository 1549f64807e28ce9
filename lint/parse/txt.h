/* txt.h - the text of a TXT-like record (TXT, SPF type 99) as a consumer
 * sees it, with a map back to the zone source.
 *
 * SPF (RFC 7208 §3.3), DMARC (RFC 7489 §6.1) and DKIM (RFC 6376 §3.6.2.2)
 * read a record as its character-strings concatenated without any
 * separator.  zl_txt joins them, unescaping \DDD and \X and dropping the
 * quotes, and keeps for every joined byte the source offset it came from, so
 * that bytes [a, b) of the joined text become a zl_tok in the zone buffer,
 * through escapes, across strings and across lines in parentheses.  It also
 * keeps the join points, so a checker can say when one of its terms was
 * made from two strings.
 *
 * Ownership: a struct zl_txt is the caller's; zl_txt_init() sets it up,
 * the add and join functions allocate inside it, zl_txt_free() releases
 * that.  The source buffer is not copied and must outlive the struct. */
#ifndef ZL_TXT_H
#define ZL_TXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"
#include "zone.h"

/* One character-string of the record. */
struct zl_txt_part {
	uint32_t at;		/* offset of its first byte in the joined text */
	uint32_t len;		/* bytes it contributed */
	struct zl_tok tok;	/* where it is written, quotes included */
};

struct zl_txt {
	const char *src;	/* the source buffer offsets refer to */
	char *s;		/* joined bytes, NUL-terminated (a \000 in
				   the source gives an inner NUL) */
	size_t len;
	uint32_t *map;		/* hex form only: map[i] is the source offset
				   of the first hex digit of s[i] */
	struct zl_txt_part *parts;
	size_t nparts;
	size_t cap, capparts;
	bool hex;		/* RFC 3597 form: map points at hex digits */
};

/* Prepares t for strings written in src (a NUL-terminated source buffer,
 * as struct zl_src holds). */
void zl_txt_init(struct zl_txt *t, const char *src);

/* Appends the character-string written at tok: quoted ("...", quotes in
 * tok) or a bare word, with RFC 1035 §5.1 escapes \DDD and \X. */
void zl_txt_add(struct zl_txt *t, struct zl_tok tok);

/* Initialises t and joins every character-string of rr (a TXT or SPF
 * record of zone z), also when written in RFC 3597 \# form: then each
 * byte maps to its first hex digit. */
void zl_txt_from_rr(struct zl_txt *t, const struct zl_zone *z,
		    const struct zl_rr *rr);

/* Whether the joined text of rr (a TXT or SPF record of zone z) may hold
 * word, lowercase ASCII, in any case: false only when it surely does not,
 * as strings without escapes show without joining them. */
bool zl_txt_may_hold(const struct zl_zone *z, const struct zl_rr *rr,
		     const char *word);
/* Whether the joined text of rr may start with the tag v=<version>
 * (case-sensitive, blanks around '=' allowed): false only when its first
 * string, without escapes, shows that it does not. */
bool zl_txt_may_start_v(const struct zl_zone *z, const struct zl_rr *rr,
			const char *version);
/* Whether the joined text of rr may start with prefix (ASCII, in any
 * case) after blanks: false only when its first string, without escapes,
 * shows that it does not. */
bool zl_txt_may_start(const struct zl_zone *z, const struct zl_rr *rr,
		      const char *prefix);
/* Whether the joined text of rr surely starts with the tag-spec
 * name=value (name in any case, value exactly, blanks around '=' and
 * after the value) ended by ';' or by the end of the text: true only when
 * its first string, without escapes, shows it whole; false means "parse
 * it to know". */
bool zl_txt_surely_starts(const struct zl_zone *z, const struct zl_rr *rr,
			  const char *name, const char *value);

/* The source span of joined bytes [a, b).  An empty range gives a span of
 * length 0 at the place the byte at a came from (or just past the last
 * byte when a is at the end). */
struct zl_tok zl_txt_tok(const struct zl_txt *t, size_t a, size_t b);

/* Whether a and b hold the same character-strings, so that they are the
 * same record in wire form (RFC 2181 §5: a server keeps one).  Records in
 * RFC 3597 form are never taken for the same. */
bool zl_txt_same(const struct zl_txt *a, const struct zl_txt *b);

/* Index of the part holding joined byte i (the last part when i is at or
 * past the end); 0 when there are no parts. */
size_t zl_txt_part_at(const struct zl_txt *t, size_t i);

/* The first join point strictly inside (a, b): the index k > 0 of a part
 * starting there, or 0 when [a, b) lies within one string. */
size_t zl_txt_join_in(const struct zl_txt *t, size_t a, size_t b);

/* Appends "the strings 'X' and 'Y'" to out, X the end of part k-1 and Y the
 * start of part k (each cut to a few dozen bytes, escaped). */
void zl_txt_describe_join(const struct zl_txt *t, size_t k,
			  struct zl_buf *out);

/* Moves what t holds into a, at its exact size: t then belongs to a and is
 * neither grown nor freed (zl_txt_free) again. */
void zl_txt_to_arena(struct zl_txt *t, struct zl_arena *a);

/* Frees what t holds (not t itself); NULL is a no-op. */
void zl_txt_free(struct zl_txt *t);

#endif
