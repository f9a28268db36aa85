package dev.confer.agenda;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mail 15 minutes before a session on the agenda, with time moved by the test clock: who gets it, that
 * nobody gets it twice (also when runs overlap), that a session already begun gets none, and the scheduler's
 * recurring job doing the same.
 */
class SessionNudgeTest extends ApiTest {

    @Autowired
    TestClock clock;
    @Autowired
    SessionNudges nudges;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonNode attendee(String slug, String name, boolean nudge, String... stars) {
        JsonNode r = register(slug, name, name.toLowerCase() + "@" + slug + ".example.com");
        String path = "/api/v1/events/" + slug + "/registrations/" + r.get("id").asString() + "/agenda";
        Map<String, String> token = Map.of("X-Manage-Token", r.get("manageToken").asString());
        for (String code : stars) {
            assertThat(call("PUT", path + "/stars/" + code, null, null, token).status()).isEqualTo(200);
        }
        if (nudge) {
            assertThat(call("PUT", path + "/nudge", null, Map.of("enabled", true), token).status()).isEqualTo(200);
        }
        return r;
    }

    private List<String> nudged(String slug) {
        return jdbc.sql("""
                        SELECT r.name || ':' || o.ref FROM mail_outbox o JOIN registration r ON r.id = o.registration_id
                        JOIN event e ON e.id = o.event_id WHERE e.slug = ? AND o.kind = 'SESSION_SOON' ORDER BY 1""")
                .param(slug).query(String.class).list();
    }

    @Test
    void whoAskedAndStarredGetsOneMailAQuarterHourBefore() {
        String slug = defineEvent(uniqueSlug("nudge"), AgendaEvents.definition(50, 10));
        attendee(slug, "Ana", true, "S1");
        attendee(slug, "Ben", false, "S1");
        attendee(slug, "Cho", true);
        JsonNode dan = attendee(slug, "Dan", true, "S1");
        attendee(slug, "Eun", true, "S5");
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + dan.get("id").asString(), ADMIN, null).status())
                .isEqualTo(200);

        clock.set(Instant.parse("2037-05-14T03:44:00Z")); // 12:44 in Seoul: S1 at 13:00 is 16 minutes away
        nudges.runDue();
        assertThat(nudged(slug)).isEmpty();

        clock.set(Instant.parse("2037-05-14T03:45:00Z")); // 12:45
        nudges.runDue();
        nudges.runDue();
        clock.advance(Duration.ofMinutes(5));
        nudges.runDue();
        assertThat(nudged(slug)).containsExactly("Ana:S1");

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().valueStream()
                .anyMatch(m -> "SESSION_SOON".equals(m.get("kind").asString()) && !m.get("sentAt").isNull()));
        JsonNode mail = get("/dev/mail?event=" + slug, ADMIN).json().valueStream()
                .filter(m -> "SESSION_SOON".equals(m.get("kind").asString())).findFirst().orElseThrow();
        assertThat(mail.get("to").asString()).isEqualTo("ana@" + slug + ".example.com");
        String text = get("/dev/mail/" + mail.get("id").asLong() + ".txt", ADMIN).text();
        assertThat(text).contains("클라우드 네이티브 금융", "301호", "3F", "3층 에스컬레이터 왼쪽", "10");
    }

    @Test
    void aSessionThatHasBegunGetsNoNudge() {
        String slug = defineEvent(uniqueSlug("nudge"), AgendaEvents.definition(50, 10));
        attendee(slug, "Fay", true, "S6");
        clock.set(Instant.parse("2037-05-14T06:00:00Z")); // 15:00 in Seoul: S6 begins now
        nudges.runDue();
        assertThat(nudged(slug)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM session_nudge_run r JOIN event e ON e.id = r.event_id WHERE e.slug = ?")
                .param(slug).query(Integer.class).single()).isZero();
    }

    @Test
    void runsAtTheSameTimeQueueEachNudgeOnce() throws Exception {
        String slug = defineEvent(uniqueSlug("nudge"), AgendaEvents.definition(50, 10));
        for (int i = 0; i < 12; i++) {
            attendee(slug, "P" + i, true, "S2");
        }
        clock.set(Instant.parse("2037-05-14T03:50:00Z"));
        runConcurrently(6, 12, i -> nudges.runDue());
        assertThat(nudged(slug)).hasSize(12).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT queued FROM session_nudge_run r JOIN event e ON e.id = r.event_id WHERE e.slug = ? AND session_code = 'S2'")
                .param(slug).query(Integer.class).single()).isEqualTo(12);
    }

    @Test
    void theSchedulersRecurringJobSendsThem() {
        String slug = defineEvent(uniqueSlug("nudge"), AgendaEvents.definition(50, 10));
        attendee(slug, "Gil", true, "S7");
        clock.set(Instant.parse("2037-05-15T00:50:00Z")); // 09:50 on day two: S7 at 10:00
        scheduler.reschedule(TaskInstanceId.of(SessionNudgeTask.NAME, RecurringTask.INSTANCE), clock.instant());
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(30)).until(() -> nudged(slug).equals(List.of("Gil:S7")));
    }
}
