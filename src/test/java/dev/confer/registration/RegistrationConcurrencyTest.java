package dev.confer.registration;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands registering in the same second: capacity and waitlist are never exceeded, FIFO holds. */
class RegistrationConcurrencyTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void neverExceedsCapacityOrWaitlistUnderContention() throws Exception {
        String slug = defineEvent(uniqueSlug("rush"), eventDefinition(100, 50, 10, 10, 10, 10));
        int attempts = 400;
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Integer> positions = new ConcurrentLinkedQueue<>();
        runConcurrently(32, attempts, i -> {
            Response r = post("/api/v1/events/" + slug + "/registrations", null,
                    Map.of("name", "Attendee " + i, "email", "a" + i + "@example.com", "locale", i % 2 == 0 ? "ko" : "en"));
            String key = r.status() == 201 ? r.json().get("status").asString() : String.valueOf(r.status());
            byStatus.computeIfAbsent(key.hashCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.status() == 201 && r.json().get("status").asString().equals("WAITLISTED")) {
                positions.add(r.json().get("waitlistPosition").asInt());
            }
            assertThat(r.status()).isIn(201, 409);
        });
        assertThat(byStatus.get("CONFIRMED".hashCode()).get()).isEqualTo(100);
        assertThat(byStatus.get("WAITLISTED".hashCode()).get()).isEqualTo(50);
        assertThat(byStatus.get("409".hashCode()).get()).isEqualTo(attempts - 150);

        long eventId = eventId(slug);
        assertThat(count(eventId, "CONFIRMED")).isEqualTo(100);
        assertThat(count(eventId, "WAITLISTED")).isEqualTo(50);
        assertThat(jdbc.sql("SELECT sum(used) FROM capacity_shard WHERE event_id = ?").param(eventId).query(Integer.class).single())
                .isEqualTo(100);
        // every waitlisted registration has its own place in the queue
        assertThat(jdbc.sql("SELECT count(DISTINCT waitlist_seq) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'")
                .param(eventId).query(Integer.class).single()).isEqualTo(50);
        assertThat(positions).hasSize(50).allMatch(p -> p >= 1 && p <= 50);
    }

    @Test
    void cancellationsPromoteTheWaitlistInArrivalOrder() throws Exception {
        String slug = defineEvent(uniqueSlug("fifo"), eventDefinition(40, 40, 10, 10, 10, 10));
        List<JsonNode> confirmed = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 40; i++) {
            confirmed.add(register(slug, "C" + i, "c" + i + "@example.com"));
        }
        List<String> waitlistedInOrder = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            JsonNode w = register(slug, "W" + i, "w" + i + "@example.com");
            assertThat(w.get("status").asString()).isEqualTo("WAITLISTED");
            waitlistedInOrder.add(w.get("id").asString());
        }
        // 20 cancellations race with 20 newcomers (who must join the back of the queue, not jump it)
        runConcurrently(16, 40, i -> {
            if (i < 20) {
                JsonNode c = confirmed.get(i);
                Response r = call("DELETE", "/api/v1/events/" + slug + "/registrations/" + c.get("id").asString()
                        + "?token=" + c.get("manageToken").asString(), null, null);
                assertThat(r.status()).isEqualTo(200);
            } else {
                Response r = post("/api/v1/events/" + slug + "/registrations", null,
                        Map.of("name", "N" + i, "email", "n" + i + "@example.com"));
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.json().get("status").asString()).isEqualTo("WAITLISTED");
            }
        });
        long eventId = eventId(slug);
        assertThat(count(eventId, "CONFIRMED")).isEqualTo(40);
        assertThat(count(eventId, "CANCELLED")).isEqualTo(20);
        assertThat(count(eventId, "WAITLISTED")).isEqualTo(30);
        // exactly the first 20 of the waitlist were promoted
        for (int i = 0; i < 30; i++) {
            String status = get("/api/v1/events/" + slug + "/registrations/" + waitlistedInOrder.get(i), ADMIN).json().get("status").asString();
            assertThat(status).as("waitlisted #%d", i + 1).isEqualTo(i < 20 ? "CONFIRMED" : "WAITLISTED");
        }
        assertThat(jdbc.sql("SELECT sum(used) FROM capacity_shard WHERE event_id = ?").param(eventId).query(Integer.class).single())
                .isEqualTo(40);
    }

    @Test
    void theSameEmailAtOnceRegistersOnce() throws Exception {
        String slug = defineEvent(uniqueSlug("dupe"), eventDefinition(100, 0, 10, 10, 10, 10));
        AtomicInteger created = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        runConcurrently(16, 64, i -> {
            Response r = post("/api/v1/events/" + slug + "/registrations", null,
                    Map.of("name", "Same", "email", "same+" + (i % 4) + "@example.com"));
            (r.status() == 201 ? created : conflicts).incrementAndGet();
        });
        assertThat(created.get()).isEqualTo(4);
        assertThat(conflicts.get()).isEqualTo(60);
        assertThat(jdbc.sql("SELECT sum(used) FROM capacity_shard WHERE event_id = ?").param(eventId(slug)).query(Integer.class).single())
                .isEqualTo(4);
    }

    private long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private int count(long eventId, String status) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND status = ?").params(eventId, status)
                .query(Integer.class).single();
    }
}
