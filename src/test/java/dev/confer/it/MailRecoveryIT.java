package dev.confer.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.notifications.StallingSmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
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
 * SIGKILL while it sends confirmation mails: after a restart every attendee has their mail within 30 s,
 * and at most the one mail on the wire at the moment of the kill arrived twice (with the same Message-ID).
 */
class MailRecoveryIT {

    private static final int ATTENDEES = 200;
    private static final Duration AFTER_RESTART = Duration.ofSeconds(30);

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private StallingSmtpRelay relay;
    private ConferJar app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (relay != null) {
            relay.close();
        }
        smtp.stop();
    }

    @Test
    void everyMailGoesOutAfterAKillMinusNineAndAtMostOneTwice() throws Exception {
        smtp.start();
        // a server that takes 25 ms to answer the end of each mail keeps the sending going long enough to kill it mid-way
        relay = new StallingSmtpRelay(smtp.getSmtp().getPort(), Duration.ofMillis(25));
        Path dataDir = Path.of("target", "mail-recovery-it-data");
        ConferJar.deleteRecursively(dataDir.toAbsolutePath());
        app = new ConferJar(dataDir, "mail-recovery-it-app.log",
                Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(relay.port())));
        app.start();
        String definition = """
                {"name":{"ko":"메일 복구","en":"Mail recovery"},"timezone":"Asia/Seoul","capacity":1000,"waitlist":0,
                 "days":[{"date":"2037-05-14","doorsOpen":"08:00","end":"18:00","mealVouchers":10}]}""";
        assertThat(app.send("PUT", "/api/v1/events/mailkill", definition).statusCode()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ATTENDEES; i++) {
                int n = i;
                answers.add(pool.submit(() -> app.send("POST", "/api/v1/events/mailkill/registrations",
                        "{\"name\":\"Person " + n + "\",\"email\":\"p" + n + "@mailkill.example.com\",\"locale\":\"en\"}").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        long waitForSending = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (smtp.getReceivedMessages().length < ATTENDEES / 4 && System.nanoTime() < waitForSending) {
            Thread.sleep(10);
        }
        int beforeKill = smtp.getReceivedMessages().length;
        assertThat(beforeKill).as("mails sent before the kill").isBetween(ATTENDEES / 4, ATTENDEES - 1);
        app.killMinusNine();
        long killedAt = System.nanoTime();

        app.start();
        long upAt = System.nanoTime();
        long deadline = upAt + AFTER_RESTART.toNanos();
        while (recipients().size() < ATTENDEES && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long doneAt = System.nanoTime();
        Map<String, List<MimeMessage>> byRecipient = recipients();
        System.out.printf("mail recovery: %d of %d mails before the kill; restarted in %d ms; all %d mailed %d ms after the restart"
                        + " (%d ms after the kill)%n", beforeKill, ATTENDEES, (upAt - killedAt) / 1_000_000, byRecipient.size(),
                (doneAt - upAt) / 1_000_000, (doneAt - killedAt) / 1_000_000);
        assertThat(byRecipient).as("every attendee mailed within %s of the restart", AFTER_RESTART).hasSize(ATTENDEES);

        // a further lease later nothing more arrives: at most the mail that was on the wire went twice
        Thread.sleep(Duration.ofSeconds(16).toMillis());
        byRecipient = recipients();
        List<String> twice = byRecipient.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        System.out.printf("mail recovery: %d mails in all, sent twice: %s%n", smtp.getReceivedMessages().length, twice);
        assertThat(twice).hasSizeLessThanOrEqualTo(1);
        assertThat(byRecipient.values()).allSatisfy(mails -> assertThat(mails).hasSizeLessThanOrEqualTo(2));
        for (String recipient : twice) {
            List<MimeMessage> copies = byRecipient.get(recipient);
            assertThat(copies.get(1).getMessageID()).as("a resend is recognisably the same mail").isEqualTo(copies.get(0).getMessageID());
        }
        HttpResponse<String> health = app.send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private Map<String, List<MimeMessage>> recipients() throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byRecipient.computeIfAbsent(message.getAllRecipients()[0].toString(), r -> new ArrayList<>()).add(message);
        }
        return byRecipient;
    }
}
