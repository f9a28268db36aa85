package dev.confer.web.organizer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's pages in a real Chromium, in Korean and in English. */
class OrganizerBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A definition with three mistakes: an unknown time zone, a session in an unknown room, a bad date. */
    @SuppressWarnings("unchecked")
    private static String brokenDefinition() {
        Map<String, Object> bad = new HashMap<>(eventDefinition(100, 10, 50, 40, 10, 30));
        bad.put("timezone", "Asia/Nowhere");
        List<Object> sessions = new ArrayList<>((List<?>) bad.get("sessions"));
        Map<String, Object> lost = new LinkedHashMap<>((Map<String, Object>) sessions.get(0));
        lost.put("room", "999");
        sessions.set(0, lost);
        bad.put("sessions", sessions);
        List<Object> days = new ArrayList<>((List<?>) bad.get("days"));
        Map<String, Object> day = new LinkedHashMap<>((Map<String, Object>) days.get(1));
        day.put("date", "2026-15-40");
        days.set(1, day);
        bad.put("days", days);
        return JSON.writeValueAsString(bad);
    }

    private Page organizer(BrowserContext context, String path) {
        Page page = open(context, "/login");
        signIn(page, ADMIN);
        page.navigate(path);
        return page;
    }

    private static String figure(Page page, String name) {
        return page.locator("[data-figure='" + name + "']").first().textContent().strip();
    }

    @Test
    void aBrokenImportListsEveryProblemAndChangesNothingAGoodOneOpensTheDashboardInEnglish() {
        String slug = uniqueSlug("import-en");
        try (BrowserContext english = laptop("en-US")) {
            Page page = organizer(english, "/organizer");
            assertThat(page.locator("h1").textContent()).isEqualTo("Events");
            assertScriptBudget(page);
            screenshot(page, "organizer-home-en");

            page.locator("#slug").fill(slug);
            page.locator("#json").fill(brokenDefinition());
            page.locator("main form button[type=submit]").click();
            page.waitForLoadState();
            Locator problems = page.locator("#import-problems li");
            assertThat(page.locator("#import-problems").textContent()).contains("problem(s); nothing was changed");
            List<String> listed = problems.allTextContents().stream().map(String::strip).toList();
            assertThat(listed).anySatisfy(p -> assertThat(p).startsWith("/timezone").contains("'Asia/Nowhere' is not a known time zone"));
            assertThat(listed).anySatisfy(p -> assertThat(p).startsWith("/sessions/0/room").contains("There is no room '999'"));
            assertThat(listed).anySatisfy(p -> assertThat(p).startsWith("/days/1/date").contains("'2026-15-40' is not a date"));
            assertThat(page.locator("#json").inputValue()).as("the definition is kept for fixing").contains("Asia/Nowhere");
            screenshot(page, "organizer-import-errors-en");
            assertThat(get("/api/v1/events/" + slug, null).status()).as("nothing was created").isEqualTo(404);

            page.locator("#json").fill(JSON.writeValueAsString(eventDefinition(100, 10, 50, 40, 10, 30)));
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/organizer/" + slug + "?imported=created");
            assertThat(page.locator("#imported").textContent()).isEqualTo("Event '" + slug + "' created.");
            assertThat(page.locator("h1").textContent()).isEqualTo("Cloud Summit Seoul 2026");
            assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(200);

            // the same address again: refused until "replace" is ticked, then replaced
            page.navigate("/organizer");
            page.locator("#slug").fill(slug);
            page.locator("#json").fill(JSON.writeValueAsString(eventDefinition(222, 10, 50, 40, 10, 30)));
            page.locator("main form button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.locator("#replace-error").textContent()).contains("already has the address '" + slug + "'");
            assertThat(get("/api/v1/events/" + slug, null).json().get("capacity").asInt()).isEqualTo(100);
            page.locator("#replace").check();
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/organizer/" + slug + "?imported=replaced");
            assertThat(page.locator("#imported").textContent()).isEqualTo("Event '" + slug + "' replaced.");
            assertThat(get("/api/v1/events/" + slug, null).json().get("capacity").asInt()).isEqualTo(222);
        }
    }

    @Test
    void aBrokenUploadIsListedInKoreanAndAGoodUploadCreatesTheEvent() {
        String slug = uniqueSlug("import-ko");
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = organizer(korean, "/organizer");
            assertThat(page.locator("h1").textContent()).isEqualTo("행사 목록");
            assertScriptBudget(page);
            screenshot(page, "organizer-home-ko");

            page.locator("#slug").fill(slug);
            page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("broken.json", "application/json",
                    brokenDefinition().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            page.locator("main form button[type=submit]").click();
            page.waitForLoadState();
            // the bad date also leaves session S201 on a day the event does not have: four problems, all listed
            assertThat(page.locator("#import-problems").textContent()).contains("문제가 4건 있어 아무것도 바꾸지 않았습니다");
            assertThat(page.locator("#import-problems li").count()).isEqualTo(4);
            assertThat(page.locator("#import-problems").innerText()).contains("/timezone", "알 수 없는 시간대", "/sessions/0/room",
                    "'999' 룸이 없습니다", "/days/1/date", "/sessions/1/day");
            screenshot(page, "organizer-import-errors-ko");
            assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(404);

            page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("good.json", "application/json",
                    JSON.writeValueAsBytes(eventDefinition(100, 10, 50, 40, 10, 30))));
            page.locator("main form button[type=submit]").click();
            page.waitForURL("**/organizer/" + slug + "?imported=created");
            assertThat(page.locator("#imported").textContent()).isEqualTo("'" + slug + "' 행사를 만들었습니다.");
            assertThat(page.locator("h1").textContent()).isEqualTo("클라우드 서밋 서울 2026");
        }
    }

    private void checkIn(String slug, JsonNode registration, String at) {
        Response r = post("/api/v1/events/" + slug + "/check-ins", ADMIN,
                Map.of("ticket", registration.get("ticket").asString(), "desk", "D1", "at", at));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private void tapBooth(String slug, JsonNode registration, String booth, String at) {
        Response r = post("/api/v1/events/" + slug + "/taps", ADMIN, Map.of("tapId", UUID.randomUUID().toString(), "at", at,
                "point", "booth:" + booth, "credential", Map.of("ticket", registration.get("ticket").asString())));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private void tapSession(String slug, JsonNode registration, String session, String at) {
        Response r = post("/api/v1/events/" + slug + "/taps", ADMIN, Map.of("tapId", UUID.randomUUID().toString(), "at", at,
                "point", "session:" + session, "credential", Map.of("ticket", registration.get("ticket").asString())));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private record Busy(String slug, JsonNode b) {
    }

    /** Capacity 3 with a waitlist; vouchers 40 a day; room 301 holds 2. */
    private Busy busyEvent(String prefix) {
        String slug = defineEvent(uniqueSlug(prefix), eventDefinition(3, 5, 40, 300, 100, 2));
        JsonNode a = register(slug, "김민준", "a@" + slug + ".example.com");
        JsonNode b = register(slug, "Alice", "b@" + slug + ".example.com");
        JsonNode c = register(slug, "Bob", "c@" + slug + ".example.com");
        register(slug, "Dana", "d@" + slug + ".example.com"); // waitlisted
        JsonNode e = register(slug, "Eve", "e@" + slug + ".example.com"); // waitlisted, then cancelled
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + e.get("id").asString(), ADMIN, null).status())
                .isBetween(200, 204);
        checkIn(slug, a, "2037-05-14T09:01:00+09:00");
        checkIn(slug, b, "2037-05-14T09:08:00+09:00");
        checkIn(slug, c, "2037-05-14T09:42:00+09:00");
        checkIn(slug, a, "2037-05-15T08:15:00+09:00");
        tapBooth(slug, a, "B01", "2037-05-14T13:05:00+09:00");
        tapBooth(slug, a, "B01", "2037-05-14T14:05:00+09:00");
        tapBooth(slug, b, "B01", "2037-05-14T13:06:00+09:00");
        tapSession(slug, a, "S101", "2037-05-14T13:01:00+09:00");
        tapSession(slug, b, "S101", "2037-05-14T13:02:00+09:00");
        return new Busy(slug, b);
    }

    @Test
    void theDashboardShowsWhatWasDoneAndUpdatesWithoutReloadInEnglish() {
        String slug = busyEvent("dash-en").slug();
        clock.set(java.time.Instant.parse("2037-05-14T04:10:00Z")); // 13:10 in Seoul: S101 runs, its room is full
        try (BrowserContext english = laptop("en-US")) {
            Page page = organizer(english, "/organizer/" + slug + "?day=all");
            assertThat(page.locator("#day-filter [aria-current=page]").textContent().strip()).isEqualTo("All days");
            assertThat(page.locator("#fullest-now li").first().getAttribute("data-session")).isEqualTo("S101");
            assertThat(page.locator("#fullest-now li[data-session=S101]").innerText()).contains("Room 301", "2 / 2 (100 %)", "full");
            assertThat(figure(page, "confirmed")).isEqualTo("3");
            assertThat(figure(page, "waitlisted")).isEqualTo("1");
            assertThat(figure(page, "cancelled")).isEqualTo("1");
            assertThat(figure(page, "checked-in-2037-05-14")).isEqualTo("3");
            assertThat(figure(page, "checked-in-2037-05-15")).isEqualTo("1");
            assertThat(figure(page, "vouchers-issued-2037-05-14")).isEqualTo("3");
            assertThat(figure(page, "vouchers-left-2037-05-14")).isEqualTo("0"); // the stock is the capacity (3): eventDefinition keeps vouchers within it
            assertThat(figure(page, "voucher-stock-2037-05-14")).isEqualTo("3");
            assertThat(figure(page, "keynote-taken-2037-05-14")).isEqualTo("3");
            assertThat(figure(page, "keynote-seats-2037-05-14")).isEqualTo("400");
            assertThat(figure(page, "session-admitted-S101")).isEqualTo("2");
            assertThat(page.locator("#session-fill tr[data-session=S101]").getAttribute("class")).contains("org-full");
            assertThat(page.locator("#session-fill tr[data-session=S101]").innerText()).contains("2 / 2", "(100 %)", "full").doesNotContain("nearly full");
            assertThat(String.valueOf(page.locator("#session-fill tr[data-session=S201]").getAttribute("class"))).doesNotContain("org-full");
            assertThat(page.locator("#session-fill tbody tr").first().getAttribute("data-session")).isEqualTo("S101");
            assertThat(figure(page, "booth-visitors-B01")).isEqualTo("2");
            assertThat(figure(page, "booth-visits-B01")).isEqualTo("3");
            assertThat(figure(page, "booth-visitors-B02")).isEqualTo("0");

            // the chart: day one had check-ins in the 09:00 (2) and 09:40 (1) buckets, day two in 08:10 (1)
            Locator day1 = page.locator("#arrivals-chart figure[data-day='2037-05-14'] svg[role=img]");
            assertThat(day1.locator("rect").count()).isEqualTo(2);
            assertThat(day1.locator("rect[data-bucket='09:00']").getAttribute("data-count")).isEqualTo("2");
            assertThat(day1.locator("rect[data-bucket='09:40']").getAttribute("data-count")).isEqualTo("1");
            double tall = Double.parseDouble(day1.locator("rect[data-bucket='09:00']").getAttribute("height"));
            double half = Double.parseDouble(day1.locator("rect[data-bucket='09:40']").getAttribute("height"));
            assertThat(tall).isEqualTo(half * 2);
            assertThat(day1.locator("desc").textContent()).isEqualTo("3 check-ins between 08:00 and 18:00; busiest: 09:00–09:10 with 2.");
            assertThat(page.locator("#arrivals-chart figure[data-day='2037-05-15'] rect[data-bucket='08:10']").getAttribute("data-count"))
                    .isEqualTo("1");
            assertThat(page.locator("#arrivals-chart figure[data-day='2037-05-14'] table.visually-hidden tbody tr").allTextContents())
                    .containsExactly("09:00–09:102", "09:40–09:501");
            assertScriptBudget(page);
            screenshot(page, "organizer-dashboard-en");

            // more happens through the API; the open page follows without a reload
            page.evaluate("() => document.body.dataset.sameDocument = 'yes'");
            register(slug, "Late", "late@" + slug + ".example.com");
            JsonNode waitlisted = register(slug, "Later", "later@" + slug + ".example.com");
            assertThat(waitlisted.get("status").asString()).isEqualTo("WAITLISTED");
            page.waitForFunction("() => document.querySelector('[data-figure=waitlisted]').textContent.trim() === '3'");
            page.waitForFunction("() => document.querySelectorAll('#arrivals-chart figure[data-day=\"2037-05-14\"] rect').length === 2");
            assertThat(figure(page, "confirmed")).isEqualTo("3");
            assertThat(page.evaluate("() => document.body.dataset.sameDocument")).as("no reload happened").isEqualTo("yes");
        }
    }

    /**
     * At 08:40 on the day the organizer's laptop (1366×768) opens on today: the check-ins per 10 minutes, the
     * desks, the vouchers left and the fullest rooms all in the first screen, without scrolling; the long lists
     * fold away and stay folded on this device.
     */
    @Test
    void onTheDayTheFirstScreenShowsTodayAndTheListsFoldAway() {
        String slug = busyEvent("dash-day").slug();
        clock.set(java.time.Instant.parse("2037-05-14T04:10:00Z")); // 13:10 in Seoul on day one
        try (BrowserContext english = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1366, 768).setBaseURL("http://localhost:" + port))) {
            Page page = organizer(english, "/organizer/" + slug);
            assertThat(page.locator("#day-filter [aria-current=page]").getAttribute("data-day")).isEqualTo("2037-05-14");
            // today only: day one's chart, vouchers and sessions; day two's are behind its filter
            assertThat(page.locator("#arrivals-chart figure").count()).isEqualTo(1);
            assertThat(figure(page, "vouchers-left-2037-05-14")).isEqualTo("0"); // 3 vouchers (the capacity), all 3 handed out
            assertThat(page.locator("[data-figure='checked-in-2037-05-15']").count()).isZero();
            assertThat(page.locator("#session-fill tbody tr").allTextContents()).allSatisfy(row -> assertThat(row).contains("05-14"));
            assertThat(page.locator("#desks tr[data-desk=D1]").innerText()).contains("D1", "3", "09:42");
            screenshot(page, "organizer-dashboard-first-screen-en");
            for (String first : List.of("#arrivals-chart svg", "#desks table", "[data-figure='vouchers-left-2037-05-14']",
                    "#fullest-now li[data-session=S101]")) {
                com.microsoft.playwright.options.BoundingBox box = page.locator(first).first().boundingBox();
                assertThat(box).as(first + " is shown").isNotNull();
                assertThat(box.y + box.height).as(first + " is in the first screen").isLessThanOrEqualTo(768);
            }

            // the other day, by its filter
            page.locator("#day-filter a[data-day='2037-05-15']").click();
            page.waitForURL("**day=2037-05-15");
            assertThat(figure(page, "checked-in-2037-05-15")).isEqualTo("1");
            assertThat(page.locator("#desks tr[data-desk=D1]").innerText()).contains("08:15");

            // the session list folds away, and stays folded after a reload
            assertThat(page.locator("#fold-sessions").evaluate("d => d.open")).isEqualTo(true);
            page.locator("#fold-sessions > summary").click();
            assertThat(page.locator("#fold-sessions").evaluate("d => d.open")).isEqualTo(false);
            page.reload();
            assertThat(page.locator("#fold-sessions").evaluate("d => d.open")).isEqualTo(false);
            assertThat(page.locator("#fold-booths").evaluate("d => d.open")).isEqualTo(true);
        }
    }

    @Test
    void theDashboardInKoreanFollowsCheckInsLive() {
        Busy busy = busyEvent("dash-ko");
        String slug = busy.slug();
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = organizer(korean, "/organizer/" + slug);
            assertThat(page.locator("h1").textContent()).isEqualTo("클라우드 서밋 서울 2026");
            assertThat(page.locator("#arrivals-chart h2").textContent()).isEqualTo("10분 단위 체크인");
            assertThat(page.locator("#arrivals-chart figure[data-day='2037-05-14'] desc").textContent())
                    .isEqualTo("08:00~18:00 체크인 3명, 가장 붐빈 시간: 09:00~09:10 (2명)");
            assertThat(page.locator("#session-fill tr[data-session=S101]").textContent()).contains("만석").doesNotContain("거의 만석");
            assertThat(figure(page, "checked-in-2037-05-15")).isEqualTo("1");
            assertScriptBudget(page);
            screenshot(page, "organizer-dashboard-ko");

            page.evaluate("() => document.body.dataset.sameDocument = 'yes'");
            register(slug, "Extra", "x@" + slug + ".example.com"); // waitlisted: 1 -> 2
            checkIn(slug, busy.b(), "2037-05-15T10:03:00+09:00");
            page.waitForFunction("() => document.querySelector('[data-figure=\"checked-in-2037-05-15\"]').textContent.trim() === '2'");
            page.waitForFunction("() => document.querySelector('#arrivals-chart figure[data-day=\"2037-05-15\"] rect[data-bucket=\"10:00\"]') !== null");
            assertThat(figure(page, "waitlisted")).isEqualTo("2");
            assertThat(page.evaluate("() => document.body.dataset.sameDocument")).isEqualTo("yes");
        }
    }
}
