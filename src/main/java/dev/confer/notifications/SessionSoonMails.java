package dev.confer.notifications;

import dev.confer.agenda.StarredSessionSoon;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues the nudge before a starred session, in the transaction of the agenda job that decided it, so
 * the mail exists exactly when the job's run counts as done; once per attendee and session.
 */
@Component
class SessionSoonMails {

    private final MailOutbox outbox;
    private final MailWorker worker;

    SessionSoonMails(MailOutbox outbox, MailWorker worker) {
        this.outbox = outbox;
        this.worker = worker;
    }

    @EventListener
    void on(StarredSessionSoon soon) {
        if (!outbox.enqueue(MailKind.SESSION_SOON, soon.registrationId(), soon.eventId(), soon.eventSlug(), soon.sessionCode())) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.nudge();
                }
            });
        } else {
            worker.nudge();
        }
    }
}
