package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Turns {@code Authorization: Bearer <token>} into a {@link Caller}; an unknown token is a 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID_TOKEN = "confer.invalid-token";
    private final AdminToken adminToken;
    private final StaffTokens staffTokens;

    BearerTokenFilter(AdminToken adminToken, StaffTokens staffTokens) {
        this.adminToken = adminToken;
        this.staffTokens = staffTokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            Optional<Caller> caller = adminToken.matches(token) ? Optional.of(Caller.organizer()) : staffTokens.resolve(token);
            if (caller.isPresent()) {
                var auth = new UsernamePasswordAuthenticationToken(caller.get(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name())));
                SecurityContextHolder.getContext().setAuthentication(auth);
            } else {
                request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
