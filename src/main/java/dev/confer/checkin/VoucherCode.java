package dev.confer.checkin;

import dev.confer.events.EventSchedule;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a lunch voucher: the day's month and day, then the voucher's number that day,
 * e.g. {@code 0514-00042}. Short enough to read aloud at the canteen, unique per event day.
 */
record VoucherCode(LocalDate day, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{2})(\\d{2})-(\\d{1,9})");

    static Optional<VoucherCode> parse(EventSchedule event, String code) {
        Matcher m = TEXT.matcher(code.strip());
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
                .map(d -> new VoucherCode(d, number));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02d%02d-%05d", day.getMonthValue(), day.getDayOfMonth(), number);
    }
}
