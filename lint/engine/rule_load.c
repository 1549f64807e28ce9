/* rule_load.c - checks a rule file against the schema and builds its rules. */
#include <errno.h>
#include <search.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "rule.h"
#include "rule_builtin.h"
#include "rule_load.h"
#include "rule_variant.h"
#include "rule_yaml.h"
#include "nearest.h"

/* An id or name defined earlier in this file, for the duplicate check. */
struct seen {
	const struct zl_ynode *at;
	bool is_name;
};

/* Ids and names in ASCII case-insensitive order, ids first. */
static int seen_cmp(const void *pa, const void *pb)
{
	const struct seen *a = pa, *b = pb;

	if (a->is_name != b->is_name)
		return a->is_name ? 1 : -1;
	return zl_strcasecmp(a->at->str, b->at->str);
}

/* Frees the ids and names remembered for the duplicate check. */
static void forget_seen(struct ld *ld)
{
	struct seen *sn;

	while (ld->seen) {
		sn = *(struct seen **)ld->seen;
		tdelete(sn, &ld->seen, seen_cmp);
		free(sn);
	}
}

/* ---- select ---- */

/* A type mnemonic (any case) or RFC 3597 TYPEnnn; 0 if neither. */
static uint16_t type_code(const char *s)
{
	uint16_t t;

	return zl_type_parse(s, strlen(s), &t) ? t : 0;
}

static void add_type(struct ld *ld, uint16_t *v, size_t *nv,
		     const struct zl_ynode *n, const char *what)
{
	uint16_t t;

	if (!want(ld, n, ZL_Y_SCALAR, "each record type"))
		return;
	t = type_code(n->str);
	if (t == 0) {
		err_node(ld, n, "unknown record type '%s' in %s", n->str, what);
		return;
	}
	v[(*nv)++] = t;
}

/* A type mnemonic or a sequence of them (select.type, needs). */
static void type_list(struct ld *ld, uint16_t **v, size_t *nv,
		      const struct zl_ynode *n, const char *what)
{
	const struct zl_ynode *it;

	if (n->kind == ZL_Y_SCALAR) {
		*v = zl_xcalloc(1, sizeof **v);
		add_type(ld, *v, nv, n, what);
	} else if (want(ld, n, ZL_Y_SEQ, what)) {
		*v = zl_xcalloc(n->n ? n->n : 1, sizeof **v);
		for (it = n->kids; it; it = it->next)
			add_type(ld, *v, nv, it, what);
	}
}

enum { S_TYPE, S_OWNER, S_RDATA, S_N };
static const char *const select_keys[S_N] = { "type", "owner", "rdata" };

static void parse_select(struct ld *ld, struct zl_rule *r,
			 const struct zl_ynode *n, bool scope_ok)
{
	struct zl_ynode *v[S_N] = { 0 }, *k[S_N] = { 0 };

	if (!want(ld, n, ZL_Y_MAP, "'select'"))
		return;
	if (scope_ok && r->scope == ZL_SCOPE_ZONE && n->n > 0) {
		err_node(ld, n, "'select' does not apply to scope 'zone'");
		return;
	}
	map_fields(ld, n, select_keys, S_N, "'select'", v, k);
	if (v[S_TYPE])
		type_list(ld, &r->types, &r->ntypes, v[S_TYPE],
			  "'select.type'");
	/* Owner names are case-insensitive (RFC 4343); the canonical text is
	 * lower case, so the pattern matches either way. */
	if (v[S_OWNER]) {
		r->owner_re = compile_re(ld, v[S_OWNER], PCRE2_CASELESS,
					 "'owner'");
		if (r->owner_re) {
			r->owner_src = zl_xstrndup(v[S_OWNER]->str,
						  v[S_OWNER]->len);
			r->owner_srclen = v[S_OWNER]->len;
		}
	}
	if (v[S_RDATA])
		r->rdata_re = compile_re(ld, v[S_RDATA], 0, "'rdata'");
}

/* ---- message templates ---- */

static bool has_type_var(const struct zl_rule *r)
{
	return r->scope == ZL_SCOPE_RECORD || r->scope == ZL_SCOPE_RRSET;
}

static bool var_known(const struct zl_rule *r, const char *name, size_t len)
{
	const char *const *v;

	for (v = r->check->vars; v && *v; v++)
		if (strlen(*v) == len && memcmp(*v, name, len) == 0)
			return true;
	if (len == 5 && memcmp(name, "owner", 5) == 0)
		return true;
	return has_type_var(r) && len == 4 && memcmp(name, "type", 4) == 0;
}

static void bad_var(struct ld *ld, const struct zl_rule *r,
		    const struct zl_ynode *n, size_t i, size_t j,
		    const char *what)
{
	struct zl_buf b = { 0 };
	struct zl_loc loc = sub_loc(ld, n, i, j - i + 1);
	const char *const *v;

	for (v = r->check->vars; v && *v; v++)
		zl_buf_addf(&b, "%s, ", *v);
	zl_buf_addf(&b, "owner%s", has_type_var(r) ? ", type" : "");
	err_loc(ld, &loc, "%s uses placeholder '%.*s' that check '%s' does "
		"not supply (it supplies: %s)", what, (int)(j - i + 1),
		n->str + i, r->check->name, b.s);
	zl_buf_free(&b);
}

/* Each finding holds its message and help as rendered, so a rule file's
 * templates are bounded: a finding is a few hundred bytes, not megabytes
 * (the packs' longest template is 146 bytes, with 5 placeholders, whose
 * values the checks cut to a few dozen characters). */
#define TEMPLATE_MAX 1000
#define PLACEHOLDERS_MAX 16

/* Checks every {placeholder} of a message or help text; `{{` and `}}`
 * stand for literal braces.  Returns a copy of the text. */
static char *parse_template(struct ld *ld, const struct zl_rule *r,
			    const struct zl_ynode *n, const char *what)
{
	const char *s;
	size_t i, j, nph = 0;

	if (!n || !want(ld, n, ZL_Y_SCALAR, what))
		return NULL;
	if (n->len > TEMPLATE_MAX) {
		err_node(ld, n, "%s of %zu bytes is longer than %d", what,
			 n->len, TEMPLATE_MAX);
		return NULL;
	}
	s = n->str;
	for (i = 0; i < n->len; i++) {
		if ((s[i] == '{' || s[i] == '}') && s[i + 1] == s[i]) {
			i++;
			continue;
		}
		if (s[i] == '}') {
			struct zl_loc loc = sub_loc(ld, n, i, 1);
			err_loc(ld, &loc, "unmatched '}' in %s (write '}}' "
				"for a literal brace)", what);
		}
		if (s[i] != '{')
			continue;
		for (j = i + 1; j < n->len && s[j] != '}' && s[j] != '{'; j++)
			;
		if (j < n->len && s[j] == '}') {
			if (r->check && !var_known(r, s + i + 1, j - i - 1))
				bad_var(ld, r, n, i, j, what);
			if (++nph == PLACEHOLDERS_MAX + 1) {
				struct zl_loc loc = sub_loc(ld, n, i, j - i + 1);
				err_loc(ld, &loc, "more than %d placeholders in "
					"%s", PLACEHOLDERS_MAX, what);
			}
			i = j;
		} else {
			struct zl_loc loc = sub_loc(ld, n, i, 1);
			err_loc(ld, &loc, "unterminated placeholder in %s "
				"(write '{{' for a literal brace)", what);
		}
	}
	return zl_xstrndup(n->str, n->len);
}

/* ---- one rule ---- */

enum {
	K_ID, K_NAME, K_SEVERITY, K_SUMMARY, K_DESCRIPTION, K_SCOPE, K_SELECT,
	K_CHECK, K_VARIANT, K_PARAMS, K_MESSAGE, K_HELP, K_REFERENCES,
	K_BREAKS, K_NEEDS, K_N
};
static const char *const rule_keys[K_N] = {
	"id", "name", "severity", "summary", "description", "scope", "select",
	"check", "variant", "params", "message", "help", "references",
	"breaks", "needs",
};
static const bool rule_required[K_N] = {
	[K_ID] = true, [K_NAME] = true, [K_SEVERITY] = true,
	[K_SUMMARY] = true, [K_SCOPE] = true, [K_CHECK] = true,
	[K_MESSAGE] = true,
};
static const char *const scope_names[] = { "record", "rrset", "name", "zone" };

/* ^[A-Z]+[0-9]{3}$ */
static bool id_ok(const char *s)
{
	size_t a = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	return a > 0 && strspn(s + a, "0123456789") == 3 && s[a + 3] == '\0';
}

/* ^[a-z0-9]+(-[a-z0-9]+)*$ */
static bool name_ok(const char *s)
{
	const char *al = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t k;

	for (;;) {
		if ((k = strspn(s, al)) == 0)
			return false;
		s += k;
		if (*s == '\0')
			return true;
		if (*s++ != '-')
			return false;
	}
}

/* The note for a duplicate defined by an earlier file: its "file:line". */
static void origin_note(struct zl_diag *d, const char *origin,
			const char *msg)
{
	const char *colon = strrchr(origin, ':');
	struct zl_loc loc = { 0 };

	if (!colon)
		return;
	loc.file = zl_xstrndup(origin, (size_t)(colon - origin));
	loc.line = loc.end_line = (uint32_t)strtoul(colon + 1, NULL, 10);
	loc.col = 1;
	loc.end_col = 2;
	zl_diag_note(d, &loc, msg);
	free(loc.file);
}

/* Ids and names are unique over everything loaded: error at the second,
 * note at the first.  Both lookups are in sorted indexes, so that a file
 * of thousands of rules is not checked pair by pair. */
static void unique(struct ld *ld, const struct zl_ynode *n, bool is_name)
{
	const char *what = is_name ? "name" : "id";
	struct seen want = { n, is_name }, *sn;
	struct zl_diag *d;
	struct zl_loc loc;
	void *node;
	long i;

	if ((i = zl_ruleset_exact(ld->rs, is_name, n->str, n->len)) >= 0) {
		d = err_node(ld, n, "duplicate rule %s '%s'", what, n->str);
		origin_note(d, ld->rs->rules[i]->origin, "first defined here");
		return;
	}
	if ((node = tfind(&want, &ld->seen, seen_cmp)) != NULL) {
		d = err_node(ld, n, "duplicate rule %s '%s'", what, n->str);
		loc = node_loc(ld, (*(struct seen **)node)->at);
		zl_diag_note(d, &loc, "first defined here");
		return;
	}
	sn = zl_xmalloc(sizeof *sn);
	*sn = want;
	tsearch(sn, &ld->seen, seen_cmp);
}

static void parse_ident(struct ld *ld, struct zl_rule *r,
			struct zl_ynode *const *v)
{
	if (v[K_ID] && want_text(ld, v[K_ID], "'id'")) {
		if (!id_ok(v[K_ID]->str))
			err_node(ld, v[K_ID], "rule id '%s' must be capital "
				 "letters and three digits, like 'MX002'",
				 v[K_ID]->str);
		else
			unique(ld, v[K_ID], false);
		r->id = zl_xstrdup(v[K_ID]->str);
	}
	if (v[K_NAME] && want_text(ld, v[K_NAME], "'name'")) {
		if (!name_ok(v[K_NAME]->str))
			err_node(ld, v[K_NAME], "rule name '%s' must be "
				 "kebab-case, like 'mx-target-is-alias'",
				 v[K_NAME]->str);
		else
			unique(ld, v[K_NAME], true);
		r->name = zl_xstrdup(v[K_NAME]->str);
	}
}

static void parse_refs(struct ld *ld, struct zl_rule *r,
		       const struct zl_ynode *n)
{
	const struct zl_ynode *it;

	if (!want(ld, n, ZL_Y_SEQ, "'references'"))
		return;
	r->refs = zl_xcalloc(n->n, sizeof *r->refs);
	for (it = n->kids; it; it = it->next)
		if (want_text(ld, it, "each reference"))
			r->refs[r->nrefs++] = zl_xstrdup(it->str);
}

static void parse_texts(struct ld *ld, struct zl_rule *r,
			struct zl_ynode *const *v)
{
	const struct zl_ynode *d;

	if (v[K_SEVERITY] && want(ld, v[K_SEVERITY], ZL_Y_SCALAR, "'severity'") &&
	    !zl_severity_parse(v[K_SEVERITY]->str, &r->severity))
		err_node(ld, v[K_SEVERITY], "unknown severity '%s' (expected "
			 "one of: error, warning, note, off)",
			 v[K_SEVERITY]->str);
	r->default_severity = r->severity;
	if (v[K_SUMMARY] && want_text(ld, v[K_SUMMARY], "'summary'")) {
		if (strchr(v[K_SUMMARY]->str, '\n'))
			err_node(ld, v[K_SUMMARY], "'summary' must be one line");
		r->summary = zl_xstrdup(v[K_SUMMARY]->str);
	}
	/* An empty description is no description. */
	d = v[K_DESCRIPTION];
	if (d && !(d->kind == ZL_Y_SCALAR && d->len == 0))
		r->description = dup_text(ld, d, "'description'");
	if (v[K_REFERENCES])
		parse_refs(ld, r, v[K_REFERENCES]);
}

static const struct zl_check *find_check(const struct ld *ld, const char *s)
{
	size_t i;

	for (i = 0; i < ld->ncheck; i++)
		if (strcmp(ld->checks[i]->name, s) == 0)
			return ld->checks[i];
	return NULL;
}

/* An unknown primitive, with the nearest name ("did you mean"). */
static void unknown_check(struct ld *ld, const struct zl_ynode *c)
{
	const char **names = zl_xcalloc(ld->ncheck + 1, sizeof *names);
	const char *near;
	size_t i;

	for (i = 0; i < ld->ncheck; i++)
		names[i] = ld->checks[i]->name;
	near = zl_nearest(c->str, names, ld->ncheck);
	err_node(ld, c, "unknown check primitive '%s' (see zonelint "
		 "--list-checks)%s%s%s", c->str, near ? "; did you mean '" : "",
		 near ? near : "", near ? "'?" : "");
	free(names);
}

/* Scope and check, then whether the check can run at that scope.  Returns
 * whether the scope is known. */
static bool parse_check(struct ld *ld, struct zl_rule *r,
			struct zl_ynode *const *v)
{
	const struct zl_ynode *s = v[K_SCOPE], *c = v[K_CHECK];
	struct zl_buf b = { 0 };
	size_t i, sc = 4;

	if (s && want(ld, s, ZL_Y_SCALAR, "'scope'")) {
		for (sc = 0; sc < 4 && strcmp(s->str, scope_names[sc]); sc++)
			;
		if (sc == 4)
			err_node(ld, s, "unknown scope '%s' (expected one of: "
				 "record, rrset, name, zone)", s->str);
		else
			r->scope = (enum zl_scope)sc;
	}
	if (c && want_text(ld, c, "'check'") &&
	    !(r->check = find_check(ld, c->str)))
		unknown_check(ld, c);
	if (r->check && sc < 4 && !(r->check->scopes & ZL_SCOPE_BIT(sc))) {
		for (i = 0; i < 4; i++)
			if (r->check->scopes & ZL_SCOPE_BIT(i))
				zl_buf_addf(&b, "%s%s", b.len ? ", " : "",
					    scope_names[i]);
		err_node(ld, s, "check '%s' cannot run at scope '%s' (it "
			 "supports: %s)", r->check->name, s->str,
			 b.s ? b.s : "none");
		zl_buf_free(&b);
	}
	return sc < 4;
}

/* What the rule says about follow-on findings (docs/rules.md, "One cause,
 * one finding"): `breaks` marks the records it reports, so it is for
 * record scope; `needs` defaults to select.type. */
static void parse_follow(struct ld *ld, struct zl_rule *r,
			 struct zl_ynode *const *v, bool scope_ok)
{
	static const struct zl_param_spec bool_spec = { .key = "breaks",
							.type = ZL_PT_BOOL };
	struct zl_param b = { .spec = &bool_spec };

	if (v[K_BREAKS]) {
		zl_ld_bool(ld, &b, v[K_BREAKS], "'breaks'");
		r->breaks = b.i;
		if (r->breaks && scope_ok && r->scope != ZL_SCOPE_RECORD)
			err_node(ld, v[K_BREAKS], "'breaks' applies to scope "
				 "'record' only");
	}
	if (v[K_NEEDS]) {
		type_list(ld, &r->needs, &r->nneeds, v[K_NEEDS], "'needs'");
	} else if (r->ntypes) {
		r->needs = zl_xcalloc(r->ntypes, sizeof *r->needs);
		memcpy(r->needs, r->types, r->ntypes * sizeof *r->needs);
		r->nneeds = r->ntypes;
	}
}

/* One error for all missing keys, at the start of the rule. */
static void missing_keys(struct ld *ld, const struct zl_ynode *node,
			 struct zl_ynode *const *v)
{
	const struct zl_ynode *id = v[K_ID];
	struct zl_buf b = { 0 };
	size_t i, n = 0;

	for (i = 0; i < K_N; i++)
		if (rule_required[i] && !v[i])
			zl_buf_addf(&b, "%s'%s'", n++ ? ", " : "",
				    rule_keys[i]);
	if (n && id && id->kind == ZL_Y_SCALAR && id->len)
		err_node(ld, node, "rule '%s' is missing the required key%s "
			 "%s", id->str, n > 1 ? "s" : "", b.s);
	else if (n)
		err_node(ld, node, "rule is missing the required key%s %s",
			 n > 1 ? "s" : "", b.s);
	zl_buf_free(&b);
}

/* Returns the rule, or NULL when it had any problem (all reported). */
static struct zl_rule *parse_rule(struct ld *ld, const struct zl_ynode *node)
{
	struct zl_ynode *v[K_N] = { 0 }, *k[K_N] = { 0 };
	struct zl_rule *r;
	size_t nerr = ld->y->nerr;
	bool scope_ok;

	if (!want(ld, node, ZL_Y_MAP, "a rule"))
		return NULL;
	r = zl_xcalloc(1, sizeof *r);
	r->origin = zl_xasprintf("%s:%zu", ld->y->name,
				 node->start.line + 1);
	map_fields(ld, node, rule_keys, K_N, "rule", v, k);
	missing_keys(ld, node, v);
	parse_ident(ld, r, v);
	parse_texts(ld, r, v);
	scope_ok = parse_check(ld, r, v);
	if (v[K_SELECT])
		parse_select(ld, r, v[K_SELECT], scope_ok);
	parse_follow(ld, r, v, scope_ok);
	if (r->check) {
		zl_variant_parse(ld->y, r, v[K_VARIANT], node);
		zl_ld_params(ld, r, v[K_PARAMS], node);
	} else if (v[K_PARAMS]) {
		want(ld, v[K_PARAMS], ZL_Y_MAP, "'params'");
	}
	r->message = parse_template(ld, r, v[K_MESSAGE], "message");
	if (r->message && !*r->message)
		err_node(ld, v[K_MESSAGE], "'message' must not be empty");
	r->help = parse_template(ld, r, v[K_HELP], "help");
	if (ld->y->nerr == nerr)
		return r;
	zl_rule_free(r);
	return NULL;
}

/* ---- the file ---- */

static void parse_file(struct ld *ld, const struct zl_ynode *root)
{
	static const char *const top_keys[] = { "rules" };
	struct zl_ynode *v[1] = { 0 }, *k[1] = { 0 };
	const struct zl_ynode *it;
	struct zl_rule *r;
	struct zl_loc loc;

	if (!root) {
		loc = zl_yaml_off_loc(ld->y, 0);
		err_loc(ld, &loc, "rule file is empty (expected a mapping "
			"with the key 'rules')");
		return;
	}
	if (!want(ld, root, ZL_Y_MAP, "a rule file"))
		return;
	map_fields(ld, root, top_keys, 1, "rule file", v, k);
	if (!v[0]) {
		err_node(ld, root, "rule file has no key 'rules'");
		return;
	}
	if (!want(ld, v[0], ZL_Y_SEQ, "'rules'"))
		return;
	for (it = v[0]->kids; it; it = it->next) {
		if (ld->rs->n + ld->nrules >= ZL_RULES_MAX) {
			err_node(ld, it, "more than %u rules in one rule set",
				 ZL_RULES_MAX);
			return;
		}
		if (!(r = parse_rule(ld, it)))
			continue;
		zl_xgrow((void **)&ld->rules, &ld->caprules, ld->nrules + 1,
			 sizeof *ld->rules);
		ld->rules[ld->nrules++] = r;
	}
}

static int rule_cmp(const void *a, const void *b)
{
	const struct zl_rule *ra = *(const struct zl_rule *const *)a;
	const struct zl_rule *rb = *(const struct zl_rule *const *)b;

	return strcmp(ra->id, rb->id);
}

/* Sorted by id, and the plan rebuilt, once after a batch of files. */
static void settle(struct zl_ruleset *rs)
{
	qsort(rs->rules, rs->n, sizeof *rs->rules, rule_cmp);
	zl_ruleset_plan(rs);
	zl_ruleset_reindex_from(rs, 0);
}

/* Appends the rules of one file, or none if it has any problem.  With
 * pack set, its recorded events are replayed instead of parsing buf. */
static enum zl_status load(struct zl_ruleset *rs, const char *name,
			   const char *buf, size_t len,
			   const struct zl_builtin_pack *pack,
			   const struct zl_check *const *checks,
			   size_t ncheck, struct zl_diags *errs)
{
	enum zl_status st = ZL_ERR_RULES;
	struct zl_ynode *root;
	struct ld ld;
	size_t i, had;

	if (len > ZL_RULES_MAX_SIZE) {
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL, "rule file '%s' "
			     "is larger than %u MiB", name,
			     ZL_RULES_MAX_SIZE >> 20);
		return ZL_ERR_LIMIT;
	}
	ld_init(&ld, name, buf, len, errs);
	if (pack)
		zl_yaml_replay(ld.y, pack->events, pack->nevents,
			       pack->strings);
	ld.checks = checks;
	ld.ncheck = ncheck;
	ld.rs = rs;
	if (zl_yaml_parse(ld.y, &root))
		parse_file(&ld, root);
	if (ld.y->nerr)
		goto out;
	zl_xgrow((void **)&rs->rules, &rs->cap, rs->n + ld.nrules,
		 sizeof *rs->rules);
	had = rs->n;
	for (i = 0; i < ld.nrules; i++)
		rs->rules[rs->n++] = ld.rules[i];
	ld.nrules = 0;
	/* The next file of the batch checks its ids against these too. */
	zl_ruleset_reindex_from(rs, had);
	st = ZL_OK;
out:
	for (i = 0; i < ld.nrules; i++)
		zl_rule_free(ld.rules[i]);
	free(ld.rules);
	forget_seen(&ld);
	ld_fini(&ld);
	return st;
}

enum zl_status zl_ruleset_load_yaml(struct zl_ruleset *rs, const char *name,
				    const char *buf, size_t len,
				    const struct zl_check *const *checks,
				    size_t ncheck, struct zl_diags *errs)
{
	size_t before = rs->n;
	enum zl_status st = load(rs, name, buf, len, NULL, checks, ncheck,
				 errs);

	if (rs->n > before)
		settle(rs);
	return st;
}

enum zl_status zl_ruleset_load_packs(struct zl_ruleset *rs,
				     const struct zl_builtin_pack *packs,
				     size_t npacks,
				     const struct zl_check *const *checks,
				     size_t ncheck, struct zl_diags *errs)
{
	enum zl_status st, ret = ZL_OK;
	size_t i, before = rs->n;

	for (i = 0; i < npacks; i++) {
		st = load(rs, packs[i].name, packs[i].text, packs[i].len,
			  &packs[i], checks, ncheck, errs);
		if (st != ZL_OK && ret == ZL_OK)
			ret = st;
	}
	if (rs->n > before)
		settle(rs);
	return ret;
}

/* ---- freeing ---- */

void zl_rule_free(struct zl_rule *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nparams; i++)
		zl_param_free(&r->params[i]);
	free(r->params);
	if (r->like) {		/* the rest is the base rule's */
		free(r);
		return;
	}
	free(r->id);
	free(r->name);
	free(r->summary);
	free(r->description);
	free(r->message);
	free(r->help);
	for (i = 0; i < r->nrefs; i++)
		free(r->refs[i]);
	free(r->refs);
	free(r->origin);
	free(r->types);
	free(r->needs);
	pcre2_code_free(r->owner_re);
	free(r->owner_src);
	pcre2_code_free(r->rdata_re);
	free(r);
}
