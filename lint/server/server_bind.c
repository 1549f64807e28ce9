/* server_bind.c - BIND's named.conf: the statements that say which zones named loads and what it refuses of them (key files: server_bind_key.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* ---- statements ---- */

static void block(struct bind *b, enum ctx ctx);

/* An error at t, a '}' or the end of the input where something else was
 * expected; at the end, only the first such error is reported. */
static void unexpected(struct bind *b, const struct tok *t, const char *what)
{
	if (t->t == T_EOF && (b->lx.eof_said || b->lx.stop))
		return;
	b->lx.eof_said |= t->t == T_EOF;
	srv_err(b->s, t->file, t->line, t->col, "missing %s before %s", what,
		t->t == T_EOF ? "end of file" : "'}'");
}

/* Keeps a copy of token t as part *to of a key statement. */
static void key_part(struct tok *to, const struct tok *t)
{
	free(to->s);
	*to = *t;
	to->s = zl_xstrdup(t->s);
}

/* named-checkconf: an option given twice in one block. */
static void redefined(struct bind *b, const struct tok *t)
{
	srv_err(b->s, t->file, t->line, t->col, "'%s' redefined near '%s'",
		t->s, t->s);
}

/* `in-view V`: the zone must already be declared in view V, itself read
 * before (named-checkconf). */
static void in_view(struct bind *b, const struct pzone *z,
		    const struct tok *v)
{
	size_t i;

	for (i = 0; i + 1 < b->nz; i++)
		if (b->z[i].view && b->z[i].origin && z->origin &&
		    strcmp(b->z[i].view, v->s) == 0 &&
		    strcmp(b->z[i].origin, z->origin) == 0)
			return;
	srv_err(b->s, v->file, v->line, v->col, "'in-view' zone '%s' does "
		"not exist in view '%s', or view '%s' is not yet defined",
		z->origin ? z->origin : "", v->s, v->s);
}

/* check-names' modes (namedconf.c's checkmode), in any case; its kinds
 * are bind_kinds. */
static const char *const modes[] = { "fail", "warn", "ignore" };

/* Which of the n names w is; n when none is. */
static size_t which(const struct tok *w, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n && !is(w, names[i]); i++)
		;
	return i;
}

/* named-checkconf on check-names' words, args[1..n): a zone's takes a
 * mode, the others' a kind and a mode, each an unquoted word of its list;
 * it names the first word it does not read, or the ';' where one is
 * missing.  True when the words are those. */
static bool names_form(struct bind *b, enum ctx ctx, const struct tok *args,
		       size_t n)
{
	size_t want = ctx == C_ZONE ? 2 : 3, i;
	bool mode;

	for (i = 1; i < n && i < want; i++) {
		mode = i + 1 == want;
		if (args[i].t != T_WORD)
			return srv_err(b->s, args[i].file, args[i].line,
				       args[i].col, "expected unquoted string");
		if (mode ? which(&args[i], modes, 3) == 3 :
			   which(&args[i], bind_kinds, BIND_KINDS) ==
			   BIND_KINDS)
			return srv_err(b->s, args[i].file, args[i].line,
				       args[i].col, "'%s' unexpected",
				       args[i].s);
	}
	if (n + 1 == want)
		return srv_err(b->s, b->end.file, b->end.line, b->end.col,
			       "missing mode after '%s%s%s' (expected fail, "
			       "warn or ignore)", args[0].s, n > 1 ? " " : "",
			       n > 1 ? args[1].s : "");
	if (n < want)
		return srv_err(b->s, b->end.file, b->end.line, b->end.col,
			       "missing kind and mode after '%s' (expected "
			       "primary, secondary or response, then fail, "
			       "warn or ignore)", args[0].s);
	if (n > want)
		return srv_err(b->s, args[want].file, args[want].line,
			       args[want].col, "missing ';' before '%s'",
			       args[want].s);
	return true;
}

/* `check-names [primary|master] MODE`: whether named refuses a primary
 * zone over a record whose host name is not one (fail, the default),
 * only warns of it (warn: it still refuses an NSEC3 owner that is no
 * hash) or checks nothing (ignore); set for all zones (options), a
 * view's or one zone.  In options or a view, each kind of zone is noted
 * for bind_block_end, which holds each to one check-names. */
static void check_names(struct bind *b, enum ctx ctx, struct pzone *z,
			const struct tok *args, size_t n)
{
	int8_t mode;
	size_t k;

	if (!names_form(b, ctx, args, n))
		return;
	mode = is(&args[n - 1], "ignore") ? NAMES_IGNORE :
	       is(&args[n - 1], "warn") ? NAMES_WARN : NAMES_FAIL;
	if (ctx == C_ZONE) {
		z->names = mode;
		return;
	}
	k = which(&args[1], bind_kinds, BIND_KINDS);
	if (b->blk) {
		if (!b->blk->names.file)
			b->blk->names = (struct tok){ .file = args[0].file,
						      .line = args[0].line,
						      .col = args[0].col };
		b->blk->twice |= b->blk->kinds & (1u << k);
		b->blk->kinds |= (uint8_t)(1u << k);
	}
	if (k > 1)	/* not primary or master */
		return;
	if (ctx == C_OPTIONS)
		b->names = mode;
	else if (ctx == C_VIEW && b->cur_view)
		b->cur_view->names = mode;
}

/* `max-zone-ttl DURATION|unlimited` (unlimited, and 0, set no limit; a
 * dnssec-policy's takes no "unlimited"): the seconds, or -1 for a value
 * named refuses (reported at t). */
static int64_t max_ttl(struct bind *b, enum ctx ctx, const struct tok *t)
{
	uint64_t v;

	if (t->t == T_WORD && ctx != C_POLICY && is(t, "unlimited"))
		return 0;
	if (t->t == T_WORD && ((t->s[0] == 'P' || t->s[0] == 'p') ?
			       bind_iso_duration(t->s, &v) : bind_ttl_text(t->s, &v)))
		return (int64_t)v;
	srv_err(b->s, t->file, t->line, t->col, "expected ISO 8601 duration "
		"or TTL value near '%s'", t->s);
	return -1;
}

/* `max-records-per-type N` or `max-types-per-name N`: N (0: none), or
 * -1 for a value named refuses (reported at t). */
static int64_t count(struct bind *b, const struct tok *t)
{
	uint64_t v = 0;
	size_t k;

	for (k = 0; t->t == T_WORD && isdigit((unsigned char)t->s[k]); k++)
		if ((v = v * 10 + (uint64_t)(t->s[k] - '0')) > UINT32_MAX)
			break;
	if (k > 0 && !t->s[k])
		return (int64_t)v;
	srv_err(b->s, t->file, t->line, t->col, k > 0 &&
		isdigit((unsigned char)t->s[k]) ? "'%s' out of range" :
		"expected number near '%s'", t->s);
	return -1;
}

/* named takes a path (file, directory, include) only as a quoted string,
 * and refuses the configuration over a word; its value is read on. */
static void quoted(struct bind *b, const struct tok *t)
{
	if (t->t != T_STR)
		srv_err(b->s, t->file, t->line, t->col, "expected quoted "
			"string");
}

/* A zone that a response-policy (C_RPZ) or catalog-zones (C_CATZ) block
 * names: "zone NAME ...;", kept for rpz_zones.  named-checkconf refuses
 * a catalog zone with both default-primaries and default-masters, the
 * older name of one list. */
static void policy_zone(struct bind *b, enum ctx ctx, struct tok *args,
			size_t n)
{
	struct brpz *r;
	bool primaries = false, masters = false;
	size_t i;

	zl_xgrow((void **)&b->rpz, &b->caprpz, b->nrpz + 1, sizeof *b->rpz);
	r = &b->rpz[b->nrpz++];
	memset(r, 0, sizeof *r);
	r->view = b->view ? zl_xstrdup(b->view) : NULL;
	if (b->view)
		strcpy(r->vclass, b->view_class);
	r->catz = ctx == C_CATZ;
	r->block = b->nblocks;
	key_part(&r->name, &args[1]);
	for (i = 2; r->catz && i < n; i++) {
		primaries |= is(&args[i], "default-primaries");
		masters |= is(&args[i], "default-masters");
	}
	r->refused = primaries && masters;
	if (r->refused)
		srv_err(b->s, args[1].file, args[1].line, args[1].col,
			"catalog zone '%s': 'default-primaries' and "
			"'default-masters' can not be both defined",
			args[1].s);
}

/* A leaf statement's meaning in its context: args[0..n) are its words. */
static void leaf(struct bind *b, enum ctx ctx, struct tok *args, size_t n)
{
	/* in the context each is read in, as a logging channel's file
	 * takes versions and size after it, a trust anchor named
	 * "algorithm" its key */
	static const struct {
		const char *name;
		enum ctx ctx;
	} one_value[] = {
		{ "directory", C_OPTIONS }, { "type", C_ZONE },
		{ "file", C_ZONE }, { "masterfile-format", C_ZONE },
		{ "in-view", C_ZONE }, { "algorithm", C_KEY },
		{ "secret", C_KEY }, { "algorithm", C_KEYDEF },
		{ "secret", C_KEYDEF }, { NULL, C_TOP }
	};
	struct pzone *z = b->nz ? &b->z[b->nz - 1] : NULL;
	char *dir, c, **pol;
	int8_t rec;
	int64_t v, *to;
	size_t i;

	if (n == 0)
		return;
	if (ctx == C_POLICY || ctx == C_PKEYS)
		bind_policy_leaf(b, ctx, args, n);
	if (ctx == C_OPTIONS || ctx == C_VIEW) {
		bind_nta_option(b, args, n);
		bind_mapsize_option(b, args, n);
	}
	if (ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE)
		bind_ratio_option(b, args, n);
	/* an element of allow-update's list */
	if (ctx == C_ACL) {
		if (b->au_to && *b->au_to != AU_SOME)
			*b->au_to = (n == 1 && (is(&args[0], "none") ||
						is(&args[0], "!any"))) ||
				    (n == 2 && is(&args[0], "!") &&
				     is(&args[1], "any")) ? AU_NONE : AU_SOME;
		return;
	}
	if ((ctx == C_TOP || ctx == C_VIEW) &&
	    (is(&args[0], "zone") || (ctx == C_TOP && is(&args[0], "view"))))
		srv_err(b->s, args[n - 1].file, args[n - 1].line,
			args[n - 1].col, "'{' expected after '%s'",
			args[n - 1].s);
	/* The statements read here take one value, and named reads a
	 * second word as a ';' left out. */
	for (i = 0; n != 2 && one_value[i].name; i++)
		if (ctx == one_value[i].ctx && is(&args[0], one_value[i].name))
			srv_err(b->s, args[n > 2 ? 2 : 0].file,
				args[n > 2 ? 2 : 0].line,
				args[n > 2 ? 2 : 0].col, n > 2 ?
				"missing ';' before '%s'" : "'%s' without a "
				"value", args[n > 2 ? 2 : 0].s);
	if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) &&
	    is(&args[0], "check-names"))
		check_names(b, ctx, z, args, n);
	if (ctx == C_ZONE && z && is(&args[0], "update-policy"))
		bind_update_value(b, z, args, n);
	if (ctx == C_UPDATE) {
		bind_update_rule(b, args, n);
		return;
	}
	if (n < 2)
		return;
	if (ctx == C_OPTIONS && is(&args[0], "directory")) {
		quoted(b, &args[1]);
		dir = srv_resolve(b->lx.dir ? b->lx.dir : b->s->cwd,
				  args[1].s);
		free(b->lx.dir);
		b->lx.dir = dir;
	} else if (ctx == C_ZONE && is(&args[0], "type")) {
		/* named refuses another type, or one in quotes: a zone
		 * must not vanish from the run over a typo */
		if (args[1].t != T_WORD || !bind_zone_type(args[1].s))
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				args[1].t != T_WORD ? "expected unquoted "
				"string" : "zone type '%s' unknown",
				args[1].s);
		z->retyped |= z->type != NULL;	/* "redefined": bind_placed */
		free(z->type);
		z->type = zl_xstrdup(args[1].s);
	} else if (ctx == C_ZONE && is(&args[0], "file")) {
		quoted(b, &args[1]);
		free(z->file);
		z->file = zl_xstrdup(args[1].s);
		z->fileat = (struct tok){ .file = args[1].file,
					  .line = args[1].line,
					  .col = args[1].col };
	} else if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) &&
		   is(&args[0], "masterfile-format")) {
		/* named 9.18 reads text and raw (map is gone), unquoted,
		 * for all zones (options), a view's or one zone */
		if (args[1].t != T_WORD || (!is(&args[1], "text") &&
					    !is(&args[1], "raw")))
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				args[1].t != T_WORD ? "expected unquoted "
				"string" : "'%s' unexpected", args[1].s);
		*(ctx == C_ZONE ? &z->binary : ctx == C_VIEW && b->cur_view ?
		  &b->cur_view->binary : &b->binary) =
			args[1].s && strcasecmp(args[1].s, "text") != 0;
	} else if (ctx == C_ZONE && (is(&args[0], "dlz") ||
				     is(&args[0], "database"))) {
		c = is(&args[0], "dlz") ? 'l' : 'd';
		if (z->dlz_or_db && z->dlz_or_db != c)
			srv_err(b->s, args[0].file, args[0].line, args[0].col,
				"zone '%s': cannot specify both 'dlz' and "
				"'database'", z->origin ? z->origin : "");
		z->dlz_or_db = c;
		z->external |= is(&args[0], "dlz") ||
			       (strcmp(args[1].s, "rbt") != 0 &&
				strcmp(args[1].s, "rbt64") != 0);
	} else if (ctx == C_ZONE && is(&args[0], "template")) {
		z->templated = true;
	} else if (ctx == C_ZONE && is(&args[0], "in-view")) {
		in_view(b, z, &args[1]);
		z->in_view = true;
	} else if (is(&args[0], "inline-signing") && ctx == C_POLICY) {
		b->policies[b->npolicies - 1].inline_signing =
			(int8_t)(bind_boolean(&args[1]) == 1);
	} else if (is(&args[0], "max-zone-ttl") && ctx == C_POLICY) {
		if ((v = max_ttl(b, ctx, &args[1])) >= 0)
			b->policies[b->npolicies - 1].maxttl = (uint32_t)v;
	} else if (is(&args[0], "max-zone-ttl") && (ctx == C_OPTIONS ||
		   ctx == C_VIEW || ctx == C_ZONE)) {
		/* a view named twice sets nothing */
		to = ctx == C_ZONE ? &z->maxttl : ctx == C_OPTIONS ?
		      &b->maxttl : b->cur_view ? &b->cur_view->maxttl : NULL;
		if ((v = max_ttl(b, ctx, &args[1])) >= 0 && to)
			*to = v;
	} else if ((is(&args[0], "max-records-per-type") ||
		    is(&args[0], "max-types-per-name")) &&
		   (ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE)) {
		c = is(&args[0], "max-records-per-type");
		to = ctx == C_ZONE ? (c ? &z->maxrr : &z->maxtypes) :
		      ctx == C_OPTIONS ? (c ? &b->maxrr : &b->maxtypes) :
		      !b->cur_view ? NULL : c ? &b->cur_view->maxrr :
		      &b->cur_view->maxtypes;
		if ((v = count(b, &args[1])) >= 0 && to)
			*to = v;
	} else if (is(&args[0], "dnssec-policy") && (ctx == C_OPTIONS ||
		   ctx == C_VIEW || ctx == C_ZONE)) {
		pol = ctx == C_ZONE ? &z->policy : ctx == C_OPTIONS ?
		      &b->policy : b->cur_view ? &b->cur_view->policy : NULL;
		if (pol) {
			free(*pol);
			*pol = zl_xstrdup(args[1].s);
			*(ctx == C_ZONE ? &z->polat : ctx == C_OPTIONS ?
			  &b->polat : &b->cur_view->polat) = (struct tok){
				.file = args[1].file, .line = args[1].line,
				.col = args[1].col };
		}
	} else if (is(&args[0], "key-directory") && (ctx == C_OPTIONS ||
		   ctx == C_VIEW || ctx == C_ZONE)) {
		pol = ctx == C_ZONE ? &z->keydir : ctx == C_OPTIONS ?
		      &b->keydir : b->cur_view ? &b->cur_view->keydir : NULL;
		if (pol) {
			free(*pol);
			*pol = zl_xstrdup(args[1].s);
		}
	} else if (ctx == C_ZONE && is(&args[0], "inline-signing")) {
		z->inline_signing = bind_boolean(&args[1]) == 1;
	} else if ((ctx == C_OPTIONS || ctx == C_VIEW) &&
		   is(&args[0], "recursion")) {
		rec = (int8_t)bind_boolean(&args[1]);
		if (ctx == C_OPTIONS)
			b->recursion = rec;
		else if (b->cur_view)
			b->cur_view->recursion = rec;
	} else if (is(&args[0], "auto-dnssec") && !is(&args[1], "off") &&
		   (ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE)) {
		/* named signs a zone of its own alone */
		if (!is(&args[1], "maintain") && !is(&args[1], "allow"))
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				"'%s' unexpected", args[1].s);
		else if (ctx != C_ZONE)
			srv_err(b->s, args[1].file, args[1].line, args[1].col,
				"auto-dnssec may only be activated at the "
				"zone level");
		else if (strlen(args[1].s) < sizeof z->autodnssec) {
			strcpy(z->autodnssec, args[1].s);
			z->autoat = (struct tok){ .file = args[1].file,
				.line = args[1].line, .col = args[1].col };
		}
	} else if (ctx == C_ZONE && is(&args[0], "notify")) {
		z->notifies = bind_boolean(&args[1]) != 0 &&
			      !is(&args[1], "explicit");
	} else if ((ctx == C_OPTIONS &&
		    is(&args[0], "managed-keys-directory")) ||
		   ((ctx == C_OPTIONS || ctx == C_VIEW) &&
		    is(&args[0], "new-zones-directory"))) {
		zl_xgrow((void **)&b->dirs, &b->capdirs, b->ndirs + 1,
			 sizeof *b->dirs);
		b->dirs[b->ndirs++] = (struct bdir){
			.opt = is(&args[0], "new-zones-directory") ?
			       "new-zones-directory" :
			       "managed-keys-directory",
			.at = { .s = zl_xstrdup(args[1].s),
				.file = args[1].file, .line = args[1].line,
				.col = args[1].col } };
	} else if (ctx == C_OPTIONS && is(&args[0], "session-keyfile")) {
		/* none unquoted, in any case; "none" is a file's name */
		b->nosession = (struct tok){ 0 };
		if (is(&args[1], "none"))
			b->nosession = (struct tok){ .file = args[0].file,
				.line = args[0].line, .col = args[0].col };
	} else if (ctx == C_OPTIONS && is(&args[0], "port")) {
		if (!bind_port(&args[1], &b->port))
			b->port = -1;
	} else if (bind_source(b, ctx, args, n)) {
		/* a source address, for its port */
	} else if (ctx == C_RPZ && is(&args[0], "zone")) {
		policy_zone(b, ctx, args, n);
	} else if (ctx == C_KEY && is(&args[0], "algorithm")) {
		key_part(&b->keys[b->nkeys - 1].alg, &args[1]);
	} else if (ctx == C_KEY && is(&args[0], "secret")) {
		key_part(&b->keys[b->nkeys - 1].secret, &args[1]);
	}
}

/* Opens the zone statement args[0..n) ("zone NAME [CLASS]"). */
static void zone_start(struct bind *b, struct tok *args, size_t n)
{
	struct pzone *z;
	char class[12];

	zl_xgrow((void **)&b->z, &b->cap, b->nz + 1, sizeof *b->z);
	z = &b->z[b->nz++];
	memset(z, 0, sizeof *z);
	z->names = -1;
	z->binary = -1;
	z->maxttl = z->maxrr = z->maxtypes = -1;
	z->inline_signing = -1;
	z->au = AU_UNSET;
	z->brace = b->lbrace;
	z->conf = args[0].file;
	z->line = args[0].line;
	z->col = args[0].col;
	if (n < 2) {
		z->skip = true;
		srv_err(b->s, args[0].file, args[0].line, args[0].col,
			"zone statement without a name");
		return;
	}
	z->conf = args[1].file;
	z->line = args[1].line;
	z->col = args[1].col;
	if (n > 3) {
		z->skip = true;
		srv_err(b->s, args[3].file, args[3].line, args[3].col,
			"'{' expected near '%s'", args[3].s);
		return;
	}
	z->origin = srv_origin(args[1].s, strlen(args[1].s));
	z->view = zl_xstrdup(b->view);
	if (b->view)
		strcpy(z->vclass, b->view_class);
	if (!z->origin) {
		z->skip = true;
		srv_err(b->s, args[1].file, args[1].line, args[1].col,
			"zone '%s': not a valid domain name", args[1].s);
	}
	/* A zone's class is its view's, IN outside views; only the
	 * Internet class holds mail data (CHAOS zones are for server
	 * identification). */
	bind_class(n >= 3 ? &args[2] : NULL, class);
	if (n < 3 && b->view)
		strcpy(class, b->view_class);
	if (n >= 3 && (!class[0] ||
		       strcmp(class, b->view ? b->view_class : "IN") != 0)) {
		z->misclassed = true;
		srv_err(b->s, args[2].file, args[2].line, args[2].col,
			!class[0] ? "invalid class '%s'" :
			"class '%s' does not match view/default class",
			args[2].s);
	}
	if (strcmp(class, "IN") != 0)
		z->skip = true;
	if (!b->view && !b->first_top_zone.file)
		b->first_top_zone = (struct tok){ .file = args[0].file,
			.line = args[0].line, .col = args[0].col };
}

/* The class t of the view b->view (none: IN): one named knows, and not
 * a meta class (RFC 6895 section 3.2: RESERVED0, NONE, ANY), with which
 * named does not start ("class must not be meta"); named-checkconf
 * refuses it only with -z. */
static void view_class(struct bind *b, const struct tok *t)
{
	const char *c = b->view_class;

	bind_class(t, b->view_class);
	if (!c[0])
		srv_err(b->s, t->file, t->line, t->col, "view '%s': invalid "
			"class '%s'", b->view, t->s);
	else if (!strcmp(c, "ANY") || !strcmp(c, "NONE") ||
		 !strcmp(c, "RESERVED0"))
		srv_err_help(b->s, "give the view the class of its zones, IN "
			     "(the default) or CHAOS", t->file, t->line,
			     t->col, "view '%s': class must not be meta",
			     b->view);
}

/* Notes the view named b->view at t; named-checkconf refuses a name
 * used twice in one class. */
static void view_seen(struct bind *b, const struct tok *t)
{
	size_t i;

	b->cur_view = NULL;
	for (i = 0; i < b->nviews; i++)
		if (strcmp(b->views[i].name, b->view) == 0 &&
		    strcmp(b->views[i].class, b->view_class) == 0) {
			srv_err(b->s, t->file, t->line, t->col, "view '%s': "
				"already exists", b->view);
			return;
		}
	zl_xgrow((void **)&b->views, &b->capviews, b->nviews + 1,
		 sizeof *b->views);
	b->views[b->nviews] = (struct bview){ .name = zl_xstrdup(b->view),
					      .names = -1, .binary = -1,
					      .maxttl = -1, .maxrr = -1,
					      .maxtypes = -1,
					      .au = AU_UNSET,
					      .recursion = -1,
					      .arec = AU_UNSET };
	strcpy(b->views[b->nviews].class, b->view_class);
	b->cur_view = &b->views[b->nviews++];
}

static enum ctx child(struct bind *b, enum ctx ctx, struct tok *args,
		      size_t n)
{
	/* a rule of update-policy is words alone */
	if (ctx == C_UPDATE) {
		if (n)
			srv_err(b->s, b->lbrace.file, b->lbrace.line,
				b->lbrace.col, "expected a word, not '{', in "
				"the rule '%s'", args[0].s);
		return C_OTHER;
	}
	/* a list in the list: an address or key is allowed */
	if (ctx == C_ACL) {
		if (b->au_to)
			*b->au_to = AU_SOME;
		return C_OTHER;
	}
	if (n == 0 || args[0].t != T_WORD)
		return C_OTHER;
	if (ctx == C_TOP && is(&args[0], "options")) {
		if (b->options)
			redefined(b, &args[0]);
		b->options = true;
		return C_OPTIONS;
	}
	if (ctx == C_TOP && is(&args[0], "logging")) {
		if (b->logging)
			redefined(b, &args[0]);
		b->logging = true;
		return C_OTHER;
	}
	if (ctx == C_TOP && is(&args[0], "view")) {
		if (n < 2 || n > 3)
			srv_err(b->s, args[n - 1].file, args[n - 1].line,
				args[n - 1].col, n < 2 ? "view without a "
				"name" : "'{' expected after '%s'",
				args[n - 1].s);
		b->view = n >= 2 ? args[1].s : "";
		view_class(b, n >= 3 ? &args[2] : NULL);
		view_seen(b, &args[n >= 2 ? 1 : 0]);
		if (!b->first_view.file)
			b->first_view = (struct tok){ .file = args[0].file,
				.line = args[0].line, .col = args[0].col };
		return C_VIEW;
	}
	if ((ctx == C_TOP || ctx == C_VIEW) && is(&args[0], "zone")) {
		zone_start(b, args, n);
		return C_ZONE;
	}
	if ((ctx == C_OPTIONS || ctx == C_VIEW) &&
	    (is(&args[0], "response-policy") ||
	     is(&args[0], "catalog-zones"))) {
		b->nblocks++;
		return is(&args[0], "response-policy") ? C_RPZ : C_CATZ;
	}
	/* read for its source options' ports and address families */
	if ((ctx == C_TOP || ctx == C_VIEW) && is(&args[0], "server")) {
		b->server = n >= 2 ? args[1].s : NULL;
		if (n >= 2 && args[1].t == T_WORD)
			bind_prefix_check(b, &args[1]);
		b->server_at = b->lbrace;
		return C_SERVER;
	}
	if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) &&
	    is(&args[0], "allow-update")) {
		b->au_to = ctx == C_ZONE ? &b->z[b->nz - 1].au :
			   ctx == C_OPTIONS ? &b->au : b->cur_view ?
			   &b->cur_view->au : NULL;
		if (b->au_to)
			*b->au_to = AU_EMPTY;
		return C_ACL;
	}
	/* read, as allow-update is, for whether it allows anything */
	if ((ctx == C_OPTIONS || ctx == C_VIEW) &&
	    is(&args[0], "allow-recursion")) {
		b->au_to = ctx == C_OPTIONS ? &b->arec : b->cur_view ?
			   &b->cur_view->arec : NULL;
		if (b->au_to)
			*b->au_to = AU_EMPTY;
		return C_ACL;
	}
	/* update-policy { RULE; ... }, or local without a block */
	if (ctx == C_ZONE && b->nz && is(&args[0], "update-policy")) {
		b->z[b->nz - 1].upolicy = true;
		b->z[b->nz - 1].upat = b->lbrace;
		if (n == 1)
			return C_UPDATE;
		srv_err(b->s, b->lbrace.file, b->lbrace.line, b->lbrace.col,
			"missing ';' before '{'");
	}

	/* a policy's max-zone-ttl is 1 day unless it says (BIND 9.18) */
	if (ctx == C_TOP && is(&args[0], "dnssec-policy") && n >= 2) {
		bind_policy_name(b, &args[1]);
		zl_xgrow((void **)&b->policies, &b->cappolicies,
			 b->npolicies + 1, sizeof *b->policies);
		b->policies[b->npolicies] = bind_policy_new(&args[0]);
		b->policies[b->npolicies++].name = zl_xstrdup(args[1].s);
		return C_POLICY;
	}
	if (ctx == C_POLICY)
		return bind_policy_child(b, args, n);
	/* a redirect zone with primaries is transferred, its file only
	 * named's copy */
	if (ctx == C_ZONE && b->nz && (is(&args[0], "primaries") ||
				       is(&args[0], "masters")))
		b->z[b->nz - 1].transferred = true;
	if ((ctx == C_TOP || ctx == C_VIEW) && is(&args[0], "key") &&
	    (ctx == C_VIEW || !b->s->key))
		return C_KEYDEF;
	if (ctx == C_TOP && is(&args[0], "key")) {
		zl_xgrow((void **)&b->keys, &b->keycap, b->nkeys + 1,
			 sizeof *b->keys);
		memset(&b->keys[b->nkeys], 0, sizeof *b->keys);
		key_part(&b->keys[b->nkeys++].name, n >= 2 ? &args[1] :
			 &(struct tok){ .s = "", .file = args[0].file,
					.line = args[0].line,
					.col = args[0].col });
		return C_KEY;
	}
	return C_OTHER;
}

/* A tls statement named t, whose block is read next. */
static void tls_statement(struct bind *b, const struct tok *t)
{
	zl_xgrow((void **)&b->tlss, &b->captlss, b->ntlss + 1,
		 sizeof *b->tlss);
	memset(&b->tlss[b->ntlss], 0, sizeof *b->tlss);
	b->tlss[b->ntlss].name = *t;
	b->tlss[b->ntlss++].name.s = zl_xstrdup(t->s);
}

/* A statement of a tls block: the files named reads (the last given). */
static void tls_file(struct bind *b, const struct tok *args, size_t n)
{
	static const char *const names[TLS_FILES] = { "key-file",
		"cert-file", "ca-file", "dhparam-file" };
	struct tok *f;
	size_t i;

	for (i = 0; n >= 2 && i < TLS_FILES; i++)
		if (is(&args[0], names[i])) {
			f = &b->tlss[b->ntlss - 1].file[i];
			free(f->s);
			*f = args[1];
			f->s = zl_xstrdup(args[1].s);
		}
}

/* A zone's block, now read: the options it took, held to its type and
 * to its signing. */
static void zone_end(struct bind *b, const struct pzone *z)
{
	bind_zone_options(b, z, bind_signs_inline(b, z));
}

/* Whether words may follow the block of the statement args[0..n) in
 * ctx, c being the block's: in a block zonelint does not read (controls'
 * "inet ... allow { } keys { }", a catalog zone's "default-primaries { }
 * in-memory no") or reads for its source options alone (a server's), and
 * after response-policy, response-padding and deny-answer-* ("{ }
 * qname-wait-recurse no", "{ } block-size 468", "{ } except-from { }");
 * elsewhere named reads a word after a block as a ';' left out. */
static bool goes_on(enum ctx ctx, enum ctx c, const struct tok *args,
		    size_t n)
{
	if (ctx == C_OTHER || ctx == C_ACL || ctx == C_SERVER ||
	    ctx == C_CATZ)
		return true;
	if ((c != C_OTHER && c != C_RPZ && c != C_ACL) || n == 0)
		return false;
	return is(&args[0], "response-policy") ||
	       is(&args[0], "response-padding") ||
	       is(&args[0], "deny-answer-addresses") ||
	       is(&args[0], "deny-answer-aliases");
}

/* The tokens of one statement up to its ';', blocks read as they come.
 * The block of a zone, view, options or key statement ends it: what
 * follows that is not its ';' is the next statement, in *pend (true),
 * after an error, as named-checkconf reads it. */
static bool statement(struct bind *b, enum ctx ctx, struct tok *first,
		      struct tok *pend)
{
	struct tok args[12], t, val = { 0 };
	size_t n = 0, i, k = 0, outer;
	const char *outer_parent;
	bool blocks = false, pending = false;
	enum ctx c;

	t = *first;
	if (t.t == T_WORD || t.t == T_STR)
		bind_placed(b, ctx, &t);
	if (ctx == C_ZONE && b->nz && !is(&t, "in-view") &&
	    !is(&t, "forward") && !is(&t, "forwarders"))
		b->z[b->nz - 1].others = true;
	for (;;) {
		/* the value's first token, where named names most options */
		if (k++ == 1)
			val = (struct tok){ .t = t.t, .file = t.file,
					    .line = t.line, .col = t.col };
		if (t.t == T_WORD || t.t == T_STR) {
			if (n < sizeof args / sizeof args[0]) {
				args[n++] = t;
			} else {
				/* a rule's type past those args holds */
				if (ctx == C_UPDATE)
					bind_update_type(b, &t);
				bind_tok_free(&t);
			}
		} else if (t.t == T_LBRACE) {
			/* a statement has a name; an address list holds
			 * nested lists */
			if (n == 0 && !blocks && ctx != C_OTHER &&
			    ctx != C_ACL &&
			    ctx != C_KEY && ctx != C_KEYDEF)
				srv_err(b->s, t.file, t.line, t.col, "syntax "
					"error near '{'");
			b->lbrace = (struct tok){ .file = t.file,
						  .line = t.line,
						  .col = t.col };
			if (!blocks)
				bind_shape(b, ctx, args, n, &t);
			c = blocks ? C_OTHER : child(b, ctx, args, n);
			outer = bind_ref_open(b, ctx, blocks, args, n);
			if (ctx == C_TOP) {
				b->controls = n && is(&args[0], "controls");
				b->in_logging = n && is(&args[0], "logging");
				b->in_tls = n >= 2 && is(&args[0], "tls");
				if (b->in_tls)
					tls_statement(b, &args[1]);
			}
			outer_parent = b->parent;
			b->parent = n && args[0].t == T_WORD ? args[0].s :
				    NULL;
			if (n && (is(&args[0], "dyndb") ||
				  is(&args[0], "plugin")))
				bind_bracketed_text(&b->lx);
			else
				block(b, c);
			b->parent = outer_parent;
			if (ctx == C_TOP)
				b->controls = b->in_tls = false;
			if (ctx == C_TOP)
				b->in_logging = false;
			bind_ref_close(b, outer);
			blocks = true;
			if (c == C_VIEW)
				b->view = NULL;
			if (c == C_SERVER)
				b->server = NULL;	/* its address is freed */
			if (c == C_ZONE)
				zone_end(b, &b->z[b->nz - 1]);
			if (c == C_POLICY)
				bind_policy_end(b);
			bind_next(&b->lx, &t);
			if (!goes_on(ctx, c, args, n) &&
			    (t.t == T_WORD || t.t == T_STR ||
			     t.t == T_LBRACE)) {
				srv_err(b->s, t.file, t.line, t.col,
					"missing ';' before '%s'",
					t.t == T_LBRACE ? "{" : t.s);
				*pend = t;
				pending = true;
				break;
			}
			continue;
		} else if (t.t == T_SEMI) {
			break;
		} else {
			/* '}' or the end: the ';' is missing; the '}' still
			 * closes the enclosing block. */
			unexpected(b, &t, "';'");
			if (t.t == T_RBRACE && ctx != C_TOP)
				srv_src_top(&b->lx.in)->p--;
			break;
		}
		bind_next(&b->lx, &t);
	}
	if (!blocks) {
		b->end.file = t.file;
		b->end.line = t.line;
		b->end.col = t.col;
		/* a statement of the tls block itself (the top is 1) */
		if (b->in_tls && b->nest == 2 && b->ntlss)
			tls_file(b, args, n);
		leaf(b, ctx, args, n);
		bind_shape(b, ctx, args, n, t.t == T_SEMI ? &t : NULL);
		bind_typed_option(b, ctx, args, n, t.t == T_SEMI);
		bind_ref_leaf(b, ctx, args, n);
	}
	/* a catalog zone's statement has blocks among its words */
	if (ctx == C_CATZ && n >= 2 && is(&args[0], "zone"))
		policy_zone(b, ctx, args, n);
	if (ctx == C_ZONE && n > 0)
		bind_zone_option(b, &args[0], &val, args, n);
	if ((ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE) && n > 0)
		bind_block_option(b, &args[0], &val);
	for (i = 0; i < n; i++)
		bind_tok_free(&args[i]);
	return pending;
}

/* include "FILE"; the file is read in its place. */
static void include(struct bind *b, struct tok *kw)
{
	struct tok name, semi;

	bind_next(&b->lx, &name);
	if (name.t != T_STR && name.t != T_WORD) {
		srv_err(b->s, name.file, name.line, name.col, "include "
			"without a file name");
		bind_tok_free(&name);
		return;
	}
	quoted(b, &name);
	bind_next(&b->lx, &semi);
	if (semi.t != T_SEMI) {
		srv_err(b->s, semi.file, semi.line, semi.col,
			"missing ';' after include");
		bind_tok_free(&semi);
		bind_tok_free(&name);
		return;
	}
	bind_push_file(&b->lx, name.s, kw);
	bind_tok_free(&name);
}

/* Statements up to the '}' that closes the block (the end of the file at
 * the top). */
static void block(struct bind *b, enum ctx ctx)
{
	struct bblock blk = { 0 }, *outer = b->blk;
	struct tok t, pend;
	bool pending = false, stray = false;

	b->blk = ctx == C_OPTIONS || ctx == C_VIEW || ctx == C_ZONE ||
		 ctx == C_SERVER ? &blk : NULL;

	if (++b->nest > ZL_SERVER_MAX_NEST) {
		bind_here(&b->lx, &t);
		srv_err(b->s, t.file, t.line, t.col, "blocks nested deeper "
			"than %d", ZL_SERVER_MAX_NEST);
		b->lx.stop = true;
	}
	for (;;) {
		if (pending)
			t = pend;
		else
			bind_next(&b->lx, &t);
		pending = false;
		if (t.t == T_EOF) {
			if (ctx != C_TOP)
				unexpected(b, &t, "'}'");
			break;
		}
		if (t.t == T_RBRACE) {
			if (ctx != C_TOP)
				break;
			srv_err(b->s, t.file, t.line, t.col, "unexpected "
				"'}'");
			stray = true;	/* its ';' is said with it */
			continue;
		}
		if (t.t == T_SEMI) {
			/* named reads a statement before every ';' */
			if (!stray)
				srv_err(b->s, t.file, t.line, t.col, "syntax "
					"error near ';': an empty statement");
			stray = false;
			continue;
		}
		stray = false;
		if (is(&t, "include")) {
			include(b, &t);
			bind_tok_free(&t);
			continue;
		}
		pending = statement(b, ctx, &t, &pend);
	}
	b->nest--;
	/* an in-view zone named does not check */
	if (b->blk && (ctx != C_ZONE || !b->nz || !b->z[b->nz - 1].in_view))
		bind_block_end(b, b->blk);
	free(blk.once);
	b->blk = outer;
}

void bind_start(struct bind *b, struct srv *s, struct srv_file *f)
{
	memset(b, 0, sizeof *b);
	b->names = -1;
	b->binary = -1;
	b->maxttl = b->maxrr = b->maxtypes = -1;
	b->port = -1;
	b->au = b->arec = AU_UNSET;
	b->recursion = -1;
	b->s = s;
	b->lx.s = s;
	srv_src_start(&b->lx.in, f);
	block(b, C_TOP);
}

void bind_end(struct bind *b)
{
	size_t i, j;

	/* Files still open after a limit stopped the reading. */
	srv_src_end(b->s, &b->lx.in);
	for (i = 0; i < b->nz; i++) {
		free(b->z[i].origin);
		free(b->z[i].file);
		free(b->z[i].view);
		free(b->z[i].type);
		free(b->z[i].policy);
		free(b->z[i].keydir);
	}
	free(b->z);
	for (i = 0; i < b->nkeys; i++) {
		free(b->keys[i].name.s);
		free(b->keys[i].alg.s);
		free(b->keys[i].secret.s);
	}
	free(b->keys);
	for (i = 0; i < b->nviews; i++) {
		free(b->views[i].name);
		free(b->views[i].policy);
		free(b->views[i].keydir);
	}
	free(b->views);
	for (i = 0; i < b->npolicies; i++)
		free(b->policies[i].name);
	free(b->policies);
	free(b->policy);
	free(b->keydir);
	for (i = 0; i < b->nrpz; i++) {
		free(b->rpz[i].name.s);
		free(b->rpz[i].view);
	}
	free(b->rpz);
	for (i = 0; i < b->ntlss; i++) {
		free(b->tlss[i].name.s);
		for (j = 0; j < TLS_FILES; j++)
			free(b->tlss[i].file[j].s);
	}
	free(b->tlss);
	for (i = 0; i < b->ndirs; i++)
		free(b->dirs[i].at.s);
	free(b->dirs);
	free(b->qsrc);
	free(b->zopts);
	free(b->lx.dir);
	bind_refs_free(b);
}

void zl_server_read_bind(struct srv *s, struct srv_file *f)
{
	struct bind b;

	bind_start(&b, s, f);
	if (!b.lx.stop) {
		bind_refs_check(&b);
		bind_finish(&b);
	}
	bind_end(&b);
}
