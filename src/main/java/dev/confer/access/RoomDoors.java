package dev.confer.access;

import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A door that follows a room: which session's door is open in a room at a moment (from 30 minutes before it starts
 * until it ends; of two back-to-back sessions the earlier until it ends), else the next one. The door API, the
 * door page and the page's offline mode all use these windows, so a tap is never admitted outside them.
 */
@Service
public class RoomDoors {

    /** One session's door in a room: when it opens, when the session starts and when it ends. */
    public record DoorWindow(EventSchedule.Session session, Instant opens, Instant starts, Instant ends) {

        public boolean admitsAt(Instant at) {
            return !at.isBefore(opens) && !at.isAfter(ends);
        }

        public String point() {
            return "session:" + session.code();
        }
    }

    /** {@code doorOpen}: taps for {@code window}'s session are admitted at that moment; else it is the next one (or null). */
    public record RoomNow(EventSchedule.Room room, boolean doorOpen, @Nullable DoorWindow window) {
    }

    /** Every session held in the room, in time order. */
    public List<DoorWindow> windows(EventSchedule event, String room) {
        return event.sessions().stream().filter(s -> s.room().equals(room)).map(s -> {
            SessionWindow w = SessionWindow.of(event, s);
            return new DoorWindow(s, w.opens(), w.starts(), w.ends());
        }).sorted(Comparator.comparing(DoorWindow::starts).thenComparing(w -> w.session().code())).toList();
    }

    /** The room at {@code at}; empty when the event has no such room. */
    public Optional<RoomNow> at(EventSchedule event, String room, Instant at) {
        return event.room(room).map(where -> {
            List<DoorWindow> windows = windows(event, room);
            Optional<DoorWindow> open = windows.stream().filter(w -> w.admitsAt(at)).findFirst(); // in start order
            Optional<DoorWindow> shown = open.isPresent() ? open
                    : windows.stream().filter(w -> w.opens().isAfter(at)).min(Comparator.comparing(DoorWindow::opens));
            return new RoomNow(where, open.isPresent(), shown.orElse(null));
        });
    }
}
