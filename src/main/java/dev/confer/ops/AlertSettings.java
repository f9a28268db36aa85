package dev.confer.ops;

import dev.confer.shared.Backoff;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where and how alerts go out ({@code confer.ops.alerts.*}). The addresses, webhook and language are the defaults for
 * every event; an organizer sets an event's own with {@code PUT /api/v1/events/{slug}/ops/delivery}.
 *
 * @param mailTo          organizer addresses every alert is mailed to (through the mail outbox)
 * @param webhook         a Slack-compatible incoming webhook ({@code {"text": ...}}); a secret, so never in a definition
 * @param language        {@code ko} or {@code en}: the language of the mails and webhook messages
 * @param sweepEvery      how often each instance looks for newly opened alerts of the events running today
 * @param retryDelay      the first webhook retry waits this long, every further one twice as long
 * @param maxRetryDelay   the longest wait between webhook retries
 * @param maxAttempts     a webhook message is given up after this many failed attempts
 * @param lease           how long a claimed webhook message is held before another instance may take it
 * @param pollInterval    how often an idle webhook worker looks for due messages
 * @param timeout         how long a webhook call may take
 */
@ConfigurationProperties("confer.ops.alerts")
record AlertSettings(@DefaultValue List<String> mailTo,
                     @Nullable String webhook,
                     @DefaultValue("ko") String language,
                     @DefaultValue("30s") Duration sweepEvery,
                     @DefaultValue("10s") Duration retryDelay,
                     @DefaultValue("10m") Duration maxRetryDelay,
                     @DefaultValue("20") int maxAttempts,
                     @DefaultValue("30s") Duration lease,
                     @DefaultValue("2s") Duration pollInterval,
                     @DefaultValue("10s") Duration timeout) {

    /** The wait after the n-th failed attempt (1-based): retryDelay × 2^(n-1), at most maxRetryDelay. */
    Duration retryDelayAfter(int failedAttempts) {
        return Backoff.after(failedAttempts, retryDelay, maxRetryDelay);
    }
}
