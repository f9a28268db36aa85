package dev.confer.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Flash attributes (the "saved", "registered", "cancelled" notice shown once after a redirect) without a
 * server session: Spring's default keeps them in an {@code HttpSession}, which gave every anonymous visitor who
 * submitted a form a {@code JSESSIONID}. Here they wait in a bounded, expiring cache under a random id that a
 * short-lived cookie carries to the next request. A notice lives on the instance that set it; behind a load
 * balancer without sticky sessions the redirect may land elsewhere and the notice is not shown (what was done
 * is done either way). Registered as the {@code flashMapManager} bean, which Spring Boot then leaves alone.
 */
@Component("flashMapManager")
class FlashNotices extends AbstractFlashMapManager {

    static final String COOKIE = "confer-flash";
    private static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, List<FlashMap>> waiting = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(LIFETIME).build();

    FlashNotices() {
        setFlashMapTimeout((int) LIFETIME.toSeconds());
    }

    @Override
    protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        String id = idOf(request);
        List<FlashMap> maps = id == null ? null : waiting.getIfPresent(id);
        return maps == null ? null : new java.util.ArrayList<>(maps); // the caller edits the list it gets
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        String id = idOf(request);
        if (flashMaps.isEmpty()) {
            if (id != null) {
                waiting.invalidate(id);
                response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
            }
            return;
        }
        if (id == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            id = HexFormat.of().formatHex(random);
        }
        waiting.put(id, new java.util.ArrayList<>(flashMaps));
        response.addHeader("Set-Cookie", cookie(request, id, LIFETIME).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).sameSite("Lax")
                .secure(request.isSecure()).maxAge(maxAge).build();
    }

    /** The cookie's id, if it has the shape this class gives it (anything else is ignored, never looked up). */
    private static @Nullable String idOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[0-9a-f]{32}")) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
