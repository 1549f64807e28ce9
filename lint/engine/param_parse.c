/* param_parse.c - rule parameters from YAML, checked against the primitive's spec: a rule file's and a config file's alike. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rule_load.h"

static void join(struct zl_buf *b, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n && words[i]; i++)
		zl_buf_addf(b, "%s%s", i ? ", " : "", words[i]);
}

static bool int_value(struct ld *ld, const struct zl_ynode *n,
		      const struct zl_param_spec *s, const char *what,
		      long *out)
{
	char *end;
	long v;

	if (!want(ld, n, ZL_Y_SCALAR, what))
		return false;
	errno = 0;
	v = strtol(n->str, &end, 10);
	if (!n->plain || n->len == 0 || *end || errno || n->str[0] == ' ') {
		err_node(ld, n, "%s must be an integer, not '%s'", what,
			 n->str);
		return false;
	}
	if ((s->min || s->max) && (v < s->min || v > s->max)) {
		err_node(ld, n, "%s is %ld, outside %ld..%ld", what, v, s->min,
			 s->max);
		return false;
	}
	*out = v;
	return true;
}

void zl_ld_bool(struct ld *ld, struct zl_param *p, const struct zl_ynode *n,
		const char *what)
{
	if (!want(ld, n, ZL_Y_SCALAR, what))
		return;
	if (n->plain && strcasecmp(n->str, "true") == 0)
		p->i = 1;
	else if (n->plain && strcasecmp(n->str, "false") == 0)
		p->i = 0;
	else
		err_node(ld, n, "%s must be true or false, not '%s'", what,
			 n->str);
}

static void enum_value(struct ld *ld, struct zl_param *p,
		       const struct zl_ynode *n, const char *what)
{
	const char *const *c;
	struct zl_buf b = { 0 };
	size_t nc;

	if (!want(ld, n, ZL_Y_SCALAR, what))
		return;
	for (c = p->spec->choices; c && *c; c++) {
		if (strcmp(*c, n->str) == 0) {
			p->s = zl_xstrdup(n->str);
			return;
		}
	}
	for (nc = 0; p->spec->choices && p->spec->choices[nc]; nc++)
		;
	join(&b, p->spec->choices, nc);
	err_node(ld, n, "%s is '%s' (expected one of: %s)", what, n->str,
		 b.s ? b.s : "");
	zl_buf_free(&b);
}

/* The most entries of a string list: a check compares each subject with
 * each entry (MX019's hosts, SPF's providers), so the list bounds what a
 * rule costs a subject, as the budget of its patterns bounds a pattern
 * list's (docs/limits.md). */
#define MAX_STRLIST 1000

/* STRLIST and REGEXLIST: a sequence of scalars. */
static void list_value(struct ld *ld, struct zl_param *p,
		       const struct zl_ynode *n, const char *what)
{
	const struct zl_ynode *it;
	size_t i;

	if (!want(ld, n, ZL_Y_SEQ, what))
		return;
	if (p->spec->type == ZL_PT_STRLIST && n->n > MAX_STRLIST) {
		for (i = 0, it = n->kids; i < MAX_STRLIST; i++)
			it = it->next;
		err_node(ld, it, "%s has more than %d entries", what,
			 MAX_STRLIST);
		return;
	}
	p->n = n->n;
	p->keys = zl_xcalloc(n->n, sizeof *p->keys);
	if (p->spec->type == ZL_PT_REGEXLIST)
		p->res = zl_xcalloc(n->n, sizeof *p->res);
	for (i = 0, it = n->kids; it; i++, it = it->next) {
		if (!want(ld, it, ZL_Y_SCALAR, "each entry of a list parameter"))
			continue;
		p->keys[i] = zl_xstrndup(it->str, it->len);
		if (p->res)
			p->res[i] = compile_re(ld, it, 0, what);
	}
}

/* A key of a mapping and its place in it, for the duplicate index. */
struct key_at {
	const char *str;
	size_t i;
};

static int key_cmp(const void *a, const void *b)
{
	const struct key_at *x = a, *y = b;
	int c = strcmp(x->str, y->str);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Which scalar keys of map n repeat an earlier one: dup[i] for the i-th
 * entry (caller frees); p->order the keys' places sorted.  Sorted, so
 * that a map of 100,000 keys costs no more than a sort; pair by pair it
 * took minutes. */
static bool *dup_keys(struct zl_param *p, const struct zl_ynode *n,
		      size_t entries)
{
	struct key_at *v = zl_xcalloc(entries ? entries : 1, sizeof *v);
	bool *dup = zl_xcalloc(entries ? entries : 1, sizeof *dup);
	const struct zl_ynode *k;
	size_t i, nv = 0;

	for (i = 0, k = n->kids; k && k->next; i++, k = k->next->next)
		if (k->kind == ZL_Y_SCALAR)
			v[nv++] = (struct key_at){ k->str, i };
	qsort(v, nv, sizeof *v, key_cmp);
	p->order = zl_xcalloc(nv ? nv : 1, sizeof *p->order);
	p->norder = nv;
	for (i = 0; i < nv; i++) {
		p->order[i] = v[i].i;
		if (i && strcmp(v[i - 1].str, v[i].str) == 0)
			dup[v[i].i] = true;
	}
	free(v);
	return dup;
}

static void map_value(struct ld *ld, struct zl_param *p,
		      const struct zl_ynode *n, const char *what)
{
	const struct zl_ynode *k, *v;
	bool *dup;
	size_t i;

	if (!want(ld, n, ZL_Y_MAP, what))
		return;
	p->n = n->n / 2;
	p->keys = zl_xcalloc(p->n, sizeof *p->keys);
	p->vals = zl_xcalloc(p->n, sizeof *p->vals);
	dup = dup_keys(p, n, p->n);
	for (i = 0, k = n->kids; k && (v = k->next); i++, k = v->next) {
		if (!want(ld, k, ZL_Y_SCALAR, "a mapping key"))
			continue;
		if (dup[i])
			err_node(ld, k, "duplicate key '%s' in %s", k->str,
				 what);
		p->keys[i] = zl_xstrndup(k->str, k->len);
		int_value(ld, v, p->spec, what, &p->vals[i]);
	}
	free(dup);
}

static void param_value(struct ld *ld, struct zl_param *p,
			const struct zl_ynode *n)
{
	char *what = zl_xasprintf("parameter '%s'", p->spec->key);

	switch (p->spec->type) {
	case ZL_PT_INT:
		int_value(ld, n, p->spec, what, &p->i);
		break;
	case ZL_PT_BOOL:
		zl_ld_bool(ld, p, n, what);
		break;
	case ZL_PT_STR:
		p->s = dup_text(ld, n, what);
		break;
	case ZL_PT_ENUM:
		enum_value(ld, p, n, what);
		break;
	case ZL_PT_STRLIST:
	case ZL_PT_REGEXLIST:
		list_value(ld, p, n, what);
		break;
	case ZL_PT_INTMAP:
		map_value(ld, p, n, what);
		break;
	}
	free(what);
}

/* One value of a config file's params, checked by the code that checks a
 * rule file's: the two can never disagree on what a parameter accepts. */
bool zl_param_parse(struct zl_yfile *y, struct zl_param *p,
		    const struct zl_ynode *n)
{
	struct ld ld = { .y = y };
	size_t nerr = y->nerr;

	param_value(&ld, p, n);
	return y->nerr == nerr;
}

/* A parameter the rule leaves out takes the primitive's default, read as
 * YAML by the same code; a bad default is the primitive's bug, reported at
 * the rule that uses it.  A default made of letters, digits and inner '-'
 * (most are, like "2048" or "no-address") is the plain scalar it spells,
 * without starting the YAML parser. */
static void param_default(struct ld *ld, const struct zl_rule *r,
			  struct zl_param *p, const struct zl_ynode *at)
{
	static const char word[] = "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
	const char *text = p->spec->dflt;
	struct zl_ynode plain = { .kind = ZL_Y_SCALAR, .plain = true };
	struct zl_diags scratch;
	struct zl_ynode *root;
	struct ld sub;
	size_t len;

	if (!text || !*text) {
		if (p->spec->type == ZL_PT_STR || p->spec->type == ZL_PT_ENUM)
			p->s = zl_xstrdup("");
		return;
	}
	len = strlen(text);
	zl_diags_init(&scratch);
	ld_init(&sub, "default", text, len, &scratch);
	if (text[0] != '-' && strspn(text, word) == len) {
		plain.str = (char *)text;
		plain.len = len;
		param_value(&sub, p, &plain);
	} else if (zl_yaml_parse(sub.y, &root) && root) {
		param_value(&sub, p, root);
	} else {
		sub.y->nerr++;
	}
	if (sub.y->nerr)
		err_node(ld, at, "check '%s' has an invalid default for "
			 "parameter '%s'", r->check->name, p->spec->key);
	ld_fini(&sub);
	zl_diags_free(&scratch);
}

void zl_ld_params(struct ld *ld, struct zl_rule *r, const struct zl_ynode *n,
		  const struct zl_ynode *rule)
{
	const struct zl_param_spec *spec = r->check->params;
	struct zl_ynode **vals, **keyn;
	const char **keys;
	char *where;
	size_t ns, i;

	for (ns = 0; spec && spec[ns].key; ns++)
		;
	r->nparams = ns;
	r->params = zl_xcalloc(ns, sizeof *r->params);
	keys = zl_xcalloc(ns, sizeof *keys);
	vals = zl_xcalloc(ns, sizeof *vals);
	keyn = zl_xcalloc(ns, sizeof *keyn);
	for (i = 0; i < ns; i++) {
		r->params[i].spec = &spec[i];
		keys[i] = spec[i].key;
	}
	where = zl_xasprintf("params of check '%s'", r->check->name);
	if (n && want(ld, n, ZL_Y_MAP, "'params'"))
		map_fields(ld, n, keys, ns, where, vals, keyn);
	for (i = 0; i < ns; i++) {
		if (vals[i])
			param_value(ld, &r->params[i], vals[i]);
		else
			param_default(ld, r, &r->params[i], rule);
	}
	free(where);
	free(keys);
	free(vals);
	free(keyn);
}

void zl_param_free(struct zl_param *p)
{
	size_t i;

	free((char *)p->s);
	for (i = 0; i < p->n; i++) {
		if (p->keys)
			free((char *)p->keys[i]);
		if (p->res)
			pcre2_code_free(p->res[i]);
	}
	free(p->keys);
	free(p->vals);
	free(p->res);
	free(p->order);
}
