# parity-cases.awk - the cases of tests/parity/, each in the small valid
# zone tests/parity.sh loads it in, written to DIR/PREFIX0001,
# DIR/PREFIX0002...  A case is a block between blank lines (lines
# starting with '#' are comments); "#noeol" right before it ends the zone
# without a line break after its last line, and a mark ("#noeol",
# "#exact") also gets an empty file of its own, DIR/PREFIXNNNN.exact
# (tests/parity.sh says what they mean).
#
# usage: awk -v dir=DIR [-v prefix=PREFIX] -f tests/parity-cases.awk FILE...
BEGIN {
	head = "$ORIGIN example.com.\n$TTL 3600\n" \
	       "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n" \
	       "@ IN NS ns1\nns1 IN A 192.0.2.1\n"
}
# the case's last line, with a line break unless it is marked noeol
function end_case() {
	if (open) {
		eol = ("noeol" in mark) ? "" : "\n"
		printf "%s%s", last, eol > f
		close(f)
	}
	open = 0
	split("", mark)
}
FNR == 1 { end_case() }
/^#(noeol|exact)$/ { mark[substr($0, 2)] = 1; next }
/^#/ { next }
/^$/ { end_case(); next }
{
	if (!open) {
		f = sprintf("%s/%s%04d", dir, prefix, ++n)
		for (m in mark) {
			printf "" > (f "." m)
			close(f "." m)
		}
		printf "%s", head > f
		open = 1
	} else {
		print last > f
	}
	last = $0
}
END { end_case() }
