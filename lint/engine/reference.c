/* reference.c - what rule authors need to know about the primitives and
 * about one rule's settings, as text for --list-checks and --explain (or
 * JSON), and "did you mean" over rule ids and names.  The library prints
 * nothing: these return strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nearest.h"
#include "rule.h"
#include "rule_variant.h"
#include "impl.h"

static const char *const scope_names[] = { "record", "rrset", "name", "zone" };

static const char *const type_names[] = {
	[ZL_PT_INT] = "integer", [ZL_PT_BOOL] = "boolean",
	[ZL_PT_STR] = "string", [ZL_PT_ENUM] = "choice",
	[ZL_PT_STRLIST] = "string list", [ZL_PT_REGEXLIST] = "pattern list",
	[ZL_PT_INTMAP] = "integer map",
};

/* Appends s as a JSON string. */
static void json_str(struct zl_buf *b, const char *s)
{
	zl_buf_addc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			zl_buf_addf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			zl_buf_addf(b, "\\u%04x", c);
		else
			zl_buf_addc(b, (char)c);
	}
	zl_buf_addc(b, '"');
}

static void json_strs(struct zl_buf *b, const char *const *v)
{
	size_t i;

	zl_buf_addc(b, '[');
	for (i = 0; v && v[i]; i++) {
		if (i)
			zl_buf_add(b, ", ", 2);
		json_str(b, v[i]);
	}
	zl_buf_addc(b, ']');
}

static size_t naxes(const struct zl_check *c)
{
	size_t n = 0;

	while (c->variants && c->variants[n].key)
		n++;
	return n;
}

/* A tunable's type with its range or choices: "integer 1..65536". */
static void spec_type(struct zl_buf *b, const struct zl_param_spec *p)
{
	size_t i;

	zl_buf_addf(b, "%s", type_names[p->type]);
	if ((p->type == ZL_PT_INT || p->type == ZL_PT_INTMAP) &&
	    (p->min || p->max))
		zl_buf_addf(b, " %ld..%ld", p->min, p->max);
	for (i = 0; p->type == ZL_PT_ENUM && p->choices[i]; i++)
		zl_buf_addf(b, "%s%s", i ? " | " : " ", p->choices[i]);
}

/* The value a rule holds for a tunable, written as YAML. */
static void param_value(struct zl_buf *b, const struct zl_param *p)
{
	size_t i;

	switch (p->spec->type) {
	case ZL_PT_INT:
		zl_buf_addf(b, "%ld", p->i);
		break;
	case ZL_PT_BOOL:
		zl_buf_addf(b, "%s", p->i ? "true" : "false");
		break;
	case ZL_PT_STR:
	case ZL_PT_ENUM:
		zl_buf_addf(b, "%s", p->s ? p->s : "");
		break;
	case ZL_PT_STRLIST:
	case ZL_PT_REGEXLIST:
		zl_buf_addc(b, '[');
		for (i = 0; i < p->n; i++)
			zl_buf_addf(b, "%s'%s'", i ? ", " : "",
				    p->keys[i] ? p->keys[i] : "");
		zl_buf_addc(b, ']');
		break;
	case ZL_PT_INTMAP:
		zl_buf_addc(b, '{');
		for (i = 0; i < p->n; i++)
			zl_buf_addf(b, "%s%s: %ld", i ? ", " : " ",
				    p->keys[i] ? p->keys[i] : "", p->vals[i]);
		zl_buf_add(b, p->n ? " }" : "}", p->n ? 2 : 1);
		break;
	}
}

/* The rule's variant names, "sha1" or "tls-rpt, rua". */
static void rule_variant(struct zl_buf *b, const struct zl_rule *r)
{
	size_t i;

	for (i = 0; i < naxes(r->check); i++)
		zl_buf_addf(b, "%s%s", i ? ", " : "",
			    zl_rule_variant_name(r, (unsigned)i));
}

static void text_check(struct zl_buf *b, const struct zl_ruleset *rs,
		       const struct zl_check *c)
{
	const struct zl_param_spec *p;
	size_t i, n = 0;

	zl_buf_addf(b, "%s\n  scopes:     ", c->name);
	for (i = 0; i < 4; i++)
		if (c->scopes & ZL_SCOPE_BIT(i))
			zl_buf_addf(b, "%s%s", n++ ? ", " : "", scope_names[i]);
	if (c->after_suppress)
		zl_buf_addf(b, " (runs after inline suppression)");
	zl_buf_addf(b, "\n  variants:%s\n", naxes(c) ? "" : "   none");
	for (i = 0; i < naxes(c); i++) {
		zl_buf_addf(b, "    %-12s", c->variants[i].key);
		zl_variant_names(b, &c->variants[i]);
		zl_buf_addf(b, "%s\n", c->variants[i].optional ?
			    " (optional: the first by default)" : "");
	}
	zl_buf_addf(b, "  tunables:%s\n", c->params[0].key ? "" : "   none");
	for (p = c->params; p->key; p++) {
		zl_buf_addf(b, "    %-12s ", p->key);
		spec_type(b, p);
		zl_buf_addf(b, ", default %s\n", p->dflt && *p->dflt ?
			    p->dflt : "''");
	}
	zl_buf_addf(b, "  variables:  ");
	for (i = 0; c->vars && c->vars[i]; i++)
		zl_buf_addf(b, "%s, ", c->vars[i]);
	zl_buf_addf(b, "owner%s\n  rules:      ",
		    c->scopes & (ZL_SCOPE_BIT(ZL_SCOPE_RECORD) |
				 ZL_SCOPE_BIT(ZL_SCOPE_RRSET)) ? ", type" : "");
	for (i = n = 0; i < rs->n; i++) {
		if (rs->rules[i]->check != c)
			continue;
		zl_buf_addf(b, "%s%s", n++ ? ", " : "", rs->rules[i]->id);
		if (naxes(c)) {
			zl_buf_addc(b, ' ');
			zl_buf_addc(b, '(');
			rule_variant(b, rs->rules[i]);
			zl_buf_addc(b, ')');
		}
	}
	zl_buf_addf(b, "%s\n", n ? "" : "none");
}

static void json_check(struct zl_buf *b, const struct zl_ruleset *rs,
		       const struct zl_check *c)
{
	const struct zl_param_spec *p;
	size_t i, n = 0, k;

	zl_buf_addf(b, "    {\"name\": ");
	json_str(b, c->name);
	zl_buf_addf(b, ", \"scopes\": [");
	for (i = 0; i < 4; i++)
		if (c->scopes & ZL_SCOPE_BIT(i))
			zl_buf_addf(b, "%s\"%s\"", n++ ? ", " : "",
				    scope_names[i]);
	zl_buf_addf(b, "], \"after_suppress\": %s,\n     \"variants\": [",
		    c->after_suppress ? "true" : "false");
	for (i = 0; i < naxes(c); i++) {
		zl_buf_addf(b, "%s{\"axis\": ", i ? ", " : "");
		json_str(b, c->variants[i].key);
		zl_buf_addf(b, ", \"names\": ");
		json_strs(b, c->variants[i].names);
		zl_buf_addf(b, ", \"optional\": %s}",
			    c->variants[i].optional ? "true" : "false");
	}
	zl_buf_addf(b, "],\n     \"tunables\": [");
	for (p = c->params; p->key; p++) {
		zl_buf_addf(b, "%s{\"name\": ", p == c->params ? "" : ", ");
		json_str(b, p->key);
		zl_buf_addf(b, ", \"type\": \"%s\"", type_names[p->type]);
		if ((p->type == ZL_PT_INT || p->type == ZL_PT_INTMAP) &&
		    (p->min || p->max))
			zl_buf_addf(b, ", \"min\": %ld, \"max\": %ld", p->min,
				    p->max);
		if (p->type == ZL_PT_ENUM) {
			zl_buf_addf(b, ", \"choices\": ");
			json_strs(b, p->choices);
		}
		zl_buf_addf(b, ", \"default\": ");
		json_str(b, p->dflt ? p->dflt : "");
		zl_buf_addc(b, '}');
	}
	zl_buf_addf(b, "],\n     \"variables\": ");
	json_strs(b, c->vars);
	zl_buf_addf(b, ",\n     \"rules\": [");
	for (i = n = 0; i < rs->n; i++) {
		if (rs->rules[i]->check != c)
			continue;
		zl_buf_addf(b, "%s{\"id\": ", n++ ? ", " : "");
		json_str(b, rs->rules[i]->id);
		zl_buf_addf(b, ", \"variant\": [");
		for (k = 0; k < naxes(c); k++) {
			zl_buf_addf(b, "%s", k ? ", " : "");
			json_str(b, zl_rule_variant_name(rs->rules[i],
							 (unsigned)k));
		}
		zl_buf_addf(b, "]}");
	}
	zl_buf_addf(b, "]}");
}

char *zl_checks_reference_impl(const struct zl_ruleset *rs, bool json)
{
	struct zl_buf b = { 0 };
	size_t i;

	zl_buf_add(&b, "", 0);
	if (json)
		zl_buf_addf(&b, "{\"checks\": [\n");
	for (i = 0; i < zl_ncheck; i++) {
		if (json) {
			json_check(&b, rs, zl_checks[i]);
			zl_buf_addf(&b, "%s\n", i + 1 < zl_ncheck ? "," : "");
		} else {
			zl_buf_addf(&b, "%s", i ? "\n" : "");
			text_check(&b, rs, zl_checks[i]);
		}
	}
	if (json)
		zl_buf_addf(&b, "]}\n");
	return b.s;
}

char *zl_rule_tunables_impl(const struct zl_ruleset *rs, const char *id)
{
	const struct zl_rule *r;
	struct zl_buf b = { 0 };
	long i = zl_ruleset_index(rs, id, strlen(id));
	size_t k;

	if (i < 0)
		return NULL;
	r = rs->rules[i];
	zl_buf_add(&b, "", 0);
	if (naxes(r->check)) {
		zl_buf_addf(&b, "  %-12s ", "variant:");
		rule_variant(&b, r);
		zl_buf_addc(&b, '\n');
	}
	zl_buf_addf(&b, "  %s\n", r->nparams ? "tunables:" : "tunables:    none");
	for (k = 0; k < r->nparams; k++) {
		zl_buf_addf(&b, "    %-12s ", r->params[k].spec->key);
		param_value(&b, &r->params[k]);
		zl_buf_addf(&b, " (");
		spec_type(&b, r->params[k].spec);
		zl_buf_addf(&b, ", default %s)\n", r->params[k].spec->dflt &&
			    *r->params[k].spec->dflt ?
			    r->params[k].spec->dflt : "''");
	}
	return b.s;
}

const char *zl_ruleset_nearest(const struct zl_ruleset *rs, const char *s)
{
	const char **names = zl_xcalloc(2 * rs->n + 1, sizeof *names);
	const char *hit;
	size_t i;

	for (i = 0; i < rs->n; i++) {
		names[2 * i] = rs->rules[i]->id;
		names[2 * i + 1] = rs->rules[i]->name;
	}
	hit = zl_nearest(s, names, 2 * rs->n);
	free(names);
	return hit;
}
