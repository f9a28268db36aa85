package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * My ticket on a 390 x 844 phone at a venue whose network has collapsed: opened once online, it reloads with the
 * network off and still shows the QR, the name and the status, says it is a saved copy, and refreshes when the
 * network is back. A cancelled ticket is forgotten. Korean and English.
 */
class MyTicketOfflineBrowserTest extends BrowserTest {

    private static final Page.WaitForSelectorOptions PATIENTLY = new Page.WaitForSelectorOptions().setTimeout(30_000);

    private JsonNode registerIn(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    private static String ticketPath(String slug, JsonNode r) {
        return "/e/" + slug + "/my-ticket/" + r.get("id").asString() + "?token=" + r.get("manageToken").asString();
    }

    @Test
    void myTicketReloadsWithTheNetworkOffAndStillShowsTheQrInKorean() {
        String slug = defineEvent(uniqueSlug("offline"), SiteEvents.upcoming(10, 0, 100));
        JsonNode kim = registerIn(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, ticketPath(slug, kim));
            assertThat(page.locator("#ticket-fresh")).containsText("갱신했습니다");
            page.waitForSelector("html[data-ticket-saved=yes]", PATIENTLY);
            String qr = page.locator("img.site-qr").getAttribute("src");

            korean.setOffline(true);
            page.reload();
            assertThat(page.locator("img.site-qr")).isVisible();
            assertThat(page.locator("img.site-qr")).hasAttribute("src", qr);
            assertThat(page.locator("#ticket-name")).hasText("김민준");
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            assertThat(page.locator("#ticket-fresh")).containsText("오프라인:");
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            screenshot(page, "site-my-ticket-offline-ko");

            korean.setOffline(false); // the page reloads itself when the network is back (the fresh page, not the saved copy)
            page.waitForSelector("html[data-network=online][data-ticket-saved=yes]:not([data-served])", PATIENTLY);
            assertThat(page.locator("#ticket-fresh")).containsText("갱신했습니다");
        }
    }

    @Test
    void aCancelledTicketIsForgottenAndTheManifestOpensTheTicketInEnglish() {
        String slug = defineEvent(uniqueSlug("offline"), SiteEvents.upcoming(10, 0, 100));
        JsonNode ann = registerIn(slug, "Ann Lee", "ann@" + slug + ".example.com", "en");
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, ticketPath(slug, ann));
            page.waitForSelector("html[data-ticket-saved=yes]", PATIENTLY);
            String manifest = page.locator("link[rel=manifest]").getAttribute("href");
            JsonNode app = get(manifest, null).json();
            assertThat(app.get("start_url").asString()).isEqualTo(ticketPath(slug, ann));
            assertThat(app.get("scope").asString()).isEqualTo("/e/" + slug + "/my-ticket/");
            assertThat(app.get("name").asString()).startsWith("My ticket");

            english.setOffline(true);
            page.reload();
            assertThat(page.locator("img.site-qr")).isVisible();
            assertThat(page.locator("#ticket-fresh")).containsText("Offline: your ticket as saved");
            screenshot(page, "site-my-ticket-offline-en");
            english.setOffline(false);
            page.waitForSelector("html[data-network=online][data-ticket-saved=yes]:not([data-served])", PATIENTLY);

            page.locator("#cancel-link").click();
            page.locator("#cancel-confirm").click();
            assertThat(page.locator("#ticket-status")).hasText("Cancelled");
            page.waitForSelector("html[data-ticket-saved=forgotten]", PATIENTLY);

            english.setOffline(true);
            try {
                page.reload();
            } catch (PlaywrightException offlineAndNothingKept) {
                // the browser's own "no connection" page: nothing was kept
            }
            assertThat(page.locator("img.site-qr")).hasCount(0);
            assertThat(page.locator("#ticket-name")).hasCount(0);
        }
    }
}
