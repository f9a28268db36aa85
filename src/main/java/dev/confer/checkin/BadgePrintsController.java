package dev.confer.checkin;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The badge print log for the organizer: {@code GET /api/v1/events/{slug}/badge-prints?reprints=true}, the latest 500
 * prints, newest first. It names people, so each read is in the access log.
 */
@RestController
class BadgePrintsController {

    private static final int LIMIT = 500;
    private final EventCatalog events;
    private final BadgePrints prints;
    private final Registrations registrations;
    private final ApplicationEventPublisher publisher;

    BadgePrintsController(EventCatalog events, BadgePrints prints, Registrations registrations, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.events = events;
        this.prints = prints;
        this.registrations = registrations;
    }

    record Print(UUID printId, RegistrationId registrationId, @Nullable String name, OffsetDateTime printedAt, String printedBy,
                 boolean reprint) {
    }

    @GetMapping("/api/v1/events/{slug}/badge-prints")
    ResponseEntity<List<Print>> list(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean reprints,
                                   @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        List<BadgePrints.BadgePrint> latest = prints.latest(event, reprints, LIMIT);
        Map<RegistrationId, Attendee> who = registrations.findAll(latest.stream().map(BadgePrints.BadgePrint::registrationId).toList())
                .stream().collect(Collectors.toMap(Attendee::id, Function.identity()));
        publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "BADGE_PRINTS", who.size(), null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(latest.stream().map(p -> new Print(p.printId(),
                p.registrationId(), who.containsKey(p.registrationId()) ? who.get(p.registrationId()).name() : null,
                p.printedAt().atZone(event.zone()).toOffsetDateTime(), p.printedBy(), p.reprint())).toList());
    }
}
