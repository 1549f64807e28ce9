/* zone_state.c - what every part of the zone loader reads and writes of
 * one load: its sources, its first failure, the origin, and the names,
 * TTLs, classes and argument counts of its lines.  It sits below the line
 * loop (zone_load.c), records (zone_record.c) and directives
 * (zone_directive.c, zone_generate.c), and uses none of them. */
#include "zone_loader.h"

#include <ctype.h>
#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"

/* ---- reading sources ---- */

/* Fills the marks of s->buf (s->lines, s->mark_line, s->nmarks) and
 * s->nlines. */
static void index_lines(struct zl_src *s)
{
	const char *buf = s->buf, *p = buf, *nl;
	size_t n = 1, len = s->len, k = 1, cap = len / ZL_LINE_STEP + 1;

	s->lines = zl_xmalloc(cap * sizeof *s->lines);
	s->mark_line = zl_xmalloc(cap * sizeof *s->mark_line);
	s->lines[0] = 0;
	s->mark_line[0] = 0;
	while ((nl = memchr(p, '\n', len - (size_t)(p - buf))) != NULL) {
		p = nl + 1;
		/* line n starts at p: a mark every ZL_LINE_STEP lines, and
		 * at the first line start ZL_MARK_BYTES past the last mark */
		if (n % ZL_LINE_STEP == 0 ||
		    (size_t)(p - buf) - s->lines[k - 1] >= ZL_MARK_BYTES) {
			if (k == cap) {
				cap *= 2;
				s->lines = zl_xrealloc(s->lines, cap *
						       sizeof *s->lines);
				s->mark_line = zl_xrealloc(s->mark_line, cap *
							   sizeof *s->mark_line);
			}
			s->lines[k] = (uint32_t)(p - buf);
			s->mark_line[k++] = (uint32_t)n;
		}
		n++;
	}
	s->nlines = n;
	s->nmarks = k;
	s->lines = zl_xrealloc(s->lines, k * sizeof *s->lines);
	s->mark_line = zl_xrealloc(s->mark_line, k * sizeof *s->mark_line);
}

/* Adds a source with its line-start table: buf (taken), or the text of
 * `again`, an earlier source of the same file, shared.  Returns its index,
 * or -1 when there are too many sources. */
int zl_ld_add_src(struct zl_zone *z, const char *path, const char *display,
		   char *buf, size_t len, const struct zl_src *again)
{
	struct zl_src *s;

	if (z->nsrcs >= MAX_SRCS) {
		free(buf);
		return -1;
	}
	/* Every allocation first: buf becomes the zone's only once nothing
	 * can fail, so that running out of memory frees it once (the caller
	 * still holds it: loader_abort). */
	z->srcs = zl_xrealloc(z->srcs, (z->nsrcs + 1) * sizeof *z->srcs);
	s = zl_xcalloc(1, sizeof *s);
	s->path = zl_xstrdup(path);
	s->display = zl_xstrdup(display);
	if (again) {
		s->buf = again->buf;
		s->len = again->len;
		s->lines = again->lines;
		s->nlines = again->nlines;
		s->mark_line = again->mark_line;
		s->nmarks = again->nmarks;
		s->shared = true;
	} else {
		s->buf = buf;
		s->len = len;
		index_lines(s);
	}
	z->srcs[z->nsrcs] = s;
	return (int)z->nsrcs++;
}

/* ---- origin ---- */

void zl_ld_fail(struct loader *L, enum zl_status st, const char *fmt, ...)
{
	va_list ap;

	if (L->st != ZL_OK)
		return;
	L->st = st;
	va_start(ap, fmt);
	L->err = zl_xvasprintf(fmt, ap);
	va_end(ap);
}

/* Whether s[0..n) ends in a label of digits alone, as no domain name does
 * (a top-level domain is never all-numeric, RFC 3696 §2): the name of a
 * network (db.192.168.1, 10.115.zone), whose file holds a reverse zone
 * whose name it does not give, the octets being written in either order. */
static bool digits_last(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i--;
	return i < n && (i == 0 || s[i - 1] == '.');
}

/* Whether s[0..n) is a dot-separated list of at least two host-name labels
 * (letters, digits, inner hyphens; RFC 952/1123), the last not all
 * digits. */
static bool host_name(const char *s, size_t n)
{
	size_t i, llen = 0, labels = 0;

	if (n == 0 || n > 253 || digits_last(s, n))
		return false;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (llen == 0 || llen > 63 || s[i - 1] == '-')
				return false;
			labels++;
			llen = 0;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
			   (s[i] >= 'A' && s[i] <= 'Z') ||
			   (s[i] >= '0' && s[i] <= '9') ||
			   (s[i] == '-' && llen > 0)) {
			llen++;
		} else {
			return false;
		}
	}
	return labels >= 2;
}

/* What of a file name may name its origin: the base name without a
 * zone pattern (example.com.zone, example.com.db, example.com.txt as
 * Cloudflare exports a zone, example.com.dns as Windows DNS Server keeps
 * one, example.com.hosts as Webmin's BIND module does, db.example.com,
 * pri.example.com as ISPConfig writes it, each also with .signed after
 * it) and a final dot, into *base, of the length returned; *pattern says
 * whether there was one (not the bare example.com). */
static size_t name_base(const char *name, const char **base, bool *pattern)
{
	const char *b = strrchr(name, '/');
	size_t n;

	b = b ? b + 1 : name;
	n = strlen(b);
	/* dnssec-signzone writes the signed zone beside its input, with
	 * ".signed" added: db.example.com.signed, example.com.zone.signed */
	if (n > 7 && strncasecmp(b + n - 7, ".signed", 7) == 0)
		n -= 7;
	*pattern = true;
	if (n > 5 && strncasecmp(b + n - 5, ".zone", 5) == 0)
		n -= 5;
	else if (n > 3 && strncasecmp(b + n - 3, ".db", 3) == 0)
		n -= 3;
	/* Cloudflare's export: example.com.txt */
	else if (n > 4 && strncasecmp(b + n - 4, ".txt", 4) == 0)
		n -= 4;
	/* Windows DNS Server's zone files: example.com.dns */
	else if (n > 4 && strncasecmp(b + n - 4, ".dns", 4) == 0)
		n -= 4;
	/* Webmin's and Virtualmin's BIND zone files: example.com.hosts */
	else if (n > 6 && strncasecmp(b + n - 6, ".hosts", 6) == 0)
		n -= 6;
	else if (n > 3 && strncasecmp(b, "db.", 3) == 0) {
		b += 3;
		n -= 3;
	/* ISPConfig's BIND zone files: pri.example.com */
	} else if (n > 4 && strncasecmp(b, "pri.", 4) == 0) {
		b += 4;
		n -= 4;
	} else
		*pattern = false;
	/* a name written absolute, as in the zone: db.example.com. */
	if (n > 1 && b[n - 1] == '.')
		n--;
	*base = b;
	return n;
}

/* The origin name gives, and whether name has one of the zone patterns. */
static bool from_name(const char *name, char *out, size_t outsz,
		      bool *pattern)
{
	const char *base;
	size_t n = name_base(name, &base, pattern);

	if (!host_name(base, n) || n + 2 > outsz)
		return false;
	memcpy(out, base, n);
	out[n] = '.';
	out[n + 1] = '\0';
	return true;
}

bool zl_origin_from_name(const char *name, char *out, size_t outsz)
{
	bool pattern;

	return from_name(name, out, outsz, &pattern);
}

bool zl_ld_origin_known(const struct loader *L)
{
	char buf[300];

	return L->originlen || L->origin_bad || L->soa_guess[0] ||
	       (L->opts && L->opts->origin) ||
	       zl_origin_from_name(L->infer_name, buf, sizeof buf);
}

/* Makes the current origin known: --origin, else the file name, else the
 * root after a bad $ORIGIN.  Returns false (and ends the load) when none
 * gives one. */
bool zl_ld_origin(struct loader *L)
{
	static const uint8_t root[1] = { 0 };
	const char *text = L->opts ? L->opts->origin : NULL, *cat;
	char buf[300], msg[256];

	if (L->originlen)
		return true;
	if (L->st != ZL_OK)
		return false;
	if (!text && zl_origin_from_name(L->infer_name, buf, sizeof buf))
		text = buf;
	/* The file meant to name its origin in a $ORIGIN that was reported
	 * as bad: the records go on from the root, as after `$ORIGIN .`
	 * (an SOA first with an absolute owner names the zone and its
	 * relative names, zl_ld_soa_apex),
	 * rather than ending the load on that one line. */
	if (!text && L->origin_bad)
		text = ".";
	/* An SOA owner written without its final dot: the zone it names,
	 * where its record lands below the apex (ZONE006 says so). */
	if (!text && L->soa_guess[0])
		text = L->soa_guess;
	if (!text) {
		const char *base;
		bool pattern;
		size_t n = name_base(L->infer_name, &base, &pattern), i;

		/* db.kazan: one label is as often a file of the server's
		 * own (db.local, db.root, db.127) as an internal zone */
		for (i = 0; pattern && i < n && i < 63 &&
		     (isalnum((unsigned char)base[i]) || base[i] == '-'); i++)
			;
		if (pattern && n && i == n) {
			zl_ld_fail(L, ZL_ERR_ORIGIN, "cannot determine the "
				   "origin of '%s': '%.*s' is one label, which "
				   "is not taken from a file name; add a "
				   "$ORIGIN line, pass --origin, or give it "
				   "one under origins: in .zonelint.yaml",
				   L->infer_name, (int)n, base);
			return false;
		}
		if (n && n <= 253 && digits_last(base, n)) {
			zl_ld_fail(L, ZL_ERR_ORIGIN, "cannot determine the "
				   "origin of '%s': '%.*s' ends in a label of "
				   "digits, which no domain name does: it names "
				   "a network, and a reverse zone's origin ends "
				   "in in-addr.arpa: add a $ORIGIN line, pass "
				   "--origin, or give it one under origins: in "
				   ".zonelint.yaml", L->infer_name, (int)n, base);
			return false;
		}
		zl_ld_fail(L, ZL_ERR_ORIGIN,
		     "cannot determine the origin of '%s': add a $ORIGIN line, "
		     "pass --origin, give it one under origins: in "
		     ".zonelint.yaml, or name the file like example.com.zone "
		     "or db.example.com", L->infer_name);
		return false;
	}
	L->originlen = zl_name_from_text(text, strlen(text), root, 1,
					 L->origin, &cat, msg, sizeof msg);
	if (L->originlen == 0) {
		zl_ld_fail(L, ZL_ERR_ORIGIN, "invalid origin: %s", msg);
		return false;
	}
	return true;
}

/* The zone's origin is the one given to the load, else the first $ORIGIN
 * before any record, else the one in force at the first record (RFC 1035
 * §5.1). */
void zl_ld_fix_origin(struct loader *L)
{
	if (!L->z->origin && L->originlen)
		zl_zone_set_origin(L->z, zl_name_intern_wire(L->z, L->origin));
}

/* A zone with neither records nor a way to name it still needs an origin:
 * the root, so that nothing downstream sees NULL. */
void zl_ld_final_origin(struct loader *L)
{
	char buf[300];

	if (L->st == ZL_OK && !L->z->origin && !L->originlen &&
	    ((L->opts && L->opts->origin) ||
	     zl_origin_from_name(L->infer_name, buf, sizeof buf)))
		zl_ld_origin(L);
	if (L->st != ZL_OK)
		return;
	if (!L->originlen) {
		L->origin[0] = 0;
		L->originlen = 1;
	}
	zl_ld_fix_origin(L);
}

bool zl_ld_relative(const char *s, size_t n)
{
	size_t bs = 0;

	if (n == 0 || s[n - 1] != '.')
		return true;
	while (bs + 1 < n && s[n - 2 - bs] == '\\')
		bs++;
	return bs % 2 == 1;
}

/* Whether the current origin is the root, as `$ORIGIN .` sets it. */
static bool origin_is_root(const struct loader *L)
{
	return L->originlen == 1 && L->origin[0] == 0;
}

/* Whether the origin a file name gives, name ("example.com-old."), is
 * owner's (an absolute name, n bytes: "example.com.") with more glued to
 * its ends, as in the name of a copy of the zone's file: a dated or
 * renamed backup (example.com.2024-05-14.zone, example.com-old.zone) or a
 * provider's export (cf-example.org.txt).  Then the SOA's owner names the
 * zone.  A name below owner (sub.example.com.zone) or above it is no
 * copy: the file and its SOA disagree, which the zone's findings say. */
static bool copy_of(const char *name, const char *owner, size_t n)
{
	size_t k = strlen(name), i;

	if (n < 2 || n > k || owner[n - 1] != '.')
		return false;
	n--;	/* its final dot: the name's own may follow the match */
	for (i = 0; i + n < k; i++)
		if ((i == 0 || strchr("-_", name[i - 1])) &&
		    strchr(".-_", name[i + n]) &&
		    strncasecmp(name + i, owner, n) == 0)
			return i > 0 || name[i + n + 1] != '\0';
	return false;
}

/* Whether the base name of the file name, read bare, is owner (an
 * absolute name, n bytes): the zone pri.example.com kept in the file
 * pri.example.com, whose SOA says so; the file name has a pattern's shape
 * only by chance, as the zone's name, which servers load it as, has. */
static bool bare_name_is(const char *name, const char *owner, size_t n)
{
	const char *b = strrchr(name, '/');
	size_t k;

	b = b ? b + 1 : name;
	k = strlen(b);
	if (k > 1 && b[k - 1] == '.')
		k--;
	return n >= 2 && owner[n - 1] == '.' && k == n - 1 &&
	       strncasecmp(b, owner, k) == 0;
}

bool zl_ld_knotc_prefix(const struct loader *L, uint16_t src,
			const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t);

	/* "[zone.] owner TTL type ...": the TTL always printed */
	return !L->generating && !ln->blank && ln->ntoks >= 4 &&
	       !ln->toks[2].quoted && ln->toks[2].len &&
	       isdigit((unsigned char)text_of(L, src, &ln->toks[2])[0]) &&
	       !t->quoted && t->len >= 3 && s[0] == '[' &&
	       s[t->len - 1] == ']' && s[t->len - 2] == '.' &&
	       !memchr(s + 1, '[', t->len - 2) &&
	       !memchr(s + 1, ']', t->len - 2);
}

/* The index of the type token of line ln when it is an SOA record
 * (owner [TTL] [class] SOA, TTL and class in either order), else 0. */
static size_t soa_type_at(const struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln)
{
	const struct zl_lex_tok *t;
	const char *s;
	uint16_t v;
	size_t i;

	if (ln->blank || ln->ntoks < 2 || ln->err_cat)
		return 0;
	for (i = 1; i < 3 && i < ln->ntoks; i++) {
		t = &ln->toks[i];
		s = text_of(L, src, t);
		if (t->quoted || !t->len ||
		    !((s[0] >= '0' && s[0] <= '9') ||
		      zl_ld_class(s, t->len, &v)))
			break;
	}
	if (i >= ln->ntoks)
		return 0;
	t = &ln->toks[i];
	if (t->quoted || !zl_type_parse(text_of(L, src, t), t->len, &v) ||
	    v != LDNS_RR_TYPE_SOA)
		return 0;
	return i;
}

/* The SOA record ln names the zone (zl_ld_soa_apex). */
static void soa_names_zone(struct loader *L, uint16_t src,
			   const struct zl_lex_line *ln)
{
	static const uint8_t root[1] = { 0 };
	uint8_t wire[ZL_NAME_MAXWIRE];
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t);
	char buf[300];
	bool pattern, named;
	size_t wl;

	/* A file named like a zone names it (below); a bare example.com,
	 * less surely than the SOA. */
	named = !L->originlen &&
		from_name(L->infer_name, buf, sizeof buf, &pattern) && pattern;
	/* Written without its final dot, nothing to read it against: the
	 * name meant, should nothing else name the zone (zl_ld_origin). */
	if (!t->quoted && !L->originlen && zl_ld_relative(s, t->len) &&
	    host_name(s, t->len) && t->len + 2 <= sizeof L->soa_guess) {
		memcpy(L->soa_guess, s, t->len);
		memcpy(L->soa_guess + t->len, ".", 2);
	}
	if (t->quoted || (!L->originlen && zl_ld_relative(s, t->len)) ||
	    (named && !copy_of(buf, s, t->len) &&
	     !bare_name_is(L->infer_name, s, t->len)))
		return;
	/* read as the record will be: what BIND alone refuses (miek\256.nl.)
	 * as Knot DNS reads it, the record noting it */
	wl = zl_name_read(L->z, src, s, t->len, root, 1, wire);
	if (wl == 0) {
		/* The record's own reading reports the owner.  The zone is
		 * named as it would be without it (a bare file name), else
		 * it is the root, as after `$ORIGIN .`: the SOA meant for
		 * its apex is lost there. */
		if (!L->originlen && !zl_origin_from_name(L->infer_name, buf,
							  sizeof buf)) {
			L->origin[0] = 0;
			L->originlen = 1;
		}
		if (zl_ld_origin(L)) {
			zl_ld_fix_origin(L);
			zl_zone_lost(L->z, L->z->origin, LDNS_RR_TYPE_SOA);
		}
		return;
	}
	if (!L->originlen) {
		memcpy(L->origin, wire, wl);
		L->originlen = wl;
	}
	zl_zone_set_origin(L->z, zl_name_intern_wire(L->z, wire));
}

/* Finds the first SOA record of source src from line ln on, past
 * records and $TTL lines only: true with its line in *out, read with lx
 * (which the caller frees); false at another directive or the end.  The
 * records before it are the zone's whatever they are: servers load the
 * file only as the zone of its SOA (RFC 1035 §5.2: the SOA at the top). */
static bool soa_ahead(struct loader *L, uint16_t src,
		      const struct zl_lex_line *ln, struct zl_lexer *lx,
		      struct zl_lex_line *out)
{
	const struct zl_src *sr = L->z->srcs[src];
	const struct zl_lex_tok *t;

	zl_lex_init(lx, sr->buf, sr->len);
	lx->pos = ln->start;
	while (zl_lex_next(lx, out)) {
		if (out->err_cat || out->ntoks == 0 || out->blank)
			continue;
		if (zl_ld_knotc_prefix(L, src, out)) {
			out->toks++;
			out->ntoks--;
		}
		t = &out->toks[0];
		if (!t->quoted && sr->buf[t->off] == '$') {
			if (t->len == 4 &&
			    strncasecmp(sr->buf + t->off, "$TTL", 4) == 0)
				continue;
			return false;
		}
		if (soa_type_at(L, src, out))
			return true;
	}
	return false;
}

/* A file whose first $ORIGIN (O) names the parent of its first record, an
 * SOA whose owner is one label written relative to it, as NSD writes
 * zones (util.c, print_rr: "$ORIGIN com." and "example IN SOA"): the
 * SOA's owner is the zone, the one name under which servers load the
 * file, not O; unless the file name names O too, which makes the owner
 * the slip. */
static void soa_below_origin(struct loader *L, uint16_t src,
			     const struct zl_lex_line *ln)
{
	uint8_t wire[ZL_NAME_MAXWIRE];
	const struct zl_lex_tok *t = &ln->toks[0];
	const char *s = text_of(L, src, t);
	char buf[300];
	size_t i, wl;

	if (t->quoted || !t->len || (t->len == 1 && s[0] == '@') ||
	    zl_name_intern_wire(L->z, L->origin) != L->z->origin)
		return;
	for (i = 0; i < t->len; i++)
		if (s[i] == '.' || s[i] == '\\')
			return;
	if (zl_origin_from_name(L->infer_name, buf, sizeof buf) &&
	    strcasecmp(buf, L->z->origin->text) == 0)
		return;
	wl = zl_name_read(L->z, src, s, t->len, L->origin,
			  L->originlen, wire);
	if (wl)
		zl_zone_set_origin(L->z, zl_name_intern_wire(L->z, wire));
}

void zl_ld_soa_apex(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln)
{
	struct zl_lexer lx;
	struct zl_lex_line soa;

	if (L->st != ZL_OK || ln->blank || ln->ntoks < 2)
		return;
	if (L->z->origin) {
		if (L->apex_dollar && soa_type_at(L, src, ln))
			soa_below_origin(L, src, ln);
		return;
	}
	if (L->originlen && !origin_is_root(L))
		return;
	if (soa_type_at(L, src, ln)) {
		soa_names_zone(L, src, ln);
		return;
	}
	/* Google Cloud DNS exports and pdnsutil list-zone may list the
	 * apex's NS records before its SOA record. */
	if (soa_ahead(L, src, ln, &lx, &soa))
		soa_names_zone(L, src, &soa);
	zl_lex_free(&lx);
}

/* Parses a domain-name token relative to the current origin into wire.
 * Returns its length, or 0 after adding a problem. */
size_t zl_ld_name(struct loader *L, uint16_t src,
			 const struct zl_lex_tok *t, uint8_t *wire)
{
	const char *s = L->z->srcs[src]->buf + t->off, *cat;
	struct zl_tok at = { t->off, t->len };
	char msg[256];
	size_t n = t->len, wl;

	if (t->quoted) {
		zl_zone_problem(L->z, "syntax", src, at,
				"invalid domain name %.*s%s", ZL_TOKARGS(s, n));
		return 0;
	}
	if (zl_ld_relative(s, n) && !zl_ld_origin(L))
		return 0;
	wl = zl_name_from_zone(L->z, src, at, s, n, L->origin, L->originlen,
			       wire, &cat, msg, sizeof msg, false);
	if (wl == 0)
		zl_zone_problem(L->z, cat, src, at, "%s", msg);
	return wl;
}

/* ---- directives ---- */

/* Whether s[0..n) is a TTL with units whose last number has none ("1h30"):
 * BIND and Knot DNS refuse it, NSD adds that number as seconds, the sum
 * in *secs. */
static bool ttl_unitless_tail(const char *s, size_t n, uint64_t *secs)
{
	uint64_t head, tail;
	size_t i = n;

	while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i--;
	if (i == 0 || i == n || zl_ttl_parse(s, i, UINT32_MAX, &head) != 0 ||
	    zl_ttl_parse(s + i, n - i, UINT32_MAX, &tail) != 0)
		return false;
	*secs = head + tail;
	return true;
}

/* Reads a TTL token into *out.  Returns false after reporting one that is
 * not a TTL or does not fit its 32 bits.  RFC 2181 §8: receivers read a TTL
 * with the top bit set as 0; so does the loader, after a warning. */
bool zl_ld_ttl(struct loader *L, uint16_t src,
		      const struct zl_lex_tok *t, uint32_t *out)
{
	const char *s = text_of(L, src, t);
	uint64_t v;
	int rc = zl_ttl_parse(s, t->len, UINT32_MAX, &v);

	if (rc == -1 && ttl_unitless_tail(s, t->len, &v)) {
		zl_zone_problem(L->z, "syntax", src, span(t), "TTL '%.*s%s' "
				"ends in a number without a unit, which BIND "
				"and Knot DNS refuse (NSD reads it as seconds: "
				"%llu in all): write its unit",
				ZL_TOKARGS(s, t->len), (unsigned long long)v);
		return false;
	}
	if (rc == -1) {
		zl_zone_problem(L->z, "syntax", src, span(t),
				"invalid TTL '%.*s%s'", ZL_TOKARGS(s, t->len));
		return false;
	}
	if (rc == -2) {
		zl_zone_problem(L->z, "range", src, span(t),
				"TTL %.*s%s does not fit in 32 bits "
				"(0..4294967295)", ZL_TOKARGS(s, t->len));
		return false;
	}
	/* BIND reads a TTL word into 64 bytes: a longer one, leading zeros
	 * or units, it takes for a type it does not know. */
	if (t->len > 63)
		zl_zone_refused(L->z, ZL_NOT_BIND, "portable", src, span(t),
				"TTL of %u characters, which BIND refuses: it "
				"reads 63 at most", (unsigned)t->len);
	if (v > MAX_TTL) {
		zl_zone_problem(L->z, "ttl", src, span(t),
				"TTL %.*s%s exceeds 2147483647: receivers read "
				"it as 0 (RFC 2181 §8), as BIND loads it; NSD "
				"loads the TTL it would give a record without "
				"one", ZL_TOKARGS(s, t->len));
		v = 0;
	}
	*out = (uint32_t)v;
	return true;
}

/* ---- lines ---- */

bool zl_ld_args(struct loader *L, uint16_t src,
		    const struct zl_lex_line *ln, size_t min, size_t max,
		    const char *what)
{
	const struct zl_lex_tok *t;

	if (ln->ntoks - 1 < min) {
		zl_zone_problem(L->z, "syntax", src, span(&ln->toks[0]),
				"missing %s after %.*s%s", what,
				ZL_TOKARGS(text_of(L, src, &ln->toks[0]),
					   ln->toks[0].len));
		return false;
	}
	if (ln->ntoks - 1 > max) {
		t = &ln->toks[max + 1];
		zl_zone_problem(L->z, "syntax", src, span(t),
				"extra field '%.*s%s' after %.*s%s",
				ZL_TOKARGS(text_of(L, src, t), t->len),
				ZL_TOKARGS(text_of(L, src, &ln->toks[0]),
					   ln->toks[0].len));
		return false;
	}
	return true;
}

/* The class mnemonics: the data classes and the query classes NONE and
 * ANY (RFC 6895 §3.2). */
static const struct { const char *name; uint16_t v; } classes[] = {
	{ "IN", 1 }, { "CS", 2 }, { "CH", 3 }, { "HS", 4 },
	{ "NONE", 254 }, { "ANY", 255 },
};
enum { DATA_CLASSES = 4 };	/* the first ones, IN to HS */

bool zl_ld_class(const char *s, size_t n, uint16_t *out)
{
	size_t i;

	for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		/* The first letter, in either case, settles most. */
		if (n && ((s[0] ^ classes[i].name[0]) & ~0x20) == 0 &&
		    strlen(classes[i].name) == n &&
		    strncasecmp(s, classes[i].name, n) == 0) {
			*out = classes[i].v;
			return true;
		}
	}
	/* CLASSnnn (RFC 3597 §5), or a form of it some server reads */
	return n > 5 && strncasecmp(s, "CLASS", 5) == 0 &&
	       zl_lex_generic_form(s, n, 5, out) !=
	       (ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD);
}

/* The data class s[0..n) is a slip of, or 0 (zl_ld_class_slip). */
static uint16_t class_near(const char *s, size_t n)
{
	size_t i, d, best = SIZE_MAX, max = zl_nearest_max(n);
	uint16_t k = 0;
	char word[8];

	if (n == 0 || n >= sizeof word)
		return 0;
	memcpy(word, s, n);
	word[n] = '\0';
	/* The data classes only: NONE and ANY are query classes (RFC 6895
	 * §3.2), which no record of a zone file has.  As zl_type_lost_as():
	 * of two as near, the one with the same first letter, else none. */
	for (i = 0; i < DATA_CLASSES; i++) {
		if ((d = zl_edit_distance(word, classes[i].name, max)) > max)
			continue;
		d = 2 * d + ((word[0] ^ classes[i].name[0]) & ~0x20 ? 1 : 0);
		k = d < best ? classes[i].v : d == best ? 0 : k;
		best = d < best ? d : best;
	}
	return k;
}

uint16_t zl_ld_class_slip(const struct loader *L, uint16_t src,
			  const struct zl_lex_line *ln, size_t i, bool ttl,
			  uint16_t *type)
{
	const struct zl_lex_tok *t = &ln->toks[i];
	uint16_t k;

	if (t->quoted || !(k = class_near(text_of(L, src, t), t->len)))
		return 0;
	if (++i < ln->ntoks && !ttl && !ln->toks[i].quoted &&
	    ln->toks[i].len &&
	    isdigit((unsigned char)*text_of(L, src, &ln->toks[i])))
		i++;
	return i < ln->ntoks && !ln->toks[i].quoted &&
	       zl_type_parse(text_of(L, src, &ln->toks[i]), ln->toks[i].len,
			     type) ? k : 0;
}

const char *zl_ld_class_name(uint16_t k, char *buf, size_t sz)
{
	size_t i;

	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (classes[i].v == k)
			return classes[i].name;
	snprintf(buf, sz, "CLASS%u", (unsigned)k);
	return buf;
}
