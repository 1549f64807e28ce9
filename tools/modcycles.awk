# tools/modcycles.awk - the module graph of `nm -P -A -g` output and its
# cycles (Tarjan's strongly connected components); see modcycles.sh.

function module(file,    m) {
	m = file
	sub(/:$/, "", m)
	sub(/\]$/, "", m)            # archive member: "lib.a[x.o]"
	sub(/^.*[\/\[]/, "", m)
	sub(/\.o$/, "", m)
	return m
}

# Tarjan's algorithm; index_of, low, on_stack, stack are global.
function connect(v,    i, w) {
	index_of[v] = low[v] = ++counter
	stack[++top] = v
	on_stack[v] = 1
	for (i = 1; i <= nsucc[v]; i++) {
		w = succ[v, i]
		if (!(w in index_of)) {
			connect(w)
			if (low[w] < low[v]) low[v] = low[w]
		} else if (on_stack[w] && index_of[w] < low[v]) {
			low[v] = index_of[w]
		}
	}
	if (low[v] == index_of[v]) {
		ncomp++
		do {
			w = stack[top--]
			on_stack[w] = 0
			comp[w] = ncomp
			size[ncomp]++
		} while (w != v)
	}
}

# Marks in reached[] every module that v uses, directly or not.
function reach(v,    i, w) {
	for (i = 1; i <= nsucc[v]; i++) {
		w = succ[v, i]
		if (!(w in reached)) {
			reached[w] = 1
			reach(w)
		}
	}
}

# Insertion sort of the words of s; the lists are short.
function sorted(s,    a, n, i, j, t, out) {
	n = split(s, a, " ")
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
		a[j + 1] = t
	}
	out = ""
	for (i = 1; i <= n; i++) out = out (i > 1 ? " " : "") a[i]
	return out
}

{
	m = module($1)
	mods[m] = 1
	if ($3 == "U" || $3 == "w" || $3 == "v")
		uses[m, $2] = 1
	else
		defined_in[$2] = m
}

END {
	for (key in uses) {
		split(key, p, SUBSEP)
		if (!(p[2] in defined_in)) continue
		b = defined_in[p[2]]
		if (b == p[1]) continue
		if (!((p[1], b) in syms)) succ[p[1], ++nsucc[p[1]]] = b
		syms[p[1], b] = syms[p[1], b] " " p[2]
	}
	if (from != "") {
		if (!(from in mods)) {
			printf "modcycles.sh: no module %s\n", from > "/dev/stderr"
			exit 2
		}
		reach(from)
		out = ""
		for (m in reached) if (m != from) out = out " " m
		out = sorted(out)
		n = split(out, list, " ")
		for (i = 1; i <= n; i++) print list[i]
		exit 0
	}
	names = ""
	for (m in mods) names = names " " m
	names = sorted(names)
	nm = split(names, order, " ")
	for (i = 1; i <= nm; i++)
		if (!(order[i] in index_of)) connect(order[i])

	ncycles = 0
	for (c = 1; c <= ncomp; c++) {
		if (size[c] < 2) continue
		members = ""
		for (i = 1; i <= nm; i++)
			if (comp[order[i]] == c) members = members " " order[i]
		line[c] = members
	}
	# Cycles in the order of their first module, so the output is stable.
	for (i = 1; i <= nm; i++) {
		c = comp[order[i]]
		if (size[c] < 2 || done[c]) continue
		done[c] = 1
		ncycles++
		printf "cycle %d (%d modules):%s\n", ncycles, size[c], line[c]
		if (!edges) continue
		n = split(line[c], ms, " ")
		for (a = 1; a <= n; a++)
			for (b = 1; b <= n; b++)
				if ((ms[a], ms[b]) in syms)
					printf "  %s -> %s: %s\n", ms[a], ms[b],
					    sorted(syms[ms[a], ms[b]])
	}
	printf "%d cycle%s\n", ncycles, ncycles == 1 ? "" : "s"
	exit ncycles > 0
}
