package dev.confer.platform;

import dev.confer.shared.Caller;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Who may scrape {@code /actuator/prometheus}: the organizer, or a scraper holding {@code CONFER_METRICS_TOKEN}
 * (a token that opens nothing else, so the Prometheus server's config does not carry the organizer's).
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] metricsToken;

    MetricsAccess(PlatformSettings settings) {
        String token = settings.metricsToken();
        this.metricsToken = token == null || token.isBlank() ? new byte[0] : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth != null && auth.getPrincipal() instanceof Caller caller && caller.isOrganizer()) {
            return new AuthorizationDecision(true);
        }
        String header = context.getRequest().getHeader("Authorization");
        if (metricsToken.length == 0 || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new AuthorizationDecision(false);
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return new AuthorizationDecision(MessageDigest.isEqual(metricsToken, presented));
    }
}
