package dev.confer.events;

import dev.confer.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

@RestController
class EventController {

    private final EventCatalog catalog;

    EventController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** The definition as the public may see it (no id, nothing personal; the privacy notice clients must show). */
    record PublicEvent(String slug, LocalizedText name, String timezone, int capacity, int waitlist,
                       List<EventSchedule.Day> days, List<EventSchedule.Room> rooms, List<EventSchedule.Track> tracks,
                       List<EventSchedule.Session> sessions, List<EventSchedule.Booth> booths,
                       EventSchedule.@Nullable Venue venue, @Nullable LocalizedText about,
                       EventSchedule.@Nullable Privacy privacy, EventSchedule.Registration registration,
                       List<EventSchedule.Zone> zones, EventSchedule.@Nullable Receivers receivers) {

        static PublicEvent of(EventSchedule s) {
            return new PublicEvent(s.slug(), s.name(), s.zone().getId(), s.capacity(), s.waitlist(), s.days(), s.rooms(),
                    s.tracks(), s.sessions(), s.booths(), s.venue(), s.about(), s.privacy(), s.registration(),
                    s.zones(), s.receivers());
        }
    }

    @PutMapping("/api/v1/events/{slug}")
    ResponseEntity<PublicEvent> define(@PathVariable String slug, @RequestBody JsonNode definition) {
        EventCatalog.Defined defined = catalog.define(slug, definition);
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(PublicEvent.of(defined.schedule()));
    }

    @GetMapping("/api/v1/events/{slug}")
    PublicEvent get(@PathVariable String slug) {
        return PublicEvent.of(catalog.require(slug));
    }

    /** The JSON Schema of a definition (the body of the PUT above), as it is enforced. */
    @GetMapping(value = "/api/v1/schema/event-definition", produces = {"application/schema+json", "application/json"})
    JsonNode schema() {
        return catalog.definitionSchema();
    }

    @GetMapping("/api/v1/events")
    List<String> list() {
        return catalog.slugs();
    }
}
