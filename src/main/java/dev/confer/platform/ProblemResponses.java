package dev.confer.platform;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


/** Every refusal leaves as RFC 9457 problem+json with a {@code detail} a person can act on. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private final MessageSource messages;

    private final Problems problems;

    ProblemResponses(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(rejection.status());
        if (rejection.properties().get("retryAfterSeconds") instanceof Long seconds) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return answer.body(problems.of(rejection, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return rejected(Rejection.badRequest("request.bad-parameter", e.getName(), String.valueOf(e.getValue())));
    }

    /**
     * A lock conflict that outlasted the retries around it (deadlock, lock or serialization failure): nothing
     * was changed, so the caller may send the same request again; never a 500.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockConflict(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.warn("Lock conflict outlasted its retries on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getClass().getSimpleName());
        ResponseEntity<ProblemDetail> busy = rejected(new Rejection(503, "request.busy"));
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").body(busy.getBody());
    }

    /**
     * No database connection within the pool's timeout (an overload: bench/opening.sh with 1,024 requests in flight
     * found these answered 500): nothing was done, so 503 with {@code Retry-After}, as a lock conflict is.
     */
    @ExceptionHandler({org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> overloaded(RuntimeException e, HttpServletRequest request) {
        log.warn("No database connection in time on {} {}", request.getMethod(), request.getRequestURI());
        ResponseEntity<ProblemDetail> busy = rejected(new Rejection(503, "request.overloaded"));
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(busy.getBody());
    }

    /**
     * Spring Security's firewall refuses a parameter or header it finds unsafe (a form body whose "names" are
     * JSON, control characters) when the handler first reads it: the caller's request, not a failure of ours.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> firewallRefused(org.springframework.security.web.firewall.RequestRejectedException e) {
        return rejected(Rejection.badRequest("request.rejected"));
    }

    /** A Content-Type such as {@code application/*} names no type: 415, not a failure of ours. */
    @ExceptionHandler({org.springframework.util.InvalidMimeTypeException.class, org.springframework.http.InvalidMediaTypeException.class})
    ResponseEntity<ProblemDetail> badMediaType(RuntimeException e, HttpServletRequest request) {
        return rejected(new Rejection(415, "request.bad-content-type", String.valueOf(request.getContentType())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.security.access.AccessDeniedException ade) {
            throw ade;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // the same failures wrapped on the way out (a cache that could not load its value, for one)
            if (cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return overloaded((RuntimeException) cause, request);
            }
            if (cause instanceof PessimisticLockingFailureException conflict) {
                return lockConflict(conflict, request);
            }
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return rejected(new Rejection(500, "request.unexpected"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String reason = ex.getMostSpecificCause().getMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        return ResponseEntity.badRequest().body(rejected(Rejection.badRequest("request.unreadable", reason)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(rejected(Rejection.badRequest("request.missing-parameter", ex.getParameterName())).getBody());
    }
}
