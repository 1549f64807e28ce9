#!/bin/sh
# docs.sh - the documentation says what the program and its rule packs say:
# the README's rule table and every rule page's header against the packs in
# rules/ (read by the binary at test time), every list of output format
# names against the formatter table in lint/report/fmt.c, the Markdown of
# the docs well formed, and every block that shows diagnostics an example
# that tests/examples.sh runs, or marked as one that is not run.
#
# usage: tests/docs.sh ZONELINT
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")

suite docs.sh "${1:-}"

# ---- the rules, as the binary reads them from rules/ ----

# rules.txt: one line per rule, "ID<TAB>SEVERITY<TAB>NAME<TAB>SUMMARY"
"$zl" --no-config --no-default-rules --rules "$root/rules" --list-rules >"$tmp/list" ||
	{ echo "zonelint --list-rules failed" >&2; exit 1; }
sed 's/^\([^ ]*\)  *\([^ ]*\)  *\([^ ]*\)  *\(.*\)$/\1\t\2\t\3\t\4/' \
	"$tmp/list" >"$tmp/rules.txt"
[ -s "$tmp/rules.txt" ] || { echo "no rules listed" >&2; exit 1; }

# field ID N: field N of rule ID's line
field() {
	awk -F '\t' -v id="$1" -v n="$2" '$1 == id { print $n }' "$tmp/rules.txt"
}

# explain ID: --explain ID in $tmp/explain
explain() {
	"$zl" --no-config --no-default-rules --rules "$root/rules" --explain "$1" >"$tmp/explain"
}

# explained LABEL: the value of LABEL ("scope:", "check:") in $tmp/explain
explained() {
	sed -n "s/^  $1  *//p" "$tmp/explain"
}

# ---- README rule table ----

# Each row is "| [ID](docs/rules/ID.md) | SEVERITY | SUMMARY |"; the rows
# may be grouped in any order, but there is exactly one per rule.
test_readme_rule_table() {
	awk -F '\t' '{ printf "| [%s](docs/rules/%s.md) | %s | %s |\n", $1, $1, $2, $4 }' \
		"$tmp/rules.txt" | sort >"$tmp/want"
	grep '^| \[[A-Z][A-Z0-9]*\](docs/rules/' "$root/README.md" | sort >"$tmp/have"
	diff "$tmp/want" "$tmp/have" >"$tmp/diff" && return 0
	echo "README.md rule table differs from the packs (< packs, > README):"
	cat "$tmp/diff"
	return 1
}

# ---- output format names ----

# The formatter table is the one source: { "NAME", ZL_FMT_..., fn }.
formats=$(sed -n 's/^[[:space:]]*{ "\([a-z0-9]*\)", ZL_FMT_[A-Z0-9_]*,.*/\1/p' \
	"$root/lint/report/fmt.c" | tr '\n' ' ' | sed 's/ $//')

# names TEXT: the format names in TEXT, in order, one line: words of
# letters and digits, with "default", "or", "and" and "the" dropped.
names() {
	printf '%s\n' "$1" | tr -c 'a-z0-9\n' ' ' | tr ' ' '\n' |
		grep -Evx '|default|or|and|the' | tr '\n' ' ' | sed 's/ $//'
}

# agree PLACE TEXT: the names in TEXT are exactly the formats, in order.
agree() {
	got=$(names "$2")
	[ "$got" = "$formats" ] && return 0
	echo "$1 lists '$got'; lint/report/fmt.c has '$formats'"
	return 1
}

test_format_table() {
	[ "$(printf '%s\n' "$formats" | wc -w)" -ge 8 ] && return 0
	echo "only '$formats' found in lint/report/fmt.c"
	return 1
}

test_formats_accepted() {
	bad=0
	for f in $formats; do
		"$zl" --quiet --no-config --format "$f" --origin example.com. - \
			</dev/null >"$tmp/out" 2>"$tmp/err" ||
			{ echo "--format $f fails"; show "$tmp/err"; bad=1; }
	done
	return $bad
}

test_formats_help() {
	"$zl" --help >"$tmp/help"
	agree "--help" "$(sed -n 's/^.*--format FMT  *//p' "$tmp/help")"
}

test_formats_usage_error() {
	"$zl" --format no-such-format - </dev/null >/dev/null 2>"$tmp/err"
	agree "the unknown-format error" \
		"$(sed -n "s/^.*unknown format '[^']*' (\(.*\))\$/\1/p" "$tmp/err")"
}

test_formats_readme() {
	agree "README.md (--format row)" \
		"$(grep '^| `--format FMT` |' "$root/README.md" | cut -d '|' -f 3)" ||
		return 1
	# The CI table names the machine formats for CI: each must exist.
	ci=$(sed -n '/^| format | for |$/,/^$/s/^| `\([a-z0-9]*\)` |.*/\1/p' \
		"$root/README.md")
	[ -n "$ci" ] || { echo "no CI format table in README.md"; return 1; }
	for f in $ci; do
		case " $formats " in *" $f "*) ;; *)
			echo "README.md CI table names unknown format $f"; return 1 ;;
		esac
	done
}

test_formats_man() {
	# the .B words of the --format paragraph, up to the next .TP
	agree "docs/zonelint.1" "$(sed -n '/^\.BI .*\\-\\-format /,/^\.TP/p' \
		"$root/docs/zonelint.1" | sed -n 's/^\.B \([a-z0-9]*\)$/\1/p')"
}

test_formats_completion() {
	agree "docs/zonelint.bash" "$(sed -n '/--format | -f)/,/return/p' \
		"$root/docs/zonelint.bash" | sed -n "/compgen/,/--/p" |
		sed "s/^.*compgen -W '//; s/' --.*//")"
}

test_formats_output_md() {
	agree "docs/output.md (opening)" "$(sed -n '/^zonelint writes/,/^$/p' \
		"$root/docs/output.md" | tr '\n' ' ' |
		sed -n 's/.*chosen with `--format`: \(.*\)\. Every machine.*/\1/p' |
		sed 's/(the default)//; s/for CI systems//')" || return 1
	agree "docs/output.md (sections)" \
		"$(sed -n 's/^## \([a-z0-9]*\)$/\1/p' "$root/docs/output.md")"
}

test_formats_header() {
	agree "lint/zonelint.h (zl_format_parse)" "$(sed -n \
		'/^\/\* Parses "text"/,/\*\//p' "$root/lint/zonelint.h" |
		sed 's/returns false for anything else.*//; s/Parses//')"
}

test_formats_fuzz() {
	agree "fuzz/fuzz_lint.c" "$(sed -n '/^static const char \*const formats\[\]/,/};/p' \
		"$root/fuzz/fuzz_lint.c" | sed '1d; $d')"
}

# ---- rule pages ----

# Line 1 "# ID NAME: SUMMARY", line 3 "Severity: **SEVERITY** · Scope:
# SCOPE[ (TYPES)] · Check: `CHECK`[ (`KEY: VALUE`, …)]", the rule's own
# values; the line after is empty.
test_rule_pages() {
	bad=0
	for id in $(cut -f 1 "$tmp/rules.txt"); do
		page=$root/docs/rules/$id.md
		[ -f "$page" ] || { echo "no $page"; bad=1; continue; }
		name=$(field "$id" 3)
		want="# $id $name: $(field "$id" 4)"
		got=$(sed -n 1p "$page")
		[ "$got" = "$want" ] ||
			{ printf '%s.md line 1:\n  has  %s\n  want %s\n' "$id" "$got" "$want"; bad=1; }
		meta=$(sed -n 3p "$page")
		explain "$id"
		scope=$(explained scope:)
		check=$(explained check:)
		re="^Severity: \*\*$(field "$id" 2)\*\* · Scope: $scope( \([^()]*\))? · Check: \`$check\`( \(\`[a-z0-9-]+: [^\`]+\`(, \`[a-z0-9-]+: [^\`]+\`)*\))?\$"
		printf '%s\n' "$meta" | grep -Eq -e "$re" ||
			{ printf '%s.md line 3:\n  has  %s\n  want /%s/\n' "$id" "$meta" "$re"; bad=1; }
		[ -z "$(sed -n '2p; 4p' "$page" | tr -d '\n')" ] ||
			{ echo "$id.md: lines 2 and 4 must be empty"; bad=1; }
	done
	return $bad
}

# ---- Markdown ----

# mdcheck FILE: one H1 and it comes first, heading levels rise one at a
# time, backticks pair up within each paragraph and do not nest, each table
# row has as many cells as its header and the second row is the separator;
# fenced and indented code is skipped.
mdcheck() {
	awk '
	function flush() {
		if (ticks % 2)
			printf "%s:%d: unbalanced backticks in the paragraph\n", FILENAME, pstart
		ticks = 0; pstart = 0
	}
	function cells(s,   t) {
		t = s
		gsub(/\\\|/, "", t)
		gsub(/`[^`]*`/, "x", t)
		return gsub(/\|/, "|", t) - 1
	}
	/^```/ { fence = !fence; flush(); next }
	fence { next }
	/^$/ { flush(); trow = 0; next }
	/^(    |\t)/ && !pstart && !trow { next }
	/^#+ / {
		flush()
		lv = index($0, " ") - 1
		if (lv == 1 && (++h1 > 1 || FNR != 1))
			printf "%s:%d: a second H1, or an H1 after the first line\n", FILENAME, FNR
		if (last && lv > last + 1)
			printf "%s:%d: heading level %d after level %d\n", FILENAME, FNR, lv, last
		last = lv
		next
	}
	/^\|/ {
		trow++
		n = cells($0)
		if (trow == 1)
			hcells = n
		else if (n != hcells)
			printf "%s:%d: table row with %d cells, header has %d\n", FILENAME, FNR, n, hcells
		if (trow == 2 && $0 !~ /^\|( *:?-+:? *\|)+ *$/)
			printf "%s:%d: table without its separator row\n", FILENAME, FNR
		next
	}
	{
		if (trow) {
			printf "%s:%d: text right after a table\n", FILENAME, FNR
			trow = 0
		}
		if (!pstart)
			pstart = FNR
		# `a (`b`)`: a code span inside another ends the outer one
		if ($0 ~ /`[^` ]+ \(`[^`]+`\)`/)
			printf "%s:%d: nested backticks\n", FILENAME, FNR
		t = $0
		ticks += gsub(/`/, "", t)
	}
	END {
		flush()
		if (fence)
			printf "%s: unclosed code fence\n", FILENAME
	}' "$1"
}

# unrun FILE: code blocks that show zonelint's diagnostics but are not
# run: neither a `console` block (tests/examples.sh) nor after a line
# `<!-- not run: REASON -->`.
unrun() {
	awk '
	function diag(l) {
		sub(/^[ \t]+/, "", l)
		return l ~ /^[^ :]+(:[0-9]+:[0-9]+)?: (error|warning|note): / ||
			l ~ /^zonelint: /
	}
	function start() {
		inblock = 1
		exempt = last ~ /^<!-- not run: .+ -->$/
		reported = 0
	}
	function check() {
		if (!exempt && !reported && diag($0)) {
			printf "%s:%d: output shown but not run (mark the block console, or say why not)\n", FILENAME, FNR
			reported = 1
		}
	}
	/^```/ {
		if (!fence) {
			fence = 1
			console = $0 ~ /^```console[ \t]*$/
			start()
		} else {
			fence = 0
			inblock = 0
			last = $0
		}
		next
	}
	fence { if (!console) check(); next }
	/^(    |\t)/ && (prevblank || inblock) { if (!inblock) start(); check(); next }
	{
		inblock = 0
		prevblank = $0 ~ /^[ \t]*$/
		if (!prevblank)
			last = $0
	}' "$1"
}

test_examples_run() {
	: >"$tmp/unrun"
	for f in "$root/README.md" "$root"/docs/*.md "$root"/docs/rules/*.md; do
		unrun "$f" >>"$tmp/unrun"
	done
	[ -s "$tmp/unrun" ] || return 0
	sed "s|^$root/||" "$tmp/unrun"
	return 1
}

test_markdown() {
	: >"$tmp/md"
	for f in "$root/README.md" "$root"/docs/*.md "$root"/docs/rules/*.md; do
		mdcheck "$f" >>"$tmp/md"
	done
	[ -s "$tmp/md" ] || return 0
	sed "s|^$root/||" "$tmp/md"
	return 1
}

t "README: one row per rule, with the pack's severity and summary" test_readme_rule_table
t "formats: the formatter table is found" test_format_table
t "formats: each one is accepted" test_formats_accepted
t "formats: --help lists them" test_formats_help
t "formats: the unknown-format error lists them" test_formats_usage_error
t "formats: README lists them" test_formats_readme
t "formats: the manual page lists them" test_formats_man
t "formats: the bash completion offers them" test_formats_completion
t "formats: docs/output.md lists them, one section each" test_formats_output_md
t "formats: zonelint.h lists them" test_formats_header
t "formats: the format fuzzer tries them" test_formats_fuzz
t "rule pages: header with the rule's id, name, summary, severity, scope, check" test_rule_pages
t "Markdown: headings, backticks and tables well formed" test_markdown
t "examples: every one that shows output is run, or says why not" test_examples_run
finish
