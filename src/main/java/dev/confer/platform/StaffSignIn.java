package dev.confer.platform;

import dev.confer.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;

/**
 * The staff sign-in page: a desk, door or sponsor token (or the organizer's) is typed or pasted once and
 * the browser keeps a session cookie from then on.
 */
@Controller
class StaffSignIn {

    private final AdminToken adminToken;
    private final StaffTokens staffTokens;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    StaffSignIn(AdminToken adminToken, StaffTokens staffTokens) {
        this.adminToken = adminToken;
        this.staffTokens = staffTokens;
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
        Optional<Caller> caller = presented.isEmpty() ? Optional.empty()
                : adminToken.matches(presented) ? Optional.of(Caller.organizer()) : staffTokens.resolve(presented);
        if (caller.isEmpty()) {
            model.addAttribute("next", safeNext(next));
            model.addAttribute("error", presented.isEmpty() ? "sign-in.token-required" : "sign-in.token-unknown");
            response.setStatus(presented.isEmpty() ? 400 : 401);
            return "platform/sign-in";
        }
        request.getSession(true);
        request.changeSessionId(); // a session id known before signing in must not carry the signed-in session
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(caller.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
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
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
            return null;
        }
        return next;
    }
}
