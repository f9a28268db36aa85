package dev.confer.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An address that leads nowhere: a browser gets the not-found page (through the error page, in its
 * language, with the usual header), a script gets problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

    private final MessageSource messages;

    MissingPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void missing(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SecurityConfig.wantsPage(request)) {
            response.sendError(404);
            return;
        }
        String detail = messages.getMessage("request.no-such-address", new Object[]{request.getRequestURI()},
                LocaleContextHolder.getLocale());
        response.setStatus(404);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\""
                + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
