/* server_nsd_value.c - the values of nsd.conf's yes-or-no and number items and the addresses of its access lists, as NSD 4.6's parser takes them. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_nsd.h"
#include "util/util.h"

/* The items whose value NSD 4.6's grammar (configparser.y) checks: a
 * yes or no, written so (not YES, not on), or a number, decimal digits
 * alone (no sign, no 0x, no blank; any size); some numbers must be above
 * zero.  Asked item by item of nsd-checkconf 4.6 ("expected yes or no",
 * "expected a number", "expected a number greater than zero"). */
static const struct {
	const char *name;
	char type;	/* 'b' yes or no, 'n' a number, 'p' one above 0,
			 * 'c' a CPU number (each value), 'e' a number or
			 * "refresh+retry+1", 'h' an NSID */
} items[] = {
	{ "allow-axfr-fallback", 'b' }, { "answer-cookie", 'b' },
	{ "confine-to-zone", 'b' }, { "control-enable", 'b' },
	{ "control-port", 'p' }, { "cpu-affinity", 'c' },
	{ "create-ixfr", 'b' },
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
	{ "max-retry-time", 'n' }, { "min-expire-time", 'e' },
	{ "min-refresh-time", 'n' },
	{ "min-retry-time", 'n' }, { "minimal-responses", 'b' },
	{ "multi-master-check", 'b' }, { "notify-retry", 'n' },
	{ "nsid", 'h' },
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

/* Whether v is CPU numbers as cpu-affinity takes them, in a word or a
 * quoted string: decimal digits, parted by blanks ("0 1"). */
static bool cpus(const char *v)
{
	size_t n;

	for (v += strspn(v, " \t\r\n"); *v; v += strspn(v, " \t\r\n")) {
		n = strspn(v, "0123456789");
		if (!n || (v[n] && !strchr(" \t\r\n", v[n])))
			return false;
		v += n;
	}
	return true;
}

const char *srv_nsd_value(const char *name, const char *v)
{
	char type = type_of(name);
	size_t len = strlen(v);

	if (type == 'b')
		return strcmp(v, "yes") && strcmp(v, "no") ?
		       "takes yes or no" : NULL;
	/* RFC 5001 section 2.3: the NSID's bytes, in hex pairs, or text */
	if (type == 'h' && strncmp(v, "ascii_", 6))
		return len % 2 ? "takes hex digits in pairs or ascii_TEXT" :
		       strspn(v, "0123456789abcdefABCDEF") != len ?
		       "takes hex digits or ascii_TEXT" : NULL;
	if (type == 'c')
		return cpus(v) ? NULL : "takes CPU numbers (decimal digits)";
	if (!type || type == 'h' ||
	    (type == 'e' && !strcmp(v, "refresh+retry+1")))
		return NULL;
	if (!*v || strspn(v, "0123456789") != strlen(v))
		return type == 'e' ? "takes a number or refresh+retry+1" :
		       "takes a number (decimal digits)";
	if (type == 'p' && strspn(v, "0") == strlen(v))
		return "takes a number above zero";
	return NULL;
}

/* NSD's atoi: blanks, a sign, digits; the rest is passed over. */
static long lead(const char *p)
{
	return strtol(p, NULL, 10);
}

/* As NSD 4.6's acl_addr_parse (options.c) reads an access list's
 * address: the port after the last '@' a number other than 0, then a
 * prefix length after '/' (0 to 32 or 128), a mask after '&' or the end
 * of a span after '-', and the address: IPv6 when it holds a ':',
 * else IPv4, each as inet_pton reads it. */
const char *srv_nsd_address(const char *addr, bool *range)
{
	char *a = zl_xstrdup(addr), *p, *r = NULL, kind = 0;
	const char *why = NULL;
	unsigned char bin[16];
	int af;
	long bits;

	if ((p = strrchr(a, '@'))) {
		*p++ = 0;
		if (lead(p) == 0)
			why = "no port number after '@'";
	}
	if ((r = strchr(a, '/')) || (r = strchr(a, '&')) ||
	    (r = strchr(a, '-'))) {
		kind = *r;
		*r++ = 0;
	}
	*range = kind != 0;
	af = strchr(a, ':') ? AF_INET6 : AF_INET;
	if (why)
		;
	else if (inet_pton(af, a, bin) != 1)
		why = af == AF_INET6 ? "not an IPv6 address" :
		      "not an IPv4 address";
	else if (kind == '/' && (bits = lead(r)) == 0 && strcmp(r, "0"))
		why = "a prefix length that is no number";
	else if (kind == '/' && (bits < 0 || bits > (af == AF_INET6 ?
						     128 : 32)))
		why = "a prefix length out of range";
	else if (kind && kind != '/' && inet_pton(af, r, bin) != 1)
		why = kind == '&' ? "a mask that is no address of its family" :
		      "a span whose end is no address of its family";
	free(a);
	return why;
}
