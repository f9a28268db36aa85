package dev.confer.notifications;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.confer.ApiTest;
import dev.confer.ConferApplication;
import dev.confer.TestClock;
import dev.confer.shared.RegistrationId;
import dev.confer.agenda.StarredSessionSoon;
import dev.confer.events.EventCatalog;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reminder mails over real SMTP (GreenMail), with time moved by the test clock: who gets which reminder,
 * exactly once; moved and removed days; reminders missed while the application was down; mails that
 * waited too long; the organizer's view. Events are in 2027 so that the real clock never reaches them.
 */
class ReminderMailTest extends ApiTest {

    static final int SMTP_PORT = freePort();
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("confer.mail.poll-interval", () -> "200ms");
        registry.add("confer.mail.public-url", () -> "https://confer.example");
    }

    @Autowired
    TestClock clock;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailWorker worker;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    ReminderRunner runner;
    @Autowired
    EventCatalog events;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext second;

    @AfterEach
    void realTimeAgain() throws Exception {
        clock.reset();
        worker.start();
        if (second != null) {
            second.close();
            second = null;
        }
    }

    /** A second Confer on the same database and SMTP server, with the real clock (as TwoInstancesTest starts it). */
    private int startSecondInstance() {
        second = new SpringApplicationBuilder(ConferApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.datasource.url", environment.getProperty("spring.datasource.url"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "confer.admin-token", ADMIN,
                "confer.demo", "false",
                "confer.data-dir", "target/test-data-second-instance",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(SMTP_PORT),
                "confer.mail.poll-interval", "200ms")).run();
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    private int put(int toPort, String path, String body) throws Exception {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + toPort + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theDayBeforeEachConfirmedAttendeeGetsOneReminderInTheirLanguageAndTheWaitlistedANote() throws Exception {
        clock.set(Instant.parse("2027-03-09T03:00:00Z")); // noon in Seoul, the day before the first day
        String slug = defineEvent(uniqueSlug("remind"), futureEvent("2027-03-10", "18:00", "07:00", 2, 5, 40));
        JsonNode ko = registerAs(slug, "김민준", "minjun@" + slug + ".example.com", "ko");
        JsonNode en = registerAs(slug, "Alice", "alice@" + slug + ".example.com", "en");
        JsonNode waiting = registerAs(slug, "이서준", "seojun@" + slug + ".example.com", "ko");
        JsonNode gone = registerAs(slug, "Gone", "gone@" + slug + ".example.com", "en");
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
        awaitMailsTo("gone@" + slug + ".example.com", 1); // the waitlist mail, before the cancellation could skip it
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + gone.get("id").asString()
                + "?token=" + gone.get("manageToken").asString(), null, null).status()).isEqualTo(200);
        awaitMailsTo("minjun@" + slug + ".example.com", 1);
        awaitMailsTo("alice@" + slug + ".example.com", 1);
        awaitMailsTo("seojun@" + slug + ".example.com", 1);

        assertThat(executionTime(slug + "|DAY_BEFORE|2027-03-10")).isEqualTo(Instant.parse("2027-03-09T09:00:00Z"));
        clock.set(Instant.parse("2027-03-09T08:59:00Z"));
        scheduler.triggerCheckForDueExecutions();
        assertThat(run(slug, "DAY_BEFORE")).as("not yet due").isNull();

        clock.set(Instant.parse("2027-03-09T09:00:30Z"));
        scheduler.triggerCheckForDueExecutions();
        await().atMost(PATIENCE).until(() -> run(slug, "DAY_BEFORE") != null && !"running".equals(run(slug, "DAY_BEFORE").get("outcome")));
        assertThat(run(slug, "DAY_BEFORE")).containsEntry("outcome", "done").containsEntry("queued", 3).containsEntry("dropped", 0);

        MimeMessage koMail = awaitMailsTo("minjun@" + slug + ".example.com", 2).get(1);
        assertThat(koMail.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 내일 뵙겠습니다: 08:00부터 입장");
        MailParts koParts = MailParts.of(koMail);
        assertThat(koParts.text()).contains("김민준님, 안녕하세요.", "클라우드 서밋 서울 2026 첫째 날이 내일 2027년 3월 10일 (수)에 열립니다.",
                "08:00부터 코엑스 (서울특별시 강남구 영동대로 513)에서 입장하실 수 있습니다.", "기조연설은 10:00에 시작합니다.", "QR 코드를 꼭 챙겨 오세요");
        assertThat(MailParts.decodeQr(koParts.inlinePng())).isEqualTo(ko.get("ticket").asString());
        assertThat(koParts.text()).contains("장소", "코엑스");
        net.fortuna.ical4j.model.Calendar koCalendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(koParts.calendar()));
        koCalendar.validate();
        List<net.fortuna.ical4j.model.component.CalendarComponent> koDays =
                koCalendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(koDays).isNotEmpty();
        for (net.fortuna.ical4j.model.component.CalendarComponent day : koDays) {
            assertThat(day.getProperty(net.fortuna.ical4j.model.Property.LOCATION).orElseThrow().getValue()).startsWith("코엑스");
        }

        MimeMessage enMail = awaitMailsTo("alice@" + slug + ".example.com", 2).get(1);
        assertThat(enMail.getSubject()).isEqualTo("[Cloud Summit Seoul 2026] See you tomorrow: doors open at 08:00");
        MailParts enParts = MailParts.of(enMail);
        assertThat(enParts.text()).contains("Tomorrow, Wednesday, March 10, 2027, is the first day of Cloud Summit Seoul 2026.",
                "Doors open at 08:00 at COEX (513 Yeongdong-daero, Gangnam-gu, Seoul).", "The keynote starts at 10:00.", "Bring this QR code");
        assertThat(enParts.html()).contains("lang=\"en\"", "src=\"cid:qr\"", "The keynote starts at 10:00.");
        assertThat(MailParts.decodeQr(enParts.inlinePng())).isEqualTo(en.get("ticket").asString());

        MimeMessage note = awaitMailsTo("seojun@" + slug + ".example.com", 2).get(1);
        assertThat(note.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 아직 대기 중입니다 (1번)");
        assertThat(MailParts.of(note).text()).contains("현재 대기 순번은 1번이며, 자리가 나는 즉시 메일로 알려 드립니다.");
        assertThat(mailsTo("gone@" + slug + ".example.com")).as("the cancelled attendee gets only the confirmation").hasSize(1);

        // planning again, polling again and running the same reminder again change nothing
        planner.plan(events.require(slug));
        scheduler.triggerCheckForDueExecutions();
        runner.run(slug + "|DAY_BEFORE|2027-03-10");
        assertThat(executionTime(slug + "|DAY_BEFORE|2027-03-10")).as("a reminder that ran is not planned again").isNull();
        assertThat(run(slug, "DAY_BEFORE")).containsEntry("queued", 3);
        assertThat(jdbc.sql("SELECT kind, count(*) FROM mail_outbox WHERE event_slug = ? AND ref <> '' GROUP BY kind ORDER BY kind")
                .param(slug).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactly("DAY_BEFORE=2", "STILL_WAITLISTED=1");
        awaitMailsTo("minjun@" + slug + ".example.com", 2);
        awaitMailsTo("alice@" + slug + ".example.com", 2);
    }

    @Test
    void movedTimesMoveTheRunsAndARemovedDayCancelsItsRun() throws Exception {
        clock.set(Instant.parse("2027-04-01T03:00:00Z"));
        String slug = defineEvent(uniqueSlug("remind"), futureEvent("2027-04-10", "18:00", "07:00", 10, 5, 40));
        assertThat(executionTime(slug + "|DAY_BEFORE|2027-04-10")).isEqualTo(Instant.parse("2027-04-09T09:00:00Z"));
        assertThat(executionTime(slug + "|MORNING_OF|2027-04-10")).isEqualTo(Instant.parse("2027-04-09T22:00:00Z"));
        assertThat(executionTime(slug + "|MORNING_OF|2027-04-11")).isEqualTo(Instant.parse("2027-04-10T22:00:00Z"));

        Map<String, Object> moved = futureEvent("2027-04-10", "19:30", "06:45", 10, 5, 40);
        defineEvent(slug, moved);
        assertThat(executionTime(slug + "|DAY_BEFORE|2027-04-10")).isEqualTo(Instant.parse("2027-04-09T10:30:00Z"));
        assertThat(executionTime(slug + "|MORNING_OF|2027-04-10")).isEqualTo(Instant.parse("2027-04-09T21:45:00Z"));

        Map<String, Object> oneDay = futureEvent("2027-04-10", "19:30", "06:45", 10, 5, 40);
        oneDay.put("days", List.of(((List<?>) oneDay.get("days")).getFirst()));
        oneDay.put("sessions", List.of(((List<?>) oneDay.get("sessions")).getFirst()));
        defineEvent(slug, oneDay);
        assertThat(executionTime(slug + "|MORNING_OF|2027-04-11")).as("the second day is gone, and its reminder with it").isNull();
        assertThat(executionTime(slug + "|MORNING_OF|2027-04-10")).isEqualTo(Instant.parse("2027-04-09T21:45:00Z"));
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'event-reminder' AND task_instance LIKE ?")
                .param(slug + "|%").query(Integer.class).single()).isEqualTo(2);

        JsonNode view = get("/api/v1/events/" + slug + "/reminders", ADMIN).json();
        assertThat(view.get("reminders").size()).isEqualTo(2);
        assertThat(view.get("reminders").get(0).get("eventTime").asString()).isEqualTo("2027-04-09T19:30:00");
    }

    @Test
    void aMorningReminderMissedWhileDownGoesOutLateWhileTheDayLastsAndIsDroppedAfterwards() throws Exception {
        clock.set(Instant.parse("2027-05-09T03:00:00Z"));
        String slug = defineEvent(uniqueSlug("remind"), futureEvent("2027-05-10", "18:00", "07:00", 10, 5, 40));
        String email = "late@" + slug + ".example.com";
        registerAs(slug, "Late", email, "en");
        awaitMailsTo(email, 1);

        // nothing ran the evening before nor in the morning: it is day 1, 09:00 in Seoul
        clock.set(Instant.parse("2027-05-10T00:00:00Z"));
        scheduler.triggerCheckForDueExecutions();
        await().atMost(PATIENCE).until(() -> settled(slug, "DAY_BEFORE") && settled(slug, "MORNING_OF"));
        assertThat(run(slug, "DAY_BEFORE")).as("doors are open: the evening reminder is of no use any more")
                .containsEntry("outcome", "dropped").containsEntry("dropped", 1).containsEntry("queued", 0);
        MimeMessage late = awaitMailsTo(email, 2).get(1);
        assertThat(late.getSubject()).isEqualTo("[Cloud Summit Seoul 2026] Today: doors open at 08:00");
        assertThat(MailParts.of(late).text()).contains("Today is day 1 of Cloud Summit Seoul 2026.");

        // down again until day 2 is over
        clock.set(Instant.parse("2027-05-11T10:00:00Z"));
        scheduler.triggerCheckForDueExecutions();
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM reminder_run r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.outcome <> 'running'").param(slug).query(Integer.class).single() == 3);
        assertThat(jdbc.sql("SELECT outcome || ':' || queued || ':' || dropped FROM reminder_run r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.kind = 'MORNING_OF' ORDER BY day").param(slug).query(String.class).list())
                .containsExactly("done:1:0", "dropped:0:1");
        awaitMailsTo(email, 2);

        JsonNode view = get("/api/v1/events/" + slug + "/reminders", ADMIN).json().get("reminders");
        assertThat(view.get(0).get("state").asString()).isEqualTo("dropped");
        assertThat(view.get(1).get("state").asString()).isEqualTo("done");
        assertThat(view.get(1).get("sent").asInt()).isEqualTo(1);
        assertThat(view.get(2).get("dropped").asInt()).isEqualTo(1);
    }

    @Test
    void aMailThatWaitedUntilItsDayEndedOrItsSessionStartedIsDroppedAndCounted() throws Exception {
        clock.set(Instant.parse("2027-06-09T03:00:00Z"));
        Map<String, Object> def = futureEvent("2027-06-10", "18:00", "07:00", 10, 5, 40);
        // both sessions on day 1 (13:00 and 15:00), so that no day-2 reminder falls due while the clock moves
        @SuppressWarnings("unchecked")
        Map<String, Object> later = (Map<String, Object>) ((List<?>) def.get("sessions")).get(1);
        later.put("day", "2027-06-10");
        later.put("start", "15:00");
        later.put("end", "15:40");
        String slug = defineEvent(uniqueSlug("remind"), def);
        String email = "waited@" + slug + ".example.com";
        JsonNode attendee = registerAs(slug, "박지호", email, "ko");
        awaitMailsTo(email, 1);
        RegistrationId id = RegistrationId.of(attendee.get("id").asString());
        long eventId = events.require(slug).id();

        worker.stop(); // SMTP trouble: nothing leaves for a while
        clock.set(Instant.parse("2027-06-09T09:00:30Z"));
        runner.run(slug + "|DAY_BEFORE|2027-06-10");
        clock.set(Instant.parse("2027-06-09T22:00:30Z"));
        runner.run(slug + "|MORNING_OF|2027-06-10");
        assertThat(run(slug, "MORNING_OF")).containsEntry("outcome", "done").containsEntry("queued", 1);
        // the agenda tells us twice about the same starred session: queued once
        for (int i = 0; i < 2; i++) {
            transaction.executeWithoutResult(tx -> publisher.publishEvent(new StarredSessionSoon(id, eventId, slug, "S101")));
        }
        // after commit, through the event publication registry: wait until both events were handled
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?").param("%" + id + "%").query(Integer.class).single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND kind = 'SESSION_SOON'")
                .param(id.value()).query(Integer.class).single()).isEqualTo(1);

        // the outage ends on day 1 at 12:50: the day-before reminder is too late, the morning one is not
        clock.set(Instant.parse("2027-06-10T03:50:00Z"));
        worker.deliverDue();
        List<MimeMessage> mails = awaitMailsTo(email, 3);
        assertThat(mails.stream().map(ReminderMailTest::subject)).containsExactlyInAnyOrder(
                "[클라우드 서밋 서울 2026] 등록이 확정되었습니다", "[클라우드 서밋 서울 2026] 오늘 08:00부터 입장합니다",
                "[클라우드 서밋 서울 2026] 13:00 시작: 클라우드 네이티브 금융");
        MimeMessage soon = mails.stream().filter(m -> subject(m).contains("13:00 시작")).findFirst().orElseThrow();
        assertThat(soon.getSubject()).isEqualTo("[클라우드 서밋 서울 2026] 13:00 시작: 클라우드 네이티브 금융");
        MailParts soonParts = MailParts.of(soon);
        assertThat(soonParts.text()).contains("클라우드 네이티브 금융 세션이 13:00에 301호에서 시작합니다.", "시간: 13:00–13:40",
                "층: 3F", "찾아가는 길: 동쪽 엘리베이터로 3층에 올라가 왼쪽으로 가세요.", "지금 남은 좌석: 40석 중 40석");
        assertThat(MailParts.decodeQr(soonParts.inlinePng())).isEqualTo(attendee.get("ticket").asString());
        assertThat(deliveredVia(id, "DAY_BEFORE", "2027-06-10")).isEqualTo("dropped");

        // the nudge for the 15:00 session waits until after the session started
        transaction.executeWithoutResult(tx -> publisher.publishEvent(new StarredSessionSoon(id, eventId, slug, "S201")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM mail_outbox WHERE registration_id = ? AND kind = 'SESSION_SOON' AND ref = 'S201'")
                .param(id.value()).query(Integer.class).single() == 1);
        clock.set(Instant.parse("2027-06-10T06:05:00Z"));
        worker.deliverDue();
        assertThat(deliveredVia(id, "SESSION_SOON", "S201")).isEqualTo("dropped");
        assertThat(mailsTo(email)).hasSize(3);
        JsonNode view = get("/api/v1/events/" + slug + "/reminders", ADMIN).json().get("reminders");
        assertThat(view.get(0).get("kind").asString()).isEqualTo("DAY_BEFORE");
        assertThat(view.get(0).get("state").asString()).isEqualTo("done");
        assertThat(view.get(0).get("queued").asInt()).isEqualTo(1);
        assertThat(view.get(0).get("dropped").asInt()).as("counted when dropped at sending").isEqualTo(1);
        assertThat(view.get(0).get("sent").asInt()).isZero();
        assertThat(view.get(1).get("sent").asInt()).isEqualTo(1);
    }

    @Test
    void withTwoInstancesRunningAndOneRestartedEachAttendeeGetsTheReminderOnce() throws Exception {
        // real time here: the second instance has the real clock. The first day is tomorrow in Seoul.
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Seoul"));
        assumeTrue(now.toLocalTime().isAfter(LocalTime.of(0, 5)) && now.toLocalTime().isBefore(LocalTime.of(23, 50)),
                "the day-before moment a minute ago must still be today in Seoul");
        String first = now.toLocalDate().plusDays(1).toString();
        String slug = defineEvent(uniqueSlug("remind2"), futureEvent(first, "23:59", "07:00", 2, 5, 40));
        List<String> emails = List.of("ko@" + slug + ".example.com", "en@" + slug + ".example.com", "wait@" + slug + ".example.com");
        registerAs(slug, "김하늘", emails.get(0), "ko");
        registerAs(slug, "Eve", emails.get(1), "en");
        registerAs(slug, "최유나", emails.get(2), "ko");
        emails.forEach(email -> awaitMailsTo(email, 1));
        int otherPort = startSecondInstance();

        // the run falls due while both schedulers poll (moved to a minute ago behind the planner's back)
        String instance = slug + "|DAY_BEFORE|" + first;
        scheduler.reschedule(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(ReminderTask.NAME, instance),
                Instant.now().minusSeconds(60));
        await().atMost(PATIENCE).until(() -> settled(slug, "DAY_BEFORE"));
        assertThat(run(slug, "DAY_BEFORE")).containsEntry("outcome", "done").containsEntry("queued", 3);

        // then the organizer moves the reminder to a minute ago on both instances at once: planned again, run again, nothing new
        String aMinuteAgo = now.minusMinutes(1).toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        String moved = JSON.writeValueAsString(futureEvent(first, aMinuteAgo, "07:00", 2, 5, 40));
        List<Integer> ports = List.of(port, otherPort);
        runConcurrently(2, 2, i -> assertThat(put(ports.get(i), "/api/v1/events/" + slug, moved)).isIn(200, 201));

        assertThat(awaitMailsTo(emails.get(0), 2).get(1).getSubject()).startsWith("[클라우드 서밋 서울 2026] 내일 뵙겠습니다");
        assertThat(awaitMailsTo(emails.get(1), 2).get(1).getSubject()).startsWith("[Cloud Summit Seoul 2026] See you tomorrow");
        assertThat(awaitMailsTo(emails.get(2), 2).get(1).getSubject()).startsWith("[클라우드 서밋 서울 2026] 아직 대기 중입니다");

        // the second instance restarts: its start-up planning must not send anything again
        second.close();
        startSecondInstance();
        planner.plan(events.require(slug));
        scheduler.triggerCheckForDueExecutions();
        assertThat(executionTime(slug + "|DAY_BEFORE|" + first)).isNull();
        assertThat(executionTime(slug + "|MORNING_OF|" + first)).as("the morning reminder is still planned").isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_slug = ? AND ref <> ''").param(slug)
                .query(Integer.class).single()).isEqualTo(3);
        emails.forEach(email -> awaitMailsTo(email, 2));
    }

    @Test
    void aReminderWaitingForSmtpIsSkippedWhenItsAttendeeCancelledOrWasPromotedMeanwhile() throws Exception {
        clock.set(Instant.parse("2027-09-09T03:00:00Z"));
        String slug = defineEvent(uniqueSlug("remind"), futureEvent("2027-09-10", "18:00", "07:00", 1, 5, 40));
        JsonNode leaving = registerAs(slug, "Leaving", "leaving@" + slug + ".example.com", "en");
        JsonNode waiting = registerAs(slug, "한결", "waiting@" + slug + ".example.com", "ko");
        awaitMailsTo("leaving@" + slug + ".example.com", 1);
        awaitMailsTo("waiting@" + slug + ".example.com", 1);

        worker.stop();
        clock.set(Instant.parse("2027-09-09T09:00:30Z"));
        runner.run(slug + "|DAY_BEFORE|2027-09-10");
        assertThat(run(slug, "DAY_BEFORE")).containsEntry("queued", 2);
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + leaving.get("id").asString()
                + "?token=" + leaving.get("manageToken").asString(), null, null).status()).isEqualTo(200);
        awaitEventsHandled(); // the promotion mail is queued after the cancellation committed
        worker.deliverDue();

        assertThat(deliveredVia(RegistrationId.of(leaving.get("id").asString()), "DAY_BEFORE", "2027-09-10")).isEqualTo("skipped");
        assertThat(deliveredVia(RegistrationId.of(waiting.get("id").asString()), "STILL_WAITLISTED", "2027-09-10")).isEqualTo("skipped");
        List<MimeMessage> promoted = awaitMailsTo("waiting@" + slug + ".example.com", 2);
        assertThat(subject(promoted.get(1))).isEqualTo("[클라우드 서밋 서울 2026] 좋은 소식입니다: 참가가 확정되었습니다");
        assertThat(mailsTo("leaving@" + slug + ".example.com")).hasSize(1);
    }

    @Test
    void theOrganizerSeesEveryPlannedReminderAndNobodyElseDoes() throws Exception {
        clock.set(Instant.parse("2027-07-01T03:00:00Z"));
        String slug = defineEvent(uniqueSlug("remind"), futureEvent("2027-07-10", "18:00", "07:00", 10, 5, 40));
        Response answer = get("/api/v1/events/" + slug + "/reminders", ADMIN);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("slug").asString()).isEqualTo(slug);
        assertThat(body.get("timezone").asString()).isEqualTo("Asia/Seoul");
        JsonNode first = body.get("reminders").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("DAY_BEFORE");
        assertThat(first.get("day").asString()).isEqualTo("2027-07-10");
        assertThat(first.get("eventTime").asString()).isEqualTo("2027-07-09T18:00:00");
        assertThat(first.get("utc").asString()).isEqualTo("2027-07-09T09:00:00Z");
        assertThat(first.get("state").asString()).isEqualTo("scheduled");
        assertThat(first.get("queued").asInt()).isZero();
        assertThat(body.get("reminders").get(2).get("kind").asString()).isEqualTo("MORNING_OF");
        assertThat(body.get("reminders").get(2).get("utc").asString()).isEqualTo("2027-07-10T22:00:00Z");

        assertThat(get("/api/v1/events/" + slug + "/reminders", staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/reminders", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/events/no-such-" + slug + "/reminders", ADMIN).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------

    /** The test summit on {@code first} and the day after, at COEX, with room 301 on the third floor. */
    static Map<String, Object> futureEvent(String first, String dayBefore, String morningOf, int capacity, int waitlist, int roomSeats) {
        Map<String, Object> def = eventDefinition(capacity, waitlist, 100, 100, 100, roomSeats);
        LocalDate day1 = LocalDate.parse(first);
        LocalDate day2 = day1.plusDays(1);
        List<Object> days = new ArrayList<>();
        for (LocalDate d : List.of(day1, day2)) {
            days.add(Map.of("date", d.toString(), "doorsOpen", "08:00", "end", "18:00", "mealVouchers", Math.min(100, capacity),
                    "keynote", Map.of("start", "10:00", "end", "11:30", "halls", List.of(Map.of("name", "Hall D", "seats", 100)))));
        }
        def.put("days", days);
        List<Object> sessions = new ArrayList<>();
        for (Object s : (List<?>) def.get("sessions")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> session = new java.util.LinkedHashMap<>((Map<String, Object>) s);
            session.put("day", "S101".equals(session.get("code")) ? day1.toString() : day2.toString());
            sessions.add(session);
        }
        def.put("sessions", sessions);
        def.put("rooms", List.of(Map.of("code", "301", "name", Map.of("ko", "301호", "en", "Room 301"), "capacity", roomSeats,
                "floor", "3F", "directions", Map.of("ko", "동쪽 엘리베이터로 3층에 올라가 왼쪽으로 가세요.",
                        "en", "Take the east lifts to level 3 and turn left."))));
        def.put("venue", Map.of("name", Map.of("ko", "코엑스", "en", "COEX"),
                "address", Map.of("ko", "서울특별시 강남구 영동대로 513", "en", "513 Yeongdong-daero, Gangnam-gu, Seoul")));
        def.put("reminders", Map.of("dayBefore", dayBefore, "morningOf", morningOf));
        return def;
    }

    JsonNode registerAs(String slug, String name, String email, String locale) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email, "locale", locale));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    Instant executionTime(String instanceId) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'event-reminder' AND task_instance = ?")
                .param(instanceId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    /** The first run of this kind for the event, as column → value, or null. */
    Map<String, Object> run(String slug, String kind) {
        return jdbc.sql("""
                        SELECT r.outcome, r.queued, r.dropped FROM reminder_run r JOIN event e ON e.id = r.event_id
                        WHERE e.slug = ? AND r.kind = ? ORDER BY r.day LIMIT 1""")
                .params(slug, kind).query().listOfRows().stream().findFirst().orElse(null);
    }

    boolean settled(String slug, String kind) {
        Map<String, Object> run = run(slug, kind);
        return run != null && !"running".equals(run.get("outcome"));
    }

    String deliveredVia(RegistrationId registration, String kind, String ref) {
        return jdbc.sql("SELECT delivered_via FROM mail_outbox WHERE registration_id = ? AND kind = ? AND ref = ?")
                .params(registration.value(), kind, ref).query(String.class).single();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MimeMessage> mailsTo(String email) {
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

    /** Waits for {@code count} mails to one recipient, then makes sure no further one is on its way; oldest first. */
    List<MimeMessage> awaitMailsTo(String email, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(email).size() >= count);
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM mail_outbox o JOIN registration r ON r.id = o.registration_id
                        WHERE lower(r.email) = lower(?) AND (o.sent_at IS NULL OR o.claimed_until IS NOT NULL)""")
                .param(email).query(Integer.class).single() == 0);
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("mails to " + email).hasSize(count);
        return mails;
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
