package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Reserving a hands-on lab's seat from My ticket in Chromium: the last seat, then the lab's waitlist, then giving up. */
class LabReservationBrowserTest extends BrowserTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> oneSeatLab() {
        Map<String, Object> def = eventDefinition(300, 0, 10, 10, 10, 20);
        List<Object> sessions = new ArrayList<>((List<Object>) def.get("sessions"));
        Map<String, Object> lab = new HashMap<>((Map<String, Object>) sessions.get(0));
        lab.put("type", "LAB");
        lab.put("preRegistration", Map.of("seats", 1));
        sessions.set(0, lab);
        def.put("sessions", sessions);
        return def;
    }

    private static String ticketPath(String slug, JsonNode r) {
        return "/e/" + slug + "/my-ticket/" + r.get("id").asString() + "?token=" + r.get("manageToken").asString();
    }

    @Test
    void anAttendeeReservesTheLastSeatTheNextJoinsTheWaitlistAndMovesUpWhenItIsGivenUp() {
        String slug = defineEvent(uniqueSlug("lab-page"), oneSeatLab());
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com");
        JsonNode lee = register(slug, "이서연", "seoyeon@" + slug + ".example.com");
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, ticketPath(slug, kim));
            assertThat(page.locator("#labs-heading")).hasText("핸즈온 실습");
            assertThat(page.locator("[data-lab=S101] .lab-left")).hasText("예약 좌석 1석 중 1석 남음");
            page.locator("#lab-reserve-S101").click();
            assertThat(page.locator("#lab-notice")).containsText("좌석이 예약되었습니다");
            assertThat(page.locator("[data-lab=S101]")).hasAttribute("data-mine", "RESERVED");
            screenshot(page, "my-ticket-lab-ko");
        }
        try (BrowserContext english = laptop("en-US")) {
            Page page = open(english, ticketPath(slug, lee));
            assertThat(page.locator("#lab-reserve-S101")).hasText("Join the lab's waitlist");
            page.locator("#lab-reserve-S101").click();
            assertThat(page.locator("[data-lab=S101]")).hasAttribute("data-mine", "WAITING");
            assertThat(page.locator("[data-lab=S101] .lab-state")).hasText("On the lab's waitlist: number 1");
            screenshot(page, "my-ticket-lab-en");
        }
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, ticketPath(slug, kim));
            page.locator("#lab-cancel-S101").click();
            assertThat(page.locator("#lab-notice")).hasText("예약을 취소했습니다.");
            assertThat(page.locator("[data-lab=S101]")).hasAttribute("data-mine", "NONE");
        }
        JsonNode moved = get("/api/v1/events/" + slug + "/registrations/" + lee.get("id").asString() + "/labs?token="
                + lee.get("manageToken").asString(), null).json();
        assertThat(moved.get(0).get("status").asString()).isEqualTo("RESERVED");
    }
}
