package dev.confer.agenda;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team votes over HTTP: one vote per member and slot, changeable until the slot starts; the plan is the
 * most-voted session (ties: more seats left, then the one that got there first); it shows on every member's
 * agenda unless they starred something else in that slot; votes are the team's own.
 */
class TeamVoteApiTest extends ApiTest {

    static final String SLOT_1300 = "2037-05-14T13:00";
    static final String SLOT_1500 = "2037-05-14T15:00";

    @Autowired
    TestClock clock;
    @Autowired
    SessionNudges nudges;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Response as(JsonNode member, String method, String path, Object body) {
        return call(method, "/api/v1/events/" + slug + "/registrations/" + member.get("id").asString() + path, null, body,
                Map.of("X-Manage-Token", member.get("manageToken").asString(), "Accept-Language", "en"));
    }

    private String slug;

    private Response vote(JsonNode member, String slot, String session) {
        return as(member, "PUT", "/team/votes/" + slot, Map.of("session", session));
    }

    private static JsonNode slot(JsonNode board, String id) {
        return board.get("slots").valueStream().filter(s -> s.get("slot").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String plan(JsonNode board, String id) {
        JsonNode plan = slot(board, id).get("plan");
        return plan.isNull() ? null : plan.asString();
    }

    @Test
    void theMostVotedSessionIsThePlanAndTiesGoToMoreSeatsLeft() {
        slug = defineEvent(uniqueSlug("votes"), AgendaEvents.definition(50, 10));
        List<JsonNode> m = registerTeam(slug, "Platform team", "Kim", "Lee", "Park", "Choi");
        clock.set(Instant.parse("2037-05-14T01:00:00Z")); // 10:00 in Seoul on day one

        JsonNode empty = as(m.get(3), "GET", "/team", null).json();
        assertThat(empty.get("name").asString()).isEqualTo("Platform team");
        assertThat(empty.get("members").size()).isEqualTo(4);
        assertThat(empty.get("slots").valueStream().map(s -> s.get("slot").asString()).toList())
                .containsExactly(SLOT_1300, "2037-05-14T13:30", SLOT_1500, "2037-05-15T10:00");
        assertThat(slot(empty, SLOT_1300).get("sessions").valueStream().map(JsonNode::asString).toList()).containsExactly("S1", "S2", "S3");
        assertThat(plan(empty, SLOT_1300)).isNull();

        assertThat(plan(vote(m.get(0), SLOT_1300, "S1").json(), SLOT_1300)).isEqualTo("S1");
        JsonNode tie = vote(m.get(1), SLOT_1300, "S2").json();
        assertThat(plan(tie, SLOT_1300)).as("1:1, and room 302 has 100 seats left against 10").isEqualTo("S2");
        assertThat(plan(vote(m.get(2), SLOT_1300, "S1").json(), SLOT_1300)).isEqualTo("S1");
        JsonNode changed = vote(m.get(2), SLOT_1300, "S2").json();
        assertThat(plan(changed, SLOT_1300)).isEqualTo("S2");
        JsonNode s = slot(changed, SLOT_1300);
        assertThat(s.get("votes").asInt()).isEqualTo(3);
        assertThat(s.get("myVote").asString()).isEqualTo("S2");
        JsonNode winner = s.get("candidates").get(0);
        assertThat(winner.get("session").asString()).isEqualTo("S2");
        assertThat(winner.get("votes").asInt()).isEqualTo(2);
        assertThat(winner.get("voters").valueStream().map(JsonNode::asString).toList()).containsExactly("Lee", "Park");
        assertThat(winner.get("proposedBy").asString()).isEqualTo("Lee");
        assertThat(winner.get("plan").asBoolean()).isTrue();
        assertThat(s.get("candidates").get(1).get("votes").asInt()).isEqualTo(1);

        // Choi never voted: the plan is on his agenda; a talk he stars in that slot takes its place for him
        JsonNode agenda = as(m.get(3), "GET", "/agenda", null).json();
        assertThat(agenda.get("sessions").get(0).get("code").asString()).isEqualTo("S2");
        assertThat(agenda.get("sessions").get(0).get("source").asString()).isEqualTo("TEAM_PLAN");
        JsonNode starred = as(m.get(3), "PUT", "/agenda/stars/S3", null).json();
        assertThat(starred.get("sessions").valueStream().map(e -> e.get("code").asString() + ":" + e.get("source").asString()).toList())
                .containsExactly("S3:STARRED");

        // withdrawing takes the vote away
        JsonNode withdrawn = as(m.get(2), "DELETE", "/team/votes/" + SLOT_1300, null).json();
        assertThat(slot(withdrawn, SLOT_1300).get("myVote").isNull()).isTrue();
        assertThat(plan(withdrawn, SLOT_1300)).isEqualTo("S2"); // 1:1 again, more seats in 302
    }

    @Test
    void aTieOnSeatsGoesToTheSessionThatGotThereFirst() {
        Map<String, Object> definition = AgendaEvents.definition(50, 10);
        @SuppressWarnings("unchecked")
        Map<String, Object> s6 = (Map<String, Object>) ((List<Object>) definition.get("sessions")).get(5);
        s6.put("capacity", 10); // S5 and S6 both have 10 seats
        slug = defineEvent(uniqueSlug("votes"), definition);
        List<JsonNode> m = registerTeam(slug, "Data team", "Kim", "Lee", "Park", "Choi");

        clock.set(Instant.parse("2037-05-14T01:00:00Z"));
        vote(m.get(0), SLOT_1500, "S6");
        clock.set(Instant.parse("2037-05-14T01:01:00Z"));
        assertThat(plan(vote(m.get(1), SLOT_1500, "S5").json(), SLOT_1500)).as("S6 had its one vote first").isEqualTo("S6");
        clock.set(Instant.parse("2037-05-14T01:02:00Z"));
        vote(m.get(2), SLOT_1500, "S5");
        clock.set(Instant.parse("2037-05-14T01:03:00Z"));
        JsonNode board = vote(m.get(3), SLOT_1500, "S6").json();
        assertThat(plan(board, SLOT_1500)).as("2:2, S5 reached two votes first").isEqualTo("S5");
        clock.set(Instant.parse("2037-05-14T01:04:00Z"));
        assertThat(plan(vote(m.get(2), SLOT_1500, "S5").json(), SLOT_1500)).as("voting again for the same talk keeps its time")
                .isEqualTo("S5");
    }

    @Test
    void votingClosesWhenTheSlotStartsAndCancelledMembersNoLongerCount() {
        slug = defineEvent(uniqueSlug("votes"), AgendaEvents.definition(50, 10));
        List<JsonNode> m = registerTeam(slug, "Retail team", "Kim", "Lee", "Park");
        clock.set(Instant.parse("2037-05-14T03:59:59Z")); // 12:59:59
        vote(m.get(0), SLOT_1300, "S1");
        vote(m.get(1), SLOT_1300, "S1");
        assertThat(plan(vote(m.get(2), SLOT_1300, "S3").json(), SLOT_1300)).isEqualTo("S1");

        clock.set(Instant.parse("2037-05-14T04:00:00Z")); // 13:00: the slot starts
        Response late = vote(m.get(2), SLOT_1300, "S1");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).isEqualTo(
                "Voting for this time slot closed when it started at 13:00. Your team's plan for it stays as it was.");
        assertThat(as(m.get(2), "DELETE", "/team/votes/" + SLOT_1300, null).status()).isEqualTo(409);
        JsonNode closed = as(m.get(2), "GET", "/team", null).json();
        assertThat(slot(closed, SLOT_1300).get("open").asBoolean()).isFalse();
        assertThat(slot(closed, SLOT_1300).get("myVote").asString()).isEqualTo("S3");

        clock.set(Instant.parse("2037-05-14T05:00:00Z")); // 14:00, before the 15:00 slot
        vote(m.get(0), SLOT_1500, "S5");
        vote(m.get(1), SLOT_1500, "S6");
        assertThat(plan(vote(m.get(2), SLOT_1500, "S6").json(), SLOT_1500)).isEqualTo("S6");
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + m.get(1).get("id").asString(), ADMIN, null).status())
                .isEqualTo(200);
        JsonNode after = as(m.get(0), "GET", "/team", null).json();
        assertThat(slot(after, SLOT_1500).get("votes").asInt()).as("Lee's vote no longer counts").isEqualTo(2);
        assertThat(plan(after, SLOT_1500)).as("1:1, room 301 has 10 seats, 302 has 100").isEqualTo("S6");
        Response cancelled = vote(m.get(1), SLOT_1500, "S5");
        assertThat(cancelled.status()).isEqualTo(409);
    }

    @Test
    void wrongVotesAreRefusedWithADetailAndVotesStayInTheTeam() {
        slug = defineEvent(uniqueSlug("votes"), AgendaEvents.definition(50, 10));
        List<JsonNode> team = registerTeam(slug, "Games team", "Kim", "Lee");
        List<JsonNode> other = registerTeam(slug, "Finance team", "Han", "Yoo");
        JsonNode single = register(slug, "Solo", "solo@" + slug + ".example.com");
        clock.set(Instant.parse("2037-05-14T01:00:00Z"));

        Response wrongSlot = vote(team.get(0), SLOT_1300, "S5");
        assertThat(wrongSlot.status()).isEqualTo(400);
        assertThat(wrongSlot.json().get("detail").asString()).isEqualTo(
                "Session 'S5' does not start at 13:00. Vote for one of the sessions of this time slot.");
        assertThat(wrongSlot.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/session");
        assertThat(vote(team.get(0), SLOT_1300, "NOPE").status()).isEqualTo(404);
        assertThat(vote(team.get(0), "2037-05-14T12:00", "S1").status()).isEqualTo(404);
        assertThat(vote(team.get(0), "noon", "S1").status()).isEqualTo(404);
        assertThat(as(team.get(0), "PUT", "/team/votes/" + SLOT_1300, Map.of()).status()).isEqualTo(400);
        Response alone = as(single, "GET", "/team", null);
        assertThat(alone.status()).isEqualTo(404);
        assertThat(alone.json().get("detail").asString()).contains("not part of a team");
        Response foreign = call("PUT", "/api/v1/events/" + slug + "/registrations/" + team.get(0).get("id").asString()
                + "/team/votes/" + SLOT_1300, null, Map.of("session", "S1"), Map.of("X-Manage-Token", team.get(1).get("manageToken").asString()));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/events/" + slug + "/registrations/" + team.get(0).get("id").asString() + "/team", null, null).status())
                .isEqualTo(401);
        assertThat(slot(as(team.get(0), "GET", "/team", null).json(), SLOT_1300).get("votes").asInt()).isZero();

        vote(team.get(0), SLOT_1300, "S1");
        JsonNode theirs = as(other.get(0), "GET", "/team", null).json();
        assertThat(theirs.get("name").asString()).isEqualTo("Finance team");
        assertThat(slot(theirs, SLOT_1300).get("candidates").size()).as("another team's votes are not shown").isZero();
        assertThat(plan(theirs, SLOT_1300)).isNull();

        // proposing adds a candidate; the proposer's vote goes to it only when they had none in the slot
        JsonNode proposed = as(team.get(0), "POST", "/team/proposals/" + SLOT_1300, Map.of("session", "S3")).json();
        assertThat(slot(proposed, SLOT_1300).get("myVote").asString()).isEqualTo("S1");
        assertThat(slot(proposed, SLOT_1300).get("candidates").valueStream().map(c -> c.get("session").asString()).toList())
                .containsExactlyInAnyOrder("S1", "S3");
        JsonNode second = as(team.get(1), "POST", "/team/proposals/" + SLOT_1300, Map.of("session", "S3")).json();
        assertThat(slot(second, SLOT_1300).get("myVote").asString()).isEqualTo("S3");
    }

    @Test
    void membersFollowingThePlanGetTheNudgeForIt() {
        slug = defineEvent(uniqueSlug("votes"), AgendaEvents.definition(50, 10));
        List<JsonNode> m = registerTeam(slug, "Ops team", "Kim", "Lee", "Park");
        clock.set(Instant.parse("2037-05-14T01:00:00Z"));
        vote(m.get(0), SLOT_1500, "S6");
        vote(m.get(1), SLOT_1500, "S6");
        for (JsonNode member : m) {
            assertThat(as(member, "PUT", "/agenda/nudge", Map.of("enabled", true)).status()).isEqualTo(200);
        }
        as(m.get(2), "PUT", "/agenda/stars/S5", null); // Park goes to another talk himself

        clock.set(Instant.parse("2037-05-14T05:46:00Z")); // 14:46
        nudges.runDue();
        awaitEventsHandled(); // the nudge mails are queued after the job's transaction committed
        List<String> nudged = jdbc.sql("""
                        SELECT r.name || ':' || o.ref FROM mail_outbox o JOIN registration r ON r.id = o.registration_id
                        JOIN event e ON e.id = o.event_id WHERE e.slug = ? AND o.kind = 'SESSION_SOON' ORDER BY 1""")
                .param(slug).query(String.class).list();
        assertThat(nudged).containsExactly("Kim:S6", "Lee:S6", "Park:S5");
    }
}
