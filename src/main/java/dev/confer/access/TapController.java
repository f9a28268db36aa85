package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Door and booth devices send their taps here (DOOR, SPONSOR or organizer tokens; see SecurityConfig). */
@RestController
class TapController {

    private final EventCatalog events;
    private final DoorTaps taps;

    TapController(EventCatalog events, DoorTaps taps) {
        this.events = events;
        this.taps = taps;
    }

    @PostMapping("/api/v1/events/{slug}/taps")
    TapAnswer tap(@PathVariable String slug, @RequestBody TapRequest request, @AuthenticationPrincipal Caller caller) {
        return taps.tap(events.require(slug), caller, request);
    }
}
