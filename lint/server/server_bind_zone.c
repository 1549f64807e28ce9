/* server_bind_zone.c - the zones named.conf declares, with what each inherits from its view and the options, and what named refuses of them. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* A zone named loads from its file as a primary: also a redirect zone
 * (the root zone of NXDOMAIN redirection), which it checks the same,
 * unless it has primaries to transfer it from. */
static bool primary_type(const char *type)
{
	return !strcasecmp(type, "primary") || !strcasecmp(type, "master") ||
	       !strcasecmp(type, "redirect");
}

static bool secondary_type(const char *type)
{
	return !strcasecmp(type, "secondary") || !strcasecmp(type, "slave") ||
	       !strcasecmp(type, "mirror");
}

/* The view of zone z (a name is a view's within its class), or NULL. */
static const struct bview *view_of(const struct bind *b,
				   const struct pzone *z)
{
	size_t i;

	for (i = 0; z->view && i < b->nviews; i++)
		if (strcmp(b->views[i].name, z->view) == 0 &&
		    strcmp(b->views[i].class, z->vclass) == 0)
			return &b->views[i];
	return NULL;
}

/* Zone z's check-names mode for a primary, from the innermost statement
 * that sets it. */
static int names_of(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	return z->names >= 0 ? z->names : v && v->names >= 0 ? v->names :
	       b->names >= 0 ? b->names : NAMES_FAIL;
}

/* Whether zone z's masterfile-format, from the innermost statement that
 * sets it, is raw. */
static bool binary_of(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	return z->binary >= 0 ? z->binary : v && v->binary >= 0 ? v->binary :
	       b->binary > 0;
}

/* Zone z's dnssec-policy, from the innermost statement that names one,
 * or NULL. */
static const char *policy_of(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	return z->policy ? z->policy : v && v->policy ? v->policy : b->policy;
}

/* Whether named knows dnssec-policy p: one of its own (BIND 9.18:
 * "default", "insecure", "none") or one named.conf defines, the name
 * compared as written. */
static bool policy_known(const struct bind *b, const char *p)
{
	size_t i;

	if (!strcmp(p, "default") || !strcmp(p, "insecure") ||
	    !strcmp(p, "none"))
		return true;
	for (i = 0; i < b->npolicies; i++)
		if (strcmp(b->policies[i].name, p) == 0)
			return true;
	return false;
}

/* Whether named signs zone z as it loads it: under a dnssec-policy
 * other than none ("insecure" keeps the signatures until the DS records
 * are gone), or with inline-signing or auto-dnssec, which sign with the
 * keys named finds. */
static bool signs(const struct bind *b, const struct pzone *z)
{
	const char *p = policy_of(b, z);

	return (p && strcmp(p, "none") != 0) || z->inline_signing == 1 ||
	       z->autodnssec[0] != '\0';
}

/* Zone z's max-zone-ttl as named holds its file to: with a
 * dnssec-policy (policy_of; "none" is none), the policy's, which
 * replaces the max-zone-ttl option ("default" 1 day, "insecure" none,
 * one named.conf defines what it says, 1 day unless it says); else the
 * option, from the innermost statement that sets it.  0: none.
 * *policy: the policy's. */
static uint32_t max_ttl_of(const struct bind *b, const struct pzone *z,
			   bool *policy)
{
	const struct bview *v = view_of(b, z);
	const char *p = policy_of(b, z);
	size_t i;

	*policy = p && strcmp(p, "none") != 0;
	if (*policy) {
		if (strcmp(p, "default") == 0)
			return 86400;
		for (i = 0; i < b->npolicies; i++)
			if (strcmp(b->policies[i].name, p) == 0)
				return b->policies[i].maxttl;
		return 0;	/* "insecure", or none named.conf defines */
	}
	return (uint32_t)(z->maxttl >= 0 ? z->maxttl : v && v->maxttl >= 0 ?
			  v->maxttl : b->maxttl > 0 ? b->maxttl : 0);
}

/* Zone z's max-records-per-type (rr) or max-types-per-name, from the
 * innermost statement that sets it; 100 by default (BIND 9.18.28 and
 * later). */
static uint32_t limit_of(const struct bind *b, const struct pzone *z,
			 bool rr)
{
	const struct bview *v = view_of(b, z);
	int64_t zv = rr ? z->maxrr : z->maxtypes,
		vv = !v ? -1 : rr ? v->maxrr : v->maxtypes,
		bv = rr ? b->maxrr : b->maxtypes;

	return (uint32_t)(zv >= 0 ? zv : vv >= 0 ? vv : bv >= 0 ? bv : 100);
}

/* Whether a zone of the configuration is the primary or secondary zone
 * (named at origin) that response-policy or catalog-zones block r names:
 * one of r's view, or of the top level for the options' block. */
static bool rpz_zone_found(const struct bind *b, const struct brpz *r,
			   const char *origin)
{
	const struct pzone *z;
	size_t j;

	for (j = 0; j < b->nz; j++) {
		z = &b->z[j];
		/* of any class: a CHAOS view's zones are skipped, not
		 * gone */
		if (!z->in_view && z->origin && z->type &&
		    strcmp(z->origin, origin) == 0 &&
		    (r->view ? z->view && strcmp(z->view, r->view) == 0 &&
		     strcmp(z->vclass, r->vclass) == 0 : !z->view) &&
		    (primary_type(z->type) || secondary_type(z->type)) &&
		    strcasecmp(z->type, "redirect") != 0 &&
		    strcasecmp(z->type, "mirror") != 0)
			return true;
	}
	return false;
}

/* named-checkconf: a zone a response-policy or catalog-zones block names
 * is a primary or secondary zone of its view, or of the top level for
 * the options' block (which it checks only without views); a
 * catalog-zones block names a zone once (one refused for its default
 * lists is not counted). */
static void rpz_zones(struct bind *b)
{
	const struct brpz *r, *q;
	char *origin, *other;
	size_t i, j;

	for (i = 0; i < b->nrpz; i++) {
		r = &b->rpz[i];
		if (!(origin = srv_origin(r->name.s, strlen(r->name.s))))
			continue;
		for (j = 0; r->catz && j < i; j++) {
			q = &b->rpz[j];
			if (q->block != r->block || q->refused ||
			    !(other = srv_origin(q->name.s,
						 strlen(q->name.s))))
				continue;
			if (strcmp(other, origin) == 0) {
				srv_err(b->s, r->name.file, r->name.line,
					r->name.col, "catalog zone '%s': "
					"already added here %s:%u", r->name.s,
					q->name.file, q->name.line);
				j = i;	/* said once */
			}
			free(other);
		}
		if ((r->view || !b->nviews) && !rpz_zone_found(b, r, origin))
			srv_err(b->s, r->name.file, r->name.line, r->name.col,
				"%s zone '%s'%s%s is not a primary or "
				"secondary zone", r->catz ? "catalog" :
				"response-policy", r->name.s,
				r->view ? " for view " : "",
				r->view ? r->view : "");
		free(origin);
	}
}

bool bind_signs_inline(const struct bind *b, const struct pzone *z)
{
	const char *p = policy_of(b, z);
	size_t i;

	if (z->inline_signing >= 0)
		return z->inline_signing == 1;
	if (z->templated)
		return true;	/* its template, not read, may say so */
	if (!p || strcasecmp(p, "none") == 0)
		return false;
	for (i = 0; i < b->npolicies; i++)
		if (strcmp(b->policies[i].name, p) == 0)
			return b->policies[i].inline_signing != 0;
	return true;	/* default, insecure */
}

/* named-checkconf (9.18): a zone that auto-dnssec has named sign is
 * under no dnssec-policy (p, its own or inherited; "none" is none), and
 * takes the signatures as a dynamic zone (a primary: an update-policy, or
 * an allow-update au that allows more than none) or inline (both). */
static void auto_dnssec(struct bind *b, const struct pzone *z,
			const char *p, int8_t au)
{
	const struct tok *at = &z->autoat;
	bool primary;

	if (!z->autodnssec[0] || !at->file || !z->origin || z->misclassed ||
	    z->in_view || !z->type || z->retyped)
		return;
	primary = !strcasecmp(z->type, "primary") ||
		  !strcasecmp(z->type, "master");
	if (p && strcasecmp(p, "none") != 0)
		srv_err(b->s, at->file, at->line, at->col, "'auto-dnssec "
			"%s;' cannot be configured if dnssec-policy is also "
			"set", z->autodnssec);
	else if (z->inline_signing == 1 ||
		 (primary && (z->upolicy || au == AU_EMPTY ||
			      au == AU_SOME)))
		return;
	else if (primary || !strcasecmp(z->type, "secondary") ||
		 !strcasecmp(z->type, "slave"))
		srv_err(b->s, at->file, at->line, at->col, "'auto-dnssec "
			"%s;' requires %sinline-signing to be configured for "
			"the zone", z->autodnssec, primary ? "dynamic DNS or "
			: "");
}

/* named-checkconf: a mirror zone, which named validates as a resolver
 * and serves to no secondary, where recursion is on (recursion no or an
 * allow-recursion of none alone, the view's over options', turn it off)
 * and whose own notify (not options' or a view's) sends to no name
 * server; each at the zone's '{'. */
static void mirror_zone(struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);

	if (!z->origin || z->in_view || !z->type || z->retyped ||
	    !z->brace.file || strcasecmp(z->type, "mirror") != 0)
		return;
	if (z->notifies)
		srv_err(b->s, z->brace.file, z->brace.line, z->brace.col,
			"zone '%s': mirror zones can only be used with "
			"'notify no;' or 'notify explicit;'", z->origin);
	if ((v && v->recursion >= 0 ? v->recursion : b->recursion) == 0 ||
	    (v && v->arec != AU_UNSET ? v->arec : b->arec) == AU_NONE)
		srv_err(b->s, z->brace.file, z->brace.line, z->brace.col,
			"zone '%s': mirror zones cannot be used if "
			"recursion is disabled", z->origin);
}

/* named-checkconf: a primary or secondary zone with both allow-update
 * and update-policy, at the update-policy (a secondary takes neither:
 * bind_zone_options).  And a primary or secondary zone under a
 * dnssec-policy (the innermost one named; "none" is none) is signed by
 * inline-signing or as a dynamic zone (an update-policy, or an
 * allow-update, the innermost given, that allows more than none), or
 * named refuses it at the dnssec-policy.  named 9.18.49 signs inline
 * only a zone that says `inline-signing yes`; BIND 9.20 signs inline by
 * default under a policy (bind_signs_inline).  A zone either version
 * takes is taken (docs/servers.md, "Options and views"): refused is a
 * zone that says `inline-signing no`, or whose policy says it, and is
 * not dynamic (nor names a template, which may make it so).
 * auto-dnssec, which BIND 9.21 no longer has, is auto_dnssec's. */
static void policy_signing(struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);
	const struct tok *at = z->policy ? &z->polat : v && v->policy ?
			       &v->polat : &b->polat;
	const char *p = policy_of(b, z);
	int8_t au = z->au != AU_UNSET ? z->au : v && v->au != AU_UNSET ?
		    v->au : b->au;
	bool primary;

	if (z->upolicy && z->au != AU_UNSET && z->upat.file && z->type &&
	    (!strcasecmp(z->type, "primary") ||
	     !strcasecmp(z->type, "master") ||
	     !strcasecmp(z->type, "secondary") ||
	     !strcasecmp(z->type, "slave")))
		srv_err(b->s, z->upat.file, z->upat.line, z->upat.col,
			"zone '%s': 'allow-update' is ignored when "
			"'update-policy' is present", z->origin ? z->origin :
			"");
	/* a zone transferred from primaries names them, in any class; a
	 * mirror of the root zone may leave them to named */
	if (z->origin && !z->in_view && z->type && !z->retyped &&
	    !z->transferred && !z->templated &&
	    z->brace.file && (!strcasecmp(z->type, "secondary") ||
			      !strcasecmp(z->type, "slave") ||
			      !strcasecmp(z->type, "stub") ||
			      (!strcasecmp(z->type, "mirror") &&
			       strcmp(z->origin, ".") != 0)))
		srv_err(b->s, z->brace.file, z->brace.line, z->brace.col,
			"zone '%s': missing 'primaries' entry", z->origin);
	auto_dnssec(b, z, p, au);
	/* a policy named does not know is bind_finish's to report */
	if (!z->origin || z->misclassed || z->in_view || !z->type ||
	    z->retyped || !p ||
	    !at->file || !policy_known(b, p) ||
	    strcasecmp(p, "none") == 0 || bind_signs_inline(b, z) ||
	    z->templated)
		return;
	primary = !strcasecmp(z->type, "primary") ||
		  !strcasecmp(z->type, "master");
	if (!primary && strcasecmp(z->type, "secondary") != 0 &&
	    strcasecmp(z->type, "slave") != 0)
		return;
	if (z->upolicy || au == AU_EMPTY || au == AU_SOME)
		return;
	srv_err(b->s, at->file, at->line, at->col, "zone '%s': "
		"'inline-signing yes;' must also be configured explicitly "
		"for zones using dnssec-policy%s", z->origin ? z->origin : "",
		primary ? " without a configured 'allow-update' or "
		"'update-policy'" : "");
}

/* named: `update-policy local;` grants updates to the session key that
 * named writes at its start; `session-keyfile none;` in options writes
 * none, and named stops at the zone ("failed to enable auto DDNS policy
 * for zone ...: session key not found"), serving no zone at all.
 * named-checkconf 9.18 takes it. */
static void session_key(struct bind *b, const struct pzone *z)
{
	if (!z->uplocal || !b->nosession.file || !z->upat.file ||
	    !z->origin || z->misclassed || z->in_view)
		return;
	srv_err_help(b->s, "remove 'session-keyfile none;' from options, or "
		     "grant updates to a key of your own in an update-policy "
		     "{ grant ...; } block", z->upat.file, z->upat.line,
		     z->upat.col, "zone '%s': 'update-policy local' needs the "
		     "session key, and 'session-keyfile none' at %s:%u turns "
		     "it off", z->origin, b->nosession.file,
		     b->nosession.line);
}

/* named-checkconf: a source option that names the port named listens on
 * (options' port, 53 by default).  One of options it refuses for each
 * zone that takes it (a zone with a type, not in-view, that does not set
 * the option itself); said once, naming the first. */
static void source_port(struct bind *b, const struct bqsrc *q)
{
	const struct pzone *z = NULL;
	size_t i;

	if (q->port != (b->port >= 0 ? b->port : 53))
		return;
	for (i = 0; q->zones && i < b->nz && !z; i++)
		if (b->z[i].type && !b->z[i].retyped && !b->z[i].in_view &&
		    bind_zone_type(b->z[i].type) &&
		    !(b->z[i].sources & q->zones))
			z = &b->z[i];
	if (!q->zones)
		srv_err(b->s, q->file, q->line, q->col, "'%s' cannot specify "
			"the DNS listener port (%u)", q->name,
			(unsigned)q->port);
	else if (z)
		srv_err(b->s, q->file, q->line, q->col, "'%s' cannot specify "
			"the DNS listener port (%u), which zone '%s' takes "
			"from options", q->name, (unsigned)q->port,
			z->origin ? z->origin : "");
}

/* named: a hint zone's file holds the root hints it starts from, and
 * without it named does not start ("could not configure root hints",
 * also from named-checkconf -z, which loads the zones, though
 * named-checkconf alone takes it).  The file is resolved as a zone's
 * (dir); what lies outside the tree is not looked at (srv_unopenable). */
static void hint_file(struct bind *b, const struct pzone *z,
		      const char *dir)
{
	const char *why;
	char *path;

	if (!z->type || strcasecmp(z->type, "hint") != 0 || z->retyped ||
	    z->in_view || !z->file)
		return;
	path = srv_resolve(dir, z->file);
	/* an empty name is no file, not named's directory */
	if ((why = !*z->file ? "file not found" :
		   srv_unopenable(b->s, path)) != NULL)
		srv_err(b->s, z->fileat.file, z->fileat.line, z->fileat.col,
			"could not configure root hints from '%s': %s",
			z->file, why);
	free(path);
}

/* named: the managed-keys-directory of options and the
 * new-zones-directory of options or a view must be directories when
 * named starts ("invalid managed-keys-directory ...: file not found"),
 * or it does not start; named-checkconf takes any.  Resolved against
 * named's directory (dir); what lies outside the tree is not looked
 * at. */
static void directories(struct bind *b, const char *dir)
{
	const struct bdir *d;
	const char *why;
	char *path;
	size_t i;

	for (i = 0; i < b->ndirs; i++) {
		d = &b->dirs[i];
		path = srv_resolve(dir, d->at.s);
		/* an empty name is none, not named's directory */
		if ((why = !*d->at.s ? "file not found" :
			   srv_undirectory(b->s, path)) != NULL)
			srv_err_help(b->s, "create the directory, or name one "
				     "that exists (a relative name is read "
				     "from named's directory)", d->at.file,
				     d->at.line, d->at.col, "invalid %s '%s': "
				     "%s", d->opt, d->at.s, why);
		free(path);
	}
}

/* Whether named writes to zone z's file (check.c's fileexist): a
 * secondary or mirror zone's, and a primary's that takes updates (an
 * update-policy, or an allow-update, the innermost given, that allows
 * more than none) or is signed by a dnssec-policy other than none.  1:
 * written; 0: read alone (a primary otherwise, a hint zone); -1: not
 * looked at (stub, static-stub, forward, redirect; a dlz or database). */
static int writes(const struct bind *b, const struct pzone *z)
{
	const struct bview *v = view_of(b, z);
	unsigned type = z->type && !z->retyped ? bind_zone_type(z->type) : 0;
	int8_t au = z->au != AU_UNSET ? z->au : v && v->au != AU_UNSET ?
		    v->au : b->au;
	const char *p = policy_of(b, z);

	if (!z->file || z->external || z->in_view || !z->origin ||
	    z->misclassed)
		return -1;
	if (type == bind_zone_type("secondary") ||
	    type == bind_zone_type("mirror"))
		return 1;
	if (type == bind_zone_type("primary"))
		return z->upolicy || au == AU_EMPTY || au == AU_SOME ||
		       (p && strcmp(p, "none") != 0);
	return type == bind_zone_type("hint") ? 0 : -1;
}

/* s in ASCII lower case, malloc'd: named-checkconf keeps the file names
 * and key directories it compares in symbol tables made case-insensitive
 * (check.c: isc_symtab_create(..., false, ...)), which fold ASCII only. */
static char *folded(const char *s)
{
	char *l = zl_xstrdup(s);
	size_t i;

	for (i = 0; l[i]; i++)
		l[i] = (char)tolower((unsigned char)l[i]);
	return l;
}

/* named-checkconf: a file two zones load, in any views, where named
 * writes to either ("writeable file 'db': already in use"), named at the
 * second's file, naming the first's.  The names are compared as written
 * but for case: "db" and "DB" are one file to named-checkconf, "db" and
 * "./db" two. */
static void writeable_files(struct bind *b)
{
	struct srv_set seen = { 0 };
	const struct srv_set_ent *first;
	const struct pzone *z, *f;
	char *key;
	size_t i;
	int w;

	for (i = 0; i < b->nz; i++) {
		z = &b->z[i];
		if ((w = writes(b, z)) < 0)
			continue;
		key = folded(z->file);
		first = srv_set_add(&seen, key, i);
		free(key);
		if (!first)
			continue;
		f = &b->z[first->val];
		if (w || writes(b, f))
			srv_err(b->s, z->fileat.file, z->fileat.line,
				z->fileat.col, "writeable file '%s': already "
				"in use: %s:%u", z->file, f->fileat.file,
				f->fileat.line);
	}
	srv_set_free(&seen);
}

/* named-checkconf: two zones of one name (in two views) under two
 * dnssec-policies (not none) that keep their keys in one key-directory
 * (the innermost given, as written but for case; none given is one
 * too): each policy would roll the other's keys.  Refused at the second zone's name,
 * naming the first.  named 9.18.49 takes a zone's policy from the zone
 * or options, not its view, here. */
static void key_directories(struct bind *b)
{
	struct srv_set seen = { 0 };
	const struct srv_set_ent *first;
	const struct pzone *z, *f;
	const struct bview *v;
	const char *dir, *p, *fp;
	char *key, *path;
	size_t i;

	for (i = 0; i < b->nz; i++) {
		z = &b->z[i];
		p = z->policy ? z->policy : b->policy;
		if (!z->origin || z->in_view || !p || !strcmp(p, "none"))
			continue;
		v = view_of(b, z);
		dir = z->keydir ? z->keydir : v && v->keydir ? v->keydir :
		      b->keydir;
		path = zl_xasprintf("%s/%s", z->origin, dir ? dir : "");
		key = folded(path);
		free(path);
		first = srv_set_add(&seen, key, i);
		free(key);
		if (!first)
			continue;
		f = &b->z[first->val];
		fp = f->policy ? f->policy : b->policy;
		if (strcmp(fp, p) != 0)
			srv_err(b->s, z->conf, z->line, z->col, "key-directory "
				"'%s/%s' already in use by zone %s with policy "
				"%s: %s:%u", z->origin, dir ? dir : "",
				f->origin, fp, f->conf, f->line);
	}
	srv_set_free(&seen);
}

/* Checks the zone statements as named-checkconf does and lists them. */
void bind_finish(struct bind *b)
{
	struct srv *s = b->s;
	struct srv_set seen = { 0 };
	const struct srv_set_ent *dup;
	struct zl_server_zone *e;
	char *dir, *file, *key;
	const char *pol;
	struct pzone *z;
	size_t i, j;
	bool redirect;

	dir = zl_xstrdup(b->lx.dir ? b->lx.dir : s->cwd);
	for (i = 0; i < b->nz; i++) {
		policy_signing(b, &b->z[i]);
		session_key(b, &b->z[i]);
		mirror_zone(b, &b->z[i]);
		hint_file(b, &b->z[i], dir);
	}
	for (i = 0; i < b->nqsrc; i++)
		source_port(b, &b->qsrc[i]);
	writeable_files(b);
	key_directories(b);
	directories(b, dir);
	if (b->first_view.file && b->first_top_zone.file)
		srv_err(s, b->first_top_zone.file, b->first_top_zone.line,
			b->first_top_zone.col, "when using 'view' statements, "
			"all zones must be in views");
	for (i = 0; i < b->nz; i++) {
		z = &b->z[i];
		/* a zone of a CHAOS view is checked as any zone, and not
		 * listed */
		if (!z->origin || z->misclassed)
			continue;
		/* a zone is declared once per view (NULL: no view); a
		 * hint zone and a redirect zone are kept apart from the
		 * others and from each other */
		redirect = z->type && !strcasecmp(z->type, "redirect");
		key = zl_xasprintf("%c%s%s%zu:%s %s", z->type &&
				   !strcasecmp(z->type, "hint") ? 'h' :
				   redirect ? 'r' : 'z', z->view ? "v" : "-",
				   z->vclass, z->view ? strlen(z->view) : 0,
				   z->view ? z->view : "", z->origin);
		dup = srv_set_add(&seen, key, i);
		free(key);
		if (dup) {
			j = dup->val;
			srv_err(s, z->conf, z->line, z->col, "zone '%s': "
				"already exists, previous definition at "
				"%s:%u", z->origin, b->z[j].conf,
				b->z[j].line);
			continue;
		}
		/* another view's zone, which only forwarding may add
		 * to */
		if (z->in_view) {
			if (z->others)
				srv_err(s, z->conf, z->line, z->col, "zone "
					"'%s': 'in-view' used with "
					"incompatible zone options", z->origin);
			continue;
		}
		/* a template (BIND 9.21), which zonelint does not read,
		 * may give the type, the file and the primaries */
		if (!z->type) {
			if (!z->templated)
				srv_err(s, z->conf, z->line, z->col, "zone "
					"'%s': type not present", z->origin);
			continue;
		}
		/* named keeps the signed copy of an inline-signing
		 * secondary in its file, which it must be given */
		if (((primary_type(z->type) && !redirect && !z->external) ||
		     !strcasecmp(z->type, "hint") ||
		     (secondary_type(z->type) && z->inline_signing == 1 &&
		      strcasecmp(z->type, "mirror") != 0)) && !z->file &&
		    !z->templated) {
			srv_err(s, z->conf, z->line, z->col, "zone '%s': "
				"missing 'file' entry", z->origin);
			continue;
		}
		if (redirect && strcmp(z->origin, ".") != 0) {
			srv_err(s, z->conf, z->line, z->col, "redirect zones "
				"must be called \".\"");
			continue;
		}
		/* hint, stub, forward, ...; a database that is not a
		 * file */
		if ((!primary_type(z->type) && !secondary_type(z->type)) ||
		    z->external)
			continue;
		/* named-checkconf refuses a policy it does not know */
		if ((pol = policy_of(b, z)) && !policy_known(b, pol)) {
			srv_err(s, z->conf, z->line, z->col, "zone '%s': "
				"option 'dnssec-policy %s' has no matching "
				"dnssec-policy config", z->origin, pol);
			continue;
		}
		if (z->skip)
			continue;
		file = z->file ? srv_resolve(dir, z->file) : NULL;
		/* named works in `directory`: a relative $INCLUDE is read
		 * from there. */
		e = srv_add(s, z->origin, file, !primary_type(z->type) ||
			    (redirect && z->transferred) ?
			    ZL_SERVER_SECONDARY : binary_of(b, z) ?
			    ZL_SERVER_BINARY : ZL_SERVER_PRIMARY, z->view,
			    z->conf, z->line, z->col);
		e->include_dir = zl_xstrdup(dir);
		e->check_names = primary_type(z->type) &&
				 names_of(b, z) == NAMES_FAIL;
		e->names_checked = primary_type(z->type) &&
				   names_of(b, z) != NAMES_IGNORE;
		e->signs = signs(b, z);
		if (primary_type(z->type)) {
			e->max_ttl = max_ttl_of(b, z, &e->max_ttl_policy);
			e->max_rrset = limit_of(b, z, true);
			e->max_types = limit_of(b, z, false);
		}
		free(file);
	}
	srv_set_free(&seen);
	free(dir);
	rpz_zones(b);
}

/* The name t of a dnssec-policy statement: not one of named's own
 * policies, nor one an earlier statement gives (as written, its case
 * too, as named-checkconf compares them). */
void bind_policy_name(struct bind *b, const struct tok *t)
{
	size_t i;

	if (!strcmp(t->s, "default") || !strcmp(t->s, "none") ||
	    !strcmp(t->s, "insecure")) {
		srv_err_help(b->s, "rename it", t->file, t->line, t->col,
			     "dnssec-policy name may not be 'insecure', "
			     "'none', or 'default' (which are built-in "
			     "policies)");
		return;
	}
	for (i = 0; i < b->npolicies; i++)
		if (!strcmp(b->policies[i].name, t->s)) {
			srv_err_help(b->s, "rename one of them, or merge "
				     "them", t->file, t->line, t->col,
				     "dnssec-policy '%s' redefined", t->s);
			return;
		}
}
