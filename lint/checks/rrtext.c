/* rrtext.c - RRsets as sorted canonical text, for comparing two versions
 * of a zone. */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "rrtext.h"
#include "txt.h"

/* Whether s starts with tag=value (the tag in any case), then ';', space
 * or the end: the version tags receivers look for first. */
static bool starts(const char *s, size_t len, const char *tag)
{
	size_t n = strlen(tag);

	return len >= n && strncasecmp(s, tag, n) == 0 &&
	       (len == n || s[n] == ';' || s[n] == ' ' || s[n] == '\t');
}

bool zl_rrtext_is_spf(const char *s, size_t len)
{
	return starts(s, len, "v=spf1");
}

bool zl_rrtext_is_dmarc(const char *s, size_t len)
{
	return starts(s, len, "v=DMARC1");
}

bool zl_rrtext_is_sts(const char *s, size_t len)
{
	return starts(s, len, "v=STSv1");
}

bool zl_rrtext_is_tlsrpt(const char *s, size_t len)
{
	return starts(s, len, "v=TLSRPTv1");
}

/* One rdata field in presentation form. */
static void add_rdf(struct zl_buf *b, const struct zl_rdf *f)
{
	const uint8_t *d = zl_rdf_data(f);
	char addr[INET6_ADDRSTRLEN];
	uint16_t i;

	if (zl_rdf_name(f)) {
		zl_buf_add_escaped(b, f->v.dname->text, f->v.dname->len);
		return;
	}
	if ((f->type == LDNS_RDF_TYPE_A && f->len == 4) ||
	    (f->type == LDNS_RDF_TYPE_AAAA && f->len == 16)) {
		inet_ntop(f->len == 4 ? AF_INET : AF_INET6, d, addr,
			  sizeof addr);
		zl_buf_add(b, addr, strlen(addr));
	} else if (f->type == LDNS_RDF_TYPE_INT16 && f->len == 2)
		zl_buf_addf(b, "%u", (unsigned)zl_rdf_u16(f));
	else if (f->type == LDNS_RDF_TYPE_INT32 && f->len == 4)
		zl_buf_addf(b, "%lu", (unsigned long)zl_be32(d));
	else if (f->len == 1 && f->type != LDNS_RDF_TYPE_HEX)
		zl_buf_addf(b, "%u", (unsigned)d[0]);
	else
		for (i = 0; i < f->len; i++)
			zl_buf_addf(b, "%02x", (unsigned)d[i]);
}

/* rr's rdata as text (struct zl_rrtexts). */
static char *rdata_text(const struct zl_zone *z, const struct zl_rr *rr,
			zl_rrtext_keep *keep)
{
	struct zl_buf b = { 0 };
	struct zl_txt t;
	uint16_t i;

	if (rr->type == LDNS_RR_TYPE_TXT || rr->type == LDNS_RR_TYPE_SPF) {
		/* Their strings are read from the source (zl_rdf.data). */
		zl_txt_from_rr(&t, z, rr);
		if (keep && !keep(t.s, t.len)) {
			zl_txt_free(&t);
			return NULL;
		}
		zl_buf_add_escaped(&b, t.s, t.len);
		zl_txt_free(&t);
	} else if (!rr->nrdf) {
		struct zl_tok tk;

		for (i = 0; i < rr->ntok; i++) {
			if (i)
				zl_buf_addc(&b, ' ');
			tk = zl_rr_tok(z, rr, i);
			zl_buf_add_escaped(&b, zl_tok_text(z, rr->src, tk),
					   tk.len);
		}
	} else
		for (i = 0; i < rr->nrdf; i++) {
			if (i)
				zl_buf_addc(&b, ' ');
			add_rdf(&b, &rr->rdf[i]);
		}
	zl_buf_addc(&b, '\0');
	return b.s;
}

static int cmp_text(const void *a, const void *b)
{
	return strcmp(((const struct zl_rrtext *)a)->text,
		      ((const struct zl_rrtext *)b)->text);
}

/* By text, then in file order: of equal texts the first record is kept. */
static int cmp_text_rr(const void *a, const void *b)
{
	const struct zl_rrtext *x = a, *y = b;
	int c = cmp_text(a, b);

	if (c)
		return c;
	return x->rr < y->rr ? -1 : x->rr > y->rr;
}

void zl_rrtexts_at(struct zl_rrtexts *out, const struct zl_zone *z,
		   const char *name, uint16_t type, zl_rrtext_keep *keep)
{
	const struct zl_name *n = z ? zl_zone_lookup(z, name) : NULL;
	const struct zl_rrset *set = n ? zl_name_rrset(n, type) : NULL;
	const struct zl_rr *rr;
	size_t i, k = 0;
	char *text;

	memset(out, 0, sizeof *out);
	if (!set)
		return;
	out->v = zl_xcalloc(set->count, sizeof *out->v);
	for (rr = &z->rrs[set->first]; rr; rr = zl_next_rr(z, rr)) {
		if (!(text = rdata_text(z, rr, keep)))
			continue;
		out->v[out->n++] = (struct zl_rrtext){ text, rr->ttl, rr };
		if (!out->first)
			out->first = rr;
		if (rr->ttl > out->ttl)
			out->ttl = rr->ttl;
	}
	qsort(out->v, out->n, sizeof *out->v, cmp_text_rr);
	for (i = 0; i < out->n; i++) {
		if (k && strcmp(out->v[k - 1].text, out->v[i].text) == 0) {
			free(out->v[i].text);
			continue;
		}
		out->v[k++] = out->v[i];
	}
	out->n = k;
}

bool zl_rrtexts_equal(const struct zl_rrtexts *a, const struct zl_rrtexts *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].text, b->v[i].text) != 0)
			return false;
	return true;
}

bool zl_rrtexts_has(const struct zl_rrtexts *a, const char *text)
{
	struct zl_rrtext key = { .text = (char *)text };

	return a->n && bsearch(&key, a->v, a->n, sizeof *a->v, cmp_text);
}

void zl_rrtexts_free(struct zl_rrtexts *a)
{
	size_t i;

	for (i = 0; a && i < a->n; i++)
		free(a->v[i].text);
	if (a) {
		free(a->v);
		memset(a, 0, sizeof *a);
	}
}

const struct zl_rr *zl_rrtext_anchor(const struct zl_zone *z,
				     const char *name)
{
	const struct zl_name *n = zl_zone_lookup(z, name);
	const struct zl_rr *soa;

	if (n && zl_name_sets(n))
		return &z->rrs[zl_name_sets(n)->first];
	if ((soa = zl_first_rr(z, z->origin, LDNS_RR_TYPE_SOA)))
		return soa;
	return z->nrrs ? &z->rrs[0] : NULL;
}

char *zl_rrtext_line(const struct zl_zone *z, const struct zl_rr *rr,
		     size_t max)
{
	char *text = rdata_text(z, rr, NULL);
	size_t len = strlen(text);
	const char *q = rr->type == LDNS_RR_TYPE_TXT ||
			rr->type == LDNS_RR_TYPE_SPF ? "\"" : "";
	char *line;

	/* Cut where no \DDD escape or UTF-8 character is split. */
	if (len > max) {
		size_t k;

		len = zl_utf8_head(text, len, max);
		for (k = 1; k <= 3 && k <= len; k++)
			if (text[len - k] == '\\') {
				len -= k;
				break;
			}
	}
	line = zl_xasprintf("%s %lu %s %s%.*s%s%s", rr->owner->text,
			    (unsigned long)rr->ttl, zl_type_str(rr->type), q,
			    (int)len, text, len < strlen(text) ? "..." : "", q);
	free(text);
	return line;
}
