package dev.confer.ops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Room fill, the voucher forecast, the mail backlog (see also {@link MailLagTest}) and the instance's errors and latency on synthetic series. */
class MoreSignalsTest {

    private static final Instant START = Instant.parse("2037-05-14T00:00:00Z");

    @Test
    void aRoomFarFullerThanTheOthersAlertsAndAQuietOneDoesNot() {
        SignalDay fill = new SignalDay("fill", START, 60).watch(BandWatch.Kind.ABOVE_BAND);
        int[] levels = {30, 35, 38, 40, 42, 45, 50};
        for (int r = 0; r < levels.length; r++) {
            fill.subject("R" + r, constant(60, levels[r]), on(60, 10, 60));
        }
        fill.subject("FULL", constant(60, 95), on(60, 10, 60));
        fill.subject("QUIET", constant(60, 4), on(60, 10, 60));
        List<BandWatch.Alert> alerts = BandWatch.judge(fill);
        assertThat(alerts).extracting(a -> a.subject() + " " + a.kind()).containsExactly("FULL ABOVE_BAND");
        // judged from minute 12 (the siblings count once they have worked 3 minutes), then 3 minutes in a row above
        assertThat(alerts.getFirst().openedAt()).isEqualTo(START.plusSeconds(60 * 14));
        assertThat(alerts.getFirst().expectedHi()).isLessThan(95);
    }

    @Test
    void vouchersGoingFasterThanTheStockCanLastAlertWithTheForecastTime() {
        // 600 vouchers to last until minute 240 (end of lunch) for 2,000 confirmed; 10 a minute from minute 0
        int[] issued = constant(120, 10);
        VoucherForecast.Stock stock = new VoucherForecast.Stock(START, issued, issued.clone(), 600, 0, 0, 2000, 240);
        List<BandWatch.Alert> alerts = VoucherForecast.judge(stock);
        assertThat(alerts).hasSize(1);
        BandWatch.Alert alert = alerts.getFirst();
        assertThat(alert.kind()).isEqualTo(BandWatch.Kind.ABOVE_BAND);
        assertThat(alert.openedAt()).isEqualTo(START.plusSeconds(60 * 2)); // three minutes in a row short
        assertThat(alert.forecastAt()).isEqualTo(START.plusSeconds(60 * 60)); // 600 at 10 a minute: gone at minute 60
        assertThat(alert.closedAt()).isNull(); // out of stock with people still to come: stays open
        assertThat(alert.observed()).isEqualTo(10);
    }

    @Test
    void vouchersThatLastOrCannotRunOutRaiseNothing() {
        int[] slow = constant(120, 2); // 2 a minute: 600 last 300 minutes, past the end of lunch
        assertThat(VoucherForecast.judge(new VoucherForecast.Stock(START, slow, slow.clone(), 600, 0, 0, 1000, 240))).isEmpty();
        int[] fast = constant(120, 10); // fast, but the stock covers everyone who is confirmed
        assertThat(VoucherForecast.judge(new VoucherForecast.Stock(START, fast, fast.clone(), 1000, 0, 0, 1000, 240))).isEmpty();
        assertThat(VoucherForecast.judge(null)).isEmpty();
    }

    @Test
    void aGrowingMailBacklogAlertsAndClosesWhenItDrains() {
        int[] backlog = new int[80];
        for (int m = 40; m < 50; m++) {
            backlog[m] = m - 39; // SMTP refuses from minute 40: the oldest mail waits 1, 2, 3, ... minutes
        }
        List<BandWatch.Alert> alerts = BandWatch.judge(FloorSignals.mailSignal(START, backlog));
        assertThat(alerts).hasSize(1);
        BandWatch.Alert alert = alerts.getFirst();
        assertThat(alert.kind()).isEqualTo(BandWatch.Kind.ABOVE_BAND);
        assertThat(alert.openedAt()).isBetween(START.plusSeconds(60 * 44), START.plusSeconds(60 * 47));
        assertThat(alert.closedAt()).isBetween(START.plusSeconds(60 * 50), START.plusSeconds(60 * 53));
    }

    @Test
    void anErrorBurstAlertsButASingleBadMinuteDoesNot() {
        int[] errors = new int[90];
        errors[30] = 50;
        assertThat(BandWatch.judge(ResourceWatch.signal("errors", "5xx", START, errors, on(90, 0, 90)))).isEmpty();
        Arrays.fill(errors, 60, 66, 20);
        List<BandWatch.Alert> alerts = BandWatch.judge(ResourceWatch.signal("errors", "5xx", START, errors, on(90, 0, 90)));
        assertThat(alerts).extracting(a -> a.signal() + " " + a.kind()).containsExactly("errors ABOVE_BAND");
        assertThat(alerts.getFirst().openedAt()).isBetween(START.plusSeconds(60 * 61), START.plusSeconds(60 * 64));
    }

    @Test
    void aLatencyStepAlertsWhileNoisyNormalLatencyAndQuietMinutesDoNot() {
        Random random = new Random(7);
        int[] latency = new int[90];
        boolean[] served = new boolean[90];
        for (int m = 0; m < 90; m++) {
            latency[m] = 35 + random.nextInt(11);
            served[m] = m % 17 != 0; // a few minutes without any request
        }
        assertThat(BandWatch.judge(ResourceWatch.signal("latency", "mean", START, latency, served))).isEmpty();
        Arrays.fill(latency, 70, 78, 400);
        List<BandWatch.Alert> alerts = BandWatch.judge(ResourceWatch.signal("latency", "mean", START, latency, served));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().openedAt()).isBetween(START.plusSeconds(60 * 71), START.plusSeconds(60 * 74));
        assertThat(alerts.getFirst().closedAt()).isNotNull();
    }

    private static int[] constant(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static boolean[] on(int n, int from, int to) {
        boolean[] a = new boolean[n];
        Arrays.fill(a, from, to, true);
        return a;
    }
}
