package dev.confer.registration;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams under registration.verifyEmail: the whole team is held PENDING under one hold, one verification mail goes to
 * the lead (members hear nothing yet), the lead's link confirms everyone in one transaction and only then mails each
 * member their ticket; a hold that runs out returns every place of the team together (the waitlist moves), and teams
 * and single registrations racing for the last places while holds run out never oversell.
 */
class TeamHoldApiTest extends ApiTest {

    private static final Instant NOW = Instant.parse("2037-04-01T01:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    HoldExpiry holds;

    @Autowired
    JdbcTemplate sql;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private String verifyingEvent(int capacity, int waitlist) {
        Map<String, Object> def = eventDefinition(capacity, waitlist, 1, 5, 5, 5);
        def.put("registration", Map.of("verifyEmail", true));
        return defineEvent(uniqueSlug("teamhold"), def);
    }

    private Response registerTeam(String slug, String prefix, int size) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(Map.of("name", prefix + " " + i, "email", prefix + i + "@example.com"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Team " + prefix);
        body.put("locale", "en");
        body.put("joinWaitlist", true);
        body.put("members", members);
        return call("POST", "/api/v1/events/" + slug + "/teams", null, body, Map.of("Accept-Language", "en"));
    }

    private Response registerAs(String slug, String email) {
        return post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Held Kim", "email", email));
    }

    private Response verify(String slug, JsonNode registration) {
        return call("POST", "/api/v1/events/" + slug + "/registrations/" + registration.get("id").asString() + "/verification",
                null, null, Map.of("X-Manage-Token", registration.get("manageToken").asString(), "Accept-Language", "en"));
    }

    private String status(String slug, JsonNode registration) {
        return call("GET", "/api/v1/events/" + slug + "/registrations/" + registration.get("id").asString(), null, null,
                Map.of("X-Manage-Token", registration.get("manageToken").asString())).json().get("status").asString();
    }

    private List<String> mails(JsonNode registration) {
        return sql.queryForList("SELECT kind FROM mail_outbox WHERE registration_id = ?::uuid ORDER BY id", String.class,
                registration.get("id").asString());
    }

    private String teamPage(String slug, JsonNode lead, String language) {
        Response page = call("GET", "/e/" + slug + "/my-ticket/" + lead.get("id").asString() + "/team-tickets?token="
                + lead.get("manageToken").asString(), null, null, Map.of("Accept-Language", language));
        assertThat(page.status()).isEqualTo(200);
        return page.text();
    }

    @Test
    void aTeamIsHeldUnderOneHoldOnlyTheLeadIsMailedAndTheLeadsLinkConfirmsEveryone() {
        clock.set(NOW);
        String slug = verifyingEvent(5, 0);
        Response created = registerTeam(slug, "held", 3);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
        JsonNode members = created.json().get("members");
        JsonNode lead = members.get(0);
        for (JsonNode m : members) {
            assertThat(m.get("status").asString()).isEqualTo("PENDING");
        }
        assertThat(placesTaken(slug)).isEqualTo(3).isEqualTo(usedInShards(slug));
        awaitEventsHandled();
        assertThat(mails(lead)).containsExactly("VERIFY");
        assertThat(mails(members.get(1))).as("members hear nothing until the lead confirms").isEmpty();
        assertThat(mails(members.get(2))).isEmpty();

        // the lead's team page says the places are held, and until when (event time: 10:30 in Seoul)
        assertThat(teamPage(slug, lead, "en")).contains("id=\"team-pending\"").contains("by 10:30")
                .contains("Held: confirmed when the team lead opens the link");
        assertThat(teamPage(slug, lead, "ko")).contains("10:30까지 링크를 열지 않으면 팀의 자리가 모두 반환됩니다");

        // a member's own token confirms nothing: only the lead's link does
        Response byMember = verify(slug, members.get(1));
        assertThat(byMember.status()).isEqualTo(409);
        assertThat(byMember.json().get("detail").asString()).contains("ask your team lead to open it");
        assertThat(status(slug, members.get(1))).isEqualTo("PENDING");

        clock.set(NOW.plus(Duration.ofMinutes(29)));
        Response verified = verify(slug, lead);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("CONFIRMED");
        for (JsonNode m : members) {
            assertThat(status(slug, m)).isEqualTo("CONFIRMED");
        }
        assertThat(verify(slug, lead).json().get("status").asString()).as("opened twice").isEqualTo("CONFIRMED");
        awaitEventsHandled();
        assertThat(mails(lead)).containsExactly("VERIFY", "CONFIRMATION");
        assertThat(mails(members.get(1))).containsExactly("CONFIRMATION");
        assertThat(mails(members.get(2))).containsExactly("CONFIRMATION");
        assertThat(teamPage(slug, lead, "en")).doesNotContain("id=\"team-pending\"");

        clock.set(NOW.plus(Duration.ofMinutes(31)));
        holds.sweep();
        assertThat(placesTaken(slug)).as("a confirmed team keeps its places").isEqualTo(3).isEqualTo(usedInShards(slug));
    }

    @Test
    void anExpiredTeamHoldReturnsAllItsPlacesTogetherAndTheWaitlistMoves() {
        clock.set(NOW);
        String slug = verifyingEvent(4, 3);
        JsonNode team = registerTeam(slug, "late", 3).json();
        assertThat(team.get("status").asString()).isEqualTo("PENDING");
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        JsonNode single = registerAs(slug, "single@example.com").json();
        JsonNode first = registerAs(slug, "first@example.com").json();
        JsonNode second = registerAs(slug, "second@example.com").json();
        assertThat(single.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(second.get("status").asString()).isEqualTo("WAITLISTED");

        clock.set(NOW.plus(Duration.ofMinutes(29)));
        assertThat(holds.sweep()).isZero();
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        holds.sweep();
        for (JsonNode m : team.get("members")) {
            assertThat(status(slug, m)).isEqualTo("CANCELLED");
        }
        assertThat(status(slug, first)).as("the waitlist moved, in its order").isEqualTo("PENDING");
        assertThat(status(slug, second)).isEqualTo("PENDING");
        assertThat(status(slug, single)).as("its own hold runs 5 minutes longer").isEqualTo("PENDING");
        assertThat(placesTaken(slug)).as("two places went to the waitlist, one back to the pool").isEqualTo(3)
                .isEqualTo(usedInShards(slug));
        Response late = verify(slug, team.get("members").get(0));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("detail").asString()).contains("not confirmed in time");
        assertThat(registerAs(slug, "newcomer@example.com").json().get("status").asString()).isEqualTo("PENDING");
        assertThat(placesTaken(slug)).isEqualTo(4).isEqualTo(usedInShards(slug));
    }

    @Test
    void teamsAndSinglesRacingForTheLastPlacesWhileHoldsRunOutNeverOversell() throws Exception {
        clock.set(NOW);
        int capacity = 20;
        int waitlist = 10;
        String slug = verifyingEvent(capacity, waitlist);
        List<JsonNode> teams = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> singles = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        // 8 teams of 3 and 12 singles (36 people) race for 20 places and 10 waitlist places
        runConcurrently(12, 20, i -> {
            Response r = i < 8 ? registerTeam(slug, "t" + i, 3) : registerAs(slug, "s" + i + "@example.com");
            answers.merge((i < 8 ? "team " : "single ") + r.status(), 1, Integer::sum);
            if (r.status() == 201) {
                (i < 8 ? teams : singles).add(r.json());
            }
        });
        assertThat(answers.keySet()).allMatch(k -> k.endsWith(" 201") || k.endsWith(" 409"));
        for (JsonNode team : teams) { // all or nothing: every member has the team's status
            for (JsonNode m : team.get("members")) {
                assertThat(m.get("status").asString()).isEqualTo(team.get("status").asString());
            }
        }
        assertThat(placesTaken(slug)).isLessThanOrEqualTo(capacity).isEqualTo(usedInShards(slug));
        assertThat(waitlisted(slug)).isLessThanOrEqualTo(waitlist).isEqualTo(waitingInState(slug));
        assertThat(placesTaken(slug)).as("a single fits wherever one place is left").isGreaterThanOrEqualTo(capacity - 2);

        List<JsonNode> held = new ArrayList<>();
        teams.stream().filter(t -> t.get("status").asString().equals("PENDING")).forEach(t -> held.add(t.get("members").get(0)));
        singles.stream().filter(s -> s.get("status").asString().equals("PENDING")).forEach(held::add);
        // every hold has run out: leads and singles verify late, instances sweep, newcomers (teams and singles) arrive
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        Map<String, Integer> after = new ConcurrentHashMap<>();
        int tasks = held.size() + 4 + 12;
        runConcurrently(12, tasks, i -> {
            if (i < held.size()) {
                after.merge("verify " + verify(slug, held.get(i)).status(), 1, Integer::sum);
            } else if (i < held.size() + 4) {
                holds.sweep();
            } else {
                int n = i - held.size() - 4;
                Response r = n < 6 ? registerTeam(slug, "n" + n, 2) : registerAs(slug, "n" + n + "@example.com");
                after.merge((n < 6 ? "team " : "single ") + r.status(), 1, Integer::sum);
            }
        });
        holds.sweep();
        assertThat(after.get("verify 410")).as("every late verification is refused").isEqualTo(held.size());
        assertThat(placesTaken(slug)).as("confirmed + pending never above the capacity").isLessThanOrEqualTo(capacity)
                .isEqualTo(usedInShards(slug));
        assertThat(waitlisted(slug)).isLessThanOrEqualTo(waitlist).isEqualTo(waitingInState(slug));
        assertThat(placesTaken(slug) == capacity || waitlisted(slug) == 0).as("no place left free while someone waits").isTrue();
        // whoever comes next takes what is left, one place each, then the waitlist, then nothing: exact counts
        for (int n = 0; n < capacity + waitlist; n++) {
            if (registerAs(slug, "fill" + n + "@example.com").status() == 409) {
                break;
            }
        }
        assertThat(placesTaken(slug)).isEqualTo(capacity).isEqualTo(usedInShards(slug));
        assertThat(waitlisted(slug)).isEqualTo(waitlist).isEqualTo(waitingInState(slug));
        assertThat(sql.queryForObject("SELECT count(*) FROM team t JOIN event e ON e.id = t.event_id "
                + "WHERE e.slug = ? AND t.pending_until < ?", Integer.class, slug, java.sql.Timestamp.from(NOW.plus(Duration.ofMinutes(30)))))
                .as("no team hold left open past its end").isZero();
    }

    private int placesTaken(String slug) {
        return sql.queryForObject("SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.status IN ('CONFIRMED', 'PENDING')", Integer.class, slug);
    }

    private int waitlisted(String slug) {
        return sql.queryForObject("SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.status = 'WAITLISTED'", Integer.class, slug);
    }

    private int usedInShards(String slug) {
        return sql.queryForObject("SELECT sum(s.used) FROM capacity_shard s JOIN event e ON e.id = s.event_id WHERE e.slug = ?",
                Integer.class, slug);
    }

    private int waitingInState(String slug) {
        return sql.queryForObject("SELECT w.waiting FROM waitlist_state w JOIN event e ON e.id = w.event_id WHERE e.slug = ?",
                Integer.class, slug);
    }
}
