package dev.confer.stats;

import dev.confer.access.DoorCounts;
import dev.confer.access.Giveaways;
import dev.confer.checkin.Checkins;
import dev.confer.checkin.DayCount;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.shared.LocalizedText;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stats module's API: gathers an event's figures from the modules that own them, through their public APIs only. */
@Component
public class EventFigures {

    private final Registrations registrations;
    private final Checkins checkins;
    private final DoorCounts doors;
    private final Giveaways giveaways;

    EventFigures(Registrations registrations, Checkins checkins, DoorCounts doors, Giveaways giveaways) {
        this.giveaways = giveaways;
        this.registrations = registrations;
        this.checkins = checkins;
        this.doors = doors;
    }

    public record Report(String event, Map<RegistrationStatus, Integer> registrations, List<DayFigures> days,
                  List<SessionFigures> sessions, List<BoothFigures> booths, List<ZoneFigures> zones) {
    }

    public record DayFigures(LocalDate day, int checkedIn, Vouchers vouchers, KeynoteSeats keynote) {
    }

    public record Vouchers(int stock, int issued, int redeemed) {
    }

    public record KeynoteSeats(int seats, int taken) {
    }

    /** {@code overCapacity}: admitted offline by a door and settled after the room was full (see access). */
    public record SessionFigures(String code, LocalizedText title, LocalDate day, String room, int capacity, int admitted,
                          int turnedAway, int overCapacity) {
    }

    /** A booth, in the expo list's order (by tier); its giveaways with their stock and how many went. */
    public record BoothFigures(String code, LocalizedText sponsor, EventSchedule.@org.jspecify.annotations.Nullable SponsorTier tier,
                               int visitors, int visits, List<GiftFigures> giveaways) {
    }

    public record GiftFigures(String code, LocalizedText name, int stock, int handedOut) {
    }

    /** An experience or demo zone: distinct visitors and visits. */
    public record ZoneFigures(String code, LocalizedText name, EventSchedule.ZoneKind kind, int visitors, int visits) {
    }

    public Report of(EventSchedule event) {
        return new Report(event.slug(), registrations.countByStatus(event), days(event), sessions(event), booths(event),
                zones(event));
    }

    /** Every day of the definition; a day the desks have not opened yet shows its stock and zeros. */
    private List<DayFigures> days(EventSchedule event) {
        Map<LocalDate, DayCount> counts = checkins.dayCounts(event).stream()
                .collect(Collectors.toMap(DayCount::day, Function.identity()));
        return event.days().stream().map(d -> {
            DayCount c = counts.getOrDefault(d.date(), new DayCount(d.date(), 0, d.mealVouchers(), 0, 0, d.keynoteSeats(), 0));
            return new DayFigures(d.date(), c.checkedIn(), new Vouchers(c.voucherStock(), c.vouchersIssued(), c.vouchersRedeemed()),
                    new KeynoteSeats(c.keynoteSeats(), c.keynoteSeatsTaken()));
        }).toList();
    }

    private List<SessionFigures> sessions(EventSchedule event) {
        Map<String, DoorCounts.SessionCount> counts = doors.sessions(event).stream()
                .collect(Collectors.toMap(DoorCounts.SessionCount::code, Function.identity()));
        return event.sessions().stream().map(s -> {
            DoorCounts.SessionCount c = counts.get(s.code());
            return new SessionFigures(s.code(), s.title(), s.day(), s.room(), c.capacity(), c.admitted(), c.turnedAway(), c.overCapacity());
        }).toList();
    }

    private List<BoothFigures> booths(EventSchedule event) {
        Map<String, DoorCounts.BoothCount> counts = doors.booths(event).stream()
                .collect(Collectors.toMap(DoorCounts.BoothCount::code, Function.identity()));
        Map<String, Giveaways.GiftCount> gifts = giveaways.counts(event).stream()
                .collect(Collectors.toMap(g -> g.booth() + "/" + g.gift(), Function.identity()));
        return event.boothsByTier().stream().map(b -> {
            DoorCounts.BoothCount c = counts.get(b.code());
            List<GiftFigures> handed = b.giveaways().stream().map(g -> new GiftFigures(g.code(), g.name(), g.stock(),
                    gifts.get(b.code() + "/" + g.code()).handedOut())).toList();
            return new BoothFigures(b.code(), b.sponsor(), b.tier(), c.visitors(), c.visits(), handed);
        }).toList();
    }

    private List<ZoneFigures> zones(EventSchedule event) {
        Map<String, DoorCounts.ZoneCount> counts = doors.zones(event).stream()
                .collect(Collectors.toMap(DoorCounts.ZoneCount::code, Function.identity()));
        return event.zones().stream().map(z -> {
            DoorCounts.ZoneCount c = counts.get(z.code());
            return new ZoneFigures(z.code(), z.name(), z.kind(), c.visitors(), c.visits());
        }).toList();
    }
}
