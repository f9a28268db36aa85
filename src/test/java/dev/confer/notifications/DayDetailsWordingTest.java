package dev.confer.notifications;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import dev.confer.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The day-before and morning-of mails say when and where lunch is, and the keynote's title, in both languages. */
class DayDetailsWordingTest {

    private static final LocalDate DAY = LocalDate.of(2037, 5, 14);

    private static EventSchedule event(EventSchedule.Lunch lunch) {
        EventSchedule.Keynote keynote = new EventSchedule.Keynote(LocalTime.of(10, 0), LocalTime.of(11, 30),
                List.of(new EventSchedule.Hall("Hall D", 100)), new LocalizedText("클라우드의 다음 10년", "The next ten years"), null, List.of());
        EventSchedule.Day day = new EventSchedule.Day(DAY, LocalTime.of(8, 0), LocalTime.of(18, 0), 10, keynote, lunch);
        return new EventSchedule(1, "summit", LocalizedText.of("Summit"), ZoneId.of("Asia/Seoul"), 10, 0, List.of(day),
                List.of(), List.of(), List.of(), List.of());
    }

    private static MailText text(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/notifications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MailText(messages, locale);
    }

    @Test
    void lunchWithItsPlaceAndTheKeynotesTitle() {
        EventSchedule event = event(new EventSchedule.Lunch(LocalTime.of(11, 30), LocalTime.of(13, 30),
                new LocalizedText("B홀 푸드코트", "Hall B food court")));
        EventSchedule.Day day = event.days().getFirst();
        assertThat(ReminderWording.dayDetails(event, day, text(Locale.ENGLISH), Language.EN)).containsExactly(
                "Doors open at 08:00.", "The keynote \"The next ten years\" starts at 10:00.",
                "Lunch with your voucher from 11:30 to 13:30 at Hall B food court.");
        assertThat(ReminderWording.dayDetails(event, day, text(Locale.KOREAN), Language.KO))
                .contains("점심은 식권으로 11:30부터 13:30까지 B홀 푸드코트에서 드실 수 있습니다.");
    }

    @Test
    void lunchWithoutAPlace() {
        EventSchedule event = event(new EventSchedule.Lunch(LocalTime.of(12, 0), LocalTime.of(13, 0), null));
        assertThat(ReminderWording.dayDetails(event, event.days().getFirst(), text(Locale.ENGLISH), Language.EN))
                .contains("Lunch with your voucher from 12:00 to 13:00.");
    }
}
