package dev.confer.web.door;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.confer.platform.StaffTokens;
import dev.confer.shared.Role;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan that gets no good answer never leaves the previous person's verdict on the screen: a 500, a 401,
 * a network failure, a server that never answers and a token revoked while the page is open each show their
 * own error, after a visible pending state, with the field empty and focused for the next scan. (These devices
 * never got their offline list; with one, a scan with no answer is judged on the device: OfflineDoorBrowserTest.)
 */
class FloorErrorsBrowserTest extends StaffPagesTest {

    @Autowired
    StaffTokens tokens;

    /** Records every data-result the verdict area shows from now on. */
    private static void watchVerdicts(Page page) {
        page.evaluate("() => { window.seenResults = []; const area = document.getElementById('answer') || document.getElementById('result');"
                + " new MutationObserver(() => { const v = document.getElementById('verdict');"
                + " window.seenResults.push(v ? v.getAttribute('data-result') : null); }).observe(area, {childList: true, subtree: true}); }");
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen(Page page) {
        return (List<String>) page.evaluate("() => window.seenResults");
    }

    private static void scanExpecting(Page page, String code, Consumer<Route> answer, String result, String words) {
        page.route("**/taps", answer::accept);
        watchVerdicts(page);
        page.locator("#scan").fill(code);
        page.locator("#scan").press("Enter");
        Locator verdict = page.locator("#verdict");
        assertThat(verdict).hasAttribute("data-result", result);
        assertThat(verdict).containsText(words);
        assertThat(verdict).not().containsText("Admitted");
        assertThat(page.locator("#scan")).hasValue("");
        assertThat(page.locator("#scan")).isFocused();
        assertThat(seen(page)).as("a pending state first, then this scan's verdict, never the last one")
                .startsWith("PENDING").doesNotContain("ADMITTED").endsWith(result);
        page.unroute("**/taps");
    }

    @Test
    void errorsReplaceTheLastVerdictAndSayWhatToDo() {
        duringSession(14, 5); // S201 (14:00) admits
        duringSession(14, 5); // S201 (14:00) admits: a door admits only around its session
        String slug = defineEvent(uniqueSlug("floorerr"), todayDefinition(50, 10, 10, 10, 5));
        String desk = staffToken(slug, "DESK", null);
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        assertThat(post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", minjun.get("ticket").asString())).status())
                .isEqualTo(200);
        String ticket = minjun.get("ticket").asString();
        try (BrowserContext phone = phone("en-US")) {
            Page page = phone.newPage();
            page.route("**/roster**", Route::abort); // no offline list on this device: a failed scan is an error, not a local verdict
            signIn(page, staffToken(slug, "DOOR", null));
            page.navigate("/door/" + slug + "/session/S201");
            page.locator("#scan").fill(ticket);
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");

            scanExpecting(page, ticket, route -> route.fulfill(new Route.FulfillOptions().setStatus(500).setBody("boom")),
                    "SERVER", "try again");
            screenshot(page, "door-error-server-en");
            scanExpecting(page, ticket, route -> route.fulfill(new Route.FulfillOptions().setStatus(401)
                    .setContentType("application/problem+json").setBody("{\"status\":401}")), "SIGN_IN", "Sign in again");
            assertThat(page.locator("#verdict a")).hasAttribute("href", java.util.regex.Pattern.compile("/login\\?next="));
            scanExpecting(page, ticket, Route::abort, "NETWORK", "check the network");
            screenshot(page, "door-error-network-en");
            // a server that never answers: the page gives up after 4 s and says so
            scanExpecting(page, ticket, route -> { }, "NETWORK", "check the network");

            page.locator("#scan").fill(ticket);
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            long id = tokens.issued(slug).stream().filter(t -> t.role() == Role.DOOR).findFirst().orElseThrow().id();
            assertThat(tokens.revoke(slug, id)).isTrue();
            scanExpecting(page, ticket, Route::resume, "SIGN_IN", "Sign in again");
        }
    }

    @Test
    void theDeskSaysSignInAgainInKoreanWhenItsTokenIsRevoked() {
        String slug = defineEvent(uniqueSlug("floorerr"), todayDefinition(50, 10, 10, 10, 5));
        JsonNode jiwoo = register(slug, "한지우", "jiwoo@example.com");
        JsonNode seoyeon = register(slug, "이서연", "seoyeon@example.com");
        try (BrowserContext laptop = laptop("ko-KR")) {
            Page page = laptop.newPage();
            page.route("**/roster**", Route::abort);
            signIn(page, staffToken(slug, "DESK", null));
            page.navigate("/desk/" + slug);
            page.locator("#scan").fill(jiwoo.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("#verdict")).containsText("한지우");

            page.route("**/scan", Route::abort);
            page.locator("#scan").fill(seoyeon.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "NETWORK");
            assertThat(page.locator("#verdict")).containsText("네트워크를 확인하세요");
            assertThat(page.locator("#verdict")).not().containsText("한지우");
            page.unroute("**/scan");

            long id = tokens.issued(slug).stream().filter(t -> t.role() == Role.DESK).findFirst().orElseThrow().id();
            tokens.revoke(slug, id);
            page.locator("#scan").fill(seoyeon.get("ticket").asString());
            page.locator("#scan").press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "SIGN_IN");
            assertThat(page.locator("#verdict")).containsText("다시 로그인");
            assertThat(page.locator("#scan")).isFocused();
            screenshot(page, "desk-error-sign-in-ko");
        }
    }
}
