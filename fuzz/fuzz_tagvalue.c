/* fuzz_tagvalue.c - libFuzzer harness: the tag=value parser of DKIM, DMARC, MTA-STS, TLS-RPT and BIMI records, with its URI helpers. */
#include <stdint.h>
#include <stdlib.h>

#include "tagvalue.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Spans are mapped back to the zone source: they must stay in the text. */
static void span_ok(struct zl_tv_span sp, size_t len)
{
	if (sp.off > len || sp.len > len - sp.off)
		abort();
}

/* Walks a value as the checks do: a list of items, each maybe a URI. */
static void value(const char *s, size_t len, struct zl_tv_span v)
{
	struct zl_tv_span item, scheme, bad, host;
	uint32_t pos = v.off;
	char *str;

	while (zl_tv_next_item(s, v, ',', &pos, &item)) {
		span_ok(item, len);
		if (zl_tv_uri_check(s, item, &scheme, &bad) != NULL) {
			span_ok(bad, len);
			continue;
		}
		span_ok(scheme, len);
		if (zl_tv_uri_host(s, item, &host))
			span_ok(host, len);
	}
	str = zl_tv_str(s, v);
	free(str);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct zl_tv tv = { 0 };
	size_t i;

	zl_tv_parse(&tv, s, size);
	for (i = 0; i < tv.ntags; i++) {
		const struct zl_tv_tag *t = &tv.tags[i];

		span_ok(t->spec, size);
		span_ok(t->name, size);
		span_ok(t->value, size);
		if (t->dup >= (int)i || t->dup_ci >= (int)i)
			abort();
		(void)zl_tv_eq(s, t->name, "v", true);
		value(s, size, t->value);
	}
	for (i = 0; i < tv.nerrs; i++) {
		span_ok(tv.errs[i].at, size);
		if (!tv.errs[i].msg)
			abort();
	}
	(void)zl_tv_find(&tv, s, "p", false);
	zl_tv_free(&tv);
	return 0;
}
