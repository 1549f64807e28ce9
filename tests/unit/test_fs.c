/* test_fs.c - unit tests for the file module (lint/util/fs.c): paths, files named by the user, files confined to a root. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "suites.h"
#include "util.h"

START_TEST(test_paths)
{
	char *p, cwd[PATH_MAX];

	p = zl_path_abs("/a/./b//c/../d/");
	ck_assert_str_eq(p, "/a/b/d");
	free(p);
	p = zl_path_abs("/../..");
	ck_assert_str_eq(p, "/");
	free(p);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	p = zl_path_abs("x/../y");
	ck_assert_str_eq(p + strlen(cwd), strcmp(cwd, "/") ? "/y" : "y");
	free(p);
	p = zl_path_rel("/a/b", "/a/b/c/d.zone");
	ck_assert_str_eq(p, "c/d.zone");
	free(p);
	p = zl_path_rel("/a/b", "/a/bc/d.zone");
	ck_assert_str_eq(p, "../bc/d.zone");
	free(p);
	p = zl_path_rel("/a/b/c", "/x.zone");
	ck_assert_str_eq(p, "../../../x.zone");
	free(p);
	p = zl_path_rel("/", "/x/y.zone");
	ck_assert_str_eq(p, "x/y.zone");
	free(p);
	p = zl_path_dir("a/b/c.zone");
	ck_assert_str_eq(p, "a/b");
	free(p);
	p = zl_path_dir("c.zone");
	ck_assert_str_eq(p, "");
	free(p);
	p = zl_path_dir("/c.zone");
	ck_assert_str_eq(p, "/");
	free(p);
	p = zl_path_join("a/b", "c");
	ck_assert_str_eq(p, "a/b/c");
	free(p);
	p = zl_path_join("a/", "c");
	ck_assert_str_eq(p, "a/c");
	free(p);
	p = zl_path_join("/", "c");
	ck_assert_str_eq(p, "/c");
	free(p);
	p = zl_path_join("", "c");
	ck_assert_str_eq(p, "c");
	free(p);
}
END_TEST

/* A scratch tree: T/secret (outside the root), T/root with a file, links
 * that stay inside and links that lead out, a FIFO and a .git. */
static char tree[] = "/tmp/zl-fs-XXXXXX";

static void put(const char *name, const char *text)
{
	char *p = zl_xasprintf("%s/%s", tree, name);
	FILE *f = fopen(p, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void mk(const char *what, const char *name, const char *target)
{
	char *p = zl_xasprintf("%s/%s", tree, name);

	if (strcmp(what, "dir") == 0)
		ck_assert_int_eq(mkdir(p, 0700), 0);
	else if (strcmp(what, "fifo") == 0)
		ck_assert_int_eq(mkfifo(p, 0600), 0);
	else
		ck_assert_int_eq(symlink(target, p), 0);
	free(p);
}

static void mk_tree(void)
{
	char *abs;

	strcpy(tree, "/tmp/zl-fs-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tree));
	put("secret", "SECRET-CANARY\n");
	mk("dir", "root", NULL);
	mk("dir", "root/sub", NULL);
	mk("dir", "root/.git", NULL);
	put("root/a.zone", "a\n");
	put("root/sub/b.inc", "b\n");
	put("root/.git/config", "token\n");
	mk("link", "root/in.zone", "sub/../a.zone");
	mk("link", "root/subdir", "sub");
	mk("link", "root/out.zone", "../secret");
	mk("link", "root/outdir", "..");
	mk("link", "root/git.zone", ".git/config");
	mk("link", "root/loop1", "loop2");
	mk("link", "root/loop2", "loop1");
	mk("fifo", "root/fifo.zone", NULL);
	abs = zl_xasprintf("%s/root/a.zone", tree);
	mk("link", "root/abs-in.zone", abs);
	free(abs);
	abs = zl_xasprintf("%s/secret", tree);
	mk("link", "root/abs-out.zone", abs);
	free(abs);
}

static void rm_tree(void)
{
	char *cmd = zl_xasprintf("rm -rf '%s'", tree);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

/* Reads path confined to T/root (root NULL: as named), expecting status st
 * and, on success, the text want or, on failure, a reason containing
 * want.  Returns the file's id (malloc'd) or NULL. */
static char *rd(const char *root, const char *path, enum zl_status st,
		const char *want)
{
	char *r = root ? zl_xasprintf("%s/%s", tree, root) : NULL, *err;
	struct zl_read q = { r, path, NULL, 0, 1000 };
	struct zl_file f;
	enum zl_status got = zl_fs_read(NULL, &q, &f, &err);

	ck_assert_msg(got == st, "%s: status %d, wanted %d (%s)", path, got,
		      st, err ? err : "");
	if (st == ZL_OK) {
		ck_assert_ptr_null(err);
		ck_assert_str_eq(f.data, want);
		ck_assert_uint_eq(f.len, strlen(want));
		ck_assert_ptr_nonnull(f.id);
		free(f.data);
	} else {
		ck_assert_ptr_null(f.data);
		ck_assert_msg(strstr(err, want) != NULL, "%s: '%s'", path, err);
		/* A refusal never shows the contents. */
		ck_assert_ptr_null(strstr(err, "CANARY"));
		ck_assert_ptr_null(strstr(err, "token"));
		free(err);
	}
	free(r);
	return f.id;
}

/* repo_of(T/path): zl_path_repo of a path below the test tree. */
static char *repo_of(const char *path)
{
	char *p = zl_xasprintf("%s/%s", tree, path), *r = zl_path_repo(p);

	free(p);
	return r;
}

/* The repository root: the first directory up with an entry .git. */
START_TEST(test_repo)
{
	char *want, *got;

	mk_tree();
	want = zl_xasprintf("%s/root", tree);
	ck_assert_ptr_null(repo_of("root"));	/* a file named root: from T */
	got = repo_of("root/sub/b.inc");
	ck_assert_str_eq(got, want);
	free(got);
	/* A file that need not exist, and a path with '..' in it. */
	got = repo_of("root/sub/../sub/new.zone");
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_ptr_null(repo_of("secret"));
	free(want);
	rm_tree();
}
END_TEST

START_TEST(test_confined)
{
	char *id1, *id2, *abs;

	mk_tree();
	id1 = rd("root", "a.zone", ZL_OK, "a\n");
	/* Links and '..' that stay inside are followed. */
	id2 = rd("root", "in.zone", ZL_OK, "a\n");
	ck_assert_str_eq(id1, id2);	/* the same file, the same id */
	free(id1);
	free(id2);
	free(rd("root", "subdir/b.inc", ZL_OK, "b\n"));
	free(rd("root", "sub/../sub/./b.inc", ZL_OK, "b\n"));
	free(rd("root", "abs-in.zone", ZL_OK, "a\n"));
	abs = zl_xasprintf("%s/root/sub/b.inc", tree);
	free(rd("root", abs, ZL_OK, "b\n"));
	free(abs);
	/* Out of the root: by a link, by '..', by an absolute name. */
	rd("root", "out.zone", ZL_ERR_IO, "a symbolic link leads out of");
	rd("root", "abs-out.zone", ZL_ERR_IO, "a symbolic link leads out of");
	rd("root", "outdir/secret", ZL_ERR_IO, "a symbolic link leads out of");
	rd("root", "../secret", ZL_ERR_IO, "'..' leads out of");
	rd("root", "sub/../../secret", ZL_ERR_IO, "'..' leads out of");
	abs = zl_xasprintf("%s/secret", tree);
	rd("root", abs, ZL_ERR_IO, "outside");
	/* Named by the user, the same link is followed. */
	free(rd(NULL, abs, ZL_OK, "SECRET-CANARY\n"));
	free(abs);
	abs = zl_xasprintf("%s/root/out.zone", tree);
	free(rd(NULL, abs, ZL_OK, "SECRET-CANARY\n"));
	free(abs);
	/* Never through .git, not even inside the root. */
	rd("root", ".git/config", ZL_ERR_IO, ".git");
	rd("root", "git.zone", ZL_ERR_IO, ".git");
	rd("root", "sub/../.GIT/config", ZL_ERR_IO, ".git");
	/* Not regular files, loops, missing files. */
	rd("root", "fifo.zone", ZL_ERR_IO, "not a regular file");
	rd("root", "sub", ZL_ERR_IO, strerror(EISDIR));
	rd("root", "a.zone/x", ZL_ERR_IO, strerror(ENOTDIR));
	rd("root", "loop1", ZL_ERR_IO, strerror(ELOOP));
	rd("root", "nothere", ZL_ERR_IO, strerror(ENOENT));
	rd("nothere", "a.zone", ZL_ERR_IO, strerror(ENOENT));
	rm_tree();
}
END_TEST

/* A FIFO is refused at once, whether named or found: never waited on
 * (the test would time out). */
START_TEST(test_fifo)
{
	char *p;

	mk_tree();
	p = zl_xasprintf("%s/root/fifo.zone", tree);
	rd(NULL, p, ZL_ERR_IO, "not a regular file");
	free(p);
	rd("root", "fifo.zone", ZL_ERR_IO, "not a regular file");
	rm_tree();
}
END_TEST

START_TEST(test_limit)
{
	struct zl_read q = { NULL, NULL, NULL, 0, 5 };
	struct zl_file f;
	char *p, *err;

	mk_tree();
	p = zl_xasprintf("%s/secret", tree);
	q.path = p;
	ck_assert_int_eq(zl_fs_read(NULL, &q, &f, &err), ZL_ERR_LIMIT);
	ck_assert_ptr_nonnull(strstr(err, "larger than 5 bytes"));
	ck_assert_ptr_null(f.data);
	free(err);
	free(p);
	rm_tree();
}
END_TEST

/* --allow-include: a path that leads out of its root may land in an
 * allowed tree or file, judged by its real path. */
START_TEST(test_allowed)
{
	char *root, *allow[2], *err;
	struct zl_read q = { NULL, NULL, NULL, 0, 1000 };
	struct zl_file f;

	mk_tree();
	root = zl_xasprintf("%s/root", tree);
	allow[0] = zl_xasprintf("%s/secret", tree);
	q.root = root;
	q.path = "out.zone";
	q.allow = (const char *const *)allow;
	q.nallow = 1;
	ck_assert_int_eq(zl_fs_read(NULL, &q, &f, &err), ZL_OK);
	ck_assert_str_eq(f.data, "SECRET-CANARY\n");
	free(f.data);
	free(f.id);
	q.path = "../secret";
	ck_assert_int_eq(zl_fs_read(NULL, &q, &f, &err), ZL_OK);
	free(f.data);
	free(f.id);
	/* A tree allows what is below it, not what is beside it. */
	allow[1] = zl_xasprintf("%s/root/sub", tree);
	q.allow = (const char *const *)allow + 1;
	ck_assert_int_eq(zl_fs_read(NULL, &q, &f, &err), ZL_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err, "leads out of"));
	free(err);
	free(allow[0]);
	free(allow[1]);
	free(root);
	rm_tree();
}
END_TEST

/* zl_read holds a provider to its contract. */
static enum zl_status liar(void *arg, const struct zl_read *q,
			   struct zl_file *out, char **err)
{
	(void)q;
	(void)err;
	out->data = arg ? zl_xstrdup(arg) : NULL;
	out->len = arg ? strlen(arg) : 0;
	out->id = NULL;
	return ZL_OK;
}

START_TEST(test_provider_contract)
{
	struct zl_provider p = { liar, NULL };
	struct zl_read q = { NULL, "x", NULL, 0, 4 };
	struct zl_file f;
	char *err;

	ck_assert_int_eq(zl_read(&p, &q, &f, &err), ZL_ERR_INTERNAL);
	ck_assert_ptr_nonnull(err);
	free(err);
	p.arg = "too long";
	ck_assert_int_eq(zl_read(&p, &q, &f, &err), ZL_ERR_LIMIT);
	ck_assert_ptr_null(f.data);
	free(err);
	p.arg = "ok";
	ck_assert_int_eq(zl_read(&p, &q, &f, &err), ZL_OK);
	ck_assert_str_eq(f.data, "ok");
	ck_assert_ptr_null(err);
	free(f.data);
}
END_TEST

Suite *fs_suite(void)
{
	Suite *s = suite_create("fs");
	TCase *tc = tcase_create("fs");

	tcase_add_test(tc, test_paths);
	tcase_add_test(tc, test_repo);
	tcase_add_test(tc, test_confined);
	tcase_add_test(tc, test_fifo);
	tcase_add_test(tc, test_limit);
	tcase_add_test(tc, test_allowed);
	tcase_add_test(tc, test_provider_contract);
	suite_add_tcase(s, tc);
	return s;
}
