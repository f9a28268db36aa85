package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Landing page, agenda grid (tabs, filters, search) and a session's live seats, in Korean and English. */
class AgendaBrowserTest extends BrowserTest {

    @Test
    void koreanLandingThenAgendaTabsFiltersAndSearch() {
        String slug = defineEvent(uniqueSlug("site-agenda"), SiteEvents.upcoming(500, 10, 100));
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug);
            assertThat(page.locator("h1")).hasText("클라우드 서밋 서울 2026");
            assertThat(page.locator(".site-where")).containsText("코엑스");
            assertThat(page.locator(".site-where")).containsText("영동대로 513");
            assertThat(page.locator("#about-heading")).hasText("행사 소개");
            assertThat(page.locator(".site-days li").first()).containsText("입장 08:00부터");
            assertThat(page.locator("#registration-state")).containsText("남은 자리 500석");
            screenshot(page, "site-landing-ko");
            assertScriptBudget(page);

            page.locator("#agenda-link").click();
            assertThat(page.locator("h1")).hasText("세션 일정");
            assertThat(page.locator("#agenda-count")).hasText("세션 3개");
            assertThat(page.locator("#agenda-grid thead th")).hasText(new String[]{"시간", "301호", "302호"});
            assertThat(page.locator("a.site-session[data-code=S102]")).containsText("게임 서버 확장하기");
            // 13:00-14:20 spans the slots 13:00, 13:40 and 14:00 (S103 starts at 14:00 next door)
            assertThat(page.locator("a.site-session[data-code=S102]").locator("xpath=..")).hasAttribute("rowspan", "3");
            screenshot(page, "site-agenda-ko");
            assertScriptBudget(page);

            page.locator(".tabs a").nth(1).click();
            assertThat(page.locator("#agenda-count")).hasText("세션 1개");
            assertThat(page.locator("a.site-session")).hasText(new String[]{"13:00–13:40 라이브 게임 운영 박지민 (Hanbit) 게임 한국어"});
            page.locator(".tabs a").nth(0).click();

            page.locator("#track").selectOption("fin");
            assertThat(page.locator("#agenda-count")).hasText("세션 2개");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*track=fin.*"));
            page.locator("#track").selectOption("");
            assertThat(page.locator("#agenda-count")).hasText("세션 3개");

            page.locator("#q").fill("코어뱅킹");
            assertThat(page.locator("#agenda-count")).hasText("세션 1개");
            assertThat(page.locator("a.site-session")).hasCount(1);
            assertThat(page.locator("a.site-session")).containsText("코어뱅킹 클라우드 전환기");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=.*"));

            page.locator("#q").fill("GAME SERVERS");
            assertThat(page.locator("a.site-session")).hasCount(1);
            assertThat(page.locator("a.site-session")).containsText("게임 서버 확장하기");
            screenshot(page, "site-agenda-search-ko");

            page.locator("#q").fill("alex park");
            assertThat(page.locator("a.site-session[data-code=S102]")).hasCount(1);
            page.locator("#language").selectOption("ko");
            assertThat(page.locator("#agenda-count")).hasText("세션 0개");
            assertThat(page.locator(".notice")).containsText("조건에 맞는 세션이 없습니다");
        }
    }

    @Test
    void englishLandingAgendaAndASessionWhoseSeatsLeftChangeAfterATap() {
        String slug = defineEvent(uniqueSlug("site-session"), SiteEvents.upcoming(500, 10, 100));
        JsonNode attendee = register(slug, "Alex", "alex-" + UUID.randomUUID() + "@example.com");
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug);
            assertThat(page.locator("h1")).hasText("Cloud Summit Seoul 2026");
            assertThat(page.locator(".site-where")).containsText("COEX");
            assertThat(page.locator("#registration-state")).hasText("Registration is open: 499 places left.");
            screenshot(page, "site-landing-en");
            assertScriptBudget(page);

            page.locator("#agenda-link").click();
            assertThat(page.locator("#agenda-count")).hasText("3 sessions");
            page.locator("#q").fill("scaling");
            assertThat(page.locator("a.site-session")).hasCount(1);
            page.locator("#q").fill("결제");
            assertThat(page.locator("a.site-session")).hasCount(1);
            assertThat(page.locator("a.site-session")).containsText("Real-time payment data");
            page.locator("#q").fill("");
            assertThat(page.locator("#agenda-count")).hasText("3 sessions");
            screenshot(page, "site-agenda-en");
            assertScriptBudget(page);

            page.locator("#agenda-list a.site-item[data-code=S101]").click(); // on a phone the agenda is a list (the grid is for wide screens)
            assertThat(page.locator("h1")).hasText("Moving core banking to the cloud");
            assertThat(page.locator("#session-room")).hasText("Room 301");
            assertThat(page.locator("#session-track")).hasText("Finance & Fintech");
            assertThat(page.locator("#session-language")).hasText("Korean");
            assertThat(page.locator(".site-speakers")).containsText("김서연");
            assertThat(page.locator(".site-speakers")).containsText("Hanbit");
            assertThat(page.locator("#seats")).hasText("100 of 100 seats left");
            screenshot(page, "site-session-en");
            assertScriptBudget(page);

            Map<String, Object> scan = new LinkedHashMap<>();
            scan.put("ticket", attendee.get("ticket").asString());
            scan.put("desk", "D1");
            scan.put("at", SiteEvents.DAY1 + "T09:00:00+09:00");
            assertThat(post("/api/v1/events/" + slug + "/check-ins", ADMIN, scan).status()).isEqualTo(200);
            Map<String, Object> tap = new LinkedHashMap<>();
            tap.put("tapId", UUID.randomUUID().toString());
            tap.put("at", SiteEvents.DAY1 + "T13:01:00+09:00");
            tap.put("point", "session:S101");
            tap.put("credential", Map.of("ticket", attendee.get("ticket").asString()));
            Response tapped = post("/api/v1/events/" + slug + "/taps", ADMIN, tap);
            assertThat(tapped.status()).as(tapped.text()).isEqualTo(200);
            // the fragment is polled every 5 s: wait for the poll, not for a time
            assertThat(page.locator("#seats")).hasText("99 of 100 seats left",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        }
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug + "/sessions/S102");
            assertThat(page.locator("h1")).hasText("게임 서버 확장하기");
            assertThat(page.locator("#session-language")).hasText("영어");
            assertThat(page.locator("#seats")).hasText("200석 중 200석 남음");
            screenshot(page, "site-session-ko");
            assertScriptBudget(page);
        }
    }
}
