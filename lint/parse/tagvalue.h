/* tagvalue.h - tag=value lists (RFC 6376 §3.2), the syntax that DKIM key
 * records, DMARC (RFC 7489 §6.4, RFC 9989), MTA-STS (RFC 8461 §3.1),
 * TLS-RPT (RFC 8460 §3) and BIMI records share.
 *
 *   tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
 *   tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 *   tag-name  = ALPHA *( ALPHA / DIGIT / "_" )
 *               (MTA-STS and TLS-RPT extension names may also start with a
 *               digit and hold '-' and '.'; see zl_tv_error.ext_name)
 *   tag-value = [ tval *( 1*(WSP / FWS) tval ) ]
 *   tval      = 1*VALCHAR  ; %x21-3A / %x3C-7E
 *
 * zl_tv_parse() works on text already joined from the TXT strings (txt.h)
 * and knows nothing of zones; every tag, value and error carries its byte
 * span in that text: the errors are the problems a check turns into
 * findings.  zl_tv_rec_new() joins and parses one TXT record of a zone
 * and zl_tv_tok() maps a span back to the zone source, across strings,
 * lines and escapes.  The parser never reports anything itself; what
 * primitives use to read records once per run and to report at their
 * bytes is in check_tagvalue.h.
 *
 * Ownership: zl_tv_parse() fills a caller-provided struct zl_tv whose arrays
 * and messages it allocates; zl_tv_free() releases them.  The text is not
 * copied.  zl_tv_rec_new() returns a record the caller frees with
 * zl_tv_rec_free(). */
#ifndef ZL_TAGVALUE_H
#define ZL_TAGVALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "txt.h"
#include "zone.h"

/* Bytes [off, off + len) of the joined text. */
struct zl_tv_span {
	uint32_t off, len;
};

struct zl_tv_tag {
	struct zl_tv_span spec;		/* the whole tag-spec, without the
					   whitespace around it */
	struct zl_tv_span name;		/* as written */
	struct zl_tv_span value;	/* without the whitespace around it;
					   len 0 (off at its place) when empty */
	int dup;	/* index of an earlier tag with the same name, -1 if none */
	int dup_ci;	/* the same, names compared ignoring ASCII case */
	bool bad;	/* a syntax error lies inside this tag-spec */
	bool ext_name;	/* its name is an extension name only, reported
			   (zl_tv_error.ext_name) */
	/* A ';' right inside a tag-spec, no blank at it, cuts it in two
	 * ("rua=m;ailto:...", "r;ua=..."): */
	bool cut;	/* the ';' right after this tag's value cut it: the
			   part after it is no tag (its errors follow) */
	bool follow;	/* this tag is the part after such a ';', and the
			   part before it no tag */
	bool raw8;	/* bad for a byte from 0x80 on in its value, the
			   first that is no VALCHAR (zl_tv_error.raw8) */
};

struct zl_tv_error {
	struct zl_tv_span at;
	char *msg;	/* lowercase, no final period, user text escaped */
	bool ext_name;	/* a tag name that RFC 6376 forbids but the
			   extension names of RFC 8461 and RFC 8460 allow
			   (a digit first, '-' or '.'; their limit of 32
			   characters is not checked here); the tag is
			   kept */
	bool empty;	/* an empty tag (";;"), which hides no tag */
	bool follow;	/* another error tells the cause: this is the part
			   after a ';' that cut a tag-spec (see
			   zl_tv_tag.cut), no tag, whose part before tells
			   it; or the empty tag-spec of a ';' right before
			   or after a part that is no tag (";=x", "l;;"),
			   which tells it.  It hides no tag */
	bool raw8;	/* a byte from 0x80 on in a tag's value, the first
			   byte of it that is no VALCHAR (a UTF-8
			   character, as a rule): a value read as URIs,
			   which hold only ASCII (RFC 3986 §2), may leave it
			   to the check of its URIs to report; the tag is
			   bad all the same */
};

struct zl_tv {
	struct zl_tv_tag *tags;		/* in record order; only tag-specs
					   with a name and an '=' */
	size_t ntags;
	struct zl_tv_error *errs;	/* in record order */
	size_t nerrs;
	size_t captags, caperrs;
};

/* Parses s[0..len) (may hold NUL bytes) into tv.  Never fails: syntax
 * problems become errors and parsing goes on after the next ';'.  An empty
 * text has no tags and no errors. */
void zl_tv_parse(struct zl_tv *tv, const char *s, size_t len);
/* Frees what tv holds; NULL is a no-op. */
void zl_tv_free(struct zl_tv *tv);

/* Whether span sp of s is exactly word (icase: ignoring ASCII case). */
bool zl_tv_eq(const char *s, struct zl_tv_span sp, const char *word,
	      bool icase);
/* Whether span sp of s is one of the words of list (NULL-terminated),
 * ignoring ASCII case as ABNF strings do (RFC 5234 §2.3). */
bool zl_tv_one_of(const char *s, struct zl_tv_span sp,
		  const char *const *list);
/* The first tag called name, or NULL. */
const struct zl_tv_tag *zl_tv_find(const struct zl_tv *tv, const char *s,
				   const char *name, bool icase);
/* The next item of the sep-separated list in span list of s: *pos starts
 * at list.off and advances; item gets the item without surrounding
 * whitespace (maybe empty).  Returns false when the list is done. */
bool zl_tv_next_item(const char *s, struct zl_tv_span list, char sep,
		     uint32_t *pos, struct zl_tv_span *item);
/* A NUL-terminated copy of span sp, escaped for messages and cut to 64
 * bytes and "..." when longer (not inside an escape or a character), as
 * messages quote zone tokens; the caller frees it. */
char *zl_tv_str(const char *s, struct zl_tv_span sp);
/* The next line break (CR or LF) of s[0..len), from *pos on, that the
 * parser read as a blank around a ';' or at the end of the text: the
 * first of each run of blanks that holds one (*pos advances past the
 * run).  RFC 6376 §3.2 folds lines there, but RFC 8461 §3.1, RFC 8460 §3
 * and RFC 7489 §6.4 separate fields with *WSP ";" *WSP: spaces and tabs
 * only.  A break inside a tag-spec (around '=', inside a value) is left
 * to the checks of that tag.  *at gets the byte and *semi whether a ';'
 * borders the run.  Returns false when there is none. */
bool zl_tv_next_break(const char *s, size_t len, uint32_t *pos,
		      struct zl_tv_span *at, bool *semi);
/* Whether value v of s runs on into what reads as more tags: a blank,
 * then a tag name (a letter, then letters, digits, '_', '-' or '.') and
 * '=', as when the ';' before the next tag is missing.  *name gets the
 * first such name.  Only worth asking about a value found invalid:
 * some free-form values (DKIM n=) may hold such text. */
bool zl_tv_run_on(const char *s, struct zl_tv_span v,
		  struct zl_tv_span *name);

/* ---- URIs in values (RFC 3986 §3), as DMARC, TLS-RPT and BIMI use them ----
 * (tagvalue_uri.c) */

/* Checks that span uri of s is an absolute URI: a scheme, ':' and a
 * non-empty rest made of URI characters (percent escapes well formed).
 * For mailto: the rest must be an address (RFC 6068) whose local part
 * is a dot-atom or a quoted string (RFC 5322 §3.4.1, RFC 5321 §4.1.2)
 * and whose domain is a name; for http: and https: an authority with a
 * host.  Neither host may be a loopback or unspecified address or a
 * localhost name (RFC 6761 §6.3): no report sent there reaches the
 * domain; nor a name with a label over 63 octets or longer than 255 in
 * wire form (RFC 1035 §2.3.4), an internationalised label (its UTF-8
 * percent-encoded) counted as its A-label, nor one with a label that is
 * no U-label (idna.h says what is checked).  Returns NULL when it is,
 * else a message (a static string) with *bad set to the bytes at fault.
 * *scheme gets the scheme (len 0 when there is none). */
const char *zl_tv_uri_check(const char *s, struct zl_tv_span uri,
			    struct zl_tv_span *scheme, struct zl_tv_span *bad);
/* Why a URI that passed zl_tv_uri_check, as a report address or a logo's
 * place, is one that may well get nothing, or NULL: its host an IP
 * address (an address literal of a mailto: URI, or an http(s): host),
 * which senders often refuse and certificates seldom name; a name of a
 * single label, which only a top-level domain with an MX record (or an
 * address) of its own answers for; for mailto:, a local part over 64
 * octets or an address over 254, more than RFC 5321 §4.5.3.1 asks mail
 * servers to accept.  A static string; *bad gets the bytes at fault. */
const char *zl_tv_uri_doubtful(const char *s, struct zl_tv_span uri,
			       struct zl_tv_span *bad);
/* The fix for bytes bad of URI uri, as zl_tv_uri_check found them, when
 * they are a character from 0x80 on written as itself (no URI holds
 * one): its percent escapes, or in the host its A-labels when it has
 * them; or the no-break space removed.  Allocated; NULL for other
 * findings. */
char *zl_tv_uri_fix(const char *s, struct zl_tv_span uri,
		    struct zl_tv_span bad);
/* The host of a URI that passed zl_tv_uri_check: the domain of a mailto:
 * address or the host of an http(s): URI.  Returns false for other
 * schemes. */
bool zl_tv_uri_host(const char *s, struct zl_tv_span uri,
		    struct zl_tv_span *host);
/* The A-label form of host (of a URI that passed zl_tv_uri_check, or
 * failed it for a byte from 0x80 on written as itself) when its percent
 * escapes (or those bytes) write UTF-8 of an internationalised label: its
 * labels lower-cased, escapes decoded, U-labels as A-labels (idna.h), no
 * final dot (maybe longer than DNS allows); the caller frees it.  NULL
 * when no label is internationalised, or one is no U-label. */
char *zl_tv_host_alabel(const char *s, struct zl_tv_span host);

/* The next URI of the report list in span list of s (DMARC's rua and
 * ruf, RFC 7489 §6.4; TLS-RPT's rua, RFC 8460 §3): zl_tv_next_item with
 * ',', except that a ',' right inside a URI ends none.  Those RFCs have
 * a ',' of a URI written %2C, so that a ',' separates URIs; one with no
 * blank after it, followed by text that starts as no URI and no tag
 * and holds no '@' (no address with its scheme left out) up to the next
 * ',' ("mailto:a@e,ample.com"), was meant inside the URI (or typed for
 * another byte): the item runs on, and zl_tv_list_uri_check reports the
 * ','. */
bool zl_tv_next_uri(const char *s, struct zl_tv_span list, uint32_t *pos,
		    struct zl_tv_span *item);
/* Whether span item of s starts with a URI's scheme and ':'. */
bool zl_tv_has_scheme(const char *s, struct zl_tv_span item);
/* zl_tv_uri_check for an item of such a list: a ',' in it, written for
 * %2C, is what is wrong when nothing before it is. */
const char *zl_tv_list_uri_check(const char *s, struct zl_tv_span uri,
				 struct zl_tv_span *scheme,
				 struct zl_tv_span *bad);
/* For the URIs uris[0..n) of one list in s (each one that passed
 * zl_tv_uri_check), sets first[i] to the index of the first URI of the
 * list that is the same as URI i when that is an earlier one, else to
 * -1.  URIs are the same when they compare equal by RFC 3986 §6.2.2: the
 * scheme and the host in any case, a host's final dot aside, an
 * internationalised host as its A-labels (zl_tv_host_alabel), a percent
 * escape of a letter, digit, '-', '.', '_' or '~' as that character and
 * other escapes' hex digits in any case; the rest (a mailto: local part,
 * a path) as written.  first has room for n. */
void zl_tv_uri_repeats(const char *s, const struct zl_tv_span *uris,
		       size_t n, long *first);

/* One TXT record, joined and parsed. */
struct zl_tv_rec {
	struct zl_txt txt;
	struct zl_tv tv;
};

/* rr's strings joined and parsed as a tag list (rr must be TXT or another
 * type of text strings); the caller frees it with zl_tv_rec_free(). */
struct zl_tv_rec *zl_tv_rec_new(const struct zl_zone *z,
				const struct zl_rr *rr);
/* The same built in arena a, at its exact size, and freed with it. */
struct zl_tv_rec *zl_tv_rec_in(struct zl_arena *a, const struct zl_zone *z,
			       const struct zl_rr *rr);
/* Frees r and what it holds; NULL is a no-op. */
void zl_tv_rec_free(struct zl_tv_rec *r);
/* The zone source span of bytes sp of r's text. */
struct zl_tok zl_tv_tok(const struct zl_tv_rec *r, struct zl_tv_span sp);
/* Whether r's text starts with the tag name=value: the version tag that
 * identifies DMARC1, STSv1, TLSRPTv1 and BIMI1 records (value compared
 * exactly, name ignoring case when icase).  Whitespace before it does not
 * count as a start: those records are found by their first bytes (RFC
 * 7489 §6.4, RFC 8461 §3.1, RFC 8460 §3). */
bool zl_tv_first_is(const struct zl_tv_rec *r, const char *name,
		    const char *value, bool icase);
/* Whether r's first tag is name=value with whitespace before it, which
 * hides the record from receivers. */
bool zl_tv_first_after_ws(const struct zl_tv_rec *r, const char *name,
			  const char *value, bool icase);
/* Where a finding about r's version tag points: the bytes before the first
 * tag when there are some (whitespace, as a rule), else the first tag,
 * else the whole text. */
struct zl_tv_span zl_tv_head(const struct zl_tv_rec *r);

#endif
