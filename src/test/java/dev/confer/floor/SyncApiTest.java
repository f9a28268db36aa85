package dev.confer.floor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SyncApiTest extends FloorTestSupport {

    /** 2037-05-14 14:00 in Seoul: after S101 (13:00–13:40), when the doors' queues come in. */
    private static final Instant AFTER_S101 = Instant.parse("2037-05-14T05:00:00Z");

    @Test
    void aDeskQueueSyncedTwiceAndInOverlappingBatchesCountsEachCheckInOnceInScanTimeOrder() {
        String slug = defineEvent(uniqueSlug("sync"), eventDefinition(10, 0, 2, 10, 10, 10));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        JsonNode b = register(slug, "Bob", "b@example.com");
        JsonNode c = register(slug, "Carol", "c@example.com");
        clock.set(Instant.parse("2037-05-14T01:00:00Z")); // 10:00 in Seoul

        // queued offline: C scanned first, then A, then B; the queue lists them out of order
        Map<String, Object> scanA = checkInAction(UUID.randomUUID().toString(), "2037-05-14T09:10:00+09:00", a.get("ticket").asString());
        Map<String, Object> scanB = checkInAction(UUID.randomUUID().toString(), "2037-05-14T09:20:00+09:00", b.get("ticket").asString());
        Map<String, Object> scanC = checkInAction(UUID.randomUUID().toString(), "2037-05-14T09:00:00+09:00", c.get("ticket").asString());
        List<JsonNode> first = results(sync(slug, desk, "desk-1", List.of(scanA, scanB)));
        List<JsonNode> again = results(sync(slug, desk, "desk-1", List.of(scanA, scanB)));
        List<JsonNode> overlapping = results(sync(slug, desk, "desk-1", List.of(scanB, scanC)));

        assertThat(first).extracting(r -> r.get("status").asInt()).containsExactly(200, 200);
        assertThat(first.get(0).get("id").asString()).isEqualTo(scanA.get("id"));
        assertThat(first.get(0).get("body").get("name").asString()).isEqualTo("김민준");
        assertThat(first.get(0).get("body").get("company").asString()).isEqualTo("Hanbit");
        assertThat(first.get(0).get("body").get("firstToday").asBoolean()).isTrue();
        // vouchers in scan-time order within the batch: A (09:10) before B (09:20)
        assertThat(first.get(0).get("body").get("mealVoucher").get("code").asString()).matches("0514-0*1-[2-9A-Z]{6}");
        assertThat(first.get(1).get("body").get("mealVoucher").get("code").asString()).matches("0514-0*2-[2-9A-Z]{6}");
        // the same batch again is answered as the first time, counting nothing
        for (int i = 0; i < 2; i++) {
            assertThat(again.get(i).get("body").get("firstToday").asBoolean()).isTrue();
            assertThat(again.get(i).get("body").get("mealVoucher").get("code").asString())
                    .isEqualTo(first.get(i).get("body").get("mealVoucher").get("code").asString());
        }
        assertThat(overlapping.get(0).get("body").get("mealVoucher").get("code").asString())
                .isEqualTo(first.get(1).get("body").get("mealVoucher").get("code").asString());
        // C came late to the server: the two vouchers were gone, so no voucher but a keynote seat
        assertThat(overlapping.get(1).get("status").asInt()).isEqualTo(200);
        assertThat(overlapping.get(1).get("body").get("mealVoucher").isNull()).isTrue();
        assertThat(overlapping.get(1).get("body").get("checkedInAt").asString()).startsWith("2037-05-14T09:00");

        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM checkin WHERE event_id = ?", event)).isEqualTo(3);
        assertThat(count("SELECT vouchers_issued FROM day_stock WHERE event_id = ? AND day = ?", event, LocalDate.parse("2037-05-14"))).isEqualTo(2);
        assertThat(count("SELECT seats_taken FROM day_stock WHERE event_id = ? AND day = ?", event, LocalDate.parse("2037-05-14"))).isEqualTo(3);
    }

    @Test
    void twoDoorsOfflineWithThreeHundredScansOnAHundredSeatsSettleAtAHundredPlusTwoHundredOverCapacity() throws Exception {
        String slug = defineEvent(uniqueSlug("sync"), eventDefinition(300, 0, 10, 10, 10, 100));
        String door = staffToken(slug, "DOOR", null);
        long event = eventId(slug);
        List<JsonNode> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            JsonNode r = register(slug, "Person " + i, "p" + i + "@example.com");
            people.add(r);
            jdbc.sql("INSERT INTO checkin (event_id, registration_id, day, checked_in_at) VALUES (?, ?, ?, ?)")
                    .params(event, UUID.fromString(r.get("id").asString()), LocalDate.parse("2037-05-14"),
                            OffsetDateTime.parse("2037-05-14T08:30:00+09:00"))
                    .update();
        }
        // each door admitted 150 people offline between 12:40 and 13:30 (it counted only its own)
        List<List<Map<String, Object>>> queues = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 300; i++) {
            String at = OffsetDateTime.parse("2037-05-14T12:40:00+09:00").plusSeconds(10L * i).toString();
            queues.get(i % 2).add(tapAction(UUID.randomUUID().toString(), at, "session:S101",
                    Map.of("ticket", people.get(i).get("ticket").asString())));
        }
        clock.set(AFTER_S101);
        List<List<JsonNode>> answers = List.of(new ArrayList<>(), new ArrayList<>());
        runConcurrently(2, 2, i -> answers.get(i).addAll(results(sync(slug, door, "door-" + i, queues.get(i)))));
        // one door's sync resent (its answer was lost): counts nothing
        List<JsonNode> resent = results(sync(slug, door, "door-0", queues.get(0)));

        List<JsonNode> all = new ArrayList<>(answers.get(0));
        all.addAll(answers.get(1));
        assertThat(all).hasSize(300).allSatisfy(r -> {
            assertThat(r.get("status").asInt()).isEqualTo(200);
            assertThat(r.get("body").get("result").asString()).isEqualTo("ADMITTED");
            assertThat(r.get("body").get("entry").asString()).isEqualTo("FIRST");
        });
        assertThat(all.stream().filter(r -> r.get("body").get("overCapacity").asBoolean()).count()).isEqualTo(200);
        assertThat(resent).allSatisfy(r -> assertThat(r.get("body").get("result").asString()).isEqualTo("DUPLICATE"));

        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(100);
        assertThat(count("SELECT over_capacity FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(300);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", event)).isEqualTo(300);
        JsonNode s101 = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("sessions").get(0);
        assertThat(s101.get("admitted").asInt()).isEqualTo(100);
        assertThat(s101.get("overCapacity").asInt()).isEqualTo(200);
        assertThat(s101.get("turnedAway").asInt()).isZero();
    }

    /**
     * A run of taps is settled as one group (one commit), yet each tap is answered as alone in scan-time order: a tap
     * before its attendee's check-in in the same batch finds them not checked in, the ones after admitted; visits and
     * re-entries count in order; a tap id sent twice within a batch (the group rolls back and goes one by one) and a
     * resent batch count nothing.
     */
    @Test
    void tapsAroundACheckInInOneBatchAreAnsweredInScanTimeOrderAndCountOnce() {
        String slug = defineEvent(uniqueSlug("sync"), eventDefinition(10, 0, 10, 10, 10, 10));
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        String ta = a.get("ticket").asString();
        clock.set(AFTER_S101);
        Map<String, Object> boothBefore = tapAction(UUID.randomUUID().toString(), "2037-05-14T10:00:00+09:00", "booth:B01", Map.of("ticket", ta));
        Map<String, Object> checkIn = checkInAction(UUID.randomUUID().toString(), "2037-05-14T10:05:00+09:00", ta);
        Map<String, Object> booth1 = tapAction(UUID.randomUUID().toString(), "2037-05-14T10:10:00+09:00", "booth:B01", Map.of("ticket", ta));
        Map<String, Object> boothB = tapAction(UUID.randomUUID().toString(), "2037-05-14T10:11:00+09:00", "booth:B01",
                Map.of("ticket", b.get("ticket").asString()));
        Map<String, Object> booth2 = tapAction(UUID.randomUUID().toString(), "2037-05-14T10:12:00+09:00", "booth:B01", Map.of("ticket", ta));
        Map<String, Object> door1 = tapAction(UUID.randomUUID().toString(), "2037-05-14T12:50:00+09:00", "session:S101", Map.of("ticket", ta));
        Map<String, Object> door2 = tapAction(UUID.randomUUID().toString(), "2037-05-14T12:55:00+09:00", "session:S101", Map.of("ticket", ta));
        // listed out of scan-time order, as a queue merged from two devices may be
        List<JsonNode> first = results(sync(slug, ADMIN, "floor-1", List.of(door2, booth2, boothBefore, door1, booth1, checkIn, boothB)));
        assertThat(first).extracting(r -> r.get("status").asInt()).containsOnly(200);
        assertThat(first).extracting(r -> r.get("body").has("result") ? r.get("body").get("result").asString() : "checked-in")
                .containsExactly("ADMITTED", "ADMITTED", "NOT_CHECKED_IN", "ADMITTED", "ADMITTED", "checked-in", "NOT_CHECKED_IN");
        assertThat(first.get(1).get("body").get("visits").asInt()).isEqualTo(2);
        assertThat(first.get(4).get("body").get("visits").asInt()).isEqualTo(1);
        assertThat(first.get(3).get("body").get("entry").asString()).isEqualTo("FIRST");
        assertThat(first.get(0).get("body").get("entry").asString()).isEqualTo("REENTRY");

        // a new tap, then one tap id twice in one batch: the second is a DUPLICATE of the first
        Map<String, Object> booth3 = tapAction(UUID.randomUUID().toString(), "2037-05-14T10:20:00+09:00", "booth:B01", Map.of("ticket", ta));
        String twiceId = UUID.randomUUID().toString();
        List<JsonNode> second = results(sync(slug, ADMIN, "floor-1", List.of(booth3,
                tapAction(twiceId, "2037-05-14T10:21:00+09:00", "booth:B01", Map.of("ticket", ta)),
                tapAction(twiceId, "2037-05-14T10:22:00+09:00", "booth:B01", Map.of("ticket", ta)))));
        assertThat(second).extracting(r -> r.get("body").get("result").asString()).containsExactly("ADMITTED", "ADMITTED", "DUPLICATE");
        assertThat(second).extracting(r -> r.get("body").get("visits").asInt()).containsExactly(3, 4, 4);
        // the first batch resent: nothing counts again
        List<JsonNode> resent = results(sync(slug, ADMIN, "floor-1", List.of(door2, booth2, boothBefore, door1, booth1, checkIn, boothB)));
        assertThat(resent.get(1).get("body").get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(resent.get(5).get("body").get("firstToday").asBoolean()).isTrue();

        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", event)).isEqualTo(8);
        assertThat(count("SELECT visits FROM booth_lead WHERE event_id = ? AND booth_code = 'B01'", event)).isEqualTo(4);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM checkin WHERE event_id = ?", event)).isEqualTo(1);
    }

    @Test
    void eachActionIsAnsweredAsItsEndpointWouldAndTheBatchIsBounded() {
        String slug = defineEvent(uniqueSlug("sync"), eventDefinition(10, 0, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        clock.set(AFTER_S101);

        List<JsonNode> results = results(call("POST", "/api/v1/events/" + slug + "/sync", door, Map.of("device", "door-1", "actions", List.of(
                tapAction(UUID.randomUUID().toString(), "2037-05-14T13:05:00+09:00", "session:S101", Map.of("ticket", a.get("ticket").asString())),
                checkInAction(UUID.randomUUID().toString(), "2037-05-14T09:00:00+09:00", a.get("ticket").asString()),
                tapAction("not-a-uuid", "2037-05-14T13:06:00+09:00", "session:S101", Map.of("ticket", a.get("ticket").asString())),
                tapAction(UUID.randomUUID().toString(), "2037-05-14T13:07:00+09:00", "session:S101", Map.of("ticket", "CF1.forged")),
                tapAction(UUID.randomUUID().toString(), "2037-05-14T09:00:00+09:00", "session:S101", Map.of("ticket", a.get("ticket").asString())))),
                Map.of("Accept-Language", "ko")));
        assertThat(results.get(0).get("body").get("result").asString()).isEqualTo("NOT_CHECKED_IN");
        assertThat(results.get(1).get("status").asInt()).as("a door token may not check in").isEqualTo(403);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(2).get("body").get("detail").asString()).contains("UUID");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(4).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(4).get("body").get("result").asString()).isEqualTo("NOT_NOW");
        assertThat(count("SELECT count(*) FROM checkin WHERE event_id = ?", eventId(slug))).isZero();

        // a device clock hours ahead is not believed: the scan counts as received now (14:00)
        String futureTap = UUID.randomUUID().toString();
        Response future = sync(slug, door, "door-1", List.of(tapAction(futureTap, "2037-05-14T18:00:00+09:00",
                "booth:B01", Map.of("ticket", a.get("ticket").asString()))));
        assertThat(results(future).get(0).get("status").asInt()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT at FROM tap WHERE tap_id = ?").param(UUID.fromString(futureTap))
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(AFTER_S101);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(tapAction(UUID.randomUUID().toString(), "2037-05-14T13:05:00+09:00", "booth:B01", Map.of("ticket", a.get("ticket").asString())));
        }
        Response refused = sync(slug, door, "door-1", tooMany);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("500");
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isEqualTo(2);
    }
}
