package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A booth's giveaways for its sponsor (SPONSOR token of that booth) or the organizer. */
@RestController
class GiveawayController {

    private final EventCatalog events;
    private final Giveaways giveaways;

    GiveawayController(EventCatalog events, Giveaways giveaways) {
        this.events = events;
        this.giveaways = giveaways;
    }

    @GetMapping("/api/v1/events/{slug}/booths/{code}/giveaways")
    List<Giveaways.GiftCount> counts(@PathVariable String slug, @PathVariable String code, @AuthenticationPrincipal Caller caller) {
        return giveaways.at(events.require(slug), code, caller);
    }

    /** 201 for a gift handed out; 200 for a resent handout id (nothing more taken). */
    @PostMapping("/api/v1/events/{slug}/booths/{code}/giveaways/{gift}/handouts")
    ResponseEntity<Handout> handOut(@PathVariable String slug, @PathVariable String code, @PathVariable String gift,
                                    @RequestBody HandoutRequest request, @AuthenticationPrincipal Caller caller) {
        Handout handout = giveaways.handOut(events.require(slug), caller, code, gift, request);
        return ResponseEntity.status(handout.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(handout);
    }
}
