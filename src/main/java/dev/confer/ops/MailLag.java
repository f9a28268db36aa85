package dev.confer.ops;

import dev.confer.notifications.MailBacklog;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The {@code mail} signal (subject {@code backlog}) in <em>event time</em>: per minute of the day, how many whole event
 * minutes the oldest mail still unsent when the floor's clock left that minute had been waiting. Pure: it needs only
 * when the event clock passed each minute and when each mail was queued and settled, so a day replayed at 80× is judged
 * exactly like the live day.
 *
 * <p><b>The event clock</b> leaves minute {@code m} when the server first hears of a scan recorded at minute
 * {@code m + 1} or later ({@code tap.received_at}, the earliest over every door and booth: an offline device syncing
 * late changes nothing, the online ones were heard at once). Live that is the wall clock give or take a sync; in a
 * replay it is how far the replay has got. A day without any tap uses the wall clock itself. A minute the clock has
 * not left yet is not judged.
 *
 * <p><b>A mail's due minute</b> is the event minute in which it was queued (the outbox row's {@code created_at} read
 * on that clock: the walk-in's confirmation, the nudge before a session, the lab seat passed on, an alert). A mail
 * settled (sent, given up or dropped) before the clock left minute {@code m} does not count at {@code m}; retries waiting
 * count. Only the day's own mail is judged: queued once the floor's first scan of the day was heard (without scans, from
 * the doors' opening). Registrations' mails of weeks ago, or the morning reminder of 07:00, are not the floor's; a
 * backlog of those is what Prometheus' {@code confer_mail_oldest_due_age_seconds} and its alert rule watch in wall
 * time, and it would make a replay started before the outbox drained look like a stuck morning.
 */
final class MailLag {

    private MailLag() {
    }

    /**
     * {@code passed[m]} = when the event clock left minute {@code m} (non-decreasing; null from the first minute it has
     * not left); the backlog per minute, as long as the leading non-null run of {@code passed}.
     */
    static int[] perMinute(@Nullable Instant[] passed, List<MailBacklog.Mail> mails) {
        int n = 0;
        while (n < passed.length && passed[n] != null) {
            n++;
        }
        int[] backlog = new int[n];
        for (MailBacklog.Mail mail : mails) {
            int due = dueMinute(passed, n, mail.queued());
            for (int m = due; m < n; m++) {
                Instant at = passed[m];
                if (mail.settled() != null && !mail.settled().isAfter(at)) {
                    break; // settled before the clock left m, and so before every later minute too
                }
                backlog[m] = Math.max(backlog[m], m - due);
            }
        }
        return backlog;
    }

    /** The first minute the clock had not left when the mail was queued ({@code n} when it had left them all). */
    static int dueMinute(@Nullable Instant[] passed, int n, Instant queued) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (passed[mid].isAfter(queued)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * When the event clock left each of {@code minutes} minutes from {@code firstHeard} ({@code firstHeard[k]} = when
     * the server first heard of a scan recorded in minute {@code k}, null if none; {@code later} = first heard of any
     * scan after the stretch, or null): the earliest first-heard of any later minute. Without any scan at all, the wall
     * clock: minute {@code m} is left at {@code start + m + 1} minutes, if that is not after {@code now}.
     */
    static @Nullable Instant[] clock(Instant start, @Nullable Instant[] firstHeard, @Nullable Instant later, Instant now) {
        int minutes = firstHeard.length;
        Instant[] passed = new Instant[minutes];
        boolean anyScan = later != null || java.util.Arrays.stream(firstHeard).anyMatch(java.util.Objects::nonNull);
        if (!anyScan) {
            for (int m = 0; m < minutes; m++) {
                Instant end = start.plusSeconds(60L * (m + 1));
                passed[m] = end.isAfter(now) ? null : end;
            }
            return passed;
        }
        Instant earliest = later;
        for (int m = minutes - 1; m >= 0; m--) {
            passed[m] = earliest; // left m when the first scan of m + 1 or later was heard
            Instant heard = firstHeard[m];
            if (heard != null && (earliest == null || heard.isBefore(earliest))) {
                earliest = heard;
            }
        }
        return passed;
    }
}
