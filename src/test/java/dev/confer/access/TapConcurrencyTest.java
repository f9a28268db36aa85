package dev.confer.access;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many door devices at once, each resending every tap (as a device does after a lost answer), some
 * attendees tapping twice: the seats, the people in the room and the duplicates must come out exact.
 */
class TapConcurrencyTest extends TapTestSupport {

    private static final int THREADS = 32;

    private record Planned(String tapId, JsonNode attendee, String at, String point) {
    }

    private record Answer(Planned tap, int status, String result) {
    }

    @Test
    void aSessionOfFiftySeatsAdmitsExactlyFiftyPeople() throws Exception {
        String slug = defineEvent(uniqueSlug("rush"), eventDefinition(300, 0, 10, 10, 10, 50));
        String door = staffToken(slug, "DOOR", null);
        List<JsonNode> attendees = registerAndCheckIn(slug, 200);

        List<Planned> distinct = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            distinct.add(new Planned(UUID.randomUUID().toString(), attendees.get(i), DAY1_AFTERNOON, "session:S101"));
            if (i % 4 == 0) { // 50 attendees tap a second time with a new tap id
                distinct.add(new Planned(UUID.randomUUID().toString(), attendees.get(i), "2037-05-14T13:06:00+09:00", "session:S101"));
            }
        }
        List<Answer> answers = sendEachTwice(slug, door, distinct, 1);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        Map<String, List<String>> byTap = answers.stream().collect(Collectors.groupingBy(a -> a.tap().tapId(),
                Collectors.mapping(Answer::result, Collectors.toList())));
        assertThat(byTap).hasSize(250).allSatisfy((tapId, results) ->
                assertThat(results).as(tapId).hasSize(2).containsOnlyOnce("DUPLICATE"));
        assertThat(answers.stream().filter(a -> a.result().equals("DUPLICATE"))).hasSize(250);

        List<Answer> counted = answers.stream().filter(a -> !a.result().equals("DUPLICATE")).toList();
        Set<UUID> admittedPeople = counted.stream().filter(a -> a.result().equals("ADMITTED"))
                .map(a -> id(a.tap().attendee())).collect(Collectors.toSet());
        Set<UUID> turnedAwayPeople = counted.stream().filter(a -> a.result().equals("FULL"))
                .map(a -> id(a.tap().attendee())).collect(Collectors.toSet());
        assertThat(counted).allSatisfy(a -> assertThat(a.result()).isIn("ADMITTED", "FULL"));
        assertThat(admittedPeople).hasSize(50);
        assertThat(turnedAwayPeople).hasSize(150).doesNotContainAnyElementsOf(admittedPeople);

        long event = eventId(slug);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(50);
        List<UUID> inTheRoom = jdbc.sql("SELECT registration_id FROM session_attendance WHERE event_id = ? AND session_code = 'S101'")
                .param(event).query(UUID.class).list();
        assertThat(inTheRoom).hasSize(50).containsExactlyInAnyOrderElementsOf(admittedPeople);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", event)).isEqualTo(250);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'ADMITTED'", event))
                .isEqualTo((int) counted.stream().filter(a -> a.result().equals("ADMITTED")).count());
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'FULL'", event))
                .isEqualTo((int) counted.stream().filter(a -> a.result().equals("FULL")).count());

        JsonNode stats = get("/api/v1/events/" + slug + "/stats", ADMIN).json();
        assertThat(stats.get("sessions").get(0).get("admitted").asInt()).isEqualTo(50);
        assertThat(stats.get("sessions").get(0).get("capacity").asInt()).isEqualTo(50);
        assertThat(stats.get("sessions").get(0).get("turnedAway").asInt()).isEqualTo(150);
    }

    /**
     * The attendee who takes the last seat with one tap while their other taps (a second door, a double
     * tap) wait for the same seat counter: every tap must say ADMITTED, none FULL.
     */
    @Test
    void theSameAttendeeTappingManyTimesForTheLastSeatIsAdmittedByEveryTap() throws Exception {
        String slug = defineEvent(uniqueSlug("last"), eventDefinition(300, 0, 10, 10, 10, 1));
        String door = staffToken(slug, "DOOR", null);
        List<JsonNode> attendees = registerAndCheckIn(slug, 1);
        List<Planned> distinct = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            distinct.add(new Planned(UUID.randomUUID().toString(), attendees.get(0), DAY1_AFTERNOON, "session:S101"));
        }
        List<Answer> answers = sendEachTwice(slug, door, distinct, 3);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> a.result().equals("DUPLICATE"))).hasSize(40);
        assertThat(answers.stream().filter(a -> a.result().equals("ADMITTED"))).hasSize(40);
        long event = eventId(slug);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'ADMITTED'", event)).isEqualTo(40);
    }

    @Test
    void concurrentBoothTapsCountEveryVisitOnce() throws Exception {
        String slug = defineEvent(uniqueSlug("expo"), eventDefinition(100, 0, 10, 10, 10, 10));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        List<JsonNode> attendees = registerAndCheckIn(slug, 40);

        List<Planned> distinct = new ArrayList<>();
        int expectedVisits = 0;
        for (int i = 0; i < attendees.size(); i++) {
            int visits = 1 + i % 4;
            expectedVisits += visits;
            for (int v = 0; v < visits; v++) {
                distinct.add(new Planned(UUID.randomUUID().toString(), attendees.get(i),
                        "2037-05-14T10:0" + v + ":00+09:00", "booth:B01"));
            }
        }
        List<Answer> answers = sendEachTwice(slug, sponsor, distinct, 2);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> a.result().equals("DUPLICATE"))).hasSize(distinct.size());
        assertThat(answers.stream().filter(a -> a.result().equals("ADMITTED"))).hasSize(distinct.size());

        JsonNode leads = get("/api/v1/events/" + slug + "/booths/B01/leads", sponsor).json();
        assertThat(leads.size()).isEqualTo(40);
        Map<String, JsonNode> byEmail = new ConcurrentHashMap<>();
        leads.forEach(l -> byEmail.put(l.get("email").asString(), l));
        for (int i = 0; i < attendees.size(); i++) {
            JsonNode lead = byEmail.get(attendees.get(i).get("email").asString());
            int visits = 1 + i % 4;
            assertThat(lead.get("visits").asInt()).as("visits of attendee %d", i).isEqualTo(visits);
            assertThat(lead.get("firstVisitAt").asString()).isEqualTo("2037-05-14T01:00:00Z");
            assertThat(lead.get("lastVisitAt").asString()).isEqualTo("2037-05-14T01:0" + (visits - 1) + ":00Z");
        }
        JsonNode booth = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("booths").get(0);
        assertThat(booth.get("visitors").asInt()).isEqualTo(40);
        assertThat(booth.get("visits").asInt()).isEqualTo(expectedVisits);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isEqualTo(distinct.size());
    }

    private List<JsonNode> registerAndCheckIn(String slug, int n) {
        List<JsonNode> attendees = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode r = register(slug, "Attendee " + i, "attendee" + i + "@example.com");
            attendees.add(((tools.jackson.databind.node.ObjectNode) r).put("email", "attendee" + i + "@example.com"));
            checkIn(slug, r, DAY1);
        }
        return attendees;
    }

    /** Sends every tap twice (same tap id), all shuffled, from many threads released at once. */
    private List<Answer> sendEachTwice(String slug, String token, List<Planned> distinct, long seed) throws Exception {
        List<Planned> sends = new ArrayList<>(distinct);
        sends.addAll(distinct);
        Collections.shuffle(sends, new Random(seed));
        List<Answer> answers = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned p : sends) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Response r = tap(slug, token, p.tapId(), p.at(), p.point(), p.attendee());
                    answers.add(new Answer(p, r.status(), r.json() != null && r.json().has("result") ? r.json().get("result").asString() : ""));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(sends.size());
        return answers;
    }
}
