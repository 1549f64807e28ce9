/* fuzz_spf.c - libFuzzer harness: one SPF record through the SPF parser, with its span invariants checked. */
#include <stdint.h>
#include <stdlib.h>

#include "spf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every span the parser hands out must lie inside the record, or the
 * checks would map it to bytes outside the TXT data. */
static void span_ok(struct zl_spf_span s, size_t len)
{
	if (s.off > len || s.len > len - s.off)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct zl_spf spf;
	char dom[256];
	size_t i;

	(void)zl_spf_is_record(s, size);
	zl_spf_parse(&spf, s, size);
	if (spf.len != size)
		abort();
	for (i = 0; i < spf.nterms; i++) {
		const struct zl_spf_term *t = &spf.terms[i];

		span_ok(t->text, size);
		span_ok(t->name, size);
		span_ok(t->value, size);
		span_ok(t->cidr, size);
		(void)zl_spf_kind_str(t->kind);
		(void)zl_spf_kind_queries(t->kind);
		(void)zl_spf_domain(s, t, dom, sizeof dom);
		(void)zl_spf_domain(s, t, dom, 4);
	}
	for (i = 0; i < spf.nerrs; i++) {
		span_ok(spf.errs[i].at, size);
		if (!spf.errs[i].msg)
			abort();
	}
	zl_spf_free(&spf);
	return 0;
}
