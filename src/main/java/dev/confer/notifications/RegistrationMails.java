package dev.confer.notifications;

import dev.confer.agenda.StarredSessionSoon;
import dev.confer.registration.Promoted;
import dev.confer.registration.Registered;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a mail into the outbox for every registration, promotion and nudge before a starred session.
 *
 * <p>A registration's and a promotion's mail row is written <em>inside</em> the transaction that registers or
 * promotes (a plain synchronous listener): {@code mail_outbox} is the outbox, so the mail commits with its cause or
 * not at all, a registration that rolls back (the fast path that found no place) leaves no mail, and the hot path
 * costs one insert in a transaction it already commits instead of an event publication row, a second commit for the
 * mail and a third to mark the publication complete. The insert ignores a mail already queued ({@code mail_outbox}
 * is unique on registration, kind and ref). It takes its row lock last, after the registration's own rows and before
 * the capacity shard, whose place is taken by the transaction's last statement. The worker is woken once the row
 * has committed.
 *
 * <p>The nudge before a starred session comes from a scheduled job, not from a request: it stays an event-registry
 * listener, run after the job's commit and resubmitted if this instance dies first.
 */
@Component
class RegistrationMails {

    private final MailOutbox outbox;
    private final MailWorker worker;

    RegistrationMails(MailOutbox outbox, MailWorker worker) {
        this.outbox = outbox;
        this.worker = worker;
    }

    @EventListener
    void on(Registered registered) {
        MailKind kind = switch (registered.status()) {
            case WAITLISTED -> MailKind.WAITLIST;
            case PENDING -> MailKind.VERIFY;
            default -> MailKind.CONFIRMATION;
        };
        outbox.enqueue(kind, registered.registrationId(), registered.eventId(), registered.eventSlug());
        nudgeAfterCommit();
    }

    @EventListener
    void on(Promoted promoted) {
        outbox.enqueue(promoted.held() ? MailKind.VERIFY : MailKind.PROMOTION, promoted.registrationId(), promoted.eventId(),
                promoted.eventSlug());
        nudgeAfterCommit();
    }

    private void nudgeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            worker.nudge();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.nudge();
            }
        });
    }

    /** After the seat passed on (a holder gave it up or was cancelled); one mail per attendee and lab. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(dev.confer.access.LabSeatGiven given) {
        if (outbox.enqueue(MailKind.LAB_SEAT, given.registrationId(), given.eventId(), given.eventSlug(), given.sessionCode())) {
            worker.nudge();
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StarredSessionSoon soon) {
        if (outbox.enqueue(MailKind.SESSION_SOON, soon.registrationId(), soon.eventId(), soon.eventSlug(), soon.sessionCode())) {
            worker.nudge();
        }
    }
}
