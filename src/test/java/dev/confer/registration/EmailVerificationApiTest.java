package dev.confer.registration;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * registration.verifyEmail: a new registration holds its place PENDING until the mail's link is opened; a hold that
 * runs out returns the place (the waitlist moves) and nothing is ever oversold, whatever runs at once.
 */
class EmailVerificationApiTest extends ApiTest {

    private static final Instant NOW = Instant.parse("2037-04-01T01:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    HoldExpiry holds;

    @Autowired
    JdbcTemplate sql;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private String verifyingEvent(int capacity, int waitlist) {
        Map<String, Object> def = eventDefinition(capacity, waitlist, 1, 5, 5, 5);
        def.put("registration", Map.of("verifyEmail", true));
        return defineEvent(uniqueSlug("verify"), def);
    }

    private Response registerAs(String slug, String email) {
        return post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", "Held Kim", "email", email));
    }

    private Response verify(String slug, JsonNode created) {
        return call("POST", "/api/v1/events/" + slug + "/registrations/" + created.get("id").asString() + "/verification", null,
                null, Map.of("X-Manage-Token", created.get("manageToken").asString(), "Accept-Language", "en"));
    }

    private String status(String slug, JsonNode created) {
        return call("GET", "/api/v1/events/" + slug + "/registrations/" + created.get("id").asString(), null, null,
                Map.of("X-Manage-Token", created.get("manageToken").asString())).json().get("status").asString();
    }

    @Test
    void aNewRegistrationIsPendingWithAVerifyMailUntilTheLinkIsOpened() {
        clock.set(NOW);
        String slug = verifyingEvent(5, 0);
        JsonNode created = registerAs(slug, "held@example.com").json();
        assertThat(created.get("status").asString()).isEqualTo("PENDING");
        awaitEventsHandled();
        assertThat(sql.queryForList("SELECT kind FROM mail_outbox WHERE registration_id = ?::uuid", String.class,
                created.get("id").asString())).containsExactly("VERIFY");
        assertThat(call("POST", "/api/v1/events/" + slug + "/registrations/" + created.get("id").asString() + "/verification",
                null, null, Map.of("X-Manage-Token", "wrong")).status()).isEqualTo(403);

        String link = "/e/" + slug + "/verify/" + created.get("id").asString() + "?token=" + created.get("manageToken").asString();
        Response page = call("GET", link, null, null, Map.of("Accept-Language", "ko"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"verify-confirm\"").contains("확인하고 자리 확정하기");
        assertThat(call("GET", "/e/" + slug + "/my-ticket/" + created.get("id").asString() + "?token="
                + created.get("manageToken").asString(), null, null, Map.of("Accept-Language", "en")).text())
                .contains("Held: confirm your e-mail address");
        assertThat(status(slug, created)).as("opening the page confirms nothing").isEqualTo("PENDING");

        Response verified = verify(slug, created);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(verify(slug, created).json().get("status").asString()).as("opened twice").isEqualTo("CONFIRMED");
        awaitEventsHandled();
        assertThat(sql.queryForList("SELECT kind FROM mail_outbox WHERE registration_id = ?::uuid ORDER BY id", String.class,
                created.get("id").asString())).containsExactly("VERIFY", "CONFIRMATION");
        // an event without the setting confirms at once, as before
        String plain = defineEvent(uniqueSlug("noverify"), eventDefinition(5, 0, 1, 5, 5, 5));
        assertThat(registerAs(plain, "plain@example.com").json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anExpiredHoldReturnsItsPlaceToTheWaitlistAndTheLinkNoLongerWorks() {
        clock.set(NOW);
        String slug = verifyingEvent(2, 2);
        JsonNode first = registerAs(slug, "first@example.com").json();
        JsonNode second = registerAs(slug, "second@example.com").json();
        JsonNode waiting = registerAs(slug, "waiting@example.com").json();
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(verify(slug, second).json().get("status").asString()).isEqualTo("CONFIRMED");

        clock.set(NOW.plus(Duration.ofMinutes(29)));
        assertThat(holds.sweep()).isZero(); // 30 minutes by default
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        holds.sweep();
        assertThat(status(slug, first)).isEqualTo("CANCELLED");
        assertThat(status(slug, waiting)).as("the waitlist moved: a place held until the address is verified").isEqualTo("PENDING");
        Response late = verify(slug, first);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("detail").asString()).contains("not confirmed in time");
        assertThat(placesTaken(slug)).isEqualTo(2).isEqualTo(usedInShards(slug));
    }

    @Test
    void aWaitlistedPersonWhoMovesUpGetsAHeldPlaceAndTheVerifyMailAndAnUnverifiedOnePassesItOn() {
        clock.set(NOW);
        String slug = verifyingEvent(1, 2);
        JsonNode first = registerAs(slug, "first@example.com").json();
        assertThat(verify(slug, first).json().get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode waiting = registerAs(slug, "waiting@example.com").json();
        JsonNode last = registerAs(slug, "last@example.com").json();
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");

        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + first.get("id").asString(), ADMIN, null).status())
                .isEqualTo(200);
        assertThat(status(slug, waiting)).as("its address was never checked: held, not confirmed").isEqualTo("PENDING");
        awaitEventsHandled();
        assertThat(sql.queryForList("SELECT kind FROM mail_outbox WHERE registration_id = ?::uuid ORDER BY id", String.class,
                waiting.get("id").asString())).containsExactly("WAITLIST", "VERIFY");

        clock.set(NOW.plus(Duration.ofMinutes(30))); // the hold runs out unverified: the place moves on, held again
        holds.sweep();
        assertThat(status(slug, waiting)).isEqualTo("CANCELLED");
        assertThat(status(slug, last)).isEqualTo("PENDING");
        assertThat(verify(slug, last).json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placesTaken(slug)).isEqualTo(1).isEqualTo(usedInShards(slug));
    }

    @Test
    void holdsVerificationsExpiriesAndNewRegistrationsAtOnceNeverOversell() throws Exception {
        clock.set(NOW);
        int capacity = 10;
        String slug = verifyingEvent(capacity, 5);
        List<JsonNode> created = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger full = new AtomicInteger();
        runConcurrently(16, 30, i -> {
            Response r = registerAs(slug, "rush" + i + "@example.com");
            if (r.status() == 201) {
                created.add(r.json());
            } else {
                assertThat(r.status()).isEqualTo(409);
                full.incrementAndGet();
            }
        });
        assertThat(created.stream().filter(c -> c.get("status").asString().equals("PENDING"))).hasSize(capacity);
        assertThat(created.stream().filter(c -> c.get("status").asString().equals("WAITLISTED"))).hasSize(5);
        assertThat(full.get()).isEqualTo(15);

        List<JsonNode> pending = created.stream().filter(c -> c.get("status").asString().equals("PENDING")).toList();
        clock.set(NOW.plus(Duration.ofMinutes(30))); // every hold has run out
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        runConcurrently(16, 40, i -> {
            if (i < 10) { // the held ones try to verify, late
                answers.merge("verify " + verify(slug, pending.get(i)).status(), 1, Integer::sum);
            } else if (i < 14) { // instances sweeping at once
                holds.sweep();
            } else { // newcomers
                answers.merge("register " + registerAs(slug, "late" + i + "@example.com").status(), 1, Integer::sum);
            }
        });
        holds.sweep();
        assertThat(answers.getOrDefault("verify 200", 0) + answers.getOrDefault("verify 410", 0)).isEqualTo(10);
        assertThat(placesTaken(slug)).as("confirmed + pending").isLessThanOrEqualTo(capacity).isEqualTo(usedInShards(slug));
        Integer waiting = sql.queryForObject("SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.status = 'WAITLISTED'", Integer.class, slug);
        assertThat(waiting).isLessThanOrEqualTo(5);
        // newcomers who came before a sweep freed the places found the waitlist full (409), so how many of the freed
        // places were taken during the race depends on the timing; no place may be left free while someone waits
        assertThat(placesTaken(slug) == capacity || waiting == 0).as("freed places went to the waitlist first").isTrue();
        for (int n = 0; n < capacity && placesTaken(slug) < capacity; n++) {
            assertThat(registerAs(slug, "after" + n + "@example.com").json().get("status").asString()).isEqualTo("PENDING");
        }
        assertThat(placesTaken(slug)).as("the rest went to whoever came next, one each").isEqualTo(capacity)
                .isEqualTo(usedInShards(slug));
    }

    private int placesTaken(String slug) {
        return sql.queryForObject("SELECT count(*) FROM registration r JOIN event e ON e.id = r.event_id "
                + "WHERE e.slug = ? AND r.status IN ('CONFIRMED', 'PENDING')", Integer.class, slug);
    }

    private int usedInShards(String slug) {
        return sql.queryForObject("SELECT sum(s.used) FROM capacity_shard s JOIN event e ON e.id = s.event_id WHERE e.slug = ?",
                Integer.class, slug);
    }
}
