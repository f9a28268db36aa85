package dev.confer.web.site;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;
import java.util.Map;

/**
 * The site's pages answer a missing event, session or ticket with a page, not with the API's
 * problem+json (which would otherwise catch every {@link Rejection}).
 */
@ControllerAdvice(basePackageClasses = SiteErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

    static final String NOT_FOUND = "site/not-found";

    private final MessageSource messages;

    SiteErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({Rejection.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e, HttpServletResponse response, Locale locale) {
        if (e instanceof Rejection r && r.status() == 429 && r.properties().get("retryAfterSeconds") instanceof Long seconds) {
            // a rate limit (joining the waiting room too often from one address): say how long to wait
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return new ModelAndView("error", Map.of("status", 429,
                    "detail", messages.getMessage(r.messageKey(), r.args(), locale)));
        }
        if (e instanceof Rejection r && r.status() != 404) {
            response.setStatus(r.status());
            return new ModelAndView("error", Map.of("status", r.status()));
        }
        response.setStatus(404);
        return new ModelAndView(NOT_FOUND);
    }
}
