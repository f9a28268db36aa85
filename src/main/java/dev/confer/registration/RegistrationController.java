package dev.confer.registration;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Holder;
import dev.confer.tickets.ManageTokens;
import dev.confer.tickets.Tickets;
import dev.confer.waitingroom.WaitingRoom;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@RestController
class RegistrationController {

    private final EventCatalog events;
    private final Registrations registrations;
    private final Tickets tickets;
    private final ManageTokens manageTokens;
    private final ConsentLedger consents;
    private final ApplicationEventPublisher publisher;
    private final WaitingRoom waitingRoom;

    RegistrationController(EventCatalog events, Registrations registrations, Tickets tickets, ManageTokens manageTokens,
                           ConsentLedger consents, ApplicationEventPublisher publisher, WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
        this.publisher = publisher;
        this.consents = consents;
        this.events = events;
        this.registrations = registrations;
        this.tickets = tickets;
        this.manageTokens = manageTokens;
    }

    record Created(RegistrationId id, RegistrationStatus status, @Nullable Integer waitlistPosition, String ticket,
                   String manageToken) {
    }

    record View(RegistrationId id, RegistrationStatus status, @Nullable Integer waitlistPosition, String name, String email,
                @Nullable String company, @Nullable String jobTitle, Language locale, Instant registeredAt,
                @Nullable String ticket, boolean sponsorSharing, boolean erased) {
    }

    @PostMapping("/api/v1/events/{slug}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@PathVariable String slug, @RequestBody NewRegistration body, Locale requestLocale,
                     @RequestHeader(name = "X-Queue-Pass", required = false) @Nullable String queuePass) {
        EventSchedule event = events.require(slug);
        Registrations.Outcome outcome = waitingRoom.admit(event, queuePass,
                () -> registrations.register(event, body, Language.of(requestLocale)));
        RegistrationId id = outcome.attendee().id();
        return new Created(id, outcome.attendee().status(), outcome.waitlistPosition(), tickets.issue(event, id),
                manageTokens.manageToken(event, id));
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}")
    View get(Holder holder) {
        View found = view(holder.event(), registrations.find(holder.event(), holder.id())
                .orElseThrow(() -> Rejection.notFound("registration.not-found", holder.id())));
        if (holder.caller() != null) { // the organizer looking someone up (the attendee's own look is not logged)
            publisher.publishEvent(new PersonalDataViewed(holder.event().id(), holder.caller().actor(), "REGISTRATION_VIEW", 1, null));
        }
        return found;
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}")
    View cancel(Holder holder) {
        return view(holder.event(), registrations.cancel(holder.event(), holder.id()));
    }

    /** The link in the verification mail, as an API: a PENDING registration becomes CONFIRMED (410 once its hold ran out). */
    @PostMapping("/api/v1/events/{slug}/registrations/{id}/verification")
    View verify(Holder holder) {
        return view(holder.event(), registrations.verify(holder.event(), holder.id()));
    }

    /** The attendee's consents and their history (manage token or organizer). */
    @GetMapping("/api/v1/events/{slug}/registrations/{id}/consents")
    ConsentLedger.State consents(Holder holder) {
        return consents.state(holder.event(), holder.id());
    }

    /** The attendee's own answer to the notice: give or withdraw sharing, confirm a team member's consents. */
    @PutMapping("/api/v1/events/{slug}/registrations/{id}/consents")
    ConsentLedger.State answer(Holder holder, @RequestBody Consents body) {
        if (holder.byStaff()) {
            throw Rejection.forbidden("registration.consent-own");
        }
        return consents.answer(holder.event(), holder.id(), body);
    }

    /** Organizer: list and search registrations. */
    @GetMapping("/api/v1/events/{slug}/registrations")
    List<View> list(@PathVariable String slug, @RequestParam(required = false) @Nullable RegistrationStatus status,
                    @RequestParam(name = "q", required = false) @Nullable String query,
                    @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset,
                    @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        List<View> found = registrations.search(event, status, query, limit, offset).stream().map(a -> view(event, a)).toList();
        publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "REGISTRATION_LIST", found.size(),
                status == null ? null : "status " + status));
        return found;
    }

    private View view(EventSchedule event, Attendee a) {
        return new View(a.id(), a.status(), registrations.waitlistPosition(a), a.name(), a.email(), a.company(), a.jobTitle(),
                a.language(), a.registeredAt(), a.isCancelled() || a.isErased() ? null : tickets.issue(event, a.id()),
                a.sponsorSharing(), a.isErased());
    }
}
