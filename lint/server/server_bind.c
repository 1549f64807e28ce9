/* server_bind.c - BIND's named.conf: its lexer (three comment styles, quoted strings, include as a stack of files) and the statements that say which zones named loads. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
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

/* One file being read: the top one, and the includes under it.  An
 * include pattern's matches are read one after another in the same
 * place: rest[irest..nrest) are still to come. */
struct src {
	struct srv_file f;
	const char *p, *bol;	/* next byte, start of its line */
	uint32_t line;
	char **rest;
	size_t nrest, irest;
	struct tok at;		/* the include, for errors opening rest */
};

struct lex {
	struct srv *s;
	struct src st[ZL_SERVER_MAX_DEPTH + 2];
	size_t n;
	bool stop;		/* a limit was hit: read no further */
	bool eof_said;		/* an error at the end was reported */
	char *dir;		/* named's directory so far, or NULL */
};

static void tok_free(struct tok *t)
{
	free(t->s);
	t->s = NULL;
}

static void here(struct lex *lx, struct tok *t)
{
	struct src *c = &lx->st[lx->n - 1];

	t->file = c->f.shown;
	t->line = c->line;
	t->col = (uint32_t)(c->p - c->bol) + 1;
}

static void newline(struct src *c, const char *nl)
{
	c->line++;
	c->bol = nl + 1;
}

/* Skips blanks and comments; false at the end of the current file, or
 * at an unterminated C comment (reported). */
static bool skip_space(struct lex *lx)
{
	struct src *c = &lx->st[lx->n - 1];
	struct tok at;
	const char *p;

	for (;;) {
		p = c->p;
		if (*p == '\n') {
			newline(c, p);
			c->p++;
		} else if (*p == ' ' || *p == '\t' || *p == '\r' ||
			   *p == '\f' || *p == '\v') {
			c->p++;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			c->p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			here(lx, &at);
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
	struct src *c = &lx->st[lx->n - 1];
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

/* Opens the next file of c's include pattern in c's place; false when
 * there is none left. */
static bool open_next(struct lex *lx, struct src *c)
{
	while (c->irest < c->nrest)
		if (srv_open(lx->s, c->rest[c->irest++], c->at.file,
			     c->at.line, c->at.col, &c->f)) {
			c->p = c->bol = c->f.data;
			c->line = 1;
			return true;
		}
	return false;
}

/* The next token, from the innermost file that has one left. */
static void next(struct lex *lx, struct tok *t)
{
	struct src *c;
	size_t n;

	memset(t, 0, sizeof *t);
	for (;;) {
		if (lx->stop) {
			t->t = T_EOF;
			return;
		}
		c = &lx->st[lx->n - 1];
		if (skip_space(lx))
			break;
		here(lx, t);
		if (lx->n == 1) {
			t->t = T_EOF;
			return;
		}
		srv_close(lx->s, &c->f);
		if (!open_next(lx, c)) {
			srv_free_list(c->rest, c->nrest);
			lx->n--;
		}
	}
	here(lx, t);
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
			next(lx, t);
		return;
	default:
		n = strcspn(c->p, " \t\r\n\f\v{};\"");
		/* a comment may follow a word directly */
		for (size_t i = 1; i < n; i++)
			if (c->p[i] == '#' || (c->p[i] == '/' &&
			    (c->p[i + 1] == '/' || c->p[i + 1] == '*'))) {
				n = i;
				break;
			}
		t->t = T_WORD;
		t->s = zl_xstrndup(c->p, n);
		c->p += n;
		return;
	}
	c->p++;
}

static void push_file(struct lex *lx, const char *name, const struct tok *at)
{
	struct src *c;
	char *path, **v;
	size_t n;

	/* named resolves a relative include against its working directory:
	 * where it was started, until a `directory` option read before the
	 * include changed it (named changes directory as it parses that
	 * option), never against the including file.  BIND 9.18 expands a
	 * pattern (glob); one that matches nothing is an error. */
	path = srv_resolve(lx->dir ? lx->dir : lx->s->cwd, name);
	if (lx->n >= ZL_SERVER_MAX_DEPTH + 1) {
		srv_err(lx->s, at->file, at->line, at->col, "includes nested "
			"deeper than %d files", ZL_SERVER_MAX_DEPTH);
		lx->stop = true;
	} else if ((n = srv_glob(lx->s, path, false, at->file, at->line,
				 at->col, &v)) > 0) {
		c = &lx->st[lx->n];
		memset(c, 0, sizeof *c);
		c->rest = v;
		c->nrest = n;
		c->at = (struct tok){ .file = at->file, .line = at->line,
				      .col = at->col };
		if (open_next(lx, c))
			lx->n++;
		else
			srv_free_list(v, n);
	}
	free(path);
}

/* ---- statements ---- */

/* C_KEY: a key of a key file, read for its secret; C_KEYDEF: one of
 * named.conf, skipped but for its statements' lengths; C_RPZ: the block
 * of response-policy, read for its zones; C_POLICY: a dnssec-policy
 * statement, read for its max-zone-ttl; C_ACL: the address list of an
 * allow-update, read for whether it allows anything */
enum ctx { C_TOP, C_OPTIONS, C_VIEW, C_ZONE, C_KEY, C_KEYDEF, C_RPZ,
	   C_POLICY, C_ACL, C_OTHER };

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
	bool in_view;	/* the zone of another view: declared, not read */
	bool others;	/* options besides in-view, forward, forwarders */
	bool external;	/* dlz, or a database other than rbt: no file */
	char dlz_or_db;	/* 'l' (dlz) or 'd' (database) read; 0: none */
	bool transferred;	/* it names primaries */
	bool retyped;		/* type given twice: no type to hold it to */
	struct tok brace;	/* its block's '{' */
	int8_t binary;	/* masterfile-format raw (or a word named refuses)
			   (1) or text (0); -1: not set */
	char vclass[12];	/* its view's class, "" outside views */
	int8_t names;	/* its check-names: NAMES_*; -1: not set */
	int64_t maxttl;	/* its max-zone-ttl (0: none); -1: not set */
	char *policy;	/* its dnssec-policy, or NULL */
	struct tok polat;	/* where its dnssec-policy is named */
	int8_t inline_signing;	/* inline-signing yes (1), no (0); -1: not
				   set */
	int8_t au;		/* its allow-update: AU_* */
	bool upolicy;		/* it has an update-policy */
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
	int8_t au;		/* as pzone.au */
	int64_t maxrr, maxtypes;	/* as pzone's */
};

/* A dnssec-policy statement: its name and max-zone-ttl. */
struct bpolicy {
	char *name;
	uint32_t maxttl;
	bool inline_signing;	/* it says inline-signing yes (named 9.20) */
};

/* A key statement: key "NAME" { algorithm A; secret "S"; }; each part
 * with its place. */
struct bkey {
	struct tok name, alg, secret;
};

/* A zone a response-policy block names: its name as written, its view
 * (NULL: options), its place. */
struct brpz {
	struct tok name;
	char *view;
	char vclass[12];	/* its view's class */
};

/* A query-source or query-source-v6 that names a port: named refuses the
 * port it listens on (options' port, 53 by default), at the line of the
 * statement's ';'. */
struct bqsrc {
	const char *file, *name;
	uint32_t line, col;
	uint32_t port;
};

struct bind {
	struct lex lx;
	struct srv *s;
	struct pzone *z;
	size_t nz, cap;
	const char *view;	/* the view being read */
	char view_class[12];	/* its class, "IN" by default */
	struct tok first_top_zone, first_view;
	bool options;		/* an options statement has been read */
	bool directory;		/* a directory in the options read */
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
	int8_t au;		/* options' allow-update: AU_* */
	int8_t *au_to;		/* the allow-update being read */
	int64_t maxrr, maxtypes;	/* the options', as pzone's */
	struct bpolicy *policies;	/* dnssec-policy statements */
	size_t npolicies, cappolicies;
	size_t nviews, capviews;
	size_t nest;
	struct bkey *keys;	/* key statements, read for a key file */
	size_t nkeys, keycap;
	struct brpz *rpz;	/* the zones of response-policy blocks */
	size_t nrpz, caprpz;
	int64_t port;		/* options' port; -1: not set (53) */
	struct bqsrc *qsrc;	/* query-sources that name a port */
	size_t nqsrc, capqsrc;
	struct tok end;		/* where the statement read ends (its ';') */
	struct tok lbrace;	/* the '{' of the block being opened */
};

static bool is(const struct tok *t, const char *word)
{
	return t->t == T_WORD && strcasecmp(t->s, word) == 0;
}

static void block(struct bind *b, enum ctx ctx);

/* An error at t, a '}' or the end of the input where something else was
 * expected; at the end, only the first such error is reported. */
static void unexpected(struct bind *b, const struct tok *t, const char *what)
{
	if (t->t == T_EOF && (b->lx.eof_said || b->lx.stop))
		return;
	b->lx.eof_said |= t->t == T_EOF;
	srv_err(b->s, t->file, t->line, t->col, "missing %s before %s", what,
		t->t == T_EOF ? "end of file" : "'}'");
}

/* Keeps a copy of token t as part *to of a key statement. */
static void key_part(struct tok *to, const struct tok *t)
{
	free(to->s);
	*to = *t;
	to->s = zl_xstrdup(t->s);
}

/* named-checkconf: an option given twice in one block. */
static void redefined(struct bind *b, const struct tok *t)
{
	srv_err(b->s, t->file, t->line, t->col, "'%s' redefined near '%s'",
		t->s, t->s);
}

/* `in-view V`: the zone must already be declared in view V, itself read
 * before (named-checkconf). */
static void in_view(struct bind *b, const struct pzone *z,
		    const struct tok *v)
{
	size_t i;

	for (i = 0; i + 1 < b->nz; i++)
		if (b->z[i].view && b->z[i].origin && z->origin &&
		    strcmp(b->z[i].view, v->s) == 0 &&
		    strcmp(b->z[i].origin, z->origin) == 0)
			return;
	srv_err(b->s, v->file, v->line, v->col, "'in-view' zone '%s' does "
		"not exist in view '%s', or view '%s' is not yet defined",
		z->origin ? z->origin : "", v->s, v->s);
}

/* The zone types of named 9.18. */
static bool zone_type(const char *type)
{
	static const char *const types[] = {
		"primary", "master", "secondary", "slave", "mirror", "hint",
		"stub", "static-stub", "forward", "redirect",
		"delegation-only", NULL
	};
	size_t i;

	for (i = 0; types[i]; i++)
		if (strcasecmp(type, types[i]) == 0)
			return true;
	return false;
}

/* `check-names [primary|master] MODE`: whether named refuses a primary
 * zone over a record whose host name is not one (fail, the default),
 * only warns of it (warn: it still refuses an NSEC3 owner that is no
 * hash) or checks nothing (ignore); set for all zones (options), a
 * view's or one zone. */
static void check_names(struct bind *b, enum ctx ctx, struct pzone *z,
			const struct tok *args, size_t n)
{
	int8_t mode = is(&args[n - 1], "ignore") ? NAMES_IGNORE :
		      is(&args[n - 1], "warn") ? NAMES_WARN : NAMES_FAIL;

	if (ctx == C_ZONE)
		z->names = mode;
	else if (n < 3 || (!is(&args[1], "primary") && !is(&args[1], "master")))
		return;
	else if (ctx == C_OPTIONS)
		b->names = mode;
	else if (ctx == C_VIEW && b->cur_view)
		b->cur_view->names = mode;
}

/* A TTL as named's dns_ttl_fromtext reads it: decimal seconds, or
 * numbers each followed by a unit (w, d, h, m, s in any case, summed:
 * "1h30m", "1s1s"), at most 2^32 - 1. */
static bool ttl_text(const char *s, uint64_t *out)
{
	uint64_t sum = 0, num;
	size_t k;

	do {
		for (num = 0, k = 0; isdigit((unsigned char)s[k]); k++)
			if ((num = num * 10 + (uint64_t)(s[k] - '0')) >
			    UINT32_MAX)
				return false;
		if (k == 0)
			return false;
		s += k;
		if (!*s) {
			*out = num;
			return sum == 0;
		}
		switch (*s++) {
		case 'w': case 'W': num *= 604800; break;
		case 'd': case 'D': num *= 86400; break;
		case 'h': case 'H': num *= 3600; break;
		case 'm': case 'M': num *= 60; break;
		case 's': case 'S': break;
		default: return false;
		}
		if ((sum += num) > UINT32_MAX)
			return false;
	} while (*s);
	*out = sum;
	return true;
}

/* One part of an ISO 8601 duration as named 9.18 reads it: the number
 * from after *from's first byte up to the part's letter x, with *from
 * moved to x. */
static bool iso_part(const char **from, const char *x, uint64_t scale,
		     uint64_t *sum)
{
	long long v;
	char *end;

	errno = 0;
	v = strtoll(*from + 1, &end, 10);
	if (errno || v < 0 || v > (long long)UINT32_MAX || end != x)
		return false;
	*sum += (uint64_t)v * scale;
	*from = x;
	return true;
}

/* An ISO 8601 duration, "P1D", "PT12H", "P1Y2M": named 9.18's
 * duration_fromtext, whose every letter is found by its first
 * occurrence (a month is an M before the T, a minute one after it), a
 * year taken as 365 days and a month as 31; weeks stand alone.  The sum
 * saturates at 2^32 - 1, as named's does. */
static bool iso_duration(const char *s, uint64_t *out)
{
	const char *p = s, *t, *x, *str = s;
	uint64_t sum = 0;
	bool not_weeks = false;

	if (strlen(s) >= 80)
		return false;
	t = strpbrk(s, "Tt");
	if ((x = strpbrk(str, "Yy")) &&
	    !(not_weeks = iso_part(&str, x, 31536000, &sum)))
		return false;
	x = strpbrk(str, "Mm");
	if (x && (!t || x - p < t - p) &&
	    !(not_weeks = iso_part(&str, x, 2678400, &sum)))
		return false;
	if ((x = strpbrk(str, "Dd")) &&
	    !(not_weeks = iso_part(&str, x, 86400, &sum)))
		return false;
	if (t) {
		str = t;
		not_weeks = true;
	}
	if ((x = strpbrk(str, "Hh")) && t && !iso_part(&str, x, 3600, &sum))
		return false;
	x = strpbrk(str, "Mm");
	if (x && t && x - p > t - p && !iso_part(&str, x, 60, &sum))
		return false;
	if ((x = strpbrk(str, "Ss")) && t && !iso_part(&str, x, 1, &sum))
		return false;
	if ((x = strpbrk(s, "Ww")) &&
	    (not_weeks || !iso_part(&str, x, 604800, &sum)))
		return false;
	if (str[1] != '\0')
		return false;
	*out = sum > UINT32_MAX ? UINT32_MAX : sum;
	return true;
}

/* `max-zone-ttl DURATION|unlimited` (unlimited, and 0, set no limit; a
 * dnssec-policy's takes no "unlimited"): the seconds, or -1 for a value
 * named refuses (reported at t). */
static int64_t max_ttl(struct bind *b, enum ctx ctx, const struct tok *t)
{
	uint64_t v;

	if (t->t == T_WORD && ctx != C_POLICY && is(t, "unlimited"))
		return 0;
	if (t->t == T_WORD && ((t->s[0] == 'P' || t->s[0] == 'p') ?
			       iso_duration(t->s, &v) : ttl_text(t->s, &v)))
		return (int64_t)v;
	srv_err(b->s, t->file, t->line, t->col, "expected ISO 8601 duration "
		"or TTL value near '%s'", t->s);
	return -1;
}

/* `max-records-per-type N` or `max-types-per-name N`: N (0: none), or
 * -1 for a value named refuses (reported at t). */
static int64_t count(struct bind *b, const struct tok *t)
{
	uint64_t v = 0;
	size_t k;

	for (k = 0; t->t == T_WORD && isdigit((unsigned char)t->s[k]); k++)
		if ((v = v * 10 + (uint64_t)(t->s[k] - '0')) > UINT32_MAX)
			break;
	if (k > 0 && !t->s[k])
		return (int64_t)v;
	srv_err(b->s, t->file, t->line, t->col, k > 0 &&
		isdigit((unsigned char)t->s[k]) ? "'%s' out of range" :
		"expected number near '%s'", t->s);
	return -1;
}

/* named takes a path (file, directory, include) only as a quoted string,
 * and refuses the configuration over a word; its value is read on. */
static void quoted(struct bind *b, const struct tok *t)
{
	if (t->t != T_STR)
		srv_err(b->s, t->file, t->line, t->col, "expected quoted "
			"string");
}

/* A leaf statement's meaning in its context: args[0..n) are its words. */
/* A port number as named reads it (0 to 65535, leading zeros taken). */
static bool port_of(const struct tok *t, int64_t *out)
{
	const char *p = t->s;
	int64_t v = 0;

	if (t->t != T_WORD || !*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > 65535)
			return false;
	}
	*out = v;
	return true;
}

/* query-source [address] A [port P] [dscp D]: a port P is kept, to be
 * held against the listener port once options are read (named takes its
 * port from wherever it stands in them). */
static void query_source(struct bind *b, const struct tok *args, size_t n)
{
	struct bqsrc *q;
	int64_t port;
	size_t i;

	for (i = 1; i + 1 < n; i++) {
		if (!is(&args[i], "port") || !port_of(&args[i + 1], &port))
			continue;
		zl_xgrow((void **)&b->qsrc, &b->capqsrc, b->nqsrc + 1,
			 sizeof *b->qsrc);
		q = &b->qsrc[b->nqsrc++];
		q->name = is(&args[0], "query-source") ? "query-source" :
			  "query-source-v6";
		/* named names the line of the ';'; the port itself when it
		 * is on that line */
		if (b->end.file && (args[i + 1].file != b->end.file ||
				    args[i + 1].line != b->end.line)) {
			q->file = b->end.file;
			q->line = b->end.line;
			q->col = b->end.col;
		} else {
			q->file = args[i + 1].file;
			q->line = args[i + 1].line;
			q->col = args[i + 1].col;
		}
		q->port = (uint32_t)port;
		return;
	}
}

static void leaf(struct bind *b, enum ctx ctx, struct tok *args, size_t n)
{
	/* in the context each is read in, as a logging channel's file
	 * takes versions and size after it, a trust anchor named
	 * "algorithm" its key */
	static const struct {
		const char *name;
		enum ctx ctx;
	} one_value[] = {
		{ "directory", C_OPTIONS }, { "type", C_ZONE },
		{ "file", C_ZONE }, { "masterfile-format", C_ZONE },
		{ "in-view", C_ZONE }, { "algorithm", C_KEY },
		{ "secret", C_KEY }, { "algorithm", C_KEYDEF },
		{ "secret", C_KEYDEF }, { NULL, C_TOP }
	};
	struct pzone *z = b->nz ? &b->z[b->nz - 1] : NULL;
	char *dir, c, **pol;
	int64_t v, *to;
	size_t i;

	if (n == 0)
		return;
	/* an element of allow-update's list */
	if (ctx == C_ACL) {
		if (b->au_to && *b->au_to != AU_SOME)
			*b->au_to = (n == 1 && (is(&args[0], "none") ||
						is(&args[0], "!any"))) ||
				    (n == 2 && is(&args[0], "!") &&
				     is(&args[1], "any")) ? AU_NONE : AU_SOME;
		return;
	}
	if ((ctx == C_TOP || ctx == C_VIEW) &&
	    (is(&args[0], "zone") || (ctx == C_TOP && is(&args[0], "view"))))
		srv_err(b->s, args[n - 1].file, args[n - 1].line,
			args[n - 1].col, "'{' expected after '%s'",
			args[n - 1].s);
	/* The statements read here take one value, and named reads a
	 * second word as a ';' left out. */
	for (i = 0; n != 2 && one_value[i].name; i++)
		if (ctx == one_value[i].ctx && is(&args[0], one_value[i].name))
			srv_err(b->s, args[n > 2 ? 2 : 0].file,
				args[n > 2 ? 2 : 0].line,
				args[n > 2 ? 2 : 0].col, n > 2 ?
				"missing ';' before '%s'" : "'%s' without a "
				"value", args[n > 2 ? 2 : 0].s);
	if (n < 2)
		return;
	if (ctx == C_OPTIONS && is(&args[0], "directory")) {
		quoted(b, &args[1]);
		if (b->directory)
			redefined(b, &args[0]);
		b->directory = true;
		dir = srv_resolve(b->lx.dir ? b->lx.dir : b->s->cwd,
				  args[1].s);
		free(b->lx.dir);
		b->lx.dir = dir;
	} else if (ctx == C_ZONE && is(&args[0], "type")) {
		/* named refuses another type, or one in quotes: a zone
		 * must not vanish from the run over a typo */
		if (args[1].t != T_WORD || !zone_type(args[1].s))
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				args[1].t != T_WORD ? "expected unquoted "
				"string" : "zone type '%s' unknown",
				args[1].s);
		if (z->type) {
			redefined(b, &args[0]);
			z->retyped = true;
		}
		free(z->type);
		z->type = zl_xstrdup(args[1].s);
	} else if (ctx == C_ZONE && is(&args[0], "file")) {
		quoted(b, &args[1]);
		if (z->file)
			redefined(b, &args[0]);
		free(z->file);
		z->file = zl_xstrdup(args[1].s);
	} else if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) &&
		   is(&args[0], "masterfile-format")) {
		/* named 9.18 reads text and raw (map is gone), unquoted,
		 * for all zones (options), a view's or one zone */
		if (args[1].t != T_WORD || (!is(&args[1], "text") &&
					    !is(&args[1], "raw")))
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				args[1].t != T_WORD ? "expected unquoted "
				"string" : "'%s' unexpected", args[1].s);
		*(ctx == C_ZONE ? &z->binary : ctx == C_VIEW && b->cur_view ?
		  &b->cur_view->binary : &b->binary) =
			args[1].s && strcasecmp(args[1].s, "text") != 0;
	} else if (ctx == C_ZONE && (is(&args[0], "dlz") ||
				     is(&args[0], "database"))) {
		c = is(&args[0], "dlz") ? 'l' : 'd';
		if (z->dlz_or_db == c)
			redefined(b, &args[0]);
		else if (z->dlz_or_db)
			srv_err(b->s, args[0].file, args[0].line, args[0].col,
				"zone '%s': cannot specify both 'dlz' and "
				"'database'", z->origin ? z->origin : "");
		z->dlz_or_db = c;
		z->external |= is(&args[0], "dlz") ||
			       (strcmp(args[1].s, "rbt") != 0 &&
				strcmp(args[1].s, "rbt64") != 0);
	} else if (ctx == C_ZONE && is(&args[0], "in-view")) {
		in_view(b, z, &args[1]);
		z->in_view = true;
	} else if (is(&args[0], "check-names")) {
		check_names(b, ctx, z, args, n);
	} else if (is(&args[0], "inline-signing") && ctx == C_POLICY) {
		b->policies[b->npolicies - 1].inline_signing =
			is(&args[1], "yes") || is(&args[1], "true") ||
			is(&args[1], "1");
	} else if (is(&args[0], "max-zone-ttl") && ctx == C_POLICY) {
		if ((v = max_ttl(b, ctx, &args[1])) >= 0)
			b->policies[b->npolicies - 1].maxttl = (uint32_t)v;
	} else if (is(&args[0], "max-zone-ttl") && (ctx == C_OPTIONS ||
		   ctx == C_VIEW || ctx == C_ZONE)) {
		/* a view named twice sets nothing */
		to = ctx == C_ZONE ? &z->maxttl : ctx == C_OPTIONS ?
		      &b->maxttl : b->cur_view ? &b->cur_view->maxttl : NULL;
		if ((v = max_ttl(b, ctx, &args[1])) >= 0 && to)
			*to = v;
	} else if ((is(&args[0], "max-records-per-type") ||
		    is(&args[0], "max-types-per-name")) &&
		   (ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE)) {
		c = is(&args[0], "max-records-per-type");
		to = ctx == C_ZONE ? (c ? &z->maxrr : &z->maxtypes) :
		      ctx == C_OPTIONS ? (c ? &b->maxrr : &b->maxtypes) :
		      !b->cur_view ? NULL : c ? &b->cur_view->maxrr :
		      &b->cur_view->maxtypes;
		if ((v = count(b, &args[1])) >= 0 && to)
			*to = v;
	} else if (is(&args[0], "dnssec-policy") && (ctx == C_OPTIONS ||
		   ctx == C_VIEW || ctx == C_ZONE)) {
		pol = ctx == C_ZONE ? &z->policy : ctx == C_OPTIONS ?
		      &b->policy : b->cur_view ? &b->cur_view->policy : NULL;
		if (pol) {
			free(*pol);
			*pol = zl_xstrdup(args[1].s);
			*(ctx == C_ZONE ? &z->polat : ctx == C_OPTIONS ?
			  &b->polat : &b->cur_view->polat) = (struct tok){
				.file = args[1].file, .line = args[1].line,
				.col = args[1].col };
		}
	} else if (ctx == C_ZONE && is(&args[0], "inline-signing")) {
		z->inline_signing = is(&args[1], "yes") ||
				    is(&args[1], "true") || is(&args[1], "1");
	} else if (ctx == C_ZONE && is(&args[0], "update-policy")) {
		z->upolicy = true;	/* update-policy local; */
		z->upat = (struct tok){ .file = args[1].file,
					.line = args[1].line,
					.col = args[1].col };

	} else if (ctx == C_OPTIONS && is(&args[0], "port")) {
		if (!port_of(&args[1], &b->port))
			b->port = -1;
	} else if ((ctx == C_OPTIONS || ctx == C_VIEW) &&
		   (is(&args[0], "query-source") ||
		    is(&args[0], "query-source-v6"))) {
		query_source(b, args, n);
	} else if (ctx == C_RPZ && is(&args[0], "zone")) {
		zl_xgrow((void **)&b->rpz, &b->caprpz, b->nrpz + 1,
			 sizeof *b->rpz);
		memset(&b->rpz[b->nrpz], 0, sizeof *b->rpz);
		b->rpz[b->nrpz].view = b->view ? zl_xstrdup(b->view) : NULL;
		if (b->view)
			strcpy(b->rpz[b->nrpz].vclass, b->view_class);
		key_part(&b->rpz[b->nrpz++].name, &args[1]);
	} else if (ctx == C_KEY && is(&args[0], "algorithm")) {
		key_part(&b->keys[b->nkeys - 1].alg, &args[1]);
	} else if (ctx == C_KEY && is(&args[0], "secret")) {
		key_part(&b->keys[b->nkeys - 1].secret, &args[1]);
	}
}

/* The class word t names (none: IN), as named reads it: "IN", "CH" or
 * "HS" (in, ch or chaos, hs or hesiod, or CLASS1, 3 or 4), "CLASSnnn" for
 * another number, "" for no class at all. */
static void class_of(const struct tok *t, char out[12])
{
	static const char *const names[][2] = {
		{ "in", "IN" }, { "ch", "CH" }, { "chaos", "CH" },
		{ "hs", "HS" }, { "hesiod", "HS" },
	};
	const char *digits;
	unsigned long v;
	size_t i;

	strcpy(out, t ? "" : "IN");
	if (!t || t->t != T_WORD)
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(t->s, names[i][0]))
			strcpy(out, names[i][1]);
	digits = t->s + 5;
	if (strncasecmp(t->s, "class", 5) != 0 || !*digits ||
	    strspn(digits, "0123456789") != strlen(digits) ||
	    strlen(digits) > 5 || (v = strtoul(digits, NULL, 10)) > 65535)
		return;
	if (v == 1 || v == 3 || v == 4)
		strcpy(out, v == 1 ? "IN" : v == 3 ? "CH" : "HS");
	else
		snprintf(out, 12, "CLASS%lu", v);
}

/* Opens the zone statement args[0..n) ("zone NAME [CLASS]"). */
static void zone_start(struct bind *b, struct tok *args, size_t n)
{
	struct pzone *z;
	char class[12];

	zl_xgrow((void **)&b->z, &b->cap, b->nz + 1, sizeof *b->z);
	z = &b->z[b->nz++];
	memset(z, 0, sizeof *z);
	z->names = -1;
	z->binary = -1;
	z->maxttl = z->maxrr = z->maxtypes = -1;
	z->inline_signing = -1;
	z->au = AU_UNSET;
	z->brace = b->lbrace;
	z->conf = args[0].file;
	z->line = args[0].line;
	z->col = args[0].col;
	if (n < 2) {
		z->skip = true;
		srv_err(b->s, args[0].file, args[0].line, args[0].col,
			"zone statement without a name");
		return;
	}
	z->conf = args[1].file;
	z->line = args[1].line;
	z->col = args[1].col;
	if (n > 3) {
		z->skip = true;
		srv_err(b->s, args[3].file, args[3].line, args[3].col,
			"'{' expected near '%s'", args[3].s);
		return;
	}
	z->origin = srv_origin(args[1].s, strlen(args[1].s));
	z->view = zl_xstrdup(b->view);
	if (b->view)
		strcpy(z->vclass, b->view_class);
	if (!z->origin) {
		z->skip = true;
		srv_err(b->s, args[1].file, args[1].line, args[1].col,
			"zone '%s': not a valid domain name", args[1].s);
	}
	/* A zone's class is its view's, IN outside views; only the
	 * Internet class holds mail data (CHAOS zones are for server
	 * identification). */
	class_of(n >= 3 ? &args[2] : NULL, class);
	if (n < 3 && b->view)
		strcpy(class, b->view_class);
	if (n >= 3 && (!class[0] ||
		       strcmp(class, b->view ? b->view_class : "IN") != 0))
		srv_err(b->s, args[2].file, args[2].line, args[2].col,
			!class[0] ? "invalid class '%s'" :
			"class '%s' does not match view/default class",
			args[2].s);
	if (strcmp(class, "IN") != 0)
		z->skip = true;
	if (!b->view && !b->first_top_zone.file)
		b->first_top_zone = (struct tok){ .file = args[0].file,
			.line = args[0].line, .col = args[0].col };
}

/* Notes the view named b->view at t; named-checkconf refuses a name
 * used twice in one class. */
static void view_seen(struct bind *b, const struct tok *t)
{
	size_t i;

	b->cur_view = NULL;
	for (i = 0; i < b->nviews; i++)
		if (strcmp(b->views[i].name, b->view) == 0 &&
		    strcmp(b->views[i].class, b->view_class) == 0) {
			srv_err(b->s, t->file, t->line, t->col, "view '%s': "
				"already exists", b->view);
			return;
		}
	zl_xgrow((void **)&b->views, &b->capviews, b->nviews + 1,
		 sizeof *b->views);
	b->views[b->nviews] = (struct bview){ .name = zl_xstrdup(b->view),
					      .names = -1, .binary = -1,
					      .maxttl = -1, .maxrr = -1,
					      .maxtypes = -1,
					      .au = AU_UNSET };
	strcpy(b->views[b->nviews].class, b->view_class);
	b->cur_view = &b->views[b->nviews++];
}

static enum ctx child(struct bind *b, enum ctx ctx, struct tok *args,
		      size_t n)
{
	/* a list in the list: an address or key is allowed */
	if (ctx == C_ACL) {
		if (b->au_to)
			*b->au_to = AU_SOME;
		return C_OTHER;
	}
	if (n == 0 || args[0].t != T_WORD)
		return C_OTHER;
	if (ctx == C_TOP && is(&args[0], "options")) {
		if (b->options)
			redefined(b, &args[0]);
		b->options = true;
		b->directory = false;	/* one per options statement */
		return C_OPTIONS;
	}
	if (ctx == C_TOP && is(&args[0], "view")) {
		if (n < 2 || n > 3)
			srv_err(b->s, args[n - 1].file, args[n - 1].line,
				args[n - 1].col, n < 2 ? "view without a "
				"name" : "'{' expected after '%s'",
				args[n - 1].s);
		b->view = n >= 2 ? args[1].s : "";
		class_of(n >= 3 ? &args[2] : NULL, b->view_class);
		view_seen(b, &args[n >= 2 ? 1 : 0]);
		if (!b->first_view.file)
			b->first_view = (struct tok){ .file = args[0].file,
				.line = args[0].line, .col = args[0].col };
		return C_VIEW;
	}
	if ((ctx == C_TOP || ctx == C_VIEW) && is(&args[0], "zone")) {
		zone_start(b, args, n);
		return C_ZONE;
	}
	if ((ctx == C_OPTIONS || ctx == C_VIEW) &&
	    is(&args[0], "response-policy"))
		return C_RPZ;
	if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) &&
	    is(&args[0], "allow-update")) {
		b->au_to = ctx == C_ZONE ? &b->z[b->nz - 1].au :
			   ctx == C_OPTIONS ? &b->au : b->cur_view ?
			   &b->cur_view->au : NULL;
		if (b->au_to)
			*b->au_to = AU_EMPTY;
		return C_ACL;
	}
	if (ctx == C_ZONE && b->nz && is(&args[0], "update-policy")) {
		b->z[b->nz - 1].upolicy = true;
		b->z[b->nz - 1].upat = b->lbrace;
	}

	/* a policy's max-zone-ttl is 1 day unless it says (BIND 9.18) */
	if (ctx == C_TOP && is(&args[0], "dnssec-policy") && n >= 2) {
		zl_xgrow((void **)&b->policies, &b->cappolicies,
			 b->npolicies + 1, sizeof *b->policies);
		b->policies[b->npolicies++] = (struct bpolicy){
			.name = zl_xstrdup(args[1].s), .maxttl = 86400 };
		return C_POLICY;
	}
	/* a redirect zone with primaries is transferred, its file only
	 * named's copy */
	if (ctx == C_ZONE && b->nz && (is(&args[0], "primaries") ||
				       is(&args[0], "masters")))
		b->z[b->nz - 1].transferred = true;
	if ((ctx == C_TOP || ctx == C_VIEW) && is(&args[0], "key") &&
	    (ctx == C_VIEW || !b->s->key))
		return C_KEYDEF;
	if (ctx == C_TOP && is(&args[0], "key")) {
		zl_xgrow((void **)&b->keys, &b->keycap, b->nkeys + 1,
			 sizeof *b->keys);
		memset(&b->keys[b->nkeys], 0, sizeof *b->keys);
		key_part(&b->keys[b->nkeys++].name, n >= 2 ? &args[1] :
			 &(struct tok){ .s = "", .file = args[0].file,
					.line = args[0].line,
					.col = args[0].col });
		return C_KEY;
	}
	return C_OTHER;
}

/* The tokens of one statement up to its ';', blocks read as they come.
 * The block of a zone, view, options or key statement ends it: what
 * follows that is not its ';' is the next statement, in *pend (true),
 * after an error, as named-checkconf reads it. */
/* The parameters of dyndb and plugin, a block named reads as text up to
 * its '}': a backslash escapes the next byte, braces nest.  From after
 * the '{' to after the '}', or to the end of the file. */
static void bracketed_text(struct lex *lx)
{
	struct src *c = &lx->st[lx->n - 1];
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

/* Whether words may follow the block of the statement args[0..n) in
 * ctx, c being the block's: in a block zonelint does not read (controls'
 * "inet ... allow { } keys { }", a catalog zone's "default-primaries { }
 * in-memory no"), and after response-policy, response-padding and
 * deny-answer-* ("{ } qname-wait-recurse no", "{ } block-size 468",
 * "{ } except-from { }"); elsewhere named reads a word after a block as
 * a ';' left out. */
static bool goes_on(enum ctx ctx, enum ctx c, const struct tok *args,
		    size_t n)
{
	if (ctx == C_OTHER || ctx == C_ACL)
		return true;
	if ((c != C_OTHER && c != C_RPZ && c != C_ACL) || n == 0)
		return false;
	return is(&args[0], "response-policy") ||
	       is(&args[0], "response-padding") ||
	       is(&args[0], "deny-answer-addresses") ||
	       is(&args[0], "deny-answer-aliases");
}

/* Whether word w is one of list (NULL-terminated). */
static bool one_of(const struct tok *w, const char *const *list)
{
	for (; *list; list++)
		if (is(w, *list))
			return true;
	return false;
}

/* The options named 9.18 no longer has (named.conf's "ancient" clauses):
 * named-checkconf refuses each in the blocks that once took it ("option
 * 'dnssec-enable' no longer exists"), and as an unknown option in options,
 * a view or a zone that never took it.  Configurations written for older
 * versions hold them (dnssec-enable and dnssec-lookaside, in the
 * named.conf that Red Hat shipped until BIND 9.16).  The letters say
 * where the option was taken: o options, v a view, z a zone. */
static const struct {
	const char *name, *where;
} ancient[] = {
	{ "acache-cleaning-interval", "ov" }, { "acache-enable", "ov" },
	{ "additional-from-auth", "ov" }, { "additional-from-cache", "ov" },
	{ "allow-v6-synthesis", "ov" }, { "cache-file", "ov" },
	{ "cleaning-interval", "ov" }, { "deallocate-on-exit", "o" },
	{ "dnssec-enable", "ov" }, { "dnssec-lookaside", "ov" },
	{ "fake-iquery", "o" }, { "fetch-glue", "ov" },
	{ "filter-aaaa", "ov" }, { "filter-aaaa-on-v4", "ov" },
	{ "filter-aaaa-on-v6", "ov" }, { "geoip-use-ecs", "o" },
	{ "has-old-clients", "o" }, { "host-statistics", "o" },
	{ "host-statistics-max", "o" }, { "ixfr-base", "z" },
	{ "ixfr-tmp-file", "z" }, { "maintain-ixfr-base", "ovz" },
	{ "max-acache-size", "ov" }, { "max-ixfr-log-size", "ovz" },
	{ "min-roots", "ov" }, { "multiple-cnames", "o" },
	{ "named-xfer", "o" }, { "nosit-udp-size", "ov" },
	{ "pubkey", "z" }, { "queryport-pool-ports", "ov" },
	{ "queryport-pool-updateinterval", "ov" }, { "request-sit", "ov" },
	{ "rfc2308-type1", "ov" }, { "serial-queries", "o" },
	{ "sit-secret", "o" }, { "statistics-interval", "o" },
	{ "topology", "ov" }, { "treat-cr-as-space", "o" },
	{ "use-id-pool", "o" }, { "use-ixfr", "o" },
	{ "use-queryport-pool", "ov" }
};

/* What named 9.18 says of the statement name s in the block ctx: s itself
 * when the option no longer exists there, "" when it is unknown there
 * (an ancient option of another block), NULL when it is neither.  At the
 * top level only lwres is gone. */
static const char *removed(enum ctx ctx, const char *s)
{
	char c = ctx == C_OPTIONS ? 'o' : ctx == C_VIEW ? 'v' : 'z';
	size_t i;

	if (ctx == C_TOP)
		return strcasecmp(s, "lwres") == 0 ? s : NULL;
	if (ctx != C_OPTIONS && ctx != C_VIEW && ctx != C_ZONE)
		return NULL;
	for (i = 0; i < sizeof ancient / sizeof ancient[0]; i++)
		if (strcasecmp(s, ancient[i].name) == 0)
			return strchr(ancient[i].where, c) ? s : "";
	return NULL;
}

/* named-checkconf: a statement that its block does not take ("unknown
 * option").  The top level takes the statements of named 9.18 and those
 * of later versions (key-store, remote-servers, template), which a
 * configuration for them may hold; options, a view and a zone refuse
 * those of named.conf's grammar that named refuses there.  The options of
 * those blocks are not checked. */
static void placed(struct bind *b, enum ctx ctx, const struct tok *w)
{
	static const char *const top[] = {
		"acl", "controls", "dlz", "dnssec-policy", "dyndb", "http",
		"key", "key-store", "logging", "managed-keys", "masters",
		"options", "parental-agents", "plugin", "primaries",
		"remote-servers", "server", "statistics-channels", "template",
		"tls", "trust-anchors", "trusted-keys", "view", "zone", NULL
	};
	/* the top level's alone, and directory, which options takes */
	static const char *const not_view[] = {
		"acl", "controls", "directory", "http", "logging", "masters",
		"options", "parental-agents", "primaries",
		"statistics-channels", "tls", "view", NULL
	};
	/* and those of views */
	static const char *const not_options[] = {
		"acl", "controls", "dlz", "dyndb", "http", "key", "logging",
		"managed-keys", "masters", "options", "parental-agents",
		"plugin", "primaries", "server", "statistics-channels", "tls",
		"trust-anchors", "view", "zone", NULL
	};
	static const char *const not_zone[] = {
		"acl", "controls", "directory", "http", "logging", "options",
		"statistics-channels", "view", "zone", NULL
	};

	const char *gone;

	if (w->t == T_WORD && (gone = removed(ctx, w->s)) != NULL) {
		srv_err(b->s, w->file, w->line, w->col, gone == w->s ?
			"option '%s' no longer exists%s" :
			"unknown option '%s'%s", w->s,
			ctx == C_TOP ? "" : ctx == C_VIEW ? " in a view" :
			ctx == C_OPTIONS ? " in options" : " in a zone");
		return;
	}
	if (w->t != T_WORD ||
	    (ctx == C_TOP ? one_of(w, top) :
	     ctx == C_VIEW ? !one_of(w, not_view) :
	     ctx == C_OPTIONS ? !one_of(w, not_options) :
	     ctx != C_ZONE || !one_of(w, not_zone)))
		return;
	srv_err(b->s, w->file, w->line, w->col, "unknown option '%s'%s",
		w->s, ctx == C_TOP ? "" : ctx == C_VIEW ? " in a view" :
		ctx == C_OPTIONS ? " in options" : " in a zone");
}

static bool statement(struct bind *b, enum ctx ctx, struct tok *first,
		      struct tok *pend)
{
	struct tok args[8], t;
	size_t n = 0, i;
	bool blocks = false, pending = false;
	enum ctx c;

	t = *first;
	if (t.t == T_WORD || t.t == T_STR)
		placed(b, ctx, &t);
	if (ctx == C_ZONE && b->nz && !is(&t, "in-view") &&
	    !is(&t, "forward") && !is(&t, "forwarders"))
		b->z[b->nz - 1].others = true;
	for (;;) {
		if (t.t == T_WORD || t.t == T_STR) {
			if (n < sizeof args / sizeof args[0])
				args[n++] = t;
			else
				tok_free(&t);
		} else if (t.t == T_LBRACE) {
			/* a statement has a name; an address list holds
			 * nested lists */
			if (n == 0 && !blocks && ctx != C_OTHER &&
			    ctx != C_ACL &&
			    ctx != C_KEY && ctx != C_KEYDEF)
				srv_err(b->s, t.file, t.line, t.col, "syntax "
					"error near '{'");
			b->lbrace = (struct tok){ .file = t.file,
						  .line = t.line,
						  .col = t.col };
			c = blocks ? C_OTHER : child(b, ctx, args, n);
			if (n && (is(&args[0], "dyndb") ||
				  is(&args[0], "plugin")))
				bracketed_text(&b->lx);
			else
				block(b, c);
			blocks = true;
			if (c == C_VIEW)
				b->view = NULL;
			next(&b->lx, &t);
			if (!goes_on(ctx, c, args, n) &&
			    (t.t == T_WORD || t.t == T_STR ||
			     t.t == T_LBRACE)) {
				srv_err(b->s, t.file, t.line, t.col,
					"missing ';' before '%s'",
					t.t == T_LBRACE ? "{" : t.s);
				*pend = t;
				pending = true;
				break;
			}
			continue;
		} else if (t.t == T_SEMI) {
			break;
		} else {
			/* '}' or the end: the ';' is missing; the '}' still
			 * closes the enclosing block. */
			unexpected(b, &t, "';'");
			if (t.t == T_RBRACE && ctx != C_TOP)
				b->lx.st[b->lx.n - 1].p--;
			break;
		}
		next(&b->lx, &t);
	}
	if (!blocks) {
		b->end.file = t.file;
		b->end.line = t.line;
		b->end.col = t.col;
		leaf(b, ctx, args, n);
	}
	for (i = 0; i < n; i++)
		tok_free(&args[i]);
	return pending;
}

/* include "FILE"; the file is read in its place. */
static void include(struct bind *b, struct tok *kw)
{
	struct tok name, semi;

	next(&b->lx, &name);
	if (name.t != T_STR && name.t != T_WORD) {
		srv_err(b->s, name.file, name.line, name.col, "include "
			"without a file name");
		tok_free(&name);
		return;
	}
	quoted(b, &name);
	next(&b->lx, &semi);
	if (semi.t != T_SEMI) {
		srv_err(b->s, semi.file, semi.line, semi.col,
			"missing ';' after include");
		tok_free(&semi);
		tok_free(&name);
		return;
	}
	push_file(&b->lx, name.s, kw);
	tok_free(&name);
}

/* Statements up to the '}' that closes the block (the end of the file at
 * the top). */
static void block(struct bind *b, enum ctx ctx)
{
	struct tok t, pend;
	bool pending = false, stray = false;

	if (++b->nest > ZL_SERVER_MAX_NEST) {
		here(&b->lx, &t);
		srv_err(b->s, t.file, t.line, t.col, "blocks nested deeper "
			"than %d", ZL_SERVER_MAX_NEST);
		b->lx.stop = true;
	}
	for (;;) {
		if (pending)
			t = pend;
		else
			next(&b->lx, &t);
		pending = false;
		if (t.t == T_EOF) {
			if (ctx != C_TOP)
				unexpected(b, &t, "'}'");
			break;
		}
		if (t.t == T_RBRACE) {
			if (ctx != C_TOP)
				break;
			srv_err(b->s, t.file, t.line, t.col, "unexpected "
				"'}'");
			stray = true;	/* its ';' is said with it */
			continue;
		}
		if (t.t == T_SEMI) {
			/* named reads a statement before every ';' */
			if (!stray)
				srv_err(b->s, t.file, t.line, t.col, "syntax "
					"error near ';': an empty statement");
			stray = false;
			continue;
		}
		stray = false;
		if (is(&t, "include")) {
			include(b, &t);
			tok_free(&t);
			continue;
		}
		pending = statement(b, ctx, &t, &pend);
	}
	b->nest--;
}

/* ---- zones ---- */

/* A zone named loads from its file as a primary: also a redirect zone
 * (the root zone of NXDOMAIN redirection), which it checks the same,
 * unless it has primaries to transfer it from. */
static bool primary_type(const char *type)
{
	return !strcasecmp(type, "primary") || !strcasecmp(type, "master") ||
	       !strcasecmp(type, "redirect");
}

static bool secondary_type(const char *type)
{
	return !strcasecmp(type, "secondary") || !strcasecmp(type, "slave") ||
	       !strcasecmp(type, "mirror");
}

/* The view of zone z (a name is a view's within its class), or NULL. */
static const struct bview *view_of(const struct bind *b,
				   const struct pzone *z)
{
	size_t i;

	for (i = 0; z->view && i < b->nviews; i++)
		if (strcmp(b->views[i].name, z->view) == 0 &&
		    strcmp(b->views[i].class, z->vclass) == 0)
			return &b->views[i];
	return NULL;
}

/* Zone z's check-names mode for a primary, from the innermost statement
 * that sets it. */
static int names_of(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	return z->names >= 0 ? z->names : v && v->names >= 0 ? v->names :
	       b->names >= 0 ? b->names : NAMES_FAIL;
}

/* Whether zone z's masterfile-format, from the innermost statement that
 * sets it, is raw. */
static bool binary_of(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	return z->binary >= 0 ? z->binary : v && v->binary >= 0 ? v->binary :
	       b->binary > 0;
}

/* Zone z's max-zone-ttl as named holds its file to: with a
 * dnssec-policy (from the innermost statement that names one; "none" is
 * none), the policy's, which replaces the max-zone-ttl option ("default"
 * 1 day, "insecure" none, one named.conf defines what it says, 1 day
 * unless it says); else the option, from the innermost statement that
 * sets it.  0: none.  *policy: the policy's. */
static uint32_t max_ttl_of(const struct bind *b, const struct pzone *z,
			   bool *policy)
{
	const struct bview *v = view_of(b, z);
	const char *p = z->policy ? z->policy : v && v->policy ? v->policy :
			b->policy;
	size_t i;

	*policy = p && strcmp(p, "none") != 0;
	if (*policy) {
		if (strcmp(p, "default") == 0)
			return 86400;
		for (i = 0; i < b->npolicies; i++)
			if (strcmp(b->policies[i].name, p) == 0)
				return b->policies[i].maxttl;
		return 0;	/* "insecure", or none named.conf defines */
	}
	return (uint32_t)(z->maxttl >= 0 ? z->maxttl : v && v->maxttl >= 0 ?
			  v->maxttl : b->maxttl > 0 ? b->maxttl : 0);
}

/* Zone z's max-records-per-type (rr) or max-types-per-name, from the
 * innermost statement that sets it; 100 by default (BIND 9.18.28 and
 * later). */
static uint32_t limit_of(const struct bind *b, const struct pzone *z,
			 bool rr)
{
	const struct bview *v = view_of(b, z);
	int64_t zv = rr ? z->maxrr : z->maxtypes,
		vv = !v ? -1 : rr ? v->maxrr : v->maxtypes,
		bv = rr ? b->maxrr : b->maxtypes;

	return (uint32_t)(zv >= 0 ? zv : vv >= 0 ? vv : bv >= 0 ? bv : 100);
}

/* named-checkconf: a zone a response-policy block names is a primary or
 * secondary zone of its view, or of the top level for the options' block
 * (which it checks only without views). */
static void rpz_zones(struct bind *b)
{
	const struct brpz *r;
	const struct pzone *z;
	char *origin;
	size_t i, j;

	for (i = 0; i < b->nrpz; i++) {
		r = &b->rpz[i];
		if ((!r->view && b->nviews) ||
		    !(origin = srv_origin(r->name.s, strlen(r->name.s))))
			continue;
		for (j = 0; j < b->nz; j++) {
			z = &b->z[j];
			/* of any class: a CHAOS view's zones are skipped,
			 * not gone */
			if (!z->in_view && z->origin && z->type &&
			    strcmp(z->origin, origin) == 0 &&
			    (r->view ? z->view && strcmp(z->view, r->view) == 0 &&
			     strcmp(z->vclass, r->vclass) == 0 : !z->view) &&
			    (primary_type(z->type) || secondary_type(z->type)) &&
			    strcasecmp(z->type, "redirect") != 0 &&
			    strcasecmp(z->type, "mirror") != 0)
				break;
		}
		if (j == b->nz)
			srv_err(b->s, r->name.file, r->name.line, r->name.col,
				"response-policy zone '%s'%s%s is not a "
				"primary or secondary zone", r->name.s,
				r->view ? " for view " : "",
				r->view ? r->view : "");
		free(origin);
	}
}

/* named-checkconf: a primary zone with both allow-update and
 * update-policy, at the update-policy.  And (9.18.49) a primary or
 * secondary zone under a
 * dnssec-policy (the innermost one named; "none" is none) is signed by
 * inline-signing or as a dynamic zone; without `inline-signing yes`, a
 * primary must take updates (an update-policy, or an allow-update, the
 * innermost given, that allows more than none) and a secondary cannot,
 * and named refuses the zone at the dnssec-policy. */
static void policy_signing(struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);
	const struct tok *at = z->policy ? &z->polat : v && v->policy ?
			       &v->polat : &b->polat;
	const char *p = z->policy ? z->policy : v && v->policy ? v->policy :
			b->policy;
	int8_t au = z->au != AU_UNSET ? z->au : v && v->au != AU_UNSET ?
		    v->au : b->au;
	bool primary;
	size_t i;

	if (z->upolicy && z->au != AU_UNSET && z->upat.file && z->type &&
	    (!strcasecmp(z->type, "primary") || !strcasecmp(z->type, "master")))
		srv_err(b->s, z->upat.file, z->upat.line, z->upat.col,
			"zone '%s': 'allow-update' is ignored when "
			"'update-policy' is present", z->origin ? z->origin :
			"");
	/* a zone transferred from primaries names them, in any class; a
	 * mirror of the root zone may leave them to named */
	if (z->origin && !z->in_view && z->type && !z->retyped &&
	    !z->transferred &&
	    z->brace.file && (!strcasecmp(z->type, "secondary") ||
			      !strcasecmp(z->type, "slave") ||
			      !strcasecmp(z->type, "stub") ||
			      (!strcasecmp(z->type, "mirror") &&
			       strcmp(z->origin, ".") != 0)))
		srv_err(b->s, z->brace.file, z->brace.line, z->brace.col,
			"zone '%s': missing 'primaries' entry", z->origin);
	if (z->skip || z->in_view || !z->type || z->retyped || !p ||
	    !at->file ||
	    strcasecmp(p, "none") == 0 || z->inline_signing == 1)
		return;
	/* a policy of named 9.20 that signs inline, which 9.18 refuses
	 * where it says so */
	for (i = 0; i < b->npolicies; i++)
		if (strcmp(b->policies[i].name, p) == 0 &&
		    b->policies[i].inline_signing)
			return;
	primary = !strcasecmp(z->type, "primary") ||
		  !strcasecmp(z->type, "master");
	if (!primary && strcasecmp(z->type, "secondary") != 0 &&
	    strcasecmp(z->type, "slave") != 0)
		return;
	if (primary && (z->upolicy || au == AU_EMPTY || au == AU_SOME))
		return;
	srv_err(b->s, at->file, at->line, at->col, "zone '%s': "
		"'inline-signing yes;' must also be configured explicitly "
		"for zones using dnssec-policy%s", z->origin ? z->origin : "",
		primary ? " without a configured 'allow-update' or "
		"'update-policy'" : "");
}

/* Checks the zone statements as named-checkconf does and lists them. */
static void finish(struct bind *b)
{
	struct srv *s = b->s;
	struct srv_set seen = { 0 };
	const struct srv_set_ent *dup;
	struct zl_server_zone *e;
	char *dir, *file, *key;
	struct pzone *z;
	size_t i, j;
	bool redirect;

	dir = zl_xstrdup(b->lx.dir ? b->lx.dir : s->cwd);
	for (i = 0; i < b->nz; i++)
		policy_signing(b, &b->z[i]);
	for (i = 0; i < b->nqsrc; i++)
		if (b->qsrc[i].port == (b->port >= 0 ? b->port : 53))
			srv_err(s, b->qsrc[i].file, b->qsrc[i].line,
				b->qsrc[i].col, "'%s' cannot specify the DNS "
				"listener port (%u)", b->qsrc[i].name,
				(unsigned)b->qsrc[i].port);
	if (b->first_view.file && b->first_top_zone.file)
		srv_err(s, b->first_top_zone.file, b->first_top_zone.line,
			b->first_top_zone.col, "when using 'view' statements, "
			"all zones must be in views");
	for (i = 0; i < b->nz; i++) {
		z = &b->z[i];
		if (z->skip)
			continue;
		/* a zone is declared once per view (NULL: no view); a
		 * hint zone and a redirect zone are kept apart from the
		 * others and from each other */
		redirect = z->type && !strcasecmp(z->type, "redirect");
		key = zl_xasprintf("%c%s%zu:%s %s", z->type &&
				   !strcasecmp(z->type, "hint") ? 'h' :
				   redirect ? 'r' : 'z', z->view ? "v" : "-",
				   z->view ? strlen(z->view) : 0,
				   z->view ? z->view : "", z->origin);
		dup = srv_set_add(&seen, key, i);
		free(key);
		if (dup) {
			j = dup->val;
			srv_err(s, z->conf, z->line, z->col, "zone '%s': "
				"already exists, previous definition at "
				"%s:%u", z->origin, b->z[j].conf,
				b->z[j].line);
			continue;
		}
		/* another view's zone, which only forwarding may add
		 * to */
		if (z->in_view) {
			if (z->others)
				srv_err(s, z->conf, z->line, z->col, "zone "
					"'%s': 'in-view' used with "
					"incompatible zone options", z->origin);
			continue;
		}
		if (!z->type) {
			srv_err(s, z->conf, z->line, z->col, "zone '%s': type "
				"not present", z->origin);
			continue;
		}
		if (((primary_type(z->type) && !redirect && !z->external) ||
		     !strcasecmp(z->type, "hint")) && !z->file) {
			srv_err(s, z->conf, z->line, z->col, "zone '%s': "
				"missing 'file' entry", z->origin);
			continue;
		}
		if (redirect && strcmp(z->origin, ".") != 0) {
			srv_err(s, z->conf, z->line, z->col, "redirect zones "
				"must be called \".\"");
			continue;
		}
		/* hint, stub, forward, ...; a database that is not a
		 * file */
		if ((!primary_type(z->type) && !secondary_type(z->type)) ||
		    z->external)
			continue;
		file = z->file ? srv_resolve(dir, z->file) : NULL;
		/* named works in `directory`: a relative $INCLUDE is read
		 * from there. */
		e = srv_add(s, z->origin, file, !primary_type(z->type) ||
			    (redirect && z->transferred) ?
			    ZL_SERVER_SECONDARY : binary_of(b, z) ?
			    ZL_SERVER_BINARY : ZL_SERVER_PRIMARY, z->view,
			    z->conf, z->line, z->col);
		e->include_dir = zl_xstrdup(dir);
		e->check_names = primary_type(z->type) &&
				 names_of(b, z) == NAMES_FAIL;
		e->names_checked = primary_type(z->type) &&
				   names_of(b, z) != NAMES_IGNORE;
		if (primary_type(z->type)) {
			e->max_ttl = max_ttl_of(b, z, &e->max_ttl_policy);
			e->max_rrset = limit_of(b, z, true);
			e->max_types = limit_of(b, z, false);
		}
		free(file);
	}
	srv_set_free(&seen);
	free(dir);
	rpz_zones(b);
}

static void bind_start(struct bind *b, struct srv *s, struct srv_file *f)
{
	memset(b, 0, sizeof *b);
	b->names = -1;
	b->binary = -1;
	b->maxttl = b->maxrr = b->maxtypes = -1;
	b->port = -1;
	b->au = AU_UNSET;
	b->s = s;
	b->lx.s = s;
	b->lx.n = 1;
	b->lx.st[0].f = *f;
	b->lx.st[0].p = b->lx.st[0].bol = f->data;
	b->lx.st[0].line = 1;
	block(b, C_TOP);
}

static void bind_end(struct bind *b)
{
	size_t i;

	/* Files still open after a limit stopped the reading. */
	while (b->lx.n > 1) {
		srv_close(b->s, &b->lx.st[--b->lx.n].f);
		srv_free_list(b->lx.st[b->lx.n].rest, b->lx.st[b->lx.n].nrest);
	}
	for (i = 0; i < b->nz; i++) {
		free(b->z[i].origin);
		free(b->z[i].file);
		free(b->z[i].view);
		free(b->z[i].type);
		free(b->z[i].policy);
	}
	free(b->z);
	for (i = 0; i < b->nkeys; i++) {
		free(b->keys[i].name.s);
		free(b->keys[i].alg.s);
		free(b->keys[i].secret.s);
	}
	free(b->keys);
	for (i = 0; i < b->nviews; i++) {
		free(b->views[i].name);
		free(b->views[i].policy);
	}
	free(b->views);
	for (i = 0; i < b->npolicies; i++)
		free(b->policies[i].name);
	free(b->policies);
	free(b->policy);
	for (i = 0; i < b->nrpz; i++) {
		free(b->rpz[i].name.s);
		free(b->rpz[i].view);
	}
	free(b->rpz);
	free(b->qsrc);
	free(b->lx.dir);
}

void zl_server_read_bind(struct srv *s, struct srv_file *f)
{
	struct bind b;

	bind_start(&b, s, f);
	if (!b.lx.stop)
		finish(&b);
	bind_end(&b);
}

/* ---- key files ---- */

/* The TSIG algorithms (RFC 8945 §6) as BIND names them, and their names
 * in a TSIG record. */
static const char *const algorithms[][2] = {
	{ "hmac-md5", "hmac-md5.sig-alg.reg.int." },
	{ "hmac-sha1", "hmac-sha1." },
	{ "hmac-sha224", "hmac-sha224." },
	{ "hmac-sha256", "hmac-sha256." },
	{ "hmac-sha384", "hmac-sha384." },
	{ "hmac-sha512", "hmac-sha512." },
};

static const char *algorithm(const char *name)
{
	size_t i, n = strlen(name);

	if (n > 0 && name[n - 1] == '.')
		n--;
	for (i = 0; i < sizeof algorithms / sizeof algorithms[0]; i++)
		if (strncasecmp(name, algorithms[i][0], n) == 0 &&
		    algorithms[i][0][n] == '\0')
			return algorithms[i][1];
	if (strcasecmp(name, "hmac-md5.sig-alg.reg.int") == 0 ||
	    strcasecmp(name, "hmac-md5.sig-alg.reg.int.") == 0)
		return algorithms[0][1];
	return NULL;
}

/* Whether s is base64 (RFC 4648 §4): groups of four characters, '='
 * only as padding at the end. */
static bool is_base64(const char *s)
{
	size_t n = strlen(s), i, pad = 0;

	if (n == 0 || n % 4 != 0)
		return false;
	while (pad < 2 && s[n - 1 - pad] == '=')
		pad++;
	for (i = 0; i < n - pad; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' && s[i] != '/')
			return false;
	return true;
}

/* Checks the one key statement and fills s->key. */
static void key_finish(struct bind *b, const char *file)
{
	struct srv *s = b->s;
	const struct bkey *k;
	const char *alg;

	if (b->nkeys == 0) {
		srv_err(s, NULL, 0, 0, "'%s' holds no key statement", file);
		return;
	}
	if (b->nkeys > 1) {
		k = &b->keys[1];
		srv_err(s, k->name.file, k->name.line, k->name.col, "a second "
			"key statement: a key file for zonelint holds one key");
		return;
	}
	k = &b->keys[0];
	if (!(s->key->name = srv_origin(k->name.s, strlen(k->name.s))))
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': not a valid key name", k->name.s);
	if (!k->alg.s)
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': algorithm missing", k->name.s);
	else if (!(alg = algorithm(k->alg.s)))
		srv_err(s, k->alg.file, k->alg.line, k->alg.col, "key '%s': "
			"unknown algorithm '%s' (hmac-md5, hmac-sha1, "
			"hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512)",
			k->name.s, k->alg.s);
	else
		s->key->algorithm = zl_xstrdup(alg);
	if (!k->secret.s)
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': secret missing", k->name.s);
	else if (!is_base64(k->secret.s))
		srv_err(s, k->secret.file, k->secret.line, k->secret.col,
			"key '%s': the secret is not base64", k->name.s);
	else
		s->key->secret = zl_xstrdup(k->secret.s);
}

void zl_server_read_key(struct srv *s, struct srv_file *f)
{
	struct bind b;

	bind_start(&b, s, f);
	if (!b.lx.stop)
		key_finish(&b, f->shown);
	bind_end(&b);
}
