package dev.confer.shared;

/**
 * The abuse brakes a module may apply on its own terms (the registration module: attempts per e-mail address; the
 * waiting room: joins per client address).
 * The platform implements it; a refused attempt throws a {@link Rejection} with status 429 and a
 * {@code retryAfterSeconds} property, which the API answers as problem+json with {@code Retry-After}.
 */
public interface Throttle {

    /** Counts one attempt under {@code key} in {@code bucket}; refuses (429) when that key had too many lately. */
    void attempt(String bucket, String key);
}
