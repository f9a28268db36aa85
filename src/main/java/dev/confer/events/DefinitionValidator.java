package dev.confer.events;

import dev.confer.shared.LocalizedText;
import dev.confer.shared.Rejection.FieldProblem;
import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a whole definition, collecting every problem with its JSON pointer, and types it. */
final class DefinitionValidator {

    private final List<FieldProblem> problems = new ArrayList<>();

    record Outcome(@Nullable EventSchedule schedule, List<FieldProblem> problems) {
    }

    static Outcome validate(long id, String slug, EventDefinition def) {
        return new DefinitionValidator().run(id, slug, def);
    }

    private Outcome run(long id, String slug, EventDefinition def) {
        LocalizedText name = def.name();
        if (name == null || name.isBlank()) {
            problem("/name", "definition.required");
        }
        ZoneId zone = null;
        if (def.timezone() == null || def.timezone().isBlank()) {
            problem("/timezone", "definition.required");
        } else {
            try {
                zone = ZoneId.of(def.timezone());
            } catch (DateTimeException e) {
                problem("/timezone", "definition.unknown-timezone", def.timezone());
            }
        }
        int capacity = nonNegative("/capacity", def.capacity(), true);
        int waitlist = nonNegative("/waitlist", def.waitlist(), false);

        List<EventSchedule.Day> days = days(def.days());
        List<EventSchedule.Room> rooms = rooms(def.rooms());
        List<EventSchedule.Track> tracks = tracks(def.tracks());
        List<EventSchedule.Session> sessions = sessions(def.sessions(), days, rooms, tracks);
        List<EventSchedule.Booth> booths = booths(def.booths());
        EventSchedule.Venue venue = venue(def.venue());
        LocalizedText about = def.about() == null || def.about().isBlank() ? null : def.about();
        EventSchedule.Reminders reminders = reminders(def.reminders());
        EventSchedule.Privacy privacy = privacy(def.privacy());
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new EventSchedule(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths,
                venue, about, reminders, privacy), List.of());
    }

    private List<EventSchedule.Day> days(@Nullable List<EventDefinition.Day> input) {
        List<EventSchedule.Day> days = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            problem("/days", "definition.days-required");
            return days;
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "/days/" + i;
            EventDefinition.Day day = input.get(i);
            if (day == null) {
                problem(at, "definition.required");
                continue;
            }
            LocalDate date = date(at + "/date", day.date());
            if (date != null && !seen.add(date)) {
                problem(at + "/date", "definition.duplicate-day", date);
            }
            LocalTime open = time(at + "/doorsOpen", day.doorsOpen());
            LocalTime end = time(at + "/end", day.end());
            if (open != null && end != null && !end.isAfter(open)) {
                problem(at + "/end", "definition.end-before-start", day.end(), day.doorsOpen());
            }
            int vouchers = nonNegative(at + "/mealVouchers", day.mealVouchers(), false);
            EventSchedule.Keynote keynote = keynote(at + "/keynote", day.keynote());
            if (date != null && open != null && end != null) {
                days.add(new EventSchedule.Day(date, open, end, vouchers, keynote));
            }
        }
        return days;
    }

    private EventSchedule.@Nullable Keynote keynote(String at, EventDefinition.@Nullable Keynote keynote) {
        if (keynote == null) {
            return null;
        }
        LocalTime start = time(at + "/start", keynote.start());
        LocalTime end = time(at + "/end", keynote.end());
        if (start != null && end != null && !end.isAfter(start)) {
            problem(at + "/end", "definition.end-before-start", keynote.end(), keynote.start());
        }
        List<EventSchedule.Hall> halls = new ArrayList<>();
        if (keynote.halls() == null || keynote.halls().isEmpty()) {
            problem(at + "/halls", "definition.halls-required");
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < keynote.halls().size(); i++) {
                EventDefinition.Hall hall = keynote.halls().get(i);
                String hallAt = at + "/halls/" + i;
                String name = hall == null ? null : hall.name();
                if (name == null || name.isBlank()) {
                    problem(hallAt + "/name", "definition.required");
                } else if (!names.add(name.strip())) {
                    problem(hallAt + "/name", "definition.duplicate-code", name);
                }
                int seats = nonNegative(hallAt + "/seats", hall == null ? null : hall.seats(), true);
                if (name != null) {
                    halls.add(new EventSchedule.Hall(name.strip(), seats));
                }
            }
        }
        return start == null || end == null ? null : new EventSchedule.Keynote(start, end, halls);
    }

    private List<EventSchedule.Room> rooms(@Nullable List<EventDefinition.Room> input) {
        List<EventSchedule.Room> rooms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/rooms/" + i;
            EventDefinition.Room room = input.get(i);
            String code = code(at, room == null ? null : room.code(), codes);
            LocalizedText name = room == null ? null : room.name();
            int capacity = nonNegative(at + "/capacity", room == null ? null : room.capacity(), true);
            String floor = room == null || room.floor() == null || room.floor().isBlank() ? null : room.floor().strip();
            if (floor != null && floor.length() > 40) {
                problem(at + "/floor", "definition.too-long", 40);
            }
            LocalizedText directions = room == null || room.directions() == null || room.directions().isBlank() ? null : room.directions();
            if (directions != null && Math.max(directions.ko().length(), directions.en().length()) > 500) {
                problem(at + "/directions", "definition.too-long", 500);
            }
            if (code != null) {
                rooms.add(new EventSchedule.Room(code, name == null || name.isBlank() ? LocalizedText.of(code) : name, capacity,
                        floor, directions));
            }
        }
        return rooms;
    }

    private List<EventSchedule.Track> tracks(@Nullable List<EventDefinition.Track> input) {
        List<EventSchedule.Track> tracks = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/tracks/" + i;
            EventDefinition.Track track = input.get(i);
            String code = code(at, track == null ? null : track.code(), codes);
            LocalizedText name = track == null ? null : track.name();
            if (name == null || name.isBlank()) {
                problem(at + "/name", "definition.required");
            } else if (code != null) {
                tracks.add(new EventSchedule.Track(code, name));
            }
        }
        return tracks;
    }

    private List<EventSchedule.Session> sessions(@Nullable List<EventDefinition.Session> input, List<EventSchedule.Day> days,
                                                 List<EventSchedule.Room> rooms, List<EventSchedule.Track> tracks) {
        List<EventSchedule.Session> sessions = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        Set<String> codes = new HashSet<>();
        Set<String> roomCodes = new HashSet<>();
        rooms.forEach(r -> roomCodes.add(r.code()));
        Set<String> trackCodes = new HashSet<>();
        tracks.forEach(t -> trackCodes.add(t.code()));
        Set<LocalDate> dates = new HashSet<>();
        days.forEach(d -> dates.add(d.date()));
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/sessions/" + i;
            EventDefinition.Session s = input.get(i);
            if (s == null) {
                problem(at, "definition.required");
                continue;
            }
            String code = code(at, s.code(), codes);
            if (s.title() == null || s.title().isBlank()) {
                problem(at + "/title", "definition.required");
            }
            if (s.track() != null && !trackCodes.contains(s.track())) {
                problem(at + "/track", "definition.unknown-track", s.track());
            }
            if (s.room() == null || s.room().isBlank()) {
                problem(at + "/room", "definition.required");
            } else if (!roomCodes.contains(s.room())) {
                problem(at + "/room", "definition.unknown-room", s.room());
            }
            LocalDate day = date(at + "/day", s.day());
            if (day != null && !dates.contains(day)) {
                problem(at + "/day", "definition.unknown-day", s.day());
            }
            LocalTime start = time(at + "/start", s.start());
            LocalTime end = time(at + "/end", s.end());
            if (start != null && end != null && !end.isAfter(start)) {
                problem(at + "/end", "definition.end-before-start", s.end(), s.start());
            }
            Integer capacity = s.capacity();
            if (capacity != null && capacity < 0) {
                problem(at + "/capacity", "definition.not-negative");
            }
            String language = s.language() == null ? "ko" : s.language();
            if (!language.equals("ko") && !language.equals("en")) {
                problem(at + "/language", "definition.language", language);
            }
            List<EventSchedule.Speaker> speakers = new ArrayList<>();
            for (int k = 0; s.speakers() != null && k < s.speakers().size(); k++) {
                EventDefinition.Speaker sp = s.speakers().get(k);
                if (sp == null || sp.name() == null || sp.name().isBlank()) {
                    problem(at + "/speakers/" + k + "/name", "definition.required");
                } else {
                    speakers.add(new EventSchedule.Speaker(sp.name().strip(), sp.company()));
                }
            }
            if (code != null && day != null && start != null && end != null && s.title() != null && s.room() != null) {
                indexOf.put(code, i);
                sessions.add(new EventSchedule.Session(code, s.title(), s.track() == null ? "" : s.track(), s.room(), day,
                        start, end, capacity, language, List.copyOf(speakers), s.description()));
            }
        }
        reportOverlaps(sessions, indexOf);
        return sessions;
    }

    private void reportOverlaps(List<EventSchedule.Session> sessions, Map<String, Integer> indexOf) {
        List<EventSchedule.Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(EventSchedule.Session::room).thenComparing(EventSchedule.Session::day)
                .thenComparing(EventSchedule.Session::start));
        for (int i = 1; i < sorted.size(); i++) {
            EventSchedule.Session before = sorted.get(i - 1);
            EventSchedule.Session later = sorted.get(i);
            if (before.room().equals(later.room()) && before.day().equals(later.day()) && later.start().isBefore(before.end())) {
                problem("/sessions/" + indexOf.get(later.code()) + "/start", "definition.overlap",
                        later.code(), before.code(), later.room(), before.start() + "–" + before.end());
            }
        }
    }

    private List<EventSchedule.Booth> booths(@Nullable List<EventDefinition.Booth> input) {
        List<EventSchedule.Booth> booths = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/booths/" + i;
            EventDefinition.Booth booth = input.get(i);
            String code = code(at, booth == null ? null : booth.code(), codes);
            LocalizedText sponsor = booth == null ? null : booth.sponsor();
            if (sponsor == null || sponsor.isBlank()) {
                problem(at + "/sponsor", "definition.required");
            } else if (code != null) {
                booths.add(new EventSchedule.Booth(code, sponsor, booth.location()));
            }
        }
        return booths;
    }

    private EventSchedule.@Nullable Venue venue(EventDefinition.@Nullable Venue venue) {
        if (venue == null) {
            return null;
        }
        if (venue.name() == null || venue.name().isBlank()) {
            problem("/venue/name", "definition.required");
            return null;
        }
        LocalizedText address = venue.address() == null || venue.address().isBlank() ? null : venue.address();
        String mapUrl = venue.mapUrl() == null || venue.mapUrl().isBlank() ? null : venue.mapUrl().strip();
        if (mapUrl != null && !isWebAddress(mapUrl)) {
            problem("/venue/mapUrl", "definition.bad-map-url", mapUrl);
            mapUrl = null;
        }
        return new EventSchedule.Venue(venue.name(), address, mapUrl);
    }

    private static boolean isWebAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && text.length() <= 2000;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Reminder times; either may be left out for its default (18:00 the day before, 07:00 each morning). */
    private EventSchedule.@Nullable Privacy privacy(EventDefinition.@Nullable Privacy input) {
        if (input == null) {
            return null;
        }
        if (input.controller() == null || input.controller().isBlank()) {
            problem("/privacy/controller", "definition.required");
        }
        if (input.contact() == null || input.contact().isBlank()) {
            problem("/privacy/contact", "definition.required");
        } else if (input.contact().length() > 200) {
            problem("/privacy/contact", "definition.too-long", 200);
        }
        if (input.noticeVersion() == null || input.noticeVersion().isBlank()) {
            problem("/privacy/noticeVersion", "definition.required");
        } else if (input.noticeVersion().length() > 40) {
            problem("/privacy/noticeVersion", "definition.too-long", 40);
        }
        int days = nonNegative("/privacy/retentionDays", input.retentionDays(), true);
        if (input.retentionDays() != null && input.retentionDays() > 3650) {
            problem("/privacy/retentionDays", "definition.too-large", 3650);
        }
        return input.controller() == null || input.contact() == null || input.noticeVersion() == null ? null
                : new EventSchedule.Privacy(input.controller(), input.contact().strip(), days, input.noticeVersion().strip());
    }

    private EventSchedule.Reminders reminders(EventDefinition.@Nullable Reminders input) {
        if (input == null) {
            return EventSchedule.Reminders.DEFAULT;
        }
        LocalTime dayBefore = input.dayBefore() == null ? EventSchedule.Reminders.DEFAULT.dayBefore()
                : time("/reminders/dayBefore", input.dayBefore());
        LocalTime morningOf = input.morningOf() == null ? EventSchedule.Reminders.DEFAULT.morningOf()
                : time("/reminders/morningOf", input.morningOf());
        return new EventSchedule.Reminders(dayBefore == null ? EventSchedule.Reminders.DEFAULT.dayBefore() : dayBefore,
                morningOf == null ? EventSchedule.Reminders.DEFAULT.morningOf() : morningOf);
    }

    private @Nullable String code(String at, @Nullable String code, Set<String> seen) {
        if (code == null || code.isBlank()) {
            problem(at + "/code", "definition.required");
            return null;
        }
        if (!code.matches("[A-Za-z0-9._-]{1,40}")) {
            problem(at + "/code", "definition.bad-code", code);
            return null;
        }
        if (!seen.add(code)) {
            problem(at + "/code", "definition.duplicate-code", code);
            return null;
        }
        return code;
    }

    private int nonNegative(String at, @Nullable Integer value, boolean required) {
        if (value == null) {
            if (required) {
                problem(at, "definition.required");
            }
            return 0;
        }
        if (value < 0) {
            problem(at, "definition.not-negative");
            return 0;
        }
        if (value > LARGEST_COUNT) {
            // no summit has more; sums of several counts (keynote halls, shards) then never overflow an int
            problem(at, "definition.too-large", LARGEST_COUNT);
            return 0;
        }
        return value;
    }

    /** The largest capacity, waitlist, voucher stock or seat count a definition may give. */
    static final int LARGEST_COUNT = 1_000_000;

    private @Nullable LocalDate date(String at, @Nullable String value) {
        if (value == null) {
            problem(at, "definition.required");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            problem(at, "definition.bad-date", value);
            return null;
        }
    }

    private @Nullable LocalTime time(String at, @Nullable String value) {
        if (value == null) {
            problem(at, "definition.required");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            problem(at, "definition.bad-time", value);
            return null;
        }
    }

    private void problem(String pointer, String key, Object... args) {
        problems.add(new FieldProblem(pointer, key, args));
    }
}
