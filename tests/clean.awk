# clean.awk - check the `; clean:` markers of the files named before
# phase=2 against the findings of the probe rules (tests/probes.awk), read
# last: a marker is only worth something where the rule runs.
#   ; clean: MX002              on a line of its own: MX002 runs on some
#                               subject of this file (or a file it includes)
#   IN MX 10 mail ; clean: MX002  after a record: MX002 runs on this record
# Rules of zone scope run on every zone; `zone`, `off` and `unknown` are
# comma-separated lists of the rules the probe pack has no probe for.
# Prints one line per marker that proves nothing.

BEGIN {
	split(zone, a, ",")
	for (i in a)
		is_zone[a[i]] = 1
	split(off, a, ",")
	for (i in a)
		is_off[a[i]] = 1
	split(unknown, a, ",")
	for (i in a)
		is_unknown[a[i]] = 1
}

phase != 2 {
	if (!match($0, /; clean: [A-Z0-9, ]+/))
		next
	spec = substr($0, RSTART + 9, RLENGTH - 9)
	record = substr($0, 1, RSTART - 1) ~ /[^ \t]/
	n = split(spec, ids, /[ ,]+/)
	for (i = 1; i <= n; i++)
		if (ids[i] != "")
			marks[++nmarks] = FILENAME SUBSEP FNR SUBSEP ids[i] SUBSEP record
	next
}

# FILE:LINE:COL: error: probe [ID]
match($0, /:[0-9]+:[0-9]+: error: probe \[[A-Z]+[0-9]+\]$/) {
	file = substr($0, 1, RSTART - 1)
	split(substr($0, RSTART + 1), p, ":")
	id = $0
	sub(/.*\[/, "", id)
	sub(/\]$/, "", id)
	ran[file SUBSEP p[1] SUBSEP id] = 1
	ran_any[id] = 1
}

END {
	for (i = 1; i <= nmarks; i++) {
		split(marks[i], m, SUBSEP)
		where = m[1] ":" m[2]
		id = m[3]
		if (is_unknown[id])
			printf "clean %s at %s: no such rule\n", id, where
		else if (is_off[id])
			printf "clean %s at %s: the rule is off and never runs\n", id, where
		else if (is_zone[id])
			continue
		else if (m[4] && !ran[m[1] SUBSEP m[2] SUBSEP id])
			printf "clean %s at %s: the rule does not run on this record\n", id, where
		else if (!m[4] && !ran_any[id])
			printf "clean %s at %s: the rule runs on nothing in this fixture\n", id, where
	}
}
