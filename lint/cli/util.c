/* util.c - the program's helpers: allocation that ends the run when memory
 * runs out, paths, directory listings, messages on stderr. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- memory ---- */

/* Out of memory is a tool failure like any other (exit 2), never an abort.
 * Only write(2) and unlink(2) here, which need no memory.  The report is
 * written last, so nothing partial has reached standard output, and a
 * temporary --output file is removed as a signal would remove it. */
void cli_out_of_memory(void)
{
	static const char msg[] = "zonelint: error: out of memory\n";

	cli_remove_partial();
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(RC_FAIL);
}

enum zl_status must(enum zl_status st)
{
	if (st == ZL_ERR_NOMEM)
		cli_out_of_memory();
	return st;
}

void *must_ptr(const void *p)
{
	if (!p)
		cli_out_of_memory();
	return (void *)p;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		cli_out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		cli_out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		cli_out_of_memory();
	return q;
}

void xgrow(void **v, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			cli_out_of_memory();
		c *= 2;
	}
	*v = xrealloc(*v, c * elem);
	*cap = c;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		cli_out_of_memory();
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *xescaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		cli_out_of_memory();
	zl_fputs_escaped(s, f);
	if (fclose(f) != 0 || !buf)
		cli_out_of_memory();
	return buf;
}

const char *errstr(int e, char *buf, size_t size)
{
	/* The XSI strerror_r (_POSIX_C_SOURCE): returns 0 on success. */
	if (strerror_r(e, buf, size) != 0)
		snprintf(buf, size, "error %d", e);
	return buf;
}

/* ---- paths ---- */

char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	return xasprintf("%s%s%s", dir, n && dir[n - 1] != '/' ? "/" : "",
			 name);
}

/* Appends component s[0..n) to the normalised absolute path p (len bytes,
 * room for what is added). */
static void push_part(char *p, size_t *len, const char *s, size_t n)
{
	char *slash;

	if (n == 0 || (n == 1 && s[0] == '.'))
		return;
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		slash = strrchr(p, '/');
		*len = slash && slash != p ? (size_t)(slash - p) : 1;
		p[*len] = '\0';
		return;
	}
	if (*len > 1)
		p[(*len)++] = '/';
	memcpy(p + *len, s, n);
	*len += n;
	p[*len] = '\0';
}

static void push_parts(char *p, size_t *len, const char *path)
{
	const char *e;

	for (; *path; path = *e ? e + 1 : e) {
		e = path + strcspn(path, "/");
		push_part(p, len, path, (size_t)(e - path));
	}
}

static char the_cwd[4096];
static bool have_cwd;
static pthread_once_t cwd_once = PTHREAD_ONCE_INIT;

static void get_cwd(void)
{
	have_cwd = getcwd(the_cwd, sizeof the_cwd) != NULL;
}

char *path_abs(const char *path)
{
	char *p;
	size_t len = 1;
	bool rel = false;

	/* Asked once: the program never changes its directory, and a run
	 * makes every zone's path absolute, some twice. */
	if (path[0] != '/') {
		pthread_once(&cwd_once, get_cwd);
		rel = have_cwd;
	}
	/* Never longer than cwd, a '/' and path. */
	p = xmalloc((rel ? strlen(the_cwd) : 0) + strlen(path) + 3);
	strcpy(p, "/");
	if (rel)
		push_parts(p, &len, the_cwd);
	push_parts(p, &len, path);
	return p;
}

/* abs (absolute, normalised) as the user would name it from the current
 * directory: "a/b" below it, "." or "../.." above it, else abs. */
static char *from_cwd(const char *abs)
{
	char *cwd = path_abs("."), *out;
	size_t n = strlen(cwd), up = 0;
	const char *p;

	if (strcmp(cwd, abs) == 0) {
		out = xstrdup(".");
	} else if (strncmp(abs, cwd, n) == 0 && (n == 1 || abs[n] == '/')) {
		out = xstrdup(abs + (n == 1 ? 1 : n + 1));
	} else if (n > strlen(abs) && strncmp(cwd, abs, strlen(abs)) == 0 &&
		   (strlen(abs) == 1 || cwd[strlen(abs)] == '/')) {
		for (p = cwd + strlen(abs); *p; p++)
			up += *p == '/';
		out = xmalloc(3 * up + 1);
		out[0] = '\0';
		while (up--)
			strcat(out, up ? "../" : "..");
	} else {
		out = xstrdup(abs);
	}
	free(cwd);
	return out;
}

char *repo_root(const char *path)
{
	char *dir = path_abs(path), *git, *slash, *out = NULL;
	struct stat sb;

	while ((slash = strrchr(dir, '/')) != NULL) {
		slash[slash == dir] = '\0';
		git = path_join(dir, ".git");
		if (lstat(git, &sb) == 0)
			out = from_cwd(dir);
		free(git);
		if (out || slash == dir)
			break;
	}
	free(dir);
	return out;
}

char *named_refused(const char *path)
{
	char *top = repo_root("x"), *atop, *abs, *cwd, *err = NULL;
	char *why = NULL, *in;
	struct zl_read rd = { .max = 0 };
	struct zl_file f;
	enum zl_status st;
	struct stat sb;
	size_t n;

	/* what does not exist is left to the read, which says so */
	if (!top || stat(path, &sb) != 0) {
		free(top);
		return NULL;
	}
	atop = path_abs(top);
	abs = path_abs(path);
	cwd = path_abs(".");
	n = strlen(atop);
	if (strcmp(atop, "/") != 0 && strncmp(abs, atop, n) == 0 &&
	    abs[n] == '/') {
		/* The name as written, from the top: its '..' walked as the
		 * kernel takes them, never above the top.  A file is only
		 * opened (max 0: nothing of it is read), a directory is
		 * refused as one once reached. */
		in = path[0] == '/' || !cwd[n] ? xstrdup(path) :
		     path_join(cwd + n + 1, path);
		rd.root = top;
		rd.path = in;
		st = zl_fs_read(NULL, &rd, &f, &err);
		if (st == ZL_OK) {
			free(f.data);
			free(f.id);
		} else if (st != ZL_ERR_LIMIT &&
			   strcmp(err, ERRSTR(EISDIR)) != 0) {
			why = err;
			err = NULL;
		}
		free(err);
		free(in);
	}
	free(cwd);
	free(abs);
	free(atop);
	free(top);
	return why;
}

/* ---- directories ---- */

struct dir_entry {
	char *name;
	unsigned char type;
};

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name,
		      ((const struct dir_entry *)b)->name);
}

int list_dir_types(const char *dir, bool nofollow,
		   bool (*keep)(const char *name), char ***names,
		   unsigned char **types, size_t *n)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
		      (nofollow ? O_NOFOLLOW : 0));
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dir_entry *v = NULL;
	struct dirent *e;
	size_t cap = 0, i;

	*names = NULL;
	if (types)
		*types = NULL;
	*n = 0;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || (keep && !keep(e->d_name)))
			continue;
		xgrow((void **)&v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = (struct dir_entry){ xstrdup(e->d_name), e->d_type };
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_entry);
	*names = xcalloc(*n + 1, sizeof **names);
	if (types)
		*types = xcalloc(*n + 1, 1);
	for (i = 0; i < *n; i++) {
		(*names)[i] = v[i].name;
		if (types)
			(*types)[i] = v[i].type;
	}
	free(v);
	return 0;
}

int list_dir(const char *dir, bool nofollow,
	     bool (*keep)(const char *name), char ***names, size_t *n)
{
	return list_dir_types(dir, nofollow, keep, names, NULL, n);
}

void free_names(char **names, size_t n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool is_yaml_name(const char *name)
{
	return ends_with(name, ".yaml") || ends_with(name, ".yml");
}

/* A BIND journal (db.example.com.jnl) is never a zone. */
bool is_zone_name(const char *name)
{
	if (ends_with(name, ".jnl"))
		return false;
	return ends_with(name, ".zone") || ends_with(name, ".db") ||
	       strncmp(name, "db.", 3) == 0;
}

/* What servers and their tools write beside a zone: BIND's journal and
 * its backup, dnssec-keygen's key files (Kexample.com.+013+12345.private
 * holds the private key) and their state, named's managed keys. */
bool is_side_file(const char *name)
{
	static const char *const ends[] = {
		".jnl", ".jbk", ".private", ".key", ".state", ".mkeys",
	};
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (ends_with(name, ends[i]))
			return true;
	return false;
}

/* ---- messages ---- */

static void vwarn_escaped(const char *fmt, va_list ap, const char *why)
{
	char *msg = xvasprintf(fmt, ap);

	fputs("zonelint: ", stderr);
	zl_fputs_escaped(msg, stderr);
	if (why) {
		fputs(": ", stderr);
		zl_fputs_escaped(why, stderr);
	}
	fputc('\n', stderr);
	free(msg);
}

void cli_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_escaped(fmt, ap, NULL);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	const char *why = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	vwarn_escaped(fmt, ap, why);
	va_end(ap);
}

void report_failure(const char *file, const char *msg)
{
	report_failure_help(file, msg, NULL);
}

void report_failure_help(const char *file, const char *msg,
			 const char *help)
{
	zl_fputs_escaped(file, stderr);
	fputs(": error: ", stderr);
	zl_fputs_escaped(msg, stderr);
	fputc('\n', stderr);
	if (help) {
		/* the text format's gutter, five wide, before it */
		fputs("      = help: ", stderr);
		zl_fputs_escaped(help, stderr);
		fputc('\n', stderr);
	}
}

bool want_color(enum color_mode m, int fd)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (nc && *nc)
		return false;
	if (m != COLOR_AUTO)
		return m == COLOR_ALWAYS;
	return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}

void print_errors(const struct cli *c, struct zl_diags *errs)
{
	struct zl_format_opts fo = { want_color(c->color, STDERR_FILENO),
				     false, NULL };

	zl_diags_sort(errs);
	if (must(zl_format(ZL_FMT_TEXT, errs, &fo, stderr)) != ZL_OK)
		cli_warnx("cannot write to stderr");
}

const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}
