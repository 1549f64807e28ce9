/* fuzz_zone.c - libFuzzer harness: a whole zone file and its $INCLUDEs (memfs.h) through the loader alone, with the model's invariants checked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memfs.h"
#include "zone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every span must lie inside its source: checks print carets under it. */
static void tok_ok(const struct zl_zone *z, uint16_t src, struct zl_tok t)
{
	if (src >= z->nsrcs || t.off > z->srcs[src]->len ||
	    t.len > z->srcs[src]->len - t.off)
		abort();
}

static void loc_ok(const struct zl_zone *z, uint16_t src, struct zl_tok t)
{
	struct zl_loc loc = zl_zone_loc(z, src, t);
	const struct zl_src *s;
	size_t j;

	tok_ok(z, src, t);
	/* The text of a $GENERATE is shown at its directive: every
	 * template part lies in the directive's source. */
	s = z->srcs[src];
	if (s->gen_parts) {
		if (s->gen_src >= z->nsrcs || s->gen_count == 0)
			abort();
		for (j = 0; j < s->gen_nparts; j++)
			tok_ok(z, s->gen_src, s->gen_parts[j]);
		s = z->srcs[s->gen_src];
	}
	if (loc.line == 0 || loc.col == 0 || loc.line > s->nlines)
		abort();
	if (loc.text && (loc.text < s->buf ||
			 loc.text + loc.text_len > s->buf + s->len))
		abort();
}

static void rr_ok(const struct zl_zone *z, const struct zl_rr *rr)
{
	size_t nt = rr->flags & ZL_RR_WIDE ? z->nwtoks : z->ntoks;
	unsigned i;

	loc_ok(z, rr->src, rr->text);
	for (i = ZL_HDR_OWNER; i <= ZL_HDR_TYPE; i++)
		tok_ok(z, rr->src, zl_rr_hdr(z, rr, (enum zl_hdr)i));
	if ((size_t)rr->tok + rr->ntok > nt || !rr->owner)
		abort();
	for (i = 0; i < rr->ntok; i++)
		tok_ok(z, rr->src, zl_rr_tok(z, rr, i));
	for (i = 0; i < rr->nrdf; i++)
		if ((size_t)rr->tok + rr->rdf[i].tok + rr->rdf[i].ntok > nt)
			abort();
	/* The index finds every owner again, by its canonical text. */
	if (zl_zone_lookup(z, rr->owner->text) != rr->owner ||
	    !zl_name_rrset(rr->owner, rr->type))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memfs m;
	struct zl_provider p = { memfs_read, &m };
	struct zl_load_opts lo = { .display = "example.com.zone",
				   .provider = &p };
	struct zl_zone *z = NULL;
	char *err = NULL;
	size_t i;

	memfs_cut(&m, data, size);
	if (zl_zone_load_buffer("example.com.zone", m.zone, m.zonelen, &lo, &z,
				&err) != ZL_OK) {
		if (!err)	/* every failure comes with a message */
			abort();
		free(err);
		memfs_free(&m);
		return 0;
	}
	memfs_free(&m);
	if (!z->origin || zl_zone_record_count(z) != z->nrrs)
		abort();
	for (i = 0; i < z->nrrs; i++)
		rr_ok(z, &z->rrs[i]);
	for (i = 0; i < z->nprobs; i++) {
		loc_ok(z, z->probs[i].src, z->probs[i].at);
		if (!z->probs[i].message || !z->probs[i].category ||
		    strchr(z->probs[i].message, '\033'))
			abort();
	}
	zl_zone_free(z);
	return 0;
}
