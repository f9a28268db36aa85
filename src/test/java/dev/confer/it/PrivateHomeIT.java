package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged application started as root with its data below a directory only root may enter (root's home, a
 * {@code mktemp -d}): the embedded PostgreSQL runs as {@code nobody}, so its programs must be somewhere nobody
 * can run them, while the data stays where it was asked to be.
 */
class PrivateHomeIT {

    private static final String TOKEN = "private-home-organizer";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path home;
    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        if (home != null) {
            try (var walk = Files.walk(home)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void startsAsRootFromADirectoryOnlyRootMayEnter() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root runs PostgreSQL as nobody");
        home = Files.createTempDirectory("confer-private-home");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path dataDir = home.resolve("data");
        Path log = Path.of("target", "private-home-it-app.log").toAbsolutePath();
        Files.deleteIfExists(log);
        port = freePort();

        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", Path.of("target", "confer.jar").toAbsolutePath().toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("CONFER_DATA_DIR", dataDir.toString());
        pb.environment().put("CONFER_ADMIN_TOKEN", TOKEN);
        pb.environment().put("CONFER_DEMO", "false");
        app = pb.start();
        awaitUp(log);

        String definition = """
                {"name":{"ko":"비공개 홈","en":"Private home"},"timezone":"Asia/Seoul","capacity":10,"waitlist":0,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(send("PUT", "/api/v1/events/private-home", definition).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/events/private-home/registrations",
                "{\"name\":\"Kim\",\"email\":\"kim@example.com\"}").statusCode()).isEqualTo(201);

        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).as("the data stays where it was asked to be").exists();
        assertThat(Files.readString(log)).contains("closed to other users").doesNotContain("Permission denied")
                .doesNotContain("generated security password");
    }

    private void awaitUp(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!app.isAlive()) {
                throw new AssertionError("the application exited:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time; see " + log);
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
}
