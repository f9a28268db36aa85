package dev.confer.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Every per-instance cache, bounded, with statistics for the metrics endpoint and (where its content can change) expiring, behind Spring's cache
 * abstraction with Caffeine. The database stays the source of truth; a cache only saves a round trip or a
 * signature on paths that run thousands of times a minute. Modules look their cache up by name.
 */
@Configuration
@EnableCaching
class CacheConfiguration {

    @Bean
    CacheManager cacheManager() {
        CaffeineCacheManager caches = new CaffeineCacheManager();
        caches.setAllowNullValues(false);
        caches.setCacheNames(java.util.List.of()); // static: a name not listed here is an error, never a new unbounded cache
        // the definition as last read; its version is re-checked against the database every two seconds
        caches.registerCustomCache("event-schedules", Caffeine.newBuilder().recordStats().maximumSize(1_000)
                .expireAfterAccess(Duration.ofHours(1)).build());
        caches.registerCustomCache("event-versions", Caffeine.newBuilder().recordStats().maximumSize(1_000)
                .expireAfterWrite(Duration.ofSeconds(2)).build());
        // keyed by the token's SHA-256, never the token: a flood of wrong or huge tokens cannot grow it
        caches.registerCustomCache("staff-tokens", Caffeine.newBuilder().recordStats().maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(60)).build());
        // an event's key pair never changes (printed tickets stay valid)
        caches.registerCustomCache("ticket-keys", Caffeine.newBuilder().recordStats().maximumSize(1_000).build());
        // a ticket text is deterministic (Ed25519) and verifies the same way for ever: only size bounds these
        caches.registerCustomCache("issued-tickets", Caffeine.newBuilder().recordStats().maximumSize(100_000)
                .expireAfterAccess(Duration.ofHours(12)).build());
        caches.registerCustomCache("verified-tickets", Caffeine.newBuilder().recordStats().maximumSize(200_000)
                .expireAfterAccess(Duration.ofHours(12)).build());
        // the ops room's judged floor per event day (ops/OpsAlerts): recomputed from the scans at most every 10 s
        caches.registerCustomCache("ops-floor", Caffeine.newBuilder().recordStats().maximumSize(100)
                .expireAfterWrite(Duration.ofSeconds(10)).build());
        return caches;
    }
}
