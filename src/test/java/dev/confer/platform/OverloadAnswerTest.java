package dev.confer.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No database connection within the pool's timeout is an overload, answered 503 with Retry-After in the caller's
 * language (bench/opening.sh at 1,024 requests in flight had these answered 500). Plain JUnit over the real handler
 * and the real message files: provoking a pool timeout in a full-stack test would take the pool's 30 s.
 */
class OverloadAnswerTest {

    private final ProblemResponses responses;

    OverloadAnswerTest() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames("classpath:messages/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        responses = new ProblemResponses(messages, new Problems(messages));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void noConnectionInTimeIs503WithRetryAfterNot500() {
        HttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events/summit/queue");
        LocaleContextHolder.setLocale(Locale.KOREAN);
        ResponseEntity<ProblemDetail> ko = responses.overloaded(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"), request);
        assertThat(ko.getStatusCode().value()).isEqualTo(503);
        assertThat(ko.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(ko.getBody().getDetail()).contains("요청이 몰려").contains("아무것도 바뀌지 않았");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<ProblemDetail> en = responses.overloaded(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"), request);
        assertThat(en.getStatusCode().value()).isEqualTo(503);
        assertThat(en.getBody().getDetail()).contains("too many requests").contains("Nothing was changed");
    }
}
