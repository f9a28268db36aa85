package dev.confer.events;

import dev.confer.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An event definition as an organizer sends it. Dates and times stay strings here so that every
 * mistake can be reported with its JSON pointer instead of failing on the first one.
 */
public record EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                              @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                              @Nullable List<Track> tracks, @Nullable List<Session> sessions,
                              @Nullable List<Booth> booths, @Nullable Venue venue, @Nullable LocalizedText about,
                              @Nullable Reminders reminders, @Nullable Privacy privacy,
                              @Nullable Registration registration, @Nullable List<Zone> zones,
                              @Nullable Receivers receivers) {

    /** Definitions written before interpretation receivers existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths,
                           @Nullable Venue venue, @Nullable LocalizedText about, @Nullable Reminders reminders,
                           @Nullable Privacy privacy, @Nullable Registration registration, @Nullable List<Zone> zones) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy,
                registration, zones, null);
    }

    /** Interpretation receivers the desk lends against a badge or ticket: how many there are. */
    public record Receivers(@Nullable Integer stock) {
    }

    /** Definitions written before zones existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths,
                           @Nullable Venue venue, @Nullable LocalizedText about, @Nullable Reminders reminders,
                           @Nullable Privacy privacy, @Nullable Registration registration) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy,
                registration, null);
    }

    /** Definitions written before the registration window existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths,
                           @Nullable Venue venue, @Nullable LocalizedText about, @Nullable Reminders reminders,
                           @Nullable Privacy privacy) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, privacy, null, null);
    }

    /** Definitions written before the privacy notice existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths,
                           @Nullable Venue venue, @Nullable LocalizedText about, @Nullable Reminders reminders) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, reminders, null, null, null);
    }

    /** Definitions written before reminders existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths,
                           @Nullable Venue venue, @Nullable LocalizedText about) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, venue, about, null, null, null, null);
    }

    /** Definitions written before venue and about existed stay valid. */
    public EventDefinition(@Nullable LocalizedText name, @Nullable String timezone, @Nullable Integer capacity,
                           @Nullable Integer waitlist, @Nullable List<Day> days, @Nullable List<Room> rooms,
                           @Nullable List<Track> tracks, @Nullable List<Session> sessions, @Nullable List<Booth> booths) {
        this(name, timezone, capacity, waitlist, days, rooms, tracks, sessions, booths, null, null, null, null, null, null);
    }

    /**
     * The privacy notice shown at registration: who is responsible for the data (the controller), where to ask
     * about it, how many days after the last day it is kept, and the notice's version (stored with each consent).
     */
    public record Privacy(@Nullable LocalizedText controller, @Nullable String contact, @Nullable Integer retentionDays,
                          @Nullable String noticeVersion) {
    }

    /** When reminder mails go out, in event time ("HH:mm"): the evening before the first day and each morning. */
    public record Reminders(@Nullable String dayBefore, @Nullable String morningOf) {
    }

    /**
     * When registration opens and closes, in event time ("YYYY-MM-DDTHH:mm"); either may be left out. With a waiting
     * room, visitors around the opening queue and are admitted {@code admitPerMinute} a minute.
     */
    public record Registration(@Nullable String opensAt, @Nullable String closesAt, @Nullable WaitingRoom waitingRoom,
                               @Nullable Boolean verifyEmail) {

        public Registration(@Nullable String opensAt, @Nullable String closesAt) {
            this(opensAt, closesAt, null, null);
        }
    }

    public record WaitingRoom(@Nullable Integer admitPerMinute) {
    }

    /** Where the event takes place, as attendees look it up on a map; {@code mapUrl} (http or https) opens it on one. */
    public record Venue(@Nullable LocalizedText name, @Nullable LocalizedText address, @Nullable String mapUrl) {

        public Venue(@Nullable LocalizedText name, @Nullable LocalizedText address) {
            this(name, address, null);
        }
    }

    public record Day(@Nullable String date, @Nullable String doorsOpen, @Nullable String end,
                      @Nullable Integer mealVouchers, @Nullable Keynote keynote, @Nullable Lunch lunch) {

        public Day(@Nullable String date, @Nullable String doorsOpen, @Nullable String end, @Nullable Integer mealVouchers,
                   @Nullable Keynote keynote) {
            this(date, doorsOpen, end, mealVouchers, keynote, null);
        }
    }

    /** When (event time, "HH:mm") and where lunch vouchers are redeemed that day. */
    public record Lunch(@Nullable String from, @Nullable String to, @Nullable LocalizedText place) {
    }

    public record Keynote(@Nullable String start, @Nullable String end, @Nullable List<Hall> halls,
                          @Nullable LocalizedText title, @Nullable LocalizedText description,
                          @Nullable List<Speaker> speakers) {

        public Keynote(@Nullable String start, @Nullable String end, @Nullable List<Hall> halls) {
            this(start, end, halls, null, null, null);
        }
    }

    public record Hall(@Nullable String name, @Nullable Integer seats) {
    }

    /** A room; floor and directions ("3F, take the east escalators") help attendees find it in a big venue. */
    public record Room(@Nullable String code, @Nullable LocalizedText name, @Nullable Integer capacity,
                       @Nullable String floor, @Nullable LocalizedText directions) {

        public Room(@Nullable String code, @Nullable LocalizedText name, @Nullable Integer capacity) {
            this(code, name, capacity, null, null);
        }
    }

    public record Track(@Nullable String code, @Nullable LocalizedText name) {
    }

    public record Session(@Nullable String code, @Nullable LocalizedText title, @Nullable String track,
                          @Nullable String room, @Nullable String day, @Nullable String start, @Nullable String end,
                          @Nullable Integer capacity, @Nullable String language, @Nullable List<Speaker> speakers,
                          @Nullable LocalizedText description, @Nullable Integer level, @Nullable String type,
                          @Nullable List<String> tags, @Nullable PreRegistration preRegistration,
                          @Nullable List<String> interpretation) {

        /** Sessions written before interpretation channels existed stay valid. */
        public Session(@Nullable String code, @Nullable LocalizedText title, @Nullable String track, @Nullable String room,
                       @Nullable String day, @Nullable String start, @Nullable String end, @Nullable Integer capacity,
                       @Nullable String language, @Nullable List<Speaker> speakers, @Nullable LocalizedText description,
                       @Nullable Integer level, @Nullable String type, @Nullable List<String> tags,
                       @Nullable PreRegistration preRegistration) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, level, type, tags,
                    preRegistration, null);
        }

        public Session(@Nullable String code, @Nullable LocalizedText title, @Nullable String track, @Nullable String room,
                       @Nullable String day, @Nullable String start, @Nullable String end, @Nullable Integer capacity,
                       @Nullable String language, @Nullable List<Speaker> speakers, @Nullable LocalizedText description,
                       @Nullable Integer level, @Nullable String type, @Nullable List<String> tags) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, level, type, tags, null, null);
        }

        public Session(@Nullable String code, @Nullable LocalizedText title, @Nullable String track, @Nullable String room,
                       @Nullable String day, @Nullable String start, @Nullable String end, @Nullable Integer capacity,
                       @Nullable String language, @Nullable List<Speaker> speakers, @Nullable LocalizedText description) {
            this(code, title, track, room, day, start, end, capacity, language, speakers, description, null, null, null, null, null);
        }
    }

    /** A hands-on lab's seats reserved ahead. */
    public record PreRegistration(@Nullable Integer seats) {
    }

    /** A speaker; {@code title} is the job title. */
    public record Speaker(@Nullable String name, @Nullable String company, @Nullable LocalizedText title,
                          @Nullable LocalizedText bio) {

        public Speaker(@Nullable String name, @Nullable String company) {
            this(name, company, null, null);
        }
    }

    /**
     * A sponsor's booth; {@code tier} (diamond, platinum, gold, silver, bronze) orders the expo list; its giveaways are
     * handed out by a sponsor scan, one per attendee and gift.
     */
    public record Booth(@Nullable String code, @Nullable LocalizedText sponsor, @Nullable String location,
                        @Nullable String tier, @Nullable List<Giveaway> giveaways) {

        public Booth(@Nullable String code, @Nullable LocalizedText sponsor, @Nullable String location) {
            this(code, sponsor, location, null, null);
        }

        public Booth(@Nullable String code, @Nullable LocalizedText sponsor, @Nullable String location, @Nullable String tier) {
            this(code, sponsor, location, tier, null);
        }
    }

    /** A gift a booth hands out, with how many there are. */
    public record Giveaway(@Nullable String code, @Nullable LocalizedText name, @Nullable Integer stock) {
    }

    /** An experience or demo area: a tap point that is not a sponsor ({@code kind} experience or demo). */
    public record Zone(@Nullable String code, @Nullable LocalizedText name, @Nullable String kind, @Nullable String location) {
    }
}
