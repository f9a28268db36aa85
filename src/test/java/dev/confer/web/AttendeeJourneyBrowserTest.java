package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The whole day through the pages only, in Korean and in English: the organizer hands out staff tokens,
 * an attendee registers on a phone and opens My ticket from the confirmation mail, the desk scans the
 * ticket (typed, as a USB scanner types it), a session door admits the attendee, a sponsor's booth
 * records the lead, My ticket shows the keynote seat, and the organizer's dashboard shows the numbers.
 */
class AttendeeJourneyBrowserTest extends BrowserTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void theDayInKorean() {
        journey("ko-KR", "ko", "이서연", Map.of(
                "confirmed", "등록 확정", "checkedIn", "체크인", "admitted", "입장", "seat", "Hall D"));
    }

    @Test
    void theDayInEnglish() {
        journey("en-US", "en", "Grace Hopper", Map.of(
                "confirmed", "Confirmed", "checkedIn", "Checked in", "admitted", "Admitted", "seat", "Hall D"));
    }

    private void journey(String locale, String lang, String name, Map<String, String> words) {
        String slug = defineEvent(uniqueSlug("journey-" + lang), today());
        String email = slug + "@example.com";

        try (BrowserContext organizerLaptop = laptop(locale);
             BrowserContext attendeePhone = phone(locale);
             BrowserContext deskLaptop = laptop(locale);
             BrowserContext doorTablet = phone(locale);
             BrowserContext boothTablet = phone(locale)) {

            // the organizer signs in and issues a token for the desk, the door and the booth
            Page organizer = open(organizerLaptop, "/login");
            signIn(organizer, ADMIN);
            organizer.waitForURL("**/organizer");
            String desk = issueStaffToken(organizer, slug, "DESK", null);
            String door = issueStaffToken(organizer, slug, "DOOR", null);
            String sponsor = issueStaffToken(organizer, slug, "SPONSOR", "B01");
            screenshot(organizer, "journey-" + lang + "-1-staff-tokens");

            // the attendee registers on a phone
            Page attendee = open(attendeePhone, "/e/" + slug);
            attendee.locator("#register-link").click();
            attendee.locator("#name").fill(name);
            attendee.locator("#email").fill(email);
            attendee.locator("#company").fill("Hanbit");
            attendee.locator("#sponsor-sharing").check(); // so the booth she visits gets her contact
            attendee.locator("#register").click();
            attendee.waitForURL("**/my-ticket/**");
            assertThat(attendee.locator("#ticket-status")).hasText(words.get("confirmed"));
            screenshot(attendee, "journey-" + lang + "-2-registered");

            // ... and later opens My ticket from the confirmation mail (read in the organizer's mail box)
            organizer.navigate("/dev/mail?event=" + slug);
            organizer.locator("tr:has-text('" + email + "') a[href^='/dev/mail/']").first().click();
            String linkInMail = organizer.locator("a[href*='/my-ticket/']").first().getAttribute("href");
            URI link = URI.create(linkInMail);
            attendee.navigate(link.getRawPath() + "?" + link.getRawQuery());
            assertThat(attendee.locator("#ticket-name")).hasText(name);
            assertThat(attendee.locator("img.qr")).isVisible();
            attendee.locator("details.site-code summary").click();
            String ticket = attendee.locator("#ticket-code").textContent().strip();
            screenshot(attendee, "journey-" + lang + "-3-my-ticket-from-mail");

            // the desk scans it
            Page deskPage = open(deskLaptop, "/login");
            signIn(deskPage, desk);
            deskPage.waitForURL("**/desk/" + slug);
            scan(deskPage, ticket);
            assertThat(deskPage.locator("#verdict")).hasAttribute("data-result", "CHECKED_IN");
            assertThat(deskPage.locator("#verdict")).containsText(name);
            assertThat(deskPage.locator("#verdict [data-keynote-seat]")).containsText("Hall D");
            assertThat(deskPage.locator("#verdict [data-voucher]")).containsText("-00001");
            assertThat(deskPage.locator("#scan")).hasValue(""); // emptied and focused for the next scan
            assertThat(deskPage.locator("#scan")).isFocused();
            screenshot(deskPage, "journey-" + lang + "-4-desk");

            // a session door admits the attendee
            Page doorPage = open(doorTablet, "/login");
            signIn(doorPage, door);
            doorPage.waitForURL("**/door/" + slug);
            doorPage.locator("#point-room-301").click();
            scan(doorPage, ticket);
            assertThat(doorPage.locator("#verdict")).hasAttribute("data-result", "ADMITTED");
            assertThat(doorPage.locator("#admitted")).containsText("1 / 100");
            assertThat(doorPage.locator("#scan")).hasValue("");
            assertThat(doorPage.locator("#scan")).isFocused();
            screenshot(doorPage, "journey-" + lang + "-5-door");

            // the sponsor's booth records the visit, and the lead is there
            Page booth = open(boothTablet, "/login");
            signIn(booth, sponsor);
            booth.waitForURL("**/sponsor/" + slug);
            scan(booth, ticket);
            assertThat(booth.locator("#lead-count")).hasText("1");
            assertThat(booth.locator("#leads tbody tr")).containsText(name);
            screenshot(booth, "journey-" + lang + "-6-sponsor");

            // My ticket now shows today's keynote seat and lunch voucher
            attendee.reload();
            assertThat(attendee.locator("#day-1 .day-seat")).containsText(words.get("seat"));
            assertThat(attendee.locator("#day-1 .day-voucher")).containsText("-00001");
            screenshot(attendee, "journey-" + lang + "-7-my-ticket-checked-in");

            // the organizer's dashboard shows all of it
            organizer.navigate("/organizer/" + slug);
            assertThat(organizer.locator("[data-figure=confirmed]").first()).hasText("1");
            assertThat(organizer.locator("[data-figure='checked-in-" + LocalDate.now(SEOUL) + "']")).hasText("1");
            assertThat(organizer.locator("[data-figure=session-admitted-S101]")).hasText("1");
            assertThat(organizer.locator("[data-figure=booth-visitors-B01]")).hasText("1");
            assertThat(organizer.locator("#arrivals-chart")).isVisible();
            screenshot(organizer, "journey-" + lang + "-8-dashboard");
            assertScriptBudget(organizer);
        }
    }

    private static void scan(Page page, String text) {
        page.locator("#scan").fill(text);
        page.locator("#scan").press("Enter");
    }

    private static String issueStaffToken(Page organizer, String slug, String role, String booth) {
        organizer.navigate("/organizer/" + slug + "/staff");
        organizer.locator("#role").selectOption(role);
        if (booth != null) {
            organizer.locator("#booth").selectOption(booth);
        }
        organizer.locator("#label").fill(role.toLowerCase() + " 1");
        organizer.locator("main form.org-staff-form button[type=submit]").click();
        assertThat(organizer.locator("#new-token")).hasValue(Pattern.compile("^" + role.toLowerCase() + "_.+"));
        return organizer.locator("#new-token").inputValue();
    }

    /** The test summit moved to today in Seoul, open all day, so the desk and the doors work with the real clock. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> today() {
        Map<String, Object> def = eventDefinition(50, 10, 50, 40, 10, 100);
        String today = LocalDate.now(SEOUL).toString();
        def.put("days", List.of(Map.of("date", today, "doorsOpen", "00:00", "end", "23:59", "mealVouchers", 50,
                "keynote", Map.of("start", "00:00", "end", "23:59",
                        "halls", List.of(Map.of("name", "Hall D", "seats", 40), Map.of("name", "Overflow E1", "seats", 10))))));
        List<Object> sessions = new ArrayList<>();
        for (Object s : (List<Object>) def.get("sessions")) {
            Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) s);
            session.put("day", today);
            // all day, like the doors: a session's door admits only while it runs (from 30 minutes before)
            session.put("start", "00:00");
            session.put("end", "23:59");
            sessions.add(session);
        }
        def.put("sessions", List.of(sessions.getFirst()));
        def.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX")));
        return def;
    }
}
