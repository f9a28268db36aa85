package dev.confer.web.door;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DoorBrowserTest extends StaffPagesTest {

    @Autowired
    JdbcClient jdbc;

    private void checkIn(String slug, String desk, JsonNode attendee) {
        Response r = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", attendee.get("ticket").asString()));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    @Test
    void aSessionLoopAdmitsTurnsAwayTheNotCheckedInAndSaysFullWhenTheRoomIsFull() {
        duringSession(10, 5); // S101 (10:00) admits
        String slug = defineEvent(uniqueSlug("door"), todayDefinition(50, 10, 10, 10, 1));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode alice = register(slug, "Alice", "alice@example.com");
        JsonNode late = register(slug, "Late Comer", "late@example.com");
        checkIn(slug, desk, minjun);
        checkIn(slug, desk, alice);
        String uid = "04A1B2C3D4E5" + String.format("%02X", (int) (Math.random() * 256));
        Response bound = call("PUT", "/api/v1/events/" + slug + "/registrations/" + minjun.get("id").asString() + "/badge", desk,
                Map.of("nfcUid", uid));
        assertThat(bound.status()).as(bound.text()).isEqualTo(200);
        try (BrowserContext phone = phone("en-US")) {
            Page page = open(phone, "/door/" + slug);
            signIn(page, staffToken(slug, "DOOR", null));
            page.navigate("/door/" + slug);
            assertThat(page.locator("h1")).containsText("Door");
            Locator first = page.locator(".door-points li").first();
            assertThat(first).containsText("10:00–10:40");
            assertThat(first).containsText("Room 301");
            assertThat(first).containsText("Admitted 0 / 1");
            screenshot(page, "door-points-en");
            assertScriptBudget(page);

            assertThat(page.locator(".door-points li")).hasCount(1); // one room, not every session of the day
            page.locator("#point-room-301").click();
            assertThat(page.locator("h1")).containsText("Room 301");
            assertThat(page.locator("#door-session")).hasText("Cloud-native finance");
            assertThat(page.locator("#door-now")).hasAttribute("data-point", "session:S101");
            assertThat(page.locator("#admitted")).hasText("Admitted 0 / 1");
            assertThat(page.locator("#scan")).isFocused();
            assertScriptBudget(page);

            scan(page, late.get("ticket").asString());
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-result", "NOT_CHECKED_IN");
            assertThat(verdict).containsText("Not checked in");
            assertThat(verdict).containsText("registration desk");
            assertThat(page.locator("#admitted")).hasText("Admitted 0 / 1");
            screenshot(page, "door-not-checked-in-en");

            scan(page, uid); // the badge linked at the desk
            assertThat(verdict).hasAttribute("data-result", "ADMITTED");
            assertThat(verdict).hasClass(Pattern.compile("\\bok\\b"));
            assertThat(verdict.locator("h2")).hasText("Admitted");
            assertThat(verdict).containsText("김민준"); // the verdict names the person
            assertThat(verdict).hasAttribute("data-entry", "FIRST");
            assertThat(verdict).containsText("First entry");
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 1");
            assertThat(page.locator("#scan")).isFocused();
            screenshot(page, "door-admitted-en");

            scan(page, alice.get("ticket").asString());
            assertThat(verdict).hasAttribute("data-result", "FULL");
            assertThat(verdict).hasClass(Pattern.compile("\\bno\\b"));
            assertThat(verdict.locator("h2")).hasText("Full");
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 1");
            screenshot(page, "door-full-en");

            scan(page, "04FFFFFFFF");
            assertThat(verdict).hasAttribute("data-result", "REJECTED");
            assertThat(verdict).containsText("not linked to any attendee");

            page.locator("#change-point").click();
            assertThat(page.locator(".door-points li").first()).containsText("Admitted 1 / 1");
        }
    }

    @Test
    void theCounterFollowsTapsFromOtherDoorsAndADoubleSubmitIsOneTap() {
        duringSession(14, 5); // S201 (14:00) admits
        String slug = defineEvent(uniqueSlug("door"), todayDefinition(50, 10, 10, 10, 5));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        checkIn(slug, desk, minjun);
        checkIn(slug, desk, seoyeon);
        try (BrowserContext tablet = laptop("ko-KR")) {
            Page page = open(tablet, "/door/" + slug);
            signIn(page, door);
            page.navigate("/door/" + slug + "/session/S201");
            assertThat(page.locator("#admitted")).hasText("입장 0 / 5");
            screenshot(page, "door-loop-ko");
            assertScriptBudget(page);

            // another door's tap shows up on this screen by itself
            Response other = post("/api/v1/events/" + slug + "/taps", door, Map.of("tapId", UUID.randomUUID().toString(),
                    "point", "session:S201", "credential", Map.of("ticket", minjun.get("ticket").asString())));
            assertThat(other.json().get("result").asString()).isEqualTo("ADMITTED");
            assertThat(page.locator("#admitted")).hasText("입장 1 / 5");

            // the same form sent twice (a double tap on the button) is one tap
            String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
            String tapId = page.locator("#tap-id").inputValue();
            for (int i = 0; i < 2; i++) {
                APIResponse sent = page.request().post("/door/" + slug + "/session/S201/taps", RequestOptions.create()
                        .setHeader("X-CSRF-TOKEN", csrf).setHeader("HX-Request", "true")
                        .setForm(FormData.create().set("tapId", tapId).set("scan", seoyeon.get("ticket").asString())));
                assertThat(sent.status()).isEqualTo(200);
                assertThat(sent.text()).contains("data-result=\"ADMITTED\"");
            }
            assertThat(jdbc.sql("SELECT count(*) FROM tap WHERE tap_id = ?").param(UUID.fromString(tapId)).query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(page.locator("#admitted")).hasText("입장 2 / 5");

            scan(page, minjun.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.locator("#verdict h2")).hasText("입장 가능");
            assertThat(page.locator("#verdict")).hasAttribute("data-entry", "REENTRY");
            assertThat(page.locator("#verdict")).containsText("재입장");
            String next = page.locator("#tap-id").inputValue();
            assertThat(next).as("each answer brings a fresh tap id").isNotEqualTo(tapId);
            assertThat(page.locator("#admitted")).hasText("입장 2 / 5"); // a re-entry takes no second seat
            screenshot(page, "door-admitted-ko");

            page.navigate("/door/" + slug);
            assertThat(page.locator("h1")).containsText("출입구");
            screenshot(page, "door-points-ko");
        }
    }

    @Test
    void onlyTheEventsDoorStaffAndOrganizersOpenTheDoor() {
        String slug = defineEvent(uniqueSlug("door"), todayDefinition(50, 10, 10, 10, 5));
        assertThat(get("/door/" + slug, staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(get("/door/" + slug, staffToken(slug, "SPONSOR", "B01")).status()).isEqualTo(403);
        assertThat(get("/door/" + slug + "/session/S101", staffToken(slug, "DOOR", null)).status()).isEqualTo(200);
        assertThat(get("/door/" + slug + "/session/S101", ADMIN).status()).isEqualTo(200);
        assertThat(get("/door/" + slug + "/session/NOPE", ADMIN).status()).isEqualTo(404);
    }
}
