package dev.confer.web;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;
import java.util.Map;

/**
 * A refusal on a page is shown as a page in the person's language (the API answers problem+json for the
 * same refusal). Pages with a better answer of their own (the site's not-found, the desk's problem page)
 * handle it first.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Rejection.class)
    ModelAndView refused(Rejection rejection, Locale locale, HttpServletResponse response) {
        response.setStatus(rejection.status());
        return new ModelAndView("error", Map.of("status", rejection.status(),
                "detail", messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale)));
    }
}
