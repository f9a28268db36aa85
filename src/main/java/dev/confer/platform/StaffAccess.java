package dev.confer.platform;

import dev.confer.shared.Caller;
import dev.confer.shared.Role;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** Lets the organizer in, and staff of the given roles who belong to the event in the path. */
final class StaffAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final Set<Role> roles;

    private StaffAccess(Set<Role> roles) {
        this.roles = roles;
    }

    static StaffAccess organizerOr(Role... roles) {
        Set<Role> set = EnumSet.of(Role.ORGANIZER);
        set.addAll(Set.of(roles));
        return new StaffAccess(set);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            return new AuthorizationDecision(false);
        }
        if (!roles.contains(caller.role())) {
            return new AuthorizationDecision(false);
        }
        String slug = context.getVariables().get("slug");
        return new AuthorizationDecision(slug == null || caller.mayActFor(slug));
    }
}
