package dev.confer.access;

import dev.confer.tickets.Holder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Lab reservations for the holder of the registration's manage token (or the organizer). */
@RestController
class LabController {

    private final LabReservations labs;
    private final dev.confer.events.EventCatalog events;

    LabController(LabReservations labs, dev.confer.events.EventCatalog events) {
        this.labs = labs;
        this.events = events;
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/labs")
    List<LabReservations.Reservation> mine(Holder holder) {
        return labs.of(holder.event(), holder.id());
    }

    /** 200 with RESERVED, or WAITING and the place in the lab's waitlist; the same answer when sent again. */
    @PutMapping("/api/v1/events/{slug}/registrations/{id}/labs/{code}")
    LabReservations.Reservation reserve(Holder holder, @PathVariable String code) {
        return labs.reserve(holder.event(), holder.id(), code);
    }

    /** 204 whether or not there was a reservation (a resend finds none). */
    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}/labs/{code}")
    ResponseEntity<Void> cancel(Holder holder, @PathVariable String code) {
        labs.cancel(holder.event(), holder.id(), code);
        return ResponseEntity.noContent().build();
    }

    /** Every lab's seats, reserved, waiting and left (public, like the agenda's seats). */
    @GetMapping("/api/v1/events/{slug}/labs")
    List<LabReservations.LabCount> counts(@PathVariable String slug) {
        return labs.counts(events.require(slug));
    }
}
