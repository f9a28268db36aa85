package dev.confer.shared;

import java.time.Duration;

/** How long an outbox (mails, alert webhooks) waits before trying a failed delivery again. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after the n-th failed attempt (1-based): {@code first} × 2^(n-1), at most {@code longest}. */
    public static Duration after(int failedAttempts, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
