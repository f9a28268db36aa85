package dev.confer.web.desk;

import dev.confer.web.BrowserTest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the desk, door and sponsor page tests. The desk and the doors work with the server's clock, so
 * their events take place TODAY in Seoul, open all day, with the keynote lasting all day (so a check-in
 * gets a seat).
 */
public abstract class StaffPagesTest extends BrowserTest {

    protected static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /**
     * A session's door admits only from 30 minutes before it until its end: a test that taps at a session door
     * with the server's clock sets it into the session ({@link #duringSession}); it is real time again after each test.
     */
    @org.springframework.beans.factory.annotation.Autowired
    protected dev.confer.TestClock staffClock;

    /** Today in Seoul at the given time, e.g. 10:05 during S101 or 14:05 during S201. */
    protected void duringSession(int hour, int minute) {
        staffClock.set(today().atTime(hour, minute).atZone(SEOUL).toInstant());
    }

    /**
     * The browser's clock today in Seoul at the given time (it runs on from there): a door judges offline scans
     * against its session windows with the device's clock, so a test that scans offline sets both clocks.
     */
    protected static void browserAt(com.microsoft.playwright.BrowserContext context, int hour, int minute) {
        context.clock().setSystemTime(java.util.Date.from(today().atTime(hour, minute).atZone(SEOUL).toInstant()));
    }

    /** A scan time today in Seoul, ISO 8601, for API taps at a session door. */
    protected static String todayAt(int hour, int minute) {
        return today().atTime(hour, minute).atZone(SEOUL).toOffsetDateTime().toString();
    }

    @org.junit.jupiter.api.AfterEach
    void backToRealTime() {
        staffClock.reset();
    }

    protected static LocalDate today() {
        return LocalDate.now(SEOUL);
    }

    /** {@link #eventDefinition} moved to one day, today: sessions S101 (10:00) and S201 (14:00) in room 301. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> todayDefinition(int capacity, int vouchersPerDay, int hallSeats, int overflowSeats,
                                                         int roomCapacity) {
        Map<String, Object> def = eventDefinition(capacity, 0, vouchersPerDay, hallSeats, overflowSeats, roomCapacity);
        String today = today().toString();
        def.put("days", List.of(Map.of("date", today, "doorsOpen", "00:00", "end", "23:59", "mealVouchers", Math.min(vouchersPerDay, capacity),
                "keynote", Map.of("start", "00:00", "end", "23:59",
                        "halls", List.of(Map.of("name", "Hall D", "seats", hallSeats),
                                Map.of("name", "Overflow E1", "seats", overflowSeats))))));
        List<Object> sessions = new ArrayList<>();
        String[][] times = {{"10:00", "10:40"}, {"14:00", "14:40"}};
        int i = 0;
        for (Object s : (List<Object>) def.get("sessions")) {
            Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) s);
            session.put("day", today);
            session.put("start", times[i][0]);
            session.put("end", times[i][1]);
            sessions.add(session);
            i++;
        }
        def.put("sessions", sessions);
        return def;
    }
}
