/* fs.c - every file libzonelint and zonelint read is opened here: regular files only, never blocking, confined to a root when the tree named them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "util.h"
#include "impl.h"

/* Symbolic links followed in one path, as Linux's MAXSYMLINKS. */
#define MAX_LINKS 40

/* ---- paths ---- */

/* Appends component s[0..n) to the normalised absolute path b. */
static void push_part(struct zl_buf *b, const char *s, size_t n)
{
	char *slash;

	if (n == 0 || (n == 1 && s[0] == '.'))
		return;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		slash = strrchr(b->s, '/');
		b->len = slash && slash != b->s ? (size_t)(slash - b->s) : 1;
		b->s[b->len] = '\0';
		return;
	}
	if (b->len > 1)
		zl_buf_addc(b, '/');
	zl_buf_add(b, s, n);
}

static void push_parts(struct zl_buf *b, const char *p)
{
	const char *e;

	for (; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "/");
		push_part(b, p, (size_t)(e - p));
	}
}

char *zl_path_abs(const char *path)
{
	struct zl_buf b = { 0 };
	char cwd[4096];

	zl_buf_add(&b, "/", 1);
	if (path[0] != '/' && getcwd(cwd, sizeof cwd))
		push_parts(&b, cwd);
	push_parts(&b, path);
	return b.s;
}

/* path made absolute against the current directory with its '.' and
 * '..' kept. */
static char *abs_on_disk(const char *path)
{
	char cwd[4096];

	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		return zl_xstrdup(path);
	return zl_path_join(cwd, path);
}

bool zl_path_contains(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	return strncmp(dir, path, n) == 0 &&
	       (path[n] == '\0' || path[n] == '/' || strcmp(dir, "/") == 0);
}

/* Whether the relative path rel goes above where it starts on the way
 * ("a/../../b"), taken by name. */
static bool climbs(const char *rel)
{
	size_t depth = 0, k;

	for (; *rel; rel += k + (rel[k] == '/')) {
		k = strcspn(rel, "/");
		if (k == 2 && rel[0] == '.' && rel[1] == '.') {
			if (depth-- == 0)
				return true;
		} else if (k > 0 && !(k == 1 && rel[0] == '.')) {
			depth++;
		}
	}
	return false;
}

char *zl_path_below(const char *root, const char *name)
{
	size_t n = strlen(root);
	char *ra, *na, *disk, *rel;
	const char *rest;

	/* A directory walk names its zones root/...: no need to ask for
	 * the current directory twice per zone. */
	if (n > 0 && strncmp(name, root, n) == 0 &&
	    (root[n - 1] == '/' || name[n] == '/') &&
	    !climbs(rest = name + n + strspn(name + n, "/")))
		return zl_xstrdup(rest);
	ra = zl_path_abs(root);
	na = zl_path_abs(name);
	rel = zl_path_rel(ra, na);
	if (strncmp(rel, "..", 2) == 0 && (rel[2] == '/' || !rel[2])) {
		/* Lexically out of the root: the absolute path, which the
		 * reader takes in when it lies in the tree by its real path
		 * (a link back into it) and refuses as outside the root
		 * otherwise. */
		free(rel);
		rel = na;
		na = NULL;
	} else if (zl_path_contains(ra, disk = abs_on_disk(name)) &&
		   strcmp(ra, disk) != 0 &&
		   !climbs(disk + strlen(ra) + (strcmp(ra, "/") != 0))) {
		/* Inside it, and never above it on the way: its '..' are
		 * left to the reader, which takes them on disk as the
		 * servers do ("link/../z.db" is z.db in the directory the
		 * link leads to, not this one's). */
		free(rel);
		rel = zl_xstrdup(disk + strlen(ra) + (strcmp(ra, "/") != 0));
		free(disk);
	} else {
		free(disk);
	}
	free(ra);
	free(na);
	return rel;
}


char *zl_path_rel(const char *dir, const char *path)
{
	struct zl_buf b = { 0 };
	size_t i = 0, common = 0;
	const char *p;

	if (strcmp(dir, "/") == 0)
		return zl_xstrdup(path + 1);
	/* The longest run of whole components the two share. */
	while (dir[i] && dir[i] == path[i]) {
		i++;
		if ((dir[i] == '\0' || dir[i] == '/') &&
		    (path[i] == '\0' || path[i] == '/'))
			common = i;
	}
	for (p = dir + common; *p; p++)
		if (*p == '/')
			zl_buf_add(&b, "../", 3);
	p = path + common;
	zl_buf_add(&b, p + (*p == '/'), strlen(p + (*p == '/')));
	return b.s ? b.s : zl_xstrdup("");
}

char *zl_path_repo(const char *path)
{
	char *dir = zl_path_abs(path), *slash, *git;
	struct stat sb;
	bool found;

	for (;;) {
		/* dir starts as the file itself: step to its directory. */
		slash = strrchr(dir, '/');
		if (!slash || (slash == dir && dir[1] == '\0'))
			break;
		slash[slash == dir ? 1 : 0] = '\0';
		git = zl_path_join(dir, ".git");
		found = lstat(git, &sb) == 0;
		free(git);
		if (found)
			return dir;
	}
	free(dir);
	return NULL;
}

char *zl_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return zl_xstrdup("");
	if (slash == path)
		return zl_xstrdup("/");
	return zl_xstrndup(path, (size_t)(slash - path));
}

char *zl_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	return zl_xasprintf("%s%s%s", dir, n && dir[n - 1] != '/' ? "/" : "",
			    name);
}

bool zl_path_has_git(const char *p)
{
	size_t n;

	for (; *p; p += n + (p[n] == '/')) {
		n = strcspn(p, "/");
		if (n == 4 && strncasecmp(p, ".git", 4) == 0)
			return true;
	}
	return false;
}

/* ---- opening below a root ---- */

/* Why a file was refused, beyond an errno value. */
enum why { W_ERRNO, W_NOTREG, W_DOTDOT, W_LINK, W_ABS, W_GIT };

struct fid {
	dev_t dev;
	ino_t ino;
};

/* A walk from a root directory down to one file, a component at a time:
 * the kernel never resolves more than one name, so no link is followed
 * before it has been looked at, and nothing can be swapped in between a
 * check and the open it allows. */
struct walk {
	const char *root;	/* as given; shown in messages */
	char *real;		/* realpath(root), made when a name is absolute */
	int rootfd, dir;	/* the root, and the directory reached */
	struct fid *ids;	/* ids[i]: the directory at depth i > 0 */
	size_t depth, cap;
	int links;		/* symbolic links followed so far */
	enum why why;		/* why the walk failed */
	int err;		/* with W_ERRNO */
};

static int refuse(struct walk *w, enum why why, int err)
{
	w->why = why;
	w->err = err;
	return -1;
}

/* Makes fd, a directory at depth, the one reached; the walk takes it. */
static void enter(struct walk *w, int fd, size_t depth)
{
	if (w->dir >= 0 && w->dir != w->rootfd)
		close(w->dir);
	w->dir = fd;
	w->depth = depth;
}

static int down(struct walk *w, const char *name)
{
	int fd = openat(w->dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			O_CLOEXEC);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) != 0) {
		refuse(w, W_ERRNO, errno);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	zl_xgrow((void **)&w->ids, &w->cap, w->depth + 2, sizeof *w->ids);
	w->ids[w->depth + 1] = (struct fid){ st.st_dev, st.st_ino };
	enter(w, fd, w->depth + 1);
	return 0;
}

/* "..": never above the root, and only back to the directory the walk
 * came down from (another one if the tree is being moved meanwhile).  Out
 * of the root after a link, the link is to blame. */
static int up(struct walk *w)
{
	struct stat st;
	int fd;

	if (w->depth == 0)
		return refuse(w, w->links ? W_LINK : W_DOTDOT, 0);
	if (w->depth == 1) {
		enter(w, w->rootfd, 0);
		return 0;
	}
	fd = openat(w->dir, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0 ||
	    st.st_dev != w->ids[w->depth - 1].dev ||
	    st.st_ino != w->ids[w->depth - 1].ino) {
		refuse(w, fd < 0 ? W_ERRNO : W_DOTDOT, errno);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	enter(w, fd, w->depth - 1);
	return 0;
}

/* The rest of abs after dir, when abs lies inside it; else NULL. */
static const char *after_dir(const char *dir, const char *abs)
{
	size_t n = strlen(dir);

	if (n == 1)
		return abs;
	if (strncmp(abs, dir, n) != 0 || (abs[n] != '/' && abs[n] != '\0'))
		return NULL;
	return abs + n;
}

/* path made absolute with its '.' and '..' taken by name, never looked
 * up: "/etc/x/../../srv/a" is /srv/a whether /etc/x exists or not, so
 * that what follows (realpath, what is read or refused) cannot tell
 * whether a directory outside the root exists.  A final '/' is kept (the
 * name of a directory).  Malloc'd. */
static char *lexical(const char *path)
{
	char *abs = zl_path_abs(path), *s;
	size_t n = strlen(path);

	if (n == 0 || path[n - 1] != '/' || strcmp(abs, "/") == 0)
		return abs;
	s = zl_xasprintf("%s/", abs);
	free(abs);
	return s;
}

/* An absolute name relative to the root (malloc'd), when it lies inside
 * the root as given, or inside its real path, itself or once its links
 * are followed (a link to the tree, such as /etc/bind to a checkout, names
 * the tree as well as its target); else NULL.  Only what lies inside the
 * root is read then, by the walk from the root. */
static char *below_root(struct walk *w, const char *name)
{
	const char *rest;
	char *given, *real, *abs, *in = NULL;

	if (!w->real && (w->real = realpath(w->root, NULL)) == NULL)
		return NULL;
	/* A name that starts at the root is walked from there as it is
	 * (its '..' by the walk, which never goes above the root). */
	given = zl_path_abs(w->root);
	abs = lexical(name);
	if ((rest = after_dir(given, name)) != NULL ||
	    (rest = after_dir(w->real, name)) != NULL ||
	    (rest = after_dir(given, abs)) != NULL ||
	    (rest = after_dir(w->real, abs)) != NULL) {
		in = zl_xstrdup(rest);
	} else if ((real = realpath(abs, NULL)) != NULL) {
		if ((rest = after_dir(w->real, real)) != NULL)
			in = zl_xstrdup(rest);
		free(real);
	}
	free(given);
	free(abs);
	return in;
}

/* The target of link name in the directory reached, malloc'd, or NULL. */
static char *link_target(struct walk *w, const char *name)
{
	char buf[PATH_MAX];
	ssize_t n = readlinkat(w->dir, name, buf, sizeof buf);

	if (n < 0 || (size_t)n >= sizeof buf) {
		refuse(w, W_ERRNO, n < 0 ? errno : ENAMETOOLONG);
		return NULL;
	}
	return zl_xstrndup(buf, (size_t)n);
}

/* Replaces what is left of the path, rest, by the target of link name
 * followed by rest.  An absolute target starts again from the root. */
static char *follow(struct walk *w, const char *name, const char *rest)
{
	char *t, *next, *in = NULL;
	const char *rel;

	if (++w->links > MAX_LINKS) {
		refuse(w, W_ERRNO, ELOOP);
		return NULL;
	}
	if ((t = link_target(w, name)) == NULL)
		return NULL;
	rel = t;
	if (t[0] == '/') {
		if ((rel = in = below_root(w, t)) == NULL) {
			free(t);
			refuse(w, W_LINK, 0);
			return NULL;
		}
		enter(w, w->rootfd, 0);
	}
	next = zl_xasprintf("%s%s", rel, rest);
	free(t);
	free(in);
	return next;
}

/* The last name of the path: a regular file, opened without blocking. */
static int open_last(struct walk *w, const char *name, const struct stat *st)
{
	int fd;

	if (S_ISDIR(st->st_mode))
		return refuse(w, W_ERRNO, EISDIR);
	if (!S_ISREG(st->st_mode))
		return refuse(w, W_NOTREG, 0);
	fd = openat(w->dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC | O_NOCTTY);
	return fd >= 0 ? fd : refuse(w, W_ERRNO, errno);
}

/* Opens path below the root.  Returns a descriptor, or -1 with w->why. */
static int walk_to(struct walk *w, const char *path)
{
	char name[NAME_MAX + 1], *todo, *next;
	const char *p;
	struct stat st;
	size_t n;
	int fd = -1;

	if (path[0] != '/')
		todo = zl_xstrdup(path);
	else if ((todo = below_root(w, path)) == NULL)
		return refuse(w, W_ABS, 0);
	for (p = todo;;) {
		p += strspn(p, "/");
		if (*p == '\0') {	/* the path names a directory */
			refuse(w, W_ERRNO, EISDIR);
			break;
		}
		if ((n = strcspn(p, "/")) > NAME_MAX) {
			refuse(w, W_ERRNO, ENAMETOOLONG);
			break;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		p += n;
		if (strcmp(name, ".") == 0)
			continue;
		if (strcmp(name, "..") == 0) {
			if (up(w) != 0)
				break;
			continue;
		}
		/* .git holds the checkout's credentials (a CI token in
		 * .git/config): nothing of the tree may point into it. */
		if (strcasecmp(name, ".git") == 0) {
			refuse(w, W_GIT, 0);
			break;
		}
		if (fstatat(w->dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			refuse(w, W_ERRNO, errno);
			break;
		}
		if (S_ISLNK(st.st_mode)) {
			if ((next = follow(w, name, p)) == NULL)
				break;
			free(todo);
			p = todo = next;
		} else if (*p == '\0') {
			fd = open_last(w, name, &st);
			break;
		} else if (!S_ISDIR(st.st_mode)) {
			refuse(w, W_ERRNO, ENOTDIR);
			break;
		} else if (down(w, name) != 0) {
			break;
		}
	}
	free(todo);
	return fd;
}

/* Opens path confined to the directory root (which itself may be a
 * link: the caller chose it).  Returns a descriptor, or -1 with w->why. */
static int open_below(struct walk *w, const char *root, const char *path)
{
	int fd = -1;

	memset(w, 0, sizeof *w);
	w->root = root;
	w->dir = -1;
	w->rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w->rootfd < 0) {
		refuse(w, W_ERRNO, errno);
	} else {
		w->dir = w->rootfd;
		fd = walk_to(w, path);
	}
	enter(w, -1, 0);
	if (w->rootfd >= 0)
		close(w->rootfd);
	free(w->ids);
	free(w->real);
	w->ids = NULL;
	w->real = NULL;
	return fd;
}

/* A path that leads out of its root may land in an allowed file or tree
 * (--allow-include), judged by its real path; it is then read confined to
 * that, and never below a .git directory, even one the allowed path names
 * or lies in.  Returns a descriptor, or -1 leaving *w as it is when no
 * allowed path holds the file, else with the reason of that attempt. */
static int open_allowed(const struct zl_read *rd, struct walk *w)
{
	char *full, *real, *areal, *slash;
	struct walk aw;
	size_t i, n;
	bool file;
	int fd = -1;

	full = rd->path[0] == '/' ? lexical(rd->path) :
	       zl_xasprintf("%s/%s", rd->root, rd->path);
	/* '..' by name, as below_root takes it */
	if (rd->path[0] != '/') {
		real = lexical(full);
		free(full);
		full = real;
	}
	real = realpath(full, NULL);
	free(full);
	for (i = 0; real && i < rd->nallow; i++) {
		if ((areal = realpath(rd->allow[i], NULL)) == NULL)
			continue;
		n = strlen(areal);
		slash = strrchr(real, '/');
		file = strcmp(real, areal) == 0;
		if (!file && n > 1 && (strncmp(real, areal, n) != 0 ||
				       real[n] != '/')) {
			free(areal);
			continue;
		}
		memset(&aw, 0, sizeof aw);
		if (zl_path_has_git(real)) {
			fd = refuse(&aw, W_GIT, 0);
		} else if (file) {
			*slash = '\0';
			fd = open_below(&aw, slash == real ? "/" : real,
					slash + 1);
		} else {
			fd = open_below(&aw, areal, real + n + (n > 1));
		}
		free(areal);
		aw.root = rd->allow[i];
		*w = aw;
		break;
	}
	free(real);
	return fd;
}

static int open_confined(const struct zl_read *rd, struct walk *w)
{
	int fd = open_below(w, rd->root, rd->path);

	if (fd < 0 && rd->nallow > 0 &&
	    (w->why == W_DOTDOT || w->why == W_LINK || w->why == W_ABS))
		fd = open_allowed(rd, w);
	return fd;
}

/* A file the user named: any link is followed, but it must be a regular
 * file (looked at before the open, so that a device is not even opened,
 * and again on the descriptor). */
static int open_named(const char *path, struct walk *w)
{
	struct stat st;
	int fd;

	memset(w, 0, sizeof *w);
	if (stat(path, &st) != 0)
		return refuse(w, W_ERRNO, errno);
	if (S_ISDIR(st.st_mode))
		return refuse(w, W_ERRNO, EISDIR);
	if (!S_ISREG(st.st_mode))
		return refuse(w, W_NOTREG, 0);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	return fd >= 0 ? fd : refuse(w, W_ERRNO, errno);
}

/* Reads the regular file fd whole, at most max bytes. */
static enum zl_status read_fd(int fd, size_t max, struct zl_file *out,
			      struct walk *w)
{
	size_t len = 0, cap = 0;
	struct stat sb;
	ssize_t r;

	/* The open descriptor decides, whatever the name was checked as. */
	if (fstat(fd, &sb) != 0) {
		refuse(w, W_ERRNO, errno);
		return ZL_ERR_IO;
	}
	if (!S_ISREG(sb.st_mode)) {
		refuse(w, W_NOTREG, 0);
		return ZL_ERR_IO;
	}
	if ((uint64_t)sb.st_size > max)
		return ZL_ERR_LIMIT;
	/* Read into out->data, where a cleanup finds it (reading), sized
	 * for the file; a full buffer grows only when a byte past its end
	 * shows that the file goes on (it grew, or fstat said 0). */
	zl_xgrow((void **)&out->data, &cap, (size_t)sb.st_size + 1, 1);
	for (;;) {
		char c;

		if (len + 1 < cap)
			r = read(fd, out->data + len, cap - len - 1);
		else if ((r = read(fd, &c, 1)) == 1) {
			zl_xgrow((void **)&out->data, &cap, len + 65536, 1);
			out->data[len] = c;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
		if (len > max)	/* it grew meanwhile */
			break;
	}
	if (r < 0 || len > max) {
		if (r < 0)
			refuse(w, W_ERRNO, errno);
		free(out->data);
		out->data = NULL;
		return r < 0 ? ZL_ERR_IO : ZL_ERR_LIMIT;
	}
	out->data[len] = '\0';
	out->len = len;
	out->id = zl_xasprintf("%ju:%ju", (uintmax_t)sb.st_dev,
			       (uintmax_t)sb.st_ino);
	return ZL_OK;
}

static char *reason(const struct walk *w)
{
	char buf[128];

	switch (w->why) {
	case W_NOTREG:
		return zl_xstrdup("not a regular file");
	case W_DOTDOT:
		return zl_xasprintf("'..' leads out of '%s'", w->root);
	case W_LINK:
		return zl_xasprintf("a symbolic link leads out of '%s'",
				    w->root);
	case W_ABS:
		return zl_xasprintf("outside '%s'", w->root);
	case W_GIT:
		return zl_xstrdup("nothing below .git is read");
	case W_ERRNO:
		break;
	}
	/* strerror_r: zones are read from several threads at once (-j). */
	if (strerror_r(w->err, buf, sizeof buf) != 0)
		snprintf(buf, sizeof buf, "error %d", w->err);
	return zl_xstrdup(buf);
}

/* A file being read, for a cleanup when memory runs out meanwhile. */
struct reading {
	int fd;
	struct zl_file *out;
};

static void reading_abort(void *arg)
{
	struct reading *r = arg;

	close(r->fd);
	free(r->out->data);
	r->out->data = NULL;
}

/* zl_fs_read, and *outside: whether the file was refused for leading out
 * of rd->root and of every allowed path. */
static enum zl_status fs_read(const struct zl_read *rd, struct zl_file *out,
			      char **err, bool *outside)
{
	struct reading rg;
	enum zl_status st;
	struct walk w;
	int fd;

	memset(out, 0, sizeof *out);
	*err = NULL;
	*outside = false;
	fd = rd->root ? open_confined(rd, &w) : open_named(rd->path, &w);
	if (fd < 0) {
		*outside = w.why == W_DOTDOT || w.why == W_LINK ||
			   w.why == W_ABS;
		*err = reason(&w);
		return ZL_ERR_IO;
	}
	rg.fd = fd;
	rg.out = out;
	zl_cleanup_push(reading_abort, &rg);
	st = read_fd(fd, rd->max, out, &w);
	zl_cleanup_pop();
	close(fd);
	if (st == ZL_ERR_LIMIT)
		*err = zl_xasprintf("larger than %zu bytes", rd->max);
	else if (st != ZL_OK)
		*err = reason(&w);
	return st;
}

enum zl_status zl_fs_read_impl(void *arg, const struct zl_read *rd,
			       struct zl_file *out, char **err)
{
	bool outside;

	(void)arg;
	return fs_read(rd, out, err, &outside);
}

enum zl_status zl_read(const struct zl_provider *p, const struct zl_read *rd,
		       struct zl_file *out, char **err)
{
	bool outside;

	return zl_read_ex(p, rd, out, err, &outside);
}

enum zl_status zl_read_ex(const struct zl_provider *p,
			  const struct zl_read *rd, struct zl_file *out,
			  char **err, bool *outside)
{
	enum zl_status st;

	memset(out, 0, sizeof *out);
	*err = NULL;
	*outside = false;
	st = p ? p->read(p->arg, rd, out, err) :
	     fs_read(rd, out, err, outside);
	if (st == ZL_OK && (!out->data || out->len > rd->max)) {
		st = out->data ? ZL_ERR_LIMIT : ZL_ERR_INTERNAL;
		free(out->data);
		free(out->id);
	}
	if (st != ZL_OK) {
		memset(out, 0, sizeof *out);
		if (!*err)
			*err = zl_xstrdup(zl_status_str(st));
	}
	return st;
}

enum zl_status zl_fs_load(const struct zl_read *rd, const char *what,
			  const char *shown, struct zl_file *out,
			  struct zl_diags *errs)
{
	enum zl_status st;
	char *err;

	if ((st = zl_fs_read_impl(NULL, rd, out, &err)) != ZL_OK)
		zl_diags_add(errs, NULL, ZL_SEV_ERROR, NULL,
			     "cannot read %s '%s': %s", what, shown, err);
	free(err);
	return st;
}
