#!/bin/sh
# psl.sh - the ICANN section of the Public Suffix List as C tables.
#
# usage: tools/psl.sh FILE IDNA > lint/parse/psl_data.c
# FILE is public_suffix_list.dat (Debian's publicsuffix package installs
# it in /usr/share/publicsuffix); IDNA is tools/idna, which writes the
# rules the list gives in Unicode ("公司.cn") in the form zones hold them
# ("xn--55qx5d.cn").  The private section (names companies offer under
# their own domains) is left out.  Each table is sorted byte by byte for
# bsearch() with strcmp().
set -eu
LC_ALL=C
export LC_ALL
if [ $# -ne 2 ] || [ ! -r "$1" ] || [ ! -x "$2" ]; then
	echo "usage: tools/psl.sh public_suffix_list.dat tools/idna" >&2
	exit 2
fi
rules=$(sed -n '/===BEGIN ICANN DOMAINS===/,/===END ICANN DOMAINS===/p' "$1" |
	sed -e 's://.*$::' -e 's/[[:space:]].*$//' | "$2" |
	grep -v '^$' | grep -v '[^!*.a-zA-Z0-9-]' | tr '[:upper:]' '[:lower:]')
[ -n "$rules" ] || {
	echo "psl.sh: no ICANN section in $1" >&2
	exit 1
}
table() {
	printf 'const char *const %s[] = {\n' "$1"
	sort -u | sed 's/.*/\t"&",/'
	printf '};\n'
}
count() {
	printf 'const size_t %s = sizeof %s / sizeof %s[0];\n\n' "$1" "$2" "$2"
}
echo "/* psl_data.c - the ICANN section of the Public Suffix List (Mozilla"
echo " * Public License 2.0), made by tools/psl.sh from"
echo " * $1: do not edit. */"
echo '#include "psl.h"'
echo
printf '%s\n' "$rules" | grep -v '^[!*]' | table zl_psl_plain
count zl_psl_nplain zl_psl_plain
printf '%s\n' "$rules" | sed -n 's/^\*\.//p' | table zl_psl_wild
count zl_psl_nwild zl_psl_wild
printf '%s\n' "$rules" | sed -n 's/^!//p' | table zl_psl_except
count zl_psl_nexcept zl_psl_except
