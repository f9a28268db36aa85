package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private static final String TOKEN = "kill9-organizer";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir = Path.of("target", "kill9-it-data").toAbsolutePath();
    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy(); // SIGTERM: a clean shutdown also stops the embedded PostgreSQL
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void acceptedRegistrationsSurviveKillMinusNine() throws Exception {
        deleteRecursively(dataDir);
        port = freePort();
        app = start();
        String definition = """
                {"name":{"ko":"킬 테스트","en":"Kill test"},"timezone":"Asia/Seoul","capacity":150,"waitlist":100,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(send("PUT", "/api/v1/events/kill9", definition).statusCode()).isEqualTo(201);

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger counter = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    int i = counter.incrementAndGet();
                    try {
                        HttpResponse<String> r = send("POST", "/api/v1/events/kill9/registrations",
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
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL in the middle of the rush
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(accepted.size()).isGreaterThanOrEqualTo(100);

        app = start();
        for (String id : accepted) {
            HttpResponse<String> r = send("GET", "/api/v1/events/kill9/registrations/" + id, null);
            assertThat(r.statusCode()).as("registration %s answered 201 before the kill", id).isEqualTo(200);
        }
        JsonNode all = JSON.readTree(send("GET", "/api/v1/events/kill9/registrations?limit=500", null).body());
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
            HttpResponse<String> r = send("POST", "/api/v1/events/kill9/registrations",
                    "{\"name\":\"After " + i + "\",\"email\":\"after" + i + "@example.com\"}");
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201 && JSON.readTree(r.body()).get("status").asString().equals("CONFIRMED")) {
                took++;
            }
        }
        assertThat(took).isEqualTo(free);
    }

    private Process start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", Path.of("target", "confer.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "kill9-it-app.log").toFile()));
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("CONFER_DATA_DIR", dataDir.toString());
        pb.environment().put("CONFER_ADMIN_TOKEN", TOKEN);
        pb.environment().put("CONFER_DEMO", "false");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a loaded CI machine can take minutes
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "/actuator/health", null).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!p.isAlive()) {
                throw new AssertionError("the application exited; see target/kill9-it-app.log");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time; see target/kill9-it-app.log");
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
