/* server_nsd_value.c - the values of nsd.conf's yes-or-no and number items, as NSD 4.6's parser takes them. */
#include <string.h>
#include <strings.h>

#include "server_nsd.h"

/* The items whose value NSD 4.6's grammar (configparser.y) checks: a
 * yes or no, written so (not YES, not on), or a number, decimal digits
 * alone (no sign, no 0x, no blank; any size); some numbers must be above
 * zero.  Asked item by item of nsd-checkconf 4.6 ("expected yes or no",
 * "expected a number", "expected a number greater than zero"). */
static const struct {
	const char *name;
	char type;	/* 'b' yes or no, 'n' a number, 'p' one above 0 */
} items[] = {
	{ "allow-axfr-fallback", 'b' }, { "answer-cookie", 'b' },
	{ "confine-to-zone", 'b' }, { "control-enable", 'b' },
	{ "control-port", 'p' }, { "create-ixfr", 'b' },
	{ "debug-mode", 'b' }, { "dnstap-enable", 'b' },
	{ "dnstap-log-auth-query-messages", 'b' },
	{ "dnstap-log-auth-response-messages", 'b' },
	{ "dnstap-send-identity", 'b' }, { "dnstap-send-version", 'b' },
	{ "do-ip4", 'b' }, { "do-ip6", 'b' }, { "drop-updates", 'b' },
	{ "enable", 'b' }, { "hide-identity", 'b' },
	{ "hide-version", 'b' }, { "ip-freebind", 'b' },
	{ "ip-transparent", 'b' }, { "ip4-only", 'b' },
	{ "ip6-only", 'b' }, { "ipv4-edns-size", 'n' },
	{ "ipv6-edns-size", 'n' }, { "ixfr-number", 'n' },
	{ "ixfr-size", 'n' }, { "log-only-syslog", 'b' },
	{ "log-time-ascii", 'b' }, { "max-refresh-time", 'n' },
	{ "max-retry-time", 'n' }, { "min-refresh-time", 'n' },
	{ "min-retry-time", 'n' }, { "minimal-responses", 'b' },
	{ "multi-master-check", 'b' }, { "notify-retry", 'n' },
	{ "outgoing-tcp-mss", 'n' }, { "port", 'n' },
	{ "receive-buffer-size", 'n' }, { "refuse-any", 'b' },
	{ "reuseport", 'b' }, { "round-robin", 'b' },
	{ "rrl-ipv4-prefix-length", 'n' },
	{ "rrl-ipv6-prefix-length", 'n' }, { "rrl-ratelimit", 'n' },
	{ "rrl-size", 'p' }, { "rrl-slip", 'n' },
	{ "rrl-whitelist-ratelimit", 'n' }, { "send-buffer-size", 'n' },
	{ "server-count", 'p' }, { "size-limit-xfr", 'p' },
	{ "statistics", 'n' }, { "store-ixfr", 'b' },
	{ "tcp-count", 'p' }, { "tcp-mss", 'n' },
	{ "tcp-query-count", 'n' }, { "tcp-reject-overflow", 'b' },
	{ "tcp-timeout", 'n' }, { "tls-port", 'n' },
	{ "use-systemd", 'b' }, { "verbosity", 'n' },
	{ "verifier-count", 'n' }, { "verifier-feed-zone", 'b' },
	{ "verifier-timeout", 'n' }, { "verify-zone", 'b' },
	{ "verify-zones", 'b' }, { "xfrd-cpu-affinity", 'n' },
	{ "xfrd-reload-timeout", 'n' }, { "xfrd-tcp-max", 'n' },
	{ "xfrd-tcp-pipeline", 'n' }, { "zonefiles-check", 'b' },
	{ "zonefiles-write", 'n' },
};

/* The type of item name (any case), 0 for one not checked. */
static char type_of(const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < sizeof items / sizeof items[0]; i++)
		if (!strcasecmp(name, items[i].name))
			return items[i].type;
	/* server-N-cpu-affinity */
	if (!strncasecmp(name, "server-", 7) && len > 20 &&
	    !strcasecmp(name + len - 13, "-cpu-affinity"))
		return 'n';
	return 0;
}

const char *srv_nsd_value(const char *name, const char *v)
{
	char type = type_of(name);

	if (type == 'b')
		return strcmp(v, "yes") && strcmp(v, "no") ?
		       "takes yes or no" : NULL;
	if (!type)
		return NULL;
	if (!*v || strspn(v, "0123456789") != strlen(v))
		return "takes a number (decimal digits)";
	if (type == 'p' && strspn(v, "0") == strlen(v))
		return "takes a number above zero";
	return NULL;
}
