/* server_bind_update.c - a BIND zone's update-policy, held to named 9.18's grammar and named-checkconf's checks of its rules. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"
#include "server_bind.h"
#include "zone_lex.h"

/* What a rule type takes as its name (named 9.18, lib/isccfg's grant
 * grammar and lib/bind9/check.c): any name but one that reads as a type
 * (a name written for a type left out), a wildcard, its identity or '.',
 * '.' alone, or none (zonesub, whose rule goes on with its types). */
enum { N_ANY, N_WILD, N_SELF, N_DOT, N_NONE };

static const struct {
	const char *name;
	unsigned char takes;
} rtypes[] = {
	{ "name", N_ANY }, { "subdomain", N_ANY }, { "zonesub", N_NONE },
	{ "wildcard", N_WILD }, { "self", N_SELF }, { "selfsub", N_SELF },
	{ "selfwild", N_SELF }, { "ms-self", N_DOT },
	{ "ms-selfsub", N_DOT }, { "ms-subdomain", N_ANY },
	{ "ms-subdomain-self-rhs", N_ANY }, { "krb5-self", N_DOT },
	{ "krb5-selfsub", N_DOT }, { "krb5-subdomain", N_ANY },
	{ "krb5-subdomain-self-rhs", N_ANY }, { "tcp-self", N_DOT },
	{ "6to4-self", N_DOT }, { "external", N_ANY },
};

#define NRTYPES (sizeof rtypes / sizeof rtypes[0])

/* The meta type NXNAME's number, which named 9.18 does not know */
#define TYPE_NXNAME 128

static const char rtype_help[] = "a rule is '(grant | deny) IDENTITY "
	"RULETYPE [NAME] [TYPE ...];' with RULETYPE one of name, subdomain, "
	"zonesub, wildcard, self, selfsub, selfwild, ms-self, ms-selfsub, "
	"ms-subdomain, ms-subdomain-self-rhs, krb5-self, krb5-selfsub, "
	"krb5-subdomain, krb5-subdomain-self-rhs, tcp-self, 6to4-self or "
	"external; zonesub alone takes no NAME";

static const char name_help[] = "an identity or name is a domain name: "
	"no empty label, labels of at most 63 bytes, 255 in all";

/* Whether s[0..n) names a record type as named 9.18's
 * dns_rdatatype_fromtext reads one: a mnemonic it knows, in any case
 * (the meta types but NXNAME, which it does not know, and KEYDATA, its
 * own type for managed keys), or TYPE and at most five bytes that
 * strtoul(3) reads whole as at most 65535 ("TYPE01", even "TYPE+1"). */
static bool type_known(const char *s, size_t n)
{
	char num[6], *end;
	unsigned long v;
	uint16_t t;

	if (n > 4 && n < 4 + sizeof num && strncasecmp(s, "TYPE", 4) == 0) {
		memcpy(num, s + 4, n - 4);
		num[n - 4] = '\0';
		v = strtoul(num, &end, 10);
		return *end == '\0' && v <= 0xffff;
	}
	if (n == 7 && strncasecmp(s, "KEYDATA", 7) == 0)
		return true;
	return n && memchr(s, '\0', n) == NULL && zl_type_parse(s, n, &t) &&
	       !(zl_type_unknown_to(t) & ZL_NOT_BIND) && t != TYPE_NXNAME;
}

/* The name text s as named compares it (srv_origin's canonical form,
 * "@" the root), malloc'd; NULL when it is not a domain name. */
static char *name_of(const char *s)
{
	return srv_origin(strcmp(s, "@") == 0 ? "." : s, strlen(s));
}

void bind_update_type(struct bind *b, const struct tok *t)
{
	const char *open = strchr(t->s, '(');
	size_t n = open ? (size_t)(open - t->s) : strlen(t->s);
	unsigned long max;
	char *end;

	/* named reads the count after the first '(' with strtoul(3), and
	 * the type before it */
	if (open) {
		max = strtoul(open + 1, &end, 10);
		if (max > 0xffff || end[0] != ')' || end[1] != '\0')
			srv_err_help(b->s, "give the most records of the type "
				     "one update may hold as a number from 0 "
				     "to 65535 in parentheses: A(2)", t->file,
				     t->line, t->col, "'%s' is not a valid "
				     "count", open);
	}
	if (!type_known(t->s, n))
		srv_err_help(b->s, "name a record type by its mnemonic (A, "
			     "TXT, ...) or as TYPEnnn", t->file, t->line,
			     t->col, "'%.*s' is not a valid type", (int)n,
			     t->s);
}

void bind_update_value(struct bind *b, struct pzone *z,
		       const struct tok *args, size_t n)
{
	if (n >= 2) {
		z->upolicy = true;
		z->uplocal = is(&args[1], "local");
		z->upat = (struct tok){ .file = args[1].file,
					.line = args[1].line,
					.col = args[1].col };
	}
	if (n < 2)
		srv_err_help(b->s, "write 'update-policy local;' or "
			     "'update-policy { grant ...; };'", b->end.file,
			     b->end.line, b->end.col, "missing 'local' or '{' "
			     "after 'update-policy'");
	else if (args[1].t != T_WORD || !is(&args[1], "local"))
		srv_err_help(b->s, "write 'update-policy local;' or "
			     "'update-policy { grant ...; };'", args[1].file,
			     args[1].line, args[1].col, "'update-policy' takes "
			     "unquoted 'local' or a block of rules, not '%s'",
			     args[1].s);
	else if (n > 2)
		srv_err(b->s, args[2].file, args[2].line, args[2].col,
			"missing ';' before '%s'", args[2].s);
}

/* The words of a rule up to its name that named's grammar reads:
 * args[*first..n) are then its types.  False (after an error) when they
 * are not there or not of their kinds; *kind is the rule type's. */
static bool rule_words(struct bind *b, const struct tok *args, size_t n,
		       size_t *kind, size_t *first)
{
	const char *names[NRTYPES], *near;
	size_t i;

	if (args[0].t != T_WORD || (!is(&args[0], "grant") &&
				    !is(&args[0], "deny")))
		return srv_err_help(b->s, rtype_help, args[0].file,
				    args[0].line, args[0].col, args[0].t ==
				    T_STR ? "'%s' in quotes: a rule starts with "
				    "grant or deny out of quotes" : "a rule "
				    "starts with grant or deny, not '%s'",
				    args[0].s);
	if (n < 3)
		return srv_err_help(b->s, rtype_help, b->end.file, b->end.line,
				    b->end.col, "missing %s in the rule '%s'",
				    n < 2 ? "identity and rule type" :
				    "rule type", args[0].s);
	for (i = 0; i < NRTYPES; i++)
		names[i] = rtypes[i].name;
	for (i = 0; i < NRTYPES && !is(&args[2], rtypes[i].name); i++)
		;
	if (args[2].t != T_WORD)
		return srv_err_help(b->s, rtype_help, args[2].file,
				    args[2].line, args[2].col, "rule type '%s' "
				    "in quotes: named reads it out of quotes",
				    args[2].s);
	if (i == NRTYPES) {
		near = zl_nearest(args[2].s, names, NRTYPES);
		return srv_err_help(b->s, rtype_help, args[2].file,
				    args[2].line, args[2].col, "'%s' is not a "
				    "rule type of update-policy%s%s%s",
				    args[2].s, near ? " (did you mean '" : "",
				    near ? near : "", near ? "'?)" : "");
	}
	*kind = rtypes[i].takes;
	*first = *kind == N_NONE ? 3 : 4;
	if (n < *first)
		return srv_err_help(b->s, rtype_help, b->end.file, b->end.line,
				    b->end.col, "missing name after the rule "
				    "type '%s'", args[2].s);
	return true;
}

/* named-checkconf on the name of a rule of kind, id its identity and nm
 * its name (canonical), the rule args: a placeholder where the rule type
 * takes one, a wildcard for wildcard, no type where a name is read.  Each
 * at the identity, where named-checkconf names it (its words: "identity
 * and name fields are not the same", "name field not set to placeholder
 * value '.'", "'x' is not a wildcard", "missing name field type 'A'
 * found"). */
static void rule_name(struct bind *b, const struct tok *args, size_t kind,
		      const char *id, const char *nm)
{
	const struct tok *at = &args[1];
	const char *rt = args[2].s, *name = args[3].s;

	if (kind == N_WILD && strncmp(nm, "*.", 2) != 0)
		srv_err_help(b->s, "begin the name with the label '*': grant "
			     "ID wildcard *.example.com. A;", at->file,
			     at->line, at->col, "the '%s' rule's name '%s' is "
			     "not a wildcard", rt, name);
	if (kind == N_SELF && strcmp(id, nm) != 0 && strcmp(nm, ".") != 0)
		srv_err_help(b->s, "give the rule '.' (or its identity) as "
			     "its name: grant ID self . A;", at->file,
			     at->line, at->col, "the '%s' rule's name must be "
			     "its identity '%s' or '.', not '%s'", rt,
			     args[1].s, name);
	if (kind == N_DOT && strcmp(nm, ".") != 0)
		srv_err_help(b->s, "give the rule '.' as its name: grant ID "
			     "tcp-self . PTR;", at->file, at->line, at->col,
			     "the '%s' rule's name must be '.', not '%s'", rt,
			     name);
	if ((kind == N_ANY || kind == N_WILD) &&
	    type_known(name, strlen(name)))
		srv_err_help(b->s, "give the rule its name before its types: "
			     "grant ID subdomain example.com. A;", at->file,
			     at->line, at->col, "the '%s' rule's name is "
			     "missing: '%s' is a type", rt, name);
}

void bind_update_rule(struct bind *b, const struct tok *args, size_t n)
{
	size_t kind = N_ANY, first = 3, i;
	char *id, *nm = NULL;

	if (!rule_words(b, args, n, &kind, &first))
		return;
	/* named-checkconf reads the name only when the identity is one */
	if (!(id = name_of(args[1].s)))
		srv_err_help(b->s, name_help, args[1].file, args[1].line,
			     args[1].col, "'%s' is not a valid name",
			     args[1].s);
	else if (!(nm = name_of(kind == N_NONE ? "." : args[3].s)))
		srv_err_help(b->s, name_help, args[3].file, args[3].line,
			     args[3].col, "'%s' is not a valid name",
			     args[3].s);
	else
		rule_name(b, args, kind, id, nm);
	free(id);
	free(nm);
	for (i = first; i < n; i++)
		bind_update_type(b, &args[i]);
}
