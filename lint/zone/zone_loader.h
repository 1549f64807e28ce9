/* zone_loader.h - internal to the zone loader: the state of one load,
 * shared by zone_state.c (sources, origin, names, TTLs: what every part
 * reads), zone_load.c (the line loop, entry points), zone_record.c
 * (records), zone_directive.c ($ORIGIN, $TTL, $INCLUDE) and
 * zone_generate.c ($GENERATE).  The uses go one way: zone_load.c uses the
 * others, the directives use zone_generate.c, and all use zone_state.c;
 * the directives read nested text through L->process.  Nothing outside
 * zone_*.c includes this. */
#ifndef ZL_ZONE_LOADER_H
#define ZL_ZONE_LOADER_H

#include "zone.h"
#include "zone_lex.h"

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
	/* The repository root (the first directory up from the zone that
	 * holds .git) relative to root ("": root itself), where a relative
	 * $INCLUDE not found beside its includer is looked for; NULL when the
	 * zone is in no repository or the repository is outside root. */
	char *repo;
	/* zl_load_opts.include_dir relative to the root, or NULL. */
	char *incdir;
	/* The zone's path (or the name shown for a buffer) from which the
	 * first $INCLUDE settles root, repo, incdir and dir[0], calling
	 * include_paths (zone_load.c), which then clears both: most zones
	 * include nothing, and finding the repository costs system calls. */
	const char *paths_of;
	void (*include_paths)(struct loader *L);
	/* Files being read, outermost first: the provider's id (for loops;
	 * NULL for a buffer) and the directory $INCLUDE is relative to, as a
	 * path relative to the root ("": the root itself). */
	char *id[MAX_INCLUDE_DEPTH + 1];
	char *dir[MAX_INCLUDE_DEPTH + 1];
	size_t depth;
	size_t total;			/* bytes read so far */
	uint8_t origin[ZL_NAME_MAXWIRE];	/* current $ORIGIN */
	size_t originlen;		/* 0 until known */
	bool origin_bad;		/* a $ORIGIN could not be read: the
					   origin falls back to the root */
	/* The first SOA record's owner, relative with no origin to read it
	 * against ("example.com", as Cloudflare exports a zone), as the
	 * absolute name it was meant to be: the origin when nothing else
	 * gives one.  "" when there is none. */
	char soa_guess[ZL_NAME_MAXTEXT + 1];
	struct zl_name *prev_owner;	/* for blank owners */
	const struct zl_name *host_owner;	/* the last owner of an address
						   record, checked as a host
						   name (check_names) */
	bool prev_bad;			/* the last owner was unusable */
	bool seen_record;
	bool apex_dollar;		/* the zone's apex is the first
					   $ORIGIN, before any record */
	/* The relative $ORIGIN or $INCLUDE origin that made the current
	 * origin (pointing into its source), or NULL, and which of the two
	 * it is: an SOA it moves off the apex names it. */
	const char *rel_origin, *rel_what;
	size_t rel_originlen;
	bool noted_knotc;		/* ZONE001 for knotc zone-read's
					   "[zone.]" before the records */
	bool noted_indent;		/* ZONE012 for an indented line before
					   the first owner was given */
	bool generating;		/* reading the text of a $GENERATE */
	bool noted_generate;		/* ZONE012 for the first $GENERATE */
	bool include_start;		/* no record yet in the file being
					   read for $INCLUDE */
	const char *after_directive;	/* "$ORIGIN", "$GENERATE" or "$INCLUDE
					   with an origin" when no record has
					   come since it */
	bool have_dollar_ttl, have_last_ttl, have_soa_min;
	bool noted_ttl;			/* ZONE012 for a TTL the servers
					   would each take from elsewhere */
	bool have_bind_ttl;		/* BIND's default without $TTL: the
					   minimum of an SOA without TTL */
	uint32_t bind_ttl;
	/* The types and TTLs of the records at the current owner, while
	 * records follow at it: BIND gives a record without TTL that joins
	 * one of them that one's TTL ("TTL set to prior TTL"). */
	const struct zl_name *run_owner;
	unsigned run_n;
	struct { uint16_t type; uint32_t ttl; } run[16];
	uint32_t dollar_ttl, last_ttl, soa_min;
	/* $TTL as Knot DNS has it: like dollar_ttl, but an included file's
	 * ends with it, where BIND and NSD go on with it (ttl_after_include
	 * says so once after each $INCLUDE). */
	bool knot_has_ttl, knot_ttl_noted;
	uint32_t knot_ttl;
	uint8_t *noted;			/* 65536 bits: the types whose
					   unchecked rdata has been noted;
					   made at the first such record */
	struct zl_buf scratch;
	char *text;			/* the zone file's text until the zone
					   holds it (for loader_abort) */
	enum zl_status st;		/* a failure that ends the load */
	char *err;
	/* The line loop (zone_load.c), for the text a directive reads in
	 * turn: an $INCLUDEd file, the records of a $GENERATE. */
	void (*process)(struct loader *L, uint16_t src);
};

static inline struct zl_tok span(const struct zl_lex_tok *t)
{
	struct zl_tok s = { t->off, t->len };

	return s;
}

static inline const char *text_of(const struct loader *L, uint16_t src,
			   const struct zl_lex_tok *t)
{
	return L->z->srcs[src]->buf + t->off;
}

/* ---- zone_state.c ---- */

/* Adds a source with its line-start table: buf (taken), or the text of
 * `again`, an earlier source of the same file, shared.  Returns its index,
 * or -1 (buf freed) when there are too many sources. */
int zl_ld_add_src(struct zl_zone *z, const char *path, const char *display,
		  char *buf, size_t len, const struct zl_src *again);
/* Ends the load with st and a message (the first failure wins). */
void zl_ld_fail(struct loader *L, enum zl_status st, const char *fmt, ...)
	ZL_PRINTF(3, 4);
/* Makes the current origin known: --origin, else the file name, else the
 * root after a bad $ORIGIN.  Returns false (and ends the load) when none
 * gives one. */
bool zl_ld_origin(struct loader *L);
/* Whether zl_ld_origin would find an origin without failing. */
bool zl_ld_origin_known(const struct loader *L);
/* Sets the zone's origin from the current one if not set yet. */
void zl_ld_fix_origin(struct loader *L);
/* Whether line ln of source src starts with a zone's name in brackets,
 * "[example.com.] ", as knotc zone-read prints each record. */
bool zl_ld_knotc_prefix(const struct loader *L, uint16_t src,
			const struct zl_lex_line *ln);
/* At the first record, ln, when nothing names the zone (no origin
 * given, no $ORIGIN or only `$ORIGIN .`, a file not named like a zone
 * file, example.com.zone, example.com.db or db.example.com): the file's
 * first SOA record names it, ln as files written by named-compilezone,
 * a zone transfer or dig axfr begin, or one after other records and
 * $TTL lines (Google Cloud DNS exports, pdnsutil list-zone).  Its owner
 * becomes the zone's apex, and the origin of relative names when no
 * $ORIGIN set one.  After a first $ORIGIN that named the apex, an SOA
 * as ln one label below it is the apex instead, as NSD writes zones. */
void zl_ld_soa_apex(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln);
/* At the end of a load: the zone's origin, the root when nothing names
 * one, so that nothing downstream sees NULL. */
void zl_ld_final_origin(struct loader *L);
/* Whether a name needs the origin: '@' or no final (unescaped) dot. */
bool zl_ld_relative(const char *s, size_t n);
/* Parses a domain-name token relative to the current origin into wire
 * (ZL_NAME_MAXWIRE bytes).  Returns its length, or 0 after adding a
 * problem. */
size_t zl_ld_name(struct loader *L, uint16_t src, const struct zl_lex_tok *t,
		  uint8_t *wire);
/* Reads a TTL token into *out.  Returns false after reporting one that is
 * not a TTL or does not fit its 32 bits. */
bool zl_ld_ttl(struct loader *L, uint16_t src, const struct zl_lex_tok *t,
	       uint32_t *out);
/* Checks a directive's argument count; reports and returns false if off. */
bool zl_ld_args(struct loader *L, uint16_t src, const struct zl_lex_line *ln,
		size_t min, size_t max, const char *what);
/* A class mnemonic or CLASSnnn (RFC 3597 §5), any case, in a form that
 * some server reads (zl_lex_generic_form: "CLASS+1"). */
bool zl_ld_class(const char *s, size_t n, uint16_t *out);
/* The data class (IN, CS, CH, HS) that token i of ln, no class itself,
 * is a slip of (zl_nearest_max; none when two are as near), where a
 * class may stand (RFC 1035 §5.1): followed by the type, or by a TTL and
 * then the type unless ttl says a TTL came before it; *type is then that
 * type.  0 when it is no slip of a class or no type follows: then it may
 * be one of a type. */
uint16_t zl_ld_class_slip(const struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln, size_t i, bool ttl,
			  uint16_t *type);
/* The mnemonic of class k, or CLASSnnn written into buf. */
const char *zl_ld_class_name(uint16_t k, char *buf, size_t sz);

/* ---- zone_record.c ---- */

/* Loads the record on line ln of source src, or reports why not. */
void zl_ld_record(struct loader *L, uint16_t src, const struct zl_lex_line *ln);

/* ---- zone_directive.c ---- */

/* Runs the directive on line ln ($ORIGIN, $TTL, $INCLUDE, $GENERATE), or
 * reports an unknown one. */
void zl_ld_directive(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln);
/* Frees what the load remembers of the files read for $INCLUDE. */
void zl_ld_seen_free(struct loader *L);
/* Whether Knot DNS ignores directive line ln of source src, without a
 * word: the input ends in it, unfinished, after a backslash that escapes
 * nothing (ln->eof_bs) or inside a '(' on the file's last line, which no
 * line break ends. */
bool zl_ld_knot_skips(const struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln);

/* ---- zone_generate.c ---- */

/* Runs $GENERATE range owner [ttl] [class] type rdata: writes the records
 * as the text of a source of their own and reads them, or reports what
 * is wrong at its place in the directive.  The first record that cannot
 * be loaded ends the directive: one problem, not one per value. */
void zl_ld_generate(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln);
/* Of the problems from first on, those of one record a $GENERATE wrote:
 * drops each that only Knot DNS or NSD refuse (they refuse $GENERATE
 * itself) or that an earlier record of the directive gave, the same at
 * the same place of its template: one finding per directive. */
void zl_ld_gen_prune(struct loader *L, size_t first);

#endif
