package dev.confer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of full-stack tests: the whole application on a random port against the embedded PostgreSQL,
 * driven over real HTTP. Every test defines its own event (unique slug), so tests share one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfig.class)
public abstract class ApiTest {

    protected static final String ADMIN = "test-admin-token";
    private static final AtomicInteger SLUGS = new AtomicInteger();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    protected int port;

    /** An HTTP answer: status, parsed JSON body (or null) and raw bytes. */
    public record Response(int status, JsonNode json, byte[] raw, java.net.http.HttpHeaders headers) {

        public String text() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    protected Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    protected Response call(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            if (body != null) {
                String payload = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(payload));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode node = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && response.body().length > 0) {
                node = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), node, response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected Response post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SLUGS.incrementAndGet();
    }

    /**
     * A small valid event on 2037-05-14 and 2037-05-15 (Asia/Seoul, doors 08:00–18:00), keynote
     * 10:00–11:30 in two halls, room 301 with one session per day, and booths B01/B02.
     */
    protected static Map<String, Object> eventDefinition(int capacity, int waitlist, int vouchersPerDay,
                                                         int hallSeats, int overflowSeats, int roomCapacity) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", Map.of("ko", "클라우드 서밋 서울 2026", "en", "Cloud Summit Seoul 2026"));
        def.put("timezone", "Asia/Seoul");
        def.put("capacity", capacity);
        def.put("waitlist", waitlist);
        List<Object> days = new ArrayList<>();
        for (String date : List.of("2037-05-14", "2037-05-15")) {
            days.add(Map.of("date", date, "doorsOpen", "08:00", "end", "18:00", "mealVouchers", Math.min(vouchersPerDay, capacity),
                    "keynote", Map.of("start", "10:00", "end", "11:30",
                            "halls", List.of(Map.of("name", "Hall D", "seats", hallSeats),
                                    Map.of("name", "Overflow E1", "seats", overflowSeats)))));
        }
        def.put("days", days);
        def.put("rooms", List.of(Map.of("code", "301", "name", Map.of("ko", "301호", "en", "Room 301"), "capacity", roomCapacity)));
        def.put("tracks", List.of(Map.of("code", "fin", "name", Map.of("ko", "금융 및 핀테크", "en", "Finance & Fintech"))));
        def.put("sessions", List.of(
                session("S101", "2037-05-14", "13:00", "13:40"),
                session("S201", "2037-05-15", "13:00", "13:40")));
        def.put("booths", List.of(Map.of("code", "B01", "sponsor", "ACME Cloud", "location", "A-12"),
                Map.of("code", "B02", "sponsor", Map.of("ko", "한빛 데이터", "en", "Hanbit Data"), "location", "A-14")));
        return def;
    }

    private static Map<String, Object> session(String code, String day, String start, String end) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("title", Map.of("ko", "클라우드 네이티브 금융", "en", "Cloud-native finance"));
        s.put("track", "fin");
        s.put("room", "301");
        s.put("day", day);
        s.put("start", start);
        s.put("end", end);
        s.put("capacity", null);
        s.put("language", "ko");
        s.put("speakers", List.of(Map.of("name", "김서연", "company", "Hanbit Bank")));
        return s;
    }

    protected String defineEvent(String slug, Map<String, Object> definition) {
        Response r = call("PUT", "/api/v1/events/" + slug, ADMIN, definition);
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("defining " + slug + " failed: " + r.status() + " " + r.text());
        }
        awaitEventsHandled(); // the reminders are planned after commit
        return slug;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    /**
     * Waits until every cross-module event published so far has been handled by its after-commit listeners
     * (the event publication registry deletes a publication once its listener finished).
     */
    protected void awaitEventsHandled() {
        org.springframework.jdbc.core.JdbcTemplate sql = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> sql.queryForObject("SELECT count(*) FROM event_publication", Integer.class) == 0);
    }

    protected String staffToken(String slug, String role, String booth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        if (booth != null) {
            body.put("booth", booth);
        }
        Response r = post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, body);
        if (r.status() != 201) {
            throw new AssertionError("staff token failed: " + r.status() + " " + r.text());
        }
        return r.json().get("token").asString();
    }

    /**
     * Registers someone who consents to processing and to sharing their contact with the sponsors whose booths
     * they visit, and returns the 201 body (id, status, ticket, manageToken).
     */
    protected JsonNode register(String slug, String name, String email) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", name, "email", email, "company", "Hanbit", "jobTitle", "Engineer", "locale", "ko",
                        "consents", Map.of("processing", true, "sponsorSharing", true)));
        if (r.status() != 201) {
            throw new AssertionError("registration failed: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    /**
     * Registers a team through the API (the first name is the lead; e-mails made from the names, mails in
     * English) and returns its members as the 201 lists them (id, ticket, manageToken, ...).
     */
    protected List<JsonNode> registerTeam(String slug, String teamName, String... names) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (String name : names) {
            members.add(Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@" + slug + ".example.com"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", teamName);
        body.put("locale", "en");
        body.put("members", members);
        Response r = post("/api/v1/events/" + slug + "/teams", null, body);
        if (r.status() != 201) {
            throw new AssertionError("team registration failed: " + r.status() + " " + r.text());
        }
        List<JsonNode> out = new ArrayList<>();
        r.json().get("members").forEach(out::add);
        return out;
    }

    /** One unit of concurrent work, numbered from 0. */
    public interface Task {
        void run(int i) throws Exception;
    }

    /** Runs {@code tasks} tasks on {@code threads} threads, all released at once; rethrows the first failure. */
    protected static void runConcurrently(int threads, int tasks, Task task) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(n);
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : futures) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
