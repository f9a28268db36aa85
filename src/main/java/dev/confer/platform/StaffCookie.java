package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-in staff member's cookie. It carries the staff token itself (HttpOnly, SameSite=Lax), so a
 * sign-in survives an application restart and works on every instance behind a load balancer: nothing
 * about it lives in one server's memory. Revoking the token ends every session made with it.
 */
class StaffCookie extends OncePerRequestFilter {

    static final String NAME = "confer-staff";
    /** A long event day, doors to teardown. */
    static final Duration LIFETIME = Duration.ofHours(16);
    private final TokenHolders holders;

    StaffCookie(TokenHolders holders) {
        this.holders = holders;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String token) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        response.addHeader("Set-Cookie", cookie(request, value, LIFETIME).toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax")
                .secure(request.isSecure()).maxAge(maxAge).build();
    }

    static @Nullable String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                try {
                    return new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException garbled) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The error page (a 403, a 404) is a page too: its header should know who is signed in. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = read(request);
        if (token != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Optional<Caller> caller = holders.whoHolds(token);
            if (caller.isPresent()) {
                SecurityContextHolder.getContext().setAuthentication(TokenHolders.authentication(caller.get()));
            } else {
                clear(request, response); // revoked or from another installation: sign in again
            }
        }
        chain.doFilter(request, response);
    }
}
