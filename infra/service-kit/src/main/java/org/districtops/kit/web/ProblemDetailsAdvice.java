package org.districtops.kit.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import jakarta.validation.ConstraintViolationException;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.errors.StoreOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error leaves the service as RFC 9457 problem+json. Validation problems name the field in
 * {@code errors[].field}; bad input is always 4xx, and nothing internal leaks into a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** What a client should wait before retrying after a store outage (the stores' own timeouts are about 2 s). */
    static final String RETRY_AFTER_SECONDS = "5";

    /** One field-level complaint. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::toFieldProblem)
                .toList();
        ex.getBindingResult().getGlobalErrors().forEach(e ->
                log.debug("Global validation error: {}", e.getDefaultMessage()));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a @Valid body is reported as ParameterErrors: name its fields, not the parameter
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(ProblemDetailsAdvice::toFieldProblem)
                        : r.getResolvableErrors().stream().map(e -> new FieldProblem(
                                r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the Jackson exception carries the field path; its own cause (e.g. a DateTimeParseException) does not
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                cause = t;
                break;
            }
        }
        FieldProblem problem;
        if (cause instanceof StreamReadException parse) {
            var location = parse.getLocation();
            problem = new FieldProblem("body", "Malformed JSON" + (location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                    + ": " + parse.getOriginalMessage());
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = new FieldProblem(path(unknown), "Unknown property '" + unknown.getPropertyName()
                    + "'; expected one of " + unknown.getKnownPropertyIds());
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && expectation(mismatch.getTargetType()) != null) {
            Object given = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            problem = new FieldProblem(path(mismatch), (given instanceof String text ? "'" + text + "' is not valid: " : "")
                    + expectation(mismatch.getTargetType()));
        } else if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            problem = new FieldProblem(path(mapping), "Invalid value: " + firstLine(mapping.getOriginalMessage()));
        } else {
            problem = new FieldProblem("body", "Request body is missing or unreadable");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(
                new FieldProblem(ex.getName(), "Invalid value '" + ex.getValue() + "'"))));
    }

    /** Tomcat parses a form body or query lazily: invalid %-encoding in it (e.g. "%ZZ") is the caller's error. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> invalidParameters(org.apache.tomcat.util.http.InvalidParameterException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem("query",
                "Parameters are not validly URL-encoded"))));
    }

    /** Spring Security's firewall checks parameter names lazily, when a handler reads them (e.g. a form part "--x"). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem("query",
                "Parameter names must be printable and not blank"))));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<Object> conflict(StateConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingAggregateVersionException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed or created this at the same time; reload and try again.");
    }

    /** Creating something under an identifier that already has events (e.g. a partner id chosen twice). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyExists(AggregateStreamCreationException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict", "This already exists; choose another identifier.");
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found",
                ex instanceof NotFoundException ? ex.getMessage() : "No such resource.");
    }

    @ExceptionHandler({AccessDeniedException.class, ForbiddenException.class})
    ResponseEntity<Object> forbidden(RuntimeException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    /** A command handler's exception reaches us wrapped when it crossed a (future) distributed bus. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidInputException e) {
            return invalidInput(e);
        }
        if (cause instanceof StateConflictException e) {
            return conflict(e);
        }
        if (cause instanceof ForbiddenException e) {
            return forbidden(e);
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        Optional<StoreOutages.Part> down = StoreOutages.unavailablePart(ex);
        if (down.isPresent()) {
            return storeUnavailable(down.get(), ex);
        }
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; the request was not applied.");
    }

    /**
     * A store that cannot be reached is a temporary outage, not a bug: 503 with Retry-After, naming the part
     * (the request was not applied). Logged without a stack trace: the outage, not the code, is the news.
     */
    ResponseEntity<Object> storeUnavailable(StoreOutages.Part part, Exception ex) {
        log.warn("Answering 503: the {} is unavailable ({})", part.label(), rootMessage(ex));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + part.label() + " is unavailable; the request was not applied. Try again shortly.");
        body.setTitle(capitalized(part.label()) + " unavailable");
        body.setProperty("unavailable", part.label());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setTitle("Invalid request");
        body.setDetail(errors.isEmpty() ? "The request is invalid." : errors.stream()
                .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow());
        body.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return body;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }

    private static FieldProblem toFieldProblem(FieldError e) {
        return new FieldProblem(e.getField(), e.getDefaultMessage());
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** What a field of this type takes, in the caller's words rather than Java's; null for types without one. */
    static String expectation(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date such as 2026-09-01";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class) {
            return "must be a date and time such as 2026-09-01T08:00:00Z";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
