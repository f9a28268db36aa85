package dev.confer.platform;

import dev.confer.shared.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Who holds a token: the organizer, a staff member of one event, or nobody we know. */
@Component
class TokenHolders {

    private final AdminToken adminToken;
    private final StaffTokens staffTokens;

    TokenHolders(AdminToken adminToken, StaffTokens staffTokens) {
        this.adminToken = adminToken;
        this.staffTokens = staffTokens;
    }

    /** Longer than any token Confer issues (or an organizer would type): refused before any lookup or hashing. */
    static final int LONGEST_TOKEN = 200;

    Optional<Caller> whoHolds(String token) {
        if (token.isBlank() || token.length() > LONGEST_TOKEN) {
            return Optional.empty();
        }
        return adminToken.matches(token) ? Optional.of(Caller.organizer()) : staffTokens.resolve(token);
    }

    static Authentication authentication(Caller caller) {
        return new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
    }
}
