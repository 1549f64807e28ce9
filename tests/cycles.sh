#!/bin/sh
# cycles.sh - the library's modules use each other without a cycle
# (tools/modcycles.sh), and the tool itself tells a cycle from none.
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
n=0
pass=0
fail=0

# The most cycles the library may have.  It only goes down.
max_cycles=1

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

test_library() {
	out=$(sh "$tool" -e "$@")
	printf '%s\n' "$out"
	count=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) cycles*$/\1/p')
	[ -n "$count" ] || { echo "no count"; return 1; }
	[ "$count" -le "$max_cycles" ] ||
		{ echo "$count cycles, at most $max_cycles allowed"; return 1; }
}

# t passes no arguments: the objects reach test_library through lib_objs.
lib_objs="$*"
t "modcycles.sh finds a cycle and the uses in it" test_tool_sees_cycle
t "modcycles.sh finds no cycle where there is none" test_tool_sees_none
# shellcheck disable=SC2086 # the object list splits on spaces
run_lib() { test_library $lib_objs; }
t "the library has at most $max_cycles module cycles" run_lib
finish
