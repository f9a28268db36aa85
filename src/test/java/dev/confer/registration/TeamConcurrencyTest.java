package dev.confer.registration;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Teams of 1 to 12 and single registrations at the same moment, on a real database: never more confirmed than
 * the capacity, never part of a team, every place counted once, and nobody refused while their places were free.
 */
class TeamConcurrencyTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    /** What one request got: a team's id and size and status, a single's status, or a refusal. */
    record Answer(int status, int size, UUID teamId, String outcome, List<Integer> positions) {
    }

    @Test
    void teamsAndSinglesAtOnceNeverOversellNorSplitATeam() throws Exception {
        String slug = defineEvent(uniqueSlug("team-rush"), eventDefinition(100, 0, 10, 10, 10, 10));
        List<Answer> answers = rush(slug, 160, false);

        long eventId = eventId(slug);
        int confirmed = count(eventId, "CONFIRMED");
        assertThat(confirmed).isLessThanOrEqualTo(100);
        int acceptedPeople = answers.stream().filter(a -> a.status() == 201).mapToInt(Answer::size).sum();
        assertThat(acceptedPeople).as("accepted team members + accepted singles").isEqualTo(confirmed);
        assertThat(count(eventId, "WAITLISTED")).isZero();
        assertTeamsWhole(eventId, answers);
        assertThat(usedPlaces(eventId)).isEqualTo(confirmed);
        assertThat(mails(eventId)).as("one mail per registration, none for what was rolled back").isEqualTo(confirmed);
        // every refusal was true when it was given, and free places only shrink here
        int smallestRefused = answers.stream().filter(a -> a.status() == 409).mapToInt(Answer::size).min().orElse(Integer.MAX_VALUE);
        assertThat(100 - confirmed).as("places left at the end").isLessThan(smallestRefused);
        assertThat(answers.stream().filter(a -> a.status() == 201 && a.teamId() != null).count()).as("some teams got in").isPositive();
        assertThat(answers.stream().filter(a -> a.status() == 409).count()).as("demand exceeded the capacity").isPositive();
    }

    @Test
    void withTheWaitlistEveryTeamIsWhollyConfirmedOrWhollyWaitingInConsecutivePlaces() throws Exception {
        String slug = defineEvent(uniqueSlug("team-wait"), eventDefinition(30, 60, 10, 10, 10, 10));
        List<Answer> answers = rush(slug, 120, true);

        long eventId = eventId(slug);
        int confirmed = count(eventId, "CONFIRMED");
        int waitlisted = count(eventId, "WAITLISTED");
        assertThat(confirmed).isLessThanOrEqualTo(30);
        assertThat(waitlisted).isLessThanOrEqualTo(60);
        assertThat(answers.stream().filter(a -> "CONFIRMED".equals(a.outcome())).mapToInt(Answer::size).sum()).isEqualTo(confirmed);
        assertThat(answers.stream().filter(a -> "WAITLISTED".equals(a.outcome())).mapToInt(Answer::size).sum()).isEqualTo(waitlisted);
        assertTeamsWhole(eventId, answers);
        assertThat(usedPlaces(eventId)).isEqualTo(confirmed);
        assertThat(jdbc.sql("SELECT waiting FROM waitlist_state WHERE event_id = ?").param(eventId).query(Integer.class).single())
                .isEqualTo(waitlisted);
        assertThat(jdbc.sql("SELECT count(DISTINCT waitlist_seq) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'")
                .param(eventId).query(Integer.class).single()).isEqualTo(waitlisted);
        // a waitlisted team holds consecutive sequence numbers, and was told consecutive positions
        List<Map<String, Object>> spans = jdbc.sql("""
                        SELECT team_id, max(waitlist_seq) - min(waitlist_seq) + 1 AS span, count(*) AS size FROM registration
                        WHERE event_id = ? AND team_id IS NOT NULL AND status = 'WAITLISTED' GROUP BY team_id""")
                .param(eventId).query().listOfRows();
        for (Map<String, Object> span : spans) {
            assertThat(((Number) span.get("span")).longValue()).as("team %s", span.get("team_id")).isEqualTo(((Number) span.get("size")).longValue());
        }
        for (Answer a : answers) {
            if ("WAITLISTED".equals(a.outcome()) && a.teamId() != null) {
                for (int i = 1; i < a.positions().size(); i++) {
                    assertThat(a.positions().get(i)).isEqualTo(a.positions().getFirst() + i);
                }
            }
        }
        assertThat(mails(eventId)).isEqualTo(confirmed + waitlisted);
        assertThat(answers.stream().filter(a -> a.teamId() != null && "WAITLISTED".equals(a.outcome())).count()).as("some teams wait").isPositive();
        int smallestRefused = answers.stream().filter(a -> a.status() == 409).mapToInt(Answer::size).min().orElse(Integer.MAX_VALUE);
        assertThat(30 - confirmed).isLessThan(smallestRefused);
        assertThat(60 - waitlisted).isLessThan(smallestRefused);
    }

    @Test
    void teamsSharingAddressesNeitherDeadlockNorSplit() throws Exception {
        String slug = defineEvent(uniqueSlug("team-share"), eventDefinition(1000, 0, 10, 10, 10, 10));
        Map<UUID, Integer> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        runConcurrently(24, 48, i -> {
            List<Map<String, Object>> shared = new ArrayList<>();
            for (int s : new int[]{i % 8, (i + 3) % 8, (i + 5) % 8}) {
                shared.add(member("Shared " + s, "shared" + s + "@" + slug + ".example.com"));
            }
            Collections.shuffle(shared, new Random(i));
            List<Map<String, Object>> members = new ArrayList<>();
            members.add(member("Lead " + i, "lead" + i + "@" + slug + ".example.com"));
            members.addAll(shared);
            Response r = post("/api/v1/events/" + slug + "/teams", null, team("Team " + i, false, members));
            assertThat(r.status()).as(r.text()).isIn(201, 409);
            if (r.status() == 201) {
                accepted.put(UUID.fromString(r.json().get("id").asString()), 4);
            } else {
                assertThat(r.json().get("type").asString()).endsWith("teams-already-registered");
                refused.incrementAndGet();
            }
        });
        long eventId = eventId(slug);
        assertThat(accepted).isNotEmpty();
        assertThat(accepted.size() + refused.get()).isEqualTo(48);
        assertThat(count(eventId, "CONFIRMED")).isEqualTo(4 * accepted.size());
        assertThat(teamSizes(eventId)).isEqualTo(accepted);
        assertThat(usedPlaces(eventId)).isEqualTo(4 * accepted.size());
    }

    @Test
    void anAddressCommittedWhileTheTeamWaitsForItIsAnsweredAsAlreadyRegistered() throws Exception {
        String slug = defineEvent(uniqueSlug("team-race"), eventDefinition(100, 0, 10, 10, 10, 10));
        long eventId = eventId(slug);
        String taken = "race@" + slug + ".example.com";
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO registration (id, event_id, name, email, locale, status, confirmed_at)
                    VALUES (?, ?, 'Elsewhere', ?, 'en', 'CONFIRMED', now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setLong(2, eventId);
                insert.setString(3, taken);
                insert.executeUpdate();
            }
            // the team's one SELECT cannot see the uncommitted registration; its insert waits for that index entry
            CompletableFuture<Response> team = CompletableFuture.supplyAsync(() -> post("/api/v1/events/" + slug + "/teams", null,
                    team("Racers", false, List.of(member("A", "a@" + slug + ".example.com"), member("Race", "RACE@" + slug + ".example.com"),
                            member("B", "b@" + slug + ".example.com")))));
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO registration%'""")
                    .query(Integer.class).single() > 0);
            other.commit();
            Response r = team.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.status()).as(r.text()).isEqualTo(409);
            assertThat(r.json().get("emails").get(0).asString()).isEqualTo(taken);
            assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/members/1/email");
        }
        assertThat(count(eventId, "CONFIRMED")).as("only the other registration").isEqualTo(1);
        assertThat(teamSizes(eventId)).isEmpty();
        assertThat(usedPlaces(eventId)).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    /** {@code tasks} requests on 40 threads: every fourth a single registration, the others teams of 1 to 12. */
    private List<Answer> rush(String slug, int tasks, boolean joinWaitlist) throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        runConcurrently(40, tasks, i -> {
            if (i % 4 == 0) {
                Response r = post("/api/v1/events/" + slug + "/registrations", null,
                        Map.of("name", "Single " + i, "email", "single" + i + "@" + slug + ".example.com"));
                assertThat(r.status()).as(r.text()).isIn(201, 409);
                answers.add(new Answer(r.status(), 1, null, r.status() == 201 ? r.json().get("status").asString() : null, List.of()));
                return;
            }
            int size = 1 + i % 12;
            List<Map<String, Object>> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                members.add(member("Member " + i + "-" + m, "t" + i + "m" + m + "@" + slug + ".example.com"));
            }
            Response r = post("/api/v1/events/" + slug + "/teams", null, team("Team " + i, joinWaitlist, members));
            assertThat(r.status()).as(r.text()).isIn(201, 409);
            if (r.status() == 409) {
                assertThat(r.json().get("members").asInt()).isEqualTo(size);
                answers.add(new Answer(409, size, null, null, List.of()));
                return;
            }
            List<Integer> positions = new ArrayList<>();
            for (JsonNode m : r.json().get("members")) {
                assertThat(m.get("status").asString()).isEqualTo(r.json().get("status").asString());
                if (!m.get("waitlistPosition").isNull()) {
                    positions.add(m.get("waitlistPosition").asInt());
                }
            }
            answers.add(new Answer(201, size, UUID.fromString(r.json().get("id").asString()), r.json().get("status").asString(), positions));
        });
        return List.copyOf(answers);
    }

    /** Every accepted team has all its members, in one status, and no refused team left anything behind. */
    private void assertTeamsWhole(long eventId, List<Answer> answers) {
        Map<UUID, Integer> expected = new HashMap<>();
        answers.stream().filter(a -> a.status() == 201 && a.teamId() != null).forEach(a -> expected.put(a.teamId(), a.size()));
        assertThat(teamSizes(eventId)).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM team WHERE event_id = ?").param(eventId).query(Integer.class).single())
                .isEqualTo(expected.size());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT team_id FROM registration WHERE event_id = ? AND team_id IS NOT NULL
                                              GROUP BY team_id HAVING count(DISTINCT status) > 1) split""")
                .param(eventId).query(Integer.class).single()).as("teams partly confirmed, partly waitlisted").isZero();
    }

    private Map<UUID, Integer> teamSizes(long eventId) {
        Map<UUID, Integer> sizes = new HashMap<>();
        jdbc.sql("SELECT team_id, count(*) FROM registration WHERE event_id = ? AND team_id IS NOT NULL GROUP BY team_id")
                .param(eventId).query(rs -> {
                    sizes.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return sizes;
    }

    private static Map<String, Object> team(String name, boolean joinWaitlist, List<Map<String, Object>> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("locale", "en");
        body.put("joinWaitlist", joinWaitlist);
        body.put("members", members);
        return body;
    }

    private static Map<String, Object> member(String name, String email) {
        return Map.of("name", name, "email", email);
    }

    private long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private int count(long eventId, String status) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND status = ?").params(eventId, status)
                .query(Integer.class).single();
    }

    private int usedPlaces(long eventId) {
        return jdbc.sql("SELECT sum(used) FROM capacity_shard WHERE event_id = ?").param(eventId).query(Integer.class).single();
    }

    private int mails(long eventId) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ?").param(eventId).query(Integer.class).single();
    }
}
