package dev.confer.web.desk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.tickets.TicketQr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The desk's camera for real: Chromium's fake camera plays a video of the attendee's QR code and the page
 * decodes it with the ZXing fallback, which it loads only when the camera starts. The camera keeps
 * scanning after the check-in (the next attendee steps up) and the code still in front of it is not sent again.
 */
class DeskCameraBrowserTest extends StaffPagesTest {

    @Test
    void theCameraReadsTheTicketAndChecksIn() throws IOException {
        String slug = defineEvent(uniqueSlug("camera"), todayDefinition(10, 10, 10, 5, 10));
        for (int attempt = 1; ; attempt++) {
            try {
                scanAtTheDesk(slug, attempt);
                return;
            } catch (FakeCamera.CodeNotFound e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("desk camera: " + e.getMessage() + "; another attendee's ticket");
            }
        }
    }

    private void scanAtTheDesk(String slug, int attempt) throws IOException {
        String ticket = register(slug, "한지우", "jiwoo" + attempt + "@example.com").get("ticket").asString();
        for (int i = 2; !FakeCamera.zxingFinds(TicketQr.matrix(ticket)); i++) { // a code this camera can show
            ticket = register(slug, "한지우 " + i, "jiwoo" + attempt + "-" + i + "@example.com").get("ticket").asString();
        }
        String desk = staffToken(slug, "DESK", null);
        try (FakeCamera camera = FakeCamera.showing(TicketQr.matrix(ticket), args -> launchChromium(args));
             BrowserContext laptop = camera.context("ko-KR", 1280, 900, port)) {
            Page page = laptop.newPage();
            page.onConsoleMessage(m -> System.out.println("desk camera page console: " + m.type() + " " + m.text()));
            List<String> scripts = new ArrayList<>();
            page.onRequest(r -> {
                if ("script".equals(r.resourceType())) {
                    scripts.add(r.url());
                }
            });
            signIn(page, desk);
            page.waitForURL("**/desk/" + slug);
            org.assertj.core.api.Assertions.assertThat(scripts).as("the decoder is not loaded before the camera starts")
                    .noneMatch(url -> url.contains("zxing"));

            page.locator("#camera-start").click();
            FakeCamera.awaitVerdict(page, "CHECKED_IN", () -> screenshot(page, "desk-camera-stalled"));
            assertThat(page.locator("#verdict")).containsText("한지우");
            // the stall check's own decode (FakeCamera.CodeNotFound) sees what the page's loop saw
            org.assertj.core.api.Assertions.assertThat(page.evaluate(FakeCamera.PAGE_DECODER_FINDS)).isEqualTo(true);
            assertThat(page.locator("[data-camera]")).hasAttribute("data-camera", "scanning");
            org.assertj.core.api.Assertions.assertThat(scripts).anyMatch(url -> url.contains("zxing"));
            screenshot(page, "desk-camera-ko");

            page.locator("#camera-stop").click();
            assertThat(page.locator("#camera-box")).isHidden();
            assertThat(page.locator("[data-camera]")).hasAttribute("data-camera", "off");
            // the code was held up all along: one check-in, not a second "already checked in"
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
        }
    }
}
