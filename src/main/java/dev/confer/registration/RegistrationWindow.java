package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When an event takes registrations. One rule for the API, the pages and teams: registration closes when the
 * event's last day has ended (in the event's time zone). Until then it is open while places last, then offers
 * the waitlist while that lasts.
 */
@Component
class RegistrationWindow {

    private final Clock clock;

    RegistrationWindow(Clock clock) {
        this.clock = clock;
    }

    boolean isClosed(EventSchedule event) {
        EventSchedule.Day last = event.days().getLast();
        return Instant.now(clock).isAfter(event.instant(last.date(), last.end()));
    }

    /** 409 when the event takes no registrations now; nothing has been touched when it is thrown. */
    void requireOpen(EventSchedule event) {
        if (isClosed(event)) {
            throw Rejection.conflict("registration.closed");
        }
    }
}
