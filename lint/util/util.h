/* util.h - checked allocation, a bump arena, string helpers.
 *
 * Out of memory: inside the library an allocation never returns NULL.
 * Every failed allocation (ours, and PCRE2's or ldns's where they report
 * one) ends in zl_oom(), which jumps back to the recovery point of the
 * public function the thread is in (struct zl_guard); that function
 * returns ZL_ERR_NOMEM, or NULL.  So the code between has no ENOMEM paths
 * to get wrong, and the library neither exits nor aborts.  What the
 * interrupted call had allocated and not yet attached to an object the
 * caller owns is freed only where the code pushed a cleanup for it
 * (zl_cleanup_push; docs/limits.md). */
#ifndef ZL_UTIL_H
#define ZL_UTIL_H

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "zonelint.h"

/* Asks the CPU to bring the memory at p into cache, for a walk that
 * reaches it a few steps later: a hint, which never faults. */
#if defined(__GNUC__)
#define ZL_PREFETCH(p) __builtin_prefetch(p)
#else
#define ZL_PREFETCH(p) ((void)(p))
#endif

/* A recovery point for running out of memory, one per public call: only
 * the outermost public function on a thread's stack sets one, so a public
 * function the library calls itself does not return ZL_ERR_NOMEM into
 * code that does not expect it.  Use ZL_GUARD. */
struct zl_guard {
	jmp_buf jb;
	bool set;	/* this call is the recovery point */
};

/* Makes g the thread's recovery point if it has none; returns true if so,
 * and the caller must then setjmp(g->jb) at once. */
bool zl_guard_enter(struct zl_guard *g);
/* Undoes zl_guard_enter(g), on every way out of the function. */
void zl_guard_leave(struct zl_guard *g);

/* In a public function, before anything allocates:
 *	struct zl_guard g;
 *	ZL_GUARD(&g, return ZL_ERR_NOMEM;);
 * runs the statements after it when memory runs out below (the guard has
 * been left by then); every other way out must call zl_guard_leave(&g).
 * Locals changed after ZL_GUARD and read by those statements must be
 * volatile (C11 7.13.2.1). */
#define ZL_GUARD(g, ...)						\
	do {								\
		if (zl_guard_enter(g)) {				\
			if (setjmp((g)->jb) != 0) {			\
				zl_guard_leave(g);			\
				__VA_ARGS__				\
			}						\
		}							\
	} while (0)

/* What a function is building, not yet attached to an object its caller
 * owns, and how to free it when memory runs out: zl_oom() runs the
 * cleanups pushed on the thread, newest first, before it jumps back, while
 * their frames are still alive.  A cleanup must not allocate, and must
 * find what it frees consistent at every allocation between its push and
 * its pop.  Of more than ZL_CLEANUPS at once, the newest are not run (what
 * they would free leaks). */
#define ZL_CLEANUPS 8
void zl_cleanup_push(void (*fn)(void *arg), void *arg);
void zl_cleanup_pop(void);	/* drops the newest, without running it */
/* Locks m with a cleanup that unlocks it, so that running out of memory
 * while it is held never leaves another thread waiting for ever; unlocked
 * by zl_unlock. */
void zl_lock(pthread_mutex_t *m);
void zl_unlock(pthread_mutex_t *m);

/* Reports that n bytes could not be allocated: jumps to the thread's
 * recovery point.  Without one (a caller inside the library that skipped
 * the public functions) it traps: that is a bug in the library. */
_Noreturn void zl_oom(size_t n);

void *zl_xmalloc(size_t n);
void *zl_xcalloc(size_t n, size_t size);
void *zl_xrealloc(void *p, size_t n);
/* Grows *v (an array of elem-sized items with capacity *cap) to hold need. */
void zl_xgrow(void **v, size_t *cap, size_t need, size_t elem);
/* Makes room in *v for want items at once, when that is several MiB and
 * memory allows (nothing changes otherwise): an array grown by zl_xgrow
 * from a guess of its final size is not copied as it grows, and the pages
 * a guess too large leaves untouched cost nothing. */
void zl_reserve(void **v, size_t *cap, size_t want, size_t elem);
char *zl_xstrdup(const char *s);	/* NULL stays NULL */
char *zl_xstrndup(const char *s, size_t n);
char *zl_xasprintf(const char *fmt, ...) ZL_PRINTF(1, 2);
char *zl_xvasprintf(const char *fmt, va_list ap);

/* A bump allocator: many small objects, one free. */
struct zl_arena_chunk;
struct zl_arena {
	struct zl_arena_chunk *head;
	size_t used, size;	/* in the head chunk */
};
void *zl_arena_alloc(struct zl_arena *a, size_t n);	/* 8-byte aligned, zeroed */
/* Moves every block of from into a, which frees them with its own. */
void zl_arena_adopt(struct zl_arena *a, struct zl_arena *from);
void *zl_arena_bytes(struct zl_arena *a, size_t n);	/* unaligned, zeroed */
char *zl_arena_strndup(struct zl_arena *a, const char *s, size_t n);
/* Moves the first n bytes of p, a heap block, into a and frees p; NULL
 * when n is 0. */
void *zl_arena_take(struct zl_arena *a, void *p, size_t n);
void zl_arena_free(struct zl_arena *a);		/* frees all chunks */

/* A growable byte string. */
struct zl_buf {
	char *s;
	size_t len, cap;
};
void zl_buf_add(struct zl_buf *b, const char *s, size_t n);
void zl_buf_addc(struct zl_buf *b, char c);
void zl_buf_addf(struct zl_buf *b, const char *fmt, ...) ZL_PRINTF(2, 3);
void zl_buf_free(struct zl_buf *b);

/* Length of the unit at s (at most n bytes) that output may carry as it
 * is: 1 for printable ASCII, the length of a valid UTF-8 sequence whose
 * code point a reader sees for what it is; 0 when the byte s[0] must be
 * escaped: control bytes (tab and LF too), DEL, bytes that are not part
 * of valid UTF-8, and the UTF-8 bytes of C1 controls, format characters
 * (bidi controls, zero-width characters, U+FEFF), line and paragraph
 * separators, spaces other than U+0020, other default-ignorable code points
 * and noncharacters; and the '#' that starts "##[", which a CI runner reads
 * as a command anywhere in a line of its log.  Every writer of output
 * decides here. */
size_t zl_shown_len(const char *s, size_t n);

/* Appends s[0..n) to b with every byte zl_shown_len does not keep written
 * as \DDD (RFC 1035 style, one per byte: U+202E is \226\128\174), and the
 * first ':' of a "::" that s starts with after blanks (a CI runner reads a
 * line that starts so as a command), where it may start a line. */
void zl_buf_add_escaped(struct zl_buf *b, const char *s, size_t n);
/* The same for a value that never starts a line, whose "::" is its own. */
void zl_buf_add_escaped_inline(struct zl_buf *b, const char *s, size_t n);
/* Length of the valid UTF-8 sequence starting at s (at most n bytes, n > 0),
 * or 0 when s[0] does not start one.  Overlong forms, surrogates and code
 * points above U+10FFFF are invalid.  ASCII bytes return 0 as well. */
size_t zl_utf8_len(const char *s, size_t n);
/* How many bytes of s[0..n) a quote cut after max bytes keeps: n when n
 * <= max, else max, or fewer so as not to split a UTF-8 character (the
 * one the cut falls in is left out whole). */
size_t zl_utf8_head(const char *s, size_t n, size_t max);
/* The same for a quote of the last max bytes: how many it keeps. */
size_t zl_utf8_tail(const char *s, size_t n, size_t max);

/* zl_fputs_escaped(), public in zonelint.h, writes what
 * zl_buf_add_escaped() appends. */

/* A size for messages in buf: "4 GiB", "1 MiB", else "N bytes".  Returns
 * buf. */
const char *zl_size_str(uint64_t n, char *buf, size_t size);

/* The 32-bit number in network byte order at p (4 bytes). */
static inline uint32_t zl_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}
/* A keyed hash of s[0..n) for hash tables: SipHash-1-3 under a key drawn
 * at random once per process (thread-safe).  Input cannot be chosen to
 * make its keys collide, as it can for a fixed hash such as FNV-1a, where
 * a zone of a few thousand chosen names turns every table into one list.
 * The values differ from run to run: never print them, store them or let
 * them order output. */
uint64_t zl_hash(const void *s, size_t n);
/* SipHash-1-3 of s[0..n) under key (the 16 key bytes as two little-endian
 * words), as the reference implementation computes it. */
uint64_t zl_siphash13(const uint64_t key[2], const void *s, size_t n);

/* Case-insensitive ASCII comparison (DNS names compare this way). */
int zl_strcasecmp(const char *a, const char *b);
/* The value of the hex digit c, in either case, or -1. */
int zl_hex_digit(char c);
/* Decodes base64 s[0..n) group by group, as Knot DNS reads it: n a
 * multiple of four, each group of four characters base64 (RFC 4648 §4)
 * that may end in '=' padding ("QQ==", "QUI="), even before the last
 * group, and whose padding may drop bits that are not 0 ("QR==").  Writes
 * the bytes to out (NULL: only counts them), which has room for n / 4 * 3
 * and may be s itself, and returns their number, or SIZE_MAX when s is
 * not such groups (then out holds part of them).  *odd gets the
 * ZL_B64_* bits of what RFC 4648 §3.3 and §3.5 let a decoder refuse. */
enum { ZL_B64_INSIDE = 1, ZL_B64_BITS = 2 };
size_t zl_b64_groups(const char *s, size_t n, uint8_t *out, unsigned *odd);

/* Why s[0..n) is no hex (b64 false) or base64 (RFC 4648 §8, §4): into
 * why (size 96), what is wrong, and into *k the offset of the byte at
 * fault, n when its length is.  False when nothing is (a reader refused
 * it for another reason). */
bool zl_enc_why(const char *s, size_t n, bool b64, char *why, size_t *k);

/* The 0-based line that holds byte off of a text whose n line starts are
 * starts[0..n) (ascending, starts[0] == 0, n > 0): the last start <= off.
 * Every "line of an offset" in zonelint is this one binary search. */
size_t zl_line_index(const uint32_t *starts, size_t n, size_t off);

#endif
