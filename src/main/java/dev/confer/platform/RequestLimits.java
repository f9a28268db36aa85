package dev.confer.platform;

import dev.confer.shared.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * What every request must satisfy before any work is done for it: a declared body no larger than
 * {@value #LARGEST_BODY} bytes ({@value #LARGEST_DEFINITION} for an event definition), answered 413; and no control
 * character (other than tab and line breaks) in the path or in any parameter, answered 400 — PostgreSQL cannot store
 * a NUL, and no person types the others. JSON bodies are checked as they are read ({@link PlainTextJson}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestLimits extends OncePerRequestFilter {

    static final long LARGEST_BODY = 1024 * 1024;
    static final long LARGEST_DEFINITION = 8 * 1024 * 1024;

    private final Problems problems;

    RequestLimits(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long limit = isDefinition(request) ? LARGEST_DEFINITION : LARGEST_BODY;
        if (length > limit) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large", String.valueOf(limit / 1024));
            return;
        }
        if (!namesOneType(request.getContentType())) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.bad-content-type", request.getContentType());
            return;
        }
        if (hasControlCharacter(request.getRequestURI()) || hasControlCharacter(request.getQueryString())) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.control-character", "URL");
            return;
        }
        if (!isMultipart(request)) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasControlCharacter(parameter.getKey())) {
                    refuse(request, response, HttpStatus.BAD_REQUEST, "request.control-character", "?");
                    return;
                }
                for (String value : parameter.getValue()) {
                    if (hasControlCharacter(value)) {
                        refuse(request, response, HttpStatus.BAD_REQUEST, "request.control-character", parameter.getKey());
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Tab, line feed and carriage return are text; every other C0 control and DEL is not. */
    static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** No Content-Type, or one that names a type (not {@code application/*}, not malformed). */
    private static boolean namesOneType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    private static boolean isDefinition(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return ("PUT".equals(request.getMethod()) && uri.startsWith("/api/v1/events/") && uri.indexOf('/', 15) < 0)
                || uri.startsWith("/organizer/");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                        Object argument) throws IOException {
        problems.write(response, new Rejection(status.value(), key, argument), request.getLocale());
    }
}
