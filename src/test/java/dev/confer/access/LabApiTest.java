package dev.confer.access;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hands-on labs (issue 13, point 5): seats reserved ahead with a FIFO waitlist of their own, never more than the
 * seats (also under concurrency), and a door that admits holders first and walk-ins into the unreserved rest.
 */
class LabApiTest extends TapTestSupport {

    /** The test event whose day-one session S101 (5 seats in room 301) is a lab with {@code labSeats} reserved. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> labDefinition(int labSeats) {
        Map<String, Object> def = eventDefinition(300, 0, 10, 10, 10, 5);
        List<Object> sessions = new ArrayList<>((List<Object>) def.get("sessions"));
        Map<String, Object> lab = new HashMap<>((Map<String, Object>) sessions.get(0));
        lab.put("type", "LAB");
        lab.put("preRegistration", Map.of("seats", labSeats));
        sessions.set(0, lab);
        def.put("sessions", sessions);
        return def;
    }

    private Response reserve(String slug, JsonNode attendee, String lab) {
        return call("PUT", "/api/v1/events/" + slug + "/registrations/" + attendee.get("id").asString() + "/labs/" + lab
                + "?token=" + attendee.get("manageToken").asString(), null, null);
    }

    private Response cancel(String slug, JsonNode attendee, String lab) {
        return call("DELETE", "/api/v1/events/" + slug + "/registrations/" + attendee.get("id").asString() + "/labs/" + lab
                + "?token=" + attendee.get("manageToken").asString(), null, null);
    }

    private List<JsonNode> attendees(String slug, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(register(slug, "Attendee " + i, "lab" + i + "@example.com"));
        }
        return out;
    }

    @Test
    void aLabsSeatsRoundTripAndMustFitTheSession() {
        String slug = defineEvent(uniqueSlug("lab-def"), labDefinition(3));
        JsonNode session = get("/api/v1/events/" + slug, null).json().get("sessions").get(0);
        assertThat(session.get("preRegistration").get("seats").asInt()).isEqualTo(3);
        assertThat(get("/api/v1/events/" + slug, null).json().get("sessions").get(1).get("preRegistration").isNull()).isTrue();

        Response tooMany = call("PUT", "/api/v1/events/" + uniqueSlug("lab-bad"), ADMIN, labDefinition(6));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/sessions/0/preRegistration/seats");
        assertThat(tooMany.json().get("errors").get(0).get("detail").asString()).contains("6", "5");
        Map<String, Object> unknownKey = labDefinition(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> lab = new HashMap<>((Map<String, Object>) ((List<Object>) unknownKey.get("sessions")).get(0));
        lab.put("preRegistration", Map.of("seats", 3, "opens", "09:00"));
        unknownKey.put("sessions", List.of(lab));
        Response unknown = call("PUT", "/api/v1/events/" + uniqueSlug("lab-bad"), ADMIN, unknownKey);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/sessions/0/preRegistration/opens");
    }

    @Test
    void reservationsFillTheSeatsThenTheLabsOwnWaitlistFirstComeFirstServed() {
        String slug = defineEvent(uniqueSlug("lab"), labDefinition(2));
        List<JsonNode> people = attendees(slug, 4);
        assertThat(reserve(slug, people.get(0), "S101").json().get("status").asString()).isEqualTo("RESERVED");
        assertThat(reserve(slug, people.get(1), "S101").json().get("status").asString()).isEqualTo("RESERVED");
        JsonNode third = reserve(slug, people.get(2), "S101").json();
        assertThat(third.get("status").asString()).isEqualTo("WAITING");
        assertThat(third.get("position").asInt()).isEqualTo(1);
        assertThat(reserve(slug, people.get(3), "S101").json().get("position").asInt()).isEqualTo(2);
        // sent again: the same reservation, nothing more taken
        assertThat(reserve(slug, people.get(0), "S101").json().get("status").asString()).isEqualTo("RESERVED");
        assertThat(reserve(slug, people.get(3), "S101").json().get("position").asInt()).isEqualTo(2);

        assertThat(cancel(slug, people.get(0), "S101").status()).isEqualTo(204);
        assertThat(cancel(slug, people.get(0), "S101").status()).isEqualTo(204);
        JsonNode promoted = get("/api/v1/events/" + slug + "/registrations/" + people.get(2).get("id").asString()
                + "/labs?token=" + people.get(2).get("manageToken").asString(), null).json();
        assertThat(promoted.get(0).get("status").asString()).isEqualTo("RESERVED");
        assertThat(reserve(slug, people.get(3), "S101").json().get("position").asInt()).isEqualTo(1);

        // a reserved seat is on the attendee's agenda and in the calendar feed; a waiting place is not
        JsonNode agenda = get("/api/v1/events/" + slug + "/registrations/" + people.get(2).get("id").asString()
                + "/agenda?token=" + people.get(2).get("manageToken").asString(), null).json();
        assertThat(agenda.get("sessions").get(0).get("code").asString()).isEqualTo("S101");
        assertThat(agenda.get("sessions").get(0).get("source").asString()).isEqualTo("LAB_SEAT");
        String url = agenda.get("calendarUrl").asString();
        Response feed = call("GET", url.substring(("http://localhost:" + port).length()), null, null, Map.of("Accept-Language", "en"));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.text().replace("\r\n ", "")).contains("S101").contains("핸즈온 실습의 좌석이 예약되어 있습니다");
        JsonNode waiting = get("/api/v1/events/" + slug + "/registrations/" + people.get(3).get("id").asString()
                + "/agenda?token=" + people.get(3).get("manageToken").asString(), null).json();
        assertThat(waiting.get("sessions")).isEmpty();
        JsonNode counts = get("/api/v1/events/" + slug + "/labs", null).json().get(0);
        assertThat(counts.get("reserved").asInt()).isEqualTo(2);
        assertThat(counts.get("waiting").asInt()).isEqualTo(1);
        assertThat(counts.get("left").asInt()).isEqualTo(0);

        assertThat(reserve(slug, people.get(0), "S201").status()).as("not a lab").isEqualTo(404);
        assertThat(reserve(slug, people.get(0), "NOPE").status()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/events/" + slug + "/registrations/" + people.get(0).get("id").asString()
                + "/labs/S101?token=wrong", null, null).status()).isIn(401, 403, 404);

        // the definition may not take reserved seats back; more seats move the waitlist up
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, labDefinition(1)).status()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, labDefinition(3)).status()).isEqualTo(200);
        assertThat(reserve(slug, people.get(3), "S101").json().get("status").asString()).isEqualTo("RESERVED");
        // the one who moved up is told by mail (issue 13 point 3), once
        awaitEventsHandled();
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND kind = 'LAB_SEAT' AND ref = 'S101'",
                id(people.get(3)))).isEqualTo(1);
    }

    /**
     * Forty attendees reserve a ten-seat lab at once, each sending twice: exactly ten seats, thirty waiting with
     * distinct places; then five holders cancel at once and exactly the first five waiting (by arrival) get seats.
     */
    @Test
    void concurrentReservationsNeverOversellAndTheWaitlistMovesInOrder() throws Exception {
        Map<String, Object> def = labDefinition(10);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rooms = (List<Map<String, Object>>) def.get("rooms");
        Map<String, Object> room = new HashMap<>(rooms.get(0));
        room.put("capacity", 50);
        def.put("rooms", List.of(room));
        String slug = defineEvent(uniqueSlug("lab-rush"), def);
        List<JsonNode> people = attendees(slug, 40);
        runConcurrently(16, 80, i -> {
            Response r = reserve(slug, people.get(i % 40), "S101");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        });
        long event = eventId(slug);
        assertThat(count("SELECT reserved FROM lab_seats WHERE event_id = ?", event)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM lab_reservation WHERE event_id = ? AND status = 'RESERVED'", event)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM lab_reservation WHERE event_id = ? AND status = 'WAITING'", event)).isEqualTo(30);
        assertThat(count("SELECT count(DISTINCT seq) FROM lab_reservation WHERE event_id = ?", event)).isEqualTo(40);

        List<UUID> holders = jdbc.sql("SELECT registration_id FROM lab_reservation WHERE event_id = ? AND status = 'RESERVED'")
                .param(event).query(UUID.class).list();
        List<UUID> firstFiveWaiting = jdbc.sql("""
                        SELECT registration_id FROM lab_reservation WHERE event_id = ? AND status = 'WAITING' ORDER BY seq LIMIT 5""")
                .param(event).query(UUID.class).list();
        Map<UUID, JsonNode> byId = new HashMap<>();
        people.forEach(p -> byId.put(id(p), p));
        runConcurrently(5, 5, i -> assertThat(cancel(slug, byId.get(holders.get(i)), "S101").status()).isEqualTo(204));
        assertThat(count("SELECT reserved FROM lab_seats WHERE event_id = ?", event)).isEqualTo(10);
        List<UUID> nowReserved = jdbc.sql("SELECT registration_id FROM lab_reservation WHERE event_id = ? AND status = 'RESERVED'")
                .param(event).query(UUID.class).list();
        assertThat(nowReserved).hasSize(10).containsAll(firstFiveWaiting).doesNotContainAnyElementsOf(holders.subList(0, 5));
        assertThat(count("SELECT count(*) FROM lab_reservation WHERE event_id = ? AND status = 'WAITING'", event)).isEqualTo(25);
    }

    @Test
    void theDoorAdmitsHoldersFirstAndWalkInsIntoTheSeatsNobodyReserved() {
        String slug = defineEvent(uniqueSlug("lab-door"), labDefinition(3));
        String door = staffToken(slug, "DOOR", null);
        List<JsonNode> people = attendees(slug, 7);
        people.forEach(p -> checkIn(slug, p, DAY1));
        for (int i = 0; i < 3; i++) {
            assertThat(reserve(slug, people.get(i), "S101").json().get("status").asString()).isEqualTo("RESERVED");
        }
        // five seats, three held: two walk-ins get in, the third is turned away while holders are still outside
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", people.get(3)).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", people.get(4)).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", people.get(5)).json().get("result").asString()).isEqualTo("FULL");
        for (int i = 0; i < 3; i++) {
            JsonNode holder = tap(slug, door, DAY1_AFTERNOON, "session:S101", people.get(i)).json();
            assertThat(holder.get("result").asString()).as("holder %d", i).isEqualTo("ADMITTED");
        }
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", people.get(6)).json().get("result").asString()).isEqualTo("FULL");
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", eventId(slug))).isEqualTo(5);
    }

    /**
     * Issue 13 point 2: a cancelled registration (by its holder or the organizer) and an erased one give their lab seats
     * up; the lab's first waiting move up in order, a cancelled waiting place leaves the queue, and the seats never pass
     * the lab's. Cancelling again changes nothing more.
     */
    @Test
    void aCancelledOrErasedRegistrationReleasesItsLabSeatAndTheWaitlistMovesUp() {
        String slug = defineEvent(uniqueSlug("lab-free"), labDefinition(2));
        List<JsonNode> people = attendees(slug, 6);
        // point 4: the public agenda says how many reserved seats are left
        assertThat(call("GET", "/e/" + slug + "/agenda", null, null, Map.of("Accept-Language", "en", "Accept", "text/html")).text())
                .contains("data-lab-left=\"2\"", "2 reserved seats left");
        reserve(slug, people.get(0), "S101");
        assertThat(call("GET", "/e/" + slug + "/agenda", null, null, Map.of("Accept-Language", "ko", "Accept", "text/html")).text())
                .contains("예약석 1석 남음");
        for (JsonNode p : people) {
            reserve(slug, p, "S101");
        }
        long event = eventId(slug);
        // 0 and 1 hold the seats; 2, 3, 4, 5 wait in that order
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + people.get(3).get("id").asString(), ADMIN, null)
                .status()).isEqualTo(200); // a waiting place leaves the queue
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + people.get(0).get("id").asString()
                + "?token=" + people.get(0).get("manageToken").asString(), null, null).status()).isEqualTo(200);
        awaitEventsHandled();
        assertThat(status(slug, people.get(0))).isEmpty();
        assertThat(status(slug, people.get(3))).isEmpty();
        assertThat(status(slug, people.get(2))).containsExactly("RESERVED");
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND kind = 'LAB_SEAT'", id(people.get(2))))
                .as("told by mail").isEqualTo(1);
        assertThat(reserve(slug, people.get(4), "S101").json().get("position").asInt()).as("now first in line").isEqualTo(1);

        // erasure: the person will not come; the next waiting gets the seat in the same transaction
        assertThat(post("/api/v1/events/" + slug + "/registrations/" + people.get(1).get("id").asString() + "/erasure?token="
                + people.get(1).get("manageToken").asString(), null, null).status()).isEqualTo(200);
        assertThat(status(slug, people.get(1))).isEmpty();
        assertThat(status(slug, people.get(4))).containsExactly("RESERVED");
        assertThat(reserve(slug, people.get(5), "S101").json().get("position").asInt()).isEqualTo(1);

        // cancelling again changes nothing
        call("DELETE", "/api/v1/events/" + slug + "/registrations/" + people.get(0).get("id").asString(), ADMIN, null);
        awaitEventsHandled();
        assertThat(count("SELECT reserved FROM lab_seats WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM lab_reservation WHERE event_id = ? AND status = 'RESERVED'", event)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM lab_reservation WHERE event_id = ? AND status = 'WAITING'", event)).isEqualTo(1);
        assertThat(call("GET", "/e/" + slug + "/agenda", null, null, Map.of("Accept-Language", "ko", "Accept", "text/html")).text())
                .contains("data-lab-left=\"0\"", "예약석 마감");
    }

    private List<String> status(String slug, JsonNode attendee) {
        return jdbc.sql("SELECT status FROM lab_reservation WHERE event_id = ? AND registration_id = ?")
                .params(eventId(slug), id(attendee)).query(String.class).list();
    }
}
