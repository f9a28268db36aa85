package dev.confer.checkin;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The badge print log for the organizer: {@code GET /api/v1/events/{slug}/badge-prints?reprints=true}, the latest 500
 * prints, newest first. It names people, so each read is in the access log.
 */
@RestController
class BadgePrintsController {

    static final int LIMIT = 500;
    private final EventCatalog events;
    private final BadgePrints prints;

    BadgePrintsController(EventCatalog events, BadgePrints prints) {
        this.events = events;
        this.prints = prints;
    }

    record Print(UUID printId, RegistrationId registrationId, @Nullable String name, OffsetDateTime printedAt, String printedBy,
                 boolean reprint) {
    }

    @GetMapping("/api/v1/events/{slug}/badge-prints")
    ResponseEntity<List<Print>> list(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean reprints,
                                     @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(prints.named(event, reprints, LIMIT, caller.actor())
                .stream().map(n -> new Print(n.print().printId(), n.print().registrationId(), n.name(),
                        n.print().printedAt().atZone(event.zone()).toOffsetDateTime(), n.print().printedBy(), n.print().reprint()))
                .toList());
    }
}
