package dev.confer.notifications;

import dev.confer.agenda.StarredSessionSoon;
import dev.confer.registration.Promoted;
import dev.confer.registration.Registered;
import dev.confer.registration.RegistrationStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Puts a mail into the outbox for every registration, promotion and nudge before a starred session. Runs after
 * the cause committed: the event publication registry wrote the event in the same transaction, so a registration
 * that rolled back gets no mail and one that committed gets its mail even if this instance dies first (the
 * publication is resubmitted). Each insert is one autocommitted statement that ignores a mail already queued
 * ({@code mail_outbox} is unique on registration, kind and ref), so a resubmitted event changes nothing; then the
 * worker is woken, since the row is committed by then.
 */
@Component
class RegistrationMails {

    private final MailOutbox outbox;
    private final MailWorker worker;

    RegistrationMails(MailOutbox outbox, MailWorker worker) {
        this.outbox = outbox;
        this.worker = worker;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(Registered registered) {
        MailKind kind = registered.status() == RegistrationStatus.WAITLISTED ? MailKind.WAITLIST : MailKind.CONFIRMATION;
        outbox.enqueue(kind, registered.registrationId(), registered.eventId(), registered.eventSlug());
        worker.nudge();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(Promoted promoted) {
        outbox.enqueue(MailKind.PROMOTION, promoted.registrationId(), promoted.eventId(), promoted.eventSlug());
        worker.nudge();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StarredSessionSoon soon) {
        if (outbox.enqueue(MailKind.SESSION_SOON, soon.registrationId(), soon.eventId(), soon.eventSlug(), soon.sessionCode())) {
            worker.nudge();
        }
    }
}
