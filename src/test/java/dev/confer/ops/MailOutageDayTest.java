package dev.confer.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A morning replayed minute by minute through the sync API while a walk-in registers every minute (their confirmation
 * is the day's mail) and a real SMTP server (GreenMail behind a door that answers 421 and drops open connections)
 * refuses from 08:30 to 08:40: the mail backlog alert opens a few event minutes in, closes once SMTP is back, every mail
 * arrives once, and nothing else about mail alerts.
 */
class MailOutageDayTest extends ApiTest {

    private static final String DAY = "2037-05-14";
    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = startSmtp();
    private static final RefusingDoor DOOR = new RefusingDoor(SMTP_PORT);

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", DOOR::port);
        registry.add("confer.mail.poll-interval", () -> "100ms");
        registry.add("confer.mail.retry-delay", () -> "100ms");
        registry.add("confer.mail.max-retry-delay", () -> "300ms");
    }

    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
        DOOR.accept();
    }

    @AfterAll
    static void stopSmtp() {
        DOOR.close();
        SMTP.stop();
    }

    @Test
    void smtpRefusingForTenEventMinutesRaisesTheMailBacklogAlertWhichClosesWhenItIsBack() {
        String slug = defineEvent(uniqueSlug("mailout"), eventDefinition(500, 0, 500, 500, 0, 500));
        long eventId = jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
        List<String> inside = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inside.add(register(slug, "Early " + i, "early" + i + "@" + slug + ".example.com").get("ticket").asString());
        }
        awaitOutboxEmpty(eventId);
        clock.set(OffsetDateTime.parse(DAY + "T10:00:00+09:00").toInstant());

        for (int minute = 0; minute < 60; minute++) {
            if (minute == 30) {
                DOOR.refuse();
            } else if (minute == 40) {
                DOOR.accept();
            }
            String at = String.format("%sT08:%02d:%02d+09:00", DAY, minute, 10);
            JsonNode walkIn = register(slug, "Walk-in " + minute, "walkin" + minute + "@" + slug + ".example.com");
            List<Map<String, Object>> actions = new ArrayList<>();
            actions.add(Map.of("id", UUID.randomUUID().toString(), "kind", "check-in", "at", at, "ticket",
                    walkIn.get("ticket").asString(), "desk", "D01"));
            inside.add(walkIn.get("ticket").asString());
            for (int i = 0; i < 3; i++) {
                actions.add(Map.of("id", UUID.randomUUID().toString(), "kind", "tap", "at", at.replace(":10+", ":" + (20 + i * 10) + "+"),
                        "point", "booth:B0" + (1 + i % 2), "credential", Map.of("ticket", inside.get((minute * 7 + i) % inside.size()))));
            }
            Response sync = post("/api/v1/events/" + slug + "/sync", ADMIN, Map.of("device", "replay", "actions", actions));
            assertThat(sync.status()).as(sync.text()).isEqualTo(200);
            if (minute < 30 || minute >= 40) {
                awaitOutboxEmpty(eventId); // while SMTP accepts, a minute's mail is out before the next minute
            }
        }
        awaitOutboxEmpty(eventId);

        Response answer = get("/api/v1/events/" + slug + "/ops/alerts?day=" + DAY, ADMIN);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> mail = new ArrayList<>();
        answer.json().forEach(a -> {
            if (a.get("signal").asString().equals("mail")) {
                mail.add(a);
            }
        });
        assertThat(mail).as(answer.text()).hasSize(1);
        JsonNode alert = mail.getFirst();
        assertThat(alert.get("subject").asString()).isEqualTo("backlog");
        assertThat(alert.get("kind").asString()).isEqualTo("ABOVE_BAND");
        assertThat(OffsetDateTime.parse(alert.get("openedAt").asString()))
                .isBetween(OffsetDateTime.parse(DAY + "T08:33:00+09:00"), OffsetDateTime.parse(DAY + "T08:38:00+09:00"));
        assertThat(alert.get("closedAt").isNull()).as(alert.toString()).isFalse();
        assertThat(OffsetDateTime.parse(alert.get("closedAt").asString()))
                .isBetween(OffsetDateTime.parse(DAY + "T08:40:00+09:00"), OffsetDateTime.parse(DAY + "T08:44:00+09:00"));

        // every mail arrived once, the refused ones after the outage: each walk-in's confirmation (and the early five's),
        // and the morning reminder, which the scheduler ran when the clock moved to the day
        assertThat(DOOR.refused).as("connections refused").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND kind = 'CONFIRMATION' AND delivered_via = 'smtp'")
                .param(eventId).query(Integer.class).single()).isEqualTo(65);
        int sent = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ?").param(eventId).query(Integer.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND delivered_via = 'smtp'").param(eventId)
                .query(Integer.class).single()).isEqualTo(sent);
        List<String> ids = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : SMTP.getReceivedMessagesForDomain(slug + ".example.com")) {
            ids.add(messageId(message));
        }
        assertThat(ids).hasSize(sent).doesNotHaveDuplicates();
    }

    private static String messageId(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitOutboxEmpty(long eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND sent_at IS NULL").param(eventId)
                .query(Integer.class).single() == 0);
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A TCP door in front of the real SMTP server: open, it relays bytes both ways; refusing, it answers a new
     * connection with {@code 421} and closes it, and drops the connections already open, as a mail server going down.
     */
    static final class RefusingDoor implements AutoCloseable {

        private final ServerSocket listener;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean refusing;
        volatile int refused;

        RefusingDoor(int target) {
            this.target = target;
            try {
                this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofPlatform().daemon(true).name("smtp-door").start(this::serve);
        }

        int port() {
            return listener.getLocalPort();
        }

        void refuse() {
            refusing = true;
            open.forEach(RefusingDoor::closeQuietly);
            open.clear();
        }

        void accept() {
            refusing = false;
        }

        private void let(Socket client) throws IOException {
            if (refusing) {
                refused++;
                client.getOutputStream().write("421 4.3.2 Service not available\r\n".getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            open.add(client);
            open.add(server);
            Thread.ofPlatform().daemon(true).start(() -> pipe(client, server));
            Thread.ofPlatform().daemon(true).start(() -> pipe(server, client));
        }

        private void serve() {
            while (!listener.isClosed()) {
                try {
                    let(listener.accept());
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
