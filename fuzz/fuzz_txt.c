/* fuzz_txt.c - libFuzzer harness: the TXT joiner and its map back to the source, over tokens from the zone lexer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "txt.h"
#include "zone_lex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A span must stay inside the source buffer: checks turn it into a
 * caret under the zone text. */
static void tok_ok(struct zl_tok t, size_t len)
{
	if (t.off > len || t.len > len - t.off)
		abort();
}

/* Joins the tokens of one logical line as the strings of one TXT record
 * and checks what the joiner promises in txt.h. */
static void join_line(const char *buf, size_t len,
		      const struct zl_lex_line *ln)
{
	struct zl_buf desc = { 0 };
	struct zl_txt t;
	size_t i, k, a, b;

	zl_txt_init(&t, buf);
	for (i = 0; i < ln->ntoks; i++) {
		struct zl_tok tok = { ln->toks[i].off, ln->toks[i].len };

		zl_txt_add(&t, tok);
	}
	if (t.nparts != ln->ntoks || (t.len && t.s[t.len] != '\0'))
		abort();
	for (k = 0; k < t.nparts; k++) {
		const struct zl_txt_part *p = &t.parts[k];

		if (p->at + p->len > t.len || p->len > p->tok.len)
			abort();
		/* each lookup walks the string: the first bytes suffice */
		for (i = p->at; i < p->at + p->len && i < p->at + 256; i++) {
			struct zl_tok at = zl_txt_tok(&t, i, i + 1);

			if (at.off < p->tok.off || at.len == 0 ||
			    at.off + at.len > p->tok.off + p->tok.len)
				abort();
		}
		if (k > 0) {
			desc.len = 0;
			zl_txt_describe_join(&t, k, &desc);
		}
	}
	/* Ranges picked from the text itself, so the fuzzer steers them. */
	for (i = 0; i + 1 < t.len && i < 64; i += 2) {
		a = (unsigned char)t.s[i] % (t.len + 1);
		b = a + (unsigned char)t.s[i + 1] % (t.len + 1 - a);
		tok_ok(zl_txt_tok(&t, a, b), len);
		if (zl_txt_part_at(&t, a) >= (t.nparts ? t.nparts : 1))
			abort();
		k = zl_txt_join_in(&t, a, b);
		if (k >= (t.nparts ? t.nparts : 1))
			abort();
	}
	tok_ok(zl_txt_tok(&t, 0, t.len), len);
	tok_ok(zl_txt_tok(&t, t.len, t.len), len);
	zl_buf_free(&desc);
	zl_txt_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Sources are NUL-terminated, as struct zl_src keeps them. */
	char *buf = malloc(size + 1);
	struct zl_lex_line ln;
	struct zl_lexer lx;

	if (!buf)
		abort();
	memcpy(buf, data, size);
	buf[size] = '\0';
	zl_lex_init(&lx, buf, size);
	while (zl_lex_next(&lx, &ln))
		if (!ln.err_cat && ln.ntoks > 0)
			join_line(buf, size, &ln);
	zl_lex_free(&lx);
	free(buf);
	return 0;
}
