package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering on the site, My ticket, cancelling: in Korean and in English, on a phone. */
class RegistrationBrowserTest extends BrowserTest {

    @Test
    void registerInKoreanThenMyTicketThenTheSameEmailAgainThenCancel() {
        String slug = defineEvent(uniqueSlug("site-reg"), SiteEvents.upcoming(10, 5, 100));
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug);
            assertThat(page.locator("h1")).hasText("클라우드 서밋 서울 2026");
            assertThat(page.locator("#registration-state")).containsText("남은 자리 10석");
            page.locator("#register-link").click();
            assertThat(page.locator("h1")).hasText("등록하기");
            assertThat(page.locator("#locale")).hasValue("ko");
            screenshot(page, "site-register-ko");
            assertScriptBudget(page);

            page.locator("#name").fill("김민준");
            page.locator("#email").fill("minjun-at-example.com");
            page.locator("#register").click();
            assertThat(page.locator("#email-error")).containsText("올바른 이메일");
            assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#email")).hasAttribute("aria-describedby", "email-error");
            assertThat(page.locator("#name")).hasValue("김민준");
            screenshot(page, "site-register-error-ko");
            assertThat(registrations(slug)).as("a bad e-mail registers nobody").isZero();

            page.locator("#email").fill("minjun@example.com");
            page.locator("#company").fill("한빛은행");
            page.locator("#register").click();
            page.waitForURL("**/e/" + slug + "/my-ticket/*?token=*");
            assertThat(page.locator("#ticket-welcome")).containsText("minjun@example.com");
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            assertThat(page.locator("#ticket-name")).hasText("김민준");
            assertThat(page.locator("#day-1 .day-state")).hasText("아직 체크인하지 않았습니다");
            Object qrWidth = page.locator("img.qr").evaluate("img => img.getBoundingClientRect().width");
            assertThat(((Number) qrWidth).doubleValue()).as("QR width in CSS px").isGreaterThanOrEqualTo(280);
            assertThat(page.locator("img.qr").getAttribute("alt")).contains("김민준");
            page.locator("details.site-code summary").click();
            String code = page.locator("#ticket-code").textContent().strip();
            assertThat(code).startsWith("CF1." + slug + ".");
            screenshot(page, "site-my-ticket-ko");
            assertScriptBudget(page);
            assertThat(registrations(slug)).isEqualTo(1);
            String ticketUrl = page.url();

            page.navigate("/e/" + slug + "/register");
            page.locator("#name").fill("김민준");
            page.locator("#email").fill("MinJun@example.com ");
            page.locator("#register").click();
            assertThat(page.locator("#email-error")).containsText("이미 이 행사에 등록된 이메일");
            assertThat(page.locator("#email-error")).containsText("확인 메일");
            assertThat(registrations(slug)).isEqualTo(1);

            page.navigate(ticketUrl);
            page.locator("#cancel-link").click();
            assertThat(page.locator("h1")).hasText("등록을 취소할까요?");
            screenshot(page, "site-cancel-ko");
            assertScriptBudget(page);
            page.locator("#cancel-keep").click();
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            page.locator("#cancel-link").click();
            page.locator("#cancel-confirm").click();
            assertThat(page.locator("#ticket-cancelled-now")).containsText("취소되었습니다");
            assertThat(page.locator("#ticket-status")).hasText("취소됨");
            // the one-time notices rode a short-lived cookie, not a server session; shown once, then gone
            org.assertj.core.api.Assertions.assertThat(korean.cookies()).as("no server session for an attendee")
                    .noneMatch(c -> c.name.equals("JSESSIONID"));
            org.assertj.core.api.Assertions.assertThat(korean.cookies()).as("the notice's cookie is spent")
                    .noneMatch(c -> c.name.equals("confer-flash"));
            page.reload();
            assertThat(page.locator("#ticket-cancelled-now")).hasCount(0);
            assertThat(page.locator("img.qr")).hasCount(0);
            assertThat(page.locator("#cancel-link")).hasCount(0);
            screenshot(page, "site-my-ticket-cancelled-ko");
        }
    }

    @Test
    void aFullEventOffersTheWaitlistInEnglishAndNeverWaitlistsSilently() {
        String slug = defineEvent(uniqueSlug("site-full"), SiteEvents.upcoming(1, 2, 100));
        register(slug, "First Person", "first@example.com");
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug);
            assertThat(page.locator("#registration-state")).containsText("The event is full");
            assertThat(page.locator("#register-link")).hasText("Join the waitlist");
            screenshot(page, "site-landing-full-en");
            page.locator("#register-link").click();
            assertThat(page.locator("#waitlist")).not().isChecked();
            assertThat(page.locator("#locale")).hasValue("en");
            screenshot(page, "site-register-waitlist-en");
            assertScriptBudget(page);

            page.locator("#name").fill("Jane Doe");
            page.locator("#email").fill("jane@example.com");
            page.locator("#register").click();
            assertThat(page.locator("#register-notice")).containsText("You have not been registered or waitlisted");
            assertThat(registrations(slug)).as("not waitlisted without the box ticked").isEqualTo(1);

            page.locator("#waitlist").check();
            page.locator("#register").click();
            page.waitForURL("**/my-ticket/**");
            assertThat(page.locator("#ticket-welcome")).containsText("You are on the waitlist, not registered yet");
            assertThat(page.locator("#ticket-status")).hasText("Waitlisted: number 1 in line");
            screenshot(page, "site-my-ticket-waitlisted-en");
            assertScriptBudget(page);
            assertThat(registrations(slug)).isEqualTo(2);
        }
    }

    @Test
    void myTicketInEnglishShowsTheKeynoteSeatAndVoucherOnceCheckedIn() {
        String slug = defineEvent(uniqueSlug("site-in"), SiteEvents.upcoming(10, 0, 100));
        JsonNode r = register(slug, "Alex Park", "alex@example.com");
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("ticket", r.get("ticket").asString());
        scan.put("desk", "D1");
        scan.put("at", SiteEvents.DAY1 + "T09:00:00+09:00");
        assertThat(post("/api/v1/events/" + slug + "/check-ins", ADMIN, scan).status()).isEqualTo(200);
        String url = "/e/" + slug + "/my-ticket/" + r.get("id").asString() + "?token=" + r.get("manageToken").asString();
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, url);
            assertThat(page.locator("h1")).hasText("My ticket");
            assertThat(page.locator("#ticket-status")).hasText("Confirmed");
            assertThat(page.locator("#day-1 .day-state")).hasText("Checked in at 09:00");
            assertThat(page.locator("#day-1 .day-seat")).hasText("Keynote seat: Hall D, seat 1");
            assertThat(page.locator("#day-1 .day-voucher")).hasText(java.util.regex.Pattern.compile("^Lunch voucher "
                    + String.format("%02d%02d-00001", SiteEvents.DAY1.getMonthValue(), SiteEvents.DAY1.getDayOfMonth())
                    + "-[2-9A-Z]{6}$"));
            assertThat(page.locator("#day-2 .day-state")).hasText("Not checked in yet");
            screenshot(page, "site-my-ticket-en");
            assertScriptBudget(page);

            page.navigate(url.replace("?token=", "?token=x"));
            assertThat(page.locator("h1")).hasText("Page not found");
            screenshot(page, "site-not-found-en");
        }
    }

    private int registrations(String slug) {
        Response r = get("/api/v1/events/" + slug + "/registrations", ADMIN);
        return r.json().size();
    }
}
