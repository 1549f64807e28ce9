/* fuzz_rules.c - libFuzzer harness: a YAML rule file through the rule loader, then its rules over a small zone. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zonelint.h"

/* A zone with a little of everything the primitives look at, so that a
 * rule that loads also runs: templates, regexes and parameters. */
static const char zone_text[] =
	"$ORIGIN example.com.\n$TTL 3600\n"
	"@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
	"@ IN NS ns1\n@ IN MX 10 mx1\n@ IN MX 20 mx2\n"
	"@ IN TXT \"v=spf1 mx include:_spf.example.com -all\"\n"
	"_spf IN TXT \"v=spf1 a ip4:192.0.2.0/24 ~all\"\n"
	"_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n"
	"sel._domainkey IN TXT \"v=DKIM1; k=rsa; p=MIIBIjANBg\"\n"
	"ns1 IN A 192.0.2.53\nmx1 IN A 192.0.2.1\nmx2 IN AAAA 2001:db8::2\n"
	"www 300 IN CNAME mx1\nold IN MX 0 .\n"
	"long IN TXT \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n";

static struct zl_zone *zone;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct zl_load_opts lo = { .display = "example.com.zone" };
	char *err = NULL;

	(void)argc;
	(void)argv;
	if (zl_zone_load_buffer("example.com.zone", zone_text,
				sizeof zone_text - 1, &lo, &zone, &err) != ZL_OK)
		abort();
	if ((sink = fopen("/dev/null", "w")) == NULL)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zl_ruleset *rs = zl_ruleset_new();
	struct zl_format_opts fo = { 0 };
	struct zl_rule_info ri;
	struct zl_diags errs, d;
	size_t before, i;
	enum zl_status st;

	zl_diags_init(&errs);
	zl_diags_init(&d);
	st = zl_ruleset_load_buffer(rs, "fuzz.yaml", (const char *)data, size,
				    &errs);
	/* A failure always says why (DESIGN §3), and success says nothing. */
	if ((st == ZL_OK) != (errs.n == 0))
		abort();
	if (zl_format(ZL_FMT_TEXT, &errs, &fo, sink) != ZL_OK)
		abort();
	if (st != ZL_OK)
		goto out;
	for (i = 0; zl_ruleset_info(rs, i, &ri); i++)
		if (!ri.id || !zl_ruleset_find(rs, ri.id, &ri))
			abort();
	zl_lint(rs, zone, &d);
	zl_diags_sort(&d);
	if (zl_format(ZL_FMT_TEXT, &d, &fo, sink) != ZL_OK ||
	    zl_format(ZL_FMT_JSON, &d, &fo, sink) != ZL_OK)
		abort();
	before = errs.n;
	if (zl_ruleset_ignore(rs, "X", &errs) != ZL_OK && errs.n == before)
		abort();
out:
	zl_diags_free(&d);
	zl_diags_free(&errs);
	zl_ruleset_free(rs);
	return 0;
}
