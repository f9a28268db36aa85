package dev.confer.checkin;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The roster a floor device keeps offline (desk, door, sponsor and organizer tokens; see SecurityConfig). */
@RestController
class RosterController {

    private final EventCatalog events;
    private final Roster roster;
    private final ApplicationEventPublisher publisher;

    RosterController(EventCatalog events, Roster roster, ApplicationEventPublisher publisher) {
        this.events = events;
        this.roster = roster;
        this.publisher = publisher;
    }

    /** Doors and booths verify and show name and company only; the desk also searches by e-mail. */
    @GetMapping("/api/v1/events/{slug}/roster")
    ResponseEntity<Roster.Page> roster(@PathVariable String slug, @RequestParam(required = false) @Nullable String since,
                                       @RequestParam(required = false) @Nullable Integer limit,
                                       @AuthenticationPrincipal Caller caller) {
        boolean withEmail = caller.role() == Role.DESK || caller.role() == Role.ORGANIZER;
        EventSchedule event = events.require(slug);
        // a booth's device shows a visitor's name only if they share it with sponsors
        Roster.Page page = roster.since(event, since, withEmail, limit == null ? Roster.PAGE : limit, caller.role() == Role.SPONSOR);
        if (!page.entries().isEmpty()) {
            publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "ROSTER", page.entries().size(),
                    withEmail ? "with e-mail" : null));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(page); // personal data: no shared caches
    }
}
