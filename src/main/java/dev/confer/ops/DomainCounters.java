package dev.confer.ops;

import dev.confer.access.TapRecorded;
import dev.confer.checkin.CheckinRecorded;
import dev.confer.registration.Registered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code confer_checkins_total{event,desk}}, {@code confer_taps_total{event,point,result}} and
 * {@code confer_registrations_total{event,status}}, counted from the modules' events: plain synchronous listeners
 * (never written to the event publication table), so a check-in or tap costs one in-memory increment. An event
 * published inside a transaction is counted only when that transaction commits (a registration's fast path
 * publishes, then may roll back and take the slow path).
 *
 * <p>Label values come from the event definition (slugs, session and booth codes) except the desk, which a device
 * names itself: it is kept only when it looks like a name ({@link #DESK_NAME}) and while the event has fewer than
 * {@link #MAX_DESKS} desks, else counted as {@code other}, so a misbehaving client cannot explode the series.
 */
@Component
class DomainCounters {

    static final int MAX_DESKS = 64;
    private static final Pattern DESK_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,32}");

    private final MeterRegistry registry;
    private final StockGauges gauges;
    private final ConcurrentHashMap<String, Set<String>> desksByEvent = new ConcurrentHashMap<>();

    DomainCounters(MeterRegistry registry, StockGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @EventListener
    void on(CheckinRecorded checkin) {
        String desk = deskLabel(checkin.eventSlug(), checkin.desk());
        gauges.active(checkin.eventSlug());
        afterCommit(() -> Counter.builder("confer.checkins").description("First check-ins of the day at the desks")
                .tags("event", checkin.eventSlug(), "desk", desk).register(registry).increment());
    }

    @EventListener
    void on(TapRecorded tap) {
        gauges.active(tap.eventSlug());
        afterCommit(() -> Counter.builder("confer.taps").description("Badge taps at session doors and booths, by answer")
                .tags("event", tap.eventSlug(), "point", tap.point(), "result", tap.result().name()).register(registry).increment());
    }

    @EventListener
    void on(Registered registered) {
        gauges.active(registered.eventSlug());
        afterCommit(() -> Counter.builder("confer.registrations").description("Registrations, by the status they got")
                .tags("event", registered.eventSlug(), "status", registered.status().name()).register(registry).increment());
    }

    String deskLabel(String event, @Nullable String desk) {
        if (desk == null || desk.isBlank()) {
            return "unnamed";
        }
        String name = desk.strip();
        if (!DESK_NAME.matcher(name).matches()) {
            return "other";
        }
        Set<String> desks = desksByEvent.computeIfAbsent(event, e -> ConcurrentHashMap.newKeySet());
        if (desks.contains(name)) {
            return name;
        }
        synchronized (desks) {
            if (desks.size() >= MAX_DESKS) {
                return "other";
            }
            desks.add(name);
            return name;
        }
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
