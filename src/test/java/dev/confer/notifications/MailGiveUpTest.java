package dev.confer.notifications;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A mail that keeps failing is not retried for ever: after the last attempt it is settled as failed. */
class MailGiveUpTest extends ApiTest {

    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("confer.mail.poll-interval", () -> "100ms");
        registry.add("confer.mail.retry-delay", () -> "100ms");
        registry.add("confer.mail.max-retry-delay", () -> "200ms");
        registry.add("confer.mail.max-attempts", () -> "3");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterTheLastAttemptTheMailIsSettledAsFailedAndShownAtDevMail() {
        String slug = defineEvent(uniqueSlug("giveup"), eventDefinition(10, 5, 10, 10, 10, 10));
        JsonNode registered = register(slug, "Unlucky", "unlucky@" + slug + ".example.com");
        UUID id = UUID.fromString(registered.get("id").asString());

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(
                jdbc.sql("SELECT delivered_via FROM mail_outbox WHERE registration_id = ?").param(id)
                        .query(String.class).optional().orElse(null)));
        Map<String, Object> row = jdbc.sql("SELECT attempts, last_error, sent_at FROM mail_outbox WHERE registration_id = ?")
                .param(id).query().singleRow();
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("Connection refused");
        assertThat(row.get("sent_at")).isNotNull();

        JsonNode listed = get("/dev/mail?event=" + slug, ADMIN).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("deliveredVia").asString()).isEqualTo("failed");
    }

    /** A port nothing listens on: connections are refused at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
