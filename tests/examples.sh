#!/bin/sh
# examples.sh - run the examples of README.md and docs/ and compare what
# they show with what zonelint prints.  An example is a fenced block with
# the info string `console`:
#
#   ```console
#   $ zonelint --format gcc zones-example/broken.example.zone
#   zones-example/broken.example.zone:9:12: error: ... [MX002]
#   …
#   ```
#
# Each `$ ` line is a command (a line ending in `\` goes on on the next),
# the lines up to the next command are its standard output and error as a
# terminal shows them, exactly; a last line `…` says that the output goes
# on.  A fenced block whose info string has `file=NAME` (```` ```yaml
# file=.zonelint.yaml ````) is written to NAME before the page's later
# commands run.  Each page's commands run in a directory of their own that
# holds a copy of zones-example/, with the zonelint under test first in
# PATH and NO_COLOR set.
#
# usage: tests/examples.sh ZONELINT [PAGE...]
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")

suite examples.sh "${1:-}"
shift
[ $# -gt 0 ] || set -- "$root/README.md" "$root"/docs/*.md "$root"/docs/rules/*.md

mkdir -p "$tmp/bin"
ln -s "$zl" "$tmp/bin/zonelint"

# split PAGE DIR: the page's examples as DIR/N.in (a file's text, or a
# command), DIR/N.out (a command's output), DIR/N.more (the output goes
# on) and DIR/steps, one "file N NAME" or "cmd N LINE" per step.
split() {
	awk -v dir="$2" '
	function step(kind, arg) {
		n++
		printf "%s %d %s\n", kind, n, arg >> (dir "/steps")
		cur = dir "/" n
		printf "" > (cur ".in")
		printf "" > (cur ".out")
	}
	/^```/ && !block {
		block = 1
		if ($0 ~ /^```console[ \t]*$/)
			kind = "console"
		else if (match($0, /file=[^ \t]+/))
			{ kind = "file"; step("file", substr($0, RSTART + 5, RLENGTH - 5)) }
		else
			kind = ""
		incmd = 0
		next
	}
	/^```/ && block { block = 0; next }
	!block || kind == "" { next }
	kind == "file" { print >> (cur ".in"); next }
	incmd {
		print >> (cur ".in")
		incmd = /\\$/
		next
	}
	/^\$ / {
		step("cmd", FNR)
		print substr($0, 3) >> (cur ".in")
		incmd = /\\$/
		next
	}
	n && ($0 == "…" || $0 == "...") { printf "" > (cur ".more"); next }
	n { print >> (cur ".out") }
	' "$1"
}

# page FILE: runs FILE's examples; prints each difference.
page() {
	d=$tmp/pages/$(basename "$1" .md)
	rm -rf "$d"
	mkdir -p "$d/ex" "$d/run"
	: >"$d/ex/steps"
	split "$1" "$d/ex"
	[ -s "$d/ex/steps" ] || return 0
	cp -R "$root/zones-example" "$d/run/"
	bad=0
	while read -r kind n arg; do
		if [ "$kind" = file ]; then
			mkdir -p "$d/run/$(dirname "$arg")"
			cp "$d/ex/$n.in" "$d/run/$arg"
			continue
		fi
		(cd "$d/run" && PATH="$tmp/bin:$PATH" NO_COLOR=1 \
			sh "$d/ex/$n.in" >"$d/ex/$n.got" 2>&1)
		if [ -e "$d/ex/$n.more" ]; then
			lines=$(wc -l <"$d/ex/$n.out")
			head -n "$lines" "$d/ex/$n.got" >"$d/ex/$n.cmp"
		else
			cp "$d/ex/$n.got" "$d/ex/$n.cmp"
		fi
		diff "$d/ex/$n.out" "$d/ex/$n.cmp" >"$d/ex/$n.diff" && continue
		echo "${1#"$root"/}:$arg: \$ $(head -n 1 "$d/ex/$n.in")"
		echo "  (< shown, > printed)"
		sed 's/^/  /' "$d/ex/$n.diff"
		bad=1
	done <"$d/ex/steps"
	return $bad
}

# Each page with examples is one case; a page without passes quietly.
for p in "$@"; do
	grep -q '^```console' "$p" || continue
	eval "case_$(echo "${p#"$root"/}" | tr -c 'A-Za-z0-9\n' '_')() { page '$p'; }"
	t "${p#"$root"/}" "case_$(echo "${p#"$root"/}" | tr -c 'A-Za-z0-9\n' '_')"
done
[ "$n" -gt 0 ] || { echo "not ok - no examples found"; exit 1; }
finish
