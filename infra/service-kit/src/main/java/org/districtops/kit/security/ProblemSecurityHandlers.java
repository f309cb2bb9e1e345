package org.districtops.kit.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** 401, 403 and 503 as problem+json, like every other error of the platform. */
public final class ProblemSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemSecurityHandlers() {
    }

    public static AuthenticationEntryPoint entryPoint() {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "A valid bearer token is required" + reason(ex));
        };
    }

    /**
     * For the bearer-token filter: a token that is wrong is 401; a token that could not be checked because the key
     * set could not be fetched (the identity provider down or slow) is 503 with Retry-After, not a 500, so clients
     * retry rather than sign in again.
     */
    public static AuthenticationFailureHandler bearerFailureHandler() {
        AuthenticationEntryPoint unauthorized = entryPoint();
        return (request, response, ex) -> {
            if (ex instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "5");
                write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                        "Tokens cannot be checked right now: the identity provider's signing keys are unavailable.");
            } else {
                unauthorized.commence(request, response, ex);
            }
        };
    }

    public static AccessDeniedHandler accessDeniedHandler() {
        return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role may not do this.");
    }

    private static String reason(AuthenticationException ex) {
        return ex == null || ex.getMessage() == null ? "." : ": " + ex.getMessage();
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
