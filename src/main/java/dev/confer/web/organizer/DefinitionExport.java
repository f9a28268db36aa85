package dev.confer.web.organizer;

import dev.confer.events.EventDefinition;
import dev.confer.events.EventSchedule;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The current event written back as the definition an organizer imports, so it can be edited and imported again. */
final class DefinitionExport {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private DefinitionExport() {
    }

    static EventDefinition of(EventSchedule s) {
        return new EventDefinition(s.name(), s.zone().getId(), s.capacity(), s.waitlist(),
                s.days().stream().map(d -> new EventDefinition.Day(d.date().toString(), time(d.doorsOpen()), time(d.end()),
                        d.mealVouchers(), d.keynote() == null ? null : new EventDefinition.Keynote(time(d.keynote().start()),
                        time(d.keynote().end()), d.keynote().halls().stream()
                        .map(h -> new EventDefinition.Hall(h.name(), h.seats())).toList()))).toList(),
                s.rooms().stream().map(r -> new EventDefinition.Room(r.code(), r.name(), r.capacity(), r.floor(), r.directions())).toList(),
                s.tracks().stream().map(t -> new EventDefinition.Track(t.code(), t.name())).toList(),
                s.sessions().stream().map(x -> new EventDefinition.Session(x.code(), x.title(), x.track(), x.room(),
                        x.day().toString(), time(x.start()), time(x.end()), x.capacity(), x.language(),
                        x.speakers().stream().map(p -> new EventDefinition.Speaker(p.name(), p.company())).toList(),
                        x.description())).toList(),
                s.booths().stream().map(b -> new EventDefinition.Booth(b.code(), b.sponsor(), b.location())).toList(),
                s.venue() == null ? null : new EventDefinition.Venue(s.venue().name(), s.venue().address(), s.venue().mapUrl()), s.about(),
                new EventDefinition.Reminders(time(s.reminders().dayBefore()), time(s.reminders().morningOf())),
                s.privacy() == null ? null : new EventDefinition.Privacy(s.privacy().controller(), s.privacy().contact(),
                        s.privacy().retentionDays(), s.privacy().noticeVersion()));
    }

    private static String time(LocalTime time) {
        return time.format(HH_MM);
    }
}
