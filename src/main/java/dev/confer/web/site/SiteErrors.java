package dev.confer.web.site;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The site's pages answer a missing event, session or ticket with a page, not with the API's
 * problem+json (which would otherwise catch every {@link Rejection}).
 */
@ControllerAdvice(basePackageClasses = SiteErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

    static final String NOT_FOUND = "site/not-found";

    @ExceptionHandler({Rejection.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e, HttpServletResponse response) {
        if (e instanceof Rejection r && r.status() != 404) {
            response.setStatus(r.status());
            return new ModelAndView("error", Map.of("status", r.status()));
        }
        response.setStatus(404);
        return new ModelAndView(NOT_FOUND);
    }
}
