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
        Set<String> pointCodes = new HashSet<>();
        List<EventSchedule.Booth> booths = booths(def.booths(), pointCodes);
        List<EventSchedule.Zone> zones = zones(def.zones(), pointCodes);
        EventSchedule.Venue venue = venue(def.venue());
        LocalizedText about = def.about() == null || def.about().isBlank() ? null : def.about();
        EventSchedule.Reminders reminders = reminders(def.reminders());
        EventSchedule.Registration registration = registration(def.registration());
        EventSchedule.Privacy privacy = privacy(def.privacy());
        EventSchedule.Receivers receivers = receivers(def.receivers());
        for (int i = 0; def.days() != null && i < def.days().size(); i++) {
            EventDefinition.Day day = def.days().get(i);
            if (day != null && day.mealVouchers() != null && def.capacity() != null && def.capacity() >= 0
                    && day.mealVouchers() > def.capacity()) {
                problem("/days/" + i + "/mealVouchers", "definition.vouchers-over-capacity", day.mealVouchers(), capacity);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new EventSchedule(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths,
                venue, about, reminders, privacy, registration, zones, receivers), List.of());
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
            if (keynote != null) {
                withinDay(at + "/keynote", keynote.start(), keynote.end(), open, end);
            }
            EventSchedule.Lunch lunch = lunch(at + "/lunch", day.lunch(), open, end);
            if (date != null && open != null && end != null) {
                days.add(new EventSchedule.Day(date, open, end, vouchers, keynote, lunch));
            }
        }
        return days;
    }

    private EventSchedule.@Nullable Lunch lunch(String at, EventDefinition.@Nullable Lunch lunch, @Nullable LocalTime open,
                                                @Nullable LocalTime close) {
        if (lunch == null) {
            return null;
        }
        LocalTime from = time(at + "/from", lunch.from());
        LocalTime to = time(at + "/to", lunch.to());
        if (from == null || to == null) {
            return null;
        }
        if (!to.isAfter(from)) {
            problem(at + "/to", "definition.end-before-start", lunch.to(), lunch.from());
            return null;
        }
        withinDay(at, from, to, open, close);
        LocalizedText place = lunch.place() == null || lunch.place().isBlank() ? null : lunch.place();
        return new EventSchedule.Lunch(from, to, place);
    }

    /** Something of a day (a session, the keynote, lunch) must lie within its doors-open..end hours. */
    private void withinDay(String at, LocalTime start, LocalTime end, @Nullable LocalTime open, @Nullable LocalTime close) {
        if (open != null && close != null && !end.isBefore(start) && (start.isBefore(open) || end.isAfter(close))) {
            problem(at + "/start", "definition.outside-day", start + "–" + end, open + "–" + close);
        }
    }

    private EventSchedule.Registration registration(EventDefinition.@Nullable Registration input) {
        if (input == null) {
            return EventSchedule.Registration.UNSET;
        }
        java.time.LocalDateTime opens = dateTime("/registration/opensAt", input.opensAt());
        java.time.LocalDateTime closes = dateTime("/registration/closesAt", input.closesAt());
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problem("/registration/closesAt", "definition.end-before-start", input.closesAt(), input.opensAt());
        }
        EventSchedule.WaitingRoom room = null;
        if (input.waitingRoom() != null) {
            Integer rate = input.waitingRoom().admitPerMinute();
            if (rate == null || rate < 1 || rate > 100_000) {
                problem("/registration/waitingRoom/admitPerMinute", "definition.admit-per-minute", rate == null ? "-" : rate);
            } else {
                room = new EventSchedule.WaitingRoom(rate);
            }
        }
        return new EventSchedule.Registration(opens, closes, room, Boolean.TRUE.equals(input.verifyEmail()) ? Boolean.TRUE : null);
    }

    private java.time.@Nullable LocalDateTime dateTime(String at, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value).withSecond(0).withNano(0);
        } catch (DateTimeException e) {
            problem(at, "definition.bad-date-time", value);
            return null;
        }
    }

    private List<EventSchedule.Speaker> speakers(String at, @Nullable List<EventDefinition.Speaker> input) {
        List<EventSchedule.Speaker> speakers = new ArrayList<>();
        for (int k = 0; input != null && k < input.size(); k++) {
            EventDefinition.Speaker sp = input.get(k);
            if (sp == null || sp.name() == null || sp.name().isBlank()) {
                problem(at + "/" + k + "/name", "definition.required");
                continue;
            }
            String company = sp.company() == null || sp.company().isBlank() ? null : sp.company().strip();
            LocalizedText title = sp.title() == null || sp.title().isBlank() ? null : sp.title();
            LocalizedText bio = sp.bio() == null || sp.bio().isBlank() ? null : sp.bio();
            if (bio != null && Math.max(bio.ko().length(), bio.en().length()) > 2000) {
                problem(at + "/" + k + "/bio", "definition.too-long", 2000);
            }
            speakers.add(new EventSchedule.Speaker(sp.name().strip(), company, title, bio));
        }
        return List.copyOf(speakers);
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
        List<EventSchedule.Speaker> speakers = speakers(at + "/speakers", keynote.speakers());
        LocalizedText title = keynote.title() == null || keynote.title().isBlank() ? null : keynote.title();
        LocalizedText description = keynote.description() == null || keynote.description().isBlank() ? null : keynote.description();
        return start == null || end == null ? null : new EventSchedule.Keynote(start, end, halls, title, description, speakers);
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
        Map<LocalDate, EventSchedule.Day> dates = new HashMap<>();
        days.forEach(d -> dates.put(d.date(), d));
        Map<String, EventSchedule.Room> roomsByCode = new HashMap<>();
        rooms.forEach(r -> roomsByCode.put(r.code(), r));
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
            if (s.track() == null || s.track().isBlank()) {
                problem(at + "/track", "definition.track-required", String.join(", ", trackCodes));
            } else if (!trackCodes.contains(s.track())) {
                problem(at + "/track", "definition.unknown-track", s.track());
            }
            if (s.room() == null || s.room().isBlank()) {
                problem(at + "/room", "definition.required");
            } else if (!roomCodes.contains(s.room())) {
                problem(at + "/room", "definition.unknown-room", s.room());
            }
            LocalDate day = date(at + "/day", s.day());
            if (day != null && !dates.containsKey(day)) {
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
            EventSchedule.Room room = s.room() == null ? null : roomsByCode.get(s.room());
            if (capacity != null && room != null && capacity > room.capacity()) {
                problem(at + "/capacity", "definition.seats-over-room", capacity, room.code(), room.capacity());
            }
            EventSchedule.Day theDay = day == null ? null : dates.get(day);
            if (theDay != null && start != null && end != null) {
                withinDay(at, start, end, theDay.doorsOpen(), theDay.end());
                keynoteHallBusy(at, room, theDay, start, end);
            }
            String language = language(at + "/language", s.language());
            Integer level = s.level();
            if (level != null && (level < 100 || level > 400 || level % 100 != 0)) {
                problem(at + "/level", "definition.level", level);
                level = null;
            }
            EventSchedule.SessionType type = null;
            if (s.type() != null) {
                try {
                    type = EventSchedule.SessionType.valueOf(s.type().strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem(at + "/type", "definition.session-type", s.type());
                }
            }
            List<String> tags = tags(at + "/tags", s.tags());
            List<String> interpretation = interpretation(at + "/interpretation", s.interpretation());
            List<EventSchedule.Speaker> speakers = speakers(at + "/speakers", s.speakers());
            EventSchedule.PreRegistration preRegistration = null;
            if (s.preRegistration() != null) {
                Integer labSeats = s.preRegistration().seats();
                int sessionSeats = capacity != null ? capacity : room != null ? room.capacity() : Integer.MAX_VALUE;
                if (labSeats == null) {
                    problem(at + "/preRegistration/seats", "definition.required");
                } else if (labSeats < 1) {
                    problem(at + "/preRegistration/seats", "definition.lab-seats-positive");
                } else if (labSeats > sessionSeats) {
                    problem(at + "/preRegistration/seats", "definition.lab-seats-over-session", labSeats, sessionSeats);
                } else {
                    preRegistration = new EventSchedule.PreRegistration(labSeats);
                }
            }
            if (code != null && day != null && start != null && end != null && s.title() != null && s.room() != null
                    && s.track() != null) {
                indexOf.put(code, i);
                sessions.add(new EventSchedule.Session(code, s.title(), s.track(), s.room(), day,
                        start, end, capacity, language, speakers, s.description(), level, type, tags, preRegistration,
                        interpretation));
            }
        }
        reportOverlaps(sessions, indexOf);
        return sessions;
    }

    /** Any BCP 47 tag (ko, en, ja, zh-Hant, ...), written the standard way; Korean when left out. */
    private String language(String at, @Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return "ko";
        }
        try {
            String normal = new java.util.Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
            if (!normal.equals("und")) {
                return normal;
            }
        } catch (java.util.IllformedLocaleException e) {
            // reported below
        }
        problem(at, "definition.language", tag);
        return "ko";
    }

    /** Interpretation channels: BCP 47 tags written the standard way, each once. */
    private List<String> interpretation(String at, @Nullable List<String> input) {
        List<String> channels = new ArrayList<>();
        for (int k = 0; input != null && k < input.size(); k++) {
            String tag = input.get(k);
            if (tag == null || tag.isBlank()) {
                problem(at + "/" + k, "definition.required");
                continue;
            }
            String normal = null;
            try {
                normal = new java.util.Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
            } catch (java.util.IllformedLocaleException e) {
                // reported below
            }
            if (normal == null || normal.equals("und")) {
                problem(at + "/" + k, "definition.language", tag);
            } else if (channels.contains(normal)) {
                problem(at + "/" + k, "definition.duplicate-channel", normal);
            } else {
                channels.add(normal);
            }
        }
        if (channels.size() > 10) {
            problem(at, "definition.too-many", 10);
        }
        return List.copyOf(channels);
    }

    private EventSchedule.@Nullable Receivers receivers(EventDefinition.@Nullable Receivers input) {
        if (input == null) {
            return null;
        }
        return new EventSchedule.Receivers(nonNegative("/receivers/stock", input.stock(), true));
    }

    private List<String> tags(String at, @Nullable List<String> input) {
        List<String> tags = new ArrayList<>();
        for (int k = 0; input != null && k < input.size(); k++) {
            String tag = input.get(k);
            if (tag == null || tag.isBlank()) {
                problem(at + "/" + k, "definition.required");
            } else if (tag.strip().length() > 40) {
                problem(at + "/" + k, "definition.too-long", 40);
            } else if (!tags.contains(tag.strip())) {
                tags.add(tag.strip());
            }
        }
        if (tags.size() > 20) {
            problem(at, "definition.too-many", 20);
        }
        return List.copyOf(tags);
    }

    /** A room that serves as a keynote hall (its code or name is a hall's name) holds nothing else during the keynote. */
    private void keynoteHallBusy(String at, EventSchedule.@Nullable Room room, EventSchedule.Day day, LocalTime start,
                                 LocalTime end) {
        EventSchedule.Keynote keynote = day.keynote();
        if (room == null || keynote == null || !start.isBefore(keynote.end()) || !keynote.start().isBefore(end)) {
            return;
        }
        for (EventSchedule.Hall hall : keynote.halls()) {
            if (hall.name().equals(room.code()) || hall.name().equals(room.name().ko()) || hall.name().equals(room.name().en())) {
                problem(at + "/room", "definition.keynote-hall-busy", room.code(), keynote.start() + "–" + keynote.end());
                return;
            }
        }
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

    private List<EventSchedule.Booth> booths(@Nullable List<EventDefinition.Booth> input, Set<String> codes) {
        List<EventSchedule.Booth> booths = new ArrayList<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/booths/" + i;
            EventDefinition.Booth booth = input.get(i);
            String code = code(at, booth == null ? null : booth.code(), codes);
            LocalizedText sponsor = booth == null ? null : booth.sponsor();
            if (sponsor == null || sponsor.isBlank()) {
                problem(at + "/sponsor", "definition.required");
            } else if (code != null) {
                booths.add(new EventSchedule.Booth(code, sponsor, booth.location(), tier(at + "/tier", booth.tier()),
                        giveaways(at + "/giveaways", booth.giveaways())));
            }
        }
        return booths;
    }

    private List<EventSchedule.Giveaway> giveaways(String at, @Nullable List<EventDefinition.Giveaway> input) {
        List<EventSchedule.Giveaway> giveaways = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String giftAt = at + "/" + i;
            EventDefinition.Giveaway gift = input.get(i);
            String code = code(giftAt, gift == null ? null : gift.code(), codes);
            LocalizedText name = gift == null ? null : gift.name();
            if (name == null || name.isBlank()) {
                problem(giftAt + "/name", "definition.required");
            }
            int stock = nonNegative(giftAt + "/stock", gift == null ? null : gift.stock(), true);
            if (code != null && name != null && !name.isBlank()) {
                giveaways.add(new EventSchedule.Giveaway(code, name, stock));
            }
        }
        return giveaways;
    }

    /** Experience and demo areas; their codes share one namespace with the booths (a tap point names one of them). */
    private List<EventSchedule.Zone> zones(@Nullable List<EventDefinition.Zone> input, Set<String> codes) {
        List<EventSchedule.Zone> zones = new ArrayList<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            String at = "/zones/" + i;
            EventDefinition.Zone zone = input.get(i);
            String code = code(at, zone == null ? null : zone.code(), codes);
            LocalizedText name = zone == null ? null : zone.name();
            if (name == null || name.isBlank()) {
                problem(at + "/name", "definition.required");
                continue;
            }
            EventSchedule.ZoneKind kind = EventSchedule.ZoneKind.EXPERIENCE;
            if (zone.kind() != null) {
                try {
                    kind = EventSchedule.ZoneKind.of(zone.kind().strip());
                } catch (IllegalArgumentException e) {
                    problem(at + "/kind", "definition.zone-kind", zone.kind());
                }
            }
            if (code != null) {
                zones.add(new EventSchedule.Zone(code, name, kind, zone.location()));
            }
        }
        return zones;
    }

    private EventSchedule.@Nullable SponsorTier tier(String at, @Nullable String tier) {
        if (tier == null) {
            return null;
        }
        try {
            return EventSchedule.SponsorTier.of(tier.strip());
        } catch (IllegalArgumentException e) {
            problem(at, "definition.sponsor-tier", tier);
            return null;
        }
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

    /** Reminder times; either may be left out for its default (18:00 the day before, 07:00 each morning). */
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
