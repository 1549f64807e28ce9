#!/bin/sh
# checks-doc.sh - writes docs/checks.md, the reference of the check
# primitives, from `zonelint --list-checks` (tests/authoring.sh checks
# that the page and the binary agree).
# usage: tools/checks-doc.sh ZONELINT > docs/checks.md
set -eu
zonelint=${1:?usage: tools/checks-doc.sh ZONELINT}
cat <<'EOF2'
# Check primitives

A rule names one check primitive (`check:`), a C function that looks at
the rule's subjects.  This page lists every primitive: the scopes it can
run at, its **variants** (what a rule checks, fixed by the rule's
`variant:`), its **tunables** (the `params` a rule file or a
`.zonelint.yaml` may set, with type, range and default), the
**variables** a rule's `message` and `help` may use, and the default rules
built on it.  See [rules.md](rules.md) for the rule file format.

The list is the output of `zonelint --list-checks` (`--format json` gives
the same as one JSON document); `zonelint --explain ID` shows one rule's
variant and the current values of its tunables.  Regenerate this page
with `tools/checks-doc.sh ./zonelint > docs/checks.md`; the tests check
that it is up to date.

```
EOF2
"$zonelint" --no-config --list-checks
echo '```'
