/* baseline.c - a baseline: the findings a repository already has, recorded
 * once by fingerprint and hidden from later runs (docs/config.md). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "impl.h"
#include "fs.h"
#include "util.h"

/* A baseline is a text file of one line per finding, tab-separated:
 * rule id, path, fingerprint, message.  Lines starting with '#' and blank
 * lines are comments.  Only the rule id and the fingerprint's hash are
 * compared: the hash covers the path and the source line already, and
 * leaving the occurrence number (":N") and the message out lets a finding
 * stay hidden when lines move or a message's wording changes. */
#define HEADER "# zonelint baseline 1\n"
#define MAX_SIZE (64u << 20)

struct ent {
	char *id;
	uint64_t h;
};

struct zl_baseline {
	struct ent *v;
	size_t n;
};

static int cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c)
		return c;
	return a->h < b->h ? -1 : a->h > b->h;
}

static bool recorded(const struct zl_diag *dg)
{
	return dg->id && !dg->suppressed && !dg->summary &&
	       dg->sev != ZL_SEV_OFF;
}

static int cmp_line(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* A field as the line shows it, escaped as every other output is
 * (\DDD): no tab or line break may end a field, and a file name's
 * terminal escapes must not reach whoever reads or diffs the file.  The
 * path and the message are only for readers: nothing parses them back. */
static char *field(const char *s)
{
	struct zl_buf b = { 0 };

	if (!s)
		s = "";
	zl_buf_add_escaped_inline(&b, s, strlen(s));
	zl_buf_add(&b, "", 0);	/* an empty field too */
	return b.s;
}

enum zl_status zl_baseline_write_impl(const struct zl_diags *d, FILE *out)
{
	char (*fp)[ZL_FP_LEN] = zl_fmt_fingerprints(d);
	char **lines = zl_xcalloc(d->n ? d->n : 1, sizeof *lines);
	size_t i, n = 0;

	for (i = 0; i < d->n; i++) {
		const struct zl_diag *dg = &d->v[i];
		char *path, *rel, *msg;

		if (!recorded(dg))
			continue;
		rel = zl_fmt_path(dg->loc.file);
		path = field(rel);
		msg = field(dg->message);
		lines[n++] = zl_xasprintf("%s\t%s\t%s\t%s\n", dg->id, path,
					  fp[i], msg);
		free(msg);
		free(path);
		free(rel);
	}
	/* Sorted, so that the file changes only where the findings do. */
	qsort(lines, n, sizeof *lines, cmp_line);
	fputs(HEADER, out);
	for (i = 0; i < n; i++) {
		fputs(lines[i], out);
		free(lines[i]);
	}
	free(lines);
	free(fp);
	return ferror(out) ? ZL_ERR_IO : ZL_OK;
}

/* Parses "0123456789abcdef:N" (the form zl_fmt_fingerprints writes). */
static bool parse_fp(const char *s, size_t len, uint64_t *h)
{
	size_t i;

	if (len < 18 || s[16] != ':')
		return false;
	*h = 0;
	for (i = 0; i < 16; i++) {
		char c = s[i];
		int v = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;

		if (v < 0)
			return false;
		*h = *h << 4 | (uint64_t)v;
	}
	for (i = 17; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* One line: "ID\tPATH\tFINGERPRINT\tMESSAGE"; false when malformed. */
static bool parse_line(const char *s, size_t len, struct ent *e)
{
	const char *f[4], *end = s + len, *p = s;
	size_t k, flen[4];

	for (k = 0; k < 4; k++) {
		const char *t = k < 3 ? memchr(p, '\t', (size_t)(end - p)) : end;

		if (!t)
			return false;
		f[k] = p;
		flen[k] = (size_t)(t - p);
		p = t + (t < end);
	}
	if (flen[0] == 0 || flen[0] > 64 || memchr(f[0], ' ', flen[0]) ||
	    !parse_fp(f[2], flen[2], &e->h))
		return false;
	e->id = zl_xstrndup(f[0], flen[0]);
	return true;
}

void zl_baseline_free(struct zl_baseline *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++)
		free(b->v[i].id);
	free(b->v);
	free(b);
}

static enum zl_status parse(const char *path, const char *s, size_t len,
			    struct zl_baseline *b, struct zl_diags *errs)
{
	const char *end = s + len, *nl;
	enum zl_status st = ZL_OK;
	uint32_t line = 0;
	size_t cap = 0;

	for (; s < end; s = nl + (nl < end)) {
		struct zl_loc loc = { (char *)path, ++line, 1, 0, 0, NULL, 0 };
		size_t n;

		nl = memchr(s, '\n', (size_t)(end - s));
		nl = nl ? nl : end;
		n = (size_t)(nl - s);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		zl_xgrow((void **)&b->v, &cap, b->n + 1, sizeof *b->v);
		if (memchr(s, '\0', n) || !parse_line(s, n, &b->v[b->n])) {
			zl_diags_add(errs, NULL, ZL_SEV_ERROR, &loc,
				     "malformed baseline entry: expected "
				     "rule id, path, fingerprint and message "
				     "separated by tabs");
			st = ZL_ERR_CONFIG;
			continue;
		}
		b->n++;
	}
	return st;
}

enum zl_status zl_baseline_load_buffer_impl(const char *name,
					    const char *buf, size_t len,
					    struct zl_baseline **out,
					    struct zl_diags *errs)
{
	struct zl_baseline *b = zl_xcalloc(1, sizeof *b);
	enum zl_status st = parse(name, buf, len, b, errs);

	*out = NULL;
	if (st != ZL_OK) {
		zl_baseline_free(b);
		return st;
	}
	qsort(b->v, b->n, sizeof *b->v, cmp_ent);
	*out = b;
	return ZL_OK;
}

enum zl_status zl_baseline_load_impl(const char *root, const char *path,
				   const char *name, struct zl_baseline **out,
				   struct zl_diags *errs)
{
	struct zl_read rd = { root, path, NULL, 0, MAX_SIZE };
	char *shown = name ? zl_xstrdup(name) : root ?
		      zl_path_join(root, path) : zl_xstrdup(path);
	enum zl_status st;
	struct zl_file f;

	*out = NULL;
	st = zl_fs_load(&rd, "baseline", shown, &f, errs);
	if (st == ZL_OK)
		st = zl_baseline_load_buffer_impl(shown, f.data, f.len, out,
						  errs);
	free(f.data);
	free(f.id);
	free(shown);
	return st;
}

void zl_baseline_merge_impl(struct zl_baseline **dst,
			    const struct zl_baseline *src)
{
	struct zl_baseline *b;
	size_t i;

	if (!src || src->n == 0)
		return;
	if (!*dst)
		*dst = zl_xcalloc(1, sizeof **dst);
	b = *dst;
	b->v = zl_xrealloc(b->v, (b->n + src->n) * sizeof *b->v);
	for (i = 0; i < src->n; i++) {
		b->v[b->n + i].id = zl_xstrdup(src->v[i].id);
		b->v[b->n + i].h = src->v[i].h;
	}
	b->n += src->n;
	qsort(b->v, b->n, sizeof *b->v, cmp_ent);
}

/* The entry for key not used yet: entries are sorted, and the used ones of
 * a run of equal keys come first (used[] counts them per first index). */
static struct ent *find(const struct zl_baseline *b, const struct ent *key,
			size_t *first)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_ent(&b->v[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	return lo < b->n && cmp_ent(&b->v[lo], key) == 0 ? &b->v[lo] : NULL;
}

enum zl_status zl_baseline_apply_impl(const struct zl_baseline *b,
				      struct zl_diags *d, size_t *hidden,
				      size_t *stale)
{
	char (*fp)[ZL_FP_LEN];
	size_t *used, i, first, matched = 0;
	bool *drop;

	*hidden = 0;
	*stale = b ? b->n : 0;
	if (!b || d->n == 0)
		return ZL_OK;
	/* Fingerprints over the whole list, as the reports compute them. */
	fp = zl_fmt_fingerprints(d);
	used = zl_xcalloc(b->n ? b->n : 1, sizeof *used);
	drop = zl_xcalloc(d->n, sizeof *drop);
	for (i = 0; i < d->n; i++) {
		struct ent key = { d->v[i].id, 0 };
		struct ent *e;
		size_t run;

		if (!recorded(&d->v[i]) || !parse_fp(fp[i], strlen(fp[i]),
						     &key.h))
			continue;
		if (!(e = find(b, &key, &first)))
			continue;
		/* Each entry hides one finding: no more are hidden than
		 * the baseline recorded. */
		for (run = 0; first + run < b->n &&
		     cmp_ent(&b->v[first + run], &key) == 0; run++)
			;
		if (used[first] >= run)
			continue;
		used[first]++;
		matched++;
		*hidden += d->v[i].count;
		drop[i] = true;
	}
	*stale = b->n - matched;
	zl_diags_remove(d, 0, drop);
	free(drop);
	free(used);
	free(fp);
	return ZL_OK;
}
