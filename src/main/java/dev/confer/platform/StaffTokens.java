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
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for desk, door and sponsor staff. Only a SHA-256 of each token is stored. Lookups are
 * cached for a minute per instance; the database stays the source of truth.
 */
@Component
class StaffTokens {

    private static final Duration CACHE_FOR = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private final EventCatalog events;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    StaffTokens(JdbcClient jdbc, EventCatalog events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    String issue(String slug, Role role, @Nullable String booth, @Nullable String label) {
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
