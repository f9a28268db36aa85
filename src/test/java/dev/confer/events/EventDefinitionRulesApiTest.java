package dev.confer.events;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Strict definitions: unknown keys and impossible combinations are refused, every one at once, nothing changed. */
class EventDefinitionRulesApiTest extends ApiTest {

    @Test
    void unknownKeysAndWrongTypesAreListedWithTheirPointersTogetherWithEveryOtherProblem() {
        String slug = uniqueSlug("strict");
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        def.put("capacityy", 5);
        def.put("waitlist", "ten");
        def.put("timezone", "Asia/Nowhere");
        day(def, 0).put("lunchh", Map.of("from", "12:00"));
        session(def, 0).put("speakers", List.of(Map.of("name", "김서연", "twitter", "@kim")));
        session(def, 1).put("level", "expert");
        def.put("privacy", Map.of("controller", "Org", "contact", "privacy@example.com", "retentionDays", 90,
                "noticeVersion", "v1", "keepDays", 30));

        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, def, Map.of("Accept-Language", "en"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        Map<String, String> errors = errors(r);
        assertThat(errors).containsOnlyKeys("/capacityy", "/waitlist", "/timezone", "/days/0/lunchh",
                "/sessions/0/speakers/0/twitter", "/sessions/1/level", "/privacy/keepDays");
        assertThat(errors.get("/capacityy")).contains("capacityy").contains("capacity");
        assertThat(errors.get("/waitlist")).contains("integer");
        assertThat(r.json().get("detail").asString()).contains("7");
        assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(404);

        Response ko = call("PUT", "/api/v1/events/" + slug, ADMIN, def, Map.of("Accept-Language", "ko"));
        assertThat(errors(ko).get("/capacityy")).contains("키가 아닙니다");
    }

    @Test
    void theSchemaIsPublishedAndClosed() {
        Response r = get("/api/v1/schema/event-definition", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode schema = r.json();
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("$defs").get("session").get("properties").has("level")).isTrue();
        assertThat(schema.get("$defs").get("session").get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").has("registration")).isTrue();
    }

    @Test
    void everyNewFieldComesBackAsSent() {
        String slug = uniqueSlug("fields");
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        def.put("registration", Map.of("opensAt", "2037-04-01T10:00", "closesAt", "2037-05-13T18:00"));
        day(def, 0).put("lunch", Map.of("from", "11:30", "to", "13:30", "place", Map.of("ko", "B홀 식당", "en", "Hall B canteen")));
        Map<String, Object> keynote = new LinkedHashMap<>((Map<String, Object>) day(def, 0).get("keynote"));
        keynote.put("title", Map.of("ko", "클라우드의 다음 10년", "en", "The next ten years of cloud"));
        keynote.put("description", "Opening keynote");
        keynote.put("speakers", List.of(Map.of("name", "Jane Doe", "company", "Cloudforge", "title", "CTO")));
        day(def, 0).put("keynote", keynote);
        Map<String, Object> s = session(def, 0);
        s.put("language", "ja");
        s.put("level", 300);
        s.put("type", "LAB");
        s.put("tags", List.of("serverless", "금융"));
        s.put("speakers", List.of(Map.of("name", "김서연", "company", "KB국민카드",
                "title", Map.of("ko", "수석 아키텍트", "en", "Principal architect"), "bio", "20년 차 개발자")));
        List<Object> booths = new ArrayList<>((List<?>) def.get("booths"));
        Map<String, Object> booth = new LinkedHashMap<>((Map<String, Object>) booths.get(1));
        booth.put("tier", "diamond");
        booths.set(1, booth);
        def.put("booths", booths);
        def.put("privacy", Map.of("controller", Map.of("ko", "조직위원회", "en", "Organizing committee"),
                "contact", "privacy@example.com", "retentionDays", 90, "noticeVersion", "2037-01"));
        defineEvent(slug, def);

        JsonNode e = get("/api/v1/events/" + slug, null).json();
        assertThat(e.get("privacy").get("retentionDays").asInt()).isEqualTo(90);
        assertThat(e.get("registration").get("opensAt").asString()).isEqualTo("2037-04-01T10:00");
        assertThat(e.get("registration").get("closesAt").asString()).isEqualTo("2037-05-13T18:00");
        JsonNode day = e.get("days").get(0);
        assertThat(day.get("lunch").get("from").asString()).isEqualTo("11:30");
        assertThat(day.get("lunch").get("to").asString()).isEqualTo("13:30");
        assertThat(day.get("lunch").get("place").get("en").asString()).isEqualTo("Hall B canteen");
        assertThat(day.get("keynote").get("title").get("ko").asString()).isEqualTo("클라우드의 다음 10년");
        assertThat(day.get("keynote").get("speakers").get(0).get("company").asString()).isEqualTo("Cloudforge");
        assertThat(day.get("keynote").get("speakers").get(0).get("title").get("en").asString()).isEqualTo("CTO");
        JsonNode session = e.get("sessions").get(0);
        assertThat(session.get("language").asString()).isEqualTo("ja");
        assertThat(session.get("level").asInt()).isEqualTo(300);
        assertThat(session.get("type").asString()).isEqualTo("LAB");
        assertThat(session.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("serverless", "금융");
        JsonNode speaker = session.get("speakers").get(0);
        assertThat(speaker.get("company").asString()).isEqualTo("KB국민카드");
        assertThat(speaker.get("title").get("ko").asString()).isEqualTo("수석 아키텍트");
        assertThat(speaker.get("bio").get("ko").asString()).isEqualTo("20년 차 개발자");
        assertThat(e.get("booths").get(1).get("tier").asString()).isEqualTo("diamond");
    }

    @Test
    void aSessionOutsideItsDaysHoursIsRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        session(def, 0).put("start", "19:00");
        session(def, 0).put("end", "20:00");
        assertRefused(def, "/sessions/0/start", "outside the day");
    }

    @Test
    void moreSeatsThanTheRoomHoldsAreRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        session(def, 0).put("capacity", 5000);
        assertRefused(def, "/sessions/0/capacity", "holds 30");
    }

    @Test
    void moreVouchersThanAttendeesAreRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        day(def, 1).put("mealVouchers", 400);
        assertRefused(def, "/days/1/mealVouchers", "at most 100");
    }

    @Test
    void aSessionInTheKeynoteHallDuringTheKeynoteIsRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        List<Object> rooms = new ArrayList<>((List<?>) def.get("rooms"));
        rooms.add(Map.of("code", "HALL-D", "name", "Hall D", "capacity", 40));
        def.put("rooms", rooms);
        session(def, 0).put("room", "HALL-D");
        session(def, 0).put("start", "11:00");
        session(def, 0).put("end", "11:40");
        assertRefused(def, "/sessions/0/room", "keynote hall");
    }

    @Test
    void aSessionWithoutATrackIsRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        session(def, 1).remove("track");
        assertRefused(def, "/sessions/1/track", "fin");
    }

    @Test
    void lunchOutsideTheDayIsRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        day(def, 0).put("lunch", Map.of("from", "17:30", "to", "19:00"));
        assertRefused(def, "/days/0/lunch/start", "outside the day");
    }

    @Test
    void aRegistrationThatClosesBeforeItOpensIsRefused() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        def.put("registration", Map.of("opensAt", "2037-05-01T10:00", "closesAt", "2037-04-01T10:00"));
        assertRefused(def, "/registration/closesAt", "after the start");
    }

    @Test
    void badLevelsTypesTiersAndLanguagesAreRefusedTogether() {
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        session(def, 0).put("level", 250);
        session(def, 0).put("type", "KEYNOTE");
        session(def, 1).put("language", "not a tag!");
        List<Object> booths = new ArrayList<>((List<?>) def.get("booths"));
        Map<String, Object> booth = new LinkedHashMap<>((Map<String, Object>) booths.get(0));
        booth.put("tier", "titanium");
        booths.set(0, booth);
        def.put("booths", booths);
        String slug = uniqueSlug("rules");
        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, def, Map.of("Accept-Language", "en"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(errors(r)).containsOnlyKeys("/sessions/0/level", "/sessions/0/type", "/sessions/1/language", "/booths/0/tier");
    }

    /** 400 naming the pointer (with a detail containing {@code words}), and the event was not created. */
    private void assertRefused(Map<String, Object> def, String pointer, String words) {
        String slug = uniqueSlug("rules");
        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, def, Map.of("Accept-Language", "en"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(errors(r)).containsKey(pointer);
        assertThat(errors(r).get(pointer)).contains(words);
        assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(404);
    }

    private static Map<String, String> errors(Response r) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode e : r.json().get("errors")) {
            errors.put(e.get("pointer").asString(), e.get("detail").asString());
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> day(Map<String, Object> def, int i) {
        List<Object> days = new ArrayList<>((List<?>) def.get("days"));
        Map<String, Object> day = new LinkedHashMap<>((Map<String, Object>) days.get(i));
        days.set(i, day);
        def.put("days", days);
        return day;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> session(Map<String, Object> def, int i) {
        List<Object> sessions = new ArrayList<>((List<?>) def.get("sessions"));
        Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) sessions.get(i));
        sessions.set(i, session);
        def.put("sessions", sessions);
        return session;
    }
}
