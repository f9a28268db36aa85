package dev.confer.ops;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lunch vouchers running out before they should, with the forecast time. Per minute of event time: the pace is the
 * mean number issued per minute over the last {@link #PACE_WINDOW} minutes; at that pace the stock left lasts
 * {@code left / pace} minutes, and the highest pace the stock can sustain until the lunch ends (else the day) is
 * {@code left / minutes to go}: that is the band {@code [0, sustainable]}. An {@code ABOVE_BAND} alert opens when the
 * forecast run-out comes before the planned end for {@link BandWatch#PERSISTENCE} minutes in a row while more confirmed
 * attendees are still to arrive than there are vouchers left (otherwise the stock cannot run out); it carries the
 * forecast run-out time and closes when the forecast is back after the planned end or the planned end has come.
 * Pure, like {@link BandWatch}.
 */
final class VoucherForecast {

    static final String SIGNAL = "vouchers";
    static final String SUBJECT = "lunch";
    static final int PACE_WINDOW = 15;

    /**
     * One day's stock as the floor recorded it, per minute from {@code start}: vouchers issued and first check-ins, the
     * stock, what was issued and checked in before {@code start}, the confirmed attendees and the minute index the
     * vouchers should last until.
     */
    record Stock(Instant start, int[] issued, int[] arrivals, int stock, int issuedBefore, int checkedInBefore, int confirmed,
                 int lastUntil) {
    }

    private VoucherForecast() {
    }

    static List<BandWatch.Alert> judge(@Nullable Stock s) {
        List<BandWatch.Alert> alerts = new ArrayList<>();
        if (s == null || s.stock() <= 0) {
            return alerts;
        }
        int issued = s.issuedBefore();
        int arrived = s.checkedInBefore();
        int run = 0;
        BandWatch.Alert open = null;
        for (int t = 0; t < s.issued().length; t++) {
            issued += s.issued()[t];
            arrived += s.arrivals()[t];
            Instant next = s.start().plusSeconds(60L * (t + 1));
            int toGo = s.lastUntil() - (t + 1);
            if (toGo <= 0) {
                if (open != null) {
                    alerts.add(close(open, next));
                    open = null;
                }
                break;
            }
            int left = Math.max(0, s.stock() - issued);
            double pace = pace(s.issued(), t);
            boolean canRunOut = s.confirmed() - arrived > left;
            Instant forecast = left == 0 ? next : pace <= 0 ? null : next.plusSeconds(Math.round(60 * Math.ceil(left / pace)));
            boolean early = canRunOut && forecast != null && forecast.isBefore(s.start().plusSeconds(60L * s.lastUntil()));
            double sustainable = (double) left / toGo;
            run = early ? run + 1 : 0;
            if (open != null) {
                if (early) {
                    open = new BandWatch.Alert(SIGNAL, SUBJECT, BandWatch.Kind.ABOVE_BAND, open.openedAt(), null, pace, 0, sustainable,
                            left == 0 ? open.forecastAt() : forecast);
                } else {
                    alerts.add(close(open, next));
                    open = null;
                }
            } else if (run >= BandWatch.PERSISTENCE) {
                open = new BandWatch.Alert(SIGNAL, SUBJECT, BandWatch.Kind.ABOVE_BAND, next.minusSeconds(60), null, pace, 0, sustainable,
                        forecast);
            }
        }
        if (open != null) {
            alerts.add(open);
        }
        return alerts;
    }

    private static double pace(int[] issued, int t) {
        int from = Math.max(0, t - PACE_WINDOW + 1);
        int sum = 0;
        for (int m = from; m <= t; m++) {
            sum += issued[m];
        }
        return (double) sum / (t - from + 1);
    }

    private static BandWatch.Alert close(BandWatch.Alert open, Instant at) {
        return new BandWatch.Alert(open.signal(), open.subject(), open.kind(), open.openedAt(), at, open.observed(), open.expectedLo(),
                open.expectedHi(), open.forecastAt());
    }
}
