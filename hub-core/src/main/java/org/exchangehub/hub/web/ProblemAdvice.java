package org.exchangehub.hub.web;

import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.tabular.TabularFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns refusals into {@code application/problem+json}: a stable {@code code}, a {@code detail} a person can
 * act on, and for bad input an {@code errors} list naming each field and what was expected.
 */
@RestControllerAdvice
// after the console's advice, which turns the same refusals into pages for its own controllers
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ProblemDetail> registry(RegistryException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.valueOf(e.code().httpStatus()), e.code().name(), e.code().title(),
                e.getMessage(), e.fieldProblems());
        if (e instanceof org.exchangehub.hub.gateway.GatewayException g && g.retryAfterSeconds() != null) {
            return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", String.valueOf(g.retryAfterSeconds())).body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(TabularFormatException.class)
    ResponseEntity<ProblemDetail> tabular(TabularFormatException e) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(), "The uploaded file cannot be read",
                e.getMessage(), List.of(new FieldProblem("file", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        String expected = "a JSON document as documented in /swagger-ui.html";
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPathReference().replaceAll("^[^\\[\"]*\\[\"?", "").replace("\"]", "").replace("[\"", ".");
            // name the expected shape, never Jackson's text (it quotes internal class names)
            expected = m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                    ? "a value of JSON type " + jsonType(mi.getTargetType())
                    : "a value of the documented type";
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            expected = "well-formed JSON";
        }
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(), ErrorCode.VALIDATION_FAILED.title(),
                "The request body cannot be read: " + expected, List.of(new FieldProblem(field, expected)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String expected = "a value of type " + (e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName())
                + ", got '" + e.getValue() + "'";
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(), ErrorCode.VALIDATION_FAILED.title(),
                e.getName() + ": expected " + expected, List.of(new FieldProblem(e.getName(), "expected " + expected)));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e) {
        String hint = "If-Match".equalsIgnoreCase(e.getHeaderName())
                ? "send the entry's lock version from its ETag, e.g. If-Match: \"3\", so a concurrent edit is detected"
                : "required";
        return problem(HttpStatus.PRECONDITION_REQUIRED, ErrorCode.VALIDATION_FAILED.name(), "A header is missing",
                e.getHeaderName() + ": " + hint, List.of(new FieldProblem(e.getHeaderName(), hint)));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(), ErrorCode.VALIDATION_FAILED.title(),
                name + " is required", List.of(new FieldProblem(name, "required")));
    }

    private static String jsonType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.time.OffsetDateTime.class
                || type == java.time.LocalDate.class) {
            return "string" + (type == java.time.OffsetDateTime.class ? " (ISO date-time, e.g. 2027-01-31T00:00:00+08:00)" : "");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    /** Spring's own refusals (unknown path, wrong method…) keep their status; anything else is an incident. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            ProblemDetail body = known.getBody();
            body.setProperty("code", HttpStatus.valueOf(known.getStatusCode().value()).name());
            return ResponseEntity.status(known.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Unexpected failure",
                "The hub could not handle this request; give the hub's admins incident " + incident, List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperty("code", code);
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
