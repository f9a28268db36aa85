package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.agenda.AgendaEvents;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** My agenda from My ticket, on a phone, in Korean and English: starring, overlaps, the e-mail setting, the calendar, the next session. */
class MyAgendaBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String ticketPath(String slug, JsonNode r) {
        return "/e/" + slug + "/my-ticket/" + r.get("id").asString() + "?token=" + r.get("manageToken").asString();
    }

    private JsonNode registerIn(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void starTalksSeeTheOverlapSubscribeAndFindTheNextSessionInKorean() {
        String slug = defineEvent(uniqueSlug("my-agenda"), AgendaEvents.definition(50, 10));
        JsonNode kim = registerIn(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        clock.set(Instant.parse("2037-05-14T02:00:00Z")); // 11:00 in Seoul on day one
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, ticketPath(slug, kim));
            assertThat(page.locator("#next-none")).containsText("아젠다에 남은 세션이 없습니다");
            page.locator("#agenda-link").click();
            assertThat(page.locator("h1")).hasText("내 아젠다");
            assertThat(page.locator("#mine-empty")).isVisible();

            page.locator("#s-S1 button.site-star").click();
            assertThat(page.locator("#agenda-saved")).hasText("저장했습니다.");
            assertThat(page.locator("#s-S1 button.site-star")).hasAttribute("aria-pressed", "true");
            page.locator("#s-S4 button.site-star").click();
            page.locator("#s-S5 button.site-star").click();
            assertThat(page.locator("#mine li")).hasCount(3);
            assertThat(page.locator("#mine-S1 .site-clash")).hasText("보안 운영와(과) 시간이 겹칩니다");
            assertThat(page.locator("#mine-S4 .site-clash")).hasText("클라우드 네이티브 금융와(과) 시간이 겹칩니다");
            assertThat(page.locator("#mine-S5 .site-clash")).hasCount(0);
            assertThat(page.locator("#mine-S5")).containsText("301호, 3F");
            assertThat(page.locator("#next-title")).containsText("클라우드 네이티브 금융");
            screenshot(page, "site-my-agenda-ko");
            assertScriptBudget(page);

            page.locator("#s-S4 button.site-star").click();
            assertThat(page.locator("#mine li")).hasCount(2);
            assertThat(page.locator("#mine-S1 .site-clash")).hasCount(0);

            page.locator("#nudge-enabled").check();
            page.locator("#nudge-save").click();
            assertThat(page.locator("#agenda-saved")).isVisible();
            assertThat(page.locator("#nudge-enabled")).isChecked();

            String feed = page.locator("#calendar-url").inputValue();
            assertThat(feed).contains("/agenda.ics?key=");
            assertThat(page.locator("#calendar-subscribe").getAttribute("href")).startsWith("webcal://");
            String ics = get(feed.substring(feed.indexOf("/api/")), null).text();
            assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
            assertThat(ics).contains("SUMMARY:클라우드 네이티브 금융", "SUMMARY:생성형 AI 실전");

            clock.set(Instant.parse("2037-05-14T03:50:00Z")); // 12:50: S1 in ten minutes
            page.locator("#back-to-ticket").click();
            assertThat(page.locator("#next-title")).containsText("13:00 시작, 10분 후: 클라우드 네이티브 금융");
            assertThat(page.locator("#next-room")).hasText("강연장: 301호");
            assertThat(page.locator("#next-floor")).hasText("층: 3F");
            assertThat(page.locator("#next-directions")).hasText("찾아가는 길: 3층 에스컬레이터 왼쪽");
            assertThat(page.locator("#next-seats")).hasText("좌석 10석 중 10석 남음");
            screenshot(page, "site-my-ticket-next-ko");
            assertScriptBudget(page);
        }
    }

    @Test
    void theNextSessionCardSaysWhenARoomIsFillingUpInEnglish() {
        String slug = defineEvent(uniqueSlug("my-agenda"), AgendaEvents.definition(50, 10));
        JsonNode ann = registerIn(slug, "Ann Lee", "ann@" + slug + ".example.com", "en");
        String agenda = "/api/v1/events/" + slug + "/registrations/" + ann.get("id").asString() + "/agenda";
        Map<String, String> token = Map.of("X-Manage-Token", ann.get("manageToken").asString());
        assertThat(call("PUT", agenda + "/stars/S1", null, null, token).status()).isEqualTo(200);
        String door = staffToken(slug, "DOOR", null);
        for (int i = 0; i < 9; i++) { // nine of the ten seats of room 301 are taken at the door
            JsonNode other = registerIn(slug, "Guest " + i, "guest" + i + "@" + slug + ".example.com", "en");
            jdbcCheckIn(slug, other);
            Response tap = post("/api/v1/events/" + slug + "/taps", door, Map.of("tapId", java.util.UUID.randomUUID().toString(),
                    "at", "2037-05-14T12:55:00+09:00", "point", "session:S1", "credential", Map.of("ticket", other.get("ticket").asString())));
            assertThat(tap.json().get("result").asString()).isEqualTo("ADMITTED");
        }
        clock.set(Instant.parse("2037-05-14T03:56:00Z")); // 12:56
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, ticketPath(slug, ann));
            assertThat(page.locator("#next-title")).containsText("At 13:00, in 4 min: Cloud-native finance");
            assertThat(page.locator("#next-seats")).hasText("Filling up: only 1 of 10 seats left. Go early.");
            assertThat(page.locator("#next-directions")).hasText("How to get there: Left of the escalators, 3F");
            screenshot(page, "site-my-ticket-next-en");
            page.locator("#agenda-link").click();
            assertThat(page.locator("h1")).hasText("My agenda");
            assertThat(page.locator("#mine-S1")).containsText("Starred");
            screenshot(page, "site-my-agenda-en");
            assertScriptBudget(page);
        }
    }

    @Test
    void theNextSessionCardCountsHoursKnowsTomorrowAndKnowsWhenTheReaderIsAlreadyInside() {
        String slug = defineEvent(uniqueSlug("my-agenda"), AgendaEvents.definition(50, 10));
        JsonNode ann = registerIn(slug, "Ann Lee", "ann@" + slug + ".example.com", "en");
        String agenda = "/api/v1/events/" + slug + "/registrations/" + ann.get("id").asString() + "/agenda";
        Map<String, String> token = Map.of("X-Manage-Token", ann.get("manageToken").asString());
        assertThat(call("PUT", agenda + "/stars/S1", null, null, token).status()).isEqualTo(200);
        assertThat(call("PUT", agenda + "/stars/S7", null, null, token).status()).isEqualTo(200);
        String door = staffToken(slug, "DOOR", null);
        jdbcCheckIn(slug, ann);
        for (int i = 0; i < 9; i++) { // nine of the ten seats of room 301 go to others, the tenth to Ann
            JsonNode other = registerIn(slug, "Guest " + i, "guest" + i + "@" + slug + ".example.com", "en");
            jdbcCheckIn(slug, other);
            tapInto(slug, door, other, "ADMITTED");
        }
        tapInto(slug, door, ann, "ADMITTED");

        clock.set(Instant.parse("2037-05-14T01:57:00Z")); // 10:57 in Seoul: S1 at 13:00 is 2 h 3 min away
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, ticketPath(slug, ann));
            assertThat(page.locator("#next-title")).containsText("At 13:00, in 2 h 3 min: Cloud-native finance");
            assertThat(page.locator("#next-inside")).hasText("You are in: a door let you in, your seat is yours.");
            assertThat(page.locator("#next-seats")).hasCount(0);
            assertThat(page.locator("#next-session")).not().containsText("Full");
            screenshot(page, "site-my-ticket-next-inside-en");

            clock.set(Instant.parse("2037-05-14T04:50:00Z")); // 13:50: S1 is over, S7 is tomorrow at 10:00
            page.reload();
            assertThat(page.locator("#next-title")).containsText("Tomorrow 10:00: Day two opener");
        }
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, ticketPath(slug, ann));
            assertThat(page.locator("#next-title")).containsText("내일 10:00: 둘째 날 기조");
            clock.set(Instant.parse("2037-05-14T01:57:00Z"));
            page.reload();
            assertThat(page.locator("#next-title")).containsText("13:00 시작, 2시간 3분 후: 클라우드 네이티브 금융");
            assertThat(page.locator("#next-inside")).containsText("입장 완료");
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            screenshot(page, "site-my-ticket-next-inside-ko");
        }
    }

    private void tapInto(String slug, String door, JsonNode who, String expected) {
        Response tap = post("/api/v1/events/" + slug + "/taps", door, Map.of("tapId", java.util.UUID.randomUUID().toString(),
                "at", "2037-05-14T12:55:00+09:00", "point", "session:S1", "credential", Map.of("ticket", who.get("ticket").asString())));
        assertThat(tap.json().get("result").asString()).isEqualTo(expected);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The desk is another module: its check-in row is written as the desk would leave it. */
    private void jdbcCheckIn(String slug, JsonNode r) {
        jdbc.sql("INSERT INTO checkin (event_id, registration_id, day, checked_in_at) SELECT id, ?, DATE '2037-05-14', now() FROM event WHERE slug = ?")
                .params(java.util.UUID.fromString(r.get("id").asString()), slug).update();
    }
}
