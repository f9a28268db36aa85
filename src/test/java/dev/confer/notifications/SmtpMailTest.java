package dev.confer.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.ApiTest;
import dev.confer.ConferApplication;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.NewRegistration;
import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import dev.confer.registration.Registrations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mails through a real SMTP server (GreenMail) on a free port. */
class SmtpMailTest extends ApiTest {

    private static final int SMTP_PORT = freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static volatile GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("confer.mail.poll-interval", () -> "200ms");
        registry.add("confer.mail.retry-delay", () -> "200ms");
        registry.add("confer.mail.max-retry-delay", () -> "1s");
        registry.add("confer.mail.workers", () -> "3");
        registry.add("confer.mail.public-url", () -> "https://confer.example");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailWorker worker;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MailSettings settings;
    @Autowired
    EventCatalog events;
    @Autowired
    Registrations registrations;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void confirmationArrivesOnceInTheAttendeesLanguageWithTheTicketAsInlineQr() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(10, 5, 10, 10, 10, 10));
        JsonNode ko = registerAs(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        JsonNode en = registerAs(slug, "Alice <Admin> & Co", "alice@" + slug + ".example.com", "en");

        MimeMessage koMail = awaitOnlyMailTo("minjun@" + slug + ".example.com");
        MimeMessage enMail = awaitOnlyMailTo("alice@" + slug + ".example.com");

        assertThat(koMail.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 등록이 확정되었습니다");
        assertThat(enMail.getSubject()).isEqualTo("[Cloud Summit Seoul 2026] Your registration is confirmed");
        assertThat(enMail.getFrom()[0].toString()).contains("no-reply@confer.local");
        long enRow = row(en).id();
        assertThat(enMail.getMessageID()).isEqualTo("<confer-mail-" + enRow + "@confer.example>");

        MailParts koParts = MailParts.of(koMail);
        assertThat(koParts.contentType()).startsWith("multipart/");
        assertThat(koParts.text()).contains("김민준님, 안녕하세요.", "참가 등록이 확정되었습니다", "2037년 5월 14일 (목)", "입장 08:00부터",
                ko.get("ticket").asString());
        assertThat(koParts.html()).contains("lang=\"ko\"", "내 티켓", "src=\"cid:qr\"");
        assertThat(koParts.inlineContentId()).isEqualTo("<qr>");
        assertThat(MailParts.decodeQr(koParts.inlinePng())).isEqualTo(ko.get("ticket").asString());

        MailParts enParts = MailParts.of(enMail);
        String myTicket = "https://confer.example/e/" + slug + "/my-ticket/" + en.get("id").asString()
                + "?token=" + en.get("manageToken").asString();
        assertThat(enParts.text()).contains("Hello Alice <Admin> & Co,", "Your place at Cloud Summit Seoul 2026 is confirmed.",
                "Thursday, May 14, 2037, doors open 08:00", en.get("ticket").asString(), myTicket, "cancel");
        assertThat(enParts.html()).contains("Hello Alice &lt;Admin&gt; &amp; Co,").doesNotContain("<Admin>")
                .contains("My ticket", myTicket.replace("&", "&amp;"));
        assertThat(MailParts.decodeQr(enParts.inlinePng())).isEqualTo(en.get("ticket").asString());

        OutboxRow stored = row(en);
        assertThat(stored.deliveredVia()).isEqualTo("smtp");
        assertThat(stored.recipient()).isEqualTo("alice@" + slug + ".example.com");
        assertThat(stored.subject()).isEqualTo(enMail.getSubject());
        assertThat(stored.attempts()).isZero();
    }

    @Test
    void theConfirmationCarriesTheVenueAMapLinkAndACalendarFileOfTheEventDays() throws Exception {
        Map<String, Object> definition = new java.util.HashMap<>(eventDefinition(10, 5, 10, 10, 10, 10));
        definition.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX"),
                "address", Map.of("ko", "서울특별시 강남구 영동대로 513", "en", "513 Yeongdong-daero, Seoul"),
                "mapUrl", "https://maps.example/coex?a=1&b=2"));
        String slug = defineEvent(uniqueSlug("mail-venue"), definition);
        registerAs(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        registerAs(slug, "Ann Lee", "ann@" + slug + ".example.com", "en");

        MailParts ko = MailParts.of(awaitOnlyMailTo("minjun@" + slug + ".example.com"));
        assertThat(ko.text()).contains("장소", "코엑스", "서울특별시 강남구 영동대로 513", "지도 열기: https://maps.example/coex?a=1&b=2");
        assertThat(ko.html()).contains("코엑스", "href=\"https://maps.example/coex?a=1&amp;b=2\"", "내 티켓");
        MailParts en = MailParts.of(awaitOnlyMailTo("ann@" + slug + ".example.com"));
        assertThat(en.text()).contains("Where", "COEX", "513 Yeongdong-daero, Seoul", "Open the map: https://maps.example/coex?a=1&b=2");
        assertThat(en.calendarFileName()).endsWith(".ics");

        for (MailParts mail : List.of(ko, en)) {
            net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                    .build(new java.io.StringReader(mail.calendar()));
            calendar.validate();
            List<net.fortuna.ical4j.model.component.CalendarComponent> days =
                    calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
            assertThat(days).hasSize(2); // the two event days; nothing starred yet
            String location = days.getFirst().getProperty(net.fortuna.ical4j.model.Property.LOCATION).orElseThrow().getValue();
            assertThat(location).isIn("코엑스, 서울특별시 강남구 영동대로 513", "COEX, 513 Yeongdong-daero, Seoul");
            assertThat(days.getFirst().getProperty(net.fortuna.ical4j.model.Property.DTSTART).orElseThrow().toString())
                    .contains("20370514T080000");
            assertThat(days.getFirst().getProperty(net.fortuna.ical4j.model.Property.DESCRIPTION).orElseThrow().getValue())
                    .contains("https://maps.example/coex?a=1&b=2");
        }
    }

    @Test
    void waitlistMailThenPromotionMailWhenAPlaceIsCancelled() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(1, 5, 10, 10, 10, 10));
        JsonNode first = registerAs(slug, "First", "first@" + slug + ".example.com", "en");
        awaitOnlyMailTo("first@" + slug + ".example.com");
        JsonNode waiting = registerAs(slug, "이서준", "seojun@" + slug + ".example.com", "ko");
        MimeMessage waitlisted = awaitOnlyMailTo("seojun@" + slug + ".example.com");
        assertThat(waitlisted.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 대기자 명단에 등록되었습니다 (1번)");
        assertThat(MailParts.of(waitlisted).text()).contains("대기자 명단 1번");

        Response cancelled = call("DELETE", "/api/v1/events/" + slug + "/registrations/" + first.get("id").asString()
                + "?token=" + first.get("manageToken").asString(), null, null);
        assertThat(cancelled.status()).isEqualTo(200);

        List<MimeMessage> mails = awaitMailsTo("seojun@" + slug + ".example.com", 2);
        MimeMessage promotion = mails.get(1);
        assertThat(promotion.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 좋은 소식입니다: 참가가 확정되었습니다");
        MailParts parts = MailParts.of(promotion);
        assertThat(parts.text()).contains("자리가 생겨", waiting.get("ticket").asString());
        assertThat(MailParts.decodeQr(parts.inlinePng())).isEqualTo(waiting.get("ticket").asString());
        assertThat(jdbc.sql("SELECT kind FROM mail_outbox WHERE registration_id = ? ORDER BY id")
                .param(UUID.fromString(waiting.get("id").asString())).query(String.class).list())
                .containsExactly("WAITLIST", "PROMOTION");
    }

    @Test
    void whileSmtpIsDownTheMailIsRetriedWithBackOffAndDeliveredOnceItIsBack() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(10, 5, 10, 10, 10, 10));
        String email = "patient@" + slug + ".example.com";
        smtp.stop();
        JsonNode registered;
        try {
            registered = registerAs(slug, "Patient", email, "en");
            await().atMost(PATIENCE).until(() -> row(registered).attempts() >= 3);
            OutboxRow failing = row(registered);
            assertThat(failing.sentAt()).isNull();
            assertThat(failing.lastError()).contains("Connection refused");
            // each wait is twice the one before, read from the row as the worker left it
            Map<String, Object> timing = jdbc.sql("""
                            SELECT attempts, (extract(epoch FROM next_attempt_at - last_attempt_at) * 1000)::bigint AS wait_ms
                            FROM mail_outbox WHERE registration_id = ?""")
                    .param(UUID.fromString(registered.get("id").asString())).query().singleRow();
            int attempts = ((Number) timing.get("attempts")).intValue();
            assertThat(((Number) timing.get("wait_ms")).longValue()).isEqualTo(settings.retryDelayAfter(attempts).toMillis());
            assertThat(settings.retryDelayAfter(2)).isEqualTo(settings.retryDelayAfter(1).multipliedBy(2));
        } finally {
            smtp = startSmtp();
        }
        MimeMessage mail = awaitOnlyMailTo(email);
        assertThat(mail.getSubject()).contains("Your registration is confirmed");
        OutboxRow delivered = row(registered);
        assertThat(delivered.deliveredVia()).isEqualTo("smtp");
        assertThat(delivered.attempts()).isGreaterThanOrEqualTo(3);
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    void theMailRowIsWrittenInTheRegisteringTransactionAndGoesIfItRollsBack() {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(10, 5, 10, 10, 10, 10));
        EventSchedule event = events.require(slug);
        RegistrationId rolledBack = new TransactionTemplate(transactions).execute(tx -> {
            RegistrationId id = registrations.register(event, new NewRegistration("Rolled Back", "rb@" + slug + ".example.com",
                    null, null, "en"), Language.EN).attendee().id();
            assertThat(outboxRows(id)).as("the mail row is written with the registration (mail_outbox is the outbox)").isEqualTo(1);
            assertThat(publications(id)).as("no event publication row on the registration path").isZero();
            tx.setRollbackOnly();
            return id;
        });
        assertThat(publications(rolledBack)).isZero();
        assertThat(outboxRows(rolledBack)).isZero();

        JsonNode kept = registerAs(slug, "Kept", "kept@" + slug + ".example.com", "en");
        Response duplicate = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Kept again", "email", "KEPT@" + slug + ".example.com", "locale", "en"));
        assertThat(duplicate.status()).isEqualTo(409);
        awaitOnlyMailTo("kept@" + slug + ".example.com");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = ?").param(event.id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(row(kept).deliveredVia()).isEqualTo("smtp");
    }

    @Test
    void aMailWrittenWhileTheWorkerIsStoppedIsDeliveredByAFreshApplicationOnTheSameDatabase() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(10, 5, 10, 10, 10, 10));
        String email = "restart@" + slug + ".example.com";
        worker.stop();
        try {
            JsonNode registered = registerAs(slug, "Restart", email, "en");
            assertThat(row(registered).sentAt()).isNull();
            try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(ConferApplication.class)
                    .properties("server.port=0", "spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT,
                            "confer.mail.poll-interval=200ms")
                    .run()) {
                MimeMessage mail = awaitOnlyMailTo(email);
                assertThat(MailParts.decodeQr(MailParts.of(mail).inlinePng())).isEqualTo(registered.get("ticket").asString());
            }
            assertThat(row(registered).deliveredVia()).isEqualTo("smtp");
        } finally {
            worker.start();
        }
    }

    @Test
    void aClaimIsHonouredUntilItsLeaseRunsOutThenTheMailIsSentOnce() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(10, 5, 10, 10, 10, 10));
        String email = "lease@" + slug + ".example.com";
        worker.stop();
        List<Long> claimedByTheCrashedWorker = new ArrayList<>();
        try {
            JsonNode registered = registerAs(slug, "Lease", email, "en");
            long id = row(registered).id();
            // a worker claims the mail and dies before sending it
            outbox.claim(1000, Duration.ofHours(1)).forEach(m -> claimedByTheCrashedWorker.add(m.id()));
            assertThat(claimedByTheCrashedWorker).contains(id);

            worker.deliverDue();
            assertThat(row(registered).sentAt()).as("still leased to the dead worker").isNull();

            jdbc.sql("UPDATE mail_outbox SET claimed_until = now() - interval '1 second' WHERE id = ?").param(id).update();
            worker.deliverDue();
            assertThat(row(registered).sentAt()).isNotNull();
            assertThat(mailsTo(email)).hasSize(1);
        } finally {
            jdbc.sql("UPDATE mail_outbox SET claimed_until = NULL WHERE id = ANY(?) AND sent_at IS NULL")
                    .param(claimedByTheCrashedWorker.toArray(Long[]::new)).update();
            worker.start();
        }
    }

    @Test
    void concurrentRegistrationsGetExactlyOneMailEach() throws Exception {
        String slug = defineEvent(uniqueSlug("mail"), eventDefinition(150, 100, 10, 10, 10, 10));
        EventSchedule event = events.require(slug);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                jobs.add(() -> post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Person " + n,
                        "email", "p" + n + "@" + slug + ".example.com", "locale", n % 2 == 0 ? "ko" : "en")).status());
            }
            for (Future<Integer> status : pool.invokeAll(jobs)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // every send happens before its row is marked, so once all rows are settled no send is still under way
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "SELECT count(*) FROM mail_outbox WHERE event_id = ? AND sent_at IS NOT NULL AND claimed_until IS NULL")
                .param(event.id()).query(Integer.class).single() == 200);
        assertThat(jdbc.sql("SELECT kind, count(*) FROM mail_outbox WHERE event_id = ? GROUP BY kind").param(event.id())
                .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactlyInAnyOrder("CONFIRMATION=150", "WAITLIST=50");

        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().endsWith("@" + slug + ".example.com")) {
                    recipients.add(to.toString());
                }
            }
        }
        assertThat(recipients).hasSize(200);
        assertThat(new HashSet<>(recipients)).hasSize(200);
    }

    /**
     * Issue 13 points 2 and 3: the holder of a lab's only reserved seat is cancelled; the seat passes to the first
     * waiting, who gets a mail in their language saying which lab, when and where, once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void movingUpFromALabWaitlistSendsAMailInTheAttendeesLanguage() throws Exception {
        Map<String, Object> def = eventDefinition(10, 5, 10, 10, 10, 10);
        List<Object> sessions = new ArrayList<>((List<Object>) def.get("sessions"));
        Map<String, Object> lab = new java.util.HashMap<>((Map<String, Object>) sessions.get(0));
        lab.put("type", "LAB");
        lab.put("preRegistration", Map.of("seats", 1));
        sessions.set(0, lab);
        def.put("sessions", sessions);
        String slug = defineEvent(uniqueSlug("mail-lab"), def);
        JsonNode holder = registerAs(slug, "Alice", "alice@" + slug + ".example.com", "en");
        JsonNode waiting = registerAs(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        for (JsonNode who : List.of(holder, waiting)) {
            Response r = call("PUT", "/api/v1/events/" + slug + "/registrations/" + who.get("id").asString() + "/labs/S101?token="
                    + who.get("manageToken").asString(), null, null);
            assertThat(r.status()).as(r.text()).isIn(200, 201);
        }
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + holder.get("id").asString(), ADMIN, null).status())
                .isEqualTo(200);

        List<MimeMessage> mails = awaitMailsTo("minjun@" + slug + ".example.com", 2); // the confirmation, then the seat
        MimeMessage seat = mails.stream().filter(m -> {
            try {
                return m.getSubject().contains("실습");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(seat.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 실습 좌석이 배정되었습니다: 클라우드 네이티브 금융");
        assertThat(MailParts.of(seat).text()).contains("김민준님, 안녕하세요.", "대기 순서가 되어", "2037년 5월 14일 (목) 13:00–13:40",
                "301호", "내 티켓에서 좌석을 양보");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND kind = 'LAB_SEAT'")
                .param(UUID.fromString(holder.get("id").asString())).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT ref FROM mail_outbox WHERE registration_id = ? AND kind = 'LAB_SEAT'")
                .param(UUID.fromString(waiting.get("id").asString())).query(String.class).list()).containsExactly("S101");
    }

    // ---------------------------------------------------------------------------------------------

    record OutboxRow(long id, int attempts, java.sql.Timestamp sentAt, String deliveredVia, String recipient,
                     String subject, String lastError) {
    }

    private OutboxRow row(JsonNode registration) {
        awaitEventsHandled(); // the mail is queued after the registration committed
        return jdbc.sql("""
                        SELECT id, attempts, sent_at, delivered_via, recipient, subject, last_error FROM mail_outbox
                        WHERE registration_id = ? ORDER BY id LIMIT 1""")
                .param(UUID.fromString(registration.get("id").asString()))
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .single();
    }

    private int outboxRows(RegistrationId registrationId) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE registration_id = ?").param(registrationId.value())
                .query(Integer.class).single();
    }

    private int publications(RegistrationId registrationId) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + registrationId + "%").query(Integer.class).single();
    }

    private JsonNode registerAs(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static List<MimeMessage> mailsTo(String email) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(email))) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits for {@code count} mails to one recipient, and then makes sure no further copy is on its way. */
    private List<MimeMessage> awaitMailsTo(String email, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(email).size() >= count);
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM mail_outbox o JOIN registration r ON r.id = o.registration_id
                        WHERE lower(r.email) = lower(?) AND (o.sent_at IS NULL OR o.claimed_until IS NOT NULL)""")
                .param(email).query(Integer.class).single() == 0);
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("mails to " + email).hasSize(count);
        return mails;
    }

    private MimeMessage awaitOnlyMailTo(String email) {
        return awaitMailsTo(email, 1).getFirst();
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
}
