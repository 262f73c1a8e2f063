package io.tidecrm.integration.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tidecrm.integration.internal.Problems;
import io.tidecrm.lead.LeadDuplicateException;
import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the API as an RFC 9457 problem detail with a stable {@code code}: a refused
 * business rule carries its rule's key ({@code customer.cap.exceeded}, {@code pool.grab.dailyLimit},
 * {@code followup.occurredAt.tooOld}, ...) and every refused field under {@code errors}; a stale
 * {@code If-Match} is 412 {@code form.staleVersion}; an id outside the caller's scope is 404
 * {@code notFound}, the same as an id that does not exist.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemAdvice.class)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    static final String STALE = "form.staleVersion";

    private final MessageSource messages;
    private final Problems problems;

    ApiProblemAdvice(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e, HttpServletRequest request) {
        HttpStatus status = STALE.equals(e.messageKey()) ? HttpStatus.PRECONDITION_FAILED
                : e.messageKey().startsWith("customer.duplicate") || e.messageKey().equals("pool.grab.taken")
                        || e instanceof LeadDuplicateException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(status, e.messageKey(), render(e.messageKey(), e.args(), request), request);
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field() == null ? "" : v.field(), "code", v.messageKey(), "message",
                        render(v.messageKey(), v.argArray(), request)))
                .toList());
        if (e instanceof LeadDuplicateException duplicate) {
            problem.setProperty("duplicates", duplicate.matches());
        }
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "code",
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), "message",
                        v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", problems.text("validation", request),
                request);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MissingIfMatchException.class)
    ProblemDetail ifMatchMissing(HttpServletRequest request) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "ifMatch.required", problems.text("ifMatch.required", request),
                request);
    }

    @ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "badRequest", problems.text("badRequest", request), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", problems.text("forbidden", request), request);
    }

    /** The modules' not-found exceptions (annotated 404), Spring's own error responses, and anything else. */
    @ExceptionHandler(Exception.class)
    ProblemDetail other(Exception e, HttpServletRequest request) {
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (status != null && status.code() == HttpStatus.NOT_FOUND) {
            return problem(HttpStatus.NOT_FOUND, "notFound", problems.text("notFound", request), request);
        }
        if (e instanceof ErrorResponse response) {
            HttpStatus code = HttpStatus.resolve(response.getStatusCode().value());
            if (code != null && code.is4xxClientError()) {
                return problem(code, code == HttpStatus.NOT_FOUND ? "notFound" : "badRequest",
                        problems.text(code == HttpStatus.NOT_FOUND ? "notFound" : "badRequest", request), request);
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                problems.text("internal", request, id), request);
        problem.setProperty("errorId", id);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return problem;
    }

    private String render(String key, Object[] args, HttpServletRequest request) {
        return messages.getMessage(key, args, key, Problems.locale(request));
    }
}
