package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.ManageTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;


/**
 * The pages under My ticket open with the manage token from the mail: a wrong token and a wrong id get the
 * same not-found page, so nobody learns which registrations exist.
 */
@Component
class TicketHolder {

    private final Registrations registrations;
    private final ManageTokens manageTokens;

    TicketHolder(Registrations registrations, ManageTokens manageTokens) {
        this.registrations = registrations;
        this.manageTokens = manageTokens;
    }

    Attendee require(EventSchedule event, RegistrationId id, @Nullable String token) {
        if (token == null || !manageTokens.manageTokenMatches(event, id, token)) {
            throw Rejection.notFound("registration.not-found", id);
        }
        return registrations.find(event, id).orElseThrow(() -> Rejection.notFound("registration.not-found", id));
    }

    /** An address under My ticket ({@code ""} for the ticket itself, {@code "/agenda"}, ...) with the token. */
    static String url(String slug, RegistrationId id, @Nullable String token, String below) {
        return UriComponentsBuilder.fromPath("/e/{slug}/my-ticket/{id}" + below).queryParam("token", token)
                .buildAndExpand(slug, id).encode().toUriString();
    }
}
