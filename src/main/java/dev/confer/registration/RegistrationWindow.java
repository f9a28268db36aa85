package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When an event takes registrations. One rule for the API, the pages and teams: from the definition's
 * {@code registration.opensAt} (or at once) until its {@code closesAt}, and never after the event's last day has
 * ended (in the event's time zone). While open it takes places while they last, then offers the waitlist.
 */
@Component
class RegistrationWindow {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    RegistrationWindow(Clock clock) {
        this.clock = clock;
    }

    Availability.Phase phase(EventSchedule event) {
        Instant now = Instant.now(clock);
        EventSchedule.Day last = event.days().getLast();
        if (now.isAfter(event.instant(last.date(), last.end()))) {
            return Availability.Phase.OVER;
        }
        Instant opens = opensAt(event);
        if (opens != null && now.isBefore(opens)) {
            return Availability.Phase.NOT_OPEN;
        }
        LocalDateTime closes = event.registration().closesAt();
        if (closes != null && !now.isBefore(closes.atZone(event.zone()).toInstant())) {
            return Availability.Phase.CLOSED;
        }
        return Availability.Phase.OPEN;
    }

    @Nullable Instant opensAt(EventSchedule event) {
        LocalDateTime opens = event.registration().opensAt();
        return opens == null ? null : opens.atZone(event.zone()).toInstant();
    }

    /** 409 when the event takes no registrations now; nothing has been touched when it is thrown. */
    void requireOpen(EventSchedule event) {
        switch (phase(event)) {
            case OVER -> throw Rejection.conflict("registration.closed");
            case NOT_OPEN -> throw Rejection.conflict("registration.not-open",
                    event.registration().opensAt().format(SHOWN) + " (" + event.zone().getId() + ")");
            case CLOSED -> throw Rejection.conflict("registration.closed-at",
                    event.registration().closesAt().format(SHOWN) + " (" + event.zone().getId() + ")");
            case OPEN -> {
            }
        }
    }
}
