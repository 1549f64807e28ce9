/* zone_lex.c - the master-file tokenizer (RFC 1035 §5.1), TTLs, TYPEnnn. */
#include "zone_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two stacks of offsets (8 KiB) are left as they are: only entries
 * below their counts are ever read, and most zones never open a '('. */
void zl_lex_init(struct zl_lexer *lx, const char *buf, size_t len)
{
	lx->buf = buf;
	lx->len = len;
	lx->pos = 0;
	lx->has_nul = memchr(buf, '\0', len) != NULL;
	lx->toks = NULL;
	lx->ntoks = lx->cap = 0;
	lx->cmts = NULL;
	lx->ncmts = lx->capcmts = 0;
	lx->nunclosed = lx->iunclosed = 0;
	lx->cr_noted = false;
	lx->cr_off = 0;
}

void zl_lex_free(struct zl_lexer *lx)
{
	free(lx->toks);
	free(lx->cmts);
	lx->toks = NULL;
	lx->cmts = NULL;
	lx->ntoks = lx->cap = 0;
	lx->ncmts = lx->capcmts = 0;
}

/* Offset just past the '\n' that ends the line holding off (or the end). */
/* Where the physical line holding off ends, for resuming after an error:
 * at its LF, or at a CR that no LF follows, which BIND and NSD read as a
 * line break too outside comments (lex_step); lx->len at the end. */
static size_t line_end(const struct zl_lexer *lx, size_t off)
{
	const char *nl = memchr(lx->buf + off, '\n', lx->len - off);
	size_t end = nl ? (size_t)(nl - lx->buf) : lx->len;
	const char *cr = memchr(lx->buf + off, '\r', end - off);

	while (cr && (size_t)(cr - lx->buf) + 1 < end)
		if (cr[1] != '\n')
			return (size_t)(cr - lx->buf);
		else
			cr = memchr(cr + 1, '\r', end - (size_t)(cr + 1 - lx->buf));
	return end;
}

static size_t next_line(const struct zl_lexer *lx, size_t off)
{
	size_t end = line_end(lx, off);

	return end < lx->len ? end + 1 : lx->len;
}

/* Records the first problem of a line; later ones add nothing useful
 * because the line is dropped anyway. */
static void ZL_PRINTF(5, 6) lex_err(struct zl_lex_line *ln, const char *cat,
				    size_t off, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (ln->err_cat)
		return;
	ln->err_cat = cat;
	ln->err_at.off = (uint32_t)off;
	ln->err_at.len = (uint32_t)len;
	va_start(ap, fmt);
	vsnprintf(ln->err_msg, sizeof ln->err_msg, fmt, ap);
	va_end(ap);
}

static void add_tok(struct zl_lexer *lx, struct zl_lex_line *ln, size_t off,
		    size_t len, bool quoted)
{
	struct zl_lex_tok *t;
	const char *nul;

	/* A raw NUL byte is no RFC 1035 text, and the field converters
	 * would silently stop at it: report it where it is.  A zero byte
	 * of data is written \000. */
	if (lx->has_nul && (nul = memchr(lx->buf + off, '\0', len)) != NULL) {
		lex_err(ln, "syntax", (size_t)(nul - lx->buf), 1,
			"NUL byte in the zone text (write a zero byte as \\000)");
		return;
	}
	if (len > ZL_LEX_MAXTOKLEN) {
		lex_err(ln, "limit", off, len, "token of %zu bytes exceeds %d",
			len, ZL_LEX_MAXTOKLEN);
		return;
	}
	if (lx->ntoks >= ZL_LEX_MAXTOKS) {
		lex_err(ln, "limit", off, len,
			"more than %zu rdata tokens in one record",
			(size_t)ZL_LEX_MAXRDTOKS);
		return;
	}
	if (lx->ntoks == lx->cap)
		zl_xgrow((void **)&lx->toks, &lx->cap, lx->ntoks + 1,
			 sizeof *t);
	t = &lx->toks[lx->ntoks++];
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->quoted = quoted;
	ln->end = (uint32_t)(off + len);
}

/* Scans a quoted string starting at the '"' at pos.  Returns the offset one
 * past the closing quote, or 0 when the input ends first, or the line
 * unless lines may break inside it (multiline). */
static size_t scan_quoted(const struct zl_lexer *lx, size_t pos,
			  bool multiline)
{
	static const bool stop[256] = {
		['\n'] = true, ['"'] = true, ['\\'] = true,
	};
	const unsigned char *b = (const unsigned char *)lx->buf;
	const unsigned char *end;
	size_t q = pos + 1;

	/* Most strings hold no escape and no line break: the closing quote
	 * found by memchr ends them.  The quote found is the next one in
	 * the text, so no byte is searched twice over the input. */
	if (q < lx->len &&
	    (end = memchr(b + q, '"', lx->len - q)) != NULL &&
	    !memchr(b + q, '\\', (size_t)(end - b) - q) &&
	    !memchr(b + q, '\n', (size_t)(end - b) - q))
		return (size_t)(end - b) + 1;
	while (q < lx->len) {
		if (!stop[b[q]])
			q++;
		else if (b[q] == '"')
			return q + 1;
		else if (b[q] == '\n' && multiline)
			q++;
		else if (b[q] == '\n' || q + 1 >= lx->len)
			return 0;
		/* \X is X, a line break too (RFC 1035 §5.1), also as CR LF */
		else if (b[q + 1] == '\r' && q + 2 < lx->len &&
			 b[q + 2] == '\n')
			q += 3;
		else
			q += 2;
	}
	return 0;
}

/* The bytes that end a word (RFC 1035 §5.1), and the backslash that may
 * keep the next one in it. */
static const bool word_stop[256] = {
	[' '] = true, ['\t'] = true, ['\r'] = true, ['\n'] = true,
	[';'] = true, ['('] = true, [')'] = true, ['"'] = true,
	['\\'] = true,
};

static size_t scan_word(const struct zl_lexer *lx, size_t pos)
{
	const unsigned char *b = (const unsigned char *)lx->buf;
	size_t q = pos;

	while (q < lx->len) {
		if (!word_stop[b[q]])
			q++;
		/* A backslash keeps the next byte in the word (\; \( \ ),
		 * a line break too, as NSD reads it (RFC 1035 §5.1: \X is
		 * X), and Knot DNS in a name: the word and the record go on
		 * on the next line.  BIND refuses it (zone_name.c,
		 * zone_string.c). */
		else if (b[q] == '\\')
			q += q + 1 < lx->len ? 2 : 1;
		else
			break;
	}
	return q;
}

/* Whether the word buf[pos, q), which ends the input, ends in a
 * backslash that escapes nothing, after a byte of its own.  NSD ignores
 * it; BIND refuses the zone (zone_load.c names what Knot DNS does). */
static bool eof_escape(const struct zl_lexer *lx, size_t pos, size_t q)
{
	size_t k = 0;

	while (q - k > pos && lx->buf[q - 1 - k] == '\\')
		k++;
	return k % 2 == 1 && q - pos > 1;
}

/* Whether the '(' at off is one the last full scan found unclosed. */
static bool known_unclosed(struct zl_lexer *lx, size_t off)
{
	while (lx->iunclosed < lx->nunclosed &&
	       lx->unclosed[lx->iunclosed] < off)
		lx->iunclosed++;
	return lx->iunclosed < lx->nunclosed &&
	       lx->unclosed[lx->iunclosed] == off;
}

/* Drops the line's notes on the byte at off: a quote that opens a string
 * never closed is an error every server refuses, and a note on it that
 * names some of them would contradict it. */
static void unwarn_at(struct zl_lex_line *ln, size_t off)
{
	size_t i, k = 0;

	for (i = 0; i < ln->nwarns; i++)
		if (ln->warns[i].at.off != off)
			ln->warns[k++] = ln->warns[i];
	ln->nwarns = k;
}

/* Drops the line's notes from byte from on: the lines there are read
 * again, and note their own. */
static void unwarn_from(struct zl_lex_line *ln, size_t from)
{
	size_t i, k = 0;

	for (i = 0; i < ln->nwarns; i++)
		if (ln->warns[i].at.off < from)
			ln->warns[k++] = ln->warns[i];
	ln->nwarns = k;
}

static void unclosed_paren(struct zl_lexer *lx, struct zl_lex_line *ln,
			   size_t off)
{
	ln->err_cat = NULL;	/* this one decides where lexing resumes */
	lex_err(ln, "syntax", off, 1,
		"unbalanced '(': no closing ')' before end of file");
	ln->unclosed = true;
	ln->ntoks = 0;
	lx->pos = next_line(lx, off);
	/* the '(' is the error, and the lines after it note their own */
	unwarn_at(ln, off);
	unwarn_from(ln, lx->pos);
	if (lx->cr_noted && lx->cr_off >= lx->pos)
		lx->cr_noted = false;	/* noted there again */
	/* The lines after the '(' are read again: their comments too. */
	while (lx->ncmts > 0 && lx->cmts[lx->ncmts - 1].off >= lx->pos)
		lx->ncmts--;
}

/* Adds the comment whose ';' is at pos and returns where it ends: at the
 * line break, which is not part of it (nor the CR of CR LF). */
static size_t add_comment(struct zl_lexer *lx, size_t pos)
{
	/* To the LF: BIND and NSD read a CR alone in a comment into it. */
	const char *p = memchr(lx->buf + pos, '\n', lx->len - pos);
	size_t end = p ? (size_t)(p - lx->buf) : lx->len, e = end;
	struct zl_tok *c;

	if (e > pos && lx->buf[e - 1] == '\r')
		e--;
	zl_xgrow((void **)&lx->cmts, &lx->capcmts, lx->ncmts + 1, sizeof *c);
	c = &lx->cmts[lx->ncmts++];
	c->off = (uint32_t)pos;
	c->len = (uint32_t)(e - pos);
	return end;
}

/* Notes a construct of the line that some servers refuse, those of
 * refused (ZL_NOT_* bits): each kind (msg) once per line. */
static void lex_warn(struct zl_lex_line *ln, size_t off, size_t len,
		     unsigned refused, const char *msg)
{
	size_t i;

	for (i = 0; i < ln->nwarns; i++)
		if (ln->warns[i].msg == msg)
			return;
	/* room for every kind the lexer notes: none is dropped */
	ln->warns[ln->nwarns++] = (struct zl_lex_warn){
		msg, { (uint32_t)off, (uint32_t)len }, (uint8_t)refused };
}

/* Notes the quoted string buf[pos, q) that runs on across line breaks,
 * saying how many: a closing quote left out makes it run on to the next
 * quote in the file.  BIND reads a line break inside quotes only when it
 * is escaped, Knot DNS only when it is not. */
static void string_lines(struct zl_lexer *lx, struct zl_lex_line *ln,
			 size_t pos, size_t q)
{
	size_t n = 0, esc = 0, i;

	/* lx->warn holds one such note: the line's first string */
	for (i = 0; i < ln->nwarns; i++)
		if (ln->warns[i].msg == lx->warn)
			return;
	for (i = pos + 1; i < q; i++)
		if (lx->buf[i] == '\\') {
			i += lx->buf[i + 1] == '\r';
			esc += lx->buf[++i] == '\n';
		} else {
			n += lx->buf[i] == '\n';
		}
	if (n)
		snprintf(lx->warn, sizeof lx->warn, "quoted string across %zu "
			 "line break%s, which BIND refuses", n + esc,
			 n + esc == 1 ? "" : "s");
	else	/* NSD starts the string again after the break */
		snprintf(lx->warn, sizeof lx->warn, "escaped line break in a "
			 "quoted string, which Knot DNS refuses and NSD loads "
			 "without the text before the break");
	/* NSD loads the string, cut short: a warning, not its refusal */
	lex_warn(ln, pos, 1, n ? ZL_NOT_BIND : ZL_NOT_KNOT, lx->warn);
}

/* Handles '(' at pos.  Returns false when the line ends here. */
static bool open_paren(struct zl_lexer *lx, struct zl_lex_line *ln,
		       size_t *depth)
{
	size_t pos = lx->pos;

	if (*depth == 0 && known_unclosed(lx, pos)) {
		unclosed_paren(lx, ln, pos);
		return false;
	}
	if (*depth >= ZL_LEX_MAXDEPTH) {
		ln->err_cat = NULL;
		lex_err(ln, "limit", pos, 1,
			"parentheses nested deeper than %zu",
			(size_t)ZL_LEX_MAXDEPTH);
		lx->pos = next_line(lx, pos);
		return false;
	}
	/* RFC 1035 §5.1 groups with one pair; BIND reads nested ones, and
	 * a record that opens one before its first field. */
	if (*depth > 0)
		lex_warn(ln, pos, 1, ZL_NOT_KNOT | ZL_NOT_NSD, "nested "
			 "parentheses, which Knot DNS and NSD refuse");
	else if (lx->ntoks == 0)
		lex_warn(ln, pos, 1, ln->blank ? ZL_NOT_NSD :
			 ZL_NOT_KNOT | ZL_NOT_NSD, ln->blank ?
			 "'(' before the first field of a record without "
			 "owner, which NSD refuses" :
			 "'(' before the owner, which Knot DNS and NSD refuse");
	lx->open[(*depth)++] = (uint32_t)pos;
	lx->pos = pos + 1;
	ln->end = (uint32_t)lx->pos;
	return true;
}

/* End of input inside parentheses: the outermost '(' of the record is
 * reported and lexing resumes on the line after it, so that the records
 * that follow are still checked. */
static void eof_in_parens(struct zl_lexer *lx, struct zl_lex_line *ln,
			  size_t depth)
{
	memcpy(lx->unclosed, lx->open, depth * sizeof lx->open[0]);
	lx->nunclosed = depth;
	lx->iunclosed = 0;
	unclosed_paren(lx, ln, lx->open[0]);
}

/* Whether the fields and parentheses of line ln all stand on its first
 * line: what follows is blank or comments. */
static bool fields_end_first_line(const struct zl_lexer *lx,
				  const struct zl_lex_line *ln)
{
	const char *nl = memchr(lx->buf + ln->start, '\n',
				lx->len - ln->start);

	return !nl || ln->end <= (size_t)(nl - lx->buf);
}

/* A quoted string at pos that its line does not close, outside
 * parentheses: when the next line closes it, as NSD reads it, and the
 * rest of that line reads whole (its quotes closed), the two lines are
 * one broken record, not a broken line and a second one; returns the
 * start of the line after them.  0 otherwise: a quote left out, whose
 * next one, further on, opens another string. */
static size_t read_on(const struct zl_lexer *lx, size_t pos)
{
	size_t q = scan_quoted(lx, pos, true), i;
	const char *nl = memchr(lx->buf + pos, '\n', lx->len - pos);
	bool in = false;

	if (q == 0 || !nl ||
	    memchr(nl + 1, '\n', q - (size_t)(nl + 1 - lx->buf)))
		return 0;
	for (i = q; i < lx->len && lx->buf[i] != '\n' &&
	     (in || lx->buf[i] != ';'); i++) {
		if (lx->buf[i] == '\\') {
			if (i + 1 >= lx->len || lx->buf[i + 1] == '\n' ||
			    lx->buf[i + 1] == '\r')
				return 0;	/* the line goes on */
			i++;
		} else if (lx->buf[i] == '"') {
			in = !in;
		} else if (lx->buf[i] == '(' && !in) {
			return 0;	/* so does the record */
		}
	}
	return in ? 0 : next_line(lx, q - 1);
}

/* Whether the token at pos was noted as standing right after the one
 * before it, with no blank: a run of such tokens is one mistake (most
 * often a quote meant inside a string, "a "b" c"), noted once, where it
 * begins. */
static bool glued(const struct zl_lex_line *ln, size_t pos)
{
	size_t i;

	for (i = 0; i < ln->nwarns; i++)
		if (ln->warns[i].refused == ZL_LEX_UNBLANKED &&
		    ln->warns[i].at.off == pos)
			return true;
	return false;
}

/* Whether the quote at pos stands right after a word of its line. */
static bool after_word(const struct zl_lexer *lx, size_t pos)
{
	const struct zl_lex_tok *t = lx->ntoks ? &lx->toks[lx->ntoks - 1] :
						  NULL;

	return t && !t->quoted && t->off + t->len == pos;
}

/* Where to resume after a record whose quoted string runs on to the end
 * of the input inside depth open parentheses, from the line after the
 * quote: after the line of the ')' that closes them, counted outside
 * comments (the quotes are what is broken), so that the record's own ')'
 * is not another error; at off when none closes them. */
static size_t after_group(const struct zl_lexer *lx, size_t off, size_t depth)
{
	const char *b = lx->buf, *p;
	size_t i;

	for (i = off; depth > 0 && i < lx->len; i++) {
		if (b[i] == ';') {
			if (!(p = memchr(b + i, '\n', lx->len - i)))
				break;
			i = (size_t)(p - b);
		} else if (b[i] == '(') {
			depth++;
		} else if (b[i] == ')' && --depth == 0) {
			return next_line(lx, i);
		}
	}
	return off;
}

bool zl_lex_knot_mutes(const char *buf, size_t len, size_t off)
{
	size_t i = off < len ? off : len;

	if (memchr(buf + i, '\n', len - i))
		return false;
	while (i > 0 && buf[i - 1] != '\n')
		i--;
	return memchr(buf + i, '\r', len - i) != NULL;
}

bool zl_lex_knot_drops(const char *buf, size_t len, size_t off)
{
	size_t i = off < len ? off : len;
	bool field = false, cr = false, quoted = false;

	if (memchr(buf + i, '\n', len - i))
		return false;
	while (i > 0 && buf[i - 1] != '\n')
		i--;
	for (; i < len && (quoted || buf[i] != ';'); i++) {
		if (buf[i] == '\r')
			cr = true;
		else if (buf[i] == '"')
			quoted = !quoted;
		else if (buf[i] == '\\' && i + 1 < len)
			i++;
		if (!strchr(" \t\r()", buf[i]))
			field = true;
	}
	return field && cr;
}

/* Notes the CR at cr, outside quotes and comments: Knot DNS refuses the
 * zone ("remove CR bytes"), but on the input's last line, no line break
 * after it, it reads the CR as a blank where the line holds no field,
 * and ignores the line without a word where it does. */
static void note_cr(const struct zl_lexer *lx, struct zl_lex_line *ln,
		    size_t cr)
{
	if (zl_lex_knot_drops(lx->buf, lx->len, cr) &&
	    !memchr(lx->buf, '\n', lx->len))
		lex_warn(ln, cr, 1, 0, "CR line breaks alone, no LF in the "
			 "file: Knot DNS reads it as one line, which no line "
			 "break ends, and ignores it without a word (BIND and "
			 "NSD read the lines): save the file with LF line "
			 "breaks");
	else if (zl_lex_knot_drops(lx->buf, lx->len, cr))
		lex_warn(ln, cr, 1, 0, "CR in the file's last line, which no "
			 "line break ends: Knot DNS ignores the line without a "
			 "word (BIND and NSD read it): end the file with an LF "
			 "line break");
	else if (memchr(lx->buf + cr, '\n', lx->len - cr))
		lex_warn(ln, cr, 1, ZL_NOT_KNOT, "CR line break (a CR byte "
			 "outside quotes and comments), which Knot DNS refuses: "
			 "save the file with LF line breaks");
}

/* Handles one byte or token at lx->pos.  Returns false when the logical
 * line is complete. */
static bool lex_step(struct zl_lexer *lx, struct zl_lex_line *ln,
		     size_t *depth)
{
	size_t pos = lx->pos, q, cr;
	bool lone, run;

	switch (lx->buf[pos]) {
	case ' ': case '\t': case '\r':
		cr = SIZE_MAX;
		lone = false;
		for (q = pos; q < lx->len; q++)
			if (lx->buf[q] == '\r') {
				cr = cr == SIZE_MAX ? q : cr;
				/* A CR alone ends the line, as in BIND and
				 * NSD (line_end). */
				if (q + 1 < lx->len && lx->buf[q + 1] != '\n') {
					lone = true;
					q++;
					break;
				}
			} else if (lx->buf[q] != ' ' && lx->buf[q] != '\t') {
				break;
			}
		lx->pos = q;
		/* Once a file: a comment's CR is its own, and Knot DNS reads
		 * it; one between tokens or before a line break it refuses. */
		if (cr != SIZE_MAX && !lx->cr_noted) {
			lx->cr_noted = true;
			lx->cr_off = cr;
			note_cr(lx, ln, cr);
		}
		return !lone || *depth > 0;
	case '\n':
		lx->pos++;
		return *depth > 0;
	case ';':
		lx->pos = add_comment(lx, pos);
		return true;
	case '(':
		return open_paren(lx, ln, depth);
	case ')':
		if (*depth == 0)
			lex_err(ln, "syntax", pos, 1, "unbalanced ')'");
		else
			(*depth)--;
		lx->pos = pos + 1;
		ln->end = (uint32_t)lx->pos;
		return true;
	case '"':
		/* Inside parentheses line ends are not recognized (RFC 1035
		 * §5.1), so Knot DNS and NSD read a string across them;
		 * outside, the string ends at the line end and the record
		 * is dropped. */
		if ((q = scan_quoted(lx, pos, *depth > 0)) == 0) {
			ln->err_cat = NULL;
			ln->ntoks = 0;
			unwarn_at(ln, pos);
			q = *depth == 0 ? read_on(lx, pos) : 0;
			/* A stray quote in a word (NS b"): BIND and Knot DNS
			 * refuse its line and read the next one on its own,
			 * with errors of its own, which NSD swallows. */
			if (q && after_word(lx, pos)) {
				lex_err(ln, "syntax", pos, 1, "stray quote "
					"after a word: BIND and Knot DNS read "
					"the next line alone, NSD up to its "
					"quote");
				q = 0;
			} else if (q) {
				lex_err(ln, "syntax", pos, 1, "unterminated "
					"quoted string (NSD reads on to the "
					"quote on the next line)");
				lx->pos = q;
				return false;
			} else {
				lex_err(ln, "syntax", pos, 1,
					"unterminated quoted string");
			}
			lx->pos = after_group(lx, next_line(lx, pos), *depth);
			return false;
		}
		if (memchr(lx->buf + pos, '\n', q - pos))
			string_lines(lx, ln, pos, q);
		run = glued(ln, pos);
		add_tok(lx, ln, pos, q - pos, true);
		lx->pos = q;
		/* RFC 1035 §5.1 ends a string at its quote, and BIND reads
		 * on, NSD too in TXT and SPF; Knot DNS wants a blank. */
		if (run)
			return true;	/* noted where its run begins */
		if (q < lx->len && (!word_stop[(unsigned char)lx->buf[q]] ||
				    lx->buf[q] == '\\'))
			lex_warn(ln, q, 1, ZL_LEX_UNBLANKED, "no blank after a "
				 "quoted string");
		else if (q < lx->len && lx->buf[q] == '"')
			lex_warn(ln, q, 1, ZL_LEX_UNBLANKED, "a quoted string "
				 "right after another");
		return true;
	default:
		q = scan_word(lx, pos);
		/* read as NSD reads it: without that backslash */
		ln->eof_bs = q == lx->len && eof_escape(lx, pos, q);
		run = glued(ln, pos);
		add_tok(lx, ln, pos, q - pos - ln->eof_bs, false);
		lx->pos = q;
		/* A quote right after a word: Knot DNS takes it only after
		 * an SVCB key's '=' (alpn="h2"). */
		if (!run && q < lx->len && lx->buf[q] == '"' &&
		    lx->buf[q - 1] != '=')
			lex_warn(ln, q, 1, ZL_LEX_UNBLANKED, "a quote right "
				 "after a word");
		return true;
	}
}

bool zl_lex_next(struct zl_lexer *lx, struct zl_lex_line *ln)
{
	size_t depth = 0;

	if (lx->pos >= lx->len)
		return false;
	/* Not memset: the message is read only when err_cat is set. */
	ln->err_cat = NULL;
	ln->err_msg[0] = '\0';
	ln->err_at = (struct zl_tok){ 0, 0 };
	ln->unclosed = false;
	ln->eof_open = 0;
	ln->eof_bs = false;
	ln->nwarns = 0;
	lx->ntoks = lx->ncmts = 0;
	ln->start = ln->end = (uint32_t)lx->pos;
	ln->blank = lx->buf[lx->pos] == ' ' || lx->buf[lx->pos] == '\t';
	for (;;) {
		if (lx->pos >= lx->len) {
			if (depth > 0 && !ln->err_cat && lx->ntoks > 0 &&
			    fields_end_first_line(lx, ln))
				ln->eof_open = lx->open[0] + 1;
			else if (depth > 0)
				eof_in_parens(lx, ln, depth);
			break;
		}
		if (!lex_step(lx, ln, &depth))
			break;
	}
	ln->toks = lx->toks;
	ln->ntoks = lx->ntoks;
	ln->comments = lx->cmts;
	ln->ncomments = lx->ncmts;
	return true;
}

/* ---- TTLs ---- */

static uint64_t unit_secs(char c)
{
	switch (c) {
	case 's': case 'S': return 1;
	case 'm': case 'M': return 60;
	case 'h': case 'H': return 3600;
	case 'd': case 'D': return 86400;
	case 'w': case 'W': return 604800;
	default: return 0;
	}
}

int zl_ttl_parse(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t total = 0, num, u;
	size_t i = 0, start;
	bool big = false;

	if (n == 0)
		return -1;
	while (i < n) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		start = i;
		for (num = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (num > (UINT64_MAX - 9) / 10)
				big = true;
			else
				num = num * 10 + (uint64_t)(s[i] - '0');
		}
		u = 1;
		if (i < n) {
			if ((u = unit_secs(s[i])) == 0)
				return -1;
			i++;
		} else if (start > 0) {
			/* "1h30": BIND and Knot DNS want a unit after every
			 * number once one has one; NSD adds seconds. */
			return -1;
		}
		if (num > 0 && u > UINT64_MAX / num)
			big = true;
		else if (total > UINT64_MAX - num * u)
			big = true;
		else
			total += num * u;
	}
	*out = big ? UINT64_MAX : total;
	return big || total > max ? -2 : 0;
}

/* Whether s[i..i+4) is an escape \DDD of a byte (0..255); the byte in
 * *b. */
static bool ddd(const char *s, size_t n, size_t i, char *b)
{
	unsigned v = 0;
	size_t k;

	if (i + 3 >= n || s[i] != '\\')
		return false;
	for (k = 1; k <= 3; k++) {
		if (s[i + k] < '0' || s[i + k] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i + k] - '0');
	}
	*b = (char)v;
	return v <= 255;
}

/* The bytes of s[i..n) that a clip keeps whole: a UTF-8 character,
 * written as itself or as \DDD escapes (\195\169), an escape, else one
 * byte. */
static size_t clip_unit(const char *s, size_t n, size_t i)
{
	char b[4];
	size_t k = 0, len;

	if (s[i] != '\\')
		return (len = zl_utf8_len(s + i, n - i)) ? len : 1;
	if (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9')
		return 2;
	while (k < 4 && ddd(s, n, i + 4 * k, &b[k]))
		k++;
	return (len = zl_utf8_len(b, k)) ? 4 * len : 4;
}

int zl_clip_len(const char *s, size_t n)
{
	size_t i = 0, k;

	if (n <= ZL_CLIP)
		return (int)n;
	while (i < ZL_CLIP) {
		k = clip_unit(s, n, i);
		if (i + k > ZL_CLIP)
			break;
		i += k;
	}
	return (int)i;
}

/* ---- RFC 3597 generic mnemonics ---- */

bool zl_lex_generic_num(const char *s, size_t n, size_t prefix,
			uint16_t *out)
{
	uint16_t v;

	if (zl_lex_generic_form(s, n, prefix, &v) != 0)
		return false;
	*out = v;
	return true;
}

unsigned zl_lex_generic_form(const char *s, size_t n, size_t prefix,
			     uint16_t *out)
{
	const unsigned none = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD;
	size_t i, digits = prefix;
	uint32_t v = 0;
	char sign = 0;

	if (n > prefix && (s[prefix] == '+' || s[prefix] == '-'))
		sign = s[digits++];
	if (n <= digits)
		return none;
	for (i = digits; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return none;
		if (v <= 65535)
			v = v * 10 + (uint32_t)(s[i] - '0');
	}
	/* strtoul(3) makes "-1" a huge number, "-0" zero. */
	if (v > 65535 || (sign == '-' && v != 0) || (sign && n - prefix > 5))
		return none;
	*out = (uint16_t)v;
	if (n - prefix > 5)
		return ZL_NOT_BIND;
	return sign ? ZL_NOT_KNOT | ZL_NOT_NSD : 0;
}

const char *zl_lex_generic_how(unsigned not)
{
	return not & ZL_NOT_BIND ? "of more than five digits" :
	       "written with a sign";
}
