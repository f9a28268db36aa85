package dev.confer.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.confer.shared.Rejection;
import dev.confer.shared.Throttle;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Abuse brakes (Bucket4j token buckets): per client address on registrations, sign-ins and failed manage-token
 * checks ({@link ClientLimits}), per e-mail address on registration attempts and per client address on joining a
 * waiting room ({@link Throttle}).
 *
 * <p><b>Per instance, on purpose.</b> The buckets live in each instance's memory (a bounded Caffeine cache),
 * not in PostgreSQL: a limit then costs no database round trip on the hottest request of opening day, and
 * with N instances a client gets at most N times the limit, which still stops a script at 1,800 registrations
 * a minute. They are brakes against abuse, not quotas. Fair allocation of scarce places is the waiting room's
 * job. {@code CONFER_RATE_LIMITS=off} switches them all off (benchmarks, load tests); addresses listed in
 * {@code confer.rate-limit.exempt} (a registration kiosk, the organizer's office) are never limited.
 */
@Component
class RateLimits implements Throttle {

    /** A named limit: {@code count} requests per {@code per}, refilled smoothly. */
    record Limit(String name, int count, Duration per) {
    }

    /** Request attribute set by {@link ClientLimits} for an exempt client, so the per-e-mail brake also spares it. */
    static final String EXEMPT_ATTRIBUTE = RateLimits.class.getName() + ".exempt";

    private final boolean enabled;
    private final Set<String> exempt;
    private final Map<String, Limit> limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofHours(1)).build();

    RateLimits(@Value("${confer.rate-limits:on}") String switchedOn,
               @Value("${confer.rate-limit.exempt:}") String exemptAddresses,
               @Value("${confer.rate-limit.registrations-per-address-per-minute:30}") int registrationsPerAddress,
               @Value("${confer.rate-limit.registrations-per-email-per-hour:5}") int registrationsPerEmail,
               @Value("${confer.rate-limit.sign-ins-per-address-per-minute:20}") int signInsPerAddress,
               @Value("${confer.rate-limit.token-failures-per-address-per-10-minutes:30}") int tokenFailures,
               @Value("${confer.rate-limit.queue-joins-per-address-per-minute:600}") int queueJoinsPerAddress) {
        this.enabled = !Set.of("off", "false", "no", "0").contains(switchedOn.strip().toLowerCase(java.util.Locale.ROOT));
        this.exempt = Arrays.stream(exemptAddresses.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.limits = Map.of(
                "registration", new Limit("registration", registrationsPerAddress, Duration.ofMinutes(1)),
                "registration-email", new Limit("registration-email", registrationsPerEmail, Duration.ofHours(1)),
                "sign-in", new Limit("sign-in", signInsPerAddress, Duration.ofMinutes(1)),
                "token-failure", new Limit("token-failure", tokenFailures, Duration.ofMinutes(10)),
                // generous: the people behind one office address each take their own place in the waiting room
                "queue-join", new Limit("queue-join", queueJoinsPerAddress, Duration.ofMinutes(1)));
    }

    boolean enabled() {
        return enabled;
    }

    boolean exempt(String address) {
        return exempt.contains(address);
    }

    /** Takes one request from the bucket; empty means the seconds to wait, present means refused. */
    OptionalLong take(String limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** The seconds to wait when the bucket is empty now (without taking anything), else empty. */
    OptionalLong emptyFor(String limit, String key) {
        Bucket bucket = bucket(limit, key);
        return bucket.getAvailableTokens() > 0 ? OptionalLong.empty()
                : OptionalLong.of(seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts one failure against the bucket (never refuses by itself). */
    void spend(String limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    @Override
    public void attempt(String bucket, String key) {
        if (!enabled) {
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(EXEMPT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null) {
            return;
        }
        OptionalLong wait = take(bucket, key.strip().toLowerCase(java.util.Locale.ROOT));
        if (wait.isPresent() && bucket.equals("registration-email")) {
            throw tooMany("request.rate-limited-email", wait.getAsLong());
        }
        if (wait.isPresent()) { // a per-address bucket (joining the waiting room): the wait in seconds
            throw new Rejection(429, "request.rate-limited", wait.getAsLong()).withProperty("retryAfterSeconds", wait.getAsLong());
        }
    }

    static Rejection tooMany(String key, long seconds) {
        return new Rejection(429, key, Math.max(1, (seconds + 59) / 60)).withProperty("retryAfterSeconds", seconds);
    }

    private Bucket bucket(String limit, String key) {
        Limit l = limits.get(limit);
        if (l == null) {
            throw new IllegalArgumentException("No rate limit named " + limit);
        }
        return buckets.get(limit + '|' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(l.count()).refillGreedy(l.count(), l.per()).build()).build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
