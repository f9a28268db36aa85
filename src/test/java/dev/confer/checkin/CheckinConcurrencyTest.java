package dev.confer.checkin;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 300 confirmed attendees at 32 desks at once, 200 lunch vouchers and 150 keynote seats (100 in the
 * main hall, 50 in overflow): exact counts, no number twice, and seats handed out in commit order.
 */
class CheckinConcurrencyTest extends ApiTest {

    private static final int ATTENDEES = 300;
    private static final int DESKS = 32;
    private static final int VOUCHERS = 200;
    private static final int HALL = 100;
    private static final int OVERFLOW = 50;

    @Autowired
    JdbcClient jdbc;

    /** One scan as the desk saw it: when it was sent and answered (System.nanoTime), and the answer. */
    record Scan(String registrationId, long sentAt, long answeredAt, int status, JsonNode body) {

        Integer voucher() {
            JsonNode v = body.get("mealVoucher");
            return v.isNull() ? null : Integer.parseInt(v.get("code").asString().substring(5, 10));
        }

        Integer seat() {
            JsonNode s = body.get("keynoteSeat");
            if (s.isNull()) {
                return null;
            }
            return s.get("hall").asString().equals("Hall D") ? s.get("seat").asInt() : HALL + s.get("seat").asInt();
        }
    }

    @Test
    void vouchersAndSeatsAreNeverOversoldAndFollowCommitOrder() throws Exception {
        String slug = defineEvent(uniqueSlug("rush"), eventDefinition(ATTENDEES, 0, VOUCHERS, HALL, OVERFLOW, 100));
        String desk = staffToken(slug, "DESK", null);
        List<String> tickets = registerAll(slug);
        long eventId = jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();

        // day one: every attendee scanned once, all at the same moment
        List<Scan> scans = scanAll(slug, desk, tickets, "2037-05-14T09:00:00+09:00");
        assertThat(scans).allSatisfy(s -> {
            assertThat(s.status()).as(s.body().toString()).isEqualTo(200);
            assertThat(s.body().get("firstToday").asBoolean()).isTrue();
        });
        List<Integer> vouchers = scans.stream().map(Scan::voucher).filter(v -> v != null).toList();
        List<Integer> seats = scans.stream().map(Scan::seat).filter(s -> s != null).toList();
        assertThat(vouchers).hasSize(VOUCHERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(range(VOUCHERS));
        assertThat(seats).hasSize(HALL + OVERFLOW).containsExactlyInAnyOrderElementsOf(range(HALL + OVERFLOW));
        assertThat(scans.stream().filter(s -> !s.body().get("keynoteSeat").isNull())
                .filter(s -> s.body().get("keynoteSeat").get("hall").asString().equals("Overflow E1")))
                .hasSize(OVERFLOW)
                .allSatisfy(s -> assertThat(s.body().get("keynoteSeat").get("seat").asInt()).isBetween(1, OVERFLOW));
        assertInCommitOrder(scans);

        Map<String, Object> stock = jdbc.sql("SELECT vouchers_issued, seats_taken FROM day_stock WHERE event_id = ? AND day = '2037-05-14'")
                .param(eventId).query().singleRow();
        assertThat(stock).containsEntry("vouchers_issued", VOUCHERS).containsEntry("seats_taken", HALL + OVERFLOW);
        assertThat(jdbc.sql("""
                        SELECT count(*), count(voucher_no), count(DISTINCT voucher_no), max(voucher_no),
                               count(seat_no), count(DISTINCT seat_no), max(seat_no)
                        FROM checkin WHERE event_id = ? AND day = '2037-05-14'""")
                .param(eventId).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7))).single())
                .containsExactly(ATTENDEES, VOUCHERS, VOUCHERS, VOUCHERS, HALL + OVERFLOW, HALL + OVERFLOW, HALL + OVERFLOW);
        // both numbers come from the same statement on the same row, so while both last they are equal
        assertThat(jdbc.sql("SELECT count(*) FROM checkin WHERE event_id = ? AND seat_no IS NOT NULL AND seat_no <> voucher_no")
                .param(eventId).query(Integer.class).single()).isZero();

        // day two: every ticket scanned twice at once; each attendee is checked in exactly once
        List<String> doubled = new ArrayList<>(tickets);
        doubled.addAll(tickets);
        Collections.shuffle(doubled);
        List<Scan> twice = scanAll(slug, desk, doubled, "2037-05-15T09:00:00+09:00");
        assertThat(twice).allSatisfy(s -> assertThat(s.status()).as(s.body().toString()).isEqualTo(200));
        assertThat(twice.stream().filter(s -> s.body().get("firstToday").asBoolean())).hasSize(ATTENDEES);
        Map<String, List<Scan>> byAttendee = new HashMap<>();
        twice.forEach(s -> byAttendee.computeIfAbsent(s.registrationId(), k -> new ArrayList<>()).add(s));
        assertThat(byAttendee).hasSize(ATTENDEES).allSatisfy((id, pair) -> {
            assertThat(pair).hasSize(2);
            assertThat(pair.stream().filter(s -> s.body().get("firstToday").asBoolean())).hasSize(1);
            assertThat(pair.get(0).body().get("mealVoucher")).isEqualTo(pair.get(1).body().get("mealVoucher"));
            assertThat(pair.get(0).body().get("keynoteSeat")).isEqualTo(pair.get(1).body().get("keynoteSeat"));
            assertThat(pair.get(0).body().get("checkedInAt")).isEqualTo(pair.get(1).body().get("checkedInAt"));
        });
        List<Scan> firsts = twice.stream().filter(s -> s.body().get("firstToday").asBoolean()).toList();
        assertThat(firsts.stream().map(Scan::voucher).filter(v -> v != null).toList())
                .containsExactlyInAnyOrderElementsOf(range(VOUCHERS));
        assertThat(firsts.stream().map(Scan::seat).filter(s -> s != null).toList())
                .containsExactlyInAnyOrderElementsOf(range(HALL + OVERFLOW));
        assertInCommitOrder(firsts);
        assertThat(jdbc.sql("""
                        SELECT count(*), count(DISTINCT voucher_no), count(DISTINCT seat_no) FROM checkin
                        WHERE event_id = ? AND day = '2037-05-15'""")
                .param(eventId).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single())
                .containsExactly(ATTENDEES, VOUCHERS, HALL + OVERFLOW);
        assertThat(jdbc.sql("SELECT vouchers_issued, seats_taken FROM day_stock WHERE event_id = ? AND day = '2037-05-15'")
                .param(eventId).query().singleRow())
                .containsEntry("vouchers_issued", VOUCHERS).containsEntry("seats_taken", HALL + OVERFLOW);
    }

    /**
     * A check-in answered before another was sent committed first, so it must hold the lower voucher and
     * seat number, and if it got none, neither did the later one.
     */
    private static void assertInCommitOrder(List<Scan> scans) {
        int pairs = 0;
        for (Scan earlier : scans) {
            for (Scan later : scans) {
                if (earlier.answeredAt() >= later.sentAt()) {
                    continue;
                }
                pairs++;
                assertOrdered(earlier.voucher(), later.voucher());
                assertOrdered(earlier.seat(), later.seat());
            }
        }
        assertThat(pairs).as("scans that did not overlap in time").isPositive();
    }

    private static void assertOrdered(Integer earlier, Integer later) {
        if (later != null) {
            assertThat(earlier).as("a later check-in got a number, so the earlier one did").isNotNull();
            assertThat(earlier).isLessThan(later);
        }
    }

    private List<String> registerAll(String slug) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < ATTENDEES; i++) {
                int n = i;
                futures.add(pool.submit(() -> register(slug, "참가자 " + n, "p" + n + "@example.com").get("ticket").asString()));
            }
            List<String> tickets = new ArrayList<>();
            for (Future<String> f : futures) {
                tickets.add(f.get());
            }
            return tickets;
        }
    }

    private List<Scan> scanAll(String slug, String desk, List<String> tickets, String at) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService desks = Executors.newFixedThreadPool(DESKS)) {
            List<Future<Scan>> futures = new ArrayList<>();
            for (String ticket : tickets) {
                Callable<Scan> scan = () -> {
                    start.await();
                    long sent = System.nanoTime();
                    Response r = post("/api/v1/events/" + slug + "/check-ins", desk, Map.of("ticket", ticket, "desk", "D", "at", at));
                    long answered = System.nanoTime();
                    return new Scan(r.status() == 200 ? r.json().get("registrationId").asString() : "?", sent, answered,
                            r.status(), r.json());
                };
                futures.add(desks.submit(scan));
            }
            start.countDown();
            List<Scan> scans = new ArrayList<>();
            for (Future<Scan> f : futures) {
                scans.add(f.get());
            }
            return scans;
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }
}
