/* server_bind_typed.c - the statements of options, a view and a zone whose value is one of named's simple types: a boolean, a number, a duration, a size or a word of a few. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* The types, each with what named-checkconf says of a value that is not
 * one ("... near 'maybe'"). */
enum vtype {
	V_BOOL,		/* yes, no, true, false, 1, 0 */
	V_NUM,		/* an unsigned 32-bit number, in C's notation */
	V_DUR,		/* a TTL ("1h30m") or an ISO 8601 duration ("P1D") */
	V_SIZE,		/* digits and an optional unit: k, m or g */
	V_SIZEPCT,	/* a size, or digits and '%' */
	V_WORD,		/* one of the words alone */
};

static const char *const expected[] = {
	[V_BOOL] = "boolean expected",
	[V_NUM] = "expected number",
	[V_DUR] = "expected ISO 8601 duration or TTL value",
	[V_SIZE] = "expected integer and optional unit",
	[V_SIZEPCT] = "expected integer and optional unit or percent",
	[V_WORD] = "expected unquoted string",
};

/* The statements of options (o), a view (v) or a zone (z) whose first
 * value is of a type, or one of the words given, which named takes in
 * any case; more: further values may follow (others hold one).  In a
 * zone, ixfr-from-differences takes no word.  Found by giving each
 * statement that named 9.18 takes the value "x" and "maybe" in options,
 * a view and a primary zone; the words are named.conf(5)'s.  Those whose
 * value zonelint reads elsewhere are not here: auto-dnssec, check-names,
 * lmdb-mapsize, masterfile-format, max-records-per-type,
 * max-types-per-name, max-zone-ttl, nta-lifetime and nta-recheck
 * (server_bind.c, server_bind_value.c).  Sorted by name. */
static const struct typed {
	const char *name, *where;
	enum vtype type;
	const char *words;
	bool more;
} typed[] = {
	{ "allow-new-zones", "ov", V_BOOL, "", false },
	{ "answer-cookie", "o", V_BOOL, "", false },
	{ "auth-nxdomain", "ov", V_BOOL, "", false },
	{ "automatic-interface-scan", "o", V_BOOL, "", false },
	{ "check-dup-records", "ovz", V_WORD, "fail warn ignore", false },
	{ "check-integrity", "ovz", V_BOOL, "", false },
	{ "check-mx", "ovz", V_WORD, "fail warn ignore", false },
	{ "check-mx-cname", "ovz", V_WORD, "fail warn ignore", false },
	{ "check-sibling", "ovz", V_BOOL, "", false },
	{ "check-spf", "ovz", V_WORD, "warn ignore", false },
	{ "check-srv-cname", "ovz", V_WORD, "fail warn ignore", false },
	{ "check-wildcard", "ovz", V_BOOL, "", false },
	{ "clients-per-query", "ov", V_NUM, "", false },
	{ "cookie-algorithm", "o", V_WORD, "aes siphash24", false },
	{ "coresize", "o", V_SIZE, "default unlimited", false },
	{ "datasize", "o", V_SIZE, "default unlimited", false },
	{ "delegation-only", "z", V_BOOL, "", false },
	{ "dialup", "ovz", V_BOOL, "notify notify-passive passive refresh",
	  false },
	{ "dnskey-sig-validity", "ovz", V_NUM, "", false },
	{ "dnssec-accept-expired", "ov", V_BOOL, "", false },
	{ "dnssec-dnskey-kskonly", "ovz", V_BOOL, "", false },
	{ "dnssec-loadkeys-interval", "ovz", V_NUM, "", false },
	{ "dnssec-secure-to-insecure", "ovz", V_BOOL, "", false },
	{ "dnssec-update-mode", "ovz", V_WORD, "maintain no-resign", false },
	{ "dnssec-validation", "ov", V_BOOL, "auto", false },
	{ "dscp", "o", V_NUM, "", false },
	{ "edns-udp-size", "ov", V_NUM, "", false },
	{ "empty-zones-enable", "ov", V_BOOL, "", false },
	{ "fetch-quota-params", "ov", V_NUM, "", true },
	{ "fetches-per-server", "ov", V_NUM, "", true },
	{ "fetches-per-zone", "ov", V_NUM, "", true },
	{ "files", "o", V_SIZE, "default unlimited", false },
	{ "flush-zones-on-shutdown", "o", V_BOOL, "", false },
	{ "forward", "ovz", V_WORD, "first only", false },
	{ "fstrm-set-buffer-hint", "o", V_NUM, "", false },
	{ "fstrm-set-flush-timeout", "o", V_NUM, "", false },
	{ "fstrm-set-input-queue-size", "o", V_NUM, "", false },
	{ "fstrm-set-output-notify-threshold", "o", V_NUM, "", false },
	{ "fstrm-set-output-queue-model", "o", V_WORD, "mpsc spsc", false },
	{ "fstrm-set-output-queue-size", "o", V_NUM, "", false },
	{ "fstrm-set-reopen-interval", "o", V_DUR, "", false },
	{ "glue-cache", "ov", V_BOOL, "", false },
	{ "heartbeat-interval", "o", V_NUM, "", false },
	{ "http-listener-clients", "o", V_NUM, "", false },
	{ "http-port", "o", V_NUM, "", false },
	{ "http-streams-per-connection", "o", V_NUM, "", false },
	{ "https-port", "o", V_NUM, "", false },
	{ "inline-signing", "z", V_BOOL, "", false },
	{ "interface-interval", "o", V_DUR, "", false },
	{ "ipv4only-enable", "ov", V_BOOL, "", false },
	{ "ixfr-from-differences", "ovz", V_BOOL,
	  "primary master secondary slave", false },
	{ "lame-ttl", "ov", V_DUR, "", false },
	{ "masterfile-style", "ovz", V_WORD, "full relative", false },
	{ "match-mapped-addresses", "o", V_BOOL, "", false },
	{ "match-recursive-only", "v", V_BOOL, "", false },
	{ "max-cache-size", "ov", V_SIZEPCT, "default unlimited", false },
	{ "max-cache-ttl", "ov", V_DUR, "", false },
	{ "max-clients-per-query", "ov", V_NUM, "", false },
	{ "max-journal-size", "ovz", V_SIZE, "default unlimited", false },
	{ "max-ncache-ttl", "ov", V_DUR, "", false },
	{ "max-query-count", "ov", V_NUM, "", false },
	{ "max-query-restarts", "ov", V_NUM, "", false },
	{ "max-records", "ovz", V_NUM, "", false },
	{ "max-recursion-depth", "ov", V_NUM, "", false },
	{ "max-recursion-queries", "ov", V_NUM, "", false },
	{ "max-refresh-time", "ovz", V_NUM, "", false },
	{ "max-retry-time", "ovz", V_NUM, "", false },
	{ "max-rsa-exponent-size", "o", V_NUM, "", false },
	{ "max-stale-ttl", "ov", V_DUR, "", false },
	{ "max-transfer-idle-in", "ovz", V_NUM, "", false },
	{ "max-transfer-idle-out", "ovz", V_NUM, "", false },
	{ "max-transfer-time-in", "ovz", V_NUM, "", false },
	{ "max-transfer-time-out", "ovz", V_NUM, "", false },
	{ "max-udp-size", "ov", V_NUM, "", false },
	{ "memstatistics", "o", V_BOOL, "", false },
	{ "message-compression", "ov", V_BOOL, "", false },
	{ "min-cache-ttl", "ov", V_DUR, "", false },
	{ "min-ncache-ttl", "ov", V_DUR, "", false },
	{ "min-refresh-time", "ovz", V_NUM, "", false },
	{ "min-retry-time", "ovz", V_NUM, "", false },
	{ "minimal-any", "ov", V_BOOL, "", false },
	{ "minimal-responses", "ov", V_BOOL, "no-auth no-auth-recursive",
	  false },
	{ "multi-master", "ovz", V_BOOL, "", false },
	{ "nocookie-udp-size", "ov", V_NUM, "", false },
	{ "notify", "ovz", V_BOOL, "explicit master-only primary-only",
	  false },
	{ "notify-delay", "ovz", V_NUM, "", false },
	{ "notify-rate", "o", V_NUM, "", false },
	{ "notify-to-soa", "ovz", V_BOOL, "", false },
	{ "nsec3-test-zone", "ovz", V_BOOL, "", false },
	{ "port", "o", V_NUM, "", false },
	{ "prefetch", "ov", V_NUM, "", true },
	{ "provide-ixfr", "ov", V_BOOL, "", false },
	{ "qname-minimization", "ov", V_WORD, "strict relaxed disabled off",
	  false },
	{ "querylog", "o", V_BOOL, "", false },
	{ "recursion", "ov", V_BOOL, "", false },
	{ "recursive-clients", "o", V_NUM, "", false },
	{ "request-expire", "ovz", V_BOOL, "", false },
	{ "request-ixfr", "ovz", V_BOOL, "", false },
	{ "request-nsid", "ov", V_BOOL, "", false },
	{ "require-server-cookie", "ov", V_BOOL, "", false },
	{ "reserved-sockets", "o", V_NUM, "", false },
	{ "resolver-nonbackoff-tries", "ov", V_NUM, "", false },
	{ "resolver-query-timeout", "ov", V_NUM, "", false },
	{ "resolver-retry-interval", "ov", V_NUM, "", false },
	{ "reuseport", "o", V_BOOL, "", false },
	{ "root-key-sentinel", "ov", V_BOOL, "", false },
	{ "send-cookie", "ov", V_BOOL, "", false },
	{ "serial-query-rate", "o", V_NUM, "", false },
	{ "serial-update-method", "ovz", V_WORD, "date increment unixtime",
	  false },
	{ "servfail-ttl", "ov", V_DUR, "", false },
	{ "sig-signing-nodes", "ovz", V_NUM, "", false },
	{ "sig-signing-signatures", "ovz", V_NUM, "", false },
	{ "sig-signing-type", "ovz", V_NUM, "", false },
	{ "sig-validity-interval", "ovz", V_NUM, "", true },
	{ "stacksize", "o", V_SIZE, "default unlimited", false },
	{ "stale-answer-client-timeout", "ov", V_NUM, "disabled off", false },
	{ "stale-answer-enable", "ov", V_BOOL, "", false },
	{ "stale-answer-ttl", "ov", V_DUR, "", false },
	{ "stale-cache-enable", "ov", V_BOOL, "", false },
	{ "stale-refresh-time", "ov", V_DUR, "", false },
	{ "startup-notify-rate", "o", V_NUM, "", false },
	{ "suppress-initial-notify", "ov", V_BOOL, "", false },
	{ "synth-from-dnssec", "ov", V_BOOL, "", false },
	{ "tcp-advertised-timeout", "o", V_NUM, "", false },
	{ "tcp-clients", "o", V_NUM, "", false },
	{ "tcp-idle-timeout", "o", V_NUM, "", false },
	{ "tcp-initial-timeout", "o", V_NUM, "", false },
	{ "tcp-keepalive-timeout", "o", V_NUM, "", false },
	{ "tcp-listen-queue", "o", V_NUM, "", false },
	{ "tcp-receive-buffer", "o", V_NUM, "", false },
	{ "tcp-send-buffer", "o", V_NUM, "", false },
	{ "tls-port", "o", V_NUM, "", false },
	{ "transfer-format", "ov", V_WORD, "many-answers one-answer", false },
	{ "transfer-message-size", "o", V_NUM, "", false },
	{ "transfers-in", "o", V_NUM, "", false },
	{ "transfers-out", "o", V_NUM, "", false },
	{ "transfers-per-ns", "o", V_NUM, "", false },
	{ "trust-anchor-telemetry", "ov", V_BOOL, "", false },
	{ "try-tcp-refresh", "ovz", V_BOOL, "", false },
	{ "udp-receive-buffer", "o", V_NUM, "", false },
	{ "udp-send-buffer", "o", V_NUM, "", false },
	{ "update-check-ksk", "ovz", V_BOOL, "", false },
	{ "update-quota", "o", V_NUM, "", false },
	{ "use-alt-transfer-source", "ovz", V_BOOL, "", false },
	{ "v6-bias", "ov", V_NUM, "", false },
	{ "zero-no-soa-ttl", "ovz", V_BOOL, "", false },
	{ "zero-no-soa-ttl-cache", "ov", V_BOOL, "", false },
	{ "zone-statistics", "ovz", V_BOOL, "full terse none", false },
};

static int typed_cmp(const void *key, const void *elem)
{
	return strcasecmp(key, ((const struct typed *)elem)->name);
}

/* Whether word t is one of words (space-separated), in any case. */
static bool in_words(const struct tok *t, const char *words)
{
	size_t len = strlen(t->s);
	const char *w;

	for (w = words; *w; w += strcspn(w, " "), w += *w == ' ')
		if (strcspn(w, " ") == len && strncasecmp(w, t->s, len) == 0)
			return true;
	return false;
}

int bind_boolean(const struct tok *t)
{
	return is(t, "yes") || is(t, "true") || is(t, "1") ? 1 :
	       is(t, "no") || is(t, "false") || is(t, "0") ? 0 : -1;
}

/* A number as named's lexer reads one, digits alone, then in C's
 * notation: "10", "017" (octal), "0x10" (16: hexadecimal, but a letter
 * makes the token a word, "0x1f" no number).  1 when s is one that fits
 * 32 bits, 0 when it is none, -1 when it is one too large. */
static int number(const char *s)
{
	int base = 10;
	uint64_t v = 0;
	bool big = false;
	int d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (; *s; s++) {
		d = isdigit((unsigned char)*s) ? *s - '0' : 99;
		if (d >= base)
			return 0;
		big |= (v = v * (uint64_t)base + (uint64_t)d) > UINT32_MAX;
		v &= UINT32_MAX;
	}
	return big ? -1 : 1;
}

/* Whether word s is a value of type y (a V_BOOL's is read by the
 * caller, V_NUM's by number()). */
static bool of_type(enum vtype y, const char *s)
{
	uint64_t v;
	size_t k = strspn(s, "0123456789");

	switch (y) {
	case V_DUR:
		return s[0] == 'P' || s[0] == 'p' ? bind_iso_duration(s, &v) :
		       bind_ttl_text(s, &v);
	case V_SIZEPCT:
		if (k > 0 && s[k] == '%' && !s[k + 1])
			return true;
		/* fall through */
	case V_SIZE:
		return k > 0 && (!s[k] || (!s[k + 1] && strchr("kKmMgG", s[k])));
	default:
		return false;
	}
}

void bind_typed_option(struct bind *b, enum ctx ctx, const struct tok *args,
		       size_t n, bool semi)
{
	const struct tok *t = &args[1];
	char where = ctx == C_OPTIONS ? 'o' : ctx == C_VIEW ? 'v' :
		     ctx == C_ZONE ? 'z' : 0;
	const struct typed *k;
	const char *words;
	int num = 1;
	bool ok;

	if (!where || args[0].t != T_WORD ||
	    !(k = bsearch(args[0].s, typed, sizeof typed / sizeof typed[0],
			  sizeof typed[0], typed_cmp)) ||
	    !strchr(k->where, where))
		return;
	words = where == 'z' && is(&args[0], "ixfr-from-differences") ?
		"" : k->words;
	if (n < 2) {
		if (semi)
			srv_err(b->s, b->end.file, b->end.line, b->end.col,
				"%s near ';'", expected[k->type]);
		return;
	}
	if (t->t != T_WORD) {
		srv_err(b->s, t->file, t->line, t->col, "%s near '\"'",
			expected[k->type]);
		return;
	}
	if (in_words(t, words))
		ok = true;
	else if (k->type == V_BOOL)
		ok = bind_boolean(t) >= 0;
	else if (k->type == V_NUM)
		ok = (num = number(t->s)) > 0;
	else
		ok = of_type(k->type, t->s);
	if (num < 0)
		srv_err(b->s, t->file, t->line, t->col, "'%s' out of range",
			t->s);
	else if (!ok && k->type == V_WORD)
		srv_err(b->s, t->file, t->line, t->col, "'%s' unexpected",
			t->s);
	else if (!ok)
		srv_err(b->s, t->file, t->line, t->col, "%s near '%s'",
			expected[k->type], t->s);
	else if (n > 2 && !k->more)
		srv_err(b->s, args[2].file, args[2].line, args[2].col, "missing "
			"';' before '%s'", args[2].t == T_STR ? "\"" : args[2].s);
}
