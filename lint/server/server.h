/* server.h - the zones an authoritative server's configuration loads: BIND
 * named.conf, Knot knot.conf and NSD nsd.conf, read with each server's own
 * grammar into one list (docs/servers.md).
 *
 * The configuration file the user names is read as named (it may be a link
 * to anywhere); every file it includes is read through the file module
 * (fs.c), confined to a root directory (by default the named file's own
 * directory), with the include rules of that server.  Zone files are not
 * opened here: each zone's path is resolved as the server resolves it, for
 * the zone loader to read. */
#ifndef ZL_SERVER_H
#define ZL_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "zonelint.h"

enum zl_server_kind {
	ZL_SERVER_AUTO,		/* detect it (zl_server_detect) */
	ZL_SERVER_BIND,		/* named.conf */
	ZL_SERVER_KNOT,		/* knot.conf */
	ZL_SERVER_NSD,		/* nsd.conf */
};

enum zl_server_role {
	ZL_SERVER_PRIMARY,	/* the server loads the zone from its file */
	ZL_SERVER_SECONDARY,	/* transferred from a primary: listed, not
				   linted */
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
	enum zl_server_kind kind;
	enum zl_server_role role;
	char *view;		/* BIND view, or NULL */
	/* Where the zone is declared: the configuration file as shown in
	 * messages, and the 1-based line and column (bytes) of the zone's
	 * name (for Knot, the value of its `domain` item). */
	char *conf;
	uint32_t line, col;
};

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

/* Limits on what a configuration may pull in. */
#define ZL_SERVER_MAX_FILE (16u << 20)	/* bytes in one file */
#define ZL_SERVER_MAX_DEPTH 16		/* nested includes */
#define ZL_SERVER_MAX_FILES 4096	/* files read for one configuration */
#define ZL_SERVER_MAX_NEST 64		/* nested blocks (BIND) or YAML nodes */

#endif
