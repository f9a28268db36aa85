package dev.confer.floor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The door's window around its session, the verdict's name and entry, the room's programme, check-in by badge. */
class DoorFollowsTheRoomApiTest extends FloorTestSupport {

    private Response tap(String slug, String token, String at, String point, Map<String, String> credential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tapId", UUID.randomUUID().toString());
        if (at != null) {
            body.put("at", at);
        }
        body.put("point", point);
        body.put("credential", credential);
        return call("POST", "/api/v1/events/" + slug + "/taps", token, body, Map.of("Accept-Language", "en"));
    }

    @Test
    void aSessionDoorAdmitsFromHalfAnHourBeforeUntilItsEndAndNamesTheEntry() {
        String slug = defineEvent(uniqueSlug("room"), eventDefinition(10, 0, 10, 10, 10, 10));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        Map<String, String> ticket = Map.of("ticket", a.get("ticket").asString());
        assertThat(checkIn(slug, desk, Map.of("ticket", a.get("ticket").asString(), "at", "2037-05-14T09:00:00+09:00")).status()).isEqualTo(200);

        Response early = tap(slug, door, "2037-05-14T00:54:00+09:00", "session:S101", ticket);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).contains("application/problem+json");
        assertThat(early.json().get("result").asString()).isEqualTo("NOT_NOW");
        assertThat(early.json().get("opensAt").asString()).isEqualTo("2037-05-14T12:30+09:00");
        assertThat(early.json().get("detail").asString()).contains("12:30");
        Response over = call("POST", "/api/v1/events/" + slug + "/taps", door, Map.of("tapId", UUID.randomUUID().toString(),
                "at", "2037-05-14T13:41:00+09:00", "point", "session:S101", "credential", ticket), Map.of("Accept-Language", "ko"));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("detail").asString()).contains("끝났습니다");

        Response opening = tap(slug, door, "2037-05-14T12:30:00+09:00", "session:S101", ticket);
        assertThat(opening.status()).isEqualTo(200);
        assertThat(opening.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(opening.json().get("entry").asString()).isEqualTo("FIRST");
        assertThat(opening.json().get("name").asString()).isEqualTo("김민준");
        assertThat(opening.json().get("company").asString()).isEqualTo("Hanbit");
        Response back = tap(slug, door, "2037-05-14T13:40:00+09:00", "session:S101", ticket);
        assertThat(back.json().get("entry").asString()).isEqualTo("REENTRY");
        assertThat(back.json().get("admitted").asInt()).isEqualTo(1);
        // booths keep no session hours; the entry tells a first visit from a return
        assertThat(tap(slug, door, "2037-05-14T17:00:00+09:00", "booth:B01", ticket).json().get("entry").asString()).isEqualTo("FIRST");
        assertThat(tap(slug, door, "2037-05-14T17:05:00+09:00", "booth:B01", ticket).json().get("entry").asString()).isEqualTo("REENTRY");

        // without a scan time the server's clock decides
        clock.set(Instant.parse("2037-05-14T02:00:00Z")); // 11:00 in Seoul
        assertThat(tap(slug, door, null, "session:S101", ticket).json().get("result").asString()).isEqualTo("NOT_NOW");
        assertThat(count("SELECT count(*) FROM tap WHERE event_id = ? AND point = 'session:S101'", eventId(slug))).isEqualTo(2);
    }

    @Test
    void theRoomShowsTheSessionWhoseDoorIsOpenElseTheNext() {
        Map<String, Object> def = eventDefinition(10, 0, 10, 10, 10, 10);
        @SuppressWarnings("unchecked")
        List<Object> sessions = new java.util.ArrayList<>((List<Object>) def.get("sessions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> second = new LinkedHashMap<>((Map<String, Object>) sessions.getFirst());
        second.put("code", "S102");
        second.put("start", "14:00");
        second.put("end", "14:40");
        sessions.add(second);
        def.put("sessions", sessions);
        String slug = defineEvent(uniqueSlug("room"), def);
        String door = staffToken(slug, "DOOR", null);
        String now = "/api/v1/events/" + slug + "/rooms/301/now";

        clock.set(Instant.parse("2037-05-14T03:00:00Z")); // 12:00: S101's door opens at 12:30
        JsonNode before = get(now, door).json();
        assertThat(before.get("doorOpen").asBoolean()).isFalse();
        assertThat(before.get("session").get("code").asString()).isEqualTo("S101");
        assertThat(before.get("session").get("capacity").asInt()).isEqualTo(10);

        clock.set(Instant.parse("2037-05-14T03:35:00Z")); // 12:35
        JsonNode open = get(now, door).json();
        assertThat(open.get("doorOpen").asBoolean()).isTrue();
        assertThat(open.get("session").get("code").asString()).isEqualTo("S101");
        assertThat(open.get("session").get("started").asBoolean()).isFalse();
        assertThat(open.get("session").get("point").asString()).isEqualTo("session:S101");

        clock.set(Instant.parse("2037-05-14T04:45:00Z")); // 13:45: S101 is over, S102 opens at 13:30
        JsonNode next = get(now, door).json();
        assertThat(next.get("doorOpen").asBoolean()).isTrue();
        assertThat(next.get("session").get("code").asString()).isEqualTo("S102");

        clock.set(Instant.parse("2037-05-15T10:00:00Z")); // day two, 19:00: nothing left
        JsonNode none = get(now, door).json();
        assertThat(none.get("doorOpen").asBoolean()).isFalse();
        assertThat(none.get("session").isNull()).isTrue();
        assertThat(get("/api/v1/events/" + slug + "/rooms/999/now", door).status()).isEqualTo(404);
    }

    @Test
    void theDeskChecksInByTheBadgeAloneOnDayTwo() {
        String slug = defineEvent(uniqueSlug("room"), eventDefinition(10, 0, 10, 10, 10, 10));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        assertThat(checkIn(slug, desk, Map.of("ticket", a.get("ticket").asString(), "at", "2037-05-14T09:00:00+09:00")).status()).isEqualTo(200);
        assertThat(bindBadge(slug, desk, a, "04A23B7C").status()).isEqualTo(200);

        Response day2 = checkIn(slug, desk, Map.of("nfcUid", "04:a2:3b:7c", "at", "2037-05-15T09:00:00+09:00"));
        assertThat(day2.status()).as(day2.text()).isEqualTo(200);
        assertThat(day2.json().get("name").asString()).isEqualTo("김민준");
        assertThat(day2.json().get("company").asString()).isEqualTo("Hanbit");
        assertThat(day2.json().get("day").asString()).isEqualTo("2037-05-15");
        assertThat(day2.json().get("firstToday").asBoolean()).isTrue();

        Response unknown = call("POST", "/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("nfcUid", "FFEE0011", "at", "2037-05-15T09:00:00+09:00"), Map.of("Accept-Language", "ko"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).contains("FFEE0011").contains("연결");
        Response both = checkIn(slug, desk, Map.of("nfcUid", "04A23B7C", "ticket", a.get("ticket").asString()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM checkin WHERE event_id = ?", eventId(slug))).isEqualTo(2);
    }
}
