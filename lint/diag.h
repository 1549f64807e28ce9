/* diag.h - what liblint does with a diagnostic list beyond the public
 * zl_diags_* functions of zonelint.h. */
#ifndef ZL_DIAG_H
#define ZL_DIAG_H

#include "zonelint.h"

/* Frees and removes the diagnostics d->v[from..d->n) whose count is 0 (the
 * engine's mark for one it has let go), keeping the others in order. */
void zl_diags_sweep(struct zl_diags *d, size_t from);

#endif
