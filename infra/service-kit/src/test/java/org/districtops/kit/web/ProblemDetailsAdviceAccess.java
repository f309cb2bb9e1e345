package org.districtops.kit.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.ResponseEntity;

/** Lets tests in other packages call the advice's package-private handlers as Spring MVC would. */
public final class ProblemDetailsAdviceAccess {

    private ProblemDetailsAdviceAccess() {
    }

    public static ResponseEntity<Object> answer(Exception ex) {
        ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
        return ex instanceof CommandExecutionException command ? advice.commandFailed(command) : advice.unexpected(ex);
    }
}
