/* fmt_sarif.c - SARIF 2.1.0 output, and the path and fingerprint helpers
 * the other CI formats share. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "util.h"

/* The schema GitHub code scanning and the SARIF tools resolve. */
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FP_KEY "zonelint/v1"

/* ---- shared helpers ---- */

/* Drops "." segments and empty segments ("a//b", "./a", "a/./b"). */
static void tidy_path(struct zl_buf *b, const char *p)
{
	size_t len;

	if (*p == '/')
		zl_buf_addc(b, '/');
	while (*p) {
		while (*p == '/')
			p++;
		len = strcspn(p, "/");
		if (len == 0)
			break;
		if (!(len == 1 && p[0] == '.')) {
			if (b->len > 0 && b->s[b->len - 1] != '/')
				zl_buf_addc(b, '/');
			zl_buf_add(b, p, len);
		}
		p += len;
	}
	if (b->len == 0)
		zl_buf_addc(b, '.');
}

char *zl_fmt_path(const char *file)
{
	char cwd[PATH_MAX];
	struct zl_buf b = { 0 };
	size_t n;

	if (!file)
		return NULL;
	/* CI systems resolve report paths against the checkout, which is the
	 * directory zonelint runs in; an absolute path inside it is made
	 * relative so that annotations land on the file. */
	if (file[0] == '/' && getcwd(cwd, sizeof cwd) != NULL &&
	    (n = strlen(cwd)) > 1 && strncmp(file, cwd, n) == 0 &&
	    file[n] == '/')
		file += n + 1;
	tidy_path(&b, file);
	return b.s;
}

/* FNV-1a, 64 bits: small, and stable across platforms and releases. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Hashes the source line with blanks collapsed and ASCII folded to lower
 * case (DNS names compare case-insensitively), so that re-indenting a
 * record or changing the case of a name keeps its fingerprint. */
static uint64_t hash_line(uint64_t h, const char *s, size_t n)
{
	bool blank = false, any = false;
	size_t i;
	char c;

	for (i = 0; i < n; i++) {
		c = s[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			blank = any;
			continue;
		}
		if (blank)
			h = fnv(h, " ", 1);
		blank = false;
		any = true;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		h = fnv(h, &c, 1);
	}
	return h;
}

static uint64_t diag_hash(const struct zl_diag *dg)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char *path = zl_fmt_path(dg->loc.file);

	h = fnv(h, dg->id ? dg->id : "", strlen(dg->id ? dg->id : "") + 1);
	h = fnv(h, path ? path : "", strlen(path ? path : "") + 1);
	/* Without the source line, the message stands for the finding. */
	if (dg->loc.text)
		h = hash_line(h, dg->loc.text, dg->loc.text_len);
	else
		h = fnv(h, dg->message, strlen(dg->message));
	free(path);
	return h;
}

struct fp_ent {
	uint64_t h;
	size_t i;
};

static int cmp_fp(const void *pa, const void *pb)
{
	const struct fp_ent *a = pa, *b = pb;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

char (*zl_fmt_fingerprints(const struct zl_diags *d))[ZL_FP_LEN]
{
	char (*fp)[ZL_FP_LEN] = zl_xcalloc(d->n ? d->n : 1, sizeof *fp);
	struct fp_ent *e = zl_xcalloc(d->n ? d->n : 1, sizeof *e);
	size_t i, occ = 0;

	for (i = 0; i < d->n; i++) {
		e[i].h = diag_hash(&d->v[i]);
		e[i].i = i;
	}
	/* Equal hashes (the same rule on two identical lines) are told apart
	 * by their order in the file, which the sorted list makes stable;
	 * counting over all diagnostics, suppressed or not, keeps the numbers
	 * independent of --show-suppressed. */
	qsort(e, d->n, sizeof *e, cmp_fp);
	for (i = 0; i < d->n; i++) {
		occ = (i > 0 && e[i].h == e[i - 1].h) ? occ + 1 : 1;
		snprintf(fp[e[i].i], ZL_FP_LEN, "%016llx:%zu",
			 (unsigned long long)e[i].h, occ);
	}
	free(e);
	return fp;
}

/* ---- SARIF ---- */

static const char *level(enum zl_severity sev)
{
	switch (sev) {
	case ZL_SEV_ERROR:
		return "error";
	case ZL_SEV_WARNING:
		return "warning";
	case ZL_SEV_NOTE:
		return "note";
	default:
		return "none";
	}
}

static void put_key(FILE *out, const char *key, const char *s)
{
	fprintf(out, "\"%s\":", key);
	zl_fmt_json_str(out, s);
}

static void put_text(FILE *out, const char *key, const char *s)
{
	fprintf(out, "\"%s\":{\"text\":", key);
	zl_fmt_json_str(out, s);
	fputc('}', out);
}

/* An artifact URI (RFC 3986): the relative path with every byte outside
 * the unreserved set and "/" percent-encoded, so that spaces, "%", ":" and
 * non-ASCII names survive; an absolute path becomes a file: URI. */
static void put_uri(FILE *out, const char *file)
{
	char *path = zl_fmt_path(file);
	const unsigned char *u = (const unsigned char *)path;
	size_t i;

	fputs("\"artifactLocation\":{\"uri\":\"", out);
	if (u[0] == '/')
		fputs("file://", out);
	for (i = 0; u[i]; i++) {
		if ((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= 'A' && u[i] <= 'Z') ||
		    (u[i] >= '0' && u[i] <= '9') || strchr("-._~/", u[i]))
			fputc(u[i], out);
		else
			fprintf(out, "%%%02X", u[i]);
	}
	fputc('"', out);
	if (u[0] != '/')
		fputs(",\"uriBaseId\":\"%SRCROOT%\"", out);
	fputc('}', out);
	free(path);
}

/* SARIF columns count characters, not bytes: converts the byte column col
 * on the line text to Unicode code points (run.columnKind).  A byte that is
 * not UTF-8 counts as one character, as the text output shows it as one.
 * 0 when the text up to col is not at hand (a long line is kept cut:
 * docs/limits.md), and the column is then left out. */
static uint32_t cp_col(const struct zl_loc *loc, uint32_t col)
{
	size_t i = 0, k, end = (size_t)col - 1;
	uint32_t cp = 1;

	if (!loc->text || end > loc->text_len)
		return 0;
	while (i < end) {
		k = zl_utf8_len(loc->text + i, loc->text_len - i);
		i += k ? k : 1;
		cp++;
	}
	return cp;
}

static void put_region(FILE *out, const char *key, const struct zl_loc *loc)
{
	uint32_t end_line = loc->end_line ? loc->end_line : loc->line;
	uint32_t col = loc->col ? cp_col(loc, loc->col) : 0, end = 0;

	fprintf(out, "\"%s\":{\"startLine\":%u", key, (unsigned)loc->line);
	if (col)
		fprintf(out, ",\"startColumn\":%u", (unsigned)col);
	fprintf(out, ",\"endLine\":%u", (unsigned)end_line);
	/* The end column can only be converted on the first line, the one
	 * whose text is at hand; on a later line it is given as it is. */
	if (col && loc->end_col > loc->col && end_line == loc->line)
		end = cp_col(loc, loc->end_col);
	else if (loc->end_col && end_line != loc->line)
		end = loc->end_col;
	if (end)
		fprintf(out, ",\"endColumn\":%u", (unsigned)end);
	fputc('}', out);
}

static void put_physical(FILE *out, const struct zl_loc *loc)
{
	fputs("\"physicalLocation\":{", out);
	put_uri(out, loc->file);
	if (loc->line) {
		fputc(',', out);
		put_region(out, "region", loc);
	}
	fputc('}', out);
}

/* The rule's long text, with the YAML block's line breaks inside
 * paragraphs joined and the final line end dropped. */
static void add_unwrapped(struct zl_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s != '\n')
			zl_buf_addc(b, *s);
		else if (s[1] == '\n') {
			zl_buf_add(b, "\n\n", 2);
			s++;
		} else if (s[1] != '\0')
			zl_buf_addc(b, ' ');
	}
}

static void put_rule(FILE *out, const struct zl_rule_info *ri)
{
	struct zl_buf full = { 0 }, help = { 0 };
	size_t i;

	add_unwrapped(&full, ri->description && *ri->description
			     ? ri->description : ri->summary);
	zl_buf_add(&help, full.s, full.len);
	/* A help template naming values of one finding ("{target}") is
	 * left out here: each result's message carries it filled in. */
	if (ri->help && *ri->help && !strchr(ri->help, '{'))
		zl_buf_addf(&help, "\n\nFix: %s", ri->help);
	for (i = 0; i < ri->nreferences; i++)
		zl_buf_addf(&help, "%s%s", i ? "; " : "\n\nReferences: ",
			    ri->references[i]);
	zl_buf_addf(&help, "\n\nTo accept one finding, end the record's line "
		    "with '; zonelint: disable=%s -- reason'.", ri->id);
	fputc('{', out);
	put_key(out, "id", ri->id);
	fputc(',', out);
	put_key(out, "name", ri->name);
	fputc(',', out);
	put_text(out, "shortDescription", ri->summary);
	fputc(',', out);
	put_text(out, "fullDescription", full.s);
	fputc(',', out);
	put_text(out, "help", help.s);
	/* A rule turned off is still described, so that the ruleIndex of
	 * every other rule does not depend on the selection. */
	if (ri->severity == ZL_SEV_OFF)
		fprintf(out, ",\"defaultConfiguration\":{\"enabled\":false,"
			"\"level\":\"%s\"}}", level(ri->default_severity));
	else
		fprintf(out, ",\"defaultConfiguration\":{\"level\":\"%s\"}}",
			level(ri->severity));
	zl_buf_free(&full);
	zl_buf_free(&help);
}

/* Index of id among the rule set's rules (sorted by id), or -1. */
static long rule_index(const struct zl_ruleset *rs, const char *id)
{
	struct zl_rule_info ri;
	size_t lo = 0, hi = rs ? zl_ruleset_count(rs) : 0, mid;
	int c;

	while (id && lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (!zl_ruleset_info(rs, mid, &ri))
			break;
		if ((c = strcmp(id, ri.id)) == 0)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Without a rule set, the ids that occur in the findings, each once. */
static void put_bare_rules(FILE *out, const struct zl_diags *d)
{
	size_t i, j, shown = 0;

	for (i = 0; i < d->n; i++) {
		if (!d->v[i].id)
			continue;
		for (j = 0; j < i && !(d->v[j].id &&
				       strcmp(d->v[j].id, d->v[i].id) == 0); j++)
			;
		if (j < i)
			continue;
		fputs(shown++ ? ",\n{" : "\n{", out);
		put_key(out, "id", d->v[i].id);
		if (d->v[i].name) {
			fputc(',', out);
			put_key(out, "name", d->v[i].name);
		}
		fputc('}', out);
	}
	if (shown)
		fputc('\n', out);
}

static void put_rules(FILE *out, const struct zl_diags *d,
		      const struct zl_ruleset *rs)
{
	struct zl_rule_info ri;
	size_t i;

	fputs("\"rules\":[", out);
	if (!rs)
		put_bare_rules(out, d);
	for (i = 0; rs && zl_ruleset_info(rs, i, &ri); i++) {
		fputs("\n", out);
		put_rule(out, &ri);
		if (i + 1 < zl_ruleset_count(rs))
			fputc(',', out);
	}
	if (rs && zl_ruleset_count(rs) > 0)
		fputc('\n', out);
	fputc(']', out);
}

static void put_related(FILE *out, const struct zl_diag *dg)
{
	size_t i;

	if (dg->nnotes == 0)
		return;
	fputs(",\"relatedLocations\":[", out);
	for (i = 0; i < dg->nnotes; i++) {
		fprintf(out, "%s{\"id\":%zu,", i ? "," : "", i + 1);
		if (dg->notes[i].loc.file) {
			put_physical(out, &dg->notes[i].loc);
			fputc(',', out);
		}
		put_text(out, "message", dg->notes[i].message);
		fputc('}', out);
	}
	fputc(']', out);
}

/* The fix-it as a SARIF fix: replace the span with the text. */
static void put_fix(FILE *out, const struct zl_diag *dg)
{
	char *what;

	if (!dg->fixit || !dg->loc.file || !dg->loc.line)
		return;
	what = zl_xasprintf("replace with '%s'", dg->fixit);
	fputs(",\"fixes\":[{", out);
	put_text(out, "description", what);
	fputs(",\"artifactChanges\":[{", out);
	put_uri(out, dg->loc.file);
	fputs(",\"replacements\":[{", out);
	put_region(out, "deletedRegion", &dg->loc);
	fputc(',', out);
	put_text(out, "insertedContent", dg->fixit);
	fputs("}]}]}]", out);
	free(what);
}

static void put_message(FILE *out, const struct zl_diag *dg)
{
	char *s;

	if (!dg->help) {
		put_text(out, "message", dg->message);
		return;
	}
	s = zl_xasprintf("%s\nhelp: %s", dg->message, dg->help);
	put_text(out, "message", s);
	free(s);
}

static void put_result(FILE *out, const struct zl_diag *dg,
		       const struct zl_ruleset *rs, const char *fp)
{
	long idx = rule_index(rs, dg->id);

	fputc('{', out);
	if (dg->id) {
		put_key(out, "ruleId", dg->id);
		if (idx >= 0)
			fprintf(out, ",\"ruleIndex\":%ld", idx);
		fputc(',', out);
	}
	fprintf(out, "\"level\":\"%s\",", level(dg->sev));
	put_message(out, dg);
	if (dg->loc.file) {
		fputs(",\"locations\":[{", out);
		put_physical(out, &dg->loc);
		fputs("}]", out);
	}
	put_related(out, dg);
	fputs(",\"partialFingerprints\":{\"" FP_KEY "\":", out);
	zl_fmt_json_str(out, fp);
	fputc('}', out);
	put_fix(out, dg);
	/* SARIF §3.27.23: a result with a suppression is reported but does
	 * not count; inSource is a comment in the zone file. */
	if (dg->suppressed)
		fputs(",\"suppressions\":[{\"kind\":\"inSource\"}]", out);
	fputc('}', out);
}

void zl_fmt_sarif(const struct zl_diags *d, const struct zl_format_opts *opts,
		  FILE *out)
{
	char (*fp)[ZL_FP_LEN] = zl_fmt_fingerprints(d);
	size_t i, shown = 0;

	fputs("{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\","
	      "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"zonelint\","
	      "\"version\":\"" ZL_VERSION "\",", out);
	put_rules(out, d, opts->rules);
	fputs("}},\"columnKind\":\"unicodeCodePoints\",\"results\":[", out);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed && !opts->show_suppressed)
			continue;
		fputs(shown++ ? ",\n" : "\n", out);
		put_result(out, &d->v[i], opts->rules, fp[i]);
	}
	fputs(shown ? "\n]}]}\n" : "]}]}\n", out);
	free(fp);
}
