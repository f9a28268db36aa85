package dev.confer.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a floor device keeps offline: every registration of the event with its status, name, company, badge
 * and check-in days, fetched once and then as deltas. A delta holds every registration whose registration,
 * check-in or badge row a transaction wrote since the cursor; the cursor is the xmin of the reading snapshot
 * (no transaction below it is still running), so a change that commits late with a low transaction id is
 * still in the next delta. A delta may repeat entries (devices upsert by id), never miss one.
 *
 * <p>Reads the registration table directly (like the check-in statement): one snapshot for the registration,
 * its check-ins and its badge, so a page never pairs rows from two moments.
 */
@Service
public class Roster {

    /** The most entries one call returns; {@code more} says to call again with the cursor. */
    public static final int PAGE = 5_000;

    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})(?:\\.(\\d{1,19})\\.(\\d{1,19})\\.([0-9a-f-]{36}))?");

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    Roster(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** One registration as a device verifies it; {@code email} only for the desk (and the organizer). */
    public record Entry(UUID id, String status, String name, @Nullable String company, @Nullable String nfcUid,
                        List<LocalDate> checkedInDays, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String email) {
    }

    public record Page(String cursor, boolean more, List<Entry> entries) {
    }

    /**
     * A cursor is {@code F} (the next delta starts at transaction F) or, between pages of one delta,
     * {@code S.F.K.id}: this delta's floor S, the F to hand out after its last page, and the last entry sent
     * (entries are ordered by the newest transaction that wrote them, then id).
     */
    private record Cursor(long floor, @Nullable Long next, long afterKey, @Nullable UUID afterId) {

        static Cursor parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return new Cursor(0, null, 0, null);
            }
            Matcher m = CURSOR.matcher(text.strip());
            if (!m.matches()) {
                throw Rejection.badRequest("checkin.roster-bad-cursor", text);
            }
            try {
                if (m.group(2) == null) {
                    return new Cursor(Long.parseLong(m.group(1)), null, 0, null);
                }
                return new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        UUID.fromString(m.group(4)));
            } catch (IllegalArgumentException e) {
                throw Rejection.badRequest("checkin.roster-bad-cursor", text);
            }
        }
    }

    public Page since(EventSchedule event, @Nullable String since, boolean withEmail, int limit) {
        return since(event, since, withEmail, limit, false);
    }

    /** With {@code sharersOnly} (a sponsor's device) the name and company of anyone who does not share them are blank. */
    public Page since(EventSchedule event, @Nullable String since, boolean withEmail, int limit, boolean sharersOnly) {
        Cursor cursor = Cursor.parse(since);
        int size = Math.clamp(limit, 1, PAGE);
        return Objects.requireNonNull(snapshot.execute(tx -> read(event, cursor, withEmail, size, sharersOnly)));
    }

    private Page read(EventSchedule event, Cursor cursor, boolean withEmail, int size, boolean sharersOnly) {
        long[] horizon = jdbc.sql("""
                        SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                               pg_snapshot_xmax(pg_current_snapshot())::text::bigint""")
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        // a cursor from another database (restored, recreated) could lie in the future: start afresh then
        Cursor c = cursor.floor() > horizon[1] || (cursor.next() != null && cursor.next() > horizon[1])
                ? new Cursor(0, null, 0, null) : cursor;
        long next = c.next() != null ? c.next() : horizon[0];
        List<Entry> entries = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        jdbc.sql("""
                        WITH changed AS (
                            SELECT id AS rid, roster_xid AS x FROM registration
                            WHERE event_id = :event AND roster_xid >= CAST(:floor AS xid8)
                            UNION ALL
                            SELECT registration_id, roster_xid FROM checkin
                            WHERE event_id = :event AND roster_xid >= CAST(:floor AS xid8)
                            UNION ALL
                            SELECT registration_id, roster_xid FROM nfc_badge
                            WHERE event_id = :event AND roster_xid >= CAST(:floor AS xid8)),
                        keyed AS (
                            SELECT rid, max(x::text::bigint) AS k FROM changed GROUP BY rid)
                        SELECT r.id, CASE WHEN r.erased_at IS NOT NULL THEN 'REVOKED' ELSE r.status END,
                               CASE WHEN :sharersOnly AND NOT r.sponsor_sharing THEN '' ELSE r.name END,
                               CASE WHEN :sharersOnly AND NOT r.sponsor_sharing THEN NULL ELSE r.company END,
                               r.email, b.nfc_uid, k.k,
                               ARRAY(SELECT c.day FROM checkin c WHERE c.registration_id = r.id ORDER BY c.day)
                        FROM keyed k
                        JOIN registration r ON r.id = k.rid AND r.event_id = :event
                        LEFT JOIN nfc_badge b ON b.registration_id = r.id
                        WHERE (k.k, r.id) > (:afterKey, :afterId)
                        ORDER BY k.k, r.id
                        LIMIT :limit""")
                .param("event", event.id())
                .param("floor", Long.toString(c.floor()))
                .param("afterKey", c.afterKey())
                .param("afterId", c.afterId() == null ? new UUID(0, 0) : c.afterId())
                .param("limit", size + 1)
                .param("sharersOnly", sharersOnly)
                .query(rs -> {
                    List<LocalDate> days = new ArrayList<>();
                    java.sql.Array array = rs.getArray(8);
                    for (Object day : (Object[]) array.getArray()) {
                        days.add(day instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(day.toString()));
                    }
                    entries.add(new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(6), List.copyOf(days), withEmail ? rs.getString(5) : null));
                    keys.add(rs.getLong(7));
                });
        if (entries.size() <= size) {
            return new Page(Long.toString(next), false, entries);
        }
        entries.removeLast();
        Entry last = entries.getLast();
        return new Page(c.floor() + "." + next + "." + keys.get(size - 1) + "." + last.id(), true, entries);
    }
}
