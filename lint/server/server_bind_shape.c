/* server_bind_shape.c - the words named takes between a block statement's name and its '{', and the '{' it needs. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* The statements whose value is a block, with the number of words named
 * 9.18 takes between the statement's name and the '{' (a name, or a
 * dyndb's name and driver), where: t the top, o options, v a view, z a
 * zone.  Found by giving each statement, in each block named-checkconf
 * 9.18.49 takes it in, three words before its '{', then none, then no
 * block: "'{' expected near 'extra'" at the word past those it takes,
 * "expected string near '{'" without its name, "'{' expected near ';'"
 * without a block.  key-store (BIND 9.20) and template (BIND 9.21) are
 * taken with their names.  The statements of a block named reads for
 * them (a logging channel, a dnssec-policy's keys, ...) name that block's
 * statement (parent) instead.  Not here: those whose words zonelint reads
 * elsewhere (zone, view, the lists of servers with their ports,
 * update-policy, listen-on, allow-transfer), and plugin, whose block
 * may be left out.  Sorted by name. */
static const struct shape {
	const char *name, *where;
	unsigned words;
	const char *parent;
} shapes[] = {
	{ "acl", "t", 1, NULL },
	{ "allow-notify", "ovz", 0, NULL },
	{ "allow-query", "ovz", 0, NULL },
	{ "allow-query-cache", "ov", 0, NULL },
	{ "allow-query-cache-on", "ov", 0, NULL },
	{ "allow-query-on", "ovz", 0, NULL },
	{ "allow-recursion", "ov", 0, NULL },
	{ "allow-recursion-on", "ov", 0, NULL },
	{ "allow-update", "ovz", 0, NULL },
	{ "allow-update-forwarding", "ovz", 0, NULL },
	{ "avoid-v4-udp-ports", "o", 0, NULL },
	{ "avoid-v6-udp-ports", "o", 0, NULL },
	{ "blackhole", "o", 0, NULL },
	{ "catalog-zones", "ov", 0, NULL },
	{ "category", "", 1, "logging" },
	{ "channel", "", 1, "logging" },
	{ "controls", "t", 0, NULL },
	{ "deny-answer-addresses", "ov", 0, NULL },
	{ "deny-answer-aliases", "ov", 0, NULL },
	{ "disable-algorithms", "ov", 1, NULL },
	{ "disable-ds-digests", "ov", 1, NULL },
	{ "dlz", "tv", 1, NULL },
	{ "dnssec-policy", "t", 1, NULL },
	{ "dnstap", "ov", 0, NULL },
	{ "dyndb", "tv", 2, NULL },
	{ "endpoints", "", 0, "http" },
	{ "exempt-clients", "", 0, "rate-limit" },
	{ "http", "t", 1, NULL },
	{ "keep-response-order", "o", 0, NULL },
	{ "key", "tv", 1, NULL },
	{ "key-store", "t", 1, NULL },
	{ "keys", "", 0, "dnssec-policy" },
	{ "logging", "t", 0, NULL },
	{ "managed-keys", "tv", 0, NULL },
	{ "match-clients", "v", 0, NULL },
	{ "match-destinations", "v", 0, NULL },
	{ "no-case-compress", "ov", 0, NULL },
	{ "options", "t", 0, NULL },
	{ "protocols", "", 0, "tls" },
	{ "rate-limit", "ov", 0, NULL },
	{ "response-padding", "ov", 0, NULL },
	{ "response-policy", "ov", 0, NULL },
	{ "rrset-order", "ov", 0, NULL },
	{ "server", "tv", 1, NULL },
	{ "server-addresses", "z", 0, NULL },
	{ "server-names", "z", 0, NULL },
	{ "sortlist", "ov", 0, NULL },
	{ "statistics-channels", "t", 0, NULL },
	{ "template", "t", 1, NULL },
	{ "tls", "t", 1, NULL },
	{ "trust-anchors", "tv", 0, NULL },
	{ "trusted-keys", "tv", 0, NULL },
	{ "use-v4-udp-ports", "o", 0, NULL },
	{ "use-v6-udp-ports", "o", 0, NULL },
	{ "validate-except", "ov", 0, NULL },
};

static int shape_cmp(const void *key, const void *elt)
{
	return strcasecmp(key, ((const struct shape *)elt)->name);
}

/* What named calls the word t in a message: '"' for a quoted one, as its
 * lexer's token begins. */
static const char *near(const struct tok *t)
{
	return t->t == T_STR ? "\"" : t->s;
}

void bind_shape(struct bind *b, enum ctx ctx, const struct tok *args,
		size_t n, const struct tok *end)
{
	char where = ctx == C_TOP ? 't' : ctx == C_OPTIONS ? 'o' :
		     ctx == C_VIEW ? 'v' : ctx == C_ZONE ? 'z' : 0;
	const struct shape *k;
	const char *at = end ? (end->t == T_LBRACE ? "{" : ";") : NULL;

	if (n == 0 || args[0].t != T_WORD ||
	    !(k = bsearch(args[0].s, shapes, sizeof shapes / sizeof shapes[0],
			  sizeof shapes[0], shape_cmp)))
		return;
	if (k->parent ? !b->parent || strcasecmp(b->parent, k->parent) :
	    !where || !strchr(k->where, where))
		return;
	if (n - 1 > k->words) {
		srv_err(b->s, args[k->words + 1].file, args[k->words + 1].line,
			args[k->words + 1].col, "%s near '%s'",
			is(&args[0], "dyndb") ? "expected bracketed text" :
			"'{' expected", near(&args[k->words + 1]));
	} else if (!end) {
		return;		/* a '}' or the end, said as a ';' missing */
	} else if (n - 1 < k->words) {
		srv_err(b->s, end->file, end->line, end->col, "expected %s "
			"near '%s'", is(&args[0], "server") ? "IP address or "
			"IPv4 prefix" : "string", at);
	} else if (end->t != T_LBRACE) {
		srv_err(b->s, end->file, end->line, end->col, "'{' expected "
			"near ';'");
	}
}
