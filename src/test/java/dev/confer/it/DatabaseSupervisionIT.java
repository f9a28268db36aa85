package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL's postmaster killed with SIGKILL under the running application: health says
 * DOWN (each probe answered within a load balancer's 2 s probe timeout), and once PostgreSQL can start
 * again Confer has restarted it on the same data and port and answers again, without an application restart.
 */
class DatabaseSupervisionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private ConferJar app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aKilledPostmasterIsNoticedAndRestartedWithoutRestartingTheApplication() throws Exception {
        Path dataDir = Path.of("target", "pg-supervision-it-data").toAbsolutePath();
        ConferJar.deleteRecursively(dataDir);
        app = new ConferJar(dataDir, "pg-supervision-it-app.log", Map.of());
        app.start();
        String definition = """
                {"name":{"ko":"감시","en":"Watchdog"},"timezone":"Asia/Seoul","capacity":100,"waitlist":0,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(app.send("PUT", "/api/v1/events/watchdog", definition).statusCode()).isEqualTo(201);
        String before = register("before");

        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        long pid = Long.parseLong(pidFile.get(0).trim());
        int port = Integer.parseInt(pidFile.get(3).trim());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        long killedAt = System.nanoTime();
        waitUntil(Duration.ofSeconds(10), () -> !alive(pid));

        // keep PostgreSQL's port taken for a while, so the outage lasts long enough to be seen by a probe;
        // a listener that never answers is also the worst case for the health check (a connection that hangs)
        Long downAt = null;
        try (ServerSocket squatter = bindWithin(port, Duration.ofSeconds(5))) {
            long probing = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (downAt == null && System.nanoTime() < probing) {
                try {
                    if (app.send("GET", "/actuator/health", null, PROBE_TIMEOUT).statusCode() == 503) {
                        downAt = System.nanoTime();
                    }
                } catch (IOException e) {
                    // no answer within the probe timeout: a load balancer would count that as a failure too
                }
            }
            assertThat(downAt).as("health answered DOWN within the %s probe timeout", PROBE_TIMEOUT).isNotNull();
        }
        long releasedAt = System.nanoTime();

        // the watchdog starts PostgreSQL again and the pool reconnects: the API answers within 30 s
        waitUntil(Duration.ofSeconds(30), () -> {
            try {
                return app.send("GET", "/api/v1/events/watchdog/registrations/" + before, null, Duration.ofSeconds(5)).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        long backAt = System.nanoTime();
        System.out.printf("postgres supervision: health DOWN %d ms after the kill; API back %d ms after the port was free%n",
                (downAt - killedAt) / 1_000_000, (backAt - releasedAt) / 1_000_000);
        register("after");
        assertThat(app.send("GET", "/actuator/health", null, PROBE_TIMEOUT).statusCode()).isEqualTo(200);
        List<String> restarted = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        assertThat(Long.parseLong(restarted.get(0).trim())).as("a new postmaster").isNotEqualTo(pid);
        assertThat(Integer.parseInt(restarted.get(3).trim())).as("on the same port").isEqualTo(port);
    }

    private String register(String name) throws Exception {
        HttpResponse<String> r = app.send("POST", "/api/v1/events/watchdog/registrations",
                "{\"name\":\"" + name + "\",\"email\":\"" + name + "@watchdog.example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(r.body());
        return json.get("id").asString();
    }

    private static ServerSocket bindWithin(int port, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    /** Alive and not a zombie left unreaped by its parent. */
    private static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration limit, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited %s", limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
