/* idna.h - the A-label of an internationalised label: UTF-8 checked,
 * ASCII lower-cased, a few code points IDNA2008 disallows refused, and
 * the rest encoded as "xn--" and its Punycode (RFC 3492, RFC 5890 §2.3.2,
 * RFC 5891 §4).
 *
 * What is checked of a U-label (RFC 5891 §4.2): that it is UTF-8 in its
 * shortest form without surrogates (RFC 3629 §3); that it neither starts
 * nor ends with '-' nor holds "--" in its third and fourth places
 * (§4.2.3.1); that it does not start with a combining mark of the block
 * U+0300..U+036F (§4.2.3.2); and that none of its code points is one that
 * RFC 5892 makes DISALLOWED whatever the Unicode version, as decided by
 * ranges: the C1 controls (U+0080..U+009F), the symbols and
 * upper-case letters of Latin-1 (U+00A0..U+00DE but U+00B7, and U+00F7),
 * spaces and general punctuation (U+1680, U+2000..U+206F but the joiners
 * U+200C and U+200D, U+3000), the dots UTS 46 maps to '.' (U+3002,
 * U+FF0E, U+FF61), full-width ASCII (U+FF01..U+FF5E), private use
 * (U+E000..U+F8FF, planes 15 and 16), noncharacters (U+FDD0..U+FDEF,
 * U+xFFFE, U+xFFFF) and specials (U+FEFF, U+FFF0..U+FFFD).  Not checked:
 * the full derived property tables (unassigned code points, compatibility
 * forms, upper case outside Latin-1), NFC, the contextual rules of
 * RFC 5892 Appendix A and the Bidi rule of RFC 5893.  ASCII letters are
 * lower-cased, as UTS 46 maps them; an ASCII character other than a
 * letter, digit, '-' or '_' is the caller's to judge and is kept. */
#ifndef ZL_IDNA_H
#define ZL_IDNA_H

#include <stddef.h>
#include <stdint.h>

/* RFC 3492 §6.3: the Punycode of code points cp[0..n) (no "xn--") into
 * out, at most cap bytes, no NUL added.  Returns its length, or 0 when it
 * needs more than cap bytes or n is 0.  n is at most 253: its deltas fit
 * in 32 bits (RFC 3492 §6.4). */
size_t zl_punycode_encode(const uint32_t *cp, size_t n, char *out,
			  size_t cap);

/* The longest U-label zl_idna_label reads, in code points: a longer one's
 * A-label is longer than a domain can be. */
#define ZL_IDNA_MAX_POINTS 253

/* The A-label of label s[0..n) (UTF-8, no dot) into out, which has room
 * for cap bytes and a NUL: "xn--" and the Punycode when the label holds
 * bytes other than ASCII, else the label lower-cased.  *len gets its
 * length (0 when it does not fit in cap, or the label has more than
 * ZL_IDNA_MAX_POINTS code points: too long for any name).  Returns NULL
 * when the label is one, else why not (a static string, lowercase); then
 * *at gets the offset in s of the byte at fault. */
const char *zl_idna_label(const char *s, size_t n, char *out, size_t cap,
			  size_t *len, size_t *at);

#endif
