/* rule_variant.c - a rule's `variant:`, what the rule checks among what its
 * primitive can (rule.h, struct zl_variant_spec).
 *
 * A primitive with one axis takes a scalar (`variant: sha1`); one with
 * several takes a mapping naming each (`variant: { record: tls-rpt,
 * problem: rua }`).  A primitive that declares axes needs its variant: a
 * rule never checks something by default, except on an axis marked
 * optional, whose first name is the plain case. */
#include <assert.h>
#include <string.h>

#include "check.h"
#include "nearest.h"
#include "rule_variant.h"

static size_t naxes(const struct zl_check *c)
{
	size_t n = 0;

	while (c->variants && c->variants[n].key)
		n++;
	return n;
}

unsigned zl_rule_variant(const struct zl_rule *r, unsigned axis)
{
	assert(axis < naxes(r->check));
	return r->variant[axis];
}

const char *zl_rule_variant_name(const struct zl_rule *r, unsigned axis)
{
	return r->check->variants[axis].names[zl_rule_variant(r, axis)];
}

void zl_variant_names(struct zl_buf *b, const struct zl_variant_spec *v)
{
	size_t i;

	for (i = 0; v->names[i]; i++)
		zl_buf_addf(b, "%s%s", i ? ", " : "", v->names[i]);
}

/* One axis's name from scalar n. */
static void pick(struct zl_yfile *y, struct zl_rule *r, unsigned axis,
		 const struct zl_ynode *n)
{
	const struct zl_variant_spec *v = &r->check->variants[axis];
	struct zl_buf b = { 0 };
	const char *near;
	size_t i;

	if (!zl_yaml_want(y, n, ZL_Y_SCALAR, "'variant'"))
		return;
	for (i = 0; v->names[i]; i++) {
		if (strcmp(v->names[i], n->str) == 0) {
			r->variant[axis] = (uint8_t)i;
			return;
		}
	}
	zl_variant_names(&b, v);
	near = zl_nearest(n->str, v->names, i);
	zl_yaml_error_at(y, n, "unknown %s '%s' of check '%s' (expected "
			 "one of: %s)%s%s%s", v->key, n->str, r->check->name,
			 b.s, near ? "; did you mean '" : "", near ? near : "",
			 near ? "'?" : "");
	zl_buf_free(&b);
}

static void missing(struct zl_yfile *y, const struct zl_rule *r,
		    const struct zl_ynode *at, size_t from, size_t n)
{
	struct zl_buf b = { 0 };
	size_t i;

	for (i = from; i < n; i++) {
		zl_buf_addf(&b, "%s%s (", i > from ? ", " : "",
			    r->check->variants[i].key);
		zl_variant_names(&b, &r->check->variants[i]);
		zl_buf_addf(&b, ")");
	}
	zl_yaml_error_at(y, at, "check '%s' needs a 'variant': %s",
			 r->check->name, b.s);
	zl_buf_free(&b);
}

void zl_variant_parse(struct zl_yfile *y, struct zl_rule *r,
		      const struct zl_ynode *n, const struct zl_ynode *rule)
{
	struct zl_ynode *vals[ZL_VARIANT_AXES] = { 0 };
	struct zl_ynode *keyn[ZL_VARIANT_AXES] = { 0 };
	const char *keys[ZL_VARIANT_AXES];
	size_t na = naxes(r->check), i;
	char *where;

	assert(na <= ZL_VARIANT_AXES);
	if (na == 0) {
		if (n)
			zl_yaml_error_at(y, n, "check '%s' has no variants",
					 r->check->name);
		return;
	}
	if (!n) {
		for (i = 0; i < na; i++)
			if (!r->check->variants[i].optional) {
				missing(y, r, rule, i, i + 1);
				return;
			}
		return;
	}
	if (na == 1 && n->kind == ZL_Y_SCALAR) {
		pick(y, r, 0, n);
		return;
	}
	if (!zl_yaml_want(y, n, ZL_Y_MAP, "'variant' of a check with "
			  "several axes"))
		return;
	for (i = 0; i < na; i++)
		keys[i] = r->check->variants[i].key;
	where = zl_xasprintf("variant of check '%s'", r->check->name);
	zl_yaml_fields(y, n, keys, na, where, vals, keyn);
	free(where);
	for (i = 0; i < na; i++) {
		if (vals[i])
			pick(y, r, (unsigned)i, vals[i]);
		else if (!r->check->variants[i].optional)
			missing(y, r, n, i, i + 1);
	}
}
