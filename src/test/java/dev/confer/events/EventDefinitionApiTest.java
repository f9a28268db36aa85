package dev.confer.events;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventDefinitionApiTest extends ApiTest {

    @Test
    void putIsIdempotentAndGetIsPublic() {
        String slug = uniqueSlug("def");
        Map<String, Object> def = eventDefinition(100, 10, 50, 40, 10, 30);
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, def).status()).isEqualTo(201);
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, def).status()).isEqualTo(200);
        Response pub = get("/api/v1/events/" + slug, null);
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.json().get("name").get("ko").asString()).isEqualTo("클라우드 서밋 서울 2026");
        assertThat(pub.json().get("days").get(0).get("doorsOpen").asString()).isEqualTo("08:00");
        assertThat(pub.json().get("sessions")).hasSize(2);
        assertThat(pub.json().has("id")).isFalse();
        assertThat(get("/api/v1/events/" + slug + "/ticket-key", null).json().get("algorithm").asString()).isEqualTo("Ed25519");
    }

    @Test
    void aBadDefinitionListsEveryErrorWithItsPointerAndChangesNothing() {
        String slug = defineEvent(uniqueSlug("def"), eventDefinition(100, 10, 50, 40, 10, 30));
        Map<String, Object> bad = new HashMap<>(eventDefinition(100, 10, 50, 40, 10, 30));
        bad.put("timezone", "Asia/Nowhere");
        List<Object> sessions = new ArrayList<>((List<?>) bad.get("sessions"));
        Map<String, Object> overlapping = new LinkedHashMap<>((Map<String, Object>) sessions.get(0));
        overlapping.put("code", "S102");
        overlapping.put("start", "13:20");
        overlapping.put("end", "14:00");
        sessions.add(overlapping);
        Map<String, Object> unknownRoom = new LinkedHashMap<>((Map<String, Object>) sessions.get(0));
        unknownRoom.put("code", "S103");
        unknownRoom.put("room", "999");
        unknownRoom.put("track", "nope");
        unknownRoom.put("end", "12:00");
        sessions.add(unknownRoom);
        sessions.add(sessions.get(0)); // duplicate code S101
        bad.put("sessions", sessions);
        bad.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX"), "mapUrl", "javascript:alert(1)"));

        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        List<String> pointers = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            pointers.add(e.get("pointer").asString());
            assertThat(e.get("detail").asString()).isNotBlank();
        }
        assertThat(pointers).contains("/timezone", "/sessions/2/start", "/sessions/3/room", "/sessions/3/track",
                "/sessions/3/end", "/sessions/4/code", "/venue/mapUrl");
        // nothing changed
        assertThat(get("/api/v1/events/" + slug, null).json().get("timezone").asString()).isEqualTo("Asia/Seoul");
        assertThat(get("/api/v1/events/" + slug, null).json().get("sessions")).hasSize(2);
    }

    @Test
    void replacingKeepsRegistrations() {
        String slug = defineEvent(uniqueSlug("def"), eventDefinition(100, 10, 50, 40, 10, 30));
        JsonNode a = register(slug, "김하늘", "haneul@example.com");
        Map<String, Object> changed = new HashMap<>(eventDefinition(200, 10, 60, 40, 10, 30));
        changed.put("rooms", List.of(Map.of("code", "301", "name", "Room 301", "capacity", 500)));
        defineEvent(slug, changed);
        Response still = get("/api/v1/events/" + slug + "/registrations/" + a.get("id").asString(), ADMIN);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(get("/api/v1/events/" + slug, null).json().get("capacity").asInt()).isEqualTo(200);
    }

    @Test
    void countsTooLargeForAnyEventAreRefusedNotOverflowed() {
        String slug = uniqueSlug("huge");
        Map<String, Object> def = new LinkedHashMap<>(eventDefinition(10, 0, 10, 5, 5, 5));
        def.put("days", List.of(Map.of("date", "2037-05-14", "doorsOpen", "08:00", "end", "18:00", "mealVouchers", 10,
                "keynote", Map.of("start", "10:00", "end", "11:30", "halls", List.of(
                        Map.of("name", "A", "seats", 2_000_000_000), Map.of("name", "B", "seats", 2_000_000_000))))));
        def.put("capacity", 2_147_483_647);
        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, def);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .contains("/capacity", "/days/0/keynote/halls/0/seats", "/days/0/keynote/halls/1/seats");
        assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(404);
    }

    @Test
    void unknownEventIs404WithDetail() {
        Response r = get("/api/v1/events/no-such-event", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).contains("no-such-event");
    }
}
