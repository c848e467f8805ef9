# bench/scaling.gp — the chart of bench/scaling.sh, drawn from the .dat files
# it writes under results/; it runs gnuplot once per format.
# Variables set by the caller (-e): results, fmt ('svg' or 'png'), subtitle,
# ncols (columns of scaling-speedup.dat), biased_cols (columns of
# scaling-speedup-biased.dat, 0 when biased did not run threaded), maxk
# (largest K), cpus (the machine's CPU count).

width = (biased_cols > 0) ? 1280 : 960
if (fmt eq 'svg') {
    set terminal svg size width,540 dynamic noenhanced font 'sans,12' background rgb 'white'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size width,540 noenhanced font 'sans,10' background rgb 'white'
    } else {
        set terminal png size width,540 noenhanced background rgb 'white'
    }
}

set output results . '/scaling-speedup.' . fmt
heading = "Speedup on K threads, each doing one unit of work (K x 1-thread time / K-thread time)\n" . subtitle
if (biased_cols > 0) {
    set multiplot layout 1,2 title heading
} else {
    set title heading
}
set xlabel 'threads (K)'
set ylabel 'speedup'
# K runs 1, 2, 4 ... : beyond 8 a log scale keeps the small counts readable.
if (maxk > 8) {
    set logscale x 2
    set xrange [0.9:maxk * 1.1]
} else {
    set xrange [0.8:maxk + 0.2]
    set xtics 1
}
set yrange [0:*]
set grid
set key top left
# Past the CPU count no build can do better than the CPUs: that line is
# drawn only when some K exceeds it (a loop of zero or one iteration).
over_cpus = (maxk > cpus) ? 1 : 0

if (biased_cols > 0) { set title 'geometric mean over the workloads' }
plot for [i=2:ncols] results . '/scaling-speedup.dat' using 1:i with linespoints \
         linewidth 2 pointtype 7 title columnheader(i), \
     x with lines dashtype 2 linecolor rgb 'gray' title 'ideal (K)', \
     for [j=1:over_cpus] cpus with lines dashtype 3 linecolor rgb 'gray40' \
         title sprintf('%d CPUs', cpus)

if (biased_cols > 0) {
    set title 'biased, one line per workload'
    set key outside right top
    plot for [i=2:biased_cols] results . '/scaling-speedup-biased.dat' using 1:i with linespoints \
             linewidth 1.5 pointtype (i - 1) title columnheader(i), \
         x with lines dashtype 2 linecolor rgb 'gray' title 'ideal (K)', \
         for [j=1:over_cpus] cpus with lines dashtype 3 linecolor rgb 'gray40' \
             title sprintf('%d CPUs', cpus)
    unset multiplot
}
unset output
