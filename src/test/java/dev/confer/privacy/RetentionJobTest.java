package dev.confer.privacy;

import dev.confer.TestClock;
import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled retention: nothing before it is due, everyone once it is, and only once however often it runs. */
class RetentionJobTest extends TapTestSupport {

    @Autowired
    TestClock clock;
    @Autowired
    Retention retention;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theJobAnonymisesAnEventOnceItsRetentionIsDue() {
        String slug = defineEvent(uniqueSlug("retention"), ConsentApiTest.withPrivacy(eventDefinition(10, 0, 10, 10, 10, 10)));
        JsonNode kim = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Retained Kim " + slug,
                "email", "kim@" + slug + ".example", "consents", Map.of("processing", true))).json();
        String stats = get("/api/v1/events/" + slug + "/stats", ADMIN).json().toString();
        Instant due = Instant.parse("2037-06-14T09:00:00Z"); // 30 days after the last day's end (18:00 in Seoul)

        clock.set(due.minusSeconds(60));
        retention.runDue();
        assertThat(count("SELECT count(*) FROM registration WHERE event_id = ? AND erased_at IS NULL", eventId(slug))).isEqualTo(1);
        assertThat(get("/api/v1/events/" + slug + "/retention", ADMIN).json().get("lastRun").isNull()).isTrue();

        clock.set(due.plusSeconds(60));
        retention.runDue();
        retention.runDue(); // again (or on another instance): the run is taken once
        assertThat(count("SELECT count(*) FROM registration WHERE event_id = ? AND erased_at IS NULL", eventId(slug))).isZero();
        assertThat(count("SELECT count(*) FROM registration WHERE name LIKE ?", "%" + slug + "%")).isZero();
        JsonNode report = get("/api/v1/events/" + slug + "/retention", ADMIN).json().get("lastRun");
        assertThat(report.get("trigger").asString()).isEqualTo("SCHEDULED");
        assertThat(report.get("anonymised").asInt()).isEqualTo(1);
        assertThat(report.get("ranAt").asString()).isEqualTo(due.plusSeconds(60).toString());
        assertThat(get("/api/v1/events/" + slug + "/registrations/" + kim.get("id").asString(), ADMIN).json().get("erased").asBoolean())
                .isTrue();
        assertThat(get("/api/v1/events/" + slug + "/stats", ADMIN).json().toString()).isEqualTo(stats);
    }
}
