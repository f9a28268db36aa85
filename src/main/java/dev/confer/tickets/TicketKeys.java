package dev.confer.tickets;

import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * One Ed25519 key pair and one HMAC secret per event, created with the event and never changed (so printed
 * tickets stay valid). Keys are immutable, so caching them per instance is safe.
 */
@Repository
class TicketKeys {

    /** {@code fingerprint}: the first 8 bytes of SHA-256 of the public key, naming the key a stored ticket was signed by. */
    record EventKeys(long eventId, PrivateKey privateKey, PublicKey publicKey, byte[] manageSecret, long fingerprint) {
    }

    private final JdbcClient jdbc;
    private final Cache cache;

    TicketKeys(JdbcClient jdbc, CacheManager caches) {
        this.jdbc = jdbc;
        this.cache = Objects.requireNonNull(caches.getCache("ticket-keys"));
    }

    /** Synchronous, in the defining transaction: an event never exists without its keys. */
    @EventListener
    void on(EventDefined defined) {
        createIfAbsent(defined.schedule().id());
    }

    void createIfAbsent(long eventId) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            jdbc.sql("""
                            INSERT INTO ticket_key (event_id, private_key, public_key, manage_secret) VALUES (?, ?, ?, ?)
                            ON CONFLICT (event_id) DO NOTHING""")
                    .params(eventId, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), secret)
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    EventKeys of(EventSchedule event) {
        return Objects.requireNonNull(cache.get(event.id(), () -> load(event)));
    }

    private EventKeys load(EventSchedule event) {
        return jdbc.sql("SELECT private_key, public_key, manage_secret FROM ticket_key WHERE event_id = ?")
                .param(event.id())
                .query((rs, n) -> decode(event.id(), rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Event " + event.slug() + " has no ticket key"));
    }

    private static EventKeys decode(long eventId, byte[] privateKey, byte[] publicKey, byte[] secret) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            long fingerprint = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(publicKey)).getLong();
            return new EventKeys(eventId, factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    factory.generatePublic(new X509EncodedKeySpec(publicKey)), secret, fingerprint);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored ticket key of event " + eventId + " is unreadable", e);
        }
    }
}
