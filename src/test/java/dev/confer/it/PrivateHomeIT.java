package dev.confer.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged application started as root with its data below a directory only root may enter (root's home, a
 * {@code mktemp -d}): the embedded PostgreSQL runs as {@code nobody}, so its programs must be somewhere nobody
 * can run them, while the data stays where it was asked to be.
 */
class PrivateHomeIT {

    private Path home;
    private ConferJar app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (home != null) {
            ConferJar.deleteRecursively(home);
        }
    }

    @Test
    void startsAsRootFromADirectoryOnlyRootMayEnter() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root runs PostgreSQL as nobody");
        home = Files.createTempDirectory("confer-private-home");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path dataDir = home.resolve("data");
        app = new ConferJar(dataDir, "private-home-it-app.log", Map.of(), home);
        Files.deleteIfExists(app.logFile());
        app.start(Duration.ofMinutes(5)); // a loaded CI machine can take minutes

        String definition = """
                {"name":{"ko":"비공개 홈","en":"Private home"},"timezone":"Asia/Seoul","capacity":10,"waitlist":0,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(app.send("PUT", "/api/v1/events/private-home", definition).statusCode()).isEqualTo(201);
        assertThat(app.send("POST", "/api/v1/events/private-home/registrations",
                "{\"name\":\"Kim\",\"email\":\"kim@example.com\"}").statusCode()).isEqualTo(201);

        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).as("the data stays where it was asked to be").exists();
        assertThat(Files.readString(app.logFile())).contains("closed to other users").doesNotContain("Permission denied")
                .doesNotContain("generated security password");
    }
}
