package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk and the door with the keyboard only (a USB scanner is a keyboard too): Tab reaches the scan field,
 * the buttons and the search results in a sensible order, every focused control shows a focus ring that stands
 * out from what surrounds it (3:1), and a poll never pulls the focus away from where the person is.
 */
class KeyboardBrowserTest extends StaffPagesTest {

    /** Which element has the focus: its id, or its tag and text. */
    private static String focused(Page page) {
        return (String) page.evaluate("() => { const e = document.activeElement; "
                + "return !e || e === document.body ? 'body' : (e.id ? '#' + e.id : e.tagName.toLowerCase() + ':' + e.textContent.trim()); }");
    }

    /**
     * Best contrast of the focus ring's colours (outline, box-shadow) against the background the ring is drawn on,
     * and whether the browser shows it as :focus-visible.
     */
    private static final String FOCUS_RING = """
            () => {
              const el = document.activeElement;
              const cs = getComputedStyle(el);
              const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
              const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
              const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
              let bg = null;
              for (let p = el.parentElement; p && !bg; p = p.parentElement) {
                const c = parse(getComputedStyle(p).backgroundColor); if (c && c.a > 0) bg = c; }
              bg = bg || {r: 255, g: 255, b: 255, a: 1};
              const colours = [];
              if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) colours.push(parse(cs.outlineColor));
              if (cs.boxShadow && cs.boxShadow !== 'none') colours.push(parse(cs.boxShadow));
              const best = Math.max(0, ...colours.filter(Boolean).map(c => ratio(c, bg)));
              return {visible: el.matches(':focus-visible'), contrast: Math.round(best * 100) / 100};
            }
            """;

    /** Presses Tab until {@code target} has the focus (at most 40 times); the focus ring is checked on every stop. */
    private static List<String> tabTo(Page page, String target) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            String now = focused(page);
            stops.add(now);
            assertVisibleFocus(page, now);
            if (now.equals(target)) {
                return stops;
            }
        }
        throw new AssertionError("Tab never reached " + target + "; it went " + stops);
    }

    @SuppressWarnings("unchecked")
    private static void assertVisibleFocus(Page page, String what) {
        Map<String, Object> ring = (Map<String, Object>) page.evaluate(FOCUS_RING);
        assertThat(ring.get("visible")).as("focus on " + what + " is :focus-visible").isEqualTo(true);
        assertThat(((Number) ring.get("contrast")).doubleValue()).as("focus ring contrast on " + what).isGreaterThanOrEqualTo(3.0);
    }

    /** Puts the focus back on the document itself, so the next Tab starts from the top of the page. */
    private static void fromTheTop(Page page) {
        page.evaluate("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");
    }

    private Page signedIn(BrowserContext context, String token, String path) {
        Page page = open(context, "/login");
        signIn(page, token);
        page.navigate(path);
        return page;
    }

    @Test
    void theDeskByKeyboardOnALaptop() {
        String slug = defineEvent(uniqueSlug("keys-desk"), todayDefinition(50, 10, 2, 5, 50));
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        register(slug, "이서연", "seoyeon@example.com");
        try (BrowserContext laptop = laptop("en-US")) {
            Page page = signedIn(laptop, staffToken(slug, "DESK", null), "/desk/" + slug);
            assertThat(page.locator("#scan")).isFocused();

            // from the top: the skip link first, and it leads straight to the scan field
            fromTheTop(page);
            List<String> header = tabTo(page, "#scan");
            assertThat(header.getFirst()).isEqualTo("a:Skip to content");
            fromTheTop(page);
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            page.keyboard().press("Tab");
            assertThat(focused(page)).as("after the skip link").isEqualTo("#scan");

            // scan field, its button, then the search
            List<String> stops = tabTo(page, "#search");
            assertThat(stops).contains("button:Check in");
            assertThat(stops.indexOf("button:Check in")).isLessThan(stops.indexOf("#search"));

            // a search typed at the keyboard; Tab reaches the result's button, Enter checks in, the focus returns to the scan field
            page.keyboard().type("서연");
            assertThat(page.locator("#search-results li")).hasCount(1);
            assertThat(page.locator("#search")).isFocused();
            page.keyboard().press("Tab"); // the search form's own button (it also works without scripts)
            assertThat(page.locator("form[role=search] button[type=submit]")).isFocused();
            page.keyboard().press("Tab");
            assertThat(page.locator("#search-results li button")).isFocused();
            assertVisibleFocus(page, "the result's check-in button");
            page.keyboard().press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(page.locator("#verdict")).containsText("이서연");
            assertThat(page.locator("#scan")).isFocused();

            // a scan typed as a USB scanner types it, then Tab reaches the badge's print link and NFC field
            page.keyboard().type(minjun.get("ticket").asString());
            page.keyboard().press("Enter");
            assertThat(page.locator("#verdict")).containsText("김민준");
            assertThat(page.locator("#scan")).isFocused();
            List<String> after = tabTo(page, "#bind-nfc");
            assertThat(after).containsSubsequence("#print-badge", "#nfc-uid", "#bind-nfc");
        }
    }

    @Test
    void theDoorByKeyboardOnAPhoneAndAPollLeavesTheFocusAlone() {
        duringSession(10, 5); // S101 (10:00) admits
        String slug = defineEvent(uniqueSlug("keys-door"), todayDefinition(50, 10, 10, 10, 5));
        JsonNode minjun = register(slug, "김민준", "minjun@example.com");
        post("/api/v1/events/" + slug + "/check-ins", ADMIN, Map.of("ticket", minjun.get("ticket").asString()));
        try (BrowserContext phone = phone("ko-KR")) {
            Page page = signedIn(phone, staffToken(slug, "DOOR", null), "/door/" + slug);
            fromTheTop(page);
            List<String> stops = tabTo(page, "#point-room-301");
            assertThat(stops.getFirst()).isEqualTo("a:본문으로 건너뛰기");
            page.keyboard().press("Enter");
            page.waitForURL("**/door/" + slug + "/room/301");
            assertThat(page.locator("#scan")).isFocused();

            // the scan field, then its button; Shift+Tab goes back to "change point"
            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("button:확인");
            assertVisibleFocus(page, "the door's check button");
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            assertThat(focused(page)).isEqualTo("#change-point");
            assertVisibleFocus(page, "change point");

            // the counter polls every 3 s: after a poll has been answered and swapped in, the focus is still on the link
            page.evaluate("() => { window.settled = 0; document.addEventListener('htmx:afterSettle', () => window.settled++); }");
            page.waitForFunction("() => window.settled > 0");
            assertThat(focused(page)).as("a poll does not take the focus").isEqualTo("#change-point");

            // back to the field; a scan answered by keyboard keeps the focus there for the next one
            page.keyboard().press("Tab");
            assertThat(page.locator("#scan")).isFocused();
            page.keyboard().type(minjun.get("ticket").asString());
            page.keyboard().press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.locator("#verdict h2")).hasText("입장 가능");
            assertThat(page.locator("#scan")).isFocused();
            assertThat(page.locator("#scan")).hasValue("");
        }
    }
}
