#!/bin/sh
# bare-debian.sh - the README's quick start on a bare Debian 12: builds a
# `debootstrap --variant=minbase bookworm` chroot, installs what the README
# asks for beforehand (make and a C compiler: build-essential), puts a fresh
# clone of a commit of this repository in it, and runs there, as root,
# exactly the README's two commands:
#
#   make && ./zonelint zones-example/    must exit 1: the examples have findings
#   make check                           must exit 0
#
# usage: tests/bare-debian.sh [COMMIT]   (default HEAD; as root)
#
# It needs root (debootstrap, chroot, mount), debootstrap and git (installed
# through tools/deps.sh when missing), about 2 GB in $TMPDIR (default
# /var/tmp) and the network: deb.debian.org and the npm registry (the SARIF
# validator of tests/formats.sh).  It takes about 13 minutes on two busy
# cores, most of them downloading and installing packages.
# BARE_DEBIAN_MIRROR names another Debian mirror; BARE_DEBIAN_KEEP=1 keeps
# the chroot for a look inside (its path is printed; the mounts are undone).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
mirror=${BARE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
rev=$(git -C "$repo" rev-parse --verify "${1:-HEAD}^{commit}") || exit 2

[ "$(id -u)" = 0 ] || { echo "bare-debian.sh: run it as root" >&2; exit 2; }
sh "$repo/tools/deps.sh" cmd:debootstrap:debootstrap cmd:git:git || exit 2

dir=$(mktemp -d "${TMPDIR:-/var/tmp}/zonelint-bare.XXXXXX") || exit 2
root=$dir/root
mounts=""

# Undoes the mounts, innermost first; the tree is deleted only when none is
# left, since rm -rf through a mount would reach into the host.
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	for m in $mounts; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	if grep -q " $dir/" /proc/mounts; then
		echo "bare-debian.sh: still mounted under $dir; not removing it" >&2
	elif [ -n "${BARE_DEBIAN_KEEP:-}" ]; then
		echo "bare-debian.sh: chroot kept in $root" >&2
	else
		rm -rf "$dir"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

start=$(date +%s)
step() {
	echo "== $(($(date +%s) - start))s: $*"
}

# mnt TYPE DIR [OPTIONS]: a fresh file system of TYPE at $root/DIR.
mnt() {
	mkdir -p "$root/$2"
	mount -t "$1" ${3:+-o "$3"} "$1" "$root/$2" || exit 2
	mounts="$root/$2 $mounts"
}

# in_root COMMAND: runs a shell command in the chroot as root, with a clean
# environment like a fresh login's.
in_root() {
	chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive $ca_env sh -c "$1"
}

step "debootstrap --variant=minbase bookworm into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 || {
	tail -n 30 "$dir/debootstrap.log" >&2
	exit 2
}
# Only what the chroot needs of the host: name resolution, the certificate
# authorities the host added locally (a TLS-inspecting proxy on the way to
# the network; nothing on an ordinary host), and fresh proc, devpts and shm
# file systems (never the host's /dev).
cp /etc/resolv.conf "$root/etc/resolv.conf"
ca_env=""
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
	mkdir -p "$root/usr/local/share/ca-certificates"
	cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
	ca_env=NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
mnt proc proc
mnt devpts dev/pts newinstance,ptmxmode=0666
mnt tmpfs dev/shm mode=1777

step "the README's prerequisite: make and a C compiler (build-essential)"
in_root 'apt-get update -qq && apt-get install -y -qq --no-install-recommends build-essential >/dev/null' || exit 2

step "a fresh clone of $rev"
git clone -q --no-checkout "$repo" "$root/root/zonelint" &&
	git -C "$root/root/zonelint" checkout -q --detach "$rev" || exit 2

step "cd zonelint && make && ./zonelint zones-example/   (wants exit 1)"
in_root 'cd /root/zonelint && make && ./zonelint zones-example/' >"$dir/first.out" 2>&1
rc=$?
tail -n 5 "$dir/first.out"
fail=0
if [ "$rc" -ne 1 ] || ! grep -q '^zones-example/.*: error: .*\[[A-Z]*[0-9]*\]$' "$dir/first.out"; then
	echo "bare-debian.sh: the first command exited $rc, wanted 1 with findings" >&2
	tail -n 40 "$dir/first.out" >&2
	fail=1
fi

step "make check   (wants exit 0)"
in_root 'cd /root/zonelint && make check' >"$dir/check.out" 2>&1
rc=$?
grep -E '[0-9]+ passed, [0-9]+ failed$|Checks: [0-9]+|^(not )?ok - fuzz_' "$dir/check.out"
if [ "$rc" -ne 0 ]; then
	echo "bare-debian.sh: make check exited $rc, wanted 0" >&2
	tail -n 60 "$dir/check.out" >&2
	fail=1
fi

step "done: $([ $fail = 0 ] && echo PASS || echo FAIL)"
exit $fail
