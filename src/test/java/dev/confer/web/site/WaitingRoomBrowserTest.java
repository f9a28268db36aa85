package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The waiting page before the opening: a place and a wait shown live, the same place in a second tab, then on to the form by itself. */
class WaitingRoomBrowserTest extends BrowserTest {

    private static final java.time.LocalDateTime OPENS = SiteEvents.DAY1.minusDays(10).atTime(10, 0);
    private static final Instant OPENING = OPENS.atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
    private static final Instant BEFORE_OPENING = OPENING.minusSeconds(300);

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theWaitingPageShowsThePlaceAndMovesOnToTheFormWhenAdmitted() {
        Map<String, Object> def = SiteEvents.upcoming(10, 0, 100);
        def.put("registration", Map.of("opensAt", OPENS.toString(), "waitingRoom", Map.of("admitPerMinute", 60)));
        String slug = defineEvent(uniqueSlug("site-queue"), def);
        clock.set(BEFORE_OPENING);
        for (int i = 0; i < 3; i++) {
            post("/api/v1/events/" + slug + "/queue", null, null); // three arrived first
        }
        try (BrowserContext korean = phone("ko-KR"); BrowserContext english = phone("en-US")) {
            Page page = open(korean, "/e/" + slug + "/register");
            page.waitForURL("**/e/" + slug + "/queue");
            assertThat(page.locator("h1")).hasText("대기실");
            assertThat(page.locator("#queue-position")).hasAttribute("data-position", "4");
            assertThat(page.locator("#queue-eta")).containsText("약");
            screenshot(page, "site-queue-ko");
            assertScriptBudget(page);
            assertThat(page.locator("#main")).hasAttribute("data-polled", "1",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));

            Page secondTab = korean.newPage();
            secondTab.navigate("/e/" + slug + "/register");
            secondTab.waitForURL("**/e/" + slug + "/queue");
            assertThat(secondTab.locator("#queue-position")).hasAttribute("data-position", "4");
            secondTab.close();

            Page englishPage = open(english, "/e/" + slug + "/queue");
            assertThat(englishPage.locator("h1")).hasText("Waiting room");
            assertThat(englishPage.locator("#queue-position")).hasAttribute("data-position", "5");
            screenshot(englishPage, "site-queue-en");

            // both pages ask (twice, so at least once after the clock moved) just before the opening: they are here when
            // it opens (the clock stood still 5 minutes before it, so without this they would look gone for 5 minutes,
            // be passed over and, past the 2-minute grace, start again at the back)
            clock.set(OPENING.minusSeconds(1));
            for (Page waiting : List.of(page, englishPage)) {
                String polled = waiting.locator("#main").getAttribute("data-polled");
                waiting.waitForFunction("n => Number(document.querySelector('#main').getAttribute('data-polled') || 0) >= n",
                        (polled == null ? 0 : Integer.parseInt(polled)) + 2, new Page.WaitForFunctionOptions().setTimeout(60_000));
            }
            clock.set(OPENING.plusSeconds(10)); // ten seconds at one a second: everyone so far still asking
            page.waitForURL("**/e/" + slug + "/register", new Page.WaitForURLOptions().setTimeout(60_000));
            assertThat(page.locator("h1")).hasText("등록하기");
            page.locator("#name").fill("김대기");
            page.locator("#email").fill("queue-" + slug + "@example.com");
            page.locator("#register").click();
            page.waitForURL("**/e/" + slug + "/my-ticket/*?token=*");
            assertThat(page.locator("#ticket-name")).hasText("김대기");

            // the pass was good once: the form sends a returning visitor to the line again
            page.navigate("/e/" + slug + "/register");
            page.waitForURL("**/e/" + slug + "/queue");
            englishPage.waitForURL("**/e/" + slug + "/register", new Page.WaitForURLOptions().setTimeout(60_000));
            assertThat(englishPage.locator("h1")).hasText("Register");
        }
        try (BrowserContext organizer = laptop("en-US")) {
            Page page = organizer.newPage();
            signIn(page, ADMIN);
            page.navigate("/organizer/" + slug);
            assertThat(page.locator("#queue-state")).hasText("On");
            assertThat(page.locator("[data-figure=queue-used]")).hasText("1");
            assertThat(page.locator("[data-figure=queue-admitted]")).not().hasText("0");
            screenshot(page, "organizer-queue-en");
        }
    }
}
