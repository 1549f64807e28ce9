/* zone_lex.h - internal to the zone loader: the master-file tokenizer
 * (zone_lex.c), domain-name and rdata conversion (zone_rdata.c, with
 * zone_conv.h's converters of strings and RFC 3597 data) and what
 * zone_load.c hands them.  Nothing outside zone_*.c includes this.
 *
 * The tokenizer works over a whole buffer by offset and length; it never
 * relies on NUL termination and never allocates per token.  Tokens point into
 * the buffer; the lexer owns only its token vectors, reused for every line.
 * Comments are tokens too, kept apart from the fields: the record parser
 * never sees them, and suppression comments are read from them
 * (suppress.c), so that quoting is decided in one place. */
#ifndef ZL_ZONE_LEX_H
#define ZL_ZONE_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"
#include "zone.h"

/* Bytes in one token: the longest that can hold rdata of 65535 bytes,
 * each written \DDD, in quotes.  One base64 or hex field of a large key
 * or RFC 3597 data is one token, as every server reads it. */
#define ZL_LEX_MAXTOKLEN (4 * 65535 + 2)
#define ZL_LEX_MAXRDTOKS 65535		/* rdata tokens in one record */
#define ZL_LEX_MAXDEPTH 1024		/* nesting of '(' */
/* Owner, TTL, class and type come before the rdata tokens. */
#define ZL_LEX_MAXTOKS (ZL_LEX_MAXRDTOKS + 4)

#define ZL_NAME_MAXWIRE 255		/* RFC 1035 §2.3.4 */
#define ZL_NAME_MAXTEXT (ZL_NAME_MAXWIRE * 4 + 2)	/* all \DDD, plus '.' */

struct zl_lex_tok {
	uint32_t off, len;	/* a quoted token includes its quotes */
	bool quoted;
};

struct zl_lexer {
	const char *buf;
	size_t len, pos;
	bool has_nul;			/* buf holds a NUL byte */
	struct zl_lex_tok *toks;	/* owned: the current line's tokens */
	size_t ntoks, cap;
	struct zl_tok *cmts;		/* owned: the current line's comments */
	size_t ncmts, capcmts;
	uint32_t open[ZL_LEX_MAXDEPTH];	/* offsets of the open '(' */
	/* The '(' known to stay unclosed until end of input, in file order,
	 * found by the last scan that reached the end inside parentheses.
	 * Later records that open one of them fail at once instead of
	 * scanning to the end again, which keeps recovery linear. */
	uint32_t unclosed[ZL_LEX_MAXDEPTH];
	size_t nunclosed, iunclosed;
	char warn[128];			/* a warning of the line, when made */
	bool cr_noted;			/* a CR outside quotes and comments
					   has been warned of, */
	size_t cr_off;			/* this one */
};

/* One logical line: a record or a directive, parentheses joined. */
/* The kinds of portability note the lexer makes, each once per line: a
 * string across line breaks, an escaped line break, nested parentheses,
 * '(' first, a CR line break and the three ZL_LEX_UNBLANKED ones. */
#define ZL_LEX_MAXWARN 8
/* The refused bits of what Knot DNS refuses, and NSD too unless the
 * record is TXT or SPF: no blank between a quoted string and what
 * follows it, or a quote right after a word (zone_load.c sorts it out
 * and names the servers). */
#define ZL_LEX_UNBLANKED 0x80

struct zl_lex_line {
	const struct zl_lex_tok *toks;	/* owned by the lexer; after an
					   error, those read before it */
	size_t ntoks;
	/* The comments of the line, in order: each from its ';' to the end
	 * of its physical line, without the line break (CR LF's CR
	 * included).  Owned by the lexer; also after an error. */
	const struct zl_tok *comments;
	size_t ncomments;
	uint32_t start;		/* first byte of the first physical line */
	uint32_t end;		/* one past the last token or parenthesis */
	bool blank;		/* starts with a space or tab: no owner */
	const char *err_cat;	/* NULL, or the category of the problem */
	char err_msg[96];	/* the problem (the line is then unusable) */
	struct zl_tok err_at;
	bool unclosed;		/* the problem is a '(' never closed: the
				   lines after it are read again */
	uint32_t eof_open;	/* one past the '(' that the input ends
				   inside, when no field follows the line
				   of the first one (NSD reads the line to
				   the end; zone_load.c decides), else 0 */
	bool eof_bs;		/* the input's last byte is a backslash
				   that escapes nothing, taken off the end
				   of the line's last token (as NSD reads
				   it; zone_load.c says what the others
				   do) */
	/* What the line holds that RFC 1035 allows but some servers
	 * refuse (the line is read all the same), each kind once, in the
	 * order met: nwarns of them. */
	struct zl_lex_warn {
		const char *msg;
		struct zl_tok at;
		uint8_t refused;	/* the servers that refuse it
					   (ZL_NOT_*) */
	} warns[ZL_LEX_MAXWARN];
	size_t nwarns;
};

/* Starts lexing buf[0..len); the lexer keeps pointers into buf. */
void zl_lex_init(struct zl_lexer *lx, const char *buf, size_t len);
/* Frees the token vectors (not the buffer). */
void zl_lex_free(struct zl_lexer *lx);
/* Reads the next logical line into *out (valid until the next call).
 * Returns false at end of input.  Lines without tokens are returned too
 * (ntoks == 0) so the caller sees every line. */
bool zl_lex_next(struct zl_lexer *lx, struct zl_lex_line *out);

/* Whether Knot DNS ignores, without a word, the line of buf[0..len) that
 * holds byte off: the input's last line, no line break after it, with a
 * field and a CR outside a comment.  It then loads the zone without that
 * line's record, and reports nothing of it, where a CR elsewhere makes it
 * refuse the zone. */
bool zl_lex_knot_drops(const char *buf, size_t len, size_t off);
/* Whether Knot DNS reports nothing of what it refuses at byte off of
 * buf[0..len): the input's last line, no line break after it, with a CR
 * anywhere, in a comment too (its error recovery reads on to the end of
 * the line, which the input ends inside).  It loads the zone without the
 * line's record. */
bool zl_lex_knot_mutes(const char *buf, size_t len, size_t off);

/* Parses the number of an RFC 3597 §5 generic mnemonic (TYPEnnn,
 * CLASSnnn) after its prefix of `prefix` bytes: decimal, 0..65535. */
bool zl_lex_generic_num(const char *s, size_t n, size_t prefix,
			uint16_t *out);
/* The servers that refuse the number of a generic mnemonic written as
 * s[prefix..n) (ZL_NOT_* bits): 0 for decimal of five digits at most;
 * BIND reads five characters at most with strtoul(3), a sign too
 * ("TYPE+1", "CLASS-0"), Knot DNS and NSD any number of digits and no
 * sign ("TYPE000001").  All three when none reads it; else the number is
 * in *out. */
unsigned zl_lex_generic_form(const char *s, size_t n, size_t prefix,
			     uint16_t *out);
/* Why the servers of a zl_lex_generic_form() result other than 0 and all
 * three refuse the form, said after the mnemonic in a message: "written
 * with a sign", "of more than five digits". */
const char *zl_lex_generic_how(unsigned not);

/* Parses a TTL or period in RFC 1035 / BIND syntax: decimal seconds or
 * number-unit pairs (1h30m, 2d, 1W; units s m h d w, any case).  Returns 0
 * and *out, -1 on bad syntax, -2 when the value exceeds max (*out then holds
 * the value, saturated at UINT64_MAX). */
int zl_ttl_parse(const char *s, size_t n, uint64_t max, uint64_t *out);


/* ---- domain names (zone_name.c) ---- */

/* Converts presentation text s[0..n) to an absolute wire name in wire
 * (ZL_NAME_MAXWIRE bytes).  '@' alone is origin; relative names get origin
 * (a wire name) appended.  Returns the wire length, or 0 with *cat and msg
 * (msgsz bytes) describing the problem. */
size_t zl_name_from_text(const char *s, size_t n, const uint8_t *origin,
			 size_t originlen, uint8_t *wire, const char **cat,
			 char *msg, size_t msgsz);
/* zl_name_from_text for the name token s[0..n) at `at` of source src of
 * z, where it stands in a record or directive, and zl_name_note_raw once
 * read.  What BIND alone refuses is read as Knot DNS reads it and noted
 * (ZONE012), unless $GENERATE wrote src: an escape \DDD above 255 (the
 * value mod 256; NSD reads the digits) and a backslash that escapes the
 * line break after the token, when the next line holds no field (a byte
 * 10 ending the name), and a backslash before a CR (byte 13).  Before a
 * field that backslash is a problem saying how Knot DNS and NSD read
 * on.  mailbox: the name is a mailbox (an SOA's RNAME, RP's, MINFO's),
 * for the note's fix. */
size_t zl_name_from_zone(struct zl_zone *z, uint16_t src, struct zl_tok at,
			 const char *s, size_t n, const uint8_t *origin,
			 size_t originlen, uint8_t *wire, const char **cat,
			 char *msg, size_t msgsz, bool mailbox);
/* The wire form that zl_name_from_zone reads of the name token s[0..n)
 * of source src, without a note or a message: for a name read before
 * its record is (an SOA owner that names the zone).  0 where
 * zl_name_from_zone reports a problem. */
size_t zl_name_read(const struct zl_zone *z, uint16_t src, const char *s,
		    size_t n, const uint8_t *origin, size_t originlen,
		    uint8_t *wire);
/* Where the name text s[0..n) holds its first byte other than a letter,
 * a digit, '*', '-', '_', '/' and '.' as itself, not escaped (a byte
 * above 0x7f, or '=' '+' '@' and the like); n when it holds none, and for
 * the name "@".  RFC 1035 and 2181 allow it, and BIND and NSD read it,
 * but Knot DNS refuses the zone. */
size_t zl_name_raw_at(const char *s, size_t n);
/* Whether NSD refuses the word s[0..n) (a name, or a string out of
 * quotes): its lexer takes a label '@' of a longer word for the origin
 * and a label '\\#' for RFC 3597's marker, and refuses the zone. */
bool zl_name_nsd_refuses(const char *s, size_t n);
/* Notes such a byte of the name token s[0..n) at `at` of source src as a
 * problem of category "portable" (ZONE012), unless $GENERATE wrote src;
 * so too a label '@' of a longer name or a label '\#', which NSD
 * refuses.  In a mailbox (mailbox true) an '@' in the first label is the
 * address's, and the fix a dot for it rather than its escape. */
void zl_name_note_raw(struct zl_zone *z, uint16_t src, struct zl_tok at,
		      const char *s, size_t n, bool mailbox);
/* Writes the canonical text of an uncompressed wire name to text
 * (ZL_NAME_MAXTEXT bytes, NUL-terminated); returns its length. */
size_t zl_name_to_text(const uint8_t *wire, char *text);
/* Interns the name with wire form wire (canonical text computed here). */
struct zl_name *zl_name_intern_wire(struct zl_zone *z, const uint8_t *wire);

/* Sets z->origin and recomputes every interned name's in_zone
 * (zone_index.c). */
void zl_zone_set_origin(struct zl_zone *z, struct zl_name *origin);

/* ---- record types (zone_types.c) ---- */

/* Field types beyond ldns's (ldns_rdf_type stops at 40): fields whose form
 * depends on another field, converted in zone_rdata.c. */
enum {
	ZL_FT_GWTYPE = 64,	/* IPSECKEY gateway type: 0..3 */
	ZL_FT_GATEWAY,		/* IPSECKEY gateway, AMTRELAY relay: ".", an
				   address or a name, by the type in field 1 */
	ZL_FT_AMTTYPE,		/* AMTRELAY D-bit and relay type: two tokens,
				   one byte */
	ZL_FT_B64DASH,		/* DOA data: base64, or "-" for none */
	ZL_FT_DSCHEME,		/* DSYNC scheme: 0..255 or its mnemonic */
	ZL_FT_KEYFLAGS,		/* KEY, DNSKEY flags: 0..65535, or as BIND
				   reads them */
	ZL_FT_KEYPROTO,		/* KEY, DNSKEY protocol: 0..255, or BIND's
				   mnemonic */
};

/* How a type's rdata is written. */
enum {
	ZL_FORM_FIELDS,		/* the fields below */
	ZL_FORM_OPAQUE,		/* a format zonelint does not implement: the
				   rdata is kept unchecked */
	ZL_FORM_GENERIC,	/* only as RFC 3597 \# (NULL) */
	ZL_FORM_META,		/* never in a zone (OPT, the query types) */
	ZL_FORM_OBSOLETE,	/* refused by servers (MD, MF: RFC 973) */
	ZL_FORM_TEXT,		/* read from text by a converter of its own
				   (zl_conv_old: A6, NXT); RFC 3597 data is
				   kept whole */
};

/* One type of the IANA "Resource Record (RR) TYPEs" registry. */
struct zl_rrtype {
	const char *name;	/* mnemonic */
	uint16_t type;
	uint16_t wire;		/* the type whose ldns wire layout decodes
				   this one's RFC 3597 rdata; 0: none */
	uint8_t min, max;	/* fields required, fields listed */
	uint8_t repeat;		/* type of the fields after max (TXT's
				   strings), or 0 */
	uint8_t form;		/* ZL_FORM_* */
	uint8_t field[9];	/* ldns_rdf_type or ZL_FT_* */
};

/* Servers that do not know a type's mnemonic (zl_type_unknown_to). */
enum { ZL_NOT_BIND = 1, ZL_NOT_KNOT = 2, ZL_NOT_NSD = 4 };
/* With ZL_NOT_BIND, of a zone's problem: BIND refuses it through
 * check-names, which "ignore" turns off and "warn" does not (an NSEC3
 * owner that is no hash). */
#define ZL_BIND_NAMES 8u
/* With ZL_NOT_KNOT, of a zone's problem: Knot DNS refuses the zone for
 * it though it is on a line whose errors it does not report
 * (zl_lex_knot_mutes): at the end of the input (a '(' never closed), or
 * for what a line it ignores leaves out (the SOA). */
#define ZL_KNOT_FATAL 16u
/* Which of BIND, Knot DNS and NSD refuse type written as its mnemonic
 * (ZL_NOT_* bits); all of them read it as TYPEnnn. */
unsigned zl_type_unknown_to(uint16_t type);
/* zl_type_parse(), and a TYPEnnn form that some server reads: returns
 * the servers that refuse the form (zl_lex_generic_form(); 0 for a
 * mnemonic or plain TYPEnnn, all three when s is no type at all). */
unsigned zl_type_form(const char *s, size_t n, uint16_t *out);
/* Whether s[0..n) writes a type by its number: TYPE, then a digit or a
 * sign (zl_type_form). */
bool zl_type_numeric(const char *s, size_t n);
/* The servers of mask (ZL_NOT_* bits) named in a message: "BIND", "Knot
 * DNS and NSD", ... */
const char *zl_servers_str(unsigned mask);
/* The same with its verb: "BIND refuses", "BIND and NSD refuse". */
const char *zl_servers_refuse(unsigned mask);

/* The registry's entry for type, or NULL for an unassigned number. */
const struct zl_rrtype *zl_rrtype_find(uint16_t type);
/* The type of field f (0-based) of t's rdata. */
uint8_t zl_rrtype_field(const struct zl_rrtype *t, size_t f);

/* ---- presentation formats of single fields (zone_fields.c,
 * zone_svcb.c) ---- */

/* The text of token t of buf: a quoted token without its quotes. */
static inline const char *zl_lex_text(const char *buf,
				      const struct zl_lex_tok *t, size_t *n)
{
	*n = t->quoted ? t->len - 2 : t->len;
	return buf + t->off + t->quoted;
}

/* What a field parser found wrong: at token tok of those it was given. */
struct zl_ferr {
	size_t tok;
	const char *cat;	/* "syntax" or "range"; "portable" for what
				   was read though some servers refuse it */
	uint8_t refused;	/* with "portable": those servers (ZL_NOT_*) */
	char msg[192];		/* read after the type: "LOC latitude ..." */
};

/* Fills e for what the servers of refused (ZL_NOT_* bits) refuse and the
 * others read, category "portable": the field is taken, the problem
 * noted.  When e already holds such a note, adds the servers to it.
 * Returns true. */
bool zl_ferr_refused(struct zl_ferr *e, size_t tok, unsigned refused,
		     const char *fmt, ...) ZL_PRINTF(4, 5);

/* A field parser reads tokens t[0..n) of buf, appends the field's wire form
 * to out and returns true; or returns false with *e filled in.  A parser
 * that reads something some servers refuse may fill in *e, category
 * "portable", and return true: e->cat is NULL before the call. */
typedef bool zl_field_fn(const char *buf, const struct zl_lex_tok *t,
			 size_t n, struct zl_buf *out, struct zl_ferr *e);

zl_field_fn zl_field_atma;	/* ATMA address (one token) */
zl_field_fn zl_field_nsap;	/* NSAP address, RFC 1706 §5 (one token) */
zl_field_fn zl_field_eui48;	/* RFC 7043 §3.2 (one token) */
zl_field_fn zl_field_eui64;	/* RFC 7043 §4.2 (one token) */
zl_field_fn zl_field_nsec3_next;	/* RFC 5155 §3.3 (one token) */
/* Whether s[0..len) is a hash in unpadded base32hex, a whole number of
 * octets, as the first label of an NSEC3 owner is (RFC 5155 §3): 1 when
 * it is, 0 when it is not, -1 when it is but its last digit sets bits
 * past the last octet (RFC 4648 §3.5 has them zero). */
int zl_b32hex_hash(const char *s, size_t len);
zl_field_fn zl_field_loc;	/* RFC 1876 §3 (the whole rdata) */
zl_field_fn zl_field_caa_tag;	/* RFC 8659 §4.1.1 (one token) */
/* Whether the algorithm and HIT of a HIP record (tokens t[0..n)) are
 * well formed; false with *e filled in when they are not (or missing). */
bool zl_field_hip_check(const char *buf, const struct zl_lex_tok *t,
			size_t n, struct zl_ferr *e);
zl_field_fn zl_field_apl;	/* one APL item, RFC 3123 §5 (one token) */
zl_field_fn zl_field_svcparams;	/* SvcParams, RFC 9460 §2.1 (the rest) */
/* Whether p[0..n) is SvcParams in wire form as BIND reads them (RFC 9460
 * §2.2): keys in rising order, each value whole and, for a key of RFC
 * 9460, in that key's wire form; the keys mandatory lists given. */
bool zl_svcparams_wire_ok(const uint8_t *p, size_t n);
/* What BIND refuses, Knot DNS and NSD load, in SvcParams p[0..n) that
 * zl_svcparams_wire_ok() takes: a dohpath that is no URI template with a
 * dns variable (RFC 9461 §5), no-default-alpn without alpn (RFC 9460
 * §7.1.1).  A phrase after "SVCB parameters", or NULL. */
const char *zl_svcparams_bind_flaw(const uint8_t *p, size_t n);
/* What BIND finds wrong with the NAPTR regexp field s[0..n) (RFC 3403
 * §3.2, without its length byte): its delimiters and flags, and the
 * POSIX extended regular expression and back-references of the
 * substitution; a static phrase, or NULL when BIND reads it
 * (zone_regex.c). */
const char *zl_naptr_regexp_flaw(const uint8_t *s, size_t n);

/* Checks the digest of a DS, CDS, TA, DLV, SSHFP or ZONEMD record (rdf,
 * nrdf fields) against the length its digest type fixes, and the length
 * of a LOC record's RFC 3597 data and of an NSEC3 next hashed owner; on
 * a mismatch, which BIND refuses, returns false with *field the field's
 * index and *e the problem ("portable", ZL_NOT_BIND). */
bool zl_field_digest(uint16_t type, const struct zl_rdf *rdf, size_t nrdf,
		     size_t *field, struct zl_ferr *e);

/* Reads one escape (RFC 1035 §5.1: \X or \DDD) at s[i] == '\\'; stores
 * the byte in *out and returns the bytes consumed, 0 if malformed. */
size_t zl_unescape(const char *s, size_t n, size_t i, uint8_t *out);
/* The digits of the escape at s[i] == '\\' when it is a \DDD of fewer
 * than three (\2, \25: before another character or the end), their
 * value in *v: zl_unescape refuses it, as BIND and Knot DNS do, and NSD
 * reads the digits as themselves.  0 for any other escape. */
size_t zl_escape_short(const char *s, size_t n, size_t i, unsigned *v);

/* 1 when s[0..n) is a number with a sign before its digits, else 0:
 * where the digits start.  NSD 4 reads most numbers with strtol(3),
 * which takes a '+' ("+10") and a '-' before a zero ("-0", the number 0;
 * another it wraps, as "-1" to 65535); BIND and Knot DNS want the digits
 * alone and refuse the zone. */
static inline size_t zl_number_sign(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || (s[0] != '+' && s[0] != '-'))
		return 0;
	for (i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9' || (s[0] == '-' && s[i] != '0'))
			return 0;
	return 1;
}

/* Notes what the servers refuse of the apex's NSEC3PARAM, CDS and
 * CDNSKEY RRsets when the zone z, loaded, has an origin (zone_apex.c). */
void zl_zone_apex_checks(struct zl_zone *z);

/* ---- rdata (zone_rdata.c, zone_string.c, zone_generic.c) ---- */

/* One record's rdata as zone_load.c found it. */
struct zl_rdata_in {
	uint16_t src;
	uint16_t type;
	const struct zl_rrtype *rt;	/* zl_rrtype_find(type) */
	struct zl_tok type_tok;
	const struct zl_lex_tok *toks;	/* the rdata tokens */
	size_t ntoks;
	const uint8_t *origin;	/* current $ORIGIN, wire form */
	size_t originlen;
};

/* Converts the rdata fields into rr->rdf/nrdf (arena) and sets
 * ZL_RR_GENERIC for RFC 3597 rdata.  Returns false after adding a problem
 * at the offending token.  scratch is reusable working space. */
bool zl_rdata_convert(struct zl_zone *z, const struct zl_rdata_in *in,
		      struct zl_rr *rr, struct zl_buf *scratch);

/* Text of a token clipped for messages: use with "%.*s%s".  The clip
 * does not split an escape (\X, \DDD) or a UTF-8 character, written as
 * itself or as the escapes of its bytes (\195\169). */
#define ZL_CLIP 64
#define ZL_TOKARGS(p, n) zl_clip_len((p), (n)), (p), \
	((n) > ZL_CLIP ? "..." : "")
/* How many bytes of s[0..n) ZL_TOKARGS shows. */
int zl_clip_len(const char *s, size_t n);

#endif
