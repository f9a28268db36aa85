package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering a team on the site, in Korean and in English, on a phone: pasted members, line errors, the waitlist tick, the team's tickets. */
class TeamRegistrationBrowserTest extends BrowserTest {

    @Autowired
    TestClock clock;

    @Test
    void aTeamInKoreanWithABadLineFirstThenItsTicketsThenAMembersTicket() {
        String slug = defineEvent(uniqueSlug("site-team"), SiteEvents.upcoming(20, 5, 100));
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug);
            assertThat(page.locator("#team-link")).hasText("팀으로 등록하시나요? 한 번에 최대 50명");
            page.locator("#team-link").click();
            assertThat(page.locator("h1")).hasText("팀 등록하기");
            assertThat(page.locator("#registration-state")).containsText("남은 자리 20석");
            assertThat(page.locator("#locale")).hasValue("ko");
            assertThat(page.locator("#waitlist")).hasCount(0);
            screenshot(page, "team-register-ko");
            assertScriptBudget(page);

            page.locator("#teamName").fill("한빛은행 플랫폼팀");
            page.locator("#name").fill("김민준");
            page.locator("#email").fill("minjun@example.com");
            page.locator("#company").fill("한빛은행");
            page.locator("#members").fill("김서연, seoyeon@example.com\n\n이준호; kim@\nAlex Park\talex@example.com\tEngineer\n박지민");
            page.locator("#register-team").click();
            assertThat(page.locator("#team-notice")).containsText("아무도 등록되지 않았습니다");
            assertThat(page.locator(".team-line-errors li")).hasCount(2);
            assertThat(page.locator(".team-line-errors li").first()).hasText("3번째 줄: 'kim@'은(는) 올바른 이메일 주소가 아닙니다.");
            assertThat(page.locator(".team-line-errors li").last()).hasText("5번째 줄: 이름 뒤에 이메일 주소를 적어 주세요(이름, 이메일).");
            assertThat(page.locator("#members")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#members")).hasAttribute("aria-describedby", "members-hint members-errors");
            assertThat(page.locator("#teamName")).hasValue("한빛은행 플랫폼팀");
            assertThat(page.locator("#members")).hasValue("김서연, seoyeon@example.com\n\n이준호; kim@\nAlex Park\talex@example.com\tEngineer\n박지민");
            screenshot(page, "team-register-error-ko");
            assertThat(registrations(slug)).as("a bad line registers nobody").isZero();

            page.locator("#members").fill("김서연, seoyeon@example.com\n\n이준호; junho@example.com\nAlex Park\talex@example.com\tEngineer");
            page.locator("#register-team").click();
            page.waitForURL("**/e/" + slug + "/my-ticket/*/team-tickets?token=*");
            assertThat(page.locator("h1")).hasText("팀 티켓");
            assertThat(page.locator("#team-welcome")).containsText("팀 등록이 완료되었습니다(총 4명)");
            assertThat(page.locator("#team-name")).hasText("한빛은행 플랫폼팀");
            assertThat(page.locator("#team-members > li")).hasCount(4);
            assertThat(page.locator("#member-1 .team-member-name")).containsText("김민준");
            assertThat(page.locator("#member-1 .pill")).hasText("대표자");
            assertThat(page.locator("#member-4 .team-member-email")).hasText("alex@example.com");
            assertThat(page.locator(".team-member-status")).hasText(new String[]{"등록 확정", "등록 확정", "등록 확정", "등록 확정"});
            screenshot(page, "team-tickets-ko");
            assertScriptBudget(page);
            assertThat(registrations(slug)).isEqualTo(4);
            String teamTickets = page.url();

            page.locator("#member-2 .team-member-ticket").click();
            page.waitForURL("**/e/" + slug + "/my-ticket/*?token=*");
            assertThat(page.locator("h1")).hasText("내 티켓");
            assertThat(page.locator("#ticket-name")).hasText("김서연");
            assertThat(page.locator("#ticket-status")).hasText("등록 확정");
            assertThat(page.locator("img.qr")).isVisible();

            // only the lead's token opens the team's tickets; a member's own token does not
            String memberToken = page.url().replaceAll(".*token=", "");
            page.navigate(teamTickets.replaceAll("token=.*", "token=" + memberToken));
            assertThat(page.locator("h1")).hasText("페이지를 찾을 수 없습니다");
            page.navigate(teamTickets + "x");
            assertThat(page.locator("h1")).hasText("페이지를 찾을 수 없습니다");
        }
    }

    @Test
    void tooFewPlacesInEnglishSayHowManyAndNeverWaitlistWithoutTheTick() {
        String slug = defineEvent(uniqueSlug("site-team-full"), SiteEvents.upcoming(3, 10, 100));
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug + "/register");
            page.locator("#team-link").click();
            assertThat(page.locator("h1")).hasText("Register a team");
            assertThat(page.locator("#locale")).hasValue("en");
            page.locator("#teamName").fill("Data team");
            page.locator("#name").fill("Jane Doe");
            page.locator("#email").fill("jane@example.com");
            page.locator("#members").fill("Sam Lee, sam@example.com\nAri Kim <ari@example.com>\nmo@example.com; Mo Chen");
            page.locator("#register-team").click();
            assertThat(page.locator("#team-notice")).hasText("Only 3 places are left for your team of 4, so nobody was registered. "
                    + "The whole team can join the waitlist (10 waitlist places left): tick the box below and send again.");
            assertThat(page.locator("#waitlist")).not().isChecked();
            assertThat(page.locator("#members")).hasValue("Sam Lee, sam@example.com\nAri Kim <ari@example.com>\nmo@example.com; Mo Chen");
            screenshot(page, "team-register-not-enough-en");
            assertScriptBudget(page);
            assertThat(registrations(slug)).as("not waitlisted without the box ticked").isZero();

            page.locator("#waitlist").check();
            page.locator("#register-team").click();
            page.waitForURL("**/team-tickets?token=*");
            assertThat(page.locator("#team-welcome")).hasText("Your whole team of 4 is on the waitlist, not registered yet. "
                    + "We e-mailed everyone and will write to each person again when they get a place.");
            assertThat(page.locator("#team-count")).hasText("4 members");
            assertThat(page.locator(".team-member-status")).hasText(new String[]{"Waitlisted: number 1 in line",
                    "Waitlisted: number 2 in line", "Waitlisted: number 3 in line", "Waitlisted: number 4 in line"});
            assertThat(page.locator("#member-3 .team-member-name")).containsText("Ari Kim");
            assertThat(page.locator("#member-4 .team-member-email")).hasText("mo@example.com");
            assertThat(page.locator("#member-4 .team-member-name")).containsText("Mo Chen");
            screenshot(page, "team-tickets-waitlisted-en");
            assertScriptBudget(page);
            assertThat(registrations(slug)).isEqualTo(4);

            // the same people again: nobody twice, marked where they were typed one at a time (as single
            // registrations would be), so a stranger learns no more per request
            page.navigate("/e/" + slug + "/teams/new");
            page.locator("#teamName").fill("Data team again");
            page.locator("#name").fill("Jane Doe");
            page.locator("#email").fill("JANE@example.com");
            page.locator("#members").fill("Sam Lee, sam@example.com\nNew Person, new@example.com");
            page.locator("#register-team").click();
            assertThat(page.locator("#email-error")).containsText("'jane@example.com' is already registered for this event");
            assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
            screenshot(page, "team-register-already-en");
            page.locator("#email").fill("jane.new@example.com");
            page.locator("#register-team").click();
            assertThat(page.locator(".team-line-errors li")).hasText(new String[]{"Line 1: 'sam@example.com' is already registered for this event."});
            assertThat(registrations(slug)).isEqualTo(4);
        }
    }

    @Test
    void aFormSentAfterTheLastDayRegistersNobody() {
        String slug = defineEvent(uniqueSlug("site-team-late"), SiteEvents.upcoming(10, 0, 100));
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug + "/teams/new");
            page.locator("#teamName").fill("Late team");
            page.locator("#name").fill("Late Comer");
            page.locator("#email").fill("late@example.com");
            clock.set(SiteEvents.DAY2.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant());
            try {
                com.microsoft.playwright.Response answer = page.waitForNavigation(() -> page.locator("#register-team").click());
                assertThat(answer.status()).isEqualTo(409);
                assertThat(page.locator("#team-notice")).hasText("Registration is closed: the event is over. Nobody was registered.");
                assertThat(page.locator("#registration-state")).hasText("Registration is closed: the event is over.");
                assertThat(page.locator("#register-team")).hasCount(0);
                assertThat(page.locator("#team-link")).hasCount(0);
                screenshot(page, "team-register-closed-en");
            } finally {
                clock.reset();
            }
            assertThat(registrations(slug)).isZero();
        }
    }

    private int registrations(String slug) {
        return get("/api/v1/events/" + slug + "/registrations", ADMIN).json().size();
    }
}
