/* server_bind_lex.c - named.conf's lexer: three comment styles, quoted strings, include as a stack of files, and the blocks named reads as text. */
#include <stdlib.h>
#include <string.h>

#include "server_bind.h"

void bind_tok_free(struct tok *t)
{
	free(t->s);
	t->s = NULL;
}

void bind_here(struct lex *lx, struct tok *t)
{
	struct srv_src *c = srv_src_top(&lx->in);

	t->file = c->f.shown;
	t->line = c->line;
	t->col = (uint32_t)(c->p - c->bol) + 1;
}

static void newline(struct srv_src *c, const char *nl)
{
	c->line++;
	c->bol = nl + 1;
}

/* Skips blanks and comments; false at the end of the current file, or
 * at an unterminated C comment (reported).  named's lexer (isc/lex.c)
 * takes only a blank, a tab, CR and LF for white space: a form feed or
 * another control byte is a byte of a word. */
static bool skip_space(struct lex *lx)
{
	struct srv_src *c = srv_src_top(&lx->in);
	struct tok at;
	const char *p;

	for (;;) {
		p = c->p;
		if (*p == '\n') {
			newline(c, p);
			c->p++;
		} else if (*p == ' ' || *p == '\t' || *p == '\r') {
			c->p++;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			c->p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			bind_here(lx, &at);
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				if (*p == '\n')
					newline(c, p);
			if (!*p) {
				c->p = p;
				return srv_err(lx->s, at.file, at.line, at.col,
					       "unterminated comment");
			}
			c->p = p + 2;
		} else {
			return *p != '\0';
		}
	}
}

/* A quoted string at the '"': a backslash escapes the next byte. */
static bool lex_string(struct lex *lx, struct tok *t)
{
	struct srv_src *c = srv_src_top(&lx->in);
	struct zl_buf b = { 0 };
	const char *p = c->p + 1;

	/* The backslash stays, as named's lexer keeps it: a zone name keeps
	 * its presentation form ("a\\.b") for the name parser.  Only before
	 * a '"' it goes (file "q\\"a.zone" is q"a.zone).  A string may go
	 * on over several lines. */
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1] && p[1] != '"')
			zl_buf_addc(&b, *p++);
		else if (*p == '\\' && p[1])
			p++;
		if (*p == '\n')
			newline(c, p);
		zl_buf_addc(&b, *p);
	}
	if (*p != '"') {
		zl_buf_free(&b);
		c->p = p;
		lx->eof_said = true;
		return srv_err(lx->s, t->file, t->line, t->col,
			       "unterminated quoted string");
	}
	c->p = p + 1;
	t->t = T_STR;
	t->s = b.s ? b.s : zl_xstrdup("");
	return true;
}

/* A C comment right after a word, at c->p: named's lexer ends the word
 * there, and at the comment's end backs up one byte to end the word,
 * which it then reads again: the comment's last '/' becomes a token of
 * its own ("type primary/ * c * /;" is "missing ';' before '/'").  c->p
 * is left on that '/' (true); an unterminated comment, to skip_space. */
static bool glued_comment(struct srv_src *c)
{
	const char *p, *bol = c->bol;
	uint32_t line = c->line;

	for (p = c->p + 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
		if (*p == '\n') {
			line++;
			bol = p + 1;
		}
	if (!*p)
		return false;
	c->p = p + 1;
	c->bol = bol;
	c->line = line;
	return true;
}

/* The next token, from the innermost file that has one left. */
void bind_next(struct lex *lx, struct tok *t)
{
	struct srv_src *c;
	size_t n;

	memset(t, 0, sizeof *t);
	for (;;) {
		if (lx->stop) {
			t->t = T_EOF;
			return;
		}
		c = srv_src_top(&lx->in);
		if (lx->slash) {
			lx->slash = false;
			bind_here(lx, t);
			t->t = T_WORD;
			t->s = zl_xstrdup("/");
			c->p++;
			return;
		}
		if (skip_space(lx))
			break;
		bind_here(lx, t);
		if (!srv_src_next_file(lx->s, &lx->in)) {
			t->t = T_EOF;
			return;
		}
	}
	bind_here(lx, t);
	switch (*c->p) {
	case '{':
		t->t = T_LBRACE;
		break;
	case '}':
		t->t = T_RBRACE;
		break;
	case ';':
		t->t = T_SEMI;
		break;
	case '"':
		if (!lex_string(lx, t))
			bind_next(lx, t);
		return;
	default:
		/* a word ends where a comment starts too, which may follow
		 * it directly: one pass, however long the line */
		for (n = 1; c->p[n] && !strchr(" \t\r\n{};\"#", c->p[n]) &&
			    !(c->p[n] == '/' &&
			      (c->p[n + 1] == '/' || c->p[n + 1] == '*'));
		     n++)
			;
		t->t = T_WORD;
		t->s = zl_xstrndup(c->p, n);
		c->p += n;
		if (c->p[0] == '/' && c->p[1] == '*')
			lx->slash = glued_comment(c);
		return;
	}
	c->p++;
}

void bind_push_file(struct lex *lx, const char *name, const struct tok *at)
{
	char *path;

	/* named resolves a relative include against its working directory:
	 * where it was started, until a `directory` option read before the
	 * include changed it (named changes directory as it parses that
	 * option), never against the including file.  BIND 9.18 expands a
	 * pattern (glob); one that matches nothing is an error. */
	path = srv_resolve(lx->dir ? lx->dir : lx->s->cwd, name);
	lx->stop |= !srv_src_push(lx->s, &lx->in, path, false, at->file,
				  at->line, at->col);
	free(path);
}

/* The parameters of dyndb and plugin, a block named reads as text up to
 * its '}': a backslash escapes the next byte, braces nest.  From after
 * the '{' to after the '}', or to the end of the file. */
void bind_bracketed_text(struct lex *lx)
{
	struct srv_src *c = srv_src_top(&lx->in);
	const char *p;
	size_t depth = 0;

	for (p = c->p; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '{')
			depth++;
		else if (*p == '}' && depth-- == 0)
			break;
		if (*p == '\n')
			newline(c, p);
	}
	c->p = *p ? p + 1 : p;
}
