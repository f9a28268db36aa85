package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Turns {@code Authorization: Bearer <token>} into a {@link Caller}; an unknown token is a 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID_TOKEN = "confer.invalid-token";
    private final TokenHolders holders;

    BearerTokenFilter(TokenHolders holders) {
        this.holders = holders;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> caller = holders.whoHolds(header.substring(7).strip());
            if (caller.isPresent()) {
                SecurityContextHolder.getContext().setAuthentication(TokenHolders.authentication(caller.get()));
            } else {
                request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
