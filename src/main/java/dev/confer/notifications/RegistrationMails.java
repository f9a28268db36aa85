package dev.confer.notifications;

import dev.confer.registration.Promoted;
import dev.confer.registration.Registered;
import dev.confer.registration.RegistrationStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a mail into the outbox for every registration and promotion. Runs synchronously inside the
 * registering transaction, so the mail exists exactly when the registration does.
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
        MailKind kind = registered.status() == RegistrationStatus.WAITLISTED ? MailKind.WAITLIST : MailKind.CONFIRMATION;
        outbox.enqueue(kind, registered.registrationId(), registered.eventId(), registered.eventSlug());
        wakeWorkerAfterCommit();
    }

    @EventListener
    void on(Promoted promoted) {
        outbox.enqueue(MailKind.PROMOTION, promoted.registrationId(), promoted.eventId(), promoted.eventSlug());
        wakeWorkerAfterCommit();
    }

    /** The mail should leave at once, not at the next poll; before the commit the worker could not see it. */
    private void wakeWorkerAfterCommit() {
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
}
