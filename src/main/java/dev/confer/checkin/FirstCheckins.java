package dev.confer.checkin;

import dev.confer.shared.LockConflicts;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for first check-ins. Every first check-in of a day takes its voucher and seat from the day's one
 * stock row, whose lock is held until the commit, so one check-in a commit would be the ceiling however many desks
 * scan. Instead the check-ins that arrive while a commit is under way wait in a queue, and one writer thread runs
 * the next {@link #BATCH} of them, in arrival order, in one transaction with one commit. Nobody is answered before
 * their check-in has committed, numbers still follow commit order (an answered check-in holds a lower number than
 * any sent after it), and a check-in alone in the queue is done at once, as before.
 *
 * <p>A batch never half-commits: if any of its statements fails (the same ticket scanned at another instance at the
 * same moment, a device id sent twice at once, a deadlock victim), the whole batch rolls back and each of its
 * check-ins is done again on its own, in order, exactly as without batching — so each gets the answer or the error
 * it would have got alone.
 */
@Component
class FirstCheckins implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FirstCheckins.class);
    /** At most this many check-ins share a commit (a few ms of statements: latency stays low). */
    static final int BATCH = 64;

    record Request(long eventId, RegistrationId registrationId, LocalDate day, Instant at, @Nullable String desk,
                           boolean beforeKeynoteEnd, @Nullable UUID clientId,
                           CompletableFuture<Optional<CheckinStore.Taken>> answer) {
    }

    private final CheckinStore store;
    private final TransactionTemplate transaction;
    private final RetryTemplate lockConflicts = LockConflicts.retrying(3);
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private @Nullable Thread writer;

    FirstCheckins(CheckinStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    /** The check-in's voucher and seat numbers once committed; empty when it was not a first check-in. */
    Optional<CheckinStore.Taken> checkInFirst(long eventId, RegistrationId registrationId, LocalDate day, Instant at,
                                              @Nullable String desk, boolean beforeKeynoteEnd, @Nullable UUID clientId) {
        if (!running) { // not started (or stopping): do it here, as a batch of one would
            return alone(eventId, registrationId, day, at, desk, beforeKeynoteEnd, clientId);
        }
        Request request = new Request(eventId, registrationId, day, at, desk, beforeKeynoteEnd, clientId, new CompletableFuture<>());
        queue.add(request);
        try {
            while (true) {
                try {
                    return request.answer().get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    Thread thread = writer;
                    if ((thread == null || !thread.isAlive()) && queue.remove(request)) { // queued as the writer ended
                        return alone(eventId, registrationId, day, at, desk, beforeKeynoteEnd, clientId);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the check-in was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Optional<CheckinStore.Taken> alone(long eventId, RegistrationId registrationId, LocalDate day, Instant at,
                                               @Nullable String desk, boolean beforeKeynoteEnd, @Nullable UUID clientId) {
        return lockConflicts.invoke(() -> store.checkInFirst(eventId, registrationId, day, at, desk, beforeKeynoteEnd, clientId));
    }

    private void writeBatches() {
        List<Request> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                log.error("The check-in writer failed; the check-ins it held get an error", e);
                batch.forEach(r -> r.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    static Request request(long eventId, RegistrationId registrationId, LocalDate day, Instant at, @Nullable String desk,
                           boolean beforeKeynoteEnd, @Nullable UUID clientId) {
        return new Request(eventId, registrationId, day, at, desk, beforeKeynoteEnd, clientId, new CompletableFuture<>());
    }

    /** One batch: together in one transaction, or (if any of it fails) each on its own; every answer completed. */
    void write(List<Request> arrived) {
        List<Request> batch = new ArrayList<>(arrived);
        if (batch.size() > 1) {
            // the days' stock rows in one order in every batch (a stable sort: arrival order within a day stays)
            batch.sort(Comparator.comparingLong(Request::eventId).thenComparing(Request::day));
            List<Optional<CheckinStore.Taken>> taken;
            try {
                taken = transaction.execute(status -> batch.stream()
                        .map(r -> store.checkInFirst(r.eventId(), r.registrationId(), r.day(), r.at(), r.desk(),
                                r.beforeKeynoteEnd(), r.clientId()))
                        .toList());
            } catch (RuntimeException e) {
                taken = null; // rolled back as a whole: each one on its own below
            }
            if (taken != null) {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(taken.get(i));
                }
                return;
            }
        }
        for (Request r : batch) {
            try {
                r.answer().complete(alone(r.eventId(), r.registrationId(), r.day(), r.at(), r.desk(), r.beforeKeynoteEnd(), r.clientId()));
            } catch (RuntimeException e) {
                r.answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::writeBatches, "checkin-writer");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    @Override
    public void stop() {
        running = false; // the writer finishes what is queued, then ends
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
