/* util.c - checked allocators, the bump arena, growable strings, escaping,
 * the keyed hash. */
#include "util.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* The thread's recovery point: each thread runs its own public calls. */
static _Thread_local struct zl_guard *guard;

/* The thread's cleanups (util.h); npushed counts those beyond the array
 * too, so that every pop matches its push. */
static _Thread_local struct {
	void (*fn)(void *arg);
	void *arg;
} cleanups[ZL_CLEANUPS];
static _Thread_local size_t npushed;

bool zl_guard_enter(struct zl_guard *g)
{
	g->set = guard == NULL;
	if (g->set) {
		guard = g;
		npushed = 0;
	}
	return g->set;
}

void zl_cleanup_push(void (*fn)(void *arg), void *arg)
{
	if (npushed < ZL_CLEANUPS) {
		cleanups[npushed].fn = fn;
		cleanups[npushed].arg = arg;
	}
	npushed++;
}

void zl_cleanup_pop(void)
{
	if (npushed > 0)
		npushed--;
}

static void unlock(void *m)
{
	pthread_mutex_unlock(m);
}

void zl_lock(pthread_mutex_t *m)
{
	pthread_mutex_lock(m);
	zl_cleanup_push(unlock, m);
}

void zl_unlock(pthread_mutex_t *m)
{
	zl_cleanup_pop();
	pthread_mutex_unlock(m);
}

void zl_guard_leave(struct zl_guard *g)
{
	if (g->set) {
		guard = NULL;
		g->set = false;
	}
}

void zl_oom(size_t n)
{
	size_t i;

	(void)n;
	if (guard) {
		for (i = npushed < ZL_CLEANUPS ? npushed : ZL_CLEANUPS; i > 0; i--)
			cleanups[i - 1].fn(cleanups[i - 1].arg);
		npushed = 0;
		longjmp(guard->jb, 1);
	}
	__builtin_trap();
}

void *zl_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		zl_oom(n);
	return p;
}

void *zl_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		zl_oom(n * size);
	return p;
}

void *zl_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		zl_oom(n);
	return q;
}

void zl_xgrow(void **v, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			zl_oom(SIZE_MAX);
		c *= 2;
	}
	*v = zl_xrealloc(*v, c * elem);
	*cap = c;
}

/* Below this, an array grows by doubling as cheaply as it would be made. */
#define RESERVE_MIN (4u << 20)

void zl_reserve(void **v, size_t *cap, size_t want, size_t elem)
{
	void *p;

	if (want <= *cap || want > SIZE_MAX / elem || want * elem < RESERVE_MIN ||
	    !(p = realloc(*v, want * elem)))
		return;
	*v = p;
	*cap = want;
}

char *zl_xstrdup(const char *s)
{
	return s ? zl_xstrndup(s, strlen(s)) : NULL;
}

char *zl_xstrndup(const char *s, size_t n)
{
	char *p = zl_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *zl_xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	p = zl_xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *zl_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = zl_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* ---- arena ---- */

/* Arena chunks of this size and more are backed by transparent huge pages
 * where the kernel offers them only on request (THP "madvise" mode): they
 * hold the names and rdata that the index and the rules reach at random,
 * where the larger pages spare TLB misses.  The arrays of zl_xgrow and
 * zl_reserve (a zone's text, records and tokens) are not hinted: paired
 * runs found the hint on them costing more in first touches, each a huge
 * page zeroed whole where fresh memory is slow to back, than it saved
 * (bench/PROFILE.md, "Huge pages where they pay"). */
#define HUGE_MIN (4u << 20)

static void advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t ps, a, b;

	if (n < HUGE_MIN)
		return;
	ps = (uintptr_t)sysconf(_SC_PAGESIZE);
	a = ((uintptr_t)p + ps - 1) & ~(ps - 1);	/* whole pages inside */
	b = ((uintptr_t)p + n) & ~(ps - 1);
	if (b > a)
		(void)madvise((void *)a, b - a, MADV_HUGEPAGE);	/* a hint */
#else
	(void)p;
	(void)n;
#endif
}

struct zl_arena_chunk {
	struct zl_arena_chunk *next;
	max_align_t data[];
};

/* Chunks start small (a small zone stays small: a run holds all its
 * zones at once) and double up to a size worth backing by huge pages. */
#define ARENA_CHUNK 1024
#define ARENA_CHUNK_MAX (8u << 20)

/* n bytes at the next multiple of align (1 or 8) in the head chunk, or
 * in a new one. */
static void *arena_get(struct zl_arena *a, size_t n, size_t align)
{
	struct zl_arena_chunk *c;
	size_t size, chunk;
	void *p;

	/* Chunk sizes are multiples of 8: used stays within size. */
	a->used = (a->used + align - 1) & ~(align - 1);
	if (!a->head || a->size - a->used < n) {
		chunk = !a->head ? ARENA_CHUNK :
			a->size >= ARENA_CHUNK_MAX / 2 ? ARENA_CHUNK_MAX :
			a->size * 2;
		size = n > chunk / 4 ? (n + 7) & ~(size_t)7 : chunk;
		c = zl_xmalloc(sizeof *c + size);
		advise_huge(c, sizeof *c + size);
		if (a->head && size != chunk) {
			/* A large block goes behind the head so the head's
			 * free space stays usable. */
			c->next = a->head->next;
			a->head->next = c;
			memset(c->data, 0, n);
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->used = 0;
		a->size = size;
	}
	p = (char *)a->head->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

void *zl_arena_alloc(struct zl_arena *a, size_t n)
{
	return arena_get(a, (n + 7) & ~(size_t)7, 8);
}

void *zl_arena_bytes(struct zl_arena *a, size_t n)
{
	return arena_get(a, n, 1);
}

char *zl_arena_strndup(struct zl_arena *a, const char *s, size_t n)
{
	char *p = zl_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *zl_arena_take(struct zl_arena *a, void *p, size_t n)
{
	void *q = n ? zl_arena_alloc(a, n) : NULL;

	if (n)
		memcpy(q, p, n);
	free(p);
	return q;
}

void zl_arena_adopt(struct zl_arena *a, struct zl_arena *from)
{
	struct zl_arena_chunk *tail;

	if (!from->head)
		return;
	if (!a->head) {
		*a = *from;
	} else {
		/* Behind a's head, whose free space stays in use. */
		for (tail = from->head; tail->next; tail = tail->next)
			;
		tail->next = a->head->next;
		a->head->next = from->head;
	}
	from->head = NULL;
	from->used = from->size = 0;
}

void zl_arena_free(struct zl_arena *a)
{
	struct zl_arena_chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
	a->used = a->size = 0;
}

/* ---- growable strings ---- */

void zl_buf_add(struct zl_buf *b, const char *s, size_t n)
{
	zl_xgrow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void zl_buf_addc(struct zl_buf *b, char c)
{
	zl_buf_add(b, &c, 1);
}

void zl_buf_addf(struct zl_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = zl_xvasprintf(fmt, ap);
	va_end(ap);
	zl_buf_add(b, p, strlen(p));
	free(p);
}

void zl_buf_free(struct zl_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid;
 * its code point in *cp.  Rejects overlong forms, surrogates and code
 * points above U+10FFFF. */
static size_t utf8_len(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;

	if (s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	len = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	if (n < len)
		return 0;
	*cp = s[0] & (0x7F >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && *cp < 0x800) || (len == 4 && *cp < 0x10000) ||
	    (*cp >= 0xD800 && *cp <= 0xDFFF) || *cp > 0x10FFFF)
		return 0;
	return len;
}

/* The code points above U+007F that a reader cannot see for what they are
 * (Unicode 17.0): C1 controls (Cc; U+009B is CSI, U+009D OSC), format
 * characters (Cf: the bidi embeddings, overrides, isolates and marks, the
 * zero-width characters, U+FEFF, the tag characters), line and paragraph
 * separators (Zl, Zp), spaces other than U+0020 (Zs) and the other
 * default-ignorable code points (variation selectors, Hangul fillers).
 * The noncharacters U+xxFFFE and U+xxFFFF of every plane are tested
 * apart. */
static const struct {
	uint32_t lo, hi;
} hidden[] = {
	{ 0x0080, 0x00A0 }, { 0x00AD, 0x00AD }, { 0x034F, 0x034F },
	{ 0x0600, 0x0605 }, { 0x061C, 0x061C }, { 0x06DD, 0x06DD },
	{ 0x070F, 0x070F }, { 0x0890, 0x0891 }, { 0x08E2, 0x08E2 },
	{ 0x115F, 0x1160 }, { 0x1680, 0x1680 }, { 0x17B4, 0x17B5 },
	{ 0x180B, 0x180F }, { 0x2000, 0x200F }, { 0x2028, 0x202F },
	{ 0x205F, 0x206F }, { 0x3000, 0x3000 }, { 0x3164, 0x3164 },
	{ 0xFDD0, 0xFDEF }, { 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF },
	{ 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFFB }, { 0x110BD, 0x110BD },
	{ 0x110CD, 0x110CD }, { 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 },
	{ 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
};

static bool is_hidden(uint32_t cp)
{
	size_t lo = 0, hi = sizeof hidden / sizeof hidden[0], mid;

	if ((cp & 0xFFFE) == 0xFFFE)
		return true;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < hidden[mid].lo)
			hi = mid;
		else if (cp > hidden[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* A CI runner reads a line of its log as a command when it starts, after
 * blanks, with "::" (GitHub Actions' workflow commands: annotations, step
 * outputs, masks), or when it holds "##[" anywhere (their older form).
 * Output carries neither from its input: zl_shown_len escapes the '#'
 * that starts "##[", and the writers of a value escape the ':' that
 * starts a "::" at the value's head (lead_colon), where a line may start. */
size_t zl_shown_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t len;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return u[0] >= 0x20 && u[0] < 0x7F &&
		       !(u[0] == '#' && n >= 3 && u[1] == '#' && u[2] == '[');
	len = utf8_len(u, n, &cp);
	return len && !is_hidden(cp) ? len : 0;
}

/* Where the ':' of a "::" after the blanks that s[0..n) starts with is,
 * else n (zl_shown_len). */
static size_t lead_colon(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	return i + 1 < n && s[i] == ':' && s[i + 1] == ':' ? i : n;
}

/* zl_buf_add_escaped, the ':' at lead escaped too (n: none). */
static void add_escaped(struct zl_buf *b, const char *s, size_t n,
			size_t lead)
{
	size_t i = 0, run, k;
	char e[5];

	while (i < n) {
		for (run = i; run < n; run += k)
			if ((k = zl_shown_len(s + run, n - run)) == 0 ||
			    run == lead)
				break;
		zl_buf_add(b, s + i, run - i);
		if (run < n) {
			snprintf(e, sizeof e, "\\%03u", (unsigned char)s[run]);
			zl_buf_add(b, e, 4);
			run++;
		}
		i = run;
	}
}

void zl_buf_add_escaped(struct zl_buf *b, const char *s, size_t n)
{
	add_escaped(b, s, n, lead_colon(s, n));
}

void zl_buf_add_escaped_inline(struct zl_buf *b, const char *s, size_t n)
{
	add_escaped(b, s, n, n);
}

size_t zl_utf8_len(const char *s, size_t n)
{
	uint32_t cp;

	return n ? utf8_len((const unsigned char *)s, n, &cp) : 0;
}

/* The start of the valid UTF-8 sequence that holds byte i of s[0..n)
 * past its first byte, else i. */
static size_t utf8_start(const char *s, size_t n, size_t i)
{
	size_t j, k;

	for (j = i; j > 0 && i - j < 3 &&
	     ((unsigned char)s[j] & 0xC0) == 0x80; j--)
		;
	if (j == i)
		return i;
	k = zl_utf8_len(s + j, n - j);
	return k && j + k > i ? j : i;
}

size_t zl_utf8_head(const char *s, size_t n, size_t max)
{
	return n <= max ? n : utf8_start(s, n, max);
}

size_t zl_utf8_tail(const char *s, size_t n, size_t max)
{
	size_t from, j;

	if (n <= max)
		return n;
	from = n - max;
	j = utf8_start(s, n, from);
	/* the character cut is left out: start after it */
	if (j < from)
		from = j + zl_utf8_len(s + j, n - j);
	return n - from;
}

void zl_fputs_escaped(const char *s, FILE *out)
{
	size_t len = s ? strlen(s) : 0, i = 0, run, k;
	size_t lead = lead_colon(s, len);

	/* a run of shown bytes at a time: stdio locks the stream per call */
	while (i < len) {
		for (run = i; run < len; run += k)
			if ((k = zl_shown_len(s + run, len - run)) == 0 ||
			    run == lead)
				break;
		fwrite(s + i, 1, run - i, out);
		if (run < len)
			fprintf(out, "\\%03u", (unsigned char)s[run++]);
		i = run;
	}
}

const char *zl_size_str(uint64_t n, char *buf, size_t size)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB" };
	size_t u = 0;

	while (u < 3 && n >= 1024 && n % 1024 == 0) {
		n /= 1024;
		u++;
	}
	snprintf(buf, size, "%" PRIu64 " %s", n, units[u]);
	return buf;
}

/* ---- keyed hash ---- */

static uint64_t hash_key[2];
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;

/* splitmix64's finaliser: every input bit moves every output bit. */
static uint64_t mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The key comes from the kernel's random pool.  Where it has none to give
 * (no getrandom(2) under an old kernel or a seccomp filter, or a pool not
 * yet ready early at boot, which must not make zonelint wait), it is made
 * from the clock, the process id and where the stack and the code were
 * placed: different in every run, which is what defeats names chosen in
 * advance, though not secret from someone watching the machine. */
static void draw_key(void)
{
	struct timespec ts = { 0, 0 };
	uint64_t x;

	if (getrandom(hash_key, sizeof hash_key, GRND_NONBLOCK) ==
	    (ssize_t)sizeof hash_key)
		return;
	(void)clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	x = mix64(x ^ (uint64_t)getpid() << 40);
	x = mix64(x ^ (uint64_t)(uintptr_t)&ts);
	hash_key[0] = mix64(x ^ (uint64_t)(uintptr_t)&draw_key);
	hash_key[1] = mix64(hash_key[0] ^ x);
}

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND do { \
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
} while (0)

/* The k <= 8 bytes at s as a little-endian number.  A whole word is one
 * load on little-endian machines: gcc does not merge the loads, shifts
 * and ors of the portable form into one. */
static uint64_t load_le(const unsigned char *s, size_t k)
{
	uint64_t m = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (k == 8) {
		memcpy(&m, s, 8);
		return m;
	}
#endif
	while (k-- > 0)
		m = m << 8 | s[k];
	return m;
}

/* SipHash-1-3 (Aumasson and Bernstein, 2012; the round counts of Rust's
 * and Python's hash tables): one round per 8-byte word, three to end. */
uint64_t zl_siphash13(const uint64_t key[2], const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t v0 = key[0] ^ 0x736f6d6570736575ULL;
	uint64_t v1 = key[1] ^ 0x646f72616e646f6dULL;
	uint64_t v2 = key[0] ^ 0x6c7967656e657261ULL;
	uint64_t v3 = key[1] ^ 0x7465646279746573ULL;
	uint64_t m, last = (uint64_t)n << 56;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		m = load_le(s + i, 8);
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	last |= load_le(s + i, n - i);
	v3 ^= last;
	SIPROUND;
	v0 ^= last;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t zl_hash(const void *s, size_t n)
{
	(void)pthread_once(&hash_once, draw_key);
	return zl_siphash13(hash_key, s, n);
}

int zl_strcasecmp(const char *a, const char *b)
{
	unsigned char ca, cb;

	do {
		ca = (unsigned char)*a++;
		cb = (unsigned char)*b++;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
	} while (ca && ca == cb);
	return ca - cb;
}

int zl_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of base64 digit c (RFC 4648 §4, Table 1), or -1. */
static int b64_digit(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

size_t zl_b64_groups(const char *s, size_t n, uint8_t *out, unsigned *odd)
{
	size_t i, k, len = 0;
	uint32_t v;
	int d, pad;

	*odd = 0;
	if (n % 4)
		return SIZE_MAX;
	for (i = 0; i < n; i += 4) {
		/* one or two '=' at the group's end: "x===" is no group */
		pad = s[i + 3] != '=' ? 0 : s[i + 2] != '=' ? 1 : 2;
		v = 0;
		for (k = 0; k < 4 - (size_t)pad; k++) {
			if ((d = b64_digit(s[i + k])) < 0)
				return SIZE_MAX;
			v |= (uint32_t)d << (18 - 6 * k);
		}
		/* group i's bytes go before its characters: out may be s */
		if (out) {
			out[len] = (uint8_t)(v >> 16);
			out[len + 1] = (uint8_t)(v >> 8);
			out[len + 2] = (uint8_t)v;
		}
		len += 3 - (size_t)pad;
		if (pad && i + 4 < n)
			*odd |= ZL_B64_INSIDE;
		if (v & (pad == 2 ? 0xffffu : pad == 1 ? 0xffu : 0))
			*odd |= ZL_B64_BITS;
	}
	return len;
}

bool zl_enc_why(const char *s, size_t n, bool b64, char *why, size_t *k)
{
	size_t i, pad = 0;
	unsigned char c;
	bool digit;
	char ch[8];

	for (i = 0; i < n; i++) {
		if (b64 && s[i] == '=') {
			pad++;
			continue;
		}
		digit = (b64 ? b64_digit(s[i]) : zl_hex_digit(s[i])) >= 0;
		if (digit && !pad)
			continue;
		c = (unsigned char)s[i];
		if (c > ' ' && c < 0x7f && c != '\\' && c != '\'')
			snprintf(ch, sizeof ch, "'%c'", c);
		else
			snprintf(ch, sizeof ch, "\\%03u", c);
		*k = i;
		if (digit)
			snprintf(why, 96, "%s after '=' padding", ch);
		else
			snprintf(why, 96, "%s is not a %s", ch,
				 b64 ? "base64 character" : "hex digit");
		return true;
	}
	*k = n;
	if (!b64 && n % 2)
		snprintf(why, 96, "%zu digits, an odd number, are no whole "
			 "number of bytes", n);
	else if (b64 && n % 4)
		snprintf(why, 96, "%zu characters, not a whole number of "
			 "groups of four: '=' pads the last", n);
	else if (b64 && (n - pad) % 4 == 1)
		snprintf(why, 96, "a last group of one character, which "
			 "holds no whole byte");
	else if (pad > 2)
		snprintf(why, 96, "%zu '=' of padding, where a last group "
			 "has two at most", pad);
	else
		return false;
	return true;
}

size_t zl_line_index(const uint32_t *starts, size_t n, size_t off)
{
	size_t lo = 0, hi = n, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
