package dev.confer.web.desk;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desk with no network prints the badge from the page: the QR code drawn in the browser from the ticket it scanned
 * (read back here with ZXing, it is the ticket), name and company from the offline roster; the print is logged in the
 * organizer's print log, under the desk's label, when the desk syncs. {@code window.print} is a recorder, as in
 * {@link BadgePrintLogBrowserTest}.
 */
class OfflineBadgeBrowserTest extends StaffPagesTest {

    private static final String PRINT_RECORDER = BadgePrintLogBrowserTest.PRINT_RECORDER;

    @Test
    void anOfflineScanPrintsABadgeWhoseQrIsTheTicketAndThePrintIsLoggedAtSync() throws Exception {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("offprint"), todayDefinition(50, 10, 10, 10, 50));
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        String ticket = minjun.get("ticket").asString();
        Response issued = post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "DESK", "label", "Desk 7 · Hall B"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String desk = issued.json().get("token").asString();
        LocatorAssertions.HasAttributeOptions generous = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

        try (BrowserContext kiosk = laptop("en-US")) {
            browserAt(kiosk, 9, 0); // offline, the desk judges "today" by the device's clock
            kiosk.addInitScript(PRINT_RECORDER);
            Page page = open(kiosk, "/desk/" + slug);
            page.onConsoleMessage(m -> System.out.println("offline desk console: " + m.type() + " " + m.text()));
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            Locator status = page.locator("#floor-offline");
            assertThat(status).hasAttribute("data-roster", "ready", generous);
            assertThat(status).hasAttribute("data-shell", "cached", generous); // the QR encoder's script is cached too
            page.locator("#auto-print").check();

            kiosk.setOffline(true);
            assertThat(status).hasAttribute("data-online", "false");
            page.locator("#scan").fill(ticket);
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("#verdict")).hasAttribute("data-offline", "true");
            assertThat(page.locator("html")).hasAttribute("data-printed", "1", generous); // printed by itself, offline
            assertThat((String) page.evaluate("() => window.__printed[0]"))
                    .startsWith(minjun.get("id").asString() + "|").contains("김민준").contains("Hanbit");
            assertThat(status).hasAttribute("data-prints", "1"); // waiting for the network to be logged
            assertThat(status).hasAttribute("data-queue", "1");

            // what the printer gets: the badge alone, its QR drawn in the browser from the scanned ticket
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#badge-sheet")).isVisible();
            assertThat(page.locator("#badge-sheet .badge-name")).hasText("김민준");
            assertThat(page.locator("#scan")).isHidden();
            String viewBox = page.locator("#badge-sheet .badge-qr").getAttribute("viewBox");
            String path = page.locator("#badge-sheet .badge-qr path").getAttribute("d");
            assertThat(decode(viewBox, path)).isEqualTo(ticket);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // the network is back: the check-in and then the print go out by themselves, the print once
            kiosk.setOffline(false);
            assertThat(status).hasAttribute("data-queue", "0", generous);
            assertThat(status).hasAttribute("data-prints", "0", generous);
        }

        Response log = get("/api/v1/events/" + slug + "/badge-prints", ADMIN);
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.json().size()).as(log.text()).isEqualTo(1);
        JsonNode print = log.json().get(0);
        assertThat(print.get("name").asString()).isEqualTo("김민준");
        assertThat(print.get("printedBy").asString()).isEqualTo("Desk 7 · Hall B");
        assertThat(print.get("reprint").asBoolean()).isFalse();
        // the check-in made offline counts under the same desk
        assertThat(get("/organizer/" + slug, ADMIN).text()).contains("Desk 7 · Hall B");
    }

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    /** Draws the SVG path (runs of dark modules) at 8 px a module and reads it with ZXing. */
    private static String decode(String viewBox, String path) throws Exception {
        assertThat(viewBox).matches("0 0 \\d+ \\d+");
        int modules = Integer.parseInt(viewBox.split(" ")[2]);
        int scale = 8;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher m = RUN.matcher(path);
        int runs = 0;
        while (m.find()) {
            g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale, Integer.parseInt(m.group(3)) * scale, scale);
            runs++;
        }
        g.dispose();
        assertThat(runs).isGreaterThan(20);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
