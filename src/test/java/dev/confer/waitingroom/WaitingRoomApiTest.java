package dev.confer.waitingroom;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The waiting room over real HTTP: arrival order, one place per queue id, the pass the registration needs, its expiry. */
class WaitingRoomApiTest extends ApiTest {

    private static final Instant BEFORE_OPENING = Instant.parse("2037-04-01T00:55:00Z"); // 09:55 in Seoul
    private static final Instant OPENING = Instant.parse("2037-04-01T01:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    javax.sql.DataSource dataSource;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private String eventWithRoom(String opensAt, int admitPerMinute) {
        Map<String, Object> def = eventDefinition(20, 5, 5, 5, 5, 5);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("opensAt", opensAt);
        registration.put("waitingRoom", Map.of("admitPerMinute", admitPerMinute));
        def.put("registration", registration);
        return defineEvent(uniqueSlug("queue"), def);
    }

    private JsonNode join(String slug) {
        Response r = post("/api/v1/events/" + slug + "/queue", null, null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private JsonNode look(String slug, String id) {
        Response r = get("/api/v1/events/" + slug + "/queue/" + id, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private Response registerWith(String slug, String email, String pass) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept-Language", "en"));
        if (pass != null) {
            headers.put("X-Queue-Pass", pass);
        }
        return call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Visitor", "email", email), headers);
    }

    @Test
    void visitorsAreAdmittedInArrivalOrderAtTheRateAndEachPassRegistersOnce() {
        String slug = eventWithRoom("2037-04-01T10:00", 60); // one a second
        clock.set(BEFORE_OPENING);
        Response early = registerWith(slug, "early@example.com", null);
        assertThat(early.status()).isEqualTo(428);
        assertThat(early.json().get("detail").asString()).contains("waiting room").contains("X-Queue-Pass");
        assertThat(early.json().get("queue").asString()).isEqualTo("/api/v1/events/" + slug + "/queue");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode joined = join(slug);
            assertThat(joined.get("position").asLong()).isEqualTo(i + 1);
            ids.add(joined.get("id").asString());
        }
        // joining again (another tab without the cookie, a script) only ever adds places at the back
        assertThat(join(slug).get("position").asLong()).isEqualTo(6);
        assertThat(join(slug).get("position").asLong()).isEqualTo(7);
        for (int i = 0; i < 5; i++) {
            JsonNode place = look(slug, ids.get(i));
            assertThat(place.get("position").asLong()).isEqualTo(i + 1);
            assertThat(place.get("pass").isNull()).isTrue(); // nobody is admitted before the opening
            assertThat(place.get("etaSeconds").asLong()).isGreaterThanOrEqualTo(300);
        }

        clock.set(OPENING);
        ids.forEach(id -> look(slug, id)); // still here
        clock.set(OPENING.plusSeconds(2)); // two seconds at one a second: the first two arrivals
        assertThat(look(slug, ids.get(0)).get("pass").isString()).isTrue();
        assertThat(look(slug, ids.get(1)).get("pass").isString()).isTrue();
        JsonNode third = look(slug, ids.get(2));
        assertThat(third.get("pass").isNull()).isTrue();
        assertThat(third.get("position").asLong()).isEqualTo(1);
        assertThat(look(slug, ids.get(4)).get("position").asLong()).isEqualTo(3);

        String pass = look(slug, ids.get(0)).get("pass").asString();
        assertThat(registerWith(slug, "first@example.com", pass).status()).isEqualTo(201);
        Response again = registerWith(slug, "second@example.com", pass);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already been used");
        String forged = pass.substring(0, pass.length() - 2) + (pass.endsWith("AA") ? "BB" : "AA");
        assertThat(registerWith(slug, "forged@example.com", forged).status()).isEqualTo(403);
        // a refused registration gives the pass back
        String second = look(slug, ids.get(1)).get("pass").asString();
        assertThat(registerWith(slug, "first@example.com", second).status()).isEqualTo(409); // same address
        assertThat(registerWith(slug, "second@example.com", second).status()).isEqualTo(201);

        clock.set(OPENING.plusSeconds(3));
        assertThat(look(slug, ids.get(2)).get("pass").isString()).isTrue();
        assertThat(look(slug, ids.get(3)).get("pass").isNull()).isTrue();
        assertThat(registrations(slug)).isEqualTo(2);
    }

    @Test
    void aPassExpiresAndAVisitorWhoStoppedAskingIsPassedOverAndCounted() {
        String slug = eventWithRoom("2037-04-01T10:00", 6); // one every ten seconds
        clock.set(OPENING.plusSeconds(30)); // open, and for 15 minutes the room stays on
        String first = join(slug).get("id").asString();
        // an idle room lets the first arrival in at once
        String pass = look(slug, first).get("pass").asString();
        clock.set(OPENING.plusSeconds(31).plus(Duration.ofMinutes(10))); // the pass lasts 10 minutes
        Response expired = registerWith(slug, "late@example.com", pass);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("detail").asString()).contains("expired");
        JsonNode place = look(slug, first);
        assertThat(place.get("expired").asBoolean()).isTrue();
        assertThat(place.get("pass").isNull()).isTrue();

        // 5 join at once; the 2nd and 4th stop asking, and are passed over when their turn comes
        Instant rush = OPENING.plus(Duration.ofMinutes(12));
        clock.set(rush);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(join(slug).get("id").asString());
        }
        assertThat(look(slug, ids.get(0)).get("pass").isString()).isTrue(); // the idle room's one at once
        assertThat(look(slug, ids.get(1)).get("pass").isNull()).isTrue();
        clock.set(rush.plusSeconds(50)); // the 45 s since 2 and 4 were heard of ran out
        assertThat(look(slug, ids.get(2)).get("pass").isString()).isTrue();
        assertThat(look(slug, ids.get(4)).get("position").asLong()).isEqualTo(2); // the 4th, gone, still counts ahead
        clock.set(rush.plusSeconds(60));
        assertThat(look(slug, ids.get(4)).get("pass").isString()).isTrue();
        JsonNode overview = get("/api/v1/events/" + slug + "/queue", ADMIN).json();
        assertThat(overview.get("active").asBoolean()).isTrue();
        assertThat(overview.get("admitPerMinute").asInt()).isEqualTo(6);
        assertThat(overview.get("joined").asLong()).isEqualTo(6);
        assertThat(overview.get("admitted").asLong()).isEqualTo(4);
        assertThat(overview.get("droppedOut").asLong()).isEqualTo(2);
        assertThat(overview.get("waiting").asLong()).isZero();
        assertThat(get("/api/v1/events/" + slug + "/queue", null).status()).isEqualTo(401);
        // the place belongs to the browser: one passed over while away, back within the grace window (2 minutes of
        // their last question), is first in line for the next admission, at the rate: not let in at once
        JsonNode back = look(slug, ids.get(1));
        assertThat(back.get("pass").isNull()).isTrue();
        assertThat(back.get("position").asLong()).isEqualTo(1);
        clock.set(rush.plusSeconds(70));
        assertThat(look(slug, ids.get(1)).get("pass").isString()).isTrue();
    }

    @Test
    void aVisitorPassedOverWhoComesBackWaitsForTheRateAheadOfLaterArrivalsAndOneTooLateStartsAtTheBack() {
        String slug = eventWithRoom("2037-04-01T10:00", 6); // one every ten seconds
        Instant rush = OPENING.plus(Duration.ofMinutes(1));
        clock.set(rush);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(join(slug).get("id").asString());
        }
        assertThat(look(slug, ids.get(0)).get("pass").isString()).isTrue(); // the idle room's one at once
        // 1 and 2 stop asking; 3, 4 and 5 keep asking while the frontier passes over 1 and 2 and admits 3
        clock.set(rush.plusSeconds(50));
        for (int i = 3; i < 6; i++) {
            look(slug, ids.get(i));
        }
        assertThat(look(slug, ids.get(3)).get("pass").isString()).isTrue();
        // the 2nd arrival comes back 55 s after its last question (within the grace): not in at once, but first in
        // line, ahead of the 5th and 6th arrivals who have been waiting all along
        clock.set(rush.plusSeconds(55));
        JsonNode back = look(slug, ids.get(1));
        assertThat(back.get("pass").isNull()).isTrue();
        assertThat(back.get("position").asLong()).isEqualTo(1);
        assertThat(look(slug, ids.get(4)).get("position").asLong()).isEqualTo(2); // next past the frontier, behind it
        clock.set(rush.plusSeconds(60)); // one admission's worth of credit: it goes to the one who is back
        assertThat(look(slug, ids.get(4)).get("pass").isNull()).isTrue();
        assertThat(look(slug, ids.get(1)).get("pass").isString()).isTrue();
        clock.set(rush.plusSeconds(70));
        assertThat(look(slug, ids.get(4)).get("pass").isString()).isTrue();
        // the 3rd arrival comes back 3 minutes after its last question: its place is gone, it starts at the back
        clock.set(rush.plusSeconds(180));
        assertThat(look(slug, ids.get(5)).get("pass").isString()).isTrue(); // the 6th arrival's turn
        JsonNode late = look(slug, ids.get(2));
        assertThat(late.get("pass").isNull()).isTrue();
        assertThat(late.get("position").asLong()).isEqualTo(1); // a new number, after the 6th arrival's
        clock.set(rush.plusSeconds(185)); // not yet: half a place's worth of credit
        assertThat(look(slug, ids.get(2)).get("pass").isNull()).isTrue();
        clock.set(rush.plusSeconds(191));
        assertThat(look(slug, ids.get(2)).get("pass").isString()).isTrue();
    }

    @Test
    void whenThePlacesAreGoneTheRoomSaysSoldOutStopsAdmittingAndMovesAgainWhenAPlaceComesBack() {
        Map<String, Object> def = eventDefinition(2, 0, 2, 5, 5, 5); // two places, no waitlist
        def.put("registration", Map.of("opensAt", "2037-04-01T10:00", "waitingRoom", Map.of("admitPerMinute", 60)));
        String slug = defineEvent(uniqueSlug("soldout"), def);
        clock.set(BEFORE_OPENING);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode joined = join(slug);
            assertThat(joined.get("soldOut").asBoolean()).isFalse();
            ids.add(joined.get("id").asString());
        }
        clock.set(OPENING);
        ids.forEach(id -> look(slug, id)); // still here
        clock.set(OPENING.plusSeconds(2)); // one a second: the first two
        Response first = registerWith(slug, "first@example.com", look(slug, ids.get(0)).get("pass").asString());
        assertThat(first.status()).isEqualTo(201);
        assertThat(registerWith(slug, "second@example.com", look(slug, ids.get(1)).get("pass").asString()).status()).isEqualTo(201);

        clock.set(OPENING.plusSeconds(6)); // four more seconds' worth, but nothing is left to admit anyone to
        JsonNode third = look(slug, ids.get(2));
        assertThat(third.get("soldOut").asBoolean()).isTrue();
        assertThat(third.get("waitlistOnly").asBoolean()).isFalse();
        assertThat(third.get("pass").isNull()).isTrue();
        assertThat(third.get("position").asLong()).isEqualTo(1);
        assertThat(look(slug, ids.get(3)).get("pass").isNull()).isTrue();
        assertThat(get("/api/v1/events/" + slug + "/queue", ADMIN).json().get("admitted").asLong()).isEqualTo(2);
        assertThat(join(slug).get("soldOut").asBoolean()).isTrue();
        // the waiting page says so, in Korean too
        String page = call("GET", "/e/" + slug + "/queue", null, null,
                Map.of("Accept-Language", "ko", "Cookie", "confer-queue=" + ids.get(2))).text();
        assertThat(page).contains("data-state=\"sold-out\"").contains("매진");

        // a cancellation gives a place back: the line moves on to the third in line
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + first.json().get("id").asString(), ADMIN, null)
                .status()).isEqualTo(200);
        clock.set(OPENING.plusSeconds(8));
        JsonNode moving = look(slug, ids.get(2));
        assertThat(moving.get("soldOut").asBoolean()).isFalse();
        assertThat(moving.get("pass").isString()).isTrue();
    }

    @Test
    void whenOnlyTheWaitlistIsLeftTheRoomSaysSoAndKeepsAdmittingToIt() {
        Map<String, Object> def = eventDefinition(1, 3, 1, 5, 5, 5); // one place, a waitlist of three
        def.put("registration", Map.of("opensAt", "2037-04-01T10:00", "waitingRoom", Map.of("admitPerMinute", 60)));
        String slug = defineEvent(uniqueSlug("waitlistonly"), def);
        clock.set(BEFORE_OPENING);
        String a = join(slug).get("id").asString();
        String b = join(slug).get("id").asString();
        clock.set(OPENING.plusSeconds(1));
        assertThat(registerWith(slug, "a@example.com", look(slug, a).get("pass").asString()).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        clock.set(OPENING.plusSeconds(3));
        JsonNode second = look(slug, b);
        assertThat(second.get("soldOut").asBoolean()).isFalse();
        assertThat(second.get("waitlistOnly").asBoolean()).isTrue();
        Response waitlisted = registerWith(slug, "b@example.com", second.get("pass").asString());
        assertThat(waitlisted.status()).isEqualTo(201);
        assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
    }

    @Test
    void concurrentArrivalsGetDistinctConsecutivePlaces() throws Exception {
        String slug = eventWithRoom("2037-04-01T10:00", 60);
        clock.set(BEFORE_OPENING);
        ConcurrentLinkedQueue<Long> positions = new ConcurrentLinkedQueue<>();
        runConcurrently(8, 60, i -> positions.add(join(slug).get("position").asLong()));
        assertThat(positions).hasSize(60).doesNotHaveDuplicates().allMatch(p -> p >= 1 && p <= 60);
    }

    @Test
    void joiningWritesNoSharedRowSoAJoinGoesThroughWhileTheGateRowIsLocked() throws Exception {
        String slug = eventWithRoom("2037-04-01T10:00", 60);
        clock.set(BEFORE_OPENING);
        assertThat(join(slug).get("position").asLong()).isEqualTo(1); // the gate row exists from the first join
        long eventId = new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT id FROM event WHERE slug = ?", Long.class, slug);
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT 1 FROM queue_gate WHERE event_id = ? FOR UPDATE")) {
                lock.setLong(1, eventId);
                lock.executeQuery().close();
            }
            try {
                // an admission tick in progress (or, before arrival numbers came from a sequence, another join's
                // commit) holds the gate row: joins no longer wait for it
                java.util.concurrent.CompletableFuture<JsonNode> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> join(slug));
                assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS).get("position").asLong()).isEqualTo(2);
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void afterTheOpeningTheRoomComesOnWhenArrivalsBeatTheRate() {
        Map<String, Object> def = eventDefinition(20, 5, 5, 5, 5, 5);
        def.put("registration", Map.of("waitingRoom", Map.of("admitPerMinute", 2)));
        String slug = defineEvent(uniqueSlug("queue"), def);
        assertThat(registerWith(slug, "one@example.com", null).status()).isEqualTo(201);
        assertThat(registerWith(slug, "two@example.com", null).status()).isEqualTo(201);
        Response third = registerWith(slug, "three@example.com", null);
        assertThat(third.status()).isEqualTo(428);
        assertThat(get("/api/v1/events/" + slug + "/queue", ADMIN).json().get("active").asBoolean()).isTrue();
        Response ko = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Visitor", "email", "three@example.com"), Map.of("Accept-Language", "ko"));
        assertThat(ko.json().get("detail").asString()).contains("대기실");
    }

    @Test
    void anEventWithoutARoomHasNoQueueAndABadRateIsRefused() {
        String plain = defineEvent(uniqueSlug("noqueue"), eventDefinition(5, 0, 5, 5, 5, 5));
        assertThat(post("/api/v1/events/" + plain + "/queue", null, null).status()).isEqualTo(409);
        Map<String, Object> def = eventDefinition(5, 0, 5, 5, 5, 5);
        def.put("registration", Map.of("waitingRoom", Map.of("admitPerMinute", 0, "burst", 3)));
        Response r = call("PUT", "/api/v1/events/" + uniqueSlug("badqueue"), ADMIN, def);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("/registration/waitingRoom/admitPerMinute").contains("/registration/waitingRoom/burst");
    }

    private int registrations(String slug) {
        return get("/api/v1/events/" + slug + "/registrations", ADMIN).json().size();
    }
}
