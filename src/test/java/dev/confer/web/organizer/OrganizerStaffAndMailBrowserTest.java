package dev.confer.web.organizer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff tokens issued on the page, and the mail box page, in a real Chromium. */
class OrganizerStaffAndMailBrowserTest extends BrowserTest {

    private Page organizer(BrowserContext context, String path) {
        Page page = open(context, "/login");
        signIn(page, ADMIN);
        page.navigate(path);
        return page;
    }

    @Test
    void aDeskTokenIssuedOnThePageSignsInInAnotherBrowserInEnglish() {
        String slug = defineEvent(uniqueSlug("staff-en"), eventDefinition(10, 0, 5, 5, 5, 5));
        try (BrowserContext english = laptop("en-US"); BrowserContext deskBrowser = phone("en-US")) {
            Page page = organizer(english, "/organizer/" + slug + "/staff");
            assertThat(page.locator("h1").textContent()).contains("Staff tokens");
            assertScriptBudget(page);

            // a sponsor token without a booth is refused next to the booth field, and nothing is issued
            page.locator("#role").selectOption("SPONSOR");
            page.locator("main form.org-staff-form button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.locator("#booth-error").textContent()).contains("must name its booth");
            assertThat(page.locator("#booth").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#staff-tokens").count()).isZero();

            page.locator("#role").selectOption("DESK");
            page.locator("#label").fill("Desk 3, north entrance");
            page.locator("main form.org-staff-form button[type=submit]").click();
            page.waitForLoadState();
            String token = page.locator("#new-token").inputValue();
            assertThat(token).startsWith("desk_");
            assertThat(page.locator("#issued-heading").textContent()).isEqualTo("New Registration desk token");
            assertThat(page.locator("#staff-tokens tbody").innerText()).contains("Desk 3, north entrance", "Registration desk")
                    .doesNotContain(token);
            screenshot(page, "organizer-staff-en");

            page.navigate("/organizer/" + slug + "/staff");
            assertThat(page.locator("#new-token").count()).as("the secret is shown only once").isZero();
            assertThat(page.content()).doesNotContain(token);

            Page desk = open(deskBrowser, "/login");
            signIn(desk, token);
            assertThat(desk.url()).endsWith("/desk/" + slug);
            assertThat(desk.navigate("/organizer/" + slug).status()).as("a desk token is not an organizer").isEqualTo(403);

            // revoked: a new sign-in with it is refused
            page.onDialog(d -> d.accept());
            page.locator("#staff-tokens button.danger").first().click();
            page.waitForURL("**/staff?revoked");
            assertThat(page.locator("#staff-tokens").count()).isZero();
            try (BrowserContext later = phone("en-US")) {
                Page again = open(later, "/login");
                signIn(again, token);
                assertThat(again.locator("#token-error").textContent()).contains("not valid");
            }
        }
    }

    @Test
    void staffTokensInKorean() {
        String slug = defineEvent(uniqueSlug("staff-ko"), eventDefinition(10, 0, 5, 5, 5, 5));
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = organizer(korean, "/organizer/" + slug + "/staff");
            assertThat(page.locator("h1").textContent()).contains("스태프 토큰");
            page.locator("#role").selectOption("SPONSOR");
            page.locator("#booth").selectOption("B02");
            page.locator("#label").fill("한빛 데이터 부스");
            page.locator("main form.org-staff-form button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.locator("#new-token").inputValue()).startsWith("sponsor_");
            assertThat(page.locator("#issued-heading").textContent()).isEqualTo("새 스폰서 부스 토큰");
            assertThat(page.locator("#staff-tokens tbody").innerText()).contains("한빛 데이터 부스", "스폰서 부스", "B02");
            assertScriptBudget(page);
            screenshot(page, "organizer-staff-ko");
        }
    }

    @Test
    void theMailBoxPageListsTheRegistrationMailInBothLanguages() {
        String slug = defineEvent(uniqueSlug("mailbox"), eventDefinition(10, 5, 10, 10, 10, 10));
        register(slug, "김민준", "minjun@" + slug + ".example.com");
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 1);
        long id = get("/dev/mail?event=" + slug, ADMIN).json().get(0).get("id").asLong();

        try (BrowserContext korean = phone("ko-KR")) {
            Page page = organizer(korean, "/organizer");
            page.locator("li.card[data-slug='" + slug + "'] a[href*='/dev/mail']").click();
            page.waitForURL("**/dev/mail?event=" + slug);
            assertThat(page.locator("h1").textContent()).contains("메일함");
            String row = page.locator("tr[data-mail-id='" + id + "']").innerText();
            assertThat(row).contains("minjun@" + slug + ".example.com", "[클라우드 서밋 서울 2026] 등록이 확정되었습니다", "등록 확정",
                    "여기에 보관(SMTP 없음)");
            assertScriptBudget(page);
            screenshot(page, "organizer-mail-ko");
            page.locator("tr[data-mail-id='" + id + "'] a").first().click();
            page.waitForURL("**/dev/mail/" + id);
            assertThat(page.content()).contains("김민준님, 안녕하세요.");
        }
        try (BrowserContext english = laptop("en-US")) {
            Page page = organizer(english, "/dev/mail");
            assertThat(page.locator("h1").textContent()).contains("Mail box");
            assertThat(page.locator("tr[data-mail-id='" + id + "']").innerText()).contains("Confirmation", "Kept here (no SMTP)");
            assertThat(page.locator("tr[data-mail-id='" + id + "'] a.pill").getAttribute("href")).isEqualTo("/dev/mail/" + id + ".txt");
            assertScriptBudget(page);
            screenshot(page, "organizer-mail-en");
        }
    }
}
