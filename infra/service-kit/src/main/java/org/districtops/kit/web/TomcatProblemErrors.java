package org.districtops.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.Writer;

/**
 * Requests that Tomcat or Spring Security's firewall reject before Spring MVC sees them (encoded slashes or dots,
 * NUL bytes, invalid URL encoding) were answered with Tomcat's HTML error page. Found by the reliability suite's
 * fuzz run: every 4xx must be problem+json. This replaces Tomcat's error report valve and the firewall's
 * rejection handler with ones that write a problem document and nothing about the server.
 */
public final class TomcatProblemErrors implements ApplicationListener<ServletWebServerInitializedEvent> {

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            Host host = tomcat.getTomcat().getHost();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }

    /** The firewall's rejections (e.g. an encoded "/" or "." in the path) as 400 problem+json. */
    public static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> write(response, 400);
    }

    static void write(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(body(status).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String body(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved == null ? "Error" : resolved.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The request was rejected before it reached the service.\"}";
    }

    /** Tomcat's own error answers (no servlet involved) as problem+json instead of an HTML page. */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing more to tell it
            }
        }
    }
}
