# scaling.gp - draw bench/scaling.svg from the table bench/run.sh writes:
# wall time (top) and peak memory (bottom) against zone size, log-log, one
# line per tool.
#
# usage: gnuplot -e "data='DATA'; out='SVG'; tools=N" bench/scaling.gp
# DATA: a header line naming the columns, then one row per zone size:
# records, the wall seconds of the N tools, then their peak MiB in the same
# order.  Lines starting with # are comments.
set terminal svg size 900,1000 dynamic font "sans,13" background "#ffffff"
set output out
set datafile commentschars "#"
set key autotitle columnheader top left box opaque spacing 1.1
set logscale xy 10
set format x "%.0s%c"
set grid xtics ytics mxtics mytics lc "#dddddd"
set xlabel "records in the zone (log scale)"
set style data linespoints
set pointsize 1.1
# the tools in the order of the data's columns: zonelint (default text
# output), zonelint --format gcc, then the reference tools
set linetype 1 lc "#c00000" lw 3 dt 1 pt 7
set linetype 2 lc "#c00000" lw 2 dt 2 pt 6
set linetype 3 lc "#1f60b4" lw 1.5 dt 1 pt 5
set linetype 4 lc "#2c9a2c" lw 1.5 dt 1 pt 9
set linetype 5 lc "#8050b0" lw 1.5 dt 1 pt 13
set linetype 6 lc "#8c564b" lw 1.5 dt 1 pt 11
set linetype 7 lc "#e08000" lw 1.5 dt 1 pt 3

set multiplot layout 2,1 title "zonelint beside reference tools on synthetic mail-heavy zones (make bench)"
set title "wall time, median of runs"
set ylabel "wall seconds (log scale)"
set format y "%g"
plot for [i = 2:tools + 1] data using 1:i
set title "peak memory (maximum resident set), median of runs"
set ylabel "peak MiB (log scale)"
plot for [i = tools + 2:2 * tools + 1] data using 1:i
unset multiplot
