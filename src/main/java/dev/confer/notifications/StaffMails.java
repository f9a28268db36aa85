package dev.confer.notifications;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails to staff addresses (an ops room alert to the organizers), through the same outbox as attendees' mails: stored
 * in the caller's transaction, sent after commit by the mail worker, retried with back-off through an SMTP outage,
 * and queued at most once per event, ref and recipient, however often or on however many instances it is asked for.
 */
@Component
public class StaffMails {

    private final MailOutbox outbox;
    private final MailWorker worker;

    StaffMails(MailOutbox outbox, MailWorker worker) {
        this.outbox = outbox;
        this.worker = worker;
    }

    /** Queues an ops alert mail already written in the recipient's language; true when it was not queued before. */
    public boolean alert(long eventId, String eventSlug, String alertId, String recipient, String subject, String text) {
        String html = "<!doctype html><html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">"
                + HtmlUtils.htmlEscape(text, "UTF-8") + "</pre></body></html>";
        boolean queued = outbox.enqueueComposed(MailKind.OPS_ALERT, eventId, eventSlug, alertId, recipient, subject, text, html);
        if (queued) {
            worker.nudge();
        }
        return queued;
    }
}
