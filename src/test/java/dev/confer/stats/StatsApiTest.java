package dev.confer.stats;

import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatsApiTest extends TapTestSupport {

    @Test
    void organizerSeesRegistrationsDaysSessionsAndBooths() {
        String slug = defineEvent(uniqueSlug("stats"), eventDefinition(3, 5, 40, 300, 100, 2));
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        JsonNode c = register(slug, "C", "c@example.com");
        JsonNode d = register(slug, "D", "d@example.com");
        JsonNode gone = register(slug, "E", "e@example.com");
        assertThat(gone.get("status").asString()).isEqualTo("WAITLISTED");
        call("DELETE", "/api/v1/events/" + slug + "/registrations/" + id(gone), ADMIN, null);
        deskOpened(slug, DAY1, 3, 400);
        deskOpened(slug, DAY2, 3, 400);
        checkIn(slug, a, DAY1);
        checkIn(slug, b, DAY1);
        checkIn(slug, c, DAY1);
        checkIn(slug, a, DAY2);

        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", a);
        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", a);
        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", b);
        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", c); // FULL
        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", c); // FULL again: still one person turned away
        tap(slug, ADMIN, DAY1_AFTERNOON, "session:S101", d); // NOT_CHECKED_IN
        tap(slug, ADMIN, DAY2_AFTERNOON, "session:S201", a);
        tap(slug, ADMIN, DAY1_AFTERNOON, "booth:B01", a);
        tap(slug, ADMIN, DAY2_AFTERNOON, "booth:B01", a);
        tap(slug, ADMIN, DAY1_AFTERNOON, "booth:B01", b);
        tap(slug, ADMIN, DAY1_AFTERNOON, "booth:B01", d); // NOT_CHECKED_IN: no visit

        Response r = get("/api/v1/events/" + slug + "/stats", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("event").asString()).isEqualTo(slug);
        assertThat(s.get("registrations").get("CONFIRMED").asInt()).isEqualTo(3);
        assertThat(s.get("registrations").get("WAITLISTED").asInt()).isEqualTo(1);
        assertThat(s.get("registrations").get("CANCELLED").asInt()).isEqualTo(1);

        JsonNode day1 = s.get("days").get(0);
        assertThat(day1.get("day").asString()).isEqualTo(DAY1);
        assertThat(day1.get("checkedIn").asInt()).isEqualTo(3);
        assertThat(day1.get("vouchers").get("stock").asInt()).isEqualTo(3); // 40 asked, at most the capacity (3): eventDefinition keeps the vouchers within it
        assertThat(day1.get("keynote").get("seats").asInt()).isEqualTo(400);
        assertThat(s.get("days").get(1).get("checkedIn").asInt()).isEqualTo(1);

        JsonNode s101 = s.get("sessions").get(0);
        assertThat(s101.get("code").asString()).isEqualTo("S101");
        assertThat(s101.get("title").get("en").asString()).isEqualTo("Cloud-native finance");
        assertThat(s101.get("capacity").asInt()).isEqualTo(2);
        assertThat(s101.get("admitted").asInt()).isEqualTo(2);
        assertThat(s101.get("turnedAway").asInt()).isEqualTo(1);
        JsonNode s201 = s.get("sessions").get(1);
        assertThat(s201.get("admitted").asInt()).isEqualTo(1);
        assertThat(s201.get("turnedAway").asInt()).isZero();

        JsonNode b01 = s.get("booths").get(0);
        assertThat(b01.get("code").asString()).isEqualTo("B01");
        assertThat(b01.get("sponsor").get("en").asString()).isEqualTo("ACME Cloud");
        assertThat(b01.get("visitors").asInt()).isEqualTo(2);
        assertThat(b01.get("visits").asInt()).isEqualTo(3);
        JsonNode b02 = s.get("booths").get(1);
        assertThat(b02.get("sponsor").get("ko").asString()).isEqualTo("한빛 데이터");
        assertThat(b02.get("visitors").asInt()).isZero();
        assertThat(b02.get("visits").asInt()).isZero();
    }

    @Test
    void onlyTheOrganizerReadsStats() {
        String slug = defineEvent(uniqueSlug("stats"), eventDefinition(10, 0, 10, 10, 10, 10));
        String path = "/api/v1/events/" + slug + "/stats";
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, staffToken(slug, "DOOR", null)).status()).isEqualTo(403);
        assertThat(get(path, staffToken(slug, "SPONSOR", "B01")).status()).isEqualTo(403);
        assertThat(get(path, staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(call("POST", path, ADMIN, "{}").status()).isEqualTo(405);
        Response fresh = get(path, ADMIN);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("sessions").get(0).get("admitted").asInt()).isZero();
        assertThat(fresh.json().get("sessions").get(0).get("capacity").asInt()).isEqualTo(10);
        assertThat(fresh.json().get("days").size()).isEqualTo(2);
        assertThat(get("/api/v1/events/no-such-event/stats", ADMIN).status()).isEqualTo(404);
    }

    /** The desk module creates a day's stock when the event is defined; written here in case it has not. */
    private void deskOpened(String slug, String day, int vouchers, int keynoteSeats) {
        jdbc.sql("""
                        INSERT INTO day_stock (event_id, day, voucher_stock, keynote_seats) VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id, day) DO NOTHING""")
                .params(eventId(slug), LocalDate.parse(day), vouchers, keynoteSeats)
                .update();
    }
}
