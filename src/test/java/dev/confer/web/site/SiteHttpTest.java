package dev.confer.web.site;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules of the site pages that plain HTTP shows best: CSRF, private headers, no leaks, no-JS agenda. */
class SiteHttpTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.confer.TestClock clock;

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded",
            "Accept", "text/html");

    @Test
    void formsPostedWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        String slug = defineEvent(uniqueSlug("site-csrf"), SiteEvents.upcoming(10, 0, 100));
        Response r = call("POST", "/e/" + slug + "/register", null, "name=Eve&email=eve%40example.com", FORM);
        assertThat(r.status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/registrations", ADMIN).json().size()).isZero();

        JsonNode attendee = register(slug, "Kim", "kim@example.com");
        String id = attendee.get("id").asString();
        Response cancel = call("POST", "/e/" + slug + "/my-ticket/" + id + "/cancel", null,
                "token=" + attendee.get("manageToken").asString(), FORM);
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/registrations/" + id, ADMIN).json().get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void myTicketIsNeverCachedNorSentOnAsReferrerAndAWrongTokenLooksLikeAWrongId() {
        String slug = defineEvent(uniqueSlug("site-private"), SiteEvents.upcoming(10, 0, 100));
        JsonNode attendee = register(slug, "Kim", "kim@example.com");
        String id = attendee.get("id").asString();
        String token = attendee.get("manageToken").asString();

        Response ok = page("/e/" + slug + "/my-ticket/" + id + "?token=" + token);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().allValues("Cache-Control")).anyMatch(v -> v.contains("no-store"));
        assertThat(ok.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(ok.text()).contains(attendee.get("ticket").asString()).contains("data:image/png;base64,");

        Response wrongToken = page("/e/" + slug + "/my-ticket/" + id + "?token=" + token.substring(1) + "A");
        Response noToken = page("/e/" + slug + "/my-ticket/" + id);
        Response wrongId = page("/e/" + slug + "/my-ticket/" + java.util.UUID.randomUUID() + "?token=" + token);
        Response notAnId = page("/e/" + slug + "/my-ticket/not-an-id?token=" + token);
        for (Response r : java.util.List.of(wrongToken, noToken, wrongId, notAnId)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.text()).contains("Page not found").doesNotContain("Kim").doesNotContain(attendee.get("ticket").asString());
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(body(wrongToken)).isEqualTo(body(wrongId));
    }

    @Test
    void anEventThatIsOverTakesNoRegistrations() {
        // the shared test event is in May 2037: the clock is set after its last day
        String slug = defineEvent(uniqueSlug("site-over"), eventDefinition(10, 5, 5, 5, 5, 5));
        clock.set(java.time.Instant.parse("2037-05-15T09:00:01Z")); // 18:00:01 in Seoul on the last day
        try {
            Response landing = page("/e/" + slug);
            assertThat(landing.text()).contains("Registration is closed: the event is over.").doesNotContain("id=\"register-link\"");
            Response form = page("/e/" + slug + "/register");
            assertThat(form.text()).contains("Registration is closed: the event is over.").doesNotContain("id=\"register\"");
            Response api = post("/api/v1/events/" + slug + "/registrations", null,
                    Map.of("name", "Late Lee", "email", "late@example.com"));
            assertThat(api.status()).isEqualTo(409);
            assertThat(api.json().get("detail").asString()).contains("closed");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theAgendaWorksWithoutJavaScriptAndHtmxGetsOnlyTheResults() {
        String slug = defineEvent(uniqueSlug("site-nojs"), SiteEvents.upcoming(10, 0, 100));
        Response full = page("/e/" + slug + "/agenda?day=" + SiteEvents.DAY1 + "&q=Scaling&track=&language=");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.text()).contains("<html").contains("data-code=\"S102\"").doesNotContain("data-code=\"S101\"")
                .contains("1 sessions");
        Response fragment = call("GET", "/e/" + slug + "/agenda?track=fin", null, null,
                Map.of("HX-Request", "true", "Accept", "text/html"));
        assertThat(fragment.text()).doesNotContain("<html").contains("id=\"agenda-results\"")
                .contains("data-code=\"S101\"").contains("data-code=\"S103\"").doesNotContain("data-code=\"S102\"");
        assertThat(fragment.headers().firstValue("Vary").orElse("")).containsIgnoringCase("HX-Request");

        assertThat(page("/e/no-such-event-" + slug).status()).isEqualTo(404);
        assertThat(page("/e/" + slug + "/sessions/NOPE").text()).contains("Page not found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void myTicketSaysWhenAndWhereLunchIs() {
        Map<String, Object> def = eventDefinition(10, 5, 5, 5, 5, 5);
        java.util.List<Object> days = new java.util.ArrayList<>((java.util.List<Object>) def.get("days"));
        Map<String, Object> first = new java.util.LinkedHashMap<>((Map<String, Object>) days.getFirst());
        first.put("lunch", Map.of("from", "11:30", "to", "13:30", "place", Map.of("ko", "B홀 푸드코트", "en", "Hall B food court")));
        days.set(0, first);
        def.put("days", days);
        String slug = defineEvent(uniqueSlug("site-lunch"), def);
        tools.jackson.databind.JsonNode a = register(slug, "Kim", "kim@example.com");
        String path = "/e/" + slug + "/my-ticket/" + a.get("id").asString() + "?token=" + a.get("manageToken").asString();
        assertThat(page(path).text()).contains("Lunch 11:30–13:30 at Hall B food court");
        assertThat(call("GET", path, null, null, Map.of("Accept", "text/html", "Accept-Language", "ko")).text())
                .contains("점심 11:30–13:30, B홀 푸드코트");
    }

    private Response page(String path) {
        return call("GET", path, null, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
    }

    private static String body(Response r) {
        String text = r.text();
        return text.substring(text.indexOf("<main"), text.indexOf("</main>"));
    }
}
