package dev.confer.web.door;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door picks a room, not a session, and follows the room's programme: S101 (10:00–10:40) while its door is open,
 * then S201 (14:00, door from 13:30), by itself; outside every window a scan is NOT_NOW, online and offline alike.
 */
class DoorFollowsTheRoomBrowserTest extends StaffPagesTest {

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    private Response room(String slug, String token) {
        return get("/api/v1/events/" + slug + "/rooms/301/now", token);
    }

    @Test
    void theDoorFollowsItsRoomSwitchesByItselfAndRefusesOutsideTheWindowOnlineAndOffline() {
        duringSession(10, 5);
        String slug = defineEvent(uniqueSlug("follow"), todayDefinition(50, 10, 10, 10, 5));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode alice = register(slug, "Alice Kim", "alice@example.com");
        for (JsonNode a : new JsonNode[] {minjun, alice}) {
            Response in = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", a.get("ticket").asString()));
            assertThat(in.status()).as(in.text()).isEqualTo(200);
        }
        try (BrowserContext tablet = laptop("en-US")) {
            browserAt(tablet, 10, 5);
            Page page = open(tablet, "/door/" + slug);
            signIn(page, door);
            page.navigate("/door/" + slug);
            Locator card = page.locator("#point-room-301");
            assertThat(page.locator(".door-points li")).hasCount(1); // the room, not its sessions
            assertThat(card).containsText("Now:");
            assertThat(card).containsText("10:00–10:40");
            assertThat(card).containsText("Admitted 0 / 5");
            screenshot(page, "door-rooms-en");

            card.click();
            Locator now = page.locator("#door-now");
            Locator verdict = page.locator("#verdict");
            assertThat(page.locator("h1")).containsText("Room 301");
            assertThat(page.locator("#door-clock")).containsText("10:0");
            assertThat(now).hasAttribute("data-point", "session:S101");
            assertThat(now).hasAttribute("data-door-open", "true");
            assertThat(now).containsText("Door open until 10:40");
            scan(page, minjun.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(verdict).containsText("김민준");
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 5");
            assertThat(page.locator("#door-recent li")).hasCount(1);
            assertThat(page.locator("#door-recent li").first()).containsText("김민준");
            screenshot(page, "door-room-now-en");

            // S101 is over; S201's door opens at 13:30: the page switches by itself and a scan is not an admission
            duringSession(10, 45);
            browserAt(tablet, 10, 45);
            assertThat(now).hasAttribute("data-point", "session:S201");
            assertThat(now).hasAttribute("data-door-open", "false");
            assertThat(now).containsText("Door opens at 13:30");
            scan(page, alice.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "NOT_NOW");
            assertThat(verdict).containsText("13:30");
            assertThat(verdict).containsText("Nobody was admitted");
            assertThat(page.locator("#door-recent li")).hasCount(2);
            assertThat(page.locator("#door-recent li").first()).hasAttribute("data-result", "NOT_NOW");
            screenshot(page, "door-room-not-now-en");

            duringSession(13, 35);
            browserAt(tablet, 13, 35);
            assertThat(now).hasAttribute("data-door-open", "true");
            assertThat(now).containsText("S201");
            scan(page, alice.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(verdict).containsText("Alice Kim");
            assertThat(room(slug, door).json().get("session").get("admitted").asInt()).isEqualTo(1);

            // offline the page keeps following the room with its own clock and windows
            Locator status = page.locator("#floor-offline");
            assertThat(status).hasAttribute("data-roster", "ready");
            tablet.setOffline(true);
            assertThat(status).hasAttribute("data-online", "false");
            duringSession(14, 41);
            browserAt(tablet, 14, 41); // S201 ended at 14:40
            scan(page, minjun.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "NOT_NOW");
            assertThat(verdict).hasAttribute("data-offline", "true");
            assertThat(verdict).containsText("Nobody was admitted");
            assertThat(status).hasAttribute("data-queue", "0"); // nothing to send: nobody was let in

            duringSession(14, 10);
            browserAt(tablet, 14, 10);
            scan(page, minjun.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(verdict).hasAttribute("data-offline", "true");
            assertThat(verdict).hasAttribute("data-entry", "FIRST"); // his entry at S101 is not one at S201
            assertThat(page.locator("#admitted")).hasText("Admitted 2 / 5");
            assertThat(status).hasAttribute("data-queue", "1");
            screenshot(page, "door-room-offline-en");

            tablet.setOffline(false);
            assertThat(status).hasAttribute("data-queue", "0", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            JsonNode s201 = room(slug, door).json().get("session");
            assertThat(s201.get("code").asString()).isEqualTo("S201");
            assertThat(s201.get("admitted").asInt()).as("Alice online, 김민준 offline and synced").isEqualTo(2);
        }
    }

    @Test
    void theRoomDoorSpeaksKorean() {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("follow-ko"), todayDefinition(50, 10, 10, 10, 5));
        try (BrowserContext phone = phone("ko-KR")) {
            Page page = open(phone, "/door/" + slug);
            signIn(page, staffToken(slug, "DOOR", null));
            page.navigate("/door/" + slug);
            assertThat(page.locator("#point-room-301")).containsText("다음:");
            page.locator("#point-room-301").click();
            assertThat(page.locator("#door-now")).containsText("09:30부터 입장");
            assertThat(page.locator("#door-recent li")).hasCount(0);
            assertThat(page.locator("#recent-none")).hasText("아직 스캔이 없습니다.");
            screenshot(page, "door-room-next-ko");
        }
    }
}
