/* recost.c - what a select pattern costs PCRE2 on each subject: the
 * pattern items tried, counted by an automatic callout before each one
 * (PCRE2_AUTO_CALLOUT), over every start position the match tries.
 * PCRE2's match limit is no measure of this: it counts afresh at each
 * start position, so a pattern retried at every byte of a name stays far
 * below it while it costs hundreds of instructions per byte.  The start
 * optimizations (a first or required character found by memchr, an
 * anchor) still apply, as they do in zonelint.
 *
 * usage: tests/recost owner|rdata PATTERN <SUBJECTS
 * Compiles PATTERN as zonelint compiles that select field (rule_load.c)
 * and prints "ITEMS LENGTH SUBJECT" for each line of SUBJECTS; exit
 * status 2 when the pattern does not compile. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

static int count(pcre2_callout_block *b, void *n)
{
	(void)b;
	++*(unsigned long *)n;
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t opts = PCRE2_AUTO_CALLOUT | PCRE2_DOLLAR_ENDONLY;
	pcre2_match_context *ctx;
	pcre2_match_data *md;
	pcre2_code *re;
	unsigned long n;
	char line[4096];
	PCRE2_SIZE eoff;
	size_t len;
	int ec, rc;

	if (argc != 3)
		return 2;
	/* Owner names are matched without regard to case (RFC 4343). */
	if (strcmp(argv[1], "owner") == 0)
		opts |= PCRE2_CASELESS;
	re = pcre2_compile((PCRE2_SPTR)argv[2], PCRE2_ZERO_TERMINATED, opts,
			   &ec, &eoff, NULL);
	ctx = pcre2_match_context_create(NULL);
	md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
	rc = re && ctx && md ? 0 : 2;
	if (rc == 0) {
		pcre2_set_callout(ctx, count, &n);
		while (fgets(line, sizeof line, stdin)) {
			len = strcspn(line, "\n");
			line[len] = '\0';
			n = 0;
			pcre2_match(re, (PCRE2_SPTR)line, len, 0, 0, md, ctx);
			printf("%lu %zu %s\n", n, len, line);
		}
	}
	pcre2_match_data_free(md);
	pcre2_match_context_free(ctx);
	pcre2_code_free(re);
	return rc;
}
