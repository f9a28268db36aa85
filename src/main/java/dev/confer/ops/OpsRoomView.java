package dev.confer.ops;

import dev.confer.events.EventSchedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the ops page shows: alerts (open ones first, with what was expected) and, per signal, one small chart per
 * subject of its last {@link #WINDOW} judged minutes: the observed level as a line over its band, drawn by the page as
 * inline SVG (no chart script).
 */
final class OpsRoomView {

    static final int WINDOW = 90;
    static final int WIDTH = 240;
    static final int HEIGHT = 64;
    private static final int PAD = 4;

    private OpsRoomView() {
    }

    record AlertLine(String id, String signal, String subject, BandWatch.Kind kind, LocalTime openedAt, LocalTime closedAt,
                     String observed, String lo, String hi, boolean open, boolean acknowledged, boolean muted, String forecast) {

        /** The explanation's message: a signal with its own wording (units, a forecast) has {@code ops.explain.<signal>.<kind>}. */
        public String explainKey() {
            return AlertWording.explainKey(signal, kind);
        }

        public String cssKind() {
            return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record Chart(String signal, String subject, String band, String line, String top, String now, boolean alerting, boolean muted,
                 String level, String lo, String hi) {

        public String id() {
            return "chart-" + signal + "-" + subject.replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    record Group(String signal, List<Chart> charts) {
    }

    record View(EventSchedule event, LocalDate day, LocalTime now, List<AlertLine> open, List<AlertLine> closed, List<Group> groups) {
    }

    static View of(EventSchedule event, OpsAlerts.Judged judged, Set<String> acknowledged, Set<String> muted) {
        List<AlertLine> open = new ArrayList<>();
        List<AlertLine> closed = new ArrayList<>();
        Set<String> alerting = new java.util.HashSet<>();
        for (BandWatch.Alert a : judged.alerts()) {
            boolean isMuted = muted.contains(a.signal() + ":" + a.subject());
            AlertLine line = new AlertLine(a.id(), a.signal(), a.subject(), a.kind(), local(event, a.openedAt()),
                    a.closedAt() == null ? null : local(event, a.closedAt()), number(a.observed()), number(a.expectedLo()),
                    number(a.expectedHi()), a.closedAt() == null, acknowledged.contains(a.id()), isMuted,
                    a.forecastAt() == null ? "" : local(event, a.forecastAt()).toString());
            if (line.open()) {
                open.add(line);
                alerting.add(a.signal() + ":" + a.subject());
            } else {
                closed.add(line);
            }
        }
        open.sort(java.util.Comparator.comparing(AlertLine::muted).thenComparing(AlertLine::acknowledged)
                .thenComparing(AlertLine::openedAt));
        closed.sort(java.util.Comparator.comparing(AlertLine::openedAt).reversed());
        List<Group> groups = new ArrayList<>();
        for (SignalDay signal : judged.floor().signals()) {
            List<Chart> charts = new ArrayList<>();
            int to = signal.minutes;
            int from = Math.max(0, to - WINDOW);
            for (String subject : signal.counts.keySet()) {
                charts.add(chart(signal, subject, from, to, alerting.contains(signal.signal + ":" + subject),
                        muted.contains(signal.signal + ":" + subject)));
            }
            groups.add(new Group(signal.signal, charts));
        }
        return new View(event, judged.floor().day(), local(event, judged.floor().now()), open, closed, groups);
    }

    private static Chart chart(SignalDay day, String subject, int from, int to, boolean alerting, boolean muted) {
        BandWatch.Trace trace = BandWatch.trace(day, subject, from, to);
        double top = 1;
        for (int i = 0; i < trace.observed().length; i++) {
            top = Math.max(top, Math.max(finite(trace.observed()[i]), finite(trace.hi()[i])));
        }
        top = Math.ceil(top);
        double step = (double) (WIDTH - 2 * PAD) / Math.max(1, trace.observed().length - 1); // the minutes shown fill the width
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < trace.observed().length; i++) {
            double x = PAD + i * step;
            if (!Double.isNaN(trace.hi()[i])) {
                upper.append(point(x, y(trace.hi()[i], top)));
                lower.insert(0, point(x, y(trace.lo()[i], top)));
            }
            if (!Double.isNaN(trace.observed()[i])) {
                line.append(point(x, y(trace.observed()[i], top)));
            }
        }
        int last = trace.observed().length - 1;
        return new Chart(day.signal, subject, (upper.toString() + lower).strip(), line.toString().strip(), number(top),
                last < 0 ? "" : number(PAD + last * step), alerting, muted,
                last < 0 ? "–" : number(finite(trace.observed()[last])), last < 0 ? "–" : number(finite(trace.lo()[last])),
                last < 0 ? "–" : number(finite(trace.hi()[last])));
    }

    private static double y(double value, double top) {
        return HEIGHT - PAD - value / top * (HEIGHT - 2 * PAD);
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static String number(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    private static LocalTime local(EventSchedule event, java.time.Instant at) {
        return at.atZone(event.zone()).toLocalTime();
    }
}
