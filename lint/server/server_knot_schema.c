/* server_knot_schema.c - the sections of knot.conf and their items, as Knot DNS 3.0 to 3.5 take them; errors for other names. */
#include <string.h>

#include "nearest.h"
#include "server_knot.h"

/* knotd refuses a section or an item its schema (src/knot/conf/schema.c,
 * and each module's) does not hold: "invalid item".  The table is the
 * union of the schemas of Knot DNS 3.0 to 3.5, read off knotc 3.0.5,
 * 3.2.6, 3.4.6 and 3.5.8 (Debian 11, 12, 13 and unstable, with their
 * dnstap and geoip modules), each asked in every section of every name
 * the four hold; 3.5.8's knot.conf(5) names no other.  An item that only
 * some versions take is taken (3.4's ixfr-from-axfr, 3.5's external
 * section, the max-udp-payload that 3.4 dropped), so that a configuration
 * is judged by no one version; Knot's 3.1 schema.c and the NEWS of 3.0 to
 * 3.4 name nothing beyond them.  A zone's items are a template's too
 * (ZONE_ITEMS, as in Knot's schema). */
#define ITEMS(...) ((const char *const[]){ __VA_ARGS__, NULL })

#define ZONE_ITEMS \
	"acl", "adjust-threads", "catalog-group", "catalog-role", \
	"catalog-template", "catalog-zone", "comment", "ddns-master", \
	"default-ttl", "disable-any", "dnssec-policy", "dnssec-signing", \
	"dnssec-validation", "ds-push", "expire-max-interval", \
	"expire-min-interval", "external-validation", "file", \
	"include-from", "ixfr-benevolent", "ixfr-by-one", \
	"ixfr-from-axfr", "journal-content", "journal-max-depth", \
	"journal-max-usage", "master", "master-pin-tolerance", \
	"max-journal-depth", "max-journal-usage", "max-refresh-interval", \
	"max-zone-size", "min-refresh-interval", "module", "notify", \
	"notify-delay", "provide-ixfr", "refresh-max-interval", \
	"refresh-min-interval", "retry-max-interval", "retry-min-interval", \
	"reverse-generate", "semantic-checks", "serial-modulo", \
	"serial-policy", "storage", "update-delay", "zone-db-input", \
	"zone-db-output", "zone-max-size", "zonefile-load", \
	"zonefile-skip", "zonefile-sync", "zonemd-generate", "zonemd-verify"


static const struct knot_section sections[] = {
	{ "module", "id", ITEMS("comment", "file") },
	{ "server", NULL, ITEMS(
		"answer-rotation", "async-start", "automatic-acl",
		"background-workers", "ca-file", "cert-file", "comment",
		"dbus-event", "dbus-init-delay", "edns-client-subnet",
		"identity", "key-file", "listen", "listen-quic", "listen-tls",
		"listen-xdp", "max-ipv4-udp-payload",
		"max-ipv6-udp-payload", "max-tcp-clients",
		"max-udp-payload", "nsid", "pidfile", "proxy-allowlist",
		"quic-idle-close-timeout", "quic-max-clients",
		"quic-outbuf-max-size", "remote-pool-limit",
		"remote-pool-timeout", "remote-retry-delay", "rundir",
		"socket-affinity", "tcp-fastopen", "tcp-handshake-timeout",
		"tcp-idle-timeout", "tcp-io-timeout", "tcp-max-clients",
		"tcp-remote-io-timeout", "tcp-reply-timeout",
		"tcp-reuseport", "tcp-workers", "udp-max-payload",
		"udp-max-payload-ipv4", "udp-max-payload-ipv6",
		"udp-workers", "user", "version"
	) },
	{ "xdp", NULL, ITEMS(
		"busypoll-budget", "busypoll-timeout", "comment", "listen",
		"quic", "quic-log", "quic-port", "ring-size", "route-check",
		"tcp", "tcp-idle-close-timeout", "tcp-idle-reset-timeout",
		"tcp-inbuf-max-size", "tcp-max-clients",
		"tcp-outbuf-max-size", "tcp-resend-timeout", "udp",
		"zero-copy"
	) },
	{ "control", NULL, ITEMS("backlog", "comment", "listen", "timeout") },
	{ "log", "target", ITEMS(
		"any", "comment", "control", "quic", "server", "zone"
	) },
	{ "statistics", NULL, ITEMS("append", "comment", "file", "timer") },
	{ "database", NULL, ITEMS(
		"catalog-db", "catalog-db-max-size", "comment",
		"journal-db", "journal-db-max-size", "journal-db-mode",
		"kasp-db", "kasp-db-max-size", "storage", "timer-db",
		"timer-db-max-size", "timer-db-sync", "zone-db-cert-hostname",
		"zone-db-cert-key", "zone-db-listen", "zone-db-tls"
	) },
	{ "keystore", "id", ITEMS(
		"backend", "comment", "config", "key-label", "ksk-only"
	) },
	{ "key", "id", ITEMS("algorithm", "comment", "secret") },
	{ "remote", "id", ITEMS(
		"address", "automatic-acl", "block-notify-after-transfer",
		"cert-hostname", "cert-key", "comment", "key", "no-edns",
		"quic", "tls", "via"
	) },
	{ "remotes", "id", ITEMS("comment", "remote") },
	{ "acl", "id", ITEMS(
		"action", "address", "cert-hostname", "cert-key", "comment",
		"deny", "key", "protocol", "remote", "update-owner",
		"update-owner-match", "update-owner-name", "update-type"
	) },
	{ "submission", "id", ITEMS(
		"check-interval", "comment", "parent", "parent-delay",
		"timeout"
	) },
	{ "dnskey-sync", "id", ITEMS("check-interval", "remote") },
	{ "policy", "id", ITEMS(
		"algorithm", "cds-cdnskey-publish", "cds-digest-type",
		"comment", "delete-delay", "dnskey-management",
		"dnskey-sync", "dnskey-ttl", "ds-push", "keystore",
		"keytag-modulo", "ksk-lifetime", "ksk-shared", "ksk-size",
		"ksk-submission", "manual", "nsec3", "nsec3-iterations",
		"nsec3-opt-out", "nsec3-salt-length", "nsec3-salt-lifetime",
		"offline-ksk", "propagation-delay", "reproducible-signing",
		"rrsig-lifetime", "rrsig-pre-refresh", "rrsig-refresh",
		"signing-threads", "single-type-signing",
		"unsafe-operation", "zone-max-ttl", "zsk-lifetime",
		"zsk-size"
	) },
	/* 3.5's validation of a zone's changes outside knotd; no comment */
	{ "external", "id", ITEMS(
		"dump-additions", "dump-new-zone", "dump-removals", "timeout"
	) },
	{ "template", "id", ITEMS(
		ZONE_ITEMS,
		"global-module", "journal-db", "journal-db-mode", "kasp-db",
		"max-journal-db-size", "max-kasp-db-size",
		"max-timer-db-size", "timer-db"
	) },
	{ "zone", "domain", ITEMS(
		ZONE_ITEMS, "template"
	) },
	{ "include", NULL, NULL },
	{ "clear", NULL, NULL },
	{ "mod-authsignal", "id", ITEMS("comment") },
	{ "mod-cookies", "id", ITEMS(
		"badcookie-slip", "comment", "secret", "secret-lifetime"
	) },
	{ "mod-dnsproxy", "id", ITEMS(
		"address", "catch-nxdomain", "comment", "fallback",
		"remote", "tcp-fastopen", "timeout"
	) },
	{ "mod-dnstap", "id", ITEMS(
		"comment", "identity", "log-queries", "log-responses",
		"responses-with-queries", "sink", "version"
	) },
	{ "mod-geoip", "id", ITEMS(
		"comment", "config-file", "dnssec", "geodb-file",
		"geodb-key", "mode", "policy", "ttl"
	) },
	{ "mod-noudp", "id", ITEMS(
		"comment", "udp-allow-rate", "udp-truncate-rate"
	) },
	{ "mod-onlinesign", "id", ITEMS("comment", "nsec-bitmap", "policy") },
	{ "mod-probe", "id", ITEMS("channels", "comment", "max-rate", "path") },
	{ "mod-queryacl", "id", ITEMS("address", "comment", "interface") },
	{ "mod-rrl", "id", ITEMS(
		"comment", "dry-run", "instant-limit", "log-period",
		"rate-limit", "slip", "table-size", "time-instant-limit",
		"time-rate-limit", "whitelist"
	) },
	{ "mod-stats", "id", ITEMS(
		"comment", "edns-presence", "flag-presence", "query-size",
		"query-type", "reply-nodata", "reply-size", "request-bytes",
		"request-edns-option", "request-protocol", "response-bytes",
		"response-code", "response-edns-option", "server-operation"
	) },
	{ "mod-synthrecord", "id", ITEMS(
		"comment", "network", "origin", "prefix", "reverse-short",
		"ttl", "type"
	) },
	{ "mod-whoami", "id", ITEMS("comment") },
};

#define NSECTIONS (sizeof sections / sizeof sections[0])

const struct knot_section *srv_knot_section(const char *name)
{
	size_t i;

	for (i = 0; i < NSECTIONS; i++)
		if (strcmp(sections[i].name, name) == 0)
			return &sections[i];
	return NULL;
}

bool srv_knot_takes(const struct knot_section *sec, const char *name)
{
	const char *const *p;

	if (sec->id && strcmp(sec->id, name) == 0)
		return true;
	for (p = sec->items; p && *p; p++)
		if (strcmp(*p, name) == 0)
			return true;
	return false;
}

/* Keeps name as *hit when it is nearer to s than *best. */
static void consider(const char *s, const char *name, size_t max,
		     size_t *best, const char **hit)
{
	size_t d = zl_edit_distance(s, name, max);

	if (d < *best) {
		*best = d;
		*hit = name;
	}
}

/* The name nearest to s among the sections' (sec NULL) or sec's items,
 * if near enough to be a slip of it (zl_nearest_max): a name that differs
 * only in case too, which knotd refuses ("Zone"). */
static const char *nearest(const struct knot_section *sec, const char *s)
{
	size_t max = zl_nearest_max(strlen(s)), best = max + 1, i;
	const char *const *p;
	const char *hit = NULL;

	if (!sec)
		for (i = 0; i < NSECTIONS; i++)
			consider(s, sections[i].name, max, &best, &hit);
	if (sec && sec->id)
		consider(s, sec->id, max, &best, &hit);
	for (p = sec ? sec->items : NULL; p && *p; p++)
		consider(s, *p, max, &best, &hit);
	return hit;
}

/* The modules that knotd loads only with an entry of their own: "module:
 * mod-x" alone is "missing module configuration" (conf/tools.c
 * check_modref) for the modules without KNOTD_MOD_FLAG_OPT_CONF in every
 * version from 3.0 to 3.5 (mod-rrl has it from 3.4 on). */
static bool needs_entry(const char *module)
{
	static const char *const v[] = { "mod-dnsproxy", "mod-dnstap",
					 "mod-geoip", "mod-queryacl",
					 "mod-synthrecord" };
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!strcmp(v[i], module))
			return true;
	return false;
}

bool srv_knot_module_optional(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < NSECTIONS; i++)
		if (!strncmp(sections[i].name, "mod-", 4) &&
		    !strncmp(sections[i].name, name, n) &&
		    !needs_entry(sections[i].name))
			return true;
	return false;
}

bool srv_knot_module_prefix(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < NSECTIONS; i++)
		if (!strncmp(sections[i].name, "mod-", 4) &&
		    !strncmp(sections[i].name, name, n))
			return true;
	return false;
}

const char *srv_knot_slip(const char *name)
{
	return nearest(NULL, name);
}

void srv_knot_unknown(struct srv *s, const struct knot_section *sec,
		      const char *name, const char *file, uint32_t line,
		      uint32_t col)
{
	struct zl_buf why = { 0 };
	const char *near;
	size_t i, n = 0;

	/* "file" in server: where it belongs says more than a slip; of
	 * "id", which most sections take, the first few */
	for (i = 0; i < NSECTIONS; i++)
		if (&sections[i] != sec && sections[i].items &&
		    srv_knot_takes(&sections[i], name) && n++ < 4)
			zl_buf_addf(&why, "%s%s", why.s ? ", " :
				    " (an item of ", sections[i].name);
	if (why.s)
		zl_buf_add(&why, n > 4 ? ", ...)" : ")", n > 4 ? 6 : 1);
	else if ((near = nearest(sec, name)) != NULL)
		zl_buf_addf(&why, "; did you mean '%s'?", near);
	if (sec)
		srv_err(s, file, line, col, "unknown item '%s' in section "
			"'%s'%s", name, sec->name, why.s ? why.s : "");
	else
		srv_err(s, file, line, col, "unknown section '%s'%s", name,
			why.s ? why.s : "");
	zl_buf_free(&why);
}

void srv_knot_form(struct srv *s, const struct knot_section *sec, bool list,
		   const char *file, uint32_t line, uint32_t col)
{
	if (list)
		srv_err(s, file, line, col, "section '%s' takes items, not a "
			"list of entries", sec->name);
	else
		srv_err(s, file, line, col, "section '%s' takes a list of "
			"entries, each beginning '- %s:'", sec->name, sec->id);
}
