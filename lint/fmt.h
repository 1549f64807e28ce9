/* fmt.h - the output formatters behind zl_format(), one per fmt_<name>.c.
 *
 * Each writer takes a sorted diagnostic list and writes one whole document
 * to out.  Writers do not check for I/O errors: zl_format() checks the
 * stream once at the end. */
#ifndef ZL_FMT_H
#define ZL_FMT_H

#include <stdio.h>

#include "zonelint.h"

/* fmt_text.c: clang-style text with source snippets, and the one-line gcc
 * form. */
void zl_fmt_text(const struct zl_diags *d, const struct zl_format_opts *opts,
		 FILE *out);
void zl_fmt_gcc(const struct zl_diags *d, const struct zl_format_opts *opts,
		FILE *out);

/* fmt_json.c: one JSON document for the whole run (docs/output.md). */
void zl_fmt_json(const struct zl_diags *d, const struct zl_format_opts *opts,
		 FILE *out);

#endif
