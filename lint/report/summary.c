/* summary.c - what a change does to mail: per mail domain, the MX, SPF,
 * DMARC, DKIM, MTA-STS, TLS-RPT and DANE records that differ between a
 * zone's base version and now, as text or Markdown (zl_summary). */
#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "impl.h"
#include "rrtext.h"
#include "spf.h"
#include "tagvalue.h"

/* The summary being written. */
struct sum {
	struct zl_buf b;
	enum zl_summary_format fmt;
	const char *title;	/* shown before the first item, then NULL */
	const char *domain;	/* the domain items are about */
	bool domain_shown;
	size_t items;		/* items written */
	const struct zl_zone *old, *cur;
	struct zl_zoneset *set;	/* the run's zones, or NULL */
};

/* A value from the zone, escaped; in Markdown a code span, its backticks
 * written as \096 so that no zone data can end it. */
static void val(struct sum *s, const char *v)
{
	size_t n;

	if (s->fmt != ZL_SUMMARY_MARKDOWN) {
		zl_buf_add_escaped(&s->b, v, strlen(v));
		return;
	}
	zl_buf_addc(&s->b, '`');
	while (*v) {
		n = strcspn(v, "`");
		zl_buf_add_escaped(&s->b, v, n);
		v += n;
		if (*v == '`') {
			zl_buf_add(&s->b, "\\096", 4);
			v++;
		}
	}
	zl_buf_addc(&s->b, '`');
}

/* Starts an item line, after the title and the domain's heading when
 * they have not been written yet. */
static void item(struct sum *s)
{
	bool md = s->fmt == ZL_SUMMARY_MARKDOWN;

	if (s->title) {
		zl_buf_add(&s->b, md ? "### " : "", md ? 4 : 0);
		val(s, s->title);
		zl_buf_add(&s->b, md ? "\n\n" : "\n", md ? 2 : 1);
		s->title = NULL;
	}
	if (!s->domain_shown) {
		/* a blank line ends the list of the domain before */
		if (md && s->items)
			zl_buf_addc(&s->b, '\n');
		zl_buf_add(&s->b, md ? "**" : "  ", 2);
		val(s, s->domain);
		zl_buf_add(&s->b, md ? "**\n\n" : "\n", md ? 4 : 1);
		s->domain_shown = true;
	}
	s->items++;
	zl_buf_add(&s->b, md ? "- " : "    ", md ? 2 : 4);
}

/* Writes fmt, where each %s is a value from the zone (val) and the rest
 * is wording, as one item. */
static void say(struct sum *s, const char *fmt, ...)
{
	const char *p;
	va_list ap;

	item(s);
	va_start(ap, fmt);
	for (p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			val(s, va_arg(ap, const char *));
			p++;
		} else
			zl_buf_addc(&s->b, *p);
	}
	va_end(ap);
	zl_buf_addc(&s->b, '\n');
}

static void say_ttl(struct sum *s, const char *what, const char *name,
		    uint32_t a, uint32_t b)
{
	char x[16], y[16];

	snprintf(x, sizeof x, "%lu", (unsigned long)a);
	snprintf(y, sizeof y, "%lu", (unsigned long)b);
	say(s, what, name, x, y);
}

/* Writes "<what> added: X" and "<what> removed: Y" for each text that
 * only one of old and cur has, removals first. */
static void set_diff(struct sum *s, const char *added, const char *removed,
		     const struct zl_rrtexts *old, const struct zl_rrtexts *cur,
		     const char *name)
{
	size_t i;

	for (i = 0; i < old->n; i++)
		if (!zl_rrtexts_has(cur, old->v[i].text))
			say(s, removed, name, old->v[i].text);
	for (i = 0; i < cur->n; i++)
		if (!zl_rrtexts_has(old, cur->v[i].text))
			say(s, added, name, cur->v[i].text);
}

/* The records of type at name (kept by keep) in both versions. */
static void both(const struct sum *s, const char *name, uint16_t type,
		 zl_rrtext_keep *keep, struct zl_rrtexts *o,
		 struct zl_rrtexts *c)
{
	zl_rrtexts_at(o, s->old, name, type, keep);
	zl_rrtexts_at(c, s->cur, name, type, keep);
}

static void both_free(struct zl_rrtexts *o, struct zl_rrtexts *c)
{
	zl_rrtexts_free(o);
	zl_rrtexts_free(c);
}

/* The target of an MX text "PREF TARGET". */
static const char *mx_target(const char *text)
{
	const char *sp = strchr(text, ' ');

	return sp ? sp + 1 : text;
}

/* An MX record that one version holds and the other does not, with the
 * record of the other version it is paired with (same target, another
 * preference), or NULL. */
struct mx_side {
	const char *text;
	const char *peer;
};

static int cmp_target(const void *a, const void *b)
{
	const struct mx_side *x = a, *y = b;
	int r = strcmp(mx_target(x->text), mx_target(y->text));

	return r ? r : strcmp(x->text, y->text);
}

static int cmp_side(const void *a, const void *b)
{
	return strcmp(((const struct mx_side *)a)->text,
		      ((const struct mx_side *)b)->text);
}

/* The MX texts of a that b lacks, but the null MX; the caller frees the
 * array. */
static struct mx_side *only_in(const struct zl_rrtexts *a,
			       const struct zl_rrtexts *b, size_t *n)
{
	struct mx_side *v = zl_xcalloc(a->n + 1, sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].text, "0 .") != 0 &&
		    !zl_rrtexts_has(b, a->v[i].text))
			v[(*n)++].text = a->v[i].text;
	return v;
}

/* Pairs each removed record with an added one of the same target, one to
 * one, so that a target listed twice at different preferences (MX008)
 * whose records stay the same is no change; both arrays come back in text
 * order. */
static void mx_pair(struct mx_side *o, size_t on, struct mx_side *c,
		    size_t cn)
{
	size_t i = 0, j = 0;
	int r;

	qsort(o, on, sizeof *o, cmp_target);
	qsort(c, cn, sizeof *c, cmp_target);
	while (i < on && j < cn) {
		r = strcmp(mx_target(o[i].text), mx_target(c[j].text));
		if (r == 0) {
			o[i].peer = c[j].text;
			c[j++].peer = o[i++].text;
		} else if (r < 0)
			i++;
		else
			j++;
	}
	qsort(o, on, sizeof *o, cmp_side);
	qsort(c, cn, sizeof *c, cmp_side);
}

/* Addresses and DANE records of one MX host. */
static void mx_host(struct sum *s, const char *host)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA };
	struct zl_rrtexts o, c;
	char *tlsa;
	size_t i;

	for (i = 0; i < 2; i++) {
		both(s, host, types[i], NULL, &o, &c);
		set_diff(s, "address of MX host %s added: %s",
			 "address of MX host %s removed: %s", &o, &c, host);
		if (o.n && c.n && o.ttl != c.ttl)
			say_ttl(s, i ? "AAAA TTL of MX host %s: %s -> %s" :
				"A TTL of MX host %s: %s -> %s", host, o.ttl,
				c.ttl);
		both_free(&o, &c);
	}
	/* RFC 7672 §2.2.2: the TLSA records of an MX host, at port 25 */
	tlsa = zl_xasprintf("_25._tcp.%s", host);
	both(s, tlsa, LDNS_RR_TYPE_TLSA, NULL, &o, &c);
	set_diff(s, "DANE TLSA of MX host %s added: %s",
		 "DANE TLSA of MX host %s removed: %s", &o, &c, host);
	both_free(&o, &c);
	free(tlsa);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Preference, then target, of an MX text. */
static void mx_split(const char *text, char pref[8], const char **target)
{
	*target = mx_target(text);
	snprintf(pref, 8, "%.*s", (int)(*target - text - (*target > text)),
		 text);
}

static void mx(struct sum *s, const char *d)
{
	struct zl_rrtexts o, c;
	struct mx_side *ot, *ct;
	const char *t, **hosts;
	char p0[8], p1[8];
	size_t i, n = 0, on, cn;

	both(s, d, LDNS_RR_TYPE_MX, NULL, &o, &c);
	ot = only_in(&o, &c, &on);
	ct = only_in(&c, &o, &cn);
	mx_pair(ot, on, ct, cn);
	/* RFC 7505: "0 ." says the domain receives no mail */
	if (zl_rrtexts_has(&o, "0 .") != zl_rrtexts_has(&c, "0 ."))
		say(s, zl_rrtexts_has(&c, "0 .") ? "null MX published" :
		    "null MX removed");
	for (i = 0; i < on; i++)
		if (!ot[i].peer)
			say(s, "MX removed: %s", ot[i].text);
	for (i = 0; i < cn; i++) {
		if (!ct[i].peer)
			say(s, "MX added: %s", ct[i].text);
		else {
			mx_split(ct[i].peer, p0, &t);
			mx_split(ct[i].text, p1, &t);
			say(s, "MX preference of %s: %s -> %s", t, p0, p1);
		}
	}
	if (o.n && c.n && o.ttl != c.ttl)
		say_ttl(s, "MX TTL of %s: %s -> %s", d, o.ttl, c.ttl);
	/* each host either version names, once, in order */
	hosts = zl_xcalloc(o.n + c.n + 1, sizeof *hosts);
	for (i = 0; i < o.n + c.n; i++) {
		t = mx_target(i < o.n ? o.v[i].text : c.v[i - o.n].text);
		if (strcmp(t, ".") != 0)
			hosts[n++] = t;
	}
	qsort(hosts, n, sizeof *hosts, cmp_str);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(hosts[i], hosts[i - 1]) != 0)
			mx_host(s, hosts[i]);
	free(hosts);
	free(ot);
	free(ct);
	both_free(&o, &c);
}

/* The value of tag name in the tag list text, malloc'd, or NULL. */
static char *tag_value(const char *text, const char *name)
{
	const struct zl_tv_tag *t;
	struct zl_tv tv;
	char *v = NULL;

	zl_tv_parse(&tv, text, strlen(text));
	if ((t = zl_tv_find(&tv, text, name, false)))
		v = zl_xstrndup(text + t->value.off, t->value.len);
	zl_tv_free(&tv);
	return v;
}

/* The words of a record (SPF terms, the items of a list) in their order,
 * and sorted for lookups, so that comparing two records costs n log n
 * however long they are. */
struct words {
	char **v;	/* in order, malloc'd */
	char **by;	/* the same pointers, sorted */
	size_t n, cap;
};

static void words_add(struct words *w, const char *s, size_t n)
{
	zl_xgrow((void **)&w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n++] = zl_xstrndup(s, n);
}

/* Makes w->by once every word is in. */
static void words_done(struct words *w)
{
	w->by = zl_xcalloc(w->n + 1, sizeof *w->by);
	if (w->n)
		memcpy(w->by, w->v, w->n * sizeof *w->v);
	if (w->n > 1)
		qsort(w->by, w->n, sizeof *w->by, cmp_str);
}

static bool words_has(const struct words *w, const char *word)
{
	return w->n && bsearch(&word, w->by, w->n, sizeof *w->by, cmp_str);
}

static void words_free(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	free(w->by);
	memset(w, 0, sizeof *w);
}

/* Says fmt ("%s" the word) for each word of a that b lacks; returns how
 * many. */
static size_t words_diff(struct sum *s, const char *fmt,
			 const struct words *a, const struct words *b)
{
	size_t i, k = 0;

	for (i = 0; i < a->n; i++)
		if (!words_has(b, a->v[i]) && ++k)
			say(s, fmt, a->v[i]);
	return k;
}

/* The items of the comma-separated list (NULL: none), without the
 * whitespace around them. */
static void list_words(const char *list, struct words *w)
{
	const char *p = list;
	size_t k;

	memset(w, 0, sizeof *w);
	while (p && *p) {
		p += strspn(p, " \t");
		k = strcspn(p, ",");
		while (k && (p[k - 1] == ' ' || p[k - 1] == '\t'))
			k--;
		if (k)
			words_add(w, p, k);
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	words_done(w);
}

/* The items of tag of a and b (tag lists) that came and went. */
static void list_diff(struct sum *s, const char *what, const char *tag,
		      const char *a, const char *b)
{
	char *x = tag_value(a, tag), *y = tag_value(b, tag), *fmt;
	struct words wx, wy;

	list_words(x, &wx);
	list_words(y, &wy);
	fmt = zl_xasprintf("%s removed: %%s", what);
	words_diff(s, fmt, &wx, &wy);
	free(fmt);
	fmt = zl_xasprintf("%s added: %%s", what);
	words_diff(s, fmt, &wy, &wx);
	free(fmt);
	words_free(&wx);
	words_free(&wy);
	free(x);
	free(y);
}

/* Tag tag of the single records a and b changed: "<what> tag=: A -> B". */
static void tag_diff(struct sum *s, const char *what, const char *tag,
		     const char *a, const char *b)
{
	char *x = tag_value(a, tag), *y = tag_value(b, tag), *fmt;

	if ((x || y) && (!x || !y || strcmp(x, y) != 0)) {
		fmt = zl_xasprintf("%s %s=: %%s -> %%s", what, tag);
		say(s, fmt, x ? x : "(none)", y ? y : "(none)");
		free(fmt);
	}
	free(x);
	free(y);
}

/* A record of one kind at name (one per name: SPF, DMARC, MTA-STS,
 * TLS-RPT): published, removed, or, when one record became another,
 * what each tag of tags changed (the report-address lists of lists item
 * by item); records in numbers other than one are compared whole.
 * Returns true when the name has exactly one record in each version and
 * they differ: the caller may say more. */
static bool one_record(struct sum *s, const char *name, const char *what,
		       zl_rrtext_keep *keep, struct zl_rrtexts *o,
		       struct zl_rrtexts *c)
{
	char *add, *rm;

	both(s, name, LDNS_RR_TYPE_TXT, keep, o, c);
	if (zl_rrtexts_equal(o, c))
		return false;
	if (o->n == 1 && c->n == 1)
		return true;
	add = zl_xasprintf("%s record at %%s published: %%s", what);
	rm = zl_xasprintf("%s record at %%s removed: %%s", what);
	set_diff(s, add, rm, o, c, name);
	free(add);
	free(rm);
	return false;
}

/* When a record changed in a way the tags looked at do not show (items
 * is the count before looking), says so with both versions whole. */
static void whole(struct sum *s, const char *what, const char *name,
		  const struct zl_rrtexts *o, const struct zl_rrtexts *c,
		  size_t items)
{
	char *fmt;

	if (s->items != items)
		return;
	fmt = zl_xasprintf("%s record at %%s changed: %%s -> %%s", what);
	say(s, fmt, name, o->v[0].text, c->v[0].text);
	free(fmt);
}

/* The terms of SPF text t, and the DNS lookups it costs. */
static void spf_words(const char *t, struct words *w, unsigned *lookups)
{
	struct zl_spf p;
	size_t i;

	memset(w, 0, sizeof *w);
	zl_spf_parse(&p, t, strlen(t));
	for (i = 0; i < p.nterms; i++)
		words_add(w, t + p.terms[i].text.off, p.terms[i].text.len);
	*lookups = p.lookups;
	zl_spf_free(&p);
	words_done(w);
}

/* RFC 7208 §5.2, §6.1: where an include or redirect that term t of SPF
 * text rec adds goes, when a zone of the set (or the zone itself) holds
 * its target: that name's SPF record, or none (a permerror). */
static void spf_target(struct sum *s, const char *rec,
		       const struct zl_spf_term *t)
{
	char name[256], *what;
	const struct zl_zone *z;
	struct zl_rrtexts r;

	if ((t->kind != ZL_SPF_INCLUDE && t->kind != ZL_SPF_REDIRECT) ||
	    !zl_spf_domain(rec, t, name, sizeof name) ||
	    !(z = zl_zoneset_zone_for(s->set, s->cur, name)) ||
	    !zl_text_in_zone(z, name))
		return;
	zl_rrtexts_at(&r, z, name, LDNS_RR_TYPE_TXT, zl_rrtext_is_spf);
	what = zl_xasprintf("SPF %s target %%s (zone %%s): %s",
			    zl_spf_kind_str(t->kind),
			    r.n == 1 ? "%s" : r.n ? "several SPF records" :
			    "no SPF record");
	say(s, what, name, z->origin->text, r.n == 1 ? r.v[0].text : "");
	free(what);
	zl_rrtexts_free(&r);
}

/* Where the includes and redirects of SPF text rec go that old (the terms
 * of the base's record) does not have. */
static void spf_targets(struct sum *s, const char *rec,
			const struct words *old)
{
	struct zl_spf p;
	size_t i;
	char *t;

	zl_spf_parse(&p, rec, strlen(rec));
	for (i = 0; i < p.nterms; i++) {
		t = zl_xstrndup(rec + p.terms[i].text.off, p.terms[i].text.len);
		if (!words_has(old, t))
			spf_target(s, rec, &p.terms[i]);
		free(t);
	}
	zl_spf_free(&p);
}

/* RFC 7208: the mechanisms and modifiers that came and went, and how
 * many DNS lookups an evaluation now needs (§4.6.4: at most 10). */
static void spf(struct sum *s, const char *d)
{
	struct words to = { 0 }, tc;
	struct zl_rrtexts o, c;
	unsigned lo, lc;
	size_t k;

	if (one_record(s, d, "SPF", zl_rrtext_is_spf, &o, &c)) {
		spf_words(o.v[0].text, &to, &lo);
		spf_words(c.v[0].text, &tc, &lc);
		k = words_diff(s, "SPF term removed: %s", &to, &tc);
		k += words_diff(s, "SPF term added: %s", &tc, &to);
		if (!k)
			say(s, "SPF policy reordered: %s -> %s", o.v[0].text,
			    c.v[0].text);
		if (lo != lc)
			say_ttl(s, "SPF DNS lookups of %s: %s -> %s", d, lo,
				lc);
		spf_targets(s, c.v[0].text, &to);
		words_free(&to);
		words_free(&tc);
	} else if (!o.n && c.n == 1)
		spf_targets(s, c.v[0].text, &to);
	if (o.n && c.n && o.ttl != c.ttl)
		say_ttl(s, "SPF TTL of %s: %s -> %s", d, o.ttl, c.ttl);
	both_free(&o, &c);
}

/* RFC 7489 §6.3: the policies and where reports go. */
static void dmarc(struct sum *s, const char *d)
{
	static const char *const tags[] = { "p", "sp", "np", "pct", "t",
		"adkim", "aspf", NULL };
	static const char *const lists[] = { "rua", "ruf", NULL };
	struct zl_rrtexts o, c;
	char *name = zl_xasprintf("_dmarc.%s", zl_name_tail(d)), *what;
	size_t i, items = s->items;

	if (one_record(s, name, "DMARC", zl_rrtext_is_dmarc, &o, &c)) {
		for (i = 0; tags[i]; i++)
			tag_diff(s, "DMARC", tags[i], o.v[0].text, c.v[0].text);
		for (i = 0; lists[i]; i++) {
			what = zl_xasprintf("DMARC %s address", lists[i]);
			list_diff(s, what, lists[i], o.v[0].text,
				  c.v[0].text);
			free(what);
		}
		whole(s, "DMARC", name, &o, &c, items);
	}
	both_free(&o, &c);
	free(name);
}

/* The record of one kind at prefix.d, of which tag matters: its value
 * (list NULL), or the addresses it lists, said as list. */
static void tagged(struct sum *s, const char *d, const char *prefix,
		   const char *what, zl_rrtext_keep *keep, const char *tag,
		   const char *list)
{
	struct zl_rrtexts o, c;
	char *name = zl_xasprintf("%s.%s", prefix, zl_name_tail(d));
	size_t items = s->items;

	if (one_record(s, name, what, keep, &o, &c)) {
		if (list)
			list_diff(s, list, tag, o.v[0].text, c.v[0].text);
		else
			tag_diff(s, what, tag, o.v[0].text, c.v[0].text);
		whole(s, what, name, &o, &c, items);
	}
	both_free(&o, &c);
	free(name);
}

/* ---- DKIM selectors ---- */

/* What a selector name holds in one version. */
enum sel { SEL_NONE, SEL_KEY, SEL_REVOKED, SEL_ALIAS };

static enum sel sel_state(const struct zl_zone *z, const char *name,
			  struct zl_rrtexts *t)
{
	char *p;
	bool key = false;
	size_t i;

	zl_rrtexts_at(t, z, name, LDNS_RR_TYPE_CNAME, NULL);
	if (t->n)
		return SEL_ALIAS;
	zl_rrtexts_free(t);
	zl_rrtexts_at(t, z, name, LDNS_RR_TYPE_TXT, NULL);
	if (!t->n)
		return SEL_NONE;
	for (i = 0; i < t->n && !key; i++) {
		p = tag_value(t->v[i].text, "p");
		key = p && *p;
		free(p);
	}
	return key ? SEL_KEY : SEL_REVOKED;
}

/* RFC 6376 §3.6.1: an empty p= revokes a key; a selector that is gone
 * leaves mail signed with it unverifiable. */
static void selector(struct sum *s, const char *name)
{
	static const char *const how[4][4] = {
		/* from SEL_NONE */
		{ NULL, "DKIM selector added: %s", "DKIM selector added, "
		  "revoked: %s", "DKIM selector added: %s (alias for %s)" },
		/* from SEL_KEY */
		{ "DKIM selector removed: %s", "DKIM key replaced: %s",
		  "DKIM selector revoked: %s", "DKIM selector %s: now an "
		  "alias for %s" },
		/* from SEL_REVOKED */
		{ "DKIM selector removed (it was revoked): %s",
		  "DKIM selector published again: %s", "DKIM selector "
		  "changed, still revoked: %s", "DKIM selector %s: now an "
		  "alias for %s" },
		/* from SEL_ALIAS */
		{ "DKIM selector removed: %s", "DKIM selector %s: now a key "
		  "record", "DKIM selector revoked: %s", "DKIM selector %s: "
		  "now an alias for %s" },
	};
	struct zl_rrtexts o, c;
	enum sel a = sel_state(s->old, name, &o), b = sel_state(s->cur, name, &c);
	char *sel = zl_xstrndup(name, (size_t)(strstr(name, "._domainkey.") -
						name));

	if (a != b || !zl_rrtexts_equal(&o, &c))
		say(s, how[a][b], sel, c.n ? c.v[0].text : "");
	both_free(&o, &c);
	free(sel);
}

/* ---- the mail domains of a zone ---- */

struct names {
	char **v;
	size_t n, cap;
};

static void add_name(struct names *a, const char *s)
{
	zl_xgrow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n++] = zl_xstrdup(*s ? s : ".");
}

/* The part of a selector name after "._domainkey.". */
static const char *sel_domain(const char *name)
{
	return strstr(name, "._domainkey.") + 12;
}

static int cmp_sel(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int r = strcmp(sel_domain(x), sel_domain(y));

	return r ? r : strcmp(x, y);
}

/* Sorts a by cmp and drops repeats. */
static void sort_unique(struct names *a, int (*cmp)(const void *, const void *))
{
	size_t i, k = 0;

	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, cmp);
	for (i = 0; i < a->n; i++) {
		if (k && strcmp(a->v[k - 1], a->v[i]) == 0)
			free(a->v[i]);
		else
			a->v[k++] = a->v[i];
	}
	a->n = k;
}

static void free_names(struct names *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
}

/* Adds the names of z that may be mail domains (an MX or TXT owner, the
 * domain of a _dmarc, _mta-sts, _smtp._tls or DKIM selector name) to
 * doms, and its DKIM selector names to sels.  A name that is none stays
 * silent: every section compares records it does not have. */
static void collect(const struct zl_zone *z, struct names *doms,
		    struct names *sels)
{
	static const char *const pre[] = { "_dmarc.", "_mta-sts.",
		"_smtp._tls.", NULL };
	const struct zl_rrset *set;
	const struct zl_rr *rr;
	const char *o, *dk;
	size_t i, k;

	for (i = 0; z && i < z->nrrs; i++) {
		rr = &z->rrs[i];
		o = rr->owner->text;
		set = zl_name_rrset(rr->owner, rr->type);
		if (!set || set->first != i || (rr->type != LDNS_RR_TYPE_MX &&
		    rr->type != LDNS_RR_TYPE_TXT &&
		    rr->type != LDNS_RR_TYPE_CNAME))
			continue;
		if ((dk = strstr(o, "._domainkey.")) && dk != o &&
		    rr->type != LDNS_RR_TYPE_MX) {
			add_name(doms, dk + 12);
			add_name(sels, o);
			continue;
		}
		for (k = 0; pre[k]; k++)
			if (strncmp(o, pre[k], strlen(pre[k])) == 0)
				break;
		if (pre[k] && rr->type == LDNS_RR_TYPE_TXT)
			add_name(doms, o + strlen(pre[k]));
		else if (rr->type != LDNS_RR_TYPE_CNAME && o[0] != '_')
			add_name(doms, o);
	}
}

enum zl_status zl_summary_impl(const struct zl_zone *base,
			       const struct zl_zone *cur,
			       struct zl_zoneset *set,
			       enum zl_summary_format fmt, const char *title,
			       char **out)
{
	struct sum s = { .fmt = fmt, .title = title, .old = base, .cur = cur,
			 .set = set };
	struct names doms = { 0 }, sels = { 0 };
	size_t i, k = 0;

	collect(base, &doms, &sels);
	collect(cur, &doms, &sels);
	sort_unique(&doms, cmp_str);
	sort_unique(&sels, cmp_sel);
	for (i = 0; i < doms.n; i++) {
		s.domain = doms.v[i];
		s.domain_shown = false;
		mx(&s, s.domain);
		spf(&s, s.domain);
		dmarc(&s, s.domain);
		for (; k < sels.n && strcmp(sel_domain(sels.v[k]),
					    s.domain) <= 0; k++)
			if (strcmp(sel_domain(sels.v[k]), s.domain) == 0)
				selector(&s, sels.v[k]);
		/* RFC 8461 §3.1: senders fetch the policy again when id=
		 * changes; RFC 8460 §3: where TLS reports go */
		tagged(&s, s.domain, "_mta-sts", "MTA-STS", zl_rrtext_is_sts,
		       "id", NULL);
		tagged(&s, s.domain, "_smtp._tls", "TLS-RPT",
		       zl_rrtext_is_tlsrpt, "rua", "TLS-RPT report address");
	}
	free_names(&doms);
	free_names(&sels);
	if (s.b.len && fmt == ZL_SUMMARY_MARKDOWN)
		zl_buf_addc(&s.b, '\n');
	zl_buf_addc(&s.b, '\0');
	*out = s.b.s;
	return ZL_OK;
}

bool zl_summary_format_parse(const char *s, enum zl_summary_format *out)
{
	if (s && strcmp(s, "text") == 0)
		*out = ZL_SUMMARY_TEXT;
	else if (s && strcmp(s, "markdown") == 0)
		*out = ZL_SUMMARY_MARKDOWN;
	else
		return false;
	return true;
}
