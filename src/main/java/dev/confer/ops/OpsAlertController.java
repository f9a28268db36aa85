package dev.confer.ops;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/v1/events/{slug}/ops/alerts} (organizer): the day's alerts, open and closed, in event time. */
@RestController
class OpsAlertController {

    private final EventCatalog events;
    private final OpsAlerts alerts;

    OpsAlertController(EventCatalog events, OpsAlerts alerts) {
        this.events = events;
        this.alerts = alerts;
    }

    /**
     * One alert as the API shows it; {@code expected} is the band {@code [lo, hi]} when it was last judged;
     * {@code forecastAt} only for the vouchers: when they run out at the current pace.
     */
    record AlertView(String id, String signal, String subject, BandWatch.Kind kind, OffsetDateTime openedAt,
                     @Nullable OffsetDateTime closedAt, double observed, double[] expected, @Nullable OffsetDateTime forecastAt) {

        static AlertView of(BandWatch.Alert a, EventSchedule event) {
            return new AlertView(a.id(), a.signal(), a.subject(), a.kind(), local(a.openedAt(), event), localOrNull(a.closedAt(), event),
                    round(a.observed()), new double[]{round(a.expectedLo()), round(a.expectedHi())}, localOrNull(a.forecastAt(), event));
        }
    }

    @GetMapping("/api/v1/events/{slug}/ops/alerts")
    List<AlertView> alerts(@PathVariable String slug,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day) {
        EventSchedule event = events.require(slug);
        return alerts.of(event, day).alerts().stream().map(a -> AlertView.of(a, event)).toList();
    }

    static OffsetDateTime local(Instant at, EventSchedule event) {
        return at.atZone(event.zone()).toOffsetDateTime();
    }

    private static @Nullable OffsetDateTime localOrNull(@Nullable Instant at, EventSchedule event) {
        return at == null ? null : local(at, event);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
