package dev.confer.tickets;

import dev.confer.ApiTest;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A ticket kept at registration (table issued_ticket) is accepted by comparison; everything else is verified in full
 * with Ed25519, exactly as before the table existed.
 */
class IssuedTicketApiTest extends ApiTest {

    private static final String MORNING = "2037-05-14T09:00:00+09:00";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tickets tickets;

    @Test
    void aRegistrationKeepsTheTicketItIsGivenAndChecksInWithIt() {
        String slug = defineEvent(uniqueSlug("kept"), eventDefinition(10, 0, 10, 2, 1, 100));
        JsonNode alice = register(slug, "Alice", "a@example.com");
        assertThat(kept(alice)).isEqualTo(alice.get("ticket").asString());
        assertThat(jdbc.sql("SELECT key_fingerprint FROM issued_ticket WHERE registration_id = ?")
                .param(UUID.fromString(alice.get("id").asString())).query(Long.class).single())
                .isEqualTo(keyFingerprint(slug));

        Response scan = checkIn(slug, staffToken(slug, "DESK", null), alice.get("ticket").asString());
        assertThat(scan.status()).as(scan.text()).isEqualTo(200);
        assertThat(scan.json().get("registrationId").asString()).isEqualTo(alice.get("id").asString());
    }

    @Test
    void aTeamKeepsEveryMembersTicket() {
        String slug = defineEvent(uniqueSlug("kept"), eventDefinition(10, 0, 10, 2, 1, 100));
        List<JsonNode> team = registerTeam(slug, "Team Kept", "Lead One", "Member Two", "Member Three");
        assertThat(team).hasSize(3).allSatisfy(member -> assertThat(kept(member)).isEqualTo(member.get("ticket").asString()));
        Response scan = checkIn(slug, staffToken(slug, "DESK", null), team.get(2).get("ticket").asString());
        assertThat(scan.status()).as(scan.text()).isEqualTo(200);
    }

    @Test
    void aForgedSignatureOnARealPayloadIsStillRefused() {
        String slug = defineEvent(uniqueSlug("kept"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode alice = register(slug, "Alice", "a@example.com");
        JsonNode bob = register(slug, "Bob", "b@example.com");
        String aliceTicket = alice.get("ticket").asString();
        String body = aliceTicket.substring(0, aliceTicket.lastIndexOf('.'));
        // a real Ed25519 signature of this event's key, but over Bob's payload; and Alice's with one character changed
        String bobsSignature = body + bob.get("ticket").asString().substring(bob.get("ticket").asString().lastIndexOf('.'));
        int i = aliceTicket.length() - 10;
        String flipped = aliceTicket.substring(0, i) + (aliceTicket.charAt(i) == 'A' ? 'B' : 'A') + aliceTicket.substring(i + 1);

        for (String forged : List.of(bobsSignature, flipped)) {
            Response scan = checkIn(slug, desk, forged);
            assertThat(scan.status()).as(forged).isEqualTo(422);
            assertThat(scan.json().get("detail").asString()).contains("forged");
            assertThatThrownBy(() -> tickets.verify(schedule(slug), forged)).isInstanceOf(Rejection.class);
        }
        assertThat(checkIn(slug, desk, aliceTicket).status()).isEqualTo(200); // the real one after the forgeries
        assertThat(jdbc.sql("SELECT count(*) FROM checkin WHERE registration_id = ?")
                .param(UUID.fromString(alice.get("id").asString())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTicketIssuedBeforeTicketsWereKeptStillChecksIn() {
        String slug = defineEvent(uniqueSlug("kept"), eventDefinition(10, 0, 10, 2, 1, 100));
        JsonNode alice = register(slug, "Alice", "a@example.com");
        // as a registration made before V83: no row, so the ticket is verified with Ed25519
        jdbc.sql("DELETE FROM issued_ticket WHERE registration_id = ?").param(UUID.fromString(alice.get("id").asString())).update();

        Response scan = checkIn(slug, staffToken(slug, "DESK", null), alice.get("ticket").asString());
        assertThat(scan.status()).as(scan.text()).isEqualTo(200);
        assertThat(scan.json().get("firstToday").asBoolean()).isTrue();
    }

    @Test
    void aTicketKeptUnderAnotherKeyIsVerifiedInFull() {
        String slug = defineEvent(uniqueSlug("kept"), eventDefinition(10, 0, 10, 2, 1, 100));
        JsonNode alice = register(slug, "Alice", "a@example.com");
        JsonNode bob = register(slug, "Bob", "b@example.com");
        UUID aliceId = UUID.fromString(alice.get("id").asString());
        String aliceTicket = alice.get("ticket").asString();
        String forged = aliceTicket.substring(0, aliceTicket.lastIndexOf('.'))
                + bob.get("ticket").asString().substring(bob.get("ticket").asString().lastIndexOf('.'));
        // a row as a key that is no longer the event's would have left it: its text is not taken on trust
        jdbc.sql("UPDATE issued_ticket SET ticket = ?, key_fingerprint = key_fingerprint + 1 WHERE registration_id = ?")
                .params(forged, aliceId).update();
        EventSchedule event = schedule(slug);
        assertThatThrownBy(() -> tickets.verify(event, forged)).isInstanceOf(Rejection.class);
        // the genuine ticket is not the kept text: verified in full, and accepted
        assertThat(tickets.verify(event, aliceTicket)).isEqualTo(new RegistrationId(aliceId));
    }

    private Response checkIn(String slug, String desk, String ticket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", ticket);
        body.put("desk", "D1");
        body.put("at", MORNING);
        return post("/api/v1/events/" + slug + "/check-ins", desk, body);
    }

    private String kept(JsonNode registration) {
        return jdbc.sql("SELECT ticket FROM issued_ticket WHERE registration_id = ?")
                .param(UUID.fromString((registration.has("id") ? registration.get("id") : registration.get("registrationId")).asString()))
                .query(String.class).single();
    }

    private long keyFingerprint(String slug) {
        byte[] publicKey = jdbc.sql("SELECT public_key FROM ticket_key k JOIN event e ON e.id = k.event_id WHERE e.slug = ?")
                .param(slug).query(byte[].class).single();
        try {
            return java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("SHA-256").digest(publicKey)).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventSchedule schedule(String slug) {
        long id = jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
        return new EventSchedule(id, slug, dev.confer.shared.LocalizedText.of(slug), java.time.ZoneId.of("Asia/Seoul"),
                0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
