/* rrtext.h - the records of one RRset as canonical text, so that two
 * versions of a zone can be compared and their differences shown
 * (check_change.c, summary.c).
 *
 * Ownership: a struct zl_rrtexts is the caller's; zl_rrtexts_at() fills it
 * with malloc'd strings that zl_rrtexts_free() releases.  The record
 * pointers are borrowed from the zone read. */
#ifndef ZL_RRTEXT_H
#define ZL_RRTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zone.h"

/* One record: its rdata as text and its TTL. */
struct zl_rrtext {
	char *text;		/* escaped: no control bytes */
	uint32_t ttl;
	const struct zl_rr *rr;
};

/* The records of one type at one name, sorted by text, each text once
 * (the first record in file order that has it). */
struct zl_rrtexts {
	struct zl_rrtext *v;
	size_t n;
	uint32_t ttl;		/* the largest TTL among them; 0 when n is 0 */
	const struct zl_rr *first;	/* the first in file order, or NULL */
};

/* Which records of a type to take, by their text: TXT records are read
 * joined (RFC 7208 §3.3) and kept when keep returns true for the joined
 * bytes; NULL keeps every record. */
typedef bool zl_rrtext_keep(const char *s, size_t len);

/* Fills out with the records of type at the name written as canonical
 * text in z (z NULL, or no such name: none).  MX is "PREF TARGET", A and
 * AAAA the address, TXT the joined strings, TLSA and other types their
 * fields (names canonical, numbers in decimal, binary data in hex), a
 * record zonelint does not read as it was written. */
void zl_rrtexts_at(struct zl_rrtexts *out, const struct zl_zone *z,
		   const char *name, uint16_t type, zl_rrtext_keep *keep);
/* Whether a and b hold the same texts. */
bool zl_rrtexts_equal(const struct zl_rrtexts *a, const struct zl_rrtexts *b);
/* Whether text is one of a's. */
bool zl_rrtexts_has(const struct zl_rrtexts *a, const char *text);
void zl_rrtexts_free(struct zl_rrtexts *a);

/* Filters for TXT: text starting with the version tag of SPF (RFC 7208
 * §4.5), DMARC (RFC 7489 §6.4), MTA-STS (RFC 8461 §3.1), TLS-RPT (RFC
 * 8460 §3). */
bool zl_rrtext_is_spf(const char *s, size_t len);
bool zl_rrtext_is_dmarc(const char *s, size_t len);
bool zl_rrtext_is_sts(const char *s, size_t len);
bool zl_rrtext_is_tlsrpt(const char *s, size_t len);

/* The record of z that findings about name go to when the record they are
 * about is gone: the first record at name, else the first SOA at the
 * origin, else the zone's first record; NULL for an empty zone. */
const struct zl_rr *zl_rrtext_anchor(const struct zl_zone *z,
				     const char *name);

/* The record rr of z as one line "OWNER TTL TYPE RDATA", its rdata cut to
 * about max bytes with "...", escaped; the caller frees it. */
char *zl_rrtext_line(const struct zl_zone *z, const struct zl_rr *rr,
		     size_t max);

#endif
