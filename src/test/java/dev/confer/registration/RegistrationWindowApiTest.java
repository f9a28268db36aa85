package dev.confer.registration;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration window of the definition, one rule for the API, the pages and teams. */
class RegistrationWindowApiTest extends ApiTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private String eventWithWindow(String opensAt, String closesAt) {
        Map<String, Object> def = eventDefinition(10, 5, 5, 5, 5, 5);
        java.util.Map<String, Object> window = new java.util.LinkedHashMap<>();
        window.put("opensAt", opensAt);
        window.put("closesAt", closesAt);
        def.put("registration", window);
        return defineEvent(uniqueSlug("window"), def);
    }

    @Test
    void beforeItOpensTheApiTeamsAndPagesSayWhenAndNobodyIsRegistered() {
        String slug = eventWithWindow("2037-04-01T10:00", null);
        clock.set(Instant.parse("2037-04-01T00:59:00Z")); // 09:59 in Seoul
        Response api = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Early Kim", "email", "early@example.com"), Map.of("Accept-Language", "en"));
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.json().get("detail").asString()).contains("opens at 2037-04-01 10:00 (Asia/Seoul)");
        Response ko = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Early Kim", "email", "early@example.com"), Map.of("Accept-Language", "ko"));
        assertThat(ko.json().get("detail").asString()).contains("2037-04-01 10:00 (Asia/Seoul)에 열립니다");
        Response team = post("/api/v1/events/" + slug + "/teams", null, Map.of("name", "Early team", "members",
                List.of(Map.of("name", "Lee", "email", "lee@example.com"), Map.of("name", "Park", "email", "park@example.com"))));
        assertThat(team.status()).isEqualTo(409);
        assertThat(team.json().get("detail").asString()).contains("2037-04-01 10:00");

        Response landing = page("/e/" + slug);
        assertThat(landing.text()).contains("Registration has not opened yet.")
                .contains("id=\"registration-opens\"").contains("data-opens-at=\"2037-04-01T01:00:00Z\"")
                .contains("Registration opens on 2037-04-01 10:00 (Asia/Seoul).")
                .doesNotContain("id=\"register-link\"");
        assertThat(page("/e/" + slug + "/register").text()).doesNotContain("id=\"register\"");
        assertThat(page("/e/" + slug + "/teams/new").text()).doesNotContain("id=\"teamName\"");

        clock.set(Instant.parse("2037-04-01T01:00:00Z")); // 10:00: open
        // the refused addresses were not kept: they register now like anyone
        assertThat(register(slug, "Early Kim", "early@example.com").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(registerTeam(slug, "Early team", "Lee", "Park")).hasSize(2);
        assertThat(page("/e/" + slug).text()).contains("id=\"register-link\"").doesNotContain("id=\"registration-opens\"");
    }

    @Test
    void afterItClosesTheApiTeamsAndPagesSayClosed() {
        String slug = eventWithWindow(null, "2037-05-13T18:00");
        clock.set(Instant.parse("2037-05-13T09:00:00Z")); // 18:00 in Seoul, the day before the event
        Response api = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Late Kim", "email", "late@example.com"), Map.of("Accept-Language", "en"));
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.json().get("detail").asString()).contains("closed at 2037-05-13 18:00");
        Response team = post("/api/v1/events/" + slug + "/teams", null, Map.of("name", "Late team", "members",
                List.of(Map.of("name", "Lee", "email", "lee@example.com"))));
        assertThat(team.status()).isEqualTo(409);
        assertThat(page("/e/" + slug).text()).contains("the registration period has ended")
                .doesNotContain("id=\"register-link\"");

        clock.set(Instant.parse("2037-05-13T08:59:00Z")); // a minute earlier it was open
        assertThat(register(slug, "Kim", "kim@example.com").get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anEventWhoseLastDayIsPastTakesNoRegistrationsThroughTheApiOrTeams() {
        String slug = defineEvent(uniqueSlug("past"), eventDefinition(10, 5, 5, 5, 5, 5));
        clock.set(Instant.parse("2037-05-16T00:00:00Z"));
        assertThat(post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Late", "email", "late@example.com")).status()).isEqualTo(409);
        assertThat(post("/api/v1/events/" + slug + "/teams", null, Map.of("name", "Late team", "members",
                List.of(Map.of("name", "Lee", "email", "lee@example.com")))).status()).isEqualTo(409);
    }

    private Response page(String path) {
        return call("GET", path, null, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
    }
}
