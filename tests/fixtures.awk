# fixtures.awk - compare zonelint --format gcc output (read last, after
# phase=2) with the `; expect:` comments of the files named before it.
# Prints one line per difference; prints nothing when they match exactly.

# expectations, keyed "file line id" (with " col" when a column is given,
# and " severity" after it when that is given too)
phase != 2 {
	if (match($0, /; expect(-next)?: ([A-Z0-9, ]|:[0-9]+|:error|:warning|:note)+/)) {
		spec = substr($0, RSTART + 2, RLENGTH - 2)
		line = FNR
		if (spec ~ /^expect-next/)
			line++
		sub(/^expect(-next)?: /, "", spec)
		n = split(spec, ids, /[ ,]+/)
		for (i = 1; i <= n; i++) {
			if (ids[i] == "")
				continue
			split(ids[i], p, ":")
			key = FILENAME " " line " " p[1]
			if (p[3] != "")
				want_sev[key " " p[2] " " p[3]]++
			else if (p[2] != "")
				want_col[key " " p[2]]++
			else
				want[key]++
		}
	}
	next
}

# findings: FILE:LINE:COL: SEVERITY: MESSAGE [ID]; notes without an id are
# related locations, not findings
{
	if (!match($0, /:[0-9]+:[0-9]+: (error|warning|note): /))
		next
	file = substr($0, 1, RSTART - 1)
	rest = substr($0, RSTART + 1)
	if (!match(rest, /\[[A-Z]+[0-9]+\]$/))
		next
	id = substr(rest, RSTART + 1, RLENGTH - 2)
	split(rest, lc, ":")
	got[++ngot] = file " " lc[1] " " id " " lc[2]
	sev[ngot] = substr(lc[3], 2)
}

END {
	for (i = 1; i <= ngot; i++)
		if (want_sev[got[i] " " sev[i]] > 0) {
			want_sev[got[i] " " sev[i]]--
			got[i] = ""
		}
	for (i = 1; i <= ngot; i++)
		if (got[i] != "" && want_col[got[i]] > 0) {
			want_col[got[i]]--
			got[i] = ""
		}
	for (i = 1; i <= ngot; i++) {
		if (got[i] == "")
			continue
		split(got[i], g, " ")
		key = g[1] " " g[2] " " g[3]
		if (want[key] > 0) {
			want[key]--
			continue
		}
		printf "unexpected %s at %s:%s:%s\n", g[3], g[1], g[2], g[4]
	}
	for (k in want_sev)
		for (i = 0; i < want_sev[k]; i++) {
			split(k, g, " ")
			printf "missing %s at %s:%s:%s (%s)\n", g[3], g[1], g[2], g[4], g[5]
		}
	for (k in want_col)
		for (i = 0; i < want_col[k]; i++) {
			split(k, g, " ")
			printf "missing %s at %s:%s:%s\n", g[3], g[1], g[2], g[4]
		}
	for (k in want)
		for (i = 0; i < want[k]; i++) {
			split(k, g, " ")
			printf "missing %s at %s:%s\n", g[3], g[1], g[2]
		}
}
