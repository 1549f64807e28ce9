/* server_bind_key.c - a BIND key file (named.conf syntax, one key
 * statement), as --tsig-key reads it: the TSIG key an axfr:// transfer signs
 * its query with. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "server_bind.h"

/* The TSIG algorithms (RFC 8945 §6) as BIND names them, and their names
 * in a TSIG record. */
static const char *const algorithms[][2] = {
	{ "hmac-md5", "hmac-md5.sig-alg.reg.int." },
	{ "hmac-sha1", "hmac-sha1." },
	{ "hmac-sha224", "hmac-sha224." },
	{ "hmac-sha256", "hmac-sha256." },
	{ "hmac-sha384", "hmac-sha384." },
	{ "hmac-sha512", "hmac-sha512." },
};

static const char *algorithm(const char *name)
{
	size_t i, n = strlen(name);

	if (n > 0 && name[n - 1] == '.')
		n--;
	for (i = 0; i < sizeof algorithms / sizeof algorithms[0]; i++)
		if (strncasecmp(name, algorithms[i][0], n) == 0 &&
		    algorithms[i][0][n] == '\0')
			return algorithms[i][1];
	if (strcasecmp(name, "hmac-md5.sig-alg.reg.int") == 0 ||
	    strcasecmp(name, "hmac-md5.sig-alg.reg.int.") == 0)
		return algorithms[0][1];
	return NULL;
}

/* Whether s is base64 (RFC 4648 §4): groups of four characters, '='
 * only as padding at the end. */
static bool is_base64(const char *s)
{
	size_t n = strlen(s), i, pad = 0;

	if (n == 0 || n % 4 != 0)
		return false;
	while (pad < 2 && s[n - 1 - pad] == '=')
		pad++;
	for (i = 0; i < n - pad; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' && s[i] != '/')
			return false;
	return true;
}

/* Checks the one key statement and fills s->key. */
static void key_finish(struct bind *b, const char *file)
{
	struct srv *s = b->s;
	const struct bkey *k;
	const char *alg;

	if (b->nkeys == 0) {
		srv_err(s, NULL, 0, 0, "'%s' holds no key statement", file);
		return;
	}
	if (b->nkeys > 1) {
		k = &b->keys[1];
		srv_err(s, k->name.file, k->name.line, k->name.col, "a second "
			"key statement: a key file for zonelint holds one key");
		return;
	}
	k = &b->keys[0];
	if (!(s->key->name = srv_origin(k->name.s, strlen(k->name.s))))
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': not a valid key name", k->name.s);
	if (!k->alg.s)
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': algorithm missing", k->name.s);
	else if (!(alg = algorithm(k->alg.s)))
		srv_err(s, k->alg.file, k->alg.line, k->alg.col, "key '%s': "
			"unknown algorithm '%s' (hmac-md5, hmac-sha1, "
			"hmac-sha224, hmac-sha256, hmac-sha384 or hmac-sha512)",
			k->name.s, k->alg.s);
	else
		s->key->algorithm = zl_xstrdup(alg);
	if (!k->secret.s)
		srv_err(s, k->name.file, k->name.line, k->name.col, "key "
			"'%s': secret missing", k->name.s);
	else if (!is_base64(k->secret.s))
		srv_err(s, k->secret.file, k->secret.line, k->secret.col,
			"key '%s': the secret is not base64", k->name.s);
	else
		s->key->secret = zl_xstrdup(k->secret.s);
}

void zl_server_read_key(struct srv *s, struct srv_file *f)
{
	struct bind b;

	/* The key file's own text is shown by none of the reader's errors,
	 * but the key's name and algorithm are by key_finish's. */
	s->redact = true;
	bind_start(&b, s, f);
	s->redact = false;
	if (!b.lx.stop)
		key_finish(&b, f->shown);
	s->redact = true;
	bind_end(&b);
	s->redact = false;
}
