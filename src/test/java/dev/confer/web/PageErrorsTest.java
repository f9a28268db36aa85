package dev.confer.web;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal on a page is a page in the reader's language, with the usual header, not the API's JSON. */
class PageErrorsTest extends ApiTest {

    @Test
    void anUnknownEventOnAnOrganizerPageIsAPageInTheReadersLanguage() {
        Response korean = call("GET", "/organizer/no-such-event", ADMIN, null,
                Map.of("Accept", "text/html", "Accept-Language", "ko-KR,ko;q=0.9"));
        assertThat(korean.status()).isEqualTo(404);
        assertThat(korean.contentType()).startsWith("text/html");
        assertThat(korean.text()).contains("페이지를 찾을 수 없습니다", "id=\"error-detail\"", "no-such-event", "hreflang=\"en\"");

        Response english = call("GET", "/organizer/no-such-event", ADMIN, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
        assertThat(english.text()).contains("Page not found", "no-such-event");
    }

    @Test
    void aMissingPageKeepsTheLanguagePickerPointingAtTheSameAddress() {
        Response r = call("GET", "/nowhere/at/all?x=1", null, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("Page not found", "/nowhere/at/all?lang=ko");

        Response script = call("GET", "/nowhere/at/all", null, null, Map.of("Accept-Language", "ko"));
        assertThat(script.status()).isEqualTo(404);
        assertThat(script.contentType()).startsWith("application/problem+json");
        assertThat(script.json().get("detail").asString()).contains("/nowhere/at/all", "주소를 확인하세요");
    }

    @Test
    void theForbiddenPageKnowsWhoIsSignedIn() {
        String slug = defineEvent(uniqueSlug("errors"), eventDefinition(10, 0, 5, 5, 5, 5));
        String desk = staffToken(slug, "DESK", null);
        String cookie = "confer-staff=" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(desk.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Response r = call("GET", "/organizer", null, null, Map.of("Accept", "text/html", "Accept-Language", "en", "Cookie", cookie));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("Not allowed", "Sign out").doesNotContain("Staff sign-in");
    }
}
