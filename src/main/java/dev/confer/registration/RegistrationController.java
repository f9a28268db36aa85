package dev.confer.registration;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
class RegistrationController {

    private final EventCatalog events;
    private final Registrations registrations;
    private final Tickets tickets;

    RegistrationController(EventCatalog events, Registrations registrations, Tickets tickets) {
        this.events = events;
        this.registrations = registrations;
        this.tickets = tickets;
    }

    record Created(UUID id, RegistrationStatus status, @Nullable Integer waitlistPosition, String ticket, String manageToken) {
    }

    record View(UUID id, RegistrationStatus status, @Nullable Integer waitlistPosition, String name, String email,
                @Nullable String company, @Nullable String jobTitle, String locale, Instant registeredAt,
                @Nullable String ticket) {
    }

    @PostMapping("/api/v1/events/{slug}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@PathVariable String slug, @RequestBody NewRegistration body, Locale requestLocale) {
        EventSchedule event = events.require(slug);
        Registrations.Outcome outcome = registrations.register(event, body, "ko".equals(requestLocale.getLanguage()) ? "ko" : "en");
        UUID id = outcome.attendee().id();
        return new Created(id, outcome.attendee().status(), outcome.waitlistPosition(), tickets.issue(event, id),
                tickets.manageToken(event, id));
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}")
    View get(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable Caller caller,
             @RequestParam(name = "token", required = false) @Nullable String token,
             @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = events.require(slug);
        authorize(event, id, caller, token != null ? token : headerToken);
        return view(event, registrations.find(event, id).orElseThrow(() -> Rejection.notFound("registration.not-found", id)));
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}")
    View cancel(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable Caller caller,
                @RequestParam(name = "token", required = false) @Nullable String token,
                @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = events.require(slug);
        authorize(event, id, caller, token != null ? token : headerToken);
        return view(event, registrations.cancel(event, id));
    }

    /** Organizer: list and search registrations. */
    @GetMapping("/api/v1/events/{slug}/registrations")
    List<View> list(@PathVariable String slug, @RequestParam(required = false) @Nullable RegistrationStatus status,
                    @RequestParam(name = "q", required = false) @Nullable String query,
                    @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        EventSchedule event = events.require(slug);
        return registrations.search(event, status, query, limit, offset).stream().map(a -> view(event, a)).toList();
    }

    private void authorize(EventSchedule event, UUID id, @Nullable Caller caller, @Nullable String manageToken) {
        tickets.requireHolderOrStaff(event, id, caller, manageToken, "registration.token-required");
    }

    private View view(EventSchedule event, Attendee a) {
        return new View(a.id(), a.status(), registrations.waitlistPosition(a), a.name(), a.email(), a.company(), a.jobTitle(),
                a.locale(), a.registeredAt(), a.status() == RegistrationStatus.CANCELLED ? null : tickets.issue(event, a.id()));
    }
}
