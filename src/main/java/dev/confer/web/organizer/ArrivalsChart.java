package dev.confer.web.organizer;

import dev.confer.checkin.Arrivals;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The geometry of the check-ins-per-10-minutes chart, one per event day, drawn by the page as inline SVG:
 * no chart script on the organizer's phone. Times are the event's local times.
 */
final class ArrivalsChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 28;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    static final int BASELINE = HEIGHT - BOTTOM;
    private static final int PLOT_HEIGHT = BASELINE - TOP;
    private static final int BUCKET_MINUTES = 10;

    private ArrivalsChart() {
    }

    /** One ten-minute bucket that had check-ins. */
    record Bar(LocalTime from, LocalTime to, int count, double x, double y, double width, double height) {
    }

    record XTick(String label, double x) {
    }

    record YTick(int value, double y) {
    }

    /** One day's chart; {@code peak} is the busiest bucket (null when nobody checked in yet). */
    record DayChart(LocalDate day, String from, String to, int total, @Nullable Bar peak, List<Bar> bars, List<XTick> xTicks,
                    List<YTick> yTicks) {

        public String id() {
            return "arrivals-" + day;
        }
    }

    static List<DayChart> of(EventSchedule event, List<Arrivals> arrivals) {
        Map<LocalDate, List<Arrivals>> byDay = new TreeMap<>();
        event.days().forEach(d -> byDay.put(d.date(), new ArrayList<>()));
        for (Arrivals a : arrivals) {
            byDay.computeIfAbsent(a.from().atZone(event.zone()).toLocalDate(), d -> new ArrayList<>()).add(a);
        }
        List<DayChart> charts = new ArrayList<>();
        byDay.forEach((day, list) -> charts.add(day(event, day, list)));
        return charts;
    }

    private static DayChart day(EventSchedule event, LocalDate day, List<Arrivals> arrivals) {
        // the window is the day's opening hours, widened to hold every check-in; minutes of the day
        int from = event.day(day).map(d -> minuteOf(d.doorsOpen())).orElse(8 * 60) / 60 * 60;
        int to = event.day(day).map(d -> minuteOf(d.end())).orElse(18 * 60);
        for (Arrivals a : arrivals) {
            int m = minuteOf(a.from().atZone(event.zone()).toLocalTime());
            from = Math.min(from, m / 60 * 60);
            to = Math.max(to, m + BUCKET_MINUTES);
        }
        int buckets = Math.max(6, (to - from + BUCKET_MINUTES - 1) / BUCKET_MINUTES);
        double slot = (double) (WIDTH - LEFT - RIGHT) / buckets;
        int top = niceTop(arrivals.stream().mapToInt(Arrivals::count).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        Bar peak = null;
        int total = 0;
        for (Arrivals a : arrivals) {
            LocalTime start = a.from().atZone(event.zone()).toLocalTime();
            int index = (minuteOf(start) - from) / BUCKET_MINUTES;
            double height = (double) a.count() / top * PLOT_HEIGHT;
            Bar bar = new Bar(start, start.plusMinutes(BUCKET_MINUTES), a.count(),
                    round(LEFT + index * slot + slot * 0.1), round(BASELINE - height), round(slot * 0.8), round(height));
            bars.add(bar);
            total += a.count();
            if (peak == null || a.count() > peak.count()) {
                peak = bar;
            }
        }
        return new DayChart(day, clock(from), clock(to), total, peak, bars, xTicks(from, buckets * BUCKET_MINUTES, slot), yTicks(top));
    }

    /** An hour mark every hour, or every two or three when the day is long, so labels never overlap. */
    private static List<XTick> xTicks(int from, int minutes, double slot) {
        int hours = minutes / 60;
        int every = hours > 16 ? 3 : hours > 8 ? 2 : 1;
        List<XTick> ticks = new ArrayList<>();
        for (int h = 0; h <= hours; h += every) {
            ticks.add(new XTick(clock(from + h * 60), round(LEFT + h * 60.0 / BUCKET_MINUTES * slot)));
        }
        return ticks;
    }

    private static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** "09:00"; midnight at the end of the day is "24:00". */
    private static String clock(int minuteOfDay) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static List<YTick> yTicks(int top) {
        List<YTick> ticks = new ArrayList<>();
        ticks.add(new YTick(0, BASELINE));
        if (top % 2 == 0 && top >= 2) {
            ticks.add(new YTick(top / 2, BASELINE - PLOT_HEIGHT / 2.0));
        }
        ticks.add(new YTick(top, TOP));
        return ticks;
    }

    /** The axis top: 1, 2 or 5 times a power of ten, at least the busiest bucket. */
    static int niceTop(int max) {
        if (max <= 2) {
            return 2;
        }
        int power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (int step : new int[]{1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
