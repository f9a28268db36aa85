package dev.confer.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import dev.confer.shared.Rejection;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The per-client-address brakes of {@link RateLimits}, before any work is done: registrations (API, page and
 * team forms), sign-ins, and requests with a manage token once that address has failed too many token checks
 * (a failed check is a 401 or 403 answer to a request that carried a token). Refused: 429 with
 * {@code Retry-After}, problem+json for the API, a short page in the visitor's language for the pages. The
 * client address is the one Tomcat resolved, which honours {@code X-Forwarded-For} from a trusted proxy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ClientLimits extends OncePerRequestFilter {

    private static final Pattern REGISTRATION = Pattern.compile(
            "^/(api/v1/events/[^/]+/(registrations|teams)|e/[^/]+/(register|teams/new))/?$");

    private final RateLimits limits;
    private final MessageSource messages;
    private final Problems problems;

    ClientLimits(RateLimits limits, MessageSource messages, Problems problems) {
        this.limits = limits;
        this.messages = messages;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (limits.exempt(address)) {
            request.setAttribute(RateLimits.EXEMPT_ATTRIBUTE, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        String limit = limitFor(request);
        if (limit != null) {
            OptionalLong wait = limits.take(limit, address);
            if (wait.isPresent()) {
                refuse(request, response, wait.getAsLong());
                return;
            }
        }
        boolean carriesToken = request.getParameter("token") != null || request.getHeader("X-Manage-Token") != null;
        if (carriesToken) {
            OptionalLong wait = limits.emptyFor("token-failure", address);
            if (wait.isPresent()) {
                refuse(request, response, wait.getAsLong());
                return;
            }
        }
        chain.doFilter(request, response);
        if (carriesToken && (response.getStatus() == 401 || response.getStatus() == 403)) {
            limits.spend("token-failure", address);
        }
    }

    private static @Nullable String limitFor(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/login")) {
            return "sign-in";
        }
        return REGISTRATION.matcher(path).matches() ? "registration" : null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        Locale locale = request.getLocale();
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // the same problem+json as every other refusal (type, title, detail in the caller's language)
            problems.write(response, new Rejection(429, "request.rate-limited", seconds)
                    .withProperty("retryAfterSeconds", seconds), locale);
        } else {
            String detail = messages.getMessage("request.rate-limited", new Object[]{seconds}, locale);
            String title = messages.getMessage("request.rate-limited.title", null, locale);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("ko") ? "ko" : "en")
                    + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
                    + "</h1><p id=\"rate-limited\">" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>");
        }
    }
}
