package dev.confer.agenda;

import dev.confer.events.EventSchedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One attendee's agenda: the sessions they starred and, in slots where they starred nothing, their team's
 * plan; each with the other entries it overlaps. {@code nudge}: an e-mail shortly before each of them.
 */
public record PersonalAgenda(List<Entry> entries, boolean nudge) {

    /** Why a session is on the agenda: starred, the team's plan, or a hands-on lab seat reserved. */
    public enum Source { STARRED, TEAM_PLAN, LAB_SEAT }

    /** A session on the agenda and the codes of the entries that overlap it in time. */
    public record Entry(EventSchedule.Session session, Source source, List<String> clashesWith) {

        public boolean clashes() {
            return !clashesWith.isEmpty();
        }
    }

    static PersonalAgenda of(List<EventSchedule.Session> starred, List<EventSchedule.Session> planned, boolean nudge) {
        return of(starred, planned, nudge, java.util.Set.of());
    }

    static PersonalAgenda of(List<EventSchedule.Session> starred, List<EventSchedule.Session> planned, boolean nudge,
                             java.util.Set<String> reservedLabs) {
        List<Entry> entries = new java.util.ArrayList<>();
        List<EventSchedule.Session> all = new java.util.ArrayList<>(starred);
        all.addAll(planned);
        all.sort(ORDER);
        for (EventSchedule.Session s : all) {
            List<String> clashes = all.stream().filter(o -> o != s && overlap(s, o)).map(EventSchedule.Session::code).toList();
            entries.add(new Entry(s, reservedLabs.contains(s.code()) ? Source.LAB_SEAT
                    : starred.contains(s) ? Source.STARRED : Source.TEAM_PLAN, clashes));
        }
        return new PersonalAgenda(List.copyOf(entries), nudge);
    }

    static final Comparator<EventSchedule.Session> ORDER = Comparator.comparing(EventSchedule.Session::day)
            .thenComparing(EventSchedule.Session::start).thenComparing(EventSchedule.Session::end)
            .thenComparing(EventSchedule.Session::code);

    private static boolean overlap(EventSchedule.Session a, EventSchedule.Session b) {
        return a.day().equals(b.day()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    public boolean has(String sessionCode) {
        return entries.stream().anyMatch(e -> e.session().code().equals(sessionCode));
    }

    /** On the agenda by the team's plan only. */
    public boolean planned(String sessionCode) {
        return entries.stream().anyMatch(e -> e.source() == Source.TEAM_PLAN && e.session().code().equals(sessionCode));
    }

    public boolean starred(String sessionCode) {
        return entries.stream().anyMatch(e -> e.source() == Source.STARRED && e.session().code().equals(sessionCode));
    }

    /** The entry running now, else the next one to start; empty when the agenda holds nothing more today or later. */
    public Optional<Entry> next(EventSchedule event, Instant now) {
        return entries.stream().filter(e -> now.isBefore(event.instant(e.session().day(), e.session().end()))).findFirst();
    }
}
