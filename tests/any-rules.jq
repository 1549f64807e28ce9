# any-rules.jq - from `zonelint --list-checks --format json`, a rule pack
# of one rule per primitive, scope and variant (tests/authoring.sh), each
# with every variable the primitive declares in its message, and no
# select: a rule may ask any primitive about records of any type.
def combos($axes):
  if ($axes | length) == 0 then [{}]
  else $axes[0] as $a | combos($axes[1:]) as $rest
    | [ ($a.names[] | {($a.axis): .}),
        (if $a.optional then {} else empty end) ] as $mine
    | [ $mine[] as $m | $rest[] | $m + . ]
  end;
"rules:",
([ .checks[] | . as $c | $c.scopes[] as $s | combos($c.variants)[]
   | {check: $c.name, scope: $s, variant: .,
      vars: ($c.variables + ["owner"] +
             (if $s == "record" or $s == "rrset" then ["type"] else [] end))} ]
 | to_entries[]
 | "  - id: ANY\(.key + 100)",
   "    name: any-\(.key)",
   "    severity: warning",
   "    summary: \(.value.check) in \(.value.scope) scope",
   "    scope: \(.value.scope)",
   "    check: \(.value.check)",
   (select(.value.variant != {}) | "    variant: { " +
    ([.value.variant | to_entries[] | "\(.key): \(.value)"] | join(", ")) +
    " }"),
   "    message: '" + ([.value.vars[] | "{\(.)}"] | join(" ")) + "'")
