package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import dev.confer.agenda.AgendaEvents;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Team votes from each member's My ticket, on phones in English and Korean: voting, the live tally, the plan on the agenda, closing. */
class TeamVoteBrowserTest extends BrowserTest {

    private static final String SLOT = "2037-05-14T1300";

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String ticketPath(String slug, JsonNode m) {
        return "/e/" + slug + "/my-ticket/" + m.get("id").asString() + "?token=" + m.get("manageToken").asString();
    }

    private void apiVote(String slug, JsonNode m, String session) {
        Response r = call("PUT", "/api/v1/events/" + slug + "/registrations/" + m.get("id").asString() + "/team/votes/2037-05-14T13:00",
                null, Map.of("session", session), Map.of("X-Manage-Token", m.get("manageToken").asString()));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void membersVoteAndEveryoneSeesTheTallyAndThePlanLive() {
        String slug = defineEvent(uniqueSlug("team-votes"), AgendaEvents.definition(50, 10));
        List<JsonNode> m = registerTeam(slug, "Platform team", "Kim", "Lee", "Park");
        clock.set(Instant.parse("2037-05-14T01:00:00Z")); // 10:00 in Seoul on day one
        try (BrowserContext english = phone("en-US"); BrowserContext korean = phone("ko-KR")) {
            Page kim = open(english, ticketPath(slug, m.get(0)));
            assertThat(kim.locator("#team-heading")).hasText("Your team: Platform team");
            assertThat(kim.locator("#team-tickets-link")).isVisible(); // Kim registered the team
            kim.locator("#team-votes-link").click();
            assertThat(kim.locator("h1")).hasText("Team votes: Platform team");
            assertThat(kim.locator("#tally-" + SLOT + " .site-plan")).hasText("No votes yet in this slot.");
            kim.locator("#vote-" + SLOT + "-S1").check();
            kim.locator("#vote-" + SLOT).click();
            assertThat(kim.locator("#slot-" + SLOT + " .notice.good")).hasText("Your vote is saved.");
            assertThat(kim.locator("#tally-" + SLOT + " .site-plan")).hasText("Team plan: Cloud-native finance");
            assertThat(kim.locator("#tally-" + SLOT + " li[data-session=S1]")).containsText("1 vote");
            assertThat(kim.locator("#vote-" + SLOT + "-S1")).isChecked();
            screenshot(kim, "site-team-votes-en");
            assertScriptBudget(kim);

            Page lee = open(korean, ticketPath(slug, m.get(1)));
            assertThat(lee.locator("#team-tickets-link")).hasCount(0); // only the lead sees the team's tickets
            lee.locator("#team-votes-link").click();
            assertThat(lee.locator("h1")).hasText("팀 투표: Platform team");
            assertThat(lee.locator("#tally-" + SLOT + " .site-plan")).hasText("팀 결정: 클라우드 네이티브 금융");
            lee.locator("#vote-" + SLOT + "-S2").check();
            lee.locator("#vote-" + SLOT).click();
            assertThat(lee.locator("#slot-" + SLOT + " .notice.good")).hasText("투표를 저장했습니다.");
            screenshot(lee, "site-team-votes-ko");
            assertScriptBudget(lee);

            // Park votes from elsewhere: Kim's open page shows the new plan without a reload, and keeps his own choice
            apiVote(slug, m.get(2), "S2");
            assertThat(kim.locator("#tally-" + SLOT + " .site-plan")).hasText("Team plan: Modern payments",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
            assertThat(kim.locator("#tally-" + SLOT + " li[data-session=S2]")).containsText("Lee, Park");
            assertThat(kim.locator("#vote-" + SLOT + "-S1")).isChecked();

            kim.locator("#my-agenda-link").click();
            assertThat(kim.locator("#mine-S2")).containsText("Team plan");
            kim.navigate(ticketPath(slug, m.get(0)).replace("?token", "/team?token"));
            kim.locator("#withdraw-" + SLOT).click();
            assertThat(kim.locator("#tally-" + SLOT + " li[data-session=S1]")).containsText("no votes");

            clock.set(Instant.parse("2037-05-14T04:00:00Z")); // 13:00: the slot has started
            lee.reload();
            assertThat(lee.locator("#slot-" + SLOT)).containsText("13:00에 시간대가 시작되어 투표가 마감되었습니다.");
            assertThat(lee.locator("#vote-" + SLOT)).hasCount(0);
            assertThat(lee.locator("#tally-" + SLOT + " .site-plan")).hasText("팀 결정: 결제 시스템 현대화");
        }
    }

    @Test
    void aRegistrationWithoutATeamHasNoTeamPageAndNoCard() {
        String slug = defineEvent(uniqueSlug("team-votes"), AgendaEvents.definition(50, 10));
        JsonNode solo = register(slug, "Solo", "solo@" + slug + ".example.com");
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, ticketPath(slug, solo));
            assertThat(page.locator("#team-card")).hasCount(0);
            com.microsoft.playwright.Response answer = page.navigate(ticketPath(slug, solo).replace("?token", "/team?token"));
            assertThat(answer.status()).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Page not found");
        }
    }
}
