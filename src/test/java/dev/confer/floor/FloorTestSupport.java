package dev.confer.floor;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the floor devices' API: roster pages, check-ins, badges and sync batches. */
abstract class FloorTestSupport extends ApiTest {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    protected long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    protected int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    protected Response roster(String slug, String token, String since) {
        return get("/api/v1/events/" + slug + "/roster" + (since == null ? "" : "?since=" + since), token);
    }

    /** Every entry of one roster answer, by registration id. */
    protected static Map<String, JsonNode> entries(Response roster) {
        if (roster.status() != 200) {
            throw new AssertionError("roster: " + roster.status() + " " + roster.text());
        }
        Map<String, JsonNode> byId = new HashMap<>();
        roster.json().get("entries").forEach(e -> byId.put(e.get("id").asString(), e));
        return byId;
    }

    protected Response checkIn(String slug, String token, Map<String, Object> body) {
        return post("/api/v1/events/" + slug + "/check-ins", token, body);
    }

    protected Response bindBadge(String slug, String desk, JsonNode registration, String uid) {
        return call("PUT", "/api/v1/events/" + slug + "/registrations/" + registration.get("id").asString() + "/badge", desk,
                Map.of("nfcUid", uid));
    }

    protected Response sync(String slug, String token, String device, List<Map<String, Object>> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device", device);
        body.put("actions", actions);
        return post("/api/v1/events/" + slug + "/sync", token, body);
    }

    protected static Map<String, Object> tapAction(String id, String at, String point, Map<String, String> credential) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", id);
        action.put("kind", "tap");
        action.put("at", at);
        action.put("point", point);
        action.put("credential", credential);
        return action;
    }

    protected static Map<String, Object> checkInAction(String id, String at, String ticket) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", id);
        action.put("kind", "check-in");
        action.put("at", at);
        action.put("ticket", ticket);
        return action;
    }

    /** The results of a sync answer, in the order given. */
    protected static List<JsonNode> results(Response sync) {
        if (sync.status() != 200) {
            throw new AssertionError("sync: " + sync.status() + " " + sync.text());
        }
        List<JsonNode> out = new ArrayList<>();
        sync.json().get("results").forEach(out::add);
        return out;
    }
}
