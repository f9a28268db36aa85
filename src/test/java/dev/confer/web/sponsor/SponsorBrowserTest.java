package dev.confer.web.sponsor;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class SponsorBrowserTest extends StaffPagesTest {

    private void checkIn(String slug, String desk, JsonNode attendee) {
        Response r = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", attendee.get("ticket").asString()));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void aScannedVisitorBecomesALeadTheCountFollowsOtherScannersAndTheCsvOpensInExcel() {
        String slug = defineEvent(uniqueSlug("sponsor"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        String sponsor = staffToken(slug, "SPONSOR", "B02");
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        JsonNode absent = register(slug, "Absent", "absent@example.com");
        checkIn(slug, desk, minjun);
        checkIn(slug, desk, seoyeon);
        try (BrowserContext phone = phone("ko-KR")) {
            Page page = open(phone, "/sponsor/" + slug);
            signIn(page, sponsor);
            page.navigate("/sponsor/" + slug);
            assertThat(page.locator("h1")).containsText("한빛 데이터");
            assertThat(page.locator("#lead-count")).hasText("0");
            assertThat(page.locator("#leads")).containsText("아직 방문자가 없습니다");
            assertScriptBudget(page);

            page.locator("#scan").fill(minjun.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.locator("#verdict")).containsText("기록됨");
            assertThat(page.locator("#verdict")).containsText("1번째 방문");
            assertThat(page.locator("#lead-count")).hasText("1");
            assertThat(page.locator("#leads tbody tr")).hasCount(1);
            assertThat(page.locator("#leads tbody tr")).containsText("김민준");
            assertThat(page.locator("#leads tbody tr")).containsText("Engineer");

            page.locator("#scan").fill(absent.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "NOT_CHECKED_IN");
            assertThat(page.locator("#lead-count")).hasText("1");

            // a second scanner at the same booth: the count here follows by itself
            Response other = post("/api/v1/events/" + slug + "/taps", sponsor, Map.of("tapId", UUID.randomUUID().toString(),
                    "point", "booth:B02", "credential", Map.of("ticket", seoyeon.get("ticket").asString())));
            assertThat(other.json().get("result").asString()).isEqualTo("ADMITTED");
            assertThat(page.locator("#lead-count")).hasText("2");
            page.reload();
            assertThat(page.locator("#leads tbody tr")).hasCount(2);
            // on a phone each lead is a card: nothing runs off the screen, the e-mail included
            Object leadsWidth = page.evaluate("() => document.getElementById('leads').scrollWidth");
            assertThat(((Number) leadsWidth).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            Object emailRight = page.locator("#leads tbody tr").first().locator("td.lead-email a")
                    .evaluate("a => a.getBoundingClientRect().right");
            assertThat(((Number) emailRight).doubleValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            screenshot(page, "sponsor-ko");

            String href = page.locator("#leads-csv").getAttribute("href");
            // as the browser's own download sends it (Playwright's request API sends no Accept-Language)
            APIResponse csv = page.request().get(href, com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader("Accept-Language", "ko-KR"));
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.headers().get("content-type")).startsWith("text/csv");
            byte[] body = csv.body();
            assertThat(Arrays.copyOf(body, 3)).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            assertThat(text).startsWith("이름,");
            assertThat(text).contains("김민준,Hanbit,Engineer,minjun@example.com");
            assertThat(text).contains("이서연");

            // its own booth only: another booth's leads and CSV are refused
            assertThat(page.request().get("/sponsor/" + slug + "?booth=B01").status()).isEqualTo(403);
            assertThat(page.request().get("/sponsor/" + slug + "/leads.csv?booth=B01").status()).isEqualTo(403);
        }
        assertThat(get("/sponsor/" + slug + "?booth=B01", sponsor).status()).isEqualTo(403);
        assertThat(get("/sponsor/" + slug, staffToken(slug, "DOOR", null)).status()).isEqualTo(403);
    }

    @Test
    void theOrganizerPicksAnyBooth() {
        String slug = defineEvent(uniqueSlug("sponsor"), todayDefinition(50, 10, 10, 10, 50));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        checkIn(slug, desk, minjun);
        post("/api/v1/events/" + slug + "/taps", staffToken(slug, "SPONSOR", "B02"), Map.of("tapId", UUID.randomUUID().toString(),
                "point", "booth:B02", "credential", Map.of("ticket", minjun.get("ticket").asString())));
        try (BrowserContext laptop = laptop("en-US")) {
            Page page = open(laptop, "/sponsor/" + slug);
            signIn(page, ADMIN);
            page.navigate("/sponsor/" + slug);
            assertThat(page.locator("h1")).containsText("ACME Cloud");
            assertThat(page.locator("#lead-count")).hasText("0");
            assertThat(page.locator("#leads")).containsText("No visitors yet");
            page.locator("#booth-pick").selectOption("B02");
            page.locator("main form button[type=submit]").first().click();
            assertThat(page.locator("h1")).containsText("Hanbit Data");
            assertThat(page.locator("#lead-count")).hasText("1");
            assertThat(page.locator("#leads tbody tr")).containsText("김민준");
            assertThat(page.locator("#leads thead")).containsText("First visit");
            screenshot(page, "sponsor-en");
            assertScriptBudget(page);
        }
    }
}
