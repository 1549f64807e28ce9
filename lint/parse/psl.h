/* psl.h - public suffixes: the names under which organisations register
 * their domains (com, co.uk, city.kobe.jp's parent kobe.jp ...), from the
 * ICANN section of the Public Suffix List as the build found it
 * (tools/psl.sh makes psl_data.c).  DMARC's organisational domain (RFC
 * 7489 §3.2) is the name one label below one; a name written without its
 * trailing dot that ends in a top-level domain was most likely meant
 * absolute.  Names are canonical text (lower case, a final dot); the
 * tables are static and need no set-up. */
#ifndef ZL_PSL_H
#define ZL_PSL_H

#include <stdbool.h>
#include <stddef.h>

/* Whether canonical text lies below an organisational domain (RFC 7489
 * §3.2), the name one label below its public suffix: two labels or more
 * below the suffix the list's rules give it (an exception's parent, else
 * the matching rule of most labels, else its top-level domain).  False
 * for the root, a public suffix and an organisational domain. */
bool zl_psl_below_org(const char *text);
/* Whether label[0..n) is a top-level domain the list holds (by a rule
 * or a wildcard below it: "ck" of "*.ck"), in any case. */
bool zl_psl_tld(const char *label, size_t n);

/* The tables (psl_data.c), each sorted byte by byte: the rules, the
 * parents of the wildcard rules ("ck" for "*.ck"), the exceptions
 * ("www.ck" for "!www.ck"), without final dots. */
extern const char *const zl_psl_plain[];
extern const size_t zl_psl_nplain;
extern const char *const zl_psl_wild[];
extern const size_t zl_psl_nwild;
extern const char *const zl_psl_except[];
extern const size_t zl_psl_nexcept;

#endif
