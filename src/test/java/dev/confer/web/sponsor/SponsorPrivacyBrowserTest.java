package dev.confer.web.sponsor;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The sponsor page names only visitors who share their contact; the organizer's privacy page logs who looked. */
class SponsorPrivacyBrowserTest extends StaffPagesTest {

    @Test
    void unconsentedVisitorsCountButAreNotShownAndTheLookIsLogged() {
        String slug = defineEvent(uniqueSlug("sponsorpriv"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode sharer = register(slug, "김공유", "sharer@example.com");
        Response quietCreated = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Quiet Visitor",
                "email", "quiet@example.com", "company", "Hidden Corp", "consents", Map.of("processing", true, "sponsorSharing", false)));
        JsonNode quiet = quietCreated.json();
        for (JsonNode a : new JsonNode[]{sharer, quiet}) {
            assertThat(post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", a.get("ticket").asString())).status())
                    .isEqualTo(200);
        }
        try (BrowserContext laptop = laptop("en-US")) {
            Page page = open(laptop, "/sponsor/" + slug);
            signIn(page, sponsor);
            page.navigate("/sponsor/" + slug);
            for (JsonNode a : new JsonNode[]{sharer, quiet}) {
                page.locator("#scan").fill(a.get("ticket").asString());
                page.locator("#scan").press("Enter");
                assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            }
            assertThat(page.locator("#lead-count")).hasText("2");
            page.navigate("/sponsor/" + slug);
            assertThat(page.locator("#leads tbody tr")).hasCount(1);
            assertThat(page.locator("#leads")).containsText("김공유");
            assertThat(page.locator("#unshared")).hasAttribute("data-unshared", "1");
            assertThat(page.locator("#unshared")).containsText("did not consent");
            assertThat(page.locator("main")).not().containsText("Quiet Visitor");
            assertThat(page.locator("main")).not().containsText("Hidden Corp");
            screenshot(page, "sponsor-leads-unshared-en");
        }
        try (BrowserContext organizer = laptop("ko-KR")) {
            Page page = open(organizer, "/login");
            signIn(page, ADMIN);
            page.navigate("/organizer/" + slug + "/privacy");
            assertThat(page.locator("h1")).containsText("개인정보");
            assertThat(page.locator("#access-log tr[data-action=BOOTH_LEADS_PAGE]").first()).containsText("SPONSOR #");
            assertThat(page.locator("#access-log tr[data-action=BOOTH_LEADS_PAGE]").first()).containsText("스폰서 화면");
            assertThat(page.locator("#retention-card")).hasAttribute("data-people", "2");
            assertThat(page.locator("#retention-due")).containsText("처리 안내가 없어");
            screenshot(page, "organizer-privacy-ko");
            page.locator("#retention-open").click();
            page.locator("#retention-run").click();
            assertThat(page.locator("#retention-ran")).containsText("2명 익명 처리");
            assertThat(page.locator("#retention-card")).hasAttribute("data-people", "0");
            assertThat(page.locator("#access-log tr[data-action=RETENTION]")).hasCount(1);
        }
    }
}
