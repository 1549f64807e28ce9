/* hostile.c - a DNS server on the loopback that answers one zone transfer
 * the way a broken or hostile server would, for tests/servers-live.sh: what
 * zonelint does with it must be a clear error (or findings), never a crash
 * or a hang.
 *
 * usage: hostile PORT MODE [SECRET]  (prints "ready" once it listens, answers
 *                               one connection, exits; ends itself after
 *                               20 s whatever happens)
 * MODE:
 *   garbage    bytes that are no DNS message
 *   empty      the SOA, then valid empty answers without end
 *   silent     nothing at all
 *   wrongid    an answer to another query (another ID)
 *   notsoa     a transfer that does not begin with the SOA
 *   truncated  the SOA, then the connection closed
 *   lying      a header that counts more records than the message holds
 *   refused    rcode REFUSED
 *   odd        a complete transfer of odd data: an owner that reads like a
 *              directive, control bytes and terminal escapes in TXT, an
 *              unknown type, a name of 255 bytes
 *   signed     a complete transfer, signed with the key "xfr-key" and the
 *              secret given as a third argument (hmac-sha256)
 *   unsigned   the same, without a signature
 *   badnext    signed, but the second answer over the query's signature
 *              instead of the first answer's */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void put(int fd, const uint8_t *p, size_t n)
{
	ssize_t k;

	while (n > 0 && (k = send(fd, p, n, MSG_NOSIGNAL)) > 0) {
		p += k;
		n -= (size_t)k;
	}
	if (n > 0)
		exit(0);	/* the client went away */
}

/* Sends message m (len bytes) with its TCP length. */
static void send_msg(int fd, const uint8_t *m, size_t len)
{
	uint8_t hdr[2] = { (uint8_t)(len >> 8), (uint8_t)len };

	put(fd, hdr, 2);
	put(fd, m, len);
}

/* signed: the secret, and the query's signature its answer signs over. */
static const char *secret;
static ldns_rdf *query_mac;
static int answers;
static int chained = 1;	/* badnext: 0 */

/* An answer to query id with the records rrs[] (presentation form). */
static void send_answer(int fd, uint16_t id, ldns_pkt_rcode rc,
			const char *const *rrs)
{
	ldns_pkt *p = ldns_pkt_new();
	ldns_rr *rr;
	uint8_t *wire;
	size_t len;

	ldns_pkt_set_id(p, id);
	ldns_pkt_set_qr(p, true);
	ldns_pkt_set_aa(p, true);
	ldns_pkt_set_rcode(p, (uint8_t)rc);
	for (; rrs && *rrs; rrs++) {
		if (ldns_rr_new_frm_str(&rr, *rrs, 0, NULL, NULL) !=
		    LDNS_STATUS_OK) {
			fprintf(stderr, "hostile: bad record %s\n", *rrs);
			exit(2);
		}
		ldns_pkt_push_rr(p, LDNS_SECTION_ANSWER, rr);
	}
	/* RFC 8945 §5.3.1: each answer signs over the signature before it,
	 * the later ones with the timers only. */
	if (secret) {
		if (ldns_pkt_tsig_sign_next(p, "xfr-key.", secret, 300,
					    "hmac-sha256.", query_mac,
					    answers++ > 0) != LDNS_STATUS_OK)
			exit(2);
		if (chained) {
			ldns_rdf_deep_free(query_mac);
			query_mac = ldns_rdf_clone(ldns_rr_rdf(ldns_pkt_tsig(p),
							       3));
		}
	}
	if (ldns_pkt2wire(&wire, p, &len) != LDNS_STATUS_OK)
		exit(2);
	send_msg(fd, wire, len);
	free(wire);
	ldns_pkt_free(p);
}

#define SOA "example.com. 3600 IN SOA ns1.example.com. h.example.com. 1 2 3 4 5"

static void serve(int fd, const char *mode, uint16_t id)
{
	static const char *const soa[] = { SOA, NULL };
	static const char *const notsoa[] = {
		"example.com. 3600 IN A 192.0.2.1", SOA, NULL };
	static const char *const zone[] = {
		SOA, "example.com. 3600 IN NS ns1.example.com.",
		"ns1.example.com. 3600 IN A 192.0.2.1", NULL };
	static const char *const odd[] = {
		SOA,
		"\\$INCLUDE.example.com. 3600 IN TXT \"/etc/passwd\"",
		"example.com. 3600 IN TXT \"\\027[31mred\\027[0m \\000 \\255\"",
		"example.com. 3600 IN TYPE65280 \\# 3 010203",
		"example.com. 3600 IN MX 10 "
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		".example.com.",	/* 246 bytes in wire form */
		SOA, NULL };
	uint8_t junk[100], hdr[12] = { 0 };
	size_t i;

	if (!strcmp(mode, "garbage")) {
		for (i = 0; i < sizeof junk; i++)
			junk[i] = (uint8_t)(i * 37 + 11);
		send_msg(fd, junk, sizeof junk);
	} else if (!strcmp(mode, "empty")) {
		send_answer(fd, id, LDNS_RCODE_NOERROR, soa);
		for (;;)
			send_answer(fd, id, LDNS_RCODE_NOERROR, NULL);
	} else if (!strcmp(mode, "silent")) {
		pause();
	} else if (!strcmp(mode, "wrongid")) {
		send_answer(fd, (uint16_t)(id + 1), LDNS_RCODE_NOERROR, soa);
	} else if (!strcmp(mode, "notsoa")) {
		send_answer(fd, id, LDNS_RCODE_NOERROR, notsoa);
	} else if (!strcmp(mode, "truncated")) {
		send_answer(fd, id, LDNS_RCODE_NOERROR, soa);
	} else if (!strcmp(mode, "lying")) {
		hdr[0] = (uint8_t)(id >> 8);
		hdr[1] = (uint8_t)id;
		hdr[2] = 0x84;		/* QR, AA */
		hdr[7] = 5;		/* five answers, none there */
		send_msg(fd, hdr, sizeof hdr);
	} else if (!strcmp(mode, "refused")) {
		send_answer(fd, id, LDNS_RCODE_REFUSED, NULL);
	} else if (!strcmp(mode, "odd")) {
		send_answer(fd, id, LDNS_RCODE_NOERROR, odd);
	} else if (!strcmp(mode, "signed") || !strcmp(mode, "unsigned") ||
		   !strcmp(mode, "badnext")) {
		send_answer(fd, id, LDNS_RCODE_NOERROR, zone);
		send_answer(fd, id, LDNS_RCODE_NOERROR, soa);
	} else {
		fprintf(stderr, "hostile: unknown mode %s\n", mode);
		exit(2);
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	uint8_t q[2 + 65535];
	int s, fd, one = 1;
	size_t need, got = 0;
	ssize_t k;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: hostile PORT MODE [SECRET]\n");
		return 2;
	}
	secret = argc == 4 && (strcmp(argv[2], "signed") == 0 ||
			       strcmp(argv[2], "badnext") == 0) ? argv[3] : NULL;
	chained = strcmp(argv[2], "badnext") != 0;
	alarm(20);
	a.sin_port = htons((uint16_t)atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 ||
	    listen(s, 1) != 0) {
		perror("hostile");
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	if ((fd = accept(s, NULL, NULL)) < 0)
		return 2;
	/* The query: its length, then the message, whose ID is answered. */
	for (need = 2; got < need; got += (size_t)k) {
		if ((k = recv(fd, q + got, need - got, 0)) <= 0)
			return 0;
		if (got + (size_t)k >= 2 && need == 2)
			need = 2 + ((size_t)q[0] << 8 | q[1]);
	}
	if (need < 4)
		return 0;
	if (secret) {
		ldns_pkt *qp;

		if (ldns_wire2pkt(&qp, q + 2, need - 2) != LDNS_STATUS_OK ||
		    !ldns_pkt_tsig(qp))
			return 0;
		query_mac = ldns_rdf_clone(ldns_rr_rdf(ldns_pkt_tsig(qp), 3));
		ldns_pkt_free(qp);
	}
	serve(fd, argv[2], (uint16_t)(q[2] << 8 | q[3]));
	close(fd);
	return 0;
}
