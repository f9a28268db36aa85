package dev.confer.web.organizer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.github.kagkarlsson.scheduler.Scheduler;
import dev.confer.TestClock;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The "Reminders" card on the organizer's dashboard, in Korean and English, on a phone. */
class ReminderCardBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    Scheduler scheduler;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The test summit moved to 2027-08-10/11 with the evening reminder at 19:30 and the morning one at 06:45. */
    private static Map<String, Object> laterSummit() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        List<Object> days = new ArrayList<>();
        for (String date : List.of("2027-08-10", "2027-08-11")) {
            days.add(Map.of("date", date, "doorsOpen", "08:00", "end", "18:00", "mealVouchers", 50));
        }
        def.put("days", days);
        def.put("sessions", List.of());
        def.put("reminders", Map.of("dayBefore", "19:30", "morningOf", "06:45"));
        return def;
    }

    @Test
    void theCardListsEachPlannedReminderInTheOrganizersLanguage() {
        clock.set(Instant.parse("2027-08-09T03:00:00Z")); // noon in Seoul the day before: nothing has run yet
        String slug = defineEvent(uniqueSlug("card"), laterSummit());

        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/login");
            signIn(page, ADMIN);
            page.navigate("/organizer/" + slug);
            assertThat(page.locator("#reminders-heading").textContent()).isEqualTo("리마인더");
            String dayBefore = page.locator("[data-reminder='DAY_BEFORE-2027-08-10']").textContent();
            assertThat(dayBefore).contains("전날 안내", "08-09", "19:30");
            assertThat(page.locator("[data-reminder='MORNING_OF-2027-08-11']").textContent()).contains("당일 아침 안내", "08-11", "06:45", "예약됨");
            assertThat(page.locator("#reminders tbody tr").count()).isEqualTo(3);
            assertScriptBudget(page);
            page.locator("#reminders").scrollIntoViewIfNeeded();
            screenshot(page, "organizer-reminders-ko");
        }
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/login");
            signIn(page, ADMIN);
            page.navigate("/organizer/" + slug);
            assertThat(page.locator("#reminders-heading").textContent()).isEqualTo("Reminders");
            assertThat(page.locator("[data-reminder='DAY_BEFORE-2027-08-10']").textContent()).contains("Day before", "08-09", "19:30", "Scheduled");
            assertThat(page.locator("[data-reminder='MORNING_OF-2027-08-10']").textContent()).contains("Morning of", "06:45");
            assertScriptBudget(page);
            page.locator("#reminders").scrollIntoViewIfNeeded();
            screenshot(page, "organizer-reminders-en");
        }

        // two attendees, then the evening before: the reminders go out and the card counts them
        JsonNode ko = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "김민준", "email", "minjun@" + slug + ".example.com", "locale", "ko")).json();
        JsonNode en = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Alice", "email", "alice@" + slug + ".example.com", "locale", "en")).json();
        clock.set(Instant.parse("2027-08-09T10:30:30Z"));
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(60)).until(() -> reminderMails(slug).size() == 2);
        Map<String, Long> byLanguage = new java.util.HashMap<>();
        for (JsonNode mail : reminderMails(slug)) {
            byLanguage.put(mail.get("registrationId").asString().equals(ko.get("id").asString()) ? "ko" : "en", mail.get("id").asLong());
        }
        assertThat(byLanguage).containsKeys("ko", "en");
        assertThat(en.get("status").asString()).isEqualTo("CONFIRMED");

        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/login");
            signIn(page, ADMIN);
            page.navigate("/dev/mail/" + byLanguage.get("ko"));
            assertThat(page.locator("body").textContent()).contains("김민준님, 안녕하세요.", "첫째 날이 내일", "08:00부터 입장하실 수 있습니다.");
            assertThat(page.locator("img[alt=QR]").isVisible()).isTrue();
            screenshot(page, "reminder-mail-day-before-ko");
            page.navigate("/organizer/" + slug);
            String dayBefore = page.locator("[data-reminder='DAY_BEFORE-2027-08-10']").textContent();
            assertThat(dayBefore).contains("완료");
            assertThat(page.locator("[data-reminder='DAY_BEFORE-2027-08-10'] td").allTextContents())
                    .containsExactly("완료", "2", "2", "0");
        }
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/login");
            signIn(page, ADMIN);
            page.navigate("/dev/mail/" + byLanguage.get("en"));
            assertThat(page.locator("body").textContent()).contains("Hello Alice,", "is the first day of Cloud Summit Seoul 2026", "Doors open at 08:00.");
            screenshot(page, "reminder-mail-day-before-en");
            page.navigate("/organizer/" + slug);
            assertThat(page.locator("[data-reminder='DAY_BEFORE-2027-08-10'] td").allTextContents())
                    .containsExactly("Done", "2", "2", "0");
            page.locator("#reminders").scrollIntoViewIfNeeded();
            screenshot(page, "organizer-reminders-done-en");
        }
    }

    private List<JsonNode> reminderMails(String slug) {
        List<JsonNode> found = new ArrayList<>();
        get("/dev/mail?event=" + slug, ADMIN).json().forEach(m -> {
            if ("DAY_BEFORE".equals(m.get("kind").asString())) {
                found.add(m);
            }
        });
        return found;
    }
}
