/* server_knot.h - what the parts of Knot DNS's knot.conf reader share:
 * the reader (server_knot.c) and the zone file names its formatters make
 * (server_knot_file.c). */
#ifndef ZL_SERVER_KNOT_H
#define ZL_SERVER_KNOT_H

#include "server_impl.h"

/* The file name that the pattern fmt (knot.conf's file: %s, %c[N],
 * %c[N-M], %l[N], %%) gives the zone name (absolute, "." for the root),
 * malloc'd; NULL when a %c[...] or %l[...] in fmt is malformed. */
char *srv_knot_file(const char *fmt, const char *name);

#endif
