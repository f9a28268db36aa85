package dev.confer.ops;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One signal (e.g. {@code arrivals}: first check-ins per desk) over one stretch of event time, per minute from
 * {@code start}: for every subject (a desk, a door) its counts, the minutes in which it is expected to work (a door
 * only while a session runs in its room), and where there is one, the same minutes of an earlier day (a rehearsal or
 * day one), aligned by minute of day.
 */
final class SignalDay {

    final String signal;
    final Instant start;
    final int minutes;
    final Map<String, int[]> counts = new LinkedHashMap<>();
    final Map<String, boolean[]> working = new LinkedHashMap<>();
    final Map<String, int[]> history = new LinkedHashMap<>();
    /** The kinds of alert that mean something for this signal (a room's fill only alerts above its band). */
    final java.util.Set<BandWatch.Kind> watched = java.util.EnumSet.allOf(BandWatch.Kind.class);
    /** False for a signal whose subjects are not alike (an instance's resources): each is judged by its own past. */
    boolean siblings = true;

    SignalDay(String signal, Instant start, int minutes) {
        this.signal = signal;
        this.start = start;
        this.minutes = minutes;
    }

    /** A subject that works every minute of the stretch from its first count on (a desk opens when it first scans). */
    SignalDay subject(String subject, int[] perMinute) {
        boolean[] on = new boolean[minutes];
        int first = -1;
        for (int m = 0; m < minutes; m++) {
            if (first < 0 && perMinute[m] > 0) {
                first = m;
            }
            on[m] = first >= 0;
        }
        return subject(subject, perMinute, on);
    }

    /** Only these kinds of alert are raised. */
    SignalDay watch(BandWatch.Kind... kinds) {
        watched.clear();
        watched.addAll(java.util.List.of(kinds));
        return this;
    }

    /** Each subject is judged by its own history only. */
    SignalDay alone() {
        siblings = false;
        return this;
    }

    SignalDay subject(String subject, int[] perMinute, boolean[] workingMinutes) {
        counts.put(subject, perMinute);
        working.put(subject, workingMinutes);
        return this;
    }

    SignalDay history(String subject, int @Nullable [] sameMinutesEarlier) {
        if (sameMinutesEarlier != null) {
            history.put(subject, sameMinutesEarlier);
        }
        return this;
    }

    Instant minute(int index) {
        return start.plusSeconds(60L * index);
    }
}
