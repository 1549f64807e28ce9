/* axfr.c - axfr://HOST[:PORT]/ZONE operands: the zone a running server
 * serves, transferred over TCP (RFC 5936) and turned into zone text, one
 * record per line, for the loader (docs/servers.md).
 *
 * ldns builds the query, signs it and checks the answers' signatures
 * (TSIG, RFC 8945), parses each message and prints each record; the
 * transport is our own, so that the whole transfer is bounded: a deadline
 * for the connection, for each wait and for the transfer as a whole, and a
 * limit on the bytes read.  (ldns_axfr_next() waits without an overall
 * deadline, reads without a size limit, and takes a nested call for each
 * empty message a server sends.)  What the server sends is hostile: each
 * message is checked before its records are used. */
#include <errno.h>
#include <ldns/ldns.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define PREFIX "axfr://"
#define TSIG_FUDGE 300		/* seconds of clock skew (RFC 8945 §5.2.3) */
/* The whole transfer may take this many times --axfr-timeout. */
#define AXFR_TOTAL 30

bool axfr_is_url(const char *s)
{
	return strncasecmp(s, PREFIX, strlen(PREFIX)) == 0;
}

/* One transfer: where to, the key, and the state of the reading. */
struct xfr {
	const struct cli *c;
	char *host, *port;
	ldns_rdf *zone;
	int fd;
	uint16_t id;
	struct timespec end;	/* the deadline of the connection, then of
				   the query and its answers */
	long span;		/* seconds from its start to end */
	ldns_rdf *mac;		/* the last signature seen, for the next */
	size_t bytes, records, msgs;
	unsigned soas;		/* the zone's SOA seen: 1 open, 2 closed */
	struct {
		char *s;
		size_t len, cap;
	} out;
	char *err;
};

static enum zl_status fail(struct xfr *x, enum zl_status st,
			   const char *fmt, ...) ZL_PRINTF(3, 4);

static enum zl_status fail(struct xfr *x, enum zl_status st,
			   const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!x->err)
		x->err = xstrdup(msg);
	return st;
}

/* ---- the operand ---- */

/* Splits axfr://HOST[:PORT]/ZONE; HOST may be [IPv6]. */
static enum zl_status parse_url(struct xfr *x, const char *url)
{
	const char *h = url + strlen(PREFIX), *slash, *colon, *end;
	char *zone;
	ldns_status ls;

	slash = strchr(h, '/');
	if (!slash || slash == h || !slash[1])
		return fail(x, ZL_ERR_USAGE, "wants axfr://HOST[:PORT]/ZONE");
	if (*h == '[') {
		end = memchr(h, ']', (size_t)(slash - h));
		if (!end)
			return fail(x, ZL_ERR_USAGE, "unclosed '[' in the host");
		x->host = xstrndup(h + 1, (size_t)(end - h - 1));
		colon = end[1] == ':' ? end + 1 : NULL;
		if (!colon && end + 1 != slash)
			return fail(x, ZL_ERR_USAGE, "wants ':PORT' after ']'");
	} else {
		colon = memchr(h, ':', (size_t)(slash - h));
		x->host = xstrndup(h, (size_t)((colon ? colon : slash) - h));
	}
	x->port = colon ? xstrndup(colon + 1, (size_t)(slash - colon - 1))
			: xstrdup("53");
	if (!x->host[0] || !x->port[0] ||
	    strspn(x->port, "0123456789") != strlen(x->port) ||
	    strlen(x->port) > 5 || atoi(x->port) == 0 ||
	    atoi(x->port) > 65535)
		return fail(x, ZL_ERR_USAGE, "wants axfr://HOST[:PORT]/ZONE "
			    "with a port from 1 to 65535");
	zone = xasprintf("%s%s", slash + 1,
			 slash[strlen(slash) - 1] == '.' ? "" : ".");
	ls = ldns_str2rdf_dname(&x->zone, zone);
	free(zone);
	if (ls != LDNS_STATUS_OK)
		return fail(x, ZL_ERR_USAGE, "the zone is not a domain name: "
			    "%s", ldns_get_errorstr_by_id(ls));
	ldns_dname2canonical(x->zone);
	return ZL_OK;
}

/* ---- time ---- */

/* Sets the deadline span seconds from now. */
static void deadline(struct xfr *x, long span)
{
	clock_gettime(CLOCK_MONOTONIC, &x->end);
	x->end.tv_sec += span;
	x->span = span;
}

/* Milliseconds to wait for the socket: the timeout, or less when the
 * transfer's deadline comes first (0: it has passed). */
static int wait_ms(const struct xfr *x)
{
	struct timespec now;
	long left, ms = x->c->axfr_timeout * 1000L;

	clock_gettime(CLOCK_MONOTONIC, &now);
	left = (long)(x->end.tv_sec - now.tv_sec) * 1000L +
	       (x->end.tv_nsec - now.tv_nsec) / 1000000L;
	if (left < 0)
		left = 0;
	return (int)(left < ms ? left : ms);
}

/* Waits for the socket to be ready for events; false after failing. */
static bool wait_for(struct xfr *x, short events, const char *doing)
{
	struct pollfd p = { .fd = x->fd, .events = events };
	int ms, n;

	do {
		ms = wait_ms(x);
		n = ms > 0 ? poll(&p, 1, ms) : 0;
	} while (n < 0 && errno == EINTR);
	if (n > 0)
		return true;
	if (n < 0)
		fail(x, ZL_ERR_IO, "%s: %s", doing, ERRSTR(errno));
	else if (x->span > x->c->axfr_timeout && wait_ms(x) == 0)
		fail(x, ZL_ERR_IO, "timed out %s: the transfer took longer "
		     "than %ld s", doing, x->span);
	else
		fail(x, ZL_ERR_IO, "timed out %s: no answer for %ld s", doing,
		     x->c->axfr_timeout);
	return false;
}

/* ---- the connection ---- */

static bool connect_one(struct xfr *x, const struct addrinfo *ai)
{
	int e = 0;
	socklen_t elen = sizeof e;

	x->fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
		       SOCK_CLOEXEC, ai->ai_protocol);
	if (x->fd < 0) {
		fail(x, ZL_ERR_IO, "cannot make a socket: %s", ERRSTR(errno));
		return false;
	}
	if (connect(x->fd, ai->ai_addr, ai->ai_addrlen) == 0)
		return true;
	if (errno == EINPROGRESS &&
	    wait_for(x, POLLOUT, "connecting to the server") &&
	    getsockopt(x->fd, SOL_SOCKET, SO_ERROR, &e, &elen) == 0 &&
	    e == 0)
		return true;
	if (e != 0 || errno != EINPROGRESS)
		fail(x, ZL_ERR_IO, "cannot connect: %s",
		     ERRSTR(e ? e : errno));
	close(x->fd);
	x->fd = -1;
	return false;
}

static enum zl_status connect_server(struct xfr *x)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_NUMERICSERV };
	struct addrinfo *res, *ai;
	int rc;

	rc = getaddrinfo(x->host, x->port, &hints, &res);
	if (rc != 0)
		return fail(x, ZL_ERR_IO, "cannot find host '%s': %s",
			    x->host, gai_strerror(rc));
	deadline(x, x->c->axfr_timeout);
	for (ai = res; ai && x->fd < 0; ai = ai->ai_next) {
		free(x->err);
		x->err = NULL;
		connect_one(x, ai);
	}
	freeaddrinfo(res);
	return x->fd < 0 ? ZL_ERR_IO : ZL_OK;
}

/* Sends (out) or reads n bytes at p; false after failing (for a read,
 * the end of the stream included). */
static bool transfer(struct xfr *x, uint8_t *p, size_t n, bool out)
{
	ssize_t k;

	while (n > 0) {
		if (!wait_for(x, out ? POLLOUT : POLLIN, out ? "sending the "
			      "query" : "waiting for the transfer"))
			return false;
		k = out ? send(x->fd, p, n, MSG_NOSIGNAL) : recv(x->fd, p, n, 0);
		if (k == 0 && !out) {
			fail(x, ZL_ERR_IO, "the server closed the connection "
			     "before the end of the transfer");
			return false;
		}
		if (k < 0 && errno != EINTR && errno != EAGAIN) {
			fail(x, ZL_ERR_IO, "cannot %s: %s", out ? "send the "
			     "query" : "read the transfer", ERRSTR(errno));
			return false;
		}
		if (k > 0) {
			p += k;
			n -= (size_t)k;
		}
	}
	return true;
}

/* ---- the query ---- */

static enum zl_status send_query(struct xfr *x, const struct zl_tsig_key *k)
{
	ldns_pkt *q;
	uint8_t *wire = NULL, *msg;
	size_t len = 0;
	ldns_status ls;
	bool ok;

	q = ldns_pkt_query_new(ldns_rdf_clone(x->zone), LDNS_RR_TYPE_AXFR,
			       LDNS_RR_CLASS_IN, 0);
	if (!q)
		cli_out_of_memory();
	ldns_pkt_set_random_id(q);
	x->id = ldns_pkt_id(q);
	if (k) {
		ls = ldns_pkt_tsig_sign(q, k->name, k->secret, TSIG_FUDGE,
					k->algorithm, NULL);
		if (ls != LDNS_STATUS_OK) {
			ldns_pkt_free(q);
			return fail(x, ZL_ERR_IO, "cannot sign the query with "
				    "key '%s': %s", k->name,
				    ldns_get_errorstr_by_id(ls));
		}
		x->mac = ldns_rdf_clone(ldns_rr_rdf(ldns_pkt_tsig(q), 3));
	}
	ls = ldns_pkt2wire(&wire, q, &len);
	ldns_pkt_free(q);
	if (ls != LDNS_STATUS_OK || len > 65535) {
		free(wire);
		return fail(x, ZL_ERR_IO, "cannot write the query");
	}
	msg = xmalloc(len + 2);
	msg[0] = (uint8_t)(len >> 8);
	msg[1] = (uint8_t)len;
	memcpy(msg + 2, wire, len);
	free(wire);
	ok = transfer(x, msg, len + 2, true);
	free(msg);
	return ok ? ZL_OK : ZL_ERR_IO;
}

/* ---- the answers ---- */

static void out_add(struct xfr *x, const char *s, size_t n)
{
	xgrow((void **)&x->out.s, &x->out.cap, x->out.len + n + 1, 1);
	memcpy(x->out.s + x->out.len, s, n);
	x->out.len += n;
	x->out.s[x->out.len] = '\0';
}

/* Appends rr as one line of zone text. */
static enum zl_status add_record(struct xfr *x, const ldns_rr *rr)
{
	char *text = ldns_rr2str(rr);
	size_t n;

	if (!text)
		return fail(x, ZL_ERR_IO, "cannot print record %zu of the "
			    "transfer", x->records + 1);
	n = strcspn(text, "\n");
	/* An owner label that starts with '$' would read as a directive:
	 * escaped, it is the same name. */
	if (text[0] == '$')
		out_add(x, "\\", 1);
	out_add(x, text, n);
	out_add(x, "\n", 1);
	free(text);
	x->records++;
	return ZL_OK;
}

static bool zone_soa(const struct xfr *x, const ldns_rr *rr)
{
	return ldns_rr_get_type(rr) == LDNS_RR_TYPE_SOA &&
	       ldns_dname_compare(ldns_rr_owner(rr), x->zone) == 0;
}

/* The records of one message, up to the closing SOA. */
static enum zl_status take_records(struct xfr *x, const ldns_pkt *p)
{
	const ldns_rr_list *an = ldns_pkt_answer(p);
	const ldns_rr *rr;
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(an) && x->soas < 2; i++) {
		rr = ldns_rr_list_rr(an, i);
		if (x->soas == 0 && !zone_soa(x, rr))
			return fail(x, ZL_ERR_IO, "the transfer does not "
				    "begin with the zone's SOA record");
		if (zone_soa(x, rr) && ++x->soas == 2)
			break;	/* RFC 5936 §2.2: the SOA again ends it */
		if (add_record(x, rr) != ZL_OK)
			return ZL_ERR_IO;
	}
	return ZL_OK;
}

/* The error of a refused transfer: the rcode, and the TSIG error that
 * goes with NOTAUTH (RFC 8945 §5.3.2). */
static enum zl_status refused(struct xfr *x, const ldns_pkt *p)
{
	const ldns_lookup_table *rc =
		ldns_lookup_by_id(ldns_rcodes, (int)ldns_pkt_get_rcode(p));
	const ldns_rr *t = ldns_pkt_tsig(p);
	const char *why = "";
	uint16_t e;

	if (t && ldns_rr_rd_count(t) > 5) {
		e = ldns_rdf2native_int16(ldns_rr_rdf(t, 5));
		why = e == 16 ? " (TSIG: bad signature)" :
		      e == 17 ? " (TSIG: the server does not know the key)" :
		      e == 18 ? " (TSIG: bad time)" : "";
	}
	return fail(x, ZL_ERR_IO, "the server refused the transfer: %s%s",
		    rc ? rc->name : "unknown rcode", why);
}

/* Checks one message's signature: the first must be signed; a later one
 * is checked when the one before it was signed too. */
static enum zl_status check_tsig(struct xfr *x, ldns_pkt *p,
				 const uint8_t *wire, size_t len,
				 const struct zl_tsig_key *k, bool first,
				 bool *chained)
{
	const ldns_rr *t = ldns_pkt_tsig(p);

	if (!k)
		return ZL_OK;
	if (!t) {
		if (first)
			return fail(x, ZL_ERR_IO, "the answer is not signed "
				    "with key '%s'", k->name);
		*chained = false;
		return ZL_OK;
	}
	if (*chained && !ldns_pkt_tsig_verify_next(p, wire, len, k->name,
						   k->secret, x->mac, !first))
		return fail(x, ZL_ERR_IO, "message %zu of the transfer fails "
			    "its TSIG check with key '%s'", x->msgs, k->name);
	ldns_rdf_deep_free(x->mac);
	x->mac = ldns_rdf_clone(ldns_rr_rdf(t, 3));
	*chained = true;
	return ZL_OK;
}

static enum zl_status read_answers(struct xfr *x, const struct zl_tsig_key *k)
{
	uint8_t hdr[2], *wire = NULL;
	ldns_pkt *p = NULL;
	enum zl_status st = ZL_OK;
	bool first = true, chained = true;
	size_t len;

	while (st == ZL_OK && x->soas < 2) {
		if (!transfer(x, hdr, 2, false))
			return ZL_ERR_IO;
		len = (size_t)hdr[0] << 8 | hdr[1];
		x->bytes += len + 2;
		if (x->bytes > x->c->axfr_max_bytes)
			return fail(x, ZL_ERR_LIMIT, "the transfer is larger "
				    "than %zu bytes (--axfr-max-bytes)",
				    x->c->axfr_max_bytes);
		wire = xmalloc(len ? len : 1);
		if (!transfer(x, wire, len, false)) {
			free(wire);
			return ZL_ERR_IO;
		}
		x->msgs++;
		if (ldns_wire2pkt(&p, wire, len) != LDNS_STATUS_OK)
			st = fail(x, ZL_ERR_IO, "the server sent a malformed "
				  "message");
		else if (ldns_pkt_id(p) != x->id || !ldns_pkt_qr(p))
			st = fail(x, ZL_ERR_IO, "the server sent a message "
				  "that answers another query");
		else if (ldns_pkt_get_rcode(p) != LDNS_RCODE_NOERROR)
			st = refused(x, p);
		else if ((st = check_tsig(x, p, wire, len, k, first,
					  &chained)) == ZL_OK)
			st = take_records(x, p);
		if (st == ZL_OK && first && x->soas == 0)
			st = fail(x, ZL_ERR_IO, "the server sent no record");
		ldns_pkt_free(p);
		p = NULL;
		free(wire);
		first = false;
	}
	return st;
}

enum zl_status axfr_fetch(const struct cli *c, const struct zl_tsig_key *k,
			  const char *url, char **text, size_t *len,
			  char **origin, char **err)
{
	struct xfr x = { .c = c, .fd = -1 };
	enum zl_status st;

	*text = NULL;
	*len = 0;
	*origin = NULL;
	if ((st = parse_url(&x, url)) == ZL_OK &&
	    (st = connect_server(&x)) == ZL_OK) {
		/* The query and the answers: one deadline for both. */
		deadline(&x, c->axfr_timeout * AXFR_TOTAL);
		if ((st = send_query(&x, k)) == ZL_OK)
			st = read_answers(&x, k);
	}
	if (st == ZL_OK) {
		*text = x.out.s ? x.out.s : xstrdup("");
		*len = x.out.len;
		*origin = ldns_rdf2str(x.zone);
		if (!*origin)
			cli_out_of_memory();
		x.out.s = NULL;
	} else {
		*err = x.err ? x.err : xstrdup(zl_status_str(st));
		x.err = NULL;
	}
	if (x.fd >= 0)
		close(x.fd);
	free(x.out.s);
	free(x.err);
	free(x.host);
	free(x.port);
	ldns_rdf_deep_free(x.zone);
	ldns_rdf_deep_free(x.mac);
	return st;
}

bool cli_axfr_key(const struct cli *c, struct run *r)
{
	struct zl_diags errs;
	enum zl_status st;

	if (!c->tsig_key)
		return true;
	zl_diags_init(&errs);
	st = must(zl_tsig_key_read(c->tsig_key, &r->key, &errs));
	if (errs.n > 0)
		print_errors(c, &errs);
	zl_diags_free(&errs);
	r->has_key = st == ZL_OK;
	return r->has_key;
}
