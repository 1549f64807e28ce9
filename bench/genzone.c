/* genzone.c - writes a synthetic, mail-heavy zone for the benchmarks.
 *
 * usage: genzone ORIGIN RECORDS [SEED] > zone
 * The zone looks like a hosting provider's: customer domains below the
 * origin, each with hosts (A/AAAA), an MX set with a backup, SPF with
 * includes, DMARC, a DKIM key, CNAMEs, varied TTLs, $ORIGIN switches,
 * relative and absolute names, comments, and now and then a real defect
 * (MX to a CNAME, a missing trailing dot, a ?all SPF, a truncated DKIM key)
 * so the rules have work to do.  Output is deterministic for a given seed. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state;

static unsigned rnd(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

/* A real 2048-bit RSA key, in two strings as signers print it; the
 * defect is the first string alone (a key cut short when pasted). */
static const char *const dkim[2] = {
	"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAujLQl0TQFH/vziYOzbXjmMJL6C"
	"73CNivvk2Xz8dsS6oWDOZRiIlebRbg+6nwACXhF5StxphZe7fuS4whvshEDyIXH51vDggJ"
	"uMWXuwCRhZ",
	"yI8Pz3xHT8GbdFgNcFzPW9QeCIyPzNKxRv3J2rIUtie8ljMeW7e8FkPiH/tQUAMHH2fDYb"
	"j1apMyrCWoEmvfUdaE888+nw1AKCoO2Hh9Zzaj86EdihKNLD9j399pryzmSVUzoFoK7Qci"
	"8yWv7uTvOUOaEM1myPGkZFYSCCsPhIBCFqR8GjU9CcqKwTvktL08XAaC4Zk08iQLr35PHu"
	"tovZsIHhUPW0x7Vm4/a+D4+NdwIDAQAB",
};

/* One customer domain; returns the number of records written. */
static unsigned domain(unsigned long d, const char *origin)
{
	unsigned n = 0, h, hosts = 3 + rnd(6);
	unsigned ttl = rnd(4) == 0 ? 300 : 3600;

	printf("$ORIGIN d%lu.%s\n; customer %lu\n", d, origin, d);
	printf("@\t%u\tIN\tMX\t10 mx1\n", ttl);
	printf("\t%u\tIN\tMX\t20 mx2.d%lu.%s\n", ttl, d, origin);
	n += 2;
	if (rnd(50) == 0) {	/* a defect: MX pointing at an alias */
		printf("@\t%u\tIN\tMX\t30 alias\n", ttl);
		printf("alias\tIN\tCNAME\tmx1\n");
		n += 2;
	}
	printf("@\tIN\tTXT\t\"v=spf1 mx include:_spf.provider.example %s\"\n",
	       rnd(40) ? "-all" : "?all");
	printf("_dmarc\tIN\tTXT\t\"v=DMARC1; p=%s; rua=mailto:dmarc@d%lu.%s\"\n",
	       rnd(3) ? "reject" : "none", d, origin);
	printf("s%u._domainkey\tIN\tTXT\t( \"v=DKIM1; k=rsa; p=%s\"\n",
	       rnd(9), dkim[0]);
	/* a defect: a truncated key */
	printf("\t\t\"%s\" )\n", rnd(60) ? dkim[1] : "");
	printf("mx1\tIN\tA\t10.%u.%u.%u\n", rnd(256), rnd(256), 1 + rnd(254));
	printf("mx1\tIN\tAAAA\t2001:db8:%x::%x\n", rnd(65536), 1 + rnd(65535));
	printf("mx2\tIN\tA\t10.%u.%u.%u\n", rnd(256), rnd(256), 1 + rnd(254));
	n += 6;
	for (h = 0; h < hosts; h++) {
		printf("h%u\t%u\tIN\tA\t192.0.%u.%u\n", h, rnd(2) ? 3600 : 86400,
		       rnd(256), 1 + rnd(254));
		printf("www%u\tIN\tCNAME\th%u%s\n", h, h,
		       rnd(100) ? "" : ".d0.bench.example");	/* missing dot */
		n += 2;
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned long want, n = 0, d = 0;
	const char *origin;

	if (argc < 3) {
		fprintf(stderr, "usage: genzone ORIGIN RECORDS [SEED]\n");
		return 2;
	}
	origin = argv[1];
	want = strtoul(argv[2], NULL, 10);
	state = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	printf("$ORIGIN %s\n$TTL 3600\n", origin);
	printf("@\tIN\tSOA\tns1 hostmaster 2026112301 7200 3600 1209600 3600\n");
	printf("\tIN\tNS\tns1\n\tIN\tNS\tns2.%s\n", origin);
	printf("ns1\tIN\tA\t192.0.2.53\nns2\tIN\tA\t198.51.100.53\n");
	printf("@\tIN\tMX\t10 ns1\n@\tIN\tMX\t20 ns2\n@\tIN\tTXT\t\"v=spf1 mx -all\"\n");
	printf("_dmarc\tIN\tTXT\t\"v=DMARC1; p=reject\"\n");
	printf("_spf.provider\tIN\tTXT\t\"v=spf1 ip4:192.0.2.0/24 -all\"\n");
	n = 10;
	while (n < want)
		n += domain(d++, origin);
	fprintf(stderr, "genzone: %lu records in %lu domains\n", n, d);
	return 0;
}
