package dev.confer.platform;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs a probe sent that were answered 5xx or accepted when they should not have been: each is now a 4xx
 * problem with a detail, and changes nothing.
 */
class HostileInputTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private int registrations(String slug) {
        return jdbc.sql("SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id WHERE e.slug = ?")
                .param(slug).query(Integer.class).single();
    }

    @Test
    void aNulCharacterInAnyTextIsA400AndStoresNothing() {
        String slug = defineEvent(uniqueSlug("nul"), eventDefinition(10, 0, 10, 5, 5, 5));
        Response nulName = post("/api/v1/events/" + slug + "/registrations", null,
                "{\"name\":\"Kim\\u0000\",\"email\":\"kim@example.com\"}");
        assertThat(nulName.status()).as(nulName.text()).isEqualTo(400);
        assertThat(nulName.contentType()).contains("problem+json");
        assertThat(nulName.json().get("detail").asString()).isNotBlank();

        Response nulQuery = get("/api/v1/events/" + slug + "/registrations?q=a%00b", ADMIN);
        assertThat(nulQuery.status()).as(nulQuery.text()).isEqualTo(400);
        assertThat(nulQuery.json().get("detail").asString()).contains("U+0000");
        assertThat(registrations(slug)).isZero();
    }

    /** Found by the fuzz suite: a form body whose field name the security firewall refuses was a 500. */
    @Test
    void aFieldNameTheFirewallRefusesIsA400() {
        String slug = defineEvent(uniqueSlug("firewall"), eventDefinition(10, 0, 10, 5, 5, 5));
        for (String path : new String[] {"/teams", "/registrations"}) {
            Response r = call("POST", "/api/v1/events/" + slug + path, null, null,
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "en"));
            Response refused = callForm("/api/v1/events/" + slug + path, "%EF%BF%BF=1&name=Kim");
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).contains("problem+json");
            assertThat(refused.json().get("detail").asString()).contains("does not accept");
            assertThat(r.status()).as("an empty form is refused too, not a failure").isBetween(400, 499);
        }
        assertThat(registrations(slug)).isZero();
    }

    /** Found by the fuzz suite: a PUT whose form body had a broken %-escape was a 500 from the form filter. */
    @Test
    void aBrokenFormBodyOnAPutIsRefusedNotAFailure() {
        String slug = defineEvent(uniqueSlug("putform"), eventDefinition(10, 0, 10, 5, 5, 5));
        JsonNode kim = register(slug, "김퍼즈", "putform@" + slug + ".example.com");
        Response refused = callForm("PUT", "/api/v1/events/" + slug + "/registrations/" + kim.get("id").asString()
                + "/agenda/stars/S101", "%\u8c8f%zz=1");
        assertThat(refused.status()).as(refused.text()).isBetween(400, 499);
        assertThat(refused.contentType()).contains("problem+json");
        assertThat(refused.json().get("detail").asString()).isNotBlank();
    }

    private Response callForm(String path, String body) {
        return callForm("POST", path, body);
    }

    private Response callForm(String method, String path, String body) {
        try {
            java.net.http.HttpResponse<byte[]> response = HTTP.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), type.contains("json") ? JSON.readTree(response.body()) : null,
                    response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyABareAddressIsAnEmail() {
        String slug = defineEvent(uniqueSlug("addr"), eventDefinition(10, 0, 10, 5, 5, 5));
        assertThat(post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Alice", "email", "alice@example.com")).status()).isEqualTo(201);
        for (String address : new String[] {"x<alice@example.com>", "Alice <alice@example.com>", "alice@example.com (me)",
                "\"a b\"@example.com", "alice@@example.com", "alice@example", "alice@-example.com"}) {
            Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Mallory", "email", address));
            assertThat(r.status()).as(address + ": " + r.text()).isEqualTo(400);
        }
        assertThat(registrations(slug)).isEqualTo(1);
    }

    @Test
    void extremeScanTimesAreA400() {
        String slug = defineEvent(uniqueSlug("when"), eventDefinition(10, 0, 10, 5, 5, 5));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        String ticket = register(slug, "Lee", "lee@example.com").get("ticket").asString();
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"}) {
            Response checkIn = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", ticket, "at", at));
            assertThat(checkIn.status()).as(at + ": " + checkIn.text()).isEqualTo(400);
            Response tap = post("/api/v1/events/" + slug + "/taps", door, Map.of("tapId", java.util.UUID.randomUUID().toString(),
                    "at", at, "point", "session:S101", "credential", Map.of("ticket", ticket)));
            assertThat(tap.status()).as(at + ": " + tap.text()).isEqualTo(400);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM checkin c JOIN event e ON e.id = c.event_id WHERE e.slug = ?")
                .param(slug).query(Integer.class).single()).isZero();
    }

    @Test
    void aWildcardContentTypeIsA415() throws Exception {
        String slug = defineEvent(uniqueSlug("ctype"), eventDefinition(10, 0, 10, 5, 5, 5));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events/" + slug + "/registrations"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/*")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Park\",\"email\":\"park@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.body()).contains("detail");
        assertThat(registrations(slug)).isZero();
    }

    @Test
    void signInRefusesHugeTokensAndLineBreaksInNext() throws Exception {
        String huge = "t".repeat(1_000_000);
        HttpResponse<String> big = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isIn(400, 401, 403, 413);

        HttpResponse<String> crlf = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN + "&next=/organizer%0D%0ASet-Cookie:%20x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crlf.statusCode()).as(crlf.body()).isLessThan(500);
        assertThat(crlf.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("x="));
        assertThat(crlf.headers().firstValue("Location").orElse("")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void behindAnHttpsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> viaProxy = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaProxy.statusCode()).isEqualTo(200);
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(viaProxy.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));

        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void aBodyLargerThanAllowedIsA413BeforeAnyWork() {
        String slug = defineEvent(uniqueSlug("big"), eventDefinition(10, 0, 10, 5, 5, 5));
        String name = "n".repeat(2 * 1024 * 1024);
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", "big@example.com"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asString()).contains("1024 KB");
        assertThat(registrations(slug)).isZero();
    }
}
