package dev.confer.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.ApiTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that takes a mail and then answers only after four leases: the sender renews its lease
 * meanwhile, so no other sender (another instance) may take the mail, and it goes out once.
 */
class MailLeaseTest extends ApiTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration STALL = LEASE.multipliedBy(4);
    private static final GreenMail SMTP = startSmtp();
    private static final StallingSmtpRelay RELAY = new StallingSmtpRelay(SMTP.getSmtp().getPort(), STALL);

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        registry.add("confer.mail.poll-interval", () -> "200ms");
        registry.add("confer.mail.lease", () -> LEASE.toMillis() + "ms");
        registry.add("confer.mail.heartbeat", () -> "500ms");
    }

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        RELAY.close();
        SMTP.stop();
    }

    @Test
    void aServerThatAnswersTheEndOfAMailOnlyAfterSeveralLeasesGetsItOnce() throws Exception {
        String slug = defineEvent(uniqueSlug("lease"), eventDefinition(10, 5, 10, 10, 10, 10));
        String email = "stalled@" + slug + ".example.com";
        JsonNode registered = registerAs(slug, "Stalled", email, "en");
        UUID registrationId = UUID.fromString(registered.get("id").asString());
        int heldBefore = RELAY.held();

        await().atMost(Duration.ofSeconds(60)).until(() -> RELAY.held() > heldBefore);
        assertThat(mailsTo(email)).as("the server has taken the mail").hasSize(1);
        Timestamp firstLease = claimedUntil(registrationId);
        // while the answer is held back, the mail must never look free to another instance's claim
        long until = System.nanoTime() + STALL.minusMillis(500).toNanos();
        while (System.nanoTime() < until && sentAt(registrationId) == null) {
            assertThat(claimable(registrationId)).as("claimable by a second sender during the stall").isFalse();
            Thread.sleep(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sentAt(registrationId) != null);
        Map<String, Object> row = jdbc.sql("SELECT attempts, delivered_via, claimed_until FROM mail_outbox WHERE registration_id = ?")
                .param(registrationId).query().singleRow();
        assertThat(row).containsEntry("attempts", 0).containsEntry("delivered_via", "smtp").containsEntry("claimed_until", null);
        assertThat(firstLease).isNotNull();

        // two more leases later there is still only the one mail, with the outbox row's Message-ID
        Thread.sleep(LEASE.multipliedBy(2).toMillis());
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        long outboxId = jdbc.sql("SELECT id FROM mail_outbox WHERE registration_id = ?").param(registrationId).query(Long.class).single();
        assertThat(mails.getFirst().getMessageID()).isEqualTo("<confer-mail-" + outboxId + "@localhost>");
    }

    private JsonNode registerAs(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private boolean claimable(UUID registrationId) {
        // the claim's own condition (MailOutbox.claim)
        return jdbc.sql("""
                        SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND sent_at IS NULL AND next_attempt_at <= now()
                          AND (claimed_until IS NULL OR claimed_until < now())""")
                .param(registrationId).query(Integer.class).single() > 0;
    }

    private Timestamp claimedUntil(UUID registrationId) {
        return jdbc.sql("SELECT claimed_until FROM mail_outbox WHERE registration_id = ?").param(registrationId)
                .query(Timestamp.class).optional().orElse(null);
    }

    private Timestamp sentAt(UUID registrationId) {
        return jdbc.sql("SELECT sent_at FROM mail_outbox WHERE registration_id = ?").param(registrationId)
                .query(Timestamp.class).optional().orElse(null);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
