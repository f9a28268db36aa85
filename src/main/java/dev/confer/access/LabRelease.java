package dev.confer.access;

import dev.confer.registration.Cancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A cancelled registration gives up its lab seats and waiting places, after the cancellation committed (the event
 * publication registry resubmits it after a crash); each freed seat goes to the lab's first waiting, as when the holder
 * gives it up. Idempotent: a second run finds nothing held. Each lab in its own short transaction.
 */
@Component
class LabRelease {

    private final LabReservations labs;

    LabRelease(LabReservations labs) {
        this.labs = labs;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(Cancelled cancelled) {
        labs.releaseAll(cancelled.eventId(), cancelled.eventSlug(), cancelled.registrationId());
    }
}
