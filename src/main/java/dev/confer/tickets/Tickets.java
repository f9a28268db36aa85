package dev.confer.tickets;

import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tickets module's API. A ticket reads {@code CF1.<event>.<registration>.<signature>}: the event
 * slug, the registration id (22 base64url characters) and an Ed25519 signature over both, so it
 * names no personal data and cannot be altered or forged without the event's private key.
 */
@Service
public class Tickets {

    static final String PREFIX = "CF1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private static final int VERIFIED_CACHE_SIZE = 200_000;

    private final TicketKeys keys;
    // Signature objects are not thread-safe but are reusable after sign()/verify(): one per thread and event
    private final ThreadLocal<Map<Long, Signature>> signers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<Long, Signature>> verifiers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<Long, Mac>> macs = ThreadLocal.withInitial(HashMap::new);
    private final ConcurrentHashMap<String, UUID> verified = new ConcurrentHashMap<>();
    // the confirmation mail, My ticket and the badge show the ticket again: sign once per instance
    private final ConcurrentHashMap<UUID, String> issued = new ConcurrentHashMap<>();
    private static final int ISSUED_CACHE_SIZE = 100_000;

    Tickets(TicketKeys keys) {
        this.keys = keys;
    }

    @EventListener
    void on(EventDefined defined) {
        keys.createIfAbsent(defined.schedule().id());
    }

    /** The QR text for a registration (Ed25519 is deterministic: the same text every time). */
    public String issue(EventSchedule event, UUID registrationId) {
        String cached = issued.get(registrationId);
        if (cached != null && cached.startsWith(PREFIX + "." + event.slug() + ".")) {
            return cached;
        }
        String ticket = sign(event, registrationId);
        if (issued.size() >= ISSUED_CACHE_SIZE) {
            issued.clear();
        }
        issued.put(registrationId, ticket);
        return ticket;
    }

    private String sign(EventSchedule event, UUID registrationId) {
        String body = PREFIX + "." + event.slug() + "." + encode(registrationId);
        try {
            Signature signer = signers.get().computeIfAbsent(event.id(), id -> newSigner(keys(event)));
            signer.update(body.getBytes(StandardCharsets.US_ASCII));
            return body + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registration a ticket names, or a 422 that a desk worker understands. */
    public UUID verify(EventSchedule event, String ticket) {
        String text = ticket == null ? "" : ticket.strip();
        String[] parts = text.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw Rejection.unprocessable("ticket.unreadable");
        }
        if (!parts[1].equals(event.slug())) {
            throw Rejection.unprocessable("ticket.other-event", parts[1]);
        }
        UUID id;
        byte[] signature;
        try {
            id = decode(parts[2]);
            signature = B64D.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw Rejection.unprocessable("ticket.unreadable");
        }
        if (id.equals(verified.get(text))) {
            return id;
        }
        try {
            Signature verifier = verifiers.get().computeIfAbsent(event.id(), key -> newVerifier(keys(event)));
            verifier.update((parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                throw Rejection.unprocessable("ticket.forged");
            }
        } catch (java.security.SignatureException e) {
            verifiers.get().remove(event.id()); // its state is unknown after a failure: start afresh next time
            throw Rejection.unprocessable("ticket.forged");
        }
        remember(text, id);
        return id;
    }

    /**
     * Only texts whose signature checked out are remembered; a ticket verifies the same way for ever
     * (keys never change), so this cache can never be wrong, only full. Badges are tapped many times a day.
     */
    private void remember(String ticket, UUID id) {
        if (verified.size() >= VERIFIED_CACHE_SIZE) {
            verified.clear();
        }
        verified.put(ticket, id);
    }

    private static Signature newSigner(TicketKeys.EventKeys keys) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.privateKey());
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Signature newVerifier(TicketKeys.EventKeys keys) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.publicKey());
            return verifier;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event's public key (X.509, base64) for scanners that verify tickets offline. */
    public String publicKey(EventSchedule event) {
        return Base64.getEncoder().encodeToString(keys(event).publicKey().getEncoded());
    }

    /** A token that lets the attendee read and cancel their own registration; derived, never stored. */
    public String manageToken(EventSchedule event, UUID registrationId) {
        return derived(event, "manage:", registrationId);
    }

    /**
     * The key in an attendee's calendar feed address. Calendar apps keep that address on their servers, so it
     * only reads the agenda: unlike the manage token it cannot open or cancel the registration.
     */
    public String calendarKey(EventSchedule event, UUID registrationId) {
        return derived(event, "calendar:", registrationId);
    }

    public boolean calendarKeyMatches(EventSchedule event, UUID registrationId, @Nullable String presented) {
        return presented != null && MessageDigest.isEqual(
                calendarKey(event, registrationId).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** An HMAC of purpose and registration under the event's secret: nothing to store, nothing to guess. */
    private String derived(EventSchedule event, String purpose, UUID registrationId) {
        Mac mac = macs.get().computeIfAbsent(event.id(), id -> newMac(keys(event)));
        byte[] digest = mac.doFinal((purpose + registrationId).getBytes(StandardCharsets.US_ASCII));
        return B64.encodeToString(java.util.Arrays.copyOf(digest, 24));
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

    /**
     * Lets through the organizer, staff of this event in one of {@code staff} roles, or whoever holds the
     * registration's manage token (the link in their mail); otherwise 401 (nothing presented, with the
     * message {@code missingKey}) or 403.
     */
    public void requireHolderOrStaff(EventSchedule event, UUID registrationId, @Nullable Caller caller,
                                     @Nullable String manageToken, String missingKey, Role... staff) {
        if (caller != null && caller.mayActFor(event.slug())
                && (caller.isOrganizer() || java.util.Arrays.asList(staff).contains(caller.role()))) {
            return;
        }
        if (manageToken == null || manageToken.isBlank()) {
            throw caller == null ? new Rejection(401, missingKey) : Rejection.forbidden("auth.forbidden");
        }
        if (!manageTokenMatches(event, registrationId, manageToken)) {
            throw Rejection.forbidden("ticket.manage-token-wrong");
        }
    }

    public boolean manageTokenMatches(EventSchedule event, UUID registrationId, String presented) {
        return presented != null && MessageDigest.isEqual(
                manageToken(event, registrationId).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private TicketKeys.EventKeys keys(EventSchedule event) {
        return keys.find(event.id()).orElseThrow(() -> new IllegalStateException("Event " + event.slug() + " has no ticket key"));
    }

    static String encode(UUID id) {
        return B64.encodeToString(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    static UUID decode(String text) {
        byte[] bytes = B64D.decode(text);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not a registration id");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
