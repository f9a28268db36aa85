package dev.confer.platform;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends ApiTest {

    @Test
    void organizerOnlyEndpointsNeedTheOrganizerToken() {
        String slug = defineEvent(uniqueSlug("sec"), eventDefinition(10, 0, 5, 5, 5, 5));
        Response none = call("PUT", "/api/v1/events/" + slug, null, eventDefinition(10, 0, 5, 5, 5, 5));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).contains("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("Bearer");

        Response wrong = call("PUT", "/api/v1/events/" + slug, "nonsense", eventDefinition(10, 0, 5, 5, 5, 5));
        assertThat(wrong.status()).isEqualTo(401);

        String desk = staffToken(slug, "DESK", null);
        Response deskPut = call("PUT", "/api/v1/events/" + slug, desk, eventDefinition(10, 0, 5, 5, 5, 5));
        assertThat(deskPut.status()).isEqualTo(403);
        assertThat(deskPut.contentType()).contains("application/problem+json");
        assertThat(post("/api/v1/events/" + slug + "/staff-tokens", desk, Map.of("role", "DESK")).status()).isEqualTo(403);
    }

    @Test
    void staffTokensAreBoundToTheirEvent() {
        String a = defineEvent(uniqueSlug("sec"), eventDefinition(10, 0, 5, 5, 5, 5));
        String b = defineEvent(uniqueSlug("sec"), eventDefinition(10, 0, 5, 5, 5, 5));
        String deskOfA = staffToken(a, "DESK", null);
        Response other = post("/api/v1/events/" + b + "/check-ins", deskOfA, Map.of("ticket", "x"));
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void sponsorTokensNeedAnExistingBooth() {
        String slug = defineEvent(uniqueSlug("sec"), eventDefinition(10, 0, 5, 5, 5, 5));
        assertThat(post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "SPONSOR")).status()).isEqualTo(400);
        Response unknown = post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "SPONSOR", "booth", "B99"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("B99");
        assertThat(post("/api/v1/events/" + slug + "/staff-tokens", ADMIN, Map.of("role", "CHEF")).status()).isEqualTo(400);
        assertThat(staffToken(slug, "SPONSOR", "B01")).startsWith("sponsor_");
    }

    @Test
    void theRootSaysWhereEverythingIs() {
        String slug = defineEvent(uniqueSlug("sec"), eventDefinition(10, 0, 5, 5, 5, 5));
        Response r = get("/", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("openApi").asString()).isEqualTo("/v3/api-docs");
        assertThat(r.json().get("description").get("ko").asString()).isNotBlank();
        assertThat(r.text()).contains("/api/v1/events/" + slug);
    }

    @Test
    void openApiDocumentIsServed() {
        Response r = get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("/api/v1/events/{slug}/registrations");
    }
}
