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

/* The kinds, the zone list and zl_server_read() are public (zonelint.h). */

/* Limits on what a configuration may pull in. */
#define ZL_SERVER_MAX_FILE (16u << 20)	/* bytes in one file */
#define ZL_SERVER_MAX_DEPTH 16		/* nested includes */
#define ZL_SERVER_MAX_FILES 4096	/* files read for one configuration */
#define ZL_SERVER_MAX_BYTES (64u << 20)	/* bytes of them all */
#define ZL_SERVER_MAX_ERRORS 1000	/* errors shown for one configuration */
#define ZL_SERVER_MAX_NEST 64		/* nested blocks (BIND) or YAML nodes */

#endif
