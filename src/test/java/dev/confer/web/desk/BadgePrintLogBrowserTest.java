package dev.confer.web.desk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-print for a kiosk printer: a first check-in prints its badge by itself; a second scan offers a reprint, which a
 * person presses; the organizer's print log says which desk printed which badge when, and which print was a reprint;
 * the check-ins count under the desk token's label. The operating system's print dialog is outside Confer, so the
 * browser's {@code window.print} is replaced by a recorder (before any page script runs) that keeps what the page
 * asked to print; the print layout itself is checked with the print media emulated.
 */
class BadgePrintLogBrowserTest extends StaffPagesTest {

    /** Replaces {@code window.print} with a recorder of what the page asked to print (also the offline badge test's). */
    static final String PRINT_RECORDER = """
            window.print = function () {
              var sheet = document.getElementById('badge-sheet');
              var printed = (window.__printed = window.__printed || []);
              printed.push(sheet ? sheet.getAttribute('data-registration') + '|' + sheet.textContent.replace(/\\s+/g, ' ').trim() : '');
              document.documentElement.setAttribute('data-printed', String(printed.length));
            };""";

    @Test
    void autoPrintPrintsTheFirstBadgeAndTheOrganizerSeesTheReprintUnderTheDesksName() {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("prints"), todayDefinition(50, 10, 10, 10, 50));
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        String ticket = minjun.get("ticket").asString();
        Response issued = post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "DESK", "label", "Desk 3 · Hall A"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String desk = issued.json().get("token").asString();

        try (BrowserContext kiosk = laptop("en-US")) {
            kiosk.addInitScript(PRINT_RECORDER);
            Page page = open(kiosk, "/desk/" + slug);
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            page.locator("#auto-print").check();
            page.locator("#scan").fill(ticket);
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("html")).hasAttribute("data-printed", "1"); // printed by itself
            Object first = page.evaluate("() => window.__printed[0]");
            assertThat((String) first).startsWith(minjun.get("id").asString() + "|").contains("김민준").contains("Hanbit");

            // what the printer gets: the badge alone (name, company, the ticket's QR, the keynote seat), not the desk page
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#badge-sheet")).isVisible();
            assertThat(page.locator("#badge-sheet .badge-name")).hasText("김민준");
            assertThat(page.locator("#badge-sheet .badge-qr path")).hasAttribute("d", java.util.regex.Pattern.compile("^M\\d+ \\d+h\\d+"));
            assertThat(page.locator("#badge-sheet .badge-seat")).hasText("Hall D, seat 1");
            assertThat(page.locator("#scan")).isHidden();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            assertThat(page.locator("#badge-sheet")).isHidden();
            assertThat(page.locator("#scan")).isVisible();

            // a second scan is a reprint: never printed by itself, printed when the desk worker presses the button
            duringSession(9, 1);
            page.locator("#scan").fill(ticket);
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ALREADY");
            assertThat(page.locator("#print-badge")).hasText("Reprint badge");
            assertThat(page.locator("html")).hasAttribute("data-printed", "1");
            page.locator("#print-badge").click();
            assertThat(page.locator("html")).hasAttribute("data-printed", "2");
        }

        // the log is written before the page prints, but the page never waits for it more than a second
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/events/" + slug + "/badge-prints", ADMIN).json().size() == 2);
        Response log = get("/api/v1/events/" + slug + "/badge-prints", ADMIN);
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        JsonNode reprint = log.json().get(0);
        assertThat(reprint.get("reprint").asBoolean()).as(log.text()).isTrue();
        assertThat(reprint.get("name").asString()).isEqualTo("김민준");
        assertThat(reprint.get("printedBy").asString()).isEqualTo("Desk 3 · Hall A");
        assertThat(log.json().get(1).get("reprint").asBoolean()).as(log.text()).isFalse();
        assertThat(get("/api/v1/events/" + slug + "/badge-prints?reprints=true", ADMIN).json().size()).isEqualTo(1);
        assertThat(get("/api/v1/events/" + slug + "/badge-prints", desk).status()).isEqualTo(403);
        String page = call("GET", "/organizer/" + slug + "/badge-prints?reprints=true", ADMIN, null, Map.of("Accept-Language", "ko")).text();
        assertThat(page).contains("명찰 인쇄 기록", "김민준", "Desk 3 · Hall A", "data-reprint=\"true\"").doesNotContain("data-reprint=\"false\"");
        assertThat(get("/organizer/" + slug + "/badge-prints", desk).status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/access-log", ADMIN).json().findValuesAsString("action")).contains("BADGE_PRINTS");

        // the check-in counts under the desk's label: the dashboard's desk table names it
        String dashboard = get("/organizer/" + slug, ADMIN).text();
        assertThat(dashboard).contains("Desk 3 · Hall A").doesNotContain("Desk pages");
    }

    @Test
    void aDeskWithoutLabelIsNamedByItsTokenNumberAndTwoDesksStayApart() {
        duringSession(9, 0);
        String slug = defineEvent(uniqueSlug("desks"), todayDefinition(50, 10, 10, 10, 50));
        String seoyeon = register(slug, "이서연", "seoyeon@example.com").get("ticket").asString();
        String jiho = register(slug, "박지호", "jiho@example.com").get("ticket").asString();
        Response labelled = post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "DESK", "label", "North desk"));
        String unlabelled = staffToken(slug, "DESK", null);
        try (BrowserContext north = laptop("ko-KR"); BrowserContext other = laptop("en-US")) {
            checkInOnThePage(north, labelled.json().get("token").asString(), slug, seoyeon);
            checkInOnThePage(other, unlabelled, slug, jiho);
        }
        String dashboard = get("/organizer/" + slug, ADMIN).text();
        assertThat(dashboard).contains("North desk").containsPattern("DESK #\\d+");
        // and the ops room charts each desk's arrivals under the same names
        assertThat(get("/organizer/" + slug + "/ops", ADMIN).text()).contains("North desk").containsPattern("DESK #\\d+");
    }

    private void checkInOnThePage(BrowserContext context, String token, String slug, String ticket) {
        Page page = open(context, "/desk/" + slug);
        signIn(page, token);
        page.navigate("/desk/" + slug);
        page.locator("#scan").fill(ticket);
        page.locator("#scan").press("Enter");
        assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
    }
}
