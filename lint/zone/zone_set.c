/* zone_set.c - the zones of one run as one set, in which a name belongs to
 * the zone whose origin is its longest suffix.  The zones given are loaded
 * before linting; the repository's other zones are context, each loaded
 * the first time a name reaches its origin, so that one file of a large
 * repository reads only the zones it refers to.
 *
 * Entries are added before linting starts and never move afterwards; the
 * lookups of -j threads read the table without a lock, and only loading a
 * context zone takes it. */
#include <ldns/ldns.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "impl.h"
#include "zone.h"

struct entry {
	char *origin;			/* canonical */
	_Atomic(struct zl_zone *) zone;	/* NULL: context not loaded yet,
					   or it failed to load */
	char *path;			/* context: the file, else NULL */
	struct zl_load_opts opts;	/* context: how to load it */
	bool tried;			/* context: a load was attempted */
	bool indexed;			/* in the hash: the first of its origin */
};

struct zl_zoneset {
	struct entry *v;
	size_t n, cap;
	uint32_t *slot;			/* open hash of v by origin: index + 1 */
	size_t nslot;			/* power of two, 0 or >= 2 * n */
	/* The lengths of the origins, a bit each (256: any longer), so that
	 * the suffixes of a name that no origin is as long as are not
	 * hashed. */
	uint64_t lens[256 / 64 + 1];
	/* The proper ancestors of every origin ("org." for "example.org."),
	 * pointing into the entries' origins: open hash, made the first time
	 * zl_zoneset_has_below asks, after the last entry was added. */
	const char **anc;
	size_t nanc;			/* power of two, or 0 */
	_Atomic bool sealed;
	_Atomic size_t nloaded;		/* context zones loaded */
	pthread_mutex_t lock;
};

struct zl_zoneset *zl_zoneset_new_impl(void)
{
	struct zl_zoneset *s = zl_xcalloc(1, sizeof *s);

	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void zl_zoneset_free(struct zl_zoneset *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		zl_zone_free(atomic_load(&s->v[i].zone));
		free(s->v[i].origin);
		free(s->v[i].path);
	}
	free(s->v);
	free(s->slot);
	free(s->anc);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static size_t slot_of(const struct zl_zoneset *s, const char *text, size_t len)
{
	return (size_t)zl_hash(text, len) & (s->nslot - 1);
}

static size_t len_bit(size_t len)
{
	return len < 256 ? len : 256;
}

/* The entry for canonical origin text[0..len), or NULL. */
static struct entry *find(const struct zl_zoneset *s, const char *text,
			  size_t len)
{
	size_t i, b = len_bit(len);
	struct entry *e;

	if (!s->nslot || !(s->lens[b / 64] >> (b % 64) & 1))
		return NULL;
	for (i = slot_of(s, text, len); s->slot[i]; i = (i + 1) & (s->nslot - 1)) {
		e = &s->v[s->slot[i] - 1];
		if (strlen(e->origin) == len && memcmp(e->origin, text, len) == 0)
			return e;
	}
	return NULL;
}

/* Puts entry i in the hash. */
static void put(struct zl_zoneset *s, size_t i)
{
	size_t k = slot_of(s, s->v[i].origin, strlen(s->v[i].origin));

	while (s->slot[k])
		k = (k + 1) & (s->nslot - 1);
	s->slot[k] = (uint32_t)(i + 1);
	s->v[i].indexed = true;
}

static void rehash(struct zl_zoneset *s)
{
	size_t i;

	free(s->slot);
	for (s->nslot = 16; s->nslot < 2 * (s->n + 1); s->nslot *= 2)
		;
	s->slot = zl_xcalloc(s->nslot, sizeof *s->slot);
	for (i = 0; i < s->n; i++)
		if (s->v[i].indexed)
			put(s, i);
}

/* Appends an entry for origin and indexes it, unless the set has one:
 * the first zone of an origin answers for it (two files of one origin,
 * as in views, are each still linted against their own data).  Returns
 * whether it was indexed. */
static bool add(struct zl_zoneset *s, const char *origin, struct entry **out)
{
	struct entry *e;
	size_t b = len_bit(strlen(origin));
	bool dup = find(s, origin, strlen(origin)) != NULL;

	zl_xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	e = &s->v[s->n++];
	memset(e, 0, sizeof *e);
	e->origin = zl_xstrdup(origin);
	*out = e;
	atomic_store(&s->sealed, false);
	s->lens[b / 64] |= (uint64_t)1 << (b % 64);
	if (dup)
		return false;
	if (2 * s->n >= s->nslot) {
		e->indexed = true;
		rehash(s);
	} else {
		put(s, s->n - 1);
	}
	return true;
}

enum zl_status zl_zoneset_add_impl(struct zl_zoneset *s, struct zl_zone *z)
{
	struct entry *e;

	if (!s || !z || s->n >= UINT32_MAX - 1) {
		zl_zone_free(z);
		return ZL_ERR_USAGE;
	}
	(void)add(s, z->origin->text, &e);
	atomic_store(&e->zone, z);
	return ZL_OK;
}

/* Canonical form of an origin as written: lower case, one final dot. */
static char *canonical(const char *origin)
{
	size_t n = strlen(origin), i;
	char *c = zl_xmalloc(n + 2);

	for (i = 0; i < n; i++)
		c[i] = (char)(origin[i] >= 'A' && origin[i] <= 'Z' ?
			      origin[i] - 'A' + 'a' : origin[i]);
	if (n == 0 || c[n - 1] != '.')
		c[n++] = '.';
	c[n] = '\0';
	return c;
}

enum zl_status zl_zoneset_add_file_impl(struct zl_zoneset *s, const char *path,
					const char *origin,
					const struct zl_load_opts *opts)
{
	struct entry *e;
	char *o, buf[300];

	if (!s || !path || s->n >= UINT32_MAX - 1 || (origin && !*origin))
		return ZL_ERR_USAGE;
	if (!origin && !zl_origin_from_name(path, buf, sizeof buf))
		return ZL_OK;
	o = canonical(origin ? origin : buf);
	/* A zone of the run, or an earlier file, may have the origin. */
	if (!find(s, o, strlen(o))) {
		(void)add(s, o, &e);
		e->path = zl_xstrdup(path);
		if (opts)
			e->opts = *opts;
		e->opts.origin = e->origin;
	}
	free(o);
	return ZL_OK;
}

size_t zl_zoneset_loaded(const struct zl_zoneset *s)
{
	return s ? atomic_load(&((struct zl_zoneset *)s)->nloaded) : 0;
}

/* The zone of entry e, loading it the first time when it is context.  A
 * context zone that cannot be loaded answers nothing: its own run (when
 * it is linted) says why. */
static const struct zl_zone *zone_of(struct zl_zoneset *s, struct entry *e)
{
	struct zl_zone *z = atomic_load_explicit(&e->zone, memory_order_acquire);
	char *err = NULL;

	if (z || !e->path)
		return z;
	zl_lock(&s->lock);
	if (!e->tried) {
		e->tried = true;
		if (zl_zone_load_file_impl(e->path, &e->opts, &z, &err) == ZL_OK) {
			atomic_store_explicit(&e->zone, z, memory_order_release);
			atomic_fetch_add(&s->nloaded, 1);
		}
		free(err);
	}
	z = atomic_load(&e->zone);
	zl_unlock(&s->lock);
	return z;
}

/* z, when it has what a server needs to serve it: an SOA record and NS
 * records at its apex (RFC 1034 §4.2.1); NULL otherwise.  NULL too when
 * a file it includes could not be read (ZONE003, ZONE004): that file may
 * hold any of its names, so what it seems to lack is not known. */
static const struct zl_zone *servable(const struct zl_zone *z)
{
	if (!z || z->lost_unread ||
	    !zl_name_rrset(z->origin, LDNS_RR_TYPE_SOA) ||
	    !zl_name_rrset(z->origin, LDNS_RR_TYPE_NS))
		return NULL;
	return z;
}

const struct zl_zone *zl_zoneset_zone_for(struct zl_zoneset *s,
					  const struct zl_zone *self,
					  const char *text)
{
	size_t own = self ? self->origin->len : 0, len;
	const char *p;
	struct entry *e;

	for (p = text; p; p = zl_name_parent(p)) {
		len = strlen(p);
		/* Own origin reached: no zone of the set lies in between. */
		if (self && len == own &&
		    strcmp(p, self->origin->text) == 0)
			return self;
		/* A context zone that did not load, or that no server
		 * would load (no SOA or no NS records at its apex, such as
		 * a fragment or an export rooted at '.'), or that includes
		 * a file not read, leaves its names unknown rather than to
		 * the parent zone. */
		if (s && (e = find(s, p, len)) != NULL)
			return servable(zone_of(s, e));
	}
	return NULL;
}

/* The slot of ancestor text in the table of ancestors: where it is, or
 * the empty slot where it belongs. */
static size_t anc_slot(const struct zl_zoneset *s, const char *text)
{
	size_t k = (size_t)zl_hash(text, strlen(text)) & (s->nanc - 1);

	while (s->anc[k] && strcmp(s->anc[k], text) != 0)
		k = (k + 1) & (s->nanc - 1);
	return k;
}

/* Makes the table of ancestors, under the lock. */
static void seal(struct zl_zoneset *s)
{
	size_t i, k, n = 0;
	const char *p;

	zl_lock(&s->lock);
	if (!atomic_load(&s->sealed)) {
		for (i = 0; i < s->n; i++)
			for (p = zl_name_parent(s->v[i].origin); p;
			     p = zl_name_parent(p))
				n++;
		free(s->anc);
		for (s->nanc = 16; s->nanc < 2 * n; s->nanc *= 2)
			;
		s->anc = zl_xcalloc(s->nanc, sizeof *s->anc);
		for (i = 0; i < s->n; i++)
			for (p = zl_name_parent(s->v[i].origin); p;
			     p = zl_name_parent(p))
				if (!s->anc[k = anc_slot(s, p)])
					s->anc[k] = p;
		atomic_store(&s->sealed, true);
	}
	zl_unlock(&s->lock);
}

bool zl_zoneset_has_below(struct zl_zoneset *s, const char *origin)
{
	if (!s)
		return false;
	if (!atomic_load(&s->sealed))
		seal(s);
	return s->anc[anc_slot(s, origin)] != NULL;
}

