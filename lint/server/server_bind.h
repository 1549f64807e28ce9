/* server_bind.h - what the parts of BIND's named.conf reader share: its
 * lexer (server_bind_lex.c), the values it reads (server_bind_value.c),
 * the statements as read (server_bind.c), which options named takes where
 * (server_bind_opts.c), the zones they declare (server_bind_zone.c) and
 * the dnssec-policy statements (server_bind_kasp.c). */
#ifndef ZL_SERVER_BIND_H
#define ZL_SERVER_BIND_H

#include <stdbool.h>
#include <stdint.h>
#include <strings.h>

#include "server_impl.h"

/* ---- lexer ---- */

enum tk { T_EOF, T_WORD, T_STR, T_LBRACE, T_RBRACE, T_SEMI };

struct tok {
	enum tk t;
	char *s;		/* T_WORD, T_STR: the text, malloc'd */
	const char *file;	/* owned by the run */
	uint32_t line, col;
};

struct lex {
	struct srv *s;
	struct srv_srcs in;	/* the top file, and the includes under it */
	bool slash;		/* the top file's p is a C comment's last
				 * '/', the next token (no include between) */
	bool stop;		/* a limit was hit: read no further */
	bool eof_said;		/* an error at the end was reported */
	char *dir;		/* named's directory so far, or NULL */
};

/* Whether t is the word `word`, in any case, as named reads its keywords. */
static inline bool is(const struct tok *t, const char *word)
{
	return t->t == T_WORD && strcasecmp(t->s, word) == 0;
}

/* Frees t's text (t itself is the caller's). */
void bind_tok_free(struct tok *t);
/* Sets t's place to where lx reads now. */
void bind_here(struct lex *lx, struct tok *t);
/* The next token of lx into t (its text malloc'd; T_EOF at the end of
 * the top file): comments of the three styles skipped, files ended and
 * the matches of an include pattern opened in turn. */
void bind_next(struct lex *lx, struct tok *t);
/* Opens the include name (at: the statement, for errors), confined to
 * the run's root, as the file lx reads next. */
void bind_push_file(struct lex *lx, const char *name, const struct tok *at);
/* Skips the text of a block named reads as text (dyndb, plugin), from
 * after its '{' to after its '}'. */
void bind_bracketed_text(struct lex *lx);

/* ---- values (server_bind_value.c) ---- */

/* A TTL as named reads it ("3600", "1h30m"): true with the seconds in
 * *out, at most 2^32 - 1. */
bool bind_ttl_text(const char *s, uint64_t *out);
/* An ISO 8601 duration as named 9.18 reads it ("P1D", "PT12H"): true
 * with the seconds in *out, saturated at 2^32 - 1. */
bool bind_iso_duration(const char *s, uint64_t *out);
/* A port number (0 to 65535) in word t: true with it in *out. */
bool bind_port(const struct tok *t, int64_t *out);
/* The class word t names (NULL: IN) into out, as named reads it: "IN",
 * "CH", "HS", a meta class ("RESERVED0", "NONE", "ANY"), "CLASSnnn" for
 * another number, "" for none named knows. */
void bind_class(const struct tok *t, char out[12]);

/* ---- statements ---- */

/* C_KEY: a key of a key file, read for its secret; C_KEYDEF: one of
 * named.conf, skipped but for its statements' lengths; C_RPZ: the block
 * of response-policy, read for its zones; C_CATZ: that of catalog-zones,
 * read for its zones and their default primaries; C_POLICY: a dnssec-policy
 * statement, read for its max-zone-ttl and held to what named refuses in
 * it (server_bind_kasp.c); C_PKEYS: its keys block; C_ACL: the address list of an
 * allow-update or allow-recursion, read for whether it allows anything;
 * C_SERVER: a server
 * statement, read for its source options; C_UPDATE: a zone's
 * update-policy block, read for its rules */
enum ctx { C_TOP, C_OPTIONS, C_VIEW, C_ZONE, C_KEY, C_KEYDEF, C_RPZ,
	   C_CATZ, C_POLICY, C_PKEYS, C_ACL, C_SERVER, C_UPDATE, C_OTHER };

/* An allow-update list, as far as named tells a dynamic zone by it: not
 * given (-1), empty, of none alone (none or !any, as often as written:
 * no update allowed), or of anything else. */
enum { AU_UNSET = -1, AU_EMPTY, AU_NONE, AU_SOME };

/* check-names modes */
enum { NAMES_IGNORE, NAMES_WARN, NAMES_FAIL };

/* A zone statement: its file is resolved against the last `directory`. */
struct pzone {
	char *origin, *file, *view, *type;
	const char *conf;
	uint32_t line, col;
	bool skip;	/* another class, or not a valid name */
	bool misclassed;	/* a class not its view's (or not IN) */
	bool in_view;	/* the zone of another view: declared, not read */
	bool others;	/* options besides in-view, forward, forwarders */
	bool external;	/* dlz, or a database other than rbt: no file */
	char dlz_or_db;	/* 'l' (dlz) or 'd' (database) read; 0: none */
	bool transferred;	/* it names primaries */
	bool templated;		/* it names a template (BIND 9.21), whose
				   type, file and primaries it may take */
	bool retyped;		/* type given twice: no type to hold it to */
	struct tok brace;	/* its block's '{' */
	struct tok fileat;	/* its file's value */
	uint8_t sources;	/* the source options it sets (bind_source) */
	int8_t binary;	/* masterfile-format raw (or a word named refuses)
			   (1) or text (0); -1: not set */
	char vclass[12];	/* its view's class, "" outside views */
	int8_t names;	/* its check-names: NAMES_*; -1: not set */
	int64_t maxttl;	/* its max-zone-ttl (0: none); -1: not set */
	char *policy;	/* its dnssec-policy, or NULL */
	struct tok polat;	/* where its dnssec-policy is named */
	char *keydir;	/* its key-directory, as written, or NULL */
	int8_t inline_signing;	/* inline-signing yes (1), no (0); -1: not
				   set */
	int8_t au;		/* its allow-update: AU_* */
	bool upolicy;		/* it has an update-policy */
	bool uplocal;		/* that update-policy is `local` */
	char autodnssec[12];	/* its auto-dnssec other than off, as
				   written; "": none */
	struct tok autoat;	/* where its auto-dnssec's value is */
	bool notifies;		/* its notify sends to the NS records (yes,
				   primary-only, ...): not no or explicit */
	struct tok upat;	/* where its update-policy's value starts */
	/* its max-records-per-type and max-types-per-name (0: none); -1:
	 * not set */
	int64_t maxrr, maxtypes;
};

/* A view, as far as its zones inherit from it. */
struct bview {
	char *name;
	char class[12];	/* a name is the view's with its class */
	int8_t names;	/* check-names primary: as pzone.names */
	int8_t binary;	/* masterfile-format: as pzone.binary */
	int64_t maxttl;	/* max-zone-ttl: as pzone.maxttl */
	char *policy;	/* dnssec-policy: as pzone.policy */
	struct tok polat;	/* as pzone.polat */
	char *keydir;	/* key-directory: as pzone.keydir */
	int8_t au;		/* as pzone.au */
	int8_t recursion;	/* recursion yes (1), no (0); -1: not set */
	int8_t arec;		/* allow-recursion: AU_* */
	int64_t maxrr, maxtypes;	/* as pzone's */
};

/* A dnssec-policy statement: its name and max-zone-ttl, and what
 * server_bind_kasp.c holds it to when its block ends. */
struct bpolicy {
	char *name;
	uint32_t maxttl;
	int8_t inline_signing;	/* its inline-signing (named 9.20): yes (1),
				 * no (0); -1: not said, yes to 9.20 */
	struct tok at;		/* its statement's first word */
	struct tok keysat;	/* its keys block's '{' (.file NULL: none) */
	struct tok nsec3at;	/* its nsec3param's last word (.file NULL:
				   none) */
	struct tok keyerrat;	/* the last word of its first key named
				   refuses */
	char keyerr[96];	/* what named says of that key; "": none */
	uint8_t roles[256];	/* per algorithm of its keys: KSK 1, ZSK 2 */
	int16_t nonsec3;	/* the last algorithm of its keys that NSEC3
				   does not go with, or -1 */
	int64_t refresh, validity, vdnskey;	/* signatures-refresh,
						   -validity, -validity-dnskey;
						   -1: not said */
	int64_t iterations, saltlen;	/* its nsec3param's; -1: not said */
};

/* A directory named must find at its start (bind_finish): the option
 * that names it (a static name) and its value, with its place. */
struct bdir {
	const char *opt;
	struct tok at;
};

/* A tls statement, for the files named reads when listen-on uses it:
 * key-file, cert-file, ca-file, dhparam-file (.s NULL: not given), its
 * name as written and where. */
enum { TLS_KEY, TLS_CERT, TLS_CA, TLS_DH, TLS_FILES };
struct btls {
	struct tok name;
	struct tok file[TLS_FILES];
};

/* A key statement: key "NAME" { algorithm A; secret "S"; }; each part
 * with its place. */
struct bkey {
	struct tok name, alg, secret;
};

/* A zone a response-policy or catalog-zones block names: its name as
 * written, its view (NULL: options), its place. */
struct brpz {
	struct tok name;
	char *view;
	char vclass[12];	/* its view's class */
	bool catz;		/* named by catalog-zones */
	bool refused;		/* with both default lists: not added */
	unsigned block;		/* the block that names it, counted from 1 */
};

/* A source option that names a port (bind_source): named refuses the
 * port it listens on (options' port, 53 by default), at the line of the
 * statement's ';' for a query-source, of its name for the others. */
struct bqsrc {
	const char *file, *name;
	uint32_t line, col;
	uint32_t port;
	/* one of options that named holds to the port for each zone that
	 * does not set it (bind_source's bit, as pzone.sources); 0: held
	 * where it stands */
	uint8_t zones;
};

/* An option of the zone being read, held to the zone's type once its
 * block ends (the type may come after it). */
struct bzopt {
	uint8_t opt;	/* the option, in server_bind_opts.c's table */
	int8_t dialup;	/* dialup's mode in that file's list; -1: none */
	struct tok at;	/* where named-checkconf names it (no text) */
};

/* check-names' kinds of zone or answer, in options and a view (primary,
 * master, secondary, slave, response: server_bind_opts.c). */
enum { BIND_KINDS = 5 };
extern const char *const bind_kinds[BIND_KINDS];

/* What named-checkconf checks together in one options, view, zone or
 * server block: where its forward is named (no file: none), and whether
 * it has forwarders; in options or a view, where its first check-names
 * is named, and the kinds of zone (bits, in check_names' order) its
 * check-names name, and those they name twice; the statements read that
 * it takes once at most (static names, bind_placed), owned. */
struct bblock {
	struct tok forward, names;
	bool forwarders;
	uint8_t kinds, twice;
	const char **once;
	size_t nonce, caponce;
};

struct bind {
	struct lex lx;
	struct srv *s;
	struct pzone *z;
	size_t nz, cap;
	const char *view;	/* the view being read */
	bool controls;		/* the controls statement is being read */
	bool in_logging;	/* the logging statement is being read */
	bool logging;		/* a logging statement was read */
	bool in_tls;		/* a tls statement is: the last of tlss */
	const char *parent;	/* the name of the statement whose block is
				   being read (its text the statement's);
				   NULL at the top or after a quoted name */
	struct btls *tlss;	/* tls statements */
	size_t ntlss, captlss;
	char view_class[12];	/* its class, "IN" by default */
	struct tok first_top_zone, first_view;
	bool options;		/* an options statement has been read */
	struct bview *views;	/* the views read so far */
	struct bview *cur_view;	/* the one being read; NULL: a name read
				   twice, which named refuses */
	int8_t names;		/* options' check-names primary: as
				   pzone.names */
	int8_t binary;		/* options' masterfile-format: as
				   pzone.binary */
	int64_t maxttl;		/* options' max-zone-ttl: as
				   pzone.maxttl */
	char *policy;		/* options' dnssec-policy: as
				   pzone.policy */
	struct tok polat;	/* as pzone.polat */
	char *keydir;		/* options' key-directory: as pzone.keydir */
	int8_t au;		/* options' allow-update: AU_* */
	struct tok nosession;	/* options' `session-keyfile none` (no
				   file: not given) */
	int8_t recursion, arec;	/* options': as bview's */
	int8_t *au_to;		/* the allow-update or allow-recursion
				   being read */
	int64_t maxrr, maxtypes;	/* the options', as pzone's */
	struct bpolicy *policies;	/* dnssec-policy statements */
	size_t npolicies, cappolicies;
	size_t nviews, capviews;
	size_t nest;
	struct bkey *keys;	/* key statements, read for a key file */
	size_t nkeys, keycap;
	struct brpz *rpz;	/* the zones of response-policy and
				   catalog-zones blocks */
	unsigned nblocks;	/* such blocks read */
	size_t nrpz, caprpz;
	int64_t port;		/* options' port; -1: not set (53) */
	struct bdir *dirs;	/* managed-keys-directory (options),
				   new-zones-directory (options, views) */
	size_t ndirs, capdirs;
	struct bqsrc *qsrc;	/* source options that name a port */
	size_t nqsrc, capqsrc;
	const char *server;	/* the address of the server statement
				   being read (borrowed), or NULL */
	struct tok server_at;	/* its block's '{' */
	struct bzopt *zopts;	/* the options of the zone being read */
	size_t nzopts, capzopts;
	struct tok end;		/* where the statement read ends (its ';') */
	struct tok lbrace;	/* the '{' of the block being opened */
	struct bblock *blk;	/* the options, view or zone block being
				   read, or NULL */
	struct brefs *refs;	/* names given and used (server_bind_refs.c),
				   or NULL */
};

/* ---- where options are taken (server_bind_opts.c) ---- */

/* Whether the block ctx (options or a view) takes the statement named s,
 * in named 9.18 or a later version (server_bind_names.c).  When it does
 * not: *near (a static name) is the one it takes nearest to s, if near
 * enough to be a slip of it, else NULL; *elsewhere is whether the other
 * of the two blocks takes s. */
bool bind_block_takes(enum ctx ctx, const char *s, const char **near,
		      bool *elsewhere);
/* The name of the statement s as the table holds it (a static string)
 * when the block ctx (options or a view) takes it once at most, named
 * 9.18 refusing a second ("'recursion' redefined"); NULL for one that
 * may come again (check-names, listen-on, zone, ...), one the block does
 * not take, or one of a later version alone. */
const char *bind_block_once(enum ctx ctx, const char *s);

/* named-checkconf: the statement named w in the block ctx, reported when
 * named 9.18 no longer has it there or never took it there, or when it
 * is taken once at most in the block and given again there (options, a
 * view, a zone or a server statement). */
void bind_placed(struct bind *b, enum ctx ctx, const struct tok *w);
/* A source option, args[0..n) in the block ctx, whose port named holds
 * to the one it listens on (query-source in options, a view or a server;
 * transfer-source and notify-source in a zone or a server, or in options
 * for the zones that do not set their own; parental-source in a zone or
 * options, so): a port it names is noted for bind_finish; in a server,
 * one of the other address family is reported.  False when args is no
 * such option. */
bool bind_source(struct bind *b, enum ctx ctx, const struct tok *args,
		 size_t n);
/* The zone type named (primary or master, ..., in any case) as a bit of
 * its own; 0 for a type named 9.18 does not know. */
unsigned bind_zone_type(const char *type);
/* Reports the name t of a dnssec-policy statement where named refuses
 * it: a built-in policy's, or one an earlier statement gives. */
void bind_policy_name(struct bind *b, const struct tok *t);
/* (server_bind_value.c) Reports a word of args[from..n), between a list of servers' option
 * or name and its '{', that named refuses there. */
void bind_list_header(struct bind *b, const struct tok *args, size_t from,
		      size_t n);
/* Notes the statement args[0..n) (args[0] is kw, its name) of the zone
 * being read, its value's first token (a word, a string or '{') at val
 * (no file: none), for bind_zone_options. */
void bind_zone_option(struct bind *b, const struct tok *kw,
		      const struct tok *val, const struct tok *args,
		      size_t n);
/* named-checkconf: each option noted of zone z, now read, that a zone of
 * its type does not take (or dialup's mode, or one that needs the zone
 * signed inline where it is not: signs, bind_signs_inline's), at the
 * line named-checkconf names: the option's, or its value's.  The notes
 * are then dropped. */
void bind_zone_options(struct bind *b, const struct pzone *z, bool signs);

/* Notes the statement named kw (its value's first token at val) in
 * b->blk, for bind_block_end. */
void bind_block_option(struct bind *b, const struct tok *kw,
		       const struct tok *val);
/* named-checkconf on the block blk, now read: a forward without
 * forwarders, check-names naming a kind of zone twice. */
void bind_block_end(struct bind *b, const struct bblock *blk);

/* ---- zones (server_bind_zone.c) ---- */

/* Whether BIND 9.20 signs zone z inline (or may): as its own
 * inline-signing says; without one, under a dnssec-policy other than
 * none (the innermost named) unless the policy says inline-signing no,
 * or when it names a template (not read, which may say so).  named 9.18
 * signs inline only where the zone says so. */
bool bind_signs_inline(const struct bind *b, const struct pzone *z);

/* Adds the zones b's statements declare to the run's output, each with
 * what it inherits from its view and the options, and reports what
 * named refuses of them (a response-policy zone that is none of its
 * view's, a dnssec-policy zone named cannot sign). */
void bind_finish(struct bind *b);
/* Reads f, the first file of s, whole into b (its includes with it). */
void bind_start(struct bind *b, struct srv *s, struct srv_file *f);
/* Frees what b holds, and closes the files a limit left open. */
void bind_end(struct bind *b);

/* ---- names given and used (server_bind_refs.c) ---- */

/* Before the block of the statement args[0..n) in ctx is read (second:
 * not the statement's first block): notes what it defines (acl,
 * primaries or masters, key, tls, http) or names (tls and http of
 * listen-on), and makes its list (an address list, a list of primaries
 * or also-notify, a server's keys) the one whose elements bind_ref_leaf
 * notes.  Returns the list read before, for bind_ref_close. */
size_t bind_ref_open(struct bind *b, enum ctx ctx, bool second,
		     const struct tok *args, size_t n);
/* After that block: outer, bind_ref_open's answer, is read again. */
void bind_ref_close(struct bind *b, size_t outer);
/* The statement args[0..n) without a block in ctx: an element of the list
 * read, or a server's "keys NAME". */
void bind_ref_leaf(struct bind *b, enum ctx ctx, const struct tok *args,
		   size_t n);
/* named-checkconf, once all is read: each name used where named reads it
 * (an ACL, a primaries list, a server's key, a tls, an http) defined, no
 * ACL naming itself, a zone's primaries reaching an address, no ACL or
 * list defined twice. */
void bind_refs_check(struct bind *b);
/* Frees what bind_ref_* noted. */
void bind_refs_free(struct bind *b);

/* ---- update-policy (server_bind_update.c) ---- */

/* A zone z's `update-policy WORD;`, args[0..n) (args[0] the option's
 * name; b->end its ';'): noted in z (upolicy, uplocal, upat), and held to
 * named-checkconf's `local`, unquoted, in any case. */
void bind_update_value(struct bind *b, struct pzone *z,
		       const struct tok *args, size_t n);
/* named-checkconf on the rule args[0..n) of an update-policy block (its
 * words past those args holds go to bind_update_type): grant or deny, an
 * identity, a rule type, the name the rule type takes, and types. */
void bind_update_rule(struct bind *b, const struct tok *args, size_t n);
/* named-checkconf on the type t of a rule: one named knows, with an
 * optional count of at most 65535 in parentheses ("A(2)"). */
void bind_update_type(struct bind *b, const struct tok *t);

/* ---- a dnssec-policy's block (server_bind_kasp.c) ---- */

/* A new dnssec-policy statement, its first word at kw: its bpolicy, set
 * to nothing said (the name is the caller's to fill). */
struct bpolicy bind_policy_new(const struct tok *kw);
/* The statement args[0..n) of the block ctx (C_POLICY, C_PKEYS) of the
 * last dnssec-policy read: its name, values and keys checked as named
 * 9.18 and later versions check them, what the policy's end needs
 * noted. */
void bind_policy_leaf(struct bind *b, enum ctx ctx, const struct tok *args,
		      size_t n);
/* The block the statement args[0..n) of a dnssec-policy opens (its '{'
 * at b->lbrace): C_PKEYS for keys, else C_OTHER. */
enum ctx bind_policy_child(struct bind *b, const struct tok *args, size_t n);
/* The last dnssec-policy's block, now read: what named-checkconf refuses
 * of the policy as a whole, in the order it checks, stopping at the
 * first failure as it does. */
void bind_policy_end(struct bind *b);
/* The statement args[0..n) of options or a view, when it is nta-lifetime
 * or nta-recheck: its value held to named-checkconf's bounds. */
void bind_nta_option(struct bind *b, const struct tok *args, size_t n);
/* max-ixfr-ratio, args[0..n) of options, a view or a zone: its value
 * held to named's percentage (server_bind_value.c; other statements are
 * left alone). */
void bind_ratio_option(struct bind *b, const struct tok *args, size_t n);
/* t as a boolean as named reads one, in any case: 1 for yes, true or 1,
 * 0 for no, false or 0, -1 for anything else (server_bind_typed.c). */
int bind_boolean(const struct tok *t);
/* A statement args[0..n) of ctx (options, a view, a zone) whose value is
 * a boolean, a number, a duration, a size, or one of a few words: a value
 * of another type refused, as are a quoted one, none before the ';'
 * (semi: the statement ended with one) and, where named takes one value,
 * a second word (server_bind_typed.c). */
void bind_typed_option(struct bind *b, enum ctx ctx, const struct tok *args,
		       size_t n, bool semi);
/* A block statement args[0..n) of ctx (the top, options, a view, a
 * zone) held to the words named takes between its name and its '{', and
 * to its block: end is the '{' or the ';' that ends the words, NULL for a
 * '}' or the end of the file (server_bind_shape.c). */
void bind_shape(struct bind *b, enum ctx ctx, const struct tok *args,
		size_t n, const struct tok *end);
/* lmdb-mapsize, args[0..n) of options or a view: its value held to
 * named's size and bounds (server_bind_value.c). */
void bind_mapsize_option(struct bind *b, const struct tok *args, size_t n);
/* The address list element t, when it is a prefix: its length held to
 * its family and its address's bits to its length, as named reads a
 * prefix (server_bind_value.c). */
void bind_prefix_check(struct bind *b, const struct tok *t);

#endif
