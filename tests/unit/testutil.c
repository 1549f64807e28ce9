/* testutil.c - helpers shared by the unit suites: small zones linted, and
 * names that collide under FNV-1a. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

void tu_lint(const char *text, const char *only, struct zl_diags *d)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_zone *z = NULL;
	struct zl_load_opts opts = { .display = "t.zone" };
	char *err = NULL;

	zl_diags_init(d);
	ck_assert_int_eq(zl_ruleset_load_builtin(rs, d), ZL_OK);
	ck_assert_int_eq(zl_ruleset_select(rs, only, d), ZL_OK);
	ck_assert_int_eq(zl_zone_load_buffer("t.zone", text, strlen(text),
					     &opts, &z, &err), ZL_OK);
	zl_lint(rs, z, d);
	zl_diags_sort(d);
	zl_zone_free(z);
	zl_ruleset_free(rs);
}

void tu_at(const struct zl_diags *d, size_t i, const char *id, unsigned line,
	   unsigned col, unsigned end_line, unsigned end_col)
{
	ck_assert_uint_gt(d->n, i);
	ck_assert_str_eq(d->v[i].id, id);
	ck_assert_uint_eq(d->v[i].loc.line, line);
	ck_assert_uint_eq(d->v[i].loc.col, col);
	if (end_line)
		ck_assert_uint_eq(d->v[i].loc.end_line, end_line);
	if (end_col)
		ck_assert_uint_eq(d->v[i].loc.end_col, end_col);
}

uint32_t tu_fnv1a(uint32_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The i-th 4-character string of [a-z0-9]. */
static void nth_word(uint32_t i, char w[5])
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	int j;

	for (j = 0; j < 4; j++, i /= 36)
		w[j] = digits[i % 36];
	w[4] = '\0';
}

/* A birthday search per pair: about 2^16 words until two meet among the
 * 2^32 states, out of 36^4 (1.7 million) to try. */
uint32_t tu_fnv_multicollision(char b[][2][5], int k, uint32_t h)
{
	enum { SLOTS = 1 << 20 };
	uint32_t *state = calloc(SLOTS, sizeof *state);
	uint32_t *word = calloc(SLOTS, sizeof *word);	/* index + 1 */
	uint32_t i, v, slot;
	char w[5];
	int j;

	ck_assert(state && word);
	for (j = 0; j < k; j++) {
		memset(word, 0, SLOTS * sizeof *word);
		for (i = 0; i < 36 * 36 * 36 * 36; i++) {
			nth_word(i, w);
			v = tu_fnv1a(h, w, 4);
			for (slot = (v * 2654435761u) >> 12; word[slot] &&
			     state[slot] != v; slot = (slot + 1) % SLOTS)
				;
			if (word[slot])
				break;
			state[slot] = v;
			word[slot] = i + 1;
		}
		ck_assert_msg(word[slot], "no FNV-1a collision found");
		nth_word(word[slot] - 1, b[j][0]);
		memcpy(b[j][1], w, 5);
		h = v;
	}
	free(state);
	free(word);
	return h;
}
