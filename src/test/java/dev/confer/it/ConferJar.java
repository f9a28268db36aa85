package dev.confer.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application ({@code target/confer.jar}) as a separate process, driven over HTTP. */
final class ConferJar {

    static final String TOKEN = "it-organizer";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir;
    private final Path logFile;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final int port = freePort();
    private Process process;

    ConferJar(Path dataDir, String logName, Map<String, String> environment) {
        this(dataDir, logName, environment, Path.of("."));
    }

    /** The jar run from {@code workingDirectory} (the directory a user starts it in). */
    ConferJar(Path dataDir, String logName, Map<String, String> environment, Path workingDirectory) {
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = Path.of("target", logName).toAbsolutePath();
        this.environment = environment;
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    /** Starts the jar and waits until its health answers UP (at most two minutes). */
    void start() throws Exception {
        start(Duration.ofMinutes(2));
    }

    /** Starts the jar and waits until its health answers UP, at most {@code limit}. */
    void start(Duration limit) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", Path.of("target", "confer.jar").toAbsolutePath().toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("CONFER_DATA_DIR", dataDir.toString());
        pb.environment().put("CONFER_ADMIN_TOKEN", TOKEN);
        pb.environment().put("CONFER_DEMO", "false");
        // the tests drive the jar from this machine far faster than a person: no abuse brakes
        pb.environment().put("CONFER_RATE_LIMITS", "off");
        pb.environment().putAll(environment);
        process = pb.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "/actuator/health", null, Duration.ofSeconds(5)).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                throw new AssertionError("the application (pid " + process.pid() + ") exited with " + process.exitValue()
                        + "; see " + logFile);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time; see " + logFile);
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL (a separate process) keeps running. */
    void killMinusNine() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: a clean shutdown also stops the embedded PostgreSQL. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    Path logFile() {
        return logFile;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, Duration.ofSeconds(30));
    }

    HttpResponse<String> send(String method, String path, String body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void deleteRecursively(Path dir) throws IOException {
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

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
