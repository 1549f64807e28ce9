/* zonelint.h - public interface of libzonelint, the zonelint library.
 *
 * Installed as <zonelint/zonelint.h> (with status.def beside it); link with
 * `pkg-config --cflags --libs zonelint`.  Only the functions declared here
 * are exported by libzonelint.so.0.
 *
 * Pipeline: zl_zone_load_*() reads a zone into a model, zl_lint() runs a rule
 * set over it and appends diagnostics to a zl_diags list, zl_format() writes
 * that list in one output format.  The library never prints, never exits and
 * never reads argv or the environment.
 *
 * Ownership: every object returned by a _new or _load function is owned by the
 * caller and freed by the matching _free function; _free(NULL) is a no-op.
 * A zl_diags list owns copies of every string it holds, so it outlives the
 * zones and rule sets that produced it. */
#ifndef ZONELINT_H
#define ZONELINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZL_VERSION "0.1.0"

#if defined(__GNUC__)
#define ZL_MUST_CHECK __attribute__((warn_unused_result))
#define ZL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ZL_MUST_CHECK
#define ZL_PRINTF(a, b)
#endif

/* ---- status codes (tool failures; findings are never status codes) ---- */

enum zl_status {
#define X(name, msg) name,
#include "status.def"
#undef X
};

/* Returns a static message for a status code. */
const char *zl_status_str(enum zl_status st);

/* ---- running out of memory ---- */

/* When memory runs out, the public function the thread is in returns
 * ZL_ERR_NOMEM (one that returns a pointer: NULL; zl_config_find: false
 * with *out NULL).  The library never exits or aborts.  The objects passed
 * in stay valid to free, but their contents are undefined: a zl_diags may
 * lack some findings, a rule set some rules.  Memory the interrupted call
 * had allocated and not yet attached to such an object may not be freed
 * (docs/limits.md); a program should treat ZL_ERR_NOMEM as the end of the
 * run, as zonelint does (exit status 2).  A callback the library calls (a
 * zl_read_fn provider, a zl_config_tune_fn hook) is left without returning
 * when memory runs out in a library function it calls in turn: only the
 * outermost public call on the thread returns ZL_ERR_NOMEM. */

/* ---- diagnostics ---- */

/* Ordered: a higher value is more severe.  ZL_SEV_OFF disables a rule. */
enum zl_severity { ZL_SEV_OFF = 0, ZL_SEV_NOTE, ZL_SEV_WARNING, ZL_SEV_ERROR };

/* Returns "off", "note", "warning" or "error". */
const char *zl_severity_str(enum zl_severity sev);
/* Parses one of those names; returns false if it is none of them. */
bool zl_severity_parse(const char *s, enum zl_severity *out) ZL_MUST_CHECK;

/* A place in an input file.  line and col are 1-based; col counts bytes.
 * end_col is one past the last byte of the span on end_line.  text is the
 * source line (text_len bytes, without its line end), or NULL.  In a zl_diag
 * both strings are copies the list owns and text is NUL-terminated; the
 * diagnostics of one list that show the same line share one copy of it. */
struct zl_loc {
	char *file;
	uint32_t line, col, end_line, end_col;
	const char *text;
	size_t text_len;
};

/* A related location with its own message ("the CNAME is here"). */
struct zl_note {
	struct zl_loc loc;
	char *message;
};

/* One finding, or one tool error (id == NULL, e.g. a rule-file error). */
struct zl_diag {
	char *id;		/* rule id ("MX002") or NULL */
	char *name;		/* rule name ("mx-target-is-alias") or NULL */
	enum zl_severity sev;
	char *message;		/* already escaped: no control bytes */
	char *help;		/* or NULL */
	char *fixit;		/* replacement text for the span, or NULL */
	struct zl_loc loc;
	struct zl_note *notes;
	size_t nnotes;		/* at most ZL_LIMIT_NOTES, and one more that
				   says the rest are not shown */
	bool suppressed;
	bool summary;		/* stands for findings not shown (below) */
	/* The findings this one stands for: 1; more when the same finding
	 * was repeated on its line (the message ends "(N times on this
	 * line)") or for a summary ("N more findings of ID not shown"). */
	size_t count;
};

#define ZL_LIMIT_NOTES 16

struct zl_line;

/* A growable list of diagnostics.  Owns everything it points to. */
struct zl_diags {
	struct zl_diag *v;
	size_t n, cap;
	struct zl_line *line;	/* the last source line copied (diag.c) */
};

void zl_diags_init(struct zl_diags *d);
void zl_diags_free(struct zl_diags *d);	/* frees contents, not d itself */
/* Removes and frees each d->v[from + i] with drop[i] (i < d->n - from),
 * keeping the others in their order. */
void zl_diags_remove(struct zl_diags *d, size_t from, const bool *drop);
/* Moves every diagnostic of from to the end of to; from is left empty.
 * ZL_ERR_NOMEM leaves both unchanged. */
enum zl_status zl_diags_move(struct zl_diags *to, struct zl_diags *from);

/* Appends a diagnostic and returns it (valid until the next append).  All
 * strings are copied; loc may be NULL for a diagnostic without a place.  The
 * message is formatted with printf semantics and escaped.  Out of memory:
 * returns NULL and d is unchanged. */
struct zl_diag *zl_diags_add(struct zl_diags *d, const char *id,
			     enum zl_severity sev, const struct zl_loc *loc,
			     const char *fmt, ...) ZL_PRINTF(5, 6);

/* Adds a related note to dg (NULL: nothing); strings are copied. */
enum zl_status zl_diag_note(struct zl_diag *dg, const struct zl_loc *loc,
			    const char *msg);

/* Sorts by file, line, column, id, message: output is deterministic. */
void zl_diags_sort(struct zl_diags *d);

/* Counts unsuppressed diagnostics at or above sev. */
size_t zl_diags_count(const struct zl_diags *d, enum zl_severity sev);

/* What a report shows (docs/limits.md): of the findings of each rule (with
 * one severity, suppressed or not) at most per_rule, at most total in all,
 * and at most about `bytes` of text, in sort order.  Those left out, and
 * those the summaries of zl_lint() stand for, are counted in one summary
 * finding per rule: "N more findings of ID not shown".  d must be sorted
 * and stays sorted; tool errors (id NULL) are always kept. */
#define ZL_LIMIT_RULE_FINDINGS 1000
#define ZL_LIMIT_FINDINGS 10000
#define ZL_LIMIT_REPORT_BYTES (16u << 20)
enum zl_status zl_diags_limit(struct zl_diags *d, size_t per_rule,
			      size_t total, size_t bytes);

/* Writes s (NULL: nothing) to out with every byte that could deceive a
 * reader or a terminal written as \DDD (RFC 1035 style): control bytes,
 * invalid UTF-8, bidi and zero-width characters and the like, and what a
 * CI runner would read as a command in its log (a "##[", a "::" that s
 * starts with); the rest as it is.  Diagnostics are escaped already; this is for rule text and
 * file names a program prints itself.  Allocates nothing. */
void zl_fputs_escaped(const char *s, FILE *out);

/* ---- reading files ---- */

/* The library reads every file (zone files, $INCLUDE targets, rule files,
 * configs) by asking a provider for its bytes.  The default provider,
 * zl_fs_read, reads the file system; a caller may supply its own for zones
 * and their includes (struct zl_load_opts), e.g. one that serves files from
 * memory or from a git index.
 *
 * A file is either named by the user (an operand, --rules FILE, --config
 * FILE) or found through the content of a tree (a directory walk, $INCLUDE,
 * the config search, a rules directory).  The second kind is confined to a
 * root directory: it must not lead out of it, by '..', by an absolute name
 * or by a symbolic link, and never through a component named .git. */
struct zl_read {
	/* NULL: path was named by the user, relative to the current
	 * directory, and may be a link to anywhere.  Otherwise the
	 * directory path is confined to; path is relative to it, or
	 * absolute (then it must lie inside root, as given or by its real
	 * path, or have its real path there). */
	const char *root;
	const char *path;
	/* With a root: further files or directory trees path may lead
	 * into, after symbolic links are resolved (--allow-include);
	 * nallow entries, borrowed. */
	const char *const *allow;
	size_t nallow;
	size_t max;	/* a longer file is refused with ZL_ERR_LIMIT */
};

/* One file as a provider hands it over.  On ZL_OK the library takes
 * ownership of both pointers and releases them with free(). */
struct zl_file {
	char *data;	/* len bytes and a final NUL, from malloc() */
	size_t len;
	/* Malloc'd, or NULL: the same string for every path that reaches
	 * the same file ($INCLUDE loops are found by it). */
	char *id;
};

/* Reads rd->path.  Returns ZL_OK with *out filled in, or ZL_ERR_IO (cannot
 * be read, or refused: not a regular file, outside the root) or
 * ZL_ERR_LIMIT (longer than rd->max) with *err a malloc'd reason, written
 * to follow "cannot read 'PATH': ", that shows nothing of the file's
 * contents.  Must not block, and must be safe to call from several threads
 * at once when zones are loaded in parallel.  arg is the provider's own. */
typedef enum zl_status zl_read_fn(void *arg, const struct zl_read *rd,
				  struct zl_file *out, char **err);

struct zl_provider {
	zl_read_fn *read;
	void *arg;
};

/* The file-system provider (arg unused).  A file must be a regular file,
 * checked on the open descriptor; it is opened with O_NONBLOCK, so a FIFO
 * is refused instead of waited on.  A confined path is opened one component
 * at a time relative to the root, never following a symbolic link without
 * checking where it leads: a link inside the root is followed, one leading
 * out of it is refused unless it lands in an allowed path.  id is the
 * file's device and inode. */
enum zl_status zl_fs_read(void *arg, const struct zl_read *rd,
			  struct zl_file *out, char **err) ZL_MUST_CHECK;

/* ---- zones ---- */

struct zl_zone;

/* What the zones of one run may read together (docs/limits.md).  Zones
 * loaded with the same budget share it, from any thread; the first load
 * over a limit gets a ZONE004 finding (or, for the zone file itself,
 * ZL_ERR_LIMIT), and what lies beyond is not read. */
struct zl_limits {
	uint64_t bytes;		/* zone text, each file every time it is
				   read: ZL_LIMIT_BYTES */
	uint64_t reread;	/* text of $INCLUDEs of a file the same zone
				   has read already: ZL_LIMIT_REREAD */
	uint64_t records;	/* records loaded: ZL_LIMIT_RECORDS */
};
#define ZL_LIMIT_BYTES (UINT64_C(4) << 30)
#define ZL_LIMIT_REREAD (UINT64_C(1) << 20)
#define ZL_LIMIT_RECORDS UINT64_C(50000000)

struct zl_budget;

/* A budget with limits lim (copied; NULL: the defaults above).  Free it
 * with zl_budget_free() once no load uses it. */
struct zl_budget *zl_budget_new(const struct zl_limits *lim);
void zl_budget_free(struct zl_budget *b);

struct zl_load_opts {
	const char *origin;	 /* --origin: the zone's apex; a $ORIGIN in
				    the file then only sets the origin of
				    relative names */
	const char *display;	 /* name shown in diagnostics; NULL: the path */
	/* $INCLUDE may not leave this directory.  For zl_zone_load_file it
	 * also means the zone was found inside it (a directory walk) and is
	 * read confined to it.  NULL: the directory of the zone file, which
	 * the user named; for a buffer, the current directory.  Without a
	 * provider, a zone in a repository (a directory up from it holds
	 * .git) may include from anywhere in the repository: the root
	 * widens to the repository root, and a relative $INCLUDE not found
	 * beside its includer is looked for from there.  With a provider
	 * the root never widens, but when it is itself the top level of a
	 * repository on disk the same second look is made from it. */
	const char *include_root;
	/* Further files or directory trees $INCLUDE may read (after
	 * symlinks are resolved), e.g. shared snippets outside the tree;
	 * nallow_include entries, not copied, handed to the provider
	 * (struct zl_read).  One that does not exist allows nothing. */
	const char *const *allow_include;
	size_t nallow_include;
	/* A relative $INCLUDE (at any depth) is resolved against this
	 * directory, as BIND and NSD resolve it against their working
	 * directory ("": the current directory), instead of the including
	 * file's directory.  It does not widen the include root: an include
	 * found there is read only when it lies inside the root.  NULL: the
	 * including file's directory. */
	const char *include_dir;
	/* Where the zone file and its includes are read from; borrowed.
	 * NULL: the file system (zl_fs_read). */
	const struct zl_provider *provider;
	/* The run's budget, borrowed; NULL: one for this zone alone. */
	struct zl_budget *budget;
	/* A relative $INCLUDE is looked for only where include_dir, or
	 * else the including file's directory, says, as a server looks for
	 * it: not again from the repository root or the zone file's
	 * directory (zonelint --server-config). */
	bool include_exact;
	/* Set, when not NULL, to whether the zone file itself was refused
	 * for lying outside include_root and every allowed path: a refusal
	 * that allowing it (zonelint --allow-include) lifts. */
	bool *outside;
	/* The servers that load the zone file as a primary zone and serve
	 * it as it is, not signing it (a BIND without dnssec-policy, a Knot
	 * DNS without dnssec-signing, any NSD): bits 1u << (kind - 1) of
	 * enum zl_server_kind, from their configurations (struct
	 * zl_server_zone's signs); 0: none known.  Rule DANE009 names them
	 * when the zone has TLSA records and the file is not signed. */
	unsigned served_unsigned;
	/* Every server that loads the zone file sets the serial it serves
	 * itself (struct zl_server_zone's serial_own): rule ZONE011, the
	 * serial raised with the records, does not apply. */
	bool serial_own;
};

/* The help for a file a server's configuration names (an include, a zone
 * file) refused for lying outside the tree. */
#define ZL_OUTSIDE_HELP "if the server is meant to read it, allow it or " \
	"the directory that holds it with --allow-include PATH"

/* Reads a zone file.  On success *out owns the zone (free with zl_zone_free)
 * and bad records are kept as load problems inside it, to be reported by the
 * rules.  On failure (cannot open, no origin, ...) returns a status and sets
 * *err to a malloc'd message the caller frees.  $INCLUDE is resolved
 * relative to the including file, inside the include root. */
enum zl_status zl_zone_load_file(const char *path,
				 const struct zl_load_opts *opts,
				 struct zl_zone **out, char **err) ZL_MUST_CHECK;

/* The same for text already in memory (stdin); name is used for the origin
 * inference and for diagnostics.  buf is copied.  $INCLUDE is resolved
 * relative to the directory of the displayed name, inside the include root:
 * a name through a link out of the root does not move the root. */
enum zl_status zl_zone_load_buffer(const char *name, const char *buf,
				   size_t len, const struct zl_load_opts *opts,
				   struct zl_zone **out, char **err) ZL_MUST_CHECK;

void zl_zone_free(struct zl_zone *z);

/* Number of records loaded (bad records excluded). */
size_t zl_zone_record_count(const struct zl_zone *z);

/* The files zone z was read from, named as its diagnostics name them (for
 * zl_zone_load_file without a display name: relative to the current
 * directory, or absolute): source 0 is the zone file, the others what it
 * $INCLUDEd (a file may come more than once).  NULL for i past the last.
 * Borrowed from z. */
const char *zl_zone_source(const struct zl_zone *z, size_t i);

/* The zone's origin, absolute, in presentation form ("example.com."), as
 * the load settled it (--origin, the first $ORIGIN, the file name); NULL
 * when it has none.  Borrowed from z. */
const char *zl_zone_origin(const struct zl_zone *z);

/* Whether source i of z (as zl_zone_source numbers them) is the text a
 * $GENERATE directive wrote, and where the directive stands (its
 * "$GENERATE" token, in *out: strings borrowed from z). */
bool zl_zone_generated(const struct zl_zone *z, size_t i, struct zl_loc *out);

/* ---- rules ---- */

struct zl_ruleset;

struct zl_ruleset *zl_ruleset_new(void);
void zl_ruleset_free(struct zl_ruleset *rs);

/* Loads the rule packs compiled into the library. */
enum zl_status zl_ruleset_load_builtin(struct zl_ruleset *rs,
				       struct zl_diags *errs) ZL_MUST_CHECK;

/* Loads one YAML rule file, named by the user.  Every problem is appended
 * to errs as an error at its YAML position; returns ZL_ERR_RULES if there
 * was any (ZL_ERR_IO, ZL_ERR_LIMIT: the file cannot be read). */
enum zl_status zl_ruleset_load_file(struct zl_ruleset *rs, const char *path,
				    struct zl_diags *errs) ZL_MUST_CHECK;
/* The same for a file found in a rules directory: name is read confined to
 * dir (struct zl_read) and shown as dir/name. */
enum zl_status zl_ruleset_load_file_in(struct zl_ruleset *rs, const char *dir,
				       const char *name,
				       struct zl_diags *errs) ZL_MUST_CHECK;
enum zl_status zl_ruleset_load_buffer(struct zl_ruleset *rs, const char *name,
				      const char *buf, size_t len,
				      struct zl_diags *errs) ZL_MUST_CHECK;

/* Rule selection: ids is a comma-separated list of rule ids, id prefixes
 * ("MX", "MX002") or names.  select keeps only those, ignore turns those
 * off.  Returns ZL_ERR_USAGE, changing nothing, and appends an error for an
 * id that matches no rule and for empty items ("", ",", "MX,,SPF"). */
enum zl_status zl_ruleset_select(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs) ZL_MUST_CHECK;
enum zl_status zl_ruleset_ignore(struct zl_ruleset *rs, const char *ids,
				 struct zl_diags *errs) ZL_MUST_CHECK;
/* Sets one rule's severity ("MX002", ZL_SEV_WARNING). */
enum zl_status zl_ruleset_set_severity(struct zl_ruleset *rs, const char *id,
				       enum zl_severity sev,
				       struct zl_diags *errs) ZL_MUST_CHECK;

/* Read-only view of a rule, for --list-rules and --explain. */
struct zl_rule_info {
	const char *id, *name, *summary, *description, *help, *check, *scope;
	const char *origin;	 /* "file:line" the rule was defined at */
	const char *const *references;
	size_t nreferences;
	enum zl_severity severity, default_severity;
};
size_t zl_ruleset_count(const struct zl_ruleset *rs);
/* i-th rule in id order; returns false when i is out of range. */
bool zl_ruleset_info(const struct zl_ruleset *rs, size_t i,
		     struct zl_rule_info *out);
/* Looks up by id or name (case-insensitive); returns false if absent. */
bool zl_ruleset_find(const struct zl_ruleset *rs, const char *id,
		     struct zl_rule_info *out);
/* Whether item, one item of the lists zl_ruleset_select() takes (an id,
 * an id prefix or a name, in any case), names a rule of rs. */
bool zl_ruleset_matches(const struct zl_ruleset *rs, const char *item);
/* The rule id or name of rs nearest to s, for "did you mean"; NULL when
 * none is close (or s is one of them). */
const char *zl_ruleset_nearest(const struct zl_ruleset *rs, const char *s);
/* The variant and tunables of the rule id (or name) in rs, as lines of
 * text with their current values, types and defaults (for --explain);
 * NULL when rs has no such rule or memory runs out.  The caller frees the
 * string. */
char *zl_rule_tunables(const struct zl_ruleset *rs, const char *id);
/* The reference of every check primitive for rule authors: its scopes,
 * variants, tunables (type, range, default), variables and the rules of
 * rs that use it; text, or one JSON document when json; NULL when memory
 * runs out.  The caller frees the string (docs/checks.md). */
char *zl_checks_reference(const struct zl_ruleset *rs, bool json);

/* ---- linting ---- */

/* Runs every enabled rule of rs over z and appends findings to out.  A
 * finding that would repeat a record already reported as broken or lost is
 * left out (docs/rules.md, "One cause, one finding").  The zone's
 * `; zonelint: disable=...` comments are applied to those findings
 * (suppressed ones are kept, with `suppressed` set), and the SUP rules
 * report comments that are unused, unknown or malformed.  A finding
 * repeated on one line is kept once, with its count; of each rule at most
 * ZL_LIMIT_RULE_FINDINGS findings are kept (suppressed ones apart), the
 * rest counted in a summary finding.  Returns ZL_OK, or ZL_ERR_NOMEM. */
enum zl_status zl_lint(const struct zl_ruleset *rs, const struct zl_zone *z,
		       struct zl_diags *out);

/* ---- zone sets (README "Zone repositories") ---- */

/* The zones of one run: relational rules resolve a name in the zone of
 * the set whose origin is its longest suffix (a child zone of the set
 * takes over below its cut), and a name outside every zone stays
 * unknown.  A set may be shared by threads linting its zones at once. */
struct zl_zoneset;

struct zl_zoneset *zl_zoneset_new(void);
/* Frees the set and every zone it holds (NULL: nothing). */
void zl_zoneset_free(struct zl_zoneset *s);
/* Adds a loaded zone; the set owns it from then on, also on failure.  Of
 * two zones with one origin the first answers for it. */
enum zl_status zl_zoneset_add(struct zl_zoneset *s,
			      struct zl_zone *z) ZL_MUST_CHECK;
/* Adds a zone file as context: loaded with opts (copied; its pointers are
 * borrowed for the set's life, and origin replaced) the first time a
 * lookup reaches origin, never linted.  origin NULL: the one the file
 * name gives (example.com.zone, example.com.db, db.example.com), and a
 * name that gives none is ignored.  One that fails to load leaves the
 * names below origin unknown.  Ignored when the set has that origin. */
enum zl_status zl_zoneset_add_file(struct zl_zoneset *s, const char *path,
				   const char *origin,
				   const struct zl_load_opts *opts) ZL_MUST_CHECK;
/* How many context zones lookups have loaded so far. */
size_t zl_zoneset_loaded(const struct zl_zoneset *s);

/* What a lint call knows beside the zone. */
struct zl_lint_opts {
	/* The run's zones, which z may be one of; NULL: z alone. */
	struct zl_zoneset *set;
	/* z as it was at the base of a change (the previous commit, or
	 * --since); NULL: none (a new zone, or no base given). */
	const struct zl_zone *base;
	/* The time, in seconds since 1970, for rules that suggest dates (the
	 * next SOA serial); 0: the clock. */
	int64_t now;
};

/* zl_lint with what o gives (NULL: as zl_lint). */
enum zl_status zl_lint_with(const struct zl_ruleset *rs,
			    const struct zl_zone *z,
			    const struct zl_lint_opts *o,
			    struct zl_diags *out);

/* zl_lint_with on up to threads threads, the calling one included: with 2
 * or more, a second thread, started and joined inside the call, takes
 * whole families of rules (those whose ids share their letters, as the
 * rules of one pack do), and the findings are the same as on one.  Worth
 * it on a large zone only: a thread costs about what the rules of a few
 * thousand records do. */
enum zl_status zl_lint_threads(const struct zl_ruleset *rs,
			       const struct zl_zone *z,
			       const struct zl_lint_opts *o, unsigned threads,
			       struct zl_diags *out);

/* ---- what a change does to mail (docs/changes.md) ---- */

enum zl_summary_format { ZL_SUMMARY_TEXT, ZL_SUMMARY_MARKDOWN };

/* Reads a summary format: "text" or "markdown"; false for anything
 * else. */
bool zl_summary_format_parse(const char *s,
			     enum zl_summary_format *out) ZL_MUST_CHECK;

/* Says, per mail domain, what changes for mail from base (the zone's
 * version at the base of a change; NULL: the zone is new) to cur (NULL:
 * the zone is deleted): MX targets, preferences and TTLs, the addresses
 * and DANE TLSA records of the MX hosts, null MX, SPF terms and lookups,
 * DMARC policy and report addresses, DKIM selectors added, revoked or
 * removed, the MTA-STS id and TLS-RPT report addresses.  set (NULL:
 * none), the run's zones, which cur may be one of, says where an SPF
 * include or redirect added goes: the target's SPF record, when a zone
 * of the set holds its name.  Domains in
 * name order, items in a fixed order and wording; zone data escaped (in
 * Markdown, inside code spans).  title (NULL: none), e.g. the zone's
 * file, heads the text.  Sets *out to a malloc'd string the caller frees:
 * empty when nothing mail-related changed.  Returns ZL_OK or
 * ZL_ERR_NOMEM. */
enum zl_status zl_summary(const struct zl_zone *base,
			  const struct zl_zone *cur, struct zl_zoneset *set,
			  enum zl_summary_format fmt, const char *title,
			  char **out) ZL_MUST_CHECK;

/* ---- repository configuration (.zonelint.yaml, docs/config.md) ---- */

#define ZL_CONFIG_NAME ".zonelint.yaml"

struct zl_config;

/* Finds the config of a zone file: ZL_CONFIG_NAME in the file's directory
 * or the nearest parent that has an entry of that name (whatever it is: a
 * link or a FIFO is found, and refused when it is read), searching up to
 * the repository root (the first directory holding .git, itself included);
 * outside a repository, up to the current directory when the file lies
 * below it (and it is not /), else in the file's own directory only
 * (zl_configs_set_tops() names the trees a run lints, up to which the
 * search then goes for the files below them).  zone_path need not exist (a
 * --stdin-filename).  Returns
 * true with *out a malloc'd path (relative when the file is below the
 * current directory), or false with *out NULL.  zl_configs_ruleset() reads
 * what it finds confined to the repository root (docs/limits.md). */
bool zl_config_find(const char *zone_path, char **out) ZL_MUST_CHECK;

/* Reads and checks a config file against base, the rule set it tunes:
 * unknown keys, rules, parameters and bad values are errors appended to
 * errs at their YAML position (file:line:col), all of them.  Returns ZL_OK
 * with *out (free with zl_config_free), ZL_ERR_IO, ZL_ERR_LIMIT or
 * ZL_ERR_CONFIG.  base is borrowed and must outlive *out, unchanged once
 * a rule set has been derived from it (zl_config_ruleset: derived sets
 * share its rules).  Globs are relative to the directory of path. */
enum zl_status zl_config_load_file(const char *path,
				   const struct zl_ruleset *base,
				   struct zl_config **out,
				   struct zl_diags *errs) ZL_MUST_CHECK;
/* The same for text in memory; name is shown in errors, globs are relative
 * to dir (NULL: the current directory). */
enum zl_status zl_config_load_buffer(const char *name, const char *dir,
				     const char *buf, size_t len,
				     const struct zl_ruleset *base,
				     struct zl_config **out,
				     struct zl_diags *errs) ZL_MUST_CHECK;
void zl_config_free(struct zl_config *cf);

/* A config's `packs:` (docs/config.md) names rule files and directories,
 * relative to its directory, that its zones are linted with.  Only the
 * program knows how its base rule set was made and where files come from
 * (a git index, say), so it loads them: fn makes a rule set like the base
 * with paths[0..n) added, relative to dir (the config's directory as
 * messages name it; locs: where each path is written in the config, for
 * errors about it).  It returns ZL_OK with *out, which the config then
 * owns and tunes instead of the base, or a status after appending every
 * error to errs (the config then fails to load).  A config with packs: on
 * a base without fn is an error. */
typedef enum zl_status zl_packs_fn(void *arg, const char *dir,
				   const char *const *paths,
				   const struct zl_loc *locs, size_t n,
				   struct zl_ruleset **out,
				   struct zl_diags *errs);
void zl_ruleset_set_packs(struct zl_ruleset *rs, zl_packs_fn *fn, void *arg);

/* Called on every rule set the config derives, after the config's own
 * settings: the command line applies --select and the like here, so that
 * they win over the file. */
typedef void zl_config_tune_fn(struct zl_ruleset *rs, void *arg);
void zl_config_set_tune(struct zl_config *cf, zl_config_tune_fn *fn,
			void *arg);

/* The rule set for the zone file zone_path: the base with the config's top
 * level and every matching override applied.  Owned by cf (or by the
 * zl_configs it belongs to) and shared by every file that gets the same
 * settings (made once, then kept).  NULL: out of memory. */
const struct zl_ruleset *zl_config_ruleset(struct zl_config *cf,
					   const char *zone_path);
/* Whether cf's exclude: globs leave out the file path (*out), and the
 * origin its origins: gives it (*out, borrowed from cf, or NULL): each glob
 * relative to the config's directory, as for zl_configs_excluded() and
 * zl_configs_origin().  ZL_OK, or ZL_ERR_NOMEM. */
enum zl_status zl_config_excluded(const struct zl_config *cf,
				  const char *path, bool *out) ZL_MUST_CHECK;
enum zl_status zl_config_origin(const struct zl_config *cf, const char *path,
				const char **out) ZL_MUST_CHECK;

/* The configs of a run over many files: with path NULL, each zone file
 * gets the config zl_config_find() finds for it, each config file loaded
 * once; with a path, that one config (loaded now) applies to every file.
 * Returns ZL_OK with *out (free with zl_configs_free), or the load status
 * of path after appending its errors to errs.  base is borrowed as for
 * zl_config_load_file. */
struct zl_configs;
enum zl_status zl_configs_new(const struct zl_ruleset *base, const char *path,
			      struct zl_configs **out,
			      struct zl_diags *errs) ZL_MUST_CHECK;
/* The trees a run lints (directories; copied): outside a repository, the
 * search for the config of a zone below one of them and not below the
 * current directory stops at the deepest such tree instead of the zone's
 * own directory.  Call before the first zone is looked up. */
void zl_configs_set_tops(struct zl_configs *cs, const char *const *dirs,
			 size_t n);
/* Sets the tune hook of every config, loaded already or later. */
void zl_configs_set_tune(struct zl_configs *cs, zl_config_tune_fn *fn,
			 void *arg);
/* The rule set for zone_path (which need not exist): base itself when no
 * config applies.  A config file that fails to load has its errors appended
 * to errs the first time and its status returned every time, with *out
 * NULL: the files it governs are not linted. */
enum zl_status zl_configs_ruleset(struct zl_configs *cs, const char *zone_path,
				  const struct zl_ruleset **out,
				  struct zl_diags *errs) ZL_MUST_CHECK;
/* Whether the config that governs path (as for zl_configs_ruleset)
 * excludes it from a directory walk: it matches one of the config's
 * exclude: globs, relative to the config's directory.  Returns ZL_OK with
 * *out, or the config's load status as zl_configs_ruleset() does. */
enum zl_status zl_configs_excluded(struct zl_configs *cs, const char *path,
				   bool *out,
				   struct zl_diags *errs) ZL_MUST_CHECK;
/* The origin that the origins: of path's config gives it (the first glob
 * that matches, relative to the config's directory), borrowed from cs, or
 * NULL.  Statuses as for zl_configs_excluded(). */
enum zl_status zl_configs_origin(struct zl_configs *cs, const char *path,
				 const char **out,
				 struct zl_diags *errs) ZL_MUST_CHECK;
void zl_configs_free(struct zl_configs *cs);

/* ---- baselines ---- */

/* A baseline records the findings a run had (docs/config.md, "Baseline"),
 * by rule id and the fingerprint the SARIF and GitLab reports give, so that
 * later runs hide them and report only new ones. */
struct zl_baseline;

/* Reads a baseline: path named by the user (root NULL), or confined to
 * directory root (a config's baseline: key).  A malformed line is an error
 * at its file:line in errs; every one is reported, then ZL_ERR_CONFIG is
 * returned.  On ZL_OK *out is the caller's, freed by zl_baseline_free. */
enum zl_status zl_baseline_load(const char *root, const char *path,
				struct zl_baseline **out,
				struct zl_diags *errs) ZL_MUST_CHECK;
/* The same for a baseline in memory; name is shown in errors. */
enum zl_status zl_baseline_load_buffer(const char *name, const char *buf,
				       size_t len, struct zl_baseline **out,
				       struct zl_diags *errs) ZL_MUST_CHECK;
void zl_baseline_free(struct zl_baseline *b);	/* NULL: nothing */
/* Adds the entries of src (NULL: none) to *dst, made when NULL. */
enum zl_status zl_baseline_merge(struct zl_baseline **dst,
				 const struct zl_baseline *src) ZL_MUST_CHECK;
/* The `baseline:` key of cf as written (relative to the config's
 * directory), or NULL.  A config loaded from a file has read it already
 * (zl_configs_baseline); one loaded from a buffer leaves it to the
 * caller, who knows where its files come from. */
const char *zl_config_baseline_path(const struct zl_config *cf);
/* Where cf's `baseline:` value is in its config file: its line and
 * column (from 1) in *line and *col, and true; false when cf names no
 * baseline. */
bool zl_config_baseline_at(const struct zl_config *cf, uint32_t *line,
			   uint32_t *col);

/* Adds to *b (made when NULL) the entries of the baselines that the configs
 * loaded so far name (their `baseline:` key, read when the config was
 * loaded from a file; a config given as a buffer reads none). */
enum zl_status zl_configs_baseline(const struct zl_configs *cs,
				   struct zl_baseline **b) ZL_MUST_CHECK;

/* Writes the findings of d (sorted; not tool errors, suppressed findings or
 * summaries) to out as a baseline, one line each, the lines sorted.
 * ZL_ERR_IO when out has an error. */
enum zl_status zl_baseline_write(const struct zl_diags *d,
				 FILE *out) ZL_MUST_CHECK;

/* Removes from d (sorted, before zl_diags_limit) the findings b records,
 * each entry hiding at most one finding.  *hidden counts the findings
 * removed, *stale the entries that matched none.  b NULL hides nothing. */
enum zl_status zl_baseline_apply(const struct zl_baseline *b,
				 struct zl_diags *d, size_t *hidden,
				 size_t *stale) ZL_MUST_CHECK;

/* ---- output ---- */

enum zl_format { ZL_FMT_TEXT, ZL_FMT_GCC, ZL_FMT_JSON, ZL_FMT_SARIF,
		 ZL_FMT_GITHUB, ZL_FMT_GITLAB, ZL_FMT_CHECKSTYLE,
		 ZL_FMT_JUNIT };

struct zl_format_opts {
	bool color;		/* ANSI colour in text output */
	bool show_suppressed;
	/* The rule set the findings came from, borrowed: SARIF describes
	 * every rule in tool.driver.rules from it.  NULL: SARIF describes
	 * only the rule ids that occur in the findings. */
	const struct zl_ruleset *rules;
};

/* Parses "text", "gcc", "json", "sarif", "github", "gitlab", "checkstyle",
 * "junit"; returns false for anything else. */
bool zl_format_parse(const char *s, enum zl_format *out) ZL_MUST_CHECK;

/* Writes all of d (already sorted) as one document.  Returns ZL_ERR_IO if
 * the stream reports an error. */
enum zl_status zl_format(enum zl_format fmt, const struct zl_diags *d,
			 const struct zl_format_opts *opts,
			 FILE *out) ZL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

/* ---- Authoritative server configurations (docs/servers.md) ----
 * The zones a BIND named.conf, Knot knot.conf or NSD nsd.conf loads. */

enum zl_server_kind {
	ZL_SERVER_AUTO,		/* detect it (zl_server_detect) */
	ZL_SERVER_BIND,		/* named.conf */
	ZL_SERVER_KNOT,		/* knot.conf */
	ZL_SERVER_NSD,		/* nsd.conf */
};

/* The load problems of zone z that make server kind refuse the zone,
 * though the others read it (what zonelint reports as ZONE012, ZONE010,
 * ZONE007, ZONE024 and MX005): the next one from *i on, with where it
 * stands in *out, and *i past it; NULL after the last.  Start with *i =
 * 0.  Borrowed from z.  BIND's as its defaults for a primary zone
 * configure it (check-names fail). */
const char *zl_zone_refusal(const struct zl_zone *z,
			    enum zl_server_kind kind, size_t *i,
			    struct zl_loc *out);

enum zl_server_role {
	ZL_SERVER_PRIMARY,	/* the server loads the zone from its file */
	ZL_SERVER_SECONDARY,	/* transferred from a primary: listed, not
				   linted */
	ZL_SERVER_BINARY,	/* loaded from a file in a binary format
				   (BIND's masterfile-format raw):
				   listed, not linted */
	ZL_SERVER_UNLOADED,	/* its file is not loaded (Knot's
				   zonefile-load: none, the data kept in
				   the journal; a catalog zone Knot
				   generates): listed, not linted */
};

/* One zone the configuration declares. */
struct zl_server_zone {
	char *origin;		/* absolute, lower-case presentation form:
				   "example.com.", "." for the root */
	/* The zone file as the server resolves it (BIND against `directory`,
	 * NSD against `zonesdir`, Knot against `storage`, after Knot's and
	 * NSD's substitutions), or NULL when the zone has none (a secondary
	 * kept in memory).  Relative when the base it was resolved against
	 * is (struct zl_server_opts, cwd). */
	char *file;
	/* Where the server resolves a relative $INCLUDE in the zone file:
	 * its working directory (BIND's `directory`, NSD's `zonesdir`), ""
	 * for the start directory; NULL for Knot, which resolves it against
	 * the zone file's directory. */
	char *include_dir;
	enum zl_server_kind kind;
	enum zl_server_role role;
	char *view;		/* BIND view, or NULL */
	/* Where the zone is declared: the configuration file as shown in
	 * messages, and the 1-based line and column (bytes) of the zone's
	 * name (for Knot, the value of its `domain` item). */
	char *conf;
	uint32_t line, col;
	/* BIND: the zone's check-names mode for a primary is fail (the
	 * default): named refuses it over a record whose host name is not
	 * one.  False for another mode, a secondary, Knot and NSD. */
	bool check_names;
	/* BIND: that mode is fail or warn, not ignore: named still refuses
	 * the zone over an NSEC3 owner that is no hash. */
	bool names_checked;
	/* BIND: the limits named holds a primary zone's file to, which it
	 * refuses the zone over (zl_zone_over_limit); 0: none.  max_ttl is
	 * the zone's max-zone-ttl, or its dnssec-policy's (max_ttl_policy);
	 * max_rrset and max_types are max-records-per-type and
	 * max-types-per-name (100 each by default).  0 for Knot and NSD. */
	uint32_t max_ttl, max_rrset, max_types;
	bool max_ttl_policy;
	/* The server signs the zone as it loads it: BIND under a
	 * dnssec-policy other than none, inline-signing or auto-dnssec; Knot
	 * DNS with dnssec-signing on.  NSD never signs.  A zone it does not
	 * sign is served as its file is, signed only when the file is. */
	bool signs;
	/* The server sets the serial it serves itself and ignores the
	 * file's: Knot DNS with zonefile-load: difference-no-serial
	 * (knot.conf(5)).  A change then needs no new serial in the file. */
	bool serial_own;
};

/* zl_zone_refusal() for the server that loads z as sz declares it: the
 * refusals of sz->kind, without BIND's check-names ones when
 * sz->check_names is false, nor the NSEC3 owners it refuses when
 * sz->names_checked is false too. */
const char *zl_zone_refusal_of(const struct zl_zone *z,
			       const struct zl_server_zone *sz, size_t *i,
			       struct zl_loc *out);

/* What BIND refuses in z over the limits sz sets (max_ttl, max_rrset,
 * max_types; none for another kind): the next one from *i on, its
 * message written to msg (size n, cut to fit), where it stands in *out,
 * and *i past it; false after the last.  Start with *i = 0.  Each record
 * whose TTL is above max_ttl, but those $GENERATE writes (named does not
 * hold them to it) and those above 2147483647 (which named loads as 0);
 * an RRset of more than max_rrset records (RRSIG records by the type
 * they cover), at its first record; a name with more than max_types
 * RRsets (RRSIG records one for each type they cover), at its first
 * record. */
bool zl_zone_over_limit(const struct zl_zone *z,
			const struct zl_server_zone *sz, size_t *i,
			struct zl_loc *out, char *msg, size_t n);

/* The zones of one configuration, in declaration order.  Owns everything
 * it points to; free with zl_server_zones_free. */
struct zl_server_zones {
	struct zl_server_zone *v;
	size_t n, cap;
	enum zl_server_kind kind;	/* the kind that was read */
};

struct zl_server_opts {
	/* Files the configuration includes must lie below this directory
	 * (struct zl_read); NULL: the directory of the configuration file.
	 * The configuration file itself is not confined. */
	const char *root;
	/* The directory the server starts in: BIND and NSD resolve relative
	 * `include` paths against it, and BIND a relative `directory`, NSD a
	 * relative `zonesdir`, Knot a relative `storage`.  NULL: the
	 * directory of the configuration file. */
	const char *cwd;
	/* Reads the configuration and its includes; NULL: the file system.
	 * With a provider, include patterns are taken literally (no glob). */
	const struct zl_provider *provider;
	/* Further files or directory trees its includes may read, judged by
	 * their real paths (symbolic links resolved), and include patterns
	 * may list, as zl_load_opts.allow_include widens $INCLUDE;
	 * nallow_include entries, not copied, handed to the provider
	 * (struct zl_read).  One that does not exist allows nothing. */
	const char *const *allow_include;
	size_t nallow_include;
};

/* The kind named by spec's prefix ("named:", "bind:", "knot:", "nsd:");
 * *path is set to what follows it, or to spec with ZL_SERVER_AUTO when
 * there is no such prefix. */
enum zl_server_kind zl_server_prefix(const char *spec, const char **path);

/* The kind of the configuration file path holding text (NUL-terminated):
 * from the file name first ("named*.conf", "knot*.conf", "nsd*.conf"),
 * else from the content (braces and semicolons: BIND; a `domain:` item or a
 * YAML list: Knot; otherwise NSD when a `zone:` or `server:` clause is
 * there).  ZL_SERVER_AUTO when nothing fits. */
enum zl_server_kind zl_server_detect(const char *path, const char *text);

/* "bind", "knot", "nsd" (the names docs and messages use), "auto". */
const char *zl_server_kind_name(enum zl_server_kind k);

/* Reads the server configuration spec ("FILE", or "named:FILE",
 * "knot:FILE", "nsd:FILE") and appends the zones it declares to out
 * (zeroed by the caller, or holding earlier zones).  Each problem in the
 * configuration is appended to errs as an error (no rule id) at its
 * file:line:col and reading goes on where the server's grammar allows;
 * the zones read are kept.  Returns ZL_OK, ZL_ERR_CONFIG if there was any
 * error in the configuration, ZL_ERR_IO or ZL_ERR_LIMIT when the named
 * file cannot be read, ZL_ERR_USAGE when its kind cannot be told (each
 * with a message in errs).  o may be NULL (all defaults). */
enum zl_status zl_server_read(const char *spec,
			      const struct zl_server_opts *o,
			      struct zl_server_zones *out,
			      struct zl_diags *errs) ZL_MUST_CHECK;

/* Frees what z holds and leaves it empty; NULL is a no-op. */
void zl_server_zones_free(struct zl_server_zones *z);

/* A TSIG key (RFC 8945), as a BIND key file gives it:
 * key "NAME" { algorithm hmac-sha256; secret "BASE64"; }; */
struct zl_tsig_key {
	char *name;		/* absolute, lower case: "xfr-key." */
	char *algorithm;	/* as a TSIG record names it: "hmac-sha256." */
	char *secret;		/* base64, as written */
};

/* Reads the key file path (named.conf syntax, one key statement; the
 * file is named by the user and read wherever it is).  Returns ZL_OK with
 * *out filled in (free with zl_tsig_key_free), else ZL_ERR_CONFIG with
 * each problem in errs at its file:line:col (a missing or second key
 * statement, an unknown algorithm, a secret that is not base64), or
 * ZL_ERR_IO / ZL_ERR_LIMIT when the file cannot be read; *out is then
 * empty.  The secret is never shown in a message. */
enum zl_status zl_tsig_key_read(const char *path, struct zl_tsig_key *out,
				struct zl_diags *errs) ZL_MUST_CHECK;
/* Frees what k holds and leaves it empty; NULL is a no-op. */
void zl_tsig_key_free(struct zl_tsig_key *k);

#endif
