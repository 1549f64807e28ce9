/* git_env.c - how zonelint runs git: with an environment in which git runs
 * no command of the repository's, and with its messages shown escaped.
 *
 * git reads commands
 * from the repository's own configuration (.git/config, and what it
 * includes), which is the checkout's and may be hostile, and zonelint's git
 * calls must run none of them.  Only reading commands are run (rev-parse,
 * ls-files, ls-tree, cat-file, diff --name-only/--name-status with
 * --no-ext-diff and --no-textconv), and these still run three kinds:
 *
 * - core.fsmonitor, a hook git asks which files changed (ls-files, diff);
 * - the clean filter (or process filter) of a filter=NAME attribute, run on
 *   a file of the work tree that git hashes (diff against the work tree);
 * - in a partial clone, a missing object is fetched from the promisor
 *   remote, and remote.NAME.uploadpack or an ext:: URL is a command.
 *
 * The environment made here turns each off with configuration given on
 * git's command line (GIT_CONFIG_COUNT), which wins over the repository's:
 * core.fsmonitor=false, the commands of every filter the configuration
 * defines emptied, and no transport at all (GIT_ALLOW_PROTOCOL empty,
 * which overrides every protocol.*.allow), so no fetch.  No optional
 * locks either (GIT_OPTIONAL_LOCKS=0): a diff does not write the index,
 * which would run the post-index-change hook.
 *
 * git's standard error goes to a file in memory, shown escaped once git is
 * done: git prints names of the tree there ("in the working copy of 'x'")
 * and hides only ASCII control bytes, not C1 controls or bidi overrides. */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

#define MAX_FILTERS 1000	/* filter drivers overridden */
#define MAX_CONFIG_LIST (1u << 20)	/* bytes of their names */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char **env;
/* Why env is NULL: a filter that could not be turned off would run. */
static const char *refused;

/* Whether environment entry e sets the variable name. */
static bool sets(const char *e, const char *name)
{
	size_t n = strlen(name);

	return strncmp(e, name, n) == 0 && e[n] == '=';
}

static char *read_git(int fd, pid_t pid, size_t max, size_t *len, int *err,
		      bool *stuck);

/* The names of the filter drivers git's configuration defines
 * ("filter.NAME.clean" and the like, NUL-separated keys from git config
 * -z --name-only), NUL-separated in a malloc'd buffer; NULL when git cannot
 * say (then no git it runs would read a configuration either). */
static char *filter_keys(char **envp, size_t *len)
{
	char *argv[] = { "git", "config", "-z", "--name-only",
			 "--get-regexp", "^filter\\.", NULL };
	posix_spawn_file_actions_t fa;
	char *buf = NULL;
	int fd[2], status, e;
	bool stuck = false;
	pid_t pid;

	if (pipe2(fd, O_CLOEXEC) != 0)
		return NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "git", &fa, NULL, argv, envp) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	*len = 0;
	if (pid > 0)
		buf = read_git(fd[0], pid, MAX_CONFIG_LIST, len, &e, &stuck);
	close(fd[0]);
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	if (stuck) {
		/* a FIFO in the configuration: each git that reads it is
		 * stopped so, and says why */
		free(buf);
		buf = NULL;
	}
	return buf;
}

/* Appends the configuration key=value as the next GIT_CONFIG_KEY_i and
 * GIT_CONFIG_VALUE_i to v (n entries), counting it in *count. */
static void add_config(char ***v, size_t *n, size_t *cap, unsigned *count,
		       const char *key, const char *value)
{
	xgrow((void **)v, cap, *n + 3, sizeof **v);
	(*v)[(*n)++] = xasprintf("GIT_CONFIG_KEY_%u=%s", *count, key);
	(*v)[(*n)++] = xasprintf("GIT_CONFIG_VALUE_%u=%s", *count, value);
	(*count)++;
	(*v)[*n] = NULL;
}

/* Empties the commands of every filter driver named in keys; false when
 * there are more than MAX_FILTERS of them (the rest would run). */
static bool add_filters(char ***v, size_t *n, size_t *cap, unsigned *count,
			const char *keys, size_t len)
{
	static const char *const vars[] = { "clean", "smudge", "process" };
	const char *k, *dot;
	char *name, *key, *prev = NULL;
	size_t i, nf = 0;

	for (k = keys; k < keys + len; k += strlen(k) + 1) {
		/* filter.NAME.VAR: NAME may hold dots, VAR cannot */
		dot = strrchr(k, '.');
		if (strncmp(k, "filter.", 7) != 0 || !dot || dot < k + 7)
			continue;
		name = xstrndup(k + 7, (size_t)(dot - (k + 7)));
		if (prev && strcmp(prev, name) == 0) {
			free(name);
			continue;
		}
		if (nf == MAX_FILTERS) {
			free(name);
			free(prev);
			return false;
		}
		for (i = 0; i < 3; i++) {
			key = xasprintf("filter.%s.%s", name, vars[i]);
			add_config(v, n, cap, count, key, "");
			free(key);
		}
		key = xasprintf("filter.%s.required", name);
		add_config(v, n, cap, count, key, "false");
		free(key);
		free(prev);
		prev = name;
		nf++;
	}
	free(prev);
	return true;
}

static void make_env(void)
{
	char **v = NULL, *keys;
	size_t n = 0, cap = 0, len = 0, i;
	unsigned count = 0;
	const char *c = getenv("GIT_CONFIG_COUNT");

	/* The user's own GIT_CONFIG_KEY_i come first: ours follow them. */
	if (c && *c)
		count = (unsigned)strtoul(c, NULL, 10);
	for (i = 0; environ[i]; i++)
		if (!sets(environ[i], "GIT_CONFIG_COUNT") &&
		    !sets(environ[i], "GIT_ALLOW_PROTOCOL") &&
		    !sets(environ[i], "GIT_OPTIONAL_LOCKS")) {
			xgrow((void **)&v, &cap, n + 2, sizeof *v);
			v[n++] = environ[i];
		}
	xgrow((void **)&v, &cap, n + 5, sizeof *v);
	v[n++] = "GIT_ALLOW_PROTOCOL=";
	v[n++] = "GIT_OPTIONAL_LOCKS=0";
	v[n] = NULL;
	add_config(&v, &n, &cap, &count, "core.fsmonitor", "false");
	/* The count so far, for the listing of the filters. */
	xgrow((void **)&v, &cap, n + 2, sizeof *v);
	v[n] = xasprintf("GIT_CONFIG_COUNT=%u", count);
	v[n + 1] = NULL;
	keys = filter_keys(v, &len);
	free(v[n]);
	v[n] = NULL;
	/* A filter left as the configuration has it runs on the first file
	 * git hashes: with more drivers than are overridden, or a listing
	 * cut short, no git runs at all. */
	if (keys && len > MAX_CONFIG_LIST)
		refused = "the repository's configuration lists more than "
			  "1 MiB of filter driver settings";
	else if (keys && !add_filters(&v, &n, &cap, &count, keys, len))
		refused = "the repository's configuration defines more than "
			  "1000 filter drivers";
	free(keys);
	xgrow((void **)&v, &cap, n + 2, sizeof *v);
	v[n++] = xasprintf("GIT_CONFIG_COUNT=%u", count);
	v[n] = NULL;
	env = v;
}

char **git_environ(void)
{
	pthread_once(&once, make_env);
	return refused ? NULL : env;
}

const char *git_refused(void)
{
	pthread_once(&once, make_env);
	return refused ? refused : "";
}

static pthread_once_t module_once = PTHREAD_ONCE_INIT;
static char **module_env;

/* git_environ() without the variables that name the repository git works
 * in (those of git rev-parse --local-env-vars that a hook or the caller may
 * set: GIT_DIR, GIT_INDEX_FILE, ...), so that a git run in a submodule's
 * work tree finds the submodule's repository; the configuration given on
 * the command line (GIT_CONFIG_COUNT and its keys) stays. */
static void make_module_env(void)
{
	static const char *const local[] = {
		"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR",
		"GIT_DIR", "GIT_GRAFT_FILE", "GIT_IMPLICIT_WORK_TREE",
		"GIT_INDEX_FILE", "GIT_INTERNAL_SUPER_PREFIX",
		"GIT_NO_REPLACE_OBJECTS", "GIT_OBJECT_DIRECTORY",
		"GIT_PREFIX", "GIT_REPLACE_REF_BASE", "GIT_SHALLOW_FILE",
		"GIT_WORK_TREE", "GIT_CONFIG"
	};
	char **all = git_environ();
	size_t n = 0, cap = 0, i, j;

	if (!all)
		return;		/* module_env stays NULL: no git runs */
	for (i = 0; all[i]; i++) {
		for (j = 0; j < sizeof local / sizeof local[0]; j++)
			if (sets(all[i], local[j]))
				break;
		if (j < sizeof local / sizeof local[0])
			continue;
		xgrow((void **)&module_env, &cap, n + 2, sizeof *module_env);
		module_env[n++] = all[i];
	}
	xgrow((void **)&module_env, &cap, n + 1, sizeof *module_env);
	module_env[n] = NULL;
}

char **git_environ_module(void)
{
	pthread_once(&module_once, make_module_env);
	return module_env;
}

#define MAX_STDERR 65536	/* bytes of git's messages shown */

void git_stderr_to(posix_spawn_file_actions_t *fa, int *fd)
{
	*fd = memfd_create("git-stderr", MFD_CLOEXEC);
	if (*fd >= 0)
		posix_spawn_file_actions_adddup2(fa, *fd, 2);
	else
		posix_spawn_file_actions_addopen(fa, 2, "/dev/null", O_WRONLY,
						 0);
}

void git_stderr_show(int fd)
{
	char *buf, *line, *nl;
	ssize_t got;
	size_t n = 0;

	if (fd < 0)
		return;
	buf = xmalloc(MAX_STDERR + 1);
	if (lseek(fd, 0, SEEK_SET) == 0)
		while (n < MAX_STDERR &&
		       ((got = read(fd, buf + n, MAX_STDERR - n)) > 0 ||
			(got < 0 && errno == EINTR)))
			n += got > 0 ? (size_t)got : 0;
	close(fd);
	buf[n] = '\0';
	for (line = buf; *line; line = nl ? nl + 1 : line + strlen(line)) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		zl_fputs_escaped(line, stderr);
		fputc('\n', stderr);
	}
	free(buf);
}

/* ---- running git ---- */

/* Whether git, process pid, is waiting in the open of a FIFO for a writer
 * (the kernel's wait_for_partner): a named pipe where git reads a file of
 * the repository (.gitignore, .gitattributes, its configuration, an
 * object), which no one will ever write; false when the system does not
 * say. */
static bool waits_on_fifo(pid_t pid)
{
	char path[64], buf[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/wchan", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return strcmp(buf, "wait_for_partner") == 0;
}

bool git_readable(int fd, pid_t pid)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;

	for (;;) {
		r = poll(&p, 1, 1000);
		if (r > 0 || (r < 0 && errno != EINTR))
			return true;	/* the read says what there is */
		if (r == 0 && waits_on_fifo(pid)) {
			kill(pid, SIGKILL);
			return false;
		}
	}
}

/* git's output on fd, git being process pid, to its end or until more
 * than max bytes are read, into a malloc'd buffer with a NUL after the
 * *len bytes; *err is the errno of a failed read, else 0.  When git makes
 * no output and waits on a FIFO, it is killed (git_readable) and *stuck
 * set. */
static char *read_git(int fd, pid_t pid, size_t max, size_t *len, int *err,
		      bool *stuck)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t got = 0;

	*stuck = false;
	for (;;) {
		if (!git_readable(fd, pid)) {
			*stuck = true;
			break;
		}
		xgrow((void **)&buf, &cap, n + 65536 + 1, 1);
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0 || (n += (size_t)got) > max)
			break;
	}
	*err = got < 0 ? errno : 0;
	if (!buf)
		buf = xmalloc(1);
	buf[n] = '\0';
	*len = n;
	return buf;
}

const char git_fifo_why[] = "git waited on a FIFO (a named pipe) where it "
	"reads a file of the repository: a .gitignore, a .gitattributes, its "
	"configuration or an object below .git; each must be a regular file";

int git_run_env(char *const argv[], size_t max, char **out, size_t *len,
		char **why, bool show, char **envp)
{
	posix_spawn_file_actions_t fa;
	char *buf;
	size_t n;
	int fd[2], status, e, efd;
	bool stuck;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (!envp) {
		*why = xasprintf("zonelint runs no git here: %s (a filter's "
				 "command would run)", git_refused());
		return -1;
	}
	/* Close-on-exec from the start, so that no git another thread
	 * starts holds this pipe open. */
	if (pipe2(fd, O_CLOEXEC) != 0) {
		*why = xasprintf("cannot run git: %s", ERRSTR(errno));
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	git_stderr_to(&fa, &efd);
	e = posix_spawnp(&pid, "git", &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (e != 0) {
		close(fd[0]);
		if (efd >= 0)
			close(efd);
		*why = xasprintf("cannot run git: %s", ERRSTR(e));
		return -1;
	}
	buf = read_git(fd[0], pid, max, &n, &e, &stuck);
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (show)
		git_stderr_show(efd);
	else if (efd >= 0)
		close(efd);
	if (stuck) {
		free(buf);
		*why = xstrdup(git_fifo_why);
		return -1;
	}
	if (n > max) {
		*out = buf;
		*len = n;
		return 0;
	}
	if (e || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		*why = e ? xasprintf("cannot read from git: %s", ERRSTR(e)) :
		       xasprintf("git %s failed", argv[1]);
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
}

int git_run(char *const argv[], size_t max, char **out, size_t *len,
	    char **why)
{
	return git_run_env(argv, max, out, len, why, true, git_environ());
}

int git_run_quiet(char *const argv[], size_t max, char **out, size_t *len,
		  char **why)
{
	return git_run_env(argv, max, out, len, why, false, git_environ());
}
