/* check_dkim.c - primitives for DKIM key records (RFC 6376 §3.6.1, RFC 8301,
 * RFC 8463): tags, key type, hash algorithms and the public key itself. */
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tagvalue.h"

/* RFC 6376 §3.6.2.1: keys live at <selector>._domainkey.<domain>; the
 * selector may have several labels.  ADSP (RFC 5617, historic) used
 * _adsp._domainkey, DomainKeys (RFC 4870, historic) and the signers built
 * on it published their signing policy at _policy._domainkey ("t=y;
 * o=~"), and DKIM failure reporting (RFC 6651 §4) uses
 * _report._domainkey: none is a key. */
static bool key_name(const char *text)
{
	const char *p = strstr(text, "._domainkey.");

	return p && p > text && strncmp(text, "_adsp.", 6) != 0 &&
	       strncmp(text, "_policy._domainkey.", 19) != 0 &&
	       strncmp(text, "_report._domainkey.", 19) != 0;
}

static const struct zl_tv_tag *tag(const struct zl_tv_rec *r, const char *n)
{
	return zl_tv_find(&r->tv, r->txt.s, n, false);
}

/* Whether the value of t runs on into a tag of a key record, as in
 * "k=rsa p=...": the ';' before it is missing (zl_tv_run_on).  RFC 6376
 * §3.2 lets a value hold blanks, so the tag after them is part of the
 * value and not read; DKIM001 says so, and the rules that judge the
 * value stay quiet. */
static bool runs_on(const struct zl_tv_rec *r, const struct zl_tv_tag *t,
		    const char *name)
{
	static const char *const names[] = { "v", "h", "k", "n", "p", "s",
					     "t", NULL };
	struct zl_tv_span v, n;
	size_t i;

	for (v = t ? t->value : (struct zl_tv_span){ 0, 0 };
	     zl_tv_run_on(r->txt.s, v, &n);
	     v.len -= n.off + n.len - v.off, v.off = n.off + n.len)
		for (i = 0; names[i]; i++)
			if (zl_tv_eq(r->txt.s, n, names[i], false) &&
			    (!name || strcmp(name, names[i]) == 0))
				return true;
	return false;
}

/* Whether some tag of r runs on into a tag called name (runs_on). */
static bool lost_in_run_on(const struct zl_tv_rec *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->tv.ntags; i++)
		if (runs_on(r, &r->tv.tags[i], name))
			return true;
	return false;
}

/* RFC 6376 §3.6.1: an empty p= revokes the key; its p= tag, or NULL. */
static const struct zl_tv_tag *revoked(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *t = tag(r, "p");

	return t && t->value.len == 0 ? t : NULL;
}

/* ---- base64 (RFC 4648 §4; RFC 6376 §3.6.1 allows FWS inside) ---- */

/* Base64 digit values plus one; 0 for every other byte. */
static const uint8_t b64[256] = {
	['A'] = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
	19, 20, 21, 22, 23, 24, 25, 26,
	['a'] = 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
	42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
	['0'] = 53, 54, 55, 56, 57, 58, 59, 60, 61, 62,
	['+'] = 63, ['/'] = 64,
};

/* Decodes span sp of s into *out (malloc'd, *n bytes); *unpadded says
 * that the '=' padding is missing.  Returns NULL on success, else why,
 * with *bad at the offending byte. */
static const char *b64_decode(const char *s, struct zl_tv_span sp,
			      uint8_t **out, size_t *n, uint32_t *bad,
			      bool *unpadded)
{
	uint32_t i, end = sp.off + sp.len, acc = 0, bits = 0, pad = 0, nch = 0;
	uint8_t v;

	*out = zl_xmalloc(sp.len / 4 * 3 + 3);
	*n = 0;
	/* Whole groups of four digits first, three bytes at a time: keys
	 * are mostly one run of digits.  The loop below takes the rest. */
	for (i = sp.off; end - i >= 4; i += 4) {
		uint32_t a = b64[(unsigned char)s[i]] - 1u,
			 b = b64[(unsigned char)s[i + 1]] - 1u,
			 c = b64[(unsigned char)s[i + 2]] - 1u,
			 d = b64[(unsigned char)s[i + 3]] - 1u;

		if ((a | b | c | d) & ~63u)	/* not a digit: 0 - 1 */
			break;
		acc = a << 18 | b << 12 | c << 6 | d;
		(*out)[(*n)++] = (uint8_t)(acc >> 16);
		(*out)[(*n)++] = (uint8_t)(acc >> 8);
		(*out)[(*n)++] = (uint8_t)acc;
		nch += 4;
	}
	for (; i < end; i++) {
		if (!(v = b64[(unsigned char)s[i]])) {
			if (s[i] == '=')
				pad++;
			else if (s[i] != ' ' && s[i] != '\t' &&
				 s[i] != '\r' && s[i] != '\n') {
				*bad = i;
				return "character not allowed in base64";
			}
			continue;
		}
		if (pad) {
			*bad = i;
			return "base64 data after '=' padding";
		}
		acc = acc << 6 | (uint32_t)(v - 1);
		nch++;
		if ((bits += 6) >= 8) {
			bits -= 8;
			(*out)[(*n)++] = (uint8_t)(acc >> bits);
		}
	}
	*bad = sp.off;
	if (nch % 4 == 1 || pad > 2 || (pad && (nch + pad) % 4 != 0))
		return "base64 length is not a whole number of bytes";
	*unpadded = nch % 4 && !pad;
	return NULL;
}

/* ---- a DER reader, just enough for an RSA public key ---- */

struct der {
	const uint8_t *p;
	size_t n;
};

/* Reads one element of d: its tag and its contents; advances d. */
static bool der_next(struct der *d, uint8_t *tagp, struct der *in)
{
	size_t len, k, i = 2;

	if (d->n < 2)
		return false;
	*tagp = d->p[0];
	len = d->p[1];
	if (len & 0x80) {
		k = len & 0x7f;
		if (k == 0 || k > 4 || d->n < 2 + k)
			return false;
		for (len = 0; k--; i++)
			len = len << 8 | d->p[i];
	}
	if (len > d->n - i)
		return false;
	in->p = d->p + i;
	in->n = len;
	d->p += i + len;
	d->n -= i + len;
	return true;
}

/* 1.2.840.113549.1.1.1, rsaEncryption (RFC 8017 Appendix A.1). */
static const uint8_t rsa_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
				   0x01, 0x01 };

/* Whether INTEGER contents i are above zero (X.690 §8.3: two's
 * complement). */
static bool der_positive(struct der i)
{
	size_t k;

	if (!i.n || i.p[0] & 0x80)
		return false;
	for (k = 0; k < i.n && !i.p[k]; k++)
		;
	return k < i.n;
}

/* The size in bits of the modulus of RSAPublicKey d (RFC 8017 Appendix
 * A.1.1: a positive modulus, then a positive exponent), or 0. */
static unsigned rsa_pub_bits(struct der d)
{
	struct der seq, n, e;
	uint8_t t, te;
	unsigned bits;

	if (!der_next(&d, &t, &seq) || t != 0x30 || !der_next(&seq, &t, &n) ||
	    t != 0x02 || !der_next(&seq, &te, &e) || te != 0x02 ||
	    !der_positive(n) || !der_positive(e))
		return 0;
	while (n.n && n.p[0] == 0) {
		n.p++;
		n.n--;
	}
	if (!n.n || n.n > 0x10000)
		return 0;
	for (bits = (unsigned)(n.n - 1) * 8, t = n.p[0]; t; t >>= 1)
		bits++;
	return bits;
}

/* The modulus size of an RSA key given as SubjectPublicKeyInfo (RFC 5280
 * §4.1.2.7, what DKIM signers publish) or as a bare RSAPublicKey (the
 * form RFC 6376 §3.3.1 names; *bare set); 0 when it is neither.  *other
 * is set for a valid SubjectPublicKeyInfo of another algorithm. */
static unsigned rsa_bits(const uint8_t *key, size_t len, bool *other,
			 bool *bare)
{
	struct der d = { key, len }, spki, alg, oid, bs;
	uint8_t t;

	*other = *bare = false;
	if (!der_next(&d, &t, &spki) || t != 0x30 || d.n)
		return 0;
	if (spki.n && spki.p[0] == 0x02) {
		*bare = true;
		return rsa_pub_bits((struct der){ key, len });
	}
	if (!der_next(&spki, &t, &alg) || t != 0x30 ||
	    !der_next(&alg, &t, &oid) || t != 0x06 ||
	    !der_next(&spki, &t, &bs) || t != 0x03 || bs.n < 2 || bs.p[0])
		return 0;
	if (oid.n != sizeof rsa_oid || memcmp(oid.p, rsa_oid, oid.n) != 0) {
		*other = true;
		return 0;
	}
	return rsa_pub_bits((struct der){ bs.p + 1, bs.n - 1 });
}

/* Whether key begins as a private key does: a SEQUENCE whose first
 * element is the version INTEGER 0 or 1, then an AlgorithmIdentifier
 * (PKCS #8 PrivateKeyInfo, RFC 5208 §5; RFC 5958 §2) or the modulus (PKCS
 * #1 RSAPrivateKey, RFC 8017 Appendix A.1.2).  Read from its start only,
 * so that a key cut short by its TXT strings is still known. */
static bool private_key(const uint8_t *key, size_t len)
{
	size_t i = 2;

	if (len < 8 || key[0] != 0x30)
		return false;
	if (key[1] & 0x80)
		i += key[1] & 0x7f;
	return i + 4 <= len && key[i] == 0x02 && key[i + 1] == 0x01 &&
	       key[i + 2] <= 1 && (key[i + 3] == 0x30 || key[i + 3] == 0x02);
}

/* ---- the key ---- */

enum ktype { K_RSA, K_ED25519, K_OTHER };

static enum ktype key_type(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *k = tag(r, "k");

	if (!k || zl_tv_eq(r->txt.s, k->value, "rsa", true))
		return K_RSA;
	return zl_tv_eq(r->txt.s, k->value, "ed25519", true) ? K_ED25519 :
	       K_OTHER;
}

/* Whether the p= value v, which is no base64, is what guides and
 * templates write in place of the key: "...", "<public key>", "{KEY}",
 * "$DKIM_KEY", or a short word without lowercase such as "TOKEN" or
 * "YOUR_PUBLIC_KEY" (no key is under 40 digits: an ed25519 key has 44,
 * RSA keys hundreds). */
static bool placeholder(const char *s, struct zl_tv_span v)
{
	bool lower = false;
	size_t i;

	if (v.len == 0)
		return false;
	if (strchr("<{[$", s[v.off]))
		return true;
	for (i = 0; i < v.len; i++) {
		if (i + 2 < v.len && s[v.off + i] == '.' &&
		    s[v.off + i + 1] == '.' && s[v.off + i + 2] == '.')
			return true;
		lower |= s[v.off + i] >= 'a' && s[v.off + i] <= 'z';
	}
	return v.len < 40 && !lower;
}

/* What is wrong with the key of r, or NULL; *bad is where, *bits the RSA
 * modulus size when it could be read, *warn whether the key is usable
 * still, by some verifiers. */
static const char *key_problem(const struct zl_tv_rec *r,
			       struct zl_tv_span *bad, unsigned *bits,
			       bool *warn)
{
	const struct zl_tv_tag *p = tag(r, "p");
	enum ktype kt = key_type(r);
	const char *why = NULL;
	uint8_t *key = NULL;
	bool other, bare, unpadded;
	uint32_t at;
	size_t n;

	*bits = 0;
	*warn = false;
	*bad = r->tv.ntags ? r->tv.tags[0].spec : (struct zl_tv_span){ 0, 0 };
	/* A p= lost to a missing ';' or hidden in a tag-spec the parser
	 * could not read ('"p=' after a stray quote, 'p:'): DKIM001 tells
	 * that one slip. */
	if (!p)
		return lost_in_run_on(r, "p") || zl_tv_hidden_tag(r) ? NULL :
		       "the key record has no p= tag (the public key)";
	*bad = p->value;
	if (p->value.len == 0 || kt == K_OTHER || runs_on(r, p, NULL) ||
	    runs_on(r, tag(r, "k"), NULL) || lost_in_run_on(r, "k"))
		return NULL;	/* revoked, an unknown type, a lost ';':
				   other rules */
	if ((why = b64_decode(r->txt.s, p->value, &key, &n, &at, &unpadded))) {
		*bad = (struct zl_tv_span){ at, at == p->value.off ?
					    p->value.len : 1 };
		if (placeholder(r->txt.s, p->value)) {
			*bad = p->value;
			why = "p= holds a placeholder from a guide or "
			      "template, not a public key";
		}
		goto out;
	}
	if (kt == K_ED25519) {
		/* RFC 8463 §4.2: the bare 32-byte key, not an SPKI */
		if (n != 32)
			why = n == 44 ? "an ed25519 key is published as the bare "
					"32-byte key, not as SubjectPublicKeyInfo" :
					"an ed25519 key must be exactly 32 bytes";
		goto padding;
	}
	*bits = rsa_bits(key, n, &other, &bare);
	if (*bits && bare) {
		*warn = true;
		why = "the key is a bare RSAPublicKey (PKCS #1), which "
		      "verifiers such as OpenDKIM and Mail::DKIM do not "
		      "read: publish it as SubjectPublicKeyInfo";
	} else if (!*bits && n == 32) {
		why = tag(r, "k") ? "the key is 32 bytes, an ed25519 key, but "
				    "k= says rsa" :
				    "the key is 32 bytes, an ed25519 key, but "
				    "without k=ed25519 verifiers read it as "
				    "RSA";
	} else if (!*bits && private_key(key, n)) {
		why = "the key is a private key, not the public one: whoever "
		      "reads it can sign mail as this domain; make a new key "
		      "pair and publish its public key";
	} else if (!*bits) {
		why = other ? "the key is not an RSA key, but k= says rsa" :
			      "the key is not a DER-encoded RSA public key "
			      "(truncated or damaged?)";
	}
padding:
	/* A key that reads well but for its padding: strict decoders
	 * refuse it all the same. */
	if ((!why || *warn) && unpadded) {
		why = "base64 without its '=' padding, which strict decoders "
		      "(dkimpy, mox, go-msgauth) reject";
		*warn = false;
	}
out:
	free(key);
	return why;
}

/* key_problem() of a record. */
struct key_info {
	const char *why;
	struct zl_tv_span bad;
	unsigned bits;
	bool warn;	/* why is a warning: the key works for some */
};

/* The key record the rules look at now, parsed, and its key once worked
 * out.  The rules about one record run one after another (the engine
 * visits subject by subject), and no later rule reads a key record's
 * text (dkim-delegated asks its targets through zl_tv_in), so one record
 * is kept at a time instead of every key's text to the end of the run. */
struct cur {
	const struct zl_rr *rr;
	struct zl_tv_rec *r;	/* NULL: the owner is no key's name */
	bool keyed;		/* k is worked out */
	struct key_info k;
	signed char beside;	/* beside_of(); -1 until worked out */
};

static void cur_release(void *obj)
{
	struct cur *c = obj;

	zl_tv_rec_free(c->r);
	free(c);
}

/* ctx->rr as the current key record; NULL outside the engine. */
static struct cur *cur_of(struct zl_ctx *ctx)
{
	struct cur *c = zl_memo_zone_obj(ctx, ZL_MEMO_DKIM_KEY, sizeof *c,
					 cur_release);

	if (!c)
		return NULL;
	if (c->rr != ctx->rr) {
		zl_tv_rec_free(c->r);
		c->r = key_name(ctx->rr->owner->text) ?
		       zl_tv_rec_new(ctx->zone, ctx->rr) : NULL;
		c->rr = ctx->rr;
		c->keyed = false;
		c->beside = -1;
	}
	return c;
}

/* The subject record, parsed; NULL when its owner is no key's name
 * (key_name). */
static const struct zl_tv_rec *rec_of(struct zl_ctx *ctx)
{
	struct cur *c = cur_of(ctx);

	if (c)
		return c->r;
	return key_name(ctx->rr->owner->text) ? zl_tv_of(ctx, ctx->rr) : NULL;
}

/* key_problem() of the subject record r, worked out once: the key rules
 * and the size rules all read the same key. */
static struct key_info key_of(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct cur *c = cur_of(ctx);
	struct key_info k;

	if (c && c->keyed)
		return c->k;
	k.why = key_problem(r, &k.bad, &k.bits, &k.warn);
	if (c) {
		c->k = k;
		c->keyed = true;
	}
	return k;
}

/* ---- record checks ---- */

/* The variants of dkim-key, in the order of their names. */
enum { P_SYNTAX, P_VERSION, P_KEY_TYPE, P_SHA1, P_UNKNOWN_VALUE, P_KEY,
       P_REVOKED, P_UNKNOWN_TAG, P_NO_HASH, P_TESTING };
static const struct zl_variant_spec key_variants[] = {
	{ .key = "problem", .names = (const char *const[]){ "syntax", "version", "key-type",
	  "sha1", "unknown-value", "key", "revoked", "unknown-tag", "no-hash",
	  "testing", NULL } },
	{ .key = NULL },
};

static const struct zl_param_spec no_params[] = { { .key = NULL } };

/* Emits "fmt" with the text of span q quoted in it (at span at). */
static zl_finding emit_quoting(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			       struct zl_tv_span at, struct zl_tv_span q,
			       const char *fmt)
{
	char *t = zl_tv_str(r->txt.s, q), *msg = zl_xasprintf(fmt, t);
	zl_finding f = zl_tv_emit(ctx, r, at, msg);

	free(msg);
	free(t);
	return f;
}

/* Emits a finding at span q whose text is variable `var`. */
static void emit_var(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		     struct zl_tv_span q, const char *var)
{
	char *t = zl_tv_str(r->txt.s, q);

	ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, q), { var, t });
	free(t);
}

/* Whether the bytes right after the value of t are ";;", whose empty
 * tag-spec the parser reports: "t=s:;;", a ';' typed for the last item
 * of a list, is then one slip with that one finding. */
static bool empty_spec_after(const struct zl_tv_rec *r,
			     const struct zl_tv_tag *t)
{
	uint32_t end = t->value.off + t->value.len;
	size_t i;

	for (i = 0; i < r->tv.nerrs; i++)
		if (r->tv.errs[i].empty && r->tv.errs[i].at.off == end + 1 &&
		    r->txt.s[end] == ';')
			return true;
	return false;
}

/* RFC 6376 §3.6.1: h=, k=, s= and t= hold one value or more, those of
 * h=, s= and t= separated by ':'; an empty one is no value. */
static void empty_items(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	static const char *const lists[] = { "h", "k", "s", "t", NULL };
	struct zl_tv_span item;
	const struct zl_tv_tag *t;
	uint32_t pos;
	size_t i;

	for (i = 0; lists[i]; i++) {
		if (!(t = tag(r, lists[i])) || t->bad || t->cut)
			continue;
		for (pos = t->value.off;
		     zl_tv_next_item(r->txt.s, t->value, ':', &pos, &item);)
			if (item.len == 0 && !(item.off == t->value.off +
					       t->value.len &&
					       empty_spec_after(r, t))) {
				emit_quoting(ctx, r, t->value.len ? item :
					     t->spec, t->name, t->value.len ?
					     "an empty value in the list of "
					     "'%s='" : "'%s=' is empty: it "
					     "takes one value or more");
				break;
			}
	}
}

/* The tags of r whose value a ';' right after it cuts ("k=ed;5519",
 * zl_tv_tag.cut): one finding at the ';'.  Verifiers read the value up
 * to the ';' (RFC 6376 §3.2), which the other rules judge, and skip the
 * rest. */
static void cut_tags(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct zl_tv_span at;
	char *msg;
	size_t i;

	for (i = 1; i < r->tv.ntags; i++) {
		if (!r->tv.tags[i].cut)
			continue;
		msg = zl_tv_cut_msg(r, &r->tv.tags[i], "tag", &at);
		zl_tv_emit(ctx, r, at, msg);
		free(msg);
	}
}

/* Whether the record's text is a host name and nothing else: the target
 * of the CNAME a mail service gives for the selector (SendGrid's
 * s1.domainkey.u123.wl.sendgrid.net, Microsoft 365's
 * selector1-<domain>._domainkey.<tenant>.onmicrosoft.com), pasted into a
 * TXT record. */
static bool holds_host_name(const struct zl_tv_rec *r)
{
	const char *s = r->txt.s;
	size_t n = r->txt.len, dots = 0, label = 0, i;
	bool digits = true;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n < 3 || n > 253 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return false;
			dots++;
			label = 0;
			digits = true;
		} else if (!isalnum((unsigned char)s[i]) && s[i] != '-' &&
			   s[i] != '_') {
			return false;
		} else if (++label > 63) {
			return false;	/* RFC 1035 §2.3.4 */
		} else {
			digits = digits && isdigit((unsigned char)s[i]);
		}
	}
	/* an address is no host name: a top-level label is not all
	 * digits (RFC 3696 §2) */
	return dots >= 2 && !digits;
}

/* RFC 6376 §3.2: the syntax; a duplicated tag invalidates the record.
 * The grammar ends a tag list at an optional final ';': blanks after it
 * are a warning, since strict verifiers (mox) reject the record and
 * others read it. */
static void dkim_syntax(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	bool after_semi;
	struct zl_tv_span ws = zl_tv_trailing_blanks(r, &after_semi);
	size_t i;

	if (holds_host_name(r)) {
		char *msg = zl_xasprintf("the key record holds the host name "
					 "'%s', no key: mail services give it "
					 "as the target of a CNAME record at "
					 "the selector", r->txt.s);

		zl_tv_emit(ctx, r, (struct zl_tv_span){ 0,
			   (uint32_t)r->txt.len }, msg);
		free(msg);
		return;
	}
	/* One slip, one finding: an error that follows from another
	 * (zl_tv_error.follow), the rest of a tag-spec that a ';' cut, is
	 * told by the finding at that ';' (cut_tags) or the other error. */
	for (i = 0; i < r->tv.nerrs; i++)
		if (!r->tv.errs[i].follow)
			zl_tv_emit(ctx, r, r->tv.errs[i].at, r->tv.errs[i].msg);
	cut_tags(ctx, r);
	if (ws.len && after_semi)
		zl_emit_severity_default(ctx, zl_tv_emit(ctx, r, ws,
			"blanks after the final ';', which the grammar does "
			"not allow: strict verifiers reject the key record"),
			ZL_SEV_WARNING);
	for (i = 0; i < r->tv.ntags; i++)
		if (r->tv.tags[i].dup >= 0)
			emit_quoting(ctx, r, r->tv.tags[i].spec,
				     r->tv.tags[i].name, "tag '%s' appears more "
				     "than once, which invalidates the record");
	for (i = 0; i < r->tv.ntags; i++) {
		struct zl_tv_span at;
		char *msg;

		if (r->tv.tags[i].bad || !runs_on(r, &r->tv.tags[i], NULL) ||
		    !(msg = zl_tv_run_on_msg(r, &r->tv.tags[i], &at)))
			continue;
		zl_tv_emit(ctx, r, at, msg);
		free(msg);
	}
	empty_items(ctx, r);
}

/* RFC 6376 §3.6.1: v= is optional, but when present it is first and
 * exactly DKIM1. */
static void dkim_version(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *v = tag(r, "v");

	if (!v || runs_on(r, v, NULL))
		return;
	if (v != &r->tv.tags[0])
		zl_tv_emit(ctx, r, v->spec,
			"'v=' must be the first tag of a DKIM key record");
	else if (!zl_tv_eq(r->txt.s, v->value, "DKIM1", false))
		emit_quoting(ctx, r, v->value, v->value, "DKIM key record "
			     "version '%s' is not 'DKIM1'");
}

/* Whether h= lists sha256, the one hash every key can be verified with:
 * rsa-sha1 is forbidden (RFC 8301 §3.1), ed25519 exists with sha256
 * only (RFC 8463 §3).  A key without h= allows every hash. */
static bool sha256_allowed(const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *h = tag(r, "h");
	struct zl_tv_span item;
	uint32_t pos;

	if (!h || h->bad)
		return true;
	for (pos = h->value.off;
	     zl_tv_next_item(r->txt.s, h->value, ':', &pos, &item);)
		if (zl_tv_eq(r->txt.s, item, "sha256", true))
			return true;
	return false;
}

/* The word of list (NULL-terminated) that item of s is in another case,
 * or NULL. */
static const char *other_case(const char *s, struct zl_tv_span item,
			      const char *const *list)
{
	for (; *list; list++)
		if (zl_tv_eq(s, item, *list, true))
			return zl_tv_eq(s, item, *list, false) ? NULL : *list;
	return NULL;
}

/* RFC 6376 §3.2: a value is compared as written, unless its tag says
 * otherwise, which k=, h=, s= and t= do not ("RSA" is no "rsa"); OpenDKIM
 * takes any case, dkimpy and go-msgauth do not. */
static void emit_case(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		      struct zl_tv_span item, const char *tag,
		      const char *word)
{
	char *t = zl_tv_str(r->txt.s, item);
	char *msg = zl_xasprintf("'%s' in %s= is '%s' in another case, "
				 "which verifiers such as dkimpy and "
				 "go-msgauth do not know: RFC 6376 §3.2 "
				 "compares values as written", t, tag, word);

	zl_tv_emit(ctx, r, item, msg);
	free(msg);
	free(t);
}

/* Whether s= lists a service of mail ("email", "*") or of TLS reports
 * ("tlsrpt", whose keys sign no mail by design), in any case. */
static bool serves(const char *s, const struct zl_tv_tag *t)
{
	static const char *const any[] = { "email", "*", "tlsrpt", NULL };
	struct zl_tv_span item;
	uint32_t pos;

	for (pos = t->value.off; zl_tv_next_item(s, t->value, ':', &pos, &item);)
		if (zl_tv_one_of(s, item, any))
			return true;
	return false;
}

/* RFC 6376 §3.6.1 h=, t=, s=: values verifiers do not know are ignored,
 * so a typo silently changes the meaning.  The registries: hash
 * algorithms sha1 and sha256, flags y and s, service types email, tlsrpt
 * (RFC 8460 §3) and "*".  rsa-sha1 (RFC 8301 §3.1) exists for RSA keys
 * only: ed25519 signs with sha256 alone (RFC 8463 §3).  An s= that
 * names no known service leaves the key to nothing: verifiers "MUST
 * ignore" it for mail, an error. */
static void dkim_values(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			bool sha1)
{
	static const char *const names[] = { "h", "t", "s" };
	static const char *const known[][4] = {
		{ "sha256", "sha1", NULL }, { "y", "s", NULL },
		{ "email", "tlsrpt", "*", NULL },
	};
	static const char *const types[] = { "rsa", "ed25519", NULL };
	struct zl_tv_span item;
	const struct zl_tv_tag *t;
	const char *word;
	zl_finding f;
	uint32_t pos;
	size_t i;

	/* a revoked key verifies no signature */
	if (sha1 && (key_type(r) != K_RSA || revoked(r)))
		return;
	if (!sha1 && (t = tag(r, "k")) && !runs_on(r, t, NULL) &&
	    (word = other_case(r->txt.s, t->value, types)))
		emit_case(ctx, r, t->value, "k", word);
	for (i = 0; i < 3; i++) {
		if (!(t = tag(r, names[i])) || t->bad || (sha1 && i) ||
		    runs_on(r, t, NULL) ||
		    (i == 0 && !sha256_allowed(r)))
			continue;
		for (pos = t->value.off;
		     zl_tv_next_item(r->txt.s, t->value, ':', &pos, &item);) {
			/* ABNF strings: any case (RFC 5234 §2.3) */
			bool is_sha1 = i == 0 &&
				zl_tv_eq(r->txt.s, item, "sha1", true);

			if (item.len == 0)	/* a syntax error */
				continue;
			if (sha1) {
				if (is_sha1)
					ZL_EMIT(ctx, ctx->rr->src,
						zl_tv_tok(r, item));
			} else if ((word = other_case(r->txt.s, item,
						      known[i]))) {
				emit_case(ctx, r, item, names[i], word);
			} else if (!zl_tv_one_of(r->txt.s, item, known[i])) {
				f = emit_quoting(ctx, r, item, item, i == 0 ?
					"unknown hash algorithm '%s' in h=" :
					i == 1 ? "unknown flag '%s' in t=" :
					serves(r->txt.s, t) ?
					"unknown service type '%s' in s=" :
					"unknown service type '%s' in s=, "
					"which names no service for mail: "
					"verifiers ignore the key");
				if (i == 2 && !serves(r->txt.s, t))
					zl_emit_severity_default(ctx, f,
								 ZL_SEV_ERROR);
			}
		}
	}
}

/* RFC 6376 §3.6.1: the tags of a key record.  g= (granularity) was RFC
 * 4871's, which RFC 6376 dropped: key generators still write it. */
static void dkim_unknown_tags(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	static const char *const known[] = { "v", "h", "k", "n", "p", "s", "t",
					     NULL };
	struct zl_tv_span q;
	bool g;
	char *t;
	size_t i, k;

	for (i = 0; i < r->tv.ntags; i++) {
		q = r->tv.tags[i].name;
		for (k = 0; known[k]; k++)
			if (zl_tv_eq(r->txt.s, q, known[k], false))
				break;
		if (known[k])
			continue;
		g = zl_tv_eq(r->txt.s, q, "g", false);
		t = zl_tv_str(r->txt.s, q);
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, q), { "tag", t },
			{ "why", g ? "was removed by RFC 6376" : "is unknown" },
			{ "hint", g ? "drop it: verifiers ignore it (RFC 4871's "
			  "granularity)" : "check the spelling, or drop the "
			  "tag" });
		free(t);
	}
}

/* Whether r, neither a key nor meant as one (zl_tv_dkim_key), stands
 * beside a key record at its selector: other text there (a note, a
 * verification token, another protocol's record), not a broken key.  RFC
 * 6376 §3.6.2.2 leaves the result undefined when a selector has several
 * TXT records: one finding says so. */
static bool beside_key(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_rr *rr;

	if (zl_tv_dkim_key(r))
		return false;
	for (rr = zl_first_rr(ctx->zone, ctx->rr->owner, LDNS_RR_TYPE_TXT); rr;
	     rr = zl_next_rr(ctx->zone, rr))
		if (rr != ctx->rr && zl_tv_dkim_key(zl_tv_of(ctx, rr)))
			return true;
	return false;
}

/* beside_key() of the subject record r, worked out once: every variant
 * of dkim-key asks. */
static bool beside_of(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	struct cur *c = cur_of(ctx);

	if (!c)
		return beside_key(ctx, r);
	if (c->beside < 0)
		c->beside = beside_key(ctx, r);
	return c->beside;
}

/* Whether r starts with another protocol's version ("v=DMARC1",
 * "v=spf1"): a record of that protocol at a selector, which DKIM002
 * reports by its version once, and the key rules leave alone (no key,
 * no p=, tags no key has are all that one slip). */
static bool other_protocol(const struct zl_tv_rec *r)
{
	return zl_tv_other_version(r) && !runs_on(r, &r->tv.tags[0], NULL);
}

/* RFC 6376 §3.6.1: the flag y of t= says the domain is testing DKIM, and
 * verifiers "MUST NOT treat messages from Signers in testing mode
 * differently from unsigned email": while it stays, a signature earns the
 * mail nothing.  Reported at the first y, as written: "Y" is DKIM005's
 * (RFC 6376 §3.2 compares values as written).  A t= with a syntax error
 * is DKIM001's, a revoked key verifies nothing anyway. */
static void dkim_testing(struct zl_ctx *ctx, const struct zl_tv_rec *r)
{
	const struct zl_tv_tag *t = tag(r, "t");
	struct zl_tv_span item;
	uint32_t pos;

	if (!t || t->bad || revoked(r) || runs_on(r, t, NULL))
		return;
	for (pos = t->value.off;
	     zl_tv_next_item(r->txt.s, t->value, ':', &pos, &item);)
		if (zl_tv_eq(r->txt.s, item, "y", false)) {
			ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, item));
			return;
		}
}

static void dkim_key(struct zl_ctx *ctx)
{
	const struct zl_tv_rec *r;
	const struct zl_tv_tag *t;
	struct key_info k;
	zl_finding f;

	if (!(r = rec_of(ctx)))
		return;
	if (beside_of(ctx, r)) {
		if (zl_rule_variant(ctx->rule, 0) == P_SYNTAX)
			ZL_EMIT(ctx, ctx->rr->src,
				zl_rr_field_tok(ctx->zone, ctx->rr, 0),
				{ "message", "TXT record that is no key beside "
				  "the key record at this selector: verifiers "
				  "may read either (RFC 6376 §3.6.2.2)" });
		return;
	}
	if (zl_rule_variant(ctx->rule, 0) != P_VERSION && other_protocol(r))
		return;
	switch (zl_rule_variant(ctx->rule, 0)) {
	case P_SYNTAX:
		dkim_syntax(ctx, r);
		break;
	case P_VERSION:
		dkim_version(ctx, r);
		break;
	case P_KEY_TYPE:
		if ((t = tag(r, "k")) && t->value.len &&
		    key_type(r) == K_OTHER && !runs_on(r, t, NULL))
			emit_var(ctx, r, t->value, "value");
		break;
	case P_SHA1:
	case P_UNKNOWN_VALUE:
		dkim_values(ctx, r, zl_rule_variant(ctx->rule, 0) == P_SHA1);
		break;
	case P_KEY:
		if (!(k = key_of(ctx, r)).why)
			break;
		f = zl_tv_emit(ctx, r, k.bad, k.why);
		if (k.warn)
			zl_emit_severity_default(ctx, f, ZL_SEV_WARNING);
		break;
	case P_REVOKED:
		/* An empty key at a wildcard ('*._domainkey') retires no
		 * selector: it answers for every selector not published, so
		 * that a domain that signs nothing (a parked one) says no key
		 * of it is valid (RFC 6376 §3.6.1, RFC 4592).  It stays. */
		if ((t = revoked(r)) && !(ctx->rr->owner->text[0] == '*' &&
					  ctx->rr->owner->text[1] == '.'))
			ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, t->spec));
		break;
	case P_UNKNOWN_TAG:
		dkim_unknown_tags(ctx, r);
		break;
	case P_NO_HASH:
		/* An empty h= is a syntax error; an unknown k= DKIM003's. */
		if ((t = tag(r, "h")) && t->value.len && !revoked(r) &&
		    key_type(r) != K_OTHER && !sha256_allowed(r) &&
		    !runs_on(r, t, NULL))
			emit_var(ctx, r, t->value, "value");
		break;
	case P_TESTING:
		dkim_testing(ctx, r);
		break;
	}
}

const struct zl_check zl_check_dkim_key = {
	.name = "dkim-key",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dkim_key,
	.variants = key_variants,
	.params = no_params,
	/* message: the tag-value parser's, or a key decoder's, own words;
	 * tag: an unknown tag's name; value: an unknown key type; why,
	 * hint: why a tag is reported and what to do (DKIM010). */
	.vars = (const char *const[]){ "message", "tag", "value", "why",
				       "hint", NULL },
};

static const struct zl_param_spec size_params[] = {
	{ .key = "min-bits", .type = ZL_PT_INT, .dflt = "2048", .min = 1,
	  .max = 65536 },
	{ .key = "floor", .type = ZL_PT_INT, .dflt = "0", .min = 0,
	  .max = 65536 },
	{ .key = NULL },
};

/* RFC 8301 §3.2: verifiers must not accept RSA keys under 1024 bits;
 * signers should use 2048.  Reports keys in [floor, min-bits), so the
 * "too short" and "weak" rules do not both fire on one key. */
static void dkim_rsa_size(struct zl_ctx *ctx)
{
	long min = zl_rule_int(ctx->rule, "min-bits");
	long floor = zl_rule_int(ctx->rule, "floor");
	const struct zl_tv_rec *r;
	struct key_info k;
	char b[24], m[24];

	if (!(r = rec_of(ctx)) || key_type(r) != K_RSA)
		return;
	k = key_of(ctx, r);
	if ((k.why && !k.warn) || !k.bits || (long)k.bits >= min ||
	    (long)k.bits < floor)
		return;
	snprintf(b, sizeof b, "%u", k.bits);
	snprintf(m, sizeof m, "%ld", min);
	{
		ZL_EMIT(ctx, ctx->rr->src, zl_tv_tok(r, k.bad), { "bits", b },
			{ "min", m });
	}
}

const struct zl_check zl_check_dkim_rsa_size = {
	.name = "dkim-rsa-size",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dkim_rsa_size,
	.params = size_params,
	.vars = (const char *const[]){ "bits", "min", NULL },
};

/* RFC 6376 §3.6.2.1: a selector may be delegated with a CNAME (to a mail
 * provider, say); verifiers follow it, and the key must be at its end.
 * The end, in whichever zone of the run holds it, must hold a key record
 * (a TXT record with p=); one that does not exist is CNAME006's, and one
 * no zone of the run holds cannot be judged.  A DNAME on the way
 * rewrites the name (RFC 6672 §2.2), and is noted; one that rewrites it
 * past 255 octets leaves no key to find (YXDOMAIN), the target named. */
static void dkim_delegated(struct zl_ctx *ctx)
{
	const struct zl_rr *rr = ctx->rr, *txt;
	const struct zl_name *t = rr->nrdf ? zl_rdf_name(&rr->rdf[0]) : NULL;
	enum zl_answer a;
	struct zl_at at;
	zl_finding f;

	if (!t || !key_name(rr->owner->text) ||
	    ((a = zl_answer(ctx, t->text, &at)) != ZL_ANSWER_NAME &&
	     a != ZL_ANSWER_YXDOMAIN))
		return;
	for (txt = zl_first_rr(at.zone, at.name, LDNS_RR_TYPE_TXT); txt;
	     txt = zl_next_rr(at.zone, txt))
		if (tag(zl_tv_in(ctx, at.zone, txt), "p"))
			return;
	f = ZL_EMIT(ctx, rr->src, zl_rr_field_tok(ctx->zone, rr, 0),
		    { "target", at.name ? at.name->text : t->text });
	zl_note_dnames(ctx, f, t->text);
	if (at.name)
		zl_note_target(ctx, f, at, at.name->text, LDNS_RR_TYPE_TXT);
}

const struct zl_check zl_check_dkim_delegated = {
	.name = "dkim-delegated",
	.scopes = ZL_SCOPE_BIT(ZL_SCOPE_RECORD),
	.fn = dkim_delegated,
	.params = no_params,
	.vars = (const char *const[]){ "target", NULL },
};
