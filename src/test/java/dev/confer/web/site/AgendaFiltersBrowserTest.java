package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The agenda's level, type and topic filters, the search by company, and the day's keynote, in English and Korean. */
class AgendaFiltersBrowserTest extends BrowserTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summit() {
        Map<String, Object> def = SiteEvents.upcoming(500, 10, 100);
        List<Object> sessions = new ArrayList<>();
        Object[][] extra = {
                {"KB국민카드", 200, "TALK", List.of("banking"), "ko"},
                {"당근마켓", 300, "LAB", List.of("gamedev", "serverless"), "en"},
                {"Hanbit", 300, "TALK", List.of("payments"), "ja"},
                {"Hanbit", 100, "PANEL", List.of("gamedev"), "ko"}};
        int i = 0;
        for (Object o : (List<Object>) def.get("sessions")) {
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) o);
            Object[] e = extra[i++];
            Map<String, Object> speaker = new LinkedHashMap<>((Map<String, Object>) ((List<Object>) s.get("speakers")).getFirst());
            speaker.put("company", e[0]);
            speaker.put("title", Map.of("ko", "아키텍트", "en", "Architect"));
            s.put("speakers", List.of(speaker));
            s.put("level", e[1]);
            s.put("type", e[2]);
            s.put("tags", e[3]);
            s.put("language", e[4]);
            sessions.add(s);
        }
        def.put("sessions", sessions);
        List<Object> days = new ArrayList<>();
        for (Object o : (List<Object>) def.get("days")) {
            Map<String, Object> day = new LinkedHashMap<>((Map<String, Object>) o);
            Map<String, Object> keynote = new LinkedHashMap<>((Map<String, Object>) day.get("keynote"));
            keynote.put("title", Map.of("ko", "클라우드의 다음 10년", "en", "The next ten years of cloud"));
            keynote.put("speakers", List.of(Map.of("name", "Jane Doe", "company", "Cloudforge")));
            day.put("keynote", keynote);
            days.add(day);
        }
        def.put("days", days);
        return def;
    }

    @Test
    void levelTypeAndTopicFiltersAndTheCompanySearchInEnglish() {
        String slug = defineEvent(uniqueSlug("filters"), summit());
        try (BrowserContext english = laptop("en-US")) {
            Page page = open(english, "/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-keynote")).containsText("10:00–11:30 · Keynote");
            assertThat(page.locator("#agenda-keynote-title")).hasText("The next ten years of cloud");
            assertThat(page.locator("#agenda-keynote")).containsText("Jane Doe (Cloudforge)");
            assertThat(page.locator("#agenda-count")).hasText("3 sessions");
            assertThat(page.locator("a.site-session[data-code=S101]")).containsText("김서연 (KB국민카드)");
            assertThat(page.locator("a.site-session[data-code=S101]")).containsText("200 · Intermediate");
            assertThat(page.locator("a.site-session[data-code=S102]")).containsText("Hands-on lab");
            assertThat(page.locator("a.site-session[data-code=S103]")).containsText("Japanese");
            screenshot(page, "site-agenda-filters-en");

            page.locator("#level").selectOption("300");
            assertThat(page.locator("#agenda-count")).hasText("2 sessions");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*level=300.*"));
            page.locator("#type").selectOption("LAB");
            assertThat(page.locator("#agenda-count")).hasText("1 sessions");
            assertThat(page.locator("a.site-session")).hasCount(1);
            assertThat(page.locator("a.site-session[data-code=S102]")).hasCount(1);
            page.locator("#type").selectOption("");
            page.locator("#level").selectOption("");
            assertThat(page.locator("#agenda-count")).hasText("3 sessions");

            page.locator("#tag").selectOption("payments");
            assertThat(page.locator("#agenda-count")).hasText("1 sessions");
            assertThat(page.locator("a.site-session[data-code=S103]")).hasCount(1);
            page.locator("#tag").selectOption("");

            page.locator("#language").selectOption("ja");
            assertThat(page.locator("#agenda-count")).hasText("1 sessions");
            page.locator("#language").selectOption("");

            page.locator("#q").fill("[KB국민카드]");
            assertThat(page.locator("#agenda-count")).hasText("1 sessions");
            assertThat(page.locator("a.site-session[data-code=S101]")).hasCount(1);
            page.locator("#q").fill("당근마켓");
            assertThat(page.locator("#agenda-count")).hasText("1 sessions");
            assertThat(page.locator("a.site-session[data-code=S102]")).hasCount(1);
        }
    }

    @Test
    void theSameFiltersInKorean() {
        String slug = defineEvent(uniqueSlug("filters-ko"), summit());
        try (BrowserContext korean = laptop("ko-KR")) {
            Page page = open(korean, "/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-keynote")).containsText("키노트");
            assertThat(page.locator("#agenda-keynote-title")).hasText("클라우드의 다음 10년");
            assertThat(page.locator("a.site-session[data-code=S102]")).containsText("300 · 고급");
            assertThat(page.locator("a.site-session[data-code=S102]")).containsText("핸즈온 랩");
            assertThat(page.locator("a.site-session[data-code=S103]")).containsText("일본어");
            page.locator("#type").selectOption("LAB");
            assertThat(page.locator("#agenda-count")).hasText("세션 1개");
            page.locator("#type").selectOption("");
            page.locator("#q").fill("당근");
            assertThat(page.locator("#agenda-count")).hasText("세션 1개");
            assertThat(page.locator("a.site-session[data-code=S102]")).hasCount(1);
            screenshot(page, "site-agenda-filters-ko");
        }
    }
}
