package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application killed with SIGKILL in the middle of a registration rush: after a restart on
 * the same data directory every registration that was answered 201 is there, and the capacity
 * counters agree with the rows.
 */
class KillNineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A loaded CI machine can take minutes to start the jar. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private final ConferJar app = new ConferJar(Path.of("target", "kill9-it-data"), "kill9-it-app.log", Map.of());

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void acceptedRegistrationsSurviveKillMinusNine() throws Exception {
        ConferJar.deleteRecursively(app.dataDir());
        app.start(START_LIMIT);
        String definition = """
                {"name":{"ko":"킬 테스트","en":"Kill test"},"timezone":"Asia/Seoul","capacity":150,"waitlist":100,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(app.send("PUT", "/api/v1/events/kill9", definition).statusCode()).isEqualTo(201);

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger counter = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    int i = counter.incrementAndGet();
                    try {
                        HttpResponse<String> r = app.send("POST", "/api/v1/events/kill9/registrations",
                                "{\"name\":\"Person " + i + "\",\"email\":\"p" + i + "@example.com\"}");
                        if (r.statusCode() == 201) {
                            accepted.add(JSON.readTree(r.body()).get("id").asString());
                        }
                    } catch (Exception e) {
                        // the server died under us: this one was not accepted
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (accepted.size() < 120 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        app.killMinusNine(); // in the middle of the rush
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(accepted.size()).isGreaterThanOrEqualTo(100);

        app.start(START_LIMIT);
        for (String id : accepted) {
            HttpResponse<String> r = app.send("GET", "/api/v1/events/kill9/registrations/" + id, null);
            assertThat(r.statusCode()).as("registration %s answered 201 before the kill", id).isEqualTo(200);
        }
        JsonNode all = JSON.readTree(app.send("GET", "/api/v1/events/kill9/registrations?limit=500", null).body());
        int confirmed = 0;
        int waitlisted = 0;
        for (JsonNode r : all) {
            if (r.get("status").asString().equals("CONFIRMED")) confirmed++;
            if (r.get("status").asString().equals("WAITLISTED")) waitlisted++;
        }
        assertThat(confirmed).isLessThanOrEqualTo(150);
        assertThat(waitlisted).isLessThanOrEqualTo(100);
        assertThat(confirmed + waitlisted).isGreaterThanOrEqualTo(accepted.size());
        // after the restart the counters still match the rows: exactly the free places can be taken
        int free = 150 - confirmed;
        int took = 0;
        for (int i = 0; i < free + 5; i++) {
            HttpResponse<String> r = app.send("POST", "/api/v1/events/kill9/registrations",
                    "{\"name\":\"After " + i + "\",\"email\":\"after" + i + "@example.com\"}");
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201 && JSON.readTree(r.body()).get("status").asString().equals("CONFIRMED")) {
                took++;
            }
        }
        assertThat(took).isEqualTo(free);
    }
}
