package dev.confer.web.site;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Availability;
import dev.confer.registration.Registrations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether the event site takes registrations. The foundation has no closing rule, so the site decides:
 * registration closes when the event's last day has ended (in the event's time zone); until then it is
 * open while places last, then offers the waitlist while that lasts, then is full.
 */
@Component
class RegistrationWindow {

    enum State { OPEN, WAITLIST, FULL, CLOSED }

    private final Registrations registrations;
    private final Clock clock;

    RegistrationWindow(Registrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    record Now(State state, Availability availability) {
    }

    Now now(EventSchedule event) {
        Availability availability = registrations.availability(event);
        if (hasEnded(event)) {
            return new Now(State.CLOSED, availability);
        }
        return new Now(switch (availability.state()) {
            case OPEN -> State.OPEN;
            case WAITLIST -> State.WAITLIST;
            case FULL -> State.FULL;
        }, availability);
    }

    boolean hasEnded(EventSchedule event) {
        EventSchedule.Day last = event.days().getLast();
        return Instant.now(clock).isAfter(event.instant(last.date(), last.end()));
    }
}
