package dev.confer.platform;

import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

@RestController
class StaffTokenController {

    private final StaffTokens tokens;

    StaffTokenController(StaffTokens tokens) {
        this.tokens = tokens;
    }

    record StaffTokenRequest(@Nullable String role, @Nullable String booth, @Nullable String label) {
    }

    record StaffTokenResponse(String token, String role, @Nullable String booth) {
    }

    @PostMapping("/api/v1/events/{slug}/staff-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    StaffTokenResponse issue(@PathVariable String slug, @RequestBody StaffTokenRequest request) {
        Role role;
        try {
            role = Role.valueOf(String.valueOf(request.role()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("staff-token.role");
        }
        String token = tokens.issue(slug, role, request.booth(), request.label());
        return new StaffTokenResponse(token, role.name(), role == Role.SPONSOR ? request.booth() : null);
    }
}
