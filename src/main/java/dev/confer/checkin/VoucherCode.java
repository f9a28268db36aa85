package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import dev.confer.tickets.Tickets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a lunch voucher: the day's month and day, the voucher's number that day and a seal only the
 * event's secret can make ({@link Tickets#seal}; a code made before that seal, with {@link Tickets#earlierSeal},
 * still counts), e.g. {@code 0514-00042-K7QX2M}. The number is short enough to read
 * aloud at the canteen and unique per event day; the seal makes the codes of other vouchers unguessable.
 */
record VoucherCode(LocalDate day, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{2})(\\d{2})-(\\d{1,9})-([2-9A-Z]{6})");

    /** A code as printed, if it is well-formed, names a day of the event and carries the right seal. */
    static Optional<VoucherCode> parse(EventSchedule event, Tickets tickets, String code) {
        Matcher m = TEXT.matcher(code.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(1));
        int dayOfMonth = Integer.parseInt(m.group(2));
        int number = Integer.parseInt(m.group(3));
        if (number < 1) {
            return Optional.empty();
        }
        return event.days().stream().map(EventSchedule.Day::date)
                .filter(d -> d.getMonthValue() == month && d.getDayOfMonth() == dayOfMonth)
                .findFirst()
                .map(d -> new VoucherCode(d, number))
                .filter(v -> sameSeal(v.seal(event, tickets), m.group(4))
                        || sameSeal(tickets.earlierSeal(event, "voucher." + v), m.group(4)));
    }

    private static boolean sameSeal(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The code as printed, with its seal. */
    String text(EventSchedule event, Tickets tickets) {
        return this + "-" + seal(event, tickets);
    }

    private String seal(EventSchedule event, Tickets tickets) {
        return tickets.seal(event, "voucher." + this);
    }

    /** Day and number only, e.g. {@code 0514-00042}: how staff read it aloud. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02d%02d-%05d", day.getMonthValue(), day.getDayOfMonth(), number);
    }
}
