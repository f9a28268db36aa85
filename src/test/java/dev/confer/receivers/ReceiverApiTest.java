package dev.confer.receivers;

import dev.confer.TestClock;
import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interpretation and receivers (issue 13, point 8): sessions' interpretation channels and the event's receiver stock
 * round-trip through the definition; the desk lends a receiver against a ticket or badge (idempotent by the device's
 * id, one open loan per attendee, never more than the stock) and takes it back (idempotent); the organizer sees the
 * loans not back at a day's end. Real HTTP, real PostgreSQL.
 */
class ReceiverApiTest extends TapTestSupport {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(int receivers) {
        Map<String, Object> def = eventDefinition(300, 0, 10, 10, 10, 50);
        def.put("receivers", Map.of("stock", receivers));
        List<Object> sessions = new ArrayList<>();
        for (Object s : (List<Object>) def.get("sessions")) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) s);
            if (copy.get("code").equals("S101")) {
                copy.put("interpretation", List.of("en", "ja"));
            }
            sessions.add(copy);
        }
        def.put("sessions", sessions);
        return def;
    }

    private Response lend(String slug, String token, String id, Map<String, String> credential) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("credential", credential);
        return post("/api/v1/events/" + slug + "/receivers/loans", token, body);
    }

    private Response lend(String slug, String token, String id, JsonNode attendee) {
        return lend(slug, token, id, Map.of("ticket", ticket(attendee)));
    }

    private Response giveBack(String slug, String token, String loanId) {
        return post("/api/v1/events/" + slug + "/receivers/loans/" + loanId + "/return", token, Map.of());
    }

    @Test
    void interpretationAndReceiversRoundTripThroughTheDefinition() {
        String slug = defineEvent(uniqueSlug("rx-def"), definition(40));
        JsonNode event = get("/api/v1/events/" + slug, null).json();
        assertThat(event.get("receivers").get("stock").asInt()).isEqualTo(40);
        assertThat(event.get("sessions").get(0).get("interpretation").get(0).asString()).isEqualTo("en");
        assertThat(event.get("sessions").get(0).get("interpretation").get(1).asString()).isEqualTo("ja");
        assertThat(event.get("sessions").get(1).get("interpretation")).isEmpty();
        // the channels on the agenda, the session's page and My agenda, in the reader's language
        Map<String, String> en = Map.of("Accept-Language", "en", "Accept", "text/html");
        assertThat(call("GET", "/e/" + slug + "/agenda", null, null, en).text()).contains("Interpretation: English, Japanese");
        assertThat(call("GET", "/e/" + slug + "/sessions/S101", null, null, Map.of("Accept-Language", "ko", "Accept", "text/html"))
                .text()).contains("영어, 일본어", "수신기는 등록 데스크에서 대여하세요");
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        String token = "?token=" + ann.get("manageToken").asString();
        assertThat(call("PUT", "/api/v1/events/" + slug + "/registrations/" + ann.get("id").asString() + "/agenda/stars/S101" + token,
                null, null).status()).isIn(200, 201, 204);
        assertThat(call("GET", "/e/" + slug + "/my-ticket/" + ann.get("id").asString() + "/agenda" + token, null, null, en).text())
                .contains("Interpretation: English, Japanese");
        JsonNode schema = get("/api/v1/schema/event-definition", null).json();
        assertThat(schema.get("properties").has("receivers")).isTrue();
        assertThat(schema.get("$defs").get("session").get("properties").has("interpretation")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void badChannelsAndStockAreRefusedWithTheirPointers() {
        Map<String, Object> def = definition(-1);
        Map<String, Object> s101 = (Map<String, Object>) ((List<Object>) def.get("sessions")).get(0);
        s101.put("interpretation", List.of("en", "EN", "not a tag!", ""));
        Response r = call("PUT", "/api/v1/events/" + uniqueSlug("rx-bad"), ADMIN, def);
        assertThat(r.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).contains("/receivers/stock", "/sessions/0/interpretation/1", "/sessions/0/interpretation/2",
                "/sessions/0/interpretation/3");
        def.put("receivers", Map.of("stock", 5, "spare", 1));
        s101.put("interpretation", List.of("en"));
        Response unknown = call("PUT", "/api/v1/events/" + uniqueSlug("rx-bad"), ADMIN, def);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/receivers/spare");
    }

    @Test
    void theDeskLendsOnePerAttendeeAndTakesItBackAndResendsChangeNothing() {
        String slug = defineEvent(uniqueSlug("rx"), definition(2));
        String desk = staffToken(slug, "DESK", null);
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        JsonNode bo = register(slug, "Bo", "bo@example.com");
        JsonNode cy = register(slug, "Cy", "cy@example.com");
        bindBadge(slug, bo, "04A1B2C3");

        String first = UUID.randomUUID().toString();
        Response lent = lend(slug, desk, first, ann);
        assertThat(lent.status()).isEqualTo(201);
        assertThat(lent.json().get("id").asString()).isEqualTo(first);
        assertThat(lent.json().get("name").asString()).isEqualTo("Ann");
        assertThat(lent.json().get("out").asInt()).isEqualTo(1);
        assertThat(lent.json().get("left").asInt()).isEqualTo(1);
        assertThat(lent.json().get("returnedAt").isNull()).isTrue();

        Response resent = lend(slug, desk, first, ann);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("duplicate").asBoolean()).isTrue();
        assertThat(resent.json().get("out").asInt()).isEqualTo(1);

        Response second = lend(slug, desk, UUID.randomUUID().toString(), ann);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("already has one");
        assertThat(second.json().get("loanId").asString()).isEqualTo(first);
        Response ko = call("POST", "/api/v1/events/" + slug + "/receivers/loans", desk,
                Map.of("credential", Map.of("ticket", ticket(ann))), Map.of("Accept-Language", "ko"));
        assertThat(ko.json().get("detail").asString()).contains("이미 하나를 대여 중");

        Response byBadge = lend(slug, desk, null, Map.of("nfcUid", "04A1B2C3"));
        assertThat(byBadge.status()).as("a badge's chip, and no id: the server makes one").isEqualTo(201);
        assertThat(byBadge.json().get("name").asString()).isEqualTo("Bo");
        Response none = lend(slug, desk, UUID.randomUUID().toString(), cy);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("No receivers left", "2");
        assertThat(none.json().get("stock").asInt()).isEqualTo(2);

        Response back = giveBack(slug, desk, first);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("returnedAt").isNull()).isFalse();
        assertThat(back.json().get("duplicate").asBoolean()).isFalse();
        assertThat(back.json().get("out").asInt()).isEqualTo(1);
        Response backAgain = giveBack(slug, desk, first);
        assertThat(backAgain.status()).isEqualTo(200);
        assertThat(backAgain.json().get("duplicate").asBoolean()).isTrue();
        assertThat(backAgain.json().get("returnedAt").asString()).isEqualTo(back.json().get("returnedAt").asString());
        assertThat(backAgain.json().get("out").asInt()).isEqualTo(1);

        assertThat(lend(slug, desk, UUID.randomUUID().toString(), cy).status()).as("the receiver Ann returned").isEqualTo(201);
        assertThat(lend(slug, desk, first, cy).status()).as("Ann's loan id for Cy").isEqualTo(409);
        assertThat(lend(slug, desk, "not-a-uuid", cy).status()).isEqualTo(400);
        assertThat(lend(slug, desk, UUID.randomUUID().toString(), Map.of()).status()).isEqualTo(400);
        assertThat(lend(slug, desk, UUID.randomUUID().toString(), Map.of("nfcUid", "FFFF")).status()).isEqualTo(404);
        assertThat(lend(slug, desk, UUID.randomUUID().toString(), Map.of("ticket", "CF1.forged")).status()).isIn(400, 422);
        assertThat(giveBack(slug, desk, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(lend(slug, staffToken(slug, "DOOR", null), UUID.randomUUID().toString(), ann).status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/receivers", desk).status()).isEqualTo(403);

        long event = eventId(slug);
        assertThat(count("SELECT lent FROM receiver_stock WHERE event_id = ?", event)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM receiver_loan WHERE event_id = ? AND returned_at IS NULL", event)).isEqualTo(2);

        // the loan is in the attendee's data export, and the organizer's dashboard shows the receivers out
        JsonNode export = get("/api/v1/events/" + slug + "/registrations/" + cy.get("id").asString() + "/data?token="
                + cy.get("manageToken").asString(), null).json();
        assertThat(export.get("receivers")).hasSize(1);
        assertThat(export.get("receivers").get(0).get("returnedAt").isNull()).isTrue();
        Response dashboard = call("GET", "/organizer/" + slug, ADMIN, null, Map.of("Accept-Language", "en", "Accept", "text/html"));
        assertThat(dashboard.text()).contains("Interpretation receivers", "2 out on loan · 0 of 2 in stock");

        // a new definition may not have fewer receivers than are out
        Response lowered = call("PUT", "/api/v1/events/" + slug, ADMIN, definition(1));
        assertThat(lowered.status()).isEqualTo(400);
        assertThat(lowered.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/receivers/stock");
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, definition(3)).status()).isEqualTo(200);
        assertThat(count("SELECT stock FROM receiver_stock WHERE event_id = ?", event)).isEqualTo(3);

        // a cancelled ticket borrows nothing
        call("DELETE", "/api/v1/events/" + slug + "/registrations/" + ann.get("id").asString(), ADMIN, null);
        Response cancelled = lend(slug, desk, UUID.randomUUID().toString(), ann);
        assertThat(cancelled.status()).isIn(409, 410, 422);
    }

    @Test
    void anEventWithoutReceiversLendsNone() {
        String slug = defineEvent(uniqueSlug("rx-none"), eventDefinition(300, 0, 10, 10, 10, 50));
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        Response r = lend(slug, staffToken(slug, "DESK", null), UUID.randomUUID().toString(), ann);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("no interpretation receivers");
    }

    @Test
    void theOrganizerSeesTheLoansStillOpenAtEachDaysEnd() {
        String slug = defineEvent(uniqueSlug("rx-late"), definition(10));
        String desk = staffToken(slug, "DESK", null);
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        JsonNode bo = register(slug, "Bo", "bo@example.com");
        JsonNode cy = register(slug, "Cy", "cy@example.com");
        clock.set(Instant.parse("2037-05-14T01:00:00Z")); // 10:00 in Seoul on day one
        String annLoan = lend(slug, desk, UUID.randomUUID().toString(), ann).json().get("id").asString();
        String boLoan = lend(slug, desk, UUID.randomUUID().toString(), bo).json().get("id").asString();
        lend(slug, desk, UUID.randomUUID().toString(), cy);
        clock.set(Instant.parse("2037-05-14T08:00:00Z")); // 17:00: Ann gives hers back before the day ends
        giveBack(slug, desk, annLoan);
        clock.set(Instant.parse("2037-05-14T08:30:00Z")); // 17:30: the day has not ended, nothing is overdue yet
        JsonNode during = get("/api/v1/events/" + slug + "/receivers", ADMIN).json();
        assertThat(during.get("out").asInt()).isEqualTo(2);
        assertThat(during.get("left").asInt()).isEqualTo(8);
        assertThat(during.get("overdue")).isEmpty();

        clock.set(Instant.parse("2037-05-15T00:00:00Z")); // 09:00 on day two
        giveBack(slug, desk, boLoan); // Bo brings it back the next morning: still overdue for day one
        JsonNode next = get("/api/v1/events/" + slug + "/receivers", ADMIN).json();
        assertThat(next.get("out").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        next.get("overdue").forEach(o -> names.add(o.get("day").asString() + " " + o.get("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("2037-05-14 Bo", "2037-05-14 Cy");
        JsonNode bos = null;
        for (JsonNode o : next.get("overdue")) {
            bos = o.get("name").asString().equals("Bo") ? o : bos;
        }
        assertThat(bos.get("email").asString()).isEqualTo("bo@example.com");
        assertThat(bos.get("returnedAt").isNull()).as("back the next morning").isFalse();
        String page = call("GET", "/organizer/" + slug, ADMIN, null, Map.of("Accept-Language", "ko", "Accept", "text/html")).text();
        assertThat(page).contains("그날 끝날 때까지 반납되지 않은 수신기", "bo@example.com", "cy@example.com", "미반납")
                .doesNotContain("ann@example.com");
        assertThat(count("SELECT count(*) FROM access_log WHERE event_id = ? AND action = 'RECEIVERS_OVERDUE'", eventId(slug)))
                .isGreaterThan(0);
    }

    /**
     * Forty attendees, 15 receivers; every attendee asks twice with its own id (a resend) and once more with a new id,
     * all at once on 24 threads: exactly 15 loans, to 15 different people, none twice; the stock counter equals the
     * open loans. With the stock check and the loan in separate statements this lends more than there are.
     */
    @Test
    void concurrentLoansNeverPassTheStockNorLendTwiceToOnePerson() throws Exception {
        String slug = defineEvent(uniqueSlug("rx-rush"), definition(15));
        String desk = staffToken(slug, "DESK", null);
        List<JsonNode> attendees = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attendees.add(register(slug, "Listener " + i, "rx" + i + "@example.com"));
        }
        record Ask(String id, JsonNode attendee) {
        }
        List<Ask> asks = new ArrayList<>();
        for (JsonNode a : attendees) {
            String id = UUID.randomUUID().toString();
            asks.add(new Ask(id, a));
            asks.add(new Ask(id, a));
            asks.add(new Ask(UUID.randomUUID().toString(), a));
        }
        java.util.Collections.shuffle(asks, new java.util.Random(8));
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Map<String, Integer> lentById = new ConcurrentHashMap<>();
        Map<String, Integer> lentByPerson = new ConcurrentHashMap<>();
        runConcurrently(24, asks.size(), i -> {
            Ask ask = asks.get(i);
            Response r = lend(slug, desk, ask.id(), ask.attendee());
            statuses.add(r.status());
            if (r.status() == 201) {
                lentById.merge(ask.id(), 1, Integer::sum);
                lentByPerson.merge(ask.attendee().get("id").asString(), 1, Integer::sum);
            }
        });
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(15);
        assertThat(lentById.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(lentByPerson).hasSize(15);
        assertThat(lentByPerson.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        long event = eventId(slug);
        assertThat(count("SELECT lent FROM receiver_stock WHERE event_id = ?", event)).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM receiver_loan WHERE event_id = ?", event)).isEqualTo(15);
        assertThat(count("SELECT count(DISTINCT registration_id) FROM receiver_loan WHERE event_id = ?", event)).isEqualTo(15);

        // every loan returned twice at once, and the other 25 ask again meanwhile: the counter never goes below 0
        List<String> loanIds = new ArrayList<>(lentById.keySet());
        List<JsonNode> waiting = attendees.stream().filter(a -> !lentByPerson.containsKey(a.get("id").asString())).toList();
        List<Runnable> work = new ArrayList<>();
        for (String id : loanIds) {
            work.add(() -> assertThat(giveBack(slug, desk, id).status()).isEqualTo(200));
            work.add(() -> assertThat(giveBack(slug, desk, id).status()).isEqualTo(200));
        }
        for (JsonNode a : waiting) {
            work.add(() -> assertThat(lend(slug, desk, UUID.randomUUID().toString(), a).status()).isIn(201, 409));
        }
        java.util.Collections.shuffle(work, new java.util.Random(9));
        runConcurrently(24, work.size(), i -> work.get(i).run());
        int open = count("SELECT count(*) FROM receiver_loan WHERE event_id = ? AND returned_at IS NULL", event);
        assertThat(count("SELECT lent FROM receiver_stock WHERE event_id = ?", event)).isEqualTo(open);
        assertThat(open).isLessThanOrEqualTo(15);
        assertThat(count("SELECT count(*) FROM receiver_loan WHERE event_id = ? AND returned_at IS NOT NULL", event))
                .isEqualTo(15);
        assertThat(Set.copyOf(jdbc.sql("SELECT registration_id::text FROM receiver_loan WHERE event_id = ? AND returned_at IS NULL")
                .param(event).query(String.class).list())).hasSize(open);
    }
}
