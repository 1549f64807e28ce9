/* check_mx_backup.c - whether an MX set has a backup: a single exchanger
 * (MX009), or exchangers that share their addresses (MX010). */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_mx.h"

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* ---- single-target ---- */

static const struct zl_param_spec single_params[] = {
	{ .key = "load-balanced", .type = ZL_PT_REGEXLIST, .dflt = "[]" },
	{ .key = NULL },
};

/* With one exchanger, mail waits in senders' queues (and may bounce after
 * their retry limit) whenever that host is down; a second MX is the
 * long-standing practice.  Hosted services that put many machines behind
 * one name are exempt through the `load-balanced` patterns. */
static void single_target(struct zl_ctx *ctx)
{
	const struct zl_param *lb = zl_rule_param(ctx->rule, "load-balanced");
	const struct zl_rr *one = NULL;
	bool has_null = false;
	const char *t;
	size_t i;
	int hit = 0;

	/* A set with a null MX is MX011's concern, not a missing backup; a
	 * sole exchanger that cannot receive mail is MX003's or MX006's. */
	if (zl_mx_distinct_targets(ctx->zone, ctx->set, &one, &has_null) != 1 ||
	    has_null || zl_mx_target_dead(ctx, zl_mx_target(one)))
		return;
	t = zl_mx_target(one)->text;
	for (i = 0; i < lb->n && hit == 0; i++)
		hit = zl_ctx_match(ctx, lb->res[i], t, strlen(t));
	if (hit == 0)
		zl_mx_emit_target(ctx, one, NULL, NULL);
}

const struct zl_check zl_check_mx_single_target = {
	.name = "mx-single-target",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = single_target,
	.params = single_params,
	.vars = (const char *const[]){ "target", NULL },
};

/* ---- shared-addresses ---- */

/* The bytes of address f that name a host: an IPv4-mapped IPv6 address
 * (::ffff:0:0/96, RFC 4291 §2.5.5.2) is the IPv4 host it maps, so that
 * an AAAA record of one exchanger and an A record of another can be seen
 * to be the same machine. */
static const uint8_t *addr_key(const struct zl_rdf *f, size_t *len)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	const uint8_t *p = zl_rdf_data(f);

	*len = f->len;
	if (f->len == 16 && memcmp(p, mapped, sizeof mapped) == 0) {
		*len = 4;
		return p + sizeof mapped;
	}
	return p;
}

static int cmp_addr(const void *a, const void *b)
{
	size_t lx, ly;
	const uint8_t *x = addr_key(*(const struct zl_rdf *const *)a, &lx);
	const uint8_t *y = addr_key(*(const struct zl_rdf *const *)b, &ly);

	if (lx != ly)
		return lx < ly ? -1 : 1;
	return memcmp(x, y, lx);
}

/* The hosts a name's addresses reach: its A then AAAA rdata, sorted, each
 * host once; v is small unless the name has more addresses (addrs_free). */
struct addrs {
	const struct zl_rdf *small[ZL_MX_SMALL_SET], **v;
	size_t n;
};

static void addrs_get(const struct zl_zone *z, const struct zl_name *n,
		      struct addrs *a)
{
	static const uint16_t types[] = { LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA };
	const struct zl_rrset *s;
	size_t cap = 0, i, k;
	const struct zl_rr *rr;

	for (i = 0; i < 2; i++)
		cap += n && (s = zl_name_rrset(n, types[i])) ? s->count : 0;
	a->v = cap > ZL_MX_SMALL_SET ? zl_xcalloc(cap, sizeof *a->v) : a->small;
	a->n = 0;
	for (i = 0; i < 2; i++)
		for (rr = zl_first_rr(z, n, types[i]); rr && a->n < cap;
		     rr = zl_next_rr(z, rr))
			a->v[a->n++] = &rr->rdf[0];
	qsort(a->v, a->n, sizeof *a->v, cmp_addr);
	for (i = k = 0; i < a->n; i++)
		if (k == 0 || cmp_addr(&a->v[k - 1], &a->v[i]) != 0)
			a->v[k++] = a->v[i];
	a->n = k;
}

static void addrs_free(struct addrs *a)
{
	if (a->v != a->small)
		free(a->v);
}

/* Whether two names reach the same hosts: address by address, so that
 * five A records are never taken for one A and one AAAA record whose
 * bytes, put end to end, happen to be the same. */
static bool addrs_same(const struct addrs *a, const struct addrs *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (cmp_addr(&a->v[i], &b->v[i]) != 0)
			return false;
	return true;
}

/* The address set as text: "192.0.2.1, 2001:db8::1". */
static void addrs_text(const struct addrs *a, struct zl_buf *txt)
{
	char ip[INET6_ADDRSTRLEN];
	const uint8_t *p;
	size_t i, len;

	for (i = 0; i < a->n; i++) {
		p = addr_key(a->v[i], &len);
		inet_ntop(len == 4 ? AF_INET : AF_INET6, p, ip, sizeof ip);
		zl_buf_addf(txt, "%s%s", i ? ", " : "", ip);
	}
}

/* Several exchangers give redundancy only if they are different hosts;
 * names that all resolve to the same addresses fail together, and so do
 * an exchanger and an alias of it.  Senders that refuse the alias
 * (RFC 5321 §5.1 lets them) are left with fewer exchangers still. */
static void shared_addresses(struct zl_ctx *ctx)
{
	const struct zl_zone *z = ctx->zone;
	uintptr_t vbuf[2 * ZL_MX_SMALL_SET];
	uintptr_t *v = zl_mx_by_target(z, ctx->set, vbuf);
	struct addrs first, cur;
	struct zl_buf txt = { 0 };
	const struct zl_name *t;
	struct zl_at at;
	uint32_t i, ntargets = 0;
	bool same = true;

	for (i = 0; i < ctx->set->count && same; i++) {
		t = (const struct zl_name *)v[2 * i];
		if (i && v[2 * i] == v[2 * i - 2])
			continue;
		if (!zl_mx_target_hosts(ctx, t, &at)) {
			same = false;
			break;
		}
		if (!ntargets++) {
			addrs_get(at.zone, at.name, &first);
			continue;
		}
		addrs_get(at.zone, at.name, &cur);
		same = addrs_same(&first, &cur);
		addrs_free(&cur);
	}
	if (same && ntargets >= 2) {
		addrs_text(&first, &txt);
		ZL_EMIT(ctx, z->rrs[ctx->set->first].src,
			zl_mx_target_tok(ctx, &z->rrs[ctx->set->first]),
			{ "addresses", txt.s });
	}
	if (ntargets)
		addrs_free(&first);
	zl_buf_free(&txt);
	zl_mx_by_target_free(v, vbuf);
}

const struct zl_check zl_check_mx_shared_addresses = {
	.name = "mx-shared-addresses",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RRSET),
	.fn = shared_addresses,
	.params = no_params,
	.vars = (const char *const[]){ "addresses", NULL },
};
