package dev.confer.privacy;

import dev.confer.registration.Attendee;
import dev.confer.tickets.Holder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The attendee's data export and erasure (manage token; the organizer may answer a request on their behalf). */
@RestController
class PersonalDataController {

    private final PersonalDataRequests requests;

    PersonalDataController(PersonalDataRequests requests) {
        this.requests = requests;
    }

    record Erased(String id, String status, boolean erased) {
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/data")
    ResponseEntity<Map<String, Object>> data(Holder holder) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("my-data-" + holder.event().slug() + ".json").build().toString())
                .body(requests.export(holder.event(), holder.id(), actor(holder)));
    }

    @PostMapping("/api/v1/events/{slug}/registrations/{id}/erasure")
    Erased erase(Holder holder) {
        Attendee a = requests.erase(holder.event(), holder.id(), actor(holder));
        return new Erased(a.id().toString(), a.status().name(), a.isErased());
    }

    static String actor(Holder holder) {
        return holder.caller() == null ? "ATTENDEE (self)" : holder.caller().actor();
    }
}
