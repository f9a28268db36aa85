package dev.confer.web.site;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The team pages' rules that plain HTTP shows best: CSRF, private headers, one not-found for every wrong key. */
class TeamPagesHttpTest extends ApiTest {

    @Test
    void theTeamFormPostedWithoutItsCsrfTokenIsRefusedAndRegistersNobody() {
        String slug = defineEvent(uniqueSlug("team-csrf"), SiteEvents.upcoming(10, 0, 100));
        Response r = call("POST", "/e/" + slug + "/teams/new", null,
                "teamName=Eve&name=Eve&email=eve%40example.com&members=Mallory%2C+mallory%40example.com",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/registrations", ADMIN).json().size()).isZero();
    }

    @Test
    void onlyTheLeadsTokenOpensTheTeamsTicketsAndNothingIsCached() {
        String slug = defineEvent(uniqueSlug("team-private"), SiteEvents.upcoming(10, 0, 100));
        JsonNode team = post("/api/v1/events/" + slug + "/teams", null, Map.of("name", "Secret team", "locale", "en",
                "members", List.of(Map.of("name", "Lead Kim", "email", "lead@example.com"),
                        Map.of("name", "Member Lee", "email", "member@example.com")))).json();
        JsonNode lead = team.get("members").get(0);
        JsonNode member = team.get("members").get(1);
        JsonNode single = register(slug, "Solo Park", "solo@example.com");
        String base = "/e/" + slug + "/my-ticket/";

        Response ok = page(base + lead.get("id").asString() + "/team-tickets?token=" + lead.get("manageToken").asString());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().allValues("Cache-Control")).anyMatch(v -> v.contains("no-store"));
        assertThat(ok.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(ok.text()).contains("Secret team", "Member Lee", "member@example.com",
                base + member.get("id").asString() + "?token=" + member.get("manageToken").asString());

        List<Response> refused = List.of(
                page(base + lead.get("id").asString() + "/team-tickets?token=" + member.get("manageToken").asString()),
                page(base + lead.get("id").asString() + "/team-tickets"),
                page(base + member.get("id").asString() + "/team-tickets?token=" + member.get("manageToken").asString()),
                page(base + single.get("id").asString() + "/team-tickets?token=" + single.get("manageToken").asString()),
                page(base + UUID.randomUUID() + "/team-tickets?token=" + lead.get("manageToken").asString()),
                page(base + "not-an-id/team-tickets?token=" + lead.get("manageToken").asString()));
        for (Response r : refused) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("Page not found").doesNotContain("Secret team").doesNotContain("Member Lee");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(body(r)).isEqualTo(body(refused.getFirst()));
        }
    }

    private Response page(String path) {
        return call("GET", path, null, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
    }

    private static String body(Response r) {
        String text = r.text();
        return text.substring(text.indexOf("<main"), text.indexOf("</main>"));
    }
}
