package dev.confer.web.organizer;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may open the organizer's pages, what a form without its CSRF token gets, and the mail box's two faces. */
class OrganizerAccessTest extends ApiTest {

    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

    @Test
    void onlyTheOrganizerOpensThesePages() {
        String slug = defineEvent(uniqueSlug("org-access"), eventDefinition(10, 0, 5, 5, 5, 5));
        String desk = staffToken(slug, "DESK", null);
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        for (String path : new String[]{"/organizer", "/organizer/" + slug, "/organizer/" + slug + "/staff",
                "/organizer/" + slug + "/live/headline", "/organizer/" + slug + "/definition.json", "/dev/mail"}) {
            Response anonymous = call("GET", path, null, null, BROWSER);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElse("")).as(path).contains("/login?next=");
            assertThat(call("GET", path, desk, null, BROWSER).status()).as(path).isEqualTo(403);
            assertThat(call("GET", path, sponsor, null, BROWSER).status()).as(path).isEqualTo(403);
            assertThat(call("GET", path, ADMIN, null, BROWSER).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anImportWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String slug = uniqueSlug("org-csrf");
        String body = "slug=" + slug + "&json=" + java.net.URLEncoder.encode(JSON.writeValueAsString(eventDefinition(10, 0, 5, 5, 5, 5)),
                java.nio.charset.StandardCharsets.UTF_8);
        Response r = call("POST", "/organizer/import", null, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug, null).status()).isEqualTo(404);
    }

    @Test
    void theDownloadedDefinitionImportsAgainUnchanged() {
        String slug = defineEvent(uniqueSlug("org-export"), eventDefinition(10, 3, 5, 5, 5, 5));
        Response file = get("/organizer/" + slug + "/definition.json", ADMIN);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", slug + ".json");
        assertThat(file.json().get("timezone").asString()).isEqualTo("Asia/Seoul");
        assertThat(file.json().get("days").get(0).get("doorsOpen").asString()).isEqualTo("08:00");
        String copy = uniqueSlug("org-copy");
        assertThat(call("PUT", "/api/v1/events/" + copy, ADMIN, file.text()).status()).isEqualTo(201);
        assertThat(get("/api/v1/events/" + copy, null).json().get("sessions"))
                .isEqualTo(get("/api/v1/events/" + slug, null).json().get("sessions"));
    }

    @Test
    void theMailBoxStaysJsonForScriptsAndIsAPageForBrowsers() {
        String slug = defineEvent(uniqueSlug("org-mail"), eventDefinition(10, 0, 5, 5, 5, 5));
        register(slug, "Alice", "alice@" + slug + ".example.com");
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 1);
        Response plain = get("/dev/mail?event=" + slug, ADMIN);
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(plain.json().get(0).get("kind").asString()).isEqualTo("CONFIRMATION");
        Response json = call("GET", "/dev/mail?event=" + slug, ADMIN, null, Map.of("Accept", "application/json"));
        assertThat(json.json()).isEqualTo(plain.json());
        Response page = call("GET", "/dev/mail?event=" + slug, ADMIN, null, BROWSER);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("alice@" + slug + ".example.com", "/dev/mail/" + plain.json().get(0).get("id").asLong());
    }
}
