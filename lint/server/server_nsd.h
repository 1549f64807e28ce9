/* server_nsd.h - what the parts of NSD's nsd.conf reader share: the
 * reader (server_nsd.c) and the values its items take
 * (server_nsd_value.c). */
#ifndef ZL_SERVER_NSD_H
#define ZL_SERVER_NSD_H

#include <stdbool.h>
#include <stdint.h>

#include "server_impl.h"

/* What is wrong with v as the value of the item name (without its ':',
 * any case) to NSD 4.6, which refuses it ("takes yes or no"), a static
 * string; NULL when NSD takes it or zonelint does not check the item. */
const char *srv_nsd_value(const char *name, const char *v);

/* What is wrong with addr to NSD 4.6 as the address of an access list
 * or an outgoing-interface (ADDR, ADDR/BITS, ADDR&MASK, ADDR-ADDR, each
 * with @PORT or not), a static string, or NULL; *range is set when it
 * names more than one address. */
const char *srv_nsd_address(const char *addr, bool *range);

/* ---- server_nsd_lex.c ---- */

/* A word of nsd.conf: a value, or an item name ("name:": s holds "name",
 * kw set). */
struct tok {
	char *s;		/* malloc'd */
	bool kw;
	bool quoted;
	const char *file;
	uint32_t line, col;
};

/* nsd.conf's words, the files of each include spliced in where it
 * stands. */
struct nsd_lex {
	struct srv *s;
	struct srv_srcs in;	/* the files being read */
};

/* Starts reading f (the caller's, kept open by it). */
void srv_nsd_lex_init(struct nsd_lex *lx, struct srv *s, struct srv_file *f);
/* The next word into t (t->s malloc'd, the caller's), from the innermost
 * file that has one left, include: NAME read and replaced by the words
 * of the files it names, as NSD's lexer replaces them; false at the end
 * of f, when every included file is closed. */
bool srv_nsd_next(struct nsd_lex *lx, struct tok *t);
/* Whether name (without its ':') is an item NSD 4.6's lexer knows, any
 * case (configlexer.lex): a word it reads as one, where another is a
 * value. */
bool srv_nsd_keyword(const char *name);

#endif
