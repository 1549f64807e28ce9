/* server_knot_value.c - the values of knot.conf's items as Knot DNS 3.0 to 3.5 read them: booleans, numbers, enumerations, addresses, names and references. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nearest.h"
#include "server_knot.h"

/* How knotd reads a value (libknot's yptrafo.c, the item's type in
 * src/knot/conf/schema.c): each type here is one of its YP_T* types. */
enum kv {
	KV_BOOL,	/* YP_TBOOL: on, off, true, false */
	KV_INT,		/* YP_TINT */
	KV_TIME,	/* YP_TINT, YP_STIME: seconds, s m h d (3.5: w M y) */
	KV_SIZE,	/* YP_TINT, YP_SSIZE: bytes, B K M G */
	KV_OPT,		/* YP_TOPT: one of opts */
	KV_ADDR,	/* YP_TADDR: ADDR[@PORT], or a path */
	KV_NET,		/* YP_TNET: ADDR, ADDR/PREFIX, ADDR-ADDR */
	KV_DNAME,	/* YP_TDNAME */
	KV_B64,		/* YP_TB64 */
	KV_HEX,		/* YP_THEX: a string, or 0x and hex digits */
	KV_LABEL,	/* YP_TSTR that a check keeps to one label: no '.' */
	KV_REF,		/* YP_TREF: the id of an entry of opts' sections */
	KV_MOD		/* a module: mod-NAME or mod-NAME/ID */
};

struct kv_item {
	const char *sec;	/* NULL: a zone's, and so a template's */
	const char *name;
	enum kv type;
	int64_t min, max;
	/* KV_OPT: the values (KV_BOOL: besides on and off); KV_REF: the
	 * sections referred to, "default" first when that id needs none */
	const char *const *opts;
};

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define B(s, n) { s, n, KV_BOOL, 0, 0, NULL }
#define I(s, n, lo, hi) { s, n, KV_INT, lo, hi, NULL }
#define T(s, n, lo, hi) { s, n, KV_TIME, lo, hi, NULL }
#define S(s, n, lo, hi) { s, n, KV_SIZE, lo, hi, NULL }
#define O(s, n, ...) { s, n, KV_OPT, 0, 0, L(__VA_ARGS__) }
#define A(s, n) { s, n, KV_ADDR, 0, 0, NULL }
#define N(s, n) { s, n, KV_NET, 0, 0, NULL }
#define R(s, n, ...) { s, n, KV_REF, 0, 0, L(__VA_ARGS__) }

#define I32 INT32_MAX
#define U32 ((int64_t)UINT32_MAX)
#define I64 INT64_MAX
#define KILO(x) ((int64_t)(x) * 1024)
#define MEGA(x) KILO(KILO(x))
#define GIGA(x) KILO(MEGA(x))

#define LEVELS "critical", "error", "warning", "notice", "info", "debug"
#define RMT "remote", "remotes"

/* The items whose values are checked, with the types and ranges of
 * Knot's 3.1 schema.c and of knotc 3.2.6, 3.4.6 and 3.5.8 (asked value by
 * value): where they differ, the widest range, and an enumeration's
 * values of any of them (update-owner-match: pattern), so that what one
 * of them takes draws no alarm.  Not checked: the numbers and strings of
 * items that only 3.3 to 3.5 know, values no version of the four shares
 * (update-type, dbus-event).  The modules' items are those of their
 * yp_item_t tables, dnstap and geoip as Debian's knot-module-dnstap and
 * knot-module-geoip 3.2.6 take them. */
static const struct kv_item items[] = {
	{ "server", "nsid", KV_HEX, 0, 0, NULL },
	I("server", "udp-workers", 1, 256),
	I("server", "tcp-workers", 1, 256),
	I("server", "background-workers", 1, 512),
	B("server", "async-start"),
	T("server", "tcp-idle-timeout", 1, I32),
	I("server", "tcp-io-timeout", 0, I32),
	I("server", "tcp-remote-io-timeout", 0, I32),
	I("server", "tcp-max-clients", 0, I32),
	B("server", "tcp-reuseport"),
	B("server", "tcp-fastopen"),
	I("server", "quic-max-clients", 128, I32),
	S("server", "quic-outbuf-max-size", MEGA(1), I64),
	T("server", "quic-idle-close-timeout", 1, I32),
	I("server", "remote-pool-limit", 0, I32),
	T("server", "remote-pool-timeout", 1, I32),
	I("server", "remote-retry-delay", 0, I32),
	B("server", "socket-affinity"),
	S("server", "udp-max-payload", 1220, 4096),
	S("server", "udp-max-payload-ipv4", 1220, 4096),
	S("server", "udp-max-payload-ipv6", 1220, 4096),
	B("server", "edns-client-subnet"),
	B("server", "answer-rotation"),
	B("server", "automatic-acl"),
	N("server", "proxy-allowlist"),
	T("server", "dbus-init-delay", 0, I32),
	A("server", "listen"),
	A("server", "listen-xdp"),
	I("server", "max-tcp-clients", 0, I32),
	T("server", "tcp-handshake-timeout", 0, I32),
	T("server", "tcp-reply-timeout", 0, I32),
	S("server", "max-udp-payload", 0, I32),
	S("server", "max-ipv4-udp-payload", 0, I32),
	S("server", "max-ipv6-udp-payload", 0, I32),
	A("xdp", "listen"),
	B("xdp", "udp"),
	B("xdp", "tcp"),
	B("xdp", "quic"),
	I("xdp", "quic-port", 1, 65535),
	B("xdp", "quic-log"),
	I("xdp", "tcp-max-clients", 0, I32),
	S("xdp", "tcp-inbuf-max-size", MEGA(1), I64),
	S("xdp", "tcp-outbuf-max-size", MEGA(1), I64),
	T("xdp", "tcp-idle-close-timeout", 1, I32),
	T("xdp", "tcp-idle-reset-timeout", 1, I32),
	T("xdp", "tcp-resend-timeout", 1, I32),
	B("xdp", "route-check"),
	T("control", "timeout", 0, I32 / 1000),
	O("log", "server", LEVELS),
	O("log", "control", LEVELS),
	O("log", "zone", LEVELS),
	O("log", "any", LEVELS),
	T("statistics", "timer", 1, U32),
	B("statistics", "append"),
	O("database", "journal-db-mode", "robust", "asynchronous"),
	S("database", "journal-db-max-size", MEGA(1), GIGA(KILO(100))),
	S("database", "kasp-db-max-size", MEGA(5), GIGA(100)),
	S("database", "timer-db-max-size", MEGA(1), GIGA(100)),
	S("database", "catalog-db-max-size", MEGA(5), GIGA(100)),
	O("keystore", "backend", "pem", "pkcs11"),
	B("keystore", "key-label"),
	{ "key", "id", KV_DNAME, 0, 0, NULL },
	O("key", "algorithm", "hmac-md5", "hmac-sha1", "hmac-sha224",
	  "hmac-sha256", "hmac-sha384", "hmac-sha512"),
	{ "key", "secret", KV_B64, 0, 0, NULL },
	A("remote", "address"),
	A("remote", "via"),
	R("remote", "key", "key"),
	B("remote", "block-notify-after-transfer"),
	B("remote", "no-edns"),
	B("remote", "automatic-acl"),
	R("remotes", "remote", "remote"),
	N("acl", "address"),
	R("acl", "key", "key"),
	R("acl", "remote", RMT),
	O("acl", "action", "query", "notify", "transfer", "update"),
	B("acl", "deny"),
	O("acl", "update-owner", "key", "zone", "name"),
	O("acl", "update-owner-match", "sub-or-equal", "equal", "sub",
	  "pattern"),
	R("submission", "parent", RMT),
	T("submission", "check-interval", 1, U32),
	T("submission", "timeout", 0, U32),
	T("submission", "parent-delay", 0, U32),
	R("policy", "keystore", "default", "keystore"),
	B("policy", "manual"),
	B("policy", "single-type-signing"),
	O("policy", "algorithm", "rsasha1", "rsasha1-nsec3-sha1", "rsasha256",
	  "rsasha512", "ecdsap256sha256", "ecdsap384sha384", "ed25519",
	  "ed448"),
	S("policy", "ksk-size", 0, 65535),
	S("policy", "zsk-size", 0, 65535),
	B("policy", "ksk-shared"),
	T("policy", "dnskey-ttl", 0, U32),
	T("policy", "zone-max-ttl", 0, U32),
	T("policy", "ksk-lifetime", 0, U32),
	T("policy", "zsk-lifetime", 0, U32),
	T("policy", "delete-delay", 0, U32),
	T("policy", "propagation-delay", 0, U32),
	T("policy", "rrsig-lifetime", 1, U32),
	T("policy", "rrsig-refresh", 1, U32),
	T("policy", "rrsig-pre-refresh", 0, U32),
	B("policy", "reproducible-signing"),
	B("policy", "nsec3"),
	I("policy", "nsec3-iterations", 0, 65535),
	B("policy", "nsec3-opt-out"),
	I("policy", "nsec3-salt-length", 0, 255),
	T("policy", "nsec3-salt-lifetime", -1, U32),
	I("policy", "signing-threads", 1, 65535),
	R("policy", "ksk-submission", "submission"),
	R("policy", "ds-push", RMT),
	O("policy", "cds-cdnskey-publish", "none", "delete-dnssec", "rollover",
	  "always", "double-ds"),
	O("policy", "cds-digest-type", "sha256", "sha384"),
	O("policy", "dnskey-management", "full", "incremental"),
	B("policy", "offline-ksk"),
	O("policy", "unsafe-operation", "none", "no-check-keyset",
	  "no-update-dnskey", "no-update-nsec", "no-update-expired"),
	{ "template", "global-module", KV_MOD, 0, 0, NULL },
	O("template", "journal-db-mode", "robust", "asynchronous"),
	S("template", "max-journal-db-size", 0, I64),
	S("template", "max-kasp-db-size", 0, I64),
	S("template", "max-timer-db-size", 0, I64),
	R(NULL, "master", RMT),
	R(NULL, "ddns-master", "remote"),
	R(NULL, "notify", RMT),
	R(NULL, "acl", "acl"),
	B(NULL, "provide-ixfr"),
	{ NULL, "semantic-checks", KV_BOOL, 0, 0, L("soft") },
	T(NULL, "zonefile-sync", -1, I32),
	O(NULL, "zonefile-load", "none", "difference", "difference-no-serial",
	  "whole"),
	O(NULL, "journal-content", "none", "changes", "all"),
	S(NULL, "journal-max-usage", KILO(40), I64),
	I(NULL, "journal-max-depth", 2, I64),
	S(NULL, "zone-max-size", 0, I64),
	I(NULL, "adjust-threads", 1, 65535),
	B(NULL, "dnssec-signing"),
	B(NULL, "dnssec-validation"),
	R(NULL, "dnssec-policy", "default", "policy"),
	R(NULL, "ds-push", RMT),
	B(NULL, "zonemd-verify"),
	O(NULL, "zonemd-generate", "none", "zonemd-sha384", "zonemd-sha512",
	  "remove"),
	O(NULL, "serial-policy", "increment", "unixtime", "dateserial"),
	T(NULL, "refresh-min-interval", 2, U32),
	T(NULL, "refresh-max-interval", 2, U32),
	T(NULL, "retry-min-interval", 1, U32),
	T(NULL, "retry-max-interval", 1, U32),
	T(NULL, "expire-min-interval", 3, U32),
	T(NULL, "expire-max-interval", 3, U32),
	O(NULL, "catalog-role", "none", "interpret", "generate", "member"),
	R(NULL, "catalog-template", "template"),
	{ NULL, "catalog-zone", KV_DNAME, 0, 0, NULL },
	{ NULL, "module", KV_MOD, 0, 0, NULL },
	B(NULL, "disable-any"),
	S(NULL, "max-zone-size", 0, I64),
	S(NULL, "max-journal-usage", 0, I64),
	I(NULL, "max-journal-depth", 0, I64),
	T(NULL, "max-refresh-interval", 0, I64),
	T(NULL, "min-refresh-interval", 0, I64),
	/* 3.3 to 3.5's, as their knot.conf(5) types them and knotc 3.4.6
	 * and 3.5.8 take them: booleans, addresses, log levels, references */
	A("server", "listen-quic"),
	A("server", "listen-tls"),
	O("log", "quic", LEVELS),
	B("remote", "quic"),
	B("remote", "tls"),
	O("acl", "protocol", "udp", "tcp", "tls", "quic"),
	B("keystore", "ksk-only"),
	R("dnskey-sync", "remote", RMT),
	R("policy", "dnskey-sync", "dnskey-sync"),
	B(NULL, "ixfr-benevolent"),
	B(NULL, "ixfr-by-one"),
	B(NULL, "ixfr-from-axfr"),
	R(NULL, "external-validation", "default", "external"),
	I("mod-cookies", "badcookie-slip", 1, I32),
	T("mod-cookies", "secret-lifetime", 1, 3110400),
	N("mod-dnsproxy", "address"),
	B("mod-dnsproxy", "catch-nxdomain"),
	B("mod-dnsproxy", "fallback"),
	R("mod-dnsproxy", "remote", RMT),
	B("mod-dnsproxy", "tcp-fastopen"),
	I("mod-dnsproxy", "timeout", 0, I32),
	I("mod-noudp", "udp-allow-rate", 0, U32),
	I("mod-noudp", "udp-truncate-rate", 1, U32),
	R("mod-onlinesign", "policy", "default", "policy"),
	I("mod-probe", "channels", 1, 65535),
	I("mod-probe", "max-rate", 0, U32),
	N("mod-queryacl", "address"),
	N("mod-queryacl", "interface"),
	I("mod-rrl", "rate-limit", 0, I32),	/* 3.4: 0, no limit */
	I("mod-rrl", "slip", 0, 100),
	I("mod-rrl", "table-size", 1, I32),
	N("mod-rrl", "whitelist"),
	N("mod-synthrecord", "network"),
	{ "mod-synthrecord", "origin", KV_DNAME, 0, 0, NULL },
	B("mod-synthrecord", "reverse-short"),
	/* check_prefix: the prefix is put before an address in one label */
	{ "mod-synthrecord", "prefix", KV_LABEL, 0, 0, NULL },
	B("mod-dnstap", "log-queries"),
	B("mod-dnstap", "log-responses"),
	B("mod-dnstap", "responses-with-queries"),
	T("mod-geoip", "ttl", 0, U32),
	O("mod-geoip", "mode", "subnet", "geodb", "weighted"),
	B("mod-geoip", "dnssec"),
	R("mod-geoip", "policy", "policy"),	/* knotd_conf_check_ref */
	T("mod-synthrecord", "ttl", 0, U32),
	O("mod-synthrecord", "type", "forward", "reverse"),
	B("mod-stats", "request-protocol"),
	B("mod-stats", "server-operation"),
	B("mod-stats", "request-bytes"),
	B("mod-stats", "response-bytes"),
	B("mod-stats", "edns-presence"),
	B("mod-stats", "flag-presence"),
	B("mod-stats", "response-code"),
	B("mod-stats", "request-edns-option"),
	B("mod-stats", "response-edns-option"),
	B("mod-stats", "reply-nodata"),
	B("mod-stats", "query-type"),
	B("mod-stats", "query-size"),
	B("mod-stats", "reply-size"),
};

#define NITEMS (sizeof items / sizeof items[0])

/* The items by name, then in the table's order: a configuration of
 * many zones asks for an item at each line, and a scan of the table for
 * each was a fifth of the run's time. */
static const struct kv_item *byname[NITEMS];
static pthread_once_t byname_once = PTHREAD_ONCE_INIT;

static int item_order(const void *a, const void *b)
{
	const struct kv_item *x = *(const struct kv_item *const *)a;
	const struct kv_item *y = *(const struct kv_item *const *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x > y) - (x < y);
}

static void sort_items(void)
{
	size_t i;

	for (i = 0; i < NITEMS; i++)
		byname[i] = &items[i];
	qsort(byname, NITEMS, sizeof byname[0], item_order);
}

/* The first item of the table that is name in sec, as a scan would find
 * it: a zone's item (sec NULL) is a template's too. */
static const struct kv_item *find(const char *sec, const char *name)
{
	bool zone = !strcmp(sec, "zone") || !strcmp(sec, "template");
	size_t lo = 0, hi = NITEMS, mid;

	(void)pthread_once(&byname_once, sort_items);
	while (lo < hi) {	/* the first whose name is not below name */
		mid = lo + (hi - lo) / 2;
		if (strcmp(byname[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < NITEMS && !strcmp(byname[lo]->name, name); lo++)
		if (byname[lo]->sec ? !strcmp(byname[lo]->sec, sec) : zone)
			return byname[lo];
	return NULL;
}

enum { OK, BAD, RANGE };

/* A number as yp_int_to_bin() reads it: strtoll(3) in base 10 (blanks
 * and a sign before it), then at most one unit; knotd copies it to a
 * 32-byte buffer first, so a longer value is refused whatever it holds. */
static int number(const char *v, enum kv type, int64_t min, int64_t max)
{
	/* w, M and y came after 3.3: 3.5's knot.conf(5) has them */
	static const char tu[] = "smhdwMy", su[] = "BKMG";
	static const int64_t tm[] = { 1, 60, 3600, 86400, 604800, 2592000,
				      31536000 };
	const char *u;
	char *end;
	long long n;
	int64_t mult;

	if (strlen(v) >= 32)
		return BAD;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno == ERANGE)
		return RANGE;
	if (end == v)
		return BAD;
	if (*end) {
		if (end[1] || type == KV_INT)
			return BAD;
		u = strchr(type == KV_TIME ? tu : su, *end);
		if (!u)
			return BAD;
		mult = type == KV_TIME ? tm[u - tu] :
		       (int64_t)1 << (10 * (u - su));
		if (n == LLONG_MIN || INT64_MAX / mult < (n < 0 ? -n : n))
			return RANGE;
		n *= mult;
	}
	return n < min || n > max ? RANGE : OK;
}

/* What yptrafo.c guesses s[0..n) to be: 6 (a ':'), 4 (three dots, no
 * ':', three digits or more) or 0 (a path, a device's name). */
static int guess(const char *s, size_t n)
{
	size_t dots = 0, colons = 0, digits = 0, i;

	for (i = 0; i < n; i++) {
		dots += s[i] == '.';
		colons += s[i] == ':';
		digits += isdigit((unsigned char)s[i]) != 0;
	}
	return colons ? 6 : dots == 3 && digits >= 3 ? 4 : 0;
}

/* Whether s[0..n) is an address of the family guessed, as inet_pton(3)
 * reads it (knotd copies it to an INET6_ADDRSTRLEN buffer first). */
static bool ip(const char *s, size_t n, int type)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned char bin[16];

	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return inet_pton(type == 4 ? AF_INET : AF_INET6, buf, bin) == 1;
}

/* ADDR[@PORT]: what is guessed no address is a path (a UNIX socket, an
 * XDP device) and taken whole, '@' and all, as knotd takes it. */
static int addr(const char *v)
{
	const char *at = strrchr(v, '@');
	size_t n = at ? (size_t)(at - v) : strlen(v);
	int type = guess(v, n);

	if (type == 0)
		return OK;
	if (!ip(v, n, type))
		return BAD;
	return at ? number(at + 1, KV_INT, 0, 65535) : OK;
}

/* ADDR, ADDR/PREFIX or ADDR-ADDR of one family (yp_addr_range_to_bin):
 * the first '/', else the first '-', parts it. */
static int net(const char *v)
{
	const char *sep = strchr(v, '/');
	size_t n;
	int type;

	if (!sep)
		sep = strchr(v, '-');
	n = sep ? (size_t)(sep - v) : strlen(v);
	type = guess(v, n);
	if (type == 0 || !ip(v, n, type))
		return BAD;
	if (!sep)
		return OK;
	if (*sep == '/')
		return number(sep + 1, KV_INT, 0, type == 4 ? 32 : 128);
	n = strlen(sep + 1);
	return guess(sep + 1, n) == type && ip(sep + 1, n, type) ? OK : BAD;
}

static bool b64char(char c)
{
	return isalnum((unsigned char)c) || c == '+' || c == '/';
}

/* Base64 (RFC 4648 §4) in whole quads, '=' padding only at the end; ""
 * is none. */
static int b64(const char *v)
{
	size_t n = strlen(v), i;

	if (n % 4)
		return BAD;
	for (i = 0; i < n; i += 4) {
		bool last = i + 4 == n;

		if (!b64char(v[i]) || !b64char(v[i + 1]) ||
		    (!b64char(v[i + 2]) && !(last && v[i + 2] == '=' &&
					      v[i + 3] == '=')) ||
		    (!b64char(v[i + 3]) && !(last && v[i + 3] == '=')))
			return BAD;
	}
	return OK;
}

/* A string, or "0x" and pairs of hex digits (yp_hex_to_bin). */
static int hex(const char *v)
{
	size_t i;

	if (strncmp(v, "0x", 2) != 0)
		return OK;
	for (i = 2; v[i]; i++)
		if (!isxdigit((unsigned char)v[i]))
			return BAD;
	return i % 2 ? BAD : OK;
}

/* yp_bool_to_bin reads v as on or off when it begins one of on, true,
 * off, false, case aside (so "" and "t" do, "yes" does not). */
static bool boolean(const char *v)
{
	static const char *const names[] = { "on", "true", "off", "false" };
	size_t i, n = strlen(v);

	for (i = 0; i < 4; i++)
		if (n <= strlen(names[i]) && strncasecmp(v, names[i], n) == 0)
			return true;
	return false;
}

bool srv_knot_on(const char *v)
{
	size_t n = strlen(v);

	return (n <= 2 && strncasecmp(v, "on", n) == 0) ||
	       (n <= 4 && strncasecmp(v, "true", n) == 0);
}

static bool option(const char *v, const char *const *opts)
{
	for (; opts && *opts; opts++)
		if (strcasecmp(v, *opts) == 0)
			return true;
	return false;
}

/* The key of an entry's id in ids: its section, a blank, the id (a key's
 * as a domain name, as knotd compares it), malloc'd; NULL for a key's id
 * that is no domain name. */
static char *id_key(const char *sec, const char *id)
{
	char *name = NULL, *k;

	if (!strcmp(sec, "key") && !(name = srv_origin(id, strlen(id))))
		return NULL;
	k = zl_xasprintf("%s %s", sec, name ? name : id);
	free(name);
	return k;
}

bool srv_knot_defined(const struct srv_set *ids, const char *sec,
		      const char *id)
{
	char *k = id_key(sec, id);
	bool found = k && srv_set_find(ids, k);

	free(k);
	return found;
}

/* What the item takes, for messages: "on or off", "a time from 1 to
 * 2147483647 seconds", ... */
static void takes(struct zl_buf *b, const struct kv_item *it)
{
	const char *const *p;

	switch (it->type) {
	case KV_BOOL:
		zl_buf_addf(b, "on or off (true or false)%s%s",
			    it->opts ? " or " : "", it->opts ? it->opts[0] : "");
		break;
	case KV_INT:
		zl_buf_addf(b, "an integer from %" PRId64 " to %" PRId64,
			    it->min, it->max);
		break;
	case KV_TIME:
		zl_buf_addf(b, "a time from %" PRId64 " to %" PRId64 " seconds"
			    " (units s, m, h, d)", it->min, it->max);
		break;
	case KV_SIZE:
		zl_buf_addf(b, "a size from %" PRId64 " to %" PRId64 " bytes"
			    " (units B, K, M, G)", it->min, it->max);
		break;
	case KV_OPT:
		for (p = it->opts; *p; p++)
			zl_buf_addf(b, "%s%s", p == it->opts ? "" : p[1] ?
				    ", " : " or ", *p);
		break;
	case KV_ADDR:
		zl_buf_addf(b, "an IPv4 or IPv6 address with an optional "
			    "@port, or a path");
		break;
	case KV_NET:
		zl_buf_addf(b, "an address, a prefix (ADDR/LEN) or a range "
			    "(ADDR-ADDR)");
		break;
	case KV_DNAME:
		zl_buf_addf(b, "a domain name");
		break;
	case KV_B64:
		zl_buf_addf(b, "base64");
		break;
	case KV_HEX:
		zl_buf_addf(b, "a string, or 0x and pairs of hex digits");
		break;
	case KV_LABEL:
		zl_buf_addf(b, "a string without '.'");
		break;
	default:
		break;
	}
}

/* Reports v, which it does not take: with the nearest of its values, if
 * near, else what it takes. */
static void refuse(struct srv *s, const struct kv_item *it, const char *v,
		   int why, const char *file, uint32_t line, uint32_t col)
{
	const char *names[12] = { "on", "off", "true", "false" };
	const char *near = NULL;
	struct zl_buf b = { 0 };
	size_t n = it->type == KV_BOOL ? 4 : 0, i;

	for (i = 0; it->opts && it->opts[i] && n < 12; i++)
		names[n++] = it->opts[i];
	if (why == BAD && (it->type == KV_BOOL || it->type == KV_OPT))
		near = zl_nearest(v, names, n);
	if (near)
		zl_buf_addf(&b, "did you mean '%s'?", near);
	else
		takes(&b, it);
	if (!*v)	/* "NAME:" alone, or "" */
		srv_err(s, file, line, col, "no value for '%s'; it takes %s",
			it->name, b.s);
	else if (!strcmp(it->name, "secret"))	/* a key's: not shown */
		srv_err(s, file, line, col, "invalid value for '%s'; it takes "
			"%s", it->name, b.s);
	else
		srv_err(s, file, line, col, "%s '%s' for '%s'; %s%s",
			why == RANGE ? "out-of-range value" : "invalid value",
			v, it->name, near ? "" : "it takes ", b.s);
	zl_buf_free(&b);
}

/* A reference (check_ref): to an entry above, of a section it names. */
static void reference(struct srv *s, const struct srv_set *ids,
		      const struct kv_item *it, const char *v,
		      const char *file, uint32_t line, uint32_t col)
{
	const char *const *first = it->opts, *const *p;
	struct zl_buf b = { 0 };

	/* check_ref_dflt: "default" is the built-in policy, keystore */
	if (!strcmp(*first, "default") && !strcmp(v, *first++))
		return;
	for (p = first; *p; p++)
		if (srv_knot_defined(ids, *p, v))
			return;
	for (p = first; *p; p++)
		zl_buf_addf(&b, "%s%s", p == first ? "" : " or ", *p);
	if (!*v)
		srv_err(s, file, line, col, "no value for '%s'; it takes the "
			"id of an entry above in %s", it->name, b.s);
	else
		srv_err(s, file, line, col, "invalid reference '%s' for '%s'; "
			"no entry above in %s has that id", v, it->name, b.s);
	zl_buf_free(&b);
}

/* mod-NAME or mod-NAME/ID (check_modref): one of Knot's modules, or one
 * a module: entry above loads (or knotd finds in its module directory,
 * unless the name is a slip of one of Knot's); ID, the id of an entry
 * above in the module's section.  knotd takes the first module whose
 * name begins with a NAME that has no ID ("mod-stat", even ""), and
 * refuses one that cannot run without an entry (check_modref). */
static void module(struct srv *s, const struct srv_set *ids,
		   const char *item, const char *v, const char *file,
		   uint32_t line, uint32_t col)
{
	const char *slash = strchr(v, '/'), *near;
	char *name = slash ? zl_xstrndup(v, (size_t)(slash - v)) :
		     zl_xstrdup(v);
	bool ours = !strncmp(name, "mod-", 4) && srv_knot_section(name);

	if (!slash && srv_knot_module_prefix(name))
		ours = true;
	if (!ours && !srv_knot_defined(ids, "module", name)) {
		near = srv_knot_slip(name);
		if (near && (strncmp(near, "mod-", 4) || !strcmp(near, name)))
			near = NULL;
		if (strncmp(name, "mod-", 4) != 0 || near)
			srv_err(s, file, line, col, "unknown module '%s' for "
				"'%s'%s%s%s", name, item, near ? "; did you "
				"mean '" : "", near ? near : "", near ? "'?" :
				"");
	} else if (ours && !slash && !srv_knot_module_optional(name)) {
		srv_err(s, file, line, col, "module '%s' for '%s' without the "
			"id of an entry ('%s/ID'), which it needs", name, item,
			name);
	} else if (ours && slash && !srv_knot_defined(ids, name, slash + 1)) {
		srv_err(s, file, line, col, "invalid module reference '%s' "
			"for '%s'; no entry above in %s has the id '%s'", v, item,
			name, slash + 1);
	}
	free(name);
}

/* The items without which knotd refuses an entry, in every version from
 * 3.0 to 3.5: conf/tools.c's check_key and check_remote, and the modules'
 * conf_check (a dnstap sink must not be empty either).  Not here: what
 * only some versions need (mod-rrl's rate-limit before 3.4). */
static const struct {
	const char *sec, *item;
	bool text;	/* an empty value is none */
} needs[] = {
	{ "key", "algorithm", false },
	{ "key", "secret", false },
	{ "remote", "address", false },
	{ "mod-dnsproxy", "remote", false },
	{ "mod-dnstap", "sink", true },
	{ "mod-geoip", "config-file", false },
	{ "mod-synthrecord", "type", false },
	{ "mod-synthrecord", "network", false },
};

void srv_knot_entry(struct srv *s, const struct knot_section *sec,
		    const struct srv_set *given, const char *id,
		    const char *file, uint32_t line, uint32_t col)
{
	const struct srv_set_ent *e;
	size_t i;

	for (i = 0; i < sizeof needs / sizeof needs[0]; i++) {
		if (strcmp(needs[i].sec, sec->name) != 0)
			continue;
		e = srv_set_find(given, needs[i].item);
		if (!e || (needs[i].text && !e->val))
			srv_err(s, file, line, col, "%s entry '%s' has %s '%s',"
				" which Knot DNS requires", sec->name, id,
				e ? "an empty" : "no", needs[i].item);
	}
	/* an ACL matches the remotes it names, or an address and a key:
	 * knotc and knotd refuse both ways at once ("specified ACL/remote
	 * together with address or key"), and knotd does not start */
	if (!strcmp(sec->name, "acl") && srv_set_find(given, "remote") &&
	    (srv_set_find(given, "address") || srv_set_find(given, "key")))
		srv_err_help(s, "name the remotes alone (their addresses and "
			     "keys are matched), or the address and key "
			     "without remote", file, line, col, "acl entry "
			     "'%s' has 'remote' together with %s", id,
			     srv_set_find(given, "address") ? "'address'" :
			     "'key'");
}

void srv_knot_value(struct srv *s, struct srv_set *ids,
		    const struct knot_section *sec, const char *name,
		    const char *v, const char *file, uint32_t line,
		    uint32_t col)
{
	const struct kv_item *it;
	char *k;
	int r = OK;

	if (!sec)
		return;
	/* an entry's id, for the references below it; knotd refuses one
	 * given twice in a section (the reader reports a zone's and a
	 * template's, which it keeps) */
	if (sec->id && !strcmp(name, sec->id) &&
	    (k = id_key(sec->name, v)) != NULL) {
		if (srv_set_add(ids, k, 0) && strcmp(sec->name, "zone") &&
		    strcmp(sec->name, "template"))
			srv_err(s, file, line, col, "duplicate identifier "
				"'%s' in section '%s'", v, sec->name);
		free(k);
	}
	/* a module: entry loads the module its id names, mod-NAME; knotc
	 * and knotd refuse another id, in any case ("required 'mod-'
	 * prefix", conf/tools.c's check_module_id) */
	if (!strcmp(sec->name, "module") && !strcmp(name, "id") &&
	    strncmp(v, "mod-", 4) != 0) {
		srv_err(s, file, line, col, "invalid id '%s' for a module: "
			"entry; Knot DNS takes only a name that begins with "
			"'mod-'", v);
		return;
	}
	if (!(it = find(sec->name, name)))
		return;
	switch (it->type) {
	case KV_BOOL:
		r = boolean(v) || option(v, it->opts) ? OK : BAD;
		break;
	case KV_INT:
	case KV_TIME:
	case KV_SIZE:
		r = number(v, it->type, it->min, it->max);
		break;
	case KV_OPT:
		r = option(v, it->opts) ? OK : BAD;
		break;
	case KV_ADDR:
		r = addr(v);
		break;
	case KV_NET:
		r = net(v);
		break;
	case KV_DNAME:
		k = srv_origin(v, strlen(v));
		r = k ? OK : BAD;
		free(k);
		break;
	case KV_B64:
		r = b64(v);
		break;
	case KV_HEX:
		r = hex(v);
		break;
	case KV_LABEL:
		r = strchr(v, '.') ? BAD : OK;
		break;
	case KV_REF:
		reference(s, ids, it, v, file, line, col);
		return;
	case KV_MOD:
		module(s, ids, name, v, file, line, col);
		return;
	}
	if (r != OK)
		refuse(s, it, v, r, file, line, col);
}
