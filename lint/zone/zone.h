/* zone.h - the zone model: source files, records with token spans, and the
 * owner-name index that relational checks use.
 *
 * One zone owns everything below it: the source buffers, the records, the
 * tokens, the names and the load problems, freed together by zl_zone_free().
 * Positions are kept as byte offsets into a source buffer; line and column
 * are computed on demand (zl_zone_loc), which keeps records small. */
#ifndef ZL_ZONE_H
#define ZL_ZONE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "util.h"
#include "zonelint.h"

#define ZL_NONE UINT32_MAX

/* A run of bytes in one source buffer. */
struct zl_tok {
	uint32_t off, len;
};

/* An rdata token as a record keeps it: its offset from the record's
 * first byte and its length, 4 bytes.  A record with a token beyond
 * their reach (ZL_RR_WIDE) keeps its tokens whole in zone->wtoks.
 * zl_rr_tok() gives either as a zl_tok. */
struct zl_rtok {
	uint16_t off, len;
};

/* One file read into memory (the zone file or an $INCLUDE'd file). */
struct zl_src {
	char *path;		/* as opened */
	char *display;		/* as shown in diagnostics */
	char *buf;		/* whole contents, NUL-terminated */
	size_t len;
	uint32_t *lines;	/* nmarks line starts, the marks: every
				   ZL_LINE_STEP-th line and the first line
				   ZL_MARK_BYTES past the mark before
				   (zl_src_line) */
	uint32_t *mark_line;	/* the number of each mark's line */
	size_t nmarks;
	size_t nlines;		/* lines in all */
	bool shared;		/* a file read again: buf and lines belong
				   to the source that read it first */
	/* A file an $INCLUDE read (included): the file name of that
	 * directive, in source inc_src. */
	bool included;
	uint16_t inc_src;
	struct zl_tok inc_at;
	/* Text a $GENERATE wrote (gen_parts non-NULL): gen_count lines of
	 * gen_nparts parts each (owner, TTL, class, type, rdata as
	 * written); part j of line l starts at gen_starts[l * gen_nparts +
	 * j] and stands for the template token gen_parts[j] of source
	 * gen_src.  Positions in it are shown at the directive
	 * (zl_zone_loc). */
	uint16_t gen_src;
	struct zl_tok gen_at;	/* the directive's "$GENERATE" in gen_src */
	struct zl_tok *gen_parts;
	uint32_t *gen_starts;
	size_t gen_nparts, gen_count;
};

/* One rdata field in wire form: 16 bytes.  A domain name is kept
 * interned, its wire form not kept (zl_rdf_name); other fields keep their
 * bytes (zl_rdf_data), up to 8 of them in the field itself, except the
 * strings of TXT and SPF records, which are read from the source.
 * zl_rdf_wire() makes the wire form of any. */
enum { ZL_RDF_BYTES, ZL_RDF_NAME, ZL_RDF_INLINE };

struct zl_rdf {
	union {
		const uint8_t *bytes;	/* ZL_RDF_BYTES: in the zone arena,
					   or NULL */
		struct zl_name *dname;	/* ZL_RDF_NAME: interned, absolute */
		uint8_t in[8];		/* ZL_RDF_INLINE: len bytes */
	} v;
	uint16_t tok;		/* first source token, counted from the
				   record's first rdata token (zl_rr.tok) */
	uint16_t ntok;		/* tokens this field was made from */
	uint16_t len;		/* bytes of the wire form */
	uint8_t type;		/* ldns_rdf_type */
	uint8_t form;		/* ZL_RDF_* */
};

/* The interned name of a domain-name field, NULL for any other. */
static inline struct zl_name *zl_rdf_name(const struct zl_rdf *f)
{
	return f->form == ZL_RDF_NAME ? f->v.dname : NULL;
}

/* The kept wire bytes of a field, NULL for a name and for the strings of
 * TXT and SPF records. */
static inline const uint8_t *zl_rdf_data(const struct zl_rdf *f)
{
	return f->form == ZL_RDF_INLINE ? f->v.in :
	       f->form == ZL_RDF_BYTES ? f->v.bytes : NULL;
}

enum {
	ZL_RR_GENERIC = 1 << 0,	/* written in RFC 3597 \# form */
	ZL_RR_TTL_IMPLICIT = 1 << 1,	/* TTL came from $TTL or the previous RR */
	ZL_RR_OWNER_BLANK = 1 << 2,	/* owner field left blank */
	ZL_RR_UNCHECKED = 1 << 3,	/* rdata in a format zonelint does not
					   read: kept as written, nrdf 0 (or
					   one opaque field for \#) */
	ZL_RR_WIDE = 1 << 4,	/* rdata tokens in zone->wtoks */
	ZL_RR_TTL_SOA_MIN = 1 << 5,	/* TTL implicit, no $TTL before it:
					   BIND's, the SOA minimum (Knot DNS
					   and NSD give 3600) */
};

/* BIND holds an RRset of at most this many bytes, each record its rdata
 * and 2 bytes ("ran out of space" otherwise): one record of 65510 bytes,
 * whatever its owner.  A set of fewer than ZL_RRSET_SUMMED records goes
 * over only with a record of more than ZL_RDATA_BIG bytes. */
#define ZL_RRSET_BIND_MAX 65512
#define ZL_RRSET_SUMMED 32
#define ZL_RDATA_BIG (ZL_RRSET_BIND_MAX / ZL_RRSET_SUMMED - 2)

/* Which of a record's tokens before its rdata (zl_rr_hdr). */
enum zl_hdr { ZL_HDR_OWNER, ZL_HDR_TTL, ZL_HDR_CLASS, ZL_HDR_TYPE };

/* One record that loaded without error: 48 bytes.  Of the tokens before
 * its rdata it keeps the owner's length; zl_rr_hdr() finds the others
 * again in its text, for the few findings that point at them. */
struct zl_rr {
	struct zl_name *owner;
	struct zl_rdf *rdf;	/* nrdf fields, in the arena */
	uint32_t next;		/* next record of the same RRset or ZL_NONE */
	uint32_t ttl;
	uint32_t tok;		/* first rdata token in zone->toks (or
				   wtoks): zl_rr_tok() */
	struct zl_tok text;	/* the whole record, first to last byte */
	uint16_t ntok;		/* rdata tokens */
	uint16_t nrdf;
	uint16_t type;
	uint16_t src;		/* index into zone->srcs */
	uint16_t owner_len;	/* the owner token's, when it starts at
				   text.off; 0 when it does not, or is
				   blank (ZL_RR_OWNER_BLANK) */
	uint8_t flags;
};
/* All records of one type at one name, in file order: 16 bytes.  While
 * the zone loads, first is the last record added and that record's next
 * the first, a ring that zl_zone_end_load() opens. */
struct zl_rrset {
	struct zl_rrset *next;	/* next type at the same name */
	uint32_t first;		/* record index (ZL_NONE-terminated list) */
	uint16_t count;		/* at most MAX_RR_PER_NAME */
	uint16_t type;
};

/* How the rdata of records in the zone refer to a name (zl_name.refs). */
enum {
	ZL_REF_MX = 1 << 0,	/* an MX exchange */
	ZL_REF_NS = 1 << 1,	/* an NS host */
	ZL_REF_CNAME = 1 << 2,	/* a CNAME or DNAME target */
	ZL_REF_SRV = 1 << 3,	/* an SRV target */
	ZL_REF_OTHER = 1 << 4,	/* any other name field */
};

/* An owner name, or a name referenced from rdata (then it may have no
 * records): 23 bytes and the text.  Its first RRset is kept in it, as
 * most owners have one type; zl_name_sets() lists them. */
struct zl_name {
	struct zl_rrset set0;	/* count 0: the name has no records here */
	uint32_t id;		/* 0 .. zone->nnames - 1, in intern order */
	unsigned len : 10;	/* strlen(text), at most ZL_NAME_MAXTEXT */
	unsigned refs : 5;	/* ZL_REF_* bits */
	bool noted : 1;		/* the loader has reported the name: outside
				   the zone, or over MAX_RR_PER_NAME */
	bool in_zone : 1;	/* at or below the origin */
	bool below_cut : 1;	/* at or below an NS RRset other than the
				   apex, the child zone's data (RFC 1034
				   §4.2.1), or strictly below a DNAME,
				   answered by the DNAME's target (RFC 6672
				   §2.3): not served from here; set when
				   loading ends */
	bool cut_known : 1;	/* below_cut has been computed */
	char text[];		/* canonical: absolute, lower case, RFC 1035
				   presentation with escapes, ends in '.';
				   kept inline, where the hash lookup that
				   compares it has already brought the rest */
};

/* The name's RRsets, linked by next; NULL when it has no records here. */
static inline const struct zl_rrset *zl_name_sets(const struct zl_name *n)
{
	return n->set0.count ? &n->set0 : NULL;
}

/* A record that could not be loaded, or a directive that failed. */
struct zl_problem {
	const char *category;	/* "syntax", "range", "include" */
	const char *message;	/* in the arena, escaped */
	const char *help;	/* what to do about it (static text), or
				   NULL */
	uint16_t src;
	uint8_t refused;	/* the servers that refuse the zone over it,
				   though it can be read (ZL_NOT_* bits of
				   zone_lex.h): ZONE012 and its kin */
	struct zl_tok at;
};

/* A record the loader reported as a problem and did not keep: its owner,
 * and its type (0: the type was not read; ZL_TYPE_OTHER: a word that is
 * no type zonelint knows, nor a slip of one).  The zone has lost it; the
 * rules that need records of that type at that name do not judge them
 * (eval.c). */
#define ZL_TYPE_OTHER 65535	/* reserved in the registry (RFC 6895) */
struct zl_lost {
	const struct zl_name *owner;
	uint16_t type;
};

/* A comment of a source, as the lexer found it: from its ';' to the end
 * of its line, without the line break.  The zone keeps them, per source in
 * file order, for suppression comments (suppress.c). */
struct zl_comment {
	uint16_t src;
	struct zl_tok at;
};

struct zl_zone {
	struct zl_name *origin;
	struct zl_src **srcs;
	size_t nsrcs;
	struct zl_rr *rrs;
	size_t nrrs, caprrs;
	struct zl_rtok *toks;	/* the records' rdata tokens */
	size_t ntoks, captoks;
	struct zl_tok *wtoks;	/* those of ZL_RR_WIDE records */
	size_t nwtoks, capwtoks;
	/* The names, one after another in intern order, in blocks that
	 * double from 256 bytes to 512 KiB (zone_index.c). */
	char **nblocks;
	size_t nnblocks, nblockused;	/* bytes used in the last block */
	/* The name index: open addressing with linear probing in Robin Hood
	 * order, a power of two of slots, at most 7/8 full.  A slot holds a
	 * name's hash in its high 32 bits and where the name is in the low
	 * (0: empty), so a probe reads no name whose hash does not match. */
	uint64_t *htab;
	size_t hcap, nnames;
	size_t nnssets;		/* NS RRsets, at the apex and below */
	size_t ndnames;		/* DNAME RRsets */
	size_t nwild;		/* RRsets at wildcard names ("*.") */
	size_t nbig;		/* records of more than ZL_RDATA_BIG bytes of
				   rdata (zl_zone_rrset_sizes sums the RRsets
				   BIND may not hold) */
	/* In a zone with wildcards, the names below the apex that exist
	 * (with records, or names with records below them) and the parents
	 * of wildcards, as keys chained label by label (the ancestors'
	 * texts could take the square of the zone's): open addressing, a
	 * power of two of slots, at most half full, 0 empty. */
	uint64_t *nts;
	size_t ntcap, nnts;
	struct zl_problem *probs;
	size_t nprobs, capprobs;
	struct zl_lost *lost;
	size_t nlost, caplost;
	bool lost_unread;	/* an $INCLUDE not read: records at any name
				   of the zone may be lost */
	struct zl_comment *comments;	/* in the order read */
	size_t ncomments, capcomments;
	unsigned served_unsigned;	/* zl_load_opts.served_unsigned */
	bool serial_own;		/* zl_load_opts.serial_own */
	uint16_t klass;		/* of its records (RFC 1035 §5.2); 0 before
				   the first */
	struct zl_arena arena;
};

/* Field i of rr in wire form: its data, or for a field whose data is not
 * kept (zl_rdf.data NULL) its name or string made again into scratch
 * (f->len bytes, valid until scratch is used again). */
const uint8_t *zl_rdf_wire(const struct zl_zone *z, const struct zl_rr *rr,
			   unsigned i, struct zl_buf *scratch);

/* ---- index (zone_index.c) ---- */

/* Finds a name by canonical text (any case, absolute with final dot).
 * Returns NULL when the zone neither owns nor references it. */
struct zl_name *zl_zone_lookup(const struct zl_zone *z, const char *text);
/* zl_zone_lookup of prefix + text ("_dmarc." + "example.com."), without
 * allocating. */
struct zl_name *zl_zone_lookup2(const struct zl_zone *z, const char *prefix,
			       const char *text);
/* Interns a canonical name (text must already be canonical). */
struct zl_name *zl_zone_intern(struct zl_zone *z, const char *text, size_t len);
/* Makes room in the name index for n names, so that interning them does
 * not move the index again and again. */
void zl_zone_reserve_names(struct zl_zone *z, size_t n);
/* Where a walk over the names of a zone is: start it zeroed. */
struct zl_name_iter {
	size_t block, off;
};
/* The next name in intern order (ids 0, 1, ...), or NULL after the last. */
struct zl_name *zl_zone_name_next(const struct zl_zone *z,
				  struct zl_name_iter *it);
/* The parent of a canonical name, pointing into text ("b.c." for "a.b.c.",
 * "." for "c."), or NULL for the root. */
const char *zl_name_parent(const char *text);
/* Whether canonical text is at or below in-addr.arpa., ip6.arpa. or
 * ip6.int.: the reverse tree, where a PTR target is a host. */
bool zl_name_in_reverse(const char *text);
/* What follows "label." to name a child of the canonical name text: text
 * itself, or "" for the root ("_dmarc.%s" is then "_dmarc.", not
 * "_dmarc.."). */
const char *zl_name_tail(const char *text);
/* A hash of the name's identity, for sets of names kept by pointer:
 * spreads the names of one block, which lie 8 bytes apart at least. */
static inline uint32_t zl_name_key(const struct zl_name *n)
{
	return (uint32_t)(((uint64_t)(uintptr_t)n >> 3) *
			  UINT64_C(0x9e3779b97f4a7c15) >> 32);
}
/* The wire form of n, made from its canonical text (so in lower case),
 * in wire (room for 255 bytes); returns its length. */
size_t zl_name_wire(const struct zl_name *n, uint8_t *wire);
/* Returns the RRset of type at name, or NULL. */
const struct zl_rrset *zl_name_rrset(const struct zl_name *n, uint16_t type);
/* Appends rr (already filled in) to the records and to its RRset. */
void zl_zone_add_rr(struct zl_zone *z, const struct zl_rr *rr);
/* Once loading has ended: puts the records of every RRset in file order
 * (zl_rrset), notes the non-terminals of a zone with wildcards and marks
 * the names at or below a cut (below_cut).  The zone is read only after
 * it. */
void zl_zone_end_load(struct zl_zone *z);
/* Whether the zone has an NS RRset other than the apex's, or a DNAME:
 * without either no name of it is below_cut, and no DNAME of it answers
 * for a name below. */
bool zl_zone_has_cuts(const struct zl_zone *z);
/* After zl_zone_end_load: each RRset larger than BIND holds is refused
 * by BIND (zone_limits.c). */
void zl_zone_rrset_sizes(struct zl_zone *z);
/* Whether canonical text, a name without records strictly below the
 * origin, has names with records below it, in a zone with wildcards
 * (false in one without). */
bool zl_zone_nonterminal(const struct zl_zone *z, const char *text);
/* RFC 4592: the wildcard of z that answers for canonical text, a name of
 * z that does not exist (no records, none below it): the one at its
 * closest encloser; NULL when there is none. */
const struct zl_name *zl_zone_wildcard(const struct zl_zone *z,
				       const char *text);

/* The origin a file name gives (example.com.zone, example.com.db,
 * example.com.txt, db.example.com: "example.com."), in out; false when it
 * gives none (zone_state.c). */
bool zl_origin_from_name(const char *name, char *out, size_t outsz);

/* ---- zone sets (zone_set.c) ---- */

/* The zone that holds canonical text: self when no zone of s has a longer
 * origin that is a suffix of text, else the zone of s with the longest
 * one (loading it if it is context); NULL when none holds it, or the one
 * that would is context that failed to load.  s and self may be NULL. */
const struct zl_zone *zl_zoneset_zone_for(struct zl_zoneset *s,
					  const struct zl_zone *self,
					  const char *text);

/* Whether a zone of s (or context) has an origin strictly below origin
 * (canonical): if not, a name at or below origin is the zone's own, and
 * the set need not be asked.  Entries must not be added meanwhile. */
bool zl_zoneset_has_below(struct zl_zoneset *s, const char *origin);

/* ---- the budgets of a run (zone_budget.c) ---- */

/* What the zones loaded with a budget have used so far, from any
 * thread. */
struct zl_budget {
	struct zl_limits lim;
	_Atomic uint64_t bytes, reread, records;
	_Atomic uint64_t generated;	/* records $GENERATE wrote */
};
/* Records the $GENERATE directives of a run may write: a few bytes of
 * directive make hundreds of bytes of model per record, so these are held
 * to what memory the rest of the run's text could hold. */
#define ZL_GEN_RECORDS_PER_RUN UINT64_C(2000000)

/* Sets b's limits (lim copied; NULL: the defaults of zonelint.h), nothing
 * used. */
void zl_budget_init(struct zl_budget *b, const struct zl_limits *lim);
/* Takes n from a budget of lim of which *used is spent; false (taking
 * nothing) when n does not fit. */
bool zl_budget_take(_Atomic uint64_t *used, uint64_t n, uint64_t lim);
/* ---- record types (zone_types.c) ---- */

/* Parses a record type mnemonic of the IANA registry or RFC 3597 TYPEnnn,
 * any case.  Returns false if it is neither. */
bool zl_type_parse(const char *s, size_t n, uint16_t *out);
/* The registry's mnemonic of type ("MX"), or NULL for an unassigned
 * number. */
const char *zl_type_name(uint16_t type);
/* What a lost record whose type is the word s[0..n), no mnemonic, counts
 * as (struct zl_lost): the type it is a slip of ("TXXT": TXT), 0 (every
 * type) when two types are as near, ZL_TYPE_OTHER for a word of its own
 * (a server's DYNA). */
uint16_t zl_type_lost_as(const char *s, size_t n);

/* ---- positions ---- */

/* A source keeps the start of one line in ZL_LINE_STEP, and of the first
 * line ZL_MARK_BYTES past the last one kept: a line between is found by
 * counting the newlines of at most that many lines and bytes, and the
 * line before a mark ends right before it, however long (a finding on a
 * line of megabytes reads none of it).  A zone of a million lines spends
 * about 120 KB on its line table instead of 4 MB. */
#define ZL_LINE_STEP 64
#define ZL_MARK_BYTES 4096

/* A line of a source: its 0-based number and the offset of its start. */
struct zl_line {
	size_t line;
	uint32_t start;
};

/* The line that holds byte off of s (off <= s->len).  from, when not
 * NULL, is a line known to start at or before off: counting goes on from
 * it when it is nearer than the table's line, so that walking a source
 * forwards reads each byte about once. */
struct zl_line zl_src_line(const struct zl_src *s, uint32_t off,
			   const struct zl_line *from);

/* The location of tok in source src: file name, line, columns, line text.
 * A token of a generated record is shown at the template part of its
 * $GENERATE directive that wrote it.  Strings point into the zone (valid
 * while it lives); zl_diags copies them. */
struct zl_loc zl_zone_loc(const struct zl_zone *z, uint16_t src,
			  struct zl_tok tok);
/* Rdata token k of rr, a record of z (k < rr->ntok). */
static inline struct zl_tok zl_rr_tok(const struct zl_zone *z,
				      const struct zl_rr *rr, size_t k)
{
	struct zl_rtok t;

	if (rr->flags & ZL_RR_WIDE)
		return z->wtoks[rr->tok + k];
	t = z->toks[rr->tok + k];
	return (struct zl_tok){ rr->text.off + t.off, t.len };
}

/* Source text of a token (not NUL-terminated). */
static inline const char *zl_tok_text(const struct zl_zone *z, uint16_t src,
				      struct zl_tok t)
{
	return z->srcs[src]->buf + t.off;
}

/* The owner, TTL, class or type token of rr, a record of z: {0, 0} for an
 * absent TTL or class, {text.off, 0} for a blank owner (zone_record.c). */
struct zl_tok zl_rr_hdr(const struct zl_zone *z, const struct zl_rr *rr,
			enum zl_hdr h);

/* Whether a and b hold the same rdata, as records without strings do:
 * names by their interned node (case aside), other fields by their bytes
 * (zone_record.c).  Records whose strings are read from the source (TXT,
 * SPF) are never the same. */
bool zl_rr_same_rdata(const struct zl_rr *a, const struct zl_rr *b);

/* Records that a record of owner and type (0: unknown) was not loaded;
 * the problem that says why has been added. */
void zl_zone_lost(struct zl_zone *z, const struct zl_name *owner,
		  uint16_t type);
/* Adds a load problem (message formatted with printf semantics). */
void zl_zone_problem(struct zl_zone *z, const char *category, uint16_t src,
		     struct zl_tok at, const char *fmt, ...) ZL_PRINTF(5, 6);
/* The same for what the servers of refused (ZL_NOT_* bits) refuse and
 * the others read. */
void zl_zone_refused(struct zl_zone *z, unsigned refused,
		     const char *category, uint16_t src, struct zl_tok at,
		     const char *fmt, ...) ZL_PRINTF(6, 7);

#endif
