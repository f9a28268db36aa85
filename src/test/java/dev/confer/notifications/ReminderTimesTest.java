package dev.confer.notifications;

import dev.confer.events.EventSchedule;
import dev.confer.shared.LocalizedText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When reminders go out and until when they are of use, from the definition alone. */
class ReminderTimesTest {

    private static final LocalDate DAY1 = LocalDate.parse("2027-05-10");
    private static final LocalDate DAY2 = LocalDate.parse("2027-05-11");

    private static EventSchedule event(EventSchedule.Reminders reminders) {
        // days listed out of order on purpose: the first day is the earliest date, not the first entry
        List<EventSchedule.Day> days = List.of(new EventSchedule.Day(DAY2, LocalTime.of(9, 0), LocalTime.of(17, 0), 0, null),
                new EventSchedule.Day(DAY1, LocalTime.of(8, 0), LocalTime.of(18, 0), 0, null));
        EventSchedule.Session session = new EventSchedule.Session("S1", LocalizedText.of("Talk"), "t", "301", DAY2,
                LocalTime.of(13, 0), LocalTime.of(13, 40), null, "ko", List.of(), null);
        return new EventSchedule(1, "summit", LocalizedText.of("Summit"), ZoneId.of("Asia/Seoul"), 10, 0, days,
                List.of(new EventSchedule.Room("301", LocalizedText.of("301"), 10)), List.of(), List.of(session), List.of(),
                null, null, reminders);
    }

    @Test
    void theEveningBeforeTheFirstDayAndEachMorningInEventTime() {
        List<ReminderTimes.Planned> planned = ReminderTimes.planned(event(new EventSchedule.Reminders(LocalTime.of(19, 30), LocalTime.of(6, 45))));
        assertThat(planned).containsExactly(
                new ReminderTimes.Planned(MailKind.DAY_BEFORE, DAY1, Instant.parse("2027-05-09T10:30:00Z")),
                new ReminderTimes.Planned(MailKind.MORNING_OF, DAY1, Instant.parse("2027-05-09T21:45:00Z")),
                new ReminderTimes.Planned(MailKind.MORNING_OF, DAY2, Instant.parse("2027-05-10T21:45:00Z")));
        assertThat(planned.get(2).instanceId("summit")).isEqualTo("summit|MORNING_OF|2027-05-11");
        assertThat(ReminderTimes.Key.parse("summit|MORNING_OF|2027-05-11"))
                .contains(new ReminderTimes.Key("summit", MailKind.MORNING_OF, DAY2));
        assertThat(ReminderTimes.Key.parse("summit|NONSENSE|2027-05-11")).isEmpty();
    }

    @Test
    void eachReminderIsOfUseUntilDoorsOpenTheDayEndsOrTheSessionStarts() {
        EventSchedule event = event(EventSchedule.Reminders.DEFAULT);
        Instant doorsOpenDay1 = Instant.parse("2027-05-09T23:00:00Z");
        assertThat(ReminderTimes.tooLate(event, MailKind.DAY_BEFORE, "2027-05-10", doorsOpenDay1.minusSeconds(1))).isFalse();
        assertThat(ReminderTimes.tooLate(event, MailKind.DAY_BEFORE, "2027-05-10", doorsOpenDay1)).isTrue();
        assertThat(ReminderTimes.tooLate(event, MailKind.STILL_WAITLISTED, "2027-05-10", doorsOpenDay1)).isTrue();
        assertThat(ReminderTimes.tooLate(event, MailKind.DAY_BEFORE, "2027-05-11", Instant.EPOCH)).as("not the first day").isTrue();
        Instant day2Ends = Instant.parse("2027-05-11T08:00:00Z");
        assertThat(ReminderTimes.tooLate(event, MailKind.MORNING_OF, "2027-05-11", day2Ends.minusSeconds(1))).isFalse();
        assertThat(ReminderTimes.tooLate(event, MailKind.MORNING_OF, "2027-05-11", day2Ends)).isTrue();
        assertThat(ReminderTimes.tooLate(event, MailKind.MORNING_OF, "2027-05-12", Instant.EPOCH)).as("no such day").isTrue();
        Instant sessionStarts = Instant.parse("2027-05-11T04:00:00Z");
        assertThat(ReminderTimes.tooLate(event, MailKind.SESSION_SOON, "S1", sessionStarts.minusSeconds(1))).isFalse();
        assertThat(ReminderTimes.tooLate(event, MailKind.SESSION_SOON, "S1", sessionStarts)).isTrue();
        assertThat(ReminderTimes.tooLate(event, MailKind.CONFIRMATION, "", Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
    }
}
