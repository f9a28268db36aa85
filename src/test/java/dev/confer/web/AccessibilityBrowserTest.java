package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.desk.StaffPagesTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Every page, in Korean and in English, in the states people meet (errors shown, verdicts green, amber and
 * red, a dashboard with data), audited with axe-core for WCAG 2.1 A/AA and axe's best practices. All pages of
 * a test are audited before it fails, so one run lists everything to fix.
 */
class AccessibilityBrowserTest extends StaffPagesTest {

    private final List<String> found = new ArrayList<>();
    private String lang;

    /** The Korean or the English words, whichever the test runs in. */
    private String t(String ko, String en) {
        return lang.equals("ko") ? ko : en;
    }

    private void audit(Page page, String name) {
        String shot = "a11y-" + name + "-" + lang;
        screenshot(page, shot);
        assertScriptBudget(page);
        for (String violation : AxeAudit.violations(page)) {
            found.add(shot + " (" + page.url().replace("http://localhost:" + port, "") + "): " + violation);
        }
        AxeAudit.needsReview(page).forEach(review -> System.out.println("[a11y review] " + shot + ": " + review));
    }

    private void assertNoViolations() {
        if (!found.isEmpty()) {
            fail(found.size() + " accessibility violation(s):\n" + String.join("\n", found));
        }
    }

    private Page signedIn(BrowserContext context, String token, String path) {
        Page page = open(context, "/login");
        signIn(page, token);
        page.navigate(path);
        return page;
    }

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    private void checkIn(String slug, JsonNode attendee) {
        Response r = post("/api/v1/events/" + slug + "/check-ins", ADMIN, Map.of("ticket", attendee.get("ticket").asString()));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** Today's event (so the desk and doors work) with a venue and an about text, and a waitlist. */
    private static Map<String, Object> siteEvent(int capacity, int roomCapacity) {
        Map<String, Object> def = todayDefinition(capacity, 10, 5, 5, roomCapacity);
        def.put("waitlist", 5);
        def.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX"),
                "address", Map.of("ko", "서울특별시 강남구 영동대로 513", "en", "513 Yeongdong-daero, Gangnam-gu, Seoul")));
        def.put("about", Map.of("ko", "클라우드로 일하는 사람들을 위한 하루", "en", "A day for people who build on the cloud"));
        return def;
    }

    /** The audit is only worth something if it speaks up: an unlabelled field and faint text are reported. */
    @org.junit.jupiter.api.Test
    void theAuditReportsWhatItFinds() {
        try (BrowserContext phone = phone("en-US", true)) {
            Page page = open(phone, "/login");
            assertThat(AxeAudit.violations(page)).isEmpty();
            page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend', "
                    + "'<input id=\"unlabelled\"><p id=\"faint\" style=\"color:#bbb\">faint</p>')");
            String report = String.join("\n", AxeAudit.violations(page));
            assertThat(report).contains("label (critical)", "#unlabelled", "color-contrast (serious)", "#faint");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void theEventSite(String locale) {
        lang = locale.substring(0, 2);
        String slug = defineEvent(uniqueSlug("a11y-site"), siteEvent(50, 100));
        String full = defineEvent(uniqueSlug("a11y-full"), siteEvent(1, 100));
        register(full, "First Person", "first-" + UUID.randomUUID() + "@example.com");
        JsonNode arrived = register(slug, "이서연", "arrived-" + UUID.randomUUID() + "@example.com");
        checkIn(slug, arrived);
        try (BrowserContext phone = phone(locale, true)) {
            Page page = open(phone, "/");
            assertThat(page.locator("h1")).hasText(t("행사", "Events"));
            audit(page, "home");

            page.navigate("/e/" + slug);
            assertThat(page.locator("h1")).hasText(t("클라우드 서밋 서울 2026", "Cloud Summit Seoul 2026"));
            audit(page, "landing");

            page.navigate("/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-count")).hasText(t("세션 2개", "2 sessions"));
            audit(page, "agenda");
            page.navigate("/e/" + slug + "/agenda?q=zzzz");
            assertThat(page.locator("#agenda-count")).hasText(t("세션 0개", "0 sessions"));
            audit(page, "agenda-none");
            // with a ticket opened on this phone the list offers stars
            page.navigate("/e/" + slug + "/my-ticket/" + arrived.get("id").asString() + "?token=" + arrived.get("manageToken").asString());
            page.navigate("/e/" + slug + "/agenda");
            assertThat(page.locator("#agenda-list")).hasAttribute("data-stars", "ready");
            audit(page, "agenda-stars");

            page.navigate("/e/" + slug + "/sessions/S101");
            assertThat(page.locator("h1")).hasText(t("클라우드 네이티브 금융", "Cloud-native finance"));
            audit(page, "session");

            page.navigate("/e/" + slug + "/register");
            assertThat(page.locator("h1")).hasText(t("등록하기", "Register"));
            audit(page, "register");
            page.locator("#email").fill("not-an-email");
            page.locator("#register").click();
            assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
            audit(page, "register-errors");

            page.locator("#name").fill(t("김민준", "Grace Hopper"));
            page.locator("#email").fill("a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#register").click();
            page.waitForURL("**/my-ticket/**");
            assertThat(page.locator("#ticket-status")).hasText(t("등록 확정", "Confirmed"));
            page.locator("details.site-code summary").click();
            audit(page, "my-ticket-confirmed");

            page.locator("#cancel-link").click();
            assertThat(page.locator("h1")).hasText(t("등록을 취소할까요?", "Cancel your registration?"));
            audit(page, "cancel");
            page.locator("#cancel-confirm").click();
            assertThat(page.locator("#ticket-status")).hasText(t("취소됨", "Cancelled"));
            audit(page, "my-ticket-cancelled");

            page.navigate("/e/" + slug + "/my-ticket/" + arrived.get("id").asString() + "?token=" + arrived.get("manageToken").asString());
            assertThat(page.locator("#day-1 .day-seat")).containsText("Hall D");
            audit(page, "my-ticket-checked-in");

            page.navigate("/e/" + slug + "/my-ticket/" + arrived.get("id").asString() + "?token=wrong");
            assertThat(page.locator("h1")).hasText(t("페이지를 찾을 수 없습니다", "Page not found"));
            audit(page, "my-ticket-not-found");
            page.navigate("/no/such/page");
            assertThat(page.locator("h1")).hasText(t("페이지를 찾을 수 없습니다", "Page not found"));
            audit(page, "error-404");

            // a full event: the waitlist is offered, never taken silently
            page.navigate("/e/" + full);
            assertThat(page.locator("#registration-state")).isVisible();
            audit(page, "landing-full");
            page.navigate("/e/" + full + "/register");
            page.locator("#name").fill("Jane Doe");
            page.locator("#email").fill("a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#register").click();
            assertThat(page.locator("#register-notice")).isVisible();
            audit(page, "register-waitlist-notice");
            page.locator("#waitlist").check();
            page.locator("#register").click();
            page.waitForURL("**/my-ticket/**");
            assertThat(page.locator("#ticket-status")).hasText(t("대기 중: 대기 순번 1번", "Waitlisted: number 1 in line"));
            audit(page, "my-ticket-waitlisted");

            // a team: the form, its errors by line, the team's tickets, and a full event's waitlist offer
            page.navigate("/e/" + slug + "/teams/new");
            assertThat(page.locator("h1")).hasText(t("팀 등록하기", "Register a team"));
            audit(page, "team-register");
            page.locator("#members").fill("Ada Lovelace, ada@");
            page.locator("#register-team").click();
            assertThat(page.locator("#teamName")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#members")).hasAttribute("aria-invalid", "true");
            audit(page, "team-register-errors");
            page.locator("#teamName").fill(t("한빛은행 플랫폼팀", "Platform team"));
            page.locator("#name").fill(t("김민준", "Grace Hopper"));
            page.locator("#email").fill("a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#members").fill("Ada Lovelace, a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#register-team").click();
            page.waitForURL("**/team-tickets?token=*");
            assertThat(page.locator("#team-members > li")).hasCount(2);
            audit(page, "team-tickets");
            page.navigate("/e/" + full + "/teams/new");
            page.locator("#teamName").fill("Late team");
            page.locator("#name").fill("Jane Roe");
            page.locator("#email").fill("a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#members").fill("Ada Lovelace, a11y-" + UUID.randomUUID() + "@example.com");
            page.locator("#register-team").click();
            assertThat(page.locator("#team-notice")).isVisible();
            assertThat(page.locator("#waitlist")).not().isChecked();
            audit(page, "team-register-waitlist-notice");
        }
        assertNoViolations();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.confer.TestClock clock;

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void theAgendaAndTeamVotes(String locale) {
        lang = locale.substring(0, 2);
        String slug = defineEvent(uniqueSlug("a11y-agenda"), dev.confer.agenda.AgendaEvents.definition(50, 10));
        java.util.List<JsonNode> team = registerTeam(slug, "Platform team", "Kim", "Lee");
        String ticket = "/e/" + slug + "/my-ticket/" + team.getFirst().get("id").asString() + "?token=" + team.getFirst().get("manageToken").asString();
        clock.set(java.time.Instant.parse("2037-05-14T03:50:00Z")); // 12:50 in Seoul: the 13:00 talks are next
        try (BrowserContext phone = phone(locale, true)) {
            Page page = open(phone, ticket.replace("?token", "/agenda?token"));
            page.locator("#s-S1 button.site-star").click();
            page.locator("#s-S4 button.site-star").click();
            assertThat(page.locator("#mine-S1 .site-clash")).isVisible();
            audit(page, "my-agenda");
            page.navigate(ticket);
            assertThat(page.locator("#next-title")).isVisible();
            assertThat(page.locator("#team-card")).isVisible();
            audit(page, "my-ticket-next-and-team");
            page.navigate(ticket.replace("?token", "/team?token"));
            page.locator("#vote-2037-05-14T1300-S2").check();
            page.locator("#vote-2037-05-14T1300").click();
            assertThat(page.locator("#tally-2037-05-14T1300 .site-plan")).isVisible();
            audit(page, "team-votes");
        } finally {
            clock.reset();
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void signInAndRefusals(String locale) {
        lang = locale.substring(0, 2);
        String slug = defineEvent(uniqueSlug("a11y-signin"), siteEvent(10, 10));
        try (BrowserContext phone = phone(locale, true)) {
            Page page = open(phone, "/login");
            assertThat(page.locator("h1")).hasText(t("스태프 로그인", "Staff sign-in"));
            audit(page, "sign-in");
            page.locator("#token").fill("desk_not-a-real-token");
            page.locator("main form button[type=submit]").click();
            assertThat(page.locator("#token")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#token-error")).isVisible();
            audit(page, "sign-in-error");

            signIn(page, staffToken(slug, "DESK", null));
            page.navigate("/organizer");
            assertThat(page.locator("h1")).hasText(t("접근할 수 없습니다", "Not allowed"));
            audit(page, "error-403");
            page.navigate("/desk/" + slug);
            // a worker signs out of a desk that has loaded (its roster kept for offline use): sign-out wipes it first
            assertThat(page.locator("#floor-offline")).hasAttribute("data-roster", "ready",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            page.locator("header button[type=submit]").click();
            page.waitForURL("**/login?signedOut", new Page.WaitForURLOptions().setTimeout(30_000));
            audit(page, "signed-out");
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void theDeskOnAPhoneAndALaptop(String locale) {
        lang = locale.substring(0, 2);
        String slug = defineEvent(uniqueSlug("a11y-desk"), todayDefinition(50, 10, 2, 5, 50));
        String desk = staffToken(slug, "DESK", null);
        for (String screen : List.of("phone", "laptop")) {
            JsonNode minjun = register(slug, "김민준", screen + "-" + UUID.randomUUID() + "@example.com");
            register(slug, "이서연 " + screen, screen + "-seoyeon-" + UUID.randomUUID() + "@example.com");
            try (BrowserContext context = screen.equals("phone") ? phone(locale, true) : laptop(locale, true)) {
                Page page = signedIn(context, desk, "/desk/" + slug);
                assertThat(page.locator("h1")).containsText(t("등록 데스크", "Registration desk"));
                audit(page, "desk-" + screen);

                scan(page, minjun.get("ticket").asString());
                assertThat(page.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
                assertThat(page.locator("#verdict h2")).hasText(t("체크인 완료", "Checked in"));
                audit(page, "desk-green-" + screen);

                scan(page, minjun.get("ticket").asString());
                assertThat(page.locator("#verdict")).hasAttribute("data-result", "ALREADY");
                audit(page, "desk-amber-" + screen);

                htmxIdle(page);
                page.locator("#nfc-uid").fill("not-a-uid");
                page.locator("#bind-nfc").click();
                assertThat(page.locator("#nfc-uid")).hasAttribute("aria-invalid", "true");
                audit(page, "desk-nfc-error-" + screen);

                scan(page, "CNF1.garbled-code");
                assertThat(page.locator("#verdict")).hasAttribute("data-result", "REJECTED");
                assertThat(page.locator("#verdict h2")).hasText(t("체크인 불가", "Not checked in"));
                audit(page, "desk-red-" + screen);

                page.locator("#search").pressSequentially("이서연 " + screen);
                assertThat(page.locator("#search-results li")).hasCount(1);
                audit(page, "desk-search-" + screen);
                page.locator("#search").fill("");
                page.locator("#search").pressSequentially("nobody-at-all");
                assertThat(page.locator("#search-results p")).isVisible();
                audit(page, "desk-search-none-" + screen);
            }
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void theDoorAndTheSponsor(String locale) {
        lang = locale.substring(0, 2);
        duringSession(10, 5); // S101 (10:00) admits
        String slug = defineEvent(uniqueSlug("a11y-door"), todayDefinition(50, 10, 10, 10, 1));
        JsonNode in = register(slug, "김민준", "in-" + UUID.randomUUID() + "@example.com");
        JsonNode second = register(slug, "Alice", "alice-" + UUID.randomUUID() + "@example.com");
        JsonNode late = register(slug, "Late Comer", "late-" + UUID.randomUUID() + "@example.com");
        checkIn(slug, in);
        checkIn(slug, second);
        try (BrowserContext phone = phone(locale, true)) {
            Page page = signedIn(phone, staffToken(slug, "DOOR", null), "/door/" + slug);
            assertThat(page.locator("h1")).containsText(t("출입구", "Door"));
            audit(page, "door-points");

            page.locator("#point-room-301").click();
            assertThat(page.locator("#scan")).isFocused();
            audit(page, "door-loop");
            scan(page, late.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "NOT_CHECKED_IN");
            audit(page, "door-not-checked-in");
            scan(page, in.get("ticket").asString());
            assertThat(page.locator("#verdict h2")).hasText(t("입장 가능", "Admitted"));
            audit(page, "door-admitted");
            scan(page, second.get("ticket").asString());
            try {
                assertThat(page.locator("#verdict h2")).hasText(t("만석", "Full"));
            } catch (AssertionError e) { // a CI run once saw "Not valid" here under heavy load: say why, next time
                throw new AssertionError(e.getMessage() + "\nthe verdict said: " + page.locator("#verdict").innerText(), e);
            }
            audit(page, "door-full");
            scan(page, "04FFFFFFFF");
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "REJECTED");
            audit(page, "door-rejected");
            page.navigate("/door/" + slug + "/booth/B01");
            assertThat(page.locator("h1")).hasText("ACME Cloud");
            audit(page, "door-booth");
        }
        try (BrowserContext phone = phone(locale, true)) {
            Page page = signedIn(phone, staffToken(slug, "SPONSOR", "B02"), "/sponsor/" + slug);
            assertThat(page.locator("h1")).containsText(t("한빛 데이터", "Hanbit Data"));
            audit(page, "sponsor-empty");
            scan(page, in.get("ticket").asString());
            assertThat(page.locator("#lead-count")).hasText("1");
            assertThat(page.locator("#verdict h2")).hasText(t("기록됨", "Recorded"));
            audit(page, "sponsor-recorded");
            scan(page, late.get("ticket").asString());
            assertThat(page.locator("#verdict")).hasAttribute("data-result", "NOT_CHECKED_IN");
            audit(page, "sponsor-not-checked-in");
        }
        try (BrowserContext laptop = laptop(locale, true)) {
            Page page = signedIn(laptop, ADMIN, "/sponsor/" + slug + "?booth=B02");
            assertThat(page.locator("#leads tbody tr")).hasCount(1);
            audit(page, "sponsor-organizer");
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko-KR", "en-US"})
    void theOrganizerOnAPhoneAndALaptop(String locale) {
        lang = locale.substring(0, 2);
        String slug = defineEvent(uniqueSlug("a11y-org"), busyDefinition());
        JsonNode a = register(slug, "김민준", "a-" + UUID.randomUUID() + "@example.com");
        register(slug, "Alice", "b-" + UUID.randomUUID() + "@example.com");
        register(slug, "Waiting", "w-" + UUID.randomUUID() + "@example.com");
        checkIn(slug, a);
        Response tap = post("/api/v1/events/" + slug + "/taps", ADMIN, Map.of("tapId", UUID.randomUUID().toString(),
                "at", todayAt(10, 5), "point", "session:S101", "credential", Map.of("ticket", a.get("ticket").asString())));
        assertThat(tap.status()).as(tap.text()).isEqualTo(200);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 3);
        for (String screen : List.of("phone", "laptop")) {
            try (BrowserContext context = screen.equals("phone") ? phone(locale, true) : laptop(locale, true)) {
                Page page = signedIn(context, ADMIN, "/organizer");
                assertThat(page.locator("h1")).hasText(t("행사 목록", "Events"));
                audit(page, "organizer-home-" + screen);

                page.locator("#slug").fill(uniqueSlug("a11y-broken"));
                page.locator("#json").fill(brokenDefinition());
                page.locator("main form button[type=submit]").click();
                assertThat(page.locator("#import-problems li")).hasCount(2);
                audit(page, "organizer-import-errors-" + screen);
                page.locator("#slug").fill("Not A Slug!");
                page.locator("main form button[type=submit]").click();
                assertThat(page.locator("#slug")).hasAttribute("aria-invalid", "true");
                audit(page, "organizer-import-bad-slug-" + screen);
                page.locator("#slug").fill(slug);
                page.locator("#json").fill(JSON.writeValueAsString(busyDefinition()));
                page.locator("main form button[type=submit]").click();
                assertThat(page.locator("#replace-error")).isVisible();
                audit(page, "organizer-import-exists-" + screen);

                page.navigate("/organizer/" + slug);
                assertThat(page.locator("[data-figure=confirmed]").first()).hasText("2");
                assertThat(page.locator("#arrivals-chart svg").first()).isVisible();
                audit(page, "organizer-dashboard-" + screen);

                page.navigate("/organizer/" + slug + "/staff");
                assertThat(page.locator("h1")).containsText(t("스태프 토큰", "Staff tokens"));
                page.locator("#role").selectOption("SPONSOR");
                page.locator("main form.org-staff-form button[type=submit]").click();
                assertThat(page.locator("#booth")).hasAttribute("aria-invalid", "true");
                audit(page, "organizer-staff-error-" + screen);
                page.locator("#role").selectOption("DESK");
                page.locator("#label").fill(t("데스크 3", "Desk 3"));
                page.locator("main form.org-staff-form button[type=submit]").click();
                assertThat(page.locator("#new-token")).isVisible();
                assertThat(page.locator("#staff-tokens tbody tr")).not().hasCount(0);
                audit(page, "organizer-staff-issued-" + screen);

                page.navigate("/dev/mail?event=" + slug);
                assertThat(page.locator("h1")).containsText(t("메일함", "Mail box"));
                assertThat(page.locator("tr[data-mail-id]")).hasCount(3);
                audit(page, "organizer-mail-" + screen);
            }
        }
        assertNoViolations();
    }

    /** Capacity 2 with a waitlist; room 301 holds 1, so a tap there makes it nearly full. */
    private static Map<String, Object> busyDefinition() {
        Map<String, Object> def = todayDefinition(2, 10, 10, 10, 1);
        def.put("waitlist", 5);
        return def;
    }

    /** A definition with an unknown time zone and a session in an unknown room. */
    @SuppressWarnings("unchecked")
    private static String brokenDefinition() {
        Map<String, Object> bad = new HashMap<>(eventDefinition(100, 10, 50, 40, 10, 30));
        bad.put("timezone", "Asia/Nowhere");
        List<Object> sessions = new ArrayList<>((List<?>) bad.get("sessions"));
        Map<String, Object> lost = new LinkedHashMap<>((Map<String, Object>) sessions.get(0));
        lost.put("room", "999");
        sessions.set(0, lost);
        bad.put("sessions", sessions);
        return JSON.writeValueAsString(bad);
    }
}
