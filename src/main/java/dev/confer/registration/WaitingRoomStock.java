package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.waitingroom.WaitingRoom;
import org.springframework.stereotype.Component;

/** Tells the waiting room what is left to register for, as the registration form counts it. */
@Component
class WaitingRoomStock implements WaitingRoom.Stock {

    private final Registrations registrations;

    WaitingRoomStock(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Left left(EventSchedule event) {
        return switch (registrations.availability(event).state()) {
            case FULL -> Left.NONE;
            case WAITLIST -> Left.WAITLIST;
            default -> Left.PLACES; // open, or not open yet / closed: the room has nothing to say about places then
        };
    }
}
