package dev.confer.access;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * When a session's door admits: from 30 minutes before the session starts (people queue and find seats) until
 * it ends. The same window tells a door page which session its room is on now ({@link RoomProgramme}).
 */
record SessionWindow(Instant opens, Instant starts, Instant ends) {

    static final Duration OPENS_BEFORE = Duration.ofMinutes(30);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static SessionWindow of(EventSchedule event, EventSchedule.Session session) {
        Instant starts = event.instant(session.day(), session.start());
        return new SessionWindow(starts.minus(OPENS_BEFORE), starts, event.instant(session.day(), session.end()));
    }

    boolean admitsAt(Instant at) {
        return !at.isBefore(opens) && !at.isAfter(ends);
    }

    /** 409 with {@code result: NOT_NOW} and the window, unless the door admits at that moment. */
    static void require(EventSchedule event, EventSchedule.Session session, Instant at) {
        SessionWindow window = of(event, session);
        if (!window.admitsAt(at)) {
            throw Rejection.conflict(at.isBefore(window.opens) ? "access.not-yet" : "access.over", session.code(),
                            LOCAL.format(at.atZone(event.zone())), LOCAL.format(window.opens.atZone(event.zone())),
                            LOCAL.format(window.ends.atZone(event.zone())))
                    .withProperty("result", "NOT_NOW")
                    .withProperty("session", session.code())
                    .withProperty("opensAt", window.opens.atZone(event.zone()).toOffsetDateTime().toString())
                    .withProperty("endsAt", window.ends.atZone(event.zone()).toOffsetDateTime().toString());
        }
    }
}
