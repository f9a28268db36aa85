package dev.confer.platform;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Rejection} as the RFC 9457 problem body the API answers with, in the caller's language. Public for the
 * batch endpoints, whose every action is answered with the body its own endpoint would have answered.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Writes the problem+json of {@code rejection} as the whole answer, for the filters that refuse a request before
     * Spring MVC sees it (size and character limits, rate limits): the same body every other refusal has.
     */
    void write(HttpServletResponse response, Rejection rejection, Locale locale) throws IOException {
        response.setStatus(rejection.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(of(rejection, locale)));
    }

    public ProblemDetail of(Rejection rejection, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(rejection.status()),
                messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale));
        problem.setType(URI.create("https://confer.dev/problems/" + rejection.messageKey().replace('.', '-')));
        problem.setTitle(HttpStatus.valueOf(rejection.status()).getReasonPhrase());
        if (!rejection.problems().isEmpty()) {
            List<Map<String, String>> errors = rejection.problems().stream()
                    .map(p -> Map.of("pointer", p.pointer(),
                            "detail", messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                    .toList();
            problem.setProperty("errors", errors);
        }
        rejection.properties().forEach(problem::setProperty);
        return problem;
    }
}
