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

/* The formats for CI systems (docs/output.md): SARIF 2.1.0, GitHub workflow
 * commands, GitLab Code Quality, Checkstyle XML and JUnit XML. */
void zl_fmt_sarif(const struct zl_diags *d, const struct zl_format_opts *opts,
		  FILE *out);
void zl_fmt_github(const struct zl_diags *d, const struct zl_format_opts *opts,
		   FILE *out);
void zl_fmt_gitlab(const struct zl_diags *d, const struct zl_format_opts *opts,
		   FILE *out);
void zl_fmt_checkstyle(const struct zl_diags *d,
		       const struct zl_format_opts *opts, FILE *out);
void zl_fmt_junit(const struct zl_diags *d, const struct zl_format_opts *opts,
		  FILE *out);

/* ---- helpers shared by those formats ---- */

/* fmt_json.c: writes s as a JSON string (tab and line feed as \t and \n,
 * every other byte the text output escapes as the text \DDD); NULL is
 * written as null.  Every JSON-based format uses it. */
void zl_fmt_json_str(FILE *out, const char *s);

/* fmt_sarif.c: the path of file relative to the current directory, as CI
 * systems want it: "./" and "." segments dropped, an absolute path below the
 * current directory made relative.  Other absolute paths stay absolute.
 * Returns a malloc'd string the caller frees; NULL gives NULL. */
char *zl_fmt_path(const char *file);

/* fmt_sarif.c: one stable fingerprint per diagnostic of d, in the same
 * order: a hash of the rule id, the path and the source line with its
 * blanks collapsed (not the line number, so that a finding keeps its
 * fingerprint when lines are added above it), then ":N" for the N-th
 * diagnostic with that hash.  Returns a malloc'd array of d->n strings of
 * ZL_FP_LEN bytes each; the caller frees the array. */
#define ZL_FP_LEN 32
char (*zl_fmt_fingerprints(const struct zl_diags *d))[ZL_FP_LEN];

/* fmt_checkstyle.c: writes s escaped for XML 1.0 text and attribute values.
 * Markup characters become entities, tab and line feed character
 * references; every other byte the text output escapes (among them those
 * XML 1.0 cannot carry at all) becomes the visible text \DDD. */
void zl_fmt_xml_str(FILE *out, const char *s);

#endif
