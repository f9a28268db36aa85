package dev.confer.ops;

import dev.confer.notifications.MailBacklog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail backlog in event time on synthetic days: a replay at 80× (an event minute passes in 0.75 wall seconds) with
 * mails queued at a steady pace, each sent a little later, and SMTP refusing for 10 event minutes from 10:00.
 */
class MailLagTest {

    private static final Instant OPEN = Instant.parse("2037-05-14T00:00:00Z"); // 09:00 in Seoul, doors open
    private static final Instant WALL = Instant.parse("2037-05-15T03:00:00Z"); // the replay starts the next day
    private static final Duration EVENT_MINUTE = Duration.ofMillis(750);
    private static final int MINUTES = 180;

    @Test
    void aSteadyFlowOfMailsRaisesNothing() {
        List<BandWatch.Alert> alerts = judge(day(-1, 0));
        assertThat(alerts).isEmpty();
    }

    @Test
    void smtpRefusingForTenMinutesAlertsWithinAFewMinutesAndClosesWhenItIsBack() {
        int from = 60; // 10:00
        int[] backlog = backlog(day(from, 10));
        assertThat(backlog[from - 1]).isZero();
        assertThat(backlog[from + 5]).isBetween(4, 6); // the first refused mail has waited about 5 minutes
        List<BandWatch.Alert> alerts = judge(day(from, 10));
        assertThat(alerts).hasSize(1);
        BandWatch.Alert alert = alerts.getFirst();
        assertThat(alert.signal() + " " + alert.subject() + " " + alert.kind()).isEqualTo("mail backlog ABOVE_BAND");
        assertThat(minute(alert.openedAt())).isBetween(from + 3, from + 8);
        assertThat(alert.closedAt()).isNotNull();
        assertThat(minute(alert.closedAt())).isBetween(from + 10, from + 14);
    }

    @Test
    void oneMailStuckForAFewMinutesIsNoIncident() {
        List<MailBacklog.Mail> mails = new ArrayList<>(day(-1, 0).mails);
        mails.add(new MailBacklog.Mail(wall(70).plusMillis(1), wall(73).plusMillis(1))); // a slow mail: 3 event minutes
        Day day = new Day(day(-1, 0).passed, mails);
        assertThat(backlog(day)[72]).isEqualTo(2);
        assertThat(judge(day)).isEmpty();
    }

    @Test
    void theEventClockIsTheFirstScanHeardOfEachLaterMinute() {
        Instant[] heard = new Instant[5];
        heard[0] = wall(0);
        heard[1] = wall(5); // an offline device's late sync does not hold the clock back...
        heard[2] = wall(2); // ...the online device heard earlier for a later minute moves it on
        heard[4] = wall(4);
        Instant[] passed = MailLag.clock(OPEN, heard, null, WALL.plusSeconds(3600));
        assertThat(passed).containsExactly(wall(2), wall(2), wall(4), wall(4), null);

        Instant[] quiet = MailLag.clock(OPEN, new Instant[5], null, OPEN.plusSeconds(150)); // no scans: the wall clock
        assertThat(quiet).containsExactly(OPEN.plusSeconds(60), OPEN.plusSeconds(120), null, null, null);

        // a mail queued before the clock left minute 1, sent after it left minute 3: waiting at minutes 1, 2, 3
        int[] backlog = MailLag.perMinute(new Instant[] {wall(1), wall(2), wall(3), wall(4), null},
                List.of(new MailBacklog.Mail(wall(1).minusMillis(1), wall(4).plusMillis(1))));
        assertThat(backlog).containsExactly(0, 1, 2, 3);
    }

    private record Day(Instant[] passed, List<MailBacklog.Mail> mails) {
    }

    /**
     * Three mails per event minute (walk-ins' confirmations), each sent 0.1-0.7 s later; SMTP refusing for {@code for}
     * minutes from minute {@code from}: what was queued then goes out at once when it accepts again.
     */
    private static Day day(int from, int minutes) {
        Random random = new Random(20261203);
        Instant[] passed = new Instant[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            passed[m] = wall(m + 1);
        }
        Instant back = wall(from + minutes);
        List<MailBacklog.Mail> mails = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            for (int i = 0; i < 3; i++) {
                Instant queued = wall(m).plusMillis(random.nextInt(750));
                Instant sent = queued.plusMillis(100 + random.nextInt(600));
                if (from >= 0 && !sent.isBefore(wall(from)) && sent.isBefore(back)) {
                    sent = back.plusMillis(50L * mails.size() % 500); // the retries after the outage
                }
                mails.add(new MailBacklog.Mail(queued, sent));
            }
        }
        return new Day(passed, mails);
    }

    private static int[] backlog(Day day) {
        return MailLag.perMinute(day.passed, day.mails);
    }

    private static List<BandWatch.Alert> judge(Day day) {
        return BandWatch.judge(FloorSignals.mailSignal(OPEN, backlog(day)));
    }

    /** When the replay reached event minute {@code m}. */
    private static Instant wall(int m) {
        return WALL.plus(EVENT_MINUTE.multipliedBy(m));
    }

    private static int minute(Instant at) {
        return (int) Duration.between(OPEN, at).toMinutes();
    }
}
