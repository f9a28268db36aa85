package dev.confer.tickets;

import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signed QR tickets: {@code CF1.<event>.<registration>.<signature>}, an Ed25519 signature over the event slug
 * and the registration id, so a ticket names no personal data and cannot be altered or forged without the
 * event's private key. Scanners verify offline with the public key ({@link #publicKey}).
 */
@Service
public class Tickets {

    private final TicketKeys keys;
    private final IssuedTickets issuedTickets;
    private final ManageTokens manageTokens;
    // Signature objects are not thread-safe but are reusable after sign()/verify(): one per thread and event
    private final ThreadLocal<Map<Long, Signature>> signers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<Long, Signature>> verifiers = ThreadLocal.withInitial(HashMap::new);
    // the confirmation mail, My ticket and the badge show the ticket again: sign once per instance
    private final Cache issued;
    // only texts whose signature checked out; a ticket verifies the same way for ever (keys never change)
    private final Cache verified;

    Tickets(TicketKeys keys, IssuedTickets issuedTickets, ManageTokens manageTokens, CacheManager caches) {
        this.keys = keys;
        this.issuedTickets = issuedTickets;
        this.manageTokens = manageTokens;
        this.issued = Objects.requireNonNull(caches.getCache("issued-tickets"));
        this.verified = Objects.requireNonNull(caches.getCache("verified-tickets"));
    }

    /** The QR text for a registration (Ed25519 is deterministic: the same text every time). */
    public String issue(EventSchedule event, RegistrationId registrationId) {
        String cached = issued.get(registrationId, String.class);
        if (cached != null && cached.startsWith(TicketText.body(event.slug(), registrationId))) {
            return cached;
        }
        String ticket = sign(event, registrationId);
        issued.put(registrationId, ticket);
        return ticket;
    }

    /**
     * Keeps the registration's ticket as issued, in the caller's (the registering) transaction, so that its check-ins
     * compare it instead of verifying its signature ({@link #verify}). Issue it before the transaction: signing takes
     * ~0.6 ms of CPU, which is then not spent holding the registration's locks.
     */
    public void keep(EventSchedule event, RegistrationId registrationId) {
        issuedTickets.keep(registrationId, keys.of(event).fingerprint(), issue(event, registrationId));
    }

    /** {@link #keep(EventSchedule, RegistrationId)} for a team's registrations, in one statement. */
    public void keep(EventSchedule event, List<RegistrationId> registrationIds) {
        issuedTickets.keep(registrationIds, keys.of(event).fingerprint(), registrationIds.stream().map(id -> issue(event, id)).toList());
    }

    private String sign(EventSchedule event, RegistrationId registrationId) {
        String body = TicketText.body(event.slug(), registrationId);
        try {
            Signature signer = signers.get().computeIfAbsent(event.id(), id -> newSigner(keys.of(event)));
            signer.update(body.getBytes(StandardCharsets.US_ASCII));
            return body + "." + TicketText.signature(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The registration a ticket names, or a 422 that a desk worker understands. A ticket byte for byte the one kept
     * when its registration was made ({@link #keep}), under the event's current key, is accepted without the Ed25519
     * verification (Ed25519 is deterministic: that text is the one valid signature Confer made); any other text (a
     * ticket from before tickets were kept, a key that changed, a forgery) is verified in full.
     */
    public RegistrationId verify(EventSchedule event, String ticket) {
        String text = ticket == null ? "" : ticket.strip();
        String[] parts = text.split("\\.");
        if (parts.length != 4 || !TicketText.PREFIX.equals(parts[0])) {
            throw Rejection.unprocessable("ticket.unreadable");
        }
        if (!parts[1].equals(event.slug())) {
            throw Rejection.unprocessable("ticket.other-event", parts[1]);
        }
        RegistrationId id;
        byte[] signature;
        try {
            id = TicketText.decode(parts[2]);
            signature = TicketText.signature(parts[3]);
        } catch (IllegalArgumentException e) {
            throw Rejection.unprocessable("ticket.unreadable");
        }
        if (id.equals(verified.get(text, RegistrationId.class))) {
            return id;
        }
        if (asIssued(event, id, text)) {
            verified.put(text, id);
            return id;
        }
        try {
            Signature verifier = verifiers.get().computeIfAbsent(event.id(), key -> newVerifier(keys.of(event)));
            verifier.update((parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                throw Rejection.unprocessable("ticket.forged");
            }
        } catch (SignatureException e) {
            verifiers.get().remove(event.id()); // its state is unknown after a failure: start afresh next time
            throw Rejection.unprocessable("ticket.forged");
        }
        verified.put(text, id);
        return id;
    }

    private boolean asIssued(EventSchedule event, RegistrationId id, String text) {
        long fingerprint = keys.of(event).fingerprint();
        return issuedTickets.find(id)
                .filter(issued -> issued.keyFingerprint() == fingerprint)
                .filter(issued -> MessageDigest.isEqual(issued.ticket().getBytes(StandardCharsets.US_ASCII),
                        text.getBytes(StandardCharsets.US_ASCII))) // constant time
                .isPresent();
    }

    private static final char[] SEAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray(); // no 0/O, 1/I

    /**
     * A short check that only this event's secret can produce for {@code text} (six characters, 30 bits, of an
     * HMAC-SHA256 under the event's secret): printed after a lunch voucher's number, it makes the next voucher's code
     * unguessable while the number stays readable. Deterministic, so the same text always gets the same seal. An
     * HMAC, not a signature: every first check-in with a voucher makes one, and nobody but Confer checks it.
     */
    public String seal(EventSchedule event, String text) {
        return sealText(manageTokens.mac(event, "seal:" + text));
    }

    /**
     * The seal as Confer made it before 2026-12-03: six characters of an Ed25519 signature, as costly as verifying a
     * ticket. Only checked, never made for a new code, so that vouchers shown or printed before still buy lunch.
     */
    public String earlierSeal(EventSchedule event, String text) {
        try {
            Signature signer = signers.get().computeIfAbsent(event.id(), id -> newSigner(keys.of(event)));
            signer.update(("seal." + text).getBytes(StandardCharsets.UTF_8));
            return sealText(signer.sign());
        } catch (GeneralSecurityException e) {
            signers.get().remove(event.id());
            throw new IllegalStateException(e);
        }
    }

    private static String sealText(byte[] digest) {
        long bits = 0;
        for (int i = 0; i < 4; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        char[] seal = new char[6];
        for (int i = 0; i < seal.length; i++) {
            seal[i] = SEAL_ALPHABET[(int) ((bits >>> (5 * i)) & 31)];
        }
        return new String(seal);
    }

    /** The event's public key (X.509, base64) for scanners that verify tickets offline. */
    public String publicKey(EventSchedule event) {
        return Base64.getEncoder().encodeToString(keys.of(event).publicKey().getEncoded());
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
}
