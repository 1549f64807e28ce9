/* zone_load.c - reads zone files: the line loop and the entry points
 * (the state of a load: zone_state.c; records: zone_record.c; directives:
 * zone_directive.c). */
#include "zone_loader.h"

#include <inttypes.h>
#include <ldns/ldns.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fs.h"
#include "impl.h"

/* The type of a record the lexer rejected, when the tokens it read before
 * the error name one after the optional TTL and class; 0 otherwise. */
static uint16_t type_before_error(const struct loader *L, uint16_t src,
				  const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t;
	const char *s;
	uint16_t v;
	size_t i;

	for (i = ln->blank ? 0 : 1; i < ln->ntoks; i++) {
		t = &ln->toks[i];
		s = text_of(L, src, t);
		if (t->quoted || t->len == 0 || t->off + t->len > ln->err_at.off)
			return 0;
		if (!(s[0] >= '0' && s[0] <= '9') && !zl_ld_class(s, t->len, &v))
			return zl_type_parse(s, t->len, &v) ? v : 0;
	}
	return 0;
}

/* A record the lexer rejected still names its owner when the error comes
 * after the owner field, and the blank-owner records that follow belong to
 * it (RFC 1035 §5.1): keep it, so that they are still checked instead of
 * silently dropped.  A rejected directive leaves the owner as it was. */
static void owner_after_error(struct loader *L, uint16_t src,
			      const struct zl_lex_line *ln)
{
	const char *b = L->z->srcs[src]->buf;
	struct zl_lex_tok t = { .off = ln->start };
	uint8_t wire[ZL_NAME_MAXWIRE];
	uint32_t end = ln->start;

	if (b[ln->start] == '$')
		return;
	if (ln->blank) {
		if (!L->prev_bad && L->prev_owner)
			zl_zone_lost(L->z, L->prev_owner,
				     type_before_error(L, src, ln));
		return;
	}
	L->prev_bad = true;
	while (end < ln->err_at.off && !memchr(" \t\r\n;()\"", b[end], 8))
		end++;
	if (end == ln->start || end >= ln->err_at.off)
		return;		/* the error is in the owner itself */
	t.len = end - ln->start;
	if (zl_ld_name(L, src, &t, wire) == 0)
		return;
	L->prev_owner = zl_name_intern_wire(L->z, wire);
	L->prev_bad = false;
	zl_zone_lost(L->z, L->prev_owner, type_before_error(L, src, ln));
}

/* Keeps the comments of a line; the records never see them. */
static void keep_comments(struct zl_zone *z, uint16_t src,
			  const struct zl_lex_line *ln)
{
	size_t i;

	if (ln->ncomments == 0)
		return;
	zl_xgrow((void **)&z->comments, &z->capcomments,
		 z->ncomments + ln->ncomments, sizeof *z->comments);
	for (i = 0; i < ln->ncomments; i++)
		z->comments[z->ncomments++] = (struct zl_comment){
			src, ln->comments[i] };
}

/* Why buf[0..len) is not zone text, or NULL: a UTF-16 or gzip file, a
 * zone BIND wrote in its raw format, or other binary data (two NUL or
 * control bytes in its first 64, where zone text has none: text with
 * noise further on gets an error per line instead).  *at: where it
 * shows. */
static const char *not_text(const char *buf, size_t len, size_t *at)
{
	const unsigned char *b = (const unsigned char *)buf;
	size_t n = len < 64 ? len : 64, bad = 0, i;

	*at = 0;
	if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
			 (b[0] == 0xfe && b[1] == 0xff)))
		return "the file is UTF-16 text, which no server reads: save "
		       "it as UTF-8 or ASCII";
	if (len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return "the file is gzip-compressed, not zone text: "
		       "decompress it first";
	/* BIND's raw header: format 2, version 0 or 1, big-endian. */
	if (len >= 8 && memcmp(b, "\0\0\0\2\0\0\0", 7) == 0 && b[7] <= 1)
		return "the file is in BIND's raw format (masterfile-format "
		       "raw), not zone text: 'named-compilezone -f raw -F "
		       "text' writes it as text";
	for (i = 0; i < n; i++)
		if (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' &&
		    b[i] != '\r' && b[i] != '\f' && bad++ == 0)
			*at = i;
	if (bad >= 2)
		return "the file holds binary data (NUL and control bytes), "
		       "not zone text";
	*at = 0;
	return NULL;
}

/* Reads source src, line by line, into the zone. */
/* The problems from first on, of one record, that each some servers
 * refuse, but together all three (a KEY with hex flags, which Knot DNS
 * and NSD refuse, and a key after NOKEY flags, which BIND refuses): no
 * server loads the zone, and it is an error. */
static void refused_everywhere(struct loader *L, size_t first)
{
	const unsigned all = ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD;
	const struct zl_problem *p = L->z->probs;
	unsigned sum = 0;
	size_t i, at = first;

	for (i = first; i < L->z->nprobs; i++) {
		if ((p[i].refused & all) == all)
			return;		/* an error already */
		sum |= p[i].refused & all;
		/* at the record's first such part */
		if (p[i].refused && p[i].src == p[at].src &&
		    (!p[at].refused || p[i].at.off < p[at].at.off))
			at = i;
	}
	if (sum == all)
		zl_zone_problem(L->z, "syntax", p[at].src, p[at].at,
				"BIND, Knot DNS and NSD each refuse a part of "
				"this record, as the warnings about it say: "
				"no server loads the zone");
}

/* Whether line ln is a TXT or SPF record: its type among its first
 * words, before the rdata. */
static bool text_record(const struct loader *L, uint16_t src,
			const struct zl_lex_line *ln)
{
	static const char *const types[] = { "TXT", "SPF", "TYPE16",
					      "TYPE99" };
	const char *s;
	size_t i, k, n;

	for (i = 0; i < ln->ntoks && i < 4; i++) {
		if (ln->toks[i].quoted)
			return false;
		s = L->z->srcs[src]->buf + ln->toks[i].off;
		n = ln->toks[i].len;
		for (k = 0; k < sizeof types / sizeof types[0]; k++)
			if (strlen(types[k]) == n &&
			    strncasecmp(types[k], s, n) == 0)
				return true;
	}
	return false;
}

/* Whether line ln is a directive (a first word that starts with '$'). */
static bool directive(const struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln)
{
	return !L->generating && !ln->blank && ln->ntoks &&
	       !ln->toks[0].quoted &&
	       L->z->srcs[src]->buf[ln->toks[0].off] == '$';
}

/* "@ORIGIN example.com.", "ORIGIN example.com.": a directive written with
 * '@' or '%' for its '$', or without it, which every server reads as a
 * record owned by that word and refuses for the type it lacks.  Said as
 * the directive it is meant to be, not as an unknown type (and an '@' to
 * escape); the line is read no further, as no server applies it.  A line
 * that goes on as a record does (a TTL, a class, a type after the word:
 * "origin IN A 192.0.2.1") is a record of a name so spelt. */
static bool directive_slip(struct loader *L, uint16_t src,
			   const struct zl_lex_line *ln)
{
	static const char *const names[] = { "ORIGIN", "TTL", "INCLUDE",
					     "GENERATE" };
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t), *w;
	size_t k, i, n, sigil;
	uint64_t v64;
	uint16_t v;

	if (L->generating || ln->blank || !ln->ntoks || t->quoted)
		return false;
	sigil = s[0] == '@' || s[0] == '%';
	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (t->len == strlen(names[k]) + sigil &&
		    strncasecmp(s + sigil, names[k], t->len - sigil) == 0)
			break;
	if (k == sizeof names / sizeof names[0])
		return false;
	for (i = 1; i < ln->ntoks && i <= 3; i++) {
		w = text_of(L, src, &ln->toks[i]);
		n = ln->toks[i].len;
		if (ln->toks[i].quoted || n == 0)
			break;
		if (zl_type_parse(w, n, &v))
			return false;
		if (zl_ttl_parse(w, n, UINT32_MAX, &v64) == -1 &&
		    !zl_ld_class(w, n, &v))
			break;
	}
	zl_zone_problem(L->z, "syntax", src, span(t), "'%.*s' where the "
			"directive '$%s' was meant: a directive starts with "
			"'$', and servers read this line as a record and "
			"refuse it", (int)t->len, s, names[k]);
	return true;
}

/* knotc zone-read prints each record after its zone's name in brackets
 * ("[example.com.] www.example.com. 3600 A 192.0.2.1"), which no server
 * reads: said once per file, and the record after it read, so that the
 * rest of the file is judged too. */
static void knotc_prefix(struct loader *L, uint16_t src,
			 struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[0];

	if (!L->noted_knotc) {
		L->noted_knotc = true;
		zl_zone_problem(L->z, "syntax", src, span(t), "'%.*s%s' before "
				"the record, as knotc zone-read prints records, "
				"which no server reads: remove it from every "
				"line", ZL_TOKARGS(text_of(L, src, t), t->len));
	}
	ln->toks++;
	ln->ntoks--;
}

/* Whether line ln is the directive name ("$INCLUDE"), in any case. */
static bool directive_is(const struct loader *L, uint16_t src,
			 const struct zl_lex_line *ln, const char *name)
{
	return directive(L, src, ln) && ln->toks[0].len == strlen(name) &&
	       strncasecmp(text_of(L, src, &ln->toks[0]), name,
			   ln->toks[0].len) == 0;
}

/* The servers that refuse what lexer note w of line ln says. */
static unsigned lex_refused(const struct loader *L, uint16_t src,
			    const struct zl_lex_line *ln,
			    const struct zl_lex_warn *w)
{
	if (w->refused != ZL_LEX_UNBLANKED)
		return w->refused;
	return text_record(L, src, ln) ? ZL_NOT_KNOT : ZL_NOT_KNOT | ZL_NOT_NSD;
}

/* Adds a portability note of the lexer's, naming the servers. */
static void lex_note(struct loader *L, uint16_t src,
		     const struct zl_lex_line *ln, const struct zl_lex_warn *w)
{
	unsigned not = lex_refused(L, src, ln, w);

	if (w->refused != ZL_LEX_UNBLANKED)
		zl_zone_refused(L->z, not, "portable", src, w->at, "%s",
				w->msg);
	else
		zl_zone_refused(L->z, not, "portable", src, w->at, "%s, which "
				"%s", w->msg, zl_servers_refuse(not));
}

/* Line ln, which the input ends inside a '(' of (ln->eof_open), with no
 * field after its first line.  BIND refuses it ("unbalanced
 * parentheses"), Knot DNS too ("unclosed last multiline block"), but for
 * a directive that the file ends on without a line break, which it
 * ignores without a word.  NSD reads the line to the end of the zone
 * file, as though closed there: the line is read so, with a warning,
 * unless NSD refuses it for another of the lexer's notes, or is an
 * $INCLUDE (NSD takes no parentheses there) or a $GENERATE (only BIND
 * reads it), or in an included file (NSD reads on into the including
 * file and refuses it): then every server refuses it, and it is the error
 * the lexer makes of a '(' never closed, its note at the '(' dropped. */
static void eof_open(struct loader *L, uint16_t src, struct zl_lex_line *ln)
{
	const struct zl_tok at = { ln->eof_open - 1, 1 };
	bool dir = directive(L, src, ln);
	unsigned not = ZL_NOT_BIND | ZL_NOT_KNOT;
	size_t i, k = 0;

	for (i = 0; i < ln->nwarns; i++)
		not |= lex_refused(L, src, ln, &ln->warns[i]) & ZL_NOT_NSD;
	if ((not & ZL_NOT_NSD) || L->depth > 0 ||
	    directive_is(L, src, ln, "$INCLUDE") ||
	    directive_is(L, src, ln, "$GENERATE")) {
		for (i = 0; i < ln->nwarns; i++)
			if (ln->warns[i].at.off != at.off)
				ln->warns[k++] = ln->warns[i];
		ln->nwarns = k;
		ln->err_cat = "syntax";
		ln->err_at = at;
		snprintf(ln->err_msg, sizeof ln->err_msg, "unbalanced '(': no "
			 "closing ')' before end of file");
		ln->ntoks = 0;
		return;
	}
	/* Knot DNS's "unclosed last multiline block" is reported at the
	 * end of the input, though the line is muted, but where it ignores
	 * the line (a CR in it, out of a comment). */
	if (zl_lex_knot_mutes(L->z->srcs[src]->buf, L->z->srcs[src]->len,
			      at.off) &&
	    !zl_lex_knot_drops(L->z->srcs[src]->buf, L->z->srcs[src]->len,
			       at.off))
		not |= ZL_KNOT_FATAL;
	if (dir && zl_ld_knot_skips(L, src, ln))
		zl_zone_refused(L->z, ZL_NOT_BIND, "portable", src, at, "'(' "
				"never closed, which BIND refuses; Knot DNS "
				"ignores the line without a word, and NSD "
				"reads the directive to the end of the file: "
				"close it with ')'");
	else
		zl_zone_refused(L->z, not, "portable", src, at, "'(' never "
				"closed, which BIND and Knot DNS refuse; NSD "
				"reads the %s to the end of the file: close it "
				"with ')'", dir ? "directive" : "record");
}

/* The backslash that ends the input and escapes nothing (ln->eof_bs),
 * which the lexer took off the line's last word, as NSD reads it ("trailing
 * backslash ignored"); after line ln was read, which loaded the records
 * from nrrs on.  BIND refuses the zone ("unexpected end of input").  Knot
 * DNS refuses it after a string, a number or an address; after a domain
 * name, and in a directive, it drops the whole line without a word.  NSD
 * refuses a name it leaves absolute ("zero label length"), and an
 * $INCLUDE, whose file or origin it reads with the backslash. */
static void eof_backslash(struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln, size_t nrrs)
{
	const struct zl_lex_tok *t = &ln->toks[ln->ntoks - 1];
	const struct zl_tok at = { t->off + t->len, 1 };
	const char *nsd = "", *rest, *end;
	const struct zl_rr *rr = L->z->nrrs > nrrs ?
				 &L->z->rrs[L->z->nrrs - 1] : NULL;
	const struct zl_rdf *f = rr && rr->nrdf ? &rr->rdf[rr->nrdf - 1] :
				 NULL;
	bool dir = directive(L, src, ln), name,
	     inc = directive_is(L, src, ln, "$INCLUDE");
	unsigned not = ZL_NOT_BIND;

	/* only BIND reads $GENERATE: what it refuses is an error */
	if (directive_is(L, src, ln, "$GENERATE")) {
		zl_zone_problem(L->z, "syntax", src, at, "backslash as the "
				"file's last byte, which BIND refuses: remove "
				"it");
		return;
	}
	/* a record that did not load: what else the servers do is moot */
	if (!dir && !rr) {
		zl_zone_refused(L->z, ZL_NOT_BIND, "portable", src, at,
				"backslash as the file's last byte, which BIND "
				"refuses: remove it");
		return;
	}

	name = (!dir && f && zl_rdf_name(f) && f->tok + f->ntok == rr->ntok) ||
	       directive_is(L, src, ln, "$ORIGIN");
	if (inc)
		nsd = " (NSD reads it into the $INCLUDE)";
	else if (name && !zl_ld_relative(text_of(L, src, t), t->len))
		nsd = " (NSD after an absolute name)";
	if (*nsd)
		not |= ZL_NOT_NSD;
	if (dir) {
		rest = "Knot DNS ignores the line without a word";
	} else if (name) {
		rest = "Knot DNS loads the zone without the record, without a "
		       "word";
	} else {
		not |= ZL_NOT_KNOT;
		rest = "NSD ignores it";
	}
	end = inc ? ", and the file is not read" :
	      not & (ZL_NOT_NSD | ZL_NOT_KNOT) ? "" :
	      ", and NSD ignores the backslash";
	zl_zone_refused(L->z, not, "portable", src, at, "backslash as the "
			"file's last byte, which %s%s; %s%s: remove it",
			zl_servers_refuse(not), nsd, rest, end);
}

static void process(struct loader *L, uint16_t src)
{
	const struct zl_src *s = L->z->srcs[src];
	struct zl_lex_line ln;
	struct zl_lexer lx;
	const char *why;
	size_t nrrs, nprobs, at, i;
	bool resync = false;	/* in the lines after a '(' never closed */

	/* One error for the whole file, not one per line of noise. */
	if (!L->generating && (why = not_text(s->buf, s->len, &at)) != NULL) {
		zl_zone_problem(L->z, "syntax", src, (struct zl_tok){ at, 1 },
				"%s", why);
		return;
	}
	zl_lex_init(&lx, s->buf, s->len);
	/* An editor's UTF-8 byte order mark: the servers read it into the
	 * first name and refuse the zone; the rest is read past it. */
	if (!L->generating && s->len >= 3 &&
	    memcmp(s->buf, "\xef\xbb\xbf", 3) == 0) {
		zl_zone_problem(L->z, "syntax", src, (struct zl_tok){ 0, 3 },
				"the file begins with a UTF-8 byte order mark, "
				"which servers read as part of its first line "
				"and refuse the zone: save the file without "
				"it");
		lx.pos = 3;
	}
	while (L->st == ZL_OK && !L->stop && zl_lex_next(&lx, &ln)) {
		nrrs = L->z->nrrs;
		nprobs = L->z->nprobs;
		if (ln.eof_open && !L->generating)
			eof_open(L, src, &ln);
		keep_comments(L->z, src, &ln);
		for (i = 0; i < ln.nwarns; i++)
			lex_note(L, src, &ln, &ln.warns[i]);
		if (!ln.err_cat && ln.ntoks && zl_ld_knotc_prefix(L, src, &ln))
			knotc_prefix(L, src, &ln);
		if (ln.err_cat) {
			zl_zone_problem(L->z, ln.err_cat, src, ln.err_at, "%s",
					ln.err_msg);
			owner_after_error(L, src, &ln);
		} else if (ln.ntoks == 0) {
			/* Knot DNS reads an indented line as a record of the
			 * previous owner, and there is none yet: none in the
			 * zone, or none in an included file, which it reads
			 * as a zone file of its own. */
			if (ln.blank && (!L->prev_owner || L->include_start) &&
			    !L->noted_indent && !L->generating) {
				L->noted_indent = true;
				zl_zone_refused(L->z, ZL_NOT_KNOT, "portable",
						src,
						(struct zl_tok){ ln.start, 1 },
						"indented line before the "
						"first record's owner%s, which "
						"Knot DNS refuses",
						L->include_start ? " in an "
						"included file" : "");
			}
			continue;
		} else if (directive_slip(L, src, &ln)) {
			continue;
		} else if (directive(L, src, &ln)) {
			/* a directive is no piece of a record: its problems
			 * (an include refused, an included file's) stand,
			 * and one that loads records ends the pieces */
			zl_ld_directive(L, src, &ln);
			if (ln.eof_bs)
				eof_backslash(L, src, &ln, nrrs);
			resync = (resync && L->z->nrrs == nrrs) ||
				 ln.unclosed;
			continue;
		} else {
			zl_ld_record(L, src, &ln);
			if (ln.eof_bs && !L->generating)
				eof_backslash(L, src, &ln, nrrs);
			refused_everywhere(L, nprobs);
			if (L->generating)
				zl_ld_gen_prune(L, nprobs);
		}
		/* The lines after a '(' never closed are read again as
		 * records: those that do not load are pieces of its record,
		 * not problems of their own, until one loads.  Directives
		 * went on above and leave it so. */
		if (resync && L->z->nrrs == nrrs && L->z->nprobs > nprobs)
			L->z->nprobs = nprobs;
		else
			resync = ln.unclosed;
		/* Every line of a $GENERATE is a record: the first that
		 * fails would fail for every value. */
		if (L->generating && L->z->nrrs == nrrs)
			break;
	}
	zl_lex_free(&lx);
}

/* ---- entry points ---- */

/* Out of memory during a load (zl_cleanup_push): frees what the loader
 * holds, the zone being built with it. */
static void loader_abort(void *arg)
{
	struct loader *L = arg;
	size_t i;

	zl_ld_seen_free(L);
	free(L->root);
	free(L->repo);
	free(L->incdir);
	for (i = 0; i <= L->depth; i++) {
		free(L->id[i]);
		free(L->dir[i]);
	}
	zl_buf_free(&L->scratch);
	free(L->noted);
	zl_zone_free(L->z);
	free(L->err);
	free(L->text);
}

static enum zl_status run(struct loader *L, const char *path,
			  const char *display, char *buf, size_t len,
			  struct zl_zone **out, char **err)
{
	char sz[32];

	L->text = buf;
	L->process = process;
	L->z = zl_xcalloc(1, sizeof *L->z);
	L->total = len;
	L->infer_name = display;
	L->budget = L->opts && L->opts->budget ? L->opts->budget : &L->own;
	if (L->budget == &L->own)
		zl_budget_init(&L->own, NULL);
	if (!zl_budget_take(&L->budget->bytes, len, L->budget->lim.bytes)) {
		zl_ld_fail(L, ZL_ERR_LIMIT, "reading '%s' exceeds the budget of %s "
		     "of zone text per run", display,
		     zl_size_str(L->budget->lim.bytes, sz, sizeof sz));
		free(buf);
		L->text = NULL;
		goto out;
	}
	/* zl_ld_add_src() takes buf only once nothing more can fail. */
	(void)zl_ld_add_src(L->z, path, display, buf, len, NULL);
	L->text = NULL;
	/* Records and their tokens, at a guess from the text's size: a
	 * record of 32 bytes, a token of 24 (the bench zones have 52 and
	 * 45); and a name per 64 bytes (62), so that the index is not
	 * moved whole as it fills, each move a miss per name. */
	zl_reserve((void **)&L->z->rrs, &L->z->caprrs, len / 32,
		   sizeof *L->z->rrs);
	zl_reserve((void **)&L->z->toks, &L->z->captoks, len / 24,
		   sizeof *L->z->toks);
	zl_zone_reserve_names(L->z, len / 64);
	/* An origin given to the load (--origin, origins:, a server's zone
	 * statement) is the zone's apex, as a server's configuration is;
	 * a $ORIGIN in the file then only sets the origin of relative
	 * names (RFC 1035 §5.1). */
	if (L->opts && L->opts->origin && zl_ld_origin(L))
		zl_ld_fix_origin(L);
	if (L->opts) {
		L->z->served_unsigned = L->opts->served_unsigned;
		L->z->serial_own = L->opts->serial_own;
	}
	process(L, 0);
	zl_ld_final_origin(L);
	zl_zone_end_load(L->z);
	zl_zone_rrset_sizes(L->z);
	zl_zone_apex_checks(L->z);
out:
	zl_cleanup_pop();	/* nothing below allocates */
	zl_ld_seen_free(L);
	free(L->root);
	free(L->repo);
	free(L->incdir);
	free(L->id[0]);
	free(L->dir[0]);
	zl_buf_free(&L->scratch);
	free(L->noted);
	if (L->st != ZL_OK) {
		zl_zone_free(L->z);
		*err = L->err;
		return L->st;
	}
	*out = L->z;
	return ZL_OK;
}

/* $INCLUDE of a zone that lies in a repository (the first directory up
 * from name, the zone's path or the name shown for a buffer, that holds
 * .git, as for the config search) is confined to the repository whatever
 * path the user gave (`zonelint zones/`, the git hook's one file), and a
 * relative one is looked for from its root too: L->root widens to the
 * repository root unless it holds it already, and L->repo is set.  Only
 * for zones read from the file system, but see the provider's case
 * below. */
static void repo_root(struct loader *L, const char *name)
{
	char *repo, *ra, *cwd, *rel;

	if ((repo = zl_path_repo(name)) == NULL)
		return;
	ra = zl_path_abs(L->root);
	/* A provider of its own names files that need not be on disk: the
	 * root is not widened, and the repository root is looked in only
	 * when the caller made it the root (zonelint --from-index). */
	if (L->opts && L->opts->provider) {
		if (strcmp(ra, repo) == 0)
			L->repo = zl_xstrdup("");
		free(ra);
		free(repo);
		return;
	}
	if (!zl_path_contains(ra, repo)) {
		/* Shown as the user would name it: relative when below the
		 * current directory. */
		cwd = zl_path_abs(".");
		rel = zl_path_rel(cwd, repo);
		free(L->root);
		if (strncmp(rel, "../", 3) == 0 || strcmp(rel, "..") == 0)
			L->root = zl_xstrdup(repo);
		else
			L->root = zl_xstrdup(*rel ? rel : ".");
		free(rel);
		free(cwd);
		free(L->dir[0]);
		rel = zl_path_below(L->root, name);
		L->dir[0] = zl_path_dir(rel);
		free(rel);
		free(ra);
		ra = zl_path_abs(L->root);
	}
	L->repo = zl_path_rel(ra, repo);
	free(ra);
	free(repo);
}

/* zl_load_opts.include_dir, for $INCLUDE: relative to the root (it may
 * lead out of it: such an include is refused when read). */
static void include_dir(struct loader *L)
{
	const char *d = L->opts ? L->opts->include_dir : NULL;

	if (d)
		L->incdir = zl_path_below(L->root, d[0] ? d : ".");
}

/* Settles where $INCLUDE looks, at the first $INCLUDE. */
static void include_paths(struct loader *L)
{
	repo_root(L, L->paths_of);
	include_dir(L);
	L->paths_of = NULL;
	L->include_paths = NULL;
}

enum zl_status zl_zone_load_file_impl(const char *path,
				 const struct zl_load_opts *opts,
				 struct zl_zone **out, char **err)
{
	const char *root = opts ? opts->include_root : NULL;
	struct zl_read rd = { root, path, NULL, 0, MAX_BYTES };
	enum zl_status st;
	char *rel = NULL, *why;
	struct zl_file f;
	struct loader L;
	bool outside;

	*out = NULL;
	*err = NULL;
	memset(&L, 0, sizeof L);
	L.opts = opts;
	zl_cleanup_push(loader_abort, &L);
	if (root) {
		/* Found inside the root (a directory walk): read confined
		 * to it, like its includes. */
		rd.path = rel = zl_path_below(root, path);
		rd.allow = opts->allow_include;
		rd.nallow = opts->nallow_include;
		L.root = zl_xstrdup(root);
		L.dir[0] = zl_path_dir(rel);
	} else {
		L.root = zl_path_dir(path);
		L.dir[0] = zl_xstrdup("");
		if (!*L.root) {
			free(L.root);
			L.root = zl_xstrdup(".");
		}
	}
	st = zl_read_ex(opts ? opts->provider : NULL, &rd, &f, &why,
			&outside);
	if (opts && opts->outside)
		*opts->outside = st != ZL_OK && outside;
	free(rel);
	if (st != ZL_OK) {
		*err = st == ZL_ERR_LIMIT ?
		       zl_xasprintf("'%s' is larger than 1 GiB", path) :
		       zl_xasprintf("cannot read '%s': %s", path, why);
		free(why);
		zl_cleanup_pop();
		free(L.root);
		free(L.dir[0]);
		return st;
	}
	L.id[0] = f.id;
	L.paths_of = path;
	L.include_paths = include_paths;
	return run(&L, path, opts && opts->display ? opts->display : path,
		   f.data, f.len, out, err);
}

enum zl_status zl_zone_load_buffer_impl(const char *name, const char *buf,
				   size_t len, const struct zl_load_opts *opts,
				   struct zl_zone **out, char **err)
{
	const char *display, *root;
	struct loader L;
	char *copy, *rel;

	*out = NULL;
	*err = NULL;
	if (!name)
		name = "-";
	display = opts && opts->display ? opts->display : name;
	if (len > MAX_BYTES) {
		*err = zl_xasprintf("'%s' is larger than 1 GiB", display);
		return ZL_ERR_LIMIT;
	}
	memset(&L, 0, sizeof L);
	L.opts = opts;
	zl_cleanup_push(loader_abort, &L);
	/* The displayed name only places the text in the root: a name
	 * through a link out of the tree must not move the root there. */
	root = opts && opts->include_root ? opts->include_root : ".";
	rel = zl_path_below(root, display);
	L.root = zl_xstrdup(root);
	L.dir[0] = zl_path_dir(rel);
	free(rel);
	L.paths_of = display;
	L.include_paths = include_paths;
	/* Copied last: from here on run() owns it. */
	copy = zl_xmalloc(len + 1);
	if (len)
		memcpy(copy, buf, len);
	copy[len] = '\0';
	return run(&L, name, display, copy, len, out, err);
}

void zl_zone_free(struct zl_zone *z)
{
	size_t i;

	if (!z)
		return;
	for (i = 0; i < z->nsrcs; i++) {
		free(z->srcs[i]->path);
		free(z->srcs[i]->display);
		if (!z->srcs[i]->shared) {
			free(z->srcs[i]->buf);
			free(z->srcs[i]->lines);
			free(z->srcs[i]->mark_line);
		}
		free(z->srcs[i]->gen_parts);
		free(z->srcs[i]->gen_starts);
		free(z->srcs[i]);
	}
	free(z->srcs);
	free(z->rrs);
	free(z->toks);
	free(z->wtoks);
	free(z->nts);
	free(z->htab);
	free(z->nblocks);
	free(z->probs);
	free(z->lost);
	free(z->comments);
	zl_arena_free(&z->arena);
	free(z);
}

size_t zl_zone_record_count(const struct zl_zone *z)
{
	return z ? z->nrrs : 0;
}

const char *zl_zone_source(const struct zl_zone *z, size_t i)
{
	return z && i < z->nsrcs ? z->srcs[i]->display : NULL;
}

const char *zl_zone_origin(const struct zl_zone *z)
{
	return z && z->origin ? z->origin->text : NULL;
}

/* The refusals of server kind from *i on; names: BIND checks host names
 * (check-names fail: the "names" and "names-mx" problems), names_off:
 * BIND's check-names is ignore (ZL_BIND_NAMES). */
static const char *refusal(const struct zl_zone *z, enum zl_server_kind kind,
			   bool names, bool names_off, size_t *i,
			   struct zl_loc *out)
{
	unsigned bit = kind == ZL_SERVER_BIND ? ZL_NOT_BIND :
		       kind == ZL_SERVER_KNOT ? ZL_NOT_KNOT :
		       kind == ZL_SERVER_NSD ? ZL_NOT_NSD : 0;
	const struct zl_problem *p;

	for (; z && *i < z->nprobs; (*i)++) {
		p = &z->probs[*i];
		if ((p->refused & bit) &&
		    (names || strncmp(p->category, "names", 5) != 0) &&
		    !(kind == ZL_SERVER_BIND && names_off &&
		      (p->refused & ZL_BIND_NAMES))) {
			*out = zl_zone_loc(z, p->src, p->at);
			(*i)++;
			return p->message;
		}
	}
	return NULL;
}

const char *zl_zone_refusal(const struct zl_zone *z,
			    enum zl_server_kind kind, size_t *i,
			    struct zl_loc *out)
{
	return refusal(z, kind, true, false, i, out);
}

const char *zl_zone_refusal_of(const struct zl_zone *z,
			       const struct zl_server_zone *sz, size_t *i,
			       struct zl_loc *out)
{
	return refusal(z, sz->kind, sz->kind != ZL_SERVER_BIND ||
		       sz->check_names, sz->kind == ZL_SERVER_BIND &&
		       !sz->names_checked, i, out);
}

bool zl_zone_generated(const struct zl_zone *z, size_t i, struct zl_loc *out)
{
	const struct zl_src *s = z && i < z->nsrcs ? z->srcs[i] : NULL;

	if (!s || !s->gen_parts)
		return false;
	*out = zl_zone_loc(z, s->gen_src, s->gen_at);
	return true;
}
