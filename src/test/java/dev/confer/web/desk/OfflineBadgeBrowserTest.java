package dev.confer.web.desk;

import com.google.zxing.BinaryBitmap;
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
        String slug = defineEvent(uniqueSlug("offprint"), todayDefinition(600, 10, 10, 10, 50));
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        // about 1 ticket in 100 has a code that ZXing's detector misses with the mask the penalty rules choose;
        // take one such ticket when the first few hundred hold one, so the page must choose another mask
        for (int i = 1; i < 500 && foundWithUsualMask(minjun.get("ticket").asString()); i++) {
            minjun = register(slug, "김민준", "minjun" + i + "@example.com");
        }
        String ticket = minjun.get("ticket").asString();
        System.out.println("offline badge: the ticket's usual mask is " + (foundWithUsualMask(ticket) ? "found" : "missed"));
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

    private static boolean foundWithUsualMask(String ticket) throws Exception {
        com.google.zxing.common.BitMatrix usual = new com.google.zxing.qrcode.QRCodeWriter().encode(ticket,
                com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                        com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, com.google.zxing.EncodeHintType.MARGIN, 4));
        BufferedImage image = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(usual);
        BufferedImage larger = new BufferedImage(image.getWidth() * 6, image.getHeight() * 6, BufferedImage.TYPE_INT_RGB);
        larger.createGraphics().drawImage(image, 0, 0, larger.getWidth(), larger.getHeight(), null);
        try {
            new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(larger))));
            return true;
        } catch (com.google.zxing.ReaderException e) {
            return false;
        }
    }

    /** Draws the SVG path (runs of dark modules) at 3 to 8 px a module and reads it as a camera page's ZXing would. */
    private static String decode(String viewBox, String path) throws Exception {
        String text = null;
        for (int scale = 3; scale <= 8; scale++) {
            String read = decode(viewBox, path, scale);
            assertThat(text == null || text.equals(read)).isTrue();
            text = read;
        }
        return text;
    }

    private static String decode(String viewBox, String path, int scale) throws Exception {
        assertThat(viewBox).matches("0 0 \\d+ \\d+");
        int modules = Integer.parseInt(viewBox.split(" ")[2]);
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
        try {
            return new QRCodeReader().decode(bitmap).getText(); // no PURE_BARCODE hint: the finder-pattern search
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("the badge's QR code is not found at " + scale + " px a module", e);
        }
    }
}
