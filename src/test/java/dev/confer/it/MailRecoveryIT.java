package dev.confer.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.notifications.StallingSmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, with its production mail settings (lease, heartbeat, workers), killed with
 * SIGKILL while it sends confirmation mails: every attendee has their mail within 30 s of the restart
 * (or of the kill, when a second instance survives), and at most the one mail on the wire at the moment
 * of the kill arrived twice, with the same Message-ID.
 */
class MailRecoveryIT {

    private static final int ATTENDEES = 100;
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String DEFINITION = """
            {"name":{"ko":"메일 복구","en":"Mail recovery"},"timezone":"Asia/Seoul","capacity":1000,"waitlist":0,
             "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final List<ConferJar> apps = new ArrayList<>();
    private final List<Path> orphanedClusters = new ArrayList<>();
    private StallingSmtpRelay relay;

    @BeforeEach
    void startSmtp() {
        smtp.start();
        // a server that takes 25 ms to answer the end of each mail keeps the sending going long enough to kill it mid-way
        relay = new StallingSmtpRelay(smtp.getSmtp().getPort(), Duration.ofMillis(25));
    }

    @AfterEach
    void stop() throws Exception {
        for (ConferJar app : apps) {
            app.stop();
        }
        for (Path cluster : orphanedClusters) { // the embedded PostgreSQL of an instance that stays dead
            Path pidFile = cluster.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                new ProcessBuilder("kill", "-INT", Files.readAllLines(pidFile).getFirst().trim()).start().waitFor();
            }
        }
        relay.close();
        smtp.stop();
    }

    @Test
    void everyMailGoesOutWithin30SecondsOfARestartAfterAKillMinusNineAndAtMostOneTwice() throws Exception {
        ConferJar app = jar("mail-recovery-it", Map.of());
        app.start();
        registerEveryoneThenSend(app, app);
        app.killMinusNine();
        long killedAt = System.nanoTime();

        app.start();
        long upAt = System.nanoTime();
        long doneAt = awaitEveryone(upAt);
        System.out.printf("mail recovery (restart): restarted in %d ms; all %d mailed %d ms after the restart%n",
                (upAt - killedAt) / 1_000_000, ATTENDEES, (doneAt - upAt) / 1_000_000);
        assertAtMostOneTwice();
    }

    @Test
    void everyMailGoesOutWithin30SecondsOnTheSurvivingInstanceWhenOneOfTwoIsKilled() throws Exception {
        ConferJar first = jar("mail-recovery-two-it", Map.of());
        first.start();
        Path cluster = first.dataDir().resolve("postgres");
        orphanedClusters.add(cluster);
        int port = Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
        ConferJar second = jar("mail-recovery-two-it-b", Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", ""));
        second.start();
        registerEveryoneThenSend(first, second);
        first.killMinusNine();
        long killedAt = System.nanoTime();

        long doneAt = awaitEveryone(killedAt);
        System.out.printf("mail recovery (two instances): all %d mailed %d ms after one of them was killed%n", ATTENDEES,
                (doneAt - killedAt) / 1_000_000);
        assertAtMostOneTwice();
    }

    private ConferJar jar(String name, Map<String, String> environment) throws Exception {
        Path dataDir = Path.of("target", name + "-data").toAbsolutePath();
        ConferJar.deleteRecursively(dataDir);
        Map<String, String> env = new HashMap<>(environment);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(relay.port()));
        ConferJar app = new ConferJar(dataDir, name + "-app.log", env);
        apps.add(app);
        return app;
    }

    /** Registers everyone (alternating between the two instances) with the SMTP server held, then lets a quarter go out. */
    private void registerEveryoneThenSend(ConferJar one, ConferJar other) throws Exception {
        relay.hold(); // nothing is sent until every attendee is registered, however fast or slow this machine is
        assertThat(one.send("PUT", "/api/v1/events/mailkill", DEFINITION).statusCode()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ATTENDEES; i++) {
                int n = i;
                ConferJar app = n % 2 == 0 ? one : other;
                answers.add(pool.submit(() -> app.send("POST", "/api/v1/events/mailkill/registrations",
                        "{\"name\":\"Person " + n + "\",\"email\":\"p" + n + "@mailkill.example.com\",\"locale\":\"en\"}").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        relay.open();
        long waitForSending = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (smtp.getReceivedMessages().length < ATTENDEES / 4 && System.nanoTime() < waitForSending) {
            Thread.sleep(10);
        }
        assertThat(smtp.getReceivedMessages().length).as("mails sent before the kill").isBetween(ATTENDEES / 4, ATTENDEES - 1);
    }

    /** Waits, at most 30 s from {@code from}, until every attendee has a mail; when that happened. */
    private long awaitEveryone(long from) throws Exception {
        long deadline = from + LIMIT.toNanos();
        while (recipients().size() < ATTENDEES && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long doneAt = System.nanoTime();
        assertThat(recipients()).as("every attendee mailed within %s", LIMIT).hasSize(ATTENDEES);
        return doneAt;
    }

    private void assertAtMostOneTwice() throws Exception {
        // a lease and more later nothing more arrives: at most the mail that was on the wire went twice
        Thread.sleep(Duration.ofSeconds(16).toMillis());
        Map<String, List<MimeMessage>> byRecipient = recipients();
        List<String> twice = byRecipient.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        System.out.printf("mail recovery: %d mails in all, sent twice: %s%n", smtp.getReceivedMessages().length, twice);
        assertThat(twice).hasSizeLessThanOrEqualTo(1);
        assertThat(byRecipient.values()).allSatisfy(mails -> assertThat(mails).hasSizeLessThanOrEqualTo(2));
        for (String recipient : twice) {
            List<MimeMessage> copies = byRecipient.get(recipient);
            assertThat(copies.get(1).getMessageID()).as("a resend is recognisably the same mail").isEqualTo(copies.get(0).getMessageID());
        }
    }

    private Map<String, List<MimeMessage>> recipients() throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byRecipient.computeIfAbsent(message.getAllRecipients()[0].toString(), r -> new ArrayList<>()).add(message);
        }
        return byRecipient;
    }
}
