/* server_bind_kasp.c - a dnssec-policy statement's block and the negative trust anchors' timers, held to what named-checkconf 9.18 and later versions refuse in them. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* The statements a dnssec-policy takes in named 9.18.49 and in BIND 9.20
 * and 9.21 (lib/isccfg/namedconf.c's dnssecpolicy_clauses): a
 * configuration any of them takes is taken (docs/servers.md, "Options
 * and views").  dur: its value is a duration. */
static const struct {
	const char *name;
	bool dur;
} clauses[] = {
	{ "cdnskey", false },			/* 9.20 */
	{ "cds-digest-type", false },		/* 9.19 */
	{ "cds-digest-types", false },		/* 9.20 */
	{ "dnskey-ttl", true },
	{ "inline-signing", false },		/* 9.20 */
	{ "keys", false },
	{ "manual-mode", false },		/* 9.21 */
	{ "max-zone-ttl", false },		/* server_bind.c's max_ttl */
	{ "nsec3param", false },
	{ "offline-ksk", false },		/* 9.20 */
	{ "parent-ds-ttl", true },
	{ "parent-propagation-delay", true },
	{ "parent-registration-delay", true },	/* obsolete in 9.18 */
	{ "publish-safety", true },
	{ "purge-keys", true },
	{ "retire-safety", true },
	{ "signatures-jitter", true },
	{ "signatures-refresh", true },
	{ "signatures-validity", true },
	{ "signatures-validity-dnskey", true },
	{ "zone-propagation-delay", true },
};

/* The DNSSEC algorithms named knows by name (dns_secalg_fromtext, RFC
 * 8624 section 3.1's registry), and the two short names BIND adds. */
static const struct {
	const char *name;
	uint8_t num;
} algs[] = {
	{ "RSAMD5", 1 }, { "DH", 2 }, { "DSA", 3 }, { "RSASHA1", 5 },
	{ "NSEC3DSA", 6 }, { "NSEC3RSASHA1", 7 }, { "RSASHA256", 8 },
	{ "RSASHA512", 10 }, { "ECCGOST", 12 }, { "ECDSAP256SHA256", 13 },
	{ "ECDSA256", 13 }, { "ECDSAP384SHA384", 14 }, { "ECDSA384", 14 },
	{ "ED25519", 15 }, { "ED448", 16 }, { "INDIRECT", 252 },
	{ "PRIVATEDNS", 253 }, { "PRIVATEOID", 254 },
};

struct bpolicy bind_policy_new(const struct tok *kw)
{
	return (struct bpolicy){
		.maxttl = 86400, .inline_signing = -1,
		.at = { .file = kw->file, .line = kw->line, .col = kw->col },
		.nonsec3 = -1, .refresh = -1, .validity = -1, .vdnskey = -1,
		.iterations = -1, .saltlen = -1 };
}

static struct tok place(const struct tok *t)
{
	return (struct tok){ .file = t->file, .line = t->line, .col = t->col };
}

/* A decimal number of at most 2^32 - 1 in word t: true with it in *v. */
static bool number(const struct tok *t, uint64_t *v)
{
	size_t k;

	*v = 0;
	for (k = 0; t->t == T_WORD && isdigit((unsigned char)t->s[k]); k++)
		if ((*v = *v * 10 + (uint64_t)(t->s[k] - '0')) > UINT32_MAX)
			return false;
	return k > 0 && !t->s[k];
}

/* A number of a policy's statement in word t, as named reads it: true
 * with it in *v, else false after reporting it at t. */
static bool number_at(struct bind *b, const struct tok *t, uint64_t *v)
{
	if (number(t, v))
		return true;
	srv_err(b->s, t->file, t->line, t->col, t->t == T_WORD &&
		strspn(t->s, "0123456789") == strlen(t->s) ?
		"'%s' out of range" : "expected number near '%s'",
		t->t == T_STR ? "\"" : t->s);
	return false;
}

/* A duration named reads (a TTL or an ISO 8601 duration; "unlimited"
 * only where ok_unlimited, a key's lifetime): the seconds, or -1 after
 * reporting it at t. */
static int64_t duration(struct bind *b, const struct tok *t,
			bool ok_unlimited)
{
	uint64_t v;

	if (t->t == T_WORD && ok_unlimited && is(t, "unlimited"))
		return 0;
	if (t->t == T_WORD && ((t->s[0] == 'P' || t->s[0] == 'p') ?
			       bind_iso_duration(t->s, &v) :
			       bind_ttl_text(t->s, &v)))
		return (int64_t)v;
	srv_err(b->s, t->file, t->line, t->col, "expected ISO 8601 duration "
		"or TTL value near '%s'", t->t == T_STR ? "\"" : t->s);
	return -1;
}

/* The algorithm word t names (a name of algs, in any case, or a number
 * up to 255), or -1. */
static int alg_of(const struct tok *t)
{
	uint64_t v;
	size_t i;

	if (t->t != T_WORD)
		return -1;
	if (number(t, &v))
		return v <= 255 ? (int)v : -1;
	for (i = 0; i < sizeof algs / sizeof algs[0]; i++)
		if (strcasecmp(t->s, algs[i].name) == 0)
			return algs[i].num;
	return -1;
}

/* Notes the first key of the policy named refuses, as named reports it
 * (at the key's last word): named stops reading a policy's keys there. */
static void key_error(struct bpolicy *p, const struct tok *last,
		      const char *fmt, const char *alg, uint64_t size)
{
	if (p->keyerr[0])
		return;
	snprintf(p->keyerr, sizeof p->keyerr, fmt, alg, (unsigned)size);
	p->keyerrat = place(last);
}

/* A key of the keys block: "ROLE [key-directory | key-store NAME]
 * lifetime DURATION algorithm ALG [tag-range LOW HIGH] [SIZE]" (9.20
 * adds key-store and tag-range).  named refuses an algorithm it does not
 * know and an RSA key (RSASHA1, NSEC3RSASHA1, RSASHA256, RSASHA512) of
 * fewer than 1024 or more than 4096 bits (lib/isccfg/kaspconf.c); each
 * role (csk: both) is noted per algorithm, for bind_policy_end. */
static void policy_key(struct bind *b, struct bpolicy *p,
		       const struct tok *args, size_t n)
{
	uint64_t size = 0;
	uint8_t role;
	size_t k, at;
	int a;

	role = is(&args[0], "csk") ? 3 : is(&args[0], "ksk") ? 1 :
	       is(&args[0], "zsk") ? 2 : 0;
	for (k = 1; k + 1 < n; k++)
		if (is(&args[k], "lifetime"))
			duration(b, &args[k + 1], true);
	for (k = 1; k + 1 < n && !is(&args[k], "algorithm"); k++)
		;
	if (!role || k + 1 >= n)
		return;
	at = k + 1;
	if ((a = alg_of(&args[at])) < 0) {
		key_error(p, &args[n - 1], "dnssec-policy: bad algorithm %s",
			  args[at].s, 0);
		return;
	}
	p->roles[a] |= role;
	if (a == 1 || a == 2 || a == 3 || a == 5)
		p->nonsec3 = (int16_t)a;
	k += 2;
	if (k < n && is(&args[k], "tag-range"))
		k += 3;
	if (k < n && args[k].t == T_WORD &&
	    strspn(args[k].s, "0123456789") == strlen(args[k].s) &&
	    number_at(b, &args[k], &size) &&
	    (a == 5 || a == 7 || a == 8 || a == 10) &&
	    (size < 1024 || size > 4096))
		key_error(p, &args[n - 1], "dnssec-policy: key with algorithm "
			  "%s has invalid key length %u", args[at].s, size);
}

/* "nsec3param [iterations N] [optout BOOL] [salt-length N]", its parts
 * in that order: another word ends the statement where named reads it
 * ("nsec3param salt ...", the salt that BIND 9.16 dropped). */
static void nsec3param(struct bind *b, struct bpolicy *p,
		       const struct tok *args, size_t n)
{
	uint64_t v;
	size_t k = 1;

	p->nsec3at = place(&args[n - 1]);
	if (k + 1 < n && is(&args[k], "iterations")) {
		if (number_at(b, &args[k + 1], &v))
			p->iterations = (int64_t)v;
		k += 2;
	}
	if (k + 1 < n && is(&args[k], "optout"))
		k += 2;
	if (k + 1 < n && is(&args[k], "salt-length")) {
		if (number_at(b, &args[k + 1], &v))
			p->saltlen = (int64_t)v;
		k += 2;
	}
	if (k < n)
		srv_err(b->s, args[k].file, args[k].line, args[k].col,
			"missing ';' before '%s'", args[k].s);
}

/* cds-digest-type(s): the digest types of the CDS records (RFC 8078
 * section 3; the registry of RFC 4034 section 5.1.2's field): BIND 9.20
 * refuses a name it does not know and GOST (3), which it does not
 * support. */
static void digests(struct bind *b, const struct tok *args, size_t n)
{
	static const char *const ok[] = { "SHA-1", "SHA1", "SHA-256",
		"SHA256", "SHA-384", "SHA384", "1", "2", "4", NULL };
	size_t k, i;

	for (k = 1; k < n; k++) {
		for (i = 0; ok[i] && strcasecmp(args[k].s, ok[i]) != 0; i++)
			;
		if (ok[i])
			continue;
		srv_err(b->s, args[k].file, args[k].line, args[k].col,
			"dnssec-policy: %s cds-digest-type %s",
			strcasecmp(args[k].s, "GOST") == 0 ||
			strcmp(args[k].s, "3") == 0 ? "unsupported" : "bad",
			args[k].s);
	}
}

void bind_policy_leaf(struct bind *b, enum ctx ctx, const struct tok *args,
		      size_t n)
{
	struct bpolicy *p;
	int64_t v;
	size_t i;

	if (n == 0 || !b->npolicies || args[0].t != T_WORD)
		return;
	p = &b->policies[b->npolicies - 1];
	if (ctx == C_PKEYS) {
		policy_key(b, p, args, n);
		return;
	}
	for (i = 0; i < sizeof clauses / sizeof clauses[0] &&
		    strcasecmp(args[0].s, clauses[i].name) != 0; i++)
		;
	if (i == sizeof clauses / sizeof clauses[0]) {
		srv_err(b->s, args[0].file, args[0].line, args[0].col,
			"unknown option '%s'", args[0].s);
		return;
	}
	if (is(&args[0], "nsec3param"))
		nsec3param(b, p, args, n);
	else if (is(&args[0], "cds-digest-type") ||
		 is(&args[0], "cds-digest-types"))
		digests(b, args, n);
	if (!clauses[i].dur || n < 2 || (v = duration(b, &args[1],
						       false)) < 0)
		return;
	if (is(&args[0], "signatures-refresh"))
		p->refresh = v;
	else if (is(&args[0], "signatures-validity"))
		p->validity = v;
	else if (is(&args[0], "signatures-validity-dnskey"))
		p->vdnskey = v;
}

enum ctx bind_policy_child(struct bind *b, const struct tok *args, size_t n)
{
	if (n == 0 || !b->npolicies || !is(&args[0], "keys"))
		return C_OTHER;
	b->policies[b->npolicies - 1].keysat = b->lbrace;
	return C_PKEYS;
}

/* named: the signatures are refreshed before 90% of their validity,
 * that of the DNSKEY set and that of the others (both 14 days unless
 * said), has run out; a refresh at or past it is refused, at the
 * statement. */
static bool refresh(struct bind *b, const struct bpolicy *p)
{
	int64_t r = p->refresh >= 0 ? p->refresh : 5 * 86400;
	int64_t val = p->validity >= 0 ? p->validity : 14 * 86400;
	int64_t dk = p->vdnskey >= 0 ? p->vdnskey : 14 * 86400;
	bool bad = false;

	if (r * 10 >= dk * 9)
		bad = !srv_err(b->s, p->at.file, p->at.line, p->at.col,
			       "dnssec-policy: policy '%s' signatures-refresh "
			       "must be at most 90%% of the "
			       "signatures-validity-dnskey", p->name);
	if (r * 10 >= val * 9)
		bad = !srv_err(b->s, p->at.file, p->at.line, p->at.col,
			       "dnssec-policy: policy '%s' signatures-refresh "
			       "must be at most 90%% of the "
			       "signatures-validity", p->name);
	return bad;
}

/* named signs a zone with a key signing key and a zone signing key of
 * each algorithm (RFC 6781 section 3.1; a csk is both): one role alone
 * is refused, at the keys block's '{'. */
static bool roles(struct bind *b, const struct bpolicy *p)
{
	bool bad = false;
	int a;

	for (a = 255; p->keysat.file && a >= 0; a--)
		if (p->roles[a] && p->roles[a] != 3)
			bad = !srv_err(b->s, p->keysat.file, p->keysat.line,
				       p->keysat.col, "dnssec-policy: "
				       "algorithm %d requires both KSK and ZSK "
				       "roles", a);
	return bad;
}

void bind_policy_end(struct bind *b)
{
	const struct bpolicy *p;
	const char *alg;
	size_t i;

	if (!b->npolicies)
		return;
	p = &b->policies[b->npolicies - 1];
	if (refresh(b, p))
		return;
	if (p->keyerr[0]) {
		srv_err(b->s, p->keyerrat.file, p->keyerrat.line,
			p->keyerrat.col, "%s", p->keyerr);
		return;
	}
	if (roles(b, p) || !p->nsec3at.file)
		return;
	/* RFC 5155 section 2: NSEC3 goes with the algorithms defined after
	 * it (6 and 7 are 3 and 5 under names NSEC3 resolvers know) */
	if (p->nonsec3 >= 0) {
		for (i = 0, alg = ""; i < sizeof algs / sizeof algs[0]; i++)
			if (algs[i].num == p->nonsec3)
				alg = algs[i].name;
		srv_err(b->s, p->nsec3at.file, p->nsec3at.line,
			p->nsec3at.col, "dnssec-policy: cannot use nsec3 with "
			"algorithm '%s'", alg);
		return;
	}
	/* named 9.18 reads 150 iterations at most (BIND 9.20: none, as
	 * RFC 9276 section 3.1 says) */
	if (p->iterations > 150)
		srv_err(b->s, p->nsec3at.file, p->nsec3at.line,
			p->nsec3at.col, "dnssec-policy: nsec3 iterations value "
			"%u out of range", (unsigned)p->iterations);
	else if (p->saltlen > 255)
		srv_err(b->s, p->nsec3at.file, p->nsec3at.line,
			p->nsec3at.col, "dnssec-policy: nsec3 salt length %u "
			"too high", (unsigned)p->saltlen);
}

/* nta-lifetime and nta-recheck, in options or a view: named-checkconf
 * refuses a negative trust anchor kept no time at all or over a week
 * (RFC 7646 section 2: it is to last as short a time as it may), and a
 * recheck less often than weekly; one past the lifetime is only warned
 * of. */
void bind_nta_option(struct bind *b, const struct tok *args, size_t n)
{
	int64_t v;

	if (n < 2 || (!is(&args[0], "nta-lifetime") &&
		      !is(&args[0], "nta-recheck")) ||
	    (v = duration(b, &args[1], false)) < 0)
		return;
	if (v == 0 && is(&args[0], "nta-lifetime"))
		srv_err(b->s, args[1].file, args[1].line, args[1].col,
			"'nta-lifetime' may not be zero");
	else if (v > 604800)
		srv_err(b->s, args[1].file, args[1].line, args[1].col,
			"'%s' cannot exceed one week", is(&args[0],
			"nta-lifetime") ? "nta-lifetime" : "nta-recheck");
}
