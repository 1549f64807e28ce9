/* fmt_gitlab.c - GitLab Code Quality report: one JSON array per run. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

/* Code Quality severities are info, minor, major, critical and blocker.
 * A note is info, a warning minor, an error major: an error fails the
 * pipeline through the exit status already, and critical/blocker are left
 * to rules that may one day mean "the zone will not load at all". */
static const char *severity(const struct zl_diag *dg)
{
	if (dg->suppressed)
		return "info";
	switch (dg->sev) {
	case ZL_SEV_ERROR:
		return "major";
	case ZL_SEV_WARNING:
		return "minor";
	default:
		return "info";
	}
}

static void put_description(FILE *out, const struct zl_diag *dg)
{
	char *s = zl_xasprintf("%s%s [%s]", dg->suppressed ? "(suppressed) " : "",
			       dg->message, dg->id ? dg->id : "zonelint");

	zl_fmt_json_str(out, s);
	free(s);
}

static void put_diag(FILE *out, const struct zl_diag *dg, const char *fp)
{
	char *path = zl_fmt_path(dg->loc.file);
	uint32_t line = dg->loc.line ? dg->loc.line : 1;
	uint32_t end = dg->loc.end_line >= line ? dg->loc.end_line : line;

	fputs("{\"description\":", out);
	put_description(out, dg);
	fputs(",\"check_name\":", out);
	zl_fmt_json_str(out, dg->id ? dg->id : "zonelint");
	fputs(",\"fingerprint\":", out);
	zl_fmt_json_str(out, fp);
	fprintf(out, ",\"severity\":\"%s\",\"location\":{\"path\":",
		severity(dg));
	zl_fmt_json_str(out, path ? path : "");
	/* lines.begin is required and 1-based: a finding about a whole file
	 * points at its first line. */
	fprintf(out, ",\"lines\":{\"begin\":%u,\"end\":%u}}}", (unsigned)line,
		(unsigned)end);
	free(path);
}

void zl_fmt_gitlab(const struct zl_diags *d, const struct zl_format_opts *opts,
		   FILE *out)
{
	char (*fp)[ZL_FP_LEN] = zl_fmt_fingerprints(d);
	size_t i, shown = 0;

	fputc('[', out);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].suppressed && !opts->show_suppressed)
			continue;
		fputs(shown++ ? ",\n" : "\n", out);
		put_diag(out, &d->v[i], fp[i]);
	}
	fputs(shown ? "\n]\n" : "]\n", out);
	free(fp);
}
