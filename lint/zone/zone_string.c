/* zone_string.c - character-strings (RFC 1035 §3.3) from text to wire
 * form, and what each server reads differently in them. */
#include "zone_conv.h"

#include <string.h>

/* s[0..n) with its RFC 1035 §5.1 escapes undone, into b->s after off
 * bytes left for a length; b->len counts them all.  Returns false at an
 * invalid escape, its offset in s in *bad. */
static bool unescape(const char *s, size_t n, size_t off, struct zl_buf *b,
		     size_t *bad)
{
	const char *esc;
	size_t i, k, run;
	uint8_t ch;

	zl_xgrow((void **)&b->s, &b->cap, n + off + 1, 1);
	/* Runs without an escape are copied whole. */
	for (i = 0, b->len = off; i < n; i += k) {
		esc = memchr(s + i, '\\', n - i);
		run = (esc ? (size_t)(esc - s) : n) - i;
		memcpy(b->s + b->len, s + i, run);
		b->len += run;
		if ((i += run) == n)
			break;
		if ((k = zl_unescape(s, n, i, &ch)) == 0) {
			*bad = i;
			return false;
		}
		b->s[b->len++] = (char)ch;
	}
	return true;
}

/* Whether any of the 8 bytes of w is below 0x20, 0x7f or above: exact
 * when none is, maybe wrong when one is (bytes are then looked at one by
 * one). */
static bool word_unprintable(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
	uint64_t del = w ^ (ones * 0x7f);

	return ((w | ((w - ones * 0x20) & ~w) | ((del - ones) & ~del)) &
		highs) != 0;
}

/* Reports the raw byte at s, or the UTF-8 character it starts, with
 * the escapes that write it.  BIND reads a CR as a line break, which a
 * backslash before it does not escape: it refuses one out of quotes or
 * before a LF (quoted: whether the string was). */
static void note_raw_byte(struct conv *c, const char *s, size_t n,
			  bool quoted)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = zl_utf8_len(s, n) ? zl_utf8_len(s, n) : 1, i, bs = 0;
	struct zl_tok at = { (uint32_t)(s - c->buf), (uint32_t)len };
	char esc[4 * 4 + 1];

	for (i = 0; i < len; i++)
		snprintf(esc + 4 * i, 5, "\\%03u", u[i]);
	while (u[0] == '\r' && s - bs > c->buf && s[-1 - (long)bs] == '\\')
		bs++;
	if (bs % 2 && (!quoted || (n > 1 && s[1] == '\n')))
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, at, "CR after a backslash in %s, "
				"which BIND and Knot DNS refuse: write it as "
				"\\013", fn(c));
	else if (len > 1)
		zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src, at,
				"UTF-8 character '%.*s' written as itself in "
				"%s, which Knot DNS refuses: write it as %s",
				(int)len, s, fn(c), esc);
	else
		zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src, at,
				"byte %s written as itself in %s, which Knot "
				"DNS refuses: write it as %s", esc, fn(c), esc);
}

/* Knot DNS takes only printable ASCII, blanks and line breaks written as
 * themselves in a character-string (any byte as \DDD), and refuses the
 * zone at any other; BIND and NSD store it.  Reported at the first such
 * byte.  Most strings are printable ASCII, eight bytes of which are
 * tested at once. */
static void note_raw_text(struct conv *c, const char *s, size_t n,
			  bool quoted)
{
	unsigned char ch;
	uint64_t w;
	size_t i = 0, k;

	if (c->z->srcs[c->in->src]->gen_parts)
		return;		/* only BIND reads $GENERATE */
	for (; i < n; i += k) {
		k = n - i < 8 ? n - i : 8;
		if (k == 8) {
			memcpy(&w, s + i, 8);
			if (!word_unprintable(w))
				continue;
		}
		for (k = 0; k < 8 && i + k < n; k++) {
			ch = (unsigned char)s[i + k];
			if ((ch < ' ' && ch != '\t' && ch != '\n' &&
			     ch != '\0') || ch >= 0x7f) {
				note_raw_byte(c, s + i + k, n - i - k, quoted);
				return;
			}
		}
	}
}

/* The strings some types hold numbers in: an X25 PSDN address is decimal
 * digits, the first four the DNIC (RFC 1183 §3.1), which BIND holds it
 * to and NSD does not; a GPOS coordinate is a real number (RFC 1712 §3),
 * which BIND, the one server that reads GPOS, does not check.  What a
 * server loads is ZONE012, naming those that refuse it: for the type
 * or, in X25, the text.  s[0..n) is the unescaped string. */
static void str_form(struct conv *c, size_t ti, const char *s, size_t n)
{
	unsigned not = zl_type_unknown_to(c->in->type);
	size_t i = 0, digits = 0;

	if (c->in->type == LDNS_RR_TYPE_X25) {
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if ((i < n || n < 4) && c->z->srcs[c->in->src]->gen_parts)
			zl_zone_problem(c->z, "syntax", c->in->src,
					tok_at(c, ti), "%s '%.*s%s' is not "
					"decimal digits, at least 4 (RFC 1183 "
					"§3.1)", fn(c), ZL_TOKARGS(s, n));
		else if (i < n || n < 4)
			zl_zone_refused(c->z, not | ZL_NOT_BIND, "portable",
					c->in->src, tok_at(c, ti), "%s '%.*s%s' "
					"is not decimal digits, at least 4 (RFC "
					"1183 §3.1), which %s: write its digits", fn(c),
					ZL_TOKARGS(s, n),
					zl_servers_refuse(not | ZL_NOT_BIND));
		return;
	}
	if (c->in->type != LDNS_RR_TYPE_GPOS)
		return;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (i < n || digits == 0)
		zl_zone_refused(c->z, not, "portable", c->in->src,
				tok_at(c, ti), "%s '%.*s%s' is not a number "
				"(RFC 1712 §3), which BIND loads as it is "
				"and %s with the type: write a number", fn(c),
				ZL_TOKARGS(s, n), zl_servers_refuse(not));
}

/* A line break that a backslash escapes out of quotes, in the
 * character-string or SVCB value s[0..n) (token ti), which the word goes
 * on after (zone_lex.c): NSD reads it as byte 10, and the next line on into the
 * string and the record; BIND and Knot DNS refuse it, and read the next
 * line as a line of its own.  In quotes it is ZONE012 for Knot DNS alone
 * (zone_lex.c notes it). */
void zl_conv_note_line_break(struct conv *c, size_t ti, const char *s,
			     size_t n)
{
	size_t i;

	if (c->in->toks[ti].quoted)
		return;
	for (i = 0; i + 1 < n && !(s[i] == '\\' && s[i + 1] == '\n'); i++)
		i += s[i] == '\\';	/* the byte escaped */
	if (i + 1 >= n)
		return;
	/* only BIND reads $GENERATE, and refuses it */
	if (c->z->srcs[c->in->src]->gen_parts)
		zl_zone_problem(c->z, "syntax", c->in->src, tok_at(c, ti),
				"backslash at the end of the line in %s "
				"'%.*s%s', which BIND refuses", fn(c),
				ZL_TOKARGS(s, i + 1));
	else
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_KNOT, "portable",
				c->in->src, tok_at(c, ti), "backslash at the "
				"end of the line in %s '%.*s%s', which BIND "
				"and Knot DNS refuse; NSD reads an escaped line "
				"break, byte 10, and the next line on into the "
				"record: write \\010", fn(c),
				ZL_TOKARGS(s, i + 1));
}

/* A character-string s[0..n) (token ti) as some servers do not read it:
 * '@' alone or as a label of a word, '\\#' alone, or a word that starts
 * with '$', out of quotes, NSD takes for the origin, RFC 3597's marker or
 * a directive; a backslash before a tab Knot DNS refuses. */
static void note_str_form(struct conv *c, size_t ti, const char *s, size_t n)
{
	const char *tab = NULL, *p, *end = s + n;
	struct zl_tok at = tok_at(c, ti);

	if (c->z->srcs[c->in->src]->gen_parts)
		return;		/* only BIND reads $GENERATE */
	/* A backslash escapes the byte after it, which the search skips. */
	for (p = memchr(s, '\\', n); p && p + 1 < end;
	     p = memchr(p + 2, '\\', (size_t)(end - p - 2)))
		if (p[1] == '\t') {
			tab = p;
			break;
		}

	if (!c->in->toks[ti].quoted && n > 0 &&
	    ((n == 1 && s[0] == '@') || s[0] == '$' ||
	     zl_name_nsd_refuses(s, n)))
		zl_zone_refused(c->z, ZL_NOT_NSD, "portable", c->in->src, at,
				"%s '%.*s%s' out of quotes, which NSD refuses: "
				"write it in quotes", fn(c), ZL_TOKARGS(s, n));
	if (tab)
		zl_zone_refused(c->z, ZL_NOT_KNOT, "portable", c->in->src,
				(struct zl_tok){ (uint32_t)(tab - c->buf), 2 },
				"%s with a backslash before a tab, which Knot "
				"DNS refuses: write \\009", fn(c));
}

/* Reports the escape at s[i] of the string s[0..n) (token ti) that
 * zl_unescape refuses, as BIND and Knot DNS do; NSD reads it: the digits
 * of a \DDD above 255 or of fewer than three digits as text, a backslash
 * at the end of the line as an escaped line break.  Returns false. */
static bool escape_problem(struct conv *c, size_t ti, const char *s,
			   size_t n, size_t i)
{
	unsigned v;
	size_t d = zl_escape_short(s, n, i, &v);

	if (d == 0 && i + 1 < n)	/* three digits: above 255 */
		return bad(c, "syntax", tok_at(c, ti), "escape '\\%.3s' above "
			   "255 in %s '%.*s%s', which BIND and Knot DNS refuse "
			   "(NSD reads the characters '%.3s')", s + i + 1,
			   fn(c), ZL_TOKARGS(s, n), s + i + 1);
	if (d)
		return bad(c, "syntax", tok_at(c, ti), "escape '\\%.*s' of "
			   "fewer than three digits in %s '%.*s%s', which BIND "
			   "and Knot DNS refuse (NSD reads the characters "
			   "'%.*s'): write byte %u as \\%03u", (int)d,
			   s + i + 1, fn(c), ZL_TOKARGS(s, n), (int)d,
			   s + i + 1, v, v);
	/* A word stops after a backslash only at the end of the input (the
	 * text's final NUL), where the lexer takes it off a longer word
	 * (zone_load.c reports it) and NSD reads this one as an empty
	 * string. */
	if (!c->in->toks[ti].quoted && s[n] == '\0')
		return bad(c, "syntax", tok_at(c, ti), "backslash alone as the "
			   "file's last byte, a %s of its own, which BIND and "
			   "Knot DNS refuse (NSD reads an empty string)",
			   fn(c));
	return bad(c, "syntax", tok_at(c, ti), "invalid escape in %s '%.*s%s'",
		   fn(c), ZL_TOKARGS(s, n));
}

/* The wire form of a TXT or SPF string of n bytes as Knot DNS serves
 * it, split into strings of 255 bytes each after its length byte (RFC
 * 1035 §3.3 holds 255 in one); an empty string is its length byte. */
static size_t split_len(size_t n)
{
	return n + (n ? (n + 254) / 255 : 1);
}

/* <character-string> (RFC 1035 §3.3): ldns silently accepts what it
 * cannot store, so the length is checked here after unescaping.  The
 * strings of TXT and SPF records, most of a mail zone's rdata, are not
 * kept in wire form: the checks read them from the source (txt.h), and
 * zl_rdf_wire() makes the wire form again where it is wanted, split as
 * Knot DNS splits a string over 255 bytes (the field's length counts
 * that form). */
bool zl_conv_str(struct conv *c, struct zl_rdf *r, uint8_t ft, size_t ti)
{
	struct zl_buf *b = c->scratch;
	size_t n, off = ft == LDNS_RDF_TYPE_STR ? 1 : 0;
	const char *s = tok_text(c, ti, &n);
	size_t at, wire;
	bool keep;

	if (!unescape(s, n, off, b, &at))
		return escape_problem(c, ti, s, n, at);
	note_raw_text(c, s, n, c->in->toks[ti].quoted);
	note_str_form(c, ti, s, n);
	zl_conv_note_line_break(c, ti, s, n);
	/* RFC 7553 §4.5 writes the URI target in quotes, and BIND reads
	 * it only so. */
	if (c->in->type == LDNS_RR_TYPE_URI && !c->in->toks[ti].quoted)
		zl_zone_refused(c->z, ZL_NOT_BIND, "portable",
				c->in->src, tok_at(c, ti),
				"%s not in quotes, which BIND refuses", fn(c));
	keep = !off || (c->in->type != LDNS_RR_TYPE_TXT &&
			c->in->type != LDNS_RR_TYPE_SPF);
	/* Knot DNS splits a longer string of TXT and SPF records into
	 * strings of 255 bytes, which keeps the text receivers join. */
	if (off && b->len - off > 255 && keep)
		return bad(c, "range", tok_at(c, ti),
			   "character-string of %zu bytes exceeds 255",
			   b->len - off);
	/* Over 65535 bytes split, Knot DNS refuses it too ("text is too
	 * long"): no server reads it. */
	wire = keep ? b->len : split_len(b->len - off);
	/* a CAA value or URI target runs to the end of the rdata */
	if (wire > 65535 && !off)
		return bad(c, "limit", tok_at(c, ti), "%s of %zu bytes "
			   "exceeds 65535", fn(c), b->len);
	if (wire > 65535)
		return bad(c, "limit", tok_at(c, ti), "character-string of "
			   "%zu bytes, which every server refuses: BIND and "
			   "NSD a string over 255 bytes, Knot DNS a record "
			   "over 65535 once it splits the string into strings "
			   "of 255 (%zu bytes)", b->len - off, wire);
	if (off)
		b->s[0] = (char)(b->len - off);
	str_form(c, ti, b->s + off, b->len - off);
	if (!zl_conv_set(c, r, ft, keep ? b->s : NULL, wire, ti, 1))
		return false;
	if (off && b->len - off > 255)
		zl_zone_refused(c->z, ZL_NOT_BIND | ZL_NOT_NSD, "portable",
				c->in->src, tok_at(c, ti), "character-string "
				"of %zu bytes, which BIND and NSD refuse (Knot "
				"DNS splits it into strings of 255): split it "
				"into quoted strings of 255 bytes at most",
				b->len - off);
	return true;
}

/* b holds a length byte's room and a string's bytes: gives it the
 * string's wire form, strings of 255 bytes at most (split_len), moving
 * each piece right to its place from the last one. */
static void split(struct zl_buf *b)
{
	size_t n = b->len - 1, wire = split_len(n), k = wire - n, len;

	zl_xgrow((void **)&b->s, &b->cap, wire, 1);
	while (k-- > 0) {
		len = k + 1 < wire - n ? 255 : n - 255 * k;
		memmove(b->s + 256 * k + 1, b->s + 255 * k + 1, len);
		b->s[256 * k] = (char)len;
	}
	b->len = wire;
}

const uint8_t *zl_rdf_wire(const struct zl_zone *z, const struct zl_rr *rr,
			   unsigned i, struct zl_buf *scratch)
{
	const struct zl_rdf *f = &rr->rdf[i];
	struct zl_tok t;
	const char *s;
	size_t bad;

	if (zl_rdf_data(f) || !f->len)
		return zl_rdf_data(f);
	if (zl_rdf_name(f)) {
		uint8_t w[ZL_NAME_MAXWIRE];

		scratch->len = 0;
		zl_buf_add(scratch, (const char *)w, zl_name_wire(f->v.dname, w));
		return (const uint8_t *)scratch->s;
	}
	t = zl_rr_tok(z, rr, f->tok);
	s = zl_tok_text(z, rr->src, t);
	if (t.len >= 2 && s[0] == '"') {
		s++;
		t.len -= 2;
	}
	/* Read once already, without fault. */
	(void)unescape(s, t.len, 1, scratch, &bad);
	split(scratch);
	return (const uint8_t *)scratch->s;
}
