package dev.confer.access;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;


/** Reads who is tapping: a signed QR ticket, or the NFC chip of the badge printed at the desk. */
@Component
class Credentials {

    private final Tickets tickets;
    private final Checkins checkins;

    Credentials(Tickets tickets, Checkins checkins) {
        this.tickets = tickets;
        this.checkins = checkins;
    }

    /** The registration; 400 unless exactly one credential, 422 for a forged ticket, 404 for an unbound badge. */
    RegistrationId registrationOf(EventSchedule event, TapRequest.@Nullable Credential credential) {
        String ticket = credential == null || isBlank(credential.ticket()) ? null : credential.ticket();
        String nfcUid = credential == null || isBlank(credential.nfcUid()) ? null : credential.nfcUid();
        if (ticket != null && nfcUid != null) {
            throw Rejection.badRequest("access.credential-both");
        }
        if (ticket != null) {
            return tickets.verify(event, ticket);
        }
        if (nfcUid == null) {
            throw Rejection.badRequest("access.credential-required");
        }
        String uid = nfcUid;
        return checkins.registrationForBadge(event.id(), uid)
                .orElseThrow(() -> Rejection.notFound("access.unknown-badge", uid));
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
