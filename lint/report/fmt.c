/* fmt.c - output format names and the dispatch to each formatter. */
#include <string.h>

#include "fmt.h"
#include "zonelint.h"
#include "impl.h"

typedef void fmt_fn(const struct zl_diags *, const struct zl_format_opts *,
		    FILE *);

static const struct {
	const char *name;
	enum zl_format fmt;
	fmt_fn *fn;
} formats[] = {
	{ "text", ZL_FMT_TEXT, zl_fmt_text },
	{ "gcc", ZL_FMT_GCC, zl_fmt_gcc },
	{ "json", ZL_FMT_JSON, zl_fmt_json },
	{ "sarif", ZL_FMT_SARIF, zl_fmt_sarif },
	{ "github", ZL_FMT_GITHUB, zl_fmt_github },
	{ "gitlab", ZL_FMT_GITLAB, zl_fmt_gitlab },
	{ "checkstyle", ZL_FMT_CHECKSTYLE, zl_fmt_checkstyle },
	{ "junit", ZL_FMT_JUNIT, zl_fmt_junit },
};

#define NFORMATS (sizeof formats / sizeof formats[0])

bool zl_format_parse(const char *s, enum zl_format *out)
{
	size_t i;

	for (i = 0; s && i < NFORMATS; i++) {
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].fmt;
			return true;
		}
	}
	return false;
}

enum zl_status zl_format_impl(enum zl_format fmt, const struct zl_diags *d,
			 const struct zl_format_opts *opts, FILE *out)
{
	static const struct zl_format_opts dflt = { false, false, NULL };
	size_t i;

	if (!opts)
		opts = &dflt;
	for (i = 0; i < NFORMATS; i++) {
		if (formats[i].fmt == fmt)
			break;
	}
	if (i == NFORMATS)
		return ZL_ERR_USAGE;
	formats[i].fn(d, opts, out);
	/* Writers ignore individual fprintf results; a failed write sets the
	 * stream's error flag, which fflush and ferror report here. */
	if (fflush(out) != 0 || ferror(out))
		return ZL_ERR_IO;
	return ZL_OK;
}
