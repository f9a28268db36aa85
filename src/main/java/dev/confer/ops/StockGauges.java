package dev.confer.ops;

import dev.confer.checkin.Checkins;
import dev.confer.checkin.DayCount;
import dev.confer.events.EventCatalog;
import dev.confer.notifications.MailBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges that need the database: the mail outbox ({@code confer_mail_outbox_pending}, {@code _due},
 * {@code confer_mail_oldest_due_age_seconds}), the scheduler's lag ({@code confer_scheduler_lag_seconds}) and, per active event and day, {@code confer_vouchers_left} and
 * {@code confer_keynote_seats_left}. They are refreshed by one background thread every {@link #REFRESH_SECONDS}
 * seconds, never by a scrape or a request, so metrics add no query to any hot path. An event is active here once
 * this instance counted a registration, check-in or tap for it.
 */
@Component
class StockGauges implements InitializingBean, DisposableBean {

    static final int REFRESH_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(StockGauges.class);

    private final MailBacklog mail;
    private final Checkins checkins;
    private final EventCatalog events;
    private final JdbcClient jdbc;
    private final java.util.concurrent.atomic.AtomicLong schedulerLagMillis = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<MailBacklog.Depth> depth = new AtomicReference<>(new MailBacklog.Depth(0, 0, java.time.Duration.ZERO));
    private final Set<String> activeEvents = ConcurrentHashMap.newKeySet();
    private final MultiGauge vouchersLeft;
    private final MultiGauge seatsLeft;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("ops-gauges").daemon().factory());

    StockGauges(MailBacklog mail, Checkins checkins, EventCatalog events, MeterRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.checkins = checkins;
        this.events = events;
        Gauge.builder("confer.mail.outbox.pending", depth, d -> d.get().pending())
                .description("Mails not yet sent, waiting retries included").register(registry);
        Gauge.builder("confer.mail.outbox.due", depth, d -> d.get().due())
                .description("Mails due to be sent now").register(registry);
        Gauge.builder("confer.mail.oldest.due.age", depth, d -> d.get().oldestDueAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("How long the oldest due mail has waited").register(registry);
        Gauge.builder("confer.scheduler.lag", schedulerLagMillis, l -> l.get() / 1000.0).baseUnit("seconds")
                .description("How long the oldest due db-scheduler run (reminders, nudges, retention) has waited to be picked")
                .register(registry);
        vouchersLeft = MultiGauge.builder("confer.vouchers.left").description("Lunch vouchers left, per event day").register(registry);
        seatsLeft = MultiGauge.builder("confer.keynote.seats.left").description("Keynote seats left, per event day").register(registry);
    }

    /** Called by the counters when an event shows activity on this instance. */
    void active(String eventSlug) {
        activeEvents.add(eventSlug);
    }

    void refresh() {
        depth.set(mail.now());
        // db-scheduler's table (platform.ScheduledJobs): a due run nobody picked means the scheduler is behind or down
        schedulerLagMillis.set(jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM now() - min(execution_time)) * 1000, 0)::bigint
                        FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()""").query(Long.class).single());
        List<MultiGauge.Row<?>> vouchers = new ArrayList<>();
        List<MultiGauge.Row<?>> seats = new ArrayList<>();
        for (String slug : activeEvents) {
            events.find(slug).ifPresent(event -> {
                for (DayCount day : checkins.dayCounts(event)) {
                    Tags tags = Tags.of("event", slug, "day", day.day().toString());
                    vouchers.add(MultiGauge.Row.of(tags, Math.max(0, day.voucherStock() - day.vouchersIssued())));
                    seats.add(MultiGauge.Row.of(tags, Math.max(0, day.keynoteSeats() - day.keynoteSeatsTaken())));
                }
            });
        }
        vouchersLeft.register(vouchers, true);
        seatsLeft.register(seats, true);
    }

    @Override
    public void afterPropertiesSet() {
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.debug("ops gauges not refreshed: {}", e.toString()); // the database may be briefly away; next round
            }
        }, 1, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
