package dev.confer.web.organizer;

import dev.confer.events.EventDefinition;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The current event written back as the definition an organizer imports, so it can be edited and imported again. */
final class DefinitionExport {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private DefinitionExport() {
    }

    static EventDefinition of(EventSchedule s) {
        EventSchedule.Registration window = s.registration();
        return new EventDefinition(s.name(), s.zone().getId(), s.capacity(), s.waitlist(),
                s.days().stream().map(DefinitionExport::day).toList(),
                s.rooms().stream().map(r -> new EventDefinition.Room(r.code(), r.name(), r.capacity(), r.floor(), r.directions())).toList(),
                s.tracks().stream().map(t -> new EventDefinition.Track(t.code(), t.name())).toList(),
                s.sessions().stream().map(x -> new EventDefinition.Session(x.code(), x.title(), x.track(), x.room(),
                        x.day().toString(), time(x.start()), time(x.end()), x.capacity(), x.language(), speakers(x.speakers()),
                        x.description(), x.level(), x.type() == null ? null : x.type().name(),
                        x.tags().isEmpty() ? null : x.tags(),
                        x.preRegistration() == null ? null : new EventDefinition.PreRegistration(x.preRegistration().seats()),
                        x.interpretation().isEmpty() ? null : x.interpretation())).toList(),
                s.booths().stream().map(b -> new EventDefinition.Booth(b.code(), b.sponsor(), b.location(),
                        b.tier() == null ? null : b.tier().code(),
                        b.giveaways().isEmpty() ? null : b.giveaways().stream()
                                .map(g -> new EventDefinition.Giveaway(g.code(), g.name(), g.stock())).toList())).toList(),
                s.venue() == null ? null : new EventDefinition.Venue(s.venue().name(), s.venue().address(), s.venue().mapUrl()), s.about(),
                new EventDefinition.Reminders(time(s.reminders().dayBefore()), time(s.reminders().morningOf())),
                s.privacy() == null ? null : new EventDefinition.Privacy(s.privacy().controller(), s.privacy().contact(),
                        s.privacy().retentionDays(), s.privacy().noticeVersion()),
                window.opensAt() == null && window.closesAt() == null && window.waitingRoom() == null && !window.verifiesEmail() ? null
                        : new EventDefinition.Registration(dateTime(window.opensAt()), dateTime(window.closesAt()),
                        window.waitingRoom() == null ? null : new EventDefinition.WaitingRoom(window.waitingRoom().admitPerMinute()),
                        window.verifiesEmail() ? Boolean.TRUE : null),
                s.zones().isEmpty() ? null : s.zones().stream()
                        .map(z -> new EventDefinition.Zone(z.code(), z.name(), z.kind().code(), z.location())).toList(),
                s.receivers() == null ? null : new EventDefinition.Receivers(s.receivers().stock()));
    }

    private static EventDefinition.Day day(EventSchedule.Day d) {
        EventSchedule.Keynote k = d.keynote();
        EventDefinition.Keynote keynote = k == null ? null : new EventDefinition.Keynote(time(k.start()), time(k.end()),
                k.halls().stream().map(h -> new EventDefinition.Hall(h.name(), h.seats())).toList(), k.title(), k.description(),
                k.speakers().isEmpty() ? null : speakers(k.speakers()));
        EventDefinition.Lunch lunch = d.lunch() == null ? null
                : new EventDefinition.Lunch(time(d.lunch().from()), time(d.lunch().to()), d.lunch().place());
        return new EventDefinition.Day(d.date().toString(), time(d.doorsOpen()), time(d.end()), d.mealVouchers(), keynote, lunch);
    }

    private static List<EventDefinition.Speaker> speakers(List<EventSchedule.Speaker> speakers) {
        return speakers.stream().map(p -> new EventDefinition.Speaker(p.name(), p.company(), p.title(), p.bio())).toList();
    }

    private static String time(LocalTime time) {
        return time.format(HH_MM);
    }

    private static @Nullable String dateTime(@Nullable LocalDateTime time) {
        return time == null ? null : time.format(DATE_TIME);
    }
}
