/* check_mx_provider.c - an MX target one letter from a mail service's
 * documented MX host (MX019): aspmx.l.gogle.com for aspmx.l.google.com. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "check_mx.h"
#include "nearest.h"

static const struct zl_param_spec provider_params[] = {
	{ .key = "hosts", .type = ZL_PT_STRLIST, .dflt = "[]" },
	{ .key = NULL },
};

/* Whether a[0..n) and b[0..m) are the same once their digits are left
 * out: hosts of one numbered series (mx1 and mx2, alt1 and alt4), which a
 * service may well run more of than the list names. */
static bool same_but_digits(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < n && isdigit((unsigned char)a[i]))
			i++;
		while (j < m && isdigit((unsigned char)b[j]))
			j++;
		if (i == n || j == m)
			return i == n && j == m;
		if (tolower((unsigned char)a[i++]) !=
		    tolower((unsigned char)b[j++]))
			return false;
	}
}

/* The labels of canonical name above the root. */
static size_t nlabels(const char *name)
{
	size_t k = 0;

	for (; name && strcmp(name, ".") != 0; name = zl_name_parent(name))
		k++;
	return k;
}

/* The last labels of canonical name t, as many as suffix[0..m) (a host
 * name without its final dot) has, when t has more: a pointer into t;
 * else NULL. */
static const char *below_suffix(const char *t, const char *suffix, size_t m)
{
	size_t want = 1, have = nlabels(t), i;

	for (i = 0; i < m; i++)
		want += suffix[i] == '.';
	if (have <= want)
		return NULL;
	for (i = 0; i < have - want; i++)
		t = zl_name_parent(t);
	return t;
}

static bool one_slip(const char *t, size_t n, const char *h, size_t m)
{
	return zl_one_edit(t, n, h, m) && !same_but_digits(t, n, h, m);
}

/* What target t (canonical) is a slip of among the hosts (as a pack
 * writes them, the final dot optional; "*.suffix" stands for any name
 * below suffix): the host, written into *fix (malloc'd) as the target
 * should read; NULL when t is one of them or near none. */
static const char *slip_of(const struct zl_param *hosts, const char *t,
			   char **fix)
{
	size_t n = strlen(t) - 1, i;	/* without the final dot */
	const char *near = NULL;

	*fix = NULL;
	for (i = 0; i < hosts->n; i++) {
		const char *h = hosts->keys[i], *s = t;
		size_t m = strlen(h), k = n;

		if (m > 0 && h[m - 1] == '.')
			m--;
		if (m > 2 && h[0] == '*' && h[1] == '.') {
			h += 2;
			m -= 2;
			if (!(s = below_suffix(t, h, m)))
				continue;
			k = n - (size_t)(s - t);
		}
		if (m == 0)
			continue;
		if (k == m && strncasecmp(s, h, m) == 0) {
			free(*fix);	/* one of them after all */
			*fix = NULL;
			return NULL;
		}
		if (!near && one_slip(s, k, h, m)) {
			near = hosts->keys[i];
			*fix = zl_xasprintf("%.*s%.*s.", (int)(s - t), t,
					    (int)m, h);
		}
	}
	return near;
}

/* A mail service documents the hosts its customers' MX records name
 * (aspmx.l.google.com, <tenant>.mail.protection.outlook.com).  A target
 * outside the run's zones one edit from one of them, and equal to none,
 * is almost always a slip: mail to the domain bounces, or goes to
 * whoever holds that name (RFC 5321 §5.1).  zonelint does not query DNS,
 * so MX003 cannot see it. */
static void provider_slip(struct zl_ctx *ctx)
{
	const struct zl_param *hosts = zl_rule_param(ctx->rule, "hosts");
	const struct zl_name *t = zl_mx_target(ctx->rr);
	struct zl_at at;
	char *fix;

	if (!t || t->in_zone || zl_mx_is_null(ctx->rr) ||
	    !slip_of(hosts, t->text, &fix))
		return;
	/* a host a zone of the run holds is judged by its records */
	if (zl_answer(ctx, t->text, &at) == ZL_ANSWER_UNKNOWN)
		(void)zl_mx_emit_target(ctx, ctx->rr, "fix", fix);
	free(fix);
}

const struct zl_check zl_check_mx_provider_slip = {
	.name = "mx-provider-slip",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = provider_slip,
	.params = provider_params,
	.vars = (const char *const[]){ "target", "fix", NULL },
};
