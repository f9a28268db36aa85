package dev.confer.web.desk;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The desk's two lists, read fresh on every request so they are never stale: the search results with today's
 * check-in state, and the latest check-ins of the day at every desk.
 */
@Component
class DeskLists {

    static final int RECENT = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Registrations registrations;
    private final Checkins checkins;
    private final Clock clock;

    DeskLists(Registrations registrations, Checkins checkins, Clock clock) {
        this.registrations = registrations;
        this.checkins = checkins;
        this.clock = clock;
    }

    /** One attendee found; {@code checkedInAt} is today's check-in time (event's zone), null before it. */
    record Found(Attendee attendee, @Nullable String checkedInAt) {
    }

    /** One recent check-in: time (event's zone), who, at which desk. */
    record Recent(String at, String name, @Nullable String company, @Nullable String desk) {
    }

    List<Found> search(EventSchedule event, String query) {
        if (query.isBlank()) {
            return List.of();
        }
        List<Attendee> found = registrations.search(event, null, query, 20, 0);
        Map<RegistrationId, Instant> in = checkins.checkedInAt(event, found.stream().map(Attendee::id).toList(), today(event));
        return found.stream().map(a -> new Found(a, in.containsKey(a.id()) ? time(event, in.get(a.id())) : null)).toList();
    }

    List<Recent> recent(EventSchedule event) {
        List<Checkins.RecentCheckin> latest = checkins.recent(event, today(event), RECENT);
        Map<RegistrationId, Attendee> who = registrations.findAll(latest.stream().map(Checkins.RecentCheckin::registrationId).toList())
                .stream().collect(Collectors.toMap(Attendee::id, Function.identity()));
        return latest.stream().filter(c -> who.containsKey(c.registrationId())).map(c -> {
            Attendee a = who.get(c.registrationId());
            return new Recent(time(event, c.checkedInAt()), a.name(), a.company(), c.desk());
        }).toList();
    }

    private LocalDate today(EventSchedule event) {
        return event.localDate(clock.instant());
    }

    private static String time(EventSchedule event, Instant at) {
        return CLOCK.format(at.atZone(event.zone()));
    }
}
