package dev.confer.privacy;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.PersonalData;
import dev.confer.shared.PersonalDataViewed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Retention: {@code privacy.retentionDays} after the event's last day, everyone of the event is anonymised as an
 * erasure would (every {@link PersonalData} part) and the access log about them is cleared; counts and statistics
 * stay. The db-scheduler job {@code privacy-retention} runs it once per event on one instance (the
 * {@code retention_run} row is taken first: a second run waits for the first, then finds it done); the organizer
 * may run it early, which anonymises whoever is still left.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final EventCatalog events;
    private final List<PersonalData> parts;
    private final AccessLog accessLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Retention(EventCatalog events, List<PersonalData> parts, AccessLog accessLog, JdbcClient jdbc, TransactionTemplate transaction,
              ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.parts = parts;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What a run did: when, why, how many people it anonymised and how many access-log rows it cleared. */
    public record Report(Instant ranAt, String trigger, int anonymised, int logRows) {
    }

    /** The organizer's preview: when the data goes (null without a notice), how many people it holds now, the last run. */
    public record Preview(@Nullable Instant due, @Nullable Integer retentionDays, int people, @Nullable Report lastRun) {
    }

    public Preview preview(EventSchedule event) {
        int people = jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND erased_at IS NULL")
                .param(event.id()).query(Integer.class).single();
        return new Preview(event.retentionDue().orElse(null), event.privacy() == null ? null : event.privacy().retentionDays(),
                people, lastRun(event).orElse(null));
    }

    public Optional<Report> lastRun(EventSchedule event) {
        return jdbc.sql("SELECT ran_at, trigger, anonymised, log_rows FROM retention_run WHERE event_id = ?")
                .param(event.id())
                .query((rs, n) -> new Report(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .optional();
    }

    /** The organizer runs retention now (also before it is due); anonymises whoever is left. */
    public Report runNow(EventSchedule event, String actor) {
        return Objects.requireNonNull(transaction.execute(status -> run(event, "ORGANIZER", actor)));
    }

    /** The job: every event whose retention is due and that was never run. */
    void runDue() {
        Instant now = clock.instant();
        for (String slug : events.slugs()) {
            events.find(slug).filter(e -> e.retentionDue().map(due -> !due.isAfter(now)).orElse(false)).ifPresent(event ->
                    transaction.executeWithoutResult(status -> {
                        // the row first: another instance running the job at once waits here, then finds it taken
                        int taken = jdbc.sql("""
                                        INSERT INTO retention_run (event_id, ran_at, trigger, anonymised, log_rows)
                                        VALUES (?, ?, 'SCHEDULED', 0, 0) ON CONFLICT (event_id) DO NOTHING""")
                                .params(event.id(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
                        if (taken == 1) {
                            run(event, "SCHEDULED", "RETENTION (scheduled)");
                        }
                    }));
        }
    }

    private Report run(EventSchedule event, String trigger, String actor) {
        Instant now = clock.instant();
        // taking the row serialises runs of one event: a concurrent one waits, then finds nobody left to anonymise
        jdbc.sql("""
                        INSERT INTO retention_run (event_id, ran_at, trigger, anonymised, log_rows) VALUES (?, ?, ?, 0, 0)
                        ON CONFLICT (event_id) DO UPDATE SET ran_at = excluded.ran_at, trigger = excluded.trigger""")
                .params(event.id(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), trigger).update();
        int people = jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND erased_at IS NULL")
                .param(event.id()).query(Integer.class).single();
        for (PersonalData part : parts) {
            part.eraseEvent(event.id());
        }
        int logRows = accessLog.clear(event.id());
        jdbc.sql("UPDATE retention_run SET anonymised = anonymised + ?, log_rows = log_rows + ? WHERE event_id = ?")
                .params(people, logRows, event.id()).update();
        publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "RETENTION", people, null));
        log.info("Retention for event {} ({}): {} people anonymised, {} access-log rows cleared", event.slug(), trigger, people, logRows);
        return lastRun(event).orElseThrow();
    }
}
