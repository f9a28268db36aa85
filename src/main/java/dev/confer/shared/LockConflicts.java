package dev.confer.shared;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;

import java.time.Duration;

/**
 * How a transaction that PostgreSQL chose as a deadlock or serialization victim is tried again: at once, a few
 * times, with a little jitter so two victims do not meet again. Nothing was changed by the attempt that lost,
 * so trying again is always safe; a caller never sees a 500 for a lock cycle it did not cause.
 */
public final class LockConflicts {

    private LockConflicts() {
    }

    /** Retries {@link PessimisticLockingFailureException}s (deadlocks, lock and serialization failures) only. */
    public static RetryTemplate retrying(int maxRetries) {
        return new RetryTemplate(RetryPolicy.builder()
                .includes(PessimisticLockingFailureException.class)
                .maxRetries(maxRetries)
                .delay(Duration.ofMillis(2))
                .jitter(Duration.ofMillis(2))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(50))
                .build());
    }
}
