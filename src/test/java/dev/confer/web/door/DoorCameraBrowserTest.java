package dev.confer.web.door;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.tickets.TicketQr;
import dev.confer.web.desk.FakeCamera;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A door phone scans with its camera: Chromium's fake camera shows the attendee's ticket, the door admits them. */
class DoorCameraBrowserTest extends StaffPagesTest {

    @Test
    void aPhoneAtTheDoorScansTheTicketWithItsCamera() throws IOException {
        duringSession(14, 5); // S201 (14:00) admits: a door admits only around its session
        String slug = defineEvent(uniqueSlug("doorcam"), todayDefinition(50, 10, 10, 10, 5));
        for (int attempt = 1; ; attempt++) {
            try {
                scanAtTheDoor(slug, attempt);
                return;
            } catch (FakeCamera.CodeNotFound e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("door camera: " + e.getMessage() + "; another attendee's ticket");
            }
        }
    }

    private void scanAtTheDoor(String slug, int attempt) throws IOException {
        JsonNode attendee = register(slug, "Camera Kim " + attempt, "camkim" + attempt + "@example.com");
        for (int i = 2; !FakeCamera.zxingFinds(TicketQr.matrix(attendee.get("ticket").asString())); i++) {
            attendee = register(slug, "Camera Kim " + attempt + "-" + i, "camkim" + attempt + "-" + i + "@example.com"); // a code this camera can show
        }
        Response checkedIn = post("/api/v1/events/" + slug + "/check-ins", staffToken(slug, "DESK", null),
                Map.of("ticket", attendee.get("ticket").asString()));
        assertThat(checkedIn.status()).as(checkedIn.text()).isEqualTo(200);
        try (FakeCamera camera = FakeCamera.showing(TicketQr.matrix(attendee.get("ticket").asString()), args -> launchChromium(args));
             BrowserContext phone = camera.context("en-US", PHONE_WIDTH, PHONE_HEIGHT, port)) {
            Page page = phone.newPage();
            signIn(page, staffToken(slug, "DOOR", null));
            page.navigate("/door/" + slug + "/session/S201");
            page.locator("#camera-start").click();
            FakeCamera.awaitVerdict(page, "ADMITTED", () -> screenshot(page, "door-camera-stalled"));
            assertThat(page.locator("#admitted")).hasText("Admitted 1 / 5");
            assertThat(page.locator("[data-camera]")).hasAttribute("data-camera", "scanning");
            screenshot(page, "door-camera-en");
        }
    }
}
