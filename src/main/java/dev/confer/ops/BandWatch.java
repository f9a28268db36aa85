package dev.confer.ops;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a {@link SignalDay} minute by minute against learned bands and says which alerts opened and closed, in
 * event time. Pure: the same counts give the same alerts, whether the day is live or replayed at any speed.
 *
 * <ul>
 *   <li><b>Observed</b>: the median of the subject's last {@link #SMOOTHING} minutes, so one odd minute (a spike, a
 *       scanner's hiccup) moves nothing.</li>
 *   <li><b>Expected</b>: from the siblings when at least {@link #MIN_SIBLINGS} other subjects work that minute (their
 *       levels now: a rush, lunch or a small second day moves every desk together, so nobody stands out); else from
 *       the same minutes of an earlier day (±{@link #SEASON_WINDOW} minutes); else from the subject's own last
 *       {@link #OWN_WINDOW} minutes. See {@link Band} for the width.</li>
 *   <li><b>Alert</b>: opens when the observed level stays above or below the band for {@link #PERSISTENCE} minutes in a
 *       row, or at once as SILENT when the subject counted nothing for so long that chance cannot explain it
 *       (P(no count) = e<sup>-level</sup> per minute, so at least ln 10⁴ / level minutes, never fewer than
 *       {@link #PERSISTENCE}); level = the siblings' mean rate over {@link #RATE_WINDOW} minutes. It closes in the first
 *       minute back inside the band or when the subject stops working; a SILENT one when the subject counts again, or
 *       when everyone has been quiet for {@link #PERSISTENCE} minutes (nothing left to compare with).</li>
 * </ul>
 */
final class BandWatch {

    static final int SMOOTHING = 3;
    static final int PERSISTENCE = 3;
    static final int MIN_SIBLINGS = 3;
    static final int SEASON_WINDOW = 5;
    static final int OWN_WINDOW = 30;
    /** Minutes over which the siblings' mean rate is taken for the silence test. */
    static final int RATE_WINDOW = 10;
    /** A level below this (per minute) is too thin for silence to mean anything. */
    static final double SILENCE_MIN_LEVEL = 0.3;
    private static final double SILENCE_ODDS = Math.log(10_000);

    enum Kind { ABOVE_BAND, BELOW_BAND, SILENT }

    /** One alert of one subject; {@code closedAt} null while open; {@code observed} and the band are the latest seen while open. */
    record Alert(String signal, String subject, Kind kind, Instant openedAt, @Nullable Instant closedAt, double observed,
                 double expectedLo, double expectedHi, @Nullable Instant forecastAt) {

        Alert(String signal, String subject, Kind kind, Instant openedAt, @Nullable Instant closedAt, double observed,
              double expectedLo, double expectedHi) {
            this(signal, subject, kind, openedAt, closedAt, observed, expectedLo, expectedHi, null);
        }

        String id() {
            return signal + ":" + subject + ":" + openedAt.getEpochSecond() / 60;
        }
    }

    private BandWatch() {
    }

    static List<Alert> judge(SignalDay day) {
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : day.counts.entrySet()) {
            alerts.addAll(judge(day, entry.getKey()));
        }
        alerts.sort(java.util.Comparator.comparing(Alert::openedAt).thenComparing(Alert::subject));
        return alerts;
    }

    private static List<Alert> judge(SignalDay day, String subject) {
        int[] counts = day.counts.get(subject);
        boolean[] working = day.working.get(subject);
        List<Alert> alerts = new ArrayList<>();
        Alert open = null;
        int highRun = 0;
        int lowRun = 0;
        int zeroRun = 0;
        int quietRun = 0;
        for (int t = 0; t < day.minutes; t++) {
            if (!working[t]) {
                if (open != null) {
                    alerts.add(close(open, day.minute(t)));
                    open = null;
                }
                highRun = lowRun = zeroRun = 0;
                continue;
            }
            zeroRun = counts[t] == 0 ? zeroRun + 1 : 0;
            Band band = expected(day, subject, t);
            if (band == null) {
                continue;
            }
            double observed = level(counts, working, t);
            double rate = rate(day, subject, t, band);
            quietRun = rate < SILENCE_MIN_LEVEL ? quietRun + 1 : 0;
            boolean stillSilent = open != null && open.kind() == Kind.SILENT && counts[t] == 0 && quietRun < PERSISTENCE;
            boolean freshSilent = rate >= SILENCE_MIN_LEVEL && zeroRun >= Math.max(PERSISTENCE, Math.ceil(SILENCE_ODDS / rate));
            boolean silent = day.watched.contains(Kind.SILENT) && (stillSilent || freshSilent);
            boolean low = silent || day.watched.contains(Kind.BELOW_BAND) && band.below(observed);
            boolean high = !low && day.watched.contains(Kind.ABOVE_BAND) && band.above(observed);
            highRun = high ? highRun + 1 : 0;
            lowRun = low ? lowRun + 1 : 0;
            if (open != null) {
                boolean still = open.kind() == Kind.ABOVE_BAND ? high : low;
                if (!still) {
                    alerts.add(close(open, day.minute(t)));
                    open = null;
                } else if (open.kind() != Kind.SILENT || freshSilent && band.center() >= SILENCE_MIN_LEVEL) {
                    // a silent subject keeps the band it was found silent against while the floor around it quietens
                    Kind kind = open.kind() == Kind.BELOW_BAND && silent ? Kind.SILENT : open.kind();
                    open = new Alert(day.signal, subject, kind, open.openedAt(), null, observed, band.lo(), band.hi());
                }
            }
            if (open == null) {
                if (silent) {
                    open = new Alert(day.signal, subject, Kind.SILENT, day.minute(t), null, observed, band.lo(), band.hi());
                } else if (lowRun >= PERSISTENCE) {
                    open = new Alert(day.signal, subject, Kind.BELOW_BAND, day.minute(t), null, observed, band.lo(), band.hi());
                } else if (highRun >= PERSISTENCE) {
                    open = new Alert(day.signal, subject, Kind.ABOVE_BAND, day.minute(t), null, observed, band.lo(), band.hi());
                }
            }
        }
        if (open != null) {
            alerts.add(open);
        }
        return alerts;
    }

    private static Alert close(Alert open, Instant at) {
        return new Alert(open.signal(), open.subject(), open.kind(), open.openedAt(), at, open.observed(), open.expectedLo(),
                open.expectedHi(), open.forecastAt());
    }

    /**
     * The expected count per minute for the silence test: the mean of the siblings' counts over their last
     * {@link #RATE_WINDOW} working minutes, or over the last {@link #SMOOTHING} if lower (a median of a few small counts is 0 or 1 and would overstate a trickle of
     * half a person a minute), else the band's centre.
     */
    static double rate(SignalDay day, String subject, int t, Band band) {
        if (!day.siblings) {
            return band.center();
        }
        double[] sum = new double[2];
        int[] n = new int[2];
        for (Map.Entry<String, int[]> e : day.counts.entrySet()) {
            boolean[] working = day.working.get(e.getKey());
            if (e.getKey().equals(subject) || !working[t]) {
                continue;
            }
            for (int m = Math.max(0, t - RATE_WINDOW + 1); m <= t; m++) {
                if (working[m]) {
                    int recent = m > t - SMOOTHING ? 1 : 0;
                    for (int w = 0; w <= recent; w++) {
                        sum[w] += e.getValue()[m];
                        n[w]++;
                    }
                }
            }
        }
        if (n[1] < MIN_SIBLINGS * SMOOTHING) {
            return band.center();
        }
        // the lower of the last 10 and the last 3 minutes: a trickle is measured over enough minutes, and the end of a
        // rush lowers the expectation at once instead of making every desk look silent
        return Math.min(sum[0] / n[0], sum[1] / n[1]);
    }

    /** The median of the last {@link #SMOOTHING} working minutes up to {@code t}. */
    static double level(int[] counts, boolean[] working, int t) {
        double[] window = new double[SMOOTHING];
        int n = 0;
        for (int m = t; m >= 0 && m > t - SMOOTHING; m--) {
            if (working[m]) {
                window[n++] = counts[m];
            }
        }
        return n == 0 ? 0 : Band.median(java.util.Arrays.copyOf(window, n));
    }

    static @Nullable Band expected(SignalDay day, String subject, int t) {
        List<Double> siblings = new ArrayList<>();
        day.counts.forEach((other, counts) -> {
            if (!day.siblings) {
                return;
            }
            boolean[] working = day.working.get(other);
            if (!other.equals(subject) && working[t] && (t == 0 || working[Math.max(0, t - SMOOTHING + 1)])) {
                siblings.add(level(counts, working, t));
            }
        });
        if (siblings.size() >= MIN_SIBLINGS) {
            return Band.of(siblings.stream().mapToDouble(Double::doubleValue).toArray());
        }
        int[] history = day.history.get(subject);
        if (history != null) {
            double[] season = java.util.stream.IntStream.rangeClosed(t - SEASON_WINDOW, t + SEASON_WINDOW)
                    .filter(m -> m >= 0 && m < history.length).mapToDouble(m -> history[m]).toArray();
            return season.length == 0 ? null : Band.of(season);
        }
        int[] counts = day.counts.get(subject);
        boolean[] working = day.working.get(subject);
        double[] own = java.util.stream.IntStream.range(Math.max(0, t - OWN_WINDOW), t - SMOOTHING + 1)
                .filter(m -> m >= 0 && working[m]).mapToDouble(m -> counts[m]).toArray();
        return own.length < 10 ? null : Band.of(own);
    }

    /** What a chart draws for one subject over minutes {@code [from, to)}: observed level and band, NaN where not judged. */
    record Trace(double[] observed, double[] lo, double[] hi) {
    }

    static Trace trace(SignalDay day, String subject, int from, int to) {
        int n = Math.max(0, to - from);
        double[] observed = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] counts = day.counts.get(subject);
        boolean[] working = day.working.get(subject);
        for (int i = 0; i < n; i++) {
            int t = from + i;
            Band band = working[t] ? expected(day, subject, t) : null;
            observed[i] = working[t] ? level(counts, working, t) : Double.NaN;
            lo[i] = band == null ? Double.NaN : band.lo();
            hi[i] = band == null ? Double.NaN : band.hi();
        }
        return new Trace(observed, lo, hi);
    }
}
