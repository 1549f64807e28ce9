/* server_bind_opts.c - which options named 9.18 takes where: in each block, in each zone type, and with which source ports. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

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

static bool zone_takes(const struct tok *w);

/* A server statement's options in named 9.18 (namedconf.c's
 * server_clauses), and those BIND 9.21 adds (request-ixfr-max-diffs,
 * request-zoneversion, require-cookie), which a configuration for it
 * holds; request-sit and support-ixfr are gone (ancient). */
static const char *const server_opts[] = {
	"bogus", "edns", "edns-udp-size", "edns-version", "keys",
	"max-udp-size", "notify-source", "notify-source-v6", "padding",
	"provide-ixfr", "query-source", "query-source-v6", "request-expire",
	"request-ixfr", "request-ixfr-max-diffs", "request-nsid",
	"request-zoneversion", "require-cookie", "send-cookie",
	"tcp-keepalive", "tcp-only", "transfer-format", "transfer-source",
	"transfer-source-v6", "transfers", NULL
};

/* The block ctx as named-checkconf's messages name it: "" at the top. */
static const char *block(enum ctx ctx)
{
	return ctx == C_TOP ? "" : ctx == C_VIEW ? " in a view" :
	       ctx == C_OPTIONS ? " in options" : ctx == C_SERVER ?
	       " in a server" : " in a zone";
}

/* named-checkconf on a statement of options or a view that the block
 * does not take: "unknown option", and the block that takes it or the
 * name it may be a slip of. */
static void unknown(struct bind *b, enum ctx ctx, const struct tok *w)
{
	const char *near;
	bool elsewhere;

	if (bind_block_takes(ctx, w->s, &near, &elsewhere))
		return;
	if (elsewhere)
		srv_err(b->s, w->file, w->line, w->col, "unknown option '%s'%s "
			"(%s)", w->s, block(ctx), ctx == C_VIEW ?
			"taken in options alone" : "taken in a view alone");
	else if (near)
		srv_err(b->s, w->file, w->line, w->col, "unknown option "
			"'%s'%s; did you mean '%s'?", w->s, block(ctx), near);
	else
		srv_err(b->s, w->file, w->line, w->col, "unknown option "
			"'%s'%s", w->s, block(ctx));
}

static const char *zone_once(const struct tok *w);

/* named-checkconf: a statement given twice in one block, where the block
 * takes it once at most ("'recursion' redefined near 'recursion'", at the
 * second): of options and a view, server_bind_names.c's table says which
 * may come again; every option of a zone but plugin (BIND 9.21's) and
 * every option of a server statement comes once (named-checkconf
 * 9.18.49, each given twice, as for the table). */
static void repeated(struct bind *b, enum ctx ctx, const struct tok *w)
{
	struct bblock *k = b->blk;
	const char *name = NULL;
	size_t i;

	if (!k || w->t != T_WORD)
		return;
	if (ctx == C_OPTIONS || ctx == C_VIEW)
		name = bind_block_once(ctx, w->s);
	else if (ctx == C_ZONE)
		name = zone_once(w);
	for (i = 0; ctx == C_SERVER && server_opts[i] && !name; i++)
		if (is(w, server_opts[i]))
			name = server_opts[i];
	if (!name)
		return;
	for (i = 0; i < k->nonce; i++)
		if (k->once[i] == name) {
			srv_err(b->s, w->file, w->line, w->col, "'%s' "
				"redefined near '%s'", name, w->s);
			return;
		}
	zl_xgrow((void **)&k->once, &k->caponce, k->nonce + 1,
		 sizeof *k->once);
	k->once[k->nonce++] = name;
}

/* named-checkconf: a statement that its block does not take ("unknown
 * option").  The top level takes the statements of named 9.18 and those
 * of later versions (key-store, remote-servers, template), which a
 * configuration for them may hold; options and a view take those of
 * server_bind_names.c's table; a zone and a server statement take their
 * own options alone. */
void bind_placed(struct bind *b, enum ctx ctx, const struct tok *w)
{
	static const char *const top[] = {
		"acl", "controls", "dlz", "dnssec-policy", "dyndb", "http",
		"key", "key-store", "logging", "managed-keys", "masters",
		"options", "parental-agents", "plugin", "primaries",
		"remote-servers", "server", "statistics-channels", "template",
		"tls", "trust-anchors", "trusted-keys", "view", "zone", NULL
	};
	const char *gone;

	if (ctx == C_SERVER && (is(w, "request-sit") ||
				is(w, "support-ixfr")))
		gone = w->s;
	else
		gone = w->t == T_WORD ? removed(ctx, w->s) : NULL;
	if (gone) {
		srv_err(b->s, w->file, w->line, w->col, gone == w->s ?
			"option '%s' no longer exists%s" :
			"unknown option '%s'%s", w->s, block(ctx));
		return;
	}
	if (w->t == T_WORD && (ctx == C_OPTIONS || ctx == C_VIEW)) {
		unknown(b, ctx, w);
		repeated(b, ctx, w);
		return;
	}
	if (w->t != T_WORD ||
	    (ctx == C_TOP ? one_of(w, top) :
	     ctx == C_ZONE ? zone_takes(w) :
	     ctx != C_SERVER || one_of(w, server_opts))) {
		repeated(b, ctx, w);
		return;
	}
	srv_err(b->s, w->file, w->line, w->col, "unknown option '%s'%s",
		w->s, block(ctx));
}

/* The zone types of named 9.18, as bits (lib/isccfg/namedconf.c's
 * CFG_ZONE_* flags); delegation-only takes no option but its type. */
enum {
	PRI = 1 << 0,	/* primary, master */
	SEC = 1 << 1,	/* secondary, slave */
	MIR = 1 << 2,	/* mirror */
	STUB = 1 << 3,
	SSTUB = 1 << 4,	/* static-stub */
	FWD = 1 << 5,	/* forward */
	HINT = 1 << 6,
	REDIR = 1 << 7,	/* redirect */
	DELEG = 1 << 8,	/* delegation-only */
	/* the zones named answers queries from */
	SERVED = PRI | SEC | MIR | STUB | SSTUB | REDIR
};

unsigned bind_zone_type(const char *type)
{
	static const struct {
		const char *name;
		unsigned bit;
	} types[] = {
		{ "primary", PRI }, { "master", PRI }, { "secondary", SEC },
		{ "slave", SEC }, { "mirror", MIR }, { "stub", STUB },
		{ "static-stub", SSTUB }, { "forward", FWD }, { "hint", HINT },
		{ "redirect", REDIR }, { "delegation-only", DELEG }
	};
	size_t i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(type, types[i].name) == 0)
			return types[i].bit;
	return 0;
}

/* Token a's place, or b's when a is on another line than b (named
 * names b's line); no text. */
static struct tok on_line_of(const struct tok *a, const struct tok *b)
{
	const struct tok *t = a->file == b->file && a->line == b->line ? a :
			      b;

	return (struct tok){ .file = t->file, .line = t->line, .col = t->col };
}

/* Where named-checkconf names an option: on the line of its name when its
 * value is a tuple (a list with an optional port before it, an address
 * with an optional port after it), else on the line of the value's first
 * token (a word, or the '{' of a list). */
enum { VAL, KW };

/* The options of a zone statement and the zone types that take each, as
 * named 9.18's grammar has them (namedconf.c's zone_clauses and
 * zone_only_clauses; in-view, which takes only forward and forwarders
 * beside it, is bind_finish's).  named-checkconf refuses one in a zone of
 * another type: "option 'allow-update' is not allowed in 'secondary'
 * zone".  Those BIND 9.20 and 9.21 add (their namedconf.c: check-svcb,
 * checkds, initial-file, log-report-channel, min-transfer-rate-in,
 * notify-cds, notify-defer, plugin, provide-zoneversion,
 * request-ixfr-max-diffs, send-report-channel, template) are taken in the
 * zone types those versions take them in, as options and a view take
 * theirs (server_bind_names.c): named 9.18 refuses them as unknown, but a
 * configuration written for a later version holds them.  Sorted by name,
 * for bsearch. */
static const struct zopt {
	const char *name;
	unsigned types;
	int at;		/* VAL or KW */
} zopts[] = {
	{ "allow-notify", SEC | MIR, VAL },
	{ "allow-query", SERVED, VAL },
	{ "allow-query-on", SERVED, VAL },
	{ "allow-transfer", PRI | SEC | MIR, KW },
	{ "allow-update", PRI, VAL },
	{ "allow-update-forwarding", SEC | MIR, VAL },
	{ "also-notify", PRI | SEC | MIR, KW },
	{ "alt-transfer-source", PRI | SEC | MIR, KW },
	{ "alt-transfer-source-v6", PRI | SEC | MIR, KW },
	{ "auto-dnssec", PRI | SEC, VAL },
	{ "check-dup-records", PRI, VAL },
	{ "check-integrity", PRI, VAL },
	{ "check-mx", PRI, VAL },
	{ "check-mx-cname", PRI, VAL },
	{ "check-names", PRI | SEC | MIR | STUB | HINT, VAL },
	{ "check-sibling", PRI, VAL },
	{ "check-spf", PRI, VAL },
	{ "check-srv-cname", PRI, VAL },
	{ "check-svcb", PRI, VAL },
	{ "check-wildcard", PRI, VAL },
	{ "checkds", PRI | SEC, VAL },
	{ "database", PRI | SEC | MIR | STUB, VAL },
	{ "delegation-only", STUB | FWD | HINT, VAL },
	{ "dialup", PRI | SEC | STUB, VAL },
	{ "dlz", PRI | SEC | REDIR, VAL },
	{ "dnskey-sig-validity", PRI | SEC, VAL },
	{ "dnssec-dnskey-kskonly", PRI | SEC, VAL },
	{ "dnssec-loadkeys-interval", PRI | SEC, VAL },
	{ "dnssec-policy", PRI | SEC, VAL },
	{ "dnssec-secure-to-insecure", PRI, VAL },
	{ "dnssec-update-mode", PRI | SEC, VAL },
	{ "file", PRI | SEC | MIR | STUB | HINT | REDIR, VAL },
	{ "forward", PRI | SEC | STUB | SSTUB | FWD, VAL },
	{ "forwarders", PRI | SEC | STUB | SSTUB | FWD, KW },
	{ "initial-file", PRI, VAL },
	{ "inline-signing", PRI | SEC, VAL },
	{ "ixfr-from-differences", PRI | SEC | MIR, VAL },
	{ "journal", PRI | SEC | MIR, VAL },
	{ "key-directory", PRI | SEC, VAL },
	{ "log-report-channel", PRI | SEC, VAL },
	{ "masterfile-format", PRI | SEC | MIR | STUB | REDIR, VAL },
	{ "masterfile-style", PRI | SEC | MIR | STUB | REDIR, VAL },
	{ "masters", SEC | MIR | STUB | REDIR, KW },
	{ "max-ixfr-ratio", PRI | SEC | MIR, VAL },
	{ "max-journal-size", PRI | SEC | MIR, VAL },
	{ "max-records", SERVED, VAL },
	{ "max-records-per-type", SERVED, VAL },
	{ "max-refresh-time", SEC | MIR | STUB, VAL },
	{ "max-retry-time", SEC | MIR | STUB, VAL },
	{ "max-transfer-idle-in", SEC | MIR | STUB, VAL },
	{ "max-transfer-idle-out", PRI | SEC | MIR, VAL },
	{ "max-transfer-time-in", SEC | MIR | STUB, VAL },
	{ "max-transfer-time-out", PRI | SEC | MIR, VAL },
	{ "max-types-per-name", SERVED, VAL },
	{ "max-zone-ttl", PRI | REDIR, VAL },
	{ "min-refresh-time", SEC | MIR | STUB, VAL },
	{ "min-retry-time", SEC | MIR | STUB, VAL },
	{ "min-transfer-rate-in", SEC | MIR | STUB, KW },
	{ "multi-master", SEC | MIR | STUB, VAL },
	{ "notify", PRI | SEC | MIR, VAL },
	{ "notify-cds", PRI | SEC, VAL },
	{ "notify-defer", PRI | SEC | MIR, VAL },
	{ "notify-delay", PRI | SEC | MIR, VAL },
	{ "notify-source", PRI | SEC | MIR, KW },
	{ "notify-source-v6", PRI | SEC | MIR, KW },
	{ "notify-to-soa", PRI | SEC, VAL },
	{ "nsec3-test-zone", PRI | SEC, VAL },
	{ "parental-agents", PRI | SEC, KW },
	{ "parental-source", PRI | SEC, KW },
	{ "parental-source-v6", PRI | SEC, KW },
	{ "plugin", PRI | SEC | MIR | REDIR, KW },
	{ "primaries", SEC | MIR | STUB | REDIR, KW },
	{ "provide-zoneversion", PRI | SEC | MIR, VAL },
	{ "request-expire", SEC | MIR, VAL },
	{ "request-ixfr", SEC | MIR, VAL },
	{ "request-ixfr-max-diffs", SEC | MIR, VAL },
	{ "send-report-channel", PRI | SEC, VAL },
	{ "serial-update-method", PRI, VAL },
	{ "server-addresses", SSTUB, VAL },
	{ "server-names", SSTUB, VAL },
	{ "sig-signing-nodes", PRI | SEC, VAL },
	{ "sig-signing-signatures", PRI | SEC, VAL },
	{ "sig-signing-type", PRI | SEC, VAL },
	{ "sig-validity-interval", PRI | SEC, KW },
	{ "template", SERVED | FWD | HINT, VAL },
	{ "transfer-source", SEC | MIR | STUB, KW },
	{ "transfer-source-v6", SEC | MIR | STUB, KW },
	{ "try-tcp-refresh", SEC | MIR, VAL },
	{ "update-check-ksk", PRI | SEC, VAL },
	{ "update-policy", PRI, VAL },
	{ "use-alt-transfer-source", SEC | MIR | STUB, VAL },
	{ "zero-no-soa-ttl", PRI | SEC | MIR, VAL },
	{ "zone-statistics", SERVED, VAL }
};
_Static_assert(sizeof zopts / sizeof zopts[0] <= 256, "bzopt.opt is 8 bits");

/* dialup's modes each zone type takes (check.c's dialups); yes and no
 * are taken where dialup is. */
static const struct {
	const char *name;
	unsigned types;
} dialups[] = {
	{ "notify", PRI | SEC }, { "notify-passive", SEC },
	{ "passive", SEC | STUB }, { "refresh", SEC | STUB }
};

static int zopt_cmp(const void *key, const void *elt)
{
	return strcasecmp(key, ((const struct zopt *)elt)->name);
}

/* The name of zone option w as held here (a static string) when a zone
 * takes it once at most: its type, in-view, or one of the table but
 * plugin, which BIND 9.21 takes more than once; else NULL. */
static const char *zone_once(const struct tok *w)
{
	const struct zopt *o;

	if (is(w, "type") || is(w, "in-view"))
		return is(w, "type") ? "type" : "in-view";
	o = bsearch(w->s, zopts, sizeof zopts / sizeof zopts[0],
		    sizeof zopts[0], zopt_cmp);
	return o && strcmp(o->name, "plugin") != 0 ? o->name : NULL;
}

/* Whether a zone statement takes option w: one of the table, its type
 * or in-view (an ancient one is removed's). */
static bool zone_takes(const struct tok *w)
{
	return is(w, "type") || is(w, "in-view") ||
	       bsearch(w->s, zopts, sizeof zopts / sizeof zopts[0],
		       sizeof zopts[0], zopt_cmp) != NULL;
}

void bind_zone_option(struct bind *b, const struct tok *kw,
		      const struct tok *val, const struct tok *args, size_t n)
{
	const struct zopt *o;
	struct bzopt *u;
	size_t i;

	if (kw->t != T_WORD ||
	    !(o = bsearch(kw->s, zopts, sizeof zopts / sizeof zopts[0],
			  sizeof zopts[0], zopt_cmp)))
		return;
	zl_xgrow((void **)&b->zopts, &b->capzopts, b->nzopts + 1,
		 sizeof *b->zopts);
	u = &b->zopts[b->nzopts++];
	u->opt = (uint8_t)(o - zopts);
	u->dialup = -1;
	for (i = 0; n == 2 && is(kw, "dialup") &&
	     i < sizeof dialups / sizeof dialups[0]; i++)
		if (is(&args[1], dialups[i].name))
			u->dialup = (int8_t)i;
	/* at the option's name when named names its line */
	u->at = on_line_of(kw, o->at == KW || !val->file ? kw : val);
}

/* Whether option i of the table is name. */
static bool zopt_is(size_t i, const char *name)
{
	return strcmp(zopts[i].name, name) == 0;
}

/* named-checkconf on an option a zone of type takes, u: a mode of dialup
 * the type does not take; in a secondary zone, dnssec-loadkeys-interval,
 * of the keys named signs with, which it has only when it signs the zone
 * inline (signs, bind_signs_inline: BIND 9.20 does by default under a
 * dnssec-policy).  named 9.18 refuses dnssec-dnskey-kskonly and
 * update-check-ksk there too, which BIND 9.20 and 9.21 take (obsolete,
 * ignored): a configuration either takes is taken. */
static void zone_option_use(struct bind *b, const struct pzone *z,
			    unsigned type, const struct bzopt *u, bool signs)
{
	const char *name = zopts[u->opt].name;

	if (u->dialup >= 0 && !(dialups[u->dialup].types & type))
		srv_err(b->s, u->at.file, u->at.line, u->at.col, "dialup "
			"mode '%s' is not allowed in '%s' zone '%s'",
			dialups[u->dialup].name, z->type,
			z->origin ? z->origin : "");
	if (type == SEC && zopt_is(u->opt, "dnssec-loadkeys-interval") &&
	    !signs)
		srv_err(b->s, u->at.file, u->at.line, u->at.col, "zone '%s': "
			"'%s' requires inline-signing in a secondary zone",
			z->origin ? z->origin : "", name);
}

void bind_zone_options(struct bind *b, const struct pzone *z, bool signs)
{
	unsigned type = z->type && !z->retyped && !z->in_view ?
			bind_zone_type(z->type) : 0;
	const struct bzopt *u, *primaries = NULL;
	bool masters = false;
	size_t i;

	for (i = 0; type && i < b->nzopts; i++) {
		u = &b->zopts[i];
		if (!(zopts[u->opt].types & type)) {
			srv_err(b->s, u->at.file, u->at.line, u->at.col,
				"option '%s' is not allowed in '%s' zone '%s'",
				zopts[u->opt].name, z->type,
				z->origin ? z->origin : "");
			continue;
		}
		zone_option_use(b, z, type, u, signs);
		if (zopt_is(u->opt, "primaries"))
			primaries = u;
		masters |= zopt_is(u->opt, "masters");
	}
	/* the two names of one list, where the type takes it (a redirect
	 * zone's list named does not check) */
	if (primaries && masters && type != REDIR)
		srv_err(b->s, primaries->at.file, primaries->at.line,
			primaries->at.col, "zone '%s': 'primaries' and "
			"'masters' cannot both be used", z->origin ?
			z->origin : "");
	b->nzopts = 0;
}

/* The source options whose port named holds to the one it listens on,
 * and the blocks it does so in (check.c, named 9.18.49): o options, v a
 * view, s a server, z a zone, and i options for each zone that does not
 * set the option itself (a view's it does not look at).  Others, and
 * these elsewhere, may name any port (transfer-source in a view,
 * alt-transfer-source anywhere). */
static const struct {
	const char *name, *where;
} sources[] = {
	{ "query-source", "ovs" }, { "query-source-v6", "ovs" },
	{ "transfer-source", "isz" }, { "transfer-source-v6", "isz" },
	{ "notify-source", "isz" }, { "notify-source-v6", "isz" },
	{ "parental-source", "iz" }, { "parental-source-v6", "iz" }
};

bool bind_source(struct bind *b, enum ctx ctx, const struct tok *args,
		 size_t n)
{
	char c = ctx == C_VIEW ? 'v' : ctx == C_SERVER ? 's' :
		 ctx == C_ZONE ? 'z' : 0;
	struct bqsrc *q;
	struct tok at;
	int64_t port;
	size_t i, k;
	bool v6;

	for (k = 0; k < sizeof sources / sizeof sources[0]; k++)
		if (is(&args[0], sources[k].name))
			break;
	if (k == sizeof sources / sizeof sources[0])
		return false;
	if (ctx == C_OPTIONS)
		c = strchr(sources[k].where, 'o') ? 'o' : 'i';
	if (!c || !strchr(sources[k].where, c))
		return false;
	if (ctx == C_ZONE)
		b->z[b->nz - 1].sources |= (uint8_t)(1u << k);
	/* named: a server's source options are of its address family */
	v6 = strstr(sources[k].name, "-v6") != NULL;
	if (ctx == C_SERVER && b->server &&
	    (strchr(b->server, ':') != NULL) != v6) {
		at = on_line_of(&args[0], &b->server_at);
		srv_err(b->s, at.file, at.line, at.col, "server '%s': '%s' "
			"not legal for an IPv%c server", b->server,
			sources[k].name, v6 ? '4' : '6');
		return true;
	}
	for (i = 1; i + 1 < n; i++) {
		if (!is(&args[i], "port") || !bind_port(&args[i + 1], &port))
			continue;
		zl_xgrow((void **)&b->qsrc, &b->capqsrc, b->nqsrc + 1,
			 sizeof *b->qsrc);
		q = &b->qsrc[b->nqsrc++];
		/* named names the line of a query-source's ';' (the port
		 * itself when it is on that line), of another's name */
		at = !strncmp(sources[k].name, "query-", 6) && b->end.file ?
		     on_line_of(&args[i + 1], &b->end) :
		     (struct tok){ .file = args[0].file, .line = args[0].line,
				   .col = args[0].col };
		*q = (struct bqsrc){ .file = at.file, .name = sources[k].name,
				     .line = at.line, .col = at.col,
				     .port = (uint32_t)port,
				     .zones = c == 'i' ? (uint8_t)(1u << k) :
						0 };
		break;
	}
	return true;
}

/* Where named-checkconf names it: forward at its value.  (named 9.18
 * also refuses sig-validity-interval and dnskey-sig-validity beside a
 * dnssec-policy in one block; BIND 9.21 takes both there, obsolete and
 * ignored, so a configuration that holds them is taken.) */
void bind_block_option(struct bind *b, const struct tok *kw,
		       const struct tok *val)
{
	struct bblock *k = b->blk;

	if (!k || kw->t != T_WORD)
		return;
	k->forwarders |= is(kw, "forwarders");
	if (is(kw, "forward") && !k->forward.file)
		k->forward = on_line_of(kw, !val->file ? kw : val);
}

/* The kinds of zone or answer check-names takes in options and a view
 * (namedconf.c's checktype), in any case. */
const char *const bind_kinds[BIND_KINDS] = { "primary", "master",
	"secondary", "slave", "response" };

/* check.c on the check-names of options or a view, at the first: a kind
 * of zone named twice, or under both its names (response, which is no
 * zone's, may come twice). */
static void names_end(struct bind *b, const struct bblock *k)
{
	const struct tok *at = &k->names;
	size_t i;

	for (i = 0; i < 4; i++)
		if (k->twice & (1u << i))
			srv_err(b->s, at->file, at->line, at->col,
				"'check-names %s' duplicated", bind_kinds[i]);
	/* primary and master, secondary and slave: bits 0 and 1, 2 and 3 */
	for (i = 0; i < 4; i += 2)
		if (((k->kinds >> i) & 3) == 3)
			srv_err(b->s, at->file, at->line, at->col,
				"'check-names' cannot take both '%s' and '%s'",
				bind_kinds[i], bind_kinds[i + 1]);
}

/* check.c: check_forward on options, each view and each zone (but an
 * in-view one, which named does not check); the check-names of options
 * and a view. */
void bind_block_end(struct bind *b, const struct bblock *k)
{
	if (k->names.file)
		names_end(b, k);
	if (k->forward.file && !k->forwarders)
		srv_err(b->s, k->forward.file, k->forward.line,
			k->forward.col, "no matching 'forwarders' statement");
}
