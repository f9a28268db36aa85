package dev.confer.access;

import dev.confer.events.DefinitionGuard;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Giveaway stock per booth and gift ({@code giveaway_stock}, copied from the definition in the defining transaction)
 * and who got one ({@code giveaway_handout}). A handout is ONE autocommitted statement that takes one from the stock
 * and records it, so the stock row is locked only while PostgreSQL runs that statement and commits it.
 */
@Repository
class GiveawayStock implements DefinitionGuard {

    private final JdbcClient jdbc;

    GiveawayStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a handout statement found: the number it took, or who had one before (this id or another), and the stock. */
    record Outcome(@Nullable Integer taken, @Nullable UUID earlierId, @Nullable Instant earlierAt, int handedOut, int stock) {
    }

    record Count(String booth, String gift, int stock, int handedOut) {
    }

    /**
     * Takes one of the gift for the attendee unless they had one (then answers that handout) or none are left. Two
     * first handouts to one attendee at once both take stock in their snapshots; the second then fails on the unique
     * key and rolls back whole (DuplicateKeyException: the caller tries again and finds the first).
     */
    Optional<Outcome> handOut(UUID id, long eventId, String booth, String gift, RegistrationId attendee, Instant at) {
        return jdbc.sql("""
                        WITH before AS (
                            SELECT handout_id, at FROM giveaway_handout
                            WHERE event_id = :event AND booth_code = :booth AND gift_code = :gift AND registration_id = :registration),
                        taken AS (
                            UPDATE giveaway_stock SET handed_out = handed_out + 1
                            WHERE event_id = :event AND booth_code = :booth AND gift_code = :gift AND handed_out < stock
                              AND NOT EXISTS (SELECT 1 FROM before)
                            RETURNING handed_out, stock),
                        given AS (
                            INSERT INTO giveaway_handout (handout_id, event_id, booth_code, gift_code, registration_id, at, handed_out_no)
                            SELECT :id, :event, :booth, :gift, :registration, :at, handed_out FROM taken
                            RETURNING handed_out_no)
                        SELECT (SELECT handed_out_no FROM given), (SELECT handout_id FROM before), (SELECT at FROM before),
                               coalesce((SELECT handed_out FROM taken), s.handed_out), coalesce((SELECT stock FROM taken), s.stock)
                        FROM giveaway_stock s WHERE s.event_id = :event AND s.booth_code = :booth AND s.gift_code = :gift""")
                .param("id", id)
                .param("event", eventId)
                .param("booth", booth)
                .param("gift", gift)
                .param("registration", attendee.value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query((rs, n) -> new Outcome((Integer) rs.getObject(1), rs.getObject(2, UUID.class),
                        rs.getObject(3) == null ? null : rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    /** The handout a device's id recorded, if any: (booth, gift, registration). */
    Optional<String[]> handout(UUID id) {
        return jdbc.sql("SELECT booth_code, gift_code, registration_id::text FROM giveaway_handout WHERE handout_id = ?")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
    }

    /** Stock and handouts per booth and gift. */
    Map<String, Count> counts(long eventId) {
        Map<String, Count> counts = new HashMap<>();
        jdbc.sql("SELECT booth_code, gift_code, stock, handed_out FROM giveaway_stock WHERE event_id = ?")
                .param(eventId)
                .query(rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2),
                            new Count(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
                });
        return counts;
    }

    /** A new definition may neither go below what was handed out nor drop a gift somebody has. */
    @Override
    public List<FieldProblem> check(EventSchedule current, EventSchedule proposed) {
        List<FieldProblem> problems = new ArrayList<>();
        // locked, so no handout passes a lowered stock between this check and the copy below
        List<Count> locked = jdbc.sql("""
                        SELECT booth_code, gift_code, stock, handed_out FROM giveaway_stock WHERE event_id = ?
                        ORDER BY booth_code, gift_code FOR UPDATE""")
                .param(current.id())
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
        for (Count held : locked) {
            if (held.handedOut() == 0) {
                continue;
            }
            int boothIndex = indexOfBooth(proposed, held.booth());
            EventSchedule.Giveaway gift = boothIndex < 0 ? null
                    : proposed.booths().get(boothIndex).giveaway(held.gift()).orElse(null);
            if (gift == null) {
                problems.add(new FieldProblem(boothIndex < 0 ? "/booths" : "/booths/" + boothIndex + "/giveaways",
                        "access.giveaway-has-handouts", held.booth(), held.gift(), held.handedOut()));
            } else if (gift.stock() < held.handedOut()) {
                int giftIndex = proposed.booths().get(boothIndex).giveaways().indexOf(gift);
                problems.add(new FieldProblem("/booths/" + boothIndex + "/giveaways/" + giftIndex + "/stock",
                        "access.giveaway-below-handed-out", gift.stock(), held.handedOut(), held.gift()));
            }
        }
        return problems;
    }

    /**
     * Copies the stock from the definition, in the defining transaction (after the session counters in the lock order:
     * booths in the definition's order, gifts in theirs). Gifts that left the definition go, if nobody got one (the guard
     * refused the definition otherwise).
     */
    @EventListener
    void on(EventDefined defined) {
        EventSchedule event = defined.schedule();
        List<String> booths = new ArrayList<>();
        List<String> gifts = new ArrayList<>();
        List<Integer> stocks = new ArrayList<>();
        for (EventSchedule.Booth booth : event.booths()) {
            for (EventSchedule.Giveaway gift : booth.giveaways()) {
                booths.add(booth.code());
                gifts.add(gift.code());
                stocks.add(gift.stock());
            }
        }
        jdbc.sql("""
                        DELETE FROM giveaway_stock s WHERE s.event_id = ? AND s.handed_out = 0
                          AND NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]) AS g(booth, gift)
                                          WHERE g.booth = s.booth_code AND g.gift = s.gift_code)""")
                .params(event.id(), booths.toArray(String[]::new), gifts.toArray(String[]::new))
                .update();
        if (booths.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO giveaway_stock (event_id, booth_code, gift_code, stock)
                        SELECT ?, booth, gift, stock FROM unnest(?::text[], ?::text[], ?::integer[]) WITH ORDINALITY AS g(booth, gift, stock, n)
                        ORDER BY n
                        ON CONFLICT (event_id, booth_code, gift_code) DO UPDATE SET stock = EXCLUDED.stock""")
                .params(event.id(), booths.toArray(String[]::new), gifts.toArray(String[]::new), stocks.toArray(Integer[]::new))
                .update();
    }

    private static int indexOfBooth(EventSchedule proposed, String code) {
        for (int i = 0; i < proposed.booths().size(); i++) {
            if (proposed.booths().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
