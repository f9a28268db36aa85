package dev.confer.web.desk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's lists are live: the search shows today's check-in state and is read again after every verdict, the
 * latest check-ins of every desk follow by themselves, and a badge's NFC UID typed (or read) at the desk checks in.
 */
class DeskLiveListsBrowserTest extends StaffPagesTest {

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    @Test
    void searchShowsTheCheckInAtOnceRecentCheckInsFollowOtherDesksAndABadgeUidChecksIn() {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("desk-live"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        JsonNode jihoon = register(slug, "박지훈", "jihoon@example.com");
        String uid = "04A1B2C3D4E5" + String.format("%02X", (int) (Math.random() * 256));
        Response bound = call("PUT", "/api/v1/events/" + slug + "/registrations/" + jihoon.get("id").asString() + "/badge", desk,
                Map.of("nfcUid", uid));
        assertThat(bound.status()).as(bound.text()).isEqualTo(200);
        try (BrowserContext laptop = laptop("en-US")) {
            Page page = open(laptop, "/desk/" + slug);
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            Locator recent = page.locator("#recent-checkins");
            assertThat(recent).containsText("Nobody has checked in today yet.");

            page.locator("#search").pressSequentially("김민준");
            Locator found = page.locator("#search-results li");
            assertThat(found).hasCount(1);
            assertThat(found).hasAttribute("data-checked-in", "false");
            assertThat(found).containsText("Not checked in today");
            found.locator("button").click();
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            // the list is read again after the verdict: no stale "not checked in"
            assertThat(found).hasAttribute("data-checked-in", "true");
            assertThat(found).containsText("Checked in today 09:00");
            assertThat(recent.locator("li")).hasCount(1);
            assertThat(recent.locator("li").first()).containsText("김민준");

            // another desk's check-in shows up by itself
            duringSession(9, 1);
            Response other = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", seoyeon.get("ticket").asString()));
            assertThat(other.status()).as(other.text()).isEqualTo(200);
            assertThat(recent.locator("li")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
            assertThat(recent.locator("li").first()).containsText("이서연");

            duringSession(9, 2);
            // day two with the name card alone: the badge's UID is a credential, not "not a Confer ticket"
            scan(page, uid.toLowerCase());
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-result", "CHECKED_IN");
            assertThat(verdict).containsText("박지훈");
            assertThat(recent.locator("li")).hasCount(3);
            assertThat(recent.locator("li").first()).containsText("박지훈");
            screenshot(page, "desk-live-lists-en");

            scan(page, "04FFFFFFFFFFFF");
            assertThat(verdict).hasAttribute("data-result", "REJECTED");
            assertThat(verdict).containsText("not linked");
        }
    }

    @Test
    void theListsSpeakKorean() {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("desk-live-ko"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        register(slug, "김민준", "minjun@example.com");
        try (BrowserContext laptop = laptop("ko-KR")) {
            Page page = open(laptop, "/desk/" + slug);
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            assertThat(page.locator("#recent-checkins")).containsText("오늘은 아직 체크인한 사람이 없습니다.");
            page.locator("#search").pressSequentially("김민준");
            assertThat(page.locator("#search-results li")).containsText("오늘 체크인 전");
            page.locator("#search-results li button").click();
            assertThat(page.locator("#search-results li")).containsText("오늘 09:00 체크인");
            assertThat(page.locator("#recent-checkins li")).containsText("김민준");
            screenshot(page, "desk-live-lists-ko");
        }
    }
}
