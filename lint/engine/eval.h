/* eval.h - internal to the rule engine: the runner (eval.c) and the parts
 * it runs with, each in a file of its own: what becomes of each finding
 * (eval_sink.c), follow-on findings (broken.c), the subjects each rule
 * selects (select.c), the per-run memo (memo.c) and the warnings of
 * emit.c. */
#ifndef ZL_EVAL_H
#define ZL_EVAL_H

#include <pthread.h>
#include <stdatomic.h>

#include "check.h"

/* What becomes of the findings of one zl_lint() call on zone z, appended
 * to out: a finding repeated on its line is counted in the first, and of
 * each of the nrules rules the first ZL_LIMIT_RULE_FINDINGS in the zone's
 * text are kept (suppressed ones apart: supp, borrowed, may be NULL), the
 * rest counted in a summary. */
struct zl_sink *zl_sink_new(struct zl_diags *out, const struct zl_zone *z,
			    struct zl_supp *supp, size_t nrules);
/* Whether a new finding of rule ri at `at` in src (on 1-based line line),
 * before its message is made, is dropped: the rule has kept its first
 * ZL_LIMIT_RULE_FINDINGS, and it comes on a later line than the last of
 * them, so none of them can count it; it is counted as dropped.  Spares
 * making the messages of a rule that finds much more than it reports. */
bool zl_sink_drops(struct zl_sink *k, uint32_t ri, uint16_t src,
		   struct zl_tok at, uint32_t line);
/* Whether a new finding of rule ri at `at` in src (on 1-based line line)
 * with message msg is not to be made: it repeats one kept on its line, or
 * comes after the rule's first ZL_LIMIT_RULE_FINDINGS in the text; either
 * way it is counted.  When it is to be made, the last of the rule's kept
 * ones may have made room for it (its count set to 0: zl_sink_finish
 * removes it). */
bool zl_sink_absorbs(struct zl_sink *k, uint32_t ri, uint16_t src,
		     struct zl_tok at, uint32_t line, const char *msg);
/* Remembers the finding just made, out->v[idx], as one of ri's kept. */
void zl_sink_keep(struct zl_sink *k, uint32_t ri, uint16_t src,
		  struct zl_tok at, uint32_t line, size_t idx);
/* The zone is done (out[first..] are its findings): those that made room
 * are removed, the messages of repeated findings get their counts, each
 * rule over its cap a summary of what it did not keep; k is freed. */
void zl_sink_finish(struct zl_sink *k, const struct zl_ruleset *rs,
		    size_t first);
/* The findings of from's out, rules that k has none of, have been moved
 * to the end of k's, at offset: k takes over what from knows of them, and
 * from, which zl_sink_finish(k) frees. */
void zl_sink_adopt(struct zl_sink *k, struct zl_sink *from, size_t offset);

/* ---- follow-on findings (broken.c; docs/rules.md, "One cause, one
 * finding") ---- */

/* What one zl_lint call knows to be wrong with the zone's data: the
 * records reported by `breaks` rules, sorted by position once those rules
 * have run; the records the loader lost, sorted by owner; and the findings
 * found to be follow-ons once emitted (through a note), by index in out. */
struct zl_broken {
	const struct zl_rr **rr;
	size_t nrr, caprr;
	struct zl_lost *lost;
	size_t nlost;
	bool lost_all;		/* the zone's lost_unread */
	size_t *drop;
	size_t ndrop, capdrop;
};


/* Whether a finding of r at `at` in src lies on a broken record of a type
 * r needs. */
bool zl_broken_on(const struct zl_broken *b, const struct zl_rule *r,
		  uint16_t src, struct zl_tok at);
/* Whether the loader lost a record that r needs at n (NULL: anywhere in
 * the zone, for zone scope; not outside its origin).  A lost record of
 * unknown type counts for every rule that needs any; an $INCLUDE not
 * read, for every zone rule that needs any (the SOA may have been in
 * it). */
bool zl_broken_lost(const struct zl_broken *b, const struct zl_rule *r,
		    const struct zl_name *n);
/* Whether a file that $INCLUDE could not read (b NULL: none known) may
 * have held records that r would judge n, a name of the zone, by: those
 * of a type r needs and does not select.  The records r selects are
 * judged as they are. */
bool zl_broken_unread(const struct zl_broken *b, const struct zl_rule *r,
		      const struct zl_name *n);
/* A `breaks` rule has reported rr. */
void zl_broken_mark(struct zl_broken *b, const struct zl_rr *rr);
/* The finding out->v[idx] is a follow-on, to be removed. */
void zl_broken_drop(struct zl_broken *b, size_t idx);
/* Takes the records z lost, before any rule runs, so that every rule can
 * ask (zl_lost_at), the `breaks` rules too. */
void zl_broken_start(struct zl_broken *b, const struct zl_zone *z);
/* The `breaks` rules have run: sorts what they marked, so that the other
 * rules can ask. */
void zl_broken_settle(struct zl_broken *b);
/* Frees what b holds (not b). */
void zl_broken_free(struct zl_broken *b);

/* ---- selection: the plan's units (planner.c) and the subjects each
 * takes in a run (select.c) ---- */

/* Whether rule ids a and b start with the same letters: the rules of a
 * family, those of one pack, which two threads never split
 * (zl_lint_threads), and which alone share a select.owner memo
 * (planner.c). */
bool zl_same_family(const char *a, const char *b);

/* A zone is linted in three phases (eval.c): the rules that report broken
 * records (zl_rule.breaks), so that the others know them; the ordinary
 * rules; and those that report on the suppression comments
 * (zl_check.after_suppress).  The plan is ordered by phase first. */
enum zl_phase { ZL_PH_BREAKS, ZL_PH_RULES, ZL_PH_SUPPRESS };
enum zl_phase zl_rule_phase(const struct zl_rule *r);

/* One rule visiting the subjects of its scope and of one type (-1: any);
 * ri is its index in the rule set. */
struct unit {
	const struct zl_rule *r;
	size_t ri;
	int type;
	bool all;	/* in a run: takes every record zl_subjects_of gives
			   (zl_unit_takes_all) */
};

/* Subjects of one type: a run of [start, next group's start) in a
 * permutation sorted by type. */
struct tgroup {
	uint16_t type;
	uint32_t start;
};

/* Indexes of records sorted by type (stable), or RRsets already in that
 * order (idx NULL), and the run of each type present, so that a rule that
 * selects types visits only those. */
struct bytype {
	uint32_t *idx;
	size_t n;
	struct tgroup *g;	/* ng groups and an end sentinel */
	size_t ng;
};

/* The subjects of one scope and type (-1: any) whose owner matches one
 * select.owner pattern, as indexes (see subject_owner). */
struct osel {
	enum zl_scope scope;
	int type;
	uint32_t *v;
	size_t n;
	const struct zl_rr *limit_rr;	/* a subject over the PCRE2 limits,
					   or NULL */
};

/* What one select.owner pattern matched, shared by the rules of a family
 * with the same source (the DMARC, DKIM and MTA-STS packs repeat theirs):
 * res[] per name (zl_name.id) 0 until matched, else an enum omatch, in
 * half a byte (the low half of res[id / 2] for an even id: a zone of
 * 1M records has about a million names, and a family one or two
 * patterns), and the selections built so far, so that the second rule visits only the
 * matching subjects instead of every TXT record of the zone. */
enum omatch { OM_NO = 1, OM_YES, OM_LIMIT, OM_SPENT };

/* A select.owner pattern that is only literals: alternatives of a string,
 * each anchored at the start (`^_dmarc\.`) or found anywhere
 * (`\._domainkey\.`).  Matched without PCRE2, with the same result: the
 * owner is canonical and the pattern caseless. */
#define ZL_LIT_MAX 4
struct olit {
	size_t n;			/* alternatives; 0: not literal */
	bool anchored[ZL_LIT_MAX];
	uint8_t off[ZL_LIT_MAX + 1];	/* alternative i is s[off[i]..off[i+1]) */
	uint8_t key[ZL_LIT_MAX];	/* where in it an unanchored search
					   looks first: not a letter, '_' if
					   any, else 0 */
	char s[64];			/* lower case */
};

struct omemo {
	const struct zl_rule *rule;	/* the first rule with the pattern,
					   which its matches are charged to */
	size_t ri;			/* its index */
	struct olit lit;
	uint8_t *res;
	struct osel *sel;
	size_t nsel, capsel;
};

/* What selects the subjects of one zl_lint call (select.c): the
 * subjects by type, the select.owner matches shared between rules, and
 * the match scratch and rdata text buffer reused for every subject. */
struct zl_subjects {
	const struct zl_ruleset *rs;
	const struct zl_zone *z;
	struct zl_diags *out;	/* where the selection's warnings go */
	const struct zl_broken *broken;
	pcre2_match_data *md;
	struct zl_buf text;
	struct bytype recs;	/* into zone->rrs */
	struct bytype sets;	/* setv's runs (idx NULL) */
	uint32_t *setv;		/* the RRsets, sorted by type (stable): each
				   one's first record */
	uint32_t *names;	/* the names that have records, in intern
				   order: each one's first record */
	size_t nnames;
	uint32_t *unames;	/* those of names whose owner has a '_' */
	size_t nunames;
	bool unames_built;
	struct omemo *om;	/* one per distinct select.owner pattern */
	size_t nom, capom;
	uint32_t *pick;		/* the subjects of an osel being built */
	size_t cappick;
	struct zl_arena arena;	/* the omemo's res and the osel's v */
	bool *warned;		/* per rule of rs: its PCRE2 limit warning
				   has been given */
	bool borrowed;		/* recs, sets, setv and names are another
				   one's (zl_subjects_fork) */
};

/* The candidate subjects of the units of one group: n of them, the k-th
 * being zl_cand_at() (an index into the zone's records, the run's RRsets
 * or its names, by scope). */
struct cand {
	const uint32_t *idx;
	size_t first, n;
};

static inline uint32_t zl_cand_at(const struct cand *c, size_t k)
{
	return c->idx ? c->idx[k] : (uint32_t)(c->first + k);
}

/* One subject, as a primitive gets it (zl_ctx). */
struct subject {
	const struct zl_rr *rr;
	const struct zl_rrset *set;
	const struct zl_name *name;
};

/* Indexes the subjects of z by type for rs's rules, whose warnings go to
 * out and which skip what b knows lost; zl_subjects_free releases it. */
void zl_subjects_init(struct zl_subjects *sj, const struct zl_ruleset *rs,
		      const struct zl_zone *z, struct zl_diags *out,
		      const struct zl_broken *b);
void zl_subjects_free(struct zl_subjects *sj);
/* Subjects for a second thread linting the same zone: from's index of
 * the subjects by type, borrowed (from outlives sj), and what the
 * selection builds as it goes of its own; warnings go to out, and b says
 * what is lost. */
void zl_subjects_fork(struct zl_subjects *sj, const struct zl_subjects *from,
		      struct zl_diags *out, const struct zl_broken *b);
/* The records of type t, as indexes into the zone's in ascending order
 * (*idx): returns how many. */
size_t zl_subjects_records(const struct zl_subjects *sj, uint16_t t,
			   const uint32_t **idx);
/* About how many subjects u visits: a zone-scope rule counts the zone's
 * records. */
size_t zl_unit_cost(const struct zl_subjects *sj, const struct unit *u);
/* The subjects that the units u[0..n) of one group of the plan visit:
 * those of their scope and type whose owner passes their select.owner. */
struct cand zl_subjects_of(struct zl_subjects *sj, const struct unit *u,
			   size_t n);
/* Asks the CPU for the record of subject k + 16 of c (scope sc) and the
 * owner of subject k + 8, so that a walk over the subjects waits for
 * memory once per stretch instead of once per owner: the owners lie
 * anywhere among the names (on the 1M-record zone of `make bench`, 10 %
 * of the rules' time). */
void zl_subject_ahead(const struct zl_subjects *sj, enum zl_scope sc,
		      const struct cand *c, size_t k);
/* Whether u's rule takes every subject that zl_subjects_of() gives, all
 * of them records: then zl_subject_taken need not be asked. */
bool zl_unit_takes_all(const struct unit *u);
/* Whether u's rule takes subject i, one of zl_subjects_of(): the rest of
 * its selection (select.rdata; for name scope select.type) decides, and
 * a record it needs that the loader lost.  On true, *out is the
 * subject. */
bool zl_subject_taken(struct zl_subjects *sj, const struct unit *u,
		      uint32_t i, struct subject *out);

/* ---- the per-run memo (memo.c; zl_memo_get in check.h) ---- */

/* A record of another zone of the run, and what was built from it. */
struct zl_memo_other {
	const struct zl_rr *rr;		/* NULL: a free slot */
	void *obj;
	enum zl_memo_kind kind;
};

/* What is built per record (zl_memo_get), shared by the threads of a
 * run: each finds what is there without a lock, and claims a slot to
 * build its object (the lock only adds a record's entry).  n is the
 * linted zone's record count. */
struct zl_memo_ent {
	_Atomic(void *) obj[ZL_MEMO_NRR];	/* per kind, NULL until built */
};

struct zl_memo_recs {
	pthread_mutex_t lock;
	size_t n;
	/* The zone's text records (TXT and SPF), which are all that the
	 * kinds are built from, numbered: tag[i] says whether record i is
	 * one (0x80), and its rank among them is before[i / 128] and the low
	 * bits of tag[i] (a sixth of the records of a mail-heavy zone: an
	 * index by record would cost 4 bytes for each).  Another record
	 * asked for goes the way of another zone's. */
	uint8_t *tag;
	uint32_t *before;
	/* The text records with something built: ix[rank] is 1 + the
	 * record's entry, 0 for none.  Entries come in blocks that never
	 * move, for the threads that read them without the lock. */
	_Atomic uint32_t *ix;
	struct zl_memo_ent **block;
	size_t nent;
	/* Records of other zones (zl_lookup), in an open hash by record and
	 * kind, under the lock; of two built at once, one is kept. */
	struct zl_memo_other *other;
	size_t nother, capother;	/* capother: 0 or a power of two */
};

/* One thread's memo (zl_ctx.memo): the shared records', and its own zone
 * slots and arena, in which it builds. */
struct zl_memo {
	const struct zl_zone *z;
	struct zl_memo_recs *recs;
	void *zone[ZL_MEMO_NKINDS];	/* zl_memo_zone_slot */
	void (*release[ZL_MEMO_NKINDS])(void *);
	struct zl_arena arena;
};

/* The shared part for a run on z, whose records by type sj has;
 * zl_memo_recs_free releases it, after every thread's zl_memo_free. */
void zl_memo_recs_init(struct zl_memo_recs *s, const struct zl_zone *z,
		       const struct zl_subjects *sj);
void zl_memo_recs_free(struct zl_memo_recs *s);
/* Releases the zone objects built (zl_memo_zone_slot), which are built
 * again when asked for; what is built per record stays. */
void zl_memo_zone_free(struct zl_memo *m);
/* Releases the zone objects built and the arena; not m itself. */
void zl_memo_free(struct zl_memo *m);

/* ---- warnings about the rules themselves (emit.c) ---- */

/* A rule whose patterns have used up their effort budget stops for the
 * rest of the run; the match that spent it says so, at its record (or
 * with no place, for a zone without records, rr NULL). */
void zl_emit_stopped(struct zl_diags *out, const struct zl_zone *z,
		     const struct zl_rule *r, const struct zl_rr *rr);

#endif
