package dev.confer.privacy;

import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure revokes the signed QR ticket: its signature still verifies offline, but the desk, a session door and a booth
 * refuse it with a verdict that says so (never an admission, nothing counted), and the floor devices' roster carries it
 * as REVOKED in the next delta, so an offline device refuses it too. The figures from before stay exact.
 */
class RevokedTicketTest extends TapTestSupport {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

    @Test
    void anErasedRegistrationsTicketIsRefusedEverywhereAndRevokedInTheRoster() {
        String slug = defineEvent(uniqueSlug("revoked"), ConsentApiTest.withPrivacy(eventDefinition(10, 5, 10, 10, 10, 10)));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode gone = register(slug, "Erased Choi", "erased.choi@example.com");
        JsonNode stays = register(slug, "Kept Han", "kept.han@example.com");
        String path = "/api/v1/events/" + slug + "/check-ins";
        assertThat(post(path, desk, Map.of("ticket", ticket(gone), "at", "2037-05-14T09:00:00+09:00")).status()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/events/" + slug + "/registrations/" + gone.get("id").asString() + "/badge", desk,
                Map.of("nfcUid", "04A1B2C3D4E5F6")).status()).isIn(200, 201);
        assertThat(tap(slug, sponsor, DAY1_AFTERNOON, "booth:B01", gone).status()).isEqualTo(200);
        String cursor = get("/api/v1/events/" + slug + "/roster", desk).json().get("cursor").asString();
        String figures = get("/api/v1/events/" + slug + "/stats", ADMIN).json().toString();

        Response erased = post("/api/v1/events/" + slug + "/registrations/" + gone.get("id").asString() + "/erasure?token="
                + gone.get("manageToken").asString(), null, null);
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);

        // the desk: the same day again and the next day; the badge's NFC UID was unlinked by the erasure
        for (Map<String, Object> scan : java.util.List.<Map<String, Object>>of(
                Map.of("ticket", ticket(gone), "at", "2037-05-14T10:00:00+09:00"),
                Map.of("ticket", ticket(gone), "at", "2037-05-15T09:00:00+09:00"))) {
            Response refused = call("POST", path, desk, scan, ENGLISH);
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("revoked").doesNotContain("Erased Choi");
        }
        Response badge = call("POST", path, desk, Map.of("nfcUid", "04A1B2C3D4E5F6", "at", "2037-05-15T09:01:00+09:00"), ENGLISH);
        assertThat(badge.status()).as(badge.text()).isEqualTo(404);
        assertThat(badge.json().get("detail").asString()).contains("not linked");
        // a session door and a booth
        for (Map.Entry<String, String> point : Map.of("session:S101", door, "booth:B01", sponsor).entrySet()) {
            Response refused = call("POST", "/api/v1/events/" + slug + "/taps", point.getValue(), tapBody(UUID.randomUUID().toString(),
                    DAY1_AFTERNOON, point.getKey(), Map.of("ticket", ticket(gone))), ENGLISH);
            assertThat(refused.status()).as(point.getKey() + ": " + refused.text()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("revoked");
        }
        // the next roster delta revokes it on every device; the others are untouched
        JsonNode delta = get("/api/v1/events/" + slug + "/roster?since=" + cursor, desk).json();
        assertThat(delta.get("entries")).hasSize(1);
        assertThat(delta.get("entries").get(0).get("id").asString()).isEqualTo(gone.get("id").asString());
        assertThat(delta.get("entries").get(0).get("status").asString()).isEqualTo("REVOKED");
        assertThat(delta.toString()).doesNotContain("Erased Choi");

        // nothing was counted, and someone else still checks in
        assertThat(get("/api/v1/events/" + slug + "/stats", ADMIN).json().toString()).isEqualTo(figures);
        assertThat(post(path, desk, Map.of("ticket", ticket(stays), "at", "2037-05-14T10:00:00+09:00")).status()).isEqualTo(200);
    }
}
