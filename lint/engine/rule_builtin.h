/* rule_builtin.h - the default rule packs compiled into the library
 * (generated into rules_builtin.c by tools/embed.c). */
#ifndef ZL_RULE_BUILTIN_H
#define ZL_RULE_BUILTIN_H

#include <stddef.h>

#include "rule_yaml.h"

struct zl_builtin_pack {
	const char *name;	/* "builtin:mx.yaml" */
	const char *text;
	size_t len;
	/* The text's libyaml events, recorded at build time; scalar values
	 * are at strings + value. */
	const struct zl_yevent *events;
	size_t nevents;
	const char *strings;
};

extern const struct zl_builtin_pack zl_builtin_packs[];
extern const size_t zl_builtin_npacks;

#endif
