package dev.confer.checkin;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CheckinApiTest extends ApiTest {

    private static final String MORNING = "2037-05-14T09:00:00+09:00";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Checkins checkins;

    @Autowired
    dev.confer.tickets.Tickets tickets;

    private Response checkIn(String slug, String token, String ticket, String at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", ticket);
        body.put("desk", "D1");
        if (at != null) {
            body.put("at", at);
        }
        return post("/api/v1/events/" + slug + "/check-ins", token, body);
    }

    private JsonNode checkedIn(String slug, String token, String ticket, String at) {
        Response r = checkIn(slug, token, ticket, at);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static String ticket(JsonNode registration) {
        return registration.get("ticket").asString();
    }

    @Test
    void firstScanOfTheDayTakesAVoucherAndTheNextKeynoteSeatAndRescansGiveTheSame() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        JsonNode b = register(slug, "Alice", "b@example.com");
        JsonNode c = register(slug, "Bob", "c@example.com");
        JsonNode d = register(slug, "Dana", "d@example.com");
        JsonNode late = register(slug, "Late", "e@example.com");

        JsonNode first = checkedIn(slug, desk, ticket(a), MORNING);
        assertThat(first.get("registrationId").asString()).isEqualTo(a.get("id").asString());
        assertThat(first.get("name").asString()).isEqualTo("김민준");
        assertThat(first.get("company").asString()).isEqualTo("Hanbit");
        assertThat(first.get("day").asString()).isEqualTo("2037-05-14");
        assertThat(first.get("firstToday").asBoolean()).isTrue();
        assertThat(first.get("checkedInAt").asString()).isEqualTo("2037-05-14T09:00:00+09:00");
        assertThat(first.get("mealVoucher").get("code").asString()).matches("0514-00001-[2-9A-Z]{6}");
        assertThat(first.get("keynoteSeat").get("hall").asString()).isEqualTo("Hall D");
        assertThat(first.get("keynoteSeat").get("seat").asInt()).isEqualTo(1);
        assertThat(first.get("badgeUrl").asString())
                .isEqualTo("/api/v1/events/" + slug + "/registrations/" + a.get("id").asString() + "/badge.pdf?day=2037-05-14");

        JsonNode again = checkedIn(slug, desk, ticket(a), "2037-05-14T09:40:00+09:00");
        assertThat(again.get("firstToday").asBoolean()).isFalse();
        assertThat(again.get("checkedInAt").asString()).isEqualTo("2037-05-14T09:00:00+09:00");
        assertThat(again.get("mealVoucher")).isEqualTo(first.get("mealVoucher"));
        assertThat(again.get("keynoteSeat")).isEqualTo(first.get("keynoteSeat"));

        assertThat(checkedIn(slug, desk, ticket(b), MORNING).get("keynoteSeat").get("seat").asInt()).isEqualTo(2);
        // after the keynote has ended nobody gets a seat, though seats are left
        JsonNode afterKeynote = checkedIn(slug, desk, ticket(late), "2037-05-14T11:30:00+09:00");
        assertThat(afterKeynote.get("mealVoucher").get("code").asString()).matches("0514-00003-[2-9A-Z]{6}");
        assertThat(afterKeynote.get("keynoteSeat").isNull()).isTrue();
        // a scan made before the keynote ended (a desk that was offline) still gets the overflow seat
        JsonNode overflow = checkedIn(slug, desk, ticket(c), "2037-05-14T11:29:59+09:00");
        assertThat(overflow.get("keynoteSeat").get("hall").asString()).isEqualTo("Overflow E1");
        assertThat(overflow.get("keynoteSeat").get("seat").asInt()).isEqualTo(1);
        JsonNode noSeat = checkedIn(slug, desk, ticket(d), MORNING);
        assertThat(noSeat.get("keynoteSeat").isNull()).isTrue();
        assertThat(noSeat.get("mealVoucher").get("code").asString()).matches("0514-00005-[2-9A-Z]{6}");

        // day two: a new check-in with a new voucher and seat from that day's stock
        JsonNode dayTwo = checkedIn(slug, ADMIN, ticket(d), "2037-05-15T08:00:00+09:00");
        assertThat(dayTwo.get("day").asString()).isEqualTo("2037-05-15");
        assertThat(dayTwo.get("firstToday").asBoolean()).isTrue();
        assertThat(dayTwo.get("mealVoucher").get("code").asString()).matches("0515-00001-[2-9A-Z]{6}");
        assertThat(dayTwo.get("keynoteSeat").get("hall").asString()).isEqualTo("Hall D");

        var event = schedule(slug);
        assertThat(jdbc.sql("SELECT count(*) FROM checkin WHERE event_id = ?").param(event.id()).query(Integer.class).single())
                .isEqualTo(6);
        assertThat(checkins.checkedIn(dev.confer.shared.RegistrationId.of(d.get("id").asString()), java.time.LocalDate.parse("2037-05-15"))).isTrue();
        assertThat(checkins.checkedIn(dev.confer.shared.RegistrationId.of(a.get("id").asString()), java.time.LocalDate.parse("2037-05-15"))).isFalse();
        assertThat(checkins.arrivalsPer10Minutes(event)).containsExactly(
                new Arrivals(java.time.Instant.parse("2037-05-14T00:00:00Z"), 3),
                new Arrivals(java.time.Instant.parse("2037-05-14T02:20:00Z"), 1),
                new Arrivals(java.time.Instant.parse("2037-05-14T02:30:00Z"), 1),
                new Arrivals(java.time.Instant.parse("2037-05-14T23:00:00Z"), 1));
        assertThat(checkins.dayCounts(event)).containsExactly(
                new DayCount(java.time.LocalDate.parse("2037-05-14"), 5, 10, 5, 0, 3, 3),
                new DayCount(java.time.LocalDate.parse("2037-05-15"), 1, 10, 1, 0, 3, 1));
    }

    @Test
    void refusesCallersWithoutADeskTokenForThisEvent() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String other = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        JsonNode a = register(slug, "Alice", "a@example.com");

        Response anonymous = checkIn(slug, null, ticket(a), MORNING);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");
        Response door = checkIn(slug, staffToken(slug, "DOOR", null), ticket(a), MORNING);
        assertThat(door.status()).isEqualTo(403);
        assertThat(door.json().get("detail").asString()).isNotBlank();
        assertThat(checkIn(slug, staffToken(other, "DESK", null), ticket(a), MORNING).status()).isEqualTo(403);
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/0514-00001/redeem", staffToken(slug, "DOOR", null), null)
                .status()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/events/" + slug + "/registrations/" + a.get("id").asString() + "/badge", null,
                Map.of("nfcUid", "04A22B9C")).status()).isEqualTo(401);
    }

    @Test
    void refusesForgedTicketsAndRegistrationsThatAreNotConfirmed() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(1, 1, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode confirmed = register(slug, "Alice", "a@example.com");
        JsonNode waiting = register(slug, "Bob", "b@example.com");
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");

        String t = ticket(confirmed);
        int i = t.length() - 10;
        String forged = t.substring(0, i) + (t.charAt(i) == 'A' ? 'B' : 'A') + t.substring(i + 1);
        Response forgedScan = checkIn(slug, desk, forged, MORNING);
        assertThat(forgedScan.status()).isEqualTo(422);
        assertThat(forgedScan.json().get("detail").asString()).contains("forged");
        assertThat(checkIn(slug, desk, "hello", MORNING).status()).isEqualTo(422);
        Response missing = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("desk", "D1"));
        assertThat(missing.status()).isEqualTo(400);

        Response waitlisted = checkIn(slug, desk, ticket(waiting), MORNING);
        assertThat(waitlisted.status()).isEqualTo(409);
        assertThat(waitlisted.json().get("detail").asString()).contains("Bob").contains("waitlist");

        Response cancel = call("DELETE", "/api/v1/events/" + slug + "/registrations/" + confirmed.get("id").asString()
                + "?token=" + confirmed.get("manageToken").asString(), null, null);
        assertThat(cancel.status()).isEqualTo(200);
        Response cancelled = call("POST", "/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("ticket", t, "at", MORNING), Map.of("Accept-Language", "ko"));
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.json().get("detail").asString()).contains("Alice").contains("취소");
        // Bob was promoted by the cancellation and can now check in
        assertThat(checkIn(slug, desk, ticket(waiting), MORNING).status()).isEqualTo(200);
    }

    @Test
    void refusesScansOutsideTheDoorsOfEveryDay() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "Alice", "a@example.com");

        Response early = checkIn(slug, desk, ticket(a), "2037-05-14T07:59:00+09:00");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("07:59").contains("08:00");
        Response korean = call("POST", "/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("ticket", ticket(a), "at", "2037-05-16T09:00:00+09:00"), Map.of("Accept-Language", "ko"));
        assertThat(korean.status()).isEqualTo(409);
        assertThat(korean.json().get("detail").asString()).contains("체크인할 수 없습니다");
        // 23:30 UTC on the 13th is 08:30 on the 14th in Seoul
        assertThat(checkIn(slug, desk, ticket(a), "2037-05-13T23:30:00Z").json().get("day").asString()).isEqualTo("2037-05-14");
        // without "at" the scan happens now (the Clock), which is no event day
        assertThat(checkIn(slug, desk, ticket(a), null).status()).isEqualTo(409);
        assertThat(checkIn(slug, desk, ticket(a), "tomorrow at nine").status()).isEqualTo(400);
    }

    @Test
    void aVoucherIsRedeemedOnce() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "Alice", "a@example.com");
        String code = checkedIn(slug, desk, ticket(a), MORNING).get("mealVoucher").get("code").asString();

        Map<String, String> lunchtime = Map.of("at", "2037-05-14T12:05:00+09:00");
        Response otherDay = post("/api/v1/events/" + slug + "/meal-vouchers/" + code + "/redeem", desk,
                Map.of("at", "2037-05-15T12:05:00+09:00"));
        assertThat(otherDay.status()).isEqualTo(409);
        assertThat(otherDay.json().get("detail").asString()).contains("is for 2037-05-14");

        Response redeemed = post("/api/v1/events/" + slug + "/meal-vouchers/" + code + "/redeem", desk, lunchtime);
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(200);
        assertThat(redeemed.json().get("code").asString()).isEqualTo(code);
        assertThat(redeemed.json().get("name").asString()).isEqualTo("Alice");
        assertThat(redeemed.json().get("registrationId").asString()).isEqualTo(a.get("id").asString());
        String at = redeemed.json().get("redeemedAt").asString();
        assertThat(at).startsWith("2037-05-14T12:05");

        Response twice = post("/api/v1/events/" + slug + "/meal-vouchers/" + code + "/redeem", desk, lunchtime);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("already redeemed at " + at.substring(11, 16));
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/0514-00002/redeem", desk, lunchtime).status()).isEqualTo(404);
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/0601-00001/redeem", desk, null).status()).isEqualTo(404);
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/lunch/redeem", desk, null).status()).isEqualTo(404);
        assertThat(checkins.dayCounts(schedule(slug)).getFirst().vouchersRedeemed()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVoucherIsRedeemedOnlyInsideTheDaysLunchWindow() {
        Map<String, Object> def = eventDefinition(10, 0, 10, 2, 1, 100);
        List<Object> days = new java.util.ArrayList<>((List<Object>) def.get("days"));
        Map<String, Object> first = new java.util.LinkedHashMap<>((Map<String, Object>) days.getFirst());
        first.put("lunch", Map.of("from", "11:30", "to", "13:30", "place", Map.of("ko", "B홀", "en", "Hall B")));
        days.set(0, first);
        def.put("days", days);
        String slug = defineEvent(uniqueSlug("chk"), def);
        String desk = staffToken(slug, "DESK", null);
        String code = checkedIn(slug, desk, ticket(register(slug, "Alice", "a@example.com")), MORNING)
                .get("mealVoucher").get("code").asString();
        String path = "/api/v1/events/" + slug + "/meal-vouchers/" + code + "/redeem";

        Response early = call("POST", path, desk, Map.of("at", "2037-05-14T11:29:59+09:00"), Map.of("Accept-Language", "en"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("from 11:30 to 13:30").contains("11:29 now");
        Response late = call("POST", path, desk, Map.of("at", "2037-05-14T13:30:00+09:00"), Map.of("Accept-Language", "ko"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("11:30부터 13:30까지");
        assertThat(checkins.dayCounts(schedule(slug)).getFirst().vouchersRedeemed()).isZero();

        assertThat(post(path, desk, Map.of("at", "2037-05-14T11:30:00+09:00")).status()).isEqualTo(200);
        assertThat(checkins.dayCounts(schedule(slug)).getFirst().vouchersRedeemed()).isEqualTo(1);
    }

    @Test
    void theNextVoucherCannotBeGuessedAndACancelledOneBuysNoLunch() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "Alice", "a@example.com");
        JsonNode b = register(slug, "Bob", "b@example.com");
        String first = checkedIn(slug, desk, ticket(a), MORNING).get("mealVoucher").get("code").asString();
        String second = checkedIn(slug, desk, ticket(b), MORNING).get("mealVoucher").get("code").asString();
        assertThat(first).startsWith("0514-00001-");
        assertThat(second).startsWith("0514-00002-");
        Map<String, String> lunchtime = Map.of("at", "2037-05-14T12:05:00+09:00");
        // knowing one's own code does not give the next one: the seal differs and cannot be made without the key
        assertThat(second.substring(11)).isNotEqualTo(first.substring(11));
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/0514-00002-" + first.substring(11) + "/redeem", desk, lunchtime)
                .status()).isEqualTo(404);

        Response cancel = call("DELETE", "/api/v1/events/" + slug + "/registrations/" + b.get("id").asString()
                + "?token=" + b.get("manageToken").asString(), null, null);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        Response cancelled = post("/api/v1/events/" + slug + "/meal-vouchers/" + second + "/redeem", desk, lunchtime);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(409);
        assertThat(cancelled.json().get("detail").asString()).contains("cancelled");
        assertThat(checkins.dayCounts(schedule(slug)).getFirst().vouchersRedeemed()).isZero();
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/" + first.toLowerCase() + "/redeem", desk, lunchtime)
                .status()).isEqualTo(200);
    }

    @Test
    void aVoucherCodeSealedTheEarlierWayStillBuysLunch() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "Alice", "a@example.com");
        String code = checkedIn(slug, desk, ticket(a), MORNING).get("mealVoucher").get("code").asString();
        String number = code.substring(0, 10); // 0514-00001
        // codes shown before the HMAC seal carried six characters of an Ed25519 signature instead
        String earlier = number + "-" + tickets.earlierSeal(schedule(slug), "voucher." + number);
        assertThat(earlier).isNotEqualTo(code);
        Map<String, String> lunchtime = Map.of("at", "2037-05-14T12:05:00+09:00");
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/" + number + "-22222Z/redeem", desk, lunchtime).status())
                .isEqualTo(404);
        Response redeemed = post("/api/v1/events/" + slug + "/meal-vouchers/" + earlier + "/redeem", desk, lunchtime);
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(200);
        assertThat(post("/api/v1/events/" + slug + "/meal-vouchers/" + code + "/redeem", desk, lunchtime).status())
                .as("the same voucher by its current code: already used").isEqualTo(409);
    }

    @Test
    void bindsOneNfcBadgePerAttendee() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "Alice", "a@example.com");
        JsonNode b = register(slug, "Bob", "b@example.com");
        String aPath = "/api/v1/events/" + slug + "/registrations/" + a.get("id").asString() + "/badge";
        String bPath = "/api/v1/events/" + slug + "/registrations/" + b.get("id").asString() + "/badge";
        long eventId = schedule(slug).id();

        Response bound = call("PUT", aPath, desk, Map.of("nfcUid", "04:a2:2b:9c:5e:6f:80"));
        assertThat(bound.status()).as(bound.text()).isEqualTo(200);
        assertThat(bound.json().get("nfcUid").asString()).isEqualTo("04A22B9C5E6F80");
        assertThat(checkins.registrationForBadge(eventId, "04-A2-2B-9C-5E-6F-80")).contains(dev.confer.shared.RegistrationId.of(a.get("id").asString()));
        assertThat(call("PUT", aPath, desk, Map.of("nfcUid", "04A22B9C5E6F80")).status()).isEqualTo(200);

        Response taken = call("PUT", bPath, desk, Map.of("nfcUid", "04 A2 2B 9C 5E 6F 80"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).contains("Alice");

        // Alice gets a new badge: the old one is released and can go to Bob
        assertThat(call("PUT", aPath, desk, Map.of("nfcUid", "A1B2C3D4")).status()).isEqualTo(200);
        assertThat(checkins.registrationForBadge(eventId, "04A22B9C5E6F80")).isEmpty();
        assertThat(call("PUT", bPath, desk, Map.of("nfcUid", "04A22B9C5E6F80")).status()).isEqualTo(200);
        assertThat(checkins.registrationForBadge(eventId, "04A22B9C5E6F80")).contains(dev.confer.shared.RegistrationId.of(b.get("id").asString()));
        assertThat(checkins.registrationForBadge(eventId, "a1b2c3d4")).contains(dev.confer.shared.RegistrationId.of(a.get("id").asString()));
        assertThat(jdbc.sql("SELECT count(*) FROM nfc_badge WHERE event_id = ?").param(eventId).query(Integer.class).single())
                .isEqualTo(2);

        for (String bad : List.of("", "0102", "04:A2:2B:9C:5E:6F:8", "XYZ12345", "0102030405060708090A0B")) {
            assertThat(call("PUT", aPath, desk, Map.of("nfcUid", bad)).status()).as(bad).isEqualTo(400);
        }
        assertThat(call("PUT", "/api/v1/events/" + slug + "/registrations/" + UUID.randomUUID() + "/badge", desk,
                Map.of("nfcUid", "A1B2C3D5")).status()).isEqualTo(404);
    }

    @Test
    void aNewDefinitionCannotTakeBackWhatTheDesksHandedOut() {
        String slug = defineEvent(uniqueSlug("chk"), eventDefinition(10, 0, 3, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        for (int i = 0; i < 3; i++) {
            checkedIn(slug, desk, ticket(register(slug, "A" + i, "a" + i + "@example.com")), MORNING);
        }

        Map<String, Object> fewer = eventDefinition(10, 0, 3, 2, 1, 100);
        days(fewer).set(0, day("2037-05-14", 2, List.of(hall("Hall D", 1), hall("Overflow E1", 1))));
        Response refused = call("PUT", "/api/v1/events/" + slug, ADMIN, fewer);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/days/0/mealVouchers", "/days/0/keynote/halls");

        Map<String, Object> moved = eventDefinition(10, 0, 3, 2, 1, 100);
        days(moved).set(0, day("2037-05-14", 3, List.of(hall("Hall D", 1), hall("Overflow E1", 2))));
        assertThat(pointers(call("PUT", "/api/v1/events/" + slug, ADMIN, moved))).containsExactly("/days/0/keynote/halls");

        Map<String, Object> dayRemoved = eventDefinition(10, 0, 3, 2, 1, 100);
        days(dayRemoved).removeFirst();
        dayRemoved.put("sessions", ((List<?>) dayRemoved.get("sessions")).subList(1, 2));
        assertThat(pointers(call("PUT", "/api/v1/events/" + slug, ADMIN, dayRemoved))).containsExactly("/days");

        // more stock and more seats behind the ones taken are fine; the second day (no check-ins) may go
        Map<String, Object> more = eventDefinition(10, 0, 3, 2, 1, 100);
        days(more).set(0, day("2037-05-14", 10, List.of(hall("Hall D", 2), hall("Overflow E1", 30))));
        days(more).removeLast();
        more.put("sessions", ((List<?>) more.get("sessions")).subList(0, 1));
        defineEvent(slug, more);
        assertThat(checkins.dayCounts(schedule(slug))).containsExactly(
                new DayCount(java.time.LocalDate.parse("2037-05-14"), 3, 10, 3, 0, 32, 3));
        JsonNode next = checkedIn(slug, desk, ticket(register(slug, "B", "b@example.com")), MORNING);
        assertThat(next.get("mealVoucher").get("code").asString()).matches("0514-00004-[2-9A-Z]{6}");
        assertThat(next.get("keynoteSeat").get("hall").asString()).isEqualTo("Overflow E1");
        assertThat(next.get("keynoteSeat").get("seat").asInt()).isEqualTo(2);
    }

    private dev.confer.events.EventSchedule schedule(String slug) {
        long id = jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
        return new dev.confer.events.EventSchedule(id, slug, dev.confer.shared.LocalizedText.of(slug), java.time.ZoneId.of("Asia/Seoul"),
                0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> days(Map<String, Object> definition) {
        List<Object> days = new ArrayList<>((List<Object>) definition.get("days"));
        definition.put("days", days);
        return days;
    }

    private static Map<String, Object> day(String date, int vouchers, List<Object> halls) {
        return Map.of("date", date, "doorsOpen", "08:00", "end", "18:00", "mealVouchers", vouchers,
                "keynote", Map.of("start", "10:00", "end", "11:30", "halls", halls));
    }

    private static Map<String, Object> hall(String name, int seats) {
        return Map.of("name", name, "seats", seats);
    }

    private static List<String> pointers(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        return pointers;
    }
}
