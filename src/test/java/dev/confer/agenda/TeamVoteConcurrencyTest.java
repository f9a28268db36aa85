package dev.confer.agenda;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team of 50 voting at once, over real HTTP on a real database: each member changes their mind many times,
 * some from two phones at the same moment. At the end every member holds at most one vote per slot, it is
 * their last word, the board counts exactly those votes, and its plan is their most-voted session.
 */
class TeamVoteConcurrencyTest extends ApiTest {

    private static final String SLOT = "2037-05-14T13:00";
    private static final List<String> SESSIONS = List.of("S1", "S2", "S3");

    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Response vote(String slug, JsonNode member, String session) {
        String path = "/api/v1/events/" + slug + "/registrations/" + member.get("id").asString() + "/team/votes/" + SLOT;
        Map<String, String> token = Map.of("X-Manage-Token", member.get("manageToken").asString());
        return session == null ? call("DELETE", path, null, null, token) : call("PUT", path, null, Map.of("session", session), token);
    }

    @Test
    void fiftyMembersChangingTheirVotesAtOnceEndWithOneVoteEachTheirLast() throws Exception {
        String slug = defineEvent(uniqueSlug("vote-race"), AgendaEvents.definition(100, 10));
        String[] names = new String[50];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Member " + i;
        }
        List<JsonNode> members = registerTeam(slug, "Big team", names);
        clock.set(Instant.parse("2037-05-14T01:00:00Z"));

        Map<Integer, String> last = new ConcurrentHashMap<>();
        runConcurrently(16, members.size(), i -> {
            String choice = null;
            for (int round = 0; round < 8; round++) {
                int pick = ThreadLocalRandom.current().nextInt(SESSIONS.size() + 1);
                choice = pick == SESSIONS.size() ? null : SESSIONS.get(pick); // sometimes a withdrawal
                Response r = vote(slug, members.get(i), choice);
                assertThat(r.status()).as(r.text()).isEqualTo(200);
            }
            last.put(i, choice == null ? "" : choice);
        });

        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            UUID id = UUID.fromString(members.get(i).get("id").asString());
            List<String> rows = jdbc.sql("SELECT session_code FROM team_vote WHERE registration_id = ? AND slot = ?")
                    .params(id, SLOT).query(String.class).list();
            assertThat(rows).as("member " + i).hasSizeLessThanOrEqualTo(1);
            assertThat(rows.isEmpty() ? "" : rows.getFirst()).as("member " + i + " ends with their last word").isEqualTo(last.get(i));
            if (!rows.isEmpty()) {
                expected.merge(rows.getFirst(), 1, Integer::sum);
            }
        }
        JsonNode board = call("GET", "/api/v1/events/" + slug + "/registrations/" + members.getFirst().get("id").asString() + "/team",
                null, null, Map.of("X-Manage-Token", members.getFirst().get("manageToken").asString())).json();
        JsonNode slot = board.get("slots").valueStream().filter(s -> s.get("slot").asString().equals(SLOT)).findFirst().orElseThrow();
        Map<String, Integer> counted = new HashMap<>();
        slot.get("candidates").forEach(c -> {
            if (c.get("votes").asInt() > 0) {
                counted.put(c.get("session").asString(), c.get("votes").asInt());
            }
        });
        assertThat(counted).isEqualTo(expected);
        assertThat(slot.get("votes").asInt()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        int top = expected.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (top > 0) {
            assertThat(expected.get(slot.get("plan").asString())).as("the plan has the most votes").isEqualTo(top);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM team_proposal p JOIN team t ON t.id = p.team_id JOIN event e ON e.id = t.event_id WHERE e.slug = ?")
                .param(slug).query(Integer.class).single()).as("one proposal per session, however many proposed it at once")
                .isLessThanOrEqualTo(SESSIONS.size());
    }

    @Test
    void oneMemberVotingFromTwoPhonesAtOnceHoldsOneVote() throws Exception {
        String slug = defineEvent(uniqueSlug("vote-race"), AgendaEvents.definition(100, 10));
        List<JsonNode> members = registerTeam(slug, "Pair", "Kim", "Lee");
        clock.set(Instant.parse("2037-05-14T01:00:00Z"));
        runConcurrently(8, 80, i -> assertThat(vote(slug, members.get(i % 2), SESSIONS.get(i % 3)).status()).isEqualTo(200));
        for (JsonNode member : members) {
            assertThat(jdbc.sql("SELECT count(*) FROM team_vote WHERE registration_id = ?")
                    .param(UUID.fromString(member.get("id").asString())).query(Integer.class).single()).isEqualTo(1);
        }
    }
}
