package dev.confer.registration;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationApiTest extends ApiTest {

    @Test
    void confirmsThenWaitlistsThenRefuses() {
        String slug = defineEvent(uniqueSlug("reg"), eventDefinition(2, 1, 10, 10, 10, 10));
        JsonNode a = register(slug, "김민준", "minjun@example.com");
        JsonNode b = register(slug, "Alice", "alice@example.com");
        JsonNode c = register(slug, "Bob", "bob@example.com");
        assertThat(a.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(b.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(c.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(c.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(a.get("ticket").asString()).startsWith("CF1." + slug + ".");

        Response full = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Late", "email", "late@example.com"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.contentType()).contains("application/problem+json");
        assertThat(full.json().get("detail").asString()).contains("full");
    }

    @Test
    void refusesDuplicateEmailAndBadInput() {
        String slug = defineEvent(uniqueSlug("reg"), eventDefinition(10, 0, 10, 10, 10, 10));
        register(slug, "Alice", "alice@example.com");
        Response dup = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Alice 2", "email", "ALICE@example.com"));
        assertThat(dup.status()).isEqualTo(409);
        Response bad = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "X", "email", "not-an-email"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("not-an-email");
        Response noName = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("email", "x@example.com"), Map.of("Accept-Language", "ko"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asString()).isEqualTo("이름을 입력해 주세요.");
    }

    @Test
    void cancellingAConfirmedPromotesTheFirstWaitlisted() {
        String slug = defineEvent(uniqueSlug("reg"), eventDefinition(1, 5, 10, 10, 10, 10));
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        JsonNode c = register(slug, "C", "c@example.com");
        assertThat(b.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(c.get("waitlistPosition").asInt()).isEqualTo(2);

        String path = "/api/v1/events/" + slug + "/registrations/" + a.get("id").asString();
        assertThat(call("DELETE", path, null, null).status()).isEqualTo(401);
        assertThat(call("DELETE", path + "?token=" + b.get("manageToken").asString(), null, null).status()).isEqualTo(403);
        Response cancelled = call("DELETE", path + "?token=" + a.get("manageToken").asString(), null, null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

        Response bNow = get("/api/v1/events/" + slug + "/registrations/" + b.get("id").asString(), ADMIN);
        assertThat(bNow.json().get("status").asString()).isEqualTo("CONFIRMED");
        Response cNow = get("/api/v1/events/" + slug + "/registrations/" + c.get("id").asString()
                + "?token=" + c.get("manageToken").asString(), null);
        assertThat(cNow.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(cNow.json().get("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void capacityCannotShrinkBelowConfirmedAndGrowingPromotes() {
        String slug = uniqueSlug("reg");
        defineEvent(slug, eventDefinition(2, 5, 10, 10, 10, 10));
        register(slug, "A", "a@example.com");
        register(slug, "B", "b@example.com");
        JsonNode c = register(slug, "C", "c@example.com");
        Response shrink = call("PUT", "/api/v1/events/" + slug, ADMIN, eventDefinition(1, 5, 10, 10, 10, 10));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/capacity");

        defineEvent(slug, eventDefinition(3, 5, 10, 10, 10, 10));
        Response cNow = get("/api/v1/events/" + slug + "/registrations/" + c.get("id").asString(), ADMIN);
        assertThat(cNow.json().get("status").asString()).isEqualTo("CONFIRMED");
    }
}
