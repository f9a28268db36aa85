package dev.confer.notifications;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One run of a reminder, as db-scheduler calls it at the reminder's moment (or late, after downtime):
 * queues one outbox row per confirmed attendee (and a waitlist note per waitlisted one the day before),
 * all in one transaction, or drops the run when its moment has passed beyond use. The outbox's unique
 * index and the run's own row make a second run of the same reminder change nothing.
 */
@Component
class ReminderRunner {

    private static final Logger log = LoggerFactory.getLogger(ReminderRunner.class);

    private final EventCatalog events;
    private final Registrations registrations;
    private final MailOutbox outbox;
    private final ReminderRuns runs;
    private final MailWorker worker;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderRunner(EventCatalog events, Registrations registrations, MailOutbox outbox, ReminderRuns runs,
                   MailWorker worker, PlatformTransactionManager transactions, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.outbox = outbox;
        this.runs = runs;
        this.worker = worker;
        // its own transaction even when called after another one committed (the planner's after-commit listener)
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void run(String instanceId) {
        Optional<ReminderTimes.Key> parsed = ReminderTimes.Key.parse(instanceId);
        if (parsed.isEmpty()) {
            log.warn("Ignoring reminder run with a malformed id {}", instanceId);
            return;
        }
        ReminderTimes.Key key = parsed.get();
        Optional<EventSchedule> found = events.find(key.slug());
        if (found.isEmpty()) {
            log.warn("Ignoring reminder {}: the event no longer exists", instanceId);
            return;
        }
        run(found.get(), key.kind(), key.day());
    }

    /** Runs the reminder of this kind and day with the event as given (the planner has it fresher than the catalog's cache). */
    void run(EventSchedule event, MailKind kind, LocalDate date) {
        String instanceId = event.slug() + "|" + kind + "|" + date;
        ReminderTimes.Key key = new ReminderTimes.Key(event.slug(), kind, date);
        String day = date.toString();
        if (ReminderTimes.usefulUntil(event, kind, day).isEmpty()) {
            log.info("Ignoring reminder {}: the day is no longer in the definition", instanceId);
            return;
        }
        Instant now = clock.instant();
        Integer queued = transaction.execute(tx -> {
            if (!runs.start(event.id(), key.kind(), key.day(), now)) {
                return null;
            }
            List<RegistrationId> confirmed = registrations.idsWithStatus(event, RegistrationStatus.CONFIRMED);
            List<RegistrationId> waitlisted = key.kind() == MailKind.DAY_BEFORE
                    ? registrations.idsWithStatus(event, RegistrationStatus.WAITLISTED) : List.of();
            if (ReminderTimes.tooLate(event, key.kind(), day, now)) {
                int missed = confirmed.size() + waitlisted.size();
                runs.finish(event.id(), key.kind(), key.day(), 0, missed, "dropped");
                if (missed > 0) {
                    log.warn("Reminder {} dropped: its moment passed while no instance could send it ({} attendees not reminded)",
                            instanceId, missed);
                } else {
                    log.info("Reminder {} dropped: its moment had passed (nobody to remind)", instanceId);
                }
                return 0;
            }
            int count = outbox.enqueueAll(key.kind(), confirmed, event.id(), event.slug(), day)
                    + (waitlisted.isEmpty() ? 0 : outbox.enqueueAll(MailKind.STILL_WAITLISTED, waitlisted, event.id(), event.slug(), day));
            runs.finish(event.id(), key.kind(), key.day(), count, 0, "done");
            return count;
        });
        if (queued == null) {
            log.info("Reminder {} had already run; nothing to do", instanceId);
        } else if (queued > 0) {
            log.info("Reminder {}: {} mails queued", instanceId, queued);
            worker.nudge();
        }
    }
}
