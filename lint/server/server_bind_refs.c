/* server_bind_refs.c - BIND's named.conf: the names one statement gives another (acl, primaries and parental-agents lists, keys, tls, http), each use held to a definition where named-checkconf 9.18 holds it. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* What owns a list of names: a definition (acl, primaries, masters or
 * parental-agents list, key, tls, http), an address list of an option
 * (O_USE), a list of primaries, parental-agents or also-notify of a
 * zone, options or a view (O_REMOTE), the
 * keys of a server statement (O_SERVER), the allow list and the keys of
 * a control channel (O_CTL, O_CTLKEYS), a logging channel and the
 * channels of a logging category (O_CHANNEL, O_CATEGORY). */
enum { O_ACL, O_LIST, O_KEY, O_TLS, O_HTTP, O_USE, O_REMOTE, O_SERVER,
       O_CTL, O_CTLKEYS, O_CHANNEL, O_CATEGORY };

/* A name in a list: an ACL or primaries list (K_NAME), an address
 * (K_ADDR), a key (compared as a domain name), a tls or an http (K_TLS,
 * K_HTTP), a control channel's key (K_CKEY, compared as written, case
 * aside). */
enum { K_NAME, K_ADDR, K_KEY, K_TLS, K_HTTP, K_CKEY };

struct owner {
	uint8_t type;
	uint8_t stmt;		/* O_USE: its option, in acl_opts */
	bool primaries;		/* O_REMOTE: primaries or masters; O_LIST:
				   primaries (not masters) */
	bool parental;		/* O_LIST, O_REMOTE: parental-agents, whose
				   lists are a name space of their own */
	bool checked;		/* O_USE: one that named checks */
	uint8_t state;		/* a walk's: 0 not seen, 1 on it, 2 done */
	int8_t reach;		/* O_LIST: an address reached (1), none
				   (0); -1: not known */
	unsigned gen;		/* O_LIST: the walk that saw it last */
	char *name;		/* a definition's name, normalised */
	char *text;		/* and as written */
	char *view;		/* its view; NULL: options or the top */
	size_t zone;		/* its zone's index + 1; 0: none */
	size_t first, n;	/* its names: refs[first..first+n) */
	struct tok at;		/* where it is named (no text) */
};

struct ref {
	uint8_t kind;
	char *name;		/* as compared (norm) */
	char *text;		/* as written */
	struct tok at;		/* no text */
};

struct brefs {
	struct owner *o;
	size_t no, capo;
	struct ref *r;
	size_t nr, capr;
	size_t cur;		/* the owner of the list read + 1; 0: none */
	struct srv_set acls, lists, plists, keys, tls, http;
	unsigned gen;
};

/* The options whose address lists named-checkconf reads: V, in a view or
 * else the options for each view (or the one without views); Z, in a
 * zone or else its view's or else the options' for each zone.  A zone's
 * own allow-query and allow-query-on it does not read (named, loading
 * the zone, does). */
enum { V = 1, Z = 2 };
static const struct {
	const char *name;
	uint8_t where;
} acl_opts[] = {
	{ "allow-query", V }, { "allow-query-on", V },
	{ "allow-query-cache", V }, { "allow-query-cache-on", V },
	{ "allow-recursion", V }, { "allow-recursion-on", V },
	{ "blackhole", V }, { "keep-response-order", V },
	{ "sortlist", V }, { "listen-on", V }, { "listen-on-v6", V },
	{ "match-clients", V }, { "match-destinations", V },
	{ "allow-transfer", Z }, { "allow-notify", Z },
	{ "allow-update", Z }, { "allow-update-forwarding", Z },
};
enum { NOPTS = sizeof acl_opts / sizeof acl_opts[0] };

static const char *const acl_help = "define it with 'acl NAME { ... };' "
	"at the top of named.conf, or use a built-in ACL: any, none, "
	"localhost or localnets";
static const char *const list_help = "define it with 'primaries NAME "
	"{ ADDRESS; ... };' at the top of named.conf (a view takes none), or "
	"write the addresses in its place";
static const char *const plist_help = "define it with 'parental-agents "
	"NAME { ADDRESS; ... };' at the top of named.conf (a primaries list "
	"does not count, nor does a view take one), or write the addresses "
	"in its place";

/* The ACLs named has built in, their names in any case, quoted too. */
static bool builtin_acl(const char *name)
{
	static const char *const builtin[] = { "any", "none", "localhost",
					       "localnets" };
	size_t i;

	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcasecmp(name, builtin[i]) == 0)
			return true;
	return false;
}

static struct tok place(const struct tok *t)
{
	return (struct tok){ .file = t->file, .line = t->line, .col = t->col };
}

/* name as named compares it: an ACL, list, tls or http name in any case;
 * a key name as a domain name (a final dot or not).  Malloc'd. */
static char *norm(const char *name, bool domain)
{
	char *s = domain ? srv_origin(name, strlen(name)) : NULL;
	size_t i;

	if (s)
		return s;
	s = zl_xstrdup(name);
	for (i = 0; s[i]; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	return s;
}

static struct brefs *refs(struct bind *b)
{
	if (!b->refs)
		b->refs = zl_xcalloc(1, sizeof *b->refs);
	return b->refs;
}

/* A new owner of type at t (named name, in b's view), the list read. */
static size_t owner(struct bind *b, uint8_t type, const struct tok *t,
		    const char *name)
{
	struct brefs *r = refs(b);
	struct owner *o;

	zl_xgrow((void **)&r->o, &r->capo, r->no + 1, sizeof *r->o);
	o = &r->o[r->no];
	memset(o, 0, sizeof *o);
	o->type = type;
	o->reach = -1;
	o->name = name ? norm(name, type == O_KEY) : NULL;
	o->text = zl_xstrdup(name);
	o->view = b->view ? zl_xstrdup(b->view) : NULL;
	o->first = r->nr;
	o->at = place(t);
	return ++r->no;
}

/* Notes the name t of kind in the list read. */
static void add(struct bind *b, uint8_t kind, const struct tok *t)
{
	struct brefs *r = b->refs;

	zl_xgrow((void **)&r->r, &r->capr, r->nr + 1, sizeof *r->r);
	r->r[r->nr++] = (struct ref){ .kind = kind, .at = place(t),
		.name = norm(t->s, kind == K_KEY), .text = zl_xstrdup(t->s) };
	r->o[r->cur - 1].n++;
}

/* A definition of an ACL or a list, named once: the set of its kind
 * holds its owner.  A second is reported at its name, as named does. */
static void define(struct bind *b, struct srv_set *set, size_t own,
		   const char *what)
{
	const struct owner *o = &b->refs->o[own], *first;
	const struct srv_set_ent *e = srv_set_add(set, o->name, own);

	if (!e)
		return;
	first = &b->refs->o[e->val];
	srv_err_help(b->s, "rename one of them, or merge their lists",
		     o->at.file, o->at.line, o->at.col, "%s '%s' redefined, "
		     "first defined at %s:%u", what, o->text, first->at.file,
		     first->at.line);
}

/* The ACLs and lists defined, in named-checkconf's order: the acl
 * statements, then the primaries lists, then the masters lists, then
 * the parental-agents lists. */
static void define_all(struct bind *b)
{
	struct brefs *r = b->refs;
	size_t i, pass;

	for (pass = 0; pass < 4; pass++)
		for (i = 0; i < r->no; i++)
			if (pass == 0 && r->o[i].type == O_ACL &&
			    builtin_acl(r->o[i].text))
				srv_err_help(b->s, "rename it: a built-in ACL "
					     "keeps its meaning", r->o[i].at.file,
					     r->o[i].at.line, r->o[i].at.col,
					     "attempt to redefine builtin acl "
					     "'%s'", r->o[i].text);
			else if (pass == 0 && r->o[i].type == O_ACL)
				define(b, &r->acls, i, "acl");
			else if (pass == 3 && r->o[i].type == O_LIST &&
				 r->o[i].parental)
				define(b, &r->plists, i,
				       "parental-agents list");
			else if (pass > 0 && pass < 3 &&
				 r->o[i].type == O_LIST && !r->o[i].parental &&
				 r->o[i].primaries == (pass == 1))
				define(b, &r->lists, i, pass == 1 ?
				       "primaries list" : "masters list");
}

static size_t opt_of(const char *name)
{
	size_t i;

	for (i = 0; i < NOPTS && strcasecmp(acl_opts[i].name, name); i++)
		;
	return i;
}

/* listen-on's words before its list: "port N", "tls NAME", "http NAME". */
static void listen_words(struct bind *b, const struct tok *args, size_t n)
{
	size_t i;

	for (i = 1; i + 1 < n; i++)
		if (is(&args[i], "tls") || is(&args[i], "http")) {
			add(b, is(&args[i], "tls") ? K_TLS : K_HTTP,
			    &args[i + 1]);
			i++;
		}
}

/* A tls or http statement's name (owner own): not a built-in one,
 * which named keeps for itself (tls ephemeral and none, http default, in
 * any case), and not one an earlier statement of the kind gives. */
static void tls_define(struct bind *b, size_t own)
{
	struct brefs *r = b->refs;
	const struct owner *o = &r->o[own];
	bool tls = o->type == O_TLS;
	const struct srv_set_ent *e;

	if (tls ? !strcmp(o->name, "ephemeral") || !strcmp(o->name, "none") :
		  !strcmp(o->name, "default")) {
		srv_err_help(b->s, "rename it", o->at.file, o->at.line,
			     o->at.col, tls ? "tls name '%s' is reserved for "
			     "internal use" : "http name '%s' is built in",
			     o->text);
		return;
	}
	if (!(e = srv_set_add(tls ? &r->tls : &r->http, o->name, own)))
		return;
	srv_err_help(b->s, "rename one of them, or merge them", o->at.file,
		     o->at.line, o->at.col, "%s '%s' redefined, first defined "
		     "at %s:%u", tls ? "tls" : "http", o->text,
		     r->o[e->val].at.file, r->o[e->val].at.line);
}

/* The owner a statement's list has, 0 for one whose names are not
 * held to definitions. */
static size_t opened(struct bind *b, enum ctx ctx, const struct tok *args,
		     size_t n)
{
	struct brefs *r = refs(b);
	size_t own, k;

	if (ctx == C_TOP && n >= 2 && (is(&args[0], "acl") ||
				       is(&args[0], "primaries") ||
				       is(&args[0], "masters") ||
				       is(&args[0], "parental-agents"))) {
		if (!is(&args[0], "acl"))
			bind_list_header(b, args, 2, n);
		own = owner(b, is(&args[0], "acl") ? O_ACL : O_LIST, &args[1],
			    args[1].s);
		r->o[own - 1].primaries = is(&args[0], "primaries");
		r->o[own - 1].parental = is(&args[0], "parental-agents");
		return own;
	}
	if (ctx == C_TOP && n >= 2 && (is(&args[0], "tls") ||
				       is(&args[0], "http"))) {
		own = owner(b, is(&args[0], "tls") ? O_TLS : O_HTTP,
			    &args[1], args[1].s);
		tls_define(b, own - 1);
		return 0;
	}
	if ((ctx == C_TOP || ctx == C_VIEW) && n >= 2 && is(&args[0], "key")) {
		owner(b, O_KEY, &args[1], args[1].s);
		return 0;
	}
	if (ctx == C_SERVER && n >= 1 && is(&args[0], "keys"))
		return owner(b, O_SERVER, &args[0], NULL);
	if (ctx != C_OPTIONS && ctx != C_VIEW && ctx != C_ZONE && ctx != C_ACL)
		return 0;
	if (ctx != C_ACL && n >= 1 && is(&args[0], "forwarders")) {
		bind_list_header(b, args, 1, n);
		return 0;
	}
	if (n >= 1 && (is(&args[0], "also-notify") ||
		       (ctx == C_ZONE && (is(&args[0], "primaries") ||
					  is(&args[0], "masters") ||
					  is(&args[0], "parental-agents"))))) {
		bind_list_header(b, args, 1, n);
		own = owner(b, O_REMOTE, &args[0], NULL);
		r->o[own - 1].parental = is(&args[0], "parental-agents");
		r->o[own - 1].primaries = !is(&args[0], "also-notify") &&
					  !r->o[own - 1].parental;
		r->o[own - 1].zone = ctx == C_ZONE ? b->nz : 0;
		return own;
	}
	if (n < 1 || (k = opt_of(args[0].s)) == NOPTS)
		return 0;
	own = owner(b, O_USE, &args[0], NULL);
	r->o[own - 1].stmt = (uint8_t)k;
	r->o[own - 1].zone = ctx == C_ZONE ? b->nz : 0;
	r->cur = own;
	listen_words(b, args, n);
	return own;
}

size_t bind_ref_open(struct bind *b, enum ctx ctx, bool second,
		     const struct tok *args, size_t n)
{
	struct brefs *r = refs(b);
	size_t outer = r->cur, t;

	/* a list in an address list: its names are the outer list's */
	if (outer && ((t = r->o[outer - 1].type) == O_ACL || t == O_USE ||
		      t == O_CTL))
		return outer;
	/* a control channel: inet ... allow { } keys { }, unix ... keys
	 * { } */
	if (b->controls && ctx == C_OTHER && !outer && n >= 2 &&
	    (is(&args[0], "inet") || is(&args[0], "unix")) &&
	    (is(&args[n - 1], "allow") || is(&args[n - 1], "keys"))) {
		r->cur = owner(b, is(&args[n - 1], "keys") ? O_CTLKEYS :
			       O_CTL, &args[0], NULL);
		return outer;
	}
	/* logging { channel NAME { ... }; category NAME { NAME; ... }; } */
	if (b->in_logging && ctx == C_OTHER && !outer && !second && n >= 2 &&
	    (is(&args[0], "channel") || is(&args[0], "category"))) {
		t = owner(b, is(&args[0], "channel") ? O_CHANNEL : O_CATEGORY,
			  &args[1], args[1].s);
		r->cur = r->o[t - 1].type == O_CATEGORY ? t : 0;
		return outer;
	}
	r->cur = second || outer ? 0 : opened(b, ctx, args, n);
	return outer;
}

void bind_ref_close(struct bind *b, size_t outer)
{
	b->refs->cur = outer;
}

/* Whether t is an address or prefix, not a name: a word; named reads a
 * quoted string as a name ("192.0.2.1" is an undefined ACL or list). */
static bool address(const struct tok *t)
{
	const char *s = t->s;

	return t->t == T_WORD && (strchr(s, ':') ||
				  (strspn(s, "0123456789./") == strlen(s) &&
				   strpbrk(s, "0123456789")));
}

/* The prefix an address list's element args[i..n) writes, checked:
 * named reads '/' as a token of its own, so the address, the '/' and the
 * length may be words apart ("192.0.2.0 / 24", "192.0.2.0/ 24", and
 * "192.0.2.0/ * c * /24", a C comment glued to the address leaving a
 * '/': server_bind_lex.c).  Refused as named refuses it: a '/' without
 * a length after it ("expected prefix length"), a prefix as
 * bind_prefix_check refuses it. */
static void prefix(struct bind *b, struct tok t, const struct tok *args,
		   size_t i, size_t n)
{
	struct zl_buf p = { 0 };
	const char *slash;

	zl_buf_add(&p, t.s, strlen(t.s));
	for (i++; i < n && args[i].t == T_WORD &&
	     (p.s[p.len - 1] == '/' || args[i].s[0] == '/'); i++)
		zl_buf_add(&p, args[i].s, strlen(args[i].s));
	slash = strchr(p.s, '/');
	if (slash && strspn(slash + 1, "0123456789") == 0) {
		if (i < n && slash[1] == '\0')
			t = args[i];
		srv_err(b->s, t.file, t.line, t.col, "expected a prefix length "
			"after '%.*s'", (int)(slash + 1 - p.s), p.s);
	} else if (slash && slash[1 + strspn(slash + 1, "0123456789")]) {
		/* named reads the length as a number, then wants ';' */
		if (strchr(slash + 1, '/'))
			srv_err(b->s, t.file, t.line, t.col, "missing ';' "
				"before '/'");
		else
			srv_err(b->s, t.file, t.line, t.col, "expected prefix "
				"length near '%s'", slash + 1);
	} else {
		t.s = p.s;
		bind_prefix_check(b, &t);
	}
	zl_buf_free(&p);
}

/* An element of an address list: an ACL's name (or a built-in ACL, in
 * quotes too, as named looks names up; an address, a key, a geoip
 * match; '!' before any, out of quotes). */
static void acl_element(struct bind *b, const struct tok *args, size_t n)
{
	struct tok t = args[0];
	size_t i = 0;

	if (n >= 2 && is(&t, "!"))
		t = args[i = 1];
	else if (t.t == T_WORD && t.s[0] == '!')
		t.s++;
	if (!t.s[0] || is(&t, "key") || is(&t, "geoip"))
		return;
	if (builtin_acl(t.s))
		return;
	if (address(&t))
		prefix(b, t, args, i, n);
	add(b, address(&t) ? K_ADDR : K_NAME, &t);
}

void bind_ref_leaf(struct bind *b, enum ctx ctx, const struct tok *args,
		   size_t n)
{
	struct brefs *r = refs(b);
	size_t i, own;

	if (n == 0)
		return;
	if (!r->cur) {
		/* keys NAME; */
		if (ctx == C_SERVER && n >= 2 && is(&args[0], "keys")) {
			r->cur = owner(b, O_SERVER, &args[0], NULL);
			add(b, K_KEY, &args[1]);
			r->cur = 0;
		}
		return;
	}
	own = r->o[r->cur - 1].type;
	if (own == O_ACL || own == O_USE || own == O_CTL) {
		acl_element(b, args, n);
	} else if (own == O_CATEGORY) {
		add(b, K_NAME, &args[0]);
	} else if (own == O_SERVER || own == O_CTLKEYS) {
		add(b, own == O_SERVER ? K_KEY : K_CKEY, &args[0]);
	} else {
		/* NAME-or-ADDRESS [port N] [key KEY] [tls TLS] */
		add(b, address(&args[0]) ? K_ADDR : K_NAME, &args[0]);
		for (i = 1; i + 1 < n; i++)
			if (is(&args[i], "tls")) {
				add(b, K_TLS, &args[i + 1]);
				i++;
			}
	}
}

/* ---- the check, once all is read ---- */

/* Reports once the name at ref r that named refuses. */
static void refuse(struct bind *b, struct srv_set *said, const struct ref *r,
		   const char *help, const char *fmt)
{
	char key[64];

	snprintf(key, sizeof key, "%p:%u:%u", (const void *)r->at.file,
		 r->at.line, r->at.col);
	if (srv_set_add(said, key, 0))
		return;
	srv_err_help(b->s, help, r->at.file, r->at.line, r->at.col, fmt,
		     r->text);
}

/* A tls name in a list of primaries or in listen-on (where none, no TLS,
 * is one too): defined, or built in. */
static void tls_ref(struct bind *b, struct srv_set *said, const struct ref *r,
		    bool listen)
{
	struct brefs *rf = b->refs;
	bool http = r->kind == K_HTTP;

	if (http ? strcmp(r->name, "default") == 0 :
		   strcmp(r->name, "ephemeral") == 0 ||
		   (listen && strcmp(r->name, "none") == 0))
		return;
	if (srv_set_find(http ? &rf->http : &rf->tls, r->name))
		return;
	refuse(b, said, r, http ? "define it with 'http NAME { ... };' at the "
	       "top of named.conf, or use the built-in 'default'" : listen ?
	       "define it with 'tls NAME { ... };' at the top of named.conf, "
	       "or use a built-in: ephemeral or none" : "define it with 'tls "
	       "NAME { ... };' at the top of named.conf, or use the built-in "
	       "'ephemeral'", http ? "http '%s' is not defined" :
	       "tls '%s' is not defined");
}

/* The ACLs the address list of owner u names, and those they name, in
 * turn: each defined, none naming itself (named-checkconf: "undefined
 * ACL", "acl loop detected").  An ACL is read once (state 2). */
static void walk_acl(struct bind *b, struct srv_set *said, size_t u)
{
	struct brefs *r = b->refs;
	struct { size_t own, next; } *st;
	const struct srv_set_ent *e;
	const struct ref *ref;
	size_t n = 1, top;

	st = zl_xmalloc((r->no + 1) * sizeof *st);
	st[0].own = u;
	st[0].next = 0;
	while (n > 0) {
		top = st[n - 1].own;
		if (st[n - 1].next == r->o[top].n) {
			r->o[top].state = 2;
			n--;
			continue;
		}
		ref = &r->r[r->o[top].first + st[n - 1].next++];
		if (ref->kind == K_TLS || ref->kind == K_HTTP)
			tls_ref(b, said, ref, true);
		if (ref->kind != K_NAME)
			continue;
		if (!(e = srv_set_find(&r->acls, ref->name)))
			refuse(b, said, ref, acl_help, "undefined ACL '%s'");
		else if (r->o[e->val].state == 1)
			refuse(b, said, ref, "an ACL may not name itself, "
			       "directly or through other ACLs: take the name "
			       "out of the list", "acl '%s' names itself");
		else if (r->o[e->val].state == 0) {
			r->o[e->val].state = 1;
			st[n].own = e->val;
			st[n++].next = 0;
		}
	}
	free(st);
}

/* The list of primaries, parental-agents or also-notify of owner u, and
 * the lists it names in turn (parental-agents lists for the first, the
 * primaries and masters lists for the others), as named-checkconf reads
 * them for a zone: each named list defined, each tls too, a list named
 * twice read once.  Whether an
 * address is reached; a list's answer is kept where it is known (every
 * list on the way to an address reaches it; all that a walk without one
 * saw reach none).  *bad is set when a list named is not defined. */
static bool walk_list(struct bind *b, struct srv_set *said, size_t u,
		      bool *bad)
{
	struct brefs *r = b->refs;
	struct { size_t own, next; } *st;
	const struct srv_set_ent *e;
	const struct ref *ref;
	struct owner *o;
	size_t n = 1, top, i, nseen = 0, *seen;
	bool found = false, pa = r->o[u].parental;
	struct srv_set *lists = pa ? &r->plists : &r->lists;

	st = zl_xmalloc((r->no + 1) * sizeof *st);
	seen = zl_xmalloc((r->no + 1) * sizeof *seen);
	st[0].own = u;
	st[0].next = 0;
	r->gen++;
	while (n > 0) {
		top = st[n - 1].own;
		if (st[n - 1].next == r->o[top].n) {
			n--;
			continue;
		}
		ref = &r->r[r->o[top].first + st[n - 1].next++];
		if (ref->kind == K_TLS)
			tls_ref(b, said, ref, false);
		if (ref->kind == K_ADDR || (ref->kind == K_NAME &&
		    (e = srv_set_find(lists, ref->name)) &&
		    r->o[e->val].reach == 1)) {
			found = true;
			for (i = 1; i < n; i++)
				r->o[st[i].own].reach = 1;
		}
		if (ref->kind != K_NAME)
			continue;
		if (!(e = srv_set_find(lists, ref->name))) {
			refuse(b, said, ref, pa ? plist_help : list_help, pa ?
			       "parental-agents list '%s' is not defined" :
			       "primaries list '%s' is not defined");
			*bad = true;
			continue;
		}
		o = &r->o[e->val];
		if (o->gen == r->gen || o->reach >= 0)
			continue;
		o->gen = r->gen;
		seen[nseen++] = e->val;
		st[n].own = e->val;
		st[n++].next = 0;
	}
	for (i = 0; !found && !*bad && i < nseen; i++)
		r->o[seen[i]].reach = 0;
	free(seen);
	free(st);
	return found;
}

/* Which address lists of options and views named-checkconf reads (those
 * of zones it reads all): for each view (or, without views, once), the
 * view's own or else the options' of each V option; for each zone
 * without its own Z option, its view's or else the options'. */
static void mark_acls(struct bind *b)
{
	struct brefs *r = b->refs;
	struct srv_set views = { 0 };
	const struct srv_set_ent *e;
	uint32_t vbits = 0, zbits = 0, need = 0, *zm, *vm, *vneed, bit, miss;
	struct owner *o;
	size_t i;

	for (i = 0; i < NOPTS; i++) {
		vbits |= acl_opts[i].where & V ? 1u << i : 0;
		zbits |= acl_opts[i].where & Z ? 1u << i : 0;
	}
	zm = zl_xcalloc(b->nz + 1, sizeof *zm);
	vm = zl_xcalloc(b->nviews + 1, sizeof *vm);
	vneed = zl_xcalloc(b->nviews + 1, sizeof *vneed);
	for (i = 0; i < b->nviews; i++)
		srv_set_add(&views, b->views[i].name, i);
	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		if (o->type != O_USE)
			continue;
		bit = 1u << o->stmt;
		if (o->zone)
			zm[o->zone - 1] |= bit;
		else if (o->view && (e = srv_set_find(&views, o->view)))
			vm[e->val] |= bit;
	}
	for (i = 0; i < b->nviews; i++) {
		need |= vbits & ~vm[i];
		vneed[i] |= vbits;
	}
	if (b->nviews == 0)
		need |= vbits;
	for (i = 0; i < b->nz; i++) {
		if (b->z[i].in_view)
			continue;
		miss = zbits & ~zm[i];
		e = b->z[i].view ? srv_set_find(&views, b->z[i].view) : NULL;
		if (e)
			vneed[e->val] |= miss & vm[e->val];
		need |= e ? miss & ~vm[e->val] : miss;
	}
	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		bit = 1u << o->stmt;
		e = o->view ? srv_set_find(&views, o->view) : NULL;
		if (o->type != O_USE)
			continue;
		if (o->zone)
			o->checked = acl_opts[o->stmt].where & Z;
		else if (o->view)
			o->checked = e && (vneed[e->val] & bit);
		else
			o->checked = need & bit;
	}
	srv_set_free(&views);
	free(vneed);
	free(vm);
	free(zm);
}

/* "O" for the options, "V" and its name for a view: where an also-notify
 * is.  Malloc'd. */
static char *scope(const char *view)
{
	return view ? zl_xasprintf("V%s", view) : zl_xstrdup("O");
}

/* The lists of primaries and also-notify named-checkconf reads: a zone's
 * own primaries (a secondary, mirror or stub zone's: a redirect zone's it
 * does not read) and parental-agents (a primary or secondary zone's),
 * each of which must reach an address; for a zone that notifies
 * (primary, secondary, mirror), its own also-notify, or else its
 * view's, or else the options'. */
static void check_remotes(struct bind *b, struct srv_set *said)
{
	struct brefs *r = b->refs;
	unsigned pri = bind_zone_type("primary"), sec = bind_zone_type(
		"secondary"), mir = bind_zone_type("mirror"), type;
	struct srv_set lists = { 0 }, need = { 0 };
	uint8_t *flags = zl_xcalloc(b->nz + 1, 1), bit;
	const struct pzone *z;
	struct owner *o;
	char *key;
	size_t i;
	bool bad;

	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		if (o->type != O_REMOTE)
			continue;
		if (!o->zone) {
			key = scope(o->view);
			srv_set_add(&lists, key, i);
			free(key);
			continue;
		}
		z = &b->z[o->zone - 1];
		type = z->type && !z->in_view ? bind_zone_type(z->type) : 0;
		if (!(type & (o->parental ? pri | sec : o->primaries ?
			      sec | mir | bind_zone_type("stub") :
			      pri | sec | mir)))
			continue;
		flags[o->zone - 1] |= o->primaries || o->parental ? 0 : 1;
		bad = false;
		bit = o->parental ? 4 : 2;
		if (walk_list(b, said, i, &bad) || bad ||
		    !(o->primaries || o->parental) ||
		    (flags[o->zone - 1] & bit))
			continue;
		flags[o->zone - 1] |= bit;
		srv_err_help(b->s, "the lists it names hold no address, nor do "
			     "the lists they name: a list that names itself, "
			     "directly or through others, adds none; give it "
			     "an address", z->conf, z->line, z->col,
			     "zone '%s': no address in its '%s'",
			     z->origin ? z->origin : "", o->parental ?
			     "parental-agents" : "primaries");
	}
	for (i = 0; i < b->nz; i++) {
		z = &b->z[i];
		type = z->type && !z->in_view ? bind_zone_type(z->type) : 0;
		if (!(type & (pri | sec | mir)) || (flags[i] & 1))
			continue;
		key = scope(z->view);
		if (!srv_set_find(&lists, key))
			key[0] = 'O', key[1] = '\0';
		srv_set_add(&need, key, 0);
		free(key);
	}
	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		if (o->type != O_REMOTE || o->zone)
			continue;
		key = scope(o->view);
		if (srv_set_find(&need, key))
			walk_list(b, said, i, &bad);
		free(key);
	}
	srv_set_free(&lists);
	srv_set_free(&need);
	free(flags);
}

/* Whether keys holds the key name of view (NULL: the top). */
static bool has_key(const struct srv_set *keys, const char *view,
		    const char *name)
{
	char *key = zl_xasprintf("%s%s\\%s", view ? "V" : "T",
				 view ? view : "", name);
	bool found = srv_set_find(keys, key) != NULL;

	free(key);
	return found;
}

/* A key defined twice where named-checkconf reads both: at the top,
 * in one view, or at the top and in a view (it reads the top's keys with
 * each view's), the names compared as domain names ("k" is "K."); at the
 * second. */
static void key_dups(struct bind *b)
{
	struct brefs *r = b->refs;
	struct srv_set seen = { 0 };
	const struct srv_set_ent *e;
	const struct owner *o;
	char *top, *mine;
	size_t i;

	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		if (o->type != O_KEY)
			continue;
		/* "T": at the top; "A": in some view; "V": in this one */
		top = zl_xasprintf("T\\%s", o->name);
		mine = o->view ? zl_xasprintf("V%s\\%s", o->view, o->name) :
				 zl_xasprintf("A\\%s", o->name);
		e = srv_set_find(&seen, top);
		if (!e)
			e = srv_set_find(&seen, mine);
		if (e)
			srv_err_help(b->s, "rename one of them, or remove one",
				     o->at.file, o->at.line, o->at.col, "key "
				     "'%s': already exists, previous definition "
				     "at %s:%u",
				     o->text, r->o[e->val].at.file,
				     r->o[e->val].at.line);
		srv_set_add(&seen, o->view ? mine : top, i);
		free(top);
		free(mine);
		if (o->view) {
			top = zl_xasprintf("A\\%s", o->name);
			srv_set_add(&seen, top, i);
			free(top);
		}
	}
	srv_set_free(&seen);
}

/* A key named in a server statement: defined at the top of named.conf,
 * or in the server's view; a server outside views is read in each view,
 * which must then each define it (named-checkconf: "unknown key"). */
static void check_keys(struct bind *b, struct srv_set *said)
{
	struct brefs *r = b->refs;
	struct srv_set keys = { 0 };
	const struct ref *ref;
	const struct owner *o;
	char *key;
	size_t i, j, v;
	bool ok;

	for (i = 0; i < r->no; i++)
		if (r->o[i].type == O_KEY) {
			key = zl_xasprintf("%s%s\\%s", r->o[i].view ? "V" : "T",
					   r->o[i].view ? r->o[i].view : "",
					   r->o[i].name);
			srv_set_add(&keys, key, i);
			free(key);
		}
	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		for (j = 0; o->type == O_SERVER && j < o->n; j++) {
			ref = &r->r[o->first + j];
			ok = has_key(&keys, NULL, ref->name);
			if (!ok && o->view)
				ok = has_key(&keys, o->view, ref->name);
			for (v = 0; !ok && !o->view && v < b->nviews &&
			     has_key(&keys, b->views[v].name, ref->name); v++)
				ok = v + 1 == b->nviews;
			if (!ok)
				refuse(b, said, ref, "define it with 'key NAME "
				       "{ algorithm ...; secret ...; };' at the "
				       "top of named.conf, or in the server's "
				       "view (in every view, for a server "
				       "outside views)", "key '%s' is not "
				       "defined");
		}
	}
	srv_set_free(&keys);
}

/* A key a control channel names (inet or unix, keys { k; }): a key
 * statement at the top of named.conf, the name as written but for its
 * case ("k." is not "k"); named-checkconf and named alike refuse
 * another ("unknown key"), and named does not start. */
static void check_control_keys(struct bind *b, struct srv_set *said)
{
	struct brefs *r = b->refs;
	struct srv_set keys = { 0 };
	const struct ref *ref;
	char *name;
	size_t i, j;

	for (i = 0; i < r->no; i++)
		if (r->o[i].type == O_KEY && !r->o[i].view) {
			name = norm(r->o[i].text, false);
			srv_set_add(&keys, name, i);
			free(name);
		}
	for (i = 0; i < r->no; i++)
		for (j = 0; r->o[i].type == O_CTLKEYS && j < r->o[i].n; j++) {
			ref = &r->r[r->o[i].first + j];
			if (!srv_set_find(&keys, ref->name))
				refuse(b, said, ref, "define it with 'key "
				       "NAME { algorithm ...; secret ...; };' "
				       "at the top of named.conf (a view's "
				       "keys do not count here)", "key '%s' "
				       "is not defined");
		}
	srv_set_free(&keys);
}

/* The files of tls t, which a listen-on that named reads uses at ref:
 * named does not start ("loading configuration: TLS error", "not
 * found") without a key-file and a cert-file, or with a file of the
 * four that it cannot open (resolved from named's directory; what lies
 * outside the tree is not looked at). */
static void tls_files(struct bind *b, struct srv_set *said,
		      const struct btls *t, const struct ref *ref)
{
	static const char *const names[TLS_FILES] = { "key-file",
		"cert-file", "ca-file", "dhparam-file" };
	const char *dir = b->lx.dir ? b->lx.dir : b->s->cwd, *why;
	const struct tok *f;
	char *path, key[64];
	size_t i;

	snprintf(key, sizeof key, "%p:%u:%u:tls", (const void *)ref->at.file,
		 ref->at.line, ref->at.col);
	/* one without the other is check_tls_files' */
	if (!t->file[TLS_KEY].s && !t->file[TLS_CERT].s &&
	    !srv_set_add(said, key, 0))
		srv_err_help(b->s, "give the tls statement a key-file and a "
			     "cert-file, or listen with 'tls ephemeral'",
			     ref->at.file, ref->at.line, ref->at.col, "tls "
			     "'%s' has no key-file and no cert-file, which "
			     "listen-on needs", ref->text);
	for (i = 0; i < TLS_FILES; i++) {
		f = &t->file[i];
		if (!f->s)
			continue;
		path = srv_resolve(dir, f->s);
		snprintf(key, sizeof key, "%p:%u:%u", (const void *)f->file,
			 f->line, f->col);
		if ((why = !*f->s ? "file not found" :
			   srv_unopenable(b->s, path)) != NULL &&
		    !srv_set_add(said, key, 0))
			srv_err_help(b->s, "put the file there, or name one "
				     "that exists (a relative name is read "
				     "from named's directory)", f->file,
				     f->line, f->col, "%s '%s' of tls '%s', "
				     "which listen-on uses: %s", names[i],
				     f->s, t->name.s, why);
		free(path);
	}
}

/* named-checkconf: a tls statement with a key-file and no cert-file,
 * or the other way round, at its name.  Each tls a listen-on that named
 * reads names, defined by a tls statement (the last of that name, any
 * case): its files. */
static void check_tls_files(struct bind *b, struct srv_set *said)
{
	struct brefs *r = b->refs;
	const struct owner *o;
	const struct ref *ref;
	const struct btls *t;
	size_t i, j, k;

	for (k = 0; k < b->ntlss; k++) {
		t = &b->tlss[k];
		if (!t->file[TLS_KEY].s != !t->file[TLS_CERT].s)
			srv_err_help(b->s, "give both, or neither",
				     t->name.file, t->name.line, t->name.col,
				     "tls '%s': 'cert-file' and 'key-file' "
				     "must both be specified, or both "
				     "omitted", t->name.s);
	}
	for (i = 0; i < r->no; i++) {
		o = &r->o[i];
		if (o->type != O_USE || !o->checked ||
		    strncmp(acl_opts[o->stmt].name, "listen-on", 9) != 0)
			continue;
		for (j = 0; j < o->n; j++) {
			ref = &r->r[o->first + j];
			/* the built-in ones, which no statement redefines */
			if (ref->kind != K_TLS ||
			    !strcmp(ref->name, "ephemeral") ||
			    !strcmp(ref->name, "none"))
				continue;
			for (t = NULL, k = 0; k < b->ntlss; k++)
				if (!strcasecmp(b->tlss[k].name.s, ref->text))
					t = &b->tlss[k];
			if (t)
				tls_files(b, said, t, ref);
		}
	}
}

/* The channels a logging category names: defined by a channel
 * statement of the logging statement (the name in any case, before or
 * after), or built in; named-checkconf refuses another ("undefined
 * channel"), and named does not start. */
static void check_channels(struct bind *b, struct srv_set *said)
{
	static const char *const builtin[] = { "default_syslog",
		"default_debug", "default_stderr", "null" };
	struct brefs *r = b->refs;
	struct srv_set chans = { 0 };
	const struct ref *ref;
	size_t i, j, k;

	for (i = 0; i < r->no; i++)
		if (r->o[i].type == O_CHANNEL)
			srv_set_add(&chans, r->o[i].name, i);
	for (i = 0; i < r->no; i++)
		for (j = 0; r->o[i].type == O_CATEGORY && j < r->o[i].n; j++) {
			ref = &r->r[r->o[i].first + j];
			for (k = 0; k < sizeof builtin / sizeof builtin[0] &&
			     strcmp(ref->name, builtin[k]); k++)
				;
			if (k == sizeof builtin / sizeof builtin[0] &&
			    !srv_set_find(&chans, ref->name))
				refuse(b, said, ref, "define it with 'channel "
				       "NAME { ... };' in the logging statement, "
				       "or use a built-in channel: "
				       "default_syslog, default_debug, "
				       "default_stderr or null",
				       "undefined channel '%s'");
		}
	srv_set_free(&chans);
}

void bind_refs_check(struct bind *b)
{
	struct srv_set said = { 0 };
	size_t i;

	if (!b->refs)
		return;
	define_all(b);
	key_dups(b);
	check_keys(b, &said);
	check_control_keys(b, &said);
	check_remotes(b, &said);
	check_channels(b, &said);
	mark_acls(b);
	for (i = 0; i < b->refs->no; i++)
		if ((b->refs->o[i].type == O_USE && b->refs->o[i].checked) ||
		    b->refs->o[i].type == O_CTL)
			walk_acl(b, &said, i);
	check_tls_files(b, &said);
	srv_set_free(&said);
}

void bind_refs_free(struct bind *b)
{
	struct brefs *r = b->refs;
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->no; i++) {
		free(r->o[i].name);
		free(r->o[i].text);
		free(r->o[i].view);
	}
	for (i = 0; i < r->nr; i++) {
		free(r->r[i].name);
		free(r->r[i].text);
	}
	free(r->o);
	free(r->r);
	srv_set_free(&r->acls);
	srv_set_free(&r->lists);
	srv_set_free(&r->plists);
	srv_set_free(&r->tls);
	srv_set_free(&r->http);
	free(r);
	b->refs = NULL;
}
