#!/bin/sh
# cycles.sh - the library's modules use each other without a cycle
# (tools/modcycles.sh), the rule loader and the parsers stand without the
# runner and the checks, and the tool itself tells a cycle from none.
#
# usage: tests/cycles.sh OBJECT...   (the library's object files)
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
tool=$root/tools/modcycles.sh

[ $# -gt 0 ] || { echo "usage: tests/cycles.sh OBJECT..." >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
# shellcheck disable=SC2034 # lib.sh's t() and finish() count with them
n=0 pass=0 fail=0

# obj NAME CODE: $tmp/NAME.o compiled from CODE.
obj() {
	printf '%s\n' "$2" > "$tmp/$1.c" &&
	${CC:-cc} -c -o "$tmp/$1.o" "$tmp/$1.c"
}

test_tool_sees_cycle() {
	obj a 'void b(void); void a(void) { b(); }' || return 1
	obj b 'void a(void); void b(void) { a(); }' || return 1
	obj c 'void a(void); void c(void) { a(); }' || return 1
	out=$(sh "$tool" -e "$tmp/a.o" "$tmp/b.o" "$tmp/c.o")
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" -eq 1 ] || { echo "exit $rc, want 1"; return 1; }
	printf '%s\n' "$out" | grep -qx 'cycle 1 (2 modules): a b' &&
	printf '%s\n' "$out" | grep -qx '  a -> b: b' &&
	printf '%s\n' "$out" | grep -qx '  b -> a: a' &&
	printf '%s\n' "$out" | grep -qx '1 cycle'
}

test_tool_sees_none() {
	obj a 'void b(void); void a(void) { b(); }' || return 1
	obj b 'void b(void) { }' || return 1
	out=$(sh "$tool" "$tmp/a.o" "$tmp/b.o")
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" -eq 0 ] && [ "$out" = "0 cycles" ]
}

test_tool_uses() {
	obj a 'void b(void); void a(void) { b(); }' || return 1
	obj b 'void c(void); void b(void) { c(); }' || return 1
	obj c 'void c(void) { }' || return 1
	out=$(sh "$tool" -u a "$tmp/a.o" "$tmp/b.o" "$tmp/c.o")
	printf '%s\n' "$out"
	[ "$out" = "$(printf 'b\nc')" ] || return 1
	out=$(sh "$tool" -u c "$tmp/a.o" "$tmp/b.o" "$tmp/c.o")
	[ -z "$out" ]
}

# The modules of the library's folders given, one a line.
modules_in() {
	for o in $lib_objs; do
		for d; do
			case $o in */"$d"/*) basename "$o" .o ;; esac
		done
	done
}

# uses_none MODULE FOLDER...: MODULE uses no module of those folders.
uses_none() {
	m=$1
	shift
	# shellcheck disable=SC2086 # the object list splits on spaces
	used=$(sh "$tool" -u "$m" $lib_objs) || return 1
	[ -n "$used" ] ||
		{ echo "$m uses nothing: is it in the library?"; return 1; }
	bad=$(printf '%s\n' "$used" | grep -Fx "$(modules_in "$@")" | tr '\n' ' ')
	[ -z "$bad" ] || { echo "$m uses $bad"; return 1; }
}

# The rule loader checks rule files against any table of primitives:
# it needs neither the checks nor the runner (the plan it stores is the
# planner's, which needs nothing of the engine).  Its errors are
# diagnostics (report/diag.c).
test_loader_alone() {
	uses_none rule_load checks || return 1
	# shellcheck disable=SC2086 # the object list splits on spaces
	used=$(sh "$tool" -u rule_load $lib_objs) || return 1
	for m in registry eval select emit eval_sink broken memo suppress; do
		! printf '%s\n' "$used" | grep -qx "$m" ||
			{ echo "rule_load uses $m"; return 1; }
	done
	uses_none planner engine checks report
}

# The parsers return what they found; the checks report it.
test_parsers_report_nothing() {
	for m in spf tagvalue txt; do
		uses_none "$m" engine checks report || return 1
	done
}

test_library() {
	out=$(sh "$tool" -e "$@")
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -q '^[0-9]* cycles*$' ||
		{ echo "no count"; return 1; }
	printf '%s\n' "$out" | grep -qx '0 cycles' ||
		{ echo "the library has a cycle"; return 1; }
}

# t passes no arguments: the objects reach test_library through lib_objs.
lib_objs="$*"
t "modcycles.sh finds a cycle and the uses in it" test_tool_sees_cycle
t "modcycles.sh finds no cycle where there is none" test_tool_sees_none
t "modcycles.sh -u lists what a module uses" test_tool_uses
# shellcheck disable=SC2086 # the object list splits on spaces
run_lib() { test_library $lib_objs; }
t "the library has no module cycle" run_lib
t "the rule loader uses neither the checks nor the runner" test_loader_alone
t "the SPF, tag=value and TXT parsers use no engine, check or report" \
	test_parsers_report_nothing
finish
