package dev.confer.access;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sponsors (issue 13, point 6): booth tiers order the expo list, giveaways are handed out by a sponsor scan (one per
 * attendee and gift, idempotent by the device's id, never more than the stock), zones are tap points that are not
 * sponsors. Real HTTP, real PostgreSQL.
 */
class GiveawayApiTest extends TapTestSupport {

    /** The test event with tiers and giveaways on its booths, a third booth, and two zones. */
    private static Map<String, Object> expoDefinition(int shirts) {
        Map<String, Object> def = eventDefinition(300, 0, 10, 10, 10, 50);
        def.put("booths", List.of(
                Map.of("code", "B01", "sponsor", "ACME Cloud", "location", "A-12", "tier", "silver",
                        "giveaways", List.of(Map.of("code", "shirt", "name", Map.of("ko", "티셔츠", "en", "T-shirt"), "stock", shirts),
                                Map.of("code", "sticker", "name", "Sticker", "stock", 1000))),
                Map.of("code", "B02", "sponsor", Map.of("ko", "한빛 데이터", "en", "Hanbit Data"), "location", "A-14", "tier", "diamond"),
                Map.of("code", "B03", "sponsor", "Zeta Labs")));
        def.put("zones", List.of(Map.of("code", "VR", "name", Map.of("ko", "VR 체험존", "en", "VR zone"), "kind", "experience",
                        "location", "Hall D"),
                Map.of("code", "DEMO1", "name", "Demo stage", "kind", "demo")));
        return def;
    }

    private Response handOut(String slug, String token, String booth, String gift, String handoutId, JsonNode attendee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handoutId", handoutId);
        body.put("at", DAY1_AFTERNOON);
        body.put("credential", Map.of("ticket", ticket(attendee)));
        return post("/api/v1/events/" + slug + "/booths/" + booth + "/giveaways/" + gift + "/handouts", token, body);
    }

    @Test
    void giveawaysTiersAndZonesRoundTripThroughTheDefinition() {
        String slug = defineEvent(uniqueSlug("expo-def"), expoDefinition(300));
        JsonNode event = get("/api/v1/events/" + slug, null).json();
        JsonNode b01 = event.get("booths").get(0);
        assertThat(b01.get("tier").asString()).isEqualTo("silver");
        assertThat(b01.get("giveaways")).hasSize(2);
        assertThat(b01.get("giveaways").get(0).get("code").asString()).isEqualTo("shirt");
        assertThat(b01.get("giveaways").get(0).get("name").get("en").asString()).isEqualTo("T-shirt");
        assertThat(b01.get("giveaways").get(0).get("stock").asInt()).isEqualTo(300);
        assertThat(event.get("booths").get(2).get("giveaways")).isEmpty();
        assertThat(event.get("zones")).hasSize(2);
        assertThat(event.get("zones").get(0).get("kind").asString()).isEqualTo("experience");
        assertThat(event.get("zones").get(0).get("location").asString()).isEqualTo("Hall D");
        assertThat(event.get("zones").get(1).get("kind").asString()).isEqualTo("demo");
        assertThat(event.get("zones").get(1).get("name").get("en").asString()).isEqualTo("Demo stage");
    }

    @Test
    void badGiveawaysAndZonesAreRefusedWithTheirPointers() {
        Map<String, Object> def = expoDefinition(300);
        def.put("booths", List.of(Map.of("code", "B01", "sponsor", "ACME",
                "giveaways", List.of(Map.of("code", "shirt", "name", "T-shirt", "stock", -1),
                        Map.of("code", "shirt", "name", "Cap", "stock", 5),
                        Map.of("code", "mug", "name", "Mug", "stock", 5, "colour", "red")))));
        def.put("zones", List.of(Map.of("code", "B01", "name", "Clash"), Map.of("code", "VR", "name", "VR", "kind", "arcade")));
        Response r = call("PUT", "/api/v1/events/" + uniqueSlug("expo-bad"), ADMIN, def);
        assertThat(r.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).contains("/booths/0/giveaways/0/stock", "/booths/0/giveaways/1/code",
                "/booths/0/giveaways/2/colour", "/zones/0/code", "/zones/1/kind");
    }

    @Test
    void aSponsorScanHandsOutOneGiftPerAttendeeAndAResendCountsOnce() {
        String slug = defineEvent(uniqueSlug("gift"), expoDefinition(2));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        JsonNode bo = register(slug, "Bo", "bo@example.com");
        JsonNode cy = register(slug, "Cy", "cy@example.com");
        JsonNode dee = register(slug, "Dee", "dee@example.com");
        for (JsonNode a : List.of(ann, bo, cy)) {
            checkIn(slug, a, DAY1);
        }
        String first = UUID.randomUUID().toString();
        Response given = handOut(slug, sponsor, "B01", "shirt", first, ann);
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.json().get("number").asInt()).isEqualTo(1);
        assertThat(given.json().get("left").asInt()).isEqualTo(1);
        assertThat(given.json().get("name").asString()).isEqualTo("Ann");

        Response resent = handOut(slug, sponsor, "B01", "shirt", first, ann);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("duplicate").asBoolean()).isTrue();
        assertThat(resent.json().get("left").asInt()).isEqualTo(1);

        Response again = handOut(slug, sponsor, "B01", "shirt", UUID.randomUUID().toString(), ann);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already");
        assertThat(again.json().get("receivedAt").asString()).isEqualTo("2037-05-14T04:05:00Z");

        assertThat(handOut(slug, sponsor, "B01", "sticker", UUID.randomUUID().toString(), ann).status()).isEqualTo(201);
        assertThat(handOut(slug, sponsor, "B01", "shirt", UUID.randomUUID().toString(), bo).status()).isEqualTo(201);
        Response out = handOut(slug, sponsor, "B01", "shirt", UUID.randomUUID().toString(), cy);
        assertThat(out.status()).isEqualTo(409);
        assertThat(out.json().get("stock").asInt()).isEqualTo(2);
        assertThat(out.json().get("detail").asString()).contains("2");

        Response notIn = handOut(slug, sponsor, "B01", "sticker", UUID.randomUUID().toString(), dee);
        assertThat(notIn.status()).isEqualTo(409);
        assertThat(notIn.json().get("detail").asString()).contains("checked in");
        assertThat(handOut(slug, sponsor, "B01", "mug", UUID.randomUUID().toString(), ann).status()).isEqualTo(404);
        assertThat(handOut(slug, sponsor, "B02", "shirt", UUID.randomUUID().toString(), ann).status()).isEqualTo(403);
        assertThat(handOut(slug, sponsor, "B01", "shirt", "not-a-uuid", cy).status()).isEqualTo(400);
        assertThat(handOut(slug, staffToken(slug, "DOOR", null), "B01", "shirt", UUID.randomUUID().toString(), cy).status())
                .isEqualTo(403);

        long event = eventId(slug);
        assertThat(count("SELECT handed_out FROM giveaway_stock WHERE event_id = ? AND gift_code = 'shirt'", event)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM giveaway_handout WHERE event_id = ?", event)).isEqualTo(3);

        JsonNode counts = get("/api/v1/events/" + slug + "/booths/B01/giveaways", sponsor).json();
        assertThat(counts.get(0).get("handedOut").asInt()).isEqualTo(2);
        assertThat(counts.get(0).get("left").asInt()).isEqualTo(0);
        assertThat(counts.get(1).get("handedOut").asInt()).isEqualTo(1);
        JsonNode booths = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("booths");
        assertThat(booths.get(0).get("code").asString()).as("the expo order: diamond first").isEqualTo("B02");
        JsonNode b01 = booths.get(1);
        assertThat(b01.get("code").asString()).isEqualTo("B01");
        assertThat(b01.get("giveaways").get(0).get("handedOut").asInt()).isEqualTo(2);
        assertThat(b01.get("giveaways").get(0).get("stock").asInt()).isEqualTo(2);

        // a new definition may not go below what was handed out, nor drop a gift someone has
        Response lowered = call("PUT", "/api/v1/events/" + slug, ADMIN, expoDefinition(1));
        assertThat(lowered.status()).isEqualTo(400);
        assertThat(lowered.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/booths/0/giveaways/0/stock");
        assertThat(count("SELECT stock FROM giveaway_stock WHERE event_id = ? AND gift_code = 'shirt'", event)).isEqualTo(2);
        assertThat(call("PUT", "/api/v1/events/" + slug, ADMIN, expoDefinition(50)).status()).isEqualTo(200);
        assertThat(count("SELECT stock FROM giveaway_stock WHERE event_id = ? AND gift_code = 'shirt'", event)).isEqualTo(50);
        assertThat(handOut(slug, sponsor, "B01", "shirt", UUID.randomUUID().toString(), cy).status()).isEqualTo(201);
    }

    /**
     * Sixty attendees at a booth with 25 shirts, every handout sent twice with its id and a third of the attendees
     * scanned again with a new id, all at once: exactly 25 shirts go, to 25 different people, and every resend counts
     * nothing. With the stock check and the handout in separate statements this oversells or double-gives.
     */
    @Test
    void concurrentHandoutsNeverPassTheStockNorGiveTwice() throws Exception {
        String slug = defineEvent(uniqueSlug("gift-rush"), expoDefinition(25));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        List<JsonNode> attendees = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JsonNode a = register(slug, "Attendee " + i, "gift" + i + "@example.com");
            checkIn(slug, a, DAY1);
            attendees.add(a);
        }
        record Send(String id, JsonNode attendee) {
        }
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            String id = UUID.randomUUID().toString();
            sends.add(new Send(id, attendees.get(i)));
            sends.add(new Send(id, attendees.get(i)));
            if (i % 3 == 0) {
                sends.add(new Send(UUID.randomUUID().toString(), attendees.get(i)));
            }
        }
        java.util.Collections.shuffle(sends, new java.util.Random(13));
        List<int[]> statuses = new CopyOnWriteArrayList<>();
        Map<String, Integer> givenById = new ConcurrentHashMap<>();
        runConcurrently(24, sends.size(), i -> {
            Send s = sends.get(i);
            Response r = handOut(slug, sponsor, "B01", "shirt", s.id(), s.attendee());
            statuses.add(new int[] {r.status()});
            if (r.status() == 201) {
                givenById.merge(s.id(), 1, Integer::sum);
            }
        });
        assertThat(statuses).allSatisfy(s -> assertThat(s[0]).isIn(200, 201, 409));
        assertThat(statuses.stream().filter(s -> s[0] == 201)).hasSize(25);
        assertThat(givenById.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        long event = eventId(slug);
        assertThat(count("SELECT handed_out FROM giveaway_stock WHERE event_id = ? AND gift_code = 'shirt'", event)).isEqualTo(25);
        assertThat(count("SELECT count(DISTINCT registration_id) FROM giveaway_handout WHERE event_id = ? AND gift_code = 'shirt'", event))
                .isEqualTo(25);
        assertThat(count("SELECT count(*) FROM giveaway_handout WHERE event_id = ?", event)).isEqualTo(25);
        List<Integer> numbers = jdbc.sql("SELECT handed_out_no FROM giveaway_handout WHERE event_id = ? ORDER BY 1")
                .param(event).query(Integer.class).list();
        assertThat(Set.copyOf(numbers)).hasSize(25);
        assertThat(numbers.getFirst()).isEqualTo(1);
        assertThat(numbers.getLast()).isEqualTo(25);
    }

    @Test
    void zonesAreTapPointsCountedForTheOrganizerAndNamedToNoSponsor() {
        String slug = defineEvent(uniqueSlug("zone"), expoDefinition(10));
        String door = staffToken(slug, "DOOR", null);
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode ann = register(slug, "Ann", "ann@example.com");
        JsonNode bo = register(slug, "Bo", "bo@example.com");
        checkIn(slug, ann, DAY1);
        checkIn(slug, bo, DAY1);
        Response first = tap(slug, door, DAY1_AFTERNOON, "zone:VR", ann);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(first.json().get("visits").asInt()).isEqualTo(1);
        assertThat(first.json().get("entry").asString()).isEqualTo("FIRST");
        Response second = tap(slug, door, "2037-05-14T13:20:00+09:00", "zone:VR", ann);
        assertThat(second.json().get("visits").asInt()).isEqualTo(2);
        assertThat(second.json().get("entry").asString()).isEqualTo("REENTRY");
        assertThat(tap(slug, door, DAY1_AFTERNOON, "zone:VR", bo).json().get("visits").asInt()).isEqualTo(1);
        assertThat(tap(slug, door, DAY1_AFTERNOON, "zone:NOPE", bo).status()).isEqualTo(404);
        assertThat(tap(slug, sponsor, DAY1_AFTERNOON, "zone:VR", bo).status()).as("a sponsor scans its own booth only").isEqualTo(403);

        JsonNode zones = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("zones");
        assertThat(zones.get(0).get("code").asString()).isEqualTo("VR");
        assertThat(zones.get(0).get("visitors").asInt()).isEqualTo(2);
        assertThat(zones.get(0).get("visits").asInt()).isEqualTo(3);
        assertThat(zones.get(1).get("visits").asInt()).isEqualTo(0);

        // a door device picks the zone like a booth, and its page records the visit
        Response points = call("GET", "/door/" + slug, door, null, Map.of("Accept-Language", "en"));
        assertThat(points.text()).contains("id=\"point-zone-VR\"", "VR zone · VR · Hall D");
        Response zonePage = call("GET", "/door/" + slug + "/zone/VR", door, null, Map.of("Accept-Language", "en"));
        assertThat(zonePage.status()).isEqualTo(200);
        assertThat(zonePage.text()).contains("VR zone", "data-point=\"zone:VR\"");
        assertThat(call("GET", "/door/" + slug + "/zone/NOPE", door, null, Map.of("Accept-Language", "en")).status()).isEqualTo(404);
    }

    @Test
    void theEventPageListsTheExpoByTierThenTheZones() {
        String slug = defineEvent(uniqueSlug("expo-page"), expoDefinition(10));
        Response page = call("GET", "/e/" + slug, null, null, Map.of("Accept-Language", "en", "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        Matcher m = Pattern.compile("data-booth=\"([^\"]+)\"").matcher(page.text());
        List<String> order = new ArrayList<>();
        while (m.find()) {
            order.add(m.group(1));
        }
        assertThat(order).containsExactly("B02", "B01", "B03");
        assertThat(page.text()).contains("Diamond", "Silver", "Giveaways: T-shirt, Sticker", "VR zone", "Experience", "Demo stage");
        Response ko = call("GET", "/e/" + slug, null, null, Map.of("Accept-Language", "ko", "Accept", "text/html"));
        assertThat(ko.text()).contains("다이아몬드", "경품: 티셔츠, Sticker", "VR 체험존", "체험");
    }
}
