package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver desk flow in Chromium (issue 13 point 8): after a scan the desk lends an interpretation receiver, the
 * last one on the shelf cannot be lent twice, the attendee's My ticket says it is on loan, the next scan takes it back;
 * the agenda shows the session's interpretation channel and the organizer's dashboard the receivers out. Korean and
 * English, each page audited with axe-core.
 */
class ReceiverDeskBrowserTest extends StaffPagesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withReceivers(int stock) {
        Map<String, Object> def = todayDefinition(50, 10, 20, 5, 50);
        def.put("receivers", Map.of("stock", stock));
        List<Object> sessions = new ArrayList<>();
        for (Object s : (List<Object>) def.get("sessions")) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) s);
            if (copy.get("code").equals("S101")) {
                copy.put("interpretation", List.of("en"));
            }
            sessions.add(copy);
        }
        def.put("sessions", sessions);
        return def;
    }

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    private static void noViolations(Page page, String name) {
        screenshot(page, name);
        assertScriptBudget(page);
        assertThat(AxeAudit.violations(page)).as(name).isEmpty();
    }

    private static String myTicket(String slug, JsonNode r) {
        return "/e/" + slug + "/my-ticket/" + r.get("id").asString() + "?token=" + r.get("manageToken").asString();
    }

    @Test
    void theDeskLendsTheLastReceiverOnceShowsItOnMyTicketAndTakesItBack() {
        String slug = defineEvent(uniqueSlug("rx-desk"), withReceivers(1));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        try (BrowserContext laptop = laptop("en-US", true)) {
            Page page = open(laptop, "/login");
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            scan(page, minjun.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("#receiver-state")).hasText("No receiver on loan.");
            assertThat(page.locator("#receiver-stock")).hasText("1 of 1 on the shelf");
            htmxIdle(page);
            page.locator("#receiver-lend").click();
            assertThat(page.locator("#receiver-done")).hasText("Receiver lent to 김민준.");
            assertThat(page.locator("#receiver-return")).isVisible();
            assertThat(page.locator("#receiver-stock")).hasText("0 of 1 on the shelf");
            noViolations(page, "desk-receiver-lent-en");

            // the shelf is empty: the next attendee's button is disabled, and the API says why
            scan(page, seoyeon.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("#receiver-lend")).isDisabled();
            Response none = post("/api/v1/events/" + slug + "/receivers/loans", desk,
                    Map.of("credential", Map.of("ticket", seoyeon.get("ticket").asString())));
            assertThat(none.status()).isEqualTo(409);
            assertThat(none.json().get("detail").asString()).contains("No receivers left");
        }

        try (BrowserContext phone = phone("ko-KR", true)) {
            Page ticket = open(phone, myTicket(slug, minjun));
            assertThat(ticket.locator("#receiver-loan")).containsText("통역 수신기 대여 중");
            assertThat(ticket.locator("#receiver-loan")).containsText("데스크에 반납하세요");
            noViolations(ticket, "my-ticket-receiver-ko");
            Page agenda = open(phone, "/e/" + slug + "/agenda");
            assertThat(agenda.locator(".site-interpretation[data-interpretation='en']").first()).containsText("통역: 영어");
        }
        try (BrowserContext phone = phone("en-US", true)) {
            Page ticket = open(phone, myTicket(slug, minjun));
            assertThat(ticket.locator("#receiver-loan")).containsText("Interpretation receiver on loan");
            Page session = open(phone, "/e/" + slug + "/sessions/S101");
            assertThat(session.locator("#session-interpretation")).containsText("English");
            noViolations(session, "session-interpretation-en");
        }

        try (BrowserContext tablet = laptop("ko-KR", true)) {
            Page page = open(tablet, "/login");
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            scan(page, minjun.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ALREADY");
            assertThat(page.locator("#receiver-state")).containsText("수신기 대여 중");
            noViolations(page, "desk-receiver-on-loan-ko");
            htmxIdle(page);
            page.locator("#receiver-return").click();
            assertThat(page.locator("#receiver-done")).hasText("김민준 님의 수신기를 반납받았습니다.");
            assertThat(page.locator("#receiver-lend")).isEnabled();
            assertThat(page.locator("#receiver-stock")).hasText("보유 1대 중 1대 남음");

            Page organizer = open(tablet, "/login");
            signIn(organizer, ADMIN);
            organizer.navigate("/organizer/" + slug);
            page = organizer;
            assertThat(page.locator("#receivers-figures")).hasAttribute("data-out", "0");
            assertThat(page.locator("#receivers-figures")).hasText("0대 대여 중 · 보유 1대 중 1대 남음");
            assertThat(page.locator("#overdue-none")).isVisible();
            noViolations(page, "organizer-receivers-ko");
        }
        try (BrowserContext phone = phone("en-US")) {
            Page ticket = open(phone, myTicket(slug, minjun));
            assertThat(ticket.locator("#ticket-name")).hasText("김민준");
            assertThat(ticket.locator("#receiver-loan")).hasCount(0);
        }
        JsonNode figures = get("/api/v1/events/" + slug + "/receivers", ADMIN).json();
        assertThat(figures.get("out").asInt()).isZero();
        assertThat(figures.get("left").asInt()).isEqualTo(1);
    }
}
