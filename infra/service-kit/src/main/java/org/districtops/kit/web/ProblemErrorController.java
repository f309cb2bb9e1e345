package org.districtops.kit.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in a filter, or the container rejecting a request) reach {@code /error};
 * answer them as problem+json like every other error, never with internals. Called directly, {@code /error}
 * is not a resource: 404 (Boot's default answered 500 with status 999).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.NOT_FOUND;
        if (isClientError(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            status = HttpStatus.BAD_REQUEST; // e.g. FormContentFilter failing on a PUT/DELETE form body with bad %-encoding
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(status.is5xxServerError() ? "Something went wrong on our side; the request was not applied."
                : status == HttpStatus.NOT_FOUND ? "No such resource." : "The request was refused.");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Exceptions from filters that mean the request itself was unreadable, whatever status the container chose. */
    static boolean isClientError(Object exception) {
        for (Throwable t = exception instanceof Throwable th ? th : null; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.http.converter.HttpMessageNotReadableException
                    || t instanceof org.springframework.security.web.firewall.RequestRejectedException
                    || t instanceof org.apache.tomcat.util.http.InvalidParameterException) {
                return true;
            }
        }
        return false;
    }
}
