package dev.confer.access;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TapApiTest extends TapTestSupport {

    @Test
    void sessionAdmitsUpToItsRoomCapacityAndReEntryTakesNoSeat() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 2));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        JsonNode b = register(slug, "Bob", "b@example.com");
        JsonNode c = register(slug, "Carol", "c@example.com");
        for (JsonNode r : List.of(a, b, c)) {
            checkIn(slug, r, DAY1);
        }

        Response first = tap(slug, door, DAY1_AFTERNOON, "session:S101", a);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(first.json().get("admitted").asInt()).isEqualTo(1);
        assertThat(first.json().get("capacity").asInt()).isEqualTo(2);

        Response again = tap(slug, door, "2037-05-14T13:20:00+09:00", "session:S101", a);
        assertThat(again.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(again.json().get("admitted").asInt()).isEqualTo(1);

        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", b).json().get("admitted").asInt()).isEqualTo(2);
        Response full = tap(slug, door, DAY1_AFTERNOON, "session:S101", c);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("result").asString()).isEqualTo("FULL");
        assertThat(full.json().get("admitted").asInt()).isEqualTo(2);
        assertThat(full.json().get("capacity").asInt()).isEqualTo(2);

        // someone who holds a seat gets back in even though the room is full
        assertThat(tap(slug, door, "2037-05-14T13:30:00+09:00", "session:S101", a).json().get("result").asString()).isEqualTo("ADMITTED");

        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ? AND registration_id = ?", event, id(c))).isZero();
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(2);
        // every tap is kept, FULL ones too, for the organizer
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", event)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'FULL' AND registration_id = ?", event, id(c))).isEqualTo(1);
    }

    @Test
    void aSessionsOwnCapacityWinsOverItsRoomAndFollowsRedefinition() {
        Map<String, Object> def = eventDefinition(10, 0, 10, 10, 10, 100);
        sessionOf(def, 0).put("capacity", 1);
        String slug = defineEvent(uniqueSlug("tap"), def);
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        checkIn(slug, a, DAY1);
        checkIn(slug, b, DAY1);

        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", a).json().get("capacity").asInt()).isEqualTo(1);
        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", b).json().get("result").asString()).isEqualTo("FULL");

        sessionOf(def, 0).put("capacity", 2);
        defineEvent(slug, def);
        Response now = tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", b);
        assertThat(now.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(now.json().get("admitted").asInt()).isEqualTo(2);
        assertThat(now.json().get("capacity").asInt()).isEqualTo(2);

        // shrinking below those already in lets nobody new in, and keeps who is in
        sessionOf(def, 0).put("capacity", 1);
        defineEvent(slug, def);
        JsonNode c = register(slug, "C", "c@example.com");
        checkIn(slug, c, DAY1);
        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", c).json().get("result").asString()).isEqualTo("FULL");
        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", a).json().get("result").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void theSameTapIdAgainIsDuplicateAndCountsNothing() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 1));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        checkIn(slug, a, DAY1);
        checkIn(slug, b, DAY1);
        String tapA = UUID.randomUUID().toString();
        String tapB = UUID.randomUUID().toString();

        assertThat(tap(slug, door, tapA, DAY1_AFTERNOON, "session:S101", a).json().get("result").asString()).isEqualTo("ADMITTED");
        Response dup = tap(slug, door, tapA, DAY1_AFTERNOON, "session:S101", a);
        assertThat(dup.status()).isEqualTo(200);
        assertThat(dup.json().get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(dup.json().get("firstResult").asString()).isEqualTo("ADMITTED");
        assertThat(dup.json().get("admitted").asInt()).isEqualTo(1);

        assertThat(tap(slug, door, tapB, DAY1_AFTERNOON, "session:S101", b).json().get("result").asString()).isEqualTo("FULL");
        Response dupFull = tap(slug, door, tapB, DAY1_AFTERNOON, "session:S101", b);
        assertThat(dupFull.json().get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(dupFull.json().get("firstResult").asString()).isEqualTo("FULL");

        String boothTap = UUID.randomUUID().toString();
        assertThat(tap(slug, door, boothTap, DAY1_AFTERNOON, "booth:B01", a).json().get("visits").asInt()).isEqualTo(1);
        Response dupBooth = tap(slug, door, boothTap, DAY1_AFTERNOON, "booth:B01", a);
        assertThat(dupBooth.json().get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(dupBooth.json().get("visits").asInt()).isEqualTo(1);

        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", event)).isEqualTo(3);
        assertThat(count("SELECT admitted FROM session_fill WHERE event_id = ? AND session_code = 'S101'", event)).isEqualTo(1);
        assertThat(count("SELECT visits FROM booth_lead WHERE event_id = ? AND registration_id = ?", event, id(a))).isEqualTo(1);
    }

    @Test
    void anAttendeeMustHaveCheckedInThatDayInTheEventsZone() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode never = register(slug, "Never", "never@example.com");
        checkIn(slug, a, DAY1);

        Response notIn = tap(slug, door, DAY1_AFTERNOON, "session:S101", never);
        assertThat(notIn.status()).isEqualTo(200);
        assertThat(notIn.json().get("result").asString()).isEqualTo("NOT_CHECKED_IN");
        assertThat(notIn.json().get("admitted").asInt()).isZero();
        assertThat(tap(slug, door, DAY1_AFTERNOON, "booth:B01", never).json().get("result").asString()).isEqualTo("NOT_CHECKED_IN");

        // 23:30 UTC on the 14th is 08:30 on the 15th in Seoul: day two, where A has not checked in (booths keep no
        // hours; a session's door admits only around its session)
        assertThat(tap(slug, door, "2037-05-14T23:30:00Z", "booth:B02", a).json().get("result").asString()).isEqualTo("NOT_CHECKED_IN");
        assertThat(tap(slug, door, "2037-05-14T14:30:00Z", "booth:B02", a).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", a).json().get("result").asString()).isEqualTo("ADMITTED");

        long event = eventId(slug);
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND result = 'NOT_CHECKED_IN'", event)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ?", event)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM booth_lead WHERE event_id = ? AND booth_code = 'B01'", event)).isZero();
        assertThat(count("SELECT coalesce(sum(admitted), 0)::int FROM session_fill WHERE event_id = ?", event)).isEqualTo(1);
    }

    @Test
    void aCancelledRegistrationIsNotLetIn() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        JsonNode a = register(slug, "A", "a@example.com");
        checkIn(slug, a, DAY1);
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + id(a), ADMIN, null).status()).isEqualTo(200);
        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", a).json().get("result").asString()).isEqualTo("NOT_CHECKED_IN");
        assertThat(count("SELECT count(*) FROM session_attendance WHERE event_id = ?", eventId(slug))).isZero();
    }

    @Test
    void theTimeDefaultsToNow() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        JsonNode a = register(slug, "A", "a@example.com");
        checkIn(slug, a, LocalDate.now(ZoneId.of("Asia/Seoul")).toString());
        Response r = tap(slug, ADMIN, null, "booth:B02", a);
        assertThat(r.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(r.json().get("visits").asInt()).isEqualTo(1);
    }

    @Test
    void aBadgeTapsByItsNfcUid() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        checkIn(slug, a, DAY1);
        bindBadge(slug, a, "04A23B7C");

        Response r = post("/api/v1/events/" + slug + "/taps", door,
                tapBody(UUID.randomUUID().toString(), DAY1_AFTERNOON, "session:S101", Map.of("nfcUid", "04:a2:3b:7c")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("result").asString()).isEqualTo("ADMITTED");

        Response unknown = call("POST", "/api/v1/events/" + slug + "/taps", door,
                tapBody(UUID.randomUUID().toString(), DAY1_AFTERNOON, "session:S101", Map.of("nfcUid", "FFEE0011")), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).contains("FFEE0011").contains("registration desk");
        Response unknownKo = call("POST", "/api/v1/events/" + slug + "/taps", door,
                tapBody(UUID.randomUUID().toString(), DAY1_AFTERNOON, "session:S101", Map.of("nfcUid", "FFEE0011")),
                Map.of("Accept-Language", "ko"));
        assertThat(unknownKo.json().get("detail").asString()).contains("등록 데스크");
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAClearDetailAndRecordsNothing() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        String other = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode elsewhere = register(other, "A", "a@example.com");
        checkIn(slug, a, DAY1);
        String path = "/api/v1/events/" + slug + "/taps";
        Map<String, String> ticket = Map.of("ticket", ticket(a));

        assertRefused(post(path, door, tapBody(null, DAY1_AFTERNOON, "session:S101", ticket)), 400, "tapId");
        assertRefused(post(path, door, tapBody("not-a-uuid", DAY1_AFTERNOON, "session:S101", ticket)), 400, "not-a-uuid");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "room:301", ticket)), 400, "room:301");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "S101", ticket)), 400, "S101");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, null, ticket)), 400, "session:S101");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S999", ticket)), 404, "S999");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "booth:B99", ticket)), 404, "B99");
        assertRefused(post(path, door, tapBody(uuid(), "yesterday", "session:S101", ticket)), 400, "yesterday");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S101", Map.of())), 400, "nfcUid");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S101",
                Map.of("ticket", ticket(a), "nfcUid", "04A23B7C"))), 400, "not both");
        assertRefused(post(path, door, "{not json"), 400, "JSON");

        String t = ticket(a);
        int i = t.lastIndexOf('.') + 10; // a character inside the signature
        String forged = t.substring(0, i) + (t.charAt(i) == 'A' ? 'B' : 'A') + t.substring(i + 1);
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S101", Map.of("ticket", forged))), 422, "forged");
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S101", Map.of("ticket", ticket(elsewhere)))), 422, other);
        assertRefused(post(path, door, tapBody(uuid(), DAY1_AFTERNOON, "session:S101", Map.of("ticket", "hello"))), 422, "not a Confer ticket");

        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isZero();
    }

    @Test
    void rolesDecideWhoMayTapWhere() {
        String slug = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        String other = defineEvent(uniqueSlug("tap"), eventDefinition(10, 0, 10, 10, 10, 10));
        JsonNode a = register(slug, "A", "a@example.com");
        checkIn(slug, a, DAY1);
        String door = staffToken(slug, "DOOR", null);
        String desk = staffToken(slug, "DESK", null);
        String sponsorB01 = staffToken(slug, "SPONSOR", "B01");
        String otherDoor = staffToken(other, "DOOR", null);

        assertThat(tap(slug, null, DAY1_AFTERNOON, "session:S101", a).status()).isEqualTo(401);
        assertThat(tap(slug, "no-such-token", DAY1_AFTERNOON, "session:S101", a).status()).isEqualTo(401);
        assertThat(tap(slug, desk, DAY1_AFTERNOON, "session:S101", a).status()).isEqualTo(403);
        assertThat(tap(slug, otherDoor, DAY1_AFTERNOON, "session:S101", a).status()).isEqualTo(403);

        Response sponsorAtSession = tap(slug, sponsorB01, DAY1_AFTERNOON, "session:S101", a);
        assertThat(sponsorAtSession.status()).isEqualTo(403);
        assertThat(sponsorAtSession.json().get("detail").asString()).contains("B01").contains("session:S101");
        Response sponsorElsewhere = tap(slug, sponsorB01, DAY1_AFTERNOON, "booth:B02", a);
        assertThat(sponsorElsewhere.status()).isEqualTo(403);
        assertThat(sponsorElsewhere.json().get("detail").asString()).contains("booth:B02");
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ?", eventId(slug))).isZero();

        Response own = tap(slug, sponsorB01, DAY1_AFTERNOON, "booth:B01", a);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "booth:B02", a).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", a).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(tap(slug, ADMIN, DAY1_AFTERNOON, "booth:B01", a).json().get("visits").asInt()).isEqualTo(2);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static void assertRefused(Response r, int status, String detailPart) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(detailPart);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sessionOf(Map<String, Object> definition, int index) {
        List<Object> sessions = (List<Object>) definition.get("sessions");
        Map<String, Object> session = new HashMap<>((Map<String, Object>) sessions.get(index));
        List<Object> copy = new java.util.ArrayList<>(sessions);
        copy.set(index, session);
        definition.put("sessions", copy);
        return session;
    }
}
