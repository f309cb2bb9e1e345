package org.districtops.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/** The gateway's own pages and the circuit breakers' fallback target. */
@Configuration(proxyBeanMethods = false)
public class WebRoutes {

    private static final Resource DISTRICT_PAGE = new ClassPathResource("static/district.html");
    private static final Resource BOARD_PAGE = new ClassPathResource("static/opportunities.html");
    private static final Resource PORTFOLIO_PAGE = new ClassPathResource("static/portfolio.html");
    private static final Resource STAFF_HOME = new ClassPathResource("static/staff/index.html");

    /** One static page for every district; its script reads the id from the URL. */
    @Bean
    RouterFunction<ServerResponse> districtPage() {
        return route(GET("/districts/{districtId}"), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .bodyValue(DISTRICT_PAGE));
    }

    /** The district's opportunity board with its filters (the filters live in the query string). */
    @Bean
    RouterFunction<ServerResponse> opportunityBoardPage() {
        return route(GET("/districts/{districtId}/opportunities"), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .bodyValue(BOARD_PAGE));
    }

    /** An educator's portfolio, when they made it public (the page says so when it is not). */
    @Bean
    RouterFunction<ServerResponse> portfolioPage() {
        return route(GET("/districts/{districtId}/portfolios/{educatorId}"), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .bodyValue(PORTFOLIO_PAGE));
    }

    /** The staff pages' start (sign-in and the list of role pages); the pages themselves are static files. */
    @Bean
    RouterFunction<ServerResponse> staffHome() {
        return route(GET("/staff").or(GET("/staff/")), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .bodyValue(STAFF_HOME));
    }

    /** Any method: the fallback is reached by forwarding the original request, whatever it was. */
    @Bean
    RouterFunction<ServerResponse> fallback(FallbackHandler handler) {
        return route(path("/fallback/{service}"), handler::serviceUnavailable);
    }
}
