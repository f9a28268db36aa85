package dev.confer.tickets;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The attendee's own keys, derived by HMAC from the registration under the event's secret (nothing to store,
 * nothing to guess): the manage token (the link in their mail: read, change, cancel) and the calendar key
 * (reads the calendar feed only). Also decides who may act for a registration.
 */
@Service
public class ManageTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final TicketKeys keys;
    private final ThreadLocal<Map<Long, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    ManageTokens(TicketKeys keys) {
        this.keys = keys;
    }

    /** A token that lets the attendee read and cancel their own registration. */
    public String manageToken(EventSchedule event, RegistrationId registrationId) {
        return derived(event, "manage:", registrationId);
    }

    public boolean manageTokenMatches(EventSchedule event, RegistrationId registrationId, @Nullable String presented) {
        return matches(manageToken(event, registrationId), presented);
    }

    /**
     * The key in an attendee's calendar feed address. Calendar apps keep that address on their servers, so it
     * only reads the agenda: unlike the manage token it cannot open or cancel the registration.
     */
    public String calendarKey(EventSchedule event, RegistrationId registrationId) {
        return derived(event, "calendar:", registrationId);
    }

    public boolean calendarKeyMatches(EventSchedule event, RegistrationId registrationId, @Nullable String presented) {
        return matches(calendarKey(event, registrationId), presented);
    }

    /**
     * Lets through the organizer, staff of this event in one of {@code staff} roles, or whoever holds the
     * registration's manage token; otherwise 401 (nothing presented, with the message {@code missingKey}) or 403.
     */
    public void requireHolderOrStaff(EventSchedule event, RegistrationId registrationId, Credentials credentials,
                                     String missingKey, Role... staff) {
        Caller caller = credentials.caller();
        if (caller != null && caller.mayActFor(event.slug())
                && (caller.isOrganizer() || Arrays.asList(staff).contains(caller.role()))) {
            return;
        }
        String token = credentials.manageToken();
        if (token == null || token.isBlank()) {
            throw caller == null ? new Rejection(401, missingKey) : Rejection.forbidden("auth.forbidden");
        }
        if (!manageTokenMatches(event, registrationId, token)) {
            throw Rejection.forbidden("ticket.manage-token-wrong");
        }
    }

    /**
     * An HMAC of {@code payload} under the event's secret for another module's short-lived token (the waiting
     * room's pass), kept apart from the attendee's keys by its {@code purpose}.
     */
    public String signature(EventSchedule event, String purpose, String payload) {
        return derived(event, purpose + ":", payload);
    }

    public boolean signatureMatches(EventSchedule event, String purpose, String payload, @Nullable String presented) {
        return matches(signature(event, purpose, payload), presented);
    }

    /**
     * The HMAC-SHA256 of {@code message} under the event's secret. Every use starts its message with its own
     * purpose ({@code manage:}, {@code calendar:}, {@code seal:}, a module's {@code purpose:}), so no two meet.
     */
    byte[] mac(EventSchedule event, String message) {
        Mac mac = macs.get().computeIfAbsent(event.id(), id -> newMac(keys.of(event)));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matches(String expected, @Nullable String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String derived(EventSchedule event, String purpose, RegistrationId registrationId) {
        return derived(event, purpose, registrationId.toString());
    }

    private String derived(EventSchedule event, String purpose, String subject) {
        byte[] digest = mac(event, purpose + subject);
        return B64.encodeToString(Arrays.copyOf(digest, 24));
    }

    private static Mac newMac(TicketKeys.EventKeys keys) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.manageSecret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
