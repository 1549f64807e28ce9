/* server_knot_catalog.c - the member zones of a catalog zone that knotd
 * interprets (knot.conf's catalog-role: interpret; RFC 9432), read from the
 * catalog zone's file as knotd 3.2 reads them. */
#include <stdlib.h>
#include <string.h>

#include "impl.h"
#include "server_knot.h"
#include "txt.h"
#include "zone.h"

#define TYPE_PTR 12
#define TYPE_TXT 16

/* The text of rr's one character-string, malloc'd, and in *nul whether
 * it holds a NUL byte (knotd takes it, and it then equals no word of the
 * configuration); NULL when rr holds none or more than one. */
static char *one_string(const struct zl_zone *z, const struct zl_rr *rr,
			bool *nul)
{
	struct zl_txt t;
	char *s = NULL;

	zl_txt_from_rr(&t, z, rr);
	if (t.nparts == 1) {
		s = zl_xstrdup(t.s);
		*nul = strlen(t.s) != t.len;
	}
	zl_txt_free(&t);
	return s;
}

/* Whether one TXT record at version.<catalog> holds the one string "2",
 * the only version knotd 3.2 interprets (RFC 9432 §4.2.1). */
static bool version_2(const struct zl_zone *z, const char *origin)
{
	const struct zl_name *n = zl_zone_lookup2(z, "version.", origin);
	const struct zl_rrset *set = n ? zl_name_rrset(n, TYPE_TXT) : NULL;
	uint32_t i;
	bool ok = false;

	for (i = set ? set->first : ZL_NONE; i != ZL_NONE && !ok;
	     i = z->rrs[i].next) {
		bool nul;
		char *s = one_string(z, &z->rrs[i], &nul);

		ok = s && !nul && strcmp(s, "2") == 0;
		free(s);
	}
	return ok;
}

/* Reports rr, a record at the member node n of the catalog zone origin
 * over which knotd refuses to interpret the catalog (what: the record
 * "has", "holds" ...), at the record; returns false. */
static bool refused(struct srv *s, const struct zl_zone *z,
		    const struct zl_rr *rr, const struct zl_name *n,
		    const char *origin, const char *what, const char *help)
{
	struct zl_loc at = zl_zone_loc(z, rr->src, rr->text);

	return srv_err_help(s, help, at.file, at.line, at.col, "'%s' %s, so "
			    "knotd does not interpret the catalog zone '%s' "
			    "and adds none of its members", n->text, what,
			    origin);
}

/* The member of the catalog origin at the member node n (<id>.zones.
 * <catalog>): its zone name and the group its group TXT record names,
 * in *m (malloc'd; no name when the PTR record holds none); false
 * when knotd refuses the catalog over the node's records (reported),
 * and *m holds nothing. */
static bool member(struct srv *s, const struct zl_zone *z,
		   const struct zl_name *n, const char *origin,
		   struct knot_member *m)
{
	const struct zl_rrset *ptr = zl_name_rrset(n, TYPE_PTR), *grp;
	const struct zl_name *g = zl_zone_lookup2(z, "group.", n->text);
	const struct zl_rr *rr;
	const struct zl_name *target;
	bool nul;

	m->origin = m->group = NULL;
	rr = &z->rrs[ptr->first];
	if (ptr->count > 1)
		return refused(s, z, &z->rrs[rr->next], n, origin, "has more "
			       "than one PTR record", "keep one PTR record, "
			       "naming one zone, at each member node (RFC "
			       "9432 §4.2)");
	target = rr->nrdf == 1 ? zl_rdf_name(&rr->rdf[0]) : NULL;
	grp = g ? zl_name_rrset(g, TYPE_TXT) : NULL;
	if (grp) {
		rr = &z->rrs[grp->first];
		if (grp->count > 1)
			return refused(s, z, &z->rrs[rr->next], g, origin,
				       "has more than one TXT record", "keep "
				       "one group record per member (RFC 9432 "
				       "§4.4.2)");
		if (!(m->group = one_string(z, rr, &nul)))
			return refused(s, z, rr, g, origin, "holds other than "
				       "one string", "write the group's name "
				       "as one string (RFC 9432 §4.4.2)");
		if (nul)
			m->group[0] = '\0';	/* no template's id */
	}
	/* none where the zone's own lint says why the record is bad */
	m->origin = target ? zl_xstrdup(target->text) : NULL;
	return true;
}

size_t srv_knot_catalog(struct srv *s, const char *origin, const char *path,
			const char *file, uint32_t line, uint32_t col,
			struct knot_member **out)
{
	struct zl_load_opts lo = { .origin = origin,
				   .include_root = s->root,
				   .allow_include = s->allow,
				   .nallow_include = s->nallow,
				   .include_exact = true,
				   .provider = s->provider };
	struct zl_zone *z = NULL;
	struct zl_name_iter it = { 0 };
	struct zl_name *n;
	struct knot_member *v = NULL;
	size_t nv = 0, cap = 0, i;
	struct srv_set seen = { 0 };
	char *zones, *err = NULL;
	bool ok = true;

	*out = NULL;
	/* A file that cannot be read or loaded: the zone's own lint says
	 * why, as it does for every record knotd refuses. */
	if (zl_zone_load_file_impl(path, &lo, &z, &err) != ZL_OK) {
		free(err);
		return 0;
	}
	free(err);
	zones = zl_xasprintf("zones.%s", strcmp(origin, ".") ? origin : "");
	while (ok && (n = zl_zone_name_next(z, &it)) != NULL) {
		const char *parent = zl_name_parent(n->text);
		struct knot_member m;

		/* only a PTR record right below zones. names a member;
		 * knotd reads no other (a deeper one is a property) */
		if (!parent || strcmp(parent, zones) != 0 ||
		    !zl_name_rrset(n, TYPE_PTR))
			continue;
		if (!(ok = member(s, z, n, origin, &m)) || !m.origin) {
			free(m.group);
			continue;
		}
		/* a zone two member nodes name is added once (knotd logs
		 * "duplicate addition") */
		if (srv_set_add(&seen, m.origin, nv)) {
			free(m.origin);
			free(m.group);
			continue;
		}
		zl_xgrow((void **)&v, &cap, nv + 1, sizeof *v);
		v[nv++] = m;
	}
	if (ok && !version_2(z, origin)) {
		srv_err_help(s, "add the record 'version TXT \"2\"' at the "
			     "catalog zone's apex (RFC 9432 §4.3.1)", file,
			     line, col, "'version.%s' has no TXT record \"2\", "
			     "so knotd does not interpret the catalog zone "
			     "'%s' and adds none of its members",
			     strcmp(origin, ".") ? origin : "", origin);
		ok = false;
	}
	if (!ok) {
		for (i = 0; i < nv; i++) {
			free(v[i].origin);
			free(v[i].group);
		}
		free(v);
		v = NULL;
		nv = 0;
	}
	srv_set_free(&seen);
	free(zones);
	zl_zone_free(z);
	*out = v;
	return nv;
}
