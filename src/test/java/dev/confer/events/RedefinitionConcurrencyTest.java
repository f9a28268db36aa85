package dev.confer.events;

import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer replaces the definition while desks check in and doors admit: before the lock order was
 * fixed, check-ins and taps deadlocked against the replacement and some were answered 500. Every request
 * must now be answered as if it ran alone, and the counts must be exact.
 */
class RedefinitionConcurrencyTest extends TapTestSupport {

    private static final int AT_DESK = 150;
    private static final int AT_DOOR = 120;
    private static final int ROOM = 80;
    private static final int REDEFINITIONS = 30;

    @Test
    void replacingTheDefinitionDuringCheckInsAndTapsNeverFailsARequest() throws Exception {
        String slug = uniqueSlug("redefine");
        Map<String, Object> definition = eventDefinition(1_000, 0, 500, 300, 100, ROOM);
        defineEvent(slug, definition);
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        List<JsonNode> deskQueue = new ArrayList<>();
        for (int i = 0; i < AT_DESK; i++) {
            deskQueue.add(register(slug, "Desk " + i, "desk" + i + "@example.com"));
        }
        List<JsonNode> doorQueue = new ArrayList<>();
        for (int i = 0; i < AT_DOOR; i++) {
            JsonNode attendee = register(slug, "Door " + i, "door" + i + "@example.com");
            jdbc.sql("INSERT INTO checkin (event_id, registration_id, day, checked_in_at) VALUES (?, ?, ?, ?)")
                    .params(eventId(slug), id(attendee), LocalDate.parse(DAY1), OffsetDateTime.parse(DAY1 + "T08:30:00+09:00"))
                    .update();
            doorQueue.add(attendee);
        }

        List<Runnable> work = new ArrayList<>();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        for (JsonNode attendee : deskQueue) {
            work.add(() -> {
                Response r = post("/api/v1/events/" + slug + "/check-ins", desk,
                        Map.of("ticket", ticket(attendee), "desk", "D1", "at", DAY1 + "T09:00:00+09:00"));
                answers.add("check-in " + r.status() + " " + (r.status() == 200 ? "" : r.text()));
            });
        }
        for (JsonNode attendee : doorQueue) {
            work.add(() -> {
                Response r = tap(slug, door, UUID.randomUUID().toString(), DAY1_AFTERNOON, "session:S101", attendee);
                answers.add("tap " + r.status() + " " + (r.status() == 200 ? "" : r.text()));
            });
        }
        for (int i = 0; i < REDEFINITIONS; i++) {
            work.add(() -> {
                Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, definition);
                answers.add("definition " + r.status() + " " + (r.status() == 200 ? "" : r.text()));
            });
        }
        Collections.shuffle(work);
        runConcurrently(24, work.size(), i -> work.get(i).run());

        assertThat(answers).hasSize(AT_DESK + AT_DOOR + REDEFINITIONS)
                .allSatisfy(a -> assertThat(a).matches("(check-in|tap|definition) 200 "));
        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM checkin WHERE event_id = ? AND day = ?", event, LocalDate.parse(DAY1)))
                .isEqualTo(AT_DESK + AT_DOOR);
        assertThat(count("SELECT vouchers_issued FROM day_stock WHERE event_id = ? AND day = ?", event, LocalDate.parse(DAY1)))
                .isEqualTo(AT_DESK);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(ROOM);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(ROOM);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'ADMITTED'", event)).isEqualTo(ROOM);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'FULL'", event)).isEqualTo(AT_DOOR - ROOM);
    }
}
