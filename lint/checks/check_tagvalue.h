/* check_tagvalue.h - tag=value records (tagvalue.h) for the primitives:
 * each TXT record parsed once per run, and findings at the bytes of one.
 * DKIM, DMARC, MTA-STS, TLS-RPT and BIMI checks share these. */
#ifndef ZL_CHECK_TAGVALUE_H
#define ZL_CHECK_TAGVALUE_H

#include "check.h"
#include "tagvalue.h"

/* rr's strings joined and parsed as a tag list, once per run however many
 * rules look at it (the engine's memo owns the result until the run
 * ends).  rr must be TXT (or another type of text strings). */
const struct zl_tv_rec *zl_tv_of(struct zl_ctx *ctx, const struct zl_rr *rr);
/* The same for a record of zone z of the run. */
const struct zl_tv_rec *zl_tv_in(struct zl_ctx *ctx, const struct zl_zone *z,
			       const struct zl_rr *rr);
/* Emits the current rule at bytes sp of the subject record r, with the
 * var "message". */
zl_finding zl_tv_emit(struct zl_ctx *ctx, const struct zl_tv_rec *r,
		      struct zl_tv_span sp, const char *message);
/* The blanks (spaces, tabs) that end r's text, or an empty span;
 * *after_semi says whether a ';' comes right before them.  RFC 6376 §3.2
 * allows blanks after a tag's value but not after the final ';'; RFC 8461
 * §3.1 and RFC 8460 §3 the other way round. */
struct zl_tv_span zl_tv_trailing_blanks(const struct zl_tv_rec *r,
					bool *after_semi);
/* When the value of tag t of r is invalid because it runs on into more
 * tags (zl_tv_run_on: the ';' before them missing), a message that says
 * so and names the tags that are not read, with *at set to the first of
 * their names; else NULL.  The text is allocated. */
char *zl_tv_run_on_msg(const struct zl_tv_rec *r, const struct zl_tv_tag *t,
		       struct zl_tv_span *at);
/* When the ';' right after tag t's value cuts it (zl_tv_tag.cut: the
 * text after the ';' is no tag), a message that says so, quoting that
 * text ("a ';' seems to cut the value of 'p': 'ject' after it is no
 * tag"), with *at set to the ';'.  what names a tag: "tag", "field".
 * The rules that judge the value leave such a tag to this one message.
 * The text is allocated. */
char *zl_tv_cut_msg(const struct zl_tv_rec *r, const struct zl_tv_tag *t,
		    const char *what, struct zl_tv_span *at);
/* The message about report URI q (already escaped) of a DMARC or
 * TLS-RPT record: "invalid report URI 'q': why", or, for a valid URI
 * that zl_tv_uri_doubtful() doubts, "report URI 'q' may get no report:
 * why".  When the host of URI uri of s (q's bytes) is internationalised,
 * its A-label follows (zl_tv_host_alabel).  The text is allocated. */
char *zl_tv_uri_msg(const char *s, struct zl_tv_span uri, const char *q,
		    const char *why, bool valid);
/* Emits the current rule, with the var "message" and a note at the
 * first, at every URI of one report list of r (DMARC rua or ruf, TLS-RPT
 * rua, named tag) that an earlier URI of the list names again
 * (zl_tv_uri_repeats): reports to it may come twice.  items[i] is the
 * i-th URI's item of the list, uris[i] the URI in it (without a DMARC
 * "!size"); n of them, all valid URIs. */
void zl_tv_emit_repeats(struct zl_ctx *ctx, const struct zl_tv_rec *r,
			const struct zl_tv_span *items,
			const struct zl_tv_span *uris, size_t n,
			const char *tag);
/* Whether tag t of r starts right after the ';' of an empty tag-spec
 * ("; ;ua="), which the syntax rules report: a ';' typed for the first
 * byte of its name, as a rule, when the name is a known one without
 * it. */
bool zl_tv_after_empty(const struct zl_tv_rec *r, const struct zl_tv_tag *t);
/* Whether a syntax error of r (not an empty tag, not an extension name,
 * not the rest of a cut tag-spec) may hide a tag: a tag-spec the parser
 * could not read, so that a tag reported missing may be there,
 * misspelt. */
bool zl_tv_hidden_tag(const struct zl_tv_rec *r);
/* Whether r is a DKIM key record, or meant as one (RFC 6376 §3.6.1): it
 * starts with v=DKIM1, or has p= (empty when the key is revoked) and
 * starts with no other protocol's version: "v=DMARC1; p=reject" is a
 * DMARC policy, while "v=DKIM2; p=..." is still meant as a key. */
bool zl_tv_dkim_key(const struct zl_tv_rec *r);
/* Whether r starts with another protocol's version tag than DKIM's
 * ("v=DMARC1", "v=spf1"; "v=DKIM2" is DKIM's). */
bool zl_tv_other_version(const struct zl_tv_rec *r);
/* Whether r starts with the tag v=<version> (zl_tv_first_is), and, when
 * version ends in ';', has that ';' after it, blanks allowed before it:
 * RFC 8461 §3.1 and RFC 8460 §3 discard records that do not begin
 * "v=STSv1;" or "v=TLSRPTv1;". */
bool zl_tv_is_record(const struct zl_tv_rec *r, const char *version,
		     bool icase);
/* Why r, which does not start with the tag v=<version>, is discarded, in
 * words for a message ("a ';' is missing after 'v=DMARC1'"): whitespace
 * first, a ';' missing, another version, v= not first, no v= at all.
 * The version compares exactly, the tag's name ignoring case when icase.
 * *at is set to the bytes to point at.  The text is allocated. */
char *zl_tv_version_why(const struct zl_tv_rec *r, const char *version,
			bool icase, struct zl_tv_span *at);
/* How grave the subject record r is, a TXT record at a policy name that
 * receivers discard for not starting with v=<version> (zl_tv_is_record):
 * the name's policy lost when no other record there starts so
 * (ZL_SEV_ERROR; not looked for at a name of more than 64 TXT records,
 * where the rules that want a policy report its absence); else harmless,
 * a mistake when it still names the kind (word, in any case) or starts
 * with a v= tag (ZL_SEV_WARNING), unrelated text such as a site
 * verification when not (ZL_SEV_OFF: nothing to report). */
enum zl_severity zl_tv_discarded(struct zl_ctx *ctx, const struct zl_tv_rec *r,
				 const char *version, bool icase,
				 const char *word);
/* For a rule of name scope: emits the rule at every TXT record of the
 * subject name that starts with v=<version> (zl_tv_is_record) after the
 * first, with a note "the first <what> record is here".  RFC 7489 §6.6.3,
 * RFC 8461 §3.1, RFC 8460 §3 and BIMI §7.2: with several such records a
 * name has none that receivers use. */
void zl_tv_multiple(struct zl_ctx *ctx, const char *version, bool icase,
		    const char *what);
/* The same for the records is(r, arg) says are the name's kind. */
void zl_tv_multiple_of(struct zl_ctx *ctx,
		       bool (*is)(const struct zl_tv_rec *r, const void *arg),
		       const void *arg, const char *what);

#endif
