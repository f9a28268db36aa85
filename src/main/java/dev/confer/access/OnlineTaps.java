package dev.confer.access;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Group commit for live taps ({@code POST .../taps}, the door and booth pages): the shape of
 * {@code checkin.FirstCheckins}. Each tap is one statement ({@link Turnstile}) and was its own commit, so the taps of
 * many doors waited on the disk one commit each. Now the taps that arrive while a commit is under way wait in a queue
 * and one writer thread runs the next {@link #BATCH} of them in ONE transaction with one commit; a tap alone in the
 * queue is done at once, as before. Nobody is answered before their tap has committed, and each answer is the one
 * its own statement gave.
 *
 * <p>Within a group the statements go per tap point (in arrival order within a point) with the points sorted, as in
 * {@link SyncedTaps}, so two groups take the points' rows in one order (docs/architecture.md, floor lock order). A group
 * never half-commits: if any statement fails (a tap id sent twice at once, the same attendee at another door at the
 * same moment, a deadlock victim), the whole group rolls back and each of its taps is done again on its own, with the
 * single tap's retries, so each gets the answer or the error it would have got alone.
 */
@Component
class OnlineTaps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OnlineTaps.class);
    /** At most this many taps share a commit (a few ms of statements: latency stays low). */
    static final int BATCH = 64;

    /**
     * A tap waiting for its group: {@code once} is its statement (one attempt, in the group's transaction),
     * {@code alone} the same tap on its own with its retries.
     */
    record Request(String point, Supplier<TapAnswer> once, Supplier<TapAnswer> alone, CompletableFuture<TapAnswer> answer) {
    }

    private final TransactionTemplate transaction;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private @Nullable Thread writer;

    OnlineTaps(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /** The tap's answer once it has committed (or the exception its statement threw on its own). */
    TapAnswer pass(String point, Supplier<TapAnswer> once, Supplier<TapAnswer> alone) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            // not started (or stopping): a group of one; inside a caller's transaction: in it, never waiting on the
            // writer while holding that transaction's locks
            return alone.get();
        }
        Request request = new Request(point, once, alone, new CompletableFuture<>());
        queue.add(request);
        try {
            while (true) {
                try {
                    return request.answer().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillWaiting) {
                    Thread thread = writer;
                    if ((thread == null || !thread.isAlive()) && queue.remove(request)) { // queued as the writer ended
                        return alone.get();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the tap was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeGroups() {
        List<Request> group = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, BATCH - 1);
                write(group);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                log.error("The tap writer failed; the taps it held get an error", e);
                group.forEach(r -> r.answer().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** One group: together in one transaction, or (if any of it fails) each on its own; every answer completed. */
    void write(List<Request> arrived) {
        List<Request> group = new ArrayList<>(arrived);
        if (group.size() > 1) {
            group.sort(Comparator.comparing(Request::point)); // stable: arrival order within a point stays
            List<TapAnswer> answers;
            try {
                answers = transaction.execute(status -> group.stream().map(r -> r.once().get()).toList());
            } catch (RuntimeException e) {
                answers = null; // rolled back as a whole: each one on its own below
            }
            if (answers != null) {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).answer().complete(answers.get(i));
                }
                return;
            }
        }
        for (Request r : group) {
            try {
                r.answer().complete(r.alone().get());
            } catch (RuntimeException e) {
                r.answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::writeGroups, "tap-writer");
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
