/* zone_generate.c - the $GENERATE directive (BIND 9): a range of records
 * written from one template, read as if each were a line of the file. */
#include "zone_loader.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_MAX 65536			/* records one directive writes */
#define GEN_MAXVAL 2147483647u		/* range bounds, as BIND: 2^31 - 1 */

/* What is wrong with a template: bytes [off, off + len) of its token;
 * and a number BIND wraps, which it loads (note, nlen 0 when none). */
struct gerr {
	size_t off, len;
	char msg[192];
	size_t noff, nlen;
	char note[256];
};

/* A number as BIND 9.18 reads it with sscanf(): %d as strtol() does,
 * saturated to 64 bits and then cut to the 32 bits of an int; %u
 * (is_unsigned) as strtoul() does, a '-' negating it, cut to 32 bits.
 * Reads [+-]digits at s[*i..n) into *v; *wrapped when the cut changed the
 * value.  False when there are no digits. */
static bool bind_int(const char *s, size_t n, size_t *i, bool is_unsigned,
		     int64_t *v, bool *wrapped)
{
	size_t k = *i, d0;
	uint64_t u = 0;
	bool neg = false, sat = false;
	int64_t l;

	if (k < n && (s[k] == '-' || s[k] == '+'))
		neg = s[k++] == '-';
	for (d0 = k; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
		if (u > (UINT64_MAX - (uint64_t)(s[k] - '0')) / 10)
			sat = true;
		else
			u = u * 10 + (uint64_t)(s[k] - '0');
	}
	if (k == d0)
		return false;
	*i = k;
	if (is_unsigned) {
		u = sat ? UINT64_MAX : neg ? 0 - u : u;
		*v = (uint32_t)u;
		*wrapped = u > UINT32_MAX;
		return true;
	}
	if (neg)
		l = sat || u > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)u;
	else
		l = sat || u > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)u;
	*v = (int32_t)(uint32_t)(uint64_t)l;
	*wrapped = *v != l;
	return true;
}

struct range {
	uint64_t start, stop, step;
};

/* start-stop[/step]: each 0 .. 2^31 - 1, start <= stop, step >= 1, read
 * as BIND reads them, sscanf() of "%d-%d%1[/]%d" (bind_int): text after
 * stop that is not '/' and a number, or after step, it ignores, and one
 * number it wraps to 32 bits it cuts; both are ZONE012, as BIND loads the
 * records it then writes. */
static bool gen_range(struct loader *L, uint16_t src,
		      const struct zl_lex_tok *t, struct range *r)
{
	const char *s = text_of(L, src, t);
	size_t n = t->len, i = 0, end;
	int64_t v[3] = { 0, 0, 1 };
	bool w[3] = { false, false, false }, wrapped;

	if (t->quoted || !bind_int(s, n, &i, false, &v[0], &w[0]) ||
	    i >= n || s[i++] != '-' ||
	    !bind_int(s, n, &i, false, &v[1], &w[1]) ||
	    (i < n && s[i] == '/' &&
	     (i++, !bind_int(s, n, &i, false, &v[2], &w[2])))) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"invalid $GENERATE range '%.*s%s': expected "
				"start-stop or start-stop/step, each 0.."
				"2147483647", ZL_TOKARGS(s, n));
		return false;
	}
	end = i;
	wrapped = w[0] || w[1] || w[2];
	if (v[0] < 0 || v[1] < 0 || v[0] > v[1] || v[2] < 1) {
		zl_zone_problem(L->z, "range", src, span(t),
				"invalid $GENERATE range '%.*s%s': %s%s",
				ZL_TOKARGS(s, n), v[0] < 0 || v[1] < 0 ?
				"a bound below 0" : v[2] == 0 ?
				"the step is 0" : v[2] < 0 ?
				"the step is below 0" : "start is above stop",
				wrapped ? " once BIND cuts its numbers to 32 "
				"bits" : "");
		return false;
	}
	if (wrapped || end < n)
		zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
				src, span(t), "$GENERATE range '%.*s%s' %s%s%s: "
				"BIND reads it as %" PRId64 "-%" PRId64 "/%"
				PRId64 " and loads the records that gives; Knot "
				"DNS and NSD refuse $GENERATE",
				ZL_TOKARGS(s, n), wrapped ? "overflows 32 bits" :
				"", wrapped && end < n ? " and " : "",
				end < n ? "has text after its numbers" : "",
				v[0], v[1], v[2]);
	r->start = (uint64_t)v[0];
	r->stop = (uint64_t)v[1];
	r->step = (uint64_t)v[2];
	return true;
}

/* Whether the range r of token t writes no more records than the loader
 * reads of one directive: BIND writes them all. */
static bool gen_count(struct loader *L, uint16_t src,
		      const struct zl_lex_tok *t, const struct range *r)
{
	uint64_t count = (r->stop - r->start) / r->step + 1;

	if (count <= GEN_MAX)
		return true;
	zl_zone_problem(L->z, "limit", src, span(t), "$GENERATE range "
			"'%.*s%s' writes %" PRIu64 " records, more than %d "
			"per directive", ZL_TOKARGS(text_of(L, src, t), t->len),
			count, GEN_MAX);
	return false;
}

/* BIND's nibble form: hex digits, least significant first, each a label;
 * width counts the dots too, so an even width ends in a dot. */
static void nibbles(struct zl_buf *out, uint64_t v, uint64_t width,
		    bool upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		zl_buf_addc(out, hex[v & 0xf]);
		v >>= 4;
		if (width > 0)
			width--;
		if (width > 0 || v != 0) {
			zl_buf_addc(out, '.');
			if (width > 0)
				width--;
		}
	} while (v != 0 || width > 0);
}

/* BIND writes a modified value into 128 bytes with its NUL: longer is
 * "ran out of space". */
#define GEN_MAXOUT 127
/* "; BIND reads the offset as N, cut to 32 bits" after an error, when
 * how says so: three arguments for "%s%s%s". */
#define BIND_READS(how) (how)[0] ? "; BIND reads " : "", (how), \
	(how)[0] ? ", cut to 32 bits" : ""

/* What BIND 9.18's genname() reads a modifier into, with sscanf() of
 * "{%d%1[,}]%u%1[,}]%1[doxXnN]%1[}]": the same variables for every
 * modifier of a template, so one whose text stops short of a form keeps
 * the separators, width and base the one before it set. */
struct mod_state {
	int64_t delta, width;
	char comma1, comma2, mode, brace;
};

/* sscanf()'s %1[set] at s[*k]: the byte into *c when set holds it. */
static bool scan_set(const char *s, size_t n, size_t *k, const char *set,
		     char *c)
{
	if (*k >= n || s[*k] == '\0' || !strchr(set, s[*k]))
		return false;
	*c = s[(*k)++];
	return true;
}

/* sscanf()'s %d or %u at s[*k], after the white space it skips (*ws
 * set when there was some). */
static bool scan_int(const char *s, size_t n, size_t *k, bool is_unsigned,
		     int64_t *v, bool *wrapped, bool *ws)
{
	size_t j = *k;

	while (j < n && (s[j] == ' ' || (s[j] >= '\t' && s[j] <= '\r')))
		j++;
	*ws = *ws || j > *k;
	if (!bind_int(s, n, &j, is_unsigned, v, wrapped))
		return false;
	*k = j;
	return true;
}

/* Reads the modifier at s[*i] == '{' as BIND reads it (mod_state): its
 * offset into st->delta, the width and base it takes, and whether it is
 * written ${offset}, ${offset,width} or ${offset,width,base} (*strict).
 * BIND goes on after the first '}' (or at the end): *i there.  False
 * when BIND refuses it. */
static bool scan_modifier(const char *s, size_t n, size_t *i,
			  struct mod_state *st, int64_t *width, char *base,
			  bool *woff, bool *wwidth, bool *strict)
{
	size_t k = *i + 1;
	const char *close;
	int got = 0;
	bool ws = false;
	int64_t w;

	if (scan_int(s, n, &k, false, &st->delta, woff, &ws))
		got = 1;
	if (got == 1 && scan_set(s, n, &k, ",}", &st->comma1))
		got = 2;
	if (got == 2 && scan_int(s, n, &k, true, &w, wwidth, &ws)) {
		st->width = w;
		got = 3;
	}
	if (got == 3 && scan_set(s, n, &k, ",}", &st->comma2))
		got = 4;
	if (got == 4 && scan_set(s, n, &k, "doxXnN", &st->mode))
		got = 5;
	if (got == 5 && scan_set(s, n, &k, "}", &st->brace))
		got = 6;
	if (got < 2)
		return false;
	*width = st->width;
	*base = 'd';
	if (st->comma1 == '}') {
		*width = 0;
		*strict = true;
	} else if (st->comma1 == ',' && st->comma2 == '}') {
		*strict = got >= 4;
	} else if (st->comma1 == ',' && st->comma2 == ',' && st->mode &&
		   st->brace == '}') {
		*base = st->mode;
		*strict = got == 6;
	} else {
		return false;
	}
	*strict = *strict && !ws;
	/* A width cut to 32 bits is noted where the form reads it, and a
	 * modifier not written as a form is noted as such. */
	*wwidth = *wwidth && *strict && st->comma1 == ',';
	close = memchr(s + *i, '}', n - *i);
	*i = close ? (size_t)(close - s) + 1 : n;
	return true;
}

/* Writes value it + off in base, width characters at least, as BIND
 * writes it; false with e->msg where BIND refuses it (how: the numbers
 * it cut, for the message). */
static bool put_value(struct zl_buf *out, uint64_t it, int64_t off,
		      int64_t width, char base, const char *how,
		      struct gerr *e)
{
	size_t len0 = out->len;
	int64_t v = (int64_t)it + off;
	char fmt[8];

	if (v > (int64_t)GEN_MAXVAL) {
		snprintf(e->msg, sizeof e->msg, "$GENERATE offset makes the "
			 "value %" PRId64 ", above 2147483647, which BIND "
			 "refuses%s%s%s", v, BIND_READS(how));
		return false;
	}
	if (width > GEN_MAXOUT) {
		snprintf(e->msg, sizeof e->msg, "$GENERATE width %" PRId64
			 " is over %d, which BIND refuses (\"ran out of "
			 "space\")%s%s%s", width, GEN_MAXOUT, BIND_READS(how));
		return false;
	}
	/* A value below 0 is written as BIND writes its int: with a sign in
	 * decimal, as 32 bits in the other bases ("-4", "fffffffc"). */
	if (base == 'd') {
		zl_buf_addf(out, "%0*" PRId64, (int)width, v);
	} else if (base == 'n' || base == 'N') {
		nibbles(out, (uint32_t)v, (uint64_t)width, base == 'N');
	} else {
		snprintf(fmt, sizeof fmt, "%%0*%s", base == 'o' ? PRIo32 :
			 base == 'x' ? PRIx32 : PRIX32);
		zl_buf_addf(out, fmt, (int)width, (uint32_t)v);
	}
	if (out->len - len0 > GEN_MAXOUT) {
		snprintf(e->msg, sizeof e->msg, "$GENERATE modifier writes "
			 "%zu characters, over %d, which BIND refuses (\"ran "
			 "out of space\")%s%s%s", out->len - len0, GEN_MAXOUT,
			 BIND_READS(how));
		return false;
	}
	return true;
}

/* Notes in e, unless it holds a note already, what BIND reads of the
 * template's bytes [at, at + len) that it does not say. */
static void ZL_PRINTF(4, 5) gen_note(struct gerr *e, size_t at, size_t len,
				     const char *fmt, ...)
{
	va_list ap;

	if (e->nlen)
		return;
	e->noff = at;
	e->nlen = len;
	va_start(ap, fmt);
	vsnprintf(e->note, sizeof e->note, fmt, ap);
	va_end(ap);
}

/* Reads the modifier {offset[,width[,base]]} at s[*i] == '{' and writes
 * the value it, so modified, to out.  The numbers are read as BIND reads
 * them (bind_int, scan_modifier): one it wraps to 32 bits, or a modifier
 * BIND reads otherwise than written, is noted in e, once. */
static bool modifier(const char *s, size_t n, size_t *i, uint64_t it,
		     struct mod_state *st, struct zl_buf *out, struct gerr *e)
{
	size_t k, at = *i - 1;
	int64_t width = 0;
	bool woff = false, wwidth = false, strict = true;
	char base = 'd', how[96] = "", as[48];
	int len;

	if (!scan_modifier(s, n, i, st, &width, &base, &woff, &wwidth,
			   &strict))
		goto bad;
	e->off = at;
	e->len = *i - at;
	len = (int)(e->len > 64 ? 64 : e->len);
	if (woff && wwidth)
		snprintf(how, sizeof how, "the offset as %" PRId64 " and the "
			 "width as %" PRId64, st->delta, width);
	else if (woff || wwidth)
		snprintf(how, sizeof how, "the %s as %" PRId64,
			 woff ? "offset" : "width", woff ? st->delta : width);
	if (!put_value(out, it, st->delta, width, base, how, e))
		return false;
	if (!strict) {
		k = (size_t)snprintf(as, sizeof as, "%" PRId64, st->delta);
		if (st->comma1 != '}')
			k += (size_t)snprintf(as + k, sizeof as - k, ",%" PRId64,
					      width);
		if (base != 'd')
			snprintf(as + k, sizeof as - k, ",%c", base);
		gen_note(e, e->off, e->len, "$GENERATE modifier '%.*s' is not "
			 "${offset[,width[,base]]}: BIND reads it as '${%s}' "
			 "and loads the records that gives; Knot DNS and NSD "
			 "refuse $GENERATE", len, s + at, as);
	}
	if (how[0])
		gen_note(e, e->off, e->len, "$GENERATE modifier '%.*s' "
			 "overflows 32 bits: BIND reads %s and loads the "
			 "records that gives; Knot DNS and NSD refuse "
			 "$GENERATE", len, s + at, how);
	return true;
bad:
	for (k = *i; k < n && s[k] != '}'; k++)
		;
	e->off = at;
	e->len = (k < n ? k + 1 : n) - at;
	snprintf(e->msg, sizeof e->msg, "invalid $GENERATE modifier: expected "
		 "${offset[,width[,base]]}, base one of d o x X n N");
	return false;
}

/* Writes template s[0..n) for value it: $ is the value, ${...} the value
 * modified, $$ a '$'; an escape (\$, \\, \DDD) is kept for the field's
 * own reader, as BIND keeps it.  BIND adds to a '$' after a modifier that
 * modifier's offset, which it keeps (mod_state). */
static bool expand(const char *s, size_t n, uint64_t it, struct zl_buf *out,
		   struct gerr *e)
{
	struct mod_state st = { 0, 0, 0, 0, 0, 0 };
	size_t i = 0;

	while (i < n) {
		if (s[i] == '\\') {
			zl_buf_add(out, s + i, i + 1 < n ? 2 : 1);
			i += 2;
		} else if (s[i] != '$') {
			zl_buf_addc(out, s[i++]);
		} else if (i + 1 < n && s[i + 1] == '$') {
			zl_buf_addc(out, '$');
			i += 2;
		} else if (i + 1 < n && s[i + 1] == '{') {
			i++;
			if (!modifier(s, n, &i, it, &st, out, e))
				return false;
		} else {
			e->off = i++;
			e->len = 1;
			if (!put_value(out, it, st.delta, 0, 'd', "", e))
				return false;
			if (st.delta)
				gen_note(e, e->off, 1, "$GENERATE '$' after a "
					 "modifier of offset %" PRId64 ": BIND "
					 "adds that offset to it as well and "
					 "loads the records that gives; Knot "
					 "DNS and NSD refuse $GENERATE",
					 st.delta);
		}
	}
	return true;
}

/* The generated text: one line per value, parts[0..np) of each written
 * from template tokens t[0..np) (owner, TTL, class, type, rdata), the
 * start of each part kept in starts.  False after reporting a template
 * error at its place in the directive. */
static bool write_lines(struct loader *L, uint16_t src,
			const struct zl_lex_tok *t, size_t np,
			const struct range *r, struct zl_buf *out,
			uint32_t *starts)
{
	const char *s;
	struct gerr e;
	struct zl_tok nat = { 0, 0 };
	uint64_t it;
	size_t j, k = 0, n;
	bool tmpl;

	e.nlen = 0;
	for (it = r->start; it <= r->stop; it += r->step) {
		for (j = 0; j < np; j++) {
			starts[k++] = (uint32_t)out->len;
			s = text_of(L, src, &t[j]);
			n = t[j].len;
			/* The owner and the rdata are templates; a quoted
			 * rdata is read as its contents, several fields. */
			tmpl = j == 0 || j == np - 1;
			if (tmpl && t[j].quoted && j == np - 1) {
				s++;
				n -= 2;
			}
			if (!tmpl) {
				zl_buf_add(out, s, n);
			} else if (!expand(s, n, it, out, &e)) {
				struct zl_tok at = {
					(uint32_t)(t[j].off + (s - text_of(
						L, src, &t[j])) + e.off),
					(uint32_t)e.len };

				zl_zone_problem(L->z, "syntax", src, at, "%s",
						e.msg);
				return false;
			}
			if (e.nlen && !nat.len)
				nat = (struct zl_tok){
					(uint32_t)(t[j].off + (s - text_of(
						L, src, &t[j])) + e.noff),
					(uint32_t)e.nlen };
			zl_buf_addc(out, j + 1 < np ? ' ' : '\n');
		}
		if (out->len > (1u << 30))
			break;	/* the budget below refuses it */
		if (r->stop - it < r->step)
			break;
	}
	if (nat.len)	/* BIND loads what it wrapped */
		zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
				src, nat, "%s", e.note);
	return true;
}

/* Takes the n records and len bytes of generated text from the run's
 * budgets of generated records and of zone text. */
static bool gen_budget(struct loader *L, uint16_t src,
		       const struct zl_lex_tok *t, size_t n, size_t len)
{
	struct zl_budget *b = L->budget;
	char sz[32];

	if (!zl_budget_take(&b->generated, n, ZL_GEN_RECORDS_PER_RUN)) {
		zl_zone_problem(L->z, "limit", src, span(t),
				"the records of this $GENERATE exceed the "
				"budget of %" PRIu64 " generated records per "
				"run", ZL_GEN_RECORDS_PER_RUN);
		return false;
	}
	if (L->total + len <= MAX_BYTES &&
	    zl_budget_take(&b->bytes, len, b->lim.bytes)) {
		L->total += len;
		return true;
	}
	zl_zone_problem(L->z, "limit", src, span(t),
			"the records of this $GENERATE exceed the budget of "
			"%s of zone text per %s",
			zl_size_str(L->total + len > MAX_BYTES ? MAX_BYTES :
				    b->lim.bytes, sz, sizeof sz),
			L->total + len > MAX_BYTES ? "zone" : "run");
	return false;
}

/* Whether template token i, after the owner, is a TTL or a class: BIND
 * reads at most one of each, in either order, before the type.  A slip
 * of a class before the type ("inn A") where a class may stand counts as
 * one: the records it makes say so (zone_record.c). */
static bool ttl_or_class(const struct loader *L, uint16_t src,
			 const struct zl_lex_line *ln, size_t i)
{
	const struct zl_lex_tok *t = &ln->toks[i];
	const char *s = text_of(L, src, t);
	uint16_t k;

	if (t->quoted || t->len == 0)
		return false;
	if ((s[0] >= '0' && s[0] <= '9') || zl_ld_class(s, t->len, &k))
		return true;
	if (i == 3)
		return zl_ld_class_slip(L, src, ln, i, false, &k);
	s = text_of(L, src, &ln->toks[3]);
	return s[0] >= '0' && s[0] <= '9' &&
	       zl_ld_class_slip(L, src, ln, i, true, &k);
}

/* The template has one type and one rdata token after the owner and the
 * optional TTL and class; false after reporting more.  An rdata of
 * several fields is quoted, as for BIND. */
static bool one_rdata(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t;
	size_t i = 3;

	while (i < 5 && i + 2 < ln->ntoks && ttl_or_class(L, src, ln, i))
		i++;
	if (i + 2 >= ln->ntoks)
		return true;
	t = &ln->toks[i + 2];
	zl_zone_problem(L->z, "syntax", src, span(t),
			"extra field '%.*s%s' after the $GENERATE rdata "
			"(quote an rdata of several fields)",
			ZL_TOKARGS(text_of(L, src, t), t->len));
	return false;
}

/* BIND reads a $GENERATE directive as one line: a '(' in it, outside
 * quotes and comments, is "unbalanced parentheses" there (and Knot DNS and
 * NSD refuse the directive anyway).  Returns false after reporting it. */
static bool no_parens(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	const char *b = L->z->srcs[src]->buf;
	bool quoted = false;
	uint32_t i;

	for (i = ln->start; i < ln->end; i++) {
		if (b[i] == '\\')
			i++;
		else if (b[i] == '"')
			quoted = !quoted;
		else if (!quoted && b[i] == ';')
			while (i + 1 < ln->end && b[i + 1] != '\n')
				i++;
		else if (!quoted && (b[i] == '(' || b[i] == ')'))
			break;
	}
	if (i >= ln->end)
		return true;
	zl_zone_problem(L->z, "syntax", src, (struct zl_tok){ i, 1 },
			"parentheses in a $GENERATE directive, which BIND "
			"reads as one line and refuses");
	return false;
}

void zl_ld_generate(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln)
{
	const struct zl_src *ps = L->z->srcs[src];
	struct zl_buf out = { NULL, 0, 0 };
	struct zl_name *prev_owner = L->prev_owner;
	bool prev_bad = L->prev_bad;
	struct zl_tok *parts;
	struct zl_src *gs;
	struct range r = { 0 };
	uint32_t *starts;
	size_t np, j, count;
	int idx;
	/* what is missing after the words given (a TTL or class may be
	 * the third) */
	static const char *const missing[4] = {
		"a range, owner, type and rdata", "an owner, type and rdata",
		"a type and rdata", "a type or rdata" };

	/* $GENERATE range owner [ttl] [class] type rdata: the range first,
	 * as BIND reads it, before a field too many or too few after it. */
	if (!no_parens(L, src, ln) ||
	    (ln->ntoks >= 2 && !gen_range(L, src, &ln->toks[1], &r)) ||
	    !zl_ld_args(L, src, ln, 4, 6,
			missing[ln->ntoks - 1 < 4 ? ln->ntoks - 1 : 0]) ||
	    !one_rdata(L, src, ln))
		return;
	if (!L->noted_generate) {
		L->noted_generate = true;
		zl_zone_refused(L->z, ZL_NOT_KNOT | ZL_NOT_NSD, "portable",
				src, span(&ln->toks[0]), "$GENERATE is BIND's "
				"own: Knot DNS and NSD refuse the zone "
				"(reported once per zone)");
	}
	/* After the note: BIND loads what the loader's limit leaves out,
	 * and the others refuse it all the same. */
	if (!gen_count(L, src, &ln->toks[1], &r))
		return;
	np = ln->ntoks - 2;
	count = (size_t)((r.stop - r.start) / r.step + 1);
	starts = zl_xcalloc(count * np, sizeof *starts);
	if (!write_lines(L, src, ln->toks + 2, np, &r, &out, starts) ||
	    !gen_budget(L, src, &ln->toks[1], count, out.len)) {
		free(starts);
		zl_buf_free(&out);
		return;
	}
	zl_buf_addc(&out, '\0');
	idx = zl_ld_add_src(L->z, ps->path, ps->display, out.s, out.len - 1,
			    NULL);
	if (idx < 0) {
		free(starts);
		zl_zone_problem(L->z, "limit", src, span(&ln->toks[0]),
				"more than %d source files", MAX_SRCS);
		return;
	}
	parts = zl_xcalloc(np, sizeof *parts);
	for (j = 0; j < np; j++)
		parts[j] = span(&ln->toks[2 + j]);
	gs = L->z->srcs[idx];
	gs->gen_src = src;
	gs->gen_at = span(&ln->toks[0]);
	gs->gen_parts = parts;
	gs->gen_starts = starts;
	gs->gen_nparts = np;
	gs->gen_count = count;
	/* The records stand for the directive: they do not become the
	 * owner of the blank-owner lines after it. */
	L->generating = true;
	L->process(L, (uint16_t)idx);
	L->generating = false;
	L->prev_owner = prev_owner;
	L->prev_bad = prev_bad;
	L->after_directive = "$GENERATE";
}

/* Whether a and b, two problems of generated text, say the same at the
 * same place of one directive's template. */
static bool same_problem(const struct zl_zone *z, const struct zl_problem *a,
			 const struct zl_problem *b)
{
	struct zl_loc x, y;

	if (a->src != b->src || a->refused != b->refused ||
	    strcmp(a->category, b->category) != 0 ||
	    strcmp(a->message, b->message) != 0)
		return false;
	x = zl_zone_loc(z, a->src, a->at);
	y = zl_zone_loc(z, b->src, b->at);
	return x.line == y.line && x.col == y.col &&
	       x.end_line == y.end_line && x.end_col == y.end_col;
}

#define GEN_SEEN 64	/* the problems before a record looked back at */

void zl_ld_gen_prune(struct loader *L, size_t first)
{
	struct zl_zone *z = L->z;
	struct zl_problem *p = z->probs;
	size_t i, j, k = first, lo = first > GEN_SEEN ? first - GEN_SEEN : 0;
	bool drop;

	for (i = first; i < z->nprobs; i++) {
		/* Only BIND reads $GENERATE: what the others refuse in its
		 * records they refuse with the directive. */
		drop = p[i].refused && !(p[i].refused & ZL_NOT_BIND);
		for (j = first; !drop && j-- > lo && p[j].src == p[i].src;)
			drop = same_problem(z, &p[j], &p[i]);
		if (!drop)
			p[k++] = p[i];
	}
	z->nprobs = k;
}
