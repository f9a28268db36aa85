package dev.confer.ops;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The alerts of one event day, judged by {@link BandWatch} over the {@link FloorSignals} (and, on the day that is
 * today, this instance's {@link ResourceWatch}), plus the {@link VoucherForecast}. Recomputed from the recorded
 * scans at most every 10 s per instance (cache {@code ops-floor}): two grouped queries and one on the mail outbox, never
 * on a check-in or tap.
 */
@Component
class OpsAlerts {

    private final FloorSignals signals;
    private final ResourceWatch resources;
    private final Clock clock;
    private final Cache cache;

    OpsAlerts(FloorSignals signals, ResourceWatch resources, Clock clock, CacheManager caches) {
        this.signals = signals;
        this.resources = resources;
        this.clock = clock;
        this.cache = Objects.requireNonNull(caches.getCache("ops-floor"));
    }

    record Judged(FloorSignals.Floor floor, List<BandWatch.Alert> alerts) {
    }

    Judged of(EventSchedule event, @Nullable LocalDate asked) {
        EventSchedule.Day day = signals.day(event, asked).orElseThrow(() -> Rejection.badRequest("ops.unknown-day", String.valueOf(asked)));
        String key = event.slug() + "/" + day.date();
        Judged cached = cache.get(key, Judged.class);
        if (cached != null) {
            return cached;
        }
        FloorSignals.Floor floor = signals.of(event, day);
        if (day.date().equals(clock.instant().atZone(event.zone()).toLocalDate())) {
            floor = floor.withSignals(resources.signals()); // this instance's errors and latency, in wall time: today only
        }
        List<BandWatch.Alert> alerts = new ArrayList<>();
        floor.signals().forEach(s -> alerts.addAll(BandWatch.judge(s)));
        alerts.addAll(VoucherForecast.judge(floor.vouchers()));
        alerts.sort(java.util.Comparator.comparing(BandWatch.Alert::openedAt).thenComparing(BandWatch.Alert::subject));
        Judged judged = new Judged(floor, List.copyOf(alerts));
        cache.put(key, judged);
        return judged;
    }
}
