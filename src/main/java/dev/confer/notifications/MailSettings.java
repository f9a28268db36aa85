package dev.confer.notifications;

import dev.confer.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the mail worker runs ({@code confer.mail.*}). SMTP itself is configured with the standard
 * {@code spring.mail.*} settings; without {@code spring.mail.host} mails are kept for {@code /dev/mail}.
 *
 * @param pollInterval  how often an idle worker looks for due mails (a new registration wakes it at once)
 * @param workers       worker threads per instance; each claims and composes one mail at a time, and they take
 *                      turns on the instance's one SMTP connection; every instance of the app runs its own
 * @param lease         how long a claim holds without renewal; the mails of an instance that died are claimed
 *                      by another (or the restarted) instance after this
 * @param heartbeat     how often the claims of the mails in hand are renewed while they are composed and sent
 *                      (an SMTP server may take minutes to answer; the lease is renewed meanwhile)
 * @param retryDelay    the first retry waits this long, every further one twice as long as the one before
 * @param maxRetryDelay the longest wait between retries
 * @param maxAttempts   after this many failed attempts a mail is given up ({@code delivered_via = 'failed'},
 *                      listed at /dev/mail with its last error); 20 attempts span about half a day
 * @param publicUrl     where attendees reach Confer, for the links in the mails
 * @param from          the sender of every mail
 */
@ConfigurationProperties("confer.mail")
record MailSettings(@DefaultValue("2s") Duration pollInterval,
                    @DefaultValue("2") int workers,
                    @DefaultValue("15s") Duration lease,
                    @DefaultValue("5s") Duration heartbeat,
                    @DefaultValue("10s") Duration retryDelay,
                    @DefaultValue("1h") Duration maxRetryDelay,
                    @DefaultValue("20") int maxAttempts,
                    @DefaultValue("http://localhost:8080") String publicUrl,
                    @DefaultValue("Confer <no-reply@confer.local>") String from) {

    MailSettings {
        workers = Math.max(1, workers);
        maxAttempts = Math.max(1, maxAttempts);
        // a renewal must come well before the lease ends, or another instance may take the mail mid-send
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            heartbeat = lease.dividedBy(3);
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The wait after the n-th failed attempt (1-based): retryDelay × 2^(n-1), at most maxRetryDelay. */
    Duration retryDelayAfter(int failedAttempts) {
        return Backoff.after(failedAttempts, retryDelay, maxRetryDelay);
    }
}
