package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live taps share a commit ({@link OnlineTaps}): a group commits as one transaction, or, when any of its statements
 * fails, rolls back whole and each tap is done on its own; either way every tap gets its own exact answer.
 */
class OnlineTapsTest extends TapTestSupport {

    private static final Instant AFTERNOON = Instant.parse("2037-05-14T04:05:00Z"); // 13:05 in Seoul

    @Autowired
    OnlineTaps online;

    @Autowired
    DoorTaps doorTaps;

    @Autowired
    EventCatalog events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aGroupOfTapsAtSeveralDoorsCommitsOnceWithEachTapsOwnAnswer() {
        String slug = defineEvent(uniqueSlug("group"), eventDefinition(100, 0, 10, 10, 10, 3));
        List<JsonNode> people = registerAndCheckIn(slug, 6);
        EventSchedule event = events.require(slug);
        List<OnlineTaps.Request> group = new ArrayList<>();
        for (JsonNode person : people) { // six people at a door of three seats, interleaved with booth visits
            group.add(request(event, UUID.randomUUID(), "session:S101", person));
            group.add(request(event, UUID.randomUUID(), "booth:B01", person));
        }

        online.write(group);

        List<TapResult> atTheDoor = group.stream().filter(r -> r.point().equals("session:S101")).map(r -> r.answer().join().result()).toList();
        assertThat(atTheDoor).containsExactly(TapResult.ADMITTED, TapResult.ADMITTED, TapResult.ADMITTED,
                TapResult.FULL, TapResult.FULL, TapResult.FULL); // arrival order within the door
        assertThat(group.stream().filter(r -> r.point().equals("booth:B01")).map(r -> r.answer().join().result()))
                .containsOnly(TapResult.ADMITTED).hasSize(6);
        long id = eventId(slug);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", id)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", id)).isEqualTo(12);
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM tap WHERE event_id = ?", id)).as("transactions").isEqualTo(1);
    }

    @Test
    void aGroupHoldingATapIdTwiceRollsBackAndEachTapIsDoneAlone() {
        String slug = defineEvent(uniqueSlug("group"), eventDefinition(100, 0, 10, 10, 10, 3));
        List<JsonNode> people = registerAndCheckIn(slug, 4);
        EventSchedule event = events.require(slug);
        UUID resent = UUID.randomUUID();
        List<OnlineTaps.Request> group = new ArrayList<>();
        group.add(request(event, resent, "session:S101", people.get(0)));
        for (JsonNode person : people) {
            group.add(request(event, UUID.randomUUID(), "session:S101", person));
        }
        group.add(request(event, resent, "session:S101", people.get(0))); // the device sent it again

        online.write(group);

        assertThat(group.stream().map(r -> r.answer().join().result())).containsExactly(TapResult.ADMITTED,
                TapResult.ADMITTED, TapResult.ADMITTED, TapResult.ADMITTED, TapResult.FULL, TapResult.DUPLICATE);
        long id = eventId(slug);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", id)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", id)).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM tap WHERE event_id = ?", id)).as("transactions").isEqualTo(5);
    }

    @Test
    void aTapInsideACallersTransactionIsPartOfIt() {
        String slug = defineEvent(uniqueSlug("group"), eventDefinition(100, 0, 10, 10, 10, 3));
        JsonNode person = registerAndCheckIn(slug, 1).getFirst();
        EventSchedule event = events.require(slug);
        TapAnswer answer = transaction.execute(status -> {
            status.setRollbackOnly();
            return doorTaps.tap(event, dev.confer.shared.Caller.organizer(), new TapRequest(UUID.randomUUID().toString(),
                    "2037-05-14T13:05:00+09:00", "session:S101", new TapRequest.Credential(ticket(person), null)));
        });
        assertThat(answer.result()).isEqualTo(TapResult.ADMITTED);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isZero(); // rolled back with it
    }

    @Test
    void manyDoorsTappingAtOnceOverHttpCountExactly() throws Exception {
        String slug = defineEvent(uniqueSlug("group"), eventDefinition(300, 0, 10, 10, 10, 40));
        List<JsonNode> people = registerAndCheckIn(slug, 120);
        List<String[]> sends = new ArrayList<>(); // tap id, point, person index; every tap sent twice
        for (int i = 0; i < people.size(); i++) {
            for (String point : List.of("session:S101", "booth:B01", "booth:B02")) {
                String tapId = UUID.randomUUID().toString();
                sends.add(new String[]{tapId, point, String.valueOf(i)});
                sends.add(new String[]{tapId, point, String.valueOf(i)});
            }
        }
        Collections.shuffle(sends, new Random(7));
        List<String> results = new CopyOnWriteArrayList<>();
        runConcurrently(32, sends.size(), n -> {
            String[] s = sends.get(n);
            Response r = tap(slug, ADMIN, s[0], "2037-05-14T13:05:00+09:00", s[1], people.get(Integer.parseInt(s[2])));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            results.add(r.json().get("result").asString());
        });

        assertThat(results).hasSize(720);
        assertThat(results.stream().filter("DUPLICATE"::equals)).hasSize(360);
        assertThat(results.stream().filter("FULL"::equals)).hasSize(120 - 40);
        assertThat(results.stream().filter("ADMITTED"::equals)).hasSize(40 + 2 * 120);
        long id = eventId(slug);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", id)).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ?", id)).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", id)).isEqualTo(360);
        JsonNode stats = get("/api/v1/events/" + slug + "/stats", ADMIN).json();
        assertThat(stats.get("sessions").get(0).get("admitted").asInt()).isEqualTo(40);
        assertThat(stats.get("sessions").get(0).get("turnedAway").asInt()).isEqualTo(80);
        stats.get("booths").forEach(booth -> {
            assertThat(booth.get("visitors").asInt()).as(booth.toString()).isEqualTo(120);
            assertThat(booth.get("visits").asInt()).as(booth.toString()).isEqualTo(120);
        });
    }

    private OnlineTaps.Request request(EventSchedule event, UUID tapId, String point, JsonNode person) {
        DoorTaps.Accepted tap = new DoorTaps.Accepted(tapId, TapPoint.parse(point, event), AFTERNOON, new RegistrationId(id(person)));
        DoorTaps.Decided decided = new DoorTaps.Decided(true, new TapAnswer.Who(person.get("name").asString(), null));
        return new OnlineTaps.Request(point, () -> doorTaps.pass(event, tap, decided, false),
                () -> doorTaps.pass(event, tap, decided, false), new CompletableFuture<>());
    }

    private List<JsonNode> registerAndCheckIn(String slug, int n) {
        List<JsonNode> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode r = register(slug, "Attendee " + i, "attendee" + i + "@example.com");
            checkIn(slug, r, DAY1);
            people.add(((tools.jackson.databind.node.ObjectNode) r).put("name", "Attendee " + i));
        }
        return people;
    }
}
