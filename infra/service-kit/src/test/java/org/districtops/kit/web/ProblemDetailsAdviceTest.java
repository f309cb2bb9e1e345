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
}
