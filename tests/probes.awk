# probes.awk - from rule packs, a pack of probe rules for tests/fixtures.sh:
# for each rule named in `ids` (comma-separated), a rule with the same id,
# scope, select and needs whose check reports every subject it is run on,
# so that where it fires is where the rule itself runs.  A record or rrset
# rule keeps its scope; a name rule becomes a record rule with the same
# select (every record a selected name owns).  Rules of zone scope run on
# every zone and get no probe; rules that are off are listed in
# `off:` comments, rules of zone scope in `zone:` comments, so that the
# caller can tell them from unknown ones.
#
# usage: awk -v ids=MX001,SPF002 -f tests/probes.awk rules/*.yaml

BEGIN {
	n = split(ids, list, ",")
	for (i = 1; i <= n; i++)
		want[list[i]] = 1
	print "rules:"
}

function flush(   check) {
	if (id == "" || !(id in want))
		return
	if (severity == "off") {
		print "# off: " id
	} else if (scope == "zone") {
		print "# zone: " id
	} else {
		check = scope == "rrset" ? "rrset-max" : "present"
		printf "  - id: %s\n    name: probe-%s\n    severity: error\n", id, tolower(id)
		printf "    summary: where %s runs\n", id
		printf "    scope: %s\n", scope == "rrset" ? "rrset" : "record"
		printf "%s%s", sel, needs
		printf "    check: %s\n", check
		if (check == "rrset-max")
			print "    params: { max: 0 }"
		print "    message: \"probe\""
	}
	delete want[id]
}

/^  - id: / {
	flush()
	id = $3
	scope = severity = sel = needs = ""
	key = ""
	next
}

# a key of the rule, and the lines that continue its value
/^    [a-z]+:/ {
	key = $1
	sub(/:$/, "", key)
	if (key == "scope")
		scope = $2
	else if (key == "severity")
		severity = $2
	else if (key == "select")
		sel = $0 "\n"
	else if (key == "needs")
		needs = $0 "\n"
	next
}

/^      / {
	if (key == "select")
		sel = sel $0 "\n"
	else if (key == "needs")
		needs = needs $0 "\n"
	next
}

/^[^ #]/ { key = "" }

END {
	flush()
	for (k in want)
		print "# unknown: " k
}
