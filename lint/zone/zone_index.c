/* zone_index.c - the owner-name index, RRset lists, positions and problems. */
#include "zone.h"

#include <ldns/ldns.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zone_lex.h"

/* Longer than any name's presentation (255 octets, each at most four
 * characters as \DDD): no such name can be in the zone. */
#define TEXT_MAX 1280

/* The index's hash is keyed (zl_hash): with a fixed one such as FNV-1a, a
 * zone of chosen names that collide puts them all in one chain and makes
 * loading quadratic. */
static uint32_t hash_text(const char *s, size_t n)
{
	return (uint32_t)zl_hash(s, n);
}

/* Name blocks: the first of 256 bytes, each next one twice the one
 * before up to 512 KiB, so that small zones stay small and the 16 bits of
 * offset (in 8-byte units) in a slot reach every name of a block; a block
 * is larger when the name that starts it needs it.  A block keeps its
 * size in its first 8 bytes.  16 bits of block number: 32 GiB of names. */
#define NBLOCK_MIN ((size_t)256)
#define NBLOCK_MAX ((size_t)1 << 19)
#define NBLOCKS_MAX 65535	/* (block << 16 | offset / 8) + 1 < 2^32 */

/* Canonical text is at most ZL_NAME_MAXTEXT bytes: any name fits the
 * largest block. */
_Static_assert(sizeof(size_t) + offsetof(struct zl_name, text) +
	       ZL_NAME_MAXTEXT + 8 <= NBLOCK_MAX, "a name fits a block");

/* The size of block b. */
static size_t block_size(const struct zl_zone *z, size_t b)
{
	size_t size;

	memcpy(&size, z->nblocks[b], sizeof size);
	return size;
}

/* The bytes a name with text of len bytes takes in its block. */
static size_t name_size(size_t len)
{
	return (offsetof(struct zl_name, text) + len + 1 + 7) & ~(size_t)7;
}

/* The name a slot's low 32 bits point at. */
static struct zl_name *name_at(const struct zl_zone *z, uint32_t ref)
{
	ref--;
	return (struct zl_name *)(void *)(z->nblocks[ref >> 16] +
					  ((size_t)(ref & 0xffff) << 3));
}

/* Room for a name with text of len bytes, zeroed, at the end of the
 * blocks; *ref says where it is as a slot does. */
static struct zl_name *name_new(struct zl_zone *z, size_t len, uint32_t *ref)
{
	size_t size = name_size(len), b = z->nnblocks, bs;
	struct zl_name *nm;

	if (!b || z->nblockused + size > block_size(z, b - 1)) {
		if (b == NBLOCKS_MAX)
			zl_oom(NBLOCK_MAX);
		bs = b >= 11 ? NBLOCK_MAX : NBLOCK_MIN << b;
		if (bs < sizeof bs + size)
			bs = sizeof bs + size;
		z->nblocks = zl_xrealloc(z->nblocks, (b + 1) * sizeof *z->nblocks);
		z->nblocks[b] = zl_arena_alloc(&z->arena, bs);
		memcpy(z->nblocks[b], &bs, sizeof bs);
		z->nnblocks = ++b;
		z->nblockused = sizeof bs;
	}
	nm = (struct zl_name *)(void *)(z->nblocks[b - 1] + z->nblockused);
	*ref = (uint32_t)((b - 1) << 16 | z->nblockused >> 3) + 1;
	z->nblockused += size;
	return nm;
}

struct zl_name *zl_zone_name_next(const struct zl_zone *z,
				  struct zl_name_iter *it)
{
	struct zl_name *nm;
	size_t end;

	/* A block ends where the last one's use does, or where a name no
	 * longer fits: there the zeroed space has len 0. */
	for (; it->block < z->nnblocks; it->block++, it->off = 0) {
		if (it->off == 0)
			it->off = sizeof end;	/* the block's size */
		end = it->block + 1 == z->nnblocks ? z->nblockused :
		      block_size(z, it->block);
		if (it->off + name_size(1) > end)
			continue;
		nm = (struct zl_name *)(void *)(z->nblocks[it->block] + it->off);
		if (nm->len) {
			it->off += name_size(nm->len);
			return nm;
		}
	}
	return NULL;
}

/* How far slot i is past the one slot entry e's hash picks. */
static size_t dist(uint64_t e, size_t i, size_t mask)
{
	return (i - (size_t)(e >> 32)) & mask;
}

/* The slot of the name with canonical text s[0..n) and hash h (*found),
 * or where it would go: an empty slot, or one whose name sits nearer to
 * its own start than this one would.  Names are kept in that order
 * (Robin Hood hashing), so a probe for an absent name ends there, not at
 * the next empty slot.  Only a name whose hash matches all 32 bits is
 * read. */
static size_t slot(const struct zl_zone *z, const char *s, size_t n,
		   uint32_t h, bool *found)
{
	size_t mask = z->hcap - 1, i = h & mask, d;
	const struct zl_name *nm;
	uint64_t e;

	*found = false;
	for (d = 0; (e = z->htab[i]) != 0; d++, i = (i + 1) & mask) {
		if (dist(e, i, mask) < d)
			break;
		if ((uint32_t)(e >> 32) != h)
			continue;
		nm = name_at(z, (uint32_t)e);
		if (nm->len == n && memcmp(nm->text, s, n) == 0) {
			*found = true;
			break;
		}
	}
	return i;
}

/* Puts e in slot i of t (mask + 1 slots), where slot() said it goes: the
 * names from there on move one slot further, each swapping with the
 * first that sits nearer to its start, until one lands in an empty slot. */
static void put(uint64_t *t, size_t mask, size_t i, uint64_t e)
{
	size_t d = dist(e, i, mask), dt;
	uint64_t te;

	for (;; i = (i + 1) & mask, d++) {
		if ((te = t[i]) == 0) {
			t[i] = e;
			return;
		}
		if ((dt = dist(te, i, mask)) < d) {
			t[i] = e;
			e = te;
			d = dt;
		}
	}
}

/* The name with canonical text s[0..n) and hash h, or NULL. */
static struct zl_name *find(const struct zl_zone *z, const char *s, size_t n,
			    uint32_t h)
{
	bool found;
	size_t i;

	if (!z->hcap)
		return NULL;
	i = slot(z, s, n, h, &found);
	return found ? name_at(z, (uint32_t)z->htab[i]) : NULL;
}

/* The name buf[0..n) stands for: buf (TEXT_MAX bytes) is made canonical
 * in place, lower case, as names compare (RFC 4343), and with the final
 * dot, which callers building names from rule parameters and record text
 * may leave out. */
static struct zl_name *lookup_buf(const struct zl_zone *z, char *buf,
				  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] += 'a' - 'A';
	if (n == 0 || buf[n - 1] != '.')
		buf[n++] = '.';
	return find(z, buf, n, hash_text(buf, n));
}

struct zl_name *zl_zone_lookup(const struct zl_zone *z, const char *text)
{
	char buf[TEXT_MAX];
	size_t n = strlen(text);

	if (n + 2 > sizeof buf)
		return NULL;
	memcpy(buf, text, n);
	return lookup_buf(z, buf, n);
}

struct zl_name *zl_zone_lookup2(const struct zl_zone *z, const char *prefix,
			       const char *text)
{
	char buf[TEXT_MAX];
	size_t pl = strlen(prefix), tl;

	text = zl_name_tail(text);
	tl = strlen(text);
	if (pl + tl + 2 > sizeof buf)
		return NULL;
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, text, tl);
	return lookup_buf(z, buf, pl + tl);
}

/* Whether the canonical text is at or below the origin's. */
static bool below(const char *s, size_t n, const struct zl_name *origin)
{
	size_t ol = origin->len, k, bs = 0;

	if (ol == 1)
		return true;	/* the root */
	if (n < ol || memcmp(s + n - ol, origin->text, ol) != 0)
		return false;
	if (n == ol)
		return true;
	/* The suffix must start a label: a '.' before it that is not
	 * itself escaped (an even number of backslashes before it). */
	k = n - ol - 1;
	if (s[k] != '.')
		return false;
	while (k > 0 && s[k - 1] == '\\') {
		bs++;
		k--;
	}
	return bs % 2 == 0;
}

/* Moves the index to ncap slots, a power of two above its names. */
static void resize(struct zl_zone *z, size_t ncap)
{
	uint64_t *nt = zl_xcalloc(ncap, sizeof *nt);
	size_t i;

	for (i = 0; i < z->hcap; i++)
		if (z->htab[i])
			put(nt, ncap - 1, (z->htab[i] >> 32) & (ncap - 1),
			    z->htab[i]);
	free(z->htab);
	z->htab = nt;
	z->hcap = ncap;
}

/* Doubles the index (16 slots at first). */
static void rehash(struct zl_zone *z)
{
	resize(z, z->hcap ? z->hcap * 2 : 16);
}

void zl_zone_reserve_names(struct zl_zone *z, size_t n)
{
	size_t ncap = z->hcap ? z->hcap : 16;

	/* Robin Hood order keeps probes short up to 7/8 full. */
	while (7 * ncap < 8 * n && ncap < ((size_t)1 << 31))
		ncap *= 2;
	if (ncap > z->hcap)
		resize(z, ncap);
}

struct zl_name *zl_zone_intern(struct zl_zone *z, const char *text, size_t len)
{
	uint32_t h = hash_text(text, len), ref;
	struct zl_name *nm;
	bool found;
	size_t i = 0;

	if (z->hcap) {
		i = slot(z, text, len, h, &found);
		if (found)
			return name_at(z, (uint32_t)z->htab[i]);
	}
	/* Robin Hood order keeps probes short up to 7/8 full. */
	if (8 * (z->nnames + 1) > 7 * z->hcap) {
		rehash(z);
		i = slot(z, text, len, h, &found);
	}
	nm = name_new(z, len, &ref);
	memcpy(nm->text, text, len);	/* zeroed: NUL-terminated */
	nm->len = (unsigned)len;	/* < ZL_NAME_MAXTEXT: wire text */
	nm->id = (uint32_t)z->nnames++;
	nm->in_zone = z->origin && below(text, len, z->origin);
	put(z->htab, z->hcap - 1, i, (uint64_t)h << 32 | ref);
	return nm;
}

void zl_zone_set_origin(struct zl_zone *z, struct zl_name *origin)
{
	struct zl_name_iter it = { 0, 0 };
	struct zl_name *nm;

	z->origin = origin;
	while ((nm = zl_zone_name_next(z, &it)) != NULL)
		nm->in_zone = below(nm->text, nm->len, origin);
}

const char *zl_name_tail(const char *text)
{
	return strcmp(text, ".") == 0 ? "" : text;
}

bool zl_name_in_reverse(const char *text)
{
	static const char *const tops[] = {
		"in-addr.arpa.", "ip6.arpa.", "ip6.int.", NULL
	};
	size_t n = strlen(text), k, i;

	for (i = 0; tops[i]; i++) {
		k = strlen(tops[i]);
		if (n >= k && (n == k || text[n - k - 1] == '.') &&
		    strcmp(text + n - k, tops[i]) == 0)
			return true;
	}
	return false;
}

const char *zl_name_parent(const char *text)
{
	const char *p;

	if (text[0] == '.' && text[1] == '\0')
		return NULL;
	for (p = text; *p; p++) {
		if (*p == '\\' && p[1])
			p++;	/* an escaped byte, maybe '.', is label data */
		else if (*p == '.')
			return p[1] ? p + 1 : p;
	}
	return NULL;
}

/* below_cut of n from the nearest ancestor whose value is known: walks up
 * to it, then fills in the names on the way down, so every name is
 * computed once and the whole pass is linear in the number of names. */
static void mark_cut(struct zl_zone *z, struct zl_name *n)
{
	struct zl_name *path[128], *m = n;
	const char *text = n->text;
	size_t np = 0, len;
	bool cut = false;

	while (!(m && m->cut_known)) {
		if (m && np < sizeof path / sizeof path[0])
			path[np++] = m;
		len = n->len - (size_t)(text - n->text);
		if (m == z->origin || len <= z->origin->len)
			break;
		text = zl_name_parent(text);
		if (!text)
			break;
		/* A suffix of canonical text is canonical. */
		len = n->len - (size_t)(text - n->text);
		m = find(z, text, len, hash_text(text, len));
	}
	if (m && m->cut_known)
		cut = m->below_cut ||
		      zl_name_rrset(m, LDNS_RR_TYPE_DNAME) != NULL;
	while (np > 0) {
		m = path[--np];
		/* RFC 1034 §4.2.1: an NS RRset below the apex is a zone cut */
		m->below_cut = cut || (m != z->origin &&
				       zl_name_rrset(m, LDNS_RR_TYPE_NS));
		m->cut_known = true;
		/* RFC 6672 §2.3: a DNAME's own records are served, the
		 * names below it are not */
		cut = m->below_cut ||
		      zl_name_rrset(m, LDNS_RR_TYPE_DNAME) != NULL;
	}
}

bool zl_zone_has_cuts(const struct zl_zone *z)
{
	return z->origin && (z->ndnames || z->nnssets >
			     (zl_name_rrset(z->origin, LDNS_RR_TYPE_NS) != NULL));
}

static void mark_cuts(struct zl_zone *z)
{
	struct zl_name_iter it = { 0, 0 };
	struct zl_name *n;

	if (!zl_zone_has_cuts(z))
		return;	/* below_cut stays false */
	while ((n = zl_zone_name_next(z, &it)) != NULL)
		if (n->in_zone && !n->cut_known)
			mark_cut(z, n);
}

const struct zl_rrset *zl_name_rrset(const struct zl_name *n, uint16_t type)
{
	const struct zl_rrset *s;

	for (s = n ? zl_name_sets(n) : NULL; s; s = s->next)
		if (s->type == type)
			return s;
	return NULL;
}

_Static_assert(sizeof(struct zl_rrset) == 16, "an RRset is 16 bytes");
_Static_assert(offsetof(struct zl_name, text) == 23, "a name is 23 bytes");
_Static_assert(ZL_NAME_MAXTEXT < 1 << 10, "a name's length fits its field");

/* While loading, an RRset's records form a ring: first is the last one
 * added, whose next is the first (zl_rrset). */
void zl_zone_add_rr(struct zl_zone *z, const struct zl_rr *rr)
{
	struct zl_rrset *s = &rr->owner->set0, *last = NULL;
	uint32_t idx = (uint32_t)z->nrrs;

	zl_xgrow((void **)&z->rrs, &z->caprrs, z->nrrs + 1, sizeof *z->rrs);
	z->rrs[z->nrrs] = *rr;
	z->nrrs++;
	if (s->count) {
		for (; s && s->type != rr->type; s = s->next)
			last = s;
		if (!s)
			last->next = s = zl_arena_alloc(&z->arena, sizeof *s);
	}
	if (!s->count) {
		s->type = rr->type;
		z->nnssets += rr->type == LDNS_RR_TYPE_NS;
		z->ndnames += rr->type == LDNS_RR_TYPE_DNAME;
		z->nwild += rr->owner->text[0] == '*' &&
			    rr->owner->text[1] == '.';
		z->rrs[idx].next = idx;
	} else {
		z->rrs[idx].next = z->rrs[s->first].next;
		z->rrs[s->first].next = idx;
	}
	s->first = idx;
	s->count++;
}

/* Opens the ring of every RRset (zl_zone_add_rr). */
static void close_sets(struct zl_zone *z)
{
	struct zl_name_iter it = { 0, 0 };
	struct zl_name *n;
	struct zl_rrset *s;
	uint32_t last;

	while ((n = zl_zone_name_next(z, &it)) != NULL)
		for (s = n->set0.count ? &n->set0 : NULL; s; s = s->next) {
			last = s->first;
			s->first = z->rrs[last].next;
			z->rrs[last].next = ZL_NONE;
		}
}

/* ---- non-terminals, in a zone with wildcards ---- */

#define MAX_LABELS 128	/* in a name of 255 octets */

/* The names from text up to the apex's child, text first, in at[], and
 * their keys in key[]: chained from the apex down a label at a time, so
 * that all of a name's keys cost one pass over its text.  Returns how
 * many: 0 when text is not strictly below the origin. */
static size_t nt_keys(const struct zl_zone *z, const char *text,
		      const char **at, uint64_t *key)
{
	size_t n = strlen(text), ol = z->origin->len, k = 0, i, len;
	const char *p, *end;
	uint8_t buf[8 + TEXT_MAX];
	uint64_t h = 0;

	if (n <= ol || !below(text, n, z->origin))
		return 0;
	for (p = text; p && n - (size_t)(p - text) > ol && k < MAX_LABELS;
	     p = zl_name_parent(p))
		at[k++] = p;
	/* A label ends at the '.' before the next name, or before the
	 * origin (the root's is the final '.'). */
	for (i = k; i-- > 0;) {
		end = i + 1 < k ? at[i + 1] - 1 :
		      text + n - ol - (ol == 1 ? 0 : 1);
		len = (size_t)(end - at[i]);
		memcpy(buf, &h, 8);
		memcpy(buf + 8, at[i], len);
		h = zl_hash(buf, 8 + len);
		key[i] = h ? h : 1;
	}
	return k;
}

static bool nt_has(const struct zl_zone *z, uint64_t key)
{
	size_t i, mask = z->ntcap - 1;

	if (!z->ntcap)
		return false;
	for (i = key & mask; z->nts[i]; i = (i + 1) & mask)
		if (z->nts[i] == key)
			return true;
	return false;
}

static void nt_put(uint64_t *t, size_t mask, uint64_t key)
{
	size_t i;

	for (i = key & mask; t[i] && t[i] != key; i = (i + 1) & mask)
		;
	t[i] = key;
}

static void nt_add(struct zl_zone *z, uint64_t key)
{
	size_t cap, i;
	uint64_t *t;

	if (nt_has(z, key))
		return;
	if (2 * (z->nnts + 1) > z->ntcap) {
		cap = z->ntcap ? z->ntcap * 2 : 64;
		t = zl_xcalloc(cap, sizeof *t);
		for (i = 0; i < z->ntcap; i++)
			if (z->nts[i])
				nt_put(t, cap - 1, z->nts[i]);
		free(z->nts);
		z->nts = t;
		z->ntcap = cap;
	}
	nt_put(z->nts, z->ntcap - 1, key);
	z->nnts++;
}

/* The key of a wildcard's parent p (an owner *.p) in the set, apart from
 * p's own. */
#define NT_WILD UINT64_C(0x9e3779b97f4a7c15)

/* Notes every in-zone name with records below the apex, and its strict
 * ancestors below the apex, which exist too (RFC 4592 §2.2.2), and the
 * parents of wildcards: what a wildcard answers for is then found with
 * one pass over a name's text. */
static void note_names(struct zl_zone *z)
{
	struct zl_name_iter it = { 0, 0 };
	const char *at[MAX_LABELS];
	uint64_t key[MAX_LABELS];
	struct zl_name *n;
	size_t k, i;

	while ((n = zl_zone_name_next(z, &it)) != NULL) {
		if (!zl_name_sets(n) || !n->in_zone)
			continue;
		k = nt_keys(z, n->text, at, key);
		for (i = 0; i < k; i++)
			nt_add(z, key[i]);
		if (k >= 2 && n->text[0] == '*' && n->text[1] == '.')
			nt_add(z, key[1] ^ NT_WILD);
	}
}

bool zl_zone_nonterminal(const struct zl_zone *z, const char *text)
{
	const char *at[MAX_LABELS];
	uint64_t key[MAX_LABELS];

	return z->ntcap && nt_keys(z, text, at, key) && nt_has(z, key[0]);
}

const struct zl_name *zl_zone_wildcard(const struct zl_zone *z,
				       const char *text)
{
	const char *at[MAX_LABELS];
	uint64_t key[MAX_LABELS];
	const struct zl_name *w;
	size_t k, i;

	if (!z->nwild || !z->origin || !(k = nt_keys(z, text, at, key)) ||
	    nt_has(z, key[0]))
		return NULL;
	/* Up from the parent to the nearest name that exists. */
	for (i = 1; i < k && !nt_has(z, key[i]); i++)
		;
	if (i < k && !nt_has(z, key[i] ^ NT_WILD))
		return NULL;
	w = zl_zone_lookup2(z, "*.", i < k ? at[i] : z->origin->text);
	return w && zl_name_sets(w) ? w : NULL;
}

void zl_zone_end_load(struct zl_zone *z)
{
	close_sets(z);
	if (z->nwild && z->origin)
		note_names(z);
	mark_cuts(z);
}

/* ---- positions ---- */

/* zl_src_line(), and (end not NULL) where that line ends: its '\n', or
 * the source's end. */
static struct zl_line src_line(const struct zl_src *s, uint32_t off,
			       const struct zl_line *from, size_t *end)
{
	size_t k = zl_line_index(s->lines, s->nmarks, off);
	struct zl_line at = { s->mark_line[k], s->lines[k] };
	bool next = k + 1 < s->nmarks;	/* a mark after this one */
	size_t last = next ? s->mark_line[k + 1] - 1 : s->nlines - 1;
	size_t lim = next ? s->lines[k + 1] : s->len;
	const char *p, *nl;

	if (from && from->start <= off && from->start > at.start)
		at = *from;
	for (p = s->buf + at.start; at.line < last &&
	     (nl = memchr(p, '\n', off - (size_t)(p - s->buf))) != NULL;
	     p = nl + 1) {
		at.line++;
		at.start = (uint32_t)(nl + 1 - s->buf);
	}
	if (end && at.line == last) {
		*end = next ? lim - 1 : s->len;
	} else if (end) {
		nl = memchr(s->buf + off, '\n', lim - off);
		*end = nl ? (size_t)(nl - s->buf) : s->len;
	}
	return at;
}

struct zl_line zl_src_line(const struct zl_src *s, uint32_t off,
			   const struct zl_line *from)
{
	return src_line(s, off, from, NULL);
}

/* Index of the line holding off. */
static size_t line_of(const struct zl_src *s, uint32_t off)
{
	return zl_src_line(s, off, NULL).line;
}

/* The part of a $GENERATE template that wrote byte off of generated
 * source s: an index into s->gen_parts. */
static size_t gen_part(const struct zl_src *s, uint32_t off)
{
	size_t li = line_of(s, off), j = 0;
	const uint32_t *st;

	if (li >= s->gen_count)
		li = s->gen_count - 1;
	st = s->gen_starts + li * s->gen_nparts;
	while (j + 1 < s->gen_nparts && st[j + 1] <= off)
		j++;
	return j;
}

/* Where a token of generated text is shown: at the template parts of the
 * directive that wrote its first and its last byte. */
static struct zl_tok gen_span(const struct zl_src *s, struct zl_tok tok)
{
	const struct zl_tok *a, *b;

	a = &s->gen_parts[gen_part(s, tok.off)];
	b = tok.len ? &s->gen_parts[gen_part(s, tok.off + tok.len - 1)] : a;
	if (b->off < a->off)
		b = a;
	return (struct zl_tok){ a->off, b->off + b->len - a->off };
}

struct zl_loc zl_zone_loc(const struct zl_zone *z, uint16_t src,
			  struct zl_tok tok)
{
	const struct zl_src *s = z->srcs[src];
	struct zl_loc loc;
	struct zl_line li, le;
	size_t end, lend;

	if (s->gen_parts && s->gen_count) {
		tok = gen_span(s, tok);
		s = z->srcs[s->gen_src];
	}
	memset(&loc, 0, sizeof loc);
	loc.file = s->display;
	if (tok.off > s->len)
		tok.off = (uint32_t)s->len;
	if (tok.len > s->len - tok.off)
		tok.len = (uint32_t)(s->len - tok.off);
	li = src_line(s, tok.off, NULL, &end);
	lend = end;
	loc.line = (uint32_t)li.line + 1;
	loc.col = tok.off - li.start + 1;
	if (tok.len == 0) {
		loc.end_line = loc.line;
		loc.end_col = loc.col;
	} else {
		end = (size_t)tok.off + tok.len - 1;	/* last byte */
		le = zl_src_line(s, (uint32_t)end, &li);
		loc.end_line = (uint32_t)le.line + 1;
		loc.end_col = (uint32_t)(end - le.start + 2);
	}
	loc.text = s->buf + li.start;
	loc.text_len = lend - li.start;
	if (loc.text_len > 0 && loc.text[loc.text_len - 1] == '\r')
		loc.text_len--;
	return loc;
}

void zl_zone_lost(struct zl_zone *z, const struct zl_name *owner,
		  uint16_t type)
{
	const struct zl_lost *last = z->nlost ? &z->lost[z->nlost - 1] : NULL;

	/* Runs of lost records at one name (over the per-name limit) are
	 * kept once. */
	if (last && last->owner == owner && last->type == type)
		return;
	zl_xgrow((void **)&z->lost, &z->caplost, z->nlost + 1, sizeof *z->lost);
	z->lost[z->nlost++] = (struct zl_lost){ owner, type };
}

static const char knot_drops[] = " (Knot DNS, though, ignores this line "
	"without a word: the file's last, a CR in it and no line break after "
	"it)";

static void add_problem(struct zl_zone *z, unsigned refused,
			const char *category, uint16_t src, struct zl_tok at,
			const char *fmt, va_list ap)
{
	struct zl_buf b = { NULL, 0, 0 };
	struct zl_problem *p;
	char *msg;

	msg = zl_xvasprintf(fmt, ap);
	/* Messages quote zone text: no control byte may reach a terminal
	 * or a JSON/SARIF document. */
	zl_buf_add_escaped(&b, msg, strlen(msg));
	/* What Knot DNS would refuse on a line whose errors it does not
	 * report (zl_lex_knot_mutes) is no refusal: only BIND reads
	 * $GENERATE's text. */
	if ((refused & ZL_NOT_KNOT) && !(refused & ZL_KNOT_FATAL) &&
	    !z->srcs[src]->gen_parts &&
	    zl_lex_knot_mutes(z->srcs[src]->buf, z->srcs[src]->len, at.off)) {
		refused &= ~(unsigned)ZL_NOT_KNOT;
		zl_buf_add(&b, knot_drops, strlen(knot_drops));
	}
	zl_buf_add(&b, "", 0);
	free(msg);
	zl_xgrow((void **)&z->probs, &z->capprobs, z->nprobs + 1,
		 sizeof *z->probs);
	p = &z->probs[z->nprobs++];
	p->category = category;
	p->message = zl_arena_strndup(&z->arena, b.s, b.len);
	p->help = NULL;
	p->src = src;
	p->refused = (uint8_t)refused;
	p->at = at;
	zl_buf_free(&b);
}

void zl_zone_problem(struct zl_zone *z, const char *category, uint16_t src,
		     struct zl_tok at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(z, 0, category, src, at, fmt, ap);
	va_end(ap);
}

void zl_zone_refused(struct zl_zone *z, unsigned refused,
		     const char *category, uint16_t src, struct zl_tok at,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_problem(z, refused, category, src, at, fmt, ap);
	va_end(ap);
}
