package org.districtops.kit.web;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors found by the reliability suite's matrix and fuzz runs (issue 10): each one is 4xx problem+json, not 500. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void givenAnIdentifierThatAlreadyHasEvents_whenCreatingAgain_thenConflictNotInternalError() {
        ResponseEntity<Object> response = advice.alreadyExists(
                new AggregateStreamCreationException("Cannot reuse aggregate identifier [d/partner/p-1]"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).doesNotContain("d/partner/p-1");
    }

    @Test
    void givenNoErrorAttributes_whenErrorIsCalledDirectly_thenNotFoundProblem() {
        var response = new ProblemErrorController().error(new MockHttpServletRequest("GET", "/error"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void givenTheContainerRejectedARequestAsTooLarge_whenForwardedToError_thenThatStatusAsProblem() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 413);

        var response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody().getStatus()).isEqualTo(413);
    }

    @Test
    void givenAFormBodyWithInvalidPercentEncoding_whenParametersAreRead_thenBadRequestNotInternalError() {
        ResponseEntity<Object> response = advice.invalidParameters(
                new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) response.getBody()).getProperties().get("errors").toString()).contains("query");
    }

    @Test
    void givenTheFirewallRejectsAnEncodedSlash_whenAnswering_thenProblemJson() throws Exception {
        var response = new org.springframework.mock.web.MockHttpServletResponse();

        TomcatProblemErrors.requestRejectedHandler().handle(new MockHttpServletRequest(), response,
                new org.springframework.security.web.firewall.RequestRejectedException("encoded slash"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":400");
    }

    @Test
    void givenAFormBodyWithABlankParameterName_whenAHandlerReadsParameters_thenBadRequestNotInternalError() {
        ResponseEntity<Object> response = advice.rejected(new org.springframework.security.web.firewall.RequestRejectedException(
                "The request was rejected because the parameter name \" \" is not allowed."));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void givenAFilterCouldNotDecodeAFormBody_whenTheContainerForwardsTo500_thenBadRequestProblem() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION,
                new jakarta.servlet.ServletException(new org.springframework.http.converter.HttpMessageNotReadableException(
                        "Could not decode HTTP form payload", new org.springframework.mock.http.MockHttpInputMessage(new byte[0]))));

        var response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getStatus()).isEqualTo(400);
    }

    enum Colour { RED, GREEN }

    record Form(int capacity, double share, boolean paid, java.time.LocalDate start, java.time.Instant at, Colour colour,
                java.util.List<String> tags, String title) {
    }

    @Test
    void givenAValueOfTheWrongKind_whenTheBodyIsRead_thenTheErrorSaysWhatTheFieldTakesInPlainWords() {
        assertThat(fieldError("{\"capacity\":\"lots\"}")).isEqualTo("capacity: 'lots' is not valid: must be a whole number");
        assertThat(fieldError("{\"share\":\"half\"}")).isEqualTo("share: 'half' is not valid: must be a number");
        assertThat(fieldError("{\"paid\":\"maybe\"}")).isEqualTo("paid: 'maybe' is not valid: must be true or false");
        assertThat(fieldError("{\"start\":\"next week\"}"))
                .isEqualTo("start: 'next week' is not valid: must be a date such as 2026-09-01");
        assertThat(fieldError("{\"at\":\"soon\"}"))
                .isEqualTo("at: 'soon' is not valid: must be a date and time such as 2026-09-01T08:00:00Z");
        assertThat(fieldError("{\"colour\":\"BLUE\"}")).isEqualTo("colour: 'BLUE' is not valid: must be one of [RED, GREEN]");
        assertThat(fieldError("{\"tags\":{\"a\":1}}")).isEqualTo("tags: must be a list");
        assertThat(fieldError("{\"capacity\":[1]}")).isEqualTo("capacity: must be a whole number");
        assertThat(fieldError("{\"title\":{\"a\":1}}")).isEqualTo("title: must be text");
    }

    /** The one field error the advice answers for {@code json} read as a {@link Form}, as "field: message". */
    private String fieldError(String json) {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        RuntimeException cause;
        try {
            mapper.readValue(json, Form.class);
            throw new AssertionError("read without error: " + json);
        } catch (tools.jackson.core.JacksonException e) {
            cause = e;
        }
        var input = new org.springframework.mock.http.MockHttpInputMessage(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ResponseEntity<Object> response = advice.handleHttpMessageNotReadable(
                new org.springframework.http.converter.HttpMessageNotReadableException("unreadable", cause, input),
                new org.springframework.http.HttpHeaders(), org.springframework.http.HttpStatus.BAD_REQUEST,
                new org.springframework.web.context.request.ServletWebRequest(new MockHttpServletRequest()));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        var errors = (java.util.List<?>) ((ProblemDetail) response.getBody()).getProperties().get("errors");
        assertThat(errors).hasSize(1);
        var error = (java.util.Map<?, ?>) errors.get(0);
        return error.get("field") + ": " + error.get("message");
    }
}
