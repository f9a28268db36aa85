package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import dev.confer.shared.ScanTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What the registration desk and the canteen send: ticket scans, voucher redemptions, badge bindings. */
@RestController
class CheckinController {

    private final EventCatalog events;
    private final DeskCheckin desk;
    private final LunchVouchers vouchers;
    private final NfcBadges badges;
    private final Clock clock;

    CheckinController(EventCatalog events, DeskCheckin desk, LunchVouchers vouchers, NfcBadges badges, Clock clock) {
        this.events = events;
        this.desk = desk;
        this.vouchers = vouchers;
        this.badges = badges;
        this.clock = clock;
    }

    /** A scan at a desk; {@code at} is when the QR code was scanned (a desk that was offline sends it late). */
    record Scan(@Nullable String ticket, @Nullable String nfcUid, @Nullable String id, @Nullable String desk, @Nullable String at) {
    }

    /** When the canteen scanned the voucher; now if absent. */
    record Redemption(@Nullable String at) {
    }

    record BadgeBinding(@Nullable String nfcUid) {
    }

    @PostMapping("/api/v1/events/{slug}/check-ins")
    DeskCheckin.CheckedIn checkIn(@PathVariable String slug, @RequestBody Scan scan) {
        EventSchedule event = events.require(slug);
        return desk.checkIn(event, new DeskCheckin.Credential(scan.ticket(), scan.nfcUid()), clientId(scan.id()), scan.desk(),
                scanTime(scan.at()));
    }

    @PostMapping("/api/v1/events/{slug}/meal-vouchers/{code}/redeem")
    LunchVouchers.Redeemed redeem(@PathVariable String slug, @PathVariable String code,
                                  @RequestBody(required = false) @Nullable Redemption redemption) {
        return vouchers.redeem(events.require(slug), code, scanTime(redemption == null ? null : redemption.at()));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/badge")
    NfcBadges.Bound bind(@PathVariable String slug, @PathVariable RegistrationId id, @RequestBody BadgeBinding binding) {
        return badges.bind(events.require(slug), id, binding.nfcUid());
    }

    /** The device's own id for the check-in (optional here; every synced check-in has one). */
    static @Nullable UUID clientId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("checkin.bad-id", text);
        }
    }

    private Instant scanTime(@Nullable String at) {
        return ScanTimes.parse(at, clock, "checkin.bad-time");
    }
}
