package dev.confer.access;

import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Holder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Locale;

/** The certificate of attendance for the holder of the registration's manage token (or the organizer). */
@RestController
class CertificateController {

    private final Attendance attendance;
    private final Registrations registrations;
    private final Clock clock;

    CertificateController(Attendance attendance, Registrations registrations, Clock clock) {
        this.attendance = attendance;
        this.registrations = registrations;
        this.clock = clock;
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(Holder holder, Locale locale) {
        var attendee = registrations.find(holder.event(), holder.id())
                .orElseThrow(() -> Rejection.notFound("registration.not-found", holder.id()));
        byte[] pdf = attendance.certificate(holder.event(), attendee, locale, clock.instant());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + holder.event().slug() + "-certificate.pdf\"")
                .body(pdf);
    }
}
