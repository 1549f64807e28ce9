/* oom.c - running out of memory is a status: for every N, the N-th
 * allocation libzonelint makes fails, and each public call must either succeed
 * or return ZL_ERR_NOMEM (NULL), never crash, and leave its objects safe
 * to free.  malloc, calloc and realloc are wrapped at link time
 * (-Wl,--wrap), so the failures hit the library's own allocations; those
 * inside ldns, libyaml and PCRE2 are not counted.
 *
 * usage: tests/oom [STRIDE]   STRIDE > 1 tries every STRIDE-th N past the
 *                             first 500 of the rule-loading phase
 * Prints one line per phase; exit status 0 when all held. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zonelint.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

/* Atomic: a lint with two threads allocates on both.  helper_only: only
 * the allocations of threads other than the main one count. */
static atomic_ulong calls, fail_at;	/* fail_at 0: never */
static atomic_bool failed, helper_only;
static pthread_t main_thread;

static bool fail_now(void)
{
	if (fail_at == 0 ||
	    (helper_only && pthread_equal(pthread_self(), main_thread)) ||
	    ++calls != fail_at)
		return false;
	failed = true;
	return true;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

static const char zone[] =
	"$ORIGIN example.com.\n"
	"$TTL 3600\n"
	"@    IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
	"@    IN NS  ns1\n"
	"ns1  IN A   192.0.2.1\n"
	"@    IN MX  10 mail.example.com ; missing dot\n"
	"@    IN MX  20 alias\n"
	"alias IN CNAME ns1\n"
	"@    IN TXT \"v=spf1 include:a include:b mx -all\"\n"
	"_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:x@example.net\"\n"
	"bad  IN MX  70000 ns1\n"
	"$INCLUDE inc.zone sub\n";

/* The included file, served from memory (mem_read). */
static const char inc[] =
	"@    IN MX  10 mx\n"
	"mx   IN A   192.0.2.25\n"
	"@    IN TXT \"v=spf1 a:mx ~all\"\n";

/* A provider that serves inc.zone; its copies come from the real malloc,
 * so that the failures stay inside the library. */
static enum zl_status mem_read(void *arg, const struct zl_read *rd,
			       struct zl_file *out, char **err)
{
	char *data;

	(void)arg;
	memset(out, 0, sizeof *out);
	*err = NULL;
	if (strcmp(rd->path, "inc.zone") != 0) {
		*err = __real_malloc(sizeof "no such file");
		if (*err)
			strcpy(*err, "no such file");
		return ZL_ERR_IO;
	}
	if (!(data = __real_malloc(sizeof inc)))
		return ZL_ERR_NOMEM;
	memcpy(data, inc, sizeof inc);
	out->data = data;
	out->len = sizeof inc - 1;
	return ZL_OK;
}

static const struct zl_provider mem = { mem_read, NULL };
static const struct zl_load_opts load_opts = { .provider = &mem };

static void arm(unsigned long n)
{
	calls = 0;
	fail_at = n;
	if (n)
		failed = false;
}

/* One call's result: true to go on. *bad is set when a failure was
 * injected and the call still claims success, or when it failed with
 * anything but ZL_ERR_NOMEM without one. */
static bool step(enum zl_status st, enum zl_status ok_too, bool *bad,
		 const char *what, unsigned long n)
{
	if (st == ZL_OK || st == ok_too)
		return true;
	if (st != ZL_ERR_NOMEM || !failed) {
		printf("N=%lu: %s returned %s\n", n, what, zl_status_str(st));
		*bad = true;
	}
	return false;
}

/* Phase 1: a rule set from the built-in packs, narrowed by --select. */
static bool rules_run(unsigned long n, bool *bad)
{
	struct zl_ruleset *rs;
	struct zl_diags errs;

	zl_diags_init(&errs);
	arm(n);
	rs = zl_ruleset_new();
	if (rs && step(zl_ruleset_load_builtin(rs, &errs), ZL_OK, bad,
		       "zl_ruleset_load_builtin", n))
		(void)step(zl_ruleset_select(rs, "MX,SPF,DMARC", &errs), ZL_OK,
			   bad, "zl_ruleset_select", n);
	if (!rs && !failed) {
		printf("N=%lu: zl_ruleset_new returned NULL\n", n);
		*bad = true;
	}
	arm(0);
	zl_ruleset_free(rs);
	zl_diags_free(&errs);
	return failed;
}

/* Phase 2: a zone (with an $INCLUDE) loaded, linted (on one thread, then
 * on two), limited and written as JSON. */
static bool lint_run(const struct zl_ruleset *rs, unsigned long n, bool *bad)
{
	struct zl_diags out, more;
	struct zl_zone *z = NULL;
	char *msg = NULL, *doc = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&doc, &len);

	zl_diags_init(&out);
	zl_diags_init(&more);
	arm(n);
	if (step(zl_zone_load_buffer("example.com.zone", zone,
				     sizeof zone - 1, &load_opts, &z, &msg),
		 ZL_OK, bad, "zl_zone_load_buffer", n) &&
	    step(zl_lint(rs, z, &more), ZL_OK, bad, "zl_lint", n) &&
	    step(zl_lint_threads(rs, z, NULL, 2, &more), ZL_OK, bad,
		 "zl_lint_threads", n) &&
	    step(zl_diags_move(&out, &more), ZL_OK, bad, "zl_diags_move", n) &&
	    step(zl_diags_limit(&out, 2, 100, 1 << 20), ZL_OK, bad,
		 "zl_diags_limit", n) &&
	    step(zl_format(ZL_FMT_JSON, &out, NULL, f), ZL_OK, bad,
		 "zl_format", n) &&
	    !zl_diags_add(&out, "X001", ZL_SEV_NOTE, NULL, "%s", "added") &&
	    !failed) {
		printf("N=%lu: zl_diags_add returned NULL\n", n);
		*bad = true;
	}
	arm(0);
	if (f)
		fclose(f);
	free(doc);
	free(msg);
	zl_zone_free(z);
	zl_diags_free(&more);
	zl_diags_free(&out);
	return failed;
}

/* Phase 4: a zone with records of every pack, linted on two threads, the
 * allocations of the second thread alone failing: what it leaves half
 * made is never freed (its DKIM key cursor was freed twice).  The second
 * thread takes the family with most subjects first: each selection of
 * helper_sels puts another one there. */
static const char *const helper_sels[] = { "DKIM,BIMI", "DMARC,SPF", NULL };
static const char mail_zone[] =
	"$ORIGIN example.org.\n"
	"$TTL 3600\n"
	"@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
	"@ IN NS ns1\n"
	"ns1 IN A 192.0.2.1\n"
	"@ IN MX 10 ns1\n"
	"@ IN TXT \"v=spf1 mx -all\"\n"
	"_dmarc IN TXT \"v=DMARC1; p=none\"\n"
	"s1._domainkey IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC\"\n"
	"s2._domainkey IN TXT \"v=DKIM1; k=ed25519; p=\"\n"
	"_mta-sts IN TXT \"v=STSv1; id=1\"\n"
	"_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:t@example.org\"\n"
	"default._bimi IN TXT \"v=BIMI1; l=https://example.org/l.svg\"\n"
	"_25._tcp.ns1 IN TLSA 3 1 1 0011223344556677889900112233445566778899001122334455667788990011\n";

static bool helper_run(const struct zl_ruleset *rs, const struct zl_zone *z,
		       unsigned long n, bool *bad)
{
	struct zl_diags out;

	zl_diags_init(&out);
	helper_only = true;
	arm(n);
	(void)step(zl_lint_threads(rs, z, NULL, 2, &out), ZL_OK, bad,
		   "zl_lint_threads, the second thread failing", n);
	arm(0);
	helper_only = false;
	zl_diags_free(&out);
	return failed;
}

/* Phase 3: the same zone and include read from files (zl_fs_read) in the
 * directory dir. */
static bool file_run(const char *path, unsigned long n, bool *bad)
{
	struct zl_zone *z = NULL;
	char *msg = NULL;

	arm(n);
	(void)step(zl_zone_load_file(path, NULL, &z, &msg), ZL_OK, bad,
		   "zl_zone_load_file", n);
	arm(0);
	free(msg);
	zl_zone_free(z);
	return failed;
}

/* Writes len bytes of s to dir/name. */
static bool put(const char *dir, const char *name, const char *s, size_t len)
{
	char path[4096];
	FILE *f;
	bool ok;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		return false;
	ok = fwrite(s, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

/* The zone loads, with the records of its $INCLUDE (8 of its own that
 * load, 3 included). */
static bool include_read(void)
{
	struct zl_zone *z = NULL;
	char *msg = NULL;
	bool ok;

	ok = zl_zone_load_buffer("example.com.zone", zone, sizeof zone - 1,
				 &load_opts, &z, &msg) == ZL_OK &&
	     zl_zone_record_count(z) == 11;
	if (z && !ok)
		printf("%zu records\n", zl_zone_record_count(z));
	zl_zone_free(z);
	free(msg);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned long stride = argc > 1 ? strtoul(argv[1], NULL, 10) : 1, n;
	unsigned long tried = 0;
	size_t i;
	char dir[] = "/tmp/zonelint-oom.XXXXXX", path[4096], *msg = NULL;
	struct zl_zone *z = NULL;
	struct zl_ruleset *rs;
	struct zl_diags errs;
	bool bad = false;

	if (stride == 0)
		stride = 1;
	main_thread = pthread_self();
	/* Until a run needs fewer allocations than N: no failure left. */
	for (n = 1; rules_run(n, &bad); n += n < 500 ? 1 : stride)
		tried++;
	printf("rule loading: %lu failures injected, %s\n", tried,
	       bad ? "FAILED" : "each one ZL_ERR_NOMEM");

	zl_diags_init(&errs);
	rs = zl_ruleset_new();
	if (!rs || zl_ruleset_load_builtin(rs, &errs) != ZL_OK ||
	    zl_ruleset_select(rs, "MX,SPF,DMARC,ZONE", &errs) != ZL_OK) {
		printf("cannot load the rules\n");
		return 1;
	}
	if (!include_read()) {
		printf("the zone's $INCLUDE was not read\n");
		return 1;
	}
	tried = 0;
	for (n = 1; lint_run(rs, n, &bad); n++)
		tried++;
	printf("loading, linting, output: %lu failures injected, %s\n", tried,
	       bad ? "FAILED" : "each one ZL_ERR_NOMEM");

	if (!mkdtemp(dir) || !put(dir, "example.com.zone", zone, sizeof zone - 1) ||
	    !put(dir, "inc.zone", inc, sizeof inc - 1)) {
		printf("cannot write the zone files\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/example.com.zone", dir);
	tried = 0;
	for (n = 1; file_run(path, n, &bad); n++)
		tried++;
	printf("reading zone files: %lu failures injected, %s\n", tried,
	       bad ? "FAILED" : "each one ZL_ERR_NOMEM");
	snprintf(path, sizeof path, "%s/inc.zone", dir);
	remove(path);
	zl_ruleset_free(rs);

	if (zl_zone_load_buffer("example.org.zone", mail_zone,
				sizeof mail_zone - 1, NULL, &z, &msg) != ZL_OK) {
		printf("cannot load the mail zone\n");
		return 1;
	}
	for (i = 0; helper_sels[i]; i++) {
		rs = zl_ruleset_new();
		if (!rs || zl_ruleset_load_builtin(rs, &errs) != ZL_OK ||
		    zl_ruleset_select(rs, helper_sels[i], &errs) != ZL_OK) {
			printf("cannot load the rules\n");
			return 1;
		}
		tried = 0;
		for (n = 1; helper_run(rs, z, n, &bad); n++)
			tried++;
		printf("%s on two threads, the second failing: %lu failures "
		       "injected, %s\n", helper_sels[i], tried,
		       bad ? "FAILED" : "each one ZL_ERR_NOMEM");
		/* The second thread did allocate. */
		if (tried < 10) {
			printf("the second thread made %lu allocations\n",
			       tried);
			bad = true;
		}
		zl_ruleset_free(rs);
	}
	rs = NULL;
	zl_zone_free(z);
	snprintf(path, sizeof path, "%s/example.com.zone", dir);
	remove(path);
	remove(dir);
	zl_ruleset_free(rs);
	zl_diags_free(&errs);
	return bad ? 1 : 0;
}
