package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A door device's queue synced to the packaged application, which is killed with SIGKILL while a batch is in flight:
 * the device never got that answer, so after the restart it sends everything again with the same action ids. Every
 * check-in and every tap counts once: 150 check-ins, a 100-seat room with 100 admitted and 50 over capacity.
 */
class SyncResendIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int PEOPLE = 150;
    private final ConferJar app = new ConferJar(Path.of("target", "sync-resend-it-data"), "sync-resend-it-app.log", Map.of());

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void aSyncResentAfterKillMinusNineCountsOnce() throws Exception {
        ConferJar.deleteRecursively(app.dataDir());
        app.start(START_LIMIT);
        // every scan happened a quarter of an hour ago, within one second: one event day, one all-day session
        Instant base = Instant.now().minus(Duration.ofMinutes(15));
        LocalDate day = base.atZone(SEOUL).toLocalDate();
        String definition = """
                {"name":{"ko":"동기화 테스트","en":"Sync test"},"timezone":"Asia/Seoul","capacity":400,"waitlist":0,
                 "days":[{"date":"%1$s","doorsOpen":"00:00","end":"23:59","mealVouchers":400}],
                 "rooms":[{"code":"301","name":{"ko":"301호","en":"Room 301"},"capacity":100}],
                 "tracks":[{"code":"t","name":{"ko":"트랙","en":"Track"}}],
                 "sessions":[{"code":"S1","title":{"ko":"세션","en":"Session"},"track":"t","room":"301","day":"%1$s",
                              "start":"00:00","end":"23:59","language":"ko","speakers":[{"name":"김서연"}]}]}""".formatted(day);
        HttpResponse<String> defined = app.send("PUT", "/api/v1/events/sync9", definition);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);

        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            HttpResponse<String> r = app.send("POST", "/api/v1/events/sync9/registrations",
                    "{\"name\":\"Person " + i + "\",\"email\":\"p" + i + "@example.com\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            tickets.add(JSON.readTree(r.body()).get("ticket").asString());
        }
        // the desk's check-ins and the door's offline admissions, each with its own id and scan time
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Map<String, Object> checkIn = action("check-in", base.plusMillis(i));
            checkIn.put("ticket", tickets.get(i));
            checkIn.put("desk", "it");
            first.add(checkIn);
        }
        for (int i = 0; i < PEOPLE; i++) {
            Map<String, Object> tap = action("tap", base.plusMillis(500 + i));
            tap.put("tapId", tap.get("id"));
            tap.put("point", "session:S1");
            tap.put("credential", Map.of("ticket", tickets.get(i)));
            (i < PEOPLE / 2 ? first : second).add(tap);
        }
        HttpResponse<String> answered = sync(first);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        for (JsonNode r : JSON.readTree(answered.body()).get("results")) {
            assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(200);
        }

        // the second batch is in flight when the application is killed: its answer never reaches the device
        CompletableFuture<Integer> lost = CompletableFuture.supplyAsync(() -> {
            try {
                return sync(second).statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        Thread.sleep(50);
        app.killMinusNine();
        lost.join();

        app.start(START_LIMIT);
        for (List<Map<String, Object>> batch : List.of(first, second, first)) { // everything the device holds, again
            HttpResponse<String> again = sync(batch);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            for (JsonNode r : JSON.readTree(again.body()).get("results")) {
                assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(200);
            }
        }

        JsonNode stats = JSON.readTree(app.send("GET", "/api/v1/events/sync9/stats", null).body());
        JsonNode s1 = stats.get("sessions").get(0);
        assertThat(s1.get("admitted").asInt()).as(stats.toString()).isEqualTo(100);
        assertThat(s1.get("overCapacity").asInt()).as(stats.toString()).isEqualTo(PEOPLE - 100);
        assertThat(stats.get("days").get(0).get("checkedIn").asInt()).as("each check-in once").isEqualTo(PEOPLE);
    }

    private static Map<String, Object> action(String kind, Instant at) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", UUID.randomUUID().toString());
        a.put("kind", kind);
        a.put("at", at.atZone(SEOUL).toOffsetDateTime().toString());
        return a;
    }

    private HttpResponse<String> sync(List<Map<String, Object>> actions) throws Exception {
        return app.send("POST", "/api/v1/events/sync9/sync", JSON.writeValueAsString(Map.of("device", "door-it", "actions", actions)));
    }
}
