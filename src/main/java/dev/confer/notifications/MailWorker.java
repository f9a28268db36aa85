package dev.confer.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox after commit, one mail at a time per claim: a few threads per instance each claim
 * the next due mail with a short lease ({@code FOR UPDATE SKIP LOCKED}, so any number of instances can
 * run), compose it, send it and record it as sent at once; a heartbeat renews the leases of the mails in
 * hand while that takes. A failure is retried later with exponential back-off. An instance that dies
 * stops renewing, so its mails are claimed again once their lease ends (15 s by default): a crash loses
 * nothing and can resend only the one mail whose sending it interrupted (see {@link MailDelivery}).
 */
@Component
class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration MARK_PATIENCE = Duration.ofSeconds(60);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final MailSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    /** Outbox ids claimed by this instance and not yet settled: the heartbeat renews their leases. */
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    MailWorker(MailOutbox outbox, MailComposer composer, MailDelivery delivery, MailSettings settings) {
        this.outbox = outbox;
        this.composer = composer;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** Claims the next due mail and delivers it; false when none was due. */
    boolean deliverNext() {
        List<MailOutbox.PendingMail> claimed = outbox.claim(1, settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        MailOutbox.PendingMail pending = claimed.getFirst();
        inHand.add(pending.id());
        try {
            deliver(pending);
        } finally {
            inHand.remove(pending.id());
        }
        return true;
    }

    /** Delivers mails until none is due; the number handled (tests and start-up use it). */
    int deliverDue() {
        int handled = 0;
        while (deliverNext()) {
            handled++;
        }
        return handled;
    }

    private void deliver(MailOutbox.PendingMail pending) {
        Optional<ComposedMail> composed;
        try {
            if (composer.tooLate(pending)) {
                // e.g. a morning reminder that waited out an SMTP outage until the day was over
                outbox.markDropped(pending.id(), "Too late to be of use when it could be sent");
                return;
            }
            composed = composer.compose(pending);
        } catch (RuntimeException e) {
            log.warn("Could not compose mail {} ({} for {})", pending.id(), pending.kind(), pending.registrationId(), e);
            fail(pending, "Could not compose: " + e);
            return;
        }
        if (composed.isEmpty()) {
            outbox.markSkipped(pending.id(), "No longer applies: the registration changed before the mail went out");
            return;
        }
        ComposedMail mail = composed.get();
        String failure = delivery.send(mail, () -> markSent(mail));
        if (failure != null) {
            // an SMTP server's answer may quote the recipient: no address goes into the log
            log.warn("Mail {} ({}) could not be sent and will be retried: {}", pending.id(), pending.kind(),
                    withoutAddresses(failure));
            fail(pending, failure);
        }
    }

    /**
     * The server has the mail: record it before anything else, and keep trying while the database is away
     * (the lease is renewed meanwhile), since a mail left unrecorded would go out again.
     */
    private void markSent(ComposedMail mail) {
        long deadline = System.nanoTime() + MARK_PATIENCE.toNanos();
        while (true) {
            try {
                outbox.markSent(mail.outboxId(), delivery.channel(), mail.recipient(), mail.subject(), mail.text(), mail.html());
                return;
            } catch (DataAccessException e) {
                if (System.nanoTime() > deadline) {
                    log.error("Mail {} was sent but could not be recorded; it will be sent again", mail.outboxId(), e);
                    return;
                }
                log.warn("Mail {} was sent; recording it failed, trying again: {}", mail.outboxId(), e.getMessage());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String withoutAddresses(String text) {
        return text.replaceAll("[^\\s<>\"']+@[^\\s<>\"']+", "<address>");
    }

    private void fail(MailOutbox.PendingMail pending, String reason) {
        int failedAttempts = pending.attempts() + 1;
        if (failedAttempts >= settings.maxAttempts()) {
            log.error("Giving up mail {} ({} for {}) after {} attempts; last reason: {}", pending.id(), pending.kind(),
                    pending.registrationId(), failedAttempts, withoutAddresses(reason));
            outbox.markGivenUp(pending.id(), reason);
            return;
        }
        outbox.markFailed(pending.id(), reason, settings.retryDelayAfter(failedAttempts));
    }

    /** Renews the leases of the mails in hand; closes an SMTP connection nobody used for a while. */
    private void beat() {
        try {
            List<Long> ids = List.copyOf(inHand);
            if (!ids.isEmpty()) {
                outbox.renew(ids, settings.lease());
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the leases of {} mails in hand: {}", inHand.size(), e.getMessage());
        }
        delivery.closeIfIdle(settings.heartbeat());
    }

    /** Something new is in the outbox: a sleeping worker looks now instead of at its next poll. */
    void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            boolean delivered = false;
            try {
                delivered = deliverNext(); // the next one right away while there is work
            } catch (RuntimeException e) {
                log.warn("Mail worker round failed; trying again after {}", settings.pollInterval(), e);
            }
            if (!delivered) {
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
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mail-lease").daemon(true).factory());
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < settings.workers(); i++) {
            Thread thread = Thread.ofPlatform().name("mail-worker-" + i).daemon(true).start(this::loop);
            threads.add(thread);
        }
        log.info("Mail worker started: {} threads, leases of {} renewed every {}, delivering via {}", settings.workers(),
                settings.lease(), settings.heartbeat(), delivery.channel());
    }

    /** Lets every thread finish the mail in hand, so its claim is settled rather than left to expire. */
    @Override
    public synchronized void stop() {
        running = false;
        wake.release(threads.size());
        for (Thread thread : threads) {
            try {
                if (!thread.join(STOP_WAIT)) {
                    log.warn("{} did not stop within {}; its mail is retried when its lease ends", thread.getName(), STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        delivery.closeIfIdle(Duration.ZERO);
        wake.drainPermits();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
