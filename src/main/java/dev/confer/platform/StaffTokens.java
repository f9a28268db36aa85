package dev.confer.platform;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for desk, door and sponsor staff. Only a SHA-256 of each token is stored. Lookups are
 * cached for a minute per instance; the database stays the source of truth. Public: the organizer's
 * pages issue, list and revoke them.
 */
@Component
public class StaffTokens {

    private static final Duration CACHE_FOR = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private final EventCatalog events;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    StaffTokens(JdbcClient jdbc, EventCatalog events) {
        this.jdbc = jdbc;
        this.events = events;
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
     * instances within a minute (their cache); a browser already signed in with it keeps its session.
     */
    public boolean revoke(String slug, long id) {
        int deleted = jdbc.sql("DELETE FROM staff_token WHERE id = ? AND event_id = ?")
                .params(id, events.require(slug).id()).update();
        cache.clear();
        return deleted > 0;
    }

    Optional<Caller> resolve(String token) {
        long now = System.nanoTime();
        Cached cached = cache.get(token);
        if (cached != null && now - cached.loadedAt < CACHE_FOR.toNanos()) {
            return Optional.ofNullable(cached.caller);
        }
        Caller caller = jdbc.sql("""
                        SELECT t.role, e.slug, t.booth_code FROM staff_token t JOIN event e ON e.id = t.event_id
                        WHERE t.token_hash = ?""")
                .param(hash(token))
                .query((rs, n) -> new Caller(Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(token, new Cached(caller, now));
        return Optional.ofNullable(caller);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(@Nullable Caller caller, long loadedAt) {
    }
}
