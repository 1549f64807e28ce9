/* zone_types.c - the record types of the IANA registry and their rdata layouts. */
#include "zone_lex.h"

#include <ldns/ldns.h>
#include <string.h>
#include <strings.h>

#include "nearest.h"

/* Field types, short so that each type's layout fits on its line. */
#define DN LDNS_RDF_TYPE_DNAME
#define I1 LDNS_RDF_TYPE_INT8
#define I2 LDNS_RDF_TYPE_INT16
#define I4 LDNS_RDF_TYPE_INT32
#define V4 LDNS_RDF_TYPE_A
#define V6 LDNS_RDF_TYPE_AAAA
#define ST LDNS_RDF_TYPE_STR
#define B64 LDNS_RDF_TYPE_B64
#define HEX LDNS_RDF_TYPE_HEX
#define MAP LDNS_RDF_TYPE_NSEC
#define TY LDNS_RDF_TYPE_TYPE
#define ALG LDNS_RDF_TYPE_ALG
#define TM LDNS_RDF_TYPE_TIME
#define PER LDNS_RDF_TYPE_PERIOD

/* name, type, wire, min, max, repeat, form, fields.  Every data type and
 * meta type of the "Resource Record (RR) TYPEs" registry, by number.
 * wire names the type whose ldns wire layout reads RFC 3597 rdata of this
 * one (0: none does).  GENERIC: only RFC 3597 rdata, as no presentation
 * format was ever published (NULL, UINFO, UID, GID, UNSPEC), and every
 * server refuses another.  OPAQUE: no presentation format is implemented,
 * the rdata is kept as written (UNECE, CLA, IPN are recent).  TEXT: the
 * obsolete A6 and NXT, whose text BIND reads (zl_conv_old). */
#define DS_LIKE I2, ALG, I1, HEX
#define KEY_LIKE ZL_FT_KEYFLAGS, ZL_FT_KEYPROTO, ALG, B64
#define SIG_LIKE TY, ALG, I1, I4, TM, TM, I2, DN, B64
static const struct zl_rrtype types[] = {
	{ "A", 1, 1, 1, 1, 0, 0, { V4 } },
	{ "NS", 2, 2, 1, 1, 0, 0, { DN } },
	{ "MD", 3, 3, 1, 1, 0, ZL_FORM_OBSOLETE, { DN } },
	{ "MF", 4, 4, 1, 1, 0, ZL_FORM_OBSOLETE, { DN } },
	{ "CNAME", 5, 5, 1, 1, 0, 0, { DN } },
	{ "SOA", 6, 6, 7, 7, 0, 0, { DN, DN, I4, PER, PER, PER, PER } },
	{ "MB", 7, 7, 1, 1, 0, 0, { DN } },
	{ "MG", 8, 8, 1, 1, 0, 0, { DN } },
	{ "MR", 9, 9, 1, 1, 0, 0, { DN } },
	{ "NULL", 10, 0, 0, 0, 0, ZL_FORM_GENERIC, { 0 } },
	{ "WKS", 11, 11, 2, 2, 0, 0, { V4, LDNS_RDF_TYPE_WKS } },
	{ "PTR", 12, 12, 1, 1, 0, 0, { DN } },
	{ "HINFO", 13, 13, 2, 2, 0, 0, { ST, ST } },
	{ "MINFO", 14, 14, 2, 2, 0, 0, { DN, DN } },
	{ "MX", 15, 15, 2, 2, 0, 0, { I2, DN } },
	{ "TXT", 16, 16, 1, 0, ST, 0, { 0 } },
	{ "RP", 17, 17, 2, 2, 0, 0, { DN, DN } },
	{ "AFSDB", 18, 18, 2, 2, 0, 0, { I2, DN } },
	{ "X25", 19, 19, 1, 1, 0, 0, { ST } },
	{ "ISDN", 20, 20, 1, 2, 0, 0, { ST, ST } },
	{ "RT", 21, 21, 2, 2, 0, 0, { I2, DN } },
	{ "NSAP", 22, 22, 1, 1, 0, 0, { LDNS_RDF_TYPE_NSAP } },
	{ "NSAP-PTR", 23, 12, 1, 1, 0, 0, { DN } },
	{ "SIG", 24, 24, 9, 9, 0, 0, { SIG_LIKE } },
	{ "KEY", 25, 25, 4, 4, 0, 0, { KEY_LIKE } },
	{ "PX", 26, 26, 3, 3, 0, 0, { I2, DN, DN } },
	{ "GPOS", 27, 27, 3, 3, 0, 0, { ST, ST, ST } },
	{ "AAAA", 28, 28, 1, 1, 0, 0, { V6 } },
	{ "LOC", 29, 29, 1, 1, 0, 0, { LDNS_RDF_TYPE_LOC } },
	{ "NXT", 30, 0, 1, 2, 0, ZL_FORM_TEXT, { DN, HEX } },
	{ "EID", 31, 31, 1, 1, 0, 0, { HEX } },
	{ "NIMLOC", 32, 32, 1, 1, 0, 0, { HEX } },
	{ "SRV", 33, 33, 4, 4, 0, 0, { I2, I2, I2, DN } },
	{ "ATMA", 34, 34, 1, 1, 0, 0, { LDNS_RDF_TYPE_ATMA } },
	{ "NAPTR", 35, 35, 6, 6, 0, 0, { I2, I2, ST, ST, ST, DN } },
	{ "KX", 36, 36, 2, 2, 0, 0, { I2, DN } },
	{ "CERT", 37, 37, 4, 4, 0, 0,
	  { LDNS_RDF_TYPE_CERT_ALG, I2, ALG, B64 } },
	{ "A6", 38, 0, 1, 3, 0, ZL_FORM_TEXT, { I1, HEX, DN } },
	{ "DNAME", 39, 39, 1, 1, 0, 0, { DN } },
	{ "SINK", 40, 0, 3, 4, 0, 0, { I1, I1, I1, B64 } },
	{ "OPT", 41, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "APL", 42, 42, 0, 0, LDNS_RDF_TYPE_APL, 0, { 0 } },
	{ "DS", 43, 43, 4, 4, 0, 0, { DS_LIKE } },
	{ "SSHFP", 44, 44, 3, 3, 0, 0, { I1, I1, HEX } },
	{ "IPSECKEY", 45, 0, 4, 5, 0, 0,
	  { I1, ZL_FT_GWTYPE, I1, ZL_FT_GATEWAY, B64 } },
	{ "RRSIG", 46, 46, 9, 9, 0, 0, { SIG_LIKE } },
	{ "NSEC", 47, 47, 1, 2, 0, 0, { DN, MAP } },
	{ "DNSKEY", 48, 48, 4, 4, 0, 0, { KEY_LIKE } },
	{ "DHCID", 49, 49, 1, 1, 0, 0, { B64 } },
	/* RFC 5155 §3.2.1, RFC 7477 §2.1.3: the bitmaps of NSEC3 (an empty
	 * non-terminal) and CSYNC may be empty. */
	{ "NSEC3", 50, 50, 5, 6, 0, 0,
	  { I1, I1, I2, LDNS_RDF_TYPE_NSEC3_SALT,
	    LDNS_RDF_TYPE_NSEC3_NEXT_OWNER, MAP } },
	{ "NSEC3PARAM", 51, 51, 4, 4, 0, 0,
	  { I1, I1, I2, LDNS_RDF_TYPE_NSEC3_SALT } },
	{ "TLSA", 52, 52, 4, 4, 0, 0,
	  { LDNS_RDF_TYPE_CERTIFICATE_USAGE, LDNS_RDF_TYPE_SELECTOR,
	    LDNS_RDF_TYPE_MATCHING_TYPE, HEX } },
	{ "SMIMEA", 53, 53, 4, 4, 0, 0,
	  { LDNS_RDF_TYPE_CERTIFICATE_USAGE, LDNS_RDF_TYPE_SELECTOR,
	    LDNS_RDF_TYPE_MATCHING_TYPE, HEX } },
	{ "HIP", 55, 55, 1, 1, DN, 0, { LDNS_RDF_TYPE_HIP } },
	{ "NINFO", 56, 16, 1, 0, ST, 0, { 0 } },
	{ "RKEY", 57, 48, 4, 4, 0, 0, { KEY_LIKE } },
	{ "TALINK", 58, 58, 2, 2, 0, 0, { DN, DN } },
	{ "CDS", 59, 59, 4, 4, 0, 0, { DS_LIKE } },
	{ "CDNSKEY", 60, 60, 4, 4, 0, 0, { KEY_LIKE } },
	{ "OPENPGPKEY", 61, 61, 1, 1, 0, 0, { B64 } },
	{ "CSYNC", 62, 62, 2, 3, 0, 0, { I4, I2, MAP } },
	{ "ZONEMD", 63, 63, 4, 4, 0, 0, { I4, I1, I1, HEX } },
	{ "SVCB", 64, 64, 2, 3, 0, 0, { I2, DN, LDNS_RDF_TYPE_SVCPARAMS } },
	{ "HTTPS", 65, 65, 2, 3, 0, 0, { I2, DN, LDNS_RDF_TYPE_SVCPARAMS } },
	{ "DSYNC", 66, 0, 4, 4, 0, 0, { TY, ZL_FT_DSCHEME, I2, DN } },
	{ "HHIT", 67, 61, 1, 1, 0, 0, { B64 } },
	{ "BRID", 68, 61, 1, 1, 0, 0, { B64 } },
	{ "UNECE", 69, 0, 0, 0, 0, ZL_FORM_OPAQUE, { 0 } },
	{ "SPF", 99, 99, 1, 0, ST, 0, { 0 } },
	{ "UINFO", 100, 0, 0, 0, 0, ZL_FORM_GENERIC, { 0 } },
	{ "UID", 101, 0, 0, 0, 0, ZL_FORM_GENERIC, { 0 } },
	{ "GID", 102, 0, 0, 0, 0, ZL_FORM_GENERIC, { 0 } },
	{ "UNSPEC", 103, 0, 0, 0, 0, ZL_FORM_GENERIC, { 0 } },
	{ "NID", 104, 104, 2, 2, 0, 0, { I2, LDNS_RDF_TYPE_ILNP64 } },
	{ "L32", 105, 105, 2, 2, 0, 0, { I2, V4 } },
	{ "L64", 106, 106, 2, 2, 0, 0, { I2, LDNS_RDF_TYPE_ILNP64 } },
	{ "LP", 107, 107, 2, 2, 0, 0, { I2, DN } },
	{ "EUI48", 108, 108, 1, 1, 0, 0, { LDNS_RDF_TYPE_EUI48 } },
	{ "EUI64", 109, 109, 1, 1, 0, 0, { LDNS_RDF_TYPE_EUI64 } },
	{ "NXNAME", 128, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "TKEY", 249, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "TSIG", 250, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "IXFR", 251, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "AXFR", 252, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "MAILB", 253, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "MAILA", 254, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "ANY", 255, 0, 0, 0, 0, ZL_FORM_META, { 0 } },
	{ "URI", 256, 256, 3, 3, 0, 0, { I2, I2, LDNS_RDF_TYPE_LONG_STR } },
	{ "CAA", 257, 257, 3, 3, 0, 0,
	  { I1, LDNS_RDF_TYPE_TAG, LDNS_RDF_TYPE_LONG_STR } },
	{ "AVC", 258, 16, 1, 0, ST, 0, { 0 } },
	{ "DOA", 259, 0, 5, 5, 0, 0, { I4, I4, I1, ST, ZL_FT_B64DASH } },
	{ "AMTRELAY", 260, 0, 3, 3, 0, 0,
	  { I1, ZL_FT_AMTTYPE, ZL_FT_GATEWAY } },
	{ "RESINFO", 261, 16, 1, 0, ST, 0, { 0 } },
	{ "WALLET", 262, 16, 1, 0, ST, 0, { 0 } },
	{ "CLA", 263, 0, 0, 0, 0, ZL_FORM_OPAQUE, { 0 } },
	{ "IPN", 264, 0, 0, 0, 0, ZL_FORM_OPAQUE, { 0 } },
	{ "TA", 32768, 43, 4, 4, 0, 0, { DS_LIKE } },
	{ "DLV", 32769, 32769, 4, 4, 0, 0, { DS_LIKE } },
};

#define NTYPES (sizeof types / sizeof types[0])

/* The mnemonics that BIND 9.18, Knot DNS 3.2 or NSD 4.6 do not know, as
 * each of them answers "unknown RR type", "unsupported record type" or
 * "unrecognized RR type" for `x IN <mnemonic> \# 0` (RFC 3597 rdata, so
 * that only the mnemonic is judged).  Every server reads TYPEnnn.  MD and
 * MF, obsolete, and the meta types are refused on their own.  Knot DNS
 * reads WKS (11), X25 (19), GPOS (27), BRID (68), GID (102) and WALLET
 * (262) in no form but TYPEnnn ("invalid number"), checked with rdata
 * of their own length.  In order of type: the search stops at the first
 * entry past it (each record asks). */
static const struct {
	uint16_t type;
	uint8_t unknown;	/* ZL_NOT_* */
} mnemonics[] = {
#define B ZL_NOT_BIND
#define K ZL_NOT_KNOT
#define N ZL_NOT_NSD
	{ 7, K }, { 8, K }, { 9, K }, { 10, K }, { 11, K }, { 19, K },
	{ 20, K }, { 22, K }, { 23, K | N }, { 24, K }, { 26, K },
	{ 27, K | N }, { 30, K },
	{ 31, K | N }, { 32, K | N }, { 34, K | N }, { 38, K | N },
	{ 40, K | N }, { 55, K | N }, { 56, K | N }, { 57, K | N },
	{ 58, K | N }, { 66, K | N }, { 67, K | N }, { 68, K | N },
	{ 69, B | K | N }, { 100, K | N }, { 101, K | N },
	{ 102, K | N }, { 103, K | N }, { 258, K }, { 259, K | N },
	{ 260, K | N }, { 261, K | N }, { 262, K | N },
	{ 263, B | K | N }, { 264, B | K | N },
	{ 32768, K | N }, { 32769, K },
#undef B
#undef K
#undef N
};

const char *zl_servers_str(unsigned mask)
{
	static const char *const who[8] = {
		"", "BIND", "Knot DNS", "BIND and Knot DNS", "NSD",
		"BIND and NSD", "Knot DNS and NSD", "BIND, Knot DNS and NSD",
	};

	return who[mask & 7];
}

const char *zl_servers_refuse(unsigned mask)
{
	static const char *const say[8] = {
		"no server refuses", "BIND refuses", "Knot DNS refuses",
		"BIND and Knot DNS refuse", "NSD refuses",
		"BIND and NSD refuse", "Knot DNS and NSD refuse",
		"BIND, Knot DNS and NSD refuse",
	};

	return say[mask & 7];
}

unsigned zl_type_unknown_to(uint16_t type)
{
	size_t i;

	for (i = 0; i < sizeof mnemonics / sizeof mnemonics[0] &&
		    mnemonics[i].type <= type; i++)
		if (mnemonics[i].type == type)
			return mnemonics[i].unknown;
	return 0;
}

unsigned zl_type_form(const char *s, size_t n, uint16_t *out)
{
	if (zl_type_parse(s, n, out))
		return 0;
	return zl_type_numeric(s, n) ? zl_lex_generic_form(s, n, 4, out) :
	       ZL_NOT_BIND | ZL_NOT_KNOT | ZL_NOT_NSD;
}

bool zl_type_numeric(const char *s, size_t n)
{
	return n > 4 && strncasecmp(s, "TYPE", 4) == 0 &&
	       ((s[4] >= '0' && s[4] <= '9') || s[4] == '+' || s[4] == '-');
}

const struct zl_rrtype *zl_rrtype_find(uint16_t type)
{
	size_t lo = 0, hi = NTYPES, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (types[mid].type < type)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NTYPES && types[lo].type == type ? &types[lo] : NULL;
}

uint8_t zl_rrtype_field(const struct zl_rrtype *t, size_t f)
{
	return f < t->max ? t->field[f] : t->repeat;
}

const char *zl_type_name(uint16_t type)
{
	const struct zl_rrtype *t = zl_rrtype_find(type);

	return t ? t->name : NULL;
}

uint16_t zl_type_lost_as(const char *s, size_t n)
{
	/* Types of some servers' own (gdnsd, PowerDNS, Technitium, Bunny,
	 * DNSimple ...), not in the registry and never a slip of one that is
	 * (ANAME is not DNAME, APP not APL). */
	static const char *const own[] = {
		"ALIAS", "ANAME", "APP", "DYNA", "DYNC", "FWD", "LUA", "POOL",
		"PZ", "RDR", "SCR", "URL",
	};
	size_t i, d, best = SIZE_MAX, max = zl_nearest_max(n);
	uint16_t type = ZL_TYPE_OTHER, k;
	char word[16];

	if (n == 0 || n >= sizeof word)
		return ZL_TYPE_OTHER;
	memcpy(word, s, n);
	word[n] = '\0';
	for (i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcasecmp(word, own[i]) == 0)
			return ZL_TYPE_OTHER;
	/* The nearest type that may be data (RFC 6895 §3.1: no meta or
	 * query type), as zl_nearest() finds a slip; of two as near, the one
	 * that starts with the same letter (AAA: AAAA, not CAA), else
	 * unknown. */
	for (i = 0; i < NTYPES; i++) {
		k = types[i].type;
		if (k == LDNS_RR_TYPE_OPT || (k >= 128 && k <= 255) ||
		    (d = zl_edit_distance(word, types[i].name, max)) > max)
			continue;
		d = 2 * d + ((word[0] ^ types[i].name[0]) & ~0x20 ? 1 : 0);
		type = d < best ? k : d == best ? 0 : type;
		best = d < best ? d : best;
	}
	return type;
}

bool zl_type_parse(const char *s, size_t n, uint16_t *out)
{
	/* The common types first: most records never reach the loop. */
	static const struct { const char *name; uint16_t type; } common[] = {
		{ "A", 1 }, { "AAAA", 28 }, { "NS", 2 }, { "MX", 15 },
		{ "TXT", 16 }, { "CNAME", 5 }, { "SOA", 6 }, { "PTR", 12 },
		{ "SRV", 33 },
	};
	size_t i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++) {
		/* The first letter, in either case, settles most. */
		if (n && ((s[0] ^ common[i].name[0]) & ~0x20) == 0 &&
		    strlen(common[i].name) == n &&
		    strncasecmp(common[i].name, s, n) == 0) {
			*out = common[i].type;
			return true;
		}
	}
	/* RFC 3597 §5: TYPEnnn.  Parsed here because ldns reads it with
	 * atoi(), which takes "TYPE1X" and wraps 70000. */
	if (n > 4 && strncasecmp(s, "TYPE", 4) == 0)
		return zl_lex_generic_num(s, n, 4, out);
	for (i = 0; i < NTYPES; i++) {
		if (strlen(types[i].name) == n &&
		    strncasecmp(types[i].name, s, n) == 0) {
			*out = types[i].type;
			return true;
		}
	}
	return false;
}
