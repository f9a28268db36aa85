package dev.confer.platform;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens for desk, door and sponsor staff. Only a SHA-256 of each token is stored. Lookups of valid tokens are
 * cached for a minute per instance, keyed by the hash (cache {@code staff-tokens}, bounded); the database stays
 * the source of truth. Public: the organizer's pages issue, list and revoke them.
 */
@Component
public class StaffTokens {

    private final JdbcClient jdbc;
    private final EventCatalog events;
    private final SecureRandom random = new SecureRandom();
    private final Cache cache;

    StaffTokens(JdbcClient jdbc, EventCatalog events, CacheManager caches) {
        this.jdbc = jdbc;
        this.events = events;
        this.cache = Objects.requireNonNull(caches.getCache("staff-tokens"));
    }

    /** A new token, shown once: only its hash is kept. */
    public String issue(String slug, Role role, @Nullable String booth, @Nullable String label) {
        EventSchedule event = events.require(slug);
        if (role == Role.ORGANIZER) {
            throw Rejection.badRequest("staff-token.role");
        }
        if (role == Role.SPONSOR) {
            if (booth == null || booth.isBlank()) {
                throw Rejection.badRequest("staff-token.booth-required");
            }
            if (event.booth(booth).isEmpty()) {
                throw Rejection.badRequest("staff-token.unknown-booth", booth);
            }
        } else {
            booth = null;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = role.name().toLowerCase() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO staff_token (token_hash, event_id, role, booth_code, label) VALUES (?, ?, ?, ?, ?)")
                .params(hash(token), event.id(), role.name(), booth, label)
                .update();
        return token;
    }

    /** A token as the organizer sees it later: everything but the secret. */
    public record IssuedToken(long id, Role role, @Nullable String booth, @Nullable String label, Instant createdAt) {
    }

    /** The event's staff tokens, newest first. */
    public List<IssuedToken> issued(String slug) {
        return jdbc.sql("""
                        SELECT t.id, t.role, t.booth_code, t.label, t.created_at FROM staff_token t
                        WHERE t.event_id = ? ORDER BY t.created_at DESC, t.id DESC""")
                .param(events.require(slug).id())
                .query((rs, n) -> new IssuedToken(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Deletes the token; false when the event has no such token. This instance forgets it at once, other
     * instances within a minute (their cache); browsers signed in with it are signed out by then too.
     */
    public boolean revoke(String slug, long id) {
        int deleted = jdbc.sql("DELETE FROM staff_token WHERE id = ? AND event_id = ?")
                .params(id, events.require(slug).id()).update();
        cache.clear();
        return deleted > 0;
    }

    /** The caller a token stands for; unknown tokens are not cached (they cost one indexed lookup each). */
    Optional<Caller> resolve(String token) {
        byte[] hash = hash(token);
        String key = HexFormat.of().formatHex(hash);
        Caller cached = cache.get(key, Caller.class);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = jdbc.sql("""
                        SELECT t.role, e.slug, t.booth_code, t.id, t.label FROM staff_token t JOIN event e ON e.id = t.event_id
                        WHERE t.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Caller(Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .optional();
        caller.ifPresent(c -> cache.put(key, c));
        return caller;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
