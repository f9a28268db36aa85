package dev.confer.web.door;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A door with no network: once opened online it keeps its roster and the event's public key, checks the
 * ticket's signature in the browser, and judges scans itself (first entry, re-entry, not checked in, forged),
 * queueing each with its own id; the page shell comes back from the service worker on a reload.
 */
class OfflineDoorBrowserTest extends StaffPagesTest {

    @Autowired
    JdbcClient jdbc;

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    @Test
    void aDoorJudgesScansOfflineQueuesThemAndSyncsWhenTheNetworkReturns() {
        duringSession(14, 5); // S201 (14:00) admits
        String slug = defineEvent(uniqueSlug("offline"), todayDefinition(50, 10, 10, 10, 5));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode late = register(slug, "Late Comer", "late@example.com");
        assertThat(post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", minjun.get("ticket").asString())).status())
                .isEqualTo(200);
        try (BrowserContext phone = phone("en-US")) {
            browserAt(phone, 14, 5); // offline, the door judges the session's window by the device's clock
            Page page = open(phone, "/door/" + slug);
            page.onConsoleMessage(m -> System.out.println("offline door console: " + m.type() + " " + m.text()));
            page.onResponse(r -> { if (r.status() >= 400) { System.out.println("offline door answer " + r.status() + ": " + r.url()); } });
            signIn(page, door);
            page.navigate("/door/" + slug + "/session/S201");
            Locator status = page.locator("#floor-offline");
            assertThat(status).hasAttribute("data-roster", "ready");
            assertThat(status).hasAttribute("data-shell", "cached");
            assertThat(status).containsText("Online");

            phone.setOffline(true);
            assertThat(status).hasAttribute("data-online", "false");
            page.reload(); // the shell from the service worker, the roster from IndexedDB
            assertThat(page.locator("h1")).hasText("Cloud-native finance");
            assertThat(status).hasAttribute("data-roster", "ready");
            assertThat(status).containsText("Offline");

            Locator verdict = page.locator("#verdict");
            scan(page, minjun.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(verdict).hasAttribute("data-offline", "true");
            assertThat(verdict).hasAttribute("data-entry", "FIRST");
            assertThat(verdict).containsText("김민준");
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 5");
            assertThat(page.locator("#scan")).isFocused();
            screenshot(page, "door-offline-admitted-en");

            scan(page, minjun.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-entry", "REENTRY");
            assertThat(verdict).containsText("Re-entry");
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 5");

            scan(page, late.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "NOT_CHECKED_IN");
            assertThat(verdict).containsText("Late Comer");

            String ticket = minjun.get("ticket").asString();
            String forged = ticket.substring(0, ticket.length() - 4) + (ticket.endsWith("AAAA") ? "BBBB" : "AAAA");
            scan(page, forged);
            assertThat(verdict).hasAttribute("data-result", "FORGED");

            assertThat(status).hasAttribute("data-queue", "2");
            assertThat(status).containsText("Queued: 2");
            screenshot(page, "door-offline-status-en");

            phone.setOffline(false); // the queue goes out by itself
            assertThat(status).hasAttribute("data-queue", "0", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(status).containsText("Last sync");
            Response room = get("/api/v1/events/" + slug + "/rooms/301/now", door);
            assertThat(room.json().get("session").get("admitted").asInt()).as(room.text()).isEqualTo(1); // the re-entry took no seat
            assertThat(jdbc.sql("SELECT count(*) FROM tap t JOIN event e ON e.id = t.event_id WHERE e.slug = ? AND t.point = 'session:S201'")
                    .param(slug).query(Integer.class).single()).as("the first entry and the re-entry, each once").isEqualTo(2);
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 5");
        }
    }
}
