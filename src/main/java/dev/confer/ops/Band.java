package dev.confer.ops;

import java.util.Arrays;

/**
 * An expected range for one signal at one minute: {@code center} is the robust level (a median), {@code lo} and
 * {@code hi} are {@code center ∓ k·σ}, where σ is the larger of the robust spread (1.4826·MAD, which equals the standard
 * deviation for normal data but ignores outliers) and the counting noise of a level that size (√center, as for
 * Poisson arrivals). The lower bound is never below zero.
 */
record Band(double lo, double center, double hi) {

    /** How many σ the band is wide on each side. */
    static final double K = 3.0;
    /** Scales the median absolute deviation to a standard deviation for normally distributed data. */
    private static final double MAD_TO_SIGMA = 1.4826;

    /** The band of a set of comparable values: the same minute on earlier days, or the siblings' levels right now. */
    static Band of(double[] values) {
        if (values.length == 0) {
            return new Band(0, 0, 0);
        }
        double center = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - center)).toArray();
        double sigma = Math.max(MAD_TO_SIGMA * median(deviations), Math.sqrt(Math.max(center, 1.0)));
        return new Band(Math.max(0, center - K * sigma), center, center + K * sigma);
    }

    boolean below(double observed) {
        return observed < lo;
    }

    boolean above(double observed) {
        return observed > hi;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
