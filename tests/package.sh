#!/bin/sh
# package.sh - the Debian packages: dpkg-buildpackage -us -uc -b in a copy
# of the tree builds zonelint, libzonelint0 and libzonelint-dev, lintian
# finds no error in them, and the packages hold what they should.
#
# usage: tests/package.sh   (from `make check-package`; a few minutes)
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:dpkg-buildpackage:dpkg-dev cmd:dh:debhelper \
	cmd:lintian:lintian cmd:fakeroot:fakeroot cmd:git:git || exit 1

suite package.sh "$root/zonelint"
t_dir=$tmp
version=$(dpkg-parsechangelog -l "$root/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
src=$tmp/zonelint-$version
mkdir "$src" &&
	(cd "$root" && git ls-files -co --exclude-standard -- . ':!build-*' |
		grep -v '^debian/\(\.debhelper\|tmp\|files\)' |
		tar -cf - -T -) | tar -xf - -C "$src" || exit 1
# Objects from the working tree would be stale for the package build.
make -s -C "$src" clean >/dev/null 2>&1
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1
built=$?

test_build() {
	[ "$built" -eq 0 ] && return 0
	echo "dpkg-buildpackage failed ($built):"
	tail -n 40 "$tmp/build.log"
	return 1
}

test_debs() {
	for p in zonelint libzonelint0 libzonelint-dev; do
		[ -f "${p}_${version}_$arch.deb" ] ||
			{ echo "no ${p}_${version}_$arch.deb"; ls; return 1; }
	done
}

# contents PACKAGE: its file list in PACKAGE.list
contents() {
	dpkg-deb -c "${1}_${version}_$arch.deb" | awk '{ print $6 }' >"$1.list"
}

test_contents() {
	contents zonelint && contents libzonelint0 && contents libzonelint-dev ||
		return 1
	has zonelint.list '^\./usr/bin/zonelint$' &&
		has zonelint.list '^\./usr/share/man/man1/zonelint\.1\.gz$' &&
		has libzonelint0.list '/libzonelint\.so\.0\.[0-9.]*$' &&
		hasnt libzonelint0.list '/libzonelint\.so$|include' &&
		has libzonelint-dev.list '^\./usr/include/zonelint/zonelint\.h$' &&
		has libzonelint-dev.list '^\./usr/include/zonelint/status\.def$' &&
		has libzonelint-dev.list '/pkgconfig/zonelint\.pc$' &&
		has libzonelint-dev.list '/libzonelint\.so$'
}

test_pc() {
	dpkg-deb -x "libzonelint-dev_${version}_$arch.deb" dev || return 1
	pc=$(find dev -name zonelint.pc)
	has "$pc" '^prefix=/usr$' && has "$pc" '^libdir=/usr/lib/' &&
		has "$pc" 'Libs: .*-lzonelint'
}

test_lintian() {
	lintian --fail-on error "zonelint_${version}_$arch.changes" >lintian.out 2>&1
	lrc=$?
	grep -E '^[EW]: ' lintian.out | sed 's/^/  /'
	[ "$lrc" -eq 0 ] || { echo "lintian reports errors ($lrc)"; return 1; }
}

t "dpkg-buildpackage -us -uc -b" test_build
t "zonelint, libzonelint0 and libzonelint-dev are built" test_debs
t "each package holds its files" test_contents
t "the packaged zonelint.pc says prefix=/usr" test_pc
t "lintian finds no error" test_lintian

finish
