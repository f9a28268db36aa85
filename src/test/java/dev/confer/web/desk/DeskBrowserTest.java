package dev.confer.web.desk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DeskBrowserTest extends StaffPagesTest {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private String voucherPrefix() {
        return today().format(DateTimeFormatter.ofPattern("MMdd"));
    }

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    @Test
    void aTypedScanChecksInGreenThenAmberWithTheTimeAndAGarbledCodeIsRedWithTheReason() {
        String slug = defineEvent(uniqueSlug("desk"), todayDefinition(50, 10, 2, 5, 50));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        String ticket = minjun.get("ticket").asString();
        try (BrowserContext laptop = laptop("en-US")) {
            Page page = open(laptop, "/desk/" + slug);
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            assertThat(page.locator("h1")).containsText("Registration desk");
            assertThat(page.locator("#scan")).isFocused();
            screenshot(page, "desk-en");
            assertScriptBudget(page);

            String before = LocalTime.now(SEOUL).format(HH_MM);
            scan(page, ticket);
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-result", "CHECKED_IN");
            assertThat(verdict).hasClass(Pattern.compile("\\bok\\b"));
            assertThat(verdict.locator("h2")).hasText("Checked in");
            assertThat(verdict).containsText("김민준");
            assertThat(verdict).containsText("Hanbit");
            assertThat(verdict.locator("[data-voucher] dd")).hasText(java.util.regex.Pattern.compile("^" + voucherPrefix() + "-00001-[A-Z0-9]{6}$"));
            assertThat(verdict.locator("[data-keynote-seat] dd")).hasText("Hall D, seat 1");
            String after = LocalTime.now(SEOUL).format(HH_MM);
            assertThat(page.locator("#scan")).isFocused();
            screenshot(page, "desk-checked-in-en");

            scan(page, ticket);
            assertThat(verdict).hasAttribute("data-result", "ALREADY");
            assertThat(verdict).hasClass(Pattern.compile("\\bwarn\\b"));
            String heading = verdict.locator("h2").textContent();
            assertThat(java.util.List.of("Already checked in at " + before, "Already checked in at " + after)).contains(heading);
            assertThat(verdict.locator("[data-voucher] dd")).hasText(java.util.regex.Pattern.compile("^" + voucherPrefix() + "-00001-[A-Z0-9]{6}$"));
            assertThat(verdict.locator("[data-keynote-seat] dd")).hasText("Hall D, seat 1");
            screenshot(page, "desk-already-en");

            scan(page, "CNF1.garbled-code");
            assertThat(verdict).hasAttribute("data-result", "REJECTED");
            assertThat(verdict).hasClass(Pattern.compile("\\bno\\b"));
            assertThat(verdict).containsText("Not checked in");
            assertThat(verdict).containsText("This is not a Confer ticket");
            assertThat(page.locator("#print-badge")).hasCount(0);
            screenshot(page, "desk-refused-en");
        }
        // the page answered with the same check-in the API keeps: one voucher, one seat
        Response again = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", ticket));
        assertThat(again.json().get("firstToday").asBoolean()).isFalse();
        assertThat(again.json().get("mealVoucher").get("code").asString()).startsWith(voucherPrefix() + "-00001-");
    }

    @Test
    void aKoreanNameIsFoundAndCheckedInFromTheListAndTheBadgeIsLinkedAndPrinted() {
        String slug = defineEvent(uniqueSlug("desk"), todayDefinition(50, 10, 2, 5, 50));
        String desk = staffToken(slug, "DESK", null);
        register(slug, "Alice Kim", "alice@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        JsonNode other = register(slug, "박지훈", "jihoon@example.com");
        String uid = "04:A2:2B:9C:5E:6F:" + String.format("%02X", (int) (Math.random() * 256));
        try (BrowserContext phone = phone("ko-KR")) {
            Page page = open(phone, "/desk/" + slug);
            signIn(page, desk);
            page.navigate("/desk/" + slug);
            assertThat(page.locator("h1")).containsText("등록 데스크");
            screenshot(page, "desk-ko");
            assertScriptBudget(page);

            page.locator("#search").pressSequentially("서연");
            Locator found = page.locator("#search-results li");
            assertThat(found).hasCount(1);
            assertThat(page.locator("#search-results")).not().containsText("Alice");
            assertThat(found).containsText("이서연");
            assertThat(found).containsText("확정");
            assertThat(page.locator("#search")).isFocused();
            screenshot(page, "desk-search-ko");
            found.locator("button").click();

            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-result", "CHECKED_IN");
            assertThat(verdict.locator("h2")).hasText("체크인 완료");
            assertThat(verdict).containsText("이서연");
            assertThat(verdict.locator("[data-voucher] dd")).hasText(java.util.regex.Pattern.compile("^" + voucherPrefix() + "-00001-[A-Z0-9]{6}$"));
            assertThat(verdict.locator("[data-keynote-seat] dd")).hasText("Hall D 1번 좌석");

            // a bad UID is refused next to the field and binds nothing
            htmxIdle(page);
            page.locator("#nfc-uid").fill("not-a-uid");
            assertThat(page.locator("#nfc-uid")).hasValue("not-a-uid");
            page.locator("#bind-nfc").click();
            assertThat(page.locator("#nfc-error")).containsText("NFC 배지 UID가 아닙니다");
            assertThat(page.locator("#nfc-uid")).hasAttribute("aria-invalid", "true");

            htmxIdle(page);
            page.locator("#nfc-uid").fill(uid);
            assertThat(page.locator("#nfc-uid")).hasValue(uid);
            page.locator("#bind-nfc").click();
            assertThat(page.locator("#nfc-bound")).containsText("이서연");
            screenshot(page, "desk-nfc-ko");

            // without scripts the print link opens the desk's own badge PDF (under this print's id, for the print log)
            String pdfPath = page.locator("#print-badge").getAttribute("href");
            assertThat(pdfPath).startsWith("/desk/" + slug + "/badges/" + seoyeon.get("id").asString() + ".pdf?print=");
            assertThat(page.locator("#badge-pdf")).hasAttribute("href", "/desk/" + slug + "/badges/" + seoyeon.get("id").asString() + ".pdf");
            com.microsoft.playwright.APIResponse pdf = page.request().get(pdfPath);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

            // the same badge cannot be given to someone else
            post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", other.get("ticket").asString()));
            page.locator("#search").fill("");
            page.locator("#search").pressSequentially("박지훈");
            assertThat(page.locator("#search-results li")).hasCount(1);
            assertThat(page.locator("#search-results li")).containsText("박지훈");
            page.locator("#search-results li button").click();
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ALREADY");
            htmxIdle(page);
            page.locator("#nfc-uid").fill(uid.toLowerCase());
            assertThat(page.locator("#nfc-uid")).hasValue(uid.toLowerCase());
            page.locator("#bind-nfc").click();
            assertThat(page.locator("#nfc-error")).containsText("이미 이서연 님에게 연결");
        }
        // the door admits the linked badge at a session
        String door = staffToken(slug, "DOOR", null);
        Response tap = post("/api/v1/events/" + slug + "/taps", door, Map.of("tapId", UUID.randomUUID().toString(),
                "at", todayAt(10, 5), "point", "session:S101", "credential", Map.of("nfcUid", uid)));
        assertThat(tap.status()).as(tap.text()).isEqualTo(200);
        assertThat(tap.json().get("result").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void theDeskPagesAreForTheEventsDeskStaffAndAFormWithoutCsrfChangesNothing() {
        String slug = defineEvent(uniqueSlug("desk"), todayDefinition(50, 10, 2, 5, 50));
        String other = defineEvent(uniqueSlug("desk"), todayDefinition(50, 10, 2, 5, 50));
        JsonNode a = register(slug, "김민준", "minjun@example.com");
        assertThat(get("/desk/" + slug, staffToken(other, "DESK", null)).status()).isEqualTo(403);
        assertThat(get("/desk/" + slug, staffToken(slug, "DOOR", null)).status()).isEqualTo(403);
        // a session-cookie form post without its CSRF token is refused before anything is checked in
        Response r = call("POST", "/desk/" + slug + "/scan", null, "ticket=" + a.get("ticket").asString(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.status()).isIn(302, 401, 403);
        Response checkIn = post("/api/v1/events/" + slug + "/check-ins", staffToken(slug, "DESK", null),
                Map.of("ticket", a.get("ticket").asString()));
        assertThat(checkIn.json().get("firstToday").asBoolean()).as("nothing was checked in before").isTrue();
        // the badge PDF is for the desk of this event only
        assertThat(get("/desk/" + slug + "/badges/" + a.get("id").asString() + ".pdf", staffToken(other, "DESK", null)).status())
                .isEqualTo(403);
    }
}
