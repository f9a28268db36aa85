package dev.confer.web.desk;

import com.google.zxing.common.BitMatrix;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.tickets.TicketQr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The desk's camera for real: Chromium's fake camera plays a video of the attendee's QR code (written
 * here as a Y4M file), and the page decodes it. Chromium on Linux has no BarcodeDetector, so this runs the
 * ZXing fallback, which the page loads only when the camera starts.
 */
class DeskCameraBrowserTest extends StaffPagesTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Test
    void theCameraReadsTheTicketAndChecksIn() throws IOException {
        String slug = defineEvent(uniqueSlug("camera"), todayDefinition(10, 10, 10, 5, 10));
        String ticket = register(slug, "한지우", "jiwoo@example.com").get("ticket").asString();
        String desk = staffToken(slug, "DESK", null);
        Path video = Files.createTempFile("confer-qr", ".y4m");
        writeVideoOf(TicketQr.matrix(ticket), video);

        Browser withCamera = launchChromium(List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath()));
        try (BrowserContext laptop = withCamera.newContext(new Browser.NewContextOptions().setLocale("ko-KR")
                .setViewportSize(1280, 900).setBaseURL("http://localhost:" + port).setPermissions(List.of("camera")))) {
            Page page = laptop.newPage();
            page.onConsoleMessage(m -> System.out.println("desk camera page console: " + m.type() + " " + m.text()));
            page.onResponse(r -> { if (r.status() >= 400) { System.out.println("desk camera page answer " + r.status() + ": " + r.url()); } });
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
            try {
                assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            } catch (AssertionError e) {
                // what the camera was doing, so that a stall says where it stood
                System.out.println("desk camera state: " + page.evaluate("() => { const v = document.getElementById('camera'); "
                        + "return JSON.stringify({readyState: v.readyState, width: v.videoWidth, paused: v.paused, time: v.currentTime, "
                        + "stream: !!v.srcObject, hidden: document.hidden, status: document.getElementById('camera-status').textContent, "
                        + "box: document.getElementById('camera-box').hidden, zxing: !!window.ZXing}); }"));
                screenshot(page, "desk-camera-stalled");
                throw e;
            }
            assertThat(page.locator("#verdict")).containsText("한지우");
            assertThat(page.locator("#camera-box")).isHidden();
            org.assertj.core.api.Assertions.assertThat(scripts).anyMatch(url -> url.contains("zxing"));
            screenshot(page, "desk-camera-ko");
        } finally {
            withCamera.close();
            Files.deleteIfExists(video);
        }
    }

    /** A few frames of the QR code, black on white in the middle of the picture, as raw YUV 4:2:0. */
    private static void writeVideoOf(BitMatrix qr, Path file) throws IOException {
        int scale = Math.min(WIDTH, HEIGHT) * 8 / 10 / qr.getWidth();
        int left = (WIDTH - qr.getWidth() * scale) / 2;
        int top = (HEIGHT - qr.getHeight() * scale) / 2;
        byte[] luma = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int col = (x - left) / scale;
                int row = (y - top) / scale;
                boolean dark = x >= left && y >= top && col < qr.getWidth() && row < qr.getHeight() && qr.get(col, row);
                luma[y * WIDTH + x] = (byte) (dark ? 16 : 235);
            }
        }
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 10; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
    }
}
