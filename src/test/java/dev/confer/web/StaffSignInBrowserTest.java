package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StaffSignInBrowserTest extends BrowserTest {

    @Test
    void theBrowsersLanguageDecidesFirstAndThePickerIsRemembered() {
        defineEvent(uniqueSlug("signin"), eventDefinition(10, 0, 5, 5, 5, 5));
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/login");
            assertThat(page.locator("h1").textContent()).isEqualTo("스태프 로그인");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ko");
            screenshot(page, "sign-in-ko");
            assertScriptBudget(page);

            page.locator("a[hreflang=en]").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Staff sign-in");
            page.navigate("/login");
            assertThat(page.locator("h1").textContent()).as("the picked language is kept").isEqualTo("Staff sign-in");
            screenshot(page, "sign-in-en");
        }
    }

    @Test
    void aWrongTokenIsSaidPlainlyAndAGoodOneSignsInUntilSignOut() {
        String slug = defineEvent(uniqueSlug("signin"), eventDefinition(10, 0, 5, 5, 5, 5));
        String desk = staffToken(slug, "DESK", null);
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/login");
            page.locator("#token").fill("desk_not-a-real-token");
            page.locator("main form button[type=submit]").click();
            assertThat(page.locator("#token-error").textContent()).contains("not valid");
            assertThat(page.locator("#token").getAttribute("aria-invalid")).isEqualTo("true");

            page.locator("#token").fill(desk);
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/desk/" + slug);
            assertThat(english.cookies().stream().anyMatch(c -> c.name.equals("confer-staff") && c.httpOnly)).isTrue();
            assertThat(english.cookies().stream().noneMatch(c -> c.name.equals("JSESSIONID"))).as("no server session").isTrue();

            page.navigate("/");
            page.locator("header button[type=submit]").click();
            page.waitForURL("**/login?signedOut");
            page.navigate("/desk/" + slug);
            assertThat(page.url()).contains("/login?next=");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Response r = call("POST", "/login", null, null, Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.status()).isEqualTo(403);
    }
}
