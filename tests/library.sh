#!/bin/sh
# library.sh - libzonelint as a program that links it sees it: installed
# with `make install PREFIX=/usr` into a temporary DESTDIR, found through
# pkg-config, its SONAME and exported symbols, and the C and C++ examples
# of docs/examples/ built against it and run.
#
# usage: tests/library.sh ZONELINT
# CC, CXX, CFLAGS and LDFLAGS are those of the build (a sanitizer build
# must link the examples with the same runtime).
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:pkg-config:pkg-config cmd:readelf:binutils cmd:c++:g++ \
	cmd:jq:jq || exit 1

suite library.sh "${1:-}"
t_dir=$tmp
CC=${CC:-cc}
CXX=${CXX:-c++}
command -v "$CXX" >/dev/null 2>&1 || CXX=g++
dest=$tmp/root
libdir=$dest/usr/lib
lib=$libdir/libzonelint.so.0
export LD_LIBRARY_PATH="$libdir"

# pkg-config as a user of the installed tree sees it (make itself must not:
# it asks pkg-config where ldns is).
pc() {
	PKG_CONFIG_PATH="$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest" \
		pkg-config "$@"
}

make -s -C "$root" install DESTDIR="$dest" PREFIX=/usr >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; exit 1; }

test_layout() {
	for f in usr/include/zonelint/zonelint.h usr/include/zonelint/status.def \
		usr/lib/pkgconfig/zonelint.pc usr/lib/libzonelint.so usr/bin/zonelint; do
		[ -e "$dest/$f" ] || { echo "not installed: $f"; return 1; }
	done
	[ ! -e "$dest/usr/include/status.def" ] ||
		{ echo "status.def installed loose in include/"; return 1; }
	[ "$(readlink "$libdir/libzonelint.so")" = libzonelint.so.0 ] ||
		{ echo "libzonelint.so does not point at libzonelint.so.0"; return 1; }
	real=$(readlink "$lib")
	case $real in libzonelint.so.0.*) ;; *)
		echo "libzonelint.so.0 points at '$real'"; return 1 ;;
	esac
}

test_pc_prefix() {
	pc=$libdir/pkgconfig/zonelint.pc
	has "$pc" '^prefix=/usr$' && has "$pc" '^libdir=/usr/lib$' &&
		has "$pc" '^includedir=/usr/include$' && hasnt "$pc" local
}

test_pkg_config() {
	flags=$(pc --cflags --libs zonelint) || return 1
	case " $flags " in *" -I$dest/usr/include "*) ;; *)
		echo "cflags: $flags"; return 1 ;;
	esac
	case " $flags " in *" -L$libdir -lzonelint "*) ;; *)
		echo "libs: $flags"; return 1 ;;
	esac
}

test_soname() {
	readelf -d "$lib" >dyn || return 1
	has dyn 'SONAME.*\[libzonelint\.so\.0\]'
}

# The dynamic symbols the library defines are exactly the functions the
# installed header declares.
test_exports() {
	nm -D --defined-only "$lib" | awk '$2 ~ /^[TtWwDdBbRrVvi]$/ { print $3 }' |
		sed 's/@.*//' | sort -u >exported
	sed -n '/^typedef/d; s/^[a-z].*[ *]\(zl_[a-z0-9_]*\)(.*/\1/p' \
		"$dest/usr/include/zonelint/zonelint.h" | sort -u >declared
	[ -s declared ] || { echo "no functions found in zonelint.h"; return 1; }
	if ! cmp -s exported declared; then
		echo "exported (<) and declared (>) differ:"
		diff exported declared | grep '^[<>]' | head -20
		return 1
	fi
	hasnt exported '^[^z]|^z[^l]|^zl[^_]'
}

# build OUT COMPILER SOURCE: an example built with pkg-config's flags.
build() {
	# shellcheck disable=SC2046,SC2086 # flags are word lists
	"$2" ${CFLAGS:-} -o "$1" "$root/docs/examples/$3" \
		$(pc --cflags --libs zonelint) ${LDFLAGS:-} >build.log 2>&1 ||
		{ show build.log; return 1; }
	# The installed library, not one from the build tree or the system.
	ldd "$1" | grep -q "libzonelint.so.0 => $libdir/" ||
		{ ldd "$1"; return 1; }
}

# run CMD...: status in $rc, stdout in out, stderr in err.
run() {
	"$@" >out 2>err
	rc=$?
}

test_c_example() {
	build lint_zone "$CC" lint_zone.c || return 1
	run ./lint_zone
	# The zone in memory has an MX target without its final dot.
	[ "$rc" -eq 1 ] || { echo "exit status $rc, wanted 1"; show out; show err; return 1; }
	has out '^example\.com\.zone:6:[0-9]+: error: .* \[MX004\]$' || return 1
	count out '^[^ ]+:[0-9]+:[0-9]+: (error|warning|note): .* \[[A-Z]+[0-9]{3}\]$' \
		"$(wc -l <out)" || return 1
	run ./lint_zone "$root/zones-example/example.com.zone"
	[ "$rc" -eq 0 ] || { echo "clean zone: exit status $rc"; show out; show err; return 1; }
	run ./lint_zone "$root/zones-example/broken.example.zone"
	if [ "$rc" -ne 1 ] || [ ! -s out ]; then
		echo "broken zone: exit status $rc"
		return 1
	fi
	run ./lint_zone missing.zone
	[ "$rc" -eq 2 ] && has err "^lint_zone: missing\.zone: "
}

test_cxx_example() {
	build lint_zone_cpp "$CXX" lint_zone.cpp || return 1
	run ./lint_zone_cpp
	[ "$rc" -eq 1 ] || { echo "exit status $rc, wanted 1"; show out; show err; return 1; }
	# The zone in memory has an MX to an alias.
	has out '\[MX002\]$' || return 1
	run ./lint_zone_cpp --json
	[ "$rc" -eq 1 ] || { echo "--json: exit status $rc"; return 1; }
	json_ok out '[.. | objects | select(has("rule") or has("id"))] | length > 0' ||
		return 1
	run ./lint_zone_cpp "$root/zones-example/example.net.zone"
	[ "$rc" -eq 0 ] || { echo "clean zone: exit status $rc"; show out; return 1; }
	run ./lint_zone_cpp missing.zone
	[ "$rc" -eq 2 ] && has err '^lint_zone_cpp: missing\.zone: '
}

# Two zones as one set: an MX of one at an alias of the other.
test_set_example() {
	build lint_set "$CC" lint_set.c || return 1
	printf '%s\n' '$ORIGIN example.org.' '$TTL 3600' \
		'@ IN SOA ns1.example.net. h.example.net. 1 2 3 4 5' \
		'@ IN NS ns1.example.net.' '@ IN MX 10 alias.example.net.' >org.zone
	printf '%s\n' '$ORIGIN example.net.' '$TTL 3600' \
		'@ IN SOA ns1 h 1 2 3 4 5' '@ IN NS ns1' 'ns1 IN A 192.0.2.1' \
		'mail IN A 192.0.2.2' 'alias IN CNAME mail' >net.zone
	run ./lint_set org.zone
	hasnt out 'MX002' || return 1
	run ./lint_set org.zone net.zone
	[ "$rc" -eq 1 ] || { echo "exit status $rc, wanted 1"; show out; show err; return 1; }
	has out '^org\.zone:5:[0-9]+: error: .* \[MX002\]$' &&
		has out '^net\.zone:7:[0-9]+: note: the CNAME record of' || return 1
	run ./lint_set org.zone missing.zone
	[ "$rc" -eq 2 ] && has err '^lint_set: missing\.zone: '
}

# Last: it removes the installed files.
test_uninstall() {
	make -s -C "$root" uninstall DESTDIR="$dest" PREFIX=/usr >log 2>&1 ||
		{ show log; return 1; }
	left=$(find "$dest" ! -type d)
	[ -z "$left" ] || { echo "left behind:"; echo "$left"; return 1; }
}

t "make install PREFIX=/usr: headers under include/zonelint/, the links" test_layout
t "zonelint.pc is written for the install prefix" test_pc_prefix
t "pkg-config --cflags --libs zonelint finds the installed files" test_pkg_config
t "the library's SONAME is libzonelint.so.0" test_soname
t "only the functions of zonelint.h are exported" test_exports
t "the C example builds with pkg-config and lints" test_c_example
t "the C++ example builds with pkg-config and lints" test_cxx_example
t "the zone-set example lints two zones as one set" test_set_example
t "make uninstall removes what make install put in place" test_uninstall

finish
