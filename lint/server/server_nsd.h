/* server_nsd.h - what the parts of NSD's nsd.conf reader share: the
 * reader (server_nsd.c) and the values its items take
 * (server_nsd_value.c). */
#ifndef ZL_SERVER_NSD_H
#define ZL_SERVER_NSD_H

#include <stdbool.h>

/* What is wrong with v as the value of the item name (without its ':',
 * any case) to NSD 4.6, which refuses it ("takes yes or no"), a static
 * string; NULL when NSD takes it or zonelint does not check the item. */
const char *srv_nsd_value(const char *name, const char *v);

/* What is wrong with addr to NSD 4.6 as the address of an access list
 * or an outgoing-interface (ADDR, ADDR/BITS, ADDR&MASK, ADDR-ADDR, each
 * with @PORT or not), a static string, or NULL; *range is set when it
 * names more than one address. */
const char *srv_nsd_address(const char *addr, bool *range);

#endif
