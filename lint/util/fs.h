/* fs.h - internals of the file module (fs.c): paths, and reading through a
 * provider.  The provider interface and the file-system provider,
 * zl_fs_read, are public (zonelint.h, "reading files").
 *
 * Every file libzonelint and zonelint read is opened in fs.c, nowhere else:
 * zone files, $INCLUDE targets, rule files and configs.  The rules it
 * enforces are in docs/limits.md ("Files, links and confinement"). */
#ifndef ZL_FS_H
#define ZL_FS_H

#include "zonelint.h"

/* path made absolute (against the current directory) and normalised
 * lexically: no "", "." or ".." components.  Malloc'd. */
char *zl_path_abs(const char *path);
/* Whether the absolute, normalised path dir is path or a directory above
 * it. */
bool zl_path_contains(const char *dir, const char *path);
/* Where path lies as a path relative to the directory root, to be read
 * below it (zl_read); its absolute path, normalised, when it leads out of
 * the root lexically (the reader takes it in when it lies in the tree by
 * its real path, and refuses it otherwise).  A '..' that follows a link
 * is kept for the reader, which takes it on disk as the kernel and the
 * servers do ("link/../x" is x where the link leads), unless the path
 * goes above the root on the way ("sub/../../root/x").  Malloc'd. */
char *zl_path_below(const char *root, const char *path);

/* path (absolute, normalised) relative to directory dir (the same): "a/b",
 * or "../x/a" when path is not below dir.  Malloc'd. */
char *zl_path_rel(const char *dir, const char *path);

/* The directory part of path: "" when it has none, "/" for "/x".
 * Malloc'd. */
char *zl_path_dir(const char *path);

/* The repository root of path (a file, which need not exist): the first
 * directory up from its directory that has an entry named .git (a
 * directory, or the file of a worktree), absolute and normalised; NULL
 * when there is none.  Malloc'd. */
char *zl_path_repo(const char *path);

/* Whether path has a component named .git, in any case: nothing below
 * one is read (it holds the checkout's credentials). */
bool zl_path_has_git(const char *path);

/* dir/name, without doubling a '/' ("/name" for "/", name for "").
 * Malloc'd. */
char *zl_path_join(const char *dir, const char *name);

/* Reads rd through p (NULL: zl_fs_read) and holds the provider to its
 * contract: on ZL_OK out->data is set and out->len <= rd->max; on failure
 * *err is set (the provider's reason, or the status message) and *out is
 * empty.  The caller owns out->data, out->id and *err. */
enum zl_status zl_read(const struct zl_provider *p, const struct zl_read *rd,
		       struct zl_file *out, char **err) ZL_MUST_CHECK;
/* As zl_read, and *outside tells whether the file system (p NULL) refused
 * the file for leading out of rd->root and of every path rd allows, by
 * '..', a symbolic link or an absolute name: a refusal that allowing the
 * file (--allow-include) would lift.  False with a provider. */
enum zl_status zl_read_ex(const struct zl_provider *p,
			  const struct zl_read *rd, struct zl_file *out,
			  char **err, bool *outside) ZL_MUST_CHECK;

/* Reads a rule or config file from the file system (rd->root NULL: named
 * by the user).  On failure appends "cannot read WHAT 'SHOWN': reason" to
 * errs, without a position, and returns the status. */
enum zl_status zl_fs_load(const struct zl_read *rd, const char *what,
			  const char *shown, struct zl_file *out,
			  struct zl_diags *errs) ZL_MUST_CHECK;

#endif
