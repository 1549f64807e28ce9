/* server_bind_names.c - the statements named 9.18 takes in options and in a view, for "unknown option". */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"
#include "server_bind.h"

/* Where a statement is taken: O options, V a view; LATER: only by BIND
 * versions after 9.18 (9.20 and 9.21's namedconf.c), which named 9.18
 * refuses but a configuration written for them holds; MULTI: it may be
 * given more than once in a block that takes it, where named refuses
 * any other twice ("'recursion' redefined").  Those were found as the
 * names were, with named-checkconf 9.18.49: each taken name given twice
 * with one value, "options { NAME V; NAME V; frob; };" and the same in a
 * view, the first V of a list that named reads as the name's value (it
 * then reports the unknown 'frob', or "redefined" at the second name);
 * dnsrps-enable and dnsrps-options, left out of that build, are taken
 * once as namedconf.c says, and those of later versions are not judged.
 * A name MULTI in one block is MULTI in the other. */
enum { O = 1 << 0, V = 1 << 1, LATER = 1 << 2, MULTI = 1 << 3 };

/* Each name was tried with named-checkconf 9.18.49, as "options { NAME; };"
 * and "view v { NAME; };": a name it took (any answer but "unknown option"
 * or "no longer exists": a missing value, a deprecation or obsolescence
 * warning, a feature left out at compile time) is here, for the blocks
 * that took it.  The names tried were those of libisccfg's strings (and
 * every tail of them: the linker shares "zone" with a longer string),
 * named.conf(5)'s grammar, and the ARM; 256 of 5,428 were taken.  Those
 * that no longer exist are removed's (server_bind_opts.c).  Sorted by
 * name, for bsearch. */
static const struct bname {
	const char *name;
	unsigned where;
} names[] = {
	{ "allow-new-zones", O | V },
	{ "allow-notify", O | V },
	{ "allow-proxy", O | V | LATER },
	{ "allow-proxy-on", O | V | LATER },
	{ "allow-query", O | V },
	{ "allow-query-cache", O | V },
	{ "allow-query-cache-on", O | V },
	{ "allow-query-on", O | V },
	{ "allow-recursion", O | V },
	{ "allow-recursion-on", O | V },
	{ "allow-transfer", O | V },
	{ "allow-update", O | V },
	{ "allow-update-forwarding", O | V },
	{ "also-notify", O | V },
	{ "alt-transfer-source", O | V },
	{ "alt-transfer-source-v6", O | V },
	{ "answer-cookie", O },
	{ "attach-cache", O | V },
	{ "auth-nxdomain", O | V },
	{ "auto-dnssec", O | V },
	{ "automatic-interface-scan", O },
	{ "avoid-v4-udp-ports", O },
	{ "avoid-v6-udp-ports", O },
	{ "bindkeys-file", O },
	{ "blackhole", O },
	{ "catalog-zones", O | V },
	{ "check-dup-records", O | V },
	{ "check-integrity", O | V },
	{ "check-mx", O | V },
	{ "check-mx-cname", O | V },
	{ "check-names", O | V | MULTI },
	{ "check-sibling", O | V },
	{ "check-spf", O | V },
	{ "check-srv-cname", O | V },
	{ "check-svcb", O | V | LATER },
	{ "check-wildcard", O | V },
	{ "clients-per-query", O | V },
	{ "cookie-algorithm", O },
	{ "cookie-secret", O | MULTI },
	{ "coresize", O },
	{ "datasize", O },
	{ "deny-answer-addresses", O | V },
	{ "deny-answer-aliases", O | V },
	{ "dialup", O | V },
	{ "directory", O },
	{ "disable-algorithms", O | V | MULTI },
	{ "disable-ds-digests", O | V | MULTI },
	{ "disable-empty-zone", O | V | MULTI },
	{ "dlz", V | MULTI },
	{ "dns64", O | V | MULTI },
	{ "dns64-contact", O | V },
	{ "dns64-server", O | V },
	{ "dnskey-sig-validity", O | V },
	{ "dnsrps-enable", O | V },
	{ "dnsrps-library", O | LATER },
	{ "dnsrps-options", O | V },
	{ "dnssec-accept-expired", O | V },
	{ "dnssec-dnskey-kskonly", O | V },
	{ "dnssec-loadkeys-interval", O | V },
	{ "dnssec-must-be-secure", O | V | MULTI },
	{ "dnssec-policy", O | V },
	{ "dnssec-secure-to-insecure", O | V },
	{ "dnssec-update-mode", O | V },
	{ "dnssec-validation", O | V },
	{ "dnstap", O | V },
	{ "dnstap-identity", O },
	{ "dnstap-output", O },
	{ "dnstap-version", O },
	{ "dscp", O },
	{ "dual-stack-servers", O | V },
	{ "dump-file", O },
	{ "dyndb", V | MULTI },
	{ "edns-udp-size", O | V },
	{ "empty-contact", O | V },
	{ "empty-server", O | V },
	{ "empty-zones-enable", O | V },
	{ "fetch-quota-params", O | V },
	{ "fetches-per-server", O | V },
	{ "fetches-per-zone", O | V },
	{ "files", O },
	{ "flush-zones-on-shutdown", O },
	{ "forward", O | V },
	{ "forwarders", O | V },
	{ "fstrm-set-buffer-hint", O },
	{ "fstrm-set-flush-timeout", O },
	{ "fstrm-set-input-queue-size", O },
	{ "fstrm-set-output-notify-threshold", O },
	{ "fstrm-set-output-queue-model", O },
	{ "fstrm-set-output-queue-size", O },
	{ "fstrm-set-reopen-interval", O },
	{ "geoip-directory", O },
	{ "glue-cache", O | V },
	{ "heartbeat-interval", O },
	{ "hostname", O },
	{ "http-listener-clients", O },
	{ "http-port", O },
	{ "http-streams-per-connection", O },
	{ "https-port", O },
	{ "include", O | V },
	{ "interface-interval", O },
	{ "ipv4only-contact", O | V },
	{ "ipv4only-enable", O | V },
	{ "ipv4only-server", O | V },
	{ "ixfr-from-differences", O | V },
	{ "keep-response-order", O },
	{ "key", V | MULTI },
	{ "key-directory", O | V },
	{ "lame-ttl", O | V },
	{ "listen-on", O | MULTI },
	{ "listen-on-v6", O | MULTI },
	{ "lmdb-mapsize", O | V },
	{ "lock-file", O },
	{ "managed-keys", V | MULTI },
	{ "managed-keys-directory", O },
	{ "masterfile-format", O | V },
	{ "masterfile-style", O | V },
	{ "match-clients", V },
	{ "match-destinations", V },
	{ "match-mapped-addresses", O },
	{ "match-recursive-only", V },
	{ "max-cache-size", O | V },
	{ "max-cache-ttl", O | V },
	{ "max-clients-per-query", O | V },
	{ "max-ixfr-ratio", O | V },
	{ "max-journal-size", O | V },
	{ "max-ncache-ttl", O | V },
	{ "max-query-count", O | V },
	{ "max-query-restarts", O | V },
	{ "max-records", O | V },
	{ "max-records-per-type", O | V },
	{ "max-recursion-depth", O | V },
	{ "max-recursion-queries", O | V },
	{ "max-refresh-time", O | V },
	{ "max-retry-time", O | V },
	{ "max-rsa-exponent-size", O },
	{ "max-stale-ttl", O | V },
	{ "max-transfer-idle-in", O | V },
	{ "max-transfer-idle-out", O | V },
	{ "max-transfer-time-in", O | V },
	{ "max-transfer-time-out", O | V },
	{ "max-types-per-name", O | V },
	{ "max-udp-size", O | V },
	{ "max-validation-failures-per-fetch", O | V | LATER },
	{ "max-validations-per-fetch", O | V | LATER },
	{ "max-zone-ttl", O | V },
	{ "memstatistics", O },
	{ "memstatistics-file", O },
	{ "message-compression", O | V },
	{ "min-cache-ttl", O | V },
	{ "min-ncache-ttl", O | V },
	{ "min-refresh-time", O | V },
	{ "min-retry-time", O | V },
	{ "min-transfer-rate-in", O | V | LATER },
	{ "minimal-any", O | V },
	{ "minimal-responses", O | V },
	{ "multi-master", O | V },
	{ "new-zones-directory", O | V },
	{ "no-case-compress", O | V },
	{ "nocookie-udp-size", O | V },
	{ "notify", O | V },
	{ "notify-cds", O | V | LATER },
	{ "notify-defer", O | V | LATER },
	{ "notify-delay", O | V },
	{ "notify-rate", O },
	{ "notify-source", O | V },
	{ "notify-source-v6", O | V },
	{ "notify-to-soa", O | V },
	{ "nsec3-test-zone", O | V },
	{ "nta-lifetime", O | V },
	{ "nta-recheck", O | V },
	{ "nxdomain-redirect", O | V },
	{ "parental-source", O | V },
	{ "parental-source-v6", O | V },
	{ "pid-file", O },
	{ "plugin", V | MULTI },
	{ "port", O },
	{ "preferred-glue", O | V },
	{ "prefetch", O | V },
	{ "provide-ixfr", O | V },
	{ "provide-zoneversion", O | V | LATER },
	{ "qname-minimization", O | V },
	{ "query-source", O | V },
	{ "query-source-v6", O | V },
	{ "querylog", O },
	{ "random-device", O },
	{ "rate-limit", O | V },
	{ "recursing-file", O },
	{ "recursion", O | V },
	{ "recursive-clients", O },
	{ "request-expire", O | V },
	{ "request-ixfr", O | V },
	{ "request-ixfr-max-diffs", O | V | LATER },
	{ "request-nsid", O | V },
	{ "request-zoneversion", O | V | LATER },
	{ "require-server-cookie", O | V },
	{ "reserved-sockets", O },
	{ "resolver-nonbackoff-tries", O | V },
	{ "resolver-query-timeout", O | V },
	{ "resolver-retry-interval", O | V },
	{ "resolver-use-dns64", O | V | LATER },
	{ "response-padding", O | V },
	{ "response-policy", O | V },
	{ "responselog", O | LATER },
	{ "reuseport", O },
	{ "root-delegation-only", O | V },
	{ "root-key-sentinel", O | V },
	{ "rrset-order", O | V },
	{ "secroots-file", O },
	{ "send-cookie", O | V },
	{ "send-report-channel", O | V | LATER },
	{ "serial-query-rate", O },
	{ "serial-update-method", O | V },
	{ "server", V | MULTI },
	{ "server-id", O },
	{ "servfail-ttl", O | V },
	{ "session-keyalg", O },
	{ "session-keyfile", O },
	{ "session-keyname", O },
	{ "sig-signing-nodes", O | V },
	{ "sig-signing-signatures", O | V },
	{ "sig-signing-type", O | V },
	{ "sig-validity-interval", O | V },
	{ "sig0checks-quota", O | LATER },
	{ "sig0checks-quota-exempt", O | LATER },
	{ "sig0key-checks-limit", O | V | LATER },
	{ "sig0message-checks-limit", O | V | LATER },
	{ "sortlist", O | V },
	{ "stacksize", O },
	{ "stale-answer-client-timeout", O | V },
	{ "stale-answer-enable", O | V },
	{ "stale-answer-ttl", O | V },
	{ "stale-cache-enable", O | V },
	{ "stale-refresh-time", O | V },
	{ "startup-notify-rate", O },
	{ "statistics-file", O },
	{ "suppress-initial-notify", O | V },
	{ "synth-from-dnssec", O | V },
	{ "tcp-advertised-timeout", O },
	{ "tcp-clients", O },
	{ "tcp-idle-timeout", O },
	{ "tcp-initial-timeout", O },
	{ "tcp-keepalive-timeout", O },
	{ "tcp-listen-queue", O },
	{ "tcp-primaries-timeout", O | LATER },
	{ "tcp-receive-buffer", O },
	{ "tcp-send-buffer", O },
	{ "tkey-dhkey", O },
	{ "tkey-domain", O },
	{ "tkey-gssapi-credential", O },
	{ "tkey-gssapi-keytab", O },
	{ "tls-port", O },
	{ "transfer-format", O | V },
	{ "transfer-message-size", O },
	{ "transfer-source", O | V },
	{ "transfer-source-v6", O | V },
	{ "transfers-in", O },
	{ "transfers-out", O },
	{ "transfers-per-ns", O },
	{ "trust-anchor-telemetry", O | V },
	{ "trust-anchors", V | MULTI },
	{ "trusted-keys", V | MULTI },
	{ "try-tcp-refresh", O | V },
	{ "udp-receive-buffer", O },
	{ "udp-send-buffer", O },
	{ "update-check-ksk", O | V },
	{ "update-quota", O },
	{ "use-alt-transfer-source", O | V },
	{ "use-v4-udp-ports", O },
	{ "use-v6-udp-ports", O },
	{ "v6-bias", O | V },
	{ "validate-except", O | V },
	{ "version", O },
	{ "zero-no-soa-ttl", O | V },
	{ "zero-no-soa-ttl-cache", O | V },
	{ "zone", V | MULTI },
	{ "zone-statistics", O | V },
};

static int name_cmp(const void *key, const void *elt)
{
	return strcasecmp(key, ((const struct bname *)elt)->name);
}

/* The block bit of ctx: O for options, V for a view, 0 for another. */
static unsigned bit(enum ctx ctx)
{
	return ctx == C_OPTIONS ? O : ctx == C_VIEW ? V : 0;
}

const char *bind_block_once(enum ctx ctx, const char *s)
{
	const struct bname *n = bsearch(s, names, sizeof names / sizeof names[0],
					sizeof names[0], name_cmp);

	return n && (n->where & bit(ctx)) && !(n->where & (MULTI | LATER)) ?
	       n->name : NULL;
}

bool bind_block_takes(enum ctx ctx, const char *s, const char **near,
		      bool *elsewhere)
{
	size_t max = zl_nearest_max(strlen(s)), best = max + 1, d, i;
	const struct bname *n;

	n = bsearch(s, names, sizeof names / sizeof names[0],
		    sizeof names[0], name_cmp);
	*near = NULL;
	*elsewhere = n != NULL;
	if (n)
		return (n->where & bit(ctx)) != 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(names[i].where & bit(ctx)))
			continue;
		d = zl_edit_distance(s, names[i].name, max);
		if (d < best) {
			best = d;
			*near = names[i].name;
		}
	}
	return false;
}
