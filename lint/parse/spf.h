/* spf.h - a parser for one SPF record (RFC 7208 §4.6, §5, §6, §7, §12).
 *
 * The input is the record as a receiver sees it: the TXT character-strings
 * already joined without spaces (RFC 7208 §3.3, see txt.h).  The parser knows
 * nothing of zones or the network; it splits the record into terms, checks
 * each against the ABNF of §12 and the rules of §4.6, §5, §6 and §7, and
 * records the facts the checks need.  Every term and every error carries the
 * byte offset and length inside the record, so a caller can map it back to
 * the zone file.
 *
 * Ownership: zl_spf_parse() fills a caller-provided struct zl_spf whose
 * arrays and messages it allocates; zl_spf_free() releases them (the struct
 * itself stays the caller's).  The record text is not copied: term offsets
 * refer to the caller's buffer. */
#ifndef ZL_SPF_H
#define ZL_SPF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zl_arena;

/* RFC 7208 §4.6.4: at most 10 terms that cause DNS queries. */
#define ZL_SPF_MAX_LOOKUPS 10
/* RFC 7208 §3.4: records should fit a 512-byte UDP answer; 450 bytes of
 * text is the figure the RFC gives. */
#define ZL_SPF_MAX_LEN 450

enum zl_spf_kind {
	ZL_SPF_ALL,
	ZL_SPF_INCLUDE,
	ZL_SPF_A,
	ZL_SPF_MX,
	ZL_SPF_PTR,
	ZL_SPF_IP4,
	ZL_SPF_IP6,
	ZL_SPF_EXISTS,
	ZL_SPF_REDIRECT,	/* modifiers from here on */
	ZL_SPF_EXP,
	ZL_SPF_UNKNOWN_MOD,	/* name=value, ignored by receivers (§6) */
	ZL_SPF_BAD,		/* a term that did not parse */
};

/* A run of bytes in the record: [off, off + len). */
struct zl_spf_span {
	uint32_t off, len;
};

struct zl_spf_term {
	enum zl_spf_kind kind;
	struct zl_spf_span text;	/* the whole term */
	struct zl_spf_span name;	/* mechanism or modifier name */
	struct zl_spf_span value;	/* domain-spec, address or modifier
					   value without ':' '=' and CIDR;
					   len 0 when absent */
	char qualifier;		/* '+' '-' '~' '?' (default '+') */
	bool explicit_qualifier;
	bool has_macro;		/* value holds a macro-expand */
	bool typo;		/* an unknown modifier named like a mechanism
				   ("mx=") or "v=spf1": valid, ignored by
				   receivers, most likely a mistake */
	bool bad;		/* an error lies inside this term */
	/* CIDR lengths: -1 when absent.  ip4 uses cidr4, ip6 cidr6, a and mx
	 * either (dual-cidr-length). */
	int cidr4, cidr6;
	struct zl_spf_span cidr;	/* the whole "/n" or "//n" suffix */
	/* ip4/ip6 mechanisms: the network as written, in network order. */
	uint8_t addr[16];
	bool host_bits;		/* bits set beyond the prefix length */
};

struct zl_spf_error {
	struct zl_spf_span at;
	char *msg;		/* lowercase, no final period; user text in
				   single quotes, escaped */
	const char *hint;	/* what receivers do instead of permerror
				   (static text), or NULL: permerror */
	bool warn;		/* receivers go on: a warning, not an error */
};

struct zl_spf {
	struct zl_spf_term *terms;	/* in record order */
	size_t nterms;
	struct zl_spf_error *errs;	/* in record order */
	size_t nerrs;
	size_t len;		/* bytes in the record */
	int all;		/* index of the first `all`, or -1 */
	int redirect;		/* index of the first redirect=, or -1 */
	int exp;		/* index of the first exp=, or -1 */
	/* Terms that query DNS (include a mx ptr exists, redirect) as a
	 * receiver would evaluate them: mechanisms up to the first `all`,
	 * and redirect only when there is no `all` (§4.6.4, §5.1, §6.1). */
	unsigned lookups;
	unsigned mechs_after_all;	/* mechanisms after `all` (§5.1) */
};

/* Whether s[0..len) is an SPF record: starts with "v=spf1" (ABNF strings
 * are case-insensitive, RFC 5234 §2.3) followed by a space or the end
 * (RFC 7208 §4.5). */
bool zl_spf_is_record(const char *s, size_t len);

/* Parses s[0..len) into out (which need not be initialised).  Never fails:
 * problems become entries of out->errs.  A record that is not SPF at all
 * gives one error at the version.  Free with zl_spf_free(). */
void zl_spf_parse(struct zl_spf *out, const char *s, size_t len);

/* Frees what zl_spf_parse() allocated; NULL is a no-op. */
void zl_spf_free(struct zl_spf *spf);
/* Moves what spf holds into a, at its exact size: spf then belongs to a
 * and is not freed (zl_spf_free) again. */
void zl_spf_to_arena(struct zl_spf *spf, struct zl_arena *a);

/* Whether a term of this kind queries DNS (RFC 7208 §4.6.4). */
bool zl_spf_kind_queries(enum zl_spf_kind kind);

/* The mechanism or modifier name of a kind ("include", "redirect"), or
 * "?" for ZL_SPF_UNKNOWN_MOD and ZL_SPF_BAD. */
const char *zl_spf_kind_str(enum zl_spf_kind kind);

/* Copies term t's literal domain (value) into buf (size n, NUL-terminated)
 * in canonical form: lower case with a final dot.  Returns false when the
 * term has no domain, the domain holds macros, or it does not fit. */
bool zl_spf_domain(const char *rec, const struct zl_spf_term *t, char *buf,
		   size_t n);

#endif
