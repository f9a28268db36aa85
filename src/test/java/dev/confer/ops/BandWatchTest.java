package dev.confer.ops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The bands and alerts on synthetic floors: Poisson arrivals per minute at 12 desks, seeded, so every run is the same. */
class BandWatchTest {

    private static final Instant NINE = Instant.parse("2037-05-14T00:00:00Z");
    private static final int DESKS = 12;
    private static final int MINUTES = 240;

    @Test
    void aSteadyFloorRaisesNothing() {
        assertThat(BandWatch.judge(floor(1, m -> 20))).isEmpty();
    }

    @Test
    void aRushThatEveryDeskSeesRaisesNothing() {
        // 5 a minute, rising to 40 over ten minutes before the keynote, back down after half an hour
        IntToDoubleFunction rush = m -> m < 60 ? 5 : m < 70 ? 5 + 3.5 * (m - 60) : m < 100 ? 40 : m < 110 ? 40 - 3.5 * (m - 100) : 5;
        assertThat(BandWatch.judge(floor(2, rush))).isEmpty();
    }

    @Test
    void aSlowDriftOfTheWholeFloorRaisesNothing() {
        assertThat(BandWatch.judge(floor(3, m -> 10 + 20.0 * m / MINUTES))).isEmpty();
    }

    @Test
    void aTrickleOfHalfAPersonAMinuteRaisesNothing() {
        assertThat(BandWatch.judge(floor(8, m -> 0.5))).isEmpty();
    }

    @Test
    void aDeskThatStopsDuringTheRushStaysOneSilentAlertThroughTheTrickleAfter() {
        // 30 a minute until minute 60, then 0.6 a minute; desk-02 stops at minute 45 and never scans again
        SignalDay day = floor(9, m -> m < 60 ? 30 : 0.6);
        java.util.Arrays.fill(day.counts.get("desk-02"), 45, MINUTES, 0);
        List<BandWatch.Alert> alerts = BandWatch.judge(day);
        assertThat(alerts).extracting(a -> a.subject() + " " + a.kind()).containsExactly("desk-02 SILENT");
        assertThat(alerts.getFirst().openedAt()).isBetween(day.minute(45), day.minute(48));
    }

    @Test
    void aSingleSpikeDoesNotAlert() {
        SignalDay day = floor(4, m -> 20);
        day.counts.get("desk-05")[120] = 200;
        day.counts.get("desk-07")[121] = 0;
        assertThat(BandWatch.judge(day)).isEmpty();
    }

    @Test
    void aStoppedDeskIsSilentWithinFiveMinutesAndClosesWhenItScansAgain() {
        SignalDay day = floor(5, m -> 20);
        int[] stopped = day.counts.get("desk-03");
        for (int m = 90; m < 110; m++) {
            stopped[m] = 0;
        }
        List<BandWatch.Alert> alerts = BandWatch.judge(day);
        assertThat(alerts).hasSize(1);
        BandWatch.Alert alert = alerts.getFirst();
        assertThat(alert.subject()).isEqualTo("desk-03");
        assertThat(alert.kind()).isEqualTo(BandWatch.Kind.SILENT);
        assertThat(alert.openedAt()).isBetween(day.minute(90), day.minute(95));
        assertThat(alert.closedAt()).isBetween(day.minute(110), day.minute(112));
        assertThat(alert.expectedLo()).isGreaterThan(0);
        assertThat(alert.id()).isEqualTo("arrivals:desk-03:" + alert.openedAt().getEpochSecond() / 60);
    }

    @Test
    void aSlowDeskIsBelowItsBandAndABusyOneAbove() {
        SignalDay day = floor(6, m -> 30);
        Random random = new Random(60);
        int[] slow = day.counts.get("desk-02");
        int[] busy = day.counts.get("desk-09");
        for (int m = 100; m < 130; m++) {
            slow[m] = poisson(random, 6);
            busy[m] = poisson(random, 90);
        }
        List<BandWatch.Alert> alerts = BandWatch.judge(day);
        assertThat(alerts).extracting(BandWatch.Alert::subject, BandWatch.Alert::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("desk-02", BandWatch.Kind.BELOW_BAND),
                        org.assertj.core.groups.Tuple.tuple("desk-09", BandWatch.Kind.ABOVE_BAND));
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.openedAt()).isBetween(day.minute(100), day.minute(105));
            assertThat(a.closedAt()).isBetween(day.minute(130), day.minute(133));
        });
        BandWatch.Alert above = alerts.stream().filter(a -> a.kind() == BandWatch.Kind.ABOVE_BAND).findFirst().orElseThrow();
        assertThat(above.observed()).isGreaterThan(above.expectedHi());
    }

    @Test
    void aLoneDeskIsJudgedAgainstTheSameMinutesOfAnEarlierDay() {
        Random random = new Random(7);
        IntToDoubleFunction level = m -> m < 60 ? 8 : m < 120 ? 25 : 8;
        int[] today = new int[MINUTES];
        int[] rehearsal = new int[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            today[m] = poisson(random, level.applyAsDouble(m) * 1.1); // a little busier than the rehearsal: no alert
            rehearsal[m] = poisson(random, level.applyAsDouble(m));
        }
        SignalDay steady = new SignalDay("arrivals", NINE, MINUTES).subject("desk-01", today.clone()).history("desk-01", rehearsal);
        assertThat(BandWatch.judge(steady)).isEmpty();

        for (int m = 150; m < 170; m++) {
            today[m] = 0;
        }
        SignalDay silent = new SignalDay("arrivals", NINE, MINUTES).subject("desk-01", today).history("desk-01", rehearsal);
        List<BandWatch.Alert> alerts = BandWatch.judge(silent);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(BandWatch.Kind.SILENT);
            assertThat(a.openedAt()).isBetween(silent.minute(150), silent.minute(155));
        });
    }

    @Test
    void theBandHasALowerAndAnUpperBound() {
        Band band = Band.of(new double[]{18, 20, 21, 19, 22, 20, 60});
        assertThat(band.center()).isEqualTo(20);
        assertThat(band.lo()).isGreaterThan(0).isLessThan(20);
        assertThat(band.hi()).isGreaterThan(20).isLessThan(60); // the outlier does not widen it
        assertThat(band.below(0)).isTrue();
        assertThat(band.above(60)).isTrue();
        assertThat(band.below(20) || band.above(20)).isFalse();
    }

    private static SignalDay floor(long seed, IntToDoubleFunction level) {
        Random random = new Random(seed);
        SignalDay day = new SignalDay("arrivals", NINE, MINUTES);
        for (int d = 1; d <= DESKS; d++) {
            int[] counts = new int[MINUTES];
            for (int m = 0; m < MINUTES; m++) {
                counts[m] = poisson(random, level.applyAsDouble(m));
            }
            day.subject(String.format("desk-%02d", d), counts);
        }
        return day;
    }

    /** Knuth's method; fine for the small means used here. */
    static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
