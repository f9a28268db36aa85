package dev.confer.web.sponsor;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Giveaways in Chromium: the sponsor hands one out by scanning a badge, a second one is refused, the counts follow. */
class SponsorGiveawayBrowserTest extends StaffPagesTest {

    private static Map<String, Object> withGiveaways() {
        Map<String, Object> def = todayDefinition(50, 10, 10, 10, 50);
        def.put("booths", List.of(Map.of("code", "B01", "sponsor", "ACME Cloud", "tier", "gold"),
                Map.of("code", "B02", "sponsor", Map.of("ko", "한빛 데이터", "en", "Hanbit Data"), "tier", "diamond",
                        "giveaways", List.of(Map.of("code", "shirt", "name", Map.of("ko", "티셔츠", "en", "T-shirt"), "stock", 2),
                                Map.of("code", "cup", "name", Map.of("ko", "텀블러", "en", "Tumbler"), "stock", 40)))));
        def.put("zones", List.of(Map.of("code", "VR", "name", Map.of("ko", "VR 체험존", "en", "VR zone"))));
        return def;
    }

    @Test
    void aSponsorHandsOutAGiftByScanningABadgeAndTheOrganizerSeesTheCount() {
        String slug = defineEvent(uniqueSlug("gifts"), withGiveaways());
        String desk = staffToken(slug, "DESK", null);
        String sponsor = staffToken(slug, "SPONSOR", "B02");
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        Response in = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", minjun.get("ticket").asString()));
        assertThat(in.status()).isEqualTo(200);
        try (BrowserContext phone = phone("ko-KR")) {
            Page page = open(phone, "/sponsor/" + slug);
            signIn(page, sponsor);
            page.navigate("/sponsor/" + slug);
            assertThat(page.locator("#giveaways-heading")).hasText("경품");
            assertThat(page.locator("#gift-counts tr[data-gift=shirt]")).hasAttribute("data-left", "2");

            page.locator("#gift").selectOption("shirt");
            page.locator("#handout-scan").fill(minjun.get("ticket").asString());
            page.locator("#handout-form button[type=submit]").click();
            assertThat(page.locator("#handout-verdict")).hasAttribute("data-result", "GIVEN");
            assertThat(page.locator("#handout-verdict")).containsText("티셔츠 지급 완료");
            assertThat(page.locator("#handout-verdict")).containsText("2개 중 1개 남음");
            assertThat(page.locator("#gift-counts tr[data-gift=shirt]")).hasAttribute("data-handed-out", "1");
            screenshot(page, "sponsor-giveaway-ko");

            // the same person again, with a new scan: one per attendee
            page.locator("#handout-scan").fill(minjun.get("ticket").asString());
            page.locator("#handout-form button[type=submit]").click();
            assertThat(page.locator("#handout-verdict")).hasAttribute("data-result", "REFUSED");
            assertThat(page.locator("#handout-verdict")).containsText("이미 받았습니다");
            assertThat(page.locator("#gift-counts tr[data-gift=shirt]")).hasAttribute("data-handed-out", "1");
        }
        String dashboard = get("/organizer/" + slug, ADMIN).text();
        assertThat(dashboard).contains("data-figure=\"giveaway-B02-shirt\"");
        assertThat(dashboard.indexOf("data-booth=\"B02\"")).as("diamond first").isLessThan(dashboard.indexOf("data-booth=\"B01\""));
        assertThat(dashboard).contains("data-zone=\"VR\"");

        // the organizer's export carries the giveaways and zones, and imports again as it is
        Response exported = get("/organizer/" + slug + "/definition.json", ADMIN);
        JsonNode definition = exported.json();
        assertThat(definition.get("booths").get(1).get("giveaways").get(0).get("stock").asInt()).isEqualTo(2);
        assertThat(definition.get("zones").get(0).get("code").asString()).isEqualTo("VR");
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, definition.toString()).status()).isEqualTo(200);
    }
}
