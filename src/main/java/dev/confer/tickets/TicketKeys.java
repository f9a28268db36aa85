package dev.confer.tickets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Ed25519 key pair per event, created with the event and never changed (so printed tickets stay
 * valid). Keys are immutable, so caching them per instance is safe.
 */
@Repository
class TicketKeys {

    record EventKeys(long eventId, PrivateKey privateKey, PublicKey publicKey, byte[] manageSecret) {
    }

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<Long, EventKeys> cache = new ConcurrentHashMap<>();

    TicketKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    Optional<EventKeys> find(long eventId) {
        EventKeys cached = cache.get(eventId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EventKeys> loaded = jdbc.sql("SELECT private_key, public_key, manage_secret FROM ticket_key WHERE event_id = ?")
                .param(eventId)
                .query((rs, n) -> decode(eventId, rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)))
                .optional();
        loaded.ifPresent(k -> cache.put(eventId, k));
        return loaded;
    }

    private static EventKeys decode(long eventId, byte[] privateKey, byte[] publicKey, byte[] secret) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new EventKeys(eventId, factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    factory.generatePublic(new X509EncodedKeySpec(publicKey)), secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored ticket key of event " + eventId + " is unreadable", e);
        }
    }
}
