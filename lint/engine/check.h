/* check.h - the interface between the rule engine and the check primitives.
 *
 * A primitive is a C function named by a rule's `check:` key.  The engine
 * calls it once per subject of the rule's scope with a zl_ctx; the primitive
 * reports findings only through ZL_EMIT().  Primitives never print, never
 * open files and keep no state between calls. */
#ifndef ZL_CHECK_H
#define ZL_CHECK_H

#include "rule.h"
#include "zone.h"

struct zl_memo;
struct zl_supp;
struct zl_sink;
struct zl_broken;

struct zl_ctx {
	const struct zl_ruleset *rs;
	const struct zl_rule *rule;
	uint32_t ri;		/* the rule's index in rs */
	const struct zl_zone *zone;
	struct zl_diags *out;
	/* The engine's: what becomes of each finding (suppression, repeats,
	 * the cap per rule; see ZL_EMIT).  NULL outside the engine: findings
	 * go to out as they are. */
	struct zl_sink *sink;
	/* The subject.  record scope: rr (and name = rr->owner);
	 * rrset scope: set and name; name scope: name; zone scope: none. */
	const struct zl_rr *rr;
	const struct zl_rrset *set;
	const struct zl_name *name;
	struct zl_memo *memo;	/* the engine's, for zl_memo_get() */
	/* The zone's `; zonelint:` comments, for the primitives that run
	 * after suppression (zl_check.after_suppress); NULL otherwise and
	 * when the zone has none. */
	const struct zl_supp *supp;
	/* The engine's record of broken and lost records, through which
	 * ZL_EMIT() leaves out follow-on findings; NULL outside it. */
	struct zl_broken *broken;
	/* The run's zones, in which names outside this one resolve (use
	 * zl_zone_of and the lookups below, never zones->... directly);
	 * NULL: the zone alone. */
	struct zl_zoneset *zones;
	bool zones_below;	/* a zone of zones lies below this one's
				   origin (zl_zoneset_has_below) */
	/* The zone as it was at the base of the change, or NULL. */
	const struct zl_zone *base;
	int64_t now;		/* zl_lint_opts.now: 0 is the clock */
};

/* What a primitive may derive from a record once per run (zl_memo_get:
 * the kinds before ZL_MEMO_NRR), or from the whole zone
 * (zl_memo_zone_slot: the others). */
enum zl_memo_kind { ZL_MEMO_SPF, ZL_MEMO_TAGVALUE,
		    ZL_MEMO_NRR,	/* per record above, per zone below */
		    ZL_MEMO_DKIM_KEY = ZL_MEMO_NRR,
		    ZL_MEMO_SPF_GRAPH, ZL_MEMO_DMARC_NAMES,
		    ZL_MEMO_NAME_PLACES, ZL_MEMO_SPF_SEEN,
		    ZL_MEMO_MX_SET, ZL_MEMO_DMARC_SUBJECT,
		    ZL_MEMO_TLSA_BETWEEN,
		    ZL_MEMO_NKINDS };

/* Returns what build(a, z, rr) made for rr, a record of zone z of the
 * run, calling it the first time only: many rules look at one TXT record,
 * and this way its text is joined and parsed once.  build allocates the
 * result, and all it keeps, from arena a: the memo's, freed at once when
 * the run ends (outside the engine one that is never freed); it must not
 * return NULL, and the result is read only from then on: the threads of a
 * run share it (zl_lint_opts.threads); the first to ask builds it, and
 * one that asks meanwhile waits for it. */
void *zl_memo_get(struct zl_ctx *ctx, enum zl_memo_kind kind,
		  const struct zl_zone *z, const struct zl_rr *rr,
		  void *(*build)(struct zl_arena *a, const struct zl_zone *z,
				 const struct zl_rr *rr));
/* The same with a build that also gets arg: what the caller keeps
 * beside the memo for it, such as a zone slot (zl_memo_zone_slot) of
 * the records built so far; build runs in the calling thread. */
typedef void *zl_memo_build_fn(struct zl_arena *a, const struct zl_zone *z,
			       const struct zl_rr *rr, void *arg);
void *zl_memo_get_arg(struct zl_ctx *ctx, enum zl_memo_kind kind,
		      const struct zl_zone *z, const struct zl_rr *rr,
		      zl_memo_build_fn *build, void *arg);
/* n zeroed bytes of the memo's arena, freed when the run ends; NULL
 * outside the engine. */
void *zl_memo_alloc(struct zl_ctx *ctx, size_t n);
/* The memo's slot of kind (one after ZL_MEMO_NRR) for the zone as a
 * whole, for what several rules derive from all of it (the SPF include
 * graph): the caller stores its object there when the slot is NULL, and
 * the engine calls release on it when the run ends.  Each thread of a run
 * has its own.  NULL outside the engine. */
void **zl_memo_zone_slot(struct zl_ctx *ctx, enum zl_memo_kind kind,
			 void (*release)(void *obj));
/* The object in that slot, size zeroed bytes made at the first call (the
 * engine calls release on it when the run ends); NULL outside the
 * engine. */
void *zl_memo_zone_obj(struct zl_ctx *ctx, enum zl_memo_kind kind,
		       size_t size, void (*release)(void *obj));

typedef void zl_check_fn(struct zl_ctx *ctx);
/* Whether rule r can give a finding about record rr of zone z at all: a
 * test of the record alone, cheaper than the rule's select.rdata pattern,
 * which the engine then leaves unmatched for a record that fails it. */
typedef bool zl_check_could_fn(const struct zl_rule *r,
			       const struct zl_zone *z, const struct zl_rr *rr);

#define ZL_SCOPE_BIT(s) (1u << (s))

struct zl_check {
	const char *name;		/* the YAML `check:` value */
	unsigned scopes;		/* ZL_SCOPE_BIT()s it can run in */
	zl_check_fn *fn;
	/* Record scope, optional: false rules a record out before its rule's
	 * select.rdata is matched; fn must then give it no finding. */
	zl_check_could_fn *could;
	/* What a rule fixes: the axes along which its rules differ, each
	 * a list of names (rule.h); NULL or ending with a NULL key. */
	const struct zl_variant_spec *variants;
	/* What a configuration may tune: thresholds, lists, patterns. */
	const struct zl_param_spec *params;	/* ends with a NULL key */
	const char *const *vars;	/* message placeholders it supplies,
					   NULL-terminated */
	/* Runs after every other rule, once inline suppressions have been
	 * applied to their findings (suppress.c): the checks that report
	 * on the suppression comments themselves. */
	bool after_suppress;
};

/* Placeholders every primitive supplies: the subject's owner name and, for
 * record and rrset scope, its type mnemonic. */
#define ZL_STD_VARS "owner", "type"

/* The table of all primitives, built from checks.def. */
extern const struct zl_check *const zl_checks[];
extern const size_t zl_ncheck;
/* Returns the primitive called name, or NULL. */
const struct zl_check *zl_check_find(const char *name);

/* A placeholder value for a message or help template. */
struct zl_var {
	const char *name;
	const char *value;
};

/* A finding a check has emitted, to attach notes to: its index among
 * the diagnostics of ctx->out, or ZL_NO_FINDING.  An index, not a pointer,
 * because the list moves as it grows. */
typedef long zl_finding;
#define ZL_NO_FINDING (-1L)

/* Emits a finding of ctx->rule at token `at` of source `src`:
 *
 *	ZL_EMIT(ctx, src, at, { "target", t }, { "canonical", c });
 *
 * The rule's message and help templates are filled from the variables
 * (plus the standard ones); values are escaped.  A variable named "fix"
 * becomes the fix-it text.  The compiler counts the variables.  Returns
 * the finding so that notes can be attached, or ZL_NO_FINDING when the
 * rule is off or the finding follows from a broken record (docs/rules.md,
 * "One cause, one finding"), when it repeats one of the rule's on the same
 * line (which then counts it), or when the rule has ZL_LIMIT_RULE_FINDINGS
 * findings in the zone already (the engine then counts it in a summary).
 *
 * Every placeholder of the rule's templates is one the check declares
 * (checked when the rule loads); a check supplies, in each finding, every
 * variable the templates of the built-in rules use there.  A rule pack may
 * use one that the check fills in other variants only: it is shown as
 * written ("{expected}"). */
#define ZL_EMIT(ctx, src, at, ...) \
	zl_emit_vars((ctx), (src), (at), ZL_VARS_(__VA_ARGS__) + 1, \
		     ZL_NVARS_(__VA_ARGS__))
/* The same with the record's whole text as the span. */
#define ZL_EMIT_RR(ctx, rr, ...) \
	ZL_EMIT((ctx), (rr)->src, (rr)->text, __VA_ARGS__)

/* What ZL_EMIT expands to: a leading { NULL, NULL } lets the list be
 * empty, and sizeof counts it without evaluating anything twice. */
#define ZL_VARS_(...) ((const struct zl_var[]){ { NULL, NULL }, __VA_ARGS__ })
#define ZL_NVARS_(...) \
	(sizeof ZL_VARS_(__VA_ARGS__) / sizeof(struct zl_var) - 1)
zl_finding zl_emit_vars(struct zl_ctx *ctx, uint16_t src, struct zl_tok at,
			const struct zl_var *vars, size_t nvars);

/* Gives finding f severity sev (a check whose profile changes how grave
 * its findings are); ZL_NO_FINDING is a no-op. */
void zl_emit_severity(struct zl_ctx *ctx, zl_finding f, enum zl_severity sev);
/* The same unless the user set the rule's level (--severity, a pack, the
 * config): a check that knows a finding is graver or lighter than its
 * rule's default says so, a level the user chose stands. */
void zl_emit_severity_default(struct zl_ctx *ctx, zl_finding f,
			      enum zl_severity sev);

/* Matches s[0..len) against re, a pattern of ctx->rule (a parameter's),
 * under the rule's effort budget (rule.h): 1 on a match, 0 on none, -1
 * when a limit was hit or the budget is spent (the match that spends it
 * adds a warning). */
int zl_ctx_match(struct zl_ctx *ctx, const pcre2_code *re, const char *s,
		 size_t len);

/* Attaches a related note at `at` in `src` to finding f (ZL_NO_FINDING:
 * a no-op); a note at a broken record makes f a follow-on finding, which
 * the engine removes. */
void zl_emit_note(struct zl_ctx *ctx, zl_finding f, uint16_t src,
		  struct zl_tok at, const char *fmt, ...) ZL_PRINTF(5, 6);

/* The same at a record of zone z of the run, another zone's: the note
 * that points from a finding to the record a reference reached. */
void zl_emit_note_in(struct zl_ctx *ctx, zl_finding f,
		     const struct zl_zone *z, uint16_t src, struct zl_tok at,
		     const char *fmt, ...) ZL_PRINTF(6, 7);

/* The source span of rdata field i of rr (all its tokens). */
struct zl_tok zl_rr_field_tok(const struct zl_zone *z, const struct zl_rr *rr,
			      unsigned i);
/* Index of the first rdata field of rr whose type is a domain name, after
 * skipping `skip` such fields; -1 if none. */
int zl_rr_name_field(const struct zl_rr *rr, unsigned skip);
/* The record's type mnemonic ("MX", "TYPE65534"), in a static buffer for
 * unknown types: copy before the next call. */
const char *zl_type_str(uint16_t type);

/* ---- zone lookups for primitives (check_util.c) ---- */

/* The first record of type at n (n may be NULL), or NULL. */
const struct zl_rr *zl_first_rr(const struct zl_zone *z,
				const struct zl_name *n, uint16_t type);
/* The next record of the same RRset, or NULL. */
const struct zl_rr *zl_next_rr(const struct zl_zone *z,
			       const struct zl_rr *rr);
/* The records of s that differ from every earlier one (RFC 2181 §5: the
 * same record twice is one); time in the square of s->count. */
size_t zl_rrset_distinct(const struct zl_zone *z, const struct zl_rrset *s);
/* The token that names a record as a whole: its type, else its text. */
struct zl_tok zl_rr_type_tok(const struct zl_zone *z, const struct zl_rr *rr);
/* Whether text[0..len) is an IPv4 or IPv6 address literal (a final dot
 * allowed). */
bool zl_text_is_address(const char *text, size_t len);
/* The length of the last label of a name token written as text[0..len),
 * relative and of two labels or more, when that label is a top-level
 * domain of the Public Suffix List: the writer most likely meant the name
 * absolute.  0 otherwise. */
size_t zl_written_ends_in_tld(const char *text, size_t len);
/* Whether a name token written as text[0..len) is relative and already ends
 * with the origin it was made relative to, so that name (its absolute form)
 * repeats the origin: the missing trailing dot of RFC 1035 §5.1. */
bool zl_written_repeats_origin(const char *text, size_t len,
			       const struct zl_name *name);
/* Absolute names, as a zone transfer or a written final dot gives them:
 * whether canonical text is the zone's origin appended to a relative name
 * that already ended in that origin (mail.example.com.example.com.), or
 * to an address literal (192.0.2.25.example.com.) - what a missing final
 * dot became on the server.  Never below an origin of one label, where
 * the label again (neo.neo. in .neo) is a domain of its own.  *rel_len is
 * the length of that relative name, text[0..*rel_len). */
bool zl_name_repeats_origin(const struct zl_zone *z, const char *text,
			    size_t *rel_len);
bool zl_name_is_address(const struct zl_zone *z, const char *text,
			size_t *rel_len);
/* Whether the records at n may be read under another name, so that the
 * name itself need not be where a receiver looks: a CNAME or DNAME of the
 * zone points at it, or it lies three labels or more below the origin and
 * holds one TXT record alone, as the policies a hosted service publishes,
 * one per customer under its own label ("customer.example._d.provider.
 * example."), for the customers' zones to alias. */
bool zl_name_aliased(const struct zl_zone *z, const struct zl_name *n);
/* The domain a name of a mail service's underscore prefix serves:
 * canonical text past its last label that starts with '_'
 * ("_smtp._tls.example.com." and "default._bimi.example.com." serve
 * "example.com."), text itself when no label does.  A record of one
 * service pasted at another's name belongs under that domain. */
const char *zl_text_served(const char *text);
/* Whether canonical text is at or below the zone's origin. */
bool zl_text_in_zone(const struct zl_zone *z, const char *text);
/* Whether canonical text is at or below canonical name ("." holds all). */
bool zl_text_under(const char *text, const char *name);
/* Whether in-zone text lies at or below a delegation, so that the child
 * zone has its data, or below a DNAME, which answers for it (zl_name
 * below_cut): a name the zone does not hold inherits this from its
 * closest ancestor that it does. */
bool zl_text_below_cut(const struct zl_zone *z, const char *text);

/* A name and the zone of the run that holds it. */
struct zl_at {
	const struct zl_zone *zone;	/* NULL: no zone of the run holds
					   the name: it is unknown */
	const struct zl_name *name;	/* NULL: that zone neither owns nor
					   references it */
};

/* The zone of the run that holds canonical text: the one whose origin is
 * its longest suffix, ctx->zone or another zone of ctx->zones (a child
 * zone takes over below its cut); NULL when none does (README "Zone
 * repositories").  Every lookup of a name a record refers to starts here,
 * so that what a rule finds does not depend on which file holds it. */
const struct zl_zone *zl_zone_of(const struct zl_ctx *ctx, const char *text);
/* Canonical text in the zone that holds it (no wildcard, no CNAME). */
struct zl_at zl_lookup(const struct zl_ctx *ctx, const char *text);
/* zl_lookup of prefix + text ("_dmarc." + "example.com."). */
struct zl_at zl_lookup2(const struct zl_ctx *ctx, const char *prefix,
			const char *text);

/* Where the name t, which a record of the zone refers to (a name of
 * ctx->zone), is held: t itself, or the same name in the zone of the run
 * that holds it; zone NULL when no zone of the run does, or t lies below a
 * delegation whose child zone the run lacks.  No wildcard and no CNAME is
 * followed. */
struct zl_at zl_target(const struct zl_ctx *ctx, const struct zl_name *t);
/* The same for canonical text, such as a name of another zone. */
struct zl_at zl_target_text(const struct zl_ctx *ctx, const char *text);
/* The DNAME record of the zone of the run that holds canonical text, at a
 * strict ancestor of text that the zone serves, which answers for it with
 * a CNAME (RFC 6672 §2.2), and in buf (size n) the name that CNAME points
 * to; NULL when there is none, or that name would exceed 255 octets
 * (YXDOMAIN). */
const struct zl_rr *zl_dname_over(const struct zl_ctx *ctx, const char *text,
				  const struct zl_zone **zone, char *buf,
				  size_t n);
/* The highest DNAME record of zone z at a strict ancestor of canonical
 * text, whether the zone serves it or not (at or below a delegation), and
 * in buf the name it rewrites text to; *yx set, and buf empty, when that
 * name would exceed 255 octets.  NULL when there is none. */
const struct zl_rr *zl_dname_above(const struct zl_zone *z, const char *text,
				   char *buf, size_t n, bool *yx);
/* The canonical text of a name of at most 255 octets, escaped, and its
 * NUL. */
#define ZL_NAME_TEXT_MAX (255 * 4 + 2)
/* Canonical text as a query for it is rewritten by the DNAMEs of the run
 * over it (RFC 6672 §2.2), and by those over the names they make, before
 * any CNAME: text itself when no DNAME answers for it, else the last name
 * made, in one of buf's two names.  NULL when a rewrite would exceed 255
 * octets (YXDOMAIN), or the DNAMEs rewrite each other's names past the
 * hop limit of zl_answer (a loop). */
const char *zl_dname_end(const struct zl_ctx *ctx, const char *text,
			 char (*buf)[ZL_NAME_TEXT_MAX]);
/* Attaches to f a note at what another zone of the run holds for text
 * (at from zl_target or zl_lookup): its record of type, else its first
 * record, else the zone's SOA, each named by zone; nothing when at is the
 * zone's own.  The finding stays at the referring record; the note shows
 * the other zone's file and line. */
void zl_note_target(struct zl_ctx *ctx, zl_finding f, struct zl_at at,
		    const char *text, uint16_t type);

/* What a query for a name gets from the zones of the run. */
enum zl_answer {
	ZL_ANSWER_NAME,		/* out holds the answer's records */
	ZL_ANSWER_NONE,		/* the name does not exist (NXDOMAIN) in
				   out->zone */
	ZL_ANSWER_UNKNOWN,	/* no zone of the run answers: outside every
				   origin, below a delegation whose child is
				   not in the run, or a chain of CNAMEs and
				   DNAMEs too long to follow (a loop) */
	ZL_ANSWER_YXDOMAIN,	/* a DNAME of out->zone would rewrite the
				   name to one of more than 255 octets: the
				   query fails (RFC 6672 §2.2), no record
				   answers it */
};
/* Answers a query for canonical text as the authoritative servers of the
 * run's zones would: the name itself, else the wildcard at its closest
 * encloser (RFC 4592), following CNAMEs and the CNAMEs that DNAMEs over
 * a name make (RFC 6672 §2.2, §3) from zone to zone; a CNAME and a DNAME
 * count alike towards the length of a chain. */
enum zl_answer zl_answer(const struct zl_ctx *ctx, const char *text,
			 struct zl_at *out);
/* Attaches to f (ZL_NO_FINDING: none) a note at each DNAME that
 * zl_answer of text follows, saying what it rewrites the name to: a
 * finding about the name a query for text ends at tells how it got
 * there.  Returns whether a DNAME rewrote text. */
bool zl_note_dnames(struct zl_ctx *ctx, zl_finding f, const char *text);
/* Whether a `breaks` rule has reported rr in this run (docs/rules.md, "One
 * cause, one finding").  The engine leaves out findings at such a record;
 * a primitive that judges a whole set asks, so as to count the record as
 * unknown rather than as wrong.  False outside the engine. */
bool zl_rr_broken(const struct zl_ctx *ctx, const struct zl_rr *rr);
/* Whether the loader lost a record of type (0: of any type) at n, a name
 * of the linted zone, or may have (a file of the zone that $INCLUDE
 * could not read): what a target seems to lack may only have been
 * unreadable.  False for the names of other zones, and outside the
 * engine. */
bool zl_lost_at(const struct zl_ctx *ctx, const struct zl_name *n,
		uint16_t type);
/* Whether n (NULL: no) has an A or AAAA RRset; whether the loader lost
 * an A or AAAA record at it (zl_lost_at). */
bool zl_has_address(const struct zl_name *n);
bool zl_lost_address(const struct zl_ctx *ctx, const struct zl_name *n);
/* A 16-bit integer field. */
uint16_t zl_rdf_u16(const struct zl_rdf *f);

/* What an A or AAAA address can be used for (RFC 6890); an IPv4-mapped
 * AAAA (::ffff:0:0/96) is judged as the IPv4 address it maps. */
enum zl_addr_kind {
	ZL_ADDR_USABLE,
	ZL_ADDR_LOOPBACK,	/* 127.0.0.0/8, ::1 */
	ZL_ADDR_UNSPECIFIED,	/* 0.0.0.0/8, :: */
	ZL_ADDR_LINK_LOCAL,	/* 169.254.0.0/16, fe80::/10 */
	ZL_ADDR_MULTICAST,	/* 224.0.0.0/4, ff00::/8 */
	ZL_ADDR_RESERVED,	/* 240.0.0.0/4, 255.255.255.255 with it */
};
enum zl_addr_kind zl_addr_kind(const struct zl_rdf *f);

/* Primitives declared here, defined in check_<area>.c. */
#define ZL_CHECK(ident) extern const struct zl_check ident;
#include "checks.def"
#undef ZL_CHECK

#endif
