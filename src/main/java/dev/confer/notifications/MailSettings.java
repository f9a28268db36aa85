package dev.confer.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the mail worker runs ({@code confer.mail.*}). SMTP itself is configured with the standard
 * {@code spring.mail.*} settings; without {@code spring.mail.host} mails are kept for {@code /dev/mail}.
 *
 * @param batchSize     mails one worker claims at a time
 * @param pollInterval  how often an idle worker looks for due mails (a new registration wakes it at once)
 * @param workers       worker threads per instance; every instance of the app runs its own
 * @param lease         how long a claim holds; a worker that died mid-send frees its mails after this. It must
 *                      outlast sending one batch (see the SMTP timeouts in application.properties)
 * @param retryDelay    the first retry waits this long, every further one twice as long as the one before
 * @param maxRetryDelay the longest wait between retries
 * @param maxAttempts   after this many failed attempts a mail is given up ({@code delivered_via = 'failed'},
 *                      listed at /dev/mail with its last error); 20 attempts span about half a day
 * @param publicUrl     where attendees reach Confer, for the links in the mails
 * @param from          the sender of every mail
 */
@ConfigurationProperties("confer.mail")
record MailSettings(@DefaultValue("50") int batchSize,
                    @DefaultValue("2s") Duration pollInterval,
                    @DefaultValue("1") int workers,
                    @DefaultValue("5m") Duration lease,
                    @DefaultValue("10s") Duration retryDelay,
                    @DefaultValue("1h") Duration maxRetryDelay,
                    @DefaultValue("20") int maxAttempts,
                    @DefaultValue("http://localhost:8080") String publicUrl,
                    @DefaultValue("Confer <no-reply@confer.local>") String from) {

    MailSettings {
        batchSize = Math.max(1, batchSize);
        workers = Math.max(1, workers);
        maxAttempts = Math.max(1, maxAttempts);
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The wait after the n-th failed attempt (1-based): retryDelay × 2^(n-1), at most maxRetryDelay. */
    Duration retryDelayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
