/* server_nsd.h - what the parts of NSD's nsd.conf reader share: the
 * reader (server_nsd.c) and the values its items take
 * (server_nsd_value.c). */
#ifndef ZL_SERVER_NSD_H
#define ZL_SERVER_NSD_H

/* What is wrong with v as the value of the item name (without its ':',
 * any case) to NSD 4.6, which refuses it ("takes yes or no"), a static
 * string; NULL when NSD takes it or zonelint does not check the item. */
const char *srv_nsd_value(const char *name, const char *v);

#endif
