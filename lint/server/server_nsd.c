/* server_nsd.c - NSD's nsd.conf (its words from server_nsd_lex.c): the server, pattern and zone clauses that place zone files, and the items NSD refuses. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_impl.h"
#include "server_nsd.h"
#include "zone_lex.h"

/* NSD's compiled-in zonesdir on Debian. */
#define NSD_ZONESDIR "/etc/nsd"

/* A server-N-cpu-affinity or xfrd-cpu-affinity item: its name, its CPU. */
struct aff {
	char *key;
	struct tok v;
};

/* A zone or a pattern, as far as it has been read. */
struct clause {
	struct tok name, zonefile;	/* .s NULL: not set */
	bool xfr;			/* request-xfr: a secondary */
	bool notified;			/* allow-notify: */
	struct tok at;			/* the zone: or pattern: keyword */
};

/* The key: or tls-auth: clause being read, held where it ends to what
 * NSD 4.6 requires of it (configparser.y): a name, a key's secret or a
 * tls-auth's auth-domain-name, and then a name not that of an entry of
 * its kind above (one that lacks them is none).  Of several name: items
 * the last one counts. */
struct entry {
	struct tok at;		/* the clause's keyword; .s NULL: none open */
	struct tok name;	/* .s NULL: no name: yet */
	bool tls, more;		/* more: its secret: or auth-domain-name: */
};

/* A key or a tls-auth that an access list names, where it names it. */
struct ref {
	struct tok at;
	bool tls;
};

struct nsd {
	struct srv *s;
	enum { S_NONE, S_SERVER, S_ZONE, S_PATTERN, S_KEY, S_TLS,
	       S_OTHER } sect;
	struct clause *cur;		/* the zone or pattern being read */
	bool verify;			/* in a verify: clause */
	struct clause *z, *p;
	size_t nz, zcap, np, pcap;
	struct tok zonesdir;
	bool has_zonesdir;
	struct tok tls[3];	/* tls-service-key, -pem, -ocsp */
	struct srv_set pats;	/* pattern names: indexes in p */
	struct srv_set keys, tlss;	/* key: and tls-auth: names */
	struct entry ent;
	bool range;			/* the access list's address names many */
	struct ref *refs;
	size_t nrefs, refcap;
	struct tok count;		/* server-count: */
	struct tok *srvs;		/* the servers= values */
	size_t nsrvs, srvcap;
	bool has_cpus;			/* cpu-affinity: given */
	unsigned long *cpus;		/* ... its CPUs, the last item's */
	size_t ncpus, cpucap;
	struct aff *aff;		/* server-N- and xfrd-cpu-affinity: */
	size_t naff, affcap;
};

static void tok_set(struct tok *dst, const struct tok *src)
{
	free(dst->s);
	*dst = *src;
	dst->s = zl_xstrdup(src->s);
}

static struct clause *grow(struct clause **v, size_t *n, size_t *cap,
			   const struct tok *at)
{
	struct clause *c;

	zl_xgrow((void **)v, cap, *n + 1, sizeof **v);
	c = &(*v)[(*n)++];
	memset(c, 0, sizeof *c);
	c->at = *at;
	c->at.s = NULL;
	return c;
}

static void clause_free(struct clause *c)
{
	free(c->name.s);
	free(c->zonefile.s);
}

/* include-pattern: the pattern's settings apply here, so that later
 * items of the zone override them (NSD's config_apply_pattern). */
static void apply_pattern(struct nsd *n, const struct tok *v)
{
	const struct srv_set_ent *e = srv_set_find(&n->pats, v->s);
	size_t i = e ? e->val : n->np;

	if (i == n->np || &n->p[i] == n->cur) {
		srv_err(n->s, v->file, v->line, v->col, "could not find "
			"pattern '%s' (a pattern must be defined above)",
			v->s);
		return;
	}
	if (n->p[i].zonefile.s)
		tok_set(&n->cur->zonefile, &n->p[i].zonefile);
	n->cur->xfr |= n->p[i].xfr;
	n->cur->notified |= n->p[i].notified;
}

/* The end of the key: or tls-auth: clause open, if any: nsd-checkconf
 * refuses it there ("tsig key has no name", "tsig key k has no secret
 * blob", "duplicate tsig key k", "tls-auth t has no auth-domain-name");
 * zonelint says it at the clause's keyword or at its name. */
static void entry_end(struct nsd *n)
{
	struct entry *e = &n->ent;
	const char *what = e->tls ? "tls-auth" : "key";

	if (!e->at.s)
		return;
	if (!e->name.s)
		srv_err(n->s, e->at.file, e->at.line, e->at.col, "%s: clause "
			"without a name", what);
	else if (!e->more)
		srv_err(n->s, e->at.file, e->at.line, e->at.col, "%s '%s' "
			"without %s", what, e->name.s, e->tls ?
			"an auth-domain-name" : "a secret");
	else if (srv_set_add(e->tls ? &n->tlss : &n->keys, e->name.s, 0))
		srv_err(n->s, e->name.file, e->name.line, e->name.col,
			"duplicate %s name '%s'", what, e->name.s);
	free(e->at.s);
	free(e->name.s);
	memset(e, 0, sizeof *e);
}

/* The end of the clause open: a pattern without a name: nsd-checkconf
 * refuses it there ("pattern has no name"); zonelint says it at the
 * clause's keyword.  An empty name is one. */
static void clause_end(struct nsd *n)
{
	if (n->sect == S_PATTERN && n->cur && !n->cur->name.s)
		srv_err(n->s, n->cur->at.file, n->cur->at.line,
			n->cur->at.col, "pattern without a name");
	entry_end(n);
}

/* A section keyword starts a clause. */
static bool section(struct nsd *n, const struct tok *k)
{
	static const char *const other[] = { "key", "remote-control",
		"tls-auth", "dnstap", "verify", NULL };
	size_t i;

	for (i = 0; other[i] && strcasecmp(other[i], k->s); i++)
		;
	if (!other[i] && strcasecmp(k->s, "server") &&
	    strcasecmp(k->s, "zone") && strcasecmp(k->s, "pattern"))
		return false;
	clause_end(n);
	if (!strcasecmp(k->s, "server")) {
		n->sect = S_SERVER;
		n->cur = NULL;
	} else if (!strcasecmp(k->s, "zone")) {
		n->sect = S_ZONE;
		n->cur = grow(&n->z, &n->nz, &n->zcap, k);
	} else if (!strcasecmp(k->s, "pattern")) {
		n->sect = S_PATTERN;
		n->cur = grow(&n->p, &n->np, &n->pcap, k);
	} else {
		n->sect = !strcasecmp(k->s, "key") ? S_KEY :
			  !strcasecmp(k->s, "tls-auth") ? S_TLS : S_OTHER;
		n->cur = NULL;
		if (n->sect != S_OTHER) {
			tok_set(&n->ent.at, k);
			n->ent.tls = n->sect == S_TLS;
		}
	}
	n->verify = !strcasecmp(k->s, "verify");
	return true;
}

/* Whether s decodes as NSD's b64_pton decodes a TSIG secret: blanks
 * anywhere are passed over, a group of four characters ends in at most
 * two '=' (then only blanks), and the bits a padded group leaves over
 * are zero.  An empty secret decodes, to nothing. */
static bool b64_decodes(const char *s)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *d;
	int state = 0, last = 0;

	for (; *s && *s != '='; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (!(d = strchr(digits, *s)))
			return false;
		last = (int)(d - digits);
		state = (state + 1) % 4;
	}
	if (!*s)
		return state == 0;
	/* '=' after the second or the third character of a group */
	if (state < 2)
		return false;
	s++;
	if (state == 2) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s++ != '=')
			return false;
	}
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return (last & (state == 2 ? 0x0f : 0x03)) == 0;
}

/* Whether NSD 4.6 knows the TSIG algorithm name: HMAC with MD5 or a
 * SHA (RFC 8945 section 6), "hmac-" before it or not, in any case
 * (tsig_get_algorithm_by_name). */
static bool tsig_algorithm(const char *name)
{
	static const char *const hashes[] = { "md5", "sha1", "sha224",
		"sha256", "sha384", "sha512", NULL };
	size_t i;

	if (!strncasecmp(name, "hmac-", 5))
		name += 5;
	for (i = 0; hashes[i] && strcasecmp(name, hashes[i]); i++)
		;
	return hashes[i] != NULL;
}

static const char *const tls_items[3] = { "tls-service-key",
	"tls-service-pem", "tls-service-ocsp" };

/* The index of item name in tls_items, 3 for another. */
static size_t tls_item(const char *name)
{
	size_t i;

	for (i = 0; i < 3 && strcasecmp(name, tls_items[i]); i++)
		;
	return i;
}


/* The CPUs of a cpu-affinity: value, added to those of its item (a
 * quoted value may hold several). */
static void cpus_add(struct nsd *n, const char *v)
{
	char *end;

	for (; *v; v = end) {
		v += strspn(v, " \t");
		if (!isdigit((unsigned char)*v))
			return;		/* refused where it stands */
		zl_xgrow((void **)&n->cpus, &n->cpucap, n->ncpus + 1,
			 sizeof *n->cpus);
		n->cpus[n->ncpus++] = strtoul(v, &end, 10);
	}
}
/* The item k with its first value v (v->s NULL: none). */
static void item(struct nsd *n, const struct tok *k, const struct tok *v)
{
	bool zp = n->sect == S_ZONE || n->sect == S_PATTERN;
	const char *why;
	size_t i;

	if (!v->s) {
		srv_err(n->s, k->file, k->line, k->col, "'%s:' without a "
			"value", k->s);
		return;
	}
	if ((why = srv_nsd_value(k->s, v->s)))
		srv_err(n->s, v->file, v->line, v->col, "'%s:' %s, not '%s'",
			k->s, why, v->s);
	if (n->sect == S_KEY && !strcasecmp(k->s, "secret")) {
		/* nsd-checkconf refuses a key it cannot decode */
		n->ent.more = true;
		if (!b64_decodes(v->s))
			srv_err(n->s, v->file, v->line, v->col, "the "
				"secret is not base64 as NSD decodes it");
	} else if (n->sect == S_KEY && !strcasecmp(k->s, "algorithm")) {
		if (!tsig_algorithm(v->s))
			srv_err(n->s, v->file, v->line, v->col, "unknown "
				"TSIG algorithm '%s'", v->s);
	} else if (n->sect == S_TLS &&
		   !strcasecmp(k->s, "auth-domain-name")) {
		n->ent.more = true;
	} else if ((n->sect == S_KEY || n->sect == S_TLS) &&
		   !strcasecmp(k->s, "name")) {
		tok_set(&n->ent.name, v);
	} else if (n->sect == S_SERVER && (i = tls_item(k->s)) < 3) {
		tok_set(&n->tls[i], v);
	} else if (n->sect == S_SERVER && !strcasecmp(k->s, "cpu-affinity")) {
		cpus_add(n, v->s);
	} else if (n->sect == S_SERVER && (!strcasecmp(k->s,
		   "xfrd-cpu-affinity") || !strncasecmp(k->s, "server-", 7)) &&
		   strlen(k->s) > 13 && !strcasecmp(k->s + strlen(k->s) - 13,
						    "-cpu-affinity")) {
		zl_xgrow((void **)&n->aff, &n->affcap, n->naff + 1,
			 sizeof *n->aff);
		n->aff[n->naff].key = zl_xstrdup(k->s);
		n->aff[n->naff].v = *v;
		n->aff[n->naff++].v.s = zl_xstrdup(v->s);
	} else if (n->sect == S_SERVER &&
		   !strcasecmp(k->s, "server-count")) {
		tok_set(&n->count, v);
	} else if (n->sect == S_SERVER && !strcasecmp(k->s, "zonesdir")) {
		tok_set(&n->zonesdir, v);
		n->has_zonesdir = true;
	} else if (zp && !strcasecmp(k->s, "name")) {
		tok_set(&n->cur->name, v);
		if (n->sect == S_PATTERN &&
		    srv_set_add(&n->pats, v->s, (size_t)(n->cur - n->p)))
			srv_err(n->s, v->file, v->line, v->col, "duplicate "
				"pattern name '%s'", v->s);
	} else if (zp && !strcasecmp(k->s, "zonefile")) {
		tok_set(&n->cur->zonefile, v);
	} else if (zp && !strcasecmp(k->s, "include-pattern")) {
		apply_pattern(n, v);
	} else if (zp && !strcasecmp(k->s, "request-xfr")) {
		n->cur->xfr = true;
	} else if (zp && !strcasecmp(k->s, "allow-notify")) {
		n->cur->notified = true;
	}
}

/* How many values item key takes, first (NULL: none) the first, as NSD
 * 4.6's grammar has it: one, but for the access lists (an address and a
 * key), request-xfr (AXFR or UDP first; a tls-auth name last, but after
 * UDP), an interface (socket options after it), a verifier (its
 * arguments) and cpu-affinity (a list).  max 0: no bound. */
static void arity(const char *key, const struct tok *first, size_t *min,
		  size_t *max)
{
	static const struct {
		const char *key;
		uint8_t min, max;
	} many[] = {
		{ "allow-notify", 2, 2 }, { "allow-query", 2, 2 },
		{ "notify", 2, 2 }, { "provide-xfr", 2, 2 },
		{ "request-xfr", 2, 3 }, { "ip-address", 1, 0 },
		{ "interface", 1, 0 }, { "verifier", 1, 0 },
		{ "cpu-affinity", 0, 0 },
	};
	size_t i;

	*min = *max = 1;
	for (i = 0; i < sizeof many / sizeof many[0]; i++)
		if (!strcasecmp(key, many[i].key)) {
			*min = many[i].min;
			*max = many[i].max;
		}
	if (!strcasecmp(key, "request-xfr") && first && !first->quoted &&
	    (!strcasecmp(first->s, "AXFR") || !strcasecmp(first->s, "UDP"))) {
		*min = 3;
		*max = !strcasecmp(first->s, "AXFR") ? 4 : 3;
	}
}

/* The socket options that may follow an ip-address or interface item's
 * address (NSD 4.6's grammar): servers= with server numbers and ranges
 * ("1-2 3"), bindtodevice= with yes or no, setfib= with a number; the
 * value after the '=' or as the next word.  Anything else there is NSD's
 * syntax error.  *want holds the first letter of the option whose value
 * comes next (0: none), opt that option (placed, at the item's end,
 * where NSD reports its missing value); t is the word after the
 * address, or NULL at the item's end.  False after an error: NSD stops
 * at the first. */
static bool socket_option(struct nsd *n, const struct tok *t, char *want,
			  struct tok *opt)
{
	static const char *const names[] = { "servers=", "bindtodevice=",
					     "setfib=" };
	const char *v = NULL, *p;
	size_t i, len;
	bool ok, dash;

	if (!*want) {
		for (i = 0; t && !t->quoted && i < 3; i++) {
			len = strlen(names[i]);
			if (!strncasecmp(t->s, names[i], len)) {
				*want = i == 2 ? 'f' : names[i][0];
				v = t->s + len;
			}
		}
		if (!*want) {
			if (t)
				srv_err(n->s, t->file, t->line, t->col,
					"syntax error: '%s' is no socket "
					"option (servers=, bindtodevice=, "
					"setfib=)", t->s);
			return !t;
		}
		free(opt->s);
		*opt = *t;
		opt->s = zl_xstrdup(t->s);
		if (!*v)
			return true;	/* the value is the next word */
	} else if (!t) {
		srv_err(n->s, opt->file, opt->line, opt->col, "syntax error: "
			"'%s' without a value", opt->s);
		return false;
	} else {
		v = t->s;
	}
	/* servers: numbers and ranges N-M, blank-separated; setfib: a
	 * number; bindtodevice: yes or no, as written */
	ok = *want != 'b' || !strcmp(v, "yes") || !strcmp(v, "no");
	for (p = v, dash = false; *want != 'b' && *p; p++) {
		if (*want == 's' && (*p == ' ' || *p == '\t'))
			dash = false;
		else if (*want == 's' && *p == '-' && !dash && p > v &&
			 isdigit((unsigned char)p[-1]) &&
			 isdigit((unsigned char)p[1]))
			dash = true;
		else if (!isdigit((unsigned char)*p))
			ok = false;
	}
	if (*want == 'f' && !*v)
		ok = false;
	if (!ok)
		srv_err(n->s, t->file, t->line, t->col, "'%s' is not %s", v,
			*want == 's' ? "server numbers and ranges" :
			*want == 'b' ? "yes or no" : "a number");
	if (ok && *want == 's') {
		zl_xgrow((void **)&n->srvs, &n->srvcap, n->nsrvs + 1,
			 sizeof *n->srvs);
		n->srvs[n->nsrvs] = *t;
		n->srvs[n->nsrvs++].s = zl_xstrdup(v);
	}
	*want = 0;
	return ok;
}

/* The address of an access list or an outgoing-interface, t the value
 * nv of item k, as NSD 4.6 reads it (nsd-checkconf: "Bad ip4 address",
 * "subnet of 33 bits out of range"); notify and request-xfr send to one
 * address, neither a range nor BLOCKED ("address range used for
 * notify", "blocked address used for request-xfr"). */
static void acl_addr(struct nsd *n, const struct tok *k, size_t nv,
		     bool proto, const struct tok *t)
{
	static const char *const lists[] = { "allow-notify", "allow-query",
		"notify", "provide-xfr", "request-xfr", "outgoing-interface",
		NULL };
	bool xfr = !strcasecmp(k->s, "request-xfr");
	bool one = xfr || !strcasecmp(k->s, "notify");
	size_t i, at = xfr && proto ? 1 : 0;
	const char *why;

	if (n->sect != S_ZONE && n->sect != S_PATTERN)
		return;
	for (i = 0; lists[i] && strcasecmp(lists[i], k->s); i++)
		;
	if (!lists[i])
		return;
	if (nv == at && (why = srv_nsd_address(t->s, &n->range)))
		srv_err(n->s, t->file, t->line, t->col, "invalid address '%s'"
			" for '%s:' (%s)", t->s, k->s, why);
	else if (nv == at && one && n->range)
		srv_err(n->s, t->file, t->line, t->col, "'%s:' takes one "
			"address, not the range '%s'", k->s, t->s);
	else if (nv == at + 1 && one && !strcmp(t->s, "BLOCKED"))
		srv_err(n->s, t->file, t->line, t->col, "'%s:' cannot take "
			"BLOCKED: it sends to the address", k->s);
}

/* Value nv (from 0) of the access list k of a zone or pattern, t: kept
 * when it names a key or a tls-auth, which NSD looks up when the whole
 * configuration is read.  The key comes after the address (after AXFR or
 * UDP and the address in request-xfr), the tls-auth after the key
 * (request-xfr, not over UDP); NOKEY and BLOCKED, in capitals, name
 * none. */
static void acl_ref(struct nsd *n, const struct tok *k, size_t nv,
		    bool proto, const struct tok *t)
{
	static const char *const lists[] = { "allow-notify", "allow-query",
		"notify", "provide-xfr", "request-xfr", NULL };
	bool xfr = !strcasecmp(k->s, "request-xfr");
	size_t i, key = xfr && proto ? 2 : 1;
	struct ref *r;

	if (n->sect != S_ZONE && n->sect != S_PATTERN)
		return;
	for (i = 0; lists[i] && strcasecmp(lists[i], k->s); i++)
		;
	if (!lists[i] || nv < key || nv > key + xfr ||
	    (nv == key && (!strcmp(t->s, "NOKEY") ||
			   !strcmp(t->s, "BLOCKED"))))
		return;
	zl_xgrow((void **)&n->refs, &n->refcap, n->nrefs + 1, sizeof *r);
	r = &n->refs[n->nrefs++];
	r->at = *t;
	r->at.s = zl_xstrdup(t->s);
	r->tls = nv > key;
}

/* Each key and tls-auth an access list names is defined (nsd-checkconf
 * and nsd: "key k in pattern p could not be found", and nsd does not
 * start); the names are compared as written, case and all. */
static void check_refs(struct nsd *n)
{
	const struct ref *r;
	size_t i;

	for (i = 0; i < n->nrefs; i++) {
		r = &n->refs[i];
		if (srv_set_find(r->tls ? &n->tlss : &n->keys, r->at.s))
			continue;
		if (r->tls)
			srv_err_help(n->s, "define it in a tls-auth: clause "
				     "with this name", r->at.file,
				     r->at.line, r->at.col, "tls-auth '%s' "
				     "is not defined", r->at.s);
		else
			srv_err_help(n->s, "define it in a key: clause with "
				     "this name (as written, case and all), "
				     "or write NOKEY or BLOCKED", r->at.file,
				     r->at.line, r->at.col, "key '%s' is not "
				     "defined", r->at.s);
	}
}

static void read_file(struct nsd *n, struct srv_file *f)
{
	struct nsd_lex lx;
	struct tok t, k = { 0 }, v = { 0 };
	bool more;
	size_t nv, min, max;
	struct tok opt = { 0 };
	bool sockets, proto;
	char want = 0;

	srv_nsd_lex_init(&lx, n->s, f);
	more = srv_nsd_next(&lx, &t);
	while (more) {
		if (!t.kw) {
			/* once for the words up to the next item: NSD stops
			 * at the first */
			srv_err(n->s, t.file, t.line, t.col, "syntax error: "
				"'%s' is not an item name", t.s);
			do {
				free(t.s);
				more = srv_nsd_next(&lx, &t);
			} while (more && !t.kw);
			continue;
		}
		k = t;
		more = srv_nsd_next(&lx, &t);
		if (!section(n, &k)) {
			if (n->sect == S_NONE)
				srv_err(n->s, k.file, k.line, k.col, "'%s:' "
					"outside a clause", k.s);
			memset(&v, 0, sizeof v);
			/* a word ending in ':' that is no item name is a
			 * value ("identity: ns1:"): the lexer says so */
			if (more && !t.kw)
				v = t;
			arity(k.s, v.s ? &v : NULL, &min, &max);
			proto = v.s && !v.quoted &&
				(!strcasecmp(v.s, "AXFR") ||
				 !strcasecmp(v.s, "UDP"));
			/* a cpu-affinity: item replaces the one above */
			if (n->sect == S_SERVER &&
			    !strcasecmp(k.s, "cpu-affinity"))
				n->has_cpus = true, n->ncpus = 0;
			if (n->sect != S_NONE && (v.s || min))
				item(n, &k, &v);
			/* Values past the item's are NSD's syntax error: the
			 * word is read where an item name belongs. */
			sockets = !strcasecmp(k.s, "ip-address") ||
				  !strcasecmp(k.s, "interface");
			/* verify: listens on an address alone */
			if (sockets && n->verify)
				sockets = false, max = 1;
			for (nv = 0; more && !t.kw; nv++) {
				if (max && nv == max)
					break;
				if (sockets && nv)
					sockets = socket_option(n, &t, &want,
								&opt);
				acl_addr(n, &k, nv, proto, &t);
				/* cpu-affinity: a list of CPU numbers */
				if (nv && !strcasecmp(k.s, "cpu-affinity"))
					item(n, &k, &t);
				acl_ref(n, &k, nv, proto, &t);
				free(t.s);
				more = srv_nsd_next(&lx, &t);
			}
			/* an option without its value: NSD's syntax error at
			 * the item after it */
			if (sockets && want && more) {
				opt.file = t.file;
				opt.line = t.line;
				opt.col = t.col;
			}
			if (sockets && want)
				socket_option(n, NULL, &want, &opt);
			want = 0;
			if (n->sect != S_NONE && nv && nv < min)
				srv_err(n->s, k.file, k.line, k.col, "'%s:' "
					"takes %zu values, not %zu", k.s, min,
					nv);
		}
		free(k.s);
	}
	free(opt.s);
}

/* ---- zone files ---- */

/* NSD makes a zonefile with substitutions in a buffer of 1024 bytes
 * (options.c, config_make_zonefile): the pattern cut to 1023, and a
 * substitution that would not fit left undone, with those after it. */
#define COOKED_MAX 1023

/* Replaces every one in *s by two, scanning on after each insert, while
 * the result fits COOKED_MAX (NSD's replace_str). */
static void replace(char **s, const char *one, const char *two)
{
	struct zl_buf b = { 0 };
	const char *p = *s, *hit;
	size_t n1 = strlen(one), n2 = strlen(two), len = strlen(*s);

	if (!strstr(p, one))
		return;
	while ((hit = strstr(p, one)) != NULL && len + n2 <= COOKED_MAX + n1) {
		zl_buf_add(&b, p, (size_t)(hit - p));
		zl_buf_add(&b, two, n2);
		p = hit + n1;
		len = len + n2 - n1;
	}
	zl_buf_add(&b, p, strlen(p));
	free(*s);
	*s = b.s;
}

/* Label i from the right (1: the top-level one) of the zone's name as
 * written, as NSD writes it (dname.c, wirelabel2str, of its wire name in
 * lower case): a letter, a digit, '-' and '_' as themselves, '.' and '\\'
 * after a backslash, any other byte as \DDD; "." when there is none. */
static char *end_label(const char *name, int i)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	const uint8_t *l[128], *p;
	struct zl_buf b = { 0 };
	const char *cat;
	char msg[1];
	size_t nl = 0, k;

	if (zl_name_from_text(name, strlen(name), (const uint8_t *)"", 1,
			      wire, &cat, msg, sizeof msg) == 0)
		return zl_xstrdup(".");
	for (p = wire; *p; p += *p + 1)
		l[nl++] = p;
	if ((size_t)i > nl)
		return zl_xstrdup(".");
	p = l[nl - (size_t)i];
	for (k = 1; k <= p[0]; k++) {
		int c = tolower(p[k]);

		if (c < 0x80 && (isalnum(c) || c == '-' || c == '_'))
			zl_buf_addc(&b, (char)c);
		else if (c == '.' || c == '\\')
			zl_buf_addf(&b, "\\%c", c);
		else
			zl_buf_addf(&b, "\\%03u", (unsigned)c);
	}
	zl_buf_add(&b, "", 0);
	return b.s;
}

/* zonefile of a zone named name (as written), with NSD's substitutions
 * in NSD's order. */
static char *cook(const char *fmt, const char *name)
{
	char *s, *l, c[2] = { 0, 0 };
	static const char *const ch[] = { "%1", "%2", "%3" };
	static const char *const lab[] = { "%z", "%y", "%x" };
	size_t i, n;

	/* without a '%', NSD takes the name as it is, however long */
	if (!strchr(fmt, '%'))
		return zl_xstrdup(fmt);
	n = strlen(fmt);
	s = zl_xstrndup(fmt, n < COOKED_MAX ? n : COOKED_MAX);
	for (i = 0; i < 3; i++) {
		c[0] = i < strlen(name) ? name[i] : '.';
		replace(&s, ch[i], c);
	}
	for (i = 0; i < 3; i++) {
		l = end_label(name, (int)i + 1);
		replace(&s, lab[i], l);
		free(l);
	}
	replace(&s, "%s", name);
	return s;
}

/* The directory nsd changes to before it reads its files: zonesdir.
 * Malloc'd. */
static char *zones_dir(const struct nsd *n)
{
	char *dir = !n->has_zonesdir ? zl_xstrdup(NSD_ZONESDIR) :
		    srv_resolve(n->s->cwd, n->zonesdir.s);

	if (!dir[0]) {		/* "": nsd stays where it started */
		free(dir);
		dir = zl_xstrdup(n->s->cwd);
	}
	return dir;
}

/* With tls-service-key and tls-service-pem both given, nsd serves TLS
 * and reads them, and tls-service-ocsp if given, from zonesdir when it
 * starts; one it cannot open and nsd does not start ("error for cert
 * file"), while nsd-checkconf takes any.  What lies outside the tree is
 * not looked at. */
static void tls_files(struct nsd *n)
{
	const char *why;
	char *dir, *path;
	size_t i;

	if (!n->tls[0].s || !n->tls[1].s)
		return;
	dir = zones_dir(n);
	for (i = 0; i < 3; i++) {
		if (!n->tls[i].s)
			continue;
		path = srv_resolve(dir, n->tls[i].s);
		if ((why = !*n->tls[i].s ? "file not found" :
			   srv_unopenable(n->s, path)) != NULL)
			srv_err_help(n->s, "put the file there, or name one "
				     "that exists (a relative name is read "
				     "from zonesdir)", n->tls[i].file,
				     n->tls[i].line, n->tls[i].col, "%s "
				     "'%s': %s", tls_items[i], n->tls[i].s,
				     why);
		free(path);
	}
	free(dir);
}

/* The server numbers of each servers= option within 1 and server-count
 * (1 by default; a range's ends in either order): nsd-checkconf 4.6 takes
 * any, nsd does not start ("server ranges are 1-based", "exceeds number
 * of servers configured in server-count"). */
static void server_ranges(struct nsd *n)
{
	unsigned long count = 1, lo, hi;
	const char *p;
	char *end;
	size_t i;

	if (n->count.s) {
		count = strtoul(n->count.s, &end, 10);
		if (*end || !count)
			return;		/* refused where it stands */
	}
	for (i = 0; i < n->nsrvs; i++) {
		for (p = n->srvs[i].s; *p; p = end) {
			p += strspn(p, " \t");
			if (!*p)
				break;
			lo = hi = strtoul(p, &end, 10);
			if (*end == '-')
				hi = strtoul(end + 1, &end, 10);
			if (lo > hi) {
				unsigned long x = lo;

				lo = hi;
				hi = x;
			}
			if (lo >= 1 && hi <= count)
				continue;
			srv_err_help(n->s, "number the servers from 1 to "
				     "server-count", n->srvs[i].file,
				     n->srvs[i].line, n->srvs[i].col,
				     "servers= '%s' names a server %s, which "
				     "nsd refuses at start", n->srvs[i].s,
				     !lo ? "0 (servers are numbered from 1)" :
				     "past server-count");
			break;
		}
	}
}

/* With cpu-affinity, the CPU of xfrd-cpu-affinity and of each
 * server-N-cpu-affinity for a server up to server-count (the last item
 * of each name) is one of its CPUs: nsd-checkconf 4.6 takes any, nsd
 * does not start ("cpu 1 specified in server-1-cpu-affinity is not
 * specified in cpu-affinity"). */
static void cpu_masks(struct nsd *n)
{
	unsigned long count = 1, cpu;
	const struct aff *a;
	char *end;
	size_t i, j;

	if (!n->has_cpus)
		return;
	if (n->count.s)
		count = strtoul(n->count.s, &end, 10);
	for (i = 0; i < n->naff; i++) {
		a = &n->aff[i];
		for (j = i + 1; j < n->naff; j++)
			if (!strcasecmp(a->key, n->aff[j].key))
				break;
		if (j < n->naff)
			continue;	/* given again below */
		if (a->key[0] != 'x' && a->key[0] != 'X' &&
		    strtoul(a->key + 7, &end, 10) > count)
			continue;	/* no such server: not read */
		cpu = strtoul(a->v.s, &end, 10);
		if (*end || !isdigit((unsigned char)a->v.s[0]))
			continue;	/* refused where it stands */
		for (j = 0; j < n->ncpus && n->cpus[j] != cpu; j++)
			;
		if (j == n->ncpus)
			srv_err_help(n->s, "add the CPU to cpu-affinity, or "
				     "name one of its CPUs", a->v.file,
				     a->v.line, a->v.col, "CPU %lu of '%s:' "
				     "is not in cpu-affinity, which nsd "
				     "refuses at start", cpu, a->key);
	}
}

static void list_zones(struct nsd *n)
{
	struct srv_set seen = { 0 };
	struct clause *z;
	char *origin, *dir, *name, *path;
	size_t i;

	dir = zones_dir(n);
	for (i = 0; i < n->nz; i++) {
		z = &n->z[i];
		if (!z->name.s) {
			srv_err(n->s, z->at.file, z->at.line, z->at.col,
				"zone without a name");
			continue;
		}
		/* NSD reads an empty name as the root's */
		if (!(origin = srv_origin(z->name.s[0] ? z->name.s : ".",
					  z->name.s[0] ? strlen(z->name.s) :
					  1))) {
			srv_err(n->s, z->name.file, z->name.line, z->name.col,
				"invalid zone name '%s'", z->name.s);
			continue;
		}
		if (srv_set_add(&seen, origin, i)) {
			srv_err(n->s, z->name.file, z->name.line, z->name.col,
				"duplicate zone name '%s'", z->name.s);
			free(origin);
			continue;
		}
		/* nsd-checkconf: "has allow-notify but no request-xfr
		 * items", the zone's own or its patterns'; checked, as
		 * the next, once the file is read without error */
		if (z->notified && !z->xfr && !n->s->failed)
			srv_err_help(n->s, "add the request-xfr: of the "
				     "primary that notifies, or drop "
				     "allow-notify:", z->name.file,
				     z->name.line, z->name.col, "zone %s has "
				     "allow-notify but no request-xfr, which "
				     "nsd-checkconf refuses", z->name.s);
		/* nsd-checkconf: "a master zone but has no zonefile";
		 * after another error, most likely its follow-on (a
		 * pattern not found, an item not read) */
		if (!z->xfr && (!z->zonefile.s || !z->zonefile.s[0]) &&
		    !n->s->failed)
			srv_err(n->s, z->name.file, z->name.line, z->name.col,
				"zone %s is a primary zone but has no "
				"zonefile", z->name.s);
		name = z->zonefile.s && z->zonefile.s[0] ?
		       cook(z->zonefile.s, z->name.s) : NULL;
		path = name ? srv_resolve(dir, name) : NULL;
		/* nsd changes to zonesdir: a relative $INCLUDE is read
		 * from there. */
		srv_add(n->s, origin, path, z->xfr ? ZL_SERVER_SECONDARY :
			ZL_SERVER_PRIMARY, NULL, z->name.file, z->name.line,
			z->name.col)->include_dir = zl_xstrdup(dir);
		free(path);
		free(name);
		free(origin);
	}
	srv_set_free(&seen);
	free(dir);
}

void zl_server_read_nsd(struct srv *s, struct srv_file *f)
{
	struct nsd n = { 0 };
	size_t i;

	n.s = s;
	read_file(&n, f);
	clause_end(&n);
	check_refs(&n);
	tls_files(&n);
	server_ranges(&n);
	cpu_masks(&n);
	list_zones(&n);
	for (i = 0; i < n.nz; i++)
		clause_free(&n.z[i]);
	for (i = 0; i < n.np; i++)
		clause_free(&n.p[i]);
	free(n.z);
	free(n.p);
	for (i = 0; i < n.nrefs; i++)
		free(n.refs[i].at.s);
	free(n.refs);
	free(n.zonesdir.s);
	free(n.count.s);
	for (i = 0; i < n.nsrvs; i++)
		free(n.srvs[i].s);
	free(n.srvs);
	free(n.cpus);
	for (i = 0; i < n.naff; i++) {
		free(n.aff[i].key);
		free(n.aff[i].v.s);
	}
	free(n.aff);
	for (i = 0; i < 3; i++)
		free(n.tls[i].s);
	srv_set_free(&n.pats);
	srv_set_free(&n.keys);
	srv_set_free(&n.tlss);
}
