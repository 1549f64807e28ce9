/* server_bind_opts.c - which options named 9.18 takes where: the statements of each block, the options it no longer has. */
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

/* named-checkconf: a statement that its block does not take ("unknown
 * option").  The top level takes the statements of named 9.18 and those
 * of later versions (key-store, remote-servers, template), which a
 * configuration for them may hold; options, a view and a zone refuse
 * those of named.conf's grammar that named refuses there.  The options of
 * those blocks are not checked. */
void bind_placed(struct bind *b, enum ctx ctx, const struct tok *w)
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
