package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The staff sign-in page: a desk, door or sponsor token (or the organizer's) is typed or pasted once and
 * the browser keeps it in a cookie from then on (see {@link StaffCookie}).
 */
@Controller
class StaffSignIn {

    private final TokenHolders holders;

    StaffSignIn(TokenHolders holders) {
        this.holders = holders;
    }

    @GetMapping("/login")
    String page(@RequestParam(required = false) @Nullable String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "platform/sign-in";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(required = false) @Nullable String token, @RequestParam(required = false) @Nullable String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String presented = token == null ? "" : token.strip();
        Optional<Caller> caller = holders.whoHolds(presented);
        if (caller.isEmpty()) {
            model.addAttribute("next", safeNext(next));
            model.addAttribute("error", presented.isEmpty() ? "sign-in.token-required" : "sign-in.token-unknown");
            response.setStatus(presented.isEmpty() ? 400 : 401);
            return "platform/sign-in";
        }
        StaffCookie.write(request, response, presented);
        // a CSRF token known before signing in (perhaps planted) must not carry over into the signed-in pages
        response.addHeader("Set-Cookie", ResponseCookie.from(SecurityConfig.CSRF_COOKIE, "").path("/").maxAge(0).build().toString());
        String target = safeNext(next);
        return "redirect:" + (target != null ? target : home(caller.get()));
    }

    /** Where each role starts its day. */
    static String home(Caller caller) {
        return switch (caller.role()) {
            case ORGANIZER -> "/organizer";
            case DESK -> "/desk/" + caller.eventSlug();
            case DOOR -> "/door/" + caller.eventSlug();
            case SPONSOR -> "/sponsor/" + caller.eventSlug();
        };
    }

    /** Only a path on this site, so the sign-in page cannot be used to send someone elsewhere. */
    private static @Nullable String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")
                || next.length() > 500 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return next;
    }
}
