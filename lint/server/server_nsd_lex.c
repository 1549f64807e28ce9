/* server_nsd_lex.c - nsd.conf's lexer, as NSD 4.6's (configlexer.lex): '#' comments, quoted strings, item names ending in ':', and include: splicing a file's words in wherever it stands. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_nsd.h"

/* The next token of the file c into t; false at its end, or at an
 * unterminated string (reported), where NSD stops reading it.  After
 * include: (incl), NSD's lexer is in its include state, which knows no
 * comment and no item name: the next word is the file's name, '#' and a
 * final ':' its bytes ("include: #c" includes the file '#c'). */
static bool word(struct srv *s, struct srv_src *c, struct tok *t, bool incl)
{
	const char *p = c->p, *e, *b;
	size_t len;

	for (;;) {
		p += strspn(p, " \t\r");
		if (*p == '\n') {
			c->line++;
			c->bol = ++p;
		} else if (*p == '#' && !incl) {
			p += strcspn(p, "\n");
		} else if (*p == '\\' && (p[1] == '\n' || !p[1])) {
			p++;	/* a byte NSD's lexer has no rule for: dropped */
		} else {
			break;
		}
	}
	memset(t, 0, sizeof *t);
	t->file = c->f.shown;
	t->line = c->line;
	t->col = (uint32_t)(p - c->bol) + 1;
	if (!*p) {
		c->p = p;
		return false;
	}
	/* NSD 4.6 quotes with '"' only: a single quote is part of the
	 * word (nsd-checkconf shows 'a.zone' with its quotes). */
	if (*p == '"') {
		/* a backslash escapes the next byte, a quote too; the
		 * string goes on over line breaks.  A CR, or a backslash
		 * before LF, NSD's lexer has no rule for in a string: it
		 * drops it with the string up to it */
		for (b = e = p + 1; *e && *e != '"'; e++) {
			if (*e == '\\' && e[1] && e[1] != '\n') {
				e++;
			} else if (*e == '\n') {
				c->line++;
				c->bol = e + 1;
			} else if (*e == '\r' || *e == '\\') {
				b = e + 1;
			}
		}
		if (*e != '"') {
			srv_err(s, t->file, t->line, t->col,
				"unterminated quoted string");
			c->p = e;
			return false;
		}
		t->s = zl_xstrndup(b, (size_t)(e - b));
		t->quoted = true;
		c->p = e + 1;
		return true;
	}
	/* a word: '#' in it is no comment, a backslash escapes a blank or
	 * a quote; a quote ends it ('zonefile:"x.zone"', and 'a"b"' is two
	 * words, as NSD's lexer reads them), and so does a backslash before
	 * a line break, which NSD drops */
	for (len = 0; p[len] && !strchr(" \t\r\n\"", p[len]); len++) {
		if (p[len] == '\\' && (!p[len + 1] || p[len + 1] == '\n'))
			break;
		if (p[len] == '\\')
			len++;
	}
	t->s = zl_xstrndup(p, len);
	c->p = p + len;
	if (incl)
		return true;
	/* a keyword: one of NSD's item names, then one ':'; another word
	 * ending in ':' is a value, or a syntax error where an item name
	 * belongs ("zoefile:"), as NSD's lexer reads it */
	if (len > 1 && p[len - 1] == ':' &&
	    ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')) &&
	    strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		   "0123456789-_") == len - 1) {
		t->s[len - 1] = '\0';
		t->kw = srv_nsd_keyword(t->s);
		if (!t->kw)
			t->s[len - 1] = ':';
	}
	return true;
}

/* include: v, the file name: its files are read next, in v's place.
 * nsd resolves a relative name against the directory it was started in;
 * a pattern that matches nothing is no error (NSD's glob), and past an
 * include nested too deep NSD reads on. */
static void push(struct nsd_lex *lx, const struct tok *v)
{
	char *pat = srv_resolve(lx->s->cwd, v->s);

	srv_src_push(lx->s, &lx->in, pat, true, v->file, v->line, v->col);
	free(pat);
}

void srv_nsd_lex_init(struct nsd_lex *lx, struct srv *s, struct srv_file *f)
{
	lx->s = s;
	srv_src_start(&lx->in, f);
}

/* NSD's lexer reads include: and the file name after it, from the same
 * file, wherever they stand, between an item's name and its value too
 * ("zonefile: include: f.conf"), and goes on reading in the included
 * file: its words take the place of the two. */
bool srv_nsd_next(struct nsd_lex *lx, struct tok *t)
{
	struct srv_src *c;
	struct tok v;

	for (;;) {
		c = srv_src_top(&lx->in);
		if (word(lx->s, c, t, false)) {
			if (!t->kw || strcasecmp(t->s, "include") != 0)
				return true;
			if (!word(lx->s, c, &v, true)) {
				srv_err(lx->s, t->file, t->line, t->col,
					"'include:' without a file name");
				free(t->s);
				continue;
			}
			push(lx, &v);
			free(v.s);
			free(t->s);
			continue;
		}
		if (!srv_src_next_file(lx->s, &lx->in))
			return false;
	}
}

bool srv_nsd_keyword(const char *name)
{
	static const char *const words[] = {
		"algorithm", "allow-axfr-fallback", "allow-notify",
		"allow-query", "answer-cookie", "auth-domain-name",
		"chroot", "client-cert", "client-key", "client-key-pw",
		"confine-to-zone", "control-cert-file",
		"control-enable", "control-interface",
		"control-key-file", "control-port", "cookie-secret",
		"cookie-secret-file", "cpu-affinity", "create-ixfr",
		"database", "debug-mode", "difffile", "dnstap",
		"dnstap-enable", "dnstap-identity",
		"dnstap-log-auth-query-messages",
		"dnstap-log-auth-response-messages",
		"dnstap-send-identity", "dnstap-send-version",
		"dnstap-socket-path", "dnstap-version", "do-ip4",
		"do-ip6", "drop-updates", "enable", "hide-identity",
		"hide-version", "identity", "include",
		"include-pattern", "interface", "ip-address",
		"ip-freebind", "ip-transparent", "ip4-only", "ip6-only",
		"ipv4-edns-size", "ipv6-edns-size", "ixfr-number",
		"ixfr-size", "key", "log-only-syslog", "log-time-ascii",
		"logfile", "max-refresh-time", "max-retry-time",
		"min-expire-time", "min-refresh-time", "min-retry-time",
		"minimal-responses", "multi-master-check", "name",
		"notify", "notify-retry", "nsid", "outgoing-interface",
		"outgoing-tcp-mss", "pattern", "pidfile", "port",
		"provide-xfr", "receive-buffer-size", "refuse-any",
		"remote-control", "request-xfr", "reuseport",
		"round-robin", "rrl-ipv4-prefix-length",
		"rrl-ipv6-prefix-length", "rrl-ratelimit", "rrl-size",
		"rrl-slip", "rrl-whitelist", "rrl-whitelist-ratelimit",
		"secret", "send-buffer-size", "server",
		"server-cert-file", "server-count", "server-key-file",
		"size-limit-xfr", "statistics", "store-ixfr",
		"tcp-count", "tcp-mss", "tcp-query-count",
		"tcp-reject-overflow", "tcp-timeout", "tls-auth",
		"tls-cert-bundle", "tls-port", "tls-service-key",
		"tls-service-ocsp", "tls-service-pem", "use-systemd",
		"username", "verbosity", "verifier", "verifier-count",
		"verifier-feed-zone", "verifier-timeout", "verify",
		"verify-zone", "verify-zones", "version",
		"xfrd-cpu-affinity", "xfrd-reload-timeout",
		"xfrd-tcp-max", "xfrd-tcp-pipeline", "xfrdfile",
		"xfrdir", "zone", "zonefile", "zonefiles-check",
		"zonefiles-write", "zonelistfile", "zonesdir",
		"zonestats",
		NULL
	};
	size_t i;

	for (i = 0; words[i]; i++)
		if (strcasecmp(name, words[i]) == 0)
			return true;
	/* server-N-cpu-affinity */
	return strncasecmp(name, "server-", 7) == 0 &&
	       strlen(name) > 20 &&
	       strcasecmp(name + strlen(name) - 13, "-cpu-affinity") == 0;
}

