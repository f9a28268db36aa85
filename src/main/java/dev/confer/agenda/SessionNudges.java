package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The e-mail shortly before a session, for attendees who asked for it and have the session on their agenda
 * (starred, or their team's plan in a slot where they starred nothing). Run by the scheduler every minute on
 * one instance; a session's start is claimed once ({@code session_nudge_run}) and its mails are queued in the
 * same transaction, and the outbox holds one nudge per attendee and session, so nobody gets it twice. A
 * session that already began gets none: the nudge would only say what the attendee has missed.
 */
@Component
class SessionNudges {

    private static final Logger log = LoggerFactory.getLogger(SessionNudges.class);

    private final EventCatalog events;
    private final AgendaStore store;
    private final TeamPlans plans;
    private final Registrations registrations;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final AgendaSettings settings;
    private final Clock clock;

    SessionNudges(EventCatalog events, AgendaStore store, TeamPlans plans, Registrations registrations,
                  ApplicationEventPublisher publisher, TransactionTemplate transaction, AgendaSettings settings, Clock clock) {
        this.events = events;
        this.store = store;
        this.plans = plans;
        this.registrations = registrations;
        this.publisher = publisher;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the nudges of every session whose moment has come and that has not begun; the number queued. */
    int runDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (String slug : events.slugs()) {
            EventSchedule event = events.find(slug).orElse(null);
            if (event == null) {
                continue;
            }
            for (EventSchedule.Session session : event.sessions()) {
                Instant start = event.instant(session.day(), session.start());
                if (!now.isBefore(start.minus(settings.nudgeBefore())) && now.isBefore(start)) {
                    queued += nudge(event, session, start, now);
                }
            }
        }
        return queued;
    }

    private int nudge(EventSchedule event, EventSchedule.Session session, Instant start, Instant now) {
        Integer queued = transaction.execute(status -> {
            if (!store.claimNudgeRun(event.id(), session.code(), start, now)) {
                return 0;
            }
            List<RegistrationId> recipients = registrations.findAll(recipients(event, session)).stream()
                    .filter(Attendee::isConfirmed).map(Attendee::id).sorted().toList();
            for (RegistrationId id : recipients) {
                publisher.publishEvent(new StarredSessionSoon(id, event.id(), event.slug(), session.code()));
            }
            store.recordQueued(event.id(), session.code(), start, recipients.size());
            return recipients.size();
        });
        if (queued != null && queued > 0) {
            log.info("Queued {} nudges for {} {} at {}", queued, event.slug(), session.code(), start);
        }
        return queued == null ? 0 : queued;
    }

    /** Who starred it and asked for the nudge, and who follows a team plan that chose it in a slot they starred nothing in. */
    private Set<RegistrationId> recipients(EventSchedule event, EventSchedule.Session session) {
        Set<RegistrationId> ids = new HashSet<>(store.starredWithNudge(event.id(), session.code()));
        Slot slot = Slot.of(session);
        Set<RegistrationId> followers = plans.followersOf(event, slot, session.code());
        if (!followers.isEmpty()) {
            Set<RegistrationId> nudged = new HashSet<>(store.withNudge(followers));
            nudged.removeAll(store.starredAny(nudged, slot.sessions(event).stream().map(EventSchedule.Session::code).toList()));
            ids.addAll(nudged);
        }
        return ids;
    }
}
