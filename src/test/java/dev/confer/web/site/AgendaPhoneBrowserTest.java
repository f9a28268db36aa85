package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agenda on a 390 x 844 phone: a list by time slot no wider than the screen, the slot running now first and
 * the slots already over last, each session with its room and seats left, starred with one tap once My ticket was
 * opened on the phone. Korean and English.
 */
class AgendaPhoneBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonNode registerIn(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    private List<String> starred(String slug, JsonNode r) {
        Response agenda = call("GET", "/api/v1/events/" + slug + "/registrations/" + r.get("id").asString() + "/agenda", null, null,
                Map.of("X-Manage-Token", r.get("manageToken").asString()));
        List<String> codes = new ArrayList<>();
        agenda.json().get("sessions").forEach(s -> codes.add(s.get("code").asString()));
        return codes;
    }

    @Test
    void theAgendaFitsThePhoneShowsNowFirstAndStarsWithOneTapInKorean() {
        String slug = defineEvent(uniqueSlug("phone-agenda"), SiteEvents.upcoming(500, 10, 100));
        JsonNode kim = registerIn(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        // 14:30 on day one: S103 (14:00-14:40) runs, the 13:00 slot is over
        clock.set(SiteEvents.DAY1.atTime(14, 30).atZone(ZoneId.of("Asia/Seoul")).toInstant());
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-list")).isVisible();
            assertThat(page.locator("#agenda-grid")).isHidden();
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "no-ticket");
            assertThat(page.locator("#star-hint")).isVisible();
            assertThat(page.locator("#agenda-list .site-list-slot").first()).hasAttribute("data-when", "NOW");
            assertThat(page.locator("#agenda-list .site-list-slot").first()).containsText("진행 중");
            assertThat(page.locator("#agenda-list .site-list-slot").last()).hasAttribute("data-when", "EARLIER");
            assertThat(page.locator("#agenda-list li[data-code=S103]")).containsText("301호");
            assertThat(page.locator("#agenda-list li[data-code=S103]")).containsText("100석 중 100석 남음");
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("page width on a 390 px phone").isLessThanOrEqualTo(PHONE_WIDTH);
            screenshot(page, "site-agenda-phone-ko");

            page.navigate("/e/" + slug + "/my-ticket/" + kim.get("id").asString() + "?token=" + kim.get("manageToken").asString());
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            page.navigate("/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "ready");
            assertThat(page.locator("#star-hint")).isHidden();
            page.locator("#agenda-list li[data-code=S103] button[data-star]").click();
            assertThat(page.locator("#agenda-list li[data-code=S103] button[data-star]")).hasAttribute("aria-pressed", "true");
            assertThat(page.locator("#star-saved")).hasText("저장했습니다.");
            assertThat(starred(slug, kim)).containsExactly("S103");
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            screenshot(page, "site-agenda-phone-starred-ko");
            assertScriptBudget(page);
        }
    }

    @Test
    void aStarCanBeTakenBackAndTheFiltersKeepTheListInEnglish() {
        String slug = defineEvent(uniqueSlug("phone-agenda"), SiteEvents.upcoming(500, 10, 100));
        JsonNode ann = registerIn(slug, "Ann Lee", "ann@" + slug + ".example.com", "en");
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug + "/my-ticket/" + ann.get("id").asString() + "?token=" + ann.get("manageToken").asString());
            assertThat(page.locator("#ticket-status")).hasText("Confirmed");
            page.navigate("/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "ready");
            page.locator("#agenda-list li[data-code=S101] button[data-star]").click();
            assertThat(page.locator("#agenda-list li[data-code=S101] button[data-star]")).hasAttribute("aria-pressed", "true");
            assertThat(page.locator("#agenda-list li[data-code=S101] button[data-star]")).hasAccessibleName("Star Moving core banking to the cloud");
            assertThat(starred(slug, ann)).containsExactly("S101");

            page.locator("#track").selectOption("games");
            assertThat(page.locator("#agenda-list li")).hasCount(1);
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "ready");
            page.locator("#track").selectOption("");
            assertThat(page.locator("#agenda-list li")).hasCount(3);
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "ready");
            assertThat(page.locator("#agenda-list li[data-code=S101] button[data-star]")).hasAttribute("aria-pressed", "true");
            page.locator("#agenda-list li[data-code=S101] button[data-star]").click();
            assertThat(page.locator("#agenda-list li[data-code=S101] button[data-star]")).hasAttribute("aria-pressed", "false");
            assertThat(starred(slug, ann)).isEmpty();
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            screenshot(page, "site-agenda-phone-en");
        }
    }
}
