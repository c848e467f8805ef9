# bench/compare.gp — the charts of `make compare`, drawn from the .dat files
# bench/compare.sh writes under results/; it runs gnuplot once per format.
# Variables set by the caller (-e): results, fmt ('svg' or 'png'), subtitle,
# has_ratios (0/1), ncols (columns of the speedup files), maxk (largest K).

if (fmt eq 'svg') {
    set terminal svg size 960,540 dynamic noenhanced font 'sans,12' background rgb 'white'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 960,540 noenhanced font 'sans,10' background rgb 'white'
    } else {
        set terminal png size 960,540 noenhanced background rgb 'white'
    }
}

# 1. What one thread costs: each preset's time over gil's, per workload.
if (has_ratios) {
    set output results . '/compare-ratios.' . fmt
    set title "Single-thread time relative to the gil preset (lower is better)\n" . subtitle
    set style data histograms
    set style histogram clustered gap 1
    set style fill solid 0.85 border -1
    set boxwidth 0.9
    set ylabel 'time / gil time'
    set yrange [0:*]
    set offsets 0, 0, graph 0.08, 0   # room for the value over the tallest bar
    set grid ytics
    set key top left
    # With two columns and a gap of 1, the bars of cluster i sit at i -/+ 1/6.
    plot results . '/compare-ratios.dat' using 2:xtic(1) title 'pystone', \
         '' using 3 title 'countdown', \
         '' using ($0 - 1.0/6):2:(sprintf('%.2f', $2)) with labels offset 0,0.7 notitle, \
         '' using ($0 + 1.0/6):3:(sprintf('%.2f', $3)) with labels offset 0,0.7 notitle, \
         1 with lines dashtype 2 linecolor rgb 'black' title 'gil = 1'
    unset output
    reset
}

# 2. What more threads buy: speedup against K for each workload.
set output results . '/compare-speedup.' . fmt
set multiplot layout 1,2 title "Speedup on K threads (1-thread time / K-thread time, same total work)\n" . subtitle
set xlabel 'threads (K)'
set ylabel 'speedup'
set xrange [0.8:maxk + 0.2]
set xtics 1
set yrange [0:*]
set grid
set key top left
set title 'countdown'
plot for [i=2:ncols] results . '/compare-speedup-countdown.dat' using 1:i with linespoints \
         linewidth 2 pointtype 7 title columnheader(i), \
     x with lines dashtype 2 linecolor rgb 'gray' title 'ideal'
set title 'pystone (threads share the globals)'
plot for [i=2:ncols] results . '/compare-speedup-pystone.dat' using 1:i with linespoints \
         linewidth 2 pointtype 7 title columnheader(i), \
     x with lines dashtype 2 linecolor rgb 'gray' title 'ideal'
unset multiplot
unset output
