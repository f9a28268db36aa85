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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Door devices with no network, in real Chromium: two doors of one 100-seat room each admit against their own count
 * and the server settles their queues at exactly 100 seats plus the admissions over capacity, counted; a registration
 * cancelled while a door was online reaches its roster at the next refresh and is refused there offline.
 */
class OfflineDevicesBrowserTest extends StaffPagesTest {

    @Autowired
    JdbcClient jdbc;

    /** Scans every code through the page's own scan path, one verdict after another; counts the verdicts by result. */
    private static final String SCAN_ALL = """
            async (codes) => {
              const counts = {};
              for (const code of codes) {
                window.ConferFloor.scan(code);
                const result = await new Promise(resolve => {
                  const look = () => {
                    const v = document.querySelector('#verdict');
                    const r = v && v.getAttribute('data-result');
                    if (r && r !== 'PENDING') { resolve(r + (v.getAttribute('data-offline') === 'true' ? ':offline' : '')); }
                    else { setTimeout(look, 5); }
                  };
                  look();
                });
                counts[result] = (counts[result] || 0) + 1;
              }
              return counts;
            }""";

    private static Map<String, Integer> counts(Object fromPage) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        ((Map<?, ?>) fromPage).forEach((k, v) -> counts.put(String.valueOf(k), ((Number) v).intValue()));
        return counts;
    }

    private Page door(BrowserContext device, String slug, String token) {
        browserAt(device, 14, 5);
        Page page = open(device, "/door/" + slug);
        signIn(page, token);
        page.navigate("/door/" + slug + "/session/S201");
        assertThat(page.locator("#floor-offline")).hasAttribute("data-roster", "ready");
        return page;
    }

    @Test
    void twoDoorsOfflineOnOneHundredSeatRoomSettleAtOneHundredPlusCountedOverCapacity() {
        duringSession(14, 5);
        String slug = defineEvent(uniqueSlug("two-doors"), todayDefinition(400, 10, 10, 10, 100));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            JsonNode person = register(slug, "Person " + i, "p" + i + "@example.com");
            Response in = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", person.get("ticket").asString()));
            assertThat(in.status()).as(in.text()).isEqualTo(200);
            tickets.add(person.get("ticket").asString());
        }
        try (BrowserContext first = laptop("en-US"); BrowserContext second = laptop("en-US")) {
            Page a = door(first, slug, door);
            Page b = door(second, slug, door);
            first.setOffline(true);
            second.setOffline(true);
            assertThat(a.locator("#floor-offline")).hasAttribute("data-online", "false");
            assertThat(b.locator("#floor-offline")).hasAttribute("data-online", "false");

            Map<String, Integer> onA = counts(a.evaluate(SCAN_ALL, tickets.subList(0, 150)));
            Map<String, Integer> onB = counts(b.evaluate(SCAN_ALL, tickets.subList(150, 300)));
            // each door fills the room by its own count and turns the rest away
            assertThat(onA).containsEntry("ADMITTED:offline", 100).containsEntry("FULL:offline", 50).hasSize(2);
            assertThat(onB).containsEntry("ADMITTED:offline", 100).containsEntry("FULL:offline", 50).hasSize(2);
            assertThat(a.locator("#admitted")).hasText("Admitted 100 / 100");
            assertThat(a.locator("#floor-offline")).hasAttribute("data-queue", "100");
            assertThat(b.locator("#floor-offline")).hasAttribute("data-queue", "100");
            screenshot(a, "door-offline-full-en");

            first.setOffline(false);
            second.setOffline(false);
            LocatorAssertions.HasAttributeOptions sync = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
            assertThat(a.locator("#floor-offline")).hasAttribute("data-queue", "0", sync);
            assertThat(b.locator("#floor-offline")).hasAttribute("data-queue", "0", sync);
        }
        JsonNode s201 = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("sessions").get(1);
        assertThat(s201.get("code").asString()).isEqualTo("S201");
        assertThat(s201.get("admitted").asInt()).as("the seats: never more than the room").isEqualTo(100);
        assertThat(s201.get("overCapacity").asInt()).as("let in offline after the room was full: counted, not dropped").isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM tap t JOIN event e ON e.id = t.event_id WHERE e.slug = ?")
                .param(slug).query(Integer.class).single()).as("each admission once").isEqualTo(200);
    }

    @Test
    void aCancellationOrAnErasureReachesAnOfflineDoorAtItsNextRefreshAndIsRefusedThere() {
        duringSession(14, 5);
        String slug = defineEvent(uniqueSlug("revoked"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        JsonNode stays = register(slug, "Stays Kim", "stays@example.com");
        JsonNode leaves = register(slug, "Leaves Park", "leaves@example.com");
        JsonNode erased = register(slug, "Erased Yoon", "erased@example.com");
        for (JsonNode p : List.of(stays, leaves, erased)) {
            assertThat(post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", p.get("ticket").asString())).status())
                    .isEqualTo(200);
        }
        try (BrowserContext tablet = laptop("ko-KR")) {
            Page page = door(tablet, slug, staffToken(slug, "DOOR", null));
            Locator status = page.locator("#floor-offline");
            String before = status.getAttribute("data-refreshes");

            Response cancelled = call("DELETE", "/api/v1/events/" + slug + "/registrations/" + leaves.get("id").asString(), ADMIN, null);
            assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
            // an erasure revokes the ticket the same way (its signature still verifies on the device)
            Response erasure = post("/api/v1/events/" + slug + "/registrations/" + erased.get("id").asString() + "/erasure?token="
                    + erased.get("manageToken").asString(), null, null);
            assertThat(erasure.status()).as(erasure.text()).isEqualTo(200);
            // the next refresh (here: the network coming back) brings the change
            tablet.setOffline(true);
            assertThat(status).hasAttribute("data-online", "false");
            tablet.setOffline(false);
            assertThat(status).not().hasAttribute("data-refreshes", before, new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));

            tablet.setOffline(true);
            assertThat(status).hasAttribute("data-online", "false");
            Locator verdict = page.locator("#verdict");
            page.locator("#scan").fill(leaves.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(verdict).hasAttribute("data-result", "CANCELLED");
            assertThat(verdict).hasAttribute("data-offline", "true");
            assertThat(verdict).containsText("Leaves Park");
            assertThat(verdict).containsText("취소");
            page.locator("#scan").fill(erased.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(verdict).hasAttribute("data-result", "REVOKED");
            assertThat(verdict).hasAttribute("data-offline", "true");
            assertThat(verdict).containsText("무효");
            page.locator("#scan").fill(stays.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(status).hasAttribute("data-queue", "1"); // the refused scan is not queued
            screenshot(page, "door-offline-cancelled-ko");
        }
    }
}
