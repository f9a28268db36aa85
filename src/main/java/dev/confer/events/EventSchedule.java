package dev.confer.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.confer.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** A valid event definition, typed, as every other module reads it. */
public record EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                            List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                            List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about,
                            Reminders reminders, @Nullable Privacy privacy, Registration registration, List<Zone> zones,
                            @Nullable Receivers receivers) {

    /** Schedules stored before reminders, the registration window or zones existed read back with the defaults. */
    public EventSchedule {
        if (zones == null) {
            zones = List.of();
        }
        if (reminders == null) {
            reminders = Reminders.DEFAULT;
        }
        if (registration == null) {
            registration = Registration.UNSET;
        }
    }

    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                         List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about, Reminders reminders,
                         @Nullable Privacy privacy, Registration registration, List<Zone> zones) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy,
                registration, zones, null);
    }

    /** Interpretation receivers the desk lends, one per attendee at a time. */
    public record Receivers(int stock) {
    }

    /** How many receivers the desk may lend; 0 when the event lends none. */
    public int receiverStock() {
        return receivers == null ? 0 : receivers.stock();
    }

    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                         List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about, Reminders reminders,
                         @Nullable Privacy privacy, Registration registration) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy,
                registration, List.of());
    }

    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                         List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about, Reminders reminders,
                         @Nullable Privacy privacy) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy,
                Registration.UNSET);
    }

    /** A schedule without a privacy notice (optional: without one, registration asks no consent to processing). */
    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                         List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about, Reminders reminders) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, null);
    }

    /**
     * The privacy notice: the controller, a contact for data requests, the days personal data is kept after the
     * last day, and the notice's version, which every consent is recorded with.
     */
    public record Privacy(LocalizedText controller, String contact, int retentionDays, String noticeVersion) {
    }

    /** The last day's end in the event's zone plus the retention days: when personal data is anonymised. */
    public Optional<Instant> retentionDue() {
        if (privacy == null || days.isEmpty()) {
            return Optional.empty();
        }
        Day last = days.stream().max(java.util.Comparator.comparing(Day::date)).orElseThrow();
        return Optional.of(instant(last.date().plusDays(privacy.retentionDays()), last.end()));
    }

    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions,
                         List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, Reminders.DEFAULT,
                null, Registration.UNSET, List.of());
    }

    /** A schedule without venue or about (both optional). */
    public EventSchedule(long id, String slug, LocalizedText name, ZoneId zone, int capacity, int waitlist,
                         List<Day> days, List<Room> rooms, List<Track> tracks, List<Session> sessions, List<Booth> booths) {
        this(id, slug, name, zone, capacity, waitlist, days, rooms, tracks, sessions, booths, null, null);
    }

    /** The venue; the address and a map link (http or https) are optional. */
    public record Venue(LocalizedText name, @Nullable LocalizedText address, @Nullable String mapUrl) {

        public Venue(LocalizedText name, @Nullable LocalizedText address) {
            this(name, address, null);
        }
    }

    /**
     * When registration opens and closes in event time; either may be unset (open now, open until the event ends).
     * An optional waiting room admits visitors at a set rate around the opening.
     */
    public record Registration(@JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") @Nullable LocalDateTime opensAt,
                               @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") @Nullable LocalDateTime closesAt,
                               @Nullable WaitingRoom waitingRoom, @Nullable Boolean verifyEmail) {

        public static final Registration UNSET = new Registration(null, null, null, null);

        public Registration(@Nullable LocalDateTime opensAt, @Nullable LocalDateTime closesAt) {
            this(opensAt, closesAt, null, null);
        }

        /** A new registration holds its place, PENDING, until the link in its mail is opened. */
        public boolean verifiesEmail() {
            return Boolean.TRUE.equals(verifyEmail);
        }
    }

    /** The waiting room of the opening: visitors admitted in arrival order, {@code admitPerMinute} a minute. */
    public record WaitingRoom(int admitPerMinute) {
    }

    public record Day(LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime doorsOpen, @JsonFormat(pattern = "HH:mm") LocalTime end, int mealVouchers, @Nullable Keynote keynote,
                      @Nullable Lunch lunch) {

        public Day(LocalDate date, LocalTime doorsOpen, LocalTime end, int mealVouchers, @Nullable Keynote keynote) {
            this(date, doorsOpen, end, mealVouchers, keynote, null);
        }

        public int keynoteSeats() {
            return keynote == null ? 0 : keynote.halls().stream().mapToInt(Hall::seats).sum();
        }
    }

    /** When and where the day's lunch vouchers are redeemed; the place is optional. */
    public record Lunch(@JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to,
                        @Nullable LocalizedText place) {
    }

    public record Keynote(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end, List<Hall> halls,
                          @Nullable LocalizedText title, @Nullable LocalizedText description, List<Speaker> speakers) {

        public Keynote {
            speakers = speakers == null ? List.of() : speakers;
        }

        public Keynote(LocalTime start, LocalTime end, List<Hall> halls) {
            this(start, end, halls, null, null, List.of());
        }

        /** Seat {@code n} (1-based, across halls in order) as a hall and a seat within it. */
        public Optional<HallSeat> seat(int n) {
            int remaining = n;
            for (Hall hall : halls) {
                if (remaining <= hall.seats()) {
                    return Optional.of(new HallSeat(hall.name(), remaining));
                }
                remaining -= hall.seats();
            }
            return Optional.empty();
        }
    }

    public record Hall(String name, int seats) {
    }

    public record HallSeat(String hall, int seat) {
    }

    public record Room(String code, LocalizedText name, int capacity, @Nullable String floor,
                       @Nullable LocalizedText directions) {

        public Room(String code, LocalizedText name, int capacity) {
            this(code, name, capacity, null, null);
        }
    }

    /** Event-time moments of the reminder mails: the evening before the first day, and each day's morning. */
    public record Reminders(@JsonFormat(pattern = "HH:mm") LocalTime dayBefore, @JsonFormat(pattern = "HH:mm") LocalTime morningOf) {

        public static final Reminders DEFAULT = new Reminders(LocalTime.of(18, 0), LocalTime.of(7, 0));
    }

    public record Track(String code, LocalizedText name) {
    }

    public record Session(String code, LocalizedText title, String track, String room, LocalDate day,
                          @JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end, @Nullable Integer capacity, String language,
                          List<Speaker> speakers, @Nullable LocalizedText description, @Nullable Integer level,
                          @Nullable SessionType type, List<String> tags, @Nullable PreRegistration preRegistration,
                          List<String> interpretation) {

        public Session(String code, LocalizedText title, String track, String room, LocalDate day, LocalTime start,
                       LocalTime end, @Nullable Integer capacity, String language, List<Speaker> speakers,
                       @Nullable LocalizedText description, @Nullable Integer level, @Nullable SessionType type, List<String> tags,
                       @Nullable PreRegistration preRegistration) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, level, type, tags,
                    preRegistration, List.of());
        }

        public Session(String code, LocalizedText title, String track, String room, LocalDate day, LocalTime start,
                       LocalTime end, @Nullable Integer capacity, String language, List<Speaker> speakers,
                       @Nullable LocalizedText description, @Nullable Integer level, @Nullable SessionType type, List<String> tags) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, level, type, tags, null);
        }

        /** Seats reserved ahead for this hands-on lab; 0 when it takes no reservations. */
        public int labSeats() {
            return preRegistration == null ? 0 : preRegistration.seats();
        }

        /** Sessions stored before levels, types, tags or interpretation existed read back without them. */
        public Session {
            tags = tags == null ? List.of() : tags;
            interpretation = interpretation == null ? List.of() : interpretation;
        }

        public Session(String code, LocalizedText title, String track, String room, LocalDate day, LocalTime start,
                       LocalTime end, @Nullable Integer capacity, String language, List<Speaker> speakers,
                       @Nullable LocalizedText description) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, null, null, List.of(), null);
        }
    }

    /** A hands-on lab's seats taken by reservation ahead (My ticket or the API), with a waitlist of its own. */
    public record PreRegistration(int seats) {
    }

    /** What kind of session it is; a LAB or WORKSHOP is hands-on. */
    public enum SessionType { TALK, LAB, WORKSHOP, PANEL, DEMO }

    /** A speaker; {@code title} is the job title. */
    public record Speaker(String name, @Nullable String company, @Nullable LocalizedText title, @Nullable LocalizedText bio) {

        public Speaker(String name, @Nullable String company) {
            this(name, company, null, null);
        }
    }

    /** A sponsor's booth; the tier orders the expo list (diamond first, then booths without one). */
    public record Booth(String code, LocalizedText sponsor, @Nullable String location, @Nullable SponsorTier tier,
                        List<Giveaway> giveaways) {

        /** Booths stored before giveaways existed read back without any. */
        public Booth {
            giveaways = giveaways == null ? List.of() : giveaways;
        }

        public Booth(String code, LocalizedText sponsor, @Nullable String location) {
            this(code, sponsor, location, null, List.of());
        }

        public Booth(String code, LocalizedText sponsor, @Nullable String location, @Nullable SponsorTier tier) {
            this(code, sponsor, location, tier, List.of());
        }

        public Optional<Giveaway> giveaway(String code) {
            return giveaways.stream().filter(g -> g.code().equals(code)).findFirst();
        }
    }

    /** A gift a booth hands out: one per attendee, never more than {@code stock}. */
    public record Giveaway(String code, LocalizedText name, int stock) {
    }

    /** An experience or demo area: a tap point ({@code zone:CODE}) that is not a sponsor, so nobody is named to anyone. */
    public record Zone(String code, LocalizedText name, ZoneKind kind, @Nullable String location) {
    }

    public enum ZoneKind {
        EXPERIENCE, DEMO;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static ZoneKind of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Optional<Zone> zone(String code) {
        return zones.stream().filter(z -> z.code().equals(code)).findFirst();
    }

    /** Sponsor tiers, highest first; written in lower case in definitions. */
    public enum SponsorTier {
        DIAMOND, PLATINUM, GOLD, SILVER, BRONZE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static SponsorTier of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The booths as the expo list shows them: by tier (diamond first, untiered last), then by code. */
    public List<Booth> boothsByTier() {
        return booths.stream().sorted(java.util.Comparator.comparingInt((Booth b) -> b.tier() == null ? 99 : b.tier().ordinal())
                .thenComparing(Booth::code)).toList();
    }

    public Optional<Day> day(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /** The day whose doors-open..end window holds this instant, in the event's time zone. */
    public Optional<Day> dayAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return day(local.toLocalDate()).filter(d -> {
            LocalTime t = local.toLocalTime();
            return !t.isBefore(d.doorsOpen()) && !t.isAfter(d.end());
        });
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant instant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    public Optional<Session> session(String code) {
        return sessions.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Room> room(String code) {
        return rooms.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Booth> booth(String code) {
        return booths.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** Seats at a session's door: the session's own capacity, else its room's. */
    public int seatsAt(Session session) {
        if (session.capacity() != null) {
            return session.capacity();
        }
        return room(session.room()).map(Room::capacity).orElse(0);
    }
}
