package dev.confer.access;

import dev.confer.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Helpers for door and booth tests. The desk is another module, so check-ins and NFC bindings are
 * written straight into its tables, as the desk would leave them.
 */
public abstract class TapTestSupport extends ApiTest {

    protected static final String DAY1 = "2037-05-14";
    protected static final String DAY2 = "2037-05-15";
    /** 13:05 in Seoul on day one, during S101. */
    protected static final String DAY1_AFTERNOON = "2037-05-14T13:05:00+09:00";
    protected static final String DAY2_AFTERNOON = "2037-05-15T13:05:00+09:00";

    @Autowired
    protected JdbcClient jdbc;

    protected long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    protected void checkIn(String slug, JsonNode registration, String day) {
        jdbc.sql("INSERT INTO checkin (event_id, registration_id, day, checked_in_at) VALUES (?, ?, ?, ?)")
                .params(eventId(slug), id(registration), LocalDate.parse(day),
                        OffsetDateTime.parse(day + "T08:30:00+09:00"))
                .update();
    }

    protected void bindBadge(String slug, JsonNode registration, String nfcUid) {
        jdbc.sql("INSERT INTO nfc_badge (event_id, nfc_uid, registration_id) VALUES (?, ?, ?)")
                .params(eventId(slug), nfcUid, id(registration))
                .update();
    }

    protected static UUID id(JsonNode registration) {
        return UUID.fromString(registration.get("id").asString());
    }

    protected static String ticket(JsonNode registration) {
        return registration.get("ticket").asString();
    }

    protected static Map<String, Object> tapBody(String tapId, String at, String point, Map<String, String> credential) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tapId", tapId);
        if (at != null) {
            body.put("at", at);
        }
        body.put("point", point);
        body.put("credential", credential);
        return body;
    }

    /** Taps with the attendee's QR ticket. */
    protected Response tap(String slug, String token, String tapId, String at, String point, JsonNode attendee) {
        return post("/api/v1/events/" + slug + "/taps", token, tapBody(tapId, at, point, Map.of("ticket", ticket(attendee))));
    }

    protected Response tap(String slug, String token, String at, String point, JsonNode attendee) {
        return tap(slug, token, UUID.randomUUID().toString(), at, point, attendee);
    }

    protected int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
