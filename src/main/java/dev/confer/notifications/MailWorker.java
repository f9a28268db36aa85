package dev.confer.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers the outbox after commit: a few threads per instance claim due mails with a lease,
 * compose, send and record the outcome; a failure is retried later with exponential back-off. A mail
 * is marked sent only after the server accepted it, and a claim whose worker died expires, so a crash
 * loses nothing; it can only resend a mail whose sending it interrupted.
 */
@Component
class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final MailSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    MailWorker(MailOutbox outbox, MailComposer composer, MailDelivery delivery, MailSettings settings) {
        this.outbox = outbox;
        this.composer = composer;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** Claims one batch of due mails and delivers it; the number of mails claimed. */
    int deliverDueBatch() {
        List<MailOutbox.PendingMail> due = outbox.claim(settings.batchSize(), settings.lease());
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, MailOutbox.PendingMail> byId = due.stream()
                .collect(Collectors.toMap(MailOutbox.PendingMail::id, Function.identity()));
        List<ComposedMail> ready = new ArrayList<>();
        for (MailOutbox.PendingMail pending : due) {
            try {
                if (composer.tooLate(pending)) {
                    // e.g. a morning reminder that waited out an SMTP outage until the day was over
                    outbox.markDropped(pending.id(), "Too late to be of use when it could be sent");
                    continue;
                }
                Optional<ComposedMail> mail = composer.compose(pending);
                if (mail.isPresent()) {
                    ready.add(mail.get());
                } else {
                    outbox.markSkipped(pending.id(), "No longer applies: the registration changed before the mail went out");
                }
            } catch (RuntimeException e) {
                log.warn("Could not compose mail {} ({} for {})", pending.id(), pending.kind(), pending.registrationId(), e);
                fail(pending, "Could not compose: " + e);
            }
        }
        Map<Long, String> failures = delivery.send(ready);
        for (ComposedMail mail : ready) {
            String failure = failures.get(mail.outboxId());
            if (failure == null) {
                outbox.markSent(mail.outboxId(), delivery.channel(), mail.recipient(), mail.subject(), mail.text(), mail.html());
            } else {
                fail(byId.get(mail.outboxId()), failure);
            }
        }
        if (!failures.isEmpty()) {
            log.warn("{} of {} mails could not be sent and will be retried; first reason: {}", failures.size(), ready.size(),
                    failures.values().iterator().next());
        }
        return due.size();
    }

    private void fail(MailOutbox.PendingMail pending, String reason) {
        int failedAttempts = pending.attempts() + 1;
        if (failedAttempts >= settings.maxAttempts()) {
            log.error("Giving up mail {} ({} for {}) after {} attempts; last reason: {}", pending.id(), pending.kind(),
                    pending.registrationId(), failedAttempts, reason);
            outbox.markGivenUp(pending.id(), reason);
            return;
        }
        outbox.markFailed(pending.id(), reason, settings.retryDelayAfter(failedAttempts));
    }

    /** Something new is in the outbox: a sleeping worker looks now instead of at its next poll. */
    void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = deliverDueBatch();
            } catch (RuntimeException e) {
                log.warn("Mail worker round failed; trying again after {}", settings.pollInterval(), e);
            }
            if (claimed < settings.batchSize()) {
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread thread = Thread.ofPlatform().name("mail-worker-" + i).daemon(true).start(this::loop);
            threads.add(thread);
        }
        log.info("Mail worker started: {} threads, delivering via {}", settings.workers(), delivery.channel());
    }

    /** Lets every thread finish the batch in hand, so its claims are settled rather than left to expire. */
    @Override
    public synchronized void stop() {
        running = false;
        wake.release(threads.size());
        for (Thread thread : threads) {
            try {
                if (!thread.join(STOP_WAIT)) {
                    log.warn("{} did not stop within {}; its claimed mails are retried when their lease ends", thread.getName(), STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        wake.drainPermits();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
